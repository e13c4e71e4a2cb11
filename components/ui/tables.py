"""Tables that send what is on screen: a bounded page of rows, with the page picked on the server.

A table of every claim grows with the archive; ``st.dataframe`` ships every row to the browser on
every load. ``render_paged_table`` sends one page (``rows_per_page``) and a page selector instead;
"show all" stays available through the page's downloads.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st


def render_paged_table(
    frame: pd.DataFrame,
    *,
    key: str,
    rows_per_page: int = 50,
    column_config: dict | None = None,
    height: int | str = "auto",
) -> None:
    """One page of ``frame`` (server-side paging), with a page picker when there is more than one."""
    pages = max(1, math.ceil(len(frame) / rows_per_page))
    page = 1
    if pages > 1:
        left, right = st.columns([1, 5], vertical_alignment="center")
        page = int(
            left.number_input(
                "Page", min_value=1, max_value=pages, value=1, step=1, key=f"{key}-page", label_visibility="collapsed"
            )
        )
        start = (page - 1) * rows_per_page
        right.caption(
            f"Rows {start + 1}–{min(start + rows_per_page, len(frame))} of {len(frame)} (page {page} of {pages})"
        )
    start = (page - 1) * rows_per_page
    st.dataframe(
        frame.iloc[start : start + rows_per_page],
        hide_index=True,
        key=key,
        column_config=column_config,
        height=height,
    )
