"""CSV and XLSX exports that are safe to open in a spreadsheet and read like the page.

Why neutralise: seed text is written by people and paraphrased from articles. A cell that
starts with "=", "+", "-" or "@" (or a tab or CR, or a full-width "＝") runs as a formula when a
colleague opens the file in Excel or LibreOffice: HYPERLINK beacons, DDE payloads. So every text
cell gets a leading apostrophe (the OWASP advice), and openpyxl is told to store text as text
(it would otherwise store any string starting with "=" as a real formula). Numbers, dates and
booleans keep their types, so a negative figure is still a number.

Lists (frames keep lists of ids) are joined with "; " here, at the file boundary, and nowhere
else. A frame with a `bound` / `open_high` column gets an "As reported" text column beside its
numbers ("more than 200,000"), so a lower bound never reads as an exact figure.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from components.format import MISSING, fmt_number, fmt_range
from components.labels import BOUNDS, COLUMNS, UNITS, VALUE_LABELS
from components.labels import label as human_label

INTERNAL_COLUMNS = ("topic", "comparison")
"""Codes a frame keeps for links and grouping, left out of "everything" exports (they name metric ids)."""
FILE_VALUE_LABELS: dict[str, Mapping[str, str]] = {
    **VALUE_LABELS,
    "interest_bound": BOUNDS,
    "cap_bound": BOUNDS,
    "delivered_bound": BOUNDS,
    "spread_unit": UNITS,
}
LIST_SEPARATOR = "; "
BOUND_TEXT_COLUMN = "as_reported"
NUMBER_COLUMNS = ("value", "low", "high", "best")
# First characters a spreadsheet may read as the start of a formula, with their full-width
# and small-form look-alikes, which some spreadsheet imports fold to the ASCII ones.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n" + "＝＋－＠" + "﹦﹢﹣﹫")
XLSX_MAX_TEXT = 32_767  # Excel's limit for one cell
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
WORD_LABELS = {"usd": "USD", "rmb": "RMB", "pct": "%", "id": "ID", "ids": "IDs", "url": "URL", "us": "US"}
ABOUT_NOTE = (
    "Each figure has a basis. Reported: a source stated it. Derived: the project worked it out "
    "from a source's wording or from other figures, and says how. Assumed: a scenario input, "
    "not a fact. Bounds are kept as the source gave them: 'more than 200,000' is a lower bound, "
    "not 200,000, so read the 'As reported' column beside a number when there is one."
)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def could_be_formula(text: str) -> bool:
    """True when a spreadsheet might run this text: a trigger first, or after leading blanks."""
    if not text:
        return False
    if text[0] in "\t\r\n":
        return True
    index = 0  # look past blanks, control and invisible format characters a reader may drop
    while index < len(text) and (text[index].isspace() or unicodedata.category(text[index]) in ("Cc", "Cf")):
        index += 1
    return index < len(text) and text[index] in FORMULA_TRIGGERS


def neutralise(value: object) -> object:
    """A cell value safe for a spreadsheet: text that could run as a formula gets a leading "'".

    Numbers, dates and booleans come back unchanged; missing values as None; lists, tuples and
    sets joined with "; " and then checked like any text.
    """
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        parts = [str(item) for item in items if not _is_missing(item)]
        return neutralise(LIST_SEPARATOR.join(parts)) if parts else None
    if _is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_, numbers.Number, dt.date, dt.time)):
        return value
    text = value if isinstance(value, str) else str(value)
    return "'" + text if could_be_formula(text) else text


def _keeps_type(series: pd.Series) -> bool:
    return (
        pd.api.types.is_numeric_dtype(series.dtype)
        or pd.api.types.is_bool_dtype(series.dtype)
        or pd.api.types.is_datetime64_any_dtype(series.dtype)
        or pd.api.types.is_timedelta64_dtype(series.dtype)
    )


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell neutralised; typed columns are left alone."""
    out = df.copy()
    for position in range(df.shape[1]):
        series = df.iloc[:, position]
        if not _keeps_type(series):
            out.isetitem(position, pd.Series([neutralise(v) for v in series], index=df.index, dtype=object))
    return out


def _number(value: object) -> float | None:
    return None if _is_missing(value) else float(value)  # type: ignore[arg-type]


def as_reported(
    *, value: object = None, low: object = None, high: object = None, bound: object = None, open_high: object = False
) -> str | None:
    """A figure with its bound in words, every digit: 'more than 200,000', '300,000–900,000+'
    (``components.format.fmt_range``, the formatter the screen and slides use); None without one."""
    value_, low_, high_ = _number(value), _number(low), _number(high)
    if low_ is None and high_ is None:
        low_ = high_ = value_
    kind = None if _is_missing(bound) else str(bound)
    opened = not _is_missing(open_high) and bool(open_high)
    text = fmt_range(low_, high_, None, opened, kind, full=True)
    return None if text == MISSING else text


