"""Character n-gram profiles of units and the chrF similarity of spans of them.

The statistics are chrF's, counted by sacrebleu (character n-grams, white space dropped,
β = 2), of orders 1..4 rather than its default 1..6: orders 5 and 6 add nothing to
alignment on Text+Berg or the Ejaaz pair (measured) and cost a third of the time. They are
extracted once per unit; a span of several units adds its units' counts (cached), never
re-extracting text.
Profiles are built when the dynamic programme first needs them and dropped once it has
moved past, so memory stays flat. A script only one version is written in (kana against
Chinese) is left out.
"""

from __future__ import annotations

import itertools
import operator
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

import regex

from ..lang.han import HAN_FOLD, fold_han

CHAR_ORDER = 4
ANCHOR_ORDER = 6  # anchors are sampled n-grams of this order, rare enough to be unique
BETA2 = 4.0  # chrF's β = 2, squared
_FIRST_FOLDED = chr(min(HAN_FOLD))  # the lowest code point fold_han changes
_PARITY = bytes(b & 1 for b in range(256))  # byte → its low bit
# scripts that two versions may not share; a character of any other script (digits,
# punctuation, symbols) always stays
_SCRIPTS = [regex.compile(rf"\p{{Script={name}}}") for name in (
    "Han", "Hiragana", "Katakana", "Hangul", "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew",
    "Thai", "Devanagari")]

K = TypeVar("K")
V = TypeVar("V")
NgramCounts = dict[str, int]


class SpanStats:
    """chrF statistics of one unit or of a span of units, order by order.

    A unit's counts for an order are extracted, and a span's summed from its head span and
    its last unit, only when first asked for: a candidate rejected after orders 1 and 2
    never pays for 3 and 4, and ``Scorer.added_share`` reads the top order alone.
    """

    __slots__ = ("_head", "_orders", "_tail", "_text", "totals")

    def __init__(self, totals: tuple[int, ...], orders: list[NgramCounts | None],
                 head: SpanStats | None = None, tail: SpanStats | None = None,
                 text: str | None = None) -> None:
        self.totals = totals
        self._orders = orders
        self._head = head
        self._tail = tail
        self._text = text

    @classmethod
    def of_unit(cls, text: str, orders: int) -> SpanStats:
        """A unit's statistics; each order's counts those of sacrebleu's
        ``extract_all_char_ngrams`` (white space dropped), one order at a time."""
        text = "".join(text.split())
        # a text of L characters has L - o n-grams of order o + 1
        return cls(tuple(len(text) - o if len(text) > o else 0 for o in range(orders)),
                   [None] * orders, text=text)

    @classmethod
    def joined(cls, head: SpanStats, tail: SpanStats) -> SpanStats:
        totals = tuple(x + y for x, y in zip(head.totals, tail.totals, strict=True))
        return cls(totals, [None] * len(totals), head, tail)

    def order(self, o: int) -> NgramCounts:
        got = self._orders[o]
        if got is None and self._text is not None:
            text, n = self._text, o + 1
            got = Counter([text[k:k + n] for k in range(len(text) - n + 1)])
            self._orders[o] = got
        elif got is None:
            assert self._head is not None and self._tail is not None
            h = self._head.order(o)
            t = self._tail.order(o)
            got = {**h, **t}
            # only n-grams on both sides need adding up: fewer than either side's
            for k in h.keys() & t.keys():
                got[k] = h[k] + t[k]
            self._orders[o] = got
        return got


def normalize(text: str) -> str:
    """Fold what differs without meaning: width (ＡＢＣ, ５), case, Han variants (發/発/发),
    and drop white space as chrF does."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # most text has no character to fold: translate would look each one up for nothing
    if max(text, default="") >= _FIRST_FOLDED:
        text = fold_han(text)
    return "".join(text.split())


def fscore(p: float, r: float) -> float:
    """chrF's F-score (β = 2) of precision p and recall r."""
    return (1.0 + BETA2) * p * r / (BETA2 * p + r)


