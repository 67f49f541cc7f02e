"""The same event is placed at different times.

## What it finds
Two times in aligned text that resolve, against the article's date, to periods that do
not overlap (今年末 vs 来年末, Q2 vs Q3), or durations of different length. The same
period at another granularity (2026年 vs 2026年前半), or the same time with another
direction (までに vs から), is a warning. A relative time against an absolute one when
the article's date is unknown (今年 vs 2026年) is reported as unresolved, at info.

## Why it matters
Launch dates and deadlines are what readers act on, and they are the facts translators
most often resolve differently.

## Example
```
left:  Optimusの一般出荷が来年末までに開始されると述べています。
right: Optimusは今年末から家庭や工場へ大規模に納入開始される予定だ。
```
In a 2026 article: 2027-10-01..2027-12-31 (by) vs 2026-10-01..2026-12-31 (from).
"""

from __future__ import annotations

from ..facts.times import compare_times, is_length
from ..model import Document, Severity, TimeSpan
from .describe import describe_time, where

NAME = "time-mismatch"
SEVERITY: Severity = "error"


def applies(a: TimeSpan, b: TimeSpan) -> bool:
    """Two points or two lengths that do not say the same time."""
    return (is_length(a) == is_length(b)
            and compare_times(a, b) in ("different", "granularity", "direction", "unresolved"))


def differ(a: TimeSpan, b: TimeSpan) -> bool:
    """Periods that do not overlap, or lengths that cannot be equal."""
    return compare_times(a, b) == "different"


def verdict(left: Document, right: Document, a: TimeSpan, b: TimeSpan, strong: bool,
            why: str = "") -> tuple[Severity, str]:
    """The severity and message: an error for different times on strong evidence, a
    warning for another granularity or direction or weak evidence, info when unresolved."""
    comparison = compare_times(a, b)
    severity: Severity
    if comparison == "unresolved":
        severity, why = "info", " (unresolved: the article's date is unknown)"
    elif comparison == "different" and strong:
        severity = "error"
    else:
        severity = "warning"
        if comparison == "granularity":
            why = " (the same period at another granularity)" + why
        elif comparison == "direction":
            why = " (the same time, another direction)" + why
    return severity, (f"{a.text} = {describe_time(a)} ({where(left, a)}) vs "
                      f"{b.text} = {describe_time(b)} ({where(right, b)}){why}")
