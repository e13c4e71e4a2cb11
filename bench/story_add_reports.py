"""Measure adding this round's key reports through the Add a report page (AppTest, no browser).

For each report: a scratch copy of seeds/ without the report's committed file, the article text
pasted with its web address, "Draft from this report" pressed, then the source fields set to the
committed values. Records the page's seconds, what it drafted (claims, duplicates named, fields
right), and how many lines of the committed file the draft did not produce (the lines an analyst
had to type by hand). The article texts are kept outside the repository (the paste is of other
people's words); pass their folder. Usage:

    python -m bench.story_add_reports ARTICLES_DIR
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml
from streamlit.testing.v1 import AppTest

from components.registry import BY_ID

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [
    ("2026-07-14-cnbc-kessler-h200-shipments-begun", "kessler-0714.txt"),
    ("2026-08-19-ft-bytedance-tencent-receive-h200s", "ft-0819.txt"),
    ("2026-08-26-nvidia-q2-fy27-10q", "nvidia-10q-0826.txt"),
]
FIELDS = ("title", "publisher", "url", "origin", "kind", "confidence", "reliability", "id")


def _lines(text: str) -> list[str]:
    """Meaningful YAML lines, normalised (no comments, indentation or quoting differences)."""
    out = []
    for line in text.splitlines():
        line = line.split(" # ")[0].strip()
        if not line or line.startswith("#"):
            continue
        out.append(re.sub(r"[\"']", "", line).lstrip("- ").strip())
    return out


def measure(source_id: str, article: Path) -> dict[str, object]:
    committed = (ROOT / "seeds" / "sources" / f"{source_id}.yaml").read_text()
    source = yaml.safe_load(committed)["source"]
    with tempfile.TemporaryDirectory() as scratch:
        seeds = Path(scratch) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        (seeds / "sources" / f"{source_id}.yaml").unlink()
        os.environ["H200_SEEDS_DIR"], os.environ["H200_EDITING"] = str(seeds), "1"
        started = time.perf_counter()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page(BY_ID["add_report"].path).run()
        at.text_area(key="ar_text").set_value(article.read_text())
        at.text_input(key="ar_url").set_value(source.get("url") or "")
        next(b for b in at.button if b.label == "Draft from this report").click().run()
        drafted_seconds = time.perf_counter() - started
        state = at.session_state
        base = state["ar_claims_base"]
        drafted = {f: state[f"ar_src_{f}"] for f in FIELDS}
        typed_fields = 0
        for field in FIELDS:
            want = "" if source.get(field) is None else str(source[field])
            if str(drafted[field]).strip() != want.strip():
                typed_fields += 1
                widget = at.selectbox(key=f"ar_src_{field}") if field in ("kind", "confidence") else None
                if widget is not None:
                    widget.set_value(want)
                elif field == "reliability":
                    at.text_area(key="ar_src_reliability").set_value(want)
                else:
                    at.text_input(key=f"ar_src_{field}").set_value(want)
        at.run()
        yaml_text = next((c.value for c in at.code if "\nsource:" in c.value), "")
        seconds = time.perf_counter() - started
    draft_lines = set(_lines(yaml_text))
    wanted = _lines(committed)
    by_hand = [line for line in wanted if line not in draft_lines]
    return {
        "source_id": source_id,
        "page_seconds": round(seconds, 1),
        "draft_seconds": round(drafted_seconds, 1),
        "claims_drafted": len(base),
        "claims_committed": committed.count("\n  - id: "),
        "duplicates_named": [d.source_id for d in state["ar_draft"].duplicates],
        "source_fields_typed": typed_fields,
        "committed_lines": len(wanted),
        "lines_by_hand": len(by_hand),
        "exceptions": [e.value for e in at.exception],
    }


def main(articles: Path) -> None:
    for source_id, name in REPORTS:
        print(measure(source_id, articles / name), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
