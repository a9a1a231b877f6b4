"""Network analysis of a geokg graph: the actor network, rankings, blocs, timelines, tension.

The actor network is built from the asserted statements (each supports a truthy
triple), not from every triple of the graph: provenance (documents, extractors)
and places are left out unless asked for, so that they do not lead the rankings.
At ``level="country"`` agents, persons and government bodies are folded into
their countries (``gkg:country``; a person without one into the country of what
they lead or serve), while organisations keep their own nodes.

Time follows DESIGN's rule for undated events: a statement without a date of its
own is placed at its document's ``dcterms:date``. Every statement gets a span
(:attr:`StatementRecord.begin` .. :attr:`StatementRecord.end`, ISO days): an event
lasts its date, a standing relation (and a joining) holds from its start (or its
report) until its end, or until a later withdrawal ends it ("Uzbekistan withdrew
from the CSTO in 2012" ends its membership). A time window keeps what overlaps
it; ``as_of`` keeps the relations that hold on that day and the events up to it.
The views of :mod:`kg.viz` filter with the same spans.

networkx is imported inside the functions that need it.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.errors import QueryError
from kg.graph.namespace import GKG, WD
from kg.records import STANDING_RELATIONS, SYMMETRIC_RELATIONS

if TYPE_CHECKING:
    import networkx
    import pandas
    import rdflib

__all__ = [
    "FAMILIES",
    "FAMILY_OF",
    "SIGNS",
    "StatementRecord",
    "EntityRecord",
    "statement_records",
    "entity_records",
    "statements",
    "actor_graph",
    "rankings",
    "communities",
    "membership_blocs",
    "ego_network",
    "timeline",
    "signed_graph",
    "tension",
    "Tension",
    "in_time",
]

logger = logging.getLogger(__name__)

#: Relation families, as the views colour them. Every relation is in exactly one.
FAMILIES: dict[str, tuple[str, ...]] = {
    "membership": (
        "memberOf",
        "joined",
        "withdrewFrom",
        "suspendedParticipationIn",
        "suspended",
        "leads",
        "participantIn",
    ),
    "diplomacy": ("visited", "metWith", "diplomaticRelationsWith", "requested", "recognized", "concededTo"),
    "cooperation": (
        "alliedWith",
        "agreedWith",
        "signedAgreementWith",
        "cooperatesWith",
        "providesAidTo",
        "supports",
        "exportsTo",
    ),
    "conflict": ("inConflictWith", "attacked", "mobilizedAgainst", "hasMilitaryPresenceIn"),
    "coercion": (
        "threatened",
        "sanctioned",
        "severedRelationsWith",
        "expelled",
        "coerced",
        "criticized",
        "rejected",
        "protestedAgainst",
    ),
    "structure": ("leaderOf", "officialOf", "partOf", "capitalOf", "locatedIn", "sharesBorderWith"),
}
FAMILY_OF: dict[str, str] = {relation: family for family, members in FAMILIES.items() for relation in members}

#: Sign of each family in the signed projection: cooperative +1, hostile -1.
SIGNS: dict[str, int] = {"cooperation": 1, "diplomacy": 1, "conflict": -1, "coercion": -1}
#: Relations that are hostile although their family is not signed, and the reverse.
_SIGN_EXCEPTIONS = {"hasMilitaryPresenceIn": 0, "suspended": -1, "rejected": -1}

#: A withdrawal (or a severance) ends the standing relations it names between the same sides.
_ENDED_BY = {
    "withdrewFrom": ("memberOf", "joined", "participantIn", "hasMilitaryPresenceIn"),
    "severedRelationsWith": ("diplomaticRelationsWith",),
}
#: Relations that describe a state holding over time (shown "as of" a date while they hold).
_STATES = frozenset(STANDING_RELATIONS) | {"joined"}
_STARTS_STATE = frozenset({"joined"})
_FOLDED_TYPES = frozenset({"Agent", "Person", "GovernmentBody"})
_ENTITY_CLASSES = (
    "Country",
    "InternationalOrganization",
    "Person",
    "GovernmentBody",
    "Organization",
    "Agent",
    "Place",
    "Event",
)
_EARLIEST, _LATEST = "0000-01-01", "9999-12-31"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_MONTH_DAYS = {"02": "29", "04": "30", "06": "30", "09": "30", "11": "30"}
_SHORT_LABEL = 22


def sign_of(relation: str) -> int:
    """+1 for a cooperative relation, -1 for a hostile one, 0 otherwise."""
    if relation in _SIGN_EXCEPTIONS:
        return _SIGN_EXCEPTIONS[relation]
    return SIGNS.get(FAMILY_OF.get(relation, ""), 0)


# ---------------------------------------------------------------------- days


def first_day(value: str | None) -> str | None:
    """The first day of a date written YYYY, YYYY-MM or YYYY-MM-DD.

    >>> first_day("2012"), first_day("2023-09")
    ('2012-01-01', '2023-09-01')
    """
    if value is None:
        return None
    value = str(value)[:10]
    if not _DATE.fullmatch(value):
        raise QueryError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value + "-01-01"[len(value) - 4 :]


def last_day(value: str | None) -> str | None:
    """The last day of a date written YYYY, YYYY-MM or YYYY-MM-DD (February has 29).

    >>> last_day("2012"), last_day("2023-09")
    ('2012-12-31', '2023-09-30')
    """
    if value is None:
        return None
    value = str(value)[:10]
    if not _DATE.fullmatch(value):
        raise QueryError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return f"{value}-{_MONTH_DAYS.get(value[5:], '31')}"
    return value


# ---------------------------------------------------------------------- records


@dataclass(frozen=True)
class EntityRecord:
    """What the views and measures need of an entity."""

    iri: str
    label: str
    type: str | None
    country: str | None = None
    sector: str | None = None
    qid: str | None = None
    short_label: str = ""
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatementRecord:
    """One statement node with its span in time (first and last day it counts)."""

    iri: str
    subject: str
    relation: str
    object: str
    modality: str
    confidence: float | None
    date: str | None = None
    start: str | None = None
    end_time: str | None = None
    reported: str | None = None
    time_text: str | None = None
    evidence: str | None = None
    document: str | None = None
    begin: str = _EARLIEST
    end: str = _LATEST
    placed: str = "unknown"  # date | start | end | reported | unknown
    ended_by: str | None = None

    @property
    def family(self) -> str:
        return FAMILY_OF.get(self.relation, "structure")

    @property
    def asserted(self) -> bool:
        return self.modality == "Asserted"

    @property
    def is_state(self) -> bool:
        return self.relation in _STATES

    @property
    def when(self) -> str | None:
        """The date that orders the statement, as written (its own, else its document's)."""
        return self.date or self.start or self.end_time or self.reported


def _objects_by_subject(graph: rdflib.Graph, predicate: URIRef) -> dict[Any, Any]:
    return {subject: value for subject, _, value in graph.triples((None, predicate, None))}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _local(iri: Any) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[1] if "#" in text else text.rsplit("/", 1)[-1]


def _number(value: Any) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value.toPython())
        except (TypeError, ValueError):
            logger.warning("Ignoring confidence %r: it is not a number.", str(value))
    return None


