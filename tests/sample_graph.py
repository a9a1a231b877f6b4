"""A small graph written from records, so that queries, measures and views can be checked exactly.

Three documents (1994, 2012, 2023), ten actors of six types and fourteen statements:

    1994  Uzbekistan joined the CSTO (1994); Uzbekistan memberOf CSTO (from 1994)
    2012  Uzbekistan withdrewFrom CSTO (2012); Russia criticized Uzbekistan (undated);
          United States alliedWith Uzbekistan (Hypothetical, no truthy triple)
    2023  Russia threatened Armenia (2023-09); Russia's military attacked Ukraine (2023-09-20);
          Russia inConflictWith Ukraine (undated); United States cooperatesWith Uzbekistan
          (undated); Kurilla visited Uzbekistan (2023-09-26, evidence with markup);
          Mirziyoyev leaderOf Uzbekistan (President); Kurbanov officialOf the defence
          ministry (Defence Minister); Tashkent capitalOf Uzbekistan;
          Kurilla metWith Kurbanov (2023-09-26, Negated)
"""

from __future__ import annotations

import datetime

import kg
from kg.records import Document, Entity, Relation, TimeSpan

UZBEKISTAN = Entity("uzbekistan", "Uzbekistan", "Country", qid="Q265", iso3="UZB", demonyms=("Uzbek",))
RUSSIA = Entity("russia", "Russia", "Country", qid="Q159", iso3="RUS", aliases=("Russian Federation",))
UNITED_STATES = Entity("united-states", "United States", "Country", qid="Q30", iso3="USA")
ARMENIA = Entity("armenia", "Armenia", "Country", qid="Q399", iso3="ARM")
UKRAINE = Entity("ukraine", "Ukraine", "Country", qid="Q212", iso3="UKR")
CSTO = Entity(
    "collective-security-treaty-organization",
    "Collective Security Treaty Organization",
    "InternationalOrganization",
    qid="Q318693",
    abbreviations=("CSTO",),
)
RUSSIAN_MILITARY = Entity("russia-military", "Russia (military)", "Agent", country="russia", sector="Military")
MIRZIYOYEV = Entity("shavkat-mirziyoyev", "Shavkat Mirziyoyev", "Person", country="uzbekistan")
KURBANOV = Entity("bahodir-kurbanov", "Bahodir Kurbanov", "Person")
KURILLA = Entity("michael-kurilla", "Michael Kurilla", "Person", country="united-states")
DEFENCE_MINISTRY = Entity(
    "uzbekistan-ministry-of-defence", "Ministry of Defence of Uzbekistan", "GovernmentBody", country="uzbekistan"
)
TASHKENT = Entity("tashkent", "Tashkent", "Place", capital_of="uzbekistan", country="uzbekistan")

MARKUP = '<script>alert("x")</script>'
PACT = Document(
    "pact-1994",
    "Uzbekistan joined the CSTO in 1994 and has been a member since 1994.",
    date=datetime.date(1994, 5, 1),
    title="Uzbekistan joins the defence pact",
    source="https://news.example.org/1994/pact",
)
EXIT = Document(
    "exit-2012",
    "Tashkent pulled out of the CSTO in 2012. Moscow criticized Tashkent. "
    "Uzbekistan might ally with the United States.",
    date=datetime.date(2012, 6, 29),
    title="Tashkent quits the CSTO",
    source="https://news.example.org/2012/exit?id=7&lang=en",
)
VISIT = Document(
    "visit-2023",
    f"Kurilla visited Uzbekistan on September 26 {MARKUP}. Russia warned "
    "Armenia this month. Russian troops shelled Ukrainian positions on September 20 in a war "
    "against Ukraine. Washington and Tashkent cooperate. President Mirziyoyev leads "
    "Uzbekistan; Defence Minister Kurbanov. Tashkent is the capital. Kurilla did not meet "
    "Kurbanov.",
    date=datetime.date(2023, 9, 27),
    title=f"Kurilla in Tashkent {MARKUP}",
)

DOCUMENTS = (PACT, EXIT, VISIT)


