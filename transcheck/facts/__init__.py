"""Extract the facts a version asserts: quantities, times and names, unit by unit.

Times are read first, then quantities outside them, then names outside both, so that
2026年 is a year and not 2026 of something, and Grok 5 is a name and not the number 5.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Fact
from .entities import extract_entities
from .quantities import extract_quantities
from .times import extract_times


def _outside(fact: Fact, taken: Sequence[tuple[int, int]]) -> bool:
    return all(fact.end <= s or fact.start >= e for s, e in taken)


def unit_facts(text: str, lang: str, *, when: object = None, base: int = 0,
               unit: int = 0) -> list[Fact]:
    """The facts in one unit's text, with offsets shifted by ``base``."""
    from datetime import date

    doc_date = when if isinstance(when, date) else None
    times = extract_times(text, lang, doc_date, base=base, unit=unit)
    entities = extract_entities(text, lang, base=base, unit=unit)
    # identifiers (Grok 4, H100) hold numbers that are not quantities
    taken = [(t.start, t.end) for t in times]
    taken += [(e.start, e.end) for e in entities if any(c.isdigit() for c in e.text)]
    quantities = [q for q in extract_quantities(text, lang, base=base, unit=unit)
                  if _outside(q, taken)]
    taken = [(t.start, t.end) for t in times] + [(q.start, q.end) for q in quantities]
    entities = [e for e in entities if _outside(e, taken)]
    facts: list[Fact] = [*times, *quantities, *entities]
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def extract_facts(doc: Document) -> list[Fact]:
    """Every fact of a document, in text order, each tagged with its unit's index."""
    facts: list[Fact] = []
    for u in doc.units:
        facts.extend(unit_facts(u.text, doc.lang, when=doc.date, base=u.start, unit=u.index))
    return facts
