"""One chip spec across chips: published figures solid, estimates hatched with their range."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import plain, wrap_lines
from components.theme import BASIS_COLOURS, OKABE_ITO

LIMIT_CHARS = 24  # a limit's label in lines this long
AXIS_CHARS = 18  # the value axis's title in lines this long


def _along(horizontal: bool, names: object, values: object) -> dict[str, object]:
    """A bar trace's axes: chip names along x and values up y, or (``horizontal``) the other way."""
    return {"y": names, "x": values, "orientation": "h"} if horizontal else {"x": names, "y": values}


def plot_chip_metric(
    frame: pd.DataFrame,
    *,
    metric: str,
    metric_label: str,
    unit: str,
    threshold: tuple[float, str] | None = None,
    horizontal: bool = False,
) -> go.Figure:
    """One spec across chips: published figures as bars, estimates as hatched spans from low to high
    (never a midpoint); a US limit as a line. ``horizontal`` lays the bars on their side, names on
    the left, for a slide: upright names under a dozen chips left a 1280 x 720 slide a plot about
    90 px tall."""
    part = frame[frame["metric"] == metric]
    title = f"{metric_label}: the H200 against its rivals"
    if part.empty:
        return empty_figure(f"No {metric_label.lower()} figures are recorded.", title)
    part = part.assign(top=part["value"].fillna(part["high"])).sort_values("top", ascending=False)
    h200 = part[(part["chip_id"] == "h200") & part["value"].notna()]
    if not h200.empty:
        domestic = part[part["vendor"].isin(["Huawei", "Cambricon"])]
        if not domestic.empty and domestic["top"].max() < float(h200["value"].iloc[0]):
            title = f"{metric_label}: every Chinese chip recorded trails the H200"
    fig = go.Figure()
    name, value = ("y", "x") if horizontal else ("x", "y")  # which axis carries the chips, which the values
    published = part[~part["estimate"].astype(bool) & part["value"].notna()]
    estimates = part[part["estimate"].astype(bool) | part["value"].isna()]
    customdata = [
        (plain(", ".join(s)), plain(n), f"{lo:,.4g}–{hi:,.4g}" if lo != hi else f"{lo:,.4g}")
        for s, n, lo, hi in zip(part["source_ids"], part["note"], part["low"], part["high"], strict=True)
    ]
    custom = dict(zip(part.index, customdata, strict=True))
    if not published.empty:
        fig.add_trace(
            go.Bar(
                **_along(horizontal, published["chip"], published["value"]),
                name="Published figure",
                marker={
                    "color": [
                        OKABE_ITO["green"] if c == "h200" else BASIS_COLOURS["reported"] for c in published["chip_id"]
                    ]
                },
                customdata=[custom[i] for i in published.index],
                hovertemplate=f"<b>%{{{name}}}</b>: %{{{value}:,.4~g}} "
                + unit
                + "<br>%{customdata[1]}<br>sources: %{customdata[0]}<extra></extra>",
            )
        )
    if not estimates.empty:
        # an estimate's range is a floating bar from its low to its high reading (no invented
        # midpoint); an estimate of one figure (a roadmap target) is a hatched bar from zero, as a
        # published one is solid: drawn as a 2 % sliver at its height it read as no bar at all
        point = estimates["high"] <= estimates["low"]
        fig.add_trace(
            go.Bar(
                **_along(
                    horizontal,
                    estimates["chip"],
                    (estimates["high"] - estimates["low"]).where(~point, estimates["high"]),
                ),
                base=estimates["low"].where(~point, 0),
                name="Estimate (no datasheet)",
                marker={
                    "color": BASIS_COLOURS["derived"],
                    "pattern": {"shape": "/", "fgcolor": "white", "fillmode": "overlay", "solidity": 0.35},
                },
                customdata=[custom[i] for i in estimates.index],
                hovertemplate=f"<b>%{{{name}}}</b>: estimated %{{customdata[2]}} "
                + unit
                + "<br>%{customdata[1]}<br>sources: %{customdata[0]}<extra></extra>",
            )
        )
    if threshold is not None:
        limit = {
            "line": {"color": OKABE_ITO["vermillion"], "width": 2, "dash": "dash"},
            "annotation_text": "<br>".join(wrap_lines(threshold[1], LIMIT_CHARS)),  # whole on a phone
            "annotation_font": {"color": OKABE_ITO["vermillion"]},
        }
        if horizontal:  # beside the line at the bottom, by the shortest bars (the tallest lead, at the top)
            fig.add_vline(x=threshold[0], annotation_position="bottom right", **limit)
        else:
            fig.add_hline(y=threshold[0], annotation_position="top right", **limit)  # over the short bars
    fig.update_layout(barmode="overlay", bargap=0.3)
    subtitle = "Solid = vendor datasheet; hatched = estimate (no datasheet), drawn from its low to its high reading"
    axis_title = "<br>".join(wrap_lines(f"{metric_label} ({unit})", AXIS_CHARS))
    if horizontal:  # the leader at the top: Plotly draws the first category at the bottom
        fig.update_yaxes(categoryorder="array", categoryarray=list(part["chip"])[::-1], title=None)
        fig.update_xaxes(title=f"{metric_label} ({unit})", rangemode="tozero")
        return base_layout(fig, title, subtitle, height=max(360, 120 + 34 * len(part)))
    # upright names: tilted, the first ones ran off the chart's left edge on a phone
    fig.update_xaxes(categoryorder="array", categoryarray=list(part["chip"]), tickangle=-90, title=None)
    # the axis title in short lines: on a deck slide the plot is as short as 220 px under the
    # upright chip names, and "Total processing performance (TPP)" was cut to "(T"
    fig.update_yaxes(title=axis_title, rangemode="tozero")
    # taller than the default: the upright chip names take about 170 px under the bars
    return base_layout(fig, title, subtitle, height=600)
