"""Range bars for the overview and the supply-versus-demand page."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import LOG_AXIS, bars_height, base_layout, empty_figure, log_range, range_traces
from components.theme import BASIS_COLOURS, BASIS_LABELS


def plot_range_bars(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str | None = None,
    log_x: bool = True,
    unit_title: str = "H200 chips (log scale)",
) -> go.Figure:
    """Horizontal bars with ranges: one row per figure; colour and fill say reported / derived / assumed.

    Expects columns ``label, low, high, best, open_high, basis, unit, hover``.
    """
    if frame.empty:
        return empty_figure("No figures were reported by the chosen date.", title)
    rows = frame.reset_index(drop=True).copy()
    rows["basis_label"] = rows["basis"].map(BASIS_LABELS).fillna("Reported figure")
    fig = go.Figure()
    colours = {BASIS_LABELS[b]: c for b, c in BASIS_COLOURS.items()}
    range_traces(fig, rows, group_column="basis_label", colours=colours, log_x=log_x)
    fig.update_layout(barmode="overlay", bargap=0.35, showlegend=True)
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], title=None, tickfont={"size": 14})
    fig.update_xaxes(title=unit_title, type="linear")
    if log_x:
        fig.update_xaxes(range=log_range(rows), **LOG_AXIS)
    return base_layout(fig, title, subtitle, height=bars_height(rows))
