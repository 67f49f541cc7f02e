"""Compare the facts of aligned units and turn disagreements into findings.

Within each link of the alignment (a block of units on each side) the facts of one side are
paired with the facts of the other, kind by kind:

1. facts that agree are paired first (same amount and unit, same time, same name);
2. facts whose place pairs them are paired next, whatever their values: the one candidate
   of each other's aligned sentence, or the same counted noun there. A value the other side
   restates elsewhere cannot take a changed fact's counterpart away, and numbers without a
   unit (a table cell) are compared only so;
3. a fact restated elsewhere in the block, or in a neighbouring block, is then not lost;
4. what is left can disagree: candidates are scored by the noun they count, the sentence
   they sit in and their context, and paired best first (an assignment, not a
   nearest-number guess); a conflict between well-matched facts is reported at the rule's
   severity, one on weak evidence as a warning that says so;
5. a fact still alone faces the facts of the one-sided units beside the link (a changed
   figure may have pushed its unit out of it), and two facing one-sided units each other,
   each the other's only candidate; what stays unpaired is a missing fact.

Every finding points at the exact text on both sides and has an id made of its rule and its
normalized local text, so that a baseline survives unrelated edits.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import operator
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import regex

from .facts.times import is_length
from .model import (
    Document,
    Entity,
    Fact,
    Finding,
    Link,
    Location,
    Pairing,
    Quantity,
    Severity,
    TimeSpan,
)
from .rules import (
    RULES,
    entity_mismatch,
    missing_fact,
    number_mismatch,
    qualifier_mismatch,
    time_mismatch,
    unaligned_unit,
    unit_mismatch,
)
from .sameness import (
    measure,
    names_agree,
    nouns_agree,
    per_compatible,
    quantities_agree,
    rounds_to,
    same_amount,
    times_agree,
    units_agree,
)

F = TypeVar("F", bound=Fact)

SPARE_LINKS = 3  # one-sided links either side of a link whose facts may face its own
CONTEXT = 12  # characters either side of a fact that go into its id and its context score


@dataclass(frozen=True, slots=True)
class Verdict:
    """A decision about two facts (or one fact alone) of one block."""

    rule: str
    left: Fact | None
    right: Fact | None
    message: str
    severity: Severity | None = None  # None: the rule's default


@dataclass(slots=True)
class Block:
    """One link's facts on both sides, with what is needed to weigh candidate pairs."""

    left_doc: Document
    right_doc: Document
    link: Link
    left: list[Fact]
    right: list[Fact]
    near_left: list[Fact] = field(default_factory=list)  # facts of the neighbouring links
    near_right: list[Fact] = field(default_factory=list)
    left_names: frozenset[str] = frozenset()  # every entity name of each whole version
    right_names: frozenset[str] = frozenset()
    # facts of the one-sided units next to the link: a changed fact may have pushed its unit
    # out of the link, so what stays unpaired here may still face its counterpart there
    spare_left: list[Fact] = field(default_factory=list)
    spare_right: list[Fact] = field(default_factory=list)
    paired: list[tuple[Fact, Fact]] = field(default_factory=list)  # every pair made, in order
    _sentences: dict[int, int] | None = None  # id(fact) → index of its sentence pair
    _bags: dict[int, frozenset[str]] = field(default_factory=dict)

    def sentence_pair(self, fact: Fact) -> int | None:
        """Index of the aligned sentence pair a fact is in, if the block was refined."""
        if self._sentences is None:
            self._sentences = self._refine()
        return self._sentences.get(id(fact))

    def _refine(self) -> dict[int, int]:
        from .align import refine

        def joined(doc: Document, units: tuple[int, ...]) -> tuple[str, list[int]]:
            starts, parts, pos = [], [], 0
            for i in units:
                starts.append(pos)
                parts.append(doc.units[i].text)
                pos += len(doc.units[i].text) + 1
            return "\n".join(parts), starts

        ltext, lstarts = joined(self.left_doc, self.link.left)
        rtext, rstarts = joined(self.right_doc, self.link.right)
        pairs = refine(ltext, rtext)
        where: dict[int, int] = {}
        for facts, doc, units, starts, side in (
            (self.left, self.left_doc, self.link.left, lstarts, 0),
            (self.right, self.right_doc, self.link.right, rstarts, 1),
        ):
            for f in facts:
                k = units.index(f.unit_index)
                pos = starts[k] + f.start - doc.units[f.unit_index].start
                for n, spans in enumerate(pairs):
                    a, b = spans[side]
                    if a <= pos < b:
                        where[id(f)] = n
                        break
        return where

    def same_sentence(self, a: Fact, b: Fact) -> bool | None:
        """Whether two facts sit in sentences aligned with each other (None: unknown)."""
        sa, sb = self.sentence_pair(a), self.sentence_pair(b)
        if sa is None or sb is None:
            return None
        return sa == sb

    def context_similarity(self, a: Fact, b: Fact) -> float:
        """Share of the character pairs around two facts that the other fact has around it."""
        ca = self._bag(self.left_doc, a)
        cb = self._bag(self.right_doc, b)
        if not ca or not cb:
            return 0.0
        return len(ca & cb) / min(len(ca), len(cb))

    def _bag(self, doc: Document, f: Fact) -> frozenset[str]:
        bag = self._bags.get(id(f))
        if bag is None:
            bag = self._bags[id(f)] = _bag(_around(doc, f))
        return bag

    def position(self, f: Fact, side: str) -> float:
        """Where a fact stands in its side of the block, from 0 (start) to 1 (end)."""
        doc, units = (self.left_doc, self.link.left) if side == "left" else (
            self.right_doc, self.link.right)
        lo, hi = doc.units[units[0]].start, doc.units[units[-1]].end
        return (f.start - lo) / max(hi - lo, 1)


