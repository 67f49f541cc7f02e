"""The rules: what kind of disagreement a finding is, with its default severity and its docs.

Each rule is documented in the same three parts — what it finds, why it matters, an
example pair — and ``docs/rules.md`` is generated from these docstrings
(``python -m transcheck.rules > docs/rules.md``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from .model import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    severity: Severity
    summary: str
    doc: str


RULES: dict[str, Rule] = {}


def _rule(name: str, severity: Severity) -> Callable[[type], type]:
    def register(cls: type) -> type:
        doc = inspect.cleandoc(cls.__doc__ or "")
        summary = doc.split("\n", 1)[0]
        RULES[name] = Rule(name, severity, summary, doc)
        return cls

    return register


@_rule("number-mismatch", "error")
class NumberMismatch:
    """The same quantity has different values in the two versions.

    ## What it finds
    Two quantities in aligned text that count the same thing (the same unit or counter, and
    the same noun where one is written) but have different values.

    ## Why it matters
    This is the drift readers are misled by: a user count, a price, a capacity that changed
    between two Chinese intermediaries. Kanji or Arabic numerals, width and separators are
    forms, not values: 2億5000万人, 二億五千万人 and 250,000,000人 agree.

    ## Example
    ```
    left:  XアプリとGrokアプリを合わせて、1日あたり2億5000万人、月間6億人のアクティブユーザー
    right: 7000万人の日間アクティブユーザー
    ```
    `daily users: 2億5000万人 = 250,000,000 (L32) vs 7000万人 = 70,000,000 (L45)`.
    A conflict between well-matched facts (same noun, the only candidates) is an error; on
    weaker evidence it is reported as a warning and the message says so.
    """


@_rule("unit-mismatch", "error")
class UnitMismatch:
    """The same value comes with an incompatible unit or period.

    ## What it finds
    A quantity whose number agrees but whose unit does not: energy against power (MWh vs
    MW), one currency against another (ドル vs 円), a monthly rate against a yearly one.

    ## Why it matters
    A battery of 250 MWh and a plant of 250 MW are different things; the number alone
    agreeing hides it. Counters of the same kind of thing (台 vs 枚 for GPUs, 5社 vs
    5つの企業) are forms and are not reported, nor is a count against the same number
    left bare (6億人 vs 用户达到6亿, 3万亿参数 vs "3 trillion for Grok 4").

    ## Example
    ```
    left:  最大 250 メガワット時の Tesla Megapack バッテリー パック
    right: 約250MWのTesla Megapack蓄電池
    ```
    """


@_rule("time-mismatch", "error")
class TimeMismatch:
    """The same event is placed at different times.

    ## What it finds
    Two times in aligned text that resolve, against the article's date, to periods that do
    not overlap (今年末 vs 来年末, Q2 vs Q3), or durations of different length. The same
    period at another granularity (2026年 vs 2026年前半), or the same time with another
    direction (までに vs から), is a warning. A relative time against an absolute one when
    the article's date is unknown (今年 vs 2026年) is reported as unresolved, at info.

    ## Why it matters
    Launch dates and deadlines are what readers act on, and they are the facts translators
    most often resolve differently.

    ## Example
    ```
    left:  Optimusの一般出荷が来年末までに開始されると述べています。
    right: Optimusは今年末から家庭や工場へ大規模に納入開始される予定だ。
    ```
    In a 2026 article: 2027-10-01..2027-12-31 (by) vs 2026-10-01..2026-12-31 (from).
    """


@_rule("qualifier-mismatch", "warning")
class QualifierMismatch:
    """A bound or hedge on an agreeing number differs.

    ## What it finds
    Two quantities with the same value whose qualifiers differ: 最大 vs 約, 以上 vs 未満,
    以上 vs nothing, "more than" vs exact. Bounds on the same side agree: 以上, 超 and
    "more than" are one floor, 最大, 以下 and 未満 one ceiling, worded apart. A hedged
    figure that rounds the other (约5亿 vs 5.2亿: at the hedged figure's precision, and
    within a tenth of it) is this warning too, not a number-mismatch.

    ## Why it matters
    "Up to 250 MWh" and "about 250 MWh" make different claims; an editor should choose.

    ## Example
    ```
    left:  毎日1億件以上の投稿を処理し
    right: 毎日1億件の投稿を供給してくれる
    ```
    """


@_rule("entity-mismatch", "warning")
class EntityMismatch:
    """A name or identifier differs.

    ## What it finds
    Names of one family with different versions or numbers in aligned text (H100 vs H200,
    Grok 4 vs Grok 5, v14.2.2.3 vs v14.2.2.4).

    ## Why it matters
    Model and product versions are facts too, and a one-digit slip changes the claim.

    ## Example
    ```
    left:  Grok 4 の 3兆個のパラメータ
    right: Grok 5は3兆パラメータだった
    ```
    """


@_rule("missing-fact", "info")
class MissingFact:
    """A fact in one version has no counterpart in the aligned text of the other.

    ## What it finds
    A number, time or name in a unit whose aligned counterpart says nothing of it: a detail
    one translator dropped or added.

    ## Why it matters
    Omissions are not errors by themselves, but an editor checking a version wants to see
    which details the other version carries.

    ## Example
    ```
    left:  総投資額は350億ドルにのぼる。
    right: (the aligned paragraph has no amount)
    ```
    """


@_rule("unaligned-unit", "info")
class UnalignedUnit:
    """A unit with content has no counterpart at all.

    ## What it finds
    A paragraph, heading or list item that the alignment leaves on one side only: an omitted
    or added paragraph, a translator's preface, community links.

    ## Why it matters
    Whole paragraphs that exist in one version only are where facts disappear unnoticed.

    ## Example
    ```
    right: TechFlow解説: 本稿は、最近のxAIに対する否定的見方への明確な反論である。
    left:  (nothing corresponds)
    ```
    """


def rules_markdown() -> str:
    """The rules' docs as one Markdown page."""
    parts = ["# Rules\n", "| rule | default severity | finds |", "|---|---|---|"]
    parts += [f"| [{r.name}](#{r.name}) | {r.severity} | {r.summary} |" for r in RULES.values()]
    for r in RULES.values():
        body = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
        body = body.replace("## ", "### ")
        parts.append(f"\n## {r.name}\n\nDefault severity: **{r.severity}**. {r.summary}\n\n{body}")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
