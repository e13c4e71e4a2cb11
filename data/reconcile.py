"""Many claims about one quantity -> one best estimate, without hiding the disagreement.

The estimate's range is the envelope of every live claim (superseded versions drop out), the
best value comes from the strongest claim (confidence, then reported over derived, then the
latest report), corroboration counts independent origins (a Reuters story carried by ten
outlets is one origin), and ``conflict`` is set when the figures cannot all be true at once
(a ``contradicts`` link between figures that agree is a difference of wording, not a conflict).

A *point-in-time* metric (``point_in_time: true`` in ``seeds/reference/metrics.yaml``: deliveries,
firms cleared, stock on hand) is a series of readings, not a dispute: the newest reading wins
(with its bound), older readings become ``history_claim_ids``, and only readings about the same
moment can disagree. Confidence never outranks recency across moments; a low-confidence reading
only sets the moment when every reading is low.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from data.lexicon import Range, quantity_range
from data.load import ClaimRecord, SeedData
from data.models import Metric

CONFIDENCE_RANK = {"high": 3, "medium": 2, "low": 1}
# How far apart two readings may be dated and still be "about the same moment", by the
# precision of the newest reading's date.
SAME_MOMENT_DAYS = {"day": 3, "week": 7, "month": 31, "quarter": 92, "year": 366}


@dataclass(frozen=True)
class Estimate:
    """The reconciled figure for one metric (and the organisations it applies to).

    ``low``/``high``/``best`` come from reported claims only; when no claim reports a number,
    ``basis`` is "derived", ``best`` is None and ``formula`` says how the derived span was made.
    """

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
    formula: str | None = None
    derived_claim_ids: tuple[str, ...] = ()
    point_in_time: bool = False
    reading_date: dt.date | None = None
    history_claim_ids: tuple[str, ...] = ()


def best_value(quantity: Range) -> float | None:
    """The single figure a range stands for, without arithmetic: the value itself, or the
    bound's number (a lower bound's low, an upper bound's high); a two-sided range has none."""
    if quantity.low is not None and quantity.low == quantity.high:
        return quantity.low
    if quantity.high is None:
        return quantity.low
    if quantity.low is None:
        return quantity.high
    return None


def claim_confidence(record: ClaimRecord, seeds: SeedData) -> str:
    """A claim's own confidence, else its source's."""
    return record.claim.confidence or seeds.sources[record.source_id].confidence


