"""One table of facts across every version of an article, and the version to blame.

A folder of N versions is checked pair by pair; each pairwise comparison says which facts
it paired (:class:`~transcheck.model.Pairing`) and whether they agree. Linking those pairs
gives the article's facts: a row is a connected group of facts the pairings put together,
one cell per version (empty where a version omits it). The pairings already join facts
across languages by value, unit and place, so a chain ja ← zh ← en joins the same way.

A disagreeing row names the version(s) that depart:

- a version that differs from its own ``from`` (or, without one, from the folder's
  ``source``): the translation step that changed it;
- among versions with no speaking parent (peers, or the heads of chains), the minority
  when at least three speak; with two, it cannot tell.

An agreeing row is never blamed. The table is a pure function of the versions and the
pairwise reports: nothing is extracted or aligned again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .model import Document, Entity, Fact, Quantity, Report, TimeSpan
from .sameness import names_agree, qualifiers_agree, quantities_agree, times_agree

Verdict = Literal["agree", "blamed", "cannot-tell"]
Node = tuple[int, int, int]  # (version, start, end) of one fact


@dataclass(frozen=True, slots=True)
class TableVersion:
    """One version of the folder: its file, and the file it was translated from."""

    path: str
    label: str | None = None
    lang: str = "auto"
    parent: str | None = None  # `from`, else the folder's source; None for a peer or the source


@dataclass(frozen=True, slots=True)
class Row:
    """One fact of the article as every version states it."""

    kind: str  # quantity | time | entity
    cells: tuple[tuple[Fact, ...] | None, ...]  # per version: its fact(s), or None
    verdict: Verdict
    blame: tuple[int, ...] = ()  # indices of the versions that depart
    why: str = ""

    @property
    def agrees(self) -> bool:
        return self.verdict == "agree"


@dataclass(slots=True)
class FactTable:
    """The fact table of one folder."""

    folder: str | None
    versions: list[TableVersion]
    documents: list[Document | None]
    rows: list[Row] = field(default_factory=list)
    _where: dict[Node, int] = field(default_factory=dict, repr=False)  # fact → its row

    def disagreeing(self) -> list[Row]:
        return [r for r in self.rows if not r.agrees]

    def row_of(self, version: int, fact_start: int, fact_end: int) -> Row | None:
        """The row holding a version's fact at these offsets."""
        if not self._where:
            self._where = {(k, f.start, f.end): n for n, row in enumerate(self.rows)
                           for k, cell in enumerate(row.cells) for f in cell or ()}
        n = self._where.get((version, fact_start, fact_end))
        return None if n is None else self.rows[n]


def _norm(path: str) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def build_table(versions: Sequence[TableVersion], reports: Sequence[Report],
                folder: str | None = None) -> FactTable:
    """The fact table of a folder from its versions and the pairwise reports among them."""
    index = {_norm(v.path): k for k, v in enumerate(versions)}
    documents: list[Document | None] = [None] * len(versions)
    facts: dict[Node, Fact] = {}
    edges: dict[tuple[Node, Node], list[str | None]] = {}
    parent_of: dict[Node, Node] = {}

    def find(n: Node) -> Node:
        while parent_of[n] != n:
            parent_of[n] = parent_of[parent_of[n]]
            n = parent_of[n]
        return n

    def add(k: int, f: Fact) -> Node:
        node = (k, f.start, f.end)
        if node not in facts:
            facts[node] = f
            parent_of[node] = node
        return node

    for report in reports:
        li, ri = index.get(_norm(report.left.path)), index.get(_norm(report.right.path))
        if li is None or ri is None:
            continue
        documents[li], documents[ri] = documents[li] or report.left, documents[ri] or report.right
        for f in report.left_facts:
            add(li, f)
        for f in report.right_facts:
            add(ri, f)
        for p in report.pairings:
            a, b = add(li, p.left), add(ri, p.right)
            edges.setdefault((a, b), []).append(p.rule)
            edges.setdefault((b, a), []).append(p.rule)
            ra, rb = find(a), find(b)
            if ra != rb:
                parent_of[max(ra, rb)] = min(ra, rb)

    groups: dict[Node, list[Node]] = {}
    for node in sorted(facts):
        groups.setdefault(find(node), []).append(node)

    table = FactTable(folder, list(versions), documents)
    for nodes in groups.values():
        cells: list[list[Fact]] = [[] for _ in versions]
        for node in nodes:
            cells[node[0]].append(facts[node])
        row_cells = tuple(tuple(c) if c else None for c in cells)
        verdict, blame, why = _blame(versions, row_cells, edges)
        table.rows.append(Row(facts[nodes[0]].kind, row_cells, verdict, blame, why))
    table.rows.sort(key=_reading_order)
    return table


