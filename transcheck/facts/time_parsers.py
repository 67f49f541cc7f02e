"""Time patterns and their parse functions: each pattern carries the function that reads it.

A language's time module (:mod:`transcheck.lang.times_ja`, ``times_zh``, ``times_en``) lists
:class:`TimePattern` objects, each a regular expression with named groups paired with one
of the parse functions below, as ja-timex pairs a pattern with its parser. A parse
function is shared wherever the meaning is: :func:`period` reads 2026年第2四半期,
2026年第二季度 and "Q2 2026" alike; the words differ by language, and come from that
language's :class:`TimeTables`, never from a test of which language it is.

A parse function takes a :class:`TimeMatch` and returns the fields of a
:class:`~transcheck.model.TimeSpan` it found (None when the match is no time after all);
:mod:`transcheck.facts.times` adds what every pattern shares (the direction and qualifier
words, the text and offsets) and joins neighbours into ranges and compound lengths.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import regex

from .. import lang as languages
from . import calendar as cal
from .quantities import parse_numeral

# The fields of a TimeSpan a parse function found; keys starting with "_" are notes for
# the shared step (a direction the word carries, the count and unit of an exact length).
Fields = dict[str, Any]

_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2, "零": 0}
# Full-width digits, point and Q as their ASCII forms, one character for one (so offsets hold)
FULLWIDTH = str.maketrans("０１２３４５６７８９．Ｑ", "0123456789.Q")

# Units of a length that are written as multiples of a year or of a month.
_YEAR_MULTIPLES = {"DEC": 10.0, "C": 100.0}
_MONTH_MULTIPLES = {"Q": 3.0}
# Offsets (3年後, 10 years ago) and their unit words → anchor unit.
_OFFSET_UNITS = {
    "年": "Y", "か月": "M", "ヶ月": "M", "ヵ月": "M", "カ月": "M", "ケ月": "M", "箇月": "M",
    "个月": "M", "週間": "W", "周": "W", "日": "D", "日間": "D", "天": "D",
    "year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W",
    "day": "D", "days": "D", "个星期": "W", "星期": "W", "个季度": "Q",
}
_GRANULARITY = {"Y": "year", "FY": "year", "M": "month", "W": "week", "D": "day"}
# Words after a short length that show it is a length (3日で, 5分間): without one, 3日 may
# be a day of the month and 3分 a fraction (3分の1), so they are not read as lengths.
_LENGTH_CONTEXT = regex.compile(
    r"[ \t]*(?:間|で|以内|以上|未満|足らず|かか|かけ|ほど|程度|近く|余り|あまり|ばかり|連続"
    r"|も|弱|強|超|後|前|経|待|内|左右|多|之久|不到|里|的时间)"
)
_KANJI_LENGTH = regex.compile(r"[百千]")
# minutes and seconds that are none: a clock (10時30分, 3点50分) or a fraction (3分の1)
# (or 分 of a yuan: 6角3分)
_NOT_MINUTES = regex.compile(r"(?:[時点:：角]\d*[0-9０-９]+分|分[の之])")
_AFTER_LENGTH = regex.compile(
    r"[0-9０-９一二三四五六七八九十](?:年|ヶ月|か月|カ月|ヵ月|日|時間|个月|天|小时)$")
_RATE_CONTEXT = regex.compile(r"[ \t]*(?:あたり|当たり|当り|ごと|毎|おき|に[1一]|平均)")


def number(text: str, words: dict[str, int]) -> float | None:
    """1, ２０, 3.5, 十二, 二〇二六, 两, "two" → a number; None when it is not one."""
    s = text.translate(FULLWIDTH).strip().replace(",", "")
    if not s:
        return None
    if s.lower() in words:
        return float(words[s.lower()])
    try:
        return float(s)
    except ValueError:
        pass
    if "百" in s or "千" in s:  # 三百年, 千年, 百二十五年
        value = parse_numeral(s, "ja")
        return None if value is None else float(value)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _KANJI_DIGITS.get(tens, -1) if tens else 1
        o = _KANJI_DIGITS.get(ones, -1) if ones else 0
        return None if t < 0 or o < 0 else float(10 * t + o)
    if all(c in _KANJI_DIGITS for c in s):
        return float("".join(str(_KANJI_DIGITS[c]) for c in s))
    return None


def key(word: str) -> str:
    return " ".join(word.split()).lower()


# the parse functions' name of each table → the field of the language's TimeWords that holds it
_TABLE_FIELDS = {
    "RELATIVE_YEARS": "relative_years", "RELATIVE_MONTHS": "relative_months",
    "RELATIVE_WEEKS": "relative_weeks", "YEAR_PARTS": "year_parts", "HALVES": "halves",
    "MONTH_PARTS": "month_parts", "BARE_YEAR_WORDS": "bare_year_words",
    "BARE_MONTH_WORDS": "bare_month_words", "WEEKDAYS": "weekdays",
    "DURATION_UNITS": "duration_units", "VAGUE_COUNTS": "vague_counts",
    "AHEAD_WORDS": "ahead_words", "OFFSET_SIGNS": "offset_signs",
    "PREFIX_QUALIFIERS": "prefix_qualifiers", "SUFFIX_QUALIFIERS": "suffix_qualifiers",
    "DIRECTIONS": "directions", "PREFIX_DIRECTIONS": "prefix_directions",
    "NUMBER_WORDS": "number_words", "RELATIVE_DAYS": "relative_days",
    "WEEKDAY_SHIFTS": "weekday_shifts", "RELATIVE_QUARTERS": "relative_quarters",
    "ERA_LETTERS": "era_letters", "WEEK_POSITIONS": "week_positions", "QUARTERS": "quarters",
    "MONTH_NAMES": "month_names", "DAY_WORDS": "day_words", "DECADE_WORDS": "decade_words",
    "WEEKDAY_ABBREVIATIONS": "weekday_abbreviations",
}


@dataclass(frozen=True)
class TimeTables:
    """One language's time words (its data folder's times.tsv, read into a typed
    :class:`~transcheck.lang.loader.TimeWords`), keyed by normalised words (今年 → 0)."""

    tables: dict[str, dict[str, Any]]
    # 15日 may be a day of the month, 3分 a fraction: a short length needs a word saying so
    # (15日間, 3分以内); "15 days" never does (the language's language.toml)
    short_lengths_need_context: bool = True
    # what joins two times into one range (4日から23日まで: から; no gap at all joins too),
    # what opens such a range with the word that then joins it (between August and
    # October), what joins two lengths into one, the larger first (1年2ヶ月, 1 year and 2
    # months) or in any order (两天又一个月), and the words that count a length on from a
    # day (three weeks from tomorrow)
    range_joiners: frozenset[str] = frozenset({""})
    range_openers: Mapping[str, str] = field(default_factory=dict)
    length_joiners: Mapping[str, str] = field(default_factory=lambda: {"": "larger-first"})
    count_from: tuple[str, ...] = ()

    @classmethod
    def of(cls, lang: str) -> TimeTables:
        language = languages.language(lang)
        times = language.times
        return cls({name: {key(k): v for k, v in getattr(times, attr).items()}
                    for name, attr in _TABLE_FIELDS.items()},
                   language.short_lengths_need_context,
                   frozenset({"", *times.range_joiners}), dict(times.range_openers),
                   {"": "larger-first", **times.length_joiners},
                   tuple(f"{w} " if language.spaced_words else w
                         for w in times.count_from_words))

    def get(self, table: str, word: str | None) -> Any:
        return None if word is None else self.tables[table].get(key(word))


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One match of a time pattern, as its parse function sees it."""

    groups: dict[str, str | None]
    start: int
    end: int
    text: str  # the whole text scanned (for the words around the match)
    words: TimeTables
    when: date | None  # the article's date, when known

    def __getitem__(self, group: str) -> str | None:
        return self.groups.get(group)


