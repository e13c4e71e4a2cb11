"""Read ``seeds/``, validate everything, and report every problem with file, line and field.

A bad file (or a bad claim inside a good file) never hides the good ones: whatever validates is
returned alongside the list of problems. YAML is parsed with the safe loader, anchors/aliases
are refused (no alias bombs) and files over ``MAX_FILE_BYTES`` are not parsed at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from data.lexicon import lookup
from data.models import (
    Briefing,
    Chip,
    Claim,
    Coverage,
    LexiconEntry,
    Metric,
    Organisation,
    ScenarioParameter,
    Source,
    Threshold,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the seeds, phrased for the person who edits the file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class ClaimRecord:
    """A validated claim with where it came from."""

    claim: Claim
    source_id: str
    file: str
    line: int


@dataclass
class SeedData:
    """Everything that loaded, plus every problem found on the way."""

    sources: dict[str, Source] = field(default_factory=dict)
    claims: list[ClaimRecord] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    chips: dict[str, Chip] = field(default_factory=dict)
    thresholds: list[Threshold] = field(default_factory=list)
    lexicon: dict[str, LexiconEntry] = field(default_factory=dict)
    scenarios: dict[str, ScenarioParameter] = field(default_factory=dict)
    coverage: Coverage | None = None
    briefings: dict[str, Briefing] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files_read: int = 0

    def claims_by_id(self) -> dict[str, ClaimRecord]:
        return {record.claim.id: record for record in self.claims}

    def summary_line(self) -> str:
        return (
            f"OK: {len(self.sources)} sources, {len(self.claims)} claims, "
            f"{len(self.organisations)} organisations, {len(self.chips)} chips"
        )


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str, field: str = "(file)") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


# --------------------------------------------------------------------------- YAML with lines


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise _YamlProblem(1, "this is not a text file (it contains NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _YamlProblem(line, f"not valid UTF-8 text (byte {error.start}); save it as UTF-8") from None


def parse_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse one YAML document safely; return the data and a map of key path -> line (1-based).

    Raises ``_YamlProblem`` for syntax errors, several documents, aliases, duplicate keys
    and documents too large to be seed data.
    """
    loader = _Loader(text)
    loader._seed_text = text
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else 1
            message = f"YAML syntax error: {error.problem or error}"
            if error.context and error.context_mark is not None and error.context_mark.line + 1 != line:
                message += f" ({error.context} that starts on line {error.context_mark.line + 1})"
            raise _YamlProblem(line, message) from None
        except yaml.YAMLError as error:
            raise _YamlProblem(1, f"YAML error: {error}") from None
        if node is None:
            raise _YamlProblem(1, "the file is empty")
        lines: dict[Path_, int] = {}
        seen: set[int] = set()
        data = _convert(loader, node, (), lines, seen)
        return data, lines
    finally:
        loader.dispose()


def _convert(loader: Any, node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    if id(node) in seen:
        raise _YamlProblem(
            _first_alias_line(loader) or node.start_mark.line + 1,
            "YAML anchors and aliases (&name / *name) are not allowed in seed files",
            _field(path),
        )
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise _YamlProblem(
            node.start_mark.line + 1, f"YAML tag '{node.tag}' is not allowed in seed files", _field(path)
        )
    if len(seen) > MAX_NODES:
        raise _YamlProblem(node.start_mark.line + 1, f"too large: more than {MAX_NODES} YAML nodes")
    lines[path] = node.start_mark.line + 1
    if node.tag == _STR_TAG:
        return node.value  # most scalars: skip the constructor machinery
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _YamlProblem(key_node.start_mark.line + 1, "YAML merge keys (<<) are not allowed")
            key = _convert(loader, key_node, (*path, "<key>"), {}, seen)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise _YamlProblem(key_node.start_mark.line + 1, "mapping keys must be plain text", _field(path))
            key = str(key)
            if key in result:
                raise _YamlProblem(
                    key_node.start_mark.line + 1, f"duplicate key '{key}' in the same mapping", _field((*path, key))
                )
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _convert(loader, value_node, (*path, key), lines, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, index), lines, seen) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        # e.g. 2026-02-30 resolves as a timestamp but is not a real date: keep the text so
        # validation reports it against its field.
        return node.value


