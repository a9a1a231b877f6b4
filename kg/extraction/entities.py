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
import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from spacy.symbols import NOUN, PROPN

from kg.extraction.agents import AgentFinder, AgentSettings
from kg.extraction.document import Layout, LayoutSettings, home_country, read_layout
from kg.extraction.sentence import word_forms
from kg.records import Entity, Mention, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    #: Description heads that must appear in the referent's name ("the ministry").
    named_heads: frozenset[str] = frozenset()
    #: How many sentences back a description or pronoun may look.
    coreference_window: int = 2
    #: Honorifics that introduce a person's surname ("Mr Kennedy", "Dr Fox").
    honorifics: frozenset[str] = frozenset()
    #: Occupations that introduce a person's name ("politician Jordan Bardella").
    occupations: frozenset[str] = frozenset()
    #: Words that qualify a title but are no title alone ("foreign", "deputy").
    title_modifiers: frozenset[str] = frozenset()
    #: Generic body names that take the country named before them ("Uzbekistan's Security Council").
    national_body_words: frozenset[str] = frozenset()
    #: Descriptions that name the document's own country when it was just named ("the country").
    home_descriptions: frozenset[str] = frozenset()
    #: Descriptions of a country's capital city ("the Syrian capital", "Ukraine's capital").
    capital_descriptions: frozenset[str] = frozenset()
    #: Names of bodies every state has ("Congress", "Parliament"): the home country's when bare.
    generic_body_names: frozenset[str] = frozenset()
    #: Last words of organisations' names ("Workers' Party", "Popular Front").
    organisation_heads: frozenset[str] = frozenset()
    #: Number words in order ("zero", "one", "two" ...): "the four nations" refer back to four.
    number_words: tuple[str, ...] = ()
    #: Words that, in a capitalised name, say it is no person's ("Records", "Times", "Ministry").
    organisation_name_words: frozenset[str] = frozenset()
    #: Words a natural event's name follows ("Hurricane Ivan", "Typhoon Haiyan"): the name is no actor's.
    natural_event_words: frozenset[str] = frozenset()
    #: Headlines and datelines, and how the document's own country is weighed.
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    #: Agent nouns and their sectors; without them no agents are read.
    agents: AgentSettings | None = None

    # Unions and differences of the lists above, made once rather than for every name.

    @cached_property
    def core_titles(self) -> frozenset[str]:
        """Title words that are titles alone ("minister", not "foreign")."""
        return self.title_words - self.title_modifiers

    @cached_property
    def name_introducers(self) -> frozenset[str]:
        """Words a person's name follows: titles alone and occupations."""
        return self.core_titles | self.occupations

    @cached_property
    def title_and_body_words(self) -> frozenset[str]:
        return self.title_words | self.national_body_words

    @cached_property
    def body_ends(self) -> frozenset[str]:
        """Last words of the names of bodies and organisations."""
        return self.national_body_words | self.organisation_heads

    @cached_property
    def organisation_words(self) -> frozenset[str]:
        return self.organisation_heads | self.organisation_name_words


@dataclass
class DocumentEntities:
    """The entities and mentions of one document, its layout and the country it is about."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    home: str | None = None

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
    label = " ".join(label.split())  # names broken across lines in wire copy
    key = slugify(without_initials(label) if kind == "Person" else label)
    if key in gazetteer and gazetteer[key].type != kind:
        key = f"{key}-{kind.lower()}"
    return Entity(key=key, label=label, type=kind, country=country)


def _strip_leading(span: Span, words: frozenset[str]) -> Span:
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].lower_.rstrip(".") in words
        or span.doc[start].lower_ in {"the", "'s", "’s"}
        or span.doc[start].is_punct
        or (span.doc[start].lower_ == "of" and start > span.start)
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


def _national_body(
    span: Span, body: Entity, gazetteer: Gazetteer, found: DocumentEntities, settings: EntitySettings
) -> Entity:
    """Re-read a generic body name preceded by a country as that country's body ("Peruvian Congress")."""
    if not set(span.text.lower().split()) & settings.national_body_words:
        return body
    country = _country_before(span, gazetteer, found)
    if country is None or country.key == body.country:
        return body
    return _body_of(span.text, _strip_leading(span, frozenset()).text, country, gazetteer)


