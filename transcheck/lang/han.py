"""One form for Han characters written differently in Japan, mainland China and Taiwan.

Japanese shinjitai (発, 電, 経), simplified Chinese (发, 电, 经) and traditional Chinese
(發, 電, 經) often write the same morpheme with different code points. Character n-gram
similarity only sees shared code points, so before comparing a Japanese version with a
Chinese one every variant is folded to the simplified form: 発電 and 發電 both become 发电.

The table is data, ``transcheck/lang/shared/han.tsv`` (both Japanese and Chinese use it):
each row is the simplified form and the variants folded into it.
It covers the characters common in news about technology, business and money, not all of
Han; an unknown character is left as it is.
"""

from __future__ import annotations

from importlib import resources

from .loader import read_table


def _table() -> dict[int, str]:
    """Each variant's code point → its simplified form (shared/han.tsv)."""
    table: dict[int, str] = {}
    rows = read_table(resources.files(__package__).joinpath("shared", "han.tsv"), "han_variant",
                      "shared/han.tsv")
    for target, variants in rows.items():
        for ch in variants:
            if ch != target:
                table.setdefault(ord(ch), target)
    return table


HAN_FOLD: dict[int, str] = _table()


def fold_han(text: str) -> str:
    """Fold Japanese and traditional Han variants to the simplified form.

    >>> fold_han("発電の經濟") == fold_han("发电的经济".replace("的", "の"))
    True
    """
    return text.translate(HAN_FOLD)