Parse = Callable[[TimeMatch], "Fields | None"]


@dataclass(frozen=True)
class TimePattern:
    """A regular expression with named groups and the function that reads its matches."""

    name: str
    pattern: str
    parse: Parse


def now_anchor(sign: int, count: float, unit: str) -> str:
    return f"now{'+' if sign > 0 else '-'}P{count:g}{unit}"


def resolved(anchor: str, when: date | None) -> Fields:
    if when is None:
        return {"time_start": None, "time_end": None}
    try:
        start, end = cal.resolve_anchor(anchor, when)
    except (ValueError, OverflowError):  # 2月30日, or beyond the calendar
        return {"time_start": None, "time_end": None}
    return {"time_start": start, "time_end": end}


def week_of(fields: Fields, position: str | None) -> Fields:
    """The Monday-to-Sunday week holding a period's first or last day (2016年の最後の週:
    Dec 26 .. Jan 1), or holding a day (4月10日の週); unchanged when it is not resolved."""
    start, end = fields.get("time_start"), fields.get("time_end")
    if start is None or end is None or (position is None and start != end):
        return fields
    pivot = end if position == "last" else start
    monday = pivot - timedelta(days=pivot.weekday())
    return {**fields, "anchor": None, "relative": False, "granularity": "week",
            "time_start": monday, "time_end": monday + timedelta(days=6)}


