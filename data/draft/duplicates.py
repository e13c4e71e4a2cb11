"""Is this report already in the tracker? Compare with every source and everything it was carried by.

The signals, each explained in words: the same URL; the same publisher on the same day; an outlet
already listed as a carrier (near the story's date: a carrier listed without a date counts only
near its source's date); a similar title; the text itself (distinctive words it shares with a
source's title, summaries and wordings, the same figures, the same origin, the story's own dates).
The text signals work on a plain paste with no URL or date, so a re-carry is named from its
words alone. One strong signal or two weaker ones make a match; a story months apart is a
follow-up, not a re-carry, and one that came out after the text is neither. A shared figure needs something to vouch for it (standing out in
words, the dates, the same actors doing the same things, or figures of two things with one of
the story's events); ``offer`` picks which matches are shown. docs/architecture.md lists them all.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from rapidfuzz import fuzz

from data.draft import bills, figure_events, source_index, story, story_against, story_hints, story_period, story_time
from data.draft import sections as sections_mod
from data.draft.events import EVENTS
from data.draft.figure_match import (
    amount_words,
    as_range,
    conflicting,
    figure_key,
    held_in_words,
    same_wording,
    unit_words,
)
from data.draft.model import Duplicate, Figure, Matches
from data.draft.offer import SAME_FACT, combined, enough, kept
from data.draft.sections import WORDS_AND_EVENTS
from data.draft.words import plain, top_words, vector
from data.lexicon import Range
from data.load import SeedData
from data.models import Source

THRESHOLD = 0.4
WEAK_FLOOR = 0.1  # a weaker match: under the bar, yet with some evidence for it
WEAKER_SHOWN = 3


def find_duplicates(seeds: SeedData, **kwargs: Any) -> list[Duplicate]:
    """Existing sources this report may repeat, best first (``find_matches`` with its offer only)."""
    return find_matches(seeds, **kwargs).offered


def normalise_url(url: str | None) -> str | None:
    """Same page, same key: no scheme, no www, no tracking parameters, no fragment or trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(("utm_", "ref", "fbclid"))]
    )
    path = re.sub(r"/+$", "", parts.path) or "/"
    return f"{host}{path}" + (f"?{query}" if query else "")


def _same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a2, b2 = (re.sub(r"\(.*?\)|\bthe\b|[^a-z0-9 ]", " ", x.lower()).split() for x in (a, b))
    return bool(a2) and bool(b2) and fuzz.token_set_ratio(" ".join(a2), " ".join(b2)) >= 90


def _near(a: dt.date | None, b: dt.date | None, days: int = 1) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= days


def _carrier_signal(
    source: Source, publisher: str | None, published: dt.date | None, text_near: bool
) -> tuple[float, str] | None:
    """An outlet already listed as carrying the story, near the story's date (or with the text agreeing)."""
    for outlet in source.carried_by:
        if not _same_name(publisher, outlet.outlet):
            continue
        when = outlet.published or source.published
        window = 2 if outlet.published else 7
        if published is not None and _near(published, when, window):
            return 0.6, f"{outlet.outlet} is already listed as carrying this story"
        if published is None and text_near:
            return 0.4, f"{outlet.outlet} is already listed as carrying this story, and the text matches it"
    return None


def _signals(
    source: Source, url: str | None, title: str | None, publisher: str | None, published: dt.date | None
) -> list[tuple[float, str]]:
    signals: list[tuple[float, str]] = []
    key = normalise_url(url)
    urls = [(normalise_url(source.url), "its URL")] + [
        (normalise_url(o.url), f"the URL of its carrier {o.outlet}") for o in source.carried_by
    ]
    for other, label in urls:
        if key and other and key == other:
            signals.append((1.0, f"same web address as {label}"))
            break
    if _same_name(publisher, source.publisher) and _near(published, source.published, 0):
        signals.append((0.45, f"same publisher ({source.publisher}) on the same day ({source.published})"))
    if title:
        score = fuzz.token_set_ratio(title.lower(), source.title.lower())
        if score >= 70:
            # A re-carry runs within days; a similar headline months apart is usually a new story.
            weight = (score - 55) / 60 * (1.0 if _near(published, source.published, 7) else 0.5)
            signals.append((weight, f"similar title ({score:.0f}% alike): '{source.title}'"))
    return signals


