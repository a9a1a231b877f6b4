"""Verb phrases: "pulled out of the CSTO", "imposed sanctions on Iran", "was expelled from".

A verb pattern is a trigger lemma and the path of words from it to the object
(a particle, a light noun, prepositions). The subject comes from the clause
(:meth:`~kg.extraction.clauses.Clauses.verb_subjects`); a pattern written
"be <participle> ..." reads the passive voice, whose grammatical subject is
the relation's subject ("is located in").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.arguments import Arg
from kg.extraction.clauses import is_passive, is_purpose
from kg.extraction.constructions.membership import joining_members
from kg.extraction.constructions.protests import gathers_for_another_purpose, mission_state, protest_state
from kg.records import SYMMETRIC_RELATIONS as SYMMETRIC

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.lexicon import Pattern
    from kg.extraction.sentence import Sentence
    from kg.records import Relation

__all__ = ["verb_relations"]


def verb_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """The relations stated by the sentence's verbs, longest matching pattern first."""
    for token in sentence.tokens:
        if not (
            (token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"})
            or (token.pos_ == "NOUN" and token.dep_ == "ROOT")
        ):
            continue  # "the visiting minister" describes, it does not state a visit
        longest = 0
        particles: set[str] = set()  # the particles of the patterns that stated a relation ("hand over")
        patterns = sorted(
            (p for p in extractor.patterns(extractor.lexicon.verbs, token) if extractor.may_follow(p, sentence)),
            key=lambda p: -len(p.path),
        )
        for pattern in patterns:
            if longest and not pattern.path:
                break  # "hosts US troops" is a military presence, not a meeting
            if particles - set(pattern.path):
                continue  # "handed over tanks to Ukraine" is no "hand to": a particle makes another verb
            made = list(verb_relation(extractor, pattern, token, sentence, consumed))
            if made and pattern.path:
                longest = max(longest, len(pattern.path))
                followed = extractor.follow(token, pattern.path, pattern.noun_object)
                if followed is not None:
                    particles.update(t.lower_ for t in followed[0][1:] if t.dep_ == "prt")
            yield from made


def verb_relation(
    extractor: Extractor, pattern: Pattern, verb: Token, sentence: Sentence, consumed: set[int]
) -> Iterator[Relation]:
    """The relations of one verb pattern at one verb."""
    if pattern.requires_complement and not any(c.dep_ == "xcomp" for c in verb.children):
        return
    followed = extractor.follow(verb, pattern.path, pattern.noun_object)
    if followed is None or contest_result(extractor, verb):
        return
    matched, object_tokens = followed
    if pattern.object_from_trigger:
        object_tokens = [
            c
            for c in verb.children
            if (c.dep_ in {"dobj", "dative"} or (c.dep_ == "nsubjpass" and not pattern.passive)) and c not in matched
        ]  # "was taken into custody"; "held two journalists hostage": not the pattern's own noun
        if not object_tokens and len(matched) > 1:
            # "took three Britons hostage", parsed as one noun phrase: the victims modify the noun
            object_tokens = [c for c in matched[-1].children if c.dep_ == "compound" and c.i < matched[-1].i]
    arguments = extractor.arguments
    if pattern.passive:
        if not is_passive(verb):
            return
        object_tokens = [t for t in object_tokens if t.dep_ != "nsubjpass"]
        subject_tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subject_tokens and verb.dep_ == "acl":
            subject_tokens = [verb.head]  # "the base located in Uzbekistan"
        consumed.update(t.i for t in matched[1:])
        subjects = arguments.args(subject_tokens, sentence)
        yield from extractor.emit(
            pattern, subjects, arguments.args(object_tokens, sentence), sentence, verb, matched, False
        )
        yield from denied_alternatives(extractor, pattern, matched, subjects, sentence, verb)
        return
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "conj"}
        and any(c.dep_ == "nsubj" and any(n.dep_ == "nummod" for n in c.children) for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    ):
        return  # "34 people dead and 193 people injured": a count of those who suffered it, by no one named
    subject_tokens, inherited = extractor.clauses.verb_subjects(verb, sentence)
    subjects = arguments.args(subject_tokens, sentence)
    if not subject_tokens and is_passive(verb):
        subjects = extractor.acting_state(pattern, verb, sentence)  # "Suu Kyi was detained": by the state
    # "fired rockets and artillery": the weapons are what is fired, not whom
    object_tokens = [t for t in object_tokens if t.lemma_.lower() not in extractor.instrument_nouns]
    spec = extractor.lexicon.relations[pattern.relation]
    objects = arguments.object_args(object_tokens, sentence, spec)
    if not objects and spec.object_inside and len(matched) == 1:
        objects = arguments.facility_places(object_tokens, verb, sentence)  # "attacked a hotel in Kabul"
    if not objects and pattern.complement and len(matched) == 1:
        objects = complement_objects(extractor, pattern, verb, subjects, sentence)
    if not objects and len(matched) > 1 and matched[-1].pos_ == "NOUN":
        # "opened fire on protesters", "issued an ultimatum to Ecuador": the event noun's target
        spec = extractor.lexicon.relations[pattern.relation]
        prepositions = (
            extractor.target_prepositions
            if "Place" in spec.object_types or pattern.relation in extractor.locative_targets
            else extractor.target_prepositions - extractor.locative_prepositions
        )
        if matched[-1].lemma_.lower() in extractor.instrument_nouns:
            # "fired tear gas in Tbilisi" says where; "fired rockets into Gaza", "at Kyiv" say at whom
            prepositions = prepositions - extractor.weapon_settings
        # the target phrase hangs on the noun or, as the parser often has it, on the verb
        targets = [
            p
            for t in (matched[-1], verb)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ in prepositions
            for p in c.children
            if p.dep_ == "pobj"
        ]
        missions = [(t, mission_state(extractor, t, sentence)) for t in targets]
        # "staged a protest at the French Embassy": the embassy's state
        objects = [Arg(state, t.text, "context") for t, state in missions if state is not None]
        objects = objects or arguments.args(targets, sentence)
        if matched[-1].lemma_.lower() in extractor.mission_nouns and "Country" in spec.object_types:
            # "opened an embassy in Tehran": the city says where the mission stands, its state is the other side
            objects = [arguments.state_of(o) for o in objects]
        if not objects and pattern.complement:
            objects = complement_objects(extractor, pattern, verb, subjects, sentence)  # "opened fire to disperse"
    if not objects:
        objects = extractor.act_doers(object_tokens, subjects, pattern.relation)  # "condemned the incident"
    if not objects and pattern.relation in extractor.anaphoric_relations:
        objects = extractor.patient_doers(object_tokens, sentence)  # "condemned his detention": his jailer
    if pattern.relation == "requested" and any(t.lemma_.lower() in extractor.release_nouns for t in object_tokens):
        # "demanded his release", "called for the release of Rezaian": of whoever holds him, not of him
        objects = extractor.detainers(object_tokens, sentence)
    if pattern.relation == "protestedAgainst" and gathers_for_another_purpose(extractor, verb):
        return
    if not objects and pattern.relation == "protestedAgainst" and not pattern.path:
        # "Palestinian prisoners rioted at a jail in Israel": against the state where they protest
        for subject in subjects:
            target = protest_state(extractor, verb, subject, sentence)
            if target is not None:
                yield from extractor.emit(pattern, [subject], [target], sentence, verb, matched, inherited)
        return
    if pattern.warning and not warns_of_own_act(extractor, verb, subjects, objects, sentence):
        return
    if not objects and len(subjects) > 1 and any(reciprocal(t) for t in object_tokens):
        # "Georgian and South Ossetian forces accused each other": each of the other
        for subject in subjects:
            others = [o for o in subjects if o.entity.key != subject.entity.key]
            yield from extractor.emit(pattern, [subject], others, sentence, verb, matched, inherited)
        return
    made = [
        *denied_alternatives(extractor, pattern, matched, subjects, sentence, verb),
        *joining_members(extractor, pattern, verb, objects, sentence),
    ]
    if not objects and pattern.relation in SYMMETRIC and not extractor.needs_object(pattern):
        # "Armenia and Azerbaijan signed the accord": the coordinated actors with each other;
        # "relations between Bahrain and Qatar were restored": the pair after "between"
        between = [
            p
            for t in matched[1:]
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        pairs = subjects if len(subjects) > 1 or not between else arguments.args(between, sentence)
        made += extractor.symmetric_pairs(pattern, pairs, sentence, verb, matched)
    else:
        made += extractor.emit(pattern, subjects, objects, sentence, verb, matched, inherited)
    if made:
        # a noun inside a verb phrase that stated a relation is not read on its own
        consumed.update(t.i for t in matched[1:])
    yield from made


_SCORE = re.compile(r"^\d+\s*[-\u2013]\s*\d+$")


def contest_result(extractor: Extractor, verb: Token) -> bool:
    """Whether a verb of winning reports a match, race or election, not an act of force.

    "Spain beat France 2-1", "beat Bangladesh by 12 runs", "beat Denmark in the
    final", "beat Alcaraz in four sets to win the title": a score, a margin, the
    contest itself or what was won. "Police beat protesters" has none of them.
    """
    contests = extractor.lexicon.grammar["contests"]
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if lemma not in contests["verbs"] and f"{lemma} {particle}" not in contests["verbs"]:
        return False
    for child in verb.children:
        if _SCORE.match("".join(t.text_with_ws for t in child.subtree).strip()):
            return True  # "beat France 2-1"
        if child.dep_ in {"xcomp", "advcl"} and child.lemma_.lower() in contests["outcome_verbs"]:
            return True  # "to win the title"
        if child.dep_ != "prep":
            continue
        for noun in (c for c in child.children if c.dep_ == "pobj"):
            words = {
                noun.lower_,
                noun.lemma_.lower(),
                " ".join(t.lower_ for t in noun.subtree if t.dep_ == "compound" or t.i == noun.i),
            }
            if words & set(contests["event_nouns"]):
                return True  # "in the final", "in four sets", "on penalties", "in the election"
            if any(
                n.lower_ in contests["margin_units"] and any(c.dep_ == "nummod" for c in n.children)
                for n in noun.subtree
            ):
                return True  # "by 12 runs", "in a time of 9.63 seconds"
    return False


def reciprocal(token: Token) -> bool:
    """ "each other", "one another"."""
    pair = {token.lower_, *(c.lower_ for c in token.children if c.dep_ == "det")}
    return pair in ({"each", "other"}, {"one", "another"})


def warns_of_own_act(
    extractor: Extractor, verb: Token, subjects: list[Arg], objects: list[Arg], sentence: Sentence
) -> bool:
    """Whether a warning's clause says what the warner will do ("warned it would retaliate").

    A warning without a clause ("warned Ecuador of consequences") threatens; one
    whose clause is about the one warned ("warned Sudan that it has work to do")
    or states no act to come ("warned that prices would rise" has no object) does not.
    """
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return True
    warned = {a.entity.key for a in objects}
    # the warner's own act: by the warner or its forces; not "warned that Bush's plan would embolden Korea"
    warners = {a.entity.key for a in subjects}
    for clause in clauses:
        modal = any(c.dep_ == "aux" and c.lower_ in extractor.warning_modals for c in clause.children)
        named = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.dep_ != "expl"]
        doers = extractor.arguments.args(named, sentence)
        own = [d for d in doers if d.entity.key in warners or d.entity.country in warners]
        unresolved = not doers and all(t.pos_ == "PRON" for t in named)  # "warned it would": the warner
        if modal and not any(d.entity.key in warned for d in doers) and (own or unresolved):
            return True
    return False


