"""Markdown structure from a real parser: which lines are code, which hold HTML.

markdown-it-py follows CommonMark and keeps each block's source lines, so fences are
known as a Markdown renderer knows them (a fence inside a list item, a fence never
closed, ``~~~`` inside a backtick fence) instead of being guessed line by line. Units are
still cut by :mod:`transcheck.units`, which keeps exact character offsets; this module
only tells it, and the suppression comments, which lines a reader sees as code or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


@dataclass(frozen=True, slots=True)
class Structure:
    """Line numbers (1-based, as in the file) by what a Markdown reader sees there."""

    fenced: frozenset[int]  # inside a fenced code block, fences included
    html: frozenset[int]  # an HTML block, or a paragraph line with inline HTML


def structure(text: str, body_start: int = 0, first_line: int = 1) -> Structure:
    """The structure of ``text`` from offset ``body_start`` (the line ``first_line``) on."""
    fenced: set[int] = set()
    html: set[int] = set()
    for token in _parser().parse(text[body_start:]):
        if token.map is None:
            continue
        lines = range(first_line + token.map[0], first_line + token.map[1])
        if token.type == "fence":
            fenced.update(lines)
        elif token.type == "html_block" or (
                token.type == "inline"
                and any(c.type == "html_inline" for c in token.children or ())):
            html.update(lines)
    return Structure(frozenset(fenced), frozenset(html))
