"""One Plotly template and one semantic colour map for the whole app.

Colours come from the Okabe-Ito palette (safe for the common colour-vision deficiencies). The
*basis* of a figure is encoded twice, by colour and by fill/line style, so reported figures,
figures derived by the project and user assumptions never look alike, even in greyscale:
reported = solid, derived = hatched, assumption = dashed outline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#8C8C8C",
}

INK = "#1F2933"
MUTED = "#5F6B7A"
GRID = "#E3E7EC"
PAPER = "#FFFFFF"
FONT = "Inter, 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class BasisStyle:
    """How one basis reads and looks everywhere: its word in tables and exports, its legend entry,
    the badge on a headline card, its colour and its fill (``pattern`` "/" = hatched; ``open`` =
    outline only)."""

    label: str
    legend: str
    badge: str
    colour: str
    pattern: str
    open: bool


BASES: dict[str, BasisStyle] = {
    "reported": BasisStyle("Reported", "Reported figure", "reported", OKABE_ITO["blue"], "", False),
    "derived": BasisStyle(
        "Derived from wording",
        "Derived from wording (project's reading)",
        "derived from wording",
        OKABE_ITO["orange"],
        "/",
        False,
    ),
    "assumed": BasisStyle("Assumed", "Your assumption (scenario)", "assumed", OKABE_ITO["purple"], "", True),
}
"""The one basis table (``data.vocabulary.Basis``); the maps below are views of it."""
BASIS_COLOURS = {basis: style.colour for basis, style in BASES.items()}
BASIS_LABELS = {basis: style.legend for basis, style in BASES.items()}
BASIS_PATTERN = {basis: style.pattern for basis, style in BASES.items()}
BASIS_BADGES = {basis: style.badge for basis, style in BASES.items()}

LANE_COLOURS = {
    "us_government": OKABE_ITO["blue"],
    "china_regulators": OKABE_ITO["vermillion"],
    "nvidia": OKABE_ITO["green"],
    "buyers": OKABE_ITO["orange"],
    "others": OKABE_ITO["grey"],
}

# Status colours run from "go" (green/blue) through "waiting" (yellow/sky) to "stop" (vermillion).
STATUS_COLOURS = {
    "approved": OKABE_ITO["green"],
    "in_effect": OKABE_ITO["green"],
    "applied": OKABE_ITO["green"],
    "shipped": OKABE_ITO["blue"],
    "delivered": OKABE_ITO["blue"],
    "conditional": OKABE_ITO["sky"],
    "in_principle": OKABE_ITO["sky"],
    "announced": OKABE_ITO["blue"],
    "proposed": OKABE_ITO["yellow"],
    "pending": OKABE_ITO["yellow"],
    "under_review": OKABE_ITO["yellow"],
    "planned": OKABE_ITO["yellow"],
    "paused": OKABE_ITO["orange"],
    "halted": OKABE_ITO["orange"],
    "blocked": OKABE_ITO["vermillion"],
    "denied": OKABE_ITO["vermillion"],
    "cancelled": OKABE_ITO["vermillion"],
    "none": OKABE_ITO["vermillion"],
    "disputed": OKABE_ITO["purple"],
    "unverified": OKABE_ITO["purple"],
    "listed": OKABE_ITO["vermillion"],
    "reported": OKABE_ITO["grey"],
}

EVENT_SYMBOLS = {
    "policy": "square",
    "legislation": "square-open",
    "condition": "diamond",
    "export_licence": "triangle-up",
    "import_approval": "triangle-down",
    "application": "triangle-right",
    "order": "star",
    "demand_signal": "star-open",
    "supply": "hexagon",
    "production": "hexagon-open",
    "shipment": "cross",
    "delivery": "x",
    "price": "pentagon",
    "statement": "circle",
    "visit": "circle-open",
    "enforcement": "hourglass",
    "market": "bowtie",
    "financial": "diamond-open",
    "status": "circle-cross",
    "spec": "diamond-tall",
}
"""One marker per kind of event (the timeline's only key to it). Two kinds share a shape only as
filled and open (order and demand signal). "status" was a circle-dot (the same blue circle as
"statement"), then a hexagram: a six-pointed star beside the orders' five-pointed one, read as the
same thing. A circle with a cross reads as neither."""
STAR_LIKE_SYMBOLS = frozenset(
    {"star", "hexagram", "star-triangle-up", "star-triangle-down", "star-square", "star-diamond"}
)
"""Plotly symbols that all read as "a star" at marker size: at most one kind may use them."""

CONFIDENCE_OPACITY = {"high": 1.0, "medium": 0.75, "low": 0.4}

# Text on a coloured cell: written so the dark-mode swap (INK -> DARK_INK) leaves them alone,
# because a cell's colour does not change with the theme and neither may its text.
TEXT_ON_LIGHT = "#111111"
TEXT_ON_DARK = "rgb(255,255,255)"


def luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB' or 'rgb(r,g,b)'."""
    if colour.startswith("rgb"):
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
    else:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: str) -> str:
    """The text colour that reads best on ``background``, the same in both themes."""
    return max((TEXT_ON_LIGHT, TEXT_ON_DARK), key=lambda ink: contrast(ink, background))


TEMPLATE_NAME = "h200"
TEMPLATE_TOP_PX = 84  # room for a one-line title and its subtitle


def _template(ink: str = INK, muted: str = MUTED, grid: str = GRID, paper: str = PAPER) -> go.layout.Template:
    template = go.layout.Template()
    template.layout = go.Layout(
        font={"family": FONT, "size": 14, "color": ink},
        title={"font": {"size": 18, "color": ink}, "x": 0, "xanchor": "left", "y": 0.97},
        paper_bgcolor=paper,
        plot_bgcolor=paper,
        colorway=[OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "black")],
        margin={"l": 16, "r": 24, "t": TEMPLATE_TOP_PX, "b": 96},
        xaxis={"gridcolor": grid, "zerolinecolor": grid, "linecolor": muted, "ticks": "outside", "automargin": True},
        yaxis={"gridcolor": grid, "zerolinecolor": grid, "linecolor": muted, "ticks": "outside", "automargin": True},
        # Legend pinned to the bottom of the figure (not of the plot), so tall charts keep it close.
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0.005,
            "xanchor": "left",
            "x": 0,
            "font": {"size": 12},
        },
        hoverlabel={"font": {"family": FONT, "size": 13}, "align": "left"},
    )
    return template


pio.templates[TEMPLATE_NAME] = _template()

# Dark variant: same palette (Okabe-Ito reads on both), light ink on Streamlit's dark background.
DARK_INK = "#E6EAF0"
DARK_MUTED = "#A3ADBA"
DARK_GRID = "#2F3742"
DARK_PAPER = "#10151C"  # the dark theme background in .streamlit/config.toml
DARK_TEMPLATE_NAME = "h200_dark"
pio.templates[DARK_TEMPLATE_NAME] = _template(DARK_INK, DARK_MUTED, DARK_GRID, DARK_PAPER)
_DARK_SWAP = {INK.lower(): DARK_INK, MUTED.lower(): DARK_MUTED, GRID.lower(): DARK_GRID, "#ffffff": DARK_PAPER}


def _swap_colours(node: object) -> object:
    if isinstance(node, dict):
        return {k: _swap_colours(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_swap_colours(v) for v in node]
    if isinstance(node, str):
        if node.lower() in _DARK_SWAP:
            return _DARK_SWAP[node.lower()]
        for light, dark in ((INK, DARK_INK), (MUTED, DARK_MUTED)):  # colours inside title/subtitle markup
            node = node.replace(f"color:{light}", f"color:{dark}")
    return node


def for_dark(fig: go.Figure) -> go.Figure:
    """The same figure for a dark page: dark template, and the light theme's ink, muted and grid
    colours that builders set explicitly (labels, whiskers, annotations) swapped for dark ones."""
    spec = _swap_colours(fig.to_plotly_json())
    out = go.Figure(spec)
    return out.update_layout(template=DARK_TEMPLATE_NAME)


PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "showSendToCloud": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900, "scale": 2},
}


def plotly_config(filename: str, *, present: bool = False) -> dict:
    """Modebar settings for one chart: presentation-size image export named after the chart."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"], "filename": filename}}
    if present:
        config["displayModeBar"] = False
    return config
