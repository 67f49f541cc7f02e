"""Running over pair folders: find every ``pair.toml``, check each pair of versions, finish.

``transcheck run pairs/`` is the pre-publish gate of an editorial repository. Each folder
with a ``pair.toml`` holds the versions of one article; a folder with three versions
yields three pairs (every combination). Pairs are checked in worker processes, and the
results come back in a fixed order (folders sorted, combinations in ``pair.toml`` order)
so that two runs print the same report.

After a pair is checked, its findings go through the same post-processing as ``check``'s:
inline suppression comments, then the config (disabled rules, severities, ignored
messages), then the baseline.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass, field, replace
from datetime import date

from .align import MAX_SPAN
from .baseline import Baseline, Entry, filter_baseline
from .cache import ResultCache
from .check import check_documents
from .config import Config, apply_config
from .load import load_document
from .model import SEVERITIES, Document, InputError, Report
from .pairs import PAIR_FILE, Pair, Version, inside, pair_for, read_pair, repository_root
from .suppress import apply_suppressions
from .table import FactTable, TableVersion, build_table
from .workers import worker_pool

FAIL_ON_DEFAULT = "error"


@dataclass(frozen=True, slots=True)
class Options:
    """How versions are loaded: the command line's options and the config's defaults."""

    lang: str = "auto"
    when: date | None = None
    encoding: str | None = None
    default_lang: str | None = None  # from the config, below pair.toml and --lang
    default_date: date | None = None  # from the config: below the dates of the versions
    allow_outside: bool = False  # version files may lie outside their repository
    cache_dir: str | None = None  # where results are cached (see transcheck.cache); None: not


@dataclass(frozen=True, slots=True)
class Task:
    """One pair of versions to check."""

    index: int
    folder: str
    title: str | None
    left: Version
    right: Version
    pair_date: date | None = None
    source: str | None = None  # the folder's source version, if pair.toml names one


@dataclass(slots=True)
class PairResult:
    """What one pair came to: a report, or the input error that stopped it."""

    left_path: str
    right_path: str
    folder: str | None = None
    title: str | None = None
    left_label: str | None = None
    right_label: str | None = None
    report: Report | None = None
    error: str | None = None
    stale: list[Entry] = field(default_factory=list)  # baseline entries no longer found
    hidden: int = 0  # findings hidden by the baseline
    suppressed: int = 0  # findings silenced by inline comments
    not_shown: dict[str, int] = field(default_factory=dict)  # severity → findings below
    # the report's minimum severity, left out of the output (they still set the exit code)

    @property
    def name(self) -> str:
        """A short name for headers: the folder, or the two files."""
        if self.folder:
            return self.folder
        return f"{self.left_path} ↔ {self.right_path}"

    def exit_code(self, fail_on: str) -> int:
        if self.error is not None:
            return 2
        if self.report is None or fail_on == "never":
            return 0
        order: tuple[str, ...] = SEVERITIES
        return int(any(order.index(f.severity) <= order.index(fail_on)
                       for f in self.report.findings))


@dataclass(slots=True)
class RunResult:
    """All pairs of a run, in order, and baseline entries of pairs that no longer exist."""

    pairs: list[PairResult]
    stale: list[Entry] = field(default_factory=list)
    tables: dict[str, FactTable] = field(default_factory=dict)  # folder → its fact table

    def exit_code(self, fail_on: str) -> int:
        return max((p.exit_code(fail_on) for p in self.pairs), default=0)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {s: 0 for s in SEVERITIES}
        for p in self.pairs:
            if p.report is not None:
                for f in p.report.findings:
                    counts[f.severity] += 1
        return counts


def load_version(path: str, options: Options, pair: Pair | None = None,
                 version: Version | None = None, data: bytes | None = None) -> Document:
    """Load a version: --date and --lang first, then pair.toml, front matter, the config.
    ``data`` is the version's bytes when they come from standard input, ``path`` its name."""
    if pair is None:
        found = pair_for(path)
        if found:
            pair, version = found
    when, source = options.when, ("option" if options.when else None)
    lang, encoding = options.lang, options.encoding
    if pair is not None and when is None and pair.date is not None:
        when, source = pair.date, "pair.toml"
    if version is not None:
        if lang == "auto" and version.lang != "auto":
            lang = version.lang
        encoding = encoding or version.encoding
    if lang == "auto" and options.default_lang:
        lang = options.default_lang
    doc = load_document(path, lang=lang, when=when, date_source=source, encoding=encoding,
                        data=data)
    if doc.date is None and options.default_date is not None:
        doc.date, doc.date_source = options.default_date, "config"
    return doc


