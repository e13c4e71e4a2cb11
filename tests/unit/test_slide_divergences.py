"""The divergences between a page and its slide reproduced in issue 18, each pinned by a test:
a briefing step's slide is built from the step page's own view, with every parameter the step's
link carries (confidence, labels read as ids, search, dates, buyers, zero rows, the US limit)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components.briefings import briefing_slides, step_view
from components.view import build_view
from data.models import Briefing, BriefingStep


def _deck(real_seeds, *steps: tuple[str, dict]) -> list:
    briefing = Briefing(
        id="divergences",
        title="Divergences",
        as_of=dt.date(2026, 6, 5),
        steps=[BriefingStep(page=page, caption=f"Step on the {page} page", params=params) for page, params in steps],
    )
    return briefing_slides(briefing, real_seeds, lambda n: f"https://h200.example/?step={n}")


def test_a_step_pinned_to_named_and_official_only_keeps_its_filter(real_seeds) -> None:
    (slide,) = _deck(real_seeds, ("overview", {"as_of": "2026-06-05", "confidence": "Named & official only"}))
    page = build_view("overview", real_seeds, {"as_of": "2026-06-05", "confidence": "firm"})
    titles = [kpi[0] for kpi in slide.kpis or []]
    assert titles == [card.title for card in page.cards]
    assert "Chinese orders requested" not in titles  # anonymous-sourced, so not on the firm view
    everything = build_view("overview", real_seeds, {"as_of": "2026-06-05"})
    assert len(everything.cards) > len(page.cards)


def test_a_timeline_step_named_by_labels_shows_its_events(real_seeds) -> None:
    params = {"as_of": "2026-06-05", "window": "All dates", "lanes": ["Nvidia"], "kinds": ["Statement"]}
    (slide,) = _deck(real_seeds, ("timeline", params))
    view = build_view("timeline", real_seeds, params)
    events = view.table("timeline").frame
    assert not view.notices and len(events) > 0
    assert set(events["lane"]) == {"nvidia"} and set(events["kind"]) == {"statement"}
    assert slide.source_line != "Sources: none"
    assert not slide.takeaway.startswith("No events")
    assert sum(len(trace.x) for trace in slide.figure.data if trace.x is not None) >= len(events)


def test_search_dates_buyers_and_zero_rows_reach_the_slide_and_the_download(real_seeds) -> None:
    customs = build_view("timeline", real_seeds, {"as_of": "2026-06-05", "q": "customs", "window": "all"})
    table = customs.table("timeline")
    assert 0 < len(table.frame) < len(table.full)
    assert table.frame["summary"].str.contains("customs", case=False).sum() >= 1
    dated = build_view("timeline", real_seeds, {"as_of": "2026-06-05", "dates": ["2026-01-01", "2026-01-31"]})
    assert dated.table("timeline").frame["date"].between("2026-01-01", "2026-01-31").all()
    bytedance = build_view("buyers", real_seeds, {"as_of": "2026-06-05", "buyers": "bytedance"})
    rows = bytedance.table("buyers")
    assert 0 < len(rows.frame) < len(rows.full)
    assert all("bytedance" in str(o) for o in rows.frame["organisation_id"])
    hidden = build_view("buyers", real_seeds, {"as_of": "2026-06-05"})
    shown = build_view("buyers", real_seeds, {"as_of": "2026-06-05", "zeros": "true"})
    assert hidden.charts[0].notes and not shown.charts[0].notes  # zero rows: one line, or a bar each
    (slide,) = _deck(real_seeds, ("buyers", {"as_of": "2026-06-05"}))
    assert slide.notes[: len(hidden.charts[0].notes)] == list(hidden.charts[0].notes)


def test_split_and_scenario_inputs_reach_the_slide(real_seeds) -> None:
    split = build_view(
        "buyers", real_seeds, {"as_of": "2026-06-05", "split": "true", "share_bytedance": "60", "share_alibaba": "20"}
    )
    assert "assumed share of group" in split.charts[0].figure.to_json()
    plain = build_view("supply_demand", real_seeds, {"as_of": "2026-06-05"})
    moved = build_view("supply_demand", real_seeds, {"as_of": "2026-06-05", "s_china_approved": "100000"})
    assert plain.charts[1].title != moved.charts[1].title


def test_the_chips_slide_keeps_the_us_limit_line(real_seeds) -> None:
    (slide,) = _deck(real_seeds, ("chips", {"as_of": "2026-06-05", "metric": "tpp"}))
    assert any(shape.type == "line" for shape in slide.figure.layout.shapes), "the US limit is drawn"
    assert any("21,000" in note for note in slide.notes)


def test_step_8_names_its_conflict_by_a_short_id_and_an_unknown_one_says_so(real_seeds) -> None:
    briefing = real_seeds.briefings["h200-status"]
    step = briefing.steps[7]
    assert step.params["conflict"] == "c1-c17"
    view = step_view(briefing, 7, real_seeds)
    assert not view.notices
    chart = view.slide_chart
    assert chart is not None and "C1" not in chart.title and "cn-first-batch" not in chart.title
    assert set(view.table("conflict").frame["conflict_id"]) == {"c1-c17"}
    xaxis = chart.figure.layout.xaxis.range
    assert xaxis is None or xaxis[1] - xaxis[0] > 1_000  # never an axis of 399.999k–400.0005k
    unknown = build_view("sources", real_seeds, {"as_of": "2026-06-05", "conflict": "c99"})
    assert any("Ignored `conflict=c99`" in notice for notice in unknown.notices)


@pytest.mark.parametrize("old", ["C1, C17 · cn-first-batch-chips", "C17", "c1-c17"])
def test_old_conflict_links_are_read(real_seeds, old: str) -> None:
    view = build_view("sources", real_seeds, {"as_of": "2026-06-05", "conflict": old})
    assert not view.notices and set(view.table("conflict").frame["conflict_id"]) == {"c1-c17"}


def test_the_timeline_marks_at_most_a_handful_of_key_moments_with_leader_lines(real_seeds) -> None:
    view = build_view("timeline", real_seeds, {"as_of": "2026-06-05", "window": "all"})
    figure = view.charts[0].figure
    labels = [a for a in figure.layout.annotations if a.yref == "paper" and a.y is not None and a.y > 1]
    lines = [s for s in figure.layout.shapes if s.type == "line" and s.line.dash == "dot"]
    assert 0 < len(labels) <= 6 and len(lines) == len(labels)


def test_a_single_event_gets_a_readable_date_axis(real_seeds) -> None:
    every = build_view("timeline", real_seeds, {"as_of": "2026-06-05", "window": "all"}).table("timeline").frame
    counts = every.groupby(["date", "lane"]).size()
    day, lane = counts[counts == 1].index[0]  # a day with one event on one lane
    iso = f"{day:%Y-%m-%d}"
    view = build_view(
        "timeline", real_seeds, {"as_of": "2026-06-05", "window": "all", "lanes": lane, "dates": [iso, iso]}
    )
    assert len(view.table("timeline").frame) == 1
    low, high = view.charts[0].figure.layout.xaxis.range
    assert (pd.Timestamp(high) - pd.Timestamp(low)).days >= 30
