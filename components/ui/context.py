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
    views: list = field(default_factory=list)  # the PageViews drawn (components.view), for the exports


def is_presenting() -> bool:
    """Meeting mode: ``?present=1`` in the link, or the app embedded in another page."""
    try:
        embedded = bool(st.context.is_embedded)
    except AttributeError:
        embedded = False
    return embedded or st.query_params.get("present") == "1"


# Meeting mode is a slide: no chrome, the main column is one viewport tall and the slide's chart
# (``.st-key-slide-chart``) takes whatever height the step bar, status and source line leave.
# Headline numbers get *larger* than in normal mode (36 px there): the ``p`` inside the metric
# value must be named, or the body-text rule below would win and shrink it.
PRESENT_CSS = """<style>
/* A headline value wraps rather than ending in "…" ("more than 400k" must stay whole). */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stSidebar"] { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container {
  padding: 0.5rem 1.5rem 0.25rem !important; max-width: 100vw !important;
  height: 100vh; box-sizing: border-box; display: flex; flex-direction: column; }
[data-testid="stMainBlockContainer"] > div { flex: 1 1 auto; min-height: 0; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
html, body, [data-testid="stMarkdownContainer"] p { font-size: clamp(17px, 1.25vw, 24px) !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: clamp(14px, 0.95vw, 18px) !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p {
  font-size: clamp(2.6rem, 3.6vw, 4.6rem) !important; line-height: 1.1 !important; }
[data-testid="stMetricLabel"] p { font-size: clamp(17px, 1.2vw, 24px) !important; }
[data-testid="stMainBlockContainer"] div:has(.st-key-slide-chart) { flex: 1 1 0; min-height: 0; display: flex; flex-direction: column; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] > :not(:has(.st-key-slide-chart)):not(.st-key-slide-chart) { flex-shrink: 0; }
.st-key-slide-chart { flex: 1 1 0 !important; min-height: 220px; overflow: hidden; }
.st-key-slide-chart > * { flex: 1 1 0; min-height: 0; overflow: hidden; }
.st-key-slide-chart .stPlotlyChart, .st-key-slide-chart [data-testid="stPlotlyChart"] { height: 100% !important; }
.st-key-briefing-bar [data-testid="stMarkdownContainer"] p { margin: 0; }
[data-testid="stMain"] [data-testid="stCaptionContainer"], [data-testid="stMain"] [data-testid="stMarkdownContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"] p, [data-testid="stMain"] [data-testid="stMarkdownContainer"] p { margin-bottom: 0 !important; }
/* What a page draws before its slide's chart ends but is not part of the slide (the scenario's inputs). */
.st-key-off-slide { display: none !important; }
/* The page's controls still run (their values come from the step's link) but are not shown. */
[data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stWidgetLabel"]),
[data-testid="stMain"] [data-testid="stHorizontalBlock"]:not(:has(.st-key-briefing-prev)):has([data-testid="stWidgetLabel"]) { display: none !important; }
</style>"""

# Phone width: chart titles are SVG text and cannot wrap, so there the chart's own title is hidden
# and the same words are shown above it as text that wraps (``render_phone_title``).
NARROW_SCREEN_CSS = """<style>
/* A headline value wraps rather than ending in "…" ("more than 400k" must stay whole). */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[class*="st-key-phone-title-"] { display: none !important; }
@media (max-width: 700px) {
  [class*="st-key-phone-title-"] { display: flex !important; gap: 0.1rem; position: relative; z-index: 1; }
  .stPlotlyChart .gtitle { display: none !important; }
  /* the hidden title's room at the chart's top (60 of its 84 px) goes under the text title instead */
  div:has(> [class*="st-key-phone-title-"]) { position: relative; z-index: 1; }
  div:has(> [class*="st-key-phone-title-"]) + [data-testid="stElementContainer"] .stPlotlyChart { margin-top: -60px; }
  .stPlotlyChart .ytick text { font-size: 10px !important; }
}
</style>"""
