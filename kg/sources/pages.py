"""Saved HTML news pages: the article's main text, title and publication date.

trafilatura finds the main text (leaving out menus, footers, comments and
advertising), the title and the date (from the page's metadata, else its text).
The text keeps one paragraph per block, separated by blank lines; a leading
headline equal to the title is left out of the text, since it is the title.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.records import Document

__all__ = ["page_document"]

logger = logging.getLogger(__name__)

#: Fewer words than this in the main text mean the page holds no article.
_MIN_WORDS = 8


def page_document(
    html: str | bytes,
    *,
    identifier: str,
    source: str,
    place: str,
    fallback_date: date | None = None,
    url: str | None = None,
) -> Document:
    """The document of one HTML page.

    Parameters
    ----------
    html
        The page.
    identifier
        Document id (a file's stem, or derived from a URL).
    source
        ``dcterms:source`` of the document: the page's URL, or the file's URI.
    place
        How messages name the page (its path or URL).
    fallback_date
        Date to use when the page gives none.
    url
        The page's URL, which helps trafilatura resolve the page's metadata.

    Raises
    ------
    InputError
        When no article text can be found in the page.
    """
    import trafilatura

    from kg.readers import parse_date

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    fields = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (fields.get("text") or "").strip()
    if len(text.split()) < _MIN_WORDS:  # what is left of menus and footers is not an article
        raise InputError(
            f"{place}: no article text found in the page; give the page of one article "
            "(not an index or a page that needs JavaScript)"
        )
    title = (fields.get("title") or "").strip() or None
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0] == title and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    published = fallback_date
    if fields.get("date"):
        try:
            published = parse_date(fields["date"])
        except InputError:
            logger.info("%s: unreadable page date %r", place, fields["date"])
    return Document(id=identifier, text="\n\n".join(paragraphs), date=published, title=title, source=source)


def read_page_file(path: Path, fallback_date: date | None) -> Document:
    """The document of a saved page file (id: the file stem, source: its URI)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"{path}: cannot read the file ({error.strerror or error}); check that it is readable"
        ) from None
    return page_document(
        raw, identifier=path.stem, source=path.resolve().as_uri(), place=str(path), fallback_date=fallback_date
    )


def url_identifier(url: str) -> str:
    """A stable document id for a URL: its host and path as a slug, with a short hash.

    Examples
    --------
    >>> url_identifier("https://example.org/world/talks-resume?page=1")
    'example-org-world-talks-resume-page-1-e506c1'
    """
    from kg.records import slugify

    slug = slugify(url.split("://", 1)[-1])[:80].strip("-")
    return f"{slug}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:6]}"
