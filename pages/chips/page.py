"""Chips: how does the H200 compare with what China can otherwise get?"""

import streamlit as st

from components import ui
from components.link_options import metrics
from pages.chips.helpers import spec_table
from pages.chips.view import limits

ctx = ui.page_context("chips")
by_id = metrics(ctx.seeds, ctx.claim_filter)
st.session_state.setdefault("metric", "bandwidth_tb_s")
st.segmented_control("Compare on", options=list(by_id), format_func=by_id.__getitem__, required=True, key="metric")
view = ui.page_view(ctx)
ui.render_view_chart(ctx, view)
ui.end_slide(ctx)
chips = view.table("chips").full
missing = [c.name for c in ctx.seeds.chips.values() if not c.specs]
if missing:
    st.caption(
        "No absolute figures are recorded for: " + ", ".join(missing) + ". Some are reported only relative to "
        "other chips (e.g. Cambricon's Siyuan 590 at about 80–90 % of an A100); see the Sources page."
    )
rule = limits(ctx.seeds, ctx.claim_filter)
st.caption(
    "Huawei publishes no full datasheets, so its figures are estimates, hatched: a range where sources differ, "
    "a bar from zero where one figure (such as a roadmap target) is given. "
    + (
        "Under the US export rule, chips are licensed case by case only below these limits: "
        + "; ".join(f"{t.label}" for t in rule)
        + "."
        if rule
        else "No US export rule with performance limits had been published by the chosen date."
    )
)
st.subheader("All recorded specs")
table = ui.per_object(spec_table, (chips,))  # built once per shared chips frame, not per load
ui.show_table(table, list(table.columns), key="chips-table", wide=())
with st.expander("Download chip specs"):
    full, shown = ui.table_frames(view.table("chips"))
    ui.render_downloads(ctx, "chips", full=full, shown=shown)

ui.finish_page(ctx)
