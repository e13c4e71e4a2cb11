"""Buyers: who is buying, and how much?"""

import streamlit as st

from components import takeaways, ui
from components.figures import plot_buyer_quantities
from data.frames import build_buyer_quantities_frame, build_buyers_frame, build_claims_frame, split_group_figure
from pages.buyers.helpers import picked_from_chart, render_status_table, share_sliders, zero_line, zero_rows

ctx = ui.page_context("buyers")
quantities = ui.frame(ctx, build_buyer_quantities_frame)
buyers = ui.frame(ctx, build_buyers_frame)
claims = ui.frame(ctx, build_claims_frame)

names = dict(zip(buyers["organisation_id"], buyers["organisation"], strict=True))
named_in_claims = {actor for actors in claims["actors"] for actor in actors}
active = [b for b in buyers["organisation_id"] if b in set(quantities["organisation_id"]) or b in named_in_claims]

controls = st.columns([3, 2])
ids_by_name = {name: organisation_id for organisation_id, name in names.items()}
ui.check_link_options("buyers", "buyers", list(ids_by_name), multi=True, describe="the other buyers")
chosen_names = controls[0].multiselect(
    "Buyers",
    options=list(ids_by_name),
    key="buyers",
    bind="query-params",
    placeholder="All buyers (or select bars in the chart)",
)
chosen = [ids_by_name[n] for n in chosen_names if n in ids_by_name]
split = controls[1].toggle(
    "Split the group figure (assumption)",
    key="split",
    bind="query-params",
    help="The first Chinese batch was reported for ByteDance, Alibaba and Tencent together. Turn this on to "
    "divide it by shares you choose; the result is labelled as your assumption, not a reported figure.",
)
group = quantities[quantities["is_group"]]
shares = share_sliders(list(group["group_members"].iloc[0]), names) if split and not group.empty else None
assumed = split_group_figure(quantities, shares) if shares else None

shown = quantities[quantities["organisation_id"].isin(active) | quantities["is_group"]]
zero_only = zero_rows(shown)
show_all = (
    ctx.present is False
    and bool(zero_only.any())
    and st.toggle(
        f"Show the {int(zero_only.sum())} rows that are zero",
        key="buyers_show_zero",
        help="Every buyer with a reported zero (no deliveries) gets its own bar; off: one line below the chart.",
    )
)
drawn = shown if show_all else shown[~zero_only]
figure = plot_buyer_quantities(
    drawn,
    title=takeaways.buyers_title(shown),
    selected=chosen,
    assumed=assumed,
)
event = ui.render_chart(
    figure,
    ctx=ctx,
    key="buyers-quantities",
    alt="Bars of each buyer's reported H200 interest, approval, US cap and deliveries, with ranges; the first batch is one group bar.",
    source_ids=[s for ids in shown["source_ids"] for s in ids],
    on_select="rerun",
    selection_mode=("points", "box"),
)
if not show_all and zero_only.any():
    st.caption(zero_line(shown[zero_only], names))
ui.end_slide(ctx)
selected = list(dict.fromkeys([*chosen, *picked_from_chart(event, names)]))

st.subheader("Status by buyer" + (" (your selection)" if selected else ""))
render_status_table(buyers[buyers["organisation_id"].isin(selected or active)])

st.subheader("Claims about " + (", ".join(names.get(s, s) for s in selected) if selected else "all buyers"))
wanted = set(selected or active)
subset = claims[claims["actors"].map(lambda actors: bool(wanted.intersection(actors))).astype(bool)]  # empty-safe
st.caption(f"{len(subset)} claims name {'these buyers' if selected else 'a buyer'} by the chosen date")
if subset.empty:
    st.info("No claims name the selected buyers by the chosen date.")
else:
    ui.show_table(
        ui.with_standalone_text(subset, ctx.seeds).sort_values("date", ascending=False),
        ["date", "summary", "status", "wording", "attribution", "confidence", "publisher", "url"],
        key="buyers-claims",
    )
ui.render_source_footer(ctx.seeds, subset["source_id"].tolist(), key="buyers-claims")
with st.expander("Download buyer data"):
    ui.render_downloads(ctx, "buyers", full=quantities, shown=shown)

ui.finish_page(ctx)
