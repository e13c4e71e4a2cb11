"""Your own briefing: captions stay with their steps when reordered (editor, preview, deck,
YAML), and its link carries its steps, so it opens and presents in a new session."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from components.briefings import briefing_slides, composed, decode_steps
from components.ui.briefing import step_link
from data.models import BriefingStep
from pages.briefing.helpers import briefing_yaml

ROOT = Path(__file__).resolve().parents[2]
ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")
STEPS = [
    {
        "uid": "aaaa1111",
        "page": "chips",
        "caption": "Caption for the chips step",
        "params": {"as_of": "2026-06-05", "metric": "tpp"},
    },
    {
        "uid": "bbbb2222",
        "page": "timeline",
        "caption": "Caption for the timeline step",
        "params": {"as_of": "2026-04-01", "lanes": ["nvidia"]},
    },
]


def _briefings_page(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("H200_TEST_PAGE", "briefing")
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=120)
    at.session_state["_composed_steps"] = [dict(s, params=dict(s["params"])) for s in STEPS]
    at.query_params["pick"] = "my-briefing"
    return at.run()


def _captions(at: AppTest) -> list[str]:
    return [t.value for t in at.text_input if t.key and t.key.startswith("compose-caption-")]


def test_reordering_moves_each_caption_with_its_step(monkeypatch) -> None:
    at = _briefings_page(monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert _captions(at) == [STEPS[0]["caption"], STEPS[1]["caption"]]
    at.button(key="compose-down-0").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _captions(at) == [STEPS[1]["caption"], STEPS[0]["caption"]]
    steps = at.session_state["_composed_steps"]
    assert [(s["page"], s["caption"]) for s in steps] == [
        (STEPS[1]["page"], STEPS[1]["caption"]),
        (STEPS[0]["page"], STEPS[0]["caption"]),
    ]
    preview = " ".join(m.value for m in at.markdown)
    assert "Step 1: Caption for the timeline step" in preview
    # the deck and the YAML pair each caption with its own chart
    briefing = composed(
        [BriefingStep(page=s["page"], caption=s["caption"], params=s["params"]) for s in steps],
        STEPS[0]["params"]["as_of"],
    )
    data = yaml.safe_load(briefing_yaml(briefing))["briefing"]["steps"]
    assert [(s["page"], s["caption"]) for s in data] == [(s["page"], s["caption"]) for s in steps]
    from data.load import load_seeds

    slides = briefing_slides(briefing, load_seeds(ROOT / "seeds"), lambda n: "")
    assert slides[0].title == STEPS[1]["caption"] and "events" in slides[0].takeaway
    assert slides[1].title == STEPS[0]["caption"] and "Total processing performance" in slides[1].takeaway


def test_a_composed_briefing_can_be_presented_and_its_link_opens_in_a_new_session(monkeypatch) -> None:
    at = _briefings_page(monkeypatch)
    present = [b for b in at.get("link_button") if "Present" in b.proto.label]
    assert present, "a composed briefing has a Present button"
    url = present[0].proto.url
    query = parse_qs(urlsplit(url).query)
    assert query["briefing"] == ["my-briefing"] and query["present"] == ["1"]
    assert [s.caption for s in decode_steps(query["b"][0])] == [s["caption"] for s in STEPS]
    # a new session (no composed steps in it) opens the link
    monkeypatch.setenv("H200_TEST_PAGE", "chips")
    fresh = AppTest.from_file(ONE_PAGE_APP, default_timeout=120)
    for key, values in query.items():
        fresh.query_params[key] = values if len(values) > 1 else values[0]
    fresh.run()
    assert not fresh.exception, [e.value for e in fresh.exception]
    assert not [i.value for i in fresh.info if "Ignored the briefing" in i.value]
    bar = " ".join(m.value for m in fresh.markdown)
    assert "Caption for the chips step" in bar and "step 1 of 2" in bar
    assert fresh.session_state["metric"] == "tpp"


def test_a_garbled_composed_link_says_so(monkeypatch) -> None:
    monkeypatch.setenv("H200_TEST_PAGE", "chips")
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=120)
    at.query_params.update({"briefing": "my-briefing", "step": "1", "b": "not-a-briefing"})
    at.run()
    assert not at.exception
    assert any(
        "Ignored the briefing in the link" in i.value and "not a briefing this app wrote" in i.value for i in at.info
    )


def test_step_links_in_the_deck_carry_the_composed_steps() -> None:
    briefing = composed(
        [BriefingStep(page=s["page"], caption=s["caption"], params=s["params"]) for s in STEPS], "2026-06-05"
    )
    link = step_link("https://h200.example", briefing, 2)
    query = parse_qs(urlsplit(link).query)
    assert urlsplit(link).path == "/timeline" and query["step"] == ["2"]
    assert len(decode_steps(query["b"][0])) == 2
