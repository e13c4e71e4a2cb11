"""Approval status: where does each approval stand in Washington and in Beijing?"""

import streamlit as st

from components import ui
from components.figures import plot_approval_matrix, plot_approvals_over_time
from data.frames import approved_volume_series, build_approvals_frame, build_claims_frame, build_supply_demand_frame
from data.vocabulary import buyer_ids
from pages.approvals.helpers import NARROW_CSS, render_cards

ctx = ui.page_context("approvals")
approvals = ui.frame(ctx, build_approvals_frame)
claims = ui.frame(ctx, build_claims_frame)
supply_demand = ui.frame(ctx, build_supply_demand_frame)

in_frame = set(approvals["organisation_id"])
rows = [(b, ctx.seeds.organisations[b].name) for b in buyer_ids(ctx.seeds.organisations.values()) if b in in_frame]
figure = plot_approval_matrix(
    approvals, rows, title="Washington has cleared about ten buyers; Beijing's approvals stop at conditional"
)
st.html(NARROW_CSS)
with st.container(key="approvals-grid"):
    ui.render_chart(
        figure,
        ctx=ctx,
        key="approvals-matrix",
        alt="A grid of buyers against the US and Chinese approval stages, each cell coloured by the latest reported status.",
        source_ids=approvals["source_id"].tolist(),
    )
ui.end_slide(ctx)
render_cards(approvals, rows)

series = approved_volume_series(supply_demand)
ui.render_chart(
    plot_approvals_over_time(
        series, title="Approved volume on paper rose in steps; none of it has been delivered", until=ctx.as_of
    ),
    ctx=ctx,
    key="approvals-over-time",
    alt="Step chart of the H200 volume approved by China and licensed by the US, by report date.",
    source_ids=[s for ids in series["source_ids"] for s in ids],
)

st.subheader("Conditions on each side")
conditions = claims[(claims["kind"] == "condition") & claims["side"].isin(["US", "China"])]
if conditions.empty:
    st.info("No conditions had been reported by the chosen date.")
columns = st.columns(2)
for column, side, heading in (
    (columns[0], "US", "Washington's conditions"),
    (columns[1], "China", "Beijing's conditions"),
):
    part = conditions[conditions["side"] == side]
    with column:
        st.markdown(f"**{heading}** ({len(part)})")
        if part.empty:
            st.caption("None reported by the chosen date.")
            continue
        ui.show_table(
            ui.with_standalone_text(part, ctx.seeds).sort_values("date", ascending=False),
            ["date", "summary", "status", "confidence", "publisher", "url"],
            key=f"conditions-{side}",
            headings={"summary": "Condition"},
        )
ui.render_source_footer(ctx.seeds, conditions["source_id"].tolist(), key="conditions")
with st.expander("Download approval data"):
    ui.render_downloads("approvals", full=approvals, shown=conditions)

ui.finish_page(ctx)
