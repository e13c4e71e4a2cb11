"""The view state <-> query-string codec for shareable links. Pure: no streamlit.

``read_params`` checks what a link carries against what each parameter may hold and returns the
clean values plus one plain notice per parameter it had to drop, so a garbled link falls back to
defaults with a message instead of an exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

# Bound widgets write the *displayed* option into the URL, so the labels are the link values.
CONFIDENCE_OPTIONS = {
    "all": "All claims",
    "no-low": "Hide low confidence",
    "firm": "Named & official only",
}

MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class ParamSpec:
    """What one query parameter may hold."""

    name: str
    parse: Callable[[str], object]
    multi: bool = False
    describe: str = ""


@dataclass
class ParsedParams:
    values: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def parse_date(text: str, *, low: dt.date = dt.date(2024, 1, 1), high: dt.date = dt.date(2030, 12, 31)) -> dt.date:
    value = dt.date.fromisoformat(text.strip())
    if not low <= value <= high:
        raise ValueError(f"outside {low}..{high}")
    return value


def parse_choice(options: Sequence[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(f"not one of {', '.join(options)}")
        return text

    return parse


def parse_number(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = float(text)
        if value != value or not low <= value <= high:
            raise ValueError(f"outside {low:g}..{high:g}")
        return value

    return parse


def read_params(raw: Mapping[str, Sequence[str]], specs: Sequence[ParamSpec]) -> ParsedParams:
    """Validate the parameters named in ``specs``; unknown parameters are ignored, not errors."""
    parsed = ParsedParams()
    for spec in specs:
        values = [v for v in raw.get(spec.name, []) if v is not None]
        if not values:
            continue
        good: list[object] = []
        for value in values if spec.multi else values[-1:]:
            shown = (value if len(value) <= 40 else value[:37] + "...").replace("`", "'")
            try:
                if len(value) > MAX_VALUE_LENGTH:
                    raise ValueError("too long")
                good.append(spec.parse(value))
            except (ValueError, TypeError, OverflowError) as error:
                parsed.notices.append(
                    f"Ignored `{spec.name}={shown}` from the link ({error}); showing {spec.describe or 'the default'}."
                )
        if good:
            parsed.values[spec.name] = good if spec.multi else good[0]
    return parsed


def build_query(values: Mapping[str, object]) -> str:
    """Encode a view state as a query string; lists repeat their key, dates are ISO, None is left out."""
    pairs: list[tuple[str, str]] = []
    for name, value in values.items():
        if value is None:
            continue
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if isinstance(item, dt.date):
                item = item.isoformat()
            elif isinstance(item, bool):
                item = "true" if item else "false"  # as Streamlit writes bound toggles
            elif isinstance(item, float) and item.is_integer():
                item = int(item)
            pairs.append((name, str(item)))
    return urlencode(pairs)
