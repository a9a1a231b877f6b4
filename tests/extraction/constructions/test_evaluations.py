"""Criticism as a verdict or an allegation, and demands of whoever must act, read alone."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.evaluations import (
    behest_relations,
    demand_relations,
    departure_orders,
    evaluation_relations,
)

A = "Asserted"

VERDICTS = [
    (
        "China described Nancy Pelosi's visit to Taiwan as a provocation.",
        {("china", "criticized", "nancy-pelosi", A, None)},
    ),
    (
        "Albania denounced as an ugly crime Serbia's suppression of the unrest.",
        {("albania", "criticized", "serbia", A, None)},
    ),
    (
        "Lavrov alleged that NATO and the EU were abusing their majority.",
        {
            ("sergei-lavrov", "criticized", "north-atlantic-treaty-organization", A, None),
            ("sergei-lavrov", "criticized", "european-union", A, None),
        },
    ),
    (
        "France said the cancellation by Australia of the contract was unacceptable.",
        {("france", "criticized", "australia", A, None)},
    ),
    # an event of violence or unrest said to be the result of someone's act blames them
    (
        "Cuban leader Miguel Diaz-Canel said Monday the massive uprisings were the cumulative result of U.S. policies.",
        {("miguel-diaz-canel", "criticized", "united-states", A, None)},
    ),
    (
        "India said the clashes happened as a result of an attempt by the Chinese side to change the status quo.",
        {("india", "criticized", "china", A, None)},
    ),
    (
        "Vucic said the clash was the result of brutal pressure on Kosovo Serbs by the Kosovo government.",
        {("aleksandar-vucic", "criticized", "kosovo", A, None)},
    ),
    # "we" in what someone says is the speaker; a speaker saying "we must hold X accountable" blames X
    (
        'Reacting to the strikes, Zelenskyy said: "We must hold Russia accountable for its acts of terror."',
        {("volodymyr-zelensky", "criticized", "russia", A, None)},
    ),
    (
        "The EU should hold Moscow accountable, Borrell said.",
        {("european-union", "criticized", "russia", "Hypothetical", None)},
    ),
    # one held responsible for something bad, or with whom the responsibility for it lies, is blamed
    ("Zelensky said Russia is responsible for the attack.", {("volodymyr-zelensky", "criticized", "russia", A, None)}),
    ("Kyiv said the blame for the strike rests with Moscow.", {("ukraine", "criticized", "russia", A, None)}),
    (
        "Turull said the responsibility for today's violent scenes lies with Spanish prime minister Mariano Rajoy.",
        {("turull", "criticized", "mariano-rajoy", A, None)},
    ),
    ("Ukraine said Russia is responsible for the security of the plant.", set()),
    # an attack said to be someone's doing is laid at their door; other acts are not
    ("Kurti said the attack was supported by Serbia.", {("albin-kurti", "criticized", "serbia", A, None)}),
    (
        "Serbian President Aleksandar Vucic spoke on Sunday. Vucic said the clash had been provoked by Pristina.",
        {("aleksandar-vucic", "criticized", "kosovo", A, None)},
    ),
    ("The ministry said the talks were hosted by Qatar.", set()),
    # words of praise are no verdict of disapproval; a good outcome blames no one
    ("France described Germany's offer as generous.", set()),
    ("The minister said the success was the result of US support.", set()),
    ("He said the deal was the result of talks with Russia.", set()),
]

DEMANDS = [
    (
        "The United States declared that China must drop its barriers to trade.",
        {("united-states", "requested", "china", A, None)},
    ),
    ("Britain said Libya should hand over the suspects.", {("united-kingdom", "requested", "libya", A, None)}),
    ("Britain said Libya will hand over the suspects.", set()),
]


@pytest.mark.parametrize(("text", "expected"), VERDICTS, ids=[text[:50] for text, _ in VERDICTS])
def test_verdicts_of_disapproval_are_criticism(run_construction, text, expected):
    assert run_construction(evaluation_relations, text) == expected


@pytest.mark.parametrize(("text", "expected"), DEMANDS, ids=[text[:50] for text, _ in DEMANDS])
def test_what_an_actor_must_do_is_requested_of_it(run_construction, text, expected):
    assert run_construction(demand_relations, text) == expected


BEHESTS = [
    # who asked for an act requested it of whoever acts; the asking is asserted, undated, even before a future act
    (
        "The UN Security Council will meet in New York on Friday at the request of Japan and the US.",
        {
            ("japan", "requested", "united-nations-security-council", A, None),
            ("united-states", "requested", "united-nations-security-council", A, None),
        },
    ),
    (
        "Russian troops arrived in Kazakhstan at the invitation of President Tokayev.",
        {("kassym-jomart-tokayev", "requested", "russia-military", A, None)},
    ),
    # a denied act says nothing of a request; one who asks of itself requests nothing
    ("Iran did not attend the talks at the request of Russia.", set()),
    ("Egypt acted at its own request.", set()),
]


@pytest.mark.parametrize(("text", "expected"), BEHESTS, ids=[text[:50] for text, _ in BEHESTS])
def test_who_asked_for_an_act_requested_it(run_construction, text, expected):
    assert run_construction(behest_relations, text) == expected


ANAPHORA_CASES = [
    # a call for someone's release is a request of whoever the text says holds them, not of them
    (
        "Belarus arrested Roman Protasevich on Sunday. EU leaders condemned the incident and called for his release.",
        {
            ("belarus", "coerced", "roman-protasevich", "Asserted", "2024-03-10"),
            ("european-union", "criticized", "belarus", "Asserted", None),
            ("european-union", "requested", "belarus", "Asserted", None),
        },
    ),
    (
        "Iran detained the journalist Jason Rezaian. The United States demanded the release of Rezaian.",
        {
            ("iran", "coerced", "jason-rezaian", "Asserted", None),
            ("united-states", "requested", "iran", "Asserted", None),
        },
    ),
    ("The United States demanded the release of Jason Rezaian.", set()),
    # an act noun that refers back names the last act someone else did
    (
        "Belarusian authorities forced a passenger plane to land in Minsk on Sunday and arrested Roman Protasevich. "
        "EU leaders condemned the incident on Monday.",
        {
            ("belarus-government", "coerced", "roman-protasevich", "Asserted", "2024-03-10"),
            ("european-union", "criticized", "belarus-government", "Asserted", "2024-03-11"),
        },
    ),
    (
        "Russia expelled two Estonian diplomats. Estonia protested against the decision.",
        {
            ("russia", "expelled", "estonia", "Asserted", None),
            ("estonia", "protestedAgainst", "russia", "Asserted", None),
        },
    ),
    (
        "Iran struck Israel on Saturday. The US condemned the attack.",
        {
            ("iran", "attacked", "israel", "Asserted", "2024-03-09"),
            ("united-states", "criticized", "iran", "Asserted", None),
        },
    ),
    # with no act stated before, nobody
    ("The storm hit Cuba. Officials criticised the decision to stay open.", set()),
    # blame and a verdict on a person named in an earlier sentence
    ("The US held Iran responsible for the attack.", {("united-states", "criticized", "iran", "Asserted", None)}),
    ("Police held the suspect for questioning.", set()),
    (
        "China sanctioned Nancy Pelosi on Friday. China's foreign ministry described her visit as a provocation.",
        {
            ("china", "sanctioned", "nancy-pelosi", "Asserted", "2024-03-08"),
            ("china", "criticized", "nancy-pelosi", "Asserted", None),
        },
    ),
    # a rank written with a hyphen is a rank, not an organisation
    (
        '"Everyone is safe," Major-General Sibusiso Moyo said in Harare, Zimbabwe.',
        {
            ("harare", "locatedIn", "zimbabwe", "Asserted", None),
            ("sibusiso-moyo", "officialOf", "zimbabwe-military", "Asserted", None),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), ANAPHORA_CASES, ids=[t[:50] for t, _ in ANAPHORA_CASES])
def test_acts_referred_back_to_and_blame(statements, text, expected):
    assert statements(text) == expected


DEPARTURES = [
    (
        "The UAE and Bahrain have asked that all diplomats from Qatar are to leave the respective nations "
        "within 48 hours.",
        {("united-arab-emirates", "expelled", "qatar", A, None), ("bahrain", "expelled", "qatar", A, None)},
    ),
    (
        "Venezuela gave US diplomats 72 hours to leave the country.",
        {("venezuela", "expelled", "united-states", A, None)},
    ),
    ("Russia will ask the British ambassador to leave.", {("russia", "expelled", "united-kingdom", "Future", None)}),
    # a state's own diplomats, diplomats of no named state, and staff of a company are expelled by no one
    ("Venezuela asked its diplomats to leave the United States.", set()),
    ("Venezuela gave diplomatic personnel 72 hours to leave the country.", set()),
    ("The company gave its staff two days to leave the building.", set()),
    # leaving without an order is no expulsion
    ("The French ambassador left Mali on Tuesday.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DEPARTURES, ids=[text[:50] for text, _ in DEPARTURES])
def test_an_order_to_leave_given_to_diplomats_expels_their_state(run_construction, text, expected):
    assert run_construction(departure_orders, text) == expected
