"""Key-moment labels above the timeline, placed so that no two overlap on the narrowest chart
they are drawn on; a moment whose label cannot be placed is not marked at all (no line either),
so every dotted line carries its label.

Why the narrowest chart: Plotly draws a label at a fixed size in pixels beside a date whose
position scales with the plot's width. Two labels apart (and inside the figure) on a narrow chart
are therefore apart on every wider one, so one placement serves every width from that one up.
Text widths are estimated from the font size (``CHAR_EM``, a little above what Chromium's sans
draws), never measured: pure, no browser. Rows are pixel offsets above the plot (``yshift``), so
rows never touch whatever the chart's height.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.theme import MUTED

CHAR_EM = 0.56  # a character's width as a share of the font size (Chromium's sans draws 0.47-0.50)
BOX_PAD_PX = 4  # the label's background box around its text
GAP_PX = 8  # air between two labels on one row
AXIS_PAD = 0.05  # the time axis runs 5 % past the first and last event on each side
RIGHT_MARGIN_PX = 24  # the template's right margin
MOMENT_LINE = {"color": MUTED, "width": 1, "dash": "dot"}


@dataclass(frozen=True)
class LabelRoom:
    """The narrowest chart the labels must fit on: its width, label font, row height and rows."""

    figure_px: float
    font_px: float
    row_px: float
    rows: int
    tick_px: float  # the lane names' size: they set the left margin


# The page at its narrowest: a 390 px phone less Streamlit's 16 px padding on each side.
PAGE_ROOM = LabelRoom(figure_px=358, font_px=11, row_px=17, rows=6, tick_px=14)


@dataclass(frozen=True)
class PlacedLabel:
    date: pd.Timestamp
    text: str
    row: int
    anchor: str  # "left" (text runs right of the line), "right" or "center"


def text_px(text: str, font_px: float) -> float:
    """The estimated width of a label's box (the text is Plotly markup: entities count once)."""
    return len(html.unescape(text)) * CHAR_EM * font_px + BOX_PAD_PX


def left_margin_px(lane_names: Sequence[str], tick_px: float) -> float:
    """The plot's left margin: Plotly's automargin makes room for the longest lane name."""
    return max((len(name) for name in lane_names), default=0) * CHAR_EM * tick_px


def axis_range(first: pd.Timestamp, last: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The time axis, set explicitly (Plotly's own padding varies with the width); one day gets
    a month either side, not milliseconds."""
    pad = (last - first) * AXIS_PAD if last > first else pd.Timedelta(days=30)
    return first - pad, last + pad


def box(x_px: float, width: float, anchor: str) -> tuple[float, float]:
    """A label's left and right edge in plot pixels for its anchor."""
    if anchor == "left":
        return x_px, x_px + width
    if anchor == "right":
        return x_px - width, x_px
    return x_px - width / 2, x_px + width / 2


def place_labels(
    moments: Sequence[tuple[pd.Timestamp, str]],
    axis: tuple[pd.Timestamp, pd.Timestamp],
    room: LabelRoom,
    *,
    lane_names: Sequence[str],
    limit: int,
) -> list[PlacedLabel]:
    """Labels for ``moments`` (most important first), at most ``limit``: each on the lowest row
    where it overlaps no other label and stays inside the figure, anchored away from the nearer
    edge where that fits; a moment that fits nowhere is left out."""
    left = left_margin_px(lane_names, room.tick_px)
    plot = max(room.figure_px - left - RIGHT_MARGIN_PX, 1.0)
    low, high = axis
    span = max((high - low).total_seconds(), 1.0)
    taken: list[list[tuple[float, float]]] = [[] for _ in range(room.rows)]
    placed: list[PlacedLabel] = []
    for date, text in moments:
        if len(placed) >= limit:
            break
        x_px = plot * (date - low).total_seconds() / span
        width = text_px(text, room.font_px)
        anchors = ("left", "right", "center") if x_px < plot / 2 else ("right", "left", "center")
        spot = next(
            (
                (row, anchor)
                for row in range(room.rows)
                for anchor in anchors
                if _fits(box(x_px, width, anchor), taken[row], -left, plot + RIGHT_MARGIN_PX)
            ),
            None,
        )
        if spot is not None:
            taken[spot[0]].append(box(x_px, width, spot[1]))
            placed.append(PlacedLabel(date, text, *spot))
    return placed


def _fits(edges: tuple[float, float], row: list[tuple[float, float]], lowest: float, highest: float) -> bool:
    start, end = edges
    inside = start >= lowest + 2 and end <= highest - 2
    return inside and all(end + GAP_PX <= other[0] or start >= other[1] + GAP_PX for other in row)


def marks(placed: Sequence[PlacedLabel], room: LabelRoom, colour: str, background: str) -> dict[str, list[dict]]:
    """The dotted line and the label of every placed moment, as layout shapes and annotations."""
    shapes = [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": p.date,
            "x1": p.date,
            "y0": 0,
            "y1": 1,
            "line": MOMENT_LINE,
        }
        for p in placed
    ]
    notes = [
        {
            "x": p.date,
            "y": 1.01,  # just above the plot; rows are pixel offsets from here
            "yshift": room.row_px * p.row,
            "yanchor": "bottom",
            "xref": "x",
            "yref": "paper",
            "text": p.text,
            "showarrow": False,
            "font": {"size": room.font_px, "color": colour},
            "bgcolor": background,
            "xanchor": p.anchor,
        }
        for p in placed
    ]
    return {"shapes": shapes, "annotations": notes}


def rows_used(placed: Sequence[PlacedLabel]) -> int:
    return max((p.row for p in placed), default=-1) + 1


def is_label(note: object) -> bool:
    """A key-moment label: placed in paper coordinates just above the plot."""
    return getattr(note, "yref", None) == "paper" and getattr(note, "y", None) is not None and note.y > 1  # type: ignore[attr-defined]


def refit(fig: go.Figure, room: LabelRoom, limit: int) -> tuple[dict[str, list], int]:
    """The figure's moment lines and labels placed again for another ``room`` (a slide: larger
    text, fewer rows), newest first; returns the layout update and the rows it takes. A figure
    without labels, or without a set time axis, comes back as it is."""
    notes = [note for note in fig.layout.annotations if is_label(note)]
    if not notes or fig.layout.xaxis.range is None:
        return {}, 0
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    moments = sorted(((pd.Timestamp(n.x), str(n.text)) for n in notes), key=lambda m: m[0], reverse=True)
    lanes = [str(name) for name in (fig.layout.yaxis.categoryarray or ())]
    placed = place_labels(moments, (low, high), room, lane_names=lanes, limit=limit)
    colour = notes[0].font.color or MUTED
    new = marks(placed, room, colour, notes[0].bgcolor or "rgba(255,255,255,0.9)")
    others = [n for n in fig.layout.annotations if not is_label(n)]
    lines = [s for s in fig.layout.shapes if not (s.type == "line" and s.line.dash == "dot" and s.yref == "paper")]
    return {"shapes": [*lines, *new["shapes"]], "annotations": [*others, *new["annotations"]]}, rows_used(placed)
