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


MAX_POINTS = 400
MAX_MOMENTS = 14


def bin_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Events per (lane, kind, week): a dense timeline draws one sized marker per group instead of
    one per event, so the chart stays readable and small however large the archive grows."""
    week = frame["date"].dt.to_period("W").dt.start_time
    grouped = frame.assign(week=week).groupby(["lane", "lane_label", "kind", "week"], sort=False)
    binned = grouped.agg(
        count=("claim_id", "size"),
        summary=("summary", "first"),
        publisher=("publisher", "first"),
        source_id=("source_id", "first"),
        claim_id=("claim_id", "first"),
        confidence=("confidence", "max"),
    ).reset_index()
    binned["date"] = binned["week"]
    binned["date_precision"] = "week"
    binned["summary"] = [
        f"{n} events this week, e.g.: {s}" if n > 1 else s
        for n, s in zip(binned["count"], binned["summary"], strict=True)
    ]
    return binned


LABEL_ROWS = 3
# A label's width as a share of the plot, per character of 11 px text on a chart about 1,000 px
# wide (its narrowest: 1280 px screens and 16:9 slides); used only to keep labels from overlapping.
CHAR_SHARE = 6.4 / 1000


def moment_marks(
    key_moments: pd.DataFrame, last_date: pd.Timestamp, first_date: pd.Timestamp | None = None
) -> dict[str, list[dict]]:
    """A dotted line per key moment, and its label on the lowest of three rows where it does not
    overlap another label, newest moments first (what the as-of date is about); a moment with no
    free row keeps its line only (its event is still on the chart and in the table), so labels
    never print over each other."""
    shapes, notes = [], []
    ordered = key_moments.sort_values("date", ascending=False)
    first = ordered["date"].min() if first_date is None else min(first_date, ordered["date"].min())
    span = max((last_date - first).days, 1) if pd.notna(first) and pd.notna(last_date) else 1
    taken: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_ROWS)]
    for _, moment in ordered.iterrows():
        line = {"color": MUTED, "width": 1, "dash": "dot"}
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": moment["date"],
                "x1": moment["date"],
                "y0": 0,
                "y1": 1,
                "line": line,
            }
        )
        text = plain(moment["label"])
        at = (moment["date"] - first).days / span
        width = len(text) * CHAR_SHARE * 1.1  # a little air between neighbours
        right = moment["date"] >= last_date - pd.Timedelta(days=45)
        extent = (at - width, at) if right else (at, at + width)
        row = next((r for r, used in enumerate(taken) if all(e[1] < extent[0] or e[0] > extent[1] for e in used)), None)
        if row is None:
            continue
        taken[row].append(extent)
        notes.append(
            {
                "x": moment["date"],
                "y": 1.02 + 0.065 * row,
                "xref": "x",
                "yref": "paper",
                "text": text,
                "showarrow": False,
                "font": {"size": 11, "color": INK},
                "bgcolor": "rgba(255,255,255,0.9)",
                "xanchor": "right" if right else "left",
            }
        )
    return {"shapes": shapes, "annotations": notes}


def plot_timeline(frame: pd.DataFrame, *, title: str, key_moments: pd.DataFrame | None = None) -> go.Figure:
    """Every event on lanes by actor, marker by kind, key moments annotated; past ``MAX_POINTS``
    events, one marker per lane, kind and week, sized by how many events it holds."""
    if frame.empty:
        return empty_figure("No events match the chosen filters and date.", title)
    lanes = [lane for lane in LANES if lane in set(frame["lane"])]
    if len(frame) > MAX_POINTS:
        frame = bin_events(frame)
    sizes = (12 + 4 * (frame["count"] - 1).clip(upper=6)) if "count" in frame.columns else None
    if key_moments is not None and not key_moments.empty:
        key_moments = key_moments.drop_duplicates(["date", "label"]).sort_values("date").tail(MAX_MOMENTS)
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
                    "size": sizes.loc[part.index].tolist() if sizes is not None else 12,
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
        fig.update_layout(**moment_marks(key_moments, frame["date"].max(), frame["date"].min()))
    fig.update_yaxes(categoryorder="array", categoryarray=[LANES[lane] for lane in lanes][::-1], title=None)
    fig.update_xaxes(title="Event date")
    fig.update_layout(margin={"t": 170})
    return base_layout(
        fig,
        title,
        "Marker shape = kind of event; faded = low confidence; dotted lines = key moments",
        height=max(440, 80 * len(lanes) + 260),
    )
