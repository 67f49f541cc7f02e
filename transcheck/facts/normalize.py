"""The text the fact readers see: invisible format characters removed, data runs blanked,
with a map back to the unit's own text so that every fact still points at what is written.

Two things would otherwise mislead or stall the readers:

- A format character inside a number hides it: ``7\u200b000万人`` is 7000万人 to a reader
  of the page, but two numbers to a grammar of digits, so a drift against 2億5000万人 went
  unreported. Zero-width spaces and joiners, soft hyphens, word joiners, byte order marks
  and the combining grapheme joiner (:data:`FORMAT_CHARS`) are removed before reading, and
  :meth:`Readable.locate` maps each fact back: its offsets index the original text and its
  ``text`` is the original slice, invisible characters included.
- A long list of numbers (``1,1,1,…``, ``1人1人…``, a pasted data series) is a table, not
  statements of fact, and each number costs the readers a full candidate check. A run of
  :data:`DATA_RUN` or more numbers, each with at most two characters of unit after it
  (人, 万, %), joined by nothing but separators, is blanked (replaced by spaces, so offsets
  do not move) and yields no facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

from ..model import Fact

# zero-width space, soft hyphen, BOM / zero-width no-break space, word joiner, zero-width
# non-joiner and joiner, combining grapheme joiner
FORMAT_CHARS = "\u200b\u00ad\ufeff\u2060\u200c\u200d\u034f"
_FORMAT = re.compile(f"[{FORMAT_CHARS}]")

# Numbers in a data run: more than anyone writes in a sentence of prose.
DATA_RUN = 16
_NUM = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_SUFFIX = r"[^\s0-9０-９.．,，、;；/|｜\-]"
_SEP = r"[ \t\u3000]*[,，、;；/|｜\-][ \t\u3000]*|[ \t\u3000]+"
# between two numbers a unit, a separator or both, never nothing: a digit run is never cut
_JOIN = rf"(?:{_SUFFIX}{{1,2}}(?:{_SEP})?|{_SEP})"
_DATA_RUN = re.compile(rf"(?<![0-9０-９.．]){_NUM}(?:{_JOIN}{_NUM}){{{DATA_RUN - 1},}}")

F = TypeVar("F", bound=Fact)


@dataclass(frozen=True, slots=True)
class Readable:
    """A unit's text as the readers get it, and where each of its characters came from."""

    text: str
    origin: list[int] | None = None  # origin[i]: index in the unit text of text[i]

    def locate(self, fact: F, original: str, base: int) -> F:
        """``fact``, read from :attr:`text` at offset 0, located in ``original`` at ``base``."""
        start, end = fact.start, fact.end
        if self.origin is not None:
            start = self.origin[start]
            end = self.origin[end - 1] + 1 if end > fact.start else start
        return replace(fact, start=base + start, end=base + end, text=original[start:end])


def readable(text: str) -> Readable | None:
    """The text to read facts from, or None when it is ``text`` itself (the common case)."""
    origin: list[int] | None = None
    if _FORMAT.search(text):
        origin = [i for i, ch in enumerate(text) if ch not in FORMAT_CHARS]
        text = _FORMAT.sub("", text)
    if len(text) >= 2 * DATA_RUN and _DATA_RUN.search(text):
        text = _DATA_RUN.sub(lambda m: " " * len(m.group()), text)
    elif origin is None:
        return None
    return Readable(text, origin)
