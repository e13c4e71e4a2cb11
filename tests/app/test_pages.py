"""AppTest for every page in the registry: no exception, a chart, a source footer, and the main
widgets change what is shown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import BY_ID, PAGES

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _open(page_path: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()  # registers the navigation
    for key, value in (params or {}).items():
        at.query_params[key] = value  # then open the page with the link's parameters
    at.switch_page(page_path).run()
    return at


def _open_link(params: dict[str, str]) -> AppTest:
    """Open the landing page the way a shared link does: parameters present on the first run."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _caption_text(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_page_renders_chart_and_sources(page) -> None:
    at = _open(page.path)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == page.title
    charts = _charts(at)
    assert all(chart["layout"]["title"]["text"] for chart in charts)
    if page.has_chart:  # pages without a chart (What's new, Add a report) say so in the registry
        assert charts, "no chart"
        assert "Sources (" in _caption_text(at)
    assert any("Data as of" in m.value and "latest report" in m.value for m in at.markdown)


def _trace_count(at: AppTest) -> int:
    return sum(len(chart["data"]) for chart in _charts(at))


def test_as_of_date_changes_overview() -> None:
    at = _open(BY_ID["overview"].path)
    later = [m.value for m in at.metric]
    at.date_input(key="as_of").set_value(__import__("datetime").date(2026, 1, 10)).run()
    assert not at.exception
    earlier = [m.value for m in at.metric]
    assert earlier != later
    # before the 28 Jan approval and the February testimony there is no first batch and no delivery count
    titles = [m.label for m in at.metric]
    assert "China's first approved batch" not in titles
    assert "Data as of **10 Jan 2026**" in " ".join(m.value for m in at.markdown)


def test_confidence_filter_drops_claims() -> None:
    at = _open(BY_ID["sources"].path)

    def count() -> int:
        line = next(c.value for c in at.caption if " claims from " in c.value)
        return int(line.split(" of ")[0])

    everything = count()
    at.segmented_control(key="confidence").set_value("firm").run()
    assert not at.exception
    assert 0 < count() < everything


def test_link_restores_filters_and_garbled_link_falls_back() -> None:
    at = _open_link({"as_of": "2026-02-01", "confidence": "Hide low confidence"})
    assert not at.exception
    assert str(at.date_input(key="as_of").value) == "2026-02-01"
    assert at.segmented_control(key="confidence").value == "no-low"  # an old link's label, read as its id
    assert at.query_params["confidence"] == "no-low"  # and the address bar now carries the short id
    assert "Data as of **01 Feb 2026**" in " ".join(m.value for m in at.markdown)
    bad = _open_link({"as_of": "2026-99-99", "confidence": "<script>"})
    assert not bad.exception
    notices = " ".join(i.value for i in bad.info)
    assert "Ignored `as_of=2026-99-99`" in notices and "Ignored `confidence=<script>`" in notices
    assert bad.segmented_control(key="confidence").value == "all"


def test_buyer_selection_filters_claims() -> None:
    at = _open(BY_ID["buyers"].path)

    def count() -> int:
        return int(next(c.value for c in at.caption if " claims name " in c.value).split()[0])

    before = count()
    at.multiselect(key="buyers").set_value(["DeepSeek"]).run()
    assert not at.exception
    assert 0 < count() < before
    assert "Claims about DeepSeek" in [s.value for s in at.subheader]


def test_split_assumption_is_labelled() -> None:
    at = _open(BY_ID["buyers"].path)
    labels_before = json.dumps(_charts(at))
    assert "assumed share" not in labels_before
    at.toggle(key="split").set_value(True).run()
    assert not at.exception
    spec = json.dumps(_charts(at))
    assert "assumed share of group" in spec and "Assumption, not reported" in spec


def test_scenario_slider_changes_the_gap() -> None:
    at = _open(BY_ID["supply_demand"].path)
    assert "All inputs at their cited defaults." in _caption_text(at)
    gap_text = next(c for c in _caption_text(at).splitlines() if "gap to demand" in c)
    at.slider(key="s_china_approved").set_value(100000.0).run()
    assert not at.exception
    new_gap = next(c for c in _caption_text(at).splitlines() if "gap to demand" in c)
    assert new_gap != gap_text
    assert "Your assumptions: Volume Beijing has approved." in _caption_text(at)


def test_bad_seed_file_shows_banner_and_keeps_the_rest(tmp_path, monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "sources" / "2026-02-02-broken.yaml").write_text("source: [unclosed\n")
    monkeypatch.setenv("H200_SEEDS_DIR", str(seeds))
    at = _open(BY_ID["overview"].path)
    assert not at.exception
    banner = " ".join(e.value for e in at.error)
    assert "1 problem in the seed files" in banner  # one problem, in the singular
    assert "seeds/sources/2026-02-02-broken.yaml:1: (file): the '[' opened on this line is never closed" in banner
    assert len(at.metric) == 6  # the valid data still renders


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_page_runs_on_its_own(page) -> None:
    """`python -m streamlit run pages/<name>/page.py` works without the router."""
    at = AppTest.from_file(str(page.file), default_timeout=90).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == page.title
    assert bool(at.get("plotly_chart")) or not page.has_chart


def test_a_scenario_input_lost_to_a_seed_problem_leaves_the_page_standing(tmp_path, monkeypatch) -> None:
    """One scenario parameter with a misspelt key is skipped by the loader; the page used to stop
    with Streamlit's error box and no chart. Now the figures chart is drawn, the problem is in the
    banner and the scenario says which input it lacks."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    scenarios = seeds / "reference" / "scenarios.yaml"
    text = scenarios.read_text()
    scenarios.write_text(text.replace("    default: 400000\n", "    default: 400000\n    bownd: more_than\n", 1))
    monkeypatch.setenv("H200_SEEDS_DIR", str(seeds))
    at = _open("pages/supply_demand/page.py", {"as_of": "2026-09-28"})
    assert not at.exception, [e.value for e in at.exception]
    assert "scenarios.yaml" in " ".join(e.value for e in at.error)
    assert any("`china_approved`" in w.value for w in at.warning), [w.value for w in at.warning]
    charts = _charts(at)
    assert len(charts) == 1 and any(trace.get("y") for trace in charts[0]["data"])
