"""Fuzzing: hostile text, numerals in every notation and random Markdown never crash a stage.

Properties checked on every generated input: the only exception is InputError; units and
facts slice the text to exactly their own ``text``; the JSON of ``facts`` and ``check``
validates against its schema; every renderer returns text. CI runs a few dozen examples per
property; ``benchmarks/fuzz.py`` runs the same properties 10,000 times.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.check import check_documents
from transcheck.encoding import decode_bytes
from transcheck.facts import extract_facts
from transcheck.load import parse_document
from transcheck.model import Document, InputError, Report
from transcheck.report import FORMATS, render
from transcheck.report import json as json_report
from transcheck.schemas import load_schema

CI_EXAMPLES = 60

# Digits in the longest numeral generated: past ~308 digits a value no longer fits a float
# (a 309-digit numeral once crashed the JSON report with OverflowError).
HUGE_DIGITS = 400

# --- strategies -----------------------------------------------------------------------

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c",
              "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad", "\u034f"]
COMBINING = ["\u0301", "\u0308", "\u3099", "\u309a", "\u20dd", "\ufe0f", "\ufe0e"]
EMOJI = ["🚀", "👍🏽", "🇯🇵", "👨\u200d👩\u200d👧", "1\ufe0f\u20e3", "𠮷", "🀄"]
NEWLINES = ["\n", "\r\n", "\r", "\u2028", "\u0085", "\x0b", "\x0c"]
PUNCT = ["、", "。", "，", "．", "・", "〜", "～", "~", "-", "－", "—", "―", "(", ")", "（", "）",
         "「", "」", "%", "％", ",", ".", "/", ":", "：", " ", "\u3000", "\t", "|", "#", "*",
         ">", "`", "<", "$", "€", "¥", "￥", "+", "±", "×", "…"]

DIGITS_ASCII = "0123456789"
DIGITS_FULL = "０１２３４５６７８９"
KANJI_DIGITS = "〇一二三四五六七八九"
KANJI_UNITS = ["十", "百", "千", "拾", "廿", "两", "兩", "零", "壱", "弐"]
SCALES = ["万", "萬", "億", "亿", "兆", "京", "千万", "百万", "万亿", "thousand", "million",
          "billion", "trillion", "k", "K", "M", "B", "bn", "T"]
COUNTERS = ["人", "名", "台", "枚", "個", "件", "社", "カ国", "か国", "ヶ月", "ヵ月", "か月",
            "年", "月", "日", "時間", "分", "秒", "週間", "倍", "%", "％", "パーセント", "ドル",
            "米ドル", "円", "元", "美元", "ユーロ", "USD", "$", "MW", "メガワット", "MWh",
            "GW", "ギガワット時", "GPU", "トークン", "パラメータ", "位", "番目", "度", "℃",
            "km", "キロ", "トン", "バイト", "TB", "兆パラメータ", "期", "四半期", "世代",
            "users", "people", "percent", "dollars", "days", "年度", "年末", "年初め"]
QUALIFIERS = ["約", "およそ", "最大", "最大で", "少なくとも", "以上", "以下", "未満", "超",
              "超える", "近く", "前後", "程度", "ほど", "余り", "強", "弱", "約莫", "大约",
              "超过", "至少", "不到", "about", "over", "up to", "nearly", "at least", "~", "≈"]
TIME_WORDS = ["今年", "来年", "昨年", "去年", "再来年", "今年末", "来年末までに", "年内", "上半期",
              "下半期", "第2四半期", "Q3", "2026年第2四半期", "令和8年", "平成31年", "昭和64年",
              "2026年度", "1月23日", "12月", "今月", "来月", "先週", "今週", "明日", "昨日",
              "2026-01-23", "2026/1/23", "明年", "今年年底", "next year", "by the end of 2027",
              "FY2026", "H2 2026", "数ヶ月以内", "4ヶ月で", "122日間", "2020年代", "90年代"]
ENTITY_WORDS = ["Grok 5", "Grok3/4", "GPT-4o", "H100", "H200", "v14.2.2.3", "xAI", "X",
                "Tesla", "テスラ", "マスク氏", "Colossus 2", "Optimus", "FSD", "Waymo",
                "iPhone 17", "A100×8", "Llama-3.1-405B", "R2-D2", "COVID-19"]
WORDS = ["の", "は", "を", "に", "で", "と", "が", "した", "する", "ユーザー", "データセンター",
         "稼働", "人々", "每天", "用户", "个", "萬名", "活躍用戶", "the", "users", "a day",
         "per month", "月間", "1日あたり", "毎日", "年間", "per year", "each"]


def numerals() -> st.SearchStrategy[str]:
    """A number in any notation: 2億5000万, ２５０, 二億五千万, 2.5 million, 1,234.5, 9…9."""
    ascii_int = st.integers(0, 10**15).map(str)
    commas = st.integers(0, 10**12).map(lambda n: f"{n:,}")
    decimal = st.tuples(st.integers(0, 99999), st.integers(0, 9999)).map(
        lambda t: f"{t[0]}.{t[1]}")
    full = st.text(alphabet=DIGITS_FULL, min_size=1, max_size=8)
    kanji = st.lists(st.sampled_from(list(KANJI_DIGITS) + KANJI_UNITS + ["万", "億"]),
                     min_size=1, max_size=8).map("".join)
    mixed = st.lists(st.tuples(st.integers(0, 9999), st.sampled_from(["兆", "億", "万", "萬"])),
                     min_size=1, max_size=3).map(lambda xs: "".join(f"{n}{s}" for n, s in xs))
    huge = st.integers(20, max(20, HUGE_DIGITS)).map(lambda n: "9" * n)
    odd = st.sampled_from(["1e308", "0.000", "00", "1,,000", ",5", "5,", "1.2.3", "−3", "-0",
                           "½", "⅓", "①", "Ⅻ", "١٢٣", "１，０００", "1 000", "1_000", "0x1F",
                           "NaN", "inf", "∞", "1/2", "3:2", "2^10", "10²"])
    return st.one_of(ascii_int, commas, decimal, full, kanji, mixed, huge, odd)


@st.composite
def quantities(draw: st.DrawFn) -> str:
    """A numeral glued to its qualifier, scale and counter, sometimes as a range."""
    parts = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(QUALIFIERS)))
    parts.append(draw(numerals()))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["〜", "～", "~", "-", "から", "至", "to", "–"])))
        parts.append(draw(numerals()))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(SCALES)))
    if draw(st.integers(0, 3)):
        parts.append(draw(st.sampled_from(COUNTERS)))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(QUALIFIERS)))
    sep = draw(st.sampled_from(["", "", "", " ", "\u200b", "\u3000"]))
    return sep.join(parts)


def hostile_chars() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(INVISIBLES + COMBINING + EMOJI + PUNCT),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list(DIGITS_ASCII + DIGITS_FULL + KANJI_DIGITS)),
    )


def fragments() -> st.SearchStrategy[str]:
    """A piece of a sentence: a word, a quantity, a time, a name or hostile characters."""
    return st.one_of(
        quantities(),
        st.sampled_from(TIME_WORDS),
        st.sampled_from(ENTITY_WORDS),
        st.sampled_from(WORDS),
        st.lists(hostile_chars(), min_size=1, max_size=6).map("".join),
    )


def sentences() -> st.SearchStrategy[str]:
    return st.lists(fragments(), min_size=1, max_size=12).map("".join)


@st.composite
def plain_texts(draw: st.DrawFn) -> str:
    """Lines of fragments joined by any newline, with stray blank and white lines."""
    lines = draw(st.lists(st.one_of(sentences(), st.sampled_from(["", " ", "\u3000", "\t"])),
                          min_size=1, max_size=10))
    newline = draw(st.sampled_from(NEWLINES))
    text = newline.join(lines)
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@st.composite
def markdown_block(draw: st.DrawFn) -> str:
    s = draw(sentences())
    kind = draw(st.integers(0, 13))
    if kind == 0:
        return f"{'#' * draw(st.integers(1, 7))} {s}{draw(st.sampled_from(['', ' ##', '#']))}"
    if kind == 1:
        return f"{s}\n{draw(st.sampled_from(['===', '---', '-', '= =']))}"
    if kind == 2:
        marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)", "・", "•", "①", "10."]))
        return "\n".join(f"{marker} {draw(sentences())}" for _ in range(draw(st.integers(1, 3))))
    if kind == 3:
        rows = [f"| {draw(sentences())} | {draw(sentences())} |"
                for _ in range(draw(st.integers(1, 3)))]
        return "\n".join([rows[0], "|---|:--:|", *rows[1:]])
    if kind == 4:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        close = draw(st.sampled_from([fence, "", "~~~"]))
        return f"{fence}python\n{s}\n{close}"
    if kind == 5:
        return "\n".join(f"{'>' * draw(st.integers(1, 3))} {draw(sentences())}"
                         for _ in range(draw(st.integers(1, 3))))
    if kind == 6:
        return draw(st.sampled_from(["<div>", "<!-- note -->", "</p>", "<br/>", "<a href=x>"])) \
            + s
    if kind == 7:
        return draw(st.sampled_from(["---", "***", "- - -", "___", "* * *"]))
    if kind == 8:
        return f"    {s}"  # indented code or continuation
    if kind == 9:
        return f"{s}\n{draw(sentences())}"  # a paragraph of two lines
    if kind == 10:
        return f"1. {s}\n   {draw(sentences())}"
    if kind == 11:
        return f"| {s}"
    if kind == 12:
        return f"*{s}* **{draw(sentences())}** `{draw(sentences())}` [{s}](http://x/)"
    return s


@st.composite
def markdown_texts(draw: st.DrawFn) -> str:
    """A Markdown article: optional front matter (good, bad or unclosed), then blocks."""
    blocks = draw(st.lists(markdown_block(), min_size=1, max_size=8))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n"]))
    text = sep.join(blocks)
    fm = draw(st.integers(0, 5))
    if fm == 1:
        text = f"---\ndate: 2026-01-23\nlang: ja\ntitle: {draw(sentences())}\n---\n\n{text}"
    elif fm == 2:
        text = f"---\ndate: {draw(st.sampled_from(['someday', '2026-13-45', '', '2026']))}\n" \
            f"---\n{text}"
    elif fm == 3:
        text = f"---\ntitle: x\n{text}"  # never closed
    elif fm == 4:
        text = f"+++\ndate = \"2026-01-23\"\n+++\n{text}"
    return text


def documents() -> st.SearchStrategy[tuple[str, str]]:
    """(text, path): plain text or Markdown, by extension."""
    return st.one_of(plain_texts().map(lambda t: (t, "fuzz.txt")),
                     markdown_texts().map(lambda t: (t, "fuzz.md")))


def edits() -> st.SearchStrategy[Callable[[str], str]]:
    """A change of one version into another: a swapped quantity, dropped or moved lines."""

    @st.composite
    def edit(draw: st.DrawFn) -> Callable[[str], str]:
        kind = draw(st.integers(0, 3))
        new = draw(quantities())
        seed = draw(st.integers(0, 10**6))

        def apply(text: str) -> str:
            lines = text.split("\n")
            if not lines:
                return text
            i = seed % len(lines)
            if kind == 0:
                return text + "\n" + new
            if kind == 1:
                return "\n".join(lines[:i] + lines[i + 1:])
            if kind == 2:
                return "\n".join(lines[i:] + lines[:i])
            return text.replace(lines[i], lines[i] + new, 1) if lines[i] else new + text

        return apply

    return edit()


# --- properties ---------------------------------------------------------------------

WHEN = [None, date(2026, 1, 23), date(1989, 1, 7), date(2100, 12, 31)]


def parse(text: str, path: str, when: date | None = None, lang: str = "auto") -> Document | None:
    """The document, or None when it is refused with an InputError (the allowed failure)."""
    try:
        doc = parse_document(text, path, lang=lang, when=when, date_source="option")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert doc.text in (text, text.removeprefix("\ufeff"))
    for u in doc.units:
        assert 0 <= u.start < u.end <= len(doc.text)
        assert doc.text[u.start:u.end] == u.text
    return doc


def check_facts(doc: Document) -> None:
    found = extract_facts(doc)
    for f in found:
        assert 0 <= f.start < f.end <= len(doc.text), f
        assert doc.text[f.start:f.end] == f.text, f
        unit = doc.units[f.unit_index]
        assert unit.start <= f.start and f.end <= unit.end, (f, unit)
    data = json.loads(json_report.dumps(json_report.facts_dict(doc, found)))
    jsonschema.validate(data, _schema("facts"))


def check_report(report: Report) -> None:
    for doc, side in ((report.left, "left"), (report.right, "right")):
        for f in report.findings:
            loc = getattr(f, side)
            if loc is None:
                continue
            assert 0 <= loc.start <= loc.end <= len(doc.text), f
            assert doc.text[loc.start:loc.end] == loc.text, f
            assert doc.position(loc.start) == (loc.line, loc.column), f
    for side, units in (("left", report.left.units), ("right", report.right.units)):
        seen = sorted(i for link in report.alignment for i in getattr(link, side))
        assert seen == list(range(len(units))), "every unit exactly once"
    data = json.loads(json_report.dumps(json_report.report_dict(report)))
    jsonschema.validate(data, _schema("report"))
    for fmt in FORMATS:
        assert isinstance(render(report, fmt), str)


_SCHEMAS: dict[str, Any] = {}


def _schema(name: str) -> Any:
    if name not in _SCHEMAS:
        _SCHEMAS[name] = load_schema(name)
    return _SCHEMAS[name]


def run_one_document(text: str, path: str, when: date | None, lang: str) -> None:
    doc = parse(text, path, when, lang)
    if doc is not None:
        check_facts(doc)


def run_pair(left: tuple[str, str], edit: Callable[[str], str], when: date | None) -> None:
    text, path = left
    a = parse(text, path, when)
    b = parse(edit(text), path, when)
    if a is None or b is None:
        return
    check_report(check_documents(a, b))


def run_bytes(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz.bin")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert decoded.text == data.decode(decoded.encoding)


# Derandomized: CI sees the same examples every run, so a red build is reproducible; the
# random exploration is benchmarks/fuzz.py's job.
FUZZ = settings(max_examples=CI_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(documents(), st.sampled_from(WHEN), st.sampled_from(["auto", "ja", "zh", "en"]))
def test_facts_of_any_document(doc: tuple[str, str], when: date | None, lang: str) -> None:
    run_one_document(doc[0], doc[1], when, lang)


@FUZZ
@given(documents(), edits(), st.sampled_from(WHEN))
def test_check_of_any_pair(left: tuple[str, str], edit: Callable[[str], str],
                           when: date | None) -> None:
    run_pair(left, edit, when)


@FUZZ
@given(st.one_of(
    st.binary(max_size=300),
    st.tuples(plain_texts(), st.sampled_from(["utf-8", "utf-16", "shift_jis", "euc_jp",
                                              "gb18030", "big5", "cp1252"])).map(
        lambda t: t[0].encode(t[1], errors="replace")),
))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    run_bytes(data)


# --- hostile repositories (issue 26): config files, invisible characters, escaping --------

TOML_KEYS = ["title", "date", "source", "version", "file", "lang", "label", "encoding", "from",
             "dat", "fail-on", "rules", "ignore", "baseline", "dirs", "x", "tool.transcheck"]
TOML_VALUES = ['"a.txt"', '"../../etc/passwd"', '"/etc/passwd"', '"a\\u0000b"', "5", "-1.5",
               "true", "[]", '["a.txt"]', "{}", "{file = 5}", "2026-01-23", "2026-01-23T10:00:00",
               '"2026-01-23 or maybe 2027"', '"ja"', '"klingon"', '"utf-8"', '"off"', '"\ufeff"',
               "[" * 40 + "]" * 40, '"""multi\nline"""', "'raw'", "inf", "nan"]
TOML_HEADERS = ["[[version]]", "[tool.transcheck]", "[rules]", "[ignore]", "[version]",
                "[[version]", "[tool]", ""]


@st.composite
def toml_documents(draw: st.DrawFn) -> str:
    """pair.toml, transcheck.toml or pyproject.toml text, well formed or not."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(TOML_HEADERS)))
        lines.append(f"{draw(st.sampled_from(TOML_KEYS))} = {draw(st.sampled_from(TOML_VALUES))}")
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text + draw(st.sampled_from(["", "\n", "\n= broken", "\x00"]))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "rule", "left", "right", "pair", "severity", "message", "x"]),
        inner, max_size=7),
    max_leaves=20)


