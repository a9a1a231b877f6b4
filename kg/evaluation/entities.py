"""Scoring entity mentions: are actors found, typed and linked to the right entity?

Two references are supported:

- a geokg gold set (:func:`~kg.evaluation.relations.load_gold_set`): every
  occurrence of a gold entity's alias in a document is a gold mention of that
  entity. A predicted mention that overlaps a gold mention is *linked* and is
  correct when its entity resolves to the gold key (by QID or by name, as in
  relation scoring). A gold mention found by several predicted mentions is one
  true positive; the extra correct ones count neither way, as duplicate
  statements do in relation scoring. Precision is over linked mentions;
  predicted mentions outside the gold inventory are listed as ``unscored``,
  not counted wrong, since the inventory names only the entities the gold
  relations need.
- Re-DocRED (:func:`~kg.evaluation.relations.load_redocred`): every annotated
  mention of a person, place or organisation is a gold mention with a type. A
  predicted mention is correct when its span overlaps a gold mention whose
  type agrees with the predicted entity type; a gold mention counts once,
  however many predicted mentions find it. There are no links to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.evaluation.actors import GoldResolver
from kg.evaluation.relations import GoldSet, RedocDoc, Scores
from kg.records import Document, Entity, Mention

__all__ = ["EntityReport", "MentionError", "evaluate_entities", "evaluate_redocred_entities"]

#: A function from documents to (document id, mention, entity) triples.
FindMentions = Callable[[list[Document]], Iterable[tuple[str, Mention, Entity]]]

#: Re-DocRED entity types and the geokg types that agree with them.
REDOC_TYPES = {
    "PER": frozenset({"Person"}),
    "LOC": frozenset({"Place", "Country"}),
    "ORG": frozenset({"Organization", "InternationalOrganization", "GovernmentBody", "Country"}),
}


@dataclass(frozen=True)
class MentionError:
    """A gold mention missed or a predicted mention linked wrongly."""

    document_id: str
    text: str
    start: int
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.document_id}  {self.start:>5}  {self.text!r}: expected {self.expected}, found {self.found}"


@dataclass
class EntityReport:
    """Mention-level precision and recall, with the errors behind them."""

    scores: Scores
    per_type: dict[str, Scores] = field(default_factory=dict)
    misses: list[MentionError] = field(default_factory=list)
    wrong: list[MentionError] = field(default_factory=list)
    unscored: int = 0

    def to_text(self) -> str:
        """A fixed-width table, then the errors."""
        lines = [f"{'entities':<28} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'f1':>6}"]
        lines.append("-" * len(lines[0]))
        for name, scores in [*sorted(self.per_type.items()), ("all mentions", self.scores)]:
            lines.append(
                f"{name:<28} {scores.tp:>5} {scores.fp:>5} {scores.fn:>5} "
                f"{scores.precision:>6.3f} {scores.recall:>6.3f} {scores.f1:>6.3f}"
            )
        lines.append(f"not scored: {self.unscored} predicted mentions of entities outside the gold inventory")
        lines.append(f"misses ({len(self.misses)}):")
        lines += [f"  {error}" for error in self.misses]
        lines.append(f"wrong links ({len(self.wrong)}):")
        lines += [f"  {error}" for error in self.wrong]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""

        def scores(s: Scores) -> dict[str, Any]:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall, "f1": s.f1}

        return {
            "scores": scores(self.scores),
            "per_type": {name: scores(s) for name, s in sorted(self.per_type.items())},
            "misses": [error.__dict__ for error in self.misses],
            "wrong": [error.__dict__ for error in self.wrong],
            "unscored": self.unscored,
        }


def _gold_spans(text: str, names: Sequence[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Occurrences of the gold names in ``text``, longest first, without overlaps."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for name, key in sorted(names, key=lambda item: -len(item[0])):
        pattern = re.compile(r"(?<![\w])" + re.escape(name) + r"(?![\w])")
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, end, key))
    return sorted(found)


def evaluate_entities(gold: GoldSet, find: FindMentions) -> EntityReport:
    """Score mentions against a geokg gold set (see the module docstring).

    Parameters
    ----------
    gold
        The gold set; its ``entities`` give each key's names and QID.
    find
        Runs entity recognition and linking on the documents.

    Returns
    -------
    EntityReport
    """
    resolver = GoldResolver(gold.entities)
    names = [(alias, key) for key, entity in gold.entities.items() for alias in entity.aliases]
    gold_mentions = {doc.id: _gold_spans(doc.text, names) for doc in gold.documents}
    texts = {doc.id: doc.text for doc in gold.documents}
    predicted: dict[str, list[tuple[Mention, Entity]]] = {doc.id: [] for doc in gold.documents}
    for document_id, mention, entity in find(list(gold.documents)):
        predicted.setdefault(document_id, []).append((mention, entity))
    tp = fp = fn = 0
    report = EntityReport(scores=Scores(0, 0, 0))
    for document_id, spans in gold_mentions.items():
        covered: set[tuple[int, int]] = set()
        for mention, entity in predicted.get(document_id, []):
            overlapping = [(s, e, k) for s, e, k in spans if s < mention.end and mention.start < e]
            if not overlapping:
                report.unscored += 1
                continue
            start, end, key = overlapping[0]
            if key in resolver.resolve(entity, entity.label):
                if (start, end) not in covered:
                    tp += 1
                    covered.add((start, end))
            else:
                fp += 1
                report.wrong.append(
                    MentionError(document_id, mention.text, mention.start, key, f"{entity.key} ({entity.type})")
                )
        for start, end, key in spans:
            if (start, end) not in covered:
                fn += 1
                report.misses.append(MentionError(document_id, texts[document_id][start:end], start, key, "nothing"))
    report.scores = Scores(tp, fp, fn)
    return report


def evaluate_redocred_entities(docs: Sequence[RedocDoc], find: FindMentions) -> EntityReport:
    """Score typed mentions against Re-DocRED's annotated persons, places and organisations."""
    gold_spans: dict[str, list[tuple[int, int, str]]] = {}
    texts: dict[str, str] = {}
    for doc in docs:
        starts = doc.sentence_starts
        texts[doc.id] = doc.document().text
        spans = []
        for entity in doc.entities:
            if entity.type not in REDOC_TYPES:
                continue
            for mention in entity.mentions:
                offset = starts[mention.sentence]
                spans.append((offset + mention.start, offset + mention.end, entity.type))
        gold_spans[doc.id] = sorted(set(spans))
    counts = {kind: [0, 0, 0] for kind in REDOC_TYPES}
    report = EntityReport(scores=Scores(0, 0, 0))
    predicted: dict[str, list[tuple[Mention, Entity]]] = {}
    for document_id, mention, entity in find([doc.document() for doc in docs]):
        predicted.setdefault(document_id, []).append((mention, entity))
    for document_id, spans in gold_spans.items():
        covered: set[tuple[int, int, str]] = set()
        for mention, entity in predicted.get(document_id, []):
            overlapping = [span for span in spans if span[0] < mention.end and mention.start < span[1]]
            agreeing = [span for span in overlapping if entity.type in REDOC_TYPES[span[2]]]
            if agreeing:
                fresh = [span for span in agreeing if span not in covered]
                if fresh:
                    counts[fresh[0][2]][0] += 1
                    covered.add(fresh[0])
            elif overlapping:
                counts[overlapping[0][2]][1] += 1
                report.wrong.append(
                    MentionError(document_id, mention.text, mention.start, overlapping[0][2], entity.type)
                )
            else:
                report.unscored += 1
        for span in spans:
            if span not in covered:
                counts[span[2]][2] += 1
                report.misses.append(
                    MentionError(document_id, texts[document_id][span[0] : span[1]], span[0], span[2], "nothing")
                )
    report.per_type = {kind: Scores(*values) for kind, values in counts.items()}
    report.scores = Scores(*(sum(values[i] for values in counts.values()) for i in range(3)))
    return report
