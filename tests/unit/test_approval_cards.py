"""The approval page's phone cards: where each buyer stands, in words that read as a sentence."""

from __future__ import annotations

import datetime as dt

from components.labels import STATUSES, label
from data import frames
from pages.approvals.view import grid_rows, latest_stages, narrow_cards


def test_a_status_that_repeats_its_stage_is_said_once(real_seeds) -> None:
    """On a phone ByteDance's card read "Beijing: Conditional — conditional (19 Aug 2026)"."""
    approvals = frames.build_approvals_frame(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 9, 28)))
    furthest = latest_stages(approvals)
    repeated = furthest[
        [
            label(s, STATUSES).lower() == str(g).lower()
            for s, g in zip(furthest["status"], furthest["stage_label"], strict=True)
        ]
    ]
    assert not repeated.empty  # the case is in the seeds (Beijing's "Conditional" stage, status conditional)
    lines = [line for _, card in narrow_cards(approvals, grid_rows(approvals, real_seeds)) for line in card]
    for line in lines:
        rest = line.partition(": ")[2]
        stage, dash, status = rest.rpartition(" (")[0].partition(" — ")
        assert not dash or status.lower() != stage.lower(), line
    assert any(" — " in line for line in lines)  # a status other than its stage still shows ("Shipped — delivered")
