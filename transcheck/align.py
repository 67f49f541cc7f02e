"""Align the units of two versions: a dynamic programme over chrF similarity.

First version: moves 1-1, 1-0, 0-1, 1-2 and 2-1 within a diagonal band. chrF statistics
(character n-gram counts, n = 1..6, white space dropped, as sacrebleu's chrF does) are
taken once per unit; a merged span adds its units' counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sacrebleu.metrics.helpers import extract_all_char_ngrams

from .model import Link

MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))
CHAR_ORDER = 6
BETA = 2.0


def char_ngrams(text: str) -> list[Counter[str]]:
    """Character n-gram counts of one text, one Counter per order, via sacrebleu."""
    return list(extract_all_char_ngrams(text, CHAR_ORDER, False))


def chrf(hyp: Sequence[Counter[str]], ref: Sequence[Counter[str]]) -> float:
    """chrF (β = 2) of two n-gram profiles, 0..1, averaged over the orders both sides have."""
    total = 0.0
    orders = 0
    for h, r in zip(hyp, ref, strict=True):
        hyp_n, ref_n = h.total(), r.total()
        if not hyp_n or not ref_n:
            continue
        small, big = (h, r) if len(h) <= len(r) else (r, h)
        match = sum(min(c, big[k]) for k, c in small.items() if k in big)
        orders += 1
        if not match:
            continue
        prec, rec = match / hyp_n, match / ref_n
        b2 = BETA * BETA
        total += (1 + b2) * prec * rec / (b2 * prec + rec)
    return total / orders if orders else 0.0


def _span(profiles: Sequence[list[Counter[str]]], lo: int, hi: int) -> list[Counter[str]]:
    if hi - lo == 1:
        return profiles[lo]
    merged = [Counter[str]() for _ in range(CHAR_ORDER)]
    for p in profiles[lo:hi]:
        for acc, c in zip(merged, p, strict=True):
            acc.update(c)
    return merged


def align(left: Sequence[str], right: Sequence[str], *, skip: float = 0.12) -> list[Link]:
    """Links between two lists of unit texts, in reading order of the left side.

    A link of similarity ``s`` costs ``1 - s`` per unit it covers, leaving a unit out costs
    ``1 - skip``: a link is kept when it is more similar than ``skip``.
    """
    n, m = len(left), len(right)
    lp = [char_ngrams(t) for t in left]
    rp = [char_ngrams(t) for t in right]
    band = int(0.25 * max(n, m)) + 10
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float | None]]] = [
        [(0, 0, None)] * (m + 1) for _ in range(n + 1)
    ]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj in MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                score: float | None = None
                if di and dj:
                    if abs(ni * m - nj * n) > band * max(n, m, 1):
                        continue
                    score = chrf(_span(lp, i, ni), _span(rp, j, nj))
                    step = (1.0 - score) * (di + dj)
                else:
                    step = 1.0 - skip
                if here + step < cost[ni][nj]:
                    cost[ni][nj] = here + step
                    back[ni][nj] = (di, dj, score)
    links: list[Link] = []
    i, j = n, m
    while i or j:
        di, dj, score = back[i][j]
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)),
                          None if score is None else round(score, 4)))
        i, j = i - di, j - dj
    links.reverse()
    return links
