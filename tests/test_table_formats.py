"""The fact table in the Markdown comment and the HTML page; blame in SARIF and GitHub."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from transcheck.report import markdown as markdown_format
from transcheck.report import render_run
from transcheck.run import RunResult, run

from .conftest import FIXTURES

CHAINS = FIXTURES / "chains"
HOSTILE_NAME = "c`<img src=x onerror=alert(1)>` @octocat |x| **b**.ja.txt"


@pytest.fixture(scope="module")
def chains_run() -> RunResult:
    return run([str(CHAINS / name) for name in ("ejaaz", "nvidia", "solana")])


def hostile_folder(tmp: Path) -> Path:
    """The three-peer folder under a hostile name, its drifted version under another."""
    folder = tmp / "p1 `<img src=x onerror=alert(1)>` @octocat"
    shutil.copytree(CHAINS / "solana", folder)
    (folder / "c.ja.txt").rename(folder / HOSTILE_NAME)
    toml = (folder / "pair.toml").read_text("utf-8")
    toml = toml.replace('file = "c.ja.txt"', f"file = '{HOSTILE_NAME}'")
    toml = toml.replace('label = "C"', 'label = "C @octocat <b>x</b>"')
    (folder / "pair.toml").write_text(toml, "utf-8")
    return folder


def md_rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("| quantity |")
            or line.startswith("| time |") or line.startswith("| entity |")]


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_folds_each_folders_table_after_its_pairs(chains_run: RunResult) -> None:
    out = render_run(chains_run, "markdown")
    for name in ("ejaaz", "nvidia", "solana"):
        table = chains_run.tables[str(CHAINS / name)]
        if table.disagreeing():
            assert f"#### Fact table of `{CHAINS / name}`" in out
    head = out.index(f"#### Fact table of `{CHAINS / 'ejaaz'}`")
    block = out[head: out.index("</details>", head)]
    total = len(chains_run.tables[str(CHAINS / "ejaaz")].rows)
    assert "<details>" in block and f"<summary>6 of {total} facts disagree across 4 versions" \
        "</summary>" in block
    assert ("| fact | bitpush.zh.txt | techflow.zh.txt | bitpush.ja.txt | techflow.ja.txt "
            "| to blame |") in block
    rows = md_rows(block)
    assert "| quantity | — | 高达350亿美元 L16 | — | ❗ **350億ドル L18** | techflow.ja.txt |" \
        in rows
    assert "| quantity | 2.5亿 L29 | 7000万 L41 | 2億5000万人 L32 | 7000万人 L45 " \
        "| _cannot tell_ |" in rows
    assert all(row.count("❗") == (0 if "cannot tell" in row else 1) for row in rows)
    # the three peers: the minority is marked
    head = out.index(f"#### Fact table of `{CHAINS / 'solana'}`")
    [row] = md_rows(out[head: out.index("</details>", head)])
    assert "| 約18% L" in row and "❗ **約28% L" in row and row.endswith("| c.ja.txt |")


def test_markdown_table_escapes_hostile_names(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path)
    out = render_run(run([str(folder)]), "markdown")
    [row] = md_rows(out)
    assert row.count(" | ") == 4  # five cells: the pipes in the name escaped
    prose = re.sub(r"(`+).*?\1", "", out)
    assert "@octocat" not in prose and "<img" not in prose and "<b>" not in prose
    assert "**b**" not in prose  # no emphasis from a file name
    for line in out.splitlines():
        assert line.count("``") % 2 == 0, line


def test_markdown_of_many_folders_still_fits(chains_run: RunResult) -> None:
    ejaaz = str(CHAINS / "ejaaz")
    pairs = [p for p in chains_run.pairs if p.folder == ejaaz][-1:]  # the two Japanese
    copies, tables = [], {}
    for k in range(40):
        folder = f"pairs/copy-{k:02}"
        copies += [dataclasses.replace(p, folder=folder) for p in pairs]
        tables[folder] = dataclasses.replace(chains_run.tables[ejaaz], folder=folder)
    out = render_run(RunResult(copies, [], tables), "markdown")
    assert len(out) <= markdown_format.LIMIT
    shown = out.count("#### Fact table of")
    assert 0 < shown < 40  # the tables after the errors and warnings, as many as fit
    total = len(chains_run.tables[ejaaz].rows)
    assert out.count(f"<summary>6 of {total} facts disagree") == shown
    last = out.splitlines()[-1]
    assert last.startswith("**Not shown, to fit GitHub's 65,536-character comment:")
    assert f"the fact tables of {40 - shown} folders" in last
    # a small limit still holds
    out = markdown_format.render_run(RunResult(copies[:6], [], dict(list(tables.items())[:1])),
                                     limit=3_000)
    assert len(out) <= 3_000


# -- HTML ----------------------------------------------------------------------------------


def html_rows(out: str) -> list[str]:
    return re.findall(r'<tr class="fact-row [^"]*">.*?</tr>', out, re.S)


def test_html_shows_each_folders_disagreeing_rows_in_their_sentences(
        chains_run: RunResult) -> None:
    out = render_run(chains_run, "html")
    sections = re.findall(r'<section class="facts".*?</section>', out, re.S)
    tables = [t for t in chains_run.tables.values() if t.disagreeing()]
    assert len(sections) == len(tables) >= 2
    ejaaz = next(s for s in sections if "chains/ejaaz" in s)
    rows = html_rows(ejaaz)
    assert len(rows) == 6  # 2026年を迎える頃には now agrees with 到2026年: not blamed
    blamed = [r for r in rows if "blamed" in r]
    assert len(blamed) == 1 and all(r.startswith('<tr class="fact-row blamed">') for r in blamed)
    yen = blamed[-1]
    # the departing cell: a class, and a marker in words, not colour alone
    cell = re.search(r'<td class="cell blamed".*?</td>', yen, re.S)
    assert cell and "⚑ drift came in here" in cell.group()
    assert '<strong class="fact">350億ドル</strong>' in cell.group()
    assert '<mark class="fact">350億ドル</mark>' in cell.group()  # in its sentence
    assert yen.count('<td class="cell empty">') == 2 and yen.count(">—<") == 2
    users = next(r for r in rows if "7000万人" in r)
    assert '<em class="cannot-tell">cannot tell</em>' in users and "blamed" not in users
    assert "2億5000万人" in users and "日間アクティブユーザー" in users


def test_html_table_escapes_hostile_names_and_text(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path)
    with (folder / HOSTILE_NAME).open("a", encoding="utf-8") as fh:
        fh.write("\x1b]0;pwned\x07<script>alert(1)</script>\n")
    out = render_run(run([str(folder)]), "html")
    [section] = re.findall(r'<section class="facts".*?</section>', out, re.S)
    assert "<img" not in out and "<script>alert" not in out and "<b>x" not in out
    assert "\x1b" not in out and "\x07" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in section  # the folder's name, escaped
    assert "C @octocat &lt;b&gt;x&lt;/b&gt;" in section  # the label


# -- SARIF and GitHub: the version to blame where a finding has one ------------------------


def test_sarif_and_github_name_the_version_to_blame(chains_run: RunResult) -> None:
    import json

    import jsonschema

    blamed = [f for p in chains_run.pairs if p.report for f in p.report.findings if f.blame]
    assert blamed  # the chains name a version to blame on some findings
    log = json.loads(render_run(chains_run, "sarif"))
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    with_blame = [r for r in results if "blame" in r["properties"]]
    assert len(with_blame) == len(blamed)
    for r in with_blame:
        name = r["properties"]["blame"].rsplit("/", 1)[-1]
        assert r["message"]["text"].endswith(
            f" The drift came in at {name} (see the fact table).")
    assert all("drift came in" not in r["message"]["text"] for r in results
               if "blame" not in r["properties"])
    annotations = render_run(chains_run, "github").splitlines()
    said = [a for a in annotations if "%0AThe drift came in at " in a]
    assert len(said) == len(blamed)  # every finding an annotation, infos as notices
    assert any("techflow.ja.txt (see the fact table)." in a for a in said)
    assert all(re.match(r"::(error|warning|notice) ", a) for a in said)
