"""Every report of the June-October 2026 round added through the Add a report page, measured.

For each report of this round (``round_reports``: added on or after 1 Dec 2026): a scratch copy
of seeds/ without its file, the article text pasted with its web address, "Draft from this report" pressed, the source fields and claims
grid edited until they hold exactly the committed file (``bench.story_replay``), "Save into
seeds/" pressed and the saved file compared with the committed one. Prints the markdown table for
``bench/results-draft.md``. The article texts are other people's words, kept outside the
repository (``<source_id>.txt`` in the folder given). Usage:

    python -m bench.story_add_reports ARTICLES_DIR
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bench.story_replay import ROOT, TEXT_COLUMNS, replay

ROUND_START = dt.date(2026, 12, 1)  # this round's reports were added from this day on


def round_reports(since: dt.date = ROUND_START) -> list[str]:
    """This round's reports: every source file added on or after ``since`` (26 when this was
    written: fact base rows T3-1 ... T3-24 and the CXMT suit found beyond it), oldest first."""
    out = []
    for path in sorted((ROOT / "seeds" / "sources").glob("*.yaml")):
        added = yaml.safe_load(path.read_text())["source"].get("added")
        if isinstance(added, dt.date) and added >= since:
            out.append(path.stem)
    return out


# The derived estimate of the analyst's minutes (never clocked): stated with the table.
READ_WPM = 200  # reading the pasted text
TYPE_CPM = 200  # typing, characters per minute (about 40 words a minute)
SECONDS_PER_ENTRY = 5  # finding a cell or field and choosing or ticking it
SECONDS_PER_DRAFTED_ROW = 15  # reading a drafted row against the text before keeping or unticking it
ESTIMATE_NOTE = (
    f"Analyst minutes are a derived estimate, not measured: words ÷ {READ_WPM} (reading) + entries × "
    f"{SECONDS_PER_ENTRY} s (finding and choosing each cell or field) + characters ÷ {TYPE_CPM} (typing) + "
    f"drafted rows × {SECONDS_PER_DRAFTED_ROW} s (checking each against the text)."
)


def minutes(result: dict[str, Any]) -> float:
    """The derived analyst minutes for one replay (formula in ``ESTIMATE_NOTE``)."""
    entries = result["cells"] + len(result["source_fields"]) + result["carried_cells"]
    chars = result["chars"] + result["source_chars"]
    seconds = entries * SECONDS_PER_ENTRY + result["drafted"] * SECONDS_PER_DRAFTED_ROW
    return result["words"] / READ_WPM + chars / TYPE_CPM + seconds / 60


def still_yaml(result: dict[str, Any]) -> str:
    """What the page could not produce: the fields an analyst would still type in the file."""
    if not result.get("saved"):
        return "not saved: " + "; ".join(result.get("problems") or result.get("exceptions") or ["?"])
    left = [*result["form_missing"], *result["source_differs"], *result["claim_fields_differ"]]
    if result["claims_missing"] or result["claims_extra"]:
        left.append(f"{result['claims_missing']} claim(s) differ")
    return ", ".join(left) or "nothing"


def _title(source_id: str) -> str:
    source = yaml.safe_load((ROOT / "seeds" / "sources" / f"{source_id}.yaml").read_text())["source"]
    return f"{source['publisher']}, {source['published']:%d %b %Y}"


def stub(source_id: str) -> str:
    """What an analyst with no article text pastes: the three header lines, typed by hand."""
    source = yaml.safe_load((ROOT / "seeds" / "sources" / f"{source_id}.yaml").read_text())["source"]
    return f"Title: {source['title']}\nPublisher: {source['publisher']}\nPublished: {source['published']}\n"


def row(source_id: str, result: dict[str, Any], stubbed: bool = False) -> str:
    """One markdown row; a report with no stored text says so (its three header lines were typed)."""
    name = _title(source_id) + (
        " — **no article text found**: only its title, publisher and date typed" if stubbed else ""
    )
    text_cells = sum(n for column, n in result["columns"].items() if column in TEXT_COLUMNS)
    entries = result["cells"] + len(result["source_fields"]) + result["carried_cells"]
    dups = ", ".join(result["duplicates_named"]) or "none"
    return (
        f"| {name} | {result['page_seconds']} | {result['drafted']} / {result['claims_committed']} | "
        f"{result['kept']} / {result['corrected']} / {result['added']} / {result['dropped']} | "
        f"{len(result['source_fields'])} (+{result['carried_cells']} carried-by cells) | "
        f"{result['cells']} ({text_cells} text) | {result['chars'] + result['source_chars']:,} | "
        f"{entries} · 0 YAML | {minutes(result):.0f} | {still_yaml(result)}; duplicate offered: {dups} |"
    )


HEADER = (
    "| report | page s (clocked) | claims drafted / committed | kept as drafted / corrected / added / dropped | "
    "source fields retyped | grid cells typed | characters typed | hand-typed entries · YAML lines | "
    "analyst min (derived) | still needs YAML; duplicate offered |\n|---|---|---|---|---|---|---|---|---|---|"
)


def main(articles: Path) -> None:
    lines = [HEADER]
    results = {}
    reports = round_reports()
    for source_id in reports:
        path = articles / f"{source_id}.txt"
        text = path.read_text() if path.exists() else ""
        stubbed = not text.strip()
        if stubbed:  # the header lines are typed: they count as characters typed, and no reading time
            text = stub(source_id)
        results[source_id] = result = replay(source_id, text)
        if stubbed:
            result.update(words=0, source_chars=result["source_chars"] + len(text))
        lines.append(row(source_id, result, stubbed))
        print(lines[-1], file=sys.stderr, flush=True)
    done = list(results.values())
    total = sum(minutes(r) for r in done)
    by_column: Counter[str] = Counter()
    for result in done:
        by_column.update(result["columns"])
    top = ", ".join(f"{column} {n}" for column, n in by_column.most_common(10))
    clean = sum(1 for r in done if r["saved"] and not r["load_problems"])
    lines += [
        "",
        f"{len(done)} of {len(reports)} reports replayed through the page; {sum(r['saved'] for r in done)} saved; "
        f"page time {sum(r['page_seconds'] for r in done):.0f} s in all (clocked); "
        f"analyst time about {total:.0f} min in all (derived). {ESTIMATE_NOTE}",
        "",
        f"With each saved file the scratch tracker loads without a problem: {clean} of {len(done)}. "
        f"Grid cells typed, by column (all reports, corrected and added rows): {top}.",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
