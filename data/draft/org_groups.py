"""Organisations a report names as a group or by what they do, never by a name of their own.

Four kinds of wording, each read by how it is built rather than by one article's phrase:

- unnamed Chinese buyers: "Chinese tech companies", "local firms", "domestic customers", counted
  only where the sentence has them buying, ordering or paying for chips (Chinese firms that make
  their own processors are not buyers);
- chips smuggled: "GPUs were smuggled into China", "chips being smuggled", "smuggled via Malaysia"
  (not other goods, not when the sentence denies it; smuggling only talked about names no network);
- the US government clearing the sales or taking its cut: "the U.S. government approved", "a 25%
  cut for the American administration" (not "the US government is investigating");
- universities as the exception a Chinese approval makes: "R&D with universities", "university
  research", in a passage about China;
- a bare list of US departments after a preposition: "across State, Energy, and Defense",
  "officials at Commerce and State", when every item is a cabinet department's short name.

`org_rules.role_matches` calls `group_matches`; each match is (start, end, organisation id, words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from data.draft.org_rules import foreign, nation_before

Match = tuple[int, int, str, str]
UNNAMED = frozenset({"other-cn-buyers"})  # the group of Chinese buyers no report names one by one

_GROUP = re.compile(
    r"(?<![\w-])(?:(Chinese|China['’]s|local|domestic)\s+)(?:(?:tech(?:nology)?|internet|AI|cloud|platform)\s+)?"
    r"(companies|firms|customers|buyers|clients|groups|giants|enterprises|businesses|players)\b",
    re.IGNORECASE,
)
# The sentence has the group buying: ordering, purchasing, paying for, stockpiling or wanting the chips.
_BUYING = re.compile(
    r"\b(?:orders?|ordered|ordering|purchas\w*|buy(?:s|ing)?|bought|stockpil\w*|acquir\w*|pay(?:s|ing)?|paid|"
    r"prepay\w*|upfront|demand|procur\w*)\b",
    re.IGNORECASE,
)
# Customers, buyers and clients are buyers by name, when the sentence is about the chips or their seller.
_CHIPS = re.compile(r"\b(?:Nvidia|H\d{2,3}s?|chips?|GPUs?|processors?|accelerators?)\b", re.IGNORECASE)
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing)\b")

# Chips smuggled: someone moved them, so a network is there; smuggling only talked about ("chip smuggling
# is going on", "penalties for chip smuggling") is a worry or a law, not a network (tests/unit/test_draft_orgs.py).
_SMUGGLING = re.compile(
    r"\b(?:chips|GPUs|processors|accelerators|H\d{2,3}s?)\s+(?:(?:were|are|was|is|being|been|had|have)\s+){0,2}"
    r"(?:\w+\s+)?smuggled\b"
    r"|\bsmuggled\s+(?:(?:into|to|via|through|out\s+of)\s+(?-i:[A-Z])|(?:[\w-]+\s+){0,2}?(?:chips|GPUs|processors|H\d{2,3}s?)\b)",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:no|not|never|denied|denies|deny)\b[^.;]{0,30}$", re.IGNORECASE)

_US_GOVERNMENT = re.compile(r"(?<![\w-])(?:government|administration)\b")
# What the White House does in these reports: clears or licenses the sales, takes its cut of them.
_DEAL = re.compile(
    r"\b(?:approv\w*|allow\w*|clear(?:s|ed|ing)?|licen[cs]\w*|permit\w*|decision|decided|cut|levy|tax|share|"
    r"percent|deal|agreed|sign(?:s|ed)?\s+off)\b|%",
    re.IGNORECASE,
)

_UNIVERSITY = re.compile(r"(?<![\w-])universit(?:y|ies)\b", re.IGNORECASE)
_EXCEPTION = re.compile(
    r"\b(?:research|R&D|exempt\w*|exceptions?|special\s+(?:circumstances|cases)|allowed|approved|permitted)\b",
    re.IGNORECASE,
)

_DEPARTMENTS = ("State", "Energy", "Defense", "Commerce", "Treasury", "Justice", "War", "Homeland Security",
                "Agriculture", "Interior", "Labor")  # fmt: skip
_DEPT = "(?:" + "|".join(_DEPARTMENTS) + ")"
_BARE_LIST = re.compile(
    r"\b(?:across|at|to|with|from|by|between|among|including|involving)\s+(?:the\s+)?"
    rf"({_DEPT}(?:\s*,\s*{_DEPT})*\s*,?\s+(?:and|&)\s+{_DEPT})\b(?!\s+(?:Department|Ministry|Secretar))"
)


_END = re.compile(r"(?<![A-Z])[.!?](?=\s)|\n")  # "U.S. government" is not a sentence's end


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], in a window of 400 characters each side."""
    left = max(0, start - 400)
    ends = [m.end() for m in _END.finditer(text, left, start)]
    after = _END.search(text, end, end + 400)
    return text[ends[-1] if ends else left : after.start() if after else min(len(text), end + 400)]


