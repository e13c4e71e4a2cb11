"""A deep link opened first on a cold ``streamlit run app.py`` goes straight through the router.

Streamlit decides at its first session whether a ``pages/`` folder beside the *script* means its
old multipage mode. ``app.py`` is an ``st.App`` entry whose script (``entry/main.py``) has no
``pages/`` beside it, so plain ``streamlit run app.py`` (what ``make run``, the tests, the
benchmarks and deploy/ all type) needs no private Streamlit attribute. Each case runs its own
fresh server, because any earlier visit would warm it.

The control case serves the old layout (a plain script beside ``pages/``, built in a temporary
folder) and expects the "Page not found" notice: it shows that this test sees the bug when the
fix is undone, and it will fail, usefully, the day Streamlit stops needing the workaround.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from components.registry import BY_ID, PAGES
from scripts.devserver import ROOT, launch_browser, streamlit_server

pytestmark = pytest.mark.browser

LEGACY_SCRIPT = f"""import sys
sys.path.insert(0, {str(ROOT)!r})
from components.ui.router import build_navigation
build_navigation().run()
"""


def _console_errors(messages: list[str]) -> list[str]:
    return [m for m in messages if m.startswith(("error", "pageerror")) and "Failed to load resource" not in m]


def _open_deep_links(url: str) -> tuple[int, list[str]]:
    """Open two deep links on a cold server; return how often "Page not found" showed and the errors."""
    notices = 0
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        messages: list[str] = []
        tab.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        tab.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        for page in (BY_ID["buyers"], BY_ID["chips"]):
            tab.goto(f"{url}/{page.url_path}")
            tab.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
            notices += tab.get_by_text("Page not found").count()
            assert tab.locator("h1").first.inner_text().strip() == page.title
            nav = tab.locator('[data-testid="stSidebarNav"]').inner_text()
            assert all(p.title in nav for p in PAGES), nav
            words = nav.lower().split()
            assert "page" not in words and "app" not in words and "main" not in words, nav  # no file names
        browser.close()
    return notices, _console_errors(messages)


def test_plain_streamlit_run_app_py_serves_a_cold_deep_link() -> None:
    with streamlit_server(script="app.py") as url:
        notices, errors = _open_deep_links(url)
    assert notices == 0
    assert errors == [], errors


def test_control_the_old_layout_shows_page_not_found(tmp_path: Path) -> None:
    """A plain script beside ``pages/`` (the layout before st.App) still trips Streamlit's old mode."""
    (tmp_path / "pages").symlink_to(ROOT / "pages", target_is_directory=True)
    (tmp_path / "legacy_app.py").write_text(LEGACY_SCRIPT, encoding="utf-8")
    (tmp_path / ".streamlit").symlink_to(ROOT / ".streamlit", target_is_directory=True)
    with streamlit_server(script="legacy_app.py", cwd=tmp_path) as url:
        notices, _ = _open_deep_links(url)
    assert notices >= 1


def test_no_private_streamlit_attribute_is_set_anywhere() -> None:
    """The old workaround assigned ``PagesManager.uses_pages_directory``; nothing may do that again."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "uses_pages_directory":
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_entry_script_has_no_pages_folder_beside_it() -> None:
    from components.ui.router import SCRIPT as script

    assert script.is_file()
    assert not (script.parent / "pages").exists()
    assert (ROOT / "pages").is_dir()  # the pages themselves stay where the registry says


def test_page_links_name_pages_by_absolute_file() -> None:
    """Streamlit resolves a relative page path against the *script's* folder (entry/), so a
    ``PageSpec.path`` handed to st.switch_page or st.page_link would miss; ``.file`` is absolute."""
    offenders = []
    for folder in ("components", "pages", "entry"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"switch_page", "page_link"}
                    and node.args
                    and isinstance(node.args[0], ast.Attribute)
                    and node.args[0].attr == "path"
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