def _body_of(text: str, name: str, country: Entity, gazetteer: Gazetteer) -> Entity:
    """The country's body named by generic words ("Congress", "the Supreme Court"), known or new."""
    words = {w for w in text.lower().replace("the ", "").split() if w.isalpha()}
    for candidate in gazetteer.entities:
        if candidate.country == country.key and candidate.type == "GovernmentBody":
            names = " ".join(candidate.names).lower()
            if words and all(word in names for word in words):
                return candidate
    return new_entity(f"{name} of {country.label}", "GovernmentBody", gazetteer, country=country.key)


def _home_bodies(found: DocumentEntities, home: Entity | None, gazetteer: Gazetteer, settings: EntitySettings) -> None:
    """ "stormed into Congress" in a story from Brazil: a body named generically is the home country's.

    The gazetteer gives bare names such as "Congress" or "Parliament" to one
    country's body; in a document about another country that has a body of that
    name, they name that country's body instead.
    """
    if home is None:
        return
    for index, mention in enumerate(found.mentions):
        entity = found.entities.get(mention.entity_key)
        if entity is None or entity.type != "GovernmentBody" or not entity.country or entity.country == home.key:
            continue
        words = mention.text.lower().replace("the ", "").strip()
        if words not in settings.generic_body_names:
            continue
        body = _body_of(mention.text, mention.text, home, gazetteer)
        if body.key not in gazetteer:
            continue  # only a body the home country has by that name ("National Congress of Brazil")
        found.entities.setdefault(body.key, body)
        found.mentions[index] = replace(mention, entity_key=body.key)


def _person_shaped(span: Span, settings: EntitySettings) -> bool:
    """Two to four capitalised words with no word that names organisations ("Party", "Records")."""
    words = [t for t in span if not (t.is_punct and t.text in {"-", "\u2013"})]
    return 2 <= len(words) <= 4 and all(
        t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.lower_ not in settings.organisation_words
        for t in words
    )


def _may_be_a_person(entity: Entity) -> bool:
    """An organisation-typed name of capitalised words that could be a person's ("Kassym-Jomart Tokayev")."""
    words = entity.label.replace("-", " ").split()
    return entity.type == "Organization" and len(words) > 1 and all(w[:1].isupper() and w.isalpha() for w in words)


def _person_shaped_organisation(surname: str, found: DocumentEntities) -> Entity | None:
    for entity in found.entities.values():
        if _may_be_a_person(entity) and entity.label.split()[-1] == surname:
            return entity
    return None


def _retype_as_person(found: DocumentEntities, entity: Entity, gazetteer: Gazetteer, persons: list[Entity]) -> Entity:
    person = new_entity(entity.label, "Person", gazetteer)
    found.entities.pop(entity.key, None)
    found.entities[person.key] = person
    found.mentions[:] = [replace(m, entity_key=person.key) if m.entity_key == entity.key else m for m in found.mentions]
    persons.append(person)
    return person


