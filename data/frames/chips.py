"""Chip specs, long: one row per chip x metric, estimates flagged and given as low/high."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter
from data.load import SeedData
from data.vocabulary import SPEC_UNITS


@dataclass
class ChipRow:
    chip_id: str
    chip: str
    vendor: str
    china_status: str | None
    metric: str
    unit: str
    value: float | None
    low: float | None
    high: float | None
    estimate: bool
    note: str | None
    source_ids: list[str]


def available(seeds: SeedData, source_id: str, as_of: dt.date | None) -> bool:
    """Whether a reference source could be read on ``as_of``: undated pages always, dated ones once out."""
    source = seeds.sources.get(source_id)
    if source is None or as_of is None or source.published is None:
        return source is not None
    return source.published <= as_of


@builds(ChipRow)
def build_chips_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Chip specs as reference values, as far as they had been published by the as-of date.

    A figure counts once any source citing it is out (an undated spec page always counts: it makes
    no claim about when); later sources are dropped from its citation.
    """
    as_of = claim_filter.as_of if claim_filter else None
    rows = []
    for chip in seeds.chips.values():
        vendor = seeds.organisations.get(chip.vendor)
        for metric, spec in chip.specs.items():
            cited = [s for s in spec.sources if available(seeds, s, as_of)]
            if not cited:
                continue
            low = spec.value if spec.value is not None else spec.low
            high = spec.value if spec.value is not None else spec.high
            rows.append(
                ChipRow(
                    chip_id=chip.id,
                    chip=chip.name,
                    vendor=vendor.name if vendor else chip.vendor,
                    china_status=chip.china_status,
                    metric=metric,
                    unit=SPEC_UNITS[metric],
                    value=spec.value,  # an estimate stays a range: no midpoint is invented
                    low=low,
                    high=high,
                    estimate=spec.estimate,
                    note=spec.note,
                    source_ids=cited,
                )
            )
    return frame_of(ChipRow, rows)
