"""The Atom feed at ``/feed.atom`` (RFC 4287): what changed, for people who are not looking.

One entry per new report and per change a reader cares about (a status that moved, a headline
figure that changed, a new disagreement), newest first, each with a plain title, its date, its
sources and a link to What's new pinned to that day. Built from ``data.changes.story_days``,
the same diff What's new shows in story mode, so the feed and the page cannot disagree.
``?page=<url_path>`` keeps the entries about what that page shows. Written with
``xml.etree`` (every text escaped by the serialiser), never by joining strings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import format_datetime
from urllib.parse import urlencode

import pandas as pd
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from components.conflict_names import conflict_name
from components.registry import BY_ID
from data.changes import Changes, story_days
from data.frames.claims import ClaimFilter
from data.frames.conflicts import build_conflicts_frame
from data.load import SeedData
from pages.whats_new.tables import headlines_display
from server.page_tables import ACCESS_PARAMS
from server.seed_cache import current_seeds

LOG = logging.getLogger(__name__)
ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100
FEED_DAYS = 30  # the newest days with a report: enough for MAX_ENTRIES, and a tenth of the cost
MOVED = ("new", "changed", "disputed", "gone")
# Which kinds of entry each page's readers follow (``?page=<url_path>``).
PAGE_KINDS: dict[str, frozenset[str]] = {
    "overview": frozenset({"headline", "report"}),
    "buyers": frozenset({"status", "headline"}),
    "approvals": frozenset({"status"}),
    "supply_demand": frozenset({"headline"}),
    "timeline": frozenset({"report"}),
    "chips": frozenset({"report"}),
    "sources": frozenset({"report", "disagreement"}),
    "whats_new": frozenset({"report", "status", "headline", "disagreement"}),
}
CHIP_KINDS = ("spec",)


@dataclass(frozen=True)
class Entry:
    """One feed entry, in plain words, with the sources it rests on."""

    kind: str  # report, status, headline, disagreement
    day: dt.date
    key: str
    title: str
    summary: str
    source_ids: tuple[str, ...]
    claim_kinds: frozenset[str] = field(default_factory=frozenset)
    subject: str = ""  # the buyer a status entry is about ("All buyers" for a market-wide rule)


def _status_word(code: object) -> str:
    return str(code).replace("_", " ")


def _conflict_rows(seeds: SeedData, claim_ids: list[str], day: dt.date) -> pd.DataFrame:
    """The conflicts-frame rows (as of ``day``) of the group those claims belong to: the same
    rows the Sources page names a disagreement from, so the feed and the page name it alike."""
    frame = build_conflicts_frame(seeds, ClaimFilter(as_of=day))
    hits = frame[frame["claim_id"].isin(claim_ids)]
    if hits.empty:
        return hits
    return frame[frame["group"] == hits["group"].value_counts().idxmax()]


def day_entries(seeds: SeedData, changes: Changes) -> list[Entry]:
    """The entries for one day of the story (``changes`` covers that single day)."""
    day, out = changes.since, []
    for row in changes.new_sources.to_dict("records"):
        kinds = frozenset(changes.new_claims.loc[changes.new_claims["source_id"] == row["source_id"], "kind"])
        claims = int(row["claims"])
        dated = not pd.isna(row["published"])
        told = f"published a report on {day:%d %b %Y}" if dated else f"has an undated page, read on {day:%d %b %Y},"
        out.append(
            Entry(
                "report",
                day,
                f"report/{row['source_id']}",
                f"New {'report' if dated else 'undated page'}: {row['publisher']}: {row['title']}",
                f"{row['publisher']} {told} with {claims} claim{'s' * (claims != 1)} recorded in the tracker.",
                (row["source_id"],),
                kinds,
            )
        )
    for row in changes.statuses.to_dict("records"):
        out.append(
            Entry(
                "status",
                day,
                f"status/{row['buyer']}/{row['side']}/{row['stage']}",
                f"{row['buyer']}: {row['stage']} ({row['side']}) moved from {_status_word(row['before'])} to "
                f"{_status_word(row['after'])}",
                str(row["summary"]),
                (row["source_id"],),
                subject=str(row["buyer"]),
            )
        )
    moved = changes.headlines[changes.headlines["change"].isin(MOVED)]
    if not moved.empty:
        for row, words in zip(moved.to_dict("records"), headlines_display(moved).to_dict("records"), strict=True):
            out.append(
                Entry(
                    "headline",
                    day,
                    f"headline/{row['key']}",
                    f"{words['Figure']}: {words['Before']} → {words['After']}",
                    f"Headline figure on the overview: {words['What happened']}.",
                    tuple(changes.new_sources["source_id"]),
                )
            )
    for row in changes.conflicts[changes.conflicts["change"] == "opened"].to_dict("records"):
        rows = _conflict_rows(seeds, list(row["claim_ids"]), day)
        out.append(
            Entry(
                "disagreement",
                day,
                f"disagreement/{'+'.join(row['claim_ids'])}",
                f"New disagreement: {conflict_name(rows) if not rows.empty else row['topic']}",
                f"Sources disagree; the latest claim: {row['about']}",
                tuple(dict.fromkeys(rows["source_id"])) if not rows.empty else (),
            )
        )
    return out


_entries_lock = threading.Lock()
_entries: list[tuple[SeedData, list[Entry]]] = []  # one slot: the newest seeds' entries


def all_entries(seeds: SeedData) -> list[Entry]:
    """Every entry of the newest FEED_DAYS report days, built once per loaded seeds (the costly
    part: a view of the story per day); each ``?page=`` variant filters this one list."""
    with _entries_lock:
        for held, entries in _entries:
            if held is seeds:
                return entries
    entries = [e for changes in story_days(seeds, limit=FEED_DAYS) for e in day_entries(seeds, changes)]
    with _entries_lock:
        _entries[:] = [(seeds, entries)]
    return entries


def feed_entries(seeds: SeedData, page_id: str | None = None) -> list[Entry]:
    """The entries one page's readers follow, newest day first (within a day: reports,
    statuses, figures, disagreements); every kind for What's new or no page."""
    kinds = PAGE_KINDS.get(page_id or "whats_new", PAGE_KINDS["whats_new"])
    kept = [e for e in all_entries(seeds) if e.kind in kinds]
    if page_id == "chips":
        kept = [e for e in kept if e.claim_kinds & set(CHIP_KINDS)]
    if page_id == "buyers":  # a rule for every buyer is the approvals page's, not one buyer's news
        kept = [e for e in kept if e.subject != "All buyers"]
    return kept[:MAX_ENTRIES]


