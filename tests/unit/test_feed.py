"""The Atom feed (server/feed.py): parses in a real feed parser, newest first, its newest entries
are what What's new shows for that day, ``?page=`` narrows it, hostile text stays text."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from data.changes import story_between
from data.load import load_seeds
from server.routes import routes
from tests.conftest import copy_archive

HOSTILE = """source:
  id: 2027-01-05-test-wire-script
  title: <script>alert(1)</script> & "quotes" in a title
  publisher: Test <b>Wire</b>
  published: 2027-01-05
  url: https://example.org/a?b=1&c=2
  kind: wire
  accessed: 2027-01-05
  reliability: Written for the feed tests.
  confidence: high
claims:
  - id: tw-0105.deepseek-paused
    kind: import_approval
    date: 2027-01-05
    actors: [deepseek]
    product: h200
    side: China
    status: paused
    stage: cn_paused
    attribution: {type: anonymous_sources, sources_cited: 2}
    summary: A test claim that DeepSeek's purchases were put on hold <img src=x onerror=alert(2)>.
"""


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return copy_archive(tmp_path_factory.mktemp("feed") / "seeds", HOSTILE)


@pytest.fixture(scope="module")
def client(scratch) -> TestClient:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("H200_SEEDS_DIR", str(scratch))
    yield TestClient(Starlette(routes=routes()))
    monkeypatch.undo()


@pytest.fixture(scope="module")
def feed(client):
    answer = client.get("/feed.atom")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(answer.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return answer, parsed


def test_the_feed_parses_and_runs_newest_first(feed) -> None:
    _, parsed = feed
    assert parsed.version == "atom10"
    assert parsed.feed.title.startswith("H200 China Tracker")
    entries = parsed.entries
    assert 10 <= len(entries) <= 100
    stamps = [e.updated_parsed for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert entry.title and entry.summary and "Sources:" in entry.summary
        assert "None" not in entry.title


def test_the_newest_entries_are_what_whats_new_shows_for_that_day(feed, scratch) -> None:
    _, parsed = feed
    seeds = load_seeds(scratch)
    newest = parsed.entries[0]
    day = newest.updated[:10]
    link = urlsplit(newest.link)
    assert link.path == "/whats-new"
    assert parse_qs(link.query) == {"as_of": [day], "since": [day], "until": [day]}
    import datetime as dt

    changes = story_between(seeds, dt.date.fromisoformat(day), dt.date.fromisoformat(day))
    of_the_day = [e for e in parsed.entries if e.updated.startswith(day)]
    reports = [e for e in of_the_day if e.tags[0].term == "report"]
    statuses = [e for e in of_the_day if e.tags[0].term == "status"]
    assert len(reports) == len(changes.new_sources)
    assert len(statuses) == len(changes.statuses)
    titles = {e.title for e in reports}
    assert all(any(str(t) in title for title in titles) for t in changes.new_sources["title"])
    # the hostile report is the newest: its markup arrives as text, never as elements
    assert any("<script>alert(1)</script>" in t for t in titles)
    paused = next(e for e in statuses if "DeepSeek" in e.title)
    assert "moved from" in paused.title and "paused" in paused.title


def test_markup_in_seed_text_is_escaped_in_the_xml(feed) -> None:
    answer, _ = feed
    assert b"<script>" not in answer.content
    assert b"&lt;script&gt;" in answer.content
    assert b"<img" not in answer.content


def test_page_narrows_the_feed(client, feed) -> None:
    _, everything = feed
    approvals = feedparser.parse(client.get("/feed.atom?page=approvals").content)
    assert approvals.entries and {e.tags[0].term for e in approvals.entries} == {"status"}
    assert len(approvals.entries) < len(everything.entries)
    overview = feedparser.parse(client.get("/feed.atom?page=overview").content)
    assert {e.tags[0].term for e in overview.entries} <= {"headline", "report"}
    buyers = feedparser.parse(client.get("/feed.atom?page=buyers").content)
    statuses = [e for e in buyers.entries if e.tags[0].term == "status"]
    assert statuses and not any(e.title.startswith("All buyers") for e in statuses)
    assert any(e.title.startswith("All buyers") for e in approvals.entries)
    assert client.get("/feed.atom?page=nowhere").status_code == 404
    assert client.get("/feed.atom?colour=red").status_code == 400


def test_a_headline_that_moved_says_before_and_after_with_its_bound(client) -> None:
    parsed = feedparser.parse(client.get("/feed.atom?page=supply-demand").content)
    headlines = [e.title for e in parsed.entries]
    assert headlines and all("→" in t for t in headlines)


def test_etag_gives_304(client, feed) -> None:
    answer, _ = feed
    again = client.get("/feed.atom", headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304
