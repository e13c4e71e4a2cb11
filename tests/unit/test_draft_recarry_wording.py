"""The duplicate check on new wording (issue 17 part 5, run 7): a go-ahead told with any verb of its
family ("permit / allow / clear / approve / green-light / sign off on the sale"), and Xi told of the
decision, are events the text and our summaries share; a go-ahead denied is none. Each with a case
and a near miss. The sentences are written for these tests, not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text
from data.draft.duplicates import find_duplicates
from data.draft.events import events_in
from data.draft.model import Figure
from tests.unit.recarry_sources import FIRST_BATCH, PREPAY, RULE, STOCK, TRUMP_GO_AHEAD


@pytest.mark.parametrize(
    "sentence",
    [
        "The White House will permit the sale of the chip to vetted buyers.",
        "Washington has allowed Nvidia to sell the part abroad.",
        "Officials cleared exports of the accelerator last week.",
        "The administration signed off on shipments to two customers.",
        "Regulators green-lighted sales to a short list of firms.",
        "The president said he would let the company sell it there.",
    ],
)
def test_a_go_ahead_in_any_verb_of_its_family_is_one_event(sentence: str) -> None:
    assert "sale-permitted" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The White House would not permit the sale of the chip.",
        "No shipments have been approved so far.",
        "Officials refused to clear exports of the accelerator.",
        "The firm is yet to be allowed to sell the part.",
        "Analysts think the sale could move the shares.",  # a sale, no go-ahead
    ],
)
def test_a_go_ahead_denied_or_absent_is_not_one(sentence: str) -> None:
    assert "sale-permitted" not in events_in(sentence)


def test_xi_told_of_the_decision_is_an_event_and_a_mention_of_xi_is_not() -> None:
    assert "xi-informed" in events_in("He said he had briefed Xi Jinping on the plan.")
    assert "xi-informed" in events_in("Xi reacted positively, he wrote.")
    assert "xi-informed" not in events_in("Xi Jinping is due to visit in April.")


GO_AHEAD_RETOLD = (
    "US President Donald Trump wrote online that Nvidia may go ahead and sell its H200 processors "
    'to vetted "approved customers" in China, a shift in policy.\n\n'
    "He added that he had informed Chinese leader Xi Jinping of the move and that the response was good."
)
# The near miss: the same chip and actors, the same verb family, but a go-ahead withheld and no Xi.
GO_AHEAD_WITHHELD = (
    "US President Donald Trump wrote online that Nvidia will not be allowed to sell its H200 processors "
    "in China for now, a shift in policy.\n\n"
    "He added that talks with Beijing would go on."
)


def test_the_go_ahead_retold_in_new_words_is_offered(real_seeds) -> None:
    offered = {d.source_id: d for d in draft_from_text(GO_AHEAD_RETOLD, real_seeds).duplicates}
    assert TRUMP_GO_AHEAD in offered
    assert "Xi told of the decision" in offered[TRUMP_GO_AHEAD].why


def test_a_go_ahead_withheld_is_not_offered_the_go_ahead(real_seeds) -> None:
    offered = {d.source_id for d in draft_from_text(GO_AHEAD_WITHHELD, real_seeds).duplicates}
    assert TRUMP_GO_AHEAD not in offered


# --------------------------------------------------------------------------- the first shipments, from stock


@pytest.mark.parametrize(
    "sentence",
    [
        "The vendor will begin shipping the boards before the holiday.",
        "The company is preparing to deliver the first units next month.",
    ],
)
def test_shipping_announced_in_other_words_is_shipments_planned(sentence: str) -> None:
    assert "shipments-planned" in events_in(sentence)


def test_shipping_that_has_begun_is_not_shipments_planned() -> None:
    found = events_in("The vendor began shipping the boards last week.")
    assert "shipments-planned" not in found
    assert "deliveries-begun" in found


def test_orders_filled_from_stock_is_an_event_and_a_share_stock_is_not() -> None:
    assert "from-stock" in events_in("The first orders will be met from existing inventory.")
    assert "from-stock" in events_in("Units drawn from its stockpile go out first.")
    assert "from-stock" not in events_in("The stock fell 3% as inventory worries grew.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Regulators are still working out the conditions they will impose on the buyers.",
        "The ministry set strict conditions for each purchase.",
        "The approval came with conditions attached.",
    ],
)
def test_conditions_in_any_verb_of_their_family_are_a_conditional_approval(sentence: str) -> None:
    assert "conditional-approval" in events_in(sentence)


def test_conditions_named_without_being_set_are_not() -> None:
    assert "conditional-approval" not in events_in("Market conditions stayed weak through the quarter.")


SHIPMENT_RETOLD = (
    "Nvidia is preparing to ship H200 accelerators to Chinese clients before the Lunar New Year, "
    "Reuters reported, citing people familiar with it.\n\n"
    "The first orders will be filled from existing inventory: 5,000 to 10,000 boards, or some "
    "40,000 to 80,000 chips."
)
# The near miss: the same chip and vendor, shipping already under way and no stock, no figures.
SHIPMENT_BEGUN = (
    "Nvidia has started delivering H200 accelerators to Chinese clients, Reuters reported.\n\n"
    "The firm said more would follow in the spring."
)


def test_the_first_shipments_from_stock_retold_are_offered(real_seeds) -> None:
    offered = {d.source_id: d for d in draft_from_text(SHIPMENT_RETOLD, real_seeds).duplicates}
    assert STOCK in offered
    assert "shipped from stock" in offered[STOCK].why


def test_shipments_already_begun_are_not_offered_the_plan_from_stock(real_seeds) -> None:
    offered = {d.source_id for d in draft_from_text(SHIPMENT_BEGUN, real_seeds).duplicates}
    assert STOCK not in offered


# --------------------------------------------------------------------------- payment up front, quotas


@pytest.mark.parametrize(
    "sentence",
    [
        "Buyers now have to pay the full amount of each order upfront.",
        "Customers paid for the boards in advance.",
        "The firm wants clients to pay 100% before shipment.",
    ],
)
def test_paying_up_front_in_other_words_is_prepayment(sentence: str) -> None:
    assert "prepayment" in events_in(sentence)


def test_paying_on_delivery_is_not_prepayment() -> None:
    assert "prepayment" not in events_in("Customers pay when the boards arrive, as before.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may clear purchases in limited circumstances, for instance for labs.",
        "Buyers could get approval under exceptional circumstances.",
        "Approvals are likely for university-linked research centres.",
    ],
)
def test_purchases_allowed_only_in_limited_circumstances_are_special_cases(sentence: str) -> None:
    assert "special-cases" in events_in(sentence)


def test_limited_cases_of_paying_another_way_are_not_special_cases() -> None:
    # near miss: the prepayment story's "in limited cases" is how buyers may pay, not who may buy
    assert "special-cases" not in events_in("In limited cases, buyers may put up collateral instead of cash.")


def test_quotas_and_ratios_in_the_plural_tie_orders_to_home_made_chips() -> None:
    assert "domestic-ratio" in events_in("Officials draft quotas that favour Chinese-made chips.")
    assert "domestic-ratio" in events_in("Locally made processors would be bought under ratios set by the state.")
    assert "domestic-ratio" not in events_in("Officials draft quotas for rare-earth exports.")


UPFRONT_RETOLD = (
    "Nvidia now wants Chinese customers to pay 100% of each H200 order upfront, "
    "with no chance to cancel or get a refund."
)
UPFRONT_DENIED_NEAR_MISS = "Nvidia said Chinese customers may pay for H200 orders when the chips are delivered."


def test_payment_up_front_retold_is_offered_the_payment_story(real_seeds) -> None:
    assert PREPAY in {d.source_id for d in draft_from_text(UPFRONT_RETOLD, real_seeds).duplicates}


def test_payment_on_delivery_is_not_offered_the_payment_story(real_seeds) -> None:
    assert PREPAY not in {d.source_id for d in draft_from_text(UPFRONT_DENIED_NEAR_MISS, real_seeds).duplicates}


# --------------------------------------------------------------------------- who acts when no body is named


def _doers(text: str, event: str, real_seeds) -> set[str]:
    from data.draft import story

    return story.read_text(story.story_index(real_seeds), text).events.get(event, set())


def test_a_country_as_the_subject_of_a_government_verb_is_its_government(real_seeds) -> None:
    assert "cn-government" in _doers("China asked some firms to pause new H200 orders.", "orders-paused", real_seeds)


def test_a_country_named_as_a_place_is_no_actor(real_seeds) -> None:
    doers = _doers("Sales in China were paused by Nvidia for the quarter.", "orders-paused", real_seeds)
    assert "cn-government" not in doers


def test_the_president_is_the_white_house_and_a_company_president_is_not(real_seeds) -> None:
    assert "us-white-house" in _doers("The president said sales were on hold.", "orders-paused", real_seeds)
    doers = _doers("The president of the company said sales were on hold.", "orders-paused", real_seeds)
    assert "us-white-house" not in doers


def test_the_us_as_the_subject_of_an_approval_is_washington(real_seeds) -> None:
    doers = _doers("The US approval requires vetted customers for every sale.", "buyer-security-checks", real_seeds)
    assert "us-white-house" in doers
    doers = _doers("US customers must be vetted customers too, Nvidia said.", "buyer-security-checks", real_seeds)
    assert "us-white-house" not in doers


# --------------------------------------------------------------------------- the January rule's checks


def test_an_independent_review_is_an_event_and_a_review_alone_is_not() -> None:
    assert "independent-check" in events_in("Each unit needs a third-party audit before it leaves.")
    assert "independent-check" in events_in("An independent lab must test every shipment.")
    assert "independent-check" not in events_in("The agency will review every shipment.")


def test_vetted_buyers_are_security_checks_on_the_buyer() -> None:
    assert "buyer-security-checks" in events_in("Sales go only to vetted customers.")
    assert "buyer-security-checks" not in events_in("Customers were vetting the offer.")


RULE_RETOLD = (
    "The US approval lets Nvidia sell the H200 in China under a new framework: only vetted customers "
    "may buy, and a third-party review is required for every unit sold."
)
# The near miss: the same chip, the same approval, neither of the rule's two checks.
RULE_NEAR_MISS = "The US approval lets Nvidia sell the H200 in China, and buyers there are weighing orders."


def test_two_rare_things_the_rule_tells_done_by_washington_offer_the_rule(real_seeds) -> None:
    offered = {d.source_id: d for d in draft_from_text(RULE_RETOLD, real_seeds).duplicates}
    assert RULE in offered
    assert "checked by an independent party" in offered[RULE].why


def test_the_approval_alone_does_not_offer_the_rule(real_seeds) -> None:
    assert RULE not in {d.source_id for d in draft_from_text(RULE_NEAR_MISS, real_seeds).duplicates}


# --------------------------------------------------------------------------- a go-ahead on the buying side


def test_an_import_or_a_purchase_cleared_is_a_go_ahead_too() -> None:
    assert "sale-permitted" in events_in("Beijing has approved the import of the chips for three firms.")
    assert "sale-permitted" in events_in("Regulators cleared purchases by two cloud groups.")
    assert "sale-permitted" not in events_in("Beijing has not approved any import of the chips.")
    assert "sale-permitted" not in events_in("Firms wait to hear whether Beijing will let them buy the chips.")
    assert "sale-permitted" not in events_in("The chief executive hopes China will allow the sale soon.")


def test_licences_conditioned_on_something_are_a_conditional_approval() -> None:
    assert "conditional-approval" in events_in("Licences are sometimes conditioned on buying local chips.")
    assert "conditional-approval" not in events_in("Buyers are conditioned to expect delays.")


BATCH_RETOLD = (
    "China has approved the import of Nvidia H200 chips for ByteDance, Alibaba and Tencent, "
    "allowing them to buy more than 400,000 in all, with licences conditioned on terms still being set."
)
# The near miss: the same three buyers and chip, nothing cleared, no figure.
BATCH_NEAR_MISS = "ByteDance, Alibaba and Tencent are still waiting to hear whether China will let them buy H200 chips."


def test_the_first_batch_retold_without_its_words_is_offered(real_seeds) -> None:
    assert FIRST_BATCH in {d.source_id for d in draft_from_text(BATCH_RETOLD, real_seeds).duplicates}


def test_buyers_still_waiting_are_not_offered_the_first_batch(real_seeds) -> None:
    assert FIRST_BATCH not in {d.source_id for d in draft_from_text(BATCH_NEAR_MISS, real_seeds).duplicates}


def test_a_figures_stage_is_the_first_telling_not_a_later_aside(real_seeds) -> None:
    # "agreed to pay 15%" is the deal in force; a later "the 15% could cut margins" reads as
    # proposed, and once made the deal's story look like another stage of it
    text = "Nvidia and AMD agreed to pay the US government 15% of their China revenue from H20 and MI308 sales."
    fifteen = Figure(unit="percent", bound="exact", wording="15%", value=15.0)
    deal = "2025-08-11-business-recorder-nvidia-amd-15pct-china-revenue"

    def score(stages: dict[str, str | None]) -> float:
        found = find_duplicates(
            real_seeds, url=None, title=None, publisher=None, published=None, origin=None, carrier={},
            figures=[("a", fifteen), ("b", fifteen)], text=text,
            metrics={"a": "h20-mi308-revenue-share-pct", "b": "h20-mi308-revenue-share-pct"}, statuses=stages,
        )  # fmt: skip
        return next((d.score for d in found if d.source_id == deal), 0.0)

    first_in_force = score({"a": "in_effect", "b": "proposed"})
    assert first_in_force > 0 and first_in_force == score({"a": "in_effect", "b": None})
    assert score({"a": "proposed", "b": "in_effect"}) < first_in_force  # near miss: told first as proposed
