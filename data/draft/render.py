"""Draft -> JSON for the CLI and the page, a seed YAML file, and a readable summary.

The YAML never pretends to be finished: a claim without a summary keeps an empty one, which
the validator reports in plain words, and suggestions carry a "to confirm" comment.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from data.draft.model import DraftLike as Draft
from data.models import Quantity, Source

_SOURCE_KEYS = ["id", "title", "publisher", "byline", "published", "date_precision", "url", "url_missing", "kind",
                "origin", "carried_by", "accessed", "reliability", "confidence"]  # fmt: skip


def draft_json(draft: Draft) -> dict[str, Any]:
    return {
        "source": dict(draft.source),
        "claims": [claim.to_dict() for claim in draft.claims],
        "duplicates": [d.to_dict() for d in draft.duplicates],
        "weaker_matches": [d.to_dict() for d in draft.weaker],
        "dates": [
            {"phrase": m.phrase, "date": m.date.isoformat(), "precision": m.precision, "forward": m.forward}
            for m in draft.dates
        ],
        "entities": [
            {"id": m.id, "name": m.name, "matched": m.matched, "score": m.score, "kind": m.kind} for m in draft.entities
        ],
        "notes": list(draft.notes),
    }


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _source(draft: Draft, added: dt.date | None) -> dict[str, Any]:
    src = draft.source
    out: dict[str, Any] = {key: src.get(key) for key in _SOURCE_KEYS}
    out["published"] = _date(src["published"])
    out["accessed"] = _date(src["accessed"])
    out["carried_by"] = [{**o, "published": _date(o.get("published"))} for o in src.get("carried_by") or []]
    if out["date_precision"] in (None, "day"):  # the default: left out, as a hand-written file would
        del out["date_precision"]
    if out["url_missing"] is None:
        del out["url_missing"]
    if added is not None and "added" in Source.model_fields:
        out["added"] = added
    return out


def _claim(claim: Any, summary: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": claim.id,
        "kind": claim.kind,
        "date": claim.date,
        "date_precision": claim.date_precision,
        "date_basis": claim.date_basis,
        "actors": list(claim.actors),
    }
    if claim.product:
        out["product"] = claim.product
    out["side"] = claim.side
    if claim.status:
        out["status"] = claim.status
    if claim.stage:
        out["stage"] = claim.stage
    if claim.figure is not None:
        quantity: dict[str, Any] = {"metric": claim.metric}
        if claim.applies_to:
            quantity["applies_to"] = list(claim.applies_to)
        for key, value in claim.figure.as_quantity().items():
            if key != "strict" or "strict" in Quantity.model_fields:
                quantity[key] = value
        if "basis" in Quantity.model_fields:
            quantity["basis"] = claim.figure.basis or "reported"
            if claim.figure.formula:
                quantity["formula"] = claim.figure.formula
        out["quantity"] = quantity
    out["attribution"] = {k: v for k, v in claim.attribution.items() if v is not None}
    if claim.confidence:
        out["confidence"] = claim.confidence
    if claim.label:
        out["label"] = claim.label
    if getattr(claim, "fiscal_period", None):
        out["fiscal_period"] = claim.fiscal_period
    out["summary"] = summary
    if claim.locator:
        out["locator"] = claim.locator
    for key in ("contradicts", "supersedes", "tags"):
        if getattr(claim, key):
            out[key] = list(getattr(claim, key))
    return out


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def seed_yaml(draft: Draft, summaries: dict[str, str], added: dt.date | None) -> str:
    """One seed file: the source block and every claim. Empty summaries stay empty (and fail validation)."""
    lines = [
        f"# Drafted from a {draft.source['publisher']} report of {draft.source['published']} by data.draft.",
        "# Suggestions marked 'to confirm' were guessed from the wording; check each against the article.",
        "# Write every summary in your own words (no run of eight or more words copied from the article).",
    ]
    lines.append(_dump({"source": _source(draft, added)}).rstrip())
    lines.append("claims:")
    for claim in draft.claims:
        summary = (summaries.get(claim.id) or "").strip()
        confirm = ", ".join(claim.to_confirm)
        lines.append(f"  # {claim.locator} · to confirm: {confirm}" + ("" if summary else " · SUMMARY MISSING"))
        block = _dump([_claim(claim, summary)]).rstrip()
        lines.extend("  " + line for line in block.splitlines())
    return "\n".join(lines) + "\n"


def _figure_text(claim: Any) -> str:
    figure = claim.figure
    if figure is None:
        return "(no figure)"
    if figure.vague:
        return f'"{figure.wording}" (vague, kept as wording)'
    numbers = figure.as_quantity()
    if figure.bound == "range":
        shown = f"{numbers['low']:,} – {numbers['high']:,}"
    else:
        number = numbers.get("value", numbers.get("low", numbers.get("high")))
        sign = {"more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤", "approx": "~"}
        shown = f"{sign.get(figure.bound, '')}{number:,}"
    return f'{shown} {figure.unit} ({figure.bound}; "{figure.wording}")'


def readable(draft: Draft) -> str:
    """A short report for the terminal: the source, duplicates, and one line per candidate claim."""
    src = draft.source
    out = [f"Source: {src['title']}", f"  {src['publisher']} · {src['published']} · id {src['id']}"]
    if src.get("origin"):
        out.append(f"  origin: {src['origin']}")
    if draft.duplicates:
        out.append("Possible duplicates:")
        for dup in draft.duplicates:
            new = ", ".join(dup.new_claim_ids) or "none"
            out.append(f"  {dup.source_id} (score {dup.score:.2f}): {dup.why}")
            out.append(f"    -> add as a carrier of {dup.source_id}; genuinely new claims: {new}")
    else:
        out.append("No duplicate found among the existing sources.")
    if draft.weaker:
        out.append("Weaker matches, under the bar (look at them before adding it as new):")
        out.extend(f"  {dup.source_id} (score {dup.score:.2f}): {dup.why}" for dup in draft.weaker)
    out.append(f"Candidate claims ({len(draft.claims)}), all to confirm:")
    for claim in draft.claims:
        who = ", ".join(claim.applies_to or claim.actors) or "no organisation named"
        out.append(f"  [{claim.locator}] {claim.id}: {_figure_text(claim)}")
        out.append(f"      {claim.kind} · {who} · {claim.date} ({claim.date_precision}, {claim.date_basis})")
    out.extend(f"Note: {note}" for note in draft.notes)
    return "\n".join(out)


def copied_runs(summary: str, text: str, n: int = 8) -> list[str]:
    """Runs of ``n`` or more consecutive words of ``summary`` that also appear, in order, in ``text``."""

    def words(value: str) -> list[str]:
        return [w for w in (re.sub(r"[^\w%$.-]", "", t.lower()).strip(".") for t in value.split()) if w]

    source = words(text)
    grams = {tuple(source[i : i + n]) for i in range(len(source) - n + 1)}
    raw = [t for t in summary.split() if re.sub(r"[^\w%$.-]", "", t.lower()).strip(".")]
    mine = words(summary)
    runs: list[str] = []
    i = 0
    while i <= len(mine) - n:
        if tuple(mine[i : i + n]) in grams:
            j = i + n
            while j < len(mine) and tuple(mine[j - n + 1 : j + 1]) in grams:
                j += 1
            runs.append(" ".join(raw[i:j]))
            i = j
        else:
            i += 1
    return runs
