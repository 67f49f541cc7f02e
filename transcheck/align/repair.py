"""Fixes to the monotone path that a monotone DP cannot make itself.

- Long lists: a paragraph rendered as a lead-in and many bullets needs a link wider than
  ``max_span``; a one-sided unit next to a link joins it when that lowers the cost.
- Passages of one version facing passages of the other (quoted posts on both sides): a
  link near chance costs the DP less than two deletions, so it pairs them. A link far
  below chance is broken, and so is one below chance whose two sides name facts of the
  other version and none of each other's.
- Short gaps: one left and one right unit left out between two links (a reworded heading,
  マスクのエネルギー帝国 / マスクは自分専用の電力網を建設している) are linked: their place
  says more than their few shared characters. At either end of the text they are linked
  only when at least as alike as chance.
- Wider gaps: several units left out on each side between two links (facing passages,
  their junk links broken) may still hold pairs that are clearly alike: the DP solves the
  gap again, a link not clearly alike costing more than its units left alone.
- Borders: a sentence cut at a different place on each side leaves a piece that the DP
  may give to the wrong neighbour; it moves to the link that holds its 4-grams.
"""

from __future__ import annotations

from typing import NamedTuple

from .cost import CLEARLY, LEAST_CHANCE
from .dp import SURE, Scorer, Step, run_dp

ABSORB_SIM = 0.95  # a link grown by absorbing keeps this share of its similarity
ALONE_SHARE = 0.9  # a unit left alone, clearly alike to a neighbouring link's other side,
# joins it when also at least this share as alike as the link itself
LOOSE = 1.5  # a link less alike than this times chance may give its left unit away
REGROUP_GAIN = 1.2  # two 1-1 links merged must be this many times as alike as the better
REGROUP_CROSS = 1.3  # ... and each unit this many times as alike as chance to the other's
REGROUP_APART = 0.7  # ... but at most this share as alike as to its own counterpart
SHIFT_GAIN = 0.05  # a unit crosses to the link that holds this much more of its 4-grams
MUTUAL = 3.0  # ... or, moved, this many times as alike as either is to its neighbours
MOVE_REACH = 8  # entries a unit moved out of place may have travelled (Text+Berg: up to 6)
GAP_CELLS = 900  # unit pairs weighed at most in one gap (left units × right units)


def entry_cost(scorer: Scorer, e: Step) -> float:
    i0, i1, j0, j1, _ = e
    if i1 > i0 and j1 > j0:
        known = scorer.known.get((i0, i1, j0, j1))
        return known[0] if known else scorer.cost(i0, i1, j0, j1)[0]
    return scorer.deletion * (i1 - i0 + j1 - j0)


def _chance(scorer: Scorer, i0: int, i1: int, j0: int, j1: int) -> float:
    return max(scorer.chance(scorer.lp.length(i0, i1) + scorer.rp.length(j0, j1)), LEAST_CHANCE)


def _one_side(e: Step) -> int:
    """1 for a left unit alone, 2 for a right unit alone, 0 for a link."""
    i0, i1, j0, j1, _ = e
    return 0 if i1 > i0 and j1 > j0 else (1 if i1 > i0 else 2)


def _link(scorer: Scorer, i0: int, i1: int, j0: int, j1: int) -> Step:
    cost, sim = scorer.cost(i0, i1, j0, j1)
    scorer.known[(i0, i1, j0, j1)] = (cost, sim)
    return Step(i0, i1, j0, j1, sim)


