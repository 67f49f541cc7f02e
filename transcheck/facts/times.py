"""Times: dates, periods and durations, resolved against the article's date.

Each language module (:mod:`transcheck.lang.times_ja`, ``times_zh``, ``times_en``) gives
word tables and patterns with named groups; :func:`extract_times` runs every pattern,
keeps the longest match at each place, and one interpreter turns the groups into a
:class:`~transcheck.model.TimeSpan`:

* a point or period (2026年第2四半期, 来年末までに) gets its inclusive interval
  ``time_start``..``time_end``; a relative one (今年, 来月上旬) also gets its ``anchor``
  (``Y+0``, ``M+1/early``) and stays unresolved when the article has no date;
* a length of time (4ヶ月, 数十年, 2年半) gets an ISO 8601 ``duration`` and its length in
  days as ``low_days``..``high_days``; one counted from the article's day (今後5年間,
  3年以内) also gets an anchor (``now+P5Y``) and an interval.

:func:`compare_times` says how two time facts relate, for the findings stage.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import ModuleType
from typing import Any, Literal

import regex

from ..lang import SCAN_TIMEOUT, times_en, times_ja, times_zh
from ..model import TimeSpan
from . import calendar as cal
from .quantities import parse_numeral

_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2, "零": 0}
# Full-width digits, point and Q as their ASCII forms, one character for one (so offsets hold)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．Ｑ", "0123456789.Q")

# Units of a length that are written as multiples of a year.
_YEAR_MULTIPLES = {"DEC": 10.0, "C": 100.0}
# Offsets (3年後, 10 years ago) and their unit words → anchor unit.
_OFFSET_UNITS = {
    "年": "Y", "か月": "M", "ヶ月": "M", "ヵ月": "M", "カ月": "M", "ケ月": "M", "箇月": "M",
    "个月": "M", "週間": "W", "周": "W", "日": "D", "日間": "D", "天": "D",
    "year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W",
    "day": "D", "days": "D",
}
_GRANULARITY = {"Y": "year", "FY": "year", "M": "month", "W": "week", "D": "day"}
# Words after a short length that show it is a length (3日で, 5分間): without one, 3日 may
# be a day of the month and 3分 a fraction (3分の1), so they are not read as lengths.
_LENGTH_CONTEXT = regex.compile(
    r"[ \t]*(?:間|で|以内|以上|未満|足らず|かか|かけ|ほど|程度|近く|余り|あまり|ばかり|連続"
    r"|も|弱|強|超|後|前|経|待|内|左右|多|之久|不到|里|的时间)"
)
# How far around a trigger word a time expression may reach (by the end of next year).
_WINDOW = 48
_KANJI_LENGTH = regex.compile(r"[百千]")
# minutes and seconds that are none: a clock (10時30分, 3点50分) or a fraction (3分の1)
# (or 分 of a yuan: 6角3分)
_NOT_MINUTES = regex.compile(r"(?:[時点:：角]\d*[0-9０-９]+分|分[の之])")
_AFTER_LENGTH = regex.compile(
    r"[0-9０-９一二三四五六七八九十](?:年|ヶ月|か月|カ月|ヵ月|日|時間|个月|天|小时)$")
_RATE_CONTEXT = regex.compile(r"[ \t]*(?:あたり|当たり|当り|ごと|毎|おき|に[1一]|平均)")


def _number(text: str, words: dict[str, int]) -> float | None:
    """1, ２０, 3.5, 十二, 二〇二六, 两, "two" → a number; None when it is not one."""
    s = text.translate(_FULLWIDTH).strip().replace(",", "")
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


def _key(word: str) -> str:
    return " ".join(word.split()).lower()


@dataclass(frozen=True)
class _Grammar:
    """One language's tables, keyed by normalised words, and its compiled patterns."""

    lang: str
    patterns: tuple[Any, ...]
    tables: dict[str, dict[str, Any]]
    trigger: Any = None  # what every time expression holds, to skip text without any

    @classmethod
    def of(cls, mod: ModuleType) -> _Grammar:
        names = ("RELATIVE_YEARS", "RELATIVE_MONTHS", "RELATIVE_WEEKS", "YEAR_PARTS",
                 "HALVES", "MONTH_PARTS", "BARE_YEAR_WORDS", "BARE_MONTH_WORDS", "WEEKDAYS",
                 "DURATION_UNITS", "VAGUE_COUNTS", "AHEAD_WORDS", "OFFSET_SIGNS",
                 "PREFIX_QUALIFIERS", "SUFFIX_QUALIFIERS", "DIRECTIONS", "PREFIX_DIRECTIONS",
                 "NUMBER_WORDS")
        tables = {n: {_key(k): v for k, v in getattr(mod, n).items()} for n in names}
        for extra in ("RELATIVE_DAYS", "WEEKDAY_SHIFTS", "RELATIVE_QUARTERS", "ERA_LETTERS",
                      "WEEK_POSITIONS", "DAY_WORDS", "DECADE_WORDS", "WEEKDAY_ABBREVIATIONS"):
            tables[extra] = {_key(k): v for k, v in getattr(mod, extra, {}).items()}
        tables["QUARTERS"] = {_key(k): v for k, v in getattr(mod, "QUARTERS", {}).items()}
        tables["MONTH_NAMES"] = {_key(k): v for k, v in getattr(mod, "MONTH_NAMES", {}).items()}
        lang = mod.__name__.rsplit("_", 1)[-1]
        trigger = getattr(mod, "TRIGGER", None)
        return cls(lang, tuple(regex.compile(p) for p in mod.PATTERNS), tables,
                   regex.compile(trigger) if trigger else None)

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of text worth scanning: around each trigger, merged; else all of it."""
        if self.trigger is None:
            return [(0, len(text))]
        spans: list[tuple[int, int]] = []
        for m in self.trigger.finditer(text, timeout=SCAN_TIMEOUT):
            s, e = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        return spans

    def get(self, table: str, word: str | None) -> Any:
        return None if word is None else self.tables[table].get(_key(word))


_TABLES = {"ja": times_ja, "zh": times_zh, "en": times_en}


@functools.cache
def _grammar(lang: str) -> _Grammar:
    """A language's grammar, compiled on first use: a Japanese pair never waits for the
    English patterns (the largest)."""
    return _Grammar.of(_TABLES[lang])


def extract_times(text: str, lang: str, when: date | None, *, base: int = 0,
                  unit: int = 0) -> list[TimeSpan]:
    """The time facts in one unit's text, with offsets shifted by ``base``.

    >>> [t.text for t in extract_times("来年末までに出荷、4ヶ月足らずで", "ja", None)]
    ['来年末までに', '4ヶ月足らず']
    """
    grammar = _grammar(lang if lang in _TABLES else "ja")
    # every language's patterns read ２０２６年 and Ｑ４ as they read 2026年 and Q4
    original, text = text, text.translate(_FULLWIDTH)
    candidates: list[tuple[int, int, int, Any]] = []
    windows = grammar.windows(text)
    for rank, pattern in enumerate(grammar.patterns):
        for lo, hi in windows:
            for m in pattern.finditer(text, lo, hi, timeout=SCAN_TIMEOUT):
                if m.end() > m.start():
                    candidates.append((m.start(), -(m.end() - m.start()), rank, m))
    candidates.sort(key=lambda c: c[:3])
    found: list[TimeSpan] = []
    reach = 0
    for start, _, _, m in candidates:
        if start < reach:
            continue
        span = _interpret(m, grammar, when, text, base, unit)
        if span is not None:
            found.append(span)
            reach = m.end()
    if len(found) > 1:
        found = _join_ranges(_join_offsets(_join_lengths(found, text, base), text, base),
                             text, base, when)
    if text != original:  # the facts quote the text as written
        found = [replace(t, text=original[t.start - base:t.end - base]) for t in found]
    return found


# What may stand between two times read as one range (2017年8月11日至8月22日, 4日から23日まで)
# or two lengths read as one (1年2ヶ月, 两天又一个月).
_RANGE_JOINERS = frozenset({"", "到", "至", "-", "–", "—", "~", "〜", "～", "－", "から", "to"})
_LENGTH_JOINERS = frozenset({"", "又", "と", "and", "零"})
_ISO = regex.compile(
    r"P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<MIN>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?")
_BARE_DAY = regex.compile(r"M\+0/(\d+)")
_MONTH_DAY = regex.compile(r"M([+-]\d+)/(\d+)")
_YEAR_MONTH_DAY = regex.compile(r"Y([+-]\d+)/M(\d\d)-(\d\d)")


def _iso_sum(a: str, b: str) -> str | None:
    """P1Y + P2M → P1Y2M; PT1H + PT30M → PT1H30M (None for ranges or unreadable ones)."""
    ma, mb = _ISO.fullmatch(a), _ISO.fullmatch(b)
    if ma is None or mb is None:
        return None
    parts = {k: float(ma[k] or 0) + float(mb[k] or 0)
             for k in ("Y", "M", "W", "D", "H", "MIN", "S")}

    def fmt(keys: tuple[str, ...], letters: str) -> str:
        return "".join(f"{parts[k]:g}{c}" for k, c in zip(keys, letters, strict=True) if parts[k])
    date_part = fmt(("Y", "M", "W", "D"), "YMWD")
    time_part = fmt(("H", "MIN", "S"), "HMS")
    return "P" + date_part + ("T" + time_part if time_part else "")


def _join_lengths(found: list[TimeSpan], text: str, base: int) -> list[TimeSpan]:
    """1年2ヶ月, 1時間30分, 两天又一个月: adjacent lengths are one length, their sum."""
    out = [found[0]]
    for b in found[1:]:
        a = out[-1]
        between = text[a.end - base:b.start - base].strip()
        if (is_length(a) and is_length(b) and a.anchor is None and b.anchor is None
                and a.direction is None and between in _LENGTH_JOINERS
                and a.duration and b.duration and a.low_days is not None
                and b.low_days is not None and a.low_days == a.high_days
                and b.low_days == b.high_days
                and (between not in ("", "と", "and") or b.low_days < a.low_days)):
            total = _iso_sum(a.duration, b.duration)
            if total is not None:
                days = a.low_days + b.low_days
                out[-1] = replace(a, end=b.end, text=text[a.start - base:b.end - base],
                                  duration=total, low_days=days, high_days=days,
                                  direction=b.direction, qualifier=b.qualifier
                                  if b.qualifier != "exact" else a.qualifier)
                continue
        out.append(b)
    return out


def _join_offsets(found: list[TimeSpan], text: str, base: int) -> list[TimeSpan]:
    """Three weeks from tomorrow, 3 days after January 12th: a length counted on from a day
    is the day that far on."""
    out = [found[0]]
    for b in found[1:]:
        a = out[-1]
        m = _ISO.fullmatch(a.duration or "")
        if (m is not None and is_length(a) and a.anchor is None and a.direction is None
                and a.low_days == a.high_days and b.direction == "from"
                and b.granularity == "day" and b.time_start is not None
                and b.text.lower().startswith(("from ", "after "))
                and not text[a.end - base:b.start - base].strip()):
            units = [(k, float(v)) for k, v in m.groupdict().items() if v]
            if len(units) == 1 and units[0][0] in ("Y", "M", "W", "D") \
                    and units[0][1] == int(units[0][1]):
                unit, count = units[0]
                day = cal.add_duration(b.time_start, count, unit)
                out[-1] = replace(b, start=a.start, text=text[a.start - base:b.end - base],
                                  anchor=None, relative=False, direction=None,
                                  time_start=day, time_end=day, implied_year=False)
                continue
        out.append(b)
    return out


def _join_ranges(found: list[TimeSpan], text: str, base: int, when: date | None
                 ) -> list[TimeSpan]:
    """The end of a range takes what it leaves unsaid from its start, and the start from its
    end: 2017年8月11日至8月22日 (the year), 来月の4日から23日まで (the month), 8月至2019年2月."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        between = text[a.end - base:b.start - base].strip()
        if between == "and" and text[:a.start - base].rstrip().lower().endswith("between"):
            between = "to"  # between August and October
        if between not in _RANGE_JOINERS or is_length(a) or is_length(b):
            continue
        if between == "" and a.direction != "from" and b.direction not in ("until", "by"):
            continue
        out[i] = _end_from_start(a, b, when)
        out[i - 1] = _start_from_end(a, out[i])
    return out


