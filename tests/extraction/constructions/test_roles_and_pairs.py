"""Roles named with "as", reciprocal acts, talks and fighting between a state and a group, courts, ranks.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

A = "Asserted"

CASES = [
    # a title after "as" is the person's: subject, object or the clause describing them
    (
        "Shaukat Aziz, taking over as Pakistan's 23rd prime minister on Saturday, is a former banker.",
        {("shaukat-aziz", "leaderOf", "pakistan", A, "2024-03-09..")},
    ),
    ("Venezuelans voted to keep Hugo Chavez as their president.", {("hugo-chavez", "leaderOf", "venezuela", A, None)}),
    (
        "Abdullah Saleh al-Ashtal, who served as Yemen's ambassador to the United Nations, died.",
        {("abdullah-saleh-al-ashtal", "officialOf", "yemen", A, None)},
    ),
    (
        "The parliament elected Anwar Ibrahim as prime minister of Malaysia.",
        {("anwar-ibrahim", "leaderOf", "malaysia", A, None)},
    ),
    # not one the person has just left
    ("Anwar Ibrahim resigned as prime minister of Malaysia.", set()),
    ("Juan Zuniga, who was fired this week as commander of the Bolivian Army, spoke.", set()),
    # "each other", "one another": each side acts on the other
    (
        "Armenia and Azerbaijan blamed one another for the fighting.",
        {("armenia", "criticized", "azerbaijan", A, None), ("azerbaijan", "criticized", "armenia", A, None)},
    ),
    (
        "Georgian and South Ossetian forces accused each other of shelling villages.",
        {
            ("georgia-military", "criticized", "south-ossetia-military", A, None),
            ("south-ossetia-military", "criticized", "georgia-military", A, None),
        },
    ),
    # a state meets and fights groups, not only states
    (
        "Peace talks between Sudan's government and Darfur rebels struggled for survival.",
        {("sudan", "metWith", "sudan-rebels", A, None)},
    ),
    (
        "Pakistani forces have been battling Taliban fighters in a tribal area.",
        {("pakistan-military", "inConflictWith", "taliban", A, None)},
    ),
    # a court is an agent only of a country named with it
    (
        "An Indonesian court jailed two Muslim clerics on Thursday.",
        {("indonesia-judiciary", "coerced", "indonesia-religious", A, "2024-03-14")},
    ),
    ("The court jailed a cleric on Thursday.", set()),
    # a rank written short; a letter is no one's name
    (
        "Chile's Supreme Court stripped Gen. Augusto Pinochet of immunity.",
        {("augusto-pinochet", "officialOf", "chile-military", A, None)},
    ),
    (
        "Protests led by Gen Z spread across Nepal on Tuesday.",
        {("nepal-protesters", "protestedAgainst", "nepal", A, "2024-03-12")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_whole_statements(statements, text, expected):
    assert statements(text) == expected


def test_character_references_left_by_scrapers_read_as_characters(parse, statements):
    text = "Tung Chee-hwa, Hong Kong #39;s Chief Executive, said quot;no comment quot; on Monday."
    doc = parse(text)  # the parser reads the characters; statements keep offsets in the text as given
    assert doc.text == 'Tung Chee-hwa, Hong Kong\'s Chief Executive, said "no comment " on Monday.'
    assert statements(text) == {("tung-chee-hwa", "leaderOf", "hong-kong", A, None)}
