"""Signals that named the re-carries the duplicate check missed on the second fresh excerpts
(issue 17 part 5): events told in other words, a citation with an aside between the outlet and
its verb, figures vouched for by the same events, a second story standing on figures of two
things, and a neighbour tied only by citing the same wire. Each with a case it must catch and
a near miss it must not. The short texts are written for these tests, in the project's words.
"""

from __future__ import annotations

from bench.draft_real import read_fixture
from data.draft import draft_from_text
from data.draft.duplicates import SAME_FACT
from data.draft.entities import find_origin
from data.draft.events import events_in
from data.draft.figures import find_figures
from data.draft.story import read_text, story_index
from tests.unit.recarry_sources import (
    CLEARED,
    FIRST_BATCH,
    ORDERS,
    REAL,
    REVIEW_OPENS,
    REVIEW_STALLS,
    RULE,
    STOCK,
    TERMS,
)


def _offered(text: str, seeds) -> dict[str, tuple[float, str]]:
    return {d.source_id: (d.score, d.why) for d in draft_from_text(text, seeds).duplicates}


# --------------------------------------------------------------------------- events in other words


def test_planned_shipments_and_added_capacity_are_events() -> None:
    assert "shipments-planned" in events_in("The company hopes to start shipping the part to China next quarter.")
    assert "shipments-planned" in events_in("Its planned deliveries would be the first since the ban.")
    assert "capacity-added" in events_in("It told buyers it would add new production capacity.")
    assert "capacity-added" in events_in("The firm is ramping up production to keep pace.")
    assert "capacity-added" in events_in("The vendor asked its foundry for additional output.")


def test_near_misses_of_shipping_and_capacity_are_not_events() -> None:
    assert not events_in("The draft rule was shipped to lawmakers for comment.") & {"shipments-planned"}
    assert not events_in("Shipping costs rose in the quarter.") & {"shipments-planned"}
    assert not events_in("Capacity at the port is tight.") & {"capacity-added"}
    assert not events_in("Production of the older part ended last spring.") & {"capacity-added"}


def test_a_domestic_chip_share_in_other_words_is_the_ratio_event() -> None:
    assert "domestic-ratio" in events_in(
        "Regulators may make importers also purchase a set share of China-made accelerators."
    )
    assert "domestic-ratio" in events_in("Each order could come with a quota of home-grown chips bought alongside.")
    # ... but home-made chips on their own are no purchase condition.
    assert "domestic-ratio" not in events_in("China-made accelerators are closing the gap on Nvidia.")
    assert "domestic-ratio" not in events_in("The home-grown chip industry received new subsidies.")


def test_orders_on_hold_and_no_deliveries_made_are_events() -> None:
    assert "orders-paused" in events_in("Officials told firms to keep their orders on hold for the time being.")
    assert "none-delivered" in events_in("So far no shipments have taken place.")
    assert "none-delivered" not in events_in("Shipments have taken place every week since May.")


# --------------------------------------------------------------------------- who is cited for what


def test_an_aside_between_the_outlet_and_its_verb_is_still_a_citation(real_seeds) -> None:
    index = story_index(real_seeds)
    told = read_text(index, "The Information, a tech news site, reported that Beijing put H200 orders on hold.")
    assert "orders-paused" in told.cited.get("information", {})
    # A sentence that only describes the outlet cites nothing.
    assert "information" not in read_text(index, "The Information, a tech news site, is based in California.").cited


def test_a_sentence_crediting_its_own_outlet_is_not_credited_to_the_next(real_seeds) -> None:
    index = story_index(real_seeds)
    credited = read_text(
        index,
        "Officials told firms to put H200 orders on hold, Reuters reported. "
        "Bloomberg separately reported that approvals could come this quarter.",
    )
    assert "orders-paused" in credited.cited["reuters"]
    assert "orders-paused" not in credited.cited.get("bloomberg", {})
    # ... while a sentence with no outlet of its own is credited to the one that follows it.
    uncredited = read_text(
        index, "Officials told firms to put H200 orders on hold. Bloomberg reported it first on Tuesday."
    )
    assert "orders-paused" in uncredited.cited["bloomberg"]


# --------------------------------------------------------------------------- figures vouched for by events


def test_the_same_events_by_the_same_actor_vouch_for_a_shared_figure(real_seeds) -> None:
    text = (
        "Nvidia intends to begin delivering H200 processors to Chinese clients by the middle of February.\n\n"
        "As many as 80,000 chips may go out in that round, the people said.\n\n"
        "Nvidia is ramping up output of the part as well."
    )
    offered = _offered(text, real_seeds)
    assert STOCK in offered
    assert "the same figures (80,000 chips)" in offered[STOCK][1]


def test_a_shared_figure_without_the_events_is_no_re_carry(real_seeds) -> None:
    text = (
        "Chinese regulators discussed the H200 again this week.\n\n"
        "As many as 80,000 chips could be involved, one analyst guessed.\n\n"
        "No decision has been taken."
    )
    assert STOCK not in _offered(text, real_seeds)


