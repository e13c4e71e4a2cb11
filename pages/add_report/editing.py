"""The draft as an editable table and back: what the "Add a report" page shows and saves.

Pure (no streamlit), so the round trip (draft -> table -> edited table -> seed YAML) is tested
without a browser. Column names here are internal; the page gives every column a human label.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from typing import Any, get_args

import pandas as pd
import yaml

from data.draft import Draft
from data.draft.model import DraftClaim
from data.models import Bound, ClaimKind, DatePrecision, Side, SourceKind, Status, Unit
from data.vocabulary import STAGE_LABELS

KINDS = list(get_args(ClaimKind))
SIDES = list(get_args(Side))
STATUSES = list(get_args(Status))
STAGES = list(STAGE_LABELS)
PRECISIONS = list(get_args(DatePrecision))
BOUNDS = list(get_args(Bound))
UNITS = list(get_args(Unit))
SOURCE_KINDS = list(get_args(SourceKind))

NONE = "—"  # an empty choice, shown as a dash (an empty cell would read "None")
OPTIONAL_CHOICES = ("status", "stage", "metric", "unit", "bound", "wording")
COLUMNS = [
    "summary", "sentence", "locator", "keep", "kind", "side", "status", "stage", "metric", "value", "low", "high",
    "unit", "bound", "wording", "date", "date_precision", "actors", "claim_id",
]  # fmt: skip


def words(code: object) -> str:
    """A vocabulary code as words: 'import_approval' -> 'Import approval', stages by their label."""
    if code is None or (isinstance(code, float) and math.isnan(code)) or code in ("", NONE):
        return "—"
    text = str(code)
    if text in STAGE_LABELS:
        return STAGE_LABELS[text]
    return text[:1].upper() + text[1:].replace("_", " ")


def claims_frame(draft: Draft) -> pd.DataFrame:
    """One editable row per candidate claim; the sentence and locator are shown, not edited."""
    rows = []
    for claim in draft.claims:
        quantity = claim.figure.as_quantity() if claim.figure is not None else {}
        rows.append(
            {
                "keep": True,
                "summary": claim.summary or "",
                "sentence": claim.text,
                "locator": claim.locator,
                "kind": claim.kind,
                "side": claim.side,
                "status": claim.status,
                "stage": claim.stage,
                "metric": claim.metric,
                "value": quantity.get("value"),
                "low": quantity.get("low"),
                "high": quantity.get("high"),
                "unit": quantity.get("unit"),
                "bound": quantity.get("bound"),
                "wording": quantity.get("wording"),
                "date": claim.date,
                "date_precision": claim.date_precision,
                "actors": list(claim.actors),
                "claim_id": claim.id,
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in OPTIONAL_CHOICES:  # "" shows as an empty cell ("—" in the picker), never as "None"
        frame[column] = frame[column].map(lambda v: NONE if v is None or pd.isna(v) or v == "" else v)
    for column in ("value", "low", "high"):  # text cells: an empty one stays empty instead of reading "None"
        frame[column] = frame[column].map(_number_text)
    return frame


def _number_text(value: object) -> str:
    number = _number(value)
    if number is None:
        return ""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return None if text in ("", NONE) else text


def _number(value: object) -> float | None:
    try:
        number = float(str(value).replace(",", "").strip())
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _date(value: object, fallback: dt.date) -> dt.date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return fallback


def _edited_claim(claim: DraftClaim, row: dict[str, Any]) -> DraftClaim:
    figure = claim.figure
    if figure is not None:
        figure = dataclasses.replace(
            figure,
            value=_number(row.get("value")),
            low=_number(row.get("low")),
            high=_number(row.get("high")),
            unit=_text(row.get("unit")),
            bound=_text(row.get("bound")) or figure.bound,
            wording=_text(row.get("wording")) or figure.wording,
        )
    actors = row.get("actors")
    return dataclasses.replace(
        claim,
        kind=_text(row.get("kind")) or claim.kind,
        side=_text(row.get("side")) or claim.side,
        status=_text(row.get("status")),
        stage=_text(row.get("stage")),
        metric=_text(row.get("metric")),
        figure=figure,
        date=_date(row.get("date"), claim.date),
        date_precision=_text(row.get("date_precision")) or claim.date_precision,
        actors=[str(a) for a in actors] if isinstance(actors, list | tuple) else list(claim.actors),
        summary=_text(row.get("summary")) or "",
    )


def apply_edits(draft: Draft, edited: pd.DataFrame, source: dict[str, Any], only: list[str] | None = None) -> Draft:
    """The draft as the analyst left it: edited source fields, kept claims with their edits.

    ``only`` limits the claims to those ids (a re-carry keeps just the genuinely new claims).
    """
    by_id = {c.id: c for c in draft.claims}
    claims = []
    for row in edited.to_dict("records"):
        claim = by_id.get(str(row.get("claim_id")))
        if claim is None or not bool(row.get("keep")) or (only is not None and claim.id not in only):
            continue
        claims.append(_edited_claim(claim, row))
    merged = {**draft.source, **{k: v for k, v in source.items() if k in draft.source or k == "id"}}
    for key in ("url", "origin", "byline"):
        merged[key] = _text(merged.get(key))
    if isinstance(merged.get("published"), dt.date):
        merged["published"] = merged["published"].isoformat()
    return dataclasses.replace(draft, source=merged, claims=claims)


def summaries(draft: Draft) -> dict[str, str]:
    return {claim.id: claim.summary for claim in draft.claims if claim.summary}


def renamed_id(ident: str, old: dt.date | str, new: dt.date) -> str:
    """Keep the id's date prefix in step with the publication date (the loader checks the file name)."""
    old_text = old.isoformat() if isinstance(old, dt.date) else str(old)
    if ident.startswith(old_text):
        return new.isoformat() + ident[len(old_text) :]
    return ident


def carrier_yaml(draft: Draft, source_id: str, entry: dict[str, Any], new_claims: Draft) -> str:
    """The snippet for a re-carry: the ``carried_by`` item, then only the genuinely new claims."""
    item = {k: v for k, v in entry.items() if v is not None}
    lines = [
        f"# Add under source: carried_by: in seeds/sources/{source_id}.yaml",
        yaml.safe_dump({"carried_by": [item]}, sort_keys=False, allow_unicode=True).rstrip(),
    ]
    if new_claims.claims:
        full = new_claims.to_seed_yaml(summaries(new_claims))
        claims_part = full[full.index("claims:") :]
        lines += ["", "# Then add these genuinely new claims under claims: in the same file", claims_part.rstrip()]
    else:
        lines += ["", "# Every figure in this report is already recorded: no claim to add."]
    return "\n".join(lines) + "\n"


def safe_filename(ident: str) -> str:
    """A download name that is always a plain file name."""
    return (re.sub(r"[^a-z0-9.-]+", "-", ident.lower()).strip("-.") or "report")[:120] + ".yaml"


def plain_problem(problem: str) -> str:
    """Loader messages in the analyst's terms: 'Claim 2, summary: …' rather than 'Line 61, claims[1].summary (…)'."""
    text = re.sub(r"^Line \d+, ", "", problem)
    text = re.sub(
        r"claims\[(\d+)\]\.([\w.\[\]]+) \(claim [^)]*\)",
        lambda m: f"Claim {int(m[1]) + 1}, {m[2].replace('_', ' ')}",
        text,
    )
    text = re.sub(r"^source\.(\w+)", lambda m: f"Source, {m[1].replace('_', ' ')}", text)
    return text[:1].upper() + text[1:]
