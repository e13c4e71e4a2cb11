"""Where a source's link goes: the outlet's own page, or a mirror named with "via".

A source named "Reuters" whose link opens a mirror site is shown as "Reuters via Prismedia": the
link's host is checked against the publisher's own domains (``seeds/reference/publishers.yaml``;
an outlet not listed there owns a site whose name matches its own, e.g. tomshardware.com).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from urllib.parse import urlparse

from data.models import Source
from data.seed_data import SeedData

_PARENTHESES = re.compile(r"\s*\(.*?\)")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}


@dataclass(frozen=True)
class OutletLink:
    """Where a source's link goes: ``url`` (the outlet's own page when one is known) and ``via``
    (the mirror's name when the link opens another site)."""

    publisher: str
    url: str | None
    via: str | None

    @property
    def label(self) -> str:
        """'Reuters', or 'Reuters via Prismedia' when the link opens a mirror."""
        if not self.via:
            return self.publisher
        return f"{_PARENTHESES.sub('', self.publisher).strip() or self.publisher} via {self.via}"


def host_of(url: str | None) -> str | None:
    """'https://www.prismedia.ai/news/x' -> 'prismedia.ai'."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _site_names(host: str) -> list[str]:
    """The name parts of a host: 'news.platform.airstarbank.com' -> ['news', 'platform', 'airstarbank']."""
    labels = host.split(".")[:-1] or host.split(".")
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return [_letters(label) for label in labels if len(_letters(label)) >= 3]


def is_own_site(publisher: str, host: str | None, seeds: SeedData) -> bool:
    """Whether ``host`` is the publisher's own site (listed domain, or a site named like the outlet)."""
    if host is None:
        return False
    listed = seeds.publishers.get(publisher) or seeds.publishers.get(_PARENTHESES.sub("", publisher).strip())
    if listed is not None:
        return any(host == d or host.endswith("." + d) for d in listed.domains)
    name = _letters(publisher)
    return any(site in name or (len(name) >= 4 and name in site) for site in _site_names(host))


def outlet_link(source: Source, seeds: SeedData) -> OutletLink:
    """The outlet's own page when the source or one of its carriers links to it, else the link with 'via'."""
    if source.url is None or is_own_site(source.publisher, host_of(source.url), seeds):
        return OutletLink(source.publisher, source.url, None)
    for outlet in source.carried_by:
        if outlet.url and is_own_site(source.publisher, host_of(outlet.url), seeds):
            return OutletLink(source.publisher, outlet.url, None)
    host = host_of(source.url)
    named = [o.outlet for o in source.carried_by if o.url and host_of(o.url) == host]
    return OutletLink(source.publisher, source.url, named[0] if named else host)


_LINKS: dict[int, dict[str, OutletLink]] = {}


def outlet_of(seeds: SeedData, source_id: str) -> OutletLink:
    """``outlet_link`` for a loaded source, worked out once per source and seeds (every claim row asks)."""
    links = _LINKS.get(id(seeds))
    if links is None:
        links = _LINKS[id(seeds)] = {}
        weakref.finalize(seeds, _LINKS.pop, id(seeds), None)
    if source_id not in links:
        links[source_id] = outlet_link(seeds.sources[source_id], seeds)
    return links[source_id]


def publisher_label(seeds: SeedData, source_id: str) -> str:
    """The publisher as every table, footer and export names it ('Reuters via Prismedia')."""
    return outlet_of(seeds, source_id).label
