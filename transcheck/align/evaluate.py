"""Scoring an alignment against a gold one: strict and lax precision, recall and F1.

As in Sennrich & Volk (2011) and vecalign's scorer: a test link is strictly right when a
gold link has exactly its two sides, laxly right when it overlaps some gold link on both
sides; precision counts every test link (one-sided ones too), recall every two-sided gold
link. Pooling several documents adds their counts before dividing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Counts:
    """True and false positives of precision and recall, strict and lax."""

    strict: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # p_tp p_fp r_tp r_fp
    lax: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

    def add(self, gold: Sequence[Pair], test: Sequence[Pair]) -> None:
        for target, (g, t) in ((0, (gold, test)), (2, (_two_sided(test), _two_sided(gold)))):
            s_tp, s_fp, l_tp, l_fp = _precision(g, t)
            self.strict[target] += s_tp
            self.strict[target + 1] += s_fp
            self.lax[target] += l_tp
            self.lax[target + 1] += l_fp

    def f1(self, lax: bool = False) -> float:
        c = self.lax if lax else self.strict
        p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 0.0
        r = c[2] / (c[2] + c[3]) if c[2] + c[3] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _two_sided(pairs: Iterable[Pair]) -> list[Pair]:
    return [p for p in pairs if p[0] and p[1]]


def _precision(gold: Sequence[Pair], test: Sequence[Pair]) -> tuple[int, int, int, int]:
    gold_set = {(tuple(a), tuple(b)) for a, b in gold if a or b}
    targets: dict[int, set[int]] = {}
    for a, b in gold_set:
        for i in a:
            targets.setdefault(i, set()).update(b)
    s_tp = s_fp = l_tp = l_fp = 0
    for a, b in {(tuple(a), tuple(b)) for a, b in test if a or b}:
        if (a, b) in gold_set:
            s_tp += 1
            l_tp += 1
            continue
        s_fp += 1
        hit: set[int] = set()
        for i in a:
            hit |= targets.get(i, set())
        if hit & set(b):
            l_tp += 1
        else:
            l_fp += 1
    return s_tp, s_fp, l_tp, l_fp


def read_textberg_gold(text: str) -> list[Pair]:
    """Links of a Text+Berg / vecalign gold file: ``[0, 1]:[2]`` a line, 0-based."""
    pairs: list[Pair] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        a, b = line.split(":")
        pairs.append((_ints(a), _ints(b)))
    return pairs


def _ints(side: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", side))


def _lines(side: str) -> list[int]:
    out: list[int] = []
    for part in side.replace(" ", "").split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def read_line_gold(text: str, left_lines: Sequence[int],
                   right_lines: Sequence[int]) -> list[Pair]:
    """Links of a hand-made gold file in 1-based line numbers (``11 : 19,20``, ``30 : 36-40``).

    Line numbers are mapped to unit indices through each side's unit lines; a line that is
    not a unit, or a unit left out or listed twice, is an error in the gold file.
    """
    index = [{line: k for k, line in enumerate(lines)} for lines in (left_lines, right_lines)]
    pairs: list[Pair] = []
    seen: list[set[int]] = [set(), set()]
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sides = line.split(":")
        if len(sides) != 2:
            raise ValueError(f"bad gold line: {raw!r}")
        pair = []
        for s, side in enumerate(sides):
            units = []
            for n in _lines(side):
                if n not in index[s] or index[s][n] in seen[s]:
                    raise ValueError(f"line {n} is no unit or is listed twice: {raw!r}")
                units.append(index[s][n])
                seen[s].add(index[s][n])
            pair.append(tuple(units))
        pairs.append((pair[0], pair[1]))
    for s, lines in enumerate((left_lines, right_lines)):
        if len(seen[s]) != len(lines):
            missing = sorted(lines[k] for k in set(range(len(lines))) - seen[s])
            raise ValueError(f"gold leaves out lines {missing}")
    return pairs
