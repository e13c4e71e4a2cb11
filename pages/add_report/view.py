"""Add a report view: a form, no chart; its slide says so (the page keeps its own logic)."""

from __future__ import annotations

from components.view import PageView, Params, page_view
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    return page_view("add_report", claim_filter, params, empty="Drafting a seed file from a report: see the page.")
