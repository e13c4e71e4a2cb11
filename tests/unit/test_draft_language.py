"""The drafter reads English only: a text in another language gets a notice, an English one none."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.draft_real import read_fixture
from data.draft.extract import NOT_ENGLISH, read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real_articles"
OTHER_LANGUAGES = {"83", "87", "88", "89", "92", "94", "96"}  # German, Italian and Arabic pages (see the README)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem.partition("-")[0])
def test_real_excerpts_get_the_notice_only_when_not_in_english(path: Path) -> None:
    _, body = read_fixture(path)
    assert (NOT_ENGLISH in read_text(body).notes) == (path.stem.partition("-")[0] in OTHER_LANGUAGES)


def test_an_english_text_in_our_words_gets_no_notice() -> None:
    text = (
        "Two people close to the talks said the buyers were waiting for a decision from the ministry, "
        "and that the first chips would not reach them before the spring. The company declined to comment "
        "on the timing of any shipment."
    )
    assert NOT_ENGLISH not in read_text(text).notes


def test_a_short_line_is_too_short_to_judge() -> None:
    assert NOT_ENGLISH not in read_text("Nvidia H200: Lieferung nach China gestoppt.").notes
