"""One home for starting the app on a free loopback port, for the tests, the benchmarks and the
scripts (none of them imports another's helpers), and for the headless Chromium they drive.

``serve`` takes the command to run as a function of the port, so how the app is started is
decided in one place: ``LAUNCHER`` / ``app_command``. Change that, and every test, benchmark and
screenshot follows.

Chromium: Debian's /usr/bin/chromium when present (Playwright's own download does not work on
machines without internet), else the browser Playwright installed.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLK_TCK = os.sysconf("SC_CLK_TCK")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
Command = Callable[[int], Sequence[str]]
"""The command that serves the app on the given port."""
SERVE = ROOT / "scripts" / "serve.py"
STREAMLIT_RUN = [sys.executable, "-m", "streamlit", "run"]
LAUNCHER = [sys.executable, str(SERVE)] if SERVE.exists() else STREAMLIT_RUN
"""How the project starts its server: ``scripts/serve.py`` while it exists (it settles Streamlit's
old multipage mode first), else plain ``streamlit run``. The one line to change when that changes."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_command(script: str = "app.py", options: Sequence[str] = (), launcher: Sequence[str] | None = None) -> Command:
    """How the project serves ``script`` on 127.0.0.1: ``LAUNCHER``, or ``launcher`` in its place
    (a wrapper such as ``python -m cProfile -m streamlit run``); ``options`` are extra
    ``--section.key value`` pairs."""

    def command(port: int) -> list[str]:
        return [
            *(launcher or LAUNCHER),
            script,
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *options,
        ]

    return command


def cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid`` (all its threads), in seconds, from /proc."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may contain spaces
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    """Resident set size of ``pid`` in MB (VmRSS), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Server:
    """A running server: its URL (with a trailing slash), process and log file."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def rss(self) -> float:
        return rss_mb(self.pid)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def stop(process: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    """SIGTERM, wait (profilers write their files on the way out), then SIGKILL."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def wait_healthy(server: Server, timeout: float) -> None:
    """Until ``/_stcore/health`` answers 200; a clear error (with the log's tail) otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s:\n{server.log_tail()}")


@contextlib.contextmanager
def serve(
    command: Command | None = None,
    *,
    env: dict[str, str] | None = None,
    port: int | None = None,
    cwd: Path = ROOT,
    start_timeout: float = 90.0,
) -> Iterator[Server]:
    """Run ``command`` (default: the app, ``app_command()``) on a free port; yield the Server once
    healthy; stop it afterwards."""
    port = port or free_port()
    log = Path(tempfile.mkstemp(prefix="h200-server-", suffix=".log")[1])
    with log.open("wb") as out:
        process = subprocess.Popen(
            list((command or app_command())(port)),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}/", process, log)
    try:
        wait_healthy(server, start_timeout)
        yield server
    finally:
        stop(process)
        log.unlink(missing_ok=True)


@contextlib.contextmanager
def streamlit_server(env: dict[str, str] | None = None, script: str = "app.py", cwd: Path = ROOT) -> Iterator[str]:
    """Serve ``script`` (relative to ``cwd``) on loopback; yield its base URL (no trailing slash)."""
    with serve(app_command(script), env=env, cwd=cwd, start_timeout=60) as server:
        yield server.url.rstrip("/")


def system_chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_browser(playwright: Any) -> Any:
    """Headless Chromium (the system one when present) through Playwright."""
    return playwright.chromium.launch(executable_path=system_chromium(), args=CHROMIUM_FLAGS[1:], headless=True)
