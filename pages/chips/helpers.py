"""Chips page helpers."""

from __future__ import annotations

import pandas as pd

from components.format import fmt_number, is_missing
from data.vocabulary import SPEC_METRICS


def spec_text(row: dict) -> str:
    """A spec as read: the published figure, or an estimate (a range, or one figure such as a
    roadmap target) marked as such: a target of 14.4 TB/s read as a datasheet figure here while
    the chart hatched it."""
    if not is_missing(row["value"]):
        estimate = row.get("estimate")
        return fmt_number(float(row["value"])) + ("" if is_missing(estimate) or not estimate else " (estimate)")
    low, high = fmt_number(float(row["low"])), fmt_number(float(row["high"]))
    return f"{low}–{high} (estimate)" if low != high else f"{low} (estimate)"


def spec_table(chips: pd.DataFrame) -> pd.DataFrame:
    """Every recorded spec, one row per chip and one column per spec ("All recorded specs")."""
    specs = chips.assign(figure=[spec_text(row) for row in chips.to_dict("records")])
    table = specs.pivot_table(index=["chip", "vendor"], columns="metric", values="figure", aggfunc="first")
    return table.rename(columns={m.id: f"{m.label} ({m.unit})" for m in SPEC_METRICS}).reset_index().fillna("—")
