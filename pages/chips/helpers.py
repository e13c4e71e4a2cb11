"""Chips page helpers."""

from __future__ import annotations

from components.format import fmt_number, is_missing


def spec_text(row: dict) -> str:
    """A spec as read: the published figure, or an estimate's range marked as such."""
    if not is_missing(row["value"]):
        return fmt_number(float(row["value"]))
    low, high = fmt_number(float(row["low"])), fmt_number(float(row["high"]))
    return f"{low}–{high} (estimate)" if low != high else f"{low} (estimate)"
