"""Datelines read from the start of a text, alone: where the body begins."""

from __future__ import annotations

import pytest

from kg.extraction.document import LayoutSettings, read_layout

PLACES = {"Baghdad", "Jerusalem", "New Delhi", "Najaf", "Kabul"}
SETTINGS = LayoutSettings(agency_words=frozenset({"Reuters", "AP"}))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("KABUL (Reuters) - Afghan forces said so.", "Afghan forces said so."),
        # a city in capitals, then a date or a country, then a dash or a colon
        ("BAGHDAD, Iraq - U.S. forces battled insurgents.", "U.S. forces battled insurgents."),
        ("JERUSALEM Aug. 23, 2004 - Israel announced plans.", "Israel announced plans."),
        ("NEW DELHI, 7 September 2004 - India and Pakistan met.", "India and Pakistan met."),
        ("NEW DELHI, Aug. 25. - Kuwait has promised help.", "Kuwait has promised help."),
        ("BAGHDAD, Sept 12: At least 45 people died.", "At least 45 people died."),
        ("NAJAF, Iraq : At least 25 bodies were found.", "At least 25 bodies were found."),
        ("JERUSALEM: The Israeli army is set to act.", "The Israeli army is set to act."),
        # a colon after a word in capitals that names no place is the text's own
        ("NATO: allies meet in Brussels.", "NATO: allies meet in Brussels."),
        ("Syria: the war goes on.", "Syria: the war goes on."),
        # a place in capitals is not enough without the dash or colon that ends a dateline
        ("KABUL is calm today.", "KABUL is calm today."),
    ],
)
def test_the_body_starts_after_the_dateline(text, body):
    layout = read_layout(text, SETTINGS, lambda name: name in PLACES)
    assert text[layout.body_start :] == body


# --- the country where a story was filed --------------------------------------------------

JAILED = "Three Americans were jailed on Monday."
BY_AFGHANISTAN = {("afghanistan", "coerced", "united-states-civilians", "Asserted", "2024-03-11")}


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("KABUL, Afghanistan -- ", BY_AFGHANISTAN),
        ("KABUL, Afghanistan (Reuters) - ", BY_AFGHANISTAN),
        ("KABUL, Afghanistan, Sept 12: ", BY_AFGHANISTAN),
        # a city alone weighs too little to make a country the story's, and no dateline names none
        ("KABUL (Reuters) - ", set()),
        ("", set()),
    ],
    ids=["city-country", "city-country-agency", "city-country-date-colon", "city-agency", "none"],
)
def test_the_dateline_names_the_country_of_a_story(statements, dateline, expected):
    # the parser reads the text with its dateline blanked out; where it was filed still counts
    assert statements(dateline + JAILED) == expected


def test_a_batch_keeps_each_text_s_dateline(nlp):
    texts = ["KABUL, Afghanistan -- " + JAILED, JAILED, "DUBAI, United Arab Emirates - " + JAILED]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [doc._.geokg_layout_data["home"] for doc in docs] == ["afghanistan", None, "united-arab-emirates"]
    assert [doc._.geokg_dateline for doc in docs] == [
        [0, 22, "KABUL, Afghanistan -- "],
        None,
        [0, 30, "DUBAI, United Arab Emirates - "],
    ]
