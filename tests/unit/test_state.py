"""The link codec: parameters are validated, garbled ones become notices, nothing raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from components.state import (
    CONFIDENCE_OPTIONS,
    ParamSpec,
    build_query,
    parse_choice,
    parse_date,
    parse_number,
    read_params,
)

SPECS = [
    ParamSpec("as_of", parse_date),
    ParamSpec("confidence", parse_choice(list(CONFIDENCE_OPTIONS.values()))),
    ParamSpec("s_stock", parse_number(0, 2_000_000)),
    ParamSpec("buyers", parse_choice(["ByteDance", "Alibaba"]), multi=True),
]


def test_valid_values_pass_and_bad_ones_become_notices() -> None:
    parsed = read_params(
        {
            "as_of": ["2026-02-01"],
            "confidence": ["nonsense"],
            "s_stock": ["1e99"],
            "buyers": ["ByteDance", "Evil"],
            "other": ["x"],
        },
        SPECS,
    )
    assert parsed.values == {"as_of": dt.date(2026, 2, 1), "buyers": ["ByteDance"]}
    assert len(parsed.notices) == 3
    assert parsed.notices[0].startswith("Ignored `confidence=nonsense` from the link")


def test_out_of_range_date_and_backticks_are_neutralised() -> None:
    parsed = read_params({"as_of": ["1999-01-01"], "confidence": ["`rm -rf`"]}, SPECS)
    assert parsed.values == {}
    assert "outside" in parsed.notices[0]
    assert "`rm -rf`" not in parsed.notices[1] and "'rm -rf'" in parsed.notices[1]


def test_build_query_round_trip() -> None:
    query = build_query(
        {"as_of": dt.date(2026, 6, 5), "buyers": ["ByteDance", "JD.com"], "split": True, "s_x": 75000.0, "none": None}
    )
    assert query == "as_of=2026-06-05&buyers=ByteDance&buyers=JD.com&split=true&s_x=75000"


@settings(max_examples=300, deadline=None)
@given(
    raw=st.dictionaries(
        st.sampled_from(["as_of", "confidence", "s_stock", "buyers", "x"]),
        st.lists(st.text(max_size=300), max_size=4),
        max_size=5,
    )
)
def test_random_query_strings_never_raise(raw) -> None:
    parsed = read_params(raw, SPECS)
    assert set(parsed.values) <= {"as_of", "confidence", "s_stock", "buyers"}
    for notice in parsed.notices:
        assert notice.startswith("Ignored `")
