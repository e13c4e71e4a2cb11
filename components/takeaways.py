"""Chart titles that state a takeaway, computed from the frames at the chosen as-of date.

A title never states a fixed conclusion: each function reads only the frame it is given (already
filtered to the as-of date), so the words on screen are true on the date shown. Pure: no
streamlit, no Plotly.
"""

from __future__ import annotations

import pandas as pd

from components.format import fmt_bound, num
from data import vocabulary


def _reported(estimates: pd.DataFrame, metric: str) -> pd.Series | None:
    """The reported estimate for a market-wide metric (the one with most claims), if any."""
    rows = estimates[(estimates["metric"] == metric) & (estimates["basis"] == "reported")]
    rows = rows[rows["best"].notna()]
    if rows.empty:
        return None
    return rows.loc[rows["claim_ids"].map(len).idxmax()]


def _figure(row: pd.Series) -> str:
    return fmt_bound(num(row["best"]), str(row["best_bound"]), str(row["unit"]))


def overview_title(estimates: pd.DataFrame) -> str:
    """Demand against deliveries, as reported by the as-of date."""
    demand = _reported(estimates, vocabulary.ORDERS)
    delivered = _reported(estimates, vocabulary.DELIVERED)
    first = (
        f"Chinese orders reported: {_figure(demand)} chips" if demand is not None else "No order figure reported yet"
    )
    if delivered is None:
        return f"{first}; no delivery figure reported yet"
    if num(delivered["best"]) == 0:
        return f"{first}; deliveries reported: none"
    return f"{first}; deliveries reported: {_figure(delivered)}"


def approvals_title(approvals: pd.DataFrame, estimates: pd.DataFrame) -> str:
    """How far each side's pipeline had got, from the claims reported by the as-of date."""
    parts = []
    cleared = _reported(estimates, vocabulary.US_CLEARED_FIRMS)
    us = approvals[approvals["side"] == "US"]
    if cleared is not None:
        parts.append(f"Washington had cleared {_figure(cleared)} Chinese buyers")
    elif not us.empty:
        parts.append(f"Washington's latest step: {us.sort_values('stage_order')['stage_label'].iloc[-1].lower()}")
    else:
        parts.append("No US step reported yet")
    china = approvals[(approvals["side"] == "China") & (approvals["confidence"] != "low")]
    if china.empty:
        parts.append("no Chinese approval step reported")
    else:
        latest = china.sort_values(["date", "stage_order"]).iloc[-1]
        stage, status = str(latest["stage_label"]).lower(), str(latest["status"]).replace("_", " ")
        parts.append(f"Beijing's latest step: {stage}" + ("" if status in stage else f" ({status})"))
    return "; ".join(parts)


def volume_title(series: pd.DataFrame, estimates: pd.DataFrame) -> str:
    """Approved volume on paper against what was delivered."""
    delivered = _reported(estimates, vocabulary.DELIVERED)
    start = "Approved volume on paper, as reports arrived" if not series.empty else "No approved volume reported yet"
    if delivered is None:
        return f"{start}; no delivery figure reported yet"
    return f"{start}; deliveries reported: {'none' if num(delivered['best']) == 0 else _figure(delivered)}"


def buyers_title(quantities: pd.DataFrame) -> str:
    """Whether any single firm had a reported approved volume of its own."""
    if quantities.empty:
        return "No buyer figures reported yet"
    own = quantities[
        (quantities["measure"] == "approved") & ~quantities["is_group"] & (quantities["basis"] == "reported")
    ]
    group = quantities[(quantities["measure"] == "approved") & quantities["is_group"]]
    if not own.empty:
        return f"{len(own)} firm(s) have a reported approved volume of their own"
    if not group.empty:
        return "No firm has its own approved volume: only a group approval and per-firm figures"
    return "No approved volume reported for any buyer"


def supply_demand_title(figures: pd.DataFrame) -> str:
    """The largest reported demand figure against the largest reported approval or supply figure."""
    reported = figures[figures["basis"] == "reported"]
    demand = reported[reported["metric"].isin([vocabulary.ORDERS, vocabulary.EXPECTED_ORDERS])]["best"].max()
    supply = reported[
        reported["metric"].isin([vocabulary.NVIDIA_STOCK, vocabulary.FIRST_BATCH, vocabulary.US_TOTAL_CEILING])
    ]["best"].max()
    if pd.isna(demand) or pd.isna(supply):
        return "Every reported demand, supply and approval figure"
    ratio = float(demand) / float(supply) if supply else float("inf")
    if ratio >= 1.5:
        return f"Reported demand is about {ratio:.0f}× the largest reported supply or approval figure"
    return "Reported demand and the largest supply or approval figure are of a similar size"


def timeline_title(events: pd.DataFrame) -> str:
    """How many events, over which span."""
    if events.empty:
        return "No events"
    first, last = events["date"].min(), events["date"].max()
    return f"{len(events)} events from {first:%d %b %Y} to {last:%d %b %Y}"
