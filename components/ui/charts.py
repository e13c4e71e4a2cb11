"""A chart with its modebar settings, alt text, SVG download and source footer; a KPI card."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.format import fmt_range
from components.theme import plotly_config
from components.ui.context import Kpi, PageContext
from components.ui.sources import render_source_footer, sources_markdown, sources_table

BASIS_BADGES = {"reported": "reported", "derived": "derived from wording", "assumption": "assumption"}


def render_chart(
    fig: go.Figure,
    *,
    ctx: PageContext,
    key: str,
    alt: str,
    source_ids: Iterable[str],
    on_select: str = "ignore",
    selection_mode: tuple[str, ...] | str = ("points",),
) -> object:
    """Draw ``fig``; list exactly the sources behind it underneath."""
    if ctx.present:
        fig = go.Figure(fig).update_layout(
            font={"size": 18}, title_font={"size": 28}, height=max(fig.layout.height or 450, 620)
        )
    event = st.plotly_chart(
        fig,
        key=key,
        theme=None,
        width="stretch",
        on_select=on_select,
        selection_mode=selection_mode,
        config=plotly_config(f"h200-{key}", present=ctx.present),
        alt=alt,
    )
    ids = list(dict.fromkeys(source_ids))
    ctx.rendered.append((key, fig, ids))
    if not ctx.present:
        st.download_button(
            "SVG",
            data=lambda: fig.to_image(format="svg", width=1600, height=900),
            file_name=f"h200-{key}.svg",
            mime="image/svg+xml",
            on_click="ignore",
            icon=":material/image:",
            key=f"svg-{key}",
            help="The chart as a vector image at presentation size (PNG: the camera icon on the chart).",
        )
    render_source_footer(ctx.seeds, ids, key=key)
    return event


def render_kpi(
    column: object,
    *,
    ctx: PageContext,
    title: str,
    value: str,
    detail: str,
    basis: str,
    origins: int,
    source_ids: list[str],
    conflict: bool = False,
) -> None:
    """One headline number with its bound, range, basis and sources."""
    ctx.kpis.append(Kpi(title, value, detail))
    with column.container(border=True):  # type: ignore[attr-defined]
        st.metric(title, value)
        st.caption(detail)
        st.caption(
            f":material/verified: {origins} independent origin{'s' if origins != 1 else ''} · "
            + BASIS_BADGES.get(basis, basis)
            + (" · :material/warning: sources disagree" if conflict else "")
        )
        with st.popover("Sources", icon=":material/menu_book:"):
            st.markdown(sources_markdown(sources_table(ctx.seeds, source_ids).sort_values("published")))


def range_text(row: pd.Series) -> str:
    """A frame row's low/high/unit/open_high as one readable range."""
    return fmt_range(
        None if pd.isna(row["low"]) else float(row["low"]),
        None if pd.isna(row["high"]) else float(row["high"]),
        str(row["unit"]) if not pd.isna(row["unit"]) else None,
        bool(row["open_high"]),
    )
