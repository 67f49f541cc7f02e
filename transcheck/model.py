"""The data that flows between the stages: load → units → facts → alignment → findings → report.

Every stage takes the previous stage's values and returns its own; nothing here knows how a
stage works. Offsets are Python ``str`` indices into the decoded text of the whole file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

Qualifier = Literal["exact", "approx", "at-least", "more-than", "at-most", "less-than", "up-to"]
QUALIFIERS: tuple[Qualifier, ...] = (
    "exact",
    "approx",
    "at-least",
    "more-than",
    "at-most",
    "less-than",
    "up-to",
)


# CRLF, CR and LF each end a line, for units and for line numbers alike.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


class InputError(Exception):
    """Bad input from the user: reported as one line on stderr with exit code 2."""


@dataclass(frozen=True, slots=True)
class Unit:
    """The smallest block a version is aligned by: a paragraph, heading, list item or table row."""

    index: int
    line: int  # 1-based line of the unit's first character
    start: int
    end: int
    text: str  # the unit's text, equal to document.text[start:end]
    kind: str = "paragraph"  # paragraph | heading | list-item | table-row


@dataclass(slots=True)
class Document:
    """One version of an article, decoded and cut into units."""

    path: str
    text: str
    units: list[Unit]
    lang: str
    date: date | None = None
    date_source: str | None = None  # option | pair.toml | front matter | config | the other version
    encoding: str = "utf-8"
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _unit_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]
        self._unit_starts = [u.start for u in self.units]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; the column counts characters."""
        row = bisect.bisect_right(self._line_starts, offset) - 1
        return row + 1, offset - self._line_starts[row] + 1

    def unit_at(self, offset: int) -> Unit | None:
        """The unit containing a character offset, if any."""
        i = bisect.bisect_right(self._unit_starts, offset) - 1
        if i >= 0 and offset < self.units[i].end:
            return self.units[i]
        return None


@dataclass(frozen=True, slots=True)
class Fact:
    """Something a version asserts, located by offsets into its document's text."""

    unit_index: int  # index of the unit it is in
    start: int
    end: int
    text: str

    @property
    def kind(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Quantity(Fact):
    """A number with what it measures: 2億5000万人, 約50万GPU, 200〜300億ドル, 70%."""

    value: float | None = None  # a point value, or None for a range
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # canonical unit or counter class: 人, 台, USD, MW, MWh, %, 倍
    qualifier: Qualifier = "exact"
    per: str | None = None  # a rate's period: day | week | month | year
    noun: str | None = None  # what is counted, when it is near: GPU, ユーザー, パラメータ
    counter: str | None = None  # the counter or unit as written: 枚, メガワット時

    @property
    def kind(self) -> str:
        return "quantity"


@dataclass(frozen=True, slots=True)
class TimeSpan(Fact):
    """A date, period or duration: 2026年第2四半期, 来年末までに, 4ヶ月."""

    time_start: date | None = None  # inclusive interval, when it can be resolved
    time_end: date | None = None
    relative: bool = False  # written relative to the article's date (今年, 来年末)
    anchor: str | None = None  # symbolic form of a relative time, comparable without a date
    duration: str | None = None  # ISO 8601 duration for lengths of time: P4M, P122D
    direction: str | None = None  # by | from | until | within, or None
    qualifier: Qualifier = "exact"
    granularity: str | None = None  # year | half | quarter | month | day | part | decade | week
    fiscal: bool = False  # a Japanese fiscal year (April–March)
    implied_year: bool = False  # a month or quarter written without its year (1月, 第2四半期)
    low_days: float | None = None  # a duration's length in days, for comparing durations
    high_days: float | None = None

    @property
    def kind(self) -> str:
        return "time"


@dataclass(frozen=True, slots=True)
class Entity(Fact):
    """A name or identifier: Grok 5, H100, v14.2.2.3, Waymo."""

    name: str = ""  # normalized form used for comparison
    family: str | None = None  # the name without its version or number: Grok, H

    @property
    def kind(self) -> str:
        return "entity"


@dataclass(frozen=True, slots=True)
class Link:
    """One alignment link: units of the left side that correspond to units of the right side."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points in one version."""

    line: int
    column: int
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    unit_index: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A place where the two versions disagree."""

    id: str
    rule: str
    severity: Severity
    message: str
    left: Location | None
    right: Location | None
    link: int | None = None  # index into the report's alignment
    blame: str | None = None  # the version (file) the drift came in at, where a run can tell


@dataclass(frozen=True, slots=True)
class Pairing:
    """Two facts, one of each version, that the comparison paired as one fact of the article;
    ``rule`` is the rule of the finding it raised, None when they agree."""

    left: Fact
    right: Fact
    rule: str | None = None


@dataclass(slots=True)
class Report:
    """Everything `check` found: the two documents, their alignment and the findings."""

    left: Document
    right: Document
    alignment: list[Link]
    findings: list[Finding]
    left_facts: list[Fact] = field(default_factory=list)
    right_facts: list[Fact] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)  # what aligned the pair (align.xling)
    pairings: list[Pairing] = field(default_factory=list)  # every pair of facts compared

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            counts[f.severity] += 1
        return counts
