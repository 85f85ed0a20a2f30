"""Sentence segmentation with offsets into the page text.

A sentence ends at `.`, `!` or `?` followed by space and a capital, a digit or
an opening quote (footnote marks such as `[6]` stay with the sentence), at a
hard line break, at a bullet (`•`, `·`), a table cell bar `|` or a tab. It does
not end after an abbreviation from data/events.toml [abbreviations] (`Prof.`,
`estb.`, `Nov.`), after an initial (`P.C. Mahalanobis`) or at a soft line break
(a line that runs on in lower case, or a long line cut mid-sentence).

>>> t = "IOM was founded in 1951. Prof. Kabir came in 1959.[2] It grew."
>>> [t[s:e] for s, e in split_sentences(t)]
['IOM was founded in 1951.', 'Prof. Kabir came in 1959.[2]', 'It grew.']
>>> t = "Founded by P.C. Mahalanobis in 1931\\nHeading\\n  • In 2004, a memo was\\nsigned. Then"
>>> [t[s:e] for s, e in split_sentences(t)]
['Founded by P.C. Mahalanobis in 1931', 'Heading', 'In 2004, a memo was\\nsigned.', 'Then']
>>> t = "Formation | 6 December 1951 |\\nStaff\\tabout 1.5 million people.Without status"
>>> [t[s:e] for s, e in split_sentences(t)]
['Formation', '6 December 1951', 'Staff', 'about 1.5 million people.', 'Without status']
"""
from __future__ import annotations

import re

from .dates import month_number
from ..data import load_toml


def _load_abbreviations() -> frozenset[str]:
    data = load_toml("events.toml")
    return frozenset(w.lower().rstrip(".") for w in data["abbreviations"]["words"])


ABBREVIATIONS = _load_abbreviations()

