"""GitLab's code-quality report: ``artifacts: reports: codequality: gl-code-quality.json``.

A JSON array with an issue per finding (https://docs.gitlab.com/ci/testing/code_quality/),
located on the version under review like the other CI formats, with a fingerprint GitLab
uses to tell new issues from old: the finding's content id and both paths, so it survives
unrelated edits. Severities: error → major, warning → minor, info → info.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..model import Finding, Report
from ..run import RunResult
from .common import labels, message_text, other_side, primary_and_other, single
from .json import dumps

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issue(report: Report, f: Finding, names: tuple[str, str]) -> dict[str, Any]:
    primary, other = primary_and_other(report, f)
    description = f"{f.rule}: {message_text(f.message)}"
    if note := other_side(report, other, names):
        description += f" ({message_text(note)})"
    fingerprint = hashlib.sha256(
        f"{f.id}\0{report.left.path}\0{report.right.path}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    return {
        "type": "issue",
        "description": description,
        "check_name": f.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITY[f.severity],
        "location": {"path": primary.path,
                     "positions": {"begin": {"line": primary.loc.line,
                                             "column": primary.loc.column},
                                   "end": {"line": primary.end_line,
                                           "column": primary.end_column}}},
    }


def render_run(run: RunResult, color: bool = False) -> str:
    issues = [issue(p.report, f, labels(p)) for p in run.pairs if p.report is not None
              for f in p.report.findings]
    issues += [{"type": "issue", "description": message_text(f"{p.name}: {p.error}"),
                "check_name": "input-error", "severity": "blocker",
                "fingerprint": hashlib.sha256(f"input-error\0{p.name}".encode()).hexdigest(),
                "location": {"path": p.left_path, "lines": {"begin": 1}}}
               for p in run.pairs if p.error is not None]
    return dumps(issues)


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
