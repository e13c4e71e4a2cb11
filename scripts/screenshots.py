"""Screenshot every page at 1280x800 and 1920x1080 into bench/out/screens (for looking at)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from components.registry import PAGES
from scripts.devserver import launch_browser, streamlit_server

OUT = Path(__file__).resolve().parents[1] / "bench" / "out" / "screens"


def main(sizes: list[tuple[int, int]], query: str = "", pages: list[str] | None = None) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        for width, height in sizes:
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            for spec in PAGES:
                if pages and spec.page_id not in pages:
                    continue
                page.goto(f"{url}/{'' if spec.default else spec.url_path}{query}")
                page.wait_for_selector(".js-plotly-plot", state="attached", timeout=60000)
                page.wait_for_timeout(2500)
                path = OUT / f"{spec.page_id}-{width}.png"
                page.screenshot(path=str(path), full_page=True)
                print(path, "console errors:", errors)
                errors.clear()
            context.close()
        browser.close()


if __name__ == "__main__":
    wanted = sys.argv[1:] or None
    main([(1280, 2400), (1920, 1080)], pages=wanted)
