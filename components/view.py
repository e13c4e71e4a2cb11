"""One view per page: what a page shows for a link, computed once and drawn everywhere.

``build_view(page, seeds, raw_params)`` reads a link (a dict of str or list of str) against the
page's declared parameters (``PageSpec.params``), fills the defaults, and calls the page's pure
``pages/<name>/view.py::view(seeds, claim_filter, params) -> PageView``. The page draws that
``PageView``; its slide in a briefing deck, its own PowerPoint/PDF/HTML, the slide preview and
the data API are the same ``PageView``, so screen and hand-outs cannot tell different stories.
Pure: no streamlit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from components.exports.tables import export_frame
from components.registry import BY_ID, COMMON, PageSpec
from components.state import LinkValues, link_pairs, read_link
from data.frames import ClaimFilter, latest_report_date
from data.load import SeedData

Params = Mapping[str, Any]
ViewFn = Callable[[SeedData, ClaimFilter, Params], "PageView"]


@dataclass(frozen=True)
class CardView:
    """A headline number: its value with the bound in words, the spread, basis and sources."""

    title: str
    value: str
    detail: str
    basis: str = "reported"
    origins: int = 0
    source_ids: tuple[str, ...] = ()
    conflict: bool = False
    help: str | None = None


@dataclass(frozen=True)
class ChartView:
    """A chart: its title (the takeaway, computed from the data), figure, sources and alt text.
    ``notes`` are lines shown with it on screen and on its slide (the zero rows, a US limit).
    ``slide_figure``: what a slide draws instead, where the page's figure has more rows than a
    1280 x 720 slide holds legibly (same title, fewer bars); ``slide_caption`` then names in words,
    bounds kept, what it leaves out, under the chart on the slide and in the deck."""

    key: str
    title: str
    figure: go.Figure
    source_ids: tuple[str, ...]
    alt: str
    notes: tuple[str, ...] = ()
    slide_figure: go.Figure | None = None
    slide_caption: str = ""

    @property
    def on_slide(self) -> go.Figure:
        """The figure a slide (meeting mode, the deck, the briefing preview) draws."""
        return self.slide_figure if self.slide_figure is not None else self.figure


@dataclass(frozen=True)
class TableView:
    """A table under a stable name: ``frame`` is what the page's "filtered" download writes
    (``human()`` gives it with people's column names and values), ``full`` the "all" one."""

    name: str
    frame: pd.DataFrame
    full: pd.DataFrame | None = None

    def human(self) -> pd.DataFrame:
        return export_frame(self.frame)


@dataclass(frozen=True)
class PageView:
    """What one page shows for one link: the first chart (or the cards) is its slide."""

    page_id: str
    title: str
    question: str
    as_of: dt.date
    params: Mapping[str, Any] = field(default_factory=dict)
    cards: tuple[CardView, ...] = ()
    charts: tuple[ChartView, ...] = ()
    tables: tuple[TableView, ...] = ()
    notices: tuple[str, ...] = ()
    empty: str = ""  # what to say when there is nothing to draw
    lead: str = "chart"  # "cards": the headline cards are the slide (the overview), even when none
    extras: Mapping[str, Any] = field(default_factory=dict)  # page-only results, cached with the view

    @property
    def slide_chart(self) -> ChartView | None:
        """The chart on this view's slide: none when the view leads with cards (they are the slide)."""
        return self.charts[0] if self.charts and self.lead != "cards" else None

    @property
    def slide_sources(self) -> tuple[str, ...]:
        """The sources behind the slide: its cards', else its chart's."""
        if self.lead == "cards":
            return tuple(dict.fromkeys(s for card in self.cards for s in card.source_ids))
        return self.slide_chart.source_ids if self.slide_chart is not None else ()

    def table(self, name: str) -> TableView | None:
        return next((t for t in self.tables if t.name == name), None)


_FIGURES: ContextVar[bool] = ContextVar("h200_view_figures", default=True)


def figures_wanted() -> bool:
    """False inside ``tables_only()``: a view may then leave its charts out. Building a Plotly
    figure (every property validated) is most of a view's cost, and the data API only sends tables."""
    return _FIGURES.get()


@contextlib.contextmanager
def tables_only() -> Iterator[None]:
    """Views built inside this block may have no charts (their tables are the same). Never cache
    or draw such a view: only the data API uses it."""
    token = _FIGURES.set(False)
    try:
        yield
    finally:
        _FIGURES.reset(token)


def view_date(claim_filter: ClaimFilter) -> dt.date:
    """The view's as-of date (``build_view`` always sets one; a bare filter means today)."""
    return claim_filter.as_of or dt.date.today()


def page_view(
    page: PageSpec | str,
    claim_filter: ClaimFilter,
    params: Params,
    *,
    cards: tuple[CardView, ...] = (),
    charts: tuple[ChartView, ...] = (),
    tables: tuple[TableView, ...] = (),
    notices: tuple[str, ...] = (),
    empty: str = "",
    lead: str = "chart",
    extras: Mapping[str, Any] | None = None,
) -> PageView:
    """A page's ``PageView`` with its header taken from the registry (id, title, question), the
    filter's as-of date and a copy of the params, so every view states them the same way and a
    page's ``view`` names only what it shows. A page with nothing to draw passes ``empty=`` (what
    its slide says instead)."""
    spec = spec_of(page)
    return PageView(
        spec.page_id,
        spec.title,
        spec.question,
        view_date(claim_filter),
        dict(params),
        cards=cards,
        charts=charts,
        tables=tables,
        notices=notices,
        empty=empty,
        lead=lead,
        extras=dict(extras or {}),
    )


# --------------------------------------------------------------------------- reading a link


def spec_of(page: PageSpec | str) -> PageSpec:
    if isinstance(page, PageSpec):
        return page
    if page not in BY_ID:
        raise KeyError(f"no page named {page!r}; pages: {', '.join(BY_ID)}")
    return BY_ID[page]


def date_bounds(seeds: SeedData, today: dt.date | None = None) -> tuple[dt.date, dt.date, dt.date]:
    """First report, latest report, and the last date a link may pin (today or a later report)."""
    now = today or dt.date.today()
    latest = latest_report_date(seeds) or now
    first = min((s.available_from for s in seeds.sources.values()), default=dt.date(2025, 1, 1))
    return first, latest, max(now, latest)


def claim_filter_of(values: Params, latest: dt.date) -> ClaimFilter:
    confidence = values.get("confidence") or "all"
    return ClaimFilter(
        as_of=values.get("as_of") or latest,
        exclude_low_confidence=confidence in ("no-low", "firm"),
        exclude_anonymous=confidence == "firm",
    )


def read_view_link(page: PageSpec | str, seeds: SeedData, raw: Mapping[str, object]) -> LinkValues:
    """The page's parameters from a link, every default filled, with a notice per dropped value.
    The as-of date and confidence are read first: the other options depend on them."""
    spec = spec_of(page)
    first, latest, last = date_bounds(seeds)
    common = read_link(COMMON, raw, seeds, ClaimFilter(as_of=latest), dates=(first, last))
    if common.values.get("as_of") is None:
        common.values["as_of"] = latest
    claim_filter = claim_filter_of(common.values, latest)
    rest = read_link(spec.link, raw, seeds, claim_filter, dates=(first, last))
    return LinkValues({**common.values, **rest.values}, [*common.notices, *rest.notices], common.given | rest.given)


def defaults(page: PageSpec | str, seeds: SeedData, as_of: dt.date, confidence: str = "all") -> dict[str, Any]:
    """Every parameter at its default for this date (what a link that names nothing shows)."""
    values = dict(read_view_link(page, seeds, {"as_of": as_of.isoformat(), "confidence": confidence}).values)
    return {**values, "confidence": "all"}  # the filter picks the options; its own default is all claims


def link_of(page: PageSpec | str, seeds: SeedData, values: Params, base: Params | None = None) -> dict[str, object]:
    """The link form of a view (ids, ISO dates; defaults left out; the as-of date always kept).
    ``base``: the defaults at the view's date, when the caller has them (``defaults``)."""
    spec = spec_of(page)
    as_of = values.get("as_of") or date_bounds(seeds)[1]
    if base is None:
        base = defaults(spec, seeds, as_of, str(values.get("confidence") or "all"))
    return link_pairs(spec.params, values, {**base, "as_of": None})


@cache
def view_function(page_id: str) -> ViewFn:
    """``pages/<page_id>/view.py::view`` (every page must have one: a test enforces it)."""
    module = importlib.import_module(BY_ID[page_id].view_module)
    function: ViewFn = module.view
    return function


def compute_view(page: PageSpec | str, seeds: SeedData, values: Params) -> PageView:
    """The page's view for parameters already read (``values`` from ``read_view_link``)."""
    spec = spec_of(page)
    latest = date_bounds(seeds)[1]
    return view_function(spec.page_id)(seeds, claim_filter_of(values, latest), values)


def build_view(page: PageSpec | str, seeds: SeedData, raw: Mapping[str, object]) -> PageView:
    """The one entry: a page (its ``PageSpec`` or id) and a link's raw parameters (``{name: str |
    [str, ...]}``, as a query string carries them) -> its ``PageView``, with a notice for every
    value that was dropped. Raises ``KeyError`` only for an unknown page; bad values never raise."""
    link = read_view_link(page, seeds, raw)
    view = compute_view(page, seeds, link.values)
    return with_notices(view, link.notices)


def with_notices(view: PageView, notices: Sequence[str]) -> PageView:
    if not notices:
        return view
    return PageView(**{**view.__dict__, "notices": (*notices, *view.notices)})


def frozen(values: Params) -> tuple:
    """A hashable key for a view's parameters (cache key)."""

    def freeze(value: object) -> object:
        if isinstance(value, Mapping):
            return tuple(sorted((k, freeze(v)) for k, v in value.items()))
        if isinstance(value, list | tuple):
            return tuple(freeze(v) for v in value)
        return value

    return tuple(sorted((k, freeze(v)) for k, v in values.items()))
