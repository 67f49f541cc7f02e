"""Times: dates, periods and durations, resolved against the article's date.

Each language module (:mod:`transcheck.lang.times_ja`, ``times_zh``, ``times_en``) gives
word tables and a list of :class:`~.time_parsers.TimePattern`, each a pattern with named
groups and the parse function that reads it (see :mod:`.time_parsers`).
:func:`extract_times` runs every pattern, keeps the longest match at each place, lets its
pattern's parse function read it, and adds what all patterns share (direction and
qualifier words) to make a :class:`~transcheck.model.TimeSpan`:

* a point or period (2026年第2四半期, 来年末までに) gets its inclusive interval
  ``time_start``..``time_end``; a relative one (今年, 来月上旬) also gets its ``anchor``
  (``Y+0``, ``M+1/early``) and stays unresolved when the article has no date;
* a length of time (4ヶ月, 数十年, 2年半) gets an ISO 8601 ``duration`` and its length in
  days as ``low_days``..``high_days``; one counted from the article's day (今後5年間,
  3年以内) also gets an anchor (``now+P5Y``) and an interval.

Neighbours are then joined: a range's end takes its year or month from its start, and
adjacent lengths (1年2ヶ月) are one. :func:`compare_times` says how two time facts relate,
for the findings stage.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

import regex

from .. import lang as languages
from ..lang import SCAN_TIMEOUT
from ..model import TimeSpan
from . import calendar as cal
from .scan import Screen, screen
from .time_parsers import (
    FULLWIDTH,
    TimeMatch,
    TimePattern,
    TimeTables,
    now_anchor,
    resolved,
    week_of,
)

# How far around a trigger word a time expression may reach (by the end of next year).
_WINDOW = 48


@dataclass(frozen=True)
class _Grammar:
    """One language's time words and its patterns, compiled."""

    words: TimeTables
    patterns: tuple[tuple[TimePattern, Any], ...]  # each with its compiled expression
    trigger: Any = None  # what every time expression holds, to skip text without any
    # for each pattern, what its every match holds (one character of each set, one word of
    # each list); a text without it is not scanned for it (see :mod:`.scan`)
    screens: tuple[Screen, ...] = ()

    @classmethod
    def of(cls, lang: str) -> _Grammar:
        mod = importlib.import_module(f"..lang.times_{lang}", __package__)
        trigger = getattr(mod, "TRIGGER", None)
        return cls(TimeTables.of(lang), tuple((p, regex.compile(p.pattern)) for p in mod.PATTERNS),
                   regex.compile(trigger) if trigger else None,
                   tuple(screen(p.pattern) for p in mod.PATTERNS))

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


@functools.cache
def _grammar(lang: str) -> _Grammar:
    """A language's grammar, compiled on first use: a Japanese pair never waits for the
    English patterns (the largest)."""
    return _Grammar.of(lang)


def extract_times(text: str, lang: str, when: date | None, *, base: int = 0,
                  unit: int = 0) -> list[TimeSpan]:
    """The time facts in one unit's text, with offsets shifted by ``base``.

    >>> [t.text for t in extract_times("来年末までに出荷、4ヶ月足らずで", "ja", None)]
    ['来年末までに', '4ヶ月足らず']
    """
    grammar = _grammar(languages.known_language(lang, "ja").code)
    # every language's patterns read ２０２６年 and Ｑ４ as they read 2026年 and Q4
    original, text = text, text.translate(FULLWIDTH)
    candidates: list[tuple[int, int, int, Any]] = []
    windows = grammar.windows(text)
    present = set(text)
    for rank, (_, pattern) in enumerate(grammar.patterns):
        if not grammar.screens[rank].passes(text, present):
            continue  # it cannot match here (most text, for most patterns)
        for lo, hi in windows:
            for m in pattern.finditer(text, lo, hi, timeout=SCAN_TIMEOUT):
                if m.end() > m.start():
                    candidates.append((m.start(), -(m.end() - m.start()), rank, m))
    candidates.sort(key=lambda c: c[:3])
    found: list[TimeSpan] = []
    reach = 0
    for start, _, rank, m in candidates:
        if start < reach:
            continue
        span = _read(m, grammar.patterns[rank][0], grammar.words, when, text, base, unit)
        if span is not None:
            found.append(span)
            reach = m.end()
    if len(found) > 1:
        words = grammar.words
        found = _join_ranges(_join_offsets(_join_lengths(found, text, base, words), text,
                                           base, words), text, base, when, words)
    if text != original:  # the facts quote the text as written
        found = [replace(t, text=original[t.start - base:t.end - base]) for t in found]
    return found



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


