"""The shared list of ended sign-in sessions: one small JSON file beside the seeds.

Streamlit's sign-in cookie is self-contained (signed, not stored), so signing out only deletes it
from one browser; a copy keeps working. Every replica reads the same seeds folder, so a file
beside it is the simplest place all of them can see an ended session. Writers take an exclusive
lock, write a temporary file, fsync and rename it over the old one (readers never see half a
file); readers re-read only when the file's size or modification time changes. Entries are
pruned once the cookie they name would be refused for its age anyway.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: Environment variable naming the file; default: ``state/revoked-sessions.json`` beside the seeds.
REVOCATION_FILE_ENV = "H200_REVOCATION_FILE"
#: An entry is kept this long after the session it ends was signed: Streamlit itself refuses
#: sign-in cookies older than 31 days, so after that nothing can revive it, whatever max age is set.
KEEP_SECONDS = 31 * 24 * 3600
ROOT = Path(__file__).resolve().parents[1]


def default_path(env: Mapping[str, str] = os.environ) -> Path:
    """``H200_REVOCATION_FILE``, else ``<seeds folder>/../state/revoked-sessions.json``."""
    if env.get(REVOCATION_FILE_ENV):
        return Path(env[REVOCATION_FILE_ENV])
    seeds = Path(env.get("H200_SEEDS_DIR") or ROOT / "seeds")
    return seeds.resolve().parent / "state" / "revoked-sessions.json"


@dataclass(frozen=True)
class Revocations:
    """What the file says: single sessions by key, whole identities or everyone before a time."""

    sessions: Mapping[str, float] = field(default_factory=dict)  # key -> keep until
    subjects: tuple[tuple[str, str, float], ...] = ()  # (issuer, subject, signed before)
    emails: tuple[tuple[str, float], ...] = ()  # (address, signed before)
    everyone_before: float = 0.0

    def ends(self, key: str, claims: Mapping[str, object], signed_at: float) -> bool:
        """Is the session signed at ``signed_at`` with these claims ended by any entry?"""
        if key in self.sessions or signed_at < self.everyone_before:
            return True
        issuer, subject = claims.get("iss"), claims.get("sub")
        if any(signed_at < before and (iss, sub) == (issuer, subject) for iss, sub, before in self.subjects):
            return True
        email = str(claims.get("email") or "").strip().lower()
        return bool(email) and any(signed_at < before and address == email for address, before in self.emails)


def _parse(text: str) -> Revocations:
    data = json.loads(text) if text.strip() else {}
    if not isinstance(data, dict):
        raise ValueError("the revocation file must hold a JSON object")
    sessions, subjects, emails = data.get("sessions", {}), data.get("subjects", []), data.get("emails", [])
    if not isinstance(sessions, dict) or not isinstance(subjects, list) or not isinstance(emails, list):
        raise ValueError("sessions must be an object, subjects and emails lists")
    return Revocations(
        sessions={str(k): float(v) for k, v in sessions.items()},
        subjects=tuple((str(e["iss"]), str(e["sub"]), float(e["before"])) for e in subjects),
        emails=tuple((str(e["email"]), float(e["before"])) for e in emails),
        everyone_before=float(data.get("everyone_before", 0.0)),
    )


def _dump(revocations: Revocations) -> str:
    return json.dumps(
        {
            "version": 1,
            "sessions": dict(revocations.sessions),
            "subjects": [{"iss": i, "sub": s, "before": b} for i, s, b in revocations.subjects],
            "emails": [{"email": e, "before": b} for e, b in revocations.emails],
            "everyone_before": revocations.everyone_before,
        },
        indent=1,
        sort_keys=True,
    )


def _pruned(revocations: Revocations, now: float) -> Revocations:
    """Drop entries no cookie can outlive any more (see ``KEEP_SECONDS``)."""
    horizon = now - KEEP_SECONDS
    return Revocations(
        sessions={k: until for k, until in revocations.sessions.items() if until > now},
        subjects=tuple(e for e in revocations.subjects if e[2] > horizon),
        emails=tuple(e for e in revocations.emails if e[1] > horizon),
        everyone_before=revocations.everyone_before if revocations.everyone_before > horizon else 0.0,
    )


class RevocationList:
    """One revocation file, read on change and written atomically under an exclusive lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int] | None = None
        self._cached = Revocations()
        self._lock = threading.Lock()

    def current(self) -> Revocations:
        """The file's entries, re-read when it changed. A missing file ends nothing.

        An unreadable file raises ``ValueError``: the gate then refuses everyone (fail closed).
        """
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return Revocations()
        seen = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if seen != self._seen:
                try:
                    self._cached = _parse(self.path.read_text(encoding="utf-8"))
                except (OSError, KeyError, TypeError, ValueError) as error:
                    raise ValueError(f"cannot read the revocation list {self.path}: {error}") from error
                self._seen = seen
            return self._cached

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[Revocations]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a", encoding="utf-8") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
                yield _parse(text)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, revocations: Revocations) -> None:
        handle, temp = tempfile.mkstemp(prefix=".revoked-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(_dump(revocations))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise

    def _update(self, change: dict[str, object], now: float) -> Revocations:
        with self._exclusive() as old:
            fields = {
                "sessions": dict(old.sessions),
                "subjects": old.subjects,
                "emails": old.emails,
                "everyone_before": old.everyone_before,
            }
            for name, value in change.items():
                if name == "sessions":
                    fields["sessions"] = {**old.sessions, **value}  # type: ignore[dict-item]
                elif name == "everyone_before":
                    fields[name] = max(old.everyone_before, float(value))  # type: ignore[arg-type]
                else:
                    fields[name] = (*fields[name], *value)  # type: ignore[misc]
            new = _pruned(Revocations(**fields), now)  # type: ignore[arg-type]
            self._write(new)
        return new

    def end_session(self, key: str, signed_at: float, now: float | None = None) -> None:
        """Sign-out: this one session (this cookie and every copy of it) is over."""
        now = time.time() if now is None else now
        self._update({"sessions": {key: signed_at + KEEP_SECONDS}}, now)

    def end_subject(self, issuer: str, subject: str, now: float | None = None) -> None:
        """Every session of one identity signed before now (other devices and copies too)."""
        now = time.time() if now is None else now
        self._update({"subjects": ((issuer, subject, now),)}, now)

    def end_email(self, email: str, now: float | None = None) -> None:
        """Every session whose e-mail claim is this address, signed before now."""
        now = time.time() if now is None else now
        self._update({"emails": ((email.strip().lower(), now),)}, now)

    def end_everyone(self, now: float | None = None) -> None:
        """Every session signed before now: everybody signs in again."""
        now = time.time() if now is None else now
        self._update({"everyone_before": now}, now)
