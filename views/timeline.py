"""Timeline: what happened when, and who moved?"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st

from components import ui
from components.figures import plot_timeline
from data.frames import LANES

ctx = ui.page_context("timeline")
events = ui.frame(ctx, "build_events_frame")

kinds = sorted(events["kind"].dropna().unique())
columns = st.columns(2)
lanes = columns[0].multiselect(
    "Actors", options=list(LANES), format_func=LANES.get, key="lanes", bind="query-params", placeholder="All actors"
)
chosen_kinds = columns[1].multiselect(
    "Kinds of event",
    options=kinds,
    format_func=lambda k: k.replace("_", " "),
    key="kinds",
    bind="query-params",
    placeholder="All kinds",
)
shown = events
if lanes:
    shown = shown[shown["lane"].isin(lanes)]
if chosen_kinds:
    shown = shown[shown["kind"].isin(chosen_kinds)]
key_moments = shown[shown["key_moment"] & (shown["label"] != "")]
ui.render_chart(
    plot_timeline(shown, key_moments=key_moments),
    ctx=ctx,
    key="timeline",
    alt="Timeline of H200 events on lanes for the US government, Chinese regulators, Nvidia, buyers and others.",
    source_ids=shown["source_id"].tolist(),
)
st.subheader(f"{len(shown)} events")
st.dataframe(
    shown.sort_values("date", ascending=False)[
        ["date", "date_precision", "lane_label", "kind", "summary", "confidence", "publisher"]
    ],
    hide_index=True,
    key="timeline-table",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "lane_label": "Actor",
        "summary": st.column_config.TextColumn("What happened", width="large"),
    },
)
with st.expander("Download events"):
    ui.render_downloads("timeline", full=events, shown=shown)
