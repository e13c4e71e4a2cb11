"""One chip spec across chips: published figures solid, estimates hatched with their range."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import plain
from components.theme import BASIS_COLOURS, INK, OKABE_ITO


def plot_chip_metric(
    frame: pd.DataFrame, *, metric: str, metric_label: str, unit: str, threshold: tuple[float, str] | None = None
) -> go.Figure:
    """One spec across chips, estimates as hatched bars with their range; a US limit as a line."""
    part = frame[frame["metric"] == metric]
    title = f"{metric_label}: the H200 against its rivals"
    if part.empty:
        return empty_figure(f"No {metric_label.lower()} figures are recorded.", title)
    part = part.sort_values("value", ascending=False)
    h200 = part[part["chip_id"] == "h200"]
    if not h200.empty:
        h200_value = float(h200["value"].iloc[0])
        domestic = part[part["vendor"].isin(["Huawei", "Cambricon"])]
        if not domestic.empty and domestic["high"].max() < h200_value:
            title = f"{metric_label}: every Chinese chip recorded trails the H200"
    fig = go.Figure()
    for estimate, name in ((False, "Published figure"), (True, "Estimate (range)")):
        rows = part[part["estimate"] == estimate]
        if rows.empty:
            continue
        colours = [OKABE_ITO["green"] if c == "h200" else BASIS_COLOURS["reported"] for c in rows["chip_id"]]
        fig.add_trace(
            go.Bar(
                x=rows["chip"],
                y=rows["value"],
                name=name,
                marker={
                    "color": colours if not estimate else BASIS_COLOURS["derived"],
                    "pattern": {
                        "shape": "/" if estimate else "",
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.35,
                    },
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (rows["high"] - rows["value"]).clip(lower=0).tolist(),
                    "arrayminus": (rows["value"] - rows["low"]).clip(lower=0).tolist(),
                    "color": INK,
                },
                customdata=list(
                    zip(
                        rows["low"],
                        rows["high"],
                        [plain(", ".join(s)) for s in rows["source_ids"]],
                        map(plain, rows["note"]),
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{x}</b>: %{y:,.4~g} "
                    + unit
                    + "<br>range %{customdata[0]:,.4~g}–%{customdata[1]:,.4~g}<br>%{customdata[3]}"
                    "<br>sources: %{customdata[2]}<extra></extra>"
                ),
            )
        )
    if threshold is not None:
        fig.add_hline(
            y=threshold[0],
            line={"color": OKABE_ITO["vermillion"], "width": 2, "dash": "dash"},
            annotation_text=threshold[1],
            annotation_position="top left",
            annotation_font={"color": OKABE_ITO["vermillion"]},
        )
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_xaxes(categoryorder="array", categoryarray=list(part["chip"]), tickangle=-35, title=None)
    fig.update_yaxes(title=f"{metric_label} ({unit})", rangemode="tozero")
    return base_layout(fig, title, "Hatched = estimate (no vendor datasheet); whiskers = range across sources")
