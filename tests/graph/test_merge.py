"""Merging documents into one graph: one node per actor, stable IRIs, rebuilds replace statements."""

from __future__ import annotations

import datetime
import hashlib

import pytest
import rdflib  # rdflib.XSD: a module-level XSD name makes pytest's collection warn
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

import kg
from kg.graph.namespace import GKD, GKE, GKG, GKS, WD
from kg.graph.ontology import validate
from kg.records import Document

UZBEKISTAN = GKE["uzbekistan"]
CSTO = GKE["collective-security-treaty-organization"]
KURBANOV = GKE["bakhodir-kurbanov"]
UNITED_STATES = GKE["united-states"]

WITHDRAWAL = Document("withdrawal", "Tashkent pulled out of the CSTO in 2012.")
DEFENCE_TALKS = Document(
    "defence-talks",
    "Uzbekistan's Defence Minister Bakhodir Kurbanov met US officials in Washington on "
    "26 September 2023. Kurbanov said Uzbekistan would deepen cooperation with the United States.",
    date=datetime.date(2023, 9, 27),
)


def build(documents: list[Document], nlp, graph: kg.KnowledgeGraph | None = None) -> kg.KnowledgeGraph:
    """Build (or add to) a graph, and check it against the SHACL shapes."""
    knowledge_graph = kg.build_graph(documents, nlp=nlp, graph=graph)
    conforms, report = validate(knowledge_graph.graph)
    assert conforms, report
    return knowledge_graph


def statements(graph: rdflib.Graph, subject: URIRef, predicate: URIRef, obj: URIRef) -> set[URIRef]:
    """Statement nodes of one (subject, predicate, object)."""
    return {
        node
        for node in graph.subjects(RDF.subject, subject)
        if (node, RDF.predicate, predicate) in graph and (node, RDF.object, obj) in graph
    }


def names(graph: rdflib.Graph, node: URIRef) -> set[str]:
    """Every label, alternative label and demonym of a node."""
    return {str(name) for term in (RDFS.label, SKOS.altLabel, GKG.demonym) for name in graph.objects(node, term)}


def derived_from(graph: rdflib.Graph, node: URIRef) -> URIRef:
    return graph.value(node, PROV.wasDerivedFrom)


# ---------------------------------------------------------------------- one node per actor


@pytest.fixture(scope="module")
def uzbek_graph(nlp) -> kg.KnowledgeGraph:
    """A capital's metonym in one document, the country's name in another."""
    return build([WITHDRAWAL, DEFENCE_TALKS], nlp)


def test_actor_named_differently_is_one_node(uzbek_graph: kg.KnowledgeGraph) -> None:
    graph = uzbek_graph.graph

    assert set(graph.subjects(OWL.sameAs, WD["Q265"])) == {UZBEKISTAN}
    assert set(graph.objects(UZBEKISTAN, OWL.sameAs)) == {WD["Q265"]}
    assert set(graph.objects(UZBEKISTAN, RDF.type)) == {GKG.Country}
    assert set(graph.objects(UZBEKISTAN, RDFS.label)) == {Literal("Uzbekistan", lang="en")}
    assert Literal("Republic of Uzbekistan", lang="en") in set(graph.objects(UZBEKISTAN, SKOS.altLabel))
    assert graph.value(UZBEKISTAN, GKG.iso3166Alpha3) == Literal("UZB")
    assert (None, RDFS.label, Literal("Tashkent", lang="en")) not in graph


def test_metonym_stays_on_the_statement_not_the_country(uzbek_graph: kg.KnowledgeGraph) -> None:
    graph = uzbek_graph.graph

    assert "Tashkent" not in names(graph, UZBEKISTAN)
    (withdrawal,) = statements(graph, UZBEKISTAN, GKG.withdrewFrom, CSTO)
    assert graph.value(withdrawal, GKG.subjectText) == Literal("Tashkent")
    assert graph.value(withdrawal, GKG.objectText) == Literal("CSTO")


def test_statements_of_both_documents_point_to_the_one_node(uzbek_graph: kg.KnowledgeGraph) -> None:
    graph = uzbek_graph.graph

    (withdrawal,) = statements(graph, UZBEKISTAN, GKG.withdrewFrom, CSTO)
    (office,) = statements(graph, KURBANOV, GKG.officialOf, UZBEKISTAN)
    assert derived_from(graph, withdrawal) == GKD["withdrawal"]
    assert derived_from(graph, office) == GKD["defence-talks"]
    assert graph.value(office, GKG.role) == Literal("Defence Minister")
    assert (UZBEKISTAN, GKG.withdrewFrom, CSTO) in graph
    assert (KURBANOV, GKG.officialOf, UZBEKISTAN) in graph
    documents_naming_uzbekistan = {
        derived_from(graph, node)
        for position in (RDF.subject, RDF.object)
        for node in graph.subjects(position, UZBEKISTAN)
    }
    assert documents_naming_uzbekistan == {GKD["withdrawal"], GKD["defence-talks"]}
    # No second node for the country under another name.
    assert set(graph.subjects(RDFS.label, Literal("Uzbekistan", lang="en"))) == {UZBEKISTAN}
    assert (GKE["tashkent"], None, None) not in graph
    assert (GKE["republic-of-uzbekistan"], None, None) not in graph


