"""Clauses of purpose, reasons, weapons and where they are fired, air strikes as their force's acts.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

from kg.extraction.lexicon import Lexicon

A = "Asserted"
F = "Future"
H = "Hypothetical"
MON = "2024-03-11"

CASES = [
    # a clause of purpose is what the act is for: not yet done ...
    (
        "Nigeria sent troops to Darfur to join an African Union force.",
        {
            ("nigeria", "hasMilitaryPresenceIn", "sudan", A, None),
            ("nigeria", "joined", "african-union", F, None),
            ("nigeria", "memberOf", "african-union", F, None),
        },
    ),
    # ... and, under a threat, a threat of it
    (
        "The US threatened sanctions to force Iran to stop enrichment.",
        {("united-states", "threatened", "iran", A, None), ("united-states", "coerced", "iran", H, None)},
    ),
    # it names whom an act without an object of its own is aimed at, and when
    (
        "Egyptian police opened fire to disperse demonstrators on Monday night.",
        {
            ("egypt-police", "attacked", "egypt-protesters", A, MON),
            ("egypt-police", "coerced", "egypt-protesters", F, MON),
            ("egypt-protesters", "protestedAgainst", "egypt", A, MON),
        },
    ),
    # the reason for a threatened act is not its target
    (
        "Pakistan threatened to break off diplomatic relations with Congo and Costa Rica over their ties with Israel.",
        {
            ("pakistan", "threatened", "republic-of-the-congo", A, None),
            ("pakistan", "threatened", "costa-rica", A, None),
            ("pakistan", "severedRelationsWith", "republic-of-the-congo", H, None),
            ("pakistan", "severedRelationsWith", "costa-rica", H, None),
            ("costa-rica", "diplomaticRelationsWith", "israel", H, None),
        },
    ),
    # a weapon fired "in" a place is fired there; "into", "at" a place is fired at it
    ("Police fired tear gas in Tbilisi.", set()),
    (
        "Police fired tear gas at demonstrators in Tbilisi.",
        {
            ("georgia-police", "attacked", "georgia-protesters", A, None),
            ("georgia-police", "coerced", "georgia-protesters", A, None),
            ("georgia-protesters", "protestedAgainst", "georgia", A, None),
        },
    ),
    ("Israel fired missiles into Gaza.", {("israel", "attacked", "gaza-strip", A, None)}),
    # strikes named with their country are its armed forces' acts; without one, nobody's
    ("Russian air strikes killed 12 people in Idlib.", {("russia-military", "attacked", "syria-civilians", A, None)}),
    ("Ukraine said Russian missile strikes hit Kyiv.", {("russia-military", "attacked", "kyiv", A, None)}),
    ("Missile strikes hit Kyiv on Monday.", set()),
    # warrants and insults
    (
        "The ICC issued an arrest warrant for Vladimir Putin.",
        {("international-criminal-court", "coerced", "vladimir-putin", A, None)},
    ),
    (
        "North Korea hurled invective at Joe Biden on Tuesday.",
        {("north-korea", "criticized", "joe-biden", A, "2024-03-12")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_whole_statements(statements, text, expected):
    assert statements(text) == expected


def test_a_derived_phrase_does_not_repeat_another_event_of_the_written_lexicon():
    """ "expel diplomat" is written as an expulsion: no severance of relations is derived for it;
    "form alliance" keeps both the alliance (a state) and the cooperation (an event)."""
    lexicon = Lexicon.load()
    by_phrase: dict[tuple[str, ...], set[str]] = {}
    for pattern in lexicon.patterns():
        by_phrase.setdefault((pattern.trigger, *pattern.path), set()).add(pattern.relation)
    assert "severedRelationsWith" not in by_phrase[("expel", "diplomat")]
    assert {"alliedWith", "cooperatesWith"} <= by_phrase[("form", "alliance")] | by_phrase[("form", "alliance", "with")]
