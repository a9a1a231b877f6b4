"""Relations read from sentences phrased the way wire-service ledes are written.

Each case is a short news sentence (sometimes two) with the WHOLE set of statements a careful
annotator takes from it, as ``(subject key, predicate, object key, modality, time)`` tuples
built with ``s()`` from ``test_relations.py``, read by the conventions set out there; times
resolve against the document date, Thursday 14 March 2024 (see ``conftest.py``). A case
passes only when the statements extracted are exactly those expected. Where two readings are
equally right (the capital or the country as the target, the state or its military as the
subject), ``either()`` gives the whole set of each, and the statements must be one of them.

The sentences cover titles and appositions, capitals and seats of power acting for their
governments, demonyms, coordination, relative dates, reported speech, negation, future and
planned events, and pronouns reaching back to the previous sentence; the last group of the
first list are probes of phrasing the extractor does not read yet. The second list holds
sentences that must not yield a given asserted statement (speculation, denials, plans, a place
that is only a location, a nationality that is not an office, the topic of talks), each with
the whole set of statements it does state, the guarded one with its own modality where the
sentence mentions it. Cases marked ``gap="..."`` are strict expected failures listed in
``docs/known-gaps.md``.
"""

from __future__ import annotations

import pytest
from test_relations import (
    AU,
    CSTO,
    ECOWAS,
    EU,
    FUTURE,
    HYPOTHETICAL,
    NATO,
    NEGATED,
    SCO,
    UAE,
    UK,
    US,
    assert_reads,
    asserted,
    either,
    known_gap,
    not_asserted,
    readings,
    s,
)

IMF = "international-monetary-fund"
UN = "united-nations"
UNHRC = "united-nations-human-rights-council"
UNSC = "united-nations-security-council"
WTO = "world-trade-organization"
ASEAN = "association-of-southeast-asian-nations"
OAS = "organization-of-american-states"
MSC = "munich-security-conference"
RSF = "rapid-support-forces"
TREASURY = "united-states-department-of-the-treasury"
CHINA_MFA = "ministry-of-foreign-affairs-of-china"

# Dates relative to Thursday 14 March 2024.
MON, TUE, WED, THU = "2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14"
FRI, SAT, SUN = "2024-03-08", "2024-03-09", "2024-03-10"
THIS_MONTH, LAST_MONTH, NEXT_MONTH = "2024-03", "2024-02", "2024-04"  # "last/next week" too
THIS_YEAR, LAST_YEAR = "2024", "2023"


def case(case_id: str, text: str, *expected, gap: str | None = None):
    """A news sentence and the whole set of statements it states (or ``either`` of such sets)."""
    return pytest.param(text, readings(expected), id=case_id, marks=known_gap(gap))


