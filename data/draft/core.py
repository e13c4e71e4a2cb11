"""Article -> Draft: the source block, candidate claims, and the duplicate check.

Pure: reads nothing but the article and the loaded seeds, writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.draft import (
    background,
    entities,
    figures,
    known_figures,
    recheck,
    statement_words,
    statuses,
    suggest,
    vague,
    whose,
)
from data.draft import dates as dates_mod
from data.draft.extract import MAX_TEXT_BYTES, Article, read_input, read_text, sentences
from data.draft.model import DateMention, DraftClaim, Duplicate, EntityMatch, Figure
from data.draft.render import draft_json, seed_yaml
from data.draft.words import COMMON_WORDS
from data.load import SeedData, load_seeds

_WIRES = {"reuters", "bloomberg", "associated press", "afp", "xinhua", "kyodo"}

UNKNOWN_PUBLISHER = "Unknown publisher"  # the form asks for the outlet; the reliability note never names it


@dataclass
class Draft:
    """What the drafter proposes for one report. Nothing in it is confirmed yet."""

    source: dict[str, Any]
    claims: list[DraftClaim]
    duplicates: list[Duplicate]
    dates: list[DateMention] = field(default_factory=list)
    entities: list[EntityMatch] = field(default_factory=list)
    text: str = ""
    notes: list[str] = field(default_factory=list)
    story_date: dt.date | None = None  # the publication date found or given; None when it is a guess (today)
    page_date: dt.date | None = None  # a date line the text itself shows under its headline: one of its own dates
    weaker: list[Duplicate] = field(default_factory=list)  # scored under the duplicate check's bar: to look at

    def to_json(self) -> dict[str, Any]:
        return draft_json(self)

    def to_seed_yaml(self, summaries: dict[str, str] | None = None, added: dt.date | None = None) -> str:
        return seed_yaml(self, summaries or {}, added)

    def carrier_entry(self) -> dict[str, Any]:
        """A ready ``carried_by`` item for adding this report to an existing source."""
        return {
            "outlet": self.source["publisher"],
            "url": self.source.get("url"),
            "published": self.source["published"],
        }


def _seeds(seeds: SeedData | str | Path) -> SeedData:
    return seeds if isinstance(seeds, SeedData) else load_seeds(seeds)


def draft_from_text(
    text: str,
    seeds: SeedData | str | Path,
    *,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = MAX_TEXT_BYTES,
) -> Draft:
    """Pasted text (or page source) -> Draft. Keyword arguments override what the text says.

    Text over ``max_bytes`` is refused with a plain message (the benchmark raises it to profile).
    """
    article = read_text(text, max_bytes)
    return _draft(article, _seeds(seeds), url=url, title=title, publisher=publisher, published=published)


def draft_from_file(path_or_bytes: str | Path | bytes, name: str, seeds: SeedData | str | Path) -> Draft:
    """An uploaded .txt or saved .html page (bytes, or a path) -> Draft. ``name`` is checked first."""
    return _draft(read_input(path_or_bytes, name), _seeds(seeds))


def slug(text: str, words: int = 6) -> str:
    tokens = [t for t in re.sub(r"[^a-z0-9]+", " ", text.lower()).split() if t not in COMMON_WORDS]
    return "-".join(tokens[:words]) or "report"


def _draft(article: Article, seeds: SeedData, **override: Any) -> Draft:
    today = dt.date.today()
    notes = list(article.notes)
    url = override.get("url") or article.url
    if url and not re.match(r"^https?://[^\s<>\"']+$", url):
        notes.append("The URL is not an http(s) address and was left out.")
        url = None
    publisher = override.get("publisher") or article.publisher
    published = override.get("published") or article.published
    story_date = published
    if published is None:
        notes.append("No publication date was found: the draft uses today's date; confirm it.")
        published = today
    body = article.text
    title = override.get("title") or article.title or sentences(article.paragraphs[0])[0][1][:150]
    origin = entities.find_origin(body) or entities.find_origin(" ".join(article.notes))
    if publisher is None:
        # The outlet the text cites ("according to Bloomberg") is its origin, not its publisher.
        publisher = UNKNOWN_PUBLISHER
        notes.append("No publisher was found: fill in the outlet that published this text.")
    index = entities.EntityIndex(seeds)
    lexicon_words = list(seeds.lexicon)
    claims, all_dates, all_entities, left_out = _claims(article, seeds, index, lexicon_words, published, publisher)
    notes.extend(left_out)
    dates_mod.add_fiscal_periods(claims, body, title)
    known_figures.in_lead_period(claims, "\n".join([title, *article.paragraphs[:2]]), body, seeds)
    entities.add_filer(claims, publisher, index, filing=bool(dates_mod.FILING.search(title + "\n" + body)))
    source = _source_block(seeds, title, publisher, published, url, origin, article.byline, today, claims)
    if not article.paragraphs:  # a citation only (print edition, a page not found): nothing to draft from
        notes.append("Only the report's title, publisher and date were given: add its claims as rows in the table.")
        source["reliability"] = f"Entered from its citation only: no text of this {publisher} report was pasted."
    draft = Draft(source, claims, [], all_dates, all_entities, body, notes, story_date, article.date_line)
    matches = recheck.recheck_matches(draft, seeds, url=url, publisher=publisher, published=story_date)
    draft.duplicates, draft.weaker = matches.offered, matches.weaker
    return draft


def recheck_duplicates(
    draft: Draft, seeds: SeedData | str | Path, *, url: str | None, publisher: str | None, published: dt.date | None
) -> list[Duplicate]:
    """The sources offered as this draft's story, checked with the form's fields (see ``recheck``)."""
    return recheck.recheck_matches(draft, _seeds(seeds), url=url, publisher=publisher, published=published).offered


def _source_block(
    seeds: SeedData,
    title: str,
    publisher: str,
    published: dt.date,
    url: str | None,
    origin: str | None,
    byline: str | None,
    today: dt.date,
    claims: list[DraftClaim],
) -> dict[str, Any]:
    base = f"{published.isoformat()}-{slug(publisher, 3)}-{slug(title, 5)}"[:90].rstrip("-")
    ident, n = base, 2
    while ident in seeds.sources:
        ident, n = f"{base}-{n}", n + 1
    kind = "news"
    if publisher.lower() in _WIRES and (origin is None or origin.lower() == publisher.lower()):
        kind = "wire"
    elif url and re.search(r"\.gov(?:/|$)", url.split("//")[-1].split("/")[0] + "/"):
        kind = "official"
    elif "blog" in (publisher + (url or "")).lower():
        kind = "blog"
    attributions = sorted({c.attribution.get("type", "") for c in claims} - {""})
    reliability = (
        f"Drafted from the text of this {'' if publisher == UNKNOWN_PUBLISHER else publisher + ' '}report"
        + (f" (story originally from {origin})" if origin and origin.lower() != publisher.lower() else "")
        + (f"; attribution: {', '.join(a.replace('_', ' ') for a in attributions)}" if attributions else "")
        + ". Not yet reviewed: confirm the figures, kinds and statuses against the article."
    )
    return {
        "id": ident,
        "title": title[:300],
        "publisher": publisher,
        "byline": byline,
        "published": published.isoformat(),
        "url": url,
        "kind": kind,
        "origin": origin or (publisher if kind == "wire" else None),
        "carried_by": [],
        "accessed": today.isoformat(),
        "reliability": reliability,
        "confidence": "medium",
        "to_confirm": ["kind", "confidence", "reliability"],
    }


def _claims(
    article: Article,
    seeds: SeedData,
    index: entities.EntityIndex,
    lexicon_words: list[str],
    published: dt.date,
    publisher: str,
) -> tuple[list[DraftClaim], list[DateMention], list[EntityMatch], list[str]]:
    """Candidate claims sentence by sentence; background sentences are listed, never drafted."""
    claims: list[DraftClaim] = []
    all_dates: list[DateMention] = []
    left_out: list[str] = []
    seen_entities: dict[tuple[str, str], EntityMatch] = {}
    main_chip = background.main_chip(article.title, article.paragraphs, index)
    on_topic = background.on_topic(article.text, main_chip, article.title, article.paragraphs[:1], index)
    default_attr = _article_attribution(article, index)
    prefix = f"{''.join(w[0] for w in re.findall(r'[A-Za-z0-9]+', publisher))[:3].lower() or 'x'}-{published:%m%d}"
    used_ids = {r.claim.id for r in seeds.claims}
    tracked = set(seeds.chips)  # a figure counting a chip outside these (and the main chip) is background
    subject = {o.id for o in seeds.organisations.values() if o.kind in background.SUBJECT_KINDS or o.country == "CN"}
    previous: tuple[str, list[EntityMatch]] | None = None  # for a paragraph pointing back at the one before
    for number, paragraph in enumerate(article.paragraphs, start=1):
        paragraph_matches = index.find(paragraph)
        before, previous = previous, (paragraph, paragraph_matches)
        if before and background.POINTS_BACK.match(paragraph):  # "The figure would exceed": whose it is, too
            paragraph_matches = before[1] + paragraph_matches
        for m in index.paragraph_matches(paragraph):  # "R&D with universities" after a sentence on Beijing
            seen_entities.setdefault((m.kind, m.id), m)
        history = bool(background.HISTORY_PARAGRAPH.match(paragraph))
        chip_context = main_chip is not None or bool(figures.CHIP_CONTEXT.search(paragraph))
        for _, sentence in sentences(paragraph):
            matches = index.find(sentence)
            for m in matches:
                seen_entities.setdefault((m.kind, m.id), m)
            mentions = dates_mod.find_dates(sentence, published)
            all_dates.extend(mentions)
            found = figures.find_figures(sentence, chip_context)
            found = vague.add_vague(sentence, lexicon_words, found)
            stated = figures.numbers_in_text(sentence)
            found = [f for f in found if all(round(n, 6) in stated for n in f.numbers())]
            locator = f"para {number}"
            reason = background.reason(sentence, matches, paragraph_matches, main_chip, history, on_topic, published)
            if not reason and found:
                reason = background.number_reason(
                    sentence, paragraph_matches, index.org_kind
                ) or background.paragraph_reason(
                    paragraph, paragraph_matches, subject, {f.unit for f in found}, before and before[0]
                )
            others = [(f, background.figure_reason(f.wording, main_chip, tracked)) for f in found] if not reason else []
            others = [(f, why or background.comparison_reason(sentence, f, matches, main_chip)) for f, why in others]
            for figure, why in [(f, why) for f, why in others if why]:
                left_out.append(f'{locator}: "{figure.wording}" left out ({why}); add it by hand if it matters.')
                found.remove(figure)
            if others and not found:
                continue  # every figure counted another chip: the sentence is not drafted as a statement either
            kept = known_figures.held(found, sentence, seeds, main_chip) if reason else []
            if kept:  # the tracker's own figure of the same thing is no background (a story it holds)
                rest = [f for f in found if f not in kept]
                if rest:
                    listed = ", ".join(f'"{f.wording}"' for f in rest)
                    left_out.append(f"{locator}: {listed} left out ({reason}); add it by hand if it matters.")
                found, reason = kept, None
            if reason:
                if found:
                    listed = ", ".join(f'"{f.wording}"' for f in found)
                    left_out.append(f"{locator}: {listed} left out ({reason}); add it by hand if it matters.")
                continue
            context = (matches, paragraph_matches, main_chip, default_attr, published, locator, mentions)
            figure_claims = [
                c for f in found for c in _figure_claims(seeds, index, sentence, f, context, prefix, used_ids)
            ]
            claims.extend(figure_claims)
            spans = [(f.start, f.end) for f in found]  # "orders of 1m, with shipments planned for March"
            if found and statement_words.planned_step(sentence, matches, spans):
                step = _claim(seeds, index, sentence, None, context, prefix, used_ids)
                step.to_confirm.append("the shipping plan this sentence states, beside its figure's claim")
                claims.append(step)
            elif any(not f.vague for f in found) and background.carries_statement(sentence, matches):
                step = _claim(seeds, index, sentence, None, context, prefix, used_ids)
                step.to_confirm.append("the step this sentence states, beside its figure's claim")
                claims.append(step)
            if not found and background.is_statement(
                sentence, matches, main_chip
            ):  # a wording-only figure has its claim
                claims.append(_claim(seeds, index, sentence, None, context, prefix, used_ids))
    return claims, dates_mod.unique_dates(all_dates), list(seen_entities.values()), left_out


_EACH = re.compile(r"\beach\b|\bapiece\b|\bper (?:company|firm|buyer)\b", re.IGNORECASE)
# What a claim needs from its sentence and paragraph: the sentence's and paragraph's entity
# matches, the report's main chip, its default attribution, date and locator, the sentence's dates.
_Context = tuple[list[EntityMatch], list[EntityMatch], str | None, dict[str, Any], dt.date, str, list[DateMention]]


def _figure_claims(
    seeds: SeedData,
    index: entities.EntityIndex,
    sentence: str,
    figure: Figure,
    context: _Context,
    prefix: str,
    used_ids: set[str],
) -> list[DraftClaim]:
    """One claim per figure; "A and B each received ~10,000" is one claim per buyer, never a group total.
    Whom it is about comes from ``whose`` (the sentence's buyers, else its paragraph's)."""
    matches, paragraph_matches = context[0], context[1]
    buyers = whose.buyers(index, sentence, figure, matches, paragraph_matches)
    claim = _claim(seeds, index, sentence, figure, context, prefix, used_ids, buyers)
    each = _EACH.search(sentence)
    if len(buyers) < 2 or not each or figure.unit not in ("chips", "modules", "accelerators", "usd", "rmb"):
        return [claim]
    out = []
    for buyer in buyers:
        one = _claim(seeds, index, sentence, figure, context, prefix, used_ids, [buyer])
        one.actors = [buyer] + [a for a in one.actors if a not in buyers]
        one.to_confirm.append(f"per buyer: the text says '{each.group(0)}', so this is {buyer}'s own figure")
        out.append(one)
    used_ids.discard(claim.id)
    return out


def figure_metric(sentence: str, figure: Figure, seeds: SeedData, *, product: str | None, status: str | None) -> str:
    """The metric a drafted figure is offered: that of the one seeded figure with its numbers, else
    from its sentence and the words around it (tests ask the same)."""
    near = sentence[max(0, figure.start - 60) : figure.end + 40]
    metric, score = suggest.metric(
        sentence,
        figure.unit,
        seeds,
        near=near,
        bound=figure.bound,
        product=product,
        claim_status=status,
        span=(figure.start, figure.end),
    )
    return known_figures.offered(metric, score, figure, sentence, seeds, product)  # the tracker's own figure first


def _claim(
    seeds: SeedData,
    index: entities.EntityIndex,
    sentence: str,
    figure: Figure | None,
    context: _Context,
    prefix: str,
    used_ids: set[str],
    buyers: list[str] | None = None,
) -> DraftClaim:
    matches, paragraph_matches, main_chip, default_attr, published, locator, sentence_dates = context
    actors = list(dict.fromkeys(index.organisations(matches) + list(buyers or [])))
    product = next((m.id for m in matches if m.kind == "chip"), main_chip)
    unit = figure.unit if figure else None
    kind = suggest.kind(sentence, unit)
    status = suggest.status(sentence)
    if figure is None:
        kind, status = statuses.refine(kind, status, sentence)
    side = suggest.side(actors, seeds, sentence, kind)
    stage = suggest.stage(side, status, kind, sentence)
    mentions = [m for m in sentence_dates if not m.forward]
    date, precision, basis, phrase = published, "day", "reported", None
    if mentions:
        date, precision, basis, phrase = mentions[0].date, mentions[0].precision, "event", mentions[0].phrase
    attribution = entities.attribution(sentence, matches) or dict(default_attr)
    metric = None
    to_confirm = ["kind", "side", "status", "stage"]
    if figure is not None:
        metric = figure_metric(sentence, figure, seeds, product=product, status=status)
        to_confirm.append("metric")
    stem = slug(figure.wording if figure else sentence, 5)[:40].strip("-")
    ident, n = f"{prefix}.{stem}", 2
    while ident in used_ids:
        ident, n = f"{prefix}.{stem}-{n}", n + 1
    used_ids.add(ident)
    return DraftClaim(
        id=ident,
        kind=kind,
        side=side,
        text=sentence,
        locator=locator,
        date=date,
        date_precision=precision,
        date_basis=basis,
        actors=actors,
        product=product,
        status=status,
        stage=stage,
        metric=metric,
        applies_to=whose.applies_to(index, seeds, matches, paragraph_matches, buyers, metric) if figure else [],
        figure=figure,
        attribution=attribution,
        matches=matches,
        date_phrase=phrase,
        to_confirm=to_confirm,
    )


def _article_attribution(article: Article, index: entities.EntityIndex) -> dict[str, Any]:
    for paragraph in article.paragraphs[:4]:
        for _, sentence in sentences(paragraph):
            found = entities.attribution(sentence, index.find(sentence))
            if found and found.get("type") == "anonymous_sources":
                return found
    return {"type": "media_analysis", "note": "the report gives no attribution for this; confirm"}
