"""chrF matches of many unit pairs at once, counted with numpy.

The dynamic programme wants the per-order matches of nearly every unit pair in its
corridor. Pair by pair, in Python, that means extracting each unit's n-grams into dicts
(sacrebleu, 67 µs for a French sentence) and intersecting them (22 µs a pair), most of
the DP's time. Here a whole block of the corridor is counted in a few array passes:

1. every character becomes a small integer (its rank in the pair's alphabet), and an
   n-gram the integer of its characters in base "alphabet size", so orders 1..4 are
   built one from the other;
2. each side's n-grams, with their unit folded into the integer, are sorted and counted
   once (``unique``), so each side holds one entry per n-gram and unit, with its count;
3. for each left entry, the right units of its corridor row that hold the same n-gram are
   found by binary search in the right entries, and the smaller of the two counts is
   added to that unit pair.

The counts are exactly those of sacrebleu's ``extract_all_char_ngrams`` on the same texts
(the tests compare them pair by pair). The same entries, kept unit by unit (``Spans``),
give the exact matches of the merged spans the DP weighs, with nothing extracted again;
and ``gram_votes`` tallies the anchors' unique 6-grams of a long pair in a few sorts.
numpy comes with sacrebleu; it takes 0.17 s to import, so ``dp`` and ``anchors`` import
this module only for long pairs.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .cost import Model, Ops
from .profiles import ANCHOR_ORDER, BETA2, Profiles

Ints = npt.NDArray[np.int64]
Matches = dict[tuple[int, int], tuple[int, ...]]

ROOM = 2**62  # keys stay below this, clear of int64 overflow
ARRAY = Ops(np.log, np.maximum, np.minimum)  # ``cost.Model`` on whole arrays


class Side:
    """The characters of one version as alphabet ranks, with its profiles' unit lengths and
    running n-gram totals (``Profiles.cumulative``: ``before[o][k]``, the n-grams of order
    o + 1 in units before k; ``starts``, order 1, is where each unit starts)."""

    def __init__(self, profiles: Profiles, alphabet: npt.NDArray[np.uint32]) -> None:
        chars = np.frombuffer("".join(profiles.texts).encode("utf-32-le", "surrogatepass"),
                              dtype=np.uint32)
        self.ranks: Ints = np.searchsorted(alphabet, chars).astype(np.int64)
        self.lengths: Ints = np.asarray(profiles.lengths, dtype=np.int64)
        self.before: Ints = np.asarray(profiles.cumulative, dtype=np.int64)
        self.starts: Ints = self.before[0]

    def block(self, lo: int, hi: int) -> tuple[Ints, Ints, Ints]:
        """Ranks, unit index and characters left to the unit's end, for units lo..hi-1."""
        a, b = int(self.starts[lo]), int(self.starts[hi])
        lengths = self.lengths[lo:hi]
        unit = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths)
        ends = np.repeat(self.starts[lo + 1:hi + 1], lengths)
        return self.ranks[a:b], unit, ends - np.arange(a, b, dtype=np.int64)