# --- points and periods --------------------------------------------------------------


def decade(m: TimeMatch) -> Fields | None:
    """1990年代, 90年代, the '90s (a two-digit decade is the one nearest the article)."""
    first = (int(number(m["decade"] or "", {}) or 0) if m["decade"]
             else cal.decade_from_two_digits(int(m["decade2"] or 0), m.when))
    s, e = cal.decade_interval(first)
    return {"time_start": s, "time_end": e, "granularity": "decade"}


def decade_word(m: TimeMatch) -> Fields | None:
    """the nineties: of the article's century, or of the last one."""
    first = cal.decade_from_two_digits(int(m.words.get("DECADE_WORDS", m["decadew"])), m.when)
    s, e = cal.decade_interval(first)
    return {"time_start": s, "time_end": e, "granularity": "decade"}


def century(m: TimeMatch) -> Fields | None:
    """21世紀, 二十一世纪, the 21st century, the twenty-first century, and a decade in one
    (十九世纪七十年代)."""
    word = m["century"] or ""
    n = m.words.get("DAY_WORDS", word) or number(word, m.words.tables["NUMBER_WORDS"])
    if n is None or not 1 <= n <= 30:
        return None
    if m["cdecade"]:  # 十九世纪七十年代: the 1870s
        tens = number(m["cdecade"] or "", {})
        if tens is None:
            return None
        s, e = cal.decade_interval(int(n - 1) * 100 + int(tens))
        return {"time_start": s, "time_end": e, "granularity": "decade"}
    s, e = cal.century_interval(int(n))
    return {"time_start": s, "time_end": e, "granularity": "century"}


def relative_day(m: TimeMatch) -> Fields | None:
    """昨日, 明天, tomorrow: a day counted from the article's."""
    anchor = f"D{m.words.get('RELATIVE_DAYS', m['rday']):+d}"
    return {"anchor": anchor, "relative": True, "granularity": "day",
            **resolved(anchor, m.when)}


