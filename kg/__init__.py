"""geokg: geopolitical knowledge graphs from English news text.

>>> import kg
>>> graph = kg.build_graph(["Tashkent pulled out of the CSTO in 2012."])  # doctest: +SKIP
>>> graph.query("SELECT ?s ?o WHERE { ?s gkg:withdrewFrom ?o }")  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("geokg")
except _metadata.PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from kg import analysis  # noqa: E402  (networkx is imported only when a measure runs)
from kg.api import build_graph, extract, load_pipeline  # noqa: E402
from kg.errors import GeoKGError  # noqa: E402
from kg.graph.store import KnowledgeGraph  # noqa: E402
from kg.query import named_queries  # noqa: E402
from kg.records import Document, Entity, Relation, TimeSpan  # noqa: E402

__all__ = [
    "build_graph",
    "extract",
    "load_pipeline",
    "KnowledgeGraph",
    "named_queries",
    "analysis",
    "Document",
    "Entity",
    "Relation",
    "TimeSpan",
    "GeoKGError",
    "__version__",
]
