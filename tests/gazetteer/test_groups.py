"""Armed groups, movements and parties: their countries, names and the rule for shared abbreviations."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Hamas", "hamas", "palestine"),
        ("Hezbollah", "hezbollah", "lebanon"),
        ("Hizbollah", "hezbollah", "lebanon"),
        ("Ansar Allah", "houthis", "yemen"),
        ("the Taliban", "taliban", "afghanistan"),
        ("ISIL", "islamic-state", None),
        ("Daesh", "islamic-state", None),
        ("al-Shabab", "al-shabaab", "somalia"),
        ("Boko Haram", "boko-haram", "nigeria"),
        ("M23", "m23", "democratic-republic-of-the-congo"),
        ("March 23 Movement", "m23", "democratic-republic-of-the-congo"),
        ("RSF", "rapid-support-forces", "sudan"),
        ("ELN", "national-liberation-army", "colombia"),
        ("FARC", "revolutionary-armed-forces-of-colombia", "colombia"),
        ("TPLF", "tigray-people-s-liberation-front", "ethiopia"),
        ("PKK", "kurdistan-workers-party", "turkey"),
        ("YPG", "people-s-defense-units", "syria"),
        ("SDF", "syrian-democratic-forces", "syria"),
        ("HTS", "hayat-tahrir-al-sham", "syria"),
        ("Wagner", "wagner-group", "russia"),
        ("Peshmerga", "peshmerga", "iraq"),
        ("Polisario", "polisario-front", "western-sahara"),
        ("Fatah", "fatah", "palestine"),
        ("Muslim Brotherhood", "muslim-brotherhood", "egypt"),
        ("PTI", "pakistan-tehreek-e-insaf", "pakistan"),
        ("PML-N", "pakistan-muslim-league-n", "pakistan"),
        ("ANC", "african-national-congress", "south-africa"),
        ("NLD", "national-league-for-democracy", "myanmar"),
        ("BJP", "bharatiya-janata-party", "india"),
        ("Congress party", "indian-national-congress", "india"),
        ("Georgian Dream", "georgian-dream", "georgia"),
        ("Fidesz", "fidesz", "hungary"),
        ("United Russia", "united-russia", "russia"),
        ("AKP", "justice-and-development-party", "turkey"),
        ("AK Party", "justice-and-development-party", "turkey"),
        ("CHP", "republican-people-s-party", "turkey"),
        ("Likud", "likud", "israel"),
        ("GOP", "republican-party", "united-states"),
        ("PiS", "law-and-justice", "poland"),
        ("AfD", "alternative-for-germany", "germany"),
        ("Tories", "conservative-party", "united-kingdom"),
        ("Peoples Democratic Party", "peoples-democratic-party-nigeria", "nigeria"),
        ("Peoples' Democratic Party", "peoples-democratic-party", "turkey"),
    ],
)
def test_group_has_its_country(gazetteer, name, key, country):
    group = gazetteer.lookup(name)[0]
    assert (group.key, group.type, group.country) == (key, "Organization", country)


def test_congress_alone_is_the_us_congress(gazetteer):
    assert [e.key for e in gazetteer.lookup("Congress")] == ["united-states-congress", "indian-national-congress"]
    patterns = {json.dumps(p["pattern"]): p["id"] for p in gazetteer.ruler_patterns()}
    assert patterns[json.dumps([{"ORTH": "Congress"}])] == "united-states-congress"


@pytest.mark.parametrize(
    ("abbreviation", "keys"),
    [
        ("RSF", ["rapid-support-forces", "reporters-without-borders"]),
        ("IRA", ["irish-republican-army"]),
        ("ETA", ["euskadi-ta-askatasuna"]),
        ("PPP", ["pakistan-peoples-party", "people-power-party"]),
        ("BNP", ["bangladesh-nationalist-party"]),
        ("FSA", ["free-syrian-army"]),
    ],
)
def test_shared_abbreviations_are_found_but_tagged_only_for_their_main_sense(gazetteer, abbreviation, keys):
    assert [e.key for e in gazetteer.lookup(abbreviation)] == keys
    tagged = [p["id"] for p in gazetteer.ruler_patterns() if p["pattern"] == [{"ORTH": abbreviation}]]
    assert tagged == (["rapid-support-forces"] if abbreviation == "RSF" else [])


def test_each_tagged_abbreviation_has_one_holder(gazetteer):
    """The rule for abbreviations: matched in exact case, and by one entity only."""
    holders = defaultdict(set)
    for entity in gazetteer:
        for abbreviation in entity.abbreviations:
            if abbreviation not in gazetteer._lookup_only.get(entity.key, ()):
                holders[abbreviation].add(entity.key)
    shared = {a: sorted(k) for a, k in holders.items() if len(k) > 1}
    assert shared == {}


def test_groups_file_does_not_repeat_an_entry():
    groups = json.loads((ROOT / "kg/gazetteer/curated/groups.json").read_text(encoding="utf-8"))
    bodies = json.loads((ROOT / "kg/gazetteer/curated/bodies.json").read_text(encoding="utf-8"))
    labels = [row["label"] for row in groups + bodies]
    assert len(labels) == len(set(labels))
    assert all(row["type"] == "Organization" for row in groups)
    assert len(groups) >= 200


@pytest.mark.parametrize(
    ("name", "key", "type_", "country"),
    [
        # the European Community, the EU's predecessor until 2009, under its own name and its former names
        ("European Community", "european-community", "InternationalOrganization", None),
        ("EC", "european-community", "InternationalOrganization", None),
        ("European Economic Community", "european-community", "InternationalOrganization", None),
        ("EEC", "european-community", "InternationalOrganization", None),
        ("PLO", "palestine-liberation-organization", "Organization", "palestine"),
        ("Red Cross", "international-committee-of-the-red-cross", "InternationalOrganization", None),
        ("ICRC", "international-committee-of-the-red-cross", "InternationalOrganization", None),
        ("IFRC", "international-federation-of-red-cross-and-red-crescent-societies", "InternationalOrganization", None),
        ("Palestinian Red Crescent", "palestine-red-crescent-society", "Organization", "palestine"),
        ("Amnesty International", "amnesty-international", "Organization", None),
        ("Human Rights Watch", "human-rights-watch", "Organization", None),
        # based in Britain, about Syria: no country of its own
        ("Syrian Observatory for Human Rights", "syrian-observatory-for-human-rights", "Organization", None),
        ("the Observatory", "syrian-observatory-for-human-rights", "Organization", None),
    ],
)
def test_organisation_types_and_countries(gazetteer, name, key, type_, country):
    entity = gazetteer.lookup(name)[0]
    assert (entity.key, entity.type, entity.country) == (key, type_, country)


def test_the_european_community_keeps_its_former_names_with_their_last_year(gazetteer):
    assert ("European Economic Community", "1993") in gazetteer["european-community"].former_names
    assert gazetteer["european-union"].former_names == ()
    patterns = gazetteer.ruler_patterns()
    assert {"label": "ORG", "pattern": [{"ORTH": "EC"}], "id": "european-community"} in patterns
    # "the Observatory" is the Syrian Observatory only when looked up, never tagged in running text
    assert not [p for p in patterns if p["pattern"] == [{"ORTH": "Observatory"}]]
