"""The tables behind each page's view, for the data API and the feed: ONE function, ``page_tables``.

Why one place: the API must return what the page's "filtered" CSV download gives for the same
link, so it asks the page's own declared view (``components.view.build_view``, the same
``PageView`` the page, its slide and its exports draw) and reads the link with the page's own
parameter declaration. The seeds the server reads come from ``server.seed_cache``.

No streamlit runtime is needed: nothing here reads session state or renders anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from components.registry import BY_ID, COMMON, PageSpec
from components.view import PageView, build_view, claim_filter_of, date_bounds, read_view_link, tables_only
from data.changes import STORY, changes_for, story_default_window
from data.frames import ClaimFilter, build_claims_frame, latest_report_date
from data.load import SeedData
from data.outlets import publisher_label

# Parameters a page link may carry that say how to show the page, not which data: ignored here.
DISPLAY_PARAMS = ("present", "embed", "embed_options", "briefing", "step", "b", "tab", "conflict", "picked", "table")
# Read by the sign-in gate (server/gate.py), never by the tables; dropped before anything else.
ACCESS_PARAMS = ("token",)
COMMON_NAMES = tuple(p.name for p in COMMON)
# Pages whose view has data tables (the API serves them); What's new has its own tables below.
BUILDERS = ("overview", "buyers", "approvals", "supply_demand", "timeline", "chips", "sources", "whats_new")


class UnknownTable(LookupError):
    """A page or table name the API does not serve (answered with 404)."""


@dataclass(frozen=True)
class View:
    """A page's view as its link states it: the claim filter plus the page's own values."""

    claim_filter: ClaimFilter
    values: dict[str, object]


def _plain_problem(notice: str) -> str:
    """The link notice ("Ignored `x=1` from the link (why); showing ...") as an API answer."""
    match = re.match(r"Ignored (`.*`) from the link \((.*)\); showing", notice)
    return f"Cannot use {match.group(1)}: {match.group(2)}." if match else notice


def read_view(page: PageSpec, seeds: SeedData, raw: Mapping[str, Sequence[str]]) -> tuple[View, list[str]]:
    """The view a link describes, and one plain problem per parameter that cannot be used.

    The link is read by the page's own declaration (``read_view_link``); unlike the page (which
    falls back to a default with a notice), the API refuses a link with a problem, so the caller
    gets a 400 instead of data for a view it did not ask for.
    """
    link = read_view_link(page, seeds, _as_link(raw))
    problems = [_plain_problem(n) for n in link.notices]
    problems += [
        f"Unknown parameter `{name}` for {page.title}."
        for name in raw
        if not page.owns(name) and name not in DISPLAY_PARAMS and name not in ACCESS_PARAMS
    ]
    latest = date_bounds(seeds)[1]
    return View(claim_filter_of(link.values, latest), dict(link.values)), problems


def _as_link(raw: Mapping[str, Sequence[str]]) -> dict[str, object]:
    """Query values as a page's link holds them: one value as a string, repeated ones as a list."""
    return {k: (next(iter(v)) if len(v) == 1 else list(v)) for k, v in raw.items()}


def view_tables(view: PageView) -> dict[str, pd.DataFrame]:
    """A view's tables under the names of the page's downloads: ``<name>`` is the filtered
    download (the shown rows with the whole table's columns), ``<name>-all`` the whole table."""
    out: dict[str, pd.DataFrame] = {}
    for table in view.tables:
        if table.full is not None:
            # nothing shown: the page offers only the whole table, and so does the API's default
            out[table.name] = table.full if table.frame.empty else table.frame[list(table.full.columns)]
            out[f"{table.name}-all"] = table.full
        else:
            out[table.name] = table.frame
    return out


