"""The same story in other words: who did what, who is cited for it, who is named.

A rewrite of a story the tracker holds often shares no figure and few words with our summaries,
yet a careful reader still knows it: the same organisations doing the same thing ("Beijing asks
firms to halt orders" / "Beijing tells firms to pause orders"), the same outlet cited for it
("according to The Information"), the same official named ("David Peters"). The duplicate check
(``duplicates``) adds these signals to its own, and uses two of them against a match: a source
whose story comes from an outlet the text does not cite while it cites others, and a source that
gives a different figure for the same thing than the text (another version of the story).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass, field

from data.draft.entities import OUTLETS, EntityIndex
from data.load import SeedData
from data.models import Source

# What happened, in the words reports use for it. Each event has a plain label (shown in the
# reason) and a pattern read both in the pasted text and in a source's title, labels, summaries
# and wordings; a claim's status adds the event it stands for. Rare events weigh most.
_EVENTS: dict[str, tuple[str, str]] = {
    "none-delivered": (
        "none delivered so far",
        r"\b(?:not|n't|yet to)\b[^.;:]{0,50}\b(?:received|receive|delivered|shipped|sold|reached|arrived)\b"
        r"|\bnone\b[^.;:]{0,40}\b(?:sold|delivered|shipped|received|arrived)\b|\bnot a single\b"
        r"|\bno\b[^.;:]{0,30}\b(?:have|has|had) (?:yet )?(?:been )?(?:delivered|shipped|sold|reached|arrived)\b"
        r"|\bzero\b[^.;:]{0,30}\b(?:shipped|delivered|sold)\b",
    ),
    "orders-paused": (
        "orders paused",
        r"\b(?:halt|halted|pause|paused|pausing|suspend|suspended|hold off|stop placing|stop ordering)\b",
    ),
    "blocked": ("blocked", r"\bblock(?:ed|s|ing)?\b|\bnot (?:be )?(?:allowed|permitted) (?:to )?(?:enter|in)\b"),
    "access-restricted": (
        "who may buy restricted",
        r"\b(?:restrict|restricting|curb|curbing|limit|limiting|throttle) (?:\w+ )?(?:access|who|purchases|buying)\b"
        r"|\b(?:put|impose|set) restrictions\b|\brestrictions (?:around|on) who\b",
    ),
    "case-by-case": ("case-by-case review", r"\bcase[- ]by[- ]case\b|\bone by one\b"),
    "half-of-us-volume": (
        "capped at half of US volume",
        r"\bhalf of\b[^.;:]{0,50}\b(?:US|U\.S\.|American)\b|\b50 ?(?:%|per ?cent\b)[^.;:]{0,60}\b(?:US|U\.S\.)",
    ),
    "us-supply-certified": (
        "US supply to be certified",
        r"\bcertif\w*\b[^.;:]{0,60}\b(?:shortage|supply|ample)\b|\bsufficient\b[^.;:]{0,20}\bsupply\b",
    ),
    "per-customer-cap": ("a cap per customer", r"\bper[- ]customer\b"),
    "special-cases": ("only in special cases", r"\bspecial (?:cases|circumstances)\b|\buniversity research\b"),
    "prepayment": (
        "full payment up front",
        r"\bup ?front payment|\bpay(?:ing)? (?:the whole price |in full|up ?front)|\bfull payment|\bprepay\w*",
    ),
    "no-refunds": ("no refunds or cancellations", r"\brefunds?\b|\bcancell?ations?\b"),
    "collateral": ("insurance or collateral instead", r"\bcollateral\b|\binsurance\b|\bpledged assets\b"),
    "domestic-ratio": (
        "domestic chips bought alongside",
        r"\bdomestic(?:ally)?[- ](?:produced|made)\b[^.;:]{0,60}\b(?:alongside|with each|for every|ratio)\b",
    ),
    "told-lawmakers": (
        "said at a congressional hearing",
        r"\btold\b[^.;:]{0,30}\b(?:House|Senate|Congress|lawmakers|committee)\b|\bhearing\b|\btestif\w*",
    ),
    "customs": ("customs", r"\bcustoms\b"),
    "first-batch": ("a first batch", r"\bfirst batch\b"),
}
EVENTS = {name: (label, re.compile(pattern, re.IGNORECASE)) for name, (label, pattern) in _EVENTS.items()}
CITES = "for the same thing"
SAME_PERSON = "names the same person"
_STATUS_EVENT = {"paused": "orders-paused", "blocked": "blocked"}
_NONE_KINDS = {"delivery", "shipment", "sale"}
_CITE = (
    r"\b(?:according to|citing|reported by|told|cited by|per)\s+(?:a report (?:by|from|in)\s+|reports? (?:by|from)\s+)?"
    r"(?:the\s+)?({names})"
)
_SAID = r"\b(?:the\s+)?({outlets})(?:\s+News)?\s+(?:first\s+|separately\s+|also\s+)?(?:reported|said|wrote|has reported|had reported|reports)\b"
_EARLIER = re.compile(
    r"\b(?:previously|earlier reports?|last year|years? ago|in the past|back in|had earlier)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])|\n+")


def _clean(name: str | None) -> str:
    """'The Financial Times' and 'Financial Times (FT)' name the same outlet."""
    name = re.sub(r"\s*\(.*?\)", "", name or "").strip().lower()
    return re.sub(r"^the\s+", "", name)


@dataclass
class SourceStory:
    """What one source's story is about, as the text signals compare it."""

    events: dict[str, set[str]] = field(default_factory=dict)  # event -> actors of the claims carrying it
    people: set[str] = field(default_factory=set)
    origin: str = ""
    origin_name: str = ""  # as the source writes it, for the reason shown
    statuses: dict[str, set[str]] = field(default_factory=dict)  # metric -> the statuses its claims give


