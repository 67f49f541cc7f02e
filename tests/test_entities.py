"""Names and identifiers: the fixture table (tests/fixtures/entities.tsv) and the Ejaaz pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.facts.entities import extract_entities, name_family, normalize_name

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAIR = Path(__file__).resolve().parent.parent / "pairs" / "ejaaz-grok5"


def _rows() -> list[tuple[int, str, str, list[tuple[str, str]]]]:
    rows = []
    text = (FIXTURES / "entities.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lang, sentence, expected = line.split("\t")
        items = [] if expected == "-" else [
            tuple(p.strip() for p in item.split("=>")) for item in expected.split(" ; ")]
        rows.append((n, lang, sentence, items))  # type: ignore[arg-type]
    return rows


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"L{r[0]}:{r[1]}:{r[2][:20]}" for r in ROWS])
def test_entity_row(row: tuple[int, str, str, list[tuple[str, str]]]) -> None:
    _, lang, sentence, expected = row
    got = extract_entities(sentence, lang, base=5, unit=2)
    for e in got:
        assert sentence[e.start - 5:e.end - 5] == e.text
        assert e.unit_index == 2
    assert [(e.text, e.family) for e in got] == expected


def test_versions_share_a_family() -> None:
    assert name_family(normalize_name("Grok 4")) == name_family(normalize_name("Grok 5"))
    assert normalize_name("Ｇｒｏｋ　５") == "grok 5"
    assert normalize_name("イーロン・マスク") == normalize_name("イーロンマスク")


@pytest.mark.parametrize("version", ["bitpush", "techflow"])
def test_ejaaz_entities_slice_their_text(version: str) -> None:
    text = (PAIR / f"{version}.ja.txt").read_text(encoding="utf-8")
    offset = 0
    names = set()
    for n, line in enumerate(text.split("\n")):
        for e in extract_entities(line, "ja", base=offset, unit=n):
            assert text[e.start:e.end] == e.text
            names.add(e.name)
        offset += len(line) + 1
    assert {"grok 5", "grok 4", "v14.2.2.3", "andrej karpathy", "tesla megapack"} <= names
    assert not any(name[0].isdigit() for name in names)


def test_a_coordinated_version_is_the_whole_name() -> None:
    """Colossus I 和 II: the II is Colossus II, so it pairs with a Colossus II on the other
    side instead of meeting a Colossus III unpaired."""
    found = extract_entities("算上 Colossus I 和 II，以及 Grok 4 and 5", "zh")
    assert [(e.text, e.name) for e in found] == [
        ("Colossus I", "colossus i"), ("II", "colossus ii"), ("Grok 4", "grok 4"),
        ("5", "grok 5")]
