"""The scenario model's steps: demand, the binding limits, what could arrive and the gap."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import BOUND_WORDS, fmt_number, plain, wrap_lines
from components.theme import BASIS_COLOURS, BASIS_LABELS, BASIS_PATTERN

LABEL_CHARS = 12


def bar_text(value: float, bound: str | None) -> str:
    """A step's value over its bar: '231,000', or 'more than<br>2M' (the bound's words above)."""
    words = BOUND_WORDS.get(str(bound or "exact"), "").strip()
    return f"{words}<br>{fmt_number(value)}" if words else fmt_number(value)


def plot_scenario_gap(steps: pd.DataFrame, *, title: str) -> go.Figure:
    """Demand versus what could arrive under the chosen assumptions, step by step.

    Expects columns ``label, value, basis, note`` (and ``bound``, a cited figure's) in order: demand first, the binding limits,
    then the deliverable result and the gap.
    """
    if steps.empty:
        return empty_figure("Set the scenario inputs to see the gap.", title)
    # Category names in short lines ("Allowed by<br>50 % rule"): on one line they ran into each
    # other at 1280 px; Plotly still tilts them where even that is too wide (a phone).
    steps = steps.assign(label=["<br>".join(wrap_lines(plain(label), LABEL_CHARS)) for label in steps["label"]])
    fig = go.Figure()
    for basis in ("reported", "derived", "assumed"):
        part = steps[steps["basis"] == basis]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["label"],
                y=part["value"],
                name=BASIS_LABELS[basis],
                marker={
                    "color": BASIS_COLOURS[basis] if basis != "assumed" else "rgba(255,255,255,0)",
                    "line": {"color": BASIS_COLOURS[basis], "width": 2.5},
                    "pattern": {
                        "shape": BASIS_PATTERN[basis],
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.35,
                    }
                    if BASIS_PATTERN[basis]
                    else {},
                },
                # an input at its cited figure keeps that figure's bound: "more than 2M", never "2M";
                # the bound's words on a line of their own: on one line Plotly shrank "more than
                # 400,000" to the bar's width at 1280 px, too small to read (a phone still shrinks
                # them, where full-size labels would run into the next bar's)
                text=[
                    bar_text(v, str(b) if "bound" in part else None)
                    for v, b in zip(part["value"], part.get("bound", part["value"]), strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
                customdata=part["note"],
                hovertemplate="<b>%{x}</b>: %{y:,.0f} chips<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_xaxes(categoryorder="array", categoryarray=list(steps["label"]), title=None)
    fig.update_yaxes(title="H200 chips", rangemode="tozero")
    return base_layout(fig, title, "Open bars are your assumptions; solid bars are reported figures", height=460)
