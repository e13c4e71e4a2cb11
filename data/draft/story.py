"""The same story in other words: who did what, who is cited for it, who is named, what is quoted.

A rewrite of a story the tracker holds often shares no figure and few words with our summaries,
yet a careful reader still knows it: the same organisations doing the same things ("Beijing asks
firms to halt orders" / "Beijing tells firms to pause orders"), the same outlet cited for it
("according to The Information", "the FT reported"), the same official named ("David Peters"),
the words our claims quote from the original ("trivial"). The duplicate check (``duplicates``)
adds these to its own signals, and counts against a match: a story from an outlet the text does
not cite while it cites others, the same things done by other organisations, another chip.
What a sentence says happened before ("according to earlier reports") is background, never
the story.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass, field

from data.draft import story_hints
from data.draft.entities import OUTLETS, EntityIndex
from data.draft.events import EVENTS, events_in
from data.draft.words import NO_ABBREVIATION, plain
from data.load import SeedData
from data.models import Claim, Source

CITES = "for the same thing"
SAME_PERSON = "names the same person"
SAYING = "saying the same thing"  # a person's remark here is the one this story has them make
SAME_WORDS = "uses the words this source quotes"
SAME_ACTORS = "the same actors doing the same things"
_STATUS_EVENT = {"paused": "orders-paused", "blocked": "blocked", "in_principle": "approved-in-principle",
                 "conditional": "conditional-approval", "under_review": "under-review"}  # fmt: skip
_NONE_KINDS = {"delivery", "shipment", "sale"}
_CITE = (
    r"\b(?:according to|citing|reported by|told|cited by|per|spoke to|speaking to|talked to)\s+(?:a report (?:by|from|in)\s+|reports? (?:by|from)\s+)?"
    r"(?:the\s+|an?\s+)?({names})"
)
_SAID = r"\b(?:the\s+)?({outlets})(?:\s+News)?(?:,[^,.;]{{3,60}},)?\s+(?:first\s+|separately\s+|also\s+)?(?:[Rr]eported|[Ss]aid|[Ww]rote|has reported|had reported|[Rr]eports)\b"
_EARLIER = re.compile(
    r"\b(?:previously|earlier reports?|last year|years? ago|in the past|back in|had earlier)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(rf"(?<=[.!?]){NO_ABBREVIATION}\s+(?=[A-Z“\"'(])|\n+")
_ENDED = re.compile(r"[.!?\"”’)]\s*$")  # a sentence that ends here, not one a line break cut
UNNAMED_FIRMS = "other-cn-buyers"
_FIRMS = re.compile(
    r"\bChinese (?:tech(?:nology)? |internet |AI )?(?:customers|firms|companies|buyers|clients|groups)\b", re.IGNORECASE
)

# A country as the subject of a government's verb is its government ("China approved", "the US
# approval"), "the president" the White House; a country as a place ("sales in China") is no actor.
_STATE_VERBS = (
    r"(?:has |have |had |is |was |will |would |then |also |\w+ly )*(?:approv|allow|permit|clear|licens|ask|instruct|ordered|told"
    r"|tell|ban|block|bar|prepar|plan|requir|restrict|limit|gave|give|grant|halt|paus|sign|consider|weigh|draft"
    r"|impos|summon)\w*"
)
# The state, not a firm; also where a pasted caption runs into the text ("...ImagesChinese officials").
_CN_OFFICIALS = r"(?:(?<=[a-z])(?=[A-Z]))?Chinese (?:officials|regulators|authorities|government)"
_STATE_ALIASES = {
    "cn-government": re.compile(rf"(?:\b|(?<=[a-z]))(?:China|{_CN_OFFICIALS})\s+{_STATE_VERBS}"),
    "us-white-house": re.compile(
        r"\b[Tt]he [Pp]resident\b(?! of (?:Nvidia|the (?:company|firm)))"
        rf"|\b(?:U\.S\.|US|United States)(?:'s|’s)?\s+(?:government|administration|approval|authori[sz]ation|{_STATE_VERBS})"
    ),
}

# Firms a paragraph leaves unnamed by country, where China's government acts on them ("China told
# tech companies to stop buying"): its own firms, unless another country is named with them.
_LOCAL_FIRMS = re.compile(
    r"(?<!US )(?<!U\.S\. )(?<!American )(?<!foreign )\b(?:tech(?:nology)?|internet) (?:companies|firms|giants|groups)\b",
    re.IGNORECASE,
)
_CN_STATE = re.compile(
    rf"(?:\b|(?<=[a-z]))(?:China|Beijing|{_CN_OFFICIALS})(?:'s|’s)?\s+(?:government\s+|regulators\s+|authorities\s+)?{_STATE_VERBS}"
)

_SHORT = {"ft": "financial times", "wsj": "wall street journal", "scmp": "south china morning post",
          "ap": "associated press", "nikkei": "nikkei asia"}  # fmt: skip


def clean_outlet(name: str | None) -> str:
    """'The Financial Times', 'Financial Times (FT)' and 'the FT' name the same outlet."""
    name = re.sub(r"\s*\(.*?\)", "", name or "").strip().lower()
    name = re.sub(r"^the\s+", "", name)
    return _SHORT.get(name, name)


@dataclass
class SourceStory:
    """What one source's story is about, as the text signals compare it."""

    events: dict[str, set[str]] = field(default_factory=dict)  # event -> actors of the claims carrying it
    people: set[str] = field(default_factory=set)
    origin: str = ""
    origin_name: str = ""  # as the source writes it, for the reason shown
    outlets: set[str] = field(default_factory=set)  # its origin, publisher and carriers
    statuses: dict[str, set[str]] = field(default_factory=dict)  # metric -> the statuses its claims give
    phrases: set[str] = field(default_factory=set)  # the article's own words we kept (wordings, quotes)
    chips: set[str] = field(default_factory=set)  # the products its claims are about
    buyers: set[str] = field(default_factory=set)  # the named buyers its claims are about
    said: dict[str, set[str]] = field(default_factory=dict)  # person -> the events of the claims credited to them
    headline: set[str] = field(default_factory=set)  # the named buyers its title names (whom the story is about)


