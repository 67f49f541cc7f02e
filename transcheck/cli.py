"""The command line: parse options, call the library, render, choose the exit code."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

import click

from . import __version__
from .align import MAX_SPAN, xling
from .baseline import Baseline, entries_for, read_baseline, write_baseline
from .cache import default_dir as default_cache_dir
from .check import STAGES, align_documents, read_facts
from .config import Config, load_config, resolve
from .facts import extract_facts
from .load import one_line, parse_date, read_stream
from .model import SEVERITIES, Document, InputError, Report
from .output import format_for, refuse_inputs, write_report
from .pairs import PAIR_FILE
from .report import FORMATS, render_check, render_run
from .report import json as json_report
from .report.common import printable
from .report.statistics import render as render_statistics
from .report.text import COLOR_CHOICES, want_color
from .run import (
    FAIL_ON_DEFAULT,
    Options,
    PairResult,
    RunResult,
    at_least,
    changed_targets,
    check_cached,
    finish,
    load_version,
    prune_cache,
)
from .run import run as run_pairs
from .workers import usable_cpus

F = TypeVar("F", bound=Callable[..., Any])

STDIN = "-"

FAIL_ON = ("error", "warning", "info", "never")


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value, "--date")
    except InputError as exc:
        raise click.BadParameter(str(exc).removeprefix("--date: ")) from None


def common_options(formats: tuple[str, ...], reports: bool = False) -> Callable[[F], F]:
    """--format, -o, --date, --lang, --encoding; with ``reports`` (check, run) -o may be
    given several times, and --min-severity, --statistics and --color come too."""
    def decorate(fn: F) -> F:
        if reports:
            fn = report_options(fn)
        fn = click.option("--encoding", metavar="NAME",
                          help="Encoding of the input files (default: detected).")(fn)
        fn = click.option("--lang", type=click.Choice(["ja", "zh", "en", "auto"]),
                          default="auto", show_default=True,
                          help="Language of the versions.")(fn)
        fn = click.option("--date", "when", metavar="YYYY-MM-DD", callback=_date_option,
                          help="The day the article speaks from (resolves 今年, 来年…).")(fn)
        if reports:
            fn = click.option("-o", "--output", "outputs", multiple=True, metavar="[FORMAT:]FILE",
                              help="Write a report to FILE instead of standard output; again "
                                   "for more reports of the one run ('-': standard output). "
                                   "The format: FORMAT: if given, else --format for a lone "
                                   "-o, else the file's extension (.txt .json .md .html "
                                   ".sarif .rdjson), else text for a lone -o.")(fn)
        else:
            fn = click.option("-o", "--output", type=click.Path(dir_okay=False),
                              help="Write the report to FILE instead of standard output.")(fn)
        fn = click.option("--format", "fmt", type=click.Choice(formats), default=None,
                          help="Output format (default: text).")(fn)
        return fn

    return decorate


def report_options(fn: F) -> F:
    """What is shown and how: --min-severity, --statistics, --color."""
    fn = click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto",
                      show_default=True,
                      help="Colour the text report: auto (a terminal, unless NO_COLOR is "
                           "set; FORCE_COLOR forces it), always, never.")(fn)
    fn = click.option("--statistics", is_flag=True,
                      help="Show how many findings each rule produced instead of the "
                           "findings (the -o reports are still written in full).")(fn)
    fn = click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
                      help="Show only findings at or above this severity (default: all; "
                           "warning for --format github). The exit code still follows "
                           "--fail-on.")(fn)
    return fn


def fail_on_option(fn: F) -> F:
    return click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                        help="Exit 1 when a finding is at or above this severity "
                             "(default: the config's fail-on, else error).")(fn)


def jobs_option(what: str) -> Callable[[F], F]:
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                        help=f"{what} (default: CPU count).")


def alignment_options(fn: F) -> F:
    """--max-span and -j/--jobs, shared by check and align."""
    fn = jobs_option("Processes a long pair is read and aligned in")(fn)
    fn = click.option("--max-span", type=click.IntRange(2, 8), default=MAX_SPAN,
                      show_default=True, metavar="N",
                      help="The largest link weighed as one, in units of both sides "
                           "(a paragraph and its 4 bullet lines: 5); wider lists are "
                           "joined afterwards.")(fn)
    return fn


def policy_options(fn: F) -> F:
    """--baseline, --config and --no-cache, shared by check and run."""
    fn = click.option("--no-cache", is_flag=True, envvar="TRANSCHECK_NO_CACHE",
                      help="Check every pair again instead of reusing the result of an "
                           "unchanged one (the cache: TRANSCHECK_CACHE_DIR, else "
                           "~/.cache/transcheck; TRANSCHECK_NO_CACHE=1 is --no-cache).")(fn)
    fn = click.option("--config", "config_path", metavar="FILE",
                      type=click.Path(dir_okay=False),
                      help="Config file (default: transcheck.toml or pyproject.toml "
                           "[tool.transcheck], found upward from here).")(fn)
    fn = click.option("--baseline", "baseline_path", metavar="FILE",
                      type=click.Path(dir_okay=False),
                      help="Hide the findings recorded in FILE by `transcheck baseline`.")(fn)
    return fn


def _load(path: str, lang: str, when: date | None, encoding: str | None = None,
          config: Config | None = None, stdin_name: str | None = None) -> Document:
    """Load a version; date, language and encoding from the options, pair.toml, the config.
    ``-`` is standard input, named ``stdin_name`` (for pair.toml, the report and Markdown)."""
    options = _options(lang, when, encoding, config)
    if path != STDIN:
        return load_version(path, options)
    name = stdin_name or "<stdin>"
    return load_version(name, options, data=read_stream(sys.stdin.buffer, name))


def _stdin_paths(left: str, right: str, stdin_name: str | None) -> tuple[str, str]:
    """The two versions' names as reports show them: ``-`` becomes its --stdin-filename."""
    if left == STDIN and right == STDIN:
        raise click.UsageError("only one version can come from standard input ('-')")
    if stdin_name is not None and STDIN not in (left, right):
        raise click.UsageError("--stdin-filename names the version read from '-'; "
                               "neither LEFT nor RIGHT is '-'")
    name = stdin_name or "<stdin>"
    return (name if left == STDIN else left), (name if right == STDIN else right)


