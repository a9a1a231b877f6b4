"""Protests named as events, and capitals named as such, read alone."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.locations import capital_relations
from kg.extraction.constructions.protests import protest_relations

A = "Asserted"

PROTESTS = [
    (
        "Amid anti-government protests in Bangladesh, the prime minister resigned.",
        {("bangladesh-protesters", "protestedAgainst", "bangladesh", A, None)},
    ),
    (
        "Protests against the junta spread across Niger on Sunday.",
        {("niger-protesters", "protestedAgainst", "niger-military", A, "2024-03-10")},
    ),
    # a protest with its protesters named is read by the noun constructions; one placed nowhere is not read
    ("Kenyan protests grew.", set()),
    ("The protests grew louder.", set()),
]

CAPITALS = [
    ("Thousands rallied in the capital, Niamey, on Sunday.", {("niamey", "capitalOf", "niger", A, None)}),
    ("He landed in the Belarusian capital of Minsk.", {("minsk", "capitalOf", "belarus", A, None)}),
    ("Crowds gathered in Iran's capital city, Tehran.", {("tehran", "capitalOf", "iran", A, None)}),
    # a named country and the gazetteer must agree
    ("He landed in the Polish capital of Minsk.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PROTESTS, ids=[text[:50] for text, _ in PROTESTS])
def test_protest_events(run_construction, text, expected):
    assert run_construction(protest_relations, text) == expected


@pytest.mark.parametrize(("text", "expected"), CAPITALS, ids=[text[:50] for text, _ in CAPITALS])
def test_capitals_named_as_such(run_construction, text, expected):
    assert run_construction(capital_relations, text) == expected
