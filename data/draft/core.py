"""Article -> Draft: the source block, candidate claims, and the duplicate check.

Pure: reads nothing but the article and the loaded seeds, writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.draft import dates as dates_mod
from data.draft import entities, figures, suggest
from data.draft.duplicates import find_duplicates
from data.draft.extract import Article, read_input, read_text, sentences
from data.draft.model import DateMention, DraftClaim, Duplicate, EntityMatch, Figure
from data.load import SeedData, load_seeds

_WIRES = {"reuters", "bloomberg", "associated press", "afp", "xinhua", "kyodo"}
_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "with",
        "as",
        "at",
        "by",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "its",
        "it",
        "that",
        "this",
        "says",
        "said",
        "say",
        "after",
        "over",
        "into",
        "amid",
        "than",
        "more",
        "new",
        "report",
        "reports",
        "sources",
    }
)
_STATUS_ONLY = re.compile(r"\b(approv\w*|cleared|blocked|paused|halted|suspended|denied|rejected|in principle)\b", re.I)


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

    def to_json(self) -> dict[str, Any]:
        from data.draft.render import draft_json

        return draft_json(self)

    def to_seed_yaml(self, summaries: dict[str, str] | None = None, added: dt.date | None = None) -> str:
        from data.draft.render import seed_yaml

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
) -> Draft:
    """Pasted text (or page source) -> Draft. Keyword arguments override what the text says."""
    article = read_text(text)
    return _draft(article, _seeds(seeds), url=url, title=title, publisher=publisher, published=published)


def draft_from_file(path_or_bytes: str | Path | bytes, name: str, seeds: SeedData | str | Path) -> Draft:
    """An uploaded .txt or saved .html page (bytes, or a path) -> Draft. ``name`` is checked first."""
    return _draft(read_input(path_or_bytes, name), _seeds(seeds))


def slug(text: str, words: int = 6) -> str:
    tokens = [t for t in re.sub(r"[^a-z0-9]+", " ", text.lower()).split() if t not in _STOPWORDS]
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
    if published is None:
        notes.append("No publication date was found: the draft uses today's date; confirm it.")
        published = today
    body = article.text
    title = override.get("title") or article.title or sentences(article.paragraphs[0])[0][1][:150]
    origin = entities.find_origin(body) or entities.find_origin(" ".join(article.notes))
    if publisher is None:
        publisher = origin or "Unknown publisher"
        notes.append("No publisher was found; confirm it.")
    index = entities.EntityIndex(seeds)
    lexicon_words = list(seeds.lexicon)
    claims, all_dates, all_entities = _claims(article, seeds, index, lexicon_words, published, publisher)
    source = _source_block(seeds, title, publisher, published, url, origin, article.byline, today, claims)
    carrier = {"outlet": publisher, "url": url, "published": published.isoformat()}
    duplicates = find_duplicates(
        seeds,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
        origin=origin,
        figures=[(c.id, c.figure) for c in claims if c.figure is not None],
        carrier=carrier,
    )
    return Draft(source, claims, duplicates, all_dates, all_entities, body, notes)


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
        f"Drafted from the text of this {publisher} report"
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
) -> tuple[list[DraftClaim], list[DateMention], list[EntityMatch]]:
    claims: list[DraftClaim] = []
    all_dates: list[DateMention] = []
    seen_entities: dict[tuple[str, str], EntityMatch] = {}
    article_matches = index.find(article.text)
    chips = [m.id for m in article_matches if m.kind == "chip"]
    main_chip = max(set(chips), key=chips.count) if chips else None
    default_attr = _article_attribution(article, index)
    prefix = f"{''.join(w[0] for w in re.findall(r'[A-Za-z0-9]+', publisher))[:3].lower() or 'x'}-{published:%m%d}"
    used_ids = {r.claim.id for r in seeds.claims}
    for number, paragraph in enumerate(article.paragraphs, start=1):
        paragraph_matches = index.find(paragraph)
        for _, sentence in sentences(paragraph):
            matches = index.find(sentence)
            for m in matches:
                seen_entities.setdefault((m.kind, m.id), m)
            mentions = dates_mod.find_dates(sentence, published)
            all_dates.extend(mentions)
            found = figures.find_figures(sentence)
            found += figures.find_vague(sentence, lexicon_words, found)
            stated = figures.numbers_in_text(sentence)
            found = [f for f in found if all(round(n, 6) in stated for n in f.numbers())]
            context = (matches or paragraph_matches, main_chip, default_attr, published, f"para {number}")
            for figure in found:
                claims.append(_claim(seeds, index, sentence, figure, context, prefix, used_ids))
            if not found and _STATUS_ONLY.search(sentence) and index.organisations(matches):
                claims.append(_claim(seeds, index, sentence, None, context, prefix, used_ids))
    return claims, _unique_dates(all_dates), list(seen_entities.values())


def _claim(
    seeds: SeedData,
    index: entities.EntityIndex,
    sentence: str,
    figure: Figure | None,
    context: tuple[list[EntityMatch], str | None, dict[str, Any], dt.date, str],
    prefix: str,
    used_ids: set[str],
) -> DraftClaim:
    matches, main_chip, default_attr, published, locator = context
    actors = list(dict.fromkeys(index.organisations(matches)))
    product = next((m.id for m in matches if m.kind == "chip"), main_chip)
    unit = figure.unit if figure else None
    kind = suggest.kind(sentence, unit)
    status = suggest.status(sentence)
    side = suggest.side(actors, seeds, sentence, kind)
    stage = suggest.stage(side, status, kind, sentence)
    mentions = [m for m in dates_mod.find_dates(sentence, published) if not m.forward]
    date, precision, basis, phrase = published, "day", "reported", None
    if mentions:
        date, precision, basis, phrase = mentions[0].date, mentions[0].precision, "event", mentions[0].phrase
    attribution = entities.attribution(sentence, matches) or dict(default_attr)
    metric = None
    to_confirm = ["kind", "side", "status", "stage"]
    if figure is not None:
        metric, _score = suggest.metric(sentence, unit, seeds)
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
        applies_to=index.buyers(matches) if figure is not None else [],
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


def _unique_dates(mentions: list[DateMention]) -> list[DateMention]:
    seen: set[tuple[str, str]] = set()
    out = []
    for mention in mentions:
        key = (mention.date.isoformat(), mention.precision)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out
