"""Long texts in pieces: split at paragraph or sentence boundaries, offsets kept.

spaCy refuses a text longer than ``nlp.max_length`` (error E088) and its parser
needs memory in proportion to the text, so a long document is read as a run of
pieces of at most ``limit`` characters. Each piece is cut at the last paragraph
break before the limit, else the last sentence end, else the last space, and
carries its offset in the whole text, so that evidence offsets computed on a
piece are shifted back to offsets in the document. Mentions and pronouns do
not resolve across a cut, which falls between paragraphs whenever it can.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from kg.nlp.readable import Breaks, original_span

__all__ = ["DEFAULT_CHUNK_CHARS", "chunk_limit", "text_chunks", "shifted"]

#: Longest piece given to spaCy at once when the pipeline allows more: the
#: parser's memory grows with the text, about 1 GB per 100,000 characters.
DEFAULT_CHUNK_CHARS = 100_000

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")

Record = TypeVar("Record")


def chunk_limit(nlp) -> int:
    """The longest piece to give ``nlp``: its ``max_length``, at most :data:`DEFAULT_CHUNK_CHARS`."""
    return max(1, min(int(nlp.max_length), DEFAULT_CHUNK_CHARS))


def text_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` pairs of at most ``limit`` characters.

    The pieces put together are the text again: ``text[offset:offset + len(piece)]
    == piece`` for each of them.

    Examples
    --------
    >>> text_chunks("One. Two.\\n\\nThree.", 12)
    [(0, 'One. Two.\\n\\n'), (11, 'Three.')]
    >>> text_chunks("Short.", 100)
    [(0, 'Short.')]
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = _last_end(_PARAGRAPH, window) or _last_end(_SENTENCE, window) or _last_end(_SPACE, window)
        end = start + (cut or limit)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _last_end(pattern: re.Pattern[str], window: str) -> int | None:
    """End of the last match of ``pattern`` in the second half of ``window``, if any."""
    end = None
    for match in pattern.finditer(window, len(window) // 2):
        end = match.end()
    return end


def shifted(record: Record, offset: int, breaks: Breaks | None = None) -> Record:
    """A relation or mention with its character offsets moved into the whole text.

    ``breaks`` are those of the piece's doc (``doc._.geokg_text_breaks``): they
    turn offsets in the text the parser read into offsets in the piece as given;
    ``offset`` then moves them by the piece's place in the whole text.
    """
    names = ("char_start", "char_end") if hasattr(record, "char_start") else ("start", "end")
    start, end = (getattr(record, name) for name in names)
    if breaks:
        start, end = original_span(breaks, start, end)
    start, end = start + offset, end + offset
    if (start, end) == tuple(getattr(record, name) for name in names):
        return record
    return dataclasses.replace(record, **dict(zip(names, (start, end))))
