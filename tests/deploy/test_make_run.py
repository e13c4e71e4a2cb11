"""`make run` listens on 127.0.0.1 unless told otherwise, and starts plain `streamlit run app.py`."""

from __future__ import annotations

import subprocess

from scripts.devserver import ROOT


def _make_run(*assignments: str) -> str:
    done = subprocess.run(
        ["make", "-n", "--always-make", "run", *assignments], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return next(line for line in done.stdout.splitlines() if "streamlit run" in line)


def test_make_run_binds_loopback_by_default() -> None:
    command = _make_run()
    assert "-m streamlit run app.py" in command
    assert "--server.address 127.0.0.1" in command


def test_host_opens_it_on_purpose() -> None:
    assert "--server.address 0.0.0.0" in _make_run("HOST=0.0.0.0")
