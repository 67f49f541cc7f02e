"""transcheck: check translations of one article against each other for drift in facts.

>>> import transcheck
>>> report = transcheck.check("a.ja.txt", "b.ja.txt")  # doctest: +SKIP
>>> [f.rule for f in report.findings]  # doctest: +SKIP
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .check import check, check_documents
    from .model import Finding, InputError, Report

__all__ = ["Finding", "InputError", "Report", "__version__", "check", "check_documents"]

_LAZY = {"check": ".check", "check_documents": ".check", "Finding": ".model",
         "InputError": ".model", "Report": ".model"}


class _Package(types.ModuleType):
    """``transcheck.check`` is the function: importing the submodule of the same name
    (``from transcheck.check import read_facts``) does not rebind it, as it would here,
    where the function is imported lazily. The submodule stays in ``sys.modules``."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "check" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """The pipeline is imported on first use, so `transcheck --version` need not load it."""
    if name not in _LAZY:
        raise AttributeError(f"module 'transcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value
