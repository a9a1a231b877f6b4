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
    # strikes of force are no walkouts
    ("US surgical strikes continue in Fallujah, Samarra and Tal Afar.", set()),
    ("Retaliatory strikes continue in Gaza.", set()),
    ("General strikes continue in Nigeria.", {("nigeria-protesters", "protestedAgainst", "nigeria", A, None)}),
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


DEMANDING = [
    # a protest that says what it demands is against whom the demanded thing belongs to
    (
        "Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian President "
        "Ahmed Ben Bella.",
        {("algeria-religious", "protestedAgainst", "ahmed-ben-bella", A, None)},
    ),
    (
        "Kenyan opposition supporters began a hunger strike on Monday in protest of the Kenyan government's "
        "refusal to hold talks.",
        {("kenya-opposition", "protestedAgainst", "kenya", A, "2024-03-11")},
    ),
    # a demand of nobody in particular names no target
    ("Kenyan doctors began a strike to demand better pay.", set()),
    # any act done "in protest at" something protests against its doer, armed groups' acts too
    (
        "Sudanese rebels boycotted the talks in protest at Sudan's attacks on civilians.",
        {("sudan-rebels", "protestedAgainst", "sudan", A, None)},
    ),
    (
        "Jordan recalled its ambassador to Israel in protest at Israeli raids on Gaza.",
        {("jordan", "protestedAgainst", "israel", A, None)},
    ),
    # a government named by no country is the protesting group's own state's
    (
        "Sudanese rebels boycotted the talks in protest at government attacks on civilians.",
        {("sudan-rebels", "protestedAgainst", "sudan", A, None)},
    ),
    (
        "Sudanese rebels walked away from African Union peace talks to hold a 24-hour boycott in protest at "
        "alleged government attacks on civilians in Darfur.",
        {("sudan-rebels", "protestedAgainst", "sudan", "Future", None)},
    ),
    # nothing whose doer is named, or a protester of no group
    ("Thousands of Iranians marched in Tehran in protest against the election result.", set()),
    ("The minister resigned in protest over the government's decision to join the war.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DEMANDING, ids=[text[:50] for text, _ in DEMANDING])
def test_protests_that_say_what_they_demand(run_construction, text, expected):
    from kg.extraction.constructions.protests import demanding_protests

    assert run_construction(demanding_protests, text) == expected


GATHERINGS = [
    # a gathering for another purpose is no protest, however it is parsed
    (
        "Residents burned tires and children took to the streets with sticks in Senegal's capital yesterday "
        "to fight an invasion of locusts.",
        set(),
    ),
    ("Thousands of Argentines took to the streets of Buenos Aires to celebrate the World Cup victory.", set()),
    ("Thousands of Argentines marched through Buenos Aires to celebrate the victory.", set()),
    # a cause fought for or against is a protest's, and so is a gathering that states no purpose
    (
        "Iranian women took to the streets of Tehran to fight for their rights.",
        {("iran-protesters", "protestedAgainst", "iran", A, None)},
    ),
    (
        "Kenyan students took to the streets in Nairobi on Tuesday to demand lower fees.",
        {("kenya-protesters", "protestedAgainst", "kenya", A, "2024-03-12")},
    ),
    (
        "Thousands of Argentines took to the streets of Buenos Aires on Sunday.",
        {("argentina-protesters", "protestedAgainst", "argentina", A, "2024-03-10")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), GATHERINGS, ids=[text[:50] for text, _ in GATHERINGS])
def test_gatherings_for_another_purpose_are_no_protests(run_construction, text, expected):
    from kg.extraction.constructions.verbs import verb_relations

    assert run_construction(verb_relations, text) == expected