def test_figures_of_two_things_with_its_event_name_a_second_story(real_seeds) -> None:
    text = (
        "Washington has set out its terms for H200 sales: an outside lab tests every chip, and "
        "Chinese buyers may take no more than half of what US customers receive.\n\n"
        "Buyers need sufficient security procedures and must rule out military end use.\n\n"
        "Demand keeps climbing\n\n"
        "Chinese firms have put in orders for more than 2,000,000 H200s, well past the 700,000 "
        "Nvidia holds in stock, and Nvidia is stepping up output to catch up."
    )
    offered = _offered(text, real_seeds)
    assert ORDERS in offered
    assert (
        SAME_FACT in offered[ORDERS][1].lower()
        and "it tells of the same (production capacity added)" in offered[ORDERS][1]
    )


def test_the_same_two_figures_recalled_as_background_are_no_second_story(real_seeds) -> None:
    text = (
        "Chinese customs officers have told agents that the H200 is not permitted to enter the "
        "country, in what amounts to a block on imports.\n\n"
        "The officials also told tech firms not to buy the chips unless necessary.\n\n"
        "Before that, Chinese firms had put in orders for more than 2,000,000 H200s, well past the "
        "700,000 Nvidia holds in stock."
    )
    assert ORDERS not in _offered(text, real_seeds)


# --------------------------------------------------------------------------- a neighbour tied only by a wire


RULE_TEXT = (
    "Washington has formally cleared H200 exports to China under a new rule: an outside lab must "
    "test each chip, and Chinese buyers are held to no more than half of the volume sold in the US.\n\n"
    "Buyers must show sufficient security procedures, Reuters reported, and must rule out any "
    "military end use."
)


def test_a_neighbour_sharing_only_part_of_what_the_best_match_tells_is_dropped(real_seeds) -> None:
    offered = _offered(RULE_TEXT, real_seeds)
    assert RULE in offered
    assert TERMS not in offered  # it tells of the buyer checks too, and cites the same wire: no more
    assert "(: " not in offered[RULE][1]  # a likeness with no organisation named reads cleanly


def test_a_neighbour_telling_something_of_its_own_is_kept(real_seeds) -> None:
    text = (
        RULE_TEXT + "\n\nWeeks later the Commerce Secretary, Howard Lutnick, testified to a Senate "
        "panel that Nvidia would have to accept every licence condition."
    )
    offered = _offered(text, real_seeds)
    assert RULE in offered and TERMS in offered


# --------------------------------------------------------------------------- buyers holding back, approvals on conditions


def test_orders_not_placed_and_conditional_approval_are_events() -> None:
    assert "no-orders-placed" in events_in("Buyers in China have not yet placed any sizeable orders.")
    assert "no-orders-placed" in events_in("Customers are holding back their orders until the terms are known.")
    assert "conditional-approval" in events_in("Regulators conditionally approved the startup's purchase.")
    assert "conditional-approval" in events_in("Officials are attaching conditions on how the chips are used.")


def test_orders_placed_and_market_conditions_are_not_those_events() -> None:
    assert "no-orders-placed" not in events_in("Orders were placed last week for the first lot.")
    assert "conditional-approval" not in events_in("Market conditions were weak in the quarter.")
    assert "conditional-approval" not in events_in("The approval came without any fuss.")


def test_chinese_customers_in_general_words_are_the_unnamed_firms(real_seeds) -> None:
    index = story_index(real_seeds)
    told = read_text(index, "Chinese customers are holding back their H200 orders for now.")
    assert "other-cn-buyers" in told.events["no-orders-placed"]
    # ... while Chinese customs (an agency) or a named firm are not the unnamed firms.
    assert "other-cn-buyers" not in read_text(
        index, "Chinese customs officers are holding back H200 orders."
    ).events.get("no-orders-placed", set())


def test_the_stalled_review_story_is_told_apart_from_the_review_opening(real_seeds) -> None:
    # 35 retells the review stalling (buyers holding back, the FT cited); the review's opening in
    # December shares its department names but none of its events, and is not offered.
    _, body = read_fixture(REAL / "35-expresstv-security-review-halts-sales.txt")
    offered = _offered(body, real_seeds)
    assert REVIEW_STALLS in offered and REVIEW_OPENS not in offered
    why = offered[REVIEW_STALLS][1]
    assert "no orders placed yet" in why and "held in a government review" in why


# --------------------------------------------------------------------------- the lead's own figure

_NEWS = (
    "This week Beijing approved imports of the H200 for ByteDance, Alibaba and Tencent: more than 400,000 chips in all."
)
_COMMENT = [
    "The about-turn shows that self-reliance in chips still has its limits for the biggest platforms.",
    "Training frontier models takes vast amounts of compute, and local suppliers cannot yet deliver it at scale.",
    "Analysts expect the debate over domestic accelerators to run through the year.",
]


