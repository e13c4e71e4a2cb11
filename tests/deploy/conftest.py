from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import sync_playwright

from deploy.cluster import Cluster
from tests.browser.server import ROOT, launch_browser


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


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
