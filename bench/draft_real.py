"""The drafter on real article excerpts: `python -m bench.draft_real [--label NAME]`.

Each excerpt in tests/fixtures/real_articles/ is drafted twice against the real seeds: once as
the Add-a-report form fills it (the header's URL, publisher and date) and once as a plain paste
(the text alone). Each draft is scored against the hand-made key written before the drafter
first ran. A run is saved as bench/draft-real-runs/<label>.json, so the first run before tuning
stays beside later ones; `--report` prints the markdown tables of every saved run.

The invented-number check parses the text on its own (not with the drafter's parser), so a
parser bug cannot hide its own inventions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.draft_quality import date_period  # noqa: E402
from data.draft import Draft, draft_from_text  # noqa: E402
from data.load import SeedData, load_seeds  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "real_articles"
RUNS = ROOT / "bench" / "draft-real-runs"
# Splits already looked at excerpt by excerpt count as tuned on (their key's split is kept as
# `key_split`): the eight `held_out` from run 3 on (merged with `tune`), the first `fresh` set
# (21-37, held out in run 4) from run 5 on, the second (`fresh2`, 38-50, held out in run 5) from
# run 6 on, the third (`fresh3`, 51-66, held out in run 6) from run 7 on, the fourth (`fresh4`,
# 67-80, held out in run 7) from run 8 on, the fifth (`fresh5`, 81-97, held out in run 8) from run 9 on,
# the sixth (`fresh6`, 98-112, held out in run 9) from run 10 on, the seventh (`fresh7`, 113-128,
# held out in run 10) from run 11 on, the eighth (`fresh8`, 129-144, held out in run 11) from run 12 on, the
# ninth (`fresh9`, 145-160, held out in run 12) from run 13 on, the tenth (`fresh10`, 161-176, held
# out in run 15) from run 16 on, the eleventh (`fresh11`, 177-192, held out in run 16) from run 17
# on, the twelfth (`fresh12`, 193-207, held out in run 19) from run 20 on, the thirteenth (`fresh13`,
# 208-221, held out in run 21) from run 22 on, the fourteenth (`fresh14`, 222-234, held out in run 23)
# from run 24 on, the fifteenth (`fresh15`, 235-248, held out in run 25) from run 26 on, the sixteenth
# (`fresh16`, 249-260, held out in run 27) from run 28 on, the seventeenth (`fresh17`, 261-272, held out
# in run 29) from run 30 on, the eighteenth (`fresh18`, 273-284, held out in run 31) from run 32 on,
# the nineteenth (`fresh19`, 285-296, held out in run 33) from run 34 on, the twentieth (`fresh20`,
# 297-308, held out in run 35) from run 36 on, the twenty-first (`fresh21`, 309-320, held out in run 37)
# from run 38 on, the twenty-second (`fresh22`, 321-332, held out in run 41) from run 42 on, the
# twenty-third (`fresh23`, 333-344, held out in run 43) from run 44 on, the twenty-fourth (`fresh24`,
# 345-356, held out in run 45) from run 46 on, the twenty-fifth (`fresh25`, 357-368, held out in run 48)
# from run 49 on, the twenty-sixth (`fresh26`, 369-380, held out in run 50) from run 51 on, the
# twenty-seventh (`fresh27`, 381-392, held out in run 51) from run 52 on, the twenty-eighth (`fresh28`,
# 393-404, held out in run 52) from run 53 on, the twenty-ninth (`fresh29`, 405-416, held out in run 54)
# from run 55 on, the thirtieth (`fresh30`, 417-428, held out in run 56) from run 57 on, the
# thirty-first and thirty-second (`fresh31`, 429-440, and `fresh32`, 441-452, collected side by side,
# held out in run 58) from run 59 on, each in a row of its own. A thirty-third would be held out.
RETIRED = {"held_out": "tune", "fresh": "fresh_tuned", "fresh2": "fresh2_tuned", "fresh3": "fresh3_tuned",
           "fresh4": "fresh4_tuned", "fresh5": "fresh5_tuned", "fresh6": "fresh6_tuned",
           "fresh7": "fresh7_tuned", "fresh8": "fresh8_tuned", "fresh9": "fresh9_tuned",
           "fresh10": "fresh10_tuned", "fresh11": "fresh11_tuned", "fresh12": "fresh12_tuned",
           "fresh13": "fresh13_tuned", "fresh14": "fresh14_tuned",
           "fresh15": "fresh15_tuned", "fresh16": "fresh16_tuned",
           "fresh17": "fresh17_tuned", "fresh18": "fresh18_tuned",
           "fresh19": "fresh19_tuned", "fresh20": "fresh20_tuned", "fresh21": "fresh21_tuned",
           "fresh22": "fresh22_tuned", "fresh23": "fresh23_tuned",
           "fresh24": "fresh24_tuned", "fresh25": "fresh25_tuned", "fresh26": "fresh26_tuned",
           "fresh27": "fresh27_tuned", "fresh28": "fresh28_tuned",
           "fresh29": "fresh29_tuned", "fresh30": "fresh30_tuned",
           "fresh31": "fresh31_tuned", "fresh32": "fresh32_tuned"}  # fmt: skip
TUNED_ON = {
    "tune",
    "fresh_tuned",
    "fresh2_tuned",
    "fresh3_tuned",
    "fresh4_tuned",
    "fresh5_tuned",
    "fresh6_tuned",
    "fresh7_tuned",
    "fresh8_tuned",
    "fresh9_tuned",
    "fresh10_tuned",
    "fresh11_tuned",
    "fresh12_tuned",
    "fresh13_tuned",
    "fresh14_tuned",
    "fresh15_tuned",
    "fresh16_tuned",
    "fresh17_tuned",
    "fresh18_tuned",
    "fresh19_tuned",
    "fresh20_tuned",
    "fresh21_tuned",
    "fresh22_tuned",
    "fresh23_tuned",
    "fresh24_tuned",
    "fresh25_tuned",
    "fresh26_tuned",
    "fresh27_tuned",
    "fresh28_tuned",
    "fresh29_tuned",
    "fresh30_tuned",
    "fresh31_tuned",
    "fresh32_tuned",
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
          "b": 1e9, "mln": 1e6, "bln": 1e9}  # fmt: skip
_NUMBER = re.compile(
    # a currency code may be written onto the number ("RMB28.81 billion", "US$4.5bn")
    r"(?:(?<![\w.])|(?<=RMB)|(?<=CNY)|(?<=USD)|(?<=HK\$)|(?<=US\$))(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[\s-]?(thousand|million|billion|trillion)\b|\s?(mln|bln|bn|mn)\b|(m|k|b)\b)?",
    re.I,
)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a dozen": 12, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip


def read_fixture(path: Path) -> tuple[dict[str, Any], str]:
    """(header, body): the header lines above '---' and the text as found below it."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    header = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        header[key.strip()] = value.strip()
    return header, body.strip() + "\n"


