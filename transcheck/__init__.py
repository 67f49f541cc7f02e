"""transcheck: check translations of one article against each other for drift in facts.

>>> import transcheck
>>> report = transcheck.check("a.ja.txt", "b.ja.txt")  # doctest: +SKIP
>>> [f.rule for f in report.findings]  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from .check import check, check_documents
from .model import Finding, InputError, Report

__all__ = ["Finding", "InputError", "Report", "__version__", "check", "check_documents"]
