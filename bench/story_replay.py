"""Replay a committed report through the Add a report page, as an analyst would, and compare.

The analyst's moves are worked out from the committed file: drafted rows that match a committed
claim (same metric or figure, shared organisations, same kind) are corrected cell by cell, the
others are unticked, and committed claims nobody drafted are added as rows. Every cell and form
field set is counted with the characters typed. The saved file is then compared with the committed
one field by field (claims as multisets, ids and the page's own locators listed apart), so any
field the page cannot produce shows up as a difference: a place where YAML would be hand-edited.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from streamlit.testing.v1 import AppTest

from components.registry import BY_ID
from data.load import load_seeds
from data.models import Claim, Source
from pages.add_report import editing

ROOT = Path(__file__).resolve().parents[1]
NONE = editing.NONE
TEXT_COLUMNS = ("summary", "locator", "id", "metric", "value", "low", "high", "wording", "formula", "person",
                "attribution_note", "label", "fiscal_period", "sources_cited")  # fmt: skip
# Column defaults the grid gives a new row (the analyst does not type these).
ROW_DEFAULTS = {"keep": True, "kind": "statement", "side": "other", "basis": "reported", "date_precision": "day",
                "date_basis": "reported", "attribution_type": "media_analysis"}  # fmt: skip
# Written by the analyst on every claim by design (the drafter never writes a summary or picks tags):
# a row needing only these counts as kept as drafted.
NEVER_DRAFTED = {"summary", "tags"}
# Set by the page, not the analyst: compared apart.
PAGE_SET = ("added",)


def _number_cell(value: object) -> str:
    if value is None:
        return ""
    number = float(value)  # YAML reads "0.4e9" as text; the loader (and the analyst) as a number
    return f"{int(number)}" if number.is_integer() else f"{number}"


def grid_row(claim: dict[str, Any], cited: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A committed claim in the grid's cell vocabulary (what the analyst leaves in each cell).

    The claim id is typed only where another file cites it (``cited``); elsewhere the page's own
    id is left, and the difference listed apart.
    """
    quantity = claim.get("quantity") or {}
    attribution = claim.get("attribution") or {}

    def choice(value: object) -> object:
        return NONE if value in (None, "") else value

    date = claim["date"]
    return {
        "keep": True,
        "summary": " ".join(str(claim.get("summary") or "").split()),
        "locator": claim.get("locator") or "",
        "kind": claim["kind"],
        "side": claim["side"],
        "status": choice(claim.get("status")),
        "stage": choice(claim.get("stage")),
        "product": choice(claim.get("product")),
        "metric": choice(quantity.get("metric")),
        "value": _number_cell(quantity.get("value")),
        "low": _number_cell(quantity.get("low")),
        "high": _number_cell(quantity.get("high")),
        "unit": choice(quantity.get("unit")),
        "bound": choice(quantity.get("bound")),
        "wording": choice(quantity.get("wording")),
        "applies_to": list(quantity.get("applies_to") or []),
        "basis": quantity.get("basis") or "reported",
        "formula": choice(quantity.get("formula")),
        "date": date.isoformat() if isinstance(date, dt.date) else str(date),
        "date_precision": claim.get("date_precision") or "day",
        "date_basis": claim.get("date_basis") or "event",
        "actors": list(claim.get("actors") or []),
        "attribution_type": attribution.get("type"),
        "sources_cited": "" if attribution.get("sources_cited") is None else str(attribution["sources_cited"]),
        "person": choice(attribution.get("person")),
        "attribution_note": choice(attribution.get("note")),
        "confidence": choice(claim.get("confidence")),
        "label": choice(claim.get("label")),
        "fiscal_period": choice(claim.get("fiscal_period")),
        "contradicts": list(claim.get("contradicts") or []),
        "supersedes": list(claim.get("supersedes") or []),
        "tags": list(claim.get("tags") or []),
    } | ({"id": claim["id"]} if claim["id"] in cited else {})