def live_claims(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Drop claims that a later version among ``records`` supersedes."""
    superseded = {target for record in records for target in record.claim.supersedes}
    return [record for record in records if record.claim.id not in superseded]


APPROX_TOLERANCE = 0.10
"""'About 400,000' is read as within 10 % of 400,000 when asking whether two figures can both be true."""


def _interval(quantity: Range) -> tuple[float, float]:
    """The values a figure allows, approximate ones widened by ``APPROX_TOLERANCE``."""
    low = quantity.low if quantity.low is not None else 0.0
    high = quantity.high if quantity.high is not None else float("inf")
    if quantity.bound == "approx":
        low, high = low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE)
    return low, high


def limit_level(quantity: Range, metric: Metric | None) -> Range:
    """A limit's figure as the level it sets: for a cap, "up to 75,000 each" says the cap is
    75,000 (not that it is 75,000 or less), so a cap reported at 100,000 cannot also be true."""
    if metric is None or not metric.limit or quantity.high is None or quantity.bound not in ("at_most", "less_than"):
        return quantity
    return replace(quantity, low=quantity.high, bound="exact", open_high=False)


def can_all_be_true(ranges: list[Range]) -> bool:
    """Whether one value satisfies every figure (strict bounds kept: 'more than 400' excludes 400).

    Figures that can all be true differ in wording only ("more than 400,000", "about 400,000"):
    that is not a disagreement, even when one report names the other as contradicting it.
    """
    if not ranges:
        return True
    intervals = [_interval(r) for r in ranges]
    low, high = max(i[0] for i in intervals), min(i[1] for i in intervals)
    if low != high:
        return low < high
    strict_low = any(r.bound == "more_than" and _interval(r)[0] == low for r in ranges)
    strict_high = any(r.bound == "less_than" and _interval(r)[1] == high for r in ranges)
    return not (strict_low or strict_high)


def _strength(item: tuple[ClaimRecord, Range], seeds: SeedData) -> tuple[int, int, dt.date, dt.date]:
    """Reported beats derived, always; then confidence, then the latest report, then the event date."""
    record, quantity = item
    return (
        1 if quantity.basis == "reported" else 0,
        CONFIDENCE_RANK[claim_confidence(record, seeds)],
        seeds.sources[record.source_id].available_from,
        record.claim.date,
    )


Ranged = list[tuple[ClaimRecord, Range]]


def current_readings(used: Ranged, seeds: SeedData) -> tuple[Ranged, Ranged]:
    """Split readings of a point-in-time metric into (about the newest moment, older history).

    The moment is set by the newest reading that is not low confidence (by event date, then
    report date); readings dated within ``SAME_MOMENT_DAYS`` of it are about the same moment.
    """
    trusted = [item for item in used if claim_confidence(item[0], seeds) != "low"] or used
    newest = max(trusted, key=lambda item: (item[0].claim.date, seeds.sources[item[0].source_id].available_from))
    moment = newest[0].claim.date
    window = dt.timedelta(days=SAME_MOMENT_DAYS[newest[0].claim.date_precision])
    now = [item for item in used if moment - window <= item[0].claim.date <= moment]
    history = [item for item in used if item not in now]  # older, or newer but low confidence
    return now, history


def reconcile(records: list[ClaimRecord], seeds: SeedData) -> Estimate | None:
    """Reconcile claims that share one ``quantity.metric`` and ``applies_to``.

    The span and the best figure come from reported claims only; derived ones never outrank them
    and never become the best figure. Returns None when no claim carries a usable figure.
    """
    with_quantity = [r for r in live_claims(records) if r.claim.quantity is not None]
    ranged = [(r, quantity_range(r.claim.quantity, seeds.lexicon)) for r in with_quantity]  # type: ignore[arg-type]
    ranged = [(r, q) for r, q in ranged if q.low is not None or q.high is not None]
    if not ranged:
        return None
    reported = [(r, q) for r, q in ranged if q.basis == "reported"]
    derived = [(r, q) for r, q in ranged if q.basis != "reported"]
    used = reported or derived
    first = ranged[0][0].claim.quantity
    assert first is not None
    metric = seeds.metrics.get(first.metric)
    point_in_time = bool(metric and metric.point_in_time)
    history: Ranged = []
    if point_in_time:
        used, history = current_readings(used, seeds)
    lows = [q.low for _, q in used if q.low is not None]
    numbers = [v for _, q in used for v in (q.low, q.high) if v is not None]
    best_record, best_range = max(used, key=lambda item: _strength(item, seeds))
    pool = used if point_in_time else ranged  # older readings of a count never dispute the newest
    source_ids = tuple(dict.fromkeys(r.source_id for r, _ in used))
    return Estimate(
        metric=first.metric,
        applies_to=tuple(sorted(first.applies_to)),
        unit=first.unit,
        low=min(lows) if lows else None,
        high=max(numbers),
        best=best_value(best_range) if reported else None,
        best_claim_id=best_record.claim.id,
        best_bound=best_range.bound,
        basis="reported" if reported else best_range.basis,
        open_high=any(q.open_high for _, q in used),
        claim_ids=tuple(r.claim.id for r, _ in used),
        source_ids=source_ids,
        independent_origins=len({seeds.sources[s].origin_key for s in source_ids}),
        conflict=not can_all_be_true([limit_level(q, metric) for _, q in pool]),
        formula=None if reported else best_range.formula or best_range.rule,
        derived_claim_ids=tuple(r.claim.id for r, _ in derived),
        point_in_time=point_in_time,
        reading_date=best_record.claim.date,
        history_claim_ids=tuple(r.claim.id for r, _ in history),
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
