"""Validate a drafted seed file with the project's loader, and save it without ever overwriting.

Validation runs on a temporary copy of the seed folder, so the real one is untouched until a
save; the save writes a temporary file in the same folder and links it into place, which fails
if the name is taken (no overwrite, no half-written file visible to the loader).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from data.draft.model import DraftError
from data.load import load_seeds, parse_yaml
from data.models import ID_PATTERN
from data.yaml_reader import YamlProblem

_PLAIN = [
    (
        r"String should have at least 10 characters",
        "is still empty or too short: write one or two sentences in your own words",
    ),
    (r"String should have at least (\d+) characters", r"is too short (at least \1 characters)"),
    (r"Input should be (.+)", r"must be one of \1"),
    (r"Field required|required key is missing", "is missing"),
    (r"Input should be a valid date.*", "must be a date written as YYYY-MM-DD"),
]


def _plain(field: str, message: str) -> str:
    for pattern, replacement in _PLAIN:
        if re.search(pattern, message):
            message = re.sub(pattern, replacement, message)
            break
    if field.endswith("summary") or ".summary " in field:
        return f"{field}: the summary {message}" if "empty" in message else f"{field}: {message}"
    return f"{field}: {message}"


def _source_id(text: str) -> tuple[str | None, list[str]]:
    try:
        data, _ = parse_yaml(text)
    except YamlProblem as problem:
        return None, [f"Line {problem.line}: {problem.message}"]
    source = data.get("source") if isinstance(data, dict) else None
    ident = source.get("id") if isinstance(source, dict) else None
    if not isinstance(ident, str) or not re.match(ID_PATTERN, ident) or len(ident) > 120:
        return None, ["The source id is missing or not allowed: use lower-case letters, digits, dots and dashes."]
    return ident, []


def validate_seed_yaml(text: str, seeds_dir: str | Path) -> list[str]:
    """Every problem the loader finds with this file next to the existing seeds, as plain sentences."""
    seeds_dir = Path(seeds_dir)
    ident, problems = _source_id(text)
    if ident is None:
        return problems
    if (seeds_dir / "sources" / f"{ident}.yaml").exists():
        return [f"A source with the id '{ident}' already exists; pick another id (and file name)."]
    with tempfile.TemporaryDirectory(prefix="draft-validate-") as tmp:
        copy = Path(tmp) / "seeds"
        shutil.copytree(seeds_dir, copy, ignore=shutil.ignore_patterns(".*", "*.tmp"))
        (copy / "sources").mkdir(exist_ok=True)
        (copy / "sources" / f"{ident}.yaml").write_text(text, encoding="utf-8")
        loaded = load_seeds(copy)
    mine = [p for p in loaded.problems if Path(p.file).name == f"{ident}.yaml"]
    return [f"Line {p.line}, {_plain(p.field, p.message)}" for p in mine]


def save_seed_yaml(text: str, seeds_dir: str | Path) -> Path:
    """Validate, then write ``seeds/sources/<id>.yaml`` atomically; never over an existing file or id."""
    seeds_dir = Path(seeds_dir)
    problems = validate_seed_yaml(text, seeds_dir)
    if problems:
        raise DraftError("The draft is not ready to save:\n- " + "\n- ".join(problems))
    ident, _ = _source_id(text)
    assert ident is not None
    folder = (seeds_dir / "sources").resolve()
    target = folder / f"{ident}.yaml"
    if target.parent != folder or "/" in ident or "\\" in ident:
        raise DraftError("That id cannot be used as a file name.")
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".draft-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        _link_exclusive(Path(tmp_name), target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    _fsync_dir(folder)
    return target


def _link_exclusive(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise DraftError(f"{target.name} already exists; nothing was written.") from None
    except OSError:
        # No hard links on this file system: exclusive create, then copy the finished bytes.
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise DraftError(f"{target.name} already exists; nothing was written.") from None
        with os.fdopen(fd, "wb") as handle:
            handle.write(tmp.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def summary_problems(summaries: dict[str, str], text: str) -> dict[str, Any]:
    """Per claim id, the runs of eight or more words a summary copies from the article."""
    from data.draft.render import copied_runs

    return {cid: runs for cid, summary in summaries.items() if (runs := copied_runs(summary, text))}
