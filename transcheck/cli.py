"""The command line: parse options, call the library, render, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from . import __version__
from .check import align_documents, check_documents
from .facts import extract_facts
from .load import load_document, parse_date
from .model import SEVERITIES, Document, InputError, Report
from .pairs import pair_for
from .report import FORMATS, render
from .report import json as json_report
from .report.text import want_color

F = TypeVar("F", bound=Callable[..., Any])

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
    return click.option("--fail-on", type=click.Choice(FAIL_ON), default="error",
                        show_default=True,
                        help="Exit 1 when a finding is at or above this severity.")(fn)


def _load(path: str, lang: str, when: date | None, encoding: str | None = None) -> Document:
    """Load a version; date, language and encoding come from the options, then pair.toml."""
    source = "option" if when else None
    found = pair_for(path)
    if found:
        pair, version = found
        if when is None and pair.date is not None:
            when, source = pair.date, "pair.toml"
        if lang == "auto" and version.lang != "auto":
            lang = version.lang
        encoding = encoding or version.encoding
    return load_document(path, lang=lang, when=when, date_source=source, encoding=encoding)


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
    if fail_on == "never":
        return 0
    threshold = SEVERITIES.index(fail_on)  # type: ignore[arg-type]
    return int(any(SEVERITIES.index(f.severity) <= threshold for f in report.findings))


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
def check(left: str, right: str, fmt: str, output: str | None, when: date | None, lang: str,
          encoding: str | None, fail_on: str) -> None:
    """Compare two versions of one article and report where their facts disagree."""
    report = check_documents(_load(left, lang, when, encoding),
                             _load(right, lang, when, encoding))
    _emit(render(report, fmt, color=_color(output) and fmt == "text"), output, (left, right))
    sys.exit(exit_code(report, fail_on))


@cli.command()
@click.argument("left", type=click.Path())
@click.argument("right", type=click.Path())
@common_options(("text", "json"))
def align(left: str, right: str, fmt: str, output: str | None, when: date | None,
          lang: str, encoding: str | None) -> None:
    """Show how the units of two versions align."""
    from .report.alignment_text import render_alignment

    ldoc, rdoc = _load(left, lang, when, encoding), _load(right, lang, when, encoding)
    links = align_documents(ldoc, rdoc, extract_facts(ldoc), extract_facts(rdoc))
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


def main(argv: list[str] | None = None) -> None:
    """Entry point: input errors are one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="transcheck", standalone_mode=False)
    except InputError as exc:
        click.echo(f"transcheck: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
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
