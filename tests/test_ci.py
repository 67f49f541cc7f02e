"""The editorial CI as documented: the pre-commit hook and the GitHub Actions workflow run.

The hook is tried the way pre-commit's own docs suggest, ``pre-commit try-repo`` on a scratch
repository (pre-commit builds the hook's environment: about a minute the first time). The
workflow's install step is run as written, pointed at this repository and its HEAD commit
through a ``file://`` URL, and its other steps' commands are run in a scratch repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EJAAZ, FIXTURES, ROOT, run_cli


def _scratch_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "editorial"
    (repo / "pairs").mkdir(parents=True)
    shutil.copytree(EJAAZ, repo / "pairs" / "ejaaz-grok5")
    shutil.copytree(FIXTURES / "runs" / "suppress", repo / "pairs" / "suppress")
    (repo / "notes.txt").write_text("取材メモ: 2億5000万人?\n", encoding="utf-8")
    return repo


def _git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout


# `run FILE...`, as the hook calls it


def test_changed_files_check_only_their_pair_folders(tmp_path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    repo = _scratch_repo(tmp_path)
    monkeypatch.chdir(repo)
    assert run_cli(["run", "notes.txt"], capsys)[:2] == (0, "")  # in no pair folder
    code, out, _ = run_cli(["run", "notes.txt", "pairs/suppress/revised.ja.md"], capsys)
    assert code == 0 and re.findall(r"^══ (\S+)", out, re.M) == ["pairs/suppress"]
    code, out, _ = run_cli(["run", "pairs/ejaaz-grok5/pair.toml"], capsys)
    assert code == 1 and re.findall(r"^══ (\S+)", out, re.M) == ["pairs/ejaaz-grok5"]
    (repo / "transcheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    code, out, _ = run_cli(["run", "transcheck.toml"], capsys)  # the policy: every pair
    assert code == 1
    assert re.findall(r"^══ (\S+)", out, re.M) == ["pairs/ejaaz-grok5", "pairs/suppress"]


def test_the_hook_files_pattern() -> None:
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    pattern = re.compile(hook["files"])
    for name in ("pairs/a/pair.toml", "pairs/a/x.ja.md", "pairs/a/x.ja.txt", "transcheck.toml",
                 "pyproject.toml", "transcheck-baseline.json"):
        assert pattern.search(name), name
    for name in ("src/app.py", "data/report.json", "pairs/a/image.png", "pair.toml.bak"):
        assert not pattern.search(name), name


def test_pre_commit_try_repo_on_a_scratch_repository(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = _scratch_repo(tmp_path)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "articles")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    (repo / "notes.txt").write_text("取材メモ: 7000万人?\n", encoding="utf-8")
    (repo / "pairs" / "ejaaz-grok5" / "techflow.ja.txt").open("a", encoding="utf-8").write(
        "追記。\n")
    _git(repo, "add", "-A")
    # one try-repo (it builds the hook's environment each time): the unrelated notes.txt
    # adds no pair; the changed version checks its own folder, not pairs/suppress
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                           "transcheck", "--verbose", "--files", "notes.txt",
                           "pairs/ejaaz-grok5/techflow.ja.txt"],
                          cwd=repo, env=env, capture_output=True, text=True, check=False,
                          timeout=900)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "transcheck (drift between translations)" in proc.stdout and "Failed" in proc.stdout
    assert "══ pairs/ejaaz-grok5" in proc.stdout and "pairs/suppress" not in proc.stdout
    assert "number-mismatch" in proc.stdout


def test_the_workflow_installs_and_runs_as_written(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text("utf-8"))
    steps = workflow["jobs"]["transcheck"]["steps"]
    install = next(s for s in steps if s.get("name") == "Install transcheck")
    sha = _git(ROOT, "rev-parse", "HEAD").strip()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    # the dependencies are in this interpreter already: the new venv sees them through a
    # .pth file, so pip installs transcheck alone, from the commit
    site = subprocess.run([str(bin_dir / "python"), "-c", "import sysconfig; "
                           "print(sysconfig.get_paths()['purelib'])"], check=True,
                          capture_output=True, text=True).stdout.strip()
    Path(site, "outer.pth").write_text(
        "\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n", encoding="utf-8")
    # (and where this interpreter has transcheck installed itself, as .ci/run's does, pip
    # must still install the commit's: it is told to, and to leave the dependencies be)
    env = dict(os.environ, TRANSCHECK_GIT=f"file://{ROOT}", TRANSCHECK_SHA=sha,
               PIP_NO_DEPS="1", PIP_FORCE_REINSTALL="1",
               PATH=os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")]))
    assert install["env"]["TRANSCHECK_SHA"] and install["env"]["TRANSCHECK_GIT"]
    proc = subprocess.run(["bash", "-c", install["run"]], env=env, capture_output=True,
                          text=True, check=False, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert (bin_dir / "transcheck").exists()
    repo = _scratch_repo(tmp_path)
    env = dict(env, GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"),
               TRANSCHECK_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("TRANSCHECK_NO_CACHE", None)  # as in CI: the gate reuses the first run's results
    codes: dict[str, int] = {}
    outputs: dict[str, str] = {}
    for step in steps:
        if "run" not in step or step is install:
            continue
        proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env,
                              capture_output=True, text=True, check=False, timeout=600)
        codes[step["name"]] = proc.returncode
        outputs[step["name"]] = proc.stdout
        assert "Traceback" not in proc.stderr
    # every reporting step succeeds; the gate fails on the Ejaaz pair's drift
    assert codes.pop("Gate") == 1
    assert set(codes.values()) == {0}
    assert (repo / "transcheck.sarif").exists() and (repo / "transcheck.html").exists()
    annotations = outputs["Check"].splitlines()
    assert annotations and all(a.startswith(("::error ", "::warning ")) for a in annotations)
    assert "## transcheck:" in (tmp_path / "summary.md").read_text("utf-8")
