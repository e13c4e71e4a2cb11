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
PAIRED = 0.3  # two kinds of evidence that agree: a lower bar than one kind alone (duplicates.THRESHOLD)
MEDIUM = 0.1  # the weight each must have to count as one of the two
CITED_APART = 0.6  # a story the text credits to its own outlet, kept beside a best match from another
# What stories about one event share with each other as much as with a retelling: not one of the two.
_SHARED_BY_NEIGHBOURS = {"the text shares its distinctive words", "the same origin"}


def combined(signals: list[tuple[float, str]]) -> float:
    """Signals combine as 1 - product(1 - w): each adds what the others leave unexplained."""
    score = 1.0
    for weight, _ in signals:
        score *= 1 - min(max(weight, 0.0), 1.0)
    return 1 - score


def enough(score: float, signals: list[tuple[float, str]]) -> bool:
    """Two different kinds of evidence, each of some weight (words a source quotes and its figure;
    its people and its events), agree: independent signals that both point at one story are
    stronger than their sum suggests, so a lower bar holds. Two reasons of one kind are one kind;
    shared vocabulary and a shared wire are what a neighbouring story about the same event has too."""
    kinds = {_kind(reason) for weight, reason in signals if weight >= MEDIUM}
    return score >= PAIRED and len(kinds - _SHARED_BY_NEIGHBOURS) >= 2


def _kind(reason: str) -> str:
    """What a reason is evidence of: the story's own date and a publication day near it are both
    time, one kind (a text dated like a source says nothing of its content)."""
    kind = reason.split("(")[0].strip().lower()
    return "time" if kind.startswith(("the story's own date", "published within")) else kind


def kept(out: list[Duplicate], stories: story.StoryIndex, told: story.TextStory) -> list[Duplicate]:
    """What is close to the best match (one clear re-carry should not drag in its neighbours), any
    other source whose own figure of the same thing the text repeats (a round-up), and a second
    story on its own evidence: the text tells of something it tells that the best match does not.
    A neighbour whose shared events are only some of those the best match shares is not close:
    the best match tells that part of the text, and more of it, unless the text credits that
    part to another outlet than the best match's (then it retells that outlet's story too)."""
    if not out:
        return []
    best = stories.stories.get(out[0].source_id)
    best_shared = set(story.shared_events(stories, out[0].source_id, told))

    def events_of(sid: str) -> set[str]:
        found = stories.stories.get(sid)
        return set(found.events) if found else set()

    def apart(d: Duplicate) -> bool:
        # what it tells beyond every match scoring higher (a tie with the best counts as the best)
        above = set().union(*(events_of(o.source_id) for o in out if o.score > d.score or o is out[0]))
        mine = stories.stories.get(d.source_id)
        return mine is not None and bool((set(mine.events) & set(told.events)) - above)

    def close(d: Duplicate) -> bool:
        shared = set(story.shared_events(stories, d.source_id, told))
        return d.score >= out[0].score - 0.2 and not (shared and shared < best_shared)

    def cited_apart(d: Duplicate) -> bool:
        # the text credits this part to another outlet than the best match's: that outlet's own story
        mine = stories.stories.get(d.source_id)
        # Clearly past the bar on its own, and the text cites both outlets, each for its own part: a
        # text citing only this outlet may be its report of the best match's news (a wire on a rule).
        strong = d.score >= CITED_APART and story.CITES in d.why and story.CITES in out[0].why
        return strong and mine is not None and best is not None and mine.origin != best.origin

    return [d for d in out if d is out[0] or close(d) or own_story(d.why) or apart(d) or cited_apart(d)][:5]


def own_story(why: str) -> bool:
    """A reason that ties the text to this source's own story, not to a neighbour's: its figure,
    its person, the words it quotes, a paragraph retelling it. Citing the
    same outlet for something the best match tells as well is not one: a wire is cited for many
    stories, and the best match already explains that part of the text."""
    return SAME_FACT in why.lower() or RETOLD in why or story.SAME_PERSON in why or story.SAME_WORDS in why
