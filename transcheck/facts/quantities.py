"""Quantities: a number, its scale word, its unit or counter, its bound, its rate and its noun.

One parser for every language; the words come from each language's data folder
(transcheck/lang/ja, zh, en; see transcheck.lang.loader). 2億5000万, 二億五千万,
２億５０００万, 250,000,000 and 2.5億 all read as 250000000; 90万台 and 90万枚 of GPUs are
both 900000 of unit 個 (the written counter stays in ``counter``);
250MW is unit MW and 250 メガワット時 unit MWh.

How a match is read, in order:
  1. a run of numerals (Arabic, full-width, kanji, scale words) found by one regex;
  2. context that makes it no quantity: an ordinal label (第2, 1位, 2号機), a label (Grok 5,
     コロッサス2, ナンバー1), a vague count (数十), a word that merely holds a numeral (一般,
     统一), a time (2026年, 4ヶ月: the time reader's), a URL, e-mail, code or markup;
  3. a fraction (3分の1, 百分之三十), a range (200〜300億ドル), a suffix bound, the unit;
  4. a prefix bound (約, 最大, about), the period of a rate (毎月, 1日あたり), the noun.

What a Quantity holds:
  value (int when integral, else float) or low/high for a range, already in the canonical
  unit (300kW → 0.3 MW); unit, the canonical name from the tables (USD JPY CNY EUR, MW for
  power, MWh for energy, GB, 人, 個 for things and devices, 件, 社, 回, %, 倍 …, see
  transcheck/lang/units.tsv and each language's counters.tsv); counter, the counter or
  unit as written (枚, メガワット時, $);
  qualifier (exact approx at-least more-than at-most less-than up-to); per (day week month
  year) for rates; noun, the counted noun normalized by ``normalize_noun`` (GPU → gpu,
  ユーザー → ユーザ, users → ユーザ). A number with a noun but no counter (50万GPU, 7兆パラメータ)
  counts 個, or the class its noun implies (1つの企業 → 社, 600M users → 人).

Decisions: a bound without a number (倍以上) is no quantity; a bare 4-digit number from 1900 to
2100 with nothing counted is a year, not a quantity; kanji numerals need a scale,
counter or unit (五次元 is not five of anything); 一人 is one word to UniDic but still 1 人;
ordinals with a prefix or a rank (第2章, 1位) are labels, not amounts, but a counted ordinal
(6社目, 3回目, 6つ目) is a fact of unit 番目: the sixth company is not the seventh.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import pairwise
from typing import cast

import regex

from .. import lang as languages
from ..lang import SCAN_TIMEOUT
from ..model import Qualifier, Quantity
from .tokens import Token, token_at, tokenize

# Full-width digits and signs → ASCII, one character for one, so offsets do not move.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－〜＄　", "0123456789.%+-~$ "
)
# Where a full-width comma groups thousands: between full-width digits (１１１，１１１), and in
# Japanese after ASCII ones too (1，234人); in Chinese it is the clause comma there
# ($20，300美圆 is two amounts).
_FULLWIDTH_GROUP = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
_ANY_DIGIT_GROUP = regex.compile(r"(?<=[0-9０-９])，(?=[0-9０-９]{3}(?![0-9０-９]))")


def _normalize(text: str, comma_after_ascii: bool = True) -> str:
    """Full-width digits and signs as ASCII, one character for one (offsets do not move)."""
    if "，" in text:
        text = (_ANY_DIGIT_GROUP if comma_after_ascii else _FULLWIDTH_GROUP).sub(",", text)
    return text.translate(_FULLWIDTH)
# Units whose value is a count of things, which is when a counted noun matters.
COUNTERS = frozenset({"人", "個", "件", "社", "回"})  # units that count things
_COUNT_UNITS = COUNTERS | {None}
_GENERIC_COUNT = frozenset({None, "個"})
SKIP_ZONES = regex.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`\n]*`|<[^<>\n]+>|&#?\w+;"
    r"|\{[^{}\n]*:[^{}\n]*\}"
)
_CLAUSE_BREAKS = "、。,，;；!?！？\n「」()（）:："
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
# Indian English groups lakhs and crores by two: 12,34,567 (English text only)
_LAKH = r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"
# a thousands group after a space (40 000, 1 250 000; English text only), not a day of the
# month before a number (June 30 100 firms) nor a count before a longer one
_SPACE_GROUP = regex.compile(
    r"(?<!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ][0-9]{1,3})"
    r"(?<=(?<![0-9.,])[0-9]{1,3})[ \u00a0\u202f\u2009]"
    r"(?=[0-9]{3}(?![0-9\p{L}]|[.,][0-9]))")
_EN_WORD_AFTER = regex.compile(r"[ -]?([A-Za-z.]+)")
_DATE_TAIL = regex.compile(r"[\-–—/][0-9]")
_LETTER = regex.compile(r"\p{L}")
_KATAKANA = regex.compile(r"[\p{Katakana}ー]")
_LATIN = regex.compile(r"[\p{Latin}]")
_LATIN_TAIL = regex.compile(r"[\p{Latin}]+$")
_LATIN_OR_KATAKANA = regex.compile(r"[\p{Latin}\p{Katakana}]")
_EN_CLAUSE = regex.compile(r"[^,.;:!?()\n]{0,24}")
_ZH_NOUN = regex.compile(r"[ ]?(?:([\p{Latin}][\p{Latin}0-9\-]*)|(\p{Han}{1,6}))")
_EN_WORDS = regex.compile(r"(?:[ ]+[A-Za-z][A-Za-z\-']*){1,4}")
_EN_PLAIN = regex.compile(r"[a-z][a-z\-']+")
_ANY_NUMERAL = regex.compile(
    r"[0-9０-９〇零一二三四五六七八九十百千两兩壱弐参拾壹贰叁佰仟\u00bc-\u00be\u2150-\u215e]")
_HIRAGANA = regex.compile(r"\p{Hiragana}")
_JA_CLAUSE = regex.compile(r"[^、。,，.;；:：!?！？()（）\nをはがにでと]{0,14}")


def _longest_first(words: object) -> list[str]:
    return sorted(cast("Iterable[str]", words), key=lambda w: (-len(w), w))


def _noun_before(language: languages.Language, known: list[str]) -> regex.Pattern[str] | None:
    """A counted noun the tables know, then words of amount, right before a number (the
    number's own bound, 超过 or 约, is before it too): 月活跃用户达到6亿, 参数量为3万亿,
    日活用户合计7000万; None for a language without verbs of amount."""
    if not language.amount_verbs:
        return None

    def optional(words: Iterable[str]) -> str:
        return "(?:" + "|".join(map(regex.escape, _longest_first(words))) + ")?"

    return regex.compile(
        "(" + "|".join(map(regex.escape, known)) + ")"
        "(" + optional(language.amount_words) + optional(language.total_words)
        + optional(language.aspect_words) + optional(language.amount_verbs)
        + optional(language.prefix_qualifiers) + ")$")


@dataclass(frozen=True)
class Grammar:
    """One language's tables, with the patterns built from them."""

    lang: str
    digits: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    units: dict[str, tuple[str, float]]
    unit_words: list[str]
    signs: dict[str, str]
    sign_words: list[str]
    prefix_qualifiers: list[tuple[str, str]]
    linking_words: tuple[str, ...]
    article_classifiers: tuple[str, ...]
    only_words: tuple[str, ...]
    not_suffix_qualifiers: tuple[str, ...]
    not_prefix_qualifiers: tuple[str, ...]
    increase_words: tuple[str, ...]
    suffix_qualifiers: list[tuple[str, str]]
    per_words: list[tuple[str, str]]
    per_start: re.Pattern[str] | None  # a character that starts a rate word, if any
    time_words: tuple[str, ...]
    not_times: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    vague: tuple[str, ...]
    joiners: list[str]
    closers: tuple[str, ...]
    fractions: tuple[str, ...]
    not_numbers: tuple[str, ...]
    negative_words: tuple[str, ...]
    mixed_fraction_joiners: tuple[str, ...]
    scale_bounds: dict[str, str]
    scale_words: list[str]
    counted_ordinals: tuple[str, ...]
    between_joiners: dict[str, tuple[str, ...]]
    # word lists for _starts, built once (it keys its cache by the list's id)
    between_closers: tuple[str, ...]
    between_words: list[str]
    subunit_words: list[str]
    elided_place: int
    fullwidth_comma_groups_ascii: bool
    half_after: tuple[str, ...]
    subunits: dict[str, tuple[str, float]]
    noun_units: dict[str, str]
    noun_aliases: dict[str, str]
    language: languages.Language  # the properties of its writing (spaced_words …)
    known_nouns: list[str]  # the counted nouns the tables know, longest first
    noun_before: regex.Pattern[str] | None  # one of them and words of amount before a number
    # numerals spelled in kana: a run of them (two or more, or one before a space), and its parts
    kana_run: regex.Pattern[str] | None
    kana_part: regex.Pattern[str] | None
    attached_only: frozenset[str]
    scale_word_values: dict[str, int]  # million, k, bn → their value
    not_nouns: frozenset[str]
    count_nouns: frozenset[str]
    per_word_set: frozenset[str]
    noun_stops: str
    stopwords: frozenset[str]
    run: regex.Pattern[str]
    # the characters a run can start with, found first: a scan in C for one class is many
    # times faster than trying the run's look-behinds at every character (see ``_Reader.read``)
    run_start: re.Pattern[str]
    run_body: regex.Pattern[str]  # the same without the look-behind, for a range's high end
    piece: regex.Pattern[str]
    unit_re: regex.Pattern[str]
    vulgar_fractions: dict[str, float]  # ½ → 0.5
    space_groups: bool  # 40 000 is one number


@cache
def grammar(lang: str) -> Grammar:
    """The tables of ``lang`` (ja, zh, en) and the patterns built from them, built once."""
    language = languages.language(lang)
    digits = dict(language.digits)
    multipliers = dict(language.multipliers)
    scales = dict(language.scales)
    units = dict(language.units)
    signs = dict(language.currency_signs)
    kanji = "".join(digits) + "".join(multipliers)
    vulgar = "".join(language.vulgar_fractions)
    arabic = (_LAKH + "|" if language.groups_lakhs else "") + _ARABIC
    atom = arabic + (f"|[{kanji}]+" if kanji else "") + (
        f"|[0-9]*[{vulgar}]" if vulgar else "")
    # a decimal point inside a numeral (十五点七, 〇・〇八): only before a digit it joins
    points = language.decimal_points
    kanji_digits = "".join(digits)
    point_alts = [regex.escape(p) + (f"(?=[{kanji_digits}])" if kind == "kanji"
                                     else f"(?=[{kanji_digits}0-9])")
                  for p, kind in points.items()]
    cjk_scale = "|".join(regex.escape(s) for s in _longest_first(scales))
    word_scale = "|".join(_longest_first(language.scale_words))
    letter_scale = "|".join(_longest_first(language.scale_letters))
    letters = f"|(?:{letter_scale})" if language.reads_latin_scale_letters else ""
    latin_scale = rf"(?:[ ]?(?:{word_scale}){letters})(?![\p{{Latin}}])"
    inner = f"(?:{atom})" + (f"|[ ]?(?:{cjk_scale})" if cjk_scale else "") + "".join(
        f"|{alt}" for alt in point_alts)
    body = rf"(?:{atom})(?:{inner})*(?:{latin_scale})?"
    # a currency code glued to the amount (USD115.5) may stand before it; any other letter
    # makes the digits part of a word (A100, H2)
    codes = "|".join(s for s in _longest_first(signs) if s.isascii() and s.isalpha())
    glued = rf"|(?<=(?<![\p{{Latin}}])(?:{codes}))" if codes else ""
    run = regex.compile(
        rf"(?:(?<![\p{{Latin}}0-9._/#@\\]){glued})(?<![\p{{Latin}}0-9]-)"
        rf"(?:(?<![\p{{Latin}}\p{{N}}])[+\-−])?{body}"
    )
    piece_parts = [rf"(?P<arabic>{arabic})", rf"(?P<latin>{word_scale}|{letter_scale})"]
    if cjk_scale:
        piece_parts.append(f"(?P<scale>{cjk_scale})")
    if kanji:
        piece_parts.append(f"(?P<kanji>[{kanji}])")
    if vulgar:
        piece_parts.append(f"(?P<vulgar>[{vulgar}])")
    if points:
        piece_parts.append("(?P<point>" + "|".join(map(regex.escape, points)) + ")")
    piece = regex.compile("|".join(piece_parts))
    unit_words = _longest_first(units)
    guards = language.unit_guards
    unit_re = regex.compile(
        "|".join(
            regex.escape(u) + (r"(?![\p{Latin}])" if _LATIN.match(u[-1]) else "")
            + (f"(?!{guards[u]})" if u in guards else "")
            for u in unit_words
        )
    )
    between = dict(language.between_joiners)
    known_nouns = _longest_first({**language.noun_aliases, **language.noun_units})
    every = [languages.language(code) for code in languages.LANGS]
    per_words = sorted(language.per_words.items(), key=lambda kv: -len(kv[0]))
    return Grammar(
        lang=lang,
        digits=digits,
        multipliers=multipliers,
        scales=scales,
        units=units,
        unit_words=unit_words,
        signs=signs,
        sign_words=_longest_first(signs),
        prefix_qualifiers=sorted(language.prefix_qualifiers.items(), key=lambda kv: -len(kv[0])),
        linking_words=tuple(_longest_first(language.linking_words)),
        article_classifiers=language.article_classifiers,
        only_words=language.only_words,
        not_suffix_qualifiers=language.not_suffix_qualifiers,
        not_prefix_qualifiers=language.not_prefix_qualifiers,
        increase_words=language.increase_words,
        suffix_qualifiers=sorted(language.suffix_qualifiers.items(), key=lambda kv: -len(kv[0])),
        per_words=per_words,
        per_start=re.compile("[" + "".join(map(re.escape, {w[0] for w, _ in per_words})) + "]")
        if per_words else None,
        time_words=tuple(_longest_first(language.time_words)),
        not_times=language.not_times,
        ordinal_prefixes=language.ordinal_prefixes,
        ordinal_suffixes=tuple(_longest_first(language.ordinal_suffixes)),
        vague=language.vague,
        joiners=_longest_first(language.range_joiners),
        closers=language.range_closers,
        fractions=language.fraction_markers,
        not_numbers=language.not_numbers,
        negative_words=tuple(_longest_first(language.negative_words)),
        mixed_fraction_joiners=language.mixed_fraction_joiners,
        scale_bounds=dict(language.scale_bounds),
        scale_words=_longest_first(scales),
        counted_ordinals=language.counted_ordinals,
        between_joiners=between,
        between_closers=tuple(_longest_first({c for cs in between.values() for c in cs})),
        between_words=_longest_first(between),
        subunit_words=_longest_first(language.subunits),
        elided_place=language.elided_place,
        fullwidth_comma_groups_ascii=language.fullwidth_comma_groups_ascii_digits,
        half_after=language.half_after,
        subunits=dict(language.subunits),
        # looked up after normalizing, so every language's counted nouns apply
        noun_units={k: v for other in (every[2], every[0], every[1])
                    for k, v in other.noun_units.items()},
        noun_aliases={**languages.language("en").noun_aliases, **language.noun_aliases},
        language=language,
        known_nouns=known_nouns,
        noun_before=_noun_before(language, known_nouns),
        kana_run=_kana_run(language),
        kana_part=(regex.compile("|".join(_longest_first(language.kana_numerals)))
                   if language.kana_numerals else None),
        attached_only=frozenset(language.attached_only),
        scale_word_values={**language.scale_words, **language.scale_letters},
        not_nouns=frozenset(language.not_nouns),
        count_nouns=frozenset(language.count_nouns),
        per_word_set=frozenset(language.per_words),
        noun_stops="".join(language.noun_stops),
        stopwords=frozenset(language.stopwords),
        run=run,
        # every first character of ``run``: a digit, a sign, a kanji numeral, a vulgar fraction
        run_start=re.compile("[0-9+\\-−" + "".join(map(re.escape, kanji + vulgar)) + "]"),
        run_body=regex.compile(body),
        piece=piece,
        unit_re=unit_re,
        vulgar_fractions=dict(language.vulgar_fractions),
        space_groups=language.groups_thousands_with_spaces,
    )


def _kana_run(language: languages.Language) -> regex.Pattern[str] | None:
    """Where numerals spelled in kana may stand: not inside a word of kana (after no kana or
    a particle: 寄付はさんびゃく…), two or more of them (さんびゃく) or one before a space
    (ろく どる); the reader decides the rest."""
    if not language.kana_numerals:
        return None
    part = "(?:" + "|".join(_longest_first(language.kana_numerals)) + ")"
    first = "".join(sorted({w[0] for w in language.kana_numerals}))
    after = "".join(language.kana_numerals_after)
    particle = f"(?<![{after}])" if after else ""
    # the first character leads, so the scan skips the rest of the text in C
    return regex.compile(rf"(?=[{first}])(?<![\p{{Hiragana}}ー]{particle})"
                         rf"{part}(?:{part}+|(?= ))")


@dataclass(slots=True)
class _Numeral:
    """A numeral run read: its value, where it ends, and how it was written."""

    value: Decimal
    end: int
    scaled: bool  # has a scale word (万, 億, million)
    trailing_scale: Decimal | None  # the scale word it ends with: 300億 → 10^8
    kanji_led: bool  # starts with a kanji numeral (二億, 十数)
    has_kanji: bool  # holds a kanji digit or multiplier, which UniDic must confirm


def parse_numeral(text: str, lang: str = "ja") -> Decimal | None:
    """Value of one numeral run, or None if it is not well formed.

    >>> [int(parse_numeral(s) or 0) for s in ("2億5000万", "二億五千万", "3万5千", "四百二十万")]
    [250000000, 250000000, 35000, 4200000]
    """
    g = grammar(lang)
    numeral = _read_numeral(g, _normalize(text, g.fullwidth_comma_groups_ascii), 0, len(text))
    return numeral.value if numeral is not None and numeral.end == len(text) else None


def _read_numeral(g: Grammar, norm: str, start: int, end: int) -> _Numeral | None:
    """Read one numeral run. Beyond plain positional reading:

    * 零/〇 after a multiplier or scale marks a gap, not a digit: 一千零十 = 1010;
    * one digit after 百, 千 or a scale word stands for the next place down, as spoken:
      三万五 = 35000, 两千六 = 2600, 九百九 = 990 (a digit after 十 is a unit: 十五 = 15);
    * a larger scale after a smaller one multiplies all before it: 一万五千亿 = 1.5 × 10^12,
      10万万 = 10^9;
    * a decimal point between digits: 十五点七 = 15.7, 〇・〇八 = 0.08, 三点五亿.
    """
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    last_scale: int | None = None
    trailing: Decimal | None = None
    scaled = has_kanji = decimal = False
    sign = Decimal(1)
    pos = start
    prev = ""  # the kind of the piece before: digit, mult, scale, zero, arabic, point
    place = 0  # the size of the last multiplier or scale word
    elide = 0  # a lone digit after 百/千/万…: the place it stands for, times ten
    if norm[pos] in "+-−":
        sign = Decimal(-1) if norm[pos] != "+" else Decimal(1)
        pos += 1
    kanji_led = norm[pos] in g.digits or norm[pos] in g.multipliers
    while pos < end:
        if norm[pos] == " ":
            pos += 1
            continue
        m = g.piece.match(norm, pos, end)
        if m is None:
            return None
        kind = m.lastgroup
        word = m.group()
        trailing = None
        if kind == "arabic":
            if current is not None or decimal:
                return None
            try:
                current = Decimal(word.replace(",", ""))
            except InvalidOperation:
                return None
            prev, elide = "arabic", 0
        elif kind == "vulgar":  # ½, 2¾: the fraction ends the number
            if decimal or prev == "vulgar":
                return None
            current = (current or Decimal(0)) + Decimal(repr(g.vulgar_fractions[word]))
            prev, elide, decimal = "vulgar", 0, True
        elif kind == "point":
            if decimal or (current is None and section == 0 and total == 0):
                return None
            if elide and current is not None:
                current = current * elide / 10
            elide = 0
            current, section = section + (current or Decimal(0)), Decimal(0)  # 一百点123
            digits = ""
            k = m.end()
            while k < end and (norm[k] in g.digits or "0" <= norm[k] <= "9"):
                digits += str(g.digits[norm[k]]) if norm[k] in g.digits else norm[k]
                k += 1
            if not digits:
                return None
            current += Decimal("0." + digits)
            decimal = True
            prev = "point"
            pos = k
            continue
        elif kind == "kanji":
            has_kanji = True
            if decimal:
                return None
            if word in g.digits:
                d = g.digits[word]
                if d == 0 and prev in ("mult", "scale", "zero"):
                    prev = "zero"  # 一千零十: the hundreds are empty
                    pos = m.end()
                    continue
                if current is None and prev in ("mult", "scale") and g.elided_place and \
                        place >= g.elided_place:
                    elide = place
                else:
                    elide = 0
                current = (current or Decimal(0)) * 10 + d
                prev = "digit"
            else:
                section += (current if current is not None else Decimal(1)) * g.multipliers[word]
                current = None
                prev, place, elide = "mult", g.multipliers[word], 0
        elif kind == "scale":
            size = g.scales[word]
            elide = 0  # 五千二 before a scale word is 5002 of it: no place is left out
            group = section + (current or Decimal(0))
            if last_scale is not None and (size > last_scale or (
                    size == last_scale and prev == "scale")):
                total = (total + group) * size  # 一万五千亿, 10万万
            elif last_scale is not None and size == last_scale:
                return None
            else:
                if group == 0:
                    return None
                total += group * size
            section, current, last_scale = Decimal(0), None, size
            scaled = True
            trailing = Decimal(size)
            prev, place, decimal = "scale", size, False
        else:  # a Latin scale word ends the numeral: 1.5 trillion, 600M
            size = g.scale_word_values.get(word.strip()) or g.scale_word_values[word]
            value = (total + section + (current or Decimal(0))) * size
            return _Numeral(sign * value, m.end(), True, Decimal(size), kanji_led, has_kanji)
        pos = m.end()
    if elide and current is not None:
        current = current * elide / 10
    total += section + (current or Decimal(0))
    return _Numeral(sign * total, end, scaled, trailing, kanji_led, has_kanji)


def _number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _skip_space(text: str, pos: int, limit: int = 1) -> int:
    n = 0
    while pos < len(text) and text[pos] == " " and n < limit:
        pos += 1
        n += 1
    return pos


def _starts(text: str, pos: int, words: list[tuple[str, str]] | list[str] | tuple[str, ...]
            ) -> tuple[str, str] | str | None:
    """The first (longest) of ``words`` that ``text`` has at ``pos``, or None."""
    if not words:
        return None
    prefixes = _prefixes(words)
    if not text.startswith(prefixes, pos):
        return None  # the common case, decided in C
    for w in words:
        word = w[0] if isinstance(w, tuple) else w
        if text.startswith(word, pos):
            return w
    return None


_PREFIX_CACHE: dict[int, tuple[object, tuple[str, ...]]] = {}


def _prefixes(words: list[tuple[str, str]] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The words as a tuple for ``str.startswith``, cached by the list's id; the cache keeps
    the list itself, so the id cannot be reused by another list while the entry lives."""
    key = id(words)
    hit = _PREFIX_CACHE.get(key)
    if hit is not None and hit[0] is words:
        return hit[1]
    got = tuple(w[0] if isinstance(w, tuple) else w for w in words)
    _PREFIX_CACHE[key] = (words, got)
    return got


class _Reader:
    """Reads the quantities of one unit's text (see the module docstring for the steps)."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.g = grammar(lang)
        self.norm = _normalize(text, self.g.fullwidth_comma_groups_ascii)
        if self.g.space_groups:
            self.norm = _SPACE_GROUP.sub(",", self.norm)
        self.lang = self.g.language
        self._tokens: tuple[Token, ...] | None = None
        self._between = False  # the range just read was joined by と…の間, 与…之间
        self._window = (0, len(text))
        self._kana: dict[int, _Numeral] = {}  # numerals spelled in kana, by where they start
        self.zones = [m.span() for m in SKIP_ZONES.finditer(self.norm, timeout=SCAN_TIMEOUT)] if (
            "/" in text or "@" in text or "`" in text or "<" in text or "{" in text
            or "&" in text) else []

    @property
    def tokens(self) -> tuple[Token, ...]:
        """UniDic's words around the candidate being read (see ``_focus``), with offsets
        into the whole text: tagging a window, not the whole unit, keeps the reader fast."""
        if self._tokens is None:
            lo, hi = self._window
            if lo == 0 and hi == len(self.text):
                self._tokens = tokenize(self.text)
            else:
                self._tokens = tuple(
                    Token(t.surface, t.start + lo, t.end + lo, t.pos1, t.pos2, t.pos3)
                    for t in tokenize(self.text[lo:hi]))
        return self._tokens

    def _focus(self, start: int, end: int) -> None:
        """Set the window UniDic reads for a candidate: back to the clause start (at most
        16 characters) and on to the sentence end (at most 40)."""
        text = self.text
        lo = max(0, start - 16)
        cut = max(text.rfind(c, lo, start) for c in "。、\n")
        if cut >= 0:
            lo = cut + 1
        hi = min(len(text), end + 40)
        stop = text.find("。", end + 8, hi)
        if stop >= 0:
            hi = stop + 1
        if (lo, hi) != self._window:
            self._window = (lo, hi)
            self._tokens = None

    def read(self) -> list[tuple[int, int, dict[str, object]]]:
        found: list[tuple[int, int, dict[str, object]]] = []
        pos = 0
        last_end = 0
        kana = self._kana_numerals()
        k = 0
        while True:
            m = self._next_run(pos)
            while k < len(kana) and kana[k][0] < pos:
                k += 1
            if k < len(kana) and (m is None or kana[k][0] < m.start()):
                run_start, run_end = kana[k]
                k += 1
            elif m is None:
                break
            else:
                run_start, run_end = m.span()
            got = self._read_at(run_start, run_end, last_end)
            if got is None:
                pos = run_end
                continue
            start, end, fields = got
            found.append((start, end, fields))
            last_end = end
            pos = max(end, run_end)
        return found

    def _next_run(self, pos: int) -> regex.Match[str] | None:
        """The run ``g.run.search`` finds from ``pos``: tried only where a character that
        can start one is (a match at a position still sees the text before it)."""
        norm, start_at, run = self.norm, self.g.run_start.search, self.g.run.match
        first = start_at(norm, pos)
        while first is not None:
            m = run(norm, first.start(), timeout=SCAN_TIMEOUT)
            if m is not None:
                return m
            first = start_at(norm, first.start() + 1)
        return None

    def _kana_numerals(self) -> list[tuple[int, int]]:
        """Numerals spelled in hiragana, where they cannot be a word (さん, に, ご are everyday
        words; せん begins せんたく): a run of two or more that holds a scale word (百, 千, 万,
        億, 兆) with no kana after it but a counter (さんびゃく, いっせんまん, さんびゃくえん),
        or one before a counter or unit, two or more (きゅうじゅうなな円) or one after a space
        before a counter in kana (ろく どる). Their values are kept for ``_numeral``."""
        g, norm = self.g, self.norm
        if g.kana_run is None or g.kana_part is None:
            return []
        found: list[tuple[int, int]] = []
        for m in g.kana_run.finditer(norm, timeout=SCAN_TIMEOUT):
            parts = [p.group() for p in g.kana_part.finditer(norm, m.start(), m.end())]
            if parts[0] in g.language.kana_numerals_inside_only:
                continue
            for n in range(len(parts), 0, -1):
                end = m.start() + sum(map(len, parts[:n]))
                numeral = self._kana_numeral(end, parts[:n])
                if numeral is not None:
                    self._kana[m.start()] = numeral
                    found.append((m.start(), end))
                    break
        return found

    def _kana_numeral(self, end: int, parts: list[str]) -> _Numeral | None:
        """The value of ``parts`` (a run of kana numerals ending at ``end``) where
        what follows lets it be a numeral, else None."""
        g, norm = self.g, self.norm
        if parts[-1] in g.language.kana_numerals_not_last:
            return None
        written = "".join(g.language.kana_numerals[p] for p in parts)
        if any(a in g.digits and b in g.digits for a, b in pairwise(written)):
            return None  # さんに is no numeral: a digit follows a digit only in kanji (二〇二六)
        value = _read_numeral(g, written, 0, len(written))
        if value is None:
            return None
        after = _skip_space(norm, end)
        unit = g.unit_re.match(norm, after)
        kana_unit = unit is not None and all(_HIRAGANA.match(c) for c in unit.group())
        scale = any(c in g.scales or g.multipliers.get(c, 0) >= 100 for c in written)
        at_edge = end == len(norm) or not _HIRAGANA.match(norm[end])
        if len(parts) >= 2 and scale and (at_edge or kana_unit):
            pass  # さんびゃく, いっせんまん, さんびゃくえん
        elif unit is None or (len(parts) == 1 and not (after > end and kana_unit)):
            return None  # ご縁 in kana, に人 (a particle and a counter): words
        return _Numeral(value.value, end, value.scaled, value.trailing_scale, False, False)

    # -- one candidate -------------------------------------------------------------------

    def _read_at(self, start: int, run_end: int, last_end: int
                 ) -> tuple[int, int, dict[str, object]] | None:
        g, norm = self.g, self.norm
        self._between = False
        if any(s <= start < e for s, e in self.zones):
            return None
        if start not in self._kana:  # a numeral in kana ends where its reading said
            run_end = self._give_back_unit(start, run_end)
        if run_end <= start:
            return None
        self._focus(start, run_end)
        first = self._numeral(start, run_end)
        if first is None:
            return None
        if self._is_ordinal_or_vague(start, first):
            return None
        qualifier: str = "exact"
        first, qualifier = self._scale_bound(first, qualifier)
        end = first.end
        value: Decimal | None = first.value
        low = high = None
        unit: str | None = None
        counter: str | None = None
        factor = 1.0
        # a whole number and a fraction: 一と二分の一, 三百五十又三分之一
        mixed = self._mixed_fraction(end)
        # a fraction: 3分の1, 百分之三十 (the denominator comes first in both)
        frac = _starts(norm, end, g.fractions) if mixed is None else mixed[2]
        if mixed is not None:
            value, end, counter = first.value + mixed[0], mixed[1], mixed[2]
        elif isinstance(frac, str):
            m2 = g.run_body.match(norm, end + len(frac))
            second = self._numeral(end + len(frac), m2.end()) if m2 else None
            if second is None or first.value == 0:
                return None
            end = second.end
            if first.value == 100:
                value, unit, counter = second.value, "%", frac
            else:
                value, counter = second.value / first.value, frac
        else:
            if self._is_time(end):
                return None
            # a range: 200〜300億ドル, 10-20%, 10から20まで
            rng = self._range(start, first)
            if rng == "time":
                return None
            if isinstance(rng, tuple):
                low, high, end = rng
                value = None
        after_number = end
        end, qualifier = self._suffix_qualifier(end, qualifier)
        if unit is None:
            u_start = _skip_space(norm, end)
            um = g.unit_re.match(norm, u_start)
            if um is not None and not (u_start > end and um.group() in g.attached_only):
                counter = self.text[u_start:um.end()]
                unit, factor = g.units[um.group()]
                end = um.end()
                if value is not None:
                    value, end = self._half_and_subunits(um.group(), unit, value, end)
        end, qualifier = self._suffix_qualifier(end, qualifier)
        # まで after any range; の間, 之间 only after the joiner they close (20と30の間)
        closer = _starts(norm, end, g.between_closers if self._between else g.closers)
        if low is not None and isinstance(closer, str):
            end += len(closer)
        ordinal = _starts(norm, end, g.ordinal_suffixes)
        if isinstance(ordinal, str) and self.lang.ordinal_style == "counter":
            if ordinal not in g.counted_ordinals or low is not None:
                return None  # 1位, 2号機, 第3章: labels
            # 6社目, 3回目, 6つ目, 3番目: which one in a count, itself a fact that can drift
            u_start = after_number if unit is None else end - len(counter or "")
            end += len(ordinal)
            unit, factor, counter = "番目", 1.0, self.text[u_start:end]
        if self.lang.ordinal_style == "letters" and unit is None and \
                self._glued_ordinal(after_number):
            return None
        # currency sign before the number: $130 billion
        sign_start = start
        for sign in g.sign_words:
            code = g.signs[sign]
            if norm.startswith(sign, start - len(sign)) and start - len(sign) >= 0:
                if unit is None:
                    unit, counter = code, self.text[start - len(sign):start].strip()
                sign_start = start - len(sign)
                break
        negative = self._negative_word(sign_start)
        if negative is not None:  # マイナス五％, 负40%: the sign is part of the fact
            sign_start = negative
            value = None if value is None else -value
            low = None if low is None else -low
        bare = unit is None and not first.scaled and frac is None and negative is None
        if first.has_kanji and not self._kanji_confirmed(start, first):
            return None
        if unit is None and self._in_word(start):
            return None
        if bare and (first.kanji_led or (self._is_label(sign_start, after_number)
                                         and "," not in norm[start:first.end])):
            return None  # Grok 5, コロッサス2, 5G; not 約2,000,000,000,000パラメータ
        q_start, qualifier = self._prefix_qualifier(sign_start, qualifier)
        if low is None and self._is_article(start, first, counter, qualifier):
            return None
        if unit == "倍" and self._after_increase(q_start):
            value, low, high = (None if x is None else x + 1 for x in (value, low, high))
        noun = None
        if unit in _COUNT_UNITS:
            noun = self._noun(sign_start, end, unit)
            if noun is not None and unit in _GENERIC_COUNT:
                unit = self.g.noun_units.get(noun, "個")
        if bare and noun is None and self._is_year(first, value):
            return None
        per = self._per(q_start, end, last_end)
        scale = Decimal(str(factor))
        fields: dict[str, object] = {
            "value": None if value is None else _number(value * scale),
            "low": None if low is None else _number(low * scale),
            "high": None if high is None else _number(high * scale),
            "unit": unit,
            "qualifier": qualifier,
            "per": per,
            "noun": noun,
            "counter": counter,
        }
        return q_start, end, fields

    def _scale_bound(self, first: _Numeral, qualifier: str) -> tuple[_Numeral, str]:
        """A bound between the number and its scale word: 500余万 (more than 5,000,000),
        一千多万, 三十万多亿."""
        norm, g = self.norm, self.g
        pos = _skip_space(norm, first.end)
        bound = g.scale_bounds.get(norm[pos:pos + 1])
        if bound is None:
            return first, qualifier
        scale = _starts(norm, pos + 1, g.scale_words)
        if not isinstance(scale, str):
            return first, qualifier
        size = Decimal(g.scales[scale])
        return _Numeral(first.value * size, pos + 1 + len(scale), True, size,
                        first.kanji_led, first.has_kanji), bound

    def _mixed_fraction(self, end: int) -> tuple[Decimal, int, str] | None:
        """The fraction after a whole number and a joiner (一と二分の一): its value, where it
        ends and its marker."""
        norm, g = self.norm, self.g
        if not g.mixed_fraction_joiners:
            return None
        joiner = _starts(norm, end, g.mixed_fraction_joiners)
        if not isinstance(joiner, str):
            return None
        m = g.run_body.match(norm, end + len(joiner))
        if m is None:
            return None
        denominator = self._numeral(m.start(), m.end())
        if denominator is None or denominator.value == 0:
            return None
        marker = _starts(norm, denominator.end, g.fractions)
        if not isinstance(marker, str):
            return None
        m2 = g.run_body.match(norm, denominator.end + len(marker))
        numerator = self._numeral(m2.start(), m2.end()) if m2 else None
        if numerator is None:
            return None
        return numerator.value / denominator.value, numerator.end, marker

    def _half_and_subunits(self, written: str, unit: str | None, value: Decimal, end: int
                           ) -> tuple[Decimal, int]:
        """七割半 = 75 %; 五元三毛 = 5.3 元, 2222円13銭, 545ドルと5セント: the smaller
        units of a currency after it add to its amount."""
        norm, g = self.norm, self.g
        if written in g.half_after and norm.startswith("半", end):
            return value + Decimal("0.5"), end + 1
        if not g.subunits:
            return value, end
        while True:
            pos = end
            for joiner in (*g.mixed_fraction_joiners, "零"):
                if norm.startswith(joiner, pos):
                    pos += len(joiner)
                    break
            if pos >= len(norm) or not (norm[pos].isdigit() or norm[pos] in g.digits):
                return value, end  # the common case: nothing counted after the unit
            m = g.run_body.match(norm, pos)
            if m is None:
                return value, end
            amount = self._numeral(m.start(), m.end())
            if amount is None:
                return value, end
            sub = _starts(norm, amount.end, g.subunit_words)
            if not isinstance(sub, str) or g.subunits[sub][0] != unit:
                return value, end
            value += amount.value * Decimal(str(g.subunits[sub][1]))
            end = amount.end + len(sub)

    def _negative_word(self, start: int) -> int | None:
        """Where a minus written as a word (マイナス, 负) starts right before ``start``."""
        before = self.norm[max(0, start - 6):start].rstrip(" ")
        for word in self.g.negative_words:
            if before.endswith(word):
                return start - (len(self.norm[max(0, start - 6):start]) - len(before)) - len(word)
        return None

    def _is_article(self, start: int, first: _Numeral, counter: str | None,
                    qualifier: str) -> bool:
        """一 before a classifier with nothing to make it a count (zh: 一座新数据中心)."""
        if (counter not in self.g.article_classifiers or qualifier != "exact"
                or self.norm[start:first.end] != "一"):
            return False
        return not self.norm[max(0, start - 4):start].rstrip(" ").endswith(self.g.only_words)

    def _after_increase(self, start: int) -> bool:
        """A multiple after 翻 or 增长(了): the increase, one less than the ratio."""
        before = self.norm[max(0, start - 6):start].rstrip(" ")
        before = before.removesuffix("了").rstrip(" ")
        return before.endswith(self.g.increase_words)

    def _numeral(self, start: int, end: int) -> _Numeral | None:
        kana = self._kana.get(start)
        if kana is not None and kana.end == end:
            return kana
        return _read_numeral(self.g, self.norm, start, end)

    def _give_back_unit(self, start: int, end: int) -> int:
        """Hand back a run's last characters when they begin a unit: 5千瓦, 250兆瓦时."""
        norm = self.norm
        for k in (2, 1):
            if end - k <= start:
                continue
            um = self.g.unit_re.match(norm, end - k)
            if um is not None and um.end() > end:
                return end - k
        while end > start and norm[end - 1] == " ":
            end -= 1
        return end

    def _is_ordinal_or_vague(self, start: int, first: _Numeral) -> bool:
        norm = self.norm
        before = norm[max(0, start - 12):start].rstrip(" ")
        if any(before.endswith(p) for p in self.g.ordinal_prefixes):
            return True
        if first.kanji_led:
            # 数百万 is vague; 数 百五十万台 (a table's GPU数 column, then its cell) is not
            if any(norm.endswith(v, 0, start) for v in self.g.vague):
                return True
            if any(norm.startswith(v, first.end) for v in self.g.vague):
                return True
        return False

    def _in_word(self, start: int) -> bool:
        """The run starts inside a word that merely holds a numeral (zh: 一些, 统一, 千万)."""
        for word in self.g.not_numbers:
            lo = max(0, start - len(word) + 1)
            i = self.norm.find(word, lo, start + len(word))
            if i != -1 and i <= start:
                return True
        return False

    def _is_time(self, end: int) -> bool:
        if self.lang.spaced_words:
            return self._time_word_after(end)
        pos = _skip_space(self.norm, end)
        if _starts(self.norm, pos, self.g.not_times) is not None:
            return False
        return _starts(self.norm, pos, self.g.time_words) is not None

    def _time_word_after(self, end: int) -> bool:
        """The word after the number is a time word: 20 years, 3 a.m."""
        m = _EN_WORD_AFTER.match(self.norm[end:end + 12])
        if m is None:
            return False
        word = m.group(1).lower()
        return word in self.g.time_words or word.rstrip(".") in self.g.time_words

    def _glued_ordinal(self, end: int) -> bool:
        """Letters glued to the digits make an ordinal: 1st, 22nd (not 5 stars)."""
        return any(self.norm.startswith(s, end) for s in self.g.ordinal_suffixes) and not (
            end + 2 < len(self.norm) and self.norm[end + 2].isalpha())

    def _range(self, start: int, first: _Numeral
               ) -> tuple[Decimal, Decimal, int] | str | None:
        norm = self.norm
        pos = first.end
        joiner = _starts(norm, pos, self.g.joiners)
        closers: tuple[str, ...] = ()
        self._between = False
        if not isinstance(joiner, str):
            # 20と30の間, -10000与20000间: a joiner that needs its closing word
            between = _starts(norm, pos, self.g.between_words)
            if isinstance(between, str):
                joiner, closers = between, self.g.between_joiners[between]
        unit_first: str | None = None
        if not isinstance(joiner, str):
            # the unit written on both ends: 200億円から300億円, 10%〜20%
            um = self.g.unit_re.match(norm, _skip_space(norm, pos))
            if um is None:
                return None
            joiner = _starts(norm, um.end(), self.g.joiners)
            if not isinstance(joiner, str):
                return None
            unit_first, pos = self.g.units[um.group()][0], um.end()
        at = _skip_space(norm, pos + len(joiner))
        sign = _starts(norm, at, self.g.sign_words)
        if isinstance(sign, str) and norm.startswith(sign, start - len(sign)):
            at += len(sign)  # $20 to $30 billion: the sign is repeated
        m = self.g.run_body.match(norm, at)
        if m is None:
            return None
        run_end = self._give_back_unit(m.start(), m.end())
        second = self._numeral(m.start(), run_end)
        if second is None:
            return None
        if self._is_time(second.end):
            return "time"  # 1〜2年: a range of years, the time reader's
        if unit_first is not None:
            um = self.g.unit_re.match(norm, _skip_space(norm, second.end))
            if um is None or self.g.units[um.group()][0] != unit_first:
                return None
        if joiner.strip() in "-–—" and _DATE_TAIL.match(norm[second.end:]):
            return None  # 2026-01-23, 03-1234-5678
        if closers:
            after = _skip_space(norm, second.end)
            um = self.g.unit_re.match(norm, after)
            after = um.end() if um is not None else after
            if not norm.startswith(closers, after):
                return None
            self._between = True
        low = first.value
        if not first.scaled and second.trailing_scale is not None:
            low = low * second.trailing_scale
        if low >= second.value:
            return None
        return low, second.value, second.end

    def _suffix_qualifier(self, end: int, qualifier: str) -> tuple[int, str]:
        # a spaced language writes the space into its bounds (" or more")
        pos = end if self.lang.spaced_words else _skip_space(self.norm, end)
        if self.norm.startswith(self.g.not_suffix_qualifiers, pos):
            return end, qualifier
        hit = _starts(self.norm, pos, self.g.suffix_qualifiers)
        if isinstance(hit, tuple):
            if self.lang.spaced_words and hit[0][-1].isalpha() and \
                    _LETTER.match(self.norm[pos + len(hit[0]):pos + len(hit[0]) + 1]):
                return end, qualifier
            return pos + len(hit[0]), hit[1]
        return end, qualifier

    def _prefix_qualifier(self, start: int, qualifier: str) -> tuple[int, str]:
        got = self._prefix_qualifier_at(start, qualifier)
        if got[0] != start:
            return got
        # 约相当于50万块, 超过了1亿: a verb between the bound and the number
        lo = max(0, start - 8)
        before = self.norm[lo:start].rstrip(" ")
        for word in self.g.linking_words:
            if before.endswith(word):
                at = lo + len(before) - len(word)
                got = self._prefix_qualifier_at(at, qualifier)
                return got if got[0] != at else (start, qualifier)
        return start, qualifier

    def _prefix_qualifier_at(self, start: int, qualifier: str) -> tuple[int, str]:
        text = self.norm
        # far enough back for the longest bound (less than or equal to) and its spaces
        reach = max(16, len(self.g.prefix_qualifiers[0][0]) + 4) if self.g.prefix_qualifiers \
            else 16
        before = text[max(0, start - reach):start]
        stripped = before.rstrip(" ")
        paren = ""
        if stripped.endswith((")", "）")):
            paren = stripped[-1]
            stripped = stripped[:-1].rstrip(" ")
        for word, q in self.g.prefix_qualifiers:
            fold = self.lang.case_insensitive_words
            match_word = word.lower() if fold else word
            hay = stripped.lower() if fold else stripped
            if not hay.endswith(match_word):
                continue
            q_start = start - (len(before) - len(stripped)) - len(word)
            if self.lang.spaced_words and q_start > 0 and text[q_start - 1].isalpha() \
                    and word[0].isalpha():
                continue
            if self._ends_a_word(q_start, q_start + len(word)):
                continue
            if paren:
                opener = "(" if paren == ")" else "（"
                i = q_start - 1
                while i >= 0 and text[i] == " ":
                    i -= 1
                if i < 0 or text[i] != opener:
                    continue
                q_start = i
            if qualifier != "exact":  # a bound on both sides: keep the one after (以上)
                return q_start, qualifier
            return q_start, q
        return start, qualifier

    def _ends_a_word(self, start: int, end: int) -> bool:
        """A bound that is the tail of a longer word is none: 契約3件 is three contracts (ja:
        MeCab reads 契約 as one word), 最近在3个城市 three cities (zh: the table's words)."""
        if self.norm[:end].endswith(self.g.not_prefix_qualifiers):
            return True
        if not self.lang.words_from_unidic or start == 0:
            return False
        i = token_at(self.tokens, start)
        return i is not None and self.tokens[i].start < start

    def _is_label(self, start: int, end: int) -> bool:
        """A bare number named by the word before it: Grok 5, コロッサス2, ナンバー1, 5G."""
        text = self.norm
        if start > 0:
            prev = text[start - 1]
            if _KATAKANA.match(prev):
                return True
            if prev == " " and start > 1 and _LATIN.match(text[start - 2]):
                word = _LATIN_TAIL.search(text[:start - 1])
                if word is None or not self.lang.latin_words_are_running_text \
                        or word.group()[0].isupper():
                    return True
        return end < len(text) and bool(_LATIN_OR_KATAKANA.match(text[end]))

    @staticmethod
    def _is_year(first: _Numeral, value: Decimal | None) -> bool:
        return value is not None and not first.scaled and value == int(value) and \
            1900 <= value <= 2100

    def _kanji_confirmed(self, start: int, first: _Numeral) -> bool:
        """Kanji numerals must be numerals to UniDic (ja): 一般, 十分, 一部 are words."""
        if not self.lang.words_from_unidic:
            return True
        tokens = self.tokens
        end = first.end
        for i in range(start, end):
            ch = self.norm[i]
            if ch not in self.g.digits and ch not in self.g.multipliers:
                continue
            t = token_at(tokens, i)
            if t is None:
                return False
            tok = tokens[t]
            if tok.start < start or (tok.end > end and self.text[end:tok.end] not in self.g.units):
                return False  # 一般, 統一, 十分: the numeral is part of a longer word
            if tok.end > end:
                continue  # 一人, 二人: UniDic's one word is a numeral and its counter
            if not tok.is_numeral and end - start == 1:
                return False  # a lone 千 may be a name; inside 3万5千 it is not
        return True

    # -- rate and noun -------------------------------------------------------------------

    def _per(self, start: int, end: int, last_end: int) -> str | None:
        text = self.norm
        lo = max(last_end, start - 16)
        window = text[lo:start]
        for i in range(len(window) - 1, -1, -1):
            if window[i] in _CLAUSE_BREAKS:
                lo += i + 1
                window = window[i + 1:]
                break
        after = (_EN_CLAUSE if self.lang.spaced_words else _JA_CLAUSE).match(text, end).group()
        if self.lang.case_insensitive_words:
            hay, after_hay = window.lower(), after.lower()
        else:
            hay, after_hay = window, after
        starts = self.g.per_start
        if starts is None or not (starts.search(hay) or starts.search(after_hay)):
            return None  # no rate word can be there (the common case)
        # the rate word nearest the number wins: 7000万日活…和6亿月活 gives day, then month
        best: tuple[int, str] | None = None
        for word, period in self.g.per_words:
            for where, offset, after_side in ((hay, lo, False), (after_hay, end, True)):
                i = where.find(word)
                while i != -1:
                    if self._per_word_ok(offset + i, word):
                        distance = i if after_side else len(where) - i - len(word)
                        if best is None or distance < best[0]:
                            best = (distance, period)
                    i = where.find(word, i + 1)
        return best[1] if best else None

    def _per_word_ok(self, at: int, word: str) -> bool:
        """月間 after a number is a duration (3ヶ月間, 5年間), not a rate."""
        if at == 0:
            return True
        prev = self.norm[at - 1]
        if self.lang.spaced_words:
            return not prev.isalpha()
        if word[0].isdigit() or word[0] in self.g.digits or word.startswith("毎"):
            return True
        return not (prev.isdigit() or prev in self.g.digits or prev in self.g.multipliers
                    or prev in "数ヶケか")

    def _noun(self, start: int, end: int, unit: str | None) -> str | None:
        reader = self.lang.noun_reader
        if reader == "unidic":
            return self._noun_ja(start, end, unit)
        if reader == "han":
            return self._noun_zh(end) or self._noun_zh_before(start)
        return self._noun_en(end)

    def _noun_ja(self, start: int, end: int, unit: str | None) -> str | None:
        tokens = self.tokens
        i = token_at(tokens, _skip_space(self.text, end, 3))
        if i is not None and tokens[i].start >= end:
            tok = tokens[i]
            if tok.surface == "の":
                head = self._compound_head(i + 1, skip_modifiers=True)
                if head is not None:
                    return head
            elif unit is None and tok.is_noun:
                head = self._compound_head(i, skip_modifiers=False)
                if head is not None:
                    return head
        # the noun before: アクティブユーザー6億人, ユーザー数を6億人, リスクは 3 つ
        j = token_at(tokens, start - 1) if start > 0 else None
        if j is None:
            k = start - 1
            while k >= 0 and self.text[k] == " ":
                k -= 1
            j = token_at(tokens, k) if k >= 0 else None
        if j is None or tokens[j].end > start:
            return None
        particle = False
        if tokens[j].surface in ("は", "が", "を", "も") and tokens[j].pos1 == "助詞":
            particle = True
            j -= 1
        counted_by = False
        while j >= 0 and tokens[j].surface in self.g.count_nouns:
            counted_by = True
            j -= 1
        if j < 0 or (particle and not counted_by and unit not in _GENERIC_COUNT):
            return None
        tok = tokens[j]
        if not tok.is_noun or tok.surface in self.g.not_nouns or tok.pos3 == "副詞可能":
            return None
        noun = self.normalize_noun(tok.surface)
        if unit is None and noun not in self.g.noun_units:
            return None  # 価格は1980: a bare number after a noun need not count it
        return noun

    def _compound_head(self, i: int, *, skip_modifiers: bool) -> str | None:
        """The last noun of the noun phrase starting at token ``i``: 日間アクティブユーザー →
        ユーザー; with ``skip_modifiers``, past 主要な, 新しい."""
        tokens = self.tokens
        n = len(tokens)
        if skip_modifiers:
            skipped = 0
            while i < n and skipped < 3 and (
                    tokens[i].pos1 in ("形状詞", "形容詞", "連体詞", "接頭辞")
                    or (tokens[i].pos1 == "助動詞" and tokens[i].surface == "な")):
                if tokens[i].pos1 == "形状詞" and i + 1 < n and tokens[i + 1].is_noun:
                    break
                i += 1
                skipped += 1
        words: list[str] = []
        while i < n:
            tok = tokens[i]
            suffix = tok.pos1 == "接尾辞" and tok.pos2 == "名詞的" and bool(words)
            if (tok.is_noun or suffix) and tok.surface not in self.g.not_nouns \
                    and tok.pos3 != "副詞可能":
                if tok.surface in self.g.per_word_set:
                    words = []  # 日間アクティブユーザー: the rate is not the noun
                else:
                    words.append(tok.surface)
            elif tok.pos1 == "形状詞" and i + 1 < n and tokens[i + 1].is_noun:
                words = []  # アクティブユーザー → ユーザー, as the other version may drop it
            else:
                break
            if i + 1 < n and tokens[i + 1].start > tok.end and words:
                break  # a space ends a compound: の GPU を
            i += 1
        head = "".join(words) if words else None
        return None if head is None else self.normalize_noun(head)

    def _noun_zh(self, end: int) -> str | None:
        text = self.norm
        pos = end
        if text.startswith("的", pos):
            pos += 1
        m = _ZH_NOUN.match(text[pos:])
        if m is None:
            return None
        if m.group(1):
            return self.normalize_noun(m.group(1))
        han = m.group(2)
        for k, ch in enumerate(han):
            if ch in self.g.noun_stops:
                han = han[:k]
                break
        if not han:
            return None
        for known in self.g.known_nouns:
            if han.endswith(known) or han.startswith(known):
                return self.normalize_noun(known)
        if len(han) == 1 and len(m.group(2)) > 1:
            return None  # 两个方向: 向 is a stop only where it is a word; one character left
        return self.normalize_noun(han[:4])

    def _noun_zh_before(self, start: int) -> str | None:
        """A known noun before the number and a verb of amount: 月活跃用户达到6亿,
        Grok 4 的参数量为3万亿 (only nouns the tables know: any word can stand there)."""
        if self.g.noun_before is None:
            return None
        m = self.g.noun_before.search(self.norm, max(0, start - 16), start)
        if m is None or not m.group(2):  # 中国人10亿: no verb, no claim about the noun
            return None
        return self.normalize_noun(m.group(1))

    def _noun_en(self, end: int) -> str | None:
        words = _EN_WORDS.match(self.norm[end:])
        if words is None:
            return None
        head = None
        for word in words.group().split():
            if word.lower() in self.g.stopwords:
                break
            head = word
            if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                break  # a plural ends the phrase: 900k GPUs online
        return None if head is None else self.normalize_noun(head)

    def normalize_noun(self, noun: str) -> str:
        return normalize_noun(noun, self.g.noun_aliases)


def normalize_noun(noun: str, aliases: dict[str, str] | None = None) -> str:
    """A noun in the form both versions share: NFKC, casefold, no middle dots, no final ー on
    katakana words, English plurals singular, then the alias table.

    >>> normalize_noun("ユーザー"), normalize_noun("ＧＰＵｓ"), normalize_noun("パラメーター")
    ('ユーザ', 'gpu', 'パラメータ')
    """
    s = unicodedata.normalize("NFKC", noun).casefold().replace("・", "").replace(" ", "")
    if len(s) > 2 and s.endswith("ー"):
        s = s[:-1]
    if _EN_PLAIN.fullmatch(s) and len(s) > 3:
        if s.endswith("ies"):
            s = s[:-3] + "y"
        elif s.endswith("s") and not s.endswith("ss"):
            s = s[:-1]
    table = aliases if aliases is not None else _DEFAULT_ALIASES
    return table.get(s, s)


# the noun forms a noun takes when no language is given: English's, then Japanese's
_DEFAULT_ALIASES = {**languages.language("en").noun_aliases,
                    **languages.language("ja").noun_aliases}


def _beyond_range(v: object) -> bool:
    """Values past 10^18 (a quintillion) are not amounts of anything an article reports."""
    return isinstance(v, (int, float)) and not -1e18 <= v <= 1e18


def extract_quantities(text: str, lang: str, *, base: int = 0, unit: int = 0) -> list[Quantity]:
    """Every quantity in one unit's text; offsets are ``base`` + index into ``text``.

    >>> [(q.text, q.value, q.unit) for q in extract_quantities("約50万GPU、月額約10億ドル", "ja")]
    [('約50万', 500000, '個'), ('約10億ドル', 1000000000, 'USD')]
    """
    language = languages.known_language(lang)
    if not _ANY_NUMERAL.search(text) and not (language.kana_numerals and _HIRAGANA.search(text)):
        return []
    reader = _Reader(text, language.code)
    found: list[Quantity] = []
    for start, end, f in reader.read():
        if any(_beyond_range(f[k]) for k in ("value", "low", "high")):
            continue  # a run of hundreds of digits is data, not an amount anyone reports
        found.append(Quantity(
            unit_index=unit, start=base + start, end=base + end, text=text[start:end],
            value=cast("float | None", f["value"]), low=cast("float | None", f["low"]),
            high=cast("float | None", f["high"]), unit=cast("str | None", f["unit"]),
            qualifier=cast(Qualifier, f["qualifier"]), per=cast("str | None", f["per"]),
            noun=cast("str | None", f["noun"]), counter=cast("str | None", f["counter"]),
        ))
    return found
