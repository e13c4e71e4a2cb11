"""Meeting mode in a real browser: how long a briefing step change takes (Prev/Next), and
whether every step fits the screen. ``python -m bench.meeting`` writes bench/results-meeting.md.

A step change is timed from the key press (→ or ←, the same as clicking Next/Prev) until the new
step's bar says "step N of M", its slide content (chart or headline numbers) is drawn and no
element is stale any more (Streamlit marks what is left from the previous run as stale).
"""

from __future__ import annotations

import datetime as dt
import platform
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data.load import load_seeds  # noqa: E402
from scripts.devserver import launch_browser, streamlit_server  # noqa: E402

OUT = ROOT / "bench" / "results-meeting.md"
TARGET_P95_S = 1.0
SETTLED = """(n) => {
  const bar = document.querySelector('.st-key-briefing-bar');
  if (!bar || !bar.innerText.includes(`step ${n} of`)) return false;
  if (document.querySelector('[data-stale=true]')) return false;
  return !!document.querySelector('.js-plotly-plot .main-svg, [data-testid=stMetricValue]');
}"""
FITS = """() => { const m = document.querySelector('[data-testid=stMain]');
  return m.scrollHeight <= m.clientHeight + 1 && document.scrollingElement.scrollHeight <= innerHeight; }"""


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(rounds: int = 3, size: tuple[int, int] = (1920, 1080)) -> dict[str, object]:
    """Step through the built-in briefing forwards and back ``rounds`` times; seconds per change."""
    briefing = load_seeds(ROOT / "seeds").briefings["h200-status"]
    steps = len(briefing.steps)
    times: list[float] = []
    first_pass = 0
    misfits: set[int] = set()
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(f"{url}/?briefing={briefing.id}&step=1&present=1")
        page.wait_for_function(SETTLED, arg=1, timeout=60000)
        for round_number in range(rounds):
            if round_number == 1:
                first_pass = len(times)
            for key, numbers in (("ArrowRight", range(2, steps + 1)), ("ArrowLeft", range(steps - 1, 0, -1))):
                for number in numbers:
                    page.wait_for_timeout(300)  # a presenter's pause; also lets the last run settle
                    start = time.perf_counter()
                    page.keyboard.press(key)
                    page.wait_for_function(SETTLED, arg=number, timeout=30000, polling=20)
                    times.append(time.perf_counter() - start)
                    if not page.evaluate(FITS):
                        misfits.add(number)
        browser.close()
    warm = times[first_pass:]
    return {
        "size": size,
        "changes": len(times),
        "p50": statistics.median(times),
        "p95": _quantile(times, 0.95),
        "max": max(times),
        "cold_p95": _quantile(times[:first_pass], 0.95),
        "warm_p95": _quantile(warm, 0.95),
        "warm_changes": len(warm),
        "misfits": sorted(misfits),
    }


def write(results: list[dict[str, object]]) -> str:
    lines = [
        "# Meeting mode: step changes in headless Chromium",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}; `python -m bench.meeting`. Target: p95 ≤ {TARGET_P95_S:.1f} s.",
        "",
        "Each change is timed from the arrow key (the same as Prev/Next) until the new step's bar, "
        "its chart or headline numbers are drawn and nothing from the previous step is stale.",
        "",
        "The first pass through the briefing builds every frame and figure once (cold caches); "
        "later passes are what a presenter sees after a rehearsal or once anyone has opened the pages.",
        "",
        "| Screen | Step changes | p50 (s) | p95 all (s) | p95 first pass (s) | p95 later passes (s) | max (s) "
        "| Steps that scroll |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        width, height = r["size"]  # type: ignore[misc]
        lines.append(
            f"| {width}×{height} | {r['changes']} | {r['p50']:.2f} | {r['p95']:.2f} | {r['cold_p95']:.2f} | "
            f"{r['warm_p95']:.2f} ({r['warm_changes']}) | {r['max']:.2f} | "
            f"{', '.join(map(str, r['misfits'])) or 'none'} |"  # type: ignore[arg-type]
        )
    text = "\n".join(lines) + "\n"
    OUT.write_text(text)
    return text


if __name__ == "__main__":
    print(write([measure(size=(1920, 1080)), measure(size=(1280, 720))]))