def relative_quarter(m: TimeMatch) -> Fields | None:
    """上个季度, 本季度末: a quarter counted from the article's (末 its last month)."""
    if m.when is None:
        return None
    q = (m.when.month - 1) // 3 + m.words.get("RELATIVE_QUARTERS", m["rquarter"])
    anchor = f"Y{q // 4:+d}/Q{q % 4 + 1}"
    gran = "quarter"
    if m["qpart"]:  # 上季度末: the quarter's last month; 初 its first
        month = (q % 4) * 3 + (1 if m["qpart"] == "初" else 3)
        anchor, gran = f"Y{q // 4:+d}/M{month:02d}", "month"
    return {"anchor": anchor, "relative": True, "granularity": gran,
            **resolved(anchor, m.when)}


def day_of_month(m: TimeMatch) -> Fields | None:
    """30日 (政府は30日、…), 23日 ending a range: the article's month, or the range start's
    (see ``_join_ranges`` in :mod:`.times`)."""
    day = m["bday"] or str(m.words.get("DAY_WORDS", m["bdayw"]) or "")  # the seventeenth
    return _relative_small("M", 0, {"day": day}, m.words, m.when)


def now(m: TimeMatch) -> Fields | None:
    """now, date ending a range (between Jan 2019 and now, from March to date): today."""
    return {"anchor": "D+0", "relative": True, "granularity": "day",
            **resolved("D+0", m.when)}


def iso_week(m: TimeMatch) -> Fields | None:
    """the second week of 2021, week 27 of last year: the week as ISO 8601 counts them."""
    g, when = m.words, m.when
    n = g.get("DAY_WORDS", m["isoweek"]) or number(m["isoweek"] or "", {})
    if m["year"]:
        year: int | None = int(m["year"] or 0)
    elif m["ryear"] and when is not None:
        year = when.year + g.get("RELATIVE_YEARS", m["ryear"])
    else:
        year = None
    if n is None or year is None:
        return None
    try:
        monday = date.fromisocalendar(year, int(n), 1)
    except ValueError:
        return None
    return {"time_start": monday, "time_end": monday + timedelta(days=6),
            "granularity": "week"}


def weekday_and_day(m: TimeMatch) -> Fields | None:
    """Friday 31, Sat 14th: the day of that number, nearest the article's, that falls on
    that weekday."""
    wd = _weekday(m["mday_weekday"], m.words)
    n_day = int(m["mday"] or 0)
    if m.when is None or wd is None:
        return None
    base = m.when.year * 12 + m.when.month - 1
    days = [date(y, k + 1, n_day) for y, k in (divmod(base + i, 12) for i in range(-24, 25))
            if cal.is_valid_day(y, k + 1, n_day)]
    days = [x for x in days if x.weekday() == wd]
    if not days:
        return None
    best = min(days, key=lambda x: abs((x - m.when).days) if m.when else 0)
    return {"time_start": best, "time_end": best, "granularity": "day"}


def relative_month(m: TimeMatch) -> Fields | None:
    """今月, 来月末, 上个月15号, 下个月第一周."""
    offset = m.words.get("RELATIVE_MONTHS", m["rmonth"])
    return _relative_small("M", offset, m.groups, m.words, m.when)


def relative_week(m: TimeMatch) -> Fields | None:
    """今週, 来週の月曜日, 下周末."""
    offset = m.words.get("RELATIVE_WEEKS", m["rweek"])
    return _relative_small("W", offset, m.groups, m.words, m.when)


def weekday(m: TimeMatch) -> Fields | None:
    """金曜日, 星期三, Friday: that day of the article's week."""
    return _relative_small("W", 0, m.groups, m.words, m.when)


def shifted_weekday(m: TimeMatch) -> Fields | None:
    """次の金曜日, next Tuesday: the weekday of the week after (or before) the article's."""
    offset = m.words.get("WEEKDAY_SHIFTS", m["wshift"])
    return _relative_small("W", offset, m.groups, m.words, m.when)


def bare_month_word(m: TimeMatch) -> Fields | None:
    """月末, 上旬 alone: the article's own month."""
    return _relative_small("M", 0, {"mpart": m["mbare"]}, m.words, m.when, bare=True)