def find_matches(
    seeds: SeedData,
    *,
    url: str | None,
    title: str | None,
    publisher: str | None,
    published: dt.date | None,
    origin: str | None,
    figures: list[tuple[str, Figure]],
    carrier: Mapping[str, object],
    text: str = "",
    text_dates: list[dt.date] | None = None,
    dated_sentences: list[tuple[dt.date, str]] | None = None,
    written_after: dt.date | None = None,
    metrics: dict[str, str | None] | None = None,
    statuses: dict[str, str | None] | None = None,
) -> Matches:
    """Existing sources this report may repeat, best first, each with why and the genuinely new
    claims; and the next few under the bar (``Matches.weaker``), for the analyst to check.

    ``published`` is None when the story's date is unknown (a plain paste): then only the text's
    own dates place it in time, and nothing is compared with today's date.
    """
    index = source_index.index(seeds)
    stories = story.story_index(seeds)
    worded = story_hints.unaddressed(text, stories.people_count)  # a letter's addressee's name ties to no story
    mine = vector(Counter(source_index.tokens(f"{title or ''} {worded}")), index.idf, index.default_idf)
    drafted: set[tuple[str, float]] = set()
    drafted_facts: set[tuple[str, str, float]] = set()
    fact_status: dict[tuple[str, str, float], str | None] = {}
    fact_range: dict[tuple[str, str, float], Range] = {}
    vague: list[tuple[str, str, str]] = []  # (metric, unit, wording) of figures the text gives only in words
    lead_facts: set[tuple[str, str, float]] = set()  # figures the headline or first paragraph gives
    lead = f"{title or ''}\n{next((line for line in text.splitlines() if line.strip()), '')}"
    for claim_id, figure in figures:
        metric = (metrics or {}).get(claim_id)
        if figure.vague and metric and not metric.startswith("to-confirm"):
            vague.append((metric, figure.unit or "", plain(figure.wording)))
        keys = figure_key(figure.unit, figure.numbers())
        drafted |= keys
        if metric and not metric.startswith("to-confirm"):
            drafted_facts |= {(metric, u, n) for u, n in keys}
            if figure.wording and figure.wording in lead:
                lead_facts |= {(metric, u, n) for u, n in keys}
            for u, n in keys:  # the first telling sets its stage ("agreed to remit 15%", not "the 15% could ...")
                fact_status.setdefault((metric, u, n), (statuses or {}).get(claim_id))
            told_range = as_range(figure.value, figure.low, figure.high, figure.bound)
            fact_range.update({(metric, u, n): told_range for u, n in keys})
    vague = [v for v in vague if v[:2] not in {f[:2] for f in drafted_facts}]  # one given in numbers: by its number
    lead_vague = {v for v in vague if v[2] in plain(lead)}  # in the headline or first paragraph: the news, twice
    chunks = [mine] + [
        vector(Counter(source_index.tokens(chunk)), index.idf, index.default_idf)
        for chunk in source_index.chunks(worded)
    ]
    alike = {sid: source_index.best_similarity(chunks, vector) for sid, vector in index.vectors.items()}
    values = [a[0] for a in alike.values()] or [0.0]  # how alike a source must be to stand out
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
    with_events = figure_events.told_with(text, figures, metrics or {})  # what each figure's sentences tell
    told = story.read_text(stories, f"{title or ''}\n\n{text}")
    text_bills = bills.bill_names(f"{title or ''}\n\n{text}")  # a text on another bill retells no story on this one
    names = {oid: org.name for oid, org in seeds.organisations.items()}
    named = [(metrics or {}).get(claim_id) for claim_id, _ in figures]
    parts = sections_mod.read(stories, text, [f for _, f in figures], named)  # a round-up's stories, one by one
    part_standouts = [source_index.standouts(index, part.text) for part in parts]
    quarters = story_period.periods(seeds)  # a results story's own fiscal quarter, and the lead's
    lead_quarter = story_period.lead_period(quarters, title or "", text)

    def retold_by(sid: str, elsewhere: set[int]) -> tuple[float, str, int] | None:
        known = index.figures.get(sid, set())
        facts = (index.facts.get(sid, set()), index.fact_count, index.ranges.get(sid, {}))
        return sections_mod.matching(parts, stories, sid, known, index.figure_count, part_standouts, elsewhere, facts)

    strict = {sid: retold_by(sid, set()) for sid in index.figures}
    retold_in = {found[2] for found in strict.values() if found}  # sections shown to retell a story
    held, held_count = held_in_words(vague, seeds.lexicon, index.ranges)  # a vague wording holding a number
    out: list[Duplicate] = []
    scored: list[Duplicate] = []  # every source with some evidence, for the weaker matches
    paired: set[str] = set()  # two kinds of evidence, each of some weight: enough just under the bar
    for source in seeds.sources.values():
        signals = _signals(source, url, title, publisher, published)
        signals += story.story_signals(stories, source.id, told, names)
        signals += story_period.signal(quarters, source.id, lead_quarter)
        similarity, where = alike.get(source.id, (0.0, 0))
        standout = (similarity - mean) / spread
        known = index.figures.get(source.id, set())
        shared = drafted & known
        days = abs((published - source.published).days) if published and source.published else None
        when = [source.published, *(o.published for o in source.carried_by if o.published)]
        text_day = next((d for d in text_dates or [] for w in when if _near(d, w, 2)), None)
        near_in_time = (days is not None and days <= 3) or text_day is not None
        # How far this source stands out from the rest in shared wording: the whole text, or its best
        # pair of paragraphs (a round-up re-carries several stories, one or two paragraphs each).
        words = top_words(chunks[where], index.vectors.get(source.id, {})) if similarity >= 0.08 else []
        if len(words) >= 3 and standout >= 2.5:  # a line or two sharing one word is no evidence
            weight = min(0.13 * (standout - 2.0), 0.65)
            signals.append((weight, f"the text shares its distinctive words ({', '.join(words)})"))
        facts = drafted_facts & index.facts.get(source.id, set())
        # A second story in a round-up stands out in no word count, yet stands on its own evidence:
        # figures of two or more different things this source gives, with something it tells
        # happening (figures alone in a sentence are background), or the same actors doing the
        # same things. Either vouches for the figures the text shares with it.
        tells_too = story.shared_events(stories, source.id, told)
        several = len({m for m, _, _ in facts}) >= 2 and bool(tells_too)
        beside, told_by = figure_events.counted(facts, with_events, (stories, source.id, told), index)
        vouched = several or beside or any(story.SAME_ACTORS in reason for _, reason in signals)
        vouched = vouched or any(_unique_weight(f, index) > 1 for f in facts)
        words_alike = same_wording(vague, index.worded.get(source.id, set())) | held.get(source.id, set())
        if words_alike and (standout >= 2.0 or near_in_time):
            lead_alike = same_wording(list(lead_vague), index.worded.get(source.id, set()))
            rarity = sum((2 if w in lead_alike else 1) / (index.worded_count[w] + held_count[w]) for w in words_alike)
            listed = "; ".join(
                f"'{w.strip()}' {unit_words(u)}, {_metric_label(seeds, m)}" for m, u, w in sorted(words_alike)[:2]
            )
            how = "in the same words" if words_alike - held.get(source.id, set()) else "in words its figure fits"
            signals.append((min(0.35 * rarity, 0.5), f"{SAME_FACT} {how} ({listed})"))
        if facts and (standout >= 2.0 or near_in_time or vouched):
            # A figure in the headline or first paragraph is the story's news, not its background: it counts twice.
            # ... and a figure to three digits only this source gives counts half as much again
            rarity = sum((2 if f in lead_facts else 1) * _unique_weight(f, index) / told_by[f] for f in facts)
            listed = "; ".join(f"{amount_words(n, u)}, {_metric_label(seeds, m)}" for m, u, n in sorted(facts)[:3])
            also = f", and it tells of the same ({EVENTS[tells_too[0]][0]})" if several else ""
            signals.append((min(0.35 * rarity, 0.5), f"{SAME_FACT} ({listed}){also}"))
        elif shared and (standout >= 2.0 or near_in_time or vouched):
            rarity = sum(1 / index.figure_count[f] for f in shared)
            listed = ", ".join(amount_words(n, u) for u, n in sorted(shared)[:4])
            signals.append((min(0.3 * rarity, 0.5), f"the same figures ({listed})"))
        same_origin = bool(origin) and _same_name(origin, source.origin or source.publisher)
        if same_origin and standout >= 2.0:
            signals.append((0.15, f"the same origin ({origin})"))
        rare = bool(tells_too) and stories.event_count[tells_too[0]] <= 2  # a thing at most one other story tells
        if text_day is not None and (standout >= 2.0 or (facts and tells_too) or rare):
            # dated to its day with the same figure of the same thing and the same event, or with a
            # rare event of it: a round-up's story
            weight = 0.25 if standout >= 2.0 else 0.15
            signals.append((weight, f"the story's own date ({text_day:%d %b %Y}) is this source's day"))
        else:  # a sentence dating an event both tell to this source's day
            signals += story_time.dated_event(stories, source.id, told, dated_sentences or [], when)
        signals += (then := story_time.rare_then(stories, source.id, told, seeds.sources, published))
        if days is not None and days <= 3 and (standout >= 2.0 or then):  # or the news of those days
            signals.append((0.15, f"published within {days} day{'s' if days != 1 else ''} of it"))
        carried = _carrier_signal(source, publisher, published, similarity >= 0.1)
        if carried:
            signals.append(carried)
        retold = strict.get(source.id) or retold_by(source.id, retold_in)
        if retold:
            signals.append(retold[:2])
        score = combined(signals)
        if retold:
            pass  # a round-up retells older stories: weeks apart is what it is, not a follow-up
        elif not any(w >= 1.0 for w, _ in signals) and days is not None and days > 21:
            score *= 0.3  # months apart: a follow-up or a new story, not a re-carry
        elif written_after and source.published and (written_after - max(d for d in when if d)).days > 21:
            score *= 0.3  # the text names a day (with its year) weeks after this story and its carriers
        first = index.first_day.get(source.id)  # the first thing it tells happened after this text was written
        if published and first and (first - published).days > 3 and not any(w >= 1.0 for w, _ in signals):
            score *= 0.3  # the text cannot repeat it
        if not carried and not any(w >= 1.0 for w, _ in signals):  # no address or carrier listing settles it
            part = next((p for p in parts if retold and p.number == retold[2]), None)  # the paragraph retelling it
            figs = (fact_status, fact_range, bool(words_alike))
            score *= _against(stories, source.id, told, figs, index, part.told if part else None)
            score *= bills.AGAINST if bills.another_bill(text_bills, index.bills.get(source.id, set())) else 1.0
            score *= story_period.against(quarters, source.id, lead_quarter, text)
        if score < WEAK_FLOOR:
            continue
        new_ids = [cid for cid, f in figures if not (figure_key(f.unit, f.numbers()) & known) or f.vague]
        why = "; ".join(reason for _, reason in signals)
        found = Duplicate(source.id, score, why[:1].upper() + why[1:], dict(carrier), new_ids)
        scored.append(found)
        if score < THRESHOLD - WORDS_AND_EVENTS:  # nothing a paragraph adds could carry it over
            continue
        out.append(found)
        paired |= {source.id} if enough(score, signals) else set()
    every = sections_mod.every(stories, text)  # each paragraph, figures or not, for a second story in words
    out = sections_mod.add_told_in_words(out, every, stories, [source_index.standouts(index, p.text) for p in every])
    # The lower bar of two kinds of evidence names a story only when none clears the full one: beside
    # a clear match, a neighbour about the same event has such pairs too (``offer`` judges those).
    passed = [d for d in out if d.score >= THRESHOLD] or [d for d in out if d.source_id in paired]
    passed += [d for d in out if d.source_id in paired and d not in passed and _second_voice(stories, d, passed, told)]
    offered = kept(sorted(passed, key=lambda d: d.score, reverse=True), stories, told)
    return Matches(offered, _weaker(scored, out, {d.source_id for d in offered}))


