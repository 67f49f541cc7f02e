"""The command line: parse options, call the library, render, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from . import __version__
from .align import MAX_SPAN
from .baseline import Baseline, entries_for, read_baseline, write_baseline
from .check import align_documents, check_documents, read_facts
from .config import Config, load_config, resolve
from .facts import extract_facts
from .load import parse_date, read_stream
from .model import Document, InputError, Report
from .report import FORMATS, render_check, render_run
from .report import json as json_report
from .report.text import want_color
from .run import (
    FAIL_ON_DEFAULT,
    Options,
    PairResult,
    RunResult,
    changed_targets,
    finish,
    load_version,
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


def common_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        fn = click.option("--encoding", metavar="NAME",
                          help="Encoding of the input files (default: detected).")(fn)
        fn = click.option("--lang", type=click.Choice(["ja", "zh", "en", "auto"]),
                          default="auto", show_default=True,
                          help="Language of the versions.")(fn)
        fn = click.option("--date", "when", metavar="YYYY-MM-DD", callback=_date_option,
                          help="The day the article speaks from (resolves 今年, 来年…).")(fn)
        fn = click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                          help="Write the report to FILE instead of standard output.")(fn)
        fn = click.option("--format", "fmt", type=click.Choice(formats), default="text",
                          show_default=True, help="Output format.")(fn)
        return fn

    return decorate


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
    """--baseline and --config, shared by check and run."""
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
             config: Config | None) -> Options:
    return Options(lang=lang, when=when, encoding=encoding,
                   default_lang=config.lang if config else None,
                   default_date=config.date if config else None)


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


def _emit(text: str, output: str | None, inputs: tuple[str, ...]) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    target = os.path.abspath(output)
    if any(os.path.exists(p) and os.path.abspath(p) == target for p in inputs):
        raise InputError(f"{output}: is one of the inputs; transcheck never writes its inputs")
    tmp = f"{target}.tmp-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror}") from None


def exit_code(report: Report, fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on``, else 0."""
    return PairResult(report.left.path, report.right.path, report=report).exit_code(fail_on)


def _color(output: str | None) -> bool:
    return output is None and want_color(sys.stdout.isatty())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def cli() -> None:
    """Check translations of one article against each other for drift in facts."""


@cli.command()
@click.argument("left", type=click.Path())
@click.argument("right", type=click.Path())
@common_options(tuple(FORMATS))
@fail_on_option
@policy_options
@alignment_options
@click.option("--stdin-filename", "stdin_name", metavar="NAME",
              help="The name of the version read from '-' (standard input): its pair.toml, "
                   "Markdown or plain text, and the path in the report.")
def check(left: str, right: str, fmt: str, output: str | None, when: date | None, lang: str,
          encoding: str | None, fail_on: str | None, baseline_path: str | None,
          config_path: str | None, jobs: int | None, max_span: int,
          stdin_name: str | None) -> None:
    """Compare two versions of one article and report where their facts disagree.

    Either LEFT or RIGHT may be '-', standard input: `git show HEAD:a.md | transcheck check
    - b.md --stdin-filename a.md`."""
    config = load_config(config_path)
    baseline = _baseline(baseline_path, config)
    shown = _stdin_paths(left, right, stdin_name)
    report = check_documents(_load(left, lang, when, encoding, config, stdin_name),
                             _load(right, lang, when, encoding, config, stdin_name),
                             _jobs(jobs), max_span)
    left, right = shown
    pair = finish(PairResult(left, right, report=report), config, baseline)
    if pair.error is not None:
        raise InputError(pair.error)
    text = render_check(pair, fmt, color=_color(output) and fmt == "text",
                        with_baseline=baseline is not None)
    _emit(text, output, (left, right))
    sys.exit(pair.exit_code(_fail_on(fail_on, config)))