def shared(a: NgramCounts, b: NgramCounts) -> int:
    """chrF's matches of two count tables: each n-gram on both sides counts as often as on
    the side where it is rarer (key views intersect in C, and ``min`` runs over them in C)."""
    both = a.keys() & b.keys()
    return sum(map(min, map(a.__getitem__, both), map(b.__getitem__, both)))


def chrf_pair(a: SpanStats, b: SpanStats, need: float = 0.0) -> float:
    """chrF (β = 2) of two profiles, 0..1, left as hypothesis and right as reference
    (``chrf_bounded``: below ``need``, maybe only a lower bound)."""
    return chrf_bounded(a.totals, b.totals, lambda o: shared(a.order(o), b.order(o)), need)


def chrf_bounded(totals_a: Sequence[int], totals_b: Sequence[int],
                 match_of: Callable[[int], int], need: float = 0.0) -> float:
    """chrF (β = 2) from per-order totals and the matches ``match_of(order)``, asked for
    order by order.

    Orders go from 1 up, and a higher order scores no more than a lower one in practice,
    so when even that could not reach ``need`` the rest is skipped and a lower bound of
    the score returned (the caller only wants to know it falls short).
    """
    usable = sum(1 for na, nb in zip(totals_a, totals_b, strict=True) if na and nb)
    if not usable:
        return 0.0
    total = 0.0
    ceiling = 1.0
    done = 0
    for o, (na, nb) in enumerate(zip(totals_a, totals_b, strict=True)):
        if not na or not nb:
            continue
        if need and (total + ceiling * (usable - done)) / usable < need:
            return total / usable
        done += 1
        match = match_of(o)
        if not match:
            ceiling = 0.0
            continue
        p, r = match / na, match / nb
        f = fscore(p, r)
        total += f
        if f < ceiling:
            ceiling = f
    return total / usable


def matches(a: SpanStats, b: SpanStats) -> tuple[int, ...]:
    """Matched n-gram counts of two profiles, order by order (chrF's sufficient statistics)."""
    out = []
    for o, (na, nb) in enumerate(zip(a.totals, b.totals, strict=True)):
        if not na or not nb:
            out.append(0)
            continue
        out.append(shared(a.order(o), b.order(o)))
    return tuple(out)


def chrf_from(match: Sequence[int], totals_a: Sequence[int], totals_b: Sequence[int]) -> float:
    """chrF (β = 2) from per-order matches and totals; a match above a total is capped."""
    total = 0.0
    orders = 0
    for mt, na, nb in zip(match, totals_a, totals_b, strict=True):
        if not na or not nb:
            continue
        orders += 1
        mt = min(mt, na, nb)
        if mt:
            p, r = mt / na, mt / nb
            total += (1.0 + BETA2) * p * r / (BETA2 * p + r)  # fscore, without the call
    return total / orders if orders else 0.0


CACHE = 256  # unit profiles kept at most; the oldest half goes when the cache is full


