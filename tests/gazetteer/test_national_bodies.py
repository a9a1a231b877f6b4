"""National bodies: legislatures, courts, cabinets, central banks, ministries, police and armed forces."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer
from kg.records import Entity


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _two_assemblies() -> Gazetteer:
    kenya = Entity(
        "national-assembly-of-kenya",
        "National Assembly of Kenya",
        "GovernmentBody",
        aliases=("Kenyan National Assembly", "National Assembly"),
        country="kenya",
    )
    venezuela = Entity(
        "national-assembly-of-venezuela",
        "National Assembly of Venezuela",
        "GovernmentBody",
        aliases=("National Assembly", "Parliament"),
        country="venezuela",
    )
    return Gazetteer(
        [kenya, venezuela],
        generic={
            "national-assembly-of-kenya": ["National Assembly"],
            "national-assembly-of-venezuela": ["National Assembly", "Parliament"],
        },
    )


def test_generic_names_name_a_body_only_within_its_country():
    gazetteer = _two_assemblies()
    assert gazetteer.lookup("the National Assembly") == ()
    assert [e.key for e in gazetteer.lookup("the National Assembly", country="venezuela")] == [
        "national-assembly-of-venezuela"
    ]
    assert [e.key for e in gazetteer.lookup("Parliament", country="venezuela")] == ["national-assembly-of-venezuela"]
    assert gazetteer.lookup("Parliament", country="kenya") == ()
    # a body's own names are found with or without its country
    assert [e.key for e in gazetteer.lookup("Kenyan National Assembly")] == ["national-assembly-of-kenya"]
    assert [e.key for e in gazetteer.lookup("Kenyan National Assembly", country="kenya")] == [
        "national-assembly-of-kenya"
    ]
    assert gazetteer.lookup("Kenyan National Assembly", country="venezuela") == ()


def test_generic_names_are_known_as_generic_and_left_out_of_the_ruler():
    gazetteer = _two_assemblies()
    assert gazetteer.is_generic("the National Assembly")
    assert gazetteer.is_generic("parliament")
    assert not gazetteer.is_generic("Kenyan National Assembly")
    patterns = [p["pattern"] for p in gazetteer.ruler_patterns()]
    assert [{"LOWER": "national"}, {"LOWER": "assembly"}] not in patterns
    assert [{"ORTH": "Parliament"}] not in patterns
    assert [{"LOWER": "kenyan"}, {"LOWER": "national"}, {"LOWER": "assembly"}] in patterns


def _un_member_keys(gazetteer: Gazetteer) -> list[str]:
    from tests.gazetteer.test_gazetteer import UN_MEMBERS

    by_iso3 = {e.iso3: e.key for e in gazetteer if e.iso3}
    return [by_iso3[code] for code in UN_MEMBERS]


def test_every_un_member_has_a_legislature_a_cabinet_and_a_foreign_ministry(gazetteer):
    for country in _un_member_keys(gazetteer):
        for generic in ("Parliament", "Cabinet", "Foreign Ministry"):
            bodies = gazetteer.lookup(generic, country=country)
            assert len(bodies) == 1, (country, generic, [b.key for b in bodies])
            assert bodies[0].type == "GovernmentBody" and bodies[0].country == country


@pytest.mark.parametrize(
    ("name", "country", "key"),
    [
        ("Congress", "brazil", "national-congress-of-brazil"),
        ("Congress", "peru", "congress-of-peru"),
        ("Congress", "colombia", "congress-of-colombia"),
        ("Congress", "philippines", "congress-of-the-philippines"),
        ("Congress", "united-states", "united-states-congress"),
        ("the National Assembly", "venezuela", "national-assembly-of-venezuela"),
        ("the National Assembly", "kenya", "national-assembly-of-kenya"),
        ("National Assembly", "pakistan", "national-assembly-of-pakistan"),
        ("Parliament", "kenya", "parliament-of-kenya"),
        ("Parliament", "venezuela", "national-assembly-of-venezuela"),
        ("Parliament", "israel", "knesset"),
        ("parliament", "germany", "bundestag"),
        ("Senate", "brazil", "federal-senate-of-brazil"),
        ("Senate", "united-states", "united-states-senate"),
        ("House of Representatives", "nigeria", "house-of-representatives-of-nigeria"),
        ("Rada", "ukraine", "verkhovna-rada"),
        ("Majlis", "iran", "islamic-consultative-assembly"),
        ("Majlis", "maldives", "people-s-majlis"),
        ("Diet", "japan", "national-diet"),
        ("the Supreme Court", "brazil", "supreme-federal-court"),
        ("Supreme Court", "venezuela", "supreme-tribunal-of-justice"),
        ("Supreme Court", "india", "supreme-court-of-india"),
        ("Supreme Court", "united-states", "supreme-court-of-the-united-states"),
        ("Constitutional Court", "south-africa", "constitutional-court-of-south-africa"),
        ("Constitutional Council", "france", "constitutional-council-france"),
        ("the cabinet", "israel", "cabinet-of-israel"),
        ("Council of Ministers", "iraq", "council-of-ministers-of-iraq"),
        ("State Council", "china", "state-council-of-china"),
        ("Election Commission", "india", "election-commission-of-india"),
        ("electoral commission", "nigeria", "independent-national-electoral-commission"),
        ("Central Bank", "nigeria", "central-bank-of-nigeria"),
        ("central bank", "united-states", "federal-reserve"),
        ("Foreign Ministry", "kenya", "ministry-of-foreign-affairs-of-kenya"),
        ("Foreign Office", "united-kingdom", "foreign-commonwealth-and-development-office"),
        ("Defense Ministry", "kenya", "ministry-of-defence-of-kenya"),
        ("Ministry of Defense", "nigeria", "ministry-of-defence-of-nigeria"),
        ("Interior Ministry", "iraq", "ministry-of-the-interior-of-iraq"),
        ("Home Ministry", "india", "ministry-of-home-affairs-india"),
        ("Interior Ministry", "united-kingdom", "home-office"),
    ],
)
def test_generic_names_find_the_body_of_the_country(gazetteer, name, country, key):
    assert [e.key for e in gazetteer.lookup(name, country=country)] == [key]


@pytest.mark.parametrize(
    "name",
    [
        "Parliament",
        "the National Assembly",
        "Supreme Court",
        "Constitutional Court",
        "Senate",
        "Cabinet",
        "Central Bank",
        "Foreign Ministry",
        "Defense Ministry",
        "Interior Ministry",
        "Election Commission",
        "Majlis",
        "Diet",
    ],
)
def test_generic_names_alone_name_no_body(gazetteer, name):
    """Which country's Parliament "Parliament" is depends on the text; the gazetteer does not guess."""
    assert gazetteer.lookup(name) == ()
    assert gazetteer.is_generic(name)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Knesset", "knesset"),
        ("Duma", "state-duma"),
        ("Bundestag", "bundestag"),
        ("Verkhovna Rada", "verkhovna-rada"),
        ("Rada", "verkhovna-rada"),
        ("Sejm", "sejm"),
        ("Lok Sabha", "lok-sabha"),
        ("Oliy Majlis", "oliy-majlis"),
        ("National Diet", "national-diet"),
        ("Storting", "storting"),
        ("Folketing", "folketing"),
        ("Riksdag", "riksdag"),
        ("Jatiya Sangsad", "jatiya-sangsad"),
    ],
)
def test_names_of_one_country_s_body_are_not_generic(gazetteer, name, key):
    assert [e.key for e in gazetteer.lookup(name)] == [key]
    assert not gazetteer.is_generic(name)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Congress", "united-states-congress"),
        ("House of Commons", "house-of-commons-of-the-united-kingdom"),
        ("House of Representatives", "united-states-house-of-representatives"),
    ],
)
def test_a_generic_name_one_body_holds_outright_stays_that_body_s(gazetteer, name, key):
    """Bare "Congress" is the US Congress, as before; Brazil's and Peru's Congress have it within their country."""
    assert gazetteer.lookup(name)[0].key == key
    assert gazetteer.is_generic(name)


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Venezuelan National Assembly", "national-assembly-of-venezuela", "venezuela"),
        ("Kenyan parliament", "parliament-of-kenya", "kenya"),
        ("Brazilian Senate", "federal-senate-of-brazil", "brazil"),
        ("Pakistani Supreme Court", "supreme-court-of-pakistan", "pakistan"),
        ("Kenyan Foreign Ministry", "ministry-of-foreign-affairs-of-kenya", "kenya"),
        ("Nigerian Defense Ministry", "ministry-of-defence-of-nigeria", "nigeria"),
        ("Iraqi Interior Ministry", "ministry-of-the-interior-of-iraq", "iraq"),
        ("Turkish central bank", "central-bank-of-the-republic-of-turkey", "turkey"),
        ("Bank of England", "bank-of-england", "united-kingdom"),
        ("Federal Reserve", "federal-reserve", "united-states"),
        ("Reserve Bank of India", "reserve-bank-of-india", "india"),
        ("RBI", "reserve-bank-of-india", "india"),
        ("INEC", "independent-national-electoral-commission", "nigeria"),
        ("IEBC", "independent-electoral-and-boundaries-commission", "kenya"),
        ("Supreme Tribunal of Justice", "supreme-tribunal-of-justice", "venezuela"),
        ("Itamaraty", "ministry-of-foreign-affairs-brazil", "brazil"),
        ("Home Office", "home-office", "united-kingdom"),
    ],
)
def test_national_bodies_by_their_own_names(gazetteer, name, key, country):
    entity = gazetteer.lookup(name)[0]
    assert (entity.key, entity.type, entity.country) == (key, "GovernmentBody", country)


