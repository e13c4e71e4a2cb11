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
from data.draft.model import DraftClaim, Figure
from data.models import Bound, ClaimKind, DatePrecision, Side, SourceKind, Status, Unit
from data.vocabulary import (
    STAGE_LABELS,
    AttributionType,
    Basis,
    Confidence,
    DateBasis,
    SourceDatePrecision,
    UrlMissing,
)

KINDS = list(get_args(ClaimKind))
SIDES = list(get_args(Side))
STATUSES = list(get_args(Status))
STAGES = list(STAGE_LABELS)
PRECISIONS = list(get_args(DatePrecision))
BOUNDS = list(get_args(Bound))
UNITS = list(get_args(Unit))
SOURCE_KINDS = list(get_args(SourceKind))
ATTRIBUTIONS = list(get_args(AttributionType))
CONFIDENCES = list(get_args(Confidence))
DATE_BASES = list(get_args(DateBasis))
BASES = list(get_args(Basis))
SOURCE_PRECISIONS = list(get_args(SourceDatePrecision))
URL_MISSING = list(get_args(UrlMissing))

NONE = "—"  # an empty choice, shown as a dash (an empty cell would read "None")
OPTIONAL_CHOICES = (
    "status", "stage", "metric", "unit", "bound", "wording", "product", "confidence", "person", "attribution_note",
    "label", "formula", "fiscal_period",
)  # fmt: skip
LIST_COLUMNS = ("actors", "applies_to", "contradicts", "supersedes", "tags")
# Every field of a seed claim has a column, so nothing needs typing as YAML (rows can be added too).
COLUMNS = [
    "summary", "sentence", "locator", "keep", "kind", "side", "status", "stage", "product", "metric", "value", "low",
    "high", "unit", "bound", "wording", "applies_to", "basis", "formula", "date", "date_precision", "date_basis",
    "actors", "attribution_type", "sources_cited", "person", "attribution_note", "confidence", "label", "fiscal_period",
    "contradicts", "supersedes", "tags", "id", "claim_id",
]  # fmt: skip
# "claim_id" is the row's key back to its drafted claim (kept, never shown); "id" is the claim id the
# file gets, editable, so a claim other seed files cite (contradicts, supersedes) keeps that id.
SHOWN_COLUMNS = [c for c in COLUMNS if c != "claim_id"]
HAND_LOCATOR = "added by hand"


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
                "date_basis": claim.date_basis,
                "actors": list(claim.actors),
                "product": claim.product,
                "applies_to": list(claim.applies_to),
                "basis": claim.figure.basis if claim.figure is not None else "reported",
                "formula": claim.figure.formula if claim.figure is not None else None,
                "attribution_type": claim.attribution.get("type"),
                "sources_cited": claim.attribution.get("sources_cited"),
                "person": claim.attribution.get("person"),
                "attribution_note": claim.attribution.get("note"),
                "confidence": claim.confidence,
                "label": claim.label,
                "fiscal_period": claim.fiscal_period,
                "contradicts": list(claim.contradicts),
                "supersedes": list(claim.supersedes),
                "tags": list(claim.tags),
                "id": claim.id,
                "claim_id": claim.id,
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in OPTIONAL_CHOICES:  # "" shows as an empty cell ("—" in the picker), never as "None"
        frame[column] = frame[column].map(lambda v: NONE if v is None or pd.isna(v) or v == "" else v)
    for column in ("value", "low", "high", "sources_cited"):  # text cells: an empty one stays empty, never "None"
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


def _date(value: object, fallback: dt.date | None) -> dt.date | None:
    if value is None or value is pd.NaT:  # an empty date cell (NaT.date() would be NaT again)
        return fallback
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


def _list(value: object, fallback: list[str]) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value if _text(v)]
    if hasattr(value, "tolist"):
        return [str(v) for v in value.tolist() if _text(v)]
    return list(fallback)


def _attribution(row: dict[str, Any], fallback: dict[str, Any]) -> dict[str, Any]:
    cited = _number(row.get("sources_cited"))
    out = {
        "type": _text(row.get("attribution_type")) or fallback.get("type") or "media_analysis",
        "sources_cited": int(cited) if cited is not None else None,
        "person": _text(row.get("person")),
        "note": _text(row.get("attribution_note")),
    }
    return {k: v for k, v in out.items() if v is not None}


def _figure(row: dict[str, Any], figure: Figure | None) -> Figure | None:
    """The row's quantity; a hand-added row gets one as soon as it has a number or a wording."""
    numbers = {k: _number(row.get(k)) for k in ("value", "low", "high")}
    wording = _text(row.get("wording"))
    if figure is None and not wording and all(n is None for n in numbers.values()):
        return None
    base = figure or Figure(unit=None, bound="exact", wording=wording or "")
    return dataclasses.replace(
        base,
        **numbers,
        unit=_text(row.get("unit")),
        bound=_text(row.get("bound")) or base.bound,
        wording=wording or base.wording,
        basis=_text(row.get("basis")) or "reported",
        formula=_text(row.get("formula")),
    )


