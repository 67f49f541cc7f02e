"""What each repair pass after the alignment's DP protects: the quality figures with all
passes, then with each one turned off in turn.

Figures: strict F1 of the three Ejaaz golds (ja–ja, ja–zh, zh–zh), each whole and abridged
(``bench_align``), Text+Berg pooled (``textberg``), and ``findings_eval``'s counts (errors
and warnings found on the Ejaaz pair, then on its 20 abridged pairs, and false alarms). A
pass whose absence lowers no figure has no job left: retire it.

    python -m benchmarks.repair_passes [--passes absorb,shift]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import transcheck.align as align_module
from benchmarks import bench_align, findings_eval, textberg
from transcheck.align.evaluate import Counts

PASSES = ("absorb", "unlink_unlike", "fill_gaps", "match_gaps", "link_across", "relink",
          "regroup", "shift")


@contextlib.contextmanager
def without(name: str | None) -> Iterator[None]:
    """The aligner with pass ``name`` (if any) doing nothing."""
    if name is None:
        yield
        return
    kept: Callable[..., Any] = getattr(align_module, name)
    setattr(align_module, name, lambda scorer, path, *args, **kwargs: path)
    try:
        yield
    finally:
        setattr(align_module, name, kept)


def figures() -> list[str]:
    out = []
    for name, source in (("ja-ja", bench_align.ejaaz()), ("ja-zh", bench_align.ejaaz_zh()),
                         ("zh-zh", bench_align.ejaaz_zh_zh())):
        left, right, gold = source
        counts = Counts()
        counts.add(gold, [(x.left, x.right) for x in align_module.align(left, right)])
        cut, _ = bench_align.omissions(source)
        out.append(f"{name} {counts.f1():.3f}/{cut.f1():.3f}")
    if textberg.DEFAULT.is_dir():
        out.append(f"Text+Berg {textberg.evaluate().f1():.3f}")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        findings_eval.main()
    found = [m.group(1) for m in re.finditer(r"\((\d+) found", printed.getvalue())]
    false = re.findall(r"agreeing facts reported as error/warning: (\d+)", printed.getvalue())
    out.append(f"findings {'/'.join(found)} false {'/'.join(false)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passes", default=",".join(PASSES), help="passes to turn off")
    args = parser.parse_args()
    print("strict F1 whole/abridged; findings: errors/warnings found (Ejaaz, abridged)")
    for name in [None, *[p for p in args.passes.split(",") if p]]:
        with without(name):
            print(f"{'all passes' if name is None else 'without ' + name:<24}",
                  "  ".join(figures()), flush=True)


if __name__ == "__main__":
    main()
