"""The scenario model's steps: demand, the binding limits, what could arrive and the gap."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import BOUND_WORDS, fmt_number, plain, wrap_lines
from components.theme import BASIS_COLOURS, BASIS_LABELS, BASIS_PATTERN

LABEL_CHARS = 14
VALUE_FONT_PX = 13  # a step's value beside its bar, never shrunk to fit (a phone is 390 px wide)
TEXT_ROOM = 1.8  # the value axis runs to this times the largest step: room for "more than 2M" after it


def bar_text(value: float, bound: str | None) -> str:
    """A step's value beside its bar: '231,000', or 'more than 2M' (the bound's words kept)."""
    words = BOUND_WORDS.get(str(bound or "exact"), "").strip()
    return f"{words} {fmt_number(value)}" if words else fmt_number(value)


def plot_scenario_gap(steps: pd.DataFrame, *, title: str) -> go.Figure:
    """Demand versus what could arrive under the chosen assumptions, step by step.

    Expects columns ``label, value, basis, note`` (and ``bound``, a cited figure's) in order: demand first, the binding limits,
    then the deliverable result and the gap.
    """
    if steps.empty:
        return empty_figure("Set the scenario inputs to see the gap.", title)
    # Steps are rows (horizontal bars): as columns, on a phone Plotly tilted their names and shrank
    # each value over its bar ("more than 2M") to a few pixels, to the bar's width. As rows, a name
    # reads on its own line(s) and a value has the room after its bar, at a fixed size.
    steps = steps.assign(label=["<br>".join(wrap_lines(plain(label), LABEL_CHARS)) for label in steps["label"]])
    fig = go.Figure()
    for basis in ("reported", "derived", "assumed"):
        part = steps[steps["basis"] == basis]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                y=part["label"],
                x=part["value"],
                orientation="h",
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
                # an input at its cited figure keeps that figure's bound: "more than 2M", never "2M"
                text=[
                    bar_text(v, str(b) if "bound" in part else None)
                    for v, b in zip(part["value"], part.get("bound", part["value"]), strict=True)
                ],
                textposition="outside",
                constraintext="none",
                textfont={"size": VALUE_FONT_PX},
                cliponaxis=False,
                customdata=part["note"],
                hovertemplate="<b>%{y}</b>: %{x:,.0f} chips<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(barmode="overlay", bargap=0.3)
    # demand at the top, the gap last, as the steps read
    fig.update_yaxes(categoryorder="array", categoryarray=list(steps["label"])[::-1], title=None)
    fig.update_xaxes(title="H200 chips", range=[0, float(steps["value"].max() or 1) * TEXT_ROOM])
    return base_layout(
        fig,
        title,
        "Open bars are your assumptions; solid bars are reported figures",
        height=max(460, 44 * len(steps) + 200),
    )
