"""Entity mentions: gazetteer names, persons, demonyms, government bodies, coreference.

:func:`find_mentions` turns the entities spaCy found (the gazetteer's entity
ruler runs before ``ner``) into :class:`~kg.records.Mention` records linked to
:class:`~kg.records.Entity` records. Persons are named by their full name once
and found again by surname; definite descriptions ("the bloc") and subject
pronouns ("it") resolve to the one earlier entity of a compatible type, or to
nothing when the choice is not clear.

Whether a capital stands for its country is decided later, by the relation
that uses it (see :mod:`kg.extraction.relations`): here a capital stays a place.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.records import Entity, Mention, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kg.gazetteer import Gazetteer

__all__ = ["EntitySettings", "DocumentEntities", "find_mentions", "new_entity"]

logger = logging.getLogger(__name__)

_NER_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
}


@dataclass(frozen=True)
class EntitySettings:
    """Tunables of the entity layer (all configurable through the pipeline config)."""

    #: Words that open a person's title and are not part of the name.
    title_words: frozenset[str] = frozenset()
    #: Head nouns of definite descriptions and the entity types they refer to.
    descriptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Pronouns in subject position and the types they may refer to.
    pronouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: How many sentences back a description or pronoun may look.
    coreference_window: int = 2
    #: Words that qualify a title but are no title alone ("foreign", "deputy").
    title_modifiers: frozenset[str] = frozenset()
    #: Generic body names that take the country named before them ("Uzbekistan's Security Council").
    national_body_words: frozenset[str] = frozenset()


@dataclass
class DocumentEntities:
    """The entities and mentions of one document."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, entity: Entity, span: Span, via: str = "name", text: str | None = None) -> Mention:
        known = self.entities.get(entity.key)
        if known is None or (known.type != entity.type and entity.type == "Person"):
            self.entities.setdefault(entity.key, entity)
        mention = Mention(entity.key, text or span.text, span.start_char, span.end_char, via)
        self.mentions.append(mention)
        return mention


def new_entity(label: str, kind: str, gazetteer: Gazetteer, *, country: str | None = None) -> Entity:
    """An entity the gazetteer does not know, with a stable key from its name.

    A name the gazetteer uses for an entity of another type gets the type as a
    suffix, so a person called Jordan is never merged with the country.
    """
    key = slugify(label)
    if key in gazetteer and gazetteer[key].type != kind:
        key = f"{key}-{kind.lower()}"
    return Entity(key=key, label=label, type=kind, country=country)


def _strip_leading(span: Span, words: frozenset[str]) -> Span:
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].lower_.rstrip(".") in words or span.doc[start].lower_ in {"the", "'s", "’s"}
        or span.doc[start].is_punct
    ):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].lower_ in {"'s", "’s"}:
        end -= 1
    return span.doc[start:end]


def _country_before(span: Span, gazetteer: Gazetteer, found: DocumentEntities) -> Entity | None:
    """The country named by a possessive or demonym just before ``span``, if any."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].lower_ in {"'s", "’s"}:
        index -= 1
    if index < 0:
        return None
    for mention in reversed(found.mentions):
        if mention.start <= doc[index].idx < mention.end:
            entity = found.entities[mention.entity_key]
            if entity.type == "Country":
                return entity
            break
    entity = gazetteer.by_demonym(doc[index].text)
    return entity if entity is not None and entity.type == "Country" else None


def _national_body(span: Span, body: Entity, gazetteer: Gazetteer, found: DocumentEntities,
                   settings: EntitySettings) -> Entity:
    """Re-read a generic body name preceded by a country as that country's body."""
    if body.country or not set(body.label.lower().split()) & settings.national_body_words:
        return body
    country = _country_before(span, gazetteer, found)
    if country is None:
        return body
    words = {w for w in span.text.lower().replace("the ", "").split() if w.isalpha()}
    for candidate in gazetteer.entities:
        if candidate.country == country.key and candidate.type == "GovernmentBody":
            names = " ".join(candidate.names).lower()
            if words and all(word in names for word in words):
                return candidate
    label = f"{_strip_leading(span, frozenset()).text} of {country.label}"
    return new_entity(label, "GovernmentBody", gazetteer, country=country.key)


