"""Country names, adjectives and demonyms -> ISO 3166 codes.

pycountry supplies every name (`Belarus`, `Republic of Belarus`, `Moldova,
Republic of`); data/countries.csv adds short names (`Russia`), aliases
(`UK`, `England`) and adjectives (`Ethiopian`, `Belarusian`), and stems of names in
languages whose names inflect (Russian `Кыргызстан`, `Кыргызстане`). One lookup table
is built per process (cached); no fuzzy search ever runs.

>>> lookup("Russia").alpha3, lookup("Ethiopian").name, lookup("moldova").name
('RUS', 'Ethiopia', 'Moldova')
>>> [(m.text, m.country.alpha2, m.kind) for m in find_countries("Afghans fled to Sri Lanka.")]
[('Afghans', 'AF', 'adjective'), ('Sri Lanka', 'LK', 'name')]
>>> [(m.text, m.country.alpha2) for m in find_countries("Офис в Кыргызской Республике и в Австралии.")]
[('Кыргызской Республике', 'KG'), ('Австралии', 'AU')]
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

NAME, ADJECTIVE = "name", "adjective"


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name: str          # short English name: Russia, Moldova, United States


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    country: Country
    kind: str          # name | adjective


@dataclass(frozen=True)
class _Tables:
    by_code: dict      # alpha2 -> Country
    exact: dict        # casefolded text -> (Country, kind)
    first_word: dict   # first word as written -> [(text, Country, kind)] longest first
    stems: dict        # first 3 letters -> [(word stems, Country)] longest first


def _rows():
    text = resources.files("profile_extract.data").joinpath("countries.csv").read_text("utf-8")
    lines = [l for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    for lineno, row in enumerate(csv.DictReader(lines), 2):
        if set(row) != {"alpha2", "kind", "text"} or row["kind"] not in ("short", "alias", "adjective", "stem"):
            raise ValueError(f"data/countries.csv: bad row {lineno}: {row}")
        yield lineno, row


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    import pycountry
    short, extra, stem_rows = {}, [], []
    for lineno, row in _rows():
        if pycountry.countries.get(alpha_2=row["alpha2"]) is None:
            raise ValueError(f"data/countries.csv: unknown code {row['alpha2']!r} (row {lineno})")
        if row["kind"] == "short":
            short[row["alpha2"]] = row["text"]
        elif row["kind"] == "stem":
            words = tuple(row["text"].split())
            if not words or len(words[0]) < 4:
                raise ValueError(f"data/countries.csv: stem too short (row {lineno}): {row['text']!r}")
            stem_rows.append((words, row["alpha2"]))
        else:
            extra.append(row)
    by_code, names, prefixes = {}, [], []
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        nice = short.get(c.alpha_2) or common or c.name
        country = Country(c.alpha_2, c.alpha_3, nice)
        by_code[c.alpha_2] = country
        for n in {c.name, common, getattr(c, "official_name", None), nice}:
            if n:
                names.append((n, country, NAME))
                if "," in n:                       # `Moldova, Republic of` -> also `Moldova`
                    prefixes.append((n.split(",")[0], country, NAME))
    for row in extra:
        country = by_code[row["alpha2"]]
        kind = NAME if row["kind"] == "alias" else ADJECTIVE
        names.append((row["text"], country, kind))
        if kind == ADJECTIVE and row["text"].endswith("n"):
            names.append((row["text"] + "s", country, kind))    # Afghans, Syrians
    exact, first = {}, {}
    for text, country, kind in names + prefixes:      # whole names win over comma prefixes
        exact.setdefault(text.casefold(), (country, kind))
        first.setdefault(_first_word(text), []).append((text, country, kind))
    for lst in first.values():
        lst.sort(key=lambda t: -len(t[0]))
    stems: dict = {}
    for words, code in stem_rows:
        stems.setdefault(words[0][:3], []).append((words, by_code[code]))
    for lst in stems.values():
        lst.sort(key=lambda t: (-len(t[0]), -len(t[0][0])))    # more words first, then longer stems
    return _Tables(by_code, exact, first, stems)


_WORD = re.compile(r"[^\W\d_][^\s,;:()\[\]/]*")


def _first_word(text: str) -> str:
    m = _WORD.match(text)
    w = m.group(0) if m else text
    return w.rstrip(".'’").split("’")[0].split("'")[0] if len(w) > 1 else w


def by_code(alpha2: str | None) -> Country | None:
    """The Country of an alpha-2 code, or None.

    >>> by_code("MD").name
    'Moldova'
    """
    return _tables().by_code.get((alpha2 or "").upper())


def lookup(text: str | None) -> Country | None:
    """The country a whole name, alias, adjective or ISO code stands for."""
    c = lookup_kind(text)
    return c[0] if c else None


def lookup_kind(text: str | None) -> tuple[Country, str] | None:
    if not text:
        return None
    raw = " ".join(text.split()).strip(" ,;:")
    t = raw.strip(".")
    hit = _tables().exact.get(raw.casefold()) or _tables().exact.get(t.casefold())
    if hit:
        return hit
    if len(t) in (2, 3) and t.isupper():
        import pycountry
        c = pycountry.countries.get(alpha_2=t) if len(t) == 2 else pycountry.countries.get(alpha_3=t)
        if c is not None:
            return _tables().by_code[c.alpha_2], NAME
    return None


# A capitalised word not glued to a word before it. The lookbehind follows the capital
# (it checks the character before it) so the scan jumps from capital to capital.
_CAP = re.compile(r"[A-ZÀ-ÞĀ-ŽА-ЯЁ](?<![\w.'’-].)[\w.'’-]*")
# Words (as written) that start no name and no stem row: skipped at once on later pages.
# A cache of a pure function of the word and the read-only tables; bounded.
_NO_CANDIDATES: set[str] = set()
_NO_CANDIDATES_MAX = 200_000
_STEM_WORD = re.compile(r"\s+([^\W\d_]+)")


def _stem_match(text: str, start: int, word: str, cands) -> tuple[int, object] | None:
    """End offset and Country of the longest stem row whose words start the words at `start`."""
    for words, country in cands:
        if not word.startswith(words[0]):
            continue
        pos, ok = start + len(word), True
        for w in words[1:]:
            m = _STEM_WORD.match(text, pos)
            if not m or not m.group(1).startswith(w):
                ok = False
                break
            pos = m.end()
        if ok:
            return pos, country
    return None


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every mention of a country name or adjective in text[start:end], in order.
    Words are matched as written (capitalised), or whole in upper case (`TURKEY`)."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    pos = start
    for s, how in _live_words(text, start, end):
        if s < pos:
            continue
        if how[0] is None:             # a stem row (Russian `Кыргызстане`)
            hit = _stem_match(text, s, how[1], how[2])
            if hit and hit[0] <= end:
                out.append(Mention(s, hit[0], text[s:hit[0]], hit[1], NAME))
                pos = hit[0]
            continue
        hit = _read_name(text, s, end, *how)
        if hit is not None and not (s >= 4 and text[s - 1] in " -" and _new_before(text, s, start)):
            out.append(Mention(s, hit[0], text[s:hit[0]], hit[1], hit[2]))
            pos = hit[0]
    return out


# `New Jersey`, `New Mexico`, `New South Wales`, `Nuevo México`: a country's name after one of
# these words is part of another place's name (a state, a province), not the country.
_NEW_WORDS = ("New", "NEW", "New South", "Nuevo", "Nueva", "Nouveau", "Nouvelle", "Nova", "Novo")


def _new_before(text: str, s: int, start: int) -> bool:
    """Whether one of _NEW_WORDS, a whole word, stands right before offset s (then a space or `-`)."""
    lo = max(start, s - 10)
    if not text.endswith(_NEW_WORDS, lo, s - 1):     # (one call for them all, no slice)
        return False
    w = next(w for w in _NEW_WORDS if text.endswith(w, lo, s - 1))
    k = s - 1 - len(w)
    return k <= start or not (text[k - 1].isalnum() or text[k - 1] in "-_")


def _live_words(text: str, start: int, end: int):
    """(offset, _word_reading) of each _CAP match in text[start:end] that may start a name, in
    order. The words come from one findall (no match object for the many that start nothing);
    a live word's offset is the first occurrence after the previous live word that _CAP
    matches whole (an earlier one would have been a live match itself). `×` (a capital of
    _CAP but no word character: a match from it swallows the next capital) takes the plain scan."""
    no_candidates = _NO_CANDIDATES
    if "×" in text:
        for m in _CAP.finditer(text, start, end):
            word = m[0]
            if word not in no_candidates:
                how = _reading_or_none(word)
                if how is not None:
                    yield m.start(), how
        return
    at = start
    written: dict[str, bool] = {}      # first word -> whether any of its names is in the text
    for word in [w for w in _CAP.findall(text, start, end) if w not in no_candidates]:   # (most words go)
        how = _reading_or_none(word)
        if how is None:
            continue
        if how[0] is not None and not how[2]:
            ok = written.get(how[1])   # (`The`, `United`, `South` ... mostly start none of their names)
            if ok is None:
                ok = written[how[1]] = _written(how[0], how[1], text, start, end)
            if not ok:
                continue               # _read_name would find nothing at any of its offsets
        n = len(word)
        s = text.find(word, at, end)
        while s >= 0:
            m = _CAP.match(text, s, end)
            if m is not None and m.end() - s == n:
                break
            s = text.find(word, s + 1, end)
        if s < 0:                      # (cannot happen: the word is a match in this text)
            raise AssertionError(f"find_countries lost {word!r}")
        at = s + n
        yield s, how


def _reading_or_none(word: str):
    """_word_reading(word); a word that starts nothing goes to _NO_CANDIDATES (bounded)."""
    how = _word_reading(word) if len(word) <= 64 else _word_reading.__wrapped__(word)   # (long: not cached)
    if how is None and len(_NO_CANDIDATES) < _NO_CANDIDATES_MAX:
        _NO_CANDIDATES.add(word)
    return how


@lru_cache(maxsize=65536)
def _word_reading(word: str):
    """How find_countries reads a capitalised word (a pure function of the word: cached):
    (names, first word, upper case) for _read_name, (None, stem, stem rows) for _stem_match,
    or None when the word starts no name."""
    first = _tables().first_word
    key = word.rstrip(".'’").split("’")[0].split("'")[0]
    upper = word.isupper() and len(key) > 2
    cands = first.get(key) or (first.get(key.title()) if upper else None)
    if cands:
        return cands, key if first.get(key) else key.title(), upper
    stem = _tables().stems.get(key[:3]) if "А" <= key[0] <= "Я" or key[0] == "Ё" else None
    return (None, key.rstrip(".'’"), stem) if stem else None


def _read_name(text: str, start: int, end: int, cands, key: str, upper: bool):
    """(end, Country, kind) of the first name of cands (longest first) written at start and
    not glued to a following letter, digit, `$` or `.x`; else None. A lower-case word: one
    match of the names as a pattern (in the same order) finds the first written there."""
    if not upper:
        if len(cands) == 1:            # (most first words start one name: no pattern)
            name, country, kind = cands[0]
            stop = start + len(name)
            if not text.startswith(name, start, end) or _glued(text, stop):
                return None
            return stop, country, kind
        nm = _names_pattern(key).match(text, start, end)
        if nm is None:
            return None                # no name is written there
        stop = nm.end()
        if not _glued(text, stop):
            return stop, *_by_name(key)[nm.group(0)]
    for name, country, kind in cands:
        stop = start + len(name)
        if stop > end:
            continue
        got = text[start:stop]
        if got != name and not (upper and got.upper() == name.upper()):
            continue
        if _glued(text, stop):
            continue
        return stop, country, kind
    return None


def _glued(text: str, stop: int) -> bool:
    """Whether the text right after a name continues it (a letter, digit, `$` or `.x`)."""
    return stop < len(text) and (text[stop].isalnum() or text[stop] == "$" or
                                 (text[stop] == "." and stop + 1 < len(text) and text[stop + 1].isalpha()))


def _written(cands, key: str, text: str, start: int, end: int) -> bool:
    """Whether any name of cands (the names under first word `key`) is written in
    text[start:end]: str.find for a single name, else _names_pattern."""
    if len(cands) == 1:
        return text.find(cands[0][0], start, end) >= 0
    return _names_pattern(key).search(text, start, end) is not None


@lru_cache(maxsize=None)
def _names_pattern(key: str) -> re.Pattern:
    """The names starting with first word `key`, as one alternation in first_word order."""
    return re.compile("|".join(re.escape(name) for name, _, _ in _tables().first_word[key]))


@lru_cache(maxsize=None)
def _by_name(key: str) -> dict:
    """name -> (Country, kind) of the first entry of each name under first word `key`."""
    out: dict = {}
    for name, country, kind in _tables().first_word[key]:
        out.setdefault(name, (country, kind))
    return out