def _holder_after_body(ent: Span, settings: EntitySettings) -> Span | None:
    """The person's name at the end of "<title> of the <body> <First Last>", if the span is one."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of" or doc[ent.start - 2].lower_ not in settings.core_titles:
        return None
    body_ends = [t.i for t in ent if t.lower_ in settings.body_ends]
    if not body_ends:
        return None
    name = doc[body_ends[-1] + 1 : ent.end]
    if 2 <= len(name) <= 3 and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in name):
        return name
    return None


def _person_named_like_a_place(ent: Span, settings: EntitySettings) -> Span | None:
    """A person's name that holds a place's name, after a title or occupation.

    "Defence Minister Israel Katz" (the place starts the name) and "General
    Michael Langley" (the place ends it, after a first name).
    """
    doc = ent.doc
    if ent.label_ not in {"GPE", "LOC", "FAC"} or ent.start == 0 or len(ent) != 1:
        return None
    introducers = settings.name_introducers
    start = ent.start
    while (
        start > 0
        and ent.start - start < 2
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].is_alpha
        and doc[start - 1].text[:1].isupper()
        and not doc[start - 1].ent_id_
        and doc[start - 1].lower_ not in introducers
    ):
        start -= 1
    if start == 0 or doc[start - 1].lower_.rstrip(".") not in introducers:
        return None
    if start < ent.start:
        return doc[start : ent.end]
    end = ent.end
    while (
        end < len(doc)
        and end - ent.end < 3
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and not doc[end].ent_id_
        and doc[end].ent_type_ in {"", "PERSON", "ORG"}
    ):
        end += 1
    return doc[ent.start : end] if end > ent.end else None


def _agree_with_coordinated_persons(
    doc: Doc, found: DocumentEntities, gazetteer: Gazetteer, settings: EntitySettings
) -> None:
    """ "met Kassym-Jomart Tokayev and Shavkat Mirziyoyev": a name coordinated with persons is a person."""
    person_tokens = {
        t.i
        for m in found.mentions
        if found.entities[m.entity_key].type == "Person"
        for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()
    }
    for mention in list(found.mentions):
        entity = found.entities.get(mention.entity_key)
        if entity is None or entity.type != "Organization" or entity.key in gazetteer:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not _person_shaped(span, settings):
            continue
        root = span.root
        neighbours = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            neighbours.append(root.head)
        if any(n.i in person_tokens for n in neighbours):
            _retype_as_person(found, entity, gazetteer, [])


def _name_after_demonym(ent: Span, gazetteer: Gazetteer, settings: EntitySettings) -> tuple[Entity, Span] | None:
    """A proper name that starts with a demonym ("British Columbia"), if ``ent`` begins one.

    The demonym begins a name when the proper nouns after it are neither a title
    ("Uzbek President") nor a government body word ("Russian Defence Ministry").
    """
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].ent_type_ in {"", "GPE", "LOC", "ORG", "FAC"}
        and not doc[end].ent_id_
    ):
        end += 1
    if end == ent.end:
        return None
    following = {t.lower_.rstrip(".") for t in doc[ent.end : end]}
    if following & settings.title_and_body_words:
        return None
    span = doc[ent.start : end]
    known = gazetteer.lookup(span.text)
    if known:
        return known[0], span
    kind = "Organization" if doc[end - 1].lower_ in settings.organisation_heads else "Place"
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
    text = doc.text  # built from the tokens on each call: read once
    layout = read_layout(
        text, settings.layout, lambda name: any(e.type in {"Place", "Country"} for e in gazetteer.lookup(name))
    )
    dateline = doc._.geokg_dateline if doc.has_extension("geokg_dateline") else None
    if dateline:
        # the tokenizer blanked the dateline out of the text the parser reads; where it stood is kept
        layout = replace(layout, dateline_start=dateline[0], dateline_end=dateline[1])
    found = DocumentEntities(layout=layout)
    persons: list[Entity] = []
    storms = _natural_event_names(doc, text, settings.natural_event_words)
    for ent in doc.ents:
        if storms and _without_event_words(ent, settings.natural_event_words) in storms:
            continue  # "Hurricane Ivan ... Ivan has killed 60 people": a storm, wherever it is named
        if not layout.in_body(ent.start_char):
            continue  # a headline, or "KABUL (Reuters) -": where and by whom the story was filed
        person = _person_named_like_a_place(ent, settings)
        if person is not None and not (ent.ent_id_ and ent.ent_id_ in gazetteer):
            entity = _person(person, persons, gazetteer)
            if entity.key not in found.entities:
                persons.append(entity)
            found.add(entity, person, "name")
            continue
        if ent.ent_id_ and ent.ent_id_ in gazetteer:
            if person is not None:
                # "Defence Minister Israel Katz", "politician Jordan Bardella"
                entity = _person(person, persons, gazetteer)
                if entity.key not in found.entities:
                    persons.append(entity)
                found.add(entity, person, "name")
                continue
            entity = gazetteer[ent.ent_id_]
            if entity.type == "Person" and entity not in persons:
                persons.append(entity)  # a later bare "Putin" is this person
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
        if ent[-1].lower_ in {"of", "and", "for", "the"}:
            continue  # "the Government of | Tonga": a name cut short, the rest is read as a phrase
        if any(m.start < ent.end_char and ent.start_char < m.end for m in found.mentions[-3:]):
            continue  # already part of a longer name
        first = next((t for t in ent if t.lower_ not in {"the", "a", "an"}), ent[0])
        if first.is_lower and kind != "Person":
            continue  # "annexation of Crimea": a description, not a name
        if (
            settings.agents is not None
            and ent.end < len(doc)
            and f"{ent.text.lower()} {doc[ent.end].lemma_.lower()}" in settings.agents.nouns
        ):
            continue  # "Riot police dispersed ...": a capital at the start of a sentence, not a name
        if (
            settings.agents is not None
            and len(ent) == 1
            and kind != "Person"
            and any(form in settings.agents.nouns for form in word_forms(ent[0]))
        ):
            continue  # "paramilitary Rangers", "the Police": an agent noun written with a capital
        if kind != "Person" and len(ent) <= 2 and all(t.is_title for t in ent):
            known = known_person(ent.text, gazetteer)
            if known is not None:
                if known not in persons:
                    persons.append(known)
                found.add(known, ent, "name")  # "Kurti said ...": the gazetteer's Albin Kurti
                continue
        if kind != "Person" and all(t.lower_.rstrip(".") in settings.title_words for t in ent if not t.is_punct):
            continue  # "Major-General", "Lieutenant-Colonel": a rank the model took for an organisation
        span = _strip_leading(ent, settings.title_and_body_words if kind == "Person" else settings.title_words)
        if kind != "Person":
            holder = _holder_after_body(ent, settings)
            if holder is not None:
                # "Secretary of the Security Council Viktor Makhmudov" read as one organisation
                kind, span = "Person", holder
        if kind != "Person":
            core_titles = settings.core_titles
            titled = _strip_leading(ent, core_titles)
            before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            if before == "of" and ent.start > 1 and doc[ent.start - 2].lower_.rstrip(".") in core_titles:
                # "Secretary of State Rex Tillerson": the title runs on into the name the model found
                titled = _strip_leading(ent, settings.title_words)
                before = doc[ent.start - 2].lower_.rstrip(".")
            stripped = {t.lower_.rstrip(".") for t in doc[ent.start : titled.start]}
            words = [t for t in titled if not (t.is_punct and t.text in {"-", "\u2013"})]
            if (
                titled.text[:1].isupper()
                and 2 <= len(words) <= 4
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
                and (stripped & core_titles or before in core_titles or _titled_apposition(ent, titled, core_titles))
            ):
                kind = "Person"  # "Chancellor Olaf Scholz" tagged as an organisation
                span = titled
            else:
                span = _strip_leading(ent, frozenset())
        if not any(t.is_alpha and t.is_title or t.is_upper for t in span):
            continue
        if kind == "Person" and sum(c.isalpha() for c in span.text) < 2:
            continue  # "Gen Z": a letter is no one's name
        if all(t.lower_ in settings.title_words for t in span):
            continue
        if kind == "Person" and len(span) == 1:
            earlier = _person_shaped_organisation(span.text, found)
            if earlier is not None:
                # "Kassym-Jomart Tokayev ... Tokayev thanked": the earlier name was a person's
                _retype_as_person(found, earlier, gazetteer, persons)
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
        earlier = next(
            (
                p
                for p in reversed(persons)
                if len(span.text.split()) < len(p.label.split())
                and p.label.split()[-len(span.text.split()) :] == span.text.split()
            ),
            None,
        )
        if earlier is not None and _person_shaped(span, settings) or (earlier is not None and len(span) == 1):
            found.add(earlier, span, "coreference")  # "Jean-Yves Le Drian ... Le Drian said"
            continue
        label = span.text
        entity = new_entity(label, kind, gazetteer)
        if kind == "Organization":
            entity = _national_body(span, entity, gazetteer, found, settings)
        found.add(entity, span, "name")
    # the passes below test every token: its lower-case form, part of speech and lemma are read once
    strings = doc.vocab.strings
    lower = [strings[h] for h in doc.to_array("LOWER").tolist()]
    pos = doc.to_array("POS").tolist()
    lemmas = doc.to_array("LEMMA").tolist()
    _add_honorific_names(doc, found, persons, gazetteer, settings, lower)
    _agree_with_coordinated_persons(doc, found, gazetteer, settings)
    persons.extend(e for e in found.entities.values() if e.type == "Person" and e not in persons)
    _add_surnames(doc, found, persons, gazetteer, [i for i, tag in enumerate(pos) if tag == PROPN])
    _add_countries(doc, found, gazetteer)
    home = home_country(doc, found, gazetteer, layout, settings.layout, dateline[2] if dateline else None)
    found.home = home.key if home is not None else None
    _home_bodies(found, home, gazetteer, settings)
    if settings.agents is not None:
        AgentFinder(settings.agents, gazetteer).add(doc, found, home, layout)
    _add_coreference(
        doc,
        found,
        settings,
        gazetteer,
        [
            i
            for i, (word, tag, lemma) in enumerate(zip(lower, pos, lemmas))
            if word in settings.pronouns or (tag in (NOUN, PROPN) and strings[lemma].lower() in settings.descriptions)
        ],
    )
    found.mentions.sort(key=lambda m: (m.start, m.end))
    return found


def _event_words_before(doc: Doc, end: int, words: frozenset[str]) -> int:
    """How many tokens before ``end`` spell one of ``words``, capitalised ("Tropical Storm"); 0 if none."""
    for size in (2, 1):
        start = end - size
        if start < 0:
            continue
        phrase = doc[start:end]
        if phrase.text.lower() in words and phrase[0].is_title and phrase[-1].pos_ != "VERB":
            return size
    return 0


def _without_event_words(ent: Span, words: frozenset[str]) -> str:
    """The text of ``ent`` after the natural-event words it opens with ("Hurricane Ivan" is "Ivan")."""
    doc = ent.doc
    for start in range(min(ent.end - 1, ent.start + 2), ent.start, -1):
        if _event_words_before(doc, start, words) == start - ent.start:
            return doc[start : ent.end].text
    return ent.text


def _natural_event_names(doc: Doc, text: str, words: frozenset[str]) -> frozenset[str]:
    """Names of the natural events ``doc`` (whose text is ``text``) names after one of ``words``,
    the headline's included."""
    if not words or not any(word.title() in text for word in words):
        return frozenset()  # most texts name no storm: one search of the text, not a look at every name
    firsts = {word.split()[0] for word in words}
    by_start = {ent.start: ent for ent in doc.ents}
    names = set()
    for token in doc:
        if not (token.is_title and token.lower_ in firsts):
            continue
        for end in (token.i + 2, token.i + 1):
            if end > len(doc) or _event_words_before(doc, end, words) != end - token.i:
                continue
            named = by_start.get(end)  # "Hurricane | Ivan"
            whole = by_start.get(token.i)  # "Hurricane Ivan" as one name
            if named is not None:
                names.add(named.text)
            elif whole is not None and whole.end > end:
                names.add(doc[end : whole.end].text)
            break
    return frozenset(names)


