"""The pure sign-in rules: who is allowed, who may edit, which settings are refused."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from components.access import (
    AccessPolicy,
    AccessSettingsError,
    Decision,
    auth_settings_problem,
    decide,
    editing_allowed,
    is_allowed,
    is_editor,
    normalise_email,
    policy_from_settings,
)

POLICY = policy_from_settings(
    {
        "allowed_domains": ["Example.com", "@lab.example.net"],
        "allowed_emails": ["Guest@Partner.org"],
        "editors": ["ana@example.com", "ed@outside.io"],
    }
)
AUTH = {
    "redirect_uri": "https://tracker.example.com/oauth2callback",
    "cookie_secret": "x" * 40,
    "client_id": "id",
    "client_secret": "secret",
    "server_metadata_url": "https://idp.example.com/.well-known/openid-configuration",
}


def test_settings_are_normalised() -> None:
    assert POLICY.allowed_domains == {"example.com", "lab.example.net"}
    assert POLICY.allowed_emails == {"guest@partner.org"}
    assert POLICY.editors == {"ana@example.com", "ed@outside.io"}


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("bo@example.com", True),
        ("  BO@EXAMPLE.COM ", True),  # case and spaces do not matter
        ("x@lab.example.net", True),
        ("guest@partner.org", True),  # listed address
        ("other@partner.org", False),  # its domain is not listed
        ("ed@outside.io", True),  # editors may also view
        ("bo@sub.example.com", False),  # no subdomains unless listed
        ("bo@notexample.com", False),  # look-alike suffix
        ("bo@example.com.evil.io", False),  # look-alike prefix
        ("bo@example.com@evil.io", False),  # two @
        ("example.com", False),
        ("", False),
        (None, False),
    ],
)
def test_is_allowed(email: str | None, allowed: bool) -> None:
    assert is_allowed(email, POLICY) is allowed


def test_empty_policy_allows_nobody() -> None:
    assert policy_from_settings(None) == AccessPolicy()
    assert not is_allowed("bo@example.com", policy_from_settings(None))
    assert not is_allowed("bo@example.com", policy_from_settings({}))


def test_editors_are_only_the_listed_addresses() -> None:
    assert is_editor("ANA@example.com", POLICY)
    assert not is_editor("bo@example.com", POLICY)  # allowed to view, not to edit
    assert not is_editor(None, POLICY)


def test_a_single_string_is_read_as_a_one_item_list() -> None:
    assert policy_from_settings({"allowed_domains": "example.com"}).allowed_domains == {"example.com"}


@pytest.mark.parametrize(
    "settings",
    [
        {"allowed_domains": [1]},
        {"allowed_domains": ["not a domain"]},
        {"allowed_domains": {"a": "example.com"}},
        {"allowed_emails": ["nobody"]},
        {"editors": [None]},
        {"editors": 3},
        "example.com",
    ],
)
def test_malformed_access_settings_are_refused(settings: object) -> None:
    with pytest.raises(AccessSettingsError):
        policy_from_settings(settings)  # type: ignore[arg-type]


WHO = {"iss": "https://idp.example.com", "sub": "user-1"}


def test_decide_reports_why() -> None:
    assert decide({**WHO, "email": "bo@example.com", "email_verified": True}, POLICY) is Decision.ALLOWED
    assert decide({**WHO, "email": "bo@example.com", "email_verified": "true"}, POLICY) is Decision.ALLOWED
    assert decide({**WHO, "email": "bo@example.com", "email_verified": False}, POLICY) is Decision.UNVERIFIED
    assert decide({**WHO, "email": "mallory@example.org", "email_verified": True}, POLICY) is Decision.NOT_LISTED
    assert decide({**WHO, "name": "No Mail"}, POLICY) is Decision.NO_EMAIL
    assert decide({**WHO, "email": 42}, POLICY) is Decision.NO_EMAIL
    assert decide({"email": "bo@example.com", "email_verified": True}, POLICY) is Decision.NO_IDENTITY
    assert decide({**WHO, "sub": "", "email": "bo@example.com", "email_verified": True}, POLICY) is Decision.NO_IDENTITY


@pytest.mark.parametrize("verified", [None, False, "false", "yes", 1, ""])
def test_an_address_without_an_explicit_verified_true_is_not_verified(verified: object) -> None:
    """The finding: sub attacker-7f3a with an editor's address and no email_verified became an editor."""
    attacker = {"iss": "https://idp.example.com", "sub": "attacker-7f3a", "email": "ANA@example.com"}
    if verified is not None:
        attacker["email_verified"] = verified
    assert decide(attacker, POLICY) is Decision.UNVERIFIED
    env = {"H200_EDITING": "1"}
    assert not editing_allowed(auth_on=True, env=env, claims={**attacker, "is_logged_in": True}, policy=POLICY)


def test_auth_settings_problems_are_named() -> None:
    assert auth_settings_problem(AUTH) is None
    missing = {k: v for k, v in AUTH.items() if k not in ("client_secret", "cookie_secret")}
    assert auth_settings_problem(missing) == "the [auth] settings lack cookie_secret, client_secret"
    assert "oauth2callback" in str(auth_settings_problem({**AUTH, "redirect_uri": "https://tracker.example.com/"}))
    assert "at least 32" in str(auth_settings_problem({**AUTH, "cookie_secret": "short"}))


def test_editing_without_sign_in_follows_the_switch() -> None:
    for env, expected in (({}, False), ({"H200_EDITING": "0"}, False), ({"H200_EDITING": "1"}, True)):
        assert editing_allowed(auth_on=False, env=env, claims=None, policy=POLICY) is expected


def test_editing_with_sign_in_needs_the_switch_and_a_signed_in_verified_editor() -> None:
    def allowed(claims: dict[str, object] | None, env: dict[str, str] | None = None) -> bool:
        return editing_allowed(
            auth_on=True, env={"H200_EDITING": "1"} if env is None else env, claims=claims, policy=POLICY
        )

    signed_in = {**WHO, "is_logged_in": True, "email_verified": True}
    assert allowed({**signed_in, "email": "ana@example.com"})
    assert allowed({**signed_in, "email": "ed@outside.io"})
    assert not allowed({**signed_in, "email": "bo@example.com"})  # a viewer
    assert not allowed({**signed_in, "is_logged_in": False, "email": "ana@example.com"})
    assert not allowed({**signed_in, "email": "ana@example.com", "email_verified": False})
    assert not allowed(None)
    for env in ({}, {"H200_EDITING": "0"}):  # the README: editing needs the switch as well as the list
        assert not allowed({**signed_in, "email": "ana@example.com"}, env)


def test_normalise_email() -> None:
    assert normalise_email(" Ana@Example.COM ") == "ana@example.com"
    assert normalise_email("ana @example.com") is None
    assert normalise_email("ana@localhost") is None


def test_shipped_example_settings_parse_and_its_placeholder_secret_is_refused() -> None:
    example = tomllib.loads((Path(__file__).resolve().parents[2] / "deploy" / "secrets.example.toml").read_text())
    policy = policy_from_settings(example["access"])
    assert is_allowed("someone@example.com", policy) and is_editor("ana@example.com", policy)
    assert "cookie_secret" in str(auth_settings_problem(example["auth"]))  # copied unchanged: refused
    assert auth_settings_problem({**example["auth"], "cookie_secret": "s" * 64}) is None
