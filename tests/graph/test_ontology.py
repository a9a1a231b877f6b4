"""The ontology matches the namespace module, and the SHACL shapes enforce the RDF contract."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
import rdflib  # rdflib.XSD: a module-level XSD name makes pytest's collection warn
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

from kg.graph.namespace import (
    EVENT_RELATIONS,
    GKD,
    GKE,
    GKG,
    GKS,
    RELATIONS,
    STANDING_RELATIONS,
    SYMMETRIC_RELATIONS,
    WD,
    WDT,
    extractor_iri,
)
from kg.graph.ontology import (
    load_ontology,
    load_shapes,
    ontology_path,
    shapes_path,
    super_properties,
    validate,
    wikidata_alignment,
)

GKG_NS = str(GKG._NS)
GKG_TERMS = frozenset(GKG.__annotations__)
ONTOLOGY_IRI = URIRef(GKG_NS.rstrip("#"))
ENTITY_CLASSES = ("Country", "InternationalOrganization", "Person", "GovernmentBody", "Organization", "Agent")
SECTORS = (
    "Government",
    "Military",
    "Police",
    "Judiciary",
    "Legislature",
    "Opposition",
    "Rebels",
    "Protesters",
    "Civilians",
    "Media",
    "Business",
    "Religious",
    "Refugees",
    "Criminals",
)
MODALITIES = ("Asserted", "Negated", "Hypothetical", "Future")

ACTOR = {"Actor"}
ORG_OR_TREATY = {"InternationalOrganization", "Event"}
HEADED = {"Country", "InternationalOrganization", "Organization", "GovernmentBody"}
EXPECTED_DOMAIN_RANGE: dict[str, tuple[set[str], set[str]]] = {
    "memberOf": (ACTOR, {"InternationalOrganization"}),
    "leads": ({"Country"}, {"InternationalOrganization"}),
    "leaderOf": ({"Person"}, HEADED),
    "officialOf": ({"Person"}, HEADED),
    "capitalOf": ({"Place"}, {"Country"}),
    "locatedIn": ({"Place", "Organization", "InternationalOrganization"}, {"Place", "Country"}),
    "partOf": (
        {"GovernmentBody", "Organization", "InternationalOrganization"},
        {"Country", "Organization", "InternationalOrganization"},
    ),
    "sharesBorderWith": ({"Country"}, {"Country"}),
    "alliedWith": ({"Country"}, {"Country"}),
    "inConflictWith": (ACTOR, ACTOR),
    "participantIn": (ACTOR, {"Event"}),
    "hasMilitaryPresenceIn": ({"Country"}, {"Country"}),
    "diplomaticRelationsWith": ({"Country"}, {"Country"}),
    "exportsTo": ({"Country"}, {"Country"}),
    "joined": (ACTOR, ORG_OR_TREATY),
    "withdrewFrom": (ACTOR, ORG_OR_TREATY),
    "suspendedParticipationIn": (ACTOR, ORG_OR_TREATY),
    "visited": (ACTOR, {"Place", "Country"}),
    **{
        name: (ACTOR, ACTOR)
        for name in EVENT_RELATIONS
        if name not in {"joined", "withdrewFrom", "suspendedParticipationIn", "visited"}
    },
}

EXPECTED_EVENT_CODES: dict[str, tuple[set[str], set[str]]] = {
    "joined": (set(), set()),
    "withdrewFrom": ({"RETREAT"}, {"16"}),
    "suspendedParticipationIn": ({"RETREAT"}, {"16"}),
    "suspended": ({"SANCTION"}, {"16"}),
    "visited": ({"CONSULT"}, {"042"}),
    "metWith": ({"CONSULT"}, {"04"}),
    "agreedWith": ({"AGREE"}, {"03"}),
    "signedAgreementWith": ({"AGREE"}, {"057"}),
    "cooperatesWith": ({"COOPERATE"}, {"05", "06"}),
    "providesAidTo": ({"AID"}, {"07"}),
    "supports": ({"SUPPORT"}, {"05"}),
    "recognized": ({"SUPPORT"}, {"054"}),
    "concededTo": ({"CONCEDE"}, {"08"}),
    "requested": ({"REQUEST"}, {"02", "10"}),
    "criticized": ({"ACCUSE"}, {"11"}),
    "rejected": ({"REJECT"}, {"12"}),
    "threatened": ({"THREATEN"}, {"13"}),
    "protestedAgainst": ({"PROTEST"}, {"14"}),
    "mobilizedAgainst": ({"MOBILIZE"}, {"15"}),
    "sanctioned": ({"SANCTION"}, {"163"}),
    "severedRelationsWith": ({"SANCTION"}, {"161"}),
    "expelled": ({"SANCTION", "COERCE"}, {"166", "174"}),
    "coerced": ({"COERCE"}, {"17"}),
    "attacked": ({"ASSAULT"}, {"18", "19", "20"}),
}

DATE_TYPES = {rdflib.XSD.date, rdflib.XSD.gYearMonth, rdflib.XSD.gYear}
EXPECTED_QUALIFIER_RANGES: dict[str, set[URIRef]] = {
    "pointInTime": DATE_TYPES,
    "startTime": DATE_TYPES,
    "endTime": DATE_TYPES,
    "confidence": {rdflib.XSD.decimal},
    "charStart": {rdflib.XSD.integer},
    "charEnd": {rdflib.XSD.integer},
    "timeText": {rdflib.XSD.string},
    "evidence": {rdflib.XSD.string},
    "subjectText": {rdflib.XSD.string},
    "objectText": {rdflib.XSD.string},
    "role": {rdflib.XSD.string},
    "commodity": {rdflib.XSD.string},
    "demonym": {RDF.langString},
    "iso3166Alpha3": {rdflib.XSD.string},
    "modality": {GKG.Modality},
    "country": {GKG.Country},
    "sector": {GKG.Sector},
}


def _local(iri: URIRef) -> str:
    assert str(iri).startswith(GKG_NS), f"{iri} is not a geokg term"
    return str(iri)[len(GKG_NS) :]


def _members(graph: Graph, node: URIRef | BNode) -> set[URIRef]:
    """A named class or datatype, or the members of an owl:unionOf."""
    if isinstance(node, URIRef):
        return {node}
    union = graph.value(node, OWL.unionOf)
    assert union is not None, f"anonymous class {node} is not an owl:unionOf"
    return set(Collection(graph, union))


def _single(graph: Graph, subject: URIRef, predicate: URIRef) -> URIRef | BNode | Literal:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} has {len(values)} {predicate} values, expected 1"
    return values[0]


# --- files -------------------------------------------------------------------------------


def test_ontology_files_ship_inside_the_package() -> None:
    assert ontology_path().is_file()
    assert shapes_path().is_file()


def test_load_ontology_returns_the_parsed_file() -> None:
    assert isomorphic(load_ontology(), Graph().parse(ontology_path(), format="turtle"))


def test_ontology_header() -> None:
    ontology = load_ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert ontology.value(ONTOLOGY_IRI, RDFS.comment) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://opensource.org/licenses/MIT")


# --- ontology and namespace agree -----------------------------------------------------------


def test_every_namespace_term_is_declared_in_the_ontology() -> None:
    ontology = load_ontology()
    declared = {
        _local(s) for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(GKG_NS)
    }
    assert GKG_TERMS - declared == set()


def test_every_geokg_iri_in_the_ontology_is_a_namespace_term() -> None:
    used = {
        str(term)[len(GKG_NS) :]
        for triple in load_ontology()
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(GKG_NS)
    }
    assert used - GKG_TERMS == set()


def test_every_term_has_an_english_label_and_comment() -> None:
    ontology = load_ontology()
    for name in sorted(GKG_TERMS):
        for predicate in (RDFS.label, RDFS.comment):
            value = _single(ontology, GKG[name], predicate)
            assert isinstance(value, Literal) and value.language == "en", (name, predicate)


def test_class_hierarchy() -> None:
    ontology = load_ontology()
    actor_kinds = {_local(s) for s in ontology.subjects(RDFS.subClassOf, GKG.Actor)}
    assert actor_kinds == set(ENTITY_CLASSES)
    assert set(ontology.objects(GKG.Place, RDFS.subClassOf)) == set()
    assert set(ontology.objects(GKG.Event, RDFS.subClassOf)) == set()
    assert set(ontology.objects(GKG.Statement, RDFS.subClassOf)) == {RDF.Statement}
    assert set(ontology.objects(GKG.Document, RDFS.subClassOf)) == {PROV.Entity}
    assert set(ontology.objects(GKG.Extractor, RDFS.subClassOf)) == {PROV.SoftwareAgent}


def test_sectors_are_the_fourteen_individuals() -> None:
    ontology = load_ontology()
    assert set(ontology.subjects(RDF.type, GKG.Sector)) == {GKG[name] for name in SECTORS}
    assert (GKG.sector, RDF.type, OWL.FunctionalProperty) in ontology
    assert _members(ontology, _single(ontology, GKG.sector, RDFS.domain)) == {GKG.Agent}
    assert _members(ontology, _single(ontology, GKG.sector, RDFS.range)) == {GKG.Sector}
    assert GKG.Agent in _members(ontology, _single(ontology, GKG.country, RDFS.domain))


def test_modalities_are_the_four_individuals() -> None:
    ontology = load_ontology()
    assert set(ontology.subjects(RDF.type, GKG.Modality)) == {GKG[m] for m in MODALITIES}


# --- relations --------------------------------------------------------------------------


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_is_an_object_property_with_label_comment_domain_range(name: str) -> None:
    ontology = load_ontology()
    relation = GKG[name]
    assert (relation, RDF.type, OWL.ObjectProperty) in ontology
    for predicate in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        _single(ontology, relation, predicate)


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_domain_and_range_follow_the_design_table(name: str) -> None:
    ontology = load_ontology()
    domain = _members(ontology, _single(ontology, GKG[name], RDFS.domain))
    range_ = _members(ontology, _single(ontology, GKG[name], RDFS.range))
    expected_domain, expected_range = EXPECTED_DOMAIN_RANGE[name]
    assert {_local(c) for c in domain} == expected_domain
    assert {_local(c) for c in range_} == expected_range


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_belongs_to_exactly_one_group(name: str) -> None:
    parents = super_properties(name)
    groups = parents & {"standingRelation", "eventRelation"}
    expected = "standingRelation" if name in STANDING_RELATIONS else "eventRelation"
    assert groups == {expected}
    assert "relation" in parents


def test_groups_are_sub_properties_of_relation() -> None:
    assert super_properties("signedAgreementWith") == frozenset({"agreedWith", "eventRelation", "relation"})
    assert super_properties("memberOf") == frozenset({"standingRelation", "relation"})
    ontology = load_ontology()
    for group in (GKG.standingRelation, GKG.eventRelation):
        assert set(ontology.objects(group, RDFS.subPropertyOf)) == {GKG.relation}


def test_super_properties_of_an_unknown_relation_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="withdrewFrom"):
        super_properties("pulledOutOf")


def test_symmetric_relations_match_the_namespace() -> None:
    ontology = load_ontology()
    symmetric = {_local(s) for s in ontology.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == SYMMETRIC_RELATIONS


@pytest.mark.parametrize("name", EVENT_RELATIONS)
def test_event_relation_plover_and_cameo_codes(name: str) -> None:
    ontology = load_ontology()
    plover = {str(v) for v in ontology.objects(GKG[name], GKG.ploverType)}
    cameo = {str(v) for v in ontology.objects(GKG[name], GKG.cameoCode)}
    assert (plover, cameo) == EXPECTED_EVENT_CODES[name]


def test_alignment_annotations_are_annotation_properties() -> None:
    ontology = load_ontology()
    for name in ("wikidataProperty", "wikidataInverseProperty", "ploverType", "cameoCode"):
        assert (GKG[name], RDF.type, OWL.AnnotationProperty) in ontology


@pytest.mark.parametrize("name", sorted(EXPECTED_QUALIFIER_RANGES))
def test_qualifier_and_attribute_ranges(name: str) -> None:
    ontology = load_ontology()
    kind = OWL.ObjectProperty if name in {"modality", "country", "sector"} else OWL.DatatypeProperty
    assert (GKG[name], RDF.type, kind) in ontology
    range_ = _members(ontology, _single(ontology, GKG[name], RDFS.range))
    assert range_ == EXPECTED_QUALIFIER_RANGES[name]


# --- Wikidata alignment -----------------------------------------------------------------


def test_wikidata_alignment() -> None:
    alignment = wikidata_alignment()
    assert alignment["P463"] == [("memberOf", False)]
    assert alignment["P35"] == [("leaderOf", True)]
    assert alignment["P6"] == [("leaderOf", True)]
    assert alignment["P488"] == [("leaderOf", True)]
    assert alignment["P36"] == [("capitalOf", True)]
    assert alignment["P1376"] == [("capitalOf", False)]
    assert alignment["P710"] == [("participantIn", True)]
    assert alignment["P607"] == [("inConflictWith", False), ("participantIn", False)]
    assert alignment["P530"] == [("diplomaticRelationsWith", False)]


def test_wikidata_alignment_values_are_wikidata_property_iris() -> None:
    ontology = load_ontology()
    for predicate in (GKG.wikidataProperty, GKG.wikidataInverseProperty):
        for value in ontology.objects(None, predicate):
            assert str(value).startswith(str(WDT)) and str(value)[len(str(WDT)) :][0] == "P"


def test_wikidata_alignment_returns_a_fresh_dict() -> None:
    wikidata_alignment()["P463"].append(("leads", False))
    assert wikidata_alignment()["P463"] == [("memberOf", False)]


# --- SHACL shapes -----------------------------------------------------------------------

STATEMENT = GKS["3f2a"]
DOCUMENT = GKD["seed-uzbek-us"]
UZBEKISTAN = GKE.uzbekistan
CSTO = GKE["collective-security-treaty-organization"]
UZBEK_MILITARY = GKE["uzbekistan-military"]


def _conforming_graph() -> Graph:
    """One country, the organisation it left, one statement and its document."""
    graph = Graph()
    graph.add((UZBEKISTAN, RDF.type, GKG.Country))
    graph.add((UZBEKISTAN, RDFS.label, Literal("Uzbekistan", lang="en")))
    graph.add((UZBEKISTAN, RDFS.label, Literal("Ouzbékistan", lang="fr")))
    graph.add((UZBEKISTAN, SKOS.altLabel, Literal("Republic of Uzbekistan", lang="en")))
    graph.add((UZBEKISTAN, GKG.demonym, Literal("Uzbek", lang="en")))
    graph.add((UZBEKISTAN, OWL.sameAs, WD.Q265))
    graph.add((UZBEKISTAN, GKG.iso3166Alpha3, Literal("UZB")))
    graph.add((CSTO, RDF.type, GKG.InternationalOrganization))
    graph.add((CSTO, RDFS.label, Literal("Collective Security Treaty Organization", lang="en")))
    graph.add((UZBEKISTAN, GKG.withdrewFrom, CSTO))
    graph.add((UZBEK_MILITARY, RDF.type, GKG.Agent))
    graph.add((UZBEK_MILITARY, RDFS.label, Literal("Uzbekistan (military)", lang="en")))
    graph.add((UZBEK_MILITARY, GKG.country, UZBEKISTAN))
    graph.add((UZBEK_MILITARY, GKG.sector, GKG.Military))

    graph.add((STATEMENT, RDF.type, RDF.Statement))
    graph.add((STATEMENT, RDF.type, GKG.Statement))
    graph.add((STATEMENT, RDF.subject, UZBEKISTAN))
    graph.add((STATEMENT, RDF.predicate, GKG.withdrewFrom))
    graph.add((STATEMENT, RDF.object, CSTO))
    graph.add((STATEMENT, GKG.pointInTime, Literal("2012", datatype=rdflib.XSD.gYear)))
    graph.add((STATEMENT, GKG.timeText, Literal("in 2012")))
    graph.add((STATEMENT, GKG.modality, GKG.Asserted))
    graph.add((STATEMENT, GKG.confidence, Literal(Decimal("0.86"))))
    graph.add((STATEMENT, GKG.evidence, Literal("However, Tashkent pulled out of the defence bloc in 2012.")))
    graph.add((STATEMENT, GKG.subjectText, Literal("Tashkent")))
    graph.add((STATEMENT, GKG.objectText, Literal("the defence bloc")))
    graph.add((STATEMENT, GKG.charStart, Literal(1893)))
    graph.add((STATEMENT, GKG.charEnd, Literal(1950)))
    graph.add((STATEMENT, PROV.wasDerivedFrom, DOCUMENT))
    graph.add((STATEMENT, PROV.wasGeneratedBy, extractor_iri("0.1.0")))

    graph.add((DOCUMENT, RDF.type, GKG.Document))
    graph.add((DOCUMENT, RDF.type, PROV.Entity))
    graph.add((DOCUMENT, DCTERMS.identifier, Literal("seed-uzbek-us")))
    graph.add((DOCUMENT, DCTERMS.title, Literal("Uzbekistan and the United States")))
    graph.add((DOCUMENT, DCTERMS.date, Literal("2023-09-27", datatype=rdflib.XSD.date)))
    graph.add((DOCUMENT, DCTERMS.source, URIRef("file:///corpus/seed-uzbek-us.txt")))
    return graph


def _violations(graph: Graph) -> set[tuple[URIRef, URIRef | None, URIRef]]:
    """(focus node, result path, constraint component) of every SHACL result."""
    from pyshacl import validate as shacl_validate

    shapes = Graph()
    shapes += load_shapes()
    _conforms, results, _text = shacl_validate(graph, shacl_graph=shapes, inference="none")
    return {
        (
            results.value(result, SH.focusNode),
            results.value(result, SH.resultPath),
            results.value(result, SH.sourceConstraintComponent),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    }


def _replace(subject: URIRef, predicate: URIRef, value: URIRef | Literal | None) -> Callable[[Graph], None]:
    def change(graph: Graph) -> None:
        graph.remove((subject, predicate, None))
        if value is not None:
            graph.add((subject, predicate, value))

    return change


def _add(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> Callable[[Graph], None]:
    def change(graph: Graph) -> None:
        graph.add((subject, predicate, value))

    return change


# case -> (change to the conforming graph, focus node, result path, constraint components)
BROKEN: dict[str, tuple[Callable[[Graph], None], URIRef, URIRef | None, set[URIRef]]] = {
    "missing modality": (
        _replace(STATEMENT, GKG.modality, None),
        STATEMENT,
        GKG.modality,
        {SH.MinCountConstraintComponent},
    ),
    "unknown modality": (
        _replace(STATEMENT, GKG.modality, GKG.Statement),
        STATEMENT,
        GKG.modality,
        {SH.InConstraintComponent},
    ),
    "confidence above 1": (
        _replace(STATEMENT, GKG.confidence, Literal(Decimal("1.5"))),
        STATEMENT,
        GKG.confidence,
        {SH.MaxInclusiveConstraintComponent},
    ),
    "confidence as a float": (
        _replace(STATEMENT, GKG.confidence, Literal(0.86)),
        STATEMENT,
        GKG.confidence,
        {SH.DatatypeConstraintComponent},
    ),
    "sameAs outside Wikidata items": (
        _replace(UZBEKISTAN, OWL.sameAs, URIRef("https://www.wikidata.org/wiki/Q265")),
        UZBEKISTAN,
        OWL.sameAs,
        {SH.PatternConstraintComponent},
    ),
    "two sameAs links": (_add(UZBEKISTAN, OWL.sameAs, WD.Q1), UZBEKISTAN, OWL.sameAs, {SH.MaxCountConstraintComponent}),
    "date typed as a plain string": (
        _replace(STATEMENT, GKG.pointInTime, Literal("2012")),
        STATEMENT,
        GKG.pointInTime,
        {SH.OrConstraintComponent},
    ),
    "two English labels": (
        _add(UZBEKISTAN, RDFS.label, Literal("Republic of Uzbekistan", lang="en")),
        UZBEKISTAN,
        RDFS.label,
        {SH.UniqueLangConstraintComponent, SH.QualifiedMaxCountConstraintComponent},
    ),
    "label without language": (
        _replace(CSTO, RDFS.label, Literal("CSTO")),
        CSTO,
        RDFS.label,
        {SH.DatatypeConstraintComponent, SH.QualifiedMinCountConstraintComponent},
    ),
    "lower-case country code": (
        _replace(UZBEKISTAN, GKG.iso3166Alpha3, Literal("uzb")),
        UZBEKISTAN,
        GKG.iso3166Alpha3,
        {SH.PatternConstraintComponent},
    ),
    "country code on an organisation": (
        _add(CSTO, GKG.iso3166Alpha3, Literal("CST")),
        CSTO,
        None,
        {SH.ClassConstraintComponent},
    ),
    "agent without sector": (
        _replace(UZBEK_MILITARY, GKG.sector, None),
        UZBEK_MILITARY,
        GKG.sector,
        {SH.MinCountConstraintComponent},
    ),
    "agent with a sector outside the set": (
        _replace(UZBEK_MILITARY, GKG.sector, GKG.Asserted),
        UZBEK_MILITARY,
        GKG.sector,
        {SH.InConstraintComponent},
    ),
    "agent of two countries": (
        _add(UZBEK_MILITARY, GKG.country, GKE.kazakhstan),
        UZBEK_MILITARY,
        GKG.country,
        {SH.MaxCountConstraintComponent, SH.ClassConstraintComponent},
    ),
    "sector on a country": (
        _add(UZBEKISTAN, GKG.sector, GKG.Military),
        UZBEKISTAN,
        None,
        {SH.ClassConstraintComponent},
    ),
    "predicate outside the vocabulary": (
        _replace(STATEMENT, RDF.predicate, GKG.country),
        STATEMENT,
        RDF.predicate,
        {SH.InConstraintComponent},
    ),
    "object as a literal": (
        _replace(STATEMENT, RDF.object, Literal("CSTO")),
        STATEMENT,
        RDF.object,
        {SH.NodeKindConstraintComponent},
    ),
    "empty evidence": (
        _replace(STATEMENT, GKG.evidence, Literal("")),
        STATEMENT,
        GKG.evidence,
        {SH.MinLengthConstraintComponent},
    ),
    "negative offset": (
        _replace(STATEMENT, GKG.charStart, Literal(-1)),
        STATEMENT,
        GKG.charStart,
        {SH.MinInclusiveConstraintComponent},
    ),
    "start after end": (
        _replace(STATEMENT, GKG.charStart, Literal(2000)),
        STATEMENT,
        GKG.charStart,
        {SH.LessThanOrEqualsConstraintComponent},
    ),
    "source is not a document": (
        _replace(STATEMENT, PROV.wasDerivedFrom, GKD.unknown),
        STATEMENT,
        PROV.wasDerivedFrom,
        {SH.ClassConstraintComponent},
    ),
    "missing extractor": (
        _replace(STATEMENT, PROV.wasGeneratedBy, None),
        STATEMENT,
        PROV.wasGeneratedBy,
        {SH.MinCountConstraintComponent},
    ),
    "statement not typed rdf:Statement": (
        lambda graph: graph.remove((STATEMENT, RDF.type, RDF.Statement)),
        STATEMENT,
        RDF.type,
        {SH.HasValueConstraintComponent},
    ),
    "document without identifier": (
        _replace(DOCUMENT, DCTERMS.identifier, None),
        DOCUMENT,
        DCTERMS.identifier,
        {SH.MinCountConstraintComponent},
    ),
    "document date with time": (
        _replace(DOCUMENT, DCTERMS.date, Literal("2023-09-27T10:00:00", datatype=rdflib.XSD.dateTime)),
        DOCUMENT,
        DCTERMS.date,
        {SH.DatatypeConstraintComponent},
    ),
}


def test_shapes_file_parses_into_node_shapes() -> None:
    shapes = load_shapes()
    node_shapes = {str(s).rsplit("#", 1)[1] for s in shapes.subjects(RDF.type, SH.NodeShape)}
    assert {"EntityShape", "CountryCodeShape", "StatementShape", "DocumentShape"} <= node_shapes


def test_shapes_allow_exactly_the_relations_and_modalities() -> None:
    shapes = load_shapes()
    allowed: dict[URIRef, set[URIRef]] = {}
    for prop in shapes.subjects(SH["in"], None):
        path = shapes.value(prop, SH.path)
        allowed[path] = set(Collection(shapes, shapes.value(prop, SH["in"])))
    assert allowed[RDF.predicate] == {GKG[name] for name in RELATIONS}
    assert allowed[GKG.modality] == {GKG[name] for name in MODALITIES}


def test_conforming_graph_conforms() -> None:
    conforms, report = validate(_conforming_graph())
    assert conforms, report


def test_every_date_precision_conforms() -> None:
    graph = _conforming_graph()
    graph.remove((STATEMENT, GKG.pointInTime, None))
    graph.add((STATEMENT, GKG.startTime, Literal("2012-06-28", datatype=rdflib.XSD.date)))
    graph.add((STATEMENT, GKG.endTime, Literal("2012-12", datatype=rdflib.XSD.gYearMonth)))
    conforms, report = validate(graph)
    assert conforms, report


def test_validate_leaves_the_graph_unchanged() -> None:
    graph = _conforming_graph()
    BROKEN["missing modality"][0](graph)
    validate(graph)
    expected = _conforming_graph()
    BROKEN["missing modality"][0](expected)
    assert isomorphic(graph, expected)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_fails_on_the_broken_constraint(case: str) -> None:
    change, focus, path, components = BROKEN[case]
    graph = _conforming_graph()
    change(graph)
    conforms, report = validate(graph)
    assert not conforms
    assert "Constraint Violation" in report
    assert _violations(graph) == {(focus, path, component) for component in components}