def _titled_apposition(ent: Span, titled: Span, core_titles: frozenset[str]) -> bool:
    """Whether a name stands in apposition to a title: "the minister, Rustem Umerov"."""
    return any(c.dep_ == "appos" and c.lower_ in core_titles for t in titled for c in t.children) or (
        ent.root.dep_ == "appos" and ent.root.head.lower_ in core_titles
    )


def _person(span: Span, persons: list[Entity], gazetteer: Gazetteer) -> Entity:
    """The person a name refers to: an earlier person with this surname, one the gazetteer knows, or a new one."""
    words = without_initials(span.text).split()
    for person in reversed(persons):
        known = without_initials(person.label).split()
        if len(words) < len(known) and known[-len(words) :] == words:
            return person
        if len(words) > len(known) and words[-len(known) :] == known:
            # A fuller name after a short one: keep the first key, remember the name.
            return person
        if words == known:
            return person  # "George W. Bush" and "George Bush"
    return known_person(span.text, gazetteer) or new_entity(span.text, "Person", gazetteer)


@lru_cache(maxsize=4096)
def without_initials(name: str) -> str:
    """A name without its middle initials: "Vladimir V. Putin" -> "Vladimir Putin".

    Examples
    --------
    >>> without_initials("George W. Bush")
    'George Bush'
    """
    words = name.split()
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))]
    return " ".join(kept)


