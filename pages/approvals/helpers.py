"""Approval page helpers: both figures, built once per filter and seed content (``ui.memo``)."""

from __future__ import annotations

import plotly.graph_objects as go

from components import takeaways
from components.figures import plot_approval_matrix, plot_approvals_over_time
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


def matrix_figure(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    """The buyer x stage grid: named buyers with a claim naming them, then the rules' own row."""
    approvals = build_approvals_frame(seeds, claim_filter)
    present = set(approvals["organisation_id"])
    rows = [(b, seeds.organisations[b].name) for b in buyer_ids(seeds.organisations.values()) if b in present]
    if ALL_BUYERS in present:
        rows.append((ALL_BUYERS, ALL_BUYERS_LABEL))
    title = takeaways.approvals_title(approvals, build_estimates_frame(seeds, claim_filter))
    return plot_approval_matrix(approvals, rows, title=title), list(dict.fromkeys(approvals["source_id"]))


def volume_figure(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    """Approved volume per side as reports arrived, held to the as-of date."""
    series = approved_volume_series(build_supply_demand_frame(seeds, claim_filter))
    title = takeaways.volume_title(series, build_estimates_frame(seeds, claim_filter))
    figure = plot_approvals_over_time(series, title=title, until=claim_filter.as_of)
    return figure, [s for ids in series["source_ids"] for s in ids]
