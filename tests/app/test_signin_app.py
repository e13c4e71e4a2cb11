"""AppTest for the sign-in gate in app.py: off without settings (the app renders exactly as with no
gate), and with settings the four screens. The real OIDC round trip is tests/browser/test_signin.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import components.auth
from tests.conftest import SIGN_IN_SECRETS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
ISSUER = "http://127.0.0.1:9400"


def _user(sub: str, email: str, **extra: object) -> dict[str, object]:
    """``st.user`` after a sign-in: the ID token's issuer, subject and (verified) address."""
    return {"is_logged_in": True, "iss": ISSUER, "sub": sub, "email": email, "email_verified": True, **extra}


def _run(user: dict[str, object] | None = None, secrets: dict[str, object] | None = None) -> AppTest:
    return _signed_in(AppTest.from_file(APP, default_timeout=90), user, secrets)


def _signed_in(at: AppTest, user: dict[str, object] | None, secrets: dict[str, object] | None) -> AppTest:
    """``at`` run once with these sign-in settings and this user (either may be absent)."""
    if secrets is not None:
        at.secrets = secrets
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _rendered(at: AppTest) -> list[tuple[str, str]]:
    """What a viewer sees, element by element, in order (main area and sidebar)."""
    seen = []
    for area in (at.main, at.sidebar):
        for node in area:
            value = getattr(node, "value", None) or getattr(node, "label", None) or getattr(node, "body", "")
            seen.append((node.type, str(value)))
    return seen


def test_without_settings_the_app_renders_exactly_as_without_the_gate(monkeypatch) -> None:
    gated = _run()
    assert gated.title[0].value == "Overview"
    assert gated.get("plotly_chart"), "the overview draws charts"
    texts = [t.value for t in gated.text]
    assert not [t for t in texts if t.startswith("Signed in as")]
    assert "Sign in" not in [b.label for b in gated.button]

    monkeypatch.setattr(components.auth, "require_sign_in", lambda: None)  # app.py without the hook
    ungated = _run()
    assert _rendered(gated) == _rendered(ungated)


def test_signed_out_user_sees_only_the_sign_in_screen() -> None:
    at = _run(user={}, secrets=SIGN_IN_SECRETS)
    assert [t.value for t in at.title] == ["H200 China Tracker"]
    assert [b.label for b in at.button] == ["Sign in"]
    assert len(at.markdown) == 1  # the one sentence
    assert not at.get("plotly_chart")
    assert not at.sidebar.children


def test_allowed_user_sees_the_dashboard_and_who_is_signed_in() -> None:
    at = _run(user=_user("bo-1", "Bo@Example.com"), secrets=SIGN_IN_SECRETS)
    assert at.title[0].value == "Overview"
    assert at.get("plotly_chart")
    sidebar_texts = [t.value for t in at.sidebar.text]
    assert "Signed in as bo@example.com" in sidebar_texts
    assert "Sign out" in [b.label for b in at.sidebar.button]


def test_disallowed_user_is_refused_with_nothing_else() -> None:
    at = _run(user=_user("mallory-1", "mallory@example.org"), secrets=SIGN_IN_SECRETS)
    assert [t.value for t in at.title] == ["Access not granted"]
    assert "mallory@example.org is not on this tracker's access list" in at.text[0].value
    assert [b.label for b in at.button] == ["Sign out"]
    assert not at.get("plotly_chart")
    assert not at.sidebar.children


@pytest.mark.parametrize(
    ("secrets", "message"),
    [
        ({"auth": {**SIGN_IN_SECRETS["auth"], "client_secret": ""}}, "lack client_secret"),
        ({**SIGN_IN_SECRETS, "access": {"allowed_domains": ["not a domain"]}}, "is not a domain"),
    ],
)
def test_broken_settings_refuse_everyone_in_plain_words(secrets: dict[str, object], message: str) -> None:
    at = _run(user=_user("ana-1", "ana@example.com"), secrets=secrets)
    assert len(at.error) == 1 and message in at.error[0].value
    assert "Traceback" not in at.error[0].value
    assert not at.get("plotly_chart")
    assert not at.button


def _who(secrets: dict[str, object] | None, user: dict[str, object] | None) -> tuple[str, str]:
    def script() -> None:
        import streamlit as st

        from components.auth import can_edit, current_user_email

        st.text(str(current_user_email()))
        st.text(str(can_edit()))

    at = _signed_in(AppTest.from_function(script, default_timeout=30), user, secrets)
    return at.text[0].value, at.text[1].value


def test_an_unverified_address_of_an_editor_is_refused() -> None:
    """The finding: a provider user with sub attacker-7f3a and the editor's address, unverified."""
    attacker = {"is_logged_in": True, "iss": ISSUER, "sub": "attacker-7f3a", "email": "ANA@example.com"}
    at = _run(user=attacker, secrets=SIGN_IN_SECRETS)
    assert [t.value for t in at.title] == ["Access not granted"]
    assert "not confirmed that ana@example.com is verified" in at.text[0].value
    assert not at.get("plotly_chart")


def test_current_user_and_editing_role(monkeypatch) -> None:
    ana = _user("ana-1", "ana@example.com")
    bo = _user("bo-1", "bo@example.com")
    attacker = {**ana, "sub": "attacker-7f3a", "email": "ANA@example.com", "email_verified": None}
    monkeypatch.delenv("H200_EDITING", raising=False)
    assert _who(None, ana) == ("None", "False")  # sign-in off: nobody is signed in, editing off
    assert _who(SIGN_IN_SECRETS, ana) == ("ana@example.com", "False")  # an editor, but the switch is off
    monkeypatch.setenv("H200_EDITING", "1")
    assert _who(SIGN_IN_SECRETS, attacker)[1] == "False"  # the editor's address, unverified
    assert _who(None, None) == ("None", "True")  # sign-in off, editing switched on
    assert _who(SIGN_IN_SECRETS, ana) == ("ana@example.com", "True")  # an editor
    assert _who(SIGN_IN_SECRETS, bo) == ("bo@example.com", "False")  # a viewer
    assert _who(SIGN_IN_SECRETS, {}) == ("None", "False")  # signed out