def _end_from_start(a: TimeSpan, b: TimeSpan, when: date | None) -> TimeSpan:
    bare = _BARE_DAY.fullmatch(b.anchor or "") if "月" not in b.text else None
    if bare is not None:
        day = int(bare[1])
        rel = _MONTH_DAY.fullmatch(a.anchor or "")
        if a.relative and rel is not None:  # 来月の4日から23日まで
            anchor = f"M{int(rel[1]):+d}/{day}"
            return replace(b, anchor=anchor, **_resolved(anchor, when))
        dated = _YEAR_MONTH_DAY.fullmatch(a.anchor or "")
        if a.relative and dated is not None and day > int(dated[3]):  # 1月10日から12日まで
            anchor = f"Y{int(dated[1]):+d}/M{dated[2]}-{day:02d}"
            resolved = _resolved(anchor, when)
            if when is not None and resolved["time_start"] is None:
                return b  # 2月10日から30日まで: no such day
            return replace(b, anchor=anchor, implied_year=a.implied_year, **resolved)
        if a.time_start is not None and not a.relative and a.granularity in ("day", "month"):
            try:
                start = a.time_start.replace(day=day)
            except ValueError:
                return b
            if start < a.time_start:
                start = cal.add_months(start, 1)
            return replace(b, anchor=None, relative=False, implied_year=False,
                           time_start=start, time_end=start)
        return b
    if (b.implied_year and a.implied_year and b.time_start and a.time_start
            and b.time_start < a.time_start):
        return _shift_years(b, 1)  # from Nov to March: March of the next year
    if b.implied_year and b.time_start and b.time_end and a.time_start and not a.relative:
        shift = a.time_start.year - b.time_start.year
        if (b.time_start.month, b.time_start.day) < (a.time_start.month, a.time_start.day):
            shift += 1
        moved = _shift_years(b, shift)
        return replace(moved, anchor=None, relative=False, implied_year=False)
    return b


