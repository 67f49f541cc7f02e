"""Alignment quality and cost: the Ejaaz pair and its Chinese versions against their
hand-made golds, each also abridged (runs of units left out of one side, as a translation
that skips paragraphs); then time and peak memory on pairs of 125 KB, 250 KB, 500 KB and
1 MB a side.

The large pairs are made of real text: the seven Text+Berg articles (machine translation
against human translation) and the Ejaaz pair, repeated with each copy's letters shifted
(so copies do not repeat one another's n-grams), a few units dropped from the right side and
neighbouring units swapped, as free translations do. Their gold follows from construction,
so strict F1 is printed for them too.

Each size is aligned twice, in a process of its own each time: in one process (``jobs=1``),
then with the blocks of a long pair spread over every CPU this machine lends; the two must
give the same links.

    python benchmarks/bench_align.py [--sizes 125,250,500,1000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transcheck.align import align
from transcheck.align.evaluate import (
    Counts,
    Pair,
    read_line_gold,
    read_textberg_gold,
)
from transcheck.workers import usable_cpus

ROOT = Path(__file__).resolve().parents[1]
EJAAZ = ROOT / "pairs" / "ejaaz-grok5"
GOLD = ROOT / "tests" / "fixtures" / "ejaaz-alignment.gold"
JA_ZH = ROOT / "tests" / "fixtures" / "align-ja-zh-ejaaz"
ZH_ZH = ROOT / "tests" / "fixtures" / "align-zh-zh-ejaaz"
TEXTBERG = ROOT.parent / "shared" / "bench" / "textberg"

Source = tuple[list[str], list[str], list[Pair]]


def numbered_units(path: Path) -> tuple[list[int], list[str]]:
    """Plain-text units (non-empty lines) with their 1-based line numbers."""
    lines, texts = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            lines.append(n)
            texts.append(line.strip())
    return lines, texts


def gold_pair(left: Path, right: Path, gold: Path) -> Source:
    """Two plain-text versions (a unit a non-empty line) and their gold in line numbers."""
    ll, lt = numbered_units(left)
    rl, rt = numbered_units(right)
    return lt, rt, read_line_gold(gold.read_text(encoding="utf-8"), ll, rl)


def ejaaz() -> Source:
    return gold_pair(EJAAZ / "bitpush.ja.txt", EJAAZ / "techflow.ja.txt", GOLD)


def ejaaz_zh() -> Source:
    """bitpush's Japanese against the Chinese version written for the tests."""
    return gold_pair(EJAAZ / "bitpush.ja.txt", JA_ZH / "zh.txt", JA_ZH / "gold")


def ejaaz_zh_zh() -> Source:
    """Chinese versions of the two Japanese ones, written line by line for the tests."""
    return gold_pair(ZH_ZH / "bitpush.zh.txt", ZH_ZH / "techflow.zh.txt", ZH_ZH / "gold")


def textberg() -> list[Source]:
    out = []
    for k in range(7):
        left = (TEXTBERG / f"test{k}.mt.fr").read_text(encoding="utf-8").rstrip("\n").split("\n")
        right = (TEXTBERG / f"test{k}.fr").read_text(encoding="utf-8").rstrip("\n").split("\n")
        gold = read_textberg_gold((TEXTBERG / f"test{k}.gold").read_text(encoding="utf-8"))
        out.append((left, right, gold))
    return out