def _options(lang: str, when: date | None, encoding: str | None,
             config: Config | None, allow_outside: bool = False,
             cache: bool = False) -> Options:
    return Options(lang=lang, when=when, encoding=encoding,
                   default_lang=config.lang if config else None,
                   default_date=config.date if config else None, allow_outside=allow_outside,
                   cache_dir=default_cache_dir() if cache else None)


def allow_outside_option(fn: F) -> F:
    return click.option("--allow-outside", is_flag=True,
                        help="Let a pair.toml name version files outside its repository "
                             "(absolute paths, ../, symbolic links out; off by default: a "
                             "pull request must not make the gate publish other files).")(fn)


def _baseline(path: str | None, config: Config) -> Baseline | None:
    if path is None and config.baseline:
        path = resolve(config, config.baseline)
    return read_baseline(path) if path else None


def _fail_on(option: str | None, config: Config) -> str:
    return option or config.fail_on or FAIL_ON_DEFAULT


def _jobs(jobs: int | None) -> int:
    return jobs if jobs is not None else usable_cpus()


def _progress_wanted() -> bool:
    """A progress bar for people at a terminal; never in CI logs or pipes."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _inputs(config: Config, baseline: Baseline | None, *files: str | None) -> list[str | None]:
    """Every file a command reads: versions, their pair.toml, the config and the baseline."""
    out: list[str | None] = [config.path, baseline.path if baseline else None]
    for f in files:
        if f:
            out += [f, os.path.join(os.path.dirname(os.path.abspath(f)), PAIR_FILE)]
    return out


LONG_CHECK = 100_000  # characters of both versions from which check shows its stages


@contextlib.contextmanager
def _stage_progress(size: int) -> Iterator[Callable[[int, str], None] | None]:
    """For a long check at a terminal, each stage on one line of stderr, cleared at the end."""
    if size < LONG_CHECK or not _progress_wanted():
        yield None
        return

    def show(k: int, name: str) -> None:
        sys.stderr.write(f"\r\x1b[Ktranscheck: [{k + 1}/{len(STAGES)}] {name} "
                         f"({size:,} characters)…")
        sys.stderr.flush()

    try:
        yield show
    finally:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _emit(text: str, output: str | None, inputs: Sequence[str | None]) -> None:
    """One report to ``output`` (standard output when None) through the one writer, which
    refuses the run's ``inputs``. Colour codes are only in ``text`` when --color (or a
    terminal) asked for them, so they are written as they are, to a pipe too."""
    write_report(output, text, inputs)


def _targets(fmt: str | None, outputs: tuple[str, ...],
             formats: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(format, file) of each report to write; file None is standard output."""
    if not outputs:
        return [(fmt or "text", None)]
    targets: list[tuple[str, str | None]] = []
    for out in outputs:
        prefix, sep, rest = out.partition(":")
        if out == "-" or (sep and prefix in formats and rest == "-"):  # standard output
            targets.append((prefix if sep else fmt or "text", None))
        elif sep and prefix in formats and rest:
            targets.append((prefix, rest))
        elif fmt is not None and len(outputs) == 1:
            targets.append((fmt, out))
        elif (by_name := format_for(out)) is not None and by_name in formats:
            targets.append((by_name, out))
        elif fmt is not None:
            targets.append((fmt, out))
        elif len(outputs) == 1:  # a lone -o with an extension of no format: text, as ever
            targets.append(("text", out))
        else:
            raise click.UsageError(f"-o {out}: say the format, as FORMAT:{out} "
                                   f"(one of {', '.join(formats)}), or give --format")
    files = [os.path.abspath(f) for _, f in targets if f is not None]
    if len(set(files)) < len(files):
        raise click.UsageError("-o names the same file twice")
    if sum(1 for _, f in targets if f is None) > 1:
        raise click.UsageError("-o names standard output ('-') twice")
    return targets


