"""Sources page helpers: the claims table's columns in words, and the claim search."""

from __future__ import annotations

import pandas as pd

from components.conflict_names import conflicts_table, names_by_group, wording_table
from components.labels import standalone
from data.frames import ClaimFilter, build_claims_frame, build_conflicts_frame
from data.load import SeedData

CLAIM_COLUMNS = [
    "date",
    "summary",
    "kind",
    "wording",
    "fiscal_period",
    "attribution",
    "sources_cited",
    "confidence",
    "publisher",
    "origin",
    "reported",
    "url",
    "claim_id",
]
CLAIM_HEADINGS = {"summary": "Claim (our words)", "sources_cited": "Sources cited"}
CLAIM_HELPS = {
    "wording": "The figure or phrase exactly as the report put it",
    "fiscal_period": "For a company filing: the reporting period the figure covers (Nvidia's fiscal year is not the calendar year)",
    "attribution": "Who the report says the claim comes from",
    "sources_cited": "How many people or documents the report cites for it",
    "origin": "The outlet that first published the story (a wire story carried elsewhere counts once)",
}


def search_claims(claims: pd.DataFrame, query: str | None) -> pd.DataFrame:
    """Claims whose text, actors, publisher or wording contain ``query`` (case-insensitive)."""
    if not query:
        return claims
    text = (
        claims["summary"]
        + " "
        + claims["actors"].map(" ".join)
        + " "
        + claims["publisher"]
        + " "
        + claims["wording"].fillna("")
    )
    return claims[text.str.contains(query, case=False, regex=False)]


def readable_claims(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    """Every visible claim with its summary made to stand alone: built once per filter and seed
    content (``ui.memo``), since rewording thousands of summaries on every load is the page's cost."""
    claims = build_claims_frame(seeds, claim_filter)
    titles = {source_id: source.title for source_id, source in seeds.sources.items()}
    return claims.assign(
        summary=[standalone(s, titles.get(i, "")) for s, i in zip(claims["summary"], claims["source_id"], strict=True)]
    )


def conflict_view(
    seeds: SeedData, claim_filter: ClaimFilter
) -> tuple[pd.DataFrame, dict, pd.DataFrame | None, pd.DataFrame | None]:
    """The conflicts with their plain names, the table of real disagreements (widest first) and
    the table of wording-only differences, built once per view."""
    conflicts = build_conflicts_frame(seeds, claim_filter)
    names = names_by_group(conflicts) if not conflicts.empty else {}
    if not names:
        return conflicts, names, None, None
    return conflicts, names, conflicts_table(conflicts), wording_table(conflicts)
