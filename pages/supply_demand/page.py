"""Supply vs demand: how far does demand outrun what can actually arrive?"""

import streamlit as st

from components import ui
from data.frames import build_claims_frame
from pages.supply_demand.helpers import STEP_NAMES_CSS, render_scenario_inputs, render_scenario_sources

ctx = ui.page_context("supply_demand")
claims = ui.frame(ctx, build_claims_frame)

if not ctx.present:  # on a slide the chart's own title says it
    st.subheader("Every reported figure" if st.session_state.get("every") else "The newest report of each figure")
st.toggle(
    "Show every report",
    key="every",
    help="Off: one bar per figure, from its newest report. On: one bar per report, older ones included.",
)
figures_slot = st.container()  # the figures chart goes here, once the scenario inputs below have their values
halt = claims[claims["kind"].isin(["production"]) & claims["summary"].str.contains("halt", case=False)]
with st.container(key="off-slide"):  # drawn before the slide's chart ends, so a slide hides it (PRESENT_CSS)
    if not halt.empty:
        row = halt.iloc[-1]
        st.info(
            f"**Production:** {ui.md(row['summary'])} ({ui.md(row['publisher'])}, {row['date']:%d %b %Y}; "
            f"confidence {row['confidence']})"
        )
    st.subheader("Scenario: what could arrive, and the gap")
    ready = render_scenario_inputs(ctx)
view = ui.page_view(ctx)
with figures_slot:
    ui.render_view_chart(ctx, view, 0)
    ui.end_slide(ctx)
if ready and len(view.charts) > 1:
    st.html(STEP_NAMES_CSS)
    ui.render_view_chart(ctx, view, 1)
    render_scenario_sources(ctx)
with st.expander("Download supply and demand data"):
    full, shown = ui.table_frames(view.table("supply-demand"))
    ui.render_downloads(ctx, "supply-demand", full=full, shown=shown)

ui.finish_page(ctx)
