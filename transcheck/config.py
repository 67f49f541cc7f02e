"""Project configuration: ``[tool.transcheck]`` in pyproject.toml, or a ``transcheck.toml``.

An editorial repository keeps its policy next to its articles: which rules it cares about,
how severe they are, what to leave out, and its default language and date. The file is
found upward from the working directory (the first directory holding one wins; in one
directory ``transcheck.toml`` wins over ``pyproject.toml``), or named with ``--config``.

```toml
# transcheck.toml (in pyproject.toml the same keys go under [tool.transcheck])
fail-on = "warning"
lang = "ja"
date = 2026-01-23
baseline = "transcheck-baseline.json"
dirs = ["pairs"]

[rules]
missing-fact = "off"          # disable a rule
unit-mismatch = "warning"     # change its severity

[ignore]
paths = ["pairs/drafts/*"]    # globs of files or pair folders, relative to this file
messages = ["^only in the right version: TechFlow解説"]  # regexes of finding text
```
Findings are post-processed by :func:`apply_config`, a pure function of the findings and
the config; nothing here recomputes a finding.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .datafile import parse_toml, read_text
from .load import parse_date
from .model import SEVERITIES, Finding, InputError, Severity
from .rules import RULES

CONFIG_FILE = "transcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("ja", "zh", "en", "auto")
OFF = "off"


@dataclass(frozen=True, slots=True)
class Config:
    """What a config file says; every field has the value used when the file is silent."""

    path: str | None = None  # the file it came from, None for the built-in defaults
    fail_on: str | None = None
    lang: str | None = None
    date: date | None = None
    baseline: str | None = None  # resolved against the config file's folder
    dirs: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # rule → severity
    disabled: frozenset[str] = frozenset()
    ignore_paths: tuple[str, ...] = ()  # globs, relative to root
    ignore_messages: tuple[re.Pattern[str], ...] = ()

    @property
    def root(self) -> str:
        """The folder relative paths in the config are resolved against."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def ignores_path(self, path: str) -> bool:
        """Whether a file or folder matches one of the ``ignore.paths`` globs."""
        if not self.ignore_paths:
            return False
        rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        return any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(rel, g.rstrip("/") + "/*")
                   for g in self.ignore_paths)


def _shown(path: str) -> str:
    """The config path as the user would type it: relative when under the working directory."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def find_config(start: str | None = None) -> str | None:
    """The nearest transcheck.toml, or pyproject.toml with a [tool.transcheck] table, upward."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, CONFIG_FILE)
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(folder, PYPROJECT)
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


_TOOL_TABLE = re.compile(r"^[ \t]*(?:\[[ \t]*)?tool[ \t]*\.[ \t]*[\"']?transcheck\b|"
                         r"^[ \t]*transcheck[ \t]*[=.]", re.M)


def _has_tool_table(path: str) -> bool:
    """Whether a pyproject.toml configures transcheck. One that does not parse is ours to
    report when its text names transcheck's table (a broken table must not silently drop
    the policy); otherwise it belongs to another tool."""
    try:
        text = read_text(path)
    except InputError:
        return False
    try:
        data = parse_toml(text, path)
    except InputError:
        return _TOOL_TABLE.search(text) is not None  # load_config reports the error
    tool = data.get("tool")
    return isinstance(tool, dict) and "transcheck" in tool


def load_config(path: str | None = None, *, search: bool = True) -> Config:
    """Read the config named by ``--config``, else the one found upward, else the defaults."""
    if path is None:
        if not search:
            return Config()
        path = find_config()
        if path is None:
            return Config()
    shown = _shown(path)
    data = parse_toml(read_text(path, shown), shown)
    prefix = ""
    if os.path.basename(path) == PYPROJECT:
        tool = data.get("tool", {})
        prefix = "tool.transcheck."
        if not isinstance(tool, dict):
            raise InputError(f"{shown}: tool: expected a table")
        data = tool.get("transcheck", {})
        if not isinstance(data, dict):
            raise InputError(f"{shown}: tool.transcheck: expected a table")
    return parse_config(data, os.path.abspath(path), shown=shown, prefix=prefix)


