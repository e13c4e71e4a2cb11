"""`make bench`: run every benchmark side by side with its baseline and write bench/results.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
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


def pages_section() -> list[str]:
    """Warm reruns and payload per page (AppTest), and time to all charts in Chromium."""
    lines: list[str] = []
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

    print("browser: time to all charts…", flush=True)
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
    return lines


def loader_section(sizes: tuple[int, ...]) -> list[str]:
    """Loader scaling on generated folders against yaml.CSafeLoader alone."""
    lines: list[str] = []
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
    return lines


def main() -> int:
    if "--compose" in sys.argv:  # only gather the parts' existing results into bench/results.md
        (ROOT / "bench" / "results.md").write_text(
            compose(["# Benchmark results", "", f"Gathered {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()}.", ""])
        )
        return 0
    sizes = tuple(int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,10000").split(","))
    lines = [
        "# Benchmark results",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()}.",
        "Every figure is a ratio against a baseline measured in the same run (these machines are noisy).",
        "",
    ]

    lines += pages_section()
    lines += loader_section(sizes)
    (ROOT / "bench" / "results-pages.md").write_text("\n".join(lines[5:]) + "\n")
    for module in PARTS:
        print(f"bench.{module}…", flush=True)
        subprocess.run([sys.executable, "-m", f"bench.{module}"], cwd=ROOT, check=False)
    out = ROOT / "bench" / "results.md"
    out.write_text(compose(lines[:5]))
    print(out.read_text())
    return 0


PARTS = ("load", "growth", "balancer", "exports", "meeting", "draft_quality")
SECTIONS = (
    ("results-load.md", "Load: simulated sessions over the websocket protocol, app against a bare page"),
    ("results-growth.md", "Growth: the real archive against 5×, 17× and 50× archives"),
    ("results-balancer.md", "Replicas: 2 app processes behind HAProxy against 1"),
    ("results-pages.md", "Pages: warm reruns, payload, time to charts, loader scaling"),
    ("results-meeting.md", "Meeting mode: step changes in a real browser"),
    ("results-exports.md", "Exports: images, deck, PDF, tables"),
    ("results-draft.md", "Drafting quality on the fixture articles"),
)


def compose(header: list[str]) -> str:
    """bench/results.md: every part's own results file, in one place, each under its heading."""
    parts = ["\n".join(header)]
    for name, heading in SECTIONS:
        path = ROOT / "bench" / name
        if path.exists():
            body = "\n".join(line for line in path.read_text().splitlines() if not line.startswith("# "))
            parts.append(f"## {heading}\n\n(from `bench/{name}`)\n{body}")
    notes = ROOT / "bench" / "notes.md"
    if notes.exists():
        parts.append(notes.read_text())
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
