"""Names and identifiers: Latin-script names with their versions (Grok 5, H100, v14.2.2.3)."""

from __future__ import annotations

import regex

from ..model import Entity

_NAME = regex.compile(
    r"(?<![\p{Latin}\d])"
    r"(?P<name>[\p{Latin}][\p{Latin}\d]*(?:[-.][\p{Latin}\d]+)*"
    r"(?:[ ](?:\d+(?:[./]\d+)*|[IVX]{1,4})(?![\p{Latin}\d]))?)"
)


def extract_entities(text: str, lang: str, *, base: int = 0, unit: int = 0) -> list[Entity]:
    found: list[Entity] = []
    for m in _NAME.finditer(text):
        name = m.group("name")
        if len(name) < 2:
            continue
        family = regex.sub(r"[\s\-]*[\d.]+$|[ ][IVX]+$", "", name) or name
        found.append(Entity(unit_index=unit, start=base + m.start(), end=base + m.end(),
                            text=name, name=name.casefold(), family=family.casefold()))
    return found
