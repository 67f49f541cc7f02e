"""Languages transcheck reads, and telling them apart.

Each language has a module of tables (``ja``, ``zh``, ``en``): its scale words, counters,
qualifiers and time words. Detection only needs the scripts a text is written in.
"""

from __future__ import annotations

import regex

LANGS = ("ja", "zh", "en")

# Seconds any one pattern may spend scanning one unit's text (the `regex` module's
# timeout); past it the text is refused as too complex rather than hanging a CI job.
SCAN_TIMEOUT = 5.0

_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")


def detect(text: str, sample: int = 20000) -> str:
    """Guess ``ja``, ``zh`` or ``en`` from the scripts of (a sample of) the text.

    Kana mark Japanese; Han without kana, Chinese; anything else is read as English.

    >>> detect("1日あたり2億5000万人"), detect("每天2.5亿人"), detect("250 million a day")
    ('ja', 'zh', 'en')
    """
    head = text[:sample]
    kana = len(_KANA.findall(head))
    han = len(_HAN.findall(head))
    if kana and kana * 20 >= han:
        return "ja"
    if han:
        return "zh"
    return "en"
