"""Cross-origin websocket handshakes on a network where DNS stalls must not freeze a replica.

The server runs with tests/deploy/stalled_dns on its PYTHONPATH: looking up checkip.amazonaws.com
(Streamlit's external-IP lookup) hangs for 2 s and fails. Without the project's middleware, three
handshakes from a foreign origin hold the event loop for seconds, so even ``/_stcore/health``
waits (the finding); with ``server.origins.OriginGuard`` they are refused at once and the server
keeps answering. Bounded: three handshakes, about 15 s in all.
"""

from __future__ import annotations

import os
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from scripts.devserver import ROOT, streamlit_server

STALL_SECONDS = 2.0
ENTRY = "tests/deploy/guarded_entry.py"
STALLED_DNS = str(Path(__file__).with_name("stalled_dns"))


def _slowest_health_during_handshakes(url: str, origin: str) -> tuple[float, list[str]]:
    """Open three websockets from ``origin`` at once; the slowest /_stcore/health meanwhile."""
    outcomes: list[str] = []

    def handshake() -> None:
        try:
            with connect(url.replace("http", "ws") + "/_stcore/stream", origin=origin, open_timeout=20):
                outcomes.append("open")
        except InvalidStatus as refused:
            outcomes.append(f"refused {refused.response.status_code}")
        except Exception as error:
            outcomes.append(f"error {type(error).__name__}")

    threads = [threading.Thread(target=handshake) for _ in range(3)]
    for thread in threads:
        thread.start()
    slowest = 0.0
    deadline = time.monotonic() + 3 * STALL_SECONDS + 2
    while time.monotonic() < deadline and any(t.is_alive() for t in threads):
        started = time.monotonic()
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as response:
            assert response.status == 200
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=30)
    return slowest, outcomes


def _env(no_middleware: bool) -> dict[str, str]:
    return {
        "PYTHONPATH": os.pathsep.join([STALLED_DNS, str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        "H200_TEST_DNS_STALL": str(STALL_SECONDS),
        "H200_TEST_NO_MIDDLEWARE": "1" if no_middleware else "0",
    }


@pytest.mark.parametrize("no_middleware", [True, False], ids=["streamlit-alone", "with-origin-guard"])
def test_foreign_origin_handshakes_do_not_stall_the_event_loop(no_middleware: bool) -> None:
    with streamlit_server(env=_env(no_middleware), script=ENTRY) as url:
        slowest, outcomes = _slowest_health_during_handshakes(url, "http://intranet.example.net")
    if no_middleware:  # the simulation really stalls Streamlit (otherwise this test proves nothing)
        assert slowest >= STALL_SECONDS, (slowest, outcomes)
    else:
        assert slowest < 0.5, (slowest, outcomes)
        assert outcomes == ["refused 403"] * 3


def test_same_origin_and_listed_origins_still_connect() -> None:
    env = {**_env(False), "STREAMLIT_SERVER_CORS_ALLOWED_ORIGINS": "http://portal.example.net"}
    with streamlit_server(env=env, script=ENTRY) as url:
        same = url  # the page's own origin
        slowest, outcomes = _slowest_health_during_handshakes(url, same)
        assert outcomes == ["open"] * 3 and slowest < 0.5, (slowest, outcomes)
        slowest, outcomes = _slowest_health_during_handshakes(url, "http://portal.example.net")
        assert outcomes == ["open"] * 3 and slowest < 0.5, (slowest, outcomes)
