"""A fetcher that is safe to point at the internet: the watcher and "Paste a link" both use it.

Why each rule is here:
- Only http(s). Every hop's host is resolved and *each* address checked: loopback, private,
  link-local, multicast, reserved and other non-global addresses are refused (so a feed item
  or a pasted link cannot reach the cluster's own services or a cloud metadata address),
  unless the host is listed in ``H200_FETCH_ALLOW_HOSTS`` (comma-separated; tests list 127.0.0.1).
- The connection goes to the address that was checked (the URL is rewritten to the IP, with
  the Host header and TLS server name kept), so DNS cannot answer differently a moment later
  (rebinding). Proxies from the environment are ignored for the same reason.
- Redirects are followed by hand, at most ``MAX_REDIRECTS``, each one checked like the first.
- Timeouts per step and a deadline for the whole fetch, so a page that trickles bytes ends.
- A size limit: a declared Content-Length over it is refused unread; otherwise the body is
  streamed and the fetch stops as soon as it passes the limit.
- The content type is checked before the body is read (a page must be HTML or text).
- A polite User-Agent, one request per host every ``min_interval`` seconds, and robots.txt.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import ssl
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urljoin, urlsplit

import httpx

ALLOW_HOSTS_ENV = "H200_FETCH_ALLOW_HOSTS"
USER_AGENT = "H200ChinaTrackerWatcher/1.0 (+news watcher for a research dashboard; one request per host per second)"
MAX_BYTES = 2 * 1024 * 1024  # the drafter reads at most 2 MB of text
MAX_ROBOTS_BYTES = 512 * 1024
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+xml",
)
_REDIRECTS = (301, 302, 303, 307, 308)

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """The fetch did not give a usable body. ``kind`` is "refused" (a rule said no: never retried)
    or "failed" (network, timeout, server error: worth another try later); the message is plain."""

    def __init__(self, message: str, kind: str = "failed") -> None:
        super().__init__(message)
        self.kind = kind


def _refused(message: str) -> FetchError:
    return FetchError(message, "refused")


@dataclass(frozen=True)
class FetchResult:
    url: str  # what was asked for
    final_url: str  # where the body came from, after redirects
    status: int
    content_type: str
    body: bytes
    hops: tuple[str, ...] = ()

    charset: str | None = None  # from the Content-Type header

    def text(self) -> str:
        """The body as text: the declared charset, else UTF-8, else a <meta charset>, else UTF-8 with
        replacement characters (Chinese outlets often serve GBK)."""
        for candidate in (self.charset, "utf-8", _meta_charset(self.body)):
            if candidate:
                try:
                    return self.body.decode(candidate)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.body.decode("utf-8", "replace")


def allowed_hosts_from_env(env: dict[str, str] | None = None) -> frozenset[str]:
    raw = (env if env is not None else os.environ).get(ALLOW_HOSTS_ENV, "")
    return frozenset(h.strip().lower().strip("[]") for h in raw.split(",") if h.strip())


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the host resolves to (IPv4 and IPv6), as text."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"the host name {host!r} could not be resolved ({error})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(address: str) -> str | None:
    """Why an address may not be fetched from ("10.0.0.1 is a private-network address"), or None."""
    kind = address_kind(address)
    return f"{address} is {kind}" if kind else None


def address_kind(address: str) -> str | None:
    """What kind of non-public address this is, in words, or None when it is a public one."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, words in (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private-network address"),
        (not ip.is_global, "not a public internet address"),
    ):
        if test:
            return words
    return None


def _meta_charset(body: bytes) -> str | None:
    found = re.search(rb"<meta[^>]{0,200}charset=[\"']?([A-Za-z0-9._-]{2,40})", body[:4096], re.I)
    return found.group(1).decode("ascii") if found else None


def _media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


