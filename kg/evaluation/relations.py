"""Score extracted relations against gold sets.

Two benchmarks are supported:

- the geokg gold format (a directory with ``docs.jsonl``, ``gold.jsonl`` and
  ``entities.json``), scored by :func:`evaluate`;
- Re-DocRED documents with Wikidata property ids, scored at sentence level by
  :func:`evaluate_redocred` through an alignment of geokg relations to Wikidata.

Nothing here runs a pipeline: the caller passes an ``extract`` function that
turns documents into :class:`~kg.records.Relation` records, so scoring is
independent of spaCy and can be tested with hand-built records.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluation.actors import GoldResolver
from kg.evaluation.actors import normalise as _normalise
from kg.readers import read_documents
from kg.records import EVENT_RELATIONS, Document, Entity, Relation, slugify

__all__ = [
    "REDOCRED_PROPERTIES",
    "AssertedTrap",
    "EvaluationReport",
    "GoldEntity",
    "GoldItem",
    "GoldSet",
    "RedocCounts",
    "ReliabilityBin",
    "RedocDoc",
    "RedocEntity",
    "RedocMention",
    "RedocPrediction",
    "RedocRelation",
    "RedocReport",
    "Scores",
    "SpuriousStatement",
    "TimeError",
    "Trap",
    "evaluate",
    "evaluate_redocred",
    "load_gold_set",
    "load_redocred",
    "reliability",
]

logger = logging.getLogger(__name__)

#: Wikidata properties scored on Re-DocRED by default.
REDOCRED_PROPERTIES = ("P463", "P35", "P6", "P36", "P1376", "P607", "P1344", "P710", "P17", "P131")

_GOLD_FILES = ("docs.jsonl", "gold.jsonl", "entities.json")
_TRAPS_FILE = "not_asserted.jsonl"
_TIME_PREFIX = re.compile(r"-?\d{4}(-\d{2}(-\d{2})?)?")


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


# --------------------------------------------------------------------------- gold sets


@dataclass(frozen=True)
class GoldEntity:
    """An entity key of a gold set with its acceptable names."""

    key: str
    aliases: tuple[str, ...]
    qid: str | None = None


@dataclass(frozen=True)
class GoldItem:
    """One expected relation: any listed subject, relation and object is acceptable."""

    document_id: str
    subjects: tuple[str, ...]
    predicates: tuple[str, ...]
    objects: tuple[str, ...]
    time: str | None = None
    optional: bool = False

    @property
    def relation(self) -> str:
        """The relation the item is reported under: the first of `predicates`."""
        return self.predicates[0]

    def to_dict(self) -> dict[str, Any]:
        """Return the item in the shape of a ``gold.jsonl`` line."""
        return {**_pattern_dict(self), "time": self.time, "optional": self.optional}


@dataclass(frozen=True)
class Trap:
    """A statement a document mentions but does not assert: a ``not_asserted.jsonl`` line.

    ``why`` says why it is not asserted (``called-for``, ``future``,
    ``conditional``, ``speculation``, ``negated``, ``denied``). An asserted
    statement matching a trap is a modality error.
    """

    document_id: str
    subjects: tuple[str, ...]
    predicates: tuple[str, ...]
    objects: tuple[str, ...]
    why: str

    def to_dict(self) -> dict[str, Any]:
        """Return the trap in the shape of a ``not_asserted.jsonl`` line."""
        return {**_pattern_dict(self), "why": self.why}


def _pattern_dict(line: GoldItem | Trap) -> dict[str, Any]:
    """The document and the acceptable subjects, relations and objects of a gold line."""
    return {
        "doc": line.document_id,
        "s": list(line.subjects),
        "p": list(line.predicates),
        "o": list(line.objects),
    }


@dataclass(frozen=True)
class GoldSet:
    """Documents, expected relations, entity names and traps of one gold set."""

    documents: tuple[Document, ...]
    items: tuple[GoldItem, ...]
    entities: Mapping[str, GoldEntity] = field(default_factory=dict)
    traps: tuple[Trap, ...] = ()


def load_gold_set(path: str | Path) -> GoldSet:
    """Load a gold set directory.

    Parameters
    ----------
    path : str or Path
        A directory holding ``docs.jsonl`` (``id``, ``date``, ``text``),
        ``gold.jsonl`` (``doc``, ``s``, ``p``, ``o``, ``time``, optional
        ``optional``) and ``entities.json`` (key -> ``aliases``, ``qid``);
        optionally ``not_asserted.jsonl`` (``doc``, ``s``, ``p``, ``o``,
        ``why``: the traps). Other files (such as ``sources.jsonl``) are not
        read.

    Returns
    -------
    GoldSet

    Raises
    ------
    InputError
        When the directory or a file is missing or malformed, or a gold item
        or trap names a document or entity key that is not defined.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "docs.jsonl").write_text(
    ...     '{"id": "d1", "date": "2020-01-02", "text": "Chile recognised Palau."}\\n')
    >>> _ = (folder / "gold.jsonl").write_text(json.dumps(
    ...     {"doc": "d1", "s": ["CHL"], "p": ["recognized"], "o": ["PLW"], "time": None}) + "\\n")
    >>> _ = (folder / "entities.json").write_text(json.dumps(
    ...     {"CHL": {"aliases": ["Chile"], "qid": "Q298"},
    ...      "PLW": {"aliases": ["Palau"], "qid": None}}))
    >>> gold = load_gold_set(folder)
    >>> gold.items[0].relation, gold.entities["CHL"].qid
    ('recognized', 'Q298')
    """
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(
            f"{folder}: gold set directory not found; give a folder holding docs.jsonl, gold.jsonl and entities.json"
        )
    for name in _GOLD_FILES:
        if not (folder / name).is_file():
            raise InputError(
                f"{folder / name}: missing; a gold set directory holds docs.jsonl, gold.jsonl and entities.json"
            )
    documents = tuple(read_documents([folder / "docs.jsonl"]))
    entities = _load_gold_entities(folder / "entities.json")
    document_ids = {document.id for document in documents}
    items = tuple(_load_gold_items(folder / "gold.jsonl", document_ids, entities))
    traps_path = folder / _TRAPS_FILE
    traps = tuple(_load_traps(traps_path, document_ids, entities)) if traps_path.is_file() else ()
    logger.info("loaded gold set %s: %d documents, %d items, %d traps", folder, len(documents), len(items), len(traps))
    return GoldSet(documents=documents, items=items, entities=entities, traps=traps)


def _read_utf8(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the file ({error}); give a readable UTF-8 file") from None


def _load_json(path: Path) -> Any:
    try:
        return json.loads(_read_utf8(path))
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}: invalid JSON ({error.msg} at line {error.lineno}, column {error.colno}); fix the syntax"
        ) from None


def _load_json_line(line: str, place: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{place}: invalid JSON ({error.msg}); write one JSON object per line") from None


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item for item in value)


def _load_gold_entities(path: Path) -> dict[str, GoldEntity]:
    table = _load_json(path)
    if not isinstance(table, dict):
        raise InputError(f"{path}: expected a JSON object mapping entity keys to {{aliases, qid}}")
    entities = {}
    for key, entry in table.items():
        if not isinstance(entry, dict) or not _is_strings(entry.get("aliases")):
            raise InputError(f'{path}: entity {key!r} needs "aliases", a list of non-empty strings')
        qid = entry.get("qid")
        if qid is not None and not (isinstance(qid, str) and re.fullmatch(r"Q\d+", qid)):
            raise InputError(f"{path}: entity {key!r} has qid {qid!r}; give a Wikidata id like Q7184 or null")
        entities[key] = GoldEntity(key=key, aliases=tuple(entry["aliases"]), qid=qid)
    return entities


def _gold_lines(
    path: Path, document_ids: set[str], entities: Mapping[str, GoldEntity], fields: str
) -> Iterable[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Yield (place, record, pattern) for each line of a gold file, with doc, s, p and o checked.

    ``pattern`` holds the line's document and alternatives as keyword arguments of
    :class:`GoldItem` and :class:`Trap`.
    """
    for number, line in enumerate(_read_utf8(path).split("\n"), start=1):
        if not line.strip():
            continue
        place = f"{path}:{number}"
        record = _load_json_line(line, place)
        if not isinstance(record, dict):
            raise InputError(f"{place}: expected a JSON object with {fields}")
        document_id = record.get("doc")
        if document_id not in document_ids:
            raise InputError(f"{place}: unknown document {document_id!r}; use an id from docs.jsonl")
        for slot in ("s", "p", "o"):
            if not _is_strings(record.get(slot)) or not record[slot]:
                raise InputError(f'{place}: "{slot}" must be a non-empty list of strings')
        for slot in ("s", "o"):
            for key in record[slot]:
                if key not in entities:
                    raise InputError(f'{place}: unknown entity key {key!r} in "{slot}"; add it to entities.json')
        pattern = {
            "document_id": document_id,
            "subjects": tuple(record["s"]),
            "predicates": tuple(record["p"]),
            "objects": tuple(record["o"]),
        }
        yield place, record, pattern


