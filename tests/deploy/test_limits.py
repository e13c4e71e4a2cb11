"""Per-client limits in the shipped HAProxy configuration, tested with a bounded loopback flood.

Two clients on loopback with different source addresses (127.0.0.2 and 127.0.0.3: all of
127/8 is loopback on Linux). Client A opens 120 idle websockets through the balancer; client B
must still get the page. The frontend is given room for 60 connections so the flood is small;
without a per-client limit (the "before" case) A alone fills it and B waits, which shows the
test can fail. Also: too many requests from one address get 429, and /_stcore/metrics is denied.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import time
from collections.abc import Iterator

import pytest
from websockets.sync.client import ClientConnection, connect

from deploy.cluster import Cluster

FLOOD = 120
FRONTEND_MAXCONN = 60
CLIENT_MAXCONN = 20


def _socket_from(source: str, port: int) -> socket.socket:
    sock = socket.socket()
    sock.bind((source, 0))
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    return sock


@contextlib.contextmanager
def _idle_websockets(port: int, source: str, count: int) -> Iterator[list[ClientConnection]]:
    """Open up to ``count`` websockets from ``source`` and hold them; yields the ones that opened."""
    opened: list[ClientConnection] = []
    failures_in_a_row = 0
    try:
        for _ in range(count):
            try:
                sock = _socket_from(source, port)
                opened.append(connect(f"ws://127.0.0.1:{port}/_stcore/stream", sock=sock, open_timeout=1))
                failures_in_a_row = 0
            except Exception:  # refused, reset or not answered: counted by the caller
                failures_in_a_row += 1
                if failures_in_a_row >= 5:  # the balancer takes no more from this client
                    break
        yield opened
    finally:
        for ws in opened:
            with contextlib.suppress(Exception):
                ws.close()


def _page_status(port: int, source: str, path: str = "/", timeout: float = 5) -> int | str:
    """GET ``path`` from ``source``; the status, or "timeout" when the balancer never answers."""
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
        conn.request("GET", path)
        status = conn.getresponse().status
        conn.close()
        return status
    except TimeoutError:
        return "timeout"
    except OSError as error:
        return f"error {error}"


@pytest.mark.parametrize("per_client_limit", [False, True], ids=["no-per-client-limit", "shipped-limits"])
def test_one_client_with_many_idle_websockets_cannot_lock_others_out(per_client_limit: bool) -> None:
    limits = {"frontend_maxconn": FRONTEND_MAXCONN, "client_maxconn": CLIENT_MAXCONN if per_client_limit else 100_000}
    with Cluster(processes=1, limits=limits) as url:
        port = int(url.rsplit(":", 1)[1])
        assert _page_status(port, "127.0.0.3") == 200
        started = time.monotonic()
        with _idle_websockets(port, "127.0.0.2", FLOOD) as held:
            flood_seconds = time.monotonic() - started
            other = _page_status(port, "127.0.0.3")
            if per_client_limit:
                assert len(held) <= CLIENT_MAXCONN, len(held)
                assert other == 200, (other, len(held), flood_seconds)
            else:  # the finding, reproduced: A holds every slot and B is not served
                assert len(held) >= FRONTEND_MAXCONN - 2, len(held)
                assert other != 200, (other, len(held))
        if per_client_limit:
            assert _page_status(port, "127.0.0.2") == 200  # A is served again once it lets go


def test_request_rate_per_client_and_metrics_denied() -> None:
    with Cluster(processes=1, limits={"client_rate": 30}) as url:
        port = int(url.rsplit(":", 1)[1])
        statuses = [_page_status(port, "127.0.0.2", "/_stcore/health") for _ in range(45)]
        assert statuses[:25] == [200] * 25 and 429 in statuses[30:], statuses
        assert _page_status(port, "127.0.0.3", "/_stcore/health") == 200  # another client is not slowed
        assert _page_status(port, "127.0.0.4", "/_stcore/metrics") == 403
        assert _page_status(port, "127.0.0.4", "/buyers/_stcore/metrics") == 403
