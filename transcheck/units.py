"""Cut a decoded text into units: the blocks a version is aligned by.

Plain text: every non-empty line is a unit. Markdown: paragraphs, headings, list items,
block quotes and table rows, with the markup (``#``, ``-``, ``|``, ``>``) left outside the
unit's offsets and code, HTML blocks and front matter left out altogether. Fenced code is
known from a CommonMark parser (:mod:`transcheck.markup`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .markup import structure
from .model import LINE_BREAK, Unit

# Each pattern is matched once per line at a fixed start and runs in time linear in the
# line: no repeat nests another over characters it could also take (checked by doubling a
# hostile line: time doubles). Lines are bounded by load.MAX_LINE_CHARS anyway.

# A list marker at the start of a line: "- ", "* ", "+ ", "・", "• ", "1. ", "2) ", "①".
_LIST_MARKER = re.compile(r"[ \t\u3000]*(?:[-*+•・‣▪◦]|\d{1,3}[.)]|[①-⑳])[ \t\u3000]*")
_PLAIN_LIST_MARKER = re.compile(r"[ \t\u3000]*(?:[-*+•・‣▪◦][ \t\u3000]+|[・•][ \t\u3000]*)")
_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+")
_TABLE_SEPARATOR = re.compile(r" {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r" {0,3}(>[ \t]?)+")
_HR = re.compile(r" {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_HTML_BLOCK = re.compile(r" {0,3}<(?:!--|/?[A-Za-z][A-Za-z0-9-]*[\s/>]|/?[A-Za-z][A-Za-z0-9-]*$)")
_WS = " \t\u3000\ufeff"


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character
    end: int  # offset after the last character, newline excluded
    text: str


def split_lines(text: str, start: int = 0, first_number: int = 1) -> Iterator[Line]:
    """Lines of ``text`` from offset ``start`` on; CRLF, CR and LF all end a line.

    A final newline does not open an empty last line; a text that ends without one still
    yields its last line. Newlines are found by one regex scan, so a long file stays linear.
    """
    number = first_number
    pos = start
    n = len(text)
    if pos > n:
        return
    for m in LINE_BREAK.finditer(text, start):
        yield Line(number, pos, m.start(), text[pos : m.start()])
        pos = m.end()
        number += 1
    if pos < n or pos == start:
        yield Line(number, pos, n, text[pos:n])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding white space."""
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def plain_units(text: str, body_start: int = 0, first_line: int = 1) -> list[Unit]:
    """Every non-empty line is a unit; a leading list marker is left outside it."""
    units: list[Unit] = []
    for line in split_lines(text, body_start, first_line):
        start, end = _trim(text, line.start, line.end)
        if start >= end:
            continue
        kind = "paragraph"
        m = _PLAIN_LIST_MARKER.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
            kind = "list-item"
        elif "\t" in text[start:end] or text[start] == "|":
            kind = "table-row"
        units.append(Unit(len(units), line.number, start, end, text[start:end], kind))
    return units


def markdown_units(text: str, body_start: int = 0, first_line: int = 1) -> list[Unit]:
    """Paragraphs, headings, list items, quotes and table rows of a Markdown text."""
    blocks: list[tuple[int, int, int, str]] = []  # (line, start, end, kind)
    lines = list(split_lines(text, body_start, first_line))
    fenced = structure(text, body_start, first_line).fenced
    para: list[Line] = []
    para_kind = "paragraph"

    def flush() -> None:
        nonlocal para, para_kind
        if para:
            blocks.append((para[0].number, para[0].start, para[-1].end, para_kind))
        para = []
        para_kind = "paragraph"

    for line in lines:
        raw = line.text
        if line.number in fenced:
            flush()
            continue
        if not raw.strip(_WS):
            flush()
            continue
        if para and para_kind == "paragraph" and _SETEXT.match(raw):
            para_kind = "heading"
            flush()
            continue
        if _HR.match(raw) or _TABLE_SEPARATOR.match(raw):
            flush()
            continue
        if _HTML_BLOCK.match(raw):
            flush()
            continue
        offset = 0
        q = _QUOTE.match(raw)
        if q:
            offset = q.end()
        h = _HEADING.match(raw, offset)
        if h:
            flush()
            blocks.append((line.number, line.start + h.end(), line.end, "heading"))
            continue
        stripped = raw[offset:].lstrip(_WS)
        if stripped.startswith("|") or (para_kind == "table-row" and "|" in stripped):
            flush()
            blocks.append((line.number, line.start + offset, line.end, "table-row"))
            continue
        li = _LIST_MARKER.match(raw, offset)
        if li and li.end() < len(raw) and (raw[li.end() - 1] in _WS or raw[li.start():].lstrip(
            _WS
        )[:1] in "・•①②③④⑤⑥⑦⑧⑨⑩"):
            flush()
            para = [Line(line.number, line.start + li.end(), line.end, raw[li.end():])]
            para_kind = "list-item"
            continue
        if para and para_kind == "list-item" and not raw[:1].isspace() and not q:
            flush()
        if not para:
            para = [Line(line.number, line.start + offset, line.end, raw[offset:])]
        else:
            para.append(line)
    flush()

    units: list[Unit] = []
    for number, start, end, kind in blocks:
        if kind == "table-row":
            start, end = _trim(text, start, end)
            if start < end and text[start] == "|":
                start += 1
            if end > start and text[end - 1] == "|":
                end -= 1
        start, end = _trim(text, start, end)
        if kind == "heading":
            # a closing run of #'s is markup too
            while end > start and text[end - 1] == "#":
                end -= 1
            start, end = _trim(text, start, end)
        if start >= end:
            continue
        units.append(Unit(len(units), number, start, end, text[start:end], kind))
    return units


def is_markdown(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))
