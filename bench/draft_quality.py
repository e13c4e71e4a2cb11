"""Drafting quality on the fixture articles: `python -m bench.draft_quality`.

Drafts every article in tests/fixtures/articles/, compares with its hand-made answer key
(<name>.key.yaml) and prints a markdown table, also written to bench/results-draft-synthetic.md
(the real excerpts are bench.draft_real, reported in bench/results-draft.md):
recall of figures (right numbers, bound and unit), organisations, dates (right period and
precision), duplicate hits, and drafted numbers absent from the text (must be 0).
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from data.draft import Draft, draft_from_file  # noqa: E402
from data.draft.figures import numbers_in_text  # noqa: E402
from data.draft.model import Figure  # noqa: E402
from data.load import SeedData, load_seeds  # noqa: E402

ARTICLES = ROOT / "tests" / "fixtures" / "articles"
RESULTS = ROOT / "bench" / "results-draft-synthetic.md"


@dataclass
class Score:
    """Hits and totals for one article."""

    name: str
    held_out: bool = False
    figures: tuple[int, int] = (0, 0)
    groups: tuple[int, int] = (0, 0)
    orgs: tuple[int, int] = (0, 0)
    dates: tuple[int, int] = (0, 0)
    dups: tuple[int, int] = (0, 0)
    false_dups: int = 0
    extra_figures: int = 0
    invented: int = 0
    ms: float = 0.0
    missed: list[str] = field(default_factory=list)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def figure_matches(key: dict[str, Any], figure: Figure) -> bool:
    if figure.unit != key["unit"] or figure.bound != key["bound"]:
        return False
    if "wording" in key:
        return figure.vague and key["wording"].lower() in figure.wording.lower()
    return all(_same(getattr(figure, name), key.get(name)) for name in ("value", "low", "high"))


def date_period(date: dt.date, precision: str) -> tuple[int, ...]:
    """The period a date names at its precision (a week by ISO week): two dates in one period match."""
    if precision == "day":
        return (date.year, date.month, date.day)
    if precision == "week":
        return tuple(date.isocalendar()[:2])
    if precision == "month":
        return (date.year, date.month)
    if precision == "quarter":
        return (date.year, (date.month - 1) // 3)
    return (date.year,)


def invented_numbers(draft: Draft) -> int:
    """Drafted numbers the text does not state, plus wordings that are not verbatim in the text."""
    stated = numbers_in_text(draft.text)
    count = 0
    for claim in draft.claims:
        if claim.figure is None:
            continue
        count += sum(1 for n in claim.figure.numbers() if round(n, 6) not in stated)
        count += 0 if claim.figure.wording in draft.text else 1
    return count


def score(path: Path, seeds: SeedData) -> Score:
    key = yaml.safe_load(path.with_name(path.name.rsplit(".", 1)[0] + ".key.yaml").read_text(encoding="utf-8"))
    started = time.perf_counter()
    draft = draft_from_file(path, path.name, seeds)
    result = Score(path.name, held_out=bool(key.get("held_out")), ms=(time.perf_counter() - started) * 1000)
    drafted = [c for c in draft.claims if c.figure is not None]
    hits, group_hits, groups, used = 0, 0, 0, set()
    for expected in key.get("figures") or []:
        match = next((c for c in drafted if id(c) not in used and figure_matches(expected, c.figure)), None)  # type: ignore[arg-type]
        if match is None:
            result.missed.append(f"figure {expected}")
            continue
        used.add(id(match))
        hits += 1
        if "applies_to" in expected:
            groups += 1
            group_hits += sorted(match.applies_to) == sorted(expected["applies_to"])
    result.figures = (hits, len(key.get("figures") or []))
    result.groups = (group_hits, groups)
    result.extra_figures = len(drafted) - len(used)
    found_orgs = {m.id for m in draft.entities if m.kind == "organisation"}
    wanted = key.get("organisations") or []
    result.orgs = (sum(o in found_orgs for o in wanted), len(wanted))
    result.missed += [f"organisation {o}" for o in wanted if o not in found_orgs]
    found_dates = {(m.precision, date_period(m.date, m.precision)) for m in draft.dates}
    date_hits = 0
    for expected in key.get("dates") or []:
        wanted_date = (
            expected["date"] if isinstance(expected["date"], dt.date) else dt.date.fromisoformat(expected["date"])
        )
        if (expected["precision"], date_period(wanted_date, expected["precision"])) in found_dates:
            date_hits += 1
        else:
            result.missed.append(f"date {wanted_date} ({expected['precision']})")
    result.dates = (date_hits, len(key.get("dates") or []))
    found_dups = {d.source_id for d in draft.duplicates}
    expected_dups = set(key.get("duplicates") or [])
    result.dups = (len(expected_dups & found_dups), len(expected_dups))
    result.false_dups = len(found_dups - expected_dups)
    result.missed += [f"duplicate {d}" for d in expected_dups - found_dups]
    result.invented = invented_numbers(draft)
    return result


def _ratio(pair: tuple[int, int]) -> str:
    hit, total = pair
    return f"{hit}/{total}" if total else "–"


def _pct(hit: int, total: int) -> str:
    return f"{100 * hit / total:.0f} %" if total else "–"


def table(scores: list[Score]) -> str:
    head = (
        "| article | figures (bound+unit) | group figures whole | organisations | dates (precision) | duplicates found"
        " | other matches | extra figures | numbers not in text | ms |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = [
        f"| {s.name} | {_ratio(s.figures)} | {_ratio(s.groups)} | {_ratio(s.orgs)} | {_ratio(s.dates)} | "
        f"{_ratio(s.dups)} | {s.false_dups} | {s.extra_figures} | {s.invented} | {s.ms:.0f} |"
        for s in scores
    ]

    groups = [
        ("written with the engine", [s for s in scores if not s.held_out]),
        ("held out (written after)", [s for s in scores if s.held_out]),
        ("all", scores),
    ]
    rows += [_total_row(label, subset) for label, subset in groups if subset]
    return head + "\n".join(rows) + "\n"


def _total_row(label: str, scores: list[Score]) -> str:
    def total(attr: str) -> tuple[int, int]:
        return sum(getattr(s, attr)[0] for s in scores), sum(getattr(s, attr)[1] for s in scores)

    sums = {a: total(a) for a in ("figures", "groups", "orgs", "dates", "dups")}
    return (
        f"| **{label}** | "
        + " | ".join(f"**{_ratio(sums[a])} = {_pct(*sums[a])}**" for a in sums)
        + f" | {sum(s.false_dups for s in scores)} | {sum(s.extra_figures for s in scores)}"
        + f" | **{sum(s.invented for s in scores)}** | {sum(s.ms for s in scores):.0f} |"
    )


def main() -> int:
    seeds = load_seeds(ROOT / "seeds")
    paths = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".html"))
    scores = [score(path, seeds) for path in paths]
    out = table(scores)
    missed = [f"- {s.name}: " + "; ".join(s.missed) for s in scores if s.missed]
    text = (
        f"# Drafting quality ({dt.date.today().isoformat()}, Python {platform.python_version()}, "
        f"{len(paths)} fixture articles)\n\n"
        "Run `python -m bench.draft_quality`. Each article in `tests/fixtures/articles/` is drafted against the real "
        "`seeds/` and compared with its hand-made key. A figure counts when value (or low/high), bound and unit all "
        "match; a vague figure when its lexicon wording, unit and bound match; a date when its period at the stated "
        'precision matches. "Other matches" are duplicate candidates the key does not list; "extra figures" are '
        'drafted figures the key does not list (not necessarily wrong); "numbers not in text" must stay 0.\n\n'
        + out
        + ("\nMissed:\n" + "\n".join(missed) + "\n" if missed else "\nNothing missed.\n")
    )
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
