"""What's new view: the page compares two dates of the tracker itself and draws no chart; its
slide says so (the page keeps its own logic)."""

from __future__ import annotations

from components.view import PageView, Params, page_view
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    return page_view(
        "whats_new", claim_filter, params, empty="What the tracker learned between two dates: see the page."
    )
