"""Buyers view: each buyer's reported figures (its slide), with the chosen buyers highlighted,
the group figure split only when asked (drawn as the user's assumption), and zero rows folded
into one line unless shown. Pure."""

from __future__ import annotations

import pandas as pd

from components import takeaways
from components.exports.images import plain_title
from components.figures import plot_buyer_quantities
from components.link_options import group_members
from components.view import ChartView, PageView, Params, TableView, page_view
from data.frames import (
    ClaimFilter,
    build_buyer_quantities_frame,
    build_buyers_frame,
    build_claims_frame,
    split_group_figure,
)
from data.load import SeedData
from data.vocabulary import BUYER_MEASURE_LABELS

ALT = (
    "Bars of each buyer's reported H200 interest, approval, US cap and deliveries, with ranges; "
    "the first batch is one group bar."
)


def zero_rows(quantities: pd.DataFrame) -> pd.Series:
    """Rows whose figure is a reported zero (no deliveries): one line under the chart, not a bar each."""
    return (quantities["high"].fillna(-1) == 0) & (quantities["low"].fillna(0) == 0) & ~quantities["is_group"]


def zero_line(zeros: pd.DataFrame, names: dict[str, str]) -> str:
    """'Delivered: 0 reported for Alibaba, ByteDance, … (9 buyers)'."""
    parts = []
    for measure, part in zeros.groupby("measure", sort=False):
        who = [names.get(o, o) for o in part["organisation_id"]]
        parts.append(f"{BUYER_MEASURE_LABELS.get(str(measure), str(measure))}: 0 reported for {', '.join(who)}")
    return "; ".join(parts) + "."


def active_buyers(seeds: SeedData, claim_filter: ClaimFilter) -> list[str]:
    """Buyers with a figure or named in a claim by the as-of date, in reference order."""
    quantities = build_buyer_quantities_frame(seeds, claim_filter)
    buyers = build_buyers_frame(seeds, claim_filter)
    named = {actor for actors in build_claims_frame(seeds, claim_filter)["actors"] for actor in actors}
    with_figure = set(quantities["organisation_id"])
    return [b for b in buyers["organisation_id"] if b in with_figure or b in named]


def shares_of(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> dict[str, float] | None:
    """The user's split of the group figure, rescaled to 100 % (None unless the split is on)."""
    members = group_members(seeds, claim_filter)
    if not params.get("split") or not members:
        return None
    chosen = dict(params.get("share_") or {})
    raw = {m: float(chosen.get(m, round(100 / len(members)))) for m in members}
    total = sum(raw.values()) or 1.0
    return {m: v / total for m, v in raw.items()}


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    quantities = build_buyer_quantities_frame(seeds, claim_filter)
    buyers = build_buyers_frame(seeds, claim_filter)
    names = dict(zip(buyers["organisation_id"], buyers["organisation"], strict=True))
    chosen = [b for b in params.get("buyers") or () if b in names]
    shares = shares_of(seeds, claim_filter, params)
    assumed = split_group_figure(quantities, shares) if shares else None
    shown = quantities[quantities["organisation_id"].isin(active_buyers(seeds, claim_filter)) | quantities["is_group"]]
    zero_only = zero_rows(shown)
    show_zeros = bool(params.get("zeros"))
    drawn = shown if show_zeros else shown[~zero_only]
    figure = plot_buyer_quantities(drawn, title=takeaways.buyers_title(shown), selected=chosen, assumed=assumed)
    notes = (zero_line(shown[zero_only], names),) if zero_only.any() and not show_zeros else ()
    sources = tuple(dict.fromkeys(s for ids in shown["source_ids"] for s in ids))
    picked = set(chosen) | set(params.get("picked") or ())
    in_selection = shown["organisation_id"].isin(picked) | shown["group_members"].map(
        lambda members: bool(picked.intersection(members or ()))
    )
    return page_view(
        "buyers",
        claim_filter,
        params,
        charts=(ChartView("buyers-quantities", plain_title(figure), figure, sources, ALT, notes),),
        tables=(TableView("buyers", shown[in_selection] if picked else drawn, full=quantities),),
    )
