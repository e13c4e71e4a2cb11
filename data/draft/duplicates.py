"""Is this report already in the tracker? Compare with every source and everything it was carried by.

Four signals, each explained in words: the same URL, the same publisher on the same day, a
similar title, and the same figures. One strong signal or two weaker ones make a match.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from rapidfuzz import fuzz

from data.draft.model import Duplicate, Figure
from data.load import SeedData
from data.models import Source

THRESHOLD = 0.5


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


def figure_key(unit: str | None, numbers: list[float]) -> set[tuple[str, float]]:
    return {(unit or "", round(n, 3)) for n in numbers}


def _source_figures(seeds: SeedData, source_id: str) -> set[tuple[str, float]]:
    out: set[tuple[str, float]] = set()
    for record in seeds.claims:
        quantity = record.claim.quantity
        if record.source_id == source_id and quantity is not None:
            numbers = [n for n in (quantity.value, quantity.low, quantity.high) if n is not None]
            out |= figure_key(quantity.unit, numbers)
    return out


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
    for outlet in source.carried_by:
        if _same_name(publisher, outlet.outlet) and (outlet.published is None or _near(published, outlet.published)):
            signals.append((0.6, f"{outlet.outlet} is already listed as carrying this story"))
            break
    if title:
        score = fuzz.token_set_ratio(title.lower(), source.title.lower())
        if score >= 70:
            # A re-carry runs within days; a similar headline months apart is usually a new story.
            weight = (score - 55) / 60 * (1.0 if _near(published, source.published, 7) else 0.5)
            signals.append((weight, f"similar title ({score:.0f}% alike): '{source.title}'"))
    return signals


def find_duplicates(
    seeds: SeedData,
    *,
    url: str | None,
    title: str | None,
    publisher: str | None,
    published: dt.date | None,
    origin: str | None,
    figures: list[tuple[str, Figure]],
    carrier: dict[str, object],
) -> list[Duplicate]:
    """Existing sources this report may repeat, best first, each with why and the genuinely new claims."""
    drafted = set()
    for _, figure in figures:
        drafted |= figure_key(figure.unit, figure.numbers())
    out: list[Duplicate] = []
    for source in seeds.sources.values():
        signals = _signals(source, url, title, publisher, published)
        known = _source_figures(seeds, source.id)
        shared = drafted & known
        near_in_time = _near(published, source.published, 3)
        same_origin = bool(origin) and _same_name(origin, source.origin or source.publisher)
        if shared and (near_in_time or signals):
            weight = min(0.25 * len(shared), 0.6) if near_in_time else 0.15
            listed = ", ".join(f"{n:,.0f} {u}" for u, n in sorted(shared)[:4])
            signals.append((weight, f"the same figures ({listed})"))
        if same_origin and _near(published, source.published, 1) and shared:
            signals.append((0.45, f"the same origin ({origin}) within a day, with the same figures"))
        elif same_origin and near_in_time and signals:
            signals.append((0.3, f"the same origin ({origin}) within three days"))
        score = 1.0
        for weight, _ in signals:
            score *= 1 - min(weight, 1.0)
        score = 1 - score
        if score < THRESHOLD:
            continue
        new_ids = [cid for cid, f in figures if not (figure_key(f.unit, f.numbers()) & known) or f.vague]
        why = "; ".join(reason for _, reason in signals)
        out.append(Duplicate(source.id, score, why[:1].upper() + why[1:], dict(carrier), new_ids))
    out.sort(key=lambda d: d.score, reverse=True)
    return out[:5]
