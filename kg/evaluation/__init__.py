"""Scoring extraction against gold sets: relations (:mod:`.relations`) and entity mentions (:mod:`.entities`)."""

from __future__ import annotations

from kg.evaluation.entities import EntityReport, evaluate_entities, evaluate_redocred_entities
from kg.evaluation.relations import (
    REDOCRED_PROPERTIES,
    EvaluationReport,
    GoldEntity,
    GoldItem,
    GoldSet,
    RedocCounts,
    RedocDoc,
    RedocEntity,
    RedocMention,
    RedocPrediction,
    RedocRelation,
    RedocReport,
    Scores,
    SpuriousStatement,
    evaluate,
    evaluate_redocred,
    load_gold_set,
    load_redocred,
)

__all__ = [
    "REDOCRED_PROPERTIES",
    "EvaluationReport",
    "GoldEntity",
    "GoldItem",
    "GoldSet",
    "RedocCounts",
    "RedocDoc",
    "RedocEntity",
    "RedocMention",
    "RedocPrediction",
    "RedocRelation",
    "RedocReport",
    "Scores",
    "SpuriousStatement",
    "evaluate",
    "evaluate_redocred",
    "load_gold_set",
    "load_redocred",
    "EntityReport",
    "evaluate_entities",
    "evaluate_redocred_entities",
]