_INITIAL = re.compile(r"[A-Z]\.?")


def known_person(name: str, gazetteer: Gazetteer) -> Entity | None:
    """The gazetteer's person of a name, its form without middle initials, or a surname only one has.

    One real person is one entity in every document: "Vladimir V. Putin", "Vladimir
    Putin" and a bare "Putin" are the gazetteer's ``vladimir-putin``.
    """
    for form in dict.fromkeys((name, without_initials(name))):
        for entity in gazetteer.lookup(form):
            if entity.type == "Person":
                return entity
    words = without_initials(name).split()
    holders = _surnames(gazetteer).get(words[-1], ()) if words else ()
    if len(words) == 1 and len(holders) == 1:
        return holders[0]
    if len(words) > 1:
        # "Anthony Blinken" for Antony Blinken: the one holder of the surname whose first name begins alike
        alike = [h for h in holders if h.label.split()[0][:3].lower() == words[0][:3].lower()]
        if len(alike) == 1:
            return alike[0]
    return None


_SURNAMES: dict[int, dict[str, tuple[Entity, ...]]] = {}


def _surnames(gazetteer: Gazetteer) -> dict[str, tuple[Entity, ...]]:
    """The gazetteer's persons by the last word of each of their names."""
    cached = _SURNAMES.get(id(gazetteer))
    if cached is None:
        index: dict[str, dict[str, Entity]] = {}
        for entity in gazetteer.entities:
            if entity.type == "Person":
                for name in entity.names:
                    index.setdefault(name.split()[-1], {})[entity.key] = entity
        cached = _SURNAMES[id(gazetteer)] = {k: tuple(v.values()) for k, v in index.items()}
    return cached


