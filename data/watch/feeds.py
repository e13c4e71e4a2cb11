"""RSS and Atom feeds -> items, with feedparser reading bytes the safe fetcher already fetched.

feedparser is never given a URL (it would fetch it itself, past every rule in ``fetch.py``).
A feed that is broken XML but still yields items is read, with a note; one that yields none is
an error with feedparser's reason in words.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

import feedparser

_TAG = re.compile(r"<[^>]{0,500}>")


class FeedError(ValueError):
    """The feed could not be read; the message says why."""


@dataclass(frozen=True)
class FeedItem:
    guid: str
    url: str
    title: str
    summary: str
    published: dt.date | None = None


@dataclass
class ParsedFeed:
    title: str
    items: list[FeedItem]
    notes: list[str] = field(default_factory=list)


def _plain(text: str | None) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", text or ""))).strip()


def _date(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def parse_feed(body: bytes, max_items: int = 30) -> ParsedFeed:
    """The feed's newest ``max_items`` items that have an http(s) link."""
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=False)
    items: list[FeedItem] = []
    skipped = 0
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if not re.match(r"^https?://\S+$", link):
            skipped += 1
            continue
        guid = str(entry.get("id") or entry.get("guid") or link).strip()[:500]
        items.append(
            FeedItem(guid, link, _plain(entry.get("title"))[:300], _plain(entry.get("summary"))[:2000], _date(entry))
        )
    notes = []
    if parsed.get("bozo"):
        reason = _plain(str(parsed.get("bozo_exception") or "malformed XML"))[:200]
        if not items:
            raise FeedError(f"not a readable RSS or Atom feed ({reason})")
        notes.append(f"the feed has XML errors ({reason}); {len(items)} item(s) were read anyway")
    if not items and not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed (no feed element found)")
    if skipped:
        notes.append(f"{skipped} item(s) without an http(s) link were left out")
    title = _plain(parsed.feed.get("title")) if parsed.get("feed") else ""
    return ParsedFeed(title, items[:max_items], notes)
