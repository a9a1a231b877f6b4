"""Long texts read in pieces: cuts between paragraphs or sentences, offsets in the whole text."""

from __future__ import annotations

import pytest

from kg.api import extract
from kg.nlp.chunks import text_chunks
from kg.records import Document

PARAGRAPHS = [
    "Tashkent pulled out of the CSTO in 2012. The decision surprised Moscow.",
    "France imposed sanctions on Iran in 2019. Officials in Paris defended the move.",
    "Japan and India signed a trade agreement on Tuesday. Talks had lasted a year.",
    "Kenya criticized Somalia over its border policy. Nairobi summoned the envoy.",
]


@pytest.mark.parametrize("limit", [40, 90, 200, 1000])
def test_pieces_put_together_are_the_text(limit: int) -> None:
    text = "\n\n".join(PARAGRAPHS * 3)
    pieces = text_chunks(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_cuts_fall_at_paragraph_breaks_then_sentence_ends() -> None:
    text = "\n\n".join(PARAGRAPHS)
    pieces = [piece for _, piece in text_chunks(text, 160)]
    assert pieces[0] == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n\n"
    one_paragraph = text_chunks(PARAGRAPHS[1], 60)
    assert [piece for _, piece in one_paragraph] == [
        "France imposed sanctions on Iran in 2019. ",
        "Officials in Paris defended the move.",
    ]


def test_text_longer_than_max_length_gives_the_relations_at_whole_text_offsets(nlp) -> None:
    text = "\n\n".join(PARAGRAPHS)
    whole = [r for _, rs in extract([Document("d1", text)], nlp) for r in rs]
    saved = nlp.max_length
    nlp.max_length = 100  # every paragraph is a piece of its own
    try:
        pieces = [r for _, rs in extract([Document("d1", text)], nlp) for r in rs]
    finally:
        nlp.max_length = saved
    assert len(whole) >= 4
    key = lambda r: (r.char_start, r.predicate, r.subject.key, r.object.key)  # noqa: E731
    assert [(key(r), r.evidence, r.char_end) for r in sorted(pieces, key=key)] == [
        (key(r), r.evidence, r.char_end) for r in sorted(whole, key=key)
    ]
    for relation in pieces:
        assert text[relation.char_start : relation.char_end].strip() == relation.evidence.strip()