def _add_honorific_names(
    doc: Doc,
    found: DocumentEntities,
    persons: list[Entity],
    gazetteer: Gazetteer,
    settings: EntitySettings,
    lower: list[str],
) -> None:
    """ "Mr Kennedy", "Dr Fox", "PM Manasseh Sogavare": a name after an honorific or a title is a person.

    After a title (not an honorific) the name must have two or three words and
    end there: "PM Manasseh Sogavare", not "President Hotel" or "Minister Peter
    Dutton Street". ``lower`` holds the lower-case form of each token.
    """
    covered = {i for m in found.mentions for i in range(m.start, m.end)}
    core_titles = settings.core_titles
    for index, form in enumerate(lower[:-1]):
        word = form.rstrip(".")
        honorific = word in settings.honorifics
        if not honorific and word not in core_titles:
            continue
        token = doc[index]
        if not honorific and not layout_body(found, token):
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= 3
            and doc[end].pos_ == "PROPN"
            and doc[end].is_alpha
            and doc[end].text[:1].isupper()
            and doc[end].idx not in covered
        ):
            end += 1
        if end == token.i + 1:
            continue
        if not honorific and (
            end - token.i < 3
            or (end < len(doc) and doc[end].pos_ == "PROPN")
            or any(gazetteer.lookup(t.text) for t in doc[token.i + 1 : end])
        ):
            continue
        span = doc[token.i + 1 : end]
        person = _person(span, persons, gazetteer)
        if person.key not in found.entities:
            persons.append(person)
        found.add(person, span, "name" if person.label == span.text else "coreference")
        covered.update(range(span.start_char, span.end_char))


def layout_body(found: DocumentEntities, token: Token) -> bool:
    """Whether a token is in the document's body (not its headline or dateline)."""
    return found.layout.in_body(token.idx)


def _add_countries(doc: Doc, found: DocumentEntities, gazetteer: Gazetteer) -> None:
    """ "the Uzbek journalist X", "Russia's Gazprom": the country an unknown actor belongs to."""
    countries = {}
    for mention in found.mentions:
        entity = found.entities.get(mention.entity_key)
        if entity is not None and entity.type == "Country":
            countries[mention.start] = entity
    for mention in list(found.mentions):
        entity = found.entities.get(mention.entity_key)
        if (
            entity is None
            or entity.country
            or entity.key in gazetteer
            or entity.type not in {"Person", "Organization", "GovernmentBody"}
        ):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        modifiers = [
            t
            for t in span.root.subtree
            if t.i < span.start and t.idx in countries and t.dep_ in {"amod", "compound", "poss", "nmod"}
        ]
        if modifiers:
            found.entities[entity.key] = replace(entity, country=countries[modifiers[-1].idx].key)


def _add_surnames(
    doc: Doc, found: DocumentEntities, persons: list[Entity], gazetteer: Gazetteer, proper_nouns: list[int]
) -> None:
    """Mark later bare surnames ("Kurbanov") of persons named in full earlier, among the ``proper_nouns``
    (token indices).

    A name the model took for an organisation ("Kassym-Jomart Tokayev") that is
    later written as a bare surname is a person's: organisations are not
    referred to by their last word.
    """
    covered = {i for m in found.mentions for i in range(m.start, m.end)}
    surnames: dict[str, Entity] = {}
    candidates = persons + [e for e in found.entities.values() if _may_be_a_person(e) and e.key not in gazetteer]
    for person in candidates:
        for name in (person.label, *person.names):  # "Aleksandar Vučić", also written "Vucic"
            parts = name.split()
            if len(parts) > 1:
                surnames.setdefault(parts[-1], person)
    first_mention = {}
    for mention in found.mentions:
        first_mention.setdefault(mention.entity_key, mention.start)
    for index in proper_nouns:
        token = doc[index]
        person = surnames.get(token.text)
        if person is None or token.idx in covered:
            continue
        first = first_mention.get(person.key)
        if first is None or token.idx < first:
            continue
        if person.type != "Person":
            retyped = _retype_as_person(found, person, gazetteer, persons)
            surnames = {k: (retyped if v.key == person.key else v) for k, v in surnames.items()}
            person = retyped
        found.add(person, doc[token.i : token.i + 1], "coreference")