def with_bound_text(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with an 'as_reported' text column after its numbers, when it carries bounds."""
    if BOUND_TEXT_COLUMN in df.columns or not {"bound", "best_bound", "open_high"} & set(df.columns):
        return df
    present = [c for c in NUMBER_COLUMNS if c in df.columns]
    if not present:
        return df

    def column(name: str) -> list[object]:
        return df[name].tolist() if name in df.columns else [None] * len(df)

    texts = [
        as_reported(value=v, low=lo, high=hi, bound=b, open_high=o)
        for v, lo, hi, b, o in zip(
            column("value"),
            column("low"),
            column("high"),
            column("bound" if "bound" in df.columns else "best_bound"),  # estimates name it best_bound
            column("open_high"),
            strict=True,
        )
    ]
    out = df.copy()
    out.insert(max(df.columns.get_loc(c) for c in present) + 1, BOUND_TEXT_COLUMN, texts)
    return out


def humanise(name: str) -> str:
    """A fallback label for a column without one: 'share_pct' -> 'Share %'."""
    words = [WORD_LABELS.get(word, word) for word in str(name).replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _whole_floats_as_integers(frame: pd.DataFrame) -> pd.DataFrame:
    """200000.0 -> 200000: float columns holding only whole numbers become integer columns."""
    for position in range(frame.shape[1]):
        series = frame.iloc[:, position]
        if not pd.api.types.is_float_dtype(series.dtype):
            continue
        values = series.to_numpy(dtype=float, na_value=np.nan)  # numpy: per-column pandas calls were
        known = values[~np.isnan(values)]  # most of a small table's export (a cold API answer)
        if known.size and bool(((known % 1 == 0) & (np.abs(known) < 2**53)).all()):
            frame.isetitem(position, series.astype("Int64"))
    return frame


def export_frame(df: pd.DataFrame, *, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The frame as it goes into a file: chosen columns under human labels, text neutralised.

    With `columns`, only those columns, in that order (a name missing from the frame is an
    error, so "all" and "filtered" exports cannot drift apart silently); the 'As reported'
    column follows its numbers even when the mapping does not name it.
    """
    frame = with_bound_text(df)
    if columns is not None:
        missing = [name for name in columns if name not in frame.columns]
        if missing:
            raise KeyError(f"export columns not in the frame: {missing}")
        keep = list(columns)
        if BOUND_TEXT_COLUMN in frame.columns and BOUND_TEXT_COLUMN not in keep:
            anchors = [keep.index(c) for c in NUMBER_COLUMNS if c in keep]
            keep.insert(max(anchors) + 1 if anchors else len(keep), BOUND_TEXT_COLUMN)
        frame = frame[keep]
    else:
        frame = frame.drop(columns=[c for c in INTERNAL_COLUMNS if c in frame.columns])
    labels = dict(columns or {})
    frame = human_values(frame)
    frame.columns = [neutralise(labels.get(str(c)) or COLUMNS.get(str(c)) or humanise(str(c))) for c in frame.columns]
    return neutralise_frame(_whole_floats_as_integers(frame))


def human_values(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose coded columns (bound, status, unit, metric, ...) hold the words the page shows
    ('more than', 'Under review', 'US$ per chip', the metric's label); missing stays empty."""
    out = frame.copy()
    for position, name in enumerate(frame.columns):
        family = FILE_VALUE_LABELS.get(str(name))
        if family is None or _keeps_type(frame.iloc[:, position]):
            continue
        values = [None if _is_missing(v) else human_label(v, family) for v in frame.iloc[:, position]]
        out.isetitem(position, pd.Series(values, index=frame.index, dtype=object))
    return out


def _iso_dates(series: pd.Series) -> pd.Series:
    values = pd.to_datetime(series)
    if values.dt.tz is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    known = values.dropna()
    with_time = bool(len(known)) and bool((known != known.dt.normalize()).any())
    text = values.dt.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
    return text.astype(object).where(values.notna(), None)


def _csv_number(value: object) -> object:
    if _is_missing(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def to_csv_bytes(df: pd.DataFrame, *, columns: Mapping[str, str] | None = None) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads the accents), human labels, empty for missing."""
    frame = export_frame(df, columns=columns)
    for position in range(frame.shape[1]):
        series = frame.iloc[:, position]
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            frame.isetitem(position, _iso_dates(series))
        elif pd.api.types.is_float_dtype(series.dtype):  # 200000.0 -> 200000 where a column mixes
            frame.isetitem(position, pd.Series([_csv_number(v) for v in series], index=series.index, dtype=object))
    return frame.to_csv(index=False, lineterminator="\r\n", na_rep="").encode("utf-8-sig")


def _text_cell(sheet: Worksheet, row: int, column: int, text: str) -> object:
    """A cell that holds text and only text, whatever the text starts with."""
    clean = str(neutralise(ILLEGAL_CHARACTERS_RE.sub("", text)) or "")  # again: removal may expose a "="
    if len(clean) > XLSX_MAX_TEXT:
        clean = clean[: XLSX_MAX_TEXT - 1] + "…"
    cell = sheet.cell(row=row, column=column)
    cell.value = clean
    cell.data_type = "s"  # openpyxl stores "=…" as a formula and "#N/A" as an error unless told
    return cell


def _write_value(sheet: Worksheet, row: int, column: int, value: object) -> int:
    """Write one typed value; returns how many characters it shows (for the column width)."""
    if _is_missing(value):
        return 0
    if isinstance(value, (bool, np.bool_)):
        sheet.cell(row=row, column=column, value=bool(value))
        return 5
    if isinstance(value, numbers.Real) and not isinstance(value, (dt.date, dt.time)):
        number = float(value)
        if not math.isfinite(number):
            _text_cell(sheet, row, column, str(number))
            return 4
        integral = number.is_integer() and abs(number) < 2**53
        cell = sheet.cell(row=row, column=column, value=int(number) if integral else number)
        cell.number_format = "#,##0" if integral else "#,##0.0##"
        return len(fmt_number(number, full=True))
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        midnight = stamp == stamp.normalize()
        cell = sheet.cell(row=row, column=column, value=stamp.date() if midnight else stamp.to_pydatetime())
        cell.number_format = DATE_FORMAT if midnight else DATETIME_FORMAT
        return 10 if midnight else 16
    if isinstance(value, dt.date):
        sheet.cell(row=row, column=column, value=value).number_format = DATE_FORMAT
        return 10
    text = str(neutralise(value))
    _text_cell(sheet, row, column, text)
    return max((len(line) for line in text.splitlines()), default=0)


def _write_table(sheet: Worksheet, frame: pd.DataFrame, *, sample_rows: int = 1000) -> None:
    bold = Font(bold=True)
    widths = []
    for column, label in enumerate(frame.columns, start=1):
        _text_cell(sheet, 1, column, str(label)).font = bold  # type: ignore[attr-defined]
        widths.append(len(str(label)) + 2)
    for row, values in enumerate(frame.itertuples(index=False, name=None), start=2):
        for column, value in enumerate(values, start=1):
            shown = _write_value(sheet, row, column, value)
            if row <= sample_rows + 1:
                widths[column - 1] = max(widths[column - 1], shown)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"


def _write_about(sheet: Worksheet, items: Iterable[tuple[str, str]]) -> None:
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    _text_cell(sheet, 1, 1, "About this file").font = bold  # type: ignore[attr-defined]
    for row, (key, value) in enumerate(items, start=2):
        _text_cell(sheet, row, 1, str(neutralise(key) or "")).font = bold  # type: ignore[attr-defined]
        cell = _text_cell(sheet, row, 2, str(neutralise(value) or ""))
        cell.alignment = wrap  # type: ignore[attr-defined]
        text = str(value or "")
        if text.startswith(("https://", "http://")) and not any(ch.isspace() for ch in text):
            cell.hyperlink = text  # type: ignore[attr-defined]
            cell.font = Font(color="0563C1", underline="single")  # type: ignore[attr-defined]
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100


def _sheet_title(name: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ")[:31]
    return cleaned or "Data"


def to_xlsx_bytes(
    df: pd.DataFrame, *, about: Mapping[str, str], columns: Mapping[str, str] | None = None, sheet: str = "Data"
) -> bytes:
    """A formatted workbook: the table (bold frozen header, typed cells) and an "About" sheet.

    `about` names what the table is: as of, filters, link, sources; "Exported at" is added
    (UTC, to the minute) unless given, and a note on reported / derived / assumed and bounds.
    """
    frame = export_frame(df, columns=columns)
    workbook = Workbook()
    data = workbook.active
    assert data is not None  # a new workbook always has one sheet
    data.title = _sheet_title(sheet)
    _write_table(data, frame)
    items = [(str(k), "" if v is None else str(v)) for k, v in about.items()]
    if not any(key.lower() == "exported at" for key, _ in items):
        items.append(("Exported at", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")))
    items += [("Rows", f"{len(frame):,}"), ("Reading the numbers", ABOUT_NOTE)]
    _write_about(workbook.create_sheet("About" if data.title != "About" else "About this file"), items)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
