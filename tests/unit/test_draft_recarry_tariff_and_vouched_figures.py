"""The duplicate check on a tariff and on a figure told with what happened (run s9-e): a tariff
levied on the chips is an event (one planned or threatened is not), and a shared figure the text
gives in a sentence telling a rare event of this source is vouched for and counted among the
stories telling that event. Each with a case and a near miss. The sentences are written for these
tests, not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import figure_events, story
from data.draft.events import events_in
from data.draft.model import Figure
from tests.unit.recarry_sources import TRUMP_GO_AHEAD, told

SECTION_232 = "2026-01-14-white-house-section-232-chip-tariff"
CUT = "us-revenue-cut-pct"

# --------------------------------------------------------------------------- a tariff imposed


@pytest.mark.parametrize(
    "sentence",
    [
        "The administration imposed a 25% tariff on the processors.",
        "Washington has slapped a steep import duty on the accelerators.",
        "The levy rests on Section 232 of the trade law.",
        "The new tariff took effect at midnight.",
        "A 25 percent tariff will apply to chips routed through the country.",
        "The deal was formalized through a 25% tariff on the chips.",
        "The proclamation imposes a 25 percent duty on the processors.",
    ],
)
def test_a_tariff_levied_on_the_chips_is_one_event(sentence: str) -> None:
    assert "tariff-imposed" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The duty would be levied when the chips pass through the US.",
        "He threatened tariffs of up to 100% on foreign chips.",
        "The government takes a 25% cut of each sale.",
        "Lawyers asked whether a tariff will apply to the resold chips.",
        "No tariff applies to chips used at home.",
        "The deal was formalized through a share of the revenue.",
        "The duty would be imposed only if talks failed.",
    ],
)
def test_a_tariff_planned_or_threatened_or_a_sales_cut_is_not_it(sentence: str) -> None:
    assert "tariff-imposed" not in events_in(sentence)


def test_the_proclamation_story_tells_the_tariff_and_the_sales_cut_story_does_not(real_seeds) -> None:
    index = story.story_index(real_seeds)
    assert "tariff-imposed" in index.stories[SECTION_232].events
    assert "tariff-imposed" not in index.stories[TRUMP_GO_AHEAD].events  # its tariff "would be levied"


# --------------------------------------------------------------------------- a figure told with its event


def _counted(real_seeds, text: str, sid: str) -> tuple[bool, int]:
    from data.draft.source_index import index as _index

    figures = [("a", Figure(unit="percent", bound="exact", wording="25%", value=25))]
    with_events = figure_events.told_with(text, figures, {"a": CUT})
    fact = (CUT, "percent", 25.0)
    where = (story.story_index(real_seeds), sid, told(text, real_seeds))
    beside, told_by = figure_events.counted({fact}, with_events, where, _index(real_seeds))
    return beside, told_by[fact]


def test_a_figure_told_with_a_rare_event_of_the_story_is_vouched_and_rarer(real_seeds) -> None:
    from data.draft.source_index import index as _index

    text = "The White House has imposed a 25% tariff on H200 chips bound for China."
    beside, count = _counted(real_seeds, text, SECTION_232)
    assert beside
    assert count < _index(real_seeds).fact_count[(CUT, "percent", 25.0)]
    # near miss: the same number beside a go-ahead, which many stories tell, is background
    other = "The White House approved H200 sales to China, with 25% of the revenue going to the government."
    beside, count = _counted(real_seeds, other, TRUMP_GO_AHEAD)
    assert not beside
    assert count == _index(real_seeds).fact_count[(CUT, "percent", 25.0)]


def test_the_tariff_with_its_figure_names_the_proclamation(real_seeds, monkeypatch) -> None:
    from data.draft import duplicates

    def scores(text: str) -> dict[str, float]:
        figures = [("a", Figure(unit="percent", bound="exact", wording="25%", value=25))]
        found = duplicates.find_duplicates(
            real_seeds, url=None, title=None, publisher=None, published=None, origin=None, carrier={},
            text=text, figures=figures, metrics={"a": CUT},
        )  # fmt: skip
        return {d.source_id: d.score for d in found}

    tariff = "The White House has imposed a 25% tariff on H200 chips bound for China."
    assert scores(tariff).get(SECTION_232, 0.0) >= duplicates.THRESHOLD
    # near miss: a tariff only threatened, with the same number, names no proclamation
    threat = "The White House may one day consider a 25% tariff on H200 chips bound for China."
    assert SECTION_232 not in scores(threat)


# --------------------------------------------------------------------------- a firm's own act, the text's lead

HALT = "2026-03-05-ft-nvidia-halts-china-h200-production"
SUPPLIERS = "2026-01-16-ft-h200-suppliers-pause-after-customs-block"
BILL = "2026-07-15-github-briefing-stop-stealing-our-chips-act"


def _signals(real_seeds, sid: str, text: str) -> list[str]:
    names = {oid: org.name for oid, org in real_seeds.organisations.items()}
    return [why for _, why in story.story_signals(story.story_index(real_seeds), sid, told(text, real_seeds), names)]


def test_a_firms_own_act_in_the_lead_told_only_by_this_story_is_its_scoop(real_seeds) -> None:
    text = "Nvidia has stopped making its H200 processors.\n\nAnalysts see a longer wait ahead."
    assert any("the text's lead" in why for why in _signals(real_seeds, HALT, text))
    # near miss: the same act told further down is background, one rare event as before
    later = "Analysts see a longer wait ahead.\n\nMarkets moved.\n\nNvidia has stopped making its H200 processors."
    assert not any("the text's lead" in why for why in _signals(real_seeds, HALT, later))


def test_someone_elses_halt_or_a_governments_bill_is_no_scoop(real_seeds) -> None:
    # the suppliers' story tells the halt of the suppliers, not of the chipmaker the text names
    text = "Nvidia has stopped making its H200 processors.\n\nAnalysts see a longer wait ahead."
    assert not any("the text's lead" in why for why in _signals(real_seeds, SUPPLIERS, text))
    # a bill that advanced is a government's act, even with the firms it concerns named beside it
    bill = "A House committee advanced a bill on chip exports, a blow to Nvidia and AMD."
    assert not any("the text's lead" in why for why in _signals(real_seeds, BILL, bill))
