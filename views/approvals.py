"""Approval status: where does each approval stand in Washington and in Beijing?"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st

from components import ui
from components.figures import plot_approval_matrix, plot_approvals_over_time
from data.frames import approved_volume_series

ctx = ui.page_context("approvals")
approvals = ui.frame(ctx, "build_approvals_frame")
claims = ui.frame(ctx, "build_claims_frame")
supply_demand = ui.frame(ctx, "build_supply_demand_frame")

named = [o for o in ctx.seeds.organisations.values() if o.kind in ("buyer", "distributor")]
in_frame = set(approvals["organisation_id"])
rows = [(o.id, o.name) for o in named if o.id in in_frame]
figure = plot_approval_matrix(approvals, rows)
ui.render_chart(
    figure,
    ctx=ctx,
    key="approvals-matrix",
    alt="A grid of buyers against the US and Chinese approval stages, each cell coloured by the latest reported status.",
    source_ids=approvals["source_id"].tolist(),
)

series = approved_volume_series(supply_demand)
ui.render_chart(
    plot_approvals_over_time(series, until=ctx.as_of),
    ctx=ctx,
    key="approvals-over-time",
    alt="Step chart of the H200 volume approved by China and licensed by the US, by report date.",
    source_ids=ui.ids_in(series),
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
    part = conditions[conditions["side"] == side].sort_values("date")
    with column:
        st.markdown(f"**{heading}** ({len(part)})")
        if part.empty:
            st.caption("None reported by the chosen date.")
            continue
        st.dataframe(
            part[["date", "summary", "status", "confidence", "publisher", "url"]],
            hide_index=True,
            key=f"conditions-{side}",
            column_config={
                "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                "summary": st.column_config.TextColumn("Condition", width="large"),
                "url": ui.link_column(),
            },
        )
ui.render_source_footer(ctx.seeds, conditions["source_id"].tolist(), key="conditions")
with st.expander("Download approval data"):
    ui.render_downloads("approvals", full=approvals, shown=conditions)

ui.finish_page(ctx)