def _whats_new(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    """What's new draws its own tables (no chart view): the same changes the page lists."""
    as_of = view.claim_filter.as_of or dt.date.today()
    mode = str(view.values.get("mode") or STORY)
    default_since, default_until = story_default_window(as_of)
    since = _day(view.values.get("since"), default_since)
    until = _day(view.values.get("until"), default_until)
    if mode == STORY:  # told up to the as-of date, as on the page
        until = min(until, as_of)
    changes = changes_for(seeds, mode, min(since, until), max(since, until), view.claim_filter)
    return {
        "new-reports": changes.new_sources,
        "headlines": changes.headlines,
        "statuses": changes.statuses,
        "movements": changes.movements,
        "disagreements": changes.conflicts,
        "new-claims": changes.new_claims,
    }


def page_for_path(url_path: str) -> PageSpec:
    """The page behind ``/api/v1/<url_path>``; ``UnknownTable`` for a page without data tables."""
    page = next((p for p in BY_ID.values() if p.url_path == url_path), None)
    if page is None or page.page_id not in BUILDERS:
        served = ", ".join(p.url_path for p in BY_ID.values() if p.page_id in BUILDERS)
        raise UnknownTable(f"No data table called `{url_path}`. Tables: {served}, claims.")
    return page


def page_tables(
    page_id: str, seeds: SeedData, raw_params: Mapping[str, Sequence[str]]
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The named tables of a page's view (the first is what the page's filtered CSV gives), and
    one plain problem per link parameter that cannot be used (the tables are then empty)."""
    page = BY_ID[page_id]
    if page_id not in BUILDERS:
        raise UnknownTable(f"{page.title} has no data tables.")
    view, problems = read_view(page, seeds, raw_params)
    if problems:
        return {}, problems
    if page_id == "whats_new":
        return _whats_new(seeds, view), []
    with tables_only():  # the API sends tables: views may skip building their figures
        tables = view_tables(build_view(page, seeds, {k: v for k, v in _as_link(raw_params).items() if page.owns(k)}))
    if page_id == "sources":
        tables["sources"] = _sources_frame(seeds, view.claim_filter.as_of)
    return tables, []


def effective_as_of(seeds: SeedData, raw: Mapping[str, Sequence[str]]) -> dt.date:
    """The as-of date a link means: its own, else the latest report (as the page defaults)."""
    given = list(raw.get("as_of", []))[-1:]
    try:
        return dt.date.fromisoformat(given[0]) if given else latest_report_date(seeds) or dt.date.today()
    except ValueError:
        return latest_report_date(seeds) or dt.date.today()


# The table ``/api/v1/<url_path>.<fmt>`` gives without ``?table=``. Usually the page's filtered
# download (the first table); ``sources`` is also the documented "every report" table, so the
# Sources page's claims are ``?table=claims`` there.
DEFAULT_TABLE = {"sources": "sources"}
VIEW_TABLE = {"sources": "claims"}  # the table "Use this data" names for the page's own view


def whole_tables(seeds: SeedData, name: str, raw_params: Mapping[str, Sequence[str]]) -> tuple[pd.DataFrame, list[str]]:
    """``claims`` (every claim) or ``sources`` (every report) at the link's as-of date and confidence."""
    view, problems = read_view(BY_ID["sources"], seeds, {k: v for k, v in raw_params.items() if k in COMMON_NAMES})
    problems += [f"Unknown parameter `{k}` for the {name} table." for k in raw_params if k not in COMMON_NAMES]
    if problems:
        return pd.DataFrame(), problems
    if name == "claims":
        claims = build_claims_frame(seeds, view.claim_filter)
        by_id = seeds.claims_by_id()
        basis = [_basis(by_id[c]) for c in claims["claim_id"]]
        return claims.assign(basis=basis), []
    if name == "sources":
        return _sources_frame(seeds, view.claim_filter.as_of), []
    raise UnknownTable(f"No data table called `{name}`.")


def _basis(record: object) -> str | None:
    """A claim's figure is reported, derived or assumed; a claim without a figure has no basis."""
    quantity = record.claim.quantity  # type: ignore[attr-defined]
    return None if quantity is None else str(quantity.basis)


def _sources_frame(seeds: SeedData, as_of: dt.date | None) -> pd.DataFrame:
    rows = []
    for source in sorted(seeds.sources.values(), key=lambda s: (s.available_from, s.id)):
        if as_of is not None and source.available_from > as_of:
            continue
        claim_ids = [r.claim.id for r in seeds.claims if r.source_id == source.id]
        rows.append(
            {
                "source_id": source.id,
                "published": source.published,
                "publisher": publisher_label(seeds, source.id),
                "title": source.title,
                "kind": source.kind,
                "origin": source.origin or source.publisher,
                "url": source.url,
                "confidence": source.confidence,
                "claims": len(claim_ids),
                "claim_ids": claim_ids,
            }
        )
    columns = [
        "source_id",
        "published",
        "publisher",
        "title",
        "kind",
        "origin",
        "url",
        "confidence",
        "claims",
        "claim_ids",
    ]
    return pd.DataFrame(rows, columns=columns)


def _day(value: object, default: dt.date) -> dt.date:
    """A date link value, or ``default`` when the link has none."""
    return value if isinstance(value, dt.date) else default
