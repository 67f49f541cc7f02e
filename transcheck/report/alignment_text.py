"""The alignment of two versions as text: which lines go together, side by side.

One block per link: the left units' lines in the left column, the right units' lines in
the right column, the link's similarity in the middle. Long lines are cut to the column
width, counting East Asian wide characters (漢字, かな, ＡＢＣ) as two columns, so the columns
stay straight in a terminal. One-sided units show ``—`` on the other side; a link whose
right side comes before the previous link's (a swapped pair of paragraphs) is marked ``⇅``.

    L  3 xAIは最近、激しい批判にさらされ…   0.34  R 12 最近、xAIに対する批判をあまり…
    L  4 忘れてはいけないのは、私たちが…  ⇅ 0.52  R 14 忘れてはならないのは、これは…
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..model import Document, Link
from .common import printable

COLUMN = 60  # display columns per side, line number included
_DIM, _BOLD, _YELLOW, _RESET = "\033[2m", "\033[1m", "\033[33m", "\033[0m"


def width(text: str) -> int:
    """Display columns of ``text``: 2 for wide and full-width characters, 0 for combining."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` display columns (… marks a cut) and padded to exactly that."""
    if width(text) > columns:
        out, used = [], 0
        for ch in text:
            w = width(ch)
            if used + w > columns - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (columns - width(text))


def _cell(doc: Document, index: int | None, side: str) -> str:
    if index is None:
        return fit("", COLUMN)
    unit = doc.units[index]
    return fit(f"{side}{unit.line:>4} {printable(' '.join(unit.text.split()))}", COLUMN)


def render_alignment(left_doc: Document, right_doc: Document, links: Sequence[Link],
                     color: bool = False) -> str:
    """Two columns of text showing each link's units and its score."""
    lines = [fit(f"left: {printable(left_doc.path)}", COLUMN) + " " * 9
             + f"right: {printable(right_doc.path)}"]
    last_right = -1
    for link in links:
        crossed = bool(link.right) and link.right[0] < last_right
        if link.right:
            last_right = max(last_right, link.right[-1])
        rows = max(len(link.left), len(link.right))
        score = "" if link.score is None else f"{link.score:.2f}"
        mark = "⇅" if crossed else " "
        for k in range(rows):
            left = _cell(left_doc, link.left[k] if k < len(link.left) else None, "L")
            right = _cell(right_doc, link.right[k] if k < len(link.right) else None, "R")
            if k == 0 and not link.left:
                left = fit("     —", COLUMN)
            if k == 0 and not link.right:
                right = fit("     —", COLUMN)
            middle = f" {mark} {score:>4}  " if k == 0 else " " * 9
            row = (left + middle + right).rstrip()
            if color:
                if not link.left or not link.right:
                    row = _DIM + row + _RESET
                elif crossed:
                    row = _YELLOW + row + _RESET
                elif k == 0:
                    row = row.replace(middle, _BOLD + middle + _RESET, 1)
            lines.append(row)
    return "\n".join(lines) + "\n"