def _scaled(number: float, factor: float) -> float:
    """A number times its scale word to 15 significant digits (17.1 x 1e9 is 17,100,000,000 exactly
    here, not 17,100,000,000.000002). The bench's own, not the drafter's: it measures the drafter."""
    return float(f"{number * factor:.15g}")


def _matching(specs: list[Any], claims: list[Any], fits: Any) -> dict[int, int]:
    """The most key items each matched to a claim of its own (spec index -> claim index), by
    augmenting paths: taking claims in key order would count a miss where one claim could have
    gone to another item ("a statement" taken by the item that also allows a policy)."""
    owner: dict[int, int] = {}  # claim index -> spec index

    def place(i: int, seen: set[int]) -> bool:
        for j, claim in enumerate(claims):
            if j in seen or not fits(specs[i], claim):
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(specs)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def stated_values(text: str) -> set[float]:
    """Every number the text states, at the scale it states it (no bare '14' from '$14B')."""
    out: set[float] = set()
    for match in _NUMBER.finditer(text):
        number = float((match.group(1) + (match.group(2) or "")).replace(",", ""))
        scale = (match.group(3) or match.group(4) or match.group(5) or "").lower()
        out.add(round(_scaled(number, _SCALE.get(scale, 1.0)), 6))
    for match in re.finditer(
        r"(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?\$?\d+(?:\.\d+)?\s?(thousand|million|billion)\b", text, re.I
    ):
        out.add(round(_scaled(float(match.group(1)), _SCALE[match.group(2).lower()]), 6))
    for match in re.finditer(
        r"\bbetween \$?(\d+(?:\.\d+)?) and \$?\d+(?:\.\d+)?\s?(thousand|million|billion)\b", text, re.I
    ):
        out.add(
            round(_scaled(float(match.group(1)), _SCALE[match.group(2).lower()]), 6)
        )  # "between $30 and $70 billion"
    for match in re.finditer(r"\ban? (thousand|million|billion)\b", text, re.I):
        out.add(_SCALE[match.group(1).lower()])
    for match in re.finditer(
        r"\b(half (?:of )?a|a half|(?:a )?quarter of a|three quarters of a) (thousand|million|billion)\b", text, re.I
    ):
        part = (
            0.75 if match.group(1).lower().startswith("three") else 0.25 if "quarter" in match.group(1).lower() else 0.5
        )
        out.add(_scaled(part, _SCALE[match.group(2).lower()]))  # "half a million" states 500,000
    for word, number in _WORDS.items():
        if re.search(rf"\b{word}\b", text, re.I):
            out.add(float(number))
            for scale, factor in _SCALE.items():
                if len(scale) > 2 and re.search(rf"\b{word}\s+{scale}\b", text, re.I):
                    out.add(_scaled(number, factor))
    return out


