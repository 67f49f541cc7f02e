"""One self-contained HTML page: the two versions side by side, the drift marked in both.

Editors would rather look than read logs. Each alignment link is a table row with the
left version's units in one cell and the right version's in the other (a paragraph found
in one version only leaves the other cell empty). The facts a finding is about are
``<mark>``-ed on both sides; the findings list beside the table leads with errors and
warnings, infos folded below them, and jumps to them (click: the row scrolls into view and
both marks light up); checkboxes filter by severity and the counts follow them. A run of
several pairs opens with an index of them. After a folder's pairs comes its fact table:
the facts its versions disagree on, each version's cell with the fact in its sentence, the
version to blame marked (a class and the words "drift came in here"). On a phone the two
versions of each row are stacked, each under its label (so are a fact table's cells). The
page has its CSS and JS inline and loads nothing from the network.

The page is a Jinja2 template (``templates/report.html.j2``) with autoescaping on: every
name, label, message and line of text is escaped by the template, not by hand, and its
``finalize`` hook (:func:`_e`) also shows control characters as escapes and writes line
breaks as ``&#10;``, so no line of the page begins with text from a file; the one piece of
markup built here is a unit's text with its ``<mark>``s, from pieces escaped the same way.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..model import Document, Fact, Finding, Location, Report
from ..run import PairResult, RunResult
from ..table import FactTable
from .common import SEVERITY_RANK, counts_text, display_path, labels, single, stale_note

SEVERITIES = ("error", "warning", "info")


def _e(text: object) -> Markup:
    """Escaped for HTML (issue 26's rules, which the template applies to every value it
    shows, through :func:`_finalize`): control characters shown as ``\\x..`` escapes, never
    sent raw; line breaks as character references, which render the same, so that no line
    of the page begins with text from a file (a ``::error`` workflow command in a folder
    name, should the page reach a CI log)."""
    if isinstance(text, Markup):
        return text
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))
    return Markup(str(escape(shown)).replace("\r", "&#13;").replace("\n", "&#10;"))


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # shown, never sent raw


def _finalize(value: object) -> object:
    """Every ``{{ value }}`` of the template: text through :func:`_e`; markup built here
    (from pieces that went through :func:`_e`), numbers and the rest as they are."""
    return _e(value) if isinstance(value, str) else value


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding's span inside one unit of one version."""

    start: int
    end: int
    key: str
    severity: str


def _unit_of(doc: Document, loc: Location) -> int | None:
    if loc.unit_index is not None:
        return loc.unit_index
    unit = doc.unit_at(loc.start)
    return unit.index if unit else None


def _segments(text: str, base: int, marks: list[Mark], side: str) -> Iterator[Markup]:
    """The unit's text as HTML, overlapping marks split into non-overlapping pieces."""
    if not marks:
        yield _e(text)
        return
    end_of_text = base + len(text)
    cuts = sorted({base, end_of_text} | {m.start for m in marks} | {m.end for m in marks})
    given: set[str] = set()
    for a, b in itertools.pairwise(cuts):
        piece = _e(text[a - base : b - base])
        over = [m for m in marks if m.start <= a and b <= m.end]
        if not over:
            yield piece
            continue
        worst = min(over, key=lambda m: SEVERITY_RANK[m.severity]).severity
        keys = " ".join(m.key for m in over)
        fresh = [m.key for m in over if m.key not in given]
        given.update(fresh)
        # findings starting at the same place as another get an anchor of their own
        anchors = Markup("").join(Markup('<span class="anchor" id="{}-{}"></span>').format(k, side)
                                  for k in fresh[1:])
        ident = Markup(' id="{}-{}"').format(fresh[0], side) if fresh else Markup("")
        yield anchors + Markup('<mark{} class="sev-{}" data-f="{}">{}</mark>').format(
            ident, worst, keys, piece)


@dataclass(slots=True)
class _Side:
    """Marks and whole-unit findings of one version, by unit."""

    marks: dict[int, list[Mark]]
    whole: dict[int, list[tuple[str, str]]]  # unit → [(key, severity)]


