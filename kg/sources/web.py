"""Fetching http(s) URLs politely: time-outs, retries, a User-Agent, robots.txt.

:func:`fetch` gets one URL: it asks the site's robots.txt first (once per
site) and refuses what it disallows for geokg's User-Agent, waits at most
``timeout`` seconds for each request, and tries again after a time-out, a
refused connection, a server error or a 429, waiting longer each time (a
``Retry-After`` of up to a minute is honoured). :func:`read_url` reads what it
fetched as a page, a feed or plain text.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from kg.errors import InputError
from kg.records import Document
from kg.sources import SourceOptions

__all__ = ["Fetched", "fetch", "read_url"]

logger = logging.getLogger(__name__)

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_BYTES = 20_000_000
_robots: dict[tuple[str, str], urllib.robotparser.RobotFileParser] = {}


@dataclass(frozen=True)
class Fetched:
    """What a server sent: the final URL (after redirects), its media type and body."""

    url: str
    media_type: str
    body: bytes


def _user_agent(options: SourceOptions) -> str:
    import kg

    return options.user_agent.replace("geokg", f"geokg/{kg.__version__}", 1)


def _get(url: str, options: SourceOptions) -> Fetched:
    """One URL, with retries; robots.txt is not consulted here."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": _user_agent(options),
            "Accept": "text/html, application/xhtml+xml, "
            "application/rss+xml, application/atom+xml, "
            "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5",
        },
    )
    last = ""
    for attempt in range(options.retries + 1):
        if attempt:
            time.sleep(min(60.0, _pause(attempt, last)))
        try:
            with urllib.request.urlopen(request, timeout=options.timeout) as response:
                body = response.read(_MAX_BYTES + 1)
                if len(body) > _MAX_BYTES:
                    raise InputError(
                        f"{url}: the answer is over {_MAX_BYTES // 1_000_000} MB; give the URL of one article or feed"
                    )
                media_type = response.headers.get_content_type()
                return Fetched(response.geturl(), media_type, body)
        except urllib.error.HTTPError as error:
            if error.code not in _RETRY_STATUSES:
                raise InputError(f"{url}: the server answered {error.code} {error.reason}; check the URL") from None
            last = f"the server answered {error.code} {error.reason}"
            retry_after = error.headers.get("Retry-After", "") if error.headers else ""
            if retry_after.isdigit():
                last += f"|{retry_after}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            last = f"cannot reach the server ({reason})"
        logger.info("%s: %s (try %d of %d)", url, last.split("|")[0], attempt + 1, options.retries + 1)
    raise InputError(
        f"{url}: {last.split('|')[0]} after {options.retries + 1} tries; "
        "check the URL and the network, or try again later"
    )


def _pause(attempt: int, last: str) -> float:
    """Seconds to wait before try number ``attempt + 1``: doubling from 0.5 s, or Retry-After."""
    if "|" in last:
        return float(last.rsplit("|", 1)[1])
    return 0.5 * 2 ** (attempt - 1)


def allowed(url: str, options: SourceOptions) -> bool:
    """Whether the site's robots.txt lets geokg's User-Agent fetch ``url``.

    A robots.txt that does not exist (404) allows everything; one the server
    refuses to show (401, 403) allows nothing, as the robots.txt convention says.
    """
    parts = urllib.parse.urlsplit(url)
    key = (parts.scheme, parts.netloc)
    parser = _robots.get(key)
    if parser is None:
        parser = urllib.robotparser.RobotFileParser()
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            fetched = _get(robots_url, SourceOptions(timeout=options.timeout, retries=0, user_agent=options.user_agent))
            parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        except InputError as error:
            text = str(error)
            parser.disallow_all = " 401 " in text or " 403 " in text
            parser.allow_all = not parser.disallow_all
        _robots[key] = parser
    return parser.can_fetch(_user_agent(options), url)


def fetch(url: str, options: SourceOptions | None = None) -> Fetched:
    """Fetch one URL, if the site's robots.txt allows it.

    Raises
    ------
    InputError
        When robots.txt disallows the URL, or the server cannot be reached or
        refuses, after the retries.
    """
    options = options or SourceOptions()
    if not allowed(url, options):
        raise InputError(
            f"{url}: the site's robots.txt does not allow geokg to fetch this page; "
            "save the page yourself and give the file, if you may"
        )
    return _get(url, options)


def read_url(
    url: str, options: SourceOptions, document_date: date | None, report: Callable[[InputError], None]
) -> Iterator[Document]:
    """The documents at a URL: a page is one, a feed one per item, plain text one."""
    from kg.sources.feeds import feed_documents, looks_like_feed
    from kg.sources.pages import page_document, url_identifier

    try:
        fetched = fetch(url, options)
    except InputError as error:
        report(error)
        return
    if looks_like_feed(fetched.media_type, fetched.body):
        yield from feed_documents(fetched.body, place=url, options=options, report=report)
        return
    try:
        if fetched.media_type in ("text/html", "application/xhtml+xml"):
            yield page_document(
                fetched.body,
                identifier=url_identifier(fetched.url),
                source=fetched.url,
                place=url,
                fallback_date=document_date,
                url=fetched.url,
            )
        elif fetched.media_type == "text/plain":
            text = fetched.body.decode("utf-8", "replace")
            if not text.strip():
                raise InputError(f"{url}: the page is empty")
            yield Document(url_identifier(fetched.url), text, date=document_date, source=fetched.url)
        else:
            raise InputError(
                f"{url}: cannot read {fetched.media_type} as news; give the URL of an "
                "HTML article, an RSS or Atom feed, or plain text"
            )
    except InputError as error:
        report(error)
