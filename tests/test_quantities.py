"""Quantities: the fixture table (tests/fixtures/quantities.tsv), round trips of every
notation (hypothesis), offsets, and the Ejaaz pair checked by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.facts.quantities import extract_quantities, normalize_noun, parse_numeral
from transcheck.model import Quantity

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAIR = Path(__file__).resolve().parent.parent / "pairs" / "ejaaz-grok5"


@dataclass(frozen=True)
class Row:
    lang: str
    text: str
    expected: tuple[dict[str, object], ...]
    line: int


def _number(s: str) -> float:
    if "/" in s:
        return float(Fraction(s))
    return float(s)


def _parse_item(item: str) -> dict[str, object]:
    parts = [p.strip() for p in item.split(" | ")]
    span, value, unit, qualifier = parts[:4]
    want: dict[str, object] = {"text": span, "unit": None if unit == "-" else unit,
                               "qualifier": qualifier, "per": None, "noun": None}
    if ".." in value:
        low, high = value.split("..")
        want.update(value=None, low=_number(low), high=_number(high))
    else:
        want.update(value=_number(value), low=None, high=None)
    for extra in parts[4:]:
        key, _, val = extra.partition("=")
        want[key] = val
    return want


def _rows() -> list[Row]:
    rows = []
    path = FIXTURES / "quantities.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lang, text, expected = line.split("\t")
        items = () if expected.strip() == "-" else tuple(
            _parse_item(i) for i in expected.split(" ; "))
        rows.append(Row(lang, text, items, n))
    return rows


ROWS = _rows()


def _close(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))  # type: ignore[arg-type]


def _as_dict(q: Quantity) -> dict[str, object]:
    return {"text": q.text, "value": q.value, "low": q.low, "high": q.high, "unit": q.unit,
            "qualifier": q.qualifier, "per": q.per, "noun": q.noun}


def test_fixture_table_is_large() -> None:
    assert len(ROWS) >= 150
    assert sum(1 for r in ROWS if not r.expected) >= 40  # not-a-quantity cases
    assert {r.lang for r in ROWS} == {"ja", "zh", "en"}


@pytest.mark.parametrize("row", ROWS, ids=[f"L{r.line}:{r.lang}:{r.text[:24]}" for r in ROWS])
def test_fixture_row(row: Row) -> None:
    got = extract_quantities(row.text, row.lang, base=7, unit=3)
    for q in got:
        assert row.text[q.start - 7:q.end - 7] == q.text
        assert q.unit_index == 3
    actual = [_as_dict(q) for q in got]
    assert len(actual) == len(row.expected), actual
    for have, want in zip(actual, row.expected, strict=True):
        for key in ("text", "unit", "qualifier", "per", "noun"):
            assert have[key] == want[key], (key, have, want)
        for key in ("value", "low", "high"):
            assert _close(have[key], want[key]), (key, have, want)


def test_integral_values_are_int() -> None:
    q = extract_quantities("2.5億人", "ja")[0]
    assert isinstance(q.value, int) and q.value == 250_000_000
    assert isinstance(extract_quantities("0.5%", "ja")[0].value, float)


# -- every notation reads back to the value it was rendered from -------------------------

_KANJI = "〇一二三四五六七八九"
_FULL = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def _kanji_group(n: int) -> str:
    """1..9999 in kanji: 四千二百十五; 一 is dropped before 十百千 as Japanese writes it."""
    out = ""
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十")):
        d = n // unit % 10
        if d:
            out += ("" if d == 1 else _KANJI[d]) + mark
    if n % 10:
        out += _KANJI[n % 10]
    return out


def _zh_group(n: int, first: bool) -> str:
    """1..9999 as Chinese writes it inside a number: 零 marks a skipped place (一千零一), and a
    group after a scale word that does not fill its thousands starts with 零 (一万零五百)."""
    out, gap = "", not first
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            gap = gap or bool(out)
            continue
        if gap and (out or unit < 1000):
            out += "零"
        gap = False
        if d == 1 and unit == 10 and not out:
            out += mark  # 十五, not 一十五, at the head of a number
        else:
            out += ("两" if d == 2 and unit >= 1000 else _KANJI[d]) + mark
    return out


def _split(n: int) -> list[tuple[int, str]]:
    """n as (group, scale) pairs: 250000000 → [(2, 億), (5000, 万)]."""
    parts = []
    for size, word in ((10**12, "兆"), (10**8, "億"), (10**4, "万"), (1, "")):
        g = n // size % 10**4
        if g:
            parts.append((g, word))
    return parts


def _render(n: int, style: str) -> str:
    if style == "arabic":
        return str(n)
    if style == "comma":
        return f"{n:,}"
    if style == "fullwidth":
        return f"{n:,}".translate(_FULL)
    if style == "kanji":
        return "".join(_kanji_group(g) + w for g, w in _split(n))
    if style == "mixed":
        return "".join(str(g) + w for g, w in _split(n))
    if style == "zh":
        parts = _split(n)
        return "".join(_zh_group(g, k == 0) + w.replace("億", "亿")
                       for k, (g, w) in enumerate(parts))
    raise ValueError(style)


_INTS = st.integers(min_value=1, max_value=10**15 - 1)


@settings(max_examples=300, deadline=None)
@given(n=_INTS, style=st.sampled_from(["arabic", "comma", "fullwidth", "kanji", "mixed"]))
def test_japanese_notations_round_trip(n: int, style: str) -> None:
    text = _render(n, style) + "人"
    got = extract_quantities("参加者は" + text + "だった", "ja", base=0)
    assert len(got) == 1, (text, got)
    assert got[0].value == n and got[0].unit == "人"
    assert got[0].text == text


@settings(max_examples=200, deadline=None)
@given(n=_INTS)
def test_chinese_notation_round_trip(n: int) -> None:
    text = _render(n, "zh") + "人"
    got = extract_quantities("共有" + text + "参加", "zh")
    assert [q.value for q in got] == [n], (text, got)


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=9999),
    tenths=st.integers(min_value=1, max_value=9),
    scale=st.sampled_from([("万", 10**4), ("億", 10**8), ("兆", 10**12)]),
)
def test_decimal_scales_round_trip(whole: int, tenths: int, scale: tuple[str, int]) -> None:
    text = f"{whole}.{tenths}{scale[0]}ドル"
    got = extract_quantities(f"総額{text}に達する", "ja")
    assert len(got) == 1 and got[0].unit == "USD"
    assert got[0].value == (whole * 10 + tenths) * scale[1] // 10


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=999),
    frac=st.integers(min_value=0, max_value=9),
    scale=st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9),
                           ("trillion", 10**12), ("k", 10**3), ("M", 10**6), ("B", 10**9)]),
)
def test_english_notation_round_trip(n: int, frac: int, scale: tuple[str, int]) -> None:
    number = f"{n}.{frac}" if frac else str(n)
    space = " " if len(scale[0]) > 1 else ""
    text = f"${number}{space}{scale[0]}"
    got = extract_quantities(f"It raised {text} in funding.", "en")
    assert len(got) == 1 and got[0].text == text and got[0].unit == "USD"
    assert got[0].value == (n * 10 + frac) * scale[1] // 10


@settings(max_examples=200, deadline=None)
@given(
    low=st.integers(min_value=1, max_value=9998),
    gap=st.integers(min_value=1, max_value=999),
    joiner=st.sampled_from(["〜", "～", "-", "から"]),
    scale=st.sampled_from([("万", 10**4), ("億", 10**8), ("兆", 10**12)]),
    unit=st.sampled_from([("ドル", "USD"), ("人", "人"), ("円", "JPY")]),
)
def test_ranges_share_the_scale_word(low: int, gap: int, joiner: str,
                                     scale: tuple[str, int], unit: tuple[str, str]) -> None:
    high = min(low + gap, 9999)
    text = f"{low}{joiner}{high}{scale[0]}{unit[0]}"
    got = extract_quantities(f"予算は{text}の見込み", "ja")
    assert len(got) == 1 and got[0].text == text
    assert (got[0].low, got[0].high, got[0].value) == (low * scale[1], high * scale[1], None)
    assert got[0].unit == unit[1]


@given(n=st.integers(min_value=1, max_value=10**12))
def test_parse_numeral_agrees_across_notations(n: int) -> None:
    values = {parse_numeral(_render(n, s)) for s in ("arabic", "comma", "kanji", "mixed")}
    assert values == {n}


_NOISE = st.text(
    alphabet=st.sampled_from(list("0123456789０１２,.，．- 〜~%％$一二三十百千万億兆亿两分之"
                                  "の人台枚つ社年月日約以上超最大ドル円MWhkGBx第目GPUのをは、。"
                                  "abcXYZ")),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(text=_NOISE, lang=st.sampled_from(["ja", "zh", "en"]))
def test_any_text_reads_without_error_and_offsets_slice(text: str, lang: str) -> None:
    for q in extract_quantities(text, lang, base=3):
        assert text[q.start - 3:q.end - 3] == q.text
        assert q.value is not None or (q.low is not None and q.high is not None)
        assert q.start < q.end


# -- nouns ------------------------------------------------------------------------------

def test_noun_normalization() -> None:
    assert normalize_noun("ユーザー") == normalize_noun("ユーザ") == normalize_noun("users")
    assert normalize_noun("ＧＰＵ") == normalize_noun("GPUs") == "gpu"
    assert normalize_noun("パラメーター") == normalize_noun("parameters") == "パラメータ"


def test_same_quantity_different_counter() -> None:
    a = extract_quantities("90万台のGPU", "ja")[0]
    b = extract_quantities("90万枚のGPU", "ja")[0]
    assert (a.value, a.unit, a.noun) == (b.value, b.unit, b.noun)
    assert (a.counter, b.counter) == ("台", "枚")


def test_power_is_not_energy() -> None:
    mw = extract_quantities("約250MW", "ja")[0]
    mwh = extract_quantities("最大 250 メガワット時", "ja")[0]
    assert mw.value == mwh.value == 250
    assert (mw.unit, mwh.unit) == ("MW", "MWh")


# -- the Ejaaz pair, read by hand -------------------------------------------------------

def _ejaaz_actual(version: str) -> tuple[str, list[dict[str, object]]]:
    text = (PAIR / f"{version}.ja.txt").read_text(encoding="utf-8")
    found = []
    offset = 0
    for n, line in enumerate(text.split("\n"), 1):
        for q in extract_quantities(line, "ja", base=offset, unit=n - 1):
            assert text[q.start:q.end] == q.text
            found.append({"line": n, "text": q.text, "value": q.value, "low": q.low,
                          "high": q.high, "unit": q.unit, "qualifier": q.qualifier,
                          "per": q.per, "noun": q.noun, "counter": q.counter})
        offset += len(line) + 1
    return text, found


@pytest.mark.parametrize("version", ["bitpush", "techflow"])
def test_ejaaz_quantities_match_hand_reading(version: str) -> None:
    expected = json.loads((FIXTURES / f"ejaaz-quantities.{version}.json")
                          .read_text(encoding="utf-8"))["quantities"]
    _, actual = _ejaaz_actual(version)
    missing = [e for e in expected if e not in actual]
    extra = [a for a in actual if a not in expected]
    assert not missing and not extra, {"missing": missing, "extra": extra}


@pytest.mark.parametrize("version", ["bitpush", "techflow"])
def test_every_fact_of_the_ejaaz_documents_slices_its_text(version: str) -> None:
    from transcheck.facts import extract_facts
    from transcheck.load import load_document

    doc = load_document(str(PAIR / f"{version}.ja.txt"))
    facts = extract_facts(doc)
    assert facts
    for f in facts:
        assert doc.text[f.start:f.end] == f.text, f
        unit = doc.units[f.unit_index]
        assert unit.start <= f.start and f.end <= unit.end
    quantities = [f for f in facts if f.kind == "quantity"]
    assert len(quantities) == {"bitpush": 21, "techflow": 26}[version]


def test_every_unit_of_measure_has_every_prefix_in_every_language() -> None:
    """A unit is one row of units.tsv: the symbols and each language's words reach the same
    sizes (TWh once lacked テラワットアワー and terawatt-hours)."""
    from transcheck.lang.units import SYMBOLS, WORDS

    for canonical in ("MW", "MWh", "GB"):
        sizes = {f for (c, f) in SYMBOLS.values() if c == canonical}
        for lang in ("en", "ja", "zh"):
            assert {f for (c, f) in WORDS[lang].values() if c == canonical} == sizes, lang


def test_every_unit_has_its_family_in_the_unit_table() -> None:
    """Families are a column of units.tsv: a currency added there (CHF) is a currency to the
    unit-mismatch rule too, so 100 Swiss francs against 100 dollars is an error."""
    from transcheck.lang.units import FAMILIES
    from transcheck.rules import unit_mismatch

    assert FAMILIES["CHF"] == FAMILIES["USD"] == "currency"
    assert FAMILIES["MW"] == FAMILIES["MWh"] != FAMILIES["GB"]
    francs = extract_quantities("罰金は100スイスフランだった", "ja")
    dollars = extract_quantities("罰金は100ドルだった", "ja")
    assert [q.unit for q in francs + dollars] == ["CHF", "USD"]
    assert unit_mismatch.applies(francs[0], dollars[0], False)
