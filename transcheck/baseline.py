"""Baselines: today's accepted findings, so that a pre-publish gate fails only on new drift.

``transcheck baseline pairs/ -o transcheck-baseline.json`` records every finding by its
stable id (a fingerprint of the rule and the facts' texts, not of line numbers), and
``--baseline transcheck-baseline.json`` on ``check``/``run`` hides them. An entry whose
finding is gone is *stale*: it is listed as a note so the baseline can be refreshed, and it
never changes the exit code.

```json
{"schema": "transcheck/baseline@1",
 "findings": [{"id": "1f0c…", "rule": "number-mismatch", "severity": "error",
               "pair": "pairs/ejaaz-grok5", "left": "pairs/ejaaz-grok5/bitpush.ja.txt",
               "right": "pairs/ejaaz-grok5/techflow.ja.txt", "message": "…"}]}
```
Paths are relative to the baseline file's folder, with ``/``, so the file works from any
working directory and checkout.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .load import read_bytes
from .model import Finding, InputError, Report
from .output import write_output

BASELINE_SCHEMA = "transcheck/baseline@1"


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted finding."""

    id: str
    rule: str
    message: str
    left: str
    right: str
    pair: str | None = None
    severity: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule, "severity": self.severity, "pair": self.pair,
                "left": self.left, "right": self.right, "message": self.message}


def _rel(path: str, base_dir: str) -> str:
    return os.path.relpath(os.path.abspath(path), base_dir).replace(os.sep, "/")


@dataclass(slots=True)
class Baseline:
    """A baseline file read back, with paths relative to its own folder."""

    path: str
    entries: list[Entry]

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def rel(self, path: str) -> str:
        """How a file or folder is named in this baseline."""
        return _rel(path, self.folder)

    def key(self, left: str, right: str) -> tuple[str, str]:
        """How a pair of files is named in this baseline."""
        return self.rel(left), self.rel(right)

    def for_pair(self, left: str, right: str) -> list[Entry]:
        key = self.key(left, right)
        return [e for e in self.entries if (e.left, e.right) == key]

    def under(self, folders: Iterable[str]) -> list[Entry]:
        """Entries whose left file lies under one of the folders."""
        prefixes = [_rel(f, self.folder).rstrip("/") + "/" for f in folders]
        return [e for e in self.entries
                if any(p == "./" or e.left.startswith(p) for p in prefixes)]


def entries_for(report: Report, base_dir: str, pair: str | None = None) -> list[Entry]:
    """Baseline entries for every finding of a report, paths relative to ``base_dir``."""
    left, right = _rel(report.left.path, base_dir), _rel(report.right.path, base_dir)
    folder = _rel(pair, base_dir) if pair else None
    return [Entry(f.id, f.rule, f.message, left, right, folder, f.severity)
            for f in report.findings]


def read_baseline(path: str) -> Baseline:
    """Read a baseline file; anything malformed is an InputError naming the file."""
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such file (create it with `transcheck baseline`)")
    try:
        data = json.loads(read_bytes(path).decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a transcheck baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise InputError(f"{path}: not a transcheck baseline (schema is not {BASELINE_SCHEMA})")
    raw = data.get("findings")
    if not isinstance(raw, list):
        raise InputError(f"{path}: findings: expected a list")
    entries = []
    for k, item in enumerate(raw):
        if not isinstance(item, dict) or not all(
                isinstance(item.get(key), str) for key in ("id", "rule", "left", "right")):
            raise InputError(f"{path}: findings[{k}]: needs id, rule, left and right strings")
        entries.append(Entry(item["id"], item["rule"], str(item.get("message", "")),
                             item["left"], item["right"], item.get("pair"),
                             item.get("severity")))
    return Baseline(path, entries)


def baseline_text(entries: Sequence[Entry]) -> str:
    """The file's text: entries sorted by pair, files and id, so diffs stay small."""
    ordered = sorted(entries, key=lambda e: (e.pair or "", e.left, e.right, e.id, e.rule))
    data = {"schema": BASELINE_SCHEMA, "findings": [e.as_dict() for e in ordered]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str, entries: Sequence[Entry]) -> None:
    write_output(path, baseline_text(entries))


def filter_baseline(findings: Sequence[Finding], accepted: Sequence[Entry]
                    ) -> tuple[list[Finding], int, list[Entry]]:
    """Findings not in the baseline, how many were hidden, and the entries left unmatched.

    Ids are counted, not just looked up: if a text repeats a drift twice and the baseline
    accepted it once, the second one is still reported.
    """
    budget = Counter(e.id for e in accepted)
    kept: list[Finding] = []
    for f in findings:
        if budget[f.id] > 0:
            budget[f.id] -= 1
        else:
            kept.append(f)
    stale: list[Entry] = []
    for e in accepted:
        if budget[e.id] > 0:
            budget[e.id] -= 1
            stale.append(e)
    return kept, len(findings) - len(kept), stale
