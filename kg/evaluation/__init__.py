"""Scoring extraction against gold sets: relations and traps (:mod:`.relations`), entity
mentions (:mod:`.entities`); how actors answer to gold keys is in :mod:`.actors`."""

from __future__ import annotations

from kg.evaluation.entities import EntityReport, evaluate_entities, evaluate_redocred_entities
from kg.evaluation.relations import (
    REDOCRED_PROPERTIES,
    AssertedTrap,
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
    Trap,
    evaluate,
    evaluate_redocred,
    load_gold_set,
    load_redocred,
)

__all__ = [
    "REDOCRED_PROPERTIES",
    "AssertedTrap",
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
    "Trap",
    "evaluate",
    "evaluate_redocred",
    "load_gold_set",
    "load_redocred",
    "EntityReport",
    "evaluate_entities",
    "evaluate_redocred_entities",
]
