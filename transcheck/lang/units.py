"""The unit table (``units.tsv``): units of measure and money, each one row with its
spellings in every language and the SI prefixes it takes.

>>> SYMBOLS["TWh"], WORDS["ja"]["テラワットアワー"], WORDS["en"]["terawatt-hours"]
(('MWh', 1000000.0), ('MWh', 1000000.0), ('MWh', 1000000.0))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

LANGS = ("en", "ja", "zh")


@dataclass(frozen=True)
class Prefix:
    name: str
    factor: Decimal
    symbols: tuple[str, ...]
    words: dict[str, tuple[str, ...]]  # language → how it writes the prefix


@dataclass(frozen=True)
class Unit:
    canonical: str
    factor: Decimal  # the base unit in the canonical one: 1 W = 1e-6 MW
    prefixes: str  # names of the prefixes it takes: kMGT
    symbols: tuple[str, ...]
    bare: bool  # the unit alone, without a prefix (W, ワット yes; B, a billion in English, no)
    family: str  # units of one family can be confused with each other (MW, MWh; USD, CHF)
    words: dict[str, tuple[str, ...]]


def _cell(text: str) -> tuple[str, ...]:
    return () if text == "-" else tuple(text.split("|"))


def _read() -> tuple[list[Prefix], list[Unit]]:
    text = resources.files(__package__).joinpath("units.tsv").read_text(encoding="utf-8")
    prefixes: list[Prefix] = []
    units: list[Unit] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"units.tsv:{n}: expected 10 columns, got {len(cols)}")
        kind, name, factor, takes, symbols, bare, family, *spellings = cols
        words = {lang: _cell(cell) for lang, cell in zip(LANGS, spellings, strict=True)}
        if kind == "prefix":
            prefixes.append(Prefix(name, Decimal(factor), _cell(symbols), words))
        elif kind == "unit":
            units.append(Unit(name, Decimal(factor), "" if takes == "-" else takes,
                              _cell(symbols), bare == "yes", family, words))
        else:
            raise ValueError(f"units.tsv:{n}: unknown kind {kind!r}")
    return prefixes, units


def _build() -> tuple[dict[str, tuple[str, float]], dict[str, dict[str, tuple[str, float]]]]:
    prefixes, units = _read()
    by_name = {p.name: p for p in prefixes}
    symbols: dict[str, tuple[str, float]] = {}
    words: dict[str, dict[str, tuple[str, float]]] = {lang: {} for lang in LANGS}
    for unit in units:
        if unit.bare:
            for s in unit.symbols:
                symbols[s] = (unit.canonical, float(unit.factor))
            for lang in LANGS:
                for w in unit.words[lang]:
                    words[lang][w] = (unit.canonical, float(unit.factor))
        for name in unit.prefixes:
            prefix = by_name[name]
            value = (unit.canonical, float(unit.factor * prefix.factor))
            for p in prefix.symbols:
                for s in unit.symbols:
                    symbols[p + s] = value
            for lang in LANGS:
                for p in prefix.words[lang]:
                    for w in unit.words[lang]:
                        words[lang][p + w] = value
    return symbols, words


# canonical unit → its family: MW and MWh are power-energy, USD and CHF currency, GB data
FAMILIES: dict[str, str] = {unit.canonical: unit.family for unit in _read()[1]}
# symbol → (canonical unit, factor): MW, TWh, GB, USD — written alike in every language
SYMBOLS: dict[str, tuple[str, float]]
# language → spelling → (canonical unit, factor): terawatt-hours, テラワットアワー, 太瓦时
WORDS: dict[str, dict[str, tuple[str, float]]]
SYMBOLS, WORDS = _build()
