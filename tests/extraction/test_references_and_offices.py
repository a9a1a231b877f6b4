"""What words that refer to actors stand for, and whose office a title names.

Each case gives the WHOLE set of statements of its text, as ``(subject key, predicate, object
key, modality, time)`` tuples built with ``s()`` (conventions in ``test_relations.py``; times
against Thursday 14 March 2024). The groups:

- a government, administration or regime named after its leader is the leader's state; a group
  qualified by a people ("an Iraqi group") is not that people's state; hostages and captives named
  by their people are its civilians (unnamed ones nobody's, hostages in Iraq not Iraq's), and
  holding them is coercion; one arrested "after being arrested by" someone is the clause's subject;
- "their" after coordinated subjects is all of them, also across a second verb that shares the
  subject ("stuck to their guns and concluded their talks"); "its" after one verb keeps its
  nearest owner;
- what a possessive refers back to in the subject is the subject's own, never the other side
  ("France and Germany recalled their ambassadors");
- a pattern's last preposition names its object, and a phrase without it matches no statement
  ("suspended flights of military helicopters in Japan" is no ban on flights to Japan);
- "the Syrian capital" referring back to a capital the text or its dateline names states that it is
  the capital;
- a title qualified by a province or city is an office of that province or city, not of its
  country, while a seat of power stands for its state ("Kremlin spokesman");
- a place phrase followed by an "in" phrase naming a country places the first in the second,
  though the parser hangs both on the verb ("broke out in Sochi, in southern Russia"); a date
  or a country the gazetteer does not put the place in does not;
- wire copy reads as if clean: the spaces of old line breaks ("the Iraqi city  Najaf") and a
  scraper's character references ("Pakistan #39;s") change nothing;
- a toppled, ousted or deposed leader held a past office.
"""

from __future__ import annotations

import pytest
from test_relations import assert_reads, readings, s

TUE = "2024-03-12"


def case(case_id: str, text: str, *expected):
    """A text and the whole set of statements it states."""
    return pytest.param(text, readings(expected), id=case_id)


