"""The production settings: what the flags say, and that an uncaught error shows no code to viewers."""

from __future__ import annotations

import functools
import subprocess

import pytest

from deploy.cluster import CSP_DIRECTIVES, render_haproxy_config
from deploy.production import ROOT, production_flags, streamlit_command
from scripts.devserver import serve


def _settings() -> dict[str, str]:
    flags = production_flags()
    return dict(zip(flags[::2], flags[1::2], strict=True))


def test_production_flags_switch_off_error_details_and_keep_xsrf_and_origin_checks() -> None:
    settings = _settings()
    assert settings["--client.showErrorDetails"] == "none"
    assert settings["--server.enableXsrfProtection"] == "true"
    assert settings["--server.enableCORS"] == "true"
    assert settings["--browser.gatherUsageStats"] == "false"
    assert "--server.cookieSecret" not in settings  # from the environment, never on a command line


def test_a_replica_listens_where_it_is_told() -> None:
    command = streamlit_command(8600)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert command[command.index("--server.port") + 1] == "8600"


def test_haproxy_config_pins_sessions_checks_health_limits_connections_and_sets_headers(tmp_path) -> None:
    config = render_haproxy_config(8080, [("s1", 9001), ("s2", 9002)], tmp_path / "stats.sock")
    assert "bind 127.0.0.1:8080" in config
    assert "cookie SERVERID insert indirect nocache" in config
    assert "server s1 127.0.0.1:9001 cookie s1" in config and "server s2 127.0.0.1:9002 cookie s2" in config
    assert "http-check send meth GET uri /_stcore/health" in config
    assert "timeout tunnel" in config and "maxconn 1000" in config
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"):
        assert f"http-after-response set-header {header} " in config
    assert CSP_DIRECTIVES[-1].startswith("connect-src")  # the template appends the ws:// origin to it
    check = subprocess.run(["/usr/sbin/haproxy", "-c", "-q", "-f", "/dev/stdin"], input=config, text=True)
    assert check.returncode == 0


def _generic_error_shown(browser, url: str) -> None:
    tab = browser.new_page()
    tab.goto(url)
    tab.get_by_text("This app has encountered an error").wait_for(timeout=30000)
    body = tab.inner_text("body")
    assert "Raising page" in body
    for leak in ("internal detail", "/srv/secret", "ValueError", "Traceback", "raising_app.py"):
        assert leak not in body


@pytest.mark.browser
def test_an_uncaught_error_shows_a_generic_message_without_code(run_in_browser) -> None:
    command = functools.partial(streamlit_command, script="tests/deploy/raising_app.py")
    with serve(command, cwd=ROOT, start_timeout=60) as server:
        run_in_browser(_generic_error_shown, server.url)
