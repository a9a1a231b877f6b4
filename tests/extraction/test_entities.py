"""The entity layer: which stretches of text name which actors, on ``doc._.geokg_mentions``.

``doc._.geokg_mentions`` holds :class:`~kg.records.Mention` records (entity key, text as
written, character offsets, and how the entity was reached); ``doc._.geokg_entities`` maps
each key to its :class:`~kg.records.Entity`.
"""

from __future__ import annotations

import pytest

from kg.records import Entity, Mention

NATO = "north-atlantic-treaty-organization"
CSTO = "collective-security-treaty-organization"


def mentions_of(doc, key: str) -> list[Mention]:
    return [mention for mention in doc._.geokg_mentions if mention.entity_key == key]


def mention_at(doc, text: str, occurrence: int = 0) -> Mention | None:
    """Return the mention that starts where ``text`` occurs in the document, if any."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    found = [mention for mention in doc._.geokg_mentions if mention.start == start]
    return found[0] if found else None


def describe(doc) -> list[tuple[str, str, str]]:
    return [(mention.text, mention.entity_key, mention.via) for mention in doc._.geokg_mentions]


# --- names, abbreviations and demonyms ---------------------------------------------------

NAMES = [
    ("The CSTO held drills in Tajikistan.", "CSTO", CSTO),
    ("The U.S. imposed new tariffs on Monday.", "U.S.", "united-states"),
    ("The UAE hosted the climate talks.", "UAE", "united-arab-emirates"),
    ("ECOWAS lifted its sanctions on Niger.", "ECOWAS", "economic-community-of-west-african-states"),
    ("The Collective Security Treaty Organization met in Minsk.", "Collective Security Treaty Organization", CSTO),
    ("Troops from the United States landed in Poland.", "United States", "united-states"),
    ("Türkiye opened a consulate in Samarkand.", "Türkiye", "turkey"),
    ("Leaders of the Arab League gathered in Bahrain.", "Arab League", "arab-league"),
]


@pytest.mark.parametrize(("text", "name", "key"), NAMES, ids=[name for _, name, _ in NAMES])
def test_gazetteer_names_and_abbreviations_are_mentions(parse, text, name, key):
    doc = parse(text)
    mention = mention_at(doc, name)
    assert mention is not None, describe(doc)
    assert (mention.entity_key, mention.text) == (key, name)
    assert doc.text[mention.start : mention.end] == name


DEMONYMS = [
    ("The Uzbek economy grew last year.", "Uzbek", "uzbekistan"),
    ("Emirati ports handled more cargo.", "Emirati", "united-arab-emirates"),
    ("Kazakh oil exports fell.", "Kazakh", "kazakhstan"),
    ("The Turkish lira slid again.", "Turkish", "turkey"),
]


@pytest.mark.parametrize(("text", "demonym", "key"), DEMONYMS, ids=[d for _, d, _ in DEMONYMS])
def test_demonyms_name_their_country(parse, text, demonym, key):
    doc = parse(text)
    mention = mention_at(doc, demonym)
    assert mention is not None, describe(doc)
    assert (mention.entity_key, mention.text, mention.via) == (key, demonym, "demonym")
    assert doc._.geokg_entities[key].type == "Country"


# --- agents and groups ------------------------------------------------------------------

#: (text, words of the agent, key, country key, sector): the whole set of agent mentions of the text.
AGENTS = [
    (
        "Uzbek officials welcomed the decision.",
        [("Uzbek officials", "uzbekistan-government", "uzbekistan", "Government")],
    ),
    ("Turkish troops crossed the border.", [("Turkish troops", "turkey-military", "turkey", "Military")]),
    ("U.S. forces left the base.", [("U.S. forces", "united-states-military", "united-states", "Military")]),
    ("Kenya's legislature passed the bill.", [("Kenya's legislature", "kenya-legislature", "kenya", "Legislature")]),
    (
        "Egyptian police arrested demonstrators in Cairo.",
        [
            ("Egyptian police", "egypt-police", "egypt", "Police"),
            ("demonstrators", "egypt-protesters", "egypt", "Protesters"),
        ],
    ),
    ("Protesters in Tehran chanted slogans.", [("Protesters", "iran-protesters", "iran", "Protesters")]),
    (
        "Ghanaian authorities deported 168 Liberians.",
        [
            ("Ghanaian authorities", "ghana-government", "ghana", "Government"),
            ("Liberians", "liberia-civilians", "liberia", "Civilians"),
        ],
    ),
    (
        "Uzbek and Kazakh troops held drills.",
        [
            ("Uzbek and Kazakh troops", "uzbekistan-military", "uzbekistan", "Military"),
            ("Uzbek and Kazakh troops", "kazakhstan-military", "kazakhstan", "Military"),
        ],
    ),
    (
        "Riot police dispersed the crowd in Nairobi.",
        [("Riot police", "kenya-police", "kenya", "Police"), ("crowd", "kenya-protesters", "kenya", "Protesters")],
    ),
    # women, men and children are civilians when named in the plural; "a man" is anyone
    (
        "Police in Tehran arrested two women.",
        [("Police", "iran-police", "iran", "Police"), ("women", "iran-civilians", "iran", "Civilians")],
    ),
    (
        "Israeli troops shot dead three children and a man in Gaza.",
        [
            ("Israeli troops", "israel-military", "israel", "Military"),
            ("children", "palestine-civilians", "palestine", "Civilians"),
        ],
    ),
    ("The man who claims Gov. James E. McGreevey harassed him sued.", []),
    # a religion qualifies an armed agent, whose sector stays its arms'; a cleric is religious
    (
        "An Indonesian court sentenced a Muslim militant to 12 years in jail.",
        [
            ("Indonesian court", "indonesia-judiciary", "indonesia", "Judiciary"),
            ("Muslim militant", "indonesia-rebels", "indonesia", "Rebels"),
        ],
    ),
    (
        "Filipino troops clashed with Islamic militants on Jolo.",
        [
            ("Filipino troops", "philippines-military", "philippines", "Military"),
            ("Islamic militants", "philippines-rebels", "philippines", "Rebels"),
        ],
    ),
    ("Iraqi Shiite clerics called for calm.", [("Iraqi Shiite clerics", "iraq-religious", "iraq", "Religious")]),
    # a group named by its own name, foreign or unnamed forces, and officials in the singular are no agents
    ("Hamas militants fired rockets.", []),
    ("Foreign troops left the country.", []),
    ("An official said the talks failed.", []),
]


@pytest.mark.parametrize(("text", "expected"), AGENTS, ids=[text for text, _ in AGENTS])
def test_agent_phrases_are_agents_of_their_country(parse, text, expected):
    doc = parse(text)
    entities = doc._.geokg_entities
    found = [
        (m.text, m.entity_key, entities[m.entity_key].country, entities[m.entity_key].sector)
        for m in doc._.geokg_mentions
        if entities[m.entity_key].type == "Agent"
    ]
    assert found == expected, describe(doc)


def test_agents_without_nationality_belong_to_the_document_country(parse):
    doc = parse(
        "Kenya's parliament passed the finance bill on Tuesday. Kenya's president signed it. "
        "Police opened fire on protesters outside the building."
    )
    agents = {m.text: m.entity_key for m in doc._.geokg_mentions if doc._.geokg_entities[m.entity_key].type == "Agent"}
    assert agents == {
        "Kenya's parliament": "kenya-legislature",
        "Police": "kenya-police",
        "protesters": "kenya-protesters",
    }


# --- persons ----------------------------------------------------------------------------

PERSONS_WITH_TITLES = [
    ("Uzbek President Shavkat Mirziyoyev arrived in Astana.", "Shavkat Mirziyoyev", "shavkat-mirziyoyev"),
    ("Russian Foreign Minister Sergei Lavrov spoke first.", "Sergei Lavrov", "sergei-lavrov"),
    ("Kazakh President Kassym-Jomart Tokayev signed the decree.", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev"),
    ("Gen. Michael Kurilla toured the base.", "Michael Kurilla", "michael-kurilla"),
    ("NATO Secretary General Jens Stoltenberg praised the decision.", "Jens Stoltenberg", "jens-stoltenberg"),
    ("Armenian Prime Minister Nikol Pashinyan flew to Paris.", "Nikol Pashinyan", "nikol-pashinyan"),
]


@pytest.mark.parametrize(("text", "name", "key"), PERSONS_WITH_TITLES, ids=[key for _, _, key in PERSONS_WITH_TITLES])
def test_person_mention_leaves_out_the_title(parse, text, name, key):
    doc = parse(text)
    start = text.index(name)
    assert Mention(key, name, start, start + len(name), "name") in doc._.geokg_mentions, describe(doc)
    assert doc._.geokg_entities[key].type == "Person"
    assert [m for m in mentions_of(doc, key) if m.text != name] == []


def test_later_surname_resolves_to_the_same_person(parse):
    doc = parse(
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
        "Lavrov met his Turkish counterpart the next day."
    )
    surname = mention_at(doc, "Lavrov", occurrence=1)
    assert surname is not None, describe(doc)
    assert (surname.entity_key, surname.text) == ("sergei-lavrov", "Lavrov")
    assert "lavrov" not in doc._.geokg_entities


def test_later_surname_matches_any_spelling_of_the_full_name(parse):
    # the gazetteer's label is "Aleksandar Vučić"; the text writes him without diacritics
    doc = parse(
        "Serbian President Aleksandar Vucic met the envoy. "
        "Vucic condemned the killing, saying it \u201ccannot be justified,\u201d but still blamed Pristina."
    )
    mention = mention_at(doc, "Vucic condemned")
    assert mention is not None, describe(doc)
    assert (mention.entity_key, mention.via) == ("aleksandar-vucic", "coreference")


def test_two_persons_keep_their_own_surnames(parse):
    doc = parse(
        "Vladimir Putin received Kassym-Jomart Tokayev in the Kremlin. Tokayev thanked Putin for the invitation."
    )
    assert mention_at(doc, "Tokayev", occurrence=1).entity_key == "kassym-jomart-tokayev"
    assert mention_at(doc, "Putin", occurrence=1).entity_key == "vladimir-putin"


# --- definite descriptions and pronouns ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "description", "key"),
    [
        ("Armenia has frozen its participation in the CSTO. The bloc did not respond.", "The bloc", CSTO),
        ("Finland joined NATO in 2023. The alliance has since doubled its border with Russia.", "The alliance", NATO),
        (
            "Niger quit ECOWAS in January, and the bloc lifted its sanctions weeks later.",
            "the bloc",
            "economic-community-of-west-african-states",
        ),
    ],
    ids=["the-bloc", "the-alliance", "the-bloc-same-sentence"],
)
def test_definite_description_resolves_to_the_one_earlier_organisation(parse, text, description, key):
    doc = parse(text)
    mention = mention_at(doc, description)
    assert mention is not None, describe(doc)
    assert (mention.entity_key, mention.via) == (key, "coreference")
    assert mention.text.lower().endswith(description.split()[-1])


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("The CSTO and the SCO held summits this week. The bloc said it would grow.", "The bloc"),
        ("NATO and the European Union issued a joint statement. The alliance said little else.", "The alliance"),
        ("The bloc said it would grow.", "The bloc"),
    ],
    ids=["two-blocs", "two-organisations", "no-antecedent"],
)
def test_ambiguous_or_unanchored_description_gives_no_mention(parse, text, description):
    doc = parse(text)
    start = text.index(description)
    end = start + len(description)
    overlapping = [m for m in doc._.geokg_mentions if m.start < end and m.end > start]
    assert overlapping == []


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("Kazakhstan hosted the talks. It will host them again next year.", "It"),
        ("Kazakhstan hosted the talks, and it will host them again next year.", "it"),
    ],
    ids=["next-sentence", "same-sentence"],
)
def test_it_as_subject_resolves_to_the_earlier_country(parse, text, pronoun):
    doc = parse(text)
    mention = mention_at(doc, f"{pronoun} will")
    assert mention is not None, describe(doc)
    assert (mention.entity_key, mention.text, mention.via) == ("kazakhstan", pronoun, "coreference")


def test_a_pronoun_continues_the_pronoun_before_it(parse):
    # "he" in the second sentence is Turull; the third continues him, not the minister named in between
    doc = parse(
        "Turull reminded the police of the law. Moreover, he wanted to note the attack on the "
        "Education Minister, Clara Ponsanti. He said the responsibility lies with Mariano Rajoy."
    )
    chain = [mention_at(doc, "he wanted"), mention_at(doc, "He said")]
    assert [(m.entity_key, m.via) for m in chain if m is not None] == [("turull", "coreference")] * 2, describe(doc)


def test_a_name_cut_short_before_of_is_no_entity(parse):
    # the model may tag "Government of" alone; the phrase is read as "the government of Tonga"
    doc = parse(
        "The Australian Defence Force is supporting the DFAT coordinated mission to support the Government of Tonga."
    )
    assert [m.entity_key for m in doc._.geokg_mentions if m.text.startswith("Government")] == [], describe(doc)
    assert mention_at(doc, "Tonga").entity_key == "tonga"


def test_it_after_a_group_named_by_a_demonym_is_the_group(parse):
    doc = parse("A statement by an Iraqi group which said it was holding two French hostages set a ransom.")
    assert mention_at(doc, "it was") is None, describe(doc)


def test_pleonastic_it_gives_no_mention(parse):
    doc = parse("Kazakhstan hosted the talks. It is unclear whether Russia will attend.")
    assert mention_at(doc, "It is") is None, describe(doc)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Hurricane Ivan battered the Cayman Islands. Ivan has killed at least 60 people.",
            ["Cayman Islands", "people"],
        ),
        (
            "Typhoon Haiyan killed 6,000 people in the Philippines before Haiyan hit Vietnam.",
            ["people", "Philippines", "Vietnam"],
        ),
        ("Tropical Storm Maria battered Puerto Rico, where Maria destroyed homes.", ["Puerto Rico"]),
    ],
    ids=["hurricane", "typhoon", "tropical-storm"],
)
def test_a_natural_event_s_name_is_no_actor_wherever_it_recurs(parse, text, names):
    doc = parse(text)
    assert [m.text for m in doc._.geokg_mentions] == names, describe(doc)


def test_a_verb_spelled_like_a_storm_word_leaves_the_name_after_it(parse):
    # "storm" is a verb here: Mariupol is no storm's name
    doc = parse("Russian troops storm Mariupol as Ivan Fedorov flees the city.")
    assert [(m.text, m.entity_key) for m in doc._.geokg_mentions if m.via == "name"] == [
        ("Russian troops", "russia-military"),
        ("Mariupol", "mariupol"),
        ("Ivan Fedorov", "ivan-fedorov"),
    ], describe(doc)


# --- bodies of a country ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body", "country"),
    [
        ("Uzbekistan's Security Council approved the plan.", "Security Council", "uzbekistan"),
        ("Armenia's Security Council approved the plan.", "Security Council", "armenia"),
        ("Kazakhstan's Interior Ministry denied the report.", "Interior Ministry", "kazakhstan"),
    ],
    ids=["in-gazetteer", "not-in-gazetteer", "ministry-not-in-gazetteer"],
)
def test_generic_body_with_a_country_is_a_government_body_of_it(parse, text, body, country):
    doc = parse(text)
    start = text.index(body)
    end = start + len(body)
    bodies = [doc._.geokg_entities[m.entity_key] for m in doc._.geokg_mentions if m.start <= start and m.end >= end]
    assert bodies, describe(doc)
    [entity] = bodies
    assert (entity.type, entity.country) == ("GovernmentBody", country)
    assert entity.key != country


# --- persons and countries stay apart --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "key", "country"),
    [
        ("Israeli Defence Minister Israel Katz visited Washington.", "Israel Katz", "israel-katz", "israel"),
        ("French politician Jordan Bardella criticised Brussels.", "Jordan Bardella", "jordan-bardella", "jordan"),
    ],
    ids=["israel-katz", "jordan-bardella"],
)
def test_person_is_never_merged_with_a_country(parse, text, name, key, country):
    doc = parse(text)
    start = text.index(name)
    name_mentions = [m for m in doc._.geokg_mentions if start <= m.start < start + len(name)]
    assert [(m.entity_key, m.text) for m in name_mentions] == [(key, name)], describe(doc)
    assert doc._.geokg_entities[key].type == "Person"
    assert not [m for m in mentions_of(doc, country) if start <= m.start < start + len(name)]


def test_surname_of_a_person_named_like_a_country_stays_with_the_person(parse):
    doc = parse("Israeli Defence Minister Israel Katz visited Washington. Katz met his American counterpart.")
    assert mention_at(doc, "Katz", occurrence=1).entity_key == "israel-katz"
    assert doc._.geokg_entities["israel"].type == "Country"
    assert doc._.geokg_entities["israel-katz"].type == "Person"


# --- the records themselves ----------------------------------------------------------------


def test_mentions_are_plain_records_with_offsets_into_the_text(parse):
    doc = parse(
        "Uzbek President Shavkat Mirziyoyev met NATO officials in Brussels. Mirziyoyev said the alliance was a partner."
    )
    assert doc._.geokg_mentions
    for mention in doc._.geokg_mentions:
        assert isinstance(mention, Mention)
        assert doc.text[mention.start : mention.end] == mention.text
        assert mention.via in {"name", "demonym", "metonym", "coreference", "title"}
        assert isinstance(doc._.geokg_entities[mention.entity_key], Entity)
