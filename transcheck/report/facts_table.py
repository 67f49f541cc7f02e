"""A folder's fact table: the JSON object ``transcheck/facts-table@1`` and the text grid of
its disagreeing rows. Both render a finished :class:`~transcheck.table.FactTable`."""

from __future__ import annotations

import os
import unicodedata
from typing import Any

from ..model import Document, Fact
from ..table import FactTable, Row
from .common import printable
from .json import fact_dict

TABLE_SCHEMA = "transcheck/facts-table@1"
CELL_WIDTH = 22  # display columns of one version's cell in the grid


def table_dict(table: FactTable) -> dict[str, Any]:
    """The table as ``transcheck/facts-table@1``: every row, agreeing or not."""
    return {
        "schema": TABLE_SCHEMA,
        "folder": table.folder,
        "versions": [{"path": v.path, "label": v.label, "lang": v.lang, "from": v.parent}
                     for v in table.versions],
        "rows": [_row_dict(table, row) for row in table.rows],
        "summary": {"rows": len(table.rows), "disagreeing": len(table.disagreeing()),
                    "blamed": sum(1 for r in table.rows if r.verdict == "blamed")},
    }


def _row_dict(table: FactTable, row: Row) -> dict[str, Any]:
    cells: list[list[dict[str, Any]] | None] = []
    for doc, cell in zip(table.documents, row.cells, strict=True):
        if cell is None or doc is None:
            cells.append(None)
        else:
            cells.append([fact_dict(doc, f) for f in cell])
    return {"kind": row.kind, "verdict": row.verdict,
            "blame": [table.versions[k].path for k in row.blame], "why": row.why,
            "cells": cells}


def grid(table: FactTable) -> str:
    """The disagreeing rows, one line each: every version's statement, then the blame."""
    rows = table.disagreeing()
    if not rows:
        return ""
    names = [os.path.basename(v.path) for v in table.versions]
    where = f" of {table.folder}" if table.folder else ""
    head = f"Fact table{where}: {len(rows)} of {len(table.rows)} facts disagree across " \
           f"{len(names)} versions"
    lines = [head, "  " + " ".join(_pad(n, CELL_WIDTH) for n in names) + " blame"]
    for row in rows:
        cells = [_cell(doc, cell) for doc, cell in zip(table.documents, row.cells,
                                                        strict=True)]
        marks = ["*" if k in row.blame else " " for k in range(len(cells))]
        blame = ", ".join(names[k] for k in row.blame) if row.blame else "cannot tell"
        lines.append(f"{row.kind[0]} " + " ".join(
            _pad(m + c, CELL_WIDTH) for m, c in zip(marks, cells, strict=True)) + " " + blame)
    lines.append("(* the version to blame; — the version does not state it; "
                 "q quantity, t time, e entity)")
    return "".join(printable(line) + "\n" for line in lines)


def _cell(doc: Document | None, cell: tuple[Fact, ...] | None) -> str:
    if not cell or doc is None:
        return "—"
    f = cell[0]
    more = f"+{len(cell) - 1}" if len(cell) > 1 else ""
    return f"{f.text} L{doc.position(f.start)[0]}{more}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    while _width(text) > width:
        text = text[:-2] + "…"
    return text + " " * (width - _width(text))
