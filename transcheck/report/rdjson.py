"""reviewdog's diagnostic JSON (rdjson): ``transcheck run --format rdjson | reviewdog -f=rdjson``.

One ``DiagnosticResult`` with a diagnostic per finding, located on the version under
review (the right one; a fact present only in the left version is located there), its
message naming the same fact in the other version. Columns are counted in UTF-8 bytes, as
the format asks (https://github.com/reviewdog/reviewdog/tree/master/proto/rdf); the end is
exclusive.
"""

from __future__ import annotations

from typing import Any

from ..model import Finding, Report
from ..run import RunResult
from .common import (
    Span,
    all_stale,
    byte_column,
    labels,
    message_text,
    other_side,
    primary_and_other,
    single,
)
from .json import dumps

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _position(span: Span, offset: int) -> dict[str, int]:
    line, _ = span.doc.position(offset)
    return {"line": line, "column": byte_column(span.doc, offset)}


def diagnostic(report: Report, f: Finding, names: tuple[str, str]) -> dict[str, Any]:
    primary, other = primary_and_other(report, f)
    message = message_text(f.message)
    if note := other_side(report, other, names):
        message += "\n" + message_text(note)
    return {
        "message": message,
        "location": {"path": primary.path,
                     "range": {"start": _position(primary, primary.loc.start),
                               "end": _position(primary, primary.loc.end)}},
        "severity": SEVERITY[f.severity],
        "code": {"value": f.rule},
    }


def render_run(run: RunResult, color: bool = False) -> str:
    diagnostics = [diagnostic(p.report, f, labels(p)) for p in run.pairs
                   if p.report is not None for f in p.report.findings]
    diagnostics += [{"message": message_text(f"{p.name}: {p.error}"),
                     "location": {"path": p.left_path},
                     "severity": "ERROR", "code": {"value": "input-error"}}
                    for p in run.pairs if p.error is not None]
    diagnostics += [{"message": message_text(f"baseline entry no longer found: {e.message}"),
                     "location": {"path": e.left}, "severity": "INFO",
                     "code": {"value": "stale-baseline"}} for e in all_stale(run)]
    worst = next((SEVERITY[s] for s in ("error", "warning", "info")
                  if any(d["severity"] == SEVERITY[s] for d in diagnostics)), None)
    out: dict[str, Any] = {"source": {"name": "transcheck"}, "diagnostics": diagnostics}
    if worst is not None:
        out["severity"] = worst
    return dumps(out)


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
