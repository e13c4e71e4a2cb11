"""Every reported figure as a range (supply versus demand), the reconciled estimates, and the
approved-volume series per side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.lexicon import quantity_range
from data.load import SeedData
from data.outlets import publisher_label
from data.reconcile import best_value, claim_confidence, live_claims, reconcile_all
from data.vocabulary import APPROVED_VOLUME_METRICS


@dataclass
class FigureRow:
    metric: str
    applies_to: list[str]
    date: dt.date
    low: float | None
    high: float | None
    best: float | None
    open_high: bool
    unit: str
    bound: str
    wording: str | None
    basis: str
    rule: str
    formula: str | None
    confidence: str
    claim_id: str
    source_ids: list[str]
    publisher: str
    superseded: bool
    summary: str


@builds(FigureRow)
def build_supply_demand_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Every reported figure (chip specs aside) as a range, with basis reported or derived."""
    records = select_claims(seeds, claim_filter)
    live = {r.claim.id for r in live_claims(records)}
    rows = []
    for record in records:
        claim, quantity = record.claim, record.claim.quantity
        if quantity is None or claim.kind == "spec":
            continue
        derived = quantity_range(quantity, seeds.lexicon)
        rows.append(
            FigureRow(
                metric=quantity.metric,
                applies_to=list(quantity.applies_to),
                date=claim.date,
                low=derived.low,
                high=derived.high,
                best=best_value(derived) if derived.basis == "reported" else None,
                open_high=derived.open_high,
                unit=quantity.unit,
                bound=quantity.bound,
                wording=quantity.wording,
                basis=derived.basis,
                rule=derived.rule,
                formula=derived.formula,
                confidence=claim_confidence(record, seeds),
                claim_id=claim.id,
                source_ids=[record.source_id],
                publisher=publisher_label(seeds, record.source_id),
                superseded=claim.id not in live,
                summary=claim.summary,
            )
        )
    return frame_of(FigureRow, rows)


@dataclass
class EstimateRow:
    metric: str
    applies_to: list[str]
    unit: str
    low: float | None
    high: float | None
    best: float | None
    open_high: bool
    basis: str
    best_bound: str
    best_claim_id: str
    claim_ids: list[str]
    source_ids: list[str]
    independent_origins: int
    conflict: bool
    formula: str | None
    derived_claim_ids: list[str]
    point_in_time: bool
    reading_date: dt.date | None
    history_claim_ids: list[str]


@builds(EstimateRow)
def build_estimates_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One reconciled estimate per (metric, applies_to): what the KPI cards show."""
    rows = [
        EstimateRow(
            metric=e.metric,
            applies_to=list(e.applies_to),
            unit=e.unit,
            low=e.low,
            high=e.high,
            best=e.best,
            open_high=e.open_high,
            basis=e.basis,
            best_bound=e.best_bound,
            best_claim_id=e.best_claim_id,
            claim_ids=list(e.claim_ids),
            source_ids=list(e.source_ids),
            independent_origins=e.independent_origins,
            conflict=e.conflict,
            formula=e.formula,
            derived_claim_ids=list(e.derived_claim_ids),
            point_in_time=e.point_in_time,
            reading_date=e.reading_date,
            history_claim_ids=list(e.history_claim_ids),
        )
        for e in reconcile_all(select_claims(seeds, claim_filter), seeds)
    ]
    return frame_of(EstimateRow, rows)


@dataclass
class VolumeStepRow:
    date: dt.date
    side: str
    low: float | None
    high: float | None
    best: float | None
    label: str
    source_ids: list[str]
    confidence: str


def approved_volume_series(supply_demand: pd.DataFrame) -> pd.DataFrame:
    """Approved H200 volume per side as reports arrived (from ``build_supply_demand_frame``).

    Superseded versions and ranges derived from vague wording are dropped; each remaining
    reported figure is one step with its range.
    """
    rows = []
    for side, metrics in APPROVED_VOLUME_METRICS.items():
        part = supply_demand[
            supply_demand["metric"].isin(metrics)
            & ~supply_demand["superseded"]
            & (supply_demand["basis"] == "reported")
        ]
        for row in part.to_dict("records"):
            rows.append(
                VolumeStepRow(
                    date=row["date"],
                    side=side,
                    low=None if pd.isna(row["low"]) else row["low"],
                    high=None if pd.isna(row["high"]) else row["high"],
                    best=None if pd.isna(row["best"]) else row["best"],
                    label=f"{row['wording'] or ''} ({row['publisher']})",
                    source_ids=list(row["source_ids"]),
                    confidence=row["confidence"],
                )
            )
    return frame_of(VolumeStepRow, rows).sort_values("date", ignore_index=True)
