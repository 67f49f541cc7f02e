"""Fact pairing: a changed fact is reported where it stands, whatever else the versions
restate (the cases of tests/fixtures/pairing/drifts.toml, found by benchmarks/mutate.py)."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from transcheck.check import check_documents
from transcheck.load import load_document, parse_document
from transcheck.model import Document, Report

from .conftest import FIXTURES, ROOT

CASES = tomllib.loads((FIXTURES / "pairing" / "drifts.toml").read_text("utf-8"))["case"]

Flag = tuple[str, str, str | None, str | None]


def _flagged(report: Report) -> set[Flag]:
    return {(f.rule, f.severity, f.left.text if f.left else None,
             f.right.text if f.right else None)
            for f in report.findings if f.severity != "info"}


def _changed(doc: Document, find: str, replace: str) -> Document:
    assert find in doc.text, find
    text = doc.text.replace(find, replace, 1)
    return parse_document(text, doc.path, lang=doc.lang, when=doc.date,
                          date_source=doc.date_source, encoding=doc.encoding)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_changed_fact_is_caught_where_it_stands(case: dict[str, object]) -> None:
    day = case.get("date")
    assert day is None or isinstance(day, date)
    docs = {side: load_document(str(ROOT / str(case[side])), when=day,
                                date_source="option" if day else None)
            for side in ("left", "right")}
    before = _flagged(check_documents(docs["left"], docs["right"]))
    side = str(case["change"])
    docs[side] = _changed(docs[side], str(case["find"]), str(case["replace"]))
    after = _flagged(check_documents(docs["left"], docs["right"]))
    expect = case["expect"]
    assert isinstance(expect, list)
    flags = expect if expect and isinstance(expect[0], list) else [expect] if expect else []
    assert after - before == {tuple(flag) for flag in flags}
    # what was flagged stays, but for the changed fact's own findings
    find = str(case["find"])
    def own(flag: Flag) -> bool:
        return any(text and text in find for text in flag[2:])

    assert {f for f in before if not own(f)} <= after


def test_a_changed_figure_keeps_its_unit_in_the_link() -> None:
    """tsmc's last two paragraphs are swapped; with 2奈米製程 changed to 3奈米製程 in one of
    them, the two paragraphs stay linked: the same counted noun with another value is
    evidence that they correspond, not that they differ."""
    day = date(2026, 11, 20)
    left = load_document(str(FIXTURES / "texts" / "tsmc.a.big5.txt"), when=day,
                         date_source="option")
    right = load_document(str(FIXTURES / "texts" / "tsmc.b.zh.txt"), when=day,
                          date_source="option")
    changed = _changed(left, "2奈米", "3奈米")
    report = check_documents(changed, right)
    para = next(u.index for u in changed.units if "3奈米" in u.text)
    other = next(u.index for u in right.units if "2奈米" in u.text)
    assert [(link.left, link.right) for link in report.alignment if para in link.left] == [
        ((para,), (other,))]
