"""Who may see the tracker and who may edit it: pure decisions, no streamlit.

Kept apart from the Streamlit side (``components/auth.py``) so the rules that guard the data can
be unit-tested without a server. Every rule fails closed: settings that are incomplete or of the
wrong type refuse everyone rather than let everyone in.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Keys Streamlit's ``st.login()`` (default provider) needs in the ``[auth]`` secrets section.
SHARED_AUTH_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_AUTH_KEYS = ("client_id", "client_secret", "server_metadata_url")
#: Shorter cookie secrets can be guessed; Streamlit itself only warns below 14 bytes.
MIN_COOKIE_SECRET_CHARS = 32
#: Environment switch that turns editing pages on when sign-in is off.
EDITING_ENV = "H200_EDITING"

_EMAIL = re.compile(r"^[^@\s]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$")


class AccessSettingsError(ValueError):
    """The ``[access]`` secrets section cannot be read; the app refuses everyone."""


class Decision(enum.Enum):
    """Outcome of checking one signed-in user against the access settings."""

    ALLOWED = "allowed"
    NO_IDENTITY = "no_identity"  # no issuer and subject: the session names nobody
    NO_EMAIL = "no_email"  # the identity provider sent no usable e-mail address
    UNVERIFIED = "unverified"  # the provider did not say the address is verified
    NOT_LISTED = "not_listed"  # neither the address nor its domain is on the lists


#: What a refused viewer is told, in plain words (``{email}`` is the normalised address).
REFUSALS = {
    Decision.NO_IDENTITY: "Your identity provider did not say who you are (no issuer and subject).",
    Decision.NO_EMAIL: "Your account did not share an e-mail address, so access cannot be checked.",
    Decision.UNVERIFIED: "Your identity provider has not confirmed that {email} is verified, so it cannot grant access.",
    Decision.NOT_LISTED: "{email} is not on this tracker's access list. Ask the person who runs it to add you.",
}


@dataclass(frozen=True)
class AccessPolicy:
    """Normalised ``[access]`` settings: lower-case addresses and bare domains."""

    allowed_domains: frozenset[str] = frozenset()
    allowed_emails: frozenset[str] = frozenset()
    editors: frozenset[str] = frozenset()


def normalise_email(value: object) -> str | None:
    """A trimmed, lower-case address with exactly one ``@`` and a dotted domain, else None."""
    if not isinstance(value, str):
        return None
    email = value.strip().lower()
    return email if _EMAIL.match(email) else None


def _string_list(settings: Mapping[str, object], key: str) -> list[str]:
    value = settings.get(key, [])
    if isinstance(value, str):  # a single value written without brackets
        value = [value]
    if not isinstance(value, Iterable) or isinstance(value, Mapping):
        raise AccessSettingsError(f"[access] {key} must be a list of strings")
    items = list(value)
    if not all(isinstance(item, str) for item in items):
        raise AccessSettingsError(f"[access] {key} must be a list of strings")
    return items


def _emails(settings: Mapping[str, object], key: str) -> frozenset[str]:
    result = set()
    for item in _string_list(settings, key):
        email = normalise_email(item)
        if email is None:
            raise AccessSettingsError(f"[access] {key}: {item!r} is not an e-mail address")
        result.add(email)
    return frozenset(result)


def _domains(settings: Mapping[str, object]) -> frozenset[str]:
    result = set()
    for item in _string_list(settings, "allowed_domains"):
        domain = item.strip().lower().removeprefix("@")
        if normalise_email(f"x@{domain}") is None:
            raise AccessSettingsError(f"[access] allowed_domains: {item!r} is not a domain")
        result.add(domain)
    return frozenset(result)


def policy_from_settings(settings: Mapping[str, object] | None) -> AccessPolicy:
    """Read the ``[access]`` section; a missing section is an empty policy (nobody allowed)."""
    if settings is None:
        return AccessPolicy()
    if not isinstance(settings, Mapping):
        raise AccessSettingsError("[access] must be a TOML table")
    return AccessPolicy(
        allowed_domains=_domains(settings),
        allowed_emails=_emails(settings, "allowed_emails"),
        editors=_emails(settings, "editors"),
    )


def auth_settings_problem(auth: Mapping[str, object]) -> str | None:
    """What is missing or unsafe in an ``[auth]`` section, in plain words; None when usable."""
    missing = [key for key in (*SHARED_AUTH_KEYS, *PROVIDER_AUTH_KEYS) if not auth.get(key)]
    if missing:
        return f"the [auth] settings lack {', '.join(missing)}"
    redirect_uri = str(auth["redirect_uri"])
    if not redirect_uri.startswith(("http://", "https://")) or not redirect_uri.endswith("/oauth2callback"):
        return "[auth] redirect_uri must be the app's full address ending in /oauth2callback"
    if len(str(auth["cookie_secret"])) < MIN_COOKIE_SECRET_CHARS:
        return f"[auth] cookie_secret must be at least {MIN_COOKIE_SECRET_CHARS} random characters"
    return None


def is_allowed(email: str | None, policy: AccessPolicy) -> bool:
    """Listed address, address in a listed domain (exact match, no subdomains), or an editor."""
    email = normalise_email(email)
    if email is None:
        return False
    domain = email.rsplit("@", 1)[1]
    return email in policy.allowed_emails or email in policy.editors or domain in policy.allowed_domains


def is_editor(email: str | None, policy: AccessPolicy) -> bool:
    email = normalise_email(email)
    return email is not None and email in policy.editors


def identity(claims: Mapping[str, object]) -> tuple[str, str] | None:
    """Who a session is: the provider's (issuer, subject) pair, never the e-mail address.

    An address can be typed by anyone at many providers; only ``iss`` + ``sub`` name one account.
    """
    issuer, subject = claims.get("iss"), claims.get("sub")
    if isinstance(issuer, str) and issuer and isinstance(subject, str) and subject:
        return issuer, subject
    return None


def decide(claims: Mapping[str, object], policy: AccessPolicy) -> Decision:
    """Check a signed-in user's identity claims (``st.user``) against the policy.

    E-mail rules count only when the provider says ``email_verified`` is true (the boolean, or
    the string "true" some providers send); a token without the claim is not verified.
    """
    if identity(claims) is None:
        return Decision.NO_IDENTITY
    email = normalise_email(claims.get("email"))
    if email is None:
        return Decision.NO_EMAIL
    if not email_verified(claims):
        return Decision.UNVERIFIED
    return Decision.ALLOWED if is_allowed(email, policy) else Decision.NOT_LISTED


def email_verified(claims: Mapping[str, object]) -> bool:
    """True only for an explicit ``email_verified: true`` (the CVE-2023-3128 class: never assume)."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def editing_allowed(
    *, auth_on: bool, env: Mapping[str, str], claims: Mapping[str, object] | None, policy: AccessPolicy
) -> bool:
    """The ``H200_EDITING=1`` switch always; with sign-in on, also a verified, listed editor."""
    if env.get(EDITING_ENV) != "1":
        return False
    if not auth_on:
        return True
    if not claims or not claims.get("is_logged_in"):
        return False
    return decide(claims, policy) is Decision.ALLOWED and is_editor(str(claims.get("email")), policy)
