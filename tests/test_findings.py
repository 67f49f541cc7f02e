"""Findings an editor can trust: the annotated Ejaaz pair and injected drifts."""

from __future__ import annotations

import importlib
import tomllib
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

import pytest

from benchmarks.bench_align import numbered_units
from benchmarks.bench_check import book
from benchmarks.findings_eval import ANNOTATION, abridged, evaluate
from transcheck import workers
from transcheck.check import check_documents
from transcheck.load import load_document, parse_document
from transcheck.model import Qualifier, Quantity, Report
from transcheck.rules import RULES, rules_markdown
from transcheck.sameness import rounds_to

from .conftest import EJAAZ, FIXTURES, ROOT

DAY = date(2026, 1, 23)
CASES = tomllib.loads((FIXTURES / "injected-drifts.toml").read_text("utf-8"))["case"]


def test_ejaaz_errors_and_warnings_against_the_annotation(ejaaz_report: Report) -> None:
    annotation = tomllib.loads(ANNOTATION.read_text("utf-8"))
    (errors, warnings), crying_wolf = evaluate(ejaaz_report, annotation)
    assert errors.missed == [] and errors.false == []
    assert crying_wolf == []
    assert warnings.recall >= 0.99
    assert warnings.precision >= 0.5, warnings.false


def test_abridged_pairs_raise_no_false_alarm() -> None:
    """With runs of paragraphs left out of one version (20 pairs), the links around the gaps
    may be wrong, but no error or warning may come of it; the drifts still there are found
    (measured: 56 of 57 errors, 53 of 53 warnings)."""
    (errors, warnings), crying_wolf = abridged(tomllib.loads(ANNOTATION.read_text("utf-8")))
    assert errors.false == [] and warnings.false == [] and crying_wolf == []
    assert errors.recall >= 0.94
    assert warnings.recall >= 0.99


def _pair(case: dict[str, object]) -> Report:
    path = Path(EJAAZ / str(case["file"]))
    original = path.read_text("utf-8")
    lines = original.split("\n")
    row = int(str(case["line"])) - 1
    assert str(case["find"]) in lines[row], case
    lines[row] = lines[row].replace(str(case["find"]), str(case["replace"]), 1)
    left = parse_document(original, "original.txt", when=DAY, date_source="option")
    right = parse_document("\n".join(lines), "changed.txt", when=DAY, date_source="option")
    return check_documents(left, right)


def test_a_text_agrees_with_itself() -> None:
    for name in ("bitpush.ja.txt", "techflow.ja.txt"):
        text = (EJAAZ / name).read_text("utf-8")
        report = check_documents(parse_document(text, "a.txt", when=DAY),
                                 parse_document(text, "b.txt", when=DAY))
        assert report.findings == []


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_injected_drift(case: dict[str, object]) -> None:
    report = _pair(case)
    got = [(f.rule, f.severity) for f in report.findings]
    expect = case.get("expect")
    if expect is None:
        assert got == [], [f.message for f in report.findings]
        return
    assert isinstance(expect, dict)
    assert got == [(expect["rule"], expect["severity"])], [f.message for f in report.findings]
    f = report.findings[0]
    assert f.left is not None and f.right is not None
    assert f.left.line == f.right.line == case["line"]
    assert f.right.text and report.right.text[f.right.start : f.right.end] == f.right.text


def test_every_rule_is_documented_with_an_example() -> None:
    for rule in RULES.values():
        for heading in ("## What it finds", "## Why it matters", "## Example"):
            assert heading in rule.doc, (rule.name, heading)
    # the page is generated from the docstrings (python -m transcheck.rules > docs/rules.md)
    page = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert page == rules_markdown()


def test_ids_are_stable_under_unrelated_edits(ejaaz_report: Report) -> None:
    text = (EJAAZ / "techflow.ja.txt").read_text("utf-8")
    shifted = "前書き:この段落は後から足された。\n\n" + text
    left = parse_document((EJAAZ / "bitpush.ja.txt").read_text("utf-8"), "a.txt", when=DAY)
    report = check_documents(left, parse_document(shifted, "b.txt", when=DAY))
    before = {f.id for f in ejaaz_report.findings if f.severity != "info"}
    after = {f.id for f in report.findings if f.severity != "info"}
    assert before == after
    assert len({f.id for f in report.findings}) == len(report.findings)


def test_chinese_against_english_reports_the_two_planted_drifts() -> None:
    """xai.zh.txt and xai.en.txt agree on every fact but daily users and Optimus timing."""
    texts = FIXTURES / "texts"
    left = parse_document((texts / "xai.zh.txt").read_text("utf-8"), "xai.zh.txt", when=DAY)
    right = parse_document((texts / "xai.en.txt").read_text("utf-8"), "xai.en.txt", when=DAY)
    assert (left.lang, right.lang) == ("zh", "en")
    report = check_documents(left, right)
    got = sorted((f.rule, f.severity, f.left.text, f.right.text) for f in report.findings
                 if f.severity != "info" and f.left and f.right)
    assert got == [
        ("number-mismatch", "error", "7000万", "250 million"),
        ("time-mismatch", "error", "今年年底开始", "by the end of next year"),
    ]
    # a count against a bare number of the same amount is one fact (100万块 / 1 million GPUs,
    # 3万亿参数 / 3 trillion for Grok 4), not two missing ones
    alone = {(f.left or f.right).text for f in report.findings if f.rule == "missing-fact"}
    assert not alone & {"100万块", "1 million", "3万亿", "3 trillion"}


def _fixture_pair(left: str, right: str, when: date | None = None) -> Report:
    """The report on two files of tests/fixtures/texts."""
    texts = FIXTURES / "texts"
    return check_documents(
        parse_document((texts / left).read_text("utf-8"), left, when=when),
        parse_document((texts / right).read_text("utf-8"), right, when=when))


def _flagged(report: Report) -> list[tuple[str, str, str | None, str | None]]:
    """Errors and warnings as (rule, severity, left text, right text), sorted."""
    return sorted((f.rule, f.severity, f.left.text if f.left else None,
                   f.right.text if f.right else None)
                  for f in report.findings if f.severity != "info")


def _one_sided(report: Report) -> set[str]:
    """The texts of the facts reported as found on one side only."""
    return {(f.left or f.right).text for f in report.findings if f.rule == "missing-fact"}


def test_two_chinese_reports_differ_only_where_the_facts_do() -> None:
    """Two Chinese write-ups of one Tesla announcement in their own words (约合40吉瓦时 /
    相当于约40GWh, 约为2万至3万美元 / 大约在2万到3万美元之间, paragraphs in another order):
    the daily users (2.5亿 / 日活用户合计7000万) and the Optimus launch are the two errors,
    with no warning about the wording of a bound."""
    report = _fixture_pair("tesla.a.zh.txt", "tesla.b.zh.txt")
    assert _flagged(report) == [
        ("number-mismatch", "error", "2.5亿", "7000万"),
        ("time-mismatch", "error", "2027年开始", "从今年年底开始"),
    ]


@pytest.mark.parametrize(("hedged", "other", "rounds"), [
    (5e8, 5.2e8, True),  # 约5亿 / 5.2亿
    (4.5e5, 4.53e5, True),  # 約45万 / 45.3万
    (100, 96, True),
    (1e4, 1.2e4, False),  # 约1万 / 1.2万: a fifth apart
    (2.5e8, 2.4e8, False),  # 約2億5000万 / 2億4000万: another figure at that precision
    (4.5, 4.6, False),
    (30, 35, False),
])
def test_a_hedged_figure_rounds_the_other(hedged: float, other: float, rounds: bool) -> None:
    def quantity(value: float, qualifier: Qualifier) -> Quantity:
        return Quantity(0, 0, 1, "x", value=value, unit="USD", qualifier=qualifier)

    assert rounds_to(quantity(hedged, "approx"), quantity(other, "exact")) is rounds
    assert rounds_to(quantity(other, "exact"), quantity(hedged, "approx")) is rounds
    assert not rounds_to(quantity(hedged, "approx"), quantity(other, "approx"))
    assert not rounds_to(quantity(hedged, "exact"), quantity(other, "exact"))


def test_two_chinese_crypto_reports() -> None:
    """Two Chinese write-ups of one week in crypto: the rate cut (25 vs 50 basis points) and
    the quarter (第三季度 vs 第四季度) are errors; 约5亿 against 5.2亿 and 突破 against 触及
    are bounds (warnings); 1.2万枚比特币 and 12,000 BTC, 年内 and 今年, 过去24小时内 and
    过去一天, 12月 and 下个月 (in November) say the same."""
    report = _fixture_pair("btc.a.zh.txt", "btc.b.zh.txt")
    assert _flagged(report) == [
        ("number-mismatch", "error", "25个", "50个"),
        ("qualifier-mismatch", "warning", "5.2亿美元", "约5亿美元"),
        ("qualifier-mismatch", "warning", "突破10.2万美元", "10.2万美元"),
        ("time-mismatch", "error", "第三季度", "第四季度"),
    ]
    assert not _one_sided(report) & {"1.2万枚", "12,000", "年内", "今年", "12月", "下个月"}


