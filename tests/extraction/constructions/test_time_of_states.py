"""When a statement holds: "since" after a record, the clause that describes a time, taking office.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

A = "Asserted"

CASES = [
    # "since" starts a period ...
    ("Syria has been at war with Israel since 1948.", {("israel", "inConflictWith", "syria", A, "1948..")}),
    # ... but after a record it dates the one before, not this one
    (
        "This is the first fatal clash since 1975 between India and China.",
        {("china", "inConflictWith", "india", A, None)},
    ),
    (
        "This is the first fatal clash between India and China since 1975.",
        {("china", "inConflictWith", "india", A, None)},
    ),
    ("India and China fought their deadliest clash since 1975.", {("china", "inConflictWith", "india", A, None)}),
    # a clause that describes the time happened at it
    (
        "It was the worst violence in Kashmir since 2019, when India attacked Pakistan.",
        {("india", "attacked", "pakistan", A, "2019")},
    ),
    # an office the document says when its holder took dates from then
    (
        "President Shavkat Mirziyoyev has opened the country since he came to power in 2016.",
        {("shavkat-mirziyoyev", "leaderOf", "uzbekistan", A, "2016..")},
    ),
    (
        "Uzbek President Shavkat Mirziyoyev, who took office in 2016, met Vladimir Putin.",
        {
            ("shavkat-mirziyoyev", "leaderOf", "uzbekistan", A, "2016.."),
            ("shavkat-mirziyoyev", "metWith", "vladimir-putin", A, None),
        },
    ),
    (
        "Javier Milei was sworn in as president of Argentina in December.",
        {("javier-milei", "leaderOf", "argentina", A, "2023-12..")},
    ),
    # taking office is not a meeting's date
    (
        "President Javier Milei, who took office in December, met Lula on Monday.",
        {
            ("javier-milei", "leaderOf", "argentina", A, "2023-12.."),
            ("javier-milei", "metWith", "luiz-inacio-lula-da-silva", A, "2024-03-11"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_whole_statements(statements, text, expected):
    assert statements(text) == expected
