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
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

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
    """``streamlit run script`` on 127.0.0.1 (``script`` relative to ``cwd``); yield its base URL; stop it."""
    port = free_port()
    process = subprocess.Popen(
        [
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
        ],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited early:\n{process.stdout.read().decode() if process.stdout else ''}"
                )
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not become healthy within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def launch_browser(playwright):
    executable = system_chromium()
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS[1:], headless=True)