def find_pair_folders(dirs: Sequence[str], config: Config | None = None) -> list[str]:
    """Every folder holding a pair.toml under the given folders, sorted, hidden ones skipped."""
    return walk_pairs(dirs, config)[0]


def walk_pairs(dirs: Sequence[str], config: Config | None = None, allow_outside: bool = False
               ) -> tuple[list[str], list[PairResult]]:
    """Pair folders under ``dirs`` (sorted, hidden ones skipped), and results for those that
    are symbolic links out of the repository: reported, not followed and not skipped in
    silence. Links that stay inside are followed, each real folder once."""
    seen: set[str] = set()
    found: list[str] = []
    refused: list[PairResult] = []
    for top in dirs:
        if not os.path.exists(top):
            raise InputError(f"{top}: no such folder")
        if not os.path.isdir(top):
            raise InputError(f"{top}: not a folder (give the folder holding {PAIR_FILE})")
        root = repository_root(top)
        walked: set[str] = set()
        for here, subdirs, files in os.walk(top, followlinks=True):
            real_here = os.path.realpath(here)
            if real_here in walked:  # a link back to a folder already walked
                subdirs[:] = []
                continue
            walked.add(real_here)
            kept = []
            for d in sorted(d for d in subdirs if not d.startswith(".")):
                sub = os.path.join(here, d)
                if os.path.islink(sub) and not allow_outside and not inside(sub, root):
                    if os.path.isfile(os.path.join(sub, PAIR_FILE)):
                        refused.append(_refused_link(sub, root))
                    continue
                kept.append(d)
            subdirs[:] = kept
            if config is not None and config.ignores_path(here) and here != top:
                subdirs[:] = []
                continue
            if PAIR_FILE in files and real_here not in seen:
                seen.add(real_here)
                found.append(os.path.normpath(here))
    return found, refused


def _refused_link(folder: str, root: str) -> PairResult:
    target = os.path.realpath(folder)
    return PairResult(os.path.join(folder, PAIR_FILE), "", folder=os.path.normpath(folder),
                      error=f"{folder}: a symbolic link to a folder outside the repository "
                            f"({target}); not followed (pass --allow-outside to check it)")


POLICY_FILES = ("transcheck.toml", "pyproject.toml")


def folder_of(path: str) -> str | None:
    """The pair folder a file belongs to: the nearest folder above it holding a pair.toml,
    looked for no higher than the working directory (or the file's own folder when it lies
    outside it)."""
    here = os.path.dirname(os.path.abspath(path))
    top = os.getcwd()
    inside = os.path.commonpath([here, top]) == top
    while True:
        if os.path.isfile(os.path.join(here, PAIR_FILE)):
            return os.path.relpath(here) if inside else here
        if not inside or here == top or os.path.dirname(here) == here:
            return None
        here = os.path.dirname(here)


def changed_targets(paths: Sequence[str], config: Config | None = None
                    ) -> tuple[list[str], bool]:
    """What ``run FILE...`` (a pre-commit hook's changed files) should check: the pair
    folders holding those files, and whether a policy file (the config, pyproject.toml, the
    baseline) changed, which puts every pair back in question. Other files are left out."""
    folders: list[str] = []
    everything = False
    baseline = os.path.abspath(os.path.join(config.root, config.baseline)) \
        if config is not None and config.baseline else None
    for path in paths:
        if os.path.basename(path) in POLICY_FILES or os.path.abspath(path) == baseline:
            everything = True
            continue
        folder = folder_of(path)
        if folder is not None and folder not in folders:
            folders.append(folder)
    return folders, everything


