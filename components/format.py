"""Numbers, ranges, bounds, dates and seed text as people read them. Pure: no streamlit, no Plotly.

One place for formatting, so a bound ("more than 200,000") reads the same in every table, label,
tooltip and export, and missing values read "—", never "None" or "nan".
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from typing import Any

import pandas as pd

MISSING = "—"


def fmt_number(value: float | None, unit: str | None = None, *, compact: bool = False, full: bool = False) -> str:
    """Human figures: 2,000,000 -> '2M', 2,500,000 -> '2.5M', 75000 -> '75,000', 27000 USD -> '$27,000';
    with ``compact`` (headline cards) 400,000 -> '400k'; with ``full`` (files) every digit,
    '2,000,000', and a minus sign "−" that a spreadsheet never reads as a formula."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    money = unit in ("usd", "usd_per_chip")
    prefix = "$" if money else ("RMB " if unit in ("rmb", "rmb_per_module") else "")
    suffix = "%" if unit == "percent" else ""
    magnitude = abs(value)
    if full:
        digits = f"{magnitude:,.0f}" if float(value).is_integer() else f"{magnitude:,.2f}".rstrip("0").rstrip(".")
        text = f"−{digits}" if value < 0 else digits
    elif magnitude >= 1e9:
        text = f"{_short(value / 1e9)}B"
    elif magnitude >= 1e6:
        text = f"{_short(value / 1e6)}M"
    elif compact and magnitude >= 100_000:
        text = f"{value / 1e3:.0f}k"
    elif magnitude >= 1 or magnitude == 0:
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    else:
        text = f"{value:.2f}"
    return f"{prefix}{text}{suffix}"


def _short(scaled: float) -> str:
    """One decimal at most, and none when it would be '.0': 2.0 -> '2', 9.999999 -> '10', 1.45 -> '1.4'
    (so a range reads '2M–10M', never '2M–10.0M')."""
    text = f"{scaled:.1f}"
    return text[:-2] if text.endswith(".0") else text


BOUND_WORDS = {
    "exact": "",
    "range": "",
    "approx": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "up to ",
    "less_than": "below ",
}
LOWER_BOUNDS = ("at_least", "more_than")
UPPER_BOUNDS = ("at_most", "less_than")


def fmt_bound(
    value: float | None, bound: str | None, unit: str | None = None, *, compact: bool = False, full: bool = False
) -> str:
    """A figure with its bound in words: 'more than 200,000', 'below 21,000', 'about 700,000'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return BOUND_WORDS.get(str(bound or "exact"), "") + fmt_number(value, unit, compact=compact, full=full)


def fmt_range(
    low: float | None,
    high: float | None,
    unit: str | None = None,
    open_high: bool = False,
    bound: str | None = None,
    *,
    full: bool = False,
) -> str:
    """A figure or a span as people read it; one-sided bounds keep their words. The one bound
    formatter for screen, slide and file (``full`` for files: every digit, no 'M').

    'more than 200,000' (a strict lower bound), 'up to 75,000', '300,000–900,000',
    '300,000 to more than 900,000' style envelopes read '300,000–900,000+'.
    """

    def number(value: float | None) -> str:
        return fmt_number(value, unit, full=full)

    if low is None and high is None:
        return MISSING
    if bound in LOWER_BOUNDS and low is not None and (high is None or high == low):
        return fmt_bound(low, bound, unit, full=full)
    if bound in UPPER_BOUNDS and high is not None and (low is None or low == high):
        return fmt_bound(high, bound, unit, full=full)
    if open_high:
        if low is not None and high is not None and high > low:
            return f"{number(low)}–{number(high)}+"
        return f"at least {number(low)}" if low is not None else f"{number(high)}+"
    if low is None or high is None or low == high:
        return fmt_bound(low if low is not None else high, bound if bound == "approx" else None, unit, full=full)
    return f"{number(low)}–{number(high)}"


def fmt_row(row: object) -> str:
    """``fmt_range`` for a frame row or record with low/high/unit/open_high and a bound column
    (``bound`` or ``best_bound``), so every table and label keeps the bound in words."""
    get = row.get if hasattr(row, "get") else lambda key, default=None: getattr(row, key, default)
    bound = get("bound", None)
    if is_missing(bound):
        bound = get("best_bound", None)
    unit = get("unit", None)
    return fmt_range(
        num(get("low", None)),
        num(get("high", None)),
        None if is_missing(unit) else str(unit),
        bool(get("open_high", False)) if not is_missing(get("open_high", False)) else False,
        None if is_missing(bound) else str(bound),
    )


def _best_and_bound(row: object) -> tuple[Any, object]:
    get = row.get if hasattr(row, "get") else lambda key, default=None: getattr(row, key, default)
    bound = get("bound", None)
    return get("best", None), get("best_bound", None) if is_missing(bound) else bound


def reported_none(row: object) -> bool:
    """A best reading of 0 that says none ("0 delivered"), not a strict floor of 0 ("more than 0":
    shipments have begun, no figure given), which must never read or draw as none."""
    best, bound = _best_and_bound(row)
    return not is_missing(best) and float(best) == 0 and bound != "more_than"


def begun_no_figure(row: object) -> bool:
    """A strict floor of 0 ("more than 0": shipments have begun, no figure given)."""
    best, bound = _best_and_bound(row)
    return not is_missing(best) and float(best) == 0 and bound == "more_than"


def value_words(row: object) -> str:
    """A bar's value in words: "0 (none)" for a reported none, else the figure with its bound."""
    return "0 (none)" if reported_none(row) else fmt_row(row)


