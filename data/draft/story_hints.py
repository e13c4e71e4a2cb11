"""Small readings ``story`` leans on, apart so that module stays short: the people an attribution
names (and whether the text only writes to them) and the phrases worth comparing, whose rules a
paragraph means when it names no rule-maker, who set a licence's terms, when a remark counts as
this story's person saying it, a quoted phrase read without the stop that ends its sentence,
a lead whose act for the same named buyers is one story's news, who is speaking in a sentence
that says only "he said", and the chips a chip line's bare name stands for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

# "Under the new rules", "the regulation also requires": a rule told of without its maker's name.
_THE_RULES = re.compile(
    r"\b(?:the|these|those|its|their) (?:new |draft |final )?(?:rules?|regulations?|filing)\b", re.IGNORECASE
)
# "Meanwhile, regulators have asked", "said the authorities": the rule-makers told of by their
# role alone (a reporter names the government once, then writes "regulators"). Not when a word
# before them names whose they are ("Chinese regulators", "US authorities", "federal regulators")
# or a place follows ("authorities in Taiwan"): those are named, or somebody else's.
_BARE_MAKERS = re.compile(
    r"(\S+\s+)?\b(?:[Tt]he\s+)?(?:[Rr]egulators|[Aa]uthorities)\b(?!\s+(?:in|of|from|at)\s+[A-Z])"
)
_WHOSE = re.compile(
    r"^(?:[A-Z]\S*(?<![,;:!?\"”])\s|(?:federal|state|local|provincial|antitrust|market|securities|financial|tax)\s)"
)


def _unnamed_makers(paragraph: str) -> bool:
    return any(not (m.group(1) and _WHOSE.match(m.group(1))) for m in _BARE_MAKERS.finditer(paragraph))


# A stop or a comma that ends a word ("... for approved customers.") is the sentence's, not the
# phrase's: a phrase our claims quote is looked for with both sides read without them. Figures keep
# theirs ("27,000", "1.5"): only a stop or comma before a space is dropped.
_TRAILING_STOP = re.compile(r"[.,]+(?= )")


def people_in(person: str | None) -> list[str]:
    """Full names from an attribution ('Rep. Gregory Meeks', 'Elizabeth Warren and Gregory Meeks')."""
    out = []
    for part in re.split(r"\band\b|,", re.sub(r"\s*\(.*?\)", "", person or "")):
        words = [w for w in part.split() if w[:1].isupper() and not w.endswith(".")]
        if len(words) >= 2:
            out.append(" ".join(words))
    return out


# "Sent a letter to Under Secretary ... Jeffrey Kessler": the one a letter goes to, by their titles.
_ADDRESSED = re.compile(
    r"\b(?:letters?|correspondence|wrote|written|writing|sent|addressed)\b[^.;!?]{0,60}?\bto\s+"
    r"(?:(?:[A-Z][\w'’-]*\.?|the|of|for|and|at|on),?\s+){0,10}$"
)
# Where the sentence before ends: a stop and a space, but not one closing a title ("Sen.", "Rep.").
_SENTENCE_END = re.compile(r"(?<!\bRep)(?<!\bSen)(?<!\bGov)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bU\.S)[.!?][\"”’]?\s+")


def addressed_only(person: str, text: str) -> bool:
    """Every time the text names this person, they are the one a letter is written to: the text
    tells nothing they did or said, so their name is no evidence of a story in which they act."""
    last = re.escape(person.split()[-1])
    spots = [m.start() for m in re.finditer(rf"\b{last}\b", text)]

    def addressed(at: int) -> bool:
        before = text[max(0, at - 160) : at]
        ends = list(_SENTENCE_END.finditer(before))
        return bool(_ADDRESSED.search(before[ends[-1].end() :] if ends else before))

    return bool(spots) and all(addressed(at) for at in spots)


def unaddressed(text: str, people: Iterable[str]) -> str:
    """The text with the names of those it only writes to left out: compared word by word with the
    sources, an addressee's name would tie it to a story in which they speak."""
    for person in (p for p in people if addressed_only(p, text)):
        for word in person.split():
            text = re.sub(rf"\b{re.escape(word)}\b", " ", text)
    return text


_AMOUNT_WORDS = frozenset(["thousand", "thousands", "hundred", "hundreds", "million", "millions", "billion",
                           "billions", "several", "about", "around", "roughly", "approximately", "more", "fewer",
                           "less", "than", "least", "dozens"])  # fmt: skip


def telling(phrase: str) -> bool:
    """Two words or more, one a long word that is not an amount; no number (figures are compared
    apart), though a chip's model name may hold digits ("no H20 sales to China")."""
    words = re.findall(r"[a-z][a-z']+", phrase)
    long_words = [w for w in words if len(w) >= 5 and w not in _AMOUNT_WORDS]
    return len(words) >= 2 and bool(long_words) and not re.search(r"(?<![a-z\d])\d", phrase)


def unpunctuated(plain_text: str) -> str:
    """A ``plain`` text with the stops and commas that end its words left out."""
    return _TRAILING_STOP.sub("", plain_text)


def rule_makers(paragraph: str, around: set[str], state: set[str], government: set[str]) -> set[str]:
    """A paragraph that tells of "the new rules", or of "regulators" with no country, and names no
    government body is about the rules of the body named before (a reporter names the maker once,
    then writes "under the rules" or "regulators")."""
    if not state or around & government or not (_THE_RULES.search(paragraph) or _unnamed_makers(paragraph)):
        return set()
    return state