def plan(folders: Sequence[str], config: Config | None = None, allow_outside: bool = False
         ) -> tuple[list[Task], list[PairResult]]:
    """Tasks for every pair of versions, and results for folders that cannot be read."""
    tasks: list[Task] = []
    broken: list[PairResult] = []
    for folder in folders:
        try:
            pair = read_pair(folder, allow_outside=allow_outside)
        except InputError as exc:
            broken.append(PairResult(os.path.join(folder, PAIR_FILE), "", folder=folder,
                                     error=str(exc)))
            continue
        versions = [v for v in pair.versions
                    if config is None or not config.ignores_path(v.path)]
        if len(versions) < 2:
            if len(versions) == len(pair.versions):
                broken.append(PairResult(os.path.join(folder, PAIR_FILE), "", folder=folder,
                                         title=pair.title,
                                         error=f"{os.path.join(folder, PAIR_FILE)}: needs at "
                                               f"least two [[version]] entries"))
            continue
        for left, right in itertools.combinations(versions, 2):
            tasks.append(Task(len(tasks), folder, pair.title, left, right, pair.date,
                              pair.source))
    return tasks, broken


def check_cached(left: Document, right: Document, cache_dir: str | None, jobs: int = 1,
                 max_span: int = MAX_SPAN,
                 progress: Callable[[int, str], None] | None = None) -> Report:
    """``check_documents``, through the result cache in ``cache_dir`` (None: no cache)."""
    store = ResultCache.open(cache_dir) if cache_dir else None
    if store is not None and (hit := store.get(left, right, max_span)) is not None:
        return hit
    report = check_documents(left, right, jobs, max_span, progress)
    if store is not None:
        store.put(left, right, max_span, report)
    return report


def prune_cache(cache_dir: str | None) -> None:
    """After a run: entries of pairs long unchecked go."""
    store = ResultCache.open(cache_dir) if cache_dir else None
    if store is not None:
        store.prune()


def check_task(task: Task, options: Options, jobs: int = 1) -> PairResult:
    """Load and check one pair (runs in a worker process); input errors become results.
    ``jobs`` bounds the processes a long pair's alignment may use."""
    result = PairResult(task.left.path, task.right.path, folder=task.folder, title=task.title,
                        left_label=task.left.label, right_label=task.right.label)
    pair = Pair(task.folder, task.title, task.pair_date, [task.left, task.right])
    try:
        result.report = check_cached(load_version(task.left.path, options, pair, task.left),
                                     load_version(task.right.path, options, pair, task.right),
                                     options.cache_dir, jobs)
    except InputError as exc:
        result.error = str(exc)
    return result


def finish(result: PairResult, config: Config | None = None,
           baseline: Baseline | None = None) -> PairResult:
    """Post-process a checked pair: inline suppressions, then the config, then the baseline."""
    report = result.report
    if report is None:
        return result
    try:
        findings, result.suppressed = apply_suppressions(report.findings, report.left,
                                                         report.right)
    except InputError as exc:
        result.error, result.report = str(exc), None
        return result
    if config is not None:
        findings = apply_config(findings, config)
    if baseline is not None:
        accepted = baseline.for_pair(report.left.path, report.right.path)
        findings, result.hidden, result.stale = filter_baseline(findings, accepted)
    result.report = replace(report, findings=findings)
    return result


def at_least(result: PairResult, severity: str) -> PairResult:
    """The result as shown with ``--min-severity``: findings below ``severity`` are left
    out of the report and counted in ``not_shown``. Exit codes come from the whole result."""
    if result.report is None:
        return result
    rank = [str(s) for s in SEVERITIES].index(severity)
    kept = [f for f in result.report.findings if SEVERITIES.index(f.severity) <= rank]
    left_out: dict[str, int] = {s: n for s in SEVERITIES
                if (n := sum(1 for f in result.report.findings if f.severity == s))
                and SEVERITIES.index(s) > rank}
    return replace(result, report=replace(result.report, findings=kept), not_shown=left_out)


def cached_task(task: Task, options: Options) -> PairResult | None:
    """The result of a task from the cache, without checking anything; None on a miss
    (and on an input error, which the check then reports)."""
    store = ResultCache.open(options.cache_dir) if options.cache_dir else None
    if store is None:
        return None
    pair = Pair(task.folder, task.title, task.pair_date, [task.left, task.right])
    try:
        left = load_version(task.left.path, options, pair, task.left)
        right = load_version(task.right.path, options, pair, task.right)
    except InputError:
        return None
    report = store.get(left, right, MAX_SPAN)
    if report is None:
        return None
    return PairResult(task.left.path, task.right.path, folder=task.folder, title=task.title,
                      left_label=task.left.label, right_label=task.right.label, report=report)


