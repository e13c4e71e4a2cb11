"""An event common over the tracker's year can be rare in the days a report was published: of the
seven stories telling that no H200 had been delivered, two ran the day before a report that says
it remains unsold. Apart from ``duplicates`` so that module stays short.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from data.draft.events import EVENTS, events_in
from data.draft.story import StoryIndex, TextStory, common_doers, shared_events
from data.models import Source

WITHIN = 3  # days either side of the report's date that count as "those days"
_COMMON = 4  # an event at most this many stories tell already weighs as rare (``story.story_signals``)


def rare_then(
    stories: StoryIndex, sid: str, text: TextStory, sources: Mapping[str, Source], published: dt.date | None
) -> list[tuple[float, str]]:
    """For a source published within three days of the report: the one event both tell, too common
    to weigh on its own, that at most one other story of those days tells by the text's doers (the
    same news, not the same kind of news). Nothing without the report's date, or when the text and
    the source share more than that one event (the actors' signal weighs those)."""

    def near(other: str) -> bool:
        when = sources[other].published if other in sources else None
        return published is not None and when is not None and abs((published - when).days) <= WITHIN

    if not near(sid):
        return []
    shared = shared_events(stories, sid, text)
    if len(shared) != 1 or stories.event_count[shared[0]] <= _COMMON:
        return []
    event = shared[0]
    then = [
        other
        for other, story in stories.stories.items()
        if near(other) and common_doers(story, event, text.events[event]) is not None
    ]
    if len(then) > 2:
        return []
    return [(0.2, f"the same event as few stories of those days tell ({EVENTS[event][0]})")]


def dated_event(
    stories: StoryIndex, sid: str, text: TextStory, dated: list[tuple[dt.date, str]], when: list[dt.date | None]
) -> list[tuple[float, str]]:
    """A sentence of the text that dates an event it shares with this source to the source's own
    day, or the next or the one before (time zones): "a customs block on January 14" is that day's
    story, however many stories tell of blocks. One signal, of the rarest such event."""
    shared = set(shared_events(stories, sid, text))
    for day, sentence in dated:
        if shared and any(w is not None and abs((day - w).days) <= 1 for w in when):
            told = sorted(events_in(sentence) & shared, key=lambda e: stories.event_count[e])
            if told:
                return [
                    (0.15, f"the text dates what both tell ({EVENTS[told[0]][0]}) to {day:%d %b %Y}, this source's day")
                ]
    return []