NEWS_CASES = [
    # --- visited -------------------------------------------------------------------------
    case(
        "visited-arrived-in-capital-for-visit-to-country",
        "Indian Prime Minister Narendra Modi arrived in Abu Dhabi on Tuesday for a two-day "
        "visit to the United Arab Emirates.",
        s("narendra-modi", "leaderOf", "india"),
        s("narendra-modi", "visited", "abu-dhabi", time=TUE),
        s("narendra-modi", "visited", UAE, time=TUE),
    ),
    case(
        "visited-future-coordinated-destinations-department-said",
        "Secretary of State Antony Blinken will travel to Saudi Arabia and Egypt next week, the State Department said.",
        s("antony-blinken", "officialOf", US),
        s("antony-blinken", "visited", "egypt", FUTURE, THIS_MONTH),
        s("antony-blinken", "visited", "saudi-arabia", FUTURE, THIS_MONTH),
    ),
    case(
        "visited-apposition-title-flew-to",
        "Yoko Kamikawa, Japan's foreign minister, flew to Kyiv on Sunday in an unannounced visit.",
        s("yoko-kamikawa", "officialOf", "japan"),
        s("yoko-kamikawa", "visited", "kyiv", time=SUN),
    ),
    case(
        "visited-nominal-trip-future",
        "Chancellor Olaf Scholz's trip to China next month will focus on trade.",
        s("olaf-scholz", "leaderOf", "germany"),
        s("olaf-scholz", "visited", "china", FUTURE, NEXT_MONTH),
    ),
    case(
        "visited-pronoun-second-sentence-met",
        "Argentine President Javier Milei arrived in Israel last month. During the visit he met "
        "Prime Minister Benjamin Netanyahu.",
        s("benjamin-netanyahu", "leaderOf", "israel"),
        s("benjamin-netanyahu", "metWith", "javier-milei", time=LAST_MONTH),
        s("javier-milei", "leaderOf", "argentina"),
        s("javier-milei", "visited", "israel", time=LAST_MONTH),
    ),
    case(
        "visited-paid-a-visit-metonym-destination",
        "Hungarian Prime Minister Viktor Orban paid a visit to Beijing last year.",
        s("viktor-orban", "leaderOf", "hungary"),
        s("viktor-orban", "visited", "beijing", time=LAST_YEAR),
    ),
    case(
        "visited-state-visit-nominal-weekday",
        "King Charles began a state visit to Kenya on Tuesday.",
        s("charles-iii", "leaderOf", UK),
        s("charles-iii", "visited", "kenya", time=TUE),
        gap="the title in 'King Charles' gives no leaderOf of the country the gazetteer gives him",
    ),
    # --- metWith ------------------------------------------------------------------------
    case(
        "metWith-hosted-at-white-house",
        "President Joe Biden hosted Irish Prime Minister Leo Varadkar at the White House on Tuesday.",
        s("joe-biden", "leaderOf", US),
        s("joe-biden", "metWith", "leo-varadkar", time=TUE),
        s("leo-varadkar", "leaderOf", "ireland"),
    ),
    case(
        "metWith-in-capital-last-year",
        "Chinese President Xi Jinping met Spanish Prime Minister Pedro Sanchez in Beijing last year.",
        s("pedro-sanchez", "leaderOf", "spain"),
        s("pedro-sanchez", "metWith", "xi-jinping", time=LAST_YEAR),
        s("xi-jinping", "leaderOf", "china"),
    ),
    case(
        "metWith-pronoun-second-sentence",
        "German Chancellor Olaf Scholz flew to Washington. He met President Joe Biden at the White House on Friday.",
        s("joe-biden", "leaderOf", US),
        s("joe-biden", "metWith", "olaf-scholz", time=FRI),
        s("olaf-scholz", "leaderOf", "germany"),
        s("olaf-scholz", "visited", "washington"),
    ),
    case(
        "metWith-received-crown-prince",
        "Crown Prince Mohammed bin Salman received Ukrainian President Volodymyr Zelensky in Riyadh on Tuesday.",
        s("mohammed-bin-salman", "officialOf", "saudi-arabia"),
        s("mohammed-bin-salman", "metWith", "volodymyr-zelensky", time=TUE),
        s("volodymyr-zelensky", "leaderOf", "ukraine"),
    ),
    case(
        "metWith-coordinated-subjects-held-talks",
        "Russian President Vladimir Putin and Chinese President Xi Jinping held talks in Moscow last year.",
        s("vladimir-putin", "leaderOf", "russia"),
        s("vladimir-putin", "metWith", "xi-jinping", time=LAST_YEAR),
        s("xi-jinping", "leaderOf", "china"),
    ),
    case(
        "metWith-sat-down-with-on-sidelines",
        "Ukrainian President Volodymyr Zelensky sat down with Hungarian Prime Minister Viktor "
        "Orban on the sidelines of a summit in Brussels.",
        s("viktor-orban", "leaderOf", "hungary"),
        s("viktor-orban", "metWith", "volodymyr-zelensky"),
        s("volodymyr-zelensky", "leaderOf", "ukraine"),
    ),
    case(
        "metWith-future-is-set-to-meet",
        "Turkish President Recep Tayyip Erdogan is set to meet U.S. President Joe Biden next month.",
        s("joe-biden", "leaderOf", US),
        s("joe-biden", "metWith", "recep-tayyip-erdogan", FUTURE, NEXT_MONTH),
        s("recep-tayyip-erdogan", "leaderOf", "turkey"),
    ),
    # --- leaderOf / officialOf ------------------------------------------------------------
    case(
        "officialOf-trailing-apposition-foreign-policy-chief",
        "Josep Borrell, the European Union's foreign policy chief, criticised Israel on Monday "
        "for restricting aid deliveries to Gaza.",
        s("josep-borrell", "criticized", "israel", time=MON),
        s("josep-borrell", "officialOf", EU),
    ),
    case(
        "leaderOf-secretary-general-future-join",
        "NATO Secretary General Jens Stoltenberg said on Wednesday that Ukraine would eventually join the alliance.",
        s("jens-stoltenberg", "leaderOf", NATO),
        s("ukraine", "joined", NATO, FUTURE),
        s("ukraine", "memberOf", NATO, FUTURE),
    ),
    case(
        "leaderOf-sworn-in-as-prime-minister",
        "Shehbaz Sharif was sworn in as Pakistan's prime minister on Monday for a second time.",
        s("shehbaz-sharif", "leaderOf", "pakistan", time="2024-03-11.."),
    ),
    case(
        "leaderOf-military-ruler-apposition",
        "Niger's military ruler, Abdourahamane Tiani, received a Russian delegation in Niamey on Monday.",
        s("abdourahamane-tiani", "leaderOf", "niger"),
        s("abdourahamane-tiani", "metWith", "russia", time=MON),
    ),
    case(
        "officialOf-spokeswoman-criticised-metonym",
        "Chinese foreign ministry spokeswoman Mao Ning on Monday criticised Washington for "
        "approving a new arms sale to Taiwan.",
        s("mao-ning", "criticized", US, time=MON),
        s("mao-ning", "officialOf", "china"),
    ),
    case(
        "officialOf-foreign-secretary-title",
        "British Foreign Secretary David Cameron said on Wednesday that Israel must let more aid into Gaza.",
        s("david-cameron", "officialOf", UK),
        s("david-cameron", "requested", "israel", time=WED),
    ),
    case(
        "leaderOf-coordinated-titles",
        "French President Emmanuel Macron and Brazilian President Luiz Inacio Lula da Silva "
        "launched a new submarine on Wednesday.",
        s("emmanuel-macron", "leaderOf", "france"),
        s("luiz-inacio-lula-da-silva", "leaderOf", "brazil"),
    ),
    case(
        "leaderOf-pronoun-resigned",
        "Vietnam's president, Vo Van Thuong, resigned on Wednesday. He had held the post for just over a year.",
        s("vo-van-thuong", "leaderOf", "vietnam", time="..2024-03-13"),
        gap="the day of resignation is not the end of the office",
    ),
    case(
        "officialOf-title-after-name-lowercase",
        "Sergei Lavrov, Russia's foreign minister, arrived in Ankara on Wednesday.",
        s("sergei-lavrov", "officialOf", "russia"),
        s("sergei-lavrov", "visited", "ankara", time=WED),
    ),
    # --- memberOf / joined -----------------------------------------------------------------
    case(
        "joined-became-32nd-member-last-thursday",
        "Sweden formally became the 32nd member of NATO last Thursday, ending two centuries of military non-alignment.",
        s("sweden", "joined", NATO, time="2024-03-07"),
        s("sweden", "memberOf", NATO, time="2024-03-07.."),
    ),
    case(
        "memberOf-apposition-a-nato-member",
        "Turkey, a NATO member, has refused to join Western sanctions against Russia.",
        s("turkey", "memberOf", NATO),
    ),
    case(
        "joined-admitted-passive-month",
        "Timor-Leste was admitted to the World Trade Organization in August.",
        s("timor-leste", "joined", WTO, time="2023-08"),
        s("timor-leste", "memberOf", WTO, time="2023-08.."),
    ),
    case(
        "joined-future-set-to-become-member",
        "Timor-Leste is set to become the 11th member of ASEAN next year.",
        s("timor-leste", "joined", ASEAN, FUTURE, "2025"),
        s("timor-leste", "memberOf", ASEAN, FUTURE, "2025.."),
    ),
    case(
        "joined-relative-clause-and-border",
        "Finland, which joined NATO last April, shares a 1,340-kilometre border with Russia.",
        s("finland", "joined", NATO, time="2023-04"),
        s("finland", "memberOf", NATO, time="2023-04.."),
        s("finland", "sharesBorderWith", "russia"),
    ),
    case(
        "joined-last-month-name-metonym-said",
        "Iran formally joined the Shanghai Cooperation Organisation last July, Tehran said.",
        s("iran", "joined", SCO, time="2023-07"),
        s("iran", "memberOf", SCO, time="2023-07.."),
    ),
    case(
        "memberOf-compound-member-state",
        "EU member Hungary has delayed a new aid package for Ukraine.",
        s("hungary", "memberOf", EU),
    ),
    # --- withdrewFrom / suspendedParticipationIn --------------------------------------------
    case(
        "withdrewFrom-nominal-completed-withdrawal",
        "Nicaragua completed its withdrawal from the Organization of American States in November.",
        s("nicaragua", "memberOf", OAS, time="..2023-11"),
        s("nicaragua", "withdrewFrom", OAS, time="2023-11"),
    ),
    case(
        "withdrewFrom-future-told-lawmakers",
        "Armenia will leave the Collective Security Treaty Organization, Prime Minister Nikol "
        "Pashinyan told lawmakers.",
        s("armenia", "withdrewFrom", CSTO, FUTURE),
        s("nikol-pashinyan", "leaderOf", "armenia"),
        gap="an undated leaving yields a memberOf with no end, which reads as membership",
    ),
    case(
        "suspendedParticipationIn-metonym-treaty",
        "Moscow suspended its participation in New START, its last nuclear arms treaty with Washington, last year.",
        s("russia", "signedAgreementWith", US),
        s("russia", "suspendedParticipationIn", "new-start", time=LAST_YEAR),
        gap="the treaty named in apposition takes the date of the suspension",
    ),
    case(
        "withdrewFrom-pulled-out-of-grain-deal",
        "Russia pulled out of the Black Sea Grain Initiative last July.",
        s("russia", "withdrewFrom", "black-sea-grain-initiative", time="2023-07"),
    ),
    # --- sanctioned ------------------------------------------------------------------------
    case(
        "sanctioned-coordinated-subjects-demonym-target",
        "The United States and Britain imposed sanctions on Houthi leaders on Wednesday over "
        "attacks on shipping in the Red Sea.",
        s(UK, "sanctioned", "houthis", time=WED),
        s(US, "sanctioned", "houthis", time=WED),
    ),
    case(
        "sanctioned-metonyms-slapped-fresh",
        "Washington slapped fresh sanctions on Moscow last month over the death of opposition leader Alexei Navalny.",
        s(US, "sanctioned", "russia", time=LAST_MONTH),
    ),
    case(
        "sanctioned-nominal-package-adopted",
        "The European Union adopted its 13th package of sanctions against Russia last month.",
        s(EU, "sanctioned", "russia", time=LAST_MONTH),
    ),
    case(
        "sanctioned-downing-street-announced",
        "Downing Street announced sanctions against Iran on Thursday.",
        s(UK, "sanctioned", "iran", time=THU),
    ),
    case(
        "sanctioned-froze-assets-ministry-said",
        "Japan has frozen the assets of 11 North Korean entities, the foreign ministry said on Tuesday.",
        s("japan", "sanctioned", "north-korea"),
    ),
    # --- criticized / protestedAgainst -------------------------------------------------------
    case(
        "criticized-kremlin-denounced-decision",
        "The Kremlin on Tuesday denounced Finland's decision to close its border crossings, calling it a provocation.",
        s("russia", "criticized", "finland", time=TUE),
    ),
    case(
        "criticized-beijing-accused-manila",
        "Beijing accused Manila on Wednesday of deliberately ramming a Chinese coast guard "
        "vessel near a disputed reef.",
        s("china", "criticized", "philippines", time=WED),
    ),
    case(
        "criticized-accused-of-genocide-at-court",
        "South Africa accused Israel of genocide at the International Court of Justice in January.",
        s("south-africa", "criticized", "israel", time="2024-01"),
    ),
    case(
        "criticized-lashed-out-at",
        "Turkish President Recep Tayyip Erdogan lashed out at Israel again on Wednesday, "
        "calling its offensive in Gaza a massacre.",
        s("recep-tayyip-erdogan", "criticized", "israel", time=WED),
        s("recep-tayyip-erdogan", "leaderOf", "turkey"),
    ),
    case(
        "criticized-white-house-condemned-launch",
        "The White House condemned North Korea's latest missile launch on Monday.",
        s(US, "criticized", "north-korea", time=MON),
    ),
    case(
        "protestedAgainst-summoned-ambassador-airspace",
        "Poland summoned Russia's ambassador on Monday after a Russian missile briefly entered its airspace.",
        s("poland", "protestedAgainst", "russia", time=MON),
    ),
    case(
        "protestedAgainst-metonyms-lodged-protest",
        "Tokyo lodged a formal protest with Beijing on Tuesday over the detention of a Japanese citizen.",
        s("japan", "protestedAgainst", "china", time=TUE),
    ),
    # --- threatened ------------------------------------------------------------------------
    case(
        "threatened-warned-against",
        "Iran warned the United States on Sunday against any attack on its territory.",
        s("iran", "threatened", US, time=SUN),
    ),
    case(
        "threatened-apposition-threatened-to-annex",
        "Venezuela's president, Nicolas Maduro, has threatened to annex a disputed region of neighbouring Guyana.",
        s("nicolas-maduro", "coerced", "guyana", HYPOTHETICAL),
        s("nicolas-maduro", "leaderOf", "venezuela"),
        s("nicolas-maduro", "threatened", "guyana"),
    ),
    case(
        "threatened-pronoun-second-sentence",
        "Azerbaijani President Ilham Aliyev addressed troops in Nagorno-Karabakh on Monday. He "
        "warned Armenia against any attempt to rearm.",
        s("ilham-aliyev", "leaderOf", "azerbaijan"),
        s("ilham-aliyev", "threatened", "armenia"),
    ),
    # --- attacked ----------------------------------------------------------------------------
    case(
        "attacked-demonym-drones-struck-said",
        "Ukrainian drones struck an oil refinery deep inside Russia on Wednesday, the regional governor said.",
        s("ukraine-military", "attacked", "russia", time=WED),
    ),
    case(
        "attacked-demonym-warplanes-military-said",
        "Israeli warplanes hit targets in southern Lebanon on Tuesday, the Israeli military said.",
        s("israel-military", "attacked", "lebanon", time=TUE),
    ),
    case(
        "attacked-air-strikes-inside",
        "Pakistan carried out air strikes inside Afghanistan on Monday, killing eight people, the Taliban said.",
        s("pakistan", "attacked", "afghanistan", time=MON),
        s("pakistan", "attacked", "afghanistan-civilians", time=MON),
    ),
    case(
        "attacked-barrage-at-capital",
        "Russia launched a barrage of missiles at Kyiv on Thursday, Ukrainian officials said.",
        s("russia", "attacked", "kyiv", time=THU),
    ),
    case(
        "attacked-coordinated-subjects-demonym-targets",
        "The United States and Britain struck Houthi targets in Yemen last month.",
        either(
            {s(UK, "attacked", "houthis", time=LAST_MONTH), s(US, "attacked", "houthis", time=LAST_MONTH)},
            {s(UK, "attacked", "yemen", time=LAST_MONTH), s(US, "attacked", "yemen", time=LAST_MONTH)},
        ),
    ),
    case(
        "attacked-demonym-backed-fired-rockets",
        "Iran-backed Hezbollah fired rockets into northern Israel on Sunday.",
        s("hezbollah", "attacked", "israel", time=SUN),
        s("iran", "supports", "hezbollah"),
    ),
    # --- signedAgreementWith / agreedWith ------------------------------------------------------
    case(
        "signedAgreementWith-coordinated-subjects-in-capital",
        "Ukraine and Italy signed a 10-year security agreement in Kyiv on Saturday.",
        s("italy", "signedAgreementWith", "ukraine", time=SAT),
    ),
    case(
        "signedAgreementWith-metonyms",
        "Beijing and Moscow signed an agreement on Monday to expand cooperation in energy.",
        s("china", "signedAgreementWith", "russia", time=MON),
    ),
    case(
        "agreedWith-struck-deal-with-fund",
        "Egypt struck a deal with the International Monetary Fund last week to expand its loan "
        "programme to $8 billion.",
        s("egypt", "agreedWith", IMF, time=THIS_MONTH),
    ),
    case(
        "signedAgreementWith-memorandum-of-understanding",
        "Ethiopia signed a memorandum of understanding with Somaliland in January that would "
        "give it access to the sea.",
        s("ethiopia", "signedAgreementWith", "somaliland", time="2024-01"),
    ),
    case(
        "signedAgreementWith-inked-deal",
        "Poland inked a deal with South Korea last year to buy nearly 1,000 tanks.",
        s("poland", "signedAgreementWith", "south-korea", time=LAST_YEAR),
    ),
    case(
        "signedAgreementWith-future-set-to-sign",
        "Britain and Ukraine are set to sign a 100-year partnership agreement next month.",
        s("ukraine", "signedAgreementWith", UK, FUTURE, NEXT_MONTH),
    ),
    case(
        "agreedWith-reached-understanding",
        "Greece and Turkey reached an understanding on Monday to ease tensions in the Aegean.",
        s("greece", "agreedWith", "turkey", time=MON),
    ),
    # --- severedRelationsWith / diplomaticRelationsWith ----------------------------------------
    case(
        "severedRelationsWith-broke-off-after-embassy-raid",
        "Mexico broke off diplomatic relations with Ecuador on Saturday after police stormed its embassy in Quito.",
        s("mexico", "severedRelationsWith", "ecuador", time=SAT),
    ),
    case(
        "diplomaticRelationsWith-restored-under-deal",
        "Saudi Arabia and Iran restored diplomatic relations last year under a deal brokered by China.",
        s("iran", "diplomaticRelationsWith", "saudi-arabia", time="2023.."),
    ),
    case(
        "diplomaticRelationsWith-reopened-embassy",
        "Saudi Arabia reopened its embassy in Damascus on Monday after a 12-year break.",
        s("saudi-arabia", "diplomaticRelationsWith", "syria", time="2024-03-11.."),
    ),
    case(
        "diplomaticRelationsWith-upgraded-ties",
        "Vietnam and the United States upgraded their diplomatic ties last year.",
        s(US, "diplomaticRelationsWith", "vietnam"),
        gap="ties upgraded last year are dated as relations that began then",
    ),
    case(
        "diplomaticRelationsWith-future-plans-to-establish",
        "Saudi Arabia plans to establish diplomatic relations with Israel, a U.S. official said.",
        s("israel", "diplomaticRelationsWith", "saudi-arabia", FUTURE),
        s("saudi-arabia", "recognized", "israel", FUTURE),
    ),
    # --- suspended -----------------------------------------------------------------------------
    case(
        "suspended-after-coup",
        "The African Union suspended Gabon after a military coup in August.",
        s(AU, "suspended", "gabon", time="2023-08"),
    ),
    case(
        "suspended-passive-from-council",
        "Russia was suspended from the UN Human Rights Council in 2022.",
        s(UNHRC, "suspended", "russia", time="2022"),
    ),
    case(
        "suspended-bloc-definite-description",
        "ECOWAS suspended Burkina Faso after the coup. The bloc also imposed sanctions on Niger.",
        s(ECOWAS, "sanctioned", "niger"),
        s(ECOWAS, "suspended", "burkina-faso"),
    ),
    # --- requested -----------------------------------------------------------------------------
    case(
        "requested-metonyms-asked-for",
        "Kyiv asked Berlin again on Monday for Taurus cruise missiles.",
        s("ukraine", "requested", "germany", time=MON),
    ),
    case(
        "requested-asked-org-to-deploy",
        "Haiti has asked the United Nations to deploy an international force to help its police fight gangs.",
        s("haiti", "requested", UN),
    ),
    case(
        "requested-applied-for-membership",
        "Kosovo applied for membership of the Council of Europe in 2022.",
        s("kosovo", "requested", "council-of-europe", time="2022"),
    ),
    case(
        "requested-called-on-coordinated-objects",
        "Qatar called on Israel and Hamas to agree to a ceasefire before Ramadan.",
        s("hamas", "agreedWith", "israel", HYPOTHETICAL),
        s("qatar", "requested", "hamas"),
        s("qatar", "requested", "israel"),
    ),
    # --- supports ------------------------------------------------------------------------------
    case(
        "supports-metonym-reaffirmed-support",
        "Washington reaffirmed its support for Taiwan on Thursday.",
        s(US, "supports", "taiwan", time=THU),
    ),
    case(
        "supports-demonym-led-coalition-since",
        "The Saudi-led coalition has backed Yemen's government against the Houthis since 2015.",
        s("saudi-arabia", "supports", "yemen", time="2015.."),
    ),
    case(
        "supports-voiced-support-apposition",
        "Hungary's prime minister, Viktor Orban, voiced support for Israel on Monday.",
        s("viktor-orban", "leaderOf", "hungary"),
        s("viktor-orban", "supports", "israel", time=MON),
    ),
    case(
        "supports-endorsed-plan",
        "France endorsed Morocco's autonomy plan for Western Sahara last month.",
        s("france", "supports", "morocco", time=LAST_MONTH),
    ),
    # --- providesAidTo -------------------------------------------------------------------------
    case(
        "providesAidTo-armed-with",
        "Iran has armed the Houthis with drones and missiles, U.S. officials say.",
        s("iran", "providesAidTo", "houthis"),
    ),
    case(
        "providesAidTo-lent-billions",
        "China has lent billions of dollars to Pakistan to shore up its foreign reserves.",
        s("china", "providesAidTo", "pakistan"),
    ),
    # what is handed over is given: not traded, and no meeting ("handed a letter to" is one)
    case(
        "providesAidTo-handed-over-supplies-not-exports",
        "U.S. troops handed over medical supplies to Iraqi relief workers on Friday.",
        s("united-states-military", "providesAidTo", "iraq-civilians", time=FRI),
    ),
    case(
        "providesAidTo-handed-over-tanks-no-meeting",
        "Germany handed over Leopard tanks to Ukraine on Monday.",
        s("germany", "providesAidTo", "ukraine", time=MON),
    ),
    case(
        "metWith-handed-a-letter-to",
        "Abbas handed a letter to Netanyahu on Monday.",
        s("benjamin-netanyahu", "metWith", "mahmoud-abbas", time=MON),
    ),
    # --- expelled ------------------------------------------------------------------------------
    case(
        "expelled-nominal-ordered-expulsion",
        "Estonia ordered the expulsion of a Russian diplomat on Monday.",
        s("estonia", "expelled", "russia", time=MON),
        gap="an expulsion is coded twice, as expelled and coerced",
    ),
    case(
        "expelled-metonym-tit-for-tat",
        "Moscow expelled two Moldovan diplomats on Tuesday in a tit-for-tat move.",
        s("russia", "expelled", "moldova", time=TUE),
    ),
    case(
        "expelled-kicked-out-possessive-ambassador",
        "Burkina Faso kicked out France's ambassador last year.",
        s("burkina-faso", "expelled", "france", time=LAST_YEAR),
    ),
    # --- recognized ----------------------------------------------------------------------------
    case(
        "recognized-formally-state-of",
        "Barbados formally recognised the State of Palestine on Thursday.",
        s("barbados", "recognized", "palestine", time=THU),
    ),
    case(
        "recognized-future-plan-coordinated-demonym",
        "Spain, Ireland and Norway are planning to recognise a Palestinian state, officials said.",
        s("ireland", "recognized", "palestine", FUTURE),
        s("norway", "recognized", "palestine", FUTURE),
        s("spain", "recognized", "palestine", FUTURE),
    ),
    case(
        "recognized-negated-refuses",
        "Serbia still refuses to recognise Kosovo's independence.",
        s("serbia", "recognized", "kosovo", NEGATED),
        s("serbia", "rejected", "kosovo"),
    ),
    # --- rejected ------------------------------------------------------------------------------
    case(
        "rejected-demonym-proposal-weekday",
        "Hamas rejected an Israeli proposal for a six-week truce on Tuesday.",
        s("hamas", "rejected", "israel", time=TUE),
    ),
    case(
        "rejected-metonyms-dismissed-offer",
        "Kyiv dismissed Moscow's offer of talks as a propaganda stunt.",
        s("ukraine", "rejected", "russia"),
    ),
    case(
        "rejected-kremlin-demonym-suggestion",
        "The Kremlin rejected a French suggestion that Western troops could be sent to Ukraine.",
        s("russia", "rejected", "france"),
    ),
    case(
        "rejected-metonym-blocked-bid",
        "Ankara blocked Stockholm's bid to join NATO for more than a year.",
        s("sweden", "joined", NATO, FUTURE),
        s("sweden", "memberOf", NATO, FUTURE),
        s("sweden", "requested", NATO),
        s("turkey", "rejected", "sweden"),
    ),
    # --- cooperatesWith ------------------------------------------------------------------------
    case(
        "cooperatesWith-demonym-joint-drills",
        "Russian and Chinese warships held joint naval drills in the Gulf of Oman on Tuesday.",
        s("china-military", "cooperatesWith", "russia-military", time=TUE),
    ),
    case(
        "cooperatesWith-metonyms-agreed-to-deepen",
        "Tokyo and Manila agreed on Monday to deepen defence cooperation.",
        s("japan", "agreedWith", "philippines", time=MON),
        s("japan", "cooperatesWith", "philippines", FUTURE),
        gap="the cooperation agreed to takes the date of the agreement",
    ),
    case(
        "cooperatesWith-working-together",
        "India and the United States are working together to produce jet engines.",
        s("india", "cooperatesWith", US),
    ),
    case(
        "cooperatesWith-expanded-since",
        "North Korea and Russia have expanded military cooperation since last year.",
        s("north-korea", "cooperatesWith", "russia", time="2023.."),
    ),
    # --- inConflictWith / coerced / mobilizedAgainst -----------------------------------------
    case(
        "inConflictWith-border-war-period",
        "Ethiopia and Eritrea fought a border war from 1998 to 2000.",
        s("eritrea", "inConflictWith", "ethiopia", time="1998..2000"),
    ),
    case(
        "inConflictWith-nominal-war-against",
        "Israel's war against Hamas has displaced most of Gaza's population.",
        s("hamas", "inConflictWith", "israel"),
    ),
    case(
        "inConflictWith-demonym-troops-clashed",
        "Thai and Cambodian troops clashed along the border on Sunday.",
        s("cambodia-military", "inConflictWith", "thailand-military", time=SUN),
    ),
    case(
        "coerced-occupied-since",
        "Russia has occupied Crimea since 2014.",
        s("russia", "coerced", "crimea", time="2014.."),
    ),
    # --- hasMilitaryPresenceIn -----------------------------------------------------------------
    case(
        "hasMilitaryPresenceIn-demonym-troops-deployed-since",
        "Turkish troops have been deployed in northern Syria since 2016.",
        s("turkey", "hasMilitaryPresenceIn", "syria", time="2016.."),
    ),
    case(
        "hasMilitaryPresenceIn-hosts-demonym-troops",
        "Japan hosts about 54,000 American troops.",
        s(US, "hasMilitaryPresenceIn", "japan"),
    ),
    case(
        "hasMilitaryPresenceIn-naval-base",
        "Russia maintains a naval base at Tartus in Syria.",
        s("russia", "hasMilitaryPresenceIn", "syria"),
        s("tartus", "locatedIn", "syria"),
    ),
    # --- capitalOf / sharesBorderWith / locatedIn ----------------------------------------------
    case(
        "capitalOf-demonym-apposition",
        "A car bomb exploded in Mogadishu, the Somali capital, on Friday.",
        s("mogadishu", "capitalOf", "somalia"),
    ),
    case(
        "capitalOf-possessive-apposition",
        "Thousands protested outside parliament in Tbilisi, Georgia's capital, on Monday.",
        s("tbilisi", "capitalOf", "georgia"),
    ),
    case(
        "sharesBorderWith-relative-clause",
        "Chad, which borders Sudan, has taken in more than half a million refugees.",
        s("chad", "sharesBorderWith", "sudan"),
    ),
    case(
        "sharesBorderWith-neighbour-apposition",
        "Lebanon's southern neighbour, Israel, has evacuated dozens of border towns.",
        s("israel", "sharesBorderWith", "lebanon"),
    ),
    case(
        "sharesBorderWith-share-a-border",
        "Mexico and the United States share a 3,145-kilometre border.",
        s("mexico", "sharesBorderWith", US),
    ),
    # a country's people are no place: the city their tourists visit is not in their country
    case("locatedIn-visited-by-tourists-of-a-country", "Antalya is the most visited city by Russian tourists."),
    case(
        "locatedIn-visited-by-tourists-in-a-country",
        "Lappeenranta is the second most visited city by Russian tourists in Finland after Helsinki.",
        s("lappeenranta", "locatedIn", "finland"),
    ),
    # --- other relations -----------------------------------------------------------------------
    case(
        "participantIn-addressed-conference",
        "Ukrainian President Volodymyr Zelensky addressed the Munich Security Conference last month.",
        s("volodymyr-zelensky", "leaderOf", "ukraine"),
        s("volodymyr-zelensky", "participantIn", MSC, time=LAST_MONTH),
    ),
    case(
        "leads-demonym-led-bloc",
        "Armenia has frozen its ties with the Russian-led Collective Security Treaty Organization.",
        s("armenia", "suspendedParticipationIn", CSTO),
        s("russia", "leads", CSTO),
        gap="ties frozen with an organisation are read as severed relations, not suspended participation",
    ),
    case(
        "concededTo-backed-down-under-pressure",
        "Kosovo backed down under pressure from the European Union last month.",
        s("kosovo", "concededTo", EU, time=LAST_MONTH),
    ),
    # --- read since the first version of this file --------------------------------------
    case(
        "threatened-leader-threatened-with",
        "North Korean leader Kim Jong Un threatened South Korea with nuclear annihilation on Wednesday.",
        s("kim-jong-un", "leaderOf", "north-korea"),
        s("kim-jong-un", "threatened", "south-korea", time=WED),
    ),
    case(
        "severedRelationsWith-cut-ties-accusing-it",
        "Bolivia cut diplomatic ties with Israel last year, accusing it of crimes against humanity in Gaza.",
        s("bolivia", "criticized", "israel", time=LAST_YEAR),
        s("bolivia", "severedRelationsWith", "israel", time=LAST_YEAR),
    ),
    case(
        "diplomaticRelationsWith-negated-no-formal",
        "Israel and Saudi Arabia have no formal diplomatic relations.",
        s("israel", "diplomaticRelationsWith", "saudi-arabia", NEGATED),
    ),
    case(
        "withdrewFrom-coordinated-quit-accusing-bloc",
        "Mali, Burkina Faso and Niger quit ECOWAS in January, accusing the bloc of failing to "
        "help them fight jihadists.",
        s("burkina-faso", "criticized", ECOWAS, time="2024-01"),
        s("burkina-faso", "memberOf", ECOWAS, time="..2024-01"),
        s("burkina-faso", "withdrewFrom", ECOWAS, time="2024-01"),
        s("mali", "criticized", ECOWAS, time="2024-01"),
        s("mali", "memberOf", ECOWAS, time="..2024-01"),
        s("mali", "withdrewFrom", ECOWAS, time="2024-01"),
        s("niger", "criticized", ECOWAS, time="2024-01"),
        s("niger", "memberOf", ECOWAS, time="..2024-01"),
        s("niger", "withdrewFrom", ECOWAS, time="2024-01"),
    ),
    case(
        "attacked-came-under-demonym-attack",
        "Odesa came under Russian drone attack on Saturday.",
        s("russia-military", "attacked", "odesa", time=SAT),
        gap="a 'Russian drone attack' yields the state, where 'Russian drones' yield its military",
    ),
    case(
        "providesAidTo-delivered-last-week",
        "Germany delivered another Patriot air defence system to Ukraine last week.",
        s("germany", "providesAidTo", "ukraine", time=THIS_MONTH),
    ),
    case(
        "expelled-ordered-diplomats-to-leave",
        "Germany ordered two Iranian diplomats to leave the country on Wednesday.",
        s("germany", "expelled", "iran", time=WED),
        gap="diplomats ordered to leave are expelled; no withdrawal by Iran's government follows",
    ),
    case(
        "expelled-ordered-troops-to-leave",
        "Niger's junta ordered French troops to leave the country last year.",
        s("niger-military", "expelled", "france", time=LAST_YEAR),
    ),
    case(
        "hasMilitaryPresenceIn-metonym-future-station",
        "Berlin will permanently station a 4,800-strong brigade in Lithuania by 2027.",
        s("germany", "hasMilitaryPresenceIn", "lithuania", FUTURE, "2027"),
    ),
    case(
        "locatedIn-based-in",
        "The International Atomic Energy Agency, based in Vienna, said on Monday that it had "
        "lost contact with the plant.",
        s("international-atomic-energy-agency", "locatedIn", "vienna"),
    ),
    case(
        "metWith-possessive-title-apposition",
        "UN Secretary-General Antonio Guterres met Qatar's emir, Tamim bin Hamad Al Thani, in Doha on Sunday.",
        s("antonio-guterres", "leaderOf", UN),
        s("antonio-guterres", "metWith", "tamim-bin-hamad-al-thani", time=SUN),
        s("tamim-bin-hamad-al-thani", "leaderOf", "qatar"),
    ),
    case(
        "officialOf-possessive-apposition-defence-minister",
        "Ukraine's defence minister, Rustem Umerov, said on Tuesday that Kyiv urgently needed more artillery shells.",
        s("rustem-umerov", "officialOf", "ukraine"),
    ),
    case(
        "withdrewFrom-troops-pulled-out",
        "France completed the withdrawal of its troops from Niger in December.",
        either(
            {
                s("france", "hasMilitaryPresenceIn", "niger", time="..2023-12"),
                s("france", "withdrewFrom", "niger", time="2023-12"),
            },
            {
                s("france", "hasMilitaryPresenceIn", "niger", time="..2023-12"),
                s("france-military", "withdrewFrom", "niger", time="2023-12"),
            },
        ),
        gap="one withdrawal is given two subjects, France and its military",
    ),
    # --- probes of news phrasing, kept as a work list until the extractor reads them ---------
    case(
        "visited-travelled-to-see-at-white-house",
        "Polish President Andrzej Duda travelled to Washington last month to see President Joe "
        "Biden at the White House.",
        s("andrzej-duda", "leaderOf", "poland"),
        s("andrzej-duda", "metWith", "joe-biden", time=LAST_MONTH),
        s("andrzej-duda", "visited", "washington", time=LAST_MONTH),
        s("joe-biden", "leaderOf", US),
        gap="the meeting a journey was made for ('travelled ... to see') is not read",
    ),
    case(
        "visited-tour-first-stop-and-future-leg",
        "Brazilian President Luiz Inacio Lula da Silva was in Cairo on Thursday, the first stop "
        "of a tour that will also take him to Ethiopia.",
        s("luiz-inacio-lula-da-silva", "leaderOf", "brazil"),
        s("luiz-inacio-lula-da-silva", "visited", "cairo", time=THU),
        s("luiz-inacio-lula-da-silva", "visited", "ethiopia", FUTURE),
        gap="the later leg of a tour ('will also take him to Ethiopia') is not read as a future visit",
    ),
    case(
        "metWith-held-talks-with-counterpart-apposition",
        "Turkish Foreign Minister Hakan Fidan held talks with his Iranian counterpart, Hossein "
        "Amir-Abdollahian, in Tehran on Monday.",
        s("hakan-fidan", "metWith", "hossein-amir-abdollahian", time=MON),
        s("hakan-fidan", "officialOf", "turkey"),
        s("hossein-amir-abdollahian", "officialOf", "iran"),
    ),
    case(
        "leaderOf-new-president-took-office",
        "Finland's new president, Alexander Stubb, took office this month, pledging firm support for Ukraine.",
        s("alexander-stubb", "leaderOf", "finland", time="2024-03.."),
        s("alexander-stubb", "supports", "ukraine", time=THIS_MONTH),
        gap="taking office gives no start, and the pledged support is not read",
    ),
    case(
        "memberOf-founded-coordinated",
        "Brazil, Russia, India and China founded the BRICS group in 2009.",
        s("brazil", "memberOf", "brics", time="2009.."),
        s("china", "memberOf", "brics", time="2009.."),
        s("india", "memberOf", "brics", time="2009.."),
        s("russia", "memberOf", "brics", time="2009.."),
        gap="founding an organisation is not read as membership from then",
    ),
    case(
        "memberOf-among-members-negated-recognition",
        "Spain and Slovakia are among five EU members that do not recognise Kosovo.",
        s("slovakia", "memberOf", EU),
        s("slovakia", "recognized", "kosovo", NEGATED),
        s("spain", "memberOf", EU),
        s("spain", "recognized", "kosovo", NEGATED),
        gap="'among five EU members that ...' gives neither membership nor the members' "
        "non-recognition; the EU is made the non-recogniser",
    ),
    case(
        "sanctioned-brussels-preparing-future",
        "Brussels is preparing new sanctions against Iran over its supply of drones to Russia.",
        s(EU, "sanctioned", "iran", FUTURE),
        s("iran", "providesAidTo", "russia"),
        gap="sanctions being prepared are asserted, and the supply of drones they answer is not read",
    ),
    case(
        "sanctioned-treasury-department-demonym",
        "The U.S. Treasury Department on Tuesday sanctioned two Iranian officials.",
        s(TREASURY, "sanctioned", "iran-government", time=TUE),
    ),
    case(
        "threatened-metonyms-coordinated-objects",
        "Pyongyang warned Seoul and Washington on Monday that their joint military drills would "
        "be met with overwhelming force.",
        s("north-korea", "threatened", "south-korea", time=MON),
        s("north-korea", "threatened", US, time=MON),
        s("south-korea", "cooperatesWith", US),
        gap="'their joint military drills' is not read as the two warned states' cooperation",
    ),
    case(
        "attacked-nominal-invasion-and-aid-since",
        "Washington has sent more than $44 billion in weapons to Kyiv since Russia's full-scale invasion in 2022.",
        s("russia", "attacked", "ukraine", time="2022"),
        s(US, "providesAidTo", "ukraine", time="2022.."),
        gap="neither the weapons sent since the invasion nor the invasion is read",
    ),
    case(
        "attacked-hit-by-demonym-missiles-region",
        "Erbil, the capital of Iraq's Kurdistan Region, was hit by Iranian missiles in January.",
        s("erbil", "locatedIn", "kurdistan-region"),
        s("iran-military", "attacked", "erbil", time="2024-01"),
        s("kurdistan-region", "locatedIn", "iraq"),
        gap="the capital of a region is made the capital of Iraq, and so is the region",
    ),
    case(
        "agreedWith-agreed-to-and-shared-border",
        "Armenia and Azerbaijan agreed last month to begin demarcating their shared border.",
        s("armenia", "agreedWith", "azerbaijan", time=LAST_MONTH),
        s("armenia", "sharesBorderWith", "azerbaijan"),
        gap="'their shared border' is not read as a border of the two subjects",
    ),
    case(
        "severedRelationsWith-switched-recognition-metonyms",
        "Nauru switched its diplomatic recognition from Taipei to Beijing in January.",
        s("china", "diplomaticRelationsWith", "nauru", time="2024-01.."),
        s("nauru", "recognized", "china", time="2024-01"),
        s("nauru", "severedRelationsWith", "taiwan", time="2024-01"),
        gap="switching recognition from Taipei yields neither the recognition nor the break with Taiwan",
    ),
    case(
        "requested-urged-and-border",
        "Armenia urged the European Union on Tuesday to send more monitors to its border with Azerbaijan.",
        s("armenia", "requested", EU, time=TUE),
        s("armenia", "sharesBorderWith", "azerbaijan"),
        gap="'its border with Azerbaijan' inside the request is not read",
    ),
    case(
        "requested-nominal-turned-down",
        "Israel turned down a U.S. request to delay its offensive in Rafah.",
        s("israel", "rejected", US),
        s(US, "requested", "israel"),
        gap="the request turned down ('a U.S. request to ...') is not read as the US's request",
    ),
    case(
        "supports-sided-with-throughout-war",
        "Belarus has sided with Russia throughout its war in Ukraine.",
        s("belarus", "supports", "russia"),
        s("russia", "inConflictWith", "ukraine"),
        gap="siding with Russia is also read as an alliance, and 'its war in Ukraine' is not read",
    ),
    case(
        "providesAidTo-nominal-aid-package-for",
        "The European Union approved a 50 billion euro aid package for Ukraine last month.",
        s(EU, "providesAidTo", "ukraine", time=LAST_MONTH),
        gap="an aid package approved for Ukraine is not read as aid",
    ),
    case(
        "providesAidTo-demonym-coordinated-airdrops",
        "Jordanian and Egyptian aircraft dropped food aid over Gaza on Monday.",
        either(
            {s("egypt", "providesAidTo", "gaza-strip", time=MON), s("jordan", "providesAidTo", "gaza-strip", time=MON)},
            {
                s("egypt-military", "providesAidTo", "gaza-strip", time=MON),
                s("jordan-military", "providesAidTo", "gaza-strip", time=MON),
            },
        ),
        gap="aid dropped by two countries' aircraft is not read",
    ),
    case(
        "providesAidTo-pentagon-would-send",
        "The Pentagon said on Tuesday it would send $300 million in weapons to Ukraine.",
        s(US, "providesAidTo", "ukraine", FUTURE),
        gap="the weapons the Pentagon said it would send are not read",
    ),
    case(
        "providesAidTo-passive-supplied-by-ministry-said",
        "Russia has been supplied with artillery shells by North Korea, South Korea's defence ministry said.",
        s("north-korea", "providesAidTo", "russia"),
        gap="'has been supplied with shells by North Korea' is not read",
    ),
    case(
        "rejected-vetoed-coordinated",
        "Russia and China vetoed a U.S.-drafted resolution at the UN Security Council on Friday.",
        s("china", "rejected", US, time=FRI),
        s("russia", "rejected", US, time=FRI),
        gap="vetoing a resolution drafted by a state is not read as rejecting it",
    ),
    case(
        "inConflictWith-fighting-since-month-last-year",
        "Sudan's army has been fighting the paramilitary Rapid Support Forces since April last year.",
        s(RSF, "inConflictWith", "sudan", time="2023-04.."),
        gap="'since April last year' is read as April of this year, and the war becomes Future",
    ),
    case(
        "mobilizedAgainst-deployed-troops-to-border",
        "Venezuela deployed troops to its border with Guyana in December.",
        s("guyana", "sharesBorderWith", "venezuela"),
        s("venezuela", "mobilizedAgainst", "guyana", time="2023-12"),
        gap="'its border with Guyana' as the place of a deployment is not read as a border",
    ),
    case(
        "hasMilitaryPresenceIn-keeps-troops-coordinated-numbers",
        "The United States keeps about 900 troops in Syria and 2,500 in Iraq.",
        s(US, "hasMilitaryPresenceIn", "iraq"),
        s(US, "hasMilitaryPresenceIn", "syria"),
        gap="the second, elliptical conjunct ('and 2,500 in Iraq') is not read",
    ),
    case(
        "capitalOf-renamed",
        "Kazakhstan changed the name of its capital back to Astana in 2022.",
        s("astana", "capitalOf", "kazakhstan"),
        gap="renaming a capital is not read as naming the capital",
    ),
    case(
        "sharesBorderWith-nominal-crossing",
        "Poland closed the last crossing on its border with Belarus on Wednesday.",
        s("belarus", "sharesBorderWith", "poland"),
        gap="the border takes the date of the closing of a crossing",
    ),
    case(
        "locatedIn-apposition-region-in",
        "Nagorno-Karabakh, a region in Azerbaijan, was retaken by Baku last year.",
        either(
            {
                s("azerbaijan", "coerced", "nagorno-karabakh", time=LAST_YEAR),
                s("nagorno-karabakh", "locatedIn", "azerbaijan"),
            },
            {
                s("azerbaijan", "attacked", "nagorno-karabakh", time=LAST_YEAR),
                s("nagorno-karabakh", "locatedIn", "azerbaijan"),
            },
        ),
    ),
    case(
        "locatedIn-in-crimea-apposition",
        "Sevastopol, the main base of Russia's Black Sea Fleet in Crimea, came under attack on Sunday.",
        s("sevastopol", "locatedIn", "crimea"),
        gap="'the main base of ... in Crimea' in apposition is not read as the city's location",
    ),
    case(
        "alliedWith-closest-ally-apposition",
        "Washington's closest ally in the Middle East, Israel, received new bombs last week.",
        s("israel", "alliedWith", US),
        gap="'Washington's closest ally ..., Israel' is not read, and the Middle East is placed in Israel",
    ),
    case(
        "exportsTo-largest-buyer-of-demonym-oil",
        "India has become the largest buyer of Russian oil.",
        s("russia", "exportsTo", "india"),
        gap="'the largest buyer of Russian oil' is not read as Russia's exports",
    ),
    case(
        "partOf-apposition-military",
        "The Israel Defense Forces, Israel's military, said on Sunday that it had struck a Hezbollah compound.",
        s("israel-defense-forces", "attacked", "hezbollah"),
        s("israel-defense-forces", "partOf", "israel"),
        gap="neither 'Israel's military' in apposition nor the strike the military reports is read",
    ),
]

