"""Alignment: the hand-made Ejaaz gold, Text+Berg, crossings, invariants, sentences, rendering."""

from __future__ import annotations

import itertools
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import transcheck.align as align_module
from benchmarks.bench_align import build, ejaaz_zh, ejaaz_zh_zh, left_out, numbered_units
from benchmarks.bench_align import ejaaz as ejaaz_pair
from transcheck import workers
from transcheck.align import align, anchors, bulk, dp, refine, split_sentences
from transcheck.align.anchors import corridor, cut_points, find_anchors, text_keys
from transcheck.align.dp import Scorer, run_blocks, run_dp
from transcheck.align.evaluate import Counts, Pair, read_line_gold, read_textberg_gold
from transcheck.align.profiles import Profiles, matches
from transcheck.align.repair import match_gaps, shift, unlink_unlike
from transcheck.lang.han import fold_han
from transcheck.load import load_document
from transcheck.model import Link
from transcheck.report.alignment_text import render_alignment, width

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EJAAZ = ROOT / "pairs" / "ejaaz-grok5"
TEXTBERG = ROOT.parent / "shared" / "bench" / "textberg"

# measured: Ejaaz strict 0.968 / lax 0.986, Text+Berg strict 0.882 / lax 0.968 (see benchmarks/)
EJAAZ_STRICT, EJAAZ_LAX = 0.95, 0.97
JA_ZH_STRICT, JA_ZH_LAX = 0.90, 0.94  # measured 0.917 / 0.954
ZH_ZH_STRICT, ZH_ZH_LAX = 0.84, 0.91  # measured 0.857 / 0.930
LEFT_OUT_STRICT, LEFT_OUT_LAX = 0.86, 0.90  # measured 0.879 / 0.917
TEXTBERG_STRICT, TEXTBERG_LAX = 0.87, 0.95


units = numbered_units


def pairs(links: list[Link]) -> list[Pair]:
    return [(link.left, link.right) for link in links]


def check_cover(links: list[Link], n: int, m: int) -> None:
    """Every unit of both sides exactly once; left units in reading order."""
    lefts = [i for link in links for i in link.left]
    rights = sorted(j for link in links for j in link.right)
    assert lefts == list(range(n))
    assert rights == list(range(m))


@pytest.fixture(scope="module")
def ejaaz() -> tuple[list[int], list[str], list[int], list[str], list[Pair], list[Link]]:
    ll, lt = units(EJAAZ / "bitpush.ja.txt")
    rl, rt = units(EJAAZ / "techflow.ja.txt")
    gold = read_line_gold((FIXTURES / "ejaaz-alignment.gold").read_text(encoding="utf-8"),
                          ll, rl)
    return ll, lt, rl, rt, gold, align(lt, rt)


def test_gold_file_covers_every_line_once(ejaaz) -> None:  # type: ignore[no-untyped-def]
    ll, _, rl, _, gold, _ = ejaaz
    assert sorted(i for a, _ in gold for i in a) == list(range(len(ll)))
    assert sorted(j for _, b in gold for j in b) == list(range(len(rl)))
    # the three crossings of the pair are in the gold
    crossed = [(a, b) for (a, b), (c, d) in itertools.pairwise(gold) if b and d and d[-1] < b[0]]
    assert len(crossed) == 3


def test_ejaaz_against_hand_gold(ejaaz) -> None:  # type: ignore[no-untyped-def]
    _, lt, _, rt, gold, links = ejaaz
    check_cover(links, len(lt), len(rt))
    counts = Counts()
    counts.add(gold, pairs(links))
    assert counts.f1() >= EJAAZ_STRICT
    assert counts.f1(lax=True) >= EJAAZ_LAX


def test_ejaaz_crossings_found(ejaaz) -> None:  # type: ignore[no-untyped-def]
    """忘れてはいけないのは… / Grok 5 の理由 come in the opposite order on the right."""
    ll, _, rl, _, _, links = ejaaz
    found = {(tuple(ll[i] for i in link.left), tuple(rl[j] for j in link.right))
             for link in links}
    assert ((4,), (14,)) in found and ((5,), (13,)) in found
    assert ((44,), (61,)) in found and ((45,), (60,)) in found


def test_ejaaz_sentences_regrouped_across_paragraphs(ejaaz) -> None:  # type: ignore[no-untyped-def]
    """Left lines 12–13 and right lines 22–23 tell the same story (ガスタービンを空輸, 電力網を
    迂回, Megapack) cut into paragraphs at different sentences: one 2-2 link, not two 1-1
    links that each miss a sentence; the question and answer (left 11) stay as they are."""
    ll, _, rl, _, _, links = ejaaz
    found = {(tuple(ll[i] for i in link.left), tuple(rl[j] for j in link.right))
             for link in links}
    assert ((12, 13), (22, 23)) in found
    assert ((11,), (19, 20)) in found


