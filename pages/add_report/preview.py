"""What a drafted report would change on the dashboard: the seeds with and without it.

Pure (no streamlit). The draft is loaded in memory beside the real seed folder
(``load_seeds(pending=)``): nothing is written or copied before a save.
"""

from __future__ import annotations

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
    after = load_seeds(seeds_dir, pending={f"sources/{ident}.yaml": yaml_text})
    headlines, statuses, conflicts = compare(current, after)
    extra = [str(p) for p in after.problems if Path(p.file).name == f"{ident}.yaml"]
    return Preview(headlines, statuses, conflicts, problems + extra)
