"""Inputs beyond plain text and JSON Lines: saved web pages, feeds, CSV tables and URLs.

Each module turns one kind of input into :class:`~kg.records.Document` records:

- :mod:`kg.sources.pages`: HTML news pages (main text, title, date by trafilatura);
- :mod:`kg.sources.feeds`: RSS and Atom feeds, one document per item (feedparser);
- :mod:`kg.sources.tables`: CSV files, one document per row;
- :mod:`kg.sources.web`: http(s) URLs, fetched politely (timeouts, retries, a
  User-Agent, robots.txt), then read as a page, a feed or text.

:func:`kg.readers.read_documents` hands these inputs here by their file
extension or URL scheme; :class:`SourceOptions` carries the choices a user makes
for them (``--fetch``, ``--text-column``, ``--date-column``).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SOURCE_SUFFIXES", "SourceOptions", "is_url"]

#: File name endings read by this package (besides .txt and .jsonl).
SOURCE_SUFFIXES = (".html", ".htm", ".rss", ".atom", ".xml", ".csv")


@dataclass(frozen=True)
class SourceOptions:
    """How to read pages, feeds, tables and URLs.

    Attributes
    ----------
    fetch
        Fetch the page each feed item links to and read its main text (else the
        item's summary is the text).
    text_column, date_column, id_column, title_column, url_column
        Columns of a CSV file. The text column is required; the others are used
        when present.
    timeout
        Seconds to wait for a web server, per request.
    retries
        Further tries after a failed request (a time-out, a refused connection, a
        server error or 429), waiting longer each time.
    user_agent
        The User-Agent header sent, also the name looked up in robots.txt.
    """

    fetch: bool = False
    text_column: str = "text"
    date_column: str = "date"
    id_column: str = "id"
    title_column: str = "title"
    url_column: str = "url"
    timeout: float = 20.0
    retries: int = 2
    user_agent: str = "geokg (+https://w3id.org/geokg)"


def is_url(text: object) -> bool:
    """True when ``text`` is an http(s) URL.

    Examples
    --------
    >>> is_url("https://example.org/news/1"), is_url("news.jsonl")
    (True, False)
    """
    return (
        isinstance(text, str)
        and text.lower().startswith(("http://", "https://"))
        and not any(c.isspace() for c in text.strip())
    )