CASES = [
    # --- governments named after their leaders -------------------------------------------
    case(
        "administration-named-after-president",
        "The Trump administration imposed sanctions on Iran.",
        s("united-states", "sanctioned", "iran"),
    ),
    case(
        "government-named-after-president-expels",
        "The Maduro government expelled the German ambassador.",
        s("venezuela", "expelled", "germany"),
    ),
    case(
        "regime-named-after-president-bombs",
        "The Assad regime bombed Idlib.",
        s("syria", "attacked", "idlib"),
    ),
    # --- hostages and groups ------------------------------------------------------------------
    case(
        "hostages-named-by-their-people-are-civilians",
        "Kidnappers freed two Italian hostages.",
        s("italy-criminals", "concededTo", "italy-civilians"),
    ),
    case(
        "hostages-not-named-by-a-people-are-nobody-s-civilians",
        "Iraqi militants freed the hostages, Italian officials said.",
    ),
    case(
        "holding-hostages-is-coercion",
        "Rebels are holding 20 Colombian hostages in the jungle.",
        s("colombia-rebels", "coerced", "colombia-civilians"),
    ),
    case(
        "holding-people-hostage-is-coercion",
        "Iraqi militants are holding two French journalists hostage.",
        s("iraq-rebels", "coerced", "france-media"),
    ),
    case(
        "hostages-held-in-a-country-are-not-its-people",
        "Kidnappers held two French journalists hostage in Iraq.",
        s("iraq-criminals", "coerced", "france-media"),
    ),
    case(
        "passive-gerund-after-preposition-acts-on-the-clause-subject",
        "Pedro Castillo is being held after being arrested by Peruvian police.",
        s("peru-police", "coerced", "pedro-castillo"),
    ),
    case(
        "passive-gerund-after-preposition-with-a-released-subject",
        "Pedro Castillo was released after being detained by Peruvian police.",
        s("peru-police", "coerced", "pedro-castillo"),
    ),
    case(
        "a-group-qualified-by-a-demonym-is-not-the-state",
        "An Iraqi group kidnapped two French journalists.",
    ),
    case(
        "a-group-of-a-people-s-militants-is-theirs",
        "A group of Iraqi militants kidnapped two French journalists.",
        s("iraq-rebels", "attacked", "france-media"),
    ),
    case(
        "a-group-named-by-its-name",
        "The Hamas group attacked Israel.",
        s("hamas", "attacked", "israel"),
    ),
    # --- "their" and "its" ----------------------------------------------------------------
    case(
        "their-talks-both-subjects",
        "India and Pakistan concluded their talks on Tuesday.",
        s("india", "metWith", "pakistan", time=TUE),
    ),
    case(
        "their-talks-second-verb-shares-subject",
        "India and Pakistan stuck to their guns on the Kashmir issue as the foreign ministers of the "
        "two countries concluded their talks on Tuesday on what was described as a positive note.",
        s("india", "metWith", "pakistan", time=TUE),
    ),
    case(
        "its-after-second-verb-keeps-nearest-owner",
        "Russia invaded Ukraine and annexed its territory.",
        s("russia", "attacked", "ukraine"),
        s("russia", "coerced", "ukraine"),
    ),
    case(
        "their-ambassadors-are-own-not-each-others",
        "France and Germany recalled their ambassadors from Iran.",
        s("france", "protestedAgainst", "iran"),
        s("germany", "protestedAgainst", "iran"),
    ),
    case(
        "own-ambassador-recalled-names-no-target",
        "France recalled its ambassador.",
    ),
    case(
        "ambassador-named-by-capital-recalled",
        "Panama recalled its Havana ambassador.",
        s("panama", "protestedAgainst", "cuba"),
    ),
    case(
        "ambassador-of-country-recalled",
        "Peru recalled the ambassador of Mexico.",
        s("peru", "protestedAgainst", "mexico"),
    ),
    # --- a pattern's last preposition -----------------------------------------------------
    case(
        "suspended-flights-in-a-country-is-no-ban-on-flights-to-it",
        "The United States suspended flights of military helicopters in Japan.",
    ),
    # --- capitals referred back to ----------------------------------------------------------
    case(
        "capital-description-refers-back-to-named-capital",
        "Assad has fled Damascus. Rebels captured the Syrian capital on Tuesday.",
        s("syria-rebels", "attacked", "damascus", time=TUE),
        s("damascus", "capitalOf", "syria"),
    ),
    case(
        "capital-description-of-unnamed-city-states-no-capital",
        "Rebels captured the Syrian capital on Tuesday.",
        s("syria-rebels", "attacked", "damascus", time=TUE),
    ),
    case(
        "capital-description-refers-to-dateline-city",
        "KHARTOUM, Sudan -- Eritrean deportees forced the plane to land on Tuesday in the Sudanese capital.",
        s("khartoum", "capitalOf", "sudan"),
    ),
    case(
        "capital-description-of-another-country-than-the-dateline-s",
        "NAIROBI, Kenya (Reuters) - Protesters marched through the Ugandan capital on Tuesday.",
        s("uganda-protesters", "protestedAgainst", "uganda", time=TUE),
    ),
    case(
        "country-s-capital-is-its-capital-city",
        "Russia fired missiles at Ukraine's capital on Tuesday.",
        s("russia", "attacked", "kyiv", time=TUE),
    ),
    case(
        "country-s-capital-refers-to-dateline-city",
        "KATHMANDU (Reuters) - Most vehicles kept off roads leading to Nepal's capital on Tuesday.",
        s("kathmandu", "capitalOf", "nepal"),
    ),
    case(
        "capital-description-subject-refers-back",
        "Madrid hosted the summit. The Spanish capital was calm.",
        s("madrid", "capitalOf", "spain"),
    ),
    # --- offices of provinces and cities ----------------------------------------------------
    case(
        "province-premier-is-no-leader-of-country",
        "Quebec Premier Francois Legault criticised the plan.",
    ),
    case(
        "state-chief-minister-is-no-official-of-country",
        "Maharashtra Chief Minister Eknath Shinde resigned.",
    ),
    case(
        "capital-mayor-is-no-leader-of-country",
        "Moscow Mayor Sergei Sobyanin said the attack was over.",
    ),
    case(
        "capital-governor-is-no-leader-of-country",
        "Kabul Governor Ahmad Zahir met the envoy.",
    ),
    case(
        "region-governor-is-no-leader-of-country",
        "Sudan's Darfur governor Ahmed Haroun fled.",
    ),
    case(
        "capital-stands-for-state-in-state-office",
        "Moscow's ambassador Anatoly Antonov was summoned.",
        s("anatoly-antonov", "officialOf", "russia"),
    ),
    case(
        "seat-of-power-stands-for-state",
        "Kremlin spokesman Dmitry Peskov said Russia would respond.",
        s("dmitry-peskov", "officialOf", "russia"),
    ),
    # --- a place in a place -------------------------------------------------------------------
    case(
        "place-phrase-then-country-phrase-on-the-noun",
        "Victoria has been living at the family home in Hanover in northern Germany for several weeks.",
        s("hanover", "locatedIn", "germany"),
    ),
    case(
        "place-phrase-then-country-phrase-after-comma",
        "The summit was held in Sochi, in southern Russia.",
        s("sochi", "locatedIn", "russia"),
    ),
    case(
        "place-phrase-then-date-phrase",
        "The talks were held in Geneva in March.",
    ),
    case(
        "place-phrase-then-country-the-gazetteer-does-not-put-it-in",
        "The talks were held in Geneva in southern France.",
    ),
    # --- wire copy: the spaces of old line breaks and scrapers' character references ----------------
    case(
        "wire-copy-spaces-inside-a-place-phrase",
        "Rebel fighters held the mosque in the Iraqi city  Najaf early on Saturday.",
        s("najaf", "locatedIn", "iraq"),
    ),
    case(
        "wire-copy-spaces-inside-a-coordinated-noun-phrase",
        "Peace talks between Sudan's government  and Darfur rebels began in Abuja on Tuesday.",
        s("sudan", "metWith", "sudan-rebels", time=TUE),
    ),
    case(
        "wire-copy-spaces-after-the-subject",
        "Syrian troops  shelled rebel positions near  Aleppo on Tuesday.",
        s("syria-military", "attacked", "syria-rebels", time=TUE),
    ),
    case(
        "scraper-reference-in-a-possessive",
        "Pakistan #39;s army shelled Indian posts in Kashmir on Tuesday.",
        s("pakistan-military", "attacked", "india", time=TUE),
    ),
    # --- offices ended by force are past offices ---------------------------------------------------
    case(
        "toppled-leader-held-a-past-office",
        "Iraq's toppled leader Saddam Hussein will go on trial within weeks, Iraqi officials said.",
        s("saddam-hussein", "leaderOf", "iraq", time="..2024-03-14"),
    ),
    case(
        "ousted-president-held-a-past-office",
        "Ousted President Mohamed Morsi appeared in court in Cairo on Monday.",
        s("mohamed-morsi", "leaderOf", "egypt", time="..2024-03-14"),
    ),
    case(
        "deposed-president-with-possessive-held-a-past-office",
        "Egypt's deposed president Hosni Mubarak was moved to a military hospital.",
        s("hosni-mubarak", "leaderOf", "egypt", time="..2024-03-14"),
    ),
    case(
        "national-demonym-title-is-country-office",
        "Canadian Prime Minister Justin Trudeau met Joe Biden.",
        s("justin-trudeau", "leaderOf", "canada"),
        s("joe-biden", "metWith", "justin-trudeau"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reference_yields_exactly_its_statements(statements, text, expected):
    assert_reads(statements(text), expected)


def test_case_ids_are_unique():
    ids = [param.id for param in CASES]
    assert len(ids) == len(set(ids))
