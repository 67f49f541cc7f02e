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
from .patterns import DIGIT, NOT_AFTER_NUMBER, SPACE, alternation, numeral

RELATIVE_YEARS: dict[str, int] = {
    "今年": 0, "本年": 0, "明年": 1, "来年": 1, "后年": 2, "大后年": 3,
    "去年": -1, "前年": -2, "大前年": -3,
}
RELATIVE_MONTHS: dict[str, int] = {
    "本月": 0, "这个月": 0, "当月": 0, "下个月": 1, "下月": 1, "下一个月": 1, "上个月": -1,
    "上月": -1, "上一个月": -1,
}
RELATIVE_DAYS: dict[str, int] = {
    "今天": 0, "今日": 0, "本日": 0, "今早": 0, "今晚": 0, "明天": 1, "明日": 1, "明晚": 1,
    "后天": 2, "後天": 2, "大后天": 3, "大後天": 3, "大大后天": 4, "昨天": -1, "昨日": -1,
    "昨晚": -1, "前天": -2, "大前天": -3,
}
RELATIVE_QUARTERS: dict[str, int] = {
    "本": 0, "这个": 0, "这一": 0, "本个": 0, "上个": -1, "上一个": -1, "上": -1,
    "下个": 1, "下一个": 1, "下": 1,
}
RELATIVE_WEEKS: dict[str, int] = {
    "本周": 0, "这周": 0, "这个星期": 0, "下周": 1, "下个星期": 1, "下一周": 1, "上周": -1,
    "上个星期": -1, "上一周": -1, "上上周": -2, "上上個週": -2, "上上个周": -2, "下下周": 2,
    "下下個週": 2,
}
YEAR_PARTS: dict[str, str] = {
    "底": "end", "末": "end", "年底": "end", "年末": "end", "初": "start", "年初": "start",
    "中": "mid", "年中": "mid",
}
HALVES: dict[str, str] = {
    "上半年": "H1", "下半年": "H2", "前半年": "H1", "后半年": "H2", "上半": "H1", "下半": "H2",
}
MONTH_PARTS: dict[str, str] = {
    "上旬": "early", "初": "start", "中旬": "mid", "下旬": "late", "底": "end", "末": "end",
}
BARE_YEAR_WORDS: dict[str, tuple[str | None, str | None]] = {
    "年底": ("end", None), "年末": ("end", None), "年初": ("start", None),
    "年内": (None, "within"), "上半年": ("H1", None), "下半年": ("H2", None),
}
BARE_MONTH_WORDS: dict[str, str] = {"月底": "end", "月初": "start", "月末": "end"}

WEEKDAYS: dict[str, int] = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}

ERAS: tuple[str, ...] = ()

DURATION_UNITS: dict[str, str] = {
    "年": "Y", "个月": "M", "個月": "M", "周": "W", "星期": "W", "个星期": "W", "天": "D",
    "日": "D", "小时": "H", "个小时": "H", "分钟": "MIN", "秒钟": "S", "秒": "S", "世纪": "C",
    "个钟头": "H", "钟头": "H", "個鐘頭": "H", "鐘頭": "H",
}
VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "数": (2, 9), "几": (2, 9), "好几": (3, 9), "数十": (20, 90), "几十": (20, 90),
    "十几": (11, 19), "数百": (200, 900), "几百": (200, 900),
}
AHEAD_WORDS: dict[str, int] = {
    "未来": 1, "今后": 1, "接下来": 1, "接下来的": 1, "过去": -1, "近": -1,
}
OFFSET_SIGNS: dict[str, int] = {"后": 1, "以后": 1, "之后": 1, "前": -1, "以前": -1}

PREFIX_QUALIFIERS: dict[str, str] = {
    "约": "approx", "大约": "approx", "将近": "approx", "近": "approx", "最多": "up-to",
    "长达": "up-to", "至少": "at-least", "不到": "less-than", "超过": "more-than",
}
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "at-least", "多": "more-than", "左右": "approx", "前后": "approx",
    "上下": "approx", "不到": "less-than", "之久": "exact",
}
DIRECTIONS: dict[str, str] = {
    "之前": "by", "以前": "by", "前": "by", "为止": "until", "起": "from", "开始": "from",
    "以来": "from", "以后": "from", "之后": "from", "以内": "within", "之内": "within",
    "内": "within",
    # a day and the time before or after it: 2019年8月6日或之后, 2015-02-01及以前
    "或之后": "from", "或以后": "from", "及以后": "from", "及之后": "from",
    "或之前": "by", "或以前": "by", "及以前": "by", "及之前": "by",
}
PREFIX_DIRECTIONS: dict[str, str] = {
    "从": "from", "自": "from", "自从": "from", "到": "until", "直到": "until", "截至": "until",
    "截止到": "until", "至": "until", "在": "", "于": "",
    # 进入2026年: the year's arrival, as Japanese 2026年を迎え and 到2026年 (one "by 2026"
    # translated three ways)
    "进入": "until", "進入": "until",
}