def _start_from_end(a: TimeSpan, b: TimeSpan) -> TimeSpan:
    bare = _BARE_DAY.fullmatch(a.anchor or "")
    if bare is not None and b.granularity == "day" and b.time_start is not None:
        # 9 to 12 of June: the start takes the end's month
        try:
            day = b.time_start.replace(day=int(bare[1]))
        except ValueError:
            return a
        if day <= b.time_start:
            return replace(a, anchor=None, relative=False, implied_year=False,
                           time_start=day, time_end=day)
    if a.implied_year and a.time_start and a.time_end and b.time_end and not b.relative \
            and not b.implied_year:
        shift = b.time_end.year - a.time_start.year
        if (a.time_start.month, a.time_start.day) > (b.time_end.month, b.time_end.day):
            shift -= 1
        return replace(_shift_years(a, shift), anchor=None, relative=False,
                       implied_year=False)
    return a


def _shift_years(t: TimeSpan, years: int) -> TimeSpan:
    if not years or t.time_start is None or t.time_end is None:
        return t
    end_of_month = t.time_end == cal.month_end(t.time_end.year, t.time_end.month)
    try:
        start = t.time_start.replace(year=t.time_start.year + years)
        end = (cal.month_end(t.time_end.year + years, t.time_end.month) if end_of_month
               else t.time_end.replace(year=t.time_end.year + years))
    except ValueError:
        return t
    return replace(t, time_start=start, time_end=end)


