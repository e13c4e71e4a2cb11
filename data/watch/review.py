"""What the Inbox page does with a candidate, kept pure (no streamlit) so it is tested directly.

- ``redraft``: the candidate's saved page drafted again against today's seeds (a report added
  since the watcher ran may have turned it into a re-carry).
- ``accepted_yaml``: the seed file for the kept claims with the analyst's summaries.
- ``add_carrier``: merge a re-carry into the existing source's ``carried_by``: a text insert
  (comments and layout survive), validated on a copy of the seeds first, written atomically
  and only if nobody changed the file in between.
- ``in_tracker``: the source that already cites the candidate's address, if any.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from data.draft import Draft, DraftError, draft_from_text
from data.draft.duplicates import normalise_url
from data.load import SeedData, load_seeds
from data.watch.inbox import Inbox, write_atomic


def redraft(inbox: Inbox, candidate: dict[str, Any], seeds: SeedData) -> Draft:
    page = inbox.page(str(candidate["id"])).decode("utf-8", "replace")
    return draft_from_text(page, seeds, url=str(candidate.get("final_url") or candidate["url"]))


def in_tracker(candidate: dict[str, Any], seeds: SeedData) -> str | None:
    """The id of a source whose URL or carrier URL is this candidate's address."""
    wanted = {normalise_url(candidate.get("url")), normalise_url(candidate.get("final_url"))} - {None}
    for source in seeds.sources.values():
        urls = [source.url, *(outlet.url for outlet in source.carried_by)]
        if wanted & {normalise_url(u) for u in urls}:
            return source.id
    return None


def accepted_yaml(
    draft: Draft, summaries: dict[str, str], keep: set[str], added: dt.date, published: dt.date | None = None
) -> str:
    """The seed file with only the kept claims, each with its summary; ``published`` (the date the
    analyst confirmed) replaces the drafted one, and the id's date prefix follows it."""
    source = dict(draft.source)
    old = str(source.get("published"))
    if published is not None and published.isoformat() != old:
        source["published"] = published.isoformat()
        if str(source["id"]).startswith(old):
            source["id"] = published.isoformat() + str(source["id"])[len(old) :]
    kept = dataclasses.replace(draft, source=source, claims=[c for c in draft.claims if c.id in keep])
    return kept.to_seed_yaml({k: v.strip() for k, v in summaries.items() if k in keep and v.strip()}, added=added)


def _entry_line(entry: dict[str, Any]) -> str:
    parts = [f"outlet: {json.dumps(str(entry['outlet']), ensure_ascii=False)}"]
    if entry.get("url"):
        parts.append(f"url: {json.dumps(str(entry['url']), ensure_ascii=False)}")
    if entry.get("published"):
        parts.append(f"published: {dt.date.fromisoformat(str(entry['published'])[:10]).isoformat()}")
    return "    - {" + ", ".join(parts) + "}"


def insert_carrier(text: str, entry: dict[str, Any]) -> str:
    """The file's text with one more ``carried_by`` item in its source block."""
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "source:")
    except StopIteration:
        raise DraftError("the source file has no 'source:' block") from None
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    new = _entry_line(entry)
    for i in range(start + 1, end):
        match = re.match(r"^  carried_by:\s*(\[\s*\])?\s*(#.*)?$", lines[i])
        if match and match.group(1):  # carried_by: []
            lines[i : i + 1] = ["  carried_by:", new]
            break
        if match:
            last = i
            while last + 1 < end and (lines[last + 1].startswith("    ") or lines[last + 1].startswith("  - ")):
                last += 1
            lines.insert(last + 1, new)
            break
        if re.match(r"^  carried_by:", lines[i]):
            raise DraftError("carried_by in this file is written in a form the merge does not edit; add it by hand")
    else:
        lines[start + 1 : start + 1] = ["  carried_by:", new]
    return "\n".join(lines) + "\n"


def add_carrier(seeds_dir: str | Path, source_id: str, entry: dict[str, Any]) -> Path:
    """Add ``entry`` to the source's carriers, never leaving a file that loads worse than before."""
    seeds_dir = Path(seeds_dir)
    path = (seeds_dir / "sources" / f"{source_id}.yaml").resolve()
    if path.parent != (seeds_dir / "sources").resolve() or not path.is_file():
        raise DraftError(f"there is no source file for {source_id}")
    before = path.read_bytes()
    updated = insert_carrier(before.decode("utf-8"), entry)
    with tempfile.TemporaryDirectory(prefix="carrier-check-") as tmp:
        copy = Path(tmp) / "seeds"
        shutil.copytree(seeds_dir, copy, ignore=shutil.ignore_patterns(".*", "*.tmp"))
        old = {str(p) for p in load_seeds(copy).problems if Path(p.file).name == path.name}
        (copy / "sources" / path.name).write_text(updated, encoding="utf-8")
        loaded = load_seeds(copy)
    new = [str(p) for p in loaded.problems if Path(p.file).name == path.name and str(p) not in old]
    if new:
        raise DraftError("the merged file would not load: " + "; ".join(new))
    merged = loaded.sources.get(source_id)
    if merged is None or not any(o.outlet == entry["outlet"] for o in merged.carried_by):
        raise DraftError("the carrier could not be added to this file; add it by hand")
    if hashlib.sha256(path.read_bytes()).digest() != hashlib.sha256(before).digest():
        raise DraftError("the source file changed while merging; nothing was written, try again")
    write_atomic(path, updated.encode("utf-8"))
    return path
