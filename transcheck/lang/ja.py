"""Japanese tables: scale words, counters and units, qualifiers, relative time words."""

from __future__ import annotations

# Scale words and their values.
SCALES: dict[str, int] = {"万": 10**4, "億": 10**8, "兆": 10**12}

# Counters and units as written → canonical name; longest first when read.
COUNTERS: list[tuple[str, str]] = sorted(
    [
        ("人", "人"),
        ("名", "人"),
        ("台", "台"),
        ("枚", "台"),
        ("個", "台"),
        ("基", "台"),
        ("件", "件"),
        ("社", "社"),
        ("ドル", "USD"),
        ("米ドル", "USD"),
        ("円", "JPY"),
        ("メガワット時", "MWh"),
        ("メガワット", "MW"),
        ("MWh", "MWh"),
        ("MW", "MW"),
        ("GPU", "台"),
        ("%", "%"),
        ("％", "%"),
        ("倍", "倍"),
    ],
    key=lambda row: -len(row[0]),
)

# Bounds written before the number (約50万) and after it (100万台以上).
PREFIX_QUALIFIERS: list[tuple[str, str]] = [
    ("約", "approx"),
    ("およそ", "approx"),
    ("最大", "up-to"),
    ("少なくとも", "at-least"),
]
SUFFIX_QUALIFIERS: list[tuple[str, str]] = [
    ("以上", "at-least"),
    ("以下", "at-most"),
    ("未満", "less-than"),
    ("超", "more-than"),
]

# Relative years: word → offset from the article's year.
RELATIVE_YEARS: dict[str, int] = {"今年": 0, "来年": 1, "昨年": -1, "去年": -1}
