"""Sources page helpers: the claims table's columns in words, and the claim search."""

from __future__ import annotations

import pandas as pd

CLAIM_COLUMNS = [
    "date",
    "summary",
    "kind",
    "wording",
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
