"""Page benchmarks: warm reruns and figure payload (AppTest, in-process), time to all charts
visible (headless Chromium) and concurrent sessions, each against the baseline page."""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from components.registry import PAGES
from scripts.devserver import CHROMIUM_FLAGS, launch_browser, streamlit_server, system_chromium

ROOT = Path(__file__).resolve().parents[1]
BASELINE = str(ROOT / "bench" / "baseline_page.py")


def _apptest(page_path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "bench" / "timed_app.py"), default_timeout=120)
    at.run()
    if page_path != PAGES[0].path:
        at.switch_page(page_path).run()
    return at


def rerun_and_payload(repeat: int = 9) -> dict[str, dict]:
    """Median warm rerun (seconds, the page script's own run time as timed inside the app)
    and bytes of figure JSON per page, baseline included."""
    from bench import timing

    results = {}
    for name, path in [("baseline", BASELINE)] + [(p.page_id, p.path) for p in PAGES]:
        at = _apptest(path)
        at.run()  # warm every cache once more
        timing.RUN_TIMES.clear()
        for _ in range(repeat):
            at.run()
        times = list(timing.RUN_TIMES)
        assert len(times) == repeat, times
        assert not at.exception, [e.value for e in at.exception]
        charts = at.get("plotly_chart")
        payload = sum(len(c.proto.spec.encode()) for c in charts)
        results[name] = {"rerun_s": statistics.median(times), "payload_bytes": payload, "charts": len(charts)}
    return results


async def _time_to_charts(context, url: str, charts: int) -> float:
    page = await context.new_page()
    started = time.perf_counter()
    await page.goto(url, wait_until="commit", timeout=300000)
    # every chart element is there, and every one that is on screen (not in a closed tab) is drawn
    await page.wait_for_function(
        f"""() => {{
            const plots = [...document.querySelectorAll('.js-plotly-plot')];
            return plots.length >= {max(charts, 1)}
                && plots.every(p => p.offsetParent === null || p.querySelector('.main-svg'));
        }}""",
        timeout=300000,
    )
    elapsed = time.perf_counter() - started
    await page.close()
    return elapsed


def browser_timings(chart_counts: dict[str, int], loads: int = 5) -> dict:
    """Median time to all charts per page in one browser (fresh context per load). Concurrency is
    measured at the protocol level (bench/load.py): 20 browsers on 2 cores measure the browsers."""

    async def main(base: str) -> dict:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=system_chromium(), args=CHROMIUM_FLAGS[1:], headless=True
            )
            out: dict = {"pages": {}}
            targets = [("baseline", f"{base}/bench-baseline")] + [
                (p.page_id, f"{base}/" if p.default else f"{base}/{p.url_path}") for p in PAGES
            ]
            for name, url in targets:
                times = []
                for _ in range(loads):
                    context = await browser.new_context(viewport={"width": 1280, "height": 900})
                    times.append(await _time_to_charts(context, url, chart_counts.get(name, 1)))
                    await context.close()
                out["pages"][name] = statistics.median(times)
                print(f"  {name}: {1000 * out['pages'][name]:.0f} ms", flush=True)
            await browser.close()
            return out

    timing_log = Path(tempfile.mkdtemp()) / "runs.txt"
    timing_log.write_text("")
    with streamlit_server(env={"H200_BENCH_TIMING_FILE": str(timing_log)}, script="bench/timed_app.py") as base:
        # one throwaway visit so the first measured load does not pay for imports
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            page = browser.new_page()
            page.goto(f"{base}/")
            page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=120000)
            browser.close()
        return asyncio.run(main(base))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def to_json(data: dict) -> str:
    return json.dumps(data, indent=2, default=str)
