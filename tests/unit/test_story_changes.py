"""data.changes in story mode: what the story did between two as-of dates, by publication date.

The question users bring ("what changed between end of March and end of May 2026?") must get an
answer about that window only, whatever was published or added since.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from data.changes import STORY, changes_for, story_between, story_days
from data.load import load_seeds
from pages.whats_new.tables import headlines_display
from tests.conftest import scratch_archive

ROOT = Path(__file__).resolve().parents[2]
SINCE, UNTIL = dt.date(2026, 3, 31), dt.date(2026, 5, 31)

# Published in June (after the window) and added in November: it must never show for March-May.
JUNE_REPORT = """source:
  id: 2026-06-10-test-wire-deepseek-paused
  title: Test wire says DeepSeek purchases paused
  publisher: Test Wire
  published: 2026-06-10
  kind: wire
  accessed: 2026-11-20
  added: 2026-11-20
  reliability: Written for the story-mode tests.
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
    attribution: {type: anonymous_sources, sources_cited: 2}
    summary: A test claim that DeepSeek's purchases were put on hold in June.
"""

# Published inside the window: a per-customer allowance of 100,000 beside the 75,000 cap.
ALLOWANCE_REPORT = """source:
  id: 2026-05-20-test-wire-allowance-100k
  title: Test wire says the per-customer allowance is 100,000
  publisher: Test Wire
  published: 2026-05-20
  kind: wire
  accessed: 2026-11-20
  added: 2026-11-20
  reliability: Written for the story-mode tests.
  confidence: medium
claims:
  - id: tw-0520.allowance-100k
    kind: condition
    date: 2026-05-20
    actors: [us-commerce]
    product: h200
    side: US
    status: applied
    quantity:
      metric: us-per-customer-cap
      high: 100000
      unit: chips
      bound: at_most
      wording: up to 100,000 each
    attribution: {type: anonymous_sources}
    summary: A test claim that each buyer may take up to 100,000 chips.
"""


def _archive(tmp_path_factory, *extra: str):
    return scratch_archive(tmp_path_factory.mktemp("story") / "seeds", *extra)


@pytest.fixture(scope="module")
def real():
    return load_seeds(ROOT / "seeds")


@pytest.fixture(scope="module")
def with_june(tmp_path_factory):
    return _archive(tmp_path_factory, JUNE_REPORT)


def _published(seeds, source_id: str) -> dt.date:
    return seeds.sources[source_id].available_from


def test_march_to_may_lists_reports_published_in_the_window_and_nothing_later(real) -> None:
    changes = story_between(real, SINCE, UNTIL)
    assert changes.mode == STORY
    expected = {k for k, s in real.sources.items() if SINCE <= s.available_from <= UNTIL}
    assert expected and set(changes.new_sources["source_id"]) == expected
    # every claim, status, movement and conflict member comes from a report published by the end of May
    for frame in (changes.new_claims, changes.statuses, changes.movements):
        assert all(SINCE <= _published(real, s) <= UNTIL for s in frame["source_id"]), frame
    by_id = real.claims_by_id()
    for ids in changes.conflicts["claim_ids"]:
        assert all(_published(real, by_id[i].source_id) <= UNTIL for i in ids)
    # what moved in May: ten firms cleared by the US (first reported), Alibaba's US licence granted
    headlines = changes.headlines.set_index("key")
    assert headlines.loc["firms", "change"] == "new" and headlines.loc["firms", "after"] == 10
    assert headlines.loc["first_batch", "change"] == "same"
    alibaba = changes.statuses[(changes.statuses["buyer"] == "Alibaba") & (changes.statuses["side"] == "US")]
    assert alibaba["after"].tolist() == ["approved"]
    assert "wb-0517.zero-delivered" in set(changes.movements["claim_id"])
    assert "opened" in set(changes.conflicts["change"])


def test_the_window_ignores_reports_published_later_even_if_added_earlier(real, with_june) -> None:
    before, after = story_between(real, SINCE, UNTIL), story_between(with_june, SINCE, UNTIL)
    assert "2026-06-10-test-wire-deepseek-paused" not in set(after.new_sources["source_id"])
    for name in ("new_sources", "new_claims", "headlines", "statuses", "movements"):
        pd.testing.assert_frame_equal(getattr(before, name), getattr(after, name))
    june = story_between(with_june, dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert "2026-06-10-test-wire-deepseek-paused" in set(june.new_sources["source_id"])
    assert "paused" in set(june.statuses["after"])


def test_dates_before_the_tracker_existed_are_allowed(real) -> None:
    changes = story_between(real, dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert not changes.new_sources.empty
    assert changes.new_sources["published"].dropna().le(dt.date(2025, 12, 31)).all()
    empty = story_between(real, dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert empty.new_sources.empty and empty.empty


def test_a_different_figure_is_never_called_the_same_figure(tmp_path_factory) -> None:
    seeds = _archive(tmp_path_factory, ALLOWANCE_REPORT)
    changes = story_between(seeds, SINCE, UNTIL)
    cap = changes.headlines.set_index("key").loc["cap"]
    assert cap["change"] in ("changed", "disputed"), cap
    words = headlines_display(changes.headlines[changes.headlines["key"] == "cap"])["What happened"].iloc[0]
    assert "same figure" not in words


def test_the_same_figure_reported_again_is_more_reports(real) -> None:
    # the 75,000 cap floated in March was reported as applied in May: the same figure, more reports
    cap = story_between(real, SINCE, UNTIL).headlines.set_index("key").loc["cap"]
    assert cap["change"] == "more reports"


def test_changes_for_names_its_modes(real) -> None:
    assert changes_for(real, "learned", SINCE, UNTIL).mode == "learned"
    with pytest.raises(ValueError, match="unknown mode"):
        changes_for(real, "someday", SINCE, UNTIL)


def test_story_days_agree_with_story_between_day_by_day(real) -> None:
    days = story_days(real, limit=6)
    assert [c.since for c in days] == sorted({s.available_from for s in real.sources.values()})[-6:][::-1]
    for day in days:
        alone = story_between(real, day.since, day.until)
        for name in ("new_sources", "new_claims", "headlines", "statuses", "conflicts", "movements"):
            pd.testing.assert_frame_equal(getattr(day, name), getattr(alone, name), obj=f"{day.since} {name}")


def test_the_confidence_choice_narrows_what_changed(real) -> None:
    from data.frames import ClaimFilter

    everything = changes_for(real, STORY, SINCE, UNTIL)
    firm = changes_for(real, STORY, SINCE, UNTIL, ClaimFilter(exclude_anonymous=True, exclude_low_confidence=True))
    by_id = real.claims_by_id()
    assert set(firm.new_claims["claim_id"]) < set(everything.new_claims["claim_id"])
    kept = [by_id[c] for c in firm.new_claims["claim_id"]]
    assert all(r.claim.attribution.type != "anonymous_sources" for r in kept)
    assert len(firm.statuses) <= len(everything.statuses)
    # the reports themselves are still listed: a report is new whatever its claims' confidence
    assert set(firm.new_sources["source_id"]) == set(everything.new_sources["source_id"])
