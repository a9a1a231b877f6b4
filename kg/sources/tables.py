"""CSV files: one document per row, from a text column and optional id, date, title, url."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.records import Document
from kg.sources import SourceOptions

__all__ = ["read_csv"]


def read_csv(
    path: Path, options: SourceOptions, document_date: date | None, report: Callable[[InputError], None]
) -> Iterator[Document]:
    """The documents of a CSV file (UTF-8, a header row first).

    The text is in ``options.text_column``; ``date_column`` (YYYY-MM-DD or an
    ISO datetime), ``id_column``, ``title_column`` and ``url_column`` are read
    when the header has them. Rows without an id are numbered ``STEM-ROW``
    (the row's line number). A row whose text is empty or date unreadable is
    reported and skipped; the file is read row by row, never whole.
    """
    from kg.readers import parse_date

    csv.field_size_limit(sys.maxsize)
    try:
        stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        report(InputError(f"{path}: cannot read the file ({error.strerror or error}); check that it is readable"))
        return
    with stream:
        reader = csv.DictReader(stream)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as error:
            report(InputError(f"{path}: not a UTF-8 CSV file ({error}); save it as UTF-8 CSV"))
            return
        if options.text_column not in header:
            columns = ", ".join(repr(c) for c in header) or "none"
            report(
                InputError(
                    f"{path}: no column {options.text_column!r} (columns: {columns}); "
                    "name the text column with --text-column"
                )
            )
            return
        if options.date_column != "date" and options.date_column not in header:
            report(
                InputError(
                    f"{path}: no column {options.date_column!r} for --date-column "
                    f"(columns: {', '.join(map(repr, header))})"
                )
            )
            return
        source = path.resolve().as_uri()
        try:
            for row in reader:
                place = f"{path}:{reader.line_num}"
                text = row.get(options.text_column) or ""
                if not text.strip():
                    report(InputError(f"{place}: empty {options.text_column!r}; give the document text"))
                    continue
                published = document_date
                raw_date = (row.get(options.date_column) or "").strip()
                if raw_date:
                    try:
                        published = parse_date(raw_date)
                    except InputError as error:
                        report(InputError(f"{place}: {error}"))
                        continue
                identifier = (row.get(options.id_column) or "").strip() or f"{path.stem}-{reader.line_num}"
                yield Document(
                    id=identifier,
                    text=text,
                    date=published,
                    title=(row.get(options.title_column) or "").strip() or None,
                    source=(row.get(options.url_column) or "").strip() or source,
                )
        except (UnicodeDecodeError, csv.Error) as error:
            report(InputError(f"{path}:{reader.line_num}: unreadable CSV ({error}); fix the file"))
