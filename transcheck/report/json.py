"""The JSON report (schema ``transcheck/report@1``) and the alignment and facts objects."""

from __future__ import annotations

import json
from typing import Any

from ..model import Document, Entity, Fact, Finding, Link, Location, Quantity, Report, TimeSpan

REPORT_SCHEMA = "transcheck/report@1"
ALIGNMENT_SCHEMA = "transcheck/alignment@1"
FACTS_SCHEMA = "transcheck/facts@1"


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() and abs(v) < 2**63 else v


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "lang": doc.lang,
        "date": doc.date.isoformat() if doc.date else None,
        "encoding": doc.encoding,
        "units": [{"line": u.line, "start": u.start, "end": u.end} for u in doc.units],
    }


def link_dict(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {"left": list(link.left), "right": list(link.right)}
    if link.score is not None:
        out["score"] = link.score
    return out


def location_dict(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    out: dict[str, Any] = {"line": loc.line, "column": loc.column, "start": loc.start,
                           "end": loc.end, "text": loc.text}
    if loc.value is not None:
        out["value"] = _num(loc.value)
    if loc.unit is not None:
        out["unit"] = loc.unit
    return out


def alignment_dict(left: Document, right: Document, links: list[Link],
                   signals: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": ALIGNMENT_SCHEMA,
        "left": document_dict(left),
        "right": document_dict(right),
        "alignment": [link_dict(link) for link in links],
    }
    if signals:
        out["signals"] = list(signals)  # optional: what aligned the pair (README)
    return out


def report_dict(report: Report) -> dict[str, Any]:
    out = alignment_dict(report.left, report.right, report.alignment, report.signals)
    out["schema"] = REPORT_SCHEMA
    out["findings"] = [finding_dict(f) for f in report.findings]
    out["summary"] = report.summary()
    return out


def finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f.id, "rule": f.rule, "severity": f.severity,
                           "message": f.message, "left": location_dict(f.left),
                           "right": location_dict(f.right)}
    if f.blame is not None:  # named only where a run's fact table can tell
        out["blame"] = f.blame
    return out


def fact_dict(doc: Document, fact: Fact) -> dict[str, Any]:
    line, column = doc.position(fact.start)
    out: dict[str, Any] = {"kind": fact.kind, "line": line, "column": column,
                           "start": fact.start, "end": fact.end, "text": fact.text}
    if isinstance(fact, Quantity):
        out.update(value=_num(fact.value), low=_num(fact.low), high=_num(fact.high),
                   unit=fact.unit, qualifier=fact.qualifier, per=fact.per, noun=fact.noun,
                   counter=fact.counter)
    elif isinstance(fact, TimeSpan):
        out.update(
            time_start=fact.time_start.isoformat() if fact.time_start else None,
            time_end=fact.time_end.isoformat() if fact.time_end else None,
            relative=fact.relative, anchor=fact.anchor, duration=fact.duration,
            direction=fact.direction, qualifier=fact.qualifier,
            granularity=fact.granularity, fiscal=fact.fiscal,
        )
    elif isinstance(fact, Entity):
        out.update(name=fact.name, family=fact.family)
    return out


def facts_dict(doc: Document, facts: list[Fact]) -> dict[str, Any]:
    return {
        "schema": FACTS_SCHEMA,
        "path": doc.path,
        "lang": doc.lang,
        "date": doc.date.isoformat() if doc.date else None,
        "encoding": doc.encoding,
        "facts": [fact_dict(doc, f) for f in facts],
    }


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def render(report: Report, color: bool = False) -> str:
    return dumps(report_dict(report))