@dataclass
class StoryIndex:
    stories: dict[str, SourceStory]
    entities: EntityIndex
    side: dict[str, set[str]]  # a government body -> every body on its side (same timeline lane)
    named_buyers: set[str]  # buyers the tracker names one by one (not "other Chinese firms")
    event_count: Counter[str]
    # (event, firm) -> how many stories have that firm doing it, for a firm at most three stories
    # name (as with people): a rarely named firm doing the same thing is rarer than the thing
    # ("conditionally approved" is common; for one start-up, not). Nvidia or ByteDance say nothing.
    pair_count: Counter[tuple[str, str]]
    people_count: Counter[str]
    phrase_count: Counter[str]
    cite: re.Pattern[str]
    said: re.Pattern[str]
    lines: dict[str, set[str]] = field(default_factory=dict)  # a chip line's name -> the line's own chips


@dataclass
class TextStory:
    """What the pasted text says happened and who did it, whom it cites for what, whom it names."""

    events: dict[str, set[str]]  # event -> organisations named where the text says it
    cited: dict[str, dict[str, set[str]]]  # cited origin -> event -> organisations, in the citing sentences
    people: set[str]
    phrases: set[str]
    chips: set[str]  # the chips the text's story names (background sentences left out)
    lead: set[str]  # the events of its first two paragraphs (the headline and the lead)
    buyers: set[str]  # the named buyers its story names (background sentences left out)
    cited_count: Counter[tuple[str, str]] = field(default_factory=Counter)  # sources that fit each citation
    told_count: Counter[str] = field(default_factory=Counter)  # stories telling each event by the text's doers
    said_by: dict[str, set[str]] = field(default_factory=dict)  # person -> events of the sentences naming them


def _source_story(source: Source, claims: list[Claim], named_buyers: set[str]) -> SourceStory:
    named = re.sub(r"\s*\(.*?\)", "", source.origin or source.publisher).strip()
    story = SourceStory(origin=clean_outlet(named), origin_name=named)
    story.outlets = {story.origin, clean_outlet(source.publisher), *(clean_outlet(o.outlet) for o in source.carried_by)}
    everyone: set[str] = set()
    for claim in claims:
        actors = set(claim.actors)
        wording = ""
        if claim.quantity is not None:
            actors |= set(claim.quantity.applies_to)
            story.statuses.setdefault(claim.quantity.metric, set()).add(claim.status or "")
            wording = claim.quantity.wording or ""
        everyone |= actors
        story.buyers |= actors & named_buyers
        if claim.product:
            story.chips.add(claim.product)
        words = f"{claim.summary} {claim.label or ''}"
        found = events_in(f"{words} {wording}. {claim.attribution.note or ''}")  # "Truth Social post" too
        if claim.status in _STATUS_EVENT:
            found.add(_STATUS_EVENT[claim.status])
        if claim.status == "none" and claim.kind in _NONE_KINDS:
            found.add("none-delivered")
        if claim.kind == "condition" and claim.side == "vendor" and actors & (named_buyers | {UNNAMED_FIRMS}):
            found.add("seller-terms")  # terms a seller sets on its buyers
        for event in found:
            story.events.setdefault(event, set()).update(actors)
        for person in story_hints.people_in(claim.attribution.person):
            story.people.add(person)
            story.said.setdefault(person, set()).update(found)
        quoted = re.findall(r'"([^"]{4,80})"', f"{words} {claim.attribution.note or ''}")
        story.phrases.update(p for p in map(plain, [*quoted, wording]) if story_hints.telling(p))
    for event in events_in(source.title):
        story.events.setdefault(event, set()).update(everyone)
    return story


