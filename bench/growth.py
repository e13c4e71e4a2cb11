"""Growth benchmark: what a page load costs as the archive grows (issue 14).

``python -m bench.growth`` measures the real seeds and archives grown about 5×, 17× and 50×
(``bench.archive``: every source file copied under new ids; they load with zero problems).
For each, it times ``data.load.load_seeds``, starts the app with ``H200_SEEDS_DIR`` pointing at
the folder, warms it up, then:

* one session alone loads every page (``--rounds`` times, a fresh session per load, the server's
  CPU read around each load): p95 single-session load, and KB and CPU per page;
* ``--sessions`` sessions at once each load ``--pages`` pages, navigating inside one open
  session over all pages: KB and CPU seconds per page load, p95, errors, missed pings, and MB
  per open session (server RSS with every session still open, minus RSS before, / sessions).

Writes ``bench/results-growth.md`` (side by side, with each figure's growth against the real
archive) and ``bench/out/results-growth.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.archive import build_archive
from bench.load import APP_PATHS
from bench.protocol.client import StreamlitSession
from bench.protocol.drive import percentile, run_step, warm_up
from bench.protocol.report import int_list, machine, num, server_options, table
from bench.protocol.server import ROOT, Server, exit_on_sigterm, streamlit_server


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.growth", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default=str(ROOT / "seeds"), help="the real seed folder to grow")
    parser.add_argument("--factors", type=int_list, default=[1, 5, 17, 50], help="archive sizes; 1 = the seeds")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--pages", type=int, default=7, help="page loads per session")
    parser.add_argument("--rounds", type=int, default=2, help="single-session passes over every page")
    parser.add_argument("--paths", default=",".join(APP_PATHS))
    parser.add_argument("--step-time", type=float, default=240.0)
    parser.add_argument("--load-timeout", type=float, default=90.0)
    parser.add_argument("--option", action="append", default=[], help="server option section.key=value")
    parser.add_argument("--work", help="build archives here and keep them (default: a temp dir, removed)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results-growth.md"))
    parser.add_argument("--json", default=str(ROOT / "bench" / "out" / "results-growth.json"))
    return parser.parse_args(argv)


def time_loader(folder: Path) -> dict[str, Any]:
    from data.load import load_seeds

    start = time.perf_counter()
    seeds = load_seeds(folder)
    return {
        "loader_s": time.perf_counter() - start,
        "sources": len(seeds.sources),
        "claims": len(seeds.claims),
        "problems": len(seeds.problems),
    }


async def single_session(server: Server, paths: Sequence[str], rounds: int, timeout: float) -> list[dict[str, Any]]:
    """Each page alone, a fresh session per load, with the server's CPU read around each load."""
    rows = []
    for _ in range(rounds):
        for path in paths:
            cpu0 = server.cpu()
            session = StreamlitSession(server.url)
            load = await session.load(path, timeout=timeout)
            await session.close()
            await asyncio.sleep(0.4)  # the server's after-run work belongs to this load
            rows.append(
                {
                    "path": path,
                    "wall_s": load.wall_s,
                    "bytes": load.bytes,
                    "cpu_s": server.cpu() - cpu0,
                    "error": load.error,
                }
            )
    return rows


async def measure(server: Server, args: argparse.Namespace, paths: Sequence[str]) -> dict[str, Any]:
    warm = await warm_up(server.url, paths, timeout=args.load_timeout)
    single = await single_session(server, paths, args.rounds, args.load_timeout)
    step = await run_step(
        server.url,
        paths,
        args.sessions,
        args.pages,
        fresh=False,
        time_limit=args.step_time,
        load_timeout=args.load_timeout,
        server_cpu=server.cpu,
        server_rss=server.rss,
        keep_open=True,
    )
    ok_single = [row for row in single if not row["error"]]
    open_mb = None
    if step.rss_open_mb is not None and step.rss_before_mb is not None:
        open_mb = (step.rss_open_mb - step.rss_before_mb) / args.sessions
    return {
        "warm_first_s": warm[0].wall_s if warm else None,
        "warm_errors": [load.error for load in warm if load.error],
        "single_p95_s": percentile([row["wall_s"] for row in ok_single], 0.95),
        "single_errors": len(single) - len(ok_single),
        "single": single,
        "kb_per_load": step.kb_per_load,
        "cpu_per_load_s": step.cpu_per_load,
        "mb_per_session": open_mb,
        "p95_s": step.percentile(0.95),
        "p50_s": step.percentile(0.5),
        "loads_per_s": step.loads_per_s,
        "errors": step.errors,
        "error_kinds": step.error_kinds(),
        "missed_pings": step.missed_pings,
        "max_pong_s": step.max_pong_s,
        "rss_before_mb": step.rss_before_mb,
        "rss_open_mb": step.rss_open_mb,
        "loads": len(step.loads),
    }


