"""The mutation benchmark's own reading of a text: which facts it changes, and how."""

from __future__ import annotations

from datetime import date

from benchmarks.mutate import find_targets, form_changes, value_change
from transcheck.load import parse_document


def test_targets_skip_identifiers_and_change_value_or_form() -> None:
    text = ("Grok 5は2026年Q1に登場し、7兆パラメータを持つ。H100を20万台、今年は2億5000万人が"
            "使う。約 250 MW、56%増。GPUは90万枚、価格は2万〜3万ドル。\n")
    doc = parse_document(text, "a.txt", when=date(2026, 1, 23))
    targets = find_targets(doc)
    # Grok 5 and H100 are names, not figures
    assert [t.text for t in targets] == ["2026年", "Q1", "7兆パラメータ", "20万台", "今年",
                                         "2億5000万人", "250 MW", "56%", "90万枚", "2万",
                                         "3万ドル"]
    changed = {t.text: value_change(t, doc.lang, doc.text[t.end:t.end + 4]) for t in targets}
    assert changed["2026年"] == "2027年" and changed["Q1"] == "Q2"
    assert changed["今年"] == "来年" and changed["2億5000万人"] == "3億5000万人"
    assert changed["2万"] == "1万"  # the low end of a range stays below the high end
    forms = {t.text: dict(form_changes(t, doc, doc.lang)) for t in targets}
    assert forms["2026年"]["year as a relative year"] == "今年"
    assert forms["今年"]["relative year as a year"] == "2026年"
    assert forms["Q1"]["Q2 as 第2四半期"] == "第1四半期"
    assert forms["2億5000万人"]["2億5000万 as 2.5億"] == "2.5億人"
    assert forms["20万台"]["Arabic as kanji"] == "二十万台"
    assert forms["90万枚"]["台 and 枚 for GPUs"] == "90万台"
    assert forms["56%"]["a space before the unit"] == "56 %"