_INDEXES: dict[int, tuple[weakref.ref[SeedData], StoryIndex]] = {}
_GOVERNMENT_LANES = ("us_government", "china_regulators")
_GROUPS = ("other-", "cn-")  # "other Chinese firms", "state-owned firms", "universities": not one buyer


def _sides(seeds: SeedData) -> dict[str, set[str]]:
    lanes: dict[str, set[str]] = {}
    for org in seeds.organisations.values():
        if org.lane in _GOVERNMENT_LANES:
            lanes.setdefault(org.lane, set()).add(org.id)
    return {oid: lanes[org.lane] for oid, org in seeds.organisations.items() if org.lane in lanes}


def _firm(actor: str, sides: dict[str, set[str]]) -> bool:
    """A firm the text names itself: not a government body (read from its side's stand-ins too),
    not a group of firms read from general words."""
    return actor not in sides and actor != UNNAMED_FIRMS and not actor.startswith(_GROUPS)


def rarity_of(index: StoryIndex, event: str, doers: set[str]) -> int:
    """How many stories tell this event, or, when a firm both name does it, how many have that
    firm doing it (the fewer, the more it says)."""
    counts = [index.pair_count[(event, a)] for a in doers if index.pair_count[(event, a)]]
    return min([index.event_count[event], *counts]) or 1


def story_index(seeds: SeedData) -> StoryIndex:
    """Built once per loaded seed set, like the word index, and dropped with it."""
    cached = _INDEXES.get(id(seeds))
    if cached is not None and cached[0]() is seeds:
        return cached[1]
    by_source: dict[str, list[Claim]] = {sid: [] for sid in seeds.sources}
    for record in seeds.claims:
        by_source.setdefault(record.source_id, []).append(record.claim)
    named = {o.id for o in seeds.organisations.values() if o.kind == "buyer" and not o.id.startswith(_GROUPS)}
    stories = {sid: _source_story(src, by_source.get(sid, []), named) for sid, src in seeds.sources.items()}
    events: Counter[str] = Counter(e for s in stories.values() for e in s.events)
    sides = _sides(seeds)
    firms: Counter[str] = Counter(
        a for s in stories.values() for a in set().union(*s.events.values()) if _firm(a, sides)
    )
    pairs: Counter[tuple[str, str]] = Counter(
        (e, a) for s in stories.values() for e, who in s.events.items() for a in who if 0 < firms[a] <= 3
    )
    people: Counter[str] = Counter(p for s in stories.values() for p in s.people)
    phrases: Counter[str] = Counter(p for s in stories.values() for p in s.phrases)
    names = (
        {clean_outlet(o) for o in OUTLETS} | {s.origin for s in stories.values() if len(s.origin) >= 3} | set(_SHORT)
    )
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    outlets = "|".join(re.escape(o) for o in sorted([*OUTLETS, "FT", "WSJ", "SCMP"], key=len, reverse=True))
    cite = re.compile(_CITE.format(names=alternation) + r"(?![\w-])", re.IGNORECASE)
    said = re.compile(_SAID.format(outlets=outlets) + r"|\((Reuters|Bloomberg|AP|AFP)\)")
    built = StoryIndex(stories, EntityIndex(seeds), sides, named, events, pairs, people, phrases, cite, said)
    built.lines = story_hints.chip_lines(seeds.chips)
    for sid, src in seeds.sources.items():
        stories[sid].headline = {m.id for m in built.entities.find(src.title)} & named
    key = id(seeds)
    _INDEXES[key] = (weakref.ref(seeds, lambda _ref: _INDEXES.pop(key, None)), built)
    return built