# Candidate boundary characters; each is checked in split_sentences (a one-character
# class scans fast; the checks run only where one of these stands).
_BOUNDARY = re.compile(r"[.!?…\n•·▪◦|\t]")
_TERM_TAIL = re.compile(r"[.!?…]*[\"'”’»)\]]*(?:\[\w{1,4}\])*")
_NEXT_START = re.compile(r"\s+[\"'“‘«(\[¿¡]*[^\W_a-z]", re.UNICODE)   # capital, digit
_WORD_BEFORE = re.compile(r"([\w.]*\w)[\"'”’)\]]*$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_STRIP = " \t\r\n\f\v\u00a0•·▪◦|*-–—"
_TERMINAL = ".!?:;|…"
_DAY_END = re.compile(r"(?<![\d.,/:-])\d{1,2}$")
_RUN_ON_WORDS = frozenset("in on at since until by from of the a an and or to for with into during "
                          "between than as am im seit bis von der die das le la les en de du des "
                          "el los las".split())


def runs_on(prev: str, nxt: str) -> bool:
    """True when a sentence runs on from line `prev` to line `nxt` (both trimmed):
    the next line goes on in lower case, or a long line was cut mid-sentence.

    >>> runs_on("The office was", "opened in 1996."), runs_on("Heading", "Text starts here.")
    (True, False)
    >>> runs_on("The office was opened in", "December 1996 in Minsk.")
    True
    """
    if not prev or prev[-1] in _TERMINAL or not nxt or nxt[0] in "•·▪◦|*-–—":
        return False
    if nxt[0].islower():
        return True
    # a line that stops on a preposition or article goes on (`opened in` / `December 1996`),
    # a long line cut mid-sentence (hard-wrapped text) too, not a heading. Every run-on
    # word ends in a small letter, so a line that ends otherwise (a date, a number, a
    # capital) is settled by its last character, without splitting off its last word.
    c = prev[-1]
    if not c.islower():
        if c.isdigit() and " " in prev[-3:-1] and nxt[0].isupper():
            # a date cut after its day (PDF text): `... volcano on 15` / `January 2022, ...`;
            # after a word in lower case (`Table 3` / `January 2022 figures` is a heading)
            # (character checks first: most lines that end in a digit end in a longer number)
            if not _DAY_END.search(prev[-4:]) or month_number(nxt[:12].split(None, 1)[0]) is None:
                return False
            before = prev[:-2].split()[-1:] if len(prev) > 2 else ()
            return bool(before) and before[0].isalpha() and before[0].islower()
        return c == "," and len(prev) >= 60
    return len(prev) >= 60 or prev.rsplit(None, 1)[-1] in _RUN_ON_WORDS


def _soft_break(text: str, nl: int, start: int, end: int) -> bool:
    """True when the line break at `nl` runs a sentence on to the next line."""
    ls = text.rfind("\n", start, nl) + 1
    if ls < start:
        ls = start
    ne = text.find("\n", nl + 1, end)
    if ne < 0:
        ne = end
    return runs_on(text[ls:nl].strip(), text[nl + 1:ne].strip())


_CLOSERS = "\"'”’)]"


def _word_before(text: str, lo: int, i: int) -> str | None:
    """`_WORD_BEFORE.search(text, lo, i).group(1)`, or None when it finds nothing.

    Why not the pattern: it tries every start in the 40 characters and backtracks
    through each word (most of a paragraph's split time); the word is simply the
    run of word characters and dots that ends at i, before closing quotes.

    >>> t = 'He met Prof. Kabir (U.S.) and "Smith".'
    >>> _word_before(t, 0, 11), _word_before(t, 0, 23), _word_before(t, 0, len(t) - 1), _word_before(t, 0, 25)
    ('Prof', 'U.S', 'Smith', None)
    """
    if i > lo and text[i - 1] == "\n":              # `$` may also match before this break
        m = _WORD_BEFORE.search(text, lo, i)
        return m.group(1) if m else None
    r = i
    while r > lo and text[r - 1] in _CLOSERS:
        r -= 1
    if r == lo or not (text[r - 1].isalnum() or text[r - 1] == "_"):   # \w
        return None
    s = r - 1
    while s > lo and (text[s - 1].isalnum() or text[s - 1] in "._"):
        s -= 1
    return text[s:r]


def _is_end(text: str, i: int, j: int, start: int) -> bool:
    """Does the end mark text[i:j] (followed by space) end a sentence?"""
    if not _NEXT_START.match(text, j):
        return False
    if text[i] != ".":
        return True
    word = _word_before(text, max(start, i - 40), i)
    if word is None:
        return True
    if word.isdigit() and len(word) <= 2:            # German ordinal day: `am 3. März 1952`
        nxt = _NEXT_WORD.match(text, j)
        return not (nxt and month_number(nxt.group(1)) is not None)
    if len(word) == 1 and word.isalpha():           # an initial: `P. Kabir`
        return False
    if "." in word and all(len(p) <= 2 for p in word.split(".")):   # `P.C`, `U.S`
        return False
    return word.lower() not in ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    stop: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as (start, end) offsets into text, trimmed of
    spaces and bullets; empty pieces are dropped. With `stop`, the scan ends once
    the next sentence would start at or after `stop` (a caller that wants only the
    sentences holding a number passes the end of the last one: the split of the
    long tail of a paragraph is skipped, the sentences before are the same)."""
    end = len(text) if end is None else end
    if stop is None:
        stop = end + 1
    out: list[tuple[int, int]] = []
    cur = start

    def emit(a: int, b: int) -> None:
        while a < b and (text[a] in _STRIP or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in _STRIP or text[b - 1].isspace()) and not (text[b - 1] == "-" and b - 2 >= a
                                                     and text[b - 2].isalnum()):
            b -= 1
        if a < b:
            out.append((a, b))

    pos = start
    while cur < stop:
        m = _BOUNDARY.search(text, pos, end)
        if m is None:
            break
        i = m.start()
        c = text[i]
        pos = i + 1
        if c in ".!?…":
            j = _TERM_TAIL.match(text, i + 1, end).end()
            pos = j                                  # a run of marks is looked at once
            if j < end and text[j].isspace():
                if _is_end(text, i, j, cur):
                    emit(cur, j)
                    cur = j
            elif (c != "…" and j == i + 1 and i + 2 < end and text[i + 1].isupper()
                  and text[i + 2].islower() and i - 2 >= start
                  and text[i - 1].islower() and text[i - 2].islower()):     # `people.Without`
                emit(cur, i + 1)
                cur = i + 1
        elif c == "\n":
            if not _soft_break(text, i, start, end):
                emit(cur, i)
                cur = i + 1
        else:                                        # bullet, cell bar, tab
            emit(cur, i)
            cur = i + 1
    else:
        return out
    emit(cur, end)
    return out