@dataclass
class StoryIndex:
    stories: dict[str, SourceStory]
    entities: EntityIndex
    event_count: Counter[str]
    people_count: Counter[str]
    cite: re.Pattern[str]
    said: re.Pattern[str]


@dataclass
class TextStory:
    """What the pasted text says happened and who did it, whom it cites for what, whom it names."""

    events: dict[str, set[str]]  # event -> organisations named where the text says it
    cited: dict[str, dict[str, set[str]]]  # cited origin -> event -> organisations, in the citing sentences
    people: set[str]
    cited_count: Counter[tuple[str, str]] = field(default_factory=Counter)  # sources that fit each citation


def events_in(text: str) -> set[str]:
    return {name for name, (_, pattern) in EVENTS.items() if pattern.search(text)}


def _people(person: str | None) -> list[str]:
    """Full names from an attribution ('Rep. Gregory Meeks', 'Elizabeth Warren and Gregory Meeks')."""
    out = []
    for part in re.split(r"\band\b|,", re.sub(r"\s*\(.*?\)", "", person or "")):
        words = [w for w in part.split() if w[:1].isupper() and not w.endswith(".")]
        if len(words) >= 2:
            out.append(" ".join(words))
    return out


def _source_story(source: Source, claims: list[object]) -> SourceStory:
    named = re.sub(r"\s*\(.*?\)", "", source.origin or source.publisher).strip()
    story = SourceStory(origin=_clean(named), origin_name=named)
    everyone: set[str] = set()
    for claim in claims:
        actors = set(getattr(claim, "actors", []) or [])
        quantity = getattr(claim, "quantity", None)
        if quantity is not None:
            actors |= set(quantity.applies_to or [])
            story.statuses.setdefault(quantity.metric, set()).add(getattr(claim, "status", None) or "")
        everyone |= actors
        words = " ".join([getattr(claim, "summary", "") or "", getattr(claim, "label", None) or ""])
        found = events_in(words + " " + (quantity.wording if quantity is not None else ""))
        status = getattr(claim, "status", None)
        if status in _STATUS_EVENT:
            found.add(_STATUS_EVENT[status])
        if status == "none" and getattr(claim, "kind", "") in _NONE_KINDS:
            found.add("none-delivered")
        for event in found:
            story.events.setdefault(event, set()).update(actors)
        attribution = getattr(claim, "attribution", None)
        story.people.update(_people(getattr(attribution, "person", None)))
    for event in events_in(source.title):
        story.events.setdefault(event, set()).update(everyone)
    return story


_INDEXES: dict[int, tuple[weakref.ref[SeedData], StoryIndex]] = {}


def story_index(seeds: SeedData) -> StoryIndex:
    """Built once per loaded seed set, like the word index, and dropped with it."""
    cached = _INDEXES.get(id(seeds))
    if cached is not None and cached[0]() is seeds:
        return cached[1]
    by_source: dict[str, list[object]] = {sid: [] for sid in seeds.sources}
    for record in seeds.claims:
        by_source.setdefault(record.source_id, []).append(record.claim)
    stories = {sid: _source_story(src, by_source.get(sid, [])) for sid, src in seeds.sources.items()}
    events: Counter[str] = Counter(e for s in stories.values() for e in s.events)
    people: Counter[str] = Counter(p for s in stories.values() for p in s.people)
    names = {_clean(o) for o in OUTLETS} | {s.origin for s in stories.values() if len(s.origin) >= 3}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    outlets = "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
    cite = re.compile(_CITE.format(names=alternation) + r"(?![\w-])", re.IGNORECASE)
    said = re.compile(_SAID.format(outlets=outlets) + r"|\((Reuters|Bloomberg|AP|AFP)\)")
    built = StoryIndex(stories, EntityIndex(seeds), events, people, cite, said)
    key = id(seeds)
    _INDEXES[key] = (weakref.ref(seeds, lambda _ref: _INDEXES.pop(key, None)), built)
    return built


