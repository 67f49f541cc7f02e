"""JSON Schemas of transcheck's outputs: report@1, alignment@1, facts@1."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_schema(name: str) -> dict[str, Any]:
    """The schema ``report``, ``alignment`` or ``facts`` as a dict."""
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