def _collect(doc: Document, keyed: list[tuple[str, Finding]], side: str) -> _Side:
    out = _Side({}, {})
    for key, f in keyed:
        loc = f.left if side == "left" else f.right
        if loc is None:
            continue
        unit_index = _unit_of(doc, loc)
        if unit_index is None:
            continue
        unit = doc.units[unit_index]
        start, end = max(loc.start, unit.start), min(loc.end, unit.end)
        if (start, end) == (unit.start, unit.end) and f.rule == "unaligned-unit":
            out.whole.setdefault(unit_index, []).append((key, f.severity))
        elif start < end:
            out.marks.setdefault(unit_index, []).append(Mark(start, end, key, f.severity))
    return out


def _cell(doc: Document, units: tuple[int, ...], side: _Side, name: str,
          which: str) -> dict[str, Any]:
    cell: dict[str, Any] = {"label": name, "lang": doc.lang, "units": []}
    for i in units:
        u = doc.units[i]
        whole = side.whole.get(i, [])
        classes = "u"
        if whole:
            worst = min((s for _, s in whole), key=SEVERITY_RANK.__getitem__)
            classes += f" unaligned sev-{worst}"
        body = Markup("").join(_segments(u.text, u.start, side.marks.get(i, []), which))
        cell["units"].append({"line": u.line, "classes": classes, "body": body,
                              "marked": " ".join(k for k, _ in whole)})
    return cell


def _item(key: str, row: str, f: Finding) -> dict[str, str]:
    lines = " ↔ ".join(f"L{loc.line}" if loc else "—" for loc in (f.left, f.right))
    return {"key": key, "row": row, "severity": f.severity, "rule": f.rule, "lines": lines,
            "message": f.message}


def _row_of(report: Report, f: Finding) -> int | None:
    if f.link is not None and 0 <= f.link < len(report.alignment):
        return f.link
    for side, doc in (("left", report.left), ("right", report.right)):
        loc = f.left if side == "left" else f.right
        unit = _unit_of(doc, loc) if loc else None
        if unit is None:
            continue
        for k, link in enumerate(report.alignment):
            if unit in (link.left if side == "left" else link.right):
                return k
    return None


def _pair(p: int, pair: PairResult) -> dict[str, Any]:
    """What the template shows of one pair."""
    out: dict[str, Any] = {"index": p, "title": pair.title or pair.name,
                           "folder": pair.folder if pair.folder and pair.title else None,
                           "error": pair.error, "counts": None, "clean": False,
                           "where": " · ".join(x for x in (pair.folder, " ↔ ".join(labels(pair)))
                                               if x)}
    if pair.error is not None or pair.report is None:
        out["error"] = pair.error or "not checked"
        return out
    report = pair.report
    names = labels(pair)
    counts = report.summary()
    notes = [counts_text(counts)]
    if pair.not_shown:
        notes.append(f"{counts_text(pair.not_shown)} below the minimum severity, not shown")
    if pair.hidden:
        notes.append(f"{pair.hidden} hidden by the baseline")
    if pair.suppressed:
        notes.append(f"{pair.suppressed} suppressed inline")
    dates = {d.date.isoformat() for d in (report.left, report.right) if d.date}
    if dates:
        notes.append("article date " + " / ".join(sorted(dates)))

    keyed = [(f"p{p}-f{k}", f) for k, f in enumerate(report.findings)]
    rows_with: dict[int, set[str]] = {}  # row → severities of its findings
    serious: list[dict[str, str]] = []
    infos: list[dict[str, str]] = []
    for key, f in keyed:
        k = _row_of(report, f)
        row = f"p{p}-r{k}" if k is not None else f"p{p}"
        if k is not None:
            rows_with.setdefault(k, set()).add(f.severity)
        (infos if f.severity == "info" else serious).append(_item(key, row, f))
    left, right = _collect(report.left, keyed, "left"), _collect(report.right, keyed, "right")
    rows = []
    for k, link in enumerate(report.alignment):
        rows.append({
            "id": f"p{p}-r{k}",
            "classes": " ".join(["link", *(f"has-{sev}" for sev in SEVERITIES
                                           if sev in rows_with.get(k, ()))]),
            "score": f"score {link.score:.2f}" if link.score is not None else None,
            "cells": [_cell(report.left, link.left, left, names[0], "l"),
                      _cell(report.right, link.right, right, names[1], "r")],
        })
    out.update(
        counts=counts, clean=not report.findings, notes=" · ".join(notes),
        stale=[stale_note(e) for e in pair.stale], findings=len(keyed),
        serious=serious, infos=infos, rows=rows,
        sides=[{"label": names[0], "path": display_path(report.left.path)},
               {"label": names[1], "path": display_path(report.right.path)}])
    return out


