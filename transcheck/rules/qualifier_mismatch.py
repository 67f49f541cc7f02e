"""A bound or hedge on an agreeing number differs.

## What it finds
Two quantities with the same value whose qualifiers differ: 最大 vs 約, 以上 vs 未満,
以上 vs nothing, "more than" vs exact. Bounds on the same side agree: 以上, 超 and
"more than" are one floor, 最大, 以下 and 未満 one ceiling, worded apart. A hedged
figure that rounds the other (约5亿 vs 5.2亿: at the hedged figure's precision, and
within a tenth of it) is this warning too, not a number-mismatch.

## Why it matters
"Up to 250 MWh" and "about 250 MWh" make different claims; an editor should choose.

## Example
```
left:  毎日1億件以上の投稿を処理し
right: 毎日1億件の投稿を供給してくれる
```
"""

from __future__ import annotations

from ..model import Document, Quantity, Severity, TimeSpan
from ..sameness import qualifiers_agree
from .describe import label, where

NAME = "qualifier-mismatch"
SEVERITY: Severity = "warning"


def applies(a: Quantity | TimeSpan, b: Quantity | TimeSpan) -> bool:
    """Bounds or hedges that make different claims (see ``sameness.qualifiers_agree``)."""
    return not qualifiers_agree(a.qualifier, b.qualifier)


def message(left: Document, right: Document, a: Quantity | TimeSpan,
            b: Quantity | TimeSpan, why: str = "") -> str:
    noun = label(a, b) if isinstance(a, Quantity) and isinstance(b, Quantity) else ""
    return (f"{noun}{a.text} ({a.qualifier}, {where(left, a)}) vs "
            f"{b.text} ({b.qualifier}, {where(right, b)}){why}")
