"""The text as the parser reads it: scraper debris repaired, runs of spaces squeezed.

Wire copy keeps the spaces of its old line breaks ("the Iraqi city  Najaf") and
scrapers leave character references behind ("Pakistan #39;s", " quot;"). To
spaCy's tagger and parser every extra space is a token of its own, and with it
in the middle of a phrase they misread the sentence. The parser therefore
reads a cleaned copy of the text; a short list of breakpoints turns offsets in
that copy back into offsets in the text as given, so statements and mentions
still point into the user's document.

>>> text, breaks = readable("Kong #39;s  chief", {" #39;s": "'s"})
>>> text, breaks
("Kong's chief", [[6, 4], [7, 5]])
>>> original_span(breaks, 7, 12)
(12, 17)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

__all__ = ["Breaks", "original_offset", "original_span", "readable"]

#: ``[position in the cleaned text, characters dropped before it]``, by position:
#: an offset at or after a breakpoint's position lies that many characters
#: further on in the text as given.
Breaks = list[list[int]]

_SPACES = r"[ \t]{2,}"


def readable(text: str, references: dict[str, str]) -> tuple[str, Breaks]:
    """``text`` with each reference in ``references`` replaced and runs of spaces or tabs made one space.

    Returns the cleaned text and its breakpoints (empty when nothing changed).
    Line breaks are kept as they are: they separate headlines, datelines and
    paragraphs.
    """
    pattern = _pattern(tuple(sorted(references, key=len, reverse=True)))
    pieces: list[str] = []
    breaks: Breaks = []
    dropped = length = last = 0
    for match in pattern.finditer(text):
        written = match.group()
        replacement = references.get(written, " ")
        pieces.append(text[last : match.start()])
        pieces.append(replacement)
        length += match.start() - last + len(replacement)
        dropped += len(written) - len(replacement)
        breaks.append([length, dropped])
        last = match.end()
    if not breaks:
        return text, breaks
    pieces.append(text[last:])
    return "".join(pieces), breaks


def original_offset(breaks: Breaks, position: int) -> int:
    """The offset in the text as given of ``position`` in the cleaned text."""
    index = bisect_right(breaks, position, key=lambda point: point[0])
    return position + (breaks[index - 1][1] if index else 0)


def original_span(breaks: Breaks, start: int, end: int) -> tuple[int, int]:
    """A span of the cleaned text (``end`` exclusive) as a span of the text as given."""
    if not breaks:
        return start, end
    first = original_offset(breaks, start)
    return first, (original_offset(breaks, end - 1) + 1 if end > start else first)


@lru_cache(maxsize=8)
def _pattern(references: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join([*(re.escape(r) for r in references), _SPACES]))
