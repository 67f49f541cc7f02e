"""The text report: each finding with both locations and the facts marked in their text.

Excerpts and notes are fitted to the terminal by display width, not by code points: a
Japanese or Chinese character takes two columns (East Asian Wide and Fullwidth), a
combining mark none, so an 80-column terminal shows 80 columns whatever the script.
"""

from __future__ import annotations

import os
import unicodedata

from ..align import xling
from ..model import Document, Finding, Location, Report
from .common import printable

_COLORS = {"error": "31", "warning": "33", "info": "36"}
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
WINDOW = 30


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def char_columns(ch: str) -> int:
    """The columns a character takes on a terminal: 2 for East Asian Wide and Fullwidth."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def columns(text: str) -> int:
    """The display width of ``text`` (no control characters in it)."""
    return sum(char_columns(ch) for ch in text)


def head(text: str, room: int) -> str:
    """The longest start of ``text`` that fits in ``room`` columns."""
    used = 0
    for i, ch in enumerate(text):
        used += char_columns(ch)
        if used > room:
            return text[:i]
    return text


def tail(text: str, room: int) -> str:
    """The longest end of ``text`` that fits in ``room`` columns."""
    return head(text[::-1], room)[::-1]


def fit(text: str, room: int) -> str:
    """``text`` cut to ``room`` columns, with an ellipsis where it was cut."""
    return text if columns(text) <= room else head(text, max(room - 1, 0)) + "…"


def excerpt(doc: Document, loc: Location, color: bool, window: int = WINDOW,
            room: int | None = None) -> str:
    """The unit text around a location, with the located text marked: ``window``
    characters each side, or as much as fits in ``room`` columns (the mark is kept whole)."""
    unit = doc.units[loc.unit_index] if loc.unit_index is not None else None
    lo, hi = (unit.start, unit.end) if unit else (loc.start, loc.end)
    if loc.start == lo and loc.end == hi:
        text = doc.text[lo:hi].replace("\n", " ")
        if room is not None:
            return fit(printable(text), room)
        return printable(text if len(text) <= 2 * window else text[: 2 * window - 1] + "…")
    shown = printable(loc.text.replace("\n", " "))
    mark = (_paint(shown, "1;4", True) if color else f"{MARK_OPEN}{shown}{MARK_CLOSE}")
    if room is None:
        a = max(lo, loc.start - window)
        b = min(hi, loc.end + window)
        before = printable(doc.text[a : loc.start].replace("\n", " "))
        after = printable(doc.text[loc.end : b].replace("\n", " "))
        return ("…" if a > lo else "") + before + mark + after + ("…" if b < hi else "")
    # escaped first, so that the widths measured are the widths shown
    before = printable(doc.text[lo : loc.start].replace("\n", " "))
    after = printable(doc.text[loc.end : hi].replace("\n", " "))
    budget = max(room - columns(f"{MARK_OPEN}{shown}{MARK_CLOSE}"), 0)
    need_before, need_after = columns(before), columns(after)
    # each side takes half the room, and what the other side leaves
    room_before = min(need_before, max(budget // 2, budget - need_after))
    room_after = min(need_after, budget - room_before)
    if need_before > room_before:
        before = "…" + tail(before, room_before - 1)
    if need_after > room_after:
        after = head(after, room_after - 1) + "…"
    return before + mark + after


GUTTER = 10  # "  " + a line number in 5 columns + " │ " before an excerpt


def _side(doc: Document, loc: Location | None, color: bool, width: int | None) -> list[str]:
    if loc is None:
        return [f"  --> {printable(doc.path)}: (nothing corresponds)"]
    room = None if width is None else max(width - GUTTER, 20)
    return [f"  --> {printable(doc.path)}:{loc.line}:{loc.column}",
            f"  {loc.line:>5} │ {excerpt(doc, loc, color, room=room)}"]


def format_finding(report: Report, f: Finding, color: bool,
                   width: int | None = None) -> list[str]:
    """An error or warning in full: the rule, the message, and both texts with marks."""
    first = (f"{_paint(f.severity, _COLORS[f.severity], color)}  {f.rule}  "
             f"{printable(f.message)}")
    lines = [first, *_side(report.left, f.left, color, width),
             *_side(report.right, f.right, color, width)]
    if f.blame is not None:  # only in a run, where the folder's fact table can tell
        lines.append(f"  = the drift came in at {printable(os.path.basename(f.blame))} "
                     "(see the fact table)")
    return lines


def format_note(f: Finding, color: bool, width: int | None = None) -> str:
    """An info finding on one line: where it is on each side, the rule, the message."""
    where = " ↔ ".join(f"L{loc.line}" if loc else "—" for loc in (f.left, f.right))
    text = f"{where:<11} {f.rule}  {printable(f.message)}"
    if width is not None:
        text = fit(text, max(width - 6, 20))
    return f"{_paint('info', _COLORS['info'], color)}  {text}"


def summary_line(report: Report) -> str:
    counts = report.summary()
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items()]
    return (f"{printable(report.left.path)} ↔ {printable(report.right.path)}: "
            + ", ".join(parts)
            + f" ({len(report.left.units)} ↔ {len(report.right.units)} units,"
            f" {len(report.alignment)} links)")


def render(report: Report, color: bool = False, width: int | None = None) -> str:
    """Errors and warnings in full, in reading order; then info notes, a line each.
    With ``width``, excerpts and notes are fitted to that many columns."""
    lines: list[str] = []
    for f in report.findings:
        if f.severity != "info":
            lines += [*format_finding(report, f, color, width), ""]
    notes = [format_note(f, color, width) for f in report.findings if f.severity == "info"]
    if notes:
        lines += ["Notes (omitted details and paragraphs; info):", *notes, ""]
    if xling.cross_language(report.left.lang, report.right.lang) and report.signals:
        lines.append(xling.signals_line(report.signals))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


COLOR_CHOICES = ("auto", "always", "never")


def want_color(stream_is_tty: bool, choice: str = "auto") -> bool:
    """``--color always|never`` decides; with ``auto``, ``NO_COLOR`` (https://no-color.org)
    turns colour off, ``FORCE_COLOR`` (https://force-color.org) on, and otherwise there is
    colour on a terminal only (not with TERM=dumb)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream_is_tty and os.environ.get("TERM") != "dumb"
