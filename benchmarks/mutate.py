"""Mutation benchmark: change one fact in one version of a real pair, and see whether `check`
catches it; change only the form of one fact, and see that `check` stays quiet.

    python -m benchmarks.mutate [--quick N] [--list]

Every pair the project has is used: pairs/ (each pair of versions of a folder), the short
news pairs of tests/fixtures/texts and the aligned fixtures (align-*). The targets are found
with this script's own patterns, not with transcheck's extractor: Arabic numbers with and
without 万/億/兆/亿 and a unit or counter, kanji numerals before a counter, years, months,
quarters, 今年/来年/明年/去年, percentages; numbers inside identifiers (Grok 5, H100,
GPT-4) are skipped. Each target gives one variant with its value changed (the leading digit,
the year ±1, the quarter, 今年↔来年, the percentage) and, where one applies, one variant with
only its form changed (full-width digits, kanji↔Arabic, 5000万↔5千万, 2億5000万↔2.5億,
台↔枚 for GPUs, Q2↔第2四半期, 今年↔2026年 in a 2026 article, a space before a Latin unit).

A value change is *caught* when the changed version's report has an error or a warning at
the changed text that the unchanged pair's report does not have; *info only* when the only
new finding there is at info; else *missed*. It has *a counterpart* when the other version
states the same value (by this script's own reading) and the unchanged pair's report does
not call the target one-sided; it is *not read (extraction)* when transcheck reads no fact
at the target in the unchanged version. A form change raises a *false alarm* when its
report has an error or warning that the unchanged pair's has not, and *loses an error* when
an error or warning of the unchanged pair's report is gone.

``--quick N`` checks every Nth variant only (the figures in the README are over all of
them); ``--list`` names every missed value change and every form change that alarmed.
The output is the same from run to run.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import regex

from transcheck.check import align_documents, one_date
from transcheck.facts import extract_facts
from transcheck.findings import compare
from transcheck.load import load_document, parse_document
from transcheck.model import Document, Entity, Fact, Finding

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EJAAZ_DAY = date(2026, 1, 23)
NOVEMBER = date(2026, 11, 20)

# the short news pairs, the aligned fixtures and the pairing tests' Markdown pair, with the
# day their tests give them
FIXTURE_PAIRS: list[tuple[str, str, date | None]] = [
    ("texts/tesla.a.zh.txt", "texts/tesla.b.zh.txt", None),
    ("texts/btc.a.zh.txt", "texts/btc.b.zh.txt", None),
    ("texts/solana.a.ja.txt", "texts/solana.b.ja.txt", None),
    ("texts/tsmc.a.big5.txt", "texts/tsmc.b.zh.txt", NOVEMBER),
    ("texts/times.a.zh.txt", "texts/times.b.zh.txt", NOVEMBER),
    ("texts/nvidia.en.md", "texts/nvidia.ja.md", None),
    ("texts/nvidia.en.md", "texts/nvidia.zh.md", None),
    ("texts/xai.zh.txt", "texts/xai.en.txt", EJAAZ_DAY),
    ("align-ja-zh/ja.txt", "align-ja-zh/zh.txt", EJAAZ_DAY),
    ("../../pairs/ejaaz-grok5/bitpush.ja.txt", "align-ja-zh-ejaaz/zh.txt", EJAAZ_DAY),
    ("align-zh-zh-ejaaz/bitpush.zh.txt", "align-zh-zh-ejaaz/techflow.zh.txt", EJAAZ_DAY),
    ("pairing/grok5.a.ja.md", "pairing/grok5.b.ja.md", None),  # dated in front matter
]

# --- the script's own reading of numbers -------------------------------------------------

KANJI_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
SCALE = {"万": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12}
EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
LATIN_UNITS = ("GWh", "MWh", "kWh", "TWh", "GW", "MW", "kW", "TB", "GB", "PB", "MB")
COUNTERS = ("人", "台", "枚", "個", "个", "件", "社", "家", "倍", "ドル", "円", "元", "美元",
            "块", "张", "条", "名", "位", "款", "つ", "カ国", "か国", "ヶ国", "年", "ヶ月",
            "カ月", "か月", "个月", "週間", "日", "天", "パラメータ", "参数", "メガワット時",
            "メガワット", "ギガワット時", "ギガワット")
DURATIONS = ("年", "ヶ月", "カ月", "か月", "个月", "週間", "日", "天")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALED = rf"(?:{_NUM})(?:\s?[万億亿兆](?:(?:{_NUM})[万億亿兆]?)?)?"
_KANJI_NUM = r"[〇一二三四五六七八九十百千两]+(?:[万億亿兆][〇一二三四五六七八九十百千两]*)*"
_UNIT = "|".join(sorted((*LATIN_UNITS, *COUNTERS), key=len, reverse=True))
_EN_SCALE = "|".join(EN_SCALE)

PATTERNS: list[tuple[str, regex.Pattern[str]]] = [
    ("relative year", regex.compile(r"今年|来年|明年|去年|昨年")),
    ("quarter", regex.compile(r"(?<![A-Za-z])Q[1-4](?![\d])|第\s?[1-4一二三四]\s?四半期|"
                              r"第[1-4一二三四]季度")),
    ("year", regex.compile(r"(?<![\d,.])(?:19|20)\d\d(?=年|\s|[,.)、。]|$)(?:年)?")),
    ("month", regex.compile(r"(?<![\d,.])(?:1[0-2]|[1-9])月")),
    ("percent", regex.compile(rf"(?:{_NUM})\s?[%％]")),
    ("number", regex.compile(rf"(?:{_SCALED})(?:\s?(?:{_EN_SCALE})\b)?(?:\s?(?:{_UNIT}))?")),
    ("kanji numeral", regex.compile(rf"{_KANJI_NUM}(?=(?:{_UNIT}|[万億亿]))(?:{_UNIT})?")),
]

# numbers inside a name: Grok 5, H100, GPT-4, v14.2, Model 3
_IDENTIFIER_BEFORE = regex.compile(
    r"(?:[A-Za-z][\-.]?|[A-Z][A-Za-z]*\s|[\-.\d/]|[\p{Katakana}ー])$")
_IDENTIFIER_AFTER = regex.compile(r"^(?:[\-][\dA-Za-z]|\.\d+\.|[A-Za-z])")
# kanji that make a following numeral part of a word: 統一, 唯一, 数十, 几十, 第三; a lone 一
# before a counter is mostly an article (一家公司, 一张图), not a figure
_WORD_BEFORE = regex.compile(r"[数數几幾第唯統同万逐均單单]$")


def kanji_value(text: str) -> float | None:
    """十五 → 15, 六億 → 6e8, 七千万 → 7e7, 二〇二六 → 2026."""
    if all(c in KANJI_DIGIT for c in text):
        return float("".join(str(KANJI_DIGIT[c]) for c in text))
    total, section, digit = 0.0, 0.0, None
    for c in text:
        if c in KANJI_DIGIT:
            digit = KANJI_DIGIT[c]
        elif c in KANJI_SMALL:
            section += (digit if digit is not None else 1) * KANJI_SMALL[c]
            digit = None
        elif c in SCALE:
            total += (section + (digit or 0)) * SCALE[c]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


def arabic_value(text: str) -> float | None:
    """2億5000万 → 2.5e8, 46.7 billion → 4.67e10, 1,000 → 1000."""
    total, pending = 0.0, None
    for m in regex.finditer(rf"({_NUM})|([万億亿兆])|({_EN_SCALE})", text):
        if m.group(1):
            pending = float(m.group(1).replace(",", ""))
        elif pending is not None:
            total += pending * (SCALE.get(m.group(2) or "") or EN_SCALE[m.group(3)])
            pending = None
    return total + (pending or 0.0) if total or pending is not None else None


# --- targets and variants ----------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    text: str
    kind: str  # relative year, quarter, year, month, percent, number, kanji numeral
    key: tuple[str, float] | None  # what the script reads it as, to find its counterpart


def _year_of(word: str, day: date | None) -> int | None:
    if day is None:
        return None
    return day.year + {"今年": 0, "来年": 1, "明年": 1, "去年": -1, "昨年": -1}[word]


def _key(kind: str, text: str, day: date | None) -> tuple[str, float] | None:
    if kind == "relative year":
        year = _year_of(text, day)
        return None if year is None else ("year", float(year))
    if kind == "year":
        return ("year", float(text[:4]))
    if kind == "quarter":
        q = next(c for c in text if c in "1234一二三四")
        return ("quarter", float("1234".find(q) + 1 if q in "1234" else "一二三四".find(q) + 1))
    if kind == "month":
        return ("month", float(text.rstrip("月")))
    if kind == "percent":
        return ("percent", float(regex.sub(r"[\s%％,]", "", text)))
    number = regex.match(_KANJI_NUM, text) if kind == "kanji numeral" else None
    value = kanji_value(number.group()) if number else arabic_value(text)
    return None if value is None else ("number", value)


def find_targets(doc: Document) -> list[Target]:
    """Every target of a version, left to right, none overlapping another."""
    text = doc.text
    found: list[Target] = []
    taken: list[tuple[int, int]] = []
    for unit in doc.units:
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(text, unit.start, unit.end):
                s, e = m.span()
                if any(s < b and a < e for a, b in taken):
                    continue
                if kind in ("number", "percent") and (
                        _IDENTIFIER_BEFORE.search(text[max(unit.start, s - 12):s])
                        or _IDENTIFIER_AFTER.match(text[e:e + 3])):
                    continue
                if kind == "kanji numeral" and (
                        _WORD_BEFORE.search(text[max(unit.start, s - 1):s])
                        or regex.match(r"一(?![〇一二三四五六七八九十百千万億亿两])", m.group())):
                    continue
                if kind == "number" and not regex.search(r"[1-9]", m.group()):
                    continue
                taken.append((s, e))
                what = kind
                if kind in ("number", "kanji numeral") and m.group().endswith(DURATIONS) \
                        and not regex.search(r"[万億亿兆]", m.group()):
                    what = "duration"
                key = _key(kind, m.group(), doc.date)
                if key and what == "duration":
                    key = ("duration", key[1])
                found.append(Target(s, e, m.group(), what, key))
    found.sort(key=lambda t: t.start)
    return found


def _bump_digit(text: str, down: bool = False) -> str:
    """The first non-zero digit, one up (9 becomes 1): 2億5000万 → 3億5000万; ``down``:
    one down (1 becomes 2), for the low end of a range, which must stay below the high."""
    i = next(i for i, c in enumerate(text) if c in "123456789")
    d = int(text[i])
    new = (d - 1 if d > 1 else 2) if down else d % 9 + 1
    return text[:i] + str(new) + text[i + 1:]


_RANGE_AFTER = regex.compile(r"\s?(?:至|到|〜|~|～|-|－|–|から)\s?\d")


def value_change(t: Target, lang: str, after: str = "") -> str | None:
    if t.kind == "relative year":
        return {"今年": "明年" if lang == "zh" else "来年", "来年": "今年", "明年": "今年",
                "去年": "今年", "昨年": "今年"}[t.text]
    if t.kind == "year":
        return str(int(t.text[:4]) + 1) + t.text[4:]
    if t.kind == "quarter":
        q = next(c for c in t.text if c in "1234一二三四")
        other = {"1": "2", "2": "3", "3": "4", "4": "3",
                 "一": "二", "二": "三", "三": "四", "四": "三"}[q]
        return t.text.replace(q, other, 1)
    if t.kind == "month":
        m = int(t.text.rstrip("月"))
        return f"{m + 1 if m < 12 else 11}月"
    if t.kind == "kanji numeral" or (t.kind == "duration" and not regex.search(r"\d", t.text)):
        i = next((i for i, c in enumerate(t.text) if c in "一二三四五六七八九两"), None)
        if i is None:
            return None
        digits = "一二三四五六七八九"
        d = KANJI_DIGIT[t.text[i]]
        return t.text[:i] + digits[d % 9] + t.text[i + 1:]
    return _bump_digit(t.text, down=bool(_RANGE_AFTER.match(after)))


def _to_kanji(n: int) -> str:
    """1 ≤ n < 10000 in kanji: 7000 → 七千, 90 → 九十, 15 → 十五."""
    digits = "〇一二三四五六七八九"
    out = ""
    for value, word in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, value)
        if d:
            out += ("" if d == 1 and value > 1 else digits[d]) + word
    return out + (digits[n] if n else "")


def form_changes(t: Target, doc: Document, lang: str) -> list[tuple[str, str]]:
    """(name, new text) of every change of form only that applies to a target."""
    out: list[tuple[str, str]] = []
    text = doc.text
    cjk = lang in ("ja", "zh")
    if cjk and regex.search(r"\d", t.text):
        out.append(("full-width digits", t.text.translate(FULL_WIDTH)))
    if t.kind == "relative year" and doc.date is not None:
        year = _year_of(t.text, doc.date)
        out.append(("relative year as a year", f"{year}年"))
    if t.kind == "year" and doc.date is not None and cjk and t.text.endswith("年"):
        word = {0: "今年", 1: "明年" if lang == "zh" else "来年"}.get(
            int(t.text[:4]) - doc.date.year)
        if word:
            out.append(("year as a relative year", word))
    if t.kind == "quarter" and cjk:
        q = next(c for c in t.text if c in "1234一二三四")
        n = "1234".find(q) + 1 if q in "1234" else "一二三四".find(q) + 1
        if t.text.startswith("Q"):
            out.append(("Q2 as 第2四半期", f"第{n}四半期" if lang == "ja" else
                        f"第{'一二三四'[n - 1]}季度"))
        else:
            out.append(("第2四半期 as Q2", f"Q{n}"))
    if t.kind == "kanji numeral" or (t.kind == "duration" and not regex.search(r"\d", t.text)):
        number = regex.match(_KANJI_NUM, t.text)
        value = kanji_value(number.group()) if number else None
        if number and value is not None and value == int(value) and "〇" not in number.group():
            rest = t.text[number.end():]
            out.append(("kanji as Arabic", _arabic_with_scale(int(value), lang) + rest))
    if t.kind in ("number", "duration") and cjk:
        m = regex.fullmatch(r"(\d+)([万億亿])(?:(\d+)(万))?(.*)", t.text)
        if m and not m.group(3) and 0 < int(m.group(1)) < 10000:
            out.append(("Arabic as kanji", _to_kanji(int(m.group(1))) + m.group(2)
                        + m.group(5)))
        if m and not m.group(3) and regex.fullmatch(r"[1-9]000", m.group(1)):
            out.append(("5000万 as 5千万", m.group(1)[0] + "千" + m.group(2) + m.group(5)))
        if m and m.group(3) and regex.fullmatch(r"[1-9]000", m.group(3)):
            out.append(("2億5000万 as 2.5億", f"{m.group(1)}.{m.group(3)[0]}{m.group(2)}"
                        + m.group(5)))
        window = text[max(0, t.start - 20):t.end + 20]
        if "GPU" in window and t.text[-1] in "台枚":
            out.append(("台 and 枚 for GPUs", t.text[:-1] + ("枚" if t.text[-1] == "台" else "台")))
    unit = regex.search(rf"(?<=\d)({'|'.join(LATIN_UNITS)}|[%％])$", t.text)
    if unit and t.kind in ("number", "percent"):
        out.append(("a space before the unit", t.text[:unit.start()] + " " + unit.group()))
    return out


def _arabic_with_scale(value: int, lang: str) -> str:
    """6e8 → 6億 (ja) or 6亿 (zh), 7e7 → 7000万, 90 → 90."""
    oku = "億" if lang == "ja" else "亿"
    if value >= 10**8 and value % 10**8 == 0:
        return f"{value // 10**8}{oku}"
    if value >= 10**4 and value % 10**4 == 0 and value < 10**8:
        return f"{value // 10**4}万"
    return str(value)


# --- running -----------------------------------------------------------------------------


@dataclass
class Pair:
    name: str
    left: Document
    right: Document


def pairs() -> Iterator[Pair]:
    for folder in sorted(p for p in (ROOT / "pairs").iterdir() if (p / "pair.toml").exists()):
        meta = tomllib.loads((folder / "pair.toml").read_text("utf-8"))
        day = date.fromisoformat(meta["date"]) if "date" in meta else None
        files = [(v["file"], v.get("lang", "auto"), v.get("encoding")) for v in meta["version"]]
        for i, (a, la, ea) in enumerate(files):
            for b, lb, eb in files[i + 1:]:
                yield Pair(f"{folder.name}/{a}~{b}",
                           load_document(str(folder / a), lang=la, when=day, encoding=ea,
                                         date_source="pair.toml" if day else None),
                           load_document(str(folder / b), lang=lb, when=day, encoding=eb,
                                         date_source="pair.toml" if day else None))
    for a, b, day in FIXTURE_PAIRS:
        left = load_document(str(FIXTURES / a), when=day, date_source="option" if day else None)
        right = load_document(str(FIXTURES / b), when=day, date_source="option" if day else None)
        yield Pair(f"{Path(a).name}~{Path(b).name}", left, right)


Key = tuple[str, str, tuple[int, int] | None, tuple[int, int] | None]


def _span(f: Finding, side: str) -> tuple[int, int] | None:
    loc = f.left if side == "left" else f.right
    return None if loc is None else (loc.start, loc.end)


class Outcome:
    """The findings of one variant, with its changed side's offsets mapped back to the
    unchanged text (a location inside the changed text maps onto the whole target)."""

    def __init__(self, findings: list[Finding], side: str | None, target: Target | None,
                 delta: int) -> None:
        self.keys: list[tuple[Key, bool]] = []  # (key, at the changed text)
        for f in findings:
            spans = {"left": _span(f, "left"), "right": _span(f, "right")}
            at = False
            if side and target:
                s = spans[side]
                if s is not None:
                    new_end = target.end + delta
                    if s[0] < new_end and target.start < s[1]:
                        s, at = (target.start, target.end), True
                    elif s[0] >= new_end:
                        s = (s[0] - delta, s[1] - delta)
                    spans[side] = s
            self.keys.append(((f.rule, f.severity, spans["left"], spans["right"]), at))


def _normalize(keys: list[tuple[Key, bool]], side: str, target: Target) -> set[Key]:
    """Baseline keys with locations inside a target mapped onto the whole target."""
    out = set()
    for (rule, sev, lspan, rspan), _ in keys:
        spans = {"left": lspan, "right": rspan}
        s = spans[side]
        if s is not None and s[0] < target.end and target.start < s[1]:
            spans[side] = (target.start, target.end)
        out.add((rule, sev, spans["left"], spans["right"]))
    return out


EXPECTED_RULE = {"relative year": "time-mismatch", "year": "time-mismatch",
                 "quarter": "time-mismatch", "month": "time-mismatch",
                 "percent": "number-mismatch", "number": "number-mismatch",
                 "kanji numeral": "number-mismatch", "duration": "time-mismatch"}


def unit_kind(doc: Document, offset: int) -> str:
    unit = doc.unit_at(offset)
    if unit is None:
        return "paragraph"
    if unit.kind != "paragraph":
        return unit.kind
    return "short line" if len(unit.text) <= 40 and not regex.search(r"[。．.!?！？]$",
                                                                      unit.text) else "paragraph"


@dataclass
class Result:
    pair: str
    side: str
    line: int
    old: str
    new: str
    kind: str  # fact kind
    unit: str  # unit kind
    change: str  # "value" or the form change's name
    outcome: str  # caught, caught (other rule), info only, missed; for forms: quiet, alarm
    group: str = ""  # value changes: counterpart, no counterpart, already flagged, not read
    # (extraction); form changes: read otherwise (extraction) when transcheck reads the new
    # form as another fact, which is the extractor's to fix, not the pairing's
    lost: bool = False  # form changes: an error or warning of the unchanged pair is gone
    detail: str = ""


def run(every: int = 1) -> tuple[list[Result], int]:
    results: list[Result] = []
    n = 0
    for pair in pairs():
        left, right = one_date(pair.left, pair.right)
        facts = {"left": extract_facts(left), "right": extract_facts(right)}
        docs = {"left": left, "right": right}
        links = align_documents(left, right, facts["left"], facts["right"])
        base = compare(left, right, facts["left"], facts["right"], links)
        base_keys = Outcome(base, None, None, 0).keys
        targets = {side: find_targets(docs[side]) for side in docs}
        for side in ("left", "right"):
            other = "right" if side == "left" else "left"
            doc = docs[side]
            other_keys = {t.key for t in targets[other] if t.key}
            for t in targets[side]:
                variants = []
                new = value_change(t, doc.lang, doc.text[t.end:t.end + 4])
                if new is not None and new != t.text:
                    variants.append(("value", new))
                forms = form_changes(t, doc, doc.lang)
                if forms:
                    variants.append(forms[t.start % len(forms)])
                for change, new in variants:
                    n += 1
                    if (n - 1) % every:
                        continue
                    results.append(_variant(pair.name, docs, facts, side, other, t, change,
                                            new, base, base_keys, other_keys))
    return results, n


def _variant(name: str, docs: dict[str, Document], facts: dict[str, list[Fact]], side: str,
             other: str, t: Target, change: str, new: str, base: list[Finding],
             base_keys: list[tuple[Key, bool]],
             other_keys: set[tuple[str, float] | None]) -> Result:
    doc = docs[side]
    text = doc.text[:t.start] + new + doc.text[t.end:]
    changed = parse_document(text, doc.path, lang=doc.lang, when=doc.date,
                             date_source=doc.date_source, encoding=doc.encoding)
    vdocs = dict(docs)
    vdocs[side] = changed
    vfacts = dict(facts)
    vfacts[side] = extract_facts(changed)
    links = align_documents(vdocs["left"], vdocs["right"], vfacts["left"], vfacts["right"])
    found = compare(vdocs["left"], vdocs["right"], vfacts["left"], vfacts["right"], links)
    outcome = Outcome(found, side, t, len(new) - len(t.text))
    before = _normalize(base_keys, side, t)
    new_keys = [(k, at) for k, at in outcome.keys if k not in before]
    line = doc.position(t.start)[0]
    result = Result(name, side, line, t.text, new, t.kind, unit_kind(doc, t.start), change, "")
    if change == "value":
        alarms = [k for k, at in new_keys if at and k[1] in ("error", "warning")]
        if alarms:
            right_rule = any(k[0] == EXPECTED_RULE[t.kind] for k in alarms)
            result.outcome = "caught" if right_rule else "caught (other rule)"
            result.detail = ", ".join(sorted({f"{k[0]}/{k[1]}" for k in alarms}))
        elif any(at for k, at in new_keys):
            result.outcome = "info only"
        else:
            result.outcome = "missed"
        read = any(f.start < t.end and t.start < f.end and not isinstance(f, Entity)
                   for f in facts[side])
        flagged = any(at for k, at in _mapped(base_keys, side, t)
                      if k[1] in ("error", "warning"))
        one_sided = any(at for k, at in _mapped(base_keys, side, t)
                        if k[0] in ("missing-fact", "unaligned-unit"))
        if not read:
            result.group = "not read (extraction)"
        elif flagged:
            result.group = "already flagged"
        elif t.key in other_keys and not one_sided:
            result.group = "counterpart"
        else:
            result.group = "no counterpart"
        return result
    alarms = [k for k, _ in new_keys if k[1] in ("error", "warning")]
    after = {k for k, _ in outcome.keys}
    if _reading(facts[side], t.start, t.end) != _reading(vfacts[side], t.start,
                                                          t.end + len(new) - len(t.text)):
        result.group = "read otherwise (extraction)"
    lost = [k for k in before if k[1] in ("error", "warning") and k not in after]
    result.outcome = "alarm" if alarms else "quiet"
    result.lost = bool(lost)
    result.detail = "; ".join(sorted(f"{k[0]}/{k[1]} {k[2]} {k[3]}" for k in alarms + lost))
    return result


def _reading(facts: list[Fact], start: int, end: int) -> list[tuple[object, ...]]:
    """What transcheck reads at a span: each fact's kind and value, without its text."""
    out = []
    for f in facts:
        if f.start < end and start < f.end:
            fields = [getattr(f, name, None) for name in (
                "value", "low", "high", "unit", "per", "qualifier", "time_start", "time_end",
                "duration", "direction", "name")]
            out.append((f.kind, *fields))
    return out


