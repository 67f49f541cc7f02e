"""The similarity of spans of units, the link cost learnt for one pair of documents, and the
dynamic programme over them.

A link's cost is ``cost.Model``'s: chrF similarity (shared fact keys counted as extra
n-gram orders) rescaled by what chance gives in this pair, a length term and an n·m weight.
Leaving a unit out costs ``deletion``, a percentile of the 1-1 costs of the anchor pairs of
this very pair of documents. The DP's moves are a small table of kinds (``Move``): a unit
left alone on either side, 1-1, 1-n and n-1 links, n-m links such as 2-2, and a swap of
two neighbours. A merge is only tried when each merged unit finds its n-grams in the other
side.
"""

from __future__ import annotations

import enum
import itertools
import math
import random
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..workers import NO_WORKERS, may_spread, worker_pool
from .cost import CLEARLY, FACT_ORDERS, LEAST_CHANCE, SLOPE_CEILING, Model, span_weight
from .profiles import BETA2, Profiles, chrf_bounded, chrf_from, chrf_pair, matches, shared

if TYPE_CHECKING:
    from .bulk import Band, Bulk, Spans

DELETION_PERCENTILE = 0.8  # of the costs of anchored 1-1 links
DELETION_FLOOR = 0.5  # bounds keep the percentile sane on tiny or odd documents
DELETION_CEILING = 1.2
SAMPLE = 250  # random span pairs drawn to learn what chance similarity is
MERGE_CONTAINED = 0.2  # share of a merged unit's n-grams the other side must hold
LIST_UNITS = 3  # from this many units on a side, one may fall short (a list's lead-in)
KEEP = 64  # rows of profiles kept behind the DP's current row
SWAP_CHARGE = 0.1  # a swap must beat the monotone reading by this much
SURE = 1e-9  # a bound must miss by this much to settle a test (float rounding aside)
BULK_UNITS = 1000  # from this many units in a pair, a DP block's matches are counted in bulk

Cell = tuple[int, int]
Caches = tuple[dict[tuple[int, int], tuple[int, ...]], dict[tuple[int, int], tuple[float, float]],
               dict[tuple[int, int, int, int], tuple[float, float]]]


class Kind(enum.Enum):
    """What a move of the DP does."""

    LEFT_ALONE = "1-0"  # a left unit without counterpart
    RIGHT_ALONE = "0-1"
    ONE_ONE = "1-1"
    ONE_MANY = "1-n"  # a unit rendered as several (a paragraph as a list)
    MANY_ONE = "n-1"
    MANY_MANY = "n-m"  # 2-2 and wider: sentences regrouped across a border
    SWAP = "swap"  # two neighbouring 1-1 links given in the opposite order


class Move(NamedTuple):
    """A move of the DP: ``di`` left and ``dj`` right units taken, as ``kind``."""

    di: int
    dj: int
    kind: Kind

    @property
    def merged(self) -> bool:
        """A link of more than one unit on a side (priced with floors and ``merge_ok``)."""
        return self.kind in (Kind.ONE_MANY, Kind.MANY_ONE, Kind.MANY_MANY)


def make_moves(max_span: int) -> list[Move]:
    """The moves of the DP, in the order they are tried (the first of equal costs wins):
    1-0, 0-1, then every n-m link with n + m ≤ max_span by size, then the swap."""
    moves = [Move(1, 0, Kind.LEFT_ALONE), Move(0, 1, Kind.RIGHT_ALONE)]
    for size in range(2, max(max_span, 2) + 1):
        for di in range(1, size):
            dj = size - di
            kind = (Kind.ONE_ONE if di == dj == 1 else Kind.ONE_MANY if di == 1
                    else Kind.MANY_ONE if dj == 1 else Kind.MANY_MANY)
            moves.append(Move(di, dj, kind))
    moves.append(Move(2, 2, Kind.SWAP))
    return moves


class Step(NamedTuple):
    """An entry of an alignment path: left units i0..i1-1 with right units j0..j1-1, and
    the link's similarity (None for units left alone, one side empty)."""

    i0: int
    i1: int
    j0: int
    j1: int
    sim: float | None


