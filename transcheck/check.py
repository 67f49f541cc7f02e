"""The library entry point: ``check(left, right)`` runs the whole pipeline and returns a Report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from .align import MAX_SPAN, align, xling
from .facts import extract_facts, fact_keys, units_facts
from .findings import compare
from .model import Document, Fact, InputError, Link, Pairing, Quantity, Report
from .workers import NO_WORKERS, may_spread, worker_pool

PARALLEL_FACTS = 100_000  # characters a side from which the two sides are read at once
FACT_PARTS = 32  # the other side is sent in parts: Ctrl-C waits for two at most


def read_facts(left: Document, right: Document,
               jobs: int = 1) -> tuple[list[Fact], list[Fact]]:
    """The facts of both versions. With ``jobs`` > 1 and long versions, the right one is
    read in a second process while this one reads the left: the same facts, in about half
    the time on a book. Where no process can be started, both are read here."""
    if not may_spread(jobs) or min(len(left.text), len(right.text)) < PARALLEL_FACTS:
        return extract_facts(left), extract_facts(right)
    # the first part is read before the worker starts: it builds the tagger and compiles
    # the patterns, which a forked worker then has without building them again
    first = -(-len(left.units) // FACT_PARTS)
    head = units_facts(left.units[:first], left.lang, left.date, left.path)
    rest = left.units[first:]
    step = -(-len(right.units) // FACT_PARTS)
    left_facts: list[Fact] | None = None  # read here while the worker reads the right
    try:
        with worker_pool(1) as pool:
            pending = [pool.submit(units_facts, right.units[lo:lo + step], right.lang,
                                   right.date, right.path)
                       for lo in range(0, len(right.units), step)]
            left_facts = head + units_facts(rest, left.lang, left.date, left.path)
            right_facts = [fact for part in pending for fact in part.result()]
    except NO_WORKERS:  # none started, or it died: what is left is read here
        if left_facts is None:
            left_facts = head + units_facts(rest, left.lang, left.date, left.path)
        return left_facts, extract_facts(right)
    return left_facts, right_facts


def align_documents(
    left: Document, right: Document, left_facts: list[Fact], right_facts: list[Fact],
    jobs: int = 1, max_span: int = MAX_SPAN,
) -> list[Link]:
    """Links between the units of two documents, anchored by the facts they share; a long
    pair uses up to ``jobs`` processes; the DP weighs links of up to ``max_span`` units."""
    return align(
        [u.text for u in left.units],
        [u.text for u in right.units],
        left_keys=_with_nouns(fact_keys(left_facts, len(left.units)), left_facts),
        right_keys=_with_nouns(fact_keys(right_facts, len(right.units)), right_facts),
        max_span=max_span,
        jobs=jobs,
        langs=(left.lang, right.lang),
    )


def _with_nouns(keys: list[set[str]], facts: list[Fact]) -> list[set[str]]:
    """Each unit's fact keys, and the counted nouns of its quantities without their values:
    3奈米製程 against 2奈米製程 is the same count of one thing, changed, and a changed
    figure must not push its unit out of its link (it is then that the link matters)."""
    for f in facts:
        if isinstance(f, Quantity) and f.noun and 0 <= f.unit_index < len(keys):
            keys[f.unit_index].add(f"n:{f.unit}:{f.noun}")
    return keys


def one_date(left: Document, right: Document) -> tuple[Document, Document]:
    """Two versions of one article speak from one day: where only one of them has a date
    (front matter on one file, or pair.toml beside one file), the other takes it, so that
    今年 on one side and 2026年 on the other agree instead of staying unresolved. The
    config's date, a default for every article, gives way to it."""
    def weak(doc: Document) -> bool:
        return doc.date is None or doc.date_source == "config"

    if weak(left) and not weak(right):
        left = dataclasses.replace(left, date=right.date, date_source="the other version")
    elif weak(right) and not weak(left):
        right = dataclasses.replace(right, date=left.date, date_source="the other version")
    return left, right


STAGES = ("reading the facts", "aligning", "comparing")


def check_documents(left: Document, right: Document, jobs: int = 1,
                    max_span: int = MAX_SPAN,
                    progress: Callable[[int, str], None] | None = None) -> Report:
    """Compare two loaded versions: facts → alignment → findings. ``progress`` is told
    each stage as it starts (its index in STAGES and its name)."""
    def stage(k: int) -> None:
        if progress is not None:
            progress(k, STAGES[k])

    left, right = one_date(left, right)
    stage(0)
    left_facts, right_facts = read_facts(left, right, jobs)
    stage(1)
    links = align_documents(left, right, left_facts, right_facts, jobs, max_span)
    stage(2)
    pairings: list[Pairing] = []
    findings = compare(left, right, left_facts, right_facts, links, pairings)
    return Report(left, right, links, findings, left_facts, right_facts,
                  signals=xling.signals(left.lang, right.lang), pairings=pairings)


def check(
    left: str,
    right: str,
    *,
    lang: str = "auto",
    when: date | None = None,
    date_source: str | None = "option",
    encoding: str | None = None,
    jobs: int = 1,
    max_span: int = MAX_SPAN,
) -> Report:
    """Check two files: ``transcheck.check("a.ja.txt", "b.ja.txt").findings``.

    The versions are read as ``transcheck check`` reads them: ``when`` (the day the article
    speaks from) and ``lang`` first, then the ``pair.toml`` of the folder a file is in
    (date, lang, encoding), then the file's front matter ``date:``; without any, relative
    times stay relative. Suppression comments in the text apply, as on the command line;
    a config and a baseline do not (pass the result through :func:`transcheck.run.finish`).
    """
    from .run import Options, PairResult, finish, load_version

    options = Options(lang=lang, when=when, encoding=encoding)
    ldoc, rdoc = load_version(left, options), load_version(right, options)
    if when is not None:
        ldoc.date_source = rdoc.date_source = date_source
    result = finish(PairResult(left, right, report=check_documents(ldoc, rdoc, jobs, max_span)))
    if result.error is not None:
        raise InputError(result.error)
    assert result.report is not None
    return result.report