#: Police forces and armed forces that news names as proper names (the extractor may read them as agents).
SECURITY_FORCES = [
    ("Nigeria Police Force", "nigeria-police-force", "nigeria"),
    ("NPF", "nigeria-police-force", "nigeria"),
    ("Pakistan Rangers", "pakistan-rangers", "pakistan"),
    ("Kenya Defence Forces", "kenya-defence-forces", "kenya"),
    ("KDF", "kenya-defence-forces", "kenya"),
    ("Israel Defense Forces", "israel-defense-forces", "israel"),
    ("People's Liberation Army", "people-s-liberation-army", "china"),
    ("Sudanese Armed Forces", "sudanese-armed-forces", "sudan"),
    ("Uganda People's Defence Force", "uganda-people-s-defence-force", "uganda"),
    ("Ethiopian National Defense Force", "ethiopian-national-defense-force", "ethiopia"),
    ("South African Police Service", "south-african-police-service", "south-africa"),
    ("FARDC", "armed-forces-of-the-democratic-republic-of-the-congo", "democratic-republic-of-the-congo"),
    ("Tatmadaw", "tatmadaw", "myanmar"),
    ("Lebanese Armed Forces", "lebanese-armed-forces", "lebanon"),
    ("Royal Thai Police", "royal-thai-police", "thailand"),
    ("Philippine National Police", "philippine-national-police", "philippines"),
    ("Central Reserve Police Force", "central-reserve-police-force", "india"),
    ("Rosgvardia", "national-guard-of-russia", "russia"),
    ("Carabineros", "carabineros-de-chile", "chile"),
    ("Guardia Civil", "guardia-civil", "spain"),
    ("Royal Canadian Mounted Police", "royal-canadian-mounted-police", "canada"),
    ("Korean People's Army", "korean-people-s-army", "north-korea"),
    ("Japan Self-Defense Forces", "japan-self-defense-forces", "japan"),
    ("Haitian National Police", "haitian-national-police", "haiti"),
    ("Bolivarian National Guard", "bolivarian-national-guard", "venezuela"),
]


