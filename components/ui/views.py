"""The Streamlit side of a page's view: its controls' values <-> its link, the cached
``PageView``, and drawing it (cards, charts with their notes, downloads).

Links carry short ids (``lanes=nvidia``) while a bound widget would write its label into the
address bar, so controls with options are not bound: a new link seeds them (``seed_from_link``)
and every run writes the view back into the address bar (``page_view``). Controls without a
label/id difference (the as-of date, search text, date range, tabs) stay bound by Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

from components.registry import PageSpec
from components.state import LinkParam, LinkValues
from components.ui.cache import load_data_with_fingerprint
from components.ui.charts import render_chart, render_kpi
from components.ui.context import PageContext
from components.ui.sources import md
from components.view import PageView, TableView, compute_view, defaults, frozen, link_of, read_view_link
from data.load import SeedData

_SEEN = "_link_seen"


def _raw(page: PageSpec, source: Mapping[str, object] | None = None) -> dict[str, list[str]]:
    if source is None:
        return {k: st.query_params.get_all(k) for k in st.query_params if page.owns(k)}
    return {
        k: [str(x) for x in v] if isinstance(v, list | tuple) else [str(v)] for k, v in source.items() if page.owns(k)
    }


def _seeded_key(page: PageSpec, raw: Mapping[str, list[str]]) -> tuple:
    """What of a link the unbound controls follow (bound ones Streamlit seeds itself)."""
    own = [p for p in page.params if p.widget and not p.bound]
    return frozen({k: v for k, v in raw.items() if any(p.names([k]) for p in own)})


def widget_form(param: LinkParam, value: Any) -> object:
    """A canonical value as its control holds it in session state."""
    if param.kind == "multi":
        return list(value or ())
    if param.kind == "dates":
        return tuple(value or ())
    if param.kind in ("number",) and value is not None:
        return int(value) if param.whole else float(value)
    return value


def seed_from_link(
    page: PageSpec, seeds: SeedData, source: Mapping[str, object] | None = None, fingerprint: str = ""
) -> list[str]:
    """If the link (or a briefing step's parameters, ``source``) is new for this page, set every
    unbound control from it (defaults where it names nothing); bound ones too for a step.
    Returns the notices for the values it dropped."""
    raw = _raw(page, source)
    key = _seeded_key(page, raw)
    seen: dict[str, tuple] = st.session_state.setdefault(_SEEN, {})
    if source is None and seen.get(page.page_id) == key:
        return []
    link = _read_cached(page.page_id, fingerprint or load_data_with_fingerprint()[1], frozen(raw), raw)
    for param in page.params:
        if not param.widget or (param.bound and source is None) or param.name == "as_of":
            continue
        value: Any = link.values.get(param.name)
        if param.kind == "numbers":
            for member, number in dict(value or {}).items():
                st.session_state[param.name + member] = int(number) if param.whole else float(number)
        elif value is not None or param.kind in ("choice",):
            st.session_state[param.name] = widget_form(param, value)
    seen[page.page_id] = key
    return link.notices


def _value(ctx: PageContext, param: LinkParam, base: Any) -> object:
    """A control's value from session state in canonical form (its default when absent)."""
    if param.kind == "numbers":
        family = dict(base or {})
        for member in list(family):
            if param.name + member in st.session_state:
                family[member] = st.session_state[param.name + member]
        return family
    if not param.widget:
        options = param.options(ctx.seeds, ctx.claim_filter) if param.options else {}
        picked = tuple(v for v in st.query_params.get_all(param.name) if v in options)
        return picked or base
    if param.name not in st.session_state:
        # A control bound to the link has no value until it is drawn; a view computed before
        # that (the first run of a shared link) reads it from the link, as the control will.
        if param.bound and param.name in st.query_params:
            raw = _raw(ctx.page)
            return _read_cached(ctx.page.page_id, ctx.fingerprint, frozen(raw), raw).values.get(param.name, base)
        return base
    value = st.session_state[param.name]
    if param.kind == "multi":
        return tuple(value or ())
    if param.kind == "dates":
        return tuple(value) if isinstance(value, tuple | list) and len(value) == 2 else ()
    if param.kind == "text":
        return value or ""
    return value


def view_params(ctx: PageContext) -> dict[str, Any]:
    """The page's view parameters, read from its controls (defaults filled)."""
    base = _defaults(ctx)
    values = {p.name: _value(ctx, p, base.get(p.name)) for p in ctx.page.params}
    values["as_of"] = ctx.as_of
    values["confidence"] = st.session_state.get("confidence") or "all"
    return values


def link_defaults(ctx: PageContext) -> dict[str, Any]:
    """Every parameter's default at the page's date and filter (cached per seed content)."""
    return _defaults(ctx)


def _defaults(ctx: PageContext) -> dict[str, Any]:
    return dict(
        _defaults_cached(ctx.page.page_id, ctx.fingerprint, ctx.as_of, str(st.session_state.get("confidence") or "all"))
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def _defaults_cached(page_id: str, fingerprint: str, as_of: dt.date, confidence: str) -> dict[str, Any]:
    del fingerprint
    return defaults(page_id, load_data_with_fingerprint()[0], as_of, confidence)


@st.cache_resource(show_spinner=False, max_entries=512)
def _read_cached(page_id: str, fingerprint: str, key: tuple, _raw: Mapping[str, list[str]]) -> LinkValues:
    del fingerprint, key
    return read_view_link(page_id, load_data_with_fingerprint()[0], _raw)


@st.cache_resource(show_spinner=False, max_entries=512)
def _view_cached(page_id: str, fingerprint: str, key: tuple, _values: dict[str, Any]) -> PageView:
    del fingerprint, key  # the cache key; the view is shared, read-only, by every session
    return compute_view(page_id, load_data_with_fingerprint()[0], _values)


def page_view(ctx: PageContext) -> PageView:
    """The view the controls ask for, computed once per (seed content, view parameters) for every
    session; the address bar is brought up to date with it (ids, defaults left out)."""
    values = view_params(ctx)
    write_link(ctx, values)
    view = _view_cached(ctx.page.page_id, ctx.fingerprint, frozen(values), values)
    ctx.views.append(view)
    return view


def write_link(ctx: PageContext, values: Mapping[str, Any]) -> None:
    """The unbound controls' values into the address bar (a bound one Streamlit writes itself)."""
    pairs = link_of(ctx.page, ctx.seeds, values, _defaults(ctx))
    owned = [p for p in ctx.page.params if p.widget and not p.bound]
    for key in [k for k in st.query_params if any(p.names([k]) for p in owned)]:
        if key not in pairs:
            del st.query_params[key]
    for key, value in pairs.items():
        if any(p.names([key]) for p in owned):
            text = [str(v) for v in value] if isinstance(value, list) else _text(value)
            if st.query_params.get_all(key) != (text if isinstance(text, list) else [text]):
                st.query_params[key] = text
    st.session_state.setdefault(_SEEN, {})[ctx.page.page_id] = _seeded_key(ctx.page, _raw(ctx.page))


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def render_cards(ctx: PageContext, view: PageView, per_row: int = 3) -> None:
    """The headline cards, three to a row."""
    rows = [st.columns(per_row) for _ in range((len(view.cards) + per_row - 1) // per_row)]
    for index, card in enumerate(view.cards):
        render_kpi(
            rows[index // per_row][index % per_row],
            ctx=ctx,
            title=card.title,
            value=card.value,
            detail=card.detail,
            basis=card.basis,
            origins=card.origins,
            source_ids=list(card.source_ids),
            conflict=card.conflict,
            help_text=None if ctx.present else card.help,
        )


def render_view_chart(ctx: PageContext, view: PageView, index: int = 0, **kwargs: Any) -> object:
    """Chart ``index`` of the view with its alt text, sources and notes (the slide's lines)."""
    chart = view.charts[index]
    slide = ctx.present and not ctx.rendered  # the slide: its own version of the chart, if it has one
    figure = chart.on_slide if slide else chart.figure
    event = render_chart(figure, ctx=ctx, key=chart.key, alt=chart.alt, source_ids=chart.source_ids, **kwargs)
    for note in (*chart.notes, *([chart.slide_caption] if slide and chart.slide_caption else [])):
        st.caption(md(note))
    return event


def table_frames(table: TableView | None) -> tuple[Any, Any]:
    """(everything, what the filters show) for a table's downloads."""
    if table is None:
        raise KeyError("the view has no such table")
    return (table.full, table.frame) if table.full is not None else (table.frame, None)
