"""English time words and patterns (same group names as :mod:`transcheck.lang.times_ja`).

A bare four-digit number is a year only after a word that introduces a time (in 2026,
by 2026, since 1998) or with a part of it (Q2 2026, early 2026): "2026 GPUs" is no date.
Month names must be capitalised, so the verb "may" is not May.
"""

from __future__ import annotations

from ..facts.time_parsers import (
    TimePattern,
    bare_year_word,
    century,
    day_of_month,
    decade,
    decade_word,
    iso_week,
    now,
    offset,
    period,
    plain_length,
    relative_day,
    relative_month,
    relative_quarter,
    relative_week,
    shifted_weekday,
    weekday,
    weekday_and_day,
)
from .patterns import alternation

RELATIVE_YEARS: dict[str, int] = {
    "this year": 0, "next year": 1, "last year": -1, "previous year": -1,
    "this calendar year": 0, "the current year": 0, "the coming year": 1,
}
RELATIVE_MONTHS: dict[str, int] = {
    "this month": 0, "next month": 1, "last month": -1, "previous month": -1,
    "the current month": 0, "the coming month": 1,
}
RELATIVE_WEEKS: dict[str, int] = {
    "this week": 0, "next week": 1, "last week": -1, "previous week": -1,
    "the current week": 0, "the coming week": 1, "the week after next": 2,
    "the week before last": -2,
}
# next Tuesday, last Wednesday: the weekday in the week after or before the article's
WEEKDAY_SHIFTS: dict[str, int] = {"this": 0, "next": 1, "last": -1, "coming": 1,
                                  "previous": -1}
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1,
    "the day after tomorrow": 2, "the day before yesterday": -2,
}
YEAR_PARTS: dict[str, str] = {
    "early": "start", "late": "end", "mid": "mid", "end of": "end", "the end of": "end",
    "start of": "start", "the start of": "start", "beginning of": "start",
    "the beginning of": "start", "the middle of": "mid", "middle of": "mid",
}
HALVES: dict[str, str] = {
    "H1": "H1", "H2": "H2", "first half of": "H1", "the first half of": "H1",
    "second half of": "H2", "the second half of": "H2",
}
QUARTERS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
MONTH_PARTS: dict[str, str] = {
    "early": "early", "mid": "mid", "late": "late", "the end of": "end", "end of": "end",
    "the beginning of": "start", "beginning of": "start", "the start of": "start",
}
# "the year" in these is the article's own year: by the end of the year = by the end of 2026
BARE_YEAR_WORDS: dict[str, tuple[str | None, str | None]] = {
    "the end of the year": ("end", None), "the start of the year": ("start", None),
    "the beginning of the year": ("start", None), "the middle of the year": ("mid", None),
    "the first half of the year": ("H1", None), "the second half of the year": ("H2", None),
    "year-end": ("end", None),
    **{f"the {nth} quarter of the year": (f"Q{q}", None)
       for nth, q in (("first", 1), ("second", 2), ("third", 3), ("fourth", 4))},
}
BARE_MONTH_WORDS: dict[str, str] = {}

MONTH_NAMES: dict[str, int] = {
    name: i + 1
    for i, names in enumerate([
        ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
        ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
        ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
        ("December", "Dec"),
    ])
    for name in names
}
# Written in lower case too, but for the ones that are also everyday words (may, march,
# mar): "in april", "14 nov 2023"
MONTH_NAMES |= {name.lower(): i for name, i in MONTH_NAMES.items()
                if name not in ("May", "March", "Mar")}
WEEKDAYS: dict[str, int] = {
    d: i for i, d in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}
