"""Statements read by how the sentence is built: the main clause over a clause of cause or time, a
concession that is all a sentence says, "approved" naming whom sales may go to, a decided permission
in the infinitive, an announced future permission, shipping put ahead in time, no orders placed yet.

Every case has a near miss in nearly the same words that must come out otherwise. The sentences are
our own, not any article's.
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
        # the main clause says what happened; a clause of cause or time says why or when
        ("Board makers paused production after the border office said the parts were not permitted in.", "paused"),
        ("Because the regulator has not yet approved the purchases, the assemblers stopped buying.", "paused"),
        # ... unless the main clause states nothing: then the whole sentence decides
        ("The slump came after the border office said the parts were not permitted in.", "blocked"),
        # ... and a wait stated in a clause of its own still decides
        ("Sales remain stuck, weeks after the licence was granted, pending a security review.", "under_review"),
        # a concession is set aside when the main clause carries the news ...
        ("Despite the approval in Washington, Beijing has not yet allowed the imports.", "pending"),
        # ... but when the main clause only frames it, the concession is what the sentence says
        ("This comes even though Washington approved the exports.", "approved"),
        ("Even though Washington approved the exports, buyers remain cautious about the terms.", None),
    ],
)
def test_the_main_clause_decides(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "approved" before the buyers it names is whom a sale may go to, not a step ...
        ("The boards may only be sold to approved customers abroad.", None),
        ("Shipments are limited to “approved buyers” in the region.", None),
        # ... while an approval of named buyers is one
        ("The ministry approved three companies to import the boards.", "approved"),
        ("Regulators approved the buyers' applications on Friday.", "approved"),
    ],
)
def test_approved_as_an_adjective_is_no_approval(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The cabinet's decision in March to approve the exports surprised investors.", "approved"),
        ("The move to clear the boards came late on Friday.", "approved"),
        ("The decision whether to approve the exports lies with the cabinet.", None),
        # a permission confirmed for the future is announced; a remark that someone will decide is not
        ("The president confirmed on Monday that he would permit the sales to vetted buyers.", "announced"),
        ("The minister said the president will approve or block the sales.", "planned"),
    ],
)
def test_permissions_in_other_shapes(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # shipping put ahead in time is a planned shipment, whatever else the sentence names
        ("The vendor aims to start shipping the boards before the spring holiday.", ("shipment", "planned")),
        ("The vendor told clients it will begin shipping the boards in March.", ("shipment", "planned")),
        ("The vendor announced to clients that it will begin shipping the boards soon.", ("shipment", "planned")),
        # an announcement about something else stays what it was
        ("The vendor announced a new board for data centres.", ("statement", "announced")),
        # no orders placed is none, and the orders are what is none
        ("The firms hold approvals but are not placing orders yet.", ("order", "none")),
        ("The buyers have not yet placed any orders for the boards.", ("order", "none")),
        # holding orders back until something happens is a pause, not none
        ("The buyers are not placing orders until the terms are settled.", ("order", "paused")),
        ("The buyers placed orders for the boards this week.", ("order", None)),
    ],
)
def test_planned_shipping_and_no_orders(sentence: str, expected: tuple[str, str | None]) -> None:
    assert refine(kind(sentence, None), status(sentence), sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Labs across the country are seeking the boards for research.", "demand_signal"),
        ("Demand for these accelerators remains very high among cloud firms.", "demand_signal"),
        ("Cloud firms are rushing to secure the boards before the rules change.", "demand_signal"),
        ("Regulators warned the platforms against purchasing the boards.", "policy"),
    ],
)
def test_demand_and_warnings_are_their_own_kinds(sentence: str, expected: str) -> None:
    assert kind(sentence, None) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an idiom of racing and a goal that is sought are no demand for the chip ...
        "Officials paused the orders, as the capital seeks to favour home-grown chip design in the race for AI.",
        # ... nor are customers described by what they want
        "The vendor set stricter payment terms for customers who want to buy the boards.",
    ],
)
def test_near_misses_are_no_demand(sentence: str) -> None:
    assert kind(sentence, None) != "demand_signal"


def _statements(text: str, seeds) -> list[tuple[str, str | None]]:
    draft = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    return sorted((c.kind, c.status) for c in draft.claims if c.figure is None)


def test_statements_without_a_status_word_are_drafted(real_seeds) -> None:
    text = (
        "Demand for Nvidia's H200 chips remains very high among Chinese cloud companies.\n\n"
        "Chinese companies have approvals but are not placing orders for the H200 yet.\n\n"
        "Nvidia aims to start shipping the H200 to China before the Lunar New Year.\n"
    )
    assert _statements(text, real_seeds) == [("demand_signal", None), ("order", "none"), ("shipment", "planned")]


def test_demand_talk_with_no_tracked_chip_or_firm_is_not_drafted(real_seeds) -> None:
    text = "Demand for garden furniture remains very high among retailers this spring.\n"
    assert _statements(text, real_seeds) == []


def test_a_shipping_plan_beside_another_figure_is_a_claim_of_its_own(real_seeds) -> None:
    text = "Nvidia had expected orders of more than 900,000 H200 chips, with shipments planned as early as April.\n"
    assert ("shipment", "planned") in _statements(text, real_seeds)


def test_a_figure_that_is_the_shipping_plan_gets_no_second_claim(real_seeds) -> None:
    text = "Nvidia plans to ship 60,000 H200 chips to Chinese buyers in April.\n"
    assert _statements(text, real_seeds) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hyphenated "in-principle" is the same step as "in principle"
        ("The regulator gave in-principle approval to the three platforms.", "in_principle"),
        ("The regulator gave final approval to the three platforms.", "approved"),
        # a restriction that stands is a block; a restriction merely talked about is not
        ("The newer boards remain restricted for sale to the region.", "blocked"),
        ("The newer boards are prohibited from entering the region.", "blocked"),
        ("Critics talked about the restrictions on the newer boards.", "proposed"),
        # "formerly" puts a measure in the past; "previously" only dates an event the report states
        ("The earlier government had formerly prohibited such boards.", None),
        ("Customs had previously halted the shipments.", "halted"),
    ],
)
def test_step_words_in_other_forms(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the approver decides the kind, whatever keyword kind the rest of the sentence has
        (
            "The arrests came on the day the Trump administration authorized limited exports.",
            ("export_licence", "approved"),
        ),
        ("The arrests came after a long inquiry by federal agents.", ("enforcement", None)),
        # an approval "from" someone is theirs; the seeds never file a US licence as conditional
        (
            "The vendor obtained approval from the US administration to sell the boards there.",
            ("export_licence", "approved"),
        ),
        (
            "It comes despite conditional approval from the Trump administration for the exports.",
            ("export_licence", "approved"),
        ),
        # a conditional approval by Beijing stays conditional
        ("Beijing conditionally approved purchases for two platforms.", ("import_approval", "conditional")),
    ],
)
def test_the_approver_decides_the_kind(sentence: str, expected: tuple[str, str | None]) -> None:
    assert refine(kind(sentence, None), status(sentence), sentence) == expected


def test_enforcement_actions_are_drafted_worries_are_not(real_seeds) -> None:
    acted = "Federal agents arrested two traders accused of routing Nvidia H200 chips to China.\n"
    assert _statements(acted, real_seeds) == [("enforcement", None)]
    worried = "Concerns about H200 chip smuggling into China keep growing among Nvidia watchers.\n"
    assert _statements(worried, real_seeds) == []


def test_a_proposal_rides_on_its_figure_as_the_seeds_keep_it(real_seeds) -> None:
    text = "The Trump administration is weighing a cap of 60,000 Nvidia H200 chips per Chinese buyer.\n"
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    assert [(c.kind, c.status, c.figure is not None) for c in draft.claims] == [("condition", "proposed", True)]
    approved = "The Trump administration approved a cap of 60,000 Nvidia H200 chips per Chinese buyer.\n"
    assert _statements(approved, real_seeds) == [("export_licence", "approved")]  # a step taken gets its own claim


def test_a_step_by_a_government_named_by_its_capital_beside_a_figure(real_seeds) -> None:
    text = "Washington approved H200 exports but required the chips to pass through US labs for a 25% fee.\n"
    assert ("export_licence", "approved") in _statements(text, real_seeds)
    other = "Analysts expect H200 exports to add 25% to the segment this year.\n"
    assert _statements(other, real_seeds) == []


def test_customs_in_a_clause_of_cause_is_not_who_acts() -> None:
    caused = "Board makers paused production after the customs office said the parts were not permitted in."
    assert refine(kind(caused, None), status(caused), caused) == ("production", "paused")
    acting = "The customs office paused imports of the parts this week."
    assert refine(kind(acting, None), status(acting), acting) == ("import_approval", "blocked")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The first boards are due to arrive before the holiday.", "planned"),
        # "due to" giving a cause is no plan: the block in that clause is what the sentence states
        ("Output has been disrupted due to a blockade at the border.", "blocked"),
    ],
)
def test_due_to_a_cause_is_no_plan(sentence: str, expected: str) -> None:
    assert status(sentence) == expected


def test_an_announced_permission_beside_a_figure_is_the_approvers_step(real_seeds) -> None:
    text = (
        "On Monday President Donald Trump announced that Nvidia would be granted permission to sell the H200 "
        "to China subject to a 25% export tax.\n"
    )
    assert _statements(text, real_seeds) == [("export_licence", "announced")]


def test_demand_in_the_world_at_large_is_not_chinas(real_seeds) -> None:
    world = "Demand for Nvidia H200 processors has surged globally as cloud companies invest.\n"
    assert _statements(world, real_seeds) == []
    china = "Demand for Nvidia H200 processors has surged in China as cloud companies invest.\n"
    assert _statements(china, real_seeds) == [("demand_signal", None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # terms not settled yet wait: the conditions are what is pending
        ("The planning agency is still finalising the conditions for the buyers.", ("condition", "pending")),
        ("The terms for the buyers have yet to be finalised by the agency.", ("condition", "pending")),
        # settled terms are a condition that stands
        ("The planning agency finalised the conditions for the buyers last week.", ("condition", "conditional")),
        # a concession at the end of a sentence is set aside like one at its start
        ("The agency has set conditions on the approvals, although the terms are still under negotiation.",
         ("condition", "conditional")),
    ],
)  # fmt: skip
def test_terms_not_settled_are_pending(sentence: str, expected: tuple[str, str | None]) -> None:
    assert refine(kind(sentence, None), status(sentence), sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a measure being prepared is proposed, whoever weighs it ...
        (
            "Regulators are reviewing a plan to require buyers to take some home-made boards too.",
            ("condition", "proposed"),
        ),
        ("Officials are drafting quotas that favour home-made boards.", ("condition", "proposed")),
        ("Tighter limits could be placed on the board sales, a person said.", ("condition", "proposed")),
        # ... while a review of applications stays a review, and a quota in force is a condition
        ("Regulators are reviewing the licence applications for the boards.", ("export_licence", "under_review")),
        ("Buyers must meet a quota of home-made boards under the rule.", ("condition", None)),
    ],
)
def test_a_measure_being_prepared_is_proposed(sentence: str, expected: tuple[str, str | None]) -> None:
    assert refine(kind(sentence, None), status(sentence), sentence) == expected


def test_a_share_of_china_made_chips_is_no_market_share() -> None:
    assert kind("The rule asks buyers to take a share of China-made boards.", None) != "market"
    assert kind("The vendor's share of China's market fell to nothing.", None) == "market"


def test_buyers_in_general_words_are_the_buyer_side(real_seeds) -> None:
    text = (
        "Chinese cloud companies hold approvals for the Nvidia H200 but are not placing orders yet.\n\n"
        "Nvidia is not placing orders with its suppliers for the H200 yet.\n"
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    assert [(c.kind, c.status, c.side) for c in draft.claims] == [
        ("order", "none", "buyer"),
        ("order", "none", "vendor"),
    ]
