"""Loader scaling: generated seed folders against parsing the same files with CSafeLoader alone."""

from __future__ import annotations

import gc
import shutil
import statistics
import time
import tracemalloc
from pathlib import Path

import yaml

from data import frames
from data.load import load_seeds, seed_fingerprint

ROOT = Path(__file__).resolve().parents[1]

SOURCE = """source:
  id: {id}
  title: Generated report number {n}
  publisher: Wire {origin}
  published: {date}
  url: https://example.org/{n}
  kind: wire
  origin: Wire {origin}
  carried_by:
    - {{outlet: Paper {n}, url: https://example.org/paper/{n}}}
  accessed: 2026-11-24
  reliability: Generated for the loader benchmark.
  confidence: {confidence}
claims:
"""
CLAIM = """  - id: g{n}.c{k}
    kind: {kind}
    date: {date}
    actors: [bytedance, alibaba, cn-government]
    product: h200
    side: China
    status: approved
    stage: cn_first_batch
    quantity: {{metric: cn-first-batch-chips, applies_to: [bytedance, alibaba, tencent], low: {low}, unit: chips, bound: at_least, wording: "more than {low}"}}
    attribution: {{type: anonymous_sources, sources_cited: 2}}
    summary: Generated claim {k} of report {n}, used only to measure how the loader scales.
    tags: [generated]
"""
KINDS = ["import_approval", "order", "policy", "statement", "supply"]


def generate(folder: Path, n_sources: int) -> Path:
    seeds = folder / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    (seeds / "sources").mkdir(parents=True)
    shutil.copytree(ROOT / "seeds" / "reference", seeds / "reference")
    # Generated folders hold no real sources, so drop the citations that point at them.
    chips = yaml.safe_load((seeds / "reference" / "chips.yaml").read_text())
    chips = {"chips": [{k: v for k, v in c.items() if k != "specs"} for c in chips["chips"]], "thresholds": []}
    (seeds / "reference" / "chips.yaml").write_text(yaml.safe_dump(chips, sort_keys=False))
    scenarios = yaml.safe_load((seeds / "reference" / "scenarios.yaml").read_text())
    for parameter in scenarios["parameters"]:
        parameter["sources"] = []
    (seeds / "reference" / "scenarios.yaml").write_text(yaml.safe_dump(scenarios, sort_keys=False))
    for n in range(n_sources):
        day = 1 + n % 28
        date = f"2026-{1 + n % 6:02d}-{day:02d}"
        source_id = f"{date}-gen-{n:05d}"
        text = SOURCE.format(id=source_id, n=n, origin=n % 37, date=date, confidence=("high", "medium", "low")[n % 3])
        text += "".join(CLAIM.format(n=n, k=k, kind=KINDS[k], date=date, low=100000 + 1000 * k) for k in range(5))
        (seeds / "sources" / f"{source_id}.yaml").write_text(text)
    return seeds


def _raw_parse(seeds: Path) -> int:
    count = 0
    for folder in ("reference", "sources"):
        for path in sorted((seeds / folder).glob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            count += 1
    return count


def _full_load(seeds: Path) -> int:
    data = load_seeds(seeds)
    assert not data.problems, data.problems[:3]
    for builder in (
        frames.build_claims_frame,
        frames.build_sources_frame,
        frames.build_events_frame,
        frames.build_approvals_frame,
        frames.build_buyers_frame,
        frames.build_supply_demand_frame,
        frames.build_estimates_frame,
        frames.build_conflicts_frame,
    ):
        builder(data)
    return len(data.claims)


def _measure(function, *args, repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs and peak traced memory (MB) of one run."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return statistics.median(times), peak


def run(work: Path, sizes=(100, 1000, 10000)) -> list[dict]:
    rows = []
    for size in sizes:
        seeds = generate(work, size)
        repeat = 3 if size <= 1000 else 1
        raw_s, raw_mb = _measure(_raw_parse, seeds, repeat=repeat)
        full_s, full_mb = _measure(_full_load, seeds, repeat=repeat)
        cache: dict[str, object] = {seed_fingerprint(seeds): object()}
        warm = []
        for _ in range(5):
            started = time.perf_counter()
            _ = cache[seed_fingerprint(seeds)]  # what components.ui.load_data does on a rerun
            warm.append(time.perf_counter() - started)
        rows.append(
            {
                "files": size,
                "claims": size * 5,
                "raw_s": raw_s,
                "full_s": full_s,
                "ratio": full_s / raw_s,
                "per_file_ms": 1000 * full_s / size,
                "raw_mb": raw_mb,
                "full_mb": full_mb,
                "warm_ms": 1000 * statistics.median(warm),
            }
        )
    return rows
