"""Sources page helpers: the claims table's columns in words (the search and the conflicts are in
``view.py``)."""

from __future__ import annotations

CLAIM_COLUMNS = [
    "date",
    "summary",
    "kind",
    "wording",
    "attribution",
    "sources_cited",
    "fiscal_period",
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
    "fiscal_period": "For a company filing: the reporting period the figure covers (Nvidia's fiscal year is not the calendar year)",
    "origin": "The outlet that first published the story (a wire story carried elsewhere counts once)",
}
