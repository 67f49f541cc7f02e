"""Baselines: accept today's findings, fail on new drift, report entries no longer found."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from transcheck.baseline import (
    BASELINE_SCHEMA,
    Entry,
    filter_baseline,
    read_baseline,
    write_baseline,
)
from transcheck.model import Finding, InputError, Location

from .conftest import EJAAZ, FIXTURES, run_cli

TECHFLOW_NAME = "techflow.ja.txt"




@pytest.fixture()
def pairs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary copy of pairs/ (the real files are never modified), as the working dir."""
    shutil.copytree(EJAAZ, tmp_path / "pairs" / EJAAZ.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "pairs"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_baseline_silences_today_and_catches_new_drift(pairs, capsys):  # type: ignore[no-untyped-def]
    assert run_cli(["run"], capsys)[0] == 1
    code, out, err = run_cli(["baseline", "pairs", "-o", "baseline.json"], capsys)
    assert (code, out) == (0, "")
    data = json.loads(Path("baseline.json").read_text("utf-8"))
    assert data["schema"] == BASELINE_SCHEMA and data["findings"]
    assert f"{len(data['findings'])} findings of 1 pair recorded" in err
    entry = data["findings"][0]
    assert set(entry) == {"id", "rule", "severity", "pair", "left", "right", "message"}
    assert entry["pair"] == "pairs/ejaaz-grok5"

    code, out, _ = run_cli(["run", "--baseline", "baseline.json", "--format", "json"], capsys)
    assert code == 0
    run = json.loads(out)
    assert run["pairs"][0]["findings"] == [] and run["stale_baseline"] == []
    assert run["pairs"][0]["hidden"] == len(data["findings"])

    # a new drift in one version: 90万枚 → 80万枚 GPUs in TechFlow's version
    edit(pairs / EJAAZ.name / TECHFLOW_NAME, "90万枚", "80万枚")
    code, out, _ = run_cli(["run", "--baseline", "baseline.json", "--format", "json"], capsys)
    assert code == 1
    new = run_findings(out)
    assert any(f["rule"] == "number-mismatch" and f["right"]["text"] == "80万枚" for f in new)


def run_findings(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [f for p in json.loads(out)["pairs"] for f in p["findings"]]


def test_fixed_drift_leaves_a_stale_entry_reported_as_a_note(pairs, capsys):  # type: ignore[no-untyped-def]
    run_cli(["baseline", "pairs", "-o", "baseline.json"], capsys)
    before = json.loads(Path("baseline.json").read_text("utf-8"))["findings"]
    assert any(e["rule"] == "unit-mismatch" for e in before)
    # the editor fixes the unit: 約250MW → 約250MWh
    edit(pairs / EJAAZ.name / TECHFLOW_NAME, "約250MW", "約250MWh")
    code, out, _ = run_cli(["run", "--baseline", "baseline.json", "--format", "json"], capsys)
    stale = json.loads(out)["pairs"][0]["stale_baseline"]
    assert "unit-mismatch" in {e["rule"] for e in stale}
    assert code == 0 or all(f["rule"] != "unit-mismatch" for f in run_findings(out))
    code, out, _ = run_cli(["run", "--baseline", "baseline.json"], capsys)
    assert "note: baseline entry no longer found: unit-mismatch" in out
    # refreshing the baseline cleans it
    run_cli(["baseline", "pairs", "-o", "baseline.json"], capsys)
    code, out, _ = run_cli(["run", "--baseline", "baseline.json", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["pairs"][0]["stale_baseline"] == []


def test_entries_of_a_removed_pair_are_stale_for_the_run(pairs, capsys):  # type: ignore[no-untyped-def]
    shutil.copytree(FIXTURES / "runs" / "three", pairs / "three")
    run_cli(["baseline", "pairs", "-o", "baseline.json"], capsys)
    shutil.rmtree(pairs / "three")
    code, out, _ = run_cli(["run", "--baseline", "baseline.json", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["stale_baseline"] and all(e["pair"] == "pairs/three"
                                          for e in data["stale_baseline"])


def test_check_accepts_the_baseline_too_from_another_directory(pairs, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    run_cli(["baseline", "pairs", "-o", "baseline.json"], capsys)
    base = pairs.parent / "baseline.json"
    monkeypatch.chdir(pairs / EJAAZ.name)  # paths in the baseline are relative to its folder
    code, out, _ = run_cli(["check", "bitpush.ja.txt", TECHFLOW_NAME, "--baseline", str(base),
                        "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["findings"] == [] and data["stale_baseline"] == []
    assert data["schema"] == "transcheck/report@1"


def test_bad_baseline_files_are_input_errors(tmp_path, capsys):  # type: ignore[no-untyped-def]
    left, right = str(EJAAZ / "bitpush.ja.txt"), str(EJAAZ / TECHFLOW_NAME)
    missing = str(tmp_path / "none.json")
    code, _, err = run_cli(["check", left, right, "--baseline", missing], capsys)
    assert code == 2 and "no such file" in err
    (tmp_path / "bad.json").write_text('{"schema": "other"}', encoding="utf-8")
    code, _, err = run_cli(["check", left, right, "--baseline", str(tmp_path / "bad.json")], capsys)
    assert code == 2 and "not a transcheck baseline" in err and err.count("\n") == 1


def test_baseline_needs_an_output(capsys, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert run_cli(["baseline", str(EJAAZ.parent)], capsys)[0] == 2


def test_written_atomically(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    path = tmp_path / "baseline.json"
    entry = Entry("abc", "number-mismatch", "m", "a.txt", "b.txt")
    write_baseline(str(path), [entry])
    before = path.read_text("utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="cannot write"):
        write_baseline(str(path), [entry, entry])
    assert path.read_text("utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]  # no temp left
    assert read_baseline(str(path)).entries == [entry]


def _f(id_: str) -> Finding:
    loc = Location(1, 1, 0, 1, "x")
    return Finding(id_, "number-mismatch", "error", "m", loc, loc)


def test_repeated_ids_are_counted() -> None:
    accepted = [Entry("a", "number-mismatch", "m", "l", "r")]
    kept, hidden, stale = filter_baseline([_f("a"), _f("a"), _f("b")], accepted)
    assert ([f.id for f in kept], hidden, stale) == (["a", "b"], 1, [])
    kept, hidden, stale = filter_baseline([_f("b")], accepted * 2)
    assert ([f.id for f in kept], hidden, len(stale)) == (["b"], 0, 2)
