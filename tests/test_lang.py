"""Each language as data: the folders under transcheck/lang, their loader and registry."""

from __future__ import annotations

import dataclasses
import fnmatch
import tomllib
from pathlib import Path

import pytest

from transcheck import lang
from transcheck.lang import Language, LanguageDataError, UnknownLanguage, language
from transcheck.lang.loader import HEADER, read_language

LANG_DIR = Path(lang.__file__).parent
ROOT = LANG_DIR.parents[1]


def test_registry_holds_a_folder_per_language() -> None:
    assert sorted(lang.REGISTRY) == ["en", "ja", "zh"]
    for code in lang.LANGS:
        got = language(code)
        assert isinstance(got, Language) and got.code == code
        assert language(code) is got  # read once


def test_an_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(UnknownLanguage, match=r"unknown language 'fr' \(known: en, ja, zh\)"):
        language("fr")


def test_a_language_is_frozen() -> None:
    ja = language("ja")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ja.code = "zh"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ja.scales["億"] = 1  # type: ignore[index]


def test_tables_are_typed_as_read() -> None:
    ja, zh, en = language("ja"), language("zh"), language("en")
    assert ja.scales["億"] == 10**8 and zh.scales["万亿"] == 10**12
    assert ja.units["テラワットアワー"] == ("MWh", 1e6) and ja.units["人"] == ("人", 1)
    assert zh.currency_signs["¥"] == "CNY" and ja.currency_signs["¥"] == "JPY"
    assert zh.between_joiners["与"] == ("之间", "间")
    assert ja.times.bare_year_words["年内"] == (None, "within")
    assert ja.times.vague_counts["数十"] == (20, 90)
    assert str(ja.times.eras["令和"]) == "2019-05-01"
    assert en.prefix_qualifiers["more than"] == "more-than"
    assert en.suffix_qualifiers[" or more"] == "at-least"  # a cell keeps its spaces
    assert zh.times.prefix_directions["在"] == ""
    assert (ja.elided_place, zh.elided_place) == (0, 100)


def _copy(tmp_path: Path, code: str) -> Path:
    folder = tmp_path / code
    folder.mkdir()
    for f in (LANG_DIR / code).iterdir():
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_a_copied_folder_reads_the_same(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "zh")
    assert read_language("zh", folder) == language("zh")


@pytest.mark.parametrize(("line", "message"), [
    ("scalee\t万\t10000", "unknown table"),
    ("scale\t万", "expected 1 value"),
    ("scale\t万\tten thousand", "invalid literal"),
    ("negative_word\t负\textra", "a word list has one word"),
])
def test_a_bad_row_is_an_error_naming_the_file(tmp_path: Path, line: str, message: str) -> None:
    folder = _copy(tmp_path, "zh")
    path = folder / "scales.tsv" if not line.startswith("negative") else folder / "numerals.tsv"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match=message) as info:
        read_language("zh", folder)
    assert f"zh/{path.name}" in str(info.value)


def test_a_file_without_its_header_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "ja")
    (folder / "rates.tsv").write_text("# rates\nper_word\t毎日\tday\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match="header"):
        read_language("ja", folder)


def _data_files() -> list[Path]:
    return sorted(p for p in LANG_DIR.rglob("*") if p.suffix in (".tsv", ".toml"))


def test_every_table_says_what_it_is() -> None:
    """A header, then each table's first row after a comment naming it."""
    for path in _data_files():
        if path.suffix != ".tsv" or path.parent == LANG_DIR:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ") and lines[1] == HEADER, path
        seen: set[str] = set()
        comments: list[str] = []
        for line in lines[2:]:
            if line.startswith("#"):
                comments.append(line)
                continue
            table = line.split("\t")[0]
            if line and table not in seen:
                assert any(c.startswith(f"# {table}: ") for c in comments), (path, table)
                seen.add(table)
            comments = []


def test_every_data_file_goes_into_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["transcheck"]
    for path in _data_files():
        rel = path.relative_to(ROOT / "transcheck").as_posix()
        assert any(fnmatch.fnmatch(rel, g) and rel.count("/") == g.count("/") for g in globs), rel


def test_what_a_writing_does_is_a_property_of_the_language() -> None:
    ja, zh, en = language("ja"), language("zh"), language("en")
    assert (ja.noun_reader, zh.noun_reader, en.noun_reader) == ("unidic", "han", "words")
    assert en.spaced_words and en.case_insensitive_words and en.latin_words_are_running_text
    assert not (ja.spaced_words or zh.spaced_words or ja.latin_words_are_running_text)
    assert (ja.ordinal_style, en.ordinal_style) == ("counter", "letters")
    assert ja.words_from_unidic and not zh.words_from_unidic
    assert en.reads_latin_scale_letters and not ja.reads_latin_scale_letters
    assert ja.short_lengths_need_context and not en.short_lengths_need_context


def test_a_bad_choice_in_language_toml_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "en")
    toml = folder / "language.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'noun_reader = "words"', 'noun_reader = "regex"'), encoding="utf-8")
    with pytest.raises(LanguageDataError, match="noun_reader is 'regex'"):
        read_language("en", folder)


def test_an_unknown_code_reads_as_the_fallback_language() -> None:
    """The fact readers take any code a caller passes (a test's "xx"): English's tables."""
    assert lang.known_language("xx") is language("en")
    assert lang.known_language("xx", "ja") is language("ja")
