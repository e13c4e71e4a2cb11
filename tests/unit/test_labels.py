"""Words people use: labels, dates, missing values, consistent precision, conflicts in words."""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

import pandas as pd
import pytest

from components.conflict_names import conflict_name, conflicts_table, names_by_group, spread_text, wording_table
from components.format import fmt_number, fmt_range
from components.glossary import glossary_markdown
from components.labels import (
    ATTRIBUTIONS,
    BOUNDS,
    COLUMNS,
    CONFIDENCES,
    KINDS,
    STATUSES,
    UNITS,
    fmt_date,
    human_frame,
    label,
    standalone,
)
from components.ui.page import status_text
from data import models
from data.frames import ClaimFilter, build_claims_frame, build_conflicts_frame, build_events_frame
from data.load import load_seeds
from scripts.devserver import ROOT

SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")


@pytest.mark.parametrize(
    ("literal", "mapping"),
    [
        (models.Status, STATUSES),
        (models.ClaimKind, KINDS),
        (models.Unit, UNITS),
        (models.Bound, BOUNDS),
        (models.AttributionType, ATTRIBUTIONS),
        (models.Confidence, CONFIDENCES),
    ],
)
def test_every_schema_value_has_a_human_label(literal, mapping) -> None:
    missing = [value for value in get_args(literal) if value not in mapping]
    assert missing == []
    assert not any(SNAKE.search(text) for text in mapping.values())


def test_labels_and_missing_values() -> None:
    assert label("export_licence", "kind") == "Export licence"
    assert label("in_principle", STATUSES) == "In principle"
    assert label("at_least", "bound") == "At least"
    assert label("some_new_status", "status") == "Some new status"  # unmapped ids still read as words
    for missing in (None, float("nan"), pd.NA, ""):
        assert label(missing, "status") == "—"


def test_dates_cannot_be_misread() -> None:
    assert fmt_date(dt.date(2026, 1, 26)) == "26 Jan 2026"
    assert fmt_date(pd.Timestamp("2026-01-05")) == "5 Jan 2026"
    assert fmt_date(dt.date(2026, 1, 1), "month") == "Jan 2026"
    assert fmt_date(dt.date(2026, 5, 1), "quarter") == "Q2 2026"
    assert fmt_date(None) == fmt_date(pd.NaT) == "—"


def test_numbers_have_consistent_precision() -> None:
    assert fmt_number(9_999_999) == "10M"
    assert fmt_number(2_000_000) == "2M"
    assert fmt_number(1_450_000) == "1.4M"
    assert fmt_range(2_000_000, 9_999_999, "chips", open_high=True) == "2M–10M+"
    assert fmt_number(54_000_000_000, "usd") == "$54B"


def test_every_claims_column_has_a_heading_and_no_raw_values() -> None:
    seeds = load_seeds(ROOT / "seeds")
    claims = build_claims_frame(seeds, ClaimFilter(as_of=dt.date(2026, 6, 5)))
    assert [c for c in claims.columns if c not in COLUMNS] == []
    shown = human_frame(claims)
    assert not any("_" in heading for heading in shown.columns)
    cells = set(shown.drop(columns=["Claim id", "Source id"]).astype(str).to_numpy().ravel())
    assert not cells & {"None", "nan", "<NA>", "NaT", "NaN", ""}
    assert not SNAKE.findall(" ".join(shown[["Kind", "Status", "Attributed to", "Bound", "Unit"]].astype(str).sum()))


def test_event_text_stands_alone() -> None:
    title = "US extends AI-chip licence rules to Chinese firms' overseas units"
    assert standalone("The effect is to stop buying through affiliates.", title) == (
        f"{title}: the effect is to stop buying through affiliates."
    )
    assert standalone("Beijing paused purchases.", title) == "Beijing paused purchases."
    seeds = load_seeds(ROOT / "seeds")
    events = build_events_frame(seeds, ClaimFilter(as_of=dt.date(2026, 6, 5)))
    fixed = [standalone(s, seeds.sources[i].title) for s, i in zip(events["summary"], events["source_id"], strict=True)]
    assert not [t for t in fixed if re.match(r"(It|The effect|The site|The piece)\b", t)]


