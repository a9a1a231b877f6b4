"""Records to RDF: entities, documents, statement nodes and truthy triples.

This module is the RDF contract of ``DESIGN.md`` in code. It never imports
spaCy: it only sees :mod:`kg.records`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.graph.namespace import GKD, GKE, GKG, GKS, WD, extractor_iri
from kg.records import SYMMETRIC_RELATIONS, Document, Entity, Relation, slugify

__all__ = [
    "entity_iri",
    "document_iri",
    "statement_iri",
    "time_literal",
    "text_literal",
    "source_iri",
    "add_entity",
    "add_document",
    "add_relation",
    "country_of",
    "truthy_triples",
    "remove_document",
]

_TIME_DATATYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
# Characters no RDF/XML (XML 1.0) document can hold, and lone surrogates no UTF-8 file can.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters an IRI cannot hold as they are (RFC 3987): they are percent-encoded.
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


@lru_cache(maxsize=4096)  # names recur in every statement about their entity; literals do not change
def text_literal(text: str, lang: str | None = None) -> Literal:
    """A literal of text as written, with characters no RDF format can carry replaced by U+FFFD.

    Control characters (other than tab and line breaks) cannot be written in
    RDF/XML, and lone surrogates in no UTF-8 file; each becomes one U+FFFD, so
    lengths, and offsets within the text, stay as they were.

    Examples
    --------
    >>> str(text_literal("Finland joined NATO\x08"))
    'Finland joined NATO\ufffd'
    """
    return Literal(_UNWRITABLE.sub("\ufffd", text), lang=lang)


def source_iri(source: str) -> URIRef:
    """The IRI of a document's source, with the characters an IRI cannot hold percent-encoded.

    Examples
    --------
    >>> str(source_iri("https://example.org/a page?q=<1>"))
    'https://example.org/a%20page?q=%3C1%3E'
    """
    return URIRef(_IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), source))


def entity_iri(entity: Entity) -> URIRef:
    """IRI of an entity: the slug of its canonical name under ``gke:``."""
    return GKE[entity.key]


def document_iri(document_id: str) -> URIRef:
    """IRI of a document under ``gkd:``: distinct identifiers always give distinct IRIs.

    An identifier of letters, digits, ``-``, ``_`` and ``.`` (not dots only) is used as it is;
    any other is slugified and followed by the first 8 hex digits of the SHA-1 of
    the identifier, so that "Doc 1" and "doc-1" stay two documents, and the IRI of
    an identifier never changes between runs.

    Examples
    --------
    >>> str(document_iri("reuters-44"))
    'https://w3id.org/geokg/document/reuters-44'
    >>> str(document_iri("Doc 1"))
    'https://w3id.org/geokg/document/doc-1-68cb2b47'
    """
    if _iri_safe(document_id):
        return GKD[document_id]
    digest = hashlib.sha1(document_id.encode("utf-8")).hexdigest()[:8]
    return GKD[f"{slugify(document_id)}-{digest}"]


def _iri_safe(text: str) -> bool:
    """True for identifiers usable as they are: letters, digits, ``-``, ``_``, ``.``; not dots only."""
    return any(c.isalnum() for c in text) and all(c.isalnum() or c in "-_." for c in text)


def statement_iri(relation: Relation) -> URIRef:
    """IRI of a statement node: a hash of subject, predicate, object, document and evidence span."""
    key = "|".join(
        (
            relation.subject.key,
            relation.predicate,
            relation.object.key,
            relation.document_id,
            str(relation.char_start),
            str(relation.char_end),
        )
    )
    return GKS[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]


def time_literal(value: str) -> Literal:
    """A date typed by its precision: ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``.

    Examples
    --------
    >>> time_literal("2012").datatype.endswith("gYear")
    True
    >>> time_literal("2023-09-26").datatype.endswith("#date")
    True
    """
    datatype = _TIME_DATATYPES[len(value.lstrip("-"))]
    return Literal(value, datatype=datatype)


def add_entity(graph: Graph, entity: Entity, countries: Iterable[Entity] = ()) -> URIRef:
    """Add an entity node with its names, codes and links (never relations).

    ``countries`` are entities the caller knows (a statement's
    :attr:`~kg.records.Relation.countries`); the one whose key is the entity's
    ``country`` is added too, so that ``gkg:country`` always points to a typed
    country node.
    """
    node = entity_iri(entity)
    graph.add((node, RDF.type, GKG[entity.type]))
    if (node, RDFS.label, None) not in graph:
        graph.add((node, RDFS.label, text_literal(entity.label, lang="en")))
    label = str(graph.value(node, RDFS.label))
    for name in (*entity.aliases, *entity.abbreviations, *(n for n, _ in entity.former_names)):
        if name != label:
            graph.add((node, SKOS.altLabel, text_literal(name, lang="en")))
    for demonym in entity.demonyms:
        graph.add((node, GKG.demonym, text_literal(demonym, lang="en")))
    if entity.qid and (node, OWL.sameAs, None) not in graph:
        graph.add((node, OWL.sameAs, WD[entity.qid]))
    if entity.iso3 and entity.type == "Country":
        graph.set((node, GKG.iso3166Alpha3, Literal(entity.iso3)))
    if entity.sector and entity.type == "Agent":
        graph.set((node, GKG.sector, GKG[entity.sector]))
    if entity.country and entity.type != "Country":
        known = next((c for c in countries if c.key == entity.country and c.type == "Country"), None)
        if known is not None:
            add_entity(graph, known)
        if (GKE[entity.country], RDF.type, GKG.Country) in graph:
            graph.set((node, GKG.country, GKE[entity.country]))
    return node


def add_document(graph: Graph, document: Document) -> URIRef:
    """Add a document node (identifier, title, date, source)."""
    node = document_iri(document.id)
    graph.add((node, RDF.type, GKG.Document))
    graph.add((node, RDF.type, PROV.Entity))
    graph.set((node, DCTERMS.identifier, text_literal(document.id)))
    if document.title:
        graph.set((node, DCTERMS.title, text_literal(document.title)))
    if document.date:
        graph.set((node, DCTERMS.date, Literal(document.date.isoformat(), datatype=XSD.date)))
    if document.source:
        graph.set((node, DCTERMS.source, source_iri(document.source)))
    return node


def add_relation(graph: Graph, relation: Relation, extractor_version: str) -> URIRef:
    """Add one statement node, and the truthy triple when the statement is asserted."""
    subject = add_entity(graph, relation.subject, relation.countries)
    obj = add_entity(graph, relation.object, relation.countries)
    predicate = GKG[relation.predicate]
    node = statement_iri(relation)
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.type, GKG.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    time = relation.time
    if time is not None:
        for value, term in ((time.point, GKG.pointInTime), (time.start, GKG.startTime), (time.end, GKG.endTime)):
            if value is not None:
                graph.add((node, term, time_literal(value)))
        graph.add((node, GKG.timeText, text_literal(time.text)))
    graph.add((node, GKG.modality, GKG[relation.modality]))
    graph.add((node, GKG.confidence, Literal(Decimal(f"{relation.confidence:.2f}"), datatype=XSD.decimal)))
    graph.add((node, GKG.evidence, text_literal(relation.evidence)))
    graph.add((node, GKG.subjectText, text_literal(relation.subject_text)))
    graph.add((node, GKG.objectText, text_literal(relation.object_text)))
    graph.add((node, GKG.charStart, Literal(relation.char_start)))
    graph.add((node, GKG.charEnd, Literal(relation.char_end)))
    if relation.role:
        graph.add((node, GKG.role, text_literal(relation.role)))
    for name, value in relation.qualifiers:
        if name == "commodity":
            graph.add((node, GKG.commodity, text_literal(value)))
    if relation.attributed_to is not None:
        graph.add((node, PROV.wasAttributedTo, add_entity(graph, relation.attributed_to, relation.countries)))
    graph.add((node, PROV.wasDerivedFrom, document_iri(relation.document_id)))
    graph.add((node, PROV.wasGeneratedBy, extractor_iri(extractor_version)))
    if relation.asserted:
        for triple in truthy_triples(graph, subject, predicate, obj):
            graph.add(triple)
    return node


def country_of(graph: Graph, node: URIRef) -> URIRef | None:
    """The country a node is or belongs to (``gkg:country``), if the graph says."""
    if (node, RDF.type, GKG.Country) in graph:
        return node
    country = graph.value(node, GKG.country)
    return country if isinstance(country, URIRef) else None


def truthy_triples(graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef) -> list[tuple]:
    """The truthy triples an asserted statement supports.

    The statement's own triple; and, when a side is an agent (``gkg:Agent``)
    and the two sides belong to different countries, the same triple with each
    agent replaced by its country: "Russian troops shelled Ukrainian positions"
    also gives ``gke:russia gkg:attacked gke:ukraine``, while "Egyptian police
    arrested demonstrators" stays between the two Egyptian agents. Symmetric
    relations keep their canonical order (smaller IRI first).
    """
    triples = [(subject, predicate, obj)]
    sides = []
    for node in (subject, obj):
        lifted = graph.value(node, GKG.country) if (node, RDF.type, GKG.Agent) in graph else None
        sides.append(lifted if isinstance(lifted, URIRef) else node)
    subject_country, object_country = country_of(graph, subject), country_of(graph, obj)
    if subject_country is not None and subject_country == object_country:
        return triples
    lifted_subject, lifted_object = sides
    if (lifted_subject, lifted_object) != (subject, obj) and lifted_subject != lifted_object:
        if str(predicate)[len(str(GKG._NS)) :] in SYMMETRIC_RELATIONS and str(lifted_subject) > str(lifted_object):
            lifted_subject, lifted_object = lifted_object, lifted_subject
        triples.append((lifted_subject, predicate, lifted_object))
    return triples


def remove_document(graph: Graph, document_id: str) -> int:
    """Remove a document's statements, and the truthy triples only they supported.

    Returns the number of statement nodes removed. Entity nodes stay: other
    documents may name them.
    """
    doc = document_iri(document_id)
    statements = list(graph.subjects(PROV.wasDerivedFrom, doc))
    supported: set[tuple] = set()
    for node in statements:
        if graph.value(node, GKG.modality) == GKG.Asserted:
            supported.update(
                truthy_triples(
                    graph,
                    graph.value(node, RDF.subject),
                    graph.value(node, RDF.predicate),
                    graph.value(node, RDF.object),
                )
            )
        graph.remove((node, None, None))
    if supported:
        still: set[tuple] = set()
        for node in graph.subjects(GKG.modality, GKG.Asserted):
            predicate = graph.value(node, RDF.predicate)
            if any(predicate == p for _, p, _ in supported):
                still.update(
                    truthy_triples(graph, graph.value(node, RDF.subject), predicate, graph.value(node, RDF.object))
                )
        for triple in supported - still:
            graph.remove(triple)
    graph.remove((doc, None, None))
    return len(statements)
