"""The tables behind each page's view, for the data API and the feed: ONE function, ``page_tables``.

Why one place: the API must return what the page's "filtered" CSV download gives for the same
link, so this module calls the same helpers each page calls for its downloads (and the same
parameter rules as the page's link). When the one-view declaration (``build_view``) lands, only
``page_tables`` changes. The seeds the server reads come from ``server.seed_cache``.

No streamlit runtime is needed: nothing here reads session state or renders anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from components.labels import KINDS, label
from components.registry import BY_ID, COMMON_PARAMS, PageSpec
from components.state import CONFIDENCE_OPTIONS, ParamSpec, parse_choice, parse_date, parse_number, read_params
from data.changes import LEARNED, STORY, changes_for, story_default_window
from data.frames import (
    ClaimFilter,
    build_approvals_frame,
    build_buyer_quantities_frame,
    build_chips_frame,
    build_claims_frame,
    build_estimates_frame,
    build_events_frame,
    build_supply_demand_frame,
    latest_report_date,
)
from data.load import SeedData
from data.vocabulary import LANES, SPEC_METRICS

# Parameters a page link may carry that say how to show the page, not which data: ignored here.
DISPLAY_PARAMS = ("present", "embed", "embed_options", "briefing", "step", "tab", "conflict", "picked", "table")
# Read by the sign-in gate (server/gate.py), never by the tables; dropped before anything else.
ACCESS_PARAMS = ("token",)
TIMELINE_SINCE = pd.Timestamp("2025-11-01")
EARLIEST = dt.date(2024, 1, 1)  # What's new in story mode may start before the tracker's history
TIMELINE_WINDOWS = ("Since Nov 2025", "All dates")
MODE_LABELS = {"What the story did": STORY, "What the tracker learned": LEARNED, STORY: STORY, LEARNED: LEARNED}


class UnknownTable(LookupError):
    """A page or table name the API does not serve (answered with 404)."""


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class View:
    """A page's view as its link states it: the claim filter plus the page's own values."""

    claim_filter: ClaimFilter
    values: dict[str, object]


def _date_limits(seeds: SeedData, today: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    latest = latest_report_date(seeds) or today
    first = min((s.available_from for s in seeds.sources.values()), default=dt.date(2025, 1, 1))
    return first, latest, max(today, latest)


def _flag(text: str) -> bool:
    if text not in ("true", "false", "1", "0"):
        raise ValueError("not true or false")
    return text in ("true", "1")


_choices: list[tuple[SeedData, list[str], list[str]]] = []


def _choice_lists(seeds: SeedData) -> tuple[list[str], list[str]]:
    """Buyer names and kind labels, computed once per loaded seeds (one slot: the newest)."""
    for held, buyers, kinds in _choices:
        if held is seeds:
            return buyers, kinds
    buyers = [o.name for o in seeds.organisations.values() if o.kind in ("buyer", "distributor")]
    kinds = sorted({label(r.claim.kind, KINDS) for r in seeds.claims})
    _choices[:] = [(seeds, buyers, kinds)]
    return buyers, kinds


def _page_specs(page: PageSpec, seeds: SeedData, low: dt.date, high: dt.date) -> list[ParamSpec]:
    """What each of the page's own link parameters may hold (as the page's widgets accept them)."""
    buyers, kinds = _choice_lists(seeds)
    dates = ParamSpec("dates", lambda t: parse_date(t, low=dt.date(2024, 1, 1), high=high), multi=True)
    specs: dict[str, list[ParamSpec]] = {
        "buyers": [ParamSpec("buyers", parse_choice(buyers), multi=True), ParamSpec("split", _flag)],
        "supply_demand": [ParamSpec("every", _flag)],
        "timeline": [
            ParamSpec("window", parse_choice(TIMELINE_WINDOWS)),
            ParamSpec("lanes", parse_choice(list(LANES.values())), multi=True),
            ParamSpec("kinds", parse_choice(kinds), multi=True),
            dates,
            ParamSpec("q", str),
        ],
        "chips": [ParamSpec("metric", parse_choice([m.label for m in SPEC_METRICS]))],
        "sources": [ParamSpec("q", str)],
        "briefing": [ParamSpec("pick", str)],
        "whats_new": [
            ParamSpec("mode", parse_choice(list(MODE_LABELS))),
            *(ParamSpec(n, lambda t: parse_date(t, low=min(low, EARLIEST), high=high)) for n in ("since", "until")),
        ],
    }
    return specs.get(page.page_id, [])


def _plain_problem(notice: str) -> str:
    """The link notice ("Ignored `x=1` from the link (why); showing ...") as an API answer."""
    match = re.match(r"Ignored (`.*`) from the link \((.*)\); showing", notice)
    return f"Cannot use {match.group(1)}: {match.group(2)}." if match else notice


def read_view(
    page: PageSpec, seeds: SeedData, raw: Mapping[str, Sequence[str]], today: dt.date | None = None
) -> tuple[View, list[str]]:
    """The view a link describes, and one plain problem per parameter that cannot be used.

    Unlike the page (which falls back to a default with a notice), the API refuses a link with
    a problem, so the caller gets a 400 instead of data for a view it did not ask for.
    """
    today = today or dt.date.today()
    first, latest, last = _date_limits(seeds, today)
    specs = [
        ParamSpec("as_of", lambda t: parse_date(t, low=first, high=last)),
        ParamSpec("confidence", parse_choice(list(CONFIDENCE_OPTIONS.values()))),
        *_page_specs(page, seeds, first, last),
    ]
    prefixed = [
        ParamSpec(name, parse_number(0, 100) if name.startswith("share_") else parse_number(-1e12, 1e12))
        for name in raw
        if any(name.startswith(p) for p in page.param_prefixes)
    ]
    parsed = read_params(raw, [*specs, *prefixed])
    known = {s.name for s in specs} | {s.name for s in prefixed} | set(DISPLAY_PARAMS)
    problems = [_plain_problem(n) for n in parsed.notices]
    problems += [f"Unknown parameter `{name}` for {page.title}." for name in raw if name not in known]
    values = parsed.values
    as_of = values.get("as_of", latest)
    codes = {text: code for code, text in CONFIDENCE_OPTIONS.items()}
    confidence = codes.get(str(values.get("confidence", CONFIDENCE_OPTIONS["all"])), "all")
    claim_filter = ClaimFilter(
        as_of=as_of,  # type: ignore[arg-type]
        exclude_low_confidence=confidence in ("no-low", "firm"),
        exclude_anonymous=confidence == "firm",
    )
    return View(claim_filter, {k: v for k, v in values.items() if k not in COMMON_PARAMS}), problems


# --------------------------------------------------------------------------- the tables per page


def _with_columns(shown: pd.DataFrame, full: pd.DataFrame) -> pd.DataFrame:
    """The filtered rows with exactly the full table's columns, as the page's filtered download."""
    return shown[list(full.columns)]


def _overview(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    from pages.overview.helpers import headline_cards

    estimates = build_estimates_frame(seeds, view.claim_filter)
    kpis = headline_cards(seeds, view.claim_filter)
    return {"overview": _with_columns(kpis, estimates) if not kpis.empty else estimates, "overview-all": estimates}


def _buyers(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    from data.frames import build_buyers_frame

    quantities = build_buyer_quantities_frame(seeds, view.claim_filter)
    buyers = build_buyers_frame(seeds, view.claim_filter)
    claims = build_claims_frame(seeds, view.claim_filter)
    named = {actor for actors in claims["actors"] for actor in actors}
    active = [b for b in buyers["organisation_id"] if b in set(quantities["organisation_id"]) or b in named]
    shown = quantities[quantities["organisation_id"].isin(active) | quantities["is_group"]]
    return {"buyers": _with_columns(shown, quantities), "buyers-all": quantities}


def _approvals(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    claims = build_claims_frame(seeds, view.claim_filter)
    conditions = claims[(claims["kind"] == "condition") & claims["side"].isin(["US", "China"])]
    return {"approvals": build_approvals_frame(seeds, view.claim_filter), "conditions": conditions}


def _supply_demand(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    from pages.supply_demand.helpers import figures_chart

    full = build_supply_demand_frame(seeds, view.claim_filter)
    _, figures = figures_chart(seeds, view.claim_filter, bool(view.values.get("every", False)))
    return {"supply-demand": _with_columns(figures, full), "supply-demand-all": full}


def _timeline(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    """The page's filters, in the page's order (pages/timeline/page.py)."""
    from components.ui.tables import with_standalone_text

    events = with_standalone_text(build_events_frame(seeds, view.claim_filter), seeds)
    lane_ids = {name: lane for lane, name in LANES.items()}
    kind_ids = {label(kind, KINDS): kind for kind in events["kind"].dropna().unique()}
    lanes = [lane_ids[n] for n in _strings(view.values.get("lanes", []))]
    kinds = [kind_ids[n] for n in _strings(view.values.get("kinds", [])) if n in kind_ids]
    query = str(view.values.get("q", "") or "")
    shown = events[events["date"] <= pd.Timestamp(view.claim_filter.as_of)]
    if lanes:
        shown = shown[shown["lane"].isin(lanes)]
    if kinds:
        shown = shown[shown["kind"].isin(kinds)]
    if query:
        text = shown["summary"] + " " + shown["publisher"] + " " + shown["actors"].map(" ".join)
        shown = shown[text.str.contains(query, case=False, regex=False)]
    if view.values.get("window", TIMELINE_WINDOWS[0]) != "All dates":
        shown = shown[shown["date"] >= TIMELINE_SINCE]
    dates = view.values.get("dates", [])
    if isinstance(dates, list) and len(dates) == 2:
        shown = shown[(shown["date"] >= pd.Timestamp(dates[0])) & (shown["date"] <= pd.Timestamp(dates[1]))]
    return {"timeline": _with_columns(shown, events), "timeline-all": events}


def _chips(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    chips = build_chips_frame(seeds, view.claim_filter)
    by_label = {m.label: m.id for m in SPEC_METRICS}
    metric = by_label.get(str(view.values.get("metric", "")), "bandwidth_tb_s")
    return {"chips": _with_columns(chips[chips["metric"] == metric], chips), "chips-all": chips}


def _sources(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    from pages.sources.helpers import readable_claims, search_claims

    claims = readable_claims(seeds, view.claim_filter)
    shown = search_claims(claims, str(view.values.get("q", "") or "") or None)
    reports = _sources_frame(seeds, view.claim_filter.as_of)
    return {"claims": _with_columns(shown, claims), "claims-all": claims, "sources": reports}


def _whats_new(seeds: SeedData, view: View) -> dict[str, pd.DataFrame]:
    as_of = view.claim_filter.as_of or dt.date.today()
    mode = MODE_LABELS[str(view.values.get("mode", STORY))]
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


BUILDERS: dict[str, Callable[[SeedData, View], dict[str, pd.DataFrame]]] = {
    "overview": _overview,
    "buyers": _buyers,
    "approvals": _approvals,
    "supply_demand": _supply_demand,
    "timeline": _timeline,
    "chips": _chips,
    "sources": _sources,
    "whats_new": _whats_new,
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
    return BUILDERS[page_id](seeds, view), []


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
    view, problems = read_view(BY_ID["sources"], seeds, {k: v for k, v in raw_params.items() if k in COMMON_PARAMS})
    problems += [f"Unknown parameter `{k}` for the {name} table." for k in raw_params if k not in COMMON_PARAMS]
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
                "publisher": source.publisher,
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


def _strings(value: object) -> list[str]:
    """A list link value as the strings it holds (the link rules already checked its kind)."""
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _day(value: object, default: dt.date) -> dt.date:
    """A date link value, or ``default`` when the link has none."""
    return value if isinstance(value, dt.date) else default
