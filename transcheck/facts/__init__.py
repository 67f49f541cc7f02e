"""Extract the facts a version asserts: quantities, times and names, unit by unit.

Times are read first, then quantities outside them, then names outside both, so that
2026年 is a year and not 2026 of something, and Grok 5 is a name and not the number 5.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from ..lang import SCAN_TIMEOUT
from ..model import Document, Entity, Fact, InputError, Quantity, TimeSpan, Unit
from .entities import extract_entities
from .normalize import readable
from .quantities import extract_quantities
from .times import extract_times

F = TypeVar("F", bound=Fact)


def _outside(fact: Fact, taken: Sequence[tuple[int, int]]) -> bool:
    return all(fact.end <= s or fact.start >= e for s, e in taken)


def _left_outside(facts: list[F], taken: Sequence[tuple[int, int]]) -> list[F]:
    """The facts that overlap none of the ``taken`` spans."""
    return [f for f in facts if _outside(f, taken)] if taken else facts


def unit_facts(text: str, lang: str, *, when: object = None, base: int = 0,
               unit: int = 0) -> list[Fact]:
    """The facts in one unit's text, with offsets shifted by ``base``; invisible characters
    inside numbers are read through and data runs skipped (see :mod:`.normalize`)."""
    seen = readable(text)
    if seen is None:
        return _read_facts(text, lang, when, base, unit)
    return [seen.locate(f, text, base) for f in _read_facts(seen.text, lang, when, 0, unit)]


def _read_facts(text: str, lang: str, when: object, base: int, unit: int) -> list[Fact]:
    doc_date = when if isinstance(when, date) else None
    times = extract_times(text, lang, doc_date, base=base, unit=unit)
    entities = extract_entities(text, lang, base=base, unit=unit)
    # identifiers (Grok 4, H100) hold numbers that are not quantities
    taken = [(t.start, t.end) for t in times]
    taken += [(e.start, e.end) for e in entities if any(map(str.isdigit, e.text))]
    quantities = _left_outside(extract_quantities(text, lang, base=base, unit=unit), taken)
    taken = [(t.start, t.end) for t in times] + [(q.start, q.end) for q in quantities]
    entities = _left_outside(entities, taken)
    facts: list[Fact] = [*times, *quantities, *entities]
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def extract_facts(doc: Document) -> list[Fact]:
    """Every fact of a document, in text order, each tagged with its unit's index."""
    return units_facts(doc.units, doc.lang, doc.date, doc.path)


def units_facts(units: Sequence[Unit], lang: str, when: date | None,
                path: str) -> list[Fact]:
    """The facts of some units of the document at ``path`` (all of them: ``extract_facts``);
    a part of a long document can be read in another process without sending the rest."""
    facts: list[Fact] = []
    for u in units:
        try:
            facts.extend(unit_facts(u.text, lang, when=when, base=u.start, unit=u.index))
        except TimeoutError:
            raise InputError(f"{path}: line {u.line}: text too complex to read (a pattern "
                             f"ran past {SCAN_TIMEOUT:g} s); is this pasted data?") from None
    return facts


def fact_keys(facts: Sequence[Fact], n_units: int) -> list[set[str]]:
    """Normalized keys of each unit's facts, for anchoring the alignment.

    A key is the same on both sides when the fact is: ``q:250000000``, ``t:2026-04-01/2026-06-30``,
    ``e:grok 5``. Numbers below 10 and bare years are too common to be anchors.
    """
    keys: list[set[str]] = [set() for _ in range(n_units)]
    for f in facts:
        key = _key(f)
        if key and 0 <= f.unit_index < n_units:
            keys[f.unit_index].add(key)
    return keys


def _key(f: Fact) -> str | None:
    if isinstance(f, Quantity):
        v = f.value if f.value is not None else f.low
        if v is None or abs(v) < 10:
            return None
        return f"q:{v:g}"
    if isinstance(f, TimeSpan):
        if f.time_start and f.time_end:
            return f"t:{f.time_start.isoformat()}/{f.time_end.isoformat()}"
        if f.duration:
            return f"d:{f.duration}"
        return f"t:{f.anchor}" if f.anchor else None
    if isinstance(f, Entity):
        return f"e:{f.name}" if f.name else None
    return None
