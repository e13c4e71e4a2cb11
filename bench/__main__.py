"""`make bench`: run every benchmark side by side with its baseline and write bench/results.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import plotly  # noqa: E402
import streamlit  # noqa: E402

from bench import app_bench, loader  # noqa: E402

TARGETS = {
    "charts_ratio": 1.5,
    "rerun_ms": 150,
    "loader_ratio": 3.0,
    "warm_ms": 50,
    "burst_ratio": 3.0,
    "payload_kb": 300,
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) / 1024 / 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = 0
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, Plotly {plotly.__version__}, "
        f"pandas {pd.__version__}"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> int:
    sizes = tuple(int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,10000").split(","))
    lines = [
        "# Benchmark results",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()}.",
        "Every figure is a ratio against a baseline measured in the same run (these machines are noisy).",
        "",
    ]

    print("pages: warm reruns and payload (AppTest)…", flush=True)
    pages = app_bench.rerun_and_payload()
    base = pages["baseline"]
    lines += [
        "## Warm rerun (server side, AppTest, median of 9) and figure payload",
        "",
        f"Baseline page (one `px.bar`): rerun {1000 * base['rerun_s']:.1f} ms, payload {base['payload_bytes'] / 1000:.1f} KB.",
        "",
        "| page | charts | rerun ms | × baseline | target ≤ 150 ms | payload KB | target ≤ 300 KB |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in pages.items():
        if name == "baseline":
            continue
        ms, kb = 1000 * row["rerun_s"], row["payload_bytes"] / 1000
        lines.append(
            f"| {name} | {row['charts']} | {ms:.1f} | {row['rerun_s'] / base['rerun_s']:.1f} | {verdict(ms <= TARGETS['rerun_ms'])} "
            f"| {kb:.1f} | {verdict(kb <= TARGETS['payload_kb'])} |"
        )

    print("browser: time to all charts and 20 concurrent sessions…", flush=True)
    timings = app_bench.browser_timings({name: row["charts"] for name, row in pages.items()})
    base_s = timings["pages"]["baseline"]
    lines += [
        "",
        "## Time to all charts visible (headless Chromium, fresh context, median of 5 loads)",
        "",
        f"Baseline page served by the same server: {1000 * base_s:.0f} ms.",
        "",
        "| page | ms | × baseline | target ≤ 1.5× |",
        "|---|---|---|---|",
    ]
    for name, seconds in timings["pages"].items():
        if name == "baseline":
            continue
        ratio = seconds / base_s
        lines.append(f"| {name} | {1000 * seconds:.0f} | {ratio:.2f} | {verdict(ratio <= TARGETS['charts_ratio'])} |")
    lines += [
        "",
        "## Concurrent sessions (20 browser sessions open a page at once)",
        "",
        "The same 20-session burst is run on the baseline page, side by side, to separate what the app "
        "costs from what 20 headless Chromium tabs cost on the same 2-core machine. *Server* is the total "
        "time the page scripts ran on the server during the burst, as wall time and as the script "
        "threads' own CPU time (timed inside the app).",
        "",
        "| page | single ms | burst p50 ms | burst p95 ms | p95 × single | target ≤ 3× | server scripts: wall s / CPU s (runs) | all rendered |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("baseline", "overview"):
        burst, single = timings[f"{name}_burst"], timings[f"{name}_single_s"]
        p50, p95 = app_bench.percentile(burst, 0.5), app_bench.percentile(burst, 0.95)
        server = timings[f"{name}_server_runs"]
        lines.append(
            f"| {name} | {1000 * single:.0f} | {1000 * p50:.0f} | {1000 * p95:.0f} | {p95 / single:.1f} "
            f"| {verdict(p95 / single <= TARGETS['burst_ratio'])} | {sum(w for w, _ in server):.1f} / "
            f"{sum(c for _, c in server):.1f} ({len(server)}) | {len(burst)} of 20 |"
        )
    app_p95 = app_bench.percentile(timings["overview_burst"], 0.95)
    base_p95 = app_bench.percentile(timings["baseline_burst"], 0.95)
    lines.append("")
    lines.append(f"Overview burst p95 against the baseline's burst p95: {app_p95 / base_p95:.2f}×.")

    print(f"loader scaling at {sizes}…", flush=True)
    with tempfile.TemporaryDirectory() as work:
        rows = loader.run(Path(work), sizes)
    lines += [
        "",
        "## Loader scaling (generated folders, 5 claims per file)",
        "",
        "Cold = read + validate + cross-check + build the frames; raw = read + `yaml.CSafeLoader` only; "
        "warm = the cached path of a rerun (fingerprint of the folder + cache lookup).",
        "",
        "| files | raw s | cold s | × raw | target ≤ 3× | ms per file | raw peak MB | cold peak MB | warm ms | target ≤ 50 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['files']:,} | {r['raw_s']:.3f} | {r['full_s']:.3f} | {r['ratio']:.2f} | {verdict(r['ratio'] <= TARGETS['loader_ratio'])} "
            f"| {r['per_file_ms']:.2f} | {r['raw_mb']:.1f} | {r['full_mb']:.1f} | {r['warm_ms']:.1f} | {verdict(r['warm_ms'] <= TARGETS['warm_ms'])} |"
        )
    per_file = [r["per_file_ms"] for r in rows]
    lines.append("")
    lines.append(
        f"Growth: {' → '.join(f'{p:.2f}' for p in per_file)} ms per file across the sizes "
        f"({'roughly linear' if max(per_file) <= 1.5 * min(per_file) else 'not linear'})."
    )
    text = "\n".join(lines) + "\n"
    out = ROOT / "bench" / "results.md"
    notes = ROOT / "bench" / "notes.md"
    if notes.exists():
        text += "\n" + notes.read_text()
    out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