SENTENCE_CHARS = 90  # characters of the unit shown on each side of a fact in the fact table


def _sentence(doc: Document, f: Fact) -> Markup:
    """The unit around a fact, the fact ``<mark>``-ed; cut with … on a long unit."""
    unit = doc.unit_at(f.start)
    lo, hi = (unit.start, unit.end) if unit else (f.start, f.end)
    a, b = max(lo, f.start - SENTENCE_CHARS), min(hi, f.end + SENTENCE_CHARS)
    before = ("…" if a > lo else "") + doc.text[a : f.start]
    after = doc.text[f.end : b] + ("…" if b < hi else "")
    return _e(before) + Markup('<mark class="fact">{}</mark>').format(
        _e(doc.text[f.start : f.end])) + _e(after)


def _facts(table: FactTable) -> dict[str, Any] | None:
    """What the template shows of a folder's fact table: its disagreeing rows, each version's
    fact in its sentence, the departing cell marked."""
    rows = table.disagreeing()
    if not rows:
        return None
    names = [v.label or os.path.basename(v.path) for v in table.versions]
    versions = [{"label": name, "path": display_path(v.path),
                 "from": os.path.basename(v.parent) if v.parent else None}
                for name, v in zip(names, table.versions, strict=True)]
    out_rows = []
    for row in rows:
        cells = []
        for k, (doc, cell) in enumerate(zip(table.documents, row.cells, strict=True)):
            blamed = k in row.blame
            if not cell or doc is None:
                cells.append({"label": names[k], "empty": True, "blamed": blamed})
                continue
            f = cell[0]
            cells.append({"label": names[k], "empty": False, "blamed": blamed,
                          "lang": doc.lang, "fact": f.text,
                          "line": doc.position(f.start)[0],
                          "more": len(cell) - 1, "sentence": _sentence(doc, f)})
        out_rows.append({"kind": row.kind, "verdict": row.verdict, "cells": cells,
                         "blame": ", ".join(names[k] for k in row.blame), "why": row.why})
    return {"folder": table.folder, "versions": versions, "rows": out_rows,
            "total": len(table.rows)}


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("transcheck.report", "templates"),
        autoescape=True, finalize=_finalize, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2")


@cache
def _asset(name: str) -> Markup:
    """The page's own CSS or JS, inlined as is (it is ours, not data)."""
    return Markup(resources.files("transcheck.report").joinpath("templates", name)
                  .read_text("utf-8"))


def render_run(run: RunResult, color: bool = False) -> str:
    counts = run.summary()
    n = len(run.pairs)
    titles = [p.title for p in run.pairs if p.title]
    page_title = f"transcheck — {titles[0]}" if n == 1 and titles else "transcheck report"
    return _template().render(
        page_title=page_title, css=_asset("report.css"), js=_asset("report.js"),
        severities=SEVERITIES, counts=counts, total=sum(counts.values()),
        counts_text=counts_text(counts), pairs=[_pair(p, pair) for p, pair in enumerate(run.pairs)],
        facts=_tables_after(run),
        stale=[stale_note(e) for e in run.stale]) + "\n"


def _tables_after(run: RunResult) -> dict[int, dict[str, Any]]:
    """Each folder's fact table (those with disagreeing rows), by the index of the folder's
    last pair, after which the page shows it."""
    out: dict[int, dict[str, Any]] = {}
    for n, pair in enumerate(run.pairs):
        last = n + 1 == len(run.pairs) or run.pairs[n + 1].folder != pair.folder
        table = run.tables.get(pair.folder or "") if last else None
        facts = _facts(table) if table is not None else None
        if facts is not None:
            out[n] = dict(facts, index=len(out))
    return out


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
