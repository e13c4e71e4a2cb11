"""Optional sign-in through Streamlit's ``st.login`` (OIDC, Authlib), off unless configured.

Without an ``[auth]`` section in the secrets the app stays open, exactly as before, so
``make run`` needs no settings. With one, only signed-in users whose e-mail passes
``components.access`` see anything; the decisions themselves live there, without streamlit.
Secrets are read through ``st.secrets`` (not Streamlit's internal singleton) so AppTest's
``at.secrets`` reaches them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import streamlit as st

from components.access import (
    REFUSALS,
    AccessPolicy,
    AccessSettingsError,
    Decision,
    auth_settings_problem,
    decide,
    editing_allowed,
    identity,
    normalise_email,
    policy_from_settings,
)


def _section(name: str) -> Mapping[str, Any] | None:
    if not st.secrets.load_if_toml_exists():
        return None
    value = st.secrets.get(name)
    return value if isinstance(value, Mapping) else None


def auth_enabled() -> bool:
    """Sign-in is on as soon as the secrets hold an ``[auth]`` section (even an incomplete one)."""
    return _section("auth") is not None


def _claims() -> dict[str, Any]:
    return dict(st.user.to_dict())


def _policy() -> AccessPolicy:
    return policy_from_settings(_section("access"))


def _stop_with_problem(message: str) -> None:
    st.title("H200 China Tracker")
    st.error(f"Sign-in is switched on but cannot work: {message}. Ask the person who runs this app.")
    st.stop()


def _sign_in_screen() -> None:
    st.title("H200 China Tracker")
    st.write("This tracker is for invited colleagues: sign in with your work account to open it.")
    st.button("Sign in", type="primary", on_click=st.login, key="auth_sign_in")
    st.stop()


def _refusal_screen(decision: Decision, email: str | None) -> None:
    st.title("Access not granted")
    # Identity claims come from outside: st.text shows them as plain text, never as Markdown or links.
    st.text(REFUSALS[decision].format(email=email or ""))
    st.button("Sign out", on_click=st.logout, key="auth_sign_out")
    st.stop()


def require_sign_in() -> None:
    """Call once per run, before ``st.navigation``: stops the run unless the viewer may see it."""
    auth = _section("auth")
    if auth is None:
        return
    problem = auth_settings_problem(auth)
    if problem is not None:
        _stop_with_problem(problem)
    try:
        policy = _policy()
    except AccessSettingsError as error:
        _stop_with_problem(str(error))
        return
    claims = _claims()
    if not claims.get("is_logged_in"):
        _sign_in_screen()
    decision = decide(claims, policy)
    email = normalise_email(claims.get("email"))
    if decision is not Decision.ALLOWED:
        _refusal_screen(decision, email)
    with st.sidebar:
        st.text(f"Signed in as {email}")
        st.button("Sign out", on_click=st.logout, key="auth_sign_out")


def current_user_email() -> str | None:
    """The signed-in user's normalised e-mail, or None when sign-in is off or nobody is signed in."""
    if not auth_enabled():
        return None
    claims = _claims()
    return normalise_email(claims.get("email")) if claims.get("is_logged_in") else None


def current_identity() -> tuple[str, str] | None:
    """The signed-in user's (issuer, subject), the identity to record; None when nobody is signed in."""
    if not auth_enabled():
        return None
    claims = _claims()
    return identity(claims) if claims.get("is_logged_in") else None


def can_edit() -> bool:
    """May this viewer use editing pages (such as "Add a report")? See ``access.editing_allowed``."""
    auth_on = auth_enabled()
    if not auth_on:
        return editing_allowed(auth_on=False, env=os.environ, claims=None, policy=AccessPolicy())
    try:
        policy = _policy()
    except AccessSettingsError:
        return False
    return editing_allowed(auth_on=True, env=os.environ, claims=_claims(), policy=policy)
