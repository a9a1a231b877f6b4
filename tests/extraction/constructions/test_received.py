"""Event nouns that someone receives: the sender does it to the receiver."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.nominal import noun_relations

A, H = "Asserted", "Hypothetical"

CASES = [
    (
        "Australian prime minister Scott Morrison said the troops would provide stability. "
        "He added that he had received a request for assistance from Sogavare.",
        {("manasseh-sogavare", "requested", "scott-morrison", A, None)},
    ),
    ("Kenya received aid from China last year.", {("china", "providesAidTo", "kenya", A, "2023")}),
    ("Ukraine received a warning from Russia.", {("russia", "threatened", "ukraine", A, None)}),
    ("Greece got a loan from Germany.", {("germany", "providesAidTo", "greece", A, None)}),
    # a request that did not come is not one
    ("Iran has not received any request from Iraq.", {("iraq", "requested", "iran", H, None)}),
    # the sender is named or nothing is read: the receiver does not send what it receives
    ("Kenya received a request for assistance.", set()),
    # sending is not receiving: the sender's own request
    (
        "The Solomon Islands sent a request to Australia for assistance.",
        {("solomon-islands", "requested", "australia", A, None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:50] for text, _ in CASES])
def test_a_received_event_noun_is_the_senders_act(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected
