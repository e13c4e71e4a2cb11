"""Supply vs demand: how far does demand outrun what can actually arrive?"""

import streamlit as st

from components import ui
from data.frames import build_claims_frame, build_supply_demand_frame
from pages.supply_demand.helpers import figures_chart, render_scenario

ctx = ui.page_context("supply_demand")
supply_demand = ui.frame(ctx, build_supply_demand_frame)
claims = ui.frame(ctx, build_claims_frame)

if not ctx.present:  # on a slide the chart's own title says it
    st.subheader("Every reported figure" if st.session_state.get("every") else "The newest report of each figure")
every_report = st.toggle(
    "Show every report",
    key="every",
    bind="query-params",
    help="Off: one bar per figure, from its newest report. On: one bar per report, older ones included.",
)
figure, figures = ui.memo(ctx, figures_chart, bool(every_report))
ui.render_chart(
    figure,
    ctx=ctx,
    key="supply-demand-ranges",
    alt="Horizontal bars of every reported H200 demand, supply, approval and delivery figure, with ranges.",
    source_ids=[s for ids in figures["source_ids"] for s in ids],
)
ui.end_slide(ctx)
halt = claims[claims["kind"].isin(["production"]) & claims["summary"].str.contains("halt", case=False)]
if not halt.empty:
    row = halt.iloc[-1]
    st.info(
        f"**Production:** {ui.md(row['summary'])} ({ui.md(row['publisher'])}, {row['date']:%d %b %Y}; confidence {row['confidence']})"
    )

st.subheader("Scenario: what could arrive, and the gap")
render_scenario(ctx)
with st.expander("Download supply and demand data"):
    ui.render_downloads(ctx, "supply-demand", full=supply_demand, shown=figures)

ui.finish_page(ctx)
