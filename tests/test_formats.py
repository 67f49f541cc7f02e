"""The CI formats: SARIF (validated), GitHub annotations, Markdown comments, the HTML page."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest

from transcheck.model import Document, Finding, Link, Location, Report, Unit
from transcheck.report import FORMATS, RUN_FORMATS, github, render, render_run
from transcheck.report import markdown as markdown_format
from transcheck.rules import RULES
from transcheck.run import PairResult, RunResult
from transcheck.schemas import __file__ as schemas_init

from .conftest import BITPUSH, EJAAZ, FIXTURES, TECHFLOW, run_cli

SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text("utf-8"))
REPORT_SCHEMA = json.loads((Path(schemas_init).parent / "report.schema.json").read_text("utf-8"))




@pytest.fixture(scope="module")
def ejaaz_run() -> RunResult:
    from transcheck.run import Options, run

    return run([str(EJAAZ)], Options())


def test_every_format_is_registered_for_check_and_run() -> None:
    assert set(FORMATS) == set(RUN_FORMATS) == {"text", "json", "markdown", "html", "sarif",
                                                 "github", "rdjson", "gitlab"}


# SARIF


# The official SARIF 2.1.0 schema is not kept in the tree; .ci/run fetches it from the npm
# registry (the package @microsoft/jest-sarif ships it) and names it in this variable.
OFFICIAL_SARIF_SCHEMA = os.environ.get("TRANSCHECK_SARIF_SCHEMA")


def validate_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    if OFFICIAL_SARIF_SCHEMA:
        official = json.loads(Path(OFFICIAL_SARIF_SCHEMA).read_text("utf-8"))
        errors = sorted(jsonschema.Draft4Validator(official).iter_errors(log),
                        key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.skipif(not OFFICIAL_SARIF_SCHEMA, reason="TRANSCHECK_SARIF_SCHEMA not set")
def test_the_official_schema_is_the_2_1_0_one() -> None:
    assert OFFICIAL_SARIF_SCHEMA is not None
    official = json.loads(Path(OFFICIAL_SARIF_SCHEMA).read_text("utf-8"))
    assert "2.1.0" in official["title"]


def test_sarif_of_the_ejaaz_pair_validates_and_locates_both_sides(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(render_run(ejaaz_run, "sarif"))
    validate_sarif(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"]
               and "## Why it matters" in r["help"]["text"] for r in rules)
    report = ejaaz_run.pairs[0].report
    assert report is not None and len(run["results"]) == len(report.findings)
    texts = {"bitpush.ja.txt": BITPUSH.read_text("utf-8"),
             "techflow.ja.txt": TECHFLOW.read_text("utf-8")}
    two_sided = 0
    for result, finding in zip(run["results"], report.findings, strict=True):
        assert result["partialFingerprints"] == {"transcheckId/v1": finding.id}
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        assert result["level"] == {"error": "error", "warning": "warning",
                                   "info": "note"}[finding.severity]
        located = result["locations"] + result.get("relatedLocations", [])
        for loc in located:
            phys = loc["physicalLocation"]
            name = unquote(phys["artifactLocation"]["uri"]).rsplit("/", 1)[1]
            reg = phys["region"]
            snippet = texts[name][reg["charOffset"] : reg["charOffset"] + reg["charLength"]]
            assert snippet == reg["snippet"]["text"]
            line = texts[name].splitlines()[reg["startLine"] - 1]
            assert line[reg["startColumn"] - 1 : reg["endColumn"] - 1] == snippet
        primary = unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        if finding.left and finding.right:
            two_sided += 1
            assert primary.endswith("techflow.ja.txt")  # the version under review
            related = result["relatedLocations"][0]
            assert related["id"] == 1 and "](1)" in result["message"]["text"]
            assert "bitpush.ja.txt" in related["physicalLocation"]["artifactLocation"]["uri"]
    assert two_sided >= 3


def test_sarif_reports_input_errors_and_stale_entries_as_notifications(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from transcheck.baseline import Entry

    stale = Entry("0123", "unit-mismatch", "250 MWh vs 250 MW", "a.txt", "b.txt")
    run = RunResult([PairResult("pairs/x/pair.toml", "", folder="pairs/x",
                                error="pairs/x/a.txt: no such file")], [stale])
    log = json.loads(render_run(run, "sarif"))
    validate_sarif(log)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "no such file" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert "unit-mismatch" in inv["toolConfigurationNotifications"][0]["message"]["text"]


def test_sarif_schema_catches_bad_logs() -> None:
    """The vendored schema is strict enough to fail a wrong log (it is not a rubber stamp)."""
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
        {"message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a.txt"}, "region": {"startLine": 1}}}]}]}]}
    validate_sarif(good)
    for path, value in [(("runs", 0, "results", 0, "level"), "info"),
                        (("runs", 0, "results", 0, "locations", 0, "physicalLocation", "region",
                          "startLine"), 0),
                        (("runs", 0, "results", 0, "severity"), "error"),
                        (("version",), "2.0.0")]:
        bad = json.loads(json.dumps(good))
        target = bad
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(AssertionError):
            validate_sarif(bad)


# GitHub workflow commands


def test_github_escaping() -> None:
    assert github.escape_data("50%\r\nup") == "50%25%0D%0Aup"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert github.command("warning", "x\ny", file="a,b.txt", line=3, title="t:1") == \
        "::warning file=a%2Cb.txt,line=3,title=t%3A1::x%0Ay"


def test_github_annotations_for_the_ejaaz_pair(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    out = render_run(ejaaz_run, "github")
    lines = out.splitlines()
    report = ejaaz_run.pairs[0].report
    assert len(lines) == len(report.findings)
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),"
                         r"endColumn=(\d+),title=([a-z-]+)::(.+)$")
    for line, f in zip(lines, report.findings, strict=True):
        m = pattern.match(line)
        assert m, line
        kind = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        assert m.group(1) == kind and m.group(6) == f.rule
        loc = f.right or f.left
        assert int(m.group(3)) == loc.line and int(m.group(4)) == loc.column
        if f.left and f.right:
            assert m.group(2).endswith("techflow.ja.txt")
            assert "%0A" in m.group(7) and f"「{f.left.text}」" in m.group(7)


# Markdown


def _tiny_report(left_text: str, right_text: str, finding_message: str) -> Report:
    def doc(path: str, text: str) -> Document:
        return Document(path, text, [Unit(0, 1, 0, len(text), text)], "ja")

    left, right = doc("a.ja.md", left_text), doc("b.ja.md", right_text)
    loc_l = Location(1, 1, 0, len(left_text), left_text, unit_index=0)
    loc_r = Location(1, 1, 0, len(right_text), right_text, unit_index=0)
    f = Finding("f1", "number-mismatch", "error", finding_message, loc_l, loc_r, 0)
    return Report(left, right, [Link((0,), (0,), 0.5)], [f])


def test_markdown_table_cells_are_escaped() -> None:
    report = _tiny_report("a|b", "<b>c</b>", "x | y * z")
    out = render(report, "markdown")
    row = next(line for line in out.splitlines() if line.startswith("| 🔴"))
    assert row.count(" | ") == 4  # five cells: the pipes in the texts are escaped
    assert r"x \| y \* z" in row and r"\<b\>c\</b\>" in row and "L1 a\\|b" in row


def test_markdown_of_the_ejaaz_pair(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    out = render_run(ejaaz_run, "markdown")
    report = ejaaz_run.pairs[0].report
    counts = report.summary()
    assert out.startswith(f"## transcheck: {counts['error']} errors")
    assert "| severity | rule | message | BitpushNews → ja | TechFlow → ja |" in out
    assert f"<summary>{counts['info']} infos</summary>" in out
    table_rows = [line for line in out.splitlines() if line.startswith("| 🔴")]
    assert len(table_rows) == counts["error"]


def test_markdown_of_30_pairs_fits_a_github_comment(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    from transcheck.report.markdown import LIMIT

    pair = ejaaz_run.pairs[0]
    many = RunResult([dataclasses.replace(pair, folder=f"pairs/copy-{k:02}") for k in range(30)])
    out = render_run(many, "markdown")
    assert len(out) <= LIMIT
    rows = [line for line in out.splitlines() if line.startswith(("| 🔴", "| 🟡"))]
    assert len(rows) == 30 * 6  # every error and warning of every pair
    folded = out.count("<summary>48 infos</summary>")
    assert 0 < folded < 30
    assert out.splitlines()[-1].startswith(
        f"**Not shown, to fit GitHub's 65,536-character comment: {(30 - folded) * 48} infos.**")
    # a smaller limit cuts errors and warnings too, and says how many
    small = many.pairs[:3]
    out = markdown_format.render_run(RunResult(small), limit=2_500)
    assert len(out) <= 2_500 and "errors" in out.splitlines()[-1]


# rdjson (reviewdog) and GitLab code quality


def test_rdjson_locates_each_finding_in_utf8_bytes(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    out = json.loads(render_run(ejaaz_run, "rdjson"))
    report = ejaaz_run.pairs[0].report
    assert out["source"] == {"name": "transcheck"} and out["severity"] == "ERROR"
    assert len(out["diagnostics"]) == len(report.findings)
    for d, f in zip(out["diagnostics"], report.findings, strict=True):
        assert d["severity"] == f.severity.upper() and d["code"] == {"value": f.rule}
        loc = f.right or f.left
        path = Path(d["location"]["path"])
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        text = path.read_text("utf-8").splitlines()[start["line"] - 1].encode()
        if start["line"] == end["line"]:
            assert text[start["column"] - 1 : end["column"] - 1].decode() == loc.text
        if f.left and f.right:
            assert f"「{f.left.text}」 at " in d["message"]  # the other version's fact


def test_gitlab_code_quality_issues(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    issues = json.loads(render_run(ejaaz_run, "gitlab"))
    report = ejaaz_run.pairs[0].report
    assert len(issues) == len(report.findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for i, f in zip(issues, report.findings, strict=True):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        assert i["check_name"] == f.rule and f.message in i["description"]
        assert i["severity"] == {"error": "major", "warning": "minor", "info": "info"}[f.severity]
        assert i["location"]["positions"]["begin"]["line"] == (f.right or f.left).line
    # the same findings keep their fingerprints in another run
    assert [i["fingerprint"] for i in json.loads(render_run(ejaaz_run, "gitlab"))] == \
        [i["fingerprint"] for i in issues]


# HTML


class _Page(HTMLParser):
    """Collects what the tests look at: marks, finding items, external references, text."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.items: list[dict[str, str | None]] = []
        self.external: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "mark":
            self.marks.append(a)
        if tag == "li" and "finding" in (a.get("class") or ""):
            self.items.append(a)
        for key in ("src", "href"):
            value = a.get(key) or ""
            if key in a and not value.startswith("#"):
                self.external.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_page_is_self_contained_with_marks_for_every_finding(ejaaz_run) -> None:  # type: ignore[no-untyped-def]
    out = render_run(ejaaz_run, "html")
    page = _Page()
    page.feed(out)
    assert page.external == []
    assert "@import" not in out and "url(" not in out
    assert len(page.ids) == len(set(page.ids))
    report = ejaaz_run.pairs[0].report
    assert len(page.items) == len(report.findings)
    # errors and warnings lead the list, in reading order; the infos follow, folded
    severities = [(item["class"] or "").split()[1] for item in page.items]
    assert severities == sorted(severities, key=lambda s: s == "sev-info")
    assert out.index('<details class="infos">') < out.index('class="finding sev-info"')
    by_key = {item["data-f"]: item for item in page.items}
    for k, f in enumerate(report.findings):
        key = f"p0-f{k}"
        item = by_key[key]
        assert item["data-row"] in page.ids
        marked = [m for m in page.marks if key in (m.get("data-f") or "").split()]
        if f.rule == "unaligned-unit":  # the whole paragraph is marked, by its finding key
            assert re.search(rf'<div class="u unaligned sev-info" data-f="[^"]*\b{key}\b', out)
        else:
            assert len(marked) == (f.left is not None) + (f.right is not None)
            assert (f"{key}-l" in page.ids) == (f.left is not None)
            assert (f"{key}-r" in page.ids) == (f.right is not None)
    rows = out.count('<tr id="p0-r')
    assert rows == len(report.alignment)


