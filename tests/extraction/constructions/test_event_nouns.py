"""Event nouns read alone: received ones (the sender acts on the receiver), untargeted sanctions, planned acts."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.nominal import noun_relations

A, H = "Asserted", "Hypothetical"

RECEIVED = [
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


@pytest.mark.parametrize(("text", "expected"), RECEIVED, ids=[text[:50] for text, _ in RECEIVED])
def test_a_received_event_noun_is_the_senders_act(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected


STORY_TARGETS = [
    # sanctions that name no target are on the country the story is about, when others impose them
    (
        "Cuba's economy shrank sharply this year in Cuba. Havana blamed the U.S. embargo.",
        {("united-states", "sanctioned", "cuba", A, None)},
    ),
    (
        "Russia's economy shrank. EU sanctions hurt Russian banks.",
        {("european-union", "sanctioned", "russia", A, None)},
    ),
    # a country's own restrictions, and sanctions of no one, target no one
    ("Cuba's economy shrank. Cuba's own restrictions hurt farmers.", set()),
    ("Germany's economy shrank in Germany. German firms said the sanctions hurt them.", set()),
    # sanctions being prepared, proposed or weighed are still to come
    (
        "Iran's economy shrank in Iran. The United States is preparing new sanctions.",
        {("united-states", "sanctioned", "iran", "Future", None)},
    ),
    ("The EU proposed a ban on flights to Belarus.", {("european-union", "sanctioned", "belarus", "Future", None)}),
    ("The EU imposed new sanctions on Russia.", {("european-union", "sanctioned", "russia", A, None)}),
]


@pytest.mark.parametrize(("text", "expected"), STORY_TARGETS, ids=[text[:50] for text, _ in STORY_TARGETS])
def test_untargeted_sanctions_and_planned_ones(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected


SURVIVED = [
    # who survives or repels an act is its target, unless the phrase names one
    (
        "A senior Hamas leader survived an Israeli assassination attempt in the Gaza Strip on Wednesday.",
        {("israel", "attacked", "hamas", A, None)},
    ),
    ("Ukraine repelled a Russian attack.", {("russia", "attacked", "ukraine", A, None)}),
    ("Ukraine repelled a Russian attack on Kharkiv.", {("russia", "attacked", "kharkiv", A, None)}),
    ("Kyiv withstood heavy Russian shelling.", {("russia-military", "attacked", "kyiv", A, None)}),
    # an act with no doer named, and a vote, attack no one
    ("Zelensky survived an assassination attempt.", set()),
    ("The president survived a no-confidence vote.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SURVIVED, ids=[text[:50] for text, _ in SURVIVED])
def test_who_survives_an_act_is_its_target(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected


AGENT_AND_COMPOUND_NOUNS = [
    # an agent noun does what it names
    (
        "The kidnappers of two French journalists in Iraq demanded a ransom.",
        {("iraq-criminals", "coerced", "france-media", A, None)},
    ),
    # a pattern running through the noun a word modifies takes that noun's actors
    ("Japan issued a deportation order against Bobby Fischer.", {("japan", "coerced", "bobby-fischer", A, None)}),
    ("Russia launched a missile strike on Kyiv.", {("russia", "attacked", "kyiv", A, None)}),
    # with a phrase of time between, the parser hangs the target on the verb
    (
        "Japan issued a deportation order on Tuesday against former chess champion Bobby Fischer.",
        {("japan", "coerced", "bobby-fischer", A, None)},
    ),
    ("The EU imposed an arms embargo last year on Belarus.", {("european-union", "sanctioned", "belarus", A, "2023")}),
    # a modifier's own pattern does not take the actors of the noun it modifies
    ("Britain and Ukraine are set to sign a 100-year partnership agreement next month.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), AGENT_AND_COMPOUND_NOUNS, ids=[text[:50] for text, _ in AGENT_AND_COMPOUND_NOUNS]
)
def test_agent_nouns_and_compound_event_nouns(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected


PLACES = [
    ("Police found explosives in the Russian city of Beslan.", {("beslan", "locatedIn", "russia", A, None)}),
    ("Fighters held the mosque in the Iraqi city Najaf.", {("najaf", "locatedIn", "iraq", A, None)}),
    ("China's Sichuan province faced floods.", {("sichuan", "locatedIn", "china", A, None)}),
    ("An earthquake rocked Indonesia's premier tourist island of Bali.", {("bali", "locatedIn", "indonesia", A, None)}),
    (
        "He lives in the Indian city of Mumbai and the Pakistani city of Karachi.",
        {("mumbai", "locatedIn", "india", A, None), ("karachi", "locatedIn", "pakistan", A, None)},
    ),
    # a modifier names the place only when the gazetteer puts it there; a name inside a name is no place noun
    ("Riots hit the French-ruled Pacific island.", set()),
    ("Bodies were found in Najaf's Old City.", set()),
    ("He flew to the Indian city Karachi.", set()),
    ("Fighting broke out in the Kashmir region of India.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=[text[:50] for text, _ in PLACES])
def test_a_place_noun_names_its_place(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected


GIVEN = [
    # a possessed event is taken as given, whatever the verb acting on it says of itself
    ("The new law could complicate Russia's invasion of Ukraine.", {("russia", "attacked", "ukraine", A, None)}),
    ("Washington did not condemn Israel's attack on Iran.", {("israel", "attacked", "iran", A, None)}),
    (
        "Officials said the sanctions would not stop Russia's attacks on Kyiv.",
        {("russia", "attacked", "kyiv", A, None)},
    ),
    # not an event that the verb keeps from happening
    ("The deal could prevent Russia's invasion of Ukraine.", {("russia", "attacked", "ukraine", H, None)}),
    # not one that is not possessed: "an attack" under "could" is a possible one
    ("Israel could launch an attack on Iran.", {("israel", "attacked", "iran", H, None)}),
]


@pytest.mark.parametrize(("text", "expected"), GIVEN, ids=[text[:50] for text, _ in GIVEN])
def test_a_possessed_event_is_given(run_construction, text, expected):
    assert run_construction(noun_relations, text) == expected