def _numbers(spec: dict[str, Any]) -> list[float]:
    return sorted(float(spec[k]) for k in ("value", "low", "high") if spec.get(k) is not None)


def _figures(draft: Draft) -> list[Any]:
    return [c for c in draft.claims if c.figure is not None]


def _fig_numbers(claim: Any) -> list[float]:
    return sorted(float(n) for n in claim.figure.numbers())


def _same_numbers(spec: dict[str, Any], claim: Any) -> bool:
    if "wording" in spec:  # a key given in words ("over two million") matches the figure drawn from them,
        return spec["wording"].lower() in claim.figure.wording.lower()  # vague or read as digits times a scale
    mine, want = _fig_numbers(claim), _numbers(spec)
    return len(mine) == len(want) and all(abs(a - b) <= 1e-6 * max(1.0, b) for a, b in zip(mine, want, strict=True))


def score(draft: Draft, key: dict[str, Any], body: str, *, with_dates: bool) -> dict[str, Any]:
    """Counts (hit, total) per measure for one draft of one excerpt, plus what was missed."""
    out: dict[str, Any] = {"missed": []}
    drafted = _figures(draft)
    used: set[int] = set()
    found = bound = unit = buyers = buyers_total = metric = metric_total = 0
    for spec in key.get("figures") or []:
        candidates = [c for c in drafted if id(c) not in used and _same_numbers(spec, c)]
        best = next((c for c in candidates if c.figure.unit == spec["unit"] and c.figure.bound == spec["bound"]), None)
        best = best or next((c for c in candidates if sorted(c.applies_to) == sorted(spec.get("applies_to", []))), None)
        best = best or (candidates[0] if candidates else None)
        label = spec.get("wording") or "/".join(f"{n:,.0f}" for n in _numbers(spec))
        if best is None:
            out["missed"].append(f"figure {label} {spec['unit']} {spec['bound']}")
            continue
        used.add(id(best))
        found += 1
        ok_bound = best.figure.bound == spec["bound"]
        ok_unit = best.figure.unit == spec["unit"]
        bound += ok_bound
        unit += ok_unit
        if not ok_bound or not ok_unit:
            out["missed"].append(f"figure {label}: drafted {best.figure.unit} {best.figure.bound}")
        if "applies_to" in spec:
            buyers_total += 1
            if sorted(best.applies_to) == sorted(spec["applies_to"]):
                buyers += 1
            else:
                out["missed"].append(f"figure {label}: applies to {best.applies_to}, key {spec['applies_to']}")
        if "metric" in spec:
            metric_total += 1
            if best.metric == spec["metric"]:
                metric += 1
            else:
                out["missed"].append(f"figure {label}: metric {best.metric}, key {spec['metric']}")
    total = len(key.get("figures") or [])
    out.update(figures=(found, total), bound=(bound, total), unit=(unit, total), buyers=(buyers, buyers_total))
    out["metric"] = (metric, metric_total)
    out["extra_figures"] = len(drafted) - len(used)
    stated = stated_values(body)
    invented = [c for c in drafted if any(round(n, 6) not in stated for n in c.figure.numbers())]
    invented += [c for c in drafted if c.figure.wording not in body and c not in invented]
    out["invented"] = len(invented)
    out["invented_list"] = [f"{c.figure.wording!r} -> {_fig_numbers(c)} {c.figure.unit}" for c in invented]
    background = [
        c
        for c in drafted
        for spec in key.get("not_h200") or []
        if _fig_numbers(c) == _numbers(spec) and c.figure.unit == spec["unit"]
    ]
    out["background"] = len(background)
    statements = [c for c in draft.claims if c.figure is None]
    specs = key.get("statements") or []
    matched = _matching(
        specs,
        statements,
        lambda spec, c: c.kind in spec["kinds"] and ("status" not in spec or c.status == spec["status"]),
    )
    hit = len(matched)
    out["missed"] += [f"statement {spec}" for i, spec in enumerate(specs) if i not in matched]
    out["statements"] = (hit, len(key.get("statements") or []))
    orgs = {m.id for m in draft.entities if m.kind == "organisation"}
    wanted = key.get("organisations") or []
    out["orgs"] = (sum(o in orgs for o in wanted), len(wanted))
    out["missed"] += [f"organisation {o}" for o in wanted if o not in orgs]
    if with_dates:
        found_dates = {(m.precision, date_period(m.date, m.precision)) for m in draft.dates}
        dates = key.get("dates") or []
        date_hits = 0
        for spec in dates:
            day = spec["date"] if isinstance(spec["date"], dt.date) else dt.date.fromisoformat(spec["date"])
            if (spec["precision"], date_period(day, spec["precision"])) in found_dates:
                date_hits += 1
            else:
                out["missed"].append(f"date {day} ({spec['precision']})")
        out["dates"] = (date_hits, len(dates))
    named = {d.source_id for d in draft.duplicates}
    groups = key.get("recarries") or []
    out["recarries"] = (sum(bool(named & set(g)) for g in groups), len(groups))
    out["missed"] += [f"re-carry {g[0]}" for g in groups if not named & set(g)]
    # within reach: offered, or among the few weaker matches the page lists for a look (run 56 on)
    reach = named | {d.source_id for d in draft.weaker}
    out["within_reach"] = (sum(bool(reach & set(g)) for g in groups), len(groups))
    out["weaker_shown"] = len(draft.weaker)
    fine = {i for g in groups for i in g} | set(key.get("also_fine") or [])
    out["false_dups"] = sorted(named - fine)
    return out


