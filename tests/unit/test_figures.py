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
        if lines[-1].startswith("(reports: "):  # the reports' span, under the value its bar is drawn at
            lines = lines[:-1]
        assert lines[-1].startswith("<b>") and lines[-1].endswith("</b>")
        assert all(len(line) <= 26 for line in lines[:-1]), lines
    # every bar is as tall as its label, so labels of neighbouring bars never overlap
    assert fig.layout.height >= sum(text.count("<br>") + 1 for text in ticks.values()) * 17


def test_a_bar_is_labelled_with_the_value_it_is_drawn_at() -> None:
    """The overview's US cap bar is drawn at the strongest report (up to 75,000) with a whisker to
    the widest (up to 100,000); its label read "up to 100,000", a value no bar showed."""
    rows = pd.DataFrame(
        {
            "label": ["US cap per customer", "Orders requested"],
            "low": [pd.NA, 2_000_000.0],
            "high": [100_000.0, 2_000_000.0],
            "best": [75_000.0, 2_000_000.0],
            "best_bound": ["at_most", "more_than"],
            "open_high": [False, False],
            "basis": ["reported", "reported"],
            "unit": ["chips", "chips"],
            "hover": ["h", "h"],
        }
    )
    fig = figures.plot_range_bars(rows, title="T")
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert ticks["US cap per customer"].split("<br>")[-2:] == ["<b>up to 75,000</b>", "(reports: up to 100,000)"]
    assert ticks["Orders requested"].split("<br>")[-1] == "<b>more than 2M</b>"
    bar = next(t for t in fig.data if t.type == "bar" and "US cap per customer" in list(t.y))
    assert list(bar.x)[list(bar.y).index("US cap per customer")] == 75_000
    assert fmt.bar_words({"best": 0, "low": 0, "high": 0, "unit": "chips", "best_bound": "exact"}) == ("0 (none)", "")


def test_the_overview_cap_bar_reads_as_its_card(real_seeds) -> None:
    """On the real seeds at 28 Sep 2026 the card says up to 75,000; the chart's bar says it too."""
    import datetime as dt

    from pages.overview.helpers import headline_chart

    figure, _ = headline_chart(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 9, 28)))
    cap = next(t for t in figure.layout.yaxis.ticktext if t.startswith("US cap per customer"))
    assert "<b>up to 75,000</b>" in cap and "(reports: up to 100,000)" in cap


def test_a_point_estimate_is_a_hatched_bar_and_reads_as_an_estimate() -> None:
    """Huawei's roadmap targets (one figure each, no datasheet) were 2 % slivers floating at their
    height on the chart, and plain figures ("14.4") in the specs table, read as published."""
    from pages.chips.helpers import spec_table

    chips = pd.DataFrame(
        {
            "chip_id": ["h200", "ascend-970", "ascend-910b"],
            "chip": ["Nvidia H200", "Huawei Ascend 970", "Huawei Ascend 910B"],
            "vendor": ["Nvidia", "Huawei", "Huawei"],
            "metric": ["bandwidth_tb_s"] * 3,
            "value": [4.8, 14.4, pd.NA],
            "low": [4.8, 14.4, 0.4],
            "high": [4.8, 14.4, 1.2],
            "estimate": [False, True, True],
            "note": [pd.NA, "roadmap target", pd.NA],
            "source_ids": [["a"], ["b"], ["c"]],
        }
    )
    fig = figures.plot_chip_metric(chips, metric="bandwidth_tb_s", metric_label="Memory bandwidth", unit="TB/s")
    hatched = next(t for t in fig.data if t.name.startswith("Estimate"))
    drawn = dict(zip(hatched.x, zip(hatched.base, hatched.y, strict=True), strict=True))
    assert drawn["Huawei Ascend 970"] == (0, 14.4)  # from zero to the target
    assert drawn["Huawei Ascend 910B"][0] == 0.4 and abs(drawn["Huawei Ascend 910B"][1] - 0.8) < 1e-9  # a span
    table = spec_table(chips).set_index("chip")["Memory bandwidth (TB/s)"]
    assert table["Huawei Ascend 970"] == "14.4 (estimate)"
    assert table["Huawei Ascend 910B"] == "0.40–1.2 (estimate)"
    assert table["Nvidia H200"] == "4.8"