def _around(doc: Document, f: Fact) -> str:
    return doc.text[max(0, f.start - CONTEXT) : f.start] + doc.text[f.end : f.end + CONTEXT]


def _bag(text: str) -> frozenset[str]:
    chars = "".join(filter(str.isalnum, unicodedata.normalize("NFKC", text).casefold()))
    return frozenset(map(operator.add, chars, chars[1:]))  # each character and the next


# --- quantities ---------------------------------------------------------------------------


def _amount(q: Quantity) -> Hashable:
    return tuple(None if v is None else f"{v:.9g}" for v in (q.value, q.low, q.high))


def _unit_key(q: Quantity) -> Hashable:
    return q.unit


def _quantity_verdicts(block: Block, lq: list[Quantity], rq: list[Quantity]) -> list[Verdict]:
    out: list[Verdict] = []
    left, right = list(lq), list(rq)
    ld, rd = block.left_doc, block.right_doc
    cross = ld.lang != rd.lang

    def agree(a: Quantity, b: Quantity) -> bool:
        return quantities_agree(a, b, cross)

    # 1. agreement; a differing bound on an agreeing amount is a qualifier-mismatch
    for a, b in _assign(block, left, right, agree, _closeness, _amount):
        if qualifier_mismatch.applies(a, b):
            out.append(_qualifier_verdict(block, a, b))

    # 1b. a hedged amount that rounds the other (约5亿 / 5.2亿): a differing bound, not value
    for a, b in _assign(block, left, right, lambda a, b: rounds_to(a, b, cross), _closeness,
                        measure):
        out.append(_qualifier_verdict(block, a, b, " (the hedged figure rounds the other)"))

    def value_conflict(a: Quantity, b: Quantity) -> bool:
        return number_mismatch.applies(a, b, cross)

    def conflict(a: Quantity, b: Quantity, strong: bool, why: str) -> None:
        out.append(Verdict(number_mismatch.NAME, a, b,
                           number_mismatch.message(ld, rd, a, b, why),
                           None if strong else "warning"))

    # 2. a fact whose place pairs it with one of the other side (the one candidate of its
    # aligned sentence, or the same counted noun there) is its counterpart, even where the
    # other side states its value elsewhere: a changed figure must not hide behind a copy.
    # Numbers without a unit (a table cell, 20万、あるいは30万) are compared only so.
    def loose(a: Quantity, b: Quantity) -> bool:
        return value_conflict(a, b) or (units_agree(a.unit, b.unit) and per_compatible(a, b)
                                        and nouns_agree(a, b, cross) is not False)

    def sure(a: Quantity, b: Quantity) -> bool:
        return (not same_amount(a, b) and loose(a, b)
                and _pinned(block, a, b, left, right, loose, nouns_agree(a, b, cross)))

    for a, b in _assign(block, left, right, sure, _closeness):
        conflict(a, b, True, "")

    _drop_restated(left, block.right + block.near_right, agree, _amount)
    _drop_restated(right, block.left + block.near_left, lambda b, a: agree(a, b), _amount)

    # 3. the same amount in another unit of the same family, or for another period
    for a, b in _assign(block, left, right, lambda a, b: unit_mismatch.applies(a, b, cross),
                        _closeness, _amount):
        out.append(Verdict(unit_mismatch.NAME, a, b, unit_mismatch.message(ld, rd, a, b)))
        if qualifier_mismatch.applies(a, b):
            out.append(_qualifier_verdict(block, a, b))

    # 4. what is left, counting the same thing, is a conflict of values
    def measured_conflict(a: Quantity, b: Quantity) -> bool:
        return a.unit is not None and value_conflict(a, b)

    for a, b in _assign(block, left, right, measured_conflict, _closeness, measure):
        strong, why = _evidence(block, a, b, [*left, a], [*right, b], measured_conflict,
                                nouns_agree(a, b, cross))
        conflict(a, b, strong, why)

    # 5. a fact left alone may face its counterpart in a one-sided unit next to the link
    for a, b in _spare_pairs(block, left, right, Quantity, lambda a, b: (
            a.unit is not None and value_conflict(a, b) and not same_amount(a, b))):
        conflict(a, b, True, "")
    out += _missing(block, left, "left") + _missing(block, right, "right")
    return out


