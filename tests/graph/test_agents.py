"""Agents in the graph: typed nodes with country and sector; truthy triples reach the country."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from kg.graph.build import add_document, add_relation, remove_document
from kg.graph.namespace import GKE, GKG
from kg.graph.ontology import validate
from kg.records import Document, Entity, Relation

RUSSIA = Entity("russia", "Russia", "Country", iso3="RUS")
UKRAINE = Entity("ukraine", "Ukraine", "Country", iso3="UKR")
EGYPT = Entity("egypt", "Egypt", "Country", iso3="EGY")
RUSSIAN_MILITARY = Entity("russia-military", "Russia (military)", "Agent", country="russia", sector="Military")
UKRAINIAN_MILITARY = Entity("ukraine-military", "Ukraine (military)", "Agent", country="ukraine", sector="Military")
EGYPTIAN_POLICE = Entity("egypt-police", "Egypt (police)", "Agent", country="egypt", sector="Police")
EGYPTIAN_PROTESTERS = Entity("egypt-protesters", "Egypt (protesters)", "Agent", country="egypt", sector="Protesters")


def statement(
    subject: Entity, predicate: str, obj: Entity, document: str = "d1", modality: str = "Asserted"
) -> Relation:
    countries = tuple({e.key: e for e in (RUSSIA, UKRAINE, EGYPT) if e.key in {subject.country, obj.country}}.values())
    return Relation(
        subject,
        predicate,
        obj,
        document,
        "Evidence.",
        0,
        9,
        subject.label,
        obj.label,
        modality=modality,
        confidence=0.8,
        countries=countries,
    )


def truthy(graph: Graph) -> set[tuple[str, str, str]]:
    """Every triple between entities whose predicate is a relation of the vocabulary."""
    names = {str(GKG[r]) for r in ("attacked", "coerced", "metWith", "criticized")}
    return {
        (s.split("/")[-1], p.split("#")[-1], o.split("/")[-1])
        for s, p, o in graph
        if str(p) in names and str(s).startswith(str(GKE))
    }


def test_agent_node_has_type_label_country_and_sector() -> None:
    graph = Graph()
    add_document(graph, Document("d1", "Evidence."))
    add_relation(graph, statement(RUSSIAN_MILITARY, "attacked", UKRAINE), "0.1.0")
    node = GKE["russia-military"]
    assert set(graph.objects(node, RDF.type)) == {GKG.Agent}
    assert set(graph.objects(node, RDFS.label)) == {Literal("Russia (military)", lang="en")}
    assert set(graph.objects(node, GKG.country)) == {GKE.russia}
    assert set(graph.objects(node, GKG.sector)) == {GKG.Military}
    assert set(graph.objects(GKE.russia, RDF.type)) == {GKG.Country}
    conforms, report = validate(graph)
    assert conforms, report


def test_agent_against_another_country_also_links_its_country() -> None:
    graph = Graph()
    add_relation(graph, statement(RUSSIAN_MILITARY, "attacked", UKRAINIAN_MILITARY), "0.1.0")
    assert truthy(graph) == {("russia-military", "attacked", "ukraine-military"), ("russia", "attacked", "ukraine")}


def test_agent_against_a_country_lifts_the_agent_side_only() -> None:
    graph = Graph()
    add_relation(graph, statement(RUSSIAN_MILITARY, "attacked", UKRAINE), "0.1.0")
    assert truthy(graph) == {("russia-military", "attacked", "ukraine"), ("russia", "attacked", "ukraine")}


def test_domestic_event_between_agents_of_one_country_stays_between_them() -> None:
    graph = Graph()
    add_relation(graph, statement(EGYPTIAN_POLICE, "coerced", EGYPTIAN_PROTESTERS), "0.1.0")
    assert truthy(graph) == {("egypt-police", "coerced", "egypt-protesters")}


def test_agent_and_its_own_country_make_no_lifted_self_loop() -> None:
    graph = Graph()
    add_relation(graph, statement(EGYPTIAN_PROTESTERS, "criticized", EGYPT), "0.1.0")
    assert truthy(graph) == {("egypt-protesters", "criticized", "egypt")}


def test_symmetric_relation_lifted_in_canonical_order() -> None:
    graph = Graph()
    add_relation(graph, statement(UKRAINIAN_MILITARY, "metWith", RUSSIAN_MILITARY), "0.1.0")
    assert truthy(graph) == {("ukraine-military", "metWith", "russia-military"), ("russia", "metWith", "ukraine")}


@pytest.mark.parametrize("modality", ["Negated", "Hypothetical", "Future"])
def test_unasserted_agent_statement_gives_no_truthy_triple(modality: str) -> None:
    graph = Graph()
    add_relation(graph, statement(RUSSIAN_MILITARY, "attacked", UKRAINE, modality=modality), "0.1.0")
    assert truthy(graph) == set()


def test_removing_a_document_removes_the_lifted_triple_only_it_supported() -> None:
    graph = Graph()
    add_relation(graph, statement(RUSSIAN_MILITARY, "attacked", UKRAINE, "d1"), "0.1.0")
    add_relation(graph, statement(RUSSIA, "attacked", UKRAINE, "d2"), "0.1.0")
    add_relation(graph, statement(RUSSIAN_MILITARY, "attacked", UKRAINIAN_MILITARY, "d3"), "0.1.0")
    remove_document(graph, "d2")
    assert truthy(graph) == {
        ("russia-military", "attacked", "ukraine"),
        ("russia", "attacked", "ukraine"),
        ("russia-military", "attacked", "ukraine-military"),
    }
    remove_document(graph, "d1")
    assert truthy(graph) == {("russia-military", "attacked", "ukraine-military"), ("russia", "attacked", "ukraine")}
    remove_document(graph, "d3")
    assert truthy(graph) == set()
