"""Word families that make a sentence without a number a claim, beside the status words.

`background.is_statement` drafts a sentence that names who and says what happened. Some things
happen without a status word: buyers wanting the chip ("seeking the chips", "demand remains high",
"rushing to buy"), officials warning firms off buying, no orders placed yet, shipping put ahead in
time ("aims to start shipping", "shipments are expected to begin"). Each is a family of wordings,
read by how the sentence is built, not one article's phrase; the buyers may be named in general
words ("Chinese companies", "the firms") when the report is about a chip the tracker follows.
Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re

from data.draft import statuses
from data.draft.model import EntityMatch

_CHIP_WORDS = r"(?:chips?|H\d{2,3}s?|processors?|accelerators?|GPUs?|semiconductors?|hardware|units)"
# Wanting the chip: seeking it, rushing or scrambling for it, snapping it up, eager or interested to buy it,
# demand described as high or growing ("demand for these chips remains high", "strong interest").
DEMAND = re.compile(
    rf"\b(?:seek(?:s|ing)?|sought)\s+(?:(?!to\b)[\w'’-]+\s+){{0,4}}?(?:{_CHIP_WORDS}|access|to (?:buy|purchase|acquire|secure|order))\b|"
    r"\b(?:rush(?:es|ed|ing)?|scrambl\w*|clamou?r\w*|jostl\w*|lin(?:ed|ing) up|queu(?:e|ed|ing))\s+"
    r"(?:\w+\s+){0,2}?(?:to (?:buy|order|secure|acquire|purchase|get|obtain)|for)\b|"
    # racing to buy is demand; "the race for AI dominance" is an idiom
    r"\brac(?:es|ed|ing)\s+(?:\w+\s+){0,2}?to (?:buy|order|secure|acquire|purchase|get|obtain)\b|"
    r"\bsnap(?:s|ped|ping)? up\b|"
    r"\bdemand\s+(?:(?:for|from|among)\s+(?:[\w'’-]+\s+){1,5}?){0,2}(?:remains?|is|was|stays?|has been|surg\w*|soar\w*|roar\w*|jump\w*|"
    r"grow\w*|ris(?:es|ing|en)|boom\w*|continues)\b|"
    r"\b(?:high|strong|robust|surging|massive|huge|unfilled|pent-up|insatiable|unquenchable|voracious|enormous|"
    r"booming|soaring|keen|intense|growing)\s+(?:\w+\s+)?(?:demand|interest|appetite)\b|"
    r"\binterest(?:ed)? in (?:buying|acquiring|purchasing|ordering|securing|obtaining)\b|"
    r"\b(?:eager|keen|hoping|looking) to (?:buy|acquire|purchase|order|secure|obtain)\b|"
    # "customers who want to buy" only says whom a rule is for; "firms want to buy" is the demand
    r"(?<!who )(?<!that )\bwant(?:s|ed)? to (?:buy|purchase|acquire|order)\b",
    re.IGNORECASE,
)
# Officials steering buyers away: "warned against purchasing", "told firms to avoid buying", "urged not to use".
WARNED_OFF = re.compile(
    r"\b(?:warn|urg|advis|instruct|told|tell|direct|ask|order)\w*\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:against|not to|to avoid|to refrain from|to stop)\s+(?:\w+\s+){0,2}?(?:buy|purchas|order|us(?:e|ing))\w*",
    re.IGNORECASE,
)
# An authority acting against smuggling: arrests, charges, indictments, seizures, pleas, sentences.
ENFORCEMENT = re.compile(
    r"\b(?:arrest(?:ed|s|ing)?|charged|indict(?:ed|ment|s)?|seiz(?:ed|es|ing|ure)|prosecut\w*|pleaded guilty|"
    r"sentenced|convicted|smuggled)\b|"  # "smuggling concerns grow" is a worry, not an action ...
    # ... but acting on it is one: "shut down a smuggling network", "smuggling is a priority for law enforcement"
    r"\b(?:(?:shut|shuts|broke|breaks|cracked|cracking|cracks|clamped|clamping)\s+(?:down|up)|dismantl\w*|crackdown|"
    r"law enforcement)\b(?=[^.;]{0,60}\bsmuggl)|\bsmuggl\w*\b(?=[^.;]{0,60}\blaw enforcement\b)",
    re.IGNORECASE,
)
# A named side speaking on a decision or the trade: "Trump said he had told Xi of the decision", "in a
# statement, Nvidia said the move strikes a balance", "'it is going on,' said Mr Peters". The speaker is a
# tracked organisation or person, or an official or spokesperson; an analyst's view is not here.
SPEECH = re.compile(
    r"\b(?:said|says|told|stated|noted|added|confirmed|acknowledged|admitted|warned|insisted|called)\b", re.IGNORECASE
)
_SPEAKER = re.compile(
    r"\b(?:spokes(?:person|man|woman)|officials?|minister|ambassador|embassy|secretary|president|chief executive|"
    r"CEO)\b|\bsaid (?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]",
    re.IGNORECASE,
)
# ... on a government's step or the trade it rules: a remark on the chip itself ("says the H200 is fast
# enough") is no claim (tests/unit/test_draft_statements.py)
_TOPIC = re.compile(
    r"\b(?:decision|move|deal|policy|approval|rules?|ban|curbs|export(?:s|ing)?|sales|selling|smuggling|cooperation"
    r"|surcharge|fee|levy)\b",
    re.IGNORECASE,
)
_VIEW = re.compile(r"\b(?:analysts?|experts?|observers?|commentators?|critics?|investors?|shares?|stocks?)\b", re.I)
# The buyers in general words, standing for whom such a sentence is about when it names no one.
_BUYERS_IN_WORDS = re.compile(
    r"\b(?:companies|firms|customers|buyers|clients|giants|hyperscalers|labs|universities|institutes|"
    r"operators|developers)\b",
    re.IGNORECASE,
)
_NO_ORDERS = re.compile(statuses.NO_ORDERS, re.IGNORECASE)
_WORLDWIDE = re.compile(r"\b(?:globally|worldwide|global|around the world|across the world)\b", re.IGNORECASE)
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing)\b")


def is_claim(sentence: str, matches: list[EntityMatch], main_chip: str | None) -> bool:
    """A sentence of one of these families, about a tracked chip or named organisation."""
    families = (DEMAND, WARNED_OFF, ENFORCEMENT, _NO_ORDERS, statuses.PLANNED_SHIPPING)
    found = [family for family in families if family.search(sentence)]
    if not found:
        return _spoken(sentence, matches)
    if found == [DEMAND] and _WORLDWIDE.search(sentence) and not _CHINA.search(sentence):
        return False  # "demand for such processors has surged globally": the market at large, not China's buyers
    if any(m.kind == "organisation" for m in matches):
        return True
    if main_chip is None and not any(m.kind == "chip" for m in matches):
        return False  # a report about no chip the tracker follows: its demand talk is not ours
    return bool(_BUYERS_IN_WORDS.search(sentence) or re.search(_CHIP_WORDS, sentence, re.IGNORECASE))


def planned_step(sentence: str, matches: list[EntityMatch], spans: list[tuple[int, int]]) -> bool:
    """A figure's sentence that also puts shipping ahead in time in a clause of its own ("orders of a
    million, with shipments planned for March") states the plan as a claim of its own, as the seeds
    keep it; "plans to ship 80,000 chips" is the figure's own plan (``spans``: the figures)."""
    plan = statuses.PLANNED_SHIPPING.search(sentence)
    if (
        not plan
        or statuses.status(sentence) != "planned"
        or not any(m.kind in ("organisation", "chip") for m in matches)
    ):
        return False
    for start, end in spans:
        between = sentence[end : plan.start()] if end <= plan.start() else sentence[plan.end() : start]
        if not _CLAUSE_BREAK.search(between):
            return False
    return True


_CLAUSE_BREAK = re.compile(r"[,;]|\s[–—]\s|\s(?:with|and|while|but)\s", re.IGNORECASE)


def _spoken(sentence: str, matches: list[EntityMatch]) -> bool:
    """A side's own words on the chips or the decision, with the side named (see SPEECH)."""
    if not SPEECH.search(sentence) or not _TOPIC.search(sentence) or _VIEW.search(sentence):
        return False
    return any(m.kind == "organisation" for m in matches) or bool(_SPEAKER.search(sentence))