def _first_alias_line(loader: Any) -> int | None:
    """Where the first ``*alias`` is used: composed nodes only remember the anchor's line."""
    text = getattr(loader, "_seed_text", None)
    if text is None:
        return None
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def _field(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _line_for(lines: dict[Path_, int], path: Path_) -> int:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


# --------------------------------------------------------------------------- validation


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
                message = "unknown key (not in the schema; check its spelling)"
            elif item["type"] == "missing":
                message = "required key is missing"
            message = message.removeprefix("Value error, ")
            problems.append(Problem(file, _line_for(lines, loc), _field(loc) + label, message))
        return None


def _read(path: Path, display: str, problems: list[Problem]) -> tuple[Any, dict[Path_, int]] | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    display,
                    1,
                    "(file)",
                    f"file is {size / 1e6:.1f} MB; seed files may be at most {MAX_FILE_BYTES // 1_000_000} MB",
                )
            )
            return None
        text = _decode(path.read_bytes())
        return parse_yaml(text)
    except _YamlProblem as problem:
        problems.append(Problem(display, problem.line, problem.field, problem.message))
    except OSError as error:
        problems.append(Problem(display, 1, "(file)", f"cannot read the file: {error.strerror}"))
    except RecursionError:
        problems.append(Problem(display, 1, "(file)", "nested too deeply to be seed data"))
    return None


def _id_differs_from_file(
    ident: str, block: str, path: Path, display: str, lines: dict[Path_, int], problems: list[Problem]
) -> bool:
    """One file per document: its id must be the file name, so the file is found from the id."""
    if ident == path.stem:
        return False
    problems.append(
        Problem(
            display, _line_for(lines, (block, "id")), f"{block}.id", f"'{ident}' must equal the file name '{path.stem}'"
        )
    )
    return True


def _load_source_file(path: Path, display: str, seeds: SeedData) -> None:
    parsed = _read(path, display, seeds.problems)
    if parsed is None:
        return
    data, lines = parsed
    if not isinstance(data, dict):
        seeds.problems.append(
            Problem(
                display,
                lines.get((), 1),
                "(file)",
                "a source file must be a mapping with the keys 'source' and 'claims'",
            )
        )
        return
    for key in data:
        if key not in ("source", "claims"):
            seeds.problems.append(
                Problem(display, _line_for(lines, (key,)), key, "unknown key (expected 'source' and 'claims')")
            )
    if "source" not in data:
        seeds.problems.append(Problem(display, 1, "source", "required key is missing"))
        return
    source = _validate(Source, data["source"], ("source",), display, lines, seeds.problems)
    if source is None:
        return
    if _id_differs_from_file(source.id, "source", path, display, lines, seeds.problems):
        return
    if source.id in seeds.sources:
        seeds.problems.append(
            Problem(display, _line_for(lines, ("source", "id")), "source.id", f"duplicate source id '{source.id}'")
        )
        return
    claims = data.get("claims")
    if not isinstance(claims, list) or not claims:
        seeds.problems.append(
            Problem(display, _line_for(lines, ("claims",)), "claims", "a source needs a list of at least one claim")
        )
        return
    seeds.sources[source.id] = source
    for index, raw in enumerate(claims):
        claim_id = raw.get("id") if isinstance(raw, dict) else None
        label = f" (claim {claim_id})" if isinstance(claim_id, str) else ""
        claim = _validate(Claim, raw, ("claims", index), display, lines, seeds.problems, label)
        if claim is not None:
            seeds.claims.append(ClaimRecord(claim, source.id, display, _line_for(lines, ("claims", index))))


_REFERENCE = {
    "organisations.yaml": ("organisations", Organisation),
    "chips.yaml": ("chips", Chip),
    "lexicon.yaml": ("lexicon", LexiconEntry),
    "scenarios.yaml": ("parameters", ScenarioParameter),
    "metrics.yaml": ("metrics", Metric),
}