def whats_new_link(root: str, day: dt.date) -> str:
    """What's new in story mode pinned to one day (as of that day, so nothing later shows)."""
    query = urlencode({"as_of": day.isoformat(), "since": day.isoformat(), "until": day.isoformat()})
    return f"{root}/{BY_ID['whats_new'].url_path}?{query}"


def _stamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")


def render_feed(seeds: SeedData, entries: list[Entry], *, root: str, self_url: str, title: str) -> bytes:
    """The Atom document (UTF-8 bytes)."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", f"{root}/feed.atom")
    sub(feed, "title", title)
    sub(feed, "subtitle", "What changed in the story of Nvidia H200 sales to China, from cited reports.")
    newest = max((e.day for e in entries), default=dt.date(2025, 1, 1))
    sub(feed, "updated", _stamp(newest))
    sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=f"{root}/{BY_ID['whats_new'].url_path}", type="text/html")
    author = sub(feed, "author")
    sub(author, "name", "H200 China Tracker")
    sub(feed, "generator", "H200 China Tracker")
    for entry in entries:
        item = sub(feed, "entry")
        digest = hashlib.sha256(entry.key.encode()).hexdigest()[:16]
        sub(item, "id", f"tag:h200-china-tracker,2026:{entry.kind}/{entry.day.isoformat()}/{digest}")
        sub(item, "title", entry.title)
        sub(item, "updated", _stamp(entry.day))
        sub(item, "published", _stamp(entry.day))
        sub(item, "link", rel="alternate", href=whats_new_link(root, entry.day), type="text/html")
        sub(item, "category", term=entry.kind)
        names = []
        for source_id in entry.source_ids:
            source = seeds.sources.get(source_id)
            if source is None:
                continue
            names.append(f"{source.publisher}, {source.available_from:%d %b %Y}")
            if source.url:
                sub(item, "link", rel="related", href=source.url, title=source.publisher)
        sources_line = ("Sources: " + "; ".join(names) + ".") if names else "Sources: none recorded."
        sub(item, "summary", f"{entry.summary} {sources_line}", type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


_lock = threading.Lock()
_built: dict[tuple[str, str, str], bytes] = {}


def feed_endpoint(request: Request) -> Response:
    """``GET /feed.atom[?page=<url_path>]``."""
    url_path = request.query_params.get("page")
    page = next((p for p in BY_ID.values() if p.url_path == url_path), None) if url_path else None
    if url_path and (page is None or page.page_id not in PAGE_KINDS):
        served = ", ".join(BY_ID[p].url_path for p in PAGE_KINDS)
        return PlainTextResponse(f"No feed for page `{url_path}`. Pages with a feed: {served}.\n", status_code=404)
    unknown = [k for k in request.query_params if k not in ("page", *ACCESS_PARAMS)]
    if unknown:
        return PlainTextResponse(f"Unknown parameter `{unknown[0]}`: the feed takes only `page`.\n", status_code=400)
    try:
        seeds, version = current_seeds()
        root = os.environ.get("H200_PUBLIC_URL", "").strip().rstrip("/") or str(request.base_url).rstrip("/")
        etag = '"' + hashlib.sha256(repr((version.tag, url_path, root)).encode()).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Last-Modified": format_datetime(version.modified, usegmt=True)}
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers=headers)
        key = (version.tag, url_path or "", root)
        with _lock:
            body = _built.get(key)
        if body is None:
            title = "H200 China Tracker" + (f" · {page.title}" if page else ": what changed")
            entries = feed_entries(seeds, page.page_id if page else None)
            self_url = f"{root}/feed.atom" + (f"?{urlencode({'page': url_path})}" if url_path else "")
            body = render_feed(seeds, entries, root=root, self_url=self_url, title=title)
            with _lock:
                if len(_built) > 64:
                    _built.clear()
                _built[key] = body
    except Exception:  # never a traceback to a feed reader; the log keeps it
        LOG.exception("feed failed for %s", request.url)
        return PlainTextResponse("The feed could not be built. The error is logged.\n", status_code=500)
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)


def feed_routes() -> list[Route]:
    return [Route("/feed.atom", feed_endpoint, methods=["GET", "HEAD"])]
