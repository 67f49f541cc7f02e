"""The scans the fact readers skip must be ones that could find nothing.

Each shortcut of the readers (a time pattern skipped when the text lacks the characters it
needs, quantity runs tried only where a run can start, katakana names only where one of
their marks is) is checked here against the full scan it replaces, on text drawn from the
characters the patterns themselves are written with.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.facts.entities import _KATAKANA, _KATAKANA_NEEDS
from transcheck.facts.quantities import _normalize, _Reader, grammar
from transcheck.facts.scan import needed_chars
from transcheck.facts.times import _grammar


def test_literals_and_branches() -> None:
    assert needed_chars("年") == frozenset("年")
    assert needed_chars("今年|来年") == frozenset("今来")  # the first, fewest of each branch
    assert needed_chars("[0-9]+年") == frozenset("年")
    assert needed_chars("[12][0-9]{3}") == frozenset("12")
    assert needed_chars(r"\u3000") == frozenset("\u3000")
    assert needed_chars(r"\-") == frozenset("-")
    assert needed_chars("(?P<y>[12])(?:年|年度)") == frozenset("年")
    assert needed_chars(r"\bQ[1-4]") == frozenset("Q")  # a boundary holds no character


def test_what_needs_nothing() -> None:
    for pattern in ("年?", "[0-9]*", "(?:年){0,2}", r"\d+", r"\s", ".", "[^年]", r"\p{Han}",
                    "(?=年)", "(?<!年)", "(?P<a>x)(?P=a)|y?", "(?i)year", "a|b?", r"\b",
                    "[ -\uffff]"):
        assert needed_chars(pattern) is None, pattern


def test_look_arounds_add_nothing_to_a_sequence() -> None:
    assert needed_chars("(?<![0-9])(?=[一二])[一二三]年") == frozenset("年")
    assert needed_chars("(?<=から)日") == frozenset("日")


def test_unreadable_source_needs_nothing() -> None:
    assert needed_chars("(?Xabc)") is None
    assert needed_chars("abc)") is None
    assert needed_chars("[abc") is None


def _alphabet() -> str:
    """Every character the time patterns of the three languages are written with, digits
    full-width and ASCII, kana, some Latin and punctuation."""
    chars = set("0123456789０１２３４５６７８９ 　、。,.-/~〜年月日のはがをにでとからまで")
    for lang in ("ja", "zh", "en"):
        for p, _ in _grammar(lang).patterns:
            chars.update(c for c in p.pattern if c.isprintable())
    return "".join(sorted(chars))


ALPHABET = _alphabet()
PATTERNS = [(lang, k) for lang in ("ja", "zh", "en") for k in range(len(_grammar(lang).patterns))]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), st.data())
def test_a_text_without_what_a_time_pattern_needs_has_no_match(which: tuple[str, int],
                                                                data: st.DataObject) -> None:
    lang, k = which
    g = _grammar(lang)
    needs = g.needs[k]
    if needs is None:
        return
    allowed = "".join(c for c in ALPHABET if c not in needs)
    text = data.draw(st.text(alphabet=allowed, max_size=40))
    assert g.patterns[k][1].search(text) is None, (lang, g.patterns[k][0].name, text)


def test_most_time_patterns_are_bounded() -> None:
    for lang in ("ja", "zh", "en"):
        g = _grammar(lang)
        assert sum(n is not None for n in g.needs) >= len(g.needs) - 2, lang


NUMERIC = "0123456789０１２３４５６７８９一二三四五六七八九十百千万億兆亿两+-−.,，年月円ドル元ab "


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["ja", "zh", "en"]), st.text(alphabet=NUMERIC, max_size=30),
       st.integers(min_value=0, max_value=30))
def test_quantity_runs_found_where_a_search_finds_them(lang: str, text: str, pos: int) -> None:
    reader = _Reader(text, lang)
    norm = _normalize(text, grammar(lang).fullwidth_comma_groups_ascii)
    got = reader._next_run(min(pos, len(norm)))
    want = grammar(lang).run.search(norm, min(pos, len(norm)))
    assert (got.span() if got else None) == (want.span() if want else None)


KATAKANA = "アイウエオカキクケコーン・=＝氏さんCEO0123456789０１２３漢字 "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=KATAKANA, max_size=30))
def test_katakana_names_need_their_marks(text: str) -> None:
    if _KATAKANA_NEEDS.search(text) is None:
        assert _KATAKANA.search(text) is None


def test_needs_of_every_language_are_built_once() -> None:
    assert _grammar("ja") is _grammar("ja")
    assert isinstance(_grammar("ja").patterns[0][1], regex.Pattern)