def absorb(scorer: Scorer, path: list[Step], max_span: int) -> list[Step]:
    """Let links take in neighbouring one-sided units when the wider link costs less, or
    when the unit alone is about as alike to the link's other side (see ``_alike_alone``).
    Only a link of one unit on a side (a list) may so grow past ``max_span``."""
    changed = True
    while changed:
        changed = False
        k = 0
        while k < len(path):
            i0, i1, j0, j1, _ = path[k]
            if i1 == i0 or j1 == j0:
                k += 1
                continue
            for n in (k + 1, k - 1):
                if not 0 <= n < len(path):
                    continue
                a0, a1, b0, b1, _ = path[n]
                if a1 > a0 and b1 > b0:
                    continue
                if a1 > a0 and (a0 == i1 or a1 == i0):
                    wider = (min(i0, a0), max(i1, a1), j0, j1)
                elif b1 > b0 and (b0 == j1 or b1 == j0):
                    wider = (i0, i1, min(j0, b0), max(j1, b1))
                else:
                    continue
                sizes = (wider[1] - wider[0], wider[3] - wider[2])
                if min(sizes) > 1 and sum(sizes) > max_span:
                    continue
                # the tests that need no profiles first: the DP has dropped them
                if not scorer.merge_ok(*wider):
                    continue
                old = entry_cost(scorer, path[k]) + entry_cost(scorer, path[n])
                want = ABSORB_SIM * (path[k][4] or 0.0)
                cheaper = False
                if (scorer.merged_bound(*wider, old) < old + SURE
                        and scorer.merged_ceiling(*wider) > want - SURE):
                    cost, sim = scorer.cost(*wider)
                    cheaper = cost < old and sim >= want
                if cheaper or _alike_alone(scorer, path[k], path[n]):
                    path[k] = _link(scorer, *wider)
                    del path[n]
                    changed = True
                    break
            else:
                k += 1
    return path


def _alike_alone(scorer: Scorer, link: Step, alone: Step) -> bool:
    """Is a one-sided unit next to a link, taken alone, clearly alike to the link's other
    side, and about as alike as the link itself? Then it is part of that link (a question
    and its answer, one paragraph on the other side), even when the n·m weight of the
    wider link makes it look dearer. A unit much less alike than the link is more likely
    added material on a shared topic (Grok は現在、Tesla… twice, about other things)."""
    i0, i1, j0, j1, _ = link
    a0, a1, b0, b1, _ = alone
    if a1 - a0 + b1 - b0 != 1:
        return False
    box = (a0, a1, j0, j1) if a1 > a0 else (i0, i1, b0, b1)
    want = max(CLEARLY * _chance(scorer, *box), ALONE_SHARE * (link[4] or 0.0))
    if scorer.merged_ceiling(*box) < want - SURE:
        return False
    return scorer.cost(*box)[1] >= want


def fill_gaps(scorer: Scorer, path: list[Step]) -> list[Step]:
    """Link a lone left and a lone right unit left out between two links (or an end)."""
    out: list[Step] = []
    k = 0
    while k < len(path):
        window = path[k:k + 2]
        if (len(window) == 2 and all(e[4] is None for e in window)
                and {e[1] - e[0] for e in window} == {0, 1}
                and (k == 0 or path[k - 1][4] is not None)
                and (k + 2 == len(path) or path[k + 2][4] is not None)):
            i0 = min(e[0] for e in window)
            j0 = min(e[2] for e in window)
            _cost, sim = scorer.cost(i0, i0 + 1, j0, j0 + 1)
            inside = k > 0 and k + 2 < len(path)
            if inside or sim >= scorer.chance(scorer.lp.length(i0, i0 + 1)
                                              + scorer.rp.length(j0, j0 + 1)):
                out.append(Step(i0, i0 + 1, j0, j0 + 1, sim))
                k += 2
                continue
        out.append(path[k])
        k += 1
    return out


def match_gaps(scorer: Scorer, path: list[Step]) -> list[Step]:
    """In a run of one-sided entries holding two units or more of each side, link the pairs
    clearly alike (``CLEARLY`` times chance, cheaper than leaving both out), as many and
    as good as the order allows: the run solved again by the DP, with 1-1 links and swaps
    only, a link less clearly alike costing more than its two units left alone.

    Across facing one-sided passages the DP pairs each unit with a neighbour of its
    counterpart, because a link near chance costs it less than two units left out; once
    those links are broken (``unlink_unlike``), the real pair may be several entries apart
    (除非其他实验室跟上… before the quoted posts of one side, after those of the other).
    """
    out: list[Step] = []
    k = 0
    while k < len(path):
        if path[k][4] is not None:
            out.append(path[k])
            k += 1
            continue
        end = k
        while end < len(path) and path[end][4] is None:
            end += 1
        out.extend(_matched_gap(scorer, path[k:end]))
        k = end
    return out


