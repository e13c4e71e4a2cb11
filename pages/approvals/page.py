"""Approval status: where does each approval stand in Washington and in Beijing?"""

import streamlit as st

from components import ui
from pages.approvals.helpers import NARROW_CSS, render_cards

ctx = ui.page_context("approvals")
view = ui.page_view(ctx)
approvals, _ = ui.table_frames(view.table("approvals"))
conditions, _ = ui.table_frames(view.table("conditions"))

st.html(NARROW_CSS)
with st.container(key="approvals-grid"):
    ui.render_view_chart(ctx, view, 0)
ui.end_slide(ctx)
render_cards(view.extras["cards"])

ui.render_view_chart(ctx, view, 1)

st.subheader("Conditions on each side")
if conditions.empty:
    st.info("No conditions had been reported by the chosen date.")
columns = st.columns(2)
for column, side, heading in (
    (columns[0], "US", "Washington's conditions"),
    (columns[1], "China", "Beijing's conditions"),
):
    part = ui.per_object(ui.rows_where, (conditions,), "side", side)
    with column:
        st.markdown(f"**{heading}** ({len(part)})")
        if part.empty:
            st.caption("None reported by the chosen date.")
            continue
        ui.show_table(
            ui.per_object(ui.readable_newest_first, (part, ctx.seeds)),
            ["date", "summary", "status", "confidence", "publisher", "url"],
            key=f"conditions-{side}",
            headings={"summary": "Condition"},
        )
ui.render_source_footer(ctx.seeds, conditions["source_id"].tolist(), key="conditions")
with st.expander("Download approval data"):
    ui.render_downloads(ctx, "approvals", full=approvals)
    ui.render_downloads(ctx, "conditions", full=conditions)

ui.finish_page(ctx)
