"""Profile the server while the protocol client loads pages; write the hotspots per page.

``python -m bench.profile_load`` serves the app under ``bench.profile_server`` (cProfile around
every script run, keyed by page, plus the event-loop thread), warms it up unprofiled, then one
session loads every page ``--rounds`` times, one load after another (so the profile is the cost
of a load, not of contention). It does this on the real seeds and on a grown archive
(``--factor``), and writes ``bench/notes-load.md``: per page, where the time goes by package
(exclusive time), the cost of a few named stages (inclusive time), and the top functions by
cumulative time. The raw ``.prof`` files stay in ``bench/out/profiles/`` for ``snakeviz`` or
``python -m pstats``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import pstats
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.archive import build_archive
from bench.load import APP_PATHS
from bench.profile_server import page_key
from bench.protocol.client import StreamlitSession
from bench.protocol.drive import warm_up
from bench.protocol.report import machine, server_options, table
from bench.protocol.server import ROOT, exit_on_sigterm, streamlit_server

# Exclusive time is grouped by where the code lives (first match wins).
PACKAGES: tuple[tuple[str, str], ...] = (
    ("/data/", "project data/ (frames, reconcile, load)"),
    ("/components/", "project components/ (figures, ui)"),
    ("/views/", "project views/ / pages/"),
    ("/pages/", "project views/ / pages/"),
    ("site-packages/plotly/", "plotly"),
    ("site-packages/pandas/", "pandas"),
    ("site-packages/pyarrow/", "pyarrow"),
    ("site-packages/numpy/", "numpy"),
    ("site-packages/streamlit/", "streamlit"),
    ("site-packages/pydantic", "pydantic"),
    ("site-packages/yaml/", "yaml"),
    ("json", "json (stdlib)"),
    ("<built-in method gc.collect>", "gc.collect (runner.postScriptGC)"),
    ("<method 'stat' of 'posix.DirEntry' objects>", "os stat calls (seed_fingerprint)"),
    ("_upb._message", "protobuf (C)"),
    ("pandas._libs", "pandas"),
    ("pyarrow", "pyarrow"),
)

# Inclusive time of named stages: (label, file fragment, function name; a trailing * = prefix).
STAGES: tuple[tuple[str, str, str], ...] = (
    ("frame builders (data.frames build_*), cache misses", "/data/frames", "build_*"),
    ("cached frame fetch (components.ui.frame, incl. fingerprint)", "/components/ui.py", "frame"),
    ("seed_fingerprint, all calls (stats every seed file)", "/data/load.py", "seed_fingerprint"),
    ("st.cache_data hits, all (unpickle a copy each)", "streamlit/runtime/caching/cache_data_api.py", "read_result"),
    ("load_seeds (only when seeds changed)", "/data/load.py", "load_seeds"),
    ("headline picking (data.headlines)", "/data/headlines.py", "pick_headlines"),
    ("figure builders (components.figures, incl. Plotly validation)", "/components/figures", "*"),
    ("source footers (components.ui.render_source_footer)", "/components/ui.py", "render_source_footer"),
    ("st.plotly_chart (incl. figure to JSON)", "streamlit/elements/plotly_chart.py", "plotly_chart"),
    ("st.dataframe (incl. Arrow)", "streamlit/elements/arrow.py", "dataframe"),
    ("pandas -> Arrow bytes (inside st.dataframe)", "streamlit/dataframe_util.py", "convert_pandas_df_to_arrow_bytes"),
    ("st.markdown", "streamlit/elements/markdown.py", "markdown"),
    ("message hashing (forward_msg_cache)", "streamlit/runtime/forward_msg_cache.py", "populate_hash_if_needed"),
    ("protobuf SerializeToString", "~", "<method 'SerializeToString' of 'google._upb._message.Message' objects>"),
    ("post-run gc.collect (runner.postScriptGC)", "~", "<built-in method gc.collect>"),
)


def _matches(name: str, pattern: str) -> bool:
    return name.startswith(pattern[:-1]) if pattern.endswith("*") else name == pattern


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--factor", type=int, default=17, help="also profile an archive this many times larger; 0 = no")
    parser.add_argument("--rounds", type=int, default=4, help="passes over every page (loads = rounds × pages)")
    parser.add_argument("--paths", default=",".join(APP_PATHS))
    parser.add_argument("--top", type=int, default=12, help="functions listed per page")
    parser.add_argument("--option", action="append", default=[], help="server option section.key=value")
    parser.add_argument("--profiles", default=str(ROOT / "bench" / "out" / "profiles"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "notes-load.md"))
    parser.add_argument("--from-profiles", action="store_true", help="only summarise the .prof files already there")
    return parser.parse_args(argv)


async def drive(url: str, paths: Sequence[str], rounds: int) -> list[str]:
    errors = []
    for _ in range(rounds):
        for path in paths:
            session = StreamlitSession(url)
            load = await session.load(path, timeout=120)
            await session.close()
            if load.error:
                errors.append(f"{path}: {load.error}")
            await asyncio.sleep(0.3)
    return errors


def profile_folder(folder: Path, out: Path, args: argparse.Namespace, paths: Sequence[str]) -> list[str]:
    """Serve ``folder`` under the profiler; the warm-up runs are skipped by the profiler."""
    env = {"H200_SEEDS_DIR": str(folder.resolve()), "BENCH_PROFILE_SKIP_RUNS": str(len(paths))}
    launcher = [sys.executable, "-m", "bench.profile_server", str(out)]
    with streamlit_server("app.py", env=env, launcher=launcher, options=server_options(args.option)) as server:
        warm = asyncio.run(warm_up(server.url, paths, timeout=180))
        errors = [f"warm-up {w.path}: {w.error}" for w in warm if w.error]
        errors += asyncio.run(drive(server.url, paths, args.rounds))
    return errors


def _short(func: tuple[str, int, str]) -> str:
    file, line, name = func
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in file:
            file = file.split(marker, 1)[1]
            break
    return f"`{file}:{line}({name})`" if line else f"`{name}`"


def _package(file: str, name: str) -> str:
    key = file if file != "~" else name
    for fragment, label in PACKAGES:
        if fragment in key:
            return label
    return "other (stdlib, builtins)"


def summarise(prof: Path, runs: int, top: int) -> list[str]:
    """Markdown for one page's profile: stages, packages, top functions (seconds per load)."""
    stats = pstats.Stats(str(prof))
    raw = stats.stats  # type: ignore[attr-defined]
    total = max((ct for (_, _, n), (_, _, _, ct, _) in raw.items() if n == "_run_script"), default=0.0)
    per = 1.0 / max(runs, 1)
    lines = [f"Script run: **{total * per:.3f} s per load** (profiled, {runs} loads).", ""]
    stage_rows = []
    for label, fragment, name in STAGES:
        # Outermost calls only: a recursive or nested call must not be counted twice.
        seconds = sum(
            ct
            for (file, _, func), (_, _, _, ct, callers) in raw.items()
            if fragment in file
            and _matches(func, name)
            and not any(fragment in c[0] and _matches(c[2], name) for c in callers)
        )
        if seconds:
            stage_rows.append([label, f"{seconds * per:.3f}", f"{100 * seconds / total:.0f} %" if total else "—"])
    lines += table(["stage (inclusive)", "s per load", "share"], stage_rows)
    groups: dict[str, float] = {}
    for (file, _, name), (_, _, tt, _, _) in raw.items():
        label = _package(file, name)
        groups[label] = groups.get(label, 0.0) + tt
    rows = [[k, f"{v * per:.3f}"] for k, v in sorted(groups.items(), key=lambda kv: -kv[1]) if v * per >= 0.002]
    lines += ["", *table(["where (exclusive time)", "s per load"], rows), ""]
    entries = sorted(
        (
            (ct, func)
            for func, (_, _, _, ct, _) in raw.items()
            if ct < 0.9 * total and "importlib" not in func[0] and func[2] not in ("<module>", "exec")
        ),
        reverse=True,
    )[:top]
    lines += table(["top cumulative", "s per load"], [[_short(f), f"{ct * per:.3f}"] for ct, f in entries])
    return lines


