"""One sentence as the relation constructions see it: its mentions by token and its times."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from kg.extraction.time import find_time_expressions
from kg.records import Mention, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extraction.entities import DocumentEntities

__all__ = ["Sentence", "word_forms"]


def word_forms(token: Token) -> tuple[str, ...]:
    """The token's lemma, its lower-case form and simple stems of it.

    The stems cover words the lemmatiser does not know ("readmitted" ->
    "readmit"), so a lexicon entry matches every inflection.
    """
    key = (token.lemma, token.lower)  # the ids of the strings, read without making the strings
    forms = _FORMS.get(key)
    if forms is None:
        if len(_FORMS) >= 65536:
            _FORMS.clear()
        forms = _FORMS[key] = _forms(token.lemma_, token.lower_)
    return forms


#: The word forms of each (lemma, lower-case form), by the ids of the two strings.
_FORMS: dict[tuple[int, int], tuple[str, ...]] = {}


def _forms(lemma: str, lower: str) -> tuple[str, ...]:
    forms = [lemma.lower(), lower]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("",)),
        ("s", ("",)),
    ):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            base = lower[: -len(suffix)]
            forms.extend(base + r for r in replacements)
            if suffix in {"ing", "ed"} and len(base) > 2 and base[-1] == base[-2]:
                forms.append(base[:-1])
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=8)
def _offset_pattern(number_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "47 years after it joined": a count of years or months from an event named by its verb."""
    return re.compile(
        r"\b(?P<n>\d{1,3}|" + "|".join(number_words) + r")\s+(?P<unit>years?|months?)\s+"
        r"(?P<direction>after|before)\s+(?:(?:it|they|he|she|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s+)"
        r"(?:had\s+|has\s+)?(?P<verb>[a-z]+)\b",
        re.IGNORECASE,
    )


def _shifted(value: str, amount: int, unit: str) -> str | None:
    """``value`` moved by ``amount`` years or months, at its own precision."""
    year = int(value[:4])
    if unit.startswith("year"):
        return f"{year + amount:04d}{value[4:]}" if len(value) != 10 else f"{year + amount:04d}{value[4:7]}"
    if len(value) < 7:
        return None  # a year moved by months has no month to land on
    months = year * 12 + int(value[5:7]) - 1 + amount
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


class Sentence:
    """The entity mentions and time expressions of one sentence, by token.

    Parameters
    ----------
    sent
        The sentence span.
    found
        The document's entities and mentions.
    document_date
        Anchor of relative dates.
    previous
        The sentence before, whose last time "on that occasion" refers to.
    anaphoric_times
        Phrases that take the time of the sentence before ("on that occasion").
    timeline
        (trigger word forms, date) of the dated events read so far, for
        "21 years after it joined".
    number_words
        Spelled-out numbers and their values ("twenty": 20).
    """

    def __init__(
        self,
        sent: Span,
        found: DocumentEntities,
        document_date: date | None,
        previous: Sentence | None = None,
        anaphoric_times: Iterable[str] = (),
        timeline: Iterable[tuple[frozenset[str], str]] = (),
        number_words: dict[str, int] | None = None,
    ):
        self.sent = sent
        #: The sentence's tokens, made once: every construction reads them all.
        self.tokens: tuple[Token, ...] = tuple(sent)
        self.found = found
        self.by_token: dict[int, list[Mention]] = {}
        start_char, end_char = sent.start_char, sent.end_char
        inside = [m for m in found.mentions if m.end > start_char and m.start < end_char]
        if inside:
            # each mention covers the tokens that start inside it: found by bisection, not by testing every pair
            starts = [token.idx for token in self.tokens]
            covered: dict[int, list[Mention]] = {}
            for mention in inside:
                for position in range(bisect_left(starts, mention.start), bisect_left(starts, mention.end)):
                    covered.setdefault(position, []).append(mention)
            first = sent.start
            self.by_token = {first + position: covered[position] for position in sorted(covered)}
        self.times: list[tuple[Span, TimeSpan]] = []
        text = sent.text
        for start, end, span in find_time_expressions(text, document_date):
            char_span = sent.doc.char_span(start_char + start, start_char + end, alignment_mode="expand")
            if char_span is not None:
                self.times.append((char_span, span))
        #: Verbs of clauses dated from an earlier event ("after it joined"): the time goes above them.
        self.offset_verbs: set[int] = set()
        #: Time expressions that date only the clause they introduce ("a day after he took on the
        #: army" dates the taking on, not the arrest it follows): expression start -> clause verb.
        self.clause_times: dict[int, int] = {}
        for span, _value in self.times:
            relative = [t for t in span if t.lower_ in {"after", "before"}]
            if relative and any(t.lower_ in {"day", "days"} for t in span):
                clause = [c for c in relative[0].children if c.dep_ in {"pcomp", "pobj"}]
                if not clause and relative[0].dep_ == "mark":
                    clause = [relative[0].head]
                if clause:
                    self.clause_times[span.start] = clause[0].i
        self._count_from_events(text, list(timeline), number_words or {})
        if previous is not None and previous.times:
            self._take_earlier_time(text, previous, anaphoric_times)

    def mentions(self, token: Token) -> list[Mention]:
        """The mentions that cover ``token``."""
        return self.by_token.get(token.i, [])

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word form of the sentence: a pattern whose path words are not all here cannot match."""
        return frozenset(form for token in self.tokens for form in word_forms(token))

    def _count_from_events(
        self, text: str, timeline: list[tuple[frozenset[str], str]], numbers: dict[str, int]
    ) -> None:
        """ "47 years after it joined": counted from the dated event named earlier in the sentence's ``text``."""
        if not timeline:
            return
        sent = self.sent
        for match in _offset_pattern(tuple(numbers)).finditer(text):
            verb = sent.doc.char_span(sent.start_char + match.start("verb"), sent.start_char + match.end("verb"))
            if verb is None:
                continue
            forms = set(word_forms(verb[0]))
            anchors = [value for words, value in timeline if words & forms]
            if not anchors:
                continue
            amount_text = match["n"].lower()
            amount = numbers.get(amount_text, int(amount_text) if amount_text.isdigit() else 0)
            if match["direction"].lower() == "before":
                amount = -amount
            value = _shifted(anchors[-1], amount, match["unit"].lower())
            span = sent.doc.char_span(
                sent.start_char + match.start(), sent.start_char + match.end("direction"), alignment_mode="expand"
            )
            if value is not None and span is not None:
                self.times = [(s, v) for s, v in self.times if not (s.start < span.end and span.start < s.end)]
                self.times.append((span, TimeSpan(match.group(0), point=value)))
                self.offset_verbs.add(verb[0].i)

    def _take_earlier_time(self, text: str, previous: Sentence, phrases: Iterable[str]) -> None:
        """ "On that occasion, he met ...": the time of the sentence before (``text`` is this one's)."""
        sent = self.sent
        lowered = text.lower()
        earlier = previous.times[-1][1]
        for phrase in phrases:
            at = lowered.find(phrase)
            if at < 0:
                continue
            char_span = sent.doc.char_span(
                sent.start_char + at, sent.start_char + at + len(phrase), alignment_mode="expand"
            )
            if char_span is not None and not any(s.start <= char_span.start < s.end for s, _ in self.times):
                self.times.append((char_span, replace(earlier, text=char_span.text)))
            break