NUMBER_WORDS: dict[str, int] = {}


_alt = alternation
_SP = SPACE
_D = DIGIT
_NUM = numeral("一二两三四五六七八九十")
_Q = r"[1-4１-４一二三四]"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NOT_NUM_BEFORE = NOT_AFTER_NUMBER

_PREFIX = rf"(?:(?P<pdir>{_alt(PREFIX_DIRECTIONS)}){_SP})?"
# 前 after a time is "by" (明年底前), but not in 去年前三季度 (the first three quarters)
_SUFFIX = (
    rf"(?:(?P<qual>{_alt(SUFFIX_QUALIFIERS)}))?"
    rf"(?:(?P<dir>{_alt(DIRECTIONS)})(?![一二三四五六七八九十两几0-9０-９]))?"
)
# the Nth week of a month: the week (Monday to Sunday) of its Nth Monday (五月第一周)
_MONTH_WEEK = r"(?:的)?第(?P<mweek>[1-5一二三四五])(?:周|個?星期|个星期)"
_MONTH_SUB = (
    rf"(?P<month>{_MONTH}){_SP}月份?(?:{_SP}(?P<day>{_DAY}){_SP}[日号]"
    rf"|(?P<mpart>{_alt(MONTH_PARTS)})|{_MONTH_WEEK})?"
)
_YEAR_SUB = (
    rf"{_SP}的?{_SP}(?:前{_SP}(?P<firstn>{_NUM}){_SP}个月|前{_SP}(?P<firstq>[一二三123])个?季度"
    rf"|第?{_SP}(?P<quarter>{_Q}){_SP}季度|(?:Q|Ｑ)(?P<quarter>[1-4])"
    rf"|(?P<half>{_alt(HALVES)})|{_MONTH_SUB})"
    rf"|(?P<ypart>{_alt(YEAR_PARTS)})(?!国|期|级|次|心|央)"
)

# Two-digit years: 零七年, 九七年 (a count would be 九十七年; 七八年 is "seven or eight years"),
# 07年, and 19年 where a month, quarter or part of the year follows (19年底)
_KANJI_DIGIT = "〇零一二三四五六七八九"
_TWO_KANJI = (
    "(?:" + "|".join(f"{a}{b}" for a in _KANJI_DIGIT for b in _KANJI_DIGIT
                     if _KANJI_DIGIT.index(b) % 10 != (_KANJI_DIGIT.index(a) + 1) % 10
                     and not (a in "〇零" and b in "〇零")) + ")"
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
        rf"(?P=sep)(?P<day>3[01]|[12]\d|0?[1-9])(?![\d.]){_SUFFIX}",
        period,
    ),
    TimePattern(
        "month",
        rf"{_PREFIX}(?<![0-9０-９.,．，个])(?:{_MONTH_SUB})(?!份额|个){_SUFFIX}",
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
    TimePattern(
        "relative-week",
        rf"{_PREFIX}(?P<rweek>{_alt(RELATIVE_WEEKS)})(?:(?P<weekday>[一二三四五六日天])|(?P<wend>末))?"
        rf"{_SUFFIX}",
        relative_week,
    ),
    TimePattern(
        "weekday",
        r"(?<!每)(?:星期|礼拜)(?P<weekday>[一二三四五六日天])",
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
        rf"{_PREFIX}(?<![年度]{_SP}的?{_SP})(?<![0-9０-９一二三四五六七八九十个個前])"
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
        rf"{_PREFIX}{_NOT_NUM_BEFORE}(?P<century>[12]?[0-9]|二十一|二十|十九){_SP}世纪{_SUFFIX}",
        century,
    ),
    TimePattern(
        "offset",
        rf"{_NOT_NUM_BEFORE}(?P<reln>[0-9０-９]{{1,3}}|(?<![一二两三四五六七八九十])[一二两三四五六七八九十]{{1,4}}){_SP}"
        rf"(?P<relunit>年|个月|周|天)(?P<rhalf>半)?(?P<qual>多)?(?P<relsign>以后|之后|以前|后|前)"
        rf"(?!后|期|者)",
        offset,
    ),
    TimePattern(
        "half-offset",
        r"(?<![0-9０-９一二三四五六七八九十])(?P<reln>半)(?P<relunit>年|个月)"
        r"(?P<relsign>以后|之后|以前|后|前)(?!后|期|者)",
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
        rf"(?:{_NOT_NUM_BEFORE}(?P<dnum>{_NUM}){_SP}|(?P<dvague>{_alt(VAGUE_COUNTS)})"
        rf"|(?<![0-9０-９一二三四五六七八九十前后上下])(?P<dhalfonly>半))"
        rf"(?P<dqual>多)?(?P<dunit>{_alt(DURATION_UNITS)})(?P<dhalf2>半)?(?!级|代|前|后|内的)"
        rf"{_SUFFIX}",
        length,
    ),
]
