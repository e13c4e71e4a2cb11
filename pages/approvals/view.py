"""Approvals view: the buyer x stage grid (its slide) and the approved volume over time. Pure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.exports.images import plain_title
from components.figures import plot_approval_matrix, plot_approvals_over_time
from components.registry import BY_ID
from components.view import ChartView, PageView, Params, TableView
from data.frames import (
    ALL_BUYERS,
    ClaimFilter,
    approved_volume_series,
    build_approvals_frame,
    build_claims_frame,
    build_estimates_frame,
    build_supply_demand_frame,
)
from data.frames.approvals import ALL_BUYERS_LABEL
from data.load import SeedData
from data.vocabulary import buyer_ids

MATRIX_ALT = (
    "A grid of buyers against the US and Chinese approval stages, each cell coloured by the latest reported status."
)
VOLUME_ALT = "Step chart of the H200 volume approved by China and licensed by the US, by report date."


def grid_rows(approvals: pd.DataFrame, seeds: SeedData) -> list[tuple[str, str]]:
    """Named buyers with a claim naming them, then the row of rules that name no firm."""
    present = set(approvals["organisation_id"])
    rows = [(b, seeds.organisations[b].name) for b in buyer_ids(seeds.organisations.values()) if b in present]
    if ALL_BUYERS in present:
        rows.append((ALL_BUYERS, ALL_BUYERS_LABEL))
    return rows


def matrix_figure(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    approvals = build_approvals_frame(seeds, claim_filter)
    title = takeaways.approvals_title(approvals, build_estimates_frame(seeds, claim_filter))
    figure = plot_approval_matrix(approvals, grid_rows(approvals, seeds), title=title)
    return figure, list(dict.fromkeys(approvals["source_id"]))


def volume_figure(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    series = approved_volume_series(build_supply_demand_frame(seeds, claim_filter))
    title = takeaways.volume_title(series, build_estimates_frame(seeds, claim_filter))
    figure = plot_approvals_over_time(series, title=title, until=claim_filter.as_of)
    return figure, [s for ids in series["source_ids"] for s in ids]


def conditions(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    claims = build_claims_frame(seeds, claim_filter)
    return claims[(claims["kind"] == "condition") & claims["side"].isin(["US", "China"])]


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    page = BY_ID["approvals"]
    matrix, matrix_sources = matrix_figure(seeds, claim_filter)
    volume, volume_sources = volume_figure(seeds, claim_filter)
    return PageView(
        page.page_id,
        page.title,
        page.question,
        claim_filter.as_of,  # type: ignore[arg-type]
        dict(params),
        charts=(
            ChartView("approvals-matrix", plain_title(matrix), matrix, tuple(matrix_sources), MATRIX_ALT),
            ChartView(
                "approvals-over-time", plain_title(volume), volume, tuple(dict.fromkeys(volume_sources)), VOLUME_ALT
            ),
        ),
        tables=(
            TableView("approvals", build_approvals_frame(seeds, claim_filter)),
            TableView("conditions", conditions(seeds, claim_filter)),
        ),
    )
