"""Align the units of two versions of one article.

Free translations differ in paragraphing and order: a translator's preface on one side only,
a paragraph that is a bulleted list on the other, two paragraphs swapped, a reworded
heading. The alignment is built in four steps, each in its own module:

1. ``profiles``: character n-gram statistics (chrF's, orders 1..4, white space dropped)
   once per unit, after folding width, case and Han variants;
2. ``anchors``: unit pairs that share strings found once on each side (or, in a book that
   repeats itself, 6-grams found as often on both sides, k-th place with k-th), chained
   without crossings; they fix a corridor, so the cost stays linear in length;
3. ``dp``: a dynamic programme in that corridor over a table of moves (``dp.Kind``: a
   unit left alone, 1-1, 1-n, n-1 and n-m links with n + m ≤ ``max_span``, and swaps of
   two neighbouring units), each link priced by ``cost.Model`` (chrF, length and shared
   facts against what chance gives in this pair, an n-m link weighing as n·m links),
   the one formula the exact costs, their bounds and the bulk path share; a long pair is cut between
   neighbouring strong anchors into blocks of about 500 rows, run in parallel processes,
   and each block's unit pairs are matched at once (``bulk``, numpy);
4. ``repair``: lists wider than ``max_span``, one-sided units as alike as their
   neighbouring link joined to it, links far below chance broken (or
   below chance with facts that all differ: one-sided passages facing each other), lone
   reworded headings between two links joined, clearly alike pairs among the units left
   out on both sides linked in order, a unit loosely linked next to one-sided
   material relinked with its clearly alike counterpart a few entries away, two 1-1
   links joined into one 2-2 link where sentences moved across a paragraph break, and a
   unit at the edge of a merged side moved into the neighbouring link that holds clearly
   more of its 4-grams (a sentence cut at a different place on each side).

A pair in different languages (``langs``) is aligned by ``xling`` instead: across scripts
chrF is noise, so length, shared facts, Latin tokens, loanwords, shared kanji and (where
the optional package is installed) a multilingual sentence encoder cost its links.

``evaluate`` scores an alignment against a gold one (strict and lax F1).

``refine`` does the same inside one aligned pair of units, sentence by sentence.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Sequence

from ..model import Link
from . import xling
from .anchors import corridor, cut_points, find_anchors, text_keys
from .dp import Scorer, Step, run_blocks
from .profiles import Profiles
from .repair import (
    absorb,
    fill_gaps,
    link_across,
    match_gaps,
    regroup,
    relink,
    shift,
    unlink_unlike,
)
from .sentences import refine, split_sentences

__all__ = ["MAX_SPAN", "Link", "align", "refine", "split_sentences"]

MAX_SPAN = 5  # the largest link the DP weighs, in units of both sides (wider lists: repair)


def _keys(texts: Sequence[str], given: Sequence[Collection[str]] | None) -> list[set[str]]:
    keys = [text_keys(t) for t in texts]
    if given is not None:
        if len(given) != len(texts):
            raise ValueError("one key set per unit expected")
        for ks, extra in zip(keys, given, strict=True):
            ks.update(extra)
    return keys


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_keys: Sequence[Collection[str]] | None = None,
    right_keys: Sequence[Collection[str]] | None = None,
    max_span: int = MAX_SPAN,
    jobs: int = 1,
    langs: tuple[str, str] | None = None,
) -> list[Link]:
    """Links between two lists of unit texts; every unit of both sides is in exactly one.

    ``left_keys[i]`` are normalized fact keys of left unit i ("q:250000000", "e:grok 5");
    a key shared by two units pulls them together across wordings and languages. Links come
    in reading order of the left side; one-sided right units stand where they fall. Where
    two neighbouring units are swapped, right indices step back once.

    A long pair is aligned in blocks between sure anchors; with ``jobs`` > 1 they are spread
    over that many processes (the command line asks for one per CPU). The links do not
    depend on ``jobs``. One process is the default here: a program that calls this need not
    guard its main module for worker processes it did not ask for.

    ``langs`` are the two sides' languages (``ja``, ``zh``, ``en``); a pair in different
    scripts (``xling.cross_language``) is aligned on the signals that cross languages
    rather than on chrF.
    """
    if max_span < 2:
        raise ValueError("max_span must be at least 2")
    if langs is not None and xling.cross_language(*langs):
        return xling.align_across(left, right, langs, left_keys, right_keys, jobs)
    # millions of small dicts and no cycles: the cyclic collector would only rescan them
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _align(left, right, left_keys, right_keys, max_span, jobs)
    finally:
        if collecting:
            gc.enable()


def _align(left: Sequence[str], right: Sequence[str],
           left_keys: Sequence[Collection[str]] | None,
           right_keys: Sequence[Collection[str]] | None, max_span: int,
           jobs: int) -> list[Link]:
    n, m = len(left), len(right)
    if not n or not m:
        return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
    lp, rp = Profiles.pair(left, right)
    lkeys, rkeys = _keys(left, left_keys), _keys(right, right_keys)
    scorer = Scorer(lp, rp, lkeys, rkeys)
    anchors, strong = find_anchors(lp, rp, lkeys, rkeys)
    scorer.calibrate(anchors)
    lo, hi = corridor(anchors, n, m, strong)
    path = run_blocks(scorer, lo, hi, max_span, cut_points(strong, lo, hi), jobs)
    path = absorb(scorer, path, max_span)
    path = unlink_unlike(scorer, path)
    path = fill_gaps(scorer, path)
    path = match_gaps(scorer, path)
    path = link_across(scorer, path)
    path = relink(scorer, path)
    path = regroup(scorer, path, max_span)
    path = shift(scorer, path, max_span)
    return [_to_link(s) for s in path]


def _to_link(step: Step) -> Link:
    i0, i1, j0, j1, sim = step
    return Link(tuple(range(i0, i1)), tuple(range(j0, j1)),
                None if sim is None else round(sim, 4))