def _pinned(block: Block, a: F, b: F, left: Sequence[F], right: Sequence[F],
            comparable: Callable[[F, F], bool], nouns: bool | None) -> bool:
    """Whether two facts' places pair them: the same column of two table rows of as many
    columns; in one aligned sentence (or a one-to-one link of single sentences) with the
    same counted noun, or each the other's only candidate."""
    cells = _cell(block.left_doc, a), _cell(block.right_doc, b)
    if cells[0] and cells[1] and cells[0][0] == cells[1][0]:
        return cells[0][1] == cells[1][1]
    sentence = block.same_sentence(a, b)
    if sentence is None:
        sentence = len(block.link.left) == len(block.link.right) == 1 or None
    if not sentence:
        return False
    if nouns:
        return True
    mine = [x for x in left if block.same_sentence(x, b) is not False and comparable(x, b)]
    theirs = [y for y in right if block.same_sentence(a, y) is not False and comparable(a, y)]
    return len(mine) == 1 and len(theirs) == 1


_CELL_BREAK = regex.compile(r"\t|(?<!\\)\|")


def _cell(doc: Document, f: Fact) -> tuple[int, int] | None:
    """(columns of its row, its column) for a fact in a table row, else None."""
    unit = doc.units[f.unit_index]
    if unit.kind != "table-row":
        return None
    text = unit.text.strip().strip("|")
    offset = f.start - unit.start - (len(unit.text) - len(unit.text.lstrip().lstrip("|")))
    return (len(_CELL_BREAK.findall(text)) + 1,
            len(_CELL_BREAK.findall(text[:max(offset, 0)])))