def test_ejaaz_one_sided_material(ejaaz) -> None:  # type: ignore[no-untyped-def]
    """The TechFlow community links at the end have no counterpart."""
    _, _, rl, _, _, links = ejaaz
    alone = {rl[j] for link in links if not link.left for j in link.right}
    assert {78, 79, 80} <= alone


def test_ejaaz_link_past_quoted_posts(ejaaz) -> None:  # type: ignore[no-untyped-def]
    """Left line 18 (他の研究室が追随しない限り) goes with right line 31, past a quoted post
    on the right (lines 28–30) and quoted posts on the left (20–25), not with the post."""
    ll, _, rl, _, _, links = ejaaz
    found = pairs(links)
    assert ((ll.index(18),), (rl.index(31),)) in found
    assert not any(rl.index(28) in b for a, b in found if a)
    assert not any(ll.index(21) in a for a, b in found if b)


def test_ejaaz_question_and_answer_joined(ejaaz) -> None:  # type: ignore[no-untyped-def]
    """Left line 11 (question and answer in one paragraph) takes both right lines 19 and 20;
    right line 64 (camera data, on the right only) stays out of the link before it, though
    it shares Grok は現在、Tesla with left line 47."""
    ll, _, rl, _, _, links = ejaaz
    found = pairs(links)
    assert ((ll.index(11),), (rl.index(19), rl.index(20))) in found
    assert ((ll.index(47),), (rl.index(63),)) in found


def against_gold(source: tuple[list[str], list[str], list[Pair]],
                 into: Counts | None = None) -> Counts:
    """Align a pair with a gold; every unit once, and the counts against the gold (added to
    ``into`` when given, to pool several pairs)."""
    left, right, gold = source
    links = align(left, right)
    check_cover(links, len(left), len(right))
    counts = Counts() if into is None else into
    counts.add(gold, pairs(links))
    return counts


@pytest.mark.skipif(not TEXTBERG.is_dir(), reason="Text+Berg data not in ../shared/bench")
def test_textberg_pooled_f1() -> None:
    counts = Counts()
    for k in range(7):
        left = (TEXTBERG / f"test{k}.mt.fr").read_text(encoding="utf-8").rstrip("\n").split("\n")
        right = (TEXTBERG / f"test{k}.fr").read_text(encoding="utf-8").rstrip("\n").split("\n")
        gold = read_textberg_gold((TEXTBERG / f"test{k}.gold").read_text(encoding="utf-8"))
        against_gold((left, right, gold), counts)
    assert counts.f1() >= TEXTBERG_STRICT
    assert counts.f1(lax=True) >= TEXTBERG_LAX


def test_japanese_against_chinese() -> None:
    """ja-zh: Han forms folded (電力→电力), numbers and Latin names anchor the rest."""
    folder = FIXTURES / "align-ja-zh"
    ja = (folder / "ja.txt").read_text(encoding="utf-8").splitlines()
    zh = (folder / "zh.txt").read_text(encoding="utf-8").splitlines()
    gold = read_line_gold((folder / "gold").read_text(encoding="utf-8"),
                          range(1, len(ja) + 1), range(1, len(zh) + 1))
    links = align(ja, zh)
    check_cover(links, len(ja), len(zh))
    counts = Counts()
    counts.add(gold, pairs(links))
    assert counts.f1() >= 0.7


def test_ejaaz_japanese_against_chinese() -> None:
    """The whole essay, bitpush's Japanese against a Chinese version (written for this test,
    with merged, split, swapped and one-sided paragraphs): kana are left out of the n-grams,
    so the Han characters, numbers and names both sides share carry the alignment."""
    counts = against_gold(ejaaz_zh())
    assert counts.f1() >= JA_ZH_STRICT
    assert counts.f1(lax=True) >= JA_ZH_LAX


def test_ejaaz_chinese_against_chinese() -> None:
    """Chinese versions of the two Japanese translations, written line by line for this test:
    the gold is the Japanese pair's. Two translations away from each other, the versions
    share fewer words than the Japanese pair (strict 0.968 there): the figure is lower."""
    counts = against_gold(ejaaz_zh_zh())
    assert counts.f1() >= ZH_ZH_STRICT
    assert counts.f1(lax=True) >= ZH_ZH_LAX


def test_ejaaz_with_paragraphs_left_out() -> None:
    """An abridged translation leaves paragraphs out: runs of 2-5 units are dropped from
    one side every 12-25 units (ten pairs a side). The alignment must hold around the gaps:
    the partners of the dropped units one-sided, the links next to them as in the gold
    (pooled over the 20 pairs; a link that only its neighbours placed may be lost)."""
    pooled = Counts()
    for side in ("left", "right"):
        for seed in range(10):
            left, right, gold = left_out(ejaaz_pair(), side, seed)
            assert sorted(i for a, _ in gold for i in a) == list(range(len(left)))
            assert sorted(j for _, b in gold for j in b) == list(range(len(right)))
            against_gold((left, right, gold), pooled)
    assert pooled.f1() >= LEFT_OUT_STRICT
    assert pooled.f1(lax=True) >= LEFT_OUT_LAX