def _relation(
    document: Document,
    subject: Entity,
    predicate: str,
    obj: Entity,
    evidence: str,
    *,
    time: TimeSpan | None = None,
    modality: str = "Asserted",
    confidence: float = 0.8,
    role: str | None = None,
    countries: tuple[Entity, ...] = (),
) -> Relation:
    start = document.text.find(evidence)
    assert start >= 0, evidence
    return Relation(
        subject,
        predicate,
        obj,
        document.id,
        evidence,
        start,
        start + len(evidence),
        subject.label,
        obj.label,
        time=time,
        modality=modality,
        confidence=confidence,
        role=role,
        countries=countries,
    )


RELATIONS = {
    PACT.id: (
        _relation(
            PACT,
            UZBEKISTAN,
            "joined",
            CSTO,
            "Uzbekistan joined the CSTO in 1994",
            time=TimeSpan("in 1994", point="1994"),
            confidence=0.9,
        ),
        _relation(
            PACT,
            UZBEKISTAN,
            "memberOf",
            CSTO,
            "has been a member since 1994",
            time=TimeSpan("since 1994", start="1994"),
            confidence=0.85,
        ),
    ),
    EXIT.id: (
        _relation(
            EXIT,
            UZBEKISTAN,
            "withdrewFrom",
            CSTO,
            "Tashkent pulled out of the CSTO in 2012.",
            time=TimeSpan("in 2012", point="2012"),
            confidence=0.95,
        ),
        _relation(EXIT, RUSSIA, "criticized", UZBEKISTAN, "Moscow criticized Tashkent.", confidence=0.7),
        _relation(
            EXIT,
            UNITED_STATES,
            "alliedWith",
            UZBEKISTAN,
            "Uzbekistan might ally with the United States.",
            modality="Hypothetical",
            confidence=0.5,
        ),
    ),
    VISIT.id: (
        _relation(
            VISIT,
            KURILLA,
            "visited",
            UZBEKISTAN,
            f"Kurilla visited Uzbekistan on September 26 {MARKUP}.",
            time=TimeSpan("on September 26", point="2023-09-26"),
            confidence=0.8,
            countries=(UNITED_STATES,),
        ),
        _relation(
            VISIT,
            RUSSIA,
            "threatened",
            ARMENIA,
            "Russia warned Armenia this month.",
            time=TimeSpan("this month", point="2023-09"),
            confidence=0.75,
        ),
        _relation(
            VISIT,
            RUSSIAN_MILITARY,
            "attacked",
            UKRAINE,
            "Russian troops shelled Ukrainian positions on September 20",
            time=TimeSpan("on September 20", point="2023-09-20"),
            confidence=0.85,
            countries=(RUSSIA,),
        ),
        _relation(VISIT, RUSSIA, "inConflictWith", UKRAINE, "in a war against Ukraine", confidence=0.65),
        _relation(
            VISIT, UNITED_STATES, "cooperatesWith", UZBEKISTAN, "Washington and Tashkent cooperate.", confidence=0.6
        ),
        _relation(
            VISIT,
            MIRZIYOYEV,
            "leaderOf",
            UZBEKISTAN,
            "President Mirziyoyev leads Uzbekistan",
            role="President",
            confidence=0.9,
            countries=(UZBEKISTAN,),
        ),
        _relation(
            VISIT,
            KURBANOV,
            "officialOf",
            DEFENCE_MINISTRY,
            "Defence Minister Kurbanov",
            role="Defence Minister",
            confidence=0.8,
            countries=(UZBEKISTAN,),
        ),
        _relation(
            VISIT,
            TASHKENT,
            "capitalOf",
            UZBEKISTAN,
            "Tashkent is the capital.",
            confidence=0.9,
            countries=(UZBEKISTAN,),
        ),
        _relation(
            VISIT,
            KURILLA,
            "metWith",
            KURBANOV,
            "Kurilla did not meet Kurbanov.",
            modality="Negated",
            confidence=0.7,
            time=TimeSpan("on September 26", point="2023-09-26"),
            countries=(UNITED_STATES,),
        ),
    ),
}


def sample_graph() -> kg.KnowledgeGraph:
    """A new graph of the three sample documents."""
    graph = kg.KnowledgeGraph()
    for document in DOCUMENTS:
        graph.add(document, RELATIONS[document.id], "0.0.0")
    return graph