def test_a_scenario_bar_at_its_cited_figure_keeps_the_bound(real_seeds) -> None:
    """Demand at its cited default is Reuters' "more than 2 million": the bar read "2M" and the
    title "against 2M demanded". Moved by the user, it is an assumption with no bound."""
    import datetime as dt

    from pages.supply_demand.view import scenario

    defaults = {"demand": 2e6, "stock": 7e5, "new_production": 0, "rule_share_pct": 33}
    defaults |= {"per_customer_cap": 75000, "cleared_firms": 10, "china_approved": 4e5, "conversion_pct": 100}
    bounds = {"demand": "more_than", "stock": "approx", "china_approved": "more_than"}
    steps = run_scenario(defaults, defaults, bounds).set_index("label")
    assert steps.loc["Demand", "bound"] == "more_than" and steps.loc["Available supply", "bound"] == "approx"
    assert steps.loc["Could arrive", "bound"] == "exact"
    moved = run_scenario({**defaults, "demand": 3e6}, defaults, bounds).set_index("label")
    assert moved.loc["Demand", "bound"] == "exact" and moved.loc["Demand", "basis"] == "assumed"
    fig = figures.plot_scenario_gap(steps.reset_index(), title="T")
    texts = [text.replace("<br>", " ") for trace in fig.data for text in trace.text]
    assert "more than 2M" in texts and "about 700,000" in texts and "more than 400,000" in texts
    assert "2M" not in texts
    # on a phone Plotly shrank each value to its column's width (a few pixels): the steps are rows,
    # each value drawn after its bar at a fixed size, never shrunk, with the room for it on the axis
    for trace in fig.data:
        assert trace.orientation == "h" and list(trace.y) and not isinstance(trace.y[0], float)
        assert trace.constraintext == "none" and trace.textfont.size >= 12
    phone_plot_px = 220  # a 390 px phone: the chart's width less the step names and margins
    for trace in fig.data:
        for value, text in zip(trace.x, trace.text, strict=True):
            bar_px = value / fig.layout.xaxis.range[1] * phone_plot_px
            text_px = len(text) * trace.textfont.size * 0.55  # an average letter of this font
            assert bar_px + text_px <= phone_plot_px + fig.layout.template.layout.margin.r, (text, value)
    assert list(fig.layout.yaxis.categoryarray)[-1] == "Demand"  # read top-down: demand first

    chart, _, _ = scenario(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 9, 28)), {})
    assert "against more than 2M demanded" in chart.title
    early, _, _ = scenario(real_seeds, frames.ClaimFilter(as_of=dt.date(2025, 12, 1)), {})
    assert "more than" not in early.title  # no report yet: a placeholder, no bound


def test_a_group_figure_stays_bright_when_its_members_are_picked(real_seeds) -> None:
    """Briefing step 5 picks ByteDance, Alibaba and Tencent and speaks of their group approval;
    that group's bar was drawn faded (its id is none of the three), and its hover said "at least"
    for Reuters' "more than 400,000"."""
    import datetime as dt

    quantities = frames.build_buyer_quantities_frame(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 6, 5)))
    fig = figures.plot_buyer_quantities(quantities, title="T", selected=["bytedance", "alibaba", "tencent"])
    approved = next(t for t in fig.data if t.name == "Approved by Beijing")
    group = list(approved.customdata).index("alibaba+bytedance+tencent")
    assert approved.marker.opacity[group] == 1.0
    assert "more than 400,000" in approved.hovertext[group]
    caps = next(t for t in fig.data if t.name == "US cap")
    faded = dict(zip(caps.customdata, caps.marker.opacity, strict=True))
    assert faded["jd-com"] < 1.0 and faded["bytedance"] == 1.0  # others still fade


