"""Chinese tables: numerals (亿, 万亿, 两), counters (个, 家, 台), qualifiers (约, 超过), rates.

Read by the same parser as Japanese and English; canonical unit names are listed in
transcheck.lang.en.
"""

from __future__ import annotations

from . import en
from .units import WORDS

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3,
    "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9, "俩": 2, "倆": 2,
}
# A lone digit after 百, 千 or a scale word stands for the next place down, as spoken:
# 三万五 = 35000, 两千六 = 2600 (in Japanese 百三 is 103, so the table is Chinese only)
ELIDED_PLACE = 100
# The full-width comma after ASCII digits is the clause comma ($20，300美圆: two amounts);
# only between full-width digits does it group thousands (１１１，１１１).
FULLWIDTH_COMMA_GROUPS_ASCII_DIGITS = False
# 十五点七 = 15.7, 一百点123 = 100.123
DECIMAL_POINTS: dict[str, str] = {"点": "any", "點": "any"}
# 负40% = −40 %
NEGATIVE_WORDS: tuple[str, ...] = ("负", "負")
# 三百五十又三分之一 = 350⅓
MIXED_FRACTION_JOINERS: tuple[str, ...] = ("又",)
# a bound between a number and its scale word: 500余万 is more than 5,000,000
SCALE_BOUNDS: dict[str, str] = {"多": "more-than", "余": "more-than", "餘": "more-than"}
# 三成半 = 35 %
HALF_AFTER: tuple[str, ...] = ("成", "折")
# smaller units of a currency written after it: 五元三毛 = 5.3 元, 123元1角1分
SUBUNITS: dict[str, tuple[str, float]] = {
    "角": ("CNY", 0.1), "毛": ("CNY", 0.1), "分": ("CNY", 0.01),
}
MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100,
                               "仟": 1000}

# 万亿 is read as one word (10^12), before 万 and 亿 alone.
SCALES: dict[str, int] = {
    "万亿": 10**12, "萬億": 10**12, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8,
    "兆": 10**12,
}

UNITS: dict[str, tuple[str, float]] = {
    **en.LATIN_UNITS,
    "人": ("人", 1),
    "名": ("人", 1),
    "位": ("人", 1),
    "个": ("個", 1),
    "個": ("個", 1),
    "台": ("個", 1),
    "块": ("個", 1),
    "塊": ("個", 1),
    "张": ("個", 1),
    "張": ("個", 1),
    "枚": ("個", 1),
    "颗": ("個", 1),
    "座": ("個", 1),
    "辆": ("個", 1),
    "輛": ("個", 1),
    "架": ("個", 1),
    "艘": ("個", 1),
    "款": ("個", 1),
    "条": ("件", 1),
    "條": ("件", 1),
    "篇": ("件", 1),
    "项": ("件", 1),
    "項": ("件", 1),
    "件": ("件", 1),
    "家": ("社", 1),
    "次": ("回", 1),
    "岁": ("歳", 1),
    "对": ("個", 1),
    "對": ("個", 1),
    "双": ("個", 1),
    "雙": ("個", 1),
    "倍": ("倍", 1),
    "成": ("%", 10),  # 三成 = 30%
    "折": ("%", 10),  # 九折 = 90 % of the price
    "个百分点": ("%", 1),  # percentage points
    "個百分點": ("%", 1),
    "个百分點": ("%", 1),
    "百分点": ("%", 1),
    "百分點": ("%", 1),
    **WORDS["zh"],  # 美元, 元, 港元, 千瓦, 太瓦时, 吉字节 … (units.tsv)
}
# what may not follow a unit for it to be one: 三成 is 30%, 一成不变 and 三成为 are words
UNIT_GUARDS: dict[str, str] = {
    "成": "[为為员員立本交功果都绩績熟长長年人不型品就效分份像语語色形全真败敗千百万萬]",
    "折": "[扣旧舊叠疊算合射线線腾騰磨返回断斷中]",
}
CURRENCY_SIGNS: dict[str, str] = {**en.CURRENCY_SIGNS, "¥": "CNY", "￥": "CNY"}

PREFIX_QUALIFIERS: dict[str, str] = {
    "约": "approx",
    "約": "approx",
    "大约": "approx",
    "大約": "approx",
    "大概": "approx",
    "近": "approx",
    "将近": "approx",
    "將近": "approx",
    "接近": "approx",
    "超过": "more-than",
    "超過": "more-than",
    "突破": "more-than",
    "超": "more-than",
    "逾": "more-than",
    "至少": "at-least",
    "最少": "at-least",
    "最多": "up-to",
    "最高": "up-to",
    "高达": "up-to",
    "多达": "up-to",
    "不到": "less-than",
    "不足": "less-than",
    "少于": "less-than",
    "少於": "less-than",
    "小于": "less-than",
    "小於": "less-than",
    "低于": "less-than",
    "低於": "less-than",
    "大于": "more-than",
    "大於": "more-than",
    "高于": "more-than",
    "高於": "more-than",
    "多于": "more-than",
    "多於": "more-than",
    "不大于": "at-most",
    "不大於": "at-most",
    "不超过": "at-most",
    "不超過": "at-most",
    "不高于": "at-most",
    "不多于": "at-most",
    "不小于": "at-least",
    "不小於": "at-least",
    "不少于": "at-least",
    "不少於": "at-least",
    "不低于": "at-least",
    "不低於": "at-least",
}
# verbs a bound may stand before: 约为1亿, 约相当于50万块, 至少有5家, 超过了1万亿, 约合40吉瓦时,
# 大约在2万到3万美元之间
LINKING_WORDS = ("相当于", "达到", "为", "有", "达", "是", "了", "合", "在")
# 一 before a classifier is mostly the article "a" (一座新数据中心, 一个多模态大脑), not a
# count; after "only" it is one (只有一家, 仅一座)
ARTICLE_CLASSIFIERS = ("个", "個", "座", "家", "台", "张", "張", "块", "塊", "颗", "条", "條",
                       "篇", "件", "位", "名", "辆", "輛", "架", "艘", "款", "项", "項")
