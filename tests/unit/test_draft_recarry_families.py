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
from tests.unit.recarry_sources import CUSTOMS, DEEPSEEK, FIRST_BATCH, RULE, SEED_REPORT

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


# --------------------------------------------------------------------------- a citing sentence read whole


def test_an_abbreviation_ends_no_sentence_so_the_citation_keeps_its_events(real_seeds) -> None:
    index = story.story_index(real_seeds)
    text = story.read_text(
        index,
        "The Financial Times reported that Beijing is weighing restrictions on access to the part, "
        "despite the U.S. President's decision to allow its sale.",
    )
    assert {"access-restricted", "sale-permitted"} <= set(text.cited["financial times"])


def test_a_full_stop_after_a_word_still_ends_a_sentence() -> None:
    # Near miss: only short abbreviations are read through; "plant." ends its sentence.
    assert story._SENTENCE.split("Output rose at the plant. Then prices fell.") == [
        "Output rose at the plant.",
        "Then prices fell.",
    ]
    assert len(story._SENTENCE.split("Sen. Smith spoke. Mr. Lee replied.")) == 2


def test_restrictions_on_access_in_their_nouns_restrict_who_may_buy() -> None:
    assert "access-restricted" in events_in("Regulators are drafting restrictions on access to the accelerator.")
    assert "access-restricted" in events_in("Curbs on purchases by state firms are expected.")
    # Near misses: restrictions on something other than buying or access.
    assert "access-restricted" not in events_in("Restrictions on travel were eased in spring.")
    assert "access-restricted" not in events_in("The limits on exports were relaxed.")


# --------------------------------------------------------------------------- a second story told in words


DIGEST = (
    "Weekly chip brief\n\n"
    "Washington's new export rule lets Nvidia ship the H200 to China only to vetted buyers, and each order needs "
    "an independent third-party review before it leaves, the Commerce Department's BIS said in its notice.\n\n"
    "Elsewhere: China's customs service has told its agents that the H200 is not permitted to enter the country, "
    "and officials summoned tech companies and instructed them to avoid buying the part unless it is truly needed, "
    "which one person described as a ban for now."
)
# The near miss: one story in two paragraphs; its siblings (the same news from other outlets)
# stand out in the same paragraph and tell the same things.
ONE_STORY = (
    "Beijing has cleared its first batch of H200 imports, letting ByteDance, Alibaba and Tencent buy the chips "
    "during the Nvidia chief's visit, three people with knowledge of the decision said this week.\n\n"
    "The approval of this first batch came with conditions the firms must meet, and more buyers are queuing for "
    "their own go-ahead, the people added, asking not to be named."
)


def test_a_paragraph_telling_a_second_story_in_its_words_and_events_adds_to_it(real_seeds) -> None:
    from data.draft import draft_from_text
    from data.draft.sections import IN_WORDS

    offered = {d.source_id: d for d in draft_from_text(DIGEST, real_seeds).duplicates}
    assert CUSTOMS in offered and RULE in offered
    assert IN_WORDS in offered[RULE].why and "Washington's new export rule" in offered[RULE].why
    assert offered[RULE].score <= offered[CUSTOMS].score  # a second story never outranks the best
    assert offered[RULE].why.count("security checks on the buyer") == 1  # events already listed are not repeated


def test_a_sibling_of_the_best_match_gains_nothing_from_the_same_paragraph(real_seeds) -> None:
    from data.draft import draft_from_text, sections
    from data.draft.sections import IN_WORDS
    from data.draft.source_index import index as _index
    from data.draft.source_index import standouts as _standouts

    index = story.story_index(real_seeds)
    every = sections.every(index, ONE_STORY)
    standouts = [_standouts(_index(real_seeds), part.text) for part in every]
    assert sections.told_in_words(every, index, SEED_REPORT, standouts) is not None  # alone, it would count
    offered = {d.source_id: d for d in draft_from_text(ONE_STORY, real_seeds).duplicates}
    assert next(iter(offered)) == FIRST_BATCH
    assert all(IN_WORDS not in d.why for d in offered.values())