@cli.command()
@click.argument("dirs", nargs=-1, type=click.Path())
@common_options(tuple(FORMATS))
@fail_on_option
@policy_options
@jobs_option("Pairs checked at once, in worker processes")
def run(dirs: tuple[str, ...], fmt: str, output: str | None, when: date | None, lang: str,
        encoding: str | None, fail_on: str | None, baseline_path: str | None,
        config_path: str | None, jobs: int | None) -> None:
    """Check every pair folder (a folder with a pair.toml) under DIRS (default: pairs/).

    A file among DIRS stands for the pair folder holding it, and a changed config or
    baseline for every pair; other files are left out (the pre-commit hook passes the
    changed files, so an unrelated notes.txt checks nothing)."""
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
    result = _run(dirs, config, baseline, _options(lang, when, encoding, config), jobs)
    text = render_run(result, fmt, color=_color(output) and fmt == "text")
    _emit(text, output, tuple(p for r in result.pairs for p in (r.left_path, r.right_path)))
    for pair in result.pairs:
        if pair.error is not None:
            click.echo(f"transcheck: error: {pair.name}: {pair.error}", err=True)
    sys.exit(result.exit_code(_fail_on(fail_on, config)))


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
    tasks, _ = plan(find_pair_folders(dirs, config), config)
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
def baseline(dirs: tuple[str, ...], output: str | None, lang: str, when: date | None,
             encoding: str | None, config_path: str | None, jobs: int | None) -> None:
    """Record today's findings under DIRS as accepted, for `--baseline FILE`."""
    config = load_config(config_path)
    if output is None:
        if not config.baseline:
            raise click.UsageError("give the file to write with -o FILE "
                                   "(or set baseline in the config)")
        output = resolve(config, config.baseline)
    result = _run(dirs, config, None, _options(lang, when, encoding, config), jobs)
    failed = [p for p in result.pairs if p.error is not None]
    for pair in failed:
        click.echo(f"transcheck: error: {pair.name}: {pair.error}", err=True)
    if failed:
        click.echo(f"transcheck: {output} not written: {len(failed)} pair(s) could not be "
                   "checked", err=True)
        sys.exit(2)
    folder = os.path.dirname(os.path.abspath(output))
    entries = [e for p in result.pairs if p.report is not None
               for e in entries_for(p.report, folder, p.folder)]
    write_baseline(output, entries)
    n = len(result.pairs)
    click.echo(f"transcheck: {output}: {len(entries)} finding{'s' if len(entries) != 1 else ''}"
               f" of {n} pair{'s' if n != 1 else ''} recorded", err=True)


@cli.command()
@click.argument("left", type=click.Path())
@click.argument("right", type=click.Path())
@common_options(("text", "json"))
@alignment_options
def align(left: str, right: str, fmt: str, output: str | None, when: date | None,
          lang: str, encoding: str | None, jobs: int | None, max_span: int) -> None:
    """Show how the units of two versions align."""
    from .report.alignment_text import render_alignment

    ldoc, rdoc = _load(left, lang, when, encoding), _load(right, lang, when, encoding)
    workers = _jobs(jobs)
    links = align_documents(ldoc, rdoc, *read_facts(ldoc, rdoc, workers), workers, max_span)
    if fmt == "json":
        text = json_report.dumps(json_report.alignment_dict(ldoc, rdoc, links))
    else:
        text = render_alignment(ldoc, rdoc, links, color=_color(output))
    _emit(text, output, (left, right))


@cli.command()
@click.argument("file", type=click.Path())
@common_options(("text", "json"))
def facts(file: str, fmt: str, output: str | None, when: date | None, lang: str,
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
            rows.append(f"{doc.path}:{d['line']}:{d['column']}  {f.kind:<8} {f.text}  {info}")
        rows.append(f"{len(found)} facts in {len(doc.units)} units ({doc.lang}, date "
                    f"{doc.date.isoformat() if doc.date else 'unknown'})")
        text = "\n".join(rows) + "\n"
    _emit(text, output, (file,))


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
        click.echo(f"transcheck: error: {exc}", err=True)
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