def read_text(index: StoryIndex, text: str) -> TextStory:
    """The text's events with who does them, the origins it cites (for what) and the people it names.

    Who: the organisations its paragraph names. What a sentence says happened
    before ("had previously told", "according to earlier reports") is background, not the story.
    """
    said: list[tuple[str, set[str], set[str]]] = []  # (sentence, events, organisations)
    for paragraph in re.split(r"\n\s*\n", text):
        around = {m.id for m in index.entities.find(paragraph) if m.kind == "organisation"}
        for sentence in (s for s in _SENTENCE.split(paragraph) if s.strip()):
            said.append((sentence, set() if _EARLIER.search(sentence) else events_in(sentence), around))
    events: dict[str, set[str]] = {}
    cited: dict[str, dict[str, set[str]]] = {}
    for number, (sentence, found, orgs) in enumerate(said):
        for event in found:
            events.setdefault(event, set()).update(orgs)
        for match in [*index.cite.finditer(sentence), *index.said.finditer(sentence)]:
            name = _clean(next(g for g in match.groups() if g))
            for _, near, who in said[max(number - 1, 0) : number + 1]:
                for event in near:
                    cited.setdefault(name, {}).setdefault(event, set()).update(who)
    people = {p for p in index.people_count if re.search(rf"\b{re.escape(p)}\b", text)}
    fits: Counter[tuple[str, str]] = Counter(
        (story.origin, event)
        for story in index.stories.values()
        for event, who in cited.get(story.origin, {}).items()
        if _doers(story, event, who)
    )
    return TextStory(events, cited, people, fits)


def _doers(story: SourceStory, event: str, who: set[str]) -> set[str] | None:
    """The organisations both say did this (an empty set when the source names none), or None."""
    if event not in story.events:
        return None
    actors = story.events[event]
    shared = actors & who
    return shared if shared or not actors else None


def story_signals(index: StoryIndex, sid: str, text: TextStory, names: dict[str, str]) -> list[tuple[float, str]]:
    """Evidence that the text tells this source's story, each with its reason in plain words."""
    story = index.stories.get(sid)
    if story is None:
        return []
    out: list[tuple[float, str]] = []
    doers = {e: _doers(story, e, who) for e, who in text.events.items()}
    shared = sorted((e for e, d in doers.items() if d is not None), key=lambda e: index.event_count[e])
    rarity = sum(1 / index.event_count[e] for e in shared)
    if len(shared) >= 2 and rarity >= 0.25:
        actors = sorted({a for e in shared for a in doers[e] or set()}, key=lambda a: names.get(a, a))
        doing = ", ".join(names.get(a, a) for a in actors[:3])
        what = "; ".join(EVENTS[e][0] for e in shared[:3])
        out.append((min(0.5 * rarity, 0.35), f"the same actors doing the same things ({doing}: {what})"))
    for event, who in sorted(text.cited.get(story.origin, {}).items()):
        if _doers(story, event, who) is None:
            continue
        count = text.cited_count[(story.origin, event)]
        if 0 < count <= 3:
            label = EVENTS[event][0]
            out.append((0.35 / count, f"the text cites {story.origin_name} {CITES} ({label})"))
            break
    for person in sorted(story.people & text.people):
        count = index.people_count[person]
        if count <= 3:
            out.append((0.3 / count, f"it {SAME_PERSON} ({person})"))
    return out


def done_by_others(index: StoryIndex, sid: str, text: TextStory) -> bool:
    """The text tells of the same things (two or more), but done by organisations this story never names."""
    story = index.stories.get(sid)
    if story is None:
        return False
    alike = [e for e in text.events if e in story.events and text.events[e] and story.events[e]]
    return len(alike) >= 2 and all(_doers(story, e, text.events[e]) is None for e in alike)


def cites_others(index: StoryIndex, sid: str, text: TextStory) -> str | None:
    """The text names the outlets it got its story from, and this source's outlet is not one of them."""
    story = index.stories.get(sid)
    outlets = {_clean(o) for o in OUTLETS}
    cited = set(text.cited) & outlets
    if story is None or story.origin not in outlets or not cited or story.origin in cited:
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