def _load_gold_items(path: Path, document_ids: set[str], entities: Mapping[str, GoldEntity]) -> Iterable[GoldItem]:
    for place, record, pattern in _gold_lines(path, document_ids, entities, "doc, s, p, o and time"):
        time = record.get("time")
        if time is not None and not (isinstance(time, str) and _TIME_PREFIX.fullmatch(time)):
            raise InputError(f'{place}: "time" is {time!r}; give YYYY, YYYY-MM, YYYY-MM-DD or null')
        optional = record.get("optional", False)
        if not isinstance(optional, bool):
            raise InputError(f'{place}: "optional" must be true or false')
        yield GoldItem(**pattern, time=time, optional=optional)


def _load_traps(path: Path, document_ids: set[str], entities: Mapping[str, GoldEntity]) -> Iterable[Trap]:
    for place, record, pattern in _gold_lines(path, document_ids, entities, "doc, s, p, o and why"):
        why = record.get("why")
        if not isinstance(why, str) or not why.strip():
            raise InputError(
                f'{place}: "why" must say why the statement is not asserted, '
                'e.g. "called-for", "future", "conditional", "speculation", '
                '"negated" or "denied"'
            )
        yield Trap(**pattern, why=why)


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Scores:
    """True positives, false positives and false negatives, with derived ratios.

    A ratio with a zero denominator is reported as 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class SpuriousStatement:
    """An asserted statement that matches no gold item."""

    document_id: str
    subject: str
    predicate: str
    object: str
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return {
            "doc": self.document_id,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class AssertedTrap:
    """A trap that an asserted statement matched: the trap (with its ``why``) and the statement."""

    trap: Trap
    statement: SpuriousStatement

    def to_dict(self) -> dict[str, Any]:
        return {**self.trap.to_dict(), "statement": self.statement.to_dict()}


@dataclass(frozen=True)
class TimeError:
    """A matched gold item with a time that no matching statement's time agrees with.

    ``found`` holds the times the matching statements were compared at: a
    statement's own time, a document's date (marked ``(document date)``) for an
    undated event, or ``none``.
    """

    item: GoldItem
    found: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.item.to_dict(), "found": list(self.found)}


@dataclass(frozen=True)
class EvaluationReport:
    """Scores of one run against a gold set.

    ``time_accuracy`` is None when no matched, non-optional gold item has a
    time; ``time_from_document`` counts the items whose time agreed only
    through an undated event statement's document date. ``traps_asserted``
    lists the traps an asserted statement matched, ``traps_not_asserted``
    counts the other traps a statement with another modality matched (the
    right outcome), out of ``traps_total``. ``time_errors`` lists the matched
    items whose time did not agree.
    """

    micro: Scores
    per_relation: dict[str, Scores]
    time_accuracy: float | None
    time_correct: int
    time_total: int
    misses: tuple[GoldItem, ...]
    spurious: tuple[SpuriousStatement, ...]
    #: (confidence, correct) of every scored statement, for calibration.
    judged: tuple[tuple[float, bool], ...] = ()
    time_from_document: int = 0
    traps_total: int = 0
    traps_asserted: tuple[AssertedTrap, ...] = ()
    traps_not_asserted: int = 0
    time_errors: tuple[TimeError, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-serialisable data."""
        return {
            "calibration": [row.to_dict() for row in reliability(self.judged)],
            "micro": self.micro.to_dict(),
            "per_relation": {name: scores.to_dict() for name, scores in self.per_relation.items()},
            "time_accuracy": self.time_accuracy,
            "time_correct": self.time_correct,
            "time_total": self.time_total,
            "time_from_document": self.time_from_document,
            "time_errors": [error.to_dict() for error in self.time_errors],
            "traps": {
                "total": self.traps_total,
                "asserted": len(self.traps_asserted),
                "not_asserted": self.traps_not_asserted,
                "asserted_traps": [hit.to_dict() for hit in self.traps_asserted],
            },
            "misses": [item.to_dict() for item in self.misses],
            "spurious": [statement.to_dict() for statement in self.spurious],
        }

    def summary(self) -> str:
        """One line: precision, recall, F1, time accuracy and traps asserted."""
        time = "n/a" if self.time_accuracy is None else f"{self.time_accuracy:.3f}"
        return (
            f"P {self.micro.precision:.3f}  R {self.micro.recall:.3f}  F1 {self.micro.f1:.3f}  "
            f"time accuracy {time}  traps asserted {len(self.traps_asserted)} of {self.traps_total}"
        )

    def to_text(self) -> str:
        """Return the summary line, a fixed-width table of the scores, then the details."""
        width = max([len("relation"), len("micro"), *map(len, self.per_relation)])
        header = f"{'relation':<{width}} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"
        lines = [self.summary(), "", header, "-" * len(header)]
        rows = [*self.per_relation.items(), ("micro", self.micro)]
        for position, (name, scores) in enumerate(rows):
            if position == len(rows) - 1:
                lines.append("-" * len(header))
            lines.append(
                f"{name:<{width}} {scores.tp:>4} {scores.fp:>4} {scores.fn:>4} "
                f"{scores.precision:>6.3f} {scores.recall:>6.3f} {scores.f1:>6.3f}"
            )
        if self.time_accuracy is None:
            lines.append("time accuracy: n/a (no matched gold item has a time)")
        else:
            lines.append(
                f"time accuracy: {self.time_accuracy:.3f} "
                f"({self.time_correct} of {self.time_total} matched items with a gold time; "
                f"{self.time_from_document} by an undated event's document date)"
            )
        lines.append(
            f"traps asserted: {len(self.traps_asserted)} of {self.traps_total} "
            f"({self.traps_not_asserted} more found with their modality, not asserted)"
        )
        lines.extend(_reliability_lines(self.judged))
        ids = [item.document_id for item in self.misses]
        ids += [statement.document_id for statement in self.spurious]
        ids += [hit.trap.document_id for hit in self.traps_asserted]
        ids += [error.item.document_id for error in self.time_errors]
        id_width = max(map(len, ids), default=0)
        if self.traps_asserted:
            lines.append(f"asserted traps ({len(self.traps_asserted)}):")
        for hit in self.traps_asserted:
            statement = hit.statement
            evidence = " ".join(statement.evidence.split())
            lines.append(
                f"  {hit.trap.document_id:<{id_width}}  {statement.subject} {statement.predicate} "
                f'{statement.object}  [{hit.trap.why}]  "{evidence}"'
            )
        if self.time_errors:
            lines.append(f"wrong times ({len(self.time_errors)}):")
        for error in self.time_errors:
            item = error.item
            lines.append(
                f"  {item.document_id:<{id_width}}  {'|'.join(item.subjects)} "
                f"{'|'.join(item.predicates)} {'|'.join(item.objects)}  time {item.time}, "
                f"found {', '.join(error.found)}"
            )
        lines.append(f"misses ({len(self.misses)}):")
        for item in self.misses:
            time = f"  time {item.time}" if item.time else ""
            lines.append(
                f"  {item.document_id:<{id_width}}  {'|'.join(item.subjects)} "
                f"{'|'.join(item.predicates)} {'|'.join(item.objects)}{time}"
            )
        lines.append(f"spurious ({len(self.spurious)}):")
        for statement in self.spurious:
            evidence = " ".join(statement.evidence.split())
            lines.append(
                f"  {statement.document_id:<{id_width}}  {statement.subject} {statement.predicate} "
                f'{statement.object}  "{evidence}"'
            )
        return "\n".join(lines)


