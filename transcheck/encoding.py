"""Which encoding a version is in: a BOM, then strict UTF-8, then a small scorer over CJK codecs.

Order of detection (first that applies wins):

1. an explicit encoding (``--encoding`` or ``encoding = "…"`` in pair.toml);
2. a byte order mark: UTF-8 (``utf-8-sig``), UTF-16 LE/BE, UTF-32 LE/BE;
3. NUL bytes without a BOM: UTF-16 without a BOM when ASCII leaves its NULs on one side
   and the text decoded so is plausible; else a binary file, refused;
4. ISO-2022-JP when its escape sequences are there (its bytes are 7-bit, so they would pass
   for UTF-8 with stray ESC characters);
5. strict UTF-8;
6. every legacy codec of :data:`CANDIDATES` (and, for an even number of bytes, UTF-16
   without a BOM, whose CJK text has no NUL byte) that decodes the whole file strictly,
   ranked by how plausible its text is (:func:`plausibility`); one that is too implausible
   is refused.

The scorer needs no data files: the common-character sets it scores against are read out of
the codecs themselves (JIS X 0208 level 1, GB 2312 level 1, Big5 常用字). Japanese text is
recognised by its kana, Chinese by common hanzi; a wrong codec turns the bytes into rare
characters, half-width katakana or private-use code points, which score low.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .model import InputError

# Byte order marks, longest first (a UTF-32 LE BOM begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Legacy codecs tried after UTF-8, in this order; a later one wins only with a higher score.
# shift_jis before its Microsoft superset cp932 so that 0x8160 stays 〜 (U+301C) when it can.
# big5hkscs last of the Big5 family: the Hong Kong supplement (嘅, 咗, 啲) is outside cp950.
CANDIDATES: tuple[str, ...] = ("shift_jis", "cp932", "euc_jp", "gb18030", "big5", "cp950",
                               "big5hkscs")
# A codec that extends the one named: it can only tie where that one decodes.
SUPERSETS = {"cp932": ("shift_jis",), "cp950": ("big5",), "big5hkscs": ("big5", "cp950")}
# Codecs whose bytes a GB2312 text also decodes in (both are EUC): only kana tell Japanese.
NEEDS_KANA = ("euc_jp",)
# ISO-2022-JP's escape sequences into JIS X 0208 and back.
ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(D")

# Below this plausibility the best legacy decoding is refused as mixed or unknown bytes.
MIN_PLAUSIBILITY = 0.6

# Characters scored: the first SAMPLE non-ASCII characters are plenty to tell codecs apart.
SAMPLE = 20000


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and the encoding it was read with (Document.encoding, the JSON's)."""

    text: str
    encoding: str  # the codec's canonical Python name: utf-8, shift_jis, euc_jp, gb18030…
    score: float | None = None  # plausibility, when the encoding was guessed by scoring


def _range_chars(codec: str, leads: Iterable[int], trails: Iterable[int]) -> frozenset[str]:
    """Every character a two-byte range of a codec decodes to."""
    out: set[str] = set()
    trail_list = list(trails)
    for lead in leads:
        for trail in trail_list:
            try:
                ch = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.add(ch)
    return frozenset(out)


