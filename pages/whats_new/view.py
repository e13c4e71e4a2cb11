"""What's new view: the page compares two dates of the tracker itself and draws no chart; its
slide says so (the page keeps its own logic)."""

from __future__ import annotations

from components.registry import BY_ID
from components.view import PageView, Params, empty_view, view_date
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    return empty_view(
        BY_ID["whats_new"], view_date(claim_filter), params, "What the tracker learned between two dates: see the page."
    )
