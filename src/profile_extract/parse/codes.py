"""ISO codes in fact values: currencies (ISO 4217) and languages (ISO 639-3
as pycountry gives them). Tables are built once per process from pycountry
plus data/codes.toml.

>>> currency_codes("Belarussian rouble (BYR)")
['BYR']
>>> language_codes("Russian, Belarussian (both official)")
['rus', 'bel']
"""
from __future__ import annotations

import re
from functools import lru_cache
from ..data import load_toml

__all__ = ["currency_codes", "language_codes", "currency_of_symbol", "is_currency_code", "currency_at",
           "current_code", "CURRENCY_SYMBOL_RE", "currency_table"]


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_toml("codes.toml")


@lru_cache(maxsize=1)
def currency_table() -> dict[str, str]:
    """ISO 4217 code -> current code (itself, or its replacement when retired).

    >>> currency_table()["BYR"], currency_table()["USD"]
    ('BYN', 'USD')
    """
    import pycountry
    table = {c.alpha_3: c.alpha_3 for c in pycountry.currencies}
    for code in _data().get("extra_currencies", {}):
        table.setdefault(code, code)
    for old, new in _data().get("retired_currencies", {}).items():
        table.setdefault(old, new)
    return table


def is_currency_code(code: str) -> bool:
    """Is code an ISO 4217 code, current or retired?

    >>> is_currency_code("EUR"), is_currency_code("ABC"), is_currency_code("eur")
    (True, False, False)
    """
    return len(code) == 3 and code.isupper() and code in currency_table()


def current_code(code: str) -> str | None:
    """The code in use today for a (possibly retired) ISO 4217 code.

    >>> current_code("BYR"), current_code("GBP"), current_code("XYZ")
    ('BYN', 'GBP', None)
    """
    return currency_table().get(code)


_SYMBOLS: dict[str, str] = dict(_data().get("currency_symbols", {}))
# longest symbols first: `US$` before `$`; a letter symbol needs a word edge before it. The
# edge is tested after the first character (`U(?<![A-Za-z]U)S\$`, the same as `(?<![A-Za-z])US\$`)
# so that every alternative starts with a literal: re then skips to candidate characters
# instead of trying each alternative at each position (20x faster on a value without one).
CURRENCY_SYMBOL_RE = re.compile("|".join(
    (re.escape(s[0]) + r"(?<![A-Za-z]" + re.escape(s[0]) + ")" + re.escape(s[1:])) if s[0].isalpha()
    else re.escape(s)
    for s in sorted(_SYMBOLS, key=len, reverse=True)))


def currency_of_symbol(symbol: str) -> str | None:
    """The ISO 4217 code of a currency symbol.

    >>> currency_of_symbol("US$"), currency_of_symbol("£"), currency_of_symbol("x")
    ('USD', 'GBP', None)
    """
    return _SYMBOLS.get(symbol)


# three capitals, no letter either side; starting with a class (fast to scan for)
_CODE_RE = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]{2}(?![A-Za-z])")
_NAMES = [(re.compile(r"(?<!\w)(?:" + k + r")(?!\w)", re.IGNORECASE), v)
          for k, v in _data().get("currency_names", {}).items()]


_AFTER_WS = re.compile(r"[ \t\u00a0]?")
_NAMES_AT = [(re.compile(r"(?:" + k + r")(?!\w)", re.IGNORECASE), v)
             for k, v in _data().get("currency_names", {}).items()]


# the names in one pattern, tried in their order (the first that matches wins, as a loop
# over _NAMES_AT would): group `n<i>` is name i
_NAMES_AT_ANY = re.compile("|".join(f"(?P<n{i}>(?:{rx.pattern}))" for i, (rx, _) in enumerate(_NAMES_AT)) or r"(?!x)x",
                           re.IGNORECASE)
_NAMES_AT_CODE = {f"n{i}": code for i, (_, code) in enumerate(_NAMES_AT)}


def currency_at(text: str, pos: int) -> tuple[str, int] | None:
    """A currency written right at text[pos:] (after an optional space): an ISO
    code, a symbol or a name; (code, end) or None.

    >>> currency_at("4,884 US$", 5), currency_at("12 EUR", 2), currency_at("3 US dollars", 1)
    (('USD', 9), ('EUR', 6), ('USD', 12))
    >>> currency_at("12 km", 2) is None
    True
    """
    if not _TAIL_ONLY:
        return _currency_at(text, pos)
    # what the patterns read before pos: only whether a letter stands there (their look-behinds)
    letter = pos > 0 and text[pos - 1] in _ASCII_LETTERS
    hit = _currency_of_tail(text[pos:], letter)
    return None if hit is None else (hit[0], pos + hit[1])


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4096)
def _currency_of_tail(tail: str, letter_before: bool) -> tuple[str, int] | None:
    """currency_at on a value's tail (` million`, ` USD`, ` km sq`), cached: the same
    few tails come back on page after page."""
    hit = _currency_at(("a" if letter_before else " ") + tail, 1)
    return None if hit is None else (hit[0], hit[1] - 1)


