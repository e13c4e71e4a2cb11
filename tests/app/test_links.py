"""URL -> state for every page: a link's parameters come back as control values (AppTest), read
through the page's declared link parameters; bad values give a notice each.

State -> URL is the browser's job for bound controls (tests/browser/test_share_present_export.py);
for the others the page writes the address bar itself, which is checked here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import BY_ID, PAGES
from components.ui.views import widget_form
from components.view import read_view_link

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")


def _link(page) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in page.example_link}


def test_every_page_has_an_example_link() -> None:
    assert all(page.example_link for page in PAGES)


def _open_with_link(page_id: str, params: dict, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("H200_TEST_PAGE", page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("page_id", [p.page_id for p in PAGES])
def test_link_parameters_become_control_values(page_id: str, monkeypatch: pytest.MonkeyPatch, real_seeds) -> None:
    page = BY_ID[page_id]
    params = _link(page)
    expected = read_view_link(page, real_seeds, params)
    assert not expected.notices, expected.notices  # the example link is valid
    at = _open_with_link(page_id, params, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["as_of"] == dt.date.fromisoformat(params["as_of"])
    for param in page.params:
        if param.name not in params or param.name in ("as_of", "tab") or not param.widget:
            continue  # st.tabs keeps its state in the frontend
        assert at.session_state[param.name] == widget_form(param, expected.values[param.name]), param.name
    status = " ".join(m.value for m in at.markdown)
    assert f"Data as of **{dt.date.fromisoformat(params['as_of']):%d %b %Y}**" in status


OLD_LINKS = {  # labels that older links and briefings carried, and the ids they mean
    "timeline": (
        {"lanes": ["Nvidia"], "kinds": ["Statement"], "window": "All dates"},
        {"lanes": ["nvidia"], "kinds": ["statement"], "window": "all"},
    ),
    "chips": ({"metric": "Total processing performance"}, {"metric": "tpp"}),
    "sources": ({"conflict": "C1, C17 · cn-first-batch-chips", "tab": "Conflicts"}, {"conflict": "c1-c17"}),
    "buyers": ({"buyers": ["ByteDance", "JD.com"]}, {"buyers": ["bytedance", "jd-com"]}),
}


@pytest.mark.parametrize("page_id", list(OLD_LINKS))
def test_old_links_with_labels_are_still_read_and_rewritten_as_ids(page_id: str, monkeypatch) -> None:
    old, ids = OLD_LINKS[page_id]
    at = _open_with_link(page_id, {"as_of": "2026-06-05", **old}, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert not [i.value for i in at.info if "Ignored" in i.value]
    for key, value in ids.items():
        assert at.session_state[key] == value, key
        got = at.query_params[key]
        assert (got if isinstance(got, list) else [got]) == (value if isinstance(value, list) else [value]), key


@pytest.mark.parametrize(
    ("page_id", "bad", "shown"),
    [
        ("timeline", {"dates": ["2026-99-01", "2026-03-01"]}, "Ignored `dates=2026-99-01`"),
        ("buyers", {"share_bytedance": "1e23", "split": "true"}, "Ignored `share_bytedance=1e23`"),
        ("supply_demand", {"s_demand": "-5"}, "Ignored `s_demand=-5`"),
        ("sources", {"conflict": "c999", "tab": "Conflicts"}, "Ignored `conflict=c999`"),
        ("chips", {"metric": "speed"}, "Ignored `metric=speed`"),
    ],
)
def test_every_dropped_value_gets_a_notice(page_id: str, bad: dict, shown: str, monkeypatch) -> None:
    at = _open_with_link(page_id, {"as_of": "2026-06-05", **bad}, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    notices = " ".join(i.value for i in at.info)
    assert shown in notices
