"""Many claims about one quantity -> one best estimate, without hiding the disagreement.

The estimate's range is the envelope of every live claim (superseded versions drop out), the
best value comes from the strongest claim (confidence, then reported over derived, then the
latest report), corroboration counts independent origins (a Reuters story carried by ten
outlets is one origin), and ``conflict`` is set when the ranges cannot all be true at once or a
claim explicitly contradicts another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from data.lexicon import Range, quantity_range
from data.load import ClaimRecord, SeedData

CONFIDENCE_RANK = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class Estimate:
    """The reconciled figure for one metric (and the organisations it applies to)."""

    metric: str
    applies_to: tuple[str, ...]
    unit: str
    low: float | None
    high: float | None
    best: float | None
    best_claim_id: str
    best_bound: str
    basis: str
    open_high: bool
    claim_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    independent_origins: int
    conflict: bool


def claim_confidence(record: ClaimRecord, seeds: SeedData) -> str:
    """A claim's own confidence, else its source's."""
    return record.claim.confidence or seeds.sources[record.source_id].confidence


def live_claims(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Drop claims that a later version among ``records`` supersedes."""
    superseded = {target for record in records for target in record.claim.supersedes}
    return [record for record in records if record.claim.id not in superseded]


def _overlap(ranges: list[Range]) -> bool:
    lows = [r.low for r in ranges if r.low is not None]
    highs = [r.high for r in ranges if r.high is not None]
    if not lows or not highs:
        return True
    return max(lows) <= min(highs)


def reconcile(records: list[ClaimRecord], seeds: SeedData) -> Estimate | None:
    """Reconcile claims that share one ``quantity.metric`` and ``applies_to``.

    Returns None when none of them carries a usable figure.
    """
    with_quantity = [r for r in live_claims(records) if r.claim.quantity is not None]
    ranged = [(r, quantity_range(r.claim.quantity, seeds.lexicon)) for r in with_quantity]  # type: ignore[arg-type]
    ranged = [(r, q) for r, q in ranged if q.low is not None or q.high is not None]
    if not ranged:
        return None
    first = ranged[0][0].claim.quantity
    assert first is not None
    lows = [q.low for _, q in ranged if q.low is not None]
    # The envelope covers every number any claim gives; an open-ended claim (">400,000")
    # leaves the whole envelope open at the top.
    numbers = [v for _, q in ranged for v in (q.low, q.high) if v is not None]
    open_high = any(q.open_high for _, q in ranged)

    def strength(item: tuple[ClaimRecord, Range]) -> tuple[int, int, dt.date, dt.date]:
        record, quantity = item
        return (
            CONFIDENCE_RANK[claim_confidence(record, seeds)],
            1 if quantity.basis == "reported" else 0,
            seeds.sources[record.source_id].available_from,
            record.claim.date,
        )

    best_record, best_range = max(ranged, key=strength)
    ids = {r.claim.id for r, _ in ranged}
    explicit = any(target in ids for r, _ in ranged for target in r.claim.contradicts)
    source_ids = tuple(dict.fromkeys(r.source_id for r, _ in ranged))
    origins = {seeds.sources[s].origin_key for s in source_ids}
    return Estimate(
        metric=first.metric,
        applies_to=tuple(sorted(first.applies_to)),
        unit=first.unit,
        low=min(lows) if lows else None,
        high=max(numbers),
        best=best_range.low if best_range.open_high else best_range.mid,
        best_claim_id=best_record.claim.id,
        best_bound=best_record.claim.quantity.bound if best_record.claim.quantity else "exact",
        basis=best_range.basis,
        open_high=open_high,
        claim_ids=tuple(r.claim.id for r, _ in ranged),
        source_ids=source_ids,
        independent_origins=len(origins),
        conflict=explicit or not _overlap([q for _, q in ranged]),
    )


def reconcile_all(records: list[ClaimRecord], seeds: SeedData) -> list[Estimate]:
    """One estimate per (metric, applies_to) among ``records``; spec claims are left to the chips view."""
    groups: dict[tuple[str, tuple[str, ...]], list[ClaimRecord]] = {}
    for record in records:
        quantity = record.claim.quantity
        if quantity is None or record.claim.kind == "spec":
            continue
        groups.setdefault((quantity.metric, tuple(sorted(quantity.applies_to))), []).append(record)
    estimates = [reconcile(group, seeds) for group in groups.values()]
    return [e for e in estimates if e is not None]