def test_chinese_quoted_posts_facing_each_other_stay_one_sided() -> None:
    """bitpush.zh's quoted posts (lines 17-22) face techflow.zh's (lines 24-26). Their text is
    no more alike than chance, and the names and numbers they hold (Macrohard, 300兆瓦 /
    NVIDIA, 7万亿) all differ: none of them is linked, and the report lists them as
    one-sided."""
    folder = FIXTURES / "align-zh-zh-ejaaz"
    ll, lt = units(folder / "bitpush.zh.txt")
    rl, rt = units(folder / "techflow.zh.txt")
    links = align(lt, rt)
    left_alone = {ll[i] for link in links if not link.right for i in link.left}
    right_alone = {rl[j] for link in links if not link.left for j in link.right}
    assert set(range(17, 23)) <= left_alone
    assert {24, 25, 26} <= right_alone


def test_a_pair_across_facing_passages_is_linked() -> None:
    """bitpush.zh's line 16 (除非其他实验室跟上…) comes before its quoted posts, techflow.zh's
    line 27 (…只要其他实验室追不上…) after its own: once the links across the posts are
    broken, the two sentences are linked to each other."""
    folder = FIXTURES / "align-zh-zh-ejaaz"
    ll, lt = units(folder / "bitpush.zh.txt")
    rl, rt = units(folder / "techflow.zh.txt")
    pairs = {(tuple(ll[i] for i in link.left), tuple(rl[j] for j in link.right))
             for link in align(lt, rt)}
    assert ((16,), (27,)) in pairs


def test_a_gap_keeps_its_alike_pairs_in_order() -> None:
    """In a run of units left out on both sides, the clearly alike pair is linked and
    every other unit stays one-sided, each exactly once; with a single unit on a side the
    run is left as it is (a lead-in and its bullets are for ``absorb``)."""
    left = ["黄仁勋谈到了 Grok 5 的参数规模。", "Colossus 2 的屋顶上真的写着 Macrohard。",
            "除非其他实验室跟上，否则 xAI 的模型将继续领先。"]
    right = ["本来要花四年的事，他用不到四个月就做完了。",
             "只要其他实验室跟不上，xAI 的模型就会一直领先。", "基础设施之战已经没有悬念。"]
    lp, rp = Profiles.pair(left, right)
    scorer = Scorer(lp, rp, [set()] * 3, [set()] * 3)
    run = [(i, i + 1, 0, 0, None) for i in range(3)] + [(3, 3, j, j + 1, None)
                                                          for j in range(3)]
    out = match_gaps(scorer, run)
    assert [e[:4] for e in out if e[4] is not None] == [(2, 3, 1, 2)]
    assert sorted(i for e in out for i in range(e[0], e[1])) == [0, 1, 2]
    assert sorted(j for e in out for j in range(e[2], e[3])) == [0, 1, 2]
    lone = [(i, i + 1, 0, 0, None) for i in range(3)] + [(3, 3, 1, 2, None)]
    assert match_gaps(scorer, lone) == lone


def test_a_link_near_chance_breaks_only_when_its_facts_differ() -> None:
    """A link a little less alike than chance stays while nothing speaks against it (a free
    rendering shares little text), and breaks when both sides name facts of the other
    version and none of each other's; one shared fact keeps it."""
    left = ["电网跟不上，于是马斯克空运了燃气轮机。", "Colossus 2 的屋顶上真的写着 Macrohard。",
            "黄仁勋谈到了 Grok 5 的规模。", "总之，xAI 的优势不可动摇。"]
    right = ["由于电网无法支撑，他直接空运燃气轮机供电。", "NVIDIA CEO 黄仁勋谈 Grok 5：",
             "Macrohard 这个词就画在 Colossus 2 的屋顶上。", "基础设施之战已经结束，xAI 赢了。"]
    lp, rp = Profiles.pair(left, right)
    cases = {  # keys of left unit 1 and right unit 1 → is the link kept?
        (frozenset(), frozenset()): True,
        (frozenset({"e:macrohard"}), frozenset({"e:nvidia"})): False,
        (frozenset({"e:macrohard", "e:grok 5"}), frozenset({"e:nvidia", "e:grok 5"})): True,
    }
    for (mine, theirs), kept in cases.items():
        # each key of the pair is found in the other version, in another unit
        lkeys = [set(), mine, {"e:nvidia"}, set()]
        rkeys = [set(), theirs, {"e:macrohard"}, set()]
        scorer = Scorer(lp, rp, lkeys, rkeys)
        sim = 0.75 * scorer.chance(lp.length(1, 2) + rp.length(1, 2))
        step = (1, 2, 1, 2, sim)
        assert unlink_unlike(scorer, [step]) == (
            [step] if kept else [(1, 2, 1, 1, None), (2, 2, 1, 2, None)])