WEEKDAYS |= {d.lower(): i for d, i in WEEKDAYS.items()}
# Three-letter weekdays, read only beside a day of the month (Sat 14th): "Sun" and "Wed"
# alone are a newspaper and a verb.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    d: i for i, names in enumerate((("Mon",), ("Tue", "Tues"), ("Wed",), ("Thu", "Thur", "Thurs"),
                                    ("Fri",), ("Sat",), ("Sun",)))
    for d in names
}
WEEKDAY_ABBREVIATIONS |= {d.lower(): i for d, i in WEEKDAY_ABBREVIATIONS.items()}
ERAS: tuple[str, ...] = ()
# Days of the month in words: the second of August, May twenty-ninth, April the ninth.
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth")
DAY_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: i + 10 for i, w in enumerate(
        ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth"))},
    "thirtieth": 30,
    **{f"{tens}{sep}{w}": base + i % 9 + 1
       for tens, base in (("twenty", 20), ("thirty", 30))
       for sep in (" ", "-")
       for i, w in enumerate(_ORDINAL_UNITS + _UNITS_WORDS)
       if base + i % 9 + 1 <= 31},
}
# The decades in words: the nineties (the century is the article's, or the last one).
DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
# last quarter, the next quarter: counted from the article's quarter
RELATIVE_QUARTERS: dict[str, int] = {
    "this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1,
}
# the last week of July, the first week of 2027
WEEK_POSITIONS: dict[str, str] = {"first": "first", "last": "last", "final": "last"}

DURATION_UNITS: dict[str, str] = {
    "year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W",
    "day": "D", "days": "D", "hour": "H", "hours": "H", "minute": "MIN", "minutes": "MIN",
    "second": "S", "seconds": "S", "decade": "DEC", "decades": "DEC", "century": "C",
    "centuries": "C", "yr": "Y", "yrs": "Y", "hr": "H", "hrs": "H", "min": "MIN",
    "mins": "MIN", "sec": "S", "secs": "S", "h": "H",
    # a stay counted in nights (a 2-night trip) lasts that many days
    "night": "D", "nights": "D",
}
VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "several": (3, 7), "a few": (2, 4), "a couple of": (2, 2), "few": (2, 4),
    "many": (5, 20), "dozens of": (24, 99), "decades": (20, 90),
}
AHEAD_WORDS: dict[str, int] = {
    "over the next": 1, "in the next": 1, "the next": 1, "within the next": 1,
    "over the past": -1, "in the past": -1, "the past": -1, "over the last": -1,
    "in the last": -1, "the last": -1,
}
OFFSET_SIGNS: dict[str, int] = {"ago": -1, "later": 1, "from now": 1}

PREFIX_QUALIFIERS: dict[str, str] = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "nearly": "approx", "almost": "approx", "more than": "more-than", "over": "more-than",
    "less than": "less-than", "under": "less-than", "at least": "at-least",
    "up to": "up-to", "at most": "at-most",
}
SUFFIX_QUALIFIERS: dict[str, str] = {"or more": "at-least", "or so": "approx"}
DIRECTIONS: dict[str, str] = {
    "onward": "from", "onwards": "from", "or later": "from", "or after": "from",
    "and after": "from", "and later": "from", "and beyond": "from", "or earlier": "by",
    "or before": "by",
}
PREFIX_DIRECTIONS: dict[str, str] = {
    "by": "by", "before": "by", "from": "from", "since": "from", "starting in": "from",
    "starting": "from", "after": "from", "until": "until", "till": "until", "through": "until",
    "later than": "from", "no later than": "by", "not later than": "by", "earlier than": "by",
    "beginning": "from", "starting from": "from", "beginning in": "from", "as late as": "by",
    "to": "until",
    "within": "within", "in": "", "during": "", "of": "", "for": "", "around": "",
    "between": "",
    "throughout": "over",
}
NUMBER_WORDS: dict[str, int] = {
    w: i for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"])
} | {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}


_alt = alternation


def _ialt(words: object) -> str:
    """Like ``_alt``, also with a capital first letter ("This year" opens a sentence).

    Only the first letter is folded: a whole-word ``(?i:…)`` is several times slower."""
    out = []
    for w in sorted(words, key=len, reverse=True):  # type: ignore[call-overload]
        head = f"[{w[0].upper()}{w[0].lower()}]" if w[0].isalpha() else w[0]
        out.append(head + w[1:].replace(" ", r"\s+"))
    return "(?:" + "|".join(out) + ")"


