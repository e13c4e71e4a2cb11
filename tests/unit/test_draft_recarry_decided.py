"""A story that said a decision was still to come ("the president will decide") is not what a
later text about the decision made re-carries (issue 17 part 5: the 24 Nov 2025 Lutnick story
was a false match for six letters and hearings written after Trump allowed H200 sales). A text
that tells of the wait itself still matches it. The short texts are written for these tests.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, events, story, story_against
from tests.unit.recarry_sources import told

DECIDES = "2025-11-24-trt-world-lutnick-h200-decision-trump"


@pytest.mark.parametrize(
    "waiting",
    [
        "Trump will personally decide whether Nvidia may sell the H200 to China, Howard Lutnick said.",
        "Lutnick said the call sits right on the desk of Donald Trump, who is weighing H200 exports.",
        "The Commerce secretary said the choice rests solely on his desk.",
    ],
)
def test_the_wait_for_the_presidents_decision_is_read_however_it_is_put(waiting: str) -> None:
    assert "president-decides" in events.events_in(waiting)


def test_a_decision_made_is_not_a_retelling_of_the_story_that_it_was_coming(real_seeds) -> None:
    index = story.story_index(real_seeds)
    after = (
        "Senators asked Howard Lutnick to explain why Trump allowed Nvidia to sell H200 chips to China.\n\n"
        "The Commerce secretary has not answered the letter."
    )
    assert story_against.contradicted(index, DECIDES, told(after, real_seeds))
    assert DECIDES not in {d.source_id for d in draft_from_text(after, real_seeds).duplicates}
    # near miss: a text telling of the wait (even beside the permission it would give) is that story
    before = (
        "Howard Lutnick said Trump will decide whether to allow Nvidia to sell H200 chips to China.\n\n"
        "The secretary said the president listens to many advisers."
    )
    assert not story_against.contradicted(index, DECIDES, told(before, real_seeds))
