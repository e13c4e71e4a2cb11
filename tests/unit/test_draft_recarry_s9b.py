"""Evidence the duplicate check missed in run 14 (fixtures 103, 127, 128 and 153): a quoted phrase
that ends its sentence, regulators left unnamed after the paragraph that named them, and a seller's
own terms of sale. Each rule with a case and a near miss; the short texts are written for these
tests, in the project's words.
"""

from __future__ import annotations

from data.draft import story
from data.draft.story_hints import unpunctuated
from data.draft.words import plain
from tests.unit.recarry_sources import TRUMP_GO_AHEAD, told


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
