"""Pattern pieces the time-word tables of every language share."""

from __future__ import annotations

from collections.abc import Iterable

SPACE = r"[ \t\u3000]*"  # spaces a translator may leave inside an expression: 第 2 四半期
DIGIT = r"[0-9０-９]"
# not inside a longer number (1,2026年 or 3.2026): a comma or point counts after a digit only,
# so that a year may follow a clause comma (宣布，2026年一季度)
NOT_AFTER_NUMBER = r"(?<![0-9０-９])(?<![0-9０-９][.,．，])"


def alternation(words: Iterable[str]) -> str:
    """An alternation of words, longest first, so that 再来年 wins over 来年."""
    return "|".join(sorted(words, key=len, reverse=True))


def numeral(han_digits: str) -> str:
    """A numeral of up to 6 digits (with decimals) or up to 4 Han digits.

    Both are bounded and start where a run starts, so that a line of 19,000 numerals costs
    one try, not one per character.
    """
    # (2,000時間: up to two comma groups after one to three digits; written as a tail of
    # the plain run, so the pattern keeps its fast start)
    return (rf"(?:(?<![0-9０-９])[0-9０-９]{{1,6}}"
            rf"(?:(?<=(?<![0-9０-９])[0-9]{{1,3}}),[0-9]{{3}}){{0,2}}(?![0-9０-９])"
            rf"(?:[.．][0-9０-９]{{1,3}})?"
            rf"|(?<![{han_digits}])[{han_digits}]{{1,4}}(?![{han_digits}]))")