@cache
def _char_sets() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per written language: (the characters it uses most, every character its standard has).

    The common set is the level-1 block of the national standard; a character outside the
    whole standard (a simplified hanzi in "Japanese", a rare GBK extension in "Chinese") is
    what a wrong codec produces.
    """
    kana = frozenset(chr(c) for c in range(0x3041, 0x3097)) | frozenset(
        chr(c) for c in range(0x30A1, 0x30FF)
    )
    rows = range(0xA1, 0xFF)
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    return {
        # JIS X 0208 rows 16–47 (第一水準漢字) and the whole of it
        "ja": (_range_chars("euc_jp", range(0xB0, 0xD0), rows) | kana,
               _range_chars("euc_jp", rows, rows) | kana),
        # GB 2312 rows 16–55 (一级汉字) and the whole of it
        "zh-hans": (_range_chars("gb2312", range(0xB0, 0xD8), rows),
                    _range_chars("gb2312", rows, rows)),
        # Big5 A440–C67E (常用國字) and the whole of it
        "zh-hant": (_range_chars("big5", range(0xA4, 0xC7), big5_trails),
                    _range_chars("big5", range(0xA1, 0xFA), big5_trails)),
    }


def _neutral(ch: str) -> bool:
    """Punctuation and symbols every CJK text uses, whatever its language."""
    c = ord(ch)
    return (
        0x3000 <= c <= 0x303F  # 、。「」〜
        or 0xFF01 <= c <= 0xFF5E  # full-width ASCII
        or 0x2010 <= c <= 0x2027  # dashes, quotes, ellipsis
        or c in (0x00B7, 0x30FB, 0x30FC, 0xFFE5, 0x00A5, 0x2030, 0x2103)  # ·・ー￥¥‰℃
        or 0x00A0 <= c <= 0x00FF  # Latin-1 letters and signs
    )


def _junk(ch: str) -> bool:
    """Characters a wrong codec produces and real prose almost never holds."""
    c = ord(ch)
    return (
        0xFF61 <= c <= 0xFF9F  # half-width katakana: EUC-JP or UTF-8 bytes read as Shift_JIS
        or 0xE000 <= c <= 0xF8FF  # private use: user-defined code areas
        or (c < 0x20 and ch not in "\t\n\r")
        or 0x80 <= c < 0xA0
        or c == 0xFFFD
    )


def plausibility(text: str, kana_required: bool = True) -> float:
    """How much ``text`` looks like real Japanese or Chinese prose, from 0 to 1.

    The share of non-ASCII characters that are common in the language the text reads best
    as, less those its standard lacks altogether; Japanese only counts when kana are present
    (every Japanese sentence has them; ``kana_required=False`` lifts that for a codec no
    Chinese text decodes in plausibly, so that a list of kanji names is still read), and
    junk characters count twice against any.

    >>> round(plausibility("今年末までに90万台のGPUを稼働させる。"), 2)
    1.0
    >>> plausibility("ｺ､ﾇ､ﾏ") < 0.6
    True
    """
    sets = _char_sets()
    counts = dict.fromkeys(sets, 0)
    total = kana = junk = neutral = 0
    for ch in text:
        if ch < "\x80" and (ch >= " " or ch in "\t\n\r"):
            continue
        total += 1
        if total > SAMPLE:
            total -= 1
            break
        if _junk(ch):
            junk += 1
            continue
        if _neutral(ch):
            neutral += 1
            continue
        if "\u3041" <= ch <= "\u30fe":
            kana += 1
        for lang, (common, every) in sets.items():
            if ch in common:
                counts[lang] += 1
            elif ch not in every:
                counts[lang] -= 1
    if total == 0:
        return 1.0
    letters = total - neutral - junk
    if kana_required and letters and kana * 20 < letters:
        counts["ja"] = -letters  # without kana it is not Japanese
    best = max(counts.values())
    return (best + neutral) / total - 2 * junk / total


def canonical(name: str) -> str:
    """The Python codec name of an encoding name a user wrote, or an InputError."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{name!r} is not a text encoding")
    return info.name


def _decode(data: bytes, codec: str) -> tuple[str | None, str]:
    """Strictly decoded text, or None and where decoding fails: "byte 0x.. at offset N"."""
    try:
        return data.decode(codec), ""
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return None, f"byte 0x{bad} at offset {exc.start}"


