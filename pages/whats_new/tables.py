"""Change tables in words people use: shared by "What's new" and the "Add a report" preview.

Pure (pandas and number formatting only): codes become words, missing values become "—".
"""

from __future__ import annotations

import pandas as pd

from components.format import fmt_bound, num

HEADLINE_WORDS = {
    "new": "first reported",
    "changed": "changed",
    "gone": "no longer shown",
    "more reports": "same figure, more reports",
    "disputed": "best figure kept; a new report disagrees",
    "same": "unchanged",
}
CONFLICT_WORDS = {"opened": "opened", "widened": "new report joined", "resolved": "resolved"}


def _figure(value: object, bound: object, unit: object) -> str:
    number = num(value)
    return "not reported" if number is None else fmt_bound(number, str(bound), str(unit))


def _status(code: object) -> str:
    return str(code).replace("_", " ")


def headlines_display(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Figure": table["title"],
            "Before": [
                _figure(v, b, u) for v, b, u in zip(table["before"], table["before_bound"], table["unit"], strict=True)
            ],
            "After": [
                _figure(v, b, u) for v, b, u in zip(table["after"], table["after_bound"], table["unit"], strict=True)
            ],
            "What happened": table["change"].map(HEADLINE_WORDS),
        }
    )


def statuses_display(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Buyer": table["buyer"],
            "Side": table["side"],
            "Stage": table["stage"],
            "From → to": [f"{_status(a)} → {_status(b)}" for a, b in zip(table["before"], table["after"], strict=True)],
            "Dated": table["date"],
            "The claim": table["summary"],
        }
    )


def conflicts_display(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Change": table["change"].map(CONFLICT_WORDS),
            "Reports in it": table["claims"],
            "Latest claim in the disagreement": table["about"],
        }
    )


ONE_LINE_CHARS = 60  # what the wide column holds on one line beside the others at 1280 px (two hold every title)
WRAP_ABOVE_PX = 64  # Streamlit 1.67's grid wraps text only in rows taller than 4rem (at a 16 px root)
TWO_LINES_PX = 68  # so a row tall enough to wrap: two lines of text


def row_height(frame: pd.DataFrame, wide: str | None) -> int | None:
    """Two lines per row when some text in the wide column is longer than one line holds (a long
    report title was cut off at "...summit skipped chip c" at 1920 px); the default otherwise."""
    if not wide or wide not in frame or frame.empty:
        return None
    longest = frame[wide].astype(str).str.len().max()
    return TWO_LINES_PX if longest > ONE_LINE_CHARS else None


def table_height(rows: int, row_px: int | None, shown: int = 10) -> int | str:
    """The grid's own height ("auto": about ten one-line rows), or, for taller rows, room for as
    many of them (up to ``shown``), so wrapping does not hide half the rows behind a scroll."""
    if row_px is None:
        return "auto"
    return 38 + row_px * min(rows, shown) + 2  # header row, the rows, the border
