"""Time attachment: which of a sentence's time expressions dates a relation.

A time expression dates the trigger whose clause holds it: the parse is climbed
from the expression's root to the trigger (or the words of its pattern),
stopping at another verb, so "met on Monday after talks that ended on Sunday"
dates the meeting on Monday. "since" turns a point into the start of a period,
except after a record ("the first clash since 1975", "the worst violence since
the war"), where it dates an earlier event, not this one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extraction.clauses import is_purpose
from kg.extraction.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.sentence import Sentence
    from kg.records import TimeSpan

__all__ = ["Timing"]


class Timing:
    """Attaches time expressions to triggers."""

    def __init__(self, lexicon: Lexicon):
        walks = lexicon.grammar["walks"]
        self.expression_hops = int(walks["time_expression_hops"])
        self.trigger_hops = int(walks["time_trigger_hops"])
        self.start_words = lexicon.words("time_start_words")
        self.record_words = lexicon.words("record_words")

    def times_for(self, tokens: list[Token], sentence: Sentence) -> list[TimeSpan]:
        """The time expressions whose clause is one of ``tokens``."""
        targets = {t.i for t in tokens}
        attached = []
        for span, value in sentence.times:
            if span.start in sentence.clause_times:
                if sentence.clause_times[span.start] in targets:
                    attached.append(value)
                continue
            root = span.root
            node = root
            since = False
            for _ in range(self.expression_hops):
                since = since or node.lower_ in self.start_words
                if since and _record(node, self.record_words):
                    break  # "the first fatal clash since 1975": 1975 was the one before
                if node.i in targets:
                    if since and value.point is not None:
                        # "since its independence 13 years ago": the start of a period
                        value = replace(value, point=None, start=value.point)
                    attached.append(value)
                    break
                if node.head.i == node.i or (
                    node.i != root.i and node.pos_ in {"VERB", "AUX"} and node.i not in sentence.offset_verbs
                ):
                    break
                node = node.head
        return attached

    def of(self, trigger: Token, matched: list[Token], sentence: Sentence) -> TimeSpan | None:
        """The time of a relation stated by ``trigger`` (and the other words of its pattern)."""
        # "ordered two diplomats to leave the country on Wednesday", "opened fire to disperse them on
        # Monday": the date may sit on the complement or the clause of purpose
        matched = [
            *matched,
            *(c for c in trigger.children if c.dep_ == "xcomp" or is_purpose(c)),
        ]
        node = trigger
        for _ in range(self.trigger_hops):
            found = self.times_for(matched if node.i == trigger.i else [node], sentence)
            if found:
                return found[0]
            if node.dep_ == "relcl":
                # "on Thursday, when/where he met ...": the clause hangs on the time itself
                for span, value in sentence.times:
                    if span.start <= node.head.i < span.end:
                        if value.point is None and value.end is None and value.start is not None:
                            # "since 2019, when India struck": the clause happened at that point
                            return replace(value, point=value.start, start=None)
                        return value
            if node.dep_ == "acl" and node.pos_ in {"VERB", "AUX"}:
                break  # "the agency, based in Vienna, said on Monday": the description has no date
            if (
                node.dep_
                in {"xcomp", "conj", "advcl", "pcomp", "pobj", "dobj", "prep", "attr", "acl", "nsubj", "nsubjpass"}
                and node.head.i != node.i
            ):
                node = node.head
                if node.pos_ in {"VERB", "AUX"} or node.dep_ in {"pobj", "dobj"}:
                    continue
            else:
                break
        return None


def _record(node: Token, words: frozenset[str]) -> bool:
    """Whether a noun, or a verb's object, is described as a record: "the first ...", "fought
    their worst battle since ...", "the deadliest ..."."""
    nouns = (
        [node, *(c for c in node.children if c.dep_ in {"dobj", "attr"})] if node.pos_ in {"VERB", "AUX"} else [node]
    )
    return any(
        c.dep_ in {"amod", "advmod", "nummod"} and (c.lower_ in words or c.tag_ == "JJS")
        for noun in nouns
        for c in noun.children
    )
