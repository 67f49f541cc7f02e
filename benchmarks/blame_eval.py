"""How often the fact table blames the right version for a planted drift.

    python -m benchmarks.blame_eval

Each case of tests/fixtures/chains/drifts.toml plants one drift in a copy of a folder of
tests/fixtures/chains (the two Ejaaz chains zh → ja, the Nvidia report en → zh → ja, three
Japanese peers of a Solana report) at a known step (the Chinese translation, the Japanese
one, a peer) and of a known kind (number, time, unit, bound). A case is right when the
table has exactly one new disagreeing row and it names the expected version (or says it
cannot tell, where no source or majority can). It also counts rows blamed although every
version states them alike, and rows that agreed before the drift and are blamed after it
besides the planted one. The test suite checks the same figures.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transcheck.run import run
from transcheck.table import FactTable, Row

ROOT = Path(__file__).resolve().parent.parent
CHAINS = ROOT / "tests" / "fixtures" / "chains"
CASES = CHAINS / "drifts.toml"


@dataclass
class Outcome:
    folder: str
    kind: str
    step: str
    expected: str
    got: str  # the blamed files, "cannot-tell", or what went wrong
    right: bool
    agreeing_blamed: int  # rows whose versions all agree, yet blamed (must be 0)
    collateral: int  # rows that agreed before the drift and are blamed besides the planted one


def table_of(folder: Path) -> FactTable:
    return next(iter(run([str(folder)]).tables.values()))


def _key(table: FactTable, row: Row) -> tuple[str, ...]:
    """A row by what the versions say and in which unit: an edit shifts the offsets after
    it, not the units."""
    return tuple("" if not c else f"{c[0].unit_index}:{c[0].text}" for c in row.cells)


def _verdict(table: FactTable, row: Row) -> str:
    if row.verdict == "blamed":
        return " ".join(Path(table.versions[k].path).name for k in row.blame)
    return row.verdict


def evaluate_case(case: dict[str, Any], base: FactTable, work: Path) -> Outcome:
    src = CHAINS / case["folder"]
    dst = work / case["folder"]
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    for file, old, new in case["edits"]:
        text = (dst / file).read_text("utf-8")
        if text.count(old) != 1:
            raise SystemExit(f"{CASES}: {old!r} occurs {text.count(old)} times in {file}")
        (dst / file).write_text(text.replace(old, new), "utf-8")
    table = table_of(dst)
    before = {_key(base, r) for r in base.disagreeing()}
    new = [r for r in table.disagreeing() if _key(table, r) not in before]
    agreeing_blamed = sum(1 for r in table.rows if r.agrees and r.blame)
    if len(new) == 1:
        got = _verdict(table, new[0])
        right = got == case["blame"]
    else:
        got = f"{len(new)} new disagreeing rows: " + "; ".join(_verdict(table, r) for r in new)
        right = False
    collateral = sum(1 for r in new[1:] if r.blame)
    return Outcome(case["folder"], case["kind"], case["step"], case["blame"], got, right,
                   agreeing_blamed, collateral)


def evaluate() -> list[Outcome]:
    cases = tomllib.loads(CASES.read_text("utf-8"))["case"]
    bases = {f: table_of(CHAINS / f) for f in sorted({c["folder"] for c in cases})}
    with tempfile.TemporaryDirectory() as tmp:
        return [evaluate_case(c, bases[c["folder"]], Path(tmp)) for c in cases]


def main() -> int:
    start = time.process_time()
    outcomes = evaluate()
    for o in outcomes:
        mark = "ok  " if o.right else "MISS"
        print(f"{mark} {o.folder:7} {o.step:4} {o.kind:6} expected {o.expected:16} got {o.got}")
    right = sum(o.right for o in outcomes)
    print(f"\nblame right: {right} of {len(outcomes)} ({right / len(outcomes):.1%})")
    by: Counter[tuple[str, str]] = Counter()
    ok: Counter[tuple[str, str]] = Counter()
    for o in outcomes:
        by[o.step, o.kind] += 1
        ok[o.step, o.kind] += o.right
    for key in sorted(by):
        print(f"  {key[0]:4} {key[1]:6} {ok[key]} of {by[key]}")
    print(f"agreeing rows blamed: {sum(o.agreeing_blamed for o in outcomes)}; "
          f"other rows blamed by a drift: {sum(o.collateral for o in outcomes)}")
    print(f"({time.process_time() - start:.1f} s CPU in this process)")
    return 0 if right == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
