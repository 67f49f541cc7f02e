"""Units and their offsets: every unit slices its own text and knows its line."""

from __future__ import annotations

from datetime import date

import pytest

from transcheck.load import load_document, parse_document
from transcheck.units import split_lines

from .conftest import BITPUSH, FIXTURES, TECHFLOW


@pytest.mark.parametrize(("path", "count"), [(BITPUSH, 54), (TECHFLOW, 76)])
def test_every_nonempty_line_of_plain_text_is_a_unit(path, count):  # type: ignore[no-untyped-def]
    doc = load_document(str(path))
    lines = doc.text.split("\n")
    assert len(doc.units) == count
    for unit in doc.units:
        assert doc.text[unit.start : unit.end] == unit.text
        assert doc.position(unit.start)[0] == unit.line
        assert unit.text.strip() and unit.text in lines[unit.line - 1]
    assert [u.index for u in doc.units] == list(range(count))


def test_plain_list_items_leave_the_marker_outside() -> None:
    doc = load_document(str(TECHFLOW))
    item = next(u for u in doc.units if u.line == 45)
    assert item.kind == "list-item"
    assert item.text == "7000万人の日間アクティブユーザー"
    assert doc.position(item.start) == (45, 3)


def test_known_units_of_bitpush() -> None:
    doc = load_document(str(BITPUSH))
    daily = next(u for u in doc.units if u.line == 32)
    assert "2億5000万人" in daily.text
    assert daily.text.startswith("しかし、数字だけが全てではありません。")
    # line 10 follows an empty line 9: offsets must still be exact
    assert next(u for u in doc.units if u.line == 10).text.startswith("さらに、Colossus I")


def test_markdown_units_front_matter_and_markup() -> None:
    path = FIXTURES / "markdown" / "article.md"
    doc = load_document(str(path))
    assert doc.date == date(2026, 1, 23)
    assert doc.date_source == "front matter"
    assert doc.lang == "ja"
    got = [(u.line, u.kind, u.text) for u in doc.units]
    assert got == [
        (7, "heading", "xAIの切り札:なぜGrok 5は2026年最強のモデルになる可能性があるのか?"),
        (9, "paragraph", "2026年を迎える頃には、xAIの計算能力における優位性は圧倒的となるだろう。\n"
                         "現在、同社が保有するリアルタイム計算能力(約50万枚のGPU)は、"
                         "AnthropicとMetaを合わせたものを上回っている。"),
        (12, "heading", "Xのディストリビューション能力"),
        (14, "list-item", "7000万人の日間アクティブユーザー"),
        (15, "list-item", "6億人の月間アクティブユーザー\n  (XアプリとGrokアプリの合計)"),
        (17, "list-item", "各投稿の横に「Ask Grok」ボタンが常設"),
        (19, "paragraph", "「Elonはすでに述べているが、Grok 5は7兆パラメータのモデルになる。」"),
        (25, "table-row", "項目 | 数値"),
        (27, "table-row", "日間アクティブユーザー | 7000万人"),
        (31, "paragraph", "Optimusは今年末から家庭や工場へ大規模に納入開始される予定だ。"),
    ]
    for u in doc.units:
        assert doc.text[u.start : u.end] == u.text
        assert doc.position(u.start)[0] == u.line


def test_option_date_wins_over_front_matter() -> None:
    doc = load_document(str(FIXTURES / "markdown" / "article.md"), when=date(2025, 5, 1),
                        date_source="option")
    assert doc.date == date(2025, 5, 1)
    assert doc.date_source == "option"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_hold_for_every_newline(newline: str) -> None:
    text = newline.join(["2026年を迎え", "", "  90万台のGPU  ", "今年末から"]) + newline
    doc = parse_document(text, "x.txt")
    assert [(u.line, u.text) for u in doc.units] == [
        (1, "2026年を迎え"), (3, "90万台のGPU"), (4, "今年末から")]
    for u in doc.units:
        assert text[u.start : u.end] == u.text


def test_split_lines_counts_a_final_line_without_newline() -> None:
    assert [ln.text for ln in split_lines("a\nb")] == ["a", "b"]
    assert [ln.text for ln in split_lines("a\n")] == ["a"]