def parse_config(data: dict[str, Any], path: str | None, *, shown: str = "config",
                 prefix: str = "") -> Config:
    """Check every key and value; the first bad one is an InputError naming it."""

    def bad(key: str, why: str) -> InputError:
        return InputError(f"{shown}: {prefix}{key}: {why}")

    known = {"fail-on", "lang", "date", "baseline", "dirs", "rules", "ignore"}
    for key in data:
        if key not in known:
            raise bad(key, f"unknown key (known: {', '.join(sorted(known))})")
    out: dict[str, Any] = {"path": path}
    if "fail-on" in data:
        value = data["fail-on"]
        if value not in FAIL_ON:
            raise bad("fail-on", f"unknown value {value!r} (use {', '.join(FAIL_ON)})")
        out["fail_on"] = value
    if "lang" in data:
        value = data["lang"]
        if value not in LANGS:
            raise bad("lang", f"unknown language {value!r} (use {', '.join(LANGS)})")
        out["lang"] = value
    if "date" in data:
        value = data["date"]
        if isinstance(value, date) and not hasattr(value, "hour"):
            out["date"] = value
        elif isinstance(value, str):
            out["date"] = parse_date(value, f"{shown}: {prefix}date")
        else:
            raise bad("date", f"not a date in the form YYYY-MM-DD: {value!r}")
    if "baseline" in data:
        if not isinstance(data["baseline"], str) or not data["baseline"]:
            raise bad("baseline", "expected a file name")
        out["baseline"] = data["baseline"]
    if "dirs" in data:
        out["dirs"] = tuple(_strings(data["dirs"], lambda why: bad("dirs", why)))
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict):
            raise bad("rules", "expected a table of rule = severity")
        severity: dict[str, Severity] = {}
        disabled: set[str] = set()
        for name, value in rules.items():
            if name not in RULES:
                raise bad(f"rules.{name}", f"unknown rule (known: {', '.join(RULES)})")
            if value == OFF or value is False:
                disabled.add(name)
            elif value in SEVERITIES:
                severity[name] = value
            else:
                raise bad(f"rules.{name}", f"unknown severity {value!r} "
                          f"(use {', '.join(SEVERITIES)} or off)")
        out["severity"], out["disabled"] = severity, frozenset(disabled)
    if "ignore" in data:
        ignore = data["ignore"]
        if not isinstance(ignore, dict):
            raise bad("ignore", "expected a table with paths and messages")
        for key in ignore:
            if key not in ("paths", "messages"):
                raise bad(f"ignore.{key}", "unknown key (known: messages, paths)")
        out["ignore_paths"] = tuple(
            _strings(ignore.get("paths", []), lambda why: bad("ignore.paths", why)))
        patterns = []
        for k, text in enumerate(
                _strings(ignore.get("messages", []), lambda why: bad("ignore.messages", why))):
            try:
                patterns.append(re.compile(text))
            except re.error as exc:
                raise bad(f"ignore.messages[{k}]", f"bad regular expression {text!r}: {exc}") \
                    from None
        out["ignore_messages"] = tuple(patterns)
    return Config(**out)


def _strings(value: object, bad: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad("expected a list of strings")
    return list(value)


def resolve(config: Config, relative: str) -> str:
    """A path written in the config file, as a path usable from the working directory."""
    full = os.path.join(config.root, relative)
    rel = os.path.relpath(full)
    return full if rel.startswith("..") else rel


def finding_texts(f: Finding) -> Iterable[str]:
    """The texts an ``ignore.messages`` regex is tried on: the message and both located texts."""
    yield f.message
    for loc in (f.left, f.right):
        if loc is not None:
            yield loc.text


def apply_config(findings: Sequence[Finding], config: Config) -> list[Finding]:
    """Findings with disabled rules and ignored messages dropped and severities overridden.

    An override replaces the rule's default severity; a finding the rule itself reported
    below its default (a weak number match, an unresolved time) keeps the lower of the two.

    >>> apply_config(findings, Config(severity={"unit-mismatch": "warning"}))  # doctest: +SKIP
    """
    out: list[Finding] = []
    for f in findings:
        if f.rule in config.disabled:
            continue
        if any(p.search(t) for p in config.ignore_messages for t in finding_texts(f)):
            continue
        wanted = config.severity.get(f.rule)
        if wanted is None or wanted == f.severity:
            out.append(f)
            continue
        if f.severity != RULES[f.rule].severity:
            # a finding the rule already toned down (weak evidence) is never raised above
            # its own severity, only lowered with the rule
            wanted = wanted if SEVERITIES.index(wanted) > SEVERITIES.index(f.severity) \
                else f.severity
        out.append(dataclasses.replace(f, severity=wanted))
    return out
