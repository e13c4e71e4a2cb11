"""Evidence the duplicate check missed in run 14 (fixtures 103, 127, 128 and 153): a quoted phrase
that ends its sentence, regulators left unnamed after the paragraph that named them, and a seller's
own terms of sale. Each rule with a case and a near miss; the short texts are written for these
tests, in the project's words.
"""

from __future__ import annotations

from data.draft import story
from data.draft.story_hints import unpunctuated
from data.draft.words import plain
from tests.unit.recarry_sources import PREPAY, TERMS, TRUMP_GO_AHEAD, told


def test_a_quoted_phrase_that_ends_a_sentence_is_still_the_phrase(real_seeds) -> None:
    # the tracker's story quotes "approved customers"; here the stop closes the sentence on it
    text = "Exports are open again, but only to \u201capproved customers.\u201d Analysts shrugged."
    assert " approved customers " in told(text, real_seeds).phrases
    index = story.story_index(real_seeds)
    names = {o: org.name for o, org in real_seeds.organisations.items()}
    signals = story.story_signals(index, TRUMP_GO_AHEAD, told(text, real_seeds), names)
    assert any(story.SAME_WORDS in why for _, why in signals)
    # near miss: the words run on into another word, so the phrase is not there
    assert " approved customers " not in told("Only approved customersupport staff came.", real_seeds).phrases


def test_figures_keep_their_stops_and_commas() -> None:
    assert (
        unpunctuated(plain("It costs $27,000 or 1.5 times more, they said."))
        == " it costs $27,000 or 1.5 times more they said "
    )


def test_regulators_left_unnamed_are_the_government_named_before(real_seeds) -> None:
    text = (
        "The Chinese government is expected to let some H200 imports in.\n\n"
        "Meanwhile, regulators told some local firms to pause orders while they weigh how many home-grown chips must be bought alongside."
    )
    events = told(text, real_seeds).events
    assert "cn-government" in events["domestic-ratio"] and "cn-government" in events["orders-paused"]
    # near miss: regulators named as another country's are not the government of the paragraph before
    other = text.replace("Meanwhile, regulators", "Meanwhile, Dutch regulators")
    assert "cn-government" not in told(other, real_seeds).events["domestic-ratio"]


def test_whose_regulators_a_word_before_them_says() -> None:
    from data.draft.story_hints import _unnamed_makers

    assert _unnamed_makers("Later, regulators asked for more.") and _unnamed_makers("So said the authorities.")
    assert not _unnamed_makers("US authorities asked for more.")
    assert not _unnamed_makers("Then federal regulators asked for more.")
    assert not _unnamed_makers("The authorities in Taiwan asked for more.")


def test_a_seller_hardening_its_terms_on_buyers_is_the_prepayment_storys_other_half(real_seeds) -> None:
    index = story.story_index(real_seeds)
    assert "seller-terms" in index.stories[PREPAY].events  # its conditions set on Chinese buyers
    # near miss: conditions a vendor has yet to accept from a government, with no buyer among the actors
    assert "seller-terms" not in index.stories[TERMS].events
    text = "Nvidia has set tougher payment terms for Chinese customers of the H200: they must pay in full up front."
    names = {o: org.name for o, org in real_seeds.organisations.items()}
    signals = story.story_signals(index, PREPAY, told(text, real_seeds), names)
    assert any(story.SAME_ACTORS in why and w >= 0.4 for w, why in signals)
    # near miss: up-front payment alone is one rare thing, never enough alone
    alone = "Nvidia wants Chinese customers of the H200 to pay in full up front."
    assert all(w < 0.4 for w, _ in story.story_signals(index, PREPAY, told(alone, real_seeds), names))


def test_the_words_for_stricter_terms() -> None:
    from data.draft.events import events_in

    for said in ("It is tightening its terms.", "Buyers face rigid, non-negotiable terms.", "New sales terms apply."):
        assert "seller-terms" in events_in(said), said
    # near miss: terms that are only a way of speaking, or merely new
    assert "seller-terms" not in events_in("In terms of demand, it is strong. The new terms apply.")
