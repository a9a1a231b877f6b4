"""Relation constructions: each reads one way news states relations.

Every construction is a function ``(extractor, sentence, consumed) -> Iterator[Relation]``
over one sentence; :data:`CONSTRUCTIONS` runs them in order (verbs first, so a
noun inside a matched verb phrase, "cut ties with", is not read again as an
event noun).
"""

from __future__ import annotations

from kg.extraction.constructions.evaluations import (
    behest_relations,
    demand_relations,
    departure_orders,
    evaluation_relations,
)
from kg.extraction.constructions.locations import capital_relations, location_relations
from kg.extraction.constructions.modifiers import modifier_relations
from kg.extraction.constructions.nominal import noun_relations
from kg.extraction.constructions.protests import demanding_protests, protest_relations
from kg.extraction.constructions.titles import title_relations
from kg.extraction.constructions.verbs import verb_relations

__all__ = ["CONSTRUCTIONS"]

CONSTRUCTIONS = (
    verb_relations,
    noun_relations,
    modifier_relations,
    title_relations,
    location_relations,
    capital_relations,
    evaluation_relations,
    demand_relations,
    behest_relations,
    departure_orders,
    protest_relations,
    demanding_protests,
)
