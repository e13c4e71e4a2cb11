"""No metric id, snake_case code or "None" in any figure or table on any page, nor in any frame
builder's CSV export: every value reaches people in words (issue 18, "one home for the words")."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.exports.tables import to_csv_bytes
from components.registry import PAGES
from data.frames import BUILDERS, ClaimFilter
from data.load import load_seeds

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SEEDS = load_seeds(ROOT / "seeds")
METRIC_IDS = set(SEEDS.metrics)
SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
# Columns that hold citation handles on purpose (a claim or source id, a link), not words.
ID_COLUMNS = re.compile(
    r"\b(ID|IDs|id|ids|URL|Link)\b|^Organisation ID$|^Claims$|^Sources$|^Applies to$|^Actors$|^Tags$|^Contradicts$|^Supersedes$"
)
VISIBLE = ("text", "name", "hovertext", "hovertemplate", "ticktext", "title")


def codes_in(text: str) -> list[str]:
    """Metric ids, snake_case codes and the words None/nan/NaT in one piece of visible text."""
    found = [m for m in SNAKE.findall(text)]
    found += [w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text) if w in METRIC_IDS]
    found += [m[1] for m in re.findall(r"(^|[:·(,=]\s*)(None|nan|NaT|<NA>)(?=\s*$|[)·,<])", text)]
    return found


def _strings(node: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif isinstance(node, str) and key in VISIBLE:
        yield key, re.sub(r"%\{[^}]*\}", "", node)  # Plotly's own %{customdata[0]} placeholders


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_no_codes_in_any_figure_or_table(page) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(page.path).run()
    assert not at.exception
    problems = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        problems += [(key, text[:80], codes_in(text)) for key, text in _strings(spec) if codes_in(text)]
    for table in at.dataframe:
        frame = table.value if isinstance(table.value, pd.DataFrame) else pd.DataFrame(table.value)
        for column in frame.columns:
            if ID_COLUMNS.search(str(column)):
                continue
            for value in frame[column].dropna().astype(str).unique():
                if codes_in(value):
                    problems.append((str(column), value[:80], codes_in(value)))
    assert not problems, problems[:10]


@pytest.mark.parametrize("builder", BUILDERS, ids=[b.__name__ for b in BUILDERS])
def test_no_codes_in_any_export(builder) -> None:
    frame = builder(SEEDS, ClaimFilter(as_of=dt.date(2026, 6, 5)))
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))
    header, problems = rows[0], []
    assert not [h for h in header if codes_in(h)], header
    for row in rows[1:]:
        for column, value in zip(header, row, strict=True):
            if ID_COLUMNS.search(column):
                continue
            problems += [(column, value[:80]) for part in value.split("; ") if codes_in(part)]
    assert not problems, sorted(set(problems))[:10]
