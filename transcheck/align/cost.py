"""The cost of a link between two spans of units, written once.

A link of ``n`` left and ``m`` right units whose similarity is ``sim`` costs

    max((1 - sim) / (1 - chance(la + lb)) + length(la, lb), 0) × n·m

where ``chance`` is how alike unrelated spans of that many characters are in this pair of
documents (longer text shares more n-grams by chance), so that an unrelated link costs
about 1, and ``length`` grows with a length ratio unlike the document's. Shared fact keys
count in ``sim`` as extra n-gram orders. ``Model.below_chance`` says when a link is no
link at all (``repair.unlink_unlike`` breaks such links after the DP).

Every path that prices a link calls this module: the DP's exact costs (``dp.Scorer``), its
lower bounds (a ceiling similarity through the same formula) and the floors and 1-1 costs
counted in bulk over a band of the corridor (``bulk``, numpy). The formula takes its
``log``, ``maximum`` and ``minimum`` from an ``Ops``, so one text serves Python floats and
numpy arrays alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

LENGTH_SMOOTH = 8  # characters added to both lengths: short units vary most
LENGTH_WEIGHT = 0.3  # per unit of |log length ratio| away from the document's ratio
FACT_ORDERS = 1.0  # shared keys count as this many extra n-gram orders (as words in chrF++)
CHANCE_CEILING = 0.9  # chance never reaches 1: a link must always be able to beat it
SLOPE_CEILING = 0.2  # chance grows at most this much per e-fold of length (a sane fit)
UNLIKE = 0.5  # a link less alike than this times chance is no link
APART = 1.0  # ... nor one less alike than this times chance whose sides' facts all differ
CLEARLY = 2.0  # clearly alike: twice as alike as chance (a swap, a link repair makes)
LEAST_CHANCE = 0.02  # chance as "× chance" tests take it: they must demand something


class Ops(NamedTuple):
    """The three functions the formula needs, for floats or for arrays."""

    log: Callable[[Any], Any]
    maximum: Callable[[Any, Any], Any]
    minimum: Callable[[Any, Any], Any]


SCALAR = Ops(math.log, max, min)


class Model(NamedTuple):
    """What a link's cost depends on besides its similarity and lengths, learnt from the pair
    of documents (``dp.Scorer``)."""

    orders: int  # n-gram orders averaged in chrF
    chance_at: float  # chance = at + slope · log(length + 2), fitted on random span pairs
    chance_slope: float
    chance_floor: float  # short units: the line fit is poor there
    log_ratio: float  # log of the documents' length ratio
    deletion: float = 1.0  # the cost of leaving one unit alone

    def chance(self, length: Any, ops: Ops = SCALAR) -> Any:
        """Expected similarity of unrelated spans of this total length."""
        fitted = self.chance_at + self.chance_slope * ops.log(length + 2)
        return ops.minimum(ops.maximum(fitted, self.chance_floor), CHANCE_CEILING)

    def length_term(self, la: Any, lb: Any, ops: Ops = SCALAR) -> Any:
        """What a length ratio unlike the document's adds to a link's cost."""
        return LENGTH_WEIGHT * abs(
            ops.log((la + LENGTH_SMOOTH) / (lb + LENGTH_SMOOTH)) - self.log_ratio)

    def with_facts(self, sim: Any, facts: Any) -> Any:
        """chrF with the shared-fact share counted as ``FACT_ORDERS`` more orders."""
        return (self.orders * sim + FACT_ORDERS * facts) / (self.orders + FACT_ORDERS)

    def priced(self, sim: Any, chance: Any, extra: Any, weight: Any,
               ops: Ops = SCALAR) -> Any:
        """The cost of a link of similarity ``sim``, given its chance and length term, that
        counts as ``weight`` 1-1 links."""
        return ops.maximum((1.0 - sim) / (1.0 - chance) + extra, 0.0) * weight

    def cost(self, sim: Any, la: Any, lb: Any, weight: Any, ops: Ops = SCALAR) -> Any:
        """The cost of a link of similarity ``sim`` between spans of ``la`` and ``lb``
        characters that counts as ``weight`` 1-1 links."""
        return self.priced(sim, self.chance(la + lb, ops), self.length_term(la, lb, ops),
                           weight, ops)

    def needed(self, budget: float, chance: float, extra: float, weight: float) -> float:
        """The similarity a link must pass to cost less than ``budget`` (``priced`` solved
        for ``sim``)."""
        return 1.0 - (budget / weight - extra) * (1.0 - chance)

    def below_chance(self, sim: float, chance: float, facts: float | None) -> bool:
        """Is a link of similarity ``sim`` no link at all? Far below chance (two passages
        that merely face each other), or below chance while both sides name facts found
        elsewhere in the other version and none of each other's. A free rendering near
        chance with nothing against it stays a link."""
        return sim < UNLIKE * chance or (sim < APART * chance and facts == 0.0)


def span_weight(n: int, m: int) -> float:
    """How many 1-1 links an n-m link counts as: n·m, as vecalign weighs its costs.

    Merged spans share more n-grams than their parts do (neighbouring sentences share topic
    words), so with a weight of n + m a 2-2 block of two good pairs looks better than the
    pairs and merges swallow everything; n·m makes a merge earn its place.
    """
    return float(n * m)
