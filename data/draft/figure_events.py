"""A figure told with what happened: the events of the sentences that give each of the text's figures.

One number stands for different things in different stories (a 25% tariff levied on the chips, a
25% share of their sales taken by the government). A shared figure the text gives in a sentence
telling a rare event this source tells too, by the same organisations, is a figure of the same
thing: it needs no other voucher (the figure is not background), and it is as rare as the stories
that give the figure and tell that event, not as all the stories giving the number. Only an event
at most two stories tell counts: a go-ahead told beside a figure is any story's background.
``duplicates`` uses both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Protocol

from data.draft.events import events_in
from data.draft.figure_match import figure_key
from data.draft.model import Figure
from data.draft.story import StoryIndex, TextStory, common_doers
from data.draft.words import NO_ABBREVIATION

Fact = tuple[str, str, float]  # (metric, unit, number), as ``duplicates`` keys a figure of a thing
_SENTENCE = re.compile(rf"(?<=[.!?;]){NO_ABBREVIATION}\s+|\n")


class _Figures(Protocol):
    """What ``duplicates`` knows of the sources' figures: each one's, and how many give each."""

    facts: dict[str, set[Fact]]
    fact_count: Counter[Fact]


_RARE = 2  # told by at most this many stories: the story's news, not its background


def told_with(text: str, figures: list[tuple[str, Figure]], metrics: Mapping[str, str | None]) -> dict[Fact, set[str]]:
    """For each of the text's figures of a named thing, the events of the sentences that give it."""
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    out: dict[Fact, set[str]] = {}
    for claim_id, figure in figures:
        metric = metrics.get(claim_id)
        if not metric or metric.startswith("to-confirm") or not figure.wording:
            continue
        found = set().union(*(events_in(s) for s in sentences if figure.wording in s))
        for unit, number in figure_key(figure.unit, figure.numbers()):
            out.setdefault((metric, unit, number), set()).update(found)
    return out


def _alongside(fact: Fact, events: dict[Fact, set[str]], stories: StoryIndex, sid: str, text: TextStory) -> set[str]:
    """The rare things this source tells, by the same organisations, that the text tells in the
    sentence giving this figure."""
    story = stories.stories.get(sid)
    if story is None:
        return set()
    return {
        e
        for e in events.get(fact, set()) & set(text.events)
        if stories.event_count[e] <= _RARE and common_doers(story, e, text.events[e]) is not None
    }


def counted(
    shared: set[Fact],
    events: dict[Fact, set[str]],
    where: tuple[StoryIndex, str, TextStory],
    index: _Figures,
) -> tuple[bool, dict[Fact, int]]:
    """Whether a shared figure is told with one of this story's rare events (then it is vouched
    for), and how many stories give each shared figure: only those telling its event too, when
    it has one here (all that give it, otherwise)."""
    stories, facts, count = where[0], index.facts, index.fact_count
    told_by: dict[Fact, int] = {}
    beside = False
    for fact in shared:
        with_it = _alongside(fact, events, *where)
        beside = beside or bool(with_it)
        tellers = sum(1 for sid, own in facts.items() if fact in own and with_it & set(stories.stories[sid].events))
        told_by[fact] = min(count[fact], tellers) if with_it and tellers else count[fact]
    return beside, told_by
