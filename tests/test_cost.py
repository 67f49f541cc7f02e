"""The link cost is written once (``align.cost``): every path that prices a link gives its
numbers, and the DP's moves are a table of named kinds."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from transcheck.align.anchors import text_keys
from transcheck.align.bulk import ARRAY
from transcheck.align.cost import Model, span_weight
from transcheck.align.dp import Kind, Move, Scorer, Step, make_moves
from transcheck.align.profiles import Profiles

EJAAZ = Path(__file__).resolve().parents[1] / "pairs" / "ejaaz-grok5"


def _units(name: str) -> list[str]:
    return [t.strip() for t in (EJAAZ / name).read_text(encoding="utf-8").splitlines()
            if t.strip()]


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    left, right = _units("bitpush.ja.txt"), _units("techflow.ja.txt")
    lp, rp = Profiles.pair(left, right)
    return Scorer(lp, rp, [text_keys(t) for t in left], [text_keys(t) for t in right])


def test_floats_and_arrays_give_one_cost() -> None:
    """``Model.cost`` on numpy arrays (the bulk path) is the same formula as on floats."""
    model = Model(4, 0.05, 0.02, 0.08, 0.1, 0.8)
    rng = random.Random(3)
    cases = [(rng.random(), rng.randint(1, 400), rng.randint(1, 400), rng.randint(1, 4))
             for _ in range(2000)]
    sims, la, lb, w = (np.asarray(x) for x in zip(*cases, strict=True))
    arrays = model.cost(sims, la, lb, w, ARRAY).tolist()
    for (sim, a, b, weight), got in zip(cases, arrays, strict=True):
        assert got == pytest.approx(model.cost(sim, a, b, weight), rel=1e-12, abs=1e-12)


def test_the_scorer_prices_by_the_model(scorer: Scorer) -> None:
    """A link's cost, 1-1 or merged, is ``Model.cost`` of its similarity; the length-only
    bound is the same formula at a ceiling similarity, so it is never above the cost."""
    model, lp, rp = scorer.model, scorer.lp, scorer.rp
    checked = 0
    for i0 in range(0, len(lp) - 2, 3):
        for j0 in range(max(i0 - 4, 0), min(i0 + 12, len(rp) - 2), 2):
            for n, m in ((1, 1), (1, 2), (2, 1), (2, 2)):
                i1, j1 = i0 + n, j0 + m
                cost, sim = scorer.cost(i0, i1, j0, j1)
                la, lb = lp.length(i0, i1), rp.length(j0, j1)
                assert cost == model.cost(sim, la, lb, span_weight(n, m))
                assert sim == scorer.similarity(i0, i1, j0, j1)
                assert scorer.bound(i0, i1, j0, j1) <= cost + 1e-12
                if n * m > 1:
                    assert scorer.merged_bound(i0, i1, j0, j1) <= cost + 1e-12
                checked += 1
    assert checked > 500


def test_needed_similarity_is_the_cost_solved(scorer: Scorer) -> None:
    """``Model.needed``: a link just above that similarity costs just under the budget."""
    model = scorer.model
    chance, extra = scorer.chance(120), model.length_term(50, 70)
    for budget in (0.5, 1.0, 2.5):
        sim = model.needed(budget, chance, extra, 2.0)
        assert model.priced(sim, chance, extra, 2.0) == pytest.approx(budget)


def test_below_chance() -> None:
    """Far below chance is no link; below chance only when the facts all differ."""
    model = Model(4, 0.1, 0.0, 0.1, 0.0)
    assert model.below_chance(0.04, 0.1, None)
    assert not model.below_chance(0.08, 0.1, None)
    assert model.below_chance(0.08, 0.1, 0.0)
    assert not model.below_chance(0.08, 0.1, 0.5)
    assert not model.below_chance(0.12, 0.1, 0.0)


def test_moves_are_named_kinds() -> None:
    moves = make_moves(5)
    assert moves[:3] == [Move(1, 0, Kind.LEFT_ALONE), Move(0, 1, Kind.RIGHT_ALONE),
                         Move(1, 1, Kind.ONE_ONE)]
    assert moves[-1] == Move(2, 2, Kind.SWAP)
    kinds = {(m.di, m.dj): m.kind for m in moves[:-1]}
    assert kinds[(1, 4)] is Kind.ONE_MANY and kinds[(3, 1)] is Kind.MANY_ONE
    assert kinds[(2, 2)] is Kind.MANY_MANY and kinds[(3, 2)] is Kind.MANY_MANY
    assert all(m.di + m.dj <= 5 for m in moves)
    assert [m.merged for m in moves].count(True) == 9
    step = Step(0, 1, 1, 2, 0.5)  # a path entry compares as the plain tuple it was
    assert step == (0, 1, 1, 2, 0.5) and step.sim == 0.5
