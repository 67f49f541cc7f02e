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
from transcheck.facts.scan import needed, screen
from transcheck.facts.times import _grammar


def sets(pattern: str) -> list[list[str]]:
    return [sorted(words) for words in needed(pattern)]


def test_literals_sequences_and_branches() -> None:
    assert sets("年") == [["年"]]
    assert sets("今年") == [["今"], ["年"], ["今年"]]  # every part of a sequence, and its word
    assert sets("今年|来年") == [["今年", "来年"]]  # one set a branch: its longest words
    assert sets("今|来年") == [["今", "来年"]]
    assert sets("[0-9]+年") == [list("0123456789"), ["年"]]
    assert sets("[12][0-9]{3}") == [["1", "2"], list("0123456789")]
    assert sets(r"\u3000") == [["\u3000"]]
    assert sets(r"\-") == [["-"]]
    assert sets("(?P<y>[12])(?:年|年度)") == [["1", "2"], ["年", "年度"]]
    assert sets(r"\bQ[1-4]") == [["Q"], ["1", "2", "3", "4"]]  # a boundary holds no character
    assert sets("(?:第|Q)[1-4]") == [["Q", "第"], ["1", "2", "3", "4"]]
    assert sets("第[1-4]四半期") == [["第"], ["1", "2", "3", "4"], ["四"], ["半"], ["期"],
                                    ["四半期"]]
    assert sets("a?bc") == [["b"], ["c"], ["bc"]]  # an optional letter is no part of a word
    assert sets("ab+c") == [["a"], ["b"], ["c"]]  # nor a repeated one


def test_what_needs_nothing() -> None:
    for pattern in ("年?", "[0-9]*", "(?:年){0,2}", r"\d+", r"\s", ".", r"\p{Han}",
                    "(?=年)", "(?<!年)", "(?P<a>x)(?P=a)|y?", "a|b?", r"\b", "[ -\uffff]",
                    "[^年]"):
        assert needed(pattern) == (), pattern


def test_look_arounds_add_nothing_to_a_sequence() -> None:
    assert sets("(?<![0-9])(?=[一二])[一二三]年") == [["一", "三", "二"], ["年"]]
    assert sets("(?<=から)日") == [["日"]]
    assert sets("[^0-9]年") == [["年"]]
    assert sets("今(?!日)年") == [["今"], ["年"]]  # a look-around between letters: no word


def test_unreadable_source_needs_nothing() -> None:
    for pattern in ("(?i)year", "(?Xabc)", "abc)", "[abc", "a[[b]]"):
        assert needed(pattern) == (), pattern


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
    needs = needed(g.patterns[k][0].pattern)
    if not needs:
        return
    # a text that lacks one of the sets (any one: they are drawn in turn), and has the rest
    lacking = needs[data.draw(st.integers(0, len(needs) - 1))]
    allowed = "".join(c for c in ALPHABET if not any(c in w for w in lacking))
    text = data.draw(st.text(alphabet=allowed, max_size=40))
    assert g.patterns[k][1].search(text) is None, (lang, g.patterns[k][0].name, text)


def _pieces() -> list[str]:
    """Characters and the words the screens look for: texts made of them hold the words."""
    words = {w for lang in ("ja", "zh", "en") for p, _ in _grammar(lang).patterns
             for need in needed(p.pattern) for w in need if len(w) > 1}
    return sorted(words) + list(ALPHABET)


PIECES = _pieces()


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), st.lists(st.sampled_from(PIECES), max_size=12))
def test_a_text_the_screen_turns_away_has_no_match(which: tuple[str, int],
                                                    pieces: list[str]) -> None:
    lang, k = which
    g = _grammar(lang)
    text = "".join(pieces)
    if not g.screens[k].passes(text, set(text)):
        assert g.patterns[k][1].search(text) is None, (lang, g.patterns[k][0].name, text)


def test_words_of_an_alternation() -> None:
    s = screen("(?:今日|明日)(?:は)?")
    assert [sorted(c) for c in s.chars] == [["今", "明"]]
    assert [w.pattern for w in s.words] == ["今日|明日"]
    assert s.passes("明日の朝", set("明日の朝")) and not s.passes("今は明るい", set("今は明るい"))


def test_most_time_patterns_are_bounded() -> None:
    for lang in ("ja", "zh", "en"):
        g = _grammar(lang)
        assert sum(bool(s.chars) for s in g.screens) >= len(g.screens) - 2, lang


NUMERIC = "0123456789０１２３４５６７８９一二三四五六七八九十百千万億兆亿两+-−.,，½⅙年月円ドル元ab "


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