def _translated(name: str, paired: set[str], old: str,
                new: str) -> list[tuple[str, str, str | None, str | None]]:
    """nvidia.en.md against a translation of it: nothing flagged, and none of the facts
    ``paired`` found on one side only; then what is flagged with ``old`` changed to ``new``
    in the translation."""
    texts = FIXTURES / "texts"
    english = parse_document((texts / "nvidia.en.md").read_text("utf-8"), "nvidia.en.md")
    text = (texts / name).read_text("utf-8")
    report = check_documents(english, parse_document(text, name))
    assert _flagged(report) == []
    assert not _one_sided(report) & paired
    return _flagged(check_documents(english, parse_document(text.replace(old, new), name)))


def test_english_source_against_its_japanese_translation() -> None:
    """An English report and its Japanese translation agree: the second quarter / 第2四半期,
    by the end of the year / 年末までに (the article's year), roughly $41 billion /
    約410億ドル. With 年末 changed to 来年末 in the Japanese, one error."""
    paired = {"the second quarter", "第2四半期", "from a year", "by the end of the year"}
    assert _translated("nvidia.ja.md", paired, "年末までに", "来年末までに") == [
        ("time-mismatch", "error", "by the end of the year", "来年末までに")]


def test_a_short_taiwanese_pair_with_its_paragraphs_swapped() -> None:
    """Three paragraphs (one file in Big5), the last two in the other order: the swap is
    found although 8500億元 and 逾三成 / 超過30% make the neighbouring paragraphs sure
    anchors, and the 2奈米 launch (今年下半年 / 明年上半年) is the one error."""
    texts = FIXTURES / "texts"
    left = load_document(str(texts / "tsmc.a.big5.txt"), when=date(2026, 11, 20))
    right = load_document(str(texts / "tsmc.b.zh.txt"), when=date(2026, 11, 20))
    report = check_documents(left, right)
    assert [(f.rule, f.severity, f.left.text, f.right.text) for f in report.findings
            if f.left and f.right] == [("time-mismatch", "error", "今年下半年", "明年上半年")]
    assert not [f for f in report.findings if f.rule == "unaligned-unit"]


def test_chinese_times_in_other_words_agree() -> None:
    """明年初 / 2027年初, 年底前 / 2026年12月31日前, 上半年 / 今年上半年, 未来三年 / 今后3年,
    三年内 / 3年以内, and 将于1月 / 明年1月 in a November article: nothing to report."""
    report = _fixture_pair("times.a.zh.txt", "times.b.zh.txt", date(2026, 11, 20))
    assert [(f.rule, f.left and f.left.text, f.right and f.right.text)
            for f in report.findings] == []


def test_english_source_against_its_chinese_translation() -> None:
    """Nouns in two languages are no evidence that two counts differ: over 1,000 racks and
    超过1000个机架 agree, and with 100个机架 in the Chinese they are a number-mismatch."""
    paired = {"over 1,000", "超过1000个"}
    assert _translated("nvidia.zh.md", paired, "1000个机架", "100个机架") == [
        ("number-mismatch", "error", "over 1,000", "超过100个")]


def test_two_japanese_reports_quiet_then_five_drifts() -> None:
    """Two Japanese write-ups of one Solana story in their own words (約18% / 18%ほど,
    250ドルを上回った / 250ドルを突破した, 2025年末 / 昨年末, 今後12カ月 / 向こう1年,
    年内にも / 今年中に): nothing at all. Then five facts changed in the second: each is
    one finding of the right rule."""
    report = _fixture_pair("solana.a.ja.txt", "solana.b.ja.txt")
    assert report.findings == []
    texts = FIXTURES / "texts"
    right = (texts / "solana.b.ja.txt").read_text("utf-8")
    for old, new in (("18%ほど", "28%ほど"), ("昨年末の時点", "一昨年末の時点"),
                     ("6500万件", "5600万件"), ("今年中に", "来年中に"),
                     ("最大50億ドル", "約50億ドル")):
        right = right.replace(old, new)
    left = parse_document((texts / "solana.a.ja.txt").read_text("utf-8"), "solana.a.ja.txt")
    drifted = check_documents(left, parse_document(right, "solana.b.ja.txt"))
    assert _flagged(drifted) == [
        ("number-mismatch", "error", "約18%", "28%ほど"),
        ("number-mismatch", "error", "約6500万件", "およそ5600万件"),
        ("qualifier-mismatch", "warning", "最大50億ドル", "約50億ドル"),
        ("time-mismatch", "error", "2025年末", "一昨年末"),
        ("time-mismatch", "error", "年内", "来年中に"),
    ]
    assert {f.severity for f in drifted.findings} == {"error", "warning"}


