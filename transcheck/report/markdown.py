"""Markdown for a pull-request comment: a table of findings per pair, infos folded away,
and each folder's fact table (its disagreeing rows, the version to blame marked) folded
after the folder's pairs.

Editors read this in the PR conversation, so errors and warnings come first in a table
(severity, rule, message, the fact in each version with its line), and the many infos
(omitted paragraphs, facts one version leaves out) wait in a collapsed ``<details>``.

GitHub refuses a comment over 65,536 characters (and a job summary over 1 MiB), so the
comment is fitted to LIMIT: the summary always; then every pair's errors and warnings, as
many rows as fit; then the fact tables of as many folders as fit; then the folded infos of
as many pairs as still fit; and a last line counting what was left out, which the HTML or
SARIF report holds in full.
"""

from __future__ import annotations

import os
import re

from ..model import Document, Fact, Finding, Location, Report
from ..run import PairResult, RunResult
from ..table import FactTable
from .common import (
    all_stale,
    counts_text,
    display_path,
    labels,
    printable,
    single,
    stale_note,
)

ICONS = {"error": "🔴", "warning": "🟡", "info": "🔵"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
CELL_LIMIT = 80


_MENTION = re.compile(r"@(?=[\w-])")


def escape(text: str) -> str:
    """Text safe in a table cell: no markup, no pipes, one line, and no ``@name`` that would
    notify someone (a zero-width space after the @ keeps the text and drops the mention)."""
    text = " ".join(printable(text).split())
    return _MENTION.sub("@\u200b", _SPECIAL.sub(r"\\\1", text))


def code(text: str) -> str:
    """A code span that holds ``text`` whatever it contains: the fence is one backtick longer
    than the longest run of backticks inside, so a file name cannot close it early and let
    raw HTML into the comment; and it is one line."""
    text = " ".join(printable(text).split())
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cut(text: str, limit: int = CELL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(loc: Location | None) -> str:
    if loc is None:
        return "—"
    return f"L{loc.line} {escape(_cut(loc.text, 40))}"


def _row(f: Finding) -> str:
    return (f"| {ICONS[f.severity]} {f.severity} | `{f.rule}` | {escape(_cut(f.message))} "
            f"| {_where(f.left)} | {_where(f.right)} |")


def _table(findings: list[Finding], names: tuple[str, str]) -> list[str]:
    return [f"| severity | rule | message | {escape(names[0])} | {escape(names[1])} |",
            "|---|---|---|---|---|", *(_row(f) for f in findings)]


LIMIT = 65_536  # characters GitHub takes in a comment
_RESERVE = 400  # room kept for the line saying what was left out


def pair_section(pair: PairResult, infos: bool = True,
                 max_rows: int | None = None) -> list[str]:
    """A pair's heading, counts, errors and warnings (the first ``max_rows`` of them) and,
    with ``infos``, its infos folded away."""
    title = escape(pair.title) if pair.title else code(pair.name)
    where = f" ({code(pair.folder)})" if pair.folder and pair.title else ""
    if pair.error is not None or pair.report is None:
        return [f"### ⛔ {title}{where}", "", f"Input error: {escape(pair.error or '')}", ""]
    report: Report = pair.report
    names = labels(pair)
    counts = report.summary()
    icon = "❌" if counts["error"] else ("⚠️" if counts["warning"] else "✅")
    lines = [f"### {icon} {title}{where}", "",
             f"{escape(names[0])} ({code(display_path(report.left.path))}) ↔ "
             f"{escape(names[1])} ({code(display_path(report.right.path))}): "
             f"{counts_text(counts)}"]
    extra = []
    if pair.hidden:
        extra.append(f"{pair.hidden} hidden by the baseline")
    if pair.suppressed:
        extra.append(f"{pair.suppressed} suppressed inline")
    if extra:
        lines[-1] += f" ({', '.join(extra)})"
    lines.append("")
    serious = [f for f in report.findings if f.severity != "info"]
    notes = [f for f in report.findings if f.severity == "info"]
    if serious:
        shown = serious if max_rows is None else serious[:max_rows]
        lines += [*_table(shown, names), ""] if shown else []
        if len(shown) < len(serious):
            lines += [f"_{len(serious) - len(shown)} more errors and warnings not shown "
                      "here (comment size)._", ""]
    if notes and infos:
        lines += ["<details>", f"<summary>{len(notes)} info{'s' if len(notes) != 1 else ''}"
                  "</summary>", "", *_table(notes, names), "", "</details>", ""]
    elif notes:
        lines += [f"_{len(notes)} info{'s' if len(notes) != 1 else ''} not shown here "
                  "(comment size)._", ""]
    for e in pair.stale:
        lines += [f"> ℹ️ {escape(stale_note(e))}", ""]
    return lines


TABLE_ROWS = 60  # disagreeing rows of one fact table shown in a comment


def _fact_cell(doc: Document | None, cell: tuple[Fact, ...] | None, blamed: bool) -> str:
    if not cell or doc is None:
        return "—"
    f = cell[0]
    more = f" +{len(cell) - 1}" if len(cell) > 1 else ""
    text = f"{escape(_cut(f.text, 40))} L{doc.position(f.start)[0]}{more}"
    return f"❗ **{text}**" if blamed else text


def table_section(table: FactTable) -> list[str]:
    """A folder's fact table, folded: one line per disagreeing row, every version's fact
    (with its line), the version to blame marked ❗ and named in the last column."""
    rows = table.disagreeing()
    if not rows:
        return []
    names = [escape(os.path.basename(v.path)) for v in table.versions]
    where = f" of {code(table.folder)}" if table.folder else ""
    lines = [f"#### Fact table{where}", "", "<details>",
             f"<summary>{len(rows)} of {len(table.rows)} facts disagree across "
             f"{len(names)} versions</summary>", "",
             f"| fact | {' | '.join(names)} | to blame |",
             "|---" * (len(names) + 2) + "|"]
    for row in rows[:TABLE_ROWS]:
        cells = [_fact_cell(doc, cell, k in row.blame) for k, (doc, cell)
                 in enumerate(zip(table.documents, row.cells, strict=True))]
        blame = ", ".join(names[k] for k in row.blame) if row.blame else "_cannot tell_"
        lines.append(f"| {row.kind} | {' | '.join(cells)} | {blame} |")
    lines.append("")
    if len(rows) > TABLE_ROWS:
        lines += [f"_{len(rows) - TABLE_ROWS} more disagreeing facts not shown here "
                  "(comment size)._", ""]
    lines += ["❗ the version where the drift came in; — the version does not state the fact.",
              "", "</details>", ""]
    return lines


def _size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _fitted(run: RunResult, budget: int, tables: dict[str, list[str]]
            ) -> tuple[list[list[str]], dict[str, list[str]], dict[str, int]]:
    """Each pair's section and the fact tables kept, cut to fit ``budget`` characters
    together (errors and warnings first, then the fact tables, then the infos); what was
    cut."""
    cut = {"error": 0, "warning": 0, "info": 0, "table": 0}
    sections: list[list[str]] = []
    kept_rows: list[int | None] = []
    left = budget
    for pair in run.pairs:  # errors and warnings first, in order, as many as fit
        findings = pair.report.findings if pair.report is not None else []
        serious = [f for f in findings if f.severity != "info"]
        rows: int | None = None
        section = pair_section(pair, infos=False)
        while _size(section) > left and (rows is None or rows > 0):
            over = (_size(section) - left) // 200  # a row is about 200 characters
            rows = max(0, (len(serious) if rows is None else rows) - max(1, over))
            section = pair_section(pair, infos=False, max_rows=rows)
        if _size(section) > left:
            section, rows = [], 0
        for f in serious[rows:] if rows is not None else ():
            cut[f.severity] += 1
        sections.append(section)
        kept_rows.append(rows)
        left -= _size(section)
    kept: dict[str, list[str]] = {}
    for folder, table in tables.items():  # then the fact tables that fit
        if _size(table) <= left:
            kept[folder], left = table, left - _size(table)
        else:
            cut["table"] += 1
    for k, pair in enumerate(run.pairs):  # then the infos of as many pairs as still fit
        infos = sum(1 for f in pair.report.findings if f.severity == "info") \
            if pair.report is not None else 0
        if not infos:
            continue
        full = pair_section(pair, infos=True, max_rows=kept_rows[k])
        grows = _size(full) - _size(sections[k])
        if sections[k] and grows <= left:
            sections[k], left = full, left - grows
        else:
            cut["info"] += infos
    return sections, kept, cut


def render_run(run: RunResult, color: bool = False, limit: int = LIMIT) -> str:
    counts = run.summary()
    failed = sum(1 for p in run.pairs if p.error is not None)
    n = len(run.pairs)
    head = f"## transcheck: {counts_text(counts)} in {n} pair{'s' if n != 1 else ''}"
    if failed:
        head += f", {failed} with input errors"
    not_shown: dict[str, int] = {}
    for p in run.pairs:
        for sev, k in p.not_shown.items():
            not_shown[sev] = not_shown.get(sev, 0) + k
    lines = [head, ""]
    if not_shown:
        lines += [f"_{counts_text(not_shown)} below the minimum severity, not shown._", ""]
    tail: list[str] = []
    for e in run.stale:
        tail += [f"> ℹ️ {escape(stale_note(e))}", ""]
    if not all_stale(run) and not any(p.report and p.report.findings for p in run.pairs) \
            and not failed:
        tail += ["No drift found.", ""]
    tables = {folder: section for folder, table in run.tables.items()
              if (section := table_section(table))}
    sections = [pair_section(pair) for pair in run.pairs]
    body = _with_tables(run, sections, tables)
    if _size(lines) + _size(body) + _size(tail) > limit:
        sections, tables, cut = _fitted(run, limit - _size(lines) - _size(tail) - _RESERVE,
                                        tables)
        body = _with_tables(run, sections, tables)
        missing = sum(1 for s in sections if not s)
        gone = cut.pop("table")
        what = counts_text({k: v for k, v in cut.items() if v})
        if gone:
            plural = "s" if gone != 1 else ""
            what += (", " if what else "") + f"the fact table{plural} of {gone} folder{plural}"
        note = (f"**Not shown, to fit GitHub's {limit:,}-character comment: {what}"
                + (f" (and {missing} pair{'s' if missing != 1 else ''} left out whole)"
                   if missing else "")
                + ".** The HTML and SARIF reports of this run hold every finding.")
        tail += [note, ""]
    out = "\n".join(lines + body + tail).rstrip("\n") + "\n"
    return out


def _with_tables(run: RunResult, sections: list[list[str]],
                 tables: dict[str, list[str]]) -> list[str]:
    """The pairs' sections, each folder's fact table after its last pair."""
    body: list[str] = []
    for n, (pair, section) in enumerate(zip(run.pairs, sections, strict=True)):
        body += section
        last = n + 1 == len(run.pairs) or run.pairs[n + 1].folder != pair.folder
        if last:
            body += tables.get(pair.folder or "", [])
    return body


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
