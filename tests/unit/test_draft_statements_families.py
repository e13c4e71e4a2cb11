"""Statuses and kinds named by other forms of the same verbs: a permission given to a trade step, a
permission still asked for, a review by its verb, a buyer holding back, an inquiry by an authority.

Each rule is about how the sentence is built, not one article's words, and each case has a near miss
in the same words that must stay as it was.
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
        # a permission given for a trade step is an approval ...
        ("Washington allowed the chipmaker to sell its accelerators to Chinese buyers.", "approved"),
        ("The ministry permitted imports of the part from March onwards.", "approved"),
        ("The cabinet's decision to permit exports surprised investors.", "approved"),
        # ... but not a modal guess, a reluctance, a passive with a modal, a tool's ability or an adjective
        ("The deal could allow the chipmaker to sell its accelerators to Chinese buyers.", None),
        ("The ministry was reluctant to allow imports of the part.", None),
        ("The tool allows buyers to check where each board sits.", None),
        ("Labs keep asking for the permitted boards.", None),
        # a permission still asked for is pending; one received is an approval
        ("The purchases still need formal approval from the regulator.", "pending"),
        ("The purchases received formal approval from the regulator.", "approved"),
        ("Two distributors applied for export licences in the spring.", "pending"),
        ("Two distributors applied the new labelling rules in the spring.", None),
        # a review named by its verb, not a newspaper's review of documents
        ("Several agencies review the licence terms before anything ships.", "under_review"),
        ("The applications are being reviewed by three departments.", "under_review"),
        ("A newspaper review of tender documents found the boards on offer.", None),
        # buyers holding back are a pause; buyers placing orders are not
        ("The buyers are refraining from placing new orders for now.", "paused"),
        ("The buyers are placing new orders for now.", None),
        ("Beijing held off on the purchases during the talks.", "paused"),
    ],
)
def test_status_from_other_forms_of_the_verbs(sentence: str, expected: str | None) -> None:
    assert status(sentence) == expected


def test_a_permission_for_a_sale_is_the_approvers_step() -> None:
    sentence = "The Trump administration's decision to allow shipments of the part was a reversal."
    claim_status = status(sentence)
    assert claim_status == "approved"
    assert refine(kind(sentence, None), claim_status, sentence) == ("export_licence", "approved")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Federal agents are investigating how the boards reached the mainland.", "enforcement"),
        ("Prosecutors said the servers were diverted through a third country.", "enforcement"),
        # an inquiry into one's own output is about production
        ("The firm is investigating whether it can raise production of the part.", "production"),
    ],
)
def test_an_inquiry_by_an_authority_is_enforcement(sentence: str, expected: str) -> None:
    assert kind(sentence, None) == expected


def _statements(text: str, seeds) -> list:
    draft = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    return [c for c in draft.claims if c.figure is None]


def test_an_announced_permission_beside_a_figure_is_a_step_of_its_own(real_seeds) -> None:
    text = "Last month President Trump announced that Nvidia would be permitted to export the H200 to China, for a 25% fee.\n"
    assert [(c.kind, c.status) for c in _statements(text, real_seeds)] == [("export_licence", "announced")]


def test_an_announced_result_beside_a_figure_stays_a_figure(real_seeds) -> None:
    text = "Nvidia announced that its China revenue rose 25% in the quarter on H200 demand.\n"
    assert _statements(text, real_seeds) == []


def test_each_bullet_is_a_sentence_of_its_own() -> None:
    from data.draft.extract import sentences

    paragraph = (
        "Key points: • Beijing cleared the first imports. • Washington permitted the sales earlier • Nothing else."
    )
    found = sentences(paragraph)
    assert [text for _, text in found] == [
        "Key points:",
        "Beijing cleared the first imports.",
        "Washington permitted the sales earlier",
        "Nothing else.",
    ]
    assert all(paragraph[offset : offset + len(text)] == text for offset, text in found)
    # a dot between words without spaces is no bullet
    assert [text for _, text in sentences("The price•performance ratio improved. Buyers noticed.")] == [
        "The price•performance ratio improved.",
        "Buyers noticed.",
    ]


def test_two_steps_in_run_on_bullets_are_two_claims(real_seeds) -> None:
    text = (
        "Summary:\n • Beijing approved imports of the H200 for three firms. • The United States permitted H200 "
        "sales to vetted Chinese buyers last year.\n"
    )
    assert sorted((c.kind, c.status) for c in _statements(text, real_seeds)) == [
        ("export_licence", "approved"),
        ("import_approval", "approved"),
    ]