def _interpret(m: Any, g: _Grammar, when: date | None, text: str, base: int,
               unit: int) -> TimeSpan | None:
    """Turn one match's named groups into a TimeSpan, or None when it is no time after all."""
    d: dict[str, str | None] = m.groupdict()
    pdir = d.get("pdir")
    start = m.start()
    if pdir is not None and not g.get("PREFIX_DIRECTIONS", pdir):
        # "in 2026": the preposition only introduced the time; keep it out of the text
        start = m.end("pdir")
        while start < m.end() and text[start].isspace():
            start += 1
    direction = g.get("DIRECTIONS", d.get("dir")) or g.get("PREFIX_DIRECTIONS", pdir) or None
    qualifier = (g.get("SUFFIX_QUALIFIERS", d.get("qual"))
                 or g.get("SUFFIX_QUALIFIERS", d.get("dqual"))
                 or g.get("PREFIX_QUALIFIERS", d.get("pqual")) or "exact")
    fields: dict[str, Any] | None
    if d.get("reln"):
        fields = _offset(d, g, when)
    elif d.get("dunit") or d.get("dvague"):
        fields = _length(d, g, when, text, m.end(), m.start())
    else:
        fields = _point(d, g, when)
        if fields is not None and d.get("wof"):
            fields = _week_of(fields, g.get("WEEK_POSITIONS", d.get("wpos")))
    if fields is None:
        return None
    if (direction == "within" and fields.get("_exact") and not fields.get("anchor")
            and fields["_unit"] in ("Y", "M", "W", "D")):
        # 3年以内: counted from the article's day, like 今後3年間
        anchor = _now_anchor(1, fields["_count"], fields["_unit"])
        fields.update(anchor=anchor, relative=True, **_resolved(anchor, when))
    direction = direction or fields.get("_direction")
    for private in ("_direction", "_count", "_unit", "_exact"):
        fields.pop(private, None)
    fields.setdefault("qualifier", qualifier)
    if fields["qualifier"] == "exact":
        fields["qualifier"] = qualifier
    return TimeSpan(unit_index=unit, start=base + start, end=base + m.end(),
                    text=text[start:m.end()], direction=direction, **fields)


def _week_of(fields: dict[str, Any], position: str | None) -> dict[str, Any]:
    """The Monday-to-Sunday week holding a period's first or last day (2016年の最後の週:
    Dec 26 .. Jan 1), or holding a day (4月10日の週); unchanged when it is not resolved."""
    start, end = fields.get("time_start"), fields.get("time_end")
    if start is None or end is None or (position is None and start != end):
        return fields
    pivot = end if position == "last" else start
    monday = pivot - timedelta(days=pivot.weekday())
    return {**fields, "anchor": None, "relative": False, "granularity": "week",
            "time_start": monday, "time_end": monday + timedelta(days=6)}


def _now_anchor(sign: int, count: float, unit: str) -> str:
    return f"now{'+' if sign > 0 else '-'}P{count:g}{unit}"


def _resolved(anchor: str, when: date | None) -> dict[str, Any]:
    if when is None:
        return {"time_start": None, "time_end": None}
    try:
        start, end = cal.resolve_anchor(anchor, when)
    except (ValueError, OverflowError):  # 2月30日, or beyond the calendar
        return {"time_start": None, "time_end": None}
    return {"time_start": start, "time_end": end}


