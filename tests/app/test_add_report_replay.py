"""A committed report added again through the Add a report page reproduces the committed file.

The replay (``bench.story_replay``) pastes a short synthetic text, presses "Draft from this
report", sets the source form and edits the claims grid (unticks, corrections, added rows) to the
committed claims, presses "Save into seeds/" and reads the saved file back. Any field of the
committed file the page cannot set (a form field with no widget, a grid column missing, a value
the grid rewrites) leaves a difference, and the test fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.story_add_reports import stub
from bench.story_replay import replay

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "replay"
# The FT report: six outlets carrying it (some without address), per-buyer deliveries, a claim
# dated to the week, a claim with its own confidence and a contradiction. AMD's 10-Q: no web
# address (and why), fiscal periods, a quarter- and a month-precise date, no figure at all.
# NBC News on Alibaba's chip (no text of it found): only its title, publisher and date are typed,
# a month-precise date, no web address and why, every claim added as a row.
REPORTS = [
    "2026-08-19-ft-bytedance-tencent-receive-h200s",
    "2026-08-05-amd-10q-mi308-mi325-china",
    "2026-09-01-nbc-news-alibaba-zhenwu-v900",
]


@pytest.mark.parametrize("source_id", REPORTS)
def test_committed_report_replayed_through_the_page_saves_the_same_file(source_id: str) -> None:
    fixture = FIXTURES / f"{source_id}.txt"
    result = replay(source_id, fixture.read_text() if fixture.exists() else stub(source_id), root=ROOT)

    assert result["exceptions"] == []
    assert result["saved"], result["problems"]
    assert result["form_missing"] == [], "source fields the form has no widget for"
    assert result["source_differs"] == [], "source fields saved differently from the committed file"
    assert (result["claims_missing"], result["claims_extra"]) == (0, 0), result["claim_fields_differ"]
    # a claim another file cites (the blog of 1 Aug contradicts the FT's ByteDance delivery) kept its
    # id, typed in the grid: the tracker loads with the saved file and no reference dangles
    assert result["load_problems"] == []
    # the analyst did the work through the page: rows added or corrected, cells and characters typed
    assert result["added"] + result["corrected"] + result["kept"] == result["claims_committed"]
    assert result["cells"] > 0 and result["chars"] > 0
