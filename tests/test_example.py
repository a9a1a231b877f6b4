"""Acceptance: the graph of the example article says what an analyst reads in it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

import kg
from kg.graph.namespace import GKD, GKE, GKG, WD
from kg.graph.ontology import validate

EXAMPLE_ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "uzbekistan-us-defence-2023.txt"
EXAMPLE_DATE = datetime.date(2023, 9, 27)  # the date conftest.example_graph is built with
UZBEKISTAN = GKE["uzbekistan"]
CSTO = GKE["collective-security-treaty-organization"]
RUSSIA = GKE["russia"]
ARMENIA = GKE["armenia"]
UNITED_STATES = GKE["united-states"]
CENTCOM = GKE["united-states-central-command"]
KURILLA = GKE["michael-kurilla"]
MIRZIYOYEV = GKE["shavkat-mirziyoyev"]
MAKHMUDOV = GKE["viktor-makhmudov"]
KURBANOV = GKE["bahodir-kurbanov"]


def _xsd(name: str) -> URIRef:
    # Not imported at module level: pytest probes module globals, and the open XSD
    # namespace warns on every unknown attribute.
    from rdflib.namespace import XSD

    return XSD[name]


XSD_DATE, XSD_GYEAR = _xsd("date"), _xsd("gYear")
DOCUMENT_ID = "uzbekistan-us-defence-2023"
DOCUMENT = GKD[DOCUMENT_ID]


def statements(
    graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef, *, symmetric: bool = False
) -> list[URIRef]:
    """Statement nodes of subject-predicate-object (either direction when symmetric)."""
    pairs = [(subject, obj), (obj, subject)] if symmetric else [(subject, obj)]
    found = []
    for first, second in pairs:
        for node in graph.subjects(RDF.subject, first):
            if (node, RDF.predicate, predicate) in graph and (node, RDF.object, second) in graph:
                found.append(node)
    return sorted(set(found))


def times(graph: Graph, statement: URIRef) -> list[str]:
    """The point in time, start and end of a statement, as lexical values."""
    return [
        str(value) for term in (GKG.pointInTime, GKG.startTime, GKG.endTime) for value in graph.objects(statement, term)
    ]


def truthy(graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef, *, symmetric: bool = False) -> bool:
    if (subject, predicate, obj) in graph:
        return True
    return symmetric and (obj, predicate, subject) in graph


def asserted_statements(
    graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef, *, symmetric: bool = False
) -> Iterator[URIRef]:
    for node in statements(graph, subject, predicate, obj, symmetric=symmetric):
        if (node, GKG.modality, GKG.Asserted) in graph:
            yield node


@pytest.fixture(scope="module")
def graph(example_graph: kg.KnowledgeGraph) -> Graph:
    return example_graph.graph


# ---------------------------------------------------------------------- relations


def test_uzbekistan_withdrew_from_csto_in_2012(graph: Graph) -> None:
    assert (UZBEKISTAN, GKG.withdrewFrom, CSTO) in graph
    (statement,) = asserted_statements(graph, UZBEKISTAN, GKG.withdrewFrom, CSTO)
    assert set(graph.objects(statement, GKG.pointInTime)) == {Literal("2012", datatype=XSD_GYEAR)}


def test_uzbekistan_was_a_member_of_csto(graph: Graph) -> None:
    assert (UZBEKISTAN, GKG.memberOf, CSTO) in graph


def test_russia_leads_csto(graph: Graph) -> None:
    assert (RUSSIA, GKG.leads, CSTO) in graph
    assert list(asserted_statements(graph, RUSSIA, GKG.leads, CSTO))


def test_kurilla_visited_uzbekistan_in_2022_and_on_2023_09_26(graph: Graph) -> None:
    assert (KURILLA, GKG.visited, UZBEKISTAN) in graph
    visits = [times(graph, node) for node in asserted_statements(graph, KURILLA, GKG.visited, UZBEKISTAN)]
    assert any(any(value.startswith("2022") for value in dates) for dates in visits), visits
    assert any("2023-09-26" in dates for dates in visits), visits
    assert len(visits) == 2, visits


@pytest.mark.parametrize("host", [MIRZIYOYEV, MAKHMUDOV], ids=["mirziyoyev", "makhmudov"])
def test_kurilla_met_uzbek_leaders_in_2022(graph: Graph, host: URIRef) -> None:
    assert truthy(graph, KURILLA, GKG.metWith, host, symmetric=True)
    meetings = [times(graph, node) for node in asserted_statements(graph, KURILLA, GKG.metWith, host, symmetric=True)]
    assert any(any(value.startswith("2022") for value in dates) for dates in meetings), meetings


@pytest.mark.parametrize(
    "first, second",
    [(KURILLA, MIRZIYOYEV), (KURILLA, MAKHMUDOV), (UNITED_STATES, UZBEKISTAN)],
    ids=["kurilla-mirziyoyev", "kurilla-makhmudov", "us-uzbekistan"],
)
def test_symmetric_relations_are_stored_in_canonical_order(graph: Graph, first: URIRef, second: URIRef) -> None:
    for predicate in (GKG.metWith, GKG.cooperatesWith):
        for subject, obj in ((first, second), (second, first)):
            if (subject, predicate, obj) in graph:
                assert str(subject) < str(obj), (subject, predicate, obj)


def test_kurbanov_is_uzbekistans_defence_minister(graph: Graph) -> None:
    assert (KURBANOV, GKG.officialOf, UZBEKISTAN) in graph
    roles = {
        str(role)
        for node in asserted_statements(graph, KURBANOV, GKG.officialOf, UZBEKISTAN)
        for role in graph.objects(node, GKG.role)
    }
    assert "Defence Minister" in roles


def test_kurilla_leads_central_command(graph: Graph) -> None:
    assert (KURILLA, GKG.leaderOf, CENTCOM) in graph


def test_mirziyoyev_leads_uzbekistan(graph: Graph) -> None:
    assert (MIRZIYOYEV, GKG.leaderOf, UZBEKISTAN) in graph


def test_uzbekistan_cooperates_with_united_states(graph: Graph) -> None:
    assert truthy(graph, UZBEKISTAN, GKG.cooperatesWith, UNITED_STATES, symmetric=True)


def test_united_states_has_military_presence_in_uzbekistan(graph: Graph) -> None:
    assert (UNITED_STATES, GKG.hasMilitaryPresenceIn, UZBEKISTAN) in graph


def test_russia_threatened_armenia(graph: Graph) -> None:
    assert (RUSSIA, GKG.threatened, ARMENIA) in graph


def test_speculation_about_an_alliance_is_not_an_alliance(graph: Graph) -> None:
    assert not truthy(graph, UZBEKISTAN, GKG.alliedWith, UNITED_STATES, symmetric=True)


# ---------------------------------------------------------------------- documents, evidence


def test_document_node_has_identifier_and_date(graph: Graph) -> None:
    assert (DOCUMENT, RDF.type, GKG.Document) in graph
    assert graph.value(DOCUMENT, DCTERMS.identifier) == Literal(DOCUMENT_ID)
    assert graph.value(DOCUMENT, DCTERMS.date) == Literal(EXAMPLE_DATE.isoformat(), datatype=XSD_DATE)


def test_every_statement_evidence_is_the_text_between_its_offsets(graph: Graph) -> None:
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    nodes = list(graph.subjects(RDF.type, GKG.Statement))
    assert nodes
    for node in nodes:
        start = graph.value(node, GKG.charStart).toPython()
        end = graph.value(node, GKG.charEnd).toPython()
        assert (node, RDF.type, RDF.Statement) in graph
        assert (node, GKG.modality, None) in graph
        assert str(graph.value(node, GKG.evidence)) == text[start:end], node


def test_every_statement_comes_from_the_document(graph: Graph) -> None:
    for node in graph.subjects(RDF.type, GKG.Statement):
        assert graph.value(node, PROV.wasDerivedFrom) == DOCUMENT


# ---------------------------------------------------------------------- entity nodes


def test_uzbekistan_entity_node_has_names_codes_and_links(graph: Graph) -> None:
    assert (UZBEKISTAN, RDF.type, GKG.Country) in graph
    assert list(graph.objects(UZBEKISTAN, RDFS.label)) == [Literal("Uzbekistan", lang="en")]
    assert (UZBEKISTAN, OWL.sameAs, WD["Q265"]) in graph
    assert (UZBEKISTAN, GKG.iso3166Alpha3, Literal("UZB")) in graph
    assert (UZBEKISTAN, GKG.demonym, Literal("Uzbek", lang="en")) in graph


def test_metonymic_capital_is_not_a_name_of_the_country(graph: Graph) -> None:
    names = {str(name) for term in (RDFS.label, SKOS.altLabel) for name in graph.objects(UZBEKISTAN, term)}
    assert "Tashkent" not in names


# ---------------------------------------------------------------------- whole graph


def test_graph_conforms_to_shapes(graph: Graph) -> None:
    conforms, report = validate(graph)
    assert conforms, report


def test_rebuilding_the_document_leaves_the_graph_unchanged(example_graph: kg.KnowledgeGraph, nlp) -> None:
    copy = kg.KnowledgeGraph(Graph() + example_graph.graph)
    kg.build_graph([EXAMPLE_ARTICLE], date=EXAMPLE_DATE, nlp=nlp, graph=copy)
    assert len(copy) == len(example_graph)
    assert isomorphic(copy.graph, example_graph.graph)


def test_withdrawal_query_on_exported_turtle(example_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    path = example_graph.serialize(tmp_path / "example.ttl")
    reloaded = kg.KnowledgeGraph.load(path)

    table = reloaded.query("""
        SELECT ?org ?year ?evidence WHERE {
          ?st rdf:subject gke:uzbekistan ; rdf:predicate gkg:withdrewFrom ; rdf:object ?org ;
              gkg:pointInTime ?year ; gkg:evidence ?evidence .
        }""")

    assert table[["org", "org_iri", "year_text", "evidence"]].to_dict("records") == [
        {
            "org": "Collective Security Treaty Organization",
            "org_iri": str(CSTO),
            "year_text": "2012",
            "evidence": "Tashkent pulled out of the CSTO in 2012.",
        }
    ]