def trim(cache: dict[K, V], limit: int = CACHE) -> None:
    """Drop the oldest half of ``cache`` (dicts keep insertion order) once it is full."""
    if len(cache) > limit:
        for key in list(itertools.islice(cache, len(cache) // 2)):
            del cache[key]


class Profiles:
    """The n-gram counts of each unit of one version, and of spans of consecutive units."""

    def __init__(self, texts: Sequence[str], *, normalized: bool = False) -> None:
        self.orders = CHAR_ORDER
        self.texts = list(texts) if normalized else [normalize(t) for t in texts]
        self.lengths = [len(t) for t in self.texts]
        # n-grams of each order in units before k, so a span's totals are two look-ups
        self.cumulative = [list(itertools.accumulate((x - o if x > o else 0
                                                       for x in self.lengths), initial=0))
                            for o in range(self.orders)]
        self._cumulative_at = list(zip(*self.cumulative, strict=True))  # by position
        self._unit_totals = [tuple(x - o if x > o else 0 for o in range(self.orders))
                             for x in self.lengths]  # the DP asks for these most
        self._units: dict[int, SpanStats] = {}
        self._spans: dict[tuple[int, int], SpanStats] = {}

    @classmethod
    def pair(cls, left: Sequence[str], right: Sequence[str]) -> tuple[Profiles, Profiles]:
        """Profiles of two versions, without the characters of a script only one of them
        is written in.

        Kana against Chinese can never match: left in, they only dilute each n-gram order
        and lengthen the Japanese side. Versions in one language keep every character.
        """
        lt, rt = [normalize(t) for t in left], [normalize(t) for t in right]
        whole_l, whole_r = "".join(lt), "".join(rt)
        one_sided = [p for p in _SCRIPTS
                     if (p.search(whole_l) is None) != (p.search(whole_r) is None)]
        if one_sided:
            drop = regex.compile("|".join(p.pattern for p in one_sided))
            lt, rt = [drop.sub("", t) for t in lt], [drop.sub("", t) for t in rt]
        return cls(lt, normalized=True), cls(rt, normalized=True)

    def __len__(self) -> int:
        return len(self.texts)

    def length(self, lo: int, hi: int) -> int:
        """Characters (white space dropped) of units lo..hi-1."""
        if hi - lo == 1:
            return self.lengths[lo]
        chars = self.cumulative[0]
        return chars[hi] - chars[lo]

    def totals(self, lo: int, hi: int) -> tuple[int, ...]:
        """N-gram counts of units lo..hi-1 order by order, from their lengths alone (a text
        of L characters has L - n + 1 n-grams of order n)."""
        if hi - lo == 1:
            return self._unit_totals[lo]
        return tuple(map(operator.sub, self._cumulative_at[hi], self._cumulative_at[lo]))

    def unit(self, i: int) -> SpanStats:
        """Statistics of unit i, extracted once while it stays among the recently used."""
        units = self._units
        got = units.pop(i, None)
        if got is None:
            got = SpanStats.of_unit(self.texts[i], self.orders)
            trim(units)
        units[i] = got  # (re)inserted last: the cache drops the least recently used
        return got

    def span(self, lo: int, hi: int) -> SpanStats:
        """Statistics of units lo..hi-1 taken together: lo..hi-2 joined with unit hi-1."""
        if hi - lo == 1:
            return self.unit(lo)
        if hi <= lo:
            raise ValueError("empty span")
        key = (lo, hi)
        got = self._spans.get(key)
        if got is None:
            got = SpanStats.joined(self.span(lo, hi - 1), self.unit(hi - 1))
            trim(self._spans)
            self._spans[key] = got
        return got

    def forget_before(self, lo: int) -> None:
        """Drop profiles of units and spans starting before ``lo``: the DP is past them."""
        for i in [i for i in self._units if i < lo]:
            del self._units[i]
        for key in [k for k in self._spans if k[0] < lo]:
            del self._spans[key]

    def sampled_grams(self, i: int) -> list[int]:
        """Anchor-order n-grams of unit i picked by their content (about one in two), as
        hashes, one per occurrence: the same n-gram is picked on both sides, wherever it
        is. Hashes, not strings, keep a megabyte's worth small."""
        text = self.texts[i]
        # the low bit of each code point: the first of its four UTF-32 bytes, in C
        parity = text.encode("utf-32-le", "surrogatepass")[::4].translate(_PARITY)
        # keep start p when the code points at p and p + 3 have the same parity
        keep = map(operator.eq, parity, parity[3:])
        picked = list(itertools.compress(range(len(text) - ANCHOR_ORDER + 1), keep))
        ends = map(operator.add, picked, itertools.repeat(ANCHOR_ORDER))
        grams = map(text.__getitem__, map(slice, picked, ends))
        return list(map(hash, grams))
