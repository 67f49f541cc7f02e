"""Every rule's documented example pair, kept as a fixture file, is run through `check`:
the rule reports it, at its default severity, on the texts the fixture names; and the
rule's docs show the fixture's lines, so that docs and tests cannot drift apart."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from transcheck.check import check_documents
from transcheck.load import parse_document
from transcheck.rules import RULES

from .conftest import FIXTURES

RULE_FIXTURES = FIXTURES / "rules"


def _example(name: str) -> dict[str, Any]:
    return tomllib.loads((RULE_FIXTURES / f"{name}.toml").read_text("utf-8"))


def _documented(name: str) -> dict[str, list[str]]:
    """The left and right lines of the Example block of a rule's docs."""
    block = re.search(r"```\n(.*?)```", RULES[name].doc.split("## Example")[1], re.S)
    assert block, name
    sides: dict[str, list[str]] = {"left": [], "right": []}
    for side, text in re.findall(r"^(left|right):\s*(.*)$", block.group(1), re.M):
        sides[side].append(text)
    return sides


def test_every_rule_has_an_example_fixture() -> None:
    assert sorted(p.stem for p in RULE_FIXTURES.glob("*.toml")) == sorted(RULES)


@pytest.mark.parametrize("name", list(RULES))
def test_the_documented_example_is_reported(name: str) -> None:
    example = _example(name)
    assert _documented(name) == {"left": example["left"], "right": example["right"]}
    day = example.get("date")
    left = parse_document("\n\n".join(example["left"]) + "\n", "left.txt", when=day)
    right = parse_document("\n\n".join(example["right"]) + "\n", "right.txt", when=day)
    report = check_documents(left, right)
    expect = example["expect"]
    found = [(f.severity, f.left.text if f.left else None, f.right.text if f.right else None)
             for f in report.findings if f.rule == name]
    assert (expect["severity"], expect.get("left"), expect.get("right")) in found, found
    assert expect["severity"] == RULES[name].severity
