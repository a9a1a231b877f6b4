"""Plain records: the only things that cross from extraction to the graph.

Every record is a frozen dataclass of strings, numbers and tuples, so records
pickle, compare by value and can be stored on a spaCy ``Doc`` without holding
``Span`` objects.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date

from kg.errors import RecordError, VocabularyError

__all__ = [
    "ENTITY_TYPES",
    "EVENT_RELATIONS",
    "MODALITIES",
    "RELATIONS",
    "SECTORS",
    "STANDING_RELATIONS",
    "SYMMETRIC_RELATIONS",
    "Document",
    "Entity",
    "Mention",
    "Relation",
    "TimeSpan",
    "slugify",
    "to_data",
    "entity_from_data",
    "mention_from_data",
    "relation_from_data",
]

#: Entity classes of the ontology (local names under ``gkg:``).
ENTITY_TYPES = (
    "Country",
    "InternationalOrganization",
    "Person",
    "GovernmentBody",
    "Organization",
    "Place",
    "Event",
    "Agent",
)

#: Sectors of a country that act as agents (individuals of ``gkg:Sector``):
#: "Israeli troops" is Israel's Military, "Egyptian police" Egypt's Police.
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

#: Modalities of a statement (local names under ``gkg:``).
MODALITIES = ("Asserted", "Negated", "Hypothetical", "Future")

#: The relation vocabulary (local names under ``gkg:``); symmetric relations are
#: stored once, subject key before object key.
STANDING_RELATIONS = (
    "memberOf",
    "leads",
    "leaderOf",
    "officialOf",
    "capitalOf",
    "locatedIn",
    "partOf",
    "sharesBorderWith",
    "alliedWith",
    "inConflictWith",
    "participantIn",
    "hasMilitaryPresenceIn",
    "diplomaticRelationsWith",
    "exportsTo",
)
EVENT_RELATIONS = (
    "joined",
    "withdrewFrom",
    "suspendedParticipationIn",
    "suspended",
    "visited",
    "metWith",
    "agreedWith",
    "signedAgreementWith",
    "cooperatesWith",
    "providesAidTo",
    "supports",
    "recognized",
    "concededTo",
    "requested",
    "criticized",
    "rejected",
    "threatened",
    "protestedAgainst",
    "mobilizedAgainst",
    "sanctioned",
    "severedRelationsWith",
    "expelled",
    "coerced",
    "attacked",
)
RELATIONS = STANDING_RELATIONS + EVENT_RELATIONS
SYMMETRIC_RELATIONS = frozenset(
    {
        "sharesBorderWith",
        "alliedWith",
        "inConflictWith",
        "diplomaticRelationsWith",
        "metWith",
        "agreedWith",
        "signedAgreementWith",
        "cooperatesWith",
    }
)


def slugify(name: str) -> str:
    """Return the stable IRI slug of a canonical name.

    Examples
    --------
    >>> slugify("Collective Security Treaty Organization")
    'collective-security-treaty-organization'
    >>> slugify("Côte d'Ivoire")
    'cote-d-ivoire'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "unnamed"


@dataclass(frozen=True)
class Document:
    """One source text.

    ``id`` is the identifier given by the input (JSONL ``id`` or file stem);
    ``date`` anchors relative time expressions.
    """

    id: str
    text: str
    date: date | None = None
    title: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Entity:
    """An actor, place or event, as the gazetteer or the text defines it.

    ``key`` is the slug used in the entity IRI. ``country`` is the key of the
    country the entity belongs to, when known. ``capital_of`` and
    ``metonym_for`` name the entity a place stands for when it acts
    ("Tashkent pulled out" -> Uzbekistan). An ``Agent`` is a country's sector
    acting ("Israeli troops"): ``country`` names the country, ``sector`` one of
    :data:`SECTORS`.
    """

    key: str
    label: str
    type: str
    qid: str | None = None
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    capital_of: str | None = None
    metonym_for: str | None = None
    former_names: tuple[tuple[str, str], ...] = ()  # (name, last year in use)
    sector: str | None = None

    def __post_init__(self) -> None:
        if self.sector is not None and self.sector not in SECTORS:
            raise VocabularyError(f"sector {self.sector!r} is not one of {SECTORS}; use one of these names")

    @property
    def names(self) -> tuple[str, ...]:
        """The label, aliases and abbreviations: every name of the entity itself."""
        return (self.label, *self.aliases, *self.abbreviations)


