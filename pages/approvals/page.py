"""Approval status: where does each approval stand in Washington and in Beijing?"""

import streamlit as st

from components import ui
from data.frames import build_approvals_frame, build_claims_frame
from pages.approvals.helpers import NARROW_CSS, grid_rows, matrix_figure, render_cards, volume_figure

ctx = ui.page_context("approvals")
claims = ui.frame(ctx, build_claims_frame)
approvals = ui.frame(ctx, build_approvals_frame)

matrix, matrix_sources = ui.memo(ctx, matrix_figure)
st.html(NARROW_CSS)
with st.container(key="approvals-grid"):
    ui.render_chart(
        matrix,
        ctx=ctx,
        key="approvals-matrix",
        alt="A grid of buyers against the US and Chinese approval stages, each cell coloured by the latest reported status.",
        source_ids=matrix_sources,
    )
ui.end_slide(ctx)
render_cards(approvals, grid_rows(approvals, ctx.seeds))

volume, volume_sources = ui.memo(ctx, volume_figure)
ui.render_chart(
    volume,
    ctx=ctx,
    key="approvals-over-time",
    alt="Step chart of the H200 volume approved by China and licensed by the US, by report date.",
    source_ids=volume_sources,
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
    ui.render_downloads(ctx, "approvals", full=approvals)
    ui.render_downloads(ctx, "conditions", full=conditions)

ui.finish_page(ctx)