def test_every_kind_of_event_has_a_marker_of_its_own() -> None:
    """Marker shape is the timeline's only key to the kind of event: "status" (a circle-dot) read
    as the same blue circle as "statement". Two kinds may share a shape only as filled and open."""
    import re
    from typing import get_args

    from components.theme import EVENT_SYMBOLS as KIND_SYMBOLS
    from data.vocabulary import ClaimKind

    kinds = set(get_args(ClaimKind))
    assert kinds <= set(KIND_SYMBOLS), kinds - set(KIND_SYMBOLS)
    shapes: dict[str, list[str]] = {}
    for symbol in KIND_SYMBOLS.values():
        match = re.fullmatch(r"(.+?)(-open)?(-dot)?", symbol)
        assert match is not None
        shapes.setdefault(match.group(1), []).append((match.group(2) or "") + (match.group(3) or ""))
    for base, variants in shapes.items():
        assert sorted(variants) == sorted(set(variants)) and set(variants) <= {"", "-open"}, (base, variants)


def test_no_two_kinds_of_event_both_read_as_a_star(real_seeds) -> None:
    """ "status" was a hexagram beside the orders' star: two stars, read as one meaning. At most
    one kind draws a star-like shape (filled and open count as one), and the legend names each
    kind in words ("Status update", "Order"), never the raw kind id."""
    import re

    from components.labels import KINDS
    from components.theme import EVENT_SYMBOLS, STAR_LIKE_SYMBOLS

    starry = {kind for kind, symbol in EVENT_SYMBOLS.items() if re.sub(r"-open$", "", symbol) in STAR_LIKE_SYMBOLS}
    assert {"order", "demand_signal"} <= starry
    assert starry == {"order", "demand_signal"}, starry  # the order family, and nothing else
    events = frames.build_events_frame(real_seeds)
    fig = figures.plot_timeline(events, title="T")
    names = {trace.name for trace in fig.data if trace.mode == "markers"}
    assert {"status", "order"} <= set(events["kind"])
    assert names == {KINDS[kind] for kind in set(events["kind"])}, names


def test_a_held_approval_reading_keeps_its_bound_in_the_hover(real_seeds) -> None:
    """The China step is held from the newest firm reading to the as-of date; that held point's
    hover said only "latest reading, held to the as-of date" over "400,000 chips", losing "more than"."""
    import datetime as dt

    from pages.approvals.view import volume_figure

    figure, _ = volume_figure(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 9, 28)))
    china = next(t for t in figure.data if t.name == "China side")
    held = china.customdata[-1][0]
    assert "held to the as-of date" in held and ("more than 400,000" in held or "about 400,000" in held), held


def test_the_approvals_title_names_beijings_step_in_a_word(real_seeds) -> None:
    """At 5 Jun 2026 Beijing's newest step is a pause; the title read "latest step: paused / final"
    (the stage's name) on briefing step 4."""
    import datetime as dt

    from pages.approvals.view import matrix_figure

    figure, _ = matrix_figure(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 6, 5)))
    title = figure.layout.title.text.split("<br><span")[0].replace("<br>", " ")
    assert title.endswith("Beijing's latest step: paused"), title


def test_a_chip_axis_title_fits_a_short_plot(real_seeds) -> None:
    """The deck's TPP slide cut its axis title to "Total processing performance (T": the plot under
    the upright chip names is short, so the title comes in lines of at most 18 characters."""
    import datetime as dt

    chips = frames.build_chips_frame(real_seeds, frames.ClaimFilter(as_of=dt.date(2026, 6, 5)))
    fig = figures.plot_chip_metric(chips, metric="tpp", metric_label="Total processing performance", unit="TPP")
    lines = fig.layout.yaxis.title.text.split("<br>")
    assert " ".join(lines) == "Total processing performance (TPP)" and max(map(len, lines)) <= 18
