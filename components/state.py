"""The view state <-> query-string codec for shareable links. Pure: no streamlit.

``read_params`` checks what a link carries against what each parameter may hold and returns the
clean values plus one plain notice per parameter it had to drop, so a garbled link falls back to
defaults with a message instead of an exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

# Bound widgets write the *displayed* option into the URL, so the labels are the link values.
CONFIDENCE_OPTIONS = {
    "all": "All claims",
    "no-low": "Hide low confidence",
    "firm": "Named & official only",
}

MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class ParamSpec:
    """What one query parameter may hold."""

    name: str
    parse: Callable[[str], object]
    multi: bool = False
    describe: str = ""


@dataclass
class ParsedParams:
    values: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def parse_date(text: str, *, low: dt.date = dt.date(2024, 1, 1), high: dt.date = dt.date(2030, 12, 31)) -> dt.date:
    value = dt.date.fromisoformat(text.strip())
    if not low <= value <= high:
        raise ValueError(f"outside {low}..{high}")
    return value


def parse_choice(options: Sequence[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(f"not one of {', '.join(options)}")
        return text

    return parse


def parse_number(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = float(text)
        if value != value or not low <= value <= high:
            raise ValueError(f"outside {low:g}..{high:g}")
        return value

    return parse


def read_params(raw: Mapping[str, Sequence[str]], specs: Sequence[ParamSpec]) -> ParsedParams:
    """Validate the parameters named in ``specs``; unknown parameters are ignored, not errors."""
    parsed = ParsedParams()
    for spec in specs:
        values = [v for v in raw.get(spec.name, []) if v is not None]
        if not values:
            continue
        good: list[object] = []
        for value in values if spec.multi else values[-1:]:
            shown = (value if len(value) <= 40 else value[:37] + "...").replace("`", "'")
            try:
                if len(value) > MAX_VALUE_LENGTH:
                    raise ValueError("too long")
                good.append(spec.parse(value))
            except (ValueError, TypeError, OverflowError) as error:
                parsed.notices.append(
                    f"Ignored `{spec.name}={shown}` from the link ({error}); showing {spec.describe or 'the default'}."
                )
        if good:
            parsed.values[spec.name] = good if spec.multi else good[0]
    return parsed


def build_query(values: Mapping[str, object]) -> str:
    """Encode a view state as a query string; lists repeat their key, dates are ISO, None is left out."""
    pairs: list[tuple[str, str]] = []
    for name, value in values.items():
        if value is None:
            continue
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if isinstance(item, dt.date):
                item = item.isoformat()
            elif isinstance(item, bool):
                item = "true" if item else "false"  # as Streamlit writes bound toggles
            elif isinstance(item, float) and item.is_integer():
                item = int(item)
            pairs.append((name, str(item)))
    return urlencode(pairs)


# --------------------------------------------------------------------------- typed link parameters
# A page declares its link parameters once (``components/registry.py``); the same declaration
# reads a link (with a notice for every value it drops), fills defaults, and writes the link back.

KINDS = ("date", "dates", "choice", "multi", "bool", "number", "numbers", "text")
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


@dataclass(frozen=True)
class Bounds:
    """What a number (or one member of a family of numbers) may hold, and its default."""

    low: float
    high: float
    default: float


@dataclass(frozen=True)
class LinkParam:
    """One link parameter: its name, its kind, its default and where its options come from.

    ``options(seeds, claim_filter)`` gives ``{id: label}`` for ``choice``/``multi``: links carry
    the id; the label (what older links carried) is still read. ``aliases`` adds other old spellings
    (``{old: id}``). ``bounds`` gives ``{"": Bounds}`` for a ``number`` and ``{member: Bounds}`` for
    a ``numbers`` family, whose link names are ``<name><member>`` (``s_demand``, ``share_bytedance``).
    ``widget`` False: the page keeps it in the link itself (a chart selection), not a control.
    """

    name: str
    kind: str
    default: object = None
    options: Callable[..., Mapping[str, str]] | None = None
    aliases: Callable[..., Mapping[str, str]] | None = None
    bounds: Callable[..., Mapping[str, Bounds]] | None = None
    describe: str = ""
    max_length: int = 100
    bound: bool = False  # the widget is bound to the URL by Streamlit (bind="query-params")
    widget: bool = True
    whole: bool = False  # a number (family) the control holds as an integer (percent sliders)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        if self.kind in ("choice", "multi") and self.options is None:
            raise ValueError(f"{self.name}: a {self.kind} needs options")
        if self.kind in ("number", "numbers") and self.bounds is None:
            raise ValueError(f"{self.name}: a {self.kind} needs bounds")

    def names(self, raw_keys: Sequence[str]) -> list[str]:
        """The link keys this parameter owns among ``raw_keys``."""
        if self.kind == "numbers":
            return [k for k in raw_keys if k.startswith(self.name) and len(k) > len(self.name)]
        return [self.name] if self.name in raw_keys else []


@dataclass
class LinkValues:
    """A link read against a declaration: every parameter's value (defaults filled) and notices."""

    values: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    given: set[str] = field(default_factory=set)  # the parameters the link set (not defaults)


def _shown(value: str) -> str:
    return (value if len(value) <= 40 else value[:37] + "...").replace("`", "'")


