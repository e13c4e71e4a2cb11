"""Add a report view: a form, no chart; its slide says so (the page keeps its own logic)."""

from __future__ import annotations

from components.registry import BY_ID
from components.view import PageView, Params, empty_view, view_date
from data.frames import ClaimFilter
from data.load import SeedData


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    return empty_view(
        BY_ID["add_report"], view_date(claim_filter), params, "Drafting a seed file from a report: see the page."
    )