def _matched_gap(scorer: Scorer, run: list[Step]) -> list[Step]:
    """The one-sided entries of ``run`` with its clearly alike pairs linked (see
    ``match_gaps``).

    A run with a single unit on a side is left alone: that unit is more often a paragraph
    whose bullets the DP missed than one of two facing passages, and linking it with its
    likest bullet would part it from the others (and from their numbers); ``fill_gaps``
    and ``link_across`` see to it."""
    left = [e[0] for e in run if e[1] > e[0]]
    right = [e[2] for e in run if e[3] > e[2]]
    if min(len(left), len(right)) < 2 or len(left) * len(right) > GAP_CELLS:
        return run
    i0, i1, j0, j1 = left[0], left[-1] + 1, right[0], right[-1] + 1
    return run_dp(scorer, [j0] * (i1 + 1), [j1] * (i1 + 1), 2, (i0, j0), (i1, j1),
                  alike=CLEARLY)


def unlink_unlike(scorer: Scorer, path: list[Step]) -> list[Step]:
    """Break links less alike than unrelated text of their length: the DP may pair two
    one-sided passages that happen to face each other (quoted posts on both sides).

    A link at about chance level stays when nothing speaks against it (a free rendering of
    a sentence often shares little text), but not when both sides name facts, names or
    numbers found in the other version, and none of them in each other.
    """
    out: list[Step] = []
    for e in path:
        i0, i1, j0, j1, sim = e
        if sim is None:
            out.append(e)
            continue
        chance = scorer.chance(scorer.lp.length(i0, i1) + scorer.rp.length(j0, j1))
        if sim < chance and scorer.model.below_chance(sim, chance,
                                                      scorer.fact_share(i0, i1, j0, j1)):
            out.extend(Step(i, i + 1, j0, j0, None) for i in range(i0, i1))
            out.extend(Step(i1, i1, j, j + 1, None) for j in range(j0, j1))
        else:
            out.append(e)
    return out


def link_across(scorer: Scorer, path: list[Step], reach: int = MOVE_REACH) -> list[Step]:
    """Link a unit left alone on one side with one left alone on the other a few entries
    away, when they are clearly alike: a unit moved past a block of its neighbours (the
    right index goes back there). The link takes the left unit's place in the output."""
    out = list(path)
    k = 0
    while k < len(out):
        side = _one_side(out[k])
        if not side:
            k += 1
            continue
        for n in range(k + 2, min(k + reach + 1, len(out))):
            if _one_side(out[n]) != 3 - side:
                continue
            left, right = (out[k], out[n]) if side == 1 else (out[n], out[k])
            i0, j0 = left[0], right[2]
            cost, sim = scorer.cost(i0, i0 + 1, j0, j0 + 1)
            if cost < 2 * scorer.deletion and (
                    sim >= CLEARLY * _chance(scorer, i0, i0 + 1, j0, j0 + 1)
                    or _each_others(scorer, out[max(k - 1, 0):n + 2], i0, j0, sim)):
                link = Step(i0, i0 + 1, j0, j0 + 1, sim)
                scorer.known[link[:4]] = (cost, sim)
                keep = k if side == 1 else n
                out[keep] = link
                del out[n if side == 1 else k]
                if side == 2:
                    k -= 1  # the entry after the deleted one is now at k: look at it too
                break
        k += 1
    return out


def _each_others(scorer: Scorer, entries: list[Step], i: int, j: int, sim: float) -> bool:
    """Whether left unit i and right unit j are far more alike (``MUTUAL`` times) than either
    is to any other unit of ``entries``: in a short document most span pairs drawn to
    measure chance hold related text, so chance comes out high, and a moved paragraph
    would stay unlinked without this test."""
    rival = 0.0
    for e in entries:
        for jj in range(e[2], e[3]):
            if jj != j:
                rival = max(rival, scorer.cost_one(i, jj)[1])
        for ii in range(e[0], e[1]):
            if ii != i:
                rival = max(rival, scorer.cost_one(ii, j)[1])
    return sim >= MUTUAL * rival