def test_japanese_against_its_chinese_version() -> None:
    """bitpush's Japanese and a Chinese version that states the same facts in its own words
    (約50万 / 约相当于50万块, 1億件以上 / 超过1亿条, 数十年にわたり / 几十年来): nothing to
    report at error or warning. With the daily users changed in the Chinese, one error."""
    chinese = (FIXTURES / "align-ja-zh-ejaaz" / "zh.txt").read_text("utf-8")
    left = parse_document((EJAAZ / "bitpush.ja.txt").read_text("utf-8"), "bitpush.ja.txt",
                          when=DAY)
    for text, expected in ((chinese, []),
                           (chinese.replace("2.5亿", "7000万"),
                            [("number-mismatch", "error", "2億5000万人", "7000万")])):
        right = parse_document(text, "zh.txt", when=DAY)
        assert (left.lang, right.lang) == ("ja", "zh")
        report = check_documents(left, right)
        got = [(f.rule, f.severity, f.left.text if f.left else None,
                f.right.text if f.right else None)
               for f in report.findings if f.severity != "info"]
        assert got == expected
        # 月間アクティブユーザー6億人 and 月活跃用户达到6亿 count the same users
        alone = {(f.left or f.right).text for f in report.findings if f.rule == "missing-fact"}
        assert not alone & {"6億人", "6亿"}


def test_a_date_on_one_version_resolves_both() -> None:
    """Front matter dates one version only: the other speaks from the same day, so 今年 and
    2026年 agree and 来年 against 2026年 is a mismatch, not two unresolved notes."""
    dated = ("---\ndate: 2026-01-23\n---\n\n"
             "Optimusは今年末から出荷される。\n\nGrok 5は来年に出る。\n")
    plain = "Optimusは2026年末から出荷される。\n\nGrok 5は2026年に出る。\n"
    for left, right in ((dated, plain), (plain, dated)):
        report = check_documents(parse_document(left, "a.md"), parse_document(right, "b.md"))
        assert (report.left.date, report.right.date) == (date(2026, 1, 23),) * 2
        got = [(f.rule, f.severity, f.left.text if f.left else None,
                f.right.text if f.right else None) for f in report.findings]
        want = ("来年", "2026年") if left is dated else ("2026年", "来年")
        assert got == [("time-mismatch", "error", *want)]
    undated = check_documents(parse_document(plain.replace("2026年末", "今年末"), "a.md"),
                              parse_document(plain, "b.md"))
    assert undated.left.date is None and undated.right.date is None
    assert {f.severity for f in undated.findings} == {"info"}


def test_chinese_versions_keep_the_drifts_of_the_japanese_pair() -> None:
    """The two Japanese versions rendered in Chinese line by line, each with its own facts:
    the errors are exactly the annotated errors of the Japanese pair, and every annotated
    warning is found. (进入2026年 vs 到2026年, two wordings of "by 2026", agree.)"""
    folder = FIXTURES / "align-zh-zh-ejaaz"
    left = parse_document((folder / "bitpush.zh.txt").read_text("utf-8"), "bitpush.zh.txt",
                          when=DAY)
    right = parse_document((folder / "techflow.zh.txt").read_text("utf-8"), "techflow.zh.txt",
                           when=DAY)
    report = check_documents(left, right)
    # line k of a Chinese file renders the k-th non-empty line of its Japanese file
    zh_line = [{n: k + 1 for k, n in enumerate(numbered_units(EJAAZ / name)[0])}
               for name in ("bitpush.ja.txt", "techflow.ja.txt")]
    drifts = tomllib.loads(ANNOTATION.read_text("utf-8"))["drift"]
    want = {(d["rule"], d["severity"], zh_line[0][d["left"]["line"]],
             zh_line[1][d["right"]["line"]]) for d in drifts}
    got = {(f.rule, f.severity, f.left.line, f.right.line) for f in report.findings
           if f.severity != "info" and f.left and f.right}
    assert {x for x in got if x[1] == "error"} == {x for x in want if x[1] == "error"}
    assert want <= got