def statement_records(graph: rdflib.Graph) -> list[StatementRecord]:
    """Every statement of ``graph`` with its span in time, sorted by IRI.

    Withdrawals end the memberships (and military presences) they name that began
    at or before them; severed relations end diplomatic relations. A graph kept in a
    store with its own SPARQL engine (Oxigraph) is read with one query; an in-memory
    graph with one pass over each predicate.
    """
    if type(graph.store).__name__ != "Memory":
        return _apply_endings(_records_by_query(graph))
    subjects = _objects_by_subject(graph, RDF.subject)
    predicates = _objects_by_subject(graph, RDF.predicate)
    objects = _objects_by_subject(graph, RDF.object)
    modalities = _objects_by_subject(graph, GKG.modality)
    confidences = _objects_by_subject(graph, GKG.confidence)
    points = _objects_by_subject(graph, GKG.pointInTime)
    starts = _objects_by_subject(graph, GKG.startTime)
    ends = _objects_by_subject(graph, GKG.endTime)
    texts = _objects_by_subject(graph, GKG.timeText)
    evidences = _objects_by_subject(graph, GKG.evidence)
    derived = _objects_by_subject(graph, PROV.wasDerivedFrom)
    document_dates = _objects_by_subject(graph, DCTERMS.date)
    records = []
    for node in sorted(set(graph.subjects(RDF.type, GKG.Statement)), key=str):
        subject, predicate, obj = subjects.get(node), predicates.get(node), objects.get(node)
        if predicate is None or not isinstance(subject, URIRef) or not isinstance(obj, URIRef):
            logger.debug("Skipping statement %s: it lacks an entity subject, predicate or object.", node)
            continue
        document = derived.get(node)
        modality = modalities.get(node)
        relation = _local(predicate)
        date, start, end = _text(points.get(node)), _text(starts.get(node)), _text(ends.get(node))
        reported = _text(document_dates.get(document)) if document is not None else None
        records.append(
            StatementRecord(
                str(node),
                str(subject),
                relation,
                str(obj),
                "Asserted" if modality is None else _local(modality),
                _number(confidences.get(node)),
                date,
                start,
                end,
                reported,
                _text(texts.get(node)),
                _text(evidences.get(node)),
                None if document is None else str(document),
                *_span(str(node), relation, date, start, end, reported),
            )
        )
    return _apply_endings(records)