def read_text(index: StoryIndex, text: str) -> TextStory:
    """The text's events with who does them, the origins it cites (for what) and the people it names.

    Who: the organisations its paragraph names; a government body stands for its whole side
    ("lawmakers" for the House committee, "Commerce" for its export bureau, "Beijing" for the
    NDRC). What a sentence says happened before ("had previously told", "according to earlier
    reports") is background, not the story.
    """
    said: list[tuple[str, set[str], set[str]]] = []  # (sentence, events, organisations)
    lead: set[str] = set()
    state: set[str] = set()  # the government bodies of the last paragraph that named one
    for number, paragraph in enumerate(p for p in re.split(r"\n\s*\n", text) if p.strip()):
        named = {m.id for m in index.entities.find(paragraph) if m.kind == "organisation"}
        around = named.union(*(index.side.get(o, set()) for o in named))
        around |= story_hints.rule_makers(paragraph, around, state, set(index.side))
        state = {o for o in around if o in index.side} or state
        if _FIRMS.search(paragraph) or (_CN_STATE.search(paragraph) and _LOCAL_FIRMS.search(paragraph)):
            around.add(UNNAMED_FIRMS)  # "Chinese customers", or "tech companies" China tells what to do
        for org, alias in _STATE_ALIASES.items():  # "China approved", "the president said": the state acting
            if org in index.side and alias.search(paragraph):
                around |= {org} | index.side[org]
        for sentence in (s for s in _SENTENCE.split(paragraph) if s.strip()):
            found = set() if _EARLIER.search(sentence) else events_in(sentence)
            said.append((sentence, found, around))
            lead |= found if number < 2 else set()
    events: dict[str, set[str]] = {}
    cited: dict[str, dict[str, set[str]]] = {}
    citing = [bool(index.cite.search(s) or index.said.search(s)) for s, _, _ in said]
    for number, (sentence, found, orgs) in enumerate(said):
        for event in found:
            events.setdefault(event, set()).update(story_hints.setters(event, sentence, orgs, index, _STATE_ALIASES))
        if _EARLIER.search(sentence):
            continue  # an outlet cited for what happened before is the background's source
        # The sentence before counts too ("X happened. The FT said ..."), unless it credits its own outlet;
        # so does all of a sentence a line break cut in two ("... silicon," / "according to The Information.").
        start = number
        while start > 0 and number - start < 3 and not _ENDED.search(said[start - 1][0]):
            start -= 1
        start = start - 1 if start > 0 and not citing[start - 1] else start
        for match in [*index.cite.finditer(sentence), *index.said.finditer(sentence)]:
            name = clean_outlet(next(g for g in match.groups() if g))
            cited.setdefault(name, {})
            for _, near, who in said[start : number + 1]:
                for event in near:
                    cited.setdefault(name, {}).setdefault(event, set()).update(who)
    told = " ".join(sentence for sentence, _, _ in said if not _EARLIER.search(sentence))  # background left out
    people = {p for p in index.people_count if re.search(rf"\b{re.escape(p)}\b", told)}
    # A letter's addressee acts in no story here.
    people = {p for p in people if not story_hints.addressed_only(p, told)}
    said_by: dict[str, set[str]] = {}  # what a sentence naming a person tells: their remark
    for (_, found, _), speaking in zip(said, story_hints.speakers((s for s, _, _ in said), people), strict=True):
        for person in speaking:
            said_by.setdefault(person, set()).update(found)
    fits: Counter[tuple[str, str]] = Counter(
        (story.origin, event)
        for story in index.stories.values()
        for event, who in cited.get(story.origin, {}).items()
        if common_doers(story, event, who) is not None
    )
    told_plain = story_hints.unpunctuated(plain(told))
    phrases = {p for p in index.phrase_count if story_hints.unpunctuated(p) in told_plain}
    mentions = index.entities.find(told)
    chips = {m.id for m in mentions if m.kind == "chip"} | story_hints.lines_named(told, index.lines)
    buyers = {m.id for m in mentions if m.id in index.named_buyers}
    # An event many stories tell, but by other organisations than this text's (suppliers halting
    # production, not Nvidia), is as rare as the stories that tell it by these: count only those.
    by_these = Counter(
        e for s in index.stories.values() for e, who in events.items() if common_doers(s, e, who) is not None
    )
    return TextStory(events, cited, people, phrases, chips, lead, buyers, fits, by_these, said_by)


def common_doers(story: SourceStory, event: str, who: set[str]) -> set[str] | None:
    """The organisations both say did this (an empty set when either names none), or None. The
    unnamed Chinese firms, read from general words, can make a match but never break one."""
    if event not in story.events:
        return None
    actors = story.events[event]
    shared = actors & who
    return shared if shared or not actors or not who - {UNNAMED_FIRMS} else None


