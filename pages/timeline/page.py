"""Timeline: what happened when, and who moved?"""

import pandas as pd
import streamlit as st

from components import ui
from data.frames import build_events_frame
from data.vocabulary import LANES
from pages.timeline.helpers import shown_events, timeline_figure

ctx = ui.page_context("timeline")
events = ui.frame(ctx, build_events_frame)

SINCE_NOV_2025, ALL_DATES = "Since Nov 2025", "All dates"
kinds = sorted(events["kind"].dropna().unique())
window = st.segmented_control(
    "Period",
    options=[SINCE_NOV_2025, ALL_DATES],
    default=SINCE_NOV_2025,
    required=True,
    key="window",
    bind="query-params",
)
columns = st.columns(2)
lane_ids = {label: lane for lane, label in LANES.items()}
kind_ids = {kind.replace("_", " "): kind for kind in kinds}
lanes = [
    lane_ids[label]
    for label in columns[0].multiselect(
        "Actors", options=list(lane_ids), key="lanes", bind="query-params", placeholder="All actors"
    )
]
chosen_kinds = [
    kind_ids[label]
    for label in columns[1].multiselect(
        "Kinds of event", options=list(kind_ids), key="kinds", bind="query-params", placeholder="All kinds"
    )
]
later = events[events["date"] > pd.Timestamp(ctx.as_of)]
view = {"all_dates": window == ALL_DATES, "lanes": tuple(lanes), "kinds": tuple(chosen_kinds)}
shown = shown_events(events, ctx.as_of, **view)
ui.render_chart(
    ui.memo(ctx, timeline_figure, *view.values()),
    ctx=ctx,
    key="timeline",
    alt="Timeline of H200 events on lanes for the US government, Chinese regulators, Nvidia, buyers and others.",
    source_ids=shown["source_id"].tolist(),
)
if not later.empty:
    st.caption(
        f"{len(later)} planned or forecast items are dated after the as-of date and are listed below, not plotted."
    )
st.subheader(f"{len(shown)} events")
ui.render_paged_table(
    pd.concat([later, shown]).sort_values("date", ascending=False)[
        ["date", "date_precision", "lane_label", "kind", "summary", "confidence", "publisher"]
    ],
    key="timeline-table",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "lane_label": "Actor",
        "summary": st.column_config.TextColumn("What happened", width="large"),
    },
)
with st.expander("Download events"):
    ui.render_downloads(ctx, "timeline", full=events, shown=shown)

ui.finish_page(ctx)
