"""Read plain-text files, JSON Lines files and directories into :class:`Document` records.

Text is kept exactly as read (only a UTF-8 byte order mark is removed), so
character offsets computed on a document point into the original file.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "talks.txt").write_text("Talks resume\\n\\nThe ministers met in Vienna.\\n")
>>> [doc.title for doc in read_documents([folder])]
['Talks resume']
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.records import Document
from kg.sources import SOURCE_SUFFIXES, SourceOptions, is_url

__all__ = ["SUPPORTED_SUFFIXES", "parse_date", "read_documents"]

logger = logging.getLogger(__name__)

#: File name endings :func:`read_documents` reads (directories are searched for these);
#: pages, feeds and tables are read by :mod:`kg.sources`.
SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".rss", ".atom", ".xml", ".csv")

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A date, optionally followed by an ISO time of day and UTC offset.
_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
# Wire-service stamps, as in news archives: "26-FEB-1987 15:49:56.01".
_WIRE_DATE = re.compile(
    r"(?P<day>\d{1,2})-(?P<month>[A-Za-z]{3})-(?P<year>\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A first line longer than this is body text, not a headline.
_TITLE_MAX_CHARS = 150


def parse_date(value: str) -> date:
    """Parse a ``YYYY-MM-DD`` date; an ISO datetime is trimmed to its date.

    Parameters
    ----------
    value : str
        ``"2023-09-27"`` or an ISO 8601 datetime such as ``"2023-09-27T08:15:00Z"``.

    Returns
    -------
    datetime.date

    Raises
    ------
    InputError
        When `value` is not a valid date in that format.

    Examples
    --------
    >>> parse_date("2023-09-27")
    datetime.date(2023, 9, 27)
    >>> parse_date("2023-09-27T08:15:00+02:00")
    datetime.date(2023, 9, 27)
    >>> parse_date("26-FEB-1987 15:49:56.01")
    datetime.date(1987, 2, 26)
    """
    match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is not None:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            pass
    wire = _WIRE_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if wire is not None:
        try:
            month = _MONTHS.index(wire["month"].lower()[:3]) + 1
            return date(int(wire["year"]), month, int(wire["day"]))
        except ValueError:
            pass
    raise InputError(
        f"invalid date {value!r}: expected YYYY-MM-DD (for example 2023-09-27); "
        "an ISO datetime such as 2023-09-27T08:15:00Z or a wire-service stamp such as "
        "26-FEB-1987 15:49:56.01 is also accepted"
    )


def read_documents(
    inputs: Iterable[str | Path],
    *,
    date: date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    options: SourceOptions | None = None,
) -> Iterator[Document]:
    """Yield one :class:`Document` per text file or JSON Lines record.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files and directories. A ``.txt`` file is one document: its id is the
        file stem, its title the first non-empty line when that line looks like a
        headline (at most 150 characters, not ending in ``.``, ``,``, ``:`` or
        ``;``, and followed by more text), its source the file's ``file://`` URI.
        A ``.jsonl`` file holds one JSON object per line with ``id`` and ``text``
        (required), and ``date`` (``YYYY-MM-DD`` or an ISO datetime), ``title``
        and ``url`` (optional); the source is ``url``, else the file's URI. Blank
        lines are skipped. A directory is searched recursively for ``.txt`` and
        ``.jsonl`` files, read in sorted order; hidden files and folders and other
        file types are ignored.
    date : datetime.date, optional
        The date of ``.txt`` documents, which anchors relative time expressions.
        JSON Lines records carry their own ``date``.
    options : kg.sources.SourceOptions, optional
        How to read HTML pages, RSS/Atom feeds, CSV files and http(s) URLs,
        which :mod:`kg.sources` reads (an input that is a URL is fetched).
    on_error : callable, optional
        Called with an :class:`InputError` for each problem (a file that cannot be
        read, a malformed JSON Lines record, a duplicate id); the offending file
        or line is skipped and reading goes on. Without it the first error is
        raised.

    Yields
    ------
    Document
        Text exactly as read, except that a UTF-8 byte order mark is removed.

    Raises
    ------
    InputError
        Only when `on_error` is None. The message starts with the path (and line
        number for JSON Lines records) and says how to fix the problem.

    Examples
    --------
    >>> import tempfile, pathlib, datetime
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "news.jsonl").write_text(
    ...     '{"id": "a1", "text": "Chile and Peru met.", "date": "2024-02-01"}\\n')
    >>> [(doc.id, doc.date) for doc in read_documents([folder / "news.jsonl"])]
    [('a1', datetime.date(2024, 2, 1))]
    """

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        logger.debug("skipped: %s", error)
        on_error(error)

    first_seen: dict[str, str] = {}
    options = options or SourceOptions()
    for given in inputs:
        if is_url(given):
            from kg.sources.web import read_url

            located = ((str(given), document) for document in read_url(str(given), options, date, report))
            paths = [located]
        else:
            try:
                paths = _expand(Path(given))
            except InputError as error:
                report(error)
                continue
        for path in paths:
            read = path if not isinstance(path, Path) else _read_file(path, date, report, options)
            for place, document in read:
                earlier = first_seen.get(document.id)
                if earlier is not None:
                    report(
                        InputError(
                            f"{place}: duplicate document id {document.id!r}, already used at "
                            f"{earlier}; give every document a unique id"
                        )
                    )
                    continue
                first_seen[document.id] = place
                yield document


def _expand(path: Path) -> list[Path]:
    """Return the readable files `path` stands for."""
    if path.is_dir():
        files = sorted(
            found
            for found in path.rglob("*")
            if found.suffix.lower() in SUPPORTED_SUFFIXES
            and found.is_file()
            and not any(part.startswith(".") for part in found.relative_to(path).parts)
        )
        if not files:
            raise InputError(
                f"{path}: no .txt, .jsonl, .html, .csv or feed files found in this directory "
                "(searched recursively); put the documents there or give the files themselves"
            )
        return files
    if not path.exists():
        raise InputError(f"{path}: no such file or directory; check the path")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{path}: unsupported input type {path.suffix or '(no extension)'!r}; "
            "give a .txt, .jsonl, .html, .csv or RSS/Atom (.rss, .atom, .xml) file, an http(s) "
            "URL, or a directory containing such files"
        )
    return [path]


def _read_text(path: Path) -> str:
    """Return the UTF-8 text of `path` without a byte order mark."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(
            f"{path}: cannot read the file ({reason}); check that it is readable"
        ) from error
    if raw.startswith(_UTF16_BOMS):
        raise InputError(f"{path}: the file is UTF-16 encoded; save it as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{path}: binary file (NUL byte at byte offset {nul}); give a UTF-8 text file"
        )
    skipped = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    try:
        text = raw[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: invalid UTF-8 at byte offset {error.start + skipped}; "
            "convert the file to UTF-8 (for example with iconv)"
        ) from error
    if not text.strip():
        raise InputError(f"{path}: the file is empty; give a file with text in it")
    return text


