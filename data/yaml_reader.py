"""Safe YAML with line numbers, and syntax errors explained in words an editor can act on.

Parsed with the safe loader; anchors/aliases, merge keys and non-plain tags are refused (no alias
bombs, no object construction) and files over ``MAX_FILE_BYTES`` are not parsed at all. Every
key path is mapped to its 1-based line so validation messages can point at the right line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from data.yaml_hints import explain_syntax_error

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


class YamlProblem(Exception):
    """A file that cannot be read as seed YAML: where, and what to do about it."""

    def __init__(self, line: int, message: str, field: str = "(file)") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


def decode(raw: bytes) -> str:
    """Bytes to text, refusing binary files and naming the line of a bad byte."""
    if b"\x00" in raw[:8192]:
        raise YamlProblem(1, "this is not a text file (it contains NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(line, f"not valid UTF-8 text (byte {error.start}); save it as UTF-8") from None


def parse_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse one YAML document safely; return the data and a map of key path -> line (1-based).

    Raises ``YamlProblem`` for syntax errors (explained in plain words), several documents,
    aliases, duplicate keys and documents too large to be seed data.
    """
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            line, message = explain_syntax_error(text, error)
            raise YamlProblem(line, message) from None
        except yaml.YAMLError as error:
            raise YamlProblem(1, f"YAML error: {error}") from None
        if node is None:
            raise YamlProblem(1, "the file is empty")
        lines: dict[Path_, int] = {}
        seen: set[int] = set()
        data = _convert(loader, text, node, (), lines, seen)
        return data, lines
    finally:
        loader.dispose()


def _convert(loader: Any, text: str, node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    if id(node) in seen:
        raise YamlProblem(
            _first_alias_line(text) or node.start_mark.line + 1,
            "YAML anchors and aliases (&name / *name) are not allowed in seed files",
            field_name(path),
        )
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(
            node.start_mark.line + 1, f"YAML tag '{node.tag}' is not allowed in seed files", field_name(path)
        )
    if len(seen) > MAX_NODES:
        raise YamlProblem(node.start_mark.line + 1, f"too large: more than {MAX_NODES} YAML nodes")
    lines[path] = node.start_mark.line + 1
    if node.tag == _STR_TAG:
        return node.value  # most scalars: skip the constructor machinery
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(loader, text, node, path, lines, seen)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, text, item, (*path, index), lines, seen) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        # e.g. 2026-02-30 resolves as a timestamp but is not a real date: keep the text so
        # validation reports it against its field.
        return node.value


def _convert_mapping(
    loader: Any, text: str, node: yaml.MappingNode, path: Path_, lines: dict[Path_, int], seen: set[int]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlProblem(line, "YAML merge keys (<<) are not allowed")
        if node.flow_style and _split_number(text, key_node, value_node):
            raise YamlProblem(
                line,
                f"a number with a comma inside {{ }} was split at the comma ('{key_node.value}' became a key); "
                'put the value in quotes, e.g. wording: "over 400,000"',
                field_name(path),
            )
        key = _convert(loader, text, key_node, (*path, "<key>"), {}, seen)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise YamlProblem(line, "mapping keys must be plain text", field_name(path))
        key = str(key)
        if key in result:
            raise YamlProblem(line, f"duplicate key '{key}' in the same mapping", field_name((*path, key)))
        lines[(*path, key)] = line
        result[key] = _convert(loader, text, value_node, (*path, key), lines, seen)
    return result


def _split_number(text: str, key_node: yaml.Node, value_node: yaml.Node) -> bool:
    """True for ``{wording: over 400,000}``: the digits after the comma became a key with no value."""
    if key_node.tag not in _NUMBER_TAGS or not isinstance(key_node, yaml.ScalarNode) or key_node.style:
        return False
    if not (isinstance(value_node, yaml.ScalarNode) and value_node.value == "" and not value_node.style):
        return False
    before = text[: key_node.start_mark.index].rstrip(" ")
    return bool(re.search(r"\d,$", before))


def _first_alias_line(text: str) -> int | None:
    """Where the first ``*alias`` is used: composed nodes only remember the anchor's line."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def field_name(path: Sequence[str | int]) -> str:
    """A key path as the editor reads it: ``claims[2].quantity.unit``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def line_for(lines: dict[Path_, int], path: Path_) -> int:
    """The line of ``path``, or of its nearest ancestor that is in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def read_yaml(path: Path, content: bytes | None = None) -> tuple[Any, dict[Path_, int], str]:
    """Read and parse one seed file (or ``content`` given for it); raises ``YamlProblem`` or ``OSError``."""
    size = path.stat().st_size if content is None else len(content)
    if size > MAX_FILE_BYTES:
        raise YamlProblem(1, f"file is {size / 1e6:.1f} MB; seed files may be at most {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        text = decode(path.read_bytes() if content is None else content)
        data, lines = parse_yaml(text)
    except RecursionError:
        raise YamlProblem(1, "nested too deeply to be seed data") from None
    return data, lines, text


_COMMENT_IN_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w.-]*:\s+([^\s'\"\[{|>#&*!%@`][^#]*?)\s#(\S)")


def comment_cuts(text: str) -> list[tuple[int, str]]:
    """Lines where `` #`` silently cut a plain value short (``summary: the #1 buyer`` -> "the")."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENT_IN_VALUE.match(line)
        if match:
            out.append(
                (number, f"the value was cut at ' #' and reads '{match[1].strip()}'; put the whole value in quotes")
            )
    return out
