"""Bills by name ("the Chip Security Act", "the AI Overwatch Act"): a text about one bill does not
retell a story about another, however alike their committee votes and wording.

A name is a run of capitalised words ending in "Act". A text and a source that each name bills,
but no bill in common, are about different bills; a text naming its bill beside an older one
shares that one. Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re

_BILL = re.compile(r"\b([A-Z][A-Za-z]*(?:\s+(?:[A-Z][A-Za-z]*|of|for|the|and|to|on)){0,7}?\s+Act)\b")
_LEAD = re.compile(r"^(?:(?:The|This|That|A|An|Under|Both|Its|Their|If|Of|For|And|To)\s+)+")
AGAINST = 0.3  # a story about another bill: months of votes and hearings look alike


def bill_names(text: str) -> set[str]:
    """The bills a text names, in lower case, without a leading article ("chip security act")."""
    names = set()
    for match in _BILL.finditer(text):
        name = _LEAD.sub("", match.group(1)).strip()
        if len(name.split()) >= 2:
            names.add(name.lower())
    return names


def another_bill(text_bills: set[str], source_bills: set[str]) -> bool:
    """Both name bills, and none in common."""
    return bool(text_bills) and bool(source_bills) and not (text_bills & source_bills)
