"""English time words and patterns (same group names as :mod:`transcheck.lang.times_ja`).

A bare four-digit number is a year only after a word that introduces a time (in 2026,
by 2026, since 1998) or with a part of it (Q2 2026, early 2026): "2026 GPUs" is no date.
Month names must be capitalised, so the verb "may" is not May.
"""

from __future__ import annotations

from ..facts.time_parsers import (
    TimePattern,
    bare_year_word,
    decade,
    length,
    offset,
    period,
    relative_day,
    relative_month,
    relative_week,
    shifted_weekday,
    weekday,
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
    rf"(?:\s+(?P<qual>{_ialt(SUFFIX_QUALIFIERS)}))?(?:\s+(?P<dir>{_ialt(DIRECTIONS)}))?\b"
)
_NUM = rf"(?:\d+(?:\.\d+)?|{_ialt(NUMBER_WORDS)})"
_RYEAR = rf"(?P<ryear>{_ialt(RELATIVE_YEARS)})"
_YEAR_OR_REL = rf"(?:{_YEAR}|{_RYEAR})"

# Every English time expression holds one of these; the patterns only run near them.
TRIGGER = (
    r"\d|\b(?:[Yy]ears?|[Mm]onths?|[Ww]eeks?|[Dd]ays?|[Dd]ecades?|[Cc]entur|[Qq]uarter|[Hh]alf"
    r"|[Hh]ours?|[Mm]inutes?|[Ss]econds?)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu"
    r"|Fri|Sat|Sun)|\b(?:[Tt]oday|[Tt]onight|[Tt]omorrow|[Tt]mrw|[Yy]esterday)\b"
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
    # Q2 2026, Q2 of 2026, 2026 Q2, H1 2026, FY? no: fiscal years differ by company
    TimePattern(
        "q-year",
        rf"{_PREFIX}\bQ(?P<quarter>[1-4])\s*(?:of\s+)?{_YEAR_OR_REL}\b{_SUFFIX}",
        period,
    ),
    TimePattern(
        "year-q",
        rf"{_PREFIX}\b{_YEAR}\s*Q(?P<quarter>[1-4])\b{_SUFFIX}",
        period,
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
    # January 15, 2026; 15 January 2026; March 2026; in March; late March
    TimePattern(
        "month-day",
        rf"{_PREFIX}\b(?:(?P<mpart>{_ialt(MONTH_PARTS)})[\s-]+)?(?P<mname>{_MONTHS})\.?\s+"
        rf"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?{_SUFFIX}",
        period,
    ),
    TimePattern(
        "day-month",
        rf"{_PREFIX}\b(?P<day>3[01]|[12]\d|0?[1-9])\s+(?P<mname>{_MONTHS})\b(?:,?\s+{_YEAR})?{_SUFFIX}",
        period,
    ),
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
        rf"{_PREFIX}\b[Tt]his\s+(?P<mname>{_MONTHS})\b(?!\s+\d){_SUFFIX}",
        period,
    ),
    # yesterday, today, tomorrow
    TimePattern(
        "relative-day",
        rf"{_PREFIX}\b(?P<rday>{_ialt(RELATIVE_DAYS)})\b{_SUFFIX}",
        relative_day,
    ),
    # the 1990s, the '90s
    TimePattern(
        "decade",
        rf"{_PREFIX}\b(?:the\s+)?(?:(?P<decade>(?:1[89]|20)\d0)s|'(?P<decade2>\d0)s)\b{_SUFFIX}",
        decade,
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
    # 4 months, 122 days, two and a half years, half a year, several years, decades
    TimePattern(
        "length",
        rf"{_PREFIX}(?:\b(?P<pqual>{_ialt(PREFIX_QUALIFIERS)})\s+)?"
        rf"(?:\b(?P<dnum>{_NUM})(?:\s+and\s+a\s+(?P<dhalf>half))?[\s-]+"
        rf"|\b(?P<dvague>{_ialt(VAGUE_COUNTS)})\s+|\b(?P<dhalfonly>half)\s+an?\s+)"
        rf"(?P<dunit>{_ialt(DURATION_UNITS)})\b(?:\s+and\s+a\s+(?P<dhalf2>half))?(?!\s+ago\b|\s+later\b(?!\s+than)|\s+earlier\b)"
        rf"{_SUFFIX}",
        length,
    ),
    TimePattern(
        "decades",
        rf"{_PREFIX}\b(?P<dvague>decades)\b{_SUFFIX}",
        length,
    ),
]
