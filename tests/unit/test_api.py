"""The data API (server/api.py): plain 400s and 404s, cache headers, nothing after as_of,
provenance on every row, formula-safe CSV. Served by Starlette's test client, no browser."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from data.load import load_seeds
from server.routes import routes

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = """source:
  id: 2026-02-02-test-wire-formula
  title: =HYPERLINK("https://evil.example","click")
  publisher: "@Test Wire"
  published: 2026-02-02
  kind: wire
  accessed: 2026-11-20
  reliability: Written for the API tests.
  confidence: medium
claims:
  - id: tw-0202.formula
    kind: statement
    date: 2026-02-02
    actors: [nvidia]
    product: h200
    side: US
    attribution: {type: anonymous_sources}
    summary: =cmd|' /C calc'!A0 a summary that starts like a formula.
"""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(Starlette(routes=routes()))


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/v1/timeline.csv?as_of=2026-13-01", "Cannot use `as_of=2026-13-01`"),
        ("/api/v1/overview.json?confidence=Sometimes", "Cannot use `confidence=Sometimes`"),
        ("/api/v1/buyers.csv?buyers=Nobody+Inc", "Cannot use `buyers=Nobody Inc`"),
        ("/api/v1/chips.csv?metric=Colour", "Cannot use `metric=Colour`"),
        ("/api/v1/supply-demand.csv?every=maybe", "Cannot use `every=maybe`"),
        ("/api/v1/whats-new.json?since=yesterday", "Cannot use `since=yesterday`"),
        ("/api/v1/sources.csv?colour=red", "Unknown parameter `colour`"),
        ("/api/v1/claims.csv?q=customs", "Unknown parameter `q`"),
    ],
)
def test_a_bad_parameter_gets_a_plain_400(client, url, words) -> None:
    answer = client.get(url)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/plain")
    assert words in answer.text and "Traceback" not in answer.text


@pytest.mark.parametrize(
    "url", ["/api/v1/nothing.csv", "/api/v1/add-report.csv", "/api/v1/briefings.json", "/api/v1/overview.xlsx"]
)
def test_an_unknown_table_or_format_is_a_404(client, url) -> None:
    answer = client.get(url)
    assert answer.status_code == 404 and "Traceback" not in answer.text and answer.text.strip()


def test_an_unknown_table_name_on_a_page_is_a_404(client) -> None:
    answer = client.get("/api/v1/timeline.csv?table=secrets")
    assert answer.status_code == 404
    assert "timeline-all" in answer.text


def test_etag_and_last_modified_come_from_the_seeds_and_304_on_a_match(client) -> None:
    first = client.get("/api/v1/overview.csv?as_of=2026-03-01")
    assert first.status_code == 200 and first.headers["etag"].startswith('"')
    assert first.headers["last-modified"].endswith("GMT")
    again = client.get("/api/v1/overview.csv?as_of=2026-03-01", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/overview.csv?as_of=2026-04-01")
    assert other.headers["etag"] != first.headers["etag"]


def test_nothing_after_as_of_in_the_whole_tables(client) -> None:
    seeds = load_seeds(ROOT / "seeds")
    claims = pd.read_csv(io.BytesIO(client.get("/api/v1/claims.csv?as_of=2026-03-01").content))
    assert len(claims) > 0
    published = {sid: s.available_from for sid, s in seeds.sources.items()}
    assert all(published[s] <= dt.date(2026, 3, 1) for s in claims["Source id"])
    sources = client.get("/api/v1/sources.json?as_of=2026-03-01").json()
    rows = sources["tables"]["sources"]["data"]
    assert rows and all(published[r["source_id"]] <= dt.date(2026, 3, 1) for r in rows)
    assert sources["as_of"] == "2026-03-01"


def test_rows_carry_claim_and_source_ids_basis_and_the_bound_in_words(client) -> None:
    body = client.get("/api/v1/overview.json?as_of=2026-06-05").json()
    rows = body["tables"]["overview"]["data"]
    assert rows
    for row in rows:
        assert row["claim_ids"] and row["source_ids"] and row["basis"] in ("reported", "derived", "assumed")
        assert row["as_reported"]
    assert any(r["as_reported"].startswith("more than") for r in rows)  # "more than 2,000,000" stays a bound
    claims = pd.read_csv(io.BytesIO(client.get("/api/v1/claims.csv").content))
    assert {"Claim id", "Source id", "Basis", "As reported"} <= set(claims.columns)


def test_csv_text_is_formula_safe(tmp_path, monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "sources" / "2026-02-02-test-wire-formula.yaml").write_text(HOSTILE)
    monkeypatch.setenv("H200_SEEDS_DIR", str(seeds))
    client = TestClient(Starlette(routes=routes()))
    claims = pd.read_csv(io.BytesIO(client.get("/api/v1/claims.csv?as_of=2026-02-02").content))
    hostile = claims[claims["Claim id"] == "tw-0202.formula"]
    assert hostile["What was reported"].iloc[0].startswith("'=cmd")
    assert hostile["Publisher"].iloc[0] == "'@Test Wire"
    reports = pd.read_csv(io.BytesIO(client.get("/api/v1/sources.csv").content))
    assert reports.loc[reports["Source id"] == "2026-02-02-test-wire-formula", "Title"].iloc[0].startswith("'=")
