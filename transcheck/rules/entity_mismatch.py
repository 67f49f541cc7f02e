"""A name or identifier differs.

## What it finds
Names of one family with different versions or numbers in aligned text (H100 vs H200,
Grok 4 vs Grok 5, v14.2.2.3 vs v14.2.2.4).

## Why it matters
Model and product versions are facts too, and a one-digit slip changes the claim.

## Example
```
left:  Grok 4 の 3兆個のパラメータ
right: Grok 5は3兆パラメータだった
```
"""

from __future__ import annotations

from ..model import Document, Entity, Severity
from .describe import where

NAME = "entity-mismatch"
SEVERITY: Severity = "warning"


def applies(a: Entity, b: Entity) -> bool:
    """Two versions of one family (Grok 4 / Grok 5), neither the bare family name."""
    return bool(a.family and a.family == b.family and a.name != b.name
                and a.name != a.family and b.name != b.family)


def message(left: Document, right: Document, a: Entity, b: Entity) -> str:
    return f"{a.text} ({where(left, a)}) vs {b.text} ({where(right, b)})"
