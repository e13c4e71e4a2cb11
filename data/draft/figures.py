"""Figures in a sentence: numbers with their unit and bound, money, percentages, vague wordings.

Every figure keeps the exact words it came from (``wording``) and its offsets, so a drafted
number can always be traced back to the text; nothing here computes a number the text lacks
beyond reading digits times a written scale word ("1.6 million").
"""

from __future__ import annotations

import re

from data.draft import votes
from data.draft.bound_words import (
    AFTER_APPROX,
    AFTER_AT_LEAST,
    AFTER_AT_MOST,
    BOUND_RE,
    CAP_AFTER,
    CHANGE_FROM,
    NEGATED,
    PHRASAL_AROUND,
    PHRASAL_OVER,
    PLUS_MINUS,
    UNDER_TERMS,
)
from data.draft.model import Figure
from data.draft.units import COUNT_NOUN, COUNT_UNITS, OTHER_COUNT, money_unit, unit_after

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
# "two million", "a million": a small number word counts as a number only before a scale word.
# "half a million" is 500,000 and "a quarter of a million" 250,000, never "a million".
_SCALED_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twenty": 20, "fifty": 50, "half a": 0.5, "half of a": 0.5, "a half": 0.5,
                 "a quarter of a": 0.25, "quarter of a": 0.25, "three quarters of a": 0.75}  # fmt: skip
