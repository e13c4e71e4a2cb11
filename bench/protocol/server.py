"""Start one ``streamlit run`` process on loopback and read its RSS and CPU time from /proc.

Why /proc: the server is one process whose script threads, event loop and serialisation all
count, so utime+stime of the process is the server's whole cost of the loads in between.
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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid`` (all its threads), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may contain spaces
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    """Resident set size of ``pid`` in MB (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Server:
    """A running server: its URL, process and log file."""

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


def server_command(
    script: str, port: int, python: Sequence[str] | None = None, options: Sequence[str] = ()
) -> list[str]:
    """The command that serves ``script`` on 127.0.0.1:``port`` (``python`` may wrap it, e.g. a profiler).

    ``options`` are extra ``--section.key value`` arguments, e.g. to try ``--runner.postScriptGC false``.
    """
    # plain `streamlit run` (as make run and deploy/ use it) unless a wrapper such as a profiler is given
    launcher = [*python, "run"] if python else [sys.executable, "-m", "streamlit", "run"]
    return [
        *launcher,
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


@contextlib.contextmanager
def streamlit_server(
    script: str = "app.py",
    *,
    env: dict[str, str] | None = None,
    port: int | None = None,
    launcher: Sequence[str] | None = None,
    options: Sequence[str] = (),
    cwd: Path = ROOT,
    start_timeout: float = 90.0,
) -> Iterator[Server]:
    """Serve ``script`` (relative to ``cwd``) on loopback; yield the Server; stop it afterwards."""
    port = port or free_port()
    log = Path(tempfile.mkstemp(prefix="bench-server-", suffix=".log")[1])
    with log.open("wb") as out:
        process = subprocess.Popen(
            server_command(script, port, launcher, options),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}/", process, log)
    try:
        _wait_healthy(server, start_timeout)
        yield server
    finally:
        stop(process)
        log.unlink(missing_ok=True)


def exit_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so ``with streamlit_server(...)`` blocks stop their servers."""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def stop(process: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    """SIGTERM, wait (profilers write their files on the way out), then SIGKILL."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _wait_healthy(server: Server, timeout: float) -> None:
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