_MONTHS = _alt(MONTH_NAMES)
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)(?!\d|%|,\d|\.\d|\s*(?:GPUs?|people|users|units|MW))"
# Every pattern starts at a word boundary, so the scan skips the inside of words.
_PREFIX = rf"\b(?:(?P<pdir>{_ialt(PREFIX_DIRECTIONS)})\s+)?"
_SUFFIX = (
    rf"(?:\s+(?P<qual>{_ialt(SUFFIX_QUALIFIERS)}))?(?:\s+(?P<dir>{_ialt(DIRECTIONS)})\b"
    r"(?!\s+(?:than\b|the\b|\d)))?\b"
)
_NUM = rf"(?:\d+(?:\.\d+)?|{_ialt(NUMBER_WORDS)})"
_RYEAR = rf"(?P<ryear>{_ialt(RELATIVE_YEARS)})"
_YEAR_OR_REL = rf"(?:{_YEAR}|{_RYEAR})"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])"
_DAYW = rf"(?P<dayw>{_ialt(DAY_WORDS)})"
# a weekday before a date says nothing more (Friday, March 15)
_ON_WEEKDAY = rf"(?:{_ialt(WEEKDAYS)},?\s+)?"
_ANY_WEEKDAY = rf"(?:{_ialt(WEEKDAYS)}|{_ialt(WEEKDAY_ABBREVIATIONS)}\.?)"
# not a number of a clock or an amount: 12:30 december 27th, $12 December 27
_NOT_AFTER = r"(?<![:$£€¥]\s?)(?<![0-9][.,:]?)"
_YEAR_AFTER = rf"(?:,?\s+(?:of\s+|in\s+)?{_YEAR})?"
# what may follow a day of the month that could also start a phrase (January first-time
# buyers, May second-quarter results, Friday 30 people): an end, a year, or a small word
_DAY_END = (r"(?=\s*(?:[,.;:!?)\]]|$)|\s+(?:\d{4}\b|(?:at|and|or|to|through|till|until|in|of"
            r"|on|this|next|is|was|will|when|for|with|from|the|between)\b)"
            r"|\s+(?:[01]?\d(?::\d\d)?\s*[ap]\.?\s?m\b|(?:one|two|three|four|five|six|seven|eight"
            r"|nine|ten|eleven|twelve)(?:\s+\w+)?\s+[ap]\.?\s?m\b))")

# Every English time expression holds one of these; the patterns only run near them.
TRIGGER = (
    r"\d|\b(?:[Yy]ears?|[Mm]onths?|[Ww]eeks?|[Dd]ays?|[Dd]ecades?|[Cc]entur|[Qq]uarter|[Hh]alf"
    r"|[Hh]ours?|[Mm]inutes?|[Ss]econds?|[Nn]ights?)|\b(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un"
    r"|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un)|\b(?:[Tt]oday|[Tt]onight|[Tt]omorrow|[Tt]mrw|[Yy]esterday)\b"
    r"|ties\b"
)

