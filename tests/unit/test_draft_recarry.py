"""Re-carries told in other words (issue 17 item 5, "every re-carry named"): each signal the
duplicate check reads from the text, with a case it must catch and a near miss it must not.

The short texts are written for these tests (no article's sentences); the fixtures under
tests/fixtures/real_articles/ are the published excerpts the benchmark scores.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bench.draft_real import read_fixture
from data.draft import draft_from_text, story, story_against, story_hints
from data.draft.events import events_in
from tests.unit.recarry_sources import FT_LIMITS, NONE_SO_FAR, PAUSE, PREPAY, REAL


def _offered(text: str, seeds, **form) -> dict[str, str]:
    return {d.source_id: d.why for d in draft_from_text(text, seeds, **form).duplicates}


def _fixture(name: str, seeds) -> dict[str, str]:
    _, body = read_fixture(REAL / f"{name}.txt")
    return _offered(body, seeds)  # a plain paste: no URL, publisher or date


# --------------------------------------------------------------------------- the same actors doing the same things


def test_the_same_actors_doing_the_same_things_name_the_story(real_seeds) -> None:
    text = (
        "Nvidia now wants Chinese customers to settle H200 orders with full payment before anything ships. "
        "Orders cannot be cancelled and there are no refunds; a pledge of insurance may stand in for cash."
    )
    offered = _offered(text, real_seeds)
    assert PREPAY in offered
    assert "the same actors doing the same things (nvidia, other chinese firms (unnamed): " in offered[PREPAY].lower()
    assert "full payment up front" in offered[PREPAY]


def test_the_same_things_done_by_someone_else_are_not_that_story(real_seeds) -> None:
    # The same terms, set by another firm for its own customers: Nvidia's story does not fit.
    text = (
        "AMD now wants European customers to settle MI350 orders with full payment before anything ships. "
        "Orders cannot be cancelled and there are no refunds; a pledge of insurance may stand in for cash."
    )
    assert PREPAY not in _offered(text, real_seeds)


def test_what_happened_before_is_background_not_the_story(real_seeds) -> None:
    # 02 mentions the January customs block only as earlier news ("according to earlier reports").
    offered = _fixture("02-thecryptagon-first-batch", real_seeds)
    assert "2026-01-14-reuters-china-customs-blocks-h200" not in offered
    assert "2026-01-28-reuters-china-approves-first-h200-batch" in offered


# --------------------------------------------------------------------------- the outlet the text cites for it


def test_the_outlet_cited_for_the_same_event_names_its_story(real_seeds) -> None:
    offered = _fixture("17-hammerdown-ft-china-limits", real_seeds)  # "The Financial Times reported ..."
    assert FT_LIMITS in offered
    assert f"cites Financial Times {story.CITES} (who may buy restricted)" in offered[FT_LIMITS]


def test_the_same_outlet_on_another_event_is_not_that_story(real_seeds) -> None:
    text = "Chinese cloud firms have started receiving Nvidia H200 servers in Shanghai, The Information reported."
    assert PAUSE not in _offered(text, real_seeds)


def test_a_text_that_cites_other_outlets_is_not_offered_a_story_from_elsewhere(real_seeds) -> None:
    # 06 tells the Reuters customs story; The Information's special-cases story of the same day was offered.
    offered = _fixture("06-thenews-pk-customs-block", real_seeds)
    assert "2026-01-14-reuters-china-customs-blocks-h200" in offered
    assert "2026-01-14-the-information-h200-special-circumstances-only" not in offered
    # ... but a text citing The Information for it still gets it.
    assert "2026-01-14-the-information-h200-special-circumstances-only" in _fixture(
        "20-aiwiremedia-limited-sales", real_seeds
    )


def test_a_round_up_names_each_story_it_repeats(real_seeds) -> None:
    offered = _fixture("13-editorialnow-pause-and-prepayment", real_seeds)
    assert {PAUSE, PREPAY} <= set(offered)
    assert f"cites The Information {story.CITES} (orders paused)" in offered[PAUSE]


# --------------------------------------------------------------------------- named people


def test_a_named_official_with_what_he_said_names_the_story(real_seeds) -> None:
    offered = _fixture("09-chinacrunch-none-delivered", real_seeds)
    assert NONE_SO_FAR in offered
    assert f"{story.SAME_PERSON} (David Peters)" in offered[NONE_SO_FAR]


def test_a_named_person_alone_is_not_a_re_carry(real_seeds) -> None:
    text = "David Peters spoke about hiring more export-enforcement agents at a trade conference."
    assert NONE_SO_FAR not in _offered(text, real_seeds)


def test_people_are_read_from_attributions() -> None:
    assert story_hints.people_in("Elizabeth Warren and Gregory Meeks") == ["Elizabeth Warren", "Gregory Meeks"]
    assert story_hints.people_in("Rep. Brian Mast (sponsor)") == ["Brian Mast"]
    assert story_hints.people_in("Bernstein") == []


# --------------------------------------------------------------------------- figures and stages against a match


def test_another_figure_for_the_same_thing_is_another_version(real_seeds) -> None:
    # The seed report sized the first batch only as "several hundred thousand"; 03 says over 400,000,
    # as the Reuters story does.
    offered = _fixture("03-news-az-first-batch", real_seeds)
    assert "2026-01-28-seed-report-china-clears-first-h200-imports" not in offered
    assert "2026-01-28-reuters-china-approves-first-h200-batch" in offered


def test_the_same_figure_at_another_stage_is_a_later_story(real_seeds) -> None:
    # 11 is about the proposed 75,000 cap; the 14 May story reports the cap applied.
    offered = _fixture("11-udit-75k-cap-analysis", real_seeds)
    assert "2026-05-14-reuters-us-clears-ten-chinese-h200-buyers" not in offered
    assert "2026-03-03-bloomberg-us-weighs-75k-h200-cap" in offered


def test_stages() -> None:
    assert story_against.later_stage("proposed", {"applied"}) and story_against.later_stage("applied", {"proposed"})
    assert not story_against.later_stage("proposed", {"proposed"})
    assert not story_against.later_stage("planned", {"in_effect"})  # a rule "will" cap: the same rule
    assert not story_against.later_stage("proposed", set()) and not story_against.later_stage(None, {"applied"})


# --------------------------------------------------------------------------- the story's own dates


_HEARING = (
    "David Peters, who runs export enforcement at Commerce, told the House Foreign Affairs Committee "
    "that not a single Nvidia H200 had been delivered to a customer in China so far."
)


def test_a_re_told_story_is_named_without_a_date(real_seeds) -> None:
    assert NONE_SO_FAR in _offered(_HEARING, real_seeds)


def test_a_day_named_weeks_after_the_story_makes_it_a_later_one(real_seeds) -> None:
    later = _HEARING + " Analysts said on 20 August 2026 that deliveries had since begun."
    assert NONE_SO_FAR not in _offered(later, real_seeds)
    early = _HEARING + " The hearing was held on 24 February 2026."
    assert NONE_SO_FAR in _offered(early, real_seeds)


@pytest.mark.parametrize(("day", "named"), [(dt.date(2026, 1, 26), True), (dt.date(2026, 2, 20), False)])
def test_a_carriers_date_is_one_of_the_storys_days(real_seeds, day: dt.date, named: bool) -> None:
    # The AI Overwatch Act story (21 Jan) lists W.Media as carrying it on 26 Jan.
    text = (
        f"On {day:%B} {day.day}, a report said the House Foreign Affairs panel advanced the AI Overwatch Act, "
        "a bill that lets Congress block AI-chip export licences to adversaries."
    )
    why = _offered(text, real_seeds).get("2026-01-21-al-jazeera-house-panel-advances-ai-overwatch-act", "")
    assert ("this source's day" in why) is named


# --------------------------------------------------------------------------- quoted words, outlets, sides, chips


def test_the_words_a_source_quotes_name_it(real_seeds) -> None:
    text = 'Jensen Huang said demand for the H200 in China was "quite high" and that Nvidia had fired up supply.'
    offered = _offered(text, real_seeds)
    ramp = "2026-01-06-chinastrategy-ft-nvidia-steps-up-h200-production"
    assert ramp in offered and f"{story.SAME_WORDS} (" in offered[ramp] and "'quite high'" in offered[ramp]
    # The same words in a sentence set earlier are background: they are not counted.
    earlier = "Last year " + text[0].lower() + text[1:]
    assert story.SAME_WORDS not in _offered(earlier, real_seeds).get(ramp, "")


def test_the_ft_is_the_financial_times(real_seeds) -> None:
    text = "ByteDance and Tencent have each taken delivery of roughly 10,000 H200s, the FT reported; the rest is kept offshore."
    offered = _offered(text, real_seeds)
    assert f"cites Financial Times {story.CITES} (" in offered.get("2026-08-19-ft-bytedance-tencent-receive-h200s", "")


def test_a_government_body_stands_for_its_side(real_seeds) -> None:
    # "lawmakers" (Congress) for the House committee the source names, "export official" for BIS.
    text = (
        "A US export official told lawmakers that H200 shipments to China have begun, though only in a trivial amount."
    )
    offered = _offered(text, real_seeds)
    why = offered.get("2026-07-14-cnbc-kessler-h200-shipments-begun", "")
    assert "same actors doing the same things" in why.lower() and "deliveries begun" in why


def test_a_story_about_another_chip_is_not_offered(real_seeds) -> None:
    text = "Beijing told tech firms to pause purchases of Nvidia's RTX Pro 5500 cards, according to The Information."
    assert PAUSE not in _offered(text, real_seeds)
    same_chip = "Beijing told tech firms to pause purchases of Nvidia's H200 chips, according to The Information."
    assert PAUSE in _offered(same_chip, real_seeds)


def test_events_read_the_same_in_the_text_and_in_our_summaries() -> None:
    assert events_in("Orders cannot be cancelled and there are no refunds.") == {"no-refunds"}
    assert "none-delivered" in events_in("China has not received any shipments of the chip so far.")
    assert "access-restricted" in events_in("Beijing is set to put restrictions around who can buy it.")
    assert "access-restricted" not in events_in("Beijing is easing restrictions on foreign hardware.")
    assert "half-of-us-volume" in events_in("Exports are capped at 50% of the volume sold to U.S. customers.")


def test_the_bench_reports_the_fresh_split_apart() -> None:
    from bench.draft_real import summary_table

    scored = {"figures": (1, 1), "recarries": (1, 1), "false_dups": [], "invented": 0, "background": 0}
    scored |= {"extra_figures": 0, "missed": []}
    runs = {
        "run": {
            "a": {"split": "tune", "form": scored, "paste": scored},
            "b": {"split": "fresh", "form": scored, "paste": scored},
        }
    }
    table = summary_table(runs)
    assert "| run · tuned on | 1 |" in table and "| run · fresh held out | 1 |" in table


def test_a_story_about_other_buyers_is_not_offered(real_seeds) -> None:
    xinhua = "2025-02-24-xinhua-alibaba-380b-cloud-ai-capex"  # Alibaba's cloud and AI spending plan
    text = "Reuters reported that ByteDance plans to spend about $23 billion on AI infrastructure next year."
    assert xinhua not in _offered(text, real_seeds)
    alibaba = "Alibaba plans to spend more than 380 billion yuan on cloud and AI infrastructure over three years."
    assert xinhua in _offered(alibaba, real_seeds)


def test_one_rare_event_helps_but_never_decides(real_seeds) -> None:
    rule = "2026-06-01-american-bazaar-bis-subsidiary-rule"
    text = "Washington has widened its chip-export licence rules so they also cover foreign subsidiaries of Chinese companies."
    offered = _offered(text, real_seeds)
    assert rule in offered and "the same rare event (overseas subsidiaries)" in offered[rule].lower()
    assert rule not in _offered("Chinese companies keep many subsidiaries abroad.", real_seeds)


def test_an_approval_in_principle_is_its_own_event(real_seeds) -> None:
    assert "approved-in-principle" in events_in("Beijing gave firms a preliminary nod to buy the chip.")
    text = (
        "Beijing has given Chinese companies a preliminary nod to start buying Nvidia's H200, people familiar "
        "with the matter told Bloomberg News, though formal permission is still pending."
    )
    offered = _offered(text, real_seeds)
    why = offered.get("2026-01-23-bloomberg-h200-in-principle-approval", "")
    assert f"cites Bloomberg {story.CITES} (approved in principle)" in why


def test_a_lead_that_says_the_opposite_is_a_later_story(real_seeds) -> None:
    text = (
        "The first Nvidia H200 processors have finally reached Chinese customers, the head of the US export-control "
        "bureau told a House hearing, though he called the volume trivial.\n\n"
        "In February, a Commerce official had told lawmakers that none had been delivered."
    )
    offered = _offered(text, real_seeds)
    assert "2026-07-14-cnbc-kessler-h200-shipments-begun" in offered
    assert NONE_SO_FAR not in offered  # the February story is this one's background
    # A lead that tells of none delivered still gets the February story.
    assert NONE_SO_FAR in _offered(_HEARING, real_seeds)


def test_a_denial_is_not_a_delivery() -> None:
    assert events_in("No H200s have reached Chinese customers yet.") == {"none-delivered"}
    assert "deliveries-begun" in events_in("The first H200s have reached Chinese customers.")


def test_a_denial_answers_a_story_and_is_not_it(real_seeds) -> None:
    denial = "2026-01-13-reuters-nvidia-denies-prepayment-demand"
    text = (
        "Nvidia denied the report that it is forcing Chinese buyers to pay up front for H200 chips, Reuters reported."
    )
    offered = _offered(text, real_seeds)
    ranked = list(offered)
    assert ranked[0] == denial  # the answer first, the story it answers (if at all) after it
    claim = "Nvidia is forcing Chinese buyers to pay up front for H200 chips, with no refunds, Reuters reported."
    assert next(iter(_offered(claim, real_seeds))) == PREPAY


def test_an_outlet_that_carried_the_story_is_no_evidence_against_it(real_seeds) -> None:
    index = story.story_index(real_seeds)
    hammer = story.read_text(index, "Beijing will restrict who may buy the H200, Hammerdown Headlines reported.")
    assert story_against.cites_others(index, FT_LIMITS, hammer) is None  # not an outlet we know: nothing cited
    reuters = story.read_text(index, "Beijing will restrict who may buy the H200, Reuters reported.")
    assert story_against.cites_others(index, FT_LIMITS, reuters) == "reuters"
    ft = story.read_text(index, "Beijing will restrict who may buy the H200, the FT reported.")
    assert story_against.cites_others(index, FT_LIMITS, ft) is None


def test_an_outlet_cited_for_the_background_is_not_the_storys_outlet(real_seeds) -> None:
    index = story.story_index(real_seeds)
    text = story.read_text(
        index, "Beijing will restrict who may buy the H200. Bloomberg had previously reported a pause."
    )
    assert "bloomberg" not in text.cited
    assert (
        "bloomberg" in story.read_text(index, "Beijing will restrict who may buy the H200, Bloomberg reported.").cited
    )
