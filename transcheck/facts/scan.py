"""Which characters a pattern cannot match without: a text that has none of them is not
scanned for it.

A time grammar is a few dozen patterns tried on every unit, and most units hold no time at
all: each scan with a timeout costs a few microseconds before it reads a character, more
than the rest of the reading. :func:`needed_chars` reads a pattern's source and finds a set
of characters at least one of which every match contains (年 for 2026年, 今年 and 令和8年;
the digits and 半 for the lengths); ``needs.isdisjoint(set(text))`` then decides in C that
the pattern cannot match. The reading is conservative: whatever it does not understand (a
class by property, ``\\d``, ``.``, a look-around, a back-reference, an optional part, inline
flags) requires nothing, so a pattern it cannot bound is always scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A class of more characters than this is no use as a test and is treated as "anything".
_MAX_CLASS = 400
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
# escapes that stand for a class or a position rather than one character
_ANY_ESCAPES = frozenset("dDsSwWbBAZzGpPNXKmMhHvVRQE0123456789")

# a counted repeat, {2}, {1,4}, {2,}, {,3}: anything else after an atom is a literal brace
_COUNTED = re.compile(r"\{(\d*),?(\d*)\}(?<!\{\})(?<!\{,\})")
Needs = frozenset[str] | None  # None: the part may match without any particular character


class _Unreadable(Exception):
    """A construct the reader does not know: the whole pattern needs nothing."""


@dataclass(slots=True)
class _Reader:
    src: str
    pos: int = 0

    def peek(self, k: int = 0) -> str:
        i = self.pos + k
        return self.src[i] if i < len(self.src) else ""

    def alternation(self) -> Needs:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        if any(b is None for b in branches):
            return None
        return frozenset().union(*(b for b in branches if b is not None))

    def sequence(self) -> Needs:
        best: Needs = None
        while self.peek() not in ("", "|", ")"):
            got = self.item()
            if got is not None and (best is None or len(got) < len(best)):
                best = got  # any one part's characters will do; the fewest test best
        return best

    def item(self) -> Needs:
        atom = self.atom()
        low = self.quantifier()
        return atom if low >= 1 else None

    def quantifier(self) -> int:
        """The least number of repeats of the atom just read (1 without a quantifier)."""
        c = self.peek()
        counted = _COUNTED.match(self.src, self.pos) if c == "{" else None
        if c in ("*", "?"):
            low, self.pos = 0, self.pos + 1
        elif c == "+":
            low, self.pos = 1, self.pos + 1
        elif counted is not None:
            low, self.pos = int(counted.group(1) or 0), counted.end()
        else:
            return 1
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.pos += 1
        return low

    def atom(self) -> Needs:
        c = self.peek()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c in (".", "^", "$"):
            self.pos += 1
            return None
        if c in ("*", "+", "?") or _COUNTED.match(self.src, self.pos):
            raise _Unreadable(f"quantifier without an atom at {self.pos}")
        self.pos += 1
        return frozenset(c)

    def group(self) -> Needs:
        self.pos += 1  # (
        zero_width = False
        if self.peek() == "?":
            kind = self.src[self.pos + 1:self.pos + 4]
            if kind.startswith(":") or kind.startswith(">"):
                self.pos += 2
            elif kind.startswith(("P<", "<")) and not kind.startswith(("<=", "<!")):
                self.pos = self.src.index(">", self.pos) + 1
            elif kind.startswith("P="):
                self.pos = self.src.index(")", self.pos) + 1
                return None  # a back-reference
            elif kind.startswith(("=", "!")):
                self.pos += 2
                zero_width = True
            elif kind.startswith(("<=", "<!")):  # checked before a named group
                self.pos += 3
                zero_width = True
            else:
                raise _Unreadable(f"group (?{kind} at {self.pos}")
        inner = self.alternation()
        if self.peek() != ")":
            raise _Unreadable(f"unclosed group at {self.pos}")
        self.pos += 1
        return None if zero_width else inner

    def escape(self) -> Needs:
        c = self.peek(1)
        if c == "":
            raise _Unreadable("pattern ends in a backslash")
        self.pos += 2
        if c == "u" or c == "x":
            width = 4 if c == "u" else 2
            code = self.src[self.pos:self.pos + width]
            self.pos += width
            return frozenset(chr(int(code, 16)))
        if c in _ESCAPES:
            return frozenset(_ESCAPES[c])
        if c in _ANY_ESCAPES or c.isalnum():
            if c in "pPN" and self.peek() == "{":
                self.pos = self.src.index("}", self.pos) + 1
            return None
        return frozenset(c)  # an escaped sign: \-, \., \(

    def char_class(self) -> Needs:
        self.pos += 1  # [
        if self.peek() == "^":
            raise _Unreadable("negated class")  # anything but a few: not a test
        chars: set[str] = set()
        unbounded = False
        first = True
        while True:
            c = self.peek()
            if c == "":
                raise _Unreadable("unclosed class")
            if c == "]" and not first:
                self.pos += 1
                break
            if c == "[":
                raise _Unreadable("nested class")
            first = False
            if c == "\\":
                got = self.escape()
                if got is None:
                    unbounded = True
                    continue
                lo = next(iter(got))
            else:
                self.pos += 1
                lo = c
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                if self.peek() == "\\":
                    got = self.escape()
                    if got is None:
                        raise _Unreadable("a range to a class")
                    hi = next(iter(got))
                else:
                    hi = self.peek()
                    self.pos += 1
                if ord(hi) - ord(lo) > _MAX_CLASS:
                    unbounded = True
                    continue
                chars.update(chr(k) for k in range(ord(lo), ord(hi) + 1))
            else:
                chars.add(lo)
        if unbounded or len(chars) > _MAX_CLASS:
            return None
        return frozenset(chars)


def needed_chars(pattern: str) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` contains, or None when the pattern
    may match without any particular character (or uses what this reader does not know).

    >>> sorted(needed_chars(r"(?<![0-9])(?:[12][0-9]{3}年|今年|来年)"))  # the fewest a branch
    ['今', '年', '来']
    >>> needed_chars(r"[0-9]*日?") is None
    True
    """
    reader = _Reader(pattern)
    try:
        got = reader.alternation()
    except (_Unreadable, ValueError):
        return None
    if reader.pos != len(pattern):
        return None  # an unmatched ")": not understood
    return got
