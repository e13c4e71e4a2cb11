"""The timeline: events on actor lanes, marker shape by kind, key moments annotated."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.figures.moment_labels import PAGE_ROOM, axis_range, marks, place_labels, rows_used
from components.format import plain, wrap
from components.labels import KINDS, label
from components.theme import CONFIDENCE_OPACITY, EVENT_SYMBOLS, INK, LANE_COLOURS, MUTED
from data.vocabulary import LANES

KIND_SYMBOLS = EVENT_SYMBOLS  # the one marker map lives in the theme


MAX_POINTS = 400
MAX_MOMENTS = 14  # moments considered for a label, newest first
MARKED_MOMENTS = 6  # at most this many marked (line and label) on one chart
LEGEND_SHARE = 0.22  # of the chart's height, at most, for the legend
TITLE_ROOM_PX = 84  # the template's top margin: title and subtitle


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


def plot_timeline(
    frame: pd.DataFrame, *, title: str, key_moments: pd.DataFrame | None = None, marked: int = MARKED_MOMENTS
) -> go.Figure:
    """Every event on lanes by actor, marker by kind; up to ``marked`` key moments (newest first)
    with a dotted line and a label each, the ones whose labels fit side by side on a phone
    (``moment_labels``). Past ``MAX_POINTS`` events, one marker per lane, kind and week, sized by
    how many events it holds."""
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
                name=label(str(kind), KINDS),  # "Status update", "Order": the legend says which is which
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
    axis = axis_range(frame["date"].min(), frame["date"].max())
    names = [LANES[lane] for lane in lanes]
    rows = 0
    if key_moments is not None and not key_moments.empty:
        newest = key_moments.sort_values("date", ascending=False)
        moments = [(pd.Timestamp(d), plain(label)) for d, label in zip(newest["date"], newest["label"], strict=True)]
        placed = place_labels(moments, axis, PAGE_ROOM, lane_names=names, limit=marked)
        # one layout update with every line and label (add_vline per moment is ~10 ms each)
        fig.update_layout(**marks(placed, PAGE_ROOM, INK, "rgba(255,255,255,0.9)"))
        rows = rows_used(placed)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], title=None)
    fig.update_xaxes(title="Event date", range=list(axis))
    # On a phone the twenty kinds wrap onto ten rows: the legend then scrolls instead of taking
    # the plot's height (on wider charts it needs two or three rows and is not affected).
    fig.update_layout(margin={"t": TITLE_ROOM_PX + 8 + PAGE_ROOM.row_px * rows}, legend={"maxheight": LEGEND_SHARE})
    return base_layout(
        fig,
        title,
        "Marker shape = kind of event; faded = low confidence; dotted lines = key moments",
        height=max(440, 80 * len(lanes) + 260),
    )
