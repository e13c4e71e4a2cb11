"""Protocol-level load benchmark: the app against a bare one-chart page, side by side.

``python -m bench.load`` starts the app and then the bare page (``bench/baseline_bare/app.py``),
each as one ``streamlit run`` process on its own loopback port, and runs the same steps on
each: 1, 5, 10, 20, 40 simulated sessions opening at once, each loading 5 pages back to back
(the app's pages rotate from each session's own offset). Per step it reports p50/p95 page-load
time, loads per second, errors, missed pings, server RSS and server CPU seconds per load (from
/proc), then writes the table to ``bench/results-load.md`` and the raw figures to
``bench/out/results-load.json``.

Reuse: ``--url`` points at a running server instead (add ``--pid`` for CPU and RSS),
``--seeds`` serves another seed folder, ``--option runner.postScriptGC=false`` passes server
options to both servers, ``--mode navigate`` keeps one session per user and navigates inside it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.protocol.drive import StepResult, run_step, warm_up
from bench.protocol.report import int_list, machine, num, ratio, server_options, table
from bench.protocol.server import ROOT, cpu_seconds, exit_on_sigterm, rss_mb, streamlit_server

APP_PATHS = ("/", "/buyers", "/approvals", "/supply-demand", "/timeline", "/chips", "/sources")
BARE_SCRIPT = "bench/baseline_bare/app.py"


@dataclass
class Target:
    """What to measure: a URL and, when known, the server's pid for /proc figures."""

    name: str
    url: str
    pid: int | None
    paths: Sequence[str]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure this running app instead of starting one")
    parser.add_argument("--pid", type=int, help="pid of the --url server, for CPU and RSS from /proc")
    parser.add_argument("--bare-url", help="a running bare page instead of starting one")
    parser.add_argument("--bare-pid", type=int)
    parser.add_argument("--no-bare", action="store_true", help="measure the app only")
    parser.add_argument("--script", default="app.py", help="the app script to start (default app.py)")
    parser.add_argument("--seeds", help="seed folder for the app (sets H200_SEEDS_DIR)")
    parser.add_argument("--sessions", type=int_list, default=[1, 5, 10, 20, 40], help="steps, e.g. 1,5,10,20,40")
    parser.add_argument("--pages", type=int, default=5, help="page loads per session in each step")
    parser.add_argument("--paths", default=",".join(APP_PATHS), help="the app's URL paths to rotate through")
    parser.add_argument("--mode", choices=("fresh", "navigate"), default="fresh")
    parser.add_argument("--step-time", type=float, default=90.0, help="time limit per step, seconds")
    parser.add_argument("--load-timeout", type=float, default=60.0)
    parser.add_argument("--option", action="append", default=[], help="server option section.key=value")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results-load.md"))
    parser.add_argument("--json", default=str(ROOT / "bench" / "out" / "results-load.json"))
    return parser.parse_args(argv)


async def measure(targets: Sequence[Target], steps: Sequence[int], args: argparse.Namespace) -> list[list[StepResult]]:
    """Warm every server up, then run each step on each target in turn.

    Interleaving (app step, bare step, next step...) keeps the comparison fair on a machine
    whose background load changes over the minutes a run takes.
    """
    for t in targets:
        for load in await warm_up(t.url, t.paths):
            if not load.ok:
                print(f"  warm-up {t.name} {load.path}: {load.error}", file=sys.stderr)
    results: list[list[StepResult]] = [[] for _ in targets]
    for sessions in steps:
        for index, t in enumerate(targets):
            pid = t.pid
            step = await run_step(
                t.url,
                t.paths,
                sessions,
                args.pages,
                fresh=args.mode == "fresh",
                time_limit=args.step_time,
                load_timeout=args.load_timeout,
                server_cpu=(lambda pid=pid: cpu_seconds(pid)) if pid else None,
                server_rss=(lambda pid=pid: rss_mb(pid)) if pid else None,
            )
            print(
                f"  {t.name:5} {sessions:3} sessions: p50 {num(step.percentile(0.5))} s, p95 "
                f"{num(step.percentile(0.95))} s, {num(step.loads_per_s)} loads/s, CPU/load "
                f"{num(step.cpu_per_load, 3)} s, errors {step.errors}, missed pings {step.missed_pings}, "
                f"max pong {num(step.max_pong_s, 1)} s, other load {num(step.other_cores)} cores",
                flush=True,
            )
            results[index].append(step)
            await asyncio.sleep(2.0)  # let the server finish closing the step's sessions
    return results


@contextlib.contextmanager
def target(
    name: str, url: str | None, pid: int | None, script: str, paths: Sequence[str], env: dict[str, str], opts: list[str]
) -> Iterator[Target]:
    if url:
        yield Target(name, url, pid, paths)
        return
    with streamlit_server(script, env=env, options=opts) as server:
        yield Target(name, server.url, server.pid, paths)


def cell(app: float | None, bare: float | None, digits: int = 2) -> str:
    return f"{num(app, digits)} · {num(bare, digits)} · {ratio(app, bare)}"


