"""data.changes: what the tracker learned between two dates, and between two seed snapshots."""

from __future__ import annotations

import datetime as dt

import pytest

from data.changes import changes_between, compare, default_window, known_since, snapshot
from tests.conftest import scratch_archive

ADDED = dt.date(2026, 11, 20)

# A report published in June but only learned of on 20 November: it must count from November.
LATE_REPORT = f"""source:
  id: 2026-06-10-test-wire-deepseek-paused
  title: Test wire says DeepSeek purchases paused and first batch larger
  publisher: Test Wire
  published: 2026-06-10
  kind: wire
  accessed: {ADDED}
  added: {ADDED}
  reliability: Written for the unit tests of data.changes.
  confidence: high
claims:
  - id: tw-0610.deepseek-paused
    kind: import_approval
    date: 2026-06-10
    actors: [deepseek]
    product: h200
    side: China
    status: paused
    stage: cn_paused
    attribution: {{type: anonymous_sources, sources_cited: 2}}
    summary: A test claim that DeepSeek's purchases were put on hold in June.
  - id: tw-0610.first-batch-500k
    kind: import_approval
    date: 2026-06-10
    actors: [bytedance, alibaba, tencent]
    product: h200
    side: China
    status: approved
    stage: cn_first_batch
    quantity:
      metric: cn-first-batch-chips
      applies_to: [bytedance, alibaba, tencent]
      value: 500000
      unit: chips
      bound: approx
      wording: about 500,000
    contradicts: [rt-0128.first-batch-over-400k]
    attribution: {{type: anonymous_sources, sources_cited: 2}}
    summary: A test claim that puts the first approved batch at about half a million chips.
"""


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The real seeds as if each report had been added on its publication day."""
    return scratch_archive(tmp_path_factory.mktemp("as-published") / "seeds", as_published=True)


@pytest.fixture(scope="module")
def with_late_report(tmp_path_factory):
    return scratch_archive(tmp_path_factory.mktemp("changes") / "seeds", LATE_REPORT, as_published=True)


def test_default_window_is_the_last_seven_days() -> None:
    assert default_window(dt.date(2026, 11, 29)) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))


def test_known_since_uses_added_and_falls_back_to_published(with_late_report) -> None:
    late = with_late_report.sources["2026-06-10-test-wire-deepseek-paused"]
    assert known_since(late) == ADDED
    older = next(s for s in with_late_report.sources.values() if s.added is None)
    assert known_since(older) == older.published


def test_snapshot_leaves_out_sources_learned_later(with_late_report) -> None:
    before = snapshot(with_late_report, ADDED - dt.timedelta(days=1))
    assert "2026-06-10-test-wire-deepseek-paused" not in before.sources
    assert not any(r.source_id == "2026-06-10-test-wire-deepseek-paused" for r in before.claims)
    cutoff = ADDED - dt.timedelta(days=1)
    assert set(before.sources) == {k for k, s in with_late_report.sources.items() if known_since(s) <= cutoff}


def test_a_late_added_report_shows_in_its_window(with_late_report) -> None:
    changes = changes_between(with_late_report, dt.date(2026, 11, 14), dt.date(2026, 11, 20))
    assert changes.new_sources["source_id"].tolist() == ["2026-06-10-test-wire-deepseek-paused"]
    assert bool(changes.new_sources["added_recorded"].iloc[0])
    assert sorted(changes.new_claims["claim_id"]) == ["tw-0610.deepseek-paused", "tw-0610.first-batch-500k"]
    paused = changes.statuses[
        (changes.statuses["buyer"] == "DeepSeek") & (changes.statuses["stage"] == "Paused / final")
    ]
    assert paused[["after", "claim_id"]].values.tolist() == [["paused", "tw-0610.deepseek-paused"]]
    assert paused["before"].iloc[0] != "paused"
    first = changes.headlines.set_index("key").loc["first_batch"]
    assert first["change"] in ("changed", "more reports")
    # "about 400,000" and "more than 400,000" differed in wording only; about 500,000 cannot be true
    # beside "about 400,000", so the late report opens the disagreement (it did not exist before)
    opened = changes.conflicts[changes.conflicts["change"] == "opened"]
    assert any("tw-0610.first-batch-500k" in ids for ids in opened["claim_ids"])
    assert changes.conflicts[changes.conflicts["change"] == "widened"].empty
    assert not changes.empty


def test_the_window_before_the_addition_is_empty(with_late_report) -> None:
    changes = changes_between(with_late_report, dt.date(2026, 11, 1), dt.date(2026, 11, 19))
    assert changes.new_sources.empty and changes.new_claims.empty
    assert changes.statuses.empty and changes.conflicts.empty
    assert set(changes.headlines["change"]) == {"same"}
    assert changes.empty


def test_reports_without_added_count_from_publication(seeds) -> None:
    changes = changes_between(seeds, dt.date(2026, 1, 20), dt.date(2026, 1, 31))
    assert not changes.new_sources.empty
    assert changes.new_sources["published"].between(dt.date(2026, 1, 20), dt.date(2026, 1, 31)).all()
    first = changes.headlines.set_index("key").loc["first_batch"]
    assert first["change"] == "new" and first["after"] == 400000
    opened = changes.conflicts[changes.conflicts["change"] == "opened"]
    assert not opened.empty
    china = changes.statuses[changes.statuses["side"] == "China"]
    assert {"Alibaba", "ByteDance", "Tencent"} <= set(china["buyer"])


def test_dates_in_the_wrong_order_are_swapped(seeds) -> None:
    forward = changes_between(seeds, dt.date(2026, 1, 20), dt.date(2026, 1, 31))
    backward = changes_between(seeds, dt.date(2026, 1, 31), dt.date(2026, 1, 20))
    assert (backward.since, backward.until) == (forward.since, forward.until)
    assert forward.new_sources.equals(backward.new_sources)


def test_compare_identical_snapshots_finds_nothing(seeds) -> None:
    headlines, statuses, conflicts = compare(seeds, seeds)
    assert statuses.empty and conflicts.empty
    assert set(headlines["change"]) == {"same"}


def test_a_report_that_disagrees_is_not_the_same_figure(real_seeds) -> None:
    """The FT's allowance of up to 100,000 (19 Aug 2026) joins the 75,000 cap: the best figure is
    unchanged, but the change reads as a disagreement; the deliveries headline reads as changed."""
    from data.changes import headline_changes

    table = headline_changes(real_seeds, real_seeds, dt.date(2026, 8, 18), dt.date(2026, 8, 20)).set_index("key")
    assert table.loc["cap", "change"] == "disputed"
    assert (table.loc["cap", "before"], table.loc["cap", "after"]) == (75000, 75000)
    later = headline_changes(real_seeds, real_seeds, dt.date(2026, 6, 30), dt.date(2026, 7, 31)).set_index("key")
    assert later.loc["delivered", "change"] == "changed"
    assert (later.loc["delivered", "before_bound"], later.loc["delivered", "after_bound"]) == ("exact", "more_than")
