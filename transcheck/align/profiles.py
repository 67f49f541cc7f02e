"""Character n-gram profiles of units and the chrF similarity of spans of them.

The statistics are sacrebleu's chrF statistics (character n-grams of orders 1..6, white
space dropped, β = 2). They are extracted once per unit; a span of several units adds its
units' counts (cached), never re-extracting text. Profiles are built when the dynamic
programme first needs them and dropped once it has moved past, so memory stays flat.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TypeVar

import regex
from sacrebleu.metrics.helpers import extract_all_char_ngrams

from ..lang.han import fold_han

CHAR_ORDER = 6
WORD_ORDER = 2  # word unigrams and bigrams as two more orders (chrF++), for spaced scripts
BETA2 = 4.0  # chrF's β = 2, squared

K = TypeVar("K")
V = TypeVar("V")
NgramCounts = dict[str, int]
Order = tuple[NgramCounts, NgramCounts]  # all counts, and those above 1


class SpanStats:
    """chrF statistics of one unit or of a span of units, order by order.

    A span's counts for an order are summed from its head span and its last unit only
    when first asked for, so a candidate rejected after orders 1 and 2 never pays for 3..6.
    """

    __slots__ = ("_head", "_orders", "_tail", "totals")

    def __init__(self, totals: tuple[int, ...], orders: list[Order | None],
                 head: SpanStats | None = None, tail: SpanStats | None = None) -> None:
        self.totals = totals
        self._orders = orders
        self._head = head
        self._tail = tail

    @classmethod
    def of_unit(cls, counts: Sequence[NgramCounts]) -> SpanStats:
        orders: list[Order | None] = [(c, {k: v for k, v in c.items() if v > 1}) for c in counts]
        return cls(tuple(sum(c.values()) for c in counts), orders)

    @classmethod
    def joined(cls, head: SpanStats, tail: SpanStats) -> SpanStats:
        totals = tuple(x + y for x, y in zip(head.totals, tail.totals, strict=True))
        return cls(totals, [None] * len(totals), head, tail)

    def order(self, o: int) -> Order:
        got = self._orders[o]
        if got is None:
            assert self._head is not None and self._tail is not None
            h, hm = self._head.order(o)
            t, _ = self._tail.order(o)
            m = dict(h)
            multi = dict(hm)
            get = m.get
            for k, c in t.items():
                now = get(k, 0) + c
                m[k] = now
                if now > 1:
                    multi[k] = now
            got = (m, multi)
            self._orders[o] = got
        return got


_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SPACED = regex.compile(r"[\p{Latin}\p{Greek}\p{Cyrillic}]")
_LETTER = regex.compile(r"\p{L}")


def spaced(texts: Sequence[str]) -> bool:
    """Is this text written mostly in a script that spaces its words (French, English)?
    Then word n-grams say something chrF's characters miss; in Japanese they do not."""
    sample = "".join(texts[:: max(1, len(texts) // 200)])
    return len(_SPACED.findall(sample)) * 2 > len(_LETTER.findall(sample))


def word_ngrams(text: str) -> list[NgramCounts]:
    """Counts of lowercased word unigrams and bigrams, punctuation and apostrophes dropped
    (« C' est » and "C'est" give the same words)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    uni: NgramCounts = {}
    for w in words:
        uni[w] = uni.get(w, 0) + 1
    bi: NgramCounts = {}
    for a, b in zip(words, words[1:]):  # noqa: RUF007
        k = a + " " + b
        bi[k] = bi.get(k, 0) + 1
    return [uni, bi]


def normalize(text: str) -> str:
    """Fold what differs without meaning: width (ＡＢＣ, ５), case, Han variants (發/発/发),
    and drop white space as chrF does."""
    return "".join(fold_han(unicodedata.normalize("NFKC", text).casefold()).split())


def chrf_pair(a: SpanStats, b: SpanStats, need: float = 0.0) -> float:
    """chrF (β = 2) of two profiles, 0..1, left as hypothesis and right as reference.

    Matches are counted as |shared n-grams| plus, for n-grams counted more than once on
    both sides, the extra occurrences: set intersections in C instead of a Python loop.
    Orders go from 1 up, and a higher character order scores no more than a lower one in
    practice, so when even that could not reach ``need`` the rest is skipped and a lower
    bound of the score returned (the caller only wants to know it falls short). Word
    orders, when there are any, come last and are bounded by 1.
    """
    totals_a, totals_b = a.totals, b.totals
    usable = sum(1 for na, nb in zip(totals_a, totals_b, strict=True) if na and nb)
    if not usable:
        return 0.0
    words = sum(1 for na, nb in zip(totals_a[CHAR_ORDER:], totals_b[CHAR_ORDER:], strict=True)
                if na and nb)
    total = 0.0
    ceiling = 1.0
    done = 0
    for o, (na, nb) in enumerate(zip(totals_a, totals_b, strict=True)):
        if not na or not nb:
            continue
        if need and o < CHAR_ORDER and (
                total + ceiling * (usable - words - done) + words) / usable < need:
            return total / usable
        done += 1
        ca, ma = a.order(o)
        cb, mb = b.order(o)
        match = len(ca.keys() & cb.keys())
        if not match:
            ceiling = 0.0
            continue
        if ma and mb:
            for k in ma.keys() & mb.keys():
                x, y = ma[k], mb[k]
                match += (x if x < y else y) - 1
        p, r = match / na, match / nb
        f = (1.0 + BETA2) * p * r / (BETA2 * p + r)
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
        ca, ma = a.order(o)
        cb, mb = b.order(o)
        match = len(ca.keys() & cb.keys())
        if match and ma and mb:
            for k in ma.keys() & mb.keys():
                x, y = ma[k], mb[k]
                match += (x if x < y else y) - 1
        out.append(match)
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
            total += (1.0 + BETA2) * p * r / (BETA2 * p + r)
    return total / orders if orders else 0.0


def chrf_ceiling(len_a: int, len_b: int) -> float:
    """The highest chrF two texts of these lengths can reach (every n-gram shared)."""
    if not len_a or not len_b:
        return 0.0
    p = min(1.0, len_b / len_a)
    r = min(1.0, len_a / len_b)
    return (1.0 + BETA2) * p * r / (BETA2 * p + r)


CACHE = 256  # unit profiles kept at most; the oldest half goes when the cache is full


def trim(cache: dict[K, V], limit: int = CACHE) -> None:
    """Drop the oldest half of ``cache`` (dicts keep insertion order) once it is full."""
    if len(cache) > limit:
        for key in list(itertools.islice(cache, len(cache) // 2)):
            del cache[key]


class Profiles:
    """The n-gram counts of each unit of one version, and of spans of consecutive units."""

    def __init__(self, texts: Sequence[str], words: bool = False) -> None:
        self.raw = texts if words else None
        self.orders = CHAR_ORDER + (WORD_ORDER if words else 0)
        self.texts = [normalize(t) for t in texts]
        self.lengths = [len(t) for t in self.texts]
        self._units: dict[int, SpanStats] = {}
        self._spans: dict[tuple[int, int], SpanStats] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def length(self, lo: int, hi: int) -> int:
        """Characters (white space dropped) of units lo..hi-1."""
        if hi - lo == 1:
            return self.lengths[lo]
        return sum(self.lengths[lo:hi])

    def unit(self, i: int) -> SpanStats:
        got = self._units.get(i)
        if got is None:
            counts = extract_all_char_ngrams(self.texts[i], CHAR_ORDER, False)
            if self.raw is not None:
                counts = [*counts, *word_ngrams(self.raw[i])]
            got = SpanStats.of_unit(counts)
            trim(self._units)
            self._units[i] = got
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

    def sampled_grams(self, i: int) -> Iterator[tuple[int, int]]:
        """Top-order n-grams of unit i picked by their content (about one in two), as
        hashes with their counts in the unit: the same n-gram is picked on both sides,
        wherever it is. Hashes, not strings, keep a megabyte's worth small."""
        text = self.texts[i]
        seen: dict[int, int] = {}
        for p in range(len(text) - CHAR_ORDER + 1):
            if (ord(text[p]) + ord(text[p + 3])) % 2 == 0:
                g = hash(text[p:p + CHAR_ORDER])
                seen[g] = seen.get(g, 0) + 1
        return iter(seen.items())