class Bulk:
    """Counts the matches of unit pairs of two versions, a block of the corridor at a time."""

    def __init__(self, left: Profiles, right: Profiles) -> None:
        whole = "".join(left.texts) + "".join(right.texts)
        alphabet = np.unique(np.frombuffer(whole.encode("utf-32-le", "surrogatepass"),
                                           dtype=np.uint32))
        self.size = len(alphabet)
        self.left, self.right = Side(left, alphabet), Side(right, alphabet)
        self.orders = left.orders
        self.width = max(len(left), len(right)) + 1  # unit numbers fit below this

    def matches(self, rows: range, first: Sequence[int], last: Sequence[int]) -> Band:
        """Per-order matches of left unit ``rows[k]`` with each right unit from ``first[k]``
        to ``last[k]``, both included (none where ``last[k] < first[k]``)."""
        lo_col = np.asarray(first, dtype=np.int64)
        hi_col = np.maximum(np.asarray(last, dtype=np.int64), lo_col - 1)
        cells_of_row = hi_col - lo_col + 1
        offset: Ints = np.concatenate(([0], np.cumsum(cells_of_row)))
        cells = int(offset[-1])
        counts: Ints = np.zeros((self.orders, cells), dtype=np.int64)
        band = Band(rows, lo_col, hi_col, offset, counts)
        if not cells:
            return band
        left_entries: list[tuple[Ints, Ints, Ints]] = []
        right_entries: list[tuple[Ints, Ints, Ints]] = []
        c0 = int(lo_col[cells_of_row > 0].min())
        c1 = int(hi_col[cells_of_row > 0].max()) + 1
        left_ranks, left_unit, left_rest = self.left.block(rows.start, rows.stop)
        right_ranks, right_unit, right_rest = self.right.block(c0, c1)
        width = self.width
        gl, gr = left_ranks.copy(), right_ranks.copy()  # the n-gram starting at each place
        top = self.size  # n-gram integers stay below this
        for o in range(self.orders):
            if o:
                if top * self.size * width >= ROOM:  # renumber the n-grams densely
                    _, dense = np.unique(np.concatenate((gl, gr)), return_inverse=True)
                    gl, gr = dense[:len(gl)].astype(np.int64), dense[len(gl):].astype(np.int64)
                    top = int(dense.max(initial=0)) + 1
                # the characters past a unit's end make garbage that ``rest`` leaves out
                gl[:-o] = gl[:-o] * self.size + left_ranks[o:]
                gr[:-o] = gr[:-o] * self.size + right_ranks[o:]
                top *= self.size
            keys_l, count_l = np.unique(gl[left_rest > o] * width + left_unit[left_rest > o],
                                        return_counts=True)
            keys_r, count_r = np.unique(gr[right_rest > o] * width
                                        + right_unit[right_rest > o], return_counts=True)
            gram, unit = np.divmod(keys_l, width)
            _number_shared(o, (gram, unit, count_l), (keys_r, count_r), width, left_entries,
                           right_entries)
            row = unit - rows.start
            # right entries of the same n-gram whose unit lies in this row's columns
            at = np.searchsorted(keys_r, gram * width + lo_col[row])
            found = np.searchsorted(keys_r, gram * width + hi_col[row] + 1) - at
            hit = found > 0
            at, found, row, count_l = at[hit], found[hit], row[hit], count_l[hit]
            total = int(found.sum())
            pos = np.repeat(at - (np.cumsum(found) - found), found) + np.arange(total)
            rows_of = np.repeat(row, found)
            cell = offset[rows_of] + keys_r[pos] % width - lo_col[rows_of]
            shared = np.minimum(np.repeat(count_l, found), count_r[pos])
            counts[o] = np.bincount(cell, weights=shared, minlength=cells)
        band.spans = Spans(Entries(left_entries, rows.start, rows.stop),
                           Entries(right_entries, c0, c1), self.orders)
        return band

    def chrfs(self, band: Band) -> npt.NDArray[np.float64]:
        """chrF of every unit pair of the band, cell by cell: ``profiles.chrf_from`` on the
        band's matches, its operations done in the same order on whole arrays, so every
        figure is the same double."""
        rows, cols = band.cells()
        total = np.zeros(len(rows), dtype=np.float64)
        orders = np.zeros(len(rows), dtype=np.int64)
        len_l, len_r = self.left.lengths[rows], self.right.lengths[cols]
        for o in range(self.orders):
            na, nb = np.maximum(len_l - o, 0), np.maximum(len_r - o, 0)
            both = (na > 0) & (nb > 0)
            orders += both
            mt = np.minimum(np.minimum(band.counts[o], na), nb)
            hit = both & (mt > 0)
            p = mt[hit] / na[hit]
            r = mt[hit] / nb[hit]
            total[hit] = total[hit] + (1.0 + BETA2) * p * r / (BETA2 * p + r)
        out = np.zeros(len(rows), dtype=np.float64)
        some = orders > 0
        out[some] = total[some] / orders[some]
        return out

    def merge_floors(self, band: Band, rows: range, lo: Sequence[int], hi: Sequence[int],
                     moves: Sequence[tuple[int, int]], model: Model) -> list[list[list[float]]]:
        """For each DP row in ``rows``, cell by cell (columns ``lo[i]..hi[i]``), move by move:
        a floor of the cost of the merged link the move makes (inf for the other moves).

        It is ``Scorer.merged_bound`` with every shared fact taken as perfect: chrF of the
        summed matches of the unit pairs (see ``_summed_top``), length term and weight.
        The unit pairs of every merge must be in ``band``."""
        lo_a, hi_a = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64)
        r = np.arange(rows.start, rows.stop, dtype=np.int64)
        widths = hi_a[r] - lo_a[r] + 1
        offset = np.concatenate(([0], np.cumsum(widths)))
        cell_i = np.repeat(r, widths)
        cell_j = (np.arange(offset[-1], dtype=np.int64) - np.repeat(offset[:-1], widths)
                  + np.repeat(lo_a[r], widths))
        out = np.full((len(moves), len(cell_i)), np.inf)
        for k, (di, dj) in enumerate(moves):
            if not di or not dj or di + dj <= 2:
                continue
            at = np.nonzero(cell_i - di >= rows.start - 1)[0]  # from the block's first row
            pi, pj = cell_i[at] - di, cell_j[at] - dj
            inside = (pj >= lo_a[pi]) & (pj <= hi_a[pi])
            at, pi, pj = at[inside], pi[inside], pj[inside]
            i, j = cell_i[at], cell_j[at]
            na = self.left.before[:, i] - self.left.before[:, pi]
            nb = self.right.before[:, j] - self.right.before[:, pj]
            match = np.minimum(band.summed(pi, pj, di, dj), np.minimum(na, nb))
            usable = (na > 0) & (nb > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                p, rec = match / na, match / nb
                f = np.where(match > 0, (1.0 + BETA2) * p * rec / (BETA2 * p + rec), 0.0)
            f = np.where(usable, f, 0.0)
            n_usable = usable.sum(axis=0)
            top = np.where(n_usable > 0, f.sum(axis=0) / np.maximum(n_usable, 1), 0.0)
            la = self.left.starts[i] - self.left.starts[pi]
            lb = self.right.starts[j] - self.right.starts[pj]
            out[k, at] = model.cost(model.with_facts(top, 1.0), la, lb, di * dj, ARRAY)
        cells: list[list[float]] = out.T.tolist()
        return [cells[offset[t]:offset[t + 1]] for t in range(len(r))]


class Band:
    """The matches of a block of the corridor: left unit ``rows[k]`` against right units
    ``first[k]..last[k]``, cell by cell, row after row."""

    def __init__(self, rows: range, first: Ints, last: Ints, offset: Ints,
                 counts: Ints) -> None:
        self.rows, self.first, self.last, self.offset = rows, first, last, offset
        self.counts = counts  # orders × cells
        self.spans: Spans | None = None  # the block's n-grams, unit by unit

    def cells(self) -> tuple[Ints, Ints]:
        """The left and right unit of each cell of the band."""
        widths = self.offset[1:] - self.offset[:-1]
        rows = np.repeat(np.arange(self.rows.start, self.rows.stop, dtype=np.int64), widths)
        cols = (np.arange(self.counts.shape[1], dtype=np.int64)
                - np.repeat(self.offset[:-1] - self.first, widths))
        return rows, cols

    def as_dict(self) -> Matches:
        """The matches by unit pair, as ``pair_matches`` keeps them."""
        per_cell = list(map(tuple, self.counts.T.tolist()))
        out: Matches = {}
        k = 0
        for i, a, b in zip(self.rows, self.first.tolist(), self.last.tolist(), strict=True):
            for j in range(a, b + 1):
                out[(i, j)] = per_cell[k]
                k += 1
        return out

    def summed(self, rows: Ints, cols: Ints, height: int, width: int) -> Ints:
        """Per order, the matches summed over the unit pairs of ``height`` rows from each
        of ``rows`` and ``width`` columns from each of ``cols`` (all in the band)."""
        total: Ints = np.zeros((self.counts.shape[0], len(rows)), dtype=np.int64)
        for a in range(height):
            at = rows + a - self.rows.start
            base = self.offset[at] - self.first[at]
            for b in range(width):
                total += self.counts[:, base + cols + b]
        return total


ORDER_SHIFT = 40  # an entry's key: order << ORDER_SHIFT, plus the n-gram's number


def _number_shared(o: int, left_side: tuple[Ints, Ints, Ints], right_side: tuple[Ints, Ints],
                   width: int, left: list[tuple[Ints, Ints, Ints]],
                   right: list[tuple[Ints, Ints, Ints]]) -> None:
    """Number the order-o n-grams the block's two sides share (one number per n-gram, the
    same on both sides) and add each side's entries of them to ``left`` and ``right`` as
    (unit, key, count). An n-gram on one side only matches nothing, so it is left out.

    ``left_side`` is the left entries' n-grams, units and counts, by n-gram then unit;
    ``right_side`` the right entries' keys (n-gram × ``width`` + unit, sorted) and counts."""
    gram, unit, count = left_side
    keys_r, count_r = right_side
    first = np.ones(len(gram), dtype=bool)
    first[1:] = gram[1:] != gram[:-1]
    grams = gram[first]  # the left side's n-grams, each once, in order
    number = np.cumsum(first) - 1  # of each left entry's n-gram
    gram_r, unit_r = np.divmod(keys_r, width)
    at = np.minimum(np.searchsorted(grams, gram_r), max(len(grams) - 1, 0))
    on_both = grams[at] == gram_r if len(grams) else np.zeros(len(gram_r), dtype=bool)
    held = np.zeros(len(grams), dtype=bool)
    held[at[on_both]] = True
    keep = held[number]
    base = o << ORDER_SHIFT
    # units and counts are small: 32 bits halve what a block holds besides its keys
    left.append((unit[keep].astype(np.int32), number[keep] + base,
                 count[keep].astype(np.int32)))
    right.append((unit_r[on_both].astype(np.int32), at[on_both] + base,
                  count_r[on_both].astype(np.int32)))


class Entries:
    """One side's entries of a block (see ``_number_shared``; one part per order), unit
    after unit, each unit's by key, for the matches of spans of its units (``Spans.matches``)."""

    def __init__(self, parts: Sequence[tuple[Ints, Ints, Ints]], lo: int, hi: int) -> None:
        place = np.concatenate([u for u, _, _ in parts]) - lo
        # keys rise order by order and, within an order, along each part: a stable sort
        # by unit leaves each unit's keys in order (on 16 bits numpy sorts by radix, 9×
        # faster than a merge sort of 64-bit integers)
        by_unit = np.argsort(place.astype(np.uint16) if hi - lo < 2**16 else place,
                             kind="stable")
        self.keys: Ints = np.concatenate([k for _, k, _ in parts])[by_unit]
        self.counts: Ints = np.concatenate([c for _, _, c in parts])[by_unit]
        self.lo, self.hi = lo, hi
        # where each unit's entries start
        self.at: list[int] = [0, *itertools.accumulate(
            np.bincount(place, minlength=hi - lo).tolist())]

    def entries(self, lo: int, hi: int) -> tuple[Ints, Ints]:
        """Keys and counts of units lo..hi-1, unit after unit (a key may come again)."""
        a, b = self.at[lo - self.lo], self.at[hi - self.lo]
        return self.keys[a:b], self.counts[a:b]


class Spans:
    """The matches of merged spans of a block's units, exactly chrF's (``profiles.matches``
    of the spans' profiles), from each side's ``Entries``: no n-gram is extracted again."""

    def __init__(self, left: Entries, right: Entries, orders: int) -> None:
        self.left, self.right, self.orders = left, right, orders

    def covers(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """Are left units i0..i1-1 and right units j0..j1-1 all in the block?"""
        return (self.left.lo <= i0 and i1 <= self.left.hi
                and self.right.lo <= j0 and j1 <= self.right.hi)

    def matches(self, i0: int, i1: int, j0: int, j1: int) -> list[int]:
        """Per-order matches of left units i0..i1-1 taken together with right units
        j0..j1-1.

        Both sides' counts are added up onto one list of distinct keys (a one-unit side's
        own keys, else those of the left span), each side's by one binary search."""
        keys_l, counts_l = self.left.entries(i0, i1)
        keys_r, counts_r = self.right.entries(j0, j1)
        if not len(keys_l) or not len(keys_r):
            return [0] * self.orders
        if i1 - i0 == 1:
            keys, on_keys = keys_l, (counts_l, _onto(keys_l, keys_r, counts_r))
        elif j1 - j0 == 1:
            keys, on_keys = keys_r, (_onto(keys_r, keys_l, counts_l), counts_r)
        else:
            keys = np.sort(keys_l)
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # each once
            on_keys = (_onto(keys, keys_l, counts_l), _onto(keys, keys_r, counts_r))
        shared = np.minimum(*on_keys)
        out: list[int] = np.bincount(keys >> ORDER_SHIFT, weights=shared,
                                     minlength=self.orders).astype(np.int64).tolist()
        return out


def _onto(keys: Ints, other: Ints, counts: Ints) -> Ints:
    """``counts`` of the keys ``other`` added up onto the distinct sorted ``keys`` (those
    of ``other`` not among them dropped); ``keys`` is not empty."""
    at = np.minimum(np.searchsorted(keys, other), len(keys) - 1)
    hit = keys[at] == other
    return np.bincount(at[hit], weights=counts[hit], minlength=len(keys))


def gram_votes(left: Profiles, right: Profiles, box: tuple[int, int, int, int],
               weight: float) -> tuple[dict[tuple[int, int], float],
                                       dict[tuple[int, int], float]]:
    """``weight`` for each sampled anchor-order n-gram (``Profiles.sampled_grams``) found
    exactly once in left units i0..i1-1 and once in right units j0..j1-1 of ``box``, added
    to the unit pair that holds it; then the same for those found as often on both sides
    but more than once, the k-th place with the k-th: what ``anchors`` tallies one unit at
    a time, here in a few sorts. n-grams are exact integers (no hashes): characters as
    ranks in the box's alphabet, or, where six of them would not fit in 63 bits, pairs of
    numbered 3-grams."""
    i0, i1, j0, j1 = box
    code_l, unit_l, at_l = _sampled(left, i0, i1)
    code_r, unit_r, at_r = _sampled(right, j0, j1)
    # each character's rank in the alphabet, by a table over the code points
    present = np.bincount(np.concatenate((code_l, code_r))) > 0
    rank = np.cumsum(present) - 1
    size = int(rank[-1]) + 1 if len(rank) else 1
    rank_l, rank_r = rank[code_l], rank[code_r]

    def part(rank: Ints, at: Ints, k: int) -> Ints:  # the 3-gram at ``at`` + k, as a number
        return (rank[at + k] * size + rank[at + k + 1]) * size + rank[at + k + 2]

    parts = [part(rank_l, at_l, 0), part(rank_l, at_l, 3),
             part(rank_r, at_r, 0), part(rank_r, at_r, 3)]
    room = size ** 3
    if room * room >= ROOM:  # number the 3-grams densely first
        numbers, dense = np.unique(np.concatenate(parts), return_inverse=True)
        room = len(numbers)
        parts = np.split(dense.ravel().astype(np.int64), np.cumsum([len(x) for x in parts[:3]]))
    keys_l, units_l = _placed(parts[0] * room + parts[1], unit_l)
    keys_r, units_r = _placed(parts[2] * room + parts[3], unit_r)
    # the k-th place of an n-gram on the left with its k-th on the right, where it has as
    # many on both sides (see ``anchors._tally``)
    distinct_l, first_l, count_l = _valid(keys_l, units_l)
    distinct_r, first_r, count_r = _valid(keys_r, units_r)
    _, in_l, in_r = np.intersect1d(distinct_l, distinct_r, assume_unique=True,
                                   return_indices=True)
    same = count_l[in_l] == count_r[in_r]
    start_l, start_r, count = first_l[in_l][same], first_r[in_r][same], count_l[in_l][same]
    width = j1 + 1
    out: list[dict[tuple[int, int], float]] = []
    for repeated in (count == 1, count > 1):
        starts_l, starts_r, n = start_l[repeated], start_r[repeated], count[repeated]
        step = np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
        pairs, counts = np.unique(units_l[np.repeat(starts_l, n) + step] * width
                                  + units_r[np.repeat(starts_r, n) + step], return_counts=True)
        out.append({(p // width, p % width): weight * c
                    for p, c in zip(pairs.tolist(), counts.tolist(), strict=True)})
    return out[0], out[1]


def _sampled(profiles: Profiles, lo: int, hi: int) -> tuple[Ints, Ints, Ints]:
    """The code points of units lo..hi-1 (end to end), and for each sampled anchor-order
    n-gram its unit and where it starts: a start whose code point has the parity of the
    one three places on, as ``Profiles.sampled_grams`` picks them."""
    code = np.frombuffer("".join(profiles.texts[lo:hi]).encode("utf-32-le", "surrogatepass"),
                         dtype=np.uint32).astype(np.int64)
    lengths = np.asarray(profiles.lengths[lo:hi], dtype=np.int64)
    ends = np.repeat(np.cumsum(lengths), lengths)  # where each character's unit ends
    starts = max(len(code) - ANCHOR_ORDER + 1, 0)
    at = np.flatnonzero(np.arange(starts) + ANCHOR_ORDER <= ends[:starts])  # n-gram in unit
    at = at[((code[at] ^ code[at + 3]) & 1) == 0]
    unit = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths)[at]
    return code, unit, at


def _placed(keys: Ints, unit: Ints) -> tuple[Ints, Ints]:
    """The keys sorted, each with its unit, the places of one key in reading order."""
    order = np.argsort(keys, kind="stable")
    return keys[order], unit[order]


def _valid(keys: Ints, units: Ints) -> tuple[Ints, Ints, Ints]:
    """The distinct keys of sorted ``keys`` that no unit holds twice, with where each one's
    places start and how many it has."""
    distinct, first, count = np.unique(keys, return_index=True, return_counts=True)
    twice = keys[1:][(keys[1:] == keys[:-1]) & (units[1:] == units[:-1])]
    ok = ~np.isin(distinct, twice, assume_unique=False)
    return distinct[ok], first[ok], count[ok]
