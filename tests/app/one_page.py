"""Open one page of the app in AppTest, with link parameters, and fail on any exception it shows.

The page is picked by ``H200_TEST_PAGE``, read by ``one_page_app.py`` (the app with only that page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")


def open_page(monkeypatch: pytest.MonkeyPatch, page_id: str, params: dict[str, str]) -> AppTest:
    """The page run once with ``params`` as its link; no exception on screen."""
    monkeypatch.setenv("H200_TEST_PAGE", page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