def _spare_pairs(block: Block, left: list[F], right: list[F], kind: type[F],
                 conflict: Callable[[F, F], bool]) -> list[tuple[F, F]]:
    """Facts left alone in the link against the facts of the one-sided units beside it,
    and facts of two facing one-sided units against each other, that conflict, each the
    other's only candidate; paired facts leave ``left``, ``right`` and the spare lists."""
    spare_l = [f for f in block.spare_left if isinstance(f, kind)]
    spare_r = [f for f in block.spare_right if isinstance(f, kind)]
    if not (spare_l or spare_r):
        return []
    core_l, core_r = {id(f) for f in left}, {id(f) for f in right}

    def allowed(a: F, b: F) -> bool:
        if id(a) in core_l:
            return id(b) not in core_r
        return id(b) in core_r or _facing(block, a, b)

    edges = [(a, b) for a in [*left, *spare_l] for b in [*right, *spare_r]
             if allowed(a, b) and conflict(a, b)]
    per_left = Counter(id(a) for a, _ in edges)
    per_right = Counter(id(b) for _, b in edges)
    found = [(a, b) for a, b in edges if per_left[id(a)] == per_right[id(b)] == 1]
    block.paired += found
    taken = {id(f) for pair in found for f in pair}
    left[:] = [f for f in left if id(f) not in taken]
    right[:] = [f for f in right if id(f) not in taken]
    block.spare_left[:] = [f for f in block.spare_left if id(f) not in taken]
    block.spare_right[:] = [f for f in block.spare_right if id(f) not in taken]
    return found


def _facing(block: Block, a: Fact, b: Fact) -> bool:
    """Two spare facts on the same side of the link (both before it, or both after it)."""
    return (a.start < block.left_doc.units[block.link.left[0]].start) == (
        b.start < block.right_doc.units[block.link.right[0]].start)


def _evidence(block: Block, a: F, b: F, left: Sequence[F], right: Sequence[F],
              compatible: Callable[[F, F], bool], nouns: bool | None) -> tuple[bool, str]:
    """Whether a pairing is well founded, and if not, the words that say why."""
    rivals = (sum(1 for x in left if compatible(x, b)) - 1
              + sum(1 for y in right if compatible(a, y)) - 1)
    sentence = block.same_sentence(a, b)
    if nouns or (rivals == 0 and sentence is not False):
        return True, ""
    if sentence and block.context_similarity(a, b) >= 0.2:
        return True, ""
    reasons = []
    if rivals:
        reasons.append("other candidates in the block")
    if sentence is False:
        reasons.append("in sentences not aligned with each other")
    return False, f" (weak match: {', '.join(reasons) or 'little shared context'})"


# --- times --------------------------------------------------------------------------------


def _time_key(t: TimeSpan) -> Hashable:
    """Times that can be "same" share this: lengths, dated points, undated points."""
    return ("length",) if is_length(t) else ("point", t.time_start is None)


def _time_verdicts(block: Block, lt: list[TimeSpan], rt: list[TimeSpan]) -> list[Verdict]:
    out: list[Verdict] = []
    left, right = list(lt), list(rt)
    ld, rd = block.left_doc, block.right_doc

    agree = times_agree

    for a, b in _assign(block, left, right, agree, _closeness):
        if qualifier_mismatch.applies(a, b):
            out.append(_qualifier_verdict(block, a, b))

    comparable, differ = time_mismatch.applies, time_mismatch.differ

    def conflict(a: TimeSpan, b: TimeSpan, strong: bool, why: str) -> None:
        severity, message = time_mismatch.verdict(ld, rd, a, b, strong, why)
        out.append(Verdict(time_mismatch.NAME, a, b, message, severity))

    # a time whose place pairs it with one of the other side is its counterpart, even where
    # the other side states it elsewhere (see ``_quantity_verdicts``)
    def sure(a: TimeSpan, b: TimeSpan) -> bool:
        return differ(a, b) and _pinned(block, a, b, left, right, comparable, None)

    for a, b in _assign(block, left, right, sure, _closeness):
        conflict(a, b, True, "")
    _drop_restated(left, block.right + block.near_right, agree, _time_key)
    _drop_restated(right, block.left + block.near_left, lambda b, a: agree(a, b), _time_key)

    for a, b in _assign(block, left, right, comparable, _closeness):
        strong, why = _evidence(block, a, b, [*left, a], [*right, b], comparable, None)
        conflict(a, b, strong, why)
    for a, b in _spare_pairs(block, left, right, TimeSpan, differ):
        conflict(a, b, True, "")
    out += _missing(block, left, "left") + _missing(block, right, "right")
    return out


