"""Score extracted events against PLOVER event records.

A PLOVER record (one JSON object a line: ``id``, ``event``, ``source``,
``target``, ``text``, ``date``, ``textInfo.markup``) codes one event of one
news sentence: its type and the codes of its source and target actors (ISO
3166 alpha-3 country codes, or group codes such as IGO and NGO). Each distinct
sentence is one document, dated by its record's ``date``. Older event names
(DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) and the few actor codes of published
records that are not ISO codes are mapped through ``plover.json``.

A statement's end resolves to actor codes:

- a ``Country`` to its ISO 3166 alpha-3 code;
- an ``InternationalOrganization`` to IGO;
- an ``Agent``, ``Person``, ``GovernmentBody`` or ``Organization`` to the code
  of its country (:attr:`~kg.records.Entity.country`, found among the
  statement's ``countries`` or the countries seen elsewhere in the run); a
  ``Person`` also to the codes of what the same document's asserted
  ``leaderOf`` / ``officialOf`` statements say they hold office in ("French
  President Jacques Chirac" -> FRA);
- an ``Organization`` with no country to NGO;
- places and events to nothing.

A record code matches a statement's code when they are equal, or when the
record code starts with a group code the statement resolves to (IGOUNO is an
IGO).

A record is *found* when an asserted statement of its sentence has a relation
whose PLOVER types (the ontology's ``gkg:ploverType`` of the relation and its
super-properties) include the record's event type, and:

- when the record has sources and targets: the subject resolves to a source
  and the object to a target (either way round for a symmetric relation);
- when all its actors are on one side and there are two or more (compound
  actors, ``SRC/TAR`` in the markup: "Hungarian and Romanian officials
  agreed"): both ends resolve to those actors, and are two different
  entities;
- when it has one source and no target: the subject resolves to the source
  (either end for a symmetric relation); the record codes no target, so the
  object is not checked;
- when it has no source: likewise, the object resolves to a target.

A record is *domestic* when its two sides share a code (police and
demonstrators of one country, a government and its rebels), or when all its
actors are on one side and share one code, or when it has a single actor; it
is *interstate* otherwise.

*Statement precision* is over the asserted statements of the records'
sentences whose relation has a PLOVER type, each distinct (document, subject,
relation, object) once: a statement is right when it finds a record of its
sentence. A statement counts as interstate or domestic by the record it finds,
else by the first record of its sentence, and under that record's event type,
else under its relation's first PLOVER type. *Strict F1* is the harmonic mean
of record recall and statement precision.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, InputError
from kg.evaluation.actors import CountryIndex
from kg.evaluation.relations import _ratio
from kg.records import Document, Entity, Relation

__all__ = [
    "KINDS",
    "PLOVER_TABLE_PATH",
    "PloverActor",
    "PloverCounts",
    "PloverRecord",
    "PloverReport",
    "PloverSet",
    "PloverStatement",
    "evaluate_plover",
    "is_plover_file",
    "load_plover",
]

logger = logging.getLogger(__name__)

#: The two kinds of record, in report order.
KINDS = ("interstate", "domestic")

#: Event types, old event names, actor-code fixes and group codes.
PLOVER_TABLE_PATH = Path(__file__).with_name("plover.json")

_OFFICE_RELATIONS = frozenset({"leaderOf", "officialOf"})


@dataclass(frozen=True)
class _Table:
    event_types: tuple[str, ...]
    event_aliases: Mapping[str, str]
    code_aliases: Mapping[str, str]
    group_codes: Mapping[str, str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = PLOVER_TABLE_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        table = _Table(
            event_types=tuple(data["event_types"]),
            event_aliases=dict(data["event_aliases"]),
            code_aliases=dict(data["code_aliases"]),
            group_codes=dict(data["group_codes"]),
        )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ConfigError(
            f"{path}: cannot read the PLOVER table ({type(error).__name__}: {error}); it needs "
            "event_types, event_aliases, code_aliases and group_codes"
        ) from None
    unknown = set(table.event_aliases.values()) - set(table.event_types)
    if unknown:
        raise ConfigError(f"{path}: event_aliases lead to unknown event types {sorted(unknown)}")
    return table


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class PloverActor:
    """A coded actor of a record: the words, the code, the sector if given."""

    text: str
    code: str
    sector: str | None = None

    def __str__(self) -> str:
        return f"{self.text} ({self.code})" if self.text else self.code


@dataclass(frozen=True)
class PloverRecord:
    """One PLOVER event record.

    ``event`` is the PLOVER event type (older names mapped), ``published_event``
    the name as the record gives it; ``document_id`` names the document of its
    sentence (the id of the first record with that sentence).
    """

    id: str
    event: str
    sources: tuple[PloverActor, ...]
    targets: tuple[PloverActor, ...]
    text: str
    document_id: str
    published_event: str = ""

    @property
    def kind(self) -> str:
        """``"domestic"`` or ``"interstate"`` (see the module docstring)."""
        sources = {actor.code for actor in self.sources}
        targets = {actor.code for actor in self.targets}
        if sources and targets:
            return "domestic" if sources & targets else "interstate"
        return "domestic" if len(sources | targets) <= 1 else "interstate"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "kind": self.kind,
            "source": [_actor_dict(actor) for actor in self.sources],
            "target": [_actor_dict(actor) for actor in self.targets],
            "text": self.text,
        }


def _actor_dict(actor: PloverActor) -> dict[str, Any]:
    return {"actorText": actor.text, "code": actor.code, "sector": actor.sector}


@dataclass(frozen=True)
class PloverSet:
    """PLOVER records and the documents of their sentences."""

    records: tuple[PloverRecord, ...]
    documents: tuple[Document, ...]


def _first_record(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8-sig") as lines:
            for line in lines:
                if line.strip():
                    return json.loads(line)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return None


def is_plover_file(path: str | Path) -> bool:
    """Whether a ``.jsonl`` file holds PLOVER records (``event``, ``text``, ``source``/``target``).

    Only the first record is looked at; a file that cannot be read is not a
    PLOVER file (its reader reports the problem).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gsr.jsonl"
    >>> _ = path.write_text('{"id": "r1", "event": "AGREE", "source": [], "text": "..."}\\n')
    >>> is_plover_file(path)
    True
    """
    record = _first_record(Path(path))
    return (
        isinstance(record, dict)
        and "event" in record
        and "text" in record
        and ("source" in record or "target" in record)
    )


def load_plover(path: str | Path) -> PloverSet:
    """Load PLOVER event records from a JSON Lines file.

    Parameters
    ----------
    path : str or Path
        One record a line: ``id``, ``event`` (a PLOVER event type or an older
        name), ``source`` and ``target`` (lists of ``actorText``, ``code``,
        optional ``sector``; missing, null or a string for none), ``text``
        (the sentence) and optional ``date`` (``YYYY-MM-DD``).

    Returns
    -------
    PloverSet

    Raises
    ------
    InputError
        When the file is missing or a line is malformed (the message names
        the line and what it needs).
    """
    from kg.readers import parse_date

    source = Path(path)
    if not source.is_file():
        raise InputError(f"{source}: no such file; give a .jsonl file of PLOVER records")
    try:
        lines = source.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{source}: cannot read the file ({error}); give a UTF-8 file") from None
    table = _table()
    records: list[PloverRecord] = []
    documents: dict[str, Document] = {}
    seen_ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        place = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{place}: invalid JSON ({error.msg}); write one record a line") from None
        if not isinstance(data, dict):
            raise InputError(f"{place}: expected a JSON object with id, event, source, target, text")
        identifier, text, event = data.get("id"), data.get("text"), data.get("event")
        if not isinstance(identifier, str) or not identifier.strip():
            raise InputError(f'{place}: "id" must be a non-empty string')
        if identifier in seen_ids:
            raise InputError(f"{place}: duplicate record id {identifier!r}; give each record its own id")
        seen_ids.add(identifier)
        if not isinstance(text, str) or not text.strip():
            raise InputError(f'{place}: "text" must be the record\'s sentence, a non-empty string')
        if not isinstance(event, str):
            raise InputError(f'{place}: "event" must be a PLOVER event type such as "AGREE"')
        event_type = table.event_aliases.get(event, event)
        if event_type not in table.event_types:
            raise InputError(
                f"{place}: unknown event type {event!r}; use one of "
                f"{', '.join(table.event_types)} (or an older name: "
                f"{', '.join(table.event_aliases)})"
            )
        published = data.get("date")
        try:
            if published is not None and not isinstance(published, str):
                raise InputError(published)
            document_date = parse_date(published) if published else None
        except InputError:
            raise InputError(f'{place}: "date" is {published!r}; give YYYY-MM-DD') from None
        if text not in documents:
            documents[text] = Document(id=identifier, text=text, date=document_date)
        records.append(
            PloverRecord(
                id=identifier,
                event=event_type,
                sources=_actors(data.get("source"), "source", place, identifier),
                targets=_actors(data.get("target"), "target", place, identifier),
                text=text,
                document_id=documents[text].id,
                published_event=event,
            )
        )
    logger.info("loaded %d PLOVER records (%d sentences) from %s", len(records), len(documents), source)
    return PloverSet(records=tuple(records), documents=tuple(documents.values()))


def _actors(value: Any, slot: str, place: str, identifier: str) -> tuple[PloverActor, ...]:
    if value is None or isinstance(value, str):
        if isinstance(value, str) and value.strip():
            logger.info(
                "%s: %s of %s is the string %r, not a list of actors; read as none", place, slot, identifier, value
            )
        return ()
    if not isinstance(value, list):
        raise InputError(f'{place}: "{slot}" must be a list of actors with actorText and code')
    aliases = _table().code_aliases
    actors = []
    for entry in value:
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not code.strip():
            raise InputError(f'{place}: each actor of "{slot}" needs a "code" (an ISO 3166 alpha-3 code, IGO or NGO)')
        text = entry.get("actorText")
        sector = entry.get("sector")
        actors.append(
            PloverActor(
                text=" ".join(text.split()) if isinstance(text, str) else "",
                code=aliases.get(code.strip(), code.strip()),
                sector=sector if isinstance(sector, str) and sector else None,
            )
        )
    return tuple(actors)


# --------------------------------------------------------------------------- actor codes


class _ActorCodes:
    """Resolve statement ends to PLOVER actor codes (see the module docstring)."""

    def __init__(self, statements: Sequence[Relation]) -> None:
        self._countries = CountryIndex()
        self._offices: dict[tuple[str, str], list[Relation]] = defaultdict(list)
        self._groups = _table().group_codes
        for statement in statements:
            self._countries.add((statement.subject, statement.object, *statement.countries))
            if statement.asserted and statement.predicate in _OFFICE_RELATIONS:
                self._offices[(statement.document_id, statement.subject.key)].append(statement)

    def codes(self, entity: Entity, statement: Relation) -> frozenset[str]:
        codes = set(self._own(entity, statement.countries))
        if entity.type == "Person":
            for office in self._offices.get((statement.document_id, entity.key), ()):
                codes |= self._own(office.object, office.countries)
        return frozenset(codes)

    def _own(self, entity: Entity, countries: Iterable[Entity]) -> set[str]:
        if entity.type == "Country":
            return {entity.iso3} if entity.iso3 else set()
        if entity.type == "InternationalOrganization":
            return {self._groups["InternationalOrganization"]}
        if entity.type not in ("Agent", "Person", "GovernmentBody", "Organization"):
            return set()
        country = self._countries.of(entity, countries)
        if country is not None and country.iso3:
            return {country.iso3}
        if entity.type == "Organization" and not entity.country:
            return {self._groups["Organization"]}
        return set()


def _matches(codes: frozenset[str], actors: Sequence[PloverActor], groups: Iterable[str]) -> bool:
    group_codes = codes.intersection(groups)
    return any(actor.code in codes or any(actor.code.startswith(group) for group in group_codes) for actor in actors)


def _finds(
    record: PloverRecord,
    subject: frozenset[str],
    object_: frozenset[str],
    distinct: bool,
    symmetric: bool,
) -> bool:
    """Whether a statement with these end codes finds `record` (its type already agrees)."""
    groups = _table().group_codes.values()
    orientations = [(subject, object_)] + ([(object_, subject)] if symmetric else [])
    one_side = record.sources or record.targets
    for first, second in orientations:
        if record.sources and record.targets:
            if _matches(first, record.sources, groups) and _matches(second, record.targets, groups):
                return True
        elif len(one_side) >= 2:
            if distinct and _matches(first, one_side, groups) and _matches(second, one_side, groups):
                return True
        elif (
            record.sources
            and _matches(first, record.sources, groups)
            or record.targets
            and not record.sources
            and _matches(second, record.targets, groups)
        ):
            return True
    return False


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class PloverCounts:
    """Records found and statements judged right, for one kind, event type or all."""

    records: int = 0
    found: int = 0
    statements: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        """Share of records found."""
        return _ratio(self.found, self.records)

    @property
    def precision(self) -> float:
        """Share of statements that find a record of their sentence."""
        return _ratio(self.correct, self.statements)

    @property
    def f1(self) -> float:
        """Strict F1: the harmonic mean of record recall and statement precision."""
        recall, precision = self.recall, self.precision
        return _ratio(2 * recall * precision, recall + precision) if recall + precision else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "found": self.found,
            "recall": self.recall,
            "statements": self.statements,
            "correct": self.correct,
            "precision": self.precision,
            "strict_f1": self.f1,
        }


@dataclass(frozen=True)
class PloverStatement:
    """An asserted statement of a record's sentence, with its actor codes and judgement.

    ``record_id`` is the record it found (the first, when several), else None.
    """

    document_id: str
    subject: str
    subject_codes: tuple[str, ...]
    predicate: str
    object: str
    object_codes: tuple[str, ...]
    evidence: str
    kind: str
    event: str
    record_id: str | None = None

    @property
    def correct(self) -> bool:
        return self.record_id is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.document_id,
            "subject": self.subject,
            "subject_codes": list(self.subject_codes),
            "predicate": self.predicate,
            "object": self.object,
            "object_codes": list(self.object_codes),
            "evidence": self.evidence,
            "kind": self.kind,
            "event": self.event,
            "record": self.record_id,
        }

    def __str__(self) -> str:
        subject = f"{self.subject} [{' '.join(self.subject_codes) or '-'}]"
        object_ = f"{self.object} [{' '.join(self.object_codes) or '-'}]"
        return f"{subject} {self.predicate} {object_}"


@dataclass(frozen=True)
class PloverReport:
    """Scores of one run against PLOVER records; see :func:`evaluate_plover`."""

    overall: PloverCounts
    by_kind: dict[str, PloverCounts]
    by_event: dict[str, PloverCounts]
    statements: tuple[PloverStatement, ...]
    misses: tuple[PloverRecord, ...]

    @property
    def wrong(self) -> tuple[PloverStatement, ...]:
        """The statements that find no record of their sentence."""
        return tuple(statement for statement in self.statements if not statement.correct)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-serialisable data."""
        return {
            "overall": self.overall.to_dict(),
            "by_kind": {kind: counts.to_dict() for kind, counts in self.by_kind.items()},
            "by_event": {event: counts.to_dict() for event, counts in self.by_event.items()},
            "found": [
                {"record": statement.record_id, "statement": statement.to_dict()}
                for statement in self.statements
                if statement.correct
            ],
            "misses": [record.to_dict() for record in self.misses],
            "wrong": [statement.to_dict() for statement in self.wrong],
        }

    def summary(self) -> str:
        """One line: records found, statement precision, strict F1, overall and by kind."""
        parts = [
            f"records found {self.overall.found} of {self.overall.records} ({self.overall.recall:.3f})",
            f"statement precision {self.overall.precision:.3f} ({self.overall.correct} of {self.overall.statements})",
            f"strict F1 {self.overall.f1:.3f}",
        ]
        parts += [f"{kind} {counts.f1:.3f}" for kind, counts in self.by_kind.items()]
        return "  ".join(parts)

    def to_text(self) -> str:
        """Return the summary, tables by kind and by event type, misses and wrong statements."""
        lines = [self.summary(), ""]
        rows = [*self.by_kind.items(), ("overall", self.overall)]
        lines += _table_lines("records", rows)
        lines.append("")
        lines += _table_lines("event type", list(self.by_event.items()))
        lines.append(f"misses ({len(self.misses)}):")
        width = max((len(record.id) for record in self.misses), default=0)
        for record in self.misses:
            sources = ", ".join(map(str, record.sources)) or "-"
            targets = ", ".join(map(str, record.targets)) or "-"
            lines.append(
                f"  {record.id:<{width}}  {record.event} {record.kind}: {sources} -> {targets}"
                f'  "{" ".join(record.text.split())}"'
            )
        wrong = self.wrong
        lines.append(f"wrong statements ({len(wrong)}):")
        width = max((len(statement.document_id) for statement in wrong), default=0)
        for statement in wrong:
            lines.append(f'  {statement.document_id:<{width}}  {statement}  "{" ".join(statement.evidence.split())}"')
        return "\n".join(lines)