ONLY_WORDS = ("只有", "仅有", "僅有", "只", "仅", "僅", "唯一", "就")
# words that begin with a suffix bound but are not one: 两个多模态模型 is two models
NOT_SUFFIX_QUALIFIERS = ("多模态", "多模態", "多元", "多样", "多樣", "多种", "多種", "多边",
                         "多邊", "多媒体", "多功能", "多语言", "多維", "多维", "多方", "多重",
                         "多头", "多少", "余额")
# words that end with a prefix bound but are not one: 最近在3个城市, 签约3家 are exact
NOT_PREFIX_QUALIFIERS = ("最近", "附近", "靠近", "临近", "臨近", "邻近", "鄰近", "亲近", "親近",
                         "就近", "远近", "遠近", "合约", "合約", "签约", "簽約", "条约", "條約",
                         "节约", "節約", "预约", "預約", "违约", "違約", "履约", "履約", "公约",
                         "公約", "制约", "制約", "赶超", "趕超")
# an increase by N times is N + 1 times the base: 翻一倍 (×2), 增长了两倍 (×3)
INCREASE_WORDS = ("翻", "增加", "增长", "增長", "提高", "提升", "上升", "扩大", "擴大")
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "at-least",
    "多": "more-than",
    "余": "more-than",
    "左右": "approx",
    "上下": "approx",
    "以下": "at-most",
    "以内": "at-most",
}

PER_WORDS: dict[str, str] = {
    "每天": "day",
    "每日": "day",
    "日均": "day",
    "日活": "day",
    "每周": "week",
    "每月": "month",
    "月均": "month",
    "月活": "month",
    "每年": "year",
    "年均": "year",
    "年化": "year",
}

TIME_WORDS: tuple[str, ...] = (
    "年", "个月", "個月", "月", "日", "天", "小时", "小時", "分钟", "秒", "周", "週", "季度",
    "世纪", "点",
)
# Words that start like a time but are not one: 7000万日活跃用户 (daily active users),
# 600亿日元 (yen).
NOT_TIMES: tuple[str, ...] = ("日活", "月活", "日均", "月均", "日元", "日圆", "日圓")
ORDINAL_PREFIXES: tuple[str, ...] = ("第", "No.", "#")
ORDINAL_SUFFIXES: tuple[str, ...] = ("号", "號", "名")
VAGUE: tuple[str, ...] = ("数", "數", "几", "幾", "多少")
RANGE_JOINERS: tuple[str, ...] = ("〜", "～", "~", "-", "--", "–", "—", "——", "至", "到")
RANGE_CLOSERS: tuple[str, ...] = ()
# joiners of a range only with their closing word: 在1万与2万之间, -10000与20000间
BETWEEN_JOINERS: dict[str, tuple[str, ...]] = {"与": ("之间", "间"), "和": ("之间",),
                                               "與": ("之間", "間")}
FRACTION_MARKERS: tuple[str, ...] = ("分之",)

# Words made of numerals that are not numbers (一些, 一直, 统一): a numeral run inside them
# is skipped.
NOT_NUMBERS: tuple[str, ...] = (
    "一些", "一直", "一般", "一样", "一樣", "一起", "一定", "统一", "統一", "一切", "万一",
    "萬一", "一下", "一点", "一點", "唯一", "之一", "一致", "一旦", "一边", "一同", "一再",
    "一度", "一方面", "一流", "第一", "一向", "不一", "一同", "一线", "一體", "一体", "十分",
    "一口气", "三思", "千万", "万物", "一员",
)

NOUN_UNITS: dict[str, str] = {
    "公司": "社",
    "企业": "社",
    "用户": "人",
    "人": "人",
    "帖子": "件",
}
NOUN_ALIASES: dict[str, str] = {
    "公司": "企業",
    "企业": "企業",
    "用户": "ユーザ",
    "活跃用户": "ユーザ",
    "参数": "パラメータ",
    "帖子": "投稿",
    "gpus": "gpu",
    "比特币": "btc",  # 1.2万枚比特币 counts what 12,000 BTC does
    "以太坊": "eth",
    "以太币": "eth",
}
# Characters that end a counted noun: 的, 是, 在 …
NOUN_STOPS: str = "的了在是和与及或等将会已都也就把被对从向为上中，。、；：！？（）"
