"""Japanese time words and the patterns that find dates, periods and durations.

The tables map words to the symbols :mod:`transcheck.facts.times` understands (parts of a
year ``end``/``H1``/``Q2``, units ``Y``/``M``/``D``, directions ``by``/``from``…). Each
pattern is a :class:`~transcheck.facts.time_parsers.TimePattern`: where the words sit, with
named groups, and the parse function that reads them (:func:`~transcheck.facts.time_parsers.period`
for 2026年第2四半期 as for 3月15日, ``offset`` for 3年後, ``length`` for 4ヶ月…). The group
names are shared by every language: ``year era eyear ryear fy quarter half ypart month day
mpart fyend rmonth rweek weekday decade decade2 century ybare mbare mfrom mto reln relunit
relsign ahead dnum dhalf dhalf2 dhalfonly dvague dunit pqual qual dir``; ``pdir``, ``dir``,
``qual``, ``dqual``, ``pqual`` and ``wof`` are read for every pattern.
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
    relative_week,
    shifted_weekday,
    weekday,
)
from . import language
from .patterns import DIGIT, NOT_AFTER_NUMBER, SPACE, alternation, numeral

# The word tables are data: transcheck/lang/ja/times.tsv and eras.tsv (transcheck.lang.loader).
_WORDS = language("ja").times
RELATIVE_YEARS = _WORDS.relative_years
RELATIVE_MONTHS = _WORDS.relative_months
RELATIVE_WEEKS = _WORDS.relative_weeks
RELATIVE_DAYS = _WORDS.relative_days
WEEKDAY_SHIFTS = _WORDS.weekday_shifts
FIGURATIVE_DAYS = _WORDS.figurative_days
YEAR_PARTS = _WORDS.year_parts
HALVES = _WORDS.halves
MONTH_PARTS = _WORDS.month_parts
BARE_YEAR_WORDS = _WORDS.bare_year_words
BARE_MONTH_WORDS = _WORDS.bare_month_words
WEEKDAYS = _WORDS.weekdays
WEEK_POSITIONS = _WORDS.week_positions
ERAS = tuple(_WORDS.eras)
ERA_LETTERS = _WORDS.era_letters
DURATION_UNITS = _WORDS.duration_units
_HALF_ONLY_UNITS = _WORDS.half_only_units
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
_NUM = numeral("一二三四五六七八九十百千")
_Q = r"[1-4１-４一二三四]"
_MONTH = (r"(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]"
          r"|(?<![一二三四五六七八九十〇])(?:十[一二]?|[一二三四五六七八九]))")
_DAY = (r"(?:3[01]|[12][0-9]|0?[1-9]|３[０１]|[１２][０-９]|０?[１-９]"
        r"|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九](?![十]))")
_NOT_NUM_BEFORE = NOT_AFTER_NUMBER
_LENGTH_UNITS = _alt(u for u in DURATION_UNITS if u not in _HALF_ONLY_UNITS)
_WEEKDAY_TAIL = rf"(?:{_SP}[(（][月火水木金土日](?:曜日?)?[)）])?"

_WEEK_OF = (rf"(?P<wof>{_SP}の{_SP}(?P<wpos>{_alt(WEEK_POSITIONS)})?{_SP}週"
            r"(?![間末刊報]|目|替わり|明け))?")
_SUFFIX = (
    rf"(?:{_SP}(?P<qual>{_alt(SUFFIX_QUALIFIERS)}))?"
    rf"(?:{_SP}(?P<dir>{_alt(DIRECTIONS)})(?!半))?"
)
# 月 as a month only when it is not 月間 (monthly), 月額, 月次, 月目, 月あたり…
_MONTH_WORD = r"月(?!間|額|次|目|当|あたり|ごと|毎|平均)"
_MONTH_SUB = (
    rf"(?P<month>{_MONTH}){_SP}(?:月(?P<fyend>期)"
    rf"|月{_SP}(?P<day>{_DAY}){_SP}日(?!間|あたり|当){_WEEKDAY_TAIL}"
    rf"|月{_SP}の?{_SP}(?P<mpart>{_alt(MONTH_PARTS)})(?!て)|{_MONTH_WORD})"
)
# 4〜6月期, 1月〜3月期: a quarter or a half named by its months, as results are reported
_MONTH_SPAN = (
    rf"(?P<mfrom>{_MONTH})(?:{_SP}月)?{_SP}[〜～~\-－ー]{_SP}(?P<mto>{_MONTH}){_SP}月期"
)
_YEAR_SUB = (
    rf"(?:{_SP}の?{_SP}(?:第{_SP}(?P<quarter>{_Q}){_SP}四半期|(?:Q|Ｑ)(?P<quarter>[1-4１-４])"
    rf"|(?P<half>{_alt(HALVES)})|{_MONTH_SPAN}|{_MONTH_SUB}))"
    rf"|(?P<ypart>{_alt(YEAR_PARTS)})(?!て)"
)

PATTERNS: list[TimePattern] = [
    # 2026年, 2026年度, 令和8年, 今年, 来年度 with an optional part: 第2四半期, 前半, 3月15日, 末
    TimePattern(
        "year",
        rf"{_NOT_NUM_BEFORE}(?:(?P<year>[12]{_D}{{3}}|[１２][０-９]{{3}}|[一二][〇一二三四五六七八九]{{3}}){_SP}年"
        rf"(?!間|ぶり|以上|以内|未満|近く|余|超|足らず|ほど|程度|後(?!半)|前(?!半)|代|生|目)"
        rf"|(?:(?P<era>{_alt(ERAS)})|(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<era>{_alt(ERA_LETTERS)})(?=[0-9０-９]))"
        rf"{_SP}(?P<eyear>元|{_NUM}){_SP}年(?!間|ぶり|代|生|目)"
        rf"|(?P<ryear>{_alt(RELATIVE_YEARS)}))"
        rf"(?P<fy>度)?(?:{_YEAR_SUB})?{_WEEK_OF}{_SUFFIX}",
        period,
    ),
    # 令和3.7.18, H30・4・1, 令和3.7: an era year with its month (and day) after a dot
    TimePattern(
        "era-dotted-date",
        rf"(?:(?P<era>{_alt(ERAS)})|(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<era>{_alt(ERA_LETTERS)}))"
        rf"(?P<eyear>元|[0-9０-９]{{1,2}})(?P<sep>[.・．])(?P<month>1[0-2]|0?[1-9]|１[０-２]|０?[１-９])"
        rf"(?:(?P=sep)(?P<day>3[01]|[12][0-9]|0?[1-9]|３[０１]|[１２][０-９]|０?[１-９]))?"
        rf"(?![0-9０-９.．]|{_SP}[年月日%％])(?!・[0-9０-９]+{_SP}年){_SUFFIX}",
        period,
    ),
    # 2026/1/15, 2026-01-15, 2021・7・18
    TimePattern(
        "numeric-date",
        rf"{_NOT_NUM_BEFORE}(?P<year>[12]\d{{3}})(?P<sep>[/\-.・])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
        rf"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d.]){_WEEKDAY_TAIL}{_SUFFIX}",
        period,
    ),
    # 1月15日, 3月, 3月下旬 (year from the article; not after 翌年, 同年, 毎年: another year)
    TimePattern(
        "month",
        rf"{_NOT_NUM_BEFORE}(?<![年度]{_SP}の?{_SP})(?!{_MONTH}{_SP}月期){_MONTH_SUB}{_WEEK_OF}{_SUFFIX}",
        period,
    ),
    # 今月, 来月末, 先月15日
    TimePattern(
        "relative-month",
        rf"(?P<rmonth>{_alt(RELATIVE_MONTHS)})(?:{_SP}の?{_SP}(?P<mpart>{_alt(MONTH_PARTS)})(?!て)"
        rf"|{_SP}の?{_SP}(?P<day>{_DAY}){_SP}日(?!間))?{_SUFFIX}",
        relative_month,
    ),
    # 今週, 来週の月曜日
    TimePattern(
        "relative-week",
        rf"(?P<rweek>{_alt(RELATIVE_WEEKS)})(?:{_SP}の?{_SP}(?P<weekday>[月火水木金土日])曜日?"
        rf"|(?P<wend>末))?{_SUFFIX}",
        relative_week,
    ),
    # 月曜日, 金曜 (not 毎週月曜: a rate)
    TimePattern(
        "weekday",
        rf"(?<!毎週?|[0-9０-９年月(（])(?P<weekday>[月火水木金土日])曜(?:日)?{_SUFFIX}",
        weekday,
    ),
    # 年末, 年明け, 年内, 上半期 alone: the article's own year
    TimePattern(
        "bare-year-word",
        rf"(?<![0-9０-９今来昨去毎前翌同当各本再一年度末])(?P<ybare>{_alt(BARE_YEAR_WORDS)})(?!て){_SUFFIX}",
        bare_year_word,
    ),
    # 月末, 上旬 alone: the article's own month
    TimePattern(
        "bare-month-word",
        rf"(?<![0-9０-９今来先毎前翌同当各再月])(?P<mbare>{_alt(BARE_MONTH_WORDS)}){_SUFFIX}",
        bare_month_word,
    ),
    # 4〜6月期 alone: the article's own year
    TimePattern(
        "month-span",
        rf"{_NOT_NUM_BEFORE}(?<![年度]{_SP}の?{_SP}){_MONTH_SPAN}{_SUFFIX}",
        period,
    ),
    # 第3四半期 alone
    TimePattern(
        "quarter",
        rf"(?<![年度]{_SP}の?{_SP})第{_SP}(?P<quarter>{_Q}){_SP}四半期{_SUFFIX}",
        period,
    ),
    # 1990年代, 90年代, 一九六〇年代
    TimePattern(
        "decade",
        rf"{_NOT_NUM_BEFORE}(?:(?P<decade>[12]{_D}{{2}}0|[１２][０-９]{{2}}０|[一二][〇一二三四五六七八九]{{2}}〇)"
        rf"|(?P<decade2>{_D}0)){_SP}年代{_SUFFIX}",
        decade,
    ),
    # 2021春: a year and a season, written without 年
    TimePattern(
        "year-season",
        rf"{_NOT_NUM_BEFORE}(?P<year>[12]\d{{3}}|[１２][０-９]{{3}})(?P<ypart>[春夏秋])(?![春夏秋冬季])",
        period,
    ),
    # 21世紀
    TimePattern(
        "century",
        rf"{_NOT_NUM_BEFORE}(?P<century>[12]?[0-9]|二十一|二十|十九){_SP}世紀(?!間|近く|以上|半|くらい|ぐらい|ほど|余り|あまり|にわた|ぶり){_SUFFIX}",
        century,
    ),
    # 3年後, 10年以上前, 2か月前, 5日後
    TimePattern(
        "offset",
        rf"{_NOT_NUM_BEFORE}(?P<reln>[0-9０-９]{{1,3}}|(?<![一二三四五六七八九十])[一二三四五六七八九十]{{1,4}}){_SP}"
        rf"(?P<relunit>年|か月|ヶ月|ヵ月|カ月|ケ月|箇月|週間|日間|日)(?P<rhalf>半)?"
        rf"(?P<qual>以上|近く|余り|ほど|あまり|くらい|ぐらい)?(?P<relsign>後|前|まえ)"
        rf"(?!半|後|期|者|述|記|提|回)"
        rf"(?:{_SP}(?P<dir>{_alt(DIRECTIONS)}))?",
        offset,
    ),
    # 半年前, 半月後, 四半世紀ほど前: half a unit, or a quarter of a century
    TimePattern(
        "half-offset",
        r"(?<![0-9０-９一二三四五六七八九十])(?P<reln>四半|半)(?P<relunit>年|月|世紀)"
        r"(?P<qual>ほど|くらい|ぐらい|近く)?(?P<relsign>後|前)(?!半|後|期|者|述|記|提|回)",
        offset,
    ),
    # 2021/7: a year and a month
    TimePattern(
        "year-slash-month",
        rf"{_NOT_NUM_BEFORE}(?P<year>[12]\d{{3}})/(?P<month>1[0-2]|0?[1-9])(?![\d/.])",
        period,
    ),
    # Q2 alone: the article's year
    TimePattern(
        "q-quarter",
        rf"(?<![A-Za-z0-9０-９年度]{_SP})(?:Q|Ｑ)(?P<quarter>[1-4１-４])(?![0-9０-９A-Za-z]){_SUFFIX}",
        period,
    ),
    # 30日, as news writes the day of an event (政府は30日、…): the article's month
    TimePattern(
        "day-of-month",
        rf"(?<![0-9０-９月年ヶか間の一二三四五六七八九十])(?P<bday>{_DAY}){_SP}日"
        rf"(?!間|で|以内|以上|未満|ほど|程度|近く|余|後|前|あたり|当たり|連続|分|目|付|本|ぶり|半|ばかり"
        rf"|足らず|弱|強|超|中|おき|ごと|毎|平均|経|か(?!ら)|ヶ){_WEEK_OF}{_SUFFIX}",
        day_of_month,
    ),
    TimePattern(
        "shifted-weekday",
        rf"(?P<wshift>{_alt(WEEKDAY_SHIFTS)}){_SP}(?P<weekday>[月火水木金土日])曜日?{_SUFFIX}",
        shifted_weekday,
    ),
    # 今日, 明日, 一昨日: a day counted from the article's
    # (今日、 and 明日には open a sentence as "nowadays" and "in the future": not a day)
    TimePattern(
        "relative-day",
        rf"(?:(?P<rday>{_alt(w for w in RELATIVE_DAYS if w not in FIGURATIVE_DAYS)})"
        rf"|(?P<rday>{_alt(FIGURATIVE_DAYS)})"
        rf"(?!{_SP}(?:[、，,]|には|では|こそ|も|の(?!朝|昼|夜|夕|午|{_D}|[一二三四五六七八九十]))))"
        rf"{_SUFFIX}",
        relative_day,
    ),
    # the end of a range that names only its day: 4日から23日まで, 10日-20日
    TimePattern(
        "range-end-day",
        rf"(?<=(?:から|[〜～~\-－]){_SP})(?P<bday>{_DAY}){_SP}日(?!間){_SUFFIX}",
        day_of_month,
    ),
    # 半月, 半月間: half a month
    TimePattern(
        "half-month",
        rf"(?:(?P<pqual>{_alt(PREFIX_QUALIFIERS)}){_SP})?"
        rf"(?<![0-9０-９一二三四五六七八九十前後上下])(?P<dhalfonly>半)(?P<dunit>月間|月)(?![板形状刊])"
        rf"{_SUFFIX}",
        length,
    ),
    # 今後5年間, 過去10年, ここ数年
    TimePattern(
        "ahead-length",
        rf"(?P<ahead>{_alt(AHEAD_WORDS)}){_SP}の?{_SP}(?:(?P<dnum>{_NUM})|(?P<dvague>{_alt(VAGUE_COUNTS)}))"
        rf"{_SP}(?P<dunit>年間|年|か月間|ヶ月間|カ月間|か月|ヶ月|カ月|ヵ月|週間|日間|日)"
        rf"(?P<dhalf2>半)?{_SUFFIX}",
        length,
    ),
    # 4ヶ月, 122日, 2年半, 45分間, 半年, 数十年, 約3年, 10年以上, 4ヶ月足らず
    TimePattern(
        "length",
        rf"(?:(?P<pqual>{_alt(PREFIX_QUALIFIERS)}){_SP})?"
        rf"(?:(?<![0-9０-９一二三四五六七八九十前後])(?P<dhalfonly>四半|半)"
        rf"|{_NOT_NUM_BEFORE}(?P<dnum>{_NUM}){_SP}(?:[〜～~\-－]{_SP}(?P<dnum2>{_NUM}){_SP})?(?P<dhalf>半)?"
        rf"|(?P<dvague>{_alt(VAGUE_COUNTS)}))"
        rf"(?P<dunit>{_LENGTH_UNITS})(?P<dhalf2>半)?(?!生|目|代|度|次|制|式|号|版|前(?!後)|後(?!半))"
        rf"{_SUFFIX}",
        length,
    ),
]
