"""Markdown for a pull-request comment: a table of findings per pair, infos folded away.

Editors read this in the PR conversation, so errors and warnings come first in a table
(severity, rule, message, the fact in each version with its line), and the many infos
(omitted paragraphs, facts one version leaves out) wait in a collapsed ``<details>``.
"""

from __future__ import annotations

import re

from ..model import Finding, Location, Report
from ..run import PairResult, RunResult
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


def pair_section(pair: PairResult) -> list[str]:
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
    infos = [f for f in report.findings if f.severity == "info"]
    if serious:
        lines += [*_table(serious, names), ""]
    if infos:
        lines += ["<details>", f"<summary>{len(infos)} info{'s' if len(infos) != 1 else ''}"
                  "</summary>", "", *_table(infos, names), "", "</details>", ""]
    for e in pair.stale:
        lines += [f"> ℹ️ {escape(stale_note(e))}", ""]
    return lines


def render_run(run: RunResult, color: bool = False) -> str:
    counts = run.summary()
    failed = sum(1 for p in run.pairs if p.error is not None)
    n = len(run.pairs)
    head = f"## transcheck: {counts_text(counts)} in {n} pair{'s' if n != 1 else ''}"
    if failed:
        head += f", {failed} with input errors"
    lines = [head, ""]
    for pair in run.pairs:
        lines += pair_section(pair)
    for e in run.stale:
        lines += [f"> ℹ️ {escape(stale_note(e))}", ""]
    if not all_stale(run) and not any(p.report and p.report.findings for p in run.pairs) \
            and not failed:
        lines += ["No drift found.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
