"""Sentences inside one aligned pair of units, so a finding can point at a sentence."""

from __future__ import annotations

from functools import lru_cache

import regex

# a sentence ends at 。！？!? (with closing quotes or brackets), or at . ; : followed by space
_END = regex.compile(r"[。！？!?…]+[」』）)\"”’]*|[.;:](?=\s)|\n+")

Span = tuple[int, int]


def split_sentences(text: str) -> list[Span]:
    """Character spans of the sentences of ``text``, white space at their edges left out.

    >>> t = "xAIは強い。しかし、リスクもある!本当に?"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['xAIは強い。', 'しかし、リスクもある!', '本当に?']
    """
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out: list[Span] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def refine(left_text: str, right_text: str, *, max_span: int = 5) -> list[tuple[Span, Span]]:
    """Pairs of character spans (left, right) of sentences that correspond.

    Runs the unit aligner on the sentences of one aligned pair of units; sentences without
    a counterpart are left out. Spans of merged sentences run from the first one's start to
    the last one's end. The result depends on the two texts alone, so it is kept: a book
    that repeats itself asks for the same pair again and again (a link's facts are refined
    once per conflicting pair of them).
    """
    return list(_refined(left_text, right_text, max_span))


@lru_cache(maxsize=1024)
def _refined(left_text: str, right_text: str, max_span: int) -> tuple[tuple[Span, Span], ...]:
    from . import align

    ls, rs = split_sentences(left_text), split_sentences(right_text)
    if not ls or not rs:
        return ()
    links = align([left_text[a:b] for a, b in ls], [right_text[a:b] for a, b in rs],
                  max_span=max_span)
    return tuple(((ls[link.left[0]][0], ls[link.left[-1]][1]),
                  (rs[link.right[0]][0], rs[link.right[-1]][1]))
                 for link in links if link.left and link.right)
