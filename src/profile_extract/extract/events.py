"""Events: things that happened at a stated date, from prose.

Steps, each a small function:
1. regions: lines that are prose (not `Label: value` fact rows, citations,
   copyright or update stamps); a `Label: value` line whose value is running
   text keeps its value.
2. sentences (parse/sentences.py) of the blocks that hold a four-digit number,
   or a three-digit one after a strong trigger (`in 301`) (the cheap pre-check:
   most lines never get further); a sentence with a reference marker (`ISBN`,
   `©`) is skipped, the rest of its line is not.
3. date candidates in a sentence (anchored at each run of three to five digits:
   ISO, numeric, day/month-name and bare-year shapes), each judged by rules with names:
   - event.full_date / event.month_date / event.numeric_date: a day or month
     date in a prose sentence;
   - event.year: a bare year after a trigger word (`in`, `since`, `until`,
     `by` and `after` for past happenings, `NOUN of` for a happening noun);
     a three-digit year only after `in`/`since` in a past clause (`in 301`);
   - event.year_range: both ends of `from 1949 to 1971`, `between ... and`,
     `(1947-1965)` or `director 1949–1971` after a post someone held;
   - event.year_list: `in 1954 and 1981`;
   - event.year_established: `(estb. 1951)`, `(founded 1951)`, `1952 gegründet`;
   - event.timeline: `1996: office opened in Minsk`, `1996 – ...`, a day or month
     date opening its line (`Aug. 2009 – The home opens its doors.`, `Juin 2010 :
     Ouverture ...`, after a bullet); such date rows whose dates run backward are a
     news listing, and one with more text after it on its line is a dateline;
   - event.caption: a photo caption ending in a year (`..., 2011.`).
   A candidate is dropped when its clause is a plan (`will`, `by 2050`), a
   statistic (`there were 3,000`, `2.4 million`, `11%`, `equalled a fifth of
   GDP`, a trend: `the number of ... has grown`), metadata (`Retrieved`,
   `Updated`, `©`; `As of` only before a state, not before `became`), a name
   (`Act XV of 1920`, `Census 2011`), a measure (`2,018 kms`) or a relative or
   decade form. The statistic test reads the date's own clause: `..., killing
   9,000 people`, `walked 900 km and crossed ... on DATE`, `before reaching`
   and `that destroyed 2,000 files` are clauses of their own (a shared counted
   subject still counts: `A million people fled and reached ...`).
Word lists are data (data/events.toml), not code.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from dataclasses import fields
from functools import lru_cache
from itertools import compress, repeat

from ..findings import Finding
from ..ingest.segment import Doc
from ..parse.dates import CAPITALISED_ONLY, MONTHS, date_problem, month_number, parse_date
from ..parse.sentences import runs_on, split_sentences
from ..records import Event
from ..spans import Span
from ..data import load_toml


def _load_words() -> dict:
    return load_toml("events.toml")


W = _load_words()


def _alt(words) -> str:
    """A regex alternation of words/phrases, longest first; spaces match any whitespace."""
    uniq = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def _words(table: str, key: str = "words") -> frozenset[str]:
    return frozenset(w.lower() for w in W[table][key])


_YEAR = r"(?:1\d{3}|20\d{2})"
_I = re.IGNORECASE
_PAST_IRREGULAR = _words("verbs", "past_irregular")

# --- date candidates -------------------------------------------------------
# Every date ends in (or, for ISO, starts with) a run of four or five digits;
# the patterns below look just before or at that run, so the month-name check
# is a dict lookup, not a regex alternation scanned over the whole text.
# Digit patterns open with `_D1`: a class the regex engine skips to directly (an
# ASCII digit or any non-ASCII character), then checks that it is a digit; about
# twice as fast as a bare `\d` scan over long prose, with the same matches.
_D1 = r"[0-9\x80-\U0010FFFF](?<=\d)"
_Y_RUN = re.compile(_D1 + r"(?<!\d\d)\d{2,4}(?!\d)")   # (?<!\d)\d{3,5}(?!\d), the lookbehinds after the first digit
_ISO_AT = re.compile(r"(?<![\w/.-])\d{4}-\d{1,2}-\d{1,2}(?![\w/-]|\.\d)")
_NUM_BEFORE_Y = re.compile(r"(?<![\w/.,-])\d{1,2}(?P<s>[./-])\d{1,2}(?P=s)\s?$")
_MONTH_BEFORE_Y = re.compile(
    r"(?:(?<![\w.,])(?P<d1>\d{1,2})(?:st|nd|rd|th|er|\.|°|º)?\s*(?:of\s+|de\s+)?)?"
    r"(?<!\w)(?P<mn>[^\W\d_]{3,})\.?(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?,?\s*"
    r"(?:of\s+|de\s+|del\s+)?$", _I)
# a day and month before the end of a range whose year both share (`25 March to `, `3 mai – `)
_DAY_MONTH_BEFORE = re.compile(
    r"(?<![\w.,])\d{1,2}(?:st|nd|rd|th|er|\.|°|º)?\s*(?:of\s+|de\s+)?(?P<mn>[^\W\d_]{3,})\.?"
    rf"\s*(?:[-–—]|(?:{_alt(W['range']['end'])})(?=\s))\s*$", _I)
# the last word of a range end (`to`, `bis zum`) or a dash: the cheap test before _DAY_MONTH_BEFORE
_RANGE_LASTS = frozenset([w.split()[-1].lower() for w in W["range"]["end"]] + ["-", "–", "—"])
# ... and the three characters before the day that such a word leaves (`to `, ` à `, `– `):
# one slice and a set lookup rule out most days (`on 24 April`, `of 3 May`)
_RANGE_TAILS = frozenset((" " + w)[-2:] + " " for w in _RANGE_LASTS)
_AFTER_DATE_OK = re.compile(r"(?![.,]\d)")
# a letter or decimal right after the year, a decade (`1990s`, `1990's`, Russian `2000-х`, `1990-е`)
_AFTER_YEAR_BAD = re.compile(r"[^\W_]|[.,]\d|['’]s\b|[-‑](?:х|е|ые|ых|ым|ми)(?!\w)")


_TRIG3 = re.compile(rf"(?<![\w.])(?:{_alt(W['three_digit_years']['triggers'])})\s+$", _I)
_TRIG3_LAST = frozenset(w.split()[-1] for w in _words("three_digit_years", "triggers"))
_AFTER3 = _words("three_digit_years", "after") | _words("participles", "after_year")
_NOT_BEFORE3 = _words("three_digit_years", "not_before")
_PAST3 = _PAST_IRREGULAR | _words("three_digit_years", "past_words")
_AFTER3_END = re.compile(r"(?:[.;:!?)\]]|,(?!\s*\d)|\s*$)")
_AFTER3_WORD = re.compile(r"\s+([^\W\d_]+)(\s+\d)?")


def _short_year(text: str, p: int, q: int, start: int, end: int) -> bool:
    """A three-digit year: right after a strong trigger (`in 301`, `since 876`) and
    before the end of the clause or a word that cannot be counted (`in 301 AD`,
    `in 301 the king`); `in 301 cases`, `in 150, 301 and 450` are counts.

    >>> t = "It converted in 301. It did in 301 cases, in 150, 301 and 450. It was built in 301 AD."
    >>> [t[c.s:c.e] for c in _candidates(t, 0, len(t))]
    ['301', '301']
    """
    tail = text[max(start, p - 12):p].split()
    if not tail or tail[-1].lower() not in _TRIG3_LAST:    # the cheap check first
        return False
    t = _TRIG3.search(text, max(start, p - 16), p)
    if not t:
        return False
    before = text[start:t.start()]
    last = _WORD.findall(before[-24:])
    if (last and last[-1].lower() in _NOT_BEFORE3) or not _PAST.search(before.lower()) \
            and _PAST3.isdisjoint(w.lower() for w in _WORD.findall(before)):
        return False                                    # `is in 301, Main Street`
    if _AFTER3_END.match(text, q, end):
        return not text[q + 1:q + 2].isdigit()          # not `301.5`
    w = _AFTER3_WORD.match(text, q, end)
    return bool(w) and w.group(1).lower() in _AFTER3 and not w.group(2)


class _Cand:
    """A date candidate: offsets, shape (iso|num|dmy|mdy|my|year), month word and,
    for a day and month written without a year, the year it shares (`from 25
    March to 24 April 2022`)."""
    __slots__ = ("s", "e", "kind", "mn", "year")

    def __init__(self, s: int, e: int, kind: str, mn: str | None = None, year: str | None = None):
        self.s, self.e, self.kind, self.mn, self.year = s, e, kind, mn, year

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def __repr__(self) -> str:
        return f"_Cand({self.s}, {self.e}, {self.kind!r})"


_LONG_RUN = re.compile(r"[^\W\d_]{3,}")      # a whole run of three or more letters
# the only four-letter runs a match of _MONTH_BEFORE_Y can hold before its month
# word: an ordinal suffix glued to `of`/`de` (`5thof June`); on ASCII text these
# spellings in any case (a non-ASCII run may fold to one under (?i): `ſtof`)
_ORDINAL_OF = frozenset(o + w for o in ("st", "nd", "rd", "th", "er") for w in ("of", "de"))
_LONG_RUN_A = re.compile(r"[A-Za-z]{3,}")     # the same on ASCII text (a narrow class is faster)


def _month_before(text: str, ws: int, p: int):
    """`_MONTH_BEFORE_Y.search(text, ws, p)` when its month word is a month name, else None.

    Why it is cheaper: the month word of a match is a whole run of three or more
    letters; after it only `del` can be one. So the pattern is tried only when
    the last such run (or the one before a last `del`) is a month name, and from
    the end of the run before the month (two runs before when that one may be an
    ordinal glued to `of`/`de`: `5thof June`), as no match can start earlier.
    The runs are found as strings (no match objects); a run's place is its last
    occurrence before the next run's (letters there form no other run that long).
    A match ends in a letter, `,`, `.` or a space: any other character before the
    year (`Population (2018)`) rules it out before any scan.

    >>> t = "It met in Oslo on the 5th of June 2024, since 1994"
    >>> _month_before(t, 0, 34).group(0), _month_before(t, 0, 17), _month_before(t, 34, 46)
    ('5th of June ', None, None)
    """
    if p <= ws:
        return None
    c = text[p - 1]
    if not (c.isalnum() or c.isspace() or c == "," or c == "."):
        return None
    seg = text[ws:p]
    runs = (_LONG_RUN_A if seg.isascii() else _LONG_RUN).findall(seg)
    if not runs:
        return None
    j = len(runs) - 1
    if runs[j].lower() not in MONTHS:
        j -= 1
        if j < 0 or runs[j].lower() not in MONTHS:
            return None
        at = seg.rfind(runs[j], 0, seg.rfind(runs[j + 1]))
    else:
        at = seg.rfind(runs[j])                   # where the month word starts
    base = 0                                      # the search starts at ws + base
    if j > 0:
        w = runs[j - 1]
        at = seg.rfind(w, 0, at)
        if len(w) == 4 and (not w.isascii() or w.lower() in _ORDINAL_OF):
            if j > 1:                             # maybe an ordinal glued to `of`/`de`: part of the match
                w = runs[j - 2]
                base = seg.rfind(w, 0, at) + len(w)
        else:
            base = at + len(w)
    mo = _MONTH_BEFORE_Y.search(text, ws + base, p)
    # (month_number of a run of letters: nothing to strip, one lookup)
    return mo if mo and mo.group("mn").lower() in MONTHS else None


def _candidates(text: str, start: int, end: int) -> list[_Cand]:
    """Date candidates in text[start:end], left to right, not overlapping.

    >>> t = "On 29 November 2005, in 1999, Nov. 2005, 2005-11-29, 29.11.2005, the 1950s"
    >>> [(t[c.s:c.e], c.kind) for c in _candidates(t, 0, len(t))]
    [('29 November 2005', 'dmy'), ('1999', 'year'), ('Nov. 2005', 'my'), ('2005-11-29', 'iso'), ('29.11.2005', 'num')]
    """
    out: list[_Cand] = []
    pos = start
    for y in _Y_RUN.finditer(text, start, end):
        p, q = y.start(), y.end()
        if p < pos:
            continue
        if q - p == 3:
            if p > start and text[p - 1].isspace() and _short_year(text, p, q, start, end):
                out.append(_Cand(p, q, "year"))
                pos = q
            continue
        after = text[q:q + 1]
        if q - p == 4 and after == "-":                   # ISO needs `-` right after the year
            iso = _ISO_AT.match(text, p, end)
            if iso:
                out.append(_Cand(p, iso.end(), "iso"))
                pos = iso.end()
                continue
        if (after == "." or after == ",") and _AFTER_DATE_OK.match(text, q, end) is None:
            continue                                    # `1999.5`, `2005,3`
        # `d.m.` or `d.m. ` before the year (after a space, a separator must precede it)
        if p - start >= 4 and (text[p - 1] in "./-" or (text[p - 1] == " " and text[p - 2] in "./-")):
            num = _NUM_BEFORE_Y.search(text, max(start, p - 7), p)
            if num:
                out.append(_Cand(num.start(), q, "num"))
                pos = q
                continue
        mo = _month_before(text, max(pos, p - 34), p)
        if mo is not None:
            d1, mn, d2 = mo.group("d1", "mn", "d2")
            ms = mo.start()
            if d1 and text[ms - 3:ms] in _RANGE_TAILS and ms - pos > 8 \
                    and text[max(pos, ms - 12):ms - 1].rpartition(" ")[2].lower() in _RANGE_LASTS:
                # a range of days that shares the year: `from 25 March to 24 April 2022`
                # (the word before the day is looked up first: most days open no range)
                dm = _DAY_MONTH_BEFORE.search(text, max(pos, ms - 40), ms)
                if dm is not None and dm.group("mn").lower() in MONTHS:
                    out.append(_Cand(dm.start(), dm.end("mn"), "dmy", dm.group("mn"), text[p:q]))
            out.append(_Cand(mo.start(), q, "dmy" if d1 else ("mdy" if d2 else "my"), mn))
            pos = q
            continue
        if q - p != 4 or not ("1000" <= text[p:q] <= "2099"):
            continue
        if _AFTER_YEAR_BAD.match(text, q, end):
            continue
        out.append(_Cand(p, q, "year"))
        pos = q
    return out


_Y4 = re.compile(_D1 + r"\d{3}")              # \d{4}
_D3ANY = re.compile(_D1 + r"\d{2}")           # \d{3}
_D3 = re.compile(r"\s(?<=[^\W\d_]\s)\d{3}(?!\d)")     # a word, a space, three digits


def _has_year(text: str, start: int = 0, end: int | None = None) -> bool:
    """The cheap pre-check: a four-digit number, or a three-digit one right after a
    strong trigger (`in 301`). Hot: callers try `_Y4` inline first."""
    end = len(text) if end is None else end
    if _Y4.search(text, start, end):
        return True
    return _has_short_year(text, start, end)


def _has_short_year(text: str, start: int, end: int, scan: int | None = None) -> bool:
    """A three-digit number right after a strong trigger (`in 301`) in
    text[start:end], looking for the number from `scan` on."""
    m = _D3.search(text, start if scan is None else scan, end)
    while m is not None:
        p = m.end() - 3
        w = text[max(start, p - 12):p].split()
        if w and w[-1].lower() in _TRIG3_LAST:          # a loose pre-check; _short_year decides
            return True
        m = _D3.search(text, m.end(), end)
    return False


_BIG = 1 << 62

# --- what comes before a bare year -----------------------------------------
_QUAL = {k: (None if k == "none" else k) for k in W["year_triggers"]}
_TRIG_WORD = {w.lower(): _QUAL[k] for k, ws in W["year_triggers"].items() for w in ws}
# `after 1991`: an internal qualifier "after" that _judge checks (a past clause) and drops
_PAST_ONLY = _words("past_only_triggers")
_TRIG_WORD.update((w, "after") for w in _PAST_ONLY)
_RANGE_START = _words("range", "start")
_GLUED_TRIGGER = re.compile(rf"(?:^|\W)(?:{_alt(_TRIG_WORD)})$", _I)
_ESTB = re.compile(
    rf"(?:\(\s*(?:{_alt(W['participles']['words'])})\.?\s*"
    rf"|(?<!\w)(?:{_alt(W['participles']['abbreviations'])})\.?\s*)$", _I)
_PARTICIPLE_AFTER = re.compile(rf"\s+(?:{_alt(W['participles']['after_year'])})(?!\w)", _I)
# For ASCII text (?i) is plain lower-casing, so these patterns are tried only when
# the words they need are there: a word of the list first after the year, a
# participle or abbreviation last before it.
_AFTER_YEAR_FIRSTS = tuple(sorted({w.lower().split()[0] for w in
                                   list(W['after_year']['names']) + list(W['after_year']['counts'])}))
_ESTB_LASTS = tuple(sorted({w.lower().split()[-1] for w in
                            list(W['participles']['words']) + list(W['participles']['abbreviations'])}))


def _after_year_name(post: str):
    """`_AFTER_YEAR.match(post)`: a name or a count right after a year (`2011 Census`)."""
    if post.isascii() and not post.lstrip().lower().startswith(_AFTER_YEAR_FIRSTS):
        return None
    return _AFTER_YEAR.match(post)


def _estb_before(pre: str):
    """`_ESTB.search(pre)`: `(founded 1951`, `estb. 1951` (the year cut off)."""
    if pre.isascii():
        t = pre.rstrip()
        if not (t[:-1] if t.endswith(".") else t).lower().endswith(_ESTB_LASTS):
            return None
    return _ESTB.search(pre)


_HAPPENING_ONLY = _words("of_nouns", "happening")
_HAPPENING = _HAPPENING_ONLY | _words("of_nouns", "time")
_DOC_NOUNS = _words("document_nouns")
_OF_LINKS = frozenset(w.lower() for w in W["range"]["of_links"])
_NUMBER_MARKS = frozenset(w.lower() for w in W["range"]["number_marks"])
_RANGE_END = re.compile(rf"^\s*(?:[-–—]|(?:{_alt(W['range']['end'])})(?=\s))\s*$", _I)
_RANGE_NEXT = re.compile(rf"^\s*(?:[-–—]|(?:{_alt(W['range']['end'])})(?=\s))\s*{_YEAR}(?!\d)", _I)


def _names_document(words: list[str]) -> bool:
    """Do the words before `of/del/de/van YEAR` end in a document noun, maybe with its
    number (`Legge n. 28`, `Ley 5`, `volkstelling`)? The year is then part of a name.

    >>> _names_document(["la", "legge", "n", "28"]), _names_document(["ley", "5"])
    (True, True)
    >>> _names_document(["fundada"]), _names_document(["la", "guerra"])
    (False, False)
    """
    i = len(words) - 1
    skipped = 0
    while i >= 0 and skipped < 3 and (words[i] in _NUMBER_MARKS or any(c.isdigit() for c in words[i])):
        i -= 1
        skipped += 1
    return i >= 0 and words[i] in _DOC_NOUNS
_AND_OR = re.compile(r"\b(?:and|or)\b|&")
_LIST_LINK = re.compile(r"^\s*(?:,\s*(?:and|or|&)?|and|or|&|und|et|y|и)\s*$", _I)
_LIST_NEXT = re.compile(rf"^\s*(?:,|,?\s*(?:and|or|&|und|et|y|и))\s*{_YEAR}\b", _I)
_NUM_BEFORE = re.compile(r"(?:\d[\s.,/]?|[$€£¥+#№]\s*)$")
_DASH_RANGE_BEFORE = re.compile(rf"{_YEAR}\s*[-–—]\s*$")
_AFTER_YEAR = re.compile(
    rf"^\s*(?:{_alt(list(W['after_year']['names']) + list(W['after_year']['counts']))})(?!\w)", _I)
# `since 2019 workers have ...`: a count noun followed by a finite verb is a new subject
_SUBJECT_AFTER = re.compile(
    rf"^\s+(?:{_alt(W['after_year']['subjects'])})\s+(?:{_alt(W['after_year']['subject_verbs'])}"
    r"|(?-i:[a-z]{2,}ed))(?!\w)", _I)
# `the Foreign Employment Act, 2007`: a year after a comma that ends a document's name
_DOC_NAME_COMMA = re.compile(r"(?<![\w-])(?-i:[A-Z])[a-z]+\s*,\s*$")
_AGO_SEMI = re.compile(r"^\s*;\s*\d+\s+years?\s+ago")
_AGO = re.compile(r"^\W{0,3}(?:\d+\s+)?(?:years?|months?|days?)\s+ago\b", _I)
_POSTS = re.compile(rf"\b(?:{_alt(W['posts']['words'])})\b", _I)
_POST_END = re.compile(rf"(?<!\w)(?:{_alt(W['posts']['words'])})$", _I)
_BARE_RANGE_AFTER = re.compile(rf"\s*[-–—]\s*(?:{_YEAR}|present|today|now)(?!\w)", _I)
_HEAD_PREPS = frozenset("against between across near off over under along within".split())
_DETERMINERS = frozenset("the its their his her our this that".split())
# `the 2004 tsunami`, `the 2015 Nepal earthquake`: a year before a happening noun
_HAPPENING_AFTER = re.compile(r"\s+([^\W\d_][\w-]*)(?:\s+([^\W\d_]+)(?!\w))?")
_PAREN_RANGE_AFTER = re.compile(rf"^\s*[-–—]\s*(?:{_YEAR}|present|today|now)\s*\)", _I)
# (searched from four characters before the trailing spaces: a match cannot start earlier)
_GLUED_DAY = re.compile(r"[^\W\d_]\d{1,2}\.?\s+$")
_NOMINAL = _words("participles", "nominal")
_START_VERB = re.compile(rf"\s+(?:{_alt(W['participles']['sentence_start_verbs'])})\s", _I)
_TIMELINE_AFTER = re.compile(r"^\s*(?::\s|[-–—]\s*|,\s)\s*[^\W\d_]")
# `2006–2012: The Trust ran ...`: a timeline row dated by a span of years
_TIMELINE_RANGE_AFTER = re.compile(rf"^\s*[-–—]\s*{_YEAR}(?!\d)\s*(?::\s|[-–—]\s*)\s*[^\W\d_]")
_TIMELINE_COLON = re.compile(r"\s?:\s")
# bullet marks that may stand before a timeline row's date (`• 1998 – ...`, `- 1999: ...`)
_BULLETS = " \t\u00a0•·▪◦‣*-–—"

# --- metadata, plans, statistics --------------------------------------------
_LINE_MARKERS = tuple(w.lower() for w in W["meta_before"]["line_markers"])
_SENTENCE_MARKERS = tuple(w.lower() for w in W["meta_before"]["sentence_markers"])


def _gate(marker: str) -> str:
    """A character of the marker that is neither a letter nor a space (`^`, `(`, `:`),
    else the marker itself. One character is found by memchr, many times faster
    than a short marker such as `^ ` or `doi:`; a block without it lacks the marker."""
    return next((c for c in marker if not (c.isalpha() or c.isspace())), marker)


_LINE_GATES = tuple(map(_gate, _LINE_MARKERS))
_SENTENCE_GATES = tuple(map(_gate, _SENTENCE_MARKERS))


def _has_line_marker(s: str, markers=_LINE_MARKERS) -> bool:
    """A citation, footer or stamp marker (`Retrieved`, `All rights reserved`) in s.
    (A few substring searches beat one pattern with the markers as alternatives;
    mapped in C through `in`, no generator frame per marker.)"""
    return any(map(s.lower().__contains__, markers))


_MEASURE = _alt(W['statistic']['measure_units'])
_STAT_NUM = re.compile(
    rf"\d[\d,.]*\s*(?:%|(?:{_alt(W['statistic']['scale'])})\b)"
    # a grouped count; not a size (`a 1,200-bed hospital`) nor a distance (`a 4,000 km journey`)
    rf"|(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?![\d,]|-[^\W\d_]|\s?(?:{_MEASURE})(?!\w))"
    # the same with `.` thousands (`3.000 chilenos`, `12.500 Menschen`)
    rf"|(?<![\d.,])\d{{1,3}}(?:\.\d{{3}})+(?![\d.,]|-[^\W\d_]|\s?(?:{_MEASURE})(?!\w))"
    # the same with space thousands before a counted word (`12 500 ménages`, `41 000 patients`;
    # not an identifier: `décret 99 123.`)
    rf"|(?<![\d.,])(?<!\d[ \u00a0\u202f])\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?=\s[^\W\d_])(?!\s?(?:{_MEASURE})(?!\w))"
    rf"|\b(?i:{_alt(W['statistic']['approximate'])})\s+(?:[$€£]|(?i:usd|us\$)\s*)?\d")
# `_STAT_NUM.search` as two scans: its number branches with the digit first (a
# lookbehind after it), so the scan jumps from digit to digit, and the
# approximate-amount branch, tried only when they find nothing.
_STAT_NUM_D = re.compile(
    rf"\d(?:[\d,.]*\s*(?:%|(?:{_alt(W['statistic']['scale'])})\b)"
    rf"|(?<![\d.,]\d)\d{{0,2}}(?:,\d{{3}})+(?![\d,]|-[^\W\d_]|\s?(?:{_MEASURE})(?!\w))"
    rf"|(?<![\d.,]\d)\d{{0,2}}(?:\.\d{{3}})+(?![\d.,]|-[^\W\d_]|\s?(?:{_MEASURE})(?!\w))"
    rf"|(?<![\d.,]\d)(?<!\d[ \u00a0\u202f]\d)\d{{0,2}}(?:[ \u00a0\u202f]\d{{3}})+(?=\s[^\W\d_])(?!\s?(?:{_MEASURE})(?!\w)))")
_STAT_APPROX = re.compile(
    rf"\b(?i:{_alt(W['statistic']['approximate'])})\s+(?:[$€£]|(?i:usd|us\$)\s*)?\d")


def _stat_number(win: str) -> bool:
    """`_STAT_NUM.search(win) is not None`, faster; an approximate word that is the
    particle of a verb before it is no approximation (`handed over 40 boats`,
    `took over 3 schools`).

    >>> _stat_number("handed over 40 boats"), _stat_number("over 40 boats were handed")
    (False, True)
    """
    if _STAT_NUM_D.search(win) is not None:
        return True
    for a in _STAT_APPROX.finditer(win):
        if a.group(0)[:1].lower() in _PARTICLE_FIRSTS and _particle_of_verb(win, a.start(), a.group(0)):
            continue
        return True
    return False


# approximate words that are also verb particles (`handed over`, `brought about`, `turned around`)
_PARTICLE_APPROX = frozenset(("over", "about", "around"))
_PARTICLE_FIRSTS = frozenset(w[0] for w in _PARTICLE_APPROX)
_WORD_END = re.compile(r"([^\W\d_]+)\s+$")


def _particle_of_verb(win: str, at: int, found: str) -> bool:
    word = found.split()[0].lower()
    if word not in _PARTICLE_APPROX:
        return False
    v = _WORD_END.search(win, max(0, at - 24), at)
    if v is None:
        return False
    lw = v.group(1).lower()
    if lw in _STATIVE or lw in _AUX:
        return False                     # `rose over 40`, `was about 40`: an amount
    return lw in _PAST_IRREGULAR or (lw.endswith("ed") and _EDING.fullmatch(lw) is not None
                                     and lw not in _NOT_VERBS)


_DIGIT = re.compile(_D1)                     # \d
# --- word lists as lexicons: token lookups instead of long regex alternations ---
_TOK = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[%©&]")
# `_TOK` on ASCII text: the same tokens (on ASCII, \w is [A-Za-z0-9_]), a narrow class is faster
_TOK_A = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|[%&]")
_PUNCT = "()[]{}\"'“”‘’«»,.;:!?¿¡"


def _norm(phrase: str) -> str:
    return " ".join(_TOK.findall(phrase.lower()))


class _Lexicon:
    """Words and phrases of a list, found as whole tokens in a token list."""
    __slots__ = ("single", "phrases", "firsts")

    def __init__(self, words):
        normed = {_norm(w) for w in words} - {""}
        self.single = frozenset(w for w in normed if " " not in w)
        self.phrases: dict[str, tuple[str, ...]] = {}     # first word -> " phrase " forms
        for w in sorted(normed):
            if " " in w:
                first = w.split()[0]
                self.phrases[first] = self.phrases.get(first, ()) + (f" {w} ",)
        self.firsts = frozenset(self.phrases)

    def found_in(self, tj: "_Toks") -> bool:
        """`found` for a window's tokens: set intersections instead of a loop
        over the tokens; the joined form is built only when a phrase may match."""
        tset = tj.set
        if not self.single.isdisjoint(tset):
            return True
        if self.firsts.isdisjoint(tset):
            return False
        joined = tj.joined
        return any(p in joined for f in self.firsts.intersection(tset) for p in self.phrases[f])

    def found_few(self, toks: list[str]) -> bool:
        """`found` for a few tokens; the joined form is built only for a phrase."""
        single, phrases = self.single, self.phrases
        for t in toks:
            if t in single:
                return True
            if t in phrases:
                return self.found(toks, " " + " ".join(toks) + " ")
        return False

    def found(self, toks: list[str], joined: str) -> bool:
        """`joined` is " " + " ".join(toks) + " "."""
        single, phrases = self.single, self.phrases
        for t in toks:
            if t in single:
                return True
            ps = phrases.get(t)
            if ps is not None and any(p in joined for p in ps):
                return True
        return False


class _Toks:
    """A window's tokens, worked out once for every word-list test of it: the
    lower-case tokens (`toks`, as a set, and joined for phrases) and the tokens
    as written (`raw`)."""
    __slots__ = ("win", "lower", "toks", "set", "_joined", "_raw")

    def __init__(self, win: str):
        self.win = win
        self.lower = win.lower()
        self.toks = (_TOK_A if win.isascii() else _TOK).findall(self.lower)
        self.set = set(self.toks)
        self._joined = self._raw = None

    @property
    def joined(self) -> str:
        if self._joined is None:
            self._joined = " " + " ".join(self.toks) + " "
        return self._joined

    @property
    def raw(self) -> list[str]:
        if self._raw is None:
            self._raw = (_TOK_A if self.win.isascii() else _TOK).findall(self.win)
        return self._raw


def _toks(s: str) -> _Toks:
    return _Toks(s)


_FUTURE = _Lexicon(W["future"]["words"])
_STAT_WORDS = _Lexicon(list(W["statistic"]["words"]) + ["hundreds of", "thousands of",
                                                         "millions of", "dozens of"])
_QUANTITY = _words("statistic", "quantity_nouns")
_TREND = _words("statistic", "trend_verbs")
_SCALE = frozenset(w.lower() for w in W["statistic"]["scale"])
_NUMBER_WORDS = frozenset("a one two three four five six seven eight nine ten several many "
                          "half".split())
_META = _Lexicon(W["meta_before"]["words"])
_META_NEAR = _Lexicon(W["meta_before"]["near"] + W["meta_before"]["state"])
_STATE_STAMP = _Lexicon(W["meta_before"]["state"])
# every token that can start a `_META` or `_META_NEAR` match: none in the last words, no meta
_META_ANY = _META.single | _META.firsts | _META_NEAR.single | _META_NEAR.firsts


def _is_state_stamp(pre: str) -> bool:
    """`As of`, `Currently`: a stamp of a state, not of a page.

    >>> _is_state_stamp("As of "), _is_state_stamp("Copyright ")
    (True, False)
    """
    return _STATE_STAMP.found_few(_TOK.findall(pre[-24:].lower())[-2:])


def _past_happening(win: str, tj: "_Toks | None" = None) -> bool:
    """A past verb of a happening written in lower case (`became`, `was renamed`),
    not a state (`was`, `had`, `registered 40`) nor a heading in capitals.

    >>> _past_happening("it became a member"), _past_happening("it has 64")
    (True, False)
    >>> _past_happening("LIST OF STATES HAVING RECEIVED INVITATION")
    False
    """
    raw = tj.raw if tj is not None else (_TOK_A if win.isascii() else _TOK).findall(win)
    if not _PAST_IRREGULAR.isdisjoint(raw):
        return True
    for t in raw:
        if t.endswith("ed") and _EDING.fullmatch(t) and t not in _NOT_VERBS and t not in _STATIVE:
            return True
    return False


def _is_meta(pre: str) -> bool:
    """Citation, post, update or copyright words just before a date.

    >>> _is_meta("Archived from the original on "), _is_meta("passed the copyright law in ")
    (True, False)
    >>> _is_meta("Copyright "), _is_meta("As of ")
    (True, True)
    >>> _is_meta("The first edition was published in "), _is_meta("This page was last edited on ")
    (False, True)
    >>> _is_meta("The yearbook was released on "), _is_meta("Released on ")
    (False, True)
    >>> _is_meta("The ministry published the report in "), _is_meta("Photo: A. Smith, published ")
    (False, True)
    """
    tail = pre[-64:]
    if "-\n" in tail:                        # a word hyphenated at a line end (PDF text): `writ-\ning`
        tail = tail.replace("-\n", "")
    toks = (_TOK_A if tail.isascii() else _TOK).findall(tail.lower())
    far, near = toks[-5:], toks[-2:]
    if _META_ANY.isdisjoint(far):            # (near is part of far) no word of either list
        return pre.rstrip().endswith("©")
    if _META_NEAR.found_few(near) or pre.rstrip().endswith("©"):
        return True
    if not _META.found_few(far):
        return False
    # `The first edition was published in 1995` and `The ministry published the
    # report in 2005` are happenings told in prose; `was last edited on`, `Posted
    # on`, `Retrieved`, `Smith, published 3 May` are stamps
    if "last" in far:
        return True
    for i, t in enumerate(far):
        if t in _META.single or t in _META.phrases:
            if i > 0 and far[i - 1] in _PASSIVE:
                return False
            # an active verb with a subject and an object before the date
            if t.endswith("ed") and any(w not in _STAMP_LINKS for w in far[i + 1:]):
                for m in _SUBJECT_BEFORE.finditer(pre[-64:]):
                    if m.group(2).lower() == t and m.group(1).lower() not in _FUNCTION \
                            and m.group(1).lower() not in _META.single:
                        return False
    return True


_STAMP_LINKS = frozenset("on in at am le el".split())
_SUBJECT_BEFORE = re.compile(r"(?<![\w.,;:!?])([^\W\d_]{2,})\s+([^\W\d_]+ed)\b")


_YEAR_TOKEN = re.compile(_YEAR)
_PASSIVE = frozenset(("was", "were", "been", "is", "are", "first", "originally", "formally"))
_STATIVE = _words("statistic", "stative")
_SUBORDINATORS = _words("subordinators")
_AUX = frozenset("was were been is are be being got".split())
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve thirteen "
                         "fourteen fifteen twenty thirty forty fifty sixty seventy eighty ninety "
                         "hundred dozens hundreds thousands".split())


def _tail_words(pre: str, n: int = 64) -> tuple[list[str], list[str]]:
    """The last words before a date: (lower-case words stripped of punctuation, raw words)."""
    s = pre[-n:]
    raw = s.split()
    # lower() once for the slice: it neither makes nor removes spaces or the
    # punctuation stripped here, so the pieces line up with `raw`
    low = s.lower().split()
    if raw and len(pre) > n and not s[0].isspace():
        raw = raw[1:]                                   # a word cut by the slice
        low = low[1:]
    return [w.strip(_PUNCT) for w in low], raw


def _combos(triggers, tails) -> dict[str, str]:
    out = {}
    for t in triggers:
        for m in tails:
            out[" ".join((t + " " + m).lower().replace("-", " ").split())] = " ".join(t.lower().split())
    return out


_ALL_TRIGGERS = list(_TRIG_WORD) + list(_RANGE_START)
_YEAR_TRIGGERS = _combos(_ALL_TRIGGERS, [""] + list(W["year_modifiers"]["words"]))
_DATE_TRIGGERS = _combos(_ALL_TRIGGERS, ["", "on", "the"])
_MAX_TRIGGER_WORDS = max(len(k.split()) for k in _YEAR_TRIGGERS)
_DATE_TRIGGER_LASTS = frozenset(k.split()[-1] for k in _DATE_TRIGGERS if k.split())
_PERIOD_NOUNS = _words("range", "period_nouns")


_TRIGGER_FIRSTS = frozenset(k.split()[0] for k in list(_YEAR_TRIGGERS) + list(_DATE_TRIGGERS))


def _trigger(words: list[str], table: dict[str, str]) -> tuple[str, int] | None:
    """(trigger word, number of words it spans) ending the words, longest first."""
    for n in range(min(len(words), _MAX_TRIGGER_WORDS), 0, -1):
        if words[-n] not in _TRIGGER_FIRSTS:
            continue
        key = " ".join(words[-n:]).replace("-", " ").strip()
        if key in table:
            return table[key], n
    return None


def _is_statistic(win: str, tj=None) -> bool:
    """A statistic in the clause: a number with a scale word or percent, a grouped
    number, an approximate amount, `a million`, `there were`, `an estimated`.

    >>> _is_statistic("there were 3,000 people"), _is_statistic("Roughly a million people")
    (True, True)
    >>> _is_statistic("the 2 Billion Kilometers campaign was launched"), _is_statistic("IOM signed it")
    (False, False)
    >>> _is_statistic("IOM was present in 67 countries"), _is_statistic("it was signed by 26 states")
    (True, False)
    >>> _is_statistic("the share of women has risen"), _is_statistic("a large number of wounded")
    (True, False)
    """
    digit = _DIGIT.search(win) is not None
    if digit and _stat_number(win):
        return True
    tj = tj or _Toks(win)
    tset = tj.set
    if _STAT_WORDS.found_in(tj):
        return True
    if not _QUANTITY.isdisjoint(tset) and not _TREND.isdisjoint(tset):
        return True                                # `the number of arrivals has grown`
    # a scale word as written is also a token of the lower-cased window
    # (lower() never turns a separator into a letter): the set decides first
    raw = tj.raw if not _SCALE.isdisjoint(tset) else ()
    if raw and not _SCALE.isdisjoint(raw):
        for i in range(1, len(raw)):
            if raw[i] in _SCALE and raw[i - 1].lower() in _NUMBER_WORDS:
                return True
    # a state verb with a count: `was present in 67 countries`, `had 12 staff`,
    # `counts 155 members` (not `was signed by 26 states`: a participle between)
    if _STATIVE.isdisjoint(tset):
        return False
    if not digit and _COUNT_WORDS.isdisjoint(tset) and win.isascii():
        return False                     # no count after the verb can be there (ASCII: digits are \d)
    toks = tj.toks
    for i, t in enumerate(toks):
        if t in _STATIVE:
            if i and toks[i - 1] in _AUX and t.endswith("ed"):
                continue                 # a passive happening: `was registered in 1998 with 12`
            for k, u in enumerate(toks[i + 1:i + 4], i + 1):
                if (u[0].isdigit() and not _YEAR_TOKEN.fullmatch(u)) or u in _COUNT_WORDS:
                    if t not in _BE_HAVE and _distance_at(toks, k) and not _ARRIVAL.isdisjoint(toks[k:]):
                        break            # `covered 1,800 miles ... to reach X in May 2018`: a journey, no count
                    return True
                if _EDING.fullmatch(u) or u.endswith("en"):
                    break
    return False


_ARRIVAL = _words("statistic", "arrival_verbs")
_BE_HAVE = frozenset("is are was were has have had".split())   # `had 1,200 km of roads`: a state
_MEASURE_WORDS = frozenset(w.lower() for w in W["statistic"]["measure_units"] if " " not in w)


def _distance_at(toks: list[str], k: int) -> bool:
    """Is the number at toks[k] (its digit groups split into tokens) a distance?"""
    for u in toks[k + 1:k + 4]:
        if not u[0].isdigit():
            return u in _MEASURE_WORDS
    return False


def _is_future(win: str, tj=None) -> bool:
    """A plan or target marker in the clause.

    >>> _is_future("the office will move"), _is_future("it'll open"), _is_future("goodwill grew")
    (True, True, False)
    """
    tj = tj or _Toks(win)
    if _FUTURE.found_in(tj):
        return True
    return ("'ll" in tj.lower or "’ll" in tj.lower) and any(t.endswith(("'ll", "’ll")) for t in tj.toks)


_PAST = re.compile(r"\b(?:had|has|have|was|were|been|did)\b|\b[a-z]{3,}ed\b")
_CLAUSE_SPLIT = re.compile(
    r"[;:()\[\]]|,\s|\s(?:[–—-]\s"
    r"|(?:and|but|before|after|until|till|once)\s+"
    r"(?=(?:it|they|he|she|we|i|you|its|his|her|their|there)\b)"
    r"|(?:but|while|whereas|although|though|when|where|because)\s"
    # a relative clause with a past verb of its own: `a fire in 2003 that destroyed 2,000 files`
    rf"|(?:that|which|who)\s+(?=(?-i:[a-z]{{2,}}ed\b)|(?:{_alt(_PAST_IRREGULAR)})\b)"
    # a new predicate that shares the sentence's subject (group `co`): `The family
    # walked 900 km and crossed the border on ...`, `... before reaching the coast in ...`
    rf"|(?P<co>and\s+(?=(?-i:[a-z]{{2,}}ed\b)|(?:{_alt(_PAST_IRREGULAR)})\b"
    r"|(?:has|have|is|are|now|today|currently|still|will|shall|plans|aims|intends|hopes)\s)"
    r"|(?:before|after|without|since)\s+(?=(?-i:[a-z]{2,}ing\b))))", _I)
# Every `_CLAUSE_SPLIT` match holds one of these marks, or one of these words with
# spaces on both sides (a whitespace-split chunk of the lower-cased sentence);
# İ ı ſ are letters that (?i) matches to i and s where lower() does not (no split
# word has a k, so the Kelvin sign does not matter).
_SPLIT_MARKS = re.compile(r"[;:()\[\],\-–—\u0130\u0131\u017f]")
_SPLIT_WORDS = frozenset("and but before after until till once while whereas although though "
                         "when where because that which who without since".split())


def _may_split(s: str) -> bool:
    """False when `_CLAUSE_SPLIT` cannot match in s: one C-level check instead of the
    pattern's try at every space (most dated sentences are one clause).

    >>> _may_split("Mission hosted a conference in Oslo 5 June 2024"), _may_split("In 2004, it")
    (False, True)
    >>> _may_split("It opened in 1996 when the war ended"), _may_split("The Whence office opened")
    (True, False)
    """
    return _SPLIT_MARKS.search(s) is not None or not _SPLIT_WORDS.isdisjoint(s.lower().split())


_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?[-–—]\s")
_REFERENCE = re.compile(r"\b[A-Z]\.\s*(?:,|and\b|&|[A-Z]\.)|\bet al\b|\bpp?\.\s*\d|\bPress\b"
                        r"|\(eds?\.?\)|\bVol\.|\bJournal\b")
_CAPTION_END = re.compile(r"^[.)\]]?\s*$")

# --- prose -----------------------------------------------------------------
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*", re.UNICODE)
_WORD_A = re.compile(r"[A-Za-z]+")           # `_WORD` on ASCII text (a word is a run of letters)
_VERBS = _words("verbs") | _PAST_IRREGULAR | frozenset(
    p + "li" + st for p in _words("verbs", "swahili_subjects") for st in _words("verbs", "swahili_stems"))
_FUNCTION = _words("verbs", "function_words")
_NOT_VERBS = _words("verbs", "not_verbs")
_EDING = re.compile(r"[a-z]{2,}(?:ed|ing)")
# A verb by its ending: English -ed/-ing, or a Romance past tense (`abriu`, `criou`,
# `recebeu`, `abrió`, `fondò`) of five letters or more (a one-letter ending after a
# Latin letter). Every word `_VERBISH` matches ends in a pair of `_VERB_END2` (the
# cheap test first: one slice and a set lookup per word).
_PAST_ENDS = tuple(W["verbs"]["past_endings"])
_LATIN = "abcdefghijklmnopqrstuvwxyzñç"
_VERB_END2 = frozenset({"ed", "ng"} | {e for e in _PAST_ENDS if len(e) == 2}
                       | {c + e for e in _PAST_ENDS if len(e) == 1 for c in _LATIN})
_VERBISH = re.compile(
    r"[a-z]{2,}(?:ed|ing)"
    rf"|[^\W\d_]{{3,}}(?:{'|'.join(re.escape(e) for e in _PAST_ENDS if len(e) == 2)})"
    rf"|[^\W\d_]{{2,}}[{_LATIN}](?:{'|'.join(re.escape(e) for e in _PAST_ENDS if len(e) == 1)})")
_PARTICIPLE_LINE = re.compile(
    rf"^(?:{_alt(W['participles']['words'])})\s+(?:in|on|since|in\s+the\s+year)\s+\S", _I)
_LABEL = re.compile(r"^(?P<label>[^:\n]{1,60}?)\s*(?::|：|\s--\s)\s*(?P<value>.*)$")


def _is_prose(s: str) -> bool:
    """Running text rather than a label, heading, table value or stamp.

    >>> _is_prose("The guys pose for a photo in Izmir, before meeting smugglers,"), _is_prose("Saturday")
    (True, False)
    >>> _is_prose("Coronation of the Varenko dynasty"), _is_prose("Clara founded it after")
    (False, True)
    """
    # words one at a time: prose usually has its verb early, and the rest of a
    # long sentence need not be split into words (three words must be there)
    n = fw = 0
    verb = False
    for m in (_WORD_A if s.isascii() else _WORD).finditer(s):
        w = m.group()
        if not verb:
            lw = w.lower()
            if lw in _VERBS or ((n == 0 or w[0].islower()) and lw[-2:] in _VERB_END2
                                and _VERBISH.fullmatch(lw) and lw not in _NOT_VERBS):
                verb = True
            else:
                fw += lw in _FUNCTION
        n += 1
        if verb and n >= 3:
            return True
    return not verb and n >= 6 and fw >= 2


def _has_verb(s: str) -> bool:
    """
    >>> _has_verb("In the first month of"), _has_verb("a memo was signed")
    (False, True)
    """
    for i, m in enumerate((_WORD_A if s.isascii() else _WORD).finditer(s)):   # stops at the first verb
        w = m.group()
        lw = w.lower()
        if lw in _VERBS or ((i == 0 or w[0].islower()) and lw[-2:] in _VERB_END2
                            and _VERBISH.fullmatch(lw) and lw not in _NOT_VERBS):
            return True
    return False


_SENTENCE_END_IN = re.compile(r"[.!?]\s")
# a year label (`1996`, `in 1996`, a span `2006–2012`, after a bullet `- 1999`): a timeline row
_YEAR_LABEL = re.compile(r"\s*(?:[•·▪◦‣*-]\s*)?(?:in\s+)?\d{4}(?:\s*[-–—]\s*\d{4})?\s*", _I)


def _date_label(label: str) -> bool:
    """Is the label one day or month date and nothing else (`Aug. 2009`, `17.06.2019`)?
    Then `label: statement` is a timeline row, as `1996: ...` is.

    >>> _date_label("Aug. 2009"), _date_label(" 17.06.2019"), _date_label("Founded 2009")
    (True, True, False)
    """
    if len(label) > 24 or not label.rstrip()[-1:].isdigit():
        return False                    # (a date label ends in its year: most labels do not)
    return _date_label_kept(label)


@lru_cache(maxsize=1024)
def _date_label_kept(label: str) -> bool:
    a = len(label) - len(label.lstrip(_BULLETS))
    z = len(label.rstrip())
    c = _candidates(label, a, z)
    return len(c) == 1 and c[0].s == a and c[0].e == z and c[0].kind != "year"


def _label_value(line: str):
    """(label, value offset) when the line is a `Label: value` row, else None.

    >>> _label_value("Population (2015): 9.5 million")
    ('Population (2015)', 19)
    >>> _label_value("Survey 2019 was run in three rounds:") is None
    True
    """
    if ":" not in line and "：" not in line and ("-" not in line or "--" not in line):
        return None                    # _LABEL needs one of these; most lines have none
                                       # (`-` first: one character is found by memchr)
    split = _label_split(line)
    if split is None:
        return None
    le, vs = split
    label = line[:le]
    if "//" in line[le:le + 4] or not _label_ok(label):
        return None
    return label, vs


def _label_ok_plain(label: str) -> bool:
    """Can the text be a label: no sentence end, six words at most, no verb?"""
    if _SENTENCE_END_IN.search(label) or label.count(" ") > 5:
        return False
    if label.isascii():                # lower() keeps ASCII words whole: one set test
        return _VERBS.isdisjoint(_WORD.findall(label.lower()))
    return not any(w.lower() in _VERBS for w in _WORD.findall(label))


def _label_split(line: str) -> tuple[int, int] | None:
    """(end of the label, start of the value) of `_LABEL.match(line)`, or None.

    Why not the pattern alone: its lazy label tries the separator after every
    character. When the only separator a line can hold is `:` (no `：`, no `--`)
    and it neither starts with a space nor holds a line break, the label is the
    text before the first colon without its trailing spaces (1 to 60 characters)
    and the value starts after the spaces that follow the colon.

    >>> _label_split("Languages :Russian"), _label_split(":x"), _label_split("a" * 61 + ": x")
    ((9, 11), None, None)
    """
    if "：" in line or "--" in line or "\n" in line or line[:1].isspace():
        m = _LABEL.match(line)
        return None if m is None else (m.end("label"), m.start("value"))
    c = line.find(":")
    le = len(line[:c].rstrip())
    if c < 1 or le > 60:
        return None
    return le, len(line) - len(line[c + 1:].lstrip())


class _Sentence:
    """One sentence being judged, with its candidates and cached views."""
    __slots__ = ("text", "start", "end", "cands", "_prose", "_splits", "_subject", "_rest", "_tw", "_tj")

    def __init__(self, text: str, start: int, end: int, cands: list[_Cand] | None = None):
        self.text, self.start, self.end = text, start, end
        self.cands = _candidates(text, start, end) if cands is None else cands
        self._prose = None
        self._splits = None
        self._subject = None
        self._rest = None
        self._tw = self._tj = None

    def toks(self, win: str) -> "_Toks":
        """`_Toks(win)`, kept for the next date of the sentence with the same window
        (in a one-clause sentence every date's window is the same)."""
        if self._tw != win:
            self._tw, self._tj = win, _Toks(win)
        return self._tj

    def rest(self) -> str:
        """The sentence with every date cut out (joined by spaces)."""
        if self._rest is None:
            pieces, pos = [], self.start
            for m in self.cands:
                pieces.append(self.text[pos:m.s])
                pos = m.e
            pieces.append(self.text[pos:self.end])
            self._rest = " ".join(pieces)
        return self._rest

    def subject_end(self) -> int:
        """Where the sentence's first verb starts: the text before it is the
        subject a later `and crossed ...` predicate shares."""
        if self._subject is None:
            self._subject = self.start
            for i, w in enumerate(_WORD.finditer(self.text, self.start, self.end)):
                lw = w.group().lower()
                if lw in _VERBS or ((i == 0 or w.group()[0].islower()) and lw[-2:] in _VERB_END2
                                    and _VERBISH.fullmatch(lw)
                                    and lw not in _NOT_VERBS):
                    self._subject = w.start()
                    break
        return self._subject

    @property
    def s(self) -> str:
        return self.text[self.start:self.end]

    def prose(self) -> bool:
        if self._prose is None:
            self._prose = _prose_kept(self.rest()) or bool(_PARTICIPLE_LINE.match(self.s))
        return self._prose

    def clause_on(self, cs: int) -> str:
        """The sentence from the start of the clause that holds `cs` (after window())."""
        pieces = self._splits
        if not pieces or len(pieces) == 1:
            return self.text[self.start:self.end]
        k = max(0, bisect_right(pieces, (cs, _BIG)) - 1)
        return self.text[pieces[k][0]:self.end]

    def _minor(self, piece) -> bool:
        """An empty clause piece or a subordinate clause (`when ...`, `which ...`)."""
        w = _WORD.search(self.text, piece[0], piece[1])
        return w is None or w.group().lower() in _SUBORDINATORS

    def window(self, cs: int, ce: int) -> str:
        """The date's clause (and its neighbours when the clause is only the
        date phrase, `In 2004, ...`), with the date itself cut out."""
        text = self.text
        pieces = self._splits
        if pieces is None and not _may_split(text[self.start:self.end]):
            pieces = self._splits = [(self.start, self.end, False)]   # one clause
        if len(pieces or ()) == 1:
            return self.rest()        # one clause: every date's window is the sentence without its dates
        if pieces is None:
            inside = [(m.s, m.e) for m in self.cands]
            bounds, shared = [self.start], [False]
            for b in _CLAUSE_SPLIT.finditer(text, self.start, self.end):
                bs = b.start()
                if any(a <= bs < z for a, z in inside):
                    continue
                co = b.start("co") >= 0
                if co and not _new_predicate(text, b.end(), self.end):
                    continue                       # `and displaced persons`, `and hundreds`
                bounds += (b.start(), b.end())
                shared.append(co)
            bounds.append(self.end)
            # clause pieces between splitters, each with "shares the sentence's subject"
            pieces = self._splits = [(bounds[i], bounds[i + 1], shared[i // 2])
                                     for i in range(0, len(bounds) - 1, 2)]
        k = max(0, bisect_right(pieces, (cs, _BIG)) - 1)
        a, z, co = pieces[k]
        # a shared-subject predicate keeps its subject: `A million people fled and
        # reached the coast in 2015` is a statistic, `The family ... and crossed` is not
        subj = self.subject_end() if co else self.start
        if subj > a:
            subj = self.start
        own = text[a:cs] + " " + text[ce:z]
        ranges = [(a, z)] if subj <= self.start else [(self.start, subj), (a, z)]
        if k + 1 < len(pieces) and pieces[k + 1][2] and not _PAST.search(own.lower()):
            nxt = _WORD.search(text, pieces[k + 1][0], pieces[k + 1][1])
            if nxt and nxt.group().lower() in _FUTURE_LINKS:
                ranges.append(pieces[k + 1][:2])   # `In 2026 the office opens and will ...`
        if len(pieces) > 1 and not _has_verb(own):      # (one piece: no neighbours to add)
            # extend to the nearest non-empty neighbours that are not subordinate
            # clauses (`In 1996, when ... were displaced, the mission was set up`)
            ranges = [(a, z)]
            i = k - 1
            while i >= 0 and self._minor(pieces[i]):
                i -= 1
            if i >= 0:
                ranges.insert(0, pieces[i][:2])
            j = k + 1
            while j < len(pieces) and self._minor(pieces[j]):
                j += 1
            # up to the piece with the verb (`In 2018, the agency and its partners
            # distributed ...` is split before `its`), three pieces at most
            for j in range(j, min(j + 3, len(pieces))):
                ranges.append(pieces[j][:2])
                if _has_verb(text[pieces[j][0]:pieces[j][1]]):
                    break
        # every date in the window is cut out: `29 May 2004` is not a count
        parts = []
        for ra, rz in ranges:
            pos = ra
            for m in self.cands:
                if m.e <= ra or m.s >= rz:
                    continue
                parts.append(text[pos:max(pos, m.s)])
                pos = max(pos, m.e)
            parts.append(text[pos:rz])
        return " ".join(parts)


_AFTER_VERB = re.compile(r"\s+([^\W\d_]+)")
_FUTURE_LINKS = frozenset("will shall plans aims intends hopes".split())
# `... and has 120 members`, `... and will move in 2026`: a present or future predicate
_PRESENT_LINKS = frozenset("has have is are now today currently still will shall plans aims "
                           "intends hopes".split())
_APPROX_WORDS = frozenset(w for w in _words("statistic", "approximate") if " " not in w) | {"more"}
_PARTICLES = _FUNCTION | frozenset("into across over through up out back off down away home "
                                   "there here it them him us".split())


def _new_predicate(text: str, pos: int, end: int) -> bool:
    """Does the past verb at `pos` (after `and`) start a predicate, not an adjective?
    A verb goes on with a function word, a particle or a name (`and crossed into`,
    `and reached the coast`, `and reached Europe`); an adjective with a noun
    (`and displaced persons`, `and trained teachers`).

    >>> t = "and crossed into Egypt / and displaced persons / and reached Oslo / and fled."
    >>> [_new_predicate(t, i, len(t)) for i in (4, 29, 53, 72)]
    [True, False, True, True]
    >>> _new_predicate("and killed nearly 9,000 people", 4, 30)
    True
    """
    w = _WORD.match(text, pos, end)
    if w is None or w.group().lower() in _NOT_VERBS:
        return False
    if w.group().lower() in _PRESENT_LINKS:
        return True                                # `... and has 120 members today`
    nxt = _AFTER_VERB.match(text, w.end(), end)
    if nxt is None:
        return True                                # `... and fled.`
    n = nxt.group(1).lower()
    return nxt.group(1)[0].isupper() or n in _PARTICLES or n in _COUNT_WORDS \
        or n in _APPROX_WORDS or n.endswith("ly")   # `and killed nearly 9,000`, `and quickly spread`


def _year_rule(sent: _Sentence, m, prev) -> tuple[str, str | None, str | None] | None:
    """(rule, qualifier, range role) for a bare year, or None when it is not an event.
    `prev` is the previous accepted year candidate in the sentence as
    (match, qualifier, role)."""
    text = sent.text
    cs, ce = m.s, m.e
    pre = text[max(sent.start, cs - 48):cs]
    post = text[ce:min(sent.end, ce + 40)]
    if post[:2] in ("s ", "s") or _AGO.match(post):
        return None
    if _after_year_name(post) and not (_SUBJECT_AFTER.match(post) and _GLUED_TRIGGER.search(pre.rstrip()[-16:])):
        return None                          # `in 2000 km`, `2011 Census`; not `since 2019 workers have`
    rp = pre.rstrip()
    # (the end-anchored patterns below are tried only where their last mark stands)
    dn = _DOC_NAME_COMMA.search(pre) if rp.endswith(",") else None
    if dn and dn.group(0).split(",")[0].strip().lower() in _DOC_NOUNS:
        return None                          # `the Immigration Act, 1999`: part of the name
    glued = bool(pre) and pre[-1].isalpha()
    if glued:
        g = _GLUED_TRIGGER.search(pre[-12:])
        return ("event.year", _TRIG_WORD.get(g.group(0).strip(" (").lower()), None) if g else None
    # second end of a range / list after an accepted year
    if prev is not None:
        pm, pq, prole = prev
        between = text[pm.e:cs]
        if prole == "start" and _RANGE_END.match(between):
            return "event.year_range", "until", "end"
        if _LIST_LINK.match(between):
            if prole == "end" and _BARE_RANGE_AFTER.match(post):
                return "event.year_range", "since", "start"   # `1990–1994 and 1998–2002`
            if "," not in between or _AND_OR.search(between) or _LIST_NEXT.match(post):
                return "event.year_list", pq, prole
    if (rp.endswith(("-", "–", "—")) and _DASH_RANGE_BEFORE.search(pre)) \
            or _NUM_BEFORE.search(pre, max(0, len(rp) - 2)):
        return None
    if _estb_before(pre[-20:]) or _PARTICIPLE_AFTER.match(post):
        return "event.year_established", None, None
    stripped = pre.rstrip(" \t\n\u00a0-")
    if stripped.endswith("(") and _PAREN_RANGE_AFTER.match(post):
        # a term after a post someone held, or the span of a happening (`the civil war (1992-1997)`)
        before = _tail_words(stripped[:-1], 40)[0]
        if _POSTS.search(text, max(sent.start, cs - 80), cs) \
                or any(w in _HAPPENING_ONLY for w in before[-3:]):
            return "event.year_range", "since", "start"
    if not stripped or not stripped[-1].isalpha():
        if stripped.endswith(",") and _CAPTION_END.match(post):
            return _caption(sent, cs)
        return _timeline(sent, cs, post)
    words, raw = _tail_words(stripped)
    t = _trigger(words, _YEAR_TRIGGERS)
    if t:
        word, n = t
        if word in _OF_LINKS and _names_document(words[:-n]):
            return None                      # `Legge n. 28 del 1994`, `volkstelling van 2012`
        if word in ("from", "between") or (word in _RANGE_START and (word not in _TRIG_WORD
                                                                    or _RANGE_NEXT.match(post))):
            if any(w in _PERIOD_NOUNS for w in words[-n - 3:-n]):
                return None
            nx = _RANGE_NEXT.match(post)
            if nx is not None and _after_year_name(post[nx.end():]) and not _SUBJECT_AFTER.match(post[nx.end():]):
                return None                  # `from 1500 to 2000 dollars`: a range of amounts
            return "event.year_range", "since", "start"
        if word in _PAST_ONLY and (any(w in _PERIOD_NOUNS for w in words[-n - 3:-n])
                                   or _reduced_relative(words[:-n], raw[:-n])):
            return None                      # `in the years after 1945`, `schools built after 2000`
        return "event.year", _TRIG_WORD.get(word), None
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _HAPPENING:
        return "event.year", None, None
    rng = _BARE_RANGE_AFTER.match(post)
    if rng and _POST_END.search(stripped) and not _AFTER_YEAR.match(post[rng.end():]):
        return "event.year_range", "since", "start"       # `was director 1949–1971`
    if words and words[-1] in _DETERMINERS:
        h = _HAPPENING_AFTER.match(post)
        if h and _happening_head(post, h):
            return "event.year", "happening", None        # `after the 1999 elections`: past only
    return _timeline(sent, cs, post)


_CLAUSE_LINKS = frozenset("who which that and or but it they he she we i you had has have was "
                          "were been is are be being then later also finally only soon never "
                          "first again".split())


def _reduced_relative(words: list[str], raw: list[str]) -> bool:
    """Do the words end in `noun + participle` (`the schools built`, `data collected`),
    a participle that describes the noun rather than telling a happening? (`The
    party, banned ...` after a comma tells one.)

    >>> w = ["all", "the", "buildings", "constructed"]
    >>> _reduced_relative(w, w), _reduced_relative(["party", "banned"], ["party,", "banned"])
    (True, False)
    >>> _reduced_relative(["he", "returned"], ["he", "returned"])
    False
    """
    if len(words) < 2 or len(raw) < 2 or raw[-2].endswith((",", ";", ":")):
        return False
    w1, w0 = words[-1], words[-2]
    if not (w1 in _PAST_IRREGULAR or (_EDING.fullmatch(w1) and w1.endswith("ed"))):
        return False
    return w0.isalpha() and w0 not in _CLAUSE_LINKS and w0 not in _FUNCTION \
        and not w0.endswith("ly")


_HEAD_END = re.compile(r"\s+([^\W\d_]+)")


def _happening_head(post: str, h) -> bool:
    """Is a happening noun the head of the words after the year (`the 2004 tsunami
    destroyed`, `the 2015 Nepal earthquake.`), not a modifier in a name (`the 2015
    war crimes report`, `the 2010 flood victims`)?"""
    for g in (1, 2):
        w = h.group(g)
        if w and w.lower() in _HAPPENING_ONLY:
            nxt = _HEAD_END.match(post, h.end(g))
            if nxt is None:
                return True
            n = nxt.group(1).lower()
            return n in _PARTICLES or n in _VERBS or n in _HEAD_PREPS \
                or (_EDING.fullmatch(n) is not None and n not in _NOT_VERBS)
    return False


def _caption(sent: _Sentence, cs: int):
    """`A boy carries water in Dadaab, 2011.`: a photo caption ending in a year."""
    body = sent.text[sent.start:cs]
    if len(_WORD.findall(body)) >= 6 and _is_prose(body) and not _REFERENCE.search(body):
        return "event.caption", None, None
    return None


def _timeline(sent: _Sentence, cs: int, post: str):
    """`1996 – The office opened in Minsk`: a year starting a line, a dash or
    colon, and a clause with a verb (`2019 - 2020 Annual Report` is a title);
    `1994 saw the opening of ...`; a bullet may stand before the date (`• 1998 – ...`),
    and a row dated by a span of years with a verb gives both ends (`2006–2012: The
    Trust ran ...`)."""
    if cs != sent.start and sent.text[sent.start:cs].strip(_BULLETS):
        return None
    if _TIMELINE_AFTER.match(post):
        rest = sent.text[cs:sent.end]
        if (_has_verb(rest) and sent.prose()) \
                or any(w.lower() in _NOMINAL for w in _WORD.findall(rest)[:8]):
            return "event.timeline", None, None
    elif _TIMELINE_RANGE_AFTER.match(post):
        if _has_verb(sent.text[cs:sent.end]) and sent.prose():
            return "event.year_range", "since", "start"
    if _START_VERB.match(post):
        return "event.year", None, None
    return None


def _date_qualifier(pre: str, prev) -> tuple[str | None, str | None]:
    """(qualifier, range role) from the words before a day or month date."""
    if prev is not None and prev[2] == "start":
        return None, None
    if not pre or not pre[-1].isspace():
        return None, None
    # every trigger ends in one of a few words: the last word decides first
    rp = pre.rstrip()
    last = rp.rsplit(None, 1)[-1].strip(_PUNCT).lower().replace("-", " ").split() if rp else ()
    if last and last[-1] not in _DATE_TRIGGER_LASTS:
        return None, None
    t = _trigger(_tail_words(rp, 32)[0], _DATE_TRIGGERS)
    if not t:
        return None, None
    word = t[0]
    if word in ("from", "between") or (word in _RANGE_START and word not in _TRIG_WORD):
        return "since", "start"
    return _TRIG_WORD.get(word), None


_HEADLINE_PRE = re.compile(r"(?:^|\n)[^\W\d_][^\n.:;,!?()]*\s[a-z]+\s+$")


def _headline_date(pre: str, post: str) -> bool:
    """Does a date end its line right after a bare word, with no trigger before it (`New
    clinic opens in Gulu 3 May 2024`)? Such a line is a dated list item: a headline, a post.

    >>> _headline_date("\\nLibrary extends opening hours ", ""), _headline_date("\\nIt opened on ", "")
    (True, True)
    >>> _headline_date("\\nLibrary extends opening hours ", " and more")
    False
    """
    if post.strip() and not post.lstrip(" \t").startswith("\n"):
        return False
    # the pattern ends in `\s[a-z]+\s+$`: the last word must be ASCII lower case
    last = pre.rsplit(None, 1)[-1] if pre.strip() else ""
    if not (pre[-1:].isspace() and last.isascii() and last.isalpha() and last.islower()):
        return False
    # `_HEADLINE_PRE.search(pre)`: a match starts at 0 or at a line break
    if _HEADLINE_PRE.match(pre) is not None:
        return True
    nl = pre.find("\n", 1)
    while nl >= 0:
        if _HEADLINE_PRE.match(pre, nl) is not None:
            return True
        nl = pre.find("\n", nl + 1)
    return False


def _names_happening(pre: str) -> bool:
    """Does the date name the time of a happening noun (`the cyclone of May 2008`,
    `the earthquake in April 2015`)? Its toll is then no statistic of the date.

    >>> _names_happening("The cyclone of "), _names_happening("The number of migrants in ")
    (True, False)
    """
    words = _tail_words(pre.rstrip(), 40)[0]
    return len(words) >= 2 and words[-1] in ("of", "in", "on") and words[-2] in _HAPPENING_ONLY


_DATE_RULES = {"iso": "event.numeric_date", "num": "event.numeric_date", "dmy": "event.full_date",
               "mdy": "event.full_date", "my": "event.month_date"}


# --- verdicts on a string, kept --------------------------------------------
# Pure tests of one string (a sentence with its dates cut out, a clause window,
# the words before a date) are kept by the string: the same clause comes back
# with another date (`Mission opened an office in Riverton 3 May 2021`), the
# same table label on every page of a site. lru_cache bounds the entries and
# strings longer than _KEEP_LEN are judged afresh, so the memory stays bounded.
_KEEP = 4096              # entries of each memo (lru_cache)
_KEEP_LEN = 300           # longer strings are not kept


def _kept(fn):
    """fn(s), kept for strings up to _KEEP_LEN characters."""
    cached = lru_cache(maxsize=_KEEP)(fn)

    def kept(s: str):
        return cached(s) if len(s) <= _KEEP_LEN else fn(s)
    kept.cache = cached
    return kept


_prose_kept = _kept(_is_prose)
_label_ok = _kept(_label_ok_plain)      # (labels come back on every page of a site: `Population (2018)`)
_meta_kept = _kept(_is_meta)


def _plan_or_count_plain(win: str) -> tuple[bool, bool]:
    """(a plan, a count) in a window; a window with a plan is not read for a count
    (it is dropped whatever the count: False)."""
    tj = _Toks(win)
    if _is_future(win, tj):
        return True, False
    return False, _is_statistic(win, tj)


def _told_past_plain(win: str) -> bool:
    return bool(_PAST.search(win) or _past_happening(win))


_plan_or_count = _kept(_plan_or_count_plain)   # (_is_future, _is_statistic unless a plan) of a window
_told_past = _kept(_told_past_plain)           # a past tense or a past happening in a window


def _date_pre_plain(pre: str) -> tuple[bool, str | None, str | None] | None:
    """What the words before a day or month date say: None when they drop it (glued
    to a word, `<document> of`, a label's colon, metadata), else (a state stamp
    such as `As of`, qualifier, range role) when no range is open before it."""
    rp = pre.rstrip()
    # (`_GLUED_DAY` ends in `\s+$`: only a pre that ends in a space can match)
    if pre and (pre[-1].isalpha() or pre[-1].isdigit()) \
            or pre[-1:].isspace() and _GLUED_DAY.search(pre, max(0, len(rp) - 4)):
        return None                                      # `Formation11 December 1946`
    # `<document> of DATE`: only when the last word before the date is `of`
    words, raw = _tail_words(rp, 40) if rp.rstrip(_PUNCT)[-2:].lower() == "of" else ((), ())
    if len(words) >= 2 and words[-1] == "of":
        if words[-2] in _DOC_NOUNS or any(c in raw[-2] for c in "0123456789/()") \
                or (len(words) >= 3 and words[-3] in _DOC_NOUNS):
            return None
    if rp.endswith(":"):
        return None                                      # `Posting Date: February 21, 2010`
    state = False
    if _meta_kept(pre):
        if not _is_state_stamp(pre):
            return None
        state = True
    return (state,) + _date_qualifier(pre, None)


_date_pre = _kept(_date_pre_plain)
_headline_kept = lru_cache(maxsize=_KEEP)(_headline_date)   # (the words before a date are 48 characters at most)


def _judge(sent: _Sentence, m, prev):
    """(rule, qualifier, role) for one candidate, or None."""
    text = sent.text
    cs, ce = m.s, m.e
    kind = m.kind
    pre = text[max(sent.start, cs - 48):cs]
    post = text[ce:min(sent.end, ce + 40)]
    state = False                                        # `As of 2016, it became ...`
    if kind == "year":
        res = _year_rule(sent, m, prev)
        if res is None:
            return None
        if _meta_kept(pre):
            if not _is_state_stamp(pre):
                return None
            state = True
        rule, q, role = res
    else:
        mname = m.mn
        if mname and mname.lower() in CAPITALISED_ONLY and not mname[0].isupper():
            return None
        if kind in ("iso", "num") and pre.endswith("(") and post.startswith(")"):
            return None                                  # `(1946-12-11)` repeating a date
        if _AGO.match(post) or _AGO_SEMI.match(post):
            return None
        timeline = False
        if cs - sent.start <= 40 and _DATELINE_AFTER.match(post) \
                and not any(w[0].islower() for w in _WORD.findall(pre)):
            # a dateline (`SOFIA, March 3, 2015 — ...`), unless the date opens the
            # sentence and a dated statement follows: a timeline row
            # (`Aug. 2009 – The maternity home opens its doors.`)
            tl = _timeline(sent, cs, post)
            if tl is None or tl[0] != "event.timeline":
                return None
            timeline = True
        elif post[:2] in (": ", " :") and _TIMELINE_COLON.match(post):
            # `Juin 2010 : Ouverture du centre`: a timeline row with a colon
            tl = _timeline(sent, cs, post)
            timeline = tl is not None and tl[0] == "event.timeline"
        before = _date_pre(pre)
        if before is None:
            return None
        state, q, role = before
        rule = "event.timeline" if timeline else _DATE_RULES[kind]
        if prev is not None and prev[2] == "start":
            # (_date_qualifier gives no qualifier after an open range)
            q, role = ("until", "end") if _RANGE_END.match(text[prev[0].e:cs]) else (None, None)
    if rule != "event.timeline" and not sent.prose():
        return None
    win = sent.window(cs, ce)
    future, statistic = _plan_or_count(win)
    if future or (statistic and q != "happening" and not _names_happening(pre)):
        return None
    if q == "by" and not (_PAST.search(win) and _PAST.search(sent.clause_on(cs))):
        return None              # `..., and by 2030 every village has ...`: no past from the date's clause on
    if kind != "year" and q is None and role is None and _headline_kept(pre, post) \
            and not _told_past(win):
        return None                                      # `Library extends opening hours 3 Jan 2025`
    if state and (not _past_happening(win, sent.toks(win)) or _DIGIT.search(win)):
        return None                  # `As of May 2016, it has 64 branches`, `... 40 had signed`
    if q in ("after", "happening"):
        if not _told_past(win):
            return None                                  # `children born after 2010 are ...`
        q = None
    return rule, q, role


def _regions(doc: Doc) -> list[tuple[int, int, bool]]:
    """(start, end) ranges of prose, block by block (runs of non-blank lines),
    only for blocks that hold a four-digit number (a list: no generator hops)."""
    text = doc.text
    out: list[tuple[int, int, bool]] = []
    block: list = []
    for line in doc.lines + [None]:
        if line is not None and line.text:
            block.append(line)
            continue
        if block:
            a, z = block[0].start, block[-1].end
            n = _D3ANY.search(text, a, z)                # most blocks: no number, one scan
            if n is not None:
                b = n.start()
                if _Y4.search(text, b, z) is not None:
                    _block_regions(text, block, out)
                elif _has_short_year(text, a, z, max(a, b - 1)):
                    _block_regions(text, block, out, True)   # `in 301` alone: rare
        block = []
    return out


_ELLIPSES = frozenset("….")


def _is_excerpt(line: str) -> bool:
    """A line cut out of another text at both ends (`… our office opened in 2004 and
    covers …`): a search-result teaser or a quoted snippet, no statement of the page.

    >>> _is_excerpt("… the office opened in 2004 and …"), _is_excerpt("... in 2004 ..."), _is_excerpt("… 2004.")
    (True, True, False)
    """
    t = line.strip()
    return t.startswith(("…", "...")) and t.endswith(("…", "...")) and len(t) > 6


def _block_regions(text: str, lines, out: list, short: bool = False) -> None:
    """Runs of prose lines that a sentence may cross (joined by soft line
    breaks), cut at lines that are not prose; only runs that hold a year
    (a three-digit one only when `short`); appended to `out` as (start, end,
    whether the block holds a reference marker such as `ISBN` at all)."""
    run = None                                    # [start, end, has_year]
    prev = ""
    # a marker in a line is a marker in its block: one scan of the block first
    lb = text[lines[0].start:lines[-1].end].lower()     # (`_has_line_marker` of the block, lowered once)
    # (mapped in C, no generator frames: a marker is looked for only when its gate is there)
    has = lb.__contains__
    markers = any(map(has, compress(_LINE_MARKERS, map(has, _LINE_GATES))))
    refs = any(map(has, compress(_SENTENCE_MARKERS, map(has, _SENTENCE_GATES))))
    for ln in lines:
        s = ln.text
        has_year = _Y4.search(s) is not None or (short and _has_short_year(s, 0, len(s)))
        if has_year:
            if (markers and _has_line_marker(s)) or (s[:1] in _ELLIPSES and _is_excerpt(s)):
                if run is not None and run[2]:
                    out.append((run[0], run[1], refs))
                run, prev = None, ""
                continue
            lv = _label_value(s)
            if lv is not None:
                if run is not None and run[2]:
                    out.append((run[0], run[1], refs))
                run, prev = None, ""
                label, off = lv
                value = s[off:]
                # a year label is a timeline row `1996: ...`: keep the label
                keep = _YEAR_LABEL.fullmatch(label) is not None or _date_label(label)
                vwords = _WORD.findall(value)
                # (a dated row keeps a short statement too: `2004: Registered with the ministry.`)
                if (len(vwords) >= 5 and _is_prose(value)) \
                        or (keep and (any(w.lower() in _NOMINAL for w in vwords[:8])
                                      or (_has_verb(value) and _prose_kept(value)))):
                    out.append(((ln.start if keep else ln.start + off), ln.end, refs))
                continue
        if run is not None and runs_on(prev, s):
            run[1] = ln.end
            run[2] = run[2] or has_year
        else:
            if run is not None and run[2]:
                out.append((run[0], run[1], refs))
            run = [ln.start, ln.end, has_year]
        prev = s
    if run is not None and run[2]:
        out.append((run[0], run[1], refs))


# What a sentence yields, kept by its text with two characters either side (the
# judging looks no further: a lookbehind at its first character, `in 301` before
# `\n5`), so a sentence seen before (a table row, a footer, a template line that
# every page of a site repeats) is not split into candidates and judged again.
_MEMO: dict[str, tuple] = {}
_MEMO_MAX = 8192          # entries (then it starts afresh): at most ~2.5 M characters of keys
_MEMO_LEN = 300           # longer sentences (1 in 200 of real pages' dated ones) are not kept
_SPLIT_WHOLE = 160        # regions up to this length are split whole (no stop after the last number)


# The verdict on a sentence's only date, kept by the text around it: (text before,
# shape, month word, text after). The judging reads the words around a date and
# its shape, never its digits (they are cut out of the windows, and no pattern
# reaches into them), so `Mission opened an office in Riverton 3 May 2021` and
# `... 4 June 2019` share the verdict of `... <day> <month> <year>` per month
# word. The date itself is parsed each time. Only for ASCII dates (the choice of
# the ASCII word pattern reads the date's characters) and one date per sentence
# (a second date's words before it would hold the first one's digits).
_ONE: dict[tuple, tuple | None] = {}


def _judged(text: str, ss: int, se: int) -> tuple:
    """The dates the sentence text[ss:se] yields, in order, as (start, end, rule,
    qualifier, parsed) with offsets from ss; `parsed` is parse_date's tuple, or
    the reason (a str) for an impossible date of a prose sentence (a finding)."""
    cands = _candidates(text, ss, se)
    if len(cands) != 1 or se - ss > _MEMO_LEN:
        return _judged_all(text, ss, se, cands)
    m = cands[0]
    if not text[m.s:m.e].isascii():
        return _judged_all(text, ss, se, cands)
    key = (text[ss:m.s], m.kind, m.mn, text[m.e:se])
    res = _ONE.get(key, False)
    if res is False:
        if len(_ONE) >= _MEMO_MAX:
            _ONE.clear()
        res = _ONE[key] = _judge(_Sentence(text, ss, se, cands), m, None)
    if res is None:
        return ()
    row = _dated(text, ss, se, m, res[0], res[1], None)
    return () if row is None else (row,)


def _dated(text: str, ss: int, se: int, m: _Cand, rule: str, q, sent: _Sentence | None):
    """The output row of an accepted candidate, or None for an impossible date
    outside prose (the sentence `sent` is built only then when not given)."""
    raw = text[m.s:m.e]
    parsed = parse_date(raw if m.year is None else f"{raw} {m.year}")
    if parsed is None:
        parsed = date_problem(raw)
        if not parsed or not (sent or _Sentence(text, ss, se)).prose():
            return None
    return m.s - ss, m.e - ss, rule, q, parsed


def _judged_all(text: str, ss: int, se: int, cands: list[_Cand]) -> tuple:
    """`_judged` with every candidate judged afresh, in order (a range or list reads
    the candidate before)."""
    sent = _Sentence(text, ss, se, cands)
    prev = None
    out = []
    for m in cands:
        res = _judge(sent, m, prev)
        if res is None:
            if m.kind == "year" and prev is not None and prev[2] == "start" \
                    and not _RANGE_END.match(text[prev[0].e:m.s]):
                prev = None
            continue
        rule, q, role = res
        row = _dated(text, ss, se, m, rule, q, sent)
        if row is None:
            continue
        out.append(row)
        if not isinstance(row[4], str):
            prev = (m, q, role)
    return tuple(out)


def extract_events(doc: Doc) -> tuple[list[Event], list[Finding]]:
    """Events of a page, and `rejected_record` findings for impossible dates.

    >>> evs, _ = extract_events(Doc.from_text(
    ...     "Updated: February 2016\\nIt has taken part since 1994. On 29 November 2005 it joined."))
    >>> [(e.date, e.precision, e.qualifier, e.date_text, e.rule) for e in evs]
    [('1994', 'year', 'since', '1994', 'event.year'), ('2005-11-29', 'day', None, '29 November 2005', 'event.full_date')]
    """
    text = doc.text
    findings: list[Finding] = []
    if not _has_year(text):
        return [], findings
    rows: list[tuple] = []                            # an event's fields, in Event's order
    spans: list[int] = []                             # start, end, sentence start, sentence end
    ascii_page = text.isascii()
    tlen = len(text)
    for rs, re_, refs in _regions(doc):
        # a sentence needs three digits in a row: the split of a long region stops
        # after the last run (any later stop is right too: on ASCII text, after the
        # last digit, ten C-level searches that beat a scan of a long paragraph);
        # a short region is split whole (finding its stop costs more than its tail)
        stop = None
        if re_ - rs > _SPLIT_WHOLE:
            if ascii_page:
                stop = max(map(text.rfind, "0123456789", repeat(rs), repeat(re_))) + 1
            else:
                stop = rs
                for n in _D3ANY.finditer(text, rs, re_):
                    stop = n.end()
        for ss, se in split_sentences(text, rs, re_, stop):
            if _Y4.search(text, ss, se) is None and (_D3.search(text, ss, se) is None
                                                     or not _has_year(text, ss, se)):
                continue
            if refs and _has_line_marker(text[ss:se], _SENTENCE_MARKERS):
                continue                      # a reference or a credit (`ISBN`, `©`)
            key = text[ss - 2:se + 2] if ss >= 2 and se + 2 <= tlen and se - ss <= _MEMO_LEN else None
            got = _MEMO.get(key) if key is not None else None
            if got is None:
                got = _judged(text, ss, se)
                if key is not None:
                    if len(_MEMO) >= _MEMO_MAX:
                        _MEMO.clear()
                    _MEMO[key] = got
            sentence = None
            for a, b, rule, q, parsed in got:
                ms, me = ss + a, ss + b
                raw = text[ms:me]
                if isinstance(parsed, str):            # an impossible date: why
                    findings.append(Finding.warning(
                        "rejected_record", f"event rejected: {parsed}: {raw!r}",
                        Span(ms, me), snippet_text=raw, rule=rule))
                    continue
                if sentence is None:                  # shared by the sentence's events
                    sentence = text[ss:se]
                rows.append(parsed + (raw, sentence, None, None, q, rule))
                spans += (ms, me, ss, se)
    if rows:
        rows, spans = _drop_datelines(text, rows, spans)
    if len(rows) > 1:
        rows, spans = _drop_news_listing(rows, spans)
    return _events(rows, spans), findings


def _drop_datelines(text: str, rows: list[tuple], spans: list[int]) -> tuple[list[tuple], list[int]]:
    """A day or month date that opens a line before a dash is a timeline row only when
    its statement is the whole line; more text after it on the line makes the date a
    dateline over a report (`3 May 2024 – The agency opened ... . It said ...`).

    >>> t = "3 May 2024 – The office opened. Its head said more."   # (a dash after the date)
    >>> rows = [("2024-05-03", "day", None) + (None,) * 6 + ("event.timeline",)]
    >>> len(_drop_datelines(t, rows, [0, 10, 0, 31])[0]), len(_drop_datelines(t[:31], rows, [0, 10, 0, 31])[0])
    (0, 1)
    """
    drop = []
    for i, r in enumerate(rows):
        if r[-1] == "event.timeline" and r[1] != "year" \
                and text[spans[4 * i + 1]:spans[4 * i + 1] + 3].lstrip()[:1] in ("-", "–", "—"):
            se = spans[4 * i + 3]
            nl = text.find("\n", se)
            if text[se:nl if nl >= 0 else len(text)].strip():
                drop.append(i)
    return _without(rows, spans, set(drop)) if drop else (rows, spans)


def _drop_news_listing(rows: list[tuple], spans: list[int]) -> tuple[list[tuple], list[int]]:
    """Rows that open with a day or month date (`12 May 2024 – Clinic opens in Gulu`)
    are a timeline when their dates run forward, and a news listing (post dates and
    headlines, no events) when they mostly run backward, newest first.

    >>> r = [("2024-05-12", "day", 3), ("2024-05-03", "day", 2), ("2024-04-28", "day", 1)]
    >>> rows = [x + (None,) * 6 + ("event.timeline",) for x in r]
    >>> len(_drop_news_listing(rows, [0] * 12)[0]), len(_drop_news_listing(rows[::-1], [0] * 12)[0])
    (0, 3)
    """
    idx = [i for i, r in enumerate(rows) if r[-1] == "event.timeline" and r[1] != "year"]
    if len(idx) < 2:
        return rows, spans
    starts = [rows[i][2] for i in idx]
    back = sum(b < a for a, b in zip(starts, starts[1:]))
    forward = sum(b > a for a, b in zip(starts, starts[1:]))
    if back <= forward:
        return rows, spans
    return _without(rows, spans, set(idx))


def _without(rows: list[tuple], spans: list[int], drop: set[int]) -> tuple[list[tuple], list[int]]:
    """The rows (and their four span offsets each) whose index is not in drop."""
    keep = [i for i in range(len(rows)) if i not in drop]
    return [rows[i] for i in keep], [v for i in keep for v in spans[4 * i:4 * i + 4]]


# Events and their spans are built column by column, as segment.split_lines builds
# lines: object.__new__ and the slot descriptors run by map in C (a frozen
# dataclass's __init__ costs one object.__setattr__ per field, ten for an Event,
# and an HTML page has tens of events). Event has no __post_init__ and the spans
# hold 0 <= start <= end by construction (Span's own check would pass).
_new = object.__new__
_consume = deque(maxlen=0).extend
_EVENT_SETTERS = tuple(getattr(Event, f.name).__set__ for f in fields(Event))
_SPAN_START, _SPAN_END = Span.start.__set__, Span.end.__set__
_EVENT_SPAN, _EVENT_SENTENCE_SPAN = Event.span.__set__, Event.sentence_span.__set__


def _events(rows: list[tuple], spans: list[int]) -> list[Event]:
    """Events from rows of their fields (the two span fields left None) and, per
    event, four offsets: its start and end, its sentence's start and end."""
    n = len(rows)
    evs = list(map(_new, repeat(Event, n)))
    for setter, column in zip(_EVENT_SETTERS, zip(*rows)):
        _consume(map(setter, evs, column))
    sp = list(map(_new, repeat(Span, 2 * n)))
    _consume(map(_SPAN_START, sp, spans[0::2]))
    _consume(map(_SPAN_END, sp, spans[1::2]))
    _consume(map(_EVENT_SPAN, evs, sp[0::2]))
    _consume(map(_EVENT_SENTENCE_SPAN, evs, sp[1::2]))
    return evs
