"""The app as the benchmarks serve it: the same router plus a hidden baseline page, with each
script run's wall and CPU time appended to ``H200_BENCH_TIMING_FILE`` (or kept in ``bench.timing.RUN_TIMES``).

Timing lives here, not in the app: ``streamlit run bench/timed_app.py``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st

from bench.timing import RUN_TIMES
from components.ui.router import build_navigation

baseline = st.Page(
    str(ROOT / "bench" / "baseline_page.py"), title="Baseline", url_path="bench-baseline", visibility="hidden"
)
navigation = build_navigation([baseline])
started, cpu_started = time.perf_counter(), time.thread_time()
try:
    navigation.run()
finally:
    elapsed, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    RUN_TIMES.append(elapsed)
    log = os.environ.get("H200_BENCH_TIMING_FILE")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{elapsed:.6f} {cpu:.6f}\n")
