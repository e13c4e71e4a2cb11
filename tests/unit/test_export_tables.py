"""Safe exports: hostile text never becomes a formula in a CSV or an XLSX (issue 13, item 1).

Both writers are read back the way a spreadsheet would see them: the CSV as text, the XLSX with
openpyxl (cell data types) and as raw sheet XML (no <f> element anywhere).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.exports.tables import (
    as_reported,
    could_be_formula,
    export_frame,
    neutralise,
    neutralise_frame,
    to_csv_bytes,
    to_xlsx_bytes,
)
from components.format import fmt_range

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    " =1",
    "＝1",
    "\u3000=1",
    "\u200b=1",
    "﹦1",
    "＠SUM(A1)",
]
ABOUT = {"As of": "2026-03-01", "Filters": "high confidence only", "Link": "https://tracker.example/buyers"}


def _hostile_frame() -> pd.DataFrame:
    count = len(HOSTILE)
    return pd.DataFrame(
        {
            "summary": HOSTILE,
            "publisher": pd.Series(list(reversed(HOSTILE)), dtype="string"),
            "source_ids": [[text, "plain-id"] for text in HOSTILE],
            "chips": pd.array([-200_000.5] + [float(i) for i in range(count - 1)], dtype="Float64"),
            "date": pd.to_datetime(["2026-01-28"] * count),
        }
    )


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "a byte-order mark so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _xlsx_cells(data: bytes) -> list[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _xlsx_has_formula_xml(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        return any(b"<f>" in archive.read(name) or b"<f " in archive.read(name) for name in sheets)


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise_prefixes_every_hostile_string(text: str) -> None:
    assert could_be_formula(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", [-2.5, -200_000, 0, 3.0, True, dt.date(2026, 1, 1), pd.Timestamp("2026-01-01")])
def test_numbers_dates_and_booleans_keep_their_type(value: object) -> None:
    assert neutralise(value) is value


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT, [], [None]])
def test_missing_values_become_empty(value: object) -> None:
    assert neutralise(value) is None


def test_lists_are_joined_then_neutralised() -> None:
    assert neutralise(["a", "b"]) == "a; b"
    assert neutralise(["=a", "b"]) == "'=a; b"
    assert neutralise(("x", None, "y")) == "x; y"


def test_plain_text_is_untouched() -> None:
    for text in ["Reuters", "H200 exports", "more than 200,000", "a-b", "e-mail: x@y.z", ""]:
        assert neutralise(text) == text


def test_neutralise_frame_leaves_numbers_and_does_not_mutate() -> None:
    frame = _hostile_frame()
    before = frame.copy(deep=True)
    out = neutralise_frame(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert out["chips"].dtype == frame["chips"].dtype
    assert out["chips"].iloc[0] == -200_000.5
    assert all(str(v).startswith("'") for v in out["summary"])
    assert all(str(v).startswith("'") for v in out["publisher"])


def test_csv_has_no_live_formula_and_keeps_negative_numbers() -> None:
    rows = _csv_rows(to_csv_bytes(_hostile_frame(), columns={"summary": "Summary", "chips": "Chips", "date": "Date"}))
    assert rows[0] == ["Summary", "Chips", "Date"]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in HOSTILE]
    assert rows[1][1] == "-200000.5", "a negative number stays a number"
    assert rows[2][1] == "0", "whole numbers without a trailing .0"
    assert rows[1][2] == "2026-01-28"


def test_csv_writes_every_hostile_column_safely() -> None:
    for row in _csv_rows(to_csv_bytes(_hostile_frame()))[1:]:
        for cell in (row[0], row[1], row[2]):
            assert not could_be_formula(cell) and cell.startswith("'")


def test_csv_missing_values_are_empty_never_none_or_nan() -> None:
    frame = pd.DataFrame(
        {
            "text": ["a", None, pd.NA],
            "number": pd.array([1.5, None, None], dtype="Float64"),
            "plain_float": [1.5, float("nan"), None],
            "date": pd.to_datetime(["2026-01-01", None, None]),
            "ids": [["x"], None, []],
        }
    )
    text = to_csv_bytes(frame).decode("utf-8-sig")
    for word in ("None", "nan", "NaN", "<NA>", "NaT"):
        assert word not in text
    assert text.splitlines()[2] == ",,,,"


def test_xlsx_has_no_formula_cell_and_every_hostile_cell_is_quoted() -> None:
    data = to_xlsx_bytes(_hostile_frame(), about=ABOUT)
    assert not _xlsx_has_formula_xml(data)
    cells = _xlsx_cells(data)
    assert all(cell.data_type != "f" for cell in cells)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Data"]
    for row in sheet.iter_rows(min_row=2, max_col=3):
        for cell in row:
            assert cell.data_type == "s" and str(cell.value).startswith("'"), cell.coordinate
    number = sheet.cell(row=2, column=4)
    assert number.data_type == "n" and number.value == -200_000.5
    assert "#,##0" in number.number_format


def test_xlsx_layout_header_dates_widths_and_about_sheet() -> None:
    frame = pd.DataFrame(
        {
            "publisher": ["Reuters", "Bloomberg"],
            "chips": [400_000, 75_000],
            "date": pd.to_datetime(["2026-01-28", "2026-02-25"]),
        }
    )
    data = to_xlsx_bytes(
        frame, about=ABOUT, columns={"publisher": "Publisher", "chips": "Chips", "date": "Reported on"}
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", "About"]
    sheet = book["Data"]
    assert [c.value for c in sheet[1]] == ["Publisher", "Chips", "Reported on"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].value == 400_000 and sheet["B2"].number_format == "#,##0"
    assert sheet["C2"].is_date and sheet["C2"].value.date() == dt.date(2026, 1, 28)
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert 8 <= sheet.column_dimensions["A"].width <= 60
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2) if row[0].value}
    assert about["As of"] == "2026-03-01"
    assert about["Filters"] == "high confidence only"
    assert about["Link"] == "https://tracker.example/buyers"
    assert about["Exported at"].endswith("UTC")
    assert about["Rows"] == "2"
    assert "derived" in about["Reading the numbers"].lower() and "bound" in about["Reading the numbers"].lower()
    assert book["About"]["B4"].hyperlink.target == "https://tracker.example/buyers"


def test_hostile_about_values_are_neutralised_too() -> None:
    data = to_xlsx_bytes(pd.DataFrame({"a": [1]}), about={"Filters": "=HYPERLINK(1)", "=bad key": "x"})
    assert not _xlsx_has_formula_xml(data)
    about = openpyxl.load_workbook(io.BytesIO(data))["About"]
    assert about["B2"].value == "'=HYPERLINK(1)"
    assert about["A3"].value == "'=bad key"


def test_bounds_keep_their_words_next_to_the_number() -> None:
    frame = pd.DataFrame(
        {
            "quantity": ["interest", "cap", "spec", "span", "approx"],
            "low": pd.array([200_000, None, None, 300_000, None], dtype="Float64"),
            "high": pd.array([None, 75_000, 21_000, 900_000, None], dtype="Float64"),
            "value": pd.array([None, None, None, None, 700_000], dtype="Float64"),
            "bound": ["more_than", "at_most", "less_than", "range", "approx"],
            "open_high": [False, False, False, True, False],
        }
    )
    out = export_frame(frame, columns={"quantity": "Quantity", "low": "Low", "high": "High", "value": "Value"})
    assert list(out.columns) == ["Quantity", "Low", "High", "Value", "As reported"]
    assert list(out["As reported"]) == [
        "more than 200,000",
        "up to 75,000",
        "below 21,000",
        "300,000–900,000+",
        "about 700,000",
    ]
    data = to_xlsx_bytes(frame, about=ABOUT)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Data"]
    header = [c.value for c in sheet[1]]
    assert header.index("As reported") == header.index("Value") + 1
    assert sheet.cell(row=2, column=header.index("As reported") + 1).value == "more than 200,000"


def test_as_reported_cases() -> None:
    assert as_reported(low=200_000, bound="at_least") == "at least 200,000"
    assert as_reported(value=50, bound="exact") == "50"
    assert as_reported(low=400_000, open_high=True) == "at least 400,000"
    assert as_reported(value=-2.5) == "−2.5"
    assert as_reported() is None


def test_screen_slide_and_file_say_a_bound_the_same_way() -> None:
    cases = [
        ({"low": 200_000, "bound": "more_than"}, "more than"),
        ({"high": 21_000, "bound": "less_than"}, "below"),
        ({"high": 75_000, "bound": "at_most"}, "up to"),
        ({"value": 700_000, "bound": "approx"}, "about"),
    ]
    for case, words in cases:
        screen = fmt_range(case.get("low", case.get("value")), case.get("high", case.get("value")), bound=case["bound"])
        assert screen.startswith(words) and as_reported(**case).startswith(words)
        assert screen.split(" ")[:-1] == as_reported(**case).split(" ")[:-1]


def test_estimates_use_their_best_bound() -> None:
    frame = pd.DataFrame(
        {"low": [37e9, 0.0], "high": [37e9, 66.0], "best": [37e9, 8.0], "best_bound": ["approx", "approx"]}
    )
    assert list(export_frame(frame)["As reported"]) == ["about 37,000,000,000", "0–66"]


def test_unknown_export_column_is_an_error() -> None:
    with pytest.raises(KeyError, match="nope"):
        to_csv_bytes(pd.DataFrame({"a": [1]}), columns={"a": "A", "nope": "Nope"})


text_cells = st.text(max_size=40) | st.sampled_from(HOSTILE).flatmap(lambda h: st.text(max_size=5).map(lambda t: h + t))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_cells, min_size=1, max_size=8))
def test_property_no_text_ever_becomes_a_formula(texts: list[str]) -> None:
    frame = pd.DataFrame({"text": texts, "number": list(range(-len(texts), 0))})
    for row, text in zip(_csv_rows(to_csv_bytes(frame))[1:], texts, strict=True):
        assert not could_be_formula(row[0])
        assert row[0] in (text, "'" + text)
        assert int(row[1]) < 0
    data = to_xlsx_bytes(frame, about=ABOUT)
    assert not _xlsx_has_formula_xml(data)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Data"]
    for cell in sheet["A"][1:]:
        assert cell.value is None or (cell.data_type == "s" and not could_be_formula(cell.value))
    assert all(cell.data_type == "n" for cell in sheet["B"][1:])