@pytest.mark.parametrize(("name", "key", "country"), SECURITY_FORCES)
def test_security_forces_are_government_bodies_of_their_country(gazetteer, name, key, country):
    entity = gazetteer.lookup(name)[0]
    assert (entity.key, entity.type, entity.country) == (key, "GovernmentBody", country)


def test_no_tagged_body_name_has_two_holders(gazetteer):
    """A name the ruler tags as a government body ("AFP", "INEC") belongs to one entity; the others keep
    it for lookup."""
    from collections import defaultdict

    from kg.gazetteer import normalize_name

    holders = defaultdict(set)
    for entity in gazetteer:
        hidden = gazetteer._lookup_only.get(entity.key, frozenset()) | gazetteer._generic.get(entity.key, frozenset())
        for name in (*entity.names, *(n for n, _ in entity.former_names)):
            if name not in hidden:
                normalized = normalize_name(name)
                holders[normalized if normalized.isupper() and len(normalized) <= 3 else normalized.casefold()].add(
                    entity.key
                )
    shared = {
        name: sorted(keys)
        for name, keys in holders.items()
        if len(keys) > 1 and any(gazetteer[k].type == "GovernmentBody" for k in keys)
    }
    assert shared == {}
    # each of these abbreviations has one holder in the ruler and others for lookup only
    assert [e.key for e in gazetteer.lookup("AFP")] == [
        "agence-france-presse",
        "armed-forces-of-the-philippines",
        "australian-federal-police",
    ]
    patterns = gazetteer.ruler_patterns()
    assert {"label": "ORG", "pattern": [{"ORTH": "AFP"}], "id": "agence-france-presse"} in patterns
    assert {"label": "ORG", "pattern": [{"ORTH": "SAF"}], "id": "sudanese-armed-forces"} in patterns
    assert [e.key for e in gazetteer.lookup("SAF")] == ["sudanese-armed-forces", "singapore-armed-forces"]