def _table_lines(title: str, rows: Sequence[tuple[str, PloverCounts]]) -> list[str]:
    width = max([len(title), *(len(name) for name, _ in rows)])
    header = (
        f"{title:<{width}} {'records':>7} {'found':>5} {'recall':>6} "
        f"{'statements':>10} {'correct':>7} {'prec':>6} {'strict F1':>9}"
    )
    lines = [header, "-" * len(header)]
    for name, counts in rows:
        if name == "overall":
            lines.append("-" * len(header))
        lines.append(
            f"{name:<{width}} {counts.records:>7} {counts.found:>5} {counts.recall:>6.3f} "
            f"{counts.statements:>10} {counts.correct:>7} {counts.precision:>6.3f} "
            f"{counts.f1:>9.3f}"
        )
    return lines


def evaluate_plover(
    gold: PloverSet,
    extract: Callable[[list[Document]], Iterable[Relation]],
    plover_types: Mapping[str, Sequence[str]],
    *,
    super_properties: Callable[[str], frozenset[str]] = lambda p: frozenset({p}),
    symmetric: frozenset[str] = frozenset(),
) -> PloverReport:
    """Run `extract` on the records' sentences and score its asserted statements.

    How ends resolve to actor codes, when a record is found, which records are
    domestic and how statements are counted is described in the module
    docstring (:mod:`kg.evaluation.plover`).

    Parameters
    ----------
    gold : PloverSet
        From :func:`load_plover`.
    extract : callable
        Takes the documents, returns the extracted relations.
    plover_types : mapping
        Relation -> PLOVER event types (:func:`kg.graph.ontology.plover_types`).
    super_properties : callable, optional
        Maps a relation to its super-properties, whose PLOVER types it shares.
    symmetric : frozenset of str, optional
        Relations whose subject and object may be given in either order.

    Returns
    -------
    PloverReport

    Examples
    --------
    >>> from kg.records import Entity, Relation
    >>> libya = Entity("libya", "Libya", "Country", iso3="LBY")
    >>> britain = Entity("united-kingdom", "United Kingdom", "Country", iso3="GBR")
    >>> sentence = "Libya rejected the British demand."
    >>> gold = PloverSet(
    ...     records=(PloverRecord("r1", "REJECT", (PloverActor("Libya", "LBY"),),
    ...                           (PloverActor("British", "GBR"),), sentence, "r1"),),
    ...     documents=(Document("r1", sentence),))
    >>> def extract(documents):
    ...     return [Relation(libya, "rejected", britain, "r1", sentence, 0, 34, "Libya",
    ...                      "British")]
    >>> report = evaluate_plover(gold, extract, {"rejected": ("REJECT",)})
    >>> report.overall.found, report.overall.correct, report.overall.f1
    (1, 1, 1.0)
    """
    records_by_document: dict[str, list[PloverRecord]] = defaultdict(list)
    for record in gold.records:
        records_by_document[record.document_id].append(record)

    statements = [s for s in extract(list(gold.documents)) if s.asserted]
    codes = _ActorCodes(statements)
    found: dict[str, PloverStatement] = {}
    judged: dict[tuple[str, ...], PloverStatement] = {}
    for statement in statements:
        records = records_by_document.get(statement.document_id)
        relations = frozenset(super_properties(statement.predicate)) | {statement.predicate}
        types = sorted({t for relation in relations for t in plover_types.get(relation, ())})
        if not records or not types:
            continue
        subject = codes.codes(statement.subject, statement)
        object_ = codes.codes(statement.object, statement)
        distinct = statement.subject.key != statement.object.key
        is_symmetric = bool(relations & symmetric)
        hits = [
            record
            for record in records
            if record.event in types and _finds(record, subject, object_, distinct, is_symmetric)
        ]
        judgement = PloverStatement(
            document_id=statement.document_id,
            subject=statement.subject.label,
            subject_codes=tuple(sorted(subject)),
            predicate=statement.predicate,
            object=statement.object.label,
            object_codes=tuple(sorted(object_)),
            evidence=statement.evidence,
            kind=(hits or records)[0].kind,
            event=hits[0].event if hits else types[0],
            record_id=hits[0].id if hits else None,
        )
        for record in hits:
            found.setdefault(record.id, judgement)
        ends = [statement.subject.key, statement.object.key]
        if is_symmetric:
            ends.sort()
        identity = (statement.document_id, ends[0], statement.predicate, ends[1])
        previous = judged.get(identity)
        if previous is None or (judgement.correct and not previous.correct):
            judged[identity] = judgement

    def counts(records: Iterable[PloverRecord], judgements: Iterable[PloverStatement]) -> PloverCounts:
        records, judgements = list(records), list(judgements)
        return PloverCounts(
            records=len(records),
            found=sum(record.id in found for record in records),
            statements=len(judgements),
            correct=sum(judgement.correct for judgement in judgements),
        )

    judgements = list(judged.values())
    events = list(
        dict.fromkeys(
            [
                event
                for event in _table().event_types
                if any(r.event == event for r in gold.records) or any(j.event == event for j in judgements)
            ]
        )
    )
    return PloverReport(
        overall=counts(gold.records, judgements),
        by_kind={
            kind: counts([r for r in gold.records if r.kind == kind], [j for j in judgements if j.kind == kind])
            for kind in KINDS
        },
        by_event={
            event: counts([r for r in gold.records if r.event == event], [j for j in judgements if j.event == event])
            for event in events
        },
        statements=tuple(judgements),
        misses=tuple(record for record in gold.records if record.id not in found),
    )
