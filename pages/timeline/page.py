"""Timeline: what happened when, and who moved?"""

import datetime as dt

import streamlit as st

from components import ui
from components.format import counted
from components.link_options import kinds as kind_options
from components.link_options import lanes as lane_options
from components.link_options import windows

ctx = ui.page_context("timeline")
lanes, kinds, periods = (
    lane_options(ctx.seeds, ctx.claim_filter),
    kind_options(ctx.seeds, ctx.claim_filter),
    windows(ctx.seeds, ctx.claim_filter),
)
top = st.columns([3, 3, 3])
st.session_state.setdefault("window", "recent")
top[0].segmented_control("Period", options=list(periods), format_func=periods.__getitem__, required=True, key="window")
top[1].date_input(
    "Between",
    value=(),
    min_value=min(dt.date(2024, 1, 1), ctx.as_of),  # an earlier as-of date (a link can carry one) stays valid
    max_value=ctx.as_of,
    key="dates",
    bind="query-params",
    format="YYYY-MM-DD",
    help="Optional: only events between these two dates (both included).",
)
top[2].text_input("Search", key="q", bind="query-params", placeholder="e.g. customs, ByteDance, licence", max_chars=100)
columns = st.columns(2)
columns[0].multiselect(
    "Actors", options=list(lanes), format_func=lanes.__getitem__, key="lanes", placeholder="All actors"
)
columns[1].multiselect(
    "Kinds of event", options=list(kinds), format_func=kinds.__getitem__, key="kinds", placeholder="All kinds"
)
view = ui.page_view(ctx)
ui.render_view_chart(ctx, view)
ui.end_slide(ctx)
shown, events = view.table("timeline").frame, view.table("timeline").full
later = view.table("timeline-later").frame
COLUMNS = ["date", "date_precision", "lane_label", "kind", "summary", "confidence", "publisher"]
HEADINGS = {"summary": "What happened", "date_precision": "Dated to the"}
st.subheader(f"{len(shown)} events, newest first")
ui.show_table(shown, COLUMNS, key="timeline-table", headings=HEADINGS)
if not later.empty:
    st.subheader(f"Planned or forecast: {counted(len(later), 'item')} dated after {ctx.as_of:%d %b %Y}")
    st.caption("Not plotted above: these are plans, deadlines and forecasts, not things that have happened.")
    ui.show_table(later, COLUMNS, key="timeline-later", headings=HEADINGS)
with st.expander("Download events"):
    ui.render_downloads(ctx, "timeline", full=events, shown=shown)

ui.finish_page(ctx)
