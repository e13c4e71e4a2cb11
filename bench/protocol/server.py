"""The benchmarks' server: the app started by ``scripts.devserver`` (the one home for starting a
server), optionally under a wrapper such as a profiler, with its RSS and CPU time read from /proc.

Why /proc: the server is one process whose script threads, event loop and serialisation all
count, so utime+stime of the process is the server's whole cost of the loads in between.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from scripts.devserver import CLK_TCK, ROOT, Server, app_command, cpu_seconds, free_port, rss_mb, serve

__all__ = ["CLK_TCK", "ROOT", "Server", "cpu_seconds", "exit_on_sigterm", "free_port", "rss_mb", "streamlit_server"]


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
    """Serve ``script`` (relative to ``cwd``) on loopback, under ``launcher`` (e.g. a profiler: it is
    run as ``<launcher> run <script>``) when given; yield the Server; stop it afterwards."""
    command = app_command(script, options, [*launcher, "run"] if launcher else None)
    with serve(command, env=env, port=port, cwd=cwd, start_timeout=start_timeout) as server:
        yield server


def exit_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so ``with streamlit_server(...)`` blocks stop their servers."""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