def shift(text: str, k: int) -> str:
    """Rotate Latin letters and kana by k: a copy that shares no words with the others."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0x61 <= o <= 0x7A:
            out.append(chr(0x61 + (o - 0x61 + k) % 26))
        elif 0x41 <= o <= 0x5A:
            out.append(chr(0x41 + (o - 0x41 + k) % 26))
        elif 0x3041 <= o <= 0x3093:
            out.append(chr(0x3041 + (o - 0x3041 + k) % 83))
        else:
            out.append(ch)
    return "".join(out)


def build(sources: list[Source], target: int, seed: int = 7) -> Source:
    """A pair of about ``target`` UTF-8 bytes a side, with its gold alignment."""
    rng = random.Random(seed)
    left: list[str] = []
    right: list[str] = []
    gold: list[Pair] = []
    copy = 0
    while len("\n".join(left).encode()) < target:
        lt, rt, g = sources[copy % len(sources)]
        k = copy // len(sources) + (copy % 5)
        base_l, base_r = len(left), len(right)
        left.extend(shift(t, k) for t in lt)
        # drop a few right units that are one-sided in gold; swap two neighbours now and then
        keep = list(range(len(rt)))
        one_sided = {j for a, b in g if not a for j in b}
        for j in sorted(one_sided):
            if rng.random() < 0.3:
                keep.remove(j)
        new_index = {j: n for n, j in enumerate(keep)}
        right.extend(shift(rt[j], k) for j in keep)
        for a, b in g:
            b2 = tuple(base_r + new_index[j] for j in b if j in new_index)
            if a or b2:
                gold.append((tuple(base_l + i for i in a), b2))
        copy += 1
    return left, right, gold


def dropped_runs(count: int, seed: int, every: tuple[int, int] = (12, 25),
                 run: tuple[int, int] = (2, 5)) -> set[int]:
    """Which of ``count`` units an abridged translation leaves out: runs of ``run`` units,
    one every ``every`` units (bounds inclusive), drawn from ``seed``."""
    rng = random.Random(seed)
    dropped: set[int] = set()
    k = rng.randrange(every[0])
    while k < count:
        size = rng.randint(*run)
        dropped.update(range(k, min(k + size, count)))
        k += size + rng.randint(*every)
    return dropped


def left_out(source: Source, side: str, seed: int) -> Source:
    """The pair with runs of units left out of one side (``"left"`` or ``"right"``, see
    ``dropped_runs``), and its gold cut to match: a link that loses all its units of that
    side becomes one-sided."""
    left, right, gold = source
    units = left if side == "left" else right
    dropped = dropped_runs(len(units), seed)
    kept = [u for u in range(len(units)) if u not in dropped]
    new_index = {u: n for n, u in enumerate(kept)}

    def cut(span: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(new_index[u] for u in span if u in new_index)

    cut_gold = [(cut(a), b) if side == "left" else (a, cut(b)) for a, b in gold]
    cut_gold = [(a, b) for a, b in cut_gold if a or b]
    shorter = [units[u] for u in kept]
    return (shorter, right, cut_gold) if side == "left" else (left, shorter, cut_gold)


def omissions(source: Source, variants: int = 10) -> tuple[Counts, float]:
    """Pooled counts over ``variants`` abridged pairs a side (see ``left_out``), and the
    lowest strict F1 of one of them."""
    pooled = Counts()
    lowest = 1.0
    for side in ("left", "right"):
        for seed in range(variants):
            left, right, gold = left_out(source, side, seed)
            test = [(x.left, x.right) for x in align(left, right)]
            one = Counts()
            one.add(gold, test)
            pooled.add(gold, test)
            lowest = min(lowest, one.f1())
    return pooled, lowest


def measure(left: list[str], right: list[str], jobs: int) -> tuple[float, float, list[Pair]]:
    """Seconds and the growth of peak resident memory (MB) over one alignment.

    Run once per process (see ``main``): the peak resident size only grows, so the
    difference before and after is what the alignment itself needed at most.
    """
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    links = align(left, right, jobs=jobs)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return took, (after - before) / 1024, [(x.left, x.right) for x in links]


def one_size(kb: int, jobs: int) -> None:
    """Build and align one pair; print a JSON line (used in a child process)."""
    sources = [ejaaz(), *textberg()] if TEXTBERG.is_dir() else [ejaaz()]
    left, right, gold = build(sources, kb * 1000)
    took, grew, test = measure(left, right, jobs)
    counts = Counts()
    counts.add(gold, test)
    print(json.dumps({"kb": kb, "left": len(left), "right": len(right), "seconds": took,
                      "mb": grew, "bytes": len("\n".join(left).encode()),
                      "strict": counts.f1(), "links": hashlib.sha256(
                          repr(test).encode()).hexdigest(),
                      "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "workers": resource.getrusage(
                          resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="125,250,500,1000", help="KB a side")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_size(args.one, args.jobs)
        return
    for name, (left, right, gold) in (("Ejaaz", ejaaz()), ("Ejaaz ja-zh", ejaaz_zh()),
                                      ("Ejaaz zh-zh", ejaaz_zh_zh())):
        counts = Counts()
        counts.add(gold, [(x.left, x.right) for x in align(left, right)])
        print(f"{name} ({len(left)} × {len(right)} units): strict F1 {counts.f1():.3f}"
              f"  lax F1 {counts.f1(lax=True):.3f}")
        cut, lowest = omissions((left, right, gold))
        print(f"    runs of 2-5 units left out of one side: strict F1 {cut.f1():.3f}"
              f"  lax F1 {cut.f1(lax=True):.3f}  (20 pairs, lowest {lowest:.3f})")
    cpus = usable_cpus()
    print(f"{'size':>8} {'units':>13} {'1 CPU s':>8} {f'{cpus} CPUs s':>9} {'s/MB':>6}"
          f" {'+peak MB':>9} {'peak MB':>8} {'worker MB':>9} {'strict':>7} {'same':>5}")
    for kb in (int(x) for x in args.sizes.split(",")):
        one, spread = (json.loads(subprocess.run(
            [sys.executable, __file__, "--one", str(kb), "--jobs", str(jobs)], check=True,
            capture_output=True, text=True).stdout) for jobs in (1, cpus))
        same = "yes" if one["links"] == spread["links"] else "NO"
        print(f"{kb:>6}KB {one['left']:>6}×{one['right']:<6} {one['seconds']:8.2f}"
              f" {spread['seconds']:9.2f} {spread['seconds'] / (one['bytes'] / 1e6):6.2f}"
              f" {one['mb']:9.1f} {one['rss']:8.1f} {spread['workers']:9.1f}"
              f" {one['strict']:7.3f} {same:>5}", flush=True)


if __name__ == "__main__":
    main()
