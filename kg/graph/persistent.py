"""The persistent store: a knowledge graph in an Oxigraph database on disk.

A store is a directory holding an Oxigraph (RocksDB) database. Its named graphs:

- one per document, named by the document's IRI (``gkd:...``): the document
  node with its ``gkg:contentHash``, and the document's statement nodes;
- ``ENTITY_GRAPH``: the entity descriptions (types, names, codes, links), shared
  by every document;
- ``TRUTHY_GRAPH``: the truthy triples, each present while at least one
  asserted statement of some document supports it, directly or through an
  agent lifted to its country (:func:`kg.graph.build.truthy_triples`).

Queries see the union of the graphs, which is exactly the graph a file build
of the same documents gives. Committing a document is one transaction: its
graph, its new entity descriptions and its truthy triples appear together or
not at all, so a build stopped at any point leaves every document either
complete or absent. Re-committing a document replaces exactly its own graph
and removes the truthy triples no other statement supports.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.errors import GraphFormatError, StoreError
from kg.graph.build import document_iri, truthy_triples
from kg.graph.locking import StoreLock
from kg.graph.namespace import GKE, GKG, PREFIXES
from kg.graph.store import _ENTITY_CLASSES, KnowledgeGraph, _local, format_for
from kg.records import RELATIONS, SYMMETRIC_RELATIONS, Document, Relation

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "DEFAULT_STORE",
    "ENTITY_GRAPH",
    "TRUTHY_GRAPH",
    "StoreError",
    "PersistentGraph",
    "content_hash",
    "document_ntriples",
    "is_store",
]

logger = logging.getLogger(__name__)

#: Where ``kg build`` writes when no ``--store`` or ``-o`` is given.
DEFAULT_STORE = "kg-store"
#: Quads written between two flushes of the database's memory tables to disk (about 50 MB).
FLUSH_QUADS = 50_000
#: Named graph of the entity descriptions.
ENTITY_GRAPH = "https://w3id.org/geokg/graph/entities"
#: Named graph of the truthy triples.
TRUTHY_GRAPH = "https://w3id.org/geokg/graph/truthy"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_TYPE = ox.NamedNode(_RDF + "type")
_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_SKOS_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_CONTENT_HASH = ox.NamedNode(str(GKG.contentHash))
_MODALITY = ox.NamedNode(str(GKG.modality))
_ASSERTED = ox.NamedNode(str(GKG.Asserted))
_AGENT = ox.NamedNode(str(GKG.Agent))
_COUNTRY = ox.NamedNode(str(GKG.country))
#: Entity attributes that hold one value; a later document's value replaces an earlier one.
_FUNCTIONAL = frozenset(ox.NamedNode(str(term)) for term in (GKG.iso3166Alpha3, GKG.sector, GKG.country))
#: Entity attributes whose first value stays.
_FIRST_WINS = frozenset({_RDFS_LABEL, _OWL_SAME_AS})
_RELATION_IRIS = frozenset(str(GKG[name]) for name in RELATIONS)
_SYMMETRIC_IRIS = frozenset(str(GKG[name]) for name in SYMMETRIC_RELATIONS)
_ENTITY_PREFIX = str(GKE)
_PREFIXES = {
    prefix: str(namespace if isinstance(namespace, str) else namespace._NS) for prefix, namespace in PREFIXES.items()
}

#: Formats ``export`` writes with Oxigraph's own serializers, by rdflib format name.
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}


def is_store(path: str | Path) -> bool:
    """True when ``path`` is a directory holding an Oxigraph database.

    Examples
    --------
    >>> is_store("README.md")
    False
    """
    path = Path(path)
    return path.is_dir() and (path / "CURRENT").is_file()


def content_hash(document: Document, reader: str) -> str:
    """The digest that tells whether a document must be extracted again.

    It covers everything extraction sees (text, identifier, title, date,
    source) and ``reader``, a description of the extractor and pipeline.

    Examples
    --------
    >>> content_hash(Document("d1", "Chile and Peru met."), "geokg 0.1.0")[:7]
    'sha256:'
    """
    fields = [
        document.id,
        document.text,
        document.title,
        document.source,
        document.date.isoformat() if document.date else None,
        reader,
    ]
    digest = hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def document_ntriples(document: Document, relations: Iterable[Relation], extractor_version: str, digest: str) -> bytes:
    """The triples one document contributes, as N-Triples, built alone.

    This is what a worker (a local process or a cluster node) hands back for a
    document: the document node with its ``gkg:contentHash``, its statement
    nodes, the descriptions of the entities it names and its truthy triples.
    :meth:`PersistentGraph.commit` sorts them into the store's graphs.
    """
    triples = _DocumentTriples()
    KnowledgeGraph(triples, prefixes=False).add(document, relations, extractor_version)
    triples.add((document_iri(document.id), GKG.contentHash, Literal(digest)))
    # a document names the same few IRIs in most of its triples: each is made into a pyoxigraph term once
    iris: dict[URIRef, ox.NamedNode] = {}

    def term(node: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
        if type(node) is not URIRef:
            return _oxigraph_term(node)
        made = iris.get(node)
        if made is None:
            made = iris[node] = ox.NamedNode(node)
        return made

    terms = [ox.Triple(term(s), term(p), term(o)) for s, p, o in triples]
    return ox.serialize(terms, format=ox.RdfFormat.N_TRIPLES)


class _DocumentTriples:
    """The triples of one document as :func:`kg.graph.build.add_document` and ``add_relation`` write them.

    It answers the part of rdflib's ``Graph`` they use (``add``, ``set``,
    ``value``, ``in``) with the same results, from nested dicts: one document's
    few thousand triples are built several times faster than in an rdflib
    graph, whose indexes and events serve whole corpora.
    """

    def __init__(self) -> None:
        #: subject -> predicate -> objects (a dict, for insertion order)
        self._objects: dict[Any, dict[Any, dict[Any, None]]] = {}

    def add(self, triple: tuple) -> _DocumentTriples:
        subject, predicate, obj = triple
        self._objects.setdefault(subject, {}).setdefault(predicate, {})[obj] = None
        return self

    def set(self, triple: tuple) -> _DocumentTriples:
        """Replace every object of the subject and predicate with this one, as ``Graph.set`` does."""
        subject, predicate, obj = triple
        self._objects.setdefault(subject, {})[predicate] = {obj: None}
        return self

    def value(self, subject: Any, predicate: Any) -> Any:
        """One object of the subject and predicate, or None."""
        objects = self._objects.get(subject, {}).get(predicate)
        return next(iter(objects)) if objects else None

    def __contains__(self, triple: tuple) -> bool:
        """Whether a triple is held; ``None`` in the predicate or object place matches any."""
        subject, predicate, obj = triple
        predicates = self._objects.get(subject)
        if not predicates:
            return False
        if predicate is None:
            return obj is None or any(obj in objects for objects in predicates.values())
        objects = predicates.get(predicate)
        return bool(objects) and (obj is None or obj in objects)

    def __iter__(self) -> Iterator[tuple]:
        for subject, predicates in self._objects.items():
            for predicate, objects in predicates.items():
                for obj in objects:
                    yield subject, predicate, obj

    def __len__(self) -> int:
        return sum(len(objects) for predicates in self._objects.values() for objects in predicates.values())


def _oxigraph_term(term: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """The pyoxigraph term of an rdflib IRI, literal or blank node, with the literal's lexical form kept."""
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(term, language=term.language)
        return ox.Literal(term, datatype=ox.NamedNode(term.datatype)) if term.datatype else ox.Literal(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    return ox.NamedNode(term)


class PersistentGraph(KnowledgeGraph):
    """A knowledge graph kept in an Oxigraph database on disk.

    Every method of :class:`~kg.graph.store.KnowledgeGraph` works on it
    (``query``, ``stats``, ``validate``, ``to_networkx``, ``show``,
    ``to_html``, ``serialize``, ``documents``, ``statements_from``);
    ``graph`` is an rdflib view of the union of its graphs. Open it with
    :meth:`open`; close it (or use ``with``) to let another process write.

    Parameters
    ----------
    path
        The store's directory.
    read_only
        Open for reading: other readers may share the store, no writer may.
    create
        Create the store when the directory does not hold one.
    wait
        Wait for another process to release the store instead of failing.

    Raises
    ------
    StoreError
        When there is no store at ``path`` (and ``create`` is False), or the
        directory is not a store.
    kg.graph.locking.StoreInUseError
        When another process holds the store.

    Examples
    --------
    >>> import tempfile
    >>> with PersistentGraph.open(tempfile.mkdtemp() + "/kg-store") as store:
    ...     len(store)
    0
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True, wait: bool = False):
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        self.path = Path(path)
        self.read_only = read_only
        if not is_store(self.path):
            if self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
                raise StoreError(
                    f"{self.path}: not a geokg store (no Oxigraph database here); "
                    "give an empty or new directory, or the directory of a store"
                )
            if read_only or not create:
                raise StoreError(f"{self.path}: no store here; build one with 'kg build INPUT... --store {self.path}'")
            self.path.mkdir(parents=True, exist_ok=True)
        self._lock: StoreLock | None = StoreLock(self.path, exclusive=not read_only, wait=wait)
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except (OSError, RuntimeError) as error:
            self._lock.release()
            raise StoreError(
                f"{self.path}: cannot open the store ({error}); check the directory's permissions and free disk space"
            ) from None
        self._unflushed = 0
        super().__init__(Dataset(store=OxigraphStore(store=self._store), default_union=True))

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, create: bool = True, wait: bool = False
    ) -> PersistentGraph:
        """Open (or create) the store at ``path``; see the class for the parameters."""
        return cls(path, read_only=read_only, create=create, wait=wait)

    def close(self) -> None:
        """Write everything to disk and release the store for other processes."""
        store = getattr(self, "_store", None)
        if store is not None:
            if not self.read_only:
                store.flush()
            # Oxigraph closes the database when the last reference goes. The rdflib view holds one
            # in reference cycles: it lets go of it when closed, and a garbage collection (which
            # costs a tenth of a second or more in a process holding a pipeline) runs only when
            # something else still holds the database, before another process may open it.
            view, self.graph, self._store = self.graph, None, None
            if view is not None:
                view.close()
            del view
            if sys.getrefcount(store) > 2:  # more than this name and the call's argument
                gc.collect()
            del store
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> PersistentGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._store)

    def __repr__(self) -> str:
        return f"<PersistentGraph {self.path}: {len(self)} triples>"

    # ------------------------------------------------------------------ building

    def stored_hash(self, document_id: str) -> str | None:
        """The ``gkg:contentHash`` of a document as stored, or None if it is not in the store."""
        node = ox.NamedNode(str(document_iri(document_id)))
        for quad in self._store.quads_for_pattern(node, _CONTENT_HASH, None, node):
            return quad.object.value
        return None

    def add(self, document: Document, relations: Iterable[Relation], extractor_version: str) -> int:
        """Build one document into the store, replacing any earlier build of it.

        Returns the number of statement nodes added.
        """
        relations = list(relations)
        digest = content_hash(document, extractor_version)
        self.commit(document.id, document_ntriples(document, relations, extractor_version, digest))
        return len(relations)

    def commit(self, document_id: str, ntriples: bytes) -> int:
        """Write one document's triples (from :func:`document_ntriples`) in one transaction.

        Returns the number of statement nodes written.
        """
        self._writable()
        graph = ox.NamedNode(str(document_iri(document_id)))
        own: list[ox.Quad] = []
        entities: dict[ox.NamedNode, list[tuple[ox.NamedNode, Any]]] = defaultdict(list)
        truthy: list[ox.Quad] = []
        truthy_graph = ox.NamedNode(TRUTHY_GRAPH)
        statements = 0
        for triple in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
            subject, predicate, obj = triple.subject, triple.predicate, triple.object
            if type(subject) is ox.NamedNode and subject.value.startswith(_ENTITY_PREFIX):
                if predicate.value in _RELATION_IRIS:
                    truthy.append(ox.Quad(subject, predicate, obj, truthy_graph))
                else:
                    entities[subject].append((predicate, obj))
            else:
                if predicate == _MODALITY:
                    statements += 1
                own.append(ox.Quad(subject, predicate, obj, graph))
        removed, added = self._merged_entities(entities)
        replacing = self._store.contains_named_graph(graph)
        if replacing:
            removed += self._unsupported_truthy(graph)
        if not replacing and not removed:
            self._store.extend([*own, *added, *truthy])
        else:
            self._store.update(_update_text(removed, [graph] if replacing else [], [*own, *added, *truthy]))
        self._written(len(own) + len(added) + len(truthy) + len(removed))
        return statements

    def _written(self, quads: int) -> None:
        """Count quads written; past :data:`FLUSH_QUADS`, write the database's memory tables to disk.

        Oxigraph keeps recent writes in memory until told to flush them, so a
        long build would otherwise grow by about 1 KB per quad written.
        """
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS:
            self._store.flush()
            self._unflushed = 0

    def remove(self, document_id: str) -> int:
        """Remove a document: its graph, and the truthy triples only it supported.

        Entity descriptions stay (other documents may name the entities).
        Returns the number of statement nodes removed.

        Raises
        ------
        StoreError
            When the document is not in the store.
        """
        self._writable()
        graph = ox.NamedNode(str(document_iri(document_id)))
        if not self._store.contains_named_graph(graph):
            raise StoreError(
                f"{self.path}: no document {document_id!r} in the store; "
                "list them with 'kg query STORE \"SELECT ?id { ?d dcterms:identifier ?id }\"'"
            )
        statements = sum(1 for _ in self._store.quads_for_pattern(None, _MODALITY, None, graph))
        self._store.update(_update_text(self._unsupported_truthy(graph), [graph], []))
        self._written(statements * 16)
        return statements

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only; open it for writing")

    def _merged_entities(
        self, described: dict[ox.NamedNode, list[tuple[ox.NamedNode, Any]]]
    ) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """Quads to remove and to add so that the entity graph also holds these descriptions.

        The rules of :func:`kg.graph.build.add_entity`: the first label and
        Wikidata link stay, single-valued attributes take the newest value,
        other names and types accumulate, an alternative name equal to the
        label is left out.
        """
        entity_graph = ox.NamedNode(ENTITY_GRAPH)
        removed: list[ox.Quad] = []
        added: list[ox.Quad] = []
        for subject, pairs in described.items():
            stored: dict[ox.NamedNode, set] = defaultdict(set)
            for quad in self._store.quads_for_pattern(subject, None, None, entity_graph):
                stored[quad.predicate].add(quad.object)
            label = next(iter(stored[_RDFS_LABEL]), None) or next((o for p, o in pairs if p == _RDFS_LABEL), None)
            for predicate, obj in pairs:
                if obj in stored[predicate]:
                    continue
                if predicate in _FIRST_WINS and stored[predicate]:
                    continue
                if predicate == _SKOS_ALT_LABEL and obj == label:
                    continue
                if predicate in _FUNCTIONAL:
                    removed.extend(ox.Quad(subject, predicate, old, entity_graph) for old in stored[predicate])
                    stored[predicate] = set()
                stored[predicate].add(obj)
                added.append(ox.Quad(subject, predicate, obj, entity_graph))
        return removed, added

    def _unsupported_truthy(self, graph: ox.NamedNode) -> list[ox.Quad]:
        """Truthy triples that only the asserted statements of ``graph`` support.

        A statement supports its own triple and, through the agent lift, the
        triple between the sides' countries; so the triples it may have added
        lie between its subject or the subject's country and its object or
        the object's country. Each of those is kept when a statement of another
        document supports it too.
        """
        own = self._asserted(graph=graph)
        if not own:
            return []
        candidates: set[tuple] = set()
        for subject, predicate, obj in own:
            sides = ({subject, *self._countries(subject)}, {obj, *self._countries(obj)})
            for subjects, objects in (sides, sides[::-1]) if predicate in _SYMMETRIC_IRIS else (sides,):
                for s in subjects:
                    for quad in self._store.quads_for_pattern(
                        s, ox.NamedNode(predicate), None, ox.NamedNode(TRUTHY_GRAPH)
                    ):
                        if quad.object in objects:
                            candidates.add((quad.subject, quad.predicate, quad.object))
        if not candidates:
            return []
        nodes = {node for s, _, o in candidates for node in (s, o)}
        members = {node for country in nodes for node in self._members(country)} | nodes
        predicates = {p.value for _, p, _ in candidates}
        supported: set[tuple] = set()
        view = self._entity_view(members)
        for subject, predicate, obj in self._asserted(exclude=graph, nodes=members, predicates=predicates):
            for triple in truthy_triples(view, *_rdflib_terms(subject, predicate, obj)):
                supported.add(triple)
        truthy_graph = ox.NamedNode(TRUTHY_GRAPH)
        return [
            ox.Quad(s, p, o, truthy_graph)
            for s, p, o in candidates
            if _rdflib_terms(s.value, p.value, o.value) not in supported
        ]

    def _asserted(
        self,
        *,
        graph: ox.NamedNode | None = None,
        exclude: ox.NamedNode | None = None,
        nodes: set | None = None,
        predicates: set[str] | None = None,
    ) -> list[tuple]:
        """(subject, predicate IRI, object) of asserted statements, of one graph or of the others."""
        values = ""
        if nodes is not None:
            listed = " ".join(str(n) for n in nodes)
            values = f"VALUES ?s {{ {listed} }} VALUES ?o {{ {listed} }} "
        if predicates is not None:
            values += "VALUES ?p { " + " ".join(f"<{p}>" for p in predicates) + " } "
        where = (
            (f"GRAPH {graph} {{ ?st gkg:modality gkg:Asserted ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}")
            if graph is not None
            else (
                "GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
                f"gkg:modality gkg:Asserted }} FILTER(?g != {exclude})"
            )
        )
        rows = self._store.query(f"SELECT ?s ?p ?o WHERE {{ {values}{where} }}", prefixes=_PREFIXES)
        return [(row["s"], row["p"].value, row["o"]) for row in rows]

    def _countries(self, node) -> list:
        """The ``gkg:country`` of an entity, as the entity graph says."""
        return [q.object for q in self._store.quads_for_pattern(node, _COUNTRY, None, ox.NamedNode(ENTITY_GRAPH))]

    def _members(self, country) -> list:
        """Entities whose ``gkg:country`` is ``country`` (a country's agents and people)."""
        return [q.subject for q in self._store.quads_for_pattern(None, _COUNTRY, country, ox.NamedNode(ENTITY_GRAPH))]

    def _entity_view(self, nodes: set) -> rdflib.Graph:
        """An rdflib graph of the types and countries of ``nodes``, for :func:`truthy_triples`."""
        from rdflib import Graph

        view = Graph()
        entity_graph = ox.NamedNode(ENTITY_GRAPH)
        for node in nodes:
            if not isinstance(node, ox.NamedNode):
                continue
            for predicate in (_RDF_TYPE, _COUNTRY):
                for quad in self._store.quads_for_pattern(node, predicate, None, entity_graph):
                    view.add(_rdflib_terms(node.value, predicate.value, quad.object.value))
        return view

    # ------------------------------------------------------------------ files

    def serialize(self, path: str | Path, format: str | None = None) -> Path:
        """Write the store to a file; the format follows the extension.

        Triple formats (Turtle, N-Triples, JSON-LD, RDF/XML) get the union of
        the graphs; TriG and N-Quads keep the named graphs. The file appears
        whole or not at all.
        """
        path = Path(path)
        rdf_format = format_for(path, format)
        from kg.fileio import atomic_stream

        with atomic_stream(path) as stream:
            if rdf_format in ("trig", "nquads"):
                ox.serialize(self._store, stream, format=_OX_FORMATS[rdf_format], prefixes=_PREFIXES)
            elif rdf_format in _OX_FORMATS:
                ox.serialize(
                    self._union(),
                    stream,
                    format=_OX_FORMATS[rdf_format],
                    **({"prefixes": _PREFIXES} if rdf_format != "nt" else {}),
                )
            else:
                ox.serialize(self._union(), stream, format=ox.RdfFormat.JSON_LD, prefixes=_PREFIXES)
        return path

    def _union(self) -> Iterator[ox.Triple]:
        """Every triple of the store (the graphs share none)."""
        return (quad.triple for quad in self._store.quads_for_pattern(None, None, None, None))

    def to_string(self, format: str = "turtle") -> str:
        """The union of the store's graphs serialised as text."""
        from kg.graph.store import FORMATS

        rdf_format = FORMATS.get("." + format.lstrip("."), format)
        target = _OX_FORMATS.get(rdf_format, ox.RdfFormat.JSON_LD)
        source = self._store if rdf_format in ("trig", "nquads") else self._union()
        return ox.serialize(source, format=target, prefixes=_PREFIXES).decode("utf-8")

    def parse(self, path: str | Path, format: str | None = None) -> None:
        raise GraphFormatError(
            f"{path}: a store is built from documents, not loaded from a graph "
            "file; query the file itself, or build the documents into the store"
        )

    # ------------------------------------------------------------------ questions

    def _select(self, sparql: str) -> list[Any]:
        return list(self._store.query(sparql, prefixes=_PREFIXES, use_default_graph_as_union=True))

    def stats(self) -> dict[str, Any]:
        """Counts of entities by type, statements by relation and modality, and documents.

        Each count is one aggregate over one triple pattern, which Oxigraph
        answers from its indexes without joining.
        """
        types = {str(GKG[name]): name for name in _ENTITY_CLASSES}
        entities_by_type: Counter[str] = Counter()
        for row in self._store.query(
            f"SELECT ?t (COUNT(?e) AS ?n) WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e a ?t }} }} GROUP BY ?t"
        ):
            if row["t"].value in types:
                entities_by_type[types[row["t"].value]] = int(row["n"].value)
        relations = {
            _local(row["p"].value): int(row["n"].value)
            for row in self._select("SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p")
        }
        modalities = {
            _local(row["m"].value): int(row["n"].value)
            for row in self._select("SELECT ?m (COUNT(?st) AS ?n) WHERE { ?st gkg:modality ?m } GROUP BY ?m")
        }
        statements = int(self._select("SELECT (COUNT(?st) AS ?n) WHERE { ?st a gkg:Statement }")[0]["n"].value)
        documents = int(self._select("SELECT (COUNT(?d) AS ?n) WHERE { ?d a gkg:Document }")[0]["n"].value)
        ordered = [name for name in _ENTITY_CLASSES if entities_by_type[name]]
        return {
            "entities": sum(entities_by_type.values()),
            "entities_by_type": {name: entities_by_type[name] for name in ordered},
            "statements": statements,
            "relations": dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
            "modalities": dict(sorted(modalities.items())),
            "documents": documents,
            "triples": len(self),
        }

    def documents(self) -> list[str]:
        """Identifiers of the documents in the store."""
        return sorted(
            row["id"].value for row in self._select("SELECT ?id WHERE { ?d a gkg:Document ; dcterms:identifier ?id }")
        )

    def statements_from(self, document_id: str) -> list:
        """Statement nodes derived from one document."""
        from rdflib import URIRef

        graph = ox.NamedNode(str(document_iri(document_id)))
        return sorted(URIRef(q.subject.value) for q in self._store.quads_for_pattern(None, _MODALITY, None, graph))

    def graphs(self) -> Iterator[tuple[str, Iterator[ox.Quad]]]:
        """Each named graph's IRI with its quads: the documents, the entities, the truthy triples."""
        for name in self._store.named_graphs():
            yield name.value, self._store.quads_for_pattern(None, None, None, name)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, graph by graph (for pushing or copying it)."""
        return self._store.quads_for_pattern(None, None, None, None)


def _rdflib_terms(subject: Any, predicate: Any, obj: Any) -> tuple:
    """rdflib IRIs of three IRIs given as strings or pyoxigraph nodes."""
    from rdflib import URIRef

    return tuple(URIRef(t.value if isinstance(t, ox.NamedNode) else t) for t in (subject, predicate, obj))


def _update_text(removed: list[ox.Quad], dropped: list[ox.NamedNode], added: list[ox.Quad]) -> str:
    """One SPARQL update (one transaction): delete quads, drop graphs, insert quads."""

    def data(quads: list[ox.Quad]) -> str:
        by_graph: dict[str, list[str]] = defaultdict(list)
        for quad in quads:
            by_graph[str(quad.graph_name)].append(f"{quad.subject} {quad.predicate} {quad.object} .")
        return " ".join(f"GRAPH {name} {{ {' '.join(lines)} }}" for name, lines in by_graph.items())

    operations = []
    if removed:
        operations.append(f"DELETE DATA {{ {data(removed)} }}")
    operations.extend(f"DROP SILENT GRAPH {graph}" for graph in dropped)
    if added:
        operations.append(f"INSERT DATA {{ {data(added)} }}")
    return " ;\n".join(operations)
