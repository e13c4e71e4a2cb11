"""Date phrases with the precision they support, resolved against the report date.

"mid-February" is a month, "the second quarter of 2026" a quarter, "earlier this month" the
report's month, "on Tuesday" the last Tuesday on or before the report date. Explicit dates go
through dateparser; the phrase patterns only decide precision and the base to resolve from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import dateparser

from data.draft.model import DateMention

_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_FORWARD = re.compile(
    r"\b(will|would|expected|expects?|plans?|planned|scheduled|due|by|from|next|later|aims?|intends?|forecasts?|projected)\b",
    re.IGNORECASE,
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day_md", re.compile(r"\b" + _MONTH + r"\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4}))?")),
    ("day_dm", re.compile(r"\b(\d{1,2}) " + _MONTH + r"\b(?:,? (\d{4}))?")),
    ("part_month", re.compile(r"\b(early|mid|late|the end of|the start of|end of|start of|end|start|the middle of|middle of|the beginning of)[- ]"
            + _MONTH + r"\b(?:,? (\d{4}))?", re.IGNORECASE)),
    ("month", re.compile(r"\b(?i:in|by|since|until|from|through|during|last|this|next|of|before|after) " + _MONTH + r"\b(?:,? (\d{4}))?")),
    ("month_year", re.compile(r"\b" + _MONTH + r",? (\d{4})\b")),
    ("quarter", re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?(?:,? (\d{4}))?", re.IGNORECASE)),
    ("quarter_q", re.compile(r"\bQ([1-4])[ -]?(\d{4})?\b")),
    ("half", re.compile(r"\b(?:the )?(first|second) half(?! of " + _MONTH + r")(?: of)?(?:,? (\d{4}))?|\bH([12])[ -](\d{4})\b", re.IGNORECASE)),
    ("rel_month", re.compile(r"\b(earlier this|later this|this|last|next|early next|late last) month\b", re.IGNORECASE)),
    ("rel_week", re.compile(r"\b(earlier this|this|last|next) week\b", re.IGNORECASE)),
    ("rel_year", re.compile(r"\b(this|last|next|early next|late next|later this|earlier this) year\b", re.IGNORECASE)),
    ("rel_day", re.compile(r"\b([Yy]esterday|[Tt]oday|[Oo]n (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b(?!['’]s\b)")),
    ("year", re.compile(r"\b(?:in|by|for|since|during|through|of|until) (20[2-3]\d)\b(?!-)")),
]  # fmt: skip


def _month_number(name: str) -> int:
    parsed = dateparser.parse(f"1 {name[:3]} 2000", languages=["en"])
    assert parsed is not None
    return parsed.month


def _nearest_year(month: int, day: int, base: dt.date, ahead: bool = False) -> dt.date:
    """A month (and day) given without a year: the last one on or before the report date, unless
    the sentence looks ahead ("will", "expected"), then the next one on or after it."""
    if ahead:
        year = base.year if (month, day) >= (base.month, base.day) else base.year + 1
    else:
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
    return dt.date(year, month, day)


def _ahead(match: re.Match[str]) -> bool:
    """Does the sentence look ahead? Modal or planning verbs, or 'by/until/before' right before the date."""
    if re.search(r"\b(?:by|until|till|before)\s+$", match.string[: match.start()]):
        return True
    return bool(
        re.search(
            r"\b(will|would|could|may|might|expected|expects?|plans?|planned|scheduled|due|next|aims?|intends?|"
            r"takes? effect|begin|start)\b",
            match.string,
        )
    )


def _explicit_day(text: str, base: dt.date) -> dt.date | None:
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _resolve(kind: str, match: re.Match[str], base: dt.date) -> tuple[dt.date, str] | None:
    groups = match.groups()
    if kind in ("day_md", "day_dm"):
        month_name, day, year = (
            (groups[0], groups[1], groups[2]) if kind == "day_md" else (groups[1], groups[0], groups[2])
        )
        if not 1 <= int(day) <= 31:
            return None
        if year:
            parsed = _explicit_day(f"{day} {month_name} {year}", base)
            return (parsed, "day") if parsed else None
        try:
            return _nearest_year(_month_number(month_name), int(day), base, _ahead(match)), "day"
        except ValueError:
            return None
    if kind in ("part_month", "month", "month_year"):
        month_name, year = (groups[1], groups[2]) if kind == "part_month" else (groups[0], groups[1])
        month = _month_number(month_name)
        date = dt.date(int(year), month, 1) if year else _nearest_year(month, 1, base, _ahead(match))
        return date, "month"
    if kind in ("quarter", "quarter_q"):
        if re.search(r"fiscal\s*$", match.string[: match.start()][-12:], re.IGNORECASE):
            return None
        quarter = _ORD.get(groups[0].lower(), 0) if kind == "quarter" else int(groups[0])
        year = int(groups[1]) if groups[1] else base.year
        return dt.date(year, 3 * (quarter - 1) + 1, 1), "quarter"
    if kind == "half":
        half = groups[0] or groups[2]
        year = int(groups[1] or groups[3] or base.year)
        return dt.date(year, 1 if half.lower() in ("first", "1") else 7, 1), "year"
    return _relative(kind, groups[0].lower(), base)


def _relative(kind: str, word: str, base: dt.date) -> tuple[dt.date, str] | None:
    if kind == "rel_month":
        shift = -1 if word.startswith(("last", "late last")) else (1 if "next" in word else 0)
        month_index = base.year * 12 + base.month - 1 + shift
        return dt.date(month_index // 12, month_index % 12 + 1, 1), "month"
    if kind == "rel_week":
        monday = base - dt.timedelta(days=base.weekday())
        shift = -7 if word == "last" else (7 if word == "next" else 0)
        return monday + dt.timedelta(days=shift), "week"
    if kind == "rel_year":
        shift = -1 if word == "last" else (1 if "next" in word else 0)
        return dt.date(base.year + shift, 1, 1), "year"
    if kind == "rel_day":
        if word == "today":
            return base, "day"
        if word == "yesterday":
            return base - dt.timedelta(days=1), "day"
        target = _WEEKDAYS.index(word.split()[-1])
        return base - dt.timedelta(days=(base.weekday() - target) % 7), "day"
    if kind == "year":
        return dt.date(int(word), 1, 1), "year"
    return None


def find_dates(text: str, base: dt.date) -> list[DateMention]:
    """Every date phrase in ``text`` (one sentence or more), most precise first where they overlap."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            resolved = _resolve(kind, match, base)
            if resolved is None:
                continue
            taken.append(match.span())
            before = text[max(0, match.start() - 60) : match.start()]
            forward = resolved[0] > base or bool(_FORWARD.search(before.split(",")[-1]))
            out.append(
                DateMention(
                    match.group(0), resolved[0], resolved[1], match.start(), forward and resolved[0] >= base, text
                )
            )
    return sorted(out, key=lambda m: m.start)


