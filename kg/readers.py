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
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from kg.errors import InputError, InputWarning
from kg.records import Document
from kg.sources import SOURCE_SUFFIXES, SourceOptions, is_url

__all__ = [
    "SUPPORTED_SUFFIXES",
    "NOTES_NAMES",
    "check_not_future",
    "is_notes_file",
    "looks_like_html",
    "parse_date",
    "read_documents",
]

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


def today_anywhere() -> date:
    """The latest calendar date anywhere on Earth now (UTC+14)."""
    return datetime.now(timezone(timedelta(hours=14))).date()


def check_not_future(value: date, what: str = "date") -> date:
    """Return `value` unless it is after today everywhere on Earth.

    A publication date in the future is a mistake, and geokg would turn
    "September 26" in the text into a future date from it.

    Raises
    ------
    InputError
        When `value` is after today (in the earliest time zone, UTC+14).

    Examples
    --------
    >>> check_not_future(date(2023, 9, 27))
    datetime.date(2023, 9, 27)
    >>> check_not_future(date(2099, 1, 1), "--date")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputError: --date 2099-01-01 is in the future (today is ...); give the date the text was published
    """
    today = today_anywhere()
    if value > today:
        raise InputError(
            f"{what} {value.isoformat()} is in the future (today is {today.isoformat()}); "
            "give the date the text was published"
        )
    return value


