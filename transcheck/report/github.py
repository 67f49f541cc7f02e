"""GitHub Actions workflow commands: each finding an annotation on the pull request's diff.

``::error file=pairs/a/techflow.ja.txt,line=45,col=3,endColumn=10,title=number-mismatch::…``
Warnings are ``::warning``, infos ``::notice``. The annotation sits on the version under
review (the right one) and its message names the same fact in the other version.
"""

from __future__ import annotations

from ..model import Finding, Report
from ..run import RunResult
from .common import all_stale, display_path, labels, primary_and_other, single, stale_note

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A message: GitHub reads %, CR and LF specially."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: also ':' and ',' , which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items()
                      if v is not None)
    return f"::{kind} {fields}::{escape_data(message)}" if fields else \
        f"::{kind}::{escape_data(message)}"


def annotation(report: Report, f: Finding, names: tuple[str, str], review: str = "right") -> str:
    primary, other = primary_and_other(report, f, review)
    message = f.message
    if other is not None:
        name = names[0] if other.doc is report.left else names[1]
        message += (f"\n{name}: 「{other.loc.text}」 at "
                    f"{other.path}:{other.loc.line}:{other.loc.column}")
    if f.blame is not None:  # where the run's fact table can tell which version departed
        message += f"\nThe drift came in at {display_path(f.blame)} (see the fact table)."
    end_line = primary.end_line if primary.end_line != primary.loc.line else None
    return command(COMMANDS[f.severity], message, file=primary.path, line=primary.loc.line,
                   endLine=end_line, col=primary.loc.column, endColumn=primary.end_column,
                   title=f.rule)


def render_run(run: RunResult, color: bool = False) -> str:
    lines: list[str] = []
    for pair in run.pairs:
        if pair.error is not None:
            lines.append(command("error", f"{pair.name}: {pair.error}", title="transcheck"))
        if pair.report is None:
            continue
        names = labels(pair)
        lines += [annotation(pair.report, f, names) for f in pair.report.findings]
    lines += [command("notice", stale_note(e), title="transcheck baseline")
              for e in all_stale(run)]
    return "".join(line + "\n" for line in lines)


def render(report: Report, color: bool = False) -> str:
    return render_run(single(report), color)
