"""Relations from the dependency parse: triggers, arguments, time, modality, confidence.

For every sentence, :func:`extract_relations` looks for the triggers of the
lexicon (verbs, nominalisations, participle modifiers, titles of office),
finds their subject and object through the parse (active and passive voice,
coordination, apposition, relative clauses, control verbs, possessives and
compound modifiers), checks the entity types the relation accepts, resolves
capitals and seats of power to the government they stand for when the slot
needs an actor, and attaches the sentence's time expressions and modality.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.extraction.entities import DocumentEntities
from kg.extraction.lexicon import ACTOR_TYPES, Lexicon, Pattern, RelationSpec
from kg.extraction.time import find_time_expressions
from kg.records import STANDING_RELATIONS
from kg.records import SYMMETRIC_RELATIONS as SYMMETRIC
from kg.records import Entity, Mention, Relation, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.gazetteer import Gazetteer

__all__ = ["RelationSettings", "extract_relations"]

logger = logging.getLogger(__name__)

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_CLAUSE_DEPS = {"conj", "cc", "ccomp", "advcl", "relcl", "parataxis", "punct", "mark", "neg", "aux",
                "auxpass", "det", "acl", "xcomp"}
_FUNCTION_DEPS = {"aux", "auxpass", "mark", "punct", "cc", "neg", "det", "case"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
_POSSESSIVE_PRONOUNS = {"its", "their", "his", "her"}
_VIA_FACTOR = {"name": 1.0, "demonym": 0.95, "metonym": 0.9, "coreference": 0.85, "title": 0.9}


@dataclass(frozen=True)
class RelationSettings:
    """Tunables of relation extraction."""

    min_confidence: float = 0.0
    #: Confidence factor for arguments found by following a control or coordinated verb.
    inherited_factor: float = 0.9
    #: Confidence factor for titles whose country or organisation comes from the sentence.
    title_context_factor: float = 0.75
    #: Confidence factor for a relation stated through another ("withdrew" ends "memberOf").
    derived_factor: float = 0.9


@dataclass(frozen=True)
class _Arg:
    entity: Entity
    text: str
    via: str


_NUMBER_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_EVENT_OFFSET = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>years?|months?)\s+"
    r"(?P<direction>after|before)\s+(?:(?:it|they|he|she|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s+)"
    r"(?:had\s+|has\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE)


def _shifted(value: str, amount: int, unit: str) -> str | None:
    """``value`` moved by ``amount`` years or months, at its own precision."""
    year = int(value[:4])
    if unit.startswith("year"):
        return f"{year + amount:04d}{value[4:]}" if len(value) != 10 else f"{year + amount:04d}{value[4:7]}"
    if len(value) < 7:
        return None  # a year moved by months has no month to land on
    months = year * 12 + int(value[5:7]) - 1 + amount
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


class _Sentence:
    """The entity mentions and time expressions of one sentence, by token."""

    def __init__(self, sent: Span, found: DocumentEntities, document_date: date | None,
                 previous: _Sentence | None = None, anaphoric_times: Iterable[str] = (),
                 timeline: Iterable[tuple[frozenset[str], str]] = ()):
        self.sent = sent
        self.found = found
        self.by_token: dict[int, list[Mention]] = {}
        for mention in found.mentions:
            if mention.end <= sent.start_char or mention.start >= sent.end_char:
                continue
            for token in sent:
                if mention.start <= token.idx < mention.end:
                    self.by_token.setdefault(token.i, []).append(mention)
        self.times: list[tuple[Span, TimeSpan]] = []
        for start, end, span in find_time_expressions(sent.text, document_date):
            char_span = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                                           alignment_mode="expand")
            if char_span is not None:
                self.times.append((char_span, span))
        self.offset_verbs: set[int] = set()
        for match in _EVENT_OFFSET.finditer(sent.text):
            # "47 years after it joined": counted from the dated event named earlier
            verb = sent.doc.char_span(sent.start_char + match.start("verb"), sent.start_char + match.end("verb"))
            if verb is None:
                continue
            forms = set(word_forms(verb[0]))
            anchors = [value for words, value in timeline if words & forms]
            if not anchors:
                continue
            amount = match["n"].lower()
            amount = _NUMBER_WORDS.get(amount, int(amount) if amount.isdigit() else 0)
            if match["direction"].lower() == "before":
                amount = -amount
            value = _shifted(anchors[-1], amount, match["unit"].lower())
            span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end("direction"),
                                      alignment_mode="expand")
            if value is not None and span is not None:
                self.times = [(s, v) for s, v in self.times if not (s.start < span.end and span.start < s.end)]
                self.times.append((span, TimeSpan(match.group(0), point=value)))
                self.offset_verbs.add(verb[0].i)  # the time belongs to the clause above "after it joined"
        if previous is not None and previous.times:
            # "On that occasion, he met ...": the time of the sentence before
            lowered = sent.text.lower()
            earlier = previous.times[-1][1]
            for phrase in anaphoric_times:
                at = lowered.find(phrase)
                if at < 0:
                    continue
                char_span = sent.doc.char_span(sent.start_char + at, sent.start_char + at + len(phrase),
                                               alignment_mode="expand")
                if char_span is not None and not any(s.start <= char_span.start < s.end for s, _ in self.times):
                    self.times.append((char_span, replace(earlier, text=char_span.text)))
                break

    def mentions(self, token: Token) -> list[Mention]:
        return self.by_token.get(token.i, [])


class _Extractor:
    def __init__(self, doc: Doc, found: DocumentEntities, gazetteer: Gazetteer,
                 lexicon: Lexicon, settings: RelationSettings, document_id: str,
                 document_date: date | None):
        self.doc = doc
        self.found = found
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.settings = settings
        self.document_id = document_id
        self.document_date = document_date
        self.generic_heads = lexicon.words("generic_heads")
        self.bid_nouns = lexicon.words("coreference", "bid_nouns")
        #: The actors of the latest application or request ("the bids" refer to them).
        self.applicants: list[_Arg] = []
        self.light_verbs = lexicon.words("light_verbs")
        self.reporting = lexicon.words("reporting_verbs")
        modality = lexicon.grammar["modality"]
        self.negation_words = frozenset(modality["negation_words"])
        self.negating_verbs = frozenset(modality["negating_verbs"])
        self.future_aux = frozenset(modality["future_auxiliaries"])
        self.future_verbs = frozenset(modality["future_verbs"])
        self.hypothetical_aux = frozenset(modality["hypothetical_auxiliaries"])
        self.hypothetical_markers = frozenset(modality["hypothetical_markers"])
        self.speculation_nouns = frozenset(modality["speculation_nouns"])
        self.speculation_verbs = frozenset(modality["speculation_verbs"])
        self.denial_verbs = frozenset(modality["denial_verbs"])
        self.intention_nouns = frozenset(modality["intention_nouns"])
        self.future_modifiers = frozenset(modality["future_modifiers"])
        self.topic_heads = frozenset(modality["topic_heads"])
        self.hypothetical_modifiers = frozenset(modality["hypothetical_modifiers"])
        titles = lexicon.grammar["titles"]
        self.leader_titles = frozenset(titles["leader"])
        self.official_titles = frozenset(titles["official"])
        self.honorifics = frozenset(titles["honorifics"])
        self.generic_titles = frozenset(titles["generic"])
        self.context_roles = frozenset(titles["context_roles"])
        self.title_modifiers = frozenset(titles["national_words"])
        self.title_words = lexicon.title_words("leader", "official") | self.title_modifiers

    # ------------------------------------------------------------------ arguments

    def resolve(self, token: Token, sentence: _Sentence, depth: int = 0) -> list[_Arg]:
        """Entities a token stands for: its mentions, a relative pronoun's anchor, a generic head's modifier."""
        mentions = sentence.mentions(token)
        if mentions:
            return [_Arg(self.found.entities[m.entity_key], m.text, m.via) for m in mentions]
        if depth > 2:
            return []
        lower = token.lower_
        if lower in _RELATIVE_PRONOUNS and token.dep_ != "poss":
            anchor = self.relative_anchor(token, sentence)
            return self.resolve(anchor, sentence, depth + 1) if anchor is not None else []
        if lower in _POSSESSIVE_PRONOUNS and token.dep_ == "poss":
            return self.possessive_owner(token, sentence, depth)
        if lower in {"it", "them"} and token.dep_ in {"dobj", "pobj"}:
            return self.object_pronoun(token, sentence, depth)
        if token.lower_ in self.title_words and token.pos_ in {"NOUN", "PROPN"}:
            # "the commander of Central Command, General X": the person in apposition
            holders = [c for c in token.children if c.dep_ == "appos"]
            holders += [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
            # "Secretary of the Security Council Viktor Makhmudov", parsed as one noun phrase
            holders += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
            if not holders and token.i + 2 < sentence.sent.end and token.doc[token.i + 1].text == ",":
                holders = [token.doc[token.i + 2]]  # "Qatar's emir, Tamim bin Hamad Al Thani," parsed loosely
            persons = [arg for h in holders for arg in self.resolve(h, sentence, depth + 1)
                       if arg.entity.type == "Person"]
            if persons:
                return persons
        if token.lemma_.lower() in self.bid_nouns and self.applicants and not any(
                c.dep_ in {"compound", "amod", "nmod"} or (c.dep_ == "poss" and c.lower_ not in _POSSESSIVE_PRONOUNS)
                for c in token.children):
            # "threatened to block the bids": the applicants named before
            return [replace(a, via="coreference") for a in self.applicants]
        if (token.lemma_.lower() in self.generic_heads or token.lower_ in self.title_words) \
                and token.pos_ in {"NOUN", "PROPN"}:
            # "his Iranian counterpart, Hossein Amir-Abdollahian": the person named in apposition
            named = [a for c in token.children if c.dep_ == "appos"
                     for a in self.resolve(c, sentence, depth + 1) if a.entity.type == "Person"]
            if named:
                return named
            # "the Uzbek government", "Lithuania's foreign minister": the country behind them
            found: list[_Arg] = []
            if token.dep_ == "appos" and token.head.pos_ == "PROPN":
                found.extend(self.resolve(token.head, sentence, depth + 1))  # "NATO, an alliance ..."
            for child in token.children:
                if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
                    for modifier in self.expand(child):  # "Afghan and Pakistani officials"
                        found.extend(self.resolve(modifier, sentence, depth + 1))
                    if child.tag_ == "VBN":  # "the Saudi-led coalition"
                        for grandchild in child.children:
                            if grandchild.dep_ in {"npadvmod", "compound", "nmod", "amod"}:
                                found.extend(self.resolve(grandchild, sentence, depth + 1))
                elif child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(self.resolve(pobj, sentence, depth + 1))
            return found
        return []

    def relative_anchor(self, pronoun: Token, sentence: _Sentence) -> Token | None:
        clause = pronoun.head
        while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i and clause.i >= pronoun.i - 1:
            if clause.dep_ in {"ROOT"}:
                return None
            clause = clause.head
        if clause.dep_ not in {"relcl", "acl"}:
            return None
        anchor = clause.head
        if pronoun.lower_ in {"who", "whom"}:
            # "the head of Central Command, General X, who ..." may attach to the organisation.
            node = anchor
            for _ in range(4):
                if any(self.found.entities[m.entity_key].type == "Person" for m in sentence.mentions(node)):
                    return node
                persons = [c for c in node.children if c.dep_ == "appos"
                           and any(self.found.entities[m.entity_key].type == "Person" for m in sentence.mentions(c))]
                if persons:
                    return persons[0]
                if node.head.i == node.i:
                    break
                node = node.head
        return anchor

    @staticmethod
    def _clause(token: Token) -> Token:
        """The verb of the clause that holds ``token``."""
        clause = token.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        return clause

    def _nearest_before(self, pronoun: Token, sentence: _Sentence, accept) -> list[_Arg]:
        """The nearest mention before ``pronoun`` in its sentence whose entity ``accept`` takes."""
        for index in range(pronoun.i - 1, sentence.sent.start - 1, -1):
            token = sentence.sent.doc[index]
            if token.dep_ in {"compound", "amod"}:
                continue
            for mention in sentence.mentions(token):
                entity = self.found.entities[mention.entity_key]
                if accept(entity):
                    return [_Arg(entity, mention.text, "coreference")]
        return []

    def object_pronoun(self, pronoun: Token, sentence: _Sentence, depth: int) -> list[_Arg]:
        """"cut ties with Israel, accusing it of ...": the nearest actor before, not the verb's own subject."""
        subjects, _ = self.verb_subjects(self._clause(pronoun), sentence)
        own = {a.entity.key for t in subjects for a in self.resolve(t, sentence, depth + 1)}
        return self._nearest_before(pronoun, sentence, lambda entity: entity.key not in own and entity.type in {
            "Country", "InternationalOrganization", "Organization"})

    def possessive_owner(self, pronoun: Token, sentence: _Sentence, depth: int) -> list[_Arg]:
        """"its war against Ukraine": the owner named before the possessive.

        The subject of the possessive's clause when it fits ("Armenia urged the EU to
        send monitors to its border"); else the nearest fitting mention before it:
        "his"/"her" a person, "its"/"their" a country or organisation ("criticised
        China over its support for Russia").
        """
        wanted = frozenset({"Person"} if pronoun.lower_ in {"his", "her"} else set(ACTOR_TYPES) - {"Person"})
        clause = self._clause(pronoun)
        for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i):
            owners = [a for a in self.resolve(subject, sentence, depth + 1) if self.fit(a, wanted) is not None]
            if owners:
                return [replace(self.fit(a, wanted), via="coreference") for a in owners]
        return self._nearest_before(pronoun, sentence, lambda entity: entity.type in wanted or (
            entity.type == "Place" and "Country" in wanted and bool(entity.capital_of or entity.metonym_for)))

    def expand(self, token: Token) -> list[Token]:
        """A token and the tokens coordinated with it ("Mali, Burkina Faso and Niger")."""
        out = [token]
        stack = [token]
        while stack:
            node = stack.pop()
            for child in node.children:
                in_brackets = child.i > 0 and child.doc[child.i - 1].text == "("  # "(EC)": the same name again
                if child.dep_ == "conj" or (child.dep_ == "appos" and child.pos_ == "PROPN"
                                            and node.pos_ == "PROPN" and not in_brackets):
                    if child not in out:
                        out.append(child)
                        stack.append(child)
        return out

    def args(self, tokens: Iterable[Token], sentence: _Sentence) -> list[_Arg]:
        found: list[_Arg] = []
        for token in tokens:
            for expanded in self.expand(token):
                for arg in self.resolve(expanded, sentence):
                    if all(arg.entity.key != f.entity.key for f in found):
                        found.append(arg)
        return found

    def object_args(self, tokens: Iterable[Token], sentence: _Sentence, spec: RelationSpec) -> list[_Arg]:
        """The objects of a relation; a common noun names its object through its modifiers.

        "rejected a French suggestion", "sanctioned two Iranian officials",
        "denounced Finland's decision"; for relations that reach into their object
        phrase, a place inside it too: "struck a refinery deep inside Russia".
        """
        found: list[_Arg] = []
        for token in tokens:
            for expanded in self.expand(token):
                args = self.resolve(expanded, sentence)
                if not args and expanded.pos_ == "NOUN":
                    modifiers = [c for c in expanded.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
                    modifiers += [g for c in modifiers if c.tag_ == "VBN" for g in c.children
                                  if g.dep_ in {"npadvmod", "compound", "nmod", "amod"}]  # "a U.S.-drafted resolution"
                    args = [a for m in modifiers for e in self.expand(m) for a in self.resolve(e, sentence)]
                    if not args and spec.object_inside:
                        places = [p for c in expanded.children if c.dep_ == "prep"
                                  and c.lower_ in {"in", "inside", "at", "into", "near", "across", "on"}
                                  for p in c.children if p.dep_ == "pobj"]
                        args = [a for p in places for a in self.resolve(p, sentence)]
                for arg in args:
                    if all(arg.entity.key != f.entity.key for f in found):
                        found.append(arg)
        return found

    def fit(self, arg: _Arg, types: frozenset[str]) -> _Arg | None:
        """The argument if its type fits the slot; a capital or seat of power stands for its government."""
        if arg.entity.type in types:
            return arg
        if arg.entity.type == "Place" and types & set(ACTOR_TYPES):
            target_key = arg.entity.metonym_for or arg.entity.capital_of
            if target_key and target_key in self.gazetteer:
                target = self.gazetteer[target_key]
                if target.type in types:
                    self.found.entities.setdefault(target.key, target)
                    return _Arg(target, arg.text, "metonym")
        return None

    # ------------------------------------------------------------------ subjects

    def verb_subjects(self, verb: Token, sentence: _Sentence, inherited: bool = False) -> tuple[list[Token], bool]:
        """Subject tokens of a verb and whether they were inherited from another verb."""
        if self.is_passive(verb):
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents:
                return agents, inherited
            if verb.dep_ in {"acl", "relcl"} and not any(c.dep_ == "nsubjpass" for c in verb.children):
                return [], inherited
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            # "Nauru cut ties": a proper noun before the verb that the parser took for a modifier
            subjects = [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < verb.i]
        if subjects:
            return subjects, inherited
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            # "responded by imposing sanctions": the subject of the verb the phrase modifies
            return self.verb_subjects(verb.head.head, sentence, True)
        if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "xcomp":
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if head.lemma_ in {"urge", "ask", "force", "order", "persuade", "invite", "call", "press"} and objects:
                    return objects, True
            if verb.dep_ == "xcomp" and self.is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
                # "India is expected to sign": the raised subject
                raised = [c for c in head.children if c.dep_ == "nsubjpass"]
                if raised:
                    return raised, True
            if head.pos_ in {"VERB", "AUX"}:
                return self.verb_subjects(head, sentence, True)
        if verb.dep_ in {"acl", "relcl"} and not self.is_passive(verb):
            return [verb.head], True
        return [], inherited

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN"
        )

    def noun_subjects(self, noun: Token, exclude: set[int], sentence: _Sentence,
                      standing: bool = True, of_is_object: bool = True) -> tuple[list[Token], bool]:
        """Subject tokens of a nominalisation: possessive, entity modifier, 'by' phrase or the governing verb's subject."""
        own = [c for c in noun.children if c.dep_ == "poss"]
        own += [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i not in exclude]
        # "Uzbek-US cooperation": the modifier's own modifiers are actors too
        own += [g for c in list(own) for g in c.children
                if g.dep_ in {"compound", "amod", "nmod"} and g.i < c.i and g.i not in exclude]
        own += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
        if not of_is_object:
            # "the withdrawal of Mali from ECOWAS", "the visit of Putin to Beijing"
            own += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.i not in exclude]
        own = [t for t in own if self.resolve(t, sentence)]
        if own:
            return own, False
        if noun.dep_ == "appos" and standing:
            return [noun.head], False  # "Uzbekistan, a member of the CSTO"
        node = noun
        hops = 0
        while node.dep_ in {"dobj", "attr", "pobj", "prep", "nsubjpass", "oprd", "acomp"} and hops < 4:
            if node.dep_ == "prep" and node.lower_ not in {"on", "for", "to", "at", "in", "into", "of"}:
                break  # "imposed sanctions over attacks on shipping": the reason is not the act
            node = node.head
            hops += 1
            if node.pos_ in {"VERB", "AUX"}:
                if node.lemma_.lower() in self.light_verbs:
                    tokens, _ = self.verb_subjects(node, sentence)
                    return tokens, True
                break
        return [], False

    # ------------------------------------------------------------------ patterns

    def follow(self, trigger: Token, path: tuple[str, ...]) -> tuple[list[Token], list[Token]] | None:
        """Walk a pattern's path from its trigger; return (matched tokens, object heads)."""
        matched = [trigger]
        node = trigger
        for position, word in enumerate(path):
            step = self._child(matched, node, word)
            if step is None:
                if word in {"to", "its", "their", "the", "a", "an"}:
                    continue
                return None
            matched.append(step)
            node = step
        if len(matched) > 1 and matched[-1].dep_ == "prt":
            # a particle ends the phrase: the object is the verb's ("kicked out France's ambassador")
            verb = matched[-2]
            objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
            if not objects and self.is_passive(verb):
                objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            return matched, objects
        last = matched[-1]
        if last.dep_ in {"prep", "agent", "dative"} or (last.pos_ == "ADP" and last.i != trigger.i):
            objects = [c for c in last.children if c.dep_ in {"pobj", "pcomp"}]
            return matched, objects
        if last.pos_ in {"VERB", "AUX"}:
            objects = [c for c in last.children if c.dep_ in {"dobj", "dative"}]
            if not objects and self.is_passive(last):
                objects = [c for c in last.children if c.dep_ == "nsubjpass"]
                if not objects and last.dep_ == "acl":
                    objects = [last.head]
            if not objects:
                # "left ECOWAS" parsed with a particle-like object; "supports Azerbaijan" as npadvmod
                objects = [c for c in last.children if c.dep_ in {"attr", "oprd"}
                           or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > last.i)]
            return matched, objects
        if last.i != trigger.i and last.pos_ in {"NOUN", "PROPN"}:
            # "summoned the Russian ambassador": the object is named by the noun's modifiers
            return matched, [last]
        return matched, []

    def _child(self, matched: list[Token], node: Token, word: str) -> Token | None:
        """The next word of a path: a child of the last matched token, else of an earlier one.

        The parser may hang a preposition on the verb rather than on its light noun
        ("imposed sanctions on", "cut ties with"), so earlier path tokens are searched too.
        """
        anchors = [node, *reversed(matched[:-1])]
        trigger = matched[0]
        if word in _PREPOSITIONS and trigger.pos_ in {"VERB", "AUX"}:
            # "station a brigade in Lithuania": the place may hang on the object
            anchors += [c for c in trigger.children if c.dep_ == "dobj"]
        if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"nsubjpass", "dobj", "nsubj"} \
                and word in _PREPOSITIONS:
            anchors.append(trigger.head)  # "Concessions were made to Azerbaijan": the verb holds the phrase
        for anchor in anchors:
            for child in anchor.children:
                if child in matched or child.dep_ in _FUNCTION_DEPS:
                    continue
                # in the passive the light noun is the subject: "relations were severed with"
                if child.dep_ in _SUBJECT_DEPS and not (child.dep_ == "nsubjpass" and word not in _PREPOSITIONS):
                    continue
                if word in word_forms(child):
                    return child
                # "normalising relations with": look one clause level down for the light noun's preposition
                if child.dep_ in {"acl", "xcomp"} and word != "to":
                    for grandchild in child.children:
                        if word in (grandchild.lemma_.lower(), grandchild.lower_):
                            return grandchild
        return None

    # ------------------------------------------------------------------ time and modality

    def times_for(self, tokens: list[Token], sentence: _Sentence) -> list[TimeSpan]:
        targets = {t.i for t in tokens}
        attached = []
        for span, value in sentence.times:
            root = span.root
            node = root
            since = False
            for _ in range(8):
                since = since or node.lower_ == "since"
                if node.i in targets:
                    if since and value.point is not None:
                        # "since its independence 13 years ago": the start of a period
                        value = replace(value, point=None, start=value.point)
                    attached.append(value)
                    break
                if node.head.i == node.i or (node.i != root.i and node.pos_ in {"VERB", "AUX"}
                                             and node.i not in sentence.offset_verbs):
                    break
                node = node.head
        return attached

    def time_of(self, trigger: Token, matched: list[Token], sentence: _Sentence) -> TimeSpan | None:
        # "ordered two diplomats to leave the country on Wednesday": the date may sit on the complement
        matched = [*matched, *(c for c in trigger.children if c.dep_ == "xcomp")]
        node = trigger
        for _ in range(4):
            found = self.times_for(matched if node.i == trigger.i else [node], sentence)
            if found:
                return found[0]
            if node.dep_ == "relcl":
                # "on Thursday, when/where he met ...": the clause hangs on the time itself
                for span, value in sentence.times:
                    if span.start <= node.head.i < span.end:
                        return value
            if node.dep_ == "acl" and node.pos_ in {"VERB", "AUX"}:
                break  # "the agency, based in Vienna, said on Monday": the description has no date
            if node.dep_ in {"xcomp", "conj", "advcl", "pcomp", "pobj", "dobj", "prep", "attr", "acl",
                             "nsubj", "nsubjpass"} and node.head.i != node.i:
                node = node.head
                if node.pos_ in {"VERB", "AUX"} or node.dep_ in {"pobj", "dobj"}:
                    continue
            else:
                break
        return None

    def modality_of(self, trigger: Token) -> tuple[str, Token | None]:
        """The modality of a trigger's clause and the reporting verb above it, if any."""
        modality = "Asserted"
        reporter: Token | None = None
        would = False
        subject_of_verb = False
        node = trigger
        if trigger.pos_ in {"NOUN", "PROPN"}:
            for child in trigger.children:
                if child.lower_ in self.negation_words and child.dep_ in {"det", "neg"}:
                    return "Negated", None  # "no withdrawal"
                if child.dep_ in {"amod", "det"} and child.lower_ in self.future_modifiers:
                    modality = "Future"  # "the planned withdrawal"
                if child.dep_ in {"amod", "det"} and child.lower_ in self.hypothetical_modifiers:
                    modality = "Hypothetical"  # "a possible attack", "any strike"
            while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
                if node.dep_ in {"acl", "relcl"}:
                    break
                if node.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                    # "Russia's annexation of Crimea was never recognised": the verb's own
                    # negation is about the recognition; the clause's frame ("denied that") still counts
                    subject_of_verb = True
                node = node.head
                if node.pos_ == "NOUN" and node.lemma_.lower() in self.speculation_nouns:
                    return "Hypothetical", None
        for _ in range(8):
            children = [] if subject_of_verb else list(node.children)
            subject_of_verb = False
            if modality == "Asserted":
                if any(c.dep_ == "neg" or (c.lower_ in self.negation_words and c.dep_ in {"advmod", "neg"}) for c in children):
                    modality = "Negated"
                elif any(c.dep_ == "aux" and c.lower_ in self.future_aux for c in children):
                    modality = "Future"
                elif any(c.dep_ == "aux" and c.lower_ in self.hypothetical_aux for c in children):
                    modality = "Hypothetical"
                    would = any(c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in children)
                elif any(c.dep_ == "mark" and c.lower_ in self.hypothetical_markers for c in children):
                    modality = "Hypothetical"
                elif any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "going" for c in children):
                    modality = "Future"
            dep = node.dep_
            head = node.head
            if head.i == node.i:
                break
            lemma = head.lemma_.lower()
            if dep == "xcomp":
                if modality == "Asserted":
                    if lemma in self.negating_verbs:
                        modality = "Negated"
                    elif lemma in self.future_verbs or head.lower_ in self.future_verbs:
                        modality = "Future"
                    elif lemma in self.speculation_verbs:
                        modality = "Hypothetical"
                node = head
                continue
            if dep == "ccomp":
                if lemma in self.reporting:
                    reporter = head
                    if would and modality == "Hypothetical":
                        modality = "Future"  # "said Armenia would leave": reported will
                elif modality == "Asserted":
                    if lemma in self.denial_verbs:
                        modality = "Negated"
                    elif lemma in self.speculation_verbs:
                        modality = "Hypothetical"
                node = head
                continue
            if dep in {"acl", "relcl"} and lemma in self.speculation_nouns:
                if modality == "Asserted":
                    modality = "Hypothetical"
                break
            if dep == "acl" and lemma in self.intention_nouns:
                if modality == "Asserted":
                    modality = "Future"  # "Sweden's bid to join NATO"
                break
            if dep == "conj":
                node = head
                continue
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.hypothetical_markers for c in node.children):
                break
            if dep in {"pobj", "prep", "pcomp"}:
                if dep == "prep" and node.lower_ in {"about", "over", "on", "whether"} \
                        and lemma in self.topic_heads and modality == "Asserted":
                    modality = "Hypothetical"  # "talks about Turkey entering the EU": a topic, not a fact
                    break
                node = head
                continue
            break
        return modality, reporter

    def reporter_entity(self, verb: Token | None, trigger: Token, sentence: _Sentence) -> Entity | None:
        """Who reported the statement: the subject of the reporting verb, or "according to" X."""
        sources: list[Token] = []
        if verb is not None:
            sources = [c for c in verb.children if c.dep_ == "nsubj"]
        if not sources:
            node = trigger
            for _ in range(6):
                sources = [p for c in node.children if c.lower_ == "according"
                           for to in c.children if to.lower_ == "to"
                           for p in to.children if p.dep_ == "pobj"]
                if sources or node.head.i == node.i:
                    break
                node = node.head
        actors = frozenset(ACTOR_TYPES)
        for source in sources:
            for arg in self.resolve(source, sentence):
                fitted = self.fit(arg, actors)
                if fitted is not None:
                    return fitted.entity
        return None

    # ------------------------------------------------------------------ records

    def record(self, pattern_relation: str, spec: RelationSpec, subject: _Arg, obj: _Arg,
               sentence: _Sentence, time: TimeSpan | None, modality: str, confidence: float,
               reporter: Entity | None = None, role: str | None = None,
               qualifiers: tuple[tuple[str, str], ...] = (), time_role: str | None = None) -> Relation | None:
        if subject.entity.key == obj.entity.key:
            return None
        if pattern_relation in SYMMETRIC and subject.entity.key > obj.entity.key:
            subject, obj = obj, subject
        factor = min(_VIA_FACTOR.get(subject.via, 1.0), _VIA_FACTOR.get(obj.via, 1.0))
        confidence = round(max(0.05, min(0.99, confidence * factor)), 2)
        if confidence < self.settings.min_confidence:
            return None
        time_role = time_role or spec.time_role
        if time is not None and time_role in {"start", "end"} and time.point is not None:
            time = replace(time, point=None, **{time_role: time.point})
        if modality == "Asserted" and time is not None and self.document_date is not None:
            first = time.point or time.start
            if first is not None and first > self.document_date.isoformat()[: len(first)]:
                modality = "Future"  # "Scholz's trip to China next month"
        sent = sentence.sent
        return Relation(
            subject=subject.entity,
            predicate=pattern_relation,
            object=obj.entity,
            document_id=self.document_id,
            evidence=sent.text.strip(),
            char_start=sent.start_char,
            char_end=sent.start_char + len(sent.text.rstrip()),
            subject_text=subject.text,
            object_text=obj.text,
            time=time,
            modality=modality,
            confidence=confidence,
            role=role,
            attributed_to=reporter,
            qualifiers=qualifiers,
        )

    def emit(self, pattern: Pattern, subjects: list[_Arg], objects: list[_Arg], sentence: _Sentence,
             trigger: Token, matched: list[Token], inherited: bool,
             modality: str | None = None, dated: bool = True) -> Iterator[Relation]:
        spec = self.lexicon.relations[pattern.relation]
        if pattern.reverse:
            subjects, objects = objects, subjects
        subjects = [a for a in (self.fit(s, spec.subject_types) for s in subjects) if a is not None]
        objects = [a for a in (self.fit(o, spec.object_types) for o in objects) if a is not None]
        if not subjects or not objects:
            return
        time = self.time_of(trigger, matched, sentence) if dated else None
        found_modality, reporting_verb = self.modality_of(trigger)
        if any(c.dep_ == "det" and c.lower_ == "no" for t in matched[1:] for c in t.children):
            found_modality = "Negated"  # "have no diplomatic relations"
        modality = modality or found_modality
        reporter = self.reporter_entity(reporting_verb, trigger, sentence)
        confidence = pattern.confidence * (self.settings.inherited_factor if inherited else 1.0)
        if len(matched) > 3:
            confidence *= 0.95
        qualifiers: tuple[tuple[str, str], ...] = ()
        if spec.commodity:
            goods = [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            if goods:
                qualifiers = (("commodity", goods[0].text),)
        for subject in subjects:
            for obj in objects:
                made = self.record(pattern.relation, spec, subject, obj, sentence, time, modality,
                                   confidence, reporter, qualifiers=qualifiers, time_role=pattern.time_role)
                if made is None:
                    continue
                yield made
                for other, role in spec.also:
                    other_spec = self.lexicon.relations.get(other)
                    if other_spec is None:
                        continue
                    s, o = self.fit(subject, other_spec.subject_types), self.fit(obj, other_spec.object_types)
                    if s is None or o is None:
                        continue
                    derived_time = None
                    if time is not None and time.point is not None:
                        derived_time = TimeSpan(time.text, **{role: time.point})
                    derived = self.record(other, other_spec, s, o, sentence, derived_time, modality,
                                          confidence * self.settings.derived_factor, reporter)
                    if derived is not None:
                        yield derived

    def symmetric_pairs(self, pattern: Pattern, args: list[_Arg], sentence: _Sentence, trigger: Token,
                        matched: list[Token]) -> Iterator[Relation]:
        """"Uzbek-US cooperation", "X and Y met": every pair of the coordinated actors."""
        if pattern.relation not in SYMMETRIC or len(args) < 2:
            return
        for first, second in combinations(args, 2):
            yield from self.emit(pattern, [first], [second], sentence, trigger, matched, False)

    def sentence_relations(self, sentence: _Sentence) -> Iterator[Relation]:
        # Verbs first: a noun inside a matched verb phrase ("cut ties with") is not a trigger of its own.
        consumed: set[int] = set()
        for token in sentence.sent:
            if (token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}) or (
                    token.pos_ == "NOUN" and token.dep_ == "ROOT"):
                # "the visiting minister" describes, it does not state a visit
                longest = 0
                for pattern in sorted(self._patterns(self.lexicon.verbs, token), key=lambda p: -len(p.path)):
                    if longest and not pattern.path:
                        break  # "hosts US troops" is a military presence, not a meeting
                    made = list(self.verb_relation(pattern, token, sentence, consumed))
                    if made and pattern.path:
                        longest = len(pattern.path)
                    yield from made
        for token in sentence.sent:
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in consumed:
                for pattern in self._patterns(self.lexicon.nouns, token):
                    yield from self.noun_relation(pattern, token, sentence)
            if token.dep_ in {"amod", "compound", "acl"} and token.tag_ in {"VBN", "VBD", "JJ", "NN"}:
                for pattern in self._patterns(self.lexicon.modifiers, token):
                    yield from self.modifier_relation(pattern, token, sentence)
            if token.dep_ in {"compound", "nmod"}:
                for pattern in self._patterns(self.lexicon.modifier_nouns, token):
                    yield from self.member_modifier(pattern, token, sentence)
        yield from self.title_relations(sentence)
        yield from self.location_relations(sentence)

    def location_relations(self, sentence: _Sentence) -> Iterator[Relation]:
        """"Vancouver, British Columbia, Canada", "the Bolshoi Theatre in Moscow": where a place is.

        A place, organisation or body followed by a place or country in apposition,
        or by "in" and a place or country, is located there, unless the gazetteer
        puts it in another country.
        """
        spec = self.lexicon.relations["locatedIn"]
        heads = {}
        for index, mentions in sentence.by_token.items():
            token = sentence.sent.doc[index]
            for mention in mentions:
                if not (mention.start <= token.idx < mention.end):
                    continue
                head = token if not (mention.start <= token.head.idx < mention.end) or token.head.i == token.i else None
                if head is not None:
                    heads[index] = (head, mention)
        for index, (token, mention) in sorted(heads.items()):
            located = self.found.entities[mention.entity_key]
            if located.type not in spec.subject_types:
                continue
            containers: list[Token] = []
            node = token
            for _ in range(3):  # an apposition chain: A, B, C
                nxt = [c for c in node.children if c.dep_ == "appos" and c.i > node.i
                       and sentence.sent.doc[c.left_edge.i - 1].text == ","]
                if not nxt or any(c.dep_ in {"conj", "cc"} for c in (*nxt[0].children, *node.children)):
                    break  # "Nagoya, Shizuoka and other cities": a list, not a location
                containers.append(nxt[0])
                node = nxt[0]
            containers += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                           for p in c.children if p.dep_ == "pobj"]
            subject = _Arg(located, mention.text, mention.via)
            for container in containers:
                named = [_Arg(self.found.entities[m.entity_key], m.text, m.via) for m in sentence.mentions(container)]
                for arg in named:
                    if arg.entity.type not in spec.object_types or arg.entity.key == located.key:
                        continue
                    if arg.entity.type == "Country" and located.country and located.country != arg.entity.key:
                        continue
                    made = self.record("locatedIn", spec, subject, arg, sentence, None, "Asserted",
                                       spec.confidence * 0.95)
                    if made is not None:
                        yield made

    @staticmethod
    def _patterns(index: dict[str, tuple[Pattern, ...]], token: Token) -> list[Pattern]:
        found: list[Pattern] = []
        for form in word_forms(token):
            for pattern in index.get(form, ()):
                if pattern not in found and _prefix_matches(pattern, token):
                    found.append(pattern)
        return found

    def verb_relation(self, pattern: Pattern, verb: Token, sentence: _Sentence,
                      consumed: set[int]) -> Iterator[Relation]:
        followed = self.follow(verb, pattern.path)
        if followed is None:
            return
        matched, object_tokens = followed
        if pattern.passive:
            if not self.is_passive(verb):
                return
            object_tokens = [t for t in object_tokens if t.dep_ != "nsubjpass"]
            subject_tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not subject_tokens and verb.dep_ == "acl":
                subject_tokens = [verb.head]  # "the base located in Uzbekistan"
            consumed.update(t.i for t in matched[1:])
            subjects = self.args(subject_tokens, sentence)
            yield from self.emit(pattern, subjects, self.args(object_tokens, sentence), sentence, verb,
                                 matched, False)
            yield from self.denied_alternatives(pattern, matched, subjects, sentence, verb)
            return
        subject_tokens, inherited = self.verb_subjects(verb, sentence)
        subjects = self.args(subject_tokens, sentence)
        objects = self.object_args(object_tokens, sentence, self.lexicon.relations[pattern.relation])
        if subjects and objects:
            # a noun inside a verb phrase that found its actors is not read on its own
            consumed.update(t.i for t in matched[1:])
        yield from self.denied_alternatives(pattern, matched, subjects, sentence, verb)
        yield from self.joining_members(pattern, verb, objects, sentence)
        if not objects and pattern.relation in SYMMETRIC and not _needs_object(pattern):
            # "Armenia and Azerbaijan signed the accord": the coordinated actors with each other;
            # "relations between Bahrain and Qatar were restored": the pair after "between"
            between = [p for t in matched[1:] for c in t.children if c.dep_ == "prep" and c.lower_ == "between"
                       for p in c.children if p.dep_ == "pobj"]
            pairs = subjects if len(subjects) > 1 or not between else self.args(between, sentence)
            yield from self.symmetric_pairs(pattern, pairs, sentence, verb, matched)
            return
        yield from self.emit(pattern, subjects, objects, sentence, verb, matched, inherited)

    def joining_members(self, pattern: Pattern, verb: Token, objects: list[_Arg],
                        sentence: _Sentence) -> Iterator[Relation]:
        """"became members of BRICS, joining Brazil, Russia ...": those joined are members already.

        A joining verb whose objects are countries, inside a clause about an
        organisation, says the countries belong to that organisation.
        """
        spec = self.lexicon.relations["memberOf"]
        if pattern.relation != "joined" or verb.dep_ not in {"advcl", "conj"}:
            return
        countries = [o for o in objects if o.entity.type == "Country"]
        if not countries:
            return
        clause = verb.head
        inside = {t.i for t in verb.subtree}
        organisations = [arg for t in clause.subtree if t.i not in inside and t.dep_ in {"pobj", "dobj", "attr"}
                         for arg in self.resolve(t, sentence) if arg.entity.type in spec.object_types]
        organisations = list({arg.entity.key: arg for arg in organisations}.values())
        if len(organisations) != 1:
            return
        membership = Pattern("memberOf", "verb", verb.lemma_, confidence=spec.confidence * self.settings.derived_factor)
        # the sentence dates the joining, not the older memberships
        yield from self.emit(membership, countries, organisations, sentence, verb, [verb], False, dated=False)

    def denied_alternatives(self, pattern: Pattern, matched: list[Token], subjects: list[_Arg],
                            sentence: _Sentence, trigger: Token) -> Iterator[Relation]:
        """"located in Kazakhstan, not in Russia": the negated alternative, as a Negated statement."""
        last = matched[-1]
        if len(matched) < 2 or last.dep_ != "prep":
            return
        for sibling in last.head.children:
            if sibling.i <= last.i or sibling.dep_ != "prep" or sibling.lower_ != last.lower_:
                continue
            if not any(c.dep_ == "neg" for c in sibling.children):
                continue
            objects = self.args([c for c in sibling.children if c.dep_ == "pobj"], sentence)
            yield from self.emit(pattern, subjects, objects, sentence, trigger, matched, False,
                                 modality="Negated")

    def noun_relation(self, pattern: Pattern, noun: Token, sentence: _Sentence) -> Iterator[Relation]:
        followed = self.follow(noun, pattern.path)
        if followed is None:
            return
        matched, object_tokens = followed
        if not pattern.path:
            object_tokens = []
        exclude = {t.i for t in object_tokens}
        if pattern.path and pattern.path[-1] == "between":
            args = self.args(object_tokens, sentence)
            yield from self.symmetric_pairs(pattern, args, sentence, noun, matched)
            return
        subject_tokens, inherited = self.noun_subjects(
            noun, exclude, sentence, standing=pattern.relation in STANDING_RELATIONS,
            of_is_object=not pattern.path or pattern.path[0] == "of")
        subjects = self.args(subject_tokens, sentence)
        if not pattern.path:
            if pattern.relation in SYMMETRIC and len(subjects) > 1:
                yield from self.symmetric_pairs(pattern, subjects, sentence, noun, matched)
                return
            # "Tashkent, the Uzbek capital", "Israel, a close US ally": the noun's holder and its modifier
            holder = self.noun_holder(noun)
            if holder is not None and subject_tokens and not inherited:
                yield from self.emit(pattern, self.args([holder], sentence), subjects, sentence, noun,
                                     matched, False)
            # "Odesa came under Russian drone attack": the one under it is the target
            target = self.under_target(noun)
            if target is not None and subject_tokens and not inherited:
                yield from self.emit(pattern, subjects, self.args([target], sentence), sentence, noun,
                                     matched, False)
            return
        objects = self.object_args(object_tokens, sentence, self.lexicon.relations[pattern.relation])
        yield from self.emit(pattern, subjects, objects, sentence, noun, matched, inherited)

    def under_target(self, noun: Token) -> Token | None:
        """The subject of "came/was under <attack>", the target of the act the noun names."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "under":
            return None
        verb = noun.head.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return subjects[0] if subjects else None

    def noun_holder(self, noun: Token) -> Token | None:
        """The entity a noun describes: its apposition anchor or its copula's subject."""
        named = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            return named[0]  # "Poland's capital, Warsaw, ..."
        if noun.dep_ == "appos":
            return noun.head
        if noun.dep_ in {"oprd", "dobj"} and self.is_passive(noun.head):
            subjects = [c for c in noun.head.children if c.dep_ == "nsubjpass"]
            return subjects[0] if subjects else None  # "Brasilia was made Brazil's capital"
        if noun.dep_ == "attr" and noun.head.lemma_ in {"be", "become", "remain"}:
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            return subjects[0] if subjects else None
        return None

    def modifier_relation(self, pattern: Pattern, modifier: Token, sentence: _Sentence) -> Iterator[Relation]:
        """"the Moscow-led CSTO": the modifier's own modifiers act on the noun it modifies."""
        agents = [c for c in modifier.children if c.dep_ in {"npadvmod", "compound", "nmod", "amod", "poss"}]
        if modifier.i > 1 and sentence.sent.doc[modifier.i - 1].text in {"-", "–"}:
            agents.append(sentence.sent.doc[modifier.i - 2])
        subjects = self.args(agents, sentence)
        objects = self.args([modifier.head], sentence)
        yield from self.emit(pattern, subjects, objects, sentence, modifier, [modifier], False)

    def member_modifier(self, pattern: Pattern, noun: Token, sentence: _Sentence) -> Iterator[Relation]:
        """"NATO member Turkey": the compound names the organisation, the head the member."""
        organisations = [c for c in noun.children if c.dep_ in {"compound", "nmod"}]
        yield from self.emit(pattern, self.args([noun.head], sentence), self.args(organisations, sentence),
                             sentence, noun, [noun], False)

    # ------------------------------------------------------------------ titles of office

    def role_of(self, words: list[Token]) -> tuple[str, str] | None:
        """The longest title of office at the end of ``words``: (kind, role as written)."""
        lowered = [w.lower_.rstrip(".") for w in words]
        for start in range(len(words)):
            phrase = " ".join(lowered[start:])
            core = phrase
            core_words = lowered[start:]
            while core_words and core_words[0] in self.title_modifiers and " ".join(core_words) not in self.leader_titles | self.official_titles:
                core_words = core_words[1:]
            core = " ".join(core_words)
            text = " ".join(w.text for w in words[start:])
            if core in self.leader_titles and phrase:
                kind = "official" if any(w in {"deputy", "vice", "former"} for w in lowered[start:]) else "leader"
                return kind, text
            if core in self.official_titles:
                return "official", text
        return None

    def title_relations(self, sentence: _Sentence) -> Iterator[Relation]:
        people = {}
        for mentions in sentence.by_token.values():
            for mention in mentions:
                if self.found.entities[mention.entity_key].type == "Person":
                    people.setdefault((mention.start, mention.entity_key), mention)
        anchored: set[str] = set()
        pending: list[tuple[Mention, Token, str, str]] = []
        doc = sentence.sent.doc
        for (_, key), mention in sorted(people.items()):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            person = _Arg(self.found.entities[key], mention.text, mention.via)
            unanchored: list[tuple[str, str]] = []
            done = False
            for words, context in self.title_phrases(span, sentence):
                role = self.role_of(words)
                if role is None:
                    continue
                kind, role_text = role
                relation = "leaderOf" if kind == "leader" else "officialOf"
                spec = self.lexicon.relations[relation]
                anchors = self.args(context, sentence)
                fitted = [a for a in (self.fit(x, spec.object_types) for x in anchors) if a is not None]
                core = self.core_role(role_text)
                # "the Iranian film director", "a Russian military leader": nationality, not office
                fitted = [a for a in fitted if not (a.via == "demonym" and core in self.generic_titles
                                                    and role_text.lower() != "leader")]
                if fitted:
                    anchor = fitted[0]
                    anchored.add(anchor.entity.key)
                    made = self.record(relation, spec, person, replace(anchor, via="title"), sentence, None,
                                       "Asserted", spec.confidence, role=_tidy_role(role_text))
                    if made is not None:
                        yield made
                    done = True
                    break
                if core in self.context_roles:
                    unanchored.append((relation, role_text))
            if not done and unanchored:
                pending.append((mention, span.root, *unanchored[0]))
        for mention, root, relation, role_text in pending:
            anchor = self.context_anchor(root, role_text, sentence, anchored)
            if anchor is None:
                continue
            spec = self.lexicon.relations[relation]
            person = _Arg(self.found.entities[mention.entity_key], mention.text, mention.via)
            made = self.record(relation, spec, person, anchor, sentence, None, "Asserted",
                               spec.confidence * self.settings.title_context_factor, role=_tidy_role(role_text))
            if made is not None:
                yield made

    def core_role(self, role_text: str) -> str:
        """A role without its qualifiers: "Deputy Foreign Minister" -> "foreign minister"."""
        words = [w.rstrip(".") for w in role_text.lower().split()]
        while len(words) > 1 and " ".join(words) not in self.leader_titles | self.official_titles:
            words = words[1:]
        return " ".join(words)

    def title_phrases(self, span: Span, sentence: _Sentence) -> Iterator[tuple[list[Token], list[Token]]]:
        """Candidate (title words, anchor tokens) around a person's name."""
        doc = span.doc
        root = span.root
        # 1. Premodifiers: "Uzbekistan's Defence Minister Bahodir Kurbanov", "Kremlin spokesman Dmitry Peskov".
        subtree = {t.i for t in root.subtree}
        words: list[Token] = []
        context: list[Token] = []
        index = span.start - 1
        while index >= sentence.sent.start and index in subtree:
            token = doc[index]
            if token.is_punct and token.text not in {"-", "\u2013"}:
                break
            if not context and token.lower_.rstrip(".") in self.title_words and not sentence.mentions(token):
                words.insert(0, token)
            elif token.lower_ in {"'s", "\u2019s", "the", "-", "\u2013"}:
                pass
            elif words and sentence.mentions(token):
                context.insert(0, token)
            else:
                break
            index -= 1
        if words:
            yield words, context
        # 1b. The same apposition read from the words when the parse misses it:
        #     "the head of United States Central Command (Centcom), General Michael Kurilla"
        surface = self.surface_apposition(span, sentence)
        if surface is not None:
            yield surface
        # 2. Apposition after the name: "Pekka Haavisto, Finland's foreign minister".
        for child in root.children:
            if child.dep_ == "appos":
                yield from self._title_noun(child)
        # 3. Name in apposition to a title: "the commander of X, General Y" (possibly attached to X).
        if root.dep_ == "appos":
            head = root.head
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of":
                yield from self._title_noun(head.head.head)
            yield from self._title_noun(head)
        # 4. Copula: "Y is the president of X".
        if root.dep_ == "nsubj":
            for child in root.head.children:
                if child.dep_ == "attr":
                    yield from self._title_noun(child)
        # 5. "Y was sworn in as Pakistan's prime minister", "Y, named as head of X"
        if root.dep_ in {"nsubj", "nsubjpass"}:
            for prep in (c for t in (root.head, *root.head.children) for c in t.children
                         if c.dep_ == "prep" and c.lower_ == "as"):
                for noun in prep.children:
                    if noun.dep_ == "pobj":
                        yield from self._title_noun(noun)

    def surface_apposition(self, span: Span, sentence: _Sentence) -> tuple[list[Token], list[Token]] | None:
        """"<role> of <organisation> [(<abbreviation>)], [rank] <name>" read left from the name."""
        doc = span.doc
        index = span.start - 1
        while index > sentence.sent.start and doc[index].lower_.rstrip(".") in self.honorifics:
            index -= 1
        if index <= sentence.sent.start or doc[index].text != ",":
            return None
        index -= 1
        if doc[index].text == ")":
            while index > sentence.sent.start and doc[index].text != "(":
                index -= 1
            index -= 1
        if index >= sentence.sent.start and doc[index].lower_ in self.title_words and doc[index].pos_ == "NOUN":
            # "Qatar's emir, Tamim bin Hamad Al Thani": the title noun right before the name
            role = doc[index]
            return self._title_words_and_context(role)
        mentions = sentence.mentions(doc[index]) if index >= sentence.sent.start else []
        if not mentions:
            return None
        organisation = doc[index]
        start = doc.char_span(mentions[0].start, mentions[0].end, alignment_mode="expand")
        if start is None:
            return None
        index = start.start - 1
        if index >= sentence.sent.start and doc[index].lower_ == "the":
            index -= 1
        if index < sentence.sent.start + 1 or doc[index].lower_ != "of":
            return None
        role_end = index
        while index > sentence.sent.start and doc[index - 1].lower_ in self.title_words:
            index -= 1
        if index == role_end:
            return None
        return list(doc[index:role_end]), [organisation]

    def _title_words_and_context(self, noun: Token) -> tuple[list[Token], list[Token]]:
        return next(self._title_noun(noun))

    def _title_noun(self, noun: Token) -> Iterator[tuple[list[Token], list[Token]]]:
        words = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.lower_.rstrip(".") in self.title_words]
        words.append(noun)
        context = [c for c in noun.lefts if c.dep_ in {"poss", "compound", "amod", "nmod"} and c not in words]
        context += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "to"}
                    for p in c.children if p.dep_ == "pobj"]
        yield words, context

    def context_anchor(self, root: Token, role: str, sentence: _Sentence, taken: set[str]) -> _Arg | None:
        """For a title without its country ("President Zelensky"), the country the sentence gives it.

        Only two readings are trusted, as news writes them: the country that is a
        grammatical subject of the sentence ("India has refused ..., Foreign
        Minister Jaishankar said"), or the country visited in the sentence ("visited
        Kyiv, where he met President Zelensky"). Organisational titles ("Secretary
        General") take the organisation named in the sentence. Countries and
        organisations already claimed by another title are skipped.
        """
        organisational = any(word in role.lower() for word in ("general", "chair", "secretary-general"))
        visited: list[int] = []
        host = root.dep_ not in {"nsubj", "nsubjpass"}  # "met President X" in a visit, not "King X began a visit"
        for token in sentence.sent:
            visitors = {c.i for c in token.children if c.dep_ == "nsubj"}
            if root.i not in visitors and any(
                    p.relation == "visited" for p in self._patterns(self.lexicon.verbs, token)):
                # the visited place: the verb's object, or the object of its preposition ("flew to")
                visited += [o.i for o in token.subtree if o.dep_ in {"dobj", "pobj"}
                            and o.head.i in {token.i, *(c.i for c in token.children)}]
        ranked: list[tuple[tuple[int, int], _Arg]] = []
        for index, mentions in sorted(sentence.by_token.items()):
            for mention in mentions:
                entity = self.found.entities[mention.entity_key]
                if mention.via == "coreference":
                    continue
                token = sentence.sent.doc[index]
                if organisational:
                    if entity.type == "InternationalOrganization" and entity.key not in taken:
                        ranked.append(((0, abs(index - root.i)), _Arg(entity, mention.text, mention.via)))
                    continue
                capital = entity.type == "Place" and entity.capital_of in self.gazetteer
                country = self.gazetteer[entity.capital_of] if capital else entity
                if country.type != "Country" or country.key in taken:
                    continue
                if index in visited and host:
                    rank = 0
                elif token.dep_ in {"nsubj", "nsubjpass"} and not capital:
                    rank = 1
                else:
                    continue
                self.found.entities.setdefault(country.key, country)
                ranked.append(((rank, abs(index - root.i)),
                               _Arg(country, mention.text, "metonym" if capital else mention.via)))
        return min(ranked, key=lambda item: item[0])[1] if ranked else None