def intro(args: argparse.Namespace, elapsed: float) -> list[str]:
    """The report's title and how it was measured."""
    mode = "a new websocket session per load" if args.mode == "fresh" else "one session per user, navigating"
    lines = [
        "# Protocol-level load benchmark",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()}; {elapsed:.0f} s in all.",
        f"Each step opens N simulated sessions at once (Streamlit's websocket protocol, no browser); each "
        f"loads {args.pages} pages back to back ({mode}). App paths rotate over `{args.paths}`; the bare "
        f"page (`{BARE_SCRIPT}`, one Plotly chart) is served by its own process the same way. A load ends at "
        f"`script_finished`. Cells read **app · bare · app/bare**. CPU is the server process's utime+stime "
        f"over the step divided by completed loads; RSS the server's peak during the step. Every session pings the "
        f"server every 2 s and one extra idle session every 0.5 s; a missed ping is a pong that took over 10 s, "
        f"*max pong* the slowest pong. Step time limit {args.step_time:.0f} s. "
        f"Both servers run side by side and the steps alternate (app, bare, next step) so background load "
        f"hits both alike; *other load* is how many cores other processes on the machine kept busy during "
        f"the step (/proc/stat minus server and client): above ~0.3 the figures are contaminated.",
        "",
    ]
    if args.seeds:
        lines += [f"App seeds: `{args.seeds}`.", ""]
    if args.option:
        lines += [f"Server options: `{' '.join(args.option)}`.", ""]
    return lines


def render(app: list[StepResult], bare: list[StepResult] | None, args: argparse.Namespace, elapsed: float) -> str:
    """The markdown report: one row per step, each cell 'app · bare · ratio'."""
    lines = intro(args, elapsed)
    header = [
        "sessions",
        "p50 s",
        "p95 s",
        "loads/s",
        "CPU s/load",
        "errors",
        "missed pings",
        "max pong s",
        "RSS MB",
        "KB/load",
        "other load (cores)",
    ]
    rows = []
    for index, a in enumerate(app):
        b = bare[index] if bare else None

        def pair(get, digits=2, a=a, b=b):  # type: ignore[no-untyped-def]
            return cell(get(a), get(b) if b else None, digits)

        rows.append(
            [
                str(a.sessions),
                pair(lambda s: s.percentile(0.5)),
                pair(lambda s: s.percentile(0.95)),
                pair(lambda s: s.loads_per_s, 1),
                pair(lambda s: s.cpu_per_load, 3),
                f"{a.errors} · {b.errors if b else '—'}",
                f"{a.missed_pings} · {b.missed_pings if b else '—'}",
                pair(lambda s: s.max_pong_s, 1),
                pair(lambda s: s.rss_peak_mb, 0),
                pair(lambda s: s.kb_per_load, 1),
                f"{num(a.other_cores, 1)} · {num(b.other_cores, 1) if b else '—'}",
            ]
        )
    lines += table(header, rows)
    kinds = {f"app {a.sessions}": a.error_kinds() for a in app if a.errors}
    kinds |= {f"bare {b.sessions}": b.error_kinds() for b in bare or [] if b.errors}
    if kinds:
        lines += ["", "Errors by kind: " + "; ".join(f"{k}: {v}" for k, v in kinds.items())]
    client = sum(s.client_cpu_s for s in [*app, *(bare or [])])
    lines += ["", f"The load client itself used {client:.1f} s of CPU in all (it shares the machine)."]
    return "\n".join(lines) + "\n"


def as_json(steps: list[StepResult]) -> list[dict[str, object]]:
    return [
        {
            "sessions": s.sessions,
            "pages": s.pages,
            "loads": len(s.loads),
            "errors": s.errors,
            "error_kinds": s.error_kinds(),
            "p50_s": s.percentile(0.5),
            "p95_s": s.percentile(0.95),
            "loads_per_s": s.loads_per_s,
            "cpu_per_load_s": s.cpu_per_load,
            "kb_per_load": s.kb_per_load,
            "rss_before_mb": s.rss_before_mb,
            "rss_peak_mb": s.rss_peak_mb,
            "missed_pings": s.missed_pings,
            "max_pong_s": s.max_pong_s,
            "wall_s": s.wall_s,
            "other_cores": s.other_cores,
            "client_cpu_s": s.client_cpu_s,
            "per_load": [[load.path, round(load.wall_s, 4), load.bytes, load.error] for load in s.loads],
        }
        for s in steps
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    exit_on_sigterm()
    opts = server_options(args.option)
    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    env = {"H200_SEEDS_DIR": str(Path(args.seeds).resolve())} if args.seeds else {}
    start = dt.datetime.now()
    print(f"steps {args.sessions} × {args.pages} pages, app{'' if args.no_bare else ' and bare page'}", flush=True)
    with contextlib.ExitStack() as stack:
        targets = [stack.enter_context(target("app", args.url, args.pid, args.script, paths, env, opts))]
        if not args.no_bare:
            targets.append(
                stack.enter_context(target("bare", args.bare_url, args.bare_pid, BARE_SCRIPT, ["/"], {}, opts))
            )
        measured = asyncio.run(measure(targets, args.sessions, args))
    app, bare = measured[0], (measured[1] if len(measured) > 1 else None)
    text = render(app, bare, args, (dt.datetime.now() - start).total_seconds())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"app": as_json(app), "bare": as_json(bare or [])}, indent=1))
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
