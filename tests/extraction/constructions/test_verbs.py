"""Verb phrases read alone: embedded events and their modality, complements, presuppositions, weapons."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.verbs import verb_relations

A, N, H, F = "Asserted", "Negated", "Hypothetical", "Future"

CASES = [
    # the speech act is asserted; the event it is about keeps its own modality
    (
        "Iran threatened to shell Iraqi towns.",
        {("iran", "threatened", "iraq", A, None), ("iran", "attacked", "iraq", H, None)},
    ),
    (
        "Hungary refused to meet Jordan's king.",
        {("hungary", "rejected", "jordan", A, None), ("hungary", "metWith", "jordan", N, None)},
    ),
    (
        "Cuba agreed to restore ties with the United States.",
        {
            ("cuba", "agreedWith", "united-states", A, None),
            ("cuba", "diplomaticRelationsWith", "united-states", F, None),
        },
    ),
    ("The minister accused Russia of attacking Ukraine.", {("russia", "attacked", "ukraine", H, None)}),
    (
        "Guterres called on Rwanda to withdraw its forces from Congo.",
        {
            ("antonio-guterres", "requested", "rwanda", A, None),
            ("rwanda", "withdrewFrom", "republic-of-the-congo", H, None),
            ("rwanda", "hasMilitaryPresenceIn", "republic-of-the-congo", A, None),
        },
    ),
    (
        "Kenya urged Ethiopia to leave Somalia.",
        {("kenya", "requested", "ethiopia", A, None), ("ethiopia", "withdrewFrom", "somalia", H, None)},
    ),
    ("Armenia and Azerbaijan are no longer at war.", set()),
    # refusing a hostile act is no rejection of its target
    ("India refused to impose sanctions on Russia.", {("india", "sanctioned", "russia", N, None)}),
    # a condition names the one threatened
    (
        "The rebels threatened to resume fighting unless Ethiopia withdrew.",
        {("ethiopia-rebels", "threatened", "ethiopia", A, None)},
    ),
    # a withdrawal of troops presupposes their presence, ended when the withdrawal is asserted
    (
        "France withdrew its troops from Chad in 2024.",
        {("france", "withdrewFrom", "chad", A, "2024"), ("france", "hasMilitaryPresenceIn", "chad", A, "..2024")},
    ),
    # troops that withdraw, or will, are there until they do
    (
        "Under the agreement Israeli troops will withdraw from southern Lebanon.",
        {
            ("israel-military", "withdrewFrom", "lebanon", F, None),
            ("israel", "hasMilitaryPresenceIn", "lebanon", A, None),
        },
    ),
    (
        "US troops withdrew from Afghanistan in 2021.",
        {
            ("united-states-military", "withdrewFrom", "afghanistan", A, "2021"),
            ("united-states", "hasMilitaryPresenceIn", "afghanistan", A, "..2021"),
        },
    ),
    # weapons are what is fired, not whom
    ("Russia fired missiles at Kyiv on Monday.", {("russia", "attacked", "kyiv", A, "2024-03-11")}),
    # an attempt at a hostile act is the act
    (
        "Protesters tried to storm the parliament in Nairobi.",
        {
            ("kenya-protesters", "attacked", "kenya-legislature", A, None),
            ("kenya-protesters", "protestedAgainst", "kenya-legislature", A, None),
        },
    ),
    # a mission stands in a city of the other state
    (
        "Japan opened an embassy in Kyiv.",
        {("japan", "diplomaticRelationsWith", "ukraine", A, None), ("japan", "recognized", "ukraine", A, None)},
    ),
    (
        "Sri Lanka has established diplomatic ties with and opened an embassy in Tehran, the ministry said.",
        {("iran", "diplomaticRelationsWith", "sri-lanka", A, None), ("sri-lanka", "recognized", "iran", A, None)},
    ),
    # an ambassador recalled "to" a state is recalled from it
    (
        "France is immediately recalling its ambassadors to the U.S. and Australia.",
        {
            ("france", "protestedAgainst", "united-states", A, None),
            ("france", "protestedAgainst", "australia", A, None),
        },
    ),
    # a protest at an embassy is against its state, not where the embassy stands
    (
        "Thousands of people staged a protest at the French Embassy in Niamey.",
        {("niger-protesters", "protestedAgainst", "france", A, None)},
    ),
    # a finite verb coordinated with an infinitive is the governor's second act, not a second thing asked for
    (
        "Guterres called on Rwanda to withdraw its forces from DR Congo and urged M23 to stop its advance.",
        {
            ("antonio-guterres", "requested", "rwanda", A, None),
            ("antonio-guterres", "requested", "m23", A, None),
            ("rwanda", "withdrewFrom", "democratic-republic-of-the-congo", H, None),
            ("rwanda", "hasMilitaryPresenceIn", "democratic-republic-of-the-congo", A, None),
        },
    ),
    (
        "Iran threatened to attack Iraq and demanded that Israel leave Lebanon.",
        {
            ("iran", "threatened", "iraq", A, None),
            ("iran", "attacked", "iraq", H, None),
            ("iran", "requested", "israel", A, None),
            ("israel", "withdrewFrom", "lebanon", H, None),
        },
    ),
    # two infinitives asked for stay asked for
    (
        "The EU urged Serbia to recognise Kosovo and to expel Russian diplomats.",
        {
            ("european-union", "requested", "serbia", A, None),
            ("serbia", "recognized", "kosovo", H, None),
            ("serbia", "expelled", "russia", H, None),
        },
    ),
    # a description and the name right after it, parsed as two subjects, are one actor
    (
        "Iraq's top Shi'ite cleric Grand  Ayatollah Ali al-Sistani urged Jordan to close its border.",
        {("ali-al-sistani", "requested", "jordan", A, None)},
    ),
    # an act someone claims to have done is their claim
    (
        "Iraqi authorities claimed on Sunday to have captured Izzat Ibrahim al-Douri.",
        {("iraq-government", "attacked", "izzat-ibrahim-al-douri", H, "2024-03-10")},
    ),
    # pushing a crowd back or away is coercion, the adverb ending the phrase like a particle
    (
        "Police officers are trying to push demonstrators away from the parliament building in Tbilisi.",
        {("georgia-police", "coerced", "georgia-protesters", A, None)},
    ),
    (
        "Georgian riot police pushed back protesters outside parliament.",
        {("georgia-police", "coerced", "georgia-protesters", A, None)},
    ),
    ("The company pushed back the launch.", set()),
    ("Israel pushed back against the criticism.", set()),
    # incursions, closures and bars on leaving are acts on the place or people
    (
        "Israeli forces thrust into the outskirts of the Jabalya refugee camp in the northern Gaza Strip on Thursday.",
        {("israel-military", "attacked", "jabalia", A, "2024-03-14")},
    ),
    (
        "The Israeli army sealed off Gaza Strip Wednesday and prevented Palestinians from leaving.",
        {
            ("israel-military", "coerced", "gaza-strip", A, "2024-03-13"),
            ("israel-military", "coerced", "palestine-civilians", A, "2024-03-13"),
        },
    ),
    (
        "China barred Taiwanese officials from entering the country.",
        {("china", "coerced", "taiwan-government", A, None)},
    ),
    ("Rain prevented the players from leaving.", set()),
    ("The company pushed into new markets in China.", set()),
    (
        "BAGHDAD - Insurgents hammered central Baghdad on Sunday with one of their most intense mortar barrages.",
        {("iraq-rebels", "attacked", "baghdad", A, "2024-03-10")},
    ),
    ("Liverpool hammered Chelsea 4-0.", set()),
    # a capitalised lead the tagger takes for a name is still an agent noun
    (
        "BAGHDAD -- Kidnappers seized two Americans and a Briton from their central Baghdad villa at dawn yesterday.",
        {
            ("iraq-criminals", "coerced", "united-states-civilians", A, "2024-03-13"),
            ("iraq-criminals", "coerced", "united-kingdom-civilians", A, "2024-03-13"),
        },
    ),
    # a target in a region of a country ("in Nepal's western hills") is an act against that country
    (
        "More than 1,000 Maoists attacked a district headquarters in Nepal's northwestern mountains, officials said.",
        {("nepal-rebels", "attacked", "nepal", A, None)},
    ),
    ("Russia struck a power plant in Putin's home town.", set()),
    # a state's mission, or part of it, stands for the state
    (
        "Ghanaian authorities demolished part of Nigeria's mission in Accra.",
        {("ghana-government", "coerced", "nigeria", A, None)},
    ),
    ("Hezbollah fighters shot a commander of Syria's army ally near the border.", set()),
    # gathering to protest is protesting
    (
        "Traders rallied in Kathmandu to protest against the government.",
        {("nepal-business", "protestedAgainst", "nepal", A, None)},
    ),
    # no political actor, no event
    ("Liverpool beat Chelsea 2-1 at Anfield.", set()),
    # an infinitive relative is as real as the clause of its noun
    (
        "Bill Rammell will become the first British minister to visit North Korea.",
        {("united-kingdom", "visited", "north-korea", F, None)},
    ),
    (
        "He was not the first British minister to visit North Korea.",
        {("united-kingdom", "visited", "north-korea", N, None)},
    ),
    (
        "Bill Rammell became the first British minister to visit North Korea.",
        {("bill-rammell", "visited", "north-korea", A, None)},
    ),
    # an act against a vehicle is an act against whom it carries; a convoy of aid carries no one
    (
        "Gunmen ambushed the convoy of Iraqi President Ghazi al-Yawar.",
        {("iraq-rebels", "attacked", "ghazi-al-yawar", A, None)},
    ),
    (
        "Gunmen opened fire on a convoy carrying Iraqi President Ghazi al-Yawar.",
        {("iraq-rebels", "attacked", "ghazi-al-yawar", A, None)},
    ),
    ("Insurgents ambushed a convoy of Iraqi police.", {("iraq-rebels", "attacked", "iraq-police", A, None)}),
    ("Gunmen attacked a car carrying two Iraqi policemen.", {("iraq-rebels", "attacked", "iraq-police", A, None)}),
    ("Militants attacked an aid convoy in Darfur.", {("sudan-rebels", "attacked", "darfur", A, None)}),
    ("Police stopped the convoy of opposition leader Kizza Besigye.", set()),
    # the subject of what a speaker named by a description reports is that speaker
    (
        "Iraq's prime minister said that he had held meetings with representatives of insurgent groups.",
        {("iraq", "metWith", "iraq-rebels", A, None)},
    ),
    ("The Israeli army said it had killed two Hamas militants.", {("israel-military", "attacked", "hamas", A, None)}),
    (
        "Israeli troops said they had shot two Palestinian youths.",
        {("israel-military", "attacked", "palestine-civilians", A, None)},
    ),
    ("The Iraqi government said it would expel the Turkish ambassador.", {("iraq", "expelled", "turkey", F, None)}),
    # "he" is a person, "it" a group: a pronoun that cannot be the speaker is not read as the speaker
    ("The Israeli army said he had attacked Iraqi police.", set()),
    ("The Iranian minister said it attacked Iraqi police.", set()),
    ("The Iraqi government said he met insurgent leaders.", set()),
    # a target inside a place named further in
    (
        "Russian missiles struck an apartment block in the centre of Kharkiv.",
        {("russia-military", "attacked", "kharkiv", A, None)},
    ),
    ("Saboteurs attacked Iraqi police.", {("iraq-rebels", "attacked", "iraq-police", A, None)}),
    # a building or site acted on stands where the phrase of place says, when the parser hangs it on the verb
    (
        "Islamist militants attacked a police station in northern Mali.",
        {("mali-rebels", "attacked", "mali", A, None)},
    ),
    ("Russian missiles struck a hospital in Kharkiv.", {("russia-military", "attacked", "kharkiv", A, None)}),
    ("Taliban fighters attacked a hotel in the centre of Kabul.", {("taliban", "attacked", "kabul", A, None)}),
    ("Police stopped a bus in Lagos.", set()),
    ("Rebels attacked the plan in Kabul.", set()),
    # a site on a country's border is at its edge, not inside it
    ("Russian drones struck a fuel depot on the Polish border.", set()),
    ("Russian missiles struck an apartment block in a town on the Polish border.", set()),
    # a participle whose subject suffered it names no doer ("and 193 people injured, U.S...")
    ("Clashes in Baghdad left 34 people dead, including one American soldier, and 193 people injured, U.S...", set()),
    (
        "Russian troops attacked Kyiv and injured ten people.",
        {
            ("russia-military", "attacked", "kyiv", A, None),
            ("russia-military", "attacked", "ukraine-civilians", A, None),
        },
    ),
    # freeing captives is a concession to their side
    (
        "Philippine communist rebels freed two soldiers they had held for five months.",
        {("philippines-rebels", "concededTo", "philippines-military", A, None)},
    ),
    ("Ukrainian forces freed Kherson in November.", set()),
    # a passive's subject that the parser gave to a parenthetical participle before it
    (
        "Three British nationals, believed to be civilians, were snatched by gunmen in Baghdad.",
        {("iraq-rebels", "coerced", "united-kingdom-civilians", A, None)},
    ),
    # who walks out of talks leaves the talks, not the body that holds them
    ("Sudanese rebels walked out of African Union peace talks.", set()),
    ("Uzbekistan pulled out of the CSTO summit.", set()),
    (
        "Uzbekistan pulled out of the CSTO in 2012.",
        {
            ("uzbekistan", "withdrewFrom", "collective-security-treaty-organization", A, "2012"),
            ("uzbekistan", "memberOf", "collective-security-treaty-organization", A, "..2012"),
        },
    ),
    # a phrase of time between the verb and its preposition is not the pattern's preposition
    (
        "Rebel leaders from Sudan's Darfur region called on Thursday on Nigeria to intervene.",
        {("sudan-rebels", "requested", "nigeria", A, "2024-03-14")},
    ),
    ("Iran called on Monday on Iraq to expel the militants.", {("iran", "requested", "iraq", A, "2024-03-11")}),
    # an act rejected by naming who made it: the maker of the participle
    ("Israel rejected the accusations made by South Africa.", {("israel", "rejected", "south-africa", A, None)}),
    ("Moscow dismissed the claims made by Washington.", {("russia", "rejected", "united-states", A, None)}),
    # fleeing to a country is going there; advising someone to act is asking them to
    ("Rajapaksa fled to the Maldives on a military jet.", {("rajapaksa", "visited", "maldives", A, None)}),
    ("Thousands of refugees fled to Chad.", set()),
    (
        "Iran's Revolutionary Guards advised the United States to withdraw its troops.",
        {("islamic-revolutionary-guard-corps", "requested", "united-states", A, None)},
    ),
    ("He advised Putin on foreign policy.", set()),
    # found guilty: by the court that says so, else by the state where it sits
    (
        "Three Americans were found guilty in Kabul of torturing Afghans.",
        {("afghanistan", "coerced", "united-states-civilians", A, None)},
    ),
    (
        "The soldiers were found guilty by an Egyptian court.",
        {("egypt-judiciary", "coerced", "egypt-military", A, None)},
    ),
    ("The inquiry found that Britain was guilty of negligence.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:50] for text, _ in CASES])
def test_verb_relations(run_construction, text, expected):
    assert run_construction(verb_relations, text) == expected
