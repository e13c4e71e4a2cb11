"""Approval status: where does each approval stand in Washington and in Beijing?"""

import streamlit as st

from components import takeaways, ui
from components.figures import plot_approval_matrix, plot_approvals_over_time
from data.frames import (
    ALL_BUYERS,
    approved_volume_series,
    build_approvals_frame,
    build_claims_frame,
    build_estimates_frame,
    build_supply_demand_frame,
)
from data.frames.approvals import ALL_BUYERS_LABEL
from data.vocabulary import buyer_ids

ctx = ui.page_context("approvals")
approvals = ui.frame(ctx, build_approvals_frame)
claims = ui.frame(ctx, build_claims_frame)
supply_demand = ui.frame(ctx, build_supply_demand_frame)
estimates = ui.frame(ctx, build_estimates_frame)

in_frame = set(approvals["organisation_id"])
rows = [(b, ctx.seeds.organisations[b].name) for b in buyer_ids(ctx.seeds.organisations.values()) if b in in_frame]
if ALL_BUYERS in in_frame:
    rows.append((ALL_BUYERS, ALL_BUYERS_LABEL))
figure = plot_approval_matrix(approvals, rows, title=takeaways.approvals_title(approvals, estimates))
ui.render_chart(
    figure,
    ctx=ctx,
    key="approvals-matrix",
    alt="A grid of buyers against the US and Chinese approval stages, each cell coloured by the latest reported status.",
    source_ids=approvals["source_id"].tolist(),
)

series = approved_volume_series(supply_demand)
ui.render_chart(
    plot_approvals_over_time(series, title=takeaways.volume_title(series, estimates), until=ctx.as_of),
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
    ui.render_downloads(ctx, "approvals", full=approvals)
    ui.render_downloads(ctx, "conditions", full=conditions)

ui.finish_page(ctx)