_STATEMENTS_QUERY = """
SELECT ?statement ?subject ?predicate ?object ?modality ?confidence ?date ?start ?end ?reported
       ?text ?evidence ?document WHERE {
  ?statement a gkg:Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object .
  FILTER(isIRI(?subject) && isIRI(?object))
  OPTIONAL { ?statement gkg:modality ?modality }
  OPTIONAL { ?statement gkg:confidence ?confidence }
  OPTIONAL { ?statement gkg:pointInTime ?date }
  OPTIONAL { ?statement gkg:startTime ?start }
  OPTIONAL { ?statement gkg:endTime ?end }
  OPTIONAL { ?statement gkg:timeText ?text }
  OPTIONAL { ?statement gkg:evidence ?evidence }
  OPTIONAL { ?statement prov:wasDerivedFrom ?document OPTIONAL { ?document dcterms:date ?reported } }
}"""


def _records_by_query(graph: rdflib.Graph) -> list[StatementRecord]:
    """The statements of a store, read with one SPARQL query run by the store's engine."""
    from kg.query import _namespaces

    seen: dict[str, StatementRecord] = {}
    for row in graph.query(_STATEMENTS_QUERY, initNs=_namespaces()):
        (node, subject, predicate, obj, modality, confidence, date, start, end, reported, text, evidence, document) = (
            row
        )
        iri = str(node)
        if iri in seen:
            continue
        relation = _local(predicate)
        date, start, end, reported = _text(date), _text(start), _text(end), _text(reported)
        seen[iri] = StatementRecord(
            iri,
            str(subject),
            relation,
            str(obj),
            "Asserted" if modality is None else _local(modality),
            _number(confidence),
            date,
            start,
            end,
            reported,
            _text(text),
            _text(evidence),
            None if document is None else str(document),
            *_span(iri, relation, date, start, end, reported),
        )
    return [seen[iri] for iri in sorted(seen)]


def _span(
    iri: str, relation: str, date: str | None, start: str | None, end: str | None, reported: str | None
) -> tuple[str, str, str]:
    """First day, last day and what places a statement in time (date, start, end, reported, unknown)."""
    try:
        if date:
            # a joining starts a membership that lasts until a withdrawal ends it
            return first_day(date), _LATEST if relation in _STARTS_STATE else last_day(date), "date"
        if start or end:
            return first_day(start) or _EARLIEST, last_day(end) or _LATEST, "start" if start else "end"
        if reported:
            return first_day(reported), _LATEST if relation in _STATES else last_day(reported), "reported"
    except QueryError:
        logger.warning("Statement %s has a malformed date; it is kept without a time.", iri)
    return _EARLIEST, _LATEST, "unknown"


