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


# --------------------------------------------------------------------------- typed link parameters

from components.state import Bounds, LinkParam, link_pairs, read_link  # noqa: E402

LANES = {"nvidia": "Nvidia", "us_government": "US government"}
PARAMS = [
    LinkParam("lanes", "multi", (), options=lambda *_: LANES, describe="every actor"),
    LinkParam("window", "choice", "recent", options=lambda *_: {"recent": "Since Nov 2025", "all": "All dates"}),
    LinkParam("dates", "dates", ()),
    LinkParam("split", "bool", False),
    LinkParam("q", "text", ""),
    LinkParam("s_", "numbers", bounds=lambda *_: {"demand": Bounds(0, 5e6, 2e6), "stock": Bounds(0, 2e6, 7e5)}),
    LinkParam(
        "conflict", "choice", None, options=lambda *_: {"c1-c17": "First batch"}, aliases=lambda *_: {"C17": "c1-c17"}
    ),
]


def test_links_carry_ids_and_old_labels_and_aliases_still_read() -> None:
    parsed = read_link(
        PARAMS, {"lanes": ["Nvidia", "nvidia", "us_government"], "window": "All dates", "conflict": "C17"}
    )
    assert parsed.values["lanes"] == ("nvidia", "us_government") and parsed.values["window"] == "all"
    assert parsed.values["conflict"] == "c1-c17" and not parsed.notices


def test_every_dropped_or_out_of_range_value_gets_a_notice() -> None:
    parsed = read_link(
        PARAMS,
        {
            "dates": ["2026-99-01", "2026-03-01"],
            "s_demand": "1e23",
            "s_moon": "3",
            "split": "maybe",
            "lanes": "Martians",
        },
    )
    assert parsed.values["dates"] == () and parsed.values["s_"] == {"demand": 2e6, "stock": 7e5}
    assert parsed.values["split"] is False and parsed.values["lanes"] == ()
    shown = " ".join(parsed.notices)
    for key in ("dates=2026-99-01", "s_demand=1e23", "s_moon=3", "split=maybe", "lanes=Martians"):
        assert f"Ignored `{key}`" in shown, key
    assert len(parsed.notices) == 5


def test_link_pairs_round_trip_and_leave_defaults_out() -> None:
    defaults = read_link(PARAMS, {}).values
    values = {**defaults, "lanes": ("nvidia",), "split": True, "s_": {"demand": 3e6, "stock": 7e5}, "q": "customs"}
    pairs = link_pairs(PARAMS, values, defaults)
    assert pairs == {"lanes": ["nvidia"], "split": True, "s_demand": 3e6, "q": "customs"}
    again = read_link(
        PARAMS,
        {
            k: [str(x) for x in v] if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else str(v)
            for k, v in pairs.items()
        },
    )
    assert {k: again.values[k] for k in ("lanes", "split", "s_", "q")} == {
        k: values[k] for k in ("lanes", "split", "s_", "q")
    }


@settings(max_examples=300, deadline=None)
@given(
    raw=st.dictionaries(
        st.sampled_from(["lanes", "window", "dates", "split", "q", "s_demand", "s_x", "conflict", "other"]),
        st.lists(st.text(max_size=300), max_size=4),
        max_size=6,
    )
)
def test_random_links_never_raise_and_every_param_has_a_value(raw) -> None:
    parsed = read_link(PARAMS, raw)
    assert set(parsed.values) == {p.name for p in PARAMS}
    assert all(notice.startswith("Ignored `") for notice in parsed.notices)
