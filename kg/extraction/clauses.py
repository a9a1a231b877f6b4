"""Subjects and voice: who does what a verb or an event noun says.

:meth:`Clauses.verb_subjects` finds a verb's subject in the active voice, its
agent in the passive, and the subject a controlled or coordinated verb
inherits ("Armenia decided to leave", "urged Russia to withdraw");
:meth:`Clauses.noun_subjects` finds the actor of an event noun (a possessive, an
entity modifier, a "by" phrase, or the subject of the light verb that carries
it: "imposed sanctions").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extraction.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.arguments import Arguments
    from kg.extraction.sentence import Sentence

__all__ = ["Clauses", "coordinated_with", "is_passive", "is_purpose", "prepositional_objects"]


def passive_subjects(verb: Token) -> list[Token]:
    """The subjects of a passive verb, also when the parser gave them to a parenthetical participle
    before it: "Three British nationals, believed to be civilians, were snatched"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subjects or any(c.dep_ == "nsubj" for c in verb.children):
        return subjects
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        # "Castillo is being held after being arrested by the police": the one the clause is about
        clause = verb.head.head
        return [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [
        s
        for c in verb.children
        if c.dep_ == "advcl" and c.i < verb.i and c.tag_ in {"VBN", "VBD"}
        for s in c.children
        if s.dep_ == "nsubj" and s.i < c.i
    ]


def prepositional_objects(token: Token, prepositions: frozenset[str] | set[str]) -> list[Token]:
    """The objects of the token's prepositions among ``prepositions``: "the release *of* Rezaian"."""
    return [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for p in c.children
        if p.dep_ == "pobj"
    ]


def description_before(name: Token) -> Token | None:
    """A description right before a name that the parser made a second subject or object of the same head.

    "Iraq's top cleric Grand Ayatollah Ali al-Sistani urged", "IAEA chief Mohamed ElBaradei said".
    """
    start = name.left_edge.i
    if start <= name.sent.start:
        return None
    before = name.doc[start - 1]
    if before.pos_ == "NOUN" and before.dep_ == name.dep_ and before.head.i == name.head.i != name.i:
        return before
    return None


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice ("was expelled", "the base located in")."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    # "the base located in Uzbekistan"; "two journalists held hostage in Iraq", the participle tagged as a past tense
    return verb.dep_ == "acl" and (
        verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not any(c.dep_ == "nsubj" for c in verb.children))
    )


def coordinated_with(verb: Token) -> Token:
    """The verb a coordinated verb shares its subject and frame with.

    Usually the parser's head; but a finite verb the parser coordinated with an
    infinitive ("called on Rwanda to withdraw ... and urged M23 to stop") is the
    second act of the infinitive's governor, not a second thing asked for.
    """
    head = verb.head
    if (
        verb.tag_ in {"VBD", "VBZ"}
        and head.dep_ == "xcomp"
        and head.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    ):
        return head.head
    return head


def is_purpose(clause: Token) -> bool:
    """Whether a clause is one of purpose: "opened fire to disperse protesters", "sent troops to protect"."""
    return (
        clause.dep_ == "advcl"
        and clause.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        and not any(c.dep_ == "mark" for c in clause.children)
    )


