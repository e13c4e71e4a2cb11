"""The timeline: events on actor lanes, marker shape by kind, key moments annotated."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import plain, wrap
from components.theme import CONFIDENCE_OPACITY, INK, LANE_COLOURS, MUTED
from data.vocabulary import LANES

KIND_SYMBOLS = {
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
    "status": "circle-dot",
    "spec": "square-dot",
}


def plot_timeline(frame: pd.DataFrame, *, title: str, key_moments: pd.DataFrame | None = None) -> go.Figure:
    """Every event on lanes by actor, marker by kind, key moments annotated."""
    if frame.empty:
        return empty_figure("No events match the chosen filters and date.", title)
    lanes = [lane for lane in LANES if lane in set(frame["lane"])]
    fig = go.Figure()
    for kind, part in frame.groupby("kind", sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part["lane_label"],
                mode="markers",
                name=str(kind).replace("_", " "),
                marker={
                    "symbol": KIND_SYMBOLS.get(str(kind), "circle"),
                    "size": 12,
                    "color": [LANE_COLOURS.get(lane, MUTED) for lane in part["lane"]],
                    "opacity": [CONFIDENCE_OPACITY.get(c, 1.0) for c in part["confidence"]],
                    "line": {"width": 1, "color": INK},
                },
                customdata=list(
                    zip(
                        [wrap(s) for s in part["summary"]],
                        part["date_precision"],
                        [plain(p) for p in part["publisher"]],
                        part["source_id"],
                        part["confidence"],
                        part["claim_id"],
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{x|%d %b %Y}</b> (precision: %{customdata[1]})<br>%{customdata[0]}"
                    "<br>source: %{customdata[2]} · confidence %{customdata[4]}<extra></extra>"
                ),
            )
        )
    if key_moments is not None and not key_moments.empty:
        # one layout update with every line and label (add_vline per moment is ~10 ms each)
        last_date = frame["date"].max()
        shapes, notes = [], []
        for index, (_, moment) in enumerate(key_moments.sort_values("date").iterrows()):
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": moment["date"],
                    "x1": moment["date"],
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": MUTED, "width": 1, "dash": "dot"},
                }
            )
            notes.append(
                {
                    "x": moment["date"],
                    "y": 1.02 + 0.065 * (index % 3),
                    "xref": "x",
                    "yref": "paper",
                    "text": plain(moment["label"]),
                    "showarrow": False,
                    "font": {"size": 11, "color": INK},
                    "bgcolor": "rgba(255,255,255,0.9)",
                    "xanchor": "right" if moment["date"] >= last_date - pd.Timedelta(days=45) else "left",
                }
            )
        fig.update_layout(shapes=shapes, annotations=notes)
    fig.update_yaxes(categoryorder="array", categoryarray=[LANES[lane] for lane in lanes][::-1], title=None)
    fig.update_xaxes(title="Event date")
    fig.update_layout(margin={"t": 170})
    return base_layout(
        fig,
        title,
        "Marker shape = kind of event; faded = low confidence; dotted lines = key moments",
        height=max(440, 80 * len(lanes) + 260),
    )
