"""Languages transcheck reads, and telling them apart.

Each language is a folder of data, ``transcheck/lang/<code>/`` (``ja``, ``zh``, ``en``): its
numerals, scale words, counters, qualifiers, rates and time words as TSV tables, and what
its writing does in ``language.toml`` (see transcheck.lang.loader). ``language(code)``
reads one once; a folder with a ``language.toml`` is a language, so adding one is adding a
folder. Detection only needs the scripts a text is written in.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

from .loader import Language, LanguageDataError, TimeWords, read_language

__all__ = ["LANGS", "NAMES", "REGISTRY", "Language", "LanguageDataError", "TimeWords",
           "UnknownLanguage", "contradiction", "detect", "known_language", "language"]

LANGS = ("ja", "zh", "en")
NAMES = {"ja": "Japanese", "zh": "Chinese", "en": "English"}

# code → the folder its tables are read from
REGISTRY: dict[str, str] = {
    entry.name: entry.name for entry in resources.files(__package__).iterdir()
    if entry.is_dir() and entry.joinpath("language.toml").is_file()
}


class UnknownLanguage(ValueError):
    """A language code no folder answers to."""


@functools.cache
def language(code: str) -> Language:
    """The tables of the language ``code``, read from its folder on first use.

    >>> language("ja").scales["億"], language("zh").times.relative_years["前年"]
    (100000000, -2)
    """
    folder = REGISTRY.get(code)
    if folder is None:
        raise UnknownLanguage(f"unknown language {code!r} (known: {', '.join(sorted(REGISTRY))})")
    return read_language(folder)

# Seconds any one pattern may spend scanning one unit's text (the `regex` module's
# timeout); past it the text is refused as too complex rather than hanging a CI job.
SCAN_TIMEOUT = 5.0

_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")


def known_language(code: str, fallback: str = "en") -> Language:
    """The language ``code``, or ``fallback``'s for a code no folder answers to (the fact
    readers take what they are given: "auto" resolved elsewhere, or a test's "xx")."""
    return language(code if code in REGISTRY else fallback)


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


def contradiction(text: str, declared: str, sample: int = 20000) -> str | None:
    """The language the text is plainly written in when ``declared`` cannot be it, else None.

    Only a clear contradiction counts: English declared for a text mostly in Han and kana,
    Japanese or Chinese for a text with no Han or kana at all, Chinese for a text with as
    much kana as Japanese has, Japanese for a long text of Han without one kana. Han alone
    is left to the declaration (a short Japanese line may hold no kana).

    >>> contradiction("Xは1日あたり2億5000万人のユーザーを抱える", "en")
    'ja'
    >>> contradiction("每天2.5亿人", "ja") is None, contradiction("250 million a day", "en") is None
    (True, True)
    """
    head = text[:sample]
    kana = len(_KANA.findall(head))
    han = len(_HAN.findall(head))
    latin = len(_LATIN.findall(head))
    cjk = kana + han
    if declared == "en":
        found = detect(head) if cjk >= 10 and cjk > latin else None
    elif declared in ("ja", "zh") and cjk == 0 and latin >= 20:
        found = "en"
    elif declared == "zh" and kana >= 10 and kana * 20 >= han:
        found = "ja"
    elif declared == "ja" and kana == 0 and han >= 200:
        found = "zh"
    else:
        found = None
    return found if found != declared else None