def test_future_statement_adds_no_truthy_triple(uzbek_graph: kg.KnowledgeGraph) -> None:
    graph = uzbek_graph.graph

    (cooperation,) = statements(graph, UNITED_STATES, GKG.cooperatesWith, UZBEKISTAN)
    assert graph.value(cooperation, GKG.modality) == GKG.Future
    assert (UNITED_STATES, GKG.cooperatesWith, UZBEKISTAN) not in graph
    assert (UZBEKISTAN, GKG.cooperatesWith, UNITED_STATES) not in graph


def test_unknown_actors_get_the_same_iri_from_two_documents(nlp) -> None:
    first = Document("yerevan-brief", "Armenia's Foreign Minister Varek Dolmani criticized Azerbaijan in 2021.")
    second = Document("paris-trip", "Armenia's Foreign Minister Varek Dolmani visited France in March 2022.")
    council_first = Document("council-1", "The Velmoran Trade Council criticized Russia in 2020.")
    council_second = Document("council-2", "Russia rejected the Velmoran Trade Council in 2021.")

    graph = build([first, second, council_first, council_second], nlp).graph

    dolmani, council = GKE["varek-dolmani"], GKE["velmoran-trade-council"]
    assert set(graph.objects(dolmani, RDF.type)) == {GKG.Person}
    assert set(graph.objects(dolmani, RDFS.label)) == {Literal("Varek Dolmani", lang="en")}
    assert set(graph.objects(council, RDF.type)) == {GKG.Organization}
    assert set(graph.objects(council, RDFS.label)) == {Literal("Velmoran Trade Council", lang="en")}
    for node in (dolmani, council):
        assert (node, OWL.sameAs, None) not in graph
    assert (dolmani, GKG.criticized, GKE["azerbaijan"]) in graph
    assert (dolmani, GKG.visited, GKE["france"]) in graph
    assert (council, GKG.criticized, GKE["russia"]) in graph
    assert (GKE["russia"], GKG.rejected, council) in graph
    assert {derived_from(graph, node) for node in statements(graph, dolmani, GKG.officialOf, GKE["armenia"])} == {
        GKD["yerevan-brief"],
        GKD["paris-trip"],
    }
    # Only one node carries each name.
    assert set(graph.subjects(RDFS.label, Literal("Varek Dolmani", lang="en"))) == {dolmani}
    assert set(graph.subjects(RDFS.label, Literal("Velmoran Trade Council", lang="en"))) == {council}


def test_person_named_like_a_country_is_a_separate_node(nlp) -> None:
    visit = Document("katz-visit", "Israel's Defence Minister Israel Katz visited Cyprus on 26 September 2023.")
    sanctions = Document("sanctions", "Israel sanctioned Iran in 2019.")

    graph = build([visit, sanctions], nlp).graph

    katz, israel = GKE["israel-katz"], GKE["israel"]
    assert set(graph.objects(katz, RDF.type)) == {GKG.Person}
    assert set(graph.objects(katz, RDFS.label)) == {Literal("Israel Katz", lang="en")}
    assert (katz, OWL.sameAs, None) not in graph
    assert (katz, GKG.iso3166Alpha3, None) not in graph
    assert names(graph, katz) == {"Israel Katz"}
    assert set(graph.objects(israel, RDF.type)) == {GKG.Country}
    assert set(graph.objects(israel, OWL.sameAs)) == {WD["Q801"]}
    assert "Israel Katz" not in names(graph, israel)
    assert (katz, GKG.officialOf, israel) in graph
    assert (katz, GKG.visited, GKE["cyprus"]) in graph
    assert (israel, GKG.sanctioned, GKE["iran"]) in graph
    assert (israel, GKG.visited, GKE["cyprus"]) not in graph
    assert (katz, GKG.sanctioned, GKE["iran"]) not in graph


# ---------------------------------------------------------------------- rebuilding a document


def test_rebuilt_document_replaces_its_statements(nlp) -> None:
    briefing = Document("briefing", "Russia criticized Moldova in 2020. Turkey sanctioned Iran in 2019.")
    digest = Document("digest", "Russia criticized Moldova in 2021.")
    russia, moldova, turkey, iran = (GKE[key] for key in ("russia", "moldova", "turkey", "iran"))
    knowledge_graph = build([briefing, digest], nlp)
    graph = knowledge_graph.graph
    old_statements = set(knowledge_graph.statements_from("briefing"))
    assert len(old_statements) == 2
    assert (turkey, GKG.sanctioned, iran) in graph

    revised = Document("briefing", "Armenia visited France in 2022.")
    build([revised], nlp, graph=knowledge_graph)

    for node in old_statements:
        assert (node, None, None) not in graph
        assert (None, None, node) not in graph
    # Only the old text supported this one...
    assert (turkey, GKG.sanctioned, iran) not in graph
    assert statements(graph, turkey, GKG.sanctioned, iran) == set()
    # ...while the digest still supports this one.
    assert (russia, GKG.criticized, moldova) in graph
    assert {derived_from(graph, node) for node in statements(graph, russia, GKG.criticized, moldova)} == {GKD["digest"]}
    (visit,) = knowledge_graph.statements_from("briefing")
    assert (visit, RDF.subject, GKE["armenia"]) in graph
    assert (GKE["armenia"], GKG.visited, GKE["france"]) in graph
    assert knowledge_graph.documents() == ["briefing", "digest"]
    assert graph.value(GKD["briefing"], rdflib.namespace.DCTERMS.identifier) == Literal("briefing")


