"""The command line: exit codes, formats, colour, and one clear line for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck.workers import usable_cpus

from .conftest import BITPUSH, FIXTURES, TECHFLOW, run_cli


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


GOOD = "2026年、xAIは90万台のGPUを稼働させる。\n".encode()


@pytest.mark.parametrize(
    ("name", "data", "expect"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n\xe3\x80\x80\n", "empty file"),
        ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
         "binary file (NUL byte at offset 8)"),
        # Shift_JIS alone is detected now; UTF-8 broken by other bytes is still an error
        ("mixed.txt", "今年末から出荷".encode() + b"\xff\xfe oops\n", "tried: utf-8"),
        ("fm-only.md", b"---\ndate: 2026-01-23\n---\n\n", "no text outside the front matter"),
        ("bad-date.md", b"---\ndate: someday\n---\n\ntext\n", "not a date"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, name, data, expect):  # type: ignore[no-untyped-def]
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", GOOD)
    code, out, err = run_cli(["check", good, bad], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("transcheck: error: ")
    assert expect in err and bad in err


def test_missing_file_and_directory(tmp_path, capsys):  # type: ignore[no-untyped-def]
    good = write(tmp_path, "good.txt", GOOD)
    code, _, err = run_cli(["check", good, str(tmp_path / "nope.txt")], capsys)
    assert (code, err.count("\n")) == (2, 1) and "no such file" in err
    code, _, err = run_cli(["facts", str(tmp_path)], capsys)
    assert (code, err.count("\n")) == (2, 1) and "is a directory" in err


def test_undecodable_text_names_the_offset_and_encoding(tmp_path, capsys):  # type: ignore[no-untyped-def]
    bad = write(tmp_path, "mixed.txt", "今年末".encode() + b"\xff\xfe oops\n")
    code, _, err = run_cli(["facts", bad], capsys)
    assert code == 2
    assert "offset 9" in err and "utf-8" in err


def test_utf8_bom_is_read_and_offsets_skip_it(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD)
    code, out, _ = run_cli(["facts", path, "--format", "json"], capsys)
    assert code == 0
    facts = json.loads(out)["facts"]
    text = GOOD.decode()
    assert facts and all(text[f["start"] : f["end"]] == f["text"] for f in facts)


@pytest.mark.parametrize(("args", "expect"), [
    (["check", str(BITPUSH)], "Missing argument 'RIGHT'"),
    (["check", str(BITPUSH), str(TECHFLOW), "--format", "yaml"], "'yaml' is not one of"),
    (["check", str(BITPUSH), str(TECHFLOW), "--date", "2026-02-30"], "--date"),
    (["chek"], "No such command 'chek'"),
    (["check", "--no-such-option"], "--no-such-option"),
])
def test_usage_errors_are_one_line_and_exit_2(capsys, args, expect):  # type: ignore[no-untyped-def]
    code, out, err = run_cli(args, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("transcheck: error: ")
    assert expect in err and "--help')" in err


def test_exit_codes_follow_fail_on(tmp_path, capsys):  # type: ignore[no-untyped-def]
    a = write(tmp_path, "a.txt", "xAIは今年末までに90万台のGPUを稼働させる。\n".encode())
    b = write(tmp_path, "b.txt", "xAIは今年末までに90万枚のGPUを稼働させる。\n".encode())
    c = write(tmp_path, "c.txt", "xAIは今年末までに60万枚のGPUを稼働させる。\n".encode())
    assert run_cli(["check", a, b, "--date", "2026-01-23"], capsys)[0] == 0
    assert run_cli(["check", a, c, "--date", "2026-01-23"], capsys)[0] == 1
    assert run_cli(["check", a, c, "--date", "2026-01-23", "--fail-on", "never"], capsys)[0] == 0
    assert run_cli(["check", BITPUSH.as_posix(), TECHFLOW.as_posix(), "--fail-on", "info"],
               capsys)[0] == 1


def test_output_file_and_inputs_never_written(tmp_path, capsys):  # type: ignore[no-untyped-def]
    a = write(tmp_path, "a.txt", GOOD)
    b = write(tmp_path, "b.txt", GOOD)
    before = os.stat(a).st_mtime_ns, Path(a).read_bytes()
    out_file = tmp_path / "report.json"
    code, out, _ = run_cli(["check", a, b, "--format", "json", "-o", str(out_file)], capsys)
    assert code == 0 and out == ""
    assert json.loads(out_file.read_text("utf-8"))["schema"] == "transcheck/report@1"
    code, _, err = run_cli(["check", a, b, "-o", a], capsys)
    assert code == 2 and "never writes its inputs" in err
    assert (os.stat(a).st_mtime_ns, Path(a).read_bytes()) == before


def test_no_colour_when_piped_and_with_no_color() -> None:
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", str(BITPUSH), str(TECHFLOW)],
        capture_output=True, text=True, env=env, check=False,
    )
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout
    assert "Traceback" not in proc.stderr


def test_facts_text_and_markdown_date(capsys):  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(["facts", str(FIXTURES / "markdown" / "article.md")], capsys)
    assert code == 0
    assert "date 2026-01-23" in out.splitlines()[-1]


@pytest.mark.parametrize("command", ["check", "align"])
def test_alignment_options_reach_the_alignment(command, capsys, align_calls):  # type: ignore[no-untyped-def]
    pair = [str(BITPUSH), str(TECHFLOW)]
    first = run_cli([command, "-j", "1", *pair], capsys)
    second = run_cli([command, *pair], capsys)
    narrow = run_cli([command, "--max-span", "2", *pair], capsys)
    assert first == second  # the same report (the pair is too short to be cut in blocks)
    assert narrow[1] != second[1]  # links of at most 2 units in the DP: another alignment
    cpus = usable_cpus()  # the command line's default; the library's is 1
    assert [(c["jobs"], c["max_span"]) for c in align_calls] == [(1, 5), (cpus, 5), (cpus, 2)]


def test_max_span_below_two_is_a_usage_error(capsys):  # type: ignore[no-untyped-def]
    code, _, err = run_cli(["align", "--max-span", "1", str(BITPUSH), str(TECHFLOW)], capsys)
    assert code == 2
    assert "--max-span" in err


def _cli(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transcheck", *args], input=stdin.decode(),
                          capture_output=True, text=True, check=False,
                          env=dict(os.environ, NO_COLOR="1"))


def test_one_version_from_standard_input_reads_its_pair_toml() -> None:
    piped = _cli(["check", "-", str(TECHFLOW), "--stdin-filename", str(BITPUSH),
                  "--format", "json"], BITPUSH.read_bytes())
    files = _cli(["check", str(BITPUSH), str(TECHFLOW), "--format", "json"])
    assert piped.returncode == files.returncode == 1
    assert json.loads(piped.stdout) == json.loads(files.stdout)  # date from pair.toml too


def test_standard_input_without_a_name_and_twice() -> None:
    proc = _cli(["check", str(TECHFLOW), "-"], BITPUSH.read_bytes())
    assert proc.returncode == 1 and "↔ <stdin>:" in proc.stdout.splitlines()[-1]
    proc = _cli(["check", "-", "-"])
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "only one version can come from standard input" in proc.stderr
    proc = _cli(["check", "-", str(TECHFLOW)])
    assert proc.returncode == 2
    assert proc.stderr == "transcheck: error: <stdin>: empty file (no text)\n"


def test_version_answers_without_loading_the_pipeline() -> None:
    code = ("import sys\nfrom transcheck.entry import main\ntry:\n    main(['--version'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('sacrebleu', 'fugashi', 'transcheck.check', 'click') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout == "transcheck, version 0.1.0\n[]\n"
    proc = subprocess.run([sys.executable, "-m", "transcheck", "--version"],
                          capture_output=True, text=True, check=True)
    assert proc.stdout == "transcheck, version 0.1.0\n"
