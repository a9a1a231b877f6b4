"""The geokg ontology and SHACL shapes as Python objects.

``ontologies/geokg.ttl`` declares the classes, relations and qualifiers of
:class:`kg.graph.namespace.GKG`, with their Wikidata, PLOVER and CAMEO
alignments; ``ontologies/geokg-shapes.ttl`` holds the SHACL shapes every
exported graph conforms to. This module finds both files inside the installed
package, reads what the code needs from the ontology, and validates graphs
against the shapes.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.errors import VocabularyError
from kg.graph.namespace import GKG, RELATIONS, WDT

__all__ = [
    "ontology_path",
    "shapes_path",
    "load_ontology",
    "load_shapes",
    "super_properties",
    "wikidata_alignment",
    "plover_types",
    "validate",
]

logger = logging.getLogger(__name__)

# ``kg/ontologies`` links to the top-level ``ontologies/`` folder and is
# shipped as package data, so the files are found the same way from a source
# checkout and from an installed wheel.
_ONTOLOGY_DIR = Path(__file__).parent.parent / "ontologies"
_ONTOLOGY_FILE = "geokg.ttl"
_SHAPES_FILE = "geokg-shapes.ttl"


def ontology_path() -> Path:
    """Return the path of the geokg OWL ontology (``geokg.ttl``).

    Returns
    -------
    pathlib.Path
        Path of the Turtle file inside the installed ``kg`` package.

    Examples
    --------
    >>> ontology_path().name
    'geokg.ttl'
    """
    return _ONTOLOGY_DIR / _ONTOLOGY_FILE


def shapes_path() -> Path:
    """Return the path of the geokg SHACL shapes (``geokg-shapes.ttl``).

    Returns
    -------
    pathlib.Path
        Path of the Turtle file inside the installed ``kg`` package.

    Examples
    --------
    >>> shapes_path().name
    'geokg-shapes.ttl'
    """
    return _ONTOLOGY_DIR / _SHAPES_FILE


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """Parse the geokg ontology once and return it.

    The same :class:`rdflib.Graph` is returned on every call; treat it as
    read-only, and copy it (``graph + Graph()``) before adding triples.

    Returns
    -------
    rdflib.Graph
        The triples of ``geokg.ttl``.

    Examples
    --------
    >>> from rdflib.namespace import OWL, RDF
    >>> from kg.graph.namespace import GKG
    >>> (GKG.withdrewFrom, RDF.type, OWL.ObjectProperty) in load_ontology()
    True
    """
    path = ontology_path()
    logger.debug("Loading the geokg ontology from %s", path)
    return Graph().parse(path, format="turtle")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """Parse the geokg SHACL shapes once and return them.

    The same :class:`rdflib.Graph` is returned on every call; treat it as
    read-only.

    Returns
    -------
    rdflib.Graph
        The triples of ``geokg-shapes.ttl``.

    Examples
    --------
    >>> from rdflib.namespace import SH
    >>> from kg.graph.namespace import GKG
    >>> (None, SH.targetClass, GKG.Statement) in load_shapes()
    True
    """
    path = shapes_path()
    logger.debug("Loading the geokg SHACL shapes from %s", path)
    return Graph().parse(path, format="turtle")


def _local_name(iri: URIRef, namespace: str) -> str | None:
    """Return the part of ``iri`` after ``namespace``, or None if it is elsewhere."""
    text = str(iri)
    return text[len(namespace) :] if text.startswith(namespace) else None


def super_properties(relation_local_name: str) -> frozenset[str]:
    """Return every geokg property a relation is a sub-property of.

    Follows ``rdfs:subPropertyOf`` transitively in the ontology. The relation
    itself is not included.

    Parameters
    ----------
    relation_local_name : str
        Local name of a geokg relation, such as ``"signedAgreementWith"``.

    Returns
    -------
    frozenset of str
        Local names of the geokg super-properties.

    Raises
    ------
    VocabularyError
        If ``relation_local_name`` is not a geokg relation.

    Examples
    --------
    >>> sorted(super_properties("signedAgreementWith"))
    ['agreedWith', 'eventRelation', 'relation']
    >>> sorted(super_properties("memberOf"))
    ['relation', 'standingRelation']
    """
    if relation_local_name not in RELATIONS:
        raise VocabularyError(f"Unknown geokg relation {relation_local_name!r}. Use one of: {', '.join(RELATIONS)}.")
    namespace = str(GKG._NS)
    relation = GKG[relation_local_name]
    names: set[str] = set()
    for parent in load_ontology().transitive_objects(relation, RDFS.subPropertyOf):
        name = _local_name(parent, namespace) if isinstance(parent, URIRef) else None
        if name is not None and parent != relation:
            names.add(name)
    return frozenset(names)


@lru_cache(maxsize=1)
def _wikidata_alignment_table() -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """Build the Wikidata alignment once, as nested tuples in a stable order."""
    ontology = load_ontology()
    namespace = str(GKG._NS)
    wikidata_namespace = str(WDT)
    order = {name: index for index, name in enumerate(RELATIONS)}
    table: dict[str, list[tuple[str, bool]]] = {}
    for annotation, inverse in ((GKG.wikidataProperty, False), (GKG.wikidataInverseProperty, True)):
        for relation, wikidata_property in ontology.subject_objects(annotation):
            relation_name = _local_name(relation, namespace)
            property_id = _local_name(wikidata_property, wikidata_namespace)
            is_property_id = property_id is not None and property_id[:1] == "P" and property_id[1:].isdigit()
            if relation_name not in order or not is_property_id:
                logger.warning(
                    "Ignoring alignment %s %s %s: expected a geokg relation and a wdt: property",
                    relation,
                    annotation,
                    wikidata_property,
                )
                continue
            table.setdefault(property_id, []).append((relation_name, inverse))
    return tuple(
        (property_id, tuple(sorted(pairs, key=lambda pair: (order[pair[0]], pair[1]))))
        for property_id, pairs in sorted(table.items(), key=lambda item: int(item[0][1:]))
    )


def wikidata_alignment() -> dict[str, list[tuple[str, bool]]]:
    """Map Wikidata property ids to the geokg relations they align with.

    Read from the ``gkg:wikidataProperty`` and ``gkg:wikidataInverseProperty``
    annotations of the ontology. The inverse flag is True when the Wikidata
    statement reads in the opposite direction: ``wdt:P35`` (head of state)
    goes from the country to the person, ``gkg:leaderOf`` from the person to
    the country.

    Returns
    -------
    dict of str to list of (str, bool)
        Property id (``"P463"``) -> ``[(relation local name, inverse), ...]``,
        in the order of :data:`kg.graph.namespace.RELATIONS`. A new dict is
        returned on every call.

    Examples
    --------
    >>> alignment = wikidata_alignment()
    >>> alignment["P463"]
    [('memberOf', False)]
    >>> alignment["P35"]
    [('leaderOf', True)]
    """
    return {property_id: list(pairs) for property_id, pairs in _wikidata_alignment_table()}


@lru_cache(maxsize=1)
def _plover_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    ontology = load_ontology()
    namespace = str(GKG._NS)
    table: dict[str, set[str]] = {}
    for relation, event_type in ontology.subject_objects(GKG.ploverType):
        name = _local_name(relation, namespace)
        if name not in RELATIONS:
            logger.warning("Ignoring %s gkg:ploverType %s: not a geokg relation", relation, event_type)
            continue
        table.setdefault(name, set()).add(str(event_type))
    return tuple((name, tuple(sorted(table[name]))) for name in RELATIONS if name in table)


def plover_types() -> dict[str, tuple[str, ...]]:
    """Map geokg relations to the PLOVER event types they align with.

    Read from the ``gkg:ploverType`` annotations of the ontology; relations
    without one (standing relations, ``joined``) are absent.

    Returns
    -------
    dict of str to tuple of str
        Relation local name -> PLOVER event types, sorted. A new dict is
        returned on every call.

    Examples
    --------
    >>> types = plover_types()
    >>> types["attacked"], types["expelled"]
    (('ASSAULT',), ('COERCE', 'SANCTION'))
    >>> "leaderOf" in types
    False
    """
    return dict(_plover_table())


def validate(graph: Graph) -> tuple[bool, str]:
    """Check a graph against the geokg SHACL shapes.

    Runs pySHACL without inference, so the graph must state the types the
    shapes rely on (``gkg:Statement``, ``gkg:Document``, entity classes). The
    graph is not modified.

    Parameters
    ----------
    graph : rdflib.Graph
        The graph to check, for example an exported knowledge graph.

    Returns
    -------
    conforms : bool
        True if the graph conforms to every shape.
    report : str
        pySHACL's readable validation report, listing each violation with its
        focus node, property path and message.

    Examples
    --------
    >>> from rdflib import Graph, Literal
    >>> from rdflib.namespace import RDF, RDFS
    >>> from kg.graph.namespace import GKE, GKG
    >>> graph = Graph()
    >>> _ = graph.add((GKE.uzbekistan, RDF.type, GKG.Country))
    >>> _ = graph.add((GKE.uzbekistan, RDFS.label, Literal("Uzbekistan", lang="en")))
    >>> validate(graph)[0]
    True
    >>> _ = graph.add((GKE.uzbekistan, GKG.iso3166Alpha3, Literal("uzb")))
    >>> validate(graph)[0]
    False
    """
    from pyshacl import validate as shacl_validate

    # pySHACL adds a few RDFS/OWL axioms to the shapes graph it is given, so it
    # gets a copy and the cached shapes stay as parsed.
    shapes = Graph()
    shapes += load_shapes()
    conforms, _results, report = shacl_validate(
        graph,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    if not conforms:
        logger.info("Graph of %d triples does not conform to the geokg shapes", len(graph))
    return bool(conforms), str(report)
