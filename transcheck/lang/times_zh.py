"""Chinese time words and patterns (same group names as :mod:`transcheck.lang.times_ja`).

前年 is the year before last in Chinese (not the previous year as in Japanese), and
前/之前 after a time reads as "by" (明年底前 = by the end of next year).
"""

from __future__ import annotations

from ..facts.time_parsers import (
    TimePattern,
    bare_month_word,
    bare_year_word,
    century,
    day_of_month,
    decade,
    length,
    offset,
    period,
    relative_day,
    relative_month,
    relative_quarter,
    relative_week,
    weekday,
)
from . import language
from .patterns import DIGIT, NOT_AFTER_NUMBER, SPACE, alternation, numeral

# The word tables are data: transcheck/lang/zh/times.tsv (transcheck.lang.loader).
_WORDS = language("zh").times
RELATIVE_YEARS = _WORDS.relative_years
RELATIVE_MONTHS = _WORDS.relative_months
RELATIVE_DAYS = _WORDS.relative_days
RELATIVE_QUARTERS = _WORDS.relative_quarters
RELATIVE_WEEKS = _WORDS.relative_weeks
YEAR_PARTS = _WORDS.year_parts
HALVES = _WORDS.halves
MONTH_PARTS = _WORDS.month_parts
BARE_YEAR_WORDS = _WORDS.bare_year_words
BARE_MONTH_WORDS = _WORDS.bare_month_words
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
_SP = SPACE
_D = DIGIT
_NUM = numeral("一二两三四五六七八九十")
_Q = r"[1-4１-４一二三四]"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NOT_NUM_BEFORE = NOT_AFTER_NUMBER

_PREFIX = rf"(?:(?P<pdir>{_alt(PREFIX_DIRECTIONS)}){_SP})?"
# a sentence in the future tense (将于1月发布): a month or quarter without its year that has
# passed this year is next year's
_FUTURE = rf"(?:(?<=(?P<future>{_alt(_WORDS.future_words)}))|)"
_RANGE_TO = r"(?:到|至|[〜～~\-–—])"
# a clock time glued to a date (2018-12-1209:03)
_CLOCK = r"[0-2]?[0-9][:：][0-5][0-9]"
_WEEKDAY_WORD = "周|星期|礼拜|禮拜"
_LENGTH_UNITS = _alt(u for u in DURATION_UNITS if u not in _WORDS.half_only_units)
# 前 after a time is "by" (明年底前), but not in 去年前三季度 (the first three quarters)
_SUFFIX = (
    rf"(?:(?P<qual>{_alt(SUFFIX_QUALIFIERS)}))?"
    rf"(?:(?P<dir>{_alt(DIRECTIONS)})(?![一二三四五六七八九十两几0-9０-９]))?"
)
# the Nth week of a month: the week (Monday to Sunday) of its Nth Monday (五月第一周)
_MONTH_WEEK = r"(?:的)?第(?P<mweek>[1-5一二三四五])(?:周|個?星期|个星期)"
_MONTH_SUB = (
    rf"(?P<month>{_MONTH}){_SP}月份?(?:{_SP}(?P<day>{_DAY}){_SP}[日号]"
    rf"|月?(?P<mpart>{_alt(MONTH_PARTS)})|{_MONTH_WEEK})?"
)
_YEAR_SUB = (
    rf"{_SP}的?{_SP}(?:前{_SP}(?P<firstn>{_NUM}){_SP}个月|前{_SP}(?P<firstq>[一二三123])个?季度"
    rf"|前{_SP}(?P<firstd>{_NUM}){_SP}天|第{_SP}(?P<month>{_MONTH}){_SP}个月"
    rf"|第{_SP}(?P<yweek>{_NUM}){_SP}个?(?:星期|周)"
    rf"|第?{_SP}(?P<quarter>{_Q}){_SP}季度|(?:Q|Ｑ)(?P<quarter>[1-4])"
    rf"|(?P<half>{_alt(HALVES)})|{_MONTH_SUB})"
    rf"|(?P<ypart>{_alt(YEAR_PARTS)})(?!国|期|级|次|心|央)"
)

# Two-digit years: 零七年, 九七年, 九零年 (a count would be 九十七年; two rising digits, 七八年, are
# "seven or eight years"), 07年, and 19年 where a month, quarter or part of the year follows
# (19年底). A lookahead and a class, not 110 alternatives: half the cost of the scan
_KANJI_DIGIT = "〇零一二三四五六七八九"
_TWO_KANJI = (
    "(?!" + "|".join(a + b for a, b in zip("一二三四五六七八", "二三四五六七八九", strict=True))
    + f"|[〇零]{{2}})[{_KANJI_DIGIT}]{{2}}"
)

