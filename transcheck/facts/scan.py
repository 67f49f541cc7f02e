"""Which characters and words a pattern cannot match without: a text that lacks them is not
scanned for it.

A time grammar is a few dozen patterns tried on every unit, and most units hold no time at
all: each scan with a timeout costs a few microseconds before it reads a character, more
than the rest of the reading. :func:`needed` reads a pattern's source and finds sets such
that every match contains one member of each set: characters (年 for 2026年, 今年 and 令和8年;
a digit or a numeral, then 年, 月, 日 or 週 for a length) or, where a part is a run of
letters or a list of words, words (今日, 明日, 昨日… for a day counted from the article's).
:func:`screen` turns them into tests: ``isdisjoint`` of each character set against the set
of a unit's characters, decided in C, then one search for each list of words. The reading is
conservative: whatever it does not understand (a class by property, ``\\d``, ``.``, a
look-around, a back-reference, an optional part, inline flags) needs nothing, so a pattern
it cannot bound is always scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# A class of more characters than this is no use as a test and is treated as "anything".
_MAX_CLASS = 400
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
# escapes that stand for a class or a position rather than one character
_ANY_ESCAPES = frozenset("dDsSwWbBAZzGpPNXKmMhHvVRQE0123456789")

# a counted repeat, {2}, {1,4}, {2,}, {,3}: anything else after an atom is a literal brace
_COUNTED = re.compile(r"\{(\d*),?(\d*)\}(?<!\{\})(?<!\{,\})")
# Sets of strings (characters or words) a part of a pattern needs, one member of each set: ()
# when it may match without any particular character.
Needs = tuple[frozenset[str], ...]


class _Unreadable(Exception):
    """A construct the reader does not know: the whole pattern needs nothing."""


def _rarity(chars: frozenset[str]) -> tuple[int, int]:
    """Which of a branch's sets to keep: the one of longest words (a word is rarer than any
    of its characters), then of fewest."""
    return -min(map(len, chars)), len(chars)


@dataclass(slots=True)
class _Reader:
    src: str
    pos: int = 0
    literal: str | None = None  # the character the atom just read stands for, if only one

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
        # one of each branch's sets will be there
        return (frozenset().union(*(min(b, key=_rarity) for b in branches)),)

    def sequence(self) -> Needs:
        needs: list[frozenset[str]] = []
        word = ""  # literal characters one after another: a word every match holds
        while self.peek() not in ("", "|", ")"):
            got, literal = self.item()
            if literal is not None:
                word += literal
            else:
                if len(word) > 1:
                    got = (frozenset((word,)), *got)
                word = ""
            needs += [n for n in got if n not in needs]  # every part's, all at once
        if len(word) > 1:
            needs.append(frozenset((word,)))
        return tuple(needs)

    def item(self) -> tuple[Needs, str | None]:
        """What an atom and its quantifier need, and the character it stands for when it is
        one literal character, once."""
        atom = self.atom()
        literal = self.literal
        low, counted = self.quantifier()
        return (atom if low >= 1 else ()), (None if counted else literal)

    def quantifier(self) -> tuple[int, bool]:
        """The least number of repeats of the atom just read, and whether a quantifier
        follows it at all."""
        c = self.peek()
        counted = _COUNTED.match(self.src, self.pos) if c == "{" else None
        if c in ("*", "?"):
            low, self.pos = 0, self.pos + 1
        elif c == "+":
            low, self.pos = 1, self.pos + 1
        elif counted is not None:
            low, self.pos = int(counted.group(1) or 0), counted.end()
        else:
            return 1, False
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.pos += 1
        return low, True

    def atom(self) -> Needs:
        self.literal = None
        c = self.peek()
        if c == "(":
            got = self.group()
            self.literal = None
            return got
        if c == "[":
            return self.char_class()
        if c == "\\":
            one = self.escape()
            self.literal = one
            return () if one is None else (frozenset(one),)
        if c in (".", "^", "$"):
            self.pos += 1
            return ()
        if c in ("*", "+", "?") or _COUNTED.match(self.src, self.pos):
            raise _Unreadable(f"quantifier without an atom at {self.pos}")
        self.pos += 1
        self.literal = c
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
    """Sets of strings (characters, words) every match of ``pattern`` holds one of each of:
    () when the pattern may match without any particular character (or uses what this
    reader does not know).

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


class Screen(NamedTuple):
    """What a text must hold for a pattern to match in it, as the reader tests it: sets of
    characters (one of each, tested against the set of the text's characters) and words
    (one of each alternation, searched for)."""

    chars: tuple[frozenset[str], ...]
    words: tuple[re.Pattern[str], ...]

    def passes(self, text: str, present: set[str]) -> bool:
        """Whether ``text``, whose characters are ``present``, holds all it needs."""
        for chars in self.chars:
            if chars.isdisjoint(present):
                return False
        return all(words.search(text) is not None for words in self.words)


def screen(pattern: str) -> Screen:
    """The tests of :func:`needed` for ``pattern``, cheapest first: a set of words also
    gives the set of their first characters.

    >>> s = screen("(?:今日|明日)(?:は)?")
    >>> [sorted(c) for c in s.chars], [w.pattern for w in s.words]
    ([['今', '明']], ['今日|明日'])
    """
    chars: list[frozenset[str]] = []
    words: list[re.Pattern[str]] = []
    for need in needed(pattern):
        if all(len(w) == 1 for w in need):
            chars.append(need)
            continue
        firsts = frozenset(w[0] for w in need)
        if firsts not in chars:
            chars.append(firsts)
        words.append(re.compile("|".join(map(re.escape, sorted(need, key=lambda w: (-len(w), w))))))
    return Screen(tuple(chars), tuple(words))
