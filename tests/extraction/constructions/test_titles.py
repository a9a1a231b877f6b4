"""Titles of office, read alone: anchored, unanchored with the document's country, known persons, envoys."""

from __future__ import annotations

import pytest

from kg.extraction.constructions.titles import title_relations

A = "Asserted"

CASES = [
    # a title outside the state's offices is no office of the country
    ("Kenya's opposition leader Raila Odinga rejected the results.", set()),
    ("Raila Odinga, Kenya's opposition leader, rejected the results.", set()),
    # a title qualified by a region or people the text does not name is no office of the story's country
    ("Spain's police raided schools. The Catalan Education Minister Clara Ponsantí was hurt.", set()),
    ("Spain's police raided schools. He noted the attack on the Catalan Education Minister, Clara Ponsantí.", set()),
    (
        "Spain's police raided schools, Acting President Mariano Rajoy said.",
        {("mariano-rajoy", "leaderOf", "spain", A, None)},
    ),
    # an official "from" a body is its state's official
    (
        "Kenya's parliament met. John Kamau, an official from the Kenyan foreign ministry, said so.",
        {("john-kamau", "officialOf", "kenya", A, None)},
    ),
    # a party's spokesman speaks for the party, not the state the story is about
    (
        "Myanmar's army detained President Win Myint in Naypyidaw, party spokesman Myo Nyunt told AFP.",
        {("win-myint", "leaderOf", "myanmar", A, None)},
    ),
    (
        "Kenyan President William Ruto met the rebel commander.",
        {("william-ruto", "leaderOf", "kenya", A, None)},
    ),
    (
        "French Foreign Minister Jean-Yves Le Drian arrived in Rome.",
        {("jean-yves-le-drian", "officialOf", "france", A, None)},
    ),
    (
        "Pekka Haavisto, Finland's foreign minister, spoke first.",
        {("pekka-haavisto", "officialOf", "finland", A, None)},
    ),
    # unanchored: the country the story is about, one head of state a country
    (
        "Kenya's parliament passed the bill. President William Ruto signed it into law.",
        {("william-ruto", "leaderOf", "kenya", A, None)},
    ),
    (
        "Venezuela's President Nicolás Maduro cut ties after President Rafael Moreno backed the opposition.",
        {("nicolas-maduro", "leaderOf", "venezuela", A, None)},
    ),
    # a rank makes an officer of the country's military
    (
        "Zimbabwe's army took over the broadcaster. Major-General Tendai Moyo read a statement.",
        {("tendai-moyo", "officialOf", "zimbabwe-military", A, None)},
    ),
    # envoys serve abroad: the earlier description names whose ambassador he is
    (
        "Mali expelled the French ambassador. Ambassador Joel Meyer left Bamako on Tuesday.",
        {("joel-meyer", "officialOf", "france", A, None)},
    ),
    ("Mali expelled an envoy on Monday. Ambassador Joel Meyer left Bamako on Tuesday.", set()),
    # a national body's official is an official of the state, the body in the role
    (
        "Israeli foreign ministry spokesman Lior Haiat rejected the charge.",
        {("lior-haiat", "officialOf", "israel", A, None)},
    ),
    # the gazetteer knows whose president Donald Trump is, whatever the story's country
    (
        "Cuba protested on Monday. President Donald Trump imposed new sanctions.",
        {("donald-trump", "leaderOf", "united-states", A, None)},
    ),
    # a generic title is a nationality, not an office
    ("The Iranian film director Jafar Panahi was arrested.", set()),
    # an organisation named twice in the sentence is still the one organisation of the title
    (
        "EU farm commissioner Franz Fischler raised doubts over Turkey's hopes of joining the bloc and its EU bid.",
        {("franz-fischler", "officialOf", "european-union", A, None)},
    ),
    # a title and the name right after it that the parser made two subjects are one phrase
    (
        "The head of the watchdog spoke. International Atomic Energy Agency chief Mohamed El-Baradei said so.",
        {("mohamed-elbaradei", "leaderOf", "international-atomic-energy-agency", A, None)},
    ),
    # the spokesperson of a force, a campaign or a council holds no office of the story's country
    ("Kenyan police arrived in Haiti, force spokesperson Jack Ombaka told Reuters.", set()),
    ("Gunmen ambushed the convoy of Iraqi governing council president Ahmed Chalabi.", set()),
    # "former" several words before the title still makes it a past office
    (
        "Gunmen ambushed the convoy of former Iraqi Prime Minister Iyad Allawi in Baghdad.",
        {("ayad-allawi", "leaderOf", "iraq", A, "..2024-03-14")},
    ),
    # the Pope is the head of the Holy See; a pope of another church is not
    ("A frail Pope John Paul II celebrated Mass at Lourdes.", {("john-paul-ii", "leaderOf", "vatican-city", A, None)}),
    ("Coptic Pope Tawadros II condemned the attack on the church.", set()),
    ("On Sunday, Coptic Pope Tawadros II condemned the attack.", set()),
    # a capitalised title right before the name is its title, however the parser attached it
    (
        "LORETO, Italy (Reuters) - Pope John Paul prayed for the victims of the violence.",
        {("john-paul", "leaderOf", "vatican-city", A, None)},
    ),
    (
        "Afghanistan's campaign began, pitting 17 hopefuls against interim leader Hamid Karzai.",
        {("hamid-karzai", "leaderOf", "afghanistan", A, None)},
    ),
    ("The party's interim leader Rishi Sunak spoke in London.", set()),
    # a counterpart holds, in the country named, the office its possessor holds
    (
        "Putin met his Chinese counterpart Xi Jinping in Moscow.",
        {("xi-jinping", "leaderOf", "china", A, None)},
    ),
    (
        "Foreign Minister Sergei Lavrov held talks with his Turkish counterpart, Mevlut Cavusoglu.",
        {("sergei-lavrov", "officialOf", "russia", A, None), ("mevlut-cavusoglu", "officialOf", "turkey", A, None)},
    ),
    (
        "Wang Yi, Blinken's Chinese counterpart, said the talks were useful.",
        {("wang-yi", "officialOf", "china", A, None)},
    ),
    # no office known for the possessor, or a counterpart of no named country: nothing
    ("The coach met his Spanish counterpart Luis Enrique.", set()),
    ("Modi met his counterpart Fumio Kishida in Tokyo.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:50] for text, _ in CASES])
def test_title_relations(run_construction, text, expected):
    assert run_construction(title_relations, text) == expected
