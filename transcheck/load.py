"""Load one version of an article: bytes → text → front matter → units → a Document."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import date
from typing import BinaryIO

from . import lang as languages
from .encoding import decode_bytes
from .model import Document, InputError, Unit
from .units import is_markdown, markdown_units, plain_units

_FRONT_MATTER = re.compile(r"(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|$)", re.S)
# Linear: no nested or adjacent ambiguous repeats (the value is stripped in Python, since
# "(.*?)[ \t]*$" backtracks quadratically over a long run of spaces).
_FM_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=]([^\r\n]*)", re.M)
_NEWLINE = re.compile(r"\r\n|\r|\n")


_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})"
                   r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
                   r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?")


def parse_date(value: str, what: str, *, with_time: bool = False) -> date:
    """An ISO date (YYYY-MM-DD), or an InputError naming where it came from. Nothing may
    follow it (``2026-01-23 or maybe 2027`` is no date); ``with_time`` lets a time of day
    follow, as front matter often has (``2026-01-23T09:00:00+09:00``)."""
    text = value.strip().strip("'\"")
    m = _DATE.fullmatch(text)
    if m is not None and (with_time or m.end(1) == len(text)):
        try:
            return date.fromisoformat(m.group(1))
        except ValueError:
            pass
    raise InputError(f"{what}: not a date in the form YYYY-MM-DD: {value!r}")


# Limits that keep one pasted blob from stalling a pre-publish gate; 0 turns a limit off.
# A long article is ~100 KB. `check` of a 2 MB pair takes ~40 s (it grows with the size),
# so anything larger is a mistake that would stall a gate, not an article.
MAX_BYTES = 2 * 1024 * 1024
# A line or Markdown paragraph longer than this is refused: ~10 pages of Japanese prose, far
# beyond any paragraph, and comparing the facts of one unit pairwise grows with its square.
MAX_LINE_CHARS = 20_000
MAX_BYTES_ENV = "TRANSCHECK_MAX_BYTES"
MAX_LINE_CHARS_ENV = "TRANSCHECK_MAX_LINE_CHARS"

_NOT_REGULAR: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file: save the text to a file first"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
)


def limit(env: str, default: int) -> int:
    """A size limit: the environment variable ``env`` if set, else ``default``; 0 is no limit."""
    raw = os.environ.get(env, "").strip().replace("_", "")
    if not raw:
        return default
    if not raw.isdigit():
        raise InputError(f"{env}: not a whole number of units: {raw!r}")
    return int(raw)


def _refuse_special(path: str, mode: int) -> None:
    for test, what in _NOT_REGULAR:
        if test(mode):
            raise InputError(f"{path}: {what}")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file")


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """The file's bytes, or an InputError saying why it cannot be read.

    The file is looked at with ``stat`` before it is opened, so a FIFO or device never blocks;
    it is opened read-only and non-blocking (in case it was swapped since), and never written.
    """
    max_bytes = limit(MAX_BYTES_ENV, MAX_BYTES) if max_bytes is None else max_bytes
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    _refuse_special(path, info.st_mode)
    too_big = (f"{path}: file too large ({{size:,}} bytes; the limit is {max_bytes:,}, "
               f"set {MAX_BYTES_ENV} to raise it)")
    if max_bytes and info.st_size > max_bytes:
        raise InputError(too_big.format(size=info.st_size))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        _refuse_special(path, os.fstat(fd).st_mode)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1) if max_bytes else fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if max_bytes and len(data) > max_bytes:
        raise InputError(too_big.format(size=len(data)).replace("(", "(more than ", 1))
    return data


def read_stream(stream: BinaryIO, name: str, max_bytes: int | None = None) -> bytes:
    """The bytes of standard input (``check - OTHER``), under the same size limit as a file."""
    max_bytes = limit(MAX_BYTES_ENV, MAX_BYTES) if max_bytes is None else max_bytes
    try:
        data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"{name}: file too large (more than {max_bytes:,} bytes; the limit "
                         f"is {max_bytes:,}, set {MAX_BYTES_ENV} to raise it)")
    return data


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return the text and the encoding used.

    An explicit ``encoding`` wins; else a BOM, strict UTF-8, then the CJK codecs (see
    :mod:`transcheck.encoding` for the order and the scoring).
    """
    decoded = decode_bytes(data, path, encoding)
    return decoded.text, decoded.encoding


