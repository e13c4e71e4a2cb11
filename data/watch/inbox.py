"""The inbox: one file per candidate, per item seen, per decision, in a folder beside ``seeds/``.

Why files and not one index: every replica and the watcher's CronJob share the folder, and a
file written to a temporary name then renamed (or hard-linked, for a decision, so the first
decision wins) is never seen half-written and never needs a lock. Layout::

    inbox/candidates/<id>.json   the drafted candidate: URL, feed, fetch time, verdicts, draft
    inbox/pages/<id>.html        the fetched page, so opening it redrafts against today's seeds
    inbox/seen/<key>.json        every item seen (by guid and by URL), with its outcome
    inbox/decisions/<id>.json    accepted / merged / dismissed, with the reason, who and when
    inbox/runs/<time>.json       what each watcher run did
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from data.draft.duplicates import normalise_url

MAX_ATTEMPTS = 3  # a fetch that failed (timeout, server error) is tried again on later runs, this often
ACTIONS = ("accepted", "merged", "dismissed")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{5,80}$")


class InboxError(ValueError):
    """A decision or read the inbox refuses, in words."""


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def item_keys(guid: str | None, url: str | None) -> list[str]:
    """The names an item is remembered by: its guid and its normalised URL (either finds it again)."""
    keys = []
    if guid:
        keys.append("g-" + hashlib.sha256(guid.strip().encode()).hexdigest()[:32])
    if url:
        keys.append("u-" + hashlib.sha256((normalise_url(url) or url).encode()).hexdigest()[:32])
    return keys


def candidate_id(url: str, fetched: dt.date) -> str:
    return f"{fetched:%Y%m%d}-{hashlib.sha256((normalise_url(url) or url).encode()).hexdigest()[:12]}"


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename (or link, when ``exclusive``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            _link_exclusive(Path(tmp), path, data)
        else:
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _link_exclusive(tmp: Path, path: Path, data: bytes) -> None:
    """Publish ``tmp`` as ``path`` unless it exists (FileExistsError: someone decided first)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file share without hard links: exclusive create, then the finished bytes
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def _dump(data: dict[str, Any]) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False).encode("utf-8")


class Inbox:
    """The inbox folder. Reading never raises for a bad file: it is skipped and listed in ``problems``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.problems: list[str] = []

    def _folder(self, name: str) -> Path:
        return self.root / name

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.problems.append(f"{path.name} could not be read and was skipped")
            return None
        return data if isinstance(data, dict) else None

    def _names(self, folder: str) -> set[str]:
        directory = self._folder(folder)
        if not directory.is_dir():
            return set()
        with os.scandir(directory) as entries:
            return {e.name[:-5] for e in entries if e.name.endswith(".json") and not e.name.startswith(".")}

    # -- items seen ------------------------------------------------------------------------------

    def seen(self, keys: list[str]) -> dict[str, Any] | None:
        """The record of an item already handled (so it is not fetched again), else None.

        A failed fetch is forgotten until it has failed ``MAX_ATTEMPTS`` times.
        """
        for key in keys:
            record = self._read(self._folder("seen") / f"{key}.json")
            if record is None:
                continue
            if record.get("outcome") == "failed" and int(record.get("attempts", 1)) < MAX_ATTEMPTS:
                continue
            return record
        return None

    def attempts(self, keys: list[str]) -> int:
        found = [self._read(self._folder("seen") / f"{key}.json") for key in keys]
        return max((int(r.get("attempts", 1)) for r in found if r and r.get("outcome") == "failed"), default=0)

    def remember(self, keys: list[str], record: dict[str, Any]) -> None:
        for key in keys:
            write_atomic(self._folder("seen") / f"{key}.json", _dump(record))

    # -- candidates ------------------------------------------------------------------------------

    def add_candidate(self, candidate: dict[str, Any], page: bytes) -> Path:
        ident = str(candidate["id"])
        if not _ID.match(ident):
            raise InboxError(f"not a candidate id: {ident!r}")
        write_atomic(self._folder("pages") / f"{ident}.html", page)
        path = self._folder("candidates") / f"{ident}.json"
        write_atomic(path, _dump(candidate))
        return path

    def candidate(self, ident: str) -> dict[str, Any] | None:
        if not _ID.match(ident):
            return None
        return self._read(self._folder("candidates") / f"{ident}.json")

    def candidates(self) -> list[dict[str, Any]]:
        """Every candidate, newest fetch first, each with its ``decision`` (or None)."""
        out = []
        decided = self._names("decisions")
        for ident in self._names("candidates"):
            data = self.candidate(ident)
            if data is None:
                continue
            data["decision"] = self.decision(ident) if ident in decided else None
            out.append(data)
        out.sort(key=lambda c: (str(c.get("fetched_at", "")), str(c.get("id"))), reverse=True)
        return out

    def page(self, ident: str) -> bytes:
        if not _ID.match(ident):
            raise InboxError("not a candidate id")
        try:
            return (self._folder("pages") / f"{ident}.html").read_bytes()
        except OSError:
            raise InboxError("the saved page of this candidate is missing") from None

    def new_count(self) -> int:
        """Candidates nobody has decided on yet: two directory listings, cheap enough for every rerun."""
        return len(self._names("candidates") - self._names("decisions"))

    # -- decisions -------------------------------------------------------------------------------

    def decision(self, ident: str) -> dict[str, Any] | None:
        if not _ID.match(ident):
            return None
        return self._read(self._folder("decisions") / f"{ident}.json")

    def decide(
        self, ident: str, action: str, *, reason: str = "", by: str | None = None, target: str | None = None
    ) -> dict[str, Any]:
        """Record what was done with a candidate. The first decision stands (across replicas)."""
        if action not in ACTIONS:
            raise InboxError(f"unknown action {action!r}")
        if self.candidate(ident) is None:
            raise InboxError("this candidate is not in the inbox")
        reason = " ".join((reason or "").split())[:500]
        if action == "dismissed" and len(reason) < 3:
            raise InboxError("say why it is dismissed (a few words), so the next reader knows")
        record = {"id": ident, "action": action, "reason": reason, "by": by, "target": target, "at": now_utc()}
        try:
            write_atomic(self._folder("decisions") / f"{ident}.json", _dump(record), exclusive=True)
        except FileExistsError:
            earlier = self.decision(ident) or {}
            raise InboxError(f"this candidate was already {earlier.get('action', 'decided')}") from None
        return record

    def log_run(self, report: dict[str, Any]) -> Path:
        stamp = re.sub(r"[^0-9TZ]", "", now_utc())
        path = self._folder("runs") / f"{stamp}-{os.getpid()}.json"
        write_atomic(path, _dump(report))
        return path