@st.composite
def baseline_documents(draw: st.DrawFn) -> str:
    findings = draw(st.lists(JSON_VALUES, max_size=4))
    schema = draw(st.sampled_from(["transcheck/baseline@1", "other", None]))
    return json.dumps({"schema": schema, "findings": findings})


def run_config_file(kind: str, text: str) -> None:
    """A pair.toml, config or baseline file is read or refused with one line: never more."""
    import tempfile
    from pathlib import Path

    from transcheck.baseline import read_baseline
    from transcheck.config import load_config
    from transcheck.pairs import read_pair

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / kind
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        (Path(tmp) / "a.txt").write_text("今年は90万台。\n", encoding="utf-8")
        try:
            if kind == "pair.toml":
                pair = read_pair(tmp)
                for v in pair.versions:
                    assert os.path.realpath(v.path).startswith(os.path.realpath(tmp))
            elif kind == "baseline.json":
                read_baseline(str(path))
            else:
                load_config(str(path))
        except InputError as exc:
            assert str(exc) and "\n" not in str(exc)


FORMAT_CHARS = ["\u200b", "\u00ad", "\ufeff", "\u2060", "\u200c", "\u200d", "\u034f"]


def run_invisible(number: str, ch: str, at: int) -> None:
    """A format character inside a number changes neither its value nor where it points."""
    plain = f"Xは{number}人のユーザーを抱える。"
    at = 1 + at % (len(number) - 1)
    hidden = f"Xは{number[:at]}{ch}{number[at:]}人のユーザーを抱える。"
    want = [(f.text.replace(ch, ""), getattr(f, "value", None))
            for f in extract_facts(parse_document(plain + "\n", "a.txt", lang="ja"))]
    doc = parse_document(hidden + "\n", "b.txt", lang="ja")
    got = extract_facts(doc)
    assert [(f.text.replace(ch, ""), getattr(f, "value", None)) for f in got] == want
    assert all(doc.text[f.start:f.end] == f.text for f in got)


