"""A cap's "up to X" is the cap's level: two levels disagree, the same level in other words does not.

One mechanism (``data.reconcile.limit_level`` feeding ``can_all_be_true``) decides this for the
estimates, the conflicts frame and What's new alike.
"""

from __future__ import annotations

import datetime as dt

from data.frames import ClaimFilter
from data.frames.conflicts import FIGURES, WORDING, build_conflicts_frame
from data.lexicon import Range
from data.models import Metric
from data.reconcile import can_all_be_true, limit_level

CAP = Metric(
    id="cap", label="A cap", unit="chips", kind="volume", description="The most one buyer may take.", limit=True
)
COUNT = Metric(id="count", label="A count", unit="chips", kind="volume", description="How many were shipped.")


def _up_to(high: float) -> Range:
    return Range(None, high, "reported", "the report's bounds (at most)", bound="at_most")


def test_two_cap_levels_cannot_both_be_true_but_two_upper_bounds_of_a_count_can() -> None:
    assert not can_all_be_true([limit_level(_up_to(75_000), CAP), limit_level(_up_to(100_000), CAP)])
    assert can_all_be_true([limit_level(_up_to(75_000), COUNT), limit_level(_up_to(100_000), COUNT)])
    assert can_all_be_true([limit_level(_up_to(75_000), CAP), limit_level(_up_to(75_000), CAP)])
    kept = limit_level(_up_to(75_000), COUNT)
    assert (kept.low, kept.high, kept.bound) == (None, 75_000, "at_most")


def _cap_group(real_seeds, as_of: dt.date):
    frame = build_conflicts_frame(real_seeds, ClaimFilter(as_of=as_of))
    group = frame.loc[frame["claim_id"] == "rt-0514.cap-applied-75k", "group"].iloc[0]
    return frame[frame["group"] == group]


def test_the_cap_differs_in_wording_until_the_100k_allowance_then_in_figures(real_seeds) -> None:
    may = _cap_group(real_seeds, dt.date(2026, 6, 1))
    assert set(may["difference"]) == {WORDING}
    august = _cap_group(real_seeds, dt.date(2026, 8, 20))
    assert set(august["difference"]) == {FIGURES}
    assert (august["spread_low"].iloc[0], august["spread_high"].iloc[0]) == (75_000, 100_000)
    # the rows keep the bound as reported: "up to 75,000" is still an upper bound on screen
    assert set(august.loc[august["claim_id"] == "rt-0514.cap-applied-75k", "bound"]) == {"at_most"}


def test_whats_new_opens_the_cap_disagreement_only_when_the_100k_allowance_arrives(real_seeds) -> None:
    from data.changes import conflict_changes

    def opened(since: dt.date, until: dt.date) -> list[list[str]]:
        changes = conflict_changes(real_seeds, real_seeds, since, until)
        return [ids for ids, change in zip(changes["claim_ids"], changes["change"], strict=True) if change == "opened"]

    # May: the cap is reported as applied at the 75,000 floated in March, wording only, no news
    assert not any("rt-0514.cap-applied-75k" in ids for ids in opened(dt.date(2026, 5, 13), dt.date(2026, 5, 14)))
    august = opened(dt.date(2026, 8, 18), dt.date(2026, 8, 19))
    assert any({"rt-0514.cap-applied-75k", "ft-0819.allowance-100k"} <= set(ids) for ids in august)
