"""British and American spellings and hyphenations of one name find one entity."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer, spelling_key, spelling_variants
from kg.records import Entity


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Organisation for Economic Co-operation and Development",
            "Organization for Economic Cooperation and Development",
        ),
        (
            "Organisation for Economic Co-operation and Development",
            "Organization for Economic Coöperation and Development",
        ),
        ("Ministry of Defence", "Ministry of Defense"),
        ("United Nations Development Programme", "United Nations Development Program"),
        ("International Trade Centre", "International Trade Center"),
        ("International Labour Organisation", "International Labor Organization"),
        ("Co-ordination Centre", "Coordination Center"),
        ("Guinea-Bissau", "Guinea Bissau"),
        ("Nuclear-Test-Ban Treaty", "Nuclear Test Ban Treaty"),
    ],
)
def test_spelling_key_folds_both_spellings(one, other):
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Congo", "Congolese"), ("Centre Party", "Central Party"), ("Co-op Bank", "Cop Bank"), ("Niger", "Nigeria")],
)
def test_spelling_key_keeps_different_names_apart(one, other):
    assert spelling_key(one) != spelling_key(other)


def test_spelling_variants_write_each_word_both_ways():
    assert sorted(spelling_variants("Organisation for Economic Co-operation and Development")) == [
        "Organisation for Economic Cooperation and Development",
        "Organization for Economic Co-operation and Development",
        "Organization for Economic Cooperation and Development",
    ]
    assert spelling_variants("Israel Defense Forces") == ["Israel Defence Forces"]
    assert spelling_variants("World Bank") == []


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("OECD", "organisation-for-economic-co-operation-and-development"),
        (
            "Organisation for Economic Co-operation and Development",
            "organisation-for-economic-co-operation-and-development",
        ),
        (
            "Organization for Economic Cooperation and Development",
            "organisation-for-economic-co-operation-and-development",
        ),
        (
            "Organization for Economic Coöperation and Development",
            "organisation-for-economic-co-operation-and-development",
        ),
        (
            "the Organisation for Economic Cooperation and Development",
            "organisation-for-economic-co-operation-and-development",
        ),
        ("European Labor Authority", "european-labour-authority"),
        ("United Nations Development Program", "united-nations-development-programme"),
        ("International Trade Center", "international-trade-centre"),
        ("Shanghai Co-operation Organization", "shanghai-cooperation-organisation"),
        ("European Defense Agency", "european-defence-agency"),
        ("Israel Defence Forces", "israel-defense-forces"),
    ],
)
def test_lookup_finds_one_entity_in_either_spelling(gazetteer, name, key):
    assert [e.key for e in gazetteer.lookup(name)] == [key]


def test_a_name_as_written_wins_over_another_spelling(gazetteer):
    """Britain's Labour Party and Australia's Labor Party are two parties, not two spellings of one."""
    assert [e.key for e in gazetteer.lookup("Labour Party")] == ["labour-party"]
    assert [e.key for e in gazetteer.lookup("Labor Party")] == ["australian-labor-party", "israeli-labor-party"]
    assert [e.key for e in gazetteer.lookup("Australian Labour Party")] == ["australian-labor-party"]


def test_spelling_fallback_needs_no_alias():
    """The fold is the gazetteer's, not the data's: an entity with one spelling is found by both."""
    only_british = Entity("centre-for-defence-co-operation", "Centre for Defence Co-operation", "Organization")
    gazetteer = Gazetteer([only_british])
    assert gazetteer.lookup("Center for Defense Cooperation") == (only_british,)
    assert gazetteer.lookup("center for defense cooperation") == (only_british,)
    assert gazetteer.lookup("Centre for Offence Co-operation") == ()


def test_ruler_matches_other_spellings_unless_another_entity_has_them(gazetteer):
    patterns = gazetteer.ruler_patterns()
    by_text = {}
    for pattern in patterns:
        text = (
            pattern["pattern"]
            if isinstance(pattern["pattern"], str)
            else " ".join(next(iter(token.values())) for token in pattern["pattern"])
        )
        by_text.setdefault(text.lower(), set()).add(pattern["id"])
    oecd = "organisation-for-economic-co-operation-and-development"
    assert by_text["organization for economic cooperation and development"] == {oecd}
    assert by_text["organisation for economic co-operation and development"] == {oecd}
    assert by_text["european labor authority"] == {"european-labour-authority"}
    # "Labor Party" is a name of two other parties (lookup-only for both): not a spelling of Labour's
    assert "labor party" not in by_text
    assert by_text["labour party"] == {"labour-party"}


def test_pipeline_gives_every_spelling_one_node(nlp):
    doc = nlp(
        "The Organisation for Economic Co-operation and Development, or OECD, met. "
        "Later the Organization for Economic Cooperation and Development said growth would slow."
    )
    keys = {m.text: m.entity_key for m in doc._.geokg_mentions if "OECD" in m.text or "Development" in m.text}
    oecd = "organisation-for-economic-co-operation-and-development"
    assert keys == {
        "Organisation for Economic Co-operation and Development": oecd,
        "OECD": oecd,
        "Organization for Economic Cooperation and Development": oecd,
    }