def bare_year_word(m: TimeMatch) -> Fields | None:
    """年末, 年内, by the end of the year: the article's own year."""
    name, direction = m.words.get("BARE_YEAR_WORDS", m["ybare"])
    anchor = "Y+0" + (f"/{name}" if name else "")
    gran = "year" if name is None else "half" if name[0] == "H" else "part"
    out = {"relative": True, "anchor": anchor, "granularity": gran, **resolved(anchor, m.when)}
    if direction:
        out["_direction"] = direction
    return out


def period(m: TimeMatch) -> Fields | None:
    """A year or a part of one, with or without its year: 2026年第2四半期, 令和3.7.18,
    今年前五个月, 3月15日, 4〜6月期, early next year. An absolute year resolves against
    itself; without one the anchor counts from the article's year."""
    d, g, when = m.groups, m.words, m.when
    if d.get("dayw"):  # the second of August: the day in words
        d = {**d, "day": str(g.get("DAY_WORDS", d["dayw"]))}
    if d.get("mfromw"):  # the July–September quarter: months 7 to 9
        d = {**d, "mfrom": str(g.get("MONTH_NAMES", d["mfromw"])),
             "mto": str(g.get("MONTH_NAMES", d["mtow"]))}
    fiscal = bool(d.get("fy"))
    kind = "FY" if fiscal else "Y"
    named = _year(d, g, when)
    if named is None:
        return None
    year, offset = named
    relative = year is None
    if d.get("firstn") or d.get("firstq") or d.get("firstd") or d.get("yweek"):
        y = year if year is not None else (when.year + offset if when else None)
        return None if y is None else _run_of_year(d, y)
    part: str | None = None
    sub: str | None = None
    gran = "year"
    month = _month(d, g)
    if d.get("quarter"):
        q = g.get("QUARTERS", d["quarter"]) or number(d["quarter"] or "", {})
        if q is None:
            return None
        part, gran = f"Q{int(q)}", "quarter"
    elif d.get("mfrom"):
        months = (number(d["mfrom"] or "", {}), number(d["mto"] or "", {}))
        spans = cal.FISCAL_MONTH_SPANS if fiscal else cal.MONTH_SPANS
        if None in months:
            return None
        part = spans.get((int(months[0] or 0), int(months[1] or 0)))
        if part is None:
            return None  # 1〜9月期: nine months, no part of a year we name
        gran = "quarter" if part[0] == "Q" else "half"
    elif d.get("half"):
        part, gran = g.get("HALVES", d["half"]), "half"
    elif d.get("ypart") and month is None:
        part, gran = g.get("YEAR_PARTS", d["ypart"]), "part"
        if fiscal and part not in cal.FISCAL_PARTS:
            return None
    elif month is not None and d.get("fyend"):
        if year is None or not 1 <= month <= 12:
            return None  # 3月期 without a year: which one is not said
        # 2026年3月期: the business year that ends with March 2026
        opening = cal.add_months(date(year, month, 1), -11)
        return {"time_start": opening, "time_end": cal.month_end(year, month),
                "granularity": "year", "fiscal": True}
    elif month is not None:
        if not 1 <= month <= 12:
            return None
        part, gran = f"M{month:02d}", "month"
        if d.get("day"):
            day = number(d["day"] or "", g.tables["NUMBER_WORDS"])
            if day is None or not cal.is_valid_day(year or 2024, month, int(day)):
                return None
            part, gran = f"M{month:02d}-{int(day):02d}", "day"
        elif d.get("mpart"):
            sub, gran = g.get("MONTH_PARTS", d["mpart"]), "part"
        elif d.get("mweek"):
            n_week = number(d["mweek"] or "", {})
            if n_week is None:
                return None
            sub, gran = f"W{int(n_week)}", "week"
    anchor = f"{kind}{offset:+d}" + (f"/{part}" if part else "") + (f"/{sub}" if sub else "")
    if year is not None:
        if not 1 <= year <= 9000:
            return None  # no calendar for it (令和99999年 is a typo or a joke)
        # an absolute year is its own reference: resolve "Y+0/…" against a day inside it
        return {"anchor": None, "relative": False, "granularity": gran, "fiscal": fiscal,
                **resolved(anchor, date(year, 6, 1))}
    # "this September" names its year; "September" leaves it to be guessed
    implied_year = relative and not d.get("ryear") and not d.get("thisyear") and part is not None
    interval = resolved(anchor, when)
    if implied_year and d.get("future") and when and interval["time_end"] \
            and interval["time_end"] < when:
        # 将于1月发布 in a November article: next January, and the year is no guess
        anchor = anchor.replace(f"{kind}+0", f"{kind}+1", 1)
        implied_year, interval = False, resolved(anchor, when)
    return {"anchor": anchor, "relative": relative, "granularity": gran, "fiscal": fiscal,
            "implied_year": implied_year, **interval}


