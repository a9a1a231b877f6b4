"""The geokg vocabulary and the namespaces of the RDF contract.

This module is the only place where ontology IRIs are written. ``GKG`` is a
closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term raises
``AttributeError`` instead of minting a new IRI. A test checks that every term
here is declared in ``ontologies/geokg.ttl`` and the other way round.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from kg.records import EVENT_RELATIONS, RELATIONS, STANDING_RELATIONS, SYMMETRIC_RELATIONS

__all__ = [
    "GKG",
    "GKE",
    "GKS",
    "GKD",
    "WD",
    "WDT",
    "PREFIXES",
    "bind_prefixes",
    "extractor_iri",
    "STANDING_RELATIONS",
    "EVENT_RELATIONS",
    "RELATIONS",
    "SYMMETRIC_RELATIONS",
]


class GKG(DefinedNamespace):
    """Classes, relations and qualifiers of the geokg ontology."""

    _NS = Namespace("https://w3id.org/geokg/ontology#")
    _fail = True

    # Classes
    Actor: URIRef
    Country: URIRef
    InternationalOrganization: URIRef
    Person: URIRef
    GovernmentBody: URIRef
    Organization: URIRef
    Place: URIRef
    Event: URIRef
    Agent: URIRef
    Sector: URIRef
    Statement: URIRef
    Document: URIRef
    Modality: URIRef
    Extractor: URIRef

    # Modalities
    Asserted: URIRef
    Negated: URIRef
    Hypothetical: URIRef
    Future: URIRef

    # Sectors of agents
    Government: URIRef
    Military: URIRef
    Police: URIRef
    Judiciary: URIRef
    Legislature: URIRef
    Opposition: URIRef
    Rebels: URIRef
    Protesters: URIRef
    Civilians: URIRef
    Media: URIRef
    Business: URIRef
    Religious: URIRef
    Refugees: URIRef
    Criminals: URIRef

    # Standing relations
    memberOf: URIRef
    leads: URIRef
    leaderOf: URIRef
    officialOf: URIRef
    capitalOf: URIRef
    locatedIn: URIRef
    partOf: URIRef
    sharesBorderWith: URIRef
    alliedWith: URIRef
    inConflictWith: URIRef
    participantIn: URIRef
    hasMilitaryPresenceIn: URIRef
    diplomaticRelationsWith: URIRef
    exportsTo: URIRef

    # Event relations
    joined: URIRef
    withdrewFrom: URIRef
    suspendedParticipationIn: URIRef
    suspended: URIRef
    visited: URIRef
    metWith: URIRef
    agreedWith: URIRef
    signedAgreementWith: URIRef
    cooperatesWith: URIRef
    providesAidTo: URIRef
    supports: URIRef
    recognized: URIRef
    concededTo: URIRef
    requested: URIRef
    criticized: URIRef
    rejected: URIRef
    threatened: URIRef
    protestedAgainst: URIRef
    mobilizedAgainst: URIRef
    sanctioned: URIRef
    severedRelationsWith: URIRef
    expelled: URIRef
    coerced: URIRef
    attacked: URIRef

    # Super-properties grouping the relations
    relation: URIRef
    standingRelation: URIRef
    eventRelation: URIRef

    # Statement qualifiers
    pointInTime: URIRef
    startTime: URIRef
    endTime: URIRef
    timeText: URIRef
    modality: URIRef
    confidence: URIRef
    evidence: URIRef
    subjectText: URIRef
    objectText: URIRef
    charStart: URIRef
    charEnd: URIRef
    role: URIRef
    commodity: URIRef

    # Document attributes
    contentHash: URIRef

    # Entity attributes
    demonym: URIRef
    iso3166Alpha3: URIRef
    country: URIRef
    sector: URIRef

    # Alignment annotations
    wikidataProperty: URIRef
    wikidataInverseProperty: URIRef
    ploverType: URIRef
    cameoCode: URIRef


GKE = Namespace("https://w3id.org/geokg/entity/")
GKS = Namespace("https://w3id.org/geokg/statement/")
GKD = Namespace("https://w3id.org/geokg/document/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "gkg": GKG,
    "gke": GKE,
    "gks": GKS,
    "gkd": GKD,
    "wd": WD,
    "wdt": WDT,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every prefix of the RDF contract on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(
            prefix, namespace if isinstance(namespace, Namespace) else namespace._NS, override=True, replace=True
        )
    return graph


def extractor_iri(version: str) -> URIRef:
    """IRI of the extractor release that generated a statement (``gkg:extractor-<version>``)."""
    return URIRef(f"{GKG._NS}extractor-{version}")