def _add_coreference(
    doc: Doc, found: DocumentEntities, settings: EntitySettings, gazetteer: Gazetteer, nouns_and_pronouns: list[int]
) -> None:
    """Resolve definite descriptions and subject pronouns to one earlier entity.

    ``nouns_and_pronouns`` are the indices of the tokens that may be either: the pronouns, and the
    nouns whose lemma heads a description.
    """
    covered = {i for m in found.mentions for i in range(m.start, m.end)}
    mentions = sorted(found.mentions, key=lambda m: m.start)
    sentence_of = {sent.start_char: n for n, sent in enumerate(doc.sents)}
    sentence_starts = sorted(sentence_of)

    def sentence_index(char: int) -> int:
        return max(bisect_right(sentence_starts, char) - 1, 0)

    new: list[Mention] = []
    for index in nouns_and_pronouns:
        token = doc[index]
        if token.idx in covered:
            continue
        lower = token.lower_
        types: tuple[str, ...] = ()
        span = None
        count = 1
        if lower in settings.pronouns and token.dep_ in {"nsubj", "nsubjpass", "poss"}:
            if _pleonastic(token):
                continue
            types = settings.pronouns[lower]
            span = doc[token.i : token.i + 1]
        elif token.lemma_.lower() in settings.descriptions and (
            token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)
        ):
            determiners = [c for c in token.children if c.dep_ in {"det", "nummod"}]
            owned_capital = token.lemma_.lower() in settings.capital_descriptions and any(
                c.dep_ == "poss" for c in token.children
            )  # "roads leading to Nepal's capital"
            if not owned_capital and (
                not determiners
                or not (
                    determiners[0].lower_ in {"the", "both"}
                    or determiners[0].lower_ in settings.number_words
                    or determiners[0].lower_.isdigit()
                )
            ):
                continue
            capital = _capital_named(token, found, settings, gazetteer)
            if capital is not None:
                # "the Syrian capital": Damascus, named by its country
                found.entities.setdefault(capital.key, capital)
                new.append(Mention(capital.key, token.text, token.idx, token.idx + len(token.text), "coreference"))
                continue
            counted = any(c.dep_ == "nummod" or c.lower_ == "both" for c in token.children)
            if any(
                c.dep_ in {"compound", "amod", "poss"}
                and c.idx in covered
                and not (counted and _names_region(c, found))
                for c in token.children
            ):
                continue  # "the Iranian government" is named; "the four Middle Eastern nations" refer back
            if any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                for c in token.children
            ):
                continue  # "the bloc of western nations" names its members, it does not refer back
            if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
                continue  # "the capital, Nairobi": named right there
            types = settings.descriptions[token.lemma_.lower()]
            numbers = [c for c in token.children if c.dep_ == "nummod" or c.lower_ == "both"]
            if numbers:
                word = numbers[0].lower_
                count = (
                    2
                    if word == "both"
                    else int(word)
                    if word.isdigit()
                    else (settings.number_words.index(word) if word in settings.number_words else 0)
                )
                if count < 2:
                    continue
            start = min([token.i] + [c.i for c in token.children if c.dep_ in {"det", "nummod", "amod"}])
            span = doc[start : token.i + 1]
        if span is None:
            continue
        here = sentence_index(token.idx)
        candidates: list[str] = []
        for mention in reversed([m for m in mentions if m.end <= span.start_char]):
            distance = here - sentence_index(mention.start)
            if distance > settings.coreference_window:
                break
            entity = found.entities[mention.entity_key]
            if mention.via == "demonym" and _describes_noun(doc, mention):
                continue  # "an Iraqi group which said it ...": "it" is the group, not Iraq
            if entity.type in types and entity.key not in candidates:
                head = token.lemma_.lower()
                if head in settings.named_heads and head not in " ".join(entity.names).lower():
                    continue  # "the ministry" is a ministry, not any government body
                candidates.append(entity.key)
        if not candidates:
            continue
        chosen = _clear_choice(candidates, mentions, count, sentence_index)
        if not chosen and count > 2:
            chosen = _listed(doc, candidates, [m for m in mentions if m.end <= span.start_char], count)
        if (
            count == 1
            and found.home in candidates
            and "Country" in types
            and span is not None
            and token.lemma_.lower() in settings.home_descriptions
        ):
            chosen = [found.home]  # "the country": the one the story is about, among those just named
        if not chosen and token.dep_ in {"nsubj", "nsubjpass"} and count == 1:
            chosen = _previous_subject(doc, candidates, mentions, token, sentence_index)
        for key in chosen:
            mention = Mention(key, span.text, span.start_char, span.end_char, "coreference")
            new.append(mention)
            # "Turull reminded ... Moreover, he wanted ... He said": a later pronoun may continue this one
            insort(mentions, mention, key=lambda m: m.start)
    found.mentions.extend(new)


