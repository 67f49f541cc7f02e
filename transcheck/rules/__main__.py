"""``python -m transcheck.rules > docs/rules.md``: the rules' docs as one Markdown page."""

from . import rules_markdown

print(rules_markdown(), end="")
