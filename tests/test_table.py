"""The fact table across a folder's versions and the version to blame (issue 28)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from benchmarks.blame_eval import evaluate
from transcheck.check import check
from transcheck.run import run
from transcheck.schemas import load_schema
from transcheck.table import FactTable, TableVersion, build_table

from .conftest import EJAAZ, FIXTURES, run_cli

CHAINS = FIXTURES / "chains"


def only_table(folder: Path) -> FactTable:
    tables = run([str(folder)]).tables
    assert list(tables) == [str(folder)]
    return tables[str(folder)]


def cells(table: FactTable, row_index: int) -> list[str | None]:
    row = table.disagreeing()[row_index]
    return [c[0].text if c else None for c in row.cells]


def test_three_peers_blame_the_minority() -> None:
    table = only_table(CHAINS / "solana")
    [row] = table.disagreeing()
    assert [c[0].text if c else None for c in row.cells] == ["約18%", "約18%", "約28%"]
    assert row.verdict == "blamed" and row.blame == (2,)
    assert "minority of 3" in row.why
    assert len(table.rows) > 10 and all(not r.blame for r in table.rows if r.agrees)


def test_two_peers_without_a_source_cannot_tell() -> None:
    table = only_table(EJAAZ)
    wrong = table.disagreeing()
    assert len(wrong) >= 3  # the annotated number and time drifts, among others
    assert all(r.verdict == "cannot-tell" and not r.blame for r in wrong)
    texts = {tuple(c[0].text if c else "" for c in r.cells) for r in wrong}
    assert ("2億5000万人", "7000万人") in texts and ("来年末までに", "今年末から") in texts


def test_chains_join_across_languages_and_tell_the_heads_apart() -> None:
    table = only_table(CHAINS / "ejaaz")
    rows = {tuple(c[0].text if c else "" for c in r.cells): r for r in table.rows}
    users = rows["2.5亿", "7000万", "2億5000万人", "7000万人"]
    assert users.verdict == "cannot-tell"
    assert "bitpush.zh.txt and techflow.zh.txt disagree" in users.why
    # a fact every link of both chains states alike is one agreeing row of four cells
    assert rows["1300亿美元", "1300亿美元", "1300億ドル", "1300億ドル"].agrees


def test_a_step_that_changed_its_own_source_is_blamed(tmp_path: Path) -> None:
    folder = tmp_path / "nvidia"
    folder.mkdir()
    for f in (CHAINS / "nvidia").iterdir():
        text = f.read_text("utf-8")
        if f.name == "nvidia.ja.md":
            text = text.replace("約410億ドル", "約140億ドル")
        (folder / f.name).write_text(text, "utf-8")
    table = only_table(folder)
    [row] = table.disagreeing()
    assert [c[0].text if c else None for c in row.cells] == [
        "roughly $41 billion", "约为410亿美元", "約140億ドル"]
    assert row.blame == (2,) and "differs from nvidia.zh.md" in row.why
    # the pair's finding names the version to blame; the others have none
    result = run([str(folder)])
    blamed = [f for p in result.pairs for f in p.report.findings if f.blame]  # type: ignore[union-attr]
    assert blamed and all(f.blame == str(folder / "nvidia.ja.md") for f in blamed)
    assert {f.rule for f in blamed} == {"number-mismatch"}


def test_the_table_is_built_from_the_pairwise_reports_alone() -> None:
    left, right = EJAAZ / "bitpush.ja.txt", EJAAZ / "techflow.ja.txt"
    report = check(str(left), str(right))
    versions = [TableVersion(str(left), lang="ja"), TableVersion(str(right), lang="ja")]
    table = build_table(versions, [report])
    paired = {(p.left.start, p.right.start) for p in report.pairings}
    two = [r for r in table.rows if all(r.cells)]
    assert len(two) == len(paired)
    # every pair of facts that raised a value or time error is a disagreeing row
    errors = {(f.left.start, f.right.start) for f in report.findings  # type: ignore[union-attr]
              if f.severity == "error" and f.left and f.right}
    assert errors and all(
        not r.agrees for r in two
        if (r.cells[0][0].start, r.cells[1][0].start) in errors)  # type: ignore[index]
    # facts no pairing joined stay rows of one version
    assert len(table.rows) == len(report.left_facts) + len(report.right_facts) - len(paired)


def test_run_json_holds_one_facts_table_per_folder(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(["run", str(CHAINS), "--format", "json", "--jobs", "1"], capsys)
    assert code == 1
    data = json.loads(out)
    tables = data["tables"]
    assert [Path(t["folder"]).name for t in tables] == ["ejaaz", "nvidia", "solana"]
    schema = load_schema("facts-table")
    for t in tables:
        jsonschema.validate(t, schema)
    for p in data["pairs"]:
        jsonschema.validate({k: v for k, v in p.items()
                             if k not in ("pair", "stale_baseline", "hidden", "suppressed")},
                            load_schema("report"))
    solana = tables[2]
    [row] = [r for r in solana["rows"] if r["verdict"] != "agree"]
    assert row["blame"] == [str(CHAINS / "solana" / "c.ja.txt")]
    assert [c[0]["text"] for c in row["cells"]] == ["約18%", "約18%", "約28%"]
    blamed = [f for p in data["pairs"] for f in p["findings"] if "blame" in f]
    assert blamed and all(f["blame"].endswith("c.ja.txt") for f in blamed
                          if "solana" in f["blame"])


def test_run_text_shows_the_disagreeing_rows(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli(["run", str(CHAINS / "solana"), "--jobs", "1"], capsys)
    assert code == 1
    grid = out.split("Fact table of ", 1)[1]
    lines = grid.splitlines()
    assert lines[0] == f"{CHAINS / 'solana'}: 1 of 13 facts disagree across 3 versions"
    assert lines[1].split() == ["a.ja.txt", "b.ja.txt", "c.ja.txt", "blame"]
    assert lines[2].split() == ["q", "約18%", "L6", "約18%", "L6", "*約28%", "L6", "c.ja.txt"]
    # the two findings on 約28% say where the drift came in; the table's facts agree elsewhere
    assert out.count("  = the drift came in at c.ja.txt (see the fact table)") == 2


def test_planted_drifts_are_blamed_on_the_right_version() -> None:
    outcomes = evaluate()
    assert len(outcomes) >= 20
    wrong = [(o.folder, o.step, o.kind, o.got) for o in outcomes if not o.right]
    assert wrong == []
    assert sum(o.agreeing_blamed for o in outcomes) == 0
    assert sum(o.collateral for o in outcomes) == 0
    # every step and every kind of fact is planted
    assert {o.step for o in outcomes} == {"zh", "ja", "peer"}
    assert {(o.step, o.kind) for o in outcomes} >= {
        (s, k) for s in ("zh", "ja", "peer") for k in ("number", "time", "unit", "bound")}
