"""The words for what a vendor says of its own place in a market: a market given up to a rival
("has largely conceded the Chinese market", "essentially given up on China's AI chip market",
"handing leadership to Huawei"). Apart from ``event_words`` (which is full) and read with it by
``events``; each entry is a plain label and a pattern, as there.
"""

from __future__ import annotations

_GIVE_UP = r"(?:conced\w*|ced(?:e|ed|es|ing)|(?:given|gave|giv(?:e|es|ing)) up)"

MARKET_PATTERNS: dict[str, tuple[str, str]] = {
    # Given up, not merely at risk of it: "would not concede those markets" and "ceding our
    # advantage" are not it, nor is giving up chips ("giving up the most powerful chips to China").
    "market-conceded": (
        "a market given up to a rival",
        rf"(?<!not )(?<!n't )\b{_GIVE_UP}\b[\"'’”]?(?: on)? (?:(?:the|China['’]s|its|the Chinese) )?(?:[\w-]+ ){{0,3}}markets?\b"
        rf"|\b{_GIVE_UP}[\"'’”]?(?: on)? China\b"
        r"|\bhand(?:s|ed|ing)? (?:over )?(?:leadership|the market|(?:its|the) lead)\b[^.;:]{0,20}\bto\b",
    ),
}
