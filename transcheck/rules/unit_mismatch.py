"""The same value comes with an incompatible unit or period.

## What it finds
A quantity whose number agrees but whose unit does not: energy against power (MWh vs
MW), one currency against another (ドル vs 円), a monthly rate against a yearly one.

## Why it matters
A battery of 250 MWh and a plant of 250 MW are different things; the number alone
agreeing hides it. Counters of the same kind of thing (台 vs 枚 for GPUs, 5社 vs
5つの企業) are forms and are not reported, nor is a count against the same number
left bare (6億人 vs 用户达到6亿, 3万亿参数 vs "3 trillion for Grok 4").

## Example
```
left:  最大 250 メガワット時の Tesla Megapack バッテリー パック
right: 約250MWのTesla Megapack蓄電池
```
"""

from __future__ import annotations

from ..model import Document, Quantity, Severity
from ..sameness import UNIT_FAMILIES, nouns_agree, per_compatible, same_amount
from .describe import describe_amount, label, where

NAME = "unit-mismatch"
SEVERITY: Severity = "error"


def applies(a: Quantity, b: Quantity, cross: bool) -> bool:
    """The same amount in another unit of the same family, or for another period."""
    if not same_amount(a, b) or nouns_agree(a, b, cross) is False:
        return False
    family_a, family_b = UNIT_FAMILIES.get(a.unit or ""), UNIT_FAMILIES.get(b.unit or "")
    other_unit = a.unit != b.unit and family_a is not None and family_a == family_b
    other_period = a.unit == b.unit and a.per != b.per and per_compatible(a, b) is False
    return other_unit or other_period


def message(left: Document, right: Document, a: Quantity, b: Quantity) -> str:
    return (f"{label(a, b)}{a.text} = {describe_amount(a)} ({where(left, a)}) vs "
            f"{b.text} = {describe_amount(b)} ({where(right, b)})")
