"""Inbox view: the watcher's candidates are reviewed on the page, not presented; its slide says so."""

from __future__ import annotations

from components.registry import BY_ID
from components.view import PageView, Params, empty_view, view_date
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    return empty_view(
        BY_ID["inbox"], view_date(claim_filter), params, "Candidate reports found by the watcher: see the page."
    )
