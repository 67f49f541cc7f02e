"""The result cache: an unchanged pair is not checked again, a changed one is, and an entry
transcheck did not write itself is never believed."""

from __future__ import annotations

import importlib
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from transcheck import cache as cache_module

from .conftest import EJAAZ, FIXTURES, run_cli


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The cache turned on, in a folder of this test."""
    monkeypatch.delenv("TRANSCHECK_NO_CACHE")
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pairs actually checked (not answered from the cache), by left file name."""
    run_module = importlib.import_module("transcheck.run")
    real = run_module.check_documents
    seen: list[str] = []

    def spy(left: Any, right: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(os.path.basename(left.path))
        return real(left, right, *args, **kwargs)

    monkeypatch.setattr(run_module, "check_documents", spy)
    return seen


def _pairs(tmp_path: Path) -> Path:
    pairs = tmp_path / "pairs"
    shutil.copytree(EJAAZ, pairs / "ejaaz")
    shutil.copytree(FIXTURES / "runs" / "suppress", pairs / "suppress")
    return pairs


def test_an_unchanged_pair_is_answered_from_the_cache(tmp_path, cached, checks, capsys):  # type: ignore[no-untyped-def]
    pairs = _pairs(tmp_path)
    first = run_cli(["run", str(pairs), "--jobs", "1", "--format", "json"], capsys)
    assert sorted(checks) == ["bitpush.ja.txt", "original.ja.md"]
    assert len(list(cached.glob("*.entry"))) == 2
    second = run_cli(["run", str(pairs), "--jobs", "1", "--format", "json"], capsys)
    assert second == first and len(checks) == 2  # nothing checked again
    # a changed version: its pair alone is checked again, and its slot replaced
    revised = pairs / "suppress" / "revised.ja.md"
    revised.write_text(revised.read_text("utf-8").replace("6億人", "5億人"), encoding="utf-8")
    third = run_cli(["run", str(pairs), "--jobs", "1", "--format", "json"], capsys)
    assert checks[2:] == ["original.ja.md"] and third[1] != first[1]
    assert len(list(cached.glob("*.entry"))) == 2
    # check shares the cache (the same pair, read the same way); --no-cache checks anyway
    left, right = (str(pairs / "ejaaz" / name) for name in ("bitpush.ja.txt", "techflow.ja.txt"))
    assert run_cli(["check", left, right], capsys)[0] == 1
    assert run_cli(["check", right, left], capsys)[0] == 1  # another pair: checked
    assert run_cli(["check", left, right, "--no-cache"], capsys)[0] == 1
    assert checks[3:] == ["techflow.ja.txt", "bitpush.ja.txt"]


def test_options_that_change_findings_miss(tmp_path, cached, checks, capsys):  # type: ignore[no-untyped-def]
    pairs = _pairs(tmp_path)
    run_cli(["run", str(pairs / "ejaaz"), "--jobs", "1"], capsys)
    run_cli(["run", str(pairs / "ejaaz"), "--jobs", "1", "--date", "2025-06-01"], capsys)
    run_cli(["run", str(pairs / "ejaaz"), "--jobs", "1", "--date", "2027-03-01"], capsys)
    assert len(checks) == 3
    # a language the text contradicts is refused before the cache is asked
    assert run_cli(["run", str(pairs / "ejaaz"), "--jobs", "1", "--lang", "zh"], capsys)[0] == 2
    assert len(checks) == 3


def test_an_entry_not_signed_with_our_key_is_a_miss(tmp_path, cached, checks, capsys,  # type: ignore[no-untyped-def]
                                                   monkeypatch):
    pairs = _pairs(tmp_path)
    target = pairs / "ejaaz"
    # a hostile cache: the real report of the pair, with no findings, signed with a key
    # that is not ours (a cache folder restored from someone else's branch, say)
    monkeypatch.setenv("TRANSCHECK_CACHE_KEY", "someone-else's key")
    code, _, _ = run_cli(["run", str(target), "--jobs", "1"], capsys)
    assert code == 1
    store = cache_module.ResultCache.open()
    assert store is not None
    (entry,) = cached.glob("*.entry")
    from transcheck.run import Options, cached_task, find_pair_folders, plan

    tasks, _ = plan(find_pair_folders([str(target)]))
    hit = cached_task(tasks[0], Options(cache_dir=str(cached)))
    assert hit is not None and hit.report is not None
    from dataclasses import replace

    from transcheck.run import load_version

    clean = replace(hit.report, findings=[])
    store.put(load_version(tasks[0].left.path, Options()),
              load_version(tasks[0].right.path, Options()), 5, clean)
    assert cached_task(tasks[0], Options(cache_dir=str(cached))).report.findings == []  # type: ignore[union-attr]
    # with our own key the planted entry is not believed: the pair is checked, drift found
    monkeypatch.delenv("TRANSCHECK_CACHE_KEY")
    code, _, _ = run_cli(["run", str(target), "--jobs", "1"], capsys)
    assert code == 1 and len(checks) == 2
    # nor is a truncated or garbled one
    entry.write_bytes(entry.read_bytes()[:100])
    assert run_cli(["run", str(target), "--jobs", "1"], capsys)[0] == 1 and len(checks) == 3


def test_a_key_others_could_write_turns_the_cache_off(tmp_path, cached, checks, capsys):  # type: ignore[no-untyped-def]
    key = Path(os.environ["XDG_CONFIG_HOME"]) / "transcheck" / "cache.key"
    assert cache_module.signing_key() is not None and key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o666)
    try:
        assert cache_module.signing_key() is None
        pairs = _pairs(tmp_path)
        run_cli(["run", str(pairs / "suppress"), "--jobs", "1"], capsys)
        run_cli(["run", str(pairs / "suppress"), "--jobs", "1"], capsys)
        assert len(checks) == 2 and not list(cached.glob("*.entry"))
    finally:
        key.chmod(0o600)


def test_entries_long_unused_are_pruned(tmp_path, cached, capsys):  # type: ignore[no-untyped-def]
    pairs = _pairs(tmp_path)
    run_cli(["run", str(pairs), "--jobs", "1"], capsys)
    entries = sorted(cached.glob("*.entry"))
    old = time.time() - (cache_module.PRUNE_DAYS + 1) * 86400
    os.utime(entries[0], (old, old))
    (cached / "x.entry.tmp-1").write_bytes(b"")
    os.utime(cached / "x.entry.tmp-1", (old, old))
    store = cache_module.ResultCache.open()
    assert store is not None and store.prune() == 2
    assert sorted(cached.glob("*")) == entries[1:]
