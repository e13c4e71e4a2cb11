"""Drive many simulated sessions at once against one server and summarise what they saw.

A step starts ``sessions`` sessions together (the start of a meeting: everyone opens the link
at once); each loads ``pages`` pages back to back, rotating through ``paths`` from its own
offset so the pages are spread evenly. ``fresh=True`` opens a new websocket session for every
load (opening a link); ``fresh=False`` keeps one session per user and navigates inside it.
The step has a time limit: loads that cannot finish by then count as errors.
"""

from __future__ import annotations

import asyncio
import math
import re
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.protocol.client import LoadResult, PingStats, StreamlitSession


@dataclass
class StepResult:
    """Everything measured in one step; server figures are filled in when a pid is given."""

    sessions: int
    pages: int
    loads: list[LoadResult] = field(default_factory=list)
    wall_s: float = 0.0
    pings: PingStats = field(default_factory=PingStats)  # the simulated users' own pings
    monitor: PingStats = field(default_factory=PingStats)  # one idle session pinging every 0.5 s
    not_started: int = 0
    server_cpu_s: float | None = None
    rss_before_mb: float | None = None
    rss_peak_mb: float | None = None
    rss_open_mb: float | None = None  # RSS with every session still open after its last load
    client_cpu_s: float = 0.0
    machine_busy_s: float | None = None  # every core's busy time over the step (/proc/stat)

    @property
    def other_cores(self) -> float | None:
        """Cores kept busy by other processes during the step (neither server nor client)."""
        if self.machine_busy_s is None or self.server_cpu_s is None or not self.wall_s:
            return None
        return max(0.0, self.machine_busy_s - self.server_cpu_s - self.client_cpu_s) / self.wall_s

    @property
    def missed_pings(self) -> int:
        return self.pings.missed + self.monitor.missed

    @property
    def max_pong_s(self) -> float:
        return max(self.pings.max_delay_s, self.monitor.max_delay_s)

    @property
    def ok_loads(self) -> list[LoadResult]:
        return [load for load in self.loads if load.ok]

    @property
    def errors(self) -> int:
        return len(self.loads) - len(self.ok_loads) + self.not_started

    def error_kinds(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for load in self.loads:
            if load.error:
                key = re.sub(r"\d+(\.\d+)?", "N", load.error.split(":", 1)[0])[:60]
                kinds[key] = kinds.get(key, 0) + 1
        if self.not_started:
            kinds["not started before the time limit"] = self.not_started
        return kinds

    def percentile(self, q: float) -> float:
        return percentile([load.wall_s for load in self.ok_loads], q)

    @property
    def loads_per_s(self) -> float:
        return len(self.ok_loads) / self.wall_s if self.wall_s else 0.0

    @property
    def cpu_per_load(self) -> float | None:
        if self.server_cpu_s is None or not self.ok_loads:
            return None
        return self.server_cpu_s / len(self.ok_loads)

    @property
    def kb_per_load(self) -> float:
        ok = self.ok_loads
        return sum(load.bytes for load in ok) / len(ok) / 1000 if ok else 0.0


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (user+nice+system+irq+softirq+steal)."""
    from bench.protocol.server import CLK_TCK

    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q * len(ordered))))
    return ordered[rank - 1]


def _merge_pings(total: PingStats, part: PingStats) -> None:
    total.sent += part.sent
    total.answered += part.answered
    total.missed += part.missed
    total.max_delay_s = max(total.max_delay_s, part.max_delay_s)
    total.delays.extend(part.delays)


async def _user(
    base_url: str,
    paths: Sequence[str],
    offset: int,
    pages: int,
    deadline: float,
    fresh: bool,
    load_timeout: float,
    step: StepResult,
    opened: list[StreamlitSession],
) -> None:
    session = StreamlitSession(base_url)
    opened.append(session)
    for index in range(pages):
        left = deadline - time.monotonic()
        if left <= 0:
            step.not_started += pages - index
            break
        path = paths[(offset + index) % len(paths)]
        step.loads.append(await session.load(path, timeout=min(load_timeout, left)))
        if fresh:
            _merge_pings(step.pings, session.pings)
            await session.close()
            session = StreamlitSession(base_url)
            opened.append(session)


async def run_step(
    base_url: str,
    paths: Sequence[str],
    sessions: int,
    pages: int,
    *,
    fresh: bool = True,
    time_limit: float = 120.0,
    load_timeout: float = 60.0,
    server_cpu: Callable[[], float] | None = None,
    server_rss: Callable[[], float] | None = None,
    keep_open: bool = False,
) -> StepResult:
    """Run one step; with ``keep_open`` the sessions stay open until RSS has been read."""
    step = StepResult(sessions, pages)
    opened: list[StreamlitSession] = []
    cpu0 = server_cpu() if server_cpu else None
    step.rss_before_mb = server_rss() if server_rss else None
    client0 = resource.getrusage(resource.RUSAGE_SELF)
    busy0 = machine_busy_seconds()
    peak = [step.rss_before_mb or 0.0]
    stop = asyncio.Event()

    async def watch_rss() -> None:
        while server_rss and not stop.is_set():
            peak[0] = max(peak[0], server_rss())
            await asyncio.sleep(0.25)

    watcher = asyncio.create_task(watch_rss())
    monitor = StreamlitSession(base_url, ping_interval=0.5)
    await monitor.open()
    start = time.monotonic()
    deadline = start + time_limit
    users = [_user(base_url, paths, i, pages, deadline, fresh, load_timeout, step, opened) for i in range(sessions)]
    await asyncio.gather(*users)
    step.wall_s = time.monotonic() - start
    if server_cpu and cpu0 is not None:
        step.server_cpu_s = server_cpu() - cpu0
    step.machine_busy_s = machine_busy_seconds() - busy0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    step.client_cpu_s = (usage.ru_utime + usage.ru_stime) - (client0.ru_utime + client0.ru_stime)
    if keep_open and server_rss:
        await asyncio.sleep(1.0)
        step.rss_open_mb = server_rss()
    stop.set()
    await watcher
    step.monitor = monitor.pings
    await monitor.close()
    step.rss_peak_mb = max(peak[0], step.rss_open_mb or 0.0) if server_rss else None
    for session in opened:
        if session.is_open:
            _merge_pings(step.pings, session.pings)
    await asyncio.gather(*(session.close() for session in opened))
    return step


async def warm_up(base_url: str, paths: Sequence[str], timeout: float = 120.0) -> list[LoadResult]:
    """Load every path once in one session (imports, seed loading and caches happen here)."""
    session = StreamlitSession(base_url)
    try:
        return [await session.load(path, timeout=timeout) for path in paths]
    finally:
        await session.close()
