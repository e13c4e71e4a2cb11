"""Two replicas behind HAProxy on loopback, driven by real Chromium through the balancer.

(a) pages render through the balancer with the security headers and no console errors
    (so no Content-Security-Policy violation), and a browser stays on one replica;
(b) a report saved into the shared seeds folder shows on both replicas at the next interaction;
(c) a killed replica is taken out by the health check and new sessions still work.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import time
from pathlib import Path

import pytest
import yaml

from components.registry import PAGES
from data.load import load_seeds
from deploy.cluster import STICKY_COOKIE, Cluster
from scripts.devserver import ROOT
from tests.conftest import day_after_newest, newest_report_day

pytestmark = pytest.mark.browser

# Streamlit's frontend first probes its endpoints under the page's own path (/<page>/_stcore/...)
# and falls back to the root; those 404s are the framework's (a single server does the same).
FRAMEWORK_PROBE = re.compile(r"/[a-z-]+/_stcore/(health|host-config)$")
CHART = ".js-plotly-plot .main-svg"
EXPECTED_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "referrer-policy": "strict-origin-when-cross-origin",
}
# Besides the landing page: two charts per page, and tables with tabs and search. (Every page was
# checked this way once; the set is kept small so the file stays well under 90 s.)
PAGES_WITH_MOST_KINDS_OF_ELEMENT = [p for p in PAGES if p.page_id in {"approvals", "supply_demand", "sources"}]
NEW_DATE = day_after_newest(ROOT / "seeds")  # the newest report, so "latest report" moves to it
NEW_ID = f"{NEW_DATE}-replica-check-wire-h200-decision"


class Watch:
    """Console errors, page errors, CSP violations and failed requests of one tab."""

    def __init__(self, tab) -> None:
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.websockets: list[str] = []
        tab.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))"
        )
        tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        tab.on("response", self._response)
        tab.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        tab.on("websocket", lambda ws: self.websockets.append(ws.url))

    def _response(self, response) -> None:
        if response.status >= 400 and not FRAMEWORK_PROBE.search(response.url):
            self.failed.append(f"{response.status} {response.url}")

    def assert_clean(self) -> None:
        errors = [e for e in self.errors if not e.startswith("Failed to load resource")]
        assert errors == [], errors
        assert self.failed == [], self.failed


def _open(context, url: str) -> tuple:
    tab = context.new_page()
    watch = Watch(tab)
    tab.goto(url)
    tab.wait_for_selector(CHART, state="attached", timeout=60000)
    return tab, watch


def _pinned(browser, cluster: Cluster, server: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    host = cluster.url.split("//")[1].split(":")[0]
    context.add_cookies([{"name": STICKY_COOKIE, "value": server, "domain": host, "path": "/"}])
    return context


def _sticky(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == STICKY_COOKIE), None)


def _connections(cluster: Cluster) -> dict[str, int]:
    """Connections HAProxy has opened to each replica so far (health checks not counted)."""
    return cluster.server_stat("stot")


def _assert_only_on(cluster: Cluster, server: str, before: dict[str, int]) -> None:
    """Every connection since ``before`` went to ``server``: page, static files and websocket."""
    after = _connections(cluster)
    added = {name: after[name] - before[name] for name in after}
    assert added[server] > 0 and sum(added.values()) == added[server], added


def test_pages_through_the_balancer_have_headers_no_console_errors_and_stay_on_one_replica(
    cluster, run_in_browser
) -> None:
    run_in_browser(_pages_through_the_balancer, cluster)


def _pages_through_the_balancer(browser, cluster: Cluster) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch(tab)
    before = _connections(cluster)
    response = tab.goto(f"{cluster.url}/")
    headers = response.headers
    for name, value in EXPECTED_HEADERS.items():
        assert headers.get(name) == value, (name, headers.get(name))
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp and "'unsafe-eval'" not in csp
    tab.wait_for_selector(CHART, state="attached", timeout=60000)
    assert tab.locator(".js-plotly-plot .trace").count() >= 1  # data drawn, not just an empty frame
    server = _sticky(context)
    assert server in {"s1", "s2"}
    assert watch.websockets == [f"{cluster.url.replace('http', 'ws')}/_stcore/stream"]

    assert len(PAGES_WITH_MOST_KINDS_OF_ELEMENT) == 3
    for page in PAGES_WITH_MOST_KINDS_OF_ELEMENT:  # through the balancer, on the same replica
        tab.goto(f"{cluster.url}/{page.url_path}")
        tab.wait_for_selector(CHART, state="attached", timeout=60000)
        assert tab.get_by_text("Page not found").count() == 0, page.url_path
    tab.wait_for_timeout(1000)
    assert _sticky(context) == server
    _assert_only_on(cluster, server, before)
    assert cluster.server_stat("scur")[server] >= 1  # the websocket is still open, on that replica
    watch.assert_clean()
    context.close()


def _write_report_atomically(seeds: Path) -> None:
    """Copy an existing source under a new id and date, the way an editor saves: temp file, rename."""
    original = seeds / "sources" / "2025-11-24-trt-world-lutnick-h200-decision-trump.yaml"
    document = yaml.safe_load(original.read_text())
    document["source"].update(id=NEW_ID, title="Replica check", publisher="Replica Check Wire", published=NEW_DATE)
    for number, claim in enumerate(document["claims"], start=1):
        claim.update(id=f"replica-check.{number}", date=NEW_DATE)
        claim.pop("contradicts", None)
    temporary = seeds / "sources" / f".{NEW_ID}.yaml.part"
    temporary.write_text(yaml.safe_dump(document, sort_keys=False))
    os.replace(temporary, seeds / "sources" / f"{NEW_ID}.yaml")


def test_a_report_saved_to_the_shared_folder_shows_on_every_replica(cluster, run_in_browser, shared_seeds) -> None:
    run_in_browser(_report_shows_on_every_replica, cluster, shared_seeds)


def _report_shows_on_every_replica(browser, cluster: Cluster, shared_seeds: Path) -> None:
    contexts = {server: _pinned(browser, cluster, server) for server in ("s1", "s2")}
    tabs = {}
    for server, context in contexts.items():  # one at a time, to see where its connections go
        before = _connections(cluster)
        tabs[server] = _open(context, f"{cluster.url}/")
        tabs[server][0].wait_for_timeout(500)
        _assert_only_on(cluster, server, before)
        assert f"latest report {newest_report_day(ROOT / 'seeds'):%d %b %Y}" in tabs[server][0].inner_text("body"), (
            server
        )

    _write_report_atomically(shared_seeds)
    assert load_seeds(shared_seeds).problems == []

    for server, (tab, watch) in tabs.items():  # the next interaction on each replica
        tab.get_by_text("Hide low confidence", exact=True).click()
        tab.get_by_text(f"latest report {dt.date.fromisoformat(NEW_DATE):%d %b %Y}").wait_for(timeout=20000)
        assert _sticky(contexts[server]) == server
        watch.assert_clean()
    for context in contexts.values():
        context.close()


def test_a_killed_replica_is_taken_out_and_new_sessions_still_work(run_in_browser) -> None:
    cluster = Cluster(processes=2, supervise=False)  # the health check alone (restarts: test_replica_restart)
    with cluster:
        run_in_browser(_killed_replica_is_taken_out, cluster)


def _killed_replica_is_taken_out(browser, cluster: Cluster) -> None:
    url = cluster.url
    cluster.kill_backend("s1")
    deadline = time.monotonic() + 15
    while cluster.server_states()["s1"] != "DOWN":
        assert time.monotonic() < deadline, cluster.server_states()
        time.sleep(0.25)
    assert cluster.server_states()["s2"] == "UP"

    for pinned in ("s1", None):  # a browser pinned to the dead replica, and a fresh one
        context = _pinned(browser, cluster, pinned) if pinned else browser.new_context()
        tab, watch = _open(context, f"{url}/")
        assert tab.locator(".js-plotly-plot .trace").count() >= 1
        assert _sticky(context) == "s2"
        watch.assert_clean()
        context.close()


def test_a_crafted_host_header_adds_no_source_to_the_policy(cluster) -> None:
    """Only a plain host[:port] is echoed into connect-src; anything else leaves 'self' alone."""
    port = int(cluster.url.rsplit(":", 1)[1])
    for host, expected in (
        (f"127.0.0.1:{port}", f"connect-src 'self' ws://127.0.0.1:{port} wss://127.0.0.1:{port}"),
        ("evil.example; script-src *", "connect-src 'self'"),
    ):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/_stcore/health", headers={"Host": host})
        response = connection.getresponse()
        policy = response.getheader("Content-Security-Policy")
        connection.close()
        assert policy.endswith(expected), policy
        assert policy.count("script-src") == 1
