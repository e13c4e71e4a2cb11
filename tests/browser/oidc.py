"""A local OpenID provider for sign-in tests: oidc-provider-mock on a free loopback port, with
users registered (subject -> claims) so a test signs in as a chosen subject and address."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping

from scripts.devserver import free_port


@contextlib.contextmanager
def oidc_provider(users: Mapping[str, Mapping[str, object]]) -> Iterator[str]:
    """Run the provider with ``users`` registered; yield its issuer URL; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "NO_COLOR": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("oidc-provider-mock did not start") from None
                time.sleep(0.2)
        for sub, claims in users.items():
            request = urllib.request.Request(
                f"{issuer}/users/{sub}",
                data=json.dumps(dict(claims)).encode(),
                method="PUT",
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=5) as response:
                assert response.status == 204
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in(page, url: str, sub: str) -> None:
    """Open the app signed out, press Sign in, and authorize as ``sub`` at the provider's form."""
    page.goto(f"{url}/")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("input[name=sub]", timeout=20000)  # the provider's authorization form
    page.fill("input[name=sub]", sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**", timeout=20000)
