"""Japanese words with their offsets: a thin, cached wrapper around fugashi (MeCab + UniDic).

The quantity and name readers need two things a regular expression cannot give: whether a
numeral character is a number at all (一般 and 統一 hold 一 but are not numbers, 一つ is),
and which noun a number counts (90万台の GPU → GPU). Both come from UniDic's parts of speech.
Building the tagger takes a while, so it is built once, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

_TAGGER: Any = None


def tagger() -> Any:
    """The process-wide fugashi tagger, built on first call."""
    global _TAGGER
    if _TAGGER is None:
        import fugashi

        _TAGGER = fugashi.Tagger()
    return _TAGGER


class Token(NamedTuple):
    """One word: its surface, where it is in the text, and UniDic's part of speech (a named
    tuple: the quantity reader makes a shifted copy of a window's words for every candidate,
    and a tuple is built three times faster than a frozen dataclass)."""

    surface: str
    start: int
    end: int
    pos1: str  # 名詞, 接尾辞, 助詞, …
    pos2: str  # 数詞, 普通名詞, 名詞的, …
    pos3: str  # 助数詞, 助数詞可能, 副詞可能, …

    @property
    def is_numeral(self) -> bool:
        return self.pos2 == "数詞"

    @property
    def is_noun(self) -> bool:
        """A content noun (not a numeral, not a suffix): GPU, ユーザー, 投稿."""
        return self.pos1 == "名詞" and self.pos2 in ("普通名詞", "固有名詞")


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """Cut ``text`` into words whose ``start``/``end`` index ``text`` itself.

    MeCab drops spaces; each node's ``white_space`` is the space it dropped before it, so
    offsets are found by walking forward from the end of the previous word.

    >>> [(t.surface, t.start) for t in tokenize("90 万台")]
    [('90', 0), ('万', 3), ('台', 4)]
    """
    tokens: list[Token] = []
    pos = 0
    for node in tagger()(text):
        surface = node.surface
        start = text.find(surface, pos + len(node.white_space))
        if start < 0:  # should not happen; fall back to the next free offset
            start = pos
        end = start + len(surface)
        feature = node.feature
        tokens.append(Token(surface, start, end, feature.pos1 or "", feature.pos2 or "",
                            feature.pos3 or ""))
        pos = end
    return tuple(tokens)


def token_at(tokens: tuple[Token, ...], offset: int) -> int | None:
    """Index of the token that covers ``offset``, if any (tokens are few per unit)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(tokens) and tokens[lo].start <= offset:
        return lo
    return None
