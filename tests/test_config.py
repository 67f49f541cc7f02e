"""Config: found upward, every key checked, applied to findings by one pure function."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from transcheck.config import Config, apply_config, find_config, load_config, parse_config
from transcheck.model import Finding, InputError, Location

from .conftest import FIXTURES, run_cli

THREE = FIXTURES / "runs" / "three"




def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_upward_first_wins_and_transcheck_toml_beats_pyproject(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(tmp_path / "transcheck.toml", 'fail-on = "info"\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # not ours: skipped
    monkeypatch.chdir(deep)
    assert find_config() == str(tmp_path / "transcheck.toml")
    write(tmp_path / "a" / "pyproject.toml", '[tool.transcheck]\nfail-on = "warning"\n')
    assert load_config().fail_on == "warning"
    write(tmp_path / "a" / "transcheck.toml", 'fail-on = "never"\n')
    assert load_config().fail_on == "never"
    assert load_config(str(tmp_path / "transcheck.toml")).fail_on == "info"  # --config


@pytest.mark.parametrize(("text", "message"), [
    ('[rules]\nnumber-mismatch = "fatal"\n',
     "transcheck.toml: rules.number-mismatch: unknown severity 'fatal'"),
    ('[rules]\nnumber-mismatches = "error"\n', "transcheck.toml: rules.number-mismatches: "
     "unknown rule"),
    ('fail_on = "error"\n', "transcheck.toml: fail_on: unknown key"),
    ('fail-on = "errors"\n', "transcheck.toml: fail-on: unknown value 'errors'"),
    ('lang = "jp"\n', "transcheck.toml: lang: unknown language 'jp'"),
    ('date = "2026-13-01"\n', "transcheck.toml: date: not a date"),
    ('[ignore]\nmessages = ["(unclosed"]\n', "transcheck.toml: ignore.messages[0]: bad regular"),
    ('[ignore]\npath = ["x"]\n', "transcheck.toml: ignore.path: unknown key"),
    ('[ignore]\npaths = "drafts/*"\nmessages = [1]\n', "transcheck.toml: ignore.messages: "
     "expected a list of strings"),
    ("fail-on = \n", "transcheck.toml: not valid TOML"),
])
def test_bad_config_is_exit_2_naming_the_key(tmp_path, monkeypatch, capsys, text, message):  # type: ignore[no-untyped-def]
    write(tmp_path / "transcheck.toml", text)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["check", str(THREE / "bitpush.ja.txt"), str(THREE / "odaily.ja.txt")],
                         capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"transcheck: error: {message}") and err.count("\n") == 1


def test_pyproject_errors_name_the_full_key(tmp_path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    write(tmp_path / "pyproject.toml", '[tool.transcheck.rules]\nunit-mismatch = "warn"\n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["run", str(THREE)], capsys)
    assert code == 2
    assert "pyproject.toml: tool.transcheck.rules.unit-mismatch: unknown severity 'warn'" in err


def test_missing_config_file_is_exit_2(tmp_path, capsys):  # type: ignore[no-untyped-def]
    code, _, err = run_cli(["run", str(THREE), "--config", str(tmp_path / "none.toml")], capsys)
    assert code == 2 and "none.toml: no such file" in err


def _json_check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, out, _ = run_cli(["check", str(THREE / "bitpush.ja.txt"), str(THREE / "odaily.ja.txt"),
                        "--format", "json", *args], capsys)
    return code, json.loads(out)


def test_rules_off_and_severity_change_findings_and_exit_code(tmp_path, capsys):  # type: ignore[no-untyped-def]
    code, plain = _json_check([], capsys)
    rules = {f["rule"] for f in plain["findings"]}
    assert code == 1 and {"number-mismatch", "missing-fact"} <= rules
    conf = write(tmp_path / "transcheck.toml",
                 '[rules]\nmissing-fact = "off"\nnumber-mismatch = "warning"\n')
    code, data = _json_check(["--config", str(conf)], capsys)
    assert {f["rule"] for f in data["findings"]} == rules - {"missing-fact"}
    assert all(f["severity"] == "warning" for f in data["findings"]
               if f["rule"] == "number-mismatch")
    assert code == 0
    write(conf, 'fail-on = "warning"\n[rules]\nnumber-mismatch = "warning"\n')
    assert _json_check(["--config", str(conf)], capsys)[0] == 1
    assert _json_check(["--config", str(conf), "--fail-on", "error"], capsys)[0] == 0


def test_ignore_messages_and_paths(tmp_path, capsys):  # type: ignore[no-untyped-def]
    conf = write(tmp_path / "transcheck.toml",
                 '[ignore]\nmessages = ["^gpu: ", "Colossus"]\n')
    code, data = _json_check(["--config", str(conf)], capsys)
    assert code == 0
    assert not any("Colossus" in f["message"] or f["message"].startswith("gpu: ")
                   for f in data["findings"])
    pairs = tmp_path / "pairs"
    shutil.copytree(THREE, pairs / "three")
    shutil.copytree(FIXTURES / "runs" / "suppress", pairs / "drafts" / "suppress")
    write(conf, '[ignore]\npaths = ["pairs/drafts", "pairs/three/odaily.ja.txt"]\n')
    code, out, _ = run_cli(["run", str(pairs), "--config", str(conf), "--format", "json"], capsys)
    data = json.loads(out)
    assert [p["pair"]["labels"] for p in data["pairs"]] == [["BitpushNews → ja",
                                                             "TechFlow → ja"]]


def test_config_defaults_for_date_and_lang(tmp_path, capsys):  # type: ignore[no-untyped-def]
    a = write(tmp_path / "a.txt", "Optimusの出荷は今年末までに始まる。\n")
    b = write(tmp_path / "b.txt", "Optimusの出荷は2026年末までに始まる。\n")
    conf = write(tmp_path / "transcheck.toml", 'date = 2026-01-23\nlang = "ja"\n')
    code, out, _ = run_cli(["check", str(a), str(b), "--format", "json", "--config", str(conf)],
                       capsys)
    data = json.loads(out)
    assert data["left"]["date"] == "2026-01-23" and data["left"]["lang"] == "ja"
    assert code == 0  # 今年末 is 2026年末 once the date is known
    code, out, _ = run_cli(["check", str(a), str(b), "--format", "json", "--config", str(conf),
                        "--date", "2025-06-01"], capsys)
    assert json.loads(out)["left"]["date"] == "2025-06-01"  # --date wins
    assert code == 1
    # a version dated in its front matter dates the other one too, before the config does
    write(b, "---\ndate: 2025-06-01\n---\nOptimusの出荷は2025年末までに始まる。\n")
    code, out, _ = run_cli(["check", str(a), str(b), "--format", "json", "--config", str(conf)],
                           capsys)
    data = json.loads(out)
    assert (data["left"]["date"], data["right"]["date"]) == ("2025-06-01", "2025-06-01")
    assert code == 0


def _finding(rule: str, severity: str, message: str = "m") -> Finding:
    loc = Location(1, 1, 0, 4, "90万台")
    return Finding("x", rule, severity, message, loc, loc)  # type: ignore[arg-type]


def test_apply_config_is_pure_and_never_raises_a_weak_finding() -> None:
    findings = [_finding("number-mismatch", "error"), _finding("number-mismatch", "warning"),
                _finding("missing-fact", "info"), _finding("time-mismatch", "info")]
    config = parse_config({"rules": {"number-mismatch": "info", "time-mismatch": "error",
                                     "missing-fact": False}}, None)
    out = apply_config(findings, config)
    assert [f.severity for f in out] == ["info", "info", "info"]
    assert [f.severity for f in findings] == ["error", "warning", "info", "info"]  # unchanged
    assert apply_config(findings, Config()) == findings


def test_ignore_regex_matches_located_text_too() -> None:
    config = parse_config({"ignore": {"messages": ["万台$"]}}, None)
    assert apply_config([_finding("number-mismatch", "error", "a vs b")], config) == []


def test_parse_config_rejects_bad_dirs() -> None:
    with pytest.raises(InputError, match="dirs: expected a list of strings"):
        parse_config({"dirs": [1]}, None)
