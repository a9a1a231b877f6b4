"""Find and normalise time expressions in English news sentences.

Values keep the precision of the words: "in 2012" is ``"2012"``, "last month"
is ``"2023-08"``, "on Tuesday" is ``"2023-09-26"``. Relative expressions are
resolved against the document date, and are not resolved at all without one.

Conventions
-----------
- A month or month-day without a year takes the latest year that does not put
  it more than ``future_window_days`` after the document date.
- A bare weekday ("on Monday") is the most recent such day up to the
  document date: wire stories are dated the day they report, so a story dated
  on a Monday that says "on Monday" means that day. "last Monday" is one to
  seven days back; "next Monday" is the first one after the document date; "this Monday"
  the one in the document's week (Monday to Sunday).
- A week cannot be written as YYYY, YYYY-MM or YYYY-MM-DD, so "last week" is
  the month of that week's Wednesday.
- Seasons and early/mid/late qualifiers keep the year ("the summer of 2022",
  "mid-2021" -> ``"2022"``, ``"2021"``); decades and centuries become periods
  ("the early 2000s" -> 2000 to 2003, "the late 1980s" -> 1987 to 1989).
- Durations ("within six months"), anaphoric times ("two years later", "the
  following year") and event names ("the September 11 attacks") are
  recognised so that no part of them is misread, but they have no value.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.records import TimeSpan

__all__ = ["DEFAULT_COUNT_NOUNS", "find_time_expressions", "normalize_time"]

logger = logging.getLogger(__name__)

#: Words after a four-digit number that make it a quantity, not a year.
DEFAULT_COUNT_NOUNS = (
    "people",
    "persons",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "refugees",
    "civilians",
    "residents",
    "workers",
    "jobs",
    "votes",
    "deaths",
    "casualties",
    "cases",
    "units",
    "vehicles",
    "tanks",
    "missiles",
    "drones",
    "rockets",
    "shells",
    "aircraft",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "hectares",
    "tonnes",
    "tons",
    "barrels",
    "dollars",
    "euros",
    "pounds",
    "yuan",
    "roubles",
    "rubles",
    "%",
    "percent",
    "per cent",
    "bn",
    "mn",
    "billion",
    "million",
    "times",
    "hours",
    "minutes",
    "mw",
    "mb",
    "gb",
)

_Values = tuple[str | None, str | None, str | None]  # point, start, end
_UNRESOLVED: _Values = (None, None, None)

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {
    w: n
    for n, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
_NUMBERS.update(a=1, an=1, fifteen=15, twenty=20, thirty=30, forty=40, fifty=50)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
)
_MONTH_ANY = (
    r"(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY, _DAY2 = (
    rf"(?<![\d$£€.,]){article}(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    for name, article in (("day", r"(?:the\s+)?"), ("day2", ""))
)
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?![\d%])"
_NUM = (
    r"(?:\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty))"
)
_PREP = r"(?:(?P<prep>(?i:in|on|during|by|at|as of)(?:\s+(?i:the\s+year))?)\s+)?"
_QUAL = (
    r"(?:(?P<qual>(?i:early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|"
    r"first\s+half|second\s+half)\s+of(?:\s+the)?))(?:-|\s+))?"
)
_ON_WEEKDAY = rf"(?:{_WEEKDAY},?\s+)?"
_RANGE_DASH = r"\s*(?:-|–|—|to)\s*"


@dataclass(frozen=True)
class _Context:
    text: str
    document_date: date | None
    future_window_days: int
    count_nouns: tuple[str, ...]


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    values: _Values

    @property
    def begin(self) -> str | None:
        return self.values[0] or self.values[1]

    @property
    def finish(self) -> str | None:
        return self.values[0] or self.values[2]


# --- calendar helpers ---------------------------------------------------------------


def _month_number(name: str) -> int:
    return _MONTHS.index(name.rstrip(".").lower()[:3]) + 1


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week_month(day: date) -> str:
    """The month of the Wednesday of the Monday-to-Sunday week holding ``day``."""
    wednesday = day - timedelta(days=day.weekday()) + timedelta(days=2)
    return _ym(wednesday.year, wednesday.month)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ctx: _Context) -> int | None:
    """The latest year that puts month/day at most the future window after the document."""
    assert ctx.document_date is not None
    latest = ctx.document_date + timedelta(days=ctx.future_window_days)
    for year in (latest.year, latest.year - 1, latest.year - 2):
        candidate = _valid_date(year, month, day)
        if candidate is not None and candidate <= latest:
            return year
    return None


def _shift(value: str, step: int) -> str:
    """Move an ISO value one unit of its own precision forward or back."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + step:04d}"
    if len(parts) == 2:
        return _ym(*_add_months(parts[0], parts[1], step))
    return (date(*parts) + timedelta(days=step)).isoformat()