def _point(d: dict[str, str | None], g: _Grammar, when: date | None) -> dict[str, Any] | None:
    """A date or period: build its anchor, then resolve it (absolute years against itself)."""
    if d.get("mfromw"):  # the July–September quarter: months 7 to 9
        d = {**d, "mfrom": str(g.get("MONTH_NAMES", d["mfromw"])),
             "mto": str(g.get("MONTH_NAMES", d["mtow"]))}
    if d.get("dayw"):  # the second of August: the day in words
        d = {**d, "day": str(g.get("DAY_WORDS", d["dayw"]))}
    if d.get("decade") or d.get("decade2"):
        first = (int(_number(d["decade"] or "", {}) or 0) if d.get("decade")
                 else cal.decade_from_two_digits(int(d["decade2"] or 0), when))
        s, e = cal.decade_interval(first)
        return {"time_start": s, "time_end": e, "granularity": "decade"}
    if d.get("decadew"):  # the nineties: of the article's century (or the last one)
        first = cal.decade_from_two_digits(int(g.get("DECADE_WORDS", d["decadew"])), when)
        s, e = cal.decade_interval(first)
        return {"time_start": s, "time_end": e, "granularity": "decade"}
    if d.get("centuryw"):
        d = {**d, "century": str(g.get("DAY_WORDS", d["centuryw"]))}
    if d.get("isoweek"):  # the second week of 2021, week 27 of last year (ISO 8601 weeks)
        n = g.get("DAY_WORDS", d["isoweek"]) or _number(d["isoweek"] or "", {})
        week_year = int(d["year"] or 0) if d.get("year") else (
            when.year + g.get("RELATIVE_YEARS", d["ryear"]) if when and d.get("ryear") else None)
        if n is None or week_year is None:
            return None
        try:
            monday = date.fromisocalendar(week_year, int(n), 1)
        except ValueError:
            return None
        return {"time_start": monday, "time_end": monday + timedelta(days=6),
                "granularity": "week"}
    if d.get("mday"):  # Friday 31: the nearest day of that number that is a Friday
        wd = _weekday(d["mday_weekday"], g)
        n_day = int(d["mday"] or 0)
        if when is None or wd is None:
            return None
        days = [date(y, m, n_day) for k in range(-24, 25)
                for y, m in [divmod(when.year * 12 + when.month - 1 + k, 12)]
                for m in [m + 1] if cal.is_valid_day(y, m, n_day)]
        days = [x for x in days if x.weekday() == wd]
        if not days:
            return None
        best = min(days, key=lambda x: abs((x - when).days))
        return {"time_start": best, "time_end": best, "granularity": "day"}
    if d.get("century"):
        n = _number(d["century"] or "", g.tables["NUMBER_WORDS"])
        if n is None or not 1 <= n <= 30:
            return None
        s, e = cal.century_interval(int(n))
        return {"time_start": s, "time_end": e, "granularity": "century"}

    fiscal = bool(d.get("fy"))
    kind = "FY" if fiscal else "Y"
    year: int | None = None
    offset = 0
    relative = True
    if d.get("rday") or d.get("rnow"):
        anchor = f"D{g.get('RELATIVE_DAYS', d['rday']):+d}" if d.get("rday") else "D+0"
        return {"anchor": anchor, "relative": True, "granularity": "day",
                **_resolved(anchor, when)}
    if d.get("rquarter"):  # 上个季度: counted from the article's quarter
        if when is None:
            return None
        q = (when.month - 1) // 3 + g.get("RELATIVE_QUARTERS", d["rquarter"])
        anchor = f"Y{q // 4:+d}/Q{q % 4 + 1}"
        gran = "quarter"
        if d.get("qpart"):  # 上季度末: the quarter's last month; 初 its first
            month = (q % 4) * 3 + (1 if d["qpart"] == "初" else 3)
            anchor, gran = f"Y{q // 4:+d}/M{month:02d}", "month"
        return {"anchor": anchor, "relative": True, "granularity": gran,
                **_resolved(anchor, when)}
    if d.get("bdayw"):
        d = {**d, "bday": str(g.get("DAY_WORDS", d["bdayw"]))}
    if d.get("bday"):  # 23日 ending a range: the month is the range start's (see _ranges)
        return _relative_small("M", 0, {"day": d["bday"]}, g, when)
    if d.get("year"):
        n_year = _number(d["year"] or "", {})
        if n_year is None:
            return None
        year = int(n_year)
        relative = False
    elif d.get("year2"):
        n_year = _number(d["year2"] or "", {})
        if n_year is None:
            return None
        year = cal.year_from_two_digits(int(n_year), when)
        relative = False
    elif d.get("era"):
        n = 1.0 if d.get("eyear") == "元" else _number(d.get("eyear") or "", {})
        if n is None or n < 1:
            return None
        era = d["era"] or ""
        year = cal.era_year(g.get("ERA_LETTERS", era) or era, int(n))
        relative = False
    elif d.get("ryear"):
        offset = g.get("RELATIVE_YEARS", d["ryear"])
    elif d.get("rmonth") is not None:
        return _relative_small("M", g.get("RELATIVE_MONTHS", d["rmonth"]), d, g, when)
    elif d.get("rweek") is not None:
        return _relative_small("W", g.get("RELATIVE_WEEKS", d["rweek"]), d, g, when)
    elif d.get("mbare"):
        return _relative_small("M", 0, {"mpart": d["mbare"]}, g, when, bare=True)
    elif d.get("ybare"):
        name, direction = g.get("BARE_YEAR_WORDS", d["ybare"])
        anchor = "Y+0" + (f"/{name}" if name else "")
        gran = "year" if name is None else "half" if name[0] == "H" else "part"
        out = {"relative": True, "anchor": anchor, "granularity": gran, **_resolved(anchor, when)}
        if direction:
            out["_direction"] = direction
        return out
    elif d.get("wshift"):
        return _relative_small("W", g.get("WEEKDAY_SHIFTS", d["wshift"]), d, g, when)
    elif d.get("weekday") and not d.get("month") and not d.get("mname"):
        return _relative_small("W", 0, d, g, when)

    if d.get("firstn") or d.get("firstq"):  # 今年前五个月, 去年前三季度: from January on
        y = year if year is not None else (when.year + offset if when else None)
        n = _number(d.get("firstn") or d.get("firstq") or "", {})
        first_months = None if n is None else int(n) * (3 if d.get("firstq") else 1)
        if y is None or first_months is None or not 1 <= first_months <= 12:
            return None
        # resolved here (no anchor names a run of months), so not left relative
        return {"anchor": None, "relative": False, "granularity": "month",
                "time_start": date(y, 1, 1), "time_end": cal.month_end(y, first_months)}
    part: str | None = None
    sub: str | None = None
    gran = "year"
    month = _month(d, g)
    if d.get("quarter"):
        q = g.get("QUARTERS", d["quarter"]) or _number(d["quarter"] or "", {})
        if q is None:
            return None
        part, gran = f"Q{int(q)}", "quarter"
    elif d.get("mfrom"):
        months = (_number(d["mfrom"] or "", {}), _number(d["mto"] or "", {}))
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
            day = _number(d["day"] or "", g.tables["NUMBER_WORDS"])
            if day is None or not cal.is_valid_day(year or 2024, month, int(day)):
                return None
            part, gran = f"M{month:02d}-{int(day):02d}", "day"
        elif d.get("mpart"):
            sub, gran = g.get("MONTH_PARTS", d["mpart"]), "part"
        elif d.get("mweek"):
            n_week = _number(d["mweek"] or "", {})
            if n_week is None:
                return None
            sub, gran = f"W{int(n_week)}", "week"
    anchor = f"{kind}{offset:+d}" + (f"/{part}" if part else "") + (f"/{sub}" if sub else "")
    if year is not None:
        if not 1 <= year <= 9000:
            return None  # no calendar for it (令和99999年 is a typo or a joke)
        # an absolute year is its own reference: resolve "Y+0/…" against a day inside it
        out = {"anchor": None, "relative": False, "granularity": gran, "fiscal": fiscal,
               **_resolved(anchor, date(year, 6, 1))}
        return out
    return {"anchor": anchor, "relative": relative, "granularity": gran, "fiscal": fiscal,
            # "this September" names its year; "September" leaves it to be guessed
            "implied_year": relative and not d.get("ryear") and not d.get("thisyear")
            and part is not None,
            **_resolved(anchor, when)}


