"""Pure Plotly builders by subject: a frame (and the title the page computes) in, a figure out.

No streamlit, no I/O, no globals; inputs are never mutated. Each builder draws axis titles with
units, hover text with seed text escaped, and a "no data" figure that says why when its frame is
empty. ``EMPTY_CASES`` lists every builder with an empty input, so the empty-state test covers a
new builder as soon as it is listed here.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import empty_figure
from components.figures.approvals import plot_approval_matrix, plot_approvals_over_time
from components.figures.buyers import plot_buyer_quantities
from components.figures.chips import plot_chip_metric
from components.figures.conflicts import plot_conflict_spread
from components.figures.ranges import plot_range_bars
from components.figures.scenario import plot_scenario_gap
from components.figures.timeline import plot_timeline

_EMPTY = pd.DataFrame()

EMPTY_CASES: dict[str, Callable[[], go.Figure]] = {
    "plot_range_bars": lambda: plot_range_bars(_EMPTY, title="t"),
    "plot_buyer_quantities": lambda: plot_buyer_quantities(_EMPTY, title="t"),
    "plot_approval_matrix": lambda: plot_approval_matrix(_EMPTY, [], title="t"),
    "plot_approvals_over_time": lambda: plot_approvals_over_time(_EMPTY, title="t"),
    "plot_scenario_gap": lambda: plot_scenario_gap(_EMPTY, title="t"),
    "plot_timeline": lambda: plot_timeline(_EMPTY, title="t"),
    "plot_chip_metric": lambda: plot_chip_metric(
        pd.DataFrame(columns=["metric"]), metric="tpp", metric_label="TPP", unit="TPP"
    ),
    "plot_conflict_spread": lambda: plot_conflict_spread(pd.DataFrame(columns=["low", "high"]), topic="t"),
}

__all__ = [
    "EMPTY_CASES",
    "empty_figure",
    "plot_approval_matrix",
    "plot_approvals_over_time",
    "plot_buyer_quantities",
    "plot_chip_metric",
    "plot_conflict_spread",
    "plot_range_bars",
    "plot_scenario_gap",
    "plot_timeline",
]