def run(seeds: SeedData) -> dict[str, Any]:
    """Every excerpt, both ways (form and plain paste): scores and times."""
    results: dict[str, Any] = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        header, body = read_fixture(path)
        key = yaml.safe_load(path.with_suffix(".key.yaml").read_text(encoding="utf-8"))
        published = header.get("published", "unknown")
        form = {
            "url": header.get("url") or None,
            "publisher": header.get("publisher") or None,
            "published": dt.date.fromisoformat(published) if published[:1].isdigit() else None,
        }
        split = key.get("split", "tune")
        entry: dict[str, Any] = {"split": RETIRED.get(split, split), "key_split": split}
        for mode, kwargs in (("form", form), ("paste", {})):
            started = time.perf_counter()
            draft = draft_from_text(body, seeds, **kwargs)
            entry[f"{mode}_ms"] = round((time.perf_counter() - started) * 1000)
            entry[mode] = score(draft, key, body, with_dates=mode == "form")
        results[path.stem] = entry
    return results


_MEASURES = [
    ("figures", "figures found"),
    ("bound", "right bound"),
    ("unit", "right unit"),
    ("buyers", "per-buyer kept"),
    ("metric", "metric fits"),
    ("statements", "statements"),
    ("orgs", "organisations"),
    ("dates", "dates"),
]


