"""The protocol-level load client against real servers, and the archive generator.

Servers are started on free loopback ports (a few seconds each); no timing is asserted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.archive import build_archive
from bench.protocol.client import StreamlitSession, load_once, page_name_for, stream_url
from bench.protocol.drive import percentile, run_step
from bench.protocol.server import Server, streamlit_server
from data.load import load_seeds

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "valid" / "seeds"


@pytest.fixture(scope="module")
def bare() -> Iterator[Server]:
    """The bare one-chart page, served once for the tests that only read from it."""
    with streamlit_server("bench/baseline_bare/app.py") as server:
        yield server


def test_bare_page_loads_over_the_websocket(bare: Server) -> None:
    result = asyncio.run(load_once(bare.url, "/", timeout=30))
    step = asyncio.run(run_step(bare.url, ["/"], 2, 2, server_cpu=bare.cpu, server_rss=bare.rss))
    assert result.error is None
    assert result.bytes > 1000  # the Plotly figure's JSON travels in the page's messages
    assert result.messages >= 3
    assert len(step.loads) == 4
    assert step.errors == 0
    assert step.server_cpu_s is not None and step.server_cpu_s > 0
    assert step.rss_peak_mb is not None and step.rss_peak_mb > 10


def test_a_page_that_raises_is_an_error() -> None:
    with streamlit_server("tests/bench/error_page.py") as server:
        result = asyncio.run(load_once(server.url, "/", timeout=30))
    assert result.error is not None
    # the project hides error details from viewers (showErrorDetails = "none"): the client still sees an error
    assert "RuntimeError" in result.error or "encountered an error" in result.error
    assert result.bytes > 0  # the run did finish: the error is what it sent, not a timeout


def test_a_closed_port_is_an_error_not_a_hang() -> None:
    from bench.protocol.server import free_port

    result = asyncio.run(load_once(f"http://127.0.0.1:{free_port()}/", "/", timeout=10))
    assert result.error is not None
    assert result.error.startswith("connection failed")


def test_session_reuse_navigates_without_reconnecting(bare: Server) -> None:
    async def two_loads(url: str) -> tuple[bool, bool]:
        session = StreamlitSession(url)
        try:
            first = await session.load("/", timeout=30)
            second = await session.load("/", timeout=30)
        finally:
            await session.close()
        assert first.ok and second.ok, (first.error, second.error)
        return first.fresh, second.fresh

    assert asyncio.run(two_loads(bare.url)) == (True, False)


@pytest.mark.parametrize(
    ("path", "name"), [("/", ""), ("/buyers", "buyers"), ("/supply-demand/", "supply-demand"), ("/a?x=1", "a")]
)
def test_page_name_is_the_url_path_without_slashes(path: str, name: str) -> None:
    assert page_name_for(path) == name


def test_stream_url_keeps_the_base_path() -> None:
    assert stream_url("http://127.0.0.1:8501/") == "ws://127.0.0.1:8501/_stcore/stream"
    assert stream_url("https://host/tracker/") == "wss://host/tracker/_stcore/stream"


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 0.5) == 10.0
    assert percentile(values, 0.95) == 19.0
    assert percentile([3.0], 0.95) == 3.0


def test_archive_multiplies_sources_and_loads_clean(tmp_path: Path) -> None:
    original = load_seeds(VALID)
    assert not original.problems
    info = build_archive(VALID, tmp_path / "x3", 3)
    grown = load_seeds(tmp_path / "x3")
    assert grown.problems == []
    assert len(grown.sources) == 3 * len(original.sources) == info.sources
    assert len(grown.claims) == 3 * len(original.claims) == info.claims
    claims = grown.claims_by_id()
    linked = [r.claim for r in grown.claims if r.claim.contradicts and r.claim.id.endswith("-x2")]
    assert linked, "the fixture's contradicts links must be copied"
    for claim in linked:
        assert all(target.endswith("-x2") and target in claims for target in claim.contradicts)
    assert set(grown.organisations) == set(original.organisations)  # reference files unchanged
