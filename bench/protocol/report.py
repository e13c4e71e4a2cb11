"""Shared bits for the protocol benchmarks' command lines and markdown tables."""

from __future__ import annotations

import argparse
import math
import os
import platform
from collections.abc import Sequence
from pathlib import Path


def machine() -> str:
    """One line describing the machine and the versions that matter for these figures."""
    import pandas
    import plotly
    import streamlit

    cpu = "unknown CPU"
    memory = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, Plotly {plotly.__version__}, "
        f"pandas {pandas.__version__}"
    )


def server_options(pairs: Sequence[str]) -> list[str]:
    """``["runner.postScriptGC=false"]`` -> ``["--runner.postScriptGC", "false"]``."""
    out: list[str] = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise argparse.ArgumentTypeError(f"expected section.key=value, got {pair!r}")
        out += [f"--{key.removeprefix('--')}", value]
    return out


def int_list(text: str) -> list[int]:
    """``"1,5,10"`` -> ``[1, 5, 10]`` (argparse type)."""
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {text!r}") from error
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("expected positive integers")
    return values


def num(value: float | None, digits: int = 2) -> str:
    """A number for a table cell; '—' when missing or not a number."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.{digits}f}"


def ratio(a: float | None, b: float | None, digits: int = 2) -> str:
    """``a / b`` as '1.23×'; '—' when either is missing or ``b`` is zero."""
    if a is None or b is None or not b or math.isnan(a) or math.isnan(b):
        return "—"
    return f"{a / b:.{digits}f}×"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Markdown table lines."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
