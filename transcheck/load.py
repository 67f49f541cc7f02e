"""Load one version of an article: bytes → text → front matter → units → a Document."""

from __future__ import annotations

import os
import re
import stat
from datetime import date

from . import lang as languages
from .model import Document, InputError
from .units import is_markdown, markdown_units, plain_units

_FRONT_MATTER = re.compile(r"(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|$)", re.S)
_FM_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$", re.M)


def parse_date(value: str, what: str) -> date:
    """An ISO date (YYYY-MM-DD), or an InputError naming where it came from."""
    text = value.strip().strip("'\"")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{what}: not a date in the form YYYY-MM-DD: {value!r}") from None


def read_bytes(path: str) -> bytes:
    """The file's bytes, or an InputError saying why it cannot be read."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes as UTF-8 (a BOM is dropped); return the text and the encoding used."""
    if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise InputError(f"{path}: encoding {encoding!r} is not supported yet; tried: utf-8")
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}), not text")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{path}: cannot decode as UTF-8 (byte 0x{bad} at offset {exc.start}); "
            "tried: utf-8"
        ) from None
    return text, encoding


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The simple ``key: value`` fields of a leading front matter block, and where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    fields = {k.lower(): v.strip("'\"") for k, v in _FM_FIELD.findall(m.group(2))}
    return fields, m.end()


def load_document(
    path: str,
    *,
    lang: str = "auto",
    when: date | None = None,
    date_source: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Read a version from disk and cut it into units.

    The document date is ``when`` if given (from ``--date`` or pair.toml, as ``date_source``
    says), else the front matter's ``date:``, else none.
    """
    text, used = decode(read_bytes(path), path, encoding)
    return parse_document(text, path, lang=lang, when=when, date_source=date_source,
                          encoding=used)


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
    fields, body = front_matter(text)
    first_line = text.count("\n", 0, body) + 1
    markdown = is_markdown(path) or bool(fields)
    units = (markdown_units if markdown else plain_units)(text, body, first_line)
    if not units:
        what = "no text outside the front matter" if body else "empty file (no text)"
        raise InputError(f"{path}: {what}")
    if when is None and "date" in fields:
        when = parse_date(fields["date"], f"{path}: front matter date")
        date_source = "front matter"
    if lang == "auto":
        lang = fields.get("lang", "") or fields.get("language", "")
        if lang not in languages.LANGS:
            lang = languages.detect(" ".join(u.text for u in units[:200]))
    elif lang not in languages.LANGS:
        raise InputError(f"--lang: unknown language {lang!r} (use ja, zh, en or auto)")
    return Document(path=path, text=text, units=units, lang=lang, date=when,
                    date_source=date_source if when else None, encoding=encoding)
