"""Tables in people's words: labelled columns and values, '—' for missing, dates as '26 Jan 2026'."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st

from components.labels import column_label, fmt_date, human_frame, standalone
from components.ui.sources import DOMAIN
from data.load import SeedData

DATE_FORMAT = "D MMM YYYY"  # 26 Jan 2026: never "Jan 26"


def show_table(
    frame: pd.DataFrame,
    columns: Iterable[str],
    *,
    key: str,
    wide: Iterable[str] = ("summary",),
    headings: Mapping[str, str] | None = None,
    helps: Mapping[str, str] | None = None,
    height: int | str = "auto",
    on_select: str = "ignore",
) -> object:
    """``frame[columns]`` with human headings (``headings`` overrides the labels module) and values."""
    names = list(columns)
    table = human_frame(frame, names)
    for name in names:  # a date column with gaps: Streamlit would print "None" in them
        if pd.api.types.is_datetime64_any_dtype(frame[name]) and frame[name].isna().any():
            table[column_label(name)] = frame[name].map(fmt_date)
    rename = {column_label(n): headings[n] for n in names if headings and n in headings}
    table = table.rename(columns=rename)
    config: dict[str, object] = {}
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
    return st.dataframe(
        table,
        hide_index=True,
        key=key,
        column_config=config,
        height=height,
        on_select=on_select,
        selection_mode="single-row",
    )


def with_standalone_text(frame: pd.DataFrame, seeds: SeedData) -> pd.DataFrame:
    """``frame`` with each ``summary`` readable on its own (see ``components.labels.standalone``)."""
    titles = {source_id: source.title for source_id, source in seeds.sources.items()}
    return frame.assign(
        summary=[standalone(s, titles.get(i, "")) for s, i in zip(frame["summary"], frame["source_id"], strict=True)]
    )
