"""Writing a report or a baseline where the user asked: standard output, a file, or a device.

Every ``-o`` of every command (each of several ``-o [FORMAT:]FILE``, ``-o -`` for standard
output) and every baseline goes through :func:`write_report` (:func:`write_output` is the
same writer), so that hardening it hardens all. It keeps three promises to a CI that runs on
pull requests from anyone, often as root:

- ``-o`` never names an input of the run (an article, a pair.toml, the config, the
  baseline): it is refused before anything is written;
- a regular file is replaced atomically (a temporary file beside it, then a rename), but a
  device, FIFO or socket (``-o /dev/null``, ``-o /dev/stderr``) is written in place and
  never renamed over;
- a failed write (a full disk, ``> /dev/full``, text the encoding cannot hold) is one
  error line and exit 2, and leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
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


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_inputs(path: str, inputs: Iterable[str | None]) -> None:
    """An InputError when ``path`` is (or links to) one of the run's inputs."""
    for p in inputs:
        if p and os.path.lexists(p) and _same_file(path, p):
            raise InputError(f"{path}: is an input of this run ({p}); transcheck never "
                             "writes its inputs")


def _cannot_write(path: str, exc: BaseException) -> InputError:
    if isinstance(exc, UnicodeError):
        return InputError(f"{path}: cannot write: the text holds characters UTF-8 cannot "
                          f"encode ({exc.__class__.__name__})")
    why = getattr(exc, "strerror", None) or str(exc)
    return InputError(f"{path}: cannot write: {why}")


def write_report(path: str | None, text: str, inputs: Iterable[str | None] = ()) -> None:
    """Write ``text`` to ``path`` (standard output when None or ``-``), as the module
    docstring says."""
    if path is None or path == "-":
        _write_stdout(text)
        return
    refuse_inputs(path, inputs)
    data = _encode(path, text)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, not a file")
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(path, data)  # a device or FIFO: never replaced by a regular file
        return
    _write_atomically(path, data)


def write_output(path: str | None, text: str, inputs: Iterable[str | None] = ()) -> None:
    """The same writer as :func:`write_report` (issue 25's name for it)."""
    write_report(path, text, inputs)


def _encode(path: str, text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeError as exc:
        raise _cannot_write(path, exc) from None


def _write_in_place(path: str, data: bytes) -> None:
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        os.close(fd)


def _write_atomically(path: str, data: bytes) -> None:
    """Through a temporary file in the same folder, so readers never see half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".transcheck-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if os.path.lexists(path) and not stat.S_ISREG(os.lstat(path).st_mode) \
                and not os.path.islink(path):
            raise InputError(f"{path}: not a regular file")  # swapped for a device meanwhile
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: str) -> int:
    """The replaced file's permissions, or a new file's (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_stdout(text: str) -> None:
    """Standard output, flushed here so that a full disk or a closed pipe is reported now,
    as one line, rather than as a traceback when the interpreter exits."""
    try:
        stream = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if stream is not None:
            sys.stdout.flush()
            stream.write(text.encode("utf-8"))
            stream.flush()
        else:  # a captured stream (tests)
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, UnicodeError) as exc:
        _silence_stdout()
        raise _cannot_write("standard output", exc) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