def run_escapes(text: str) -> None:
    """Escaped text holds nothing a terminal or a log acts on; a code span stays closed."""
    from transcheck.report.common import printable
    from transcheck.report.markdown import code, escape

    shown = printable(text)
    assert not any(unicodedata.category(c) == "Cc" for c in shown)
    assert "\u2028" not in shown and "\u202e" not in shown
    span = code(text)
    fence = len(span) - len(span.lstrip("`"))
    assert "\n" not in span and "`" * fence not in span[fence:-fence]
    assert "\n" not in escape(text) and "<" not in escape(text).replace("\\<", "")


@FUZZ
@given(st.sampled_from(["pair.toml", "transcheck.toml", "pyproject.toml"]), toml_documents())
def test_any_config_file_is_read_or_refused(kind: str, text: str) -> None:
    run_config_file(kind, text)


@FUZZ
@given(baseline_documents())
def test_any_baseline_is_read_or_refused(text: str) -> None:
    run_config_file("baseline.json", text)


@FUZZ
@given(st.integers(10, 10**12).map(str), st.sampled_from(FORMAT_CHARS), st.integers(0, 100))
def test_a_format_character_inside_a_number_changes_nothing(number: str, ch: str,
                                                            at: int) -> None:
    run_invisible(number, ch, at)