def _weaker(scored: list[Duplicate], out: list[Duplicate], offered: set[str]) -> list[Duplicate]:
    """The best few not offered, each at its score after the paragraph check (which may have raised it)."""
    best = {d.source_id: d for d in scored} | {d.source_id: d for d in out}
    rest = [d for sid, d in best.items() if sid not in offered and d.score >= WEAK_FLOOR]
    return sorted(rest, key=lambda d: d.score, reverse=True)[:WEAKER_SHOWN]


def _specific(number: float) -> bool:
    """A figure told to three significant digits or more (RMB 31.9 billion, 8,192 chips): no other
    story gives it by chance, so one source holding it vouches for itself; 25% or $1 billion do not."""
    digits = f"{abs(number):.15g}".replace(".", "").strip("0")
    return len(digits) >= 3


def _unique_weight(fact: tuple[str, str, float], index: source_index.Index) -> float:
    return 1.5 if index.fact_count[fact] == 1 and _specific(fact[2]) else 1.0


def _second_voice(stories: story.StoryIndex, d: Duplicate, passed: list[Duplicate], told: story.TextStory) -> bool:
    """A round-up's second story told by its own speaker: just under the bar on two kinds of
    evidence, one of them a person saying here what this story has them say, about something no
    match over the bar tells (beside one, a neighbour on the same event never passes this way)."""
    mine = set(story.shared_events(stories, d.source_id, told))
    above = set().union(*(set(story.shared_events(stories, o.source_id, told)) for o in passed))
    return bool(mine) and not mine & above and f"{story.SAME_PERSON} (" in d.why and story.SAYING in d.why


