"""Statuses of claims without a number: which word in a sentence decides the status.

Each case has a near miss that must not change: the rule is about how the sentence is built
(a negation, a concession, an aside, a denied word, a past measure), never one article's words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from data.draft import draft_from_text
from data.draft.statuses import refine, status
from data.draft.suggest import kind


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a negation with an adverb between "not yet" and the verb is still a wait
        ("The ministry has not yet formally cleared the purchase of the chips.", "pending"),
        ("The ministry formally cleared the purchase of the chips.", "approved"),
        ("Regulators in Beijing are yet to approve any of the orders.", "pending"),
        ("Regulators in Beijing approved most of the orders.", "approved"),
        ("A final decision has not yet been made on the licences.", "pending"),
        # a concessive clause is set aside: the main clause decides
        ("Despite the block at the border last month, Beijing has now cleared the cargo.", "approved"),
        ("Beijing blocked the cargo at the border, then cleared part of it.", "blocked"),
        ("Beijing cleared the cargo after a long block.", "approved"),
        # a denied word is no status
        ("Buyers pay in advance and have no right to cancel once the order is placed.", None),
        ("Two buyers cancelled their orders last week.", "cancelled"),
        # a past measure named in passing is not the sentence's status
        ("Revenue fell sharply when the previous ban took effect.", "in_effect"),
        ("Washington imposed a ban on the sales.", "blocked"),
        # an aside about others ("with more firms now waiting") does not override the main step
        ("Three firms were cleared to buy the chip, with several others still awaiting a decision.", "approved"),
        ("Several firms are still awaiting a decision on the chip.", "pending"),
        # "only in special cases" makes a future permission conditional
        ("Imports will be permitted only in special cases.", "conditional"),
        ("Imports will be permitted from next month.", "planned"),
        # held up by a review is under review, not merely pending
        ("Licences remain stuck pending a lengthy security review.", "under_review"),
        ("Licences remain stuck pending an answer from the ministry.", "pending"),
        ("The president announced that he is allowing the sales.", "announced"),
        ("Officials told the companies to put their purchase orders on hold.", "paused"),
        ("Officials told the companies to hold talks with the vendor.", None),
        # the noun "approval" alone is no approval; a verb or "received approvals" is
        ("There was doubt about the regulator's approval for months.", None),
        ("The three firms received approvals during the visit.", "approved"),
        ("Beijing has begun approving imports of the chip.", "approved"),
    ],
)
def test_status_word_that_decides(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


def _statements(text: str, seeds) -> list:
    draft = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    return [c for c in draft.claims if c.figure is None]


def test_a_figure_sentence_that_states_an_approval_gets_a_statement_too(real_seeds) -> None:
    text = "Beijing approved imports of the H200 for ByteDance and Alibaba, more than 300,000 chips in all.\n"
    found = _statements(text, real_seeds)
    assert [(c.kind, c.status) for c in found] == [("import_approval", "approved")]
    assert found[0].text.startswith("Beijing approved imports")  # the sentence's own words


def test_a_figure_sentence_without_a_step_stays_a_figure(real_seeds) -> None:
    text = "Chinese companies have placed orders for more than 300,000 H200 chips, sources said.\n"
    assert _statements(text, real_seeds) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "has been told not to": a passive instruction is a block
        ("Border officers were told not to clear the processors.", "blocked"),
        ("Border officers were told to clear the processors quickly.", None),
        # a curly apostrophe is still a negation
        ("Officials said the parts couldn’t enter the country.", "blocked"),
        ("Officials said the parts could enter the country.", None),
    ],
)
def test_passive_and_typographic_negations(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        # the approver named before the verb decides whose step it is
        ("The US administration approved the sales under several conditions.", "condition", "export_licence"),
        ("Beijing has conditionally approved a start-up to buy the chip.", "condition", "import_approval"),
        ("Washington has cleared the vendor to sell the part.", "import_approval", "export_licence"),
        # near misses: a condition with no approval verb, a plan, and a leading concession keep their kind
        ("The ministry is attaching conditions to each approval.", "condition", "condition"),
        ("Beijing plans to limit who may buy the part.", "condition", "condition"),
        ("While Washington approved the sales, buyers must pay in advance.", "condition", "condition"),
    ],
)
def test_an_approval_is_the_approvers_step(sentence: str, kind: str, expected: str) -> None:
    assert refine(kind, status(sentence), sentence)[0] == expected


def test_a_customs_authority_stopping_goods_is_a_blocked_import() -> None:
    assert refine("shipment", "halted", "Chinese customs halted the cargo at the border.") == (
        "import_approval",
        "blocked",
    )
    # near miss: goods halted for another reason, customs named only as a place at the end
    assert refine("shipment", "halted", "The vendor halted the cargo for weeks before it reached the customs") == (
        "shipment",
        "halted",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a change to output is production, even when its purpose is shipping
        ("The vendor plans to raise production capacity so that it can speed up shipments abroad.", "production"),
        ("The vendor plans to speed up shipments abroad.", "shipment"),
        ("The firm is looking for additional capacity at its foundry partner.", "production"),
        ("The firm has capacity to spare this year.", "statement"),
    ],
)
def test_output_changes_are_production(sentence: str, expected: str) -> None:
    assert kind(sentence, None) == expected


def test_a_hoped_for_shipment_is_a_planned_statement(real_seeds) -> None:
    found = _statements("Nvidia has told buyers in China that it hopes to ship the H200 by the spring.\n", real_seeds)
    assert [(c.kind, c.status) for c in found] == [("shipment", "planned")]
    # near miss: the same words about a past event name no plan and no step
    assert status("Nvidia told buyers in China about the H200 last spring.") is None


def test_a_production_change_by_a_named_firm_is_a_statement(real_seeds) -> None:
    found = _statements("Nvidia is ramping up production of the H200 for buyers in China.\n", real_seeds)
    assert [c.kind for c in found] == ["production"]
    # near miss: a remark on the chip's speed, with no step, is no claim
    assert _statements("Nvidia says the H200 is fast enough for most buyers in China.\n", real_seeds) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # held up during a review is under review, wherever "halted" stands
        ("Exports have been halted for weeks amid a lengthy security review in Washington.", "under_review"),
        ("Exports have been halted for weeks.", "halted"),
        # buyers holding back until something is clear is a pause
        ("Buyers are not placing orders for the part until the rules are clear.", "paused"),
        ("Buyers are placing orders for the part.", None),
        ("The ministry is pushing for tighter limits on the part.", "proposed"),
        ("The ministry pushed the vendor aside.", None),
        ("So far no deliveries have been made to the buyers.", "none"),
        ("Deliveries have been made to the buyers.", None),
    ],
)
def test_reviews_pauses_and_pushes(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


def test_whose_review_and_what_a_pause_stops() -> None:
    review = "Sales of the part have been halted amid a US security review."
    assert refine("statement", status(review), review)[0] == "export_licence"
    no_reviewer = "Sales of the part have been halted amid a security review by the buyer."
    assert refine("statement", status(no_reviewer), no_reviewer)[0] == "statement"
    pause = "The ministry told firms to temporarily suspend purchases of the part."
    assert kind(pause, None) != "financial"  # "suspend" is no spending
    assert refine("condition", status(pause), pause)[0] == "order"
    other = "The ministry told the vendor to temporarily suspend its price rises."
    assert refine("price", status(other), other)[0] == "price"


def test_a_chip_that_delivers_performance_is_a_spec_not_a_delivery(real_seeds) -> None:
    assert _statements("Nvidia's H200 delivers about five times the performance of older parts.\n", real_seeds) == []
    # near miss: chips delivered to buyers are a delivery
    found = _statements("Nvidia delivered its first H200 chips to buyers in China this week.\n", real_seeds)
    assert [c.kind for c in found] == ["delivery"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a step the sentence leaves open ("whether", "who gets") is no status
        ("Analysts doubt whether the ministry will approve the imports.", None),
        ("The ministry has not said who gets approved next.", None),
        ("The ministry approved the imports, analysts said.", "approved"),
    ],
)
def test_open_questions_state_no_status(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


def test_officials_steering_buyers_is_a_policy(real_seeds) -> None:
    text = "Chinese authorities gave firms guidance discouraging them from buying the H200 this month.\n"
    assert [c.kind for c in _statements(text, real_seeds)] == ["policy"]
    # near miss: an argument that sales discourage a rival is no guidance
    assert kind("Selling the chip abroad discourages rivals from catching up, Nvidia says.", None) != "policy"


def test_a_go_ahead_is_an_approval_by_the_side_that_gives_it() -> None:
    sentence = "The Trump administration gave the vendor the go-ahead to sell the part abroad."
    assert status(sentence) == "approved"
    assert refine("statement", "approved", sentence)[0] == "export_licence"
    assert status("The vendor went ahead with its plan to sell the part abroad.") != "approved"


def test_a_trip_is_a_visit_when_no_approval_verb_is_the_news() -> None:
    assert refine("import_approval", None, "The approvals came during the chief executive's trip to Beijing.") == (
        "visit",
        None,
    )
    # near miss: an approval verb makes it the approval, the trip only its setting
    sentence = "Beijing approved the imports during the chief executive's trip."
    assert refine("import_approval", status(sentence), sentence)[0] == "import_approval"


def test_an_analysts_view_is_not_a_claim(real_seeds) -> None:
    text = "An analyst believes Beijing is using the H200 to pressure Washington ahead of a visit by Trump.\n"
    assert _statements(text, real_seeds) == []
    # near miss: the same visit reported as news is a claim
    assert [c.kind for c in _statements("Trump will visit Beijing in April to discuss the H200.\n", real_seeds)] == [
        "visit"
    ]


def test_wanting_to_buy_is_a_demand_signal(real_seeds) -> None:
    found = _statements("Alibaba and ByteDance have expressed a strong desire to buy the H200.\n", real_seeds)
    assert [c.kind for c in found] == ["demand_signal"]
    # near miss: buying it is an order
    assert kind("Alibaba and ByteDance bought the H200 last week.", None) == "order"


@pytest.mark.parametrize(
    "text",
    [
        "It seems that deliveries of the H200 to China may take longer than Nvidia hoped.\n",
        "Export licences for the H200 typically fall under the Commerce Department.\n",
        "The Commerce Department did not respond to a request for comment on the H200 licences.\n",
    ],
)
def test_hedges_habits_and_no_comment_are_not_claims(text: str, real_seeds) -> None:
    assert _statements(text, real_seeds) == []


def test_the_same_facts_stated_plainly_are_claims(real_seeds) -> None:
    assert _statements("Deliveries of the H200 to China will take longer than Nvidia hoped.\n", real_seeds)
    assert _statements("The Commerce Department granted export licences for the H200 this week.\n", real_seeds)


def test_a_wording_only_figure_is_its_own_statement(real_seeds) -> None:
    text = "The Commerce Department has authorised only a small number of H200 exports to China.\n"
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 3, 3))
    assert len(draft.claims) == 1 and draft.claims[0].figure is not None  # no second claim for the same step


def test_the_step_beside_a_figure_says_so_in_its_notes(real_seeds) -> None:
    text = "Beijing approved imports of the H200 for ByteDance and Alibaba, more than 300,000 chips in all.\n"
    (step,) = _statements(text, real_seeds)
    assert any("beside its figure" in note for note in step.to_confirm)
    (plain,) = _statements("Beijing approved imports of the H200 for ByteDance and Alibaba.\n", real_seeds)
    assert not any("beside its figure" in note for note in plain.to_confirm)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Beijing appears to be holding up the decision on the imports.", "pending"),
        ("Beijing held a meeting on the imports.", None),
        ("The sale seems stuck on the Chinese side.", "pending"),
    ],
)
def test_a_decision_held_up_is_pending(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


def test_an_announced_permission_to_ship_is_the_approvers_step() -> None:
    sentence = "The US president announced that he would allow some shipments of the part."
    assert refine("shipment", status(sentence), sentence) == ("export_licence", "announced")
    other = "The vendor announced that it would make some shipments of the part."
    assert refine("shipment", status(other), other)[0] == "shipment"


@pytest.mark.parametrize(
    "text",
    [
        "For weeks there was uncertainty over whether Beijing would allow H200 imports.\n",
        "It remains unclear whether Beijing will approve more H200 purchases.\n",
        "The strict terms reflect how unsure Nvidia is about H200 approvals in China.\n",
    ],
)
def test_open_questions_and_commentary_are_not_claims(text: str, real_seeds) -> None:
    assert _statements(text, real_seeds) == []


def test_a_step_that_ends_uncertainty_is_still_a_claim(real_seeds) -> None:
    text = "Beijing has begun approving H200 imports, ending months of regulatory uncertainty.\n"
    assert [(c.kind, c.status) for c in _statements(text, real_seeds)] == [("import_approval", "approved")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Washington is considering a cap on sales of the part.", "proposed"),
        ("Buyers consider the part a big step up from older ones.", None),
    ],
)
def test_considering_a_step_is_proposed_but_judging_a_chip_is_not(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


def test_buyers_judging_the_chip_is_not_a_claim(real_seeds) -> None:
    assert _statements("Chinese buyers consider the H200 a big step up from older parts.\n", real_seeds) == []
    found = _statements("Beijing is considering a cap on H200 purchases by Chinese buyers.\n", real_seeds)
    assert [c.status for c in found] == ["proposed"]


def test_an_approval_step_belongs_to_its_side_whoever_else_is_named(real_seeds) -> None:
    found = _statements(
        "ByteDance and Alibaba were cleared to import the H200 during Jensen Huang's visit.\n", real_seeds
    )
    assert [(c.kind, c.side) for c in found] == [("import_approval", "China")]
    # near miss: a visit alone stays with whoever visits
    (visit,) = _statements("Nvidia's Jensen Huang will visit Shanghai next week to talk about the H200.\n", real_seeds)
    assert (visit.kind, visit.side) == ("visit", "vendor")


def test_a_passive_approval_belongs_to_the_agent_after_by() -> None:
    sentence = "Exports of the part were finally approved by the Trump administration this week."
    assert refine("import_approval", status(sentence), sentence)[0] == "export_licence"
    sentence = "Imports of the part were approved by Beijing on Monday."
    assert refine("export_licence", status(sentence), sentence)[0] == "import_approval"
    # near miss: no agent named, the keyword kind stays
    sentence = "Imports of the part were approved on Monday."
    assert refine("import_approval", status(sentence), sentence)[0] == "import_approval"


def test_a_temporary_hold_is_a_pause_and_orders_received_are_orders() -> None:
    assert status("The move follows a temporary hold on shipments earlier this month.") == "paused"
    assert status("The move follows a long hold-up at the border.") is None
    assert kind("We have not received purchase orders yet, the chief executive said.", None) == "order"
    assert kind("The buyers received their first chips yesterday.", None) == "delivery"


@pytest.mark.parametrize(
    ("sentence", "side_kind"),
    [
        ("The administration intends to authorize the vendor to sell the part in China.", "export_licence"),
        ("Beijing plans to approve purchases by three firms next month.", "import_approval"),
    ],
)
def test_a_planned_approval_is_the_named_sides_step_in_the_verbs_base_form_too(sentence: str, side_kind: str) -> None:
    assert refine("import_approval", "planned", sentence)[0] == side_kind


def test_a_wish_that_a_side_will_approve_is_no_plan_of_that_side() -> None:
    sentence = "The chief executive said he hopes China will allow the sale of the part."
    assert refine("statement", "planned", sentence) == ("statement", "planned")


def test_a_leader_saying_his_side_will_allow_the_sale_announces_that_sides_step() -> None:
    sentence = "The president said on Monday that the US would allow the vendor to sell the part in China."
    assert status(sentence) == "announced"
    assert refine("statement", status(sentence), sentence) == ("export_licence", "announced")


def test_saying_one_hopes_a_side_will_allow_it_announces_nothing() -> None:
    sentence = "The chief executive said last week that he hopes China will allow the sale of the part."
    assert status(sentence) != "announced"
    assert refine("statement", status(sentence), sentence)[0] == "statement"


def test_demand_told_by_whom_it_comes_from_is_a_demand_signal(real_seeds) -> None:
    found = _statements("Huang said demand from Chinese customers for the H200 was very high.\n", real_seeds)
    assert [c.kind for c in found] == ["demand_signal"]
    # near miss: demand named with no word for how it stands is no signal
    assert _statements("Huang spoke about demand from Chinese customers for the H200.\n", real_seeds) == []


def test_a_side_speaking_of_the_fee_is_a_claim(real_seeds) -> None:
    found = _statements("\u201cIt is a fair level,\u201d Trump said of the H200 surcharge.\n", real_seeds)
    assert len(found) == 1 and found[0].side == "US"
    # near miss: the same words about the chip's speed are no claim on the trade
    assert _statements("\u201cIt is a fair level,\u201d Trump said of the H200's speed.\n", real_seeds) == []
