"""A replica that dies is restarted by the cluster's supervisor, and a browser whose replica died
is told, on the replica it lands on, that unsaved work was lost (real Chromium through HAProxy).
"""

from __future__ import annotations

import time

import pytest

from components.ui import replica
from deploy import cluster as cluster_module
from deploy.cluster import STICKY_COOKIE, Cluster

pytestmark = pytest.mark.browser
CHART = ".js-plotly-plot .main-svg"
NOTICE = "not saved or downloaded"


def test_lost_replica_compares_the_pinned_name_with_this_one() -> None:
    assert replica.lost_replica("s1", "s2") == "s1"
    assert replica.lost_replica("s2", "s2") is None
    assert replica.lost_replica(None, "s2") is None  # a first visit: not pinned yet
    assert replica.lost_replica("s1", None) is None  # not behind the cluster
    assert replica.lost_replica(" ", "s1") is None
    assert cluster_module.REPLICA_ENV == replica.REPLICA_ENV


def test_a_reconnect_that_names_an_old_session_is_a_lost_session() -> None:
    assert replica.asked_to_resume("streamlit, xsrf-token, 5d1c7e2a-old-session")
    assert not replica.asked_to_resume("streamlit, xsrf-token")  # a first connect
    assert not replica.asked_to_resume("streamlit, xsrf-token, ")
    assert not replica.asked_to_resume(None)


def test_the_balancer_names_the_pinned_replica_to_the_app() -> None:
    config = cluster_module.render_haproxy_config(8080, [("s1", 9001)], cluster_module.ROOT / "x.sock")
    assert f"http-request del-header {replica.HEADER}" in config  # a client cannot pick the name
    assert f"set-header {replica.HEADER} %[req.cook({STICKY_COOKIE})]" in config


def _pinned(browser, cluster: Cluster, server: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    host = cluster.url.split("//")[1].split(":")[0]
    context.add_cookies([{"name": STICKY_COOKIE, "value": server, "domain": host, "path": "/"}])
    return context


def test_a_dead_replica_is_restarted_and_its_users_are_told_what_was_lost(run_in_browser) -> None:
    cluster = Cluster(processes=2, supervise=True)
    with cluster:
        run_in_browser(_dead_replica, cluster)


def _dead_replica(browser, cluster: Cluster) -> None:
    on_s1 = _pinned(browser, cluster, "s1")
    tab = on_s1.new_page()
    sockets: list[str] = []
    tab.on("websocket", lambda socket: sockets.append(socket.url))
    tab.goto(f"{cluster.url}/")
    tab.wait_for_selector(CHART, state="attached", timeout=60000)
    assert tab.get_by_text(NOTICE).count() == 0  # its own replica: nothing to say

    cluster.kill_backend("s1")
    deadline = time.monotonic() + 60
    while len(sockets) < 2:  # the frontend reconnects by itself; the balancer sends it to s2
        assert time.monotonic() < deadline, sockets
        tab.wait_for_timeout(250)
    # The new session runs the page at the next interaction (Streamlit does not rerun a page by
    # itself after a reconnect), and that first run says what was lost.
    tab.get_by_text("Hide low confidence", exact=True).click()
    tab.get_by_text(NOTICE).wait_for(timeout=60000)
    tab.wait_for_selector(CHART, state="attached", timeout=60000)
    tab.get_by_role("button", name="Understood").click()
    tab.get_by_text(NOTICE).wait_for(state="detached", timeout=30000)

    deadline = time.monotonic() + 120
    while not (cluster.restarts.get("s1") == 1 and cluster.server_states().get("s1") == "UP"):
        assert time.monotonic() < deadline, (cluster.restarts, cluster.server_states())
        time.sleep(0.5)
    assert cluster.restarts.get("s2") is None

    on_s2 = _pinned(browser, cluster, "s2")  # a user who never lost anything sees nothing
    other = on_s2.new_page()
    other.goto(f"{cluster.url}/")
    other.wait_for_selector(CHART, state="attached", timeout=60000)
    assert other.get_by_text(NOTICE).count() == 0
    fresh = browser.new_context().new_page()  # and the restarted replica serves again
    fresh.context.add_cookies(
        [{"name": STICKY_COOKIE, "value": "s1", "domain": cluster.url.split("//")[1].split(":")[0], "path": "/"}]
    )
    fresh.goto(f"{cluster.url}/")
    fresh.wait_for_selector(CHART, state="attached", timeout=60000)
    assert fresh.get_by_text(NOTICE).count() == 0
    for context in (on_s1, on_s2, fresh.context):
        context.close()