def story_signals(index: StoryIndex, sid: str, text: TextStory, names: dict[str, str]) -> list[tuple[float, str]]:
    """Evidence that the text tells this source's story, each with its reason in plain words."""
    story = index.stories.get(sid)
    if story is None:
        return []
    out: list[tuple[float, str]] = []
    doers = {e: common_doers(story, e, who) for e, who in text.events.items()}
    shared = shared_events(index, sid, text)
    told_by = {e: rarity_of(index, e, doers[e] or set()) for e in shared}
    if len(shared) >= 2:  # several things, each counted among the stories telling it by the text's doers
        told_by = {e: min(told_by[e], text.told_count[e] or told_by[e]) for e in shared}
    rarity = sum(1 / told_by[e] for e in shared)
    if len(shared) >= 2 and rarity >= 0.25:
        actors = sorted({a for e in shared for a in doers[e] or set()}, key=lambda a: names.get(a, a))
        doing = ", ".join(names.get(a, a) for a in actors[:3])
        what = "; ".join(EVENTS[e][0] for e in shared[:3])
        cap = min(0.35 + 0.1 * (len(shared) - 2), 0.5)  # each further thing both tell adds to the likeness
        if all(told_by[e] <= 2 for e in shared):
            cap = max(cap, 0.45)  # things at most one other story tells, both here: as strong as a rare figure
        out.append((min(0.5 * rarity, cap), f"{SAME_ACTORS} ({doing}: {what})" if doing else f"{SAME_ACTORS} ({what})"))
    elif len(shared) == 1 and story_hints.remark_of_another(story.said, shared[0], text.people):
        pass  # one person's remark told without them: someone else saying it
    elif len(shared) == 1 and story_hints.scoop(story, shared[0], text, index.side):
        out.append((0.4, f"the same rare event, the text's lead ({EVENTS[shared[0]][0]})"))
    elif len(shared) == 1 and story_hints.same_buyers(story, shared[0], text, index):
        out.append((0.4, f"the text's lead, done for the same named buyers ({EVENTS[shared[0]][0]})"))
    elif len(shared) == 1 and told_by[shared[0]] <= 2:  # one rare thing: some evidence, never enough alone
        out.append((0.2, f"the same rare event ({EVENTS[shared[0]][0]})"))
    elif len(shared) == 1 and told_by[shared[0]] <= 4 and not _counted(story, shared[0], text):
        # told by three or four stories: less (and nothing when a citation or a person counts it)
        out.append((0.15, f"the same rare event ({EVENTS[shared[0]][0]})"))
    for event, who in sorted(text.cited.get(story.origin, {}).items()):
        if common_doers(story, event, who) is None:
            continue
        count = text.cited_count[(story.origin, event)]
        if 0 < count <= 3:
            label = EVENTS[event][0]
            # The text's own news credited to the one story of that outlet telling it: a rewrite of its scoop.
            weight = 0.45 if count == 1 and event in text.lead else 0.35 / count
            out.append((weight, f"the text cites {story.origin_name} {CITES} ({label})"))
            break
    quoted = sorted(story.phrases & text.phrases, key=lambda p: index.phrase_count[p])
    if quoted and index.phrase_count[quoted[0]] <= 3:
        said = ", ".join(f"'{p.strip()}'" for p in quoted[:2])
        out.append((0.25 / index.phrase_count[quoted[0]], f"it {SAME_WORDS} ({said})"))
    for person in sorted(story.people & text.people):
        count = index.people_count[person]
        if count > 3:
            rare = story_hints.rare_remark(
                story.said.get(person, set()), text.said_by.get(person, set()), index.event_count
            )
            weight = 0.2 if rare and index.event_count[rare] == 1 else 0.15  # what no other story has them say
            out += [(weight, f"it {SAME_PERSON} ({person}) {SAYING} ({EVENTS[rare][0]})")] if rare else []
            continue
        if story.said.get(person, set()) & text.said_by.get(person, set()):  # saying here what they said there
            out.append((min(0.6 / count, 0.3), f"it {SAME_PERSON} ({person}) {SAYING}"))
        else:
            out.append((0.3 / count, f"it {SAME_PERSON} ({person})"))
    return out


def _counted(story: SourceStory, event: str, text: TextStory) -> bool:
    """The event is already the evidence of another signal: the text cites this story's outlet for
    it, or names a person this story has saying it."""
    said = set().union(*(story.said.get(p, set()) for p in story.people & text.people))
    return event in text.cited.get(story.origin, {}) or event in said


def shared_events(index: StoryIndex, sid: str, text: TextStory) -> list[str]:
    """What the text tells that this story tells too, by the same organisations (rarest first)."""
    story = index.stories.get(sid)
    if story is None:
        return []
    shared = (e for e, who in text.events.items() if common_doers(story, e, who) is not None)
    return sorted(shared, key=lambda e: index.event_count[e])