@dataclass(frozen=True)
class Mention:
    """A stretch of document text that names an entity."""

    entity_key: str
    text: str
    start: int
    end: int
    via: str = "name"  # name | demonym | metonym | coreference | title


@dataclass(frozen=True)
class TimeSpan:
    """A normalised time expression.

    Values are ISO strings whose length gives the precision: ``"2012"``,
    ``"2023-09"`` or ``"2023-09-26"``. ``point`` is set for a moment,
    ``start``/``end`` for a period or an open interval.
    """

    text: str
    point: str | None = None
    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        for value in (self.point, self.start, self.end):
            if value is not None and not re.fullmatch(r"-?\d{4}(-\d{2}(-\d{2})?)?", value):
                raise RecordError(
                    f"time value {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD; give an ISO date of that precision"
                )

    @property
    def values(self) -> tuple[str, ...]:
        """The set values, point first."""
        return tuple(v for v in (self.point, self.start, self.end) if v is not None)


@dataclass(frozen=True)
class Relation:
    """One extracted relation occurrence: the content of a statement node."""

    subject: Entity
    predicate: str
    object: Entity
    document_id: str
    evidence: str
    char_start: int
    char_end: int
    subject_text: str
    object_text: str
    time: TimeSpan | None = None
    modality: str = "Asserted"
    confidence: float = 0.5
    role: str | None = None
    attributed_to: Entity | None = None
    qualifiers: tuple[tuple[str, str], ...] = field(default=())
    #: The countries that the subject, object or source belong to (their
    #: ``country`` keys), so that the graph can link them and lift an agent's
    #: statement to its country.
    countries: tuple[Entity, ...] = ()

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise VocabularyError(f"modality {self.modality!r} is not one of {MODALITIES}; use one of these names")
        if not 0.0 <= self.confidence <= 1.0:
            raise RecordError(f"confidence {self.confidence} is outside [0, 1]; give a number from 0 to 1")

    @property
    def asserted(self) -> bool:
        """True when the statement supports a truthy triple."""
        return self.modality == "Asserted"


def to_data(record: Entity | Mention | TimeSpan | Relation) -> dict:
    """A record as plain dicts, lists and scalars (for msgpack, JSON and spaCy's ``Doc``).

    Examples
    --------
    >>> entity = Entity("chile", "Chile", "Country", qid="Q298")
    >>> entity_from_data(to_data(entity)) == entity
    True
    """
    return _plain(record)


def _plain(value):
    """``value`` with every record in it turned into a dict, as :func:`dataclasses.asdict` does."""
    kind = type(value)
    if kind in _SCALARS or (kind is tuple and not value):
        return value  # most fields: no need to look further
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if isinstance(value, (tuple, list)):
            return type(value)(_plain(item) for item in value)
        if isinstance(value, dict):
            return {key: _plain(item) for key, item in value.items()}
        return value
    return {name: _plain(getattr(value, name)) for name in names}


_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELD_NAMES = {kind: tuple(f.name for f in fields(kind)) for kind in (Document, Entity, Mention, TimeSpan, Relation)}


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def entity_from_data(data: dict) -> Entity:
    """The :class:`Entity` that :func:`to_data` turned into ``data``."""
    return Entity(**{key: _tuples(value) if type(value) is list else value for key, value in data.items()})


def mention_from_data(data: dict) -> Mention:
    """The :class:`Mention` that :func:`to_data` turned into ``data``."""
    return Mention(**data)


def relation_from_data(data: dict) -> Relation:
    """The :class:`Relation` that :func:`to_data` turned into ``data``."""
    fields = dict(data)
    fields["subject"] = entity_from_data(fields["subject"])
    fields["object"] = entity_from_data(fields["object"])
    if fields.get("time") is not None:
        fields["time"] = TimeSpan(**fields["time"])
    if fields.get("attributed_to") is not None:
        fields["attributed_to"] = entity_from_data(fields["attributed_to"])
    fields["qualifiers"] = _tuples(fields.get("qualifiers", []))
    fields["countries"] = tuple(entity_from_data(c) for c in fields.get("countries", ()))
    return Relation(**fields)
