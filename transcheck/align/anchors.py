"""Anchors: unit pairs that share something found once on each side, and the corridor they span.

A string that occurs exactly once in each version (a 6-gram of characters, a Latin name, a
digit string, a normalized fact such as ``q:250000000``) very likely marks the same place in
both. Where a book repeats itself nothing is unique; a 6-gram found as often on both sides
then pairs its k-th place on the left with its k-th on the right, and a unit pair counts
such votes when as many agree as make a strong anchor (a passage repeated whole shares
many; a repeated name puts its k-th mention elsewhere as often as not). Pairs voted for by
such strings are chained by a non-crossing maximum-weight chain
(a weighted longest increasing subsequence); gaps the chain leaves wide open are searched
again with uniqueness taken inside the gap only, as patience diff does. The dynamic
programme then runs only in a corridor around the chain: its cost is linear in length.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

import regex

from ..lang.han import fold_han
from .profiles import Profiles

GRAM_WEIGHT = 1.0  # a shared unique 6-gram
KEY_WEIGHT = 3.0  # a shared unique fact, Latin name or digit string
MIN_VOTES = 2.0  # an anchor needs this much weight
STRONG_VOTES = 6.0  # an anchor this heavy has no margin around it in the corridor
MARGIN = 1  # corridor cells kept around the chain on each side
MAX_BLOCK = 900  # a gap larger than this (rows × columns) is searched as a band instead
BAND = 12  # half-width of that band
GAP_RESEARCH = 6  # gaps wider than this on both sides are searched again for anchors
MAX_DEPTH = 4
BLOCK_ROWS = 500  # a long alignment is cut into blocks of about this many left units
BULK_UNITS = 1000  # from this many units in a box, its n-grams are tallied with numpy

_LATIN = regex.compile(r"[\p{Latin}][\p{Latin}\d]*(?:[-.'][\p{Latin}\d]+)*|\d+(?:[.,]\d+)*")

Point = tuple[int, int]
K = TypeVar("K")


def text_keys(text: str) -> set[str]:
    """Language-independent anchor strings in a unit: names in Latin script and numbers.

    In text written mostly in Latin script only capitalized words past a sentence start
    count as names; elsewhere (Japanese, Chinese) every Latin word does.

    >>> sorted(text_keys("Grok 5は2026年、約1,300億ドル"))
    ['w:1300', 'w:2026', 'w:5', 'w:grok']
    >>> sorted(text_keys("Le Eiger a 1650 mètres, dit Daniel."))
    ['w:1650', 'w:daniel', 'w:eiger']
    """
    text = unicodedata.normalize("NFKC", text)
    words = _LATIN.findall(text)  # strings, not match objects: a third faster
    # every Latin letter is inside a match, and matches hold no other letters
    latin = sum(map(str.isalpha, "".join(words)))
    mostly_latin = latin * 2 > sum(map(str.isalpha, text))
    keys = {"w:" + w.replace(",", "") for w in words if w[0].isdigit()}
    if mostly_latin:
        # a capital at the very start of the unit says nothing
        # (the first match starts there exactly when the pattern matches there)
        later = words[1:] if _LATIN.match(text) else words
        names = [w for w in later if w[0].isupper() and len(w) >= 3]
    else:
        names = [w for w in words if len(w) >= 3 and not w[0].isdigit()]
    keys.update("w:" + fold_han(w.casefold()) for w in names)
    return keys


def _places(units: Iterator[tuple[int, Iterable[K]]]) -> dict[K, list[int] | None]:
    """For each key, the units that hold it in order; None for a key a unit holds twice
    (where in that unit is not known, so it marks no one place)."""
    seen: dict[K, list[int] | None] = {}
    for i, keys in units:
        for k in keys:
            if k not in seen:
                seen[k] = [i]
                continue
            got = seen[k]
            if got is not None:
                if got[-1] == i:
                    seen[k] = None
                else:
                    got.append(i)
    return seen


def _key_places(items: Sequence[Collection[str]], lo: int,
                hi: int) -> dict[str, list[int] | None]:
    """Where each key of units lo..hi-1 is (see ``_places``)."""
    return _places((i, items[i]) for i in range(lo, hi))


def _gram_places(profiles: Profiles, lo: int, hi: int) -> dict[int, list[int] | None]:
    """Where each sampled 6-gram (hashed) of units lo..hi-1 is (see ``_places``): every
    occurrence counts, so one found twice in one unit marks no place."""
    return _places((i, profiles.sampled_grams(i)) for i in range(lo, hi))


def _tally(found: dict[Point, float], left: Mapping[K, list[int] | None],
           right: Mapping[K, list[int] | None], weight: float, repeated: bool = False) -> None:
    """Add ``weight`` to the unit pair of every key found once on each side; with
    ``repeated``, of every key found as often on both sides but more than once, the k-th
    place on the left with the k-th on the right (a book that repeats a passage as often
    on both: one copy with the same copy)."""
    swap = len(left) > len(right)
    if swap:
        left, right = right, left
    for k, mine in left.items():
        theirs = right.get(k)
        if (mine is None or theirs is None or len(mine) != len(theirs)
                or (len(mine) > 1) != repeated):
            continue
        for i, j in zip(mine, theirs, strict=True):
            p = (j, i) if swap else (i, j)
            found[p] = found.get(p, 0.0) + weight


def votes(lp: Profiles, rp: Profiles, lkeys: Sequence[Collection[str]],
          rkeys: Sequence[Collection[str]], box: tuple[int, int, int, int]) -> dict[Point, float]:
    """Weight of the unique strings each unit pair in ``box`` (i0, i1, j0, j1) shares, and
    of the repeated 6-grams that pair the k-th copy of a passage with its k-th copy."""
    i0, i1, j0, j1 = box
    found: dict[Point, float] = {}
    repeats: dict[Point, float] = {}
    if i1 - i0 + j1 - j0 >= BULK_UNITS:
        from .bulk import gram_votes  # numpy: imported for long pairs only

        found, repeats = gram_votes(lp, rp, box, GRAM_WEIGHT)
    else:
        left, right = _gram_places(lp, i0, i1), _gram_places(rp, j0, j1)
        _tally(found, left, right, GRAM_WEIGHT)
        _tally(repeats, left, right, GRAM_WEIGHT, repeated=True)
    _tally(found, _key_places(lkeys, i0, i1), _key_places(rkeys, j0, j1), KEY_WEIGHT)
    # a repeated name or phrase put its k-th mention elsewhere as often as not; a passage
    # repeated whole shares many 6-grams: only that many, as for a strong anchor, count
    for p, w in repeats.items():
        if w >= STRONG_VOTES:
            found[p] = found.get(p, 0.0) + w
    return found


def heaviest_chain(points: dict[Point, float]) -> list[Point]:
    """The non-crossing chain (i and j both strictly increasing) of largest total weight."""
    items = sorted(points.items(), key=lambda x: (x[0][0], -x[0][1]))
    if not items:
        return []
    cols = sorted({p[1] for p, _ in items})
    size = len(cols)
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of prefix maxima: (weight, item)
    best: list[float] = []
    prev: list[int] = []
    for n, ((_, j), w) in enumerate(items):
        pos = bisect.bisect_left(cols, j)  # columns strictly below j
        top, arg = 0.0, -1
        k = pos
        while k > 0:
            if tree[k][0] > top:
                top, arg = tree[k]
            k -= k & -k
        best.append(top + w)
        prev.append(arg)
        k = pos + 1
        while k <= size:
            if tree[k][0] < top + w:
                tree[k] = (top + w, n)
            k += k & -k
    n = max(range(len(items)), key=best.__getitem__)
    chain: list[Point] = []
    while n >= 0:
        chain.append(items[n][0])
        n = prev[n]
    chain.reverse()
    return chain


def find_anchors(lp: Profiles, rp: Profiles, lkeys: Sequence[Collection[str]],
                 rkeys: Sequence[Collection[str]]) -> tuple[list[Point], set[Point]]:
    """Anchor unit pairs, in order: the global chain, refined inside its wide gaps; and
    those of them voted for by many unique strings (strong: the path goes through them)."""

    def search(box: tuple[int, int, int, int], depth: int) -> list[Point]:
        found = {p: w for p, w in votes(lp, rp, lkeys, rkeys, box).items() if w >= MIN_VOTES}
        chain = heaviest_chain(found)
        strong.update(p for p in chain if found[p] >= STRONG_VOTES)
        if depth >= MAX_DEPTH:
            return chain
        out: list[Point] = []
        i0, i1, j0, j1 = box
        prev = (i0 - 1, j0 - 1)
        for p in [*chain, (i1, j1)]:
            if p[0] - prev[0] - 1 > GAP_RESEARCH and p[1] - prev[1] - 1 > GAP_RESEARCH:
                out.extend(search((prev[0] + 1, p[0], prev[1] + 1, p[1]), depth + 1))
            if p != (i1, j1):
                out.append(p)
            prev = p
        return out

    strong: set[Point] = set()
    chain = search((0, len(lp), 0, len(rp)), 0)
    return chain, strong


def corridor(anchors: Sequence[Point], n: int, m: int,
             strong: Collection[Point] = ()) -> tuple[list[int], list[int]]:
    """For each DP row i = 0..n (units of the left consumed), the range of columns j to fill.

    Between two anchors the whole gap is filled when small, a band along its diagonal when
    large; a margin around each anchor not in ``strong`` lets the path pass beside it (a
    weak anchor may be a near miss). The path still merges and swaps next to any anchor.
    """
    lo = [m + 1] * (n + 1)
    hi = [-1] * (n + 1)

    def cover(r0: int, r1: int, c0: int, c1: int) -> None:
        r0, r1 = max(r0, 0), min(r1, n)
        c0, c1 = max(c0, 0), min(c1, m)
        for r in range(r0, r1 + 1):
            if c0 < lo[r]:
                lo[r] = c0
            if c1 > hi[r]:
                hi[r] = c1

    points = [(-1, -1), *anchors, (n, m)]
    for (a1, b1), (a2, b2) in itertools.pairwise(points):
        r0, r1, c0, c1 = a1 + 1, a2, b1 + 1, b2  # boundary cells between the two anchors
        rows, cols = r1 - r0 + 1, c1 - c0 + 1
        before = 0 if (a1, b1) in strong else MARGIN
        after = 0 if (a2, b2) in strong else MARGIN
        if rows * cols <= MAX_BLOCK:
            cover(r0 - before, r1 + after, c0 - before, c1 + after)
            continue
        slope = (cols - 1) / max(rows - 1, 1)
        width = BAND + MARGIN
        for r in range(r0 - before, r1 + after + 1):
            centre = c0 + (min(max(r, r0), r1) - r0) * slope
            cover(r, r, int(centre) - width, int(centre) + width + 1)
    # each row's range must reach the previous row's, so every cell has a way in
    for r in range(1, n + 1):
        if lo[r] > hi[r - 1]:
            lo[r] = hi[r - 1]
        if hi[r] < lo[r - 1]:
            hi[r] = lo[r - 1]
    for r in range(n - 1, -1, -1):
        if hi[r] < lo[r + 1]:
            hi[r] = lo[r + 1]
    lo[0] = 0
    hi[n] = m
    return lo, hi


def cut_points(strong: Collection[Point], lo: Sequence[int], hi: Sequence[int],
               every: int = BLOCK_ROWS) -> list[Point]:
    """Corridor cells at which a long alignment is cut into blocks aligned on their own
    (in parallel), about ``every`` rows apart: the cell between two strong anchors next to
    each other on the diagonal, (a - 1, b - 1) and (a, b). The best path of the whole goes
    through 191 of 192 such cells on the 1 MB benchmark pair; the cuts depend on the texts
    alone, never on the machine, so every machine gives the same links.
    """
    n = len(lo) - 1
    cuts: list[Point] = []
    want = every
    for a, b in sorted(strong):
        if a < want or n - a < every // 2 or not lo[a] <= b <= hi[a]:
            continue
        if (a - 1, b - 1) in strong:
            cuts.append((a, b))
            want = a + every
    return cuts
