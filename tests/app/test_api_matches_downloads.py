"""The data API gives, for each page's example link, exactly the CSV the page offers for download.

Each page is opened in AppTest with its ``PageSpec.example_link``; every CSV download button's
data (built by the page's own callable) is read back with pandas and compared with
``pandas.read_csv`` on ``/api/v1/<url_path>.csv`` with the same parameters (``?table=`` naming
the download). If the page and the API drift apart, this fails.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from components.registry import PAGES
from server.page_tables import BUILDERS
from server.routes import routes

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")
WITH_DOWNLOADS = [p for p in PAGES if p.page_id in BUILDERS and p.page_id != "whats_new"]


class RecordingMediaFiles(MediaFileManager):
    """AppTest's media manager, kept so the test can run a download button's deferred callable."""

    made: ClassVar[list[MediaFileManager]] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        RecordingMediaFiles.made.append(self)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=routes()))


def _query(page) -> list[tuple[str, str]]:
    pairs = []
    for key, value in page.example_link:
        pairs += [(key, v) for v in value] if isinstance(value, tuple) else [(key, value)]
    return pairs


def _downloads(page, monkeypatch) -> tuple[dict[str, bytes], list[str]]:
    """Every CSV download on the page opened at its example link ({button key: bytes}), and
    the code blocks it shows ("Use this data" among them)."""
    monkeypatch.setattr(app_test_module, "MediaFileManager", RecordingMediaFiles)
    monkeypatch.setenv("H200_TEST_PAGE", page.page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=120)
    for key, value in page.example_link:
        at.query_params[key] = list(value) if isinstance(value, tuple) else value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    manager = RecordingMediaFiles.made[-1]
    out = {}
    for button in at.get("download_button"):
        if button.key and button.key.startswith("csv-"):
            out[button.key] = manager._deferred_callables[button.proto.deferred_file_id]["callable"]()
    return out, [c.value for c in at.code]


def _table_for(key: str, tables: set[str]) -> str:
    """``csv-<name>-filtered`` -> ``<name>``; ``csv-<name>-all`` -> ``<name>-all`` (or ``<name>``
    on a page whose only download is the whole table)."""
    name, _, variant = key.removeprefix("csv-").rpartition("-")
    if variant == "all" and f"{name}-all" in tables:
        return f"{name}-all"
    return name


@pytest.mark.parametrize("page", WITH_DOWNLOADS, ids=[p.page_id for p in WITH_DOWNLOADS])
def test_api_csv_equals_the_pages_csv_download(page, client, monkeypatch) -> None:
    downloads, code = _downloads(page, monkeypatch)
    assert downloads, f"{page.page_id} offers no CSV download"
    listing = client.get(f"/api/v1/{page.url_path}.json?{urlencode(_query(page))}")
    assert listing.status_code == 200, listing.text
    tables = set(listing.json()["tables"])
    for key, data in downloads.items():
        table = _table_for(key, tables)
        assert table in tables, (key, tables)
        url = f"/api/v1/{page.url_path}.csv?{urlencode([*_query(page), ('table', table)])}"
        answer = client.get(url)
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("text/csv")
        from_page = pd.read_csv(io.BytesIO(data))
        from_api = pd.read_csv(io.BytesIO(answer.content))
        assert len(from_page) > 0 or page.page_id == "sources", key
        pd.testing.assert_frame_equal(from_api, from_page, obj=f"{page.page_id} {key}")
    assert os.environ["H200_TEST_PAGE"] == page.page_id
    # "Use this data" names the address of exactly the page's main download, with the view pinned
    shown = next(c for c in code if "/api/v1/" in c and c.startswith("http") and ".csv" in c)
    address = urlsplit(shown)
    assert "as_of=" in address.query
    main = next((k for k in downloads if k.endswith("-filtered")), next(iter(downloads)))
    answer = client.get(f"{address.path}?{address.query}")
    assert answer.status_code == 200, (shown, answer.text)
    pd.testing.assert_frame_equal(
        pd.read_csv(io.BytesIO(answer.content)), pd.read_csv(io.BytesIO(downloads[main])), obj=shown
    )
    assert any(f'pd.read_csv("{shown}")' in c for c in code)
    assert any(c == f'=IMPORTDATA("{shown}")' for c in code)