def relink(scorer: Scorer, path: list[Step], reach: int = 3) -> list[Step]:
    """Relink a left unit whose 1-1 link is loose (barely above chance) with a right unit a
    few entries away that is clearly alike and itself alone or loosely linked: across
    one-sided material the DP may pair each unit with a neighbour of its counterpart
    (xAI のモデルが先頭に立つ, linked with a quoted post instead of the paragraph that
    says it), because a link near chance costs less than two units left alone. The right
    unit given up, and a left unit whose right unit is taken, are left alone."""
    def loose(e: Step) -> bool:
        i0, i1, j0, j1, sim = e
        return (sim is not None and i1 - i0 == 1 and j1 - j0 == 1
                and sim < LOOSE * _chance(scorer, i0, i1, j0, j1))

    out = list(path)
    k = 0
    while k < len(out):
        if not loose(out[k]):
            k += 1
            continue
        i0, i1, old, _, _ = out[k]
        current = entry_cost(scorer, out[k])
        best: tuple[float, int, float] | None = None
        for n in range(max(k - reach, 0), min(k + reach + 1, len(out))):
            e = out[n]
            if n == k or not (_one_side(e) == 2 or loose(e)):
                continue
            j = e[2]
            cost, sim = scorer.cost(i0, i1, j, j + 1)
            if (cost < current and sim >= CLEARLY * _chance(scorer, i0, i1, j, j + 1)
                    and (best is None or cost < best[0])):
                best = (cost, n, sim)
        if best is None:
            k += 1
            continue
        cost, n, sim = best
        j = out[n][2]
        scorer.known[(i0, i1, j, j + 1)] = (cost, sim)
        out[k] = Step(i0, i1, j, j + 1, sim)
        if _one_side(out[n]) == 2:
            out[n] = Step(i1, i1, old, old + 1, None)
        else:
            a0, a1 = out[n][0], out[n][1]
            out[n] = Step(a0, a1, j, j, None)
            out.insert(k + 1, Step(i1, i1, old, old + 1, None))
        k += 1
    return out


def regroup(scorer: Scorer, path: list[Step], max_span: int) -> list[Step]:
    """Join two neighbouring 1-1 links into one 2-2 link when the two pairs are clearly
    more alike taken together than either is alone, and each left unit is also alike to
    the other's right unit: the translator moved sentences across the paragraph break
    (タービン / 電力網の迂回 / Megapack, regrouped in two paragraphs on each side). The
    n·m weight of the DP would never pay for such a merge, since each 1-1 link alone is
    already good; two pairs that merely follow one another gain little from merging.
    Like any link of the DP, a 2-2 link needs ``max_span`` ≥ 4."""
    if max_span < 4:
        return path
    out: list[Step] = []
    k = 0
    while k < len(path):
        if k + 1 < len(path) and _one_one(path[k]) and _one_one(path[k + 1]):
            i, _, j, _, s1 = path[k]
            b, _, y, _, s2 = path[k + 1]
            # the crossed 1-1 similarities first: cached from the DP, unlike the 2-2 one
            if (b == i + 1 and y == j + 1 and _crossed(scorer, i, j + 1, s1)
                    and _crossed(scorer, i + 1, j, s2)):
                want = REGROUP_GAIN * max(s1 or 0.0, s2 or 0.0)
                if (scorer.merged_ceiling(i, i + 2, j, j + 2) >= want
                        and scorer.merge_ok(i, i + 2, j, j + 2)
                        and scorer.cost(i, i + 2, j, j + 2)[1] >= want):
                    out.append(_link(scorer, i, i + 2, j, j + 2))
                    k += 2
                    continue
        out.append(path[k])
        k += 1
    return out


def _one_one(e: Step) -> bool:
    return e[4] is not None and e[1] - e[0] == 1 and e[3] - e[2] == 1


def _crossed(scorer: Scorer, i: int, y: int, own: float | None) -> bool:
    """Is left unit i clearly alike to right unit y (its neighbour's counterpart), yet
    clearly less than to its own (similarity ``own``)? Neighbours alike to each other as
    much as to their counterparts (items of a list, a repeated formula) gain from a merge
    by their repetition alone."""
    _cost, sim = scorer.cost(i, i + 1, y, y + 1)
    return (REGROUP_CROSS * _chance(scorer, i, i + 1, y, y + 1) <= sim
            <= REGROUP_APART * (own or 0.0))


