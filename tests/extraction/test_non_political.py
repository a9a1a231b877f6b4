"""Sport, business and weather news: their idioms name countries, cities and people but state no politics.

"Met the cross", "blocked the effort", "beat France 2-1", "attacked down the left",
"visited Anfield", "signed a supply deal", "threatened to close plants", "Typhoon Haiyan
killed 6,000 people": an interaction (an event relation of the vocabulary: a meeting, an
attack, an agreement, a threat ...) needs political actors, and teams, clubs, players,
firms, their customers and storms are not.
Each case below states the whole set of statements of its sentence, which holds no event
relation (standing facts the sentence does state, such as an office, are kept);
``tests/data/sport_sentences.txt`` holds a hundred more sentences of sports reporting from
which no event relation may be asserted. Dates resolve against Thursday 14 March 2024.
``gap="..."`` marks a strict expected failure listed in ``docs/known-gaps.md``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_relations import ASSERTED, assert_reads, case, s

from kg.records import EVENT_RELATIONS

SPORT_SENTENCES = Path(__file__).resolve().parents[1] / "data" / "sport_sentences.txt"

NON_POLITICAL_CASES = [
    # football
    case("sport-met-a-cross", "Rashford met Luke Shaw's low cross at the near post to put United ahead."),
    case("sport-blocked-an-effort", "The goalkeeper blocked Salah's effort with his legs in the 70th minute."),
    case("sport-national-team-beat-another", "England beat France 2-1 in Saturday's quarter-final in Doha."),
    case("sport-visited-a-ground", "Liverpool visited Anfield rivals Everton on Sunday and won 3-0."),
    case("sport-attacked-down-a-wing", "Brazil attacked down the left throughout the second half."),
    case("sport-threatened-an-equaliser", "Italy threatened an equaliser in stoppage time but Spain held on."),
    case(
        "sport-rejected-a-bid-for-a-player",
        "Real Madrid rejected a 100 million euro bid from Paris Saint-Germain for their striker.",
    ),
    case("sport-joined-a-team-at-the-top", "Germany joined Spain at the top of the group after thrashing Costa Rica."),
    case("sport-sent-off-against-a-national-team", "The Ireland captain was sent off for a high tackle against Wales."),
    case(
        "sport-federation-fined-by-its-governing-body",
        "UEFA fined the Serbian football federation after fans invaded the pitch in Belgrade.",
        gap="a football body fining a football federation is read as a sanction of Serbia",
    ),
    case(
        "sport-head-of-a-federation-praised-a-team",
        "FIFA president Gianni Infantino praised Morocco's run to the semi-finals.",
        s("gianni-infantino", "leaderOf", "fifa"),
        gap="praise of a national team's run is read as support for the country",
    ),
    case("sport-sold-a-player", "Chelsea sold the Argentina midfielder to Bayern Munich for 50 million euros."),
    # cricket, tennis, motor racing, athletics
    case("sport-declared-and-bowled-out", "Australia declared on 450 for six and India were bowled out for 180."),
    case(
        "sport-crushed-in-straight-sets",
        "Novak Djokovic crushed Carlos Alcaraz in straight sets to win his 24th Grand Slam title.",
    ),
    case("sport-overtook-on-the-final-lap", "Max Verstappen overtook Lewis Hamilton on the final lap in Abu Dhabi."),
    case("sport-broke-a-world-record", "Kenya's Faith Kipyegon broke the 1,500 metres world record in Florence."),
    # business
    case("business-beat-a-rival", "Apple beat Samsung to become the world's largest smartphone seller last year."),
    case("business-agreed-to-sell", "Shell agreed to sell its onshore oil business to a group of local companies."),
    case(
        "business-will-build-a-plant",
        "Toyota will build a battery plant in North Carolina, the company said on Tuesday.",
    ),
    case(
        "business-attacked-a-rival",
        "Microsoft attacked Google's dominance of online advertising in a filing to regulators.",
    ),
    case(
        "business-signed-a-deal-with-a-foreign-firm",
        "BP signed a supply deal with a Chinese refiner last week.",
        gap="a deal with a Chinese company is read as an agreement with China",
    ),
    case(
        "business-backed-a-takeover",
        "Goldman Sachs backed the takeover of the Italian bank with a 2 billion euro loan.",
    ),
    case("business-cut-prices-in-a-country", "Tesla cut prices of its cars in China for the third time this year."),
    case("business-delivered-aircraft", "Airbus delivered 60 aircraft to customers in Asia in February."),
    case("business-raised-rates", "The central bank raised interest rates by half a percentage point on Thursday."),
    case("business-beat-forecasts", "Nvidia shares jumped after the chipmaker beat revenue forecasts."),
    case(
        "business-threatened-to-close-plants",
        "Volkswagen threatened to close three plants in Germany to cut costs.",
        gap="a carmaker threatening to close its plants is read as threatening Germany",
    ),
    case("business-rejected-a-union", "Amazon rejected the union's demands for higher pay at its British warehouses."),
    case(
        "business-recalled-vehicles-in-a-country",
        "The Japanese carmaker recalled 1.2 million vehicles in the United States over faulty airbags.",
    ),
    # weather: a storm is named like a person, and named again bare
    case(
        "weather-hurricane-named-again-bare",
        "Hurricane Ivan battered the Cayman Islands on Sunday. Ivan has killed at least 60 people in the Caribbean.",
    ),
    case(
        "weather-typhoon-hit-two-countries",
        "Typhoon Haiyan killed 6,000 people in the Philippines. Haiyan then hit Vietnam.",
    ),
    case(
        "weather-tropical-storm-destroyed-homes",
        "Tropical Storm Maria battered Puerto Rico, where Maria destroyed homes.",
    ),
    case(
        "weather-cyclone-and-a-leader",
        "Cyclone Idai hit Mozambique last week, President Filipe Nyusi said.",
        s("filipe-nyusi", "leaderOf", "mozambique"),
    ),
]


@pytest.mark.parametrize(("text", "date", "expected"), NON_POLITICAL_CASES)
def test_sport_and_business_state_no_interaction(statements, text, date, expected):
    assert_reads(statements(text, date), expected)


def test_no_case_expects_an_interaction():
    wrong = [
        param.id
        for param in NON_POLITICAL_CASES
        if any(statement[1] in EVENT_RELATIONS for reading in param.values[2] for statement in reading)
    ]
    assert wrong == []


def sport_sentences() -> list[str]:
    lines = SPORT_SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_the_sport_sentences_are_a_hundred_different_ones():
    sentences = sport_sentences()
    assert len(sentences) == len(set(sentences)) == 100


def test_no_interaction_is_asserted_in_sports_reporting(statements):
    offending = {}
    for sentence in sport_sentences():
        found = sorted(
            statement
            for statement in statements(sentence)
            if statement[1] in EVENT_RELATIONS and statement[3] == ASSERTED
        )
        if found:
            offending[sentence] = found
    assert not offending, "interactions asserted in sports reporting:\n" + "\n".join(
        f"  {sentence!r}: {found}" for sentence, found in offending.items()
    )
