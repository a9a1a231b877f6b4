"""National bodies: legislatures, courts, cabinets, central banks, ministries, police and armed forces."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer
from kg.records import Entity


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _two_assemblies() -> Gazetteer:
    kenya = Entity("national-assembly-of-kenya", "National Assembly of Kenya", "GovernmentBody",
                   aliases=("Kenyan National Assembly", "National Assembly"), country="kenya")
    venezuela = Entity("national-assembly-of-venezuela", "National Assembly of Venezuela", "GovernmentBody",
                       aliases=("National Assembly", "Parliament"), country="venezuela")
    return Gazetteer([kenya, venezuela], generic={"national-assembly-of-kenya": ["National Assembly"],
                                                  "national-assembly-of-venezuela": ["National Assembly", "Parliament"]})


def test_generic_names_name_a_body_only_within_its_country():
    gazetteer = _two_assemblies()
    assert gazetteer.lookup("the National Assembly") == ()
    assert [e.key for e in gazetteer.lookup("the National Assembly", country="venezuela")] == [
        "national-assembly-of-venezuela"]
    assert [e.key for e in gazetteer.lookup("Parliament", country="venezuela")] == ["national-assembly-of-venezuela"]
    assert gazetteer.lookup("Parliament", country="kenya") == ()
    # a body's own names are found with or without its country
    assert [e.key for e in gazetteer.lookup("Kenyan National Assembly")] == ["national-assembly-of-kenya"]
    assert [e.key for e in gazetteer.lookup("Kenyan National Assembly", country="kenya")] == [
        "national-assembly-of-kenya"]
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
