"""What counts against a match: the story's things done by others, another chip, other buyers or
people, a lead that contradicts it, citations of other outlets, another stage of the same measure.

Apart from ``story`` (what a story and a text tell) so that each module does one job: these
read the same ``StoryIndex`` and ``TextStory`` and say where they disagree; ``duplicates`` turns
each into a factor on a source's score.
"""

from __future__ import annotations

from data.draft.entities import OUTLETS
from data.draft.events import ANSWERS, OPPOSITE, SUPERSEDES
from data.draft.story import StoryIndex, TextStory, clean_outlet, common_doers


def done_by_others(index: StoryIndex, sid: str, text: TextStory) -> bool:
    """The text tells of the same things (two or more), but done by organisations this story never names."""
    story = index.stories.get(sid)
    if story is None:
        return False
    alike = [e for e in text.events if e in story.events and text.events[e] and story.events[e]]
    return len(alike) >= 2 and all(common_doers(story, e, text.events[e]) is None for e in alike)


def contradicted(index: StoryIndex, sid: str, text: TextStory) -> bool:
    """The text leads with what this source's story says had not happened yet (or the reverse), or
    with a denial this story does not tell of (it answers the story, it is not the story), or it
    tells of the decision this story said was still to come, and never of the wait."""
    story = index.stories.get(sid)
    if story is None:
        return False
    mine, told = set(story.events), set(text.events)
    answered = any(e in ANSWERS and e not in mine for e in text.lead)
    decided = any(SUPERSEDES.get(e, set()) & mine and not SUPERSEDES[e] & told and e not in mine for e in told)
    return answered or decided or any(OPPOSITE.get(e, set()) & mine and e not in mine for e in text.lead)


def other_chip(index: StoryIndex, sid: str, text: TextStory) -> bool:
    """The text is about chips this source's claims never name (an RTX Pro 5500 story is not an H200 one)."""
    story = index.stories.get(sid)
    return story is not None and bool(text.chips) and bool(story.chips) and not text.chips & story.chips


def other_buyers(index: StoryIndex, sid: str, text: TextStory) -> bool:
    """The text names buyers, this source names buyers, and none of them is the same firm."""
    story = index.stories.get(sid)
    return story is not None and bool(text.buyers) and bool(story.buyers) and not text.buyers & story.buyers


def other_people(index: StoryIndex, sid: str, text: TextStory) -> bool:
    """The text names people, this story credits its claims to people, none the same, and nothing
    this story tells of is in the text: only common words tie them ("the president", "Commerce"),
    and the people speaking are not the same."""
    story = index.stories.get(sid)
    return (
        story is not None
        and bool(story.people)
        and bool(text.people)
        and not story.people & text.people
        and not set(story.events) & set(text.events)
    )


def cites_others(index: StoryIndex, sid: str, text: TextStory) -> str | None:
    """The text names the outlets it got its story from, and neither this story's origin nor any
    outlet that carried it is one of them. An article may repeat two stories and credit only one:
    when the text tells of this story's own events without crediting them to another outlet, its
    citations are about the other story and say nothing against this one."""
    story = index.stories.get(sid)
    outlets = {clean_outlet(o) for o in OUTLETS}
    cited = set(text.cited) & outlets
    if story is None or story.origin not in outlets or not cited or story.outlets & cited:
        return None
    told = set(story.events) & set(text.events)
    if told and not any(told & set(text.cited[name]) for name in cited):
        return None
    return ", ".join(sorted(cited))


_PROPOSED = {"proposed", "considering"}
_IN_FORCE = {"applied", "in_effect", "approved", "announced"}


def later_stage(mine: str | None, theirs: set[str]) -> bool:
    """One says a measure is proposed, the other that it applies: two stages of it, two stories."""
    return (
        bool(mine)
        and bool(theirs)
        and ((mine in _PROPOSED and theirs <= _IN_FORCE) or (mine in _IN_FORCE and theirs <= _PROPOSED))
    )
