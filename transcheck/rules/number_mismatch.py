"""The same quantity has different values in the two versions.

## What it finds
Two quantities in aligned text that count the same thing (the same unit or counter, or
units of one family such as MWh and MW, and the same noun where one is written) but have
different values. Facts are paired by where they stand before by what they say: the one
candidate of each other's aligned sentence, the same counted noun there, or the same
column of two table rows is the counterpart even where the other version restates the old
value elsewhere, and numbers without a unit (a table cell's 7兆) are compared only so. A
figure left alone in its link is compared with the one-sided units beside it, where its
changed value may have pushed its own unit.

## Why it matters
This is the drift readers are misled by: a user count, a price, a capacity that changed
between two Chinese intermediaries. Kanji or Arabic numerals, width and separators are
forms, not values: 2億5000万人, 二億五千万人 and 250,000,000人 agree.

## Example
```
left:  XアプリとGrokアプリを合わせて、1日あたり2億5000万人、月間6億人のアクティブユーザー
right: 7000万人の日間アクティブユーザー
```
`daily users: 2億5000万人 = 250,000,000 (L32) vs 7000万人 = 70,000,000 (L45)`.
A conflict between well-matched facts (same noun, the only candidates) is an error; on
weaker evidence it is reported as a warning and the message says so.
"""

from __future__ import annotations

from ..model import Document, Quantity, Severity
from ..sameness import measure, nouns_agree, per_compatible, units_agree
from .describe import describe_amount, label, where

NAME = "number-mismatch"
SEVERITY: Severity = "error"


def applies(a: Quantity, b: Quantity, cross: bool) -> bool:
    """Two counts of one thing: the same unit or unit family, period and noun (a bare
    number against a count only with the same noun named; numbers without a unit are
    compared only where their place pairs them, which the findings stage decides)."""
    return (measure(a) == measure(b) and per_compatible(a, b)
            and nouns_agree(a, b, cross) is not False) or (
                units_agree(a.unit, b.unit) and a.unit != b.unit
                and per_compatible(a, b) and nouns_agree(a, b, cross) is True)


def message(left: Document, right: Document, a: Quantity, b: Quantity, why: str = "") -> str:
    return (f"{label(a, b)}{a.text} = {describe_amount(a)} ({where(left, a)}) vs "
            f"{b.text} = {describe_amount(b)} ({where(right, b)}){why}")