#: Years of a decade (length 10) or century (100) that its parts cover.
_PARTS = {
    10: {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "": (0, 9)},
    100: {"early": (0, 32), "mid": (33, 65), "late": (66, 99), "": (0, 99)},
}
_PART_WORDS = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "first": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "second": "late",
}


def _qualified_range(first: int, length: int, qualifier: str | None) -> tuple[int, int]:
    """The years of a decade or century, narrowed to its early, middle or late part."""
    words = (qualifier or "").lower().replace("the ", "").split()
    part = _PART_WORDS.get(words[0], "") if words else ""
    low, high = _PARTS[length][part]
    return first + low, first + high


# --- handlers: one per pattern; they return (point, start, end), _UNRESOLVED or None --


def _day_values(m: re.Match[str], ctx: _Context, day_group: str = "day") -> _Values | None:
    month, day = _month_number(m["month"]), int(m[day_group])
    if m["year"]:
        year = int(m["year"])
    elif ctx.document_date is None:
        return _UNRESOLVED
    else:
        year = _infer_year(month, day, ctx)
    found = _valid_date(year, month, day) if year else None
    return None if found is None else (found.isoformat(), None, None)


def _day_range_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    first, last = _day_values(m, ctx, "day"), _day_values(m, ctx, "day2")
    if not first or not last or first == _UNRESOLVED or first[0] >= last[0]:
        return first
    return (None, first[0], last[0])


def _iso_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    found = _valid_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return None if found is None else (found.isoformat(), None, None)


def _month_year_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    return (_ym(int(m["year"]), _month_number(m["month"])), None, None)


def _month_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    if not (m["prep"] or m["qual"] or m["rel"]) and not re.search(
        r"\b(?i:since|until|till|through|before|after|from|between|and|to|or)\s+$",
        ctx.text[: m.start()],
    ):
        return None  # a bare capitalised month name may be a person ("Theresa May")
    if ctx.document_date is None:
        return _UNRESOLVED
    month, doc = _month_number(m["month"]), ctx.document_date
    rel = (m["rel"] or "").lower()
    if rel == "last":
        year = doc.year if month < doc.month else doc.year - 1
    elif rel == "next":
        year = doc.year if month > doc.month else doc.year + 1
    elif rel == "this":
        year = doc.year
    else:
        year = _infer_year(month, 1, ctx)
    return (_ym(year, month), None, None)


