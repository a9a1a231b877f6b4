"""The text the parser reads: references repaired, runs of spaces squeezed, offsets led back."""

from __future__ import annotations

import pytest

from kg.api import extract, extract_mentions
from kg.extraction.lexicon import Lexicon
from kg.nlp.readable import original_span, readable
from kg.records import Document

REFERENCES = Lexicon.load().grammar["document"]["broken_references"]


@pytest.mark.parametrize(
    ("text", "expected", "breaks"),
    [
        ("the Iraqi city  Najaf", "the Iraqi city Najaf", [[15, 1]]),
        ("a\t\tb   c", "a b c", [[2, 1], [4, 3]]),
        ("Pakistan #39;s army", "Pakistan's army", [[10, 4]]),
        ("said  quot;no comment quot; on", 'said "no comment " on', [[5, 1], [6, 5], [18, 9]]),
        ("Hong Kong &amp; Macau", "Hong Kong & Macau", [[11, 4]]),
        # line breaks separate headlines, datelines and paragraphs: kept as they are
        ("Headline\n\nBody  text.\n  Next", "Headline\n\nBody text.\n Next", [[15, 1], [22, 2]]),
    ],
)
def test_text_is_cleaned_with_its_breakpoints(text, expected, breaks):
    assert readable(text, REFERENCES) == (expected, breaks)


def test_clean_text_is_left_as_it_is():
    text = "Tashkent pulled out of the CSTO in 2012.\n\nThe decision surprised Moscow."
    assert readable(text, REFERENCES) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters held the mosque in the Iraqi city  Najaf early on Saturday.",
        "Hong Kong #39;s chief said  quot;no comment quot; on   Monday  in Beijing.",
        "a  b \t c  #39;s &amp;  d",
    ],
)
def test_every_word_of_the_clean_text_leads_back_to_the_same_word(text):
    cleaned, breaks = readable(text, REFERENCES)
    position = 0
    for word in cleaned.split():
        start = cleaned.index(word, position)
        position = start + len(word)
        begin, end = original_span(breaks, start, position)
        if word.isalpha():
            assert text[begin:end] == word


def test_relation_offsets_point_into_the_text_as_given(nlp):
    text = (
        "Rebel Shi'ite fighters appeared  still to be in control of the Imam Ali mosque in the Iraqi city  Najaf "
        "early on Saturday.  Pakistan #39;s army  shelled Indian posts in Kashmir."
    )
    [(_, relations)] = list(extract([Document("wire", text)], nlp))
    found = {(r.subject.key, r.predicate, r.object.key, r.evidence, text[r.char_start : r.char_end]) for r in relations}
    assert found == {
        (
            "najaf",
            "locatedIn",
            "iraq",
            "Rebel Shi'ite fighters appeared still to be in control of the Imam Ali mosque in the Iraqi city Najaf "
            "early on Saturday.",
            "Rebel Shi'ite fighters appeared  still to be in control of the Imam Ali mosque in the Iraqi city  Najaf "
            "early on Saturday.",
        ),
        (
            "pakistan-military",
            "attacked",
            "india",
            "Pakistan's army shelled Indian posts in Kashmir.",
            "Pakistan #39;s army  shelled Indian posts in Kashmir.",
        ),
    }


def test_mention_offsets_point_into_the_text_as_given(nlp):
    text = "KABUL (Reuters) - Pakistan #39;s  army  shelled Indian posts."
    mentions = {(m.text, text[m.start : m.end], e.key) for _, m, e in extract_mentions([Document("wire", text)], nlp)}
    # a mention's text is as the parser read it; its offsets are those of the words as given
    assert mentions == {("Pakistan's army", "Pakistan #39;s  army", "pakistan-military"), ("Indian", "Indian", "india")}
