"""Every write into the seeds folder goes through here: one save at a time, atomic, durable, audited.

Several replicas share one seeds folder, so a save must never overwrite a file, never show a half
file to a loader, and never let two reports land whose claims collide. The steps, under one lock
(``fcntl.flock`` on ``<seeds>/.save.lock``; held across processes, released if one dies):

1. the caller's check runs on the folder as it is now (claim ids, duplicates, the id itself);
2. the text, stamped with who saved it and when, goes to a temporary file, flushed and fsynced;
3. it is hard-linked to its name (fails if the name is taken); on file systems without hard
   links it is renamed instead, after checking the name is free (safe, since every writer holds
   the lock); the folder is fsynced;
4. one JSON line is appended to ``<seeds>/saves.log`` (who, when, what, its hash): the audit
   trail every replica shares. The loader reads only ``sources/``, ``reference/`` and
   ``briefings/``, so it never sees the log. A save whose audit line cannot be written is undone.

Temporary files left by a save that was killed are removed by the next save (under the lock no
live save owns one). A read-only or full folder, or any other refusal of the file system, becomes a ``SaveError``
with a sentence a person can act on; the temporary file never stays behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

LOCAL_EDITOR = "local editor"  # who saved, when sign-in is off
AUDIT_LOG = "saves.log"
LOCK_FILE = ".save.lock"
LOCK_WAIT_S = 30.0
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, errno.EDQUOT}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class SaveError(ValueError):
    """A save that did not happen, in words for the person saving (nothing was written)."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def plain_os_error(error: OSError) -> str:
    """What a file-system refusal means for the person saving."""
    if error.errno in _READ_ONLY:
        return "The seeds folder cannot be written on this server (read-only or no permission); nothing was saved."
    if error.errno in _FULL:
        return "The disk that holds the seeds folder is full; nothing was saved."
    return f"The seeds folder could not be written ({error.strerror or 'unknown error'}); nothing was saved."


def clean_identity(who: str) -> str:
    """One short line: identities come from outside (an identity provider's claims)."""
    text = _UNSAFE.sub(" ", str(who)).strip()[:200]
    return text or LOCAL_EDITOR


def stamp(text: str, who: str, when: dt.datetime, kind: str) -> str:
    """The file as saved: a comment line naming who saved it and when, then the text."""
    return f"# Saved by {clean_identity(who)} on {when:%Y-%m-%d %H:%M:%S} UTC ({kind}).\n{text}"


@contextlib.contextmanager
def save_lock(seeds_dir: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """One save at a time for everything that shares ``seeds_dir`` (every process and replica)."""
    try:
        fd = os.open(seeds_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise SaveError(plain_os_error(error)) from None
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SaveError(
                        "Another save is still running; nothing was saved. Try again in a moment."
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def fsync_dir(folder: Path) -> None:
    """Make a new name in ``folder`` durable (some file systems cannot fsync a folder: ignored)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _write_temporary(folder: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def place_exclusive(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target``, atomically, never over an existing file (caller holds the lock)."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise SaveError(f"{target.name} already exists; nothing was written.") from None
    except OSError as error:
        if error.errno in _FULL or error.errno == errno.EROFS:
            raise
    # No hard links here (some network and FUSE file systems): the lock makes check + rename safe.
    if os.path.lexists(target):
        raise SaveError(f"{target.name} already exists; nothing was written.")
    os.rename(tmp, target)


def _sweep(folder: Path) -> None:
    """Temporary files of saves that died (the lock is held: no live save owns one)."""
    for pattern in (".saving-*.tmp", ".draft-*.tmp", ".briefing-*.tmp"):
        for stale in folder.glob(pattern):
            with contextlib.suppress(OSError):
                stale.unlink()


def _append_audit(seeds_dir: Path, record: dict[str, str]) -> None:
    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(seeds_dir / AUDIT_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        if os.write(fd, line) != len(line):
            raise OSError(errno.ENOSPC, "short write to the audit log")
        os.fsync(fd)
    finally:
        os.close(fd)


def save_new(
    seeds_dir: str | Path,
    relative: str,
    text: str,
    *,
    who: str,
    kind: str,
    check: Callable[[], None] | None = None,
    now: Callable[[], dt.datetime] = _utc_now,
) -> Path:
    """Write ``seeds_dir/relative`` (e.g. ``sources/<id>.yaml``) once, stamped and audited.

    ``check`` runs inside the lock, against the folder as it is at that moment, and raises to
    refuse the save (e.g. a claim id another report took a second ago).
    """
    seeds_dir = Path(seeds_dir).resolve()
    target = (seeds_dir / relative).resolve()
    folder = target.parent
    if folder.parent != seeds_dir or target.suffix != ".yaml":
        raise SaveError("That id cannot be used as a file name.")
    with save_lock(seeds_dir):
        if check is not None:
            check()
        when = now()
        data = stamp(text, who, when, kind).encode("utf-8")
        tmp: Path | None = None
        try:
            folder.mkdir(exist_ok=True)
            _sweep(folder)
            tmp = _write_temporary(folder, data)
            place_exclusive(tmp, target)
            fsync_dir(folder)
        except OSError as error:
            raise SaveError(plain_os_error(error)) from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)  # after a link the name stays; after a rename it is gone already
        record = {
            "at": when.isoformat(timespec="seconds"),
            "who": clean_identity(who),
            "kind": kind,
            "file": f"{folder.name}/{target.name}",
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        try:
            _append_audit(seeds_dir, record)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(target)
                fsync_dir(folder)
            raise SaveError(plain_os_error(error) + " (The audit log could not be written.)") from None
    return target


def audit_records(seeds_dir: str | Path) -> list[dict[str, str]]:
    """Every save recorded in ``<seeds>/saves.log``, oldest first (unreadable lines skipped)."""
    path = Path(seeds_dir) / AUDIT_LOG
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        with contextlib.suppress(ValueError):
            record = json.loads(line)
            if isinstance(record, dict):
                out.append(record)
    return out
