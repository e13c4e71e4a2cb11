"""Overview helpers: the KPI cards' wording and which events count as news."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from components.glossary import GLOSSARY
from data.load import SeedData

# Reference pages (spec sheets, encyclopedia and wiki entries, catalogues) are not news.
_REFERENCE = re.compile(
    r"encyclopedia|wiki|spec(s|ification)?\b|datasheet|catalogue|benchmarks|hardware page|product page", re.IGNORECASE
)
REFERENCE_KINDS = frozenset({"spec"})


def kpi_detail(n_reports: int, spread: str) -> str:
    """'1 report: 700,000' or '3 reports range 300,000–900,000+'."""
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
    """Events up to ``as_of`` that are news (no spec sheets or encyclopedia pages), newest report first."""
    shown = events[events["date"] <= pd.Timestamp(as_of)]
    shown = shown[~shown["kind"].isin(REFERENCE_KINDS)]
    shown = shown[~shown["source_id"].map(lambda s: is_reference(seeds, s))]
    return shown.sort_values(["reported", "date"], ascending=False)
