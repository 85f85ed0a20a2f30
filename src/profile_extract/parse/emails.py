"""E-mail addresses (plain and obfuscated) and websites.

>>> [m.value for m in find_emails("write to europe[at]klimabuendnis.org or Info@X.org.")]
['europe@klimabuendnis.org', 'info@x.org']
>>> normalise_website("www.unep.org")
'http://www.unep.org'
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_LOCAL = r"[\w.%+'\-]*\w"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
# the bracketed words for `@` and `.` (English, Spanish/Portuguese, German, French, Italian)
_AT_WORDS = r"(?i:at|arroba|arobase|ät)"
_DOT_WORDS = r"(?i:dot|punkt|point|punto|ponto|\.)"   # (`[.]` too)
# the words for `@` and `.` written between spaces, no brackets (`name arroba domain.org`)
_AT_SPOKEN = "at|arroba|arobase"
_DOT_SPOKEN = "dot|punto|ponto|point"
_AT = rf"(?:[ \t]?[@＠][ \t]?|\s*[\[({{<]\s*(?:{_AT_WORDS}|@)\s*[\])}}>]\s*)"
_DOT = rf"(?:[.．]|\s*[\[({{<]\s*{_DOT_WORDS}\s*[\])}}>]\s*)"
# (a full-width `＠` and `．`, U+FF20 and U+FF0E, as East Asian pages type them,
# are an `@` and a dot)
# name@domain.org, name [at] domain [dot] org, a stray space around @
EMAIL = re.compile(rf"(?<![\w.%+\-]){_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL})+(?![\w@])")
# name at domain dot org (words only: a plain ` at ` needs a ` dot ` too)
EMAIL_WORDS = re.compile(rf"(?<![\w.%+\-])[\w.%+\-]*\w\s+(?:at|AT)\s+{_LABEL}(?:\s+(?:dot|DOT)\s+{_LABEL})+(?![\w@])")
# name arroba domain.org: the Spanish/Portuguese/French word for `@` without
# brackets, in an e-mail label's value (find_emails' `at_words`; a plain ` at `
# needs a ` dot `, above: `at` is an English word)
# (there also `name at domain.org` and `name(a)domain.cz`; never a `www.` host)
EMAIL_AT_WORD = re.compile(rf"(?<![\w.%+\-])[\w.%+\-]*\w(?:[ \t]+(?i:{_AT_SPOKEN})[ \t]+|[ \t]*[\[(]a[\])][ \t]*)"
                           rf"(?!www\.){_LABEL}(?:(?:\.|[ \t]+(?i:{_DOT_SPOKEN})[ \t]+){_LABEL})+(?![\w@])")
MAILTO = re.compile(r"mailto:", re.I)
_STRICT = re.compile(r"^[\w.%+'\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$")

URL = re.compile(r"(?<![\w@./\-])(?:(?:https?|ftp)://|www\.)[^\s<>\"'\[\]{}|\\^`]+", re.I)
_TLDS = ("com|org|net|edu|gov|int|info|biz|museum|coop|aero|asia|eu|io|co|nyc|berlin|london|"
         "paris|africa|online|site|ngo|ong")
# A bare domain (`md.dep.no`, `iom.int/en`): lower-case, a known generic TLD
# or a two-letter country code.
DOMAIN = re.compile(
    rf"(?<![\w@＠./\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:{_TLDS}|[a-z]{{2}})"
    r"(?:/[^\s<>\"'\[\]{}|\\^`]*)?(?![\w@\-])")
_TRAIL = ".,;:!?)]}'\""
_AT_BRACKETED = re.compile(rf"\s*[\[({{<]\s*(?:{_AT_WORDS}|@)\s*[\])}}>]\s*")
_DOT_BRACKETED = re.compile(rf"\s*[\[({{<]\s*{_DOT_WORDS}\s*[\])}}>]\s*")
_AT_SPACED = re.compile(rf"\s+(?:{_AT_SPOKEN})\s+|\s*[\[(]a[\])]\s*", re.I)
_DOT_SPACED = re.compile(rf"\s+(?:{_DOT_SPOKEN})\s+", re.I)
_SPACES = re.compile(r"\s+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.I)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    raw: str
    value: str
    valid: bool = True


def normalise_email(raw: str) -> tuple[str, bool]:
    """Lower-cased, de-obfuscated, spaces closed up; and whether it is well formed.

    >>> normalise_email("sportverein-Lindental @gmx.de")
    ('sportverein-lindental@gmx.de', True)
    >>> normalise_email("name [at] domain [dot] org")
    ('name@domain.org', True)
    >>> normalise_email("info@example")
    ('info@example', False)
    """
    v = MAILTO.sub("", raw.strip()).replace("＠", "@").replace("．", ".")
    v = _AT_BRACKETED.sub("@", v)
    v = _DOT_BRACKETED.sub(".", v)
    v = _AT_SPACED.sub("@", v)
    v = _DOT_SPACED.sub(".", v)
    v = _SPACES.sub("", v).lower().strip(_TRAIL)
    return v, bool(_STRICT.match(v))


# what the patterns need somewhere in the text: an obfuscated `[at]` / `(dot)`
# (which may stand across lines), an `@`, a spelled-out ` dot `
_BRACKETED = re.compile(rf"[\[({{<]\s*(?:{_AT_WORDS}|@|{_DOT_WORDS})\s*[\])}}>]")
_WORD_DOT = re.compile(r"\s(?:dot|DOT)\s")
# (a quick look for it: starts on `d` or `D`, which sre skips ahead to; where
# _WORD_DOT matches in a range, this matches there too)
_WORD_DOT_QUICK = re.compile(r"(?:dot|DOT)(?=\s)(?<=\s...)")
# (written to start with one class or character, so sre skips ahead to it;
# the same lines as `(?i)://|www\.` and `[a-z0-9]\.[a-z]`)
_URL_GATE = re.compile(r"[:wW](?://|[wW][wW]\.)")
_DOMAIN_GATE = re.compile(r"\.(?<=[a-z0-9]\.)[a-z]")


def _lines_with(gate, text: str, start: int, end: int):
    """(a, b): from the start of each line where `gate` matches to the line's
    end plus its line break, in order."""
    pos = start
    while pos < end:
        g = gate.search(text, pos, end)
        if g is None:
            return
        a = max(start, text.rfind("\n", 0, g.start()) + 1)
        b = text.find("\n", max(g.start(), g.end() - 1))
        b = end if b < 0 else min(b + 1, end)
        yield a, b
        pos = b


def _finditer_lines(rx: re.Pattern, gate: re.Pattern, text: str, start: int, end: int):
    """rx.finditer(text, start, end) for a pattern whose matches never cross a
    line break and each contain a gate match: only those lines are scanned."""
    for a, b in _lines_with(gate, text, start, end):
        yield from rx.finditer(text, a, b)


def _has_bracketed(text: str, start: int, end: int) -> bool:
    """_BRACKETED.search(text, start, end) is not None: a match starts on one
    of its opening brackets, each found by str.find (memchr speed; sre tries
    its class at every character, ~4x slower on a page with a few brackets)."""
    for c in "[({<":
        i = text.find(c, start, end)
        while i >= 0:
            if _BRACKETED.match(text, i, end):
                return True
            i = text.find(c, i + 1, end)
    return False


BRACKETS_BY_FIND = True   # False: _BRACKETED.search (tests compare both)


def _email_matches(text: str, start: int, end: int):
    if (_has_bracketed(text, start, end) if BRACKETS_BY_FIND else _BRACKETED.search(text, start, end)):
        return EMAIL.finditer(text, start, end)   # `[at]`, `(dot)` may stand across lines
    return _finditer_lines(EMAIL, _AT_SIGNS if _wide_at(text) else _AT_SIGN, text, start, end)


def _wide_at(text: str) -> bool:
    """The text holds a full-width `＠` (an ASCII text, checked at once, does not)."""
    return not text.isascii() and "＠" in text


_AT_SIGN = re.compile("@")       # (a literal: sre skips ahead to it)
_AT_SIGNS = re.compile("[@＠]")


# crawler text with the line breaks lost: a top-level domain glued to the next
# field (`name(at)site(dot)orgwww.site.org`, `www.site.orgNext Heading`)
_GLUED_WWW = re.compile(rf"(?:\.|[\])}}>])(?:{_TLDS}|[a-z]{{2}})(?=www\.)")
_GLUED_WORD = re.compile(rf"\.(?:{_TLDS})(?=[A-Z][a-z]+(?:[^\w.]|$))")
_GLUED_WORD_EMAIL = re.compile(rf"(?:\.|[\])}}>])(?:{_TLDS})(?=[A-Z][a-z]+(?:[^\w.]|$))")
URL_GLUED = re.compile(URL.pattern[URL.pattern.index(")") + 1:], re.I)   # URL without its look-behind


def find_emails(text: str, start: int = 0, end: int | None = None, at_words: bool = False) -> list[Match]:
    """Plain and obfuscated addresses; with `at_words` (an e-mail label's
    value) also `name arroba domain.org`."""
    end = len(text) if end is None else end
    out: list[Match] = []
    for m in _email_matches(text, start, end):
        raw = m.group(0)
        at = raw.find("@") + 1 if "@" in raw else 0
        g = _GLUED_WWW.search(raw, at) or _GLUED_WORD_EMAIL.search(raw, at)
        if g:
            raw = raw[:g.end()]
        value, ok = normalise_email(raw)
        if "@" in value:
            out.append(Match(m.start(), m.start() + len(raw), raw, value, ok))
    starts = [o.start for o in out]
    # (most texts hold no `dot` at all: str.find asks that faster than sre)
    spelled = ((text.find("dot", start, end) >= 0 or text.find("DOT", start, end) >= 0)
               and _WORD_DOT_QUICK.search(text, start, end) and _WORD_DOT.search(text, start, end))
    words = EMAIL_WORDS.finditer(text, start, end) if spelled else ()
    if at_words:
        words = [*words, *EMAIL_AT_WORD.finditer(text, start, end)]
    for m in words:
        k = bisect.bisect_left(starts, m.end())
        if k and out[k - 1].end > m.start():
            continue   # overlaps a plain address
        value, ok = normalise_email(m.group(0))
        if "@" in value and not any(o.start < m.end() and m.start() < o.end for o in out[len(starts):]):
            out.append(Match(m.start(), m.end(), m.group(0), value, ok))
    if sum("@" in o.raw for o in out) < text.count("@", start, end):
        # an address written backwards for a style sheet to turn round
        # (`gro.elpmaxe@ofni`, shown as `info@example.org` by direction: rtl)
        for m in _finditer_lines(_REVERSED, _AT_SIGNS if _wide_at(text) else _AT_SIGN, text, start, end):
            r = m.group(0)[::-1].lower()
            if _STRICT.match(r) and _KNOWN_TLD.fullmatch(r.rsplit(".", 1)[1]) and not any(
                    o.start < m.end() and m.start() < o.end for o in out):
                out.append(Match(m.start(), m.end(), m.group(0), r, True))
        out.sort(key=lambda x: x.start)
    return out


# backwards: the reversed top-level domain first, no dot after the `@`
_REVERSED = re.compile(r"(?<![\w.%+\-])[a-zA-Z]{2,6}\.(?:[A-Za-z0-9\-]+\.)*[A-Za-z0-9\-]+@[\w%+'\-]*\w(?![\w@.])")
_KNOWN_TLD = re.compile(rf"(?:{_TLDS}|[a-z]{{2}})")


def normalise_website(raw: str) -> str:
    """With a scheme (`http://` added when missing), trailing punctuation off.

    >>> normalise_website("http://iom.by/en")
    'http://iom.by/en'
    """
    v = raw.strip().rstrip(_TRAIL)
    if not _SCHEME.match(v):
        v = "http://" + v
    return v


def _trim(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in _TRAIL:
        # keep a closing bracket that has its opening one inside
        if text[e - 1] == ")" and "(" in text[s:e - 1]:
            break
        e -= 1
    return e


def find_urls(text: str, start: int = 0, end: int | None = None, bare: bool = False) -> list[Match]:
    """Websites written with a scheme or `www.`; with `bare`, bare domains too."""
    end = len(text) if end is None else end
    if start or end != len(text):
        # a region (a label's value) is matched on its own: `Websitewww.x.org`
        return [Match(m.start + start, m.end + start, m.raw, m.value, m.valid)
                for m in find_urls(text[start:end], bare=bare)]
    out = []
    for m in _finditer_lines(URL, _URL_GATE, text, 0, len(text)):
        e = _trim(text, m.start(), m.end())
        g = _GLUED_WORD.search(text, m.start(), e)
        if g and "/" not in text[m.start():g.end()].split("//", 1)[-1]:
            e = g.end()
        raw = text[m.start():e]
        if "@" in raw or len(raw) < 5:
            continue
        out.append(Match(m.start(), e, raw, normalise_website(raw)))
    if "www." in text:
        # `...(dot)orgwww.site.org`: a site glued to the address before it
        for g in _GLUED_WWW.finditer(text):
            m = URL_GLUED.match(text, g.end())
            if not m or any(o.start <= m.start() < o.end for o in out):
                continue
            e = _trim(text, m.start(), m.end())
            w = _GLUED_WORD.search(text, m.start(), e)
            if w and "/" not in text[m.start():w.end()]:
                e = w.end()
            raw = text[m.start():e]
            if "@" not in raw and len(raw) >= 5:
                out.append(Match(m.start(), e, raw, normalise_website(raw)))
        out.sort(key=lambda x: x.start)
    if bare:
        for m in _finditer_lines(DOMAIN, _DOMAIN_GATE, text, 0, len(text)):
            e = _trim(text, m.start(), m.end())
            if any(o.start <= m.start() < o.end for o in out):
                continue
            raw = text[m.start():e]
            out.append(Match(m.start(), e, raw, normalise_website(raw)))
        out.sort(key=lambda x: x.start)
    return out