def summarise_main(prof: Path, loads: int, top: int) -> list[str]:
    """The main thread (websocket I/O, session setup, file watcher): top functions per load."""
    raw = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    skip = ("importlib", "selectors.py", "base_events.py", "events.py", "runners.py")
    entries = sorted(
        (
            (ct, func)
            for func, (_, _, _, ct, _) in raw.items()
            if not any(s in func[0] for s in skip)
            and func[2] not in ("<module>", "exec", "run", "main")
            and "epoll" not in func[2]
            and "run_until_complete" not in func[2]
        ),
        reverse=True,
    )[:top]
    return [
        "Includes the warm-up and idle waiting; figures per profiled load.",
        "",
        *table(["top cumulative", "s per load"], [[_short(f), f"{ct / max(loads, 1):.3f}"] for ct, f in entries]),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    exit_on_sigterm()
    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    profiles = Path(args.profiles)
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="h200-profile-") as scratch:
        configs = [("real seeds", Path(args.seeds), profiles / "real")]
        if args.factor > 1 and args.from_profiles:
            configs.append((f"{args.factor}× archive", Path(scratch), profiles / f"x{args.factor}"))
        elif args.factor > 1:
            grown = build_archive(Path(args.seeds), Path(scratch) / f"x{args.factor}", args.factor).root
            configs.append((f"{args.factor}× archive", grown, profiles / f"x{args.factor}"))
        for label, folder, out in configs:
            errors: list[str] = []
            if not args.from_profiles:
                print(f"profiling {label}…", flush=True)
                errors = profile_folder(folder, out, args, paths)
            sections += [f"## {label}", ""]
            if errors:
                sections += ["Errors: " + "; ".join(errors), ""]
            main_prof = out / "main-thread.prof"
            if main_prof.exists():
                loads = args.rounds * len(paths)
                sections += [
                    f"### Event-loop thread ({label}, all pages)",
                    "",
                    *summarise_main(main_prof, loads, args.top),
                    "",
                ]
            for path in paths:
                prof = out / f"page-{page_key(path.strip('/'))}.prof"
                if prof.exists():
                    sections += [f"### `{path}` ({label})", "", *summarise(prof, args.rounds, args.top), ""]
    head = [
        "# Where a page load's server time goes",
        "",
        f"Profiled {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()} with `python -m bench.profile_load` "
        f"(cProfile around each script run, timed by thread CPU time; {args.rounds} sequential fresh loads "
        f"per page after an unprofiled warm-up). cProfile inflates code that makes many small Python calls, "
        f"so read shares, not absolute times.",
        "",
    ]
    reading = ROOT / "bench" / "notes-load-reading.md"
    text = "\n".join(head + ([reading.read_text(), ""] if reading.exists() else []) + sections) + "\n"
    Path(args.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