@dataclass
class SafeFetcher:
    """One fetcher per run (or per page session): it keeps the robots.txt cache and host clocks."""

    allow_hosts: frozenset[str] = field(default_factory=allowed_hosts_from_env)
    user_agent: str = USER_AGENT
    timeout: float = 10.0  # seconds for connect, and for each read
    deadline: float = 30.0  # seconds for a whole fetch, redirects included
    max_bytes: int = MAX_BYTES
    min_interval: float = 1.0  # seconds between two requests to one host
    obey_robots: bool = True
    resolver: Resolver = system_resolver
    verify: ssl.SSLContext | bool = True  # TLS certificates are checked against the host NAME (tests pass a CA)
    _robots: dict[str, urllib.robotparser.RobotFileParser | str | None] = field(default_factory=dict, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def fetch(self, url: str, accept: Iterable[str] = PAGE_TYPES) -> FetchResult:
        """GET ``url`` under every rule above; raise ``FetchError`` with the reason otherwise."""
        accept = tuple(accept)
        started = time.monotonic()
        hops: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            parts = self._check_url(current)
            if self.obey_robots and not self._robots_allow(parts, current, started):
                raise _refused(f"robots.txt of {parts.hostname} does not allow fetching {parts.path or '/'}")
            response = self._request(current, parts, started, accept, self.max_bytes)
            if isinstance(response, str):  # a redirect: its Location, made absolute
                hops.append(current)
                current = response
                continue
            status, content_type, body = response
            charset = re.search(r"charset=[\"']?([A-Za-z0-9._-]+)", content_type.partition(";")[2])
            found = charset.group(1) if charset else None
            return FetchResult(url, current, status, _media_type(content_type), body, tuple(hops), found)
        raise _refused(f"more than {MAX_REDIRECTS} redirects")

    # -- the rules -------------------------------------------------------------------------------

    def _check_url(self, url: str) -> SplitResult:
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError:
            raise _refused("the address is not a valid URL") from None
        if parts.scheme not in ("http", "https"):
            raise _refused(f"only http and https addresses are fetched (not {parts.scheme or 'none'}:)")
        if not parts.hostname:
            raise _refused("the address has no host name")
        if parts.username or parts.password:
            raise _refused("addresses with a user name or password are not fetched")
        del port
        return parts

    def _addresses(self, parts: SplitResult) -> list[str]:
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = self.resolver(host, port)
        if not addresses:
            raise FetchError(f"the host name {host!r} has no address")
        if host.lower() in self.allow_hosts:
            return addresses
        for address in addresses:
            kind = address_kind(address)
            if kind:
                where = (
                    f"{address} is {kind}" if address == host.strip("[]") else f"{host} resolves to {address}, {kind}"
                )
                raise _refused(f"{where}; such addresses are never fetched")
        return addresses

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, -1e9) + self.min_interval
            self._last[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def _remaining(self, started: float) -> float:
        left = self.deadline - (time.monotonic() - started)
        if left <= 0:
            raise FetchError(f"the fetch took longer than {self.deadline:g} seconds")
        return left

    def _robots_allow(self, parts: SplitResult, url: str, started: float) -> bool:
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin, started)
        parser = self._robots[origin]
        if isinstance(parser, str):  # robots.txt could not be read: nothing from that site, for now
            raise FetchError(f"robots.txt of {parts.hostname} could not be read ({parser}); nothing is fetched from it")
        return True if parser is None else parser.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str, started: float) -> urllib.robotparser.RobotFileParser | str | None:
        """RFC 9309: no robots.txt (4xx) means everything is allowed (None); an unreachable or
        failing one (5xx, network error) means nothing is, for now (the reason, as text)."""
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            result = self._request(robots_url, urlsplit(robots_url), started, None, MAX_ROBOTS_BYTES, robots=True)
        except FetchError as error:
            if error.kind == "refused":
                raise
            return str(error)
        if isinstance(result, str):  # a redirected robots.txt: treated as absent (allow), not followed
            return None
        status, _, body = result
        if 400 <= status < 500:
            return None
        if status >= 500:
            return f"the server answered {status}"
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    def _request(
        self,
        url: str,
        parts: SplitResult,
        started: float,
        accept: tuple[str, ...] | None,
        limit: int,
        robots: bool = False,
    ) -> tuple[int, str, bytes] | str:
        """One GET to a checked address: the redirect target (str) or (status, type, body)."""
        host = parts.hostname or ""
        addresses = self._addresses(parts)
        address = addresses[0]
        pinned = _pinned_url(parts, address)
        headers = {
            "Host": parts.netloc.rsplit("@", 1)[-1],
            "User-Agent": self.user_agent,
            "Accept": ", ".join(accept or ("text/plain",)) + ", */*;q=0.1",
            "Accept-Encoding": "identity",
        }
        self._wait_for_host(host)
        left = self._remaining(started)
        timeout = httpx.Timeout(min(self.timeout, left), pool=min(self.timeout, left))
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        try:
            with (
                httpx.Client(trust_env=False, follow_redirects=False, timeout=timeout, verify=self.verify) as client,
                client.stream("GET", pinned, headers=headers, extensions=extensions) as response,
            ):
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"a redirect ({response.status_code}) without a Location")
                    return urljoin(url, location)
                status = response.status_code
                if robots:
                    return status, "", self._read(response, limit, started) if status < 300 else b""
                if status >= 400:
                    retry = status >= 500 or status == 429
                    raise FetchError(f"the server answered {status}", "failed" if retry else "refused")
                header = response.headers.get("content-type") or ""
                media = _media_type(header)
                if accept is not None and media not in accept:
                    raise _refused(f"not a web page or feed: the server says it is {media or 'of no declared type'}")
                encoding = (response.headers.get("content-encoding") or "identity").strip().lower()
                if encoding != "identity":  # we asked for identity; a compressed body could hide its size
                    raise _refused(f"the server sent a {encoding}-compressed body after being asked for none")
                return response.status_code, header, self._read(response, limit, started)
        except httpx.TimeoutException:
            raise FetchError(f"no answer within {min(self.timeout, left):g} seconds (timed out)") from None
        except httpx.HTTPError as error:
            raise FetchError(f"the connection failed ({type(error).__name__})") from None

    def _read(self, response: httpx.Response, limit: int, started: float) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise _refused(f"the page is {int(declared) / 1e6:.1f} MB; at most {limit / 1e6:.1f} MB is fetched")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > limit:
                raise _refused(f"the page is larger than {limit / 1e6:.1f} MB; the fetch stopped there")
            chunks.append(chunk)
            self._remaining(started)
        return b"".join(chunks)


def _pinned_url(parts: SplitResult, address: str) -> str:
    """The same URL with its host replaced by the checked address (IPv6 in brackets)."""
    literal = f"[{address}]" if ":" in address else address
    netloc = literal + (f":{parts.port}" if parts.port else "")
    path = parts.path or "/"
    return f"{parts.scheme}://{netloc}{path}" + (f"?{parts.query}" if parts.query else "")