def complement_objects(
    extractor: Extractor, pattern: Pattern, verb: Token, subjects: list[Arg], sentence: Sentence
) -> list[Arg]:
    """The object a speech act takes from the clause it governs.

    ``pattern.complement`` "object": the target of the event it is about, named in the
    complement or in the verb's own object phrase ("threatened to shell Iraqi
    towns", "threatened a military intervention ... in Niger"); "subject": who is
    to act ("demanded that Rwanda leave").
    """
    arguments = extractor.arguments
    own = {a.entity.key for a in subjects}
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} or is_purpose(c)]
    # "opened fire to disperse protesters": a clause of purpose names the target too
    if pattern.complement == "subject":
        tokens = [s for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        found = [a for a in arguments.args(tokens, sentence) if a.entity.key not in own]
        if not found:
            # "demanded the withdrawal of Serbian forces", "demanded a meeting of the Security Council"
            acts = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            doers = [d for a in acts for d in a.children if d.dep_ in {"poss", "amod", "compound", "nmod"}]
            doers += [
                p
                for a in acts
                for c in a.children
                if c.dep_ == "prep" and c.lower_ in {"of", "by", "from"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
            found = [a for a in arguments.args(doers, sentence) if a.entity.key not in own]
        return found
    if pattern.complement_excludes and any(
        p.relation in pattern.complement_excludes
        for c in clauses
        for p in extractor.patterns(extractor.lexicon.verbs, c)
    ):
        return []  # "refused to impose sanctions on Russia" does not reject Russia
    if pattern.complement_prepositions:
        # "agreed to restore ties with Cuba": the party after "with", wherever the clause puts it
        tokens = [
            p
            for c in clauses + [c for c in verb.children if c.dep_ == "dobj"]
            for t in c.subtree
            if t.dep_ == "prep" and t.lower_ in pattern.complement_prepositions
            for p in t.children
            if p.dep_ == "pobj"
        ]
        return [a for a in arguments.args(tokens, sentence) if a.entity.key not in own]
    releases = extractor.demanded_releases(clauses)
    if releases:
        # "marched to demand the release of aid workers seized in Baghdad": against whoever holds them
        return extractor.detainers(releases, sentence)
    depth = int(extractor.lexicon.grammar["walks"]["complement_object_depth"])
    frontier = clauses + [c for c in verb.children if c.dep_ == "dobj"]
    # "threatened to hold a strike unless Israel rescinded ...": the one the condition is put to
    conditions = [
        s
        for c in (verb, *clauses)
        for a in c.children
        if a.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in extractor.modality.hypothetical_markers for m in a.children)
        for s in a.children
        if s.dep_ in {"nsubj", "nsubjpass"}
    ]
    conditional = [a for a in arguments.args(conditions, sentence) if a.entity.key not in own]
    if conditional:
        return conditional
    places: list[Arg] = []
    locatives = extractor.complement_locatives
    # "threatened to cut ties with Congo over its ties with Israel": the reason is not the target
    reasons = extractor.complement_reasons
    for _ in range(depth):
        found = [a for a in arguments.args(frontier, sentence) if a.entity.key not in own]
        actors = [a for a in found if a.entity.type != "Place"]
        if actors:
            return list({a.entity.key: a for a in actors}.values())
        places = places or found  # "signed agreements ... at the White House": where, unless nothing else
        step = [
            g
            for t in frontier
            for g in t.children
            if g.dep_ in {"dobj", "dative", "xcomp", "acl", "attr", "conj", "amod", "compound", "poss", "nmod"}
            or (g.dep_ == "prep" and g.lower_ != "by" and g.lower_ not in reasons and not _setting(t, g, locatives))
        ]
        # a preposition and its object are one step: "the leader of a coup in Niger"
        frontier = [p for g in step for p in ([c for c in g.children if c.dep_ == "pobj"] if g.dep_ == "prep" else [g])]
    return list({a.entity.key: a for a in places}.values())


def _setting(head: Token, preposition: Token, locatives: frozenset[str]) -> bool:
    """Whether a preposition gives only where a thing is: a place phrase on the object of another
    preposition ("to appeal against the decision in Monaco"). On the act's own object it names
    the target ("to resume attacks in Israel", "the leader of a coup in Niger")."""
    return (
        preposition.lower_ in locatives
        and head.pos_ in {"NOUN", "PROPN"}
        and head.dep_ == "pobj"
        and head.head.lower_ != "of"
    )


def denied_alternatives(
    extractor: Extractor,
    pattern: Pattern,
    matched: list[Token],
    subjects: list[Arg],
    sentence: Sentence,
    trigger: Token,
) -> Iterator[Relation]:
    """ "located in Kazakhstan, not in Russia": the negated alternative, as a Negated statement."""
    last = matched[-1]
    if len(matched) < 2 or last.dep_ != "prep":
        return
    for sibling in last.head.children:
        if sibling.i <= last.i or sibling.dep_ != "prep" or sibling.lower_ != last.lower_:
            continue
        if not any(c.dep_ == "neg" for c in sibling.children):
            continue
        objects = extractor.arguments.args([c for c in sibling.children if c.dep_ == "pobj"], sentence)
        yield from extractor.emit(pattern, subjects, objects, sentence, trigger, matched, False, modality="Negated")
