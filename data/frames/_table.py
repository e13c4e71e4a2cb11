"""Columns declared once: a frame's row is a dataclass, and its dtypes follow from the field types.

An empty frame therefore has the same columns and dtypes as a full one, and a column cannot be
added to the rows without being declared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])

_DTYPES = {
    "str": "string",
    "float": "Float64",
    "int": "Int64",
    "bool": "boolean",
    "dt.date": "datetime64[ns]",
    "list[str]": "object",
    "tuple[str, ...]": "object",
}


def _dtype(annotation: str) -> str:
    base = annotation.replace(" | None", "").strip()
    if base not in _DTYPES:
        raise TypeError(f"no dtype for field annotation {annotation!r}")
    return _DTYPES[base]


def dtypes_of(row_type: type) -> dict[str, str]:
    """Column name -> pandas dtype, from the row dataclass's field annotations."""
    return {field.name: _dtype(str(field.type)) for field in dataclasses.fields(row_type)}


def builds(row_type: type) -> Callable[[F], F]:
    """Mark a ``build_*_frame`` function with the row dataclass it returns (tests read it)."""

    def mark(builder: F) -> F:
        builder.row_type = row_type  # type: ignore[attr-defined]
        return builder

    return mark


def frame_of(row_type: type, rows: list[Any]) -> pd.DataFrame:
    """Rows (instances of ``row_type``) -> a typed frame with exactly the declared columns."""
    dtypes = dtypes_of(row_type)
    frame = pd.DataFrame([vars(row) for row in rows], columns=list(dtypes))
    for column, dtype in dtypes.items():
        if dtype == "datetime64[ns]":
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
        elif dtype == "object":
            frame[column] = frame[column].astype(object)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
