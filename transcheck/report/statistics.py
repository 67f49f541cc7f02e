"""``--statistics``: how many findings each rule produced, instead of the findings.

As ruff's ``--statistics``: one line per rule, the most frequent first within a severity,
errors first; ``--format json`` gives the same rows as a list of objects.
"""

from __future__ import annotations

from collections import Counter

from ..run import RunResult
from .common import SEVERITY_RANK
from .json import dumps


def rows(run: RunResult) -> list[tuple[str, str, int]]:
    """(severity, rule, count) of the findings shown, errors first, then by count."""
    counts = Counter((f.severity, f.rule) for p in run.pairs if p.report is not None
                     for f in p.report.findings)
    return sorted(((sev, rule, n) for (sev, rule), n in counts.items()),
                  key=lambda r: (SEVERITY_RANK[r[0]], -r[2], r[1]))


def render(run: RunResult, fmt: str = "text") -> str:
    found = rows(run)
    if fmt == "json":
        return dumps([{"rule": rule, "severity": sev, "count": n} for sev, rule, n in found])
    width = max((len(str(n)) for _, _, n in found), default=1)
    lines = [f"{n:>{width}}  {sev:<7}  {rule}" for sev, rule, n in found]
    total = sum(n for _, _, n in found)
    pairs = len(run.pairs)
    lines.append(f"{total} finding{'s' if total != 1 else ''} in {pairs} "
                 f"pair{'s' if pairs != 1 else ''}")
    return "\n".join(lines) + "\n"
