"""Approval page helpers: both figures, built once per filter and seed content
(``ui.memo``), the rows of the grid, and one card per buyer for narrow screens (the grid needs ~700 px)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import takeaways
from components.figures import plot_approval_matrix, plot_approvals_over_time
from components.labels import STATUSES, fmt_date, label
from components.ui.sources import md
from data.frames import (
    ALL_BUYERS,
    ClaimFilter,
    approved_volume_series,
    build_approvals_frame,
    build_estimates_frame,
    build_supply_demand_frame,
)
from data.frames.approvals import ALL_BUYERS_LABEL
from data.load import SeedData
from data.vocabulary import buyer_ids

# Both views are drawn; the browser's width picks one (Streamlit cannot see the width).
NARROW_CSS = """<style>
@media (max-width: 700px) { .st-key-approvals-grid { display: none !important; } }
@media (min-width: 701px) { .st-key-approval-cards { display: none !important; } }
</style>"""


def grid_rows(approvals: pd.DataFrame, seeds: SeedData) -> list[tuple[str, str]]:
    """Named buyers with a claim naming them, then the row of rules that name no firm."""
    present = set(approvals["organisation_id"])
    rows = [(b, seeds.organisations[b].name) for b in buyer_ids(seeds.organisations.values()) if b in present]
    if ALL_BUYERS in present:
        rows.append((ALL_BUYERS, ALL_BUYERS_LABEL))
    return rows


def matrix_figure(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    """The buyer x stage grid."""
    approvals = build_approvals_frame(seeds, claim_filter)
    title = takeaways.approvals_title(approvals, build_estimates_frame(seeds, claim_filter))
    figure = plot_approval_matrix(approvals, grid_rows(approvals, seeds), title=title)
    return figure, list(dict.fromkeys(approvals["source_id"]))


def volume_figure(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    """Approved volume per side as reports arrived, held to the as-of date."""
    series = approved_volume_series(build_supply_demand_frame(seeds, claim_filter))
    names = {o.id: o.name for o in seeds.organisations.values()}
    title = takeaways.volume_title(series, build_estimates_frame(seeds, claim_filter), names)
    figure = plot_approvals_over_time(series, title=title, until=claim_filter.as_of)
    return figure, [s for ids in series["source_ids"] for s in ids]


def latest_stages(approvals: pd.DataFrame) -> pd.DataFrame:
    """Per buyer and side, the furthest stage reported and its status."""
    if approvals.empty:
        return approvals
    ordered = approvals.sort_values(["stage_order", "date"])
    return ordered.groupby(["organisation_id", "side"], as_index=False).tail(1)


def render_cards(approvals: pd.DataFrame, rows: list[tuple[str, str]]) -> None:
    """One bordered card per buyer: where it stands in Washington and in Beijing."""
    furthest = latest_stages(approvals)
    with st.container(key="approval-cards"):
        for organisation_id, name in rows:
            mine = furthest[furthest["organisation_id"] == organisation_id]
            with st.container(border=True):
                st.markdown(f"**{md(name)}**")
                for side, heading in (("US", "Washington"), ("China", "Beijing")):
                    row = mine[mine["side"] == side]
                    if row.empty:
                        st.caption(f"{heading}: nothing reported")
                        continue
                    r = row.iloc[0]
                    st.caption(
                        f"{heading}: {md(r['stage_label'])} — {label(r['status'], STATUSES).lower()} "
                        f"({fmt_date(r['date'])})"
                    )
