"""Drafting time against input size: `python -m bench.draft_scaling`.

Linear means the ratio of times follows the ratio of sizes (1 MB takes about 10x what 100 kB
takes). Inputs are the real excerpts in tests/fixtures/real_articles/ repeated to size, so the
mix of figures, names and dates is a real one. The page refuses text over 200 kB
(`data.draft.MAX_TEXT_BYTES`); the benchmark lifts the limit to measure beyond it. Times are
the best of a few runs on this (shared, noisy) machine: read the ratios, not the seconds.
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.draft_real import FIXTURES, read_fixture  # noqa: E402
from data.draft import MAX_TEXT_BYTES, draft_from_text  # noqa: E402
from data.load import load_seeds  # noqa: E402

SIZES = (100_000, 200_000, 1_000_000)
RUNS = {100_000: 3, 200_000: 2, 1_000_000: 1}


def text_of_size(size: int) -> str:
    """Real excerpts, whole paragraphs, repeated until the text has ``size`` bytes."""
    bodies = [read_fixture(path)[1].strip() for path in sorted(FIXTURES.glob("*.txt"))]
    parts: list[str] = []
    total = 0
    while total < size:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        total += len(body.encode()) + 2
    return "\n\n".join(parts).encode()[:size].decode("utf-8", "ignore")


def measure() -> dict[int, float]:
    seeds = load_seeds(ROOT / "seeds")
    draft_from_text(text_of_size(5_000), seeds)  # warm caches (seed index, aliases) outside the timing
    times = {}
    for size in SIZES:
        text = text_of_size(size)
        best = float("inf")
        for _ in range(RUNS[size]):
            started = time.perf_counter()
            draft_from_text(text, seeds, max_bytes=size + 1)
            best = min(best, time.perf_counter() - started)
        times[size] = best
        print(f"{size // 1000} kB: {best:.2f} s", flush=True)
    return times


def report(times: dict[int, float]) -> str:
    base = times[SIZES[0]]
    rows = [
        f"| {size // 1000} kB | {size / SIZES[0]:.0f}× | {times[size] / base:.1f}× | {times[size]:.1f} s |"
        for size in SIZES
    ]
    return (
        f"Drafting time against input size (Python {platform.python_version()}, one process on a shared "
        f"2-core machine; `python -m bench.draft_scaling`). The page's limit is {MAX_TEXT_BYTES // 1000} kB.\n\n"
        "| input | size ratio | time ratio | best time |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )


def main() -> int:
    print(report(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
