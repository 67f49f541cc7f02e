"""English tables: scale words, units, nouns that count, qualifiers, rates.

The Latin-script units and currency signs here (MW, MWh, GB, %, $, USD) are shared: the
Japanese and Chinese tables include them, since 250MW and $130 are written the same way
in all three languages.

Canonical units (what ``Quantity.unit`` holds, whatever the language):
    USD JPY CNY EUR GBP KRW   money
    MW  (power: W kW MW GW TW scaled to megawatts)
    MWh (energy: Wh kWh MWh GWh TWh scaled to megawatt-hours)
    GB  (data: B KB MB GB TB PB scaled to gigabytes, decimal)
    km kg 度 (as written), 人 people, 個 things and devices (台 枚 個 基 つ, GPUs),
    件 posts and cases, 社 companies, 回 occurrences, 歳 age, % percent (3割 → 30),
    倍 multiples.
"""

from __future__ import annotations

from .units import SYMBOLS, WORDS

# Scale words written after a number, with a space or without: 250 million, 1.5 trillion.
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
# Scale letters glued to a number: 600M, 200k, 2.5B, $3bn (English text only: 4K映像 is
# a resolution).
SCALE_LETTERS: dict[str, int] = {
    "k": 10**3,
    "K": 10**3,
    "M": 10**6,
    "mn": 10**6,
    "B": 10**9,
    "b": 10**9,  # $1.2b
    "bn": 10**9,
    "T": 10**12,
    "tn": 10**12,
}

# Units and counters shared by every language: written form → (canonical, factor).
# The factor brings the value into the canonical unit: 300 kW → 0.3 MW.
LATIN_UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1),
    **SYMBOLS,  # W kW MW GW TW, Wh … TWh, KB … PB, USD JPY CNY RMB EUR GBP … (units.tsv)
    "km": ("km", 1),
    "kg": ("kg", 1),
    "x": ("倍", 1),
    "×": ("倍", 1),
}

# Fractions written as one character (½, 2¾): their values.
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}
# Thousands grouped with a space (40 000, 1 250 000) or, in Indian English, lakh and crore
# groups of two (12,34,567): read as one number.
SPACE_GROUPS = True
LAKH_GROUPS = True

# Units read only when glued to the number: 10x is ten times, "5 x 3" is not.
ATTACHED_ONLY: frozenset[str] = frozenset({"x", "×", "k", "K", "M", "B", "T"})

# Currency signs written before the number: $130 billion, ¥500.
CURRENCY_SIGNS: dict[str, str] = {
    # a currency code before the amount: USD 22.5 million
    **{f"{code} ": code for code in ("USD", "EUR", "JPY", "CNY", "GBP", "HKD", "CHF")},
    # a code glued to the amount: USD115.5 (a code before a space is read above)
    **{code: code for code in ("USD", "EUR", "JPY", "CNY", "GBP", "HKD", "CHF")},
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "￥": "JPY",
}

# English units written as words after the number (matched as whole words).
UNITS: dict[str, tuple[str, float]] = {
    **LATIN_UNITS,
    **WORDS["en"],  # dollars, yen, watts, terawatt-hours, gigabytes … (units.tsv)
    "percent": ("%", 1),
    "per cent": ("%", 1),
    # points of a percentage, as zh 个百分点 (read as %, so "up 5 percentage points" and
    # 上升5个百分点 agree)
    "percentage points": ("%", 1),
    "percentage point": ("%", 1),
    "percentage": ("%", 1),
    "pct": ("%", 1),
    "times": ("倍", 1),
    "fold": ("倍", 1),
    "people": ("人", 1),
    "persons": ("人", 1),
}

# Bounds written before the number (about 50) and after it (50 or more).
PREFIX_QUALIFIERS: dict[str, str] = {
    "~": "approx",
    "≈": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "nearly": "approx",
    "almost": "approx",
    "close to": "approx",
    "over": "more-than",
    "more than": "more-than",
    "greater than": "more-than",
    "above": "more-than",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "up to": "up-to",
    "as many as": "up-to",
    "as much as": "up-to",
    "at most": "at-most",
    "no more than": "at-most",
    "under": "less-than",
    "less than": "less-than",
    "fewer than": "less-than",
    "below": "less-than",
    "less than or equal to": "at-most",
    "greater than or equal to": "at-least",
    "more than or equal to": "at-least",
    "bigger than": "more-than",
    "larger than": "more-than",
    "higher than": "more-than",
    "smaller than": "less-than",
    "lower than": "less-than",
    # comparison signs (>10, >= 30, <-30, ≤ 5)
    ">=": "at-least",
    "≥": "at-least",
    ">": "more-than",
    "<=": "at-most",
    "≤": "at-most",
    "<": "less-than",
}
SUFFIX_QUALIFIERS: dict[str, str] = {
    "+": "at-least",
    " or more": "at-least",
    " or so": "approx",
    " plus": "at-least",
    " or less": "at-most",
    " or above": "at-least",
    " and above": "at-least",
    " or higher": "at-least",
    " or below": "at-most",
    " and below": "at-most",
    " or fewer": "at-most",
}

# Rates: the period a quantity is counted over.
PER_WORDS: dict[str, str] = {
    "per day": "day",
    "a day": "day",
    "each day": "day",
    "every day": "day",
    "daily": "day",
    "/day": "day",
    "per week": "week",
    "a week": "week",
    "weekly": "week",
    "per month": "month",
    "a month": "month",
    "each month": "month",
    "every month": "month",
    "monthly": "month",
    "/month": "month",
    "/mo": "month",
    "per year": "year",
    "a year": "year",
    "each year": "year",
    "every year": "year",
    "annually": "year",
    "annual": "year",
    "yearly": "year",
    "/year": "year",
    "/yr": "year",
}

# Words after a number that make it a time, which the time reader handles.
TIME_WORDS: tuple[str, ...] = (
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
    "minutes", "minute", "seconds", "second", "quarters", "quarter", "decades", "decade",
    "centuries", "century", "am", "pm", "a.m.", "p.m.", "hr", "hrs", "min", "mins", "sec",
    "secs", "yr", "yrs", "nights", "night",
)

ORDINAL_PREFIXES: tuple[str, ...] = ("No.", "no.", "#", "number ", "Number ", "chapter ",
                                     "Chapter ", "version ", "Version ", "top ", "Top ")
ORDINAL_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th")

RANGE_JOINERS: tuple[str, ...] = ("-", "–", "—", "~", " to ", " - ", " – ")

# Counted nouns that imply a class of counter: 500,000 GPUs → 個.
NOUN_UNITS: dict[str, str] = {
    "user": "人",
    "people": "人",
    "person": "人",
    "employee": "人",
    "customer": "人",
    "subscriber": "人",
    "company": "社",
    "firm": "社",
    "post": "件",
    "tweet": "件",
}

# Normalized noun → the form shared with the other languages (Japanese where there is one).
NOUN_ALIASES: dict[str, str] = {
    "user": "ユーザ",
    "parameter": "パラメータ",
    "post": "投稿",
    "company": "企業",
    "firm": "企業",
    "gpus": "gpu",
    "chip": "チップ",
    "token": "トークン",
    "bitcoin": "btc",
    "ether": "eth",
}

# Words that stop the noun after a number: 5 of them, 20 in total.
STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "is", "are", "was", "were", "be", "been", "that", "this", "these", "those", "it",
    "its", "as", "than", "per", "each", "every", "more", "less", "over", "under", "about",
    "into",
})
