"""Every as-of date a link can carry renders every page, or falls back with a notice (AppTest).

The dates are taken from the seeds, not typed in: the day before the first report and the first
report's own date (boundaries), a date between the two oldest reports (the frames are empty there),
a leap day, the day of the latest report, and two a link can carry but the control cannot
(tomorrow, a date that does not exist). ``/timeline?as_of=2023-12-31`` and ``/?as_of=2019-09-06``
crashed before: an empty events frame lost its columns, and the timeline's own date range began
after the as-of date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import PAGES
from data.frames.claims import latest_report_date
from data.load import load_seeds

ROOT = Path(__file__).resolve().parents[2]
ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")
SEEDS = load_seeds(ROOT / "seeds")
REPORTED = sorted({s.available_from for s in SEEDS.sources.values()})
FIRST, SECOND, LATEST = REPORTED[0], REPORTED[1], latest_report_date(SEEDS)
TODAY = dt.date.today()

IN_RANGE = {
    "first-report": FIRST,
    "between-the-two-oldest": FIRST + (SECOND - FIRST) // 2,
    "issue-21-timeline": dt.date(2023, 12, 31),
    "leap-day": dt.date(2024, 2, 29),
    "latest-report": LATEST,
}
FALLBACK = {
    "day-before-first": (FIRST - dt.timedelta(days=1)).isoformat(),
    "tomorrow": (max(TODAY, LATEST) + dt.timedelta(days=1)).isoformat(),
    "no-such-day": "2026-02-30",
    "garbled": "2026-13-01T00:00",
}


def _open(page_id: str, as_of: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("H200_TEST_PAGE", page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=120)
    at.query_params["as_of"] = as_of
    return at.run()


def _status(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown if "Data as of" in m.value)


def test_the_dates_are_real_boundaries() -> None:
    assert FIRST < IN_RANGE["between-the-two-oldest"] < SECOND
    assert all(FIRST <= d <= max(TODAY, LATEST) for d in IN_RANGE.values())


@pytest.mark.parametrize("as_of", list(IN_RANGE.values()), ids=list(IN_RANGE))
@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_every_page_renders_at_every_date_in_range(page, as_of: dt.date, monkeypatch) -> None:
    at = _open(page.page_id, as_of.isoformat(), monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title and at.title[0].value == page.title
    assert f"Data as of **{as_of:%d %b %Y}**" in _status(at)


@pytest.mark.parametrize("raw", list(FALLBACK.values()), ids=list(FALLBACK))
@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_a_date_the_control_cannot_take_falls_back_with_a_notice(page, raw: str, monkeypatch) -> None:
    at = _open(page.page_id, raw, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert f"Data as of **{LATEST:%d %b %Y}**" in _status(at)
    notices = " ".join(i.value for i in at.info)
    assert "as_of" in notices or "as-of" in notices.lower() or "date" in notices.lower(), notices