_PREPOSITIONS = frozenset({
    "of", "with", "to", "on", "in", "from", "against", "for", "into", "at", "near", "by", "between",
    "over", "toward", "towards", "along", "behind", "about", "onto", "across",
})


def _prefix_matches(pattern: Pattern, token: Token) -> bool:
    """Whether the words before ``token`` spell a hyphenated trigger ("build - up")."""
    if not pattern.prefix:
        return True
    start = token.i - len(pattern.prefix)
    return start >= 0 and tuple(t.lower_ for t in token.doc[start:token.i]) == pattern.prefix


def _needs_object(pattern: Pattern) -> bool:
    """Whether a pattern names its object after a preposition ("cut tie with X")."""
    return bool(pattern.path) and pattern.path[-1] in _PREPOSITIONS


def word_forms(token: Token) -> tuple[str, ...]:
    """The token's lemma, its lower-case form and simple stems of it.

    The stems cover words the lemmatiser does not know ("readmitted" ->
    "readmit"), so a lexicon entry matches every inflection.
    """
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")),
                                 ("ed", ("", "e")), ("es", ("",)), ("s", ("",))):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            base = lower[: -len(suffix)]
            forms.extend(base + r for r in replacements)
            if suffix in {"ing", "ed"} and len(base) > 2 and base[-1] == base[-2]:
                forms.append(base[:-1])
    return tuple(dict.fromkeys(forms))


