"""Japanese tables: numerals, scale words, counters and units, qualifiers, rates, time words.

One parser (transcheck.facts.quantities) reads these; a new counter or unit is a new row.
Canonical unit names are listed in transcheck.lang.en.
"""

from __future__ import annotations

from . import en
from .units import WORDS

# Kanji digits and the multipliers inside a group of four: 四百二十 → 420.
DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壱": 1, "弐": 2, "参": 3, "壹": 1, "貳": 2, "參": 3, "肆": 4,
    "伍": 5, "陸": 6, "漆": 7, "捌": 8, "玖": 9,
}
MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100,
                               "阡": 1000, "仟": 1000}
# 〇・〇八 = 0.08, 五・五 (between kanji digits only: 3・11 is a date)
DECIMAL_POINTS: dict[str, str] = {"・": "kanji"}
# マイナス五％ = −5 %
NEGATIVE_WORDS: tuple[str, ...] = ("マイナス",)
# 一と二分の一 = 1½
MIXED_FRACTION_JOINERS: tuple[str, ...] = ("と",)
# a bound between a number and its scale word: 500余万
SCALE_BOUNDS: dict[str, str] = {"余": "more-than"}
# 七割半 = 75 %
HALF_AFTER: tuple[str, ...] = ("割",)
# smaller units of a currency written after it: 2222円13銭, 545ドルと5セント
SUBUNITS: dict[str, tuple[str, float]] = {
    "銭": ("JPY", 0.01), "セント": ("USD", 0.01), "角": ("CNY", 0.1), "分": ("CNY", 0.01),
}

# Scale words: 2億5000万 → 250000000.
SCALES: dict[str, int] = {"万": 10**4, "萬": 10**4, "億": 10**8, "兆": 10**12, "京": 10**16}

# Counters and units written after the number → (canonical, factor); see en for the names.
UNITS: dict[str, tuple[str, float]] = {
    **en.LATIN_UNITS,
    "人": ("人", 1),
    "名": ("人", 1),
    "台": ("個", 1),
    "枚": ("個", 1),
    "個": ("個", 1),
    "基": ("個", 1),
    "機": ("個", 1),
    "本": ("個", 1),
    "つ": ("個", 1),
    "件": ("件", 1),
    "社": ("社", 1),
    "回": ("回", 1),
    "歳": ("歳", 1),
    "倍": ("倍", 1),
    "パーセント": ("%", 1),
    "パーセントポイント": ("%", 1),
    "匹": ("個", 1),
    "頭": ("個", 1),
    "羽": ("個", 1),
    "粒": ("個", 1),
    "冊": ("個", 1),
    "行": ("行", 1),  # コード一行; 邦銀3行
    "割": ("%", 10),  # 3割 = 30%
    "度": ("度", 1),
    **WORDS["ja"],  # ドル, 円, ワット, テラワットアワー, ギガバイト … (units.tsv)
}
CURRENCY_SIGNS: dict[str, str] = dict(en.CURRENCY_SIGNS)

# Bounds written before the number (約50万) and after it (100万台以上).
PREFIX_QUALIFIERS: dict[str, str] = {
    "約": "approx",
    "およそ": "approx",
    "凡そ": "approx",
    "ほぼ": "approx",
    "大体": "approx",
    "だいたい": "approx",
    "少なくとも": "at-least",
    "最低": "at-least",
    "最低でも": "at-least",
    "最大": "up-to",
    "最大で": "up-to",
    "最高": "up-to",
    "最多": "up-to",
    "超": "more-than",
}
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "at-least",
    "超": "more-than",
    **{f"を{verb}{ending}": "more-than"  # を超えた, を上回って, を突破した: any tense
       for verb, endings in (("超え", ("る", "た", "て", "")),
                             ("上回", ("る", "った", "って", "り")),
                             ("突破", ("した", "し", "")))
       for ending in endings},
    "余り": "more-than",
    "あまり": "more-than",
    "余": "more-than",
    "強": "more-than",
    "以下": "at-most",
    "以内": "at-most",
    "が上限": "up-to",  # 30万キロワットが上限: as 最大300メガワット
    "を上限に": "up-to",
    "を上限と": "up-to",
    "未満": "less-than",
    **{f"より{word}{ending}": q
       for word, q in (("大き", "more-than"), ("多", "more-than"), ("小さ", "less-than"),
                       ("少な", "less-than"))
       for ending in ("い", "く", "な")},
    "もしくはそれ以上": "at-least",
    "またはそれ以上": "at-least",
    "かそれ以上": "at-least",
    "もしくはそれ以下": "at-most",
    "またはそれ以下": "at-most",
    "大なり": "more-than",
    "小なり": "less-than",
    "弱": "less-than",
    "足らず": "less-than",
    "近く": "approx",
    "程度": "approx",
    "ほど": "approx",
    "前後": "approx",
    "近辺": "approx",
    "付近": "approx",
    "くらい": "approx",
    "ぐらい": "approx",
}