ATOM = re.compile(
    r"(?<![\w.,/$¥€£])(?P<cur>US\$|\$|USD ?|RMB ?|CNY ?|¥)?(?P<num>"
    + NUM
    + r"|(?:"
    + "|".join(sorted(_SCALED_WORDS, key=len, reverse=True))
    + r")(?=\s(?:thousand|million|billion|trillion)\b))"
    # "$4.5 bn" with a space and "$4.5-billion" are billions too; a lone "m", "k" or "b" only when attached
    r"(?P<scale>[\s-]?(?:thousand|million|billion|trillion)\b|\s?(?:mln|bln|bn|mn|tn)\b|(?:m|k|b)\b)?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b)|(?-i:pc)\b)?",  # "25pc": British papers' percent
    re.IGNORECASE,
)
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a dozen": 12,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_PERCENT = re.compile(r"\s+(?:per ?cent|percent)\b", re.IGNORECASE)  # "more than fifty per cent"
_WORD_ATOM = re.compile(r"\b(" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
CHIP_CONTEXT = re.compile(r"\b(h200s?|h20|chips?|gpus?|processors?|accelerators?|semiconductors?)\b", re.IGNORECASE)
# "40,000 to 50,000", "3.5 billion yuan to as much as 5 billion yuan": one range
_JOIN = re.compile(
    r"^\s*(?:(?:yuan|renminbi|RMB|dollars)\s+)?(?:-|–|—|to|and)(?:\s+(?:as (?:much|many|high) as|up to))?\s*$",
    re.IGNORECASE,
)


def _number(raw: str) -> float:
    """Digits as written, or a small number word ("two" in "two million")."""
    word = _SCALED_WORDS.get(raw.lower())
    return float(word) if word is not None else float(raw.replace(",", ""))


def scaled(number: float, scale: float) -> float:
    """``number`` times its scale word, to 15 significant digits: "$17.1 billion" is 17,100,000,000,
    not the 17,100,000,000.000002 that binary floating point makes of 17.1 x 1e9."""
    return float(f"{number * scale:.15g}")


def _value(match: re.Match[str]) -> float:
    scale = (match.group("scale") or "").strip(" -").lower()
    return scaled(_number(match.group("num")), _SCALES.get(scale, 1.0))


def _currency(match: re.Match[str], after: str) -> str | None:
    cur = (match.group("cur") or "").strip().upper()
    if cur in ("$", "US$", "USD"):
        return "usd"
    if cur in ("RMB", "CNY", "¥"):
        return "rmb"
    if re.match(r"^\s*(?:yuan|renminbi|RMB|CNY)\b", after, re.IGNORECASE):  # "31.9 billion RMB"
        return "rmb"
    if re.match(r"^\s*(?:(?:us\s+|u\.s\.\s+)?dollars|USD)\b", after, re.IGNORECASE):
        return "usd"
    return None


# A measure's unit written onto its number; a letter after a number is otherwise a model name ("910B").
_GLUED_UNIT = re.compile(r"^(?:[GT]B/s|GB|TB|TFLOPS|PFLOPS|W)(?![\w/])", re.IGNORECASE)  # "310W": watts


def _is_noise(text: str, match: re.Match[str]) -> bool:
    """Years, days of a date, ordinals, times, model numbers: not figures."""
    start, end = match.span()
    raw = match.group("num")
    if match.group("cur") or match.group("pct") or match.group("scale"):
        return False
    after = text[end : end + 12]
    before = text[max(0, start - 12) : start]
    if _GLUED_UNIT.match(after):
        return False  # "141GB", "4.8TB/s": a spec with its unit written on, not a model number
    if re.match(r"^(?:st|nd|rd|th)\b|^:\d|^-?[a-z]", after, re.IGNORECASE) and not re.match(
        r"^-(?:plus|day|hour|odd|chips?|gpus?|units?|accelerators?|modules?|servers?)\b",
        after,  # "a 75,000-chip cap"
    ):
        return True
    if not raw[0].isdigit():
        return False
    if "," not in raw and "." not in raw and 1990 <= int(raw) <= 2039:
        return True
    if re.search(r"\b(?:19|20)\d\d\s?[-–—/]\s?$", before) or re.search(r"'$", before):
        return True  # the second half of a year range ("2025-26", "2026–2027") or a short year ('26)
    if re.search(_MONTHS + r"\.?\s*$", before, re.IGNORECASE) and int(float(raw.replace(",", ""))) <= 31:
        return True
    if re.match(r"^\s*" + _MONTHS + r"\b", after, re.IGNORECASE) and int(float(raw.replace(",", ""))) <= 31:
        return True
    if re.search(
        r"\b(?:Siyuan|Ascend|Atlas|RTX|Pro|MI|Instinct|Kunlun|Hopper|Blackwell|Rubin|model|version|[Ss]ection|"
        r"[Aa]rticle|[Cc]hapter|[Cc]lause|[Pp]aragraph|[Rr]ule|[Tt]itle|[Pp]art)\s*$",
        before,
    ):
        return True
    return bool(re.search(r"(?:\bq|\bno\.|#|\bfy|\bfiscal\s)\s*$", before, re.IGNORECASE))


def _bound_before(text: str, start: int) -> tuple[str, bool, int]:
    """The bound word right before a number: the longest phrase wins ("no more than" over "more than")."""
    before = text[max(0, start - 60) : start]
    best: tuple[int, str] | None = None
    for pattern, bound in BOUND_RE:
        found = pattern.search(before)
        if found and (best is None or found.start(1) < best[0]):
            best = (found.start(1), bound)
    if best is None:
        return "exact", False, start
    begin = start - (len(before) - best[0])
    if text[begin : begin + 4].lower() == "over" and PHRASAL_OVER.search(text[max(0, begin - 20) : begin]):
        return "exact", False, start  # "hand over 25%", "an increase over $7.5 billion": the number is as said
    if text[begin : begin + 6].lower() == "around" and PHRASAL_AROUND.search(text[max(0, begin - 20) : begin]):
        return "exact", False, start  # "built around 8,192 chips": what it is made of
    if text[begin : begin + 5].lower() == "under" and UNDER_TERMS.match(text[start : start + 60]):
        return "exact", False, start  # "under 25% tariffs": subject to the levy, not below it
    window = text[max(0, begin - 40) : begin]
    negated = NEGATED.search(window)
    if negated and best[1] in ("more_than", "less_than"):  # "may not get more than 50%": at most 50 %, 50 allowed
        bound = "at_most" if best[1] == "more_than" else "at_least"
        return bound, False, begin - (len(window) - negated.start())
    return best[1], best[1] in ("more_than", "less_than"), begin


def find_figures(sentence: str, chip_context: bool = False) -> list[Figure]:
    """Every numeric figure in one sentence, ranges joined, with unit and bound.

    ``chip_context``: the paragraph is about chips, so "2 million Chinese orders" counts chips.
    """
    tallies = votes.tallies(sentence)  # "voted 42-2": two counts of votes, never a range
    atoms = [m for m in ATOM.finditer(sentence) if not _is_noise(sentence, m)]
    atoms = [m for m in atoms if not any(t.start <= m.start() < t.end for t in tallies)]
    figures: list[Figure] = list(tallies)
    index = 0
    earlier: Figure | None = None  # the "from" reading of a change, which takes the price unit of the "to" one
    while index < len(atoms):
        first = atoms[index]
        last = first
        between = sentence[max(0, first.start() - 9) : first.start()].lower().rstrip().endswith("between")
        nxt = atoms[index + 1] if index + 1 < len(atoms) else None
        change = None
        if nxt is not None and _JOIN.match(sentence[first.end() : nxt.start()]):
            joiner = re.sub(
                r"^(?:yuan|renminbi|rmb|dollars)\s+", "", sentence[first.end() : nxt.start()].strip().lower()
            )
            change = joiner.split(" ")[0] == "to" and CHANGE_FROM.search(
                sentence[max(0, first.start() - 90) : first.start()]
            )
            # "rose 9% to 196.46 billion": a percent and an amount are two figures, never a range
            apart = bool(first.group("pct")) != bool(nxt.group("pct")) and any(
                m.group("scale") or m.group("cur") for m in (first, nxt)
            )
            if (joiner != "and" or between) and not change and not apart:
                last = nxt
                index += 1
        index += 1
        figure = _build(sentence, first, last, chip_context)
        if figure is not None and earlier is not None and (figure.unit or "").startswith(f"{earlier.unit}_per_"):
            earlier.unit = figure.unit  # "rose from $25,000 to $27,000 per chip": both are per chip
        earlier = figure if change and figure is not None and figure.unit in ("usd", "rmb") else None
        if figure is not None:
            figures.append(figure)
            while index < len(atoms) and atoms[index].start() < figure.end:
                index += 1  # a number inside the figure's own words ("$91B ±2%") is no figure of its own
    figures.extend(_word_figures(sentence, figures))
    figures.extend(_half_of(sentence, figures))
    return figures


# "half the volume sold to US customers", "more than half of US sales": a share told as a fraction.
_HALF = re.compile(
    r"\bhalf\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w.-]+\s+){0,3}"
    r"(?:volume|sales|shipments|quantity|amount|supply|output|(?:chips|units|processors) (?:sold|shipped|made|produced)(?= (?:to|for|in)\b))\b",
    re.IGNORECASE,
)


# A share gone "from 95% to zero", "to nearly zero" (about zero), "to absolute zero" (zero): a percent
# told in words, after a percent or a share, which may name its market at length in between.
_TO_ZERO = re.compile(
    r"(?:%|\bper ?cent\b|\bshare\b)[^.;:]{0,80}?\b(to\s+(?:(nearly|almost|effectively|virtually|close to|near)\s+"
    r"|absolute(?:ly)?\s+)?zero)\b",
    re.IGNORECASE,
)


def _half_of(sentence: str, found: list[Figure]) -> list[Figure]:
    """A share told as half of something, or as gone to zero, kept in its words as a percent share
    with its bound ("cannot import more than half the volume": at most; "to nearly zero": about),
    no number made up for it."""
    out = []
    for match in _TO_ZERO.finditer(sentence):
        if not any(f.start <= match.start(1) < f.end for f in found):
            figure = Figure(
                unit="percent", bound="approx" if match.group(2) else "exact", wording=match.group(1), vague=True
            )
            figure.start, figure.end = match.start(1), match.end(1)
            out.append(figure)
    for match in _HALF.finditer(sentence):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        bound, strict, start = _bound_before(sentence, match.start())
        figure = Figure(unit="percent", bound=bound, wording=sentence[start : match.end()].strip(), vague=True)
        figure.strict = strict
        figure.start, figure.end = start, match.end()
        out.append(figure)
    return out


def _build(sentence: str, first: re.Match[str], last: re.Match[str], chip_context: bool = False) -> Figure | None:
    ranged = first is not last
    tail = sentence[last.end() :]
    currency = _currency(last, tail) or _currency(first, sentence[first.end() :])
    if ranged and currency is None:
        currency = _currency(first, "")
    low, high = _value(first), _value(last)
    if (
        ranged
        and not first.group("scale")
        and last.group("scale")
        and not _whole(first.group("num"), last.group("num"))
    ):
        low = scaled(_number(first.group("num")), _SCALES[last.group("scale").strip(" -").lower()])
    percent = bool(last.group("pct") or first.group("pct"))
    end = last.end()
    money_word = re.match(r"^\s*(?:yuan|renminbi|RMB|CNY|USD|(?:us\s+|u\.s\.\s+)?dollars)\b", tail, re.IGNORECASE)
    if money_word:
        end += money_word.end()
    scale = (last.group("scale") or "").strip(" -").lower()
    short_scale = scale in ("b", "m", "k", "tn") and not currency
    if short_scale and scale not in ("k", "m"):
        return None  # "7B" parameters: a letter scale counts only on money ("$14B") or chips ("400K chips")
    rough = AFTER_APPROX.match(sentence[end:]) if not percent and not currency else None
    if rough:
        end += rough.end()  # "10,000 or so H200 chips", "10,000-odd chips": about 10,000
    unit: str | None
    if percent:
        unit = "percent"
    elif currency:
        unit = money_unit(sentence, currency, first.start(), end)
    elif re.match(r"^-(day|hour)\b", sentence[end:]):
        unit = "days" if sentence[end + 1] == "d" else "hours"
        end += 4 if unit == "days" else 5
    else:
        unit, unit_end = unit_after(sentence, end)
        if short_scale and unit not in ("chips", "modules", "accelerators"):
            return None  # "5M of something": a letter scale counts chips only when a chip noun follows
        if unit is not None:
            end = unit_end
        elif re.search(r"\btpp\b|\btotal processing performance\b", sentence[: first.start()], re.IGNORECASE):
            unit = "tpp"
        elif (
            max(low, high) >= 100
            and not OTHER_COUNT.match(sentence[end:])
            and (CHIP_CONTEXT.search(sentence) or (chip_context and COUNT_NOUN.search(sentence)))
        ):
            unit = "chips"
        else:
            return None
    if unit in COUNT_UNITS and max(low, high) > 1e6:
        return None
    bound, strict, start = _bound_before(sentence, first.start())
    band = PLUS_MINUS.match(sentence[end:]) if not ranged else None
    if band:
        end += band.end()  # the band is part of the figure's words, never a figure of its own
    if (rough or band) and bound == "exact":
        bound = "approx"
    after = sentence[end:]
    if ranged:
        if sentence[max(0, first.start() - 9) : first.start()].lower().rstrip().endswith("between"):
            start = first.start() - (
                len(sentence[: first.start()]) - sentence[: first.start()].lower().rfind("between")
            )
        figure = Figure(unit=unit, bound="range", wording="", low=min(low, high), high=max(low, high))
    elif AFTER_AT_LEAST.match(after):
        end += AFTER_AT_LEAST.match(after).end()  # type: ignore[union-attr]
        figure = Figure(unit=unit, bound="at_least", wording="", low=low)
    elif AFTER_AT_MOST.match(after):
        end += AFTER_AT_MOST.match(after).end()  # type: ignore[union-attr]
        figure = Figure(unit=unit, bound="at_most", wording="", high=low)
    elif bound == "exact" and CAP_AFTER.match(after):  # "a 75,000-chip cap", "a 50% volume cap"
        figure = Figure(unit=unit, bound="at_most", wording="", high=low)  # the level of a cap is its most
    elif bound in ("at_least", "more_than"):
        figure = Figure(unit=unit, bound=bound, wording="", low=low, strict=strict)
    elif bound in ("at_most", "less_than"):
        figure = Figure(unit=unit, bound=bound, wording="", high=low, strict=strict)
    else:
        figure = Figure(unit=unit, bound=bound, wording="", value=low)
    figure.start, figure.end = start, end
    figure.wording = sentence[start:end].strip()
    return figure


def _word_figures(sentence: str, found: list[Figure]) -> list[Figure]:
    """'ten companies', 'three days', 'eight H200 chips': small counts written as words, only right
    before a count or chip noun (never "one of the chips", never "one chip" as in a price per chip)."""
    out = []
    for match in _WORD_ATOM.finditer(sentence):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        if re.search(r"\b(?:no|any|some|every)\s*$", sentence[: match.start()], re.IGNORECASE):
            continue  # "no one voted", "anyone": a pronoun, not a count
        unit, end = unit_after(sentence, match.end(), max_words=2)
        percent = _WORD_PERCENT.match(sentence, match.end())
        if percent:
            unit, end = "percent", percent.end()
        elif unit not in COUNT_UNITS:
            unit, end = unit_after(sentence, match.end(), max_words=3)
            chips = unit in ("chips", "modules") and match.group(1).lower() not in ("one", "a dozen")
            if not chips or re.match(r"\s+(?:of|the)\b", sentence[match.end() :], re.IGNORECASE):
                continue
        bound, strict, start = _bound_before(sentence, match.start())
        value = float(_WORD_NUMBERS[match.group(1).lower()])
        figure = Figure(unit=unit, bound=bound, wording="", strict=strict)
        if bound in ("at_least", "more_than"):
            figure.low = value
        elif bound in ("at_most", "less_than"):
            figure.high = value
        else:
            figure.value = value
        figure.start, figure.end = start, end
        figure.wording = sentence[start:end].strip()
        out.append(figure)
    return out


def _whole(low: str, high: str) -> bool:
    """A low end above the high end's digits keeps its own scale ("$489,000 and $4 million")."""
    return _number(low) > _number(high)


_BETWEEN_SCALED = re.compile(
    r"\bbetween\s+(?:US\$|\$|¥)?("
    + NUM
    + r")\s+and\s+(?:US\$|\$|¥)?("
    + NUM
    + r")\s?(thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)


def numbers_in_text(text: str) -> set[float]:
    """Every number the text states (digits times a written scale, or a small number word).

    Used to check that a draft invents nothing: each drafted value must be in this set.
    """
    out: set[float] = set()
    for match in ATOM.finditer(text):
        out.add(round(_value(match), 6))
        if not match.group("scale"):
            out.add(round(_number(match.group("num")), 6))
    for match in re.finditer(
        r"(?<![\w.,])("
        + NUM
        + r")\s*(?:-|–|—|to)\s*\$?("
        + NUM
        + r")\s?(thousand|million|billion|trillion|bn|mn|m|k)\b",
        text,
        re.IGNORECASE,
    ):
        if not _whole(match.group(1), match.group(2)):
            out.add(round(scaled(float(match.group(1).replace(",", "")), _SCALES[match.group(3).lower()]), 6))
    for match in _BETWEEN_SCALED.finditer(text):  # "between $30 and $70 billion" states $30 billion
        if not _whole(match.group(1), match.group(2)):
            out.add(round(scaled(float(match.group(1).replace(",", "")), _SCALES[match.group(3).lower()]), 6))
    for match in _WORD_ATOM.finditer(text):
        out.add(float(_WORD_NUMBERS[match.group(1).lower()]))
    return out
