"""Names and identifiers: Grok 5, Grok 3/4, GPT-4, H100, v14.2.2.3, Colossus II, Tesla
Megapack, Andrej Karpathy, イーロン・マスク, マスク氏.

Precision first: a name that is not one turns into a false entity-mismatch. Latin-script
words are taken (in Japanese and Chinese text they are nearly always names), with the
capitalized words after them (Tesla Megapack) and a version (Grok 5, Colossus II). In
English only words that look like names are taken: with a digit or an inner capital (xAI,
H100), in a run of capitalized words, or capitalized away from the start of a sentence.
Katakana is taken only when it is clearly a name: joined by ・ (イーロン・マスク), before an
honorific (マスク氏), or numbered (コロッサス2).

``name`` is the normalized form (NFKC, casefold, single spaces, no ・); ``family`` is the
name without its version, so Grok 4 and Grok 5 share the family ``grok``.
"""

from __future__ import annotations

import unicodedata

import regex

from ..lang import SCAN_TIMEOUT, known_language
from ..lang.units import SYMBOLS
from ..model import Entity
from .quantities import SKIP_ZONES

_WORD = r"[\p{Latin}][\p{Latin}0-9]*(?:[\-.+&'][\p{Latin}0-9]+)*"
_CAP_WORD = r"(?:[\p{Lu}][\p{Latin}0-9]*(?:[\-.+&'][\p{Latin}0-9]+)*|[0-9]+[\p{Latin}]+[0-9]*)"
_VERSION = r"(?:[0-9]+(?:\.[0-9]+)*(?:/[0-9]+)*[a-z]?|[IVX]{1,4})(?![\p{Latin}0-9])"
_LATIN = regex.compile(
    r"(?<![\p{Latin}0-9.@/#_\-])"
    rf"(?P<name>{_WORD}(?:[ ]{_CAP_WORD})*(?:[ ]{_VERSION})?)"
    r"(?![\p{Latin}0-9@])"
)
# Every alternative starts at the start of a katakana run and is bounded, so that a run of
# thousands of katakana costs one attempt, not one per character.
_KATAKANA = regex.compile(
    r"(?P<name>(?<![\p{Katakana}ー])[\p{Katakana}ー]{2,30}(?:[・=＝][\p{Katakana}ー]{1,30}){1,4})"
    r"|(?P<honored>(?<![\p{Katakana}ー])[\p{Katakana}ー]{2,30})(?=氏|さん|CEO)"
    r"|(?P<numbered>(?<![\p{Katakana}ー])[\p{Katakana}ー]{2,30}[0-9０-９]{1,6})"
    r"(?![0-9０-９.,\p{Han}])"
)
# What every katakana name needs somewhere in the text: a joiner, an honorific after it, or a
# digit right after katakana. Text without any is not scanned for them (most text: the scan
# of every katakana run costs twice this search).
_KATAKANA_NEEDS = regex.compile(r"[・=＝氏]|さん|CEO|(?<=[\p{Katakana}ー])[0-9０-９]")
MAX_NAME = 80  # characters: a longer run of name-like text is data, not a name
_VERSION_TAIL = regex.compile(
    r"(?:[ \-]?(?:[0-9]+(?:\.[0-9]+)*(?:/[0-9]+)*[a-z]?|[IVX]{1,4})|[0-9０-９]+)$"
)
# the characters _VERSION_TAIL can end with
_VERSION_LAST = frozenset("0123456789abcdefghijklmnopqrstuvwxyzIVX０１２３４５６７８９")
_ROMAN = regex.compile(r"[IVX]+")
# currency codes of the unit table (USD, EUR, RMB …): before a number they make an amount
_CURRENCY_CODES = frozenset(s for s in SYMBOLS if len(s) == 3 and s.isalpha() and s.isupper())
_ROMAN_TAIL = regex.compile(r"[ ][ivx]{1,4}$")  # of a normalized name: colossus ii
_HAS_VERSION = regex.compile(r"[0-9]|[ ][ivx]+$")
_NAME_MARKS = regex.compile(r"[・=]")
_LOWER_WORD = regex.compile(r"[a-z][a-z'\-]*")
_LATIN_FIRST = regex.compile(r"\p{Latin}")
_DIGITS_TAIL = regex.compile(r"[0-9０-９]+$")
# a version after a coordinator stands for the whole name: Colossus I 和 II, Grok 4 and 5
_COORDINATED = regex.compile(
    r"[ ]?(?:和|与|與|及|以及|および|及び|と|、|,|&|and|or)[ ]?"
    # a number must end there (Grok 4 和 5家公司 counts companies); a roman numeral may take
    # a particle or a conjunction (IIを, II和III)
    r"(?P<version>[IVX]{1,4}(?![\p{Latin}0-9])"
    r"|[0-9]+(?:\.[0-9]+)*(?![\p{Latin}0-9.\p{Han}\p{Hiragana}\p{Katakana}]))")

# Katakana words that take a number without being names: ナンバー1, トップ10, ステップ2.
_NOT_NUMBERED_NAMES = frozenset({"ナンバー", "トップ", "ステップ", "ベスト", "ランク", "レベル",
                                 "フェーズ", "バージョン", "パート", "シーズン", "ページ"})
# Common nouns written in capitals: not names of anything in particular.
_GENERIC = frozenset({"AI", "GPU", "GPUs", "CPU", "CPUs", "CEO", "CFO", "CTO", "LLM", "LLMs",
                      "API", "APIs", "AGI", "SNS", "PR", "IT", "OS", "UI", "App", "Apps", "PC"})