class Clauses:
    """Finds the subjects of verbs and event nouns."""

    def __init__(self, arguments: Arguments, lexicon: Lexicon):
        self.arguments = arguments
        self.light_verbs = lexicon.words("light_verbs")
        self.object_control = lexicon.words("object_control_verbs")
        self.control_prepositions = {
            verb: frozenset(preps) for verb, preps in lexicon.grammar["object_control_prepositions"].items()
        }
        self.accusation_verbs = lexicon.words("modality", "accusation_verbs")
        self.accusation_prepositions = lexicon.words("accusation_prepositions")
        walks = lexicon.grammar["walks"]
        self.noun_hops = int(walks["noun_subject_hops"])
        self.governing_prepositions = lexicon.words("event_noun_prepositions")
        self.receiving_verbs = lexicon.words("receiving_verbs")

    def verb_subjects(self, verb: Token, sentence: Sentence, inherited: bool = False) -> tuple[list[Token], bool]:
        """Subject tokens of a verb and whether they were inherited from another verb."""
        if is_passive(verb):
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents:
                return agents, inherited
            # "survived ... but five others were killed": a passive's doer is its "by" phrase or unknown
            return [], inherited
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:
            # "Iraq's top cleric Grand Ayatollah Ali al-Sistani urged": a description and the name right after it,
            # which the parser made two subjects, are one
            descriptions = {description_before(s) for s in subjects if s.pos_ == "PROPN"}
            subjects = [s for s in subjects if s not in descriptions]
        if not subjects:
            # "Nauru cut ties": a proper noun before the verb that the parser took for a modifier
            subjects = [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < verb.i]
        if subjects:
            return subjects, inherited
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            governor = verb.head.head
            accused = [c for c in governor.children if c.dep_ == "dobj"]
            if (
                accused
                and verb.head.lower_ in self.accusation_prepositions
                and governor.lemma_.lower() in self.accusation_verbs
            ):
                return accused, True  # "accused Russia of attacking Ukraine": Russia attacks
            # "responded by imposing sanctions": the subject of the verb the phrase modifies
            return self.verb_subjects(governor, sentence, True)
        if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
            head = coordinated_with(verb) if verb.dep_ == "conj" else verb.head
            if verb.dep_ == "xcomp":
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if head.lemma_ in self.object_control and objects:
                    return objects, True  # "urged Russia to withdraw": Russia withdraws
                controllers = [
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ in self.control_prepositions.get(head.lemma_, ())
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                if controllers:
                    return controllers, True  # "called on Rwanda to withdraw": Rwanda withdraws
                if is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
                    # "India is expected to sign": the raised subject
                    raised = [c for c in head.children if c.dep_ == "nsubjpass"]
                    if raised:
                        return raised, True
            if head.pos_ in {"VERB", "AUX"}:
                return self.verb_subjects(head, sentence, True)
        if verb.dep_ in {"acl", "relcl"} and not is_passive(verb):
            return [verb.head], True
        return [], inherited

    def subjects_of(self, verb: Token, sentence: Sentence) -> list[Token]:
        """The subject tokens of a clause's verb (inherited or not)."""
        return self.verb_subjects(verb, sentence)[0]

    def received_from(self, noun: Token, sentence: Sentence) -> tuple[list[Token], list[Token]] | None:
        """Who sent and who received an event noun that someone receives, when the text says both.

        "Morrison received a request for assistance from Sogavare": Sogavare asks
        Morrison; "Kyiv got a warning from Moscow": Moscow warns Kyiv. None when
        the noun is not received, or no sender is named.
        """
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.receiving_verbs or is_passive(verb):
            return None
        # "a request from Sogavare", "received a request from", "a request for assistance from Sogavare"
        holders = [noun, verb, *prepositional_objects(noun, self.governing_prepositions)]
        senders = next((found for found in (prepositional_objects(h, {"from"}) for h in holders) if found), [])
        if not senders:
            return None
        receivers, _ = self.verb_subjects(verb, sentence)
        return senders, receivers

    def noun_subjects(
        self, noun: Token, exclude: set[int], sentence: Sentence, standing: bool = True, of_is_object: bool = True
    ) -> tuple[list[Token], bool]:
        """Subject tokens of an event noun: possessive, entity modifier, 'by' phrase or the light verb's subject."""
        resolve = self.arguments.resolve
        own = [c for c in noun.children if c.dep_ == "poss"]
        own += [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i not in exclude]
        # "Uzbek-US cooperation": the modifier's own modifiers are actors too
        own += [
            g
            for c in list(own)
            for g in c.children
            if (g.dep_ in {"compound", "amod", "nmod"} or (g.dep_ == "npadvmod" and c.tag_ == "VBN"))
            and g.i < c.i
            and g.i not in exclude
        ]  # "Uzbek-US cooperation", "US-led forces"
        own += [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
        ]
        if not of_is_object:
            # "the withdrawal of Mali from ECOWAS", "the visit of Putin to Beijing"
            own += [
                p
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj" and p.i not in exclude
            ]
        unnamed_state = any(
            t.dep_ in {"compound", "amod"} and t.lemma_.lower() in self.arguments.state_heads for t in own
        )
        own = [t for t in own if resolve(t, sentence)]
        if own:
            return own, False
        if unnamed_state:
            return [], False  # "in protest at alleged government attacks": the government's, not the protesters'
        if noun.dep_ == "appos" and standing:
            return [noun.head], False  # "Uzbekistan, a member of the CSTO"
        node = noun
        hops = 0
        while node.dep_ in {"dobj", "attr", "pobj", "prep", "nsubjpass", "oprd", "acomp"} and hops < self.noun_hops:
            if node.dep_ == "prep" and node.lower_ not in self.governing_prepositions:
                break  # "imposed sanctions over attacks on shipping": the reason is not the act
            node = node.head
            hops += 1
            if node.pos_ in {"VERB", "AUX"}:
                if node.lemma_.lower() in self.light_verbs:
                    tokens, _ = self.verb_subjects(node, sentence)
                    return tokens, True
                break
        return [], False
