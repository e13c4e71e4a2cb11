"""Buyers: who is buying, and how much?"""

import streamlit as st

from components import ui
from components.link_options import buyers as buyer_options
from components.link_options import group_members
from data.frames import build_buyers_frame, build_claims_frame
from pages.buyers.helpers import claims_naming, picked_from_chart, render_status_table, share_sliders, status_rows
from pages.buyers.view import active_buyers

ctx = ui.page_context("buyers")
buyers = ui.frame(ctx, build_buyers_frame)
claims = ui.frame(ctx, build_claims_frame)
names = dict(zip(buyers["organisation_id"], buyers["organisation"], strict=True))
options = {b: n for b, n in ui.memo(ctx, buyer_options).items() if b in names}
active = ui.memo(ctx, active_buyers)

controls = st.columns([3, 2])
chosen = controls[0].multiselect(
    "Buyers",
    options=list(options),
    format_func=options.__getitem__,
    key="buyers",
    placeholder="All buyers (or select bars in the chart)",
)
split = controls[1].toggle(
    "Split the group figure (assumption)",
    key="split",
    help="The first Chinese batch was reported for ByteDance, Alibaba and Tencent together. Turn this on to "
    "divide it by shares you choose; the result is labelled as your assumption, not a reported figure.",
)
members = ui.memo(ctx, group_members)
if split and members:
    share_sliders(members, names)
view = ui.page_view(ctx)
table = view.table("buyers")
zeros = view.charts[0].notes
if not ctx.present and (zeros or st.session_state.get("zeros")):
    st.toggle(
        "Show the rows that are zero",
        key="zeros",
        help="Every buyer with a reported zero (no deliveries) gets its own bar; off: one line below the chart.",
    )
event = ui.render_view_chart(ctx, view, on_select="rerun", selection_mode=("points", "box"))
ui.end_slide(ctx)
selected = list(dict.fromkeys([*chosen, *picked_from_chart(event, names)]))

st.subheader("Status by buyer" + (" (your selection)" if selected else ""))
render_status_table(ui.per_object(status_rows, (buyers,), tuple(selected or active)))

st.subheader("Claims about " + (", ".join(names.get(s, s) for s in selected) if selected else "all buyers"))
subset = ui.per_object(claims_naming, (claims,), tuple(sorted(set(selected or active))))
st.caption(f"{len(subset)} claims name {'these buyers' if selected else 'a buyer'} by the chosen date")
if subset.empty:
    st.info("No claims name the selected buyers by the chosen date.")
else:
    ui.show_table(
        ui.per_object(ui.readable_newest_first, (subset, ctx.seeds)),
        ["date", "summary", "status", "wording", "attribution", "confidence", "publisher", "url"],
        key="buyers-claims",
    )
ui.render_source_footer(ctx.seeds, subset["source_id"].tolist(), key="buyers-claims")
with st.expander("Download buyer data"):
    full, shown = ui.table_frames(table)
    ui.render_downloads(ctx, "buyers", full=full, shown=shown)

ui.finish_page(ctx)
