"""How the rules' messages show a fact: its amount or time, its line, its counted noun."""

from __future__ import annotations

from ..model import Document, Fact, Quantity, TimeSpan

QUIET_COUNTERS = ("人", "個", "件", "社", "回")  # counts whose unit the message leaves out


def _fmt_number(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.6g}"


def describe_amount(q: Quantity) -> str:
    """250,000,000 per day, 20,000–30,000 USD, 250 MWh."""
    if q.value is not None:
        amount = _fmt_number(q.value)
    elif q.low is not None and q.high is not None:
        amount = f"{_fmt_number(q.low)}–{_fmt_number(q.high)}"
    else:
        amount = "?"
    unit = f" {q.unit}" if q.unit and q.unit not in QUIET_COUNTERS else ""
    return amount + unit + (f" per {q.per}" if q.per else "")


def describe_time(t: TimeSpan) -> str:
    """2027-10-01..2027-12-31 (by), P4M, approx 2026-04-01..2026-06-30."""
    if t.duration:
        text = t.duration
    elif t.time_start and t.time_end:
        text = (t.time_start.isoformat() if t.time_start == t.time_end
                else f"{t.time_start.isoformat()}..{t.time_end.isoformat()}")
    else:
        text = t.anchor or "?"
    if t.qualifier != "exact":
        text = f"{t.qualifier} {text}"
    return text + (f" ({t.direction})" if t.direction else "")


def where(doc: Document, f: Fact) -> str:
    return f"L{doc.position(f.start)[0]}"


def label(a: Quantity, b: Quantity) -> str:
    """The counted noun, when one side names it: "ユーザ: "."""
    noun = a.noun or b.noun
    return f"{noun}: " if noun else ""
