"""Precision and recall of findings against the hand annotation of the Ejaaz pair.

    python -m benchmarks.findings_eval

prints, for errors and for warnings, what was found, what was missed and what was reported
that is not a drift, then precision and recall; then the same over abridged pairs, one
version with runs of paragraphs left out, where an alignment thrown off by the gaps would
show as alarms that are not drifts. The annotation is tests/fixtures/ejaaz-drifts.toml; the
test suite checks the same figures.
"""

from __future__ import annotations

import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = ROOT / "tests" / "fixtures" / "ejaaz-drifts.toml"
PAIR = ROOT / "pairs" / "ejaaz-grok5"


@dataclass
class Score:
    severity: str
    hits: list[str]
    missed: list[str]
    false: list[str]

    @property
    def precision(self) -> float:
        n = len(self.hits) + len(self.false)
        return len(self.hits) / n if n else 1.0

    @property
    def recall(self) -> float:
        n = len(self.hits) + len(self.missed)
        return len(self.hits) / n if n else 1.0


def _side_matches(entry: dict[str, Any], loc: Any) -> bool:
    if loc is None:
        return False
    text: str = entry["text"]
    return bool(loc.line == entry["line"] and (text in loc.text or loc.text in text))


def _describe(f: Any) -> str:
    where = "/".join(f"L{loc.line}" if loc else "-" for loc in (f.left, f.right))
    return f"{f.rule} {where}: {f.message}"


def evaluate(report: Any, annotation: dict[str, Any]) -> tuple[list[Score], list[str]]:
    """Scores for errors and warnings, and the findings that hit an agreeing fact."""
    drifts = annotation.get("drift", [])
    scores = []
    for severity in ("error", "warning"):
        gold = [d for d in drifts if d["severity"] == severity]
        found = [f for f in report.findings if f.severity == severity]
        hits, missed = [], []
        used: set[int] = set()
        for d in gold:
            k = next((k for k, f in enumerate(found) if k not in used and f.rule == d["rule"]
                      and _side_matches(d["left"], f.left)
                      and _side_matches(d["right"], f.right)), None)
            if k is None:
                missed.append(f"{d['rule']} L{d['left']['line']} {d['left']['text']} vs "
                              f"R{d['right']['line']} {d['right']['text']}")
            else:
                used.add(k)
                hits.append(_describe(found[k]))
        false = [_describe(f) for k, f in enumerate(found) if k not in used]
        scores.append(Score(severity, hits, missed, false))
    crying_wolf = [
        _describe(f)
        for f in report.findings
        if f.severity in ("error", "warning")
        for a in annotation.get("agree", [])
        if _side_matches(a["left"], f.left) or _side_matches(a["right"], f.right)
    ]
    return scores, crying_wolf


def abridged(annotation: dict[str, Any], seeds: int = 10) -> tuple[list[Score], list[str]]:
    """The same scores over abridged pairs: for each side and seed, runs of its lines left
    out as ``bench_align.dropped_runs`` draws them (blanked, so line numbers stay), and the
    drifts whose line on that side is gone taken out of the annotation."""
    from benchmarks.bench_align import dropped_runs
    from transcheck.check import check_documents
    from transcheck.load import parse_document

    texts = {name: (PAIR / f"{name}.ja.txt").read_text("utf-8")
             for name in ("bitpush", "techflow")}
    pooled = [Score(severity, [], [], []) for severity in ("error", "warning")]
    crying_wolf: list[str] = []
    for name, side in (("bitpush", "left"), ("techflow", "right")):
        lines = texts[name].split("\n")
        rows = [n for n, line in enumerate(lines) if line.strip()]
        for seed in range(seeds):
            gone = {rows[k] + 1 for k in dropped_runs(len(rows), seed)}  # 1-based lines
            cut = "\n".join("" if n + 1 in gone else line for n, line in enumerate(lines))
            docs = {other: parse_document(cut if other == name else texts[other],
                                          f"{other}.ja.txt") for other in texts}
            kept = dict(annotation, drift=[d for d in annotation.get("drift", [])
                                           if d[side]["line"] not in gone])
            scores, wolf = evaluate(check_documents(docs["bitpush"], docs["techflow"]), kept)
            for total, one in zip(pooled, scores, strict=True):
                total.hits += one.hits
                total.missed += one.missed
                total.false += one.false
            crying_wolf += wolf
    return pooled, crying_wolf


def _print_scores(scores: list[Score], wolf: list[str]) -> None:
    for s in scores:
        print(f"{s.severity}s: precision {s.precision:.3f}  recall {s.recall:.3f}  "
              f"({len(s.hits)} found, {len(s.missed)} missed, {len(s.false)} not drifts)")
        for line in s.missed:
            print(f"  missed: {line}")
        for line in s.false:
            print(f"  not a drift: {line}")
    print(f"agreeing facts reported as error/warning: {len(wolf)}")
    for line in wolf:
        print(f"  {line}")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from transcheck.check import check_documents
    from transcheck.cli import _load

    annotation = tomllib.loads(ANNOTATION.read_text("utf-8"))
    t0 = time.perf_counter()
    report = check_documents(_load(str(PAIR / "bitpush.ja.txt"), "auto", None),
                             _load(str(PAIR / "techflow.ja.txt"), "auto", None))
    elapsed = time.perf_counter() - t0
    _print_scores(*evaluate(report, annotation))
    print(f"summary: {report.summary()}  check took {elapsed:.3f} s")
    print("\nabridged pairs (20: runs of 2-5 lines left out of one version every 12-25 lines, "
          "ten times a side):")
    _print_scores(*abridged(annotation))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
