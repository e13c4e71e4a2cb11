"""Pure figure builders: traces, units, empty frames, inputs untouched."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from components import figures
from components import format as fmt
from data import frames
from data.headlines import CHART_KEYS, pick_headlines
from data.scenario import run_scenario

ROOT = Path(__file__).resolve().parents[2]


def test_data_and_figures_never_import_streamlit() -> None:
    paths = [
        *sorted((ROOT / "data").rglob("*.py")),
        *sorted((ROOT / "components" / "figures").glob("*.py")),
        ROOT / "components" / "format.py",
        ROOT / "components" / "theme.py",
        ROOT / "components" / "state.py",
        ROOT / "components" / "registry.py",
    ]
    assert len(paths) > 20
    for path in paths:
        tree = ast.parse(path.read_text())
        names = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(str(n).startswith("streamlit") for n in names | modules), path


def test_formatting() -> None:
    assert fmt.fmt_number(2_000_000) == "2M"
    assert fmt.fmt_number(75_000) == "75,000"
    assert fmt.fmt_number(27_000, "usd_per_chip") == "$27,000"
    assert fmt.fmt_number(10_000_000) == "10M" and fmt.fmt_number(2_500_000) == "2.5M"
    assert fmt.fmt_range(400_000, None, open_high=True) == "at least 400,000"
    assert fmt.fmt_range(200_000, None, open_high=True, bound="more_than") == "more than 200,000"
    assert fmt.fmt_range(None, 21_000, bound="less_than") == "below 21,000"
    assert fmt.fmt_range(None, None) == "—"
    assert fmt.fmt_range(300_000, 900_000, open_high=True) == "300,000–900,000+"
    assert fmt.fmt_range(40_000, 80_000) == "40,000–80,000"
    assert fmt.fmt_bound(400_000, "at_least") == "at least 400,000"
    assert fmt.fmt_bound(700_000, "approx") == "about 700,000"


def _range_rows(small_seeds) -> pd.DataFrame:
    estimates = frames.build_estimates_frame(small_seeds)
    rows = pick_headlines(estimates, CHART_KEYS)
    rows["hover"] = "h"
    return rows


def test_range_bars_draw_basis_and_units(small_seeds) -> None:
    rows = _range_rows(small_seeds)
    before = rows.copy()
    fig = figures.plot_range_bars(rows, title="T")
    pd.testing.assert_frame_equal(rows, before)
    names = {trace.name for trace in fig.data}
    assert "Reported figure" in names
    assert fig.layout.xaxis.type == "log" and "chips" in fig.layout.xaxis.title.text
    bars = [t for t in fig.data if t.type == "bar"]
    assert all(t.error_x.array is not None for t in bars)


def test_buyer_group_and_assumption(small_seeds) -> None:
    quantities = frames.build_buyer_quantities_frame(small_seeds)
    fig = figures.plot_buyer_quantities(quantities, title="T")
    labels = [y for t in fig.data if t.y is not None for y in t.y if y]
    assert any("(group)" in str(label) for label in labels)
    assert not any("assumed share" in str(label) for label in labels)
    assumed = frames.split_group_figure(quantities, {"bytedance": 0.5, "alibaba": 0.5})
    assert set(assumed["basis"]) == {"assumed"} and all("of the group's" in f for f in assumed["formula"])
    split = figures.plot_buyer_quantities(quantities, title="T", assumed=assumed)
    split_labels = [y for t in split.data if t.y is not None for y in t.y if y]
    assert sum("assumed share" in str(label) for label in split_labels) == 2  # one bar per firm
    assert any(t.name == "Your assumption (scenario)" for t in split.data)


def test_approval_matrix_keeps_rules_on_their_own_row(small_seeds) -> None:
    approvals = frames.build_approvals_frame(small_seeds)
    rows = [("bytedance", "ByteDance"), ("alibaba", "Alibaba"), (frames.ALL_BUYERS, "All buyers (rules)")]
    fig = figures.plot_approval_matrix(approvals, rows, title="T")
    heat = fig.data[0]
    assert list(heat.y) == ["ByteDance", "Alibaba", "All buyers (rules)"]
    rule_column = next(i for i, x in enumerate(heat.x) if "Rule" in x)
    assert heat.text[2][rule_column] == "in effect"  # the rule names no buyer: its own row
    assert heat.text[0][rule_column] == "" and heat.text[1][rule_column] == ""  # never a named buyer's cell
    assert "claim a.rule" in heat.hovertext[2][rule_column]


def test_timeline_and_chips(small_seeds) -> None:
    events = frames.build_events_frame(small_seeds)
    fig = figures.plot_timeline(events, title="T", key_moments=events[events["key_moment"]])
    assert fig.layout.xaxis.title.text == "Event date"
    assert any(a.text == "First batch" for a in fig.layout.annotations)
    chips = frames.build_chips_frame(small_seeds)
    chip_fig = figures.plot_chip_metric(
        chips, metric="bandwidth_tb_s", metric_label="Bandwidth", unit="TB/s", threshold=(6.5, "US limit")
    )
    assert chip_fig.layout.yaxis.title.text == "Bandwidth (TB/s)"
    assert any(shape.y0 == 6.5 for shape in chip_fig.layout.shapes)


def test_scenario_model_and_gap_figure() -> None:
    defaults = {
        "demand": 2e6,
        "stock": 7e5,
        "new_production": 0,
        "rule_share_pct": 33,
        "per_customer_cap": 75000,
        "cleared_firms": 10,
        "china_approved": 4e5,
        "conversion_pct": 100,
    }
    steps = run_scenario(defaults, defaults).set_index("label")
    assert steps.loc["Could arrive", "value"] == pytest.approx(231000)  # 700k x 33 % binds
    assert steps.loc["Gap", "value"] == pytest.approx(2e6 - 231000)
    assert steps.loc["Demand", "basis"] == "reported"
    changed = run_scenario({**defaults, "rule_share_pct": 100}, defaults).set_index("label")
    assert changed.loc["Could arrive", "value"] == 400000  # Beijing's approval binds
    fig = figures.plot_scenario_gap(run_scenario(defaults, defaults), title="T")
    assert {t.name for t in fig.data} == {"Reported figure", "Your assumption (scenario)"}


def test_every_figure_builder_has_an_empty_case() -> None:
    """A new ``plot_*`` builder must be listed in ``figures.EMPTY_CASES``, so it is tested below."""
    builders = {name for name in figures.__all__ if name.startswith("plot_")}
    assert builders == set(figures.EMPTY_CASES)


@pytest.mark.parametrize("builder", list(figures.EMPTY_CASES.values()), ids=list(figures.EMPTY_CASES))
def test_empty_frames_give_a_message(builder) -> None:
    fig = builder()
    assert fig.layout.annotations and fig.layout.annotations[0].text
    assert not fig.data


def test_a_dense_timeline_is_binned_by_week(real_seeds) -> None:
    events = frames.build_events_frame(real_seeds)
    dense = pd.concat([events] * 3, ignore_index=True)
    assert len(dense) > figures.timeline.MAX_POINTS
    fig = figures.plot_timeline(dense, title="T", key_moments=dense[dense["annotate"]])
    points = sum(len(trace.x) for trace in fig.data)
    assert points < len(events)  # one marker per lane, kind and week, not per event
    assert any("events this week" in str(c[0]) for trace in fig.data for c in trace.customdata)
    assert len(fig.layout.annotations) <= figures.timeline.MAX_MOMENTS


def test_approval_matrix_text_reads_on_every_cell_in_both_themes(small_seeds) -> None:
    from components.theme import DARK_INK, DARK_PAPER, INK, PAPER, STATUS_COLOURS, contrast, for_dark, text_on

    for colour in set(STATUS_COLOURS.values()):
        assert contrast(text_on(colour), colour) >= 4.5, colour  # WCAG AA for small text
    approvals = frames.build_approvals_frame(small_seeds)
    rows = [("bytedance", "ByteDance"), (frames.ALL_BUYERS, "All buyers (rules)")]
    light = figures.plot_approval_matrix(approvals, rows, title="T")
    dark = for_dark(light)
    for fig, paper, ink in ((light, PAPER, INK), (dark, DARK_PAPER, DARK_INK)):
        heat, words = fig.data[0], fig.data[1]
        statuses = {s: c for s, c in STATUS_COLOURS.items()}
        shown = {(x, y): c for x, y, c in zip(words.x, words.y, words.textfont.color, strict=True)}
        for (x, y), colour in shown.items():
            row, column = list(heat.y).index(y), list(heat.x).index(x)
            code = heat.z[row][column]
            background = paper if code is None else list(statuses.values())[int(code)]
            assert contrast(colour, background) >= 4.5, (x, y, colour, background)
        assert ink in words.textfont.color or not any(c is None for r in heat.z for c in r)


def test_bar_values_sit_whole_in_the_label_column(small_seeds) -> None:
    """On a phone the bars get a narrow strip; a value drawn past the whisker was cut ('more tha').
    Each value is the bold last line of its bar's label, in lines short enough for a phone."""
    quantities = frames.build_buyer_quantities_frame(small_seeds)
    fig = figures.plot_buyer_quantities(quantities, title="T")
    assert not [t for t in fig.data if "text" in str(getattr(t, "mode", "") or "")]
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    bars = [t for t in fig.data if t.type == "bar" and t.y is not None and t.y[0] is not None]
    assert bars and all(label in ticks for t in bars for label in t.y)
    assert any("<b>more than" in text or "<b>at least" in text for text in ticks.values())
    for text in ticks.values():
        lines = text.split("<br>")
        assert lines[-1].startswith("<b>") and lines[-1].endswith("</b>")
        assert all(len(line) <= 26 for line in lines[:-1]), lines
    # every bar is as tall as its label, so labels of neighbouring bars never overlap
    assert fig.layout.height >= sum(text.count("<br>") + 1 for text in ticks.values()) * 17
