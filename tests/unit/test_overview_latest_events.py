"""The Overview's "Latest events" read in date order: ordered by report, the event dates read
28, 27, 27, 23, 24 Sep (a report of the 28th told of the 27th, an older one of the 24th)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from data.frames import ClaimFilter
from data.load import load_seeds
from pages.overview.helpers import latest_news, news_events

ROOT = Path(__file__).resolve().parents[2]


def _events(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": [r[0] for r in rows],
            "source_id": [r[0] for r in rows],
            "date": pd.to_datetime([r[1] for r in rows]),
            "reported": pd.to_datetime([r[2] for r in rows]),
            "kind": "policy",
        }
    )


def test_newest_event_first_and_a_tie_goes_to_the_newer_report() -> None:
    seeds = load_seeds(ROOT / "tests" / "fixtures" / "valid" / "seeds")
    events = _events(
        [
            ("a", "2026-09-23", "2026-09-29"),  # reported last, happened earlier
            ("b", "2026-09-28", "2026-09-28"),
            ("c", "2026-09-27", "2026-09-27"),
            ("d", "2026-09-27", "2026-09-28"),
            ("e", "2026-09-24", "2026-09-24"),
            ("f", "2026-10-02", "2026-09-20"),  # after the as-of date: not yet
        ]
    )
    shown = news_events(events, seeds, dt.date(2026, 9, 30))
    assert list(shown["claim_id"]) == ["b", "d", "c", "e", "a"]


def test_the_real_archive_lists_latest_events_in_date_order() -> None:
    seeds = load_seeds(ROOT / "seeds")
    for as_of in (dt.date(2026, 6, 5), dt.date(2026, 9, 30)):
        dates = list(latest_news(seeds, ClaimFilter(as_of=as_of), 5)["date"])
        assert len(dates) == 5
        assert dates == sorted(dates, reverse=True), dates
        assert max(dates) <= pd.Timestamp(as_of)


def test_a_plan_told_ahead_is_no_latest_event_until_its_period_has_passed() -> None:
    """A launch "in Q4 2026" reported in 2025 sat at the top of Latest events at 31 Oct 2026."""
    seeds = load_seeds(ROOT / "tests" / "fixtures" / "valid" / "seeds")
    events = _events(
        [
            ("plan", "2026-10-01", "2025-09-22"),  # Q4 2026, told a year ahead
            ("rule", "2026-10-05", "2026-10-02"),  # takes effect on a day, told three days ahead
            ("news", "2026-10-20", "2026-10-20"),
        ]
    )
    events["date_precision"] = ["quarter", "day", "day"]
    october = list(news_events(events, seeds, dt.date(2026, 10, 31))["claim_id"])
    assert october == ["news", "rule"]  # the day has passed; the quarter has not
    january = list(news_events(events, seeds, dt.date(2027, 1, 5))["claim_id"])
    assert january == ["news", "rule", "plan"]
    real = latest_news(load_seeds(ROOT / "seeds"), ClaimFilter(as_of=dt.date(2026, 10, 31)), 5)
    assert not ((real["date"] > real["reported"]) & (real["date_precision"] != "day")).any()
