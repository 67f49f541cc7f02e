"""Compare the facts of aligned units and turn disagreements into findings.

Within each link the facts of one side are paired with those of the other: facts that agree
are paired first, and only what is left can disagree. Every finding points at the exact
text on both sides.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .model import (
    Document,
    Entity,
    Fact,
    Finding,
    Link,
    Location,
    Quantity,
    Severity,
    TimeSpan,
)
from .rules import RULES


@dataclass(frozen=True, slots=True)
class Match:
    """Two facts, one per side, taken to say the same thing (or one fact alone)."""

    rule: str
    left: Fact | None
    right: Fact | None
    message: str
    severity: Severity | None = None  # None: the rule's default


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _same_amount(a: Quantity, b: Quantity) -> bool:
    return (
        _same_value(a.value, b.value)
        and _same_value(a.low, b.low)
        and _same_value(a.high, b.high)
    )


def _fmt(q: Quantity) -> str:
    def num(v: float) -> str:
        return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"

    if q.value is not None:
        return num(q.value)
    if q.low is not None and q.high is not None:
        return f"{num(q.low)}–{num(q.high)}"
    return "?"


def _pair_quantities(lq: list[Quantity], rq: list[Quantity]) -> list[Match]:
    matches: list[Match] = []
    left = list(lq)
    right = list(rq)
    # 1. agreement first: same amount, same unit and period
    for a in list(left):
        for b in right:
            if _same_amount(a, b) and a.unit == b.unit and a.per == b.per:
                left.remove(a)
                right.remove(b)
                if a.qualifier != b.qualifier:
                    matches.append(Match("qualifier-mismatch", a, b,
                                         f"{_label(a, b)}{a.text} ({a.qualifier}) vs "
                                         f"{b.text} ({b.qualifier})"))
                break
    # 2. the same amount in another unit or period
    for a in list(left):
        for b in right:
            if _same_amount(a, b) and a.unit and b.unit and (a.unit != b.unit or a.per != b.per):
                left.remove(a)
                right.remove(b)
                matches.append(Match("unit-mismatch", a, b,
                                     f"{_label(a, b)}{a.text} ({_unit(a)}) vs "
                                     f"{b.text} ({_unit(b)})"))
                break
    # 3. what is left with the same unit and period is a conflict of values
    for a in list(left):
        candidates = [b for b in right if b.unit == a.unit and b.per == a.per and a.unit]
        if not candidates:
            continue
        b = min(candidates, key=lambda b: (a.noun != b.noun if a.noun and b.noun else 0.5))
        if a.noun and b.noun and a.noun != b.noun:
            continue
        strong = (a.noun is not None and a.noun == b.noun) or len(candidates) == 1
        left.remove(a)
        right.remove(b)
        why = "" if strong else " (weak match: several candidates)"
        matches.append(Match("number-mismatch", a, b,
                             f"{_label(a, b)}{a.text} = {_fmt(a)} vs {b.text} = {_fmt(b)}{why}",
                             None if strong else "warning"))
    return matches


def _unit(q: Quantity) -> str:
    return f"{q.unit or '-'}" + (f" per {q.per}" if q.per else "")


def _label(a: Quantity, b: Quantity) -> str:
    noun = a.noun or b.noun
    return f"{noun}: " if noun else ""


def _pair_times(lt: list[TimeSpan], rt: list[TimeSpan]) -> list[Match]:
    from .facts.times import compare_times

    matches: list[Match] = []
    left, right = list(lt), list(rt)
    for a in list(left):
        for b in right:
            if compare_times(a, b) == "same":
                left.remove(a)
                right.remove(b)
                break
    order = {"direction": 0, "granularity": 1, "unresolved": 2, "different": 3}
    for a in list(left):
        scored = [(order[v], b, v) for b in right if (v := compare_times(a, b)) in order]
        if not scored:
            continue
        _, b, verdict = min(scored, key=lambda t: t[0])
        left.remove(a)
        right.remove(b)
        severity: Severity = {"different": "error", "unresolved": "info"}.get(verdict, "warning")  # type: ignore[assignment]
        matches.append(Match("time-mismatch", a, b,
                             f"{a.text} = {_span(a)} vs {b.text} = {_span(b)} ({verdict})",
                             severity))
    return matches


def _span(t: TimeSpan) -> str:
    if t.duration:
        return t.duration
    if t.time_start and t.time_end:
        span = f"{t.time_start.isoformat()}..{t.time_end.isoformat()}"
    else:
        span = t.anchor or "?"
    return span + (f" ({t.direction})" if t.direction else "")


def _pair_entities(le: list[Entity], re_: list[Entity]) -> list[Match]:
    matches: list[Match] = []
    right_names = {e.name for e in re_}
    left_names = {e.name for e in le}
    lonely_left = [e for e in le if e.name not in right_names]
    lonely_right = [e for e in re_ if e.name not in left_names]
    for a in lonely_left:
        for b in lonely_right:
            if a.family and a.family == b.family and a.name != b.name:
                lonely_right.remove(b)
                matches.append(Match("entity-mismatch", a, b, f"{a.text} vs {b.text}"))
                break
    return matches


def _kind_split(facts: Sequence[Fact]) -> tuple[list[Quantity], list[TimeSpan], list[Entity]]:
    return (
        [f for f in facts if isinstance(f, Quantity)],
        [f for f in facts if isinstance(f, TimeSpan)],
        [f for f in facts if isinstance(f, Entity)],
    )


def _location(doc: Document, fact: Fact) -> Location:
    line, column = doc.position(fact.start)
    value = unit = None
    if isinstance(fact, Quantity):
        value, unit = fact.value, fact.unit
    return Location(line, column, fact.start, fact.end, fact.text, value, unit, fact.unit_index)


def _unit_location(doc: Document, index: int) -> Location:
    u = doc.units[index]
    return Location(u.line, doc.position(u.start)[1], u.start, u.end, u.text, None, None, index)


def fingerprint(rule: str, *parts: str) -> str:
    """A stable id: the rule and normalized fact texts and context, not line numbers."""
    norm = "\x1f".join(unicodedata.normalize("NFKC", p).casefold() for p in (rule, *parts))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _context(doc: Document, fact: Fact | None, width: int = 12) -> str:
    if fact is None:
        return ""
    return doc.text[max(0, fact.start - width) : fact.end + width]


def compare(
    left: Document,
    right: Document,
    left_facts: Sequence[Fact],
    right_facts: Sequence[Fact],
    links: Sequence[Link],
) -> list[Finding]:
    """Findings for every link of the alignment, in reading order of the left side."""
    by_unit_left: dict[int, list[Fact]] = {}
    for f in left_facts:
        by_unit_left.setdefault(f.unit_index, []).append(f)
    by_unit_right: dict[int, list[Fact]] = {}
    for f in right_facts:
        by_unit_right.setdefault(f.unit_index, []).append(f)

    findings: list[Finding] = []
    for k, link in enumerate(links):
        lf = [f for i in link.left for f in by_unit_left.get(i, [])]
        rf = [f for j in link.right for f in by_unit_right.get(j, [])]
        if not link.left or not link.right:
            doc, units = (left, link.left) if link.left else (right, link.right)
            for i in units:
                loc = _unit_location(doc, i)
                other = None
                side = "left" if doc is left else "right"
                findings.append(Finding(
                    fingerprint("unaligned-unit", side, doc.units[i].text),
                    "unaligned-unit", RULES["unaligned-unit"].severity,
                    f"only in the {side} version: {_ellipsis(doc.units[i].text)}",
                    loc if doc is left else other, loc if doc is right else other, k))
            continue
        lq, lt, le = _kind_split(lf)
        rq, rt, re_ = _kind_split(rf)
        matches = _pair_quantities(lq, rq) + _pair_times(lt, rt) + _pair_entities(le, re_)
        for m in matches:
            severity = m.severity or RULES[m.rule].severity
            findings.append(Finding(
                fingerprint(m.rule, _context(left, m.left), _context(right, m.right)),
                m.rule, severity, m.message,
                _location(left, m.left) if m.left else None,
                _location(right, m.right) if m.right else None, k))
    return findings


def _ellipsis(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
