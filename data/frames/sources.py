"""One row per source document that has at least one visible claim, linked to the outlet's own
page when one is known and saying "via <mirror>" otherwise (``data.outlets``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.load import SeedData
from data.outlets import outlet_of


@dataclass
class SourceRow:
    source_id: str
    title: str
    publisher: str
    via: str | None
    origin: str
    kind: str
    published: dt.date | None
    available_from: dt.date
    date_precision: str
    url: str | None
    carried_by: list[str]
    outlets: int
    confidence: str
    reliability: str
    seed_report: bool
    claims: int


@builds(SourceRow)
def build_sources_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Sources behind the visible claims, oldest first, with how many claims each contributes;
    ``publisher`` says "via <mirror>" when the link opens another site."""
    counts = Counter(record.source_id for record in select_claims(seeds, claim_filter))
    rows = []
    for source_id, count in counts.items():
        source = seeds.sources[source_id]
        link = outlet_of(seeds, source_id)
        rows.append(
            SourceRow(
                source_id=source_id,
                title=source.title,
                publisher=link.label,
                via=link.via,
                origin=source.origin or source.publisher,
                kind=source.kind,
                published=source.published,
                available_from=source.available_from,
                date_precision=source.date_precision,
                url=link.url,
                carried_by=[outlet.outlet for outlet in source.carried_by],
                outlets=1 + len(source.carried_by),
                confidence=source.confidence,
                reliability=source.reliability,
                seed_report=source.seed_report,
                claims=count,
            )
        )
    return frame_of(SourceRow, rows).sort_values(["available_from", "source_id"], ignore_index=True)
