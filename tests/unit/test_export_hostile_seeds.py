"""Hostile seed text (spreadsheet formulas in titles, summaries, publishers and wordings) goes
through every frame builder and both writers: no export may carry a formula."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from components.exports.tables import to_csv_bytes, to_xlsx_bytes
from data.frames import BUILDERS
from data.load import load_seeds

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['=HYPERLINK("http://x.example","y")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]


@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid" / "seeds", root)
    for index, path in enumerate(sorted((root / "sources").glob("*.yaml"))):
        document = yaml.safe_load(path.read_text())
        payload = HOSTILE[index % len(HOSTILE)]
        document["source"]["publisher"] = payload
        document["source"]["title"] = payload + " title"
        for claim in document["claims"]:
            claim["summary"] = payload + " " + claim["summary"]
            quantity = claim.get("quantity") or {}
            if quantity.get("wording") and any(k in quantity for k in ("value", "low", "high")):
                quantity["wording"] = payload
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    seeds = load_seeds(root)
    assert seeds.problems == [], seeds.problems
    assert any(s.publisher.startswith(("=", "+", "-", "@")) for s in seeds.sources.values())
    return seeds


def _cells_from_csv(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


@pytest.mark.parametrize("builder", BUILDERS, ids=[b.__name__ for b in BUILDERS])
def test_no_formula_survives_any_export(hostile_seeds, builder) -> None:
    frame = builder(hostile_seeds, None)
    for cell in _cells_from_csv(to_csv_bytes(frame)):
        assert not cell.startswith(("=", "+", "@")) or cell == "", cell
        assert not (cell.startswith("-") and not cell.lstrip("-").replace(".", "", 1).isdigit()), cell
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame, about={"As of": "test"})))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "@")), cell.value
