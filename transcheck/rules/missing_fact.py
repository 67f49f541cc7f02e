"""A fact in one version has no counterpart in the aligned text of the other.

## What it finds
A number, time or name in a unit whose aligned counterpart says nothing of it: a detail
one translator dropped or added.

## Why it matters
Omissions are not errors by themselves, but an editor checking a version wants to see
which details the other version carries.

## Example
```
left:  総投資額は350億ドルにのぼる。
right: 総投資額は明らかにされていない。
```
"""

from __future__ import annotations

from ..model import Fact, Severity

NAME = "missing-fact"
SEVERITY: Severity = "info"


def message(fact: Fact, side: str) -> str:
    other = "right" if side == "left" else "left"
    return f"{fact.text}: only in the {side} version, not in the aligned {other} text"