def remark_of_another(said: dict[str, set[str]], event: str, people: set[str]) -> bool:
    """What a story has as a named person's remark ("demand is strong", says the chief executive),
    in a text that names none of its speakers, is someone else's remark of a common kind."""
    speakers = {p for p, events in said.items() if event in events}
    return bool(speakers) and not speakers & people


def rare_remark(said: set[str], told: set[str], event_count: Counter[str]) -> str | None:
    """A person many stories name (a chief executive) is no evidence alone, but saying here a thing
    at most two stories tell, this one crediting it to them, is: the pair is as rare as the thing."""
    return next((e for e in sorted(said & told) if event_count[e] <= 2), None)


# The terms a licence sets: a government sets them, a firm is bound by them.
CONDITIONS = frozenset(
    {"half-of-us-volume", "us-supply-certified", "buyer-security-checks", "independent-check", "no-military-use"}
)


def setters(event: str, sentence: str, around: set[str], index: Any, aliases: dict[str, re.Pattern[str]]) -> set[str]:
    """Who does an event a sentence tells: the organisations of its paragraph, but for a licence's
    terms only the government bodies the sentence itself names or has acting ("the US approval"),
    with their side. A firm told with a term ("Nvidia must put US buyers first") is the one it binds,
    and a body the paragraph names besides is often the one it keeps out ("to stop Beijing using
    them for its military"); a term told with no maker in its sentence is the rules' the text is
    about, with no doer to compare, unless the sentence points at "the new rules" (then they are
    the rules of the government bodies its paragraph stands for, as ``rule_makers`` reads them)."""
    if event not in CONDITIONS:
        return around
    named = {m.id for m in index.entities.find(sentence) if m.kind == "organisation" and m.id in index.side}
    named |= {org for org, alias in aliases.items() if org in index.side and alias.search(sentence)}
    if not named and _THE_RULES.search(sentence):  # "under the new rules": those of the body named before
        return {o for o in around if o in index.side}
    return named.union(*(index.side[o] for o in named)) & around


class _Events(Protocol):
    """A story's or a text's events, each with who does them (``story``'s SourceStory and TextStory)."""

    events: dict[str, set[str]]


class _Headed(_Events, Protocol):
    headline: set[str]


class _Told(_Events, Protocol):
    lead: set[str]
    told_count: Counter[str]


def scoop(story: _Events, event: str, text: _Told, sides: Mapping[str, set[str]]) -> bool:
    """The text leads with a thing a firm did, this story tells it of firms alone, one the text
    names too, and no other story tells it of the firms the text names (others tell it of someone
    else: suppliers halting output, not the chipmaker): the text's news is this story's. Not a
    government's act (a bill, a rule, told by many stories in many stages, with the firms it
    concerns among its actors), nor one of unnamed or grouped buyers (no one in particular)."""
    actors = story.events.get(event, set())
    firms = {a for a in actors if a not in sides and not a.startswith(("other-", "cn-"))}
    return (
        firms == actors
        and bool(firms & text.events.get(event, set()))
        and event in text.lead
        and text.told_count[event] == 1
    )


def same_buyers(story: _Headed, event: str, text: _Told, index: Any) -> bool:
    """The text's lead tells only things this story tells, its one shared thing done for two or
    more named buyers by the same government, and at most four stories tell that of all of them
    ("Beijing let Alibaba and Tencent import" is that one approval's news, though many stories
    tell approvals; Washington clearing the same firms is another act, and a story headlined on
    another firm is that firm's). Deeper in the text, the same words are background."""
    who = text.events.get(event, set())
    buyers = who & index.named_buyers
    states = who & set(index.side)

    def tells(s: _Headed) -> bool:
        return (
            buyers <= s.events.get(event, set())
            and (not states or bool(states & s.events[event]))
            and not s.headline - who
        )

    if len(buyers) < 2 or event not in text.lead or not text.lead <= set(story.events) or not tells(story):
        return False
    return sum(tells(s) for s in index.stories.values()) <= 4


# "... ," he said": a remark told by a pronoun, in a sentence naming no one, is the last-named person's.
_PRONOUN_SAID = re.compile(
    r"\b(?:he|she) (?:said|says|added|told|stated|noted|insisted|stressed)\b"
    r"|\b(?:said|added|noted|insisted|stressed) (?:he|she)\b",
    re.IGNORECASE,
)


def speakers(sentences: Iterable[str], people: Iterable[str]) -> list[set[str]]:
    """Whom each sentence has speaking: the people it names by last name, or, when it names nobody
    and says "he said", the one person the sentence before names (two there: nobody)."""
    surnames = {p: re.compile(rf"\b{re.escape(p.split()[-1])}\b") for p in people}
    out: list[set[str]] = []
    before: set[str] = set()
    for sentence in sentences:
        named = {p for p, surname in surnames.items() if surname.search(sentence)}
        out.append(named or (before if len(before) == 1 and _PRONOUN_SAID.search(sentence) else set()))
        before = named
    return out


def chip_lines(chips: Mapping[str, Any]) -> dict[str, set[str]]:
    """A chip line's bare name ("Blackwell", "Hopper") -> the chips of the line itself: those whose
    architecture is that name alone, not a cut-down China part or a workstation card of it (the
    reference file says those in brackets). "Flagship Blackwell chips" are not the B30A."""
    out: dict[str, set[str]] = {}
    for chip in chips.values():
        line = (getattr(chip, "architecture", None) or "").strip()
        if re.fullmatch(r"[A-Z][a-z]+", line):
            out.setdefault(line, set()).add(chip.id)
    return out


def lines_named(text: str, lines: Mapping[str, set[str]]) -> set[str]:
    """The chips a text names by their line's name alone."""
    return set().union(*(ids for line, ids in lines.items() if re.search(rf"\b{line}\b", text)))
