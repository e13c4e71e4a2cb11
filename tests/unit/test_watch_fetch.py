"""The safe fetcher against the loopback fixture site: every rule refuses what it should, in words."""

from __future__ import annotations

import socket
import time

import pytest

from data.watch.fetch import PAGE_TYPES, USER_AGENT, FetchError, SafeFetcher, address_problem, allowed_hosts_from_env
from scripts import news_site as server


@pytest.fixture(scope="module")
def site():
    running = server.start()
    yield running
    server.stop(running)


def _fetcher(**kwargs) -> SafeFetcher:
    defaults = {"allow_hosts": frozenset({"127.0.0.1"}), "timeout": 1.0, "deadline": 5.0, "min_interval": 0.0}
    return SafeFetcher(**{**defaults, **kwargs})


def _refusal(fetcher: SafeFetcher, url: str, accept=PAGE_TYPES) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url, accept)
    return caught.value


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public"),
        ("::ffff:127.0.0.1", "loopback"),
    ],
)
def test_non_public_addresses_are_refused(address, words) -> None:
    problem = address_problem(address)
    assert problem is not None and words in problem


def test_public_addresses_pass() -> None:
    assert address_problem("93.184.216.34") is None
    assert address_problem("2606:4700:4700::1111") is None


def test_allow_list_is_read_from_the_environment() -> None:
    assert allowed_hosts_from_env({"H200_FETCH_ALLOW_HOSTS": " 127.0.0.1, News.Test ,"}) == {"127.0.0.1", "news.test"}
    assert allowed_hosts_from_env({}) == frozenset()


def test_loopback_is_refused_unless_allowed(site) -> None:
    error = _refusal(_fetcher(allow_hosts=frozenset()), site.base + "/news/h200-new-story.html")
    assert error.kind == "refused" and "127.0.0.1 is a loopback address; such addresses are never fetched" in str(error)
    body = _fetcher().fetch(site.base + "/news/h200-new-story.html").text()
    assert "120,000 H200" in body


def test_polite_user_agent_and_robots_are_used(site) -> None:
    _fetcher().fetch(site.base + "/news/atom-story.html")
    headers = dict(site.requests)[("/news/atom-story.html")]
    assert headers["User-Agent"] == USER_AGENT
    assert "/robots.txt" in site.paths()
    error = _refusal(_fetcher(), site.base + "/private/story.html")
    assert error.kind == "refused" and "robots.txt" in str(error)
    assert "/private/story.html" not in site.paths()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/go/metadata", "169.254.169.254 is a link-local address"),
        ("/go/localhost", "localhost resolves to 127.0.0.1, a loopback address"),
        ("/go/loop", "more than 5 redirects"),
    ],
)
def test_redirects_are_checked_hop_by_hop(site, path, words) -> None:
    error = _refusal(_fetcher(), site.base + path)
    assert error.kind == "refused" and words in str(error)


def test_an_allowed_redirect_is_followed(site) -> None:
    result = _fetcher().fetch(site.base + "/go/story")
    assert result.final_url == site.base + "/news/atom-story.html"
    assert result.hops == (site.base + "/go/story",)


def test_a_20_mb_page_is_stopped_early(site) -> None:
    started = time.monotonic()
    error = _refusal(_fetcher(), site.base + "/news/huge.html")
    assert error.kind == "refused" and "larger than 2.1 MB" in str(error)
    assert time.monotonic() - started < 5
    time.sleep(0.3)  # let the server thread notice the closed connection
    assert site.huge_bytes_sent and site.huge_bytes_sent[-1] < 10 * 1024 * 1024
    declared = _refusal(_fetcher(), site.base + "/news/huge-declared.html")
    assert "the page is 21.0 MB" in str(declared)


def test_a_slow_page_times_out_and_may_be_retried(site) -> None:
    started = time.monotonic()
    error = _refusal(_fetcher(timeout=0.5), site.base + "/news/slow.html")
    assert error.kind == "failed" and "timed out" in str(error)
    assert time.monotonic() - started < server.SLOW_SECONDS


