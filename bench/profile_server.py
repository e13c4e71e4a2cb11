"""Run ``streamlit run`` under cProfile: one profile per page (script threads) plus the event loop.

Why a launcher: ``python -m cProfile -m streamlit run`` only sees the main thread, but each page
runs in a ScriptRunner thread. The timer is the thread's own CPU time, so waiting for the GIL
or for other processes on a busy machine does not count. This wraps ``ScriptRunner._run_script`` in a per-run profiler
(keyed by the page's URL path) and profiles the main thread (websocket I/O, message
serialisation) separately. Profiles are written as pstats files when the server stops:
``<out>/page-<name>.prof`` and ``<out>/main-thread.prof``.

Usage: ``python -m bench.profile_server OUTDIR run app.py --server.port ...``; set
``BENCH_PROFILE_SKIP_RUNS=N`` to leave the first N script runs (the warm-up) out.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import signal
import sys
import threading
import time
from pathlib import Path

_LOCK = threading.Lock()
_STATS: dict[str, pstats.Stats] = {}
_RUNS: dict[str, int] = {}
_SKIP = [int(os.environ.get("BENCH_PROFILE_SKIP_RUNS", "0"))]  # warm-up runs left unprofiled


def page_key(page_name: str) -> str:
    """A file-name-safe key for a page: '' (the default page) -> 'root'."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in page_name) or "root"


def _install_script_profiler() -> None:
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    original = ScriptRunner._run_script

    def profiled(self: ScriptRunner, rerun_data: object) -> None:
        key = page_key(getattr(rerun_data, "page_name", "") or "")
        with _LOCK:
            skip = _SKIP[0] > 0
            _SKIP[0] -= 1
        if skip:
            return original(self, rerun_data)
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        try:
            return original(self, rerun_data)
        finally:
            profiler.disable()
            with _LOCK:
                if key in _STATS:
                    _STATS[key].add(profiler)
                else:
                    _STATS[key] = pstats.Stats(profiler)
                _RUNS[key] = _RUNS.get(key, 0) + 1

    ScriptRunner._run_script = profiled  # type: ignore[method-assign]


def _dump(out: Path, main_profiler: cProfile.Profile) -> None:
    out.mkdir(parents=True, exist_ok=True)
    main_profiler.dump_stats(out / "main-thread.prof")
    with _LOCK:
        for key, stats in _STATS.items():
            stats.dump_stats(out / f"page-{key}.prof")
        (out / "runs.txt").write_text("".join(f"{key} {count}\n" for key, count in sorted(_RUNS.items())))


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    _install_script_profiler()
    from streamlit.web import cli

    # uvicorn (st.App mode) restores the SIGTERM handler it found and re-raises the signal on
    # shutdown; with the default handler the process died before the profiles were written.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    main_profiler = cProfile.Profile(time.thread_time)
    main_profiler.enable()
    code = 0
    try:
        cli.main(args=argv[1:], prog_name="streamlit", standalone_mode=False)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    finally:
        main_profiler.disable()
        _dump(out, main_profiler)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
