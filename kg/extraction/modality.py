"""Modality and attribution: whether a clause states, denies, plans or supposes its event.

:meth:`Modality.of` climbs from a trigger through the clauses above it: its
own negation and auxiliaries ("did not", "will", "could"), the verb that
controls it ("refused to", "plans to", "is expected to"), the frame that holds
it ("denied that", "amid speculation that", "if"), and notes the reporting verb
("said") whose subject the statement is attributed to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extraction.clauses import coordinated_with, is_purpose
from kg.extraction.lexicon import ACTOR_TYPES, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.arguments import Arguments
    from kg.extraction.sentence import Sentence
    from kg.records import Entity

__all__ = ["Modality"]


class Modality:
    """Reads the modality of a trigger's clause and who reported it."""

    def __init__(self, lexicon: Lexicon):
        modality = lexicon.grammar["modality"]
        self.reporting = lexicon.words("reporting_verbs")
        self.negation_words = frozenset(modality["negation_words"])
        self.negating_verbs = frozenset(modality["negating_verbs"])
        self.future_aux = frozenset(modality["future_auxiliaries"])
        self.temporal_markers = frozenset(modality["temporal_markers"])
        self.future_verbs = frozenset(modality["future_verbs"])
        #: Verbs whose object event noun is still to come: "preparing new sanctions".
        self.planning_verbs = frozenset(modality["planning_verbs"])
        #: "rallied to protest", "gathered to demand": a purpose carried out by the gathering itself.
        self.gathering_verbs = frozenset(modality["gathering_verbs"])
        self.voicing_verbs = frozenset(modality["voicing_verbs"])
        self.hypothetical_aux = frozenset(modality["hypothetical_auxiliaries"])
        self.reported_will = frozenset(modality["reported_will_auxiliaries"])
        self.going_words = frozenset(modality["going_to_words"])
        self.hypothetical_markers = frozenset(modality["hypothetical_markers"])
        self.speculation_nouns = frozenset(modality["speculation_nouns"])
        self.speculation_verbs = frozenset(modality["speculation_verbs"])
        self.denial_verbs = frozenset(modality["denial_verbs"])
        self.requesting_verbs = frozenset(modality["requesting_verbs"])
        self.threatening_verbs = frozenset(modality["threatening_verbs"])
        self.accusation_verbs = frozenset(modality["accusation_verbs"])
        self.attempt_verbs = frozenset(modality["attempt_verbs"])
        self.contrast_words = frozenset(modality["contrast_conjunctions"])
        #: Requests that are acts of authority: "ordered the expulsion" expels.
        self.authority_verbs = frozenset(modality["authority_verbs"])
        self.accusation_prepositions = lexicon.words("accusation_prepositions")
        self.intention_nouns = frozenset(modality["intention_nouns"])
        self.future_modifiers = frozenset(modality["future_modifiers"])
        self.topic_heads = frozenset(modality["topic_heads"])
        self.topic_prepositions = frozenset(modality["topic_prepositions"])
        self.hypothetical_modifiers = frozenset(modality["hypothetical_modifiers"])
        #: Verbs whose object event has not happened: "could prevent Russia's invasion".
        self.preventing_verbs = frozenset(modality["preventing_verbs"])
        self.light_verbs = lexicon.words("light_verbs")
        walks = lexicon.grammar["walks"]
        self.hops = int(walks["modality_hops"])
        self.reporter_hops = int(walks["reporter_hops"])

    def of(self, trigger: Token, attempt_is_act: bool = False) -> tuple[str, Token | None]:
        """The modality of a trigger's clause and the reporting verb above it, if any.

        With ``attempt_is_act``, "tried to storm" states the act: an attempted attack is an attack.
        """
        modality = "Asserted"
        reporter: Token | None = None
        would = False
        subject_of_verb = False
        node = trigger
        presupposed = False
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
                if (
                    node.head.pos_ in {"VERB", "AUX"}
                    and node.head.lemma_.lower() in self.requesting_verbs
                    and node.head.lemma_.lower() not in self.authority_verbs
                    and (node.dep_ == "dobj" or (node.dep_ == "prep" and node.lower_ == "for"))
                ):
                    # "called for sanctions against Nigeria", "demanded the withdrawal of Serbian forces"
                    return "Hypothetical", None
                if (
                    node.dep_ == "dobj"
                    and node.head.pos_ in {"VERB", "AUX"}
                    and node.head.lemma_.lower() in self.planning_verbs
                ):
                    # "is preparing new sanctions", "proposed a ban on flights"; "a possible attack" stays possible
                    return ("Future" if modality == "Asserted" else modality), None
                if node.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                    # "Russia's annexation of Crimea was never recognised": the verb's own
                    # negation is about the recognition; the clause's frame ("denied that") still counts
                    subject_of_verb = True
                node = node.head
                if node.pos_ == "NOUN" and node.lemma_.lower() in self.speculation_nouns:
                    return "Hypothetical", None
            # "may hinder its bid", "could complicate Russia's invasion": a possessed event is taken as
            # given, whatever the verb that acts on it says of itself (not under a light verb, where the
            # noun is the verb's own act: "will announce its withdrawal")
            presupposed = (
                modality == "Asserted"
                and node.pos_ in {"VERB", "AUX"}
                and any(c.dep_ == "poss" for c in trigger.children)
                and trigger.dep_ in {"dobj", "pobj"}
                and node.lemma_.lower() not in self.light_verbs | self.preventing_verbs | self.reporting
            )
        for _ in range(self.hops):
            children = [] if subject_of_verb else list(node.children)
            subject_of_verb = False
            if presupposed:
                presupposed = False  # the acting verb's own modality is not the event's; what frames it still is
            elif modality == "Asserted":
                if any(
                    c.dep_ == "neg"
                    or (c.lower_ in self.negation_words and c.dep_ in {"advmod", "neg"})
                    or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children))  # "no longer"
                    for c in children
                ):
                    modality = "Negated"
                elif any(c.dep_ == "aux" and c.lower_ in self.future_aux for c in children):
                    modality = "Future"
                elif any(c.dep_ == "aux" and c.lower_ in self.hypothetical_aux for c in children):
                    modality = "Hypothetical"
                    would = any(c.dep_ == "aux" and c.lower_ in self.reported_will for c in children)
                elif any(c.dep_ == "mark" and c.lower_ in self.hypothetical_markers for c in children):
                    modality = "Hypothetical"
                elif any(c.dep_ in {"aux", "auxpass"} and c.lower_ in self.going_words for c in children):
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
                    elif lemma in self.requesting_verbs or lemma in self.threatening_verbs:
                        modality = "Hypothetical"  # "urged Rwanda to withdraw", "threatened to shell"
                    elif attempt_is_act and lemma in self.attempt_verbs:
                        pass  # "protesters tried to seize government buildings"
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
                    elif lemma in self.speculation_verbs or lemma in self.requesting_verbs:
                        modality = "Hypothetical"  # "demanded that Rwanda leave"
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
            if (
                dep in {"acl", "relcl"}
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
                and head.dep_ in {"attr", "dobj", "nsubj", "nsubjpass", "oprd"}
                and head.head.i != head.i
            ):
                # "will become the first British minister to visit North Korea": an infinitive relative
                # is as real as the clause of its noun
                node = head.head
                continue
            if dep == "conj":
                if any(
                    c.dep_ == "cc" and c.lower_ in self.contrast_words and head.i < c.i < node.i for c in head.children
                ):
                    # "has not denied this but blames DR Congo": the contrast keeps its own modality
                    break
                node = coordinated_with(node)
                continue
            if dep == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.hypothetical_markers for c in node.children
            ):
                break
            if (
                dep == "advcl"
                and modality == "Asserted"
                and any(c.dep_ in {"mark", "advmod"} and c.lower_ in self.temporal_markers for c in node.children)
                and any(c.dep_ == "aux" and c.lower_ in self.future_aux for c in head.children)
            ):
                # "will top the agenda when Zapatero welcomes Chirac": the meeting is still to come
                return "Future", reporter
            if is_purpose(node) and node.i > head.i:
                # "threatened sanctions to force Iran", "sent troops to protect the border": a purpose, not yet done;
                # but "traders rallied to protest the blockade": gathering to protest is protesting
                voiced = lemma in self.gathering_verbs and node.lemma_.lower() in self.voicing_verbs
                if modality == "Asserted" and not voiced:
                    modality = (
                        "Hypothetical"
                        if lemma in self.threatening_verbs or lemma in self.requesting_verbs
                        else "Future"
                    )
                node = head
                continue
            if (
                dep == "pcomp"
                and head.lower_ in self.accusation_prepositions
                and head.head.lemma_.lower() in self.accusation_verbs
            ):
                # "accused Russia of attacking Ukraine": the accuser's claim, not a reported fact
                if modality == "Asserted":
                    modality = "Hypothetical"
                return modality, reporter or head.head
            if dep in {"pobj", "prep", "pcomp"}:
                if (
                    dep == "prep"
                    and node.lower_ in self.topic_prepositions
                    and lemma in self.topic_heads
                    and modality == "Asserted"
                ):
                    modality = "Hypothetical"  # "talks about Turkey entering the EU": a topic, not a fact
                    break
                node = head
                continue
            break
        return modality, reporter

    def reporter(self, verb: Token | None, trigger: Token, sentence: Sentence, arguments: Arguments) -> Entity | None:
        """Who reported the statement: the subject of the reporting verb, or "according to" X."""
        sources: list[Token] = []
        if verb is not None:
            sources = [c for c in verb.children if c.dep_ == "nsubj"]
        if not sources:
            node = trigger
            for _ in range(self.reporter_hops):
                sources = [
                    p
                    for c in node.children
                    if c.lower_ == "according"
                    for to in c.children
                    if to.lower_ == "to"
                    for p in to.children
                    if p.dep_ == "pobj"
                ]
                if sources or node.head.i == node.i:
                    break
                node = node.head
        actors = frozenset(ACTOR_TYPES)
        for source in sources:
            for arg in arguments.resolve(source, sentence):
                fitted = arguments.fit(arg, actors)
                if fitted is not None:
                    return fitted.entity
        return None