def test_a_figure_in_the_first_paragraph_is_the_storys_news(real_seeds) -> None:
    # An opinion piece that opens with the news: its figure names the story it comments on.
    offered = _offered("\n".join(["Self-reliance meets its limits", _NEWS, *_COMMENT]), real_seeds)
    assert FIRST_BATCH in offered and "400,000 chips" in offered[FIRST_BATCH][1]


def test_the_same_figure_as_a_closing_aside_is_no_re_carry(real_seeds) -> None:
    assert FIRST_BATCH not in _offered("\n".join(["Self-reliance meets its limits", *_COMMENT, _NEWS]), real_seeds)


# --------------------------------------------------------------------------- the story's own origin


def test_the_origin_is_the_first_outlet_the_text_credits() -> None:
    assert (
        find_origin("Beijing told firms to hold off, sources cited by the Financial Times said.") == "Financial Times"
    )
    assert find_origin("The Information, a tech news site, reported that orders were put on hold.") == "The Information"
    assert find_origin("Reuters reports that customs officers turned the chips away.") == "Reuters"
    lead_then_background = (
        "Officials told firms to hold off on orders, the Financial Times reported. "
        "According to Reuters, orders had earlier passed two million."
    )
    assert find_origin(lead_then_background) == "Financial Times"


def test_an_outlet_named_without_credit_is_no_origin() -> None:
    assert find_origin("Bloomberg, the data company, has offices in many cities.") is None
    assert find_origin("Reuters reporters were not allowed into the briefing.") is None


# --------------------------------------------------------------------------- events for stories that had none


def test_stories_without_events_get_theirs_in_other_words() -> None:
    told = {
        "licence-disclosure": "Two lawmakers want every export licence for the chip disclosed within two days.",
        "president-decides": "Whether the sales go ahead is a decision for the president alone, the secretary said.",
        "share-gone": "Huang put the company's share of the Chinese market at effectively zero.",
        "domestic-only": "New state-funded data centres must use domestically made accelerators alone.",
        "volume-limits": "Beijing is drafting rules to cap the total number of foreign chips a firm can purchase.",
    }
    for event, sentence in told.items():
        assert event in events_in(sentence), event


def test_near_misses_of_those_events_are_not_them() -> None:
    near = {
        "licence-disclosure": "Nvidia disclosed record revenue for the quarter.",
        "president-decides": "The decision by Trump to allow sales surprised analysts.",
        "share-gone": "The share price rose, with nothing new to report.",
        "domestic-only": "China-made accelerators reached only 60% of the rival's speed.",
        "volume-limits": "The number of firms that can purchase the chip has grown.",
    }
    for event, sentence in near.items():
        assert event not in events_in(sentence), event


# --------------------------------------------------------------------------- figures in other forms


def test_letter_and_short_scales_on_chips_are_figures() -> None:
    two_m = find_figures("Chinese firms have asked for more than 2m H200 chips.", True)
    assert [(f.low, f.unit, f.bound) for f in two_m] == [(2_000_000, "chips", "more_than")]
    assert [(f.value, f.unit) for f in find_figures("Nvidia holds about 700k H200 chips.", True)] == [
        (700_000, "chips")
    ]
    mln = find_figures("Buyers put in orders for over 2 mln H200 chips.", True)
    assert [(f.low, f.unit) for f in mln] == [(2_000_000, "chips")]  # never 2 chips


def test_letter_scales_on_other_things_are_still_not_figures() -> None:
    assert find_figures("The model has 7B parameters.", True) == []
    assert find_figures("The launch drew 5M visitors.", True) == []


def test_the_same_figures_in_letter_scales_name_the_story(real_seeds) -> None:
    text = (
        "Chinese tech groups have asked for more than 2m H200 chips for next year, far beyond the "
        "700k Nvidia has on hand, and Nvidia has asked TSMC for extra output."
    )
    offered = _offered(text, real_seeds)
    assert ORDERS in offered and "2,000,000 chips" in offered[ORDERS][1]


# --------------------------------------------------------------------------- a number of buyers cleared


def test_a_number_of_buyers_cleared_is_an_event() -> None:
    assert "buyers-cleared" in events_in("Washington has licensed some 12 Chinese companies to buy the part.")
    assert "buyers-cleared" in events_in("By then about ten firms had been cleared by Commerce.")
    assert "buyers-cleared" not in events_in("Beijing cleared imports for three internet giants.")
    assert "buyers-cleared" not in events_in("Ten firms have applied for licences.")


def test_buyers_cleared_and_nothing_shipped_by_the_same_actors_name_the_story(real_seeds) -> None:
    text = (
        "Commerce has cleared roughly 10 Chinese firms to buy the H200, officials indicated this week.\n\n"
        "No deliveries have been made yet, and Commerce gave no timetable for them."
    )
    offered = _offered(text, real_seeds)
    assert CLEARED in offered and "a number of buyers cleared; none delivered so far" in offered[CLEARED][1]
    # Near miss: the same count of firms, applying rather than cleared, with nothing about deliveries.
    assert CLEARED not in _offered("About 10 Chinese firms have applied to Commerce to buy the H200.", real_seeds)