def _notice(key: str, value: str, why: str, describe: str) -> str:
    return f"Ignored `{key}={_shown(value)}` from the link ({why}); showing {describe or 'the default'}."


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def _one(param: LinkParam, text: str, lookup: Mapping[str, str]) -> object:
    """One link value in its canonical form, or ValueError with the reason."""
    if len(text) > max(MAX_VALUE_LENGTH, param.max_length):
        raise ValueError("too long")
    if param.kind in ("choice", "multi"):
        if text in lookup:
            return lookup[text]
        raise ValueError("not one of the choices on this page")
    if param.kind == "bool":
        if text.strip().lower() in TRUE:
            return True
        if text.strip().lower() in FALSE:
            return False
        raise ValueError("not true or false")
    if param.kind == "text":
        if len(text) > param.max_length:
            raise ValueError(f"longer than {param.max_length} characters")
        return text
    raise AssertionError(param.kind)


def _number(text: str, bounds: Bounds) -> float:
    try:
        value = float(text)
    except ValueError as error:
        raise ValueError("not a number") from error
    if value != value or not bounds.low <= value <= bounds.high:
        raise ValueError(f"outside {bounds.low:g}..{bounds.high:g}")
    return value


def read_link(
    params: Sequence[LinkParam], raw: Mapping[str, object], *args: object, dates: tuple[dt.date, dt.date] | None = None
) -> LinkValues:
    """Read ``raw`` (link values: str or list of str) against ``params``; ``args`` go to the
    options/bounds callables (the seeds and the claim filter). Unknown keys are ignored; every
    value dropped gets a notice and its parameter keeps its default."""
    out = LinkValues()
    keys = list(raw)
    low, high = dates or (dt.date(2024, 1, 1), dt.date(2030, 12, 31))
    for param in params:
        default = param.default
        if param.kind == "numbers":
            bounds = dict(param.bounds(*args)) if param.bounds else {}
            family = {member: b.default for member, b in bounds.items()}
            for key in param.names(keys):
                member = key[len(param.name) :]
                for text in _as_list(raw[key])[-1:]:
                    if member not in bounds:
                        out.notices.append(_notice(key, text, "not an input on this page", param.describe))
                        continue
                    try:
                        family[member] = _number(text, bounds[member])
                        out.given.add(key)
                    except ValueError as error:
                        out.notices.append(_notice(key, text, str(error), param.describe))
            out.values[param.name] = family
            continue
        texts = _as_list(raw.get(param.name))
        lookup: dict[str, str] = {}
        if param.kind in ("choice", "multi") and texts:
            options = dict(param.options(*args)) if param.options else {}
            lookup = {**(dict(param.aliases(*args)) if param.aliases else {}), **{v: k for k, v in options.items()}}
            lookup.update({k: k for k in options})
        value: object = default
        if param.kind == "multi":
            good: list[str] = []
            for text in texts:
                try:
                    item = str(_one(param, text, lookup))
                except ValueError as error:
                    out.notices.append(_notice(param.name, text, str(error), param.describe))
                    continue
                if item not in good:
                    good.append(item)
            if good:
                value = tuple(good)
        elif param.kind == "dates":
            if texts:
                try:
                    pair = tuple(parse_date(t, low=low, high=high) for t in texts[-2:])
                    if len(pair) != 2:
                        raise ValueError("needs a start and an end date")
                    value = tuple(sorted(pair))
                except ValueError as error:
                    bad = next((t for t in texts if not _valid_date(t, low, high)), texts[-1])
                    out.notices.append(_notice(param.name, bad, str(error), param.describe))
        elif texts:
            text = texts[-1]
            try:
                if param.kind == "date":
                    value = parse_date(text, low=low, high=high)
                elif param.kind == "number":
                    value = _number(text, dict(param.bounds(*args))[""])  # type: ignore[misc]
                else:
                    value = _one(param, text, lookup)
            except ValueError as error:
                out.notices.append(_notice(param.name, text, str(error), param.describe))
        if param.kind == "number" and value is None and param.bounds:
            value = dict(param.bounds(*args))[""].default
        if value != default and (texts or param.kind == "numbers"):
            out.given.add(param.name)
        out.values[param.name] = value
    return out


def _valid_date(text: str, low: dt.date, high: dt.date) -> bool:
    try:
        parse_date(text, low=low, high=high)
    except ValueError:
        return False
    return True


def link_pairs(params: Sequence[LinkParam], values: Mapping[str, object], defaults: Mapping[str, object]) -> dict:
    """The link form of ``values``: ids, ISO dates, 'true'; parameters at their default left out."""
    out: dict[str, object] = {}
    for param in params:
        value = values.get(param.name)
        if param.kind == "numbers":
            base: Mapping[str, object] = defaults.get(param.name) or {}  # type: ignore[assignment]
            family: Mapping[str, object] = value or {}  # type: ignore[assignment]
            for member, number in sorted(family.items()):
                if number is not None and base.get(member) != number:
                    out[param.name + member] = number
            continue
        if value is None or value == defaults.get(param.name) or value in ((), [], ""):
            continue
        if param.kind == "bool" and value is False:
            continue
        out[param.name] = list(value) if isinstance(value, tuple | list) else value
    return out
