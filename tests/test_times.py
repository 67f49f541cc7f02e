"""Time facts: the expression table, the Ejaaz pair, calendar arithmetic and comparison."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcheck.facts import calendar as cal
from transcheck.facts.times import compare_times, extract_times, resolve
from transcheck.model import TimeSpan

FIXTURES = Path(__file__).parent / "fixtures"
PAIR = Path(__file__).parent.parent / "pairs" / "ejaaz-grok5"
ARTICLE_DAY = date(2026, 1, 23)


def _table() -> list[list[str]]:
    rows = []
    for line in (FIXTURES / "times.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            assert len(cells) == 11, line
            rows.append(cells)
    return rows


def _opt(cell: str) -> str | None:
    return None if cell == "-" else cell


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


ROWS = _table()


def test_table_is_large_and_covers_each_language() -> None:
    langs = {r[0] for r in ROWS}
    assert len(ROWS) >= 100 and langs == {"ja", "zh", "en"}
    assert sum(r[3] == "-" for r in ROWS) >= 20  # not-a-time cases
    assert sum(r[1] == "none" for r in ROWS) >= 10  # undated article


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}:{r[2]}:{r[1]}" for r in ROWS])
def test_expression(row: list[str]) -> None:
    lang, day, source, text, start, end, anchor, duration, direction, qualifier, gran = row
    when = None if day == "none" else date.fromisoformat(day)
    found = extract_times(source, lang, when, base=100, unit=7)
    if text == "-":
        assert found == [], [t.text for t in found]
        return
    assert [t.text for t in found] == [text]
    t = found[0]
    assert source[t.start - 100:t.end - 100] == t.text and t.unit_index == 7
    got = (_iso(t.time_start), _iso(t.time_end), t.anchor, t.duration, t.direction,
           t.qualifier, t.granularity)
    want = (_opt(start), _opt(end), _opt(anchor), _opt(duration), _opt(direction),
            qualifier, _opt(gran))
    assert got == want
    # relative means written against the article's date; an anchor says how
    assert t.relative == (anchor != "-" or "now" in (t.anchor or ""))


@pytest.mark.parametrize("version", ["bitpush", "techflow"])
def test_ejaaz_pair_times_exactly(version: str) -> None:
    expected = json.loads((FIXTURES / f"ejaaz-times.{version}.json").read_text(encoding="utf-8"))
    text = (PAIR / f"{version}.ja.txt").read_text(encoding="utf-8")
    when = date.fromisoformat(expected["date"])
    got = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        for t in extract_times(body, "ja", when, base=offset, unit=number - 1):
            assert text[t.start:t.end] == t.text
            got.append({"line": number, "text": t.text, "time_start": _iso(t.time_start),
                        "time_end": _iso(t.time_end), "relative": t.relative,
                        "duration": t.duration, "direction": t.direction})
        offset += len(line)
    missing = [f for f in expected["facts"] if f not in got]
    extra = [f for f in got if f not in expected["facts"]]
    assert (missing, extra) == ([], [])


def test_ejaaz_drift_is_visible() -> None:
    """来年末までに (bitpush) vs 今年末から (techflow): a different time and direction."""
    a = extract_times("Optimusの一般出荷が来年末までに開始される", "ja", ARTICLE_DAY)[0]
    b = extract_times("Optimusは今年末から大規模に納入開始される", "ja", ARTICLE_DAY)[0]
    assert compare_times(a, b) == "different"
    a0 = extract_times("来年末までに", "ja", None)[0]
    b0 = extract_times("今年末から", "ja", None)[0]
    assert compare_times(a0, b0) == "different"


# --- compare_times --------------------------------------------------------------------

def _one(text: str, when: date | None = ARTICLE_DAY, lang: str = "ja") -> TimeSpan:
    found = extract_times(text, lang, when)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


@pytest.mark.parametrize(("left", "right", "outcome", "dated"), [
    ("今年の第2四半期", "2026年第2四半期", "same", True),
    ("今年の第 2 四半期までに", "2026年第2四半期までに", "same", True),
    ("4ヶ月", "4か月", "same", True),
    ("122日", "122日間", "same", True),
    ("今年末", "今年末", "same", False),
    ("数年", "4年", "same", True),
    ("2026年", "2026年前半", "granularity", True),
    ("来年", "来年末", "granularity", False),
    ("2026年第2四半期", "2026年6月", "granularity", True),
    ("今年", "2026年", "same", True),
    ("来年末までに", "来年末から", "direction", True),
    ("2026年までに", "2026年", "direction", True),
    ("来月から", "2月", "same", True),  # 来月から稼働 / 2月に稼働を始め: the verb says "from"
    ("来月から", "2月までに", "direction", True),
    ("年内", "今年", "same", True),  # 年内に出荷 / 今年出荷
    ("1月", "来年1月", "same", True),  # 1月に発売 / 来年1月に発売: the year of 1月 is a guess
    ("第4四半期", "昨年の第4四半期", "same", True),
    ("今年1月", "来年1月", "different", True),
    ("1月", "再来年1月", "different", True),
    ("年末までに", "12月31日までに", "same", True),  # a deadline is the end of its period
    ("2026年末までに", "2027年末までに", "different", True),
    ("来年の第1四半期", "2027年1〜3月期", "same", True),
    ("第2四半期", "4〜6月期", "same", True),
    ("2026年度の4〜6月期", "2026年度第1四半期", "same", True),
    ("今年末", "来年末", "different", True),
    ("今年末", "来年末", "different", False),
    ("2026年第2四半期", "2026年第3四半期", "different", True),
    ("今後5年間", "今後10年間", "different", True),
    ("4ヶ月", "4年", "different", True),
    ("今年", "2026年", "unresolved", False),
    ("来年末までに", "2027年末までに", "unresolved", False),
    ("4ヶ月", "来年末", "unrelated", True),
    ("数十年にわたり", "2026年", "unrelated", True),
    ("数十年にわたり", "数十年", "same", True),
])
def test_compare_times(left: str, right: str, outcome: str, dated: bool) -> None:
    when = ARTICLE_DAY if dated else None
    a, b = _one(left, when), _one(right, when)
    assert compare_times(a, b) == outcome
    assert compare_times(b, a) == outcome


def test_compare_across_languages() -> None:
    assert compare_times(_one("明年底前", lang="zh"), _one("来年末までに")) == "same"
    assert compare_times(_one("几十年来", lang="zh"), _one("数十年にわたり")) == "same"
    assert compare_times(_one("by the end of next year", lang="en"),
                         _one("今年末までに")) == "different"


def test_resolve_later() -> None:
    t = _one("来年末までに", None)
    assert (t.time_start, t.time_end) == (None, None)
    r = resolve(t, ARTICLE_DAY)
    assert (r.time_start, r.time_end) == (date(2027, 10, 1), date(2027, 12, 31))


def test_duration_days() -> None:
    assert _one("2年半").low_days == pytest.approx(2.5 * 365.2425)
    vague = _one("数十年")
    assert (vague.low_days, vague.high_days) == (pytest.approx(20 * 365.2425),
                                                 pytest.approx(90 * 365.2425))


def test_long_text_offsets() -> None:
    line = "2026年を迎え、今年の第 2 四半期までに 90 万台、4ヶ月足らずで300メガワット。"
    text = line * 200
    found = extract_times(text, "ja", ARTICLE_DAY, base=5)
    assert len(found) == 600
    assert all(text[t.start - 5:t.end - 5] == t.text for t in found)


# --- calendar arithmetic ---------------------------------------------------------------

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
years = st.integers(min_value=1900, max_value=2199)


@given(years, st.integers(min_value=1, max_value=12))
def test_month_end(year: int, month: int) -> None:
    end = cal.month_end(year, month)
    assert (end + timedelta(days=1)).day == 1 and end.month == month
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        assert end.day == (29 if leap else 28)


@given(days, st.integers(min_value=-600, max_value=600))
def test_add_months(day: date, months: int) -> None:
    moved = cal.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, cal.month_end(moved.year, moved.month).day)


@given(years)
def test_quarters_and_halves_tile_the_year(year: int) -> None:
    for parts in (["Q1", "Q2", "Q3", "Q4"], ["H1", "H2"]):
        spans = [cal.year_part_interval(year, p) for p in parts]
        assert spans[0][0] == date(year, 1, 1) and spans[-1][1] == date(year, 12, 31)
        assert all(a[1] + timedelta(days=1) == b[0] for a, b in pairwise(spans))
    assert cal.quarter_interval(year, 2) == (date(year, 4, 1), date(year, 6, 30))


@given(years)
def test_fiscal_year(year: int) -> None:
    start, end = cal.fiscal_year_interval(year)
    assert (start, end) == (date(year, 4, 1), date(year + 1, 3, 31))
    quarters = [cal.year_part_interval(year, f"Q{q}", fiscal=True) for q in range(1, 5)]
    assert quarters[0][0] == start and quarters[-1][1] == end
    assert all(a[1] + timedelta(days=1) == b[0] for a, b in pairwise(quarters))
    assert end + timedelta(days=1) == cal.fiscal_year_interval(year + 1)[0]


@given(st.dates(min_value=date(1868, 10, 23), max_value=date(2199, 12, 31)))
def test_era_round_trip(day: date) -> None:
    era, n = cal.era_of(day)
    assert n >= 1 and cal.era_year(era, n) == day.year
    assert day >= cal.ERAS[era]


def test_era_boundaries() -> None:
    assert cal.era_year("令和", 1) == 2019 and cal.era_year("平成", 31) == 2019
    assert cal.era_year("令和", 8) == 2026 and cal.era_year("昭和", 64) == 1989
    assert cal.era_of(date(2019, 4, 30)) == ("平成", 31)
    assert cal.era_of(date(2019, 5, 1)) == ("令和", 1)
    assert cal.era_of(date(1989, 1, 7)) == ("昭和", 64)
    assert cal.era_of(date(1989, 1, 8)) == ("平成", 1)


@given(days)
def test_anchors_hold_the_day(when: date) -> None:
    for anchor in ("Y+0", "M+0", "W+0", "D+0", "FY+0"):
        start, end = cal.resolve_anchor(anchor, when)
        assert start <= when <= end
    monday, sunday = cal.resolve_anchor("W+0", when)
    assert monday.weekday() == 0 and (sunday - monday).days == 6
    start, end = cal.resolve_anchor("now+P5Y", when)
    assert start == when and end == cal.add_months(when, 60) - timedelta(days=1)
    start, end = cal.resolve_anchor("Y+1/end", when)
    assert (start, end) == (date(when.year + 1, 10, 1), date(when.year + 1, 12, 31))


@given(days)
def test_month_parts(when: date) -> None:
    early = cal.resolve_anchor("M+0/early", when)
    mid = cal.resolve_anchor("M+0/mid", when)
    late = cal.resolve_anchor("M+0/late", when)
    assert early[1] + timedelta(days=1) == mid[0] and mid[1] + timedelta(days=1) == late[0]
    assert late[1] == cal.month_end(when.year, when.month)


@given(st.integers(min_value=1, max_value=40), st.sampled_from(["Y", "M", "D", "H", "MIN"]))
def test_iso_duration_whole_and_half(count: int, unit: str) -> None:
    text = cal.iso_duration(count, unit)
    assert text.startswith("P") and str(count) in text
    half = cal.iso_duration(count + 0.5, unit)
    assert half != text and half.startswith("P")


_WORDS = (
    "2026 年 月 日 度 第 四半期 令和 平成 元 99999 0 31 2 30 今年 来年 末 から "
    "までに 以内 数 十 半 ヶ月 か月 週間 時間 分 後 前 以上 足らず の / - Q "
    "上旬 年代 世紀 曜日 月曜 明年 底 个月 天 by in March years ago Q2 H1 "
    "decades a day 令和99999年 9999年 999"
)
_PIECES = [*_WORDS.split(), " ", "the end of", "next year"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["ja", "zh", "en"]),
       st.sampled_from([ARTICLE_DAY, None, date(2024, 2, 29)]))
def test_never_fails_and_offsets_hold(pieces: list[str], lang: str, when: date | None) -> None:
    text = "".join(pieces)
    found = extract_times(text, lang, when, base=3)
    last = 3
    for t in found:
        assert text[t.start - 3:t.end - 3] == t.text and t.start >= last
        last = t.end
        assert (t.time_start is None) == (t.time_end is None)
        if t.time_start is not None and t.time_end is not None:
            assert t.time_start <= t.time_end
        if t.relative and when is None and t.anchor is not None:
            assert t.time_start is None


@pytest.mark.parametrize(("text", "fiscal"), [
    ("2026年度", True), ("今年度末", True), ("2026年3月期", True), ("2026年", False),
    ("来年", False),
])
def test_fiscal_flag(text: str, fiscal: bool) -> None:
    assert _one(text).fiscal is fiscal


def _ranges() -> list[list[str]]:
    path = FIXTURES / "time-ranges.tsv"
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


@pytest.mark.parametrize("row", _ranges(), ids=lambda r: f"{r[0]}:{r[2]}")
def test_a_range_end_takes_what_its_start_names(row: list[str]) -> None:
    lang, day, source, *expected = row
    found = extract_times(source, lang, date.fromisoformat(day))
    got = [f"{t.text}={_iso(t.time_start)}..{_iso(t.time_end)}" for t in found]
    assert got == expected


def _ranges() -> list[list[str]]:
    text = (FIXTURES / "times-ranges.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("row", _ranges(), ids=lambda r: f"{r[0]}:{r[2]}")
def test_range_read_as_its_two_ends(row: list[str]) -> None:
    lang, day, source, start, end = row
    found = extract_times(source, lang, date.fromisoformat(day))
    assert len(found) == 2, [t.text for t in found]
    assert (_iso(min(t.time_start for t in found if t.time_start)),
            _iso(max(t.time_end for t in found if t.time_end))) == (start, end)