def _year(d: dict[str, str | None], g: TimeTables, when: date | None
          ) -> tuple[int | None, int] | None:
    """The year a period names (2026年, 九七年, 令和3年) or, when it names none, its offset
    from the article's year (去年: -1; 3月: 0); None when the year cannot be read."""
    if d.get("year"):
        n_year = number(d["year"] or "", {})
        return None if n_year is None else (int(n_year), 0)
    if d.get("year2"):
        n_year = number(d["year2"] or "", {})
        return None if n_year is None else (cal.year_from_two_digits(int(n_year), when), 0)
    if d.get("era"):
        n = 1.0 if d.get("eyear") == "元" else number(d.get("eyear") or "", {})
        if n is None or n < 1:
            return None
        era = d["era"] or ""
        return cal.era_year(g.get("ERA_LETTERS", era) or era, int(n)), 0
    if d.get("ryear"):
        return None, g.get("RELATIVE_YEARS", d["ryear"])
    return None, 0


def _run_of_year(d: dict[str, str | None], y: int) -> Fields | None:
    """A run from the year's start: 今年前五个月, 去年前三季度, 去年的前10天, or its Nth ISO
    week (今年第三十七个星期); resolved here (no anchor names such a run), so not relative."""
    if d.get("firstn") or d.get("firstq"):
        n = number(d.get("firstn") or d.get("firstq") or "", {})
        first_months = None if n is None else int(n) * (3 if d.get("firstq") else 1)
        if first_months is None or not 1 <= first_months <= 12:
            return None
        return {"anchor": None, "relative": False, "granularity": "month",
                "time_start": date(y, 1, 1), "time_end": cal.month_end(y, first_months)}
    n = number(d.get("firstd") or d.get("yweek") or "", {})
    if n is None or not 1 <= n <= (366 if d.get("firstd") else 53):
        return None
    if d.get("firstd"):
        first, last = date(y, 1, 1), date(y, 1, 1) + timedelta(days=int(n) - 1)
    else:
        try:
            first = date.fromisocalendar(y, int(n), 1)
        except ValueError:
            return None
        last = first + timedelta(days=6)
    return {"anchor": None, "relative": False,
            "granularity": "day" if d.get("firstd") else "week",
            "time_start": first, "time_end": last}


def _month(d: dict[str, str | None], g: TimeTables) -> int | None:
    if d.get("mname"):
        return int(g.get("MONTH_NAMES", d["mname"]))
    if d.get("month"):
        n = number(d["month"] or "", {})
        return None if n is None else int(n)
    return None