# --- entities -----------------------------------------------------------------------------


def _entity_verdicts(block: Block, le: list[Entity], re_: list[Entity]) -> list[Verdict]:
    out: list[Verdict] = []
    left, right = list(le), list(re_)
    ld, rd = block.left_doc, block.right_doc

    agree = names_agree

    _assign(block, left, right, agree, _closeness, _name)
    _drop_restated(left, block.right + block.near_right, agree, _name)
    _drop_restated(right, block.left + block.near_left, agree, _name)

    for a, b in _assign(block, left, right, entity_mismatch.applies, _closeness, _family):
        if _mentioned(block, a, "right") or _mentioned(block, b, "left"):
            continue  # "Colossus IおよびII": the other version is written, only shortened
        out.append(Verdict(entity_mismatch.NAME, a, b, entity_mismatch.message(ld, rd, a, b)))
    # a name the other version uses elsewhere is not an omitted detail
    lonely_left = [e for e in left if _is_name(e) and e.name not in block.right_names]
    lonely_right = [e for e in right if _is_name(e) and e.name not in block.left_names]
    out += _missing(block, lonely_left, "left") + _missing(block, lonely_right, "right")
    return out


def _name(e: Entity) -> Hashable:
    return e.name


def _family(e: Entity) -> Hashable:
    return e.family


_LATIN = regex.compile(r"\p{Latin}")


def _is_name(e: Entity) -> bool:
    """Names worth reporting as missing: Latin-script names and identifiers."""
    return bool(_LATIN.search(e.text)) and len(e.name) > 2


def _mentioned(block: Block, e: Entity, side: str) -> bool:
    """Whether the other side names this version in a list after the family name.

    "Colossus IおよびII" mentions Colossus II; "Grok 3/4" mentions Grok 4.
    """
    version = e.text[len(e.family or ""):].strip(" -") if e.family else ""
    if not version or not e.family:
        return False
    doc, units = (block.right_doc, block.link.right) if side == "right" else (
        block.left_doc, block.link.left)
    pattern = regex.compile(
        regex.escape(e.family, special_only=True)
        + r"[\s\-]*(?:[\p{Latin}\d.]+\s*(?:および|及び|と|や|、|,|/|&|and|or)\s*)+"
        + regex.escape(version) + r"(?![\p{Latin}\d])",
        regex.I,
    )
    return any(pattern.search(doc.units[i].text) for i in units)


# --- pairing ------------------------------------------------------------------------------


def _closeness(block: Block, a: Fact, b: Fact) -> float:
    """Higher for facts with similar context, relative position and counted noun."""
    score = block.context_similarity(a, b)
    score += 1.0 - abs(block.position(a, "left") - block.position(b, "right"))
    if isinstance(a, Quantity) and isinstance(b, Quantity) and nouns_agree(a, b):
        score += 2.0
    return score


def _assign(block: Block, left: list[F], right: list[F], ok: Callable[[F, F], bool],
            score: Callable[[Block, Fact, Fact], float],
            key: Callable[[F], Hashable] | None = None) -> list[tuple[F, F]]:
    """Pair facts that ``ok`` accepts, best ``score`` first; paired facts leave the lists.

    With ``key``, only facts of equal key are candidates. Without one, a long block only
    weighs the right facts nearest each left fact in relative position, so that the cost
    stays about linear in the number of facts.
    """
    candidates = [(score(block, a, b), i, j) for i, j in _candidates(block, left, right, key)
                  if ok(a := left[i], b := right[j])]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs: list[tuple[F, F]] = []
    for _, i, j in candidates:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pairs.append((left[i], right[j]))
    pairs.sort(key=lambda p: p[0].start)
    block.paired += pairs
    for k in sorted(used_l, reverse=True):
        del left[k]
    for k in sorted(used_r, reverse=True):
        del right[k]
    return pairs


