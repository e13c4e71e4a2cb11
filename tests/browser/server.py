"""Start ``streamlit run app.py`` on a free port and a headless Chromium for browser tests.

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
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]
STREAMLIT_RUN = [sys.executable, "-m", "streamlit", "run"]  # what `make run` and deploy/ use too
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def system_chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


@contextlib.contextmanager
def streamlit_server(env: dict[str, str] | None = None, script: str = "app.py", cwd: Path = ROOT) -> Iterator[str]:
    """``streamlit run script`` on 127.0.0.1 (``script`` relative to ``cwd``); yield its base URL; stop it.

    The server's output goes to a temporary file, not a pipe, so a chatty server never blocks."""
    port = free_port()
    command = [
        *STREAMLIT_RUN,
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            _wait_healthy(url, process, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_healthy(url: str, process: subprocess.Popen, log: IO[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"streamlit exited early:\n{log.read().decode(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy within 60 s")


def launch_browser(playwright):
    executable = system_chromium()
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS[1:], headless=True)
