"""What every page carries after the shared controls have run, and whether we are presenting.

The bottom of the ``ui`` package: it imports nothing else from it, so every other module can.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import plotly.graph_objects as go
import streamlit as st

from components.registry import PageSpec
from data.frames import ClaimFilter
from data.load import SeedData


@dataclass(frozen=True)
class Kpi:
    """One headline number as shown on a card, kept for the exports."""

    title: str
    value: str
    detail: str


@dataclass(frozen=True)
class PageContext:
    """The page, the data, the chosen filter, and what the page has drawn so far (for exports)."""

    page: PageSpec
    seeds: SeedData
    claim_filter: ClaimFilter
    as_of: dt.date
    latest_report: dt.date
    present: bool
    fingerprint: str = ""
    rendered: list[tuple[str, go.Figure, list[str]]] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)


def is_presenting() -> bool:
    """Meeting mode: ``?present=1`` in the link, or the app embedded in another page."""
    try:
        embedded = bool(st.context.is_embedded)
    except AttributeError:
        embedded = False
    return embedded or st.query_params.get("present") == "1"


PRESENT_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stSidebar"] { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding-top: 1.2rem !important; max-width: 96vw !important; }
html, body, [data-testid="stMarkdownContainer"] p { font-size: 21px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 3.2rem !important; }
</style>"""
