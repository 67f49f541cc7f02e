"""Pair folders: the versions of one article and their ``pair.toml``."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date

from .load import parse_date, read_bytes
from .model import InputError

PAIR_FILE = "pair.toml"


@dataclass(frozen=True, slots=True)
class Version:
    path: str
    lang: str = "auto"
    label: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    folder: str
    title: str | None
    date: date | None
    versions: list[Version] = field(default_factory=list)


def read_pair(folder: str) -> Pair:
    """Read ``folder/pair.toml``; a malformed file is an InputError naming the key."""
    path = os.path.join(folder, PAIR_FILE)
    if not os.path.lexists(path):
        raise InputError(f"{folder}: no {PAIR_FILE}")
    try:
        data = tomllib.loads(read_bytes(path).decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None
    when = None
    if "date" in data:
        raw = data["date"]
        when = raw if isinstance(raw, date) else parse_date(str(raw), f"{path}: date")
    versions = []
    for k, v in enumerate(data.get("version", [])):
        if not isinstance(v, dict) or not isinstance(v.get("file"), str):
            raise InputError(f"{path}: version[{k}].file: missing or not a string")
        versions.append(Version(os.path.join(folder, v["file"]), str(v.get("lang", "auto")),
                                v.get("label"), v.get("encoding")))
    title = data.get("title")
    return Pair(folder, title if isinstance(title, str) else None, when, versions)


def pair_for(path: str) -> tuple[Pair, Version] | None:
    """The pair folder a file belongs to, if its folder's pair.toml lists it."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isfile(os.path.join(folder, PAIR_FILE)):
        return None
    pair = read_pair(folder)
    for v in pair.versions:
        if os.path.exists(v.path) and os.path.exists(path):
            if os.path.samefile(v.path, path):
                return pair, v
        elif os.path.abspath(v.path) == os.path.abspath(path):  # standard input's name
            return pair, v
    return None
