"""Streamlit sign-in cookies made exactly as ``st.login`` makes them, for tests of the gate.

Uses Streamlit's own chunking (``set_cookie_with_chunks``) and the same itsdangerous serializer,
with an optional signing time so tests can forge an old cookie with the real secret.
"""

from __future__ import annotations

import json
import time
from typing import Any

from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from streamlit.auth_util import get_cookie_with_chunks, set_cookie_with_chunks

USER_COOKIE = "_streamlit_user"


def _serializer(secret: str, name: str, signed_at: float | None) -> URLSafeTimedSerializer:
    if signed_at is None:
        return URLSafeTimedSerializer(secret, salt=name)

    class FixedTime(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(signed_at)

    return URLSafeTimedSerializer(secret, salt=name, signer=FixedTime)


def user_cookies(claims: dict[str, Any], secret: str, signed_at: float | None = None) -> dict[str, str]:
    """The cookie jar (name -> value) ``st.login`` sets for these identity claims."""
    jar: dict[str, str] = {}

    def sign(name: str, value: str) -> bytes:
        return _serializer(secret, name, signed_at).dumps(value).encode()

    def put(name: str, value: str) -> None:
        jar[name] = sign(name, value).decode()

    set_cookie_with_chunks(put, sign, USER_COOKIE, claims, cookie_attr_size=60)
    return jar


def read_claims(jar: dict[str, str], secret: str) -> dict[str, Any]:
    """The claims inside a real sign-in cookie jar (what the browser got from Streamlit)."""

    def get(name: str) -> bytes | None:
        value = jar.get(name)
        return None if value is None else str(URLSafeTimedSerializer(secret, salt=name).loads(value)).encode()

    raw = get_cookie_with_chunks(get, USER_COOKIE)
    assert raw is not None, "no sign-in cookie"
    return json.loads(raw)


def claims(
    sub: str, email: str | None, *, verified: object = True, exp_in: float = 3600, **extra: Any
) -> dict[str, Any]:
    """Identity claims as Streamlit stores them after a sign-in (ID token claims + its own)."""
    now = time.time()
    result: dict[str, Any] = {
        "iss": "http://idp.test",
        "sub": sub,
        "aud": "h200-tracker",
        "iat": int(now),
        "exp": int(now + exp_in),
        "origin": "http://testserver",
        "is_logged_in": True,
        "provider": "default",
        **extra,
    }
    if email is not None:
        result["email"] = email
    if verified is not None:
        result["email_verified"] = verified
    return result
