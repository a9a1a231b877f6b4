"""The gazetteer's names in the real pipeline: new places, groups and persons are found and typed, common words are not."""

from __future__ import annotations

import pytest


def _mentions(nlp, text):
    doc = nlp(text)
    entities = doc._.geokg_entities
    return {m.text: (m.entity_key, entities[m.entity_key].type, entities[m.entity_key].country)
            for m in doc._.geokg_mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas and Hezbollah fighters clashed near Gaza City and in the West Bank.", {
            "Hamas": ("hamas", "Organization", "palestine"),
            "Hezbollah": ("hezbollah", "Organization", "lebanon"),
            "Gaza City": ("gaza-city", "Place", "palestine"),
            "West Bank": ("west-bank", "Place", "palestine"),
        }),
        ("The M23 seized Goma, the capital of North Kivu.", {
            "M23": ("m23", "Organization", "democratic-republic-of-the-congo"),
            "Goma": ("goma", "Place", "democratic-republic-of-the-congo"),
            "North Kivu": ("north-kivu", "Place", "democratic-republic-of-the-congo"),
        }),
        ("The TPLF and Fano fought in Tigray and the Amhara region.", {
            "TPLF": ("tigray-people-s-liberation-front", "Organization", "ethiopia"),
            "Fano": ("fano", "Organization", "ethiopia"),
            "Tigray": ("tigray", "Place", "ethiopia"),
            "Amhara region": ("amhara-region", "Place", "ethiopia"),
        }),
        ("The RSF shelled El Fasher, and the Houthis attacked ships off Hodeidah.", {
            "RSF": ("rapid-support-forces", "Organization", "sudan"),
            "El Fasher": ("el-fasher", "Place", "sudan"),
            "Houthis": ("houthis", "Organization", "yemen"),
            "Hodeidah": ("hodeidah", "Place", "yemen"),
        }),
        ("Congress passed the bill; the Congress party in India criticized the BJP.", {
            "Congress": ("united-states-congress", "GovernmentBody", "united-states"),
            "Congress party": ("indian-national-congress", "Organization", "india"),
            "India": ("india", "Country", None),
            "BJP": ("bharatiya-janata-party", "Organization", "india"),
        }),
        ("Fighters from Hayat Tahrir al-Sham entered Aleppo province, Hama and Fallujah.", {
            "Hayat Tahrir al-Sham": ("hayat-tahrir-al-sham", "Organization", "syria"),
            "Aleppo province": ("aleppo-governorate", "Place", "syria"),
            "Hama": ("hama", "Place", "syria"),
            "Fallujah": ("fallujah", "Place", "iraq"),
        }),
    ],
)
def test_new_names_are_found_and_typed(nlp, text, expected):
    assert _mentions(nlp, text) == expected


def test_common_words_and_names_are_not_places(nlp):
    from kg.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    found = _mentions(nlp, "Reading between the lines, Nice work. Split the bill in Bath. Ede said so.")
    # the statistical model may still guess at a capitalised word; the gazetteer claims none of them
    assert [key for key, _, _ in found.values() if key in gazetteer] == []
    found = _mentions(nlp, "Jesse Jackson met Florence Parly and Victoria Nuland in Kharkiv.")
    assert found["Kharkiv"] == ("kharkiv", "Place", "ukraine")
    assert {text: value[1] for text, value in found.items() if text != "Kharkiv"} == {
        "Jesse Jackson": "Person", "Florence Parly": "Person", "Victoria Nuland": "Person"}