def _item_matches(
    item: GoldItem | Trap,
    subject_keys: frozenset[str],
    predicates: frozenset[str],
    object_keys: frozenset[str],
    symmetric: frozenset[str],
) -> bool:
    shared = predicates.intersection(item.predicates)
    if not shared:
        return False
    if subject_keys.intersection(item.subjects) and object_keys.intersection(item.objects):
        return True
    return bool(
        shared & symmetric and subject_keys.intersection(item.objects) and object_keys.intersection(item.subjects)
    )


def _statement_time(
    statement: Relation, document_dates: Mapping[str, str], event_relations: frozenset[str]
) -> tuple[str | None, bool]:
    """The time a statement is compared at, and whether it is its document's date.

    A dated statement is compared at its point, else its start. An undated
    event statement is compared at its document's date; an undated standing
    relation at no time, so it agrees with no gold time.
    """
    if statement.time is not None:
        return statement.time.point or statement.time.start, False
    if statement.predicate in event_relations:
        return document_dates.get(statement.document_id), True
    return None, False


def _listed(statement: Relation) -> SpuriousStatement:
    return SpuriousStatement(
        document_id=statement.document_id,
        subject=statement.subject.label,
        predicate=statement.predicate,
        object=statement.object.label,
        evidence=statement.evidence,
    )