def test_a_script_of_one_side_only_is_left_out() -> None:
    left, right = Profiles.pair(["マスクの電力帝国、2026年"], ["马斯克的电力帝国，2026年"])
    assert (left.texts, right.texts) == (["电力帝国、2026年"], ["马斯克的电力帝国,2026年"])
    left, right = Profiles.pair(["Le soleil a disparu."], ["Disparu, le soleil."])
    assert (left.texts, right.texts) == (["lesoleiladisparu."], ["disparu,lesoleil."])


def test_fact_keys_pull_units_together() -> None:
    """Two units with nothing in common but a fact key are linked through it."""
    left = ["売上は増えた。", "天気の話。", "結論。"]
    right = ["結果を述べる。", "雨が降った。", "まとめ。"]
    keys: list[set[str]] = [{"q:250000000"}, set(), set()]
    links = align(left, right, left_keys=keys, right_keys=[{"q:250000000"}, set(), set()])
    assert Link((0,), (0,)) in [Link(x.left, x.right) for x in links]


def test_empty_sides() -> None:
    assert align([], []) == []
    assert pairs(align(["一つ"], [])) == [((0,), ())]
    assert pairs(align([], ["一つ", "二つ"])) == [((), (0,)), ((), (1,))]


_WORDS = ["xAI", "GPU", "データ", "センター", "電力", "モデル", "2026年", "50万", "Grok 5",
          "規模", "競合", "テスラ", "ロボット", "学習", "計算", "能力"]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 25), st.integers(0, 25), st.integers(2, 6))
def test_every_unit_exactly_once(seed: int, n: int, m: int, span: int) -> None:
    rng = random.Random(seed)

    def text() -> str:
        return "".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 12)))

    left = [text() for _ in range(n)]
    right = [text() for _ in range(m)]
    links = align(left, right, max_span=span)
    check_cover(links, n, m)
    for link in links:
        if link.left and link.right:
            assert link.score is not None
            # a DP link stays within max_span; only lists absorbed afterwards may exceed it
            assert len(link.left) + len(link.right) <= span or (
                min(len(link.left), len(link.right)) == 1)


def test_big_blocks_are_not_preferred() -> None:
    """Ten parallel sentences give ten 1-1 links, not a few merged blocks."""
    left = [f"第{k}章では{w}について述べる。" for k, w in enumerate(_WORDS[:10])]
    right = [f"第{k}章は{w}を論じる。" for k, w in enumerate(_WORDS[:10])]
    assert pairs(align(left, right)) == [((k,), (k,)) for k in range(10)]


def test_split_sentences() -> None:
    text = "xAIは強い。しかし、リスクもある!「本当に?」 Yes. It is."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "xAIは強い。", "しかし、リスクもある!", "「本当に?」", "Yes.", "It is."]


def test_refine_points_at_sentences(ejaaz) -> None:  # type: ignore[no-untyped-def]
    """Inside L42 ↔ R56+R57 the Optimus sentence finds its counterpart."""
    ll, lt, rl, rt, _, _ = ejaaz
    left = lt[ll.index(42)]
    right = rt[rl.index(56)] + "\n" + rt[rl.index(57)]
    spans = refine(left, right)
    assert spans
    for (a, b), (c, d) in spans:
        assert 0 <= a < b <= len(left) and 0 <= c < d <= len(right)
    optimus = [(left[a:b], right[c:d]) for (a, b), (c, d) in spans if "Optimus" in left[a:b]]
    assert optimus and "Optimus" in optimus[0][1]


