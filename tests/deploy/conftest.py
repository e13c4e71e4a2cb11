from __future__ import annotations

import shutil
import threading
from collections.abc import Callable

import pytest
from playwright.sync_api import sync_playwright

from deploy.cluster import Cluster
from scripts.devserver import ROOT, launch_browser


def _run_with_browser(body: Callable[..., None], *args: object) -> None:
    """Run ``body(browser, *args)`` in a thread of its own, with its own Playwright and Chromium.

    Playwright's sync API allows one instance per thread, and tests/browser keeps a session-wide
    one open in the main thread; a thread of our own works whichever tests run first.
    """
    outcome: list[BaseException] = []

    def target() -> None:
        try:
            with sync_playwright() as playwright:
                browser = launch_browser(playwright)
                try:
                    body(browser, *args)
                finally:
                    browser.close()
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=target, name="deploy-browser")
    thread.start()
    thread.join()
    if outcome:
        raise outcome[0]


@pytest.fixture
def run_in_browser() -> Callable[..., None]:
    return _run_with_browser


@pytest.fixture(scope="module")
def shared_seeds(tmp_path_factory):
    """A scratch copy of the repository's seeds: the one folder every replica reads."""
    seeds = tmp_path_factory.mktemp("cluster") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return seeds


@pytest.fixture(scope="module")
def cluster(shared_seeds):
    """Two replicas behind HAProxy on loopback, editing on, sharing ``shared_seeds``."""
    cluster = Cluster(processes=2, seeds=shared_seeds, editing=True)
    with cluster:
        yield cluster
