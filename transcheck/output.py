"""Writing reports to files: every ``-o`` of every command goes through :func:`write_output`.

One place decides how a report or a baseline reaches the disk (atomically, through a
temporary file beside the target, never over an input of the run), so that hardening it
hardens all.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable

from .model import InputError

# the format a report file is written in, from its name, when -o does not say (FORMAT:PATH)
EXTENSIONS = {".txt": "text", ".json": "json", ".md": "markdown", ".markdown": "markdown",
              ".html": "html", ".htm": "html", ".sarif": "sarif", ".rdjson": "rdjson"}


def format_for(path: str) -> str | None:
    """The format a file name asks for (``report.sarif`` → sarif), or None."""
    name = path.lower()
    if name.endswith(".sarif.json"):
        return "sarif"
    return EXTENSIONS.get(os.path.splitext(name)[1])


def write_output(path: str, text: str, inputs: Iterable[str] = ()) -> None:
    """Write ``text`` to ``path`` whole or not at all (through a temporary file in the same
    folder, so readers never see half a file); never one of ``inputs``."""
    target = os.path.abspath(path)
    if any(os.path.exists(p) and os.path.abspath(p) == target for p in inputs):
        raise InputError(f"{path}: is one of the inputs; transcheck never writes its inputs")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".transcheck-", suffix=".tmp",
                                   dir=os.path.dirname(target))
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None
