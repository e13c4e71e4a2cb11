"""URL -> state for every page: a link's parameters come back as widget values (AppTest).

State -> URL is the browser's job (the frontend writes bound widgets into the address bar);
tests/browser/test_share_present_export.py covers that direction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import PAGES
from components.ui.links import widget_value

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")

LINKS = {
    page.page_id: (
        {k: list(v) if isinstance(v, tuple) else v for k, v in page.example_link},
        {
            k: widget_value(k, list(v) if isinstance(v, tuple) else v)
            for k, v in page.example_link
            if k not in ("as_of", "confidence")
        },
    )
    for page in PAGES
}


def test_every_page_has_an_example_link() -> None:
    assert all(page.example_link for page in PAGES)


def _open_with_link(page_id: str, params: dict, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("H200_TEST_PAGE", page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("page_id", list(LINKS))
def test_link_parameters_become_widget_values(page_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    params, expected = LINKS[page_id]
    at = _open_with_link(page_id, params, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["as_of"] == dt.date.fromisoformat(params["as_of"])
    if "confidence" in params:
        assert at.session_state["confidence"] == params["confidence"]
    for key, value in expected.items():
        if key == "tab":
            continue  # st.tabs keeps its state in the frontend
        assert at.session_state[key] == value, key
    status = " ".join(m.value for m in at.markdown)
    assert f"Data as of **{dt.date.fromisoformat(params['as_of']):%d %b %Y}**" in status
