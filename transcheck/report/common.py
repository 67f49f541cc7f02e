"""What the CI renderers (markdown, sarif, github, html) share: paths, spans, labels, notes."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import SEVERITIES, Document, Finding, Location, Report

if TYPE_CHECKING:
    from ..baseline import Entry
    from ..run import PairResult, RunResult

SEVERITY_RANK: dict[str, int] = {s: rank for rank, s in enumerate(SEVERITIES)}  # error first


# Characters a terminal or a log acts on rather than shows: C0 and C1 controls (ESC starts
# colour and OSC sequences, a newline starts a `::error` workflow command of its own), line
# and paragraph separators, and the bidi controls that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text from a file or a file name, safe on a terminal or in a CI log: every character
    a terminal would act on is written as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1].replace("'", ""), text)


_MENTION = re.compile(r"@(?=[\w-])")


def message_text(text: str) -> str:
    """A message a CI service shows on a pull request (rdjson through reviewdog, GitLab's
    code quality): :func:`printable`, and no ``@name`` that would notify someone (a
    zero-width space after the @ keeps the text and drops the mention)."""
    return _MENTION.sub("@\u200b", printable(text))


def display_path(path: str) -> str:
    """A path as CI logs and code scanning want it: relative to the working directory, with /."""
    rel = os.path.relpath(os.path.abspath(path))
    shown = path if rel.startswith("..") else rel
    return shown.replace(os.sep, "/")


@dataclass(frozen=True, slots=True)
class Span:
    """A finding's location in one version, with where it ends (exclusive column)."""

    doc: Document
    loc: Location
    end_line: int
    end_column: int

    @property
    def path(self) -> str:
        return display_path(self.doc.path)


def span(doc: Document, loc: Location | None) -> Span | None:
    if loc is None:
        return None
    end_line, end_column = doc.position(loc.end)
    return Span(doc, loc, end_line, end_column)


def primary_and_other(report: Report, f: Finding, review: str = "right"
                      ) -> tuple[Span, Span | None]:
    """The span on the version under review (the right one by default) and the other one.

    A finding about text present in one version only is located where that text is.
    """
    left, right = span(report.left, f.left), span(report.right, f.right)
    first, second = (right, left) if review == "right" else (left, right)
    if first is None:
        assert second is not None, "a finding is located in at least one version"
        return second, None
    return first, second


def labels(result: PairResult) -> tuple[str, str]:
    """Names of the two versions for people: the pair.toml label, else the file name."""
    return (result.left_label or os.path.basename(result.left_path),
            result.right_label or os.path.basename(result.right_path) or "")


def stale_note(entry: Entry) -> str:
    """One line about a baseline entry whose finding is gone."""
    return (f"baseline entry no longer found: {entry.rule} {entry.id} "
            f"({entry.left} ↔ {entry.right}): {entry.message}")


def all_stale(run: RunResult) -> list[Entry]:
    return [e for p in run.pairs for e in p.stale] + list(run.stale)


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items())


def single(report: Report) -> RunResult:
    """A bare report as a run of one pair, for renderers that take runs."""
    from ..run import PairResult, RunResult

    return RunResult([PairResult(report.left.path, report.right.path, report=report)])


def other_side(report: Report, other: Span | None, names: tuple[str, str]) -> str:
    """Where the same fact is in the other version, for a message located in one: an empty
    string when it has no counterpart."""
    if other is None:
        return ""
    name = names[0] if other.doc is report.left else names[1]
    return f"{name}: 「{other.loc.text}」 at {other.path}:{other.loc.line}:{other.loc.column}"


def byte_column(doc: Document, offset: int) -> int:
    """The 1-based column of a character offset counted in UTF-8 bytes (reviewdog's)."""
    start = offset - (doc.position(offset)[1] - 1)
    return len(doc.text[start:offset].encode("utf-8", "surrogatepass")) + 1