def _cell(value: object) -> object:
    """A grid cell normalised for comparison (NaN, None and the dash are all empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is NONE or value == "":
        return NONE
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value) if len(value) else NONE
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d[\d,]*(\.\d+)?", value.strip()):
        value = float(value.replace(",", ""))  # "96,200,000,000" as drafted is the number typed as 96200000000
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _related(drafted: dict[str, Any], want: dict[str, Any]) -> bool:
    """Would an analyst correct this drafted row into that claim? Same figure, metric or kind and names."""
    numbers = {_cell(drafted[k]) for k in ("value", "low", "high")} - {NONE}
    wanted = {_cell(want[k]) for k in ("value", "low", "high")} - {NONE}
    if numbers and numbers & wanted:
        return True
    if want["metric"] != NONE and _cell(drafted["metric"]) == want["metric"]:
        return True
    orgs = set(_cell(drafted["applies_to"])) | set(_cell(drafted["actors"]))
    return _cell(drafted["kind"]) == want["kind"] and bool(orgs & (set(want["applies_to"]) | set(want["actors"])))


def _edit_cost(drafted: dict[str, Any], want: dict[str, Any]) -> int:
    return sum(1 for k, v in want.items() if _cell(drafted.get(k)) != _cell(v) and (k != "locator" or v))


def _add_cost(want: dict[str, Any]) -> int:
    return sum(1 for k, v in want.items() if _cell(v) != NONE and ROW_DEFAULTS.get(k) != v)


def plan(
    base: list[dict[str, Any]], claims: list[dict[str, Any]], cited: frozenset[str] = frozenset()
) -> tuple[dict[int, int], list[int], list[int]]:
    """Matched drafted row -> committed claim, rows to untick, claims to add.

    A drafted row is corrected into a committed claim when the two are related (same figure or
    metric, or same kind and a shared organisation) and correcting it takes fewer cells than typing
    the claim as a new row; pairs are taken greedily, the biggest saving first.
    """
    wants = [grid_row(c, cited) for c in claims]
    pairs = []
    for r, row in enumerate(base):
        for c, want in enumerate(wants):
            saving = _add_cost(want) - _edit_cost(row, want)
            if saving > 0 and _related(row, want):
                pairs.append((saving, r, c))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, r, c in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if r not in matched and c not in used:
            matched[r] = c
            used.add(c)
    dropped = [r for r in range(len(base)) if r not in matched]
    added = [c for c in range(len(claims)) if c not in used]
    return matched, dropped, added


def _typed(value: object) -> int:
    cell = _cell(value)
    if cell == NONE:
        return 0
    return sum(len(v) for v in cell) if isinstance(cell, tuple) else len(str(cell))


def grid_edits(
    base: list[dict[str, Any]], claims: list[dict[str, Any]], cited: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The data-editor state that turns the drafted grid into the committed claims, and its counts."""
    matched, dropped, added = plan(base, claims, cited)
    edited: dict[int, dict[str, Any]] = {}
    cells = chars = kept = corrected = 0
    cells_typed: Counter[str] = Counter()
    for r, c in matched.items():
        want = grid_row(claims[c], cited)
        changes = {k: v for k, v in want.items() if _cell(base[r].get(k)) != _cell(v)}
        if want["locator"] == "":  # the file gives no locator: the page's own "para N" is left as it is
            changes.pop("locator", None)
        cells_typed.update(list(changes))
        if set(changes) - NEVER_DRAFTED:
            corrected += 1
            edited[r] = changes
        else:
            kept += 1
        cells += len(changes)
        chars += sum(_typed(v) for k, v in changes.items() if k in TEXT_COLUMNS)
    for r in dropped:
        edited[r] = {"keep": False}
        cells += 1
    rows = []
    for c in added:
        want = grid_row(claims[c], cited)
        typed = {k: v for k, v in want.items() if _cell(v) != NONE and ROW_DEFAULTS.get(k) != v}
        cells_typed.update(list(typed))
        cells += len(typed)
        chars += sum(_typed(v) for k, v in typed.items() if k in TEXT_COLUMNS)
        rows.append({**ROW_DEFAULTS, **want})
    state = {"edited_rows": edited, "added_rows": rows, "deleted_rows": []}
    counts = {"drafted": len(base), "kept": kept, "corrected": corrected, "added": len(added),
              "dropped": len(dropped), "cells": cells, "chars": chars, "columns": dict(cells_typed)}  # fmt: skip
    return state, counts


