"""Political leaders in the gazetteer: the persons file, their names, countries and offices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.gazetteer import DATA_DIR, Gazetteer
from kg.records import slugify

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "kg" / "gazetteer" / "curated" / "persons.json"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return json.loads(CURATED.read_text(encoding="utf-8"))


def test_persons_file_validates(gazetteer, rows):
    assert 500 <= len(rows) <= 800
    keys = [slugify(row["label"]) for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        person = gazetteer[slugify(row["label"])]
        assert person.type == "Person", row["label"]
        assert gazetteer[person.country].type == "Country", row["label"]
        for title, where, start, end in row["roles"]:
            assert title and title[0].isupper(), row["label"]
            assert where in gazetteer, (row["label"], where)
            assert 1945 <= start <= 2026, row["label"]
            assert end is None or start <= end <= 2026, row["label"]


def test_a_surname_alone_is_never_an_alias(gazetteer):
    """"Putin" alone is resolved in context by the extractor, not by the gazetteer."""
    for person in (e for e in gazetteer if e.type == "Person"):
        words = person.label.split()
        if len(words) > 1:
            assert words[-1] not in person.aliases, person.key


def test_every_person_but_a_few_holds_an_office(gazetteer):
    persons = [e for e in gazetteer if e.type == "Person"]
    without = sorted(e.key for e in persons if not gazetteer.roles(e.key))
    assert without == sorted([
        "abdul-ghani-baradar", "alexei-navalny", "ali-al-sistani", "bobi-wine", "edmundo-gonzalez-urrutia",
        "juan-guaido", "kim-yo-jong", "marine-le-pen", "maria-corina-machado", "muqtada-al-sadr",
        "nigel-farage", "peter-magyar", "sviatlana-tsikhanouskaya",
    ])


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Vladimir Putin", "vladimir-putin", "russia"),
        ("Vladimir V. Putin", "vladimir-putin", "russia"),
        ("Volodymyr Zelenskyy", "volodymyr-zelensky", "ukraine"),
        ("Volodymyr Zelensky", "volodymyr-zelensky", "ukraine"),
        ("Volodymyr Zelenskiy", "volodymyr-zelensky", "ukraine"),
        ("Nicolás Maduro", "nicolas-maduro", "venezuela"),
        ("Nicolas Maduro", "nicolas-maduro", "venezuela"),
        ("Lula", "luiz-inacio-lula-da-silva", "brazil"),
        ("Luiz Inacio Lula da Silva", "luiz-inacio-lula-da-silva", "brazil"),
        ("George W. Bush", "george-w-bush", "united-states"),
        ("George Bush", "george-w-bush", "united-states"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan", "turkey"),
        ("Hemedti", "mohamed-hamdan-dagalo", "sudan"),
        ("Abu Mohammed al-Jolani", "ahmed-al-sharaa", "syria"),
        ("Moammar Gadhafi", "muammar-gaddafi", "libya"),
        ("Kim Jong-un", "kim-jong-un", "north-korea"),
        ("Jokowi", "joko-widodo", "indonesia"),
        ("MBS", "mohammed-bin-salman", "saudi-arabia"),
        ("António Guterres", "antonio-guterres", "portugal"),
        ("Alyaksandr Lukashenka", "alexander-lukashenko", "belarus"),
    ],
)
def test_person_names_and_country(gazetteer, name, key, country):
    person = gazetteer.lookup(name)[0]
    assert (person.key, person.type, person.country) == (key, "Person", country)


def test_roles_are_plain_tuples(gazetteer):
    assert gazetteer.roles("vladimir-putin") == (
        ("Prime Minister", "russia", 1999, 2000), ("President", "russia", 2000, 2008),
        ("Prime Minister", "russia", 2008, 2012), ("President", "russia", 2012, None))
    assert gazetteer.roles("antonio-guterres") == (
        ("Prime Minister", "portugal", 1995, 2002), ("Secretary-General", "united-nations", 2017, None))
    assert gazetteer.roles("yahya-sinwar")[0] == ("Leader in Gaza", "hamas", 2017, 2024)
    assert gazetteer.roles("uzbekistan") == ()


@pytest.mark.parametrize(
    ("title", "where", "year", "keys"),
    [
        ("President", "france", 2015, ["francois-hollande"]),
        ("president", "united-states", 2009, ["barack-obama", "george-w-bush"]),
        ("Chancellor", "germany", 2021, ["angela-merkel", "olaf-scholz"]),
        ("Secretary-General", "north-atlantic-treaty-organization", 2020, ["jens-stoltenberg"]),
        ("President of the European Commission", "european-commission", 2010, ["jose-manuel-barroso"]),
        ("Supreme Leader", "iran", 2000, ["ali-khamenei"]),
        ("Prime Minister", "pakistan", 2019, ["imran-khan"]),
    ],
)
def test_holders_of_a_title(gazetteer, title, where, year, keys):
    assert [p.key for p in gazetteer.holders(title, where, year)] == keys


def test_person_qids_are_the_checked_ones(gazetteer):
    assert gazetteer.by_qid("Q7747").key == "vladimir-putin"
    assert gazetteer.by_qid("Q3874799").key == "volodymyr-zelensky"
    assert gazetteer.by_qid("Q76").key == "barack-obama"
    assert gazetteer["bashar-al-assad"].qid is None  # public tables disagree on it: left out


def test_persons_data_file_carries_the_roles():
    rows = json.loads((DATA_DIR / "persons.json").read_text(encoding="utf-8"))
    putin = next(row for row in rows if row["key"] == "vladimir-putin")
    assert putin["roles"][-1] == ["President", "russia", 2012, None]
    assert putin["type"] == "Person"


def test_person_names_leave_no_city_of_the_same_name():
    rows = json.loads((DATA_DIR / "excluded_cities.json").read_text(encoding="utf-8"))
    reasons = {(row["name"], row["country"]): row["reason"] for row in rows}
    assert reasons[("Santos", "brazil")] == "a name of a person in the gazetteer"
    assert reasons[("Austin", "united-states")] == "a name of a person in the gazetteer"
