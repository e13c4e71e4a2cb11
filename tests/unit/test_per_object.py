"""``ui.per_object``: one result per (function, the very objects, arguments); what the pages use
to stop relabelling shared tables and re-copying shared figures on every load."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from components.ui import cache
from components.ui.charts import _chart_spec
from components.ui.tables import _labelled


def test_the_same_objects_give_the_same_result_other_objects_a_new_one() -> None:
    calls: list[int] = []

    def count(frame: pd.DataFrame, n: int) -> int:
        calls.append(n)
        return len(frame) + n

    one = pd.DataFrame({"a": [1, 2]})
    assert cache.per_object(count, (one,), 1) == 3
    assert cache.per_object(count, (one,), 1) == 3
    assert calls == [1], "the second call is a hit"
    assert cache.per_object(count, (one,), 2) == 4, "other arguments: computed"
    twin = pd.DataFrame({"a": [1, 2]})
    cache.per_object(count, (twin,), 1)
    assert calls == [1, 2, 1], "an equal but different frame is not the same object"


def test_the_cache_is_bounded_and_holds_its_objects() -> None:
    def ident(obj: object) -> int:
        return id(obj)

    for _ in range(cache.PER_OBJECT_ENTRIES + 20):
        cache.per_object(ident, (object(),))
    assert len(cache._per_object) <= cache.PER_OBJECT_ENTRIES
    for objects, result in cache._per_object.values():
        if result in [id(o) for o in objects]:
            assert id(objects[0]) == result, "the entry keeps its object alive, so its id is not reused"


def test_the_chart_dict_is_the_figure_as_plotly_serialises_it() -> None:
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[4.0, 5.5, 6.0], customdata=[["a"], ["b"], ["c"]]))
    fig.update_layout(title="t")
    ready = _chart_spec(fig, False, False)
    assert json.loads(pio.to_json(ready.to_dict(), validate=False)) == json.loads(fig.to_json())


def test_a_labelled_page_matches_relabelling_the_rows() -> None:
    frame = pd.DataFrame(
        {"date": pd.to_datetime(["2026-01-02", None, "2026-03-04"]), "confidence": ["high", None, "low"]}
    )
    table = _labelled(frame, 1, 3, ("date", "confidence"), (("confidence", "How sure"),))
    assert list(table.columns) == ["Date", "How sure"]
    assert table["Date"].tolist() == ["—", "4 Mar 2026"], "a date column with a gap is written out"
    assert table["How sure"].iloc[0] == "—"
