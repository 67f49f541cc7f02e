"""End-to-end speed of ``check``: the Ejaaz pair, then book-length pairs.

    python -m benchmarks.bench_check [--max-kb 1024]

Book-length versions are made from the two Ejaaz texts: each copy of an article is a
"chapter" with its numbers shifted (so chapters differ) and, on the right side, every
seventh paragraph dropped and neighbouring paragraphs swapped now and then, as free
translations do. Prints the time of each stage and how the total grows with size.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from transcheck.check import align_documents, read_facts
from transcheck.findings import compare
from transcheck.load import parse_document
from transcheck.model import Document
from transcheck.workers import usable_cpus

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "pairs" / "ejaaz-grok5"


def book(side: str, size: int, seed: int = 7) -> str:
    """About ``size`` characters of chapters made from one Ejaaz version."""
    rng = random.Random(seed)
    source = (PAIR / f"{side}.ja.txt").read_text("utf-8")
    paragraphs = [p for p in source.split("\n") if p.strip()]
    out: list[str] = []
    total = chapter = 0
    while total < size:
        chapter += 1
        out.append(f"第{chapter}章")
        body = [p.replace("2026", str(2026 + chapter % 5)).replace("億", "億" if chapter % 2
                else "万") for p in paragraphs]
        if side == "techflow":
            body = [p for k, p in enumerate(body) if (k + chapter) % 7]
            for k in range(0, len(body) - 1, 9):
                if rng.random() < 0.5:
                    body[k], body[k + 1] = body[k + 1], body[k]
        out += body
        total += sum(len(p) + 1 for p in body)
    return "\n".join(out) + "\n"


def run(left: Document, right: Document) -> dict[str, float]:
    times: dict[str, float] = {}
    t = time.perf_counter()
    lf, rf = read_facts(left, right, jobs=usable_cpus())  # as the CLI does
    times["facts"] = time.perf_counter() - t
    t = time.perf_counter()
    links = align_documents(left, right, lf, rf, jobs=usable_cpus())  # as the CLI does
    times["align"] = time.perf_counter() - t
    t = time.perf_counter()
    findings = compare(left, right, lf, rf, links)
    times["findings"] = time.perf_counter() - t
    times["total"] = sum(times.values())
    times["n_findings"] = len(findings)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-kb", type=int, default=1024)
    args = parser.parse_args()

    left = parse_document((PAIR / "bitpush.ja.txt").read_text("utf-8"), "bitpush.ja.txt")
    right = parse_document((PAIR / "techflow.ja.txt").read_text("utf-8"), "techflow.ja.txt")
    run(left, right)  # warm up: MeCab dictionary, regex compilation
    best = min((run(left, right) for _ in range(5)), key=lambda t: t["total"])
    print(f"Ejaaz pair ({len(left.text):,} + {len(right.text):,} chars): "
          f"total {best['total'] * 1000:.0f} ms (facts {best['facts'] * 1000:.0f}, "
          f"align {best['align'] * 1000:.0f}, findings {best['findings'] * 1000:.0f})")

    print(f"{'size/side':>10} {'chars':>9} {'facts s':>8} {'align s':>8} {'find s':>8} "
          f"{'total s':>8} {'RSS MB':>8} {'findings':>8}")
    previous = None
    kb = 125
    while kb <= args.max_kb:
        size = kb * 1024 // 3  # about 3 bytes of UTF-8 per Japanese character
        ldoc = parse_document(book("bitpush", size), "left.txt")
        rdoc = parse_document(book("techflow", size), "right.txt")
        t = run(ldoc, rdoc)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        growth = f"  ×{t['total'] / previous:.2f}" if previous else ""
        print(f"{kb:>8}KB {len(ldoc.text):>9,} {t['facts']:>8.2f} {t['align']:>8.2f} "
              f"{t['findings']:>8.2f} {t['total']:>8.2f} {peak:>8.1f} {int(t['n_findings']):>8}"
              f"{growth}")
        previous = t["total"]
        kb *= 2
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"(RSS MB: the process's peak resident memory so far, runs in increasing size; "
          f"long pairs are aligned in blocks over {usable_cpus()} CPUs, in worker processes "
          f"of at most {workers:.0f} MB)")


if __name__ == "__main__":
    main()
