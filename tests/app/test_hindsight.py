"""Hindsight: at the end of every month from Dec 2025 to Oct 2026, every page, opened as a shared
link pinned to that date, states no date after it and cites no source published after it.

Titles, captions, KPI cards, info boxes, the status line, source footers and chart titles and
annotations are all scanned; a page whose words came from a later report fails here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import PAGES

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")
MONTH_ENDS = [dt.date(2025, 12, 31)] + [dt.date(2026, m + 1, 1) - dt.timedelta(days=1) for m in range(1, 11)]
MONTHS = {
    m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)
}
LONG = re.compile(r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (20\d\d)\b")
ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def dates_in(text: str) -> list[dt.date]:
    found = [dt.date(int(y), MONTHS[m], int(d)) for d, m, y in LONG.findall(text)]
    found += [dt.date(int(y), int(m), int(d)) for y, m, d in ISO.findall(text)]
    return found


def visible_text(at: AppTest) -> str:
    """Every piece of text a reader sees outside tables and hover boxes."""
    parts = [
        e.value
        for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "success")
        for e in at.get(kind)
    ]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        parts.append(str(layout.get("title", {}).get("text", "")).replace("<br>", " "))  # titles wrap
        parts += [str(a.get("text", "")) for a in layout.get("annotations", [])]
    return "\n".join(parts)


@pytest.mark.parametrize("as_of", MONTH_ENDS, ids=[d.isoformat() for d in MONTH_ENDS])
@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_no_page_states_anything_after_its_as_of_date(page, as_of, monkeypatch) -> None:
    monkeypatch.setenv("H200_TEST_PAGE", page.page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=90)
    at.query_params["as_of"] = as_of.isoformat()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = visible_text(at)
    assert f"Data as of **{as_of:%d %b %Y}**" in text
    # What's new speaks of when the tracker learned things (its since/until window), not of the
    # story on the as-of date: its dates may run to today, never beyond
    limit = as_of if page.story_dates else dt.date.today()
    later = sorted({d for d in dates_in(text) if d > limit})
    context = [
        line for line in text.splitlines() if any(f"{d:%d %b %Y}" in line or d.isoformat() in line for d in later)
    ]
    assert later == [], context[:5]
