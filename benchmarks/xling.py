"""Cross-language alignment: Japanese or Chinese versions against their English source.

Real human translations of the WMT22 general test, joined into texts of 60 or more
sentences and given a known link structure (1-1, 2-1, 1-2, one-sided), read from
../shared/bench/xling (outside the repository; see its README). Each text is aligned as
``transcheck align`` aligns it (units, facts, then the links) and scored with the strict
and lax F1 of Text+Berg, per set and pooled, for each half of the texts: half A (the
texts at even places in name order) is the one constants may be tuned on, half B (odd
places) is only measured. Then the time of each signal per 1,000 units.

    python -m benchmarks.xling [DIR] [--core | --extra | --both] [--quiet] [--no-times]
    python -m benchmarks.xling --long=1000   # a 1 MB pair a side, timed (TRANSCHECK_ENCODER)

``--core`` aligns without the sentence encoder even where it is installed, ``--extra``
with it (an error where it is missing); ``--both`` (the default) runs both when it can.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transcheck.align.evaluate import Counts, Pair, read_textberg_gold
from transcheck.check import align_documents, read_facts
from transcheck.load import load_document
from transcheck.model import Document

# ../shared beside the repository (a worktree may sit one folder deeper)
DEFAULT = next((p / "shared" / "bench" / "xling" for p in Path(__file__).resolve().parents[1:]
                if (p / "shared" / "bench" / "xling").is_dir()),
               Path(__file__).resolve().parents[2] / "shared" / "bench" / "xling")
SETS = ("en-ja", "ja-en", "en-zh", "ja-zh", "en-ja-para", "en-zh-para")
ENCODER_ENV = "TRANSCHECK_ENCODER"


def texts(folder: Path) -> Iterator[tuple[str, str, Path]]:
    """(half, name, stem) of each text of a set, in name order."""
    stems = sorted(p.name[: -len(".gold")] for p in folder.glob("*.gold"))
    for k, stem in enumerate(stems):
        yield ("A" if k % 2 == 0 else "B"), stem, folder / stem


def load(stem: Path, langs: tuple[str, str]) -> tuple[Document, Document, list[Pair]]:
    left = load_document(f"{stem}.L.txt", lang=langs[0])
    right = load_document(f"{stem}.R.txt", lang=langs[1])
    gold = read_textberg_gold(Path(f"{stem}.gold").read_text(encoding="utf-8"))
    return left, right, gold


def set_langs(folder: Path) -> tuple[str, str]:
    a, b = (folder / "LANGS").read_text(encoding="utf-8").split()[0].split("-")
    return a, b


def evaluate(root: Path, quiet: bool) -> dict[str, dict[str, Counts]]:
    """Counts per set and half ("A", "B", "all")."""
    out: dict[str, dict[str, Counts]] = {}
    for name in SETS:
        folder = root / name
        if not folder.is_dir():
            continue
        langs = set_langs(folder)
        halves = {"A": Counts(), "B": Counts(), "all": Counts()}
        took = 0.0
        units = 0
        for half, text, stem in texts(folder):
            left, right, gold = load(stem, langs)
            start = time.process_time()
            links = align_documents(left, right, *read_facts(left, right))
            took += time.process_time() - start
            units += len(left.units) + len(right.units)
            test = [(link.left, link.right) for link in links]
            halves[half].add(gold, test)
            halves["all"].add(gold, test)
            if not quiet:
                one = Counts()
                one.add(gold, test)
                print(f"  {name:<10} {half} {text[:44]:<44} {len(left.units):4d} × "
                      f"{len(right.units):4d}  strict {one.f1():.3f}  lax {one.f1(True):.3f}")
        out[name] = halves
        print(f"{name:<10} strict F1 A {halves['A'].f1():.3f}  B {halves['B'].f1():.3f}"
              f"  all {halves['all'].f1():.3f}   lax all {halves['all'].f1(True):.3f}"
              f"   ({units} units, {took:.1f} s CPU, facts and links)", flush=True)
    return out


def pooled(results: dict[str, dict[str, Counts]]) -> None:
    for half in ("A", "B", "all"):
        total = Counts()
        for halves in results.values():
            c = halves[half]
            for k in range(4):
                total.strict[k] += c.strict[k]
                total.lax[k] += c.lax[k]
        print(f"pooled {half:<3}  strict F1 {total.f1():.3f}  lax F1 {total.f1(True):.3f}")


def signal_times(root: Path) -> None:
    """CPU time of each signal per 1,000 units, over every unit of the sets."""
    from transcheck.align import xling
    from transcheck.facts import extract_facts

    docs: list[Document] = []
    for name in SETS:
        folder = root / name
        if folder.is_dir():
            langs = set_langs(folder)
            for _, _, stem in texts(folder):
                left, right, _ = load(stem, langs)
                docs += [left, right]
    n = sum(len(d.units) for d in docs)
    timings: list[tuple[str, float]] = []
    start = time.process_time()
    for d in docs:
        xling.unit_lengths([u.text for u in d.units], d.lang)
    timings.append(("length", time.process_time() - start))
    start = time.process_time()
    for d in docs:
        extract_facts(d)
    timings.append(("facts (numbers, units, dates, names)", time.process_time() - start))
    start = time.process_time()
    for d in docs:
        xling.unit_words([u.text for u in d.units], d.lang)
    timings.append(("Latin tokens and loanwords", time.process_time() - start))
    if xling.encoder_available():
        xling.embed(["warm up"], "en")  # loading the model is timed apart
        start = time.process_time()
        wall = time.perf_counter()
        for d in docs:
            xling.embed([u.text for u in d.units], d.lang)
        timings.append(("sentence encoder", time.process_time() - start))
        print(f"(encoder wall time {1000 * (time.perf_counter() - wall) / n:.3f} s per 1,000"
              " units)")
    for what, secs in timings:
        print(f"{what:<40} {1000 * secs / n:7.3f} s CPU per 1,000 units  ({n} units)")


def long_pair(root: Path, kb: int, jobs: int) -> None:
    """Time ``check``'s reading and alignment of a long pair: the en-ja texts joined, over
    and over, until the larger side has ``kb`` KB (UTF-8), in ``jobs`` processes."""
    import tempfile

    from transcheck.align import xling

    folder = root / "en-ja"
    stems = [stem for _, _, stem in texts(folder)]
    sides: list[list[str]] = [[], []]
    size = 0  # of the larger side: the same texts on both sides, so the pair stays parallel
    while size < kb * 1024:
        for stem in stems:
            for k, suffix in enumerate((".L.txt", ".R.txt")):
                sides[k].append(Path(f"{stem}{suffix}").read_text(encoding="utf-8"))
            size = max(len("".join(side).encode("utf-8")) for side in sides)
            if size >= kb * 1024:
                break
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, name in enumerate(("left.ja.txt", "right.en.txt")):
            path = Path(tmp) / name
            path.write_text("".join(sides[k]), encoding="utf-8")
            paths.append(str(path))
        left = load_document(paths[0], lang="ja")
        right = load_document(paths[1], lang="en")
        wall, cpu = time.perf_counter(), time.process_time()
        facts = read_facts(left, right, jobs)
        read = time.perf_counter() - wall
        links = align_documents(left, right, *facts, jobs)
        print(f"{kb} KB a side ({len(left.units)} × {len(right.units)} units, {jobs} jobs,"
              f" {'with' if xling.encoder_available() else 'without'} the encoder):"
              f" {time.perf_counter() - wall:.1f} s, of which facts {read:.1f} s;"
              f" {time.process_time() - cpu:.1f} s CPU in this process; {len(links)} links",
              flush=True)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    root = Path(args[0]) if args else DEFAULT
    if not root.is_dir():
        sys.exit(f"no cross-language sets at {root}")
    quiet = "--quiet" in flags
    sizes = [a.split("=", 1)[1] for a in flags if a.startswith("--long=")]
    if sizes:
        from transcheck.workers import usable_cpus

        for kb in sizes[0].split(","):
            long_pair(root, int(kb), usable_cpus())
        return
    modes = ["core", "extra"]
    if "--core" in flags:
        modes = ["core"]
    elif "--extra" in flags:
        modes = ["extra"]
    for mode in modes:
        os.environ[ENCODER_ENV] = "off" if mode == "core" else "on"
        if mode == "extra":
            try:
                from transcheck.align import xling
            except ImportError:
                print("(no transcheck.align.xling: the alignment has no cross-language path)")
                return
            if not xling.encoder_available():
                if "--extra" in flags:
                    sys.exit("the sentence encoder is not installed: pip install "
                             "'transcheck[xling]'")
                print("(the sentence encoder is not installed: no figures with the extra)")
                break
        print(f"== {mode} ({'without' if mode == 'core' else 'with'} the sentence encoder)")
        pooled(evaluate(root, quiet))
    if "--no-times" not in flags:
        os.environ[ENCODER_ENV] = "on"
        signal_times(root)


if __name__ == "__main__":
    main()
