"""Renderers: each takes a finished Report (or a run of them) and returns text.

None recomputes findings. ``FORMATS`` renders one bare Report (the library's view);
``RUN_FORMATS`` renders a :class:`~transcheck.run.RunResult` — every pair of a ``run``, with
what post-processing left as notes (baseline entries no longer found, findings hidden or
suppressed). ``check`` renders its one pair through :func:`render_check`, which keeps the
``text`` and ``json`` output of a plain ``check`` exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Report
from ..run import PairResult, RunResult
from . import facts_table
from . import github as github_format
from . import gitlab as gitlab_format
from . import html as html_format
from . import json as json_format
from . import markdown as markdown_format
from . import rdjson as rdjson_format
from . import sarif as sarif_format
from . import text as text_format
from .common import counts_text, labels, printable, stale_note

Renderer = Callable[[Report, bool], str]
RunRenderer = Callable[[RunResult, bool], str]

RUN_SCHEMA = "transcheck/run@1"


def _text_run(run: RunResult, color: bool = False, width: int | None = None) -> str:
    parts: list[str] = []
    for n, pair in enumerate(run.pairs):
        names = labels(pair)
        title = f" — {pair.title}" if pair.title else ""
        versions = f" ({names[0]} ↔ {names[1]})" if pair.report is not None else ""
        parts.append(printable(f"══ {pair.name}{title}{versions}") + "\n")
        if pair.error is not None or pair.report is None:
            parts.append(printable(f"error: {pair.error}") + "\n\n")
            continue
        parts.append(text_format.render(pair.report, color, width))
        parts.append(_notes(pair))
        parts.append("\n")
        last = n + 1 == len(run.pairs) or run.pairs[n + 1].folder != pair.folder
        table = run.tables.get(pair.folder or "") if last else None
        if table is not None and table.disagreeing():
            parts.append(facts_table.grid(table) + "\n")
    parts += [printable(f"note: {stale_note(e)}") + "\n" for e in run.stale]
    counts = run.summary()
    failed = sum(1 for p in run.pairs if p.error is not None)
    hidden = sum(p.hidden for p in run.pairs)
    n = len(run.pairs)
    tail = f"{n} pair{'s' if n != 1 else ''}: {counts_text(counts)}"
    if hidden:
        tail += f" ({hidden} hidden by the baseline)"
    if failed:
        tail += f"; {failed} with input errors"
    parts.append(tail + "\n")
    return "".join(parts)


def _notes(pair: PairResult) -> str:
    lines = [printable(f"note: {stale_note(e)}") for e in pair.stale]
    if pair.not_shown:
        lines.append(f"note: {counts_text(pair.not_shown)} not shown (below --min-severity)")
    if pair.hidden:
        lines.append(f"note: {pair.hidden} finding{'s' if pair.hidden != 1 else ''} "
                     "hidden by the baseline")
    if pair.suppressed:
        lines.append(f"note: {pair.suppressed} finding{'s' if pair.suppressed != 1 else ''} "
                     "suppressed by transcheck-disable-next-line comments")
    return "".join(line + "\n" for line in lines)


def pair_dict(pair: PairResult) -> dict[str, Any]:
    """One pair of a run: the report@1 object with the pair's folder, title and labels."""
    info = {"folder": pair.folder, "title": pair.title,
            "labels": [pair.left_label, pair.right_label]}
    if pair.error is not None or pair.report is None:
        return {"pair": info, "error": pair.error,
                "paths": [pair.left_path, pair.right_path]}
    out = json_format.report_dict(pair.report)
    out["pair"] = info
    out["stale_baseline"] = [e.as_dict() for e in pair.stale]
    out["hidden"] = pair.hidden
    out["suppressed"] = pair.suppressed
    return out


def _run_summary(run: RunResult) -> dict[str, int]:
    out = dict(run.summary())
    out["pairs"] = len(run.pairs)
    out["input_errors"] = sum(1 for p in run.pairs if p.error is not None)
    return out


def _json_run(run: RunResult, color: bool = False) -> str:
    return json_format.dumps({
        "schema": RUN_SCHEMA,
        "pairs": [pair_dict(p) for p in run.pairs],
        "stale_baseline": [e.as_dict() for e in run.stale],
        "summary": _run_summary(run),
        "tables": [facts_table.table_dict(t) for t in run.tables.values()],
    })


FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
    "markdown": markdown_format.render,
    "html": html_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "rdjson": rdjson_format.render,
    "gitlab": gitlab_format.render,
}

RUN_FORMATS: dict[str, RunRenderer] = {
    "text": _text_run,
    "json": _json_run,
    "markdown": markdown_format.render_run,
    "html": html_format.render_run,
    "sarif": sarif_format.render_run,
    "github": github_format.render_run,
    "rdjson": rdjson_format.render_run,
    "gitlab": gitlab_format.render_run,
}


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """The report in one of FORMATS."""
    return FORMATS[fmt](report, color)


def render_run(run: RunResult, fmt: str, *, color: bool = False,
               width: int | None = None) -> str:
    """A whole run in one of RUN_FORMATS; ``width`` fits the text format to a terminal."""
    if fmt == "text":
        return _text_run(run, color, width)
    return RUN_FORMATS[fmt](run, color)


def render_check(pair: PairResult, fmt: str, *, color: bool = False,
                 with_baseline: bool = False, width: int | None = None) -> str:
    """``check``'s output: a plain report, with the post-processing notes of its one pair."""
    assert pair.report is not None
    if fmt == "text":
        return text_format.render(pair.report, color, width) + _notes(pair)
    if fmt == "json":
        out = json_format.report_dict(pair.report)
        if with_baseline:
            out["stale_baseline"] = [e.as_dict() for e in pair.stale]
            out["hidden"] = pair.hidden
        if pair.suppressed:
            out["suppressed"] = pair.suppressed
        return json_format.dumps(out)
    return render_run(RunResult([pair]), fmt, color=color)
