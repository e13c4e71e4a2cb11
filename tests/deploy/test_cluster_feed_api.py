"""The feed and the data API through HAProxy in front of two replicas (``make cluster``): both
replicas serve them, and a replica answers with the same ETag as the other (the seed version is
a fixed hash, not the loader's per-process fingerprint), so a 304 works whichever one answers."""

from __future__ import annotations

import urllib.request

import feedparser
import pytest

from deploy.cluster import Cluster

API = "/api/v1/overview.csv?as_of=2026-05-31"


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def replicas():
    cluster = Cluster(processes=2)
    with cluster:
        yield cluster


def test_the_balancer_serves_the_feed_and_the_api(replicas) -> None:
    status, headers, body = _get(f"{replicas.url}/feed.atom")
    assert status == 200 and headers["content-type"].startswith("application/atom+xml")
    assert not feedparser.parse(body).bozo and feedparser.parse(body).entries
    assert headers["x-content-type-options"] == "nosniff"  # the balancer's headers on our routes too
    status, headers, body = _get(f"{replicas.url}{API}")
    assert status == 200 and body.startswith(b"\xef\xbb\xbf")


def test_every_replica_gives_the_same_etag_and_honours_it(replicas) -> None:
    tags = set()
    for backend in replicas.backends:
        status, headers, _ = _get(f"{backend.url.rstrip('/')}{API}")
        assert status == 200
        tags.add(headers["etag"])
    assert len(tags) == 1
    tag = tags.pop()
    for backend in replicas.backends:
        status, _, body = _get(f"{backend.url.rstrip('/')}{API}", {"If-None-Match": tag})
        assert status == 304 and body == b""