# Sentences that must not assert the guarded (subject, predicate, object), with all they state.
NOT_ASSERTED = [
    not_asserted(
        "bid-to-join-is-not-joining",
        "Ministers discussed Ukraine's bid to join NATO at a meeting in Brussels.",
        ("ukraine", "joined", NATO),
        s("ukraine", "joined", NATO, FUTURE),
        s("ukraine", "memberOf", NATO, FUTURE),
        s("ukraine", "requested", NATO),
    ),
    not_asserted(
        "met-in-capital-is-a-place",
        "Spanish Prime Minister Pedro Sanchez met Chinese President Xi Jinping in Beijing.",
        ("china", "metWith", "pedro-sanchez"),
        s("pedro-sanchez", "leaderOf", "spain"),
        s("pedro-sanchez", "metWith", "xi-jinping"),
        s("xi-jinping", "leaderOf", "china"),
    ),
    not_asserted(
        "talks-in-capital-is-a-place",
        "Iranian and Saudi officials held talks in Beijing last year.",
        ("china", "metWith", "iran-government"),
        s("iran-government", "metWith", "saudi-arabia-government", time=LAST_YEAR),
    ),
    not_asserted(
        "met-in-city-is-a-place",
        "The foreign ministers of Egypt and Turkey met in Geneva on Monday.",
        ("egypt", "metWith", "switzerland"),
        s("egypt", "metWith", "turkey", time=MON),
    ),
    not_asserted(
        "opposition-leader-is-not-leader",
        "Russian opposition leader Alexei Navalny, who died in an Arctic prison last "
        "month, had accused President Vladimir Putin of corruption.",
        ("alexei-navalny", "leaderOf", "russia"),
        s("alexei-navalny", "criticized", "vladimir-putin"),
        s("vladimir-putin", "leaderOf", "russia"),
    ),
    not_asserted(
        "opposition-leader-no-office",
        "Russian opposition leader Alexei Navalny, who died in an Arctic prison last "
        "month, had accused President Vladimir Putin of corruption.",
        ("alexei-navalny", "officialOf", "russia"),
        s("alexei-navalny", "criticized", "vladimir-putin"),
        s("vladimir-putin", "leaderOf", "russia"),
    ),
    not_asserted(
        "journalist-nationality-no-office",
        "Russian authorities detained American journalist Evan Gershkovich in March 2023.",
        ("evan-gershkovich", "officialOf", US),
        s("russia-government", "coerced", "evan-gershkovich", time="2023-03"),
    ),
    not_asserted(
        "businessman-nationality-no-office",
        "Indian billionaire Gautam Adani met Israeli officials in Tel Aviv last month.",
        ("gautam-adani", "officialOf", "india"),
        s("gautam-adani", "metWith", "israel-government", time=LAST_MONTH),
    ),
    not_asserted(
        "speculation-could-recognise",
        "Analysts say Serbia could eventually recognise Kosovo.",
        ("serbia", "recognized", "kosovo"),
        s("serbia", "recognized", "kosovo", HYPOTHETICAL),
    ),
    not_asserted(
        "refused-to-sanction",
        "Turkey, a NATO member, has refused to join Western sanctions against Russia.",
        ("turkey", "sanctioned", "russia"),
        s("turkey", "memberOf", NATO),
        s("turkey", "sanctioned", "russia", NEGATED),
        gap="refusing to join sanctions yields no negated sanction",
    ),
    not_asserted(
        "topic-of-talks-not-met",
        "Japanese and South Korean officials discussed North Korea at talks in Seoul.",
        ("japan-government", "metWith", "north-korea"),
        s("japan-government", "metWith", "south-korea-government"),
    ),
    not_asserted(
        "topic-of-meeting-not-met",
        "The leaders of France and Germany discussed Russia at a meeting in Berlin on Friday.",
        ("france", "metWith", "russia"),
        s("france", "metWith", "germany", time=FRI),
    ),
    not_asserted(
        "topic-of-call-not-met",
        "Foreign Minister Wang Yi and Secretary of State Antony Blinken discussed Taiwan in a phone call.",
        ("antony-blinken", "metWith", "taiwan"),
        s("antony-blinken", "metWith", "wang-yi"),
        s("antony-blinken", "officialOf", US),
        s("wang-yi", "officialOf", "china"),
        gap="a phone call between two ministers is not read as consultation (metWith)",
    ),
    not_asserted(
        "denied-presence",
        "The Kremlin denied that Russian troops were operating in Niger.",
        ("russia", "hasMilitaryPresenceIn", "niger"),
        s("russia", "hasMilitaryPresenceIn", "niger", NEGATED),
    ),
    not_asserted(
        "will-not-send-aid",
        "Hungary will not send weapons to Ukraine, Prime Minister Viktor Orban said.",
        ("hungary", "providesAidTo", "ukraine"),
        s("hungary", "providesAidTo", "ukraine", NEGATED),
        s("viktor-orban", "leaderOf", "hungary"),
    ),
    not_asserted(
        "not-ruled-out-is-not-presence",
        "French President Emmanuel Macron said last month that sending Western troops "
        "to Ukraine could not be ruled out.",
        ("france", "hasMilitaryPresenceIn", "ukraine"),
        s("emmanuel-macron", "leaderOf", "france"),
    ),
    not_asserted(
        "suggestion-is-not-presence",
        "The Kremlin rejected a French suggestion that Western troops could be sent to Ukraine.",
        ("france", "hasMilitaryPresenceIn", "ukraine"),
        s("russia", "rejected", "france"),
    ),
    not_asserted(
        "wants-to-join",
        "Georgia's ruling party says it wants to join the European Union.",
        ("georgia", "joined", EU),
        s("georgia", "joined", EU, FUTURE),
        s("georgia", "memberOf", EU, FUTURE),
    ),
    not_asserted(
        "denied-supplying",
        "Beijing denied supplying weapons to Russia.",
        ("china", "providesAidTo", "russia"),
        s("china", "providesAidTo", "russia", NEGATED),
        gap="supplying weapons is coded twice, as providesAidTo and exportsTo",
    ),
    not_asserted(
        "bid-for-membership-not-member",
        "Kosovo's bid for United Nations membership is blocked by Serbia and Russia.",
        ("kosovo", "memberOf", UN),
        s("kosovo", "memberOf", UN, FUTURE),
        s("kosovo", "requested", UN),
        s("russia", "rejected", "kosovo"),
        s("serbia", "rejected", "kosovo"),
        gap="'blocked' a bid is also read as coercion, and a bid for membership states no request",
    ),
    not_asserted(
        "never-accept-not-recognised",
        "Israeli Prime Minister Benjamin Netanyahu said Israel would never accept a Palestinian state.",
        ("israel", "recognized", "palestine"),
        s("benjamin-netanyahu", "leaderOf", "israel"),
        s("israel", "recognized", "palestine", NEGATED),
        gap="'would never accept a Palestinian state' yields no negated recognition",
    ),
    not_asserted(
        "set-to-receive-is-future",
        "Ukraine is set to receive its first F-16 fighter jets from Denmark this summer.",
        ("denmark", "providesAidTo", "ukraine"),
        s("denmark", "providesAidTo", "ukraine", FUTURE, THIS_YEAR),
        gap="receiving from a giver ('receive jets from Denmark') is not read as the giver's aid",
    ),
    not_asserted(
        "warning-of-possible-attack",
        "Polish President Andrzej Duda warned that Russia could attack NATO within a few years.",
        ("russia", "attacked", NATO),
        s("andrzej-duda", "leaderOf", "poland"),
        s("russia", "attacked", NATO, HYPOTHETICAL),
    ),
    not_asserted(
        "denied-shelling",
        "Azerbaijan denied that its forces had shelled Armenian positions on Tuesday.",
        ("azerbaijan", "attacked", "armenia"),
        s("azerbaijan-military", "attacked", "armenia", NEGATED, TUE),
    ),
    not_asserted(
        "request-refused-is-not-aid",
        "Kyiv asked Berlin again on Monday for Taurus cruise missiles. Chancellor Olaf "
        "Scholz has refused to send them.",
        ("germany", "providesAidTo", "ukraine"),
        s("olaf-scholz", "leaderOf", "germany"),
        s("olaf-scholz", "providesAidTo", "ukraine", NEGATED),
        s("olaf-scholz", "rejected", "ukraine"),
        s("ukraine", "requested", "germany", time=MON),
        gap="'has refused to send them' yields neither the refusal nor the negated aid",
    ),
    not_asserted(
        "visitor-does-not-lead-host-country",
        "King Charles began a state visit to Kenya on Tuesday.",
        ("charles", "leaderOf", "kenya"),
        s("charles-iii", "leaderOf", UK),
        s("charles-iii", "visited", "kenya", time=TUE),
        gap="the title in 'King Charles' gives no leaderOf of the country the gazetteer gives him",
    ),
    not_asserted(
        "criticised-support-is-not-support",
        "Germany's foreign minister, Annalena Baerbock, sharply criticised China on "
        "Monday over its support for Russia.",
        ("annalena-baerbock", "supports", "russia"),
        s("annalena-baerbock", "criticized", "china", time=MON),
        s("annalena-baerbock", "officialOf", "germany"),
        s("china", "supports", "russia"),
        gap="the support criticised takes the date of the criticism",
    ),
    not_asserted(
        "threat-to-annex-not-annexation",
        "Venezuela's threat to annex a disputed region of Guyana alarmed Brazil.",
        ("venezuela", "coerced", "guyana"),
        s("venezuela", "coerced", "guyana", HYPOTHETICAL),
        s("venezuela", "threatened", "guyana"),
        gap="a nominal threat to annex yields neither the threat nor the hypothetical annexation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_CASES)
def test_news_sentence_yields_exactly_its_statements(statements, text, expected):
    assert_reads(statements(text), expected)


@pytest.mark.parametrize(("text", "guarded", "expected"), NOT_ASSERTED)
def test_news_sentence_does_not_assert(statements, text, guarded, expected):
    found = statements(text)
    assert guarded not in asserted(found), f"asserted {guarded}"
    assert_reads(found, expected)


def test_no_case_expects_what_it_guards():
    wrong = [
        param.id for param in NOT_ASSERTED if any(param.values[1] in asserted(reading) for reading in param.values[2])
    ]
    assert wrong == []


def test_case_ids_are_unique():
    ids = [param.id for param in NEWS_CASES + NOT_ASSERTED]
    assert len(ids) == len(set(ids))
