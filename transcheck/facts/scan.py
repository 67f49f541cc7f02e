"""Which characters a pattern cannot match without: a text that lacks them is not scanned
for it.

A time grammar is a few dozen patterns tried on every unit, and most units hold no time at
all: each scan with a timeout costs a few microseconds before it reads a character, more
than the rest of the reading. :func:`needed` reads a pattern's source and finds sets of
characters such that every match contains one character of each set (年 for 2026年, 今年
and 令和8年; a digit or a numeral, then 年, 月, 日 or 週 for a length); a few
``isdisjoint`` tests of these sets against the set of a unit's characters then decide in C
that the pattern cannot match. The reading is conservative: whatever it does not
understand (a class by property, ``\\d``, ``.``, a look-around, a back-reference, an
optional part, inline flags) needs nothing, so a pattern it cannot bound is always scanned.
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
# Sets of characters a part of a pattern needs, one character of each set: () when it may
# match without any particular character.
Needs = tuple[frozenset[str], ...]


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
        if len(branches) == 1:
            return branches[0]
        if not all(branches):
            return ()  # a branch that needs nothing: so does the choice
        # one of each branch's sets (its fewest characters) will be there
        return (frozenset().union(*(min(b, key=len) for b in branches)),)

    def sequence(self) -> Needs:
        needs: list[frozenset[str]] = []
        while self.peek() not in ("", "|", ")"):
            needs += [n for n in self.item() if n not in needs]  # every part's, all at once
        return tuple(needs)

    def item(self) -> Needs:
        atom = self.atom()
        low = self.quantifier()
        return atom if low >= 1 else ()

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
            one = self.escape()
            return () if one is None else (frozenset(one),)
        if c in (".", "^", "$"):
            self.pos += 1
            return ()
        if c in ("*", "+", "?") or _COUNTED.match(self.src, self.pos):
            raise _Unreadable(f"quantifier without an atom at {self.pos}")
        self.pos += 1
        return (frozenset(c),)

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
                return ()  # a back-reference
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
        return () if zero_width else inner

    def escape(self) -> str | None:
        """The one character an escape stands for; None for a class or a position."""
        c = self.peek(1)
        if c == "":
            raise _Unreadable("pattern ends in a backslash")
        self.pos += 2
        if c == "u" or c == "x":
            width = 4 if c == "u" else 2
            code = self.src[self.pos:self.pos + width]
            self.pos += width
            return chr(int(code, 16))
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c in _ANY_ESCAPES or c.isalnum():
            if c in "pPN" and self.peek() == "{":
                self.pos = self.src.index("}", self.pos) + 1
            return None
        return c  # an escaped sign: \-, \., \(

    def char_class(self) -> Needs:
        self.pos += 1  # [
        negated = self.peek() == "^"  # anything but a few: read past it, it needs nothing
        self.pos += negated
        chars: set[str] = set()
        unbounded = negated
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
                one = self.escape()
                if one is None:
                    unbounded = True
                    continue
                lo = one
            else:
                self.pos += 1
                lo = c
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                if self.peek() == "\\":
                    one = self.escape()
                    if one is None:
                        raise _Unreadable("a range to a class")
                    hi = one
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
            return ()
        return (frozenset(chars),)


def needed(pattern: str) -> Needs:
    """Sets of characters that every match of ``pattern`` takes one of each from: () when
    the pattern may match without any particular character (or uses what this reader does
    not know).

    >>> [sorted(n) for n in needed(r"(?<![0-9])(?:[12][0-9]{3}|今|来)年(?:度)?")]
    [['1', '2', '今', '来'], ['年']]
    >>> needed(r"[0-9]*日?")
    ()
    """
    reader = _Reader(pattern)
    try:
        got = reader.alternation()
    except (_Unreadable, ValueError):
        return ()
    if reader.pos != len(pattern):
        return ()  # an unmatched ")": not understood
    return got
