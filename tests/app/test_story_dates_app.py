"""The pages at today's date, at 31 Aug 2026 and at 30 Jun 2026 say what the reports said by then:
deliveries begun (ByteDance and Tencent about 10,000 each, other firms none reported) after mid-July,
none before; chart titles, KPI cards and the buyers table agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_hindsight import visible_text

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")
BEGUN = "deliveries have begun: ByteDance about 10,000, Tencent about 10,000 chips; other firms none reported"


def _run(page: str, as_of: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("H200_TEST_PAGE", page)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=90)
    at.query_params["as_of"] = as_of
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _chart_titles(at: AppTest) -> list[str]:
    """Each chart's title text with its line breaks (titles wrap) read as spaces."""
    return [
        str(json.loads(c.proto.spec)["layout"].get("title", {}).get("text", "")).replace("<br>", " ")
        for c in at.get("plotly_chart")
    ]


@pytest.mark.parametrize(
    ("as_of", "delivered", "title"),
    [
        ("2026-12-01", "H200s delivered to China more than 0", BEGUN),
        ("2026-08-31", "H200s delivered to China more than 0", BEGUN),
        ("2026-07-31", "H200s delivered to China more than 0", "deliveries have begun (more than 0 chips)"),
        ("2026-06-30", "H200s delivered to China 0", "deliveries reported: none"),
    ],
)
def test_overview_tells_the_story_at_its_date(as_of, delivered, title, monkeypatch) -> None:
    at = _run("overview", as_of, monkeypatch)
    text = visible_text(at)
    assert delivered in text.splitlines()
    assert any(title in t for t in _chart_titles(at)), _chart_titles(at)
    if as_of == "2026-06-30":
        assert "begun" not in text and "10,000" not in text


@pytest.mark.parametrize("as_of", ["2026-12-01", "2026-06-30"])
def test_buyers_table_reads_none_reported_not_a_june_zero(as_of, monkeypatch) -> None:
    at = _run("buyers", as_of, monkeypatch)
    table = at.dataframe[0].value.set_index("organisation")
    if as_of == "2026-12-01":
        assert table.loc["ByteDance", "Delivered"] == "about 10,000"
        # allowed vs delivered vs held offshore, side by side
        assert table.loc["ByteDance", "Cap"] == "up to 75,000"
        assert table.loc["ByteDance", "China status"] == "Conditional: Beijing wants most H200s kept offshore"
        assert table.loc["Tencent", "Delivered"] == "about 10,000"
        assert table.loc["Alibaba", "Delivered"] == "None reported"
        assert table.loc["Alibaba", "Market-wide step (China)"] == "Conditional (market-wide, 19 Aug 2026)"
    else:
        assert table.loc["Alibaba", "Delivered"] == "0"
        assert table.loc["ByteDance", "Market-wide step (China)"] == "Paused (market-wide, 1 Jun 2026)"
    assert table.loc["Alibaba", "Restriction lists"] == "8 Jun: Alibaba on Pentagon 1260H list"
