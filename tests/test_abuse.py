"""The abuse matrix: transcheck run on pull requests from anyone, tried as an attacker and as a
clumsy user would (issue 26).

Each case builds a small repository in a temporary folder (a pair folder with two real
Japanese news versions, ``tests/fixtures/texts/solana.*``), breaks one thing, runs the
command line in-process and checks the promise of the contract: one line on stderr and
exit 2, or a report that reads nothing outside the repository, writes no input, and lets
no name or text act on the terminal, the CI log or the pull request.
``python -m benchmarks.abuse`` runs the same cases in subprocesses and counts them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from transcheck.baseline import Entry, read_baseline, write_baseline
from transcheck.facts import extract_facts
from transcheck.load import parse_document

from .conftest import FIXTURES, ROOT, run_cli

LEFT = FIXTURES / "texts" / "solana.a.ja.txt"
RIGHT = FIXTURES / "texts" / "solana.b.ja.txt"
# Written outside the repository of every case: it must never reach a report.
SECRET = "SECRET-0f3a9 root:x:0:0"
GOOD_TOML = ('title = "ソラナ"\ndate = "2026-09-15"\n[[version]]\nfile = "a.ja.txt"\n'
             'lang = "ja"\n[[version]]\nfile = "b.ja.txt"\nlang = "ja"\n')
FORMATS = ("text", "json", "markdown", "html", "sarif", "github", "rdjson", "gitlab")


def make_repo(tmp: Path, toml: str | bytes = GOOD_TOML, folder: str = "p1") -> Path:
    """tmp/repo (a git repository: it holds .git) with pairs/<folder>; tmp/secret.txt outside."""
    repo = tmp / "repo"
    pair = repo / "pairs" / folder
    pair.mkdir(parents=True)
    (repo / ".git").mkdir()
    shutil.copy(LEFT, pair / "a.ja.txt")
    shutil.copy(RIGHT, pair / "b.ja.txt")
    (pair / "pair.toml").write_bytes(toml.encode() if isinstance(toml, str) else toml)
    (tmp / "secret.txt").write_text(f"{SECRET}\n今年の売上は90万台。\n", encoding="utf-8")
    return repo


def deep_toml(depth: int) -> str:
    return "x = " + "[" * depth + "]" * depth + "\n"


def versions(first: str, second: str = 'file = "b.ja.txt"') -> str:
    return f"[[version]]\n{first}\n[[version]]\n{second}\n"


@dataclass(frozen=True)
class Case:
    """One abuse: what to break, the command, and the one line it must end in."""

    id: str
    pair_toml: str | bytes = GOOD_TOML
    args: tuple[str, ...] = ("run", "pairs")
    expect: str | None = None  # a part of the one error line; None: no error (exit 0 or 1)
    files: dict[str, str | bytes] = field(default_factory=dict)  # path in repo → content
    setup: Callable[[Path], None] | None = None


def _link_version_out(repo: Path) -> None:
    (repo / "pairs" / "p1" / "b.ja.txt").unlink()
    (repo / "pairs" / "p1" / "b.ja.txt").symlink_to(repo.parent / "secret.txt")


def _link_folder_out(repo: Path) -> None:
    outside = repo.parent / "elsewhere"
    outside.mkdir()
    shutil.copy(repo.parent / "secret.txt", outside / "a.ja.txt")
    shutil.copy(RIGHT, outside / "b.ja.txt")
    (outside / "pair.toml").write_text(GOOD_TOML, encoding="utf-8")
    (repo / "pairs" / "zz").symlink_to(outside, target_is_directory=True)


def _link_folder_in(repo: Path) -> None:
    (repo / "pairs" / "again").symlink_to(repo / "pairs" / "p1", target_is_directory=True)


BASELINE_ENTRY = {"id": "x", "rule": "number-mismatch", "left": "pairs/p1/a.ja.txt",
                  "right": "pairs/p1/b.ja.txt"}


def baseline(**extra: object) -> str:
    return json.dumps({"schema": "transcheck/baseline@1",
                       "findings": [{**BASELINE_ENTRY, **extra}]})


CASES: list[Case] = [
    # pair.toml: a schema, every key and type
    Case("unknown key", "dat = \"2026-01-23\"\n" + versions('file = "a.ja.txt"'),
         expect="dat: unknown key"),
    Case("unknown version key", versions('file = "a.ja.txt"\nlabl = "x"'),
         expect="version[0].labl: unknown key"),
    Case("encoding a number", versions('file = "a.ja.txt"\nencoding = 5'),
         expect="version[0].encoding: expected a string"),
    Case("encoding a list", versions('file = "a.ja.txt"\nencoding = ["utf-8"]'),
         expect="version[0].encoding: expected a string"),
    Case("encoding unknown", versions('file = "a.ja.txt"\nencoding = "klingon"'),
         expect="unknown encoding"),
    Case("file with a NUL", versions('file = "a.ja.txt\\u0000.png"'), expect="NUL"),
    Case("file a number", versions("file = 5"), expect="version[0].file: expected a string"),
    Case("file missing", versions('lang = "ja"'), expect="version[0].file: missing"),
    Case("file empty", versions('file = ""'), expect="empty file name"),
    Case("label a number, markdown", versions('file = "a.ja.txt"\nlabel = 5'),
         args=("run", "pairs", "--format", "markdown"), expect="version[0].label"),
    Case("lang unknown", versions('file = "a.ja.txt"\nlang = "tlh"'), expect="unknown language"),
    Case("title a table", "[title]\nx = 1\n" + versions('file = "a.ja.txt"'), expect="title"),
    Case("version a number", "version = 5\n", expect="version: expected"),
    Case("version a string", 'version = ["a.ja.txt"]\n', expect="version[0]: expected"),
    Case("pair.toml nested 50,000 deep", deep_toml(50_000), expect="nested too deeply"),
    Case("date with junk", 'date = "2026-01-23 or maybe 2027"\n' + versions('file = "a.ja.txt"'),
         expect="not a date"),
    Case("date a number", "date = 20260123\n" + versions('file = "a.ja.txt"'), expect="date"),
    Case("date and time", "date = 2026-01-23T10:00:00\n" + versions('file = "a.ja.txt"'),
         expect="date and time"),
    Case("date impossible", 'date = "2026-02-30"\n' + versions('file = "a.ja.txt"'),
         expect="not a date"),
    Case("same file twice", versions('file = "a.ja.txt"', 'file = "./a.ja.txt"'),
         expect="the same file as version[0]"),
    Case("from names itself", versions('file = "a.ja.txt"\nfrom = "a.ja.txt"'),
         expect="names the version itself"),
    Case("source a number", "source = 1\n" + versions('file = "a.ja.txt"'), expect="source"),
    Case("not UTF-8",
         "title = \"ソラナ\"\n".encode("shift_jis") + versions('file = "a.ja.txt"').encode(),
         expect="not UTF-8"),
    Case("not TOML", "title = [\n", expect="not valid TOML"),
    Case("BOM is read", b"\xef\xbb\xbf" + GOOD_TOML.encode()),
    Case("source and from are known keys",
         'source = "a.ja.txt"\n'
         + versions('file = "a.ja.txt"', 'file = "b.ja.txt"\nfrom = "a.ja.txt"')),
    # path escapes: nothing outside the repository is read
    Case("file ../ out of the repository",
         versions('file = "a.ja.txt"', 'file = "../../../secret.txt"'),
         expect="outside the repository"),
    Case("file absolute", versions('file = "a.ja.txt"', 'file = "/etc/passwd"'),
         expect="absolute path"),
    Case("file a symlink out", setup=_link_version_out, expect="outside the repository"),
    Case("pair folder a symlink out", setup=_link_folder_out, expect="symbolic link to a folder"),
    Case("pair folder a symlink inside is followed once", setup=_link_folder_in),
    # the config
    Case("transcheck.toml nested 50,000 deep", files={"transcheck.toml": deep_toml(50_000)},
         expect="nested too deeply"),
    Case("pyproject.toml nested 50,000 deep",
         files={"pyproject.toml": "[tool.transcheck]\n" + deep_toml(50_000)},
         expect="nested too deeply"),
    Case("malformed [tool.transcheck] is an error",
         files={"pyproject.toml": '[tool.transcheck]\nfail-on = "warning\n'},
         expect="pyproject.toml: not valid TOML"),
    Case("tool.transcheck not a table", files={"pyproject.toml": "[tool]\ntranscheck = 5\n"},
         expect="tool.transcheck: expected a table"),
    Case("config unknown key", files={"transcheck.toml": 'fail_on = "warning"\n'},
         expect="fail_on: unknown key"),
    Case("config date with junk", files={"transcheck.toml": 'date = "2026-01-23x"\n'},
         expect="not a date"),
    Case("config with a BOM is read", files={"transcheck.toml": '\ufefffail-on = "never"\n'}),
    Case("another tool's broken pyproject.toml is not ours",
         files={"pyproject.toml": "[tool.black\nline-length = 9\n"}),
    # the baseline
    Case("baseline nested 100,000 deep", args=("run", "pairs", "--baseline", "b.json"),
         files={"b.json": "[" * 100_000 + "]" * 100_000}, expect="nested too deeply"),
    Case("baseline pair a list", args=("run", "pairs", "--baseline", "b.json"),
         files={"b.json": baseline(pair=[])}, expect="findings[0].pair"),
    Case("baseline severity a number", args=("run", "pairs", "--baseline", "b.json"),
         files={"b.json": baseline(severity=5)}, expect="findings[0].severity"),
    Case("baseline not JSON", args=("run", "pairs", "--baseline", "b.json"),
         files={"b.json": "{"}, expect="invalid JSON"),
    Case("baseline with a BOM is read", args=("run", "pairs", "--baseline", "b.json"),
         files={"b.json": "\ufeff" + baseline()}),
    # -o never names an input of the run
    Case("-o an article", args=("run", "pairs", "-o", "pairs/p1/a.ja.txt"), expect="is an input"),
    Case("-o pair.toml", args=("run", "pairs", "-o", "pairs/p1/pair.toml"), expect="is an input"),
    Case("-o the config", args=("run", "pairs", "-o", "transcheck.toml"),
         files={"transcheck.toml": 'fail-on = "never"\n'}, expect="is an input"),
    Case("-o the baseline", args=("run", "pairs", "--baseline", "b.json", "-o", "b.json"),
         files={"b.json": baseline()}, expect="is an input"),
    Case("baseline -o an article", args=("baseline", "pairs", "-o", "pairs/p1/b.ja.txt"),
         expect="is an input"),
    Case("check -o the pair.toml", args=("check", "pairs/p1/a.ja.txt", "pairs/p1/b.ja.txt", "-o",
                                         "pairs/p1/pair.toml"), expect="is an input"),
    Case("--encoding unicode_escape with html", args=(
        "check", "u.txt", "pairs/p1/b.ja.txt", "--encoding", "unicode_escape", "--format", "html",
        "-o", "out.html"), files={"u.txt": "今年\\ud800は90万台\n"}, expect="lone surrogate"),
]


def build(tmp: Path, case: Case) -> Path:
    repo = make_repo(tmp, case.pair_toml)
    for name, content in case.files.items():
        path = repo / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    if case.setup is not None:
        case.setup(repo)
    return repo


def snapshot(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in sorted(repo.rglob("*"))
            if p.is_file() and not p.is_symlink() and ".git" not in p.parts}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_abuse_matrix(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    repo = build(tmp_path, case)
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    code, out, err = run_cli([*case.args, "--jobs", "1"] if case.args[0] in ("run", "baseline")
                             else list(case.args), capsys)
    if case.expect is None:
        assert code in (0, 1), err
        assert "error" not in err
    else:
        assert code == 2  # a run still reports the other pairs on stdout
        assert err.count("\n") == 1 and err.startswith("transcheck: error: "), err
        assert case.expect in err
    assert SECRET not in out and SECRET not in err
    after = snapshot(repo)
    written = {k for k in after if k not in before}
    assert {k: after[k] for k in before} == before  # no input changed
    assert written <= {"out.html"} and not [p for p in os.listdir(repo) if ".tmp" in p]


def test_allow_outside_reads_what_the_option_names(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path, versions('file = "a.ja.txt"', 'file = "../../../secret.txt"'))
    monkeypatch.chdir(repo)
    code, out, err = run_cli(["run", "pairs", "--jobs", "1", "--allow-outside"], capsys)
    assert code in (0, 1) and err == "" and "secret.txt" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_path_escapes_reach_no_report(fmt: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way out at once: ../, an absolute path, a symlinked file, a symlinked folder."""
    repo = make_repo(tmp_path, versions('file = "a.ja.txt"', 'file = "../../../secret.txt"'))
    for name, toml in (("p2", versions('file = "a.ja.txt"', f'file = "{tmp_path}/secret.txt"')),
                       ("p3", GOOD_TOML)):
        shutil.copytree(repo / "pairs" / "p1", repo / "pairs" / name)
        (repo / "pairs" / name / "pair.toml").write_text(toml, encoding="utf-8")
    (repo / "pairs" / "p3" / "b.ja.txt").unlink()
    (repo / "pairs" / "p3" / "b.ja.txt").symlink_to(tmp_path / "secret.txt")
    _link_folder_out(repo)
    monkeypatch.chdir(repo)
    code, out, err = run_cli(["run", "pairs", "--jobs", "1", "--format", fmt], capsys)
    assert code == 2
    assert SECRET not in out and SECRET not in err
    assert len(err.splitlines()) == 4  # p1, p2, p3 and the linked folder, a line each