def _mapped(keys: list[tuple[Key, bool]], side: str,
            target: Target) -> list[tuple[Key, bool]]:
    out = []
    for key, _ in keys:
        s = key[2] if side == "left" else key[3]
        out.append((key, s is not None and s[0] < target.end and target.start < s[1]))
    return out


# --- report ------------------------------------------------------------------------------

OUTCOMES = ("caught", "caught (other rule)", "info only", "missed")


def _table(title: str, rows: dict[str, Counter[str]]) -> list[str]:
    head = f"{title:<22} {'n':>5} " + " ".join(f"{o:>19}" for o in OUTCOMES) + "  caught %"
    out = [head, "-" * len(head)]
    total: Counter[str] = Counter()
    for name in sorted(rows):
        c = rows[name]
        total.update(c)
        out.append(_row(name, c))
    out.append(_row("all", total))
    return out


def _row(name: str, c: Counter[str]) -> str:
    n = sum(c.values())
    caught = c["caught"] + c["caught (other rule)"]
    share = f"{100 * caught / n:8.1f}" if n else "       -"
    return f"{name:<22} {n:>5} " + " ".join(f"{c[o]:>19}" for o in OUTCOMES) + f"  {share}"


def report(results: list[Result], total: int, listing: bool) -> str:
    out: list[str] = []
    values = [r for r in results if r.change == "value"]
    forms = [r for r in results if r.change != "value"]
    out.append(f"{len(results)} variants checked of {total} ({len(values)} value changes, "
               f"{len(forms)} form changes)")
    for group in ("counterpart", "no counterpart", "already flagged",
                  "not read (extraction)"):
        rows = [r for r in values if r.group == group]
        out.append("")
        out.append(f"value changes, {group}: {len(rows)}")
        for by in ("unit", "kind"):
            table: dict[str, Counter[str]] = defaultdict(Counter)
            for r in rows:
                table[getattr(r, by)][r.outcome] += 1
            out.append("")
            out += _table(f"by {by} kind" if by == "unit" else "by fact kind", table)
    for group, rows in (("read alike", [r for r in forms if not r.group]),
                        ("read otherwise (extraction)", [r for r in forms if r.group])):
        out.append("")
        out.append(f"form-only changes, {group}: {len(rows)}")
        by_change: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            by_change[r.change]["n"] += 1
            by_change[r.change]["alarm"] += r.outcome == "alarm"
            by_change[r.change]["lost"] += r.lost
        out.append(f"{'':<26} {'n':>5} {'false alarms':>13} {'errors lost':>12}")
        for name in sorted(by_change):
            c = by_change[name]
            out.append(f"{name:<26} {c['n']:>5} {c['alarm']:>13} {c['lost']:>12}")
        out.append(f"{'all':<26} {len(rows):>5} "
                   f"{sum(r.outcome == 'alarm' for r in rows):>13} "
                   f"{sum(r.lost for r in rows):>12}")
    if listing:
        out.append("")
        out.append("value changes with a counterpart not caught at the right rule:")
        for r in values:
            if r.group == "counterpart" and r.outcome != "caught":
                out.append(f"  {_name(r)}: {r.outcome} {r.detail}")
        out.append("")
        out.append("form changes that alarmed or lost an error:")
        for r in forms:
            if r.outcome == "alarm" or r.lost:
                lost = "lost an error" if r.lost else ""
                out.append(f"  {_name(r)} [{r.change}]: {r.outcome} {lost} {r.group} "
                           f"{r.detail}")
        out.append("")
        out.append("value changes not read (extraction):")
        for r in values:
            if r.group == "not read (extraction)":
                out.append(f"  {_name(r)}")
    return "\n".join(out)


def _name(r: Result) -> str:
    return f"{r.pair} {r.side} L{r.line} ({r.unit}, {r.kind}) {r.old} → {r.new}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.mutate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", type=int, default=1, metavar="N",
                        help="check every Nth variant only")
    parser.add_argument("--list", action="store_true",
                        help="name the missed value changes and the alarming form changes")
    args = parser.parse_args(argv)
    t0, c0 = time.perf_counter(), time.process_time()
    results, total = run(max(1, args.quick))
    print(report(results, total, args.list))
    print(f"\n({time.perf_counter() - t0:.0f} s, CPU {time.process_time() - c0:.0f} s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