# Capitalized words that start English sentences without being names.
_EN_COMMON = frozenset(
    {"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "But",
     "And", "Or", "If", "When", "While", "However", "So", "We", "I", "You", "He", "She",
     "They", "Our", "My", "His", "Her", "Their", "As", "For", "With", "By", "From", "To",
     "Of", "After", "Before", "Yes", "No", "Still", "Even", "Now", "Today", "Tomorrow",
     "Here", "There", "What", "Why", "How", "Who", "Which", "Where", "Not", "All", "Some",
     "Many", "Most", "One", "Every", "Each", "Also", "Then", "Finally", "First", "Second",
     "Third", "Let", "Do", "Does", "Is", "Are", "Was", "Were", "Be", "Mr", "Ms", "Dr"}
)


def normalize_name(text: str) -> str:
    """The form names are compared in: NFKC, casefold, single spaces, no ・ (イーロン・マスク)."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = _NAME_MARKS.sub("", s)
    return " ".join(s.split())


def name_family(name: str) -> str:
    """The normalized name without its version: grok 5 → grok, h100 → h, colossus ii →
    colossus, gpt-4 → gpt."""
    family = _VERSION_TAIL.sub("", name).rstrip(" -.") if _HAS_VERSION.search(name) else name
    if _ROMAN_TAIL.search(name):
        family = _ROMAN_TAIL.sub("", name)
    return family or name


def _looks_like_en_name(text: str, start: int, name: str) -> bool:
    words = name.split(" ")
    if any(c.isdigit() for c in name) or any(c.isupper() for c in words[0][1:]):
        return True  # xAI, H100, GPT-4, OpenAI
    if not words[0][0].isupper():
        return False
    if len(words) > 1:
        return words[0] not in _EN_COMMON
    before = text[:start].rstrip()
    sentence_start = not before or before[-1] in ".!?:\"“(\n"
    return not sentence_start and words[0] not in _EN_COMMON


def extract_entities(text: str, lang: str, *, base: int = 0, unit: int = 0) -> list[Entity]:
    """Names and identifiers in one unit's text; offsets are ``base`` + index into ``text``.

    >>> [(e.text, e.family) for e in extract_entities("Grok 4 と H100、イーロン・マスク", "ja")]
    [('Grok 4', 'grok'), ('H100', 'h'), ('イーロン・マスク', 'イーロンマスク')]
    """
    language = known_language(lang)
    zones = [m.span() for m in SKIP_ZONES.finditer(text, timeout=SCAN_TIMEOUT)] if (
        "/" in text or "@" in text or "`" in text or "<" in text) else []
    spans: list[tuple[int, int]] = []
    for m in _LATIN.finditer(text, timeout=SCAN_TIMEOUT):
        name = m.group("name")
        start = m.start("name")
        words = name.split(" ")
        while len(words) > 1 and (_LOWER_WORD.fullmatch(words[0])
                                  or words[0] in _EN_COMMON):
            start += len(words[0]) + 1  # "new Grok 5": the name is Grok 5
            words = words[1:]
        name = " ".join(words)
        if len(name) < 2 or _ROMAN.fullmatch(name) or name in _GENERIC or \
                not _LATIN_FIRST.match(name):
            continue
        if language.latin_words_are_running_text and not _looks_like_en_name(text, start,
                                                                             name):
            continue
        if (len(words) > 1 and words[0] in _CURRENCY_CODES) or (
                name[:3] in _CURRENCY_CODES and name[3:4].isdigit()):
            continue  # USD 22.5 million, USD115.5: an amount, the quantity reader's
        spans.append((start, m.end("name")))
    if language.reads_katakana_names and _KATAKANA_NEEDS.search(text, timeout=SCAN_TIMEOUT):
        for m in _KATAKANA.finditer(text, timeout=SCAN_TIMEOUT):
            group = m.lastgroup or "name"
            word = m.group(group)
            if group == "numbered" and _DIGITS_TAIL.sub("", word) in \
                    _NOT_NUMBERED_NAMES:
                continue
            spans.append((m.start(group), m.end(group)))
    found: list[Entity] = []
    for start, end in sorted(spans):
        if any(s <= start < e for s, e in zones):
            continue
        surface = text[start:end]
        if len(surface) > MAX_NAME:
            continue
        name = normalize_name(surface)
        found.append(Entity(unit_index=unit, start=base + start, end=base + end, text=surface,
                            name=name, family=name_family(name)))
        found.extend(_coordinated(text, surface, end, base, unit))
    return found


def _coordinated(text: str, surface: str, end: int, base: int, unit: int) -> list[Entity]:
    """The versions coordinated after a versioned name, each as the whole name: in
    Colossus I 和 II, the II is Colossus II (else it would meet Colossus III unpaired)."""
    if surface[-1] not in _VERSION_LAST:
        return []  # no version at the end (most names): the tail's search is not needed
    tail = _VERSION_TAIL.search(surface)
    if tail is None or tail.start() == 0:
        return []
    stem = surface[:tail.start()]
    joiner = tail.group()[0] if tail.group()[0] in " -" else ""  # Grok 4, GPT-4, H100
    out: list[Entity] = []
    m = _COORDINATED.match(text, end)
    while m is not None:
        name = normalize_name(stem + joiner + m.group("version"))
        out.append(Entity(unit_index=unit, start=base + m.start("version"),
                          end=base + m.end("version"), text=m.group("version"), name=name,
                          family=name_family(name)))
        m = _COORDINATED.match(text, m.end())
    return out
