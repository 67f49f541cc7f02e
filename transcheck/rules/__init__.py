"""The rules: what kind of disagreement a finding is, with its default severity and its docs.

One module per rule owns its check (``applies``: do two facts disagree this way), its
message and its documentation, in the same three parts — what it finds, why it matters, an
example pair — from which ``docs/rules.md`` is generated
(``python -m transcheck.rules > docs/rules.md``). The example pairs are also fixture files
(``tests/fixtures/rules/RULE.toml``) that the tests run through ``check``. Whether two facts
say the same is not a rule's to decide: ``transcheck.sameness`` holds it for all of them.
Adding a rule is adding a module here, its fixture, and the step of the findings stage
that asks it.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from types import ModuleType

from ..model import Severity
from . import (
    entity_mismatch,
    missing_fact,
    number_mismatch,
    qualifier_mismatch,
    time_mismatch,
    unaligned_unit,
    unit_mismatch,
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    severity: Severity
    summary: str
    doc: str


MODULES: tuple[ModuleType, ...] = (number_mismatch, unit_mismatch, time_mismatch,
                                   qualifier_mismatch, entity_mismatch, missing_fact,
                                   unaligned_unit)


def _rule(module: ModuleType) -> Rule:
    doc = inspect.cleandoc(module.__doc__ or "")
    return Rule(module.NAME, module.SEVERITY, doc.split("\n", 1)[0], doc)


RULES: dict[str, Rule] = {r.name: r for r in map(_rule, MODULES)}


def rules_markdown() -> str:
    """The rules' docs as one Markdown page."""
    parts = ["# Rules\n", "| rule | default severity | finds |", "|---|---|---|"]
    parts += [f"| [{r.name}](#{r.name}) | {r.severity} | {r.summary} |" for r in RULES.values()]
    for r in RULES.values():
        body = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
        body = body.replace("## ", "### ")
        parts.append(f"\n## {r.name}\n\nDefault severity: **{r.severity}**. {r.summary}\n\n{body}")
    return "\n".join(parts) + "\n"

