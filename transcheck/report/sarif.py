"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run holds the results of every pair. Each result is located on the version under
review (the right one by default: the translation being published) and points, through a
related location and an embedded link in its message, at the same fact in the other
version. The finding's stable id is the result's partial fingerprint, so code scanning
tracks a drift across edits that move it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Report
from ..rules import RULES
from ..run import RunResult
from .common import (
    Span,
    all_stale,
    display_path,
    labels,
    primary_and_other,
    single,
    stale_note,
)

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "transcheckId/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _section(doc: str, heading: str) -> str:
    """One '## heading' section of a rule's docstring."""
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return " ".join(m.group(1).split()) if m else ""


def rule_descriptors() -> list[dict[str, Any]]:
    """tool.driver.rules: every rule with its summary, description and full docs."""
    out = []
    for rule in RULES.values():
        body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else rule.summary
        out.append({
            "id": rule.name,
            "name": "".join(part.capitalize() for part in rule.name.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": _section(rule.doc, "What it finds") or rule.summary},
            "help": {"text": body, "markdown": f"**{rule.summary}**\n\n{body}"},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": ["translation", "fact-drift"]},
        })
    return out


def artifact_location(path: str) -> dict[str, Any]:
    """A file relative to the source root when it is under the working directory."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full)
    if rel.startswith(".."):
        return {"uri": Path(full).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


def region(s: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"startLine": s.loc.line, "startColumn": s.loc.column}
    if s.end_line != s.loc.line:
        out["endLine"] = s.end_line
    out.update(endColumn=s.end_column, charOffset=s.loc.start,
               charLength=s.loc.end - s.loc.start, snippet={"text": s.loc.text})
    return out


def location(s: Span, *, id_: int | None = None, message: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if id_ is not None:
        out["id"] = id_
    out["physicalLocation"] = {"artifactLocation": artifact_location(s.doc.path),
                               "region": region(s)}
    if message:
        out["message"] = {"text": message}
    return out


def _escape(text: str) -> str:
    """Plain text for a SARIF message: brackets would otherwise start an embedded link."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def result(report: Report, f: Finding, rule_index: dict[str, int], names: tuple[str, str],
           pair: str | None, review: str = "right") -> dict[str, Any]:
    primary, other = primary_and_other(report, f, review)
    text = _escape(f.message)
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [location(primary)],
    }
    if other is not None:
        other_name = names[0] if other.doc is report.left else names[1]
        where = f"{other.path}:{other.loc.line}:{other.loc.column}"
        out["message"]["text"] = (f"{text} (in {_escape(other_name)}: "
                                  f"[{_escape(other.loc.text)}](1) at {_escape(where)})")
        out["relatedLocations"] = [location(other, id_=1,
                                            message=f"{other_name}: {other.loc.text}")]
    out["partialFingerprints"] = {FINGERPRINT_KEY: f.id}
    props: dict[str, Any] = {"transcheckSeverity": f.severity}
    if pair:
        props["pair"] = pair
    if f.blame is not None:  # where the run's fact table can tell which version departed
        out["message"]["text"] += (f" The drift came in at {_escape(os.path.basename(f.blame))}"
                                   " (see the fact table).")
        props["blame"] = display_path(f.blame)
    out["properties"] = props
    return out


def sarif_log(run: RunResult, review: str = "right") -> dict[str, Any]:
    """The whole log as a dict (see :func:`render` for the text)."""
    rules = rule_descriptors()
    rule_index = {r["id"]: k for k, r in enumerate(rules)}
    results = []
    errors = []
    for pair in run.pairs:
        if pair.error is not None:
            errors.append({"level": "error", "message": {"text": f"{pair.name}: {pair.error}"}})
        if pair.report is None:
            continue
        names = labels(pair)
        for f in pair.report.findings:
            results.append(result(pair.report, f, rule_index, names, pair.folder, review))
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = errors
    stale = all_stale(run)
    if stale:
        invocation["toolConfigurationNotifications"] = [
            {"level": "note", "message": {"text": stale_note(e)}} for e in stale]
    cwd = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "transcheck", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": cwd}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_run(run: RunResult, color: bool = False) -> str:
    return json.dumps(sarif_log(run), ensure_ascii=False, indent=2) + "\n"


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
