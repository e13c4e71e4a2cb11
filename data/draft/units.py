"""Which noun a number counts: chips, modules, firms, days ... (a unit word within a few words after it),
and what a price is per (a chip or a module).

The drafter's figure reader (``figures``) asks this module what a number counts; a unit is read
only from the words right after the number, so a chip named later in the sentence never becomes
the unit of a number that counts something else ("more than 100 tenders ... H200 chips").
"""

from __future__ import annotations

import re

UNIT_WORDS: list[tuple[str, str]] = [
    # a chip model in the plural ("GB300s", "H100s", "MI308s") counts chips of that model
    (
        r"chips?|microchips?|gpus?|npus?|h200s|h20s|[a-z]{1,3}\d{2,4}[a-z]?s|processors?|units|pieces|graphics cards?",
        "chips",
    ),
    (r"accelerators?", "accelerators"),
    (r"modules?|servers?|boards?|systems?|nodes?|8-gpu systems?", "modules"),
    (r"dies", "dies"),
    (r"companies|firms|buyers|customers|groups|enterprises|businesses|licensees", "firms"),
    (r"days", "days"),
    (r"hours", "hours"),
    (r"votes", "votes"),
    (r"parameters", "parameters"),
    (r"tb/s", "tb_per_s"),
    (r"gb/s", "gb_per_s"),
    (r"gb", "gb"),
    (r"tflops|teraflops", "tflops"),
    (r"pflops|petaflops", "pflops"),
    (r"watts|w", "watts"),
]
_UNIT_RE = [(re.compile(r"^(?:" + pattern + r")$", re.IGNORECASE), unit) for pattern, unit in UNIT_WORDS]
COUNT_UNITS = {"firms", "days", "hours", "votes"}
_STOP = {"and", "to", "in", "for", "by", "from", "at", "on", "with", "that", "which", "was", "were", "is", "are",
         "will", "would", "could", "may", "per", "each", "as", "than", "or", "this", "last", "next"}  # fmt: skip
_WORD = re.compile(r"\s*((?:[A-Za-z]\.){2,}|[A-Za-z][\w/-]*|[A-Z0-9][\w/-]*)(?:['’]s\b)?")  # "A.I." is one word
_PLURAL = re.compile(r"^(?!(?:this|plus|less|thus|news)$)[a-z]{3,}(?<!ss)(?<!ous)s$")
_NVIDIA_CHIP = re.compile(r"\bNvidia\b|\b[HB]\d{2,3}[A-Z]?\b", re.IGNORECASE)
_RATE = re.compile(r"\s*(giga|tera)bytes?\s+(?:per|a|each)\s+second\b", re.IGNORECASE)
# People counted by how they voted: "42 committee members backed the bill", "Two voted against it",
# "one voted present", and the rest of a list after the first count ("two against, and one
# abstaining"). Read only in a sentence about a vote, so senators who signed a letter stay uncounted.
_VOTERS = re.compile(
    r"\s*(?:(?:committee|panel|house|senate|board)\s+)?(?:members?|lawmakers?|legislators?|senators?|"
    r"representatives?|republicans?|democrats?)?\s*(?:voted|voting|backed|supported|opposed)\b"
    r"(?:\s+(?:against|for|in\s+favou?r(?:\s+of)?|present|no|yes)\b)?"
    r"(?:\s+(?:it|them|the\s+(?:bill|measure|motion|proposal|resolution|amendment))\b)?"
    # the rest of a count listed after the first ("42 members voting for it, two against, and one abstaining")
    r"|\s*(?:against|abstain(?:ing|ed)|opposed)\b(?=\s*(?:,|\.|;|and\b|$))",
    re.IGNORECASE,
)
_COUNTED_AS = re.compile(r"\s*(?:exports|orders|shipments|sales|deliveries|purchases|imports)\b", re.IGNORECASE)
_A_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.IGNORECASE)
_MODULE_NOUN = re.compile(r"\s*(?:modules?|servers?|boards?|systems?|nodes?|racks?|cabinets?)\b", re.IGNORECASE)


