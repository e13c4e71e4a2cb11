"""The one entry the data API and the deck use: ``build_view(page, seeds, raw_link)``."""

from __future__ import annotations

import datetime as dt

import pytest

from components.registry import BY_ID, PAGES
from components.view import PageView, build_view, frozen, link_of, read_view_link


def _link(page) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in page.example_link}


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_every_page_builds_its_view_from_its_example_link(page, real_seeds) -> None:
    view = build_view(page.page_id, real_seeds, _link(page))
    assert isinstance(view, PageView) and view.page_id == page.page_id and view.title == page.title
    assert view.question == page.question and view.params == read_view_link(page, real_seeds, _link(page)).values
    assert view.as_of == dt.date.fromisoformat(_link(page)["as_of"])
    assert not view.notices
    for chart in view.charts:
        assert chart.title and chart.alt and chart.key
        assert all(s in real_seeds.sources for s in chart.source_ids)
    for table in view.tables:
        human = table.human()
        assert not [c for c in human.columns if "_" in str(c)], f"{table.name}: {list(human.columns)}"
    assert view.slide_chart is not None or view.lead == "cards" or view.empty


def test_the_link_of_a_view_reads_back_to_the_same_view(real_seeds) -> None:
    for page in PAGES:
        values = read_view_link(page, real_seeds, _link(page)).values
        pairs = link_of(page, real_seeds, values)
        raw = {k: [str(x) for x in v] if isinstance(v, list) else v for k, v in pairs.items()}
        raw = {k: ("true" if v is True else v.isoformat() if isinstance(v, dt.date) else v) for k, v in raw.items()}
        again = read_view_link(page, real_seeds, {k: v if isinstance(v, list) else str(v) for k, v in raw.items()})
        assert frozen(again.values) == frozen(values), page.page_id


def test_an_unknown_page_is_a_key_error_and_bad_values_are_notices(real_seeds) -> None:
    with pytest.raises(KeyError, match="no page named"):
        build_view("nowhere", real_seeds, {})
    view = build_view(BY_ID["chips"], real_seeds, {"as_of": "2026-99-99", "metric": ["x" * 5000], "confidence": "<b>"})
    assert len(view.notices) == 3 and view.charts
