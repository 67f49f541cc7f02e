"""Every encoding of the field is read, detected and reported, and gives the same findings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from transcheck.check import check_documents
from transcheck.encoding import decode_bytes, plausibility
from transcheck.load import load_document
from transcheck.model import InputError, Report

from .conftest import BITPUSH, FIXTURES, TECHFLOW, run_cli

ENCODINGS = FIXTURES / "encodings"
ZH_TW = (ENCODINGS / "zh-tw-a.txt", ENCODINGS / "zh-tw-b.txt")
ZH_CN = (ENCODINGS / "zh-cn-a.txt", ENCODINGS / "zh-cn-b.txt")
EJAAZ = (BITPUSH, TECHFLOW)

# What a Japanese or Chinese editor would type when the codec lacks a character: the JIS
# codecs map 0x815C to U+2015 HORIZONTAL BAR, so an em dash is saved as ―.
SUBSTITUTES = {"—": "―"}

# (encoding written, fixture pair, the encoding detection must report, language)
ROUND_TRIPS = [
    ("utf-8", EJAAZ, "utf-8", "ja"),
    ("utf-8-sig", EJAAZ, "utf-8-sig", "ja"),
    ("utf-16-le", EJAAZ, "utf-16-le", "ja"),
    ("utf-16-be", EJAAZ, "utf-16-be", "ja"),
    ("shift_jis", EJAAZ, "shift_jis", "ja"),
    ("cp932", EJAAZ, "shift_jis", "ja"),  # no NEC/IBM extension characters: same bytes
    ("euc_jp", EJAAZ, "euc_jp", "ja"),
    ("gb18030", EJAAZ, "gb18030", "ja"),
    ("gbk", ZH_CN, "gb18030", "zh"),  # GB18030 is the superset GBK files are read with
    ("gb2312", ZH_CN, "gb18030", "zh"),
    ("gb18030", ZH_CN, "gb18030", "zh"),
    ("big5", ZH_TW, "big5", "zh"),
    ("cp950", ZH_TW, "big5", "zh"),
]

BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


def encode(text: str, encoding: str) -> bytes:
    """The bytes an editor would save ``text`` as, BOM included for UTF-16."""
    for old, new in SUBSTITUTES.items():
        if not _encodable(old, encoding):
            text = text.replace(old, new)
    missing = sorted({ch for ch in text if not _encodable(ch, encoding)})
    assert not missing, f"{encoding} cannot hold {missing}: extend SUBSTITUTES or the fixture"
    return BOMS.get(encoding, b"") + text.encode(encoding)


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True




def _check(paths: tuple[Path, Path], lang: str, encoding: str | None = None) -> Report:
    when = date(2026, 1, 23)
    left, right = (load_document(str(p), lang=lang, when=when, date_source="option",
                                 encoding=encoding) for p in paths)
    return check_documents(left, right)


def _comparable(report: Report) -> list[tuple[object, ...]]:
    """Findings without paths: rule, severity, message and both locations in full."""
    return [(f.id, f.rule, f.severity, f.message, f.left, f.right, f.link)
            for f in report.findings]


@pytest.mark.parametrize(("written", "pair", "detected", "lang"), ROUND_TRIPS,
                         ids=[f"{w}-{p[0].stem}" for w, p, _, _ in ROUND_TRIPS])
def test_every_encoding_round_trips_to_the_same_findings(
    tmp_path: Path, written: str, pair: tuple[Path, Path], detected: str, lang: str
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in pair]
    utf8_paths, enc_paths = [], []
    for p, text in zip(pair, texts, strict=True):
        data = encode(text, written)
        same = data[len(BOMS.get(written, b"")):].decode(written)  # the text as saved
        utf8 = tmp_path / f"utf8-{p.name}"
        utf8.write_text(same, encoding="utf-8", newline="")
        enc = tmp_path / f"{written}-{p.name}"
        enc.write_bytes(data)
        utf8_paths.append(utf8)
        enc_paths.append(enc)
    baseline = _check((utf8_paths[0], utf8_paths[1]), lang)
    report = _check((enc_paths[0], enc_paths[1]), lang)
    assert baseline.findings, "the fixture pair must disagree somewhere to test anything"
    assert (report.left.encoding, report.right.encoding) == (detected, detected)
    assert report.left.text == baseline.left.text
    assert report.right.text == baseline.right.text
    assert _comparable(report) == _comparable(baseline)
    assert report.left_facts == baseline.left_facts
    assert report.right_facts == baseline.right_facts


def test_the_encoding_is_in_the_json_report(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    left = tmp_path / "a.txt"
    right = tmp_path / "b.txt"
    left.write_bytes(encode(ZH_TW[0].read_text(encoding="utf-8"), "big5"))
    right.write_bytes(encode(ZH_TW[1].read_text(encoding="utf-8"), "utf-16-le"))
    code, stdout, _ = run_cli(["check", str(left), str(right), "--format", "json"], capsys)
    out = json.loads(stdout)
    assert code == 1  # the pair disagrees on a number
    assert (out["left"]["encoding"], out["right"]["encoding"]) == ("big5", "utf-16-le")


def test_pair_toml_encoding_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pair.toml's ``encoding`` wins over detection, even where detection would differ."""
    data = "今年末までに90万台のGPUを稼働させる。\n".encode("euc_jp")
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "pair.toml").write_text(
        'date = "2026-01-23"\n[[version]]\nfile = "a.txt"\nencoding = "gb18030"\n',
        encoding="utf-8")
    code, stdout, _ = run_cli(["facts", str(tmp_path / "a.txt"), "--format", "json"], capsys)
    out = json.loads(stdout)
    assert (code, out["encoding"]) == (0, "gb18030")
    code, stdout, _ = run_cli(["facts", str(tmp_path / "a.txt"), "--format", "json",
                           "--encoding", "EUC-JP"], capsys)
    out = json.loads(stdout)
    assert out["encoding"] == "euc_jp"
    assert any(f["text"] == "90万台" for f in out["facts"])