class Scorer:
    """Link costs for one pair of documents, calibrated on the documents themselves."""

    def __init__(self, lp: Profiles, rp: Profiles, lkeys: Sequence[Collection[str]],
                 rkeys: Sequence[Collection[str]]) -> None:
        self.lp, self.rp = lp, rp
        self.orders = lp.orders  # n-gram orders averaged
        # per-order matches of unit pairs, kept for the whole run like ``_one``: four
        # numbers a pair, where the profiles they come from are dropped behind the DP
        self._pair_matches: dict[tuple[int, int], tuple[int, ...]] = {}
        # 1-1 (cost, similarity), kept for the whole run: a few per corridor cell, and the
        # repair steps look most of them up again after the DP has dropped the profiles
        self._one: dict[tuple[int, int], tuple[float, float]] = {}
        self.known: dict[tuple[int, int, int, int], tuple[float, float]] = {}  # path links
        left_df: dict[str, int] = {}
        right_df: dict[str, int] = {}
        for keys, df in ((lkeys, left_df), (rkeys, right_df)):
            for ks in keys:
                for k in ks:
                    df[k] = df.get(k, 0) + 1
        # a key only on one side cannot match: dropping it keeps noisy extraction harmless
        self.weight = {k: 1.0 / max(c, right_df[k]) for k, c in left_df.items() if k in right_df}
        self.lkeys = [frozenset(k for k in ks if k in self.weight) for ks in lkeys]
        self.rkeys = [frozenset(k for k in ks if k in self.weight) for ks in rkeys]
        total_l, total_r = sum(lp.lengths) or 1, sum(rp.lengths) or 1
        # chance is 0 until fitted (``_chance`` weighs similarities, not costs)
        self.model = Model(lp.orders, 0.0, 0.0, 0.0, math.log(total_l / total_r))
        self.contain_min = MERGE_CONTAINED
        self.bulk = len(lp) + len(rp) >= BULK_UNITS  # a long pair is matched in bulk
        self._bulk: Bulk | None = None
        self._spans: Spans | None = None  # the n-grams of the last DP block counted in bulk
        self._chance_of: dict[int, float] = {}  # chance by length
        self.model = self._chance()
        self._left_chars, self._right_chars = lp.cumulative[0], rp.cumulative[0]

    @property
    def deletion(self) -> float:
        """The cost of leaving one unit alone (see ``calibrate``)."""
        return self.model.deletion

    def _chance(self) -> Model:
        """How similar unrelated spans of this pair are, as a + b·log(length): a line fitted to
        random span pairs of 1..3 units a side. Longer text shares more n-grams by chance,
        and a merged span must not look better just for being longer.
        """
        n, m = len(self.lp), len(self.rp)
        rng = random.Random(n * 7919 + m)
        xs: list[float] = []
        ys: list[float] = []
        # short texts (the sentences of one link) have few span pairs: each is scored once
        scored: dict[tuple[int, int, int, int], tuple[float, float]] = {}
        for _ in range(SAMPLE if n * m > 4 else 0):
            a, b = rng.randint(1, min(3, n)), rng.randint(1, min(3, m))
            i, j = rng.randrange(n - a + 1), rng.randrange(m - b + 1)
            got = scored.get((i, a, j, b))
            if got is None:
                got = (math.log(self.lp.length(i, i + a) + self.rp.length(j, j + b) + 2),
                       self.similarity(i, i + a, j, j + b))
                scored[(i, a, j, b)] = got
            xs.append(got[0])
            ys.append(got[1])
        if len(xs) < 10:
            return self.model
        ys_sorted = sorted(ys)
        floor = ys_sorted[len(ys_sorted) // 4]  # short units: the line fit is poor
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
        slope = min(max(slope, 0.0), SLOPE_CEILING)
        return self.model._replace(chance_at=my - slope * mx, chance_slope=slope,
                                   chance_floor=floor)

    def chance(self, length: int) -> float:
        """Expected similarity of unrelated spans of this total length (``Model.chance``,
        kept by length)."""
        got = self._chance_of.get(length)
        if got is None:
            got = self._chance_of[length] = self.model.chance(length)
        return got

    def calibrate(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Set the deletion cost from the 1-1 costs of likely pairs (the anchors)."""
        if len(pairs) < 5:
            return
        rng = random.Random(len(pairs))
        sample = list(pairs) if len(pairs) <= SAMPLE else rng.sample(list(pairs), SAMPLE)
        costs = sorted(self.cost(i, i + 1, j, j + 1)[0] for i, j in sample)
        at = costs[min(len(costs) - 1, int(DELETION_PERCENTILE * len(costs)))]
        self.model = self.model._replace(deletion=min(max(at, DELETION_FLOOR), DELETION_CEILING))

    def _keys(self, keys: Sequence[frozenset[str]], lo: int, hi: int) -> frozenset[str]:
        if hi - lo == 1:
            return keys[lo]
        out: frozenset[str] = frozenset()
        for k in keys[lo:hi]:
            if k:
                out = out | k
        return out

    def fact_share(self, i0: int, i1: int, j0: int, j1: int) -> float | None:
        """F-score (β = 1) of the weighted keys two spans share; None when a side has none."""
        a = self._keys(self.lkeys, i0, i1)
        b = self._keys(self.rkeys, j0, j1)
        if not a or not b:
            return None
        w = self.weight
        # fsum: exact, so the order of a set (string hashes, random per process) cannot
        # change the last bit, nor a link in a worker process started without fork
        shared = math.fsum(w[k] for k in a & b)
        if not shared:
            return 0.0
        return 2 * shared / (math.fsum(w[k] for k in a) + math.fsum(w[k] for k in b))

    def with_facts(self, sim: float, facts: float) -> float:
        """chrF with the shared-fact share counted as more orders (``Model.with_facts``)."""
        return self.model.with_facts(sim, facts)  # type: ignore[no-any-return]

    def length_term(self, len_a: int, len_b: int) -> float:
        """What a length ratio unlike the document's adds (``Model.length_term``)."""
        return self.model.length_term(len_a, len_b)  # type: ignore[no-any-return]

    def price(self, sim: float, la: int, lb: int, weight: float) -> float:
        """``Model.priced`` of a link of similarity ``sim`` between spans of ``la`` and
        ``lb`` characters (chance kept by length)."""
        return self.model.priced(  # type: ignore[no-any-return]
            sim, self.chance(la + lb), self.model.length_term(la, lb), weight)

    def bound(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """A lower bound of ``cost`` from lengths alone, to skip hopeless candidates: chrF
        as if every n-gram of the shorter side were shared, facts as if all were shared."""
        la = self._left_chars[i1] - self._left_chars[i0]
        lb = self._right_chars[j1] - self._right_chars[j0]
        ceiling = 0.0
        if la and lb:
            p = lb / la if lb < la else 1.0
            r = la / lb if la < lb else 1.0
            ceiling = (1.0 + BETA2) * p * r / (BETA2 * p + r)  # fscore, without the call
        return self.price(self.model.with_facts(ceiling, 1.0), la, lb,
                          span_weight(i1 - i0, j1 - j0))

    def pair_matches(self, i: int, j: int) -> tuple[int, ...]:
        """Per-order matches of left unit i with right unit j (cached)."""
        got = self._pair_matches.get((i, j))
        if got is None:
            got = matches(self.lp.unit(i), self.rp.unit(j))
            self._pair_matches[(i, j)] = got
        return got

    def bulk_floors(self, i_first: int, i_last: int, lo: Sequence[int], hi: Sequence[int],
                    moves: Sequence[Move]) -> list[list[list[float]]]:
        """Count at once (see ``bulk``) the matches of every unit pair a move of the DP
        block from row ``i_first`` to row ``i_last`` may weigh, for ``pair_matches`` to find
        cached, and return the floors of the merged links' costs (``Bulk.merge_floors``).

        A link, merge or swap of the block weighs left unit q against right units from the
        corridor's start max_span - 2 rows before row q to its end max_span - 1 rows after;
        a unit pair outside that is matched one by one if some repair step asks for it."""
        from .bulk import Bulk  # numpy: imported for long pairs only

        if self._bulk is None:
            self._bulk = Bulk(self.lp, self.rp)
        self._spans = None  # the last block's, dropped before this one's are counted
        links = [m for m in moves if m.kind is not Kind.SWAP]  # a swap weighs 1-1 pairs
        reach = max(m.di + m.dj for m in links) - 1
        rows = range(i_first, i_last)
        band = self._bulk.matches(
            rows, [min(lo[max(q - reach + 1, i_first):q + 1]) for q in rows],
            [max(hi[q + 1:min(q + reach, i_last) + 1]) - 1 for q in rows])
        self._pair_matches.update(band.as_dict())
        self._spans = band.spans
        self._fill_ones(band, lo, hi)
        return self._bulk.merge_floors(band, range(i_first + 1, i_last + 1), lo, hi,
                                       [(m.di, m.dj) for m in links], self.model)

    @property
    def ones(self) -> dict[tuple[int, int], tuple[float, float]]:
        """The 1-1 (cost, similarity) known so far, by unit pair (see ``cost_one``)."""
        return self._one

    def _fill_ones(self, band: Band, lo: Sequence[int], hi: Sequence[int]) -> None:
        """``cost_one`` of the unit pairs of a band that the 1-1 moves into corridor row
        i + 1 weigh, for left unit i: chrF counted in bulk, shared facts added pair by pair
        where both units have keys, and the cost by ``Model.cost`` on whole arrays (the
        same doubles as ``cost_one``, tested), in one pass instead of one call a cell."""
        import numpy as np

        from .bulk import ARRAY

        assert self._bulk is not None
        i, j = band.cells()
        lo_a, hi_a = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64)
        want = (j >= lo_a[i + 1] - 1) & (j <= hi_a[i + 1] - 1)
        sims = self._bulk.chrfs(band)[want]
        i, j = i[want], j[want]
        keyed_l = np.fromiter(map(bool, self.lkeys), dtype=bool, count=len(self.lkeys))
        keyed_r = np.fromiter(map(bool, self.rkeys), dtype=bool, count=len(self.rkeys))
        for k in np.flatnonzero(keyed_l[i] & keyed_r[j]).tolist():
            a, b = int(i[k]), int(j[k])
            facts = self.fact_share(a, a + 1, b, b + 1)
            assert facts is not None
            sims[k] = self.model.with_facts(float(sims[k]), facts)
        la = np.asarray(self.lp.lengths, dtype=np.int64)[i]
        lb = np.asarray(self.rp.lengths, dtype=np.int64)[j]
        costs = self.model.cost(sims, la, lb, 1.0, ARRAY)
        one = self._one
        for a, b, c, sim in zip(i.tolist(), j.tolist(), costs.tolist(), sims.tolist(),
                                strict=True):
            if (a, b) not in one:
                one[(a, b)] = (c, sim)

    def _summed_top(self, i0: int, i1: int, j0: int, j1: int,
                    budget: float = math.inf, cost_of: Callable[[float], float] | None = None,
                    ) -> float:
        """chrF of two spans from the summed 1-1 matches of their unit pairs: a ceiling, since
        a span pair matches no more n-grams than its unit pairs do together.

        With ``cost_of`` (top → cost), pairs not matched yet are first taken to match all
        the n-grams of their smaller side, which needs no profiles; when even that costs
        ``budget`` or more, that looser ceiling is returned and nothing is matched."""
        known = self._pair_matches
        block = [known.get((i, j)) for i in range(i0, i1) for j in range(j0, j1)]
        span_a, span_b = self.lp.totals(i0, i1), self.rp.totals(j0, j1)
        if None in block:
            if cost_of is not None:
                loose = [m if m is not None else
                         tuple(map(min, self.lp.totals(i, i + 1), self.rp.totals(j, j + 1)))
                         for m, (i, j) in zip(block, _cells(i0, i1, j0, j1), strict=True)]
                top = chrf_from(list(map(sum, zip(*loose, strict=True))), span_a, span_b)
                if cost_of(top) >= budget + SURE:
                    return top
            block = [m if m is not None else self.pair_matches(i, j)
                     for m, (i, j) in zip(block, _cells(i0, i1, j0, j1), strict=True)]
        return chrf_from(list(map(sum, zip(*block, strict=True))), span_a, span_b)

    def merged_bound(self, i0: int, i1: int, j0: int, j1: int,
                     budget: float = math.inf) -> float:
        """A lower bound of a merged link's cost, from ``_summed_top``.

        Shared facts are first taken as perfect; only when that bound is under ``budget``
        are they looked up."""
        model = self.model
        la, lb = self.lp.length(i0, i1), self.rp.length(j0, j1)
        chance, extra = self.chance(la + lb), model.length_term(la, lb)
        weight = span_weight(i1 - i0, j1 - j0)

        def best_case(top: float) -> float:
            return model.priced(  # type: ignore[no-any-return]
                model.with_facts(top, 1.0), chance, extra, weight)

        top = self._summed_top(i0, i1, j0, j1, budget, best_case)
        c = best_case(top)
        if c >= budget:
            return c
        facts = self.fact_share(i0, i1, j0, j1)
        if facts is not None:
            top = model.with_facts(top, facts)
        return model.priced(top, chance, extra, weight)  # type: ignore[no-any-return]

    def merged_ceiling(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The highest similarity a merged link can have (see ``_summed_top``): a look-up
        once the DP has met its unit pairs."""
        top = self._summed_top(i0, i1, j0, j1)
        facts = self.fact_share(i0, i1, j0, j1)
        return top if facts is None else self.with_facts(top, facts)

    def found_shares(self, u: int, lo: int, hi: int, left: bool) -> list[float | None]:
        """Order by order, the share of unit u's n-grams found in units lo..hi-1 of the other
        side (from the cached 1-1 matches, so a ceiling when several hold one); None for
        an order u has no n-grams of."""
        found = [0] * self.orders
        for v in range(lo, hi):
            got = self.pair_matches(u, v) if left else self.pair_matches(v, u)
            for o, x in enumerate(got):
                found[o] += x
        totals = (self.lp if left else self.rp).totals(u, u + 1)  # no profile needed
        return [min(f / t, 1.0) if t else None for f, t in zip(found, totals, strict=True)]

    def contained(self, u: int, lo: int, hi: int, left: bool) -> float:
        """Mean over orders of ``found_shares``."""
        shares = [x for x in self.found_shares(u, lo, hi, left) if x is not None]
        return sum(shares) / len(shares) if shares else 0.0

    def merge_ok(self, i0: int, i1: int, j0: int, j1: int) -> bool:
        """Does every unit of a merged side find its n-grams in the other side?

        A long link can swallow an unrelated neighbour at little cost; a unit that is truly
        part of a merge (a sentence split in two, a bullet of a list) has a good share of
        its n-grams in the other side, measured as the mean over orders of the share found.
        """
        for lo, hi, o_lo, o_hi, left in ((i0, i1, j0, j1, True), (j0, j1, i0, i1, False)):
            if hi - lo < 2:
                continue
            # a list may have one lead-in line worded apart (以下のような利点を生む:)
            weak = sum(1 for u in range(lo, hi)
                       if self.contained(u, o_lo, o_hi, left) < self.contain_min)
            if weak > (1 if hi - lo >= LIST_UNITS else 0):
                return False
        return True

    def added_share(self, u: int, left: bool, own: tuple[int, int],
                    other: tuple[int, int]) -> float:
        """Share of unit u's n-grams of the top order that first find a counterpart in span
        ``other`` of the other side when u joins span ``own`` of its side (next to u, maybe
        empty): the matches of the grown span less those of ``own``, over u's n-grams.

        Unlike a span's chrF, this says where a unit's words went: a sentence cut at a
        different place on each side leaves its tail with the link that holds its words.
        Four-grams say it alone; shorter ones are shared by any two sentences.
        """
        top = self.orders - 1
        mine, theirs = (self.lp, self.rp) if left else (self.rp, self.lp)
        total = mine.totals(u, u + 1)[top]
        if not total:
            return 0.0
        lo, hi = own
        span = theirs.span(*other).order(top)
        found = shared(mine.span(min(lo, u), max(hi, u + 1)).order(top), span)
        if hi > lo:
            found -= shared(mine.span(lo, hi).order(top), span)
        return found / total

    def share_ceiling(self, u: int, left: bool, other: tuple[int, int]) -> float:
        """An upper bound of ``added_share`` of unit u against span ``other``: the share of
        u's top-order n-grams found there at all (``found_shares``, no profile needed)."""
        return self.found_shares(u, *other, left)[self.orders - 1] or 0.0

    def caches(self) -> Caches:
        """What the scorer has learnt of the pair, for a scorer in another process."""
        return self._pair_matches, self._one, self.known

    def clear(self) -> None:
        """Forget the cached matches and costs (see ``caches``)."""
        self._pair_matches, self._one, self.known = {}, {}, {}

    def adopt(self, caches: Caches) -> None:
        """Take on what a scorer in another process learnt (see ``caches``)."""
        pair_matches, one, known = caches
        self._pair_matches.update(pair_matches)
        self._one.update(one)
        self.known.update(known)

    def forget_before(self, i: int, j: int) -> None:
        """Drop the profiles of units before left i and right j (the 1-1 matches and
        costs stay: they are small, and repair asks for them again)."""
        self.lp.forget_before(i)
        self.rp.forget_before(j)

    def similarity(self, i0: int, i1: int, j0: int, j1: int, need: float = 0.0) -> float:
        """chrF of the two spans, with shared keys counted as extra orders when there are any.

        With ``need``, a result below it may be a mere lower bound (see ``chrf_bounded``).
        """
        facts = self.fact_share(i0, i1, j0, j1)
        if i1 - i0 == 1 and j1 - j0 == 1:
            sim = chrf_from(self.pair_matches(i0, j0), self.lp.totals(i0, i1),
                            self.rp.totals(j0, j1))
        elif facts is None:
            return self._span_chrf(i0, i1, j0, j1, need)
        else:
            need_chrf = (((self.orders + FACT_ORDERS) * need - FACT_ORDERS * facts) / self.orders
                         if need else 0.0)
            sim = self._span_chrf(i0, i1, j0, j1, max(need_chrf, 0.0))
        return sim if facts is None else self.with_facts(sim, facts)

    def _span_chrf(self, i0: int, i1: int, j0: int, j1: int, need: float) -> float:
        """chrF of two spans, at least one of several units: from the n-grams the last DP
        block counted in bulk when it holds both spans (the same figure, without
        extracting them again), else from the units' profiles."""
        spans = self._spans
        if spans is not None and spans.covers(i0, i1, j0, j1):
            return chrf_bounded(self.lp.totals(i0, i1), self.rp.totals(j0, j1),
                                spans.matches(i0, i1, j0, j1).__getitem__, need)
        return chrf_pair(self.lp.span(i0, i1), self.rp.span(j0, j1), need)

    def cost(self, i0: int, i1: int, j0: int, j1: int,
             budget: float = math.inf) -> tuple[float, float]:
        """(cost, similarity) of linking left units i0..i1-1 with right units j0..j1-1.

        A cost above ``budget`` is not wanted: past it the result may be only a lower
        bound, which is enough to reject the link.
        """
        n, m = i1 - i0, j1 - j0
        if n == 1 and m == 1:
            return self.cost_one(i0, j0)
        model = self.model
        la, lb = self.lp.length(i0, i1), self.rp.length(j0, j1)
        weight = span_weight(n, m)
        chance, extra = self.chance(la + lb), model.length_term(la, lb)
        need = model.needed(budget, chance, extra, weight) if budget < math.inf else 0.0
        sim = self.similarity(i0, i1, j0, j1, need)
        return model.priced(sim, chance, extra, weight), sim

    def cost_one(self, i: int, j: int) -> tuple[float, float]:
        """(cost, similarity) of linking left unit i with right unit j, exact and cached:
        the DP asks for it again for each swap next to the cell, repair after the DP."""
        got = self._one.get((i, j))
        if got is None:
            sim = self.similarity(i, i + 1, j, j + 1)
            got = (self.price(sim, self.lp.lengths[i], self.rp.lengths[j], 1.0), sim)
            self._one[(i, j)] = got
        return got


def _cells(i0: int, i1: int, j0: int, j1: int) -> Iterator[tuple[int, int]]:
    """The unit pairs of a span pair, row by row."""
    return ((i, j) for i in range(i0, i1) for j in range(j0, j1))


Detail = tuple[float, ...]  # what a move into a cell found: (sim, cost), or a swap's two


def run_dp(scorer: Scorer, lo: Sequence[int], hi: Sequence[int], max_span: int,
           start: Cell = (0, 0), end: Cell | None = None, *, alike: float = 0.0,
           ) -> list[Step]:
    """Cheapest monotone path through the corridor (row i: columns lo[i]..hi[i]) from cell
    ``start`` to cell ``end`` (by default the corridor's last cell), over the moves of
    ``make_moves``, each kind priced by its own function of the table below.

    With ``alike``, a 1-1 link less alike than ``alike`` times chance costs more than its
    two units left alone (``repair.match_gaps`` solves a gap so)."""
    i_first, j_first = start
    i_last, j_last = end if end is not None else (len(lo) - 1, hi[-1])
    # the corridor cut to the rectangle between the two cells (rows outside it are not read)
    lo, hi = list(lo), list(hi)
    for r in range(i_first, i_last + 1):
        lo[r], hi[r] = max(lo[r], j_first), min(hi[r], j_last)
    lo[i_first], hi[i_last] = j_first, j_last
    moves = make_moves(max_span)
    floors = scorer.bulk_floors(i_first, i_last, lo, hi, moves) if scorer.bulk else None
    inf = math.inf
    deletion = scorer.deletion
    bound, merged_bound, merge_ok, cost, cost_one = (
        scorer.bound, scorer.merged_bound, scorer.merge_ok, scorer.cost, scorer.cost_one)
    floor: list[float] | None = None  # the current cell's floors of merged links, by move
    known_ones = scorer.ones

    # Each returns the cost of reaching cell (i, j) by move k from cell (pi, pj), reached
    # at ``before``, with what backtracking needs; ``inf`` once it cannot beat ``best``.
    def alone(k: int, pi: int, pj: int, i: int, j: int, before: float,
              best: float) -> tuple[float, Detail]:
        return before + deletion, ()

    def one_one(k: int, pi: int, pj: int, i: int, j: int, before: float,
                best: float) -> tuple[float, Detail]:
        got = known_ones.get((pi, pj))  # a long pair's are counted in bulk
        if got is None:
            if before + bound(pi, i, pj, j) >= best:
                return inf, ()
            got = cost_one(pi, pj)
        step, sim = got
        if alike and sim < alike * max(scorer.chance(scorer.lp.lengths[pi]
                                                     + scorer.rp.lengths[pj]), LEAST_CHANCE):
            step = max(step, 2 * deletion + SURE)
        return before + step, (sim, step)

    def merged(k: int, pi: int, pj: int, i: int, j: int, before: float,
               best: float) -> tuple[float, Detail]:
        # with floors of merged links (counted in bulk, never below ``bound``), the loop
        # below has already tried this cell's floor, which settles most cells alone
        if floor is None and before + bound(pi, i, pj, j) >= best:
            return inf, ()
        if (before + merged_bound(pi, i, pj, j, best - before) >= best
                or not merge_ok(pi, i, pj, j)):
            return inf, ()
        step, sim = cost(pi, i, pj, j, best - before)
        return before + step, (sim, step)

    def swap(k: int, pi: int, pj: int, i: int, j: int, before: float,
             best: float) -> tuple[float, Detail]:
        # pi ↔ j-1 and pi+1 ↔ pj: two neighbours given in the opposite order
        if before + SWAP_CHARGE >= best:
            return inf, ()
        c1, s1 = cost_one(pi, pj + 1)
        if before + c1 + SWAP_CHARGE >= best:
            return inf, ()
        c2, s2 = cost_one(pi + 1, pj)
        if (before + c1 + c2 + SWAP_CHARGE >= best
                or min(s1, s2) < CLEARLY * scorer.chance(
                    scorer.lp.length(pi, i) + scorer.rp.length(pj, j))):
            return inf, ()
        return before + c1 + c2 + SWAP_CHARGE, (s1, c1, s2, c2)

    price = {Kind.LEFT_ALONE: alone, Kind.RIGHT_ALONE: alone, Kind.ONE_ONE: one_one,
             Kind.ONE_MANY: merged, Kind.MANY_ONE: merged, Kind.MANY_MANY: merged,
             Kind.SWAP: swap}
    plan = [(k, m.di, m.dj, price[m.kind], price[m.kind] is merged)
            for k, m in enumerate(moves)]
    costs: list[list[float]] = [[]] * i_first  # rows before the block: never read
    backs: list[bytearray] = [bytearray()] * i_first
    details: dict[tuple[int, int], Detail] = {}  # the chosen link's, or swap's
    for i in range(i_first, i_last + 1):
        row_lo, row_hi = lo[i], hi[i]
        row = [inf] * (row_hi - row_lo + 1)
        back = bytearray(row_hi - row_lo + 1)
        costs.append(row)
        backs.append(back)
        if i > KEEP and i % KEEP == 0:
            scorer.forget_before(i - KEEP, max(lo[i - KEEP] - KEEP, 0))
        row_floors = floors[i - i_first - 1] if floors is not None and i > i_first else None
        for j in range(row_lo, row_hi + 1):
            if i == i_first and j == j_first:
                row[0] = 0.0
                continue
            best, arg = inf, 0
            chosen: Detail = ()
            floor = row_floors[j - row_lo] if row_floors is not None else None
            for k, di, dj, priced, merges in plan:
                pi, pj = i - di, j - dj
                if pi < i_first or pj < lo[pi] or pj > hi[pi]:
                    continue
                before = costs[pi][pj - lo[pi]]
                if before >= best:
                    continue
                # a merged link's floor, tried here: a call a cell less in most cells
                if merges and floor is not None and before + floor[k] >= best + SURE:
                    continue
                total, detail = priced(k, pi, pj, i, j, before, best)
                if total < best:
                    best, arg, chosen = total, k + 1, detail
            row[j - row_lo] = best
            back[j - row_lo] = arg
            if chosen:
                details[(i, j)] = chosen
        if i > max_span:
            costs[i - max_span - 1] = []
    return _backtrack(scorer, moves, backs, details, lo, start, (i_last, j_last))


def _backtrack(scorer: Scorer, moves: Sequence[Move], backs: Sequence[bytearray],
               details: dict[tuple[int, int], Detail], lo: Sequence[int], start: Cell,
               end: Cell) -> list[Step]:
    """The path from ``start`` to ``end`` by the moves the DP chose; each link's cost is
    kept in ``scorer.known`` for repair."""
    path: list[Step] = []
    (i_first, j_first), (i, j) = start, end
    while i != i_first or j != j_first:
        arg = backs[i][j - lo[i]]
        if not arg:
            raise RuntimeError("alignment corridor has no path")  # a bug, not user error
        move = moves[arg - 1]
        di, dj = move.di, move.dj
        if move.kind is Kind.SWAP:
            s1, c1, s2, c2 = details[(i, j)]
            path.append(Step(i - 1, i, j - 2, j - 1, s2))
            path.append(Step(i - 2, i - 1, j - 1, j, s1))
            scorer.known[(i - 1, i, j - 2, j - 1)] = (c2, s2)
            scorer.known[(i - 2, i - 1, j - 1, j)] = (c1, s1)
        elif move.kind in (Kind.LEFT_ALONE, Kind.RIGHT_ALONE):
            path.append(Step(i - di, i, j - dj, j, None))
        else:
            sim, step = details[(i, j)]
            scorer.known[(i - di, i, j - dj, j)] = (step, sim)
            path.append(Step(i - di, i, j - dj, j, sim))
        i, j = i - di, j - dj
    path.reverse()
    return path


def run_blocks(scorer: Scorer, lo: Sequence[int], hi: Sequence[int], max_span: int,
               cuts: Sequence[Cell], jobs: int = 1) -> list[Step]:
    """``run_dp`` from cut to cut (see ``anchors.cut_points``), the blocks spread over up to
    ``jobs`` processes.

    Where the blocks are cut depends on the texts only; how they are spread does not change
    any link. In a worker process, where no process can be started (a sandbox without
    semaphores) or where one dies, the blocks are run here, one after the other.
    """
    blocks = list(itertools.pairwise([(0, 0), *cuts, (len(lo) - 1, hi[-1])]))
    jobs = min(jobs, len(blocks))
    if may_spread(jobs):
        try:
            done = _spread(scorer, lo, hi, max_span, blocks, jobs)
        except NO_WORKERS:
            pass
        else:
            path: list[Step] = []
            for steps, caches in done:
                path.extend(steps)
                scorer.adopt(caches)
            return path
    return [step for start, end in blocks
            for step in run_dp(scorer, lo, hi, max_span, start, end)]


def _spread(scorer: Scorer, lo: Sequence[int], hi: Sequence[int], max_span: int,
            blocks: Sequence[tuple[Cell, Cell]], jobs: int) -> list[tuple[list[Step], Caches]]:
    """The paths of the blocks and what the workers learnt, block by block."""
    with worker_pool(jobs, _take_work, (scorer, lo, hi, max_span)) as pool:
        # longest first, so that no long block starts last
        order = sorted(range(len(blocks)), key=lambda k: blocks[k][0][0] - blocks[k][1][0])
        done = dict(zip(order, pool.map(_run_block, [blocks[k] for k in order]), strict=True))
    return [done[k] for k in range(len(blocks))]


_work: tuple[Scorer, Sequence[int], Sequence[int], int] | None = None  # in a worker process


def _take_work(scorer: Scorer, lo: Sequence[int], hi: Sequence[int], max_span: int) -> None:
    global _work
    _work = (scorer, lo, hi, max_span)


def _run_block(block: tuple[Cell, Cell]) -> tuple[list[Step], Caches]:
    assert _work is not None
    scorer, lo, hi, max_span = _work
    scorer.clear()  # what the parent knows need not go back to it
    return run_dp(scorer, lo, hi, max_span, *block), scorer.caches()
