"""One exception hierarchy for geokg.

Everything geokg raises on purpose is a :class:`GeoKGError`. Every message
names the bad input, says what is allowed and how to fix it, in one line.
Only :mod:`kg.cli` turns these into exit codes (the table is in its module
docstring); the library never prints.

Errors that replace a built-in exception a caller may already catch also
derive from it: :class:`ConfigError`, :class:`VocabularyError` and
:class:`RecordError` are :class:`ValueError` s.

Problems that do not stop the work (a JSON Lines record whose date is dropped,
a README skipped in a corpus folder) are :class:`InputWarning` s: they are
handed to the caller's ``on_warning`` callback, or logged.

Examples
--------
>>> from kg.readers import parse_date
>>> try:
...     parse_date("27/09/2023")
... except GeoKGError as error:
...     print(type(error).__name__)
InputError
"""

from __future__ import annotations

__all__ = [
    "GeoKGError",
    "InputError",
    "ModelNotFoundError",
    "ConfigError",
    "VocabularyError",
    "RecordError",
    "QueryError",
    "QueryRefusedError",
    "GraphFormatError",
    "OutputError",
    "OutputInUseError",
    "RemoteError",
    "StoreError",
    "StoreInUseError",
    "ExtractionError",
    "IncompleteBuildError",
    "GeoKGWarning",
    "InputWarning",
]


class GeoKGError(Exception):
    """Base class of every error geokg raises on purpose."""


class InputError(GeoKGError):
    """A document or file given as input cannot be read (the document is skipped)."""


class ModelNotFoundError(GeoKGError):
    """The requested spaCy pipeline is not installed."""


class ConfigError(GeoKGError, ValueError):
    """A configuration value, lexicon entry, gazetteer file or pipeline set-up is invalid."""


class VocabularyError(GeoKGError, ValueError):
    """A name that is not in the geokg vocabulary (a relation, modality or sector)."""


class RecordError(GeoKGError, ValueError):
    """A record (entity, time span, relation) was given a value outside its range."""


class QueryError(GeoKGError):
    """A SPARQL query is invalid or cannot be run."""


class QueryRefusedError(QueryError):
    """A valid SPARQL request that geokg refuses on purpose (an update, a LOAD)."""


class GraphFormatError(GeoKGError):
    """A graph file has an unknown format or cannot be parsed."""


class OutputError(GeoKGError):
    """An output location cannot be written."""


class OutputInUseError(OutputError):
    """Another process is writing the same output.

    Parameters
    ----------
    message
        The one-line message.
    pid
        The process that holds the output, when known.
    """

    def __init__(self, message: str, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid


class RemoteError(GeoKGError):
    """A SPARQL endpoint could not be reached or refused a request."""


class StoreError(GeoKGError):
    """A store directory cannot be opened or does not hold a geokg store."""


class StoreInUseError(StoreError):
    """Another process holds the store in a way that excludes this use."""


class ExtractionError(GeoKGError):
    """The pipeline failed on one document (the document is skipped, the others are built)."""


class IncompleteBuildError(GeoKGError):
    """``strict`` was asked for and some input was skipped, so nothing was written."""


class GeoKGWarning(UserWarning):
    """Base class of the problems geokg reports without stopping."""


class InputWarning(GeoKGWarning):
    """An input was read with a loss (a dropped date) or deliberately not read (a README)."""