def _relative_small(kind: str, offset: int, d: dict[str, str | None], g: TimeTables,
                    when: date | None, *, bare: bool = False) -> Fields | None:
    """今月末, 来週月曜日, 上旬 (the article's month), 金曜日 (the article's week)."""
    part = None
    gran = "month" if kind == "M" else "week"
    if kind == "M" and (word := d.get("mpart")):
        part = g.get("BARE_MONTH_WORDS", word) if bare else g.get("MONTH_PARTS", word)
        gran = "part"
    elif kind == "M" and d.get("mweek"):
        n_week = number(d["mweek"] or "", {})
        if n_week is None:
            return None
        part, gran = f"W{int(n_week)}", "week"
    elif kind == "M" and d.get("day"):
        n = number(d["day"] or "", {})
        if n is None or not 1 <= n <= 31:
            return None
        part, gran = str(int(n)), "day"
    elif kind == "W" and d.get("weekday"):
        wd = _weekday(d["weekday"], g)
        if wd is None:
            return None
        part, gran = cal.WEEKDAYS[wd], "day"
    elif kind == "W" and d.get("wend"):  # 今週末, 下周末: its Saturday and Sunday
        part, gran = "weekend", "part"
    anchor = f"{kind}{offset:+d}" + (f"/{part}" if part else "")
    return {"anchor": anchor, "relative": True, "granularity": gran, **resolved(anchor, when)}


def _weekday(word: str | None, g: TimeTables) -> int | None:
    """Monday → 0; Tues. → 1 (an abbreviation, where the pattern allows one)."""
    if word is None:
        return None
    found: int | None = g.get("WEEKDAYS", word)
    if found is None:
        found = g.get("WEEKDAY_ABBREVIATIONS", word.rstrip("."))
    return found


# --- offsets and lengths ---------------------------------------------------------------


def offset(m: TimeMatch) -> Fields | None:
    """3年後 → the year after next but one; 10年以上前 → 2016 (at least that long ago)."""
    d, g, when = m.groups, m.words, m.when
    word = d["reln"] or ""
    n = {"半": 0.5, "四半": 0.25}.get(word) or number(word, g.tables["NUMBER_WORDS"])
    unit_word = key(d.get("relunit") or "")
    unit = _OFFSET_UNITS.get(unit_word) or {"月": "M", "世紀": "Y"}.get(unit_word)
    # 3年以后: the sign word may also be the direction (from then on)
    sign = g.get("OFFSET_SIGNS", d.get("relsign") or d.get("dir"))
    if n is None or unit is None or sign is None:
        return None
    if unit_word == "世紀":
        n *= 100
    if unit == "Q":  # 三个季度后: nine months on
        n, unit = n * 3, "M"
    if d.get("rhalf"):
        n += 0.5
    if n != int(n):
        # 1年半後, 半年前: the year (or month) that holds the day so far away
        months = n * 12 if unit == "Y" else n if unit == "M" else None
        if months is None or when is None:
            return None
        day = cal.add_duration(when, sign * months, "M")
        if unit == "Y":
            anchor = f"Y{day.year - when.year:+d}"
        else:
            anchor = f"M{(day.year - when.year) * 12 + day.month - when.month:+d}"
        return {"anchor": anchor, "relative": True, "granularity": _GRANULARITY[unit],
                **resolved(anchor, when)}
    anchor = f"{unit}{sign * int(n):+d}"
    return {"anchor": anchor, "relative": True, "granularity": _GRANULARITY[unit],
            **resolved(anchor, when)}


