"""Time expressions: finding them in sentences and normalising them with precision kept."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extraction.time import find_time_expressions, normalize_time
from kg.records import TimeSpan

WEDNESDAY = date(2023, 9, 27)  # the document date of the seed article
MONDAY = date(2023, 9, 25)
NEW_YEAR = date(2024, 1, 10)

# phrase, document date, expected (point, start, end)
NORMALISED = [
    # month and day, with and without a year
    ("on September 26", WEDNESDAY, ("2023-09-26", None, None)),
    ("on 26 September", WEDNESDAY, ("2023-09-26", None, None)),
    ("September 26, 2023", WEDNESDAY, ("2023-09-26", None, None)),
    ("26 Sept 2023", WEDNESDAY, ("2023-09-26", None, None)),
    ("Sept. 26", WEDNESDAY, ("2023-09-26", None, None)),
    ("the 26th of September", WEDNESDAY, ("2023-09-26", None, None)),
    ("on Tuesday, September 26", WEDNESDAY, ("2023-09-26", None, None)),
    ("on 24 February 2022", WEDNESDAY, ("2022-02-24", None, None)),
    ("2 March", WEDNESDAY, ("2023-03-02", None, None)),
    ("on October 10", WEDNESDAY, ("2023-10-10", None, None)),  # within the future window
    ("November 30", WEDNESDAY, ("2022-11-30", None, None)),  # beyond it: last year
    ("December 28", NEW_YEAR, ("2023-12-28", None, None)),
    ("on 2023-09-26", WEDNESDAY, ("2023-09-26", None, None)),
    ("September 26-27", WEDNESDAY, (None, "2023-09-26", "2023-09-27")),
    ("12-14 June 2022", WEDNESDAY, (None, "2022-06-12", "2022-06-14")),
    # months
    ("in January", WEDNESDAY, ("2023-01", None, None)),
    ("in November", WEDNESDAY, ("2023-11", None, None)),
    ("in December", WEDNESDAY, ("2022-12", None, None)),
    ("in January 2022", WEDNESDAY, ("2022-01", None, None)),
    ("February 2022", WEDNESDAY, ("2022-02", None, None)),
    ("in late March 2020", WEDNESDAY, ("2020-03", None, None)),
    ("last September", WEDNESDAY, ("2022-09", None, None)),
    ("next March", WEDNESDAY, ("2024-03", None, None)),
    # years
    ("in 2012", WEDNESDAY, ("2012", None, None)),
    ("in 1991", WEDNESDAY, ("1991", None, None)),
    ("in 2024", WEDNESDAY, ("2024", None, None)),
    ("by 2024", WEDNESDAY, ("2024", None, None)),
    ("1987", WEDNESDAY, ("1987", None, None)),
    ("in 1878", WEDNESDAY, ("1878", None, None)),
    ("in mid-2021", WEDNESDAY, ("2021", None, None)),
    ("early 2022", WEDNESDAY, ("2022", None, None)),
    ("the end of 2021", WEDNESDAY, ("2021", None, None)),
    ("the summer of 2022", WEDNESDAY, ("2022", None, None)),
    ("in summer 2022", WEDNESDAY, ("2022", None, None)),
    # periods
    ("the early 2000s", WEDNESDAY, (None, "2000", "2003")),
    ("the 1990s", WEDNESDAY, (None, "1990", "1999")),
    ("the mid-1990s", WEDNESDAY, (None, "1994", "1996")),
    ("the late 1980s", WEDNESDAY, (None, "1987", "1989")),
    ("the '90s", WEDNESDAY, (None, "1990", "1999")),
    ("the 20th century", WEDNESDAY, (None, "1900", "1999")),
    ("2001-2005", WEDNESDAY, (None, "2001", "2005")),
    ("in 2012-13", WEDNESDAY, (None, "2012", "2013")),
    ("since 2014", WEDNESDAY, (None, "2014", None)),
    ("since the early 2000s", WEDNESDAY, (None, "2000", None)),
    ("from 2014 onwards", WEDNESDAY, (None, "2014", None)),
    ("from 2001 to 2005", WEDNESDAY, (None, "2001", "2005")),
    ("between 2001 and 2005", WEDNESDAY, (None, "2001", "2005")),
    ("from January to March 2022", WEDNESDAY, (None, "2022-01", "2022-03")),
    ("until 2005", WEDNESDAY, (None, None, "2005")),
    ("till 2005", WEDNESDAY, (None, None, "2005")),
    ("until the end of 2025", WEDNESDAY, (None, None, "2025")),
    ("before March 2022", WEDNESDAY, (None, None, "2022-02")),
    ("after 2014", WEDNESDAY, (None, "2015", None)),
    # relative to the document date
    ("last year", WEDNESDAY, ("2022", None, None)),
    ("this year", WEDNESDAY, ("2023", None, None)),
    ("next year", WEDNESDAY, ("2024", None, None)),
    ("earlier this year", WEDNESDAY, ("2023", None, None)),
    ("late last year", WEDNESDAY, ("2022", None, None)),
    ("last month", WEDNESDAY, ("2023-08", None, None)),
    ("next month", WEDNESDAY, ("2023-10", None, None)),
    ("last month", NEW_YEAR, ("2023-12", None, None)),
    ("last week", WEDNESDAY, ("2023-09", None, None)),
    ("last week", date(2023, 10, 4), ("2023-09", None, None)),  # Sept 25 - Oct 1
    ("last week", date(2023, 10, 11), ("2023-10", None, None)),  # Oct 2 - 8
    ("next week", WEDNESDAY, ("2023-10", None, None)),  # Oct 2 - 8
    ("yesterday", WEDNESDAY, ("2023-09-26", None, None)),
    ("today", WEDNESDAY, ("2023-09-27", None, None)),
    ("tomorrow", WEDNESDAY, ("2023-09-28", None, None)),
    ("last night", WEDNESDAY, ("2023-09-26", None, None)),
    ("two years ago", WEDNESDAY, ("2021", None, None)),
    ("three months ago", WEDNESDAY, ("2023-06", None, None)),
    ("10 days ago", WEDNESDAY, ("2023-09-17", None, None)),
    ("last summer", WEDNESDAY, ("2023", None, None)),
    ("last winter", WEDNESDAY, (None, "2022-12", "2023-02")),
    # weekdays: the past six days or the document's own day; "last" is a week back for that day
    ("on Tuesday", WEDNESDAY, ("2023-09-26", None, None)),
    ("Thursday", WEDNESDAY, ("2023-09-21", None, None)),
    ("last Friday", WEDNESDAY, ("2023-09-22", None, None)),
    ("on Wednesday", WEDNESDAY, ("2023-09-27", None, None)),
    ("on Monday", MONDAY, ("2023-09-25", None, None)),
    ("last Monday", MONDAY, ("2023-09-18", None, None)),
    ("on Tuesday night", WEDNESDAY, ("2023-09-26", None, None)),
    ("next Tuesday", WEDNESDAY, ("2023-10-03", None, None)),
    ("this Friday", WEDNESDAY, ("2023-09-29", None, None)),
]


@pytest.mark.parametrize(("phrase", "document_date", "expected"), NORMALISED)
def test_normalize_time_keeps_precision(phrase, document_date, expected):
    span = normalize_time(phrase, document_date)
    assert span == TimeSpan(phrase, *expected)


NOT_A_TIME = [
    "weeks after the September 11 attacks",
    "47 years after it joined",
    "within six months",
    "for two years",
    "the following year",
    "in the past year",
    "80,000",
    "10.2mn",
    "K2",
    "C5+1",
    "$2012",
    "2000 troops",
    "some 2000 soldiers",
    "Resolution 2012",
    "Theresa May",
    "Russia Today",
    "the 2000s troops",  # not one expression
    "",
]


@pytest.mark.parametrize("phrase", NOT_A_TIME)
def test_normalize_time_returns_none_for_non_times(phrase):
    assert normalize_time(phrase, WEDNESDAY) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "last year",
        "on Tuesday",
        "yesterday",
        "in January",
        "on September 26",
        "last week",
        "two years ago",
        "last summer",
    ],
)
def test_relative_expressions_need_a_document_date(phrase):
    assert normalize_time(phrase, None) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in 2012", ("2012", None, None)),
        ("September 26, 2023", ("2023-09-26", None, None)),
        ("the early 2000s", (None, "2000", "2003")),
        ("since 2014", (None, "2014", None)),
    ],
)
def test_absolute_expressions_work_without_a_document_date(phrase, expected):
    assert normalize_time(phrase, None) == TimeSpan(phrase, *expected)


def test_future_window_is_a_keyword_argument():
    assert normalize_time("November 30", WEDNESDAY, future_window_days=90) == TimeSpan(
        "November 30", point="2023-11-30"
    )


def test_find_time_expressions_gives_offsets_in_text_order():
    text = (
        "However, Tashkent pulled out of the bloc in 2012, 47 years after it joined, "
        "and on Tuesday, September 26, Kurbanov met Austin in Washington."
    )
    found = find_time_expressions(text, WEDNESDAY)
    assert found == [
        (41, 48, TimeSpan("in 2012", point="2012")),
        (80, 104, TimeSpan("on Tuesday, September 26", point="2023-09-26")),
    ]
    assert [text[start:end] for start, end, _ in found] == ["in 2012", "on Tuesday, September 26"]


def test_find_time_expressions_longest_match_wins_and_ranges_join():
    text = "Between 1992 and 1999 it was a member; the 1987 agreement was signed on 8 December 1987."
    assert find_time_expressions(text, WEDNESDAY) == [
        (0, 21, TimeSpan("Between 1992 and 1999", start="1992", end="1999")),
        (43, 47, TimeSpan("1987", point="1987")),
        (69, 87, TimeSpan("on 8 December 1987", point="1987-12-08")),
    ]


def test_find_time_expressions_skips_numbers_durations_and_event_names():
    text = (
        "Weeks after the September 11 attacks, some 2000 soldiers and 10.2mn tonnes "
        "reached K2 within six months, worth $2012 under the C5+1 format."
    )
    assert find_time_expressions(text, WEDNESDAY) == []


def test_find_time_expressions_without_document_date_keeps_absolute_times():
    text = "Last week officials recalled that the treaty has been in force since 1991."
    assert find_time_expressions(text, None) == [
        (63, 73, TimeSpan("since 1991", start="1991")),
    ]
    last_week = (0, 9, TimeSpan("Last week", point="2023-09"))
    assert find_time_expressions(text, WEDNESDAY)[0] == last_week


def _gated_matches(text: str) -> list[tuple[str, str]]:
    """(gate, matched text) of every pattern match in ``text`` whose gate is closed."""
    from kg.extraction.time import _PATTERNS, _open_gates

    opened = _open_gates(text)
    return [(gate, m.group(0)) for pattern, _, gate in _PATTERNS if gate not in opened for m in pattern.finditer(text)]


@pytest.mark.parametrize(("phrase", "document_date", "expected"), NORMALISED)
def test_every_time_pattern_match_holds_its_gate(phrase, document_date, expected):
    # a pattern only runs where its gate word is found: a match without it would be lost
    sentence = f"Officials said {phrase}, the ministry reported."
    assert _gated_matches(sentence) == []
    assert _gated_matches(sentence.upper()) == []
    assert _gated_matches(phrase) == []


def test_a_sentence_without_time_words_opens_no_gate():
    from kg.extraction.time import _open_gates

    assert _open_gates("Officials of both countries met the delegation and agreed on a plan.") == set()
    assert _open_gates("They met in March, three days ago.") == {"month", "month_full", "unit", "season_or_unit", "ago"}