def _month(d: dict[str, str | None], g: _Grammar) -> int | None:
    if d.get("mname"):
        return int(g.get("MONTH_NAMES", d["mname"]))
    if d.get("month"):
        n = _number(d["month"] or "", {})
        return None if n is None else int(n)
    return None


def _relative_small(kind: str, offset: int, d: dict[str, str | None], g: _Grammar,
                    when: date | None, *, bare: bool = False) -> dict[str, Any] | None:
    """今月末, 来週月曜日, 上旬 (the article's month), 金曜日 (the article's week)."""
    part = None
    gran = "month" if kind == "M" else "week"
    if kind == "M" and (word := d.get("mpart")):
        part = g.get("BARE_MONTH_WORDS", word) if bare else g.get("MONTH_PARTS", word)
        gran = "part"
    elif kind == "M" and d.get("mweek"):
        n_week = _number(d["mweek"] or "", {})
        if n_week is None:
            return None
        part, gran = f"W{int(n_week)}", "week"
    elif kind == "M" and d.get("day"):
        n = _number(d["day"] or "", {})
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
    return {"anchor": anchor, "relative": True, "granularity": gran, **_resolved(anchor, when)}


def _weekday(word: str | None, g: _Grammar) -> int | None:
    """Monday → 0; Tues. → 1 (an abbreviation, where the pattern allows one)."""
    if word is None:
        return None
    found: int | None = g.get("WEEKDAYS", word)
    if found is None:
        found = g.get("WEEKDAY_ABBREVIATIONS", word.rstrip("."))
    return found