@pytest.mark.parametrize(("name", "expect"), [("klingon", "unknown encoding 'klingon'"),
                                              ("rot13", "'rot13' is not a text encoding")])
def test_unknown_encoding_names_are_refused(name: str, expect: str) -> None:
    with pytest.raises(InputError, match=expect):
        decode_bytes(b"text\n", "a.txt", name)


def test_explicit_encoding_that_does_not_fit_names_the_offset() -> None:
    data = "今年末".encode("shift_jis") + b"\xff\n"
    with pytest.raises(InputError, match=r"cannot decode as shift_jis: byte 0xff at offset 6$"):
        decode_bytes(data, "a.txt", "shift_jis")


def test_utf8_bom_and_explicit_utf8() -> None:
    data = "\ufeff今年".encode()
    assert decode_bytes(data).encoding == "utf-8-sig"
    assert decode_bytes(data, encoding="utf8").text == "今年"


@pytest.mark.parametrize(("encoding", "bom"), [("utf-32-le", b"\xff\xfe\x00\x00"),
                                               ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf32_with_bom(encoding: str, bom: bytes) -> None:
    """The UTF-32 LE BOM starts like the UTF-16 LE one: the longer mark must win."""
    got = decode_bytes(bom + "今年末までに90万台\n".encode(encoding))
    assert got.encoding == encoding
    assert got.text == "\ufeff今年末までに90万台\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding: str) -> None:
    """Both byte orders, with ASCII (NULs on one side) and without (no NUL at all)."""
    for text in ("今年末までに90万台\n", TECHFLOW.read_text(encoding="utf-8"),
                 "今年末までに九十万台を稼働させる。\n"):
        got = decode_bytes(text.encode(encoding))
        assert (got.encoding, got.text) == (encoding, text)


def test_binary_with_nul_bytes_is_not_taken_for_utf16() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


def test_iso2022_jp_is_detected() -> None:
    """7-bit ISO-2022-JP passes for UTF-8; read as such it gave 807 facts instead of 86."""
    text = TECHFLOW.read_text(encoding="utf-8").replace("—", "―")
    got = decode_bytes(text.encode("iso2022_jp"))
    assert (got.encoding, got.text) == ("iso2022_jp", text)


def test_big5_hkscs_and_a_cp932_list_without_kana() -> None:
    hk = (FIXTURES / "encodings" / "hk-hkscs.txt").read_text(encoding="utf-8")
    got = decode_bytes(hk.encode("big5hkscs"))
    assert (got.encoding, got.text) == ("big5hkscs", hk)
    names = (FIXTURES / "encodings" / "ja-names.txt").read_text(encoding="utf-8")
    got = decode_bytes(names.encode("cp932"))
    assert got.encoding in ("shift_jis", "cp932") and got.text == names


def _lines(paths: tuple[Path, ...]) -> list[str]:
    return [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]


# Each realistic combination of a language and its legacy encodings.
FAMILIES = [
    (EJAAZ, ("shift_jis", "euc_jp"), {"shift_jis", "cp932"}, {"euc_jp"}),
    (ZH_CN, ("gb2312", "gbk"), {"gb18030"}, {"gb18030"}),
    (ZH_TW, ("big5", "cp950"), {"big5", "cp950"}, {"big5", "cp950"}),
]


@pytest.mark.parametrize(("paths", "encodings", "first", "second"), FAMILIES,
                         ids=["ja", "zh-cn", "zh-tw"])
def test_detection_is_right_for_every_line_of_twenty_characters(
    paths: tuple[Path, ...], encodings: tuple[str, str], first: set[str], second: set[str]
) -> None:
    """Detection on single lines, far less text than a file: every one must be right."""
    wrong = []
    for enc, allowed in zip(encodings, (first, second), strict=True):
        for line in _lines(paths):
            line = line.replace("—", "―")
            data = line.encode(enc)
            if len(line) < 20 or data.isascii():
                continue
            got = decode_bytes(data, "line")
            if got.encoding not in allowed or got.text != line:
                wrong.append((enc, got.encoding, line))
    assert wrong == []


def test_wrong_codecs_score_low() -> None:
    text = TECHFLOW.read_text(encoding="utf-8").replace("—", "―")
    assert plausibility(text) > 0.95
    assert plausibility(text.encode("euc_jp").decode("cp932", "replace")) < 0.6
    assert plausibility(text.encode("shift_jis").decode("gb18030", "replace")) < 0.6
    zh = ZH_TW[0].read_text(encoding="utf-8")
    assert plausibility(zh.encode("big5").decode("gb18030", "replace")) < 0.6


def test_mixed_encodings_are_refused_with_offsets() -> None:
    lines = TECHFLOW.read_text(encoding="utf-8").replace("—", "―").splitlines(True)
    head = "".join(lines[:10]).encode()
    data = head + lines[10].encode("shift_jis") + "".join(lines[11:]).encode()
    with pytest.raises(InputError) as exc:
        decode_bytes(data, "mixed.txt")
    message = str(exc.value)
    assert f"utf-8 (byte 0x{data[len(head):len(head) + 1].hex()} at offset {len(head)})" \
        in message
    for name in ("shift_jis", "euc_jp", "gb18030", "big5"):
        assert name in message
    assert "\n" not in message


def test_two_japanese_legacy_encodings_mixed_are_refused() -> None:
    lines = TECHFLOW.read_text(encoding="utf-8").replace("—", "―").splitlines(True)
    data = "".join(lines[:10]).encode("shift_jis") + "".join(lines[10:]).encode("euc_jp")
    with pytest.raises(InputError, match="mixed or unknown encoding"):
        decode_bytes(data, "mixed.txt")


def test_utf16_offsets_are_characters_of_the_decoded_text(tmp_path: Path) -> None:
    text = "😀 絵文字のあと、今年末までに90万台のGPU。\n"
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    doc = load_document(str(path), lang="ja")
    assert doc.encoding == "utf-16-be"
    assert doc.text == text
    unit = doc.units[0]
    assert doc.text[unit.start:unit.end] == unit.text == text.strip()
