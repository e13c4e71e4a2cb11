"""What happened, in the words reports use for it: the events the duplicate check compares.

Each event has a plain label and a pattern (``event_words``), read both in a pasted text and in a
source's title, labels, summaries and wordings; a claim's status adds the event it stands for
(``story``). Rare events weigh most, so a list that grows with the
tracker's stories costs nothing for the common ones.
"""

from __future__ import annotations

import re

from data.draft.chip_event_words import CHIP_PATTERNS
from data.draft.event_words import NO, PATTERNS
from data.draft.market_event_words import MARKET_PATTERNS
from data.draft.words import NO_ABBREVIATION

EVENTS = {
    name: (label, re.compile(pattern, re.IGNORECASE))
    for name, (label, pattern) in {**PATTERNS, **CHIP_PATTERNS, **MARKET_PATTERNS}.items()
}


_SENTENCE = re.compile(rf"(?<=[.!?;]){NO_ABBREVIATION}\s+")
# A block that is only one choice of two ("approve or block") or what a bill or a push aims at
# ("bills to block any approval") has not happened: read the sentence without those phrases.
_MOOT_BLOCK = re.compile(
    r"\b(?:approve|allow|permit|clear|let \w+(?: \w+)?)\s+or\s+block\b|\bblock\s+or\s+(?:approve|allow|permit|clear)\b"
    r"|\b(?:bills?|legislation|measures?|proposals?|amendments?|efforts?|push(?:es)?|bids?)\s+(?:\w+\s+){0,2}to\s+block\b"
    r"|\bwhether to block\b",
    re.IGNORECASE,
)

# "Would not allow the sale", "no sale has been approved", "refused to clear exports", "whether it
# will allow the sale", "hopes it will allow the sale": no go-ahead.
_DENIED = re.compile(
    rf"(?:{NO}|\b(?:never|no|nor|refus\w*|declin\w*|without|until|whether|hop(?:e|es|ed|ing)|wait\w*)\b)[^.;:]{{0,25}}"
    r"\b(?:permit|allow|clear|approv|green[- ]?(?:light|lit)|sign\w* off|authori[sz]|let)\w*",
    re.IGNORECASE,
)


# A person who "has arrived in" a place is on a visit, not a delivery: the arrival is read without
# a title or a full name right before it ("the chief executive has arrived in", "Jane Doe has landed in").
_VISITOR_ARRIVED = re.compile(
    r"(?:\b(?:CEO|chief executive|founder|president|minister|secretary|envoy|delegation)|(?-i:\b[A-Z][a-z]+ [A-Z][a-z]+))"
    r"\s+(?:has|have) (?:finally |now |already )?(?:reached|arrived|landed)\b",
    re.IGNORECASE,
)
# "So that no order is held up", "sales have not stalled": a stall denied is none; nor is one over
# ("can go ahead with orders that had stalled", "after weeks of shipments being held up", "until this
# approval, doubt in Beijing was holding up shipments").
_NOT_STALLED = re.compile(
    r"\b(?:no|not|never|nothing)\b[^.;:]{0,40}\b(?:stall\w*|stuck|frozen|held up|in limbo)\b"
    r"|\bhad (?:been )?(?:stall\w*|stuck|frozen|held up)\b|\b(?:go|goes|going|went) ahead\b|\bresum\w*"
    r"|\b(?:after|follow\w*) (?:\w+ )?(?:weeks|months) of\b"
    r"|\buntil (?:this|that|the|its|their) (?:approval|clearance|go-ahead|decision|nod)\b",
    re.IGNORECASE,
)
# A refusal still open ("has not yet approved", "is weighing whether", "until it decides"): pending.
_PENDING = re.compile(
    r"\byet\b|\bstill (?:considering|weighing|deciding|reviewing|evaluating|studying)\b|\bevaluat\w*|\bweigh\w*"
    r"|\buntil\b|\bwhether\b|\buncertain\w*|\b(?:so far|for now|at the moment)\b",
    re.IGNORECASE,
)
# One side's go-ahead and the other's refusal in one sentence ("buyers held US clearance while
# Beijing had yet to approve"): each clause is read on its own for a denial.
_CLAUSE = re.compile(r",?\s+\b(?:while|whereas|although|though|but)\b\s+|;\s+", re.IGNORECASE)
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_HALTED_MAKING = re.compile(EVENTS["production-halted"][1].pattern, re.IGNORECASE)


def events_in(text: str) -> set[str]:
    """Every event the text tells of (a sentence, a summary or a whole article). In a sentence that
    says none arrived, "have reached" is part of the denial, not a delivery, nor is a person
    arriving; a block offered as one choice of two, or as what a bill aims at, is not a block; a
    go-ahead denied is none; a halt to production is not a pause in orders."""
    out: set[str] = set()
    text = text.translate(_HYPHENS)  # "third‑party" with a typeset hyphen is "third-party"
    for sentence in _SENTENCE.split(text):
        found = {name for name, (_, pattern) in EVENTS.items() if pattern.search(sentence)}
        if "none-delivered" in found or (
            "deliveries-begun" in found
            and not EVENTS["deliveries-begun"][1].search(_VISITOR_ARRIVED.sub(" ", sentence))
        ):
            found.discard("deliveries-begun")
        if "blocked" in found and not EVENTS["blocked"][1].search(_MOOT_BLOCK.sub(" ", sentence)):
            found.discard("blocked")
        if "production-halted" in found and not EVENTS["orders-paused"][1].search(_HALTED_MAKING.sub(" ", sentence)):
            found.discard("orders-paused")  # "paused production" is making stopped, not orders paused
        if "purchases-refused" in found and _PENDING.search(sentence):
            found.discard("purchases-refused")
        if "sales-stalled" in found and _NOT_STALLED.search(sentence):
            found.discard("sales-stalled")
        if "sale-permitted" in found and not any(
            EVENTS["sale-permitted"][1].search(part) and not _DENIED.search(part) for part in _CLAUSE.split(sentence)
        ):
            found.discard("sale-permitted")  # denied in every clause that tells it
        out |= found
    return out


# A story that leads with one of these is not a re-carry of a story that tells only of its
# opposite: once deliveries have begun, "none delivered so far" is an earlier story.
OPPOSITE = {"deliveries-begun": {"none-delivered", "blocked"}, "none-delivered": {"deliveries-begun"}}
# ... and a story that leads with a denial answers an earlier report: it is not that report.
ANSWERS = {"denial"}
# A text telling of a decision made, anywhere in it, and never of the decision still to come, is
# not a re-carry of a story that only said the decision was coming ("the president will decide").
SUPERSEDES = {"sale-permitted": {"president-decides"}}