def evaluate(
    gold: GoldSet,
    extract: Callable[[list[Document]], Iterable[Relation]],
    *,
    super_properties: Callable[[str], frozenset[str]] = lambda p: frozenset({p}),
    symmetric: frozenset[str] = frozenset(),
    event_relations: frozenset[str] = frozenset(EVENT_RELATIONS),
    agent_suffixes: Mapping[str, Sequence[str]] | None = None,
) -> EvaluationReport:
    """Run `extract` on the gold documents and score its asserted statements.

    A statement matches a gold item of its document when its subject resolves
    to one of the item's subjects, its relation or one of its super-properties
    is one of the item's relations, and its object resolves to one of the
    item's objects; when the relation it matches through is in `symmetric`,
    subject and object may be swapped. Traps (``gold.traps``) are matched the
    same way.

    An entity resolves to a gold key when its QID is the key's, or when its
    label, an alias or abbreviation, or the statement's text for it equals one
    of the key's aliases, ignoring case, accents and a leading "the ". A person
    also resolves through the end of their label ("Jens Stoltenberg" matches
    the alias "Stoltenberg"). An ``Agent`` resolves to the keys of its country
    (the entity of the statement's ``countries`` whose key is the agent's
    ``country``) and to ``<COUNTRY>_<SUFFIX>`` for each gold-key suffix of its
    sector (`agent_suffixes`, by default ``agent_keys.json``: Police ->
    ``KEN_POLICE``). A ``GovernmentBody`` or ``Organization`` whose names
    resolve to nothing resolves to its country's keys when the statement's
    words for it hold one of the country's demonyms ("French foreign
    ministry"); see :mod:`kg.evaluation.actors`.

    Counting:

    - only statements with modality ``Asserted`` are scored;
    - a non-optional gold item matched by at least one statement is a true
      positive, however many statements match it; one not matched is a false
      negative (a miss);
    - a statement that matches no gold item is a false positive (spurious);
      statements equal after resolution (same document, subject, relation and
      object) count once. A statement matching only optional items counts
      neither way;
    - per relation, gold items count under their first relation, spurious
      statements under their own;
    - time accuracy is the share of matched, non-optional gold items with a
      ``time`` for which a matching statement's time starts with the gold
      prefix, i.e. is at least as precise and agrees with it. A statement is
      compared at its point in time, else its start; an undated statement of
      one of `event_relations` at its document's date; an undated standing
      relation at no time (it agrees only with gold items without a time,
      which time accuracy does not count);
    - a trap is asserted when an asserted statement matches it (it is listed
      with the first such statement); the traps that only statements with
      another modality match are counted as ``traps_not_asserted``.

    Parameters
    ----------
    gold : GoldSet
        From :func:`load_gold_set`.
    extract : callable
        Takes the gold documents, returns the extracted relations.
    super_properties : callable, optional
        Maps a relation to itself and its super-properties in the ontology.
    symmetric : frozenset of str, optional
        Relations whose subject and object may be given in either order.
    event_relations : frozenset of str, optional
        Relations of events, placed at their document's date when undated.
    agent_suffixes : mapping, optional
        Sector -> gold-key suffixes of agents.

    Returns
    -------
    EvaluationReport

    Examples
    --------
    >>> from kg.records import Document, Entity, Relation
    >>> chile = Entity("chile", "Chile", "Country", qid="Q298")
    >>> palau = Entity("palau", "Palau", "Country")
    >>> gold = GoldSet(
    ...     documents=(Document("d1", "Chile recognised Palau."),),
    ...     items=(GoldItem("d1", ("CHL",), ("recognized",), ("PLW",)),),
    ...     entities={"CHL": GoldEntity("CHL", ("Chile",), "Q298"),
    ...               "PLW": GoldEntity("PLW", ("Palau",))})
    >>> def extract(documents):
    ...     return [Relation(chile, "recognized", palau, "d1", "Chile recognised Palau.",
    ...                      0, 23, "Chile", "Palau")]
    >>> evaluate(gold, extract).micro
    Scores(tp=1, fp=0, fn=0)
    """
    documents = list(gold.documents)
    document_dates = {doc.id: doc.date.isoformat() for doc in documents if doc.date}
    resolver = GoldResolver(gold.entities, agent_suffixes)
    items_by_document: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(gold.items):
        items_by_document[item.document_id].append(index)
    traps_by_document: dict[str, list[int]] = defaultdict(list)
    for index, trap in enumerate(gold.traps):
        traps_by_document[trap.document_id].append(index)

    statements = list(extract(documents))
    for statement in statements:
        resolver.know_countries((statement.subject, statement.object, *statement.countries))
    matched: dict[int, list[Relation]] = defaultdict(list)
    spurious: dict[tuple[Any, ...], Relation] = {}
    trapped: dict[int, Relation] = {}
    trap_seen_unasserted: set[int] = set()
    skipped = 0
    for statement in statements:
        subject_keys = resolver.resolve(statement.subject, statement.subject_text, statement.countries)
        object_keys = resolver.resolve(statement.object, statement.object_text, statement.countries)
        predicates = frozenset(super_properties(statement.predicate)) | {statement.predicate}
        traps = [
            index
            for index in traps_by_document.get(statement.document_id, ())
            if _item_matches(gold.traps[index], subject_keys, predicates, object_keys, symmetric)
        ]
        if not statement.asserted:
            trap_seen_unasserted.update(traps)
            skipped += 1
            continue
        for index in traps:
            trapped.setdefault(index, statement)
        hits = [
            index
            for index in items_by_document.get(statement.document_id, ())
            if _item_matches(gold.items[index], subject_keys, predicates, object_keys, symmetric)
        ]
        for index in hits:
            matched[index].append(statement)
        if not hits:
            # Identify an end by its gold keys, else by its own key.
            ends = [
                tuple(sorted(subject_keys)) or ("", statement.subject.key),
                tuple(sorted(object_keys)) or ("", statement.object.key),
            ]
            if statement.predicate in symmetric:
                ends.sort()
            identity = (statement.document_id, ends[0], statement.predicate, ends[1])
            spurious.setdefault(identity, statement)
    logger.debug("skipped %d statements that are not asserted", skipped)

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    misses = []
    time_total = time_correct = time_from_document = 0
    time_errors: list[TimeError] = []
    for index, item in enumerate(gold.items):
        if item.optional:
            continue
        if index not in matched:
            fn[item.relation] += 1
            misses.append(item)
            continue
        tp[item.relation] += 1
        if item.time is None:
            continue
        time_total += 1
        compared = [_statement_time(statement, document_dates, event_relations) for statement in matched[index]]
        agreeing = [
            from_document for value, from_document in compared if value is not None and value.startswith(item.time)
        ]
        time_correct += bool(agreeing)
        time_from_document += bool(agreeing) and all(agreeing)
        if not agreeing:
            found = (
                "none" if value is None else f"{value} (document date)" if from_document else value
                for value, from_document in compared
            )
            time_errors.append(TimeError(item, tuple(dict.fromkeys(found))))
    for statement in spurious.values():
        fp[statement.predicate] += 1
    judged = [(statement.confidence, False) for statement in spurious.values()]
    for index, statements_of_item in matched.items():
        if not gold.items[index].optional:
            judged.append((max(s.confidence for s in statements_of_item), True))

    relations = sorted(set(tp) | set(fp) | set(fn))
    return EvaluationReport(
        micro=Scores(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        per_relation={name: Scores(tp[name], fp[name], fn[name]) for name in relations},
        time_accuracy=time_correct / time_total if time_total else None,
        time_correct=time_correct,
        time_total=time_total,
        misses=tuple(misses),
        spurious=tuple(_listed(statement) for statement in spurious.values()),
        judged=tuple(sorted(judged)),
        time_from_document=time_from_document,
        traps_total=len(gold.traps),
        traps_asserted=tuple(AssertedTrap(gold.traps[index], _listed(trapped[index])) for index in sorted(trapped)),
        traps_not_asserted=len(trap_seen_unasserted - set(trapped)),
        time_errors=tuple(time_errors),
    )


def _reliability_lines(judged: Iterable[tuple[float, bool]]) -> list[str]:
    rows = [row for row in reliability(judged) if row.count]
    if not rows:
        return []
    lines = ["confidence   statements  correct  precision"]
    for row in rows:
        lines.append(f"[{row.low:.2f}, {row.high:.2f})  {row.count:>10} {row.correct:>8} {row.precision:>10.3f}")
    return lines


@dataclass(frozen=True)
class ReliabilityBin:
    """Statements whose confidence falls in [low, high), and how many were right."""

    low: float
    high: float
    count: int
    correct: int

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.count)

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "correct": self.correct,
            "precision": self.precision,
        }


