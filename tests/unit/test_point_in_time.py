"""A count that changes over time is a series of readings, not a dispute.

For every metric marked ``point_in_time`` in seeds/reference/metrics.yaml, at every month end the
best figure is the newest trusted reading, older readings are history (never outvoting it), and
only readings about the same moment can disagree. Generated readings check the rule itself:
recency beats confidence across moments, confidence still ranks readings of one moment.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data import vocabulary
from data.frames import ClaimFilter, build_estimates_frame
from data.load import ClaimRecord
from data.models import Attribution, Claim, Quantity
from data.reconcile import SAME_MOMENT_DAYS, claim_confidence, reconcile

MONTH_ENDS = [dt.date(2025, 12, 31)] + [dt.date(2026, m + 1, 1) - dt.timedelta(days=1) for m in range(1, 11)]
COUNTS = ["h200-delivered-to-china", "us-cleared-firms", "nvidia-h200-stock", "nvidia-h200-only-stock"]


def test_the_counts_that_change_over_time_are_marked(real_seeds) -> None:
    for metric in [*COUNTS, "h200-sold-to-china", "cn-h200-orders-placed", "us-licensed-h200-volume"]:
        assert real_seeds.metrics[metric].point_in_time, metric
    # a rule or a forecast is not a count read at a moment
    for metric in ["us-per-customer-cap", "cn-h200-orders", "cn-first-batch-chips", "bis-tpp-limit"]:
        assert not real_seeds.metrics[metric].point_in_time, metric


def _marked(seeds) -> list[str]:
    return sorted(m.id for m in seeds.metrics.values() if m.point_in_time)


@pytest.mark.parametrize("as_of", MONTH_ENDS, ids=[d.isoformat() for d in MONTH_ENDS])
def test_every_point_in_time_metric_shows_its_newest_reading(real_seeds, as_of) -> None:
    """One check per marked metric and applies_to: the best claim is the newest trusted reading,
    every history claim is older than the reading's moment, and no older reading is counted."""
    by_id = real_seeds.claims_by_id()
    estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=as_of))
    rows = estimates[estimates["metric"].isin(_marked(real_seeds)) & (estimates["basis"] == "reported")]
    if as_of >= dt.date(2026, 5, 14):  # from mid-May both a delivery count and a count of cleared firms exist
        assert set(COUNTS[:2]) <= set(rows["metric"])
    for row in rows.to_dict("records"):
        current = [by_id[c] for c in row["claim_ids"]]
        history = [by_id[c] for c in row["history_claim_ids"]]
        trusted = [r for r in current + history if claim_confidence(r, real_seeds) != "low"] or current + history
        newest = max(r.claim.date for r in trusted)
        assert row["best_claim_id"] in row["claim_ids"], row["metric"]
        assert pd.Timestamp(by_id[row["best_claim_id"]].claim.date) == row["reading_date"], row["metric"]
        assert newest in {r.claim.date for r in current}, row["metric"]
        window = dt.timedelta(days=max(SAME_MOMENT_DAYS.values()))
        assert all(newest - window <= r.claim.date <= newest for r in current), row["metric"]
        assert all(r.claim.date < newest or claim_confidence(r, real_seeds) == "low" for r in history), row["metric"]


def _reading(seeds, i: int, day: dt.date, value: float, confidence: str, bound: str = "exact") -> ClaimRecord:
    template = next(r for r in seeds.claims if r.claim.quantity is not None)
    return ClaimRecord(
        Claim(
            id=f"pit.{i}",
            kind="delivery",
            date=day,
            side="vendor",
            quantity=Quantity(metric=vocabulary.DELIVERED, value=value, unit="chips", bound=bound),
            attribution=Attribution(type="media_analysis"),
            confidence=confidence,  # type: ignore[arg-type]
            summary="A generated delivery reading for the point-in-time test.",
        ),
        template.source_id,
        template.file,
        template.line,
    )


def test_recency_beats_confidence_across_moments(real_seeds) -> None:
    old_high = _reading(real_seeds, 1, dt.date(2026, 5, 14), 0, "high")
    new_medium = _reading(real_seeds, 2, dt.date(2026, 7, 14), 5000, "medium", "approx")
    estimate = reconcile([old_high, new_medium], real_seeds)
    assert estimate is not None
    assert estimate.best == 5000 and estimate.best_claim_id == "pit.2"
    assert estimate.claim_ids == ("pit.2",) and estimate.history_claim_ids == ("pit.1",)
    assert not estimate.conflict  # zero in May and 5,000 in July are both true


def test_readings_of_one_moment_can_disagree_and_confidence_ranks_them(real_seeds) -> None:
    a = _reading(real_seeds, 1, dt.date(2026, 8, 18), 10000, "high", "approx")
    b = _reading(real_seeds, 2, dt.date(2026, 8, 19), 30000, "medium", "approx")
    estimate = reconcile([a, b], real_seeds)
    assert estimate is not None
    assert set(estimate.claim_ids) == {"pit.1", "pit.2"} and estimate.conflict
    assert estimate.best == 10000  # same moment: the stronger reading is the best figure


def test_a_newer_low_confidence_reading_does_not_set_the_moment(real_seeds) -> None:
    trusted = _reading(real_seeds, 1, dt.date(2026, 8, 19), 10000, "high", "approx")
    rumour = _reading(real_seeds, 2, dt.date(2026, 9, 30), 0, "low")
    estimate = reconcile([trusted, rumour], real_seeds)
    assert estimate is not None and estimate.best == 10000 and estimate.history_claim_ids == ("pit.2",)
    only_low = reconcile([rumour], real_seeds)
    assert only_low is not None and only_low.best == 0  # shown when it is all there is (as low)


def test_a_metric_that_is_not_a_count_still_reconciles_every_reading(real_seeds) -> None:
    estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=dt.date(2026, 12, 1)))
    cap = estimates[(estimates["metric"] == vocabulary.US_PER_CUSTOMER_CAP) & (estimates["applies_to"].map(len) == 0)]
    row = cap.iloc[0]
    assert not row["point_in_time"] and row["history_claim_ids"] == []
    # the FT's 100,000 allowance (Aug) and the 75,000 cap (May) are a real disagreement
    assert {"rt-0514.cap-applied-75k", "ft-0819.allowance-100k"} <= set(row["claim_ids"]) and row["conflict"]
    assert row["best"] == 75000 and row["best_bound"] == "at_most"
    assert pd.notna(row["reading_date"])
