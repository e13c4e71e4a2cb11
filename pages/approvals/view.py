"""Approvals view: the buyer x stage grid (its slide) and the approved volume over time. Pure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.exports.images import plain_title
from components.figures import plot_approval_matrix, plot_approvals_over_time
from components.labels import STATUSES, fmt_date, label
from components.view import ChartView, PageView, Params, TableView, page_view
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
    names = {o.id: o.name for o in seeds.organisations.values()}
    title = takeaways.volume_title(series, build_estimates_frame(seeds, claim_filter), names)
    figure = plot_approvals_over_time(series, title=title, until=claim_filter.as_of)
    return figure, [s for ids in series["source_ids"] for s in ids]


def conditions(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    claims = build_claims_frame(seeds, claim_filter)
    return claims[(claims["kind"] == "condition") & claims["side"].isin(["US", "China"])]


def latest_stages(approvals: pd.DataFrame) -> pd.DataFrame:
    """Per buyer and side, the furthest stage reported and its status."""
    if approvals.empty:
        return approvals
    ordered = approvals.sort_values(["stage_order", "date"])
    return ordered.groupby(["organisation_id", "side"], as_index=False).tail(1)


def narrow_cards(approvals: pd.DataFrame, rows: list[tuple[str, str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per buyer, where it stands in Washington and in Beijing, in words (the phone layout)."""
    furthest = latest_stages(approvals)
    found = {(r["organisation_id"], r["side"]): r for r in furthest.to_dict("records")}
    cards = []
    for organisation_id, name in rows:
        lines = []
        for side, heading in (("US", "Washington"), ("China", "Beijing")):
            r = found.get((organisation_id, side))
            if r is None:
                lines.append(f"{heading}: nothing reported")
            else:
                status = label(r["status"], STATUSES).lower()
                # "Conditional — conditional" read as a glitch: a status that repeats its stage is said once
                said = "" if status == str(r["stage_label"]).lower() else f" — {status}"
                lines.append(f"{heading}: {r['stage_label']}{said} ({fmt_date(r['date'])})")
        cards.append((name, tuple(lines)))
    return tuple(cards)


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    approvals = build_approvals_frame(seeds, claim_filter)
    matrix, matrix_sources = matrix_figure(seeds, claim_filter)
    volume, volume_sources = volume_figure(seeds, claim_filter)
    return page_view(
        "approvals",
        claim_filter,
        params,
        charts=(
            ChartView("approvals-matrix", plain_title(matrix), matrix, tuple(matrix_sources), MATRIX_ALT),
            ChartView(
                "approvals-over-time", plain_title(volume), volume, tuple(dict.fromkeys(volume_sources)), VOLUME_ALT
            ),
        ),
        tables=(
            TableView("approvals", approvals),
            TableView("conditions", conditions(seeds, claim_filter)),
        ),
        extras={"cards": narrow_cards(approvals, grid_rows(approvals, seeds))},
    )
