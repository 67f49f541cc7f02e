"""The repeated-chapter book of ``benchmarks.repeated_book`` is what its timing claims."""

from __future__ import annotations

from benchmarks.repeated_book import book, edited


def test_book_repeats_four_articles_per_chapter() -> None:
    left, right = book(3)
    assert book(3) == (left, right)  # deterministic
    for side in (left, right):
        lines = side.split("\n")
        assert [x for x in lines if x.startswith("第") and x.endswith("章")] == [
            "第1章", "第2章", "第3章"]
    # every chapter holds the same articles: a line of the Solana and Nvidia news is there
    # once per chapter on the side it belongs to
    assert left.count("開発チームは年内にも") == 3
    assert left.count("エヌビディアは第2四半期の売上高が467億ドル") == 3
    assert len(left) > 3 * 9000 and len(right) > 3 * 9000


def test_edits_move_with_the_chapter() -> None:
    article = [f"段落{k}は{k * 10}件の話だ。" for k in range(10)]
    one, two = edited(article, 1), edited(article, 2)
    assert one != two != article
    assert len(one) == len(two) == 9  # one paragraph dropped
    assert sum(a != b for a, b in zip(article, one, strict=False)) >= 2  # a number, a swap
    assert edited(article, 1) == one