@lru_cache(maxsize=8)
def _count_noun_pattern(count_nouns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\s*(?i:" + "|".join(re.escape(n) for n in count_nouns) + r")(?!\w)")


def _year_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    # the words just before the year: the checks below look no further back
    before, after = ctx.text[max(0, m.start("year") - 48) : m.start("year")], ctx.text[m.end() :]
    if re.match(r"[.,]\d|-\d|\w", after):
        return None  # "2012.5", "2012-13" (a range), "2012bn"
    if not (m["prep"] or m["qual"]):
        if re.search(r"[\w$£€¥#./\-]$", before):
            return None
        if re.search(
            r"\b(?i:no\.?|nos\.|number|resolution|article|flight|chapter|section"
            r"|paragraph|page|route|model|room|code)\s*$",
            before,
        ):
            return None
        if _count_noun_pattern(tuple(ctx.count_nouns)).match(after):
            return None
        if re.search(
            r"\b(?i:about|around|some|nearly|almost|over|more than|fewer than|less"
            r" than|up to|at least|approximately|roughly|estimated|another)\s+$",
            before,
        ) and re.match(r"\s+[a-z]+s\b", after):
            return None
    return (m["year"], None, None)


def _year_range_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    first, second = int(m["year"]), m["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return (None, str(first), str(last)) if first < last <= 2099 else None


def _decade_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    if m["decade"]:
        first = int(m["decade"])
    else:
        short = int(m["short"])
        first = 2000 + short if short <= 10 else 1900 + short
    start, end = _qualified_range(first, 10, m["qual"])
    return (None, str(start), str(end))


def _century_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    number = int(m["number"])
    if not 15 <= number <= 21:
        return None
    start, end = _qualified_range((number - 1) * 100, 100, m["qual"])
    return (None, f"{start:04d}", f"{end:04d}")


def _season_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    if m.groupdict().get("year"):
        return (m["year"], None, None)
    if ctx.document_date is None:
        return _UNRESOLVED
    doc, rel = ctx.document_date, m["rel"].lower()
    first, last = _SEASONS[m["season"].lower()]
    # (year the season starts in, first day after it), around the document date
    spans = [(y, date(*_add_months(y, last, 1), 1)) for y in range(doc.year - 2, doc.year + 2)]
    if rel == "last":
        year = max(y for y, over in spans if over <= doc)
    elif rel == "next":
        year = min(y for y, _ in spans if date(y, first, 1) > doc)
    else:
        year = next((y for y, over in spans if date(y, first, 1) <= doc < over), doc.year)
    if last > 12:
        return (None, _ym(year, first), _ym(*_add_months(year, last, 0)))
    return (str(year), None, None)


def _relative_unit_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    if ctx.document_date is None:
        return _UNRESOLVED
    doc, unit = ctx.document_date, m["unit"].lower()
    step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    if unit == "year":
        return (str(doc.year + step), None, None)
    if unit == "month":
        return (_ym(*_add_months(doc.year, doc.month, step)), None, None)
    return (_week_month(doc + timedelta(weeks=step)), None, None)


def _ago_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    if ctx.document_date is None:
        return _UNRESOLVED
    doc, unit = ctx.document_date, m["unit"].lower().rstrip("s")
    count = int(m["num"]) if m["num"].isdigit() else _NUMBERS[m["num"].lower()]
    if unit == "day":
        return ((doc - timedelta(days=count)).isoformat(), None, None)
    if unit == "week":
        return (_week_month(doc - timedelta(weeks=count)), None, None)
    if unit == "month":
        return (_ym(*_add_months(doc.year, doc.month, -count)), None, None)
    return (str(doc.year - count * (10 if unit == "decade" else 1)), None, None)


def _days_from_report_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    """ "arrested on Tuesday, a day after he took on the army": the earlier event, counted from the report.

    The event a news report leads with happens on its date or the day before,
    so the one "a day after" it follows is counted back from the document date.
    """
    if ctx.document_date is None:
        return _UNRESOLVED
    count = (
        1
        if m["num"].lower() in {"a", "an", "one"}
        else (int(m["num"]) if m["num"].isdigit() else _NUMBERS[m["num"].lower()])
    )
    step = -count if m["dir"].lower() == "after" else count
    return ((ctx.document_date + timedelta(days=step)).isoformat(), None, None)


def _day_word_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    word = " ".join(m["word"].lower().split())
    if m["word"] == "Today" and re.search(r"[A-Z]\w*\s+$", ctx.text[: m.start()]):
        return None  # "Russia Today", "USA Today"
    if ctx.document_date is None:
        return _UNRESOLVED
    offset = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }.get(word, 0)
    return ((ctx.document_date + timedelta(days=offset)).isoformat(), None, None)


def _weekday_values(m: re.Match[str], ctx: _Context) -> _Values | None:
    if ctx.document_date is None:
        return _UNRESOLVED
    doc, weekday = ctx.document_date, _WEEKDAYS.index(m["weekday"].lower())
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("next", "coming", "this coming"):
        found = doc + timedelta(days=(weekday - doc.weekday()) % 7 or 7)
    elif rel == "this":
        found = doc + timedelta(days=weekday - doc.weekday())
    elif rel == "last":
        found = doc - timedelta(days=(doc.weekday() - weekday) % 7 or 7)
    else:
        found = doc - timedelta(days=(doc.weekday() - weekday) % 7)
    return (found.isoformat(), None, None)


def _unresolved(m: re.Match[str], ctx: _Context) -> _Values | None:
    return _UNRESOLVED


_Handler = Callable[[re.Match[str], _Context], _Values | None]

# A pattern runs only on sentences where its gate, a word every match of it
# contains, is found: most sentences hold no time words, and the patterns'
# optional openings ("in", "the", "early") make a full scan slow.
_CASED_GATES = {
    name: re.compile(gate)
    for name, gate in (
        ("year", r"(?:1[89]|20)\d\d"),  # what _YEAR needs: most numbers in news are no years
        ("decade", r"\d0s"),
        ("century", r"(?i:century)"),
        ("month", _MONTH_ANY),
        ("month_full", _MONTH_FULL),
        ("weekday", _WEEKDAY),
    )
}
_UNITS = ("day", "week", "month", "year", "decade", "centur")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
_WORD_GATES = {
    "season": frozenset(_SEASON_WORDS),
    "unit": frozenset(_UNITS),
    "season_or_unit": frozenset(_UNITS + _SEASON_WORDS),
    "ago": frozenset({"ago"}),
    "day_word": frozenset({"yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening"}),
}
# the words of the case-blind gates, found in one pass over the lower-cased text
_GATE_WORDS = re.compile("|".join(sorted(set().union(*_WORD_GATES.values()), key=len, reverse=True)))


def _open_gates(text: str) -> set[str]:
    """The gates found in ``text``: which patterns can match it."""
    words = set(_GATE_WORDS.findall(text.lower()))
    opened = {name for name, gate in _CASED_GATES.items() if gate.search(text)}
    return opened | {name for name, members in _WORD_GATES.items() if not words.isdisjoint(members)}


_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, str], ...] = tuple(
    (re.compile(pattern), handler, gate)
    for pattern, handler, gate in [
        (rf"(?<![\d-])(?:(?i:on)\s+)?{_YEAR}-(?P<month>0[1-9]|1[0-2])-(?P<day>\d\d)(?![\d-])", _iso_values, "year"),
        (rf"\b{_PREP}{_ON_WEEKDAY}(?P<month>{_MONTH_ANY})\s*{_DAY}(?:,?\s+{_YEAR})?", _day_values, "month"),
        (
            rf"\b{_PREP}{_ON_WEEKDAY}{_DAY}\s+(?:(?i:of)\s+)?(?P<month>{_MONTH_ANY})"
            rf"(?:,?\s+{_YEAR})?",
            _day_values,
            "month",
        ),
        (
            rf"\b{_PREP}(?P<month>{_MONTH_ANY})\s*{_DAY}{_RANGE_DASH}{_DAY2}(?:,?\s+{_YEAR})?",
            _day_range_values,
            "month",
        ),
        (
            rf"\b{_PREP}{_DAY}{_RANGE_DASH}{_DAY2}\s+(?P<month>{_MONTH_ANY})(?:,?\s+{_YEAR})?",
            _day_range_values,
            "month",
        ),
        (rf"\b{_PREP}{_QUAL}(?P<month>{_MONTH_ANY}),?\s+(?:(?i:of)\s+)?{_YEAR}", _month_year_values, "month"),
        (rf"\b{_PREP}{_QUAL}(?:(?P<rel>(?i:last|this|next))\s+)?(?P<month>{_MONTH_FULL})", _month_values, "month_full"),
        (rf"\b{_PREP}{_QUAL}{_YEAR}", _year_values, "year"),
        (
            rf"\b{_PREP}(?<![\w$£€.,/-]){_YEAR}\s*(?:-|–|—|/)\s*(?P<year2>\d{{4}}|\d\d)"
            r"(?![\w%-])",
            _year_range_values,
            "year",
        ),
        (
            rf"\b{_PREP}(?:(?i:the)\s+)?{_QUAL}(?:(?P<decade>(?:1[89]|20)\d0)s"
            r"|['’](?P<short>\d0)s)\b",
            _decade_values,
            "decade",
        ),
        (
            rf"\b{_PREP}(?:(?i:the)\s+)?{_QUAL}(?P<number>\d\d?)(?:st|nd|rd|th)[-\s]"
            r"(?i:century)\b",
            _century_values,
            "century",
        ),
        (
            rf"\b{_PREP}(?:(?i:the)\s+)?(?i:(?:early|late|mid-?)\s*)?(?P<season>(?i:spring|summer"
            rf"|autumn|fall|winter))\s+(?:(?i:of)\s+)?{_YEAR}",
            _season_values,
            "year",
        ),
        (
            r"\b(?:(?i:in|during|by|over)\s+)?(?:(?i:the)\s+)?(?P<rel>(?i:last|this|next))\s+"
            r"(?P<season>(?i:spring|summer|autumn|fall|winter))\b",
            _season_values,
            "season",
        ),
        (
            rf"\b{_PREP}(?:(?i:earlier|later)\s+)?{_QUAL}(?P<rel>(?i:last|this|next))\s+"
            r"(?P<unit>(?i:year|month|week))\b",
            _relative_unit_values,
            "unit",
        ),
        (
            rf"\b(?P<num>{_NUM}|(?i:a|an))\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))"
            r"\s+(?i:ago)\b",
            _ago_values,
            "ago",
        ),
        (
            r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
            r"|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon"
            r"|evening)))\b(?:\s+(?i:morning|afternoon|evening|night)\b)?",
            _day_word_values,
            "day_word",
        ),
        (
            rf"\b(?:(?P<rel>(?i:on|last|this\s+past|this\s+coming|this|next|coming))\s+)?"
            rf"(?P<weekday>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night)\b)?",
            _weekday_values,
            "weekday",
        ),
        (
            rf"\b(?P<num>{_NUM}|(?i:a|an|one))\s+(?P<unit>(?i:days?))\s+(?P<dir>(?i:after|before))\b",
            _days_from_report_values,
            "unit",
        ),
        # Durations, anaphoric times and event names: recognised, never resolved.
        (
            rf"\b(?:(?i:within|for|over|in|during|after|about|around|nearly|almost)\s+)?"
            r"(?:(?i:the)\s+)?(?:(?i:past|last|next|coming|first|previous|following|final)\s+)?"
            rf"(?:{_NUM}|(?i:a\s+few|several|many|some|a\s+couple\s+of|a|an))\s+(?i:days?|weeks?"
            r"|months?|years?|decades?|centuries)(?:\s+(?i:after|before|later|earlier|since"
            r"|from\s+now))?\b",
            _unresolved,
            "unit",
        ),
        (
            r"\b(?i:the\s+(?:previous|following|same|next|preceding|prior|past|last|coming)"
            r"|that)\s+(?i:day|week"
            r"|month|year|decade|spring|summer|autumn|fall|winter)\b",
            _unresolved,
            "season_or_unit",
        ),
        (
            rf"\b(?:(?i:the)\s+)?{_MONTH_FULL}\s*{_DAY}\s+(?i:attacks?|bombings?|massacre"
            r"|uprising|revolution|coup|incident|movement)\b",
            _unresolved,
            "month_full",
        ),
    ]
)