def grown(value: float | None, base: float | None, digits: int = 2) -> str:
    """'value (×ratio)' against the real archive."""
    if value is None or base is None or not base:
        return num(value, digits)
    return f"{num(value, digits)} (×{value / base:.2f})"


METRICS: tuple[tuple[str, str, int], ...] = (
    ("sources", "sources", 0),
    ("claims", "claims", 0),
    ("loader_s", "loader s (load_seeds wall)", 2),
    ("kb_per_load", "KB per page load", 1),
    ("cpu_per_load_s", "server CPU s per page load", 3),
    ("mb_per_session", "MB per open session", 2),
    ("single_p95_s", "p95 single-session load s", 2),
    ("p95_s", "p95 load s at N sessions", 2),
    ("loads_per_s", "loads/s at N sessions", 2),
    ("rss_open_mb", "server RSS, sessions open, MB", 0),
    ("max_pong_s", "slowest pong s", 1),
)


def render(results: dict[int, dict[str, Any]], args: argparse.Namespace, elapsed: float) -> str:
    factors = sorted(results)
    base = results[factors[0]]
    names = ["real seeds" if f == 1 else f"{f}× archive" for f in factors]
    lines = [
        "# Growth benchmark",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()}; {elapsed:.0f} s in all.",
        f"Archives from `bench.archive` (each source file copied under new ids; zero load problems). "
        f"For each: one `streamlit run app.py` with `H200_SEEDS_DIR`, warmed up on every page, then "
        f"{args.sessions} sessions × {args.pages} page loads at once over all pages (one open session each, "
        f"navigating) for KB, CPU, p95, RSS; and one session alone loading every page {args.rounds}× "
        f"(fresh session per load) for the single-session p95. Cells: value (× the real archive's).",
        "",
    ]
    rows = [
        [label, *(grown(results[f].get(key), base.get(key), digits) for f in factors)] for key, label, digits in METRICS
    ]
    rows.append(["errors · missed pings", *(f"{results[f]['errors']} · {results[f]['missed_pings']}" for f in factors)])
    lines += table(["", *names], rows)
    lines += ["", "## Per page, one session alone (mean of the rounds)", ""]
    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    page_rows = []
    for path in paths:
        cells = []
        for f in factors:
            rows_f = [r for r in results[f]["single"] if r["path"] == path and not r["error"]]
            if not rows_f:
                cells.append("error")
                continue
            kb = sum(r["bytes"] for r in rows_f) / len(rows_f) / 1000
            cpu = sum(r["cpu_s"] for r in rows_f) / len(rows_f)
            wall = sum(r["wall_s"] for r in rows_f) / len(rows_f)
            cells.append(f"{kb:,.0f} KB · {cpu:.2f} s CPU · {wall:.2f} s")
        page_rows.append([f"`{path}`", *cells])
    lines += table(["page", *names], page_rows)
    problems = {f: results[f]["problems"] for f in factors if results[f]["problems"]}
    errors = {f: results[f]["error_kinds"] for f in factors if results[f]["error_kinds"]}
    if problems or errors:
        lines += ["", f"Load problems: {problems or 'none'}; errors: {errors or 'none'}."]
    return "\n".join(lines) + "\n"


def run_one(folder: Path, factor: int, args: argparse.Namespace, paths: Sequence[str]) -> dict[str, Any]:
    result = time_loader(folder)
    print(f"  {factor}×: {result['sources']} sources, {result['claims']} claims, loader {result['loader_s']:.2f} s")
    env = {"H200_SEEDS_DIR": str(folder.resolve())}
    with streamlit_server("app.py", env=env, options=server_options(args.option)) as server:
        result |= asyncio.run(measure(server, args, paths))
    print(
        f"     {num(result['kb_per_load'], 1)} KB/load, {num(result['cpu_per_load_s'], 3)} s CPU/load, "
        f"{num(result['mb_per_session'])} MB/session, p95 single {num(result['single_p95_s'])} s, "
        f"errors {result['errors']}",
        flush=True,
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    exit_on_sigterm()
    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    start = dt.datetime.now()
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="h200-growth-") as scratch:
        work = Path(args.work) if args.work else Path(scratch)
        for factor in args.factors:
            folder = Path(args.seeds)
            if factor > 1:
                folder = work / f"x{factor}"
                if not (folder / "sources").is_dir():
                    build_archive(Path(args.seeds), folder, factor)
            results[factor] = run_one(folder, factor, args, paths)
    text = render(results, args, (dt.datetime.now() - start).total_seconds())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
