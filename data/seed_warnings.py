"""Warnings: things that load fine but are probably mistakes. They never drop data.

Each rule answers a mistake seen when encoding real articles: a unit that does not fit the
metric, a file name that disagrees with the publication date, a stage on the wrong side, the
same story added twice, a date in the future, a source with no link and no reason why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from data.seed_data import ClaimRecord, Problem, SeedData
from data.yaml_reader import Path_, line_for

_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
DUPLICATE_DAYS = 3


@dataclass(frozen=True)
class SourceLocation:
    """Where a source's file is and which line each of its keys is on."""

    file: str
    stem: str
    lines: dict[Path_, int]

    def line(self, *path: str) -> int:
        return line_for(self.lines, ("source", *path))

    def claim_line(self, record: ClaimRecord, *path: str) -> int:
        """The line of a key inside the claim that starts on ``record.line``."""
        for index in range(len(self.lines)):
            start = self.lines.get(("claims", index))
            if start is None:
                break
            if start == record.line:
                return line_for(self.lines, ("claims", index, *path))
        return record.line


def seed_warnings(seeds: SeedData, locations: dict[str, SourceLocation], today: dt.date) -> list[Problem]:
    """Every warning for the loaded seeds, in file order."""
    out: list[Problem] = []
    for source_id in seeds.sources:
        where = locations.get(source_id)
        if where is not None:
            out += _source_warnings(source_id, seeds, where, today)
    out += _url_duplicates(seeds, locations)
    for record in seeds.claims:
        out += _claim_warnings(record, seeds, locations.get(record.source_id))
    out += _figure_duplicates(seeds, locations)
    return sorted(out, key=lambda p: (p.file, p.line, p.field))


def _source_warnings(source_id: str, seeds: SeedData, where: SourceLocation, today: dt.date) -> list[Problem]:
    source = seeds.sources[source_id]
    out = []
    match = _FILE_DATE.match(where.stem)
    if source.published is not None:
        if match is None:
            message = f"the file name should start with the published date ({source.published.isoformat()}-…)"
            out.append(Problem(where.file, where.line("id"), "source.id", message))
        elif match[1] != source.published.isoformat():
            message = f"the file name says {match[1]} but published is {source.published.isoformat()}; one is wrong"
            out.append(Problem(where.file, where.line("published"), "source.published", message))
        if source.published > today:
            message = f"{source.published.isoformat()} is after today ({today.isoformat()}); check the date"
            out.append(Problem(where.file, where.line("published"), "source.published", message))
    if source.url is None and source.url_missing is None:
        message = (
            "no url and no url_missing; give the link, or say why there is none "
            "(print edition, paywalled copy, not found, no public copy)"
        )
        out.append(Problem(where.file, where.line("url"), "source.url", message))
    return out


def _url_duplicates(seeds: SeedData, locations: dict[str, SourceLocation]) -> list[Problem]:
    """A source whose url is already another source's url, or one of its carried_by links."""
    own: dict[str, str] = {}
    carried: dict[str, str] = {}
    for source_id, source in seeds.sources.items():
        if source.url:
            own.setdefault(_norm_url(source.url), source_id)
        for outlet in source.carried_by:
            if outlet.url:
                carried.setdefault(_norm_url(outlet.url), source_id)
    out = []
    for source_id, source in seeds.sources.items():
        where = locations.get(source_id)
        if where is None or not source.url:
            continue
        url = _norm_url(source.url)
        if own[url] != source_id:
            message = f"the same URL is already the url of source '{own[url]}'; a likely duplicate"
        elif carried.get(url, source_id) != source_id:
            message = f"the same URL is already a carried_by url of source '{carried[url]}'; a likely duplicate"
        else:
            continue
        out.append(Problem(where.file, where.line("url"), "source.url", message))
    return out


def _norm_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


def _claim_warnings(record: ClaimRecord, seeds: SeedData, where: SourceLocation | None) -> list[Problem]:
    claim = record.claim
    out = []

    def line(*path: str) -> int:
        return where.claim_line(record, *path) if where is not None else record.line

    field = f"(claim {claim.id})"
    if claim.stage is not None:
        if claim.stage.startswith("us_") and claim.side == "China":
            message = f"stage '{claim.stage}' is a US step but side is China; check the stage or the side"
            out.append(Problem(record.file, line("stage"), f"claims.stage {field}", message))
        if claim.stage.startswith("cn_") and claim.side == "US":
            message = f"stage '{claim.stage}' is a China step but side is US; check the stage or the side"
            out.append(Problem(record.file, line("stage"), f"claims.stage {field}", message))
    quantity = claim.quantity
    metric = seeds.metrics.get(quantity.metric) if quantity is not None else None
    if quantity is not None and metric is not None and quantity.unit != metric.unit:
        message = (
            f"unit '{quantity.unit}' does not fit metric '{metric.id}', which is counted in '{metric.unit}'; "
            f"convert the figure or use (or declare) a metric in {quantity.unit}"
        )
        out.append(Problem(record.file, line("quantity", "unit"), f"claims.quantity.unit {field}", message))
    return out


def _figure_duplicates(seeds: SeedData, locations: dict[str, SourceLocation]) -> list[Problem]:
    """The same origin and figure reported within a few days in two files: one story added twice.

    A re-carry often runs a day or two after the original, so the report dates may differ by up
    to ``DUPLICATE_DAYS``. Claims linked by ``supersedes`` or ``contradicts`` are deliberate.
    """
    groups: dict[tuple, list[ClaimRecord]] = defaultdict(list)
    for record in seeds.claims:
        quantity = record.claim.quantity
        if quantity is None:
            continue
        figure: tuple = (quantity.value, quantity.low, quantity.high, quantity.unit)
        if figure[:3] == (None, None, None):
            figure = ((quantity.wording or "").lower(), quantity.unit)
        groups[(seeds.sources[record.source_id].origin_key, quantity.metric, figure)].append(record)
    out = []
    for records in groups.values():
        if len({r.source_id for r in records}) < 2:
            continue
        records = sorted(records, key=lambda r: (seeds.sources[r.source_id].available_from, r.file, r.line))
        for position, record in enumerate(records):
            first = _earlier_twin(record, records[:position], seeds)
            if first is None:
                continue
            source = seeds.sources[record.source_id]
            message = (
                f"same origin ({source.origin or source.publisher}) and figure as claim '{first.claim.id}' in "
                f"{first.file}, reported within {DUPLICATE_DAYS} days; a likely duplicate: if this outlet "
                "re-carries that story, add it to carried_by there instead"
            )
            where = locations.get(record.source_id)
            line = where.claim_line(record, "quantity") if where is not None else record.line
            out.append(Problem(record.file, line, f"claims.quantity (claim {record.claim.id})", message))
    return out


def _earlier_twin(record: ClaimRecord, earlier: list[ClaimRecord], seeds: SeedData) -> ClaimRecord | None:
    date = seeds.sources[record.source_id].available_from
    links = {*record.claim.supersedes, *record.claim.contradicts}
    for other in earlier:
        if (
            other.source_id == record.source_id
            or other.claim.id in links
            or record.claim.id in {*other.claim.supersedes, *other.claim.contradicts}
        ):
            continue
        if (date - seeds.sources[other.source_id].available_from).days <= DUPLICATE_DAYS:
            return other
    return None