# --- scanning -------------------------------------------------------------------------


def _scan(text: str, ctx: _Context) -> list[_Found]:
    """Every pattern's matches, then the longest non-overlapping ones, in text order."""
    candidates = []
    gates = _open_gates(text)
    for pattern, handler, gate in _PATTERNS:
        if gate not in gates:
            continue
        for m in pattern.finditer(text):
            values = handler(m, ctx)
            if values is not None:
                candidates.append(_Found(m.start(), m.end(), tuple(values)))
    chosen: list[_Found] = []
    for found in sorted(candidates, key=lambda f: (f.start - f.end, f.start)):
        if all(found.end <= c.start or found.start >= c.end for c in chosen):
            chosen.append(found)
    return _combine(sorted(chosen, key=lambda f: f.start), text)


def _combine(found: list[_Found], text: str) -> list[_Found]:
    """Join expressions with "since", "until", "from ... to", "between ... and" and so on."""
    combined: list[_Found] = []
    i = 0
    while i < len(found):
        a, after_a = found[i], text[found[i].end :]
        previous_end = combined[-1].end if combined else 0
        opener = re.search(
            r"\b(?P<word>(?i:since|until|till|through|before|after|from|"
            r"between))\s+$",
            text[previous_end : a.start],
        )
        word = opener["word"].lower() if opener else ""
        start = previous_end + opener.start() if opener else a.start
        b = found[i + 1] if i + 1 < len(found) else None
        link = b and re.fullmatch(r"\s*(?P<link>(?i:to|until|till|through|and)|[-–—])\s*", text[a.end : b.start])
        onwards = re.match(r"\s+(?i:onwards?)\b|\s+(?i:on)(?=\s*[,.;)]|\s*$)", after_a)
        if (
            b
            and link
            and word in ("from", "between")
            and a.begin
            and b.finish
            and (link["link"].lower() == "and") == (word == "between")
        ):
            first = a.begin
            if len(first) > 4 and not re.search(r"\d{4}", text[a.start : a.end]):
                first = b.finish[:4] + first[4:]  # "from January to March 2022"
                if first > b.finish:
                    first = _shift(first[:4], -1) + first[4:]
            a = _Found(start, b.end, (None, first, b.finish))
            i += 1
        elif a.begin and (word == "since" or (onwards and word in ("from", ""))):
            end = a.end + (onwards.end() if onwards else 0)
            a = _Found(start if word else a.start, end, (None, a.begin, None))
        elif a.finish and word in ("until", "till", "through"):
            a = _Found(start, a.end, (None, None, a.finish))
        elif a.begin and a.finish and word == "before":
            a = _Found(start, a.end, (None, None, _shift(a.begin, -1)))
        elif a.begin and a.finish and word == "after":
            a = _Found(start, a.end, (None, _shift(a.finish, 1), None))
        combined.append(a)
        i += 1
    return combined


