"""A language as data: the folder ``transcheck/lang/<code>/`` read into one ``Language``.

Each folder holds ``language.toml`` (the code, the name and what the language's writing
does, such as whether 4K after a number is a scale or a label) and TSV files of tables:

* ``numerals.tsv``  digits, multipliers, decimal points, minus words, fraction markers;
* ``scales.tsv``    scale words (万, 億, 亿) and the bounds written inside them (500余万);
* ``counters.tsv``  counters and units the language writes after a number, currency signs;
* ``qualifiers.tsv`` bounds before and after a number (約, 以上, more than), range joiners;
* ``rates.tsv``     words that say what period a quantity counts (毎月, 每天, per year);
* ``words.tsv``     counted nouns, ordinals, time counters, words that hold a numeral;
* ``times.tsv``     relative time words, parts of years and months, lengths, directions;
* ``eras.tsv``      eras and their first days (Japanese).

Every TSV row is ``table <TAB> word <TAB> value <TAB> value`` under a header line; lines
starting with ``#`` are comments (each table opens with one saying what it is). A cell is
taken as written: a word may begin or end with a space (" or more"). ``shared/latin.tsv``
holds what every language reads alike (MW, %, $, million), and ``units.tsv`` the units of
measure and money with their spellings in every language (transcheck.lang.units).

The loader knows every table's kind (a word list, word → number, word → unit …) and refuses
a row it does not know, so a typo in a data file is an error at import, not a silent miss.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from .units import SYMBOLS, WORDS

HEADER = "table\tword\tvalue\tvalue2"


class LanguageDataError(ValueError):
    """A data file of a language folder that cannot be read."""


# -- cell kinds ----------------------------------------------------------------------------

def _number(cell: str) -> int | float:
    return float(cell) if any(c in cell for c in ".e") else int(cell)


def _opt(cell: str) -> str | None:
    return None if cell == "-" else cell


# kind → (columns after the word, reader of those cells, or None for a word list)
_KINDS: dict[str, tuple[int, Callable[[list[str]], Any] | None]] = {
    "words": (0, None),
    "int": (1, lambda c: int(c[0])),
    "number": (1, lambda c: _number(c[0])),
    "str": (1, lambda c: c[0]),
    "unit": (2, lambda c: (c[0], _number(c[1]))),  # canonical unit, factor
    "span": (2, lambda c: (_number(c[0]), _number(c[1]))),  # low, high multiplier
    "pair": (2, lambda c: (_opt(c[0]), _opt(c[1]))),
    "alternatives": (1, lambda c: tuple(c[0].split("|"))),
    "date": (1, lambda c: date.fromisoformat(c[0])),
}


def _table(file: str, kind: str, name: str | None = None) -> Any:
    """A Language field read from ``name`` rows of ``file`` (the field's name by default)."""
    return field(metadata={"file": file, "kind": kind, "table": name})


# -- the tables ----------------------------------------------------------------------------

@dataclass(frozen=True)
class TimeWords:
    """The time words of one language (read by transcheck.facts.times and the patterns)."""

    relative_years: Mapping[str, int] = _table("times.tsv", "int", "relative_year")
    relative_months: Mapping[str, int] = _table("times.tsv", "int", "relative_month")
    relative_weeks: Mapping[str, int] = _table("times.tsv", "int", "relative_week")
    relative_days: Mapping[str, int] = _table("times.tsv", "int", "relative_day")
    relative_quarters: Mapping[str, int] = _table("times.tsv", "int", "relative_quarter")
    weekday_shifts: Mapping[str, int] = _table("times.tsv", "int", "weekday_shift")
    future_words: tuple[str, ...] = _table("times.tsv", "words", "future_word")
    figurative_days: tuple[str, ...] = _table("times.tsv", "words", "figurative_day")
    range_joiners: tuple[str, ...] = _table("times.tsv", "words", "range_joiner")
    range_openers: Mapping[str, str] = _table("times.tsv", "str", "range_opener")
    length_joiners: Mapping[str, str] = _table("times.tsv", "str", "length_joiner")
    count_from_words: tuple[str, ...] = _table("times.tsv", "words", "count_from")
    year_parts: Mapping[str, str] = _table("times.tsv", "str", "year_part")
    halves: Mapping[str, str] = _table("times.tsv", "str", "half")
    quarters: Mapping[str, int] = _table("times.tsv", "int", "quarter")
    month_parts: Mapping[str, str] = _table("times.tsv", "str", "month_part")
    bare_year_words: Mapping[str, tuple[str | None, str | None]] = _table(
        "times.tsv", "pair", "bare_year_word")
    bare_month_words: Mapping[str, str] = _table("times.tsv", "str", "bare_month_word")
    month_names: Mapping[str, int] = _table("times.tsv", "int", "month_name")
    weekdays: Mapping[str, int] = _table("times.tsv", "int", "weekday")
    week_positions: Mapping[str, str] = _table("times.tsv", "str", "week_position")
    weekday_abbreviations: Mapping[str, int] = _table("times.tsv", "int", "weekday_abbreviation")
    day_words: Mapping[str, int] = _table("times.tsv", "int", "day_word")
    decade_words: Mapping[str, int] = _table("times.tsv", "int", "decade_word")
    duration_units: Mapping[str, str] = _table("times.tsv", "str", "duration_unit")
    half_only_units: tuple[str, ...] = _table("times.tsv", "words", "half_only_unit")
    vague_counts: Mapping[str, tuple[float, float]] = _table("times.tsv", "span", "vague_count")
    ahead_words: Mapping[str, int] = _table("times.tsv", "int", "ahead_word")
    offset_signs: Mapping[str, int] = _table("times.tsv", "int", "offset_sign")
    prefix_qualifiers: Mapping[str, str] = _table("times.tsv", "str", "prefix_qualifier")
    suffix_qualifiers: Mapping[str, str] = _table("times.tsv", "str", "suffix_qualifier")
    directions: Mapping[str, str] = _table("times.tsv", "str", "direction")
    prefix_directions: Mapping[str, str] = _table("times.tsv", "str", "prefix_direction")
    number_words: Mapping[str, int] = _table("times.tsv", "int", "number_word")
    eras: Mapping[str, date] = _table("eras.tsv", "date", "era")
    era_letters: Mapping[str, str] = _table("eras.tsv", "str", "era_letter")


@dataclass(frozen=True)
class Language:
    """One language's tables and the properties of its writing, read from its folder."""

    code: str
    name: str
    # a lone digit after 百, 千 or a scale word is the next place down (三万五 = 35000):
    # the place it stands for after 百 (100 → 十), 0 where the language does not do so
    elided_place: int
    # a full-width comma after ASCII digits groups thousands (1，234人); in Chinese it is
    # the clause comma there ($20，300美圆 is two amounts)
    fullwidth_comma_groups_ascii_digits: bool
    # 600M, 200k, 2.5B: a Latin letter glued to a number is a scale (English; in Japanese
    # and Chinese 4K映像 and 5G are labels)
    reads_latin_scale_letters: bool
    # words are separated by spaces and matched whole: "about" is no bound inside "roundabout",
    # and a bound or unit after a number is its own word (" or more", "20 years")
    spaced_words: bool
    # About, ABOUT and about are one word
    case_insensitive_words: bool
    # a Latin word is the language's own running text ("about 5"); elsewhere a Latin word
    # is a name, so the number after it is a label (Grok 5) and Latin runs are names
    latin_words_are_running_text: bool
    # katakana runs are names (イーロン・マスク, コロッサス2)
    reads_katakana_names: bool
    # how an ordinal is written: "counter", a word after the number or its counter (1位,
    # 6社目, 2号); "letters", letters glued to the digits (1st, 22nd)
    ordinal_style: str
    # where a counted noun is found: "unidic", UniDic's noun after the number or before it
    # (6億人のユーザー, ユーザー数は6億人); "han", the run of Han after it or a known noun and a
    # verb of amount before it (6亿用户, 用户达到6亿); "words", the words after it (600M users)
    noun_reader: str
    # UniDic's words say where a word begins: 一般 and 十分 hold no numeral, 契約 no 約
    words_from_unidic: bool
    # a short length alone (15日, 3分) may be a day of the month or a fraction, so it is a
    # length only with a word that makes it one (15日間, 3分で); "3 days" is always one
    short_lengths_need_context: bool
    # 40 000 and 1 250 000: a space (or a thin or no-break space) groups thousands (English;
    # in Japanese and Chinese text digits either side of a space are two numbers)
    groups_thousands_with_spaces: bool
    # 12,34,567: Indian English groups lakhs and crores by two digits
    groups_lakhs: bool
    times: TimeWords
    # numerals
    digits: Mapping[str, int] = _table("numerals.tsv", "int", "digit")
    multipliers: Mapping[str, int] = _table("numerals.tsv", "int", "multiplier")
    decimal_points: Mapping[str, str] = _table("numerals.tsv", "str", "decimal_point")
    negative_words: tuple[str, ...] = _table("numerals.tsv", "words", "negative_word")
    mixed_fraction_joiners: tuple[str, ...] = _table("numerals.tsv", "words",
                                                     "mixed_fraction_joiner")
    fraction_markers: tuple[str, ...] = _table("numerals.tsv", "words", "fraction_marker")
    vulgar_fractions: Mapping[str, float] = _table("numerals.tsv", "number", "vulgar_fraction")
    vague: tuple[str, ...] = _table("numerals.tsv", "words", "vague")
    # numerals spelled in kana (さんびゃく), read only where they cannot be a word
    kana_numerals: Mapping[str, str] = _table("numerals.tsv", "str", "kana_numeral")
    kana_numerals_inside_only: tuple[str, ...] = _table("numerals.tsv", "words",
                                                        "kana_numeral_inside_only")
    kana_numerals_not_last: tuple[str, ...] = _table("numerals.tsv", "words",
                                                     "kana_numeral_not_last")
    kana_numerals_after: tuple[str, ...] = _table("numerals.tsv", "words", "kana_numeral_after")
    not_numbers: tuple[str, ...] = _table("numerals.tsv", "words", "not_number")
    # scales
    scales: Mapping[str, int] = _table("scales.tsv", "int", "scale")
    scale_bounds: Mapping[str, str] = _table("scales.tsv", "str", "scale_bound")
    scale_words: Mapping[str, int] = _table("shared/latin.tsv", "int", "scale_word")
    scale_letters: Mapping[str, int] = _table("shared/latin.tsv", "int", "scale_letter")
    # counters, units, currency
    counters: Mapping[str, tuple[str, float]] = _table("counters.tsv", "unit", "counter")
    latin_units: Mapping[str, tuple[str, float]] = _table("shared/latin.tsv", "unit",
                                                          "latin_unit")
    attached_only: tuple[str, ...] = _table("shared/latin.tsv", "words", "attached_only")
    unit_guards: Mapping[str, str] = _table("counters.tsv", "str", "unit_guard")
    half_after: tuple[str, ...] = _table("counters.tsv", "words", "half_after")
    subunits: Mapping[str, tuple[str, float]] = _table("counters.tsv", "unit", "subunit")
    own_currency_signs: Mapping[str, str] = _table("counters.tsv", "str", "currency_sign")
    shared_currency_signs: Mapping[str, str] = _table("shared/latin.tsv", "str",
                                                      "currency_sign")
    # bounds and ranges
    prefix_qualifiers: Mapping[str, str] = _table("qualifiers.tsv", "str", "prefix_qualifier")
    suffix_qualifiers: Mapping[str, str] = _table("qualifiers.tsv", "str", "suffix_qualifier")
    not_prefix_qualifiers: tuple[str, ...] = _table("qualifiers.tsv", "words",
                                                    "not_prefix_qualifier")
    not_suffix_qualifiers: tuple[str, ...] = _table("qualifiers.tsv", "words",
                                                    "not_suffix_qualifier")
    linking_words: tuple[str, ...] = _table("qualifiers.tsv", "words", "linking_word")
    increase_words: tuple[str, ...] = _table("qualifiers.tsv", "words", "increase_word")
    only_words: tuple[str, ...] = _table("qualifiers.tsv", "words", "only_word")
    article_classifiers: tuple[str, ...] = _table("qualifiers.tsv", "words",
                                                  "article_classifier")
    range_joiners: tuple[str, ...] = _table("qualifiers.tsv", "words", "range_joiner")
    range_closers: tuple[str, ...] = _table("qualifiers.tsv", "words", "range_closer")
    between_joiners: Mapping[str, tuple[str, ...]] = _table("qualifiers.tsv", "alternatives",
                                                            "between_joiner")
    # rates
    per_words: Mapping[str, str] = _table("rates.tsv", "str", "per_word")
    # what is counted, and what is no amount
    time_words: tuple[str, ...] = _table("words.tsv", "words", "time_word")
    not_times: tuple[str, ...] = _table("words.tsv", "words", "not_time")
    ordinal_prefixes: tuple[str, ...] = _table("words.tsv", "words", "ordinal_prefix")
    ordinal_suffixes: tuple[str, ...] = _table("words.tsv", "words", "ordinal_suffix")
    counted_ordinals: tuple[str, ...] = _table("words.tsv", "words", "counted_ordinal")
    noun_units: Mapping[str, str] = _table("words.tsv", "str", "noun_unit")
    noun_aliases: Mapping[str, str] = _table("words.tsv", "str", "noun_alias")
    not_nouns: tuple[str, ...] = _table("words.tsv", "words", "not_noun")
    count_nouns: tuple[str, ...] = _table("words.tsv", "words", "count_noun")
    noun_stops: tuple[str, ...] = _table("words.tsv", "words", "noun_stop")
    stopwords: tuple[str, ...] = _table("words.tsv", "words", "stopword")
    # a known noun, then these, right before a number claim the number counts the noun:
    # 用户数量合计已达到6亿 (noun, amount word, total word, aspect word, verb of amount)
    amount_words: tuple[str, ...] = _table("words.tsv", "words", "amount_word")
    total_words: tuple[str, ...] = _table("words.tsv", "words", "total_word")
    aspect_words: tuple[str, ...] = _table("words.tsv", "words", "aspect_word")
    amount_verbs: tuple[str, ...] = _table("words.tsv", "words", "amount_verb")

    @property
    def units(self) -> Mapping[str, tuple[str, float]]:
        """Every counter and unit written after a number → (canonical unit, factor): the
        Latin symbols all languages share, the language's counters, then its spellings in
        the unit table (ドル, 美元, terawatt-hours)."""
        return _units(self)

    @property
    def currency_signs(self) -> Mapping[str, str]:
        """Signs and codes before an amount ($, ¥, USD ): the shared ones, then the
        language's own (¥ is the yuan in Chinese text)."""
        return MappingProxyType({**self.shared_currency_signs, **self.own_currency_signs})


def _units(lang: Language) -> Mapping[str, tuple[str, float]]:
    # built on each call (the quantity reader's grammar keeps its own, once per language)
    return MappingProxyType({**lang.latin_units, **SYMBOLS, **lang.counters,
                             **WORDS.get(lang.code, {})})


# -- reading a folder ------------------------------------------------------------------------

def _read_rows(path: Traversable, shown: str) -> dict[str, list[list[str]]]:
    """Rows of one TSV file by table name; a missing file has no rows."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    rows: dict[str, list[list[str]]] = {}
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            if line != HEADER:
                raise LanguageDataError(f"{shown}:{n}: expected the header {HEADER!r}")
            header_seen = True
            continue
        name, *cells = line.split("\t")
        rows.setdefault(name, []).append(cells)
    return rows


def read_table(path: Traversable, table: str, shown: str) -> dict[str, str]:
    """The word → value rows of one table of a data file outside a language folder
    (shared/han.tsv), in file order; a word has one row."""
    rows: dict[str, str] = {}
    for cells in _read_rows(path, shown).get(table, []):
        if len(cells) != 2:
            raise LanguageDataError(f"{shown}: {table} {cells!r}: expected a word and a value")
        if cells[0] in rows:
            raise LanguageDataError(f"{shown}: {table} {cells[0]!r} has two rows")
        rows[cells[0]] = cells[1]
    return rows


def _build_table(kind: str, rows: list[list[str]], shown: str, name: str) -> Any:
    width, read = _KINDS[kind]
    if read is None:
        words = []
        for cells in rows:
            if len(cells) != 1:
                raise LanguageDataError(f"{shown}: {name} {cells!r}: a word list has one word")
            words.append(cells[0])
        return tuple(words)
    table: dict[str, Any] = {}
    for cells in rows:
        if len(cells) != width + 1:
            raise LanguageDataError(
                f"{shown}: {name} {cells[0]!r}: expected {width} value(s), got {len(cells) - 1}")
        try:
            table[cells[0]] = read(cells[1:])
        except ValueError as exc:
            raise LanguageDataError(f"{shown}: {name} {cells[0]!r}: {exc}") from None
    return MappingProxyType(table)


def _fill(cls: type[Any], folder: Traversable, shared: Traversable, code: str,
          cache: dict[str, Any], known: dict[str, set[str]]) -> dict[str, Any]:
    """The values of ``cls``'s table fields, read from the language's folder."""
    values: dict[str, Any] = {}
    for f in fields(cls):
        if "file" not in f.metadata:
            continue
        file = f.metadata["file"]
        if file not in cache:
            where = (shared.joinpath(file.removeprefix("shared/")) if file.startswith("shared/")
                     else folder.joinpath(file))
            cache[file] = _read_rows(where, f"{code}/{file}")
        table = f.metadata["table"] or f.name
        known.setdefault(file, set()).add(table)
        values[f.name] = _build_table(f.metadata["kind"], cache[file].get(table, []),
                                      f"{code}/{file}", table)
    return values


_ROOT = resources.files(__package__)


def _choice(settings: dict[str, Any], key: str, choices: tuple[str, ...], code: str) -> str:
    value = settings.get(key, choices[0])
    if value not in choices:
        raise LanguageDataError(f"{code}/language.toml: {key} is {value!r}, not one of "
                                f"{', '.join(choices)}")
    return str(value)


def read_language(code: str, folder: Traversable | None = None,
                  shared: Traversable | None = None) -> Language:
    """Read the folder ``transcheck/lang/<code>/`` (or ``folder``) into a Language; the
    tables every language shares come from ``transcheck/lang/shared/`` (or ``shared``)."""
    folder = folder if folder is not None else _ROOT.joinpath(code)
    shared = shared if shared is not None else _ROOT.joinpath("shared")
    settings_file = folder.joinpath("language.toml")
    if not settings_file.is_file():
        raise LanguageDataError(f"{code}: no language.toml")
    try:
        settings = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{code}/language.toml: {exc}") from None
    cache: dict[str, dict[str, list[list[str]]]] = {}
    known: dict[str, set[str]] = {}
    times = TimeWords(**_fill(TimeWords, folder, shared, code, cache, known))
    tables = _fill(Language, folder, shared, code, cache, known)
    for file, rows in cache.items():
        unknown = set(rows) - known.get(file, set())
        if unknown:
            raise LanguageDataError(f"{code}/{file}: unknown table(s) {', '.join(sorted(unknown))}")
    if settings.get("code") != code:
        raise LanguageDataError(f"{code}/language.toml: code is {settings.get('code')!r}")
    return Language(
        code=code,
        name=str(settings.get("name", code)),
        elided_place=int(settings.get("elided_place", 0)),
        fullwidth_comma_groups_ascii_digits=bool(
            settings.get("fullwidth_comma_groups_ascii_digits", True)),
        reads_latin_scale_letters=bool(settings.get("reads_latin_scale_letters", False)),
        spaced_words=bool(settings.get("spaced_words", False)),
        case_insensitive_words=bool(settings.get("case_insensitive_words", False)),
        latin_words_are_running_text=bool(settings.get("latin_words_are_running_text", False)),
        reads_katakana_names=bool(settings.get("reads_katakana_names", False)),
        ordinal_style=_choice(settings, "ordinal_style", ("counter", "letters"), code),
        noun_reader=_choice(settings, "noun_reader", ("unidic", "han", "words"), code),
        words_from_unidic=bool(settings.get("words_from_unidic", False)),
        short_lengths_need_context=bool(settings.get("short_lengths_need_context", False)),
        groups_thousands_with_spaces=bool(settings.get("groups_thousands_with_spaces", False)),
        groups_lakhs=bool(settings.get("groups_lakhs", False)),
        times=times,
        **tables,
    )
