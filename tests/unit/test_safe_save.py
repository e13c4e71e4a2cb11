"""Saves into the seeds folder under faults: read-only, full disk, no hard links, a dying save,
two reports racing with the same claim ids, a crash during validation; and the audit trail.

The faults are simulated where the file system would raise (the tests run as root, where a
read-only mode bit does not stop a write), through the functions ``data.safe_save`` calls.
"""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

import data.draft.save as draft_save
import data.load
import data.safe_save as safe_save
from data.draft import DraftError, save_seed_yaml, validate_seed_yaml
from data.load import load_seeds, seed_fingerprint
from data.safe_save import LOCAL_EDITOR, SaveError, audit_records, save_lock, save_new

BETA = "2026-02-01-paper-beta"


def _report(seed_dir: Path, ident: str) -> str:
    """A valid new report: the fixture's beta story under another id (with beta's claim ids)."""
    return (seed_dir / "sources" / f"{BETA}.yaml").read_text(encoding="utf-8").replace(BETA, ident)


@pytest.fixture
def free_seeds(seed_dir: Path) -> Path:
    """The fixture seeds without the beta story, so its claim ids are free for new reports."""
    text = (seed_dir / "sources" / f"{BETA}.yaml").read_text(encoding="utf-8")
    (seed_dir.parent / "beta.txt").write_text(text, encoding="utf-8")
    (seed_dir / "sources" / f"{BETA}.yaml").unlink()
    assert load_seeds(seed_dir).problems == []
    return seed_dir


def _beta(free_seeds: Path, ident: str) -> str:
    return (free_seeds.parent / "beta.txt").read_text(encoding="utf-8").replace(BETA, ident)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != ".save.lock")


def test_a_save_is_stamped_and_audited_and_the_loader_ignores_the_log(free_seeds: Path) -> None:
    fingerprint = seed_fingerprint(free_seeds)
    path = save_seed_yaml(_beta(free_seeds, "2026-02-01-paper-gamma"), free_seeds, who="ana@example.com")
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# Saved by ana@example.com on 20") and first_line.endswith("UTC (Add a report).")
    [record] = audit_records(free_seeds)
    assert record["who"] == "ana@example.com" and record["kind"] == "Add a report"
    assert record["file"] == "sources/2026-02-01-paper-gamma.yaml"
    assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = load_seeds(free_seeds)
    assert loaded.problems == [] and "2026-02-01-paper-gamma" in loaded.sources
    assert seed_fingerprint(free_seeds) != fingerprint  # the new file is seen at the next interaction


def test_the_audit_log_is_append_only_and_names_the_local_editor(free_seeds: Path) -> None:
    save_seed_yaml(_beta(free_seeds, "2026-02-01-paper-gamma"), free_seeds)
    briefing = "briefing:\n  id: x\n"  # not valid, refused by the check: no audit line
    with pytest.raises(SaveError):
        save_new(free_seeds, "briefings/x.yaml", briefing, who="ana", kind="test", check=_refuse)
    text = (free_seeds / "sources" / "2026-01-10-wire-alpha.yaml").read_text(encoding="utf-8")
    save_new(free_seeds, "briefings/free-text.yaml", text, who="line\nbreak\x1b[31m", kind="test")
    records = audit_records(free_seeds)
    assert [r["who"] for r in records] == [LOCAL_EDITOR, "line break [31m"]  # one line, no control codes
    assert (free_seeds / "saves.log").read_text(encoding="utf-8").count("\n") == 2


def _refuse() -> None:
    raise SaveError("refused by the check")