def _shown(run: RunResult, fmt: str, min_severity: str | None) -> RunResult:
    """The run as a report in ``fmt`` shows it: --min-severity, else warning for github
    (GitHub shows only about ten annotations of each level per step)."""
    floor = min_severity or ("warning" if fmt == "github" else None)
    if floor is None:
        return run
    return RunResult([at_least(p, floor) for p in run.pairs], run.stale)


def _write_reports(run: RunResult, targets: list[tuple[str, str | None]],
                   inputs: Sequence[str | None],
                   render: Callable[[RunResult, str, bool, int | None], str],
                   min_severity: str | None, statistics: bool, color: str) -> None:
    """Every report the options ask for, from one run: standard output (the statistics
    instead, with --statistics), then each -o. No -o may name an input of the run: all are
    checked before any report is written."""
    for _, path in targets:
        if path is not None:
            refuse_inputs(path, inputs)
    for fmt, path in targets:
        if path is None and statistics:
            continue
        shown = _shown(run, fmt, min_severity)
        if path is None:
            colored = fmt == "text" and want_color(sys.stdout.isatty(), color)
            width = shutil.get_terminal_size((80, 24)).columns if fmt == "text" else None
            _emit(render(shown, fmt, colored, width), None, inputs)
        else:
            _emit(render(shown, fmt, False, None), path, inputs)
    if statistics:
        stats_fmt = next((f for f, p in targets if p is None), "text")
        _emit(render_statistics(_shown(run, "text", min_severity),
                                "json" if stats_fmt == "json" else "text"), None, inputs)


