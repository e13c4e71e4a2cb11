"""What's new in AppTest: story mode is the default, both dates come from the link, dates before
the tracker's own history work, and nothing published after the window (or the as-of date) shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from data.load import load_seeds
from data.outlets import publisher_label
from tests.app.one_page import open_page

ROOT = Path(__file__).resolve().parents[2]


def _open(monkeypatch, params: dict[str, str]) -> AppTest:
    return open_page(monkeypatch, "whats_new", params)


def test_end_of_march_to_end_of_may_by_publication(monkeypatch) -> None:
    at = _open(monkeypatch, {"since": "2026-03-31", "until": "2026-05-31"})
    assert at.segmented_control(key="mode").value == "What the story did"
    assert at.date_input(key="since").value == dt.date(2026, 3, 31)
    seeds = load_seeds(ROOT / "seeds")
    inside = [s for s in seeds.sources.values() if dt.date(2026, 3, 31) <= s.available_from <= dt.date(2026, 5, 31)]
    assert f"New reports ({len(inside)})" in [s.value for s in at.subheader]
    shown = at.dataframe[0].value  # the new reports come first
    assert set(shown["Publisher"]) == {publisher_label(seeds, s.id) for s in inside}  # "X via Y", as every table
    assert not any("Ignored" in i.value for i in at.info)


def test_a_window_before_the_tracker_existed(monkeypatch) -> None:
    at = _open(monkeypatch, {"since": "2025-12-01", "until": "2025-12-31"})
    assert not any("Ignored" in i.value for i in at.info), [i.value for i in at.info]
    assert not any(s.value == "New reports (0)" for s in at.subheader)


def test_until_after_the_as_of_date_is_cut_to_it(monkeypatch) -> None:
    at = _open(monkeypatch, {"as_of": "2026-04-30", "since": "2026-03-31", "until": "2026-05-31"})
    assert any("told up to the as-of date, 30 Apr 2026" in i.value for i in at.info)
    published = at.dataframe[0].value["Published"]  # the new reports come first
    assert len(published) and all(
        dt.datetime.strptime(day, "%d %b %Y").date() <= dt.date(2026, 4, 30) for day in published
    )


def test_tracker_mode_counts_by_date_added(monkeypatch) -> None:
    at = _open(monkeypatch, {"mode": "What the tracker learned", "since": "2026-11-24", "until": "2026-11-30"})
    assert at.date_input(key="since").value == dt.date(2026, 11, 24)
    seeds = load_seeds(ROOT / "seeds")
    added = [s for s in seeds.sources.values() if s.added and dt.date(2026, 11, 24) <= s.added <= dt.date(2026, 11, 30)]
    assert f"New reports ({len(added)})" in [s.value for s in at.subheader]


def test_the_feeds_newest_entries_are_what_the_linked_page_shows(monkeypatch) -> None:
    """Open What's new at the link of the feed's newest entry: the same reports and status changes."""
    from urllib.parse import parse_qs, urlsplit

    import feedparser
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from server.routes import routes

    feed = feedparser.parse(TestClient(Starlette(routes=routes())).get("/feed.atom").content)
    newest = feed.entries[0]
    query = {k: v[0] for k, v in parse_qs(urlsplit(newest.link).query).items()}
    same_day = [e for e in feed.entries if e.link == newest.link]
    reports = [e for e in same_day if e.tags[0].term == "report"]
    statuses = [e for e in same_day if e.tags[0].term == "status"]
    at = _open(monkeypatch, query)
    headings = [s.value for s in at.subheader]
    assert f"New reports ({len(reports)})" in headings
    assert f"Status changes per buyer and stage ({len(statuses)})" in headings
    shown = set(at.dataframe[0].value["Title"])
    assert all(any(title in e.title for e in reports) for title in shown)


def test_in_meeting_mode_the_slide_is_the_four_numbers(monkeypatch) -> None:
    """With ?present=1 the page ran on under its numbers (five tables: 1,411 px on a 720 px slide);
    the slide ends after them, with the sources of what they count."""
    at = _open(monkeypatch, {"since": "2026-03-31", "until": "2026-05-31", "present": "1"})
    assert [m.label for m in at.metric] == ["New reports", "Status changes", "Headline figures moved", "Disagreements"]
    assert not [s.value for s in at.subheader], "no tables on the slide"
    assert not at.dataframe
    assert not [m for m in at.metric if m.proto.help], "no help icons on a slide"
    assert any(c.value.startswith("Sources") for c in at.caption), [c.value for c in at.caption]


def test_a_long_report_title_gets_rows_tall_enough_to_wrap(monkeypatch) -> None:
    """At 1920 px a long title was cut off in the new-reports grid ("...summit skipped chip c"):
    the grid wraps a cell only when its row has room for two lines, so a window with a title
    longer than one line holds draws its rows that tall; one with short titles keeps one line."""
    from pages.whats_new.tables import ONE_LINE_CHARS, WRAP_ABOVE_PX, row_height, table_height

    at = _open(monkeypatch, {"since": "2026-08-30", "until": "2026-09-28"})
    shown = at.dataframe[0]
    assert shown.value["Title"].str.len().max() > ONE_LINE_CHARS  # the window of the cut title
    assert shown.proto.row_height > WRAP_ABOVE_PX, shown.proto.row_height  # below it the grid cuts, not wraps
    rows = len(shown.value)
    assert table_height(rows, shown.proto.row_height) >= rows * shown.proto.row_height  # every row in view
    short = shown.value[shown.value["Title"].str.len() <= ONE_LINE_CHARS]
    assert not short.empty and row_height(short, "Title") is None  # short titles keep the grid's one line
