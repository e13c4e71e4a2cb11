"""Overview helpers: the headline picks and the range chart, built once per filter and seed
content (``ui.memo``) since picking headlines and building the figure dominate the page's CPU."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.figures import plot_range_bars
from components.format import fmt_row, plain
from data.frames import ClaimFilter, build_estimates_frame
from data.headlines import CHART_KEYS, KPI_KEYS, pick_headlines
from data.load import SeedData


def headline_cards(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    """The KPI rows (reported figures only)."""
    return pick_headlines(build_estimates_frame(seeds, claim_filter), KPI_KEYS)


def headline_chart(seeds: SeedData, claim_filter: ClaimFilter) -> tuple[go.Figure, list[str]]:
    """The range chart of the headline figures, and the sources behind it."""
    estimates = build_estimates_frame(seeds, claim_filter)
    rows = pick_headlines(estimates, CHART_KEYS)
    if not rows.empty:
        rows["hover"] = [
            f"<b>{plain(r['title'])}</b><br>{fmt_row(r)} ({r['basis']})<br>{r['independent_origins']} independent origin(s)"
            for r in rows.to_dict("records")
        ]
        rows["label"] = rows["label"].astype(str)
    figure = plot_range_bars(
        rows if not rows.empty else pd.DataFrame(columns=["label"]),
        title=takeaways.overview_title(estimates),
        subtitle="Reconciled reading of every report per figure; whiskers = the range across reports",
    )
    return figure, [s for ids in rows.get("source_ids", []) for s in ids]
