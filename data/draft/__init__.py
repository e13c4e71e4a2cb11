"""Draft a seed file from a news report: duplicates first, then a source block and candidate claims.

Pure (no streamlit). The page and ``python -m data.draft`` share this API:

- ``draft_from_text(text, seeds, *, url=None, title=None, publisher=None, published=None) -> Draft``
  (text over ``MAX_TEXT_BYTES``, 200 kB, is refused with a plain message)
- ``draft_from_file(path_or_bytes, name, seeds) -> Draft``
- ``Draft.to_json()``, ``Draft.to_seed_yaml(summaries, added)``, ``Draft.carrier_entry()``
- ``recheck_duplicates(draft, seeds, *, url, publisher, published)``: the duplicate check again
  after the analyst changed the form's web address, publisher or date; ``recheck_matches`` (same
  arguments) also gives the weaker matches under the bar, ``named_by_hand(draft, seeds, source_id,
  carrier)`` a source the analyst names as the story it repeats
- ``validate_seed_yaml(text, seeds_dir) -> list[str]``, ``save_seed_yaml(text, seeds_dir) -> Path``
- ``copied_runs(summary, text, n=8)``; bad input raises ``DraftError`` with a plain message.
"""

from data.draft.core import Draft, draft_from_file, draft_from_text, recheck_duplicates
from data.draft.extract import MAX_TEXT_BYTES
from data.draft.model import DraftError
from data.draft.recheck import named_by_hand, recheck_matches
from data.draft.render import copied_runs
from data.draft.save import save_seed_yaml, summary_problems, validate_seed_yaml

__all__ = [
    "MAX_TEXT_BYTES",
    "Draft",
    "DraftError",
    "copied_runs",
    "draft_from_file",
    "draft_from_text",
    "named_by_hand",
    "recheck_duplicates",
    "recheck_matches",
    "save_seed_yaml",
    "summary_problems",
    "validate_seed_yaml",
]
