"""A Streamlit 1.67 client that speaks the websocket protocol directly, without a browser.

Why: a load test with real browsers measures the browsers (20 headless Chromium tabs use up a
2-core machine before the app does). This client does what the frontend does on the wire and
nothing else:

* opens ``/_stcore/stream`` with the ``streamlit`` subprotocol (the frontend repurposes the
  ``Sec-WebSocket-Protocol`` header: entry 1 selects the protocol, entry 2 carries the XSRF
  token, entry 3 an existing session id; we send only the first, as a fresh tab does when no
  auth cookie is set);
* sends a ``BackMsg.rerun_script`` whose ``ClientState`` holds the query string, the page's
  ``page_script_hash`` (empty on a fresh load) and ``page_name`` = the URL path without slashes
  (``/buyers`` -> ``buyers``), which ``st.navigation`` matches against each page's
  ``url_pathname`` (``runtime/pages_manager.py``);
* reads ``ForwardMsg`` protobufs until ``script_finished`` reports the end of the run
  (``FINISHED_EARLY_FOR_RERUN`` means another run follows, so it keeps reading);
* remembers the hashes of cacheable messages and reports them on later reruns of the same
  session, as the frontend's message cache does;
* answers the server's own pings (the websockets library does so while the connection is open,
  even between loads) and pings the server on its own schedule, counting pongs that come late
  (a busy server stops answering pings: a browser user then sees "Connecting...").
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import urllib.parse
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

_FINISHED = ForwardMsg.ScriptFinishedStatus
RUN_DONE = {_FINISHED.FINISHED_SUCCESSFULLY, _FINISHED.FINISHED_WITH_COMPILE_ERROR}


@dataclass
class LoadResult:
    """One page load as the client saw it."""

    path: str
    wall_s: float = 0.0
    bytes: int = 0
    messages: int = 0
    ref_messages: int = 0  # messages the server replaced by a reference to the client's cache
    error: str | None = None
    fresh: bool = True  # a new websocket session (True) or navigation inside an open one

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class PingStats:
    """Pongs the server owed this session: how many, how late, how many never came in time."""

    sent: int = 0
    answered: int = 0
    missed: int = 0
    max_delay_s: float = 0.0
    delays: list[float] = field(default_factory=list)


def stream_url(base_url: str) -> str:
    """``http://127.0.0.1:8501/`` -> ``ws://127.0.0.1:8501/_stcore/stream`` (base path kept)."""
    parts = urllib.parse.urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    path = parts.path.rstrip("/") + "/_stcore/stream"
    return urllib.parse.urlunsplit((scheme, parts.netloc, path, "", ""))


def page_name_for(path: str) -> str:
    """The ``page_name`` the frontend sends for a URL path: ``/buyers/`` -> ``buyers``, ``/`` -> ``''``."""
    return urllib.parse.unquote(path.split("?", 1)[0]).strip("/")


