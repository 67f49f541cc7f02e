"""The result cache of ``run`` and ``check``: an unchanged pair is not checked again.

A pair's report is stored under a *slot* named by the pair (its two paths as given, the
alignment's span, transcheck's version), holding the *key* it was computed for: both
versions' text as loaded (so their content, and the language, date and encoding the
options, pair.toml and config settled on), the options that shape findings, and a
fingerprint of transcheck's own code. A changed version misses and overwrites its slot,
so stale entries do not pile up; entries unused for PRUNE_DAYS are removed after a run.
Suppression comments, the config's severities and ignores and the baseline are applied
after the cache, on every run.

Where it lives: ``TRANSCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/transcheck``, else
``~/.cache/transcheck`` — outside the repository, so a repository cannot plant entries.
Since a cache folder may still come from elsewhere (a CI cache restored from another
branch), every entry is signed (HMAC-SHA256) with a random key kept apart from the cache,
in ``$XDG_CONFIG_HOME/transcheck/cache.key`` (``~/.config``), or given in
``TRANSCHECK_CACHE_KEY`` (a CI secret); an entry whose signature or key does not match is
a miss, and it is read (unpickled) only after its signature is checked. Any error of the
cache (unwritable folder, a full disk) costs only the time it would have saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import sys
import time
from functools import cache
from pathlib import Path

from . import __version__
from .model import Document, Report

FORMAT = 1  # bump when the stored data changes shape
PRUNE_DAYS = 30
MAX_ENTRIES = 5_000
DIR_ENV = "TRANSCHECK_CACHE_DIR"
KEY_ENV = "TRANSCHECK_CACHE_KEY"
_SUFFIX = ".entry"


def default_dir() -> str:
    """The cache folder: TRANSCHECK_CACHE_DIR, else the user's cache folder."""
    if os.environ.get(DIR_ENV):
        return os.environ[DIR_ENV]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "transcheck")


def _key_path() -> str:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"),
                                                             ".config")
    return os.path.join(base, "transcheck", "cache.key")


def signing_key() -> bytes | None:
    """The key entries are signed with; created on first use, readable by its owner only.
    None when it cannot be had safely (then nothing is cached)."""
    if os.environ.get(KEY_ENV):
        return os.environ[KEY_ENV].encode()
    path = _key_path()
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(32))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if not stat.S_ISREG(info.st_mode) or not ours or info.st_mode & 0o077:
                return None  # a key others could read or plant signs nothing
            key = fh.read(64)
    except OSError:
        return None
    return key if len(key) >= 16 else None


@cache
def code_fingerprint() -> str:
    """transcheck's code as it is on disk: its version, and the size and time of each of
    its modules, so that a changed checker never reads results of the old one."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{__version__}|{FORMAT}|{sys.version_info[:2]}".encode())
    for path in sorted(root.rglob("*.py")):
        info = path.stat()
        h.update(f"{path.relative_to(root)}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _doc_key(doc: Document) -> str:
    text = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    when = doc.date.isoformat() if doc.date else ""
    return f"{doc.path}|{text}|{doc.lang}|{when}|{doc.date_source}|{doc.encoding}"


class ResultCache:
    """Reports by pair, in one folder, signed with one key."""

    def __init__(self, folder: str, key: bytes) -> None:
        self.folder = folder
        self._key = key

    @classmethod
    def open(cls, folder: str | None = None) -> ResultCache | None:
        """The cache at ``folder`` (default: :func:`default_dir`), or None if unusable."""
        key = signing_key()
        if key is None:
            return None
        return cls(folder or default_dir(), key)

    def _slot(self, left: Document, right: Document, max_span: int) -> str:
        name = hashlib.sha256(f"{left.path}\0{right.path}\0{max_span}\0{__version__}"
                              .encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return os.path.join(self.folder, name + _SUFFIX)

    def _key_of(self, left: Document, right: Document, max_span: int) -> bytes:
        return hashlib.sha256(f"{code_fingerprint()}\0{_doc_key(left)}\0{_doc_key(right)}"
                              f"\0{max_span}".encode("utf-8", "surrogatepass")).digest()

    def get(self, left: Document, right: Document, max_span: int) -> Report | None:
        """The stored report of this pair if its key matches and its signature is ours."""
        path = self._slot(left, right, max_span)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        mac, body = data[:32], data[32:]
        if not hmac.compare_digest(mac, hmac.new(self._key, body, "sha256").digest()):
            return None
        key, payload = body[:32], body[32:]
        if not hmac.compare_digest(key, self._key_of(left, right, max_span)):
            return None
        try:
            report = pickle.loads(payload)
        except Exception:  # signed by us, but from another build: a miss
            return None
        if not isinstance(report, Report):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used: kept by the pruning
        return report

    def put(self, left: Document, right: Document, max_span: int, report: Report) -> None:
        """Store the report of the versions as loaded, replacing what their slot held."""
        body = (self._key_of(left, right, max_span)
                + pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
        data = hmac.new(self._key, body, "sha256").digest() + body
        path = self._slot(left, right, max_span)
        tmp = f"{path}.tmp-{os.getpid()}"
        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def prune(self, now: float | None = None) -> int:
        """Remove entries unused for PRUNE_DAYS, and the oldest beyond MAX_ENTRIES."""
        now = time.time() if now is None else now
        try:
            names = [n for n in os.listdir(self.folder) if _SUFFIX in n]
        except OSError:
            return 0
        aged: list[tuple[float, str]] = []
        for name in names:
            path = os.path.join(self.folder, name)
            with contextlib.suppress(OSError):
                aged.append((os.stat(path).st_mtime, path))
        aged.sort(reverse=True)
        old = [p for k, (t, p) in enumerate(aged)
               if now - t > PRUNE_DAYS * 86400 or k >= MAX_ENTRIES
               or (not p.endswith(_SUFFIX) and now - t > 3600)]  # a left-over temporary
        removed = 0
        for path in old:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
        return removed
