"""The abuse matrix of tests/test_abuse.py run for real, in subprocesses, with counts.

Prints: cases run; tracebacks (any stderr holding one, or an error not on one line);
path escapes (a report, in any format, holding the text of a file outside the repository);
seconds from Ctrl-C to exit on ``run`` over 200 pairs; workers left alive after kill -9 of
``run`` (ten times); the CPU time of ``facts`` on 2 MB of ``1,1,1,…``.

    python -m benchmarks.abuse
    python -m benchmarks.abuse --root /tmp/old-checkout   # the same cases on other code
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import test_abuse as ab  # noqa: E402


def cli(root: Path, args: list[str], cwd: Path, timeout: float = 300
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", "transcheck", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def broken(done: subprocess.CompletedProcess[str]) -> bool:
    """A traceback, or an error that is not one line with exit 2."""
    if "Traceback" in done.stderr or done.returncode not in (0, 1, 2):
        return True
    return done.returncode == 2 and len([x for x in done.stderr.splitlines()
                                         if x.startswith("transcheck: error")]) == 0


def matrix(root: Path) -> tuple[int, int, int, int]:
    """Cases, tracebacks, path escapes, cases whose promise is not kept."""
    cases = tracebacks = escapes = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, case in enumerate(ab.CASES):
            where = Path(tmp) / f"c{k}"
            where.mkdir()
            repo = ab.build(where, case)
            args = [*case.args, "-j", "1"] if case.args[0] in ("run", "baseline") \
                else list(case.args)
            done = cli(root, args, repo)
            cases += 1
            tracebacks += broken(done)
            escapes += ab.SECRET in done.stdout + done.stderr
            ok = (done.returncode in (0, 1)) if case.expect is None else (
                done.returncode == 2 and case.expect in done.stderr)
            failed += not ok
        for fmt in ab.FORMATS:  # every way out at once, in every format
            where = Path(tmp) / f"out-{fmt}"
            where.mkdir()
            repo = ab.make_repo(where, ab.versions('file = "a.ja.txt"',
                                                   'file = "../../../secret.txt"'))
            p2 = repo / "pairs" / "p2"
            shutil.copytree(repo / "pairs" / "p1", p2)
            (p2 / "pair.toml").write_text(ab.versions(
                'file = "a.ja.txt"', f'file = "{where}/secret.txt"'), encoding="utf-8")
            ab._link_folder_out(repo)
            done = cli(root, ["run", "pairs", "-j", "1", "--format", fmt], repo)
            cases += 1
            tracebacks += broken(done)
            escapes += ab.SECRET in done.stdout + done.stderr
    return cases, tracebacks, escapes, failed


def workers_of(pid: int, wait: float = 60) -> list[int]:
    return ab.children(pid, wait)


def ctrl_c(root: Path, pairs: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "run", "pairs", "-j", "2"],
                            cwd=pairs, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    workers_of(proc.pid)
    time.sleep(1.0)
    start = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait(600)
    return time.monotonic() - start


def orphans(root: Path, pairs: Path, runs: int = 10) -> tuple[int, int]:
    """Workers started and workers still alive 2 s after their parent was killed -9."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    started = left = 0
    for _ in range(runs):
        proc = subprocess.Popen([sys.executable, "-m", "transcheck", "run", "pairs", "-j", "2"],
                                cwd=pairs, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        workers = workers_of(proc.pid)
        time.sleep(0.5)
        proc.kill()
        proc.wait()
        time.sleep(2.0)
        alive = [w for w in workers if ab.alive(w)]
        started += len(workers)
        left += len(alive)
        for w in alive:  # ours to clean up
            os.kill(w, signal.SIGKILL)
    return started, left


def dense(root: Path, size: int) -> tuple[float, float]:
    """Wall and user CPU seconds of `facts` on ``size`` bytes of 1,1,1,…"""
    with tempfile.TemporaryDirectory() as tmp:
        line = ",".join(["1"] * 9_999)
        path = Path(tmp) / "dense.txt"
        path.write_text("\n".join([line] * max(1, size // 20_000)) + "\n", encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        start = time.monotonic()
        cli(root, ["facts", str(path)], Path(tmp), timeout=3600)
        wall = time.monotonic() - start
        return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="The checkout whose transcheck is run (default: this one).")
    parser.add_argument("--dense-bytes", type=int, default=2_000_000)
    args = parser.parse_args()
    cases, tracebacks, escapes, failed = matrix(args.root)
    print(f"matrix: {cases} cases, {tracebacks} tracebacks, {escapes} path escapes, "
          f"{failed} promises not kept", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        pairs = ab.many_pairs(Path(tmp), 200)
        print(f"Ctrl-C on run over 200 pairs: exit after {ctrl_c(args.root, pairs):.2f} s",
              flush=True)
        started, left = orphans(args.root, pairs)
        print(f"kill -9 of run, ten times: {left} of {started} workers left alive", flush=True)
    wall, user = dense(args.root, args.dense_bytes)
    print(f"facts on {args.dense_bytes:,} bytes of 1,1,1,…: {wall:.2f} s wall, {user:.2f} s user")


if __name__ == "__main__":
    main()
