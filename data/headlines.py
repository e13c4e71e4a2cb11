"""The overview's headline figures: which reconciled estimates they are, and how to label them.

Pure: picks rows from ``build_estimates_frame`` so the overview page stays a thin renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import vocabulary


@dataclass(frozen=True)
class Headline:
    key: str
    title: str
    metric: str
    chart_label: str
    applies_to: tuple[str, ...] | None = None  # None: the estimate with the most claims for the metric


HEADLINES: tuple[Headline, ...] = (
    Headline("demand", "Chinese orders requested", vocabulary.ORDERS, "Orders requested (2026)"),
    Headline("expected", "Orders Nvidia expected", vocabulary.EXPECTED_ORDERS, "Orders Nvidia expected"),
    Headline(
        "first_batch",
        "China's first approved batch",
        vocabulary.FIRST_BATCH,
        "Beijing's first batch (3 buyers)",
        ("alibaba", "bytedance", "tencent"),
    ),
    Headline("us_ceiling", "US total ceiling (proposed)", vocabulary.US_TOTAL_CEILING, "US total ceiling (proposed)"),
    Headline("stock", "Nvidia stock available", vocabulary.NVIDIA_STOCK, "Nvidia stock"),
    Headline("cap", "US cap per Chinese customer", vocabulary.US_PER_CUSTOMER_CAP, "US cap per customer"),
    Headline("firms", "Chinese firms cleared by the US", vocabulary.US_CLEARED_FIRMS, "Firms cleared", ()),
    Headline("delivered", "H200s delivered to China", vocabulary.DELIVERED, "Delivered (all buyers)", ()),
)
KPI_KEYS = ("first_batch", "demand", "stock", "cap", "firms", "delivered")
CHART_KEYS = ("demand", "expected", "first_batch", "us_ceiling", "stock", "cap", "delivered")


def pick_headlines(estimates: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    """One estimate row per headline key (missing ones are left out), with a ``key`` column."""
    rows = []
    for headline in HEADLINES:
        if headline.key not in keys:
            continue
        # headline values and spans come from reported figures only, never derived ones
        candidates = estimates[(estimates["metric"] == headline.metric) & (estimates["basis"] == "reported")]
        if headline.applies_to is not None:
            wanted = sorted(headline.applies_to)
            candidates = candidates[
                candidates["applies_to"].map(lambda ids, wanted=wanted: sorted(ids) == wanted).astype(bool)
            ]
        if candidates.empty:
            continue
        counts = candidates["claim_ids"].map(len)
        row = candidates.loc[counts.idxmax()].copy()
        row["key"] = headline.key
        row["title"] = headline.title
        row["label"] = headline.chart_label
        rows.append(row)
    order = {key: index for index, key in enumerate(keys)}
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    return frame.sort_values("key", key=lambda s: s.map(order)).reset_index(drop=True)


def firm_deliveries(estimates: pd.DataFrame) -> pd.DataFrame:
    """The reported delivery estimates of one firm each, above zero (oldest reading first)."""
    return estimates[
        (estimates["metric"] == vocabulary.DELIVERED)
        & (estimates["basis"] == "reported")
        & (estimates["applies_to"].map(len) == 1)
        & (estimates["best"].fillna(0) > 0)
    ].sort_values("reading_date")


def deliveries_by_buyer(estimates: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """A chart row per firm with a reported delivery of its own above zero ("Delivered to
    ByteDance"), so a chart whose title names the per-firm deliveries also draws them; never
    summed into a market figure (that would be a derived number)."""
    rows = firm_deliveries(estimates).copy()
    if rows.empty:
        return rows
    firm = rows["applies_to"].map(lambda ids: names.get(ids[0], ids[0]))
    rows["key"] = "delivered"
    rows["title"] = "H200s delivered to " + firm
    rows["label"] = "Delivered to " + firm
    return rows.sort_values("label").reset_index(drop=True)
