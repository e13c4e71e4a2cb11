"""The words a figure's bound is told in, and the words around a number that change what its
bound words mean ("no more than" is a cap, "may not get more than" too; "hand over 25%", "an
increase over $7.5 billion" and "under 25% tariffs" are no bound; "from 95% to 50%" is a
change): ``figures`` reads them. Apart so that the table of words can grow without growing the
module that reads figures.
"""

from __future__ import annotations

import re

# Bound words, exactly as the seed schema reads them: "more than"/"over" is a strict lower bound
# (more_than, never at_least and never exact), "less than"/"under" a strict upper one (less_than).
# The longest phrase that ends right before the number wins, so "no more than" is at_most.
_BOUNDS: list[tuple[str, str]] = [
    (r"nearly|almost|about|around|roughly|approximately|some|an estimated|near|"
     r"estimated|close to|circa|~|≈|an approximate|or so|approx\.?|in the region of|on the order of|"
     r"an estimated (?:unit )?(?:cost|price|value|total) of|estimated at", "approx"),
    (r"just over|just above|slightly (?:more than|over|above)|more than|over|above|in excess of|exceeding|"
     r"exceeds|exceeded|exceed|upwards? of|north of|greater than|surpassing|surpassed|topping|topped|>", "more_than"),
    (r"at least|no fewer than|no less than|a minimum of|minimum of|not less than|not fewer than|≥|>=", "at_least"),
    (r"up to|at most|no more than|as many as|a maximum of|maximum of|capped at|a cap of|cap of|not more than|"
     r"not exceeding|not exceed|cannot exceed|a limit of|limit of|a ceiling of|ceiling of|as much as|as high as|at a maximum|"
     r"ceiling (?:\w+ ){0,2}(?:sits |set |stands )?at|"
     r"limited to|limiting [\w' ]{1,40} to(?: buying| purchasing| buy)?|caps? (?:\w+ )?at|≤|<=", "at_most"),
    (r"just under|just below|just shy of|slightly (?:less than|under|below)|below|under|less than|fewer than|short of|"
     r"beneath|<", "less_than"),
]  # fmt: skip
BOUND_RE = [
    # "at least a 60 percent increase": an article may stand between the bound and its number
    (re.compile(r"(?:^|\W)(" + words + r")\s*(?:an? )?(?:\$|US\$|USD ?|RMB ?|CNY ?|¥)?$", re.IGNORECASE), bound)
    for words, bound in _BOUNDS
]
# "may not receive more than 50%": a negated floor is a cap, a negated ceiling a floor. Only a
# modal or auxiliary negation of the verb that takes the number counts: "is not clear whether more
# than" and "did not say why more than" negate another verb, whose clause the number is in.
_CLAUSE = (
    r"(?:whether|if|that|why|how|when|where|what|which|who|say|said|know|knew|disclose|confirm|reveal|"
    r"specify|explain|comment)\b"
)
NEGATED = re.compile(
    r"(?:\b(?:may|can|could|will|would|should|must|shall|do|does|did)\s+not|\b(?:cannot|can't|won't|mustn't|"
    r"don't|doesn't|didn't|shouldn't|wouldn't)|\bnever"
    # a permission denied: "is not allowed to import more than 50%", "barred from buying more than"
    r"|\bnot\s+(?:be\s+)?(?:allowed|permitted)\s+to|\b(?:barred|prohibited|banned)\s+from)"
    r"\s+(?:(?!" + _CLAUSE + r")[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
AFTER_AT_LEAST = re.compile(r"^(?:-plus|\+|\s+or more|\s+or above|\s+plus\b)", re.IGNORECASE)
# "over" that belongs to its verb ("hand over 25% of sales", "turned over", "fork over") is no bound.
PHRASAL_OVER = re.compile(
    r"\b(?:hand|turn|fork|sign|give|gave|given|giving)(?:s|ed|ing)?\s+$"
    # ... or that compares with a base: "a 60 percent increase over $7.5 billion", "up 20% over"
    r"|\b(?:increase|rise|gain|growth|jump|improvement|premium|markup|up|higher|lower)s?\s+$"
    r"|(?:%|\bper ?cent|\bpercent)\s+$",
    re.IGNORECASE,
)
# "built around 8,192 chips", "designed around": the number the thing is made of, exactly.
PHRASAL_AROUND = re.compile(
    r"\b(?:built|designed|based|centred|centered|organi[sz]ed|structured|arranged|assembled)\s+$", re.IGNORECASE
)
# "under 25% tariffs", "under a 15% fee": "under" a levy is subject to it, not a cap below the number.
UNDER_TERMS = re.compile(
    r"^[\d.,]+\s*(?:%|percent\b|per ?cent\b)\s*(?:[\w-]+\s+){0,2}?"
    r"(?:tariffs?|fees?|levy|levies|dut(?:y|ies)|surcharges?|tax(?:es)?|export taxes?)\b",
    re.IGNORECASE,
)
# "raised from 15% to 25%", "rose from 10,000 to 20,000", "slashed its share in China from 95% to
# 50%": a change between two readings, never a range (what changed may sit between verb and "from",
# but not a clause of its own: "plunged after reports of orders from 35,000 to 70,000" is a span).
CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|grew|grown|grows|increased?|increases|decreased?|"
    r"decreases|raised?|raises|cut|cuts|lowered|lifted|dropped|drops|jumped|climbed|slid|slipped|surged|soared|"
    r"doubled|went|goes|moved|up|down|revised|changed|boosted|trimmed|reduced|expanded|shrank|narrowed|widened|"
    r"slashed|slashes|plunged|plummeted|tumbled|sank|declined|halved|shrunk|shrinks|collapsed)"
    r"\s+(?:(?!(?:into|onto|on|about|with|after|before|over|under|through|amid|as|when|while)\b)[\w’'-]+\s+){0,6}"
    r"from\s*(?:\$|US\$|RMB ?|¥)?$",
    re.IGNORECASE,
)
AFTER_APPROX = re.compile(r"^(?:\s+or so\b|-odd\b|\s+or thereabouts\b)", re.IGNORECASE)
# A guidance band after the number ("$91B ±2%", "$54 billion, plus or minus 2%"): about that number.
PLUS_MINUS = re.compile(
    r"^,?\s*(?:±|\+/-|\+/−|plus or minus)\s*\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)", re.IGNORECASE
)
AFTER_AT_MOST = re.compile(r"^(?:\s+or less|\s+or fewer|\s+at most)", re.IGNORECASE)
# The number is a cap's level when the cap noun closes its own phrase: "a 75,000-per-customer cap",
# "the '75,000 chips per Chinese customer' limit". Only the words of a per-buyer phrase may sit between,
# so "75,000 chips, well under the cap" keeps its number as written.
CAP_AFTER = re.compile(
    r"^(?:[\s-]*(?:per|a|an|each|every|single|chinese|customer|buyer|firm|company|client|entity"
    r"|volume|shipment|export|import|sales|market[- ]share|chip|gpu|unit)s?\b)*"
    r"[\s-]*[\"”’']?[\s-]*(?:cap|ceiling|limit)\b",
    re.IGNORECASE,
)
