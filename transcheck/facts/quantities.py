"""Quantities: a number, its scale word, its unit or counter and its bound.

First version: Arabic numerals with 万/億/兆 and the counter or unit written after them.
"""

from __future__ import annotations

import regex

from ..lang import ja
from ..model import Quantity

_NUMBER = regex.compile(
    r"(?<![\p{Latin}\d.\-/_])"
    r"(?P<num>(?:\d[\d,]*(?:\.\d+)?\s?[兆億万])+(?:\d[\d,]*(?:\.\d+)?)?|\d[\d,]*(?:\.\d+)?)"
    r"(?!(?<=\d)[\d.,]*\p{Latin})"
)


def parse_number(text: str) -> float:
    """Value of an Arabic numeral with 万/億/兆: 2億5000万 → 250000000."""
    total = 0.0
    current = ""
    for ch in text.replace(",", "").replace(" ", ""):
        if ch in ja.SCALES:
            total += float(current or "1") * ja.SCALES[ch]
            current = ""
        else:
            current += ch
    if current:
        total += float(current)
    return total


def extract_quantities(text: str, lang: str, *, base: int = 0, unit: int = 0) -> list[Quantity]:
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        value = parse_number(m.group("num"))
        canonical = counter = None
        rest = text[end:]
        stripped = rest.lstrip(" ")
        for written, name in ja.COUNTERS:
            if stripped.startswith(written):
                canonical, counter = name, written
                end += len(rest) - len(stripped) + len(written)
                break
        qualifier = "exact"
        before = text[max(0, start - 4) : start].rstrip(" ")
        after = text[end : end + 4]
        for word, q in ja.PREFIX_QUALIFIERS:
            if before.endswith(word):
                qualifier = q
                start -= len(word) + (len(text[max(0, start - 4) : start]) - len(before))
                break
        for word, q in ja.SUFFIX_QUALIFIERS:
            if after.startswith(word):
                qualifier = q
                end += len(word)
                break
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        found.append(Quantity(unit_index=unit, start=base + start, end=base + end,
                              text=text[start:end], value=value, unit=canonical,
                              qualifier=qualifier, counter=counter))
    return found
