"""YAML syntax errors in plain words: what went wrong on which line, and the fix.

PyYAML says "mapping values are not allowed here" or "did not find expected key". Whoever edits
a seed file needs to know that a value holding ": " must be quoted, that a tab crept in, or
that a line is indented wrongly. Each hint below is given only when the text at the error
position shows that this really is the cause; otherwise the parser's words are kept.
"""

from __future__ import annotations

import re

import yaml

_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"][^:#]*?):(?:\s+|$)(?P<value>.*)$")
_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.-]*):([^\s/].*)$")
_QUOTE_HINT = (
    "a value starting with a quote ends at the closing quote, and more text follows it; quote the whole "
    "value with the other quote mark or double the quote inside ('Nvidia''s chip')"
)


def explain_syntax_error(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) for a parser error; the line is 1-based and points at the cause."""
    lines = text.splitlines()
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column if mark is not None else 0
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = error.problem or ""
    context = error.context or ""
    context_line = error.context_mark.line + 1 if error.context_mark is not None else line

    if "expected a single document" in context or "another document" in problem:
        return line, "the file holds more than one YAML document ('---' on this line); keep one per file"
    for hint in (_tab, _bad_start, _block_scalar, _unclosed_quote, _flow, _no_space, _colon, _block_structure):
        try:
            found = hint(lines, line, column, here, problem, context, context_line)
        except (IndexError, ValueError):  # a hint must never hide the parser's own message
            found = None
        if found is not None:
            return found
    message = f"YAML syntax error: {problem or error}"
    if context and context_line != line:
        message += f" ({context} that starts on line {context_line})"
    return line, message


def _tab(lines: list[str], line: int, column: int, here: str, problem: str, *_: object) -> tuple[int, str] | None:
    if "tab" in problem or here[column : column + 1] == "\t":
        tab_line = next((n for n in range(line, 0, -1) if "\t" in lines[n - 1][: _indent(lines[n - 1]) + 1]), line)
        return tab_line, "a tab is used for indentation; use spaces"
    return None


def _bad_start(lines: list[str], line: int, column: int, here: str, problem: str, *_: object) -> tuple[int, str] | None:
    char = here[column : column + 1]
    if ("cannot start any token" in problem and char in "@`%") or ("undefined alias" in problem and char == "*"):
        return line, f"a value cannot start with '{char}'; put the value in quotes"
    if "mapping keys are not allowed" in problem and char == "?":
        return line, "a value cannot start with '?'; put the value in quotes"
    return None


def _block_scalar(lines: list[str], line: int, column: int, here: str, problem: str, context: str, *_: object):
    if "block scalar" in context:
        match = _KEY.match(here)
        marker = match["value"][:1] if match else ">"
        return line, f"a value starting with '{marker}' is read as a block of text; put the value in quotes"
    return None


def _unclosed_quote(lines: list[str], line: int, column: int, here: str, problem: str, context: str, context_line: int):
    if "quoted scalar" in context and "end of stream" in problem:
        return context_line, "a quote opened on this line is never closed; close it or remove it"
    return None


def _flow(lines: list[str], line: int, column: int, here: str, problem: str, context: str, context_line: int):
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
    if line != context_line:
        return context_line, f"the '{opener}' opened on this line is never closed with '{closer}'"
    segment = re.split(r"[,{\[]", here[: column + 1])[-1]
    if segment.count(": ") + segment.rstrip().endswith(":") >= 2 or (opener == "[" and ": " in segment):
        return line, f"a value inside {opener} {closer} contains ': ' — put the value in quotes"
    return None


def _no_space(lines: list[str], line: int, column: int, here: str, problem: str, context: str, context_line: int):
    if "could not find expected ':'" not in problem:
        return None
    start = lines[context_line - 1] if 0 < context_line <= len(lines) else ""
    no_space = _KEY_NO_SPACE.match(start)
    if no_space is not None:
        return context_line, f"put a space after the colon in '{no_space[1]}:{no_space[2][:20]}'"
    return context_line, "this line has no ': ' between a key and its value"


def _colon(lines: list[str], line: int, column: int, here: str, problem: str, *_: object) -> tuple[int, str] | None:
    if "mapping values are not allowed" not in problem:
        return None
    match = _KEY.match(here)
    if match is not None and column > match.end("key"):
        if match["value"].startswith(("'", '"')):
            return line, _QUOTE_HINT
        return line, "a value contains ': ' — put the value in quotes"
    previous = _previous_content_line(lines, line)
    if previous is not None:
        no_space = _KEY_NO_SPACE.match(lines[previous - 1])
        if no_space is not None:
            return previous, f"put a space after the colon in '{no_space[1]}:{no_space[2][:20]}'"
        if _indent(here) > _indent(lines[previous - 1]):
            return line, "this line is indented more than the line above; line it up with the keys it belongs with"
    return None


def _block_structure(lines: list[str], line: int, column: int, here: str, problem: str, context: str, *_: object):
    if "did not find expected key" in problem:
        match = _KEY.match(lines[line - 1]) if 0 < line <= len(lines) else None
        value_start = match.start("value") if match else -1
        if match and column > value_start >= 0:
            first = match["value"][:1]
            if first in "'\"":
                return line, _QUOTE_HINT
            if first in "[{":
                kind = "list" if first == "[" else "mapping"
                return line, f"a value starting with '{first}' is read as a {kind}; put the whole value in quotes"
        if here.lstrip().startswith("- "):
            return line, "a list item ('- ') appears among the keys of a mapping; check the indentation"
        return line, "bad indentation: this line does not line up with the keys above it"
    if "expected '-' indicator" in problem:
        return line, "bad indentation: this line does not line up with the list item above it"
    return None


def _previous_content_line(lines: list[str], line: int) -> int | None:
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))
