"""What a report shows and where it goes: --min-severity, --statistics, --color, the width
of the terminal, and several reports from one run (-o FILE, again)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck.report.text import columns, excerpt, fit, want_color

from .conftest import BITPUSH, TECHFLOW, run_cli

PAIR = [str(BITPUSH), str(TECHFLOW)]


def test_min_severity_leaves_infos_out_and_says_so(capsys):  # type: ignore[no-untyped-def]
    code, full, _ = run_cli(["check", *PAIR], capsys)
    code_w, shown, _ = run_cli(["check", *PAIR, "--min-severity", "warning"], capsys)
    assert code == code_w == 1  # the exit code follows --fail-on, not what is shown
    assert "info  " in full and "info  " not in shown
    assert "note: 48 infos not shown (below --min-severity)" in shown
    assert len(shown.splitlines()) < len(full.splitlines()) / 2
    _, errors, _ = run_cli(["check", *PAIR, "--min-severity", "error", "--format", "json"],
                           capsys)
    assert {f["severity"] for f in json.loads(errors)["findings"]} == {"error"}


def test_github_shows_errors_and_warnings_unless_asked(capsys):  # type: ignore[no-untyped-def]
    _, out, _ = run_cli(["check", *PAIR, "--format", "github"], capsys)
    kinds = [line.split(" ", 1)[0] for line in out.splitlines()]
    assert sorted(set(kinds)) == ["::error", "::warning"] and len(kinds) == 6
    _, out, _ = run_cli(["check", *PAIR, "--format", "github", "--min-severity", "info"],
                        capsys)
    assert sum(line.startswith("::notice") for line in out.splitlines()) == 48


def test_statistics_count_findings_by_rule(capsys):  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(["check", *PAIR, "--statistics"], capsys)
    assert code == 1
    assert out.splitlines() == [" 1  error    number-mismatch", " 1  error    time-mismatch",
                                " 1  error    unit-mismatch", " 3  warning  qualifier-mismatch",
                                "25  info     unaligned-unit", "23  info     missing-fact",
                                "54 findings in 1 pair"]
    _, out, _ = run_cli(["check", *PAIR, "--statistics", "--format", "json"], capsys)
    assert json.loads(out)[0] == {"rule": "number-mismatch", "severity": "error", "count": 1}


@pytest.mark.parametrize(("choice", "env", "tty", "expect"), [
    ("auto", {}, True, True),
    ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"TERM": "dumb"}, True, False),
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_choice(monkeypatch, choice, env, tty, expect):  # type: ignore[no-untyped-def]
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert want_color(tty, choice) is expect


def test_color_always_and_force_color_in_a_pipe() -> None:
    def out(*args: str, **env: str) -> str:
        full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        return subprocess.run([sys.executable, "-m", "transcheck", "check", *PAIR, *args],
                              capture_output=True, text=True, check=False,
                              env={**full, **env}).stdout

    assert "\x1b[31m" in out("--color", "always") and "\x1b[" not in out()
    assert "\x1b[31m" in out(FORCE_COLOR="1") and "\x1b[" not in out(FORCE_COLOR="1",
                                                                      NO_COLOR="1")


def test_display_width_counts_wide_characters_twice() -> None:
    assert columns("GPU") == 3 and columns("２億5000万人") == 12 and columns("が\u3099") == 2
    assert fit("イーロン・マスク氏は", 9) == "イーロン…" and columns(fit("abcdef", 4)) == 4


@pytest.mark.parametrize("width", [60, 80, 120])
def test_excerpts_fit_the_terminal(ejaaz_report, width):  # type: ignore[no-untyped-def]
    from transcheck.report.text import render

    out = render(ejaaz_report, False, width)
    excerpts = [line for line in out.splitlines() if " │ " in line]
    assert len(excerpts) == 12  # 6 errors and warnings, both sides
    assert all(columns(line) <= width for line in excerpts)
    notes = [line for line in out.splitlines() if line.startswith("info  ")]
    assert notes and all(columns(line) <= width for line in notes)
    # the marked fact is always whole, with context around it when there is room
    for f in ejaaz_report.findings:
        if f.severity != "info" and f.left is not None:
            shown = excerpt(ejaaz_report.left, f.left, False, room=width - 10)
            assert f"⟦{f.left.text}⟧" in shown


def test_the_terminal_width_comes_from_columns(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run_cli(["check", *PAIR], capsys)
    assert max(columns(line) for line in out.splitlines() if " │ " in line) <= 60


def test_several_reports_from_one_run(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    sarif, md, gl = tmp_path / "r.sarif", tmp_path / "r.md", tmp_path / "gl.json"
    code, out, _ = run_cli(["run", str(BITPUSH.parent), "-o", str(sarif), "-o", str(md),
                            "-o", f"json:{gl}"], capsys)
    assert code == 1 and out == ""
    assert json.loads(sarif.read_text("utf-8"))["version"] == "2.1.0"
    assert md.read_text("utf-8").startswith("## transcheck: 3 errors")
    assert json.loads(gl.read_text("utf-8"))["schema"] == "transcheck/run@1"
    # '-' is standard output, in the format named before it
    code, out, _ = run_cli(["run", str(BITPUSH.parent), "-o", "github:-", "-o", str(md)],
                           capsys)
    assert code == 1 and out.startswith("::") and len(out.splitlines()) == 6
    code, _, err = run_cli(["check", *PAIR, "-o", "-", "-o", "json:-"], capsys)
    assert code == 2 and "standard output ('-') twice" in err
    # a lone -o takes --format; an unknown extension needs one
    code, _, err = run_cli(["check", *PAIR, "-o", str(tmp_path / "r.out"), "-o",
                            str(tmp_path / "r.json")], capsys)
    assert code == 2 and "say the format, as FORMAT:" in err and err.count("\n") == 1
    code, _, _ = run_cli(["check", *PAIR, "--format", "markdown", "-o", str(tmp_path / "x")],
                         capsys)
    assert (tmp_path / "x").read_text("utf-8").startswith("## transcheck")
    code, _, err = run_cli(["check", *PAIR, "-o", str(md), "-o", f"markdown:{md}"], capsys)
    assert code == 2 and "the same file twice" in err


def test_statistics_on_stdout_and_full_reports_in_files(tmp_path, capsys):  # type: ignore[no-untyped-def]
    out_file = tmp_path / "all.json"
    _, out, _ = run_cli(["check", *PAIR, "--statistics", "--min-severity", "warning",
                         "-o", str(out_file)], capsys)
    assert out.splitlines()[-1] == "6 findings in 1 pair"
    assert json.loads(out_file.read_text("utf-8"))["summary"]["info"] == 0  # shown as asked


def test_a_long_check_at_a_terminal_shows_its_stages(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    from transcheck import cli

    _, _, quiet = run_cli(["check", *PAIR], capsys)
    assert quiet == ""  # not a terminal
    monkeypatch.setattr(cli, "_progress_wanted", lambda: True)
    _, _, short = run_cli(["check", *PAIR], capsys)
    assert short == ""  # 9,000 characters: over before anyone waits
    monkeypatch.setattr(cli, "LONG_CHECK", 1_000)
    code, out, err = run_cli(["check", *PAIR], capsys)
    assert code == 1 and "transcheck:" not in out
    stages = [part.split("] ")[1].split(" (")[0] for part in err.split("\r\x1b[K") if part]
    assert stages == ["reading the facts", "aligning", "comparing"]
    assert err.endswith("\r\x1b[K")  # the line is cleared before the report