def reliability(
    judged: Iterable[tuple[float, bool]], edges: Sequence[float] = (0.0, 0.5, 0.6, 0.7, 0.8, 1.01)
) -> list[ReliabilityBin]:
    """Precision of statements by confidence band: how well confidence is calibrated.

    Examples
    --------
    >>> [(b.low, b.count, b.correct) for b in reliability([(0.55, True), (0.58, False), (0.9, True)])]
    [(0.0, 0, 0), (0.5, 2, 1), (0.6, 0, 0), (0.7, 0, 0), (0.8, 1, 1)]
    """
    judged = list(judged)
    bins = []
    for low, high in zip(edges, edges[1:]):
        inside = [correct for confidence, correct in judged if low <= confidence < high]
        bins.append(ReliabilityBin(low, min(high, 1.0), len(inside), sum(inside)))
    return bins


# --------------------------------------------------------------------------- Re-DocRED


@dataclass(frozen=True)
class RedocMention:
    """A mention of a Re-DocRED entity; offsets are relative to its sentence."""

    text: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class RedocEntity:
    """A Re-DocRED entity cluster."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[RedocMention, ...]


@dataclass(frozen=True)
class RedocRelation:
    """A Re-DocRED relation: ``head`` has Wikidata property ``property`` with value ``tail``.

    ``evidence`` holds the annotated evidence sentences; ``evidence_fallback``
    the sentences Re-DocRED offers when none were annotated (those mentioning
    both entities).
    """

    head: int
    property: str
    tail: int
    evidence: tuple[int, ...]
    evidence_fallback: tuple[int, ...] = ()

    @property
    def sentences(self) -> tuple[int, ...]:
        """The sentences stating the relation: the evidence, else the fallback."""
        return self.evidence or self.evidence_fallback


@dataclass(frozen=True)
class RedocDoc:
    """One Re-DocRED document. ``id`` is the slug of the title, unique within a file."""

    id: str
    title: str
    sentences: tuple[str, ...]
    entities: tuple[RedocEntity, ...]
    relations: tuple[RedocRelation, ...]

    @property
    def sentence_starts(self) -> tuple[int, ...]:
        """Offset of each sentence in :meth:`document` text."""
        starts, offset = [], 0
        for sentence in self.sentences:
            starts.append(offset)
            offset += len(sentence) + 1
        return tuple(starts)

    def document(self) -> Document:
        """Return the document: the sentences joined with single spaces."""
        return Document(id=self.id, text=" ".join(self.sentences), title=self.title)


def load_redocred(path: str | Path) -> list[RedocDoc]:
    """Load Re-DocRED documents from a JSON Lines file.

    Parameters
    ----------
    path : str or Path
        One document per line: ``title``, ``sentences`` (strings), ``entities``
        (``id``, ``canonical``, ``type``, ``aliases``, ``mentions`` with
        ``text``, ``sent_id``, ``char_start``, ``char_end``) and ``relations``
        (``head_id``, ``relation``, ``tail_id``, ``evidence``, optional
        ``evidence_fallback``).

    Returns
    -------
    list of RedocDoc

    Raises
    ------
    InputError
        When the file is missing or a line is malformed (the message names the
        line).
    """
    source = Path(path)
    if not source.is_file():
        raise InputError(f"{source}: no such file; give a Re-DocRED .jsonl file")
    lines = _read_utf8(source).split("\n")
    documents: list[RedocDoc] = []
    used_ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        place = f"{source}:{number}"
        record = _load_json_line(line, place)
        try:
            document = _redoc_document(record)
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise InputError(
                f"{place}: not a Re-DocRED document ({type(error).__name__}: {error}); expected "
                "title, sentences, entities with mentions and relations with head_id, relation, "
                "tail_id and evidence"
            ) from None
        identifier, suffix = document.id, 2
        while identifier in used_ids:
            identifier, suffix = f"{document.id}-{suffix}", suffix + 1
        used_ids.add(identifier)
        documents.append(replace(document, id=identifier))
    return documents


def _redoc_document(record: dict[str, Any]) -> RedocDoc:
    sentences = tuple(record["sentences"])
    if not sentences or not all(isinstance(sentence, str) for sentence in sentences):
        raise ValueError("sentences must be a non-empty list of strings")
    entities = []
    for entry in record["entities"]:
        mentions = tuple(
            RedocMention(
                text=mention["text"],
                sentence=int(mention["sent_id"]),
                start=int(mention["char_start"]),
                end=int(mention["char_end"]),
            )
            for mention in entry["mentions"]
        )
        if any(not 0 <= mention.sentence < len(sentences) for mention in mentions):
            raise ValueError(f"entity {entry['id']} has a mention outside the sentences")
        entities.append(
            RedocEntity(
                id=int(entry["id"]),
                name=entry.get("canonical") or mentions[0].text,
                type=entry.get("type", ""),
                aliases=tuple(entry.get("aliases", ())),
                mentions=mentions,
            )
        )
    entity_ids = {entity.id for entity in entities}
    relations = []
    for entry in record["relations"]:
        head, tail = int(entry["head_id"]), int(entry["tail_id"])
        if head not in entity_ids or tail not in entity_ids:
            raise ValueError(f"relation {entry['relation']} refers to an unknown entity id")
        relations.append(
            RedocRelation(
                head=head,
                property=entry["relation"],
                tail=tail,
                evidence=tuple(int(i) for i in entry["evidence"]),
                evidence_fallback=tuple(int(i) for i in entry.get("evidence_fallback", ())),
            )
        )
    title = record["title"]
    return RedocDoc(slugify(title), title, sentences, tuple(entities), tuple(relations))


@dataclass(frozen=True)
class RedocCounts:
    """Sentence-level counts for one Wikidata property (or all of them)."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": self.precision,
            "gold": self.gold,
            "found": self.found,
            "recall": self.recall,
        }