def _claim_key(claim: dict[str, Any]) -> tuple:
    data = Claim.model_validate(claim).model_dump(mode="json", exclude={"id", "locator"})
    data["summary"] = " ".join(data["summary"].split())
    return tuple(sorted((k, yaml.safe_dump(v, sort_keys=True)) for k, v in data.items()))


def compare(saved: dict[str, Any], committed: dict[str, Any]) -> dict[str, Any]:
    """Semantic differences: source fields, claims as multisets (ids and locators apart)."""
    got = Source.model_validate(saved["source"]).model_dump(mode="json")
    want = Source.model_validate(committed["source"]).model_dump(mode="json")
    source = sorted(k for k in want if k not in PAGE_SET and got.get(k) != want.get(k))
    page_set = sorted(k for k in PAGE_SET if got.get(k) != want.get(k))
    mine, theirs = Counter(map(_claim_key, saved["claims"])), Counter(map(_claim_key, committed["claims"]))
    missing, extra = theirs - mine, mine - theirs
    fields: Counter[str] = Counter()
    for key in missing:  # which fields the unmatched committed claims differ in from their nearest saved one
        nearest = min(extra or mine, key=lambda k: len(set(key) ^ set(k)))
        fields.update(name for name, _ in set(key) ^ set(nearest))
    ids = sorted(set(c["id"] for c in committed["claims"]) ^ set(c["id"] for c in saved["claims"]))
    return {
        "source_differs": source,
        "page_set_fields": page_set,
        "claims_missing": sum(missing.values()),
        "claims_extra": sum(extra.values()),
        "claim_fields_differ": sorted(fields),
        "claim_ids_differ": len(ids) // 2 if ids else 0,
        "locators_added": sum(1 for c in saved["claims"] if c.get("locator")),
    }


SOURCE_WIDGETS = {  # form field -> how to set it
    "title": "text_input", "publisher": "text_input", "published": "date_input", "url": "text_input",
    "origin": "text_input", "kind": "selectbox", "confidence": "selectbox", "reliability": "text_area",
    "id": "text_input", "byline": "text_input", "accessed": "date_input", "date_precision": "selectbox",
    "url_missing": "selectbox",
}  # fmt: skip


def _source_value(source: dict[str, Any], field: str) -> object:
    value = source.get(field)
    if field in ("published", "accessed"):
        return value if isinstance(value, dt.date) else None
    if field == "date_precision":
        return value or "day"
    if field == "url_missing":
        return value or NONE
    return "" if value is None else " ".join(str(value).split()) if field == "reliability" else str(value)


def _set_source(at: AppTest, source: dict[str, Any]) -> dict[str, Any]:
    """Set every form field that differs from the draft; count them, the carried-by cells and the
    characters typed. A field with no widget is listed as missing (it would need YAML)."""
    cells = chars = 0
    missing: list[str] = []
    retyped: list[str] = []
    state = at.session_state
    for field, kind in SOURCE_WIDGETS.items():
        want = _source_value(source, field)
        key = f"ar_src_{field}"
        if _cell(state.get(key)) == _cell(want):
            continue
        widgets = [w for w in getattr(at, kind) if w.key == key]
        if not widgets:
            missing.append(field)
            continue
        widgets[0].set_value(want)
        retyped.append(field)
        chars += len(str(want)) if kind in ("text_input", "text_area") else 0
    carried = [{k: o.get(k) for k in ("outlet", "url", "published")} for o in source.get("carried_by") or []]
    if carried:
        retyped.append("carried_by")
        rows = [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in o.items()} for o in carried]
        state["ar_src_carried_by"] = {"edited_rows": {}, "added_rows": rows, "deleted_rows": []}
        cells += sum(1 for o in carried for v in o.values() if v)
        chars += sum(len(str(v)) for o in carried for v in o.values() if v)
    return {"source_fields": retyped, "carried_cells": cells, "source_chars": chars, "form_missing": missing}


