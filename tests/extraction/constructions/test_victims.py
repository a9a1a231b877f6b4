"""Acts named by their victim ("his detention", "the arrest of Navalny"): who did them, and who is condemned."""

from __future__ import annotations

import pytest

A = "Asserted"

CASES = [
    # condemning an act named by its victim condemns whoever the text says did it, never the victim
    (
        "Hong Kong police arrested Jimmy Lai. Britain condemned his detention.",
        {
            ("hong-kong-police", "coerced", "jimmy-lai", A, None),
            ("united-kingdom", "criticized", "hong-kong-police", A, None),
        },
    ),
    (
        "The EU condemned the arrest of Navalny by Russian police.",
        {
            ("russia-police", "coerced", "alexei-navalny", A, None),
            ("european-union", "criticized", "russia-police", A, None),
        },
    ),
    # with an "of" phrase, the possessive is the doer
    (
        "France condemned Iran's detention of two French citizens.",
        {("iran", "coerced", "france-civilians", A, None), ("france", "criticized", "iran", A, None)},
    ),
    # a doer the text does not name is condemned by no one
    ("The EU condemned Navalny's arrest.", set()),
    # an arrest with no doer named is the state's where the story is
    (
        "The Bolivian government said the coup had failed. Juan Jose Zuniga was fired before Zuniga's arrest.",
        {("bolivia", "coerced", "juan-jose-zuniga", A, None)},
    ),
    # "their" arrest, made by them: no victim named, no state guessed
    ("Indonesian police said on Friday they had made their first arrest linked to the bombing in Jakarta.", set()),
    # the parser may hang the doer on the verb: it is still the doer, no state is guessed
    (
        "Nigeria said it was treating the detention of Mohamed Bazoum by the gunmen in Niamey as a hostage situation.",
        {("niger-rebels", "coerced", "mohamed-bazoum", A, None)},
    ),
    (
        "The coup leaders detained President Mohamed Bazoum in Niamey.",
        {("niger-military", "coerced", "mohamed-bazoum", A, None), ("mohamed-bazoum", "leaderOf", "niger", A, None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:50] for text, _ in CASES])
def test_an_act_named_by_its_victim(statements, text, expected):
    assert statements(text) == expected
