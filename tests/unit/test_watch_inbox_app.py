"""The Inbox page in AppTest, on a scratch copy of the seeds and an inbox the watcher filled from
the loopback fixture site: list, open in Add a report, dismiss with a reason, accept into seeds,
merge a re-carry, and the sidebar's "N new"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import BY_ID
from data.load import load_seeds
from data.watch.config import Feed
from data.watch.fetch import SafeFetcher
from data.watch.inbox import Inbox
from data.watch.run import watch_once
from scripts import news_site as server

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
NEW_STORY = "Chinese cloud firm seeks 120,000 Nvidia H200 chips"
RECARRY = "US mulls capping Nvidia H200 sales at 75,000 per Chinese customer"


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """seeds/ + inbox/ side by side, the inbox filled once by the watcher."""
    base = tmp_path_factory.mktemp("watched")
    shutil.copytree(ROOT / "seeds", base / "seeds")
    site = server.start()
    try:
        feeds = [
            Feed(id="fixture-rss", name="Fixture RSS", url=site.base + "/feeds/rss.xml", max_items=2),
            Feed(id="fixture-atom", name="Fixture Atom", url=site.base + "/feeds/atom.xml"),
        ]
        fetcher = SafeFetcher(allow_hosts=frozenset({"127.0.0.1"}), timeout=1.0, deadline=5.0, min_interval=0.0)
        report = watch_once(feeds, base / "inbox", base / "seeds", fetcher, log=lambda _line: None)
    finally:
        server.stop(site)
    assert report.count("drafted") == 3
    return base


@pytest.fixture
def world(filled, tmp_path, monkeypatch) -> Path:
    shutil.copytree(filled, tmp_path / "w")
    monkeypatch.setenv("H200_SEEDS_DIR", str(tmp_path / "w" / "seeds"))
    monkeypatch.delenv("H200_INBOX_DIR", raising=False)
    monkeypatch.delenv("H200_EDITING", raising=False)
    return tmp_path / "w"


def _open() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(BY_ID["inbox"].path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(at: AppTest) -> str:
    kinds = ("markdown", "caption", "error", "warning", "info", "success", "text")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind)).replace("\\", "")  # markdown escapes


def _candidate_id(world: Path, title: str) -> str:
    return next(c["id"] for c in Inbox(world / "inbox").candidates() if c["title"] == title)


def _button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


def test_the_list_says_what_each_candidate_is(world) -> None:
    at = _open()
    text = _text(at)
    assert "3 new · 0 decided · last watcher run" in text
    assert NEW_STORY in text and RECARRY in text
    assert "Relevance:** relevant, names the H200 and China" in text
    assert "Likely a re-carry of Bloomberg, 03 Mar 2026" in text
    assert "New: no existing source matches" in text
    assert "Accepting, merging and dismissing need editing rights." in text  # editing is off
    assert not [b for b in at.button if b.label == "Accept…"]
    assert "None" not in [e.value for e in at.caption]


def test_open_in_add_report_prefills_the_draft(world) -> None:
    at = _open()
    ident = _candidate_id(world, NEW_STORY)
    _button(at, f"inbox-open-{ident}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["ar_draft"].source["title"] == NEW_STORY
    assert any("Opened from the inbox" in i.value for i in at.info)
    assert at.session_state["ar_src_publisher"] == "Harbour Wire"


def test_dismiss_needs_a_reason_and_is_not_offered_again(world, monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    at = _open()
    ident = _candidate_id(world, NEW_STORY)
    _button(at, f"inbox-dismiss-{ident}").click().run()
    assert any("say why it is dismissed" in e.value for e in at.error)
    at.text_input(key=f"inbox-why-{ident}").set_value("press release rewrite, nothing new").run()
    _button(at, f"inbox-dismiss-{ident}").click().run()
    assert not at.exception
    assert "2 new · 1 decided" in _text(at)
    assert NEW_STORY not in _text(at)  # the "New" view no longer lists it
    decision = Inbox(world / "inbox").decision(ident)
    assert decision["action"] == "dismissed" and decision["reason"] == "press release rewrite, nothing new"
    at.segmented_control(key="inbox_show").set_value("Decided").run()
    assert "Dismissed on" in _text(at) and "press release rewrite" in _text(at)


def test_accept_with_editing_on_saves_a_valid_report(world, monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    before = sorted(p.name for p in (world / "seeds" / "sources").iterdir())
    at = _open()
    ident = _candidate_id(world, NEW_STORY)
    _button(at, f"inbox-accept-{ident}").click().run()
    summaries = [t for t in at.text_area if t.key.startswith(f"inbox-sum-{ident}-")]
    assert summaries, "the accept form lists the drafted claims"
    next(b for b in at.button if b.label == "Save into seeds/").click().run()
    assert any(re.search(r"\d+ things? to fix", e.value) for e in at.error)  # empty summaries are refused
    assert sorted(p.name for p in (world / "seeds" / "sources").iterdir()) == before
    for area in summaries:
        at.text_area(key=area.key).set_value(
            "A cloud company asked for a six-figure H200 lot, pending both governments."
        )
    next(b for b in at.button if b.label == "Save into seeds/").click().run()
    assert not at.exception, [e.value for e in at.exception]
    added = sorted(set(p.name for p in (world / "seeds" / "sources").iterdir()) - set(before))
    assert len(added) == 1 and "harbour-wire" in added[0]
    seeds = load_seeds(world / "seeds")
    assert seeds.problems == []
    source = seeds.sources[added[0].removesuffix(".yaml")]
    assert source.url and source.url.endswith("/news/h200-new-story.html")
    decision = Inbox(world / "inbox").decision(ident)
    assert decision["action"] == "accepted" and decision["target"] == source.id
    assert "2 new · 1 decided" in _text(at)


def test_a_re_carry_merges_into_the_existing_source(world, monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    target = world / "seeds" / "sources" / "2026-03-03-bloomberg-us-weighs-75k-h200-cap.yaml"
    at = _open()
    ident = _candidate_id(world, RECARRY)
    _button(at, f"inbox-merge-{ident}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    seeds = load_seeds(world / "seeds")
    assert seeds.problems == []
    carriers = seeds.sources[target.stem].carried_by
    assert any(c.outlet == "Business Times" and str(c.url).endswith("/news/recarry-75k-cap.html") for c in carriers)
    assert Inbox(world / "inbox").decision(ident)["action"] == "merged"
    assert "2 new · 1 decided" in _text(at)


def test_editing_off_never_writes(world) -> None:
    before = {p.name: p.read_bytes() for p in (world / "seeds" / "sources").iterdir()}
    at = _open()
    assert not [b for b in at.button if b.label in ("Accept…", "Dismiss it", "Merge into that source")]
    assert {p.name: p.read_bytes() for p in (world / "seeds" / "sources").iterdir()} == before


@pytest.fixture(scope="module")
def site():
    running = server.start()
    yield running
    server.stop(running)


def _paste_link(url: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(BY_ID["add_report"].path).run()
    at.text_input(key="ar_link").set_value(url)
    next(b for b in at.button if b.label == "Fetch and draft").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_paste_a_link_drafts_the_page(world, site, monkeypatch) -> None:
    monkeypatch.setenv("H200_FETCH_ALLOW_HOSTS", "127.0.0.1")
    at = _paste_link(site.base + "/go/story")  # a redirect to an allowed page is followed
    draft = at.session_state["ar_draft"]
    assert draft.source["title"] == "Beijing reviews H200 import requests from three buyers"
    assert draft.source["url"] == site.base + "/news/atom-story.html"


@pytest.mark.parametrize(
    ("path", "allow", "words"),
    [
        ("/news/h200-new-story.html", "", "is a loopback address"),
        ("/go/metadata", "127.0.0.1", "169.254.169.254 is a link-local address"),
        ("/files/report.pdf", "127.0.0.1", "application/pdf"),
    ],
)
def test_paste_a_link_refuses_in_words(world, site, monkeypatch, path, allow, words) -> None:
    monkeypatch.setenv("H200_FETCH_ALLOW_HOSTS", allow)
    at = _paste_link(site.base + path)
    assert any(words in e.value and "The page was not fetched" in e.value for e in at.error)
    assert "ar_draft" not in at.session_state


def test_an_empty_inbox_says_how_candidates_arrive(tmp_path, monkeypatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("H200_SEEDS_DIR", str(tmp_path / "seeds"))
    monkeypatch.delenv("H200_INBOX_DIR", raising=False)
    at = _open()
    assert any("The inbox is empty" in i.value and "make watch" in i.value for i in at.info)
    assert "0 new · 0 decided · the watcher has not run yet" in _text(at)


def test_the_sidebar_counts_what_waits(world, monkeypatch) -> None:
    from components.ui import router

    assert router._title(BY_ID["inbox"]) == "Inbox · 3 new"
    assert router._title(BY_ID["overview"]) == "Overview"
    box = Inbox(world / "inbox")
    for candidate in box.candidates():
        box.decide(candidate["id"], "dismissed", reason="counted in a test")
    assert router._title(BY_ID["inbox"]) == "Inbox"


def test_paste_a_link_is_rate_limited_per_session(world, site, monkeypatch) -> None:
    from pages.add_report import link

    monkeypatch.setenv("H200_FETCH_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setattr(link, "MAX_FETCHES", 1)
    at = _paste_link(site.base + "/news/atom-story.html")
    assert at.session_state["ar_draft"] is not None
    next(b for b in at.button if b.label == "Fetch and draft").click().run()
    assert any("At most 1 links are fetched" in e.value for e in at.error)