def test_a_read_only_seeds_folder_gives_a_plain_message_and_writes_nothing(
    free_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(safe_save.os, "open", read_only)
    monkeypatch.setattr(safe_save.tempfile, "mkstemp", lambda **_: (_ for _ in ()).throw(PermissionError(13, "no")))
    before = _files(free_seeds)
    with pytest.raises(DraftError, match="cannot be written on this server") as error:
        save_seed_yaml(_beta(free_seeds, "2026-02-01-paper-gamma"), free_seeds)
    assert "Traceback" not in str(error.value) and "Errno" not in str(error.value)
    assert _files(free_seeds) == before


class _FullDisk:
    """A file object whose writes fail as on a full disk (after creating the file)."""

    def __init__(self, fd: int, *_: object, **__: object) -> None:
        self.fd = fd

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *_: object) -> None:
        os.close(self.fd)

    def write(self, _: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_gives_a_plain_message_and_leaves_no_file(
    free_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_save.os, "fdopen", _FullDisk)
    before = _files(free_seeds)
    with pytest.raises(DraftError, match="disk that holds the seeds folder is full"):
        save_seed_yaml(_beta(free_seeds, "2026-02-01-paper-gamma"), free_seeds)
    assert _files(free_seeds) == before  # no temporary file, no empty target, no audit line


def test_without_hard_links_a_save_still_lands_once_and_a_failed_one_leaves_no_empty_file(
    free_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(safe_save.os, "link", no_links)
    text = _beta(free_seeds, "2026-02-01-paper-gamma")
    with monkeypatch.context() as full:
        full.setattr(safe_save.os, "fdopen", _FullDisk)
        with pytest.raises(DraftError, match="full"):
            save_seed_yaml(text, free_seeds)
    assert not (free_seeds / "sources" / "2026-02-01-paper-gamma.yaml").exists()  # the id is not blocked
    path = save_seed_yaml(text, free_seeds, who="ana@example.com")
    assert path.read_text(encoding="utf-8").endswith(text)
    assert not list(path.parent.glob(".*.tmp"))
    other = (free_seeds / "sources" / "2026-01-10-wire-alpha.yaml").read_text(encoding="utf-8")
    with pytest.raises(SaveError, match="already exists"):
        save_new(free_seeds, "sources/2026-02-01-paper-gamma.yaml", other, who="x", kind="test")
    assert path.read_text(encoding="utf-8").endswith(text)  # never replaced


def test_a_save_whose_audit_line_fails_is_undone(free_seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_save, "_append_audit", full)
    with pytest.raises(DraftError, match="audit log"):
        save_seed_yaml(_beta(free_seeds, "2026-02-01-paper-gamma"), free_seeds)
    assert not (free_seeds / "sources" / "2026-02-01-paper-gamma.yaml").exists()


def test_two_reports_with_the_same_claim_ids_cannot_both_land(
    free_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first save is slow between its check and its write; the second starts meanwhile.

    Checking outside the lock let both pass (each alone is valid) and both land."""
    real_validate = draft_save.validate_seed_yaml
    first = threading.Event()

    def slow_validate(text: str, seeds_dir: Path) -> list[str]:
        problems = real_validate(text, seeds_dir)
        if not first.is_set():
            first.set()
            time.sleep(0.8)  # the other save runs its check now, unless the lock holds it
        return problems

    monkeypatch.setattr(draft_save, "validate_seed_yaml", slow_validate)
    gamma, delta = _beta(free_seeds, "2026-02-01-paper-gamma"), _beta(free_seeds, "2026-02-01-paper-delta")
    assert validate_seed_yaml(gamma, free_seeds) == [] and validate_seed_yaml(delta, free_seeds) == []
    outcomes: dict[str, str] = {}

    def save(name: str, text: str) -> None:
        try:
            save_seed_yaml(text, free_seeds)
            outcomes[name] = "saved"
        except DraftError as error:
            outcomes[name] = str(error)

    one = threading.Thread(target=save, args=("gamma", gamma))
    one.start()
    assert first.wait(30)
    two = threading.Thread(target=save, args=("delta", delta))
    two.start()
    one.join(60)
    two.join(60)
    assert outcomes["gamma"] == "saved"
    assert "b.batch-400k" in outcomes["delta"], outcomes["delta"]  # the claim id another report took
    assert load_seeds(free_seeds).problems == []
    assert len(audit_records(free_seeds)) == 1


def _hold_lock(seeds: str, ready: object, release: float) -> None:
    with save_lock(Path(seeds)):
        ready.set()  # type: ignore[attr-defined]
        time.sleep(release)


def test_the_lock_holds_across_processes_and_dies_with_its_holder(free_seeds: Path) -> None:
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    holder = context.Process(target=_hold_lock, args=(str(free_seeds), ready, 30.0))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(SaveError, match="Another save is still running"), save_lock(free_seeds, wait_s=0.3):
            pass
    finally:
        holder.kill()  # a replica dying mid-save
        holder.join(10)
    with save_lock(free_seeds, wait_s=5):  # the kernel released its lock
        pass


def test_temporary_files_of_a_dead_save_are_swept_by_the_next(free_seeds: Path) -> None:
    stale = free_seeds / "sources" / ".saving-dead.tmp"
    stale.write_bytes(b"half a file")
    save_seed_yaml(_beta(free_seeds, "2026-02-01-paper-gamma"), free_seeds)
    assert not stale.exists()


def test_validation_copies_nothing_and_a_crash_leaves_no_temporary_seeds(
    free_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(shutil, "copytree", lambda *a, **k: pytest.fail("validation copied the seeds"))
    text = _beta(free_seeds, "2026-02-01-paper-gamma")
    assert validate_seed_yaml(text, free_seeds) == []

    def crash(*_: object) -> None:
        raise MemoryError("the validating process dies here")

    monkeypatch.setattr(data.load, "cross_check", crash)
    with pytest.raises(MemoryError):
        validate_seed_yaml(text, free_seeds)
    assert list(scratch.iterdir()) == []
    assert not (free_seeds / "sources" / "2026-02-01-paper-gamma.yaml").exists()


def test_a_briefing_save_is_stamped_audited_and_never_overwrites(tmp_path: Path) -> None:
    from pages.briefing.helpers import save_briefing

    seeds = tmp_path / "seeds"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", seeds)
    briefing = load_seeds(seeds).briefings["h200-status"].model_copy(update={"id": "board-update"})
    path = save_briefing(briefing, seeds, who="ana@example.com")
    assert path.read_text(encoding="utf-8").startswith("# Saved by ana@example.com on ")
    loaded = load_seeds(seeds)
    assert loaded.problems == [] and "board-update" in loaded.briefings
    assert [r["file"] for r in audit_records(seeds)] == ["briefings/board-update.yaml"]
    with pytest.raises(ValueError, match="already exists"):
        save_briefing(briefing, seeds, who="bob@example.com")
    broken = briefing.model_copy(update={"id": "broken"})
    broken.steps[0].sources.append("no-such-source")
    with pytest.raises(ValueError, match="unknown source id 'no-such-source'"):
        save_briefing(broken, seeds)
    assert not (seeds / "briefings" / "broken.yaml").exists()
    assert len(audit_records(seeds)) == 1
