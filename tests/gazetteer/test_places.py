"""Cities, US states, regions and disputed areas of the gazetteer, and the rule that keeps risky city names out."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.gazetteer import DATA_DIR, Gazetteer

ROOT = Path(__file__).resolve().parents[2]


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def build():
    return _build_script()


@pytest.fixture(scope="module")
def excluded() -> dict[tuple[str, str], str]:
    rows = json.loads((DATA_DIR / "excluded_cities.json").read_text(encoding="utf-8"))
    return {(row["name"], row["country"]): row["reason"] for row in rows}


def _places(gazetteer, name):
    return [e for e in gazetteer.lookup(name) if e.type == "Place"]


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Kharkiv", "kharkiv", "ukraine"),  # curated, GeoNames' entry folded into it
        ("Zaporizhzhia", "zaporizhzhia", "ukraine"),  # GeoNames spells it Zaporizhzhya
        ("Kandahar", "kandahar", "afghanistan"),  # GeoNames: Kandahār
        ("Fallujah", "fallujah", "iraq"),  # renamed from GeoNames' "Al Fallūjah"
        ("Al Fallūjah", "fallujah", "iraq"),
        ("Hodeidah", "hodeidah", "yemen"),
        ("El Geneina", "el-geneina", "sudan"),
        ("Houston", "houston", "united-states"),  # a surname, kept for its size
        ("Sydney", "sydney", "australia"),  # a given name, kept for its size
        ("Lyon", "lyon", "france"),  # a surname, on the keep list
        ("Qom", "qom", "iran"),  # three letters, on the keep list
        ("Sao Paulo", "sao-paulo", "brazil"),  # the accent-free spelling is a name too
        ("Goma", "goma", "democratic-republic-of-the-congo"),
        ("Mecca", "mecca", "saudi-arabia"),
        ("Makkah", "mecca", "saudi-arabia"),
        ("Newcastle", "newcastle-upon-tyne", "united-kingdom"),
    ],
)
def test_city_has_its_country(gazetteer, name, key, country):
    city = _places(gazetteer, name)[0]
    assert (city.key, city.country) == (key, country)


def test_cities_of_one_name_in_two_countries_are_two_places(gazetteer):
    assert [(e.key, e.country) for e in gazetteer.lookup("Hyderabad")] == [
        ("hyderabad", "india"),
        ("hyderabad-pakistan", "pakistan"),
    ]
    assert [(e.key, e.country) for e in gazetteer.lookup("Tripoli")] == [
        ("tripoli", "libya"),
        ("tripoli-lebanon", "lebanon"),
    ]
    # the Spanish Valencia is preferred although GeoNames counts more people in Venezuela's
    assert [(e.key, e.country) for e in gazetteer.lookup("Valencia")] == [
        ("valencia", "spain"),
        ("valencia-venezuela", "venezuela"),
    ]


def test_every_generated_city_has_a_country(gazetteer):
    cities = [e for e in gazetteer if e.type == "Place" and not e.capital_of and not e.metonym_for]
    # about 3,700 GeoNames cities of 150,000 people or more, less the ~300 districts of larger cities
    assert len(cities) >= 3700
    without = [e.key for e in cities if e.country is None]
    # only regions, seas and disputed areas lack a country; all of them are curated
    curated = {row["label"] for row in json.loads((ROOT / "kg/gazetteer/curated/places.json").read_text("utf-8"))}
    assert {gazetteer[key].label for key in without} <= curated


@pytest.mark.parametrize(
    ("name", "country", "reason"),
    [
        ("Reading", "united-kingdom", "a common English word"),
        ("Mobile", "united-states", "a common English word"),
        ("Nice", "france", "a common English word"),
        ("Florence", "italy", "a common given name"),
        ("Eugene", "united-states", "a common given name"),
        ("Victoria", "canada", "a common given name"),
        ("Jackson", "united-states", "a common given name"),
        ("Mansfield", "united-kingdom", "a common surname"),
        ("Hamilton", "canada", "a common surname"),
        ("Kennedy", "colombia", "a district of Bogotá"),  # a surname as well; the district rule comes first
        ("Ede", "nigeria", "three letters or fewer"),
        ("Man", "cote-d-ivoire", "three letters or fewer"),
        ("Armenia", "colombia", "a name or demonym of another gazetteer entity"),
        ("Gold Coast", "australia", "a name or demonym of another gazetteer entity"),
        ("Vladimir", "russia", "curated: a common given name (Vladimir Putin)"),
        ("Toyota", "japan", "curated: a company name"),
    ],
)
def test_risky_city_names_are_left_out_with_their_reason(gazetteer, excluded, name, country, reason):
    assert excluded[(name, country)] == reason
    assert [e for e in _places(gazetteer, name) if e.country == country] == []


def test_left_out_names_have_no_ruler_pattern(gazetteer):
    exact = {
        p["pattern"][0]["ORTH"]
        for p in gazetteer.ruler_patterns()
        if isinstance(p["pattern"], list) and len(p["pattern"]) == 1 and "ORTH" in p["pattern"][0]
    }
    for name in [
        "Reading",
        "Mobile",
        "Nice",
        "Florence",
        "Eugene",
        "Victoria",
        "Jackson",
        "Mansfield",
        "Ede",
        "Split",
        "Bath",
        "Of",
        "Kennedy",
        "Vladimir",
        "Santos",
    ]:
        assert name not in exact, name
    for name in ["Kharkiv", "Houston", "Lyon", "Qom", "Fallujah", "Goma"]:
        assert name in exact, name


def test_city_name_problem_rule(build):
    def problem(name, **sets):
        tables = {
            "taken": set(),
            "person_names": set(),
            "common_words": set(),
            "given_names": set(),
            "surnames": set(),
            **sets,
        }
        return build.city_name_problem(name, **tables)

    assert problem("Ede") == "short"
    assert problem("Niš") == "short"
    assert problem("Kharkiv") is None
    assert problem("Armenia", taken={"armenia"}) == "other-entity"
    assert problem("Santos", person_names={"Santos"}, surnames={"Santos"}) == "person-name"
    assert problem("Reading", common_words={"reading"}) == "english-word"
    assert problem("Florence", given_names={"Florence"}) == "given-name"
    assert problem("Mansfield", surnames={"Mansfield"}) == "surname"
    # the word tables are compared in their own case: a dictionary word is lower case
    assert problem("Reading", common_words={"Reading"}) is None


def test_soft_problems_give_way_to_size_but_hard_ones_do_not(build):
    assert set(build.SOFT_PROBLEMS) == {"short", "english-word", "given-name", "surname"}
    assert set(build.CITY_PROBLEMS) - set(build.SOFT_PROBLEMS) == {"other-entity", "person-name"}
    assert build.MIN_CITY_POPULATION == 150_000


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Donbas", "donbas", "ukraine"),
        ("Donetsk Oblast", "donetsk-oblast", "ukraine"),
        ("Donetsk region", "donetsk-oblast", "ukraine"),
        ("Luhansk", "luhansk", "ukraine"),
        ("Kherson region", "kherson-oblast", "ukraine"),
        ("Zaporizhzhia Oblast", "zaporizhzhia-oblast", "ukraine"),
        ("Crimea", "crimea", "ukraine"),
        ("Idlib province", "idlib-governorate", "syria"),
        ("Aleppo province", "aleppo-governorate", "syria"),
        ("Gaza", "gaza-strip", "palestine"),
        ("Gaza City", "gaza-city", "palestine"),
        ("West Bank", "west-bank", "palestine"),
        ("Golan Heights", "golan-heights", "syria"),
        ("Ladakh", "ladakh", "india"),
        ("Tigray", "tigray", "ethiopia"),
        ("Amhara region", "amhara-region", "ethiopia"),
        ("Darfur", "darfur", "sudan"),
        ("North Darfur", "north-darfur", "sudan"),
        ("Kurdistan Region", "kurdistan-region", "iraq"),
        ("Iraqi Kurdistan", "kurdistan-region", "iraq"),
        ("Xinjiang", "xinjiang", "china"),
        ("Tibet", "tibet", "china"),
        ("Nagorno-Karabakh", "nagorno-karabakh", "azerbaijan"),
        ("Karakalpakstan", "karakalpakstan", "uzbekistan"),
        ("Catalonia", "catalonia", "spain"),
        ("Scotland", "scotland", "united-kingdom"),
        ("Balochistan", "balochistan", "pakistan"),
        ("Khyber Pakhtunkhwa", "khyber-pakhtunkhwa", "pakistan"),
        ("Sinai", "sinai-peninsula", "egypt"),
        ("North Kivu", "north-kivu", "democratic-republic-of-the-congo"),
        ("South Kivu", "south-kivu", "democratic-republic-of-the-congo"),
        ("Catatumbo", "catatumbo", "colombia"),
        ("Lagos State", "lagos-state", "nigeria"),
        ("Punjab", "punjab", "india"),
        ("Punjab Province", "punjab-province", "pakistan"),
        ("Texas", "texas", "united-states"),
        ("New York State", "new-york-state", "united-states"),
        ("Washington State", "washington-state", "united-states"),
    ],
)
def test_regions_have_their_country(gazetteer, name, key, country):
    place = _places(gazetteer, name)[0]
    assert (place.key, place.country) == (key, country)


def test_disputed_areas_without_one_country(gazetteer):
    for key in ["kashmir", "abyei", "spratly-islands", "kurdistan"]:
        assert gazetteer[key].type == "Place" and gazetteer[key].country is None, key


def test_state_names_shared_with_a_country_or_capital_keep_them(gazetteer):
    assert [e.key for e in gazetteer.lookup("Georgia")] == ["georgia", "georgia-united-states"]
    assert gazetteer.lookup("New York")[0].key == "new-york-city"
    assert gazetteer.lookup("Washington")[0].key == "washington"
    states = [
        e
        for e in gazetteer
        if e.type == "Place"
        and e.country == "united-states"
        and e.key in {"texas", "alaska", "georgia-united-states", "new-york-state", "washington-state"}
    ]
    assert len(states) == 5


def test_hong_kong_and_macau_are_territories_not_cities(gazetteer):
    for name in ["Hong Kong", "Macau"]:
        assert gazetteer.lookup(name)[0].type == "Country"
    assert gazetteer["kowloon"].country == "hong-kong"


def _city(name, population, latitude, longitude, country="GB", region="ENG"):
    return {
        "name": name,
        "countrycode": country,
        "admin1code": region,
        "population": population,
        "latitude": latitude,
        "longitude": longitude,
    }


LONDON = _city("London", 8_961_989, 51.50853, -0.12574)
MOSCOW = _city("Moscow", 10_381_222, 55.75222, 37.61556, "RU", "48")
MANCHESTER = _city("Manchester", 1_000_000, 53.48095, -2.23743)


@pytest.mark.parametrize(
    ("city", "parent"),
    [
        (_city("Islington", 319_143, 51.53622, -0.10304), "London"),  # 3.5 km from London
        (_city("Sutton", 187_600, 51.35, -0.2), "London"),  # 18 km, within London's 24 km
        (_city("Lyublino", 172_000, 55.67738, 37.76005, "RU", "48"), "Moscow"),
        # Khimki lies 20 km from Moscow, but in Moscow Oblast, not the city of Moscow
        (_city("Khimki", 239_967, 55.89704, 37.42969, "RU", "47"), None),
        # Salford is next to Manchester but not a fifth of its size
        (_city("Salford", 245_000, 53.48771, -2.29042), None),
        # Reading is 58 km from London
        (_city("Reading", 318_014, 51.45625, -0.97113), None),
        # a Kazakh city at London's coordinates is in another country
        (_city("Elsewhere", 200_000, 51.53622, -0.10304, "KZ", "ENG"), None),
    ],
)
def test_district_of_a_larger_city(build, city, parent):
    found = build.district_of(city, [LONDON, MOSCOW, MANCHESTER])
    assert (found["name"] if found else None) == parent


def test_district_radius_grows_with_the_larger_city(build):
    kyiv = _city("Kyiv", 2_952_301, 50.45466, 30.5238, "UA", "12")
    assert build.district_of(_city("Desna", 368_500, 50.5167, 30.6, "UA", "12"), [kyiv])["name"] == "Kyiv"  # 8.6 km
    # 14 km from Kyiv is beyond its 13.7 km, though 14 km from London would be a borough
    assert build.district_of(_city("Far", 150_000, 50.58, 30.5238, "UA", "12"), [kyiv]) is None
    assert build.district_of(_city("Near", 150_000, 51.63453, -0.12574), [LONDON])["name"] == "London"


@pytest.mark.parametrize(
    ("name", "country", "parent"),
    [
        ("Islington", "united-kingdom", "London"),
        ("Croydon", "united-kingdom", "London"),
        ("Lyublino", "russia", "Moscow"),
        ("Obolon", "ukraine", "Kyiv"),
        ("Darnytsya", "ukraine", "Kyiv"),
        ("Iztapalapa", "mexico", "Mexico City"),
        ("Shinjuku", "japan", "Tokyo"),
        ("Kreuzberg", "germany", "Berlin"),
    ],
)
def test_city_districts_are_left_out_with_their_city(gazetteer, excluded, name, country, parent):
    assert excluded[(name, country)] == f"a district of {parent}"
    assert _places(gazetteer, name) == []


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Thane", "thane", "india"),
        ("Guarulhos", "guarulhos", "brazil"),
        ("Yonkers", "yonkers", "united-states"),
        ("Sadr City", "sadr-city", "iraq"),
        ("Soweto", "soweto", "south-africa"),
        ("Khimki", "khimki", "russia"),
        ("Giza", "giza", "egypt"),
        ("Jersey City", "jersey-city", "united-states"),
    ],
)
def test_cities_next_to_larger_ones_stay(gazetteer, name, key, country):
    assert [(e.key, e.country) for e in _places(gazetteer, name)] == [(key, country)]