def test_refine_is_kept_by_its_inputs(ejaaz, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A pair of texts asked for again (a book that repeats itself) is aligned once, and the
    caller may change what it got without changing what the next caller gets."""
    from transcheck import align as align_package

    ll, lt, rl, rt, _, _ = ejaaz
    left, right = lt[ll.index(42)], rt[rl.index(56)] + "\n" + rt[rl.index(57)]
    first = refine(left, right)
    calls = []
    monkeypatch.setattr(align_package, "align", lambda *a, **k: calls.append(a) or [])
    first.clear()
    again = refine(left, right)
    assert again and not calls
    assert refine(left + "。", right) == [] and len(calls) == 1  # new inputs: aligned anew


def test_fold_han() -> None:
    assert fold_han("發電") == fold_han("発電") == "发电"
    assert fold_han("經濟") == fold_han("経済") == "经济"
    assert fold_han("データ") == "データ"


def test_render_alignment(ejaaz) -> None:  # type: ignore[no-untyped-def]
    left = load_document(str(EJAAZ / "bitpush.ja.txt"))
    right = load_document(str(EJAAZ / "techflow.ja.txt"))
    links = align([u.text for u in left.units], [u.text for u in right.units])
    out = render_alignment(left, right, links)
    rows = out.splitlines()[1:]
    assert all(width(r) <= 2 * 60 + 9 for r in rows)
    assert sum(1 for r in rows if r.startswith("L")) == len(left.units)
    assert sum(1 for r in rows if "R " in r and r.split("R ", 1)[1][:1] in " 0123456789") \
        >= len(right.units)
    assert "⇅" in out
    colored = render_alignment(left, right, links, color=True)
    assert "\033[" in colored and "\033[" not in out


def test_width_counts_wide_characters() -> None:
    assert width("abc") == 3
    assert width("電力網") == 6
    assert width("ＡＢ") == 4


def test_block_moved_past_its_neighbours() -> None:
    """R24 (このような先見性…) placed before R22-R23 is still linked with L14."""
    left_lines = (EJAAZ / "bitpush.ja.txt").read_text(encoding="utf-8").splitlines()
    right_lines = (EJAAZ / "techflow.ja.txt").read_text(encoding="utf-8").splitlines()
    left = [left_lines[n - 1] for n in (8, 10, 12, 13, 14, 16)]
    right = [right_lines[n - 1] for n in (17, 18, 24, 22, 23, 26)]
    links = align(left, right)
    check_cover(links, len(left), len(right))
    assert pairs(links) == [((0,), (0,)), ((1,), (1,)), ((2,), (3,)), ((3,), (4,)),
                            ((4,), (2,)), ((5,), (5,))]


def test_units_moved_far_from_their_place() -> None:
    """Two paragraphs the right side gives six paragraphs early (as Text+Berg's translators
    move sentences) are linked with their counterparts, not left alone on both sides."""
    left_lines = (EJAAZ / "bitpush.ja.txt").read_text(encoding="utf-8").splitlines()
    right_lines = (EJAAZ / "techflow.ja.txt").read_text(encoding="utf-8").splitlines()
    left = [left_lines[n - 1] for n in (26, 27, 28, 29, 33, 34, 35, 36)]
    right = [right_lines[n - 1] for n in (50, 51, 32, 33, 34, 35, 48, 49)]
    links = align(left, right)
    check_cover(links, len(left), len(right))
    assert sorted(pairs(links)) == [((0,), (2,)), ((1,), (3,)), ((2,), (4,)), ((3,), (5,)),
                                    ((4,), (6,)), ((5,), (7,)), ((6,), (0,)), ((7,), (1,))]


def test_sentence_piece_goes_where_its_words_are() -> None:
    """Left cuts after 覆い隠してしまうこともある。, right puts that clause on a line of its
    own: the piece belongs with the left sentence that holds its words, not with the longer
    link after it (where a span's chrF and the length term would leave it)."""
    left = ["山の記憶は壮大な印象からなることもあるが、細部がほかのすべてを覆い隠してしまう"
            "こともある。",
            "たとえば、歩いている間に靴ずれが痛んだこと、山小屋の小さな食堂で重い登山靴のまま"
            "踊ったこと、ピッツ・プラッタのふもとで嵐のように湧き上がった雲などである。"]
    right = ["ある山行の思い出が大きな出来事で占められることもあれば、ごく小さなことが",
             "ほかのすべてを覆い隠してしまうこともある。",
             "たとえば、歩いている間の靴ずれの痛み、小さな山小屋の食堂で登山靴のまま踊った"
             "こと、ピッツ・プラッタのふもとで渦を巻いて湧いた雲。"]
    scorer = Scorer(Profiles(left), Profiles(right), [text_keys(t) for t in left],
                    [text_keys(t) for t in right])
    wrong = [(0, 1, 0, 1, 0.5), (1, 2, 1, 3, 0.5)]
    right_path = [(0, 1, 0, 2, 0.5), (1, 2, 2, 3, 0.5)]
    assert [s[:4] for s in shift(scorer, wrong, 5)] == [s[:4] for s in right_path]
    assert shift(scorer, right_path, 5) == right_path


def test_shift_keeps_max_span() -> None:
    """A unit whose words all went to the link before it moves there, unless that makes a
    link of two units or more a side wider than ``max_span`` (2-1 + 1-2 → 2-2 + 1-1)."""

    class Words:
        def __init__(self) -> None:
            self.known: dict[tuple[int, int, int, int], tuple[float, float]] = {}

        def share_ceiling(self, u: int, left: bool, other: tuple[int, int]) -> float:
            return 1.0

        def added_share(self, u: int, left: bool, own: tuple[int, int],
                        other: tuple[int, int]) -> float:
            return 0.9 if (u, left, other) == (1, False, (0, 2)) else 0.0

        def cost(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
            return 1.0, 0.5

    path = [(0, 2, 0, 1, 0.5), (2, 3, 1, 3, 0.5)]
    moved = [(0, 2, 0, 2, 0.5), (2, 3, 2, 3, 0.5)]
    assert shift(Words(), path, 4) == moved  # type: ignore[arg-type]
    assert shift(Words(), path, 3) == path  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def long_pair() -> tuple[list[str], list[str], list[Pair]]:
    """Eight copies of the Ejaaz pair, each with its kana and letters shifted and a few
    one-sided right paragraphs dropped: 432 × 559 units."""
    return build([ejaaz_pair()], 90_000)


def test_long_pair_cut_into_blocks(long_pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Cut about every 60 rows, the pair is aligned in blocks: one process or two, the links
    are those of the pair aligned whole (432 rows: under ``BLOCK_ROWS``, not cut)."""
    left, right, _ = long_pair
    whole = align(left, right)
    cuts: list[list[tuple[int, int]]] = []

    def spy(*args: object) -> list[tuple[int, int]]:
        got = cut_points(*args, every=60)  # type: ignore[arg-type]
        cuts.append(got)
        return got

    monkeypatch.setattr(align_module, "cut_points", spy)
    alone = align(left, right, jobs=1)
    spread = align(left, right, jobs=2)
    assert len(cuts[0]) >= 3
    assert alone == whole
    assert spread == whole


def test_blocks_follow_the_whole_path(long_pair) -> None:  # type: ignore[no-untyped-def]
    """Cut at cells the path of the whole goes through, the blocks give that path again,
    whether run here, in two processes, or here after no process could start."""
    left, right, _ = long_pair
    lp, rp = Profiles(left), Profiles(right)
    lkeys, rkeys = [text_keys(t) for t in left], [text_keys(t) for t in right]
    scorer = Scorer(lp, rp, lkeys, rkeys)
    anchors, strong = find_anchors(lp, rp, lkeys, rkeys)
    scorer.calibrate(anchors)
    lo, hi = corridor(anchors, len(left), len(right), strong)
    whole = run_dp(scorer, lo, hi, 5)
    cells = [(step[1], step[3]) for step in whole[40:-40:60]]
    assert run_blocks(scorer, lo, hi, 5, cells, jobs=1) == whole
    assert run_blocks(scorer, lo, hi, 5, cells, jobs=2) == whole


def test_blocks_run_here_when_no_process_starts(long_pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    left, right, _ = long_pair
    expected = align(left[:120], right[:150], jobs=1)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(align_module, "cut_points",
                        lambda *args: cut_points(*args, every=40))  # type: ignore[arg-type]
    assert align(left[:120], right[:150], jobs=2) == expected


def test_scorer_goes_to_another_process_whole(long_pair) -> None:  # type: ignore[no-untyped-def]
    """Where workers start without fork (spawn, forkserver), the scorer is pickled."""
    left, right, _ = long_pair
    scorer = Scorer(Profiles(left), Profiles(right), [set()] * len(left), [set()] * len(right))
    copy = pickle.loads(pickle.dumps(scorer))
    assert copy.cost(3, 5, 4, 5) == scorer.cost(3, 5, 4, 5)
    assert copy.chance(200) == scorer.chance(200)


SHARES = """
from benchmarks.bench_align import numbered_units
from pathlib import Path
from transcheck.align.anchors import text_keys
from transcheck.align.dp import Scorer
from transcheck.align.profiles import Profiles
_, left = numbered_units(Path("pairs/ejaaz-grok5/bitpush.ja.txt"))
_, right = numbered_units(Path("pairs/ejaaz-grok5/techflow.ja.txt"))
s = Scorer(Profiles(left), Profiles(right), [text_keys(t) for t in left],
           [text_keys(t) for t in right])
print([s.fact_share(i, i + 3, j, j + 3) for i in range(len(left) - 3)
       for j in range(len(right) - 3)])
"""


def test_fact_shares_do_not_depend_on_the_hash_seed() -> None:
    """A worker started without fork has another hash seed, so it walks each set of keys in
    another order; the weights summed from them must come out the same to the last bit, or
    a link could differ with the number of CPUs."""
    outs = {subprocess.run([sys.executable, "-c", SHARES], cwd=ROOT, check=True,
                           capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(outs) == 1


def _bulk_texts() -> list[tuple[list[str], list[str]]]:
    """Japanese against Japanese, Japanese against Chinese (kana left out), Chinese against
    Chinese, with an empty unit and one-character units among them."""
    out = []
    for left, right, _ in (ejaaz_pair(), ejaaz_zh(), ejaaz_zh_zh()):
        lp, rp = Profiles.pair([*left[:40], "", "株", *left[40:]], [*right[:30], "", *right[30:]])
        out.append((lp.texts, rp.texts))
    return out


@pytest.mark.parametrize("room", [bulk.ROOM, 2**24])
def test_bulk_matches_are_sacrebleus(room: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Counted in bulk, the matches of unit pairs are those of the profiles sacrebleu
    extracts, pair by pair; also when n-grams must be renumbered to keep keys small."""
    monkeypatch.setattr(bulk, "ROOM", room)
    rng = random.Random(5)
    checked = 0
    for left, right in _bulk_texts():
        lp, rp = Profiles(left, normalized=True), Profiles(right, normalized=True)
        counter = bulk.Bulk(lp, rp)
        for _ in range(6):
            start = rng.randrange(len(left) - 20)
            rows = range(start, start + rng.randrange(1, 20))
            first = [rng.randrange(len(right)) for _ in rows]
            last = [min(len(right) - 1, a + rng.randrange(-1, 9)) for a in first]
            got = counter.matches(rows, first, last).as_dict()
            assert set(got) == {(i, j) for i, a, b in zip(rows, first, last, strict=True)
                                for j in range(a, b + 1)}
            for (i, j), counts in got.items():
                assert counts == matches(lp.unit(i), rp.unit(j)), (i, j)
                checked += 1
    assert checked > 500


@pytest.mark.parametrize("room", [bulk.ROOM, 2**24])
def test_bulk_span_matches_are_sacrebleus(room: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The matches of merged spans taken from a block counted in bulk are those of the
    spans' profiles, for every shape a merge can have (one-unit sides and several-unit
    sides, empty units among them), and no span outside the block is claimed."""
    monkeypatch.setattr(bulk, "ROOM", room)
    rng = random.Random(11)
    checked = 0
    for left, right in _bulk_texts():
        lp, rp = Profiles(left, normalized=True), Profiles(right, normalized=True)
        for _ in range(4):
            start = rng.randrange(len(left) - 25)
            rows = range(start, start + 20)
            first = [max(0, min(len(right) - 12, i + rng.randrange(-6, 3))) for i in rows]
            spans = bulk.Bulk(lp, rp).matches(rows, first, [a + 8 for a in first]).spans
            assert spans is not None
            c0, c1 = min(first), max(first) + 9
            assert not spans.covers(start - 1, start + 1, c0, c0 + 1)
            assert not spans.covers(start, start + 1, c0, c1 + 1)
            for n, m in [(1, 2), (2, 1), (1, 4), (4, 1), (2, 2), (2, 3), (3, 2), (1, 1)]:
                for _ in range(5):
                    i0, j0 = rng.randrange(start, rows.stop - n + 1), rng.randrange(c0, c1 - m + 1)
                    assert spans.covers(i0, i0 + n, j0, j0 + m)
                    assert tuple(spans.matches(i0, i0 + n, j0, j0 + m)) == matches(
                        lp.span(i0, i0 + n), rp.span(j0, j0 + m)), (i0, n, j0, m)
                    checked += 1
    assert checked > 400


def test_anchors_on_repeated_text() -> None:
    """A book that repeats one article three times on each side still has anchors in every
    copy, each pairing a copy with the same copy (the k-th place of a string with its k-th);
    a string a unit holds twice, or one side holds more often, pairs nothing."""
    left, right, _ = ejaaz_pair()
    lp, rp = Profiles.pair(left * 3, right * 3)
    keys = [text_keys(t) for t in left * 3], [text_keys(t) for t in right * 3]
    chain, _ = find_anchors(lp, rp, *keys)
    copies = [i // len(left) for i, _ in chain]
    assert all(i // len(left) == j // len(right) for i, j in chain)
    assert all(copies.count(c) >= 20 for c in range(3))
    found: dict[tuple[int, int], float] = {}
    left, right = {"a": [1, 4], "b": None, "c": [2], "d": [7]}, {"a": [0, 3], "b": [5],
                                                                 "c": [1, 6], "d": [8]}
    anchors._tally(found, left, right, 1.0, repeated=True)
    assert found == {(1, 0): 1.0, (4, 3): 1.0}
    anchors._tally(found, left, right, 1.0)
    assert found == {(1, 0): 1.0, (4, 3): 1.0, (7, 8): 1.0}
    assert anchors._key_places([{"a"}, {"a", "b"}, set()], 0, 3) == {"a": [0, 1], "b": [1]}


@pytest.mark.parametrize("room", [bulk.ROOM, 2**24])
def test_bulk_gram_votes_match_the_tally(room: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The anchor n-grams tallied with numpy give each unit pair the votes the tally of
    hashed n-grams gives it, for whole texts and boxes inside them, also where 3-grams
    must be numbered first; a box too short for any n-gram has none."""
    monkeypatch.setattr(bulk, "ROOM", room)
    rng = random.Random(3)
    boxes = repeats = 0
    texts = _bulk_texts()
    for left, right in [*texts, (texts[0][0] * 3, texts[0][1] * 3)]:  # repeated: k-th places
        lp, rp = Profiles(left, normalized=True), Profiles(right, normalized=True)
        for box in [(0, len(left), 0, len(right)), (38, 42, 28, 31),
                    *((a, a + rng.randrange(5, 40), b, b + rng.randrange(5, 40))
                      for a, b in ((rng.randrange(len(left) - 40), rng.randrange(len(right) - 40))
                                   for _ in range(5)))]:
            want: dict[tuple[int, int], float] = {}
            again: dict[tuple[int, int], float] = {}
            places = anchors._gram_places(lp, *box[:2]), anchors._gram_places(rp, *box[2:])
            anchors._tally(want, *places, 2.5)
            anchors._tally(again, *places, 2.5, repeated=True)
            assert bulk.gram_votes(lp, rp, box, 2.5) == (want, again), box
            boxes += bool(want)
            repeats += bool(again)
    assert boxes >= 10 and repeats >= 5
    short = Profiles(["株式", "", "ab"], normalized=True)
    assert bulk.gram_votes(short, short, (0, 3, 0, 3), 1.0) == ({}, {})


def test_bulk_matching_gives_the_same_links(long_pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Matching the corridor and tallying the anchors in bulk changes no link, in one
    process or two."""
    left, right, _ = long_pair
    monkeypatch.setattr(dp, "BULK_UNITS", 10**9)
    monkeypatch.setattr(anchors, "BULK_UNITS", 10**9)
    one_by_one = align(left, right)
    monkeypatch.setattr(dp, "BULK_UNITS", 0)
    monkeypatch.setattr(anchors, "BULK_UNITS", 0)
    assert align(left, right) == one_by_one
    assert align(left, right, jobs=2) == one_by_one


def test_bulk_floors_are_the_merged_bounds_first_test(long_pair) -> None:  # type: ignore[no-untyped-def]
    """The floors counted in bulk are what ``merged_bound`` computes with every fact taken
    as shared, to float rounding: never above the bound itself, so no merge is lost."""
    left, right, _ = long_pair
    left, right = left[:150], right[:190]
    lp, rp = Profiles(left), Profiles(right)
    lkeys, rkeys = [text_keys(t) for t in left], [text_keys(t) for t in right]
    scorer = Scorer(lp, rp, lkeys, rkeys)
    anchors, strong = find_anchors(lp, rp, lkeys, rkeys)
    lo, hi = corridor(anchors, len(left), len(right), strong)
    moves = dp.make_moves(5)
    floors = scorer.bulk_floors(0, len(left), lo, hi, moves)
    merges = 0
    for i in range(1, len(left) + 1):
        for j in range(lo[i], hi[i] + 1):
            for k, (di, dj, kind) in enumerate(moves):
                if kind is dp.Kind.SWAP:  # weighs 1-1 pairs: no floor
                    assert k == len(floors[i - 1][j - lo[i]])
                    continue
                pi, pj = i - di, j - dj
                floor = floors[i - 1][j - lo[i]][k]
                if di + dj <= 2 or pi < 0 or not lo[pi] <= pj <= hi[pi]:
                    assert floor == float("inf")
                    continue
                la, lb = lp.length(pi, i), rp.length(pj, j)
                top = scorer.with_facts(scorer._summed_top(pi, i, pj, j), 1.0)
                expected = max((1.0 - top) / (1.0 - scorer.chance(la + lb))
                               + scorer.length_term(la, lb), 0.0) * di * dj
                assert floor == pytest.approx(expected, abs=1e-12)
                assert floor <= scorer.merged_bound(pi, i, pj, j) + 1e-12
                merges += 1
    assert merges > 2500  # the corridor of the first 150 rows holds that many merges


def test_bulk_one_costs_are_cost_one(long_pair) -> None:  # type: ignore[no-untyped-def]
    """The 1-1 costs of a DP block filled in bulk are, to the last bit, those ``cost_one``
    computes pair by pair from the profiles (facts, chance and length terms included)."""
    left, right, _ = long_pair
    left, right = left[:150], right[:190]
    lkeys = [text_keys(t) | ({"q:1"} if k % 3 else set()) for k, t in enumerate(left)]
    rkeys = [text_keys(t) | ({"q:1"} if k % 4 else set()) for k, t in enumerate(right)]
    bulk_scorer = Scorer(Profiles(left), Profiles(right), lkeys, rkeys)
    found, strong = find_anchors(bulk_scorer.lp, bulk_scorer.rp, lkeys, rkeys)
    lo, hi = corridor(found, len(left), len(right), strong)
    bulk_scorer.bulk_floors(0, len(left), lo, hi, dp.make_moves(5))
    filled = dict(bulk_scorer._one)
    assert len(filled) > 800
    one_by_one = Scorer(Profiles(left), Profiles(right), lkeys, rkeys)
    with_facts = 0
    for (i, j), got in filled.items():
        assert got == one_by_one.cost_one(i, j), (i, j)
        with_facts += bool(one_by_one.lkeys[i] and one_by_one.rkeys[j])
    assert with_facts > 300
