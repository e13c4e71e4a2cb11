"""Vague wording ("several hundred thousand") -> a numeric range, and the reported bound -> low/high.

Kept apart from the claims so the app can say which figures it derived and from which entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from data.models import LexiconEntry, Quantity


@dataclass(frozen=True)
class Range:
    """A figure as a low/high pair and where the numbers came from.

    ``basis`` is "reported" when the source gave the numbers and "derived" when the project read
    them from vague wording; ``open_high`` marks a lower bound with no upper end (">400,000").
    """

    low: float | None
    high: float | None
    basis: str
    rule: str
    open_high: bool = False

    @property
    def mid(self) -> float | None:
        if self.low is None and self.high is None:
            return None
        if self.low is None:
            return self.high
        if self.high is None:
            return self.low
        return (self.low + self.high) / 2


def lookup(wording: str | None, lexicon: dict[str, LexiconEntry]) -> LexiconEntry | None:
    """Find the lexicon entry for a wording, ignoring case and surrounding punctuation."""
    if not wording:
        return None
    key = wording.strip().strip("\"'“”.").lower()
    return lexicon.get(key)


def quantity_range(quantity: Quantity, lexicon: dict[str, LexiconEntry]) -> Range:
    """Turn a reported quantity into a low/high range, saying how."""
    if quantity.value is not None:
        return Range(quantity.value, quantity.value, "reported", f"{quantity.bound} value")
    if quantity.low is not None or quantity.high is not None:
        return Range(
            quantity.low,
            quantity.high,
            "reported",
            f"{quantity.bound} bound",
            open_high=quantity.high is None,
        )
    entry = lookup(quantity.wording, lexicon)
    if entry is None:
        return Range(None, None, "unknown", f"no lexicon entry for '{quantity.wording}'")
    return Range(entry.low, entry.high, "derived", f"lexicon: '{entry.wording}' → {entry.rationale}")
