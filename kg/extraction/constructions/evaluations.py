"""Criticism stated as a verdict: "described her visit as an egregious provocation".

News often criticises without a verb of criticism: a speaker describes an
actor's act in words of disapproval ("called it an escalation", "said the
cancellation by Australia ... is unacceptable behaviour") or alleges wrongdoing
("alleged that NATO and EU states were abusing their majority"). The speaker
criticises the actors of the judged phrase. The words of disapproval and the
verbs are grammar data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.clauses import is_passive, prepositional_objects
from kg.extraction.lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Relation

__all__ = ["behest_relations", "demand_relations", "departure_orders", "evaluation_relations"]


def evaluation_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """``criticized`` from verdicts of disapproval and allegations."""
    grammar = extractor.lexicon.grammar["evaluations"]
    describing = frozenset(grammar["describing_verbs"])
    alleging = frozenset(grammar["alleging_verbs"])
    holding = frozenset(grammar["holding_verbs"])
    blaming = frozenset(grammar["blaming_words"])
    reporting = extractor.modality.reporting
    words = frozenset(grammar["disapproval_words"])
    causes = frozenset(grammar["cause_nouns"])
    demand_modals = frozenset(extractor.lexicon.grammar["demands"]["modals"])
    blamed_events = frozenset(grammar["blamed_events"])
    responsibility = frozenset(grammar["responsibility_nouns"])
    resting = frozenset(grammar["resting_verbs"])
    confidence = float(grammar["confidence"])
    for verb in sentence.tokens:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma_.lower()
        judged: list[Token] = []
        blame: str | None = None
        if lemma in describing:
            # "described X as Y", "called X a Y", "called it an escalation"
            # the verdict after "as" hangs on the verb or, as the parser may have it, on its object
            verdicts = [
                p
                for t in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            verdicts += [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "attr"}]
            verdicts += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "attr"]
            if any(_disapproves(v, words) for v in verdicts):
                judged = [c for c in verb.children if c.dep_ in {"dobj", "ccomp"}]
                judged += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
                # "denounced as an ugly crime Serbia's suppression of ...": the judged act after the verdict
                judged += [a for v in verdicts for a in v.children if a.dep_ == "appos"]
        elif lemma in holding:
            # "hold Russia accountable for its acts", "held Israel responsible": blame
            blamed = [
                c
                for c in verb.children
                if c.dep_ in {"ccomp", "oprd", "acomp", "xcomp"} and c.lemma_.lower() in blaming
            ]
            judged = [s for c in blamed for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
            judged += [c for c in verb.children if c.dep_ == "dobj"] if blamed else []
            if blamed and any(a.dep_ == "aux" and a.lower_ in demand_modals for a in verb.children):
                blame = "Asserted"  # "we must hold Russia accountable": the speaker saying so is the blame
        elif lemma in alleging:
            # "alleged that NATO and EU states were abusing their majority"
            judged = [
                s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}
            ]
        elif lemma in reporting:
            # "said that the cancellation by Australia ... is unacceptable behavior"
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                verdicts = [c for c in clause.children if c.dep_ in {"attr", "acomp"}]
                if any(_disapproves(v, words) for v in verdicts):
                    judged += [s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}]
                events = [s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}]
                if any(e.lemma_.lower() in blamed_events for e in events):
                    # "said the uprisings were the result of U.S. policies": blame for the event
                    judged += [
                        p
                        for t in clause.subtree
                        if t.lemma_.lower() in causes
                        for p in prepositional_objects(t, {"of"})
                    ]
                judged += _blamed_in(clause, blaming, blamed_events | words, responsibility, resting)
        if not judged:
            continue
        subject_tokens, inherited = extractor.clauses.verb_subjects(verb, sentence)
        if not any(t.lower_ in extractor.arguments.speaker_pronouns for t in subject_tokens):
            blame = None  # "the EU should hold Moscow accountable, Borrell said": the EU has not, yet
        subjects = extractor.arguments.args(subject_tokens, sentence)
        own = {a.entity.key for a in subjects}
        targets = [a for token in judged for a in _actors(extractor, token, sentence) if a.entity.key not in own]
        pattern = Pattern("criticized", "verb", lemma, confidence=confidence)
        yield from extractor.emit(
            pattern,
            subjects,
            list({a.entity.key: a for a in targets}.values()),
            sentence,
            verb,
            [verb],
            inherited,
            modality=blame,
        )


def _blamed_in(
    clause: Token,
    blaming: frozenset[str],
    bad: frozenset[str],
    responsibility: frozenset[str],
    resting: frozenset[str],
) -> list[Token]:
    """Who a reported clause holds to blame for something bad.

    "Russia is responsible for the attack" (the subject, when what it answers for
    is bad: not "responsible for security"); "the responsibility for today's
    violent scenes lies with Rajoy" (the one it rests with); "the attack was
    supported by Serbia" (the one it is laid at).
    """
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    blamed: list[Token] = []
    for verdict in (c for c in clause.children if c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in blaming):
        answered = prepositional_objects(verdict, {"for"})
        if any(t.lemma_.lower() in bad for a in answered for t in a.subtree):
            blamed += subjects
    if clause.lemma_.lower() in resting and any(s.lemma_.lower() in responsibility for s in subjects):
        blamed += prepositional_objects(clause, {"with"})
    if any(s.lemma_.lower() in bad for s in subjects) and is_passive(clause):
        # "Kurti said the attack was supported by Serbia": laying an attack at someone's door
        blamed += [p for c in clause.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return blamed


def _disapproves(verdict: Token, words: frozenset[str]) -> bool:
    """Whether a verdict phrase is one of disapproval: its head or a modifier of it."""
    return (
        verdict.lemma_.lower() in words
        or verdict.lower_ in words
        or any(
            c.dep_ in {"amod", "compound", "advmod"} and (c.lemma_.lower() in words or c.lower_ in words)
            for c in verdict.children
        )
    )


def _actors(extractor: Extractor, token: Token, sentence: Sentence, depth: int = 0):
    """The actors a judged phrase names: its own entity, or the doers of the act it names.

    "her visit" -> her; "the cancellation by Australia of a contract" -> Australia;
    "drills China launched" -> China; not everyone the phrase mentions.
    """
    arguments = extractor.arguments
    found = arguments.args([token], sentence)
    if found:
        return found
    doers = [c for c in token.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
    doers += [
        p for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
    ]
    doers += [s for c in token.children if c.dep_ in {"relcl", "acl"} for s in c.children if s.dep_ == "nsubj"]
    found = arguments.args(doers, sentence)
    if not found and depth < 1:
        # "the result of an attempt by the Chinese side": the doer of the act named there
        found = [a for doer in doers for a in _actors(extractor, doer, sentence, depth + 1)]
    return found


def demand_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """ "declared that China must drop barriers": a speaker demands of the one who must act.

    A reporting or declaring verb whose clause puts an actor under "must" or
    "should" states a request of that actor (``requested``); the act itself keeps
    its own, unasserted, modality.
    """
    grammar = extractor.lexicon.grammar["demands"]
    verbs = frozenset(grammar["verbs"])
    modals = frozenset(grammar["modals"])
    pattern_confidence = float(grammar["confidence"])
    for verb in sentence.tokens:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in verbs:
            continue
        clauses = [
            c
            for c in verb.children
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in modals for a in c.children)
        ]
        if not clauses:
            continue
        addressed = [s for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        subject_tokens, inherited = extractor.clauses.verb_subjects(verb, sentence)
        subjects = extractor.arguments.args(subject_tokens, sentence)
        own = {a.entity.key for a in subjects}
        objects = [a for a in extractor.arguments.args(addressed, sentence) if a.entity.key not in own]
        pattern = Pattern("requested", "verb", verb.lemma_.lower(), confidence=pattern_confidence)
        yield from extractor.emit(pattern, subjects, objects, sentence, verb, [verb], inherited)


def behest_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """ "The Council will meet at the request of Japan": whoever asked requested it of the one who acts.

    The request was made before the act it led to, so it is asserted whatever
    the act's own modality; a denied act says nothing of a request.
    """
    grammar = extractor.lexicon.grammar["demands"]
    nouns = frozenset(grammar["behest_nouns"])
    prepositions = frozenset(grammar["behest_prepositions"])
    doer_prepositions = frozenset(grammar["behest_doer_prepositions"])
    for noun in sentence.tokens:
        if noun.dep_ != "pobj" or noun.lemma_.lower() not in nouns:
            continue
        preposition = noun.head
        if preposition.lower_ not in prepositions or preposition.head.pos_ not in {"VERB", "AUX"}:
            continue
        verb = preposition.head
        doers = prepositional_objects(noun, doer_prepositions)
        doers += [c for c in noun.children if c.dep_ == "poss"]  # "at Japan's request"
        subject_tokens, inherited = extractor.clauses.verb_subjects(verb, sentence)
        actors = extractor.arguments.args(subject_tokens, sentence)
        own = {a.entity.key for a in actors}
        askers = [a for a in extractor.arguments.args(doers, sentence) if a.entity.key not in own]
        if not askers or not actors or extractor.modality.of(verb)[0] == "Negated":
            continue  # "did not attend at the request of Russia": asked to stay away, or not asked at all
        pattern = Pattern("requested", "noun", noun.lemma_.lower(), confidence=float(grammar["confidence"]))
        yield from extractor.emit(
            pattern,
            askers,
            actors,
            sentence,
            noun,
            [noun],
            inherited,
            modality="Asserted",
            dated=False,  # the time of the act, not of the asking
        )


def departure_orders(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """ "asked that all diplomats from Qatar leave", "gave US diplomats 72 hours to leave": an expulsion.

    A state that orders, asks or gives time to another state's diplomats to
    leave expels them, in the modality of the order ("will ask ... to leave" is
    still to come). Diplomats whose state the text does not name expel no one.
    """
    grammar = extractor.lexicon.grammar["departure_orders"]
    leaving = frozenset(grammar["leaving_verbs"])
    ordering = frozenset(grammar["ordering_verbs"])
    envoys = frozenset(grammar["envoy_nouns"])
    clauses = extractor.clauses
    for leave in sentence.tokens:
        if leave.pos_ != "VERB" or leave.lemma_.lower() not in leaving:
            continue
        order = _governing_order(leave, ordering)
        if order is None:
            continue
        if leave.dep_ in {"relcl", "acl"}:
            # "gave US diplomats 72 hours to leave": the time is given to whoever receives it
            leavers = [c for c in order.children if c.dep_ == "dative"]
        else:
            leavers = clauses.subjects_of(leave, sentence)
        leavers = [t for t in leavers if t.lemma_.lower() in envoys]
        if not leavers:
            continue
        expellers = extractor.arguments.args(clauses.subjects_of(order, sentence), sentence)
        expelled = [extractor.arguments.state_of(a) for a in extractor.arguments.args(leavers, sentence)]
        expelled = [a for a in expelled if a.entity.type == "Country"]
        pattern = Pattern("expelled", "verb", order.lemma_.lower(), confidence=float(grammar["confidence"]))
        yield from extractor.emit(pattern, expellers, expelled, sentence, order, [order, leave], False)


def _governing_order(leave: Token, ordering: frozenset[str]) -> Token | None:
    """The verb of ordering whose complement the leaving is ("asked that ... leave", "gave ... hours to leave")."""
    node = leave
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "relcl", "acl"} or node.head.i == node.i:
            return None
        head = node.head
        if head.pos_ == "NOUN" and head.dep_ == "dobj":
            head = head.head  # "gave them 72 hours to leave"
        if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in ordering:
            return head
        node = head
    return None