_ORGANIZATION_HEADS = frozenset({
    "corporation", "company", "party", "forces", "front", "army", "movement", "council", "agency",
    "bank", "group", "union", "league", "association", "institute", "university", "church",
    "committee", "federation", "organisation", "organization", "guard", "brigade", "navy",
})


def _name_after_demonym(ent: Span, gazetteer: Gazetteer, settings: EntitySettings) -> tuple[Entity, Span] | None:
    """A proper name that starts with a demonym ("British Columbia"), if ``ent`` begins one.

    The demonym begins a name when the proper nouns after it are neither a title
    ("Uzbek President") nor a government body word ("Russian Defence Ministry").
    """
    doc = ent.doc
    end = ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and doc[end].ent_type_ in {"", "GPE", "LOC", "ORG", "FAC"} and not doc[end].ent_id_:
        end += 1
    if end == ent.end:
        return None
    following = {t.lower_.rstrip(".") for t in doc[ent.end:end]}
    if following & (settings.title_words | settings.national_body_words):
        return None
    span = doc[ent.start:end]
    known = gazetteer.lookup(span.text)
    if known:
        return known[0], span
    kind = "Organization" if doc[end - 1].lower_ in _ORGANIZATION_HEADS else "Place"
    return new_entity(span.text, kind, gazetteer), span


def find_mentions(doc: Doc, gazetteer: Gazetteer, settings: EntitySettings) -> DocumentEntities:
    """Find and link the entity mentions of ``doc``.

    Parameters
    ----------
    doc
        A document processed by spaCy with the gazetteer's entity ruler and ``ner``.
    gazetteer
        The gazetteer whose keys the ruler put in ``ent_id_``.
    settings
        Word lists and windows of the entity layer.

    Returns
    -------
    DocumentEntities
        Entities by key and the mentions in document order.
    """
    found = DocumentEntities()
    persons: list[Entity] = []
    for ent in doc.ents:
        if ent.ent_id_ and ent.ent_id_ in gazetteer:
            entity = gazetteer[ent.ent_id_]
            via = "name"
            if ent.label_ == "NORP":
                via = "demonym"
                name = _name_after_demonym(ent, gazetteer, settings)
                if name is not None:
                    # "British Columbia", "Syrian Democratic Forces": the adjective starts a name
                    found.add(name[0], name[1], "name")
                    continue
            elif entity.type in {"GovernmentBody", "InternationalOrganization"}:
                entity = _national_body(ent, entity, gazetteer, found, settings)
            found.add(entity, ent, via)
            continue
        kind = _NER_TYPES.get(ent.label_)
        if kind is None:
            continue
        if any(m.start < ent.end_char and ent.start_char < m.end for m in found.mentions[-3:]):
            continue  # already part of a longer name
        span = _strip_leading(ent, settings.title_words)
        if kind != "Person":
            core_titles = settings.title_words - settings.title_modifiers
            titled = _strip_leading(ent, core_titles)
            before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            stripped = {t.lower_.rstrip(".") for t in doc[ent.start:titled.start]}
            if (stripped & core_titles or before in core_titles) and titled.text[:1].isupper() \
                    and 2 <= len(titled) <= 4 and all(t.pos_ == "PROPN" for t in titled):
                kind = "Person"  # "Chancellor Olaf Scholz" tagged as an organisation
                span = titled
            else:
                span = _strip_leading(ent, frozenset())
        if not any(t.is_alpha and t.is_title or t.is_upper for t in span):
            continue
        if all(t.lower_ in settings.title_words for t in span):
            continue
        if kind == "Person":
            entity = _person(span, persons, gazetteer)
            if entity.key not in found.entities:
                persons.append(entity)
            via = "name" if entity.label == span.text else "coreference"
            found.add(entity, span, via)
            continue
        names = gazetteer.lookup(span.text)
        if names:
            found.add(names[0], span, "name")
            continue
        label = span.text
        entity = new_entity(label, kind, gazetteer)
        if kind == "Organization":
            entity = _national_body(span, entity, gazetteer, found, settings)
        found.add(entity, span, "name")
    _add_surnames(doc, found, persons)
    _add_coreference(doc, found, settings)
    found.mentions.sort(key=lambda m: (m.start, m.end))
    return found