def check_line_length(text: str, path: str, max_chars: int | None = None) -> None:
    """Refuse a text with a line longer than the limit, naming the line and its length.

    Runs before the text is cut into units, so a pasted 5 MB line costs one ``split``.
    """
    max_chars = limit(MAX_LINE_CHARS_ENV, MAX_LINE_CHARS) if max_chars is None else max_chars
    if not max_chars or len(text) <= max_chars:
        return
    lines = _NEWLINE.split(text)
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    if len(lines[longest]) > max_chars:
        raise InputError(_too_long(path, longest + 1, "line", len(lines[longest]), max_chars))


def check_unit_length(units: list[Unit], path: str, max_chars: int | None = None) -> None:
    """Refuse a Markdown paragraph (lines joined into one unit) longer than the limit."""
    max_chars = limit(MAX_LINE_CHARS_ENV, MAX_LINE_CHARS) if max_chars is None else max_chars
    for u in units:
        if max_chars and len(u.text) > max_chars:
            raise InputError(_too_long(path, u.line, f"the {u.kind} at line", len(u.text),
                                       max_chars))


def _too_long(path: str, line: int, what: str, length: int, max_chars: int) -> str:
    return (f"{path}: {what} {line} is {length:,} characters long (the limit is "
            f"{max_chars:,}, set {MAX_LINE_CHARS_ENV} to raise it); is this pasted data "
            "rather than prose?")


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The ``key: value`` fields of a leading front matter block, and where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    fields = {k.lower(): v.strip(" \t").strip("'\"") for k, v in _FM_FIELD.findall(m.group(2))}
    return fields, m.end()


def load_document(
    path: str,
    *,
    lang: str = "auto",
    when: date | None = None,
    date_source: str | None = None,
    encoding: str | None = None,
    data: bytes | None = None,
) -> Document:
    """Read a version from disk (or take its bytes, ``data``, read from standard input)
    and cut it into units.

    The document date is ``when`` if given (from ``--date`` or pair.toml, as ``date_source``
    says), else the front matter's ``date:``, else none.
    """
    try:
        raw = read_bytes(path) if data is None else data
        text, used = decode(raw, path, encoding)
        return parse_document(text, path, lang=lang, when=when, date_source=date_source,
                              encoding=used)
    except InputError as exc:
        raise InputError(one_line(str(exc))) from None


def one_line(message: str) -> str:
    """A message fit for one line of stderr: control characters (a newline in a file name,
    say) are written as escapes."""
    if message.isprintable():
        return message
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)


def parse_document(
    text: str,
    path: str = "<text>",
    *,
    lang: str = "auto",
    when: date | None = None,
    date_source: str | None = None,
    encoding: str = "utf-8",
) -> Document:
    """Cut decoded text into units and settle its language and date."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(f"{path}: binary text (NUL character at offset {text.index(chr(0))})")
    check_line_length(text, path)
    fields, body = front_matter(text)
    first_line = text.count("\n", 0, body) + 1
    markdown = is_markdown(path) or bool(fields)
    units = (markdown_units if markdown else plain_units)(text, body, first_line)
    check_unit_length(units, path)
    if not units:
        what = "no text outside the front matter" if body else "empty file (no text)"
        raise InputError(f"{path}: {what}")
    if when is None and "date" in fields:
        when = parse_date(fields["date"], f"{path}: front matter date", with_time=True)
        date_source = "front matter"
    if lang == "auto":
        lang = fields.get("lang", "") or fields.get("language", "")
        if lang not in languages.LANGS:
            lang = languages.detect(" ".join(u.text for u in units[:200]))
    elif lang not in languages.LANGS:
        raise InputError(f"--lang: unknown language {lang!r} (use ja, zh, en or auto)")
    else:
        found = languages.contradiction(" ".join(u.text for u in units[:200]), lang)
        if found is not None:
            raise InputError(
                f"{path}: declared language {lang} (--lang, pair.toml or config) but the text is "
                f"{languages.NAMES[found]} ({found}); declare {found} or auto")
    return Document(path=path, text=text, units=units, lang=lang, date=when,
                    date_source=date_source if when else None, encoding=encoding)
