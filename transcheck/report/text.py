"""The text report: each finding with both locations and the facts marked in their text."""

from __future__ import annotations

import os

from ..model import Document, Finding, Location, Report
from .common import printable

_COLORS = {"error": "31", "warning": "33", "info": "36"}
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
WINDOW = 30


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def excerpt(doc: Document, loc: Location, color: bool, window: int = WINDOW) -> str:
    """The unit text around a location, with the located text marked."""
    unit = doc.units[loc.unit_index] if loc.unit_index is not None else None
    lo, hi = (unit.start, unit.end) if unit else (loc.start, loc.end)
    if loc.start == lo and loc.end == hi:
        text = doc.text[lo:hi].replace("\n", " ")
        return printable(text if len(text) <= 2 * window else text[: 2 * window - 1] + "…")
    a = max(lo, loc.start - window)
    b = min(hi, loc.end + window)
    before = printable(doc.text[a : loc.start].replace("\n", " "))
    after = printable(doc.text[loc.end : b].replace("\n", " "))
    shown = printable(loc.text.replace("\n", " "))
    mark = (_paint(shown, "1;4", True) if color else f"{MARK_OPEN}{shown}{MARK_CLOSE}")
    return ("…" if a > lo else "") + before + mark + after + ("…" if b < hi else "")


def _side(doc: Document, loc: Location | None, color: bool) -> list[str]:
    if loc is None:
        return [f"  --> {printable(doc.path)}: (nothing corresponds)"]
    return [f"  --> {printable(doc.path)}:{loc.line}:{loc.column}",
            f"  {loc.line:>5} │ {excerpt(doc, loc, color)}"]


def format_finding(report: Report, f: Finding, color: bool) -> list[str]:
    """An error or warning in full: the rule, the message, and both texts with marks."""
    head = f"{_paint(f.severity, _COLORS[f.severity], color)}  {f.rule}  {printable(f.message)}"
    lines = [head, *_side(report.left, f.left, color), *_side(report.right, f.right, color)]
    if f.blame is not None:  # only in a run, where the folder's fact table can tell
        lines.append(f"  = the drift came in at {printable(os.path.basename(f.blame))} "
                     "(see the fact table)")
    return lines


def format_note(f: Finding, color: bool) -> str:
    """An info finding on one line: where it is on each side, the rule, the message."""
    where = " ↔ ".join(f"L{loc.line}" if loc else "—" for loc in (f.left, f.right))
    return (f"{_paint('info', _COLORS['info'], color)}  {where:<11} {f.rule}  "
            f"{printable(f.message)}")


def summary_line(report: Report) -> str:
    counts = report.summary()
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items()]
    return (f"{printable(report.left.path)} ↔ {printable(report.right.path)}: "
            + ", ".join(parts)
            + f" ({len(report.left.units)} ↔ {len(report.right.units)} units,"
            f" {len(report.alignment)} links)")


def render(report: Report, color: bool = False) -> str:
    """Errors and warnings in full, in reading order; then info notes, a line each."""
    lines: list[str] = []
    for f in report.findings:
        if f.severity != "info":
            lines += [*format_finding(report, f, color), ""]
    notes = [format_note(f, color) for f in report.findings if f.severity == "info"]
    if notes:
        lines += ["Notes (omitted details and paragraphs; info):", *notes, ""]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def want_color(stream_is_tty: bool) -> bool:
    """Colour on a terminal only, and never with NO_COLOR set (https://no-color.org)."""
    return stream_is_tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