def _join_lengths(found: list[TimeSpan], text: str, base: int, words: TimeTables
                  ) -> list[TimeSpan]:
    """1年2ヶ月, 1時間30分, 两天又一个月: adjacent lengths are one length, their sum."""
    out = [found[0]]
    for b in found[1:]:
        a = out[-1]
        between = text[a.end - base:b.start - base].strip()
        if (is_length(a) and is_length(b) and a.anchor is None and b.anchor is None
                and a.direction is None and between in words.length_joiners
                and a.duration and b.duration and a.low_days is not None
                and b.low_days is not None and a.low_days == a.high_days
                and b.low_days == b.high_days
                and (words.length_joiners[between] == "any-order"
                     or b.low_days < a.low_days)):
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


def _join_offsets(found: list[TimeSpan], text: str, base: int, words: TimeTables
                  ) -> list[TimeSpan]:
    """Three weeks from tomorrow, 3 days after January 12th: a length counted on from a day
    is the day that far on."""
    out = [found[0]]
    for b in found[1:]:
        a = out[-1]
        m = _ISO.fullmatch(a.duration or "")
        if (m is not None and is_length(a) and a.anchor is None and a.direction is None
                and a.low_days == a.high_days and b.direction == "from"
                and b.granularity == "day" and b.time_start is not None
                and words.count_from and b.text.lower().startswith(words.count_from)
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


def _join_ranges(found: list[TimeSpan], text: str, base: int, when: date | None,
                 words: TimeTables) -> list[TimeSpan]:
    """The end of a range takes what it leaves unsaid from its start, and the start from its
    end: 2017年8月11日至8月22日 (the year), 来月の4日から23日まで (the month), 8月至2019年2月."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        between = text[a.end - base:b.start - base].strip()
        before = text[:a.start - base].rstrip().lower()
        opened = any(between == inner and before.endswith(opener)  # between May and June
                     for opener, inner in words.range_openers.items())
        if not (opened or between in words.range_joiners) or is_length(a) or is_length(b):
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
            return replace(b, anchor=anchor, **resolved(anchor, when))
        dated = _YEAR_MONTH_DAY.fullmatch(a.anchor or "")
        if a.relative and dated is not None and day > int(dated[3]):  # 1月10日から12日まで
            anchor = f"Y{int(dated[1]):+d}/M{dated[2]}-{day:02d}"
            interval = resolved(anchor, when)
            if when is not None and interval["time_start"] is None:
                return b  # 2月10日から30日まで: no such day
            return replace(b, anchor=anchor, implied_year=a.implied_year, **interval)
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


def _read(m: Any, pattern: TimePattern, words: TimeTables, when: date | None, text: str,
          base: int, unit: int) -> TimeSpan | None:
    """One match read by its pattern's parse function, with the words every pattern shares
    (a direction, a qualifier, a week-of tail), or None when it is no time after all."""
    d: dict[str, str | None] = m.groupdict()
    pdir = d.get("pdir")
    start = m.start()
    if pdir is not None and not words.get("PREFIX_DIRECTIONS", pdir):
        # "in 2026": the preposition only introduced the time; keep it out of the text
        start = m.end("pdir")
        while start < m.end() and text[start].isspace():
            start += 1
    direction = (words.get("DIRECTIONS", d.get("dir")) or words.get("PREFIX_DIRECTIONS", pdir)
                 or None)
    qualifier = (words.get("SUFFIX_QUALIFIERS", d.get("qual"))
                 or words.get("SUFFIX_QUALIFIERS", d.get("dqual"))
                 or words.get("PREFIX_QUALIFIERS", d.get("pqual")) or "exact")
    fields = pattern.parse(TimeMatch(d, m.start(), m.end(), text, words, when))
    if fields is None:
        return None
    if d.get("wof"):  # 4月10日の週, 2016年の最後の週
        fields = week_of(fields, words.get("WEEK_POSITIONS", d.get("wpos")))
    if (direction == "within" and fields.get("_exact") and not fields.get("anchor")
            and fields["_unit"] in ("Y", "M", "W", "D")):
        # 3年以内: counted from the article's day, like 今後3年間
        anchor = now_anchor(1, fields["_count"], fields["_unit"])
        fields.update(anchor=anchor, relative=True, **resolved(anchor, when))
    direction = direction or fields.get("_direction")
    for private in ("_direction", "_count", "_unit", "_exact"):
        fields.pop(private, None)
    fields.setdefault("qualifier", qualifier)
    if fields["qualifier"] == "exact":
        fields["qualifier"] = qualifier
    return TimeSpan(unit_index=unit, start=base + start, end=base + m.end(),
                    text=text[start:m.end()], direction=direction, **fields)




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
    return replace(t, **resolved(t.anchor, when))
