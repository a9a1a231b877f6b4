"""Agents and groups: a country's sector named by its role ("Israeli troops", "Egyptian police").

:class:`AgentFinder` reads noun phrases whose head is an agent noun of the
lexicon (``kg/lexicon/agents.json``: "troops" is Military, "police" Police,
"protesters" Protesters ...) and gives each the country the phrase names: a
demonym or country before it ("Israeli troops", "Kenya's legislature", "U.S.
forces"), a place or country after "of", "from" or "in" ("protesters in
Tehran", "the army of Niger"), else the country the document is about
("Police opened fire on protesters" in a story from Kenya). A demonym used as a
plural noun names the country's people ("deported 168 Liberians").

The phrase becomes an :class:`~kg.records.Entity` of type ``Agent`` with
``country`` and ``sector`` (key ``<country>-<sector>``, label "Israel
(military)"), and its words, country modifier included, one mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.symbols import NOUN, PROPN

from kg.extraction.sentence import word_forms
from kg.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extraction.document import Layout
    from kg.extraction.entities import DocumentEntities
    from kg.gazetteer import Gazetteer

__all__ = ["AgentSettings", "AgentFinder", "agent_entity"]


@dataclass(frozen=True)
class AgentSettings:
    """The agent lexicon and the grammar words agent phrases depend on."""

    #: Agent phrases (lemmas, lower case) and their sectors.
    nouns: dict[str, str]
    #: Nouns that are agents only in the plural ("officials"; "an official" is a title).
    plural_only: frozenset[str] = frozenset()
    #: Modifiers that say the agents are not the home country's ("foreign troops").
    foreign_modifiers: frozenset[str] = frozenset()
    #: Prepositions after which a place or country gives the agents' country.
    country_prepositions: frozenset[str] = frozenset()
    #: Weapons and craft: agents only of a country the phrase names ("Russian missiles").
    instruments: frozenset[str] = frozenset()
    #: Prepositions that place events in a country ("in Kenya", "across Iran").
    locative_prepositions: frozenset[str] = frozenset()
    #: Sector of a country's people named by a plural demonym ("168 Liberians").
    people_sector: str = "Civilians"
    #: Agent nouns read only with a country named with them ("an Indonesian court", not "the court").
    named_country_only: frozenset[str] = frozenset()
    #: People held by others ("hostages"): of a country the phrase names, not of where they are held.
    captive_nouns: frozenset[str] = frozenset()
    #: Capitalised modifiers of faith or creed, which name no people ("Muslim militants", "Maoist rebels").
    creed_modifiers: frozenset[str] = frozenset()
    #: Followers ("supporters", "fans"): with a country's name they follow that country or its team
    #: ("Wales supporters", "Palestine supporters"); they are not its agents.
    follower_nouns: frozenset[str] = frozenset()
    #: Places and units a group holds ("militia positions", "rebel bases"): the group is named in them.
    site_nouns: frozenset[str] = frozenset()
    #: Those who speak or lead for a group, in the plural ("rebel leaders", "militia commanders").
    spokesman_nouns: frozenset[str] = frozenset()
    #: Sectors of the state ("Government", "Military" ...): a group facing them is of their country.
    state_sectors: frozenset[str] = frozenset()
    #: Words that make a demonym an ethnic group's name ("ethnic Albanians"), not a state's people.
    ethnic_words: frozenset[str] = frozenset()
    #: Nouns naming a state's government ("government", "regime").
    state_heads: frozenset[str] = frozenset()
    #: Words that make an agent noun a name without naming anyone ("the National Police").
    generic_name_words: frozenset[str] = frozenset()
    #: Longest agent phrase, in words.
    longest_phrase: int = 3
    #: Participles saying who holds a body, not whose it is: "the opposition-controlled National Assembly".
    control_participles: frozenset[str] = frozenset()

    @cached_property
    def phrase_endings(self) -> frozenset[str]:
        """The last words of the agent phrases, one or more ("police", "riot police"): a noun
        that is none of them heads no agent phrase."""
        endings = set()
        for phrase in self.nouns:
            words = phrase.split(" ")
            endings.update(" ".join(words[i:]) for i in range(len(words)))
        return frozenset(endings)


def agent_entity(country: Entity, sector: str) -> Entity:
    """The agent of ``country`` in ``sector``: key ``israel-military``, label "Israel (military)"."""
    return Entity(
        key=f"{country.key}-{sector.lower()}",
        label=f"{country.label} ({sector.lower()})",
        type="Agent",
        country=country.key,
        sector=sector,
    )


class AgentFinder:
    """Adds agent mentions to a document's entities."""

    def __init__(self, settings: AgentSettings, gazetteer: Gazetteer):
        self.settings = settings
        self.gazetteer = gazetteer

    def add(self, doc: Doc, found: DocumentEntities, home: Entity | None, layout: Layout) -> None:
        """Find the document's agent phrases and record them as mentions of agent entities."""
        by_token = _mentions_by_token(doc, found)
        new: list[tuple[Mention, set[int]]] = []
        for index, tag in enumerate(doc.to_array("POS").tolist()):
            if tag != NOUN and tag != PROPN:
                continue
            token = doc[index]
            if not layout.in_body(token.idx):
                continue
            own = by_token.get(token.i, [])
            if not own and token.tag_ != "NNPS" and token.lemma_.lower() not in self.settings.phrase_endings:
                continue  # no name, no people and no agent noun: nothing below reads it
            generic = self._generic_name(own, found, doc)
            if generic:
                # "the National Police", "Peru's Federal Police": a name any state's agents have
                for entity, start, absorbed in self._agents(token, doc, found, by_token, home, generic):
                    found.entities.setdefault(entity.key, entity)
                    span = doc[start : token.i + 1]
                    mention = Mention(entity.key, span.text, span.start_char, span.end_char, "name")
                    new.append((mention, absorbed | generic))
                continue
            if any(found.entities[m.entity_key].type != "Country" or m.via != "demonym" for m in own):
                continue  # a named entity ("Revolutionary Guards"), not a common noun
            people = bool(own) or token.tag_ == "NNPS"  # a demonym, or a plural name: maybe a people
            ethnic = people and any(c.dep_ == "amod" and c.lower_ in self.settings.ethnic_words for c in token.children)
            living = self._living_in(token, found, by_token) if people else None
            if living is not None:
                read = self._people(token, living)  # "the Albanians of southern Serbia": Serbia's people
            elif ethnic:
                # "ethnic Albanians demonstrated in Serbia": a people of the place, not the state of the name
                local = self._where(token, doc, found, by_token) or home
                read = self._people(token, local) if local is not None else []
            elif own:
                read = self._people(token, found.entities[own[0].entity_key])
            elif token.tag_ == "NNPS" and self.gazetteer.by_demonym(token.text) is not None:
                read = self._people(token, self.gazetteer.by_demonym(token.text))  # "168 Liberians"
            elif token.tag_ == "NNPS" and _stem_in(token, self.settings.nouns) is None:
                read = self._national_people(token, doc, found, by_token)  # "Iraqi Kurds", "Syrian Christians"
            else:
                read = self._agents(token, doc, found, by_token, home)
            for entity, start, absorbed in read:
                found.entities.setdefault(entity.key, entity)
                span = doc[start : token.i + 1]
                mention = Mention(entity.key, span.text, span.start_char, span.end_char, "name")
                new.append((mention, absorbed))
        if not new:
            return
        absorbed_tokens = set().union(*(tokens for _, tokens in new))
        kept = []
        for mention in found.mentions:
            covered = {t.i for t in doc.char_span(mention.start, mention.end, alignment_mode="expand") or ()}
            if covered and covered <= absorbed_tokens:
                continue  # "Israeli" in "Israeli troops": now part of the agent's mention
            kept.append(mention)
        found.mentions[:] = kept + [mention for mention, _ in new]
        found.mentions.sort(key=lambda m: (m.start, m.end))

    def _generic_name(self, own: list[Mention], found: DocumentEntities, doc: Doc) -> set[int]:
        """The tokens of a name the text gives an organisation that is only an agent noun with "National",
        "Federal" or the like before it ("the National Police"); empty when the name is its own."""
        tokens: set[int] = set()
        for mention in own:
            entity = found.entities[mention.entity_key]
            if entity.type != "Organization" or entity.key in self.gazetteer:
                return set()
            written = mention.text.lower().split()
            words = [w for w in written if w not in self.settings.generic_name_words]
            if not words or not (
                {" ".join(words), " ".join(w for w in written if w != "the")} & self.settings.nouns.keys()
            ):
                return set()
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            tokens.update(t.i for t in span or ())
        return tokens

    def _people(self, token: Token, country: Entity):
        """ "deported 168 Liberians", "seized a Briton": a demonym as a noun names the country's people."""
        if token.dep_ in {"amod", "compound", "nmod", "poss"} or country.type != "Country":
            return []
        plural = token.tag_ in {"NNS", "NNPS"} and token.lower_.endswith("s")
        one = token.tag_ in {"NN", "NNP"} and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)
        if not (plural or one):
            return []
        return [(agent_entity(country, self.settings.people_sector), token.i, {token.i})]

    def _national_people(self, token: Token, doc: Doc, found: DocumentEntities, by_token: dict[int, list[Mention]]):
        """A people named by a plural name after a demonym ("Iraqi Kurds"): the people of that country."""
        for modifier in (c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i):
            for mention in by_token.get(modifier.i, []):
                if mention.via != "demonym" or found.entities[mention.entity_key].type != "Country":
                    continue
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                tokens = {t.i for t in span} if span is not None else {modifier.i}
                people = self._people(token, found.entities[mention.entity_key])
                return [(entity, min(tokens), absorbed | tokens) for entity, _, absorbed in people]
        return []

    def _agents(
        self,
        head: Token,
        doc: Doc,
        found: DocumentEntities,
        by_token: dict[int, list[Mention]],
        home: Entity | None,
        name: frozenset[int] | set[int] = frozenset(),
    ):
        """The agents a noun phrase headed by ``head`` names, with the first token of each mention.

        ``name`` holds the tokens of a generic name the phrase is ("the National Police"): its
        words are not modifiers that name another group.
        """
        if head.lemma_.lower() not in self.settings.phrase_endings and not (
            head.pos_ == "PROPN" and _stem_in(head, self.settings.nouns)
        ):
            return []  # no agent phrase ends with this noun (what most nouns are); "Kidnappers seized" still does
        if (
            head.dep_ in {"compound", "amod", "nmod"}
            and head.head.pos_ in {"NOUN", "PROPN"}
            and head.head.i > head.i
            and not self._names_group(head.head)
        ):
            return []  # "police officers": the head noun decides; "militia positions" name the militia
        match = self._phrase(head, by_token, name)
        if match is None:
            return []
        if self._named_after(head, by_token, found):
            return []  # "the rebel group Hay'at Tahrir al-Sham (HTS)": the group is the one named
        sector, phrase_start = match
        modifiers = [
            c
            for c in head.children
            if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i < head.i and c.i not in name
        ]
        # "a U.S. AC-130 gunship", "Russian missile strikes": the owner modifies the model or the weapon
        modifiers += [
            g
            for c in modifiers
            if c.dep_ == "compound" or any(ch.isdigit() for ch in c.text)
            for g in c.children
            if g.dep_ in {"amod", "compound", "nmod"} and g.i < c.i
        ]
        if any(c.lower_ in self.settings.foreign_modifiers for c in modifiers):
            return []  # "foreign troops", "Western diplomats"
        if head.lemma_.lower() in self.settings.follower_nouns and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in modifiers
        ):
            return []  # "the cleric urged his supporters": his followers, not a sector of the state
        countries: list[tuple[Entity, int, set[int]]] = []
        named_other = False
        for modifier in modifiers:
            for token in _coordinated(modifier):
                mentions = by_token.get(token.i, [])
                for mention in mentions:
                    country = self._country(found.entities[mention.entity_key])
                    if (
                        country is not None
                        and mention.via == "name"
                        and head.lemma_.lower() in self.settings.follower_nouns
                    ):
                        return []  # "Wales supporters", "Palestine supporters": for the country, not of it
                    if country is not None:
                        first = min(token.i, modifier.i)
                        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                        tokens = {t.i for t in span} if span is not None else {token.i}
                        countries.append((country, min(first, *tokens), tokens))
                    else:
                        named_other = True  # "Hamas militants", "UN peacekeepers": the group itself
            if modifier.tag_ == "VBN" and modifier.lemma_.lower() not in self.settings.control_participles:
                named_other = True  # "US-led forces": led by, not belonging to; an "opposition-controlled" body is
                # still the state's
        if not countries and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in modifiers):
            owner = self._owner(head, by_token, found)  # "France withdrew its troops": France's
            if owner is None:
                return []
            countries.append((owner, phrase_start, set()))
        if named_other and not countries:
            return []
        if not countries and any(
            m.dep_ in {"amod", "compound"}
            and m.text[:1].isupper()
            and m.i > head.sent.start
            and m.lower_ not in self.settings.nouns
            and m.lower_ not in self.settings.creed_modifiers
            and not by_token.get(m.i)
            and not any(ch.isdigit() for ch in m.text)
            for m in modifiers
        ):
            return []  # "Kurdish security forces", "Tamil rebels": a people's, not the document country's
        # "hostages in Iraq" are held there, whoever's people they are
        captive = head.lemma_.lower() in self.settings.captive_nouns
        named_only = captive or head.lemma_.lower() in self.settings.named_country_only
        if not countries:
            for prep in (
                c
                for c in head.children
                if c.dep_ == "prep"
                and c.lower_ in self.settings.country_prepositions
                and not (captive and c.lower_ in self.settings.locative_prepositions)
            ):
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    for token in _coordinated(pobj):
                        for mention in by_token.get(token.i, []):
                            entity = found.entities[mention.entity_key]
                            country = self._country(entity)
                            if country is not None:
                                countries.append((country, phrase_start, set()))
                            elif entity.type in {"Organization", "InternationalOrganization", "GovernmentBody"}:
                                return []  # "fighters from Hayat Tahrir al-Sham": the group's own
                    if not countries and prep.lower_ in self.settings.locative_prepositions:
                        # "fighters in the village of Madaya in Idlib province": the place named deeper in
                        for token in pobj.subtree:
                            for mention in by_token.get(token.i, []):
                                entity = found.entities[mention.entity_key]
                                country = self._country(entity) if entity.type in {"Place", "Country"} else None
                                if country is not None and not countries:
                                    countries.append((country, phrase_start, set()))
        phrase = " ".join(t.lemma_.lower() for t in doc[phrase_start : head.i + 1])
        if not countries and (
            head.lemma_.lower() in self.settings.instruments or phrase in self.settings.instruments or named_only
        ):
            return []  # "a barrage of missiles at Kyiv": weapons belong to whoever the text says fired them
        if not countries:
            local = self._facing_state(head, sector, by_token, found) or self._where(head, doc, found, by_token) or home
            if local is not None:
                countries.append((local, phrase_start, set()))
        read = []
        seen: set[str] = set()
        for country, start, absorbed in countries:
            if country.key in seen:
                continue
            seen.add(country.key)
            read.append((agent_entity(country, sector), min(start, phrase_start), absorbed))
        return read

    def _named_after(self, head: Token, by_token: dict[int, list[Mention]], found: DocumentEntities) -> bool:
        """Whether an organisation's name follows the agent noun as its apposition or right after it."""
        following = [c for c in head.children if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" and c.i > head.i]
        if head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN":
            following.append(head.doc[head.i + 1])
        return any(
            found.entities[m.entity_key].type in {"Organization", "InternationalOrganization"}
            for token in following
            for m in by_token.get(token.i, [])
        )

    def _names_group(self, noun: Token) -> bool:
        """Whether a noun's modifier names the group it belongs to: "rebel bases", "rebel leaders"."""
        if (
            any(c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" and c.i > noun.i for c in noun.children)
            or (noun.head.pos_ == "PROPN" and noun.head.i > noun.i)
            or (noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].pos_ == "PROPN")
        ):
            return False  # "militant group Hezbollah": the group is named
        if {noun.lemma_.lower(), noun.lower_} & self.settings.site_nouns:
            return True
        return noun.tag_ == "NNS" and noun.lemma_.lower() in self.settings.spokesman_nouns

    def _phrase(
        self, head: Token, by_token: dict[int, list[Mention]], name: frozenset[int] | set[int] = frozenset()
    ) -> tuple[str, int] | None:
        """The sector of the longest agent phrase ending at ``head`` and the phrase's first token."""
        nouns = self.settings.nouns
        lemma = head.lemma_.lower()
        if lemma not in nouns and head.pos_ == "PROPN":
            lemma = _stem_in(head, nouns) or lemma
        if lemma in self.settings.plural_only and head.tag_ not in {"NNS", "NNPS"}:
            return None
        if head.pos_ == "PROPN" and head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN":
            return None  # "General Michael Langley": a title before a name
        words = [lemma]
        best = (nouns[lemma], head.i) if lemma in nouns else None
        index = head.i - 1
        while index >= 0 and head.i - index < self.settings.longest_phrase:
            token = head.doc[index]
            if (
                token.head.i != head.i
                or token.dep_ not in {"amod", "compound", "nmod"}
                or (by_token.get(token.i) and token.i not in name)
            ):
                break
            words.insert(0, token.lower_)
            phrase = " ".join(words)
            if phrase in nouns:
                best = (nouns[phrase], index)
            index -= 1
        return best

    def _owner(self, head: Token, by_token: dict[int, list[Mention]], found: DocumentEntities) -> Entity | None:
        """The country a possessive pronoun before an agent noun refers to: the nearest country before it."""
        for index in range(head.i - 1, head.sent.start - 1, -1):
            for mention in by_token.get(index, []):
                country = self._country(found.entities[mention.entity_key])
                if country is not None and found.entities[mention.entity_key].type == "Country":
                    return country
        return None

    def _where(
        self, head: Token, doc: Doc, found: DocumentEntities, by_token: dict[int, list[Mention]]
    ) -> Entity | None:
        """The country where the sentence, or the one before, places its events.

        A city, or a country after a locative preposition ("in Honiara", "across
        Iran"), nearest to the agent noun in its sentence; else in the sentence
        before: "riots rocked the capital city of Honiara. ... protestors stormed
        parliament" are Solomon Islanders.
        """
        sentence = head.sent
        previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
        for span in (sentence, previous):
            if span is None:
                continue
            places = []
            for token in span:
                for mention in by_token.get(token.i, []):
                    entity = found.entities[mention.entity_key]
                    after_locative = self._in_locative_phrase(token)
                    located = entity.type == "Place" or after_locative
                    country = self._country(entity) if located and mention.via != "coreference" else None
                    if country is not None:
                        # "entry to the White House ... in Bishkek": where the text says "in" first
                        places.append((not after_locative, abs(token.i - head.i), country))
            if places:
                return min(places, key=lambda item: item[:2])[2]
        return None

    def _in_locative_phrase(self, token: Token) -> bool:
        """Whether a place is named inside a phrase of place: "in Honiara", "in the south of Idlib province"."""
        node = token
        for _ in range(5):
            if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
                return False
            if node.dep_ == "pobj" and node.head.lower_ in self.settings.locative_prepositions:
                return True
            node = node.head
        return False

    def _living_in(self, token: Token, found: DocumentEntities, by_token: dict[int, list[Mention]]) -> Entity | None:
        """The country a people named by a demonym is said to live in: "the Albanians of southern Serbia"."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                for mention in by_token.get(pobj.i, []):
                    country = self._country(found.entities[mention.entity_key])
                    if country is not None:
                        return country
        return None

    def _facing_state(
        self, head: Token, sector: str, by_token: dict[int, list[Mention]], found: DocumentEntities
    ) -> Entity | None:
        """The state a group of no named country faces in its sentence: "rebel groups agreed to talks with the
        Sudanese government in Abuja" are Sudan's rebels, wherever the talks are held."""
        if sector in self.settings.state_sectors:
            return None
        for token in head.sent:
            lemma = token.lemma_.lower()
            if token.i == head.i or lemma not in self.settings.state_heads:
                continue  # its government; not an army, which may be a foreign one
            for modifier in (c for c in token.children if c.dep_ in {"amod", "compound", "poss"}):
                for mention in by_token.get(modifier.i, []):
                    country = self._country(found.entities[mention.entity_key])
                    if country is not None and found.entities[mention.entity_key].type == "Country":
                        return country
        return None

    def _country(self, entity: Entity) -> Entity | None:
        """The country an entity is or lies in (a capital or city counts for its country)."""
        if entity.type == "Country":
            return entity
        if entity.type == "Place":
            key = entity.capital_of or entity.country
            if key and key in self.gazetteer and self.gazetteer[key].type == "Country":
                return self.gazetteer[key]
        return None


def _stem_in(token: Token, nouns) -> str | None:
    """The singular of a capitalised lead the tagger took for a name ("Kidnappers seized ..."), if an agent noun."""
    written = {token.lemma_.lower(), token.lower_}
    return next((form for form in word_forms(token) if form not in written and form in nouns), None)


def _coordinated(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Uzbek and Kazakh")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_coordinated(child))
    return out


def _mentions_by_token(doc: Doc, found: DocumentEntities) -> dict[int, list[Mention]]:
    by_token: dict[int, list[Mention]] = {}
    for mention in found.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            by_token.setdefault(token.i, []).append(mention)
    return by_token
