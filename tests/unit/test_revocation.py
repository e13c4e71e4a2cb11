"""The shared revocation list and ``python -m server.revoke``: what ends, atomic writes, pruning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from server.revocation import KEEP_SECONDS, RevocationList, default_path
from server.revoke import main

ROOT = Path(__file__).resolve().parents[2]
ANA = {"iss": "https://idp.test", "sub": "ana-1", "email": "ana@example.com"}


def test_default_file_sits_beside_the_seeds(tmp_path: Path) -> None:
    env = {"H200_SEEDS_DIR": str(tmp_path / "seeds")}
    assert default_path(env) == tmp_path / "state" / "revoked-sessions.json"
    assert default_path({**env, "H200_REVOCATION_FILE": "/x/y.json"}) == Path("/x/y.json")


def test_each_kind_of_entry_ends_only_what_it_names(tmp_path: Path) -> None:
    revocations = RevocationList(tmp_path / "revoked.json")
    assert not revocations.current().ends("k1", ANA, 100.0)  # no file: nothing ended
    revocations.end_session("k1", signed_at=100.0, now=200.0)
    current = revocations.current()
    assert current.ends("k1", ANA, 100.0) and not current.ends("k2", ANA, 100.0)

    revocations.end_subject("https://idp.test", "ana-1", now=300.0)
    current = revocations.current()
    assert current.ends("k2", ANA, 299.0)  # signed before the revocation
    assert not current.ends("k2", ANA, 301.0)  # signed in again afterwards
    assert not current.ends("k2", {**ANA, "iss": "https://other.idp"}, 299.0)  # same sub, other issuer

    revocations.end_email("ANA@example.com ", now=400.0)
    assert revocations.current().ends("k3", {**ANA, "sub": "x"}, 399.0)
    revocations.end_everyone(now=500.0)
    assert revocations.current().ends("k4", {"iss": "a", "sub": "b"}, 499.0)
    assert not revocations.current().ends("k4", {"iss": "a", "sub": "b"}, 501.0)


def test_old_entries_are_pruned_once_no_cookie_can_outlive_them(tmp_path: Path) -> None:
    revocations = RevocationList(tmp_path / "revoked.json")
    revocations.end_session("old", signed_at=1000.0, now=1000.0)
    revocations.end_subject("i", "s", now=1000.0)
    revocations.end_session("new", signed_at=1000.0 + KEEP_SECONDS, now=1001.0 + KEEP_SECONDS)
    data = json.loads(revocations.path.read_text())
    assert list(data["sessions"]) == ["new"] and data["subjects"] == []


def test_writes_from_many_replicas_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "revoked.json"

    def sign_out(index: int) -> None:
        RevocationList(path).end_session(f"session-{index}", signed_at=time.time())

    threads = [threading.Thread(target=sign_out, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(RevocationList(path).current().sessions) == 20
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".revoked-")] == []  # no temp files left


def test_a_changed_file_is_re_read_and_a_broken_one_fails_closed(tmp_path: Path) -> None:
    path = tmp_path / "revoked.json"
    reader, writer = RevocationList(path), RevocationList(path)
    writer.end_session("a", signed_at=time.time())
    assert "a" in reader.current().sessions
    writer.end_session("b", signed_at=time.time())
    assert "b" in reader.current().sessions
    path.write_text('{"sessions": []}')
    with pytest.raises(ValueError, match="cannot read the revocation list"):
        reader.current()


def test_the_command_ends_sessions_and_lists_them(tmp_path: Path, capsys) -> None:
    path = tmp_path / "revoked.json"
    assert main(["--file", str(path), "--subject", "ana-1", "--issuer", "https://idp.test"]) == 0
    assert "Ended sessions of ana-1 at https://idp.test" in capsys.readouterr().out
    assert main(["--file", str(path), "--email", "Bo@Example.com"]) == 0
    assert main(["--file", str(path), "--list"]) == 0
    listing = capsys.readouterr().out
    assert "ana-1 at https://idp.test" in listing and "bo@example.com" in listing
    assert RevocationList(path).current().ends("k", ANA, time.time() - 60)
    with pytest.raises(SystemExit):
        main(["--file", str(path), "--subject", "ana-1"])  # an identity needs its issuer
    assert "needs --issuer" in capsys.readouterr().err


def test_the_command_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "H200_SEEDS_DIR": str(tmp_path / "seeds")}
    done = subprocess.run(
        [sys.executable, "-m", "server.revoke", "--everyone"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "state" / "revoked-sessions.json").exists()