@dataclass(frozen=True)
class RedocPrediction:
    """One asserted statement as a Wikidata fact: ``head`` ``property`` ``tail`` in a sentence."""

    document_id: str
    head: int
    property: str
    tail: int
    sentence: int
    correct: bool
    predicate: str
    evidence: str
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.document_id,
            "head": self.head,
            "property": self.property,
            "tail": self.tail,
            "sentence": self.sentence,
            "correct": self.correct,
            "predicate": self.predicate,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class RedocReport:
    """Sentence-level scores on Re-DocRED; see :func:`evaluate_redocred`."""

    per_property: dict[str, RedocCounts]
    overall: RedocCounts
    predictions: tuple[RedocPrediction, ...]
    unresolved: int
    unaligned: int
    gold_without_sentence: int

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-serialisable data."""
        return {
            "overall": self.overall.to_dict(),
            "per_property": {name: counts.to_dict() for name, counts in self.per_property.items()},
            "unresolved": self.unresolved,
            "unaligned": self.unaligned,
            "gold_without_sentence": self.gold_without_sentence,
            "predictions": [prediction.to_dict() for prediction in self.predictions],
        }

    def to_text(self) -> str:
        """Return a fixed-width table of the counts per property."""
        width = max([len("property"), len("overall"), *map(len, self.per_property)])
        header = (
            f"{'property':<{width}} {'predicted':>9} {'correct':>7} {'prec':>6} {'gold':>5} {'found':>5} {'rec':>6}"
        )
        lines = [header, "-" * len(header)]
        rows = [*self.per_property.items(), ("overall", self.overall)]
        for position, (name, counts) in enumerate(rows):
            if position == len(rows) - 1:
                lines.append("-" * len(header))
            lines.append(
                f"{name:<{width}} {counts.predicted:>9} {counts.correct:>7} "
                f"{counts.precision:>6.3f} {counts.gold:>5} {counts.found:>5} "
                f"{counts.recall:>6.3f}"
            )
        lines += [
            f"not scored: {self.unresolved} statements naming an entity the document does not annotate",
            f"not scored: {self.unaligned} statements whose relation has no aligned property",
            f"not findable: {self.gold_without_sentence} gold relations without an evidence sentence",
        ]
        lines += _reliability_lines((p.confidence, p.correct) for p in self.predictions)
        return "\n".join(lines)


def _redoc_names(entity: RedocEntity) -> frozenset[str]:
    names = (entity.name, *entity.aliases, *(mention.text for mention in entity.mentions))
    return frozenset(_normalise(name) for name in names)


def _resolve_redoc(
    entities: Sequence[tuple[RedocEntity, frozenset[str]]], entity: Entity, text: str, sentence: int
) -> int | None:
    """Return the id of the Re-DocRED entity named like `entity`, or None.

    Among several candidates, one mentioned in `sentence` wins, then one that
    matched through the entity's own names rather than the statement's text,
    then the lowest id.
    """
    own_names = {_normalise(name) for name in entity.names}
    written = _normalise(text)
    best: tuple[bool, bool, int] | None = None
    for candidate, names in entities:
        via_name = bool(own_names & names)
        if not via_name and written not in names:
            continue
        in_sentence = any(mention.sentence == sentence for mention in candidate.mentions)
        rank = (not in_sentence, not via_name, candidate.id)
        if best is None or rank < best:
            best = rank
    return None if best is None else best[2]


#: Entity types Wikidata expects of a property's (head, tail), where the
#: geokg relation is broader: leaderOf covers heads of state and government
#: (P35, P6: of a country) and chairpersons (P488: of an organisation);
#: locatedIn covers countries (P17) and administrative areas (P131).
_PROPERTY_TYPES: dict[str, tuple[frozenset[str] | None, frozenset[str] | None]] = {
    "P35": (frozenset({"Country", "Place"}), frozenset({"Person"})),
    "P6": (frozenset({"Country", "Place"}), frozenset({"Person"})),
    "P488": (frozenset({"InternationalOrganization", "Organization", "GovernmentBody"}), frozenset({"Person"})),
    "P17": (None, frozenset({"Country"})),
    "P131": (None, frozenset({"Place"})),
    "P36": (frozenset({"Country", "Place"}), frozenset({"Place"})),
    "P1376": (frozenset({"Place"}), frozenset({"Country", "Place"})),
}


def _fits_property(property_id: str, inverse: bool, statement: Relation) -> bool:
    """Whether a statement's entity types fit what Wikidata expects of the property."""
    head_types, tail_types = _PROPERTY_TYPES.get(property_id, (None, None))
    head, tail = (statement.object, statement.subject) if inverse else (statement.subject, statement.object)
    return (head_types is None or head.type in head_types) and (tail_types is None or tail.type in tail_types)