def test_a_paragraph_sharing_words_and_one_event_is_not_a_story_told_again(real_seeds) -> None:
    # Near miss: the same paragraph with the border kept open (new paperwork, nobody kept out):
    # its words still stand out for the customs story, but it tells only one of its events.
    from data.draft import sections
    from data.draft.source_index import index as _index
    from data.draft.source_index import standouts as _standouts

    index = story.story_index(real_seeds)
    text = DIGEST.replace(
        "that the H200 is not permitted to enter the country", "about new forms to fill in for the H200"
    )
    every = sections.every(index, text)
    standouts = [_standouts(_index(real_seeds), part.text) for part in every]
    last = every[-1]
    assert standouts[-1][CUSTOMS] >= sections.STANDOUT
    assert story.shared_events(index, CUSTOMS, last.told) == ["customs"]
    assert sections.told_in_words(every, index, CUSTOMS, standouts) is None


# --------------------------------------------------------------------------- one figure of the same thing, in a round-up

ORDERS_ITEM = (
    "Demand first: Chinese technology groups have ordered more than 2 million H200 units for 2026, against an "
    "inventory of roughly 700,000 chips at Nvidia, which asked TSMC to make more of them from the second quarter."
)
BATCH_ITEM = (
    "Beijing has now approved ByteDance, Alibaba and Tencent to buy more than 400,000 H200 chips between them, "
    "officials having weighed the request for weeks while domestic suppliers lobbied against it."
)
MARKET_ITEM = (
    "Elsewhere in the market, analysts expect data-centre spending to keep climbing through the year as cloud "
    "firms race to add capacity for their largest models and inference fleets."
)


def test_in_a_roundup_one_rare_figure_of_the_same_thing_and_an_event_retell_a_story(real_seeds) -> None:
    from data.draft import draft_from_text

    offered = {
        d.source_id: d.why
        for d in draft_from_text(f"Chip digest\n\n{ORDERS_ITEM}\n\n{BATCH_ITEM}", real_seeds).duplicates
    }
    assert "of the same thing (400,000 chips)" in offered[FIRST_BATCH]
    assert "Beijing has now approved" in offered[FIRST_BATCH]


def test_outside_a_roundup_one_figure_in_a_paragraph_retells_nothing(real_seeds) -> None:
    # Near miss: the same paragraph beside one that retells no story: the text is no round-up.
    from data.draft import draft_from_text

    drafted = draft_from_text(f"Chip digest\n\n{MARKET_ITEM}\n\n{BATCH_ITEM}", real_seeds)
    assert all("of the same thing" not in d.why for d in drafted.duplicates)


def test_one_end_of_a_range_is_not_the_same_figure() -> None:
    from data.draft.sections import _one_number
    from data.lexicon import Range

    assert _one_number(400000, [Range(400000, None, "reported", "", open_high=True, bound="more_than")])
    assert _one_number(25, [Range(25, 25, "reported", "")])
    assert not _one_number(25, [Range(15, 25, "reported", "", bound="range")])  # "15-25%" is not "25%"


def test_a_rule_to_buy_home_made_chips_is_the_domestic_ratio_in_any_of_its_words() -> None:
    # run 11's miss of fixture 140: "a domestic AI chip mandate" is The Information's domestic-chip share
    assert "domestic-ratio" in events_in("Beijing halted orders while it weighs a domestic AI chip mandate.")
    assert "domestic-ratio" in events_in("officials weigh a mandate for domestic chip purchases")
    assert "domestic-ratio" in events_in("a requirement to buy local semiconductors alongside")
    # near misses: home-made chips with no rule to buy them, a mandate about something else
    assert "domestic-ratio" not in events_in("Huawei makes domestic AI chips for data centres.")
    assert "domestic-ratio" not in events_in("a mandate for domestic banks to report")
    assert "domestic-ratio" not in events_in("a requirement that domestic chips be tested")