@FUZZ
@given(st.lists(st.one_of(hostile_chars(), st.sampled_from(
    ["`", "``", "\x1b]0;x\x07", "\x1b[2J", "@octocat", "<img>", "\n::error::", "\r", "|"])),
    max_size=40).map("".join))
def test_escaped_text_cannot_act(text: str) -> None:
    run_escapes(text)


# Runs that would make a backtracking regex explode, or a numeral too big for a float.
LONG_RUNS = {
    "digits": "2" * 5000 + "億人",
    "qualifiers": "約" * 3000 + "1万人",
    "commas": "1," * 4000 + "人",
    "ordinals": "第" * 3000 + "2四半期",
    "names": "Grok " * 2000,
    "versions": "v1." * 3000,
    "years": "2026年" * 2000,
    "kanji numeral": "一" * 6000 + "万人",
    "zero-width joined": "\u200b".join("2億5000万人" for _ in range(800)),
    "spaces": "2" + " " * 15000 + "億人",
    "dashes": "1" + "〜" * 5000 + "2万人",
}


@pytest.mark.parametrize("name", LONG_RUNS)
def test_long_runs_of_one_pattern(name: str) -> None:
    """Each comes back (benchmarks/fuzz.py prints how fast) with sound facts and JSON."""
    run_one_document(LONG_RUNS[name], "runs.txt", date(2026, 1, 23), "auto")


# Inputs the long fuzz run crashed on (fixed): kept so that they stay fixed.
FOUND = {
    # times.py _length → calendar.iso_duration: int(float("inf")) for a 400-digit count
    "duration of 400 digits": "9" * 400 + "日間",
    # report/json.py _num: a quantity beyond float range
    "quantity of 400 digits": "9" * 400 + "人",
}


@pytest.mark.parametrize("name", FOUND)
def test_inputs_the_long_fuzz_run_crashed_on(name: str) -> None:
    run_one_document(FOUND[name], "found.txt", date(2026, 1, 23), "auto")
