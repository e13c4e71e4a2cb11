"""Which claims a view may use (the as-of date and confidence filter), and the flat claims frame."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.lexicon import quantity_range
from data.load import ClaimRecord, SeedData
from data.outlets import outlet_of
from data.reconcile import claim_confidence, live_claims


@dataclass(frozen=True)
class ClaimFilter:
    """What the user chose to see: claims reported by ``as_of``, optionally only the firmer ones."""

    as_of: dt.date | None = None
    exclude_low_confidence: bool = False
    exclude_anonymous: bool = False

    def admits(self, record: ClaimRecord, seeds: SeedData) -> bool:
        if self.as_of is not None and seeds.sources[record.source_id].available_from > self.as_of:
            return False
        if self.exclude_low_confidence and claim_confidence(record, seeds) == "low":
            return False
        return not (self.exclude_anonymous and record.claim.attribution.type == "anonymous_sources")

    @property
    def key(self) -> tuple:
        """A hashable key for caches."""
        return (self.as_of, self.exclude_low_confidence, self.exclude_anonymous)


def select_claims(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> list[ClaimRecord]:
    """The claims a view may use, in date order."""
    claim_filter = claim_filter or ClaimFilter()
    chosen = [r for r in seeds.claims if claim_filter.admits(r, seeds)]
    return sorted(chosen, key=lambda r: (r.claim.date, seeds.sources[r.source_id].available_from, r.claim.id))


def latest_report_date(seeds: SeedData, on_or_before: dt.date | None = None) -> dt.date | None:
    """Publication date of the newest dated source (by ``on_or_before`` if given): the default
    as-of date. Undated documents never count as the newest report."""
    dates = [s.published for s in seeds.sources.values() if s.published is not None]
    return max((d for d in dates if on_or_before is None or d <= on_or_before), default=None)


@dataclass
class ClaimRow:
    claim_id: str
    source_id: str
    kind: str
    date: dt.date
    date_precision: str
    date_basis: str
    reported: dt.date
    actors: list[str]
    product: str | None
    side: str
    status: str | None
    stage: str | None
    metric: str | None
    applies_to: list[str]
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    bound: str | None
    wording: str | None
    fiscal_period: str | None
    range_low: float | None
    range_high: float | None
    range_basis: str | None
    attribution: str
    sources_cited: int | None
    person: str | None
    confidence: str
    label: str | None
    summary: str
    locator: str | None
    contradicts: list[str]
    supersedes: list[str]
    superseded: bool
    tags: list[str]
    publisher: str
    origin: str
    source_title: str
    url: str | None
    seed_report: bool


def _claim_row(record: ClaimRecord, seeds: SeedData, live: set[str]) -> ClaimRow:
    claim, source, quantity = record.claim, seeds.sources[record.source_id], record.claim.quantity
    derived = quantity_range(quantity, seeds.lexicon) if quantity else None
    link = outlet_of(seeds, record.source_id)
    return ClaimRow(
        claim_id=claim.id,
        source_id=record.source_id,
        kind=claim.kind,
        date=claim.date,
        date_precision=claim.date_precision,
        date_basis=claim.date_basis,
        reported=source.available_from,
        actors=list(claim.actors),
        product=claim.product,
        side=claim.side,
        status=claim.status,
        stage=claim.stage,
        metric=quantity.metric if quantity else None,
        applies_to=list(quantity.applies_to) if quantity else [],
        value=quantity.value if quantity else None,
        low=quantity.low if quantity else None,
        high=quantity.high if quantity else None,
        unit=quantity.unit if quantity else None,
        bound=quantity.bound if quantity else None,
        wording=quantity.wording if quantity else None,
        fiscal_period=claim.fiscal_period,
        range_low=derived.low if derived else None,
        range_high=derived.high if derived else None,
        range_basis=derived.basis if derived else None,
        attribution=claim.attribution.type,
        sources_cited=claim.attribution.sources_cited,
        person=claim.attribution.person,
        confidence=claim_confidence(record, seeds),
        label=claim.label,
        summary=claim.summary,
        locator=claim.locator,
        contradicts=list(claim.contradicts),
        supersedes=list(claim.supersedes),
        superseded=claim.id not in live,
        tags=list(claim.tags),
        publisher=link.label,
        origin=source.origin or source.publisher,
        source_title=source.title,
        url=link.url,
        seed_report=source.seed_report,
    )


@builds(ClaimRow)
def build_claims_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Every claim, flat: one row per claim with its source's citation."""
    records = select_claims(seeds, claim_filter)
    live = {r.claim.id for r in live_claims(records)}
    return frame_of(ClaimRow, [_claim_row(record, seeds, live) for record in records])
