"""What a drafted report would change on the dashboard: the seeds with and without it.

Pure (no streamlit). The draft is loaded from a temporary copy of the seed folder, so the real
folder is never touched before a save.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data.changes import compare
from data.draft.save import _source_id
from data.load import SeedData, load_seeds


@dataclass
class Preview:
    headlines: pd.DataFrame
    statuses: pd.DataFrame
    conflicts: pd.DataFrame
    problems: list[str]


def preview(yaml_text: str, seeds_dir: str | Path, current: SeedData) -> Preview | None:
    """Headlines, statuses per buyer and conflicts, before -> after adding this file. None if unreadable."""
    ident, problems = _source_id(yaml_text)
    if ident is None:
        return None
    with tempfile.TemporaryDirectory(prefix="draft-preview-") as tmp:
        copy = Path(tmp) / "seeds"
        shutil.copytree(seeds_dir, copy, ignore=shutil.ignore_patterns(".*", "*.tmp"))
        (copy / "sources" / f"{ident}.yaml").write_text(yaml_text, encoding="utf-8")
        after = load_seeds(copy)
    headlines, statuses, conflicts = compare(current, after)
    extra = [str(p) for p in after.problems if Path(p.file).name == f"{ident}.yaml"]
    return Preview(headlines, statuses, conflicts, problems + extra)