def _offset(d: dict[str, str | None], g: _Grammar, when: date | None) -> dict[str, Any] | None:
    """3年後 → the year after next but one; 10年以上前 → 2016 (at least that long ago)."""
    word = d["reln"] or ""
    n = {"半": 0.5, "四半": 0.25}.get(word) or _number(word, g.tables["NUMBER_WORDS"])
    unit_word = _key(d.get("relunit") or "")
    unit = _OFFSET_UNITS.get(unit_word) or {"月": "M", "世紀": "Y"}.get(unit_word)
    sign = g.get("OFFSET_SIGNS", d.get("relsign"))
    if n is None or unit is None or sign is None:
        return None
    if unit_word == "世紀":
        n *= 100
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
                **_resolved(anchor, when)}
    anchor = f"{unit}{sign * int(n):+d}"
    return {"anchor": anchor, "relative": True, "granularity": _GRANULARITY[unit],
            **_resolved(anchor, when)}


def _length(d: dict[str, str | None], g: _Grammar, when: date | None, text: str, end: int,
            start: int) -> dict[str, Any] | None:
    """4ヶ月 → P4M; 2年半 → P2Y6M; 数十年 → P20Y..P90Y; 今後5年間 → now+P5Y."""
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
        n = _number(d.get("dnum") or "", g.tables["NUMBER_WORDS"])
        if n is None or not 0 <= n < 100_000:
            return None  # no article speaks of a length of 10^400 days
        article = (d.get("dnum") or "").lower() in ("a", "an")
        if article and not d.get("pdir") and not d.get("pqual"):
            return None  # "250 million a day" is a rate
        low = high = n + half
        if low <= 0:
            return None
        if unit == "Y" and n >= 1000 and not _KANJI_LENGTH.search(d.get("dnum") or ""):
            return None  # 2026年 is a year, read elsewhere (千年 is a length)
        unit_word = _key(d.get("dunit") or "")
        # 15日 may be a day of the month; 15天 never is
        short = unit_word in ("日", "週", "day", "week") or (
            unit == "D" and n <= 31 and unit_word != "天") or (
            unit in ("MIN", "S") and (
                _NOT_MINUTES.search(text, max(0, start - 1), end + 1) is not None
                or not (d.get("dnum") or "")[:1].translate(_FULLWIDTH).isdigit()))  # 十分
        if d.get("dhalf") or d.get("dhalf2"):
            short = False  # 1日半: no day of a month
        # the smaller part of a compound length (1時間30分, 1年2ヶ月10日) is a length too
        after_length = _AFTER_LENGTH.search(text, max(0, start - 4), start) is not None
        if short and not d.get("ahead") and g.lang != "en" and not after_length and not (
                _LENGTH_CONTEXT.match(after) or unit_word.endswith("間") or d.get("qual")
                or d.get("dqual")
                or d.get("dir") or d.get("pqual") or (unit == "D" and n > 31)):
            return None  # 15日 may be a day of the month, 3分 a fraction
    if unit in _YEAR_MULTIPLES:
        low, high, unit = low * _YEAR_MULTIPLES[unit], high * _YEAR_MULTIPLES[unit], "Y"
    duration = (cal.iso_duration(low, unit) if low == high
                else f"{cal.iso_duration(low, unit)}..{cal.iso_duration(high, unit)}")
    out: dict[str, Any] = {
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
        anchor = _now_anchor(ahead, low, unit)
        out.update(anchor=anchor, relative=True, **_resolved(anchor, when))
    elif ahead is not None:
        out["relative"] = True
    return out


# --- comparing ------------------------------------------------------------------------

Comparison = Literal["same", "granularity", "direction", "different", "unresolved", "unrelated"]


def is_length(t: TimeSpan) -> bool:
    """A length of time (4ヶ月, 今後5年間) rather than a point or period (来年末)."""
    return t.duration is not None and (t.anchor is None or t.anchor.startswith("now"))


def _interval(t: TimeSpan, when: date | None) -> tuple[date, date] | None:
    if t.time_start is not None and t.time_end is not None:
        return t.time_start, t.time_end
    if when is not None and t.anchor is not None:
        try:
            return cal.resolve_anchor(t.anchor, when)
        except (ValueError, OverflowError):
            return None
    return None


# Directions translators use for one another: 到2026年 / By Q2 2026 / 2026年まで(に) ("until"
# is "by"); "over" a length (数十年にわたり) says no more than the bare length (几十年来); a
# start written with から (来月から稼働) says what a verb says without it (12月に稼働を始め), and
# so does "within" (年内 / 今年, 过去24小时内 / 过去一天): only "by", a deadline, stands apart.
_DIRECTION_KIN: dict[str, str | None] = {"until": "by", "over": None, "from": None,
                                         "within": None}


def _same_direction(a: TimeSpan, b: TimeSpan) -> bool:
    da, db = a.direction or None, b.direction or None
    return _DIRECTION_KIN.get(da or "", da) == _DIRECTION_KIN.get(db or "", db)


# A day to resolve two undated relative times against: only their relation matters.
_SOME_DAY = date(2001, 6, 15)


def compare_times(a: TimeSpan, b: TimeSpan) -> Comparison:
    """How two time facts from aligned text relate; the findings stage reports all but "same".

    * ``"same"`` — the same time and direction: 今年の第2四半期 vs 2026年第2四半期 in a 2026
      article; 4ヶ月 vs 4か月; 今年末 vs 今年末 without a date.
    * ``"granularity"`` — overlapping periods at different precision: 2026年 vs 2026年前半,
      来年 vs 来年末, 2026年第2四半期 vs 2026年6月.
    * ``"direction"`` — the same time, another direction only: 来年末までに vs 来年末から,
      2026年までに vs 2026年.
    * ``"different"`` — disjoint periods (今年末 vs 来年末, Q2 vs Q3) or lengths that cannot
      be equal (今後5年間 vs 今後10年間, 4ヶ月 vs 4年; 数年 vs 4年 overlap, so "same").
    * ``"unresolved"`` — one side is relative and the article has no date while the other
      is absolute: 今年 vs 2026年 without a date.
    * ``"unrelated"`` — a length against a point in time (4ヶ月 vs 来年末): not comparable.

    Qualifiers are not looked at (4ヶ月足らず vs 4ヶ月 is "same" here): a bound that differs
    is a qualifier-mismatch, for the caller to check on ``qualifier``.
    Lengths compare by their day ranges ``low_days..high_days`` (with 5% slack for month
    and year lengths); points by their intervals, or, when both are relative and undated,
    by resolving both anchors against one arbitrary day.
    """
    if is_length(a) != is_length(b):
        return "unrelated"
    if is_length(a):
        if a.low_days is None or b.low_days is None:
            return "unresolved"
        a_hi = a.high_days if a.high_days is not None else a.low_days
        b_hi = b.high_days if b.high_days is not None else b.low_days
        slack = 0.05 * max(a_hi, b_hi, 1.0) if max(a_hi, b_hi) > 28 else 0.0
        if a.low_days > b_hi + slack or b.low_days > a_hi + slack:
            return "different"
        return "same" if _same_direction(a, b) else "direction"
    ia, ib = _interval(a, None), _interval(b, None)
    if ia is None or ib is None:
        if ia is None and ib is None and a.anchor is not None and b.anchor is not None:
            ia, ib = _interval(a, _SOME_DAY), _interval(b, _SOME_DAY)
        if ia is None or ib is None:
            return "unresolved"
    if ia == ib or _year_guessed(a, ia, ib) or _year_guessed(b, ib, ia):
        return "same" if _same_direction(a, b) else "direction"
    if _deadline(a) and _deadline(b) and ia[1] == ib[1]:
        return "same"  # 年底前 / 12月31日前: a deadline is the end of its period
    if ia[1] < ib[0] or ib[1] < ia[0]:
        return "different"
    return "granularity"


def _deadline(t: TimeSpan) -> bool:
    return _DIRECTION_KIN.get(t.direction or "", t.direction) == "by"


def _year_guessed(t: TimeSpan, it: tuple[date, date], other: tuple[date, date]) -> bool:
    """A month or quarter written without its year was put in the article's year; when the
    other version names the same one a year before or after (Q4财报将于1月发布 / 明年1月 in a
    November article), that year was the guess, not the text."""
    if not t.implied_year:
        return False
    for shift in (-1, 1):
        try:
            moved = (it[0].replace(year=it[0].year + shift),
                     cal.month_end(it[1].year + shift, it[1].month)
                     if it[1] == cal.month_end(it[1].year, it[1].month)
                     else it[1].replace(year=it[1].year + shift))
        except ValueError:  # 2月29日
            continue
        if moved == other:
            return True
    return False


def resolve(t: TimeSpan, when: date) -> TimeSpan:
    """The same fact resolved against a date given later (``--date``)."""
    if t.anchor is None or t.time_start is not None:
        return t
    return replace(t, **_resolved(t.anchor, when))
