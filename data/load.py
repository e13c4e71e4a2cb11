"""Read ``seeds/``, validate everything, and report every problem with file, line and field.

A bad file (or a bad claim inside a good file) never hides the good ones: whatever validates is
returned alongside the list of problems, and warnings (likely mistakes that load fine) beside
them. The work is split by job: ``data.yaml_reader`` parses safely with line numbers and plain
words for syntax errors, ``data.checks`` does the cross-file checks, ``data.seed_warnings`` the
warnings. This module reads the folders and puts the pieces together.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from data.checks import ReferenceLines, cross_check
from data.models import (
    Briefing,
    Chip,
    Claim,
    Coverage,
    LexiconEntry,
    Metric,
    Organisation,
    Publisher,
    ScenarioParameter,
    Source,
    Threshold,
)
from data.seed_data import ClaimRecord, Problem, SeedData
from data.seed_warnings import SourceLocation, seed_warnings
from data.suggest import did_you_mean
from data.yaml_reader import (
    MAX_FILE_BYTES,
    MAX_NODES,
    Path_,
    YamlProblem,
    comment_cuts,
    field_name,
    line_for,
    parse_yaml,
    read_yaml,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "ClaimRecord",
    "Problem",
    "SeedData",
    "load_seeds",
    "parse_yaml",
    "seed_fingerprint",
]

_REFERENCE: dict[str, tuple[str, type[BaseModel]]] = {
    "organisations.yaml": ("organisations", Organisation),
    "chips.yaml": ("chips", Chip),
    "lexicon.yaml": ("lexicon", LexiconEntry),
    "scenarios.yaml": ("parameters", ScenarioParameter),
    "metrics.yaml": ("metrics", Metric),
    "publishers.yaml": ("publishers", Publisher),
}


class _Loading:
    """One load: the result plus what the later checks need (lines, pending warnings)."""

    def __init__(self, pending: Mapping[Path, bytes] | None = None) -> None:
        self.seeds = SeedData()
        self.pending: Mapping[Path, bytes] = pending or {}  # files read from memory, not from disk
        self.warnings: list[Problem] = []
        self.locations: dict[str, SourceLocation] = {}
        self.reference_lines: ReferenceLines = {}

    def problem(self, file: str, line: int, field: str, message: str) -> None:
        self.seeds.problems.append(Problem(file, line, field, message))


@cache
def _keys_of(model: type[BaseModel]) -> list[tuple[str, str]]:
    """Every key the model (and the models inside it) accepts, to suggest for a misspelt one."""
    keys: set[str] = set()
    pending = [model]
    while pending:
        current = pending.pop()
        for name, info in current.model_fields.items():
            keys.add(name)
            for inner in _models_in(info.annotation):
                if inner not in pending and not keys.issuperset(inner.model_fields):
                    pending.append(inner)
    return [(key, key) for key in sorted(keys)]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _validate(
    model: type[BaseModel],
    data: Any,
    path: Path_,
    file: str,
    lines: dict[Path_, int],
    problems: list[Problem],
    label: str = "",
) -> Any | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = (*path, *item["loc"])
            message = item["msg"]
            if item["type"] == "extra_forbidden":
                hint = did_you_mean(str(loc[-1]), _keys_of(model))
                message = f"unknown key{hint}" if hint else "unknown key (not in the schema; check its spelling)"
            elif item["type"] == "missing":
                message = "required key is missing"
            message = message.removeprefix("Value error, ")
            problems.append(Problem(file, line_for(lines, loc), field_name(loc) + label, message))
        return None


def _read(path: Path, display: str, loading: _Loading) -> tuple[Any, dict[Path_, int]] | None:
    try:
        data, lines, text = read_yaml(path, loading.pending.get(path))
    except YamlProblem as problem:
        loading.problem(display, problem.line, problem.field, problem.message)
        return None
    except OSError as error:
        loading.problem(display, 1, "(file)", f"cannot read the file: {error.strerror}")
        return None
    if " #" in text:
        for line, message in comment_cuts(text):
            paths = [path for path, at in lines.items() if at == line]
            field = field_name(max(paths, key=len)) if paths else "(value)"
            loading.warnings.append(Problem(display, line, field, message))
    return data, lines


def _id_differs_from_file(
    ident: str, block: str, path: Path, display: str, lines: dict[Path_, int], loading: _Loading
) -> bool:
    """One file per document: its id must be the file name, so the file is found from the id."""
    if ident == path.stem:
        return False
    message = f"'{ident}' must equal the file name '{path.stem}'"
    loading.problem(display, line_for(lines, (block, "id")), f"{block}.id", message)
    return True


def _load_source_file(path: Path, display: str, loading: _Loading) -> None:
    parsed = _read(path, display, loading)
    if parsed is None:
        return
    seeds = loading.seeds
    data, lines = parsed
    if not isinstance(data, dict):
        message = "a source file must be a mapping with the keys 'source' and 'claims'"
        loading.problem(display, lines.get((), 1), "(file)", message)
        return
    for key in data:
        if key not in ("source", "claims"):
            loading.problem(display, line_for(lines, (key,)), key, "unknown key (expected 'source' and 'claims')")
    if "source" not in data:
        loading.problem(display, 1, "source", "required key is missing")
        return
    source = _validate(Source, data["source"], ("source",), display, lines, seeds.problems)
    if source is None or _id_differs_from_file(source.id, "source", path, display, lines, loading):
        return
    if source.id in seeds.sources:
        loading.problem(display, line_for(lines, ("source", "id")), "source.id", f"duplicate source id '{source.id}'")
        return
    claims = data.get("claims")
    if not isinstance(claims, list) or not claims:
        loading.problem(display, line_for(lines, ("claims",)), "claims", "a source needs a list of at least one claim")
        return
    seeds.sources[source.id] = source
    loading.locations[source.id] = SourceLocation(display, path.stem, lines)
    for index, raw in enumerate(claims):
        claim_id = raw.get("id") if isinstance(raw, dict) else None
        label = f" (claim {claim_id})" if isinstance(claim_id, str) else ""
        claim = _validate(Claim, raw, ("claims", index), display, lines, seeds.problems, label)
        if claim is not None:
            seeds.claims.append(ClaimRecord(claim, source.id, display, line_for(lines, ("claims", index))))


def _load_reference_file(path: Path, display: str, loading: _Loading) -> list[tuple[Any, int]]:
    """Validate one reference file item by item; return (item, line) pairs that passed."""
    parsed = _read(path, display, loading)
    if parsed is None:
        return []
    seeds = loading.seeds
    data, lines = parsed
    if path.name == "coverage.yaml":
        if not isinstance(data, dict) or set(data) != {"coverage"}:
            loading.problem(display, 1, "(file)", "expected one key 'coverage'")
            return []
        seeds.coverage = _validate(Coverage, data["coverage"], ("coverage",), display, lines, seeds.problems)
        return []
    key, model = _REFERENCE[path.name]
    allowed = {key} | ({"thresholds"} if path.name == "chips.yaml" else set())
    if not isinstance(data, dict) or key not in data or not isinstance(data[key], list):
        loading.problem(display, 1, key, f"expected a mapping with a list under '{key}'")
        return []
    for extra in set(data) - allowed:
        loading.problem(display, line_for(lines, (extra,)), extra, "unknown key")
    out = []
    for index, raw in enumerate(data[key]):
        item = _validate(model, raw, (key, index), display, lines, seeds.problems)
        if item is not None:
            out.append((item, line_for(lines, (key, index))))
    if path.name == "chips.yaml":
        for index, raw in enumerate(data.get("thresholds") or []):
            item = _validate(Threshold, raw, ("thresholds", index), display, lines, seeds.problems)
            if item is not None:
                out.append((item, line_for(lines, ("thresholds", index))))
    return out


def _store_reference(item: Any, line: int, display: str, loading: _Loading) -> None:
    seeds = loading.seeds
    kind = type(item).__name__
    ident = (
        getattr(item, "id", None)
        or getattr(item, "wording", None)
        or getattr(item, "metric", None)
        or getattr(item, "name", "")
    )
    if isinstance(item, Threshold):
        seeds.thresholds.append(item)
    elif (kind, ident) in loading.reference_lines:
        loading.problem(display, line, "id", f"duplicate {kind.lower()} '{ident}'")
        return
    elif isinstance(item, Organisation):
        seeds.organisations[item.id] = item
    elif isinstance(item, Chip):
        seeds.chips[item.id] = item
    elif isinstance(item, LexiconEntry):
        seeds.lexicon[item.wording.lower()] = item
        for alias in item.aliases:
            seeds.lexicon.setdefault(alias.lower(), item)
    elif isinstance(item, ScenarioParameter):
        seeds.scenarios[item.id] = item
    elif isinstance(item, Metric):
        seeds.metrics[item.id] = item
    elif isinstance(item, Publisher):
        seeds.publishers[item.name] = item
    loading.reference_lines[(kind, str(ident))] = (display, line)


def _seed_files(root: Path, folder: str, pending: Mapping[Path, bytes]) -> list[Path]:
    directory = root / folder
    extra = {p for p in pending if p.parent == directory}
    if not directory.is_dir():
        return sorted(extra)
    return sorted({p for p in directory.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml")} | extra)


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent)) if root.parent != Path(".") else str(path)
    except ValueError:
        return str(path)


def load_seeds(
    root: str | Path = "seeds", today: dt.date | None = None, *, pending: Mapping[str, str] | None = None
) -> SeedData:
    """Load and cross-check every seed file under ``root``. Never raises for bad seed content.

    ``today`` (default: the system date) is only used to warn about reports dated in the future.
    ``pending`` maps a path under ``root`` (``"sources/<id>.yaml"``) to a file's text that is not
    saved yet: it is loaded as if it were there (replacing a file of that name), so a draft is
    checked against the real folder without copying it.
    """
    root = Path(root)
    loading = _Loading({root / name: text.encode("utf-8") for name, text in (pending or {}).items()})
    seeds = loading.seeds
    if not root.is_dir():
        loading.problem(str(root), 1, "(folder)", "seed folder not found")
        return seeds

    known = ", ".join(sorted([*_REFERENCE, "coverage.yaml", "feeds.yaml"]))
    for path in _seed_files(root, "reference", loading.pending):
        display = _display(path, root)
        seeds.files_read += 1
        if path.name == "feeds.yaml":  # the watcher's feeds (data.watch): validated, not seed data
            from data.watch.config import feed_problems

            for line, field, message in feed_problems(path):
                loading.problem(display, line, field, message)
            continue
        if path.name not in _REFERENCE and path.name != "coverage.yaml":
            loading.problem(display, 1, "(file)", f"unknown reference file; expected one of {known}")
            continue
        for item, line in _load_reference_file(path, display, loading):
            _store_reference(item, line, display, loading)

    for path in _seed_files(root, "sources", loading.pending):
        seeds.files_read += 1
        _load_source_file(path, _display(path, root), loading)

    for path in _seed_files(root, "briefings", loading.pending):
        seeds.files_read += 1
        _load_briefing_file(path, _display(path, root), loading)

    cross_check(seeds, loading.reference_lines)
    found = loading.warnings + seed_warnings(seeds, loading.locations, today or dt.date.today())
    seeds.warnings = [str(warning) for warning in found]
    return seeds


def _load_briefing_file(path: Path, display: str, loading: _Loading) -> None:
    parsed = _read(path, display, loading)
    if parsed is None:
        return
    seeds = loading.seeds
    data, lines = parsed
    if not isinstance(data, dict) or set(data) != {"briefing"}:
        loading.problem(display, 1, "(file)", "a briefing file must have one key 'briefing'")
        return
    briefing = _validate(Briefing, data["briefing"], ("briefing",), display, lines, seeds.problems)
    if briefing is None or _id_differs_from_file(briefing.id, "briefing", path, display, lines, loading):
        return
    for index, step in enumerate(briefing.steps):
        for source_id in step.sources:
            if source_id not in seeds.sources:
                line = line_for(lines, ("briefing", "steps", index, "sources"))
                loading.problem(display, line, f"briefing.steps[{index}].sources", f"unknown source id '{source_id}'")
    seeds.briefings[briefing.id] = briefing


def seed_fingerprint(root: str | Path = "seeds", folders: Iterable[str] = ("sources", "reference", "briefings")) -> str:
    """The cache key for the loaded seeds: every file's name, size and modification time.

    Any save of a seed file changes its mtime (and usually its size), so an added or edited
    file reloads on the next interaction. Stat calls keep the warm path fast with thousands of
    files, where hashing every byte on each rerun would not (see bench/results.md).
    """
    # Order-independent and allocation-light: the stat() calls are the floor (~3 µs a file).
    # Python's hash() is salted per process, which is fine for a key that lives in this process.
    count, xor_total, sum_total = 0, 0, 0
    root = Path(root)
    for folder in folders:
        directory = root / folder
        if not directory.is_dir():
            continue
        with os.scandir(directory) as entries:
            for entry in entries:
                name = entry.name
                if not name.endswith((".yaml", ".yml")):
                    continue
                try:
                    stat = entry.stat()
                    item = hash((folder, name, stat.st_size, stat.st_mtime_ns))
                except OSError:
                    item = hash((folder, name, "unreadable"))
                count += 1
                xor_total ^= item
                sum_total = (sum_total + item) & 0xFFFFFFFFFFFFFFFF
    return f"{count}-{xor_total & 0xFFFFFFFFFFFFFFFF:x}-{sum_total:x}"
