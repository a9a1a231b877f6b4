"""Criticism as a verdict or an allegation, and demands of whoever must act, read alone."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.evaluations import demand_relations, evaluation_relations

A = "Asserted"

VERDICTS = [
    ("China described Nancy Pelosi's visit to Taiwan as a provocation.",
     {("china", "criticized", "nancy-pelosi", A, None)}),
    ("Albania denounced as an ugly crime Serbia's suppression of the unrest.",
     {("albania", "criticized", "serbia", A, None)}),
    ("Lavrov alleged that NATO and the EU were abusing their majority.",
     {("sergei-lavrov", "criticized", "north-atlantic-treaty-organization", A, None),
      ("sergei-lavrov", "criticized", "european-union", A, None)}),
    ("France said the cancellation by Australia of the contract was unacceptable.",
     {("france", "criticized", "australia", A, None)}),
    # words of praise are no verdict of disapproval
    ("France described Germany's offer as generous.", set()),
]

DEMANDS = [
    ("The United States declared that China must drop its barriers to trade.",
     {("united-states", "requested", "china", A, None)}),
    ("Britain said Libya should hand over the suspects.", {("united-kingdom", "requested", "libya", A, None)}),
    ("Britain said Libya will hand over the suspects.", set()),
]


@pytest.mark.parametrize(("text", "expected"), VERDICTS, ids=[text[:50] for text, _ in VERDICTS])
def test_verdicts_of_disapproval_are_criticism(run_construction, text, expected):
    assert run_construction(evaluation_relations, text) == expected


@pytest.mark.parametrize(("text", "expected"), DEMANDS, ids=[text[:50] for text, _ in DEMANDS])
def test_what_an_actor_must_do_is_requested_of_it(run_construction, text, expected):
    assert run_construction(demand_relations, text) == expected
