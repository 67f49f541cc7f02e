"""Calendar arithmetic for time facts: month ends, quarters, halves, fiscal years, eras.

Everything here is a pure function on ``datetime.date``; the conventions for vague parts
of a year or month (年末, 上旬, early…) are tables, so a different reading is one row.
Intervals are inclusive: ``(start, end)`` with both days inside the period.

Anchors are the symbolic form of a relative time, comparable without the article's date
(今年末 → ``Y+0/end``, 来月上旬 → ``M+1/early``, 今後5年間 → ``now+P5Y``);
:func:`resolve_anchor` turns one into an interval once the date is known.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

import regex

from ..lang import language

Interval = tuple[date, date]

# Parts of a year: name → (first month, first day, last month, last day). 年末 follows the
# contract's example (来年末 → Oct 1..Dec 31); 年初/初め mirrors it with the first quarter.
YEAR_PARTS: dict[str, tuple[int, int, int, int]] = {
    "start": (1, 1, 3, 31),  # 年初, 初め, 初頭, early 2026
    "newyear": (1, 1, 1, 31),  # 年明け
    "mid": (4, 1, 9, 30),  # 半ば, mid-2026
    "end": (10, 1, 12, 31),  # 年末, 年底, late 2026, the end of 2026
    "H1": (1, 1, 6, 30),  # 前半, 上半期, 上半年, H1
    "H2": (7, 1, 12, 31),  # 後半, 下半期, 下半年, H2
    "Q1": (1, 1, 3, 31),
    "Q2": (4, 1, 6, 30),
    "Q3": (7, 1, 9, 30),
    "Q4": (10, 1, 12, 31),
    "spring": (3, 1, 5, 31),  # 2021年春 (the Japan Meteorological Agency's months)
    "summer": (6, 1, 8, 31),
    "autumn": (9, 1, 11, 30),
}

# Parts of a fiscal year (April–March): the same names, counted from April.
FISCAL_PARTS: dict[str, tuple[int, int]] = {  # name → (first month offset, months)
    "H1": (0, 6),
    "H2": (6, 6),
    "Q1": (0, 3),
    "Q2": (3, 3),
    "Q3": (6, 3),
    "Q4": (9, 3),
    "start": (0, 3),
    "end": (9, 3),
}

# Parts of a year named by their first and last months (4〜6月期): calendar months, or
# (after 年度) the months of a fiscal year that opens in April.
MONTH_SPANS: dict[tuple[int, int], str] = {
    (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2",
}
FISCAL_MONTH_SPANS: dict[tuple[int, int], str] = {
    (4, 6): "Q1", (7, 9): "Q2", (10, 12): "Q3", (1, 3): "Q4", (4, 9): "H1", (10, 3): "H2",
}

# Parts of a month: name → (first day, last day); 0 means the month's last day.
MONTH_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 10),  # 上旬, 月初, early March
    "mid": (11, 20),  # 中旬, 半ば
    "late": (21, 0),  # 下旬, late March
    "end": (21, 0),  # 月末, the end of March
    "start": (1, 10),  # 月初め
    "H1": (1, 15),  # 前半 of a month
    "H2": (16, 0),  # 後半 of a month
}

WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Japanese eras: name → first day (transcheck/lang/ja/eras.tsv). 元年 is the era's first year.
ERAS: dict[str, date] = dict(language("ja").times.eras)

# Mean lengths in days, for comparing durations written in different units.
DAYS_PER: dict[str, float] = {
    "Y": 365.2425,
    "M": 30.436875,
    "W": 7.0,
    "D": 1.0,
    "H": 1 / 24,
    "MIN": 1 / 1440,
    "S": 1 / 86400,
}


def month_end(year: int, month: int) -> date:
    """The last day of a month (2024年2月 → 2024-02-29)."""
    return date(year, month, _cal.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's end (1/31 + 1 month → 2/28)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), month_end(year, month)


def quarter_interval(year: int, quarter: int) -> Interval:
    """Calendar quarter: 2026年第2四半期 → 2026-04-01..2026-06-30."""
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_end(year, first + 2)


def fiscal_year_interval(year: int) -> Interval:
    """Japanese fiscal year: 2026年度 → 2026-04-01..2027-03-31."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def year_part_interval(year: int, part: str, *, fiscal: bool = False) -> Interval:
    """A named part of a (fiscal) year, from :data:`YEAR_PARTS` or :data:`FISCAL_PARTS`."""
    if fiscal:
        offset, months = FISCAL_PARTS[part]
        first = add_months(date(year, 4, 1), offset)
        return first, add_months(first, months) - timedelta(days=1)
    m1, d1, m2, d2 = YEAR_PARTS[part]
    return date(year, m1, d1), date(year, m2, d2)