def exception_text(msg: ForwardMsg) -> str | None:
    """The message of an ``st.exception`` element (an uncaught error in the page), else None."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    if element.WhichOneof("type") != "exception":
        return None
    return f"{element.exception.type}: {element.exception.message}"[:300]


class StreamlitSession:
    """One simulated browser tab: a websocket session that can load pages one after another."""

    def __init__(
        self,
        base_url: str,
        *,
        ping_interval: float = 2.0,
        ping_timeout: float = 10.0,
        use_cache: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.use_cache = use_cache
        self.pings = PingStats()
        self.page_hashes: dict[str, str] = {}  # url_pathname -> page_script_hash (from Navigation)
        self._cached: set[str] = set()
        self._ws: ClientConnection | None = None
        self._pinger: asyncio.Task[None] | None = None
        self._connect_s = 0.0

    @property
    def is_open(self) -> bool:
        return self._ws is not None

    async def open(self, timeout: float = 30.0) -> None:
        """Connect a new session (what a new browser tab does after fetching the page)."""
        start = time.perf_counter()
        origin = self.base_url.rstrip("/")
        self._ws = await connect(
            stream_url(self.base_url),
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=origin,  # type: ignore[arg-type]
            compression=None,  # server.enableWebsocketCompression is off by default
            max_size=None,
            max_queue=None,
            proxy=None,
            open_timeout=timeout,
            ping_interval=None,  # our own pinger below measures how late pongs come
            close_timeout=2,
        )
        self._connect_s = time.perf_counter() - start
        self._pinger = asyncio.create_task(self._ping_loop())

    async def close(self) -> None:
        if self._pinger is not None:
            self._pinger.cancel()
            self._pinger = None
        if self._ws is not None:
            ws, self._ws = self._ws, None
            with contextlib.suppress(TimeoutError, ConnectionClosed, OSError):
                await asyncio.wait_for(ws.close(), 5)

    async def __aenter__(self) -> StreamlitSession:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _ping_loop(self) -> None:
        while self._ws is not None:
            await asyncio.sleep(self.ping_interval)
            ws = self._ws
            if ws is None:
                return
            try:
                start = time.perf_counter()
                waiter = await ws.ping()
                self.pings.sent += 1
                try:
                    await asyncio.wait_for(asyncio.shield(waiter), self.ping_timeout)
                except TimeoutError:
                    self.pings.missed += 1
                    await waiter  # keep measuring how late it finally comes
                delay = time.perf_counter() - start
                self.pings.answered += 1
                self.pings.delays.append(delay)
                self.pings.max_delay_s = max(self.pings.max_delay_s, delay)
            except (ConnectionClosed, OSError, RuntimeError):
                return

    def _rerun_msg(self, path: str) -> BackMsg:
        page, _, query = path.partition("?")
        name = page_name_for(page)
        back = BackMsg()
        state = back.rerun_script
        state.query_string = query
        state.page_name = name
        state.page_script_hash = self.page_hashes.get(name, "") if self.page_hashes else ""
        if self.use_cache:
            state.cached_message_hashes.extend(sorted(self._cached))
        info = state.context_info
        info.timezone = "UTC"
        info.timezone_offset = 0
        info.locale = "en-US"
        info.url = self.base_url.rstrip("/") + "/" + page.lstrip("/") + (f"?{query}" if query else "")
        info.color_scheme = "light"
        return back

    def _note(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            for app_page in msg.navigation.app_pages:
                self.page_hashes[app_page.url_pathname] = app_page.page_script_hash
        if self.use_cache and msg.metadata.cacheable and msg.hash:
            self._cached.add(msg.hash)

    async def load(self, path: str, timeout: float = 60.0) -> LoadResult:
        """Open ``path`` (``/``, ``/buyers?as_of=...``) and wait until its script run ends.

        A fresh session is connected when none is open (the wall time then includes the
        websocket handshake); otherwise the open session navigates, as a click in the sidebar does.
        """
        fresh = not self.is_open
        result = LoadResult(path=path, fresh=fresh)
        start = time.perf_counter()
        try:
            async with asyncio.timeout(timeout):
                if fresh:
                    await self.open(timeout)
                assert self._ws is not None
                await self._ws.send(self._rerun_msg(path).SerializeToString())
                await self._read_run(result)
        except TimeoutError:
            result.error = f"timeout after {timeout:.0f} s"
        except ConnectionClosed as closed:
            result.error = f"connection closed ({closed.rcvd.code if closed.rcvd else 'no close frame'})"
            await self.close()
        except OSError as error:
            result.error = f"connection failed: {error}"
            await self.close()
        result.wall_s = time.perf_counter() - start
        return result

    async def _read_run(self, result: LoadResult) -> None:
        assert self._ws is not None
        errors: list[str] = []
        while True:
            raw = await self._ws.recv(decode=False)
            result.bytes += len(raw)
            result.messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            self._note(msg)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                result.ref_messages += 1
            elif kind == "page_not_found":
                errors.append(f"page not found: {msg.page_not_found.page_name!r}")
            elif kind == "script_finished":
                if msg.script_finished == _FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    errors.append("script compile error")
                if msg.script_finished in RUN_DONE:
                    break
            elif (text := exception_text(msg)) is not None:
                errors.append(text)
        if errors:
            result.error = "; ".join(errors)


async def load_once(base_url: str, path: str = "/", timeout: float = 60.0) -> LoadResult:
    """One fresh page load in its own session (opened and closed)."""
    session = StreamlitSession(base_url)
    try:
        return await session.load(path, timeout)
    finally:
        await session.close()
