"""The words for what a vendor says of its own place in a market: a market given up to a rival
("has largely conceded the Chinese market", "essentially given up on China's AI chip market",
"handing leadership to Huawei"), a quarter in which it sold none there ("there were no H20 sales to
customers in China"), or an outlook that counts on none; and a share of its China revenue paid to
the US government ("in exchange for 15% of the revenue"). Apart from ``event_words`` (which is full) and read with it by
``events``; each entry is a plain label and a pattern, as there.
"""

from __future__ import annotations

from data.draft.event_words import NOT

_GIVE_UP = r"(?:conced\w*|ced(?:e|ed|es|ing)|(?:given|gave|giv(?:e|es|ing)) up)"

# up to two words before what was sold, none a preposition ("had no effect on sales" is not it)
_WORDS = r"(?:(?!(?:on|of|in|to|for|from|with|at)\b)[\w-]+ ){0,2}"

# "15% of the revenue from those sales", "15% of the revenue generated from licensed H20 sales"
_PCT_OF_REVENUE = r"(?:a )?\d+(?:\.\d+)? ?(?:%|per ?cent|percent) of (?:the |its |their )?revenues?\b"

MARKET_PATTERNS: dict[str, tuple[str, str]] = {
    "revenue-share": (
        "a share of China revenue paid to the US government",
        r"\b(?:pay|pays|paid|paying|give|gives|gave|giving|hand|share|sharing)\b[^.;:]{0,40}\b(?:U\.?S\.?|US|American|"
        r"federal) government\b[^.;:]{0,20}\b\d+(?:\.\d+)? ?(?:%|per ?cent|percent)"
        r"|\b(?:pay|pays|paid|paying|give|gives|gave|giving)\b (?:Washington|the Treasury) \d+(?:\.\d+)? ?(?:%|per ?cent|percent)"
        r"|\bpass\w*\b[^.;:]{0,10}\d+ ?% of\b[^.;:]{0,50}\bto the (?:U\.?S\.?|US) government\b"
        r"|\b\d+(?:\.\d+)? ?(?:%|per ?cent|percent) (?:cut|share|slice) of (?:its |their )?(?:China|Chinese) (?:sales|revenues?)\b"
        # a vendor sharing, or Washington receiving, a percentage of the revenue, or licences granted for it
        rf"|\b(?:share|sharing|hand\w* over|receive\w*|collect\w*) {_PCT_OF_REVENUE}|\bin exchange for {_PCT_OF_REVENUE}",
    ),
    # Given up, not merely at risk of it: "would not concede those markets" and "ceding our
    # advantage" are not it, nor is giving up chips ("giving up the most powerful chips to China").
    "market-conceded": (
        "a market given up to a rival",
        rf"(?<!not )(?<!n't )\b{_GIVE_UP}\b[\"'’”]?(?: on)? (?:(?:the|China['’]s|its|the Chinese) )?(?:[\w-]+ ){{0,3}}markets?\b"
        rf"|\b{_GIVE_UP}[\"'’”]?(?: on)? China\b"
        r"|\bhand(?:s|ed|ing)? (?:over )?(?:leadership|the market|(?:its|the) lead)\b[^.;:]{0,20}\bto\b",
    ),
    # Sales a vendor reports as none ("sold no H20s", "reports zero H20 sales", "there were no H20
    # sales to customers in China", "did not record any sales"); an outlook that counts on none
    # ("guidance assumes zero revenue") is the next event.
    "no-sales-recorded": (
        "a quarter with no sales recorded",
        rf"\b(?:sold|sells|recorded|records|booked|books|reported|reports|had|made|generated) (?:no|zero) {_WORDS}"
        r"(?:sales|revenues?|H20s|chips)\b"
        rf"|\bthere (?:were|was|have been|had been) (?:no|zero) {_WORDS}(?:sales|revenues?)\b"
        rf"|{NOT} (?:record|book|report|make|generate|see)\w* any (?:[\w-]+ ){{0,2}}(?:sales|revenues?)\b",
    ),
    # An outlook counting on no China sales ("guidance assumes zero revenue from China").
    "no-china-outlook": (
        "no China revenue in the outlook",
        r"\b(?:outlook|guidance|forecast)\b[^.;:]{0,80}\b(?:no|excludes?|excluding|zero)\b[^.;:]{0,30}\bChina\b",
    ),
}
