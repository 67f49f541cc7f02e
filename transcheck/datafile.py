"""Reading the small data files a run depends on: pair.toml, the config, the baseline.

Each is UTF-8 (a byte order mark is allowed and dropped); anything that cannot be read as
such — bad bytes, bad syntax, nesting deep enough to exhaust the parser's recursion — is
one InputError naming the file, never a traceback.
"""

from __future__ import annotations

import json
import tomllib
from typing import Any

from .load import read_bytes
from .model import InputError


def read_text(path: str, shown: str | None = None, max_bytes: int | None = None) -> str:
    """The file's UTF-8 text, without a leading byte order mark."""
    shown = shown or path
    try:
        data = read_bytes(path, max_bytes)
    except InputError as exc:
        raise InputError(str(exc).replace(path, shown, 1)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{shown}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start})") from None
    return text.removeprefix("\ufeff")


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    """TOML text as a table, or an InputError naming the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{shown}: not valid TOML: {exc}") from None
    except RecursionError:
        raise InputError(f"{shown}: not valid TOML: nested too deeply") from None


def read_toml(path: str, shown: str | None = None) -> dict[str, Any]:
    return parse_toml(read_text(path, shown), shown or path)


def read_json(path: str, what: str, max_bytes: int | None = None) -> Any:
    """A JSON file's value; ``what`` names the kind of file in the error."""
    text = read_text(path, max_bytes=max_bytes)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not {what} (invalid JSON: {exc})") from None
    except RecursionError:
        raise InputError(f"{path}: not {what} (JSON nested too deeply)") from None
