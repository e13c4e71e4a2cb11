"""The watcher end to end against the loopback fixture site: one clear outcome per item, the seeds
untouched, the inbox filled atomically, and a second run adds nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from data.load import load_seeds
from data.watch import __main__ as cli
from data.watch.config import Feed, check_inbox_location, default_inbox, feed_problems, load_feeds
from data.watch.feeds import FeedError, parse_feed
from data.watch.fetch import SafeFetcher
from data.watch.inbox import Inbox, InboxError
from data.watch.relevance import judge
from data.watch.run import watch_once
from scripts import news_site as server

ROOT = Path(__file__).resolve().parents[2]


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def site():
    running = server.start()
    yield running
    server.stop(running)


@pytest.fixture
def seeds(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target


def _feeds(site) -> list[Feed]:
    return [
        Feed(id="fixture-rss", name="Fixture RSS", url=site.base + "/feeds/rss.xml"),
        Feed(id="fixture-atom", name="Fixture Atom", url=site.base + "/feeds/atom.xml"),
        Feed(id="fixture-broken", name="Fixture broken", url=site.base + "/feeds/broken.xml"),
    ]


def _fetcher() -> SafeFetcher:
    return SafeFetcher(allow_hosts=frozenset({"127.0.0.1"}), timeout=1.0, deadline=5.0, min_interval=0.0)


def test_one_run_gives_each_item_a_clear_outcome_and_never_touches_seeds(site, seeds, tmp_path) -> None:
    inbox_dir = tmp_path / "inbox"
    before = tree_hash(seeds)
    lines: list[str] = []
    report = watch_once(_feeds(site), inbox_dir, seeds, _fetcher(), log=lines.append)
    outcomes = {o.url.removeprefix(site.base): (o.outcome, o.reason) for o in report.outcomes}

    assert outcomes["/news/h200-new-story.html"][0] == "drafted"
    assert "relevant: names the H200 and China" in outcomes["/news/h200-new-story.html"][1]
    assert outcomes["/news/atom-story.html"][0] == "drafted"
    recarry = outcomes["/news/recarry-75k-cap.html"]
    assert recarry[0] == "drafted" and "likely a re-carry of Bloomberg, 03 Mar 2026" in recarry[1]
    assert outcomes["/news/bakery.html"] == (
        "skipped",
        "unrelated: the feed's title and summary mention no chips, Nvidia, H200 or China (not fetched)",
    )
    assert outcomes["/news/potato-chips.html"][0] == "skipped"
    assert "mentions neither the H200 nor Nvidia" in outcomes["/news/potato-chips.html"][1]
    assert outcomes["/go/metadata"][0] == "refused" and "169.254.169.254" in outcomes["/go/metadata"][1]
    assert outcomes["/go/localhost"][0] == "refused" and "loopback" in outcomes["/go/localhost"][1]
    assert outcomes["/news/huge.html"][0] == "refused" and "larger than" in outcomes["/news/huge.html"][1]
    assert outcomes["/news/slow.html"][0] == "failed" and "timed out" in outcomes["/news/slow.html"][1]
    assert outcomes["/files/report.pdf"][0] == "refused" and "application/pdf" in outcomes["/files/report.pdf"][1]
    assert outcomes["/private/story.html"][0] == "refused" and "robots.txt" in outcomes["/private/story.html"][1]
    # the Atom feed's copy of the RSS story (another guid, same page) is recognised by its URL
    assert outcomes["/news/h200-new-story.html?utm_source=atom"][0] == "seen"
    assert report.feed_problems and "fixture-broken" in report.feed_problems[0]
    assert "not a readable RSS or Atom feed" in report.feed_problems[0]
    assert "/news/bakery.html" not in site.paths()
    assert any(line.startswith("done") and "3 drafted" in line for line in lines)

    assert tree_hash(seeds) == before
    inbox = Inbox(inbox_dir)
    candidates = inbox.candidates()
    assert len(candidates) == 3 and inbox.new_count() == 3
    for candidate in candidates:
        assert candidate["feed"]["id"] in ("fixture-rss", "fixture-atom")
        assert candidate["fetched_at"].endswith("Z") and candidate["relevance"]["level"] == "relevant"
        assert candidate["draft"]["source"]["url"] == candidate["final_url"]
        assert inbox.page(candidate["id"]).startswith(b"<!doctype html>")
    assert not list(inbox_dir.rglob(".tmp-*")), "no half-written file is left behind"
    assert list((inbox_dir / "runs").glob("*.json"))

    second = watch_once(_feeds(site), inbox_dir, seeds, _fetcher(), log=lambda _line: None)
    assert second.count("drafted") == 0
    assert {o.outcome for o in second.outcomes} == {"seen", "failed"}  # only the slow page is tried again
    assert len(Inbox(inbox_dir).candidates()) == 3
    assert tree_hash(seeds) == before
    assert load_seeds(seeds).problems == []


def test_a_failed_fetch_is_retried_three_times_then_remembered(site, seeds, tmp_path) -> None:
    feed = [Feed(id="fixture-rss", name="Fixture RSS", url=site.base + "/feeds/rss.xml", max_items=10)]
    inbox_dir = tmp_path / "inbox"
    fetcher = SafeFetcher(allow_hosts=frozenset({"127.0.0.1"}), timeout=0.3, deadline=5.0, min_interval=0.0)
    slow = []
    for _ in range(4):
        report = watch_once(feed, inbox_dir, seeds, fetcher, log=lambda _line: None)
        slow += [o.outcome for o in report.outcomes if o.url.endswith("/news/slow.html")]
    assert slow == ["failed", "failed", "failed", "seen"]


def test_dismissed_and_decided_candidates_are_recorded_once(site, seeds, tmp_path) -> None:
    inbox_dir = tmp_path / "inbox"
    watch_once(_feeds(site)[1:2], inbox_dir, seeds, _fetcher(), log=lambda _line: None)
    inbox = Inbox(inbox_dir)
    (candidate,) = [c for c in inbox.candidates() if "atom-story" in c["url"]]
    waiting = inbox.new_count()
    with pytest.raises(InboxError, match="say why"):
        inbox.decide(candidate["id"], "dismissed", reason="")
    inbox.decide(candidate["id"], "dismissed", reason="fictional outlet", by="analyst@example.org")
    with pytest.raises(InboxError, match="already dismissed"):
        inbox.decide(candidate["id"], "accepted")
    assert inbox.new_count() == waiting - 1
    (again,) = [c for c in Inbox(inbox_dir).candidates() if c["id"] == candidate["id"]]
    assert again["decision"]["reason"] == "fictional outlet" and again["decision"]["by"] == "analyst@example.org"
    report = watch_once(_feeds(site)[1:2], inbox_dir, seeds, _fetcher(), log=lambda _line: None)
    assert report.count("drafted") == 0  # not offered again


def test_an_unreadable_candidate_file_is_skipped_with_a_note(tmp_path) -> None:
    (tmp_path / "candidates").mkdir()
    (tmp_path / "candidates" / "20261201-abcdef123456.json").write_text("{not json")
    inbox = Inbox(tmp_path)
    assert inbox.candidates() == []
    assert inbox.problems and "could not be read" in inbox.problems[0]


def test_feeds_parse_rss_and_atom_and_refuse_garbage() -> None:
    rss = (ROOT / "tests/fixtures/news_site/feeds/rss.xml").read_text().replace("{{BASE}}", "https://n.example")
    parsed = parse_feed(rss.encode(), max_items=3)
    assert [i.guid for i in parsed.items] == ["fixture-rss-1", "fixture-rss-2", "fixture-rss-3"]
    assert parsed.items[0].published is not None and parsed.items[0].published.isoformat() == "2026-11-20"
    atom = (ROOT / "tests/fixtures/news_site/feeds/atom.xml").read_text().replace("{{BASE}}", "https://n.example")
    assert parse_feed(atom.encode()).items[0].url == "https://n.example/news/atom-story.html"
    with pytest.raises(FeedError, match="not a readable RSS or Atom feed"):
        parse_feed(b"this is < not & a feed")
    hostile = (
        b'<rss version="2.0"><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>'
    )
    assert parse_feed(hostile).items == []


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Beijing approves Nvidia H200 imports for ByteDance", "relevant"),
        ("ByteDance orders more H200 chips", "relevant"),  # a Chinese buyer named in organisations.yaml
        ("Nvidia chips face new export controls for China", "possibly relevant"),
        ("Nvidia reports record quarter on gaming", "unrelated"),
        ("Lisbon bakery wins a pastry prize", "unrelated"),
    ],
)
def test_relevance_verdicts_say_why(text, level, real_seeds) -> None:
    verdict = judge(text, real_seeds)
    assert verdict.level == level and verdict.reason


def test_the_feeds_file_is_validated_by_the_loader(seeds) -> None:
    assert load_seeds(seeds).problems == []
    assert feed_problems(seeds / "reference" / "feeds.yaml") == []
    assert load_feeds(seeds)  # the shipped file lists feeds
    (seeds / "reference" / "feeds.yaml").write_text(
        "feeds:\n  - id: Bad Id\n    name: x\n    url: ftp://x\n    colour: red\n"
    )
    problems = [str(p) for p in load_seeds(seeds).problems]
    assert any("feeds.yaml:2: feeds[0].id" in p for p in problems)
    assert any("feeds[0].colour" in p and "Extra inputs" in p for p in problems)
    with pytest.raises(ValueError, match=r"feeds\.yaml"):
        load_feeds(seeds)


def test_the_inbox_sits_beside_the_seeds_never_inside(seeds, monkeypatch) -> None:
    monkeypatch.delenv("H200_INBOX_DIR", raising=False)
    assert default_inbox(seeds) == seeds.resolve().parent / "inbox"
    with pytest.raises(ValueError, match="inside the seeds folder"):
        check_inbox_location(seeds / "sources" / "inbox", seeds)
    monkeypatch.setenv("H200_INBOX_DIR", "/somewhere/else")
    assert default_inbox(seeds) == Path("/somewhere/else")


def test_the_command_line_runs_once_and_refuses_an_inbox_in_seeds(site, seeds, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("H200_FETCH_ALLOW_HOSTS", "127.0.0.1")
    inbox_dir = tmp_path / "cli-inbox"
    args = ["--once", "--feed", site.base + "/feeds/atom.xml", "--seeds", str(seeds), "--inbox", str(inbox_dir)]
    assert cli.main([*args, "--min-interval", "0"]) == 0
    out = capsys.readouterr().out
    assert "drafted" in out and "done" in out
    assert json.loads(next((inbox_dir / "candidates").glob("*.json")).read_text())["feed"]["url"].endswith("atom.xml")
    assert cli.main(["--once", "--seeds", str(seeds), "--inbox", str(seeds / "inbox")]) == 2
    assert "inside the seeds folder" in capsys.readouterr().err
    assert (
        cli.main(
            ["--once", "--feed", site.base + "/feeds/broken.xml", "--seeds", str(seeds), "--inbox", str(inbox_dir)]
        )
        == 1
    )


def test_a_carrier_is_inserted_whatever_the_list_looks_like() -> None:
    from data.draft import DraftError
    from data.watch.review import insert_carrier

    entry = {"outlet": 'The "Daily": Wire', "url": "https://d.example/a?b=1#c", "published": "2026-03-04"}
    empty = "source:\n  id: x\n  carried_by: []\n  accessed: 2026-11-24\nclaims:\n  - id: a\n"
    out = insert_carrier(empty, entry)
    assert (
        '  carried_by:\n    - {outlet: "The \\"Daily\\": Wire", url: "https://d.example/a?b=1#c", published: 2026-03-04}\n  accessed'
        in out
    )
    listed = "source:\n  id: x\n  carried_by:\n    - outlet: A\n      url: https://a.example\n  accessed: 2026-11-24\nclaims: []\n"
    out = insert_carrier(listed, entry)
    assert out.index('The \\"Daily') > out.index("https://a.example") and out.index('The \\"Daily') < out.index(
        "accessed"
    )
    missing = "source:\n  id: x\nclaims: []\n"
    assert "  carried_by:\n    - {outlet" in insert_carrier(missing, entry)
    with pytest.raises(DraftError, match="written in a form"):
        insert_carrier("source:\n  carried_by: [{outlet: A}]\n", entry)


def test_the_cronjob_runs_the_same_command_and_cannot_write_seeds() -> None:
    import yaml

    documents = list(yaml.safe_load_all((ROOT / "deploy" / "watch-cronjob.yaml").read_text()))
    job = documents[0]["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (container,) = job["containers"]
    assert container["command"][:4] == ["python", "-m", "data.watch", "--once"]
    mounts = {m["mountPath"]: m for m in container["volumeMounts"]}
    assert mounts["/app/seeds"]["readOnly"] is True and not mounts["/app/inbox"].get("readOnly")
    assert documents[0]["spec"]["concurrencyPolicy"] == "Forbid"
    cron = (ROOT / "deploy" / "watch.cron").read_text()
    assert "-m data.watch --once" in cron and "flock -n" in cron


def test_real_published_excerpts_all_become_relevant_candidates(site, seeds, tmp_path) -> None:
    feed = [Feed(id="real-excerpts", name="Real excerpts", url=site.base + "/feeds/real.xml")]
    report = watch_once(feed, tmp_path / "inbox", seeds, _fetcher(), log=lambda _line: None)
    assert report.count("drafted") == 6, [o.line() for o in report.outcomes]
    candidates = Inbox(tmp_path / "inbox").candidates()
    assert {c["relevance"]["level"] for c in candidates} == {"relevant"}
    by_page = {c["url"].rsplit("/", 1)[-1]: c for c in candidates}
    assert by_page["thenews-block-after-approval.html"]["published"] == "2026-01-14"  # printed on the page
    undated = by_page["techloy-customs-block.html"]
    assert any("No publication date was found" in note for note in undated["notes"])  # never invented
    assert "re-carry of Reuters, 14 Jan 2026" in undated["duplicate_words"]


def test_the_first_decision_wins_even_without_hard_links(tmp_path, monkeypatch) -> None:
    import os

    inbox = Inbox(tmp_path)
    inbox.add_candidate({"id": "20261201-aaaaaaaaaaaa", "url": "https://x.example/a"}, b"<html></html>")

    def no_links(*_args):
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(os, "link", no_links)
    inbox.decide("20261201-aaaaaaaaaaaa", "dismissed", reason="first replica")
    with pytest.raises(InboxError, match="already dismissed"):
        Inbox(tmp_path).decide("20261201-aaaaaaaaaaaa", "accepted")
    assert Inbox(tmp_path).decision("20261201-aaaaaaaaaaaa")["reason"] == "first replica"


def test_an_unexpected_error_in_one_item_does_not_stop_the_run(site, seeds, tmp_path, monkeypatch) -> None:
    from data.watch import run

    real = run.build_candidate

    def flaky(item, *args, **kwargs):
        if "atom-story" in item.url:
            raise RuntimeError("boom")
        return real(item, *args, **kwargs)

    monkeypatch.setattr(run, "build_candidate", flaky)
    report = watch_once(_feeds(site)[1:2], tmp_path / "inbox", seeds, _fetcher(), log=lambda _line: None)
    outcomes = {o.url.rsplit("/", 1)[-1]: o for o in report.outcomes}
    assert outcomes["atom-story.html"].outcome == "failed" and "RuntimeError" in outcomes["atom-story.html"].reason
    assert outcomes["h200-new-story.html?utm_source=atom"].outcome == "drafted"
