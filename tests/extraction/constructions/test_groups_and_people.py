"""Groups named in what they hold and who speaks for them; people named by a demonym; representatives.

Each case gives a whole short document and every statement read from it.
"""

from __future__ import annotations

import pytest

A = "Asserted"
MON = "2024-03-11"

CASES = [
    # a group is named in its positions and bases ...
    ("Syrian troops shelled rebel positions near Idlib.", {("syria-military", "attacked", "syria-rebels", A, None)}),
    (
        "Israeli warplanes struck Hezbollah positions in southern Lebanon.",
        {("israel-military", "attacked", "hezbollah", A, None)},
    ),
    # ... and by its leaders and commanders, in the plural
    (
        "Rebel leaders from Sudan's Darfur region called on Nigeria to intervene.",
        {("sudan-rebels", "requested", "nigeria", A, None), ("darfur", "locatedIn", "sudan", A, None)},
    ),
    ("Taliban commanders met Pakistani officials in Quetta.", {("pakistan-government", "metWith", "taliban", A, None)}),
    # ... and in its groups, unless the group is named
    (
        "Rebel groups attacked the town of Goma.",
        {("democratic-republic-of-the-congo-rebels", "attacked", "goma", A, None)},
    ),
    (
        "Pakistani forces have been battling al Qaeda fighters near the border.",
        {("al-qaeda", "inConflictWith", "pakistan-military", A, None)},
    ),
    (
        "Hong Kong activists accused China of jailing one of their members.",
        {("hong-kong-opposition", "criticized", "china", A, None)},
    ),
    (
        "Venezuelan democrats protested in Caracas.",
        {("venezuela-opposition", "protestedAgainst", "venezuela", A, None)},
    ),
    # a group of no named country facing a government is that state's, wherever it meets
    (
        "Rebel groups agreed on Wednesday to take part in peace talks with the Sudanese government in the Nigerian "
        "capital of Abuja.",
        {("sudan", "agreedWith", "sudan-rebels", A, "2024-03-13"), ("abuja", "capitalOf", "nigeria", A, None)},
    ),
    # a name in a capitalised lead is the name
    (
        "PAKISTANI troops battled Taliban fighters on Monday.",
        {("pakistan-military", "inConflictWith", "taliban", A, MON)},
    ),
    # a camp is where people live, not a position of those who live there
    (
        "Israeli troops shelled the Jabalia refugee camp in northern Gaza on Tuesday.",
        {("israel-military", "attacked", "jabalia", A, "2024-03-12")},
    ),
    # a model's designation keeps its owner
    (
        "A U.S. AC-130 gunship attacked Shi'ite militia positions in the Iraqi city of Najaf on Monday.",
        {("united-states-military", "attacked", "iraq-rebels", A, MON), ("najaf", "locatedIn", "iraq", A, None)},
    ),
    ("Russian Su-25 jets bombed rebel bases in Idlib.", {("russia-military", "attacked", "syria-rebels", A, None)}),
    # one person named by a demonym is one of the country's people
    (
        "Kidnappers seized two Americans and a Briton from their Baghdad villa on Monday.",
        {
            ("iraq-criminals", "coerced", "united-states-civilians", A, MON),
            ("iraq-criminals", "coerced", "united-kingdom-civilians", A, MON),
        },
    ),
    ("Iran arrested an American in Tehran.", {("iran", "coerced", "united-states-civilians", A, None)}),
    # an ethnic group named by a demonym is a people of where it lives
    (
        "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.",
        {("serbia-protesters", "protestedAgainst", "serbia", A, "2024-03-12")},
    ),
    (
        "Serbian police arrested 12 ethnic Albanians in Kosovo.",
        {("serbia-police", "coerced", "kosovo-civilians", A, None)},
    ),
    # "them" after a group is the group, not the country its cities are in
    (
        "Thousands of protesters marched in cities across Belarus, but police dispersed them.",
        {
            ("belarus-police", "coerced", "belarus-protesters", A, None),
            ("belarus-protesters", "protestedAgainst", "belarus", A, None),
        },
    ),
    # "the four nations" are the four just listed
    (
        "Saudi Arabia, Egypt, Bahrain and the United Arab Emirates cut ties with Qatar. The four Middle Eastern "
        "nations also severed all land, sea and air contacts with Qatar.",
        {
            (c, p, "qatar", A, None)
            for c in ("saudi-arabia", "egypt", "bahrain", "united-arab-emirates")
            for p in ("severedRelationsWith", "sanctioned")
        },
    ),
    (
        "Armenia and Azerbaijan fought a war in 2020. The two countries signed a peace deal in 2024.",
        {
            ("armenia", "inConflictWith", "azerbaijan", A, "2020"),
            ("armenia", "signedAgreementWith", "azerbaijan", A, "2024"),
        },
    ),
    # a people "of" a country live there; "in" a country they may only be there
    (
        "The Albanians of southern Serbia are demanding autonomy from Serbian authorities.",
        {("serbia-civilians", "requested", "serbia-government", A, None)},
    ),
    ("Thousands of Iraqis in Jordan protested.", {("iraq-protesters", "protestedAgainst", "iraq", A, None)}),
    # pressure to act is a demand
    ("China pressured Taiwan to reject independence.", {("china", "requested", "taiwan", A, None)}),
    (
        "The United States piled pressure on Sudan on Wednesday to accept a monitoring force.",
        {("united-states", "requested", "sudan", A, "2024-03-13")},
    ),
    # representatives stand for whom they represent
    ("Putin met representatives of Hamas in Moscow.", {("hamas", "metWith", "vladimir-putin", A, None)}),
    (
        "The American military met on Monday with representatives of the cleric Moqtada al-Sadr.",
        {("muqtada-al-sadr", "metWith", "united-states-military", A, MON)},
    ),
    # a person's name is not an acronym written as a word ("Sadr" is not SADR)
    ("Moktada al-Sadr met Iran's foreign minister in Tehran.", {("iran", "metWith", "muqtada-al-sadr", A, None)}),
    (
        "Iraqi Minister of State Kasim Daoud said on Sunday that talks had failed.",
        {("kasim-daoud", "officialOf", "iraq", A, None)},
    ),
    # a people named after a demonym are the people of that country
    ("Iraqi Kurds attacked Turkish troops.", {("iraq-civilians", "attacked", "turkey-military", A, None)}),
    ("Syrian Kurds clashed with Turkish forces.", {("syria-civilians", "inConflictWith", "turkey-military", A, None)}),
    # a group that protests and names no target protests against the state where it protests, else its own
    (
        "Palestinian prisoners rioted at a jail in Israel, setting fire to their mattresses.",
        {("palestine-protesters", "protestedAgainst", "israel", A, None)},
    ),
    (
        "Ethiopian migrants rioted in a detention centre in Yemen.",
        {("ethiopia-refugees", "protestedAgainst", "yemen", A, None)},
    ),
    ("Chinese students marched in Beijing.", {("china-protesters", "protestedAgainst", "china", A, None)}),
    # a group's country is where the sentence places it, not a city that names a government
    (
        "The aircraft of regime ally Moscow targeted a military post of opposition fighters in the village of "
        "Madaya in the south of Idlib province.",
        {("russia", "attacked", "syria-rebels", A, None)},
    ),
    # the name after a description is the one meant, wherever the parser hangs it
    (
        "A ceasefire deal between Israel and Lebanese militant group Hezbollah took effect on Wednesday.",
        {("hezbollah", "agreedWith", "israel", A, None)},
    ),
    # a name any state's agents have ("the National Police") names the agents of the country in question
    (
        "Peru's National Police arrested Pedro Castillo.",
        {("peru-police", "coerced", "pedro-castillo", A, None)},
    ),
    ("Mexico's National Guard detained 40 migrants.", {("mexico-military", "coerced", "mexico-refugees", A, None)}),
    # "them" after protests are their protesters; authorities are those of where the sentence places them
    (
        "Protests were staged in Cairo, but Egyptian police dispersed them.",
        {
            ("egypt-police", "coerced", "egypt-protesters", A, None),
            ("egypt-protesters", "protestedAgainst", "egypt", A, None),
        },
    ),
    (
        "Authorities dispersed the protesters in Cairo.",
        {
            ("egypt-government", "coerced", "egypt-protesters", A, None),
            ("egypt-protesters", "protestedAgainst", "egypt", A, None),
        },
    ),
    # a border a noun names is there whatever the clause says will happen near it; denied, it is not
    (
        "Hezbollah will move its forces away from the Israeli-Lebanon border.",
        {("israel", "sharesBorderWith", "lebanon", A, None)},
    ),
    ("Kenya has no border with Egypt.", {("egypt", "sharesBorderWith", "kenya", "Negated", None)}),
    # a capital named by its country is that city
    ("Russian forces shelled the Ukrainian capital.", {("russia-military", "attacked", "kyiv", A, None)}),
    ("The capital was calm.", set()),
    # demonstrators for and against something do not protest against the state where they stand
    (
        "Chen Shui-bian visited Seattle, greeted by demonstrators both for and against Taiwan independence.",
        {("chen-shui-bian", "visited", "seattle", A, None)},
    ),
    # a group named right after its description is the one meant, not the description's nationality
    (
        "The offensive by the rebel group Hayat Tahrir al-Sham, which captured the Syrian capital, ended.",
        {("hayat-tahrir-al-sham", "attacked", "damascus", A, None)},
    ),
    (
        "Algeria supports the Sahrawi independence movement Polisario Front.",
        {("algeria", "supports", "polisario-front", A, None)},
    ),
    # a media outlet is no political actor, whatever country it is from
    (
        "Lavrov told Russian media outlet RBK that NATO was hostile.",
        {("sergei-lavrov", "criticized", "north-atlantic-treaty-organization", A, None)},
    ),
    # those backed by or linked to a state are not that state
    ("Israel struck Iran-backed militias in Syria.", {("israel", "attacked", "syria", A, None)}),
    ("The United States carried out a strike against Al-Qaeda-linked operatives.", set()),
    # a resolution a state sponsored is its proposal
    (
        "Sudan rejected a US-sponsored UN Security Council draft resolution.",
        {
            ("sudan", "rejected", "united-states", A, None),
            ("sudan", "rejected", "united-nations-security-council", A, None),
        },
    ),
    # a march to demand the release of captives is against their captors, named or not; not against the marchers'
    # state, nor the city where the captives were seized
    (
        "Thousands of Italians marched silently through Rome on Friday to demand the release of two aid workers "
        "seized in Baghdad.",
        set(),
    ),
    # a person's own supporters are no sector of the state
    (
        "Grand Ayatollah Ali al-Sistani urged his supporters converging on Najaf on Thursday not to enter the city.",
        set(),
    ),
    # hostages held are the victims, not where they are held; nor does anyone hold them by inheriting the clause
    (
        "Kidnappers held two French journalists hostage in Iraq.",
        {("iraq-criminals", "coerced", "france-media", A, None)},
    ),
    ("The French government held crisis talks on the fate of two French journalists held hostage in Iraq.", set()),
    # "on the march" is no demonstration
    (
        "President Bush said on Thursday freedom was on the march in Iraq.",
        {("george-w-bush", "leaderOf", "united-states", A, None)},
    ),
    # a state does not meet the persons in its own service; another state does
    ("Pakistan met Prime Minister Shaukat Aziz on Friday.", {("shaukat-aziz", "leaderOf", "pakistan", A, None)}),
    (
        "India met Prime Minister Shaukat Aziz on Friday.",
        {("shaukat-aziz", "leaderOf", "pakistan", A, None), ("india", "metWith", "shaukat-aziz", A, "2024-03-08")},
    ),
    # nor do its own forces deliver anything to it; rebels are not in its service
    (
        "Zimbabwe's military seized control of the country. Senior soldiers delivered a late-night television "
        "address to the nation.",
        set(),
    ),
    ("Sudan's government met Darfur rebels in Abuja.", {("sudan", "metWith", "sudan-rebels", A, None)}),
    # whoever leads private persons holds no office of their country
    ("Three Americans -- led by a former Green Beret -- were found guilty yesterday.", set()),
    # the people around someone are not that someone
    (
        "Pakistan's Rangers arrested Imran Khan after beating Khan's security staff.",
        {("pakistan-military", "coerced", "imran-khan", A, None)},
    ),
    ("Gunmen killed the president's bodyguards in Kabul.", set()),
    # capitalised plural leads are agents or people all the same
    (
        "Hong Kong democrats accused China of jailing one of their members.",
        {("hong-kong-opposition", "criticized", "china", A, None)},
    ),
    # a body controlled by the opposition is still the state's
    (
        "Venezuela's crisis deepened. Juan Guaidó, the leader of the opposition-controlled National Assembly, "
        "declared himself interim president.",
        {("juan-guaido", "leaderOf", "venezuela-legislature", A, None)},
    ),
    # a state that protests names what it protests against; fans are no political group
    ("Russia protested.", set()),
    ("Fans rioted after the match.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_whole_statements(statements, text, expected):
    assert statements(text) == expected