def execute(tasks: Sequence[Task], options: Options, jobs: int = 1,
            progress: Callable[[int], None] | None = None) -> list[PairResult]:
    """Check every task, in worker processes when ``jobs`` > 1; results in task order.
    Pairs the cache holds are answered here first: no worker starts for them."""
    results: list[PairResult | None] = [None] * len(tasks)
    for task in tasks:
        if (hit := cached_task(task, options)) is not None:
            results[task.index] = hit
            if progress:
                progress(1)
    todo = [t for t in tasks if results[t.index] is None]
    if jobs <= 1 or len(todo) <= 1:
        for task in todo:
            results[task.index] = check_task(task, options, jobs)
            if progress:
                progress(1)
    else:
        with worker_pool(min(jobs, len(todo))) as pool:
            futures = {pool.submit(check_task, t, options): t.index for t in todo}
            for fut in as_completed(futures):
                results[futures[fut]] = fut.result()
                if progress:
                    progress(1)
    return [r for r in results if r is not None]


def run(dirs: Sequence[str], options: Options | None = None, *, config: Config | None = None,
        baseline: Baseline | None = None, jobs: int = 1,
        progress: Callable[[int], None] | None = None) -> RunResult:
    """Check every pair under ``dirs``: ``transcheck.run.run(["pairs"]).exit_code("error")``."""
    options = options or Options()
    folders, refused = walk_pairs(dirs, config, options.allow_outside)
    if not folders and not refused:
        raise InputError(f"{', '.join(dirs)}: no {PAIR_FILE} found")
    tasks, broken = plan(folders, config, options.allow_outside)
    broken += refused
    folders += [r.folder for r in refused if r.folder]
    checked = execute(tasks, options, jobs, progress)
    tables = fact_tables(tasks, checked)
    results = [finish(r, config, baseline) for r in checked]
    results = [name_blame(r, tables.get(r.folder or "")) for r in results]
    # folders that could not be read are reported where they sort
    order = {f: k for k, f in enumerate(folders)}
    results = sorted(results + broken, key=lambda r: order.get(r.folder or "", len(order)))
    stale: list[Entry] = []
    if baseline is not None:
        # entries of pairs that were checked were settled by finish(); of pairs that
        # failed, nothing can be said; the rest belong to pairs that no longer exist
        settled = {baseline.key(r.left_path, r.right_path) for r in results if r.report}
        failed = {baseline.rel(r.folder) for r in results if r.error and r.folder}
        stale = [e for e in baseline.under(dirs)
                 if (e.left, e.right) not in settled and e.pair not in failed]
    return RunResult(results, stale, tables)


def fact_tables(tasks: Sequence[Task], results: Sequence[PairResult]) -> dict[str, FactTable]:
    """Each folder's fact table, from the pairwise reports the run already made."""
    versions: dict[str, dict[str, TableVersion]] = {}
    for task in tasks:
        known = versions.setdefault(task.folder, {})
        for v in (task.left, task.right):
            if v.path not in known:
                parent = v.translated_from
                if parent is None and task.source is not None and not _same_file(
                        task.source, v.path):
                    parent = task.source
                known[v.path] = TableVersion(v.path, v.label, v.lang, parent)
    reports: dict[str, list[Report]] = {}
    for r in results:
        if r.report is not None and r.folder is not None:
            reports.setdefault(r.folder, []).append(r.report)
    return {folder: build_table(list(vs.values()), reports.get(folder, []), folder)
            for folder, vs in versions.items() if len(vs) >= 2 and folder in reports}


def _same_file(a: str, b: str) -> bool:
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def name_blame(result: PairResult, table: FactTable | None) -> PairResult:
    """Name, on each finding of a pair that its folder's table can settle, the version
    the drift came in at (one of the pair's two, else none)."""
    if table is None or result.report is None:
        return result
    paths = [os.path.normpath(v.path) for v in table.versions]
    try:
        li = paths.index(os.path.normpath(result.left_path))
        ri = paths.index(os.path.normpath(result.right_path))
    except ValueError:
        return result
    findings = []
    for f in result.report.findings:
        row = table.row_of(li, f.left.start, f.left.end) if f.left and f.right else None
        if row is not None and row.blame:
            mine = [k for k in (li, ri) if k in row.blame]
            if mine:
                f = replace(f, blame=table.versions[mine[0]].path)
        findings.append(f)
    result.report = replace(result.report, findings=findings)
    return result