# `miliardi di USD`, `millions de EUR`: a connector word of data [currency_connectors] before the currency
_CONNECTORS = _data().get("currency_connectors", {}).get("words", [])
_CONNECTOR_AT = re.compile(r"(?:" + "|".join(re.escape(w) for w in _CONNECTORS) + r")(?:(?<=['’])|\s+)(?=\S)"
                           if _CONNECTORS else r"(?!x)x", re.IGNORECASE)
# (their first letters, from the data: only a tail that starts with one is asked the pattern)
_CONNECTOR_FIRST = frozenset(w[:1].lower() for w in _CONNECTORS)


def _currency_at(text: str, pos: int) -> tuple[str, int] | None:
    p = _AFTER_WS.match(text, pos).end()
    hit = _currency_here(text, p)
    if hit is None and text[p:p + 1].lower() in _CONNECTOR_FIRST:
        c = _CONNECTOR_AT.match(text, p)
        if c is not None:
            hit = _currency_here(text, c.end())
    return hit


def _currency_here(text: str, p: int) -> tuple[str, int] | None:
    m = _CODE_RE.match(text, p)
    if m and is_currency_code(m.group()):
        return m.group(), m.end()
    m = CURRENCY_SYMBOL_RE.match(text, p)
    if m:
        return _SYMBOLS[m.group()], m.end()
    m = _NAMES_AT_ANY.match(text, p)
    if m:
        return _NAMES_AT_CODE[m.lastgroup], m.end()
    return None


# the code and symbol patterns look behind for one ASCII letter; the names of data/codes.toml
# must not look behind or test a word edge for a tail (and that letter) to decide currency_at
_TAIL_ONLY = re.search(r"\(\?<[=!]|\\[bBA]|(?<!\[)(?<!\\)\^", _NAMES_AT_ANY.pattern) is None \
    and all(not s[:1].isalpha() or s[:1].isascii() for s in _SYMBOLS)


def currency_codes(text: str) -> list[str]:
    """ISO 4217 codes in text: codes as written (retired ones kept), else the
    code of a currency name, else of a symbol.

    >>> currency_codes("Ngultrum (BTN) Indian rupee (₹)")
    ['BTN', 'INR']
    >>> currency_codes("Australian dollar"), currency_codes("no money here")
    (['AUD'], [])
    """
    return list(_currency_codes(text))


@lru_cache(maxsize=2048)
def _currency_codes(text: str) -> tuple[str, ...]:
    """currency_codes, cached: currency values repeat (`Euro (EUR)`)."""
    out: list[str] = []
    for m in _CODE_RE.finditer(text):
        if is_currency_code(m.group()) and m.group() not in out:
            out.append(m.group())
    for rx, code in _NAMES:
        if rx.search(text) and code not in out and not any(current_code(c) == code for c in out):
            out.append(code)
    if not out:
        for m in CURRENCY_SYMBOL_RE.finditer(text):
            code = _SYMBOLS[m.group()]
            if code not in out:
                out.append(code)
    return tuple(out)


def _language_rows() -> list[dict[str, str]]:
    """pycountry's ISO 639-3 entries as the plain rows of its own data file, in its
    order: the fields of `pycountry.languages`' objects without building them and
    their lookup indices (~7,900 of each: ~25 ms of a process's start against ~6)."""
    import json

    import pycountry
    db = pycountry.languages
    with open(db.filename, encoding="utf-8") as f:
        return json.load(f)[db.root_key]


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    """lower-case English name -> ISO 639-3 code, for the ISO 639-1 languages
    (the ones pages name) plus the variant spellings of data/codes.toml."""
    table: dict[str, str] = {}
    by_name = {}
    for lang in _language_rows():
        name, code = lang["name"].lower(), lang["alpha_3"]
        by_name[name] = code
        if "alpha_2" in lang:
            table[name] = code
            short = re.sub(r"\s*\(.*\)$", "", name)          # 'swahili (macrolanguage)'
            table.setdefault(short, code)
            for part in name.split(";"):
                table.setdefault(part.strip(), code)
    for variant, name in _data().get("language_variants", {}).items():
        code = by_name.get(name.lower())
        if code is None:
            raise ValueError(f"data/codes.toml: [language_variants] {variant}: "
                             f"pycountry knows no language {name!r}")
        table[variant.lower()] = code
    return table


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def language_codes(text: str) -> list[str]:
    """ISO 639-3 codes of the languages named in text, in order, once each.

    >>> language_codes("English, French and Spanish")
    ['eng', 'fra', 'spa']
    >>> language_codes("Swahili (official), Kiswahili")
    ['swa']
    """
    return list(_language_codes(text))


@lru_cache(maxsize=2048)
def _language_codes(text: str) -> tuple[str, ...]:
    """language_codes, cached: language values repeat (`Russian, English (both official)`)."""
    table = _languages()
    out: list[str] = []
    words = _WORD_RE.findall(text)
    i = 0
    while i < len(words):
        hit = None
        for n in (3, 2, 1):          # multi-word names first: 'modern greek', 'scottish gaelic'
            if i + n <= len(words):
                key = " ".join(words[i:i + n]).lower()
                if key in table and (n > 1 or len(key) > 2):
                    hit = (table[key], n)
                    break
        if hit:
            if hit[0] not in out:
                out.append(hit[0])
            i += hit[1]
        else:
            i += 1
    return tuple(out)