# Rates: a word near the number that says what period it counts (毎月約10億ドル).
PER_WORDS: dict[str, str] = {
    "毎日": "day",
    "1日あたり": "day",
    "1日当たり": "day",
    "一日あたり": "day",
    "一日当たり": "day",
    "日あたり": "day",
    "日当たり": "day",
    "日間": "day",
    "日次": "day",
    "毎週": "week",
    "週あたり": "week",
    "週当たり": "week",
    "毎月": "month",
    "月額": "month",
    "月間": "month",
    "月あたり": "month",
    "月当たり": "month",
    "ひと月あたり": "month",
    "月次": "month",
    "毎年": "year",
    "年額": "year",
    "年間": "year",
    "年あたり": "year",
    "年当たり": "year",
    "年率": "year",
}

# Counters after a number that make it a time (2026年, 4ヶ月, 122日): left to the time reader.
TIME_WORDS: tuple[str, ...] = (
    "年", "ヶ月", "ケ月", "か月", "カ月", "ヵ月", "箇月", "ヶ年", "月", "日", "時間", "時",
    "分間", "分", "秒", "週", "四半期", "世紀", "半期", "期",
)

# Ordinals are labels, not amounts: 第2章, 6社目, 3番目, 1位.
ORDINAL_PREFIXES: tuple[str, ...] = ("第", "ナンバー", "No.", "NO.", "no.", "#")
ORDINAL_SUFFIXES: tuple[str, ...] = ("目", "番目", "番", "位", "号", "等", "次")
# ordinals read as facts (unit 番目): 6社目, 3回目, 6つ目, 3番目
COUNTED_ORDINALS: tuple[str, ...] = ("目", "番目")
# what may not follow a counter for it to be one: 視察団一行は is a party, コード一行で a line
UNIT_GUARDS: dict[str, str] = {"行": "[はがをもと]"}

# Vague numbers: 数十年, 数百万, 十数人, 何千 — no value to compare.
VAGUE: tuple[str, ...] = ("数", "何", "幾")

# Words joining the two ends of a range: 200〜300億ドル, 10から20まで.
RANGE_JOINERS: tuple[str, ...] = ("〜", "～", "~", "-", "–", "—", "から")
RANGE_CLOSERS: tuple[str, ...] = ("まで",)
# joiners of a range only with their closing word: 20と30の間 (一と二分の一 is a fraction)
BETWEEN_JOINERS: dict[str, tuple[str, ...]] = {"と": ("の間",)}

# Fractions and percentages written with words: 3分の1, 百分の五.
FRACTION_MARKERS: tuple[str, ...] = ("分の",)

# Nouns that imply a counter class: 1つの企業 counts companies (社), like 5社.
NOUN_UNITS: dict[str, str] = {
    "企業": "社",
    "会社": "社",
    "社": "社",
    "メーカー": "社",
    "ユーザ": "人",
    "人々": "人",
    "人": "人",
    "従業員": "人",
    "社員": "人",
    "投稿": "件",
    "ポスト": "件",
}

# Normalized noun → the form shared across versions and languages.
NOUN_ALIASES: dict[str, str] = {
    "会社": "企業",
    "ポスト": "投稿",
    "パラメタ": "パラメータ",
    "ＧＰＵ": "gpu",
    "ビットコイン": "btc",
    "イーサリアム": "eth",
}

# Words that look like nouns after a number but say how, not what: 1日あたり, 10年間.
NOT_NOUNS: frozenset[str] = frozenset(
    {"あたり", "当たり", "間", "以上", "以下", "未満", "程度", "規模", "近く", "前後", "ほど",
     "数", "総数", "うち", "中", "分", "全体", "合計", "計", "ため", "こと", "もの", "よう"}
)
# Nouns between a counted noun and its number: ユーザー数を6億人, GPU総数は100万枚.
COUNT_NOUNS: frozenset[str] = frozenset({"数", "総数", "台数", "人数", "件数", "社数", "個数"})

# Relative years: word → offset from the article's year.
RELATIVE_YEARS: dict[str, int] = {"今年": 0, "来年": 1, "昨年": -1, "去年": -1}