def _buyers(text: str) -> list[Match]:
    out: list[Match] = []
    for match in _GROUP.finditer(text):
        sentence = _sentence(text, match.start(), match.end())
        if match.group(1).lower() in ("local", "domestic") and not _CHINA.search(sentence):
            continue  # "domestic" of which country: the sentence must say China
        if foreign(text, match.start(), "CN"):
            continue
        by_name = match.group(2).lower() in ("customers", "buyers", "clients")
        if _BUYING.search(sentence) or (by_name and _CHIPS.search(sentence)):
            out.append((match.start(), match.end(), "other-cn-buyers", match.group(0)))
    return out


def _smuggling(text: str) -> list[Match]:
    return [
        (m.start(), m.end(), "smuggling-networks", m.group(0))
        for m in _SMUGGLING.finditer(text)
        if not _DENIED.search(text[max(0, m.start() - 40) : m.start()])
        and _CHIPS.search(_sentence(text, m.start(), m.end()))  # chips smuggled, not drugs
    ]


def _us_government(text: str) -> list[Match]:
    return [
        (m.start(), m.end(), "us-white-house", m.group(0))
        for m in _US_GOVERNMENT.finditer(text)
        if nation_before(text, m.start()) == "US" and _DEAL.search(_sentence(text, m.start(), m.end()))
    ]


def _universities(text: str, whole: bool = False) -> list[Match]:
    """Universities in a sentence on exceptions or research that names China (``whole``: China named
    anywhere in ``text``, a paragraph)."""
    out: list[Match] = []
    for match in _UNIVERSITY.finditer(text):
        if nation_before(text, match.start()) not in (None, "CN"):
            continue
        sentence = _sentence(text, match.start(), match.end())
        if _EXCEPTION.search(sentence) and _CHINA.search(text if whole else sentence):
            out.append((match.start(), match.end(), "cn-universities", match.group(0)))
    return out


def _bare_lists(text: str, lookup: Callable[[str], str | None]) -> list[Match]:
    out: list[Match] = []
    for match in _BARE_LIST.finditer(text):
        for item in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", match.group(1)):
            org = lookup(f"{item} Department") or lookup(f"Department of {item}")
            if org:
                out.append((match.start(1), match.end(1), org, match.group(1)))
    return out


def group_matches(text: str, known: dict[str, str], lookup: Callable[[str], str | None]) -> list[Match]:
    """Every group or role wording above that names an organisation ``known`` holds."""
    out: list[Match] = []
    if "other-cn-buyers" in known:
        out += _buyers(text)
    if "smuggling-networks" in known and "muggl" in text:
        out += _smuggling(text)
    if "us-white-house" in known:
        out += _us_government(text)
    if "cn-universities" in known and "niversit" in text:
        out += _universities(text)
    out += [m for m in _bare_lists(text, lookup) if m[2] in known and not foreign(text, m[0], known[m[2]])]
    return out


def paragraph_matches(paragraph: str, known: dict[str, str]) -> list[Match]:
    """The group wordings whose country a sentence can leave to its paragraph: "exceptions for R&D
    with universities", after a sentence on Beijing's rules (the drafter reads sentence by sentence)."""
    return _universities(paragraph, whole=True) if "cn-universities" in known and "niversit" in paragraph else []