def find_time_expressions(
    text: str,
    document_date: date | None,
    *,
    future_window_days: int = 61,
    count_nouns: tuple[str, ...] = DEFAULT_COUNT_NOUNS,
) -> list[tuple[int, int, TimeSpan]]:
    """Find the time expressions in a sentence and normalise each.

    Parameters
    ----------
    text : str
        A sentence or short passage.
    document_date : datetime.date or None
        The date relative expressions ("last week", "on Tuesday") are resolved
        against. Without it only absolute expressions ("in 2012") are returned.
    future_window_days : int, optional
        How far after the document date a month or month-day without a year
        may lie before the previous year is taken instead.
    count_nouns : tuple of str, optional
        Words that make a preceding four-digit number a quantity ("2000 troops").

    Returns
    -------
    list of (int, int, TimeSpan)
        Character start, end (exclusive) and the normalised time, sorted by
        start and not overlapping. Expressions without a value (durations,
        anaphoric times, event names) are left out.

    Examples
    --------
    >>> from datetime import date
    >>> find_time_expressions("Tashkent pulled out in 2012.", date(2023, 9, 27))
    [(20, 27, TimeSpan(text='in 2012', point='2012', start=None, end=None))]
    >>> [t.point for _, _, t in find_time_expressions("They met on Tuesday.", date(2023, 9, 27))]
    ['2023-09-26']
    """
    ctx = _Context(text, document_date, future_window_days, tuple(count_nouns))
    results = []
    for found in _scan(text, ctx):
        if any(found.values):
            span = TimeSpan(text[found.start : found.end], *found.values)
            results.append((found.start, found.end, span))
        else:
            logger.debug("time expression %r has no value", text[found.start : found.end])
    return results


def normalize_time(
    text: str,
    document_date: date | None,
    *,
    future_window_days: int = 61,
    count_nouns: tuple[str, ...] = DEFAULT_COUNT_NOUNS,
) -> TimeSpan | None:
    """Normalise one time expression: the whole of ``text``.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"the early 2000s"``; surrounding spaces are ignored.
    document_date : datetime.date or None
        The date relative expressions are resolved against.
    future_window_days, count_nouns
        As in :func:`find_time_expressions`.

    Returns
    -------
    TimeSpan or None
        None when ``text`` is not one time expression or cannot be placed in
        time on its own ("within six months", "47 years after it joined").

    Examples
    --------
    >>> from datetime import date
    >>> normalize_time("the early 2000s", None)
    TimeSpan(text='the early 2000s', point=None, start='2000', end='2003')
    >>> normalize_time("last week", date(2023, 9, 27)).point
    '2023-09'
    >>> normalize_time("within six months", date(2023, 9, 27)) is None
    True
    """
    stripped = text.strip()
    ctx = _Context(stripped, document_date, future_window_days, tuple(count_nouns))
    found = _scan(stripped, ctx)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(stripped)):
        return None
    return TimeSpan(stripped, *found[0].values) if any(found[0].values) else None
