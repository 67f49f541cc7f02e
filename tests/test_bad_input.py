"""Hostile and odd inputs: each is read correctly or refused with one clear line and exit 2.

The cases here are the table in docs/bad-input.md, row by row.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck import load
from transcheck.facts import extract_facts
from transcheck.load import load_document, parse_document
from transcheck.model import Document, InputError

from .conftest import BITPUSH, ROOT, TECHFLOW, run_cli

GOOD = "2026年、xAIは90万台のGPUを稼働させる。\n"
DOC = ROOT / "docs" / "bad-input.md"




def long_line(n: int) -> bytes:
    return ("あ" * n).encode() + b"\n"


# (row of the table, bytes of the file, exit code, what stderr must say)
REFUSED: list[tuple[str, bytes, str]] = [
    ("empty file", b"", "empty file (no text)"),
    ("whitespace only", b" \r\n\t\n\xe3\x80\x80\n", "empty file (no text)"),
    ("front matter only", b"---\ndate: 2026-01-23\n---\n\n", "no text outside the front matter"),
    ("binary (NUL bytes)", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "binary file (NUL byte at offset 8), not text"),
    ("NUL character in UTF-16 text", b"\xff\xfe" + "今年\x00".encode("utf-16-le"),
     "binary file (NUL character at offset 3 of the text)"),
    ("undecodable bytes", "今年末".encode() + b"\xff\xfe oops\n",
     "tried: utf-8 (byte 0xff at offset 9)"),
    ("encoded surrogate in UTF-8", b"abc \xed\xa0\x80 def\n",
     "utf-8 (byte 0xed at offset 4)"),
    ("truncated UTF-16", b"\xff\xfe" + "今年".encode("utf-16-le") + b"\x41",
     "starts with a utf-16-le byte order mark, but byte 0x41 at offset 6"),
    ("Latin-1 without --encoding", "Ça coûte 12 €\n".encode("cp1252"),
     "pass --encoding NAME"),
    ("line over the length limit", long_line(load.MAX_LINE_CHARS + 1),
     f"line 1 is {load.MAX_LINE_CHARS + 1:,} characters long"),
    ("bad front matter date", b"---\ndate: someday\n---\n\ntext\n", "not a date"),
]


@pytest.mark.parametrize(("row", "data", "expect"), REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_file_contents_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       row: str, data: bytes, expect: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli(["check", str(good), str(bad)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"transcheck: error: {bad}: ") and err.count("\n") == 1
    assert expect in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["facts", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and err.endswith("nope.txt: no such file\n")


def test_file_name_with_a_newline_stays_one_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and err.count("\n") == 1
    assert err.endswith("two\\nlines.txt: empty file (no text)\n")


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["facts", str(tmp_path)], capsys)
    assert code == 2 and err.endswith(f"{tmp_path}: is a directory, not a file\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO with no writer would block open() forever: it is refused before opening."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "transcheck", "facts", str(fifo)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr == f"transcheck: error: {fifo}: is a FIFO (named pipe), not a file: " \
        "save the text to a file first\n"


def test_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    code, _, err = run_cli(["facts", "/dev/zero"], capsys)
    assert code == 2 and "is a character device, not a file" in err


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and err.endswith(f"{path}: is a socket, not a file\n")


def test_symlink_to_a_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "real.txt"
    target.write_text(GOOD, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    code, out, _ = run_cli(["facts", str(link)], capsys)
    assert code == 0 and "90万台" in out
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    code, _, err = run_cli(["facts", str(dangling)], capsys)
    assert code == 2 and "no such file" in err


def test_permission_denied_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads everything, so the refusal is also simulated at os.open."""
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def denied(name: str, flags: int, *args: int) -> int:
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied", name)
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and err.endswith(f"{path}: cannot read: Permission denied\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without permissions")
def test_permission_denied_for_real(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and "Permission denied" in err


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A 50 MB file (sparse: nothing is written) is refused from its size alone."""
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    code, _, err = run_cli(["facts", str(big)], capsys)
    assert code == 2
    assert f"file too large (52,428,800 bytes; the limit is {load.MAX_BYTES:,}" in err
    assert "TRANSCHECK_MAX_BYTES" in err


def test_size_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD * 10, encoding="utf-8")
    monkeypatch.setenv("TRANSCHECK_MAX_BYTES", "100")
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and "the limit is 100," in err
    monkeypatch.setenv("TRANSCHECK_MAX_BYTES", "0")  # no limit
    assert run_cli(["facts", str(path)], capsys)[0] == 0
    monkeypatch.setenv("TRANSCHECK_MAX_BYTES", "lots")
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and "TRANSCHECK_MAX_BYTES: not a whole number" in err


def test_line_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("短い行\r\n" + "今年末までに90万台のGPU。" * 10 + "\r\n", encoding="utf-8")
    monkeypatch.setenv("TRANSCHECK_MAX_LINE_CHARS", "100")
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and "line 2 is 150 characters long (the limit is 100" in err
    monkeypatch.setenv("TRANSCHECK_MAX_LINE_CHARS", "0")
    assert run_cli(["facts", str(path)], capsys)[0] == 0


def test_a_megabyte_line_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"data:image/png;base64," + b"QUFB" * 250_000)
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2 and "line 1 is 1,000,022 characters long" in err


def test_a_long_markdown_paragraph_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Lines joined into one paragraph count as one unit against the same limit."""
    line = "2026年、xAIは90万台のGPUを稼働させる。" * 40
    path = tmp_path / "wall.md"
    path.write_text("# 見出し\n\n" + "\n".join([line] * 30) + "\n", encoding="utf-8")
    code, _, err = run_cli(["facts", str(path)], capsys)
    assert code == 2
    assert f"the paragraph at line 3 is {30 * (len(line) + 1) - 1:,} characters long" in err


def test_a_long_line_under_the_limit_is_read(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "2026年、xAIは90万台のGPUを稼働させる。"
    path = tmp_path / "long.txt"
    path.write_text(sentence * (load.MAX_LINE_CHARS // len(sentence)), encoding="utf-8")
    doc = load_document(str(path))
    assert len(doc.units) == 1 and len(doc.units[0].text) > load.MAX_LINE_CHARS - len(sentence)


def _facts_by_text(doc: Document) -> list[tuple[str, str, int, int]]:
    found = extract_facts(doc)
    for f in found:
        assert doc.text[f.start:f.end] == f.text
    return [(f.kind, f.text, *doc.position(f.start)) for f in found]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_newlines_give_the_same_units_lines_and_facts(newline: str) -> None:
    source = BITPUSH.read_text(encoding="utf-8")
    lf = parse_document(source, "a.txt", lang="ja")
    other = parse_document(source.replace("\n", newline), "a.txt", lang="ja")
    assert [(u.line, u.text, u.kind) for u in other.units] == \
        [(u.line, u.text, u.kind) for u in lf.units]
    assert all(other.text[u.start:u.end] == u.text for u in other.units)
    assert _facts_by_text(other) == _facts_by_text(lf)


def test_mixed_newlines_in_one_file() -> None:
    doc = parse_document("一行目\r\n二行目\r三行目\n\n四行目", "a.txt", lang="ja")
    assert [(u.line, u.text) for u in doc.units] == [
        (1, "一行目"), (2, "二行目"), (3, "三行目"), (5, "四行目")]
    assert doc.position(doc.units[3].start) == (5, 1)


INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "right-to-left override": "\u202e",
    "left-to-right isolate": "\u2066",
    "pop directional isolate": "\u2069",
    "combining acute": "\u0301",
    "variation selector": "\ufe0f",
    "emoji": "\U0001f680",
    "flag (two regional indicators)": "\U0001f1ef\U0001f1f5",
    "family emoji (ZWJ sequence)": "\U0001f468\u200d\U0001f469\u200d\U0001f467",
}


@pytest.mark.parametrize("chars", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_and_astral_characters_keep_offsets_right(chars: str) -> None:
    """Such characters are kept (offsets count them) and facts around them still slice right."""
    text = f"{chars}見出し{chars}\n{chars}2026年、xAIは{chars}90万台のGPUを稼働させる。{chars}\n"
    doc = parse_document(text, "a.txt", lang="ja")
    assert doc.text == text
    for u in doc.units:
        assert doc.text[u.start:u.end] == u.text
    found = _facts_by_text(doc)
    assert ("quantity", "90万台") in [(k, t) for k, t, _, _ in found]
    line, column = next((ln, c) for k, t, ln, c in found if t == "90万台")
    assert (line, column) == (2, text.split("\n")[1].index("90万台") + 1)


def test_front_matter_with_a_huge_run_of_spaces_is_linear() -> None:
    """A value of 19,000 spaces between two words once made the field regex quadratic."""
    text = "---\ntitle: a" + " " * 19_000 + "b\ndate: 2026-01-23\n---\n\n本文。\n"
    doc = parse_document(text, "a.md", lang="ja")
    assert doc.date is not None and doc.units[0].text == "本文。"


def _snapshot(paths: list[Path]) -> list[tuple[int, int, bytes]]:
    return [(p.stat().st_mtime_ns, p.stat().st_mode, p.read_bytes()) for p in paths]


def test_inputs_are_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left = tmp_path / "left.ja.txt"
    right = tmp_path / "right.ja.txt"
    left.write_bytes(BITPUSH.read_bytes())
    right.write_bytes(TECHFLOW.read_text(encoding="utf-8").replace("—", "―").encode("cp932"))
    past = 1_600_000_000_000_000_000
    for p in (left, right):
        os.utime(p, ns=(past, past))
        p.chmod(stat.S_IRUSR | stat.S_IWUSR)
    before = _snapshot([left, right])
    out = tmp_path / "report.json"
    runs: list[list[str]] = [
        ["check", str(left), str(right)],
        ["check", str(left), str(right), "--format", "json", "-o", str(out)],
        ["facts", str(right)],
        ["facts", str(left), "--format", "json", "-o", str(out)],
        ["check", str(left), str(right), "-o", str(right)],  # refused: an input
    ]
    codes = [run_cli(args, capsys)[0] for args in runs]
    assert codes[-1] == 2 and set(codes[:-1]) <= {0, 1}
    assert _snapshot([left, right]) == before
    assert out.exists()


def test_align_never_writes_its_inputs(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("transcheck.report.alignment_text")
    left = tmp_path / "left.ja.txt"
    right = tmp_path / "right.ja.txt"
    left.write_bytes(BITPUSH.read_bytes())
    right.write_bytes(b"\xfe\xff" + TECHFLOW.read_text(encoding="utf-8").encode("utf-16-be"))
    before = _snapshot([left, right])
    for fmt in ("text", "json"):
        assert run_cli(["align", str(left), str(right), "--format", fmt], capsys)[0] == 0
    assert _snapshot([left, right]) == before



def test_every_row_of_the_table_is_documented() -> None:
    doc = DOC.read_text(encoding="utf-8").replace("`", "")
    rows = [r[0] for r in REFUSED] + [
        "missing file", "directory", "FIFO (named pipe)", "device", "symlink to a file",
        "permission denied", "file over the size limit", "1 MB line", "CRLF", "CR",
        "zero-width", "bidi", "combining", "emoji", "UTF-16 without a BOM", "mixed encodings",
        "output file is an input", "file name with a newline",
    ]
    missing = [r for r in rows if r.lower() not in doc.lower()]
    assert missing == []


def test_parse_document_refuses_nul_even_from_the_library() -> None:
    with pytest.raises(InputError, match="NUL character at offset 2"):
        parse_document("今年\x00末", "a.txt")


@pytest.mark.parametrize(("declared", "found"), [("en", "ja"), ("zh", "ja")])
def test_a_declared_language_the_text_contradicts_is_refused(
        capsys: pytest.CaptureFixture[str], declared: str, found: str) -> None:
    code, out, err = run_cli(["check", str(BITPUSH), str(TECHFLOW), "--lang", declared,
                              "--fail-on", "warning"], capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"declared language {declared} " in err and f"the text is Japanese ({found})" in err


def test_a_pair_toml_language_the_text_contradicts_fails_the_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for src in (BITPUSH, TECHFLOW):
        (tmp_path / src.name).write_bytes(src.read_bytes())
    toml = (BITPUSH.parent / "pair.toml").read_text(encoding="utf-8")
    (tmp_path / "pair.toml").write_text(toml.replace('lang = "ja"', 'lang = "en"'),
                                        encoding="utf-8")
    code, _, err = run_cli(["run", str(tmp_path), "--fail-on", "warning"], capsys)
    assert code == 2
    assert "declared language en" in err and "Japanese (ja)" in err


def test_a_declaration_the_text_allows_is_kept() -> None:
    # Han alone may be Japanese or Chinese: the declaration decides
    assert parse_document("二〇二六年、売上高三千億円\n", "a.txt", lang="ja").lang == "ja"
    assert parse_document("2026年营收3000亿元\n", "a.txt", lang="zh").lang == "zh"
    with pytest.raises(InputError, match="the text is English"):
        parse_document("Revenue reached 300 billion yen in 2026, the company said.\n",
                       "a.txt", lang="zh")
