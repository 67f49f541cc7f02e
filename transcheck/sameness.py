"""Whether two facts say the same: one place for amounts, unit families, periods, counted
nouns, bounds and times, which every rule of the findings stage asks.

Forms are not facts: 2億5000万人 and 250,000,000人, 6億人 and 用户达到6亿, 1億件以上 and
超过1亿条, 今年 and 2026年 in a 2026 article all say the same; 250 MWh and 250 MW, 约1万 and
1.2万, 来年末 and 今年末 do not.
"""

from __future__ import annotations

from collections.abc import Hashable
from decimal import ROUND_HALF_UP, Decimal

from .facts.quantities import COUNTERS, normalize_noun
from .facts.times import compare_times
from .lang import LANGS, language
from .lang.units import FAMILIES
from .model import Entity, Quantity, TimeSpan

# Units of one family can be confused with each other (a unit-mismatch); units of different
# families measure different things, and a shared number between them is a coincidence.
# The families are the unit table's (transcheck/lang/units.tsv), keyed by canonical unit.
UNIT_FAMILIES: dict[str, str] = dict(FAMILIES)


def same_number(a: float | None, b: float | None) -> bool:
    """Equal up to float noise; two missing numbers are equal too."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def same_amount(a: Quantity, b: Quantity) -> bool:
    """The same point value, or the same range."""
    return (same_number(a.value, b.value) and same_number(a.low, b.low)
            and same_number(a.high, b.high))


def per_compatible(a: Quantity, b: Quantity) -> bool:
    """The same period of a rate, or one side leaves it implicit."""
    return a.per is None or b.per is None or a.per == b.per


# nouns every language's table maps to one form (users, companies, GPUs, bitcoin)
SHARED_NOUNS = frozenset(form for code in LANGS for form in language(code).noun_aliases.values())


def nouns_agree(a: Quantity, b: Quantity, cross: bool = False) -> bool | None:
    """True when both count the same noun, False when they count different ones, else None.

    Across languages (``cross``) two nouns tell apart only when the tables give both one
    form: racks and 机架 are no evidence either way, users and 用户 are the same.
    """
    na = normalize_noun(a.noun) if a.noun else None
    nb = normalize_noun(b.noun) if b.noun else None
    if not na or not nb:
        return None
    if na in nb or nb in na:
        return True
    return None if cross and not (na in SHARED_NOUNS and nb in SHARED_NOUNS) else False


def units_agree(a: str | None, b: str | None) -> bool:
    """The same unit, or a count on one side and a bare number on the other: 月活跃用户达到6亿
    leaves out the 人 of 6億人, "3 trillion for Grok 4" the 個 of 3万亿参数."""
    return a == b or (a is None and b in COUNTERS) or (b is None and a in COUNTERS)


def counts_alike(a: Quantity, b: Quantity, cross: bool) -> bool:
    """The same unit, period and counted noun, each where both sides give it."""
    return (units_agree(a.unit, b.unit) and per_compatible(a, b)
            and nouns_agree(a, b, cross) is not False)


def quantities_agree(a: Quantity, b: Quantity, cross: bool = False) -> bool:
    """Two quantities say the same: amount, unit, period (one may leave it implicit)."""
    return same_amount(a, b) and counts_alike(a, b, cross)


ROUNDING = 0.1  # a hedged figure may round the other by at most this share of itself


def rounds_to(a: Quantity, b: Quantity, cross: bool = False) -> bool:
    """One side hedges (約, 约, about) a figure that the other's rounds to, at the hedged
    figure's own precision and within ``ROUNDING`` of it: 约5亿 / 5.2亿, 約45万 / 45.3万, not
    约1万 / 1.2万 (a fifth apart) nor 約2億5000万 / 2億4000万 (another figure at that
    precision). Both must count the same thing, as in ``quantities_agree``."""
    if (a.qualifier == "approx") == (b.qualifier == "approx") or a.value is None \
            or b.value is None or not counts_alike(a, b, cross):
        return False
    hedged, other = (a.value, b.value) if a.qualifier == "approx" else (b.value, a.value)
    if not hedged or abs(other - hedged) > ROUNDING * abs(hedged):
        return False
    figure = Decimal(repr(float(hedged))).normalize()
    exponent = figure.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    rounded = (Decimal(repr(float(other))) / step).quantize(Decimal(1), ROUND_HALF_UP) * step
    return rounded == figure


def measure(q: Quantity) -> Hashable:
    """Quantities that can conflict in value share this: the unit's family, or the unit."""
    return UNIT_FAMILIES.get(q.unit or "", q.unit)


# a floor or a ceiling, worded apart: 以上 / 超 / 多 / more than, 最大 / 以下 / 未満 / up to
BOUND_SIDE = {"at-least": "floor", "more-than": "floor",
               "up-to": "ceiling", "at-most": "ceiling", "less-than": "ceiling"}


def qualifiers_agree(a: str, b: str) -> bool:
    """Whether two qualifiers make one claim: the same, or bounds on the same side.

    1億件以上 and 超过1亿条 both say "a hundred million or so, not fewer": whether the
    bound itself is included is the translator's wording, not a fact an editor would change.
    A bound against a plain or hedged number (以上 vs nothing, 最大 vs 約) still differs.
    """
    return a == b or BOUND_SIDE.get(a, a) == BOUND_SIDE.get(b, b)


def times_agree(a: TimeSpan, b: TimeSpan) -> bool:
    """The same time and direction (今年の第2四半期 / 2026年第2四半期 in a 2026 article)."""
    return compare_times(a, b) == "same"


def names_agree(a: Entity, b: Entity) -> bool:
    """The same name, as normalized (Grok 5 / grok 5)."""
    return a.name == b.name
