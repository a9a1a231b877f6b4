"""RSS and Atom feeds: one document per item.

An item's text is its content or summary, as plain text; with ``fetch`` the
page it links to is fetched and its main text read instead (the summary stays
the text when that fails, with a warning). The id is the item's ``guid``/``id``,
else its link; the title and publication date come from the item.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.records import Document
from kg.sources import SourceOptions

__all__ = ["feed_documents", "looks_like_feed", "read_feed_file"]

logger = logging.getLogger(__name__)

_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
    }
)


def looks_like_feed(media_type: str, body: bytes) -> bool:
    """True when a fetched answer is an RSS or Atom feed."""
    head = body[:2000].lstrip().lower()
    return media_type in _FEED_TYPES or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head))


def _plain(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on broken markup
        return html.strip()
    for block in fragment.iter("p", "br", "div", "li"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(line.strip() for line in fragment.text_content().split("\n\n") if line.strip())


def _item_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def feed_documents(
    body: bytes, *, place: str, options: SourceOptions, report: Callable[[InputError], None]
) -> Iterator[Document]:
    """The documents of a feed's items, in the feed's order."""
    import feedparser

    from kg.sources.pages import url_identifier

    parsed = feedparser.parse(body)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        detail = f" ({str(problem).splitlines()[0]})" if problem else ""
        report(InputError(f"{place}: not an RSS or Atom feed with items{detail}; give a feed URL or file"))
        return
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        identifier = entry.get("id") or link
        if not identifier:
            report(InputError(f"{place}: item {number} has neither an id nor a link; skipped"))
            continue
        identifier = url_identifier(identifier) if "://" in identifier else identifier
        title = (entry.get("title") or "").strip() or None
        content = entry.get("content") or []
        summary = _plain(content[0].get("value", "") if content else entry.get("summary", ""))
        published = _item_date(entry)
        source = link or (place if "://" in place else Path(place).resolve().as_uri())
        text = summary
        if options.fetch and link:
            text = _fetched_text(link, options, report, fallback=summary, place=f"{place} item {number}")
        if not text.strip():
            report(
                InputError(
                    f"{place}: item {number} ({title or identifier}) has no text; "
                    "give --fetch to read the page it links to"
                )
            )
            continue
        yield Document(id=identifier, text=text, date=published, title=title, source=source)


def _fetched_text(
    link: str, options: SourceOptions, report: Callable[[InputError], None], *, fallback: str, place: str
) -> str:
    from kg.sources.pages import page_document
    from kg.sources.web import fetch

    try:
        fetched = fetch(link, options)
        return page_document(fetched.body, identifier="item", source=link, place=link, url=fetched.url).text
    except InputError as error:
        if fallback.strip():
            logger.warning("%s: %s; the item's summary is its text", place, error)
            return fallback
        report(error)
        return ""


def read_feed_file(path: Path, options: SourceOptions, report: Callable[[InputError], None]) -> Iterator[Document]:
    """The documents of a saved feed file."""
    try:
        body = path.read_bytes()
    except OSError as error:
        report(InputError(f"{path}: cannot read the file ({error.strerror or error}); check that it is readable"))
        return
    yield from feed_documents(body, place=str(path), options=options, report=report)
