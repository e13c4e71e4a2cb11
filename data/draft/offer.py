"""Which of the sources that pass the duplicate check are offered: the best match, what is close
to it, and any second story standing on its own evidence (a round-up re-carries several).

Apart from ``duplicates`` so that each module does one job: ``duplicates`` scores every source,
this decides which scores are worth showing beside each other.
"""

from __future__ import annotations

from data.draft import story
from data.draft.model import Duplicate
from data.draft.sections import RETOLD

SAME_FACT = "the same figures of the same things"


def kept(out: list[Duplicate], stories: story.StoryIndex, told: story.TextStory) -> list[Duplicate]:
    """What is close to the best match (one clear re-carry should not drag in its neighbours), any
    other source whose own figure of the same thing the text repeats (a round-up), and a second
    story on its own evidence: the text tells of something it tells that the best match does not.
    A neighbour whose shared events are only some of those the best match shares is not close:
    the best match tells that part of the text, and more of it."""
    if not out:
        return []
    best = stories.stories.get(out[0].source_id)
    best_events = set(best.events) if best else set()
    best_shared = set(story.shared_events(stories, out[0].source_id, told))

    def apart(d: Duplicate) -> bool:
        mine = stories.stories.get(d.source_id)
        return mine is not None and bool((set(mine.events) & set(told.events)) - best_events)

    def close(d: Duplicate) -> bool:
        shared = set(story.shared_events(stories, d.source_id, told))
        return d.score >= out[0].score - 0.2 and not (shared and shared < best_shared)

    return [d for d in out if d is out[0] or close(d) or own_story(d.why) or apart(d)][:5]


def own_story(why: str) -> bool:
    """A reason that ties the text to this source's own story, not to a neighbour's. Citing the
    same outlet for something the best match tells as well is not one: a wire is cited for many
    stories, and the best match already explains that part of the text."""
    return SAME_FACT in why.lower() or RETOLD in why or story.SAME_PERSON in why
