"""Validate a drafted seed file with the project's loader, and save it without ever overwriting.

Validation loads the real seed folder with the draft added in memory (``load_seeds(pending=)``),
so nothing is copied and nothing is left behind if it crashes. The save goes through
``data.safe_save``: the check runs again inside its lock (so two reports with the same claim ids
cannot both land), then an atomic, fsynced, never-overwriting write, stamped and audited.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from data.draft.model import DraftError
from data.draft.render import copied_runs
from data.load import load_seeds, parse_yaml
from data.models import ID_PATTERN
from data.safe_save import LOCAL_EDITOR, SaveError, save_new
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


_DUPLICATE = re.compile(r"duplicate (?:claim )?id '(?P<id>[^']+)' \(first at (?P<first>.+):(?P<line>\d+)\)")


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
    name = f"{ident}.yaml"
    loaded = load_seeds(seeds_dir, pending={f"sources/{name}": text})
    mine = [f"Line {p.line}, {_plain(p.field, p.message)}" for p in loaded.problems if Path(p.file).name == name]
    # A clash is reported on whichever file sorts later: when that is an existing report, the
    # problem names this draft as the "first" place, and it is this draft's problem all the same.
    for problem in loaded.problems:
        clash = _DUPLICATE.match(problem.message) if Path(problem.file).name != name else None
        if clash and Path(clash["first"]).name == name:
            mine.append(
                f"Line {clash['line']}, {problem.field}: the id '{clash['id']}' is already used by "
                f"{Path(problem.file).name} (line {problem.line}); pick another id"
            )
    return mine


def save_seed_yaml(text: str, seeds_dir: str | Path, who: str = LOCAL_EDITOR) -> Path:
    """Validate, then write ``seeds/sources/<id>.yaml`` once; never over an existing file or id.

    ``who`` (the signed-in identity, or "local editor") is stamped into the file and the audit log.
    Raises ``DraftError`` with plain sentences: problems in the draft, a taken id or claim id, a
    read-only or full seeds folder.
    """
    seeds_dir = Path(seeds_dir)
    ident, problems = _source_id(text)
    if ident is None:
        raise DraftError("The draft is not ready to save:\n- " + "\n- ".join(problems))

    def check() -> None:  # inside the save lock: the folder cannot change under it
        problems = validate_seed_yaml(text, seeds_dir)
        if problems:
            raise DraftError("The draft is not ready to save:\n- " + "\n- ".join(problems))

    try:
        return save_new(seeds_dir, f"sources/{ident}.yaml", text, who=who, kind="Add a report", check=check)
    except SaveError as error:
        raise DraftError(str(error)) from None


def summary_problems(summaries: dict[str, str], text: str) -> dict[str, Any]:
    """Per claim id, the runs of eight or more words a summary copies from the article."""
    return {cid: runs for cid, summary in summaries.items() if (runs := copied_runs(summary, text))}
