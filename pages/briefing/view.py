"""Briefings view: the chosen briefing's first step as its slide shows it (the page previews it).
Pure; a step's view is its page's own ``view`` with the step's parameters."""

from __future__ import annotations

from components.briefings import step_view
from components.link_options import COMPOSED
from components.view import PageView, Params, page_view, view_date
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    as_of = view_date(claim_filter)
    shown = {k: b for k, b in seeds.briefings.items() if b.as_of <= as_of}
    pick = params.get("pick")
    briefing = shown.get(str(pick)) if pick != COMPOSED else None
    briefing = briefing or next(iter(shown.values()), None)
    if briefing is None:
        return page_view("briefing", claim_filter, params, empty="No briefing was pinned on or before the chosen date.")
    first = step_view(briefing, 0, seeds)
    return page_view(
        "briefing",
        claim_filter,
        params,
        cards=first.cards,
        charts=first.charts[:1],
        notices=first.notices,
        lead=first.lead,
        empty=first.empty,
    )
