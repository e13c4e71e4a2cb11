"""The words for what a government decided or said about one chip line (Blackwell, the B30A): a
sale ruled out, or the chip left out of leaders' talks. Apart from ``event_words`` (which is full)
and read with it by ``events``; each entry is a plain label and a pattern, as there.
"""

from __future__ import annotations

from data.draft.event_words import NOT

# A chip line by name, with the words a report puts before it ("the most advanced Blackwell",
# "its flagship B30A"); a chip in general ("all chips") is not one line.
CHIP = (
    r"(?:the |its )?(?:(?:most |latest )?(?:advanced|cutting-edge|top|flagship|newest|latest) )?"
    r"(?:Blackwell|Rubin|Hopper|B\d{2,3}A?|H\d{2,3}|GB\d{3})\b"
)

# said of a topic left out of leaders' talks ("was not raised", "did not come up")
_UNRAISED = r"(?:was|were|did)(?: not|n['’]t) (?:raised|discussed|come up|brought up)\b"

CHIP_PATTERNS: dict[str, tuple[str, str]] = {
    # A sale a government will not let happen, in the verbs a report picks ("decided not to allow
    # sales", "would not let Nvidia sell"), or the chips kept at home ("reserved for the country",
    # "would remain for US customers"); told as a purchase refused, only with its chip line named
    # (Beijing refusing purchases in general is "purchases-refused").
    "sale-refused": (
        "a chip's sale ruled out",
        rf"(?:{NOT}|\bdecided against\b)[^.;:]{{0,25}}\b(?:allow|permit|let)\w*\b (?:\w+ ){{0,3}}(?:to |for )?"
        r"(?:sell|sales?|export(?:s|ing)?)\b"
        # a chip line China may not buy ("decided not to allow China to purchase Nvidia's Blackwell")
        rf"|{NOT}[^.;:]{{0,25}}\b(?:allow|permit|let)\w*\b (?:\w+ ){{0,3}}to (?:buy|purchase|acquire) (?:Nvidia['’]s )?{CHIP}"
        r"|\b(?:reserved|kept|remain|stay)\b (?:\w+ )?for (?:the (?:US|U\.S\.|United States|country)\b"
        r"|(?:US|U\.S\.|American) (?:customers|companies|buyers)\b)",
    ),
    # A named chip left out of leaders' talks ("we are not talking about Blackwell", "Blackwell
    # chips were not on the table"); one said to be part of them is not it.
    "chip-not-discussed": (
        "a chip left out of the talks",
        rf"{NOT} (?:\w+ ){{0,2}}(?:talk\w* about|discuss\w*|rais\w*|bring\w* up|brought up)\b[^.;:]{{0,20}}{CHIP}"
        rf"|{CHIP}[^.;:]{{0,60}}(?:\b(?:was|were|is|are)(?: not|n['’]t) (?:on the table|discussed|raised|part of the talks)\b"
        r"|\boff the table\b|\b(?:did|does)(?: not|n['’]t) come up\b)"
        # "did not discuss the Nvidia chip issue"; at a summit, "the issue was not raised", "did not come up"
        rf"|{NOT} (?:\w+ ){{0,2}}(?:discuss\w*|rais\w*|bring\w* up)\b (?:the )?(?:Nvidia['’]?s? )?chips? (?:issue|question|topic)\b"
        rf"|\b(?:summit|meeting|talks|Xi)\b[^.;:]{{0,120}}\b(?:issue|topic|subject|matter)\b {_UNRAISED}"
        rf"|\b(?:issue|topic|subject|matter)\b {_UNRAISED}[^.;:]{{0,60}}\b(?:summit|meeting|talks|discussions)\b",
    ),
}