def _load_reference_file(path: Path, display: str, seeds: SeedData) -> list[tuple[Any, int]]:
    """Validate one reference file item by item; return (item, line) pairs that passed."""
    parsed = _read(path, display, seeds.problems)
    if parsed is None:
        return []
    data, lines = parsed
    if path.name == "coverage.yaml":
        if not isinstance(data, dict) or set(data) != {"coverage"}:
            seeds.problems.append(Problem(display, 1, "(file)", "expected one key 'coverage'"))
            return []
        seeds.coverage = _validate(Coverage, data["coverage"], ("coverage",), display, lines, seeds.problems)
        return []
    key, model = _REFERENCE[path.name]
    allowed = {key} | ({"thresholds"} if path.name == "chips.yaml" else set())
    if not isinstance(data, dict) or key not in data or not isinstance(data[key], list):
        seeds.problems.append(Problem(display, 1, key, f"expected a mapping with a list under '{key}'"))
        return []
    for extra in set(data) - allowed:
        seeds.problems.append(Problem(display, _line_for(lines, (extra,)), extra, "unknown key"))
    out = []
    for index, raw in enumerate(data[key]):
        item = _validate(model, raw, (key, index), display, lines, seeds.problems)
        if item is not None:
            out.append((item, _line_for(lines, (key, index))))
    if path.name == "chips.yaml":
        for index, raw in enumerate(data.get("thresholds") or []):
            item = _validate(Threshold, raw, ("thresholds", index), display, lines, seeds.problems)
            if item is not None:
                out.append((item, _line_for(lines, ("thresholds", index))))
    return out


def _seed_files(root: Path, folder: str) -> list[Path]:
    directory = root / folder
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent)) if root.parent != Path(".") else str(path)
    except ValueError:
        return str(path)


def load_seeds(root: str | Path = "seeds") -> SeedData:
    """Load and cross-check every seed file under ``root``. Never raises for bad seed content."""
    root = Path(root)
    seeds = SeedData()
    if not root.is_dir():
        seeds.problems.append(Problem(str(root), 1, "(folder)", "seed folder not found"))
        return seeds

    reference_lines: dict[tuple[str, str], tuple[str, int]] = {}
    for path in _seed_files(root, "reference"):
        display = _display(path, root)
        seeds.files_read += 1
        if path.name not in _REFERENCE and path.name != "coverage.yaml":
            seeds.problems.append(
                Problem(
                    display,
                    1,
                    "(file)",
                    f"unknown reference file; expected one of {', '.join(sorted([*_REFERENCE, 'coverage.yaml']))}",
                )
            )
            continue
        for item, line in _load_reference_file(path, display, seeds):
            kind = type(item).__name__
            ident = getattr(item, "id", None) or getattr(item, "wording", None) or getattr(item, "metric", "")
            if isinstance(item, Threshold):
                seeds.thresholds.append(item)
            elif (kind, ident) in reference_lines:
                seeds.problems.append(Problem(display, line, "id", f"duplicate {kind.lower()} '{ident}'"))
                continue
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
            reference_lines[(kind, str(ident))] = (display, line)

    for path in _seed_files(root, "sources"):
        seeds.files_read += 1
        _load_source_file(path, _display(path, root), seeds)

    for path in _seed_files(root, "briefings"):
        seeds.files_read += 1
        _load_briefing_file(path, _display(path, root), seeds)

    _cross_check(seeds, reference_lines)
    return seeds


def _load_briefing_file(path: Path, display: str, seeds: SeedData) -> None:
    parsed = _read(path, display, seeds.problems)
    if parsed is None:
        return
    data, lines = parsed
    if not isinstance(data, dict) or set(data) != {"briefing"}:
        seeds.problems.append(Problem(display, 1, "(file)", "a briefing file must have one key 'briefing'"))
        return
    briefing = _validate(Briefing, data["briefing"], ("briefing",), display, lines, seeds.problems)
    if briefing is None:
        return
    if _id_differs_from_file(briefing.id, "briefing", path, display, lines, seeds.problems):
        return
    for index, step in enumerate(briefing.steps):
        for source_id in step.sources:
            if source_id not in seeds.sources:
                line = _line_for(lines, ("briefing", "steps", index, "sources"))
                seeds.problems.append(
                    Problem(display, line, f"briefing.steps[{index}].sources", f"unknown source id '{source_id}'")
                )
    seeds.briefings[briefing.id] = briefing