def test_html_escapes_all_text() -> None:
    report = _tiny_report("<script>alert('x')</script> 90万台", "\"><img src=x> & 60万枚",
                          "<b>90万</b> vs 60万")
    out = render(report, "html")
    assert "<script>alert" not in out and "<img src=x>" not in out and "<b>90万" not in out
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in out
    assert "&#34;&gt;&lt;img src=x&gt; &amp; 60万枚" in out


def test_check_accepts_every_format_with_the_same_exit_code(capsys) -> None:  # type: ignore[no-untyped-def]
    codes = set()
    for fmt in FORMATS:
        code, out, _ = run_cli(["check", str(BITPUSH), str(TECHFLOW), "--format", fmt], capsys)
        codes.add(code)
        assert out
    assert codes == {1}


def test_run_json_pairs_are_report_objects(capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _ = run_cli(["run", str(FIXTURES / "runs"), "--format", "json", "--jobs", "1"],
                       capsys)
    data = json.loads(out)
    assert set(data) == {"schema", "pairs", "stale_baseline", "summary", "tables"}
    assert [t["schema"] for t in data["tables"]] == ["transcheck/facts-table@1"] * 2
    for pair in data["pairs"]:
        jsonschema.validate(pair, REPORT_SCHEMA)
        assert set(pair["pair"]) == {"folder", "title", "labels"}