def _person(span: Span, persons: list[Entity], gazetteer: Gazetteer) -> Entity:
    """The person a name refers to: an earlier person with this surname, or a new one."""
    words = span.text.split()
    for person in reversed(persons):
        known = person.label.split()
        if len(words) < len(known) and known[-len(words):] == words:
            return person
        if len(words) > len(known) and words[-len(known):] == known:
            # A fuller name after a short one: keep the first key, remember the name.
            return person
    return new_entity(span.text, "Person", gazetteer)


def _add_surnames(doc: Doc, found: DocumentEntities, persons: list[Entity]) -> None:
    """Mark later bare surnames ("Kurbanov") of persons named in full earlier."""
    if not persons:
        return
    covered = {i for m in found.mentions for i in range(m.start, m.end)}
    surnames: dict[str, Entity] = {}
    for person in persons:
        parts = person.label.split()
        if len(parts) > 1:
            surnames.setdefault(parts[-1], person)
    first_mention = {}
    for mention in found.mentions:
        first_mention.setdefault(mention.entity_key, mention.start)
    for token in doc:
        person = surnames.get(token.text)
        if person is None or token.idx in covered:
            continue
        if token.idx < first_mention.get(person.key, len(doc.text)):
            continue
        found.add(person, doc[token.i:token.i + 1], "coreference")


def _add_coreference(doc: Doc, found: DocumentEntities, settings: EntitySettings) -> None:
    """Resolve definite descriptions and subject pronouns to one earlier entity."""
    covered = {i for m in found.mentions for i in range(m.start, m.end)}
    mentions = sorted(found.mentions, key=lambda m: m.start)
    sentence_of = {sent.start_char: n for n, sent in enumerate(doc.sents)}
    sentence_starts = sorted(sentence_of)

    def sentence_index(char: int) -> int:
        lo = 0
        for n, start in enumerate(sentence_starts):
            if start <= char:
                lo = n
        return lo

    new: list[Mention] = []
    for token in doc:
        if token.idx in covered:
            continue
        lower = token.lower_
        types: tuple[str, ...] = ()
        span = None
        count = 1
        if lower in settings.pronouns and token.dep_ in {"nsubj", "nsubjpass", "poss"}:
            types = settings.pronouns[lower]
            span = doc[token.i:token.i + 1]
        elif token.lemma_.lower() in settings.descriptions and token.pos_ == "NOUN":
            determiners = [c for c in token.children if c.dep_ in {"det", "nummod"}]
            if not determiners or determiners[0].lower_ not in {"the", "two", "both"}:
                continue
            if any(c.dep_ in {"compound", "amod", "poss"} and c.idx in covered for c in token.children):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                continue
            types = settings.descriptions[token.lemma_.lower()]
            numbers = [c for c in token.children if c.dep_ == "nummod" or c.lower_ == "both"]
            if numbers:
                count = 2 if numbers[0].lower_ in {"two", "both"} else 0
                if count == 0:
                    continue
            start = min([token.i] + [c.i for c in token.children if c.dep_ in {"det", "nummod", "amod"}])
            span = doc[start:token.i + 1]
        if span is None:
            continue
        here = sentence_index(token.idx)
        candidates: list[str] = []
        for mention in reversed([m for m in mentions if m.end <= span.start_char]):
            distance = here - sentence_index(mention.start)
            if distance > settings.coreference_window:
                break
            entity = found.entities[mention.entity_key]
            if entity.type in types and entity.key not in candidates:
                candidates.append(entity.key)
        if not candidates:
            continue
        chosen = _clear_choice(candidates, mentions, count, sentence_index)
        for key in chosen:
            new.append(Mention(key, span.text, span.start_char, span.end_char, "coreference"))
    found.mentions.extend(new)


def _clear_choice(candidates: list[str], mentions: list[Mention], count: int, sentence_index) -> list[str]:
    """The ``count`` referents when they are unambiguous, else none.

    Candidates are ordered most recent first. The choice is clear when exactly
    ``count`` distinct candidates occur in the most recent sentence that holds any.
    """
    if len(candidates) == count:
        return candidates
    latest = {}
    for mention in mentions:
        if mention.entity_key in candidates:
            latest[mention.entity_key] = max(latest.get(mention.entity_key, -1), sentence_index(mention.start))
    newest = max(latest.values())
    in_newest = [key for key in candidates if latest[key] == newest]
    return in_newest if len(in_newest) == count else []