def _utf16_guess(data: bytes) -> str | None:
    """The UTF-16 byte order of BOM-less UTF-16 text: ASCII leaves NULs on one side only."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    if odd >= max(1, pairs // 10) and even == 0:
        return "utf-16-le"
    if even >= max(1, pairs // 10) and odd == 0:
        return "utf-16-be"
    return None


def _refuse_nul(data: bytes, path: str) -> None:
    nul = data.find(b"\x00")
    if nul < 0:
        return
    guess = _utf16_guess(data)
    if guess:
        raise InputError(f"{path}: binary file, or {guess.upper()} without a byte order mark "
                         f"(NUL byte at offset {nul}); if it is text, pass --encoding {guess}")
    raise InputError(f"{path}: binary file (NUL byte at offset {nul}), not text")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_nul_char(text: str, path: str) -> None:
    """NUL has no place in prose even where the encoding allows it (UTF-16, UTF-32); nor has
    a lone surrogate (``unicode_escape`` makes one of ``\\ud800``), which no report can
    be written with."""
    if "\x00" in text:
        raise InputError(f"{path}: binary file (NUL character at offset "
                         f"{text.index(chr(0))} of the text), not text")
    bad = _SURROGATE.search(text)
    if bad:
        raise InputError(f"{path}: not text: a lone surrogate U+{ord(bad.group()):04X} at "
                         f"offset {bad.start()} of the decoded text")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte order mark, its byte order first guessed from the side ASCII
    leaves its NUL bytes on; None when neither order gives plausible text without control
    characters (binary data, a stray NUL)."""
    if len(data) % 2:
        return None
    head = data[:8192]
    le_first = head[1::2].count(0) >= head[0::2].count(0)
    for codec in ("utf-16-le", "utf-16-be") if le_first else ("utf-16-be", "utf-16-le"):
        text, _ = _decode(data, codec)
        if text is None or _CONTROL.search(text) or _SURROGATE.search(text):
            continue
        score = plausibility(text)
        if score >= MIN_PLAUSIBILITY:
            return Decoded(text, codec, score)
    return None


def _iso2022(data: bytes) -> Decoded | None:
    """ISO-2022-JP (the old mail encoding of Japanese): 7-bit bytes with escape sequences."""
    for codec in ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext"):
        text, _ = _decode(data, codec)
        if text is not None and not _CONTROL.search(text):
            score = plausibility(text)
            if score >= MIN_PLAUSIBILITY:
                return Decoded(text, codecs.lookup(codec).name, score)
    return None


def decode_bytes(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> Decoded:
    """Decode a file's bytes by the order in the module docstring, or raise an InputError.

    The error names the byte offset where each encoding tried gave up, so a file with one
    pasted line in another encoding points at that line.
    """
    if encoding:
        codec = canonical(encoding)
        if codec == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
            codec = "utf-8-sig"
        text, where = _decode(data, codec)
        if text is None:
            raise InputError(f"{path}: cannot decode as {codec}: {where}")
        _refuse_nul_char(text, path)
        return Decoded(text, codec)
    for bom, codec in BOMS:
        if data.startswith(bom):
            text, where = _decode(data, codec)
            if text is None:
                raise InputError(f"{path}: cannot decode: starts with a {codec} byte order "
                                 f"mark, but {where}")
            _refuse_nul_char(text, path)
            return Decoded(text, codec)
    if b"\x00" in data:
        found = _bomless_utf16(data)
        if found is not None:
            return found
    _refuse_nul(data, path)
    if any(esc in data for esc in ISO2022_ESCAPES):
        found = _iso2022(data)
        if found is not None:
            return found
    text, where = _decode(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    tried = [f"utf-8 ({where})"]
    best: Decoded | None = None
    candidates = CANDIDATES + (("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ())
    for codec in candidates:
        if best is not None and best.encoding in SUPERSETS.get(codec, ()):
            continue  # the superset can only tie with the standard codec it extends
        text, where = _decode(data, codec)
        if text is None:
            tried.append(f"{codec} ({where})")
            continue
        if codec.startswith("utf-16") and _CONTROL.search(text):
            tried.append(f"{codec} (decodes, but to control characters)")
            continue
        score = plausibility(text, kana_required=codec in NEEDS_KANA)
        if score < MIN_PLAUSIBILITY:
            tried.append(f"{codec} (decodes, but to implausible text: score {score:.2f})")
        elif best is None or (best.score is not None and score > best.score + 1e-9):
            best = Decoded(text, codec, score)
    if best is None:
        raise InputError(f"{path}: cannot decode (mixed or unknown encoding); tried: "
                         f"{'; '.join(tried)}; pass --encoding NAME if you know it")
    return best
