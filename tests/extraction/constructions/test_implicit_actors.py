"""Actors the text leaves implicit: who arrests, whom protesters protest against, whose title it is.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

A, H = "Asserted", "Hypothetical"

STATE_ACTS = [
    # an arrest with no one named doing it is the state's where it happens ...
    (
        "Opposition leader Kemal Arslan was arrested in Ankara on Tuesday.",
        {("turkey", "coerced", "kemal-arslan", A, "2024-03-12")},
    ),
    (
        "Aung San Suu Kyi and President Win Myint were detained in the capital Naypyidaw before dawn.",
        {
            ("myanmar", "coerced", "aung-san-suu-kyi", A, None),
            ("myanmar", "coerced", "win-myint", A, None),
            ("naypyidaw", "capitalOf", "myanmar", A, None),
            ("win-myint", "leaderOf", "myanmar", A, None),
        },
    ),
    # ... else the state the story is about
    (
        "Belarus forced the plane to land in Minsk. Journalist Roman Protasevich was subsequently arrested.",
        {("belarus", "coerced", "roman-protasevich", A, None)},
    ),
    (
        "Belarus forced a Ryanair plane to land in Minsk. Protasevich was taken into custody on Sunday.",
        {("belarus", "coerced", "protasevich", A, "2024-03-10")},
    ),
    # a doer named after "by" is the doer
    (
        "Dissident Roman Protasevich was arrested by Belarusian police.",
        {("belarus-police", "coerced", "roman-protasevich", A, None)},
    ),
    # killings have no such doer; a possible arrest is no arrest
    ("Three soldiers were killed in Mali.", set()),
    ("He could be arrested if he returns to Moscow.", set()),
]

PROTESTERS = [
    # protesters with no protest target named protest against their own state
    (
        "Georgian protesters blocked Rustaveli Avenue on Sunday.",
        {("georgia-protesters", "protestedAgainst", "georgia", A, "2024-03-10")},
    ),
    # the protesters' own clause dates the protest
    (
        "The anger shown by protesters chanting slogans across Cuba on Sunday was ignored by the government.",
        {("cuba-protesters", "protestedAgainst", "cuba", A, "2024-03-10")},
    ),
    (
        "Police dispersed protesters in Tbilisi.",
        {
            ("georgia-police", "coerced", "georgia-protesters", A, None),
            ("georgia-protesters", "protestedAgainst", "georgia", A, None),
        },
    ),
    # a target the text names is the only one
    (
        "Thousands of Nigerien protesters marched against France in Niamey on Sunday.",
        {("niger-protesters", "protestedAgainst", "france", A, "2024-03-10")},
    ),
    # supporters rally for someone; crowds are not protesters
    ("Thousands of pro-junta protesters gathered in Niamey.", set()),
    ("Cheering crowds filled the streets of Damascus.", set()),
]

TITLES = [
    # a title before an unknown name makes a person, the title of the sentence's one country
    (
        "The violence began when protestors stormed parliament in Honiara in a bid to topple PM Manasseh Sogavare.",
        {
            ("solomon-islands-protesters", "attacked", "solomon-islands-legislature", A, None),
            ("solomon-islands-protesters", "protestedAgainst", "solomon-islands-legislature", A, None),
            ("manasseh-sogavare", "leaderOf", "solomon-islands", A, None),
        },
    ),
    # not when the person acts on that country
    (
        "Defence Minister Arno Veltman visited Cyprus on Monday.",
        {("arno-veltman", "visited", "cyprus", A, "2024-03-11")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATE_ACTS, ids=[t[:50] for t, _ in STATE_ACTS])
def test_arrests_without_a_named_doer(statements, text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(("text", "expected"), PROTESTERS, ids=[t[:50] for t, _ in PROTESTERS])
def test_protesters_without_a_named_target(statements, text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(("text", "expected"), TITLES, ids=[t[:50] for t, _ in TITLES])
def test_titles_of_unknown_persons(statements, text, expected):
    assert statements(text) == expected


def test_a_demonym_before_a_body_named_for_another_country_names_its_own(parse):
    doc = parse("The Peruvian Congress approved a motion against Pedro Castillo. The US Congress said nothing.")
    bodies = [(m.text, m.entity_key) for m in doc._.geokg_mentions if "Congress" in m.text]
    assert bodies == [("Congress", "congress-of-peru"), ("US Congress", "united-states-congress")]


def test_a_known_head_of_state_counts_for_the_story_country(parse):
    # by its names alone the story is the United States' (named twice, once in the first sentence)
    text = (
        "Miguel Díaz-Canel said the protests were the result of U.S. policies. "
        "Díaz-Canel said the Cuban summer was hot. He blamed the U.S. embargo."
    )
    assert parse(text)._.geokg_layout_data["home"] == "cuba"