def _apply_endings(records: list[StatementRecord]) -> list[StatementRecord]:
    """End the standing relations that a later withdrawal (or severance) ends.

    A membership that began at or before a withdrawal ends on the day the withdrawal
    begins. An undated membership reported by the same document as the withdrawal
    ("was once a member ... pulled out in 2012") is taken to have held until it.
    """
    endings: dict[tuple[str, str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for record in records:
        if record.asserted and record.relation in _ENDED_BY and record.placed != "unknown":
            for ended in _ENDED_BY[record.relation]:
                endings[(record.subject, ended, record.object)].append((record.begin, record.document))
                if record.relation in SYMMETRIC_RELATIONS:
                    endings[(record.object, ended, record.subject)].append((record.begin, record.document))
    if not endings:
        return records
    result = []
    for record in records:
        found = endings.get((record.subject, record.relation, record.object), ())
        later = sorted(day for day, _ in found if record.begin <= day < record.end)
        told = sorted(
            day
            for day, document in found
            if record.placed == "reported" and document == record.document and day < record.begin
        )
        if later:
            record = replace(record, end=later[0], ended_by=later[0])
        elif told:
            record = replace(record, begin=_EARLIEST, end=told[-1], ended_by=told[-1])
        result.append(record)
    return result


def in_time(
    record: StatementRecord, since: str | None = None, until: str | None = None, as_of: str | None = None
) -> bool:
    """Whether a statement counts in the window ``since`` .. ``until`` and on the day ``as_of``.

    A window keeps what overlaps it. ``as_of`` keeps the relations that hold on that
    day (a membership ended by an earlier withdrawal does not) and the events up to it.
    Dates may be written YYYY, YYYY-MM or YYYY-MM-DD.
    """
    if since and record.end < first_day(since):
        return False
    if until and record.begin > last_day(until):
        return False
    if as_of:
        day = last_day(as_of) if len(as_of) < 10 else as_of
        if record.begin > day:
            return False
        if record.is_state and record.end < (first_day(as_of) if len(as_of) < 10 else as_of):
            return False
    return True


def entity_records(graph: rdflib.Graph, iris: Iterable[str] | None = None) -> dict[str, EntityRecord]:
    """Label, type, country, sector, Wikidata QID and a short label of each entity.

    One pass over each predicate involved, so that it costs the same for one entity or
    fifty thousand.
    """
    wanted = None if iris is None else {URIRef(iri) for iri in iris}
    types: dict[Any, set] = defaultdict(set)
    for cls_name in _ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, GKG[cls_name]):
            if wanted is None or node in wanted:
                types[node].add(cls_name)
    nodes = set(types) | (wanted or set())

    def values(predicate: URIRef) -> dict[Any, list]:
        found: dict[Any, list] = defaultdict(list)
        for subject, value in graph.subject_objects(predicate):
            if subject in nodes:
                found[subject].append(value)
        return found

    labels, alternatives, countries = values(RDFS.label), values(SKOS.altLabel), values(GKG.country)
    sectors, same_as = values(GKG.sector), values(OWL.sameAs)
    wikidata = str(WD)
    records = {}
    for node in nodes:
        own = sorted(labels.get(node, ()), key=str)
        label = next(
            (str(value) for lang in ("en", None) for value in own if getattr(value, "language", None) == lang),
            str(own[0]) if own else _local(node),
        )
        names = tuple(sorted(str(value) for value in alternatives.get(node, ())))
        country = min(countries.get(node, ()), key=str, default=None)
        sector = min(sectors.get(node, ()), key=str, default=None)
        qid = next(
            (str(t)[len(wikidata) :] for t in sorted(same_as.get(node, ()), key=str) if str(t).startswith(wikidata)),
            None,
        )
        kind = next((name for name in _ENTITY_CLASSES if name in types.get(node, ())), None)
        records[str(node)] = EntityRecord(
            iri=str(node),
            label=label,
            type=kind,
            country=None if country is None else str(country),
            sector=None if sector is None else _local(sector),
            qid=qid,
            short_label=_short_label(label, names),
            names=names,
        )
    return records


def _short_label(label: str, alternatives: tuple[str, ...]) -> str:
    """The label, or an abbreviation such as CSTO when the label is long, cut to 22 characters."""
    if len(label) > _SHORT_LABEL:
        abbreviations = [
            name for name in alternatives if name.replace(".", "").isupper() and 2 <= len(name) <= 8 and " " not in name
        ]
        if abbreviations:
            return min(abbreviations, key=lambda name: (len(name), name))
        return label[: _SHORT_LABEL - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
    return label


# ---------------------------------------------------------------------- tables


def statements(
    graph: Any,
    *,
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
    modalities: Iterable[str] | None = ("Asserted",),
) -> pandas.DataFrame:
    """Every statement as a row: sides (labels and IRIs), relation, family, time, modality, evidence.

    ``when`` is the statement's own date, else its document's (``placed`` says which);
    ``begin`` and ``end`` are the days its span covers.
    """
    import pandas as pd

    rdf = _rdf(graph)
    records = [r for r in statement_records(rdf) if _keeps(r, modalities) and in_time(r, since, until, as_of)]
    entities = entity_records(rdf, {r.subject for r in records} | {r.object for r in records})
    documents = {r.document for r in records if r.document}
    titles = {d: _text(rdf.value(URIRef(d), DCTERMS.identifier)) for d in documents}
    rows = [
        {
            "subject": entities[r.subject].label,
            "relation": r.relation,
            "object": entities[r.object].label,
            "family": r.family,
            "when": pd.to_datetime(first_day(r.when)) if r.when else pd.NaT,
            "when_text": r.when,
            "placed": r.placed,
            "begin": r.begin,
            "end": r.end,
            "modality": r.modality,
            "confidence": r.confidence,
            "evidence": r.evidence,
            "document": titles.get(r.document),
            "subject_iri": r.subject,
            "object_iri": r.object,
            "statement_iri": r.iri,
        }
        for r in records
    ]
    columns = [
        "subject",
        "relation",
        "object",
        "family",
        "when",
        "when_text",
        "placed",
        "begin",
        "end",
        "modality",
        "confidence",
        "evidence",
        "document",
        "subject_iri",
        "object_iri",
        "statement_iri",
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["begin", "subject", "relation", "object"], kind="stable").reset_index(drop=True)


def _keeps(record: StatementRecord, modalities: Iterable[str] | None) -> bool:
    return modalities is None or record.modality in tuple(modalities)


def _rdf(graph: Any) -> rdflib.Graph:
    """The rdflib graph of a KnowledgeGraph (or of a store), or the graph itself."""
    from rdflib import Graph

    return graph if isinstance(graph, Graph) else graph.graph


# ---------------------------------------------------------------------- the actor network


def actor_graph(
    graph: Any,
    *,
    level: str = "actor",
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
    modalities: Iterable[str] | None = ("Asserted",),
    min_confidence: float = 0.0,
    include_places: bool = False,
    include_documents: bool = False,
) -> networkx.MultiDiGraph:
    """The actor network of a graph, one edge per (subject, relation, object).

    Parameters
    ----------
    graph : KnowledgeGraph or rdflib.Graph
    level : {"actor", "country"}
        ``"country"`` folds agents, persons and government bodies into their countries.
    since, until, as_of : str, optional
        A time window and a day, written YYYY, YYYY-MM or YYYY-MM-DD (see :func:`in_time`).
    modalities : iterable of str or None, default ("Asserted",)
        The modalities of the statements drawn; ``None`` for all.
    min_confidence : float, default 0
        Statements below this confidence are left out.
    include_places : bool, default False
        Keep places (cities, regions, facilities) and the relations that reach them.
    include_documents : bool, default False
        Add each document as a node linked to the actors its statements name.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity IRIs with ``label``, ``short_label``, ``type``, ``country``,
        ``sector`` and ``qid``. Edges are keyed by relation and carry ``relation``,
        ``family``, ``sign``, ``directed``, ``weight`` (the number of statements) and
        ``statements`` (the :class:`StatementRecord` objects).

    Examples
    --------
    >>> from rdflib import Graph
    >>> actor_graph(Graph()).number_of_nodes()
    0
    """
    rdf = _rdf(graph)
    records = [
        r
        for r in statement_records(rdf)
        if _keeps(r, modalities)
        and in_time(r, since, until, as_of)
        and (r.confidence is None or r.confidence >= min_confidence)
    ]
    grouped, entities = _projection(rdf, records, level, include_places)
    return _network_of(grouped, entities, level, include_documents)


def _projection(
    rdf: rdflib.Graph, records: list[StatementRecord], level: str, include_places: bool
) -> tuple[dict[tuple[str, str, str], list[StatementRecord]], dict[str, EntityRecord]]:
    """The statements grouped by the (subject, relation, object) drawn for them, and the entities.

    At country level the sides are folded into their countries; self-loops and, unless
    asked for, places are left out; symmetric relations are put in canonical order.
    """
    if level not in ("actor", "country"):
        raise QueryError(f"level {level!r} is not 'actor' or 'country'")
    entities = entity_records(rdf, {r.subject for r in records} | {r.object for r in records})
    fold = _country_folding(records, entities) if level == "country" else {}
    missing = set(fold.values()) - set(entities)
    if missing:
        entities.update(entity_records(rdf, missing))
    grouped: dict[tuple[str, str, str], list[StatementRecord]] = defaultdict(list)
    for record in records:
        subject, obj = fold.get(record.subject, record.subject), fold.get(record.object, record.object)
        if subject == obj:
            continue
        if not include_places and "Place" in (entities[subject].type, entities[obj].type):
            continue
        if record.relation in SYMMETRIC_RELATIONS and subject > obj:
            subject, obj = obj, subject
        grouped[(subject, record.relation, obj)].append(record)
    return grouped, entities


def _network_of(
    grouped: dict[tuple[str, str, str], list[StatementRecord]],
    entities: dict[str, EntityRecord],
    level: str,
    include_documents: bool = False,
) -> networkx.MultiDiGraph:
    """The MultiDiGraph of grouped statements (see :func:`actor_graph`)."""
    import networkx as nx

    network = nx.MultiDiGraph(level=level)
    for (subject, relation, obj), supporting in sorted(grouped.items()):
        for node in (subject, obj):
            if node not in network:
                network.add_node(node, **_node_attributes(entities[node]))
        network.add_edge(
            subject,
            obj,
            key=relation,
            relation=relation,
            family=FAMILY_OF.get(relation, "structure"),
            sign=sign_of(relation),
            directed=relation not in SYMMETRIC_RELATIONS,
            weight=len(supporting),
            statements=supporting,
        )
    if include_documents:
        for (subject, _, obj), supporting in grouped.items():
            for record in supporting:
                if record.document:
                    network.add_node(
                        record.document,
                        label=_local(record.document),
                        short_label=_local(record.document),
                        type="Document",
                        country=None,
                        sector=None,
                        qid=None,
                    )
                    for node in (subject, obj):
                        network.add_edge(
                            record.document,
                            node,
                            key="mentions",
                            relation="mentions",
                            family="provenance",
                            sign=0,
                            directed=True,
                            weight=1,
                            statements=[record],
                        )
    logger.debug(
        "Actor network (%s level): %d nodes, %d edges.", level, network.number_of_nodes(), network.number_of_edges()
    )
    return network


def _node_attributes(entity: EntityRecord) -> dict[str, Any]:
    return {
        "label": entity.label,
        "short_label": entity.short_label,
        "type": entity.type,
        "country": entity.country,
        "sector": entity.sector,
        "qid": entity.qid,
        "names": entity.names,
    }


def _country_folding(records: list[StatementRecord], entities: dict[str, EntityRecord]) -> dict[str, str]:
    """Agents, persons and government bodies -> their country.

    A person without ``gkg:country`` goes to the country of what they lead or serve,
    the one said with the most confidence.
    """
    fold = {iri: entity.country for iri, entity in entities.items() if entity.type in _FOLDED_TYPES and entity.country}
    served: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for record in records:
        person = entities.get(record.subject)
        if (
            record.relation in ("leaderOf", "officialOf")
            and person
            and person.type == "Person"
            and record.subject not in fold
        ):
            target = entities.get(record.object)
            country = record.object if target and target.type == "Country" else fold.get(record.object)
            if country:
                served[record.subject].append((record.confidence or 0.0, country))
    for person, options in served.items():
        fold[person] = max(options)[1]
    return fold


def _simple(network: networkx.MultiDiGraph, directed: bool = False):
    """The weighted simple graph under a multigraph (weights add up, symmetric relations go both ways)."""
    import networkx as nx

    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(network.nodes)
    for u, v, data in network.edges(data=True):
        if u == v:
            continue
        pairs = [(u, v), (v, u)] if directed and not data.get("directed", True) else [(u, v)]
        for a, b in pairs:
            if simple.has_edge(a, b):
                simple[a][b]["weight"] += data.get("weight", 1)
            else:
                simple.add_edge(a, b, weight=data.get("weight", 1))
    return simple


def _network(graph: Any, **options: Any) -> networkx.MultiDiGraph:
    import networkx as nx

    return graph if isinstance(graph, nx.Graph) else actor_graph(graph, **options)


def rankings(
    graph: Any, *, top: int | None = None, betweenness_sample: int = 500, seed: int = 7, **options: Any
) -> pandas.DataFrame:
    """Degree, PageRank and betweenness of every actor, as a table sorted by PageRank.

    ``graph`` is a KnowledgeGraph (its :func:`actor_graph` is taken with ``options``)
    or a network from :func:`actor_graph`. ``degree`` counts distinct neighbours,
    ``statements`` the statements an actor takes part in; PageRank follows directed
    relations (symmetric ones both ways) weighted by statements; betweenness is
    exact up to ``betweenness_sample`` nodes and estimated from that many sources above.

    Examples
    --------
    >>> from rdflib import Graph
    >>> list(rankings(Graph()).columns)[:4]
    ['actor', 'type', 'degree', 'statements']
    """
    import networkx as nx
    import pandas as pd

    network = _network(graph, **options)
    columns = ["actor", "type", "degree", "statements", "pagerank", "betweenness", "actor_iri"]
    if network.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    undirected = _simple(network)
    directed = _simple(network, directed=True)
    pagerank = nx.pagerank(directed, weight="weight")
    sample = None if undirected.number_of_nodes() <= betweenness_sample else betweenness_sample
    betweenness = nx.betweenness_centrality(undirected, k=sample, seed=seed, normalized=True)
    weights = dict(network.degree(weight="weight"))
    rows = [
        {
            "actor": data["label"],
            "type": data.get("type"),
            "degree": undirected.degree(node),
            "statements": int(weights[node]),
            "pagerank": pagerank[node],
            "betweenness": betweenness[node],
            "actor_iri": node,
        }
        for node, data in network.nodes(data=True)
    ]
    table = (
        pd.DataFrame(rows, columns=columns)
        .sort_values(["pagerank", "degree", "actor"], ascending=[False, False, True], kind="stable")
        .reset_index(drop=True)
    )
    return table.head(top) if top else table


def communities(graph: Any, *, seed: int = 7, resolution: float = 1.0, **options: Any) -> pandas.DataFrame:
    """Communities of the actor network (Louvain on statement weights), largest first.

    Returns one row per actor: ``community`` (0 is the largest), its ``size``, and the
    actor's label, type and IRI.
    """
    import networkx as nx
    import pandas as pd

    network = _network(graph, **options)
    columns = ["community", "size", "actor", "type", "actor_iri"]
    if network.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    undirected = _simple(network)
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed, resolution=resolution)
    ordered = sorted((sorted(group) for group in found), key=lambda group: (-len(group), group))
    rows = [
        {
            "community": number,
            "size": len(group),
            "actor": network.nodes[node]["label"],
            "type": network.nodes[node].get("type"),
            "actor_iri": node,
        }
        for number, group in enumerate(ordered)
        for node in group
    ]
    return pd.DataFrame(rows, columns=columns).sort_values(["community", "actor"], kind="stable").reset_index(drop=True)


def membership_blocs(graph: Any, *, as_of: str | None = None, level: str = "actor") -> pandas.DataFrame:
    """Organisations with their members, as of a day (every membership ever said when ``None``).

    A member is an actor said to be a member of (``memberOf``) or to have joined the
    organisation, in an asserted statement whose span holds on ``as_of``: a membership
    ended by a withdrawal no longer counts after it.
    """
    import pandas as pd

    rdf = _rdf(graph)
    records = [
        r
        for r in statement_records(rdf)
        if r.asserted and r.relation in ("memberOf", "joined") and (as_of is None or in_time(r, as_of=as_of))
    ]
    entities = entity_records(rdf, {r.subject for r in records} | {r.object for r in records})
    fold = _country_folding(records, entities) if level == "country" else {}
    members: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if entities[record.object].type == "InternationalOrganization":
            members[record.object].add(fold.get(record.subject, record.subject))
    for target in {m for group in members.values() for m in group} - set(entities):
        entities.update(entity_records(rdf, [target]))
    rows = [
        {
            "organization": entities[org].label,
            "size": len(group),
            "members": sorted(entities[m].label for m in group),
            "organization_iri": org,
            "member_iris": sorted(group),
        }
        for org, group in members.items()
    ]
    columns = ["organization", "size", "members", "organization_iri", "member_iris"]
    return (
        pd.DataFrame(rows, columns=columns)
        .sort_values(["size", "organization"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def _find_node(network: networkx.Graph, name: str) -> str:
    if name in network:
        return name
    from kg.query import _expand_prefixed

    expanded = _expand_prefixed(name)
    if expanded is not None and str(expanded) in network:
        return str(expanded)
    wanted = name.strip().casefold()
    found = sorted(
        node
        for node, data in network.nodes(data=True)
        if wanted == str(data.get("label", "")).casefold() or wanted in (n.casefold() for n in data.get("names", ()))
    )
    if len(found) == 1:
        return found[0]
    if found:
        raise QueryError(f"{name!r} names more than one actor ({', '.join(found)}); give the IRI")
    raise QueryError(f"no actor named {name!r} in the network; check the spelling, the level and the filters")


def ego_network(graph: Any, actor: str, *, radius: int = 1, **options: Any) -> networkx.MultiDiGraph:
    """The actors within ``radius`` relations of ``actor`` (either direction), and their relations."""
    import networkx as nx

    network = _network(graph, **options)
    centre = _find_node(network, actor)
    return nx.ego_graph(network, centre, radius=radius, undirected=True).copy()


def timeline(
    graph: Any,
    actor: str,
    *,
    level: str = "actor",
    since: str | None = None,
    until: str | None = None,
    modalities: Iterable[str] | None = ("Asserted",),
) -> pandas.DataFrame:
    """An actor's statements in date order (undated ones at their document's date).

    At ``level="country"`` a country's timeline includes what its agents, persons and
    government bodies did or underwent.
    """
    rdf = _rdf(graph)
    table = statements(rdf, since=since, until=until, modalities=modalities)
    network = actor_graph(rdf, level=level, modalities=modalities, include_places=True)
    try:
        centre = _find_node(network, actor)
    except QueryError:
        from kg.query import resolve_actor

        centre = str(resolve_actor(rdf, actor))
    members = {centre}
    if level == "country":
        records = statement_records(rdf)
        entities = entity_records(rdf, {r.subject for r in records} | {r.object for r in records})
        members |= {iri for iri, country in _country_folding(records, entities).items() if country == centre}
    mask = table["subject_iri"].isin(members) | table["object_iri"].isin(members)
    return (
        table[mask]
        .sort_values(["when", "subject", "relation"], kind="stable", na_position="last")
        .reset_index(drop=True)
    )


def signed_graph(graph: Any, **options: Any) -> networkx.Graph:
    """The signed projection: one undirected edge per pair of actors.

    Each edge has ``positive`` and ``negative`` (statements of cooperative and hostile
    relations), ``weight`` = positive - negative and ``sign`` (+1, -1 or 0). Pairs
    joined only by unsigned relations (membership, structure) are left out.
    """
    import networkx as nx

    network = _network(graph, **options)
    signed = nx.Graph()
    for u, v, data in network.edges(data=True):
        sign = data.get("sign", 0)
        if not sign or u == v:
            continue
        for node in (u, v):
            if node not in signed:
                signed.add_node(node, **network.nodes[node])
        if not signed.has_edge(u, v):
            signed.add_edge(u, v, positive=0, negative=0)
        signed[u][v]["positive" if sign > 0 else "negative"] += data.get("weight", 1)
    for _, _, data in signed.edges(data=True):
        data["weight"] = data["positive"] - data["negative"]
        data["sign"] = (data["weight"] > 0) - (data["weight"] < 0)
    return signed


@dataclass(frozen=True)
class Tension:
    """The tension between two actors over a time window.

    ``score`` = (hostile - cooperative) / (hostile + cooperative), each the sum of
    the confidences of the statements between them: 1 only hostile, -1 only
    cooperative, 0 balanced or nothing said (``statements`` tells which).
    """

    score: float
    hostile: float
    cooperative: float
    statements: int
    relations: dict[str, int] = field(default_factory=dict)


def tension(
    graph: Any, actor: str, other: str, *, since: str | None = None, until: str | None = None, level: str = "country"
) -> Tension:
    """The tension score of a pair of actors in a time window (see :class:`Tension`).

    At the default ``level="country"`` what a country's agents, persons and bodies
    said and did counts for the country.
    """
    everything = actor_graph(graph, level=level)  # the names are looked up in the whole network
    first, second = _find_node(everything, actor), _find_node(everything, other)
    network = actor_graph(graph, level=level, since=since, until=until)
    hostile = cooperative = 0.0
    count = 0
    relations: dict[str, int] = defaultdict(int)
    for u, v, data in network.edges(data=True):
        if {u, v} != {first, second} or not data.get("sign"):
            continue
        for record in data["statements"]:
            weight = record.confidence if record.confidence is not None else 1.0
            if data["sign"] > 0:
                cooperative += weight
            else:
                hostile += weight
            count += 1
            relations[data["relation"]] += 1
    total = hostile + cooperative
    score = (hostile - cooperative) / total if total else 0.0
    return Tension(round(score, 4), round(hostile, 4), round(cooperative, 4), count, dict(sorted(relations.items())))