def shift(scorer: Scorer, path: list[Step], max_span: int, rounds: int = 3) -> list[Step]:
    """Move a unit at the edge of a merged side into the neighbouring link when clearly
    more of its n-grams find a counterpart there than in its own link
    (``Scorer.added_share``).

    Where a sentence is cut at a different place on each side, the piece in between can go
    with either neighbour. A span's chrF barely tells which, since each link's text is
    mostly its other units, and the length term favours the longer link. Where the piece's
    own words went does tell: 〜éclipsent tout le reste ; belongs with the sentence that
    ends in those words. A link keeps at least one unit on each side, and grows past
    ``max_span`` only when it has one unit on a side (a list, as in ``absorb``)."""
    out = list(path)
    todo = list(range(len(out) - 1))
    for _ in range(rounds):
        moved: list[int] = []
        for k in todo:
            a, b = out[k], out[k + 1]
            if a[4] is None or b[4] is None or a[1] != b[0] or a[3] != b[2]:
                continue
            best, gain = None, SHIFT_GAIN
            for move in _edge_moves(a, b):
                if any(min(i1 - i0, j1 - j0) > 1 and i1 - i0 + j1 - j0 > max_span
                       for i0, i1, j0, j1 in move.links):
                    continue
                # most units find almost none of their 4-grams across the border: a bound
                # from the cached unit-pair matches settles them without any profile
                if scorer.share_ceiling(move.unit, move.left, move.go[1]) <= gain:
                    continue
                go = scorer.added_share(move.unit, move.left, *move.go)
                if go <= gain:
                    continue
                d = go - scorer.added_share(move.unit, move.left, *move.stay)
                if d > gain:
                    best, gain = move, d
            if best is not None:
                out[k] = _link(scorer, *best.links[0])
                out[k + 1] = _link(scorer, *best.links[1])
                moved.append(k)
        # a moved border may move again (a second unit after the first), or open a move
        # at the borders next to it; the others stay as they were
        todo = sorted({n for k in moved for n in (k - 1, k, k + 1) if 0 <= n < len(out) - 1})
        if not todo:
            break
    return out


Span = tuple[int, int]


class EdgeMove(NamedTuple):
    """A unit that may cross the border between two neighbouring links."""

    unit: int
    left: bool  # on the left side
    stay: tuple[Span, Span]  # (its side's span without it, the other side) where it is
    go: tuple[Span, Span]  # the same for the link it would join
    links: tuple[tuple[int, int, int, int], tuple[int, int, int, int]]  # after the move


def _edge_moves(a: Step, b: Step) -> list[EdgeMove]:
    """The units that could cross the border between neighbouring links a and b: the last
    of a side of a, the first of a side of b, where that side has two units or more."""
    i0, i1, j0, j1, _ = a
    _, i2, _, j2, _ = b
    moves: list[EdgeMove] = []
    if j1 - j0 > 1:  # the last right unit of a goes to b
        moves.append(EdgeMove(j1 - 1, False, ((j0, j1 - 1), (i0, i1)), ((j1, j2), (i1, i2)),
                              ((i0, i1, j0, j1 - 1), (i1, i2, j1 - 1, j2))))
    if j2 - j1 > 1:  # the first right unit of b goes to a
        moves.append(EdgeMove(j1, False, ((j1 + 1, j2), (i1, i2)), ((j0, j1), (i0, i1)),
                              ((i0, i1, j0, j1 + 1), (i1, i2, j1 + 1, j2))))
    if i1 - i0 > 1:  # the last left unit of a goes to b
        moves.append(EdgeMove(i1 - 1, True, ((i0, i1 - 1), (j0, j1)), ((i1, i2), (j1, j2)),
                              ((i0, i1 - 1, j0, j1), (i1 - 1, i2, j1, j2))))
    if i2 - i1 > 1:  # the first left unit of b goes to a
        moves.append(EdgeMove(i1, True, ((i1 + 1, i2), (j1, j2)), ((i0, i1), (j0, j1)),
                              ((i0, i1 + 1, j0, j1), (i1 + 1, i2, j1, j2))))
    return moves
