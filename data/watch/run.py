"""One watcher run: feeds -> items -> safe fetch -> relevance -> drafter -> inbox candidates.

It reads ``seeds/`` (to compare with) and writes only the inbox. Each item gets exactly one
outcome, recorded in the inbox and in the run log, with the reason in words:

- ``drafted``  a candidate was written (relevant, or possibly relevant), with its verdicts
- ``skipped``  unrelated, or no article text on the page (not fetched again)
- ``refused``  a fetcher rule said no: address, size, type, robots.txt (not fetched again)
- ``failed``   timeout, network or server error (tried again on the next runs, up to 3 times)
- ``seen``     handled by an earlier run (nothing added)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.draft import DraftError, draft_from_text
from data.load import SeedData, load_seeds
from data.watch.config import Feed
from data.watch.feeds import FeedError, FeedItem, parse_feed
from data.watch.fetch import FEED_TYPES, PAGE_TYPES, FetchError, SafeFetcher
from data.watch.inbox import Inbox, candidate_id, item_keys, now_utc
from data.watch.relevance import judge, worth_fetching

LIKELY = 0.8


@dataclass
class Outcome:
    feed: str
    url: str
    title: str
    outcome: str
    reason: str
    candidate: str | None = None

    def line(self) -> str:
        where = f" -> inbox candidate {self.candidate}" if self.candidate else ""
        return f"{self.outcome:8} {self.title[:70] or self.url}: {self.reason}{where}"


@dataclass
class RunReport:
    started: str
    outcomes: list[Outcome] = field(default_factory=list)
    feed_problems: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    def to_dict(self) -> dict[str, Any]:
        return {
            "started": self.started,
            "finished": now_utc(),
            "feed_problems": list(self.feed_problems),
            "outcomes": [vars(o) for o in self.outcomes],
        }


def duplicate_words(duplicates: list[dict[str, Any]], seeds: SeedData) -> str:
    """The duplicate verdict as a sentence: "likely a re-carry of Reuters, 28 Jan 2026"."""
    if not duplicates:
        return "new: no existing source matches (web address, publisher and date, title, figures)"
    best = duplicates[0]
    source = seeds.sources.get(str(best["source_id"]))
    name = f"{source.publisher}, {source.available_from:%d %b %Y}" if source else str(best["source_id"])
    likely = "likely" if float(best["score"]) >= LIKELY else "possibly"
    return f"{likely} a re-carry of {name}"


def build_candidate(
    item: FeedItem, feed: Feed | None, final_url: str, page: str, seeds: SeedData, fetched_at: str
) -> tuple[dict[str, Any] | None, str]:
    """The candidate for one fetched page, or None with the reason it was skipped."""
    try:
        draft = draft_from_text(page, seeds, url=final_url)
    except DraftError as error:
        return None, f"no article could be read from the page ({error})"
    title = str(draft.source.get("title") or item.title)
    verdict = judge(f"{title}\n{item.title}\n{draft.text}", seeds)
    if not verdict.keep:
        return None, f"unrelated: {verdict.reason}"
    duplicates = [d.to_dict() for d in draft.duplicates]
    candidate = {
        "id": candidate_id(final_url, dt.date.fromisoformat(fetched_at[:10])),
        "url": item.url,
        "final_url": final_url,
        "guid": item.guid,
        "feed": {"id": feed.id, "name": feed.name, "url": feed.url} if feed else None,
        "fetched_at": fetched_at,
        "item_title": item.title,
        "title": title,
        "publisher": draft.source.get("publisher"),
        "published": draft.source.get("published"),
        "relevance": verdict.to_dict(),
        "duplicates": duplicates,
        "duplicate_words": duplicate_words(duplicates, seeds),
        "claims": len(draft.claims),
        "notes": list(draft.notes),
        "draft": draft.to_json(),
    }
    return candidate, f"{verdict.level}: {verdict.reason}; {candidate['duplicate_words']}"


def _handle_item(item: FeedItem, feed: Feed, inbox: Inbox, seeds: SeedData, fetcher: SafeFetcher) -> Outcome:
    keys = item_keys(item.guid, item.url)
    earlier = inbox.seen(keys)
    if earlier is not None:
        return Outcome(feed.id, item.url, item.title, "seen", f"already {earlier.get('outcome')} on an earlier run")
    fetched_at = now_utc()
    record: dict[str, Any] = {
        "url": item.url,
        "guid": item.guid,
        "feed": feed.id,
        "title": item.title,
        "at": fetched_at,
    }
    pre = worth_fetching(item.title, item.summary)
    if not pre.keep:
        outcome = Outcome(feed.id, item.url, item.title, "skipped", f"unrelated: {pre.reason} (not fetched)")
    else:
        try:
            result = fetcher.fetch(item.url, PAGE_TYPES)
        except FetchError as error:
            outcome = Outcome(feed.id, item.url, item.title, error.kind, str(error))
            if error.kind == "failed":
                record["attempts"] = inbox.attempts(keys) + 1
        else:
            candidate, reason = build_candidate(item, feed, result.final_url, result.text(), seeds, fetched_at)
            if candidate is None:
                outcome = Outcome(feed.id, item.url, item.title, "skipped", reason)
            else:
                inbox.add_candidate(candidate, result.body)
                outcome = Outcome(feed.id, item.url, item.title, "drafted", reason, candidate["id"])
                keys = [*keys, *item_keys(None, result.final_url)]
    inbox.remember(
        keys, {**record, "outcome": outcome.outcome, "reason": outcome.reason, "candidate": outcome.candidate}
    )
    return outcome


def watch_once(
    feeds: list[Feed],
    inbox_dir: Path,
    seeds_dir: Path,
    fetcher: SafeFetcher | None = None,
    log: Callable[[str], None] = print,
) -> RunReport:
    """Read every feed once and fill the inbox. Never writes ``seeds_dir``."""
    fetcher = fetcher or SafeFetcher()
    inbox = Inbox(inbox_dir)
    seeds = load_seeds(seeds_dir)
    report = RunReport(now_utc())
    for feed in feeds:
        try:
            result = fetcher.fetch(feed.url, FEED_TYPES)
            parsed = parse_feed(result.body, feed.max_items)
        except (FetchError, FeedError) as error:
            problem = f"feed {feed.id} ({feed.url}): {error}"
            report.feed_problems.append(problem)
            log(f"problem  {problem}")
            continue
        for note in parsed.notes:
            log(f"note     feed {feed.id}: {note}")
        for item in parsed.items:
            try:
                outcome = _handle_item(item, feed, inbox, seeds, fetcher)
            except Exception as error:  # one bad page never stops the run; it is tried again next time
                reason = f"unexpected error while handling this item ({type(error).__name__}); tried again next run"
                outcome = Outcome(feed.id, item.url, item.title, "failed", reason)
            report.outcomes.append(outcome)
            log(outcome.line())
    inbox.log_run(report.to_dict())
    summary = ", ".join(f"{report.count(k)} {k}" for k in ("drafted", "skipped", "refused", "failed", "seen"))
    log(f"done     {summary}; {len(report.feed_problems)} feed problem(s); inbox: {inbox_dir}")
    return report
