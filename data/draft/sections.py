"""A round-up's stories, one section at a time: the duplicate check's per-paragraph pass.

A newsletter or digest retells several older stories, a paragraph or a bullet each. Scored as a
whole, each story is a fraction of the text and falls below the bar; scored section by section,
a paragraph that gives two or more of a source's own figures and tells one of its events (or
stands out in its words) re-carries that source on its own evidence. One shared figure, or a
common word, in one short paragraph is never enough. Apart from ``duplicates`` (which scores the
whole text) so that each module does one job.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from data.draft import story
from data.draft.figure_match import amount_words, figure_key
from data.draft.model import Duplicate, Figure
from data.lexicon import Range

RETOLD = "retells it on its own: the same figures"  # in the reason; ``offer`` keeps such a match
MIN_WORDS = 30  # shorter neighbours (a heading, a one-line bullet) are read with the next one
STANDOUT = 2.5  # how far a section's words must stand out for one source (z-score among all)
RARE_FACT = 3  # a figure of a named thing at most three sources give (as with people and firms)
ONE_FACT = 0.45  # ... with one of the story's events in a round-up: as strong as a rare shared figure, enough
RARE = 1.5  # figures nearly no other source gives (two found only here: 2.0) vouch for themselves
MIN_SECTIONS = 2  # a text of one section is the whole-text check's job
IN_WORDS = "tells its story in its words"
WORDS_AND_EVENTS = 0.2  # some evidence, never enough alone (as one rare event): it adds to the rest


@dataclass
class Section:
    """One paragraph (or group of short ones): where it sits, the figures it gives, what it tells."""

    number: int  # 1-based, as a reader counts paragraphs
    figures: set[tuple[str, float]]
    text: str
    opening: str  # its first few words, so the reason says which paragraph
    stories: story.StoryIndex
    facts: frozenset[tuple[str, str, float]] = frozenset()  # (metric, unit, number) of its figures with a metric

    @cached_property
    def told(self) -> story.TextStory:
        """What it tells, read only when some source shares two of its figures (most never do)."""
        return story.read_text(self.stories, self.text)


def split(text: str) -> list[str]:
    """The text's paragraphs (lines, when it has no blank lines), short neighbours grouped."""
    return [" ".join(group) for group in _groups(text)]