def _edited_claim(claim: DraftClaim, row: dict[str, Any]) -> DraftClaim:
    figure = _figure(row, claim.figure)
    return dataclasses.replace(
        claim,
        id=_text(row.get("id")) or claim.id,
        kind=_text(row.get("kind")) or claim.kind,
        side=_text(row.get("side")) or claim.side,
        status=_text(row.get("status")),
        stage=_text(row.get("stage")),
        metric=_text(row.get("metric")) if figure is not None else None,
        product=_text(row.get("product")),
        figure=figure,
        applies_to=_list(row.get("applies_to"), claim.applies_to) if figure is not None else [],
        date=_date(row.get("date"), claim.date),
        date_precision=_text(row.get("date_precision")) or claim.date_precision,
        date_basis=_text(row.get("date_basis")) or claim.date_basis,
        actors=_list(row.get("actors"), claim.actors),
        attribution=_attribution(row, claim.attribution),
        confidence=_text(row.get("confidence")),
        label=_text(row.get("label")),
        fiscal_period=_text(row.get("fiscal_period")),
        locator=_text(row.get("locator")) if "locator" in row else claim.locator,
        contradicts=_list(row.get("contradicts"), claim.contradicts),
        supersedes=_list(row.get("supersedes"), claim.supersedes),
        tags=[t.strip() for t in _list(row.get("tags"), claim.tags) if t.strip()],
        summary=_text(row.get("summary")) or "",
    )


def _hand_claim(published: dt.date, row: dict[str, Any], ident: str) -> DraftClaim:
    """A claim the analyst added as a new row: what the row says, nothing guessed (an empty date
    is the report's publication date as the form has it)."""
    row = {**row, "locator": _text(row.get("locator")) or HAND_LOCATOR}
    blank = DraftClaim(
        id=ident,
        kind="statement",
        side="other",
        text="",
        locator=HAND_LOCATOR,
        date=published,
        date_precision="day",
        date_basis="reported",
        attribution={"type": "media_analysis"},
    )
    return _edited_claim(blank, row)


def _hand_id(draft: Draft, taken: set[str]) -> str:
    stem = draft.claims[0].id.split(".")[0] if draft.claims else str(draft.source["id"])[:40].rstrip("-.")
    number = 1
    while f"{stem}.by-hand-{number}" in taken:
        number += 1
    return f"{stem}.by-hand-{number}"


def apply_edits(draft: Draft, edited: pd.DataFrame, source: dict[str, Any], only: list[str] | None = None) -> Draft:
    """The draft as the analyst left it: edited source fields, kept claims with their edits.

    ``only`` limits the claims to those ids (a re-carry keeps just the genuinely new claims).
    """
    by_id = {c.id: c for c in draft.claims}
    taken = set(by_id) | {t for t in edited.get("id", pd.Series(dtype=object)).map(_text) if t}
    published = _date(source.get("published"), _date(draft.source.get("published"), dt.date.today()))
    claims = []
    for row in edited.to_dict("records"):
        claim = by_id.get(str(row.get("claim_id")))
        if claim is None:  # a row the analyst added: kept unless unticked, in a re-carry too
            if _keep(row.get("keep"), default=True) and _row_has_content(row):
                ident = _hand_id(draft, taken)
                taken.add(ident)
                claims.append(_hand_claim(published, row, ident))
            continue
        if not _keep(row.get("keep"), default=True) or (only is not None and claim.id not in only):
            continue
        claims.append(_edited_claim(claim, row))
    return dataclasses.replace(draft, source=merged_source(draft.source, source), claims=claims)


# Source fields the form sets although a fresh draft may not carry them.
FORM_ONLY = ("id", "date_precision", "url_missing", "carried_by", "accessed")


def merged_source(drafted: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    """The draft's source block with the form's fields: empty text is none, dates are ISO text."""
    merged = {**drafted, **{k: v for k, v in form.items() if k in drafted or k in FORM_ONLY}}
    for key in ("url", "origin", "byline", "url_missing"):
        merged[key] = _text(merged.get(key))
    for key in ("published", "accessed"):
        if isinstance(merged.get(key), dt.date):
            merged[key] = merged[key].isoformat()
    if merged.get("date_precision") in (None, "", NONE):
        merged["date_precision"] = "day"
    return merged


def carried_by(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The "also carried by" rows as ``carried_by`` items; a row without an outlet is skipped."""
    out = []
    for row in frame.to_dict("records"):
        outlet = _text(row.get("outlet"))
        if outlet is None:
            continue
        # an empty date cell (None, NaN, NaT) is no date: _date falls back to None for all three
        out.append({"outlet": outlet, "url": _text(row.get("url")), "published": _date(row.get("published"), None)})
    return out


def _keep(value: object, default: bool) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return default
    return bool(value)


def _row_has_content(row: dict[str, Any]) -> bool:
    # column defaults (kind, side, keep) fill an added row on their own: only what a person typed counts
    return any(_text(row.get(k)) for k in ("summary", "value", "low", "high", "wording"))


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