PATTERNS: list[TimePattern] = [
    # in 2026, by the end of 2026, early next year, the first half of 2026
    TimePattern(
        "year",
        rf"\b(?P<pdir>{_ialt(PREFIX_DIRECTIONS)})\s+(?:(?P<ypart>{_ialt(YEAR_PARTS)})[\s-]+"
        rf"|(?P<half>{_ialt(HALVES)})\s+|(?:the\s+)?(?P<quarter>{_ialt(QUARTERS)})\s+quarter\s+of\s+)?"
        rf"{_YEAR}\b{_SUFFIX}",
        period,
    ),
    TimePattern(
        "relative-year",
        rf"{_PREFIX}\b(?:(?P<ypart>{_ialt(YEAR_PARTS)})[\s-]+|(?P<half>{_ialt(HALVES)})\s+"
        rf"|(?:the\s+)?(?P<quarter>{_ialt(QUARTERS)})\s+quarter\s+of\s+)?{_RYEAR}\b(?:'s)?{_SUFFIX}",
        period,
    ),
    TimePattern(
        "part-of-year",
        rf"{_PREFIX}\b(?:(?P<ypart>early|late|mid)[\s-]+|(?P<half>{_ialt(HALVES)})\s+"
        rf"|(?:the\s+)?(?P<quarter>{_ialt(QUARTERS)})\s+quarter\s+of\s+)(?:{_YEAR})\b{_SUFFIX}",
        period,
    ),
    # Q2 2026, q2 of 2026, 2026 Q2, 2025 H2, H1 2026, FY? no: fiscal years differ by company
    TimePattern(
        "q-year",
        rf"{_PREFIX}\b[Qq](?P<quarter>[1-4])\s*(?:of\s+)?{_YEAR_OR_REL}\b{_SUFFIX}",
        period,
    ),
    TimePattern(
        "year-q",
        rf"{_PREFIX}\b{_YEAR}\s*(?:[Qq](?P<quarter>[1-4])|(?P<half>[Hh][12]))\b{_SUFFIX}",
        period,
    ),
    # last quarter, the next quarter: from the article's quarter
    TimePattern(
        "relative-quarter",
        rf"{_PREFIX}(?<![Ff]iscal\s+)\b(?:the\s+)?(?P<rquarter>{_ialt(RELATIVE_QUARTERS)})\s+"
        rf"quarter\b(?!\s+of\b|-|ly){_SUFFIX}",
        relative_quarter,
    ),
    # the second quarter, by the end of the year: the article's year (a company's fiscal
    # quarter is its own: not read)
    TimePattern(
        "quarter",
        rf"{_PREFIX}(?<![Ff]iscal\s+)\b(?:the\s+)?(?P<quarter>{_ialt(QUARTERS)})\s+quarter\b"
        rf"(?!\s+of\b|-){_SUFFIX}",
        period,
    ),
    TimePattern(
        "bare-year-word",
        rf"{_PREFIX}\b(?P<ybare>{_ialt(BARE_YEAR_WORDS)})\b{_SUFFIX}",
        bare_year_word,
    ),
    TimePattern(
        "half-year",
        rf"{_PREFIX}\b(?P<half>H[12])\s*(?:of\s+)?{_YEAR_OR_REL}\b{_SUFFIX}",
        period,
    ),
    # January 15, 2026; Friday, March 15; October, 1st; July 4th of 1995
    TimePattern(
        "month-day",
        rf"{_PREFIX}{_ON_WEEKDAY}\b(?:(?P<mpart>{_ialt(MONTH_PARTS)})[\s-]+)?(?P<mname>{_MONTHS})"
        rf"\.?,?\s+(?:the\s+)?{_DAY}(?:st|nd|rd|th)?\b(?![:.]\d|\s*%){_YEAR_AFTER}{_SUFFIX}",
        period,
    ),
    # May twenty-ninth, April the ninth, January first 2000
    TimePattern(
        "month-day-in-words",
        rf"{_PREFIX}{_ON_WEEKDAY}\b(?P<mname>{_MONTHS})\s+(?:the\s+)?{_DAYW}\b{_DAY_END}"
        rf"{_YEAR_AFTER}{_SUFFIX}",
        period,
    ),
    # 15 January 2026, the 1st of Jan 2019, 26th june of 2020
    TimePattern(
        "day-month",
        rf"{_PREFIX}{_ON_WEEKDAY}{_NOT_AFTER}\b(?:the\s+)?{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mname>{_MONTHS})\b\.?{_YEAR_AFTER}{_SUFFIX}",
        period,
    ),
    # the second of August, the twenty-third day of September
    TimePattern(
        "day-in-words-of-month",
        rf"{_PREFIX}{_ON_WEEKDAY}\b(?:the\s+)?{_DAYW}\s+(?:day\s+)?of\s+(?P<mname>{_MONTHS})\b\.?"
        rf"{_YEAR_AFTER}{_SUFFIX}",
        period,
    ),
    # 05-Aug-2016, 22/Jan/2019, 2020/Sep/23, 2019-aug-01
    TimePattern(
        "day-mon-year",
        rf"{_PREFIX}\b{_DAY}(?P<sep>[-/])(?P<mname>{_MONTHS})(?P=sep){_YEAR}\b{_SUFFIX}",
        period,
    ),
    TimePattern(
        "year-mon-day",
        rf"{_PREFIX}\b{_YEAR}(?P<sep>[-/])(?P<mname>{_MONTHS})(?P=sep){_DAY}\b{_SUFFIX}",
        period,
    ),
    # March 2026, in March, late March
    TimePattern(
        "month-year",
        rf"{_PREFIX}\b(?:(?P<mpart>{_ialt(MONTH_PARTS)})[\s-]+)?(?P<mname>{_MONTHS})\.?,?\s+{_YEAR}\b"
        rf"{_SUFFIX}",
        period,
    ),
    TimePattern(
        "month",
        rf"\b(?P<pdir>{_ialt(PREFIX_DIRECTIONS)})\s+(?:(?P<mpart>{_ialt(MONTH_PARTS)})[\s-]+)?"
        rf"(?P<mname>{_MONTHS})\b(?!\s+\d){_SUFFIX}",
        period,
    ),
    TimePattern(
        "part-of-month",
        rf"\b(?:(?P<pdir>{_ialt(PREFIX_DIRECTIONS)})\s+)?(?P<mpart>early|mid|late)[\s-]+"
        rf"(?P<mname>{_MONTHS})\b(?!\s+\d){_SUFFIX}",
        period,
    ),
    TimePattern(
        "iso-date",
        rf"{_PREFIX}\b{_YEAR}-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])\b{_SUFFIX}",
        period,
    ),
    # this month, next week, next Monday
    TimePattern(
        "relative-month",
        rf"{_PREFIX}\b(?P<rmonth>{_ialt(RELATIVE_MONTHS)})\b{_SUFFIX}",
        relative_month,
    ),
    TimePattern(
        "relative-week",
        rf"{_PREFIX}\b(?P<rweek>{_ialt(RELATIVE_WEEKS)})\b{_SUFFIX}",
        relative_week,
    ),
    TimePattern(
        "weekday",
        rf"{_PREFIX}(?<![Nn]ext\s+|[Ll]ast\s+|[Tt]his\s+)\b(?P<weekday>{_alt(WEEKDAYS)})\b{_SUFFIX}",
        weekday,
    ),
    TimePattern(
        "shifted-weekday",
        rf"{_PREFIX}\b(?P<wshift>{_ialt(WEEKDAY_SHIFTS)})\s+(?P<weekday>{_alt(WEEKDAYS)})\b{_SUFFIX}",
        shifted_weekday,
    ),
    # this September: the article's year
    TimePattern(
        "this-month",
        rf"{_PREFIX}\b(?P<thisyear>[Tt]his)\s+(?P<mname>{_MONTHS})\b(?!\s+\d){_SUFFIX}",
        period,
    ),
    # yesterday, today, tomorrow
    TimePattern(
        "relative-day",
        rf"{_PREFIX}\b(?P<rday>{_ialt(RELATIVE_DAYS)})\b{_SUFFIX}",
        relative_day,
    ),
    # the 1990s, the 1990's, the '90s
    TimePattern(
        "decade",
        rf"{_PREFIX}\b(?:the\s+)?(?:(?P<decade>(?:1[89]|20)\d0)\s?'?s|'(?P<decade2>\d0)s)\b{_SUFFIX}",
        decade,
    ),
    # the nineties (not "in his sixties": an age)
    TimePattern(
        "decade-word",
        rf"(?:{_PREFIX}\b[Tt]he|\b(?P<pdir>[Ii]n|[Dd]uring))\s+(?P<decadew>{_ialt(DECADE_WORDS)})\b"
        rf"{_SUFFIX}",
        decade_word,
    ),
    # Q1 alone: the article's year, as "the first quarter" (a fiscal quarter is not read)
    TimePattern(
        "quarter-alone",
        rf"{_PREFIX}(?<![Ff]iscal\s+|FY\s?|FY\d\d\s?)\b[Qq](?P<quarter>[1-4])\b"
        rf"(?!\s*(?:of\s+)?\d|[-/]\w){_SUFFIX}",
        period,
    ),
    # now, date as the end of a range begun before: between Jan 2019 and now, from March to
    # date, between now and May 21
    TimePattern(
        "now-ending-a-range",
        r"(?<=\b(?:[Bb]etween|[Ff]rom|[Ss]ince)\s+[^,.;:!?]{1,30}?\s(?:and|to|until|till)\s+)"
        r"(?P<rnow>now|date)\b",
        now,
    ),
    TimePattern(
        "now-starting-a-range",
        r"(?<=\b[Bb]etween\s+)(?P<rnow>now)(?=\s+and\s)",
        now,
    ),
    # the 21st century, the twenty-first century
    TimePattern(
        "century",
        rf"{_PREFIX}\b(?:the\s+)?(?:(?P<century>1\d|2[01]|[1-9])(?:st|nd|rd|th)"
        rf"|(?P<century>{_ialt(DAY_WORDS)}))\s+century\b{_SUFFIX}",
        century,
    ),
    # (calendar) year 2008, before the year 2019 (a fiscal year is a company's own)
    TimePattern(
        "calendar-year",
        rf"{_PREFIX}(?<![Ff]iscal\s+)\b(?:the\s+)?(?:calendar\s+)?year\s+{_YEAR}\b{_SUFFIX}",
        period,
    ),
    # the last week of July, the first week of 2027, the last week of this month
    TimePattern(
        "week-of-period",
        rf"{_PREFIX}\b(?:the\s+)?(?P<wof>(?P<wpos>{_ialt(WEEK_POSITIONS)}))\s+week\s+of\s+"
        rf"(?:{_YEAR}|(?P<mname>{_MONTHS})\.?(?:,?\s+{_YEAR})?|{_RYEAR})\b{_SUFFIX}",
        period,
    ),
    TimePattern(
        "week-of-relative-month",
        rf"{_PREFIX}\b(?:the\s+)?(?P<wof>(?P<wpos>{_ialt(WEEK_POSITIONS)}))\s+week\s+of\s+"
        rf"(?P<rmonth>{_ialt(RELATIVE_MONTHS)})\b{_SUFFIX}",
        relative_month,
    ),
    # the second week of 2021, week 27 of last year: weeks as ISO 8601 counts them
    TimePattern(
        "iso-week",
        rf"{_PREFIX}\b(?:the\s+(?P<isoweek>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+week"
        rf"|[Ww]eek\s+(?P<isoweek>[1-4]\d|5[0-3]|[1-9]))\s+of\s+{_YEAR_OR_REL}\b{_SUFFIX}",
        iso_week,
    ),
    # this weekend, next weekend (a bare "the weekend" may be the one just past)
    TimePattern(
        "weekend",
        rf"{_PREFIX}\b(?P<wshift>{_ialt(WEEKDAY_SHIFTS)})\s+(?P<wend>weekend)\b{_SUFFIX}",
        shifted_weekday,
    ),
    # next week on Tuesday, Tuesday of last week, next week Mon
    TimePattern(
        "week-then-weekday",
        rf"{_PREFIX}\b(?P<rweek>{_ialt(RELATIVE_WEEKS)})\s+(?:on\s+)?(?P<weekday>{_ANY_WEEKDAY})\b"
        rf"{_SUFFIX}",
        relative_week,
    ),
    TimePattern(
        "weekday-of-week",
        rf"{_PREFIX}\b(?P<weekday>{_ANY_WEEKDAY})\s+(?:of\s+)?(?P<rweek>{_ialt(RELATIVE_WEEKS)})\b"
        rf"{_SUFFIX}",
        relative_week,
    ),
    # Friday 31, Sat 14th, tues the 4th: the nearest such day
    TimePattern(
        "weekday-and-day",
        rf"{_PREFIX}\b(?P<mday_weekday>{_ANY_WEEKDAY}),?\s+(?:the\s+)?(?P<mday>3[01]|[12]\d|0?[1-9])"
        rf"(?:st|nd|rd|th|\b{_DAY_END})\b(?![:.,/\-–]\d|\s*(?:%|of\b|(?:{_MONTHS})\b"
        rf"|{_ialt(DURATION_UNITS)}\b)){_SUFFIX}",
        weekday_and_day,
    ),
    # April next year, March of last year: the month of that year
    TimePattern(
        "month-of-relative-year",
        rf"{_PREFIX}\b(?:(?P<mpart>{_ialt(MONTH_PARTS)})[\s-]+)?(?P<mname>{_MONTHS})\.?\s+"
        rf"(?:of\s+)?{_RYEAR}\b{_SUFFIX}",
        period,
    ),
    # April in 2016, June of 2017
    TimePattern(
        "month-in-year",
        rf"{_PREFIX}\b(?P<mname>{_MONTHS})\s+(?:in|of)\s+{_YEAR}\b{_SUFFIX}",
        period,
    ),
    # the July–September quarter, April-June 2026: a quarter or half named by its months
    # (a span that is neither, Jan-Feb 2017, is read as its two ends below)
    TimePattern(
        "month-span",
        rf"{_PREFIX}\b(?:the\s+)?(?P<mfromw>{_MONTHS})\s*[-–]\s*(?P<mtow>{_MONTHS})\b"
        rf"(?:\s+(?:quarter|half|period))?(?:,?\s+{_YEAR})?\b{_SUFFIX}",
        period,
    ),
    # the start of a range whose end is another year or month: 2014-2018, Jan-Feb 2017,
    # May to March; and its end after a dash (the end after "to" reads as "until")
    TimePattern(
        "year-starting-a-range",
        rf"{_PREFIX}(?<![0-9][-–~ ]?)\b{_YEAR}"
        r"(?=\s*(?:[-–~]|to|through)\s*(?:1[89]|20|21)\d\d\b(?![-–~/]\d))",
        period,
    ),
    TimePattern(
        "year-ending-a-range",
        rf"(?<=(?<![0-9][-–~ ]?)\b(?:1[89]|20|21)\d\d\s*[-–~]\s*){_YEAR}\b(?![-–~/]\d){_SUFFIX}",
        period,
    ),
    TimePattern(
        "month-starting-a-range",
        rf"{_PREFIX}\b(?P<mname>{_MONTHS})(?=\s*(?:[-–]|to|through|until|till)\s*(?:{_MONTHS})\b)",
        period,
    ),
    TimePattern(
        "month-ending-a-range",
        rf"(?<=\b(?:{_MONTHS})\s*[-–]\s*)(?P<mname>{_MONTHS})\b(?:,?\s+{_YEAR})?{_SUFFIX}",
        period,
    ),
    # between August and October: the end after "and"
    TimePattern(
        "end-after-between",
        rf"(?<=\b[Bb]etween\s+[^,.;:!?]{{1,30}}?\sand\s+)(?:(?P<mname>{_MONTHS})\b\.?"
        rf"(?:\s+(?:the\s+)?{_DAY}(?:st|nd|rd|th)?)?(?:,?\s+{_YEAR})?"
        rf"|(?:(?P<ypart>{_ialt(YEAR_PARTS)})[\s-]+)?{_YEAR})\b{_SUFFIX}",
        period,
    ),
    # a range of days in a month: 9 to 12 of June, April ninth through seventeenth,
    # between the ninth and seventeenth of April
    TimePattern(
        "day-starting-a-range",
        rf"\b(?:(?P<pdir>[Bb]etween|[Ff]rom)\s+)?(?:the\s+)?(?:(?P<bday>3[01]|[12]\d|0?[1-9])"
        rf"(?:st|nd|rd|th)?|(?P<bdayw>{_ialt(DAY_WORDS)}))"
        rf"(?=\s*(?:to|through|till|until|and|[-–])\s*(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?"
        rf"|{_ialt(DAY_WORDS)})(?:\s+day)?\s+(?:of\s+)?(?:{_MONTHS})\b)",
        day_of_month,
    ),
    TimePattern(
        "day-ending-a-range",
        rf"(?<=(?:{_MONTHS})\.?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ialt(DAY_WORDS)})\s+)"
        rf"(?P<pdir>to|through|till|until)\s+(?:the\s+)?(?:(?P<bday>3[01]|[12]\d|0?[1-9])"
        rf"(?:st|nd|rd|th)?|(?P<bdayw>{_ialt(DAY_WORDS)}))\b(?!\s+(?:of\s+)?(?:{_MONTHS})\b"
        rf"|\s*[-/.:]\d)",
        day_of_month,
    ),
    # the week beginning February 4, the week of March 9
    TimePattern(
        "week-beginning",
        rf"{_PREFIX}\b[Tt]he\s+(?P<wof>week)\s+(?:beginning|commencing|starting|of)\s+(?:on\s+)?"
        rf"(?:(?P<mname>{_MONTHS})\.?\s+{_DAY}(?:st|nd|rd|th)?|{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mname>{_MONTHS})\b\.?){_YEAR_AFTER}\b{_SUFFIX}",
        period,
    ),
    # 10 years ago, three months later, in 5 years
    TimePattern(
        "offset",
        rf"{_PREFIX}\b(?:(?P<pqual>more than|over|nearly|almost|about|around)\s+)?"
        rf"(?P<reln>{_NUM})\s+(?P<relunit>years?|months?|weeks?|days?)\s+"
        rf"(?P<relsign>{_ialt(OFFSET_SIGNS)})\b",
        offset,
    ),
    # over the next 5 years, the past decade
    TimePattern(
        "ahead-length",
        rf"\b(?P<ahead>{_ialt(AHEAD_WORDS)})\s+(?:(?P<dnum>{_NUM})|(?P<dvague>{_ialt(VAGUE_COUNTS)}))"
        rf"\s+(?P<dunit>{_ialt(DURATION_UNITS)})\b",
        plain_length,
    ),
    # 4 months, 122 days, two and a half years, one and a quarter years, one hour and half,
    # half a year, several years, decades
    TimePattern(
        "length",
        rf"{_PREFIX}(?:\b(?P<pqual>{_ialt(PREFIX_QUALIFIERS)})\s+)?"
        rf"(?:\b(?P<dnum>{_NUM})(?:\s+and\s+(?:a\s+)?(?:(?P<dhalf>half)|(?P<dquarter>quarter)))?"
        rf"[\s-]+|\b(?P<dvague>{_ialt(VAGUE_COUNTS)})\s+|\b(?P<dhalfonly>half)\s+an?\s+)"
        rf"(?P<dunit>{_ialt(DURATION_UNITS)})\b"
        rf"(?:\s+and\s+(?:a\s+)?(?:(?P<dhalf2>half)|(?P<dquarter2>quarter)))?"
        rf"(?!\s+ago\b|\s+later\b(?!\s+than)|\s+earlier\b){_SUFFIX}",
        plain_length,
    ),
    TimePattern(
        "decades",
        rf"{_PREFIX}\b(?P<dvague>decades)\b{_SUFFIX}",
        plain_length,
    ),
    # 3h, 3.5years, 123.45sec: a length with its unit glued on
    TimePattern(
        "glued-length",
        rf"{_PREFIX}\b(?P<dnum>\d+(?:\.\d+)?)(?P<dunit>years?|yrs?|months?|weeks?|days?|hours?|hrs?"
        rf"|h|minutes?|mins?|seconds?|secs?)\b(?![-.]\w){_SUFFIX}",
        plain_length,
    ),
]
