"""English time words and patterns (same group names as :mod:`transcheck.lang.times_ja`).

A bare four-digit number is a year only after a word that introduces a time (in 2026,
by 2026, since 1998) or with a part of it (Q2 2026, early 2026): "2026 GPUs" is no date.
Month names in lower case are read too, but for may, march and mar (everyday words).
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
    length,
    now,
    offset,
    period,
    relative_day,
    relative_month,
    relative_quarter,
    relative_week,
    shifted_weekday,
    weekday,
    weekday_and_day,
)
from . import language
from .patterns import alternation

# The word tables are data: transcheck/lang/en/times.tsv (transcheck.lang.loader).
_WORDS = language("en").times
RELATIVE_YEARS = _WORDS.relative_years
RELATIVE_MONTHS = _WORDS.relative_months
RELATIVE_WEEKS = _WORDS.relative_weeks
WEEKDAY_SHIFTS = _WORDS.weekday_shifts
RELATIVE_DAYS = _WORDS.relative_days
YEAR_PARTS = _WORDS.year_parts
HALVES = _WORDS.halves
QUARTERS = _WORDS.quarters
MONTH_PARTS = _WORDS.month_parts
BARE_YEAR_WORDS = _WORDS.bare_year_words
BARE_MONTH_WORDS = _WORDS.bare_month_words
MONTH_NAMES = _WORDS.month_names
WEEKDAYS = _WORDS.weekdays
ERAS = tuple(_WORDS.eras)
DURATION_UNITS = _WORDS.duration_units
VAGUE_COUNTS = _WORDS.vague_counts
AHEAD_WORDS = _WORDS.ahead_words
OFFSET_SIGNS = _WORDS.offset_signs
PREFIX_QUALIFIERS = _WORDS.prefix_qualifiers
SUFFIX_QUALIFIERS = _WORDS.suffix_qualifiers
DIRECTIONS = _WORDS.directions
PREFIX_DIRECTIONS = _WORDS.prefix_directions
NUMBER_WORDS = _WORDS.number_words
RELATIVE_QUARTERS = _WORDS.relative_quarters
WEEK_POSITIONS = _WORDS.week_positions
# three-letter weekdays (read only beside a day of the month), days of the month and
# decades in words
WEEKDAY_ABBREVIATIONS = _WORDS.weekday_abbreviations
DAY_WORDS = _WORDS.day_words
DECADE_WORDS = _WORDS.decade_words

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
        length,
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
        length,
    ),
    TimePattern(
        "decades",
        rf"{_PREFIX}\b(?P<dvague>decades)\b{_SUFFIX}",
        length,
    ),
    # 3h, 3.5years, 123.45sec: a length with its unit glued on
    TimePattern(
        "glued-length",
        rf"{_PREFIX}\b(?P<dnum>\d+(?:\.\d+)?)(?P<dunit>years?|yrs?|months?|weeks?|days?|hours?|hrs?"
        rf"|h|minutes?|mins?|seconds?|secs?)\b(?![-.]\w){_SUFFIX}",
        length,
    ),
]