def test_drift_found_chapter_after_chapter() -> None:
    """18 chapters made from the Ejaaz pair (``bench_check.book``): the right side drops
    every seventh paragraph and swaps neighbours now and then. The daily-users drift
    (2億5000万人 vs 7000万人) is in both sides of 8 chapters; it must be reported in nearly
    all of them, not lost where a swapped paragraph faces one it has no fact in common with
    (4 of 8 while such pairs stayed linked; 7 now)."""
    left, right = book("bitpush", 80_000), book("techflow", 80_000)

    def chapters(text: str) -> list[str]:
        return text.split("章\n")[1:]

    # the right side's chapters are shorter, so it has more of them: chapter k faces chapter k
    both = sum(1 for a, b in zip(chapters(left), chapters(right), strict=False)
               if "2億5000万人" in a and "7000万人" in b)
    assert both == 8
    report = check_documents(parse_document(left, "left.txt", when=DAY),
                             parse_document(right, "right.txt", when=DAY))
    found = [f for f in report.findings if f.rule == "number-mismatch"
             and f.left and f.left.text == "2億5000万人" and f.right and f.right.text == "7000万人"]
    assert len(found) >= 6


def test_both_sides_read_in_two_processes_give_the_same_facts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from transcheck.check import read_facts
    from transcheck.cli import _load

    check_module = importlib.import_module("transcheck.check")  # the package's check is a function
    left, right = (_load(str(EJAAZ / name), "auto", None)
                   for name in ("bitpush.ja.txt", "techflow.ja.txt"))
    alone = read_facts(left, right, jobs=1)
    assert len(alone[0]) > 50 and len(alone[1]) > 50
    monkeypatch.setattr(check_module, "PARALLEL_FACTS", 1000)  # the Ejaaz sides count as long
    pools: list[object] = []
    start_pool = workers.ProcessPoolExecutor

    def counted(*args: object, **kwargs: object) -> object:
        pools.append(start_pool(*args, **kwargs))
        return pools[-1]

    monkeypatch.setattr(workers, "ProcessPoolExecutor", counted)
    assert read_facts(left, right, jobs=2) == alone
    assert len(pools) == 1  # the right side was read in another process

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)
    assert read_facts(left, right, jobs=2) == alone

    class Dying:  # the worker starts, then dies before it returns anything
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, *args: object, **kwargs: object) -> Future[object]:
            died: Future[object] = Future()
            died.set_exception(BrokenProcessPool("killed"))
            return died

        def shutdown(self, *args: object, **kwargs: object) -> None:
            pass

    read_here: list[int] = []
    read_units = check_module.units_facts

    def counting(units, *args):  # type: ignore[no-untyped-def]
        read_here.extend(u.index for u in units if args[-1] == left.path)
        return read_units(units, *args)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", Dying)
    monkeypatch.setattr(check_module, "units_facts", counting)
    assert read_facts(left, right, jobs=2) == alone
    assert sorted(read_here) == [u.index for u in left.units]  # each left unit read once


def test_bad_input_read_in_the_other_process_is_one_clear_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A unit too complex to read on the side read by the worker is the same InputError,
    naming that file and line, as when both sides are read here."""
    import multiprocessing

    from transcheck import facts as facts_module
    from transcheck.check import read_facts
    from transcheck.cli import _load
    from transcheck.model import InputError

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches the worker only when it is forked")
    check_module = importlib.import_module("transcheck.check")
    left, right = (_load(str(EJAAZ / name), "auto", None)
                   for name in ("bitpush.ja.txt", "techflow.ja.txt"))
    bad = right.units[40]
    read_unit = facts_module.unit_facts

    def too_complex(text: str, *args: object, **kwargs: object) -> object:
        if text == bad.text:
            raise TimeoutError("regex timed out")
        return read_unit(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(facts_module, "unit_facts", too_complex)
    messages = []
    for parallel in (10**9, 1000):
        monkeypatch.setattr(check_module, "PARALLEL_FACTS", parallel)
        with pytest.raises(InputError) as raised:
            read_facts(left, right, jobs=2)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith(f"{right.path}: line {bad.line}: text too complex to read")
