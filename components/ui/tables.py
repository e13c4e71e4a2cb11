"""Tables in people's words (labelled columns and values, '—' for missing, dates as '26 Jan 2026'),
sending what is on screen: a bounded page of rows, with the page picked on the server.

A table of every claim grows with the archive; ``st.dataframe`` ships every row to the browser on
every load, so long tables send one page (``rows_per_page``) and a page picker instead; "show all"
stays available through the page's downloads.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import pandas as pd
import streamlit as st

from components.labels import column_label, fmt_date, human_frame, standalone
from components.ui.cache import per_object
from components.ui.sources import DOMAIN
from data.load import SeedData

Height = int | Literal["auto", "stretch", "content"]

DATE_FORMAT = "D MMM YYYY"  # 26 Jan 2026: never "Jan 26"


def show_table(
    frame: pd.DataFrame,
    columns: Iterable[str],
    *,
    key: str,
    wide: Iterable[str] = ("summary",),
    headings: Mapping[str, str] | None = None,
    helps: Mapping[str, str] | None = None,
    height: Height = "auto",
    on_select: Literal["ignore", "rerun"] = "ignore",
    rows_per_page: int = 50,
) -> object:
    """``frame[columns]`` with human headings (``headings`` overrides the labels module) and values;
    one page of ``rows_per_page`` rows at a time, picked on the server."""
    names = list(columns)
    start, stop = page_bounds(frame, key=key, rows_per_page=rows_per_page)
    frozen_headings = tuple(sorted((headings or {}).items()))
    table = per_object(_labelled, (frame,), start, stop, tuple(names), frozen_headings)
    frame = frame.iloc[start:stop]
    config: dict[str, Any] = {}
    for name in names:
        heading = (headings or {}).get(name, column_label(name))
        helptext = (helps or {}).get(name)
        if name == "url":
            config[heading] = st.column_config.LinkColumn(heading, display_text=DOMAIN, help=helptext)
        elif pd.api.types.is_datetime64_any_dtype(frame[name]) and not frame[name].isna().any():
            config[heading] = st.column_config.DateColumn(heading, format=DATE_FORMAT, help=helptext)
        elif name in wide:
            config[heading] = st.column_config.TextColumn(heading, width="large", help=helptext)
        elif helptext:
            config[heading] = st.column_config.Column(heading, help=helptext)
    if on_select == "rerun":  # Streamlit types the two modes as separate overloads
        return st.dataframe(
            table,
            hide_index=True,
            key=key,
            column_config=config,
            height=height,
            on_select="rerun",
            selection_mode="single-row",
        )
    return st.dataframe(table, hide_index=True, key=key, column_config=config, height=height)


def _labelled(frame: pd.DataFrame, start: int, stop: int, names: tuple[str, ...], headings: tuple) -> pd.DataFrame:
    """Rows ``start:stop`` of ``frame`` as the table shows them (labels, '—', human headings);
    built once per shared frame and page (``per_object``): relabelling was most of a table's cost."""
    rows = frame.iloc[start:stop]
    table = human_frame(rows, names)
    for name in names:  # a date column with gaps: Streamlit would print "None" in them
        if pd.api.types.is_datetime64_any_dtype(rows[name]) and rows[name].isna().any():
            table[column_label(name)] = rows[name].map(fmt_date)
    chosen = dict(headings)
    return table.rename(columns={column_label(n): chosen[n] for n in names if n in chosen})


def with_standalone_text(frame: pd.DataFrame, seeds: SeedData) -> pd.DataFrame:
    """``frame`` with each ``summary`` readable on its own (see ``components.labels.standalone``)."""
    titles = {source_id: source.title for source_id, source in seeds.sources.items()}
    return frame.assign(
        summary=[standalone(s, titles.get(i, "")) for s, i in zip(frame["summary"], frame["source_id"], strict=True)]
    )


def readable_newest_first(frame: pd.DataFrame, seeds: SeedData) -> pd.DataFrame:
    """Claims with readable summaries, newest first (what the claim tables show)."""
    return with_standalone_text(frame, seeds).sort_values("date", ascending=False)


def rows_where(frame: pd.DataFrame, column: str, value: object) -> pd.DataFrame:
    """The rows whose ``column`` equals ``value`` (cached through ``per_object`` by the pages)."""
    return frame[frame[column] == value]


def page_slice(frame: pd.DataFrame, *, key: str, rows_per_page: int) -> pd.DataFrame:
    """The rows of the page picked on the server (a page picker shows when there is more than one)."""
    start, stop = page_bounds(frame, key=key, rows_per_page=rows_per_page)
    return frame if (start, stop) == (0, len(frame)) else frame.iloc[start:stop]


def page_bounds(frame: pd.DataFrame, *, key: str, rows_per_page: int) -> tuple[int, int]:
    """(first row, row after the last) of the page picked on the server; draws the page picker
    when there is more than one page."""
    pages = max(1, math.ceil(len(frame) / rows_per_page))
    if pages == 1:
        return 0, len(frame)
    left, right = st.columns([1, 5], vertical_alignment="center")
    page = int(
        left.number_input(
            "Page", min_value=1, max_value=pages, value=1, step=1, key=f"{key}-page", label_visibility="collapsed"
        )
    )
    start = (page - 1) * rows_per_page
    right.caption(f"Rows {start + 1}–{min(start + rows_per_page, len(frame))} of {len(frame)} (page {page} of {pages})")
    return start, min(start + rows_per_page, len(frame))


def render_paged_table(
    frame: pd.DataFrame,
    *,
    key: str,
    rows_per_page: int = 50,
    column_config: dict | None = None,
    height: Height = "auto",
) -> None:
    """One page of ``frame`` (server-side paging), as it stands (no relabelling)."""
    st.dataframe(
        page_slice(frame, key=key, rows_per_page=rows_per_page),
        hide_index=True,
        key=key,
        column_config=column_config,
        height=height,
    )
