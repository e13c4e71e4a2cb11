"""Timeline: what happened when, and who moved?"""

import datetime as dt

import pandas as pd
import streamlit as st

from components import ui
from components.labels import KINDS, label
from data.frames import build_events_frame
from data.vocabulary import LANES
from pages.timeline.helpers import figure_for_events

ctx = ui.page_context("timeline")
events = ui.frame(ctx, build_events_frame)
events = ui.with_standalone_text(events, ctx.seeds)

SINCE_NOV_2025, ALL_DATES = "Since Nov 2025", "All dates"
kinds = sorted(events["kind"].dropna().unique())
lane_ids = {name: lane for lane, name in LANES.items()}
kind_ids = {label(kind, KINDS): kind for kind in kinds}
ui.check_link_options("timeline", "window", [SINCE_NOV_2025, ALL_DATES], describe="since Nov 2025")
ui.check_link_options("timeline", "lanes", list(lane_ids), multi=True, describe="the other actors")
ui.check_link_options("timeline", "kinds", list(kind_ids), multi=True, describe="the other kinds")
top = st.columns([3, 3, 3])
window = top[0].segmented_control(
    "Period",
    options=[SINCE_NOV_2025, ALL_DATES],
    default=SINCE_NOV_2025,
    required=True,
    key="window",
    bind="query-params",
)
dates = top[1].date_input(
    "Between",
    value=(),
    min_value=min(dt.date(2024, 1, 1), ctx.as_of),  # an earlier as-of date (a link can carry one) stays valid
    max_value=ctx.as_of,
    key="dates",
    bind="query-params",
    format="YYYY-MM-DD",
    help="Optional: only events between these two dates (both included).",
)
query = top[2].text_input(
    "Search", key="q", bind="query-params", placeholder="e.g. customs, ByteDance, licence", max_chars=100
)
columns = st.columns(2)
lanes = [
    lane_ids[name]
    for name in columns[0].multiselect(
        "Actors", options=list(lane_ids), key="lanes", bind="query-params", placeholder="All actors"
    )
]
chosen_kinds = [
    kind_ids[name]
    for name in columns[1].multiselect(
        "Kinds of event", options=list(kind_ids), key="kinds", bind="query-params", placeholder="All kinds"
    )
]
as_of = pd.Timestamp(ctx.as_of)


def _filter(frame: pd.DataFrame) -> pd.DataFrame:
    """The actor, kind and search filters (the date filters differ for past and planned items)."""
    if lanes:
        frame = frame[frame["lane"].isin(lanes)]
    if chosen_kinds:
        frame = frame[frame["kind"].isin(chosen_kinds)]
    if query:
        text = frame["summary"] + " " + frame["publisher"] + " " + frame["actors"].map(" ".join)
        frame = frame[text.str.contains(query, case=False, regex=False)]
    return frame


later = _filter(events[events["date"] > as_of])
shown = _filter(events[events["date"] <= as_of])
if window != ALL_DATES:
    shown = shown[shown["date"] >= pd.Timestamp("2025-11-01")]
if isinstance(dates, tuple | list) and len(dates) == 2:
    shown = shown[(shown["date"] >= pd.Timestamp(dates[0])) & (shown["date"] <= pd.Timestamp(dates[1]))]
key_moments = shown[shown["annotate"] & (shown["label"] != "")]
ui.render_chart(
    ui.memo(ctx, figure_for_events, tuple(shown["claim_id"])),
    ctx=ctx,
    key="timeline",
    alt="Timeline of H200 events on lanes for the US government, Chinese regulators, Nvidia, buyers and others.",
    source_ids=shown["source_id"].tolist(),
)
ui.end_slide(ctx)
COLUMNS = ["date", "date_precision", "lane_label", "kind", "summary", "confidence", "publisher"]
HEADINGS = {"summary": "What happened", "date_precision": "Dated to the"}
st.subheader(f"{len(shown)} events, newest first")
ui.show_table(
    shown.sort_values(["date", "reported"], ascending=False), COLUMNS, key="timeline-table", headings=HEADINGS
)
if not later.empty:
    st.subheader(f"Planned or forecast: {len(later)} items dated after {ctx.as_of:%d %b %Y}")
    st.caption("Not plotted above: these are plans, deadlines and forecasts, not things that have happened.")
    ui.show_table(later.sort_values("date"), COLUMNS, key="timeline-later", headings=HEADINGS)
with st.expander("Download events"):
    ui.render_downloads(ctx, "timeline", full=events, shown=shown)

ui.finish_page(ctx)