# A company's reporting period, which is not the calendar (Nvidia's Q2 FY2027 ended in July 2026).
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"}
_YEAR = r"(?:year\s+)?'?(20\d\d|\d\d)\b"
_CODE = r"(?:\s*\(Q[1-4]\))?"  # "the second quarter (Q2) of the fiscal year 2026"
_FISCAL = [
    (
        re.compile(rf"\b(first|second|third|fourth)\s+quarter{_CODE}\s+of\s+(?:its\s+|the\s+)?fiscal\s+{_YEAR}", re.I),
        "Q",
    ),
    (re.compile(rf"\b(first|second)\s+half\s+of\s+(?:its\s+|the\s+)?fiscal\s+{_YEAR}", re.I), "H"),
    (re.compile(rf"\bfiscal\s+{_YEAR}\s+(first|second|third|fourth)\s+quarter", re.I), "Q-late"),
    (re.compile(r"\b(Q[1-4]|H[12])\s*(?:of\s+)?FY\s*'?(20\d\d|\d\d)\b", re.I), "code"),
    # "fiscal Q2 2026", "Q2 of fiscal 2026", "Q2 of the fiscal year 2026"
    (re.compile(r"\bfiscal\s+(?:year\s+)?(Q[1-4])\s+'?(20\d\d)\b", re.I), "code"),
    (re.compile(r"\b(Q[1-4])\s+of\s+(?:its\s+|the\s+)?fiscal\s+(?:year\s+)?'?(20\d\d|\d\d)\b", re.I), "code"),
    # "the second quarter of its 2026 fiscal year", "its second fiscal 2026 quarter"
    (
        re.compile(r"\b(first|second|third|fourth)\s+quarter\s+of\s+(?:its\s+|the\s+)?(20\d\d)\s+fiscal\s+year", re.I),
        "Q",
    ),
    (re.compile(r"\b(first|second|third|fourth)\s+fiscal\s+(?:year\s+)?(20\d\d)\s+quarter", re.I), "Q"),
]
FILING = re.compile(r"\b(?:Form\s+)?10-[QK]\b|\b20-F\b|\bquarterly report\b|\bannual report\b|\bfiling\b", re.I)


