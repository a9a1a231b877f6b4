"""Who did it and whether a warning threatens: passives, non-state groups, warnings, royal titles.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

A = "Asserted"

CASES = [
    # a warning threatens when it says what the warner will do, or of what
    ("Iran warned Israel that it would strike back.", {("iran", "threatened", "israel", A, None)}),
    ("Russia warned Ukraine of consequences.", {("russia", "threatened", "ukraine", A, None)}),
    (
        "The European Union warned it would counter any U.S. challenge.",
        {("european-union", "threatened", "united-states", A, None)},
    ),
    # not when the act warned of is someone else's
    (
        "Senator John Kerry warned that President George W. Bush's plan to withdraw troops would embolden North Korea.",
        {
            ("john-kerry", "officialOf", "united-states", A, None),
            ("george-w-bush", "leaderOf", "united-states", A, None),
        },
    ),
    # not when it is about the one warned
    ("Britain has warned Sudan that it still has a lot of work to do.", set()),
    # a passive names its doer only after "by"; the clause it is joined to does not lend its subject
    ("A senior Hamas leader survived an Israeli strike on Wednesday but five other Palestinians were killed.", set()),
    # rebels are not their state: fighting them is not a conflict between states
    (
        "US and Iraqi forces battled militants in Najaf on Tuesday.",
        {
            ("united-states", "hasMilitaryPresenceIn", "iraq", A, "2024-03-12"),
            ("iraq-military", "inConflictWith", "iraq-rebels", A, "2024-03-12"),
            ("iraq-rebels", "inConflictWith", "united-states-military", A, "2024-03-12"),
        },
    ),
    # an agent noun capitalised at the start of a sentence is the agent, not a name
    (
        "Kidnappers seized two Americans in Baghdad on Monday.",
        {("iraq-criminals", "coerced", "united-states-civilians", A, "2024-03-11")},
    ),
    # a crown prince holds an office of his state; he is not its head by that title
    (
        "Saudi Crown Prince Mohammed bin Salman met Joe Biden.",
        {
            ("joe-biden", "metWith", "mohammed-bin-salman", A, None),
            ("mohammed-bin-salman", "officialOf", "saudi-arabia", A, None),
        },
    ),
    ("Prince Harry visited Angola.", {("harry", "visited", "angola", A, None)}),
    # leaving a city is a journey; forces leaving a place withdraw from it
    ("A British diplomat who left Pyongyang on Monday said talks had stalled.", set()),
    ("Russian troops left Kherson in November.", {("russia-military", "withdrewFrom", "kherson", A, "2023-11")}),
    # a plot is not the act plotted
    ("Hamas plotted to kill the Israeli ambassador to Egypt.", {("hamas", "attacked", "israel", "Future", None)}),
    # an act in a clause of time under a future is still to come
    (
        "Terrorism will top the agenda when Spanish Prime Minister Pedro Sanchez welcomes French President Emmanuel "
        "Macron.",
        {
            ("pedro-sanchez", "leaderOf", "spain", A, None),
            ("emmanuel-macron", "leaderOf", "france", A, None),
            ("emmanuel-macron", "metWith", "pedro-sanchez", "Future", None),
        },
    ),
    # a former office ended before the document
    (
        "Former French President Nicolas Sarkozy was sentenced on Monday.",
        {
            ("france", "coerced", "nicolas-sarkozy", A, "2024-03-11"),
            ("nicolas-sarkozy", "leaderOf", "france", A, "..2024-03-14"),
        },
    ),
    (
        "Lawyers asked Chile's Supreme Court to strip retired Gen. Augusto Pinochet of immunity.",
        {
            ("augusto-pinochet", "officialOf", "chile-military", A, "..2024-03-14"),
            ("chile-civilians", "requested", "supreme-court-of-chile", A, None),
        },
    ),
    # armed forces closing roads do not protest
    (
        "Israeli forces blocked main roads in Gaza yesterday.",
        {("israel", "hasMilitaryPresenceIn", "palestine", A, "2024-03-13")},
    ),
    ("Protesters blocked roads in Nairobi.", {("kenya-protesters", "protestedAgainst", "kenya", A, None)}),
    (
        "Nicolas Sarkozy, the former French president, was sentenced.",
        {
            ("france", "coerced", "nicolas-sarkozy", A, None),
            ("nicolas-sarkozy", "leaderOf", "france", A, "..2024-03-14"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_whole_statements(statements, text, expected):
    assert statements(text) == expected