def test_rebuilding_unchanged_document_changes_nothing(nlp) -> None:
    knowledge_graph = build([WITHDRAWAL, DEFENCE_TALKS], nlp)
    before = rdflib.Graph()
    for triple in knowledge_graph.graph:
        before.add(triple)

    build([WITHDRAWAL], nlp, graph=knowledge_graph)

    assert isomorphic(knowledge_graph.graph, before)


# ---------------------------------------------------------------------- stability


def test_same_documents_twice_give_isomorphic_graphs(nlp) -> None:
    documents = [
        WITHDRAWAL,
        DEFENCE_TALKS,
        Document("katz-visit", "Israel's Defence Minister Israel Katz visited Cyprus on 26 September 2023."),
    ]

    first = build(documents, nlp)
    second = build(list(reversed(documents)), nlp)

    assert len(first) == len(second)
    assert isomorphic(first.graph, second.graph)


def test_statement_iris_are_stable(nlp, uzbek_graph: kg.KnowledgeGraph) -> None:
    again = build([WITHDRAWAL, DEFENCE_TALKS], nlp)

    assert set(uzbek_graph.graph.subjects(RDF.type, GKG.Statement)) == set(
        again.graph.subjects(RDF.type, GKG.Statement)
    )
    # A hash of subject, predicate, object, document and evidence span: the same in every run.
    key = "uzbekistan|withdrewFrom|collective-security-treaty-organization|withdrawal|0|40"
    expected = GKS[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]
    assert expected == GKS["525a19cb7cb73f341125"]
    assert statements(again.graph, UZBEKISTAN, GKG.withdrewFrom, CSTO) == {expected}


def test_same_sentence_in_two_documents_gives_two_statements(nlp) -> None:
    copy = Document("withdrawal-copy", WITHDRAWAL.text)

    graph = build([WITHDRAWAL, copy], nlp).graph

    nodes = statements(graph, UZBEKISTAN, GKG.withdrewFrom, CSTO)
    assert len(nodes) == 2
    assert {derived_from(graph, node) for node in nodes} == {GKD["withdrawal"], GKD["withdrawal-copy"]}


# ---------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, subject, predicate, obj, literal",
    [
        (
            WITHDRAWAL.text,
            "uzbekistan",
            "withdrewFrom",
            "collective-security-treaty-organization",
            Literal("2012", datatype=rdflib.XSD.gYear),
        ),
        (
            "Armenia's Foreign Minister Varek Dolmani visited France in March 2022.",
            "varek-dolmani",
            "visited",
            "france",
            Literal("2022-03", datatype=rdflib.XSD.gYearMonth),
        ),
        (
            "Israel's Defence Minister Israel Katz visited Cyprus on 26 September 2023.",
            "israel-katz",
            "visited",
            "cyprus",
            Literal("2023-09-26", datatype=rdflib.XSD.date),
        ),
    ],
    ids=["year", "month", "day"],
)
def test_dates_are_typed_by_precision(nlp, text: str, subject: str, predicate: str, obj: str, literal: Literal) -> None:
    graph = build([Document("dated", text)], nlp).graph

    (node,) = statements(graph, GKE[subject], GKG[predicate], GKE[obj])
    assert list(graph.objects(node, GKG.pointInTime)) == [literal]
    assert graph.value(node, GKG.pointInTime).datatype == literal.datatype


def test_withdrawal_year_ends_the_membership(uzbek_graph: kg.KnowledgeGraph) -> None:
    graph = uzbek_graph.graph

    (membership,) = statements(graph, UZBEKISTAN, GKG.memberOf, CSTO)
    assert list(graph.objects(membership, GKG.endTime)) == [Literal("2012", datatype=rdflib.XSD.gYear)]
    assert (membership, GKG.pointInTime, None) not in graph


def test_an_unknown_actor_is_linked_to_the_country_the_text_gives_it(nlp):
    graph = kg.build_graph(["Russian Deputy Minister Oleg Varkov met the Kazakh envoy in Astana."], nlp=nlp)
    rows = graph.query("SELECT ?person ?country WHERE { ?person a gkg:Person ; gkg:country ?country }")
    assert rows.to_dict("records") == [
        {
            "person": "Oleg Varkov",
            "person_iri": "https://w3id.org/geokg/entity/oleg-varkov",
            "country": "Russia",
            "country_iri": "https://w3id.org/geokg/entity/russia",
        }
    ]
    assert graph.validate()[0]
