"""The bundled Ejaaz pair, end to end: the known drifts, at the right lines on both sides."""

from __future__ import annotations

import json
from datetime import date

import jsonschema

from transcheck.model import Report
from transcheck.report import render
from transcheck.schemas import load_schema

from .conftest import BITPUSH, TECHFLOW, run_cli


def _find(report: Report, rule: str, left_text: str, right_text: str):  # type: ignore[no-untyped-def]
    for f in report.findings:
        if (f.rule == rule and f.left and f.right and left_text in f.left.text
                and right_text in f.right.text):
            return f
    raise AssertionError(f"no {rule} finding for {left_text} vs {right_text}")


def test_daily_users_drift(ejaaz_report: Report) -> None:
    f = _find(ejaaz_report, "number-mismatch", "2億5000万人", "7000万人")
    assert f.severity == "error"
    assert f.left is not None and f.right is not None
    assert (f.left.line, f.right.line) == (32, 45)
    assert (f.left.value, f.right.value) == (250_000_000, 70_000_000)
    assert ejaaz_report.left.text[f.left.start : f.left.end] == f.left.text
    assert ejaaz_report.right.text[f.right.start : f.right.end] == f.right.text


def test_optimus_timing_drift(ejaaz_report: Report) -> None:
    f = _find(ejaaz_report, "time-mismatch", "来年末", "今年末")
    assert f.severity == "error"
    assert f.left is not None and f.right is not None
    assert (f.left.line, f.right.line) == (42, 57)


def test_json_report_validates_against_schema(ejaaz_report: Report) -> None:
    data = json.loads(render(ejaaz_report, "json"))
    jsonschema.validate(data, load_schema("report"))
    # every unit of both sides is in the alignment exactly once, in left reading order
    for side in ("left", "right"):
        seen = sorted(i for link in data["alignment"] for i in link[side])
        assert seen == list(range(len(data[side]["units"])))
    lefts = [i for link in data["alignment"] for i in link["left"]]
    assert lefts == sorted(lefts)
    assert data["summary"]["error"] >= 2
    assert data["left"]["date"] == "2026-01-23"


def test_text_report_marks_both_sides(ejaaz_report: Report) -> None:
    text = render(ejaaz_report, "text")
    assert "⟦2億5000万人⟧" in text and "⟦7000万人⟧" in text
    assert "bitpush.ja.txt:32:" in text and "techflow.ja.txt:45:" in text
    assert text.rstrip().splitlines()[-1].count("error") == 1


def test_the_library_reads_the_pair_folder_as_the_cli_does(capsys):  # type: ignore[no-untyped-def]
    import transcheck
    from transcheck.report import json as json_report

    report = transcheck.check(str(BITPUSH), str(TECHFLOW))
    assert report.left.date == report.right.date == date(2026, 1, 23)  # from pair.toml
    _, out, _ = run_cli(["check", str(BITPUSH), str(TECHFLOW), "--format", "json"], capsys)
    assert json_report.report_dict(report) == json.loads(out)