def bar_words(row: object) -> tuple[str, str]:
    """A range bar's label: the value its bar is drawn at, in words, and a note with the reports'
    span when that differs ("up to 75,000", "(reports: up to 100,000)"). A bar drawn at the
    strongest report's 75,000 once read "up to 100,000", the widest reading's words."""
    get = row.get if hasattr(row, "get") else lambda key, default=None: getattr(row, key, default)
    span = value_words(row)
    best = get("best", None)
    if is_missing(best) or reported_none(row):
        return span, ""
    bound = get("bound", None)
    if is_missing(bound):
        bound = get("best_bound", None)
    words = fmt_bound(float(best), None if is_missing(bound) or bound == "range" else str(bound), get("unit", None))
    return (span, "") if words == span else (words, f"(reports: {span})")


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def num(value: object) -> float | None:
    return None if is_missing(value) else float(value)  # type: ignore[arg-type]


def counted(count: int, one: str, many: str | None = None) -> str:
    """'1 item', '3 items': a count with its noun in the right number ("1 items" read as a bug)."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


SUBTITLE = "<br><span"  # where a chart title's grey subtitle starts in its markup (figures._common)


def wrap_lines(text: str, width: int, *, break_long_words: bool = False) -> list[str]:
    """Words in lines of about ``width`` characters: the one word-wrapper for chart text (hover,
    bar labels, slide titles, image frames). A word longer than a line keeps its own line unless
    ``break_long_words`` (a long web address in an image footer)."""
    # a number keeps its unit on its line: "Allowed by 50 / % rule" read as a stray "%"
    joined = UNIT_GAP.sub("\\1\u00a0\\2", " ".join(str(text).split()))
    lines = textwrap.wrap(joined, width=max(width, 1), break_long_words=break_long_words, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines]


UNIT_GAP = re.compile(r"(\d) (%|TB/s|GB|W)(?=\W|$)")
"""A number and the unit after it, kept on one line by ``wrap_lines``."""


def wrap(text: str, width: int = 70) -> str:
    """Seed text escaped for Plotly's hover markup and wrapped with <br> every ~``width`` chars."""
    return "<br>".join(wrap_lines(plain(text), width))


def plain(text: object) -> str:
    """Seed text made inert for Plotly labels and hover (which render a subset of HTML)."""
    return "" if is_missing(text) else html.escape(str(text), quote=False)
