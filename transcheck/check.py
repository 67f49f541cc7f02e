"""The library entry point: ``check(left, right)`` runs the whole pipeline and returns a Report."""

from __future__ import annotations

from datetime import date

from .align import MAX_SPAN, align
from .facts import extract_facts, fact_keys
from .findings import compare
from .load import load_document
from .model import Document, Fact, Link, Report


def align_documents(
    left: Document, right: Document, left_facts: list[Fact], right_facts: list[Fact],
    jobs: int = 1, max_span: int = MAX_SPAN,
) -> list[Link]:
    """Links between the units of two documents, anchored by the facts they share; a long
    pair uses up to ``jobs`` processes; the DP weighs links of up to ``max_span`` units."""
    return align(
        [u.text for u in left.units],
        [u.text for u in right.units],
        left_keys=fact_keys(left_facts, len(left.units)),
        right_keys=fact_keys(right_facts, len(right.units)),
        max_span=max_span,
        jobs=jobs,
    )


def check_documents(left: Document, right: Document, jobs: int = 1,
                    max_span: int = MAX_SPAN) -> Report:
    """Compare two loaded versions: facts → alignment → findings."""
    left_facts = extract_facts(left)
    right_facts = extract_facts(right)
    links = align_documents(left, right, left_facts, right_facts, jobs, max_span)
    findings = compare(left, right, left_facts, right_facts, links)
    return Report(left, right, links, findings, left_facts, right_facts)


def check(
    left: str,
    right: str,
    *,
    lang: str = "auto",
    when: date | None = None,
    date_source: str | None = "option",
) -> Report:
    """Check two files: ``transcheck.check("a.ja.txt", "b.ja.txt").findings``.

    ``when`` is the day the article speaks from; without it each file's front matter
    ``date:`` is used, and without that relative times stay relative.
    """
    return check_documents(
        load_document(left, lang=lang, when=when, date_source=date_source),
        load_document(right, lang=lang, when=when, date_source=date_source),
    )