def evaluate_redocred(
    docs: Sequence[RedocDoc],
    extract: Callable[[list[Document]], Iterable[Relation]],
    alignment: Mapping[str, Sequence[tuple[str, bool]]],
    properties: Sequence[str] = REDOCRED_PROPERTIES,
) -> RedocReport:
    """Score extracted relations against Re-DocRED at sentence level.

    Each document's text is its sentences joined with single spaces. Asserted
    statements are mapped to Wikidata facts and counted as follows:

    - `alignment` maps a property id to ``(relation, inverse)`` pairs; a
      statement whose relation appears there (for one of `properties`) is a
      candidate for each such property, with the Wikidata head being the
      statement's object when ``inverse`` is true. Statements with other
      relations are counted in ``unaligned`` and not scored.
    - The statement's sentence is the one containing ``char_start``. Subject
      and object resolve to the Re-DocRED entity whose mention texts or aliases
      equal (ignoring case, accents and a leading "the ") the statement's text
      for it or the entity's label, aliases or abbreviations, preferring an
      entity mentioned in that sentence. A statement whose subject or object
      resolves to nothing is counted in ``unresolved`` and not scored.
    - One prediction is made per distinct (document, subject, relation, object,
      sentence). It is correct when one of its candidate properties holds
      between head and tail in the gold with that sentence among the
      relation's evidence sentences (the annotated evidence, else the sentences
      mentioning both entities); it is counted (``predicted``, ``correct``)
      under the first such property, or under its first candidate property
      when wrong, so each prediction counts once in precision.
    - Per property, ``gold`` counts gold relations (distinct head, property,
      tail) that have an evidence sentence, and ``found`` those matched by a
      correct prediction: one prediction can find several, such as P36 and
      P1376 for one capitalOf statement. Relations without any evidence
      sentence are counted in ``gold_without_sentence``.

    Parameters
    ----------
    docs : sequence of RedocDoc
        From :func:`load_redocred`.
    extract : callable
        Takes the documents, returns the extracted relations.
    alignment : mapping
        Wikidata property id -> list of (geokg relation, inverse) pairs, e.g.
        ``{"P36": [("capitalOf", True)]}``: "the capital of Chile is Santiago"
        is P36(Chile, Santiago), stated as capitalOf(Santiago, Chile).
    properties : sequence of str, optional
        The Wikidata properties scored.

    Returns
    -------
    RedocReport
    """
    scored = list(dict.fromkeys(properties))
    relation_properties: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for property_id, pairs in alignment.items():
        if property_id in scored:
            for relation, inverse in pairs:
                relation_properties[relation].append((property_id, bool(inverse)))

    by_id = {doc.id: doc for doc in docs}
    gold_sentences: dict[tuple[str, int, str, int], set[int]] = defaultdict(set)
    gold_without_sentence = 0
    for doc in docs:
        for relation in doc.relations:
            if relation.property in scored:
                if relation.sentences:
                    key = (doc.id, relation.head, relation.property, relation.tail)
                    gold_sentences[key].update(relation.sentences)
                else:
                    gold_without_sentence += 1
    entity_names = {doc.id: [(entity, _redoc_names(entity)) for entity in doc.entities] for doc in docs}
    starts = {doc.id: doc.sentence_starts for doc in docs}

    predictions: list[RedocPrediction] = []
    seen: set[tuple[str, int, str, int, int]] = set()
    found: set[tuple[str, int, str, int]] = set()
    unresolved = unaligned = 0
    for statement in extract([doc.document() for doc in docs]):
        if not statement.asserted:
            continue
        doc = by_id.get(statement.document_id)
        if doc is None:
            logger.warning("statement for unknown document %r ignored", statement.document_id)
            continue
        candidates = [
            (property_id, inverse)
            for property_id, inverse in relation_properties.get(statement.predicate, ())
            if _fits_property(property_id, inverse, statement)
        ]
        if not candidates:
            unaligned += 1
            continue
        sentence = bisect.bisect_right(starts[doc.id], statement.char_start) - 1
        named = entity_names[doc.id]
        subject = _resolve_redoc(named, statement.subject, statement.subject_text, sentence)
        object_ = _resolve_redoc(named, statement.object, statement.object_text, sentence)
        if subject is None or object_ is None:
            unresolved += 1
            continue
        key = (doc.id, subject, statement.predicate, object_, sentence)
        if key in seen:
            continue
        seen.add(key)
        options = [
            (property_id, *((object_, subject) if inverse else (subject, object_)))
            for property_id, inverse in candidates
        ]
        hits = [
            option
            for option in options
            if sentence in gold_sentences.get((doc.id, option[1], option[0], option[2]), ())
        ]
        found.update((doc.id, head, property_id, tail) for property_id, head, tail in hits)
        property_id, head, tail = hits[0] if hits else options[0]
        predictions.append(
            RedocPrediction(
                document_id=doc.id,
                head=head,
                property=property_id,
                tail=tail,
                sentence=sentence,
                correct=bool(hits),
                predicate=statement.predicate,
                evidence=statement.evidence,
                confidence=statement.confidence,
            )
        )

    per_property = {}
    for property_id in scored:
        mine = [prediction for prediction in predictions if prediction.property == property_id]
        per_property[property_id] = RedocCounts(
            predicted=len(mine),
            correct=sum(prediction.correct for prediction in mine),
            gold=sum(1 for key in gold_sentences if key[2] == property_id),
            found=sum(1 for key in found if key[2] == property_id),
        )
    overall = RedocCounts(
        predicted=sum(counts.predicted for counts in per_property.values()),
        correct=sum(counts.correct for counts in per_property.values()),
        gold=sum(counts.gold for counts in per_property.values()),
        found=sum(counts.found for counts in per_property.values()),
    )
    return RedocReport(
        per_property=per_property,
        overall=overall,
        predictions=tuple(predictions),
        unresolved=unresolved,
        unaligned=unaligned,
        gold_without_sentence=gold_without_sentence,
    )
