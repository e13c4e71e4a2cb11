"""Tidy pandas frames built from validated seeds: one module per subject, all pure.

Every builder is ``build_<subject>_frame(seeds, ClaimFilter(...))`` and returns only what had
been reported by the filter's as-of date; every row carries its source id(s); id lists stay
Python lists until the CSV/XLSX boundary. ``BUILDERS`` lists them all, so tests and caches
enumerate the builders instead of naming them by hand.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from data.frames.approvals import ALL_BUYERS, build_approvals_frame
from data.frames.buyers import build_buyer_quantities_frame, build_buyers_frame, split_group_figure
from data.frames.chips import build_chips_frame
from data.frames.claims import ClaimFilter, build_claims_frame, latest_report_date, select_claims
from data.frames.conflicts import build_conflicts_frame
from data.frames.events import build_events_frame
from data.frames.sources import build_sources_frame
from data.frames.supply_demand import approved_volume_series, build_estimates_frame, build_supply_demand_frame
from data.load import SeedData

Builder = Callable[[SeedData, ClaimFilter | None], pd.DataFrame]

BUILDERS: tuple[Builder, ...] = (
    build_claims_frame,
    build_sources_frame,
    build_events_frame,
    build_approvals_frame,
    build_buyer_quantities_frame,
    build_buyers_frame,
    build_supply_demand_frame,
    build_estimates_frame,
    build_chips_frame,
    build_conflicts_frame,
)

__all__ = [
    "ALL_BUYERS",
    "BUILDERS",
    "Builder",
    "ClaimFilter",
    "approved_volume_series",
    "build_approvals_frame",
    "build_buyer_quantities_frame",
    "build_buyers_frame",
    "build_chips_frame",
    "build_claims_frame",
    "build_conflicts_frame",
    "build_estimates_frame",
    "build_events_frame",
    "build_sources_frame",
    "build_supply_demand_frame",
    "latest_report_date",
    "select_claims",
    "split_group_figure",
]
