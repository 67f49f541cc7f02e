"""Pair folders: the versions of one article and their ``pair.toml``.

A pair.toml is checked against a schema before anything is read: every key is known
(a misspelt ``dat = …`` is an error naming it, not a pair silently without a date), every
value has its type, no file is listed twice, and every version file lies inside the pair
folder's repository (the nearest folder upward holding ``.git``; without one, the pair
folder itself). A pull request cannot make the gate read ``../../../etc/passwd``, an
absolute path or a symbolic link out of the repository and publish its lines in a report;
``--allow-outside`` lifts that for a layout that needs it.

```toml
title = "…"                 # optional string
date = "2026-01-23"         # optional: a TOML date or "YYYY-MM-DD"
source = "en.txt"           # optional: the file the versions were translated from
[[version]]                 # one table per version, two or more for a run
file = "bitpush.ja.txt"     # required: a file of the folder
lang = "ja"                 # ja, zh, en or auto
label = "BitpushNews → ja"  # a name for reports
encoding = "utf-8"          # a text encoding Python knows
from = "en.txt"             # the file this version was translated from
```
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .datafile import read_toml
from .encoding import canonical
from .load import parse_date
from .model import InputError

PAIR_FILE = "pair.toml"
LANGS = ("ja", "zh", "en", "auto")
TOP_KEYS = ("title", "date", "source", "version")
VERSION_KEYS = ("file", "lang", "label", "encoding", "from")


@dataclass(frozen=True, slots=True)
class Version:
    path: str
    lang: str = "auto"
    label: str | None = None
    encoding: str | None = None
    translated_from: str | None = None  # `from`: the path of the file it was translated from


@dataclass(frozen=True, slots=True)
class Pair:
    folder: str
    title: str | None
    date: date | None
    versions: list[Version] = field(default_factory=list)
    source: str | None = None  # the path of the file the versions were translated from


def repository_root(folder: str) -> str:
    """The folder a pair's files must lie in: its repository (the nearest folder upward
    holding ``.git``), else the pair folder itself; a real path, symbolic links resolved."""
    real = os.path.realpath(folder)
    here = real
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return real
        here = parent


def inside(path: str, root: str) -> bool:
    """Whether ``path``, symbolic links resolved, lies in the real folder ``root``."""
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


class _Schema:
    """Checks one pair.toml; every error names the file and the key."""

    def __init__(self, path: str, folder: str, allow_outside: bool) -> None:
        self.path, self.folder, self.allow_outside = path, folder, allow_outside
        self.root = repository_root(folder)

    def bad(self, key: str, why: str) -> InputError:
        return InputError(f"{self.path}: {key}: {why}")

    def keys(self, table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in table:
            if key not in known:
                raise self.bad(f"{where}{key}", f"unknown key (known: {', '.join(known)})")

    def string(self, table: dict[str, Any], key: str, where: str) -> str | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, str):
            raise self.bad(f"{where}{key}", f"expected a string, not {_kind(value)}")
        if "\x00" in value:
            raise self.bad(f"{where}{key}", "holds a NUL character")
        return value

    def file(self, table: dict[str, Any], key: str, where: str) -> str | None:
        """A file named by the pair.toml: relative to the folder and inside the repository."""
        name = self.string(table, key, where)
        if name is None:
            return None
        if not name.strip():
            raise self.bad(f"{where}{key}", "empty file name")
        full = os.path.join(self.folder, name)
        if not self.allow_outside:
            if os.path.isabs(name):
                raise self.bad(f"{where}{key}", f"an absolute path ({name!r}); name a file "
                               "of the pair folder (or pass --allow-outside)")
            if not inside(full, self.root):
                raise self.bad(f"{where}{key}", f"{name!r} lies outside the repository "
                               f"({self.root}); transcheck reads only files inside it "
                               "(pass --allow-outside to read it)")
        return full

    def when(self, data: dict[str, Any]) -> date | None:
        if "date" not in data:
            return None
        raw = data["date"]
        if isinstance(raw, datetime):
            raise self.bad("date", f"a date and time ({raw.isoformat()}); give the day alone, "
                           "YYYY-MM-DD")
        if isinstance(raw, date):
            return raw
        if not isinstance(raw, str):
            raise self.bad("date", f"expected a date in the form YYYY-MM-DD, not {_kind(raw)}")
        return parse_date(raw, f"{self.path}: date")

    def version(self, k: int, v: object) -> Version:
        where = f"version[{k}]."
        if not isinstance(v, dict):
            raise self.bad(f"version[{k}]", f"expected a [[version]] table, not {_kind(v)}")
        self.keys(v, VERSION_KEYS, where)
        path = self.file(v, "file", where)
        if path is None:
            raise self.bad(f"{where}file", "missing (every [[version]] names its file)")
        lang = self.string(v, "lang", where) or "auto"
        if lang not in LANGS:
            raise self.bad(f"{where}lang", f"unknown language {lang!r} (use {', '.join(LANGS)})")
        encoding = self.string(v, "encoding", where)
        if encoding is not None:
            try:
                canonical(encoding)
            except InputError as exc:
                raise self.bad(f"{where}encoding", str(exc)) from None
        origin = self.file(v, "from", where)
        if origin is not None and os.path.normpath(origin) == os.path.normpath(path):
            raise self.bad(f"{where}from", "names the version itself")
        return Version(path, lang, self.string(v, "label", where), encoding, origin)

    def pair(self, data: dict[str, Any]) -> Pair:
        self.keys(data, TOP_KEYS, "")
        when = self.when(data)
        raw = data.get("version", [])
        if not isinstance(raw, list):
            raise self.bad("version", "expected [[version]] tables")
        versions = [self.version(k, v) for k, v in enumerate(raw)]
        seen: dict[str, int] = {}
        for k, v in enumerate(versions):
            key = os.path.realpath(v.path)
            if key in seen:
                raise self.bad(f"version[{k}].file", f"the same file as version[{seen[key]}] "
                               f"({os.path.basename(v.path)}); a version is not compared "
                               "with itself")
            seen[key] = k
        return Pair(self.folder, self.string(data, "title", ""), when, versions,
                    self.file(data, "source", ""))


def _kind(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
             dict: "a table", str: "a string"}
    return names.get(type(value), type(value).__name__)


def read_pair(folder: str, *, allow_outside: bool = False) -> Pair:
    """Read ``folder/pair.toml``; a malformed file is an InputError naming the key."""
    path = os.path.join(folder, PAIR_FILE)
    if not os.path.lexists(path):
        raise InputError(f"{folder}: no {PAIR_FILE}")
    schema = _Schema(path, folder, allow_outside)
    if not allow_outside and not inside(path, schema.root):
        raise InputError(f"{path}: a symbolic link out of the repository ({schema.root}); "
                         "not read (pass --allow-outside to read it)")
    return schema.pair(read_toml(path))


def pair_for(path: str) -> tuple[Pair, Version] | None:
    """The pair folder a file belongs to, if its folder's pair.toml lists it. The file was
    named on the command line, so the other versions' places are not checked here."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isfile(os.path.join(folder, PAIR_FILE)):
        return None
    pair = read_pair(folder, allow_outside=True)
    for v in pair.versions:
        if os.path.exists(v.path) and os.path.exists(path):
            if os.path.samefile(v.path, path):
                return pair, v
        elif os.path.abspath(v.path) == os.path.abspath(path):  # standard input's name
            return pair, v
    return None