def _groups(text: str) -> list[list[str]]:
    """The paragraphs of each section (see ``split``)."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if len(blocks) < MIN_SECTIONS:
        blocks = [line for line in text.splitlines() if line.strip()]
    out: list[list[str]] = []
    held: list[str] = []
    for block in blocks:
        held.append(" ".join(block.split()))
        if len(" ".join(held).split()) >= MIN_WORDS:
            out.append(held)
            held = []
    if held:
        if out:
            out[-1] += held
        else:
            out.append(held)
    return out if len(out) >= MIN_SECTIONS else []


def read(
    stories: story.StoryIndex, text: str, figures: list[Figure], metrics: list[str | None] | None = None
) -> list[Section]:
    """Each section with the figures whose wording it holds (and, given each figure's metric, the
    figures of named things it gives) and the events it tells."""
    out: list[Section] = []
    named = metrics or [None] * len(figures)
    for number, group in enumerate(_groups(text), start=1):
        chunk = " ".join(group)
        given = [(f, m) for f, m in zip(figures, named, strict=True) if f.wording and f.wording in chunk]
        keys: set[tuple[str, float]] = set()
        facts: set[tuple[str, str, float]] = set()
        for figure, metric in given:
            keys |= figure_key(figure.unit, figure.numbers())
            if metric and not metric.startswith("to-confirm"):
                facts |= {(metric, u, n) for u, n in figure_key(figure.unit, figure.numbers())}
        if len(keys) >= 2 or facts:  # a section with fewer figures can re-carry nothing on this pass
            # Named by its first words where its figures start (a heading grouped with it says little).
            first = next((p for p in group if any(f.wording in p for f, _ in given)), group[0])
            opening = " ".join(first.split()[:5])
            out.append(Section(number, keys, chunk, opening, stories, frozenset(facts)))
    return out


def _one_number(number: float, ranges: list[Range]) -> bool:
    """The source gives this figure as one number (exact, or a floor or ceiling), not as one end of a range."""
    return any(r.low == r.high == number or (number in (r.low, r.high) and None in (r.low, r.high)) for r in ranges)


def every(stories: story.StoryIndex, text: str) -> list[Section]:
    """Every section, figures or not (a story with few figures is retold in words and events)."""
    out = []
    for number, group in enumerate(_groups(text), start=1):
        out.append(Section(number, set(), " ".join(group), " ".join(group[0].split()[:5]), stories))
    return out


def told_in_words(
    sections: list[Section], stories: story.StoryIndex, sid: str, standouts: list[dict[str, float]]
) -> tuple[float, str, Section] | None:
    """A section retelling this source without its figures: its words stand out for this source
    among all sources (z-score ``STANDOUT``) and it tells two or more of the source's events, done
    by the same actors. Either alone is common (a paragraph shares words, or one event, with many
    stories); both in one paragraph is the story told again. Read only where the words stand out.
    ``duplicates`` adds it only for a source other than the best match, whose events there the
    best match does not all tell (a sibling of the best match gains nothing from it)."""
    for section, standout in zip(sections, standouts, strict=True):
        if standout.get(sid, 0.0) < STANDOUT:
            continue
        shared = story.shared_events(stories, sid, section.told)
        if len(shared) >= 2:
            what = "; ".join(story.EVENTS[e][0] for e in shared[:3])
            reason = f"the paragraph '{section.opening} …' {IN_WORDS}, the same things done by the same actors ({what})"
            return WORDS_AND_EVENTS, reason, section
    return None


def matching(
    sections: list[Section],
    stories: story.StoryIndex,
    sid: str,
    known: set[tuple[str, float]],
    figure_count: Counter[tuple[str, float]],
    standouts: list[dict[str, float]],
    retold_elsewhere: set[int] | None = None,
    facts: tuple[set[tuple[str, str, float]], Counter[tuple[str, str, float]], dict[tuple[str, str], list[Range]]]
    | None = None,
) -> tuple[float, str, int] | None:
    """A section re-carrying this source on its own: two or more different figures the source
    gives, with one of its events told in that same section or its words standing out for this
    source among all sources (``standouts``: per section, each source's z-score). In a text already shown to
    be a round-up (``retold_elsewhere``: the sections that retell some source that way), figures
    so rare that nearly no other source gives them are enough in another section; in an ordinary
    article two figures recalled in one paragraph are background. The weight grows with rarity.
    In a round-up, a story with one headline figure cannot give two: there one figure of the same
    thing (``facts``: this source's own, how many sources give each, and the source's own ranges)
    that at most three sources give, as one number there too (an end of "15-25%" is not "25%"),
    with one of its events by the same actors in that section, is enough."""
    own, fact_count, ranges = facts or (set(), Counter(), {})
    for section, standout in zip(sections, standouts, strict=True):
        shared = section.figures & known
        roundup = bool(retold_elsewhere) and section.number not in (retold_elsewhere or set())
        if len({n for _, n in shared}) < 2:
            same = sorted(
                f
                for f in section.facts & own
                if fact_count[f] <= RARE_FACT and _one_number(f[2], ranges.get(f[:2], []))
            )
            if roundup and same and story.shared_events(stories, sid, section.told):
                listed = ", ".join(amount_words(n, u) for _, u, n in same[:2])
                reason = f"the paragraph '{section.opening} …' {RETOLD} of the same thing ({listed})"
                return ONE_FACT, reason, section.number
            continue
        rarity = sum(1 / max(figure_count[f], 1) for f in shared)
        vouched = bool(story.shared_events(stories, sid, section.told)) or standout.get(sid, 0.0) >= STANDOUT
        if not vouched and not (roundup and rarity >= RARE):
            continue
        listed = ", ".join(amount_words(n, u) for u, n in sorted(shared)[:3])
        reason = f"the paragraph '{section.opening} …' {RETOLD} ({listed})"
        return min(0.25 + 0.2 * rarity, 0.55), reason, section.number
    return None


def add_told_in_words(
    out: list[Duplicate], every: list[Section], stories: story.StoryIndex, standouts: list[dict[str, float]]
) -> list[Duplicate]:
    """A paragraph telling a second story in its words and events (``told_in_words``) adds to that
    story's score, never above the best match's, unless the best match tells all those events
    there too: then the paragraph is the best match's, and its sibling (the same news from
    another outlet) gains nothing. The best match stays first."""
    if not out or not every:
        return out
    best = max(out, key=lambda d: d.score)
    for d in out:
        found = None if d is best else told_in_words(every, stories, d.source_id, standouts)
        if found is None:
            continue
        weight, reason, section = found
        theirs = set(story.shared_events(stories, d.source_id, section.told))
        if theirs <= set(story.shared_events(stories, best.source_id, section.told)):
            continue
        d.score = min(1 - (1 - d.score) * (1 - weight), best.score)
        if all(story.EVENTS[e][0] in d.why for e in theirs):  # the events are listed already: say it once
            reason = reason.split(f"{IN_WORDS},")[0] + IN_WORDS
        d.why = f"{d.why}; {reason}" if d.why else reason[:1].upper() + reason[1:]
    return sorted(out, key=lambda d: (d.score, d is best), reverse=True)
