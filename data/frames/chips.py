"""Chip specs, long: one row per chip x metric, estimates flagged and given as low/high."""

from __future__ import annotations

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


@builds(ChipRow)
def build_chips_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Chip specs as reference values.

    Specs are not news and most spec pages are undated, so the as-of part of the filter does not
    apply here (the argument is accepted so every builder is called alike).
    """
    del claim_filter
    rows = []
    for chip in seeds.chips.values():
        vendor = seeds.organisations.get(chip.vendor)
        for metric, spec in chip.specs.items():
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
                    value=spec.value if spec.value is not None else (low + high) / 2,  # type: ignore[operator]
                    low=low,
                    high=high,
                    estimate=spec.estimate,
                    note=spec.note,
                    source_ids=list(spec.sources),
                )
            )
    return frame_of(ChipRow, rows)
