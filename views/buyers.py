"""Buyers: who is buying, and how much?"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd
import streamlit as st

from components import ui
from components.figures import expand_ids, fmt_range, plot_buyer_quantities

ctx = ui.page_context("buyers")
quantities = ui.frame(ctx, "build_buyer_quantities_frame")
buyers = ui.frame(ctx, "build_buyers_frame")
claims = ui.frame(ctx, "build_claims_frame")

names = dict(zip(buyers["organisation_id"], buyers["organisation"], strict=True))
active = [
    b
    for b in buyers["organisation_id"]
    if b in set(quantities["organisation_id"]) or b in set(claims["actors"].str.split(", ").explode())
]

controls = st.columns([2, 1])
ids_by_name = {name: organisation_id for organisation_id, name in names.items()}
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
shares = None
group = quantities[quantities["is_group"]]
if split and not group.empty:
    members = [m.strip() for m in str(group["group_members"].iloc[0]).split(",")]
    slider_columns = st.columns(len(members))
    raw = {
        m: slider_columns[i].slider(
            f"{names.get(m, m)} share (%)", 0, 100, round(100 / len(members)), key=f"share_{m}", bind="query-params"
        )
        for i, m in enumerate(members)
    }
    total = sum(raw.values()) or 1
    shares = {m: v / total for m, v in raw.items()}
    if sum(raw.values()) != 100:
        st.caption(f"Shares add up to {sum(raw.values())} %: they are rescaled to 100 %.")

shown = quantities[quantities["organisation_id"].isin(active) | quantities["is_group"]]
figure = plot_buyer_quantities(shown, selected=chosen, split_assumption=shares)
event = ui.render_chart(
    figure,
    ctx=ctx,
    key="buyers-quantities",
    alt="Bars of each buyer's reported H200 interest, approval, US cap and deliveries, with ranges; the first batch is one group bar.",
    source_ids=ui.ids_in(shown),
    on_select="rerun",
    selection_mode=("points", "box"),
)
picked = []
if event is not None and getattr(event, "selection", None):
    for point in event.selection.get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list | tuple):
            custom = custom[0] if custom else None
        if custom:
            picked += [p for p in str(custom).split("+") if p in names]
if picked:
    st.query_params["picked"] = picked  # not a widget: mirrored by hand so a shared link keeps it
else:
    picked = [p for p in st.query_params.get_all("picked") if p in names]
    if picked and st.button("Clear the chart selection from the link", icon=":material/close:"):
        del st.query_params["picked"]
        st.rerun()
selected = list(dict.fromkeys([*chosen, *picked]))

st.subheader("Status by buyer")
table = buyers[buyers["organisation_id"].isin(active)].copy()
table["US status"] = table["us_status"].fillna("nothing reported").str.replace("_", " ")
table["China status"] = table["cn_status"].fillna("nothing reported").str.replace("_", " ")
for measure in ("interest", "cap", "delivered"):
    table[measure.title()] = [
        fmt_range(None if pd.isna(lo) else float(lo), None if pd.isna(hi) else float(hi), "chips")
        if not (pd.isna(lo) and pd.isna(hi))
        else "—"
        for lo, hi in zip(table[f"{measure}_low"], table[f"{measure}_high"], strict=True)
    ]
table["First batch (group)"] = table["group_approved"].replace("", "—")
st.dataframe(
    table[
        [
            "organisation",
            "US status",
            "us_status_date",
            "China status",
            "cn_status_date",
            "Interest",
            "First batch (group)",
            "Cap",
            "Delivered",
            "claims",
        ]
    ],
    hide_index=True,
    key="buyers-status",
    column_config={
        "organisation": "Buyer",
        "us_status_date": st.column_config.DateColumn("US as of", format="YYYY-MM-DD"),
        "cn_status_date": st.column_config.DateColumn("China as of", format="YYYY-MM-DD"),
        "claims": st.column_config.NumberColumn("Claims", help="Claims that name this buyer"),
    },
)
st.caption(
    "The first batch was reported for three firms together; it is shown as a group and never split into invented "
    "per-firm numbers. A cap or a delivery count reported for the market is shown for each firm it applies to."
)

st.subheader("Claims about " + (", ".join(names.get(s, s) for s in selected) if selected else "all buyers"))
mask = (
    claims["actors"].fillna("").apply(lambda a: any(s in a.split(", ") for s in selected))
    if selected
    else claims["actors"].fillna("").apply(lambda a: any(b in a.split(", ") for b in active))
)
subset = claims[mask]
st.caption(f"{len(subset)} claims name {'these buyers' if selected else 'a buyer'} by the chosen date")
if subset.empty:
    st.info("No claims name the selected buyers by the chosen date.")
else:
    st.dataframe(
        subset[["date", "summary", "status", "wording", "attribution", "confidence", "publisher", "url"]],
        hide_index=True,
        key="buyers-claims",
        column_config={
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "summary": st.column_config.TextColumn("What was reported", width="large"),
            "url": ui.link_column(),
        },
    )
ui.render_source_footer(ctx.seeds, expand_ids(subset["source_id"]), key="buyers-claims")
with st.expander("Download buyer data"):
    ui.render_downloads("buyers", full=quantities, shown=shown)

ui.finish_page(ctx)
