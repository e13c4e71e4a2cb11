"""A company's reporting period as evidence for or against a results story: a text whose lead is
about Nvidia's second fiscal 2026 quarter retells the story of that quarter's results, not the
one of the quarter after (results stories share nearly all their words, so words cannot tell).

A source's periods come from its metric ids ("nvidia-h20-revenue-q3-fy26") and its claims'
``fiscal_period``; forward-looking ones (guidance, potential, lost sales) are not its own quarter.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass

from data.draft.dates import fiscal_periods
from data.load import SeedData

SAME_PERIOD = 0.3
OTHER_PERIOD = 0.5  # a factor: the lead is about another quarter of the same company
_METRIC_PERIOD = re.compile(r"-([qh])([1-4])-fy(\d\d)$")
_AHEAD = ("guidance", "potential", "lost", "outlook", "forecast")
_LEAD_PARAGRAPHS = 2
_FILERS = {"vendor", "chipmaker", "buyer"}


@dataclass(frozen=True)
class Periods:
    own: dict[str, set[tuple[str, str]]]  # source id -> its own (company, "Q2 FY2026") periods
    names: dict[str, list[str]]  # company id -> the names it goes by, for reading a lead


_CACHE: dict[int, tuple[weakref.ref[SeedData], Periods]] = {}


def periods(seeds: SeedData) -> Periods:
    """Each results source's own quarter(s), built once per loaded seed set."""
    cached = _CACHE.get(id(seeds))
    if cached is not None and cached[0]() is seeds:
        return cached[1]
    counts: dict[str, Counter[tuple[str, str]]] = {}
    for record in seeds.claims:
        claim, quantity = record.claim, record.claim.quantity
        metric = quantity.metric if quantity else ""
        found = _METRIC_PERIOD.search(metric or "")
        # whose period: the company a metric is named for, else the filer acting in the claim
        company = (metric or "").split("-")[0] if metric else (claim.actors[0] if claim.actors else "")
        if company not in seeds.organisations or any(word in (metric or "") for word in _AHEAD):
            continue
        if seeds.organisations[company].kind not in _FILERS:  # a quarter is a company's, not an agency's
            continue
        period = claim.fiscal_period or (f"{found[1].upper()}{found[2]} FY20{found[3]}" if found else None)
        if period:
            counts.setdefault(record.source_id, Counter())[(company, period)] += 1
    own = {}
    for sid, counted in counts.items():
        top = max(counted.values())
        own[sid] = {key for key, n in counted.items() if n == top}
    companies = {company for keys in own.values() for company, _ in keys}
    names = {c: [seeds.organisations[c].name, *seeds.organisations[c].aliases] for c in companies}
    built = Periods(own, names)
    key = id(seeds)
    _CACHE[key] = (weakref.ref(seeds, lambda _ref: _CACHE.pop(key, None)), built)
    return built


def _names(text: str, names: dict[str, list[str]]) -> list[str]:
    """The companies ``text`` names, in the order it first names them."""
    first = {}
    for company, words in names.items():
        hits = [m.start() for w in words for m in re.finditer(rf"\b{re.escape(w)}\b", text, re.I)]
        if hits:
            first[company] = min(hits)
    return sorted(first, key=first.__getitem__)


def lead_period(found: Periods, title: str, text: str) -> tuple[str, str] | None:
    """The (company, period) the headline or first paragraphs are about: the first fiscal period
    they name, with the company its sentence names (else the lead's first company)."""
    paragraphs = [p for p in text.split("\n") if p.strip()][:_LEAD_PARAGRAPHS]
    lead = "\n".join([title, *paragraphs])
    named = fiscal_periods(lead)
    if not named:
        return None
    start, period = named[0]
    sentence = lead[max(lead.rfind(".", 0, start), lead.rfind("\n", 0, start)) + 1 :].split(". ")[0]
    companies = _names(sentence, found.names) or _names(lead, found.names)
    return (companies[0], period) if companies else None


def signal(found: Periods, source_id: str, lead: tuple[str, str] | None) -> list[tuple[float, str]]:
    own = found.own.get(source_id, set())
    if lead is None or lead not in own:
        return []
    company, period = lead
    name = found.names.get(company, [company])[0]
    return [(SAME_PERIOD, f"the same fiscal quarter of the same company ({name}, {period})")]


def against(found: Periods, source_id: str, lead: tuple[str, str] | None, text: str) -> float:
    """A results story of another quarter of the lead's company, one the text never names: less likely."""
    own = found.own.get(source_id, set())
    if lead is None or not own or lead in own or all(company != lead[0] for company, _ in own):
        return 1.0
    named = {period for _, period in fiscal_periods(text)}
    return 1.0 if any(period in named for _, period in own) else OTHER_PERIOD
