"""Speed of ``check`` on a book that repeats itself, against the MeCab tokenizer floor.

    python -m benchmarks.repeated_book [--chapters 24 48]

The book is made of numbered chapters (第1章, 第2章, …), each the same four real Japanese
articles of this project on the left and their edited versions on the right:

- the Ejaaz article as bitpush wrote it, against techflow's version (pairs/ejaaz-grok5);
- techflow's version, against itself edited (see ``edited``);
- the Solana news (tests/fixtures/texts/solana.a.ja.txt), against its second version;
- the Nvidia news (tests/fixtures/texts/nvidia.ja.md), against itself edited.

Every chapter is word for word the others but for its heading and the edits, which move with
the chapter number; so almost nothing is unique to one place, as in a book of reports made
from one template. ``check`` runs on one CPU (``-j 1``: no worker process) and its CPU time
is split by stage: reading facts, alignment, and the findings (``compare``), with the share
of the findings spent refining links sentence by sentence (``Block._refine``). The floor is
the CPU time MeCab (fugashi, UniDic) takes to tokenize every line of both sides once.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import regex

from transcheck import findings as findings_module
from transcheck.check import align_documents, one_date, read_facts
from transcheck.facts.tokens import tagger
from transcheck.findings import compare
from transcheck.load import parse_document
from transcheck.model import Document

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "fixtures" / "texts"
EJAAZ = ROOT / "pairs" / "ejaaz-grok5"
_DIGITS = regex.compile(r"[0-9]+")


def _paragraphs(path: Path) -> list[str]:
    """The paragraphs of a text file, front matter and Markdown heading marks left out."""
    text = path.read_text("utf-8")
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 4) + 5:]
    return [p.strip().lstrip("# ") for p in text.split("\n") if p.strip()]


def edited(paragraphs: list[str], chapter: int) -> list[str]:
    """A deterministic edit of an article, different in each chapter: one number changed,
    one paragraph dropped, two neighbouring paragraphs swapped (the last two only in
    articles long enough to spare them)."""
    out = list(paragraphs)
    n = len(out)
    numbered = [k for k, p in enumerate(out) if _DIGITS.search(p)]
    if numbered:
        k = numbered[chapter % len(numbered)]
        m = _DIGITS.search(out[k])
        assert m is not None
        out[k] = out[k][:m.start()] + str(int(m.group()) + 1 + chapter % 3) + out[k][m.end():]
    if n > 6:
        del out[1 + (chapter * 3) % (n - 2)]
        k = 1 + (chapter * 5) % (len(out) - 2)
        out[k], out[k + 1] = out[k + 1], out[k]
    return out


def book(chapters: int) -> tuple[str, str]:
    """The two sides of the book."""
    bitpush, techflow = _paragraphs(EJAAZ / "bitpush.ja.txt"), _paragraphs(EJAAZ /
                                                                          "techflow.ja.txt")
    solana_a, solana_b = (_paragraphs(TEXTS / "solana.a.ja.txt"),
                          _paragraphs(TEXTS / "solana.b.ja.txt"))
    nvidia = _paragraphs(TEXTS / "nvidia.ja.md")
    left: list[str] = []
    right: list[str] = []
    for c in range(1, chapters + 1):
        left.append(f"第{c}章")
        right.append(f"第{c}章")
        left += bitpush + techflow + solana_a + nvidia
        right += techflow + edited(techflow, c) + solana_b + edited(nvidia, c)
    return "\n".join(left) + "\n", "\n".join(right) + "\n"


@contextmanager
def counting_refine(seen: dict[str, Any]) -> Iterator[None]:
    """Time ``Block._refine`` and count its calls and distinct inputs while inside."""
    original: Callable[..., dict[int, int]] = findings_module.Block._refine

    def timed(block: findings_module.Block) -> dict[int, int]:
        t = time.process_time()
        try:
            return original(block)
        finally:
            seen["refine"] += time.process_time() - t
            seen["calls"] += 1
            seen["inputs"].add((tuple(block.left_doc.units[i].text for i in block.link.left),
                                tuple(block.right_doc.units[i].text for i in block.link.right)))

    findings_module.Block._refine = timed  # type: ignore[method-assign]
    try:
        yield
    finally:
        findings_module.Block._refine = original  # type: ignore[method-assign]


def floor(left: Document, right: Document) -> float:
    """CPU seconds MeCab takes to tokenize every line of both sides once."""
    tag = tagger()
    t = time.process_time()
    for doc in (left, right):
        for line in doc.text.split("\n"):
            if line:
                tag(line)
    return time.process_time() - t


def run(left: Document, right: Document) -> dict[str, Any]:
    """CPU seconds of each stage of ``check`` on one CPU, and what ``compare`` refined."""
    seen: dict[str, Any] = {"refine": 0.0, "calls": 0, "inputs": set()}
    left, right = one_date(left, right)
    t0 = time.process_time()
    lf, rf = read_facts(left, right, jobs=1)
    t1 = time.process_time()
    links = align_documents(left, right, lf, rf, jobs=1)
    t2 = time.process_time()
    with counting_refine(seen):
        found = compare(left, right, lf, rf, links)
    t3 = time.process_time()
    return {"facts": t1 - t0, "align": t2 - t1, "compare": t3 - t2, "total": t3 - t0,
            "refine": seen["refine"], "calls": seen["calls"], "inputs": len(seen["inputs"]),
            "findings": len(found), "links": len(links)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chapters", type=int, nargs="+", default=[24, 48])
    args = parser.parse_args()

    warm_l, warm_r = book(1)  # the tagger's dictionary, compiled patterns
    run(parse_document(warm_l, "left.txt"), parse_document(warm_r, "right.txt"))
    print(f"{'chapters':>8} {'chars/side':>10} {'floor s':>8} {'check s':>8} {'×floor':>7} "
          f"{'facts':>6} {'align':>6} {'compare':>7} {'refine':>6} {'calls':>5} "
          f"{'inputs':>6} {'findings':>8}")
    for chapters in args.chapters:
        ltext, rtext = book(chapters)
        ldoc, rdoc = parse_document(ltext, "left.txt"), parse_document(rtext, "right.txt")
        base = floor(ldoc, rdoc)
        t = run(ldoc, rdoc)
        print(f"{chapters:>8} {len(ldoc.text):>10,} {base:>8.2f} {t['total']:>8.2f} "
              f"{t['total'] / base:>7.1f} {t['facts']:>6.2f} {t['align']:>6.2f} "
              f"{t['compare']:>7.2f} {t['refine']:>6.2f} {t['calls']:>5} {t['inputs']:>6} "
              f"{t['findings']:>8}")
    print("(CPU seconds of this process, one CPU; refine: the part of compare spent in "
          "Block._refine, calls and distinct inputs)")


if __name__ == "__main__":
    main()
