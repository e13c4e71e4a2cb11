"""The duplicate check on who a story is about (session 14): an approval told in the lead for the
same named buyers, a person's remark read from the sentence naming them, a licence told as still
being finalised, and a thing at most two stories tell dated to one's day. Each with a
case and a near miss. The sentences are written for these tests, not taken from articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from data.draft import draft_from_text, story
from data.draft.events import events_in

FIRST_BATCH = {
    "2026-01-28-reuters-china-approves-first-h200-batch",
    "2026-01-28-scmp-china-clears-first-h200-orders",
    "2026-01-28-seed-report-china-clears-first-h200-imports",
}
DEEPSEEK = "2026-01-30-reuters-deepseek-conditional-h200-approval"
US_CLEARS_TEN = "2026-05-14-reuters-us-clears-ten-chinese-h200-buyers"
HUANG_NO_ORDERS = "2026-01-29-reuters-huang-no-h200-orders-yet"
BIS_RULE = "2026-01-15-federal-register-bis-h200-export-rule"
FT_PRODUCTION = "2026-01-06-chinastrategy-ft-nvidia-steps-up-h200-production"


def _offered(text: str, seeds, **form) -> set[str]:
    return {d.source_id for d in draft_from_text(text, seeds, **form).duplicates}


# --- a permission told with its recipients between the noun and the verb ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing has given the green light for domestic technology giants such as Alibaba and Tencent to import the chip.",
        "Regulators granted permission for two large platforms to buy the H200.",
        "The president's announcement permitting Nvidia to supply the processors to select customers.",
    ],
)
def test_a_green_light_for_firms_to_import_is_a_permission(sentence: str) -> None:
    assert "sale-permitted" in events_in(sentence)


def test_a_green_light_for_a_plan_is_no_permission_to_buy() -> None:
    assert "sale-permitted" not in events_in("The board gave the green light for a new campus to open in Shanghai.")


# --- the lead's approval for the same named buyers -----------------------------------------------

_LEAD = (
    "China lets Alibaba and Tencent take the H200\n\n"
    "Beijing has given the green light for Alibaba and Tencent to import Nvidia's H200 processors, in a shift"
    " in its approach to foreign accelerators.\n\n"
    "The chip is built on the Hopper design and carries more memory than its predecessor."
)


def test_an_approval_for_the_same_named_buyers_in_the_lead_names_that_approval(real_seeds) -> None:
    offered = _offered(_LEAD, real_seeds)
    assert offered & FIRST_BATCH
    assert DEEPSEEK not in offered  # a story headlined on another buyer is that buyer's
    assert US_CLEARS_TEN not in offered  # Washington clearing the same firms is another act


def test_the_same_approval_deeper_in_the_text_is_background(real_seeds) -> None:
    index = story.story_index(real_seeds)
    text = story.read_text(index, "Alibaba and Tencent report results\n\nBoth grew cloud revenue.\n\n"
                           "Separately, Beijing has given the green light for Alibaba and Tencent to import the H200.")  # fmt: skip
    sid = next(iter(FIRST_BATCH))
    assert not any("same named buyers" in why for _, why in story.story_signals(index, sid, text, {}))


def test_one_named_buyer_is_not_enough(real_seeds) -> None:
    index = story.story_index(real_seeds)
    text = story.read_text(index, "Beijing has given the green light for Alibaba to import the H200.")
    sid = next(iter(FIRST_BATCH))
    assert not any("same named buyers" in why for _, why in story.story_signals(index, sid, text, {}))


# --- a licence still being finalised, said by the person who said it ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Huang said Beijing was still finalising its licensing.",
        "The export licence is in its final stages of approval in China.",
        "He said China is finalizing the licenses.",
        "The actual licence for the chip is being finalised, he told reporters.",
    ],
)
def test_a_licence_still_being_finalised(sentence: str) -> None:
    assert "licensing-finalised" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The conditions attached to the approvals are still being finalised.",
        "Commerce is finalising the details of the framework.",
    ],
)
def test_conditions_or_details_being_finalised_are_not_it(sentence: str) -> None:
    assert "licensing-finalised" not in events_in(sentence)


_HUANG = (
    "Nvidia's chief executive Jensen Huang said the H200's licence is in its final stages of approval in China,"
    " after a trip to the country. He said interest among Chinese firms was high."
)


def test_the_chief_executive_saying_the_licence_is_being_finalised_names_his_remark(real_seeds) -> None:
    assert HUANG_NO_ORDERS in _offered(_HUANG, real_seeds)


def test_a_remark_is_read_from_the_sentence_naming_the_person(real_seeds) -> None:
    # Near miss: Huang named in one paragraph, strong demand told in another: not his remark.
    index = story.story_index(real_seeds)
    apart = story.read_text(index, "Jensen Huang is visiting China this week.\n\nDemand for the chip is strong.")
    together = story.read_text(index, "Jensen Huang said demand for the chip in China is strong.")
    assert "demand-strong" not in apart.said_by.get("Jensen Huang", set())
    assert "demand-strong" in together.said_by["Jensen Huang"]
    assert not any("saying the same thing" in why for _, why in story.story_signals(index, FT_PRODUCTION, apart, {}))


# --- a rare condition dated to its story's day ---------------------------------------------------


_COMMERCE = (
    "US approves sale of Nvidia chips to China\n\n"
    "Washington has let Nvidia sell its H200 processors in China, the Commerce Department said on Tuesday.\n\n"
    "The chips may be shipped to China provided there is a sufficient supply of them in the US."
)


def test_a_rare_condition_dated_to_the_announcement_names_the_rule(real_seeds) -> None:
    form = {"url": "https://example.org/a", "publisher": "Example Daily", "published": dt.date(2026, 1, 14)}
    assert BIS_RULE in _offered(_COMMERCE, real_seeds, **form)


def test_the_same_text_undated_or_dated_months_later_does_not(real_seeds) -> None:
    assert BIS_RULE not in _offered(_COMMERCE, real_seeds)  # "on Tuesday" with no date: one rare event, not enough
    form = {"url": "https://example.org/a", "publisher": "Example Daily", "published": dt.date(2026, 4, 14)}
    assert BIS_RULE not in _offered(_COMMERCE, real_seeds, **form)


# --- a story that came out after the text ------------------------------------------------------

KESSLER = "2026-07-14-cnbc-kessler-h200-shipments-begun"
_KESSLER = (
    "Export chief says H200 shipments to China have begun\n\n"
    "Jeffrey Kessler told the House Foreign Affairs Committee that H200 shipments to China had begun,"
    " in what he called a trivial amount, with licences reviewed case by case."
)


def test_a_text_dated_after_the_story_is_offered_it(real_seeds) -> None:
    form = {"url": "https://example.org/k", "publisher": "Example Daily", "published": dt.date(2026, 7, 15)}
    assert KESSLER in _offered(_KESSLER, real_seeds, **form)


def test_a_text_dated_well_before_the_story_cannot_repeat_it(real_seeds) -> None:
    form = {"url": "https://example.org/k", "publisher": "Example Daily", "published": dt.date(2026, 7, 1)}
    assert KESSLER not in _offered(_KESSLER, real_seeds, **form)


def test_a_rarely_named_person_says_the_same_thing_only_in_the_sentence_naming_them(real_seeds) -> None:
    # A person two stories name: their remark is what the sentence naming them tells, not what
    # another paragraph tells (a letter from the lawmaker, then a hearing told without him).
    index = story.story_index(real_seeds)
    apart = "Gregory Meeks wrote to the administration last week.\n\nAt the hearing the committee heard that shipments have begun."
    together = "Gregory Meeks said at the hearing that shipments have begun."
    for text, said in ((apart, False), (together, True)):
        reasons = [why for _, why in story.story_signals(index, KESSLER, story.read_text(index, text), {})]
        assert any("(Gregory Meeks) saying the same thing" in why for why in reasons) is said


def test_a_write_up_published_after_the_news_can_still_be_repeated(real_seeds) -> None:
    # The law firm's summary came out a week after the Justice Department's announcement it
    # retells; a report dated the day after the announcement repeats that news.
    text = (
        "DOJ charges two men in Operation Gatekeeper\n\n"
        "The Justice Department said its Operation Gatekeeper had exposed a smuggling network that sent"
        " at least $160 million of Nvidia H100 and H200 chips to China, with more than $50 million wired from China."
    )
    form = {"url": "https://example.org/g", "publisher": "Example Daily", "published": dt.date(2025, 12, 9)}
    assert "2025-12-15-arnold-porter-doj-operation-gatekeeper" in _offered(text, real_seeds, **form)


def test_sources_who_spoke_to_an_outlet_cite_it(real_seeds) -> None:
    index = story.story_index(real_seeds)
    spoke = story.read_text(
        index, "Customs agents were told the chips may not enter, according to three people who spoke to Reuters."
    )
    assert "customs" in spoke.cited.get("reuters", {})
    # Near miss: an official who spoke to lawmakers cites no outlet.
    lawmakers = story.read_text(
        index, "Customs agents were told the chips may not enter, according to an official who spoke to lawmakers."
    )
    assert lawmakers.cited == {}


def test_a_headline_in_title_case_cites_its_outlet(real_seeds) -> None:
    index = story.story_index(real_seeds)
    told = story.read_text(index, "China Drafts Rules Capping AI Chip Purchases, Nikkei Asia Reports")
    assert "rules-drafted" in told.cited.get("nikkei asia", {})


@pytest.mark.parametrize(
    ("sentence", "drafted"),
    [
        ("Officials appear to be drafting their own purchase limits instead of a ban.", True),
        ("The purchase limits drafted last year were lifted.", False),  # limits lifted, nothing being drafted
    ],
)
def test_purchase_limits_being_drafted_are_rules_drafted(sentence: str, drafted: bool) -> None:
    assert ("rules-drafted" in events_in(sentence)) is drafted
