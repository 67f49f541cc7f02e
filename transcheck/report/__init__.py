"""Renderers: each takes a finished Report and returns text; none recomputes findings."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from . import json as json_format
from . import text as text_format

Renderer = Callable[[Report, bool], str]

FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
}


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """The report in one of FORMATS."""
    return FORMATS[fmt](report, color)
