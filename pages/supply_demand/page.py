"""Supply vs demand: how far does demand outrun what can actually arrive?"""

import streamlit as st

from components import ui
from components.figures import plot_range_bars
from data.frames import build_claims_frame, build_supply_demand_frame
from data.vocabulary import SUPPLY_DEMAND_METRICS
from pages.supply_demand.helpers import label_figures, newest_per_figure, render_scenario

ctx = ui.page_context("supply_demand")
supply_demand = ui.frame(ctx, build_supply_demand_frame)
claims = ui.frame(ctx, build_claims_frame)

figures = label_figures(
    supply_demand[supply_demand["metric"].isin(list(SUPPLY_DEMAND_METRICS)) & ~supply_demand["superseded"]],
    {o.id: o.name for o in ctx.seeds.organisations.values()},
)
newest = newest_per_figure(figures)
st.subheader("The newest report of each figure" if len(newest) < len(figures) else "Every reported figure")
show_every = (
    not ctx.present
    and len(newest) < len(figures)
    and st.toggle(
        f"Show every report ({len(figures)} bars instead of {len(newest)})",
        key="every_report",
        help="Off: one bar per figure, from its newest report. On: one bar per report, older ones included.",
    )
)
drawn = figures if show_every else newest
ui.render_chart(
    plot_range_bars(
        drawn,
        title="Reported demand runs to millions; approvals, caps and stock to hundreds of thousands",
        subtitle="Hatched = range derived from vague wording; whiskers = reported range",
    ),
    ctx=ctx,
    key="supply-demand-ranges",
    alt="Horizontal bars of every reported H200 demand, supply, approval and delivery figure, with ranges.",
    source_ids=[s for ids in drawn["source_ids"] for s in ids],
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
    ui.render_downloads("supply-demand", full=supply_demand, shown=figures)

ui.finish_page(ctx)
