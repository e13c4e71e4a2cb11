"""Vague wording -> ranges, and many claims -> one estimate that keeps its disagreement."""

from __future__ import annotations

from data.lexicon import lookup, quantity_range
from data.load import ClaimRecord
from data.models import Quantity
from data.reconcile import live_claims, reconcile, reconcile_all


def test_lookup_ignores_case_quotes_and_aliases(small_seeds) -> None:
    assert lookup('"Several Hundred Thousand"', small_seeds.lexicon).low == 300000
    assert lookup("a few", small_seeds.lexicon) is None
    assert lookup(None, small_seeds.lexicon) is None


def test_quantity_range_says_where_numbers_came_from(small_seeds) -> None:
    vague = Quantity(metric="m", unit="chips", bound="approx", wording="millions")
    derived = quantity_range(vague, small_seeds.lexicon)
    assert (derived.low, derived.high, derived.basis) == (2000000, 9999999, "derived")
    assert "lexicon" in derived.rule
    at_least = quantity_range(Quantity(metric="m", unit="chips", bound="at_least", low=400000), small_seeds.lexicon)
    assert (at_least.low, at_least.high, at_least.open_high, at_least.basis) == (400000, None, True, "reported")
    assert at_least.mid == 400000
    exact = quantity_range(Quantity(metric="m", unit="chips", bound="exact", value=0), small_seeds.lexicon)
    assert (exact.low, exact.high, exact.mid) == (0, 0, 0)


def _records(seeds, *ids: str) -> list[ClaimRecord]:
    by_id = seeds.claims_by_id()
    return [by_id[i] for i in ids]


def test_reconcile_envelope_best_and_origins(small_seeds) -> None:
    estimate = reconcile(_records(small_seeds, "a.batch-vague", "b.batch-400k"), small_seeds)
    assert estimate is not None
    # the span comes from reported figures only: >=400k (reported, open-ended); the 300k-900k the
    # project read from "several hundred thousand" stays listed as derived, never in the span
    assert (estimate.low, estimate.high, estimate.open_high) == (400000, 400000, True)
    assert estimate.derived_claim_ids == ("a.batch-vague",)
    # a reported figure outranks a derived one, whatever the confidence or the date
    assert estimate.best_claim_id == "b.batch-400k" and estimate.basis == "reported"
    assert estimate.best == 400000 and estimate.best_bound == "at_least"
    assert estimate.independent_origins == 1  # only the reported figure's origin backs the span
    # b.batch-400k names a.batch-vague as contradicting it, but "over 400,000" and "several hundred
    # thousand" (read as 300,000-900,000) can both be true: wording, not a disagreement
    assert estimate.conflict is False
    assert estimate.applies_to == ("alibaba", "bytedance")


def test_reconcile_detects_non_overlapping_ranges_without_links(small_seeds) -> None:
    records = _records(small_seeds, "a.orders", "b.orders-low")
    plain = [ClaimRecord(r.claim.model_copy(update={"contradicts": []}), r.source_id, r.file, r.line) for r in records]
    estimate = reconcile(plain, small_seeds)
    assert estimate is not None and estimate.conflict is True  # >=2M versus ~50k cannot both hold
    assert (estimate.low, estimate.high, estimate.open_high) == (50000, 2000000, True)


def test_superseded_claim_drops_out(small_seeds) -> None:
    records = _records(small_seeds, "a.batch-vague", "b.batch-400k")
    newer = records[1]
    updated = ClaimRecord(
        newer.claim.model_copy(update={"supersedes": ["a.batch-vague"], "contradicts": []}),
        newer.source_id,
        newer.file,
        newer.line,
    )
    assert [r.claim.id for r in live_claims([records[0], updated])] == ["b.batch-400k"]
    estimate = reconcile([records[0], updated], small_seeds)
    assert estimate is not None
    assert (estimate.low, estimate.high, estimate.open_high, estimate.conflict) == (400000, 400000, True, False)
    assert estimate.claim_ids == ("b.batch-400k",)


def test_reconcile_all_groups_by_metric_and_subject(small_seeds) -> None:
    estimates = {(e.metric, e.applies_to): e for e in reconcile_all(small_seeds.claims, small_seeds)}
    assert set(estimates) == {
        ("cn-h200-orders", ()),
        ("cn-first-batch-chips", ("alibaba", "bytedance")),
        ("us-per-customer-cap", ("bytedance",)),
    }
    assert reconcile([], small_seeds) is None
