"""Overview helpers: the headline picks and the range chart, built once per filter and seed
content (``ui.memo``) since picking headlines and building the figure dominate the page's CPU; the
KPI cards' wording; and which events count as news."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.figures import plot_range_bars
from components.format import bar_words, counted, plain
from components.glossary import GLOSSARY
from components.labels import BASES, label
from data.frames import ClaimFilter, build_estimates_frame, build_events_frame
from data.headlines import CHART_KEYS, KPI_KEYS, deliveries_by_buyer, pick_headlines
from data.load import SeedData

# Reference pages (spec sheets, encyclopedia and wiki entries, catalogues) are not news.
_REFERENCE = re.compile(
    r"encyclopedia|wiki|spec(s|ification)?\b|datasheet|catalogue|benchmarks|hardware page|product page", re.IGNORECASE
)
REFERENCE_KINDS = frozenset({"spec"})


def kpi_detail(n_reports: int, spread: str, conflict: bool = False) -> str:
    """'1 report: 700,000' or '3 reports range 300,000–900,000+'; reports that disagree never "agree"."""
    if conflict and n_reports > 1:
        return f"Strongest report; {n_reports} reports disagree (widest reading: {spread})"
    if n_reports == 1:
        return f"Strongest report; 1 report: {spread}"
    if not any(mark in spread for mark in ("–", "+", "≥")):
        return f"Strongest report; {n_reports} reports agree: {spread}"
    return f"Strongest report; {n_reports} reports range {spread}"


def kpi_help(title: str) -> str | None:
    """A glossary note for the headline numbers that lean on a term."""
    lowered = title.lower()
    if "cap" in lowered:
        return GLOSSARY["US cap per customer"]
    if "cleared" in lowered:
        return GLOSSARY["Export licence (US)"]
    if "approved" in lowered or "batch" in lowered:
        return GLOSSARY["Import approval (China)"]
    return None


def is_reference(seeds: SeedData, source_id: str) -> bool:
    """A source that is a reference page rather than a report of something that happened."""
    source = seeds.sources.get(source_id)
    if source is None:
        return False
    return bool(_REFERENCE.search(f"{source.publisher} {source.title}"))


def news_events(events: pd.DataFrame, seeds: SeedData, as_of: dt.date) -> pd.DataFrame:
    """Events up to ``as_of`` that are news (no spec sheets or encyclopedia pages), newest event
    first, ties by the newer report (ordered by report, the dates read 28, 27, 27, 23, 24 Sep)."""
    shown = events[events["date"] <= pd.Timestamp(as_of)]
    shown = shown[~shown["kind"].isin(REFERENCE_KINDS)]
    # astype(bool): mapping an empty column gives an object Series, which pandas would read as a
    # list of column names (an as-of date before the first event emptied the frame's columns)
    shown = shown[~shown["source_id"].map(lambda s: is_reference(seeds, s)).astype(bool)]
    # an undated page counts from the day it was read, which is not when anything happened
    shown = shown[~shown["source_id"].map(lambda s: s in seeds.sources and seeds.sources[s].undated).astype(bool)]
    # a date set ahead of its report was a plan when told ("a launch in Q4 2026", reported a year
    # before): it is news only once its whole period has passed by the as-of date
    planned = shown["date"] > shown["reported"]
    shown = shown[~planned | (_period_ends(shown) <= pd.Timestamp(as_of))]
    return shown.sort_values(["date", "reported"], ascending=False, kind="stable")


_PERIOD_END = {
    "week": pd.offsets.Day(6),
    "month": pd.offsets.MonthEnd(0),
    "quarter": pd.offsets.QuarterEnd(0),
    "year": pd.offsets.YearEnd(0),
}


def _period_ends(events: pd.DataFrame) -> pd.Series:
    """The last day each event's date can mean: a quarter's date is its first day, its end the last."""
    precision = events["date_precision"] if "date_precision" in events else pd.Series("day", index=events.index)
    dates = pd.to_datetime(events["date"])
    return pd.Series(
        [d + _PERIOD_END[p] if p in _PERIOD_END else d for d, p in zip(dates, precision, strict=True)],
        index=events.index,
        dtype="datetime64[ns]",
    )


def org_names(seeds: SeedData) -> dict[str, str]:
    return {o.id: o.name for o in seeds.organisations.values()}


def headline_cards(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    """The KPI rows (reported figures only), each with a note giving the newest reading's date
    for counts that change over time (and the per-firm deliveries)."""
    estimates = build_estimates_frame(seeds, claim_filter)
    cards = pick_headlines(estimates, KPI_KEYS)
    if not cards.empty:
        names = org_names(seeds)
        cards["note"] = [takeaways.reading_note(row, estimates, names) for row in cards.to_dict("records")]
    return cards


def headline_chart(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    """The range chart of the headline figures, and the sources behind it."""
    estimates = build_estimates_frame(seeds, claim_filter)
    rows = pick_headlines(estimates, CHART_KEYS)
    by_buyer = deliveries_by_buyer(estimates, org_names(seeds))
    if not by_buyer.empty:  # the title names them: the chart draws them, beside the market-wide reading
        rows = pd.concat([rows, by_buyer], ignore_index=True)
    if not rows.empty:
        rows["hover"] = [
            f"<b>{plain(r['title'])}</b><br>{' '.join(filter(None, bar_words(r)))}, {label(r['basis'], BASES).lower()}<br>{counted(int(r['independent_origins']), 'independent origin')}"
            for r in rows.to_dict("records")
        ]
        rows["label"] = rows["label"].astype(str)
    figure = plot_range_bars(
        rows if not rows.empty else pd.DataFrame(columns=["label"]),
        title=takeaways.overview_title(estimates, org_names(seeds)),
        subtitle="Reconciled reading of every report per figure; whiskers = the range across reports",
    )
    return figure, [s for ids in rows.get("source_ids", []) for s in ids]


def latest_news(seeds: SeedData, claim_filter: ClaimFilter, count: int) -> pd.DataFrame:
    """The ``count`` latest news events by event date (no reference pages), built once per filter
    and seed content."""
    events = build_events_frame(seeds, claim_filter)
    as_of = claim_filter.as_of or dt.date.today()
    return news_events(events, seeds, as_of).head(count)