def _cross_check(seeds: SeedData, reference_lines: dict[tuple[str, str], tuple[str, int]]) -> None:
    problems = seeds.problems
    unique: list[ClaimRecord] = []
    first_seen: dict[str, ClaimRecord] = {}
    for record in seeds.claims:
        if record.claim.id in first_seen:
            other = first_seen[record.claim.id]
            problems.append(
                Problem(
                    record.file,
                    record.line,
                    "claims.id",
                    f"duplicate claim id '{record.claim.id}' (first at {other.file}:{other.line})",
                )
            )
            continue
        first_seen[record.claim.id] = record
        unique.append(record)

    valid: list[ClaimRecord] = []
    for record in unique:
        claim = record.claim
        errors = []
        for actor in claim.actors:
            if actor not in seeds.organisations:
                errors.append(("actors", f"unknown organisation id '{actor}'"))
        if claim.product is not None and claim.product not in seeds.chips:
            errors.append(("product", f"unknown chip id '{claim.product}'"))
        quantity = claim.quantity
        if quantity is not None:
            if quantity.metric not in seeds.metrics:
                errors.append(
                    (
                        "quantity.metric",
                        f"unknown metric id '{quantity.metric}' (declare it in seeds/reference/metrics.yaml)",
                    )
                )
            for org in quantity.applies_to:
                if org not in seeds.organisations:
                    errors.append(("quantity.applies_to", f"unknown organisation id '{org}'"))
            no_numbers = quantity.value is None and quantity.low is None and quantity.high is None
            if no_numbers and lookup(quantity.wording, seeds.lexicon) is None:
                errors.append(
                    (
                        "quantity.wording",
                        f"wording '{quantity.wording}' has no numbers and is not in the lexicon (seeds/reference/lexicon.yaml)",
                    )
                )
        for link_field in ("contradicts", "supersedes"):
            for target in getattr(claim, link_field):
                if target not in first_seen:
                    errors.append((link_field, f"points to claim '{target}', which does not exist"))
                elif target == claim.id:
                    errors.append((link_field, "a claim cannot refer to itself"))
        for name, message in errors:
            problems.append(Problem(record.file, record.line, f"claims.{name} (claim {claim.id})", message))
        # A claim citing unknown ids still says something true about its source; keep it
        # unless the reference is essential to placing it (product/actors are shown, links are not).
        valid.append(record)
    seeds.claims = valid

    def where(kind: str, ident: str) -> tuple[str, int]:
        return reference_lines.get((kind, ident), ("seeds/reference", 1))

    for chip in seeds.chips.values():
        file, line = where("Chip", chip.id)
        if chip.vendor not in seeds.organisations:
            problems.append(Problem(file, line, f"chips.{chip.id}.vendor", f"unknown organisation id '{chip.vendor}'"))
        for metric, spec in chip.specs.items():
            for source_id in spec.sources:
                if source_id not in seeds.sources:
                    problems.append(
                        Problem(
                            file, line, f"chips.{chip.id}.specs.{metric}.sources", f"unknown source id '{source_id}'"
                        )
                    )
    for threshold in seeds.thresholds:
        for source_id in threshold.sources:
            if source_id not in seeds.sources:
                problems.append(
                    Problem(
                        "seeds/reference/chips.yaml",
                        1,
                        f"thresholds.{threshold.metric}.sources",
                        f"unknown source id '{source_id}'",
                    )
                )
    for parameter in seeds.scenarios.values():
        file, line = where("ScenarioParameter", parameter.id)
        for source_id in parameter.sources:
            if source_id not in seeds.sources:
                problems.append(
                    Problem(file, line, f"parameters.{parameter.id}.sources", f"unknown source id '{source_id}'")
                )


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
