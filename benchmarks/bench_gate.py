"""The pre-publish gate on 30 pairs: ``run`` cold and from the cache, and what it writes.

    python -m benchmarks.bench_gate

Builds 28 pair folders (30 pairs) in a temporary directory from the pairs the repository has: 20
copies of the Ejaaz pair, the three-version folder of the tests (3 pairs), the suppression
pair, and six short news pairs of ``tests/fixtures/texts`` (Tesla, BTC, Solana and the
Chinese times pairs; the English Nvidia report against its Japanese and Chinese
versions). Then runs the command line as a user would, in a fresh process each time:
``run`` with an empty cache, twice more with the cache warm, once with ``--no-cache``;
and prints the wall and CPU time of each, the size of the Markdown comment, the lines of
``--format github`` and the size of the HTML page.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "fixtures" / "texts"


def make_pairs(top: Path) -> int:
    """28 pair folders under ``top``; returns how many pairs they hold (30)."""
    for k in range(1, 21):
        shutil.copytree(ROOT / "pairs" / "ejaaz-grok5", top / f"ejaaz-{k:02}")
    shutil.copytree(ROOT / "tests" / "fixtures" / "runs" / "three", top / "three")
    shutil.copytree(ROOT / "tests" / "fixtures" / "runs" / "suppress", top / "suppress")
    pairs = [(name, f"{name}.a.zh.txt" if name != "solana" else "solana.a.ja.txt",
              f"{name}.b.zh.txt" if name != "solana" else "solana.b.ja.txt")
             for name in ("tesla", "btc", "solana", "times")]
    pairs += [(f"nvidia-{lang}", "nvidia.en.md", f"nvidia.{lang}.md") for lang in ("ja", "zh")]
    for name, left, right in pairs:
        folder = top / name
        folder.mkdir()
        for file in (left, right):
            shutil.copy(TEXTS / file, folder / file)
        (folder / "pair.toml").write_text(
            f'title = "{name}"\n[[version]]\nfile = "{left}"\n[[version]]\nfile = "{right}"\n',
            encoding="utf-8")
    return 20 + 3 + 1 + len(pairs)


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its workers) and standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "transcheck", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"transcheck {' '.join(args)}: exit {done.returncode}: {done.stderr}")
    return wall, cpu, done.stdout


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="transcheck-gate-") as tmp:
        work = Path(tmp)
        n = make_pairs(work / "pairs")
        env = dict(os.environ, PYTHONPATH=str(ROOT), TRANSCHECK_CACHE_DIR=str(work / "cache"),
                   XDG_CONFIG_HOME=str(work / "config"), NO_COLOR="1")
        env.pop("TRANSCHECK_NO_CACHE", None)
        env.pop("TRANSCHECK_CACHE_KEY", None)
        print(f"{n} pairs in {len(list((work / 'pairs').iterdir()))} folders")
        for name in ("cold cache", "warm cache", "warm cache", "--no-cache"):
            extra = ["--no-cache"] if name == "--no-cache" else []
            wall, cpu, _ = timed(["run", "-o", str(work / "r.json"), *extra], work, env)
            print(f"run, {name:<10}: {wall:6.2f} s wall, {cpu:6.2f} s CPU")
        _, _, md = timed(["run", "--format", "markdown"], work, env)
        _, _, gh = timed(["run", "--format", "github"], work, env)
        _, _, gh_all = timed(["run", "--format", "github", "--min-severity", "info"], work, env)
        _, _, html = timed(["run", "--format", "html"], work, env)
        print(f"markdown: {len(md):,} characters; github: {len(gh.splitlines()):,} lines "
              f"({len(gh_all.splitlines()):,} with --min-severity info); "
              f"html: {len(html.encode()):,} bytes")
        wall, cpu, _ = timed(["--version"], work, env)
        print(f"--version: {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
