"""Inbox view: the watcher's candidates are reviewed on the page, not presented; its slide says so."""

from __future__ import annotations

from components.view import PageView, Params, page_view
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    return page_view("inbox", claim_filter, params, empty="Candidate reports found by the watcher: see the page.")