def length(m: TimeMatch) -> Fields | None:
    """4ヶ月 → P4M; 2年半 → P2Y6M; 数十年 → P20Y..P90Y; 3~6个月 → P3M..P6M; 今後5年間 →
    now+P5Y. Where the language says so, a short count whose unit may name a day of the
    month or a fraction (15日, 3分) is a length only with a word that says so (15日間, 3日で,
    3分以内); "15 days" always is."""
    d, g, when, text, start, end = m.groups, m.words, m.when, m.text, m.start, m.end
    unit = g.get("DURATION_UNITS", d.get("dunit")) if d.get("dunit") else "Y"
    if unit is None:
        return None
    after = text[end:end + 6]
    if _RATE_CONTEXT.match(after) or (start > 0 and text[start - 1] in "第毎每"):
        return None  # 1日あたり, 毎日: a rate, left to quantities
    half = 0.5 if (d.get("dhalf") or d.get("dhalf2")) else 0.25 if (
        d.get("dquarter") or d.get("dquarter2")) else 0.0
    low: float
    high: float
    if d.get("dvague"):
        low, high = g.get("VAGUE_COUNTS", d["dvague"])
    elif d.get("dhalfonly"):
        if unit not in ("Y", "C", "D", "M", "H"):
            return None  # 半分 is a half, not half a minute
        low = high = 0.25 if d["dhalfonly"] == "四半" else 0.5
    else:
        n = number(d.get("dnum") or "", g.tables["NUMBER_WORDS"])
        if n is None or not 0 <= n < 100_000:
            return None  # no article speaks of a length of 10^400 days
        article = (d.get("dnum") or "").lower() in ("a", "an")
        if article and not d.get("pdir") and not d.get("pqual"):
            return None  # "250 million a day" is a rate
        low = high = n + half
        if d.get("dnum2"):  # 3~6个月
            n2 = number(d["dnum2"] or "", g.tables["NUMBER_WORDS"])
            if n2 is None or not n < n2 < 100_000:
                return None
            high = n2 + half
        if low <= 0:
            return None
        if unit == "Y" and n >= 1000 and not _KANJI_LENGTH.search(d.get("dnum") or ""):
            return None  # 2026年 is a year, read elsewhere (千年 is a length)
        unit_word = key(d.get("dunit") or "")
        # 15日 may be a day of the month; 15天 never is
        short = unit_word in ("日", "週", "day", "week") or (
            unit == "D" and n <= 31 and unit_word != "天") or (
            unit in ("MIN", "S") and (
                _NOT_MINUTES.search(text, max(0, start - 1), end + 1) is not None
                or not (d.get("dnum") or "")[:1].translate(FULLWIDTH).isdigit()))  # 十分
        if d.get("dhalf") or d.get("dhalf2") or (d.get("dnum") or "").startswith("两"):
            short = False  # 1日半, 两日: no day of a month
        # the smaller part of a compound length (1時間30分, 1年2ヶ月10日) is a length too
        after_length = not d.get("pdir") and _AFTER_LENGTH.search(
            text, max(0, start - 4), start) is not None
        if short and not d.get("ahead") and g.short_lengths_need_context and not after_length \
                and not (
                _LENGTH_CONTEXT.match(after) or unit_word.endswith("間") or d.get("qual")
                or d.get("dqual")
                or d.get("dir") or d.get("pqual") or (unit == "D" and n > 31)):
            return None  # 15日 may be a day of the month, 3分 a fraction
    if unit in _YEAR_MULTIPLES:
        low, high, unit = low * _YEAR_MULTIPLES[unit], high * _YEAR_MULTIPLES[unit], "Y"
    elif unit in _MONTH_MULTIPLES:
        low, high, unit = low * _MONTH_MULTIPLES[unit], high * _MONTH_MULTIPLES[unit], "M"
    duration = (cal.iso_duration(low, unit) if low == high
                else f"{cal.iso_duration(low, unit)}..{cal.iso_duration(high, unit)}")
    out: Fields = {
        "duration": duration,
        "low_days": cal.duration_days(low, unit),
        "high_days": cal.duration_days(high, unit),
        "_count": low,
        "_unit": unit,
        "_exact": low == high,
    }
    if low != high:
        out["qualifier"] = "approx"
    ahead = g.get("AHEAD_WORDS", d.get("ahead"))
    if ahead is not None and low == high and unit in ("Y", "M", "W", "D"):
        anchor = now_anchor(ahead, low, unit)
        out.update(anchor=anchor, relative=True, **resolved(anchor, when))
    elif ahead is not None:
        out["relative"] = True
    return out