def exit_code(report: Report, fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on``, else 0."""
    return PairResult(report.left.path, report.right.path, report=report).exit_code(fail_on)


def _color(output: str | None, choice: str = "auto") -> bool:
    return output is None and want_color(sys.stdout.isatty(), choice)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def cli() -> None:
    """Check translations of one article against each other for drift in facts."""


@cli.command()
@click.argument("left", type=click.Path())
@click.argument("right", type=click.Path())
@common_options(tuple(FORMATS), reports=True)
@fail_on_option
@policy_options
@alignment_options
@click.option("--stdin-filename", "stdin_name", metavar="NAME",
              help="The name of the version read from '-' (standard input): its pair.toml, "
                   "Markdown or plain text, and the path in the report.")
def check(left: str, right: str, fmt: str | None, outputs: tuple[str, ...], when: date | None,
          lang: str, encoding: str | None, fail_on: str | None, baseline_path: str | None,
          config_path: str | None, jobs: int | None, max_span: int,
          stdin_name: str | None, min_severity: str | None, statistics: bool,
          color: str, no_cache: bool) -> None:
    """Compare two versions of one article and report where their facts disagree.

    Either LEFT or RIGHT may be '-', standard input: `git show HEAD:a.md | transcheck check
    - b.md --stdin-filename a.md`."""
    targets = _targets(fmt, outputs, tuple(FORMATS))
    config = load_config(config_path)
    baseline = _baseline(baseline_path, config)
    shown = _stdin_paths(left, right, stdin_name)
    ldoc = _load(left, lang, when, encoding, config, stdin_name)
    rdoc = _load(right, lang, when, encoding, config, stdin_name)
    cache_dir = None if no_cache else default_cache_dir()
    with _stage_progress(len(ldoc.text) + len(rdoc.text)) as progress:
        report = check_cached(ldoc, rdoc, cache_dir, _jobs(jobs), max_span, progress)
    prune_cache(cache_dir)
    left, right = shown
    pair = finish(PairResult(left, right, report=report), config, baseline)
    if pair.error is not None:
        raise InputError(pair.error)
    def render(run: RunResult, fmt: str, colored: bool, width: int | None) -> str:
        return render_check(run.pairs[0], fmt, color=colored, width=width,
                            with_baseline=baseline is not None)

    _write_reports(RunResult([pair]), targets, _inputs(config, baseline, left, right), render,
                   min_severity, statistics, color)
    sys.exit(pair.exit_code(_fail_on(fail_on, config)))


@cli.command()
@click.argument("dirs", nargs=-1, type=click.Path())
@common_options(tuple(FORMATS), reports=True)
@fail_on_option
@policy_options
@jobs_option("Pairs checked at once, in worker processes")
@allow_outside_option
def run(dirs: tuple[str, ...], fmt: str | None, outputs: tuple[str, ...], when: date | None,
        lang: str, encoding: str | None, fail_on: str | None, baseline_path: str | None,
        config_path: str | None, jobs: int | None, min_severity: str | None,
        statistics: bool, color: str, no_cache: bool, allow_outside: bool) -> None:
    """Check every pair folder (a folder with a pair.toml) under DIRS (default: pairs/).

    A file among DIRS stands for the pair folder holding it, and a changed config or
    baseline for every pair; other files are left out (the pre-commit hook passes the
    changed files, so an unrelated notes.txt checks nothing)."""
    targets = _targets(fmt, outputs, tuple(FORMATS))
    config = load_config(config_path)
    baseline = _baseline(baseline_path, config)
    files = [d for d in dirs if os.path.isfile(d)]
    if files:
        folders, everything = changed_targets(files, config)
        dirs = tuple(d for d in dirs if d not in files) + tuple(folders)
        if everything:
            dirs += _dirs((), config)
        if not dirs:
            sys.exit(0)  # none of the files belongs to a pair
    result = _run(dirs, config, baseline,
                  _options(lang, when, encoding, config, allow_outside, not no_cache), jobs)
    if not no_cache:
        prune_cache(default_cache_dir())

    def render(run: RunResult, fmt: str, colored: bool, width: int | None) -> str:
        return render_run(run, fmt, color=colored, width=width)

    _write_reports(result, targets, _run_inputs(result, config, baseline), render,
                   min_severity, statistics, color)
    for pair in result.pairs:
        if pair.error is not None:
            click.echo(one_line(f"transcheck: error: {pair.name}: {pair.error}"), err=True)
    sys.exit(result.exit_code(_fail_on(fail_on, config)))


def _run_inputs(result: RunResult, config: Config, baseline: Baseline | None
                ) -> list[str | None]:
    """The files a run read: every version and pair.toml, the config and the baseline."""
    out = _inputs(config, baseline)
    for r in result.pairs:
        out += [r.left_path, r.right_path]
        if r.folder:
            out.append(os.path.join(r.folder, PAIR_FILE))
    return out


def _dirs(dirs: tuple[str, ...], config: Config) -> tuple[str, ...]:
    if dirs:
        return dirs
    if config.dirs:
        return tuple(resolve(config, d) for d in config.dirs)
    return ("pairs",)


def _run(dirs: tuple[str, ...], config: Config, baseline: Baseline | None, options: Options,
         jobs: int | None) -> RunResult:
    from .run import find_pair_folders, plan

    dirs = _dirs(dirs, config)
    n_jobs = _jobs(jobs)
    if not _progress_wanted():
        return run_pairs(dirs, options, config=config, baseline=baseline, jobs=n_jobs)
    tasks, _ = plan(find_pair_folders(dirs, config), config, options.allow_outside)
    if len(tasks) < 2:
        return run_pairs(dirs, options, config=config, baseline=baseline, jobs=n_jobs)
    with click.progressbar(length=len(tasks), label="Checking pairs", file=sys.stderr) as bar:
        return run_pairs(dirs, options, config=config, baseline=baseline, jobs=n_jobs,
                         progress=bar.update)


@cli.command()
@click.argument("dirs", nargs=-1, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="The baseline file to write (default: the config's baseline).")
@click.option("--lang", type=click.Choice(["ja", "zh", "en", "auto"]), default="auto",
              show_default=True, help="Language of the versions.")
@click.option("--date", "when", metavar="YYYY-MM-DD", callback=_date_option,
              help="The day the articles speak from (resolves 今年, 来年…).")
@click.option("--encoding", metavar="NAME", help="Encoding of the input files.")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Config file (default: found upward from here).")
@jobs_option("Pairs checked at once, in worker processes")
@allow_outside_option
def baseline(dirs: tuple[str, ...], output: str | None, lang: str, when: date | None,
             encoding: str | None, config_path: str | None, jobs: int | None,
             allow_outside: bool) -> None:
    """Record today's findings under DIRS as accepted, for `--baseline FILE`."""
    config = load_config(config_path)
    if output is None:
        if not config.baseline:
            raise click.UsageError("give the file to write with -o FILE "
                                   "(or set baseline in the config)")
        output = resolve(config, config.baseline)
    result = _run(dirs, config, None, _options(lang, when, encoding, config, allow_outside),
                  jobs)
    failed = [p for p in result.pairs if p.error is not None]
    for pair in failed:
        click.echo(one_line(f"transcheck: error: {pair.name}: {pair.error}"), err=True)
    if failed:
        click.echo(f"transcheck: {output} not written: {len(failed)} pair(s) could not be "
                   "checked", err=True)
        sys.exit(2)
    folder = os.path.dirname(os.path.abspath(output))
    entries = [e for p in result.pairs if p.report is not None
               for e in entries_for(p.report, folder, p.folder)]
    write_baseline(output, entries, _run_inputs(result, config, None))
    n = len(result.pairs)
    click.echo(f"transcheck: {output}: {len(entries)} finding{'s' if len(entries) != 1 else ''}"
               f" of {n} pair{'s' if n != 1 else ''} recorded", err=True)


@cli.command()
@click.argument("left", type=click.Path())
@click.argument("right", type=click.Path())
@common_options(("text", "json"))
@alignment_options
@click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto",
              show_default=True, help="Colour: auto (a terminal, unless NO_COLOR is set; "
                                      "FORCE_COLOR forces it), always, never.")