def cited_ids(seeds: Path) -> frozenset[str]:
    """Claim ids other seed files cite (contradicts, supersedes): these must keep their id."""
    cited: set[str] = set()
    for path in seeds.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        if not isinstance(data, dict):
            continue
        for claim in data.get("claims") or []:
            cited.update(claim.get("contradicts") or [], claim.get("supersedes") or [])
    return frozenset(cited)


def replay(source_id: str, text: str, root: Path = ROOT, seeds_from: Path | None = None) -> dict[str, Any]:
    """Paste, draft, edit the form and grid to the committed file, save, load back, compare."""
    committed_path = (seeds_from or root / "seeds") / "sources" / f"{source_id}.yaml"
    committed = yaml.safe_load(committed_path.read_text())
    with tempfile.TemporaryDirectory() as scratch:
        seeds = Path(scratch) / "seeds"
        shutil.copytree(seeds_from or root / "seeds", seeds)
        (seeds / "sources" / f"{source_id}.yaml").unlink()
        old = {k: os.environ.get(k) for k in ("H200_SEEDS_DIR", "H200_EDITING")}
        os.environ["H200_SEEDS_DIR"], os.environ["H200_EDITING"] = str(seeds), "1"
        try:
            started = time.perf_counter()
            at = AppTest.from_file(str(root / "app.py"), default_timeout=180)
            at.run()
            at.switch_page(BY_ID["add_report"].path).run()
            at.text_area(key="ar_text").set_value(text)
            at.text_input(key="ar_url").set_value(committed["source"].get("url") or "")
            next(b for b in at.button if b.label == "Draft from this report").click().run()
            draft_seconds = time.perf_counter() - started
            draft = at.session_state["ar_draft"]
            duplicates = [d.source_id for d in draft.duplicates]
            base = at.session_state["ar_claims_base"].to_dict("records")
            form = _set_source(at, committed["source"])
            state, counts = grid_edits(base, committed["claims"], cited_ids(seeds))
            at.session_state["ar_claims_editor"] = state
            at.run()
            problems = [e.value for e in at.error] + [t.value for t in at.text if t.value.startswith("•")]
            saved_button = [b for b in at.button if b.key == "ar-save"]
            if saved_button and not saved_button[0].disabled:
                saved_button[0].click().run()
            seconds = time.perf_counter() - started
            path = seeds / "sources" / f"{source_id}.yaml"
            saved = yaml.safe_load(path.read_text()) if path.exists() else None
            exceptions = [e.value for e in at.exception]
            after = load_seeds(seeds) if saved is not None else None
            load_problems = [f"{p.file}: {p.message}" for p in after.problems] if after is not None else []
        finally:
            for key, value in old.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    result: dict[str, Any] = {
        "source_id": source_id,
        "page_seconds": round(seconds, 1),
        "draft_seconds": round(draft_seconds, 1),
        "duplicates_named": duplicates,
        "words": len(text.split()),
        **form,
        **counts,
        "saved": saved is not None,
        "problems": problems if saved is None else [],
        "exceptions": exceptions,
        "claims_committed": len(committed["claims"]),
        "load_problems": load_problems,
    }
    if saved is not None:
        result.update(compare(saved, committed))
    return result
