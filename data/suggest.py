""" "Did you mean …?" for a mistyped id: matched against ids, names and aliases.

rapidfuzz when installed (it is pinned in requirements.txt), else difflib from the standard
library, so the validator works in a bare environment too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from types import ModuleType

process: ModuleType | None
fuzz: ModuleType | None
try:  # pragma: no cover - which branch runs depends on the environment
    from rapidfuzz import fuzz as _fuzz
    from rapidfuzz import process as _process

    process, fuzz = _process, _fuzz
except ImportError:  # pragma: no cover
    process = fuzz = None

CUTOFF = 75  # percent similarity; below this a suggestion is more noise than help
TOKEN_CUTOFF = 90  # the same words in another order, or a word more or less


def _norm(text: str) -> str:
    return re.sub(r"[\s_.-]+", " ", text.lower()).strip()


def closest(word: str, candidates: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """The best (id, matched text) for ``word`` among (id, text) pairs, or None if nothing is close."""
    pairs = [(ident, text) for ident, text in candidates if text]
    if not pairs or not word:
        return None
    texts = [_norm(text) for _, text in pairs]
    target = _norm(word)
    if process is not None and fuzz is not None:
        found = process.extractOne(target, texts, scorer=fuzz.ratio, score_cutoff=CUTOFF)
        if found is None and len(target) >= 4:
            # "nvidia corp" -> "nvidia": every word of one is in the other
            found = process.extractOne(target, texts, scorer=fuzz.token_set_ratio, score_cutoff=TOKEN_CUTOFF)
        index = found[2] if found else None
    else:
        close = difflib.get_close_matches(target, texts, n=1, cutoff=CUTOFF / 100)
        index = texts.index(close[0]) if close else None
    return None if index is None else pairs[index]


def did_you_mean(word: str, candidates: Iterable[tuple[str, str]]) -> str:
    """`` — did you mean 'huawei'?`` (with the name or alias that matched), or an empty string."""
    found = closest(word, candidates)
    if found is None:
        return ""
    ident, text = found
    shown = "" if _norm(text) == _norm(ident) else f" ({text})"
    return f" — did you mean '{ident}'{shown}?"
