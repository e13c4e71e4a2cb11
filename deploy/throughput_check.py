"""A rough throughput figure through the balancer: 1 replica against 2 (``python -m deploy.throughput_check``).

Not the protocol-level benchmark (bench/, websocket sessions): each "page load" here is one
creating call of Streamlit's agent API (``POST /_stcore/agent/interact`` with ``{"page": ...}``),
which starts a fresh session and runs the page's script to the end on the server, as a browser's
first visit does; the app's answer is a JSON tree instead of websocket deltas. No browsers, so the
client's cost stays small next to the servers'. The agent API is switched on for this check only.
Bounded: a few workers for a few seconds, on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
import urllib.request
from dataclasses import dataclass

from components.registry import PAGES
from deploy.cluster import Cluster

AGENT_ENV = {
    "STREAMLIT_SERVER_ENABLE_AGENT_API": "true",
    "STREAMLIT_SERVER_AGENT_MAX_SESSIONS": "100000",
    "STREAMLIT_SERVER_AGENT_SESSION_TTL": "20",
}


@dataclass
class Result:
    processes: int
    loads: int
    errors: int
    seconds: float
    latencies: list[float]
    cpu_seconds: float
    spread: dict[str, int]
    client_cpu_seconds: float

    @property
    def per_second(self) -> float:
        return self.loads / self.seconds

    def row(self) -> str:
        ordered = sorted(self.latencies) or [float("nan")]
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        cpu = self.cpu_seconds / self.loads if self.loads else float("nan")
        return (
            f"| {self.processes} | {self.loads} | {self.errors} | {self.per_second:.2f} | "
            f"{statistics.median(ordered):.2f} | {p95:.2f} | {cpu:.3f} | {self.client_cpu_seconds / max(self.loads, 1):.3f} | "
            f"{', '.join(f'{name}: {count}' for name, count in self.spread.items())} |"
        )


def load_page(url: str, page: str, timeout: float = 60) -> None:
    body = json.dumps({"page": page}).encode()
    request = urllib.request.Request(
        f"{url}/_stcore/agent/interact", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.loads(response.read())
    if response.status != 200 or answer.get("status") != "ready":
        raise RuntimeError(f"{page}: {response.status} {answer.get('status')}")


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the given processes, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def run(processes: int, workers: int, seconds: float) -> Result:
    pages = [p.url_path if not p.default else "" for p in PAGES]
    cluster = Cluster(processes=processes, env=AGENT_ENV)
    with cluster as url:
        for page in pages * processes:  # warm every replica's caches once per page
            load_page(url, page)
        pids = [b.process.pid for b in cluster.backends]
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds

        def worker(offset: int) -> None:
            turn = offset
            while time.monotonic() < stop_at:
                started = time.monotonic()
                try:
                    load_page(url, pages[turn % len(pages)])
                    with lock:
                        latencies.append(time.monotonic() - started)
                except Exception:
                    with lock:
                        errors[0] += 1
                turn += 1

        connections_before = cluster.server_stat("stot")
        cpu_before, client_before, started = cpu_seconds(pids), time.process_time(), time.monotonic()
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        cpu, client_cpu = cpu_seconds(pids) - cpu_before, time.process_time() - client_before
        spread = {name: count - connections_before[name] for name, count in cluster.server_stat("stot").items()}
    return Result(processes, len(latencies), errors[0], elapsed, latencies, cpu, spread, client_cpu)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", default="1,2", help="replica counts to compare (default 1,2)")
    parser.add_argument("--workers", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--seconds", type=float, default=20, help="measuring time per step (default 20)")
    args = parser.parse_args(argv)
    results = [run(int(n), args.workers, args.seconds) for n in args.processes.split(",")]
    print(f"{args.workers} concurrent clients, {args.seconds:.0f} s per step, fresh session per load, via HAProxy")
    print(f"{os.cpu_count()} cores; load average at the end {os.getloadavg()[0]:.1f} (other work shares the cores)")
    print(
        "| replicas | loads | errors | loads/s | p50 s | p95 s | server CPU s/load | client CPU s/load | connections per replica |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for result in results:
        print(result.row())
    if len(results) > 1 and results[0].per_second:
        print(
            f"{results[-1].processes} vs {results[0].processes}: {results[-1].per_second / results[0].per_second:.2f}x"
        )


if __name__ == "__main__":
    main()
