"""Run s8's misses of fixtures 152-154: verb forms and wordings the event patterns missed ("pauses"
as a noun or a verb, "restricting access for the military", "face tighter scrutiny", "preliminary
clearance"), and a halt to production read as itself, never as a pause in orders. Each rule with
a case and a near miss; the short texts are written for these tests.
"""

from __future__ import annotations

from data.draft import story
from data.draft.events import events_in

LIMITED_USE = "2026-01-08-bloomberg-china-to-approve-h200-limited-use"


def test_a_pause_in_orders_is_read_in_each_form_of_the_word() -> None:
    assert "orders-paused" in events_in("The rules led to short pauses in orders from several firms.")
    assert "orders-paused" in events_in("Beijing suspends new orders of the chip.")
    # near miss: "pauses" as part of another word is no pause
    assert "orders-paused" not in events_in("The firm's menopause study drew orders for a new drug.")


def test_sensitive_buyers_singled_out_in_other_words_are_kept_out() -> None:
    assert "sensitive-buyers-excluded" in events_in(
        "Beijing would allow imports while restricting access for military users."
    )
    assert "sensitive-buyers-excluded" in events_in(
        "Buying by state-owned groups and the military will face closer scrutiny."
    )
    # near miss: the military named with no restriction or scrutiny on it
    assert "sensitive-buyers-excluded" not in events_in(
        "The military parade drew large crowds and heavy scrutiny of the route."
    )


def test_a_clearance_for_commercial_use_alone_keeps_sensitive_buyers_out() -> None:
    assert "sensitive-buyers-excluded" in events_in("The imports would be cleared only for select commercial use.")
    assert "sensitive-buyers-excluded" in events_in("The chips may go to private buyers, not to the military.")
    # near misses: commercial use with no "only", and the military named as a buyer
    assert "sensitive-buyers-excluded" not in events_in("The chips are meant for commercial use in data centres.")
    assert "sensitive-buyers-excluded" not in events_in("Orders came from the military and from state-run labs.")


def test_a_preliminary_clearance_is_an_approval_in_principle() -> None:
    assert "approved-in-principle" in events_in(
        "Regulators gave the three firms preliminary clearance to plan purchases."
    )
    # near miss: a clearance with no word that it is only preliminary
    assert "approved-in-principle" not in events_in("Regulators gave the three firms clearance to plan purchases.")


def test_a_halt_to_production_is_not_a_pause_in_orders() -> None:
    assert events_in("Parts makers paused production of the boards.") >= {"production-halted"}
    assert "orders-paused" not in events_in("Parts makers paused production of the boards.")
    assert "production-halted" in events_in("The firm stopped producing the chip for that market.")
    # near miss: production stepped up is no halt, and orders paused beside it are still a pause
    assert "production-halted" not in events_in("The firm stepped up production of the chip.")
    assert "orders-paused" in events_in("Suppliers halted production and buyers paused orders.")


def test_a_retelling_of_use_limits_shares_the_limited_use_storys_events(real_seeds) -> None:
    index = story.story_index(real_seeds)
    text = (
        "Beijing is expected to allow sales of the H200, while purchases by state-owned firms and the "
        "military are likely to face tighter scrutiny."
    )
    shared = story.shared_events(index, LIMITED_USE, story.read_text(index, text))
    assert "sensitive-buyers-excluded" in shared
    # near miss: the go-ahead alone says nothing of whom it leaves out
    alone = story.read_text(index, "Beijing is expected to allow sales of the H200 this quarter.")
    assert "sensitive-buyers-excluded" not in story.shared_events(index, LIMITED_USE, alone)


def test_rules_still_being_written_are_read_in_each_verb_for_it() -> None:
    # run s8's paste miss of fixture 151: "drafting its own rules" retells "writing rules"
    assert "rules-drafted" in events_in("The ministry is drafting new rules on chip imports.")
    assert "rules-drafted" in events_in("Officials were writing rules to cap purchases.")
    assert "rules-drafted" in events_in("The regulator drew up guidelines for buyers.")
    # near miss: rules in force, or a draft of something else, are not rules being written
    assert "rules-drafted" not in events_in("The rules took effect on Monday.")
    assert "rules-drafted" not in events_in("The team drafted a letter to the board.")