def _sum(entries: list[dict[str, Any]], mode: str, measure: str) -> tuple[int, int]:
    pairs = [e[mode][measure] for e in entries if measure in e[mode]]
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def _cell(pair: tuple[int, int]) -> str:
    hit, total = pair
    return f"{hit}/{total} = {100 * hit / total:.0f} %" if total else "–"


SPLIT_LABELS = {
    "tune": "tuned on",
    "held_out": "held out",
    "fresh": "fresh held out",
    "fresh_tuned": "first fresh set, tuned on",
    "fresh2": "second fresh held out",
    "fresh2_tuned": "second fresh set, tuned on",
    "fresh3": "third fresh held out",
    "fresh3_tuned": "third fresh set, tuned on",
    "fresh4": "fourth fresh held out",
    "fresh4_tuned": "fourth fresh set, tuned on",
    "fresh5": "fifth fresh held out",
    "fresh5_tuned": "fifth fresh set, tuned on",
    "fresh6": "sixth fresh held out",
    "fresh6_tuned": "sixth fresh set, tuned on",
    "fresh7": "seventh fresh held out",
    "fresh7_tuned": "seventh fresh set, tuned on",
    "fresh8": "eighth fresh held out",
    "fresh8_tuned": "eighth fresh set, tuned on",
    "fresh9": "ninth fresh held out",
    "fresh9_tuned": "ninth fresh set, tuned on",
    "fresh10": "tenth fresh held out",
    "fresh10_tuned": "tenth fresh set, tuned on",
    "fresh11": "eleventh fresh held out",
    "fresh11_tuned": "eleventh fresh set, tuned on",
    "fresh12": "twelfth fresh held out",
    "fresh12_tuned": "twelfth fresh set, tuned on",
    "fresh13": "thirteenth fresh held out",
    "fresh13_tuned": "thirteenth fresh set, tuned on",
    "fresh14": "fourteenth fresh held out",
    "fresh14_tuned": "fourteenth fresh set, tuned on",
    "fresh15": "fifteenth fresh held out",
    "fresh15_tuned": "fifteenth fresh set, tuned on",
    "fresh16": "sixteenth fresh held out",
    "fresh16_tuned": "sixteenth fresh set, tuned on",
    "fresh17": "seventeenth fresh held out",
    "fresh17_tuned": "seventeenth fresh set, tuned on",
    "fresh18": "eighteenth fresh held out",
    "fresh18_tuned": "eighteenth fresh set, tuned on",
    "fresh19": "nineteenth fresh held out",
    "fresh19_tuned": "nineteenth fresh set, tuned on",
    "fresh20": "twentieth fresh held out",
    "fresh20_tuned": "twentieth fresh set, tuned on",
    "fresh21": "twenty-first fresh held out",
    "fresh21_tuned": "twenty-first fresh set, tuned on",
    "fresh22": "twenty-second fresh held out",
    "fresh22_tuned": "twenty-second fresh set, tuned on",
    "fresh23": "twenty-third fresh held out",
    "fresh23_tuned": "twenty-third fresh set, tuned on",
    "fresh24": "twenty-fourth fresh held out",
    "fresh24_tuned": "twenty-fourth fresh set, tuned on",
    "fresh25": "twenty-fifth fresh held out",
    "fresh25_tuned": "twenty-fifth fresh set, tuned on",
    "fresh26": "twenty-sixth fresh held out",
    "fresh26_tuned": "twenty-sixth fresh set, tuned on",
    "fresh27": "twenty-seventh fresh held out",
    "fresh27_tuned": "twenty-seventh fresh set, tuned on",
    "fresh28": "twenty-eighth fresh held out",
    "fresh28_tuned": "twenty-eighth fresh set, tuned on",
    "fresh29": "twenty-ninth fresh held out",
    "fresh29_tuned": "twenty-ninth fresh set, tuned on",
    "fresh30": "thirtieth fresh held out",
    "fresh30_tuned": "thirtieth fresh set, tuned on",
    "fresh31": "thirty-first fresh held out",
    "fresh31_tuned": "thirty-first fresh set, tuned on",
    "fresh32": "thirty-second fresh held out",
    "fresh32_tuned": "thirty-second fresh set, tuned on",
    "fresh33": "thirty-third fresh held out",
}
"""A split and how tables name it: each fresh set was collected (keys first) after the tuning before it."""


