"""Characters per second of fact extraction on about 1 MB of Japanese text.

The text is the two Ejaaz versions repeated with their digits changed on every copy, so no
line repeats and the tokenizer cache cannot flatter the figure. Run:

    python -m benchmarks.bench_facts [--size 1000000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from transcheck.facts import unit_facts
from transcheck.facts.entities import extract_entities
from transcheck.facts.quantities import extract_quantities
from transcheck.facts.tokens import tagger, tokenize

PAIR = Path(__file__).resolve().parent.parent / "pairs" / "ejaaz-grok5"


def build_text(size: int, seed: int = 7) -> list[str]:
    """Lines of the Ejaaz texts, copied with fresh digits until ``size`` characters."""
    rng = random.Random(seed)
    base = [line for v in ("bitpush", "techflow")
            for line in (PAIR / f"{v}.ja.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    lines: list[str] = []
    total = 0
    while total < size:
        for line in base:
            varied = "".join(str(rng.randint(0, 9)) if c.isdigit() else c for c in line)
            lines.append(varied + f" (第{len(lines)}段)")
            total += len(lines[-1]) + 1
    return lines


def measure(name: str, lines: list[str], run: Callable[[str], object]) -> float:
    tokenize.cache_clear()
    chars = sum(len(line) + 1 for line in lines)
    start = time.perf_counter()
    count = 0
    for line in lines:
        result = run(line)
        count += len(result) if isinstance(result, list) else 0
    seconds = time.perf_counter() - start
    rate = chars / seconds
    print(f"{name:<12} {chars:>9,} chars  {seconds:6.2f} s  {rate:>11,.0f} chars/s  "
          f"{count:,} facts")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1_000_000)
    args = parser.parse_args()
    lines = build_text(args.size)
    tagger()  # built once, outside the timing, as in a long-running check
    measure("quantities", lines, lambda s: extract_quantities(s, "ja"))
    measure("entities", lines, lambda s: extract_entities(s, "ja"))
    measure("all facts", lines, lambda s: unit_facts(s, "ja"))


if __name__ == "__main__":
    main()