NEAREST = 8  # right facts weighed per left fact in a long block


def _candidates(block: Block, left: Sequence[F], right: Sequence[F],
                key: Callable[[F], Hashable] | None) -> Iterator[tuple[int, int]]:
    """Index pairs worth weighing: same key, and near in position when there are many."""
    groups: dict[Hashable, tuple[list[int], list[int]]] = {}
    for j, b in enumerate(right):
        groups.setdefault(key(b) if key else None, ([], []))[1].append(j)
    for i, a in enumerate(left):
        group = groups.get(key(a) if key else None)
        if group is not None:
            group[0].append(i)
    for lefts, rights in groups.values():
        if len(lefts) * len(rights) <= NEAREST * NEAREST:
            yield from itertools.product(lefts, rights)
            continue
        rights = sorted(rights, key=lambda j: block.position(right[j], "right"))
        places = [block.position(right[j], "right") for j in rights]
        for i in lefts:
            at = bisect.bisect_left(places, block.position(left[i], "left"))
            for k in range(max(0, at - NEAREST // 2), min(len(rights), at + NEAREST // 2)):
                yield i, rights[k]


def _drop_restated(facts: list[F], others: Sequence[Fact], same: Callable[[F, F], bool],
                   key: Callable[[F], Hashable]) -> None:
    """Leave out facts the other side states too, elsewhere in the block or next to it."""
    if not facts:
        return
    kind = type(facts[0])
    buckets: dict[Hashable, list[F]] = {}
    for o in others:
        if isinstance(o, kind):
            buckets.setdefault(key(o), []).append(o)
    facts[:] = [f for f in facts if not any(same(f, o) for o in buckets.get(key(f), ()))]


def _missing(block: Block, facts: Sequence[Fact], side: str) -> list[Verdict]:
    return [Verdict(missing_fact.NAME, f if side == "left" else None,
                    f if side == "right" else None, missing_fact.message(f, side))
            for f in facts]


def _qualifier_verdict(block: Block, a: Quantity | TimeSpan, b: Quantity | TimeSpan,
                       why: str = "") -> Verdict:
    return Verdict(qualifier_mismatch.NAME, a, b,
                   qualifier_mismatch.message(block.left_doc, block.right_doc, a, b, why))


# --- the stage ----------------------------------------------------------------------------


def _location(doc: Document, fact: Fact) -> Location:
    line, column = doc.position(fact.start)
    value = unit = None
    if isinstance(fact, Quantity):
        value, unit = fact.value, fact.unit
    return Location(line, column, fact.start, fact.end, fact.text, value, unit, fact.unit_index)


def _unit_location(doc: Document, index: int) -> Location:
    u = doc.units[index]
    return Location(u.line, doc.position(u.start)[1], u.start, u.end, u.text, None, None, index)


def fingerprint(rule: str, *parts: str) -> str:
    """A stable id: the rule and normalized fact texts and context, not line numbers."""
    norm = "\x1f".join(unicodedata.normalize("NFKC", p).casefold() for p in (rule, *parts))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _context(doc: Document, fact: Fact | None) -> str:
    if fact is None:
        return ""
    return doc.text[max(0, fact.start - CONTEXT) : fact.end + CONTEXT]


_CONTENT = regex.compile(r"[\p{L}\p{N}]")


def compare(
    left: Document,
    right: Document,
    left_facts: Sequence[Fact],
    right_facts: Sequence[Fact],
    links: Sequence[Link],
    pairings: list[Pairing] | None = None,
) -> list[Finding]:
    """Findings for every link of the alignment, in reading order of the left side.
    ``pairings``, when given, receives every pair of facts compared, with the rule of the
    finding it raised (None: they agree): what a fact table across versions is built from."""
    by_left: dict[int, list[Fact]] = {}
    for f in left_facts:
        by_left.setdefault(f.unit_index, []).append(f)
    by_right: dict[int, list[Fact]] = {}
    for f in right_facts:
        by_right.setdefault(f.unit_index, []).append(f)

    def facts_of(link: Link) -> tuple[list[Fact], list[Fact]]:
        return ([f for i in link.left for f in by_left.get(i, [])],
                [f for j in link.right for f in by_right.get(j, [])])

    left_names = frozenset(f.name for f in left_facts if isinstance(f, Entity))
    right_names = frozenset(f.name for f in right_facts if isinstance(f, Entity))
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    spent: set[int] = set()  # facts of one-sided units already paired with a link's facts

    def add(rule: str, severity: Severity, message: str, lloc: Location | None,
            rloc: Location | None, key: tuple[str, ...], k: int) -> None:
        fid = fingerprint(rule, *key)
        seen[fid] = seen.get(fid, 0) + 1
        if seen[fid] > 1:  # the same text twice: keep ids unique and still stable
            fid = fingerprint(rule, *key, str(seen[fid]))
        findings.append(Finding(fid, rule, severity, message, lloc, rloc, k))

    for k, link in enumerate(links):
        if not link.left or not link.right:
            doc, side = (left, "left") if link.left else (right, "right")
            for i in link.left or link.right:
                unit = doc.units[i]
                if not _CONTENT.search(unit.text):
                    continue
                loc = _unit_location(doc, i)
                add(unaligned_unit.NAME, unaligned_unit.SEVERITY,
                    unaligned_unit.message(unit, side),
                    loc if side == "left" else None, loc if side == "right" else None,
                    (side, unit.text), k)
            continue
        lf, rf = facts_of(link)
        near_l: list[Fact] = []
        near_r: list[Fact] = []
        for n in (k - 1, k + 1):
            if 0 <= n < len(links):
                a, b = facts_of(links[n])
                near_l += a
                near_r += b
        block = Block(left, right, link, lf, rf, near_l, near_r, left_names, right_names)
        for step in (-1, 1):
            n = k + step
            while 0 <= n < len(links) and abs(n - k) <= SPARE_LINKS and not (
                    links[n].left and links[n].right):
                a, b = facts_of(links[n])
                block.spare_left += [f for f in a if id(f) not in spent]
                block.spare_right += [f for f in b if id(f) not in spent]
                n += step
        verdicts = (
            _quantity_verdicts(block, _only(lf, Quantity), _only(rf, Quantity))
            + _time_verdicts(block, _only(lf, TimeSpan), _only(rf, TimeSpan))
            + _entity_verdicts(block, _only(lf, Entity), _only(rf, Entity))
        )
        verdicts.sort(key=lambda v: (v.left.start if v.left else len(left.text),
                                     v.right.start if v.right else 0))
        if pairings is not None:
            raised: dict[tuple[int, int], str] = {}
            for v in verdicts:  # a pair's first verdict: its amount's, before its bound's
                if v.left is not None and v.right is not None:
                    raised.setdefault((id(v.left), id(v.right)), v.rule)
            pairings += [Pairing(a, b, raised.get((id(a), id(b)))) for a, b in block.paired]
        for v in verdicts:
            spent.update((id(v.left), id(v.right)))
            add(v.rule, v.severity or RULES[v.rule].severity, v.message,
                _location(left, v.left) if v.left else None,
                _location(right, v.right) if v.right else None,
                (_context(left, v.left), _context(right, v.right)), k)
    return findings


def _only(facts: Sequence[Fact], kind: type[F]) -> list[F]:
    return [f for f in facts if isinstance(f, kind)]