def month_part_interval(year: int, month: int, part: str) -> Interval:
    """上旬 1..10, 中旬 11..20, 下旬 21..end (see :data:`MONTH_PARTS`); W1..W5 the week of
    the month's first..fifth Monday (五月第一周 in 2021: May 3..9)."""
    if part[0] == "W":
        first = date(year, month, 1)
        monday = first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (int(part[1:]) - 1))
        return monday, monday + timedelta(days=6)
    d1, d2 = MONTH_PARTS[part]
    last = month_end(year, month)
    return date(year, month, d1), last if d2 == 0 else date(year, month, d2)


def decade_interval(first_year: int) -> Interval:
    """1990年代 → 1990-01-01..1999-12-31."""
    return date(first_year, 1, 1), date(first_year + 9, 12, 31)


def century_interval(century: int) -> Interval:
    """21世紀 → 2001-01-01..2100-12-31 (centuries count from year 1)."""
    return date(100 * (century - 1) + 1, 1, 1), date(100 * century, 12, 31)


def week_interval(day: date, weeks: int = 0) -> Interval:
    """The Monday–Sunday week holding ``day``, moved by ``weeks``."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return monday, monday + timedelta(days=6)


def era_year(era: str, year: int) -> int:
    """Western year of an era year: 令和8年 → 2026, 令和元年 (1) → 2019, 平成31年 → 2019."""
    return ERAS[era].year + year - 1


def era_of(day: date) -> tuple[str, int]:
    """The era and era year a day falls in (2019-04-30 → 平成31, 2019-05-01 → 令和1)."""
    for name, first in sorted(ERAS.items(), key=lambda kv: kv[1], reverse=True):
        if day >= first:
            return name, day.year - first.year + 1
    raise ValueError(f"{day} is before the eras known here")


def decade_from_two_digits(digits: int, when: date | None) -> int:
    """90年代 → 1990; 20年代 → 2020. Two-digit decades up to ten years past the article's
    year (or 2030 without a date) are read in the 2000s, the rest in the 1900s."""
    pivot = (when.year if when else 2020) % 100 + 10
    return 2000 + digits if digits <= pivot else 1900 + digits


def year_from_two_digits(digits: int, when: date | None) -> int:
    """07年 → 2007, 九七年 → 1997: the 2000s up to ten years past the article's year (or
    2000, whichever is later), else the 1900s."""
    latest = max(when.year if when else 2020, 2000) + 10
    return 2000 + digits if 2000 + digits <= latest else 1900 + digits


def duration_days(count: float, unit: str) -> float:
    """Length of ``count`` units (Y, M, W, D, H, MIN, S) in mean days."""
    return count * DAYS_PER[unit]


# unit → (ISO prefix, its designator, how many of the next smaller unit it holds, and that
# unit's designator): the fraction of a year is written in months, of an hour in minutes
_ISO_PARTS: dict[str, tuple[str, str, int, str]] = {
    "Y": ("P", "Y", 12, "M"),
    "M": ("P", "M", 30, "D"),
    "H": ("PT", "H", 60, "M"),
    "MIN": ("PT", "M", 60, "S"),
}


def iso_duration(count: float, unit: str) -> str:
    """ISO 8601 text of one amount: (4, M) → P4M, (2.5, Y) → P2Y6M, (45, MIN) → PT45M."""
    whole = int(count)
    frac = count - whole
    if unit == "M" and frac:
        return f"P{count:g}M"  # 5ヶ月半 → P5.5M (a month has no fixed number of days)
    if unit in _ISO_PARTS:
        prefix, designator, per, smaller = _ISO_PARTS[unit]
        rest = round(frac * per)
        if not whole:
            return f"{prefix}{rest}{smaller}"
        return f"{prefix}{whole}{designator}" + (f"{rest}{smaller}" if rest else "")
    if unit == "W":
        return f"P{whole}W" if not frac else f"P{round(count * 7)}D"
    if unit == "D":
        return f"P{count:g}D"  # 1日半 → P1.5D
    return f"PT{count:g}S"


def add_duration(day: date, count: float, unit: str) -> date:
    """``day`` moved forward (or back, if ``count`` < 0) by a whole-ish amount."""
    if unit in ("Y", "M"):
        months = round(count * (12 if unit == "Y" else 1))
        if months == count * (12 if unit == "Y" else 1):
            return add_months(day, months)
    return day + timedelta(days=round(duration_days(count, unit)))


_ANCHOR = regex.compile(
    r"(?:(?P<unit>FY|Y|M|W|D)(?P<off>[+-]\d+)(?:/(?P<part>[^/]+))?(?:/(?P<sub>[^/]+))?"
    r"|now(?P<sign>[+-])P(?P<count>\d+(?:\.\d+)?)(?P<dunit>Y|M|W|D))"
)
_MONTH_PART = regex.compile(r"M(?P<m>\d\d)(?:-(?P<d>\d\d))?")


def resolve_anchor(anchor: str, when: date) -> Interval:
    """The interval an anchor means for an article dated ``when``.

    >>> resolve_anchor("Y+1/end", date(2026, 1, 23))
    (datetime.date(2027, 10, 1), datetime.date(2027, 12, 31))
    >>> resolve_anchor("now+P5Y", date(2026, 1, 23))
    (datetime.date(2026, 1, 23), datetime.date(2031, 1, 22))
    """
    m = _ANCHOR.fullmatch(anchor)
    if m is None:
        raise ValueError(f"not an anchor: {anchor!r}")
    if m["sign"]:
        count = float(m["count"])
        unit = m["dunit"]
        if m["sign"] == "+":
            return when, add_duration(when, count, unit) - timedelta(days=1)
        return add_duration(when, -count, unit) + timedelta(days=1), when
    off = int(m["off"])
    part, sub = m["part"], m["sub"]
    kind = m["unit"]
    if kind == "D":
        day = when + timedelta(days=off)
        return day, day
    if kind == "W":
        monday, sunday = week_interval(when, off)
        if part in WEEKDAYS:
            day = monday + timedelta(days=WEEKDAYS.index(part))
            return day, day
        if part == "weekend":
            return monday + timedelta(days=5), sunday
        return monday, sunday
    if kind == "M":
        first = add_months(date(when.year, when.month, 1), off)
        if part is None:
            return month_interval(first.year, first.month)
        if part.isdigit():
            day = date(first.year, first.month, int(part))
            return day, day
        return month_part_interval(first.year, first.month, part)
    fiscal_base = when.year if when.month >= 4 else when.year - 1
    year = (fiscal_base if kind == "FY" else when.year) + off
    if part is None:
        return fiscal_year_interval(year) if kind == "FY" else year_interval(year)
    mp = _MONTH_PART.fullmatch(part)
    if mp:
        month = int(mp["m"])
        if kind == "FY" and month < 4:
            year += 1
        if mp["d"]:
            day = date(year, month, int(mp["d"]))
            return day, day
        if sub:
            return month_part_interval(year, month, sub)
        return month_interval(year, month)
    return year_part_interval(year, part, fiscal=kind == "FY")


def is_valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]
