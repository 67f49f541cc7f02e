"""The long fuzz run: the properties of tests/test_fuzz.py on 10,000 generated inputs.

Not part of CI. Every crash (any exception but InputError, or a broken property) is
recorded and the run goes on; at the end it prints the examples run, the crashes found,
and for each distinct crash (exception type and the innermost transcheck frame) the
shortest input that raised it, with its traceback.

    nice python benchmarks/fuzz.py                 # 10,000 examples
    python benchmarks/fuzz.py --examples 500 --huge-digits 400
    python benchmarks/fuzz.py --regex-audit        # time every pattern on hostile runs
    python benchmarks/fuzz.py --detect             # encoding detection on single lines
    python benchmarks/fuzz.py --hostile            # `facts` on lines at the length limit

The regex audit applies every compiled pattern in the package (module globals) to runs of
one hostile piece at two lengths and prints those whose time grows faster than the length
(ratio > 3 for double the length) or that take over 0.2 s: candidates for catastrophic
backtracking, to rewrite or to run with the ``regex`` module's ``timeout=``.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import test_fuzz as fz  # noqa: E402


@dataclass
class Crash:
    kind: str
    where: str
    count: int = 0
    example: str = ""
    trace: str = ""


@dataclass
class Tally:
    examples: int = 0
    crashes: dict[tuple[str, str], Crash] = field(default_factory=dict)

    def record(self, exc: BaseException, example: str) -> None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if "/transcheck/" in f.filename or "test_fuzz" in f.filename]
        where = (f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}"
                 if frames else "?")
        key = (type(exc).__name__, where)
        crash = self.crashes.setdefault(key, Crash(*key))
        crash.count += 1
        if not crash.example or len(example) < len(crash.example):
            crash.example = example
            crash.trace = "".join(traceback.format_exception(exc, limit=-6))


def _guard(tally: Tally, body: Callable[..., None]) -> Callable[..., None]:
    """Run one example, counting it; record a crash instead of stopping the run."""

    def run(*args: Any) -> None:
        tally.examples += 1
        try:
            body(*args)
        except Exception as exc:  # every crash is a finding here
            tally.record(exc, repr(args)[:2000])

    return run


# Pieces repeated into hostile runs; each run is tried bare and with a char that fails.
HOSTILE_PIECES = ["1", "1,", "1.", "1 ", "12,345", "1万", "一", "二十", "万", "約", " ", "\u3000",
                  "a", "A1", "ab ", "-", "〜", "年", "2026年", "第", "Grok ", "v1.", "・", "(",
                  "x ", "、", "。", "|", "#", "*", ">", "`", "<a", "Q1 ", "1/", "1-", "1:",
                  "ドル", "人", "%", "\u200b", "🚀", "1e", "H100 ", "の", "GPT-", "1〜"]


def regex_audit(n: int = 2000) -> int:
    """Time every compiled pattern of the package on hostile runs; print the risky ones."""
    import importlib
    import pkgutil
    import re

    import regex

    import transcheck

    patterns: list[tuple[str, Any]] = []
    for info in pkgutil.walk_packages(transcheck.__path__, "transcheck."):
        if info.name.endswith("__main__"):
            continue  # importing it would run the command line
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:
            print(f"  cannot import {info.name}: {exc}")
            continue
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern | regex.Pattern):
                patterns.append((f"{info.name}.{name}", value))
    print(f"regex audit: {len(patterns)} patterns, runs of {n} and {2 * n} pieces")
    risky = 0
    for qualname, pat in patterns:
        notes = []
        for how, apply in (("match", lambda p, t: p.match(t)),
                           ("finditer", lambda p, t: sum(1 for _ in p.finditer(t)))):
            worst: tuple[float, float, str] = (0.0, 0.0, "")
            for piece in HOSTILE_PIECES:
                for tail in ("", "!", "x1"):
                    times = []
                    for k in (n, 2 * n):
                        text = piece * (k // max(1, len(piece))) + tail
                        t0 = time.perf_counter()
                        apply(pat, text)
                        times.append(time.perf_counter() - t0)
                    if times[1] > worst[1]:
                        worst = (times[0], times[1], f"{piece!r}*k+{tail!r}")
            ratio = worst[1] / max(worst[0], 1e-6)
            if (worst[1] > 0.02 and ratio > 3) or worst[1] > 0.5:
                notes.append(f"{how} {worst[0] * 1000:.1f} -> {worst[1] * 1000:.1f} ms on "
                             f"{worst[2]} (x{ratio:.1f} for twice the length)")
        if notes:
            risky += 1
            print(f"  RISKY {qualname}: {'; '.join(notes)}\n    {pat.pattern[:150]}")
    print(f"regex audit: {risky} risky of {len(patterns)} (match: used at one start; "
          "finditer: used to search a text)")
    return 1 if risky else 0


# Codec families: a detection is right when it lands in the family the bytes were made with.
FAMILY = {"shift_jis": "sjis", "cp932": "sjis", "shift_jis_2004": "sjis", "shift_jisx0213": "sjis",
          "euc_jp": "eucjp", "euc_jis_2004": "eucjp", "euc_jisx0213": "eucjp", "gb2312": "gb",
          "gbk": "gb", "gb18030": "gb", "big5": "big5", "cp950": "big5", "big5hkscs": "big5"}


def detect_accuracy(min_chars: int = 20) -> int:
    """Right codec family per line of the fixtures in their legacy encodings (vs a library)."""
    from transcheck.encoding import decode_bytes
    from transcheck.model import InputError

    try:
        import charset_normalizer
    except ImportError:
        charset_normalizer = None
    fixtures = ROOT / "tests" / "fixtures" / "encodings"
    pairs = ROOT / "pairs" / "ejaaz-grok5"
    sets = [([pairs / "bitpush.ja.txt", pairs / "techflow.ja.txt"],
             ["shift_jis", "cp932", "euc_jp", "gb18030"]),
            ([fixtures / "zh-cn-a.txt", fixtures / "zh-cn-b.txt"], ["gb18030", "gbk", "gb2312"]),
            ([fixtures / "zh-tw-a.txt", fixtures / "zh-tw-b.txt"], ["big5", "cp950", "gb18030"])]
    ours = theirs = lines = 0
    for files, encodings in sets:
        for path in files:
            text = path.read_text(encoding="utf-8").replace("—", "―")
            for enc in encodings:
                for line in text.splitlines():
                    data = line.encode(enc)
                    if len(line) < min_chars or data.isascii():
                        continue
                    lines += 1
                    try:
                        got = decode_bytes(data).encoding
                    except InputError:
                        got = "refused"
                    ours += FAMILY.get(got) == FAMILY[enc]
                    if charset_normalizer is not None:
                        best = charset_normalizer.from_bytes(data).best()
                        theirs += best is not None and FAMILY.get(best.encoding) == FAMILY[enc]
    print(f"encoding detection, lines of {min_chars}+ characters: transcheck {ours}/{lines}"
          + (f", charset-normalizer {charset_normalizer.__version__} {theirs}/{lines}"
             if charset_normalizer is not None else ""))
    return 0


# One line each, just under load.MAX_LINE_CHARS: what a pasted blob can cost `facts`.
HOSTILE_LINES = {
    "version tail": "Grok v" + "1." * 9000 + "x1",
    "kanji numerals 一": "一" * 19000,
    "kanji numerals mixed": "一二三四五六七八九十" * 1900,
    "katakana run": "ドル" * 9000 + "5万人",
    "words and numbers": "word 5 " * 2800,
    "latin run": "a" * 19000 + " 5万人",
    "quantities": "5万人、" * 4000,
    "dates": "2026年1月23日、" * 1700,
}


def hostile_lines(cap: float = 60.0) -> int:
    """Time `facts` on each hostile line in a child process, stopped after ``cap`` seconds."""
    import subprocess

    slow = 0
    for name in HOSTILE_LINES:
        code = ("import sys, time; sys.path.insert(0, sys.argv[1]); "
                "from benchmarks.fuzz import HOSTILE_LINES; "
                "from transcheck.load import parse_document; "
                "from transcheck.facts import extract_facts; "
                "d = parse_document(HOSTILE_LINES[sys.argv[2]], 'h.txt'); "
                "t = time.perf_counter(); n = len(extract_facts(d)); "
                "print(f'{time.perf_counter() - t:.2f} s, {n} facts')")
        try:
            done = subprocess.run([sys.executable, "-c", code, str(ROOT), name], cwd=ROOT,
                                  capture_output=True, text=True, timeout=cap, check=False)
            result = done.stdout.strip() or done.stderr.strip().splitlines()[-1]
            slow += "s," not in result or float(result.split()[0]) > 10
        except subprocess.TimeoutExpired:
            result = f"over {cap:.0f} s (stopped)"
            slow += 1
        print(f"  {name:22} {len(HOSTILE_LINES[name]):6d} chars  {result}", flush=True)
    print(f"hostile lines: {slow} over 10 s of {len(HOSTILE_LINES)}")
    return 1 if slow else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="total examples")
    parser.add_argument("--huge-digits", type=int, default=fz.HUGE_DIGITS,
                        help="longest numeral generated (past ~300 digits: beyond a float)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--regex-audit", action="store_true",
                        help="only time every pattern of the package on hostile runs")
    parser.add_argument("--detect", action="store_true",
                        help="only measure encoding detection on single lines")
    parser.add_argument("--hostile", action="store_true",
                        help="only time `facts` on hostile lines at the length limit")
    args = parser.parse_args()
    if args.hostile:
        return hostile_lines()
    if args.regex_audit:
        return regex_audit()
    if args.detect:
        return detect_accuracy()
    fz.HUGE_DIGITS = args.huge_digits

    tally = Tally()
    shares = {"facts": 0.35, "check": 0.35, "bytes": 0.15, "repo": 0.15}
    started = time.perf_counter()
    common = dict(deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
    if args.seed is not None:
        import random

        random.seed(args.seed)

    facts_body = _guard(tally, fz.run_one_document)
    check_body = _guard(tally, fz.run_pair)
    bytes_body = _guard(tally, fz.run_bytes)
    config_body = _guard(tally, fz.run_config_file)
    invisible_body = _guard(tally, fz.run_invisible)
    escape_body = _guard(tally, fz.run_escapes)

    @settings(max_examples=int(args.examples * shares["facts"]), **common)  # type: ignore[arg-type]
    @given(fz.documents(), st.sampled_from(fz.WHEN),
           st.sampled_from(["auto", "ja", "zh", "en"]))
    def facts(doc: tuple[str, str], when: Any, lang: str) -> None:
        facts_body(doc[0], doc[1], when, lang)

    @settings(max_examples=int(args.examples * shares["check"]), **common)  # type: ignore[arg-type]
    @given(fz.documents(), fz.edits(), st.sampled_from(fz.WHEN))
    def check(left: tuple[str, str], edit: Any, when: Any) -> None:
        check_body(left, edit, when)

    @settings(max_examples=int(args.examples * shares["bytes"]), **common)  # type: ignore[arg-type]
    @given(st.one_of(st.binary(max_size=300), st.tuples(
        fz.plain_texts(), st.sampled_from(["utf-8", "utf-16", "shift_jis", "euc_jp", "gb18030",
                                           "big5", "cp1252"])).map(
        lambda t: t[0].encode(t[1], errors="replace"))))
    def decode(data: bytes) -> None:
        bytes_body(data)

    repo_examples = max(1, int(args.examples * shares["repo"]) // 4)

    @settings(max_examples=repo_examples, **common)  # type: ignore[arg-type]
    @given(st.sampled_from(["pair.toml", "transcheck.toml", "pyproject.toml"]),
           fz.toml_documents())
    def config(kind: str, text: str) -> None:
        config_body(kind, text)

    @settings(max_examples=repo_examples, **common)  # type: ignore[arg-type]
    @given(fz.baseline_documents())
    def baseline(text: str) -> None:
        config_body("baseline.json", text)

    @settings(max_examples=repo_examples, **common)  # type: ignore[arg-type]
    @given(st.integers(10, 10**12).map(str), st.sampled_from(fz.FORMAT_CHARS),
           st.integers(0, 100))
    def invisible(number: str, ch: str, at: int) -> None:
        invisible_body(number, ch, at)

    @settings(max_examples=repo_examples, **common)  # type: ignore[arg-type]
    @given(st.lists(st.one_of(fz.hostile_chars(), st.sampled_from(
        ["`", "``", "\x1b]0;x\x07", "@octocat", "<img>", "\n::error::"])), max_size=40).map(
        "".join))
    def escapes(text: str) -> None:
        escape_body(text)

    for name, prop in (("facts", facts), ("check", check), ("bytes", decode),
                       ("config", config), ("baseline", baseline), ("invisible", invisible),
                       ("escapes", escapes)):
        before, t0 = tally.examples, time.perf_counter()
        prop()
        print(f"{name:6} {tally.examples - before:6d} examples in "
              f"{time.perf_counter() - t0:7.1f} s", flush=True)

    print("long runs (one pattern repeated):")
    for name, text in fz.LONG_RUNS.items():
        t0 = time.perf_counter()
        try:
            tally.examples += 1
            fz.run_one_document(text, "runs.txt", None, "auto")
            status = "ok"
        except Exception as exc:
            tally.record(exc, f"LONG_RUNS[{name!r}]")
            status = type(exc).__name__
        print(f"  {name:18} {len(text):6d} chars {time.perf_counter() - t0:6.2f} s  {status}")

    total = sum(c.count for c in tally.crashes.values())
    print(f"\nexamples run: {tally.examples}")
    print(f"crashes found: {total} ({len(tally.crashes)} distinct)")
    print(f"time: {time.perf_counter() - started:.1f} s")
    for crash in tally.crashes.values():
        print(f"\n--- {crash.kind} at {crash.where} ({crash.count}x)\nshortest input: "
              f"{crash.example}\n{crash.trace}")
    return 1 if tally.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
