"""Sign-in sessions as the gate sees them: settings from the secrets, and Streamlit's cookie read.

``st.login`` keeps the whole identity in a signed cookie (``_streamlit_user``, itsdangerous,
salted with the cookie's name, split into ``_streamlit_user_1``... when large) and Streamlit
accepts it for 31 days. The gate reads the same cookie itself and adds what Streamlit lacks: a
configurable maximum age, the ID token's own expiry, and the shared revocation list. Pure
functions: the secrets arrive as a mapping, the clock as a number.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from components.access import (
    AccessPolicy,
    AccessSettingsError,
    auth_settings_problem,
    policy_from_settings,
)

USER_COOKIE = "_streamlit_user"
#: Default and ceiling of ``[access] session_max_age_hours``; Streamlit's cookie lives 30 days.
DEFAULT_MAX_AGE_HOURS = 12.0
MAX_MAX_AGE_HOURS = 30 * 24.0
#: Clock difference tolerated between this server and the identity provider.
CLOCK_SKEW_SECONDS = 60
MIN_READ_TOKEN_CHARS = 32
NOBODY = "nobody is signed in"


@dataclass(frozen=True)
class GateSettings:
    """Everything the gate needs from the secrets; ``problem`` set means "refuse everyone"."""

    cookie_secret: str = ""
    policy: AccessPolicy = field(default_factory=AccessPolicy)
    max_age_seconds: float = DEFAULT_MAX_AGE_HOURS * 3600
    read_tokens: Mapping[str, str] = field(default_factory=dict)  # token -> its label
    https: bool = False  # the public address (redirect_uri) is https: cookies get Secure
    problem: str | None = None


def _max_age(access: Mapping[str, Any]) -> float:
    value = access.get("session_max_age_hours", DEFAULT_MAX_AGE_HOURS)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= MAX_MAX_AGE_HOURS:
        raise AccessSettingsError(
            f"[access] session_max_age_hours must be a number of hours above 0 and at most {MAX_MAX_AGE_HOURS:g}"
        )
    return float(value) * 3600


def _read_tokens(section: object) -> dict[str, str]:
    if section is None:
        return {}
    if not isinstance(section, Mapping):
        raise AccessSettingsError('[read_tokens] must be a table of label = "token" lines')
    tokens: dict[str, str] = {}
    for label, token in section.items():
        if not isinstance(token, str) or len(token) < MIN_READ_TOKEN_CHARS:
            raise AccessSettingsError(
                f"[read_tokens] {label} must be at least {MIN_READ_TOKEN_CHARS} random characters"
            )
        tokens[token] = str(label)
    return tokens


def settings_from_secrets(secrets: Mapping[str, Any]) -> GateSettings | None:
    """None when sign-in is off (no ``[auth]`` section); otherwise the settings or their problem."""
    auth = secrets.get("auth")
    if auth is None:
        return None
    if not isinstance(auth, Mapping):
        return GateSettings(problem="[auth] must be a TOML table")
    problem = auth_settings_problem(auth)
    if problem is not None:
        return GateSettings(problem=problem)
    access = secrets.get("access") or {}
    try:
        policy = policy_from_settings(access)
        max_age = _max_age(access)
        tokens = _read_tokens(secrets.get("read_tokens"))
    except AccessSettingsError as error:
        return GateSettings(problem=str(error))
    return GateSettings(
        cookie_secret=str(auth["cookie_secret"]),
        policy=policy,
        max_age_seconds=max_age,
        read_tokens=tokens,
        https=str(auth["redirect_uri"]).startswith("https://"),
    )


@dataclass(frozen=True)
class Session:
    """One sign-in, read from its cookie: the identity claims and when the cookie was signed."""

    claims: Mapping[str, Any]
    signed_at: float
    key: str  # names this sign-in (and every copy of its cookie) in the revocation list


class SessionRefused(Exception):
    """The cookie is missing, forged, too old or holds an expired ID token; the reason says which."""


def _unsign(secret: str, name: str, value: str) -> tuple[bytes, float]:
    from itsdangerous import BadSignature, URLSafeTimedSerializer

    serializer = URLSafeTimedSerializer(secret, salt=name)
    try:
        payload, signed = serializer.loads(value, return_timestamp=True)
    except BadSignature as error:  # includes a bad timestamp
        raise SessionRefused("the sign-in cookie is not signed by this app") from error
    if not isinstance(payload, str):
        raise SessionRefused("the sign-in cookie holds no text")
    return payload.encode("utf-8"), signed.timestamp()


def read_session(cookies: Mapping[str, str], settings: GateSettings, now: float) -> Session:
    """The session in Streamlit's sign-in cookie, or ``SessionRefused`` with the reason."""
    raw = cookies.get(USER_COOKIE)
    if not raw:
        raise SessionRefused(NOBODY)
    payload, signed_at = _unsign(settings.cookie_secret, USER_COOKIE, raw)
    if payload.startswith(b"chunks-") and payload[7:].isdigit():
        parts = []
        for index in range(1, int(payload[7:]) + 1):
            name = f"{USER_COOKIE}_{index}"
            if not cookies.get(name):
                raise SessionRefused("part of the sign-in cookie is missing")
            parts.append(_unsign(settings.cookie_secret, name, cookies[name])[0])
        payload = b"".join(parts)
    try:
        claims = json.loads(payload)
    except ValueError as error:
        raise SessionRefused("the sign-in cookie cannot be read") from error
    if not isinstance(claims, dict) or claims.get("is_logged_in") is not True:
        raise SessionRefused(NOBODY)
    if now - signed_at > settings.max_age_seconds:
        raise SessionRefused("the session is older than the maximum age")
    if signed_at > now + CLOCK_SKEW_SECONDS:
        raise SessionRefused("the sign-in cookie was signed in the future")
    exp = claims.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        raise SessionRefused("the ID token has no expiry")
    if exp + CLOCK_SKEW_SECONDS < now:
        raise SessionRefused("the ID token has expired")
    key = hashlib.sha256(b"%d|" % int(signed_at) + payload).hexdigest()
    return Session(claims=claims, signed_at=signed_at, key=key)


def still_valid(session: Session, settings: GateSettings, now: float) -> str | None:
    """Why an open session (a live websocket) must end now, or None while it may go on."""
    if now - session.signed_at > settings.max_age_seconds:
        return "the session is older than the maximum age"
    exp = session.claims.get("exp")
    if isinstance(exp, int | float) and exp + CLOCK_SKEW_SECONDS < now:
        return "the ID token has expired"
    return None


def read_token_label(token: str | None, settings: GateSettings) -> str | None:
    """The label of a valid read token (compared in constant time), else None."""
    if not token:
        return None
    for candidate, label in settings.read_tokens.items():
        if hmac.compare_digest(candidate.encode(), token.encode()):
            return label
    return None
