"""Shared pieces of the figure builders: the base layout, the empty-state figure, and range bars
with whiskers drawn in the reported / derived / assumed styles. Pure: no streamlit."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.format import SUBTITLE, bar_words, begun_no_figure, fmt_row, reported_none, wrap_lines
from components.theme import BASIS_LABELS, BASIS_PATTERN, INK, MUTED, OKABE_ITO, TEMPLATE_NAME, TEMPLATE_TOP_PX

TITLE_CHARS = 84
"""Characters per line of a chart title: a 1280 px screen with the sidebar open leaves the chart
about 820 px, where an 18 px title holds about 95 (SVG text does not wrap: a longer line was cut)."""
TITLE_LINE_PX = 24


def base_layout(fig: go.Figure, title: str, subtitle: str | None = None, height: int = 460) -> go.Figure:
    """The template, the height, and the title wrapped onto lines of ``TITLE_CHARS`` with the
    subtitle under it; the top margin grows by a line for every line the title wraps onto."""
    lines = wrap_lines(title, TITLE_CHARS) or [title]
    text = "<br>".join(lines) + (
        f"{SUBTITLE} style='font-size:13px;color:{MUTED}'>{subtitle}</span>" if subtitle else ""
    )
    fig.update_layout(template=TEMPLATE_NAME, title={"text": text}, height=height)
    if len(lines) > 1:
        top = fig.layout.margin.t if fig.layout.margin.t is not None else TEMPLATE_TOP_PX
        fig.update_layout(margin={"t": top + TITLE_LINE_PX * (len(lines) - 1)})
    return fig


EMPTY_LINE = 36  # characters per line of an empty chart's message: whole on a 390 px phone


def empty_figure(message: str, title: str = "Nothing to show") -> go.Figure:
    """A figure that says why it is empty instead of drawing blank axes (the message in short
    lines: one line of 16 px text was cut at both ends on a phone)."""
    fig = go.Figure()
    fig.add_annotation(
        text="<br>".join(wrap_lines(message, EMPTY_LINE)),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": MUTED},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, title, height=260)


def _marker(part: pd.DataFrame, colour: str, opacity: object) -> dict:
    """Solid for reported, hatched for derived, an open outline for an assumption."""
    assumed = (part["basis"] == "assumed").tolist()
    return {
        "color": ["rgba(255,255,255,0)" if a else colour for a in assumed] if any(assumed) else colour,
        "opacity": opacity,
        "line": {"color": colour, "width": [2.5 if a else 0 for a in assumed] if any(assumed) else 0},
        "pattern": {
            "shape": [BASIS_PATTERN.get(b, "") for b in part["basis"]],
            "fgcolor": "white",
            "fillmode": "overlay",
            "solidity": 0.4,
        },
    }


def _group_traces(
    part: pd.DataFrame, group: str, colour: str, *, selected_column: str | None, selected: Sequence[str]
) -> list[go.BaseTraceType]:
    """One group's bars with whiskers (the values are in the label column: ``tick_text``)."""
    best = part["best"].astype(float)
    low = part["low"].fillna(part["best"]).astype(float)
    high = part["high"].fillna(part["best"]).astype(float)
    opacity = [1.0 if not selected or v in selected else 0.3 for v in part[selected_column]] if selected_column else 1.0
    bars = go.Bar(
        y=part["label"],
        x=best,
        orientation="h",
        name=group,
        marker=_marker(part, colour, opacity),
        error_x={
            "type": "data",
            "symmetric": False,
            "array": (high - best).clip(lower=0).tolist(),
            "arrayminus": (best - low).clip(lower=0).tolist(),
            "color": INK,
            "thickness": 1.5,
            "width": 5,
        },
        customdata=part[selected_column] if selected_column else None,
        hovertext=part["hover"],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    return [bars]


TICK_LINE = 26
"""Characters per line of a bar's label: short enough that on a phone (about 390 px wide) the
label column leaves the bars room and never cuts a value."""


def tick_text(label: str, value: str, note: str = "") -> str:
    """A bar's label in short lines with its value in bold after it (and a note, such as the
    reports' span, under that): the value sits in the label column, which Plotly always fits
    whole (a value drawn past the whisker is cut off on a narrow screen: 'more tha')."""
    return "<br>".join([*wrap_lines(str(label), TICK_LINE), f"<b>{value}</b>", *([note] if note else [])])


LINE_PX = 17
"""Height of one line of a bar's label (14 px text), for sizing a chart to its labels."""


def bars_height(rows: pd.DataFrame, extra: int = 200) -> int:
    """A range chart's height: every bar as tall as the tallest label (Plotly spaces categories
    evenly), so no label overlaps the next."""
    notes = [bar_words(row)[1] for row in rows.to_dict("records")] if {"best", "low", "high"} <= set(rows) else []
    lines = max((tick_text(str(label), "x").count("<br>") + 1 for label in rows["label"]), default=1) + any(notes)
    return max(360, len(rows) * max(40, LINE_PX * lines + 10) + extra)


def range_traces(
    fig: go.Figure,
    rows: pd.DataFrame,
    *,
    group_column: str,
    colours: dict[str, str],
    log_x: bool,
    selected_column: str | None = None,
    selected: Sequence[str] = (),
) -> None:
    """Bars (best reading) with whiskers (range); each bar's label carries its value in words.

    Rows need ``label, low, high, best, open_high, basis, unit, hover`` and ``group_column``.
    Derived rows are hatched, assumption rows are drawn as open outlines, reported rows solid; a
    range with no single best figure is drawn from its low end. Reported zeros (nothing
    delivered) are drawn as a marker since a log axis has no zero.
    """
    positives = [v for v in pd.concat([rows["low"], rows["high"], rows["best"]]).dropna() if v > 0]
    floor = min(positives) / 2 if positives else 1
    for group, part in rows.groupby(group_column, sort=False):
        part = part.assign(best=part["best"].fillna(part["low"]).fillna(part["high"]))
        part = part[part["best"].fillna(0) > 0] if log_x else part[part["best"].notna()]
        if not part.empty:
            colour = colours.get(str(group), MUTED)
            fig.add_traces(_group_traces(part, str(group), colour, selected_column=selected_column, selected=selected))
    values = {str(row["label"]): (bar_words(row) if log_x else (fmt_row(row), "")) for row in rows.to_dict("records")}
    fig.update_yaxes(tickmode="array", tickvals=list(values), ticktext=[tick_text(k, *v) for k, v in values.items()])
    # A log axis has no zero: a reading of none, and one of "more than 0" (under way, no count
    # given; never drawn as none), are markers at the axis start.
    at_start = (
        (begun_no_figure, "Begun, no count given", {"symbol": "triangle-right", "size": 14, "color": OKABE_ITO["green"]}),
        (reported_none, "Reported zero", {"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": OKABE_ITO["vermillion"]}}),
    )  # fmt: skip
    for test, name, marker in at_start if log_x else ():
        marked = rows[[test(row) for row in rows.to_dict("records")]]
        if marked.empty:
            continue
        fig.add_trace(
            go.Scatter(
                y=marked["label"],
                x=[floor] * len(marked),
                mode="markers",
                marker=marker,
                name=name,
                hovertext=marked["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=marked[selected_column] if selected_column else None,
            )
        )


LOG_AXIS = {"type": "log", "dtick": 1, "minor": {"dtick": "D1", "showgrid": True}}
"""A log axis labelled once per power of ten (10k, 100k, 1M): the 2 and 5 between them ran into
the decade labels on a phone ('510k2 5100k'); the minor grid still marks them."""


def log_range(rows: pd.DataFrame) -> list[float]:
    """A log-axis range with room for the value labels right of the longest whisker."""
    values = [v for v in pd.concat([rows["low"], rows["high"], rows["best"]]).dropna() if v > 0]
    if not values:
        return [0, 1]
    return [math.log10(min(values) / 3), math.log10(max(values) * 12)]


def add_basis_key(fig: go.Figure, used: Iterable[str]) -> None:
    """Legend entries for the basis styles actually drawn (hatched = derived, open = assumption)."""
    for basis in dict.fromkeys(used):
        if basis == "reported":
            continue
        fig.add_trace(
            go.Bar(
                x=[None],
                y=[None],
                orientation="h",
                name=BASIS_LABELS[basis],
                marker={
                    "color": MUTED if basis == "derived" else "rgba(255,255,255,0)",
                    "pattern": {
                        "shape": BASIS_PATTERN[basis],
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.4,
                    },
                    "line": {"color": MUTED, "width": 0 if basis == "derived" else 2.5},
                },
                hoverinfo="skip",
            )
        )