def _tidy_role(text: str) -> str:
    words = [w for w in text.split() if w.lower() not in {"the", "a", "an"}]
    return " ".join(words).strip(" ,")


def extract_relations(doc: Doc, found: DocumentEntities, gazetteer: Gazetteer, lexicon: Lexicon,
                      settings: RelationSettings | None = None, *, document_id: str = "",
                      document_date: date | None = None) -> list[Relation]:
    """Extract the relations of one parsed document.

    Parameters
    ----------
    doc
        A parsed spaCy document.
    found
        Its entities and mentions (from :func:`kg.extraction.entities.find_mentions`).
    gazetteer, lexicon
        Background names and the relation lexicon.
    settings
        Confidence factors and the minimum confidence kept.
    document_id, document_date
        Provenance of the statements and the anchor of relative dates.

    Returns
    -------
    list of Relation
        One record per relation occurrence, best confidence first for duplicates
        removed; symmetric relations in canonical (sorted key) order.
    """
    extractor = _Extractor(doc, found, gazetteer, lexicon, settings or RelationSettings(),
                           document_id, document_date)
    best: dict[tuple, Relation] = {}
    previous: _Sentence | None = None
    anaphoric = lexicon.grammar["coreference"].get("anaphoric_times", ())
    #: (trigger word forms, date) of the dated events read so far, for "N years after it joined"
    timeline: list[tuple[frozenset[str], str]] = []
    for sent in doc.sents:
        sentence = _Sentence(sent, found, document_date, previous, anaphoric, timeline)
        previous = sentence
        applicants: list[_Arg] = []
        for relation in extractor.sentence_relations(sentence):
            if relation.predicate == "requested" or (relation.predicate == "joined" and not relation.asserted):
                if all(a.entity.key != relation.subject.key for a in applicants):
                    applicants.append(_Arg(relation.subject, relation.subject_text, "coreference"))
            key = (relation.subject.key, relation.predicate, relation.object.key, relation.char_start)
            known = best.get(key)
            if known is None or _rank(relation) > _rank(known):
                best[key] = relation
        if applicants:
            extractor.applicants = applicants
        for relation in best.values():
            if relation.char_start == sent.start_char and relation.time is not None and relation.time.point:
                timeline.append((lexicon.triggers(relation.predicate), relation.time.point))
    return sorted(best.values(), key=lambda r: (r.char_start, r.predicate, r.subject.key, r.object.key))


def _rank(relation: Relation) -> tuple:
    return (relation.modality == "Asserted", relation.time is not None, relation.confidence)
