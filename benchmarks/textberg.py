"""Text+Berg: align testK.mt.fr (a machine translation of testK.de) with testK.fr.

Two independent French versions of one German article, hand-aligned (testK.gold), the
standard test of Bleualign and vecalign. Prints strict and lax F1 per article and pooled
over the seven, as in Sennrich & Volk (2011). The data is read from
../shared/bench/textberg (outside the repository; see its README).

    python benchmarks/textberg.py [DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transcheck.align import align
from transcheck.align.evaluate import Counts, Pair, read_textberg_gold

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "textberg"
ARTICLES = range(7)


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def load(folder: Path, k: int) -> tuple[list[str], list[str], list[Pair]]:
    """The MT lines, the French lines and the gold links of article k."""
    return (read_lines(folder / f"test{k}.mt.fr"), read_lines(folder / f"test{k}.fr"),
            read_textberg_gold((folder / f"test{k}.gold").read_text(encoding="utf-8")))


def evaluate(folder: Path = DEFAULT, verbose: bool = False) -> Counts:
    """Pooled counts over the seven test articles."""
    pooled = Counts()
    for k in ARTICLES:
        left, right, gold = load(folder, k)
        start = time.perf_counter()
        test = [(link.left, link.right) for link in align(left, right)]
        took = time.perf_counter() - start
        pooled.add(gold, test)
        if verbose:
            one = Counts()
            one.add(gold, test)
            print(f"test{k}: {len(left):4d} × {len(right):4d} lines  strict F1 {one.f1():.3f}"
                  f"  lax F1 {one.f1(lax=True):.3f}  {took:.2f}s")
    return pooled


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.is_dir():
        sys.exit(f"no Text+Berg data at {folder}")
    pooled = evaluate(folder, verbose=True)
    print(f"pooled: strict F1 {pooled.f1():.3f}  lax F1 {pooled.f1(lax=True):.3f}"
          "  (vecalign 0.902 / 0.986, bertalign 0.936 / 0.989)")


if __name__ == "__main__":
    main()