def _read_file(
    path: Path, document_date: date | None, report: Callable[[InputError], None],
    options: SourceOptions,
) -> Iterator[tuple[str, Document]]:
    """Yield ``(place, document)`` pairs of one file; `place` names it in messages."""
    if path.suffix.lower() in SOURCE_SUFFIXES:
        yield from _read_source_file(path, document_date, report, options)
        return
    try:
        text = _read_text(path)
    except InputError as error:
        report(error)
        return
    source = path.resolve().as_uri()
    if path.suffix.lower() == ".txt":
        document = Document(
            id=path.stem, text=text, date=document_date, title=_headline(text), source=source
        )
        yield str(path), document
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        place = f"{path}:{number}"
        try:
            yield place, _record(line, place, source)
        except InputError as error:
            report(error)


def _read_source_file(path: Path, document_date: date | None, report: Callable[[InputError], None],
                      options: SourceOptions) -> Iterator[tuple[str, Document]]:
    """Pages, feeds and tables, read by :mod:`kg.sources`."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        from kg.sources.pages import read_page_file

        try:
            yield str(path), read_page_file(path, document_date)
        except InputError as error:
            report(error)
    elif suffix == ".csv":
        from kg.sources.tables import read_csv

        for document in read_csv(path, options, document_date, report):
            yield f"{path} row {document.id}", document
    else:
        from kg.sources.feeds import read_feed_file

        for document in read_feed_file(path, options, report):
            yield f"{path} item {document.id}", document


def _headline(text: str) -> str | None:
    """Return the first non-empty line of `text` when it reads as a headline."""
    lines = text.lstrip().split("\n", 1)
    first = lines[0].strip()
    has_body = len(lines) == 2 and bool(lines[1].strip())
    if has_body and len(first) <= _TITLE_MAX_CHARS and not first.endswith((".", ",", ":", ";")):
        return first
    return None


def _record(line: str, place: str, file_source: str) -> Document:
    """Build the document of one JSON Lines record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{place}: invalid JSON ({error.msg} at column {error.colno}); "
            "write one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(
            f"{place}: expected a JSON object with \"id\" and \"text\", got {type(record).__name__}"
        )
    identifier = record.get("id")
    if not isinstance(identifier, str) or not identifier.strip():
        raise InputError(f"{place}: missing or non-string \"id\"; give every record a string id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            f"{place}: missing or empty \"text\" in record {identifier!r}; give the document text"
        )
    document_date = None
    if record.get("date") is not None:
        try:
            document_date = parse_date(record["date"])
        except InputError as error:
            raise InputError(f"{place}: {error}") from None
    for optional in ("title", "url"):
        if record.get(optional) is not None and not isinstance(record[optional], str):
            raise InputError(f"{place}: \"{optional}\" must be a string or null")
    return Document(
        id=identifier,
        text=text,
        date=document_date,
        title=record.get("title"),
        source=record.get("url") or file_source,
    )