_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TAGS = re.compile(r"<(?:html|head|body|meta|script|div|nav)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when a text is an HTML page (a saved web page) rather than plain text.

    A page starts with ``<!DOCTYPE html>``, ``<html>``, ``<head>`` or ``<body>``
    (after an XML declaration or comments), or has an ``<html>`` or ``<body>``
    tag and at least five page-structure tags in its first 5,000 characters. Text
    that only mentions a tag or two is plain text.

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use the <div> element, said the ministry.")
    False
    """
    if _HTML_START.match(text[:5000]):
        return True
    head = text[:5000]
    tags = _HTML_TAGS.findall(head)
    return len(tags) >= 5 and any(t[1:5].lower() in ("html", "body") for t in tags)


def _html_problem() -> str:
    how = (
        "save it with the .html extension and give that file, which geokg reads as a web page"
        if ".html" in SUPPORTED_SUFFIXES
        else "save the article's text as plain text (e.g. from the browser's reader view) and give that file"
    )
    return f"is an HTML page, not plain text; its markup would be read as news; {how}"


def read_documents(
    inputs: Iterable[str | Path],
    *,
    date: date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
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
        file types are ignored, and so are ``.txt`` files named as a corpus's own
        notes (see :func:`is_notes_file`), with a warning.
    date : datetime.date, optional
        The date of ``.txt`` documents, which anchors relative time expressions.
        JSON Lines records carry their own ``date``.
    options : kg.sources.SourceOptions, optional
        How to read HTML pages, RSS/Atom feeds, CSV files and http(s) URLs,
        which :mod:`kg.sources` reads (an input that is a URL is fetched).
    on_error : callable, optional
        Called with an :class:`InputError` for each input that is skipped (a file
        or folder that cannot be read, a malformed JSON Lines record, an HTML
        page saved as text, a duplicate id); reading goes on. Without it the
        first error is raised.
    on_warning : callable, optional
        Called with an :class:`InputWarning` for each input read with a loss (a
        JSON Lines ``date`` that is invalid or in the future is dropped, the
        document kept) or deliberately not read (a README in a folder). Without
        it warnings are logged.

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
    yield from _documents(inputs, date, _reporter(on_error), _warner(on_warning), {}, options)


def _reporter(on_error: Callable[[InputError], None] | None) -> Callable[[InputError], None]:
    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        logger.debug("skipped: %s", error)
        on_error(error)

    return report


def _warner(on_warning: Callable[[InputWarning], None] | None) -> Callable[[InputWarning], None]:
    def warn(warning: InputWarning) -> None:
        if on_warning is None:
            logger.warning("%s", warning)
        else:
            on_warning(warning)

    return warn


def _documents(
    inputs: Iterable[str | Path],
    document_date: date | None,
    report: Callable[[InputError], None],
    warn: Callable[[InputWarning], None],
    first_seen: dict[str, str],
    options: SourceOptions | None = None,
) -> Iterator[Document]:
    """The documents of `inputs`; `first_seen` maps ids already read to where they were."""
    options = options or SourceOptions()
    for given in inputs:
        if is_url(given):
            from kg.sources.web import read_url

            read = ((str(given), document) for document in read_url(str(given), options, document_date, report))
            located: Iterable[Iterator[tuple[str, Document]]] = [read]
        else:
            try:
                paths = _expand(Path(given), report, warn)
            except InputError as error:
                report(error)
                continue
            located = (_read_file(path, document_date, report, warn, options) for path in paths)
        for read in located:
            for place, document in read:
                if _unique_id(document, place, first_seen, report):
                    yield document


def _unique_id(
    document: Document, place: str, first_seen: dict[str, str], report: Callable[[InputError], None]
) -> bool:
    """True, and `document` recorded, unless an earlier document had its id (then reported)."""
    earlier = first_seen.get(document.id)
    if earlier is not None:
        report(
            InputError(
                f"{place}: duplicate document id {document.id!r}, already used at "
                f"{earlier}; give every document a unique id"
            )
        )
        return False
    first_seen[document.id] = place
    return True


#: Names of the notes a corpus folder carries about itself, never news: a ``.txt``
#: file in a folder whose name (without ``.txt``, in any case) is one of these is
#: not read, with a warning. For ``readme``, ``license`` and ``licence`` a name
#: that starts or ends with the word (``AGNEWS-README``, ``license_data``) counts too.
NOTES_NAMES = frozenset(
    {
        "readme",
        "read_me",
        "read-me",
        "license",
        "licence",
        "copying",
        "copyright",
        "notice",
        "authors",
        "contributors",
        "contributing",
        "changelog",
        "changes",
        "history",
        "citation",
        "credits",
        "install",
        "manifest",
        "todo",
    }
)
_NOTES_AFFIXED = re.compile(r"(?:readme|licen[cs]e)[-_. ].*|.*[-_. ](?:readme|licen[cs]e)")


def is_notes_file(path: str | Path) -> bool:
    """True when a ``.txt`` file's name says it describes a corpus rather than being news.

    Examples
    --------
    >>> [is_notes_file(n) for n in ("README.txt", "AGNEWS-README.txt", "LICENSE.txt", "licensing-talks.txt")]
    [True, True, True, False]
    """
    stem = Path(path).stem.lower()
    return stem in NOTES_NAMES or bool(_NOTES_AFFIXED.fullmatch(stem))


def _expand(path: Path, report: Callable[[InputError], None], warn: Callable[[InputWarning], None]) -> list[Path]:
    """Return the readable files `path` stands for, reporting what a folder holds but is not read."""
    if path.is_dir():

        def unreadable(error: OSError) -> None:
            folder = error.filename or path
            report(
                InputError(
                    f"{folder}: cannot read this folder ({error.strerror or error}); the documents in it "
                    "were not read; make it readable (e.g. chmod u+rx) or move the documents out"
                )
            )

        files: list[Path] = []
        for folder, folders, names in os.walk(path, onerror=unreadable):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(names):
                found = Path(folder, name)
                if name.startswith(".") or found.suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                if found.suffix.lower() == ".txt" and is_notes_file(found):
                    warn(
                        InputWarning(
                            f"{found}: not read as news: the name says it is the corpus's notes "
                            f"({found.stem}); give the file itself to read it anyway"
                        )
                    )
                    continue
                if found.is_file():
                    files.append(found)
        if not files:
            raise InputError(
                f"{path}: no .txt, .jsonl, .html, .csv or feed files found in this directory "
                "(searched recursively); put the documents there or give the files themselves"
            )
        return sorted(files)
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
        raise InputError(f"{path}: cannot read the file ({reason}); check that it is readable") from error
    if raw.startswith(_UTF16_BOMS):
        raise InputError(f"{path}: the file is UTF-16 encoded; save it as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{path}: binary file (NUL byte at byte offset {nul}); give a UTF-8 text file")
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
    path: Path,
    document_date: date | None,
    report: Callable[[InputError], None],
    warn: Callable[[InputWarning], None],
    options: SourceOptions,
) -> Iterator[tuple[str, Document]]:
    """Yield ``(place, document)`` pairs of one file; `place` names it in messages."""
    if path.suffix.lower() in SOURCE_SUFFIXES:
        yield from _read_source_file(path, document_date, report, options)
        return
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, report, warn)
        return
    try:
        text = _read_text(path)
    except InputError as error:
        report(error)
        return
    if looks_like_html(text):
        report(InputError(f"{path}: {_html_problem()}"))
        return
    document = Document(
        id=path.stem, text=text, date=document_date, title=_headline(text), source=path.resolve().as_uri()
    )
    yield str(path), document


def _read_jsonl(
    path: Path, report: Callable[[InputError], None], warn: Callable[[InputWarning], None]
) -> Iterator[tuple[str, Document]]:
    """The records of a JSON Lines file, read one line at a time (memory stays flat in its size)."""
    source = path.resolve().as_uri()
    try:
        for number, line in _jsonl_lines(path, report):
            place = f"{path}:{number}"
            try:
                record = _record(line, place, source, warn)
            except InputError as error:
                report(error)
                continue
            yield place, record
    except InputError as error:  # the file as a whole: unreadable, UTF-16, binary, empty
        report(error)


def _jsonl_lines(path: Path, report: Callable[[InputError], None]) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of each non-blank line of a JSON Lines file, one at a time.

    The file is refused as a whole, as :func:`_read_text` refuses a text file,
    when it cannot be read, is UTF-16, has a NUL byte in its first line (a
    binary file) or has no text. A later line that is not UTF-8 is reported
    with its number and byte offset, and reading goes on.
    """
    offset = 0  # of the current line in the file, in bytes
    written = False  # some line had more than white space
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                skipped = 0
                if number == 1:
                    if raw.startswith(_UTF16_BOMS):
                        raise InputError(f"{path}: the file is UTF-16 encoded; save it as UTF-8")
                    skipped = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
                nul = raw.find(b"\x00")
                try:
                    if nul >= 0:
                        raise UnicodeDecodeError("utf-8", raw, nul, nul + 1, "NUL byte")
                    line = raw[skipped:].decode("utf-8")
                except UnicodeDecodeError as error:
                    position = offset + (nul if nul >= 0 else skipped + error.start)
                    if number == 1 and nul >= 0:
                        raise InputError(
                            f"{path}: binary file (NUL byte at byte offset {position}); give a UTF-8 text file"
                        ) from None
                    written = True
                    what = "a NUL byte" if nul >= 0 else "invalid UTF-8"
                    report(
                        InputError(
                            f"{path}:{number}: {what} at byte offset {position}; convert the "
                            "file to UTF-8 (for example with iconv)"
                        )
                    )
                else:
                    if line.strip():
                        written = True
                        yield number, line
                offset += len(raw)
    except OSError as error:
        raise InputError(
            f"{path}: cannot read the file ({error.strerror or error}); check that it is readable"
        ) from error
    if not written:
        raise InputError(f"{path}: the file is empty; give a file with text in it")


def _read_source_file(
    path: Path, document_date: date | None, report: Callable[[InputError], None], options: SourceOptions
) -> Iterator[tuple[str, Document]]:
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


def _record(line: str, place: str, file_source: str, warn: Callable[[InputWarning], None]) -> Document:
    """Build the document of one JSON Lines record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{place}: invalid JSON ({error.msg} at column {error.colno}); write one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(f'{place}: expected a JSON object with "id" and "text", got {type(record).__name__}')
    identifier = record.get("id")
    if not isinstance(identifier, str) or not identifier.strip():
        raise InputError(f'{place}: missing or non-string "id"; give every record a string id')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{place}: missing or empty "text" in record {identifier!r}; give the document text')
    if looks_like_html(text):
        raise InputError(f'{place}: the "text" of record {identifier!r} {_html_problem()}')
    document_date = None
    if record.get("date") is not None:
        try:
            document_date = check_not_future(parse_date(record["date"]))
        except InputError as error:
            warn(
                InputWarning(
                    f"{place}: {error}; the date was dropped and record {identifier!r} "
                    "read without one (relative dates in it stay unresolved)"
                )
            )
    for optional in ("title", "url"):
        if record.get(optional) is not None and not isinstance(record[optional], str):
            raise InputError(f'{place}: "{optional}" must be a string or null')
    return Document(
        id=identifier,
        text=text,
        date=document_date,
        title=record.get("title"),
        source=record.get("url") or file_source,
    )