def test_conflicts_are_named_in_words_with_their_spread() -> None:
    seeds = load_seeds(ROOT / "seeds")
    conflicts = build_conflicts_frame(seeds, ClaimFilter(as_of=dt.date(2026, 6, 5)))
    over_400k = conflicts[conflicts["claim_id"] == "rt-0128.first-batch-over-400k"]["group"].iloc[0]
    name = conflict_name(conflicts[conflicts["group"] == over_400k])
    assert name == "Beijing's first batch: more than 400,000 vs about 400,000"
    assert spread_text(300_000, 900_000, "chips") == "300,000 to 900,000 (3.0× apart)"
    assert spread_text(1.8, 3.5, "tb_per_s") == "1.8 to 3.5 TB/s (1.9× apart)"
    names = names_by_group(conflicts)
    assert len(set(names.values())) == conflicts["group"].nunique()  # one distinct name per group
    assert not any("·" in n or re.search(r"\bC\d+\b", n) for n in names.values())
    real, wording = conflicts_table(conflicts), wording_table(conflicts)
    assert len(real) + len(wording) == conflicts["group"].nunique()
    assert real["Claims"].sum() + wording["Claims"].sum() == len(conflicts)


def test_staleness_is_part_of_the_status_line() -> None:
    day = dt.date(2026, 6, 5)
    line = status_text(day, day, day, dt.date(2026, 11, 29))
    assert "newest report 177 days old" in line and line.startswith("Data as of **05 Jun 2026**")
    assert "days old" not in status_text(day, day, day, day + dt.timedelta(days=10))
    assert "no report by then" in status_text(day, None, day, day)


def test_a_view_of_the_past_is_judged_stale_at_its_own_as_of_date() -> None:
    """Viewed at 30 Jun 2026 ("latest report 29 Jun 2026"), the line warned "tracker's newest
    report 65 days old" (28 Sep, judged on 2 Dec): not true at the date shown, where the newest
    report was a day old. A past view is judged at its as-of date, by the report it uses."""
    june = status_text(dt.date(2026, 6, 30), dt.date(2026, 6, 29), dt.date(2026, 9, 28), dt.date(2026, 12, 2))
    assert "latest report **29 Jun 2026**" in june
    assert "days old" not in june and "history" not in june
    # a past date long after its newest report is stale at that date, by that gap (not today's)
    gap = status_text(dt.date(2026, 8, 31), dt.date(2026, 6, 1), dt.date(2026, 9, 28), dt.date(2026, 12, 2))
    assert "91 days without a new report by then" in gap and "65" not in gap
    # the tracker's newest data, viewed today, still says how old it is
    live = status_text(dt.date(2026, 9, 28), dt.date(2026, 9, 28), dt.date(2026, 9, 28), dt.date(2026, 12, 2))
    assert "tracker's newest report 65 days old" in live


def test_glossary_explains_the_terms() -> None:
    text = glossary_markdown()
    for term in ("TPP", "50 %", "25 %", "Licence stages", "In principle"):
        assert term in text


def test_a_source_line_counts_in_the_right_number(real_seeds) -> None:
    """Briefing step 3 (27 Jan 2026) rests on one report: its slide read "Sources (1 documents, 1
    independent origins)"."""
    from components.ui.sources import footer, footer_counts

    one = footer(real_seeds, ("2025-12-31-newsbytes-reuters-china-h200-orders-2m",))
    assert footer_counts(one) == "1 document, 1 independent origin"
    two = footer(
        real_seeds,
        ("2026-01-28-reuters-china-approves-first-h200-batch", "2026-01-28-scmp-china-clears-first-h200-orders"),
    )
    assert footer_counts(two) == "2 documents, 2 independent origins"
