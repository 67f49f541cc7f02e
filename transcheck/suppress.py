"""Inline suppression: an editor marks a known, accepted difference in the text itself.

In Markdown an HTML comment is invisible to readers, so it can sit in the published file::

    <!-- transcheck-disable-next-line number-mismatch -->
    1日あたり2億5000万人のアクティブユーザー

The comment silences findings of the named rules (several may be given, separated by
spaces or commas; none means every rule) whose location in *this* version lies in the next
unit after the comment (the next non-empty line or paragraph). In Markdown only a real
comment counts: one inside a fenced code block or a code span is text shown to readers,
as a CommonMark parser sees it (:mod:`transcheck.markup`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .load import front_matter
from .markup import structure
from .model import Document, Finding, InputError, Location
from .rules import RULES
from .units import is_markdown

DIRECTIVE = re.compile(r"<!--\s*transcheck-disable-next-line\b([^>]*?)\s*-->")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One directive: the unit it covers and the rules it silences (None: all)."""

    line: int  # the comment's own line
    unit_index: int
    rules: frozenset[str] | None


def suppressions(doc: Document) -> list[Suppression]:
    """The directives in a document; an unknown rule name is an input error at its line."""
    out: list[Suppression] = []
    starts = [u.start for u in doc.units]
    found = list(DIRECTIVE.finditer(doc.text))
    if not found:
        return out
    html = _html_lines(doc)
    for m in found:
        line = doc.position(m.start())[0]
        if html is not None and line not in html:
            continue  # shown as text: in code, or in a code span
        names = [n for n in re.split(r"[\s,]+", m.group(1).strip()) if n]
        for name in names:
            if name not in RULES:
                raise InputError(f"{doc.path}:{line}: transcheck-disable-next-line: unknown "
                                 f"rule {name!r} (known: {', '.join(RULES)})")
        following = [i for i, s in enumerate(starts) if s >= m.end()]
        if following:
            out.append(Suppression(line, following[0], frozenset(names) or None))
    return out


def _html_lines(doc: Document) -> frozenset[int] | None:
    """Lines a Markdown version has HTML on; None for plain text, where any line may."""
    fields, body = front_matter(doc.text)
    if not is_markdown(doc.path) and not fields:
        return None
    return structure(doc.text, body, doc.text.count("\n", 0, body) + 1).html


def _covered(loc: Location | None, doc: Document, found: Sequence[Suppression],
             rule: str) -> bool:
    if loc is None:
        return False
    unit = loc.unit_index
    if unit is None:
        hit = doc.unit_at(loc.start)
        unit = hit.index if hit else None
    return any(s.unit_index == unit and (s.rules is None or rule in s.rules) for s in found)


def apply_suppressions(findings: Sequence[Finding], left: Document,
                       right: Document) -> tuple[list[Finding], int]:
    """The findings no directive silences, and how many were silenced."""
    left_s, right_s = suppressions(left), suppressions(right)
    if not left_s and not right_s:
        return list(findings), 0
    kept = [f for f in findings
            if not (_covered(f.left, left, left_s, f.rule)
                    or _covered(f.right, right, right_s, f.rule))]
    return kept, len(findings) - len(kept)