def _against(
    stories: story.StoryIndex,
    sid: str,
    told: story.TextStory,
    figures: tuple[dict[tuple[str, str, float], str | None], dict[tuple[str, str, float], Range], bool],
    index: source_index.Index,
    retelling: story.TextStory | None = None,
) -> float:
    """Evidence against a match (a factor on its score): the story comes from an outlet the text
    does not cite while it cites others; the same things done by other organisations; another
    chip (in the paragraph ``retelling`` it, when one does: a round-up's other chips are its other
    stories'); a lead that says the opposite of this story (deliveries begun, none delivered here); the figure the text shares with it at another stage here (proposed there, applied here);
    sharing no figure, another figure here for a thing whose figure the text shares with a
    different source (another version of the story: numbers that cannot both be true), or other
    buyers named; other people named, and nothing this story tells of."""
    factor = 0.6 if story_against.cites_others(stories, sid, told) else 1.0
    if story_against.done_by_others(stories, sid, told):
        factor *= 0.5
    if story_against.other_chip(stories, sid, retelling or told):
        factor *= 0.5
    if story_against.contradicted(stories, sid, told):
        factor *= 0.5
    if story_against.other_people(stories, sid, told):
        factor *= 0.7
    drafted, told_ranges, worded = figures  # the text's figures: status, the values each allows; a shared wording
    own = index.facts.get(sid, set())
    statuses = stories.stories[sid].statuses if sid in stories.stories else {}
    shared = [fact for fact in drafted if fact in own]
    if worded and not shared:
        shared = [("", "", 0.0)]  # the same figure in the same words: a shared figure, with no stage to compare
    if any(story_against.later_stage(drafted.get(fact), statuses.get(fact[0], set())) for fact in shared):
        return factor * 0.5
    own_ranges = index.ranges.get(sid, {})
    if not shared and any(
        index.fact_count[f] > 0 and f[0] in statuses and conflicting(told_ranges[f], own_ranges.get(f[:2], []))
        for f in drafted
    ):
        return factor * 0.5
    if not shared and story_against.other_buyers(stories, sid, told):  # a shared figure outweighs the names
        return factor * 0.5
    return factor


def _metric_label(seeds: SeedData, metric: str) -> str:
    """The metric in words, as metrics.yaml names it (never the bare id on screen)."""
    declared = getattr(seeds, "metrics", {}).get(metric)
    label = getattr(declared, "label", None)
    return str(label) if label else metric.replace("-", " ")