# -- names and text escaped for every channel --------------------------------------------

HOSTILE_FOLDER = "p1\n::error file=x::pwned `<img src=x onerror=alert(1)>` @octocat"
HOSTILE_TEXT = "ソラナは\x1b]0;pwned\x07今年\x1b[2J90万件の取引を処理した。@octocat が確認。\n"


def hostile_repo(tmp: Path) -> Path:
    repo = make_repo(tmp, GOOD_TOML.replace('"ソラナ"', '"ソラナ @octocat <b>x</b>"'),
                     folder=HOSTILE_FOLDER)
    pair = repo / "pairs" / HOSTILE_FOLDER
    with (pair / "a.ja.txt").open("a", encoding="utf-8") as fh:
        fh.write(HOSTILE_TEXT)
    (pair / "gone").mkdir()
    return repo


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("broken", [False, True], ids=["report", "input-error"])
def test_names_and_text_cannot_act_on_any_channel(fmt: str, broken: bool, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    repo = hostile_repo(tmp_path)
    if broken:  # the folder's name in an error line on stderr and in the report
        (repo / "pairs" / HOSTILE_FOLDER / "b.ja.txt").unlink()
    monkeypatch.chdir(repo)
    code, out, err = run_cli(["run", "pairs", "--jobs", "1", "--format", fmt], capsys)
    assert code == 2 if broken else code in (0, 1)
    for line in err.splitlines():
        assert line.startswith("transcheck: "), line  # no workflow command on stderr
    own = [line for line in out.splitlines() if line.startswith("::")]
    if fmt == "github":
        assert all(re.match(r"::(error|warning|notice) (file|title)=[^:]*::", line)
                   for line in own), own
    else:
        assert own == []  # no line of stdout is a workflow command
    if fmt in ("text", "markdown", "github"):
        assert "\x1b" not in out and "\x07" not in out  # no terminal control reaches it
    if fmt == "markdown":
        prose = re.sub(r"(`+).*?\1", "", out)  # mentions are not read inside code spans
        assert "@octocat" not in prose  # nobody is notified
        assert "<img" not in prose and "<b>" not in prose  # no raw HTML
        for line in out.splitlines():  # every code span closes on its own line
            assert line.count("``") % 2 == 0, line
    if fmt in ("json", "sarif", "rdjson", "gitlab"):
        json.loads(out)
    if fmt in ("rdjson", "gitlab"):  # messages a CI service shows on the pull request
        data = json.loads(out)
        items = data["diagnostics"] if fmt == "rdjson" else data
        for item in items:
            message = item["message" if fmt == "rdjson" else "description"]
            assert "@octocat" not in message and "\x1b" not in message, message
    if fmt == "html":
        assert "<img src=x" not in out and "\x1b" not in out


def test_facts_and_align_output_escape_terminal_controls(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    path = tmp_path / "osc\x1b]0;x\x07.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    for args in (["facts", str(path)], ["align", str(path), str(path)]):
        code, out, _ = run_cli(args, capsys)
        assert code == 0 and "\x1b" not in out and "\x07" not in out, out


# -- invisible characters inside numbers --------------------------------------------------

FORMAT_CHARS = ["\u200b", "\u00ad", "\ufeff", "\u2060", "\u200c", "\u200d", "\u034f"]


@pytest.mark.parametrize("ch", FORMAT_CHARS, ids=[f"U+{ord(c):04X}" for c in FORMAT_CHARS])
def test_a_format_character_inside_a_number_hides_no_drift(ch: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    left = tmp_path / "a.txt"
    right = tmp_path / "b.txt"
    left.write_text("Xは1日あたり2億5000万人のアクティブユーザーを抱える。\n", encoding="utf-8")
    right.write_text(f"Xは1日あたり7{ch}000万人のアクティブユーザーを抱える。\n", encoding="utf-8")
    code, out, _ = run_cli(["check", str(left), str(right), "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 1
    [finding] = [f for f in report["findings"] if f["rule"] == "number-mismatch"]
    text = right.read_text(encoding="utf-8")
    loc = finding["right"]
    assert loc["value"] == 70_000_000
    assert text[loc["start"]:loc["end"]] == loc["text"] == f"7{ch}000万人"


# -- scale: dense numerals, big baselines ----------------------------------------------------


def test_dense_numerals_are_data_not_facts() -> None:
    """2 MB of 1,1,1,… (``benchmarks.abuse`` times it: 30 s for 200 KB before)."""
    line = ",".join(["1"] * 9_999)
    doc = parse_document("\n".join([line] * 104) + "\n", "dense.txt")
    assert len(doc.text) > 2_000_000
    assert extract_facts(doc) == []
    # a short list in prose is still read
    prose = parse_document("出荷台数は1,200台、3,400台、5,600台と伸びた。\n", "p.txt", lang="ja")
    assert [f.text for f in extract_facts(prose)] == ["1,200台", "3,400台", "5,600台"]


def test_a_baseline_of_200_pairs_round_trips(tmp_path: Path) -> None:
    """Over the 2 MiB input limit before (indented: 3.5 MB for 200 Ejaaz pairs); now one
    entry a line and a limit of its own."""
    entries = [Entry(f"{k:04d}{j:028x}", "missing-fact",
                     "350億ドル: only in the right version, not in the aligned left text",
                     f"pairs/p{k:03d}/bitpush.ja.txt", f"pairs/p{k:03d}/techflow.ja.txt",
                     f"pairs/p{k:03d}", "info") for k in range(200) for j in range(54)]
    path = tmp_path / "baseline.json"
    write_baseline(str(path), entries)
    back = read_baseline(str(path))
    assert back.entries == sorted(entries, key=lambda e: (e.pair or "", e.left, e.right, e.id))
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(entries) + 3


# -- Ctrl-C and kill -9 under load ---------------------------------------------------------


def many_pairs(tmp: Path, n: int) -> Path:
    for k in range(n):
        folder = tmp / "pairs" / f"p{k:03d}"
        folder.mkdir(parents=True)
        for name in ("bitpush.ja.txt", "techflow.ja.txt", "pair.toml"):
            shutil.copy(ROOT / "pairs" / "ejaaz-grok5" / name, folder / name)
    return tmp


def start_run(cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "run", "pairs", "-j", "2"],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    return proc


def children(pid: int, wait: float = 60.0) -> list[int]:
    """The worker processes of ``pid``, once it has started two."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        found = [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                text=True, check=False).stdout.split()]
        if len(found) >= 2:
            return found
        time.sleep(0.1)
    return []


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


needs_proc = pytest.mark.skipif(not sys.platform.startswith("linux")
                                or shutil.which("pgrep") is None, reason="Linux /proc and pgrep")


@needs_proc
def test_ctrl_c_stops_a_long_run_at_once(tmp_path: Path) -> None:
    """200 pairs take minutes; Ctrl-C (SIGINT to the process group, as a terminal sends it)
    must not wait for the queue to drain (it took 60–67 s)."""
    proc = start_run(many_pairs(tmp_path, 200))
    try:
        workers = children(proc.pid)
        assert workers, "the run started no workers"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    # click ends the ^C line the terminal echoed, then the one message
    assert [line for line in err.decode().splitlines() if line] == ["transcheck: aborted"]
    time.sleep(0.5)
    assert not [w for w in workers if alive(w)]


@needs_proc
def test_no_worker_outlives_a_killed_parent(tmp_path: Path) -> None:
    proc = start_run(many_pairs(tmp_path, 20))
    workers = children(proc.pid)
    assert workers, "the run started no workers"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert left == []


@needs_proc
def test_stdout_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run([sys.executable, "-m", "transcheck", "check", str(LEFT), str(RIGHT)],
                              cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr == ("transcheck: error: standard output: cannot write: "
                           "No space left on device\n")


def test_a_device_is_written_in_place_never_replaced(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    if not os.path.exists(os.devnull) or not os.access(os.devnull, os.W_OK):
        pytest.skip("no writable /dev/null")
    code, _, err = run_cli(["check", str(LEFT), str(RIGHT), "-o", os.devnull], capsys)
    assert code in (0, 1) and err == ""
    assert not os.path.isfile(os.devnull)  # still a device, not a regular file
    assert not [p for p in os.listdir(os.path.dirname(os.devnull)) if p.startswith(".transcheck-")]