def test_a_non_html_item_is_refused_before_its_body_is_read(site) -> None:
    error = _refusal(_fetcher(), site.base + "/files/report.pdf")
    assert error.kind == "refused" and "application/pdf" in str(error)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/x", "only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http:///nohost", "no host name"),
        ("http://[::1", "not a valid URL"),
    ],
)
def test_bad_addresses_are_refused_without_a_request(url, words) -> None:
    error = _refusal(_fetcher(), url)
    assert error.kind == "refused" and words in str(error)


def test_the_checked_address_is_the_one_connected_to(site, monkeypatch) -> None:
    """DNS rebinding: the name is resolved once per hop, checked, and the connection goes to that
    address; a second lookup of the name (which could answer differently) never happens."""
    port = int(site.base.rsplit(":", 1)[1])
    lookups: list[str] = []

    def resolver(host: str, _port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    real = socket.getaddrinfo

    def no_name_lookups(host, *args, **kwargs):
        if host == "news.test":
            raise AssertionError("the host name was resolved again after the check")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_name_lookups)
    fetcher = _fetcher(allow_hosts=frozenset({"news.test"}), resolver=resolver, obey_robots=False)
    body = fetcher.fetch(f"http://news.test:{port}/echo-host").text()
    assert f"news.test:{port}" in body  # the Host header names the site, the socket went to the checked IP
    assert lookups == ["news.test"]


def test_one_bad_address_among_several_refuses_the_host() -> None:
    fetcher = _fetcher(allow_hosts=frozenset(), resolver=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    error = _refusal(fetcher, "http://mixed.example/")
    assert "mixed.example resolves to 10.0.0.7, a private-network address" in str(error)


def test_requests_to_one_host_are_spaced(site) -> None:
    fetcher = _fetcher(min_interval=0.4, obey_robots=False)
    started = time.monotonic()
    fetcher.fetch(site.base + "/news/atom-story.html")
    fetcher.fetch(site.base + "/news/h200-new-story.html")
    assert time.monotonic() - started >= 0.4


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory):
    """The fixture site over HTTPS with a self-signed certificate for the name news.test."""
    import subprocess

    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=news.test",
         "-addext", "subjectAltName=DNS:news.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    running = server.start(tls=(cert, key))
    yield running, cert
    server.stop(running)


def test_https_to_a_pinned_address_still_checks_the_certificate_name(tls_site) -> None:
    """The socket goes to the checked IP, yet TLS verifies the certificate against the host name."""
    import ssl

    site, cert = tls_site
    port = int(site.base.rsplit(":", 1)[1])
    trusted = ssl.create_default_context(cafile=str(cert))
    fetcher = _fetcher(
        allow_hosts=frozenset({"news.test", "wrong.test"}),
        resolver=lambda host, _port: ["127.0.0.1"],
        obey_robots=False,
        verify=trusted,
    )
    assert f"news.test:{port}" in fetcher.fetch(f"https://news.test:{port}/echo-host").text()
    error = _refusal(fetcher, f"https://wrong.test:{port}/echo-host")  # same address, a name the cert lacks
    assert error.kind == "failed" and "connection failed" in str(error)
    untrusted = _fetcher(allow_hosts=frozenset({"news.test"}), resolver=lambda h, p: ["127.0.0.1"], obey_robots=False)
    assert "connection failed" in str(_refusal(untrusted, f"https://news.test:{port}/echo-host"))


def test_the_declared_charset_is_used_and_compressed_bodies_are_refused(site) -> None:
    result = _fetcher().fetch(site.base + "/news/gbk.html")
    assert result.charset == "GBK" and result.content_type == "text/html"
    assert "英伟达 H200 芯片 中国" in result.text()
    error = _refusal(_fetcher(), site.base + "/news/gzip.html")
    assert error.kind == "refused" and "gzip-compressed" in str(error)


def test_an_unreadable_robots_txt_stops_the_site_for_now_and_says_so() -> None:
    def unresolvable(host: str, _port: int) -> list[str]:
        raise FetchError(f"the host name {host!r} could not be resolved")

    error = _refusal(_fetcher(resolver=unresolvable), "https://offline.example/feed.xml")
    assert error.kind == "failed"  # tried again on a later run
    assert "robots.txt of offline.example could not be read" in str(error) and "could not be resolved" in str(error)
