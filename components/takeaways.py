"""Chart titles that state a takeaway, computed from the frames at the chosen as-of date.

A title never states a fixed conclusion: each function reads only the frame it is given (already
filtered to the as-of date), so the words on screen are true on the date shown. Pure: no
streamlit, no Plotly.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from components.format import fmt_bound, num
from data import vocabulary
from data.headlines import firm_deliveries


def _reported(estimates: pd.DataFrame, metric: str) -> pd.Series | None:
    """The reported estimate for a market-wide metric (the one with most claims), if any.

    Point-in-time metrics (deliveries) take the market-wide row only: a figure reported for one
    firm is never read as the market's."""
    rows = estimates[(estimates["metric"] == metric) & (estimates["basis"] == "reported")]
    rows = rows[rows["best"].notna()]
    if metric == vocabulary.DELIVERED:
        rows = rows[rows["applies_to"].map(len) == 0]
    if rows.empty:
        return None
    return rows.loc[rows["claim_ids"].map(len).idxmax()]


def _figure(row: pd.Series) -> str:
    return fmt_bound(num(row["best"]), str(row["best_bound"]), str(row["unit"]))


def per_buyer_deliveries(estimates: pd.DataFrame, names: Mapping[str, str] | None = None) -> list[str]:
    """'ByteDance about 10,000' for every firm with a reported delivery above zero of its own."""
    names = names or {}
    return [
        f"{names.get(r['applies_to'][0], r['applies_to'][0])} {fmt_bound(num(r['best']), str(r['best_bound']))}"
        for r in firm_deliveries(estimates).to_dict("records")
    ]


def deliveries_phrase(estimates: pd.DataFrame, names: Mapping[str, str] | None = None) -> str:
    """What the reports said about deliveries by the as-of date, bounds kept.

    'none' only while the newest market-wide reading is an exact zero and no firm has a figure of
    its own; once deliveries have begun, the per-firm figures, and other firms "none reported"."""
    delivered = _reported(estimates, vocabulary.DELIVERED)
    firms = per_buyer_deliveries(estimates, names)
    if firms:
        return f"deliveries have begun: {', '.join(firms)} chips; other firms none reported"
    if delivered is None:
        return "no delivery figure reported yet"
    if num(delivered["best"]) == 0 and str(delivered["best_bound"]) == "exact":
        return "deliveries reported: none"
    return f"deliveries have begun ({_figure(delivered)} chips); no firm's figure reported"


def overview_title(estimates: pd.DataFrame, names: Mapping[str, str] | None = None) -> str:
    """Demand against deliveries, as reported by the as-of date."""
    demand = _reported(estimates, vocabulary.ORDERS)
    first = (
        f"Chinese orders reported: {_figure(demand)} chips" if demand is not None else "No order figure reported yet"
    )
    return f"{first}; {deliveries_phrase(estimates, names)}"


def reading_note(row: Mapping[str, object], estimates: pd.DataFrame, names: Mapping[str, str] | None = None) -> str:
    """For a headline that counts something at a moment: the date of its newest reading, and for
    deliveries the per-firm figures, so an old count never reads as today's."""
    if not row.get("point_in_time"):
        return ""
    date = row.get("reading_date")
    note = f"Newest reading {pd.Timestamp(date):%d %b %Y}" if date is not None and not pd.isna(date) else ""
    if row.get("metric") == vocabulary.DELIVERED:
        firms = per_buyer_deliveries(estimates, names)
        if firms:
            note += f"; by firm: {', '.join(firms)}; other firms none reported"
    return note


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
        # the status alone where the stage's name holds it: "paused", not "paused / final"
        parts.append(
            f"Beijing's latest step: {status}" if status in stage else f"Beijing's latest step: {stage} ({status})"
        )
    return "; ".join(parts)


def volume_title(series: pd.DataFrame, estimates: pd.DataFrame, names: Mapping[str, str] | None = None) -> str:
    """Approved volume on paper against what was delivered."""
    start = "Approved volume on paper, as reports arrived" if not series.empty else "No approved volume reported yet"
    return f"{start}; {deliveries_phrase(estimates, names)}"


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
