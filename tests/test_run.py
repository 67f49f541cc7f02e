"""`transcheck run`: every pair folder, every pair of versions, one exit code, stable order."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from transcheck.run import Options, find_pair_folders, plan, run

from .conftest import EJAAZ, FIXTURES, ROOT, run_cli

RUNS = FIXTURES / "runs"




def test_run_on_pairs_exits_1_with_the_ejaaz_drifts(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    code, out, err = run_cli(["run", "--jobs", "1"], capsys)  # default folder: pairs/
    assert code == 1
    assert err == ""  # no progress bar, no noise outside a terminal
    assert out.startswith("══ pairs/ejaaz-grok5 — Why Grok 5")
    assert "error  " in out and "1 pair: " in out.splitlines()[-1]


def test_three_versions_give_every_pair_in_order(capsys):  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(["run", str(RUNS / "three"), "--format", "json", "--jobs", "1"], capsys)
    data = json.loads(out)
    assert data["schema"] == "transcheck/run@1"
    labels = [p["pair"]["labels"] for p in data["pairs"]]
    assert labels == [["BitpushNews → ja", "TechFlow → ja"], ["BitpushNews → ja", "Odaily → ja"],
                      ["TechFlow → ja", "Odaily → ja"]]
    assert all(p["schema"] == "transcheck/report@1" for p in data["pairs"])
    # 90万 against 60万 GPUs: only the Odaily version disagrees on the number
    rules = [{f["rule"] for f in p["findings"]} for p in data["pairs"]]
    assert "number-mismatch" not in rules[0]
    assert "number-mismatch" in rules[1] and "number-mismatch" in rules[2]
    assert code == 1
    total = {s: sum(p["summary"][s] for p in data["pairs"]) for s in ("error", "warning", "info")}
    assert {k: data["summary"][k] for k in total} == total


def test_parallel_run_prints_the_same_as_serial(capsys):  # type: ignore[no-untyped-def]
    serial = run_cli(["run", str(RUNS), "--format", "json", "--jobs", "1"], capsys)
    parallel = run_cli(["run", str(RUNS), "--format", "json", "--jobs", "2"], capsys)
    assert serial == parallel
    assert len(json.loads(serial[1])["pairs"]) == 4


def test_exit_code_is_the_worst_pair_by_fail_on(capsys):  # type: ignore[no-untyped-def]
    assert run_cli(["run", str(RUNS / "suppress"), "--jobs", "1"], capsys)[0] == 0
    assert run_cli(["run", str(RUNS), "--jobs", "1"], capsys)[0] == 1
    assert run_cli(["run", str(RUNS), "--jobs", "1", "--fail-on", "never"], capsys)[0] == 0


def test_a_broken_pair_is_exit_2_but_the_others_are_still_reported(tmp_path, capsys):  # type: ignore[no-untyped-def]
    shutil.copytree(RUNS / "three", tmp_path / "a-good")
    bad = tmp_path / "b-bad"
    bad.mkdir()
    (bad / "pair.toml").write_text('[[version]]\nfile = "x.ja.txt"\n[[version]]\n'
                                   'file = "gone.ja.txt"\n', encoding="utf-8")
    (bad / "x.ja.txt").write_text("xAIは90万台のGPUを稼働させる。\n", encoding="utf-8")
    worse = tmp_path / "c-worse"
    worse.mkdir()
    (worse / "pair.toml").write_text("title = [\n", encoding="utf-8")
    code, out, err = run_cli(["run", str(tmp_path), "--jobs", "1"], capsys)
    assert code == 2
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"transcheck: error: {bad}: ") and "gone.ja.txt: no such file" \
        in errors[0]
    assert errors[1].startswith(f"transcheck: error: {worse}: ") and "not valid TOML" in errors[1]
    assert out.count("══ ") == 5  # three good pairs, then the two broken folders
    assert "number-mismatch" in out


def test_no_pairs_and_no_folder_are_input_errors(tmp_path, capsys):  # type: ignore[no-untyped-def]
    code, out, err = run_cli(["run", str(tmp_path)], capsys)
    assert (code, out) == (2, "") and "no pair.toml found" in err
    code, _, err = run_cli(["run", str(tmp_path / "nope")], capsys)
    assert code == 2 and err.count("\n") == 1 and "no such folder" in err


def test_discovery_is_recursive_sorted_and_skips_hidden_folders(tmp_path):  # type: ignore[no-untyped-def]
    for name in ("b/2", "a", ".git/x", "b/1"):
        shutil.copytree(RUNS / "suppress", tmp_path / name)
    found = [Path(f).relative_to(tmp_path).as_posix() for f in find_pair_folders([str(tmp_path)])]
    assert found == ["a", "b/1", "b/2"]
    assert find_pair_folders([str(tmp_path / "a"), str(tmp_path)])[0] == str(tmp_path / "a")
    assert len(find_pair_folders([str(tmp_path / "a"), str(tmp_path)])) == 3


def test_library_run_matches_the_cli(capsys):  # type: ignore[no-untyped-def]
    result = run([str(EJAAZ)], Options())
    assert result.exit_code("error") == 1
    tasks, broken = plan([str(RUNS / "three")])
    assert (len(tasks), broken) == (3, [])


# inline suppression


def test_inline_comment_suppresses_the_next_unit(capsys):  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(["run", str(RUNS / "suppress"), "--format", "json"], capsys)
    pair = json.loads(out)["pairs"][0]
    assert code == 0
    assert pair["suppressed"] == 1
    assert all(f["rule"] != "number-mismatch" for f in pair["findings"])


def _suppress_copy(tmp_path: Path, comment: str) -> Path:
    folder = tmp_path / "suppress"
    shutil.copytree(RUNS / "suppress", folder)
    revised = folder / "revised.ja.md"
    text = revised.read_text("utf-8")
    revised.write_text(text.replace("<!-- transcheck-disable-next-line number-mismatch -->",
                                    comment), encoding="utf-8")
    return folder


def test_without_the_comment_the_drift_is_back(tmp_path, capsys):  # type: ignore[no-untyped-def]
    folder = _suppress_copy(tmp_path, "")
    code, out, _ = run_cli(["run", str(folder), "--format", "json"], capsys)
    assert code == 1
    assert "number-mismatch" in {f["rule"] for f in json.loads(out)["pairs"][0]["findings"]}


@pytest.mark.parametrize(("comment", "code"), [
    ("<!-- transcheck-disable-next-line -->", 0),  # every rule
    ("<!-- transcheck-disable-next-line time-mismatch, number-mismatch -->", 0),
    ("<!-- transcheck-disable-next-line time-mismatch -->", 1),  # another rule only
])
def test_comment_rules(tmp_path, capsys, comment, code):  # type: ignore[no-untyped-def]
    folder = _suppress_copy(tmp_path, comment)
    assert run_cli(["check", str(folder / "original.ja.md"), str(folder / "revised.ja.md")],
               capsys)[0] == code


@pytest.mark.parametrize("comment", [
    # shown to readers as code, so not a directive: the drift on the next line stays
    "```html\n<!-- transcheck-disable-next-line number-mismatch -->\n```",
    "~~~\n```\n<!-- transcheck-disable-next-line number-mismatch -->\n~~~",
    "- 例:\n\n  ```\n  <!-- transcheck-disable-next-line number-mismatch -->\n  ```\n",
    "`<!-- transcheck-disable-next-line number-mismatch -->`\n",
])
def test_comment_shown_as_code_suppresses_nothing(tmp_path, capsys, comment):  # type: ignore[no-untyped-def]
    folder = _suppress_copy(tmp_path, comment)
    code, out, _ = run_cli(["check", str(folder / "original.ja.md"),
                            str(folder / "revised.ja.md"), "--format", "json"], capsys)
    assert code == 1
    assert "number-mismatch" in {f["rule"] for f in json.loads(out)["findings"]}


def test_comment_with_unknown_rule_is_an_input_error(tmp_path, capsys):  # type: ignore[no-untyped-def]
    folder = _suppress_copy(tmp_path, "<!-- transcheck-disable-next-line number-mismatc -->")
    code, _, err = run_cli(["check", str(folder / "original.ja.md"), str(folder / "revised.ja.md")],
                       capsys)
    assert code == 2
    assert "revised.ja.md:3: transcheck-disable-next-line: unknown rule 'number-mismatc'" in err


# integrations


def test_pre_commit_hook_and_example_workflow_run_transcheck() -> None:
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "transcheck" and hook["entry"] == "transcheck run"
    assert hook["pass_filenames"] is True and hook["language"] == "python"
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text("utf-8"))
    steps = workflow["jobs"]["transcheck"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "transcheck run --fail-on never -o github:- -o transcheck.md -o transcheck.html " \
        "-o transcheck.sarif" in runs
    upload = next(s for s in steps if str(s.get("uses", "")).startswith(
        "github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "transcheck.sarif"
    assert runs[-1] == "transcheck run"


def test_a_fifo_in_place_of_pair_toml_is_refused_not_waited_on(tmp_path, capsys):  # type: ignore[no-untyped-def]
    folder = tmp_path / "pairs" / "fifo"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pair.toml")
    code, _, err = run_cli(["run", str(tmp_path / "pairs"), "--jobs", "1"], capsys)
    assert code == 2
    assert "FIFO" in err and err.count("\n") == 1


def test_jobs_bound_the_alignment_of_a_lone_pair(capsys, align_calls):  # type: ignore[no-untyped-def]
    """`run --jobs 1` on one pair: its alignment is held to one process too (a long pair
    would otherwise be aligned in blocks over every CPU)."""
    code, _, _ = run_cli(["run", "--jobs", "1", str(EJAAZ)], capsys)
    assert (code, [c["jobs"] for c in align_calls]) == (1, [1])