def unit_after(text: str, pos: int, max_words: int = 4) -> tuple[str | None, int]:
    """The first unit noun within a few words after ``pos``; stops at punctuation and small words.

    "of" and "the" cost nothing and a possessive is one word ("50 of Nvidia's newer H200 chips");
    a chip word naming a module ("5,000 chip modules", "GPU servers") is the module."""
    rate = _RATE.match(text[pos:])  # "6,500 gigabytes per second"
    if rate:
        return ("tb_per_s" if rate.group(1).lower() == "tera" else "gb_per_s"), pos + rate.end()
    voters = _VOTERS.match(text[pos:])
    if voters and _A_VOTE.search(text):
        return "votes", pos + voters.end()
    cursor, words = pos, 0
    while words < max_words:
        match = _WORD.match(text[cursor:])
        if not match:
            return None, pos
        word = match.group(1)
        cleaned = word.lower().rstrip("-")
        for pattern, unit in _UNIT_RE:
            if pattern.match(cleaned):
                module = _MODULE_NOUN.match(text[cursor + match.end() :]) if unit == "chips" else None
                if module:
                    return "modules", cursor + match.end() + module.end()
                counted = _COUNTED_AS.match(text[cursor + match.end() :]) if unit == "chips" else None
                # "two million chip exports": the count noun says what is counted, and stays in the words
                if counted and cleaned in ("chip", "gpu", "processor"):
                    return unit, cursor + match.end() + counted.end()
                if unit == "accelerators" and _NVIDIA_CHIP.search(text[pos:cursor]):
                    return "chips", cursor + match.end()  # "two million Nvidia H200 accelerators": H200s are chips
                return unit, cursor + match.end()
        if (cleaned in _STOP and not (cleaned == "of" or cleaned == "the")) or _PLURAL.match(word):
            return None, pos  # a small word, or another plural noun: "100 tenders shows chips" counts tenders
        words += cleaned not in ("of", "the")
        cursor += match.end()
    return None, pos


# A plural noun right after the number counts something else ("more than 100 tenders"), unless
# it is one of the counts of chips the fallback is for ("1 million orders").
OTHER_COUNT = re.compile(
    r"^\s+(?!(?:orders|shipments|deliveries|units|volumes|plus|less|this|pieces|apiece)\b)[a-z]{3,}s\b"
)
COUNT_NOUN = re.compile(r"\b(orders?|inventory|stock|shipments?|deliveries|units|volumes?)\b", re.IGNORECASE)


# What a price is per (a chip, a module) -------------------------------------------------

_MODULE_CONTEXT = re.compile(
    r"\b(?:servers?|modules?|systems?|configurations?|nodes?|boards?|machines?|cabinets?|racks?)\b|"
    r"\b(?:8|eight)[- ](?:gpu|card|chip)\b",
    re.IGNORECASE,
)


_PRICE_WORD = re.compile(r"\bpric(?:e|es|ed|ing)\b|\bcosts?\b|\bsells? for\b|\bsold for\b|\bquoted at\b", re.I)


_ASIDE = re.compile(r"^\s*\([^()]{0,40}\)")


def _per_item(after: str) -> str | None:
    """What a price is per: the words right after it, past a conversion in brackets ("(€23,000) each")."""
    after = _ASIDE.sub("", after, count=1)
    match = re.match(
        r"^\s*(?:per|a|an|each|for each|for an?)\s+(?:(?:8|eight)[- ](?:gpu|card|chip)\s+)?(\w+)|^\s*(each|apiece)\b",
        after,
        re.IGNORECASE,
    )
    if not match:
        return None
    noun = (match.group(1) or match.group(2)).lower()
    if noun in ("each", "apiece", "piece", "chip", "gpu", "unit", "processor", "h200", "card"):
        return "chip"
    if noun in ("module", "server", "system", "board", "node", "configuration", "cabinet", "rack"):
        return "module"
    return None


# One chip named before its price: "each chip priced at", "a single H200 costs", "one GPU sells for",
# a processor that "carries a price tag".
_ONE_CHIP_PRICED = re.compile(
    r"\b(?:each|per|a single|one|every)\s+(?:(?:h200|nvidia|advanced|individual)\s+)?(?:chip|gpu|h200|processor|card|unit)\s+"
    r"(?:is\s+|was\s+|being\s+)?(?:priced|costs?|sells?\s+for|sold\s+for|retails?\s+for|goes\s+for|going\s+for"
    r"|(?:carries|has|bears|comes\s+with)\s+a\s+price(?:\s+tag)?)\b"
    r"[^.;$]{0,25}$",
    re.IGNORECASE,
)


def money_unit(sentence: str, currency: str, start: int, end: int) -> str:
    """usd / rmb, or a per-chip / per-module price when the words say so."""
    per = _per_item(sentence[end:])
    if per is None and _ONE_CHIP_PRICED.search(sentence[max(0, start - 80) : start]):
        per = "chip"
    each = re.match(r"^\s*(?:each|apiece|a piece)", _ASIDE.sub("", sentence[end:], count=1))
    server_before = _MODULE_CONTEXT.search(sentence[:start])
    if server_before and ((per == "chip" and each) or (per is None and _PRICE_WORD.search(sentence))):
        per = "module"
    if per == "module" and currency == "rmb":
        return "rmb_per_module"
    return f"{currency}_per_chip" if per == "chip" and currency == "usd" else currency
