"""Words of force that report a contest, people who are not their country, places that are settings.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

A = "Asserted"
H = "Hypothetical"

CASES = [
    # a verb of winning with a score, a margin, the contest or what was won reports a result
    ("Japan beat Germany 2-1 at the World Cup.", set()),
    ("Argentina beat Brazil on penalties in Doha.", set()),
    ("India beat Australia by six wickets in Chennai.", set()),
    ("Pakistan beat England to reach the final.", set()),
    ("Biden defeated Trump in the 2020 election.", set()),
    ("Kenya's runners beat the Ethiopians in a time of 27 minutes.", set()),
    # without one it is an act of force
    (
        "Belarusian police beat protesters in Minsk on Sunday.",
        {
            ("belarus-police", "attacked", "belarus-protesters", A, "2024-03-10"),
            ("belarus-protesters", "protestedAgainst", "belarus", A, "2024-03-10"),
        },
    ),
    # a person in a private pursuit is that person, not their country
    ("Red Bull signed the young Mexican driver to a three-year contract.", set()),
    ("The club sold its Brazilian striker to a Saudi team.", set()),
    # followers of a country or of a person are neither it nor its agents
    ("Wales supporters protested outside the stadium.", set()),
    ("Palestine supporters rallied in London against Israel.", set()),
    ("Thousands of Khan's supporters protested in Lahore.", set()),
    (
        "Opposition supporters protested in Dhaka.",
        {("bangladesh-opposition", "protestedAgainst", "bangladesh", A, None)},
    ),
    # a place phrase on the object of another preposition is where, not whom, a threat is about
    ("Mercedes threatened to appeal against the stewards' decision in Monaco.", set()),
    ("The union threatened to protest against the new law in Paris.", set()),
    # on the act's own object it is the target
    ("Hamas threatened to resume terrorist activities in Israel.", {("hamas", "threatened", "israel", A, None)}),
    (
        "Turkey threatened to launch an offensive in Syria.",
        {("turkey", "threatened", "syria", A, None), ("turkey", "attacked", "syria", H, None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_whole_statements(statements, text, expected):
    assert statements(text) == expected