def summary_table(runs: dict[str, dict[str, Any]]) -> str:
    """One row per (run, split): the totals the issue's targets are about."""
    head = ["run", "excerpts", *[label for _, label in _MEASURES], "re-carries named (form)", "re-carries named (paste)",
            "false matches (form/paste)", "invented numbers", "background drafted", "extra figures",
            "re-carries offered or among the weaker matches (form / paste)"]  # fmt: skip
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, results in runs.items():
        for split in SPLIT_LABELS:
            entries = [e for e in results.values() if e["split"] == split]
            if not entries:
                continue
            cells = [f"{label} · {SPLIT_LABELS[split]}", str(len(entries))]
            cells += [_cell(_sum(entries, "form", m)) for m, _ in _MEASURES]
            cells += [_cell(_sum(entries, "form", "recarries")), _cell(_sum(entries, "paste", "recarries"))]
            cells.append(
                f"{sum(len(e['form']['false_dups']) for e in entries)}/{sum(len(e['paste']['false_dups']) for e in entries)}"
            )
            cells.append(str(sum(e["form"]["invented"] + e["paste"]["invented"] for e in entries)))
            cells.append(str(sum(e["form"]["background"] for e in entries)))
            cells.append(str(sum(e["form"]["extra_figures"] for e in entries)))
            reach = [_cell(_sum(entries, mode, "within_reach")) for mode in ("form", "paste")]
            cells.append(" / ".join(reach) if "–" not in reach else "–")
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def detail(results: dict[str, Any], held_out: bool = False) -> str:
    """Per excerpt for one run: what was missed, invented or wrongly matched (held-out ones on request)."""
    lines = []
    for name, entry in results.items():
        if entry["split"] not in TUNED_ON and not held_out:
            continue
        notes = list(entry["form"]["missed"])
        notes += [f"plain paste: {m}" for m in entry["paste"]["missed"] if m.startswith("re-carry")]
        notes += [f"invented: {i}" for i in entry["form"]["invented_list"]]
        notes += [f"false match: {d}" for d in entry["form"]["false_dups"]]
        notes += [f"plain paste false match: {d}" for d in entry["paste"]["false_dups"]]
        split = SPLIT_LABELS.get(entry["split"], entry["split"])
        if entry.get("key_split", entry["split"]) != entry["split"]:
            split += f", key split {entry['key_split']}"
        lines.append(f"- `{name}` ({split}): " + ("; ".join(notes) if notes else "all as keyed"))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.draft_real", description=__doc__)
    parser.add_argument("--label", default="latest", help="save this run as bench/draft-real-runs/LABEL.json")
    parser.add_argument("--report", action="store_true", help="print the tables of every saved run, run nothing")
    parser.add_argument("--held-out", action="store_true", help="also list the held-out and fresh excerpts' misses")
    args = parser.parse_args(argv)
    RUNS.mkdir(exist_ok=True)
    if not args.report:
        results = run(load_seeds(ROOT / "seeds"))
        (RUNS / f"{args.label}.json").write_text(json.dumps(results, indent=1, default=list) + "\n", encoding="utf-8")
    runs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(RUNS.glob("*.json"))}
    print(summary_table(runs))
    for label, results in runs.items():
        print(f"\n### {label}\n")
        print(detail(results, args.held_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