def align(left: str, right: str, fmt: str | None, output: str | None, when: date | None,
          lang: str, encoding: str | None, jobs: int | None, max_span: int,
          color: str) -> None:
    """Show how the units of two versions align."""
    from .report.alignment_text import render_alignment

    ldoc, rdoc = _load(left, lang, when, encoding), _load(right, lang, when, encoding)
    workers = _jobs(jobs)
    links = align_documents(ldoc, rdoc, *read_facts(ldoc, rdoc, workers), workers, max_span)
    if fmt == "json":
        text = json_report.dumps(json_report.alignment_dict(
            ldoc, rdoc, links, xling.signals(ldoc.lang, rdoc.lang)))
    else:
        text = render_alignment(ldoc, rdoc, links, color=_color(output, color))
        if xling.cross_language(ldoc.lang, rdoc.lang):
            text += xling.signals_line(xling.signals(ldoc.lang, rdoc.lang)) + "\n"
    write_report(output, text, _inputs(Config(), None, left, right))


@cli.command()
@click.argument("file", type=click.Path())
@common_options(("text", "json"))
def facts(file: str, fmt: str | None, output: str | None, when: date | None, lang: str,
          encoding: str | None) -> None:
    """List the facts extracted from one version."""
    doc = _load(file, lang, when, encoding)
    found = extract_facts(doc)
    if fmt == "json":
        text = json_report.dumps(json_report.facts_dict(doc, found))
    else:
        rows = []
        for f in found:
            d = json_report.fact_dict(doc, f)
            detail = {k: v for k, v in d.items()
                      if k not in ("kind", "line", "column", "start", "end", "text")
                      and v not in (None, False)}
            info = " ".join(f"{k}={v}" for k, v in detail.items())
            rows.append(printable(f"{doc.path}:{d['line']}:{d['column']}  {f.kind:<8} "
                                  f"{f.text}  {info}"))
        rows.append(f"{len(found)} facts in {len(doc.units)} units ({doc.lang}, date "
                    f"{doc.date.isoformat() if doc.date else 'unknown'})")
        text = "\n".join(rows) + "\n"
    write_report(output, text, _inputs(Config(), None, file))


def usage_line(exc: click.UsageError) -> str:
    """Click's usage error as one line: the message, and where help is."""
    where = exc.ctx.command_path if exc.ctx is not None else "transcheck"
    message = " ".join(exc.format_message().split())
    return f"{message} (see '{where} --help')"


def main(argv: list[str] | None = None) -> None:
    """Entry point: input errors are one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="transcheck", standalone_mode=False)
        sys.exit(0)  # commands that print and return succeed, as in standalone mode
    except InputError as exc:
        click.echo(one_line(f"transcheck: error: {exc}"), err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        click.echo(f"transcheck: error: {usage_line(exc)}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("transcheck: aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)


if __name__ == "__main__":
    main()
