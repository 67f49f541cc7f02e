"""A unit with content has no counterpart at all.

## What it finds
A paragraph, heading or list item that the alignment leaves on one side only: an omitted
or added paragraph, a translator's preface, community links.

## Why it matters
Whole paragraphs that exist in one version only are where facts disappear unnoticed.

## Example
```
left:  Optimusは来年末までに出荷が始まる予定だ。
right: TechFlow解説: 本稿は、最近のxAIに対する否定的見方への明確な反論である。
right: Optimusは来年末までに出荷を開始する予定である。
```
"""

from __future__ import annotations

from ..model import Severity, Unit

NAME = "unaligned-unit"
SEVERITY: Severity = "info"


def message(unit: Unit, side: str) -> str:
    return f"only in the {side} version (L{unit.line}): {ellipsis(unit.text)}"


def ellipsis(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