def _reading_order(row: Row) -> tuple[int, int]:
    for k, cell in enumerate(row.cells):
        if cell:
            return k, cell[0].start
    return len(row.cells), 0


def _cells_agree(versions: Sequence[TableVersion], cells: Sequence[tuple[Fact, ...] | None],
                 edges: dict[tuple[Node, Node], list[str | None]], i: int, j: int) -> bool:
    """Whether versions i and j state a row's fact alike: what their own comparison said
    of the facts it paired; where it paired none of them, the sameness of their first."""
    a, b = cells[i], cells[j]
    assert a is not None and b is not None
    said = [rule for x in a for y in b
            for rule in edges.get(((i, x.start, x.end), (j, y.start, y.end)), [])]
    if said:
        return all(rule is None for rule in said)
    return _same(a[0], b[0], versions[i].lang != versions[j].lang)


def _same(a: Fact, b: Fact, cross: bool) -> bool:
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return quantities_agree(a, b, cross) and qualifiers_agree(a.qualifier, b.qualifier)
    if isinstance(a, TimeSpan) and isinstance(b, TimeSpan):
        return times_agree(a, b) and qualifiers_agree(a.qualifier, b.qualifier)
    if isinstance(a, Entity) and isinstance(b, Entity):
        return names_agree(a, b)
    return False


def _blame(versions: Sequence[TableVersion], cells: Sequence[tuple[Fact, ...] | None],
           edges: dict[tuple[Node, Node], list[str | None]]
           ) -> tuple[Verdict, tuple[int, ...], str]:
    speakers = [k for k, c in enumerate(cells) if c]

    def agree(i: int, j: int) -> bool:
        return _cells_agree(versions, cells, edges, i, j)

    if all(agree(i, j) for n, i in enumerate(speakers) for j in speakers[n + 1:]):
        return "agree", (), ""
    by_path = {_norm(v.path): k for k, v in enumerate(versions)}

    def speaking_parent(k: int) -> int | None:
        """The nearest version up the chain from k that states the fact."""
        seen = {k}
        while (up := versions[k].parent) is not None:
            p = by_path.get(_norm(up))
            if p is None or p in seen:
                return None
            if cells[p]:
                return p
            seen.add(p)
            k = p
        return None

    blamed: list[int] = []
    whys: list[str] = []
    heads: list[int] = []
    for k in speakers:
        p = speaking_parent(k)
        if p is None:
            heads.append(k)
        elif not agree(k, p):
            blamed.append(k)
            whys.append(f"{_name(versions[k])} differs from {_name(versions[p])}, "
                        "which it was translated from")
    classes: list[list[int]] = []  # heads that state the fact alike
    for k in heads:
        for c in classes:
            if agree(k, c[0]):
                c.append(k)
                break
        else:
            classes.append([k])
    undecided = ""
    if len(classes) > 1:
        classes.sort(key=len, reverse=True)
        if len(heads) >= 3 and len(classes[0]) > len(classes[1]):
            minority = sorted(k for c in classes[1:] for k in c)
            blamed += minority
            whys += [f"{_name(versions[k])} is the minority of {len(heads)} versions "
                     "that state it on their own" for k in minority]
        else:
            names = " and ".join(_name(versions[k]) for k in sorted(heads))
            undecided = (f"{names} disagree with no source or majority to settle it: "
                         "cannot tell which")
    if not blamed:
        return "cannot-tell", (), undecided or "the versions disagree in a way no step explains"
    return "blamed", tuple(sorted(set(blamed))), "; ".join(whys + ([undecided] if undecided
                                                                   else []))


def _name(v: TableVersion) -> str:
    return os.path.basename(v.path)