def _fiscal_year(text: str) -> str:
    return f"FY{'20' + text if len(text) == 2 else text}"


def fiscal_period(text: str) -> str | None:
    """The first fiscal quarter or half named in ``text`` ("second quarter of fiscal 2027" ->
    "Q2 FY2027", "H1 FY27" -> "H1 FY2027"), or None. A bare "fiscal 2025" names no period."""
    found = fiscal_periods(text)
    return found[0][1] if found else None


def fiscal_periods(text: str) -> list[tuple[int, str]]:
    """Every fiscal quarter or half ``text`` names, with where: (offset, "Q2 FY2026"), in order."""
    found = []
    for pattern, form in _FISCAL:
        for match in pattern.finditer(text):
            if form == "code":
                period, year = match.group(1).upper(), match.group(2)
            elif form == "Q-late":
                period, year = "Q" + _ORDINALS[match.group(2).lower()], match.group(1)
            else:
                period, year = form + _ORDINALS[match.group(1).lower()], match.group(2)
            found.append((match.start(), f"{period} {_fiscal_year(year)}"))
    return sorted(set(found))


def add_fiscal_periods(claims: list[Any], text: str, title: str) -> None:
    """Suggest each claim's fiscal period: the one its sentence names, else, in a company filing
    (a 10-Q, a quarterly report), the period the filing names most often. To confirm, like the rest."""
    periods = [fiscal_period(sentence) for sentence in re.split(r"(?<=[.;])\s+", text)]
    named = [p for p in periods if p]
    fallback = max(named, key=named.count) if named and FILING.search(title + "\n" + text) else None
    for claim in claims:
        claim.fiscal_period = fiscal_period(claim.text) or fallback
        if claim.fiscal_period:
            claim.to_confirm.append("fiscal_period")


_NAMED_DAY = re.compile(r"[A-Za-z]{3}")
_NAMED_MONTH = re.compile(r"\b" + _MONTH + r"\b")
_WITH_YEAR = re.compile(r"\b20\d\d\b")


def dated_day(mention: DateMention) -> bool:
    """A past day named with its year ("on 14 July 2026"): the text was written after it."""
    return mention.precision == "day" and bool(_WITH_YEAR.search(mention.phrase)) and not mention.forward


def text_days(mentions: list[DateMention], *, dated: bool = True) -> list[dt.date]:
    """Days the text names ("on January 13", "Feb 24", "on Monday"): the story's own dates."""
    return [m.date for m in text_day_mentions(mentions, dated=dated)]


def text_day_mentions(mentions: list[DateMention], *, dated: bool = True) -> list[DateMention]:
    """The mentions naming those days, each with its sentence.

    "On Monday", "today" and "yesterday" count only when the text's own date was known (``dated``):
    without it they were resolved against today's date, which is no day of the story."""
    return [
        m
        for m in mentions
        if m.precision == "day"
        and not m.forward
        and (_NAMED_MONTH.search(m.phrase) if not dated else _NAMED_DAY.search(m.phrase))
    ]


def unique_dates(mentions: list[DateMention]) -> list[DateMention]:
    """Each date once, at each precision it is named with."""
    seen: set[tuple[str, str]] = set()
    out = []
    for mention in mentions:
        key = (mention.date.isoformat(), mention.precision)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out