def _describes_noun(doc: Doc, mention: Mention) -> bool:
    """Whether a demonym modifies a common noun ("an Iraqi group"), which is then the one referred to."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in {"amod", "compound"} and root.head.pos_ == "NOUN"


def _capital_named(token: Token, found: DocumentEntities, settings: EntitySettings, gazetteer: Gazetteer):
    """The capital a description names by its country ("the Syrian capital", "Ukraine's capital"), else None.

    A capital named right there ("the capital, Nairobi") is read by its name.
    """
    if token.lemma_.lower() not in settings.capital_descriptions or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children
    ):
        return None
    for modifier in (c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}):
        for mention in found.mentions:
            if mention.start <= modifier.idx < mention.end:
                country = found.entities.get(mention.entity_key)
                if country is not None and country.type == "Country":
                    return gazetteer.capital(country.key)
    return None


def _listed(doc: Doc, candidates: list[str], mentions: list[Mention], count: int) -> list[str]:
    """The last list of exactly ``count`` candidates named one after another ("Saudi Arabia, Egypt,
    Bahrain, and the UAE"), for "the four nations"."""
    listed = [m for m in mentions if m.entity_key in candidates]
    text = doc.text
    for end in range(len(listed), count - 1, -1):
        run = listed[end - count : end]
        gaps = [text[a.end : b.start] for a, b in zip(run, run[1:])]
        if (
            all(re.fullmatch(r"\s*(,|,?\s*and|&)\s*(the\s+)?", gap) for gap in gaps)
            and len({m.entity_key for m in run}) == count
        ):
            return [m.entity_key for m in run]
    return []


def _names_region(modifier: Token, found: DocumentEntities) -> bool:
    """Whether a modifier is a region's name ("Middle Eastern", "Gulf"), not one state's."""
    start = modifier.idx
    return any(m.start <= start < m.end and found.entities[m.entity_key].type == "Place" for m in found.mentions)


def _pleonastic(pronoun: Token) -> bool:
    """ "It is unclear whether ...", "it seems that ...": an "it" that refers to nothing."""
    if pronoun.lower_ != "it":
        return False
    head = pronoun.head
    deps = {c.dep_ for c in head.children}
    if head.lemma_ in {"seem", "appear", "emerge", "transpire", "remain", "rain"} and deps & {"ccomp", "xcomp"}:
        return True
    return bool(deps & {"ccomp", "csubj", "xcomp"}) and bool(deps & {"acomp", "attr"})


def _previous_subject(
    doc: Doc, candidates: list[str], mentions: list[Mention], pronoun: Token, sentence_index
) -> list[str]:
    """ "Ecowas imposed sanctions on Niger ... It demanded ...": a subject pronoun continues the subject before.

    When the candidates are not clear, the one that was the grammatical subject of
    the latest sentence holding any is chosen, if exactly one was.
    """
    here = sentence_index(pronoun.idx)
    for back in range(1, 3):
        subjects = []
        for mention in mentions:
            if mention.entity_key not in candidates or sentence_index(mention.start) != here - back:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            root = span.root if span is not None else None
            while root is not None and root.dep_ == "conj":
                root = root.head  # "The CSTO and the SCO held summits": both are subjects
            if root is not None and root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ in {"ROOT", "conj"}:
                subjects.append(mention.entity_key)
        subjects = list(dict.fromkeys(subjects))
        if subjects:
            return subjects if len(subjects) == 1 else []
    return []


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
