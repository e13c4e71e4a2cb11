"""Replicas behind HAProxy against one process: `python -m bench.balancer`.

Starts the cluster from ``deploy/cluster.py`` on loopback with 1, then 2 app processes, drives it
with the protocol-level client (simulated sessions over Streamlit's websocket; each loads 5 pages
back to back), and writes loads per second, p50/p95 and errors side by side to
``bench/results-balancer.md``. Target: 2 processes give at least 1.5x the loads per second of one.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
from pathlib import Path

from bench.protocol.drive import percentile, run_step, warm_up
from deploy.cluster import Cluster

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["/", "/buyers", "/approvals", "/supply-demand", "/timeline", "/chips", "/sources"]


def measure(processes: int, sessions: int, pages: int, time_limit: float) -> dict[str, float]:
    with Cluster(processes=processes) as url:
        asyncio.run(warm_up(url, PATHS))
        step = asyncio.run(run_step(url, PATHS, sessions, pages, time_limit=time_limit))
    walls = [load.wall_s for load in step.ok_loads]
    return {
        "processes": processes,
        "loads_per_s": step.loads_per_s,
        "p50": percentile(walls, 0.5) if walls else float("nan"),
        "p95": percentile(walls, 0.95) if walls else float("nan"),
        "errors": step.errors,
        "loads": len(step.ok_loads),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--step-time", type=float, default=120.0)
    args = parser.parse_args()
    rows = [measure(n, args.sessions, args.pages, args.step_time) for n in (1, 2)]
    ratio = rows[1]["loads_per_s"] / rows[0]["loads_per_s"] if rows[0]["loads_per_s"] else float("nan")
    lines = [
        "# Replicas behind HAProxy",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M}: `python -m bench.balancer`, {args.sessions} simulated sessions x "
        f"{args.pages} page loads through HAProxy on 127.0.0.1 (sticky cookie, health checks), one step per cluster size.",
        "",
        "| app processes | loads/s | p50 s | p95 s | errors | loads |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r['processes']} | {r['loads_per_s']:.2f} | {r['p50']:.2f} | {r['p95']:.2f} | {r['errors']} | {r['loads']} |"
            for r in rows
        ),
        "",
        f"2 processes give **{ratio:.2f}x** the loads per second of one (target >= 1.5x on this 2-core machine).",
    ]
    (ROOT / "bench" / "results-balancer.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