def test_ruler_leaves_generic_names_untagged_but_tags_congress_as_the_us_congress(gazetteer):
    patterns = gazetteer.ruler_patterns()
    by_pattern = {str(p["pattern"]): p["id"] for p in patterns}
    assert by_pattern[str([{"ORTH": "Congress"}])] == "united-states-congress"
    for generic in (
        [{"ORTH": "Parliament"}],
        [{"LOWER": "national"}, {"LOWER": "assembly"}],
        [{"LOWER": "supreme"}, {"LOWER": "court"}],
        [{"LOWER": "foreign"}, {"LOWER": "ministry"}],
        [{"LOWER": "defense"}, {"LOWER": "ministry"}],
        [{"ORTH": "Majlis"}],
        [{"ORTH": "Diet"}],
    ):
        assert str(generic) not in by_pattern, generic
    assert by_pattern[str([{"LOWER": "kenyan"}, {"LOWER": "defense"}, {"LOWER": "ministry"}])] == (
        "ministry-of-defence-of-kenya"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kenyan foreign ministry summoned the ambassador, and Kenya's Defense Ministry said it was ready.",
            {
                "Kenyan foreign ministry": "ministry-of-foreign-affairs-of-kenya",
                "Defense Ministry": "ministry-of-defence-of-kenya",
            },
        ),
        (
            "Protesters stormed into Congress in Brasilia, and Brazil's Supreme Court ordered arrests.",
            {
                "Congress": "national-congress-of-brazil",
                "Supreme Court": "supreme-federal-court",
            },
        ),
        (
            "The Nigeria Police Force arrested 20 people, the Kenya Defence Forces said, and the KDF denied it.",
            {
                "Nigeria Police Force": "nigeria-police-force",
                "Kenya Defence Forces": "kenya-defence-forces",
                "KDF": "kenya-defence-forces",
            },
        ),
        (
            "Venezuela's National Assembly met as the Venezuelan Supreme Court ruled.",
            {
                "National Assembly": "national-assembly-of-venezuela",
                "Venezuelan Supreme Court": "supreme-tribunal-of-justice",
            },
        ),
    ],
)
def test_pipeline_finds_national_bodies(nlp, text, expected):
    doc = nlp(text)
    bodies = {
        m.text: m.entity_key
        for m in doc._.geokg_mentions
        if doc._.geokg_entities[m.entity_key].type == "GovernmentBody"
    }
    assert bodies == expected


def _build_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_national_body_names_follow_the_kind():
    build = _build_module()
    assert build.national_body_names("defence-ministry", "Ministry of Defence of Kenya", "Kenyan", None) == (
        ["Kenyan Defence Ministry"],
        ["Defence Ministry", "Ministry of Defence"],
    )
    assert build.national_body_names(
        "legislature", "National Assembly of Venezuela", "Venezuelan", ["National Assembly", "Parliament"]
    ) == (["Venezuelan National Assembly", "Venezuelan Parliament"], ["National Assembly", "Parliament"])
    assert build.national_body_names("cabinet", "Cabinet of Dominica", None, None) == (
        [],
        ["Cabinet", "Council of Ministers"],
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({"atlantis": {"legislature": True}}, "'atlantis' is not a country key"),
        (
            {"kenya": {"parliament": True}},
            r"kenya: unknown fields \['parliament'\]; allowed: adjective, name, legislature",
        ),
        ({"kenya": {"police": {"label": "Kenya Police Service"}}}, "kenya: police must be a list"),
        ({"kenya": {"election-commission": True}}, "kenya election-commission needs a label"),
        ({"kenya": {"court": {"label": "Supreme Court of Kenya", "motto": "x"}}}, r"unknown fields \['motto'\]"),
        ({"kenya": {"legislature": {"key": "knesset"}}}, "'knesset' is not a body of kenya"),
        ({"kenya": {"legislature": {"key": "parliament-of-narnia"}}}, "no entry 'parliament-of-narnia' in bodies.json"),
    ],
)
def test_build_names_the_bad_national_body_entry(monkeypatch, rows, message):
    build = _build_module()
    real = build.load_curated
    monkeypatch.setattr(build, "load_curated", lambda name: rows if name == "national_bodies.json" else real(name))
    with pytest.raises(ValueError, match=message):
        build.build_national_bodies(real("bodies.json"), {"kenya": "Kenya", "israel": "Israel"})


def test_generic_names_belong_to_government_bodies_of_a_country():
    build = _build_module()
    with pytest.raises(ValueError, match="only a government body with a country has generic names"):
        build._clean({"label": "World Bank", "type": "InternationalOrganization", "generic": ["Bank"]})
    entry = build._clean(
        {
            "label": "Ministry of Defence of Kenya",
            "type": "GovernmentBody",
            "country": "kenya",
            "aliases": ["Kenyan Defence Ministry"],
            "generic": ["Defence Ministry"],
        }
    )
    # both spellings, since the extractor compares the words of a generic name with the text's
    assert entry["generic"] == ["Defence Ministry", "Defense Ministry"]
    assert entry["aliases"] == ["Kenyan Defence Ministry", "Defence Ministry", "Defense Ministry"]
