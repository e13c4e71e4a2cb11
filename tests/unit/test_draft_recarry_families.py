"""The duplicate check on wording it had not seen (issue 17 part 5, after run 8): a go-ahead read
from the grammar of a permission however long its recipient, buying in its other words, a block
in any verb of its family, and a rarely named firm doing the same thing weighing as a rare event.
Each with a case and a near miss. The sentences are written for these tests, not taken from
articles.
"""

from __future__ import annotations

import pytest

from data.draft import story
from data.draft.events import events_in

DEEPSEEK = "2026-01-30-reuters-deepseek-conditional-h200-approval"


# --------------------------------------------------------------------------- a go-ahead, by its grammar


@pytest.mark.parametrize(
    "sentence",
    [
        # "<verb> <whom> to [adverb] buy", with a list of recipients longer than the old 30 characters
        "Beijing has approved Tencent, Baidu, ByteDance and Alibaba to jointly purchase the accelerators.",
        # "approval ... for the purchase", the recipient between them
        "The planning agency gave approval to a small Hangzhou model builder for the purchase of the chips.",
        # buying in its other words
        "Officials cleared the acquisition of several thousand units.",
        "The ministry authorised two cloud groups to procure the part.",
    ],
)
def test_a_go_ahead_is_read_from_the_grammar_of_a_permission(sentence: str) -> None:
    assert "sale-permitted" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tencent, Baidu, ByteDance and Alibaba plan to jointly purchase the accelerators.",  # no permission
        "Beijing has not approved Tencent, Baidu, ByteDance or Alibaba to purchase the accelerators.",  # denied
        "Nvidia's acquisition of a software start-up closed in May.",  # buying, but nobody allowed it
        "The board approved a plan to hire more engineers.",  # a permission, of nothing bought or sold
    ],
)
def test_plans_denials_and_other_permissions_are_no_go_ahead(sentence: str) -> None:
    assert "sale-permitted" not in events_in(sentence)


# --------------------------------------------------------------------------- a block, in any verb of its family


@pytest.mark.parametrize(
    "sentence",
    [
        "Border officers are now prohibiting the accelerators from entering the country.",
        "The customs office has banned the entry of the part.",
        "Officials barred the chips from entering through Shenzhen.",
        "The agency forbade imports of the processor for now.",
    ],
)
def test_a_block_in_any_verb_of_its_family_is_one_event(sentence: str) -> None:
    assert "blocked" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Its newest chips remain banned from sale to Chinese buyers.",  # an export ban, nothing kept out at the border
        "The ban on fertiliser exports was lifted.",
        "Staff were barred from travelling abroad.",
    ],
)
def test_a_ban_on_something_else_is_not_a_block_at_the_border(sentence: str) -> None:
    assert "blocked" not in events_in(sentence)


# --------------------------------------------------------------------------- a rarely named firm


def test_a_rarely_named_firm_doing_the_same_thing_is_as_rare_as_the_pair(real_seeds) -> None:
    index = story.story_index(real_seeds)
    common = index.event_count["conditional-approval"]
    assert common > 2  # the event alone is told by several stories
    assert story.rarity_of(index, "conditional-approval", {"deepseek"}) < common
    # Near miss: a firm many stories name (ByteDance, Nvidia) says nothing about which story.
    assert story.rarity_of(index, "conditional-approval", {"bytedance"}) == common
    assert story.rarity_of(index, "conditional-approval", {"nvidia"}) == common
    assert story.rarity_of(index, "conditional-approval", set()) == common


def _weight(real_seeds, firm: str) -> float:
    index = story.story_index(real_seeds)
    text = story.read_text(
        index, f"Regulators in Beijing conditionally approved a purchase of the chips by {firm}, a ministry said."
    )
    names = {oid: org.name for oid, org in real_seeds.organisations.items()}
    return max(
        (w for w, why in story.story_signals(index, DEEPSEEK, text, names) if story.SAME_ACTORS in why), default=0
    )


def test_the_rare_firm_cleared_on_conditions_weighs_enough_alone(real_seeds) -> None:
    assert _weight(real_seeds, "DeepSeek") >= 0.45


def test_the_same_clearance_for_another_firm_stays_weak(real_seeds) -> None:
    # Near misses: a firm many stories name, and another rarely named firm this story never names.
    assert _weight(real_seeds, "ByteDance") < 0.3
    assert _weight(real_seeds, "Baidu") < 0.3