PATTERNS: list[TimePattern] = [
    TimePattern(
        "two-digit-year",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?<![{_KANJI_DIGIT}十])(?:(?P<year2>{_TWO_KANJI}|0{_D}){_SP}年"
        rf"(?!级|代|多|以上|左右|之久|前|后|以来|内|半|间|來)"
        rf"|(?P<year2>[1-9]{_D}){_SP}年(?={_SP}的?{_SP}(?:第|Q|Ｑ|[1-4一二三四]{_SP}季度|{_MONTH}{_SP}月|底|末|初|伊始)))"
        rf"(?:{_YEAR_SUB})?{_SUFFIX}",
        period,
    ),
    TimePattern(
        "year",
        rf"{_PREFIX}(?:{_NOT_NUM_BEFORE}(?P<year>[12]{_D}{{3}}|[一二][〇零一二三四五六七八九]{{3}})"
        rf"{_SP}年(?!级|代|多|以上|左右|之久)"
        rf"|(?P<ryear>{_alt(RELATIVE_YEARS)}))(?:{_YEAR_SUB})?{_SUFFIX}",
        period,
    ),
    TimePattern(
        "numeric-date",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?P<year>[12]\d{{3}})(?P<sep>[/\-.])(?P<month>1[0-2]|0?[1-9])"
        rf"(?P=sep)(?P<day>3[01]|[12]\d|0?[1-9])(?:(?![\d.])|(?={_CLOCK})){_SUFFIX}",
        period,
    ),
    # 11/3号: a month and day with 号
    TimePattern(
        "slash-month-day",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9]){_SP}号{_SUFFIX}",
        period,
    ),
    # 1995-1997年, 1985到89年: a bare year opening a range whose end names its year
    TimePattern(
        "range-start-year",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?P<year>[12]{_D}{{3}})(?={_SP}{_RANGE_TO}{_SP}(?:[12]{_D}{{3}}|{_D}{{2}}){_SP}年)",
        period,
    ),
    TimePattern(
        "month",
        rf"{_FUTURE}{_PREFIX}{_NOT_NUM_BEFORE}(?<![.．个])(?:{_MONTH_SUB})(?!份额|个){_SUFFIX}",
        period,
    ),
    TimePattern(
        "relative-month",
        rf"{_PREFIX}(?P<rmonth>{_alt(RELATIVE_MONTHS)})(?:(?P<mpart>{_alt(MONTH_PARTS)})"
        rf"|{_SP}(?P<day>{_DAY}){_SP}[日号]|{_MONTH_WEEK})?{_SUFFIX}",
        relative_month,
    ),
    # 本季度, 上个季度末: a quarter counted from the article's
    TimePattern(
        "relative-quarter",
        rf"{_PREFIX}(?P<rquarter>{_alt(RELATIVE_QUARTERS)})季度(?P<qpart>末|初|底)?{_SUFFIX}",
        relative_quarter,
    ),
    TimePattern(
        "relative-day",
        rf"{_PREFIX}(?P<rday>{_alt(RELATIVE_DAYS)})(?!头条|頭條|之)(?<!明日之){_SUFFIX}",
        relative_day,
    ),
    # the end of a range that names only its day: 从2018年12月九号到十五号
    TimePattern(
        "range-end-day",
        rf"(?<=(?:到|至|[〜～~\-–—]){_SP})(?P<bday>{_DAY}){_SP}[日号]{_SUFFIX}",
        day_of_month,
    ),
    # 29日 alone, as news dates an event (新华社29日电): the article's month
    TimePattern(
        "day-of-month",
        rf"{_PREFIX}(?<![0-9０-９月年个间的第每./\-])(?P<bday>3[01]|[12][0-9]|0?[1-9])日"
        rf"(?!间|内|以|多|左右|前后|之|元|本|报|刊|版|均|平均|起算|游|年化|线|K线){_SUFFIX}",
        day_of_month,
    ),
    TimePattern(
        "relative-week",
        rf"{_PREFIX}(?P<rweek>{_alt(RELATIVE_WEEKS)})(?:(?:{_WEEKDAY_WORD})?(?P<weekday>[一二三四五六日天])|(?P<wend>末))?"
        rf"{_SUFFIX}",
        relative_week,
    ),
    TimePattern(
        "weekday",
        r"(?<!每)(?:星期|礼拜|禮拜)(?P<weekday>[一二三四五六日天])"
        r"|(?<![一二两三四五六七八九十0-9０-９每个几上下本这])周(?P<weekday>[一二三四五六日])(?!年|次|岁|边|围|期|刊|报)",
        weekday,
    ),
    TimePattern(
        "bare-year-word",
        rf"{_PREFIX}(?<![0-9０-９今明去后前本每半])(?P<ybare>{_alt(BARE_YEAR_WORDS)}){_SUFFIX}",
        bare_year_word,
    ),
    TimePattern(
        "bare-month-word",
        rf"{_PREFIX}(?<![0-9０-９本这上下每个])(?P<mbare>{_alt(BARE_MONTH_WORDS)}){_SUFFIX}",
        bare_month_word,
    ),
    # 第三季度 alone: the article's own year (not after 2026年 or 今年, read above)
    TimePattern(
        "quarter",
        rf"{_FUTURE}{_PREFIX}(?<![年度]{_SP}的?{_SP})(?<![0-9０-９一二三四五六七八九十个個前])"
        rf"(?:第?{_SP}(?P<quarter>{_Q}){_SP}|(?:Q|Ｑ)(?P<quarter>[1-4]))季度{_SUFFIX}",
        period,
    ),
    # Q4 alone: the article's year, as 第四季度 alone
    TimePattern(
        "q-quarter",
        rf"{_PREFIX}(?<![A-Za-z0-9年度]{_SP})Q(?P<quarter>[1-4])(?![0-9A-Za-z]){_SUFFIX}",
        period,
    ),
    TimePattern(
        "decade",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?:(?P<decade>[12]{_D}{{2}}0)|(?P<decade2>{_D}0)){_SP}年代{_SUFFIX}",
        decade,
    ),
    TimePattern(
        "century",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?P<century>[12]?[0-9]|二十一|二十|十九){_SP}世纪"
        rf"(?:{_SP}的?{_SP}(?P<cdecade>[1-9]0|[一二三四五六七八九]十|十){_SP}年代)?{_SUFFIX}",
        century,
    ),
    TimePattern(
        "offset",
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?P<reln>[0-9０-９]{{1,3}}|(?<![一二两三四五六七八九十])[一二两三四五六七八九十]{{1,4}}){_SP}"
        rf"(?P<qual>多)?(?P<relunit>年|个月|个星期|星期|周|天|个季度)(?P<rhalf>半)?(?P<qual>多)?"
        rf"(?:(?P<relsign>之前|以前|后|前)|(?P<dir>以后|之后))(?!后|期|者)",
        offset,
    ),
    TimePattern(
        "half-offset",
        rf"{_PREFIX}(?<![0-9０-９一二三四五六七八九十])(?P<reln>半)(?P<relunit>年|个月)"
        r"(?:(?P<relsign>之前|以前|后|前)|(?P<dir>以后|之后))(?!后|期|者)",
        offset,
    ),
    TimePattern(
        "ahead-length",
        rf"(?P<ahead>{_alt(AHEAD_WORDS)}){_SP}(?:(?P<dnum>{_NUM})|(?P<dvague>{_alt(VAGUE_COUNTS)}))"
        rf"{_SP}(?P<dunit>年|个月|周|天)(?P<dhalf2>半)?(?:里|中|间)?{_SUFFIX}",
        length,
    ),
    TimePattern(
        "length",
        rf"{_PREFIX}(?:(?P<pqual>{_alt(PREFIX_QUALIFIERS)}){_SP})?"
        rf"(?:{_NOT_NUM_BEFORE}(?P<dnum>{_NUM}){_SP}(?:{_RANGE_TO}{_SP}(?P<dnum2>{_NUM}){_SP})?"
        rf"|(?P<dvague>{_alt(VAGUE_COUNTS)})"
        rf"|(?<![0-9０-９一二三四五六七八九十前后上下])(?P<dhalfonly>半))"
        rf"(?:(?P<dqual>多)?(?P<dunit>{_LENGTH_UNITS})|个(?:(?P<dqual>多)|(?P<dhalf>半))(?P<dunit>月))"
        rf"(?P<dhalf2>半)?(?!级|代|前|后|内的|岁)"
        rf"{_SUFFIX}",
        length,
    ),
]
