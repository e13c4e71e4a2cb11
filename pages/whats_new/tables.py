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
