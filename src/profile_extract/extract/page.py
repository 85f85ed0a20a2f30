"""Page metadata: title, country, updated stamp (runs first: the page country
becomes doc.country_iso2, the default region of phone numbers).

* title: the page's main heading. On HTML pages (doc.extra["headings"], as
  ingest/html.py reports them) the first `<h1>`, unless it is a site-part name
  (`News`, `Footer`) directly above a more specific heading (a generic word such
  as `Impressum` over its own content is the title), else the infobox title, else
  the highest-level other heading. On text pages the first heading-like line at
  the top, skipping site chrome (`Close`, skip links, accessibility bars, menus
  and breadcrumbs separated by `|`, `>`, `›` or ` / `, menus glued into one word,
  rows of page tools such as `Edit | Print`, document numbers `Press release
  No. 12`, browse links, photo credits, form labels, story teasers) and a site
  header above a navigation bar; a headline directly above a byline wins over a
  section label before it, a `Profile: X` line over a site name; prose, quotes,
  addresses and table rows end the search (no title). Menus are also cells set
  apart by wide spaces or ` · ` and one-line rows of navigation words (data/page.toml
  `nav_words`, many languages), trails also `About us / Our history`. Position
  decides between two headings: one glued under the menu or trail (no blank line)
  is the site's name when a heading set apart by a blank line follows over a blank
  line or prose (unless it is itself a page word such as `Contact`); a short
  section label right under the menu gives way to a headline of twice its words
  over prose; `ACRONYM | Name` over the menu is the site's name; in crawler text a
  page word glued to the block under the menu (`ContactSlovenian ...`) is the title.
  A PDF's running header (the same line over every page) is no title; a headline may
  open with a quote (`"We walked 300 km": ...`) or be in a script without capitals.
* country: the country the page is about when the text names it. Each mention
  scores (name 1, an official long form `The X Republic` 1.5; adjective 0.3 before
  an institution word such as `embassies`, `Red Cross`, else 0.1; in the title +2;
  a dateline `Place, Country` at the top 4; in an address or after `based in` 0;
  in a list of three or more countries 0.2; after `from`/`fleeing` or inside a
  quote half). The best country wins when it scores 0.3 or more (3 when the title
  names an international organisation), at least 1.5 times the next one and more
  than half of all (lists aside) unless the title names it, unless the page is a
  directory of several address blocks and its title does not name the country.
  A title (or the masthead line above it) naming country A's embassy or consulate
  makes the page about its host: A's mentions count nothing. A name inside a city's
  name (`Mexico City`, `Santiago de Chile`) is no mention; `from Town in eastern X`
  counts half, as `from X` does. A page whose only evidence is the country line of
  its only address takes that country, unless it names an international body.
  Offices in the named country whose e-mails share one domain are one body's, no
  directory.
* updated: an explicit update stamp (`Updated: February 2016`, `Last Change:
  16/06/2010`, `Last Updated On: 06/01/2017` day first, `Stand: März 2024`,
  `This page was last edited on 3 November 2025`, `As of January 2010` heading a
  list, `KEY DATA (as of March 2024)`) as an ISO partial date; bylines and post
  dates are not stamps, nor are a listing's (`Page · updated 3 May 2023` under each
  search result, with other dates). Labels of other languages (`Fecha de actualización`,
  `Terakhir diperbarui`, `Imesasishwa`) and month names come from data/page.toml;
  they are looked for when the built-in labels find no stamp on the page.
  is_update_stamp_label(label) tells extract/facts.py which rows are stamps.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter

from ..ingest.segment import Doc, Line
from ..parse.countries import ADJECTIVE, NAME, find_countries, lookup_kind
from ..records import PageInfo
from ..spans import Span
from ..data import load_toml

HEAD_LINES = 40          # title search: this many non-blank lines at the top
COUNTRY_CHARS = 60_000   # country search: this much text


@dataclass(frozen=True)
class _Data:
    chrome: re.Pattern
    site_chrome: re.Pattern
    stop: re.Pattern
    generic: re.Pattern
    orgs: re.Pattern
    seat: re.Pattern
    origin: re.Pattern
    institution: re.Pattern
    tools: re.Pattern
    mission: re.Pattern
    donor: re.Pattern
    donor_heading: re.Pattern
    nav_word: re.Pattern             # a whole menu cell / breadcrumb step (`About us`, `Inicio`)
    nav_find: re.Pattern             # the same words inside a line
    nav_glued: re.Pattern            # one opening a line, glued to a capitalised word (`ContactSlovenian`)
    donor_low: re.Pattern | None     # donor / origin without IGNORECASE, for lower-cased text
    origin_low: re.Pattern | None
    # The longest word of each seat / donor / origin phrase, lower case: a stretch of the
    # lower-cased page holding none of them cannot match (a cheap test before the pattern).
    seat_keys: tuple = ()
    donor_keys: tuple = ()
    origin_keys: tuple = ()
    mission_keys: tuple = ()         # (and of the mission words: a line holding none names no mission)


def _keys(phrases) -> tuple:
    keys = {max(p.lower().split(), key=len) for p in phrases}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))   # `donor` covers `donors`


def _any_in(keys, s: str) -> bool:
    for k in keys:                     # (a plain loop: cheaper than any() over a generator)
        if k in s:
            return True
    return False


def _low_twin(words, make) -> re.Pattern | None:
    """make(lower-cased words) compiled without IGNORECASE: the same matches on lower-cased
    text (lower_text), unless a word holds a character lower() and (?i) treat differently."""
    low = [w.lower() for w in words]
    if any(len(a) != len(b) or _FOLD_ODD.search(a) for a, b in zip(low, words)):
        return None
    return re.compile(make(low))


def _whole(patterns) -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.IGNORECASE)


def _phrase_pattern(phrases) -> str:
    """The phrases as one alternation, in the order given; a space matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in phrases)


def _by_length(words) -> list:
    return sorted(set(words), key=len, reverse=True)


def _nav_phrase(w: str) -> str:
    return re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")


@lru_cache(maxsize=1)
def _data() -> _Data:
    d = load_toml("page.toml")
    orgs = sorted(d["organisations"], key=len, reverse=True)
    seat = sorted(d["seat_words"], key=len, reverse=True)
    origin = sorted(d["origin_words"], key=len, reverse=True)
    donor = sorted(d["donor_words"], key=len, reverse=True)
    nav = "|".join(map(_nav_phrase, _by_length(d["nav_words"])))   # (one alternation, three patterns)
    return _Data(
        chrome=_whole(d["chrome_lines"] + d["site_chrome_lines"]),
        site_chrome=_whole(d["site_chrome_lines"]),
        stop=_whole(d["stop_lines"]),
        generic=_whole(d["generic_headings"]),
        orgs=re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, orgs)) + r")(?![^\W\d_]|-)"),
        seat=re.compile(r"(?i:\b(?:" + "|".join(map(re.escape, seat)) + r"))\s*[:|]?\s*(?:[A-Z][\w.'’-]*\s*){0,3},?\s*$"),
        origin=re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, origin)) + r")\s+(?:the\s+)?$"),
        origin_low=_low_twin(origin, lambda ws: r"\b(?:" + "|".join(map(re.escape, ws)) + r")\s+(?:the\s+)?$"),
        institution=re.compile(r"(?i)\s+(?:" + _phrase_pattern(sorted(d["institution_words"], key=len, reverse=True))
                               + r")\b"),
        tools=_whole(d["page_tools"]),
        mission=re.compile(r"(?i:" + _phrase_pattern(sorted(d["mission_words"], key=len, reverse=True)) + r")\b"),
        donor=re.compile(r"(?i)\b(?:" + _phrase_pattern(donor) + r")\b[^.!?]{0,80}$"),
        donor_low=_low_twin(donor, lambda ws: r"\b(?:" + _phrase_pattern(ws) + r")\b[^.!?]{0,80}$"),
        donor_heading=re.compile(r"(?i)^(?:[\w-]+\s+){0,3}(?:" + _phrase_pattern(_by_length(d["donor_headings"]))
                                 + r")(?:\s+[\w-]+){0,3}\s*:?$"),
        nav_word=_whole([nav]),
        nav_find=re.compile(r"(?i)(?<![\w'’-])(?:" + nav + r")(?![\w'’-])"),
        nav_glued=re.compile(r"(?i:" + nav + r")(?=[A-ZÀ-Þ][a-zà-ÿ])"),
        seat_keys=_keys(d["seat_words"]),
        donor_keys=_keys(d["donor_words"]),
        origin_keys=_keys(d["origin_words"]),
        mission_keys=_keys(d["mission_words"]),
    )


# --- dates -------------------------------------------------------------------

def _foreign_months() -> dict[str, int]:
    """Month names in other languages, from data/page.toml `[month_names]` (read once)."""
    d = load_toml("page.toml")
    return {k.casefold(): int(v) for k, v in d.get("month_names", {}).items()}


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_FOREIGN_MONTHS = _foreign_months()
# English first (most stamps): an English stem that starts a foreign name (`mar` of `marzo`,
# `jan` of `janúar`) captures the whole word or fails on its first non-ASCII letter, so the
# order changes no match; the long alternation of foreign names is tried only after.
_MON = (r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
        r"|(?:" + "|".join(map(re.escape, sorted(_FOREIGN_MONTHS, key=len, reverse=True))) + r")\b\.?)")
_DATE = re.compile(
    rf"(?P<ymd>(?P<y1>\d{{4}})[-/.](?P<m1>\d{{1,2}})[-/.](?P<d1>\d{{1,2}}))"
    rf"|(?P<dmy>(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y2>\d{{4}}|\d{{2}}))"
    rf"|(?P<dMy>(?P<d3>\d{{1,2}})(?:st|nd|rd|th|er|°|º)?\.?\s+(?:of\s+|de\s+)?(?P<m3>{_MON}),?\s+(?:de\s+)?(?P<y3>\d{{4}}))"
    rf"|(?P<Mdy>(?P<m4>{_MON})\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>\d{{4}}))"
    rf"|(?P<My>(?P<m5>{_MON}),?\s+(?P<y5>\d{{4}}))"
    rf"|(?P<y>(?P<y6>(?:19|20)\d{{2}}))(?![\d/.-]\d)",
    re.IGNORECASE)


def _month(word: str) -> int | None:
    w = word.casefold().rstrip(".")
    return _FOREIGN_MONTHS.get(w) or _MONTHS.get(w) or _MONTHS.get(w[:3])


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None:
            return dt.date(y, m, d).isoformat()
        if m is not None:
            first = dt.date(y, m, 1)
            return first.isoformat()[:7] if y >= 1000 else f"{first:%Y-%m}"     # (strftime is slow)
    except (ValueError, TypeError):
        return None
    return f"{y:04d}" if 1 <= y <= 9999 else None


def parse_date(m: re.Match) -> str | None:
    """ISO partial date of a _DATE match; numeric dates are day first
    (`06/01/2017` -> 2017-01-06) unless the second number cannot be a month."""
    g = m.group      # (named groups read one by one: cheaper than groupdict() of them all)
    if g("ymd"):
        return _iso(int(g("y1")), int(g("m1")), int(g("d1")))
    if g("dmy"):
        a, b, y = int(g("a")), int(g("b")), int(g("y2"))
        if len(g("y2")) == 2:
            y += 2000 if y < 50 else 1900
        if b > 12 and a <= 12:
            a, b = b, a
        return _iso(y, b, a)
    if g("dMy"):
        return _iso(int(g("y3")), _month(g("m3")), int(g("d3")))
    if g("Mdy"):
        return _iso(int(g("y4")), _month(g("m4")), int(g("d4")))
    if g("My"):
        return _iso(int(g("y5")), _month(g("m5")))
    return _iso(int(g("y6")))


# --- updated -----------------------------------------------------------------

# The gate of _updated (case-insensitive): compiled below with the data keys added.
_UPDATED_QUICK_BUILTIN = (r"(?i)updated|update|last\s+chang|last\s+edited|modifi|revised|revisi|as\s+of|"
                          r"stand\s*:|stand\s+vom|tualiz|tualis|der\s+daten|"
                          r"letzte\s+änderung|à\s+jour|aggiorna|bijgewerkt|reviewed|gewijzigd")


def _stamp_phrases(key: str) -> list[str]:
    """A list of plain phrases of data/page.toml (lower case, longest first)."""
    return sorted({" ".join(w.lower().split()) for w in load_toml("page.toml").get(key, [])}, key=len, reverse=True)


_DATA_STAMPS = _stamp_phrases("update_stamp_labels")
_AS_OF_WORDS = _stamp_phrases("as_of_words")


_STAMP_LEAD = r"(?i)(?:^|(?<=[\s|(\[]))"
_STAMP_TAIL = r")\s*[:\-–]?\s*"
_STAMP = re.compile(
    _STAMP_LEAD + r"(?:"
    r"(?:(?:page|site|website|content|article|document|entry|profile|post)\s+|this\s+page\s+was\s+)?"
    r"(?:last\s+)?(?:updated|modified|revised)(?:\s+(?:on|at))?"
    r"|(?:(?:page|site|website|content|article|document|entry|profile|post)\s+)?last\s+reviewed(?:\s+(?:on|at))?"
    r"|(?:this\s+page\s+was\s+|(?:page|site|website|content|article|document|entry|profile|post)\s+)?"
    r"last\s+edited(?:\s+(?:on|at))?"
    r"|last\s+(?:change|changed|update|modification|revision)(?:\s+on)?"
    r"|date\s+of\s+(?:last\s+)?(?:update|modification|revision)"
    r"|stand(?:\s+vom)?|aktualisiert(?:\s+am)?|letzte\s+(?:änderung|aktualisierung)|zuletzt\s+aktualisiert(?:\s+am)?"
    r"|mis\s+à\s+jour(?:\s+le)?|dernière\s+mise\s+à\s+jour(?:\s+le)?|actualizado(?:\s+el)?"
    r"|última\s+actualización|ultima\s+actualizacion|atualizado(?:\s+em)?|última\s+atualização"
    r"|aggiornato(?:\s+il)?|ultimo\s+aggiornamento|(?:laatst\s+)?bijgewerkt(?:\s+op)?|laatst\s+gewijzigd(?:\s+op)?"
    + _STAMP_TAIL)
# The labels of data/page.toml, tried on a line only when it holds one of their keys.
_STAMP_DATA = re.compile(_STAMP_LEAD + r"(?:" + (_phrase_pattern(_DATA_STAMPS) or "(?!)") + _STAMP_TAIL)
_WEEKDAY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+")
_AS_OF = re.compile(r"(?:^|(?<=[–—-]\d[–—-] )|(?<=[–—-]\d\d[–—-] ))\s*As\s+of\s+", re.M)


# Characters that (?i) matches differently from lower() (dotless i, long s, dotted I, micro sign):
# a page holding one takes the (?i) path.
_FOLD_ODD = re.compile("[\u0131\u017f\u0130\u00b5\u03bc]")


# _UPDATED_QUICK_LOW split into literal words (`in`, C-speed) and patterns that open with a
# literal (the regex engine's fast prefix search): the same yes/no, without trying the whole
# alternation at every offset of the page.
# (`tualiz`, `tualis`: aktualisiert, actualizado, atualizado, aktualizacja, actualizat; not
# `actualités`, `actualidad`, the news item of many menus)
_QUICK_BUILTIN = ("update", "modifi", "revised", "revisi", "reviewed", "tualiz", "tualis",
                  "aggiorna", "bijgewerkt", "gewijzigd")
_QUICK_PATTERNS = tuple(re.compile(p) for p in (r"last\s+(?:chang|edited)", r"as\s+of", r"stand(?:\s*:|\s+vom)",
                                                r"letzte\s+änderung", r"à\s+jour", r"der\s+daten"))
# A word every _STAMP alternative holds (lower case): only lines holding one (or `As of`) are read.
# Shared stems stand for several words (`revi`: revised, reviewed, revision; `tuali`: aktualisiert,
# actualizado, atualizado; `gew`: bijgewerkt, gewijzigd): fewer scans of the page, a few more
# lines read (`previous`).
_BUILTIN_KEYS = ("updat", "modifi", "revi", "edited", "chang", "stand", "tuali", "änderung", "à", "aggiorn", "gew")
# The data labels' keys (data/page.toml `update_stamp_keys`): every label holds one of them or
# of the built-in keys, else the label could never be read.
_DATA_KEYS = tuple(load_toml("page.toml").get("update_stamp_keys", []))
for _label in _DATA_STAMPS:
    if not any(k in _label for k in _BUILTIN_KEYS + _DATA_KEYS):
        raise ValueError(f"data/page.toml: update stamp label {_label!r} holds no update_stamp_keys piece")
# `(as of March 2024)`: the parenthesis and the first word, unless a built-in key finds it
_AS_OF_KEYS = tuple(sorted({"(" + w.split()[0] for w in _AS_OF_WORDS if not any(k in w for k in _BUILTIN_KEYS)}))
_EXTRA_KEYS = _DATA_KEYS + _AS_OF_KEYS
_STAMP_KEYS = _BUILTIN_KEYS + _EXTRA_KEYS
_QUICK_WORDS = _QUICK_BUILTIN + _EXTRA_KEYS
# the same words for _UPDATED_QUICK; _UPDATED_QUICK_LOW: it for lower-cased text (case-sensitive:
# many times faster than (?i) on the page).
_UPDATED_QUICK = re.compile(_UPDATED_QUICK_BUILTIN + "|" + "|".join(map(re.escape, _EXTRA_KEYS)))
_UPDATED_QUICK_LOW = re.compile(_UPDATED_QUICK.pattern.replace("(?i)", "", 1))
# The order _first_stamp reads them in: the built-in keys and `As of`, then (only when those
# found no stamp) the keys of data/page.toml and of `(as of ...)` headings.
_THEN = object()
_KEY_ORDER = tuple(_BUILTIN_KEYS) + (None, _THEN) + tuple(_EXTRA_KEYS)
_KEY_ORDER_ASCII = tuple(k for k in _KEY_ORDER if not isinstance(k, str) or k.isascii())
_AS_OF_ANY = re.compile(r"As\s+of")


def _quick_updated(low: str) -> bool:
    """_UPDATED_QUICK_LOW.search(low) is not None, faster."""
    return any(w in low for w in _QUICK_WORDS) or any(p.search(low) for p in _QUICK_PATTERNS)


def _first_stamp(doc: Doc, low: str) -> tuple[str, Span] | None:
    """_stamp_in_line of the first line that has a stamp, reading only the lines that hold a
    _STAMP_KEYS word (str.find) or `As of`. Once a line has one, the keys still to look for
    are looked for only above it (a stamp near the top ends the search early). The labels of
    data/page.toml (other languages, `(as of ...)` headings) are looked for only on a page
    where the built-in ones found no stamp: a page with `Last updated` needs no more scans."""
    lines = doc.nonblank
    best: tuple[int, tuple] | None = None
    bound = len(low)                   # keys found at or after it lie below the best line
    seen: set[int] = set()
    for key in (_KEY_ORDER_ASCII if low.isascii() else _KEY_ORDER):
        if key is _THEN:
            if best is not None:
                break
            continue
        hits = set()
        if key is None:                # `As of` (case as written)
            hits.update(_line_at(lines, m.start()) for m in _AS_OF_ANY.finditer(doc.text, 0, bound))
        else:
            i = low.find(key, 0, bound)
            while i >= 0:
                hits.add(_line_at(lines, i))
                i = low.find(key, i + 1, bound)
        for k in sorted(hits - seen):
            if k < 0:
                continue
            seen.add(k)
            found = _stamp_in_line(lines[k])
            if found:
                best, bound = (k, found), lines[k].start
                break                  # (later lines of this key lie below it)
    return best[1] if best else None


def _line_at(lines: list[Line], pos: int) -> int:
    """Index of the last of lines (doc.nonblank) starting at or before pos, -1 when none does
    (a bisection on the lines themselves: pages ask a few times, no list of starts is built)."""
    return bisect_right(lines, pos, key=_START) - 1


def _has_fold_odd(text: str) -> bool:
    """_FOLD_ODD.search(text) is not None, by `in` (a character wider than the text's own
    storage is rejected at once: no scan at all on a Latin-1 page but for the micro sign)."""
    return any(c in text for c in _FOLD_ODD_CHARS)


_FOLD_ODD_CHARS = "\u00b5\u0131\u017f\u0130\u03bc"      # the class of _FOLD_ODD


def lower_text(doc: Doc) -> str | None:
    """doc.text lower-cased, offset for offset, once per page (doc.extra["lower"]); None when
    lower-casing would not keep (?i) matches the same (see _FOLD_ODD)."""
    low = doc.extra.get("lower", False)
    if low is False:
        text = doc.text
        low = text.lower()
        if len(low) != len(text) or _has_fold_odd(text):
            low = None
        doc.extra["lower"] = low
    return low


def _updated(doc: Doc) -> tuple[str | None, Span | None]:
    text = doc.text
    low = lower_text(doc)
    if not (_quick_updated(low) if low is not None else _UPDATED_QUICK.search(text)):
        return None, None
    found = None
    if low is not None:
        found = _first_stamp(doc, low)
    else:
        for line in doc.nonblank:
            found = _stamp_in_line(line)
            if found:
                break
    if not found or _listed_stamp(doc, *found):
        return None, None
    return found


def _listed_stamp(doc: Doc, iso: str, span: Span) -> bool:
    """Whether the stamp is one item's of a listing: it does not open its line (`Page · updated
    3 May 2023` under a search result's heading) and a line below holds a stamp of the same
    word with another date (the next result's). A page's own stamp is one date."""
    text = doc.text
    if not text[text.rfind("\n", 0, span.start) + 1:span.start].strip():
        return False                   # (most stamps open their line: no more reading)
    stamp = text[span.start:span.end].lower()
    key = next((w for w in _STAMP_KEYS if w in stamp), None)
    if key is None:
        return False
    low = lower_text(doc)
    if low is None:                    # (rare: a page with a dotless i or the like)
        return any(key in t.lower() and (other := _line_stamp(t)) and other[0] != iso
                   for t in text[span.end:].split("\n")[1:])
    i = low.find(key, span.end)
    while i >= 0:                      # (from hit to hit of the word, not line by line)
        le = low.find("\n", i)
        le = len(low) if le < 0 else le
        other = _line_stamp(text[low.rfind("\n", 0, i) + 1:le])
        if other and other[0] != iso:
            return True
        i = low.find(key, le)
    return False


def _line_stamp(t: str) -> tuple[str, int, int] | None:
    """_stamp_in_text(t), cached for lines up to 200 characters."""
    return _stamp_in_text(t) if len(t) <= 200 else _stamp_in_text.__wrapped__(t)


def _stamp_in_line(line: Line) -> tuple[str, Span] | None:
    """The update stamp of one line (ISO date and span), or None."""
    found = _line_stamp(line.text)
    return (found[0], Span(line.start + found[1], line.start + found[2])) if found else None


@lru_cache(maxsize=8192)
def _stamp_in_text(t: str) -> tuple[str, int, int] | None:
    """The update stamp of a line's text: (ISO date, start, end), or None (a pure function
    of the text: stamp lines and boilerplate repeat from page to page)."""
    if len(t) > 2000 and "As of" not in t[:40]:
        return None
    for pattern in (_STAMP, _STAMP_DATA):
        if pattern is _STAMP_DATA:     # (its labels only on a short line holding one of their keys:
            if len(t) > 200:           # a stamp of its own, not a prose line that says `updated`)
                break
            low = t.lower()
            if not any(k in low for k in _DATA_GATE):
                break
        for m in pattern.finditer(t):
            wd = _WEEKDAY.match(t, m.end())
            dm = _DATE.match(t, wd.end() if wd else m.end())
            if dm and pattern is _STAMP_DATA and dm.group("y") and t[:m.start()].strip():
                continue               # a data label with a year alone inside a sentence: prose
            if dm:
                iso = parse_date(dm)
                if iso:
                    return iso, m.start(), dm.end()
    if "(" in t and len(t) <= 120:
        am = _AS_OF_PAREN.match(t)
        if am:
            dm = _DATE.match(t, am.end())
            if dm and not dm.group("y") and _AS_OF_CLOSE.match(t, dm.end()):
                iso = parse_date(dm)
                if iso:
                    ps = t.index("(", 0, am.end()) + 1
                    return iso, ps + len(t[ps:]) - len(t[ps:].lstrip()), dm.end()
    am = _AS_OF.match(t) or _AS_OF_LEAD.match(t)
    if am:
        dm = _DATE.match(t, am.end())
        if dm and not dm.group("y"):
            rest = t[dm.end():dm.end() + 3]
            if not rest.strip() or rest.lstrip()[:1].isupper():
                iso = parse_date(dm)
                if iso:
                    return iso, am.start(), dm.end()
    return None


_STAMP_LABEL = re.compile(r"(?i)^\s*(?:" + _STAMP.pattern[len(_STAMP_LEAD):] + "|"
                          + _STAMP_DATA.pattern[len(_STAMP_LEAD):] + r")$")


# Every key (built-in or data) some data label holds: a line holding none has no data label
# (_STAMP_DATA is tried only on the others: one pattern of all labels tried at every space).
_DATA_GATE = tuple(k for k in _STAMP_KEYS if any(k in w for w in _DATA_STAMPS))


@lru_cache(maxsize=4096)
def is_update_stamp_label(label: str) -> bool:
    """Whether a fact label is the label of an update stamp (`Fecha de actualización`,
    `Terakhir diperbarui:`, `Imesasishwa`, `Last updated on`), in any language the page
    extractor reads: such a row is the page's `updated`, not a fact (extract/facts.py asks)."""
    return bool(label) and len(label) <= 80 and _STAMP_LABEL.match(label.strip()) is not None


_AS_OF_LEAD = re.compile(r"^\W{0,3}\d{0,3}\W{0,3}\s*As\s+of\s+")
# A short heading ending in `(as of March 2024)`: the date of the list it heads.
_AS_OF_PAREN = re.compile(r"(?i)^[^()\n]{2,60}\(\s*(?:" + _phrase_pattern(_AS_OF_WORDS) + r")\s*:?\s*")
_AS_OF_CLOSE = re.compile(r"\s*\)\s*:?\s*$")


# --- title -------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:by|posted\s+by|written\s+by|von)\s+[A-ZÀ-Þ]", re.IGNORECASE)
_DATE_LINE = re.compile(rf"^(?:\w+,\s+)?(?:{_DATE.pattern})\W*(?:\d+)?$", re.IGNORECASE)
_TEASER = re.compile(r"(?i)^[\d,.\s]+\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi)\s*(?:\([^()]{1,30}\)\s*)?"
                     r"(?:\|\s*)?(?:away\s+)?from\s+home\b.{0,20}$")
_PROFILE = re.compile(r"(?i)^(?:[\w ]{0,20}\s)?(?:profile|fact\s*sheet|country\s+profile|at\s+a\s+glance)\s*:\s*\S")
_CONTACTISH = re.compile(r"(?i)(?:\b(?:tel|phone|fax|e-?mail|p\.?\s?o\.?\s?box)\b\.?\s*:?|@\w|^c/o\b)")
_FACTISH = re.compile(r"^[^:]{1,50}:\s*\S*\d")
_NAV = re.compile(r"(?:\s\|\s.*){2,}|(?:\S\s*[»>›]\s*\S.*){2,}|(?:\S\s/\s\S.*){2,}")
# Two or more words glued without a space (`MenuCloseSearch`, `About usOur work`): a flattened menu.
_GLUED = re.compile(r"[a-zà-ÿ]{2}[A-ZÀ-Þ][a-zà-ÿ]")
# A document number line above a headline: `Press release No. 2023-0417`, `Ref. 12/2020`.
_REFERENCE = re.compile(r"(?i)^(?:[^\W\d][\w ]{0,40}\s)?(?:no\.|nr\.|number|ref\.|reference|n[°º]\.?)\s*[:#]?\s*"
                        r"[\w/.-]*\d[\w/.-]*$")


def _may_be_reference(t: str) -> bool:
    """What every _REFERENCE line holds: a digit and one of its number words (a cheap pre-check)."""
    if not _ANY_DIGIT.search(t):
        return False
    return _any_in(_REFERENCE_WORDS, t.lower())     # (a plain loop: no generator per line)


_REFERENCE_WORDS = ("no.", "nr.", "number", "ref.", "reference", "n°", "nº")     # (as in _REFERENCE)


# A breadcrumb trail: short segments separated by ` > `, ` » ` or ` › ` (`Publications > Reports`).
_CRUMB_SEP = re.compile(r"\s[>»›]\s")


_HERE = re.compile(r"(?i)^\s*(?:you\s+are\s+here|sie\s+sind\s+hier|vous\s+êtes\s+ici|usted\s+está\s+aquí"
                   r"|está\s+aquí|estás\s+en|ви\s+тут|вы\s+здесь)\b")


def _breadcrumb(t: str) -> bool:
    """`Publications > Reports`, `Home » About us`: two or more short segments (four words at
    most, no sentence punctuation); not `Income > 1,000` or a prose comparison."""
    if len(t) > 120 or not ("›" in t or ">" in t or "»" in t):     # (cheap pre-checks)
        return False
    parts = _CRUMB_SEP.split(t)
    return len(parts) >= 2 and all(
        p.strip() and len(p.split()) <= 4 and not _CRUMB_BAD.search(p.strip()) for p in parts)


_CRUMB_BAD = re.compile(r"[.!?;:,]$|\d")


def _glued_menu(t: str) -> bool:
    """`MenuCloseSearchDonate`, `About usOur workWhere we work`; not `WordPress PowerPoint`."""
    if t.islower() and "×" not in t:   # no capital of _GLUED (× is one, and uncased)
        return False
    glued = len(_GLUED.findall(t))
    return glued >= 3 or (glued >= 2 and " " not in t)


def _menu(t: str) -> bool:
    """A menu bar (`Countries | Maps | References | About`): three or more short cells, no numbers."""
    cells = [c.strip() for c in t.split("|") if c.strip()]
    return len(cells) >= 3 and not any(ch.isdigit() for ch in t) and all(len(c.split()) <= 4 for c in cells)


# Menu cells set apart by two or more spaces or a middle dot / bullet (`Inicio  ·  Oficinas`).
_CELL_SPLIT = re.compile(r"\s{2,}|\s*[·•]\s*|\t+")


_CELL_HINT = re.compile(r"  |[·•\t]")


def _cell_menu(raw: str) -> bool:
    """A menu of four or more short cells set apart by wide spaces or ` · ` (`Mwanzo  Kuhusu Sisi
    Takwimu  Wasiliana Nasi`): no digits, no cell of more than three words or ending like a
    sentence, and at least one cell a navigation word of data/page.toml."""
    if _CELL_HINT.search(raw) is None or _ANY_DIGIT.search(raw):
        return False
    cells = [c for c in _CELL_SPLIT.split(raw.strip()) if c]
    if len(cells) < 4 or any(len(c.split()) > 3 or c[-1] in ".,;:" for c in cells):
        return False
    nav = _data().nav_word
    return any(nav.match(c) for c in cells)


def _word_menu(t: str) -> bool:
    """A menu flattened into one line of words (`Home About Data Publications Contact`): four or
    more navigation words of data/page.toml and every other word capitalised, no digits."""
    if len(t) > 160 or _MENU_BAD.search(t):
        return False                   # (cheap tests before the pattern of all navigation words)
    words = t.split()
    if not (4 <= len(words) <= 16) or sum(1 for w in words if w[0].isupper()) < 3:
        return False
    rest, found = _data().nav_find.subn(" ", t)     # (one scan: the count and what is left)
    return found >= 4 and all(w[0].isupper() for w in rest.split())


_MENU_BAD = re.compile(r"[\d.,;:!]")


def _slash_crumb(t: str) -> bool:
    """A breadcrumb of short steps joined by ` / ` whose first step is a navigation word
    (`About us / Our history`, `Accueil / Actualités`); not `Input / Output`."""
    if " / " not in t or len(t) > 120:
        return False
    parts = [q.strip() for q in t.split(" / ")]
    return all(q and len(q.split()) <= 4 and not _CRUMB_BAD.search(q) for q in parts) \
        and _data().nav_word.match(parts[0]) is not None


def _prose(t: str) -> bool:
    """Running text: ten or more words, mostly lower case, ending like a sentence or long."""
    words = t.split()
    if len(words) < 10:
        return False
    low = sum(1 for w in words if w[0].islower())
    return low * 2 >= len(words) and (t[-1] in ".!?:;\"”)…" or len(t) > 100)


def _page_tools(t: str) -> bool:
    """A row of page actions (`Print version | Download PDF`, `Edit | Print`)."""
    if "|" not in t:
        return False
    tools = _data().tools
    return any(tools.match(c.strip()) for c in t.split("|"))


def _heading_like(t: str, quote_head: bool = False) -> bool:
    if not (2 <= len(t) <= 160):
        return False
    words = t.split()
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "¿¡«" or quote_head):
        # a script without capitals (Arabic, Hebrew, CJK, Devanagari): a short line
        if not (t[0].isalpha() and not t[0].islower() and len(words) <= 12):
            return False
    if len(words) > 20:
        return False
    if t.endswith((".", ",", ";", "،", "؛", "。")) and not re.search(r"\b(?:[A-Z]|Inc|Ltd|Co|St|etc)\.$", t):
        return False
    if _CONTACTISH.search(t) or _FACTISH.match(t):
        return False
    return True


_BAR_END = re.compile(r"\s*\|\s*$")
# A headline opening with a short quote, then a colon or dash and its subject: `"We walked
# 300 km": five workers on the road`, `‘No way back’ – families at the border`.
_QUOTE_HEADLINE = re.compile(r"^[\"“‘'«][^\"“”‘’«»]{2,80}[\"”’'»]\s*(?::|[–—-]\s)\s*\w")
_PAGE_NUMBER = re.compile(r"^[–—-]\s*\d+\s*[–—-]\s*")
_ANY_DIGIT = re.compile(r"\d")        # every _DATE_LINE shape holds one
_NAV_CHARS = re.compile(r"[|»>›/]")    # every _NAV shape holds one


def _nav(t: str) -> bool:
    """_NAV.search, after its cheap pre-check."""
    return _NAV_CHARS.search(t) is not None and _NAV.search(t) is not None


def _clean_title(t: str) -> str:
    if "|" in t:                       # (each pattern needs its first character: cheap pre-checks)
        t = _BAR_END.sub("", t)
    if t and t[0] in "–—-":
        t = _PAGE_NUMBER.sub("", t)
    return " ".join(t.split())


_CAPS_RUN = re.compile(
    r"[A-Z0-9][A-Z0-9,()'’&/.-]*(?:\s+[A-Z0-9,()'’&/.-]+|\s+(?:and|of|the|in|for|to)(?=\s+[A-Z0-9(]))*")
_PART = re.compile(r"\s(?:PART|SECTION|CHAPTER|ANNEX)\s+[IVX\d]+\b(?![^(]*\))")


def _caps_heading(line: Line, doc: Doc) -> tuple[str, Span] | None:
    """An upper-case heading at the start of a flattened line (a PDF's text run
    together): `–1– As of January 2010 LIST OF ... (PART V) PART I ...`."""
    raw = doc.text[line.start:line.end]
    found = _line_facts(raw).caps
    return (found[0], Span(line.start + found[1], line.start + found[2])) if found else None


_CAPS_LEAD = re.compile(r"^\W{0,3}\d{0,3}\W{0,3}\s*(?:As\s+of\s+\w+\s+\d{4}\s+)?")


def _caps_run(t: str) -> tuple[str, int, int] | None:
    """_caps_heading within one line's text: (heading, start, end) offsets into t."""
    m = _CAPS_LEAD.match(t)
    start = m.end() if m else 0
    cm = _CAPS_RUN.match(t, start)
    if not cm or len(cm.group(0).split()) < 4:
        return None
    run = cm.group(0)
    pm = _PART.search(run, 10)
    if pm:
        run = run[:pm.start()]
    run = run.rstrip(" ,(-")
    if len(run.split()) < 4 or sum(c.islower() for c in run) > len(run) // 10:
        return None
    return run, start, start + len(run)


_HOME = re.compile(r"(?i)^(?:home|home\s*page|startseite|inicio|início|accueil)$")
# One item of a vertical menu: up to three capitalised words, no digits or sentence punctuation.
_MENU_ITEM = re.compile(r"^[A-ZÀ-Þ][\w'’&-]*(?:\s+[\w'’&-]+){0,2}$")


class _once:
    """functools.cached_property without its lock (Python 3.11 takes one on every first
    read): the value goes into the instance dict, later reads never reach here."""

    def __init__(self, fn):
        self.fn, self.name = fn, fn.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class _LineFacts:
    """What the title search asks of one line's text, each answer computed when first
    asked. All are pure functions of the text, so one object serves every page holding
    the line (site chrome repeats from page to page): see _line_facts."""

    def __init__(self, raw: str):
        self.raw = raw                 # line.text

    @_once
    def t(self) -> str:                # the line as a title
        return _clean_title(self.raw)

    @_once
    def glued(self) -> bool:
        return _glued_menu(self.t)

    @_once
    def skip(self) -> bool:            # a document number or a row of page actions
        return bool(_may_be_reference(self.t) and _REFERENCE.match(self.t) or self.page_tools)

    @_once
    def page_tools(self) -> bool:
        return _page_tools(self.raw)

    @_once
    def nav(self) -> bool:
        return _nav(self.raw) or _breadcrumb(self.t) or _cell_menu(self.raw) or _word_menu(self.t) \
            or _slash_crumb(self.t)

    @_once
    def prose(self) -> bool:           # a paragraph of running text, as the line below a heading
        return _prose(self.t)

    @_once
    def crumb(self) -> bool:           # a breadcrumb trail or `You are here`
        return bool(_CRUMB_CHAR.search(self.raw) or _HERE.match(self.raw))

    @_once
    def site_chrome(self) -> bool:
        return bool(_data().site_chrome.match(self.t))

    @_once
    def home(self) -> bool:
        return bool(_HOME.match(self.t))

    @_once
    def chrome(self) -> bool:
        d, t, raw = _data(), self.t, self.raw
        return bool(d.chrome.match(t) or (raw != t and d.chrome.match(raw)) or _UPDATED_LINE.match(t)
                    or _BYLINE.match(t) or (_ANY_DIGIT.search(t) and _DATE_LINE.match(t)))

    @_once
    def teaser(self) -> bool:
        return bool(_TEASER.match(self.t))

    @_once
    def teaser_raw(self) -> bool:
        return bool(_TEASER.match(self.raw))

    @_once
    def stop(self) -> bool:
        t = self.t
        return bool(_data().stop.match(t) or (t[0] in "\"“‘'«(" and not self.quote_head)
                    or "|" in self.raw.rstrip(" |"))

    @_once
    def quote_head(self) -> bool:      # a headline opening with a quote: `"We walked 300 km": ...`
        return self.t[0] in "\"“‘'«" and _QUOTE_HEADLINE.match(self.t) is not None

    @_once
    def heading_like(self) -> bool:
        return _heading_like(self.t, self.quote_head)

    @_once
    def caps(self) -> tuple[str, int, int] | None:
        return _caps_run(self.raw)

    @_once
    def table_row(self) -> bool:       # as the line below a heading: a row of a table
        return bool(_TABLE_ROW.match(self.raw)) and not self.page_tools and not _menu(self.raw)

    @_once
    def byline(self) -> bool:
        return bool(_BYLINE.match(self.raw))

    @_once
    def profile(self) -> bool:
        return bool(_PROFILE.match(self.t))

    @_once
    def menu_item(self) -> bool:
        return bool(_MENU_ITEM.match(self.raw.strip()))


def _line_facts(raw: str) -> _LineFacts:
    """The facts of a line, shared by every page holding it (lines up to 300 characters)."""
    return _cached_facts(raw) if len(raw) <= 300 else _LineFacts(raw)


@lru_cache(maxsize=16384)
def _cached_facts(raw: str) -> _LineFacts:
    return _LineFacts(raw)


_CRUMB_CHAR = re.compile(r"[>»›]")
_TABLE_ROW = re.compile(r"^[^|]*\w[^|]*\|")


def _title_text(doc: Doc, stamp: Span | None = None) -> tuple[str | None, Span | None]:
    """The title of a text page; `stamp`: the page's update stamp, whose line (when the stamp
    is all of it: `Fecha de actualización: 29.11.2023`) is chrome."""
    stamp_at = stamp.start if stamp is not None else -1
    nb = doc.nonblank                  # walked by position: the next non-blank line is nb[p + 1]
    chosen: tuple[int, Line, int] | None = None       # (line index, line, position in nb)
    site_chrome_after = False          # a menu or search line below the chosen heading
    after_crumb = -1                   # index of the line just below a breadcrumb trail
    last_nav = -1                      # position in nb of the last menu / breadcrumb / search line
    under_nav = glued_nav = False      # the chosen heading: right after such a line; with no blank between
    seen = 0
    p = -1
    while True:
        p += 1
        if p >= len(nb) or seen >= HEAD_LINES:
            break
        line = nb[p]
        i = line.index
        nxt = nb[p + 1] if p + 1 < len(nb) else None
        seen += 1
        if len(line.text) > 300:       # a flattened run of text, never a heading line
            if chosen is None:
                caps = _caps_heading(line, doc) or (0 <= last_nav == p - 1 and _glued_head(line))
                if caps:
                    return caps
            break
        f = _line_facts(line.text)
        t = f.t
        if not t:
            continue
        if f.glued and chosen is not None:
            site_chrome_after = True   # a glued site menu under a heading: that heading is the site name
            continue
        if f.glued or f.skip:
            if f.glued:
                last_nav = p
            continue                   # a glued menu, a document number, a row of page actions
        if f.nav:
            if chosen is not None and chosen[2] + 1 == p and chosen[0] != after_crumb:
                chosen = None          # a site header sits above the navigation bar
            if f.crumb:
                after_crumb = nxt.index if nxt is not None else None
            last_nav = p
            continue
        if chosen is not None and f.site_chrome:
            site_chrome_after = True
            continue
        if chosen is not None and f.home:
            q, items = p, 0            # a menu written one item a line: `Home` / `Who We Are` / `Donate`
            while q + 1 < len(nb) and _line_facts(nb[q + 1].text).menu_item:
                q, items = q + 1, items + 1
            if items >= 2:
                site_chrome_after = True
                p = q
            continue
        nf = _line_facts(nxt.text) if nxt is not None else None
        if f.teaser or (nf is not None and nf.teaser_raw) or f.chrome or (
                line.start <= stamp_at < line.end and _stamp_is_line(doc.text, line, stamp)):
            if chosen is None and f.site_chrome:
                last_nav = p           # a search box or language switch: part of the site's header
            continue                   # a story teaser and its name line; chrome (both: skip, cheap test first)
        if len(t) > 300:
            if chosen is None:
                caps = _caps_heading(line, doc)
                if caps:
                    return caps
            break
        if t[0].islower():
            if chosen is None and len(t.split()) > 8:
                continue               # injected junk before the heading
            break
        if f.stop:
            if chosen is None and "|" in line.text and nxt is not None and nxt.index == i + 1 \
                    and _line_facts(nxt.text).nav:
                continue               # `ACRONYM | Full name` over the site menu: the site's name
            break
        if not f.heading_like:
            if chosen is None:
                caps = _caps_heading(line, doc) or (0 <= last_nav == p - 1 and _glued_head(line))
                if caps:
                    return caps
            break
        if nf is not None and nxt.index == i + 1 and nf.table_row and nxt.text.rstrip(" |") != t \
                and not (i == after_crumb and chosen is None):
            break                      # a table caption over its rows, not the page title
            # (a heading right under a breadcrumb trail is the page it names, table or not)
        if chosen is None:
            if _running_header(doc, line):
                continue               # a PDF's running header, repeated over every page
            chosen = (i, line, p)
            under_nav = last_nav == p - 1 and last_nav >= 0
            glued_nav = under_nav and nb[last_nav].index == i - 1
            continue
        # a second heading before any content: prefer it when it is the headline
        cf = _line_facts(chosen[1].text)
        ct = cf.t
        if t == ct:
            continue
        if site_chrome_after or (nf is not None and nf.byline) or (
                f.profile and not cf.profile) or _expands_country(ct, t):
            chosen = (i, line, p)
        elif glued_nav and i - chosen[0] != p - chosen[2] and not _data().nav_word.match(ct) \
                and (nf is None or nxt.index > i + 1 or nf.prose):
            # a site name glued under the menu / trail, the heading set apart below it, over a
            # blank line or the text (a page name there, `Contact` under a glued menu, is the
            # page's own heading; so is one over `Head office` and its address block)
            chosen = (i, line, p)
        elif under_nav and p == chosen[2] + 1 and nf is not None and nf.prose and _kicker(ct, t):
            chosen = (i, line, p)      # a section label under the menu, right over the headline of the text
        break
    if chosen is None:
        return None, None
    line = chosen[1]
    t = _clean_title(line.text)
    off = doc.text.find(t, line.start, line.end + 1)
    span = Span(off, off + len(t)) if off >= 0 else line.span
    return t, span


_PAGE_OF = re.compile(r"(?i)\b(?:page|seite|página|pagina|pág\.|p\.)\s*\d+\s*(?:of|/|von|de|sur|di|van)\s*\d+\b")


def _running_header(doc: Doc, line: Line) -> bool:
    """Whether a line of two or more words stands alone on three or more lines of the page
    five or more lines apart, or on two of a page with page numbers (`Page 2 of 6`) or form
    feeds: the running header of a PDF's text, repeated over every page (a series name, no
    title). A heading doubled right under itself (a crawl's duplicate) counts once."""
    text, lines = doc.text, doc.nonblank
    t = line.text.strip()
    i = text.find(t, line.end)
    if i < 0 or " " not in t:
        return False                   # (one search of the page, from the line on: most lines go)
    n, last = 1, _line_at(lines, line.start)
    while i >= 0:                      # (from occurrence to occurrence, not line by line)
        k = _line_at(lines, i)
        if k - last >= 5 and lines[k].text.strip() == t:
            n, last = n + 1, k
        i = text.find(t, lines[k].end if k >= 0 else i + 1)
    return n >= 3 or (n == 2 and ("\f" in text or _PAGE_OF.search(text) is not None))


def _kicker(first: str, second: str) -> bool:
    """A short section label (`Field notes`, three words at most) above a headline of at
    least twice its words."""
    a, b = len(first.split()), len(second.split())
    return a <= 3 and b >= 2 * a and b >= 4


def _glued_head(line: Line) -> tuple[str, Span] | None:
    """A page word glued to the text it heads, in crawler text right under the site's menu
    (`ContactSlovenian Philanthropy – ...Phone: ...`): the word (`Contact`) is the heading."""
    t = line.text
    m = _data().nav_glued.match(t) if t[:1].isupper() else None
    return (m.group(0), Span(line.start, line.start + m.end())) if m else None


def _stamp_is_line(text: str, line: Line, stamp: Span) -> bool:
    """Whether the update stamp opens its line and is all of it but three words at most."""
    return not text[line.start:stamp.start].strip() and len(text[stamp.end:line.end].split()) <= 3


def _expands_country(first: str, second: str) -> bool:
    """A bare country-name line (a section label) above a heading that names the same
    country with more words (`Peru` over `Our work in Peru`): the fuller heading is the title."""
    if len(first) > 60 or len(second) <= len(first):
        return False
    hit = lookup_kind(first)
    if not hit or hit[1] != NAME:
        return False
    if lookup_kind(second):
        return False                   # `Madagascar` over `Republic of Madagascar`: an infobox's long name
    return any(m.country == hit[0] for m in find_countries(second))


_UPDATED_LINE = re.compile(r"(?i)^(?:last\s+)?(?:updated|modified|change[sd]?|revised)\b.*\d")


def _title_html(doc: Doc, headings) -> tuple[str | None, Span | None]:
    d = _data()
    cands = []
    for k, (level, s, e) in enumerate(headings):
        t = " ".join(doc.text[s:e].split())
        if not t or len(t) > 200:
            continue
        if d.generic.match(t) and not (level == 1 and _heads_its_content(doc.text, headings, k)):
            continue                   # a site part (`News` over an article heading, a footer)
        if level == 1:
            nl = doc.text.find("\n", e)
            nxt = doc.text[nl + 1:nl + 300].lstrip().split("\n", 1)[0].strip() if nl >= 0 else ""
            if nxt and (_line_facts(nxt).nav or d.site_chrome.match(nxt)):
                continue               # a site name above its menu
            return t, Span(s, e)       # the first <h1> left is the pick (below): no need to read on
        cands.append((level, s, e, t))
    if not cands:
        return None, None
    pick = next((c for c in cands if c[0] == 1), None) or next((c for c in cands if c[0] == 0), None)
    if pick is None:
        top = min(c[0] for c in cands)
        pick = next(c for c in cands if c[0] == top)
    level, s, e, t = pick
    return t, Span(s, e)


def _heads_its_content(text: str, headings, k: int) -> bool:
    """Whether heading k is followed by its own content rather than directly by a more
    specific heading (`<h1>Impressum</h1> <p>...` vs `<h1>News</h1><h3>Spring Tournament</h3>`)."""
    level, s, e = headings[k]
    nxt = next(((lv, hs) for lv, hs, he in headings[k + 1:] if hs >= e), None)
    if nxt is None:
        return True
    between = text[e:nxt[1]].strip()
    return not (nxt[0] > level and len(between) < 40)


# --- country -----------------------------------------------------------------

_CONTACT_NEAR = re.compile(
    r"(?i)\b(?:tel|phone|telephone|fax|e-?mail|eml|p\.?\s?o\.?\s?box|postfach|address|adresse)\b"
    r"|@[\w-]+\.|\+\d{1,3}[\s.-]*\(?\d|^[ \t]*\d{4,6}[ \t]+(?-i:[A-Z])|(?<![A-Za-z])(?-i:[A-Z]{1,2})-\s?\d{4,5}\b",
    re.M)
# _CONTACT_NEAR's alternatives (same flags), each with the words or characters (lower case)
# it cannot match without; None: a digit.
_CONTACT_NEAR_PARTS = tuple((need, re.compile("(?i)" + p, re.M)) for need, p in (
    (("tel", "phone", "fax", "mail", "eml", "box", "postfach", "address", "adresse"),
     r"\b(?:tel|phone|telephone|fax|e-?mail|eml|p\.?\s?o\.?\s?box|postfach|address|adresse)\b"),
    (("@",), r"@[\w-]+\."),
    (("+",), r"\+\d{1,3}[\s.-]*\(?\d"),
    (None, r"^[ \t]*\d{4,6}[ \t]+(?-i:[A-Z])"),
    (("-",), r"(?<![A-Za-z])(?-i:[A-Z]{1,2})-\s?\d{4,5}\b"),
))
_LANGUAGE = re.compile(r"(?i)(?:[-\s]speaking|\s+languages?\b|\s+\(official\)|\s+language)")
_LANGUAGE_LINE = re.compile(r"(?i)^(?:official\s+)?languages?\b")
_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_DATELINE = re.compile(r"^[A-ZÀ-Þ][\w .'’-]{1,40},\s*(?P<c>[A-ZÀ-Þ][\w .'’-]+)$")
_LISTSEP = re.compile(r"^\s*(?:,|and|or|&|;|и|или|et|ou|und|oder|y|e|o)\s*(?:(?:and|и|et|und|y|e)\s+)?(?:the\s+)?$")
# _LISTSEP matched in place between two offsets (match() anchors at the first, endpos ends
# the text at the second): no copy of what may be a long stretch between two mentions.
_LISTSEP_AT = re.compile(_LISTSEP.pattern[1:])


def _list_gap(text: str, start: int, end: int) -> bool:
    """_LISTSEP.match(text[start:end]) is not None, without the slice."""
    return _LISTSEP_AT.match(text, start, end) is not None


def _contact_window(text: str, ls: int, le: int, m) -> tuple[int, int]:
    """Where contact words make mention m an address: 60 characters either side on a long
    line; on a short line its block, up to blank lines and at most four lines either side."""
    if le - ls > 80:
        return max(ls, m.start - 60), min(le, m.end + 60)
    bs = max(0, ls - 200)
    blank = list(_BLANK.finditer(text, bs, ls))
    bs = max(blank[-1].end() if blank else bs, _lines_back(text, ls, 4))
    nb = _BLANK.search(text, le, min(len(text), le + 200))
    return bs, min(nb.start() if nb else min(len(text), le + 200), _lines_on(text, le, 4))


def _near_contact(text: str, ws: int, we: int, seen: dict, low: str | None = None) -> bool:
    """_CONTACT_NEAR in text[ws:we], once per window. With the lower-cased page: its
    alternatives one by one, each only when the window holds what it cannot match without."""
    hit = seen.get((ws, we))
    if hit is None:
        if low is None:
            hit = _CONTACT_NEAR.search(text, ws, we) is not None
        else:
            seg = low[ws:we]
            hit = any(p.search(text, ws, we) for need, p in _CONTACT_NEAR_PARTS
                      if (_ANY_DIGIT.search(seg) if need is None else _any_in(need, seg)))
        seen[(ws, we)] = hit
    return hit


def _in_quote(text: str, pos: int) -> bool:
    ls = max(text.rfind("\n", 0, pos) + 1, pos - 2000)
    seg = text[ls:pos]
    if "“" in seg or "”" in seg:
        return seg.count("“") > seg.count("”")
    return seg.count("\"") % 2 == 1


@dataclass
class _Tally:
    """The country evidence of a page: score per alpha-2 code and where it came from."""
    scores: dict
    countries: dict
    in_title: set
    in_addresses: set
    listed: float
    sender: str | None = None          # a mission page: the country whose embassy it is


def _country_tally(doc: Doc, title_span: Span | None) -> _Tally | None:
    d = _data()
    text = doc.text[:COUNTRY_CHARS]
    low = lower_text(doc)
    low = low[:COUNTRY_CHARS] if low is not None else None
    mentions = find_countries(text)
    if not mentions:
        return None
    scores: dict[str, float] = {}
    countries = {}
    in_addresses: set[str] = set()
    in_title: set[str] = set()
    listed = 0.0                       # weight from enumerations of countries
    sender = _mission_sender(doc.text[title_span.start:title_span.end]) if title_span else None
    if sender is None and title_span is not None:
        sender = _masthead_sender(doc, title_span)
    head_limit = doc.nonblank[min(9, len(doc.nonblank) - 1)].end if doc.nonblank else 0
    near_contact: dict[tuple[int, int], bool] = {}    # window -> contact words in it (mentions share blocks)
    for k, m in enumerate(mentions):
        w = 1.0
        if m.kind == ADJECTIVE:
            w = 0.3 if d.institution.match(text, m.end) else 0.1
        elif m.text != m.country.name and _OFFICIAL.search(m.text):
            w = 1.5                    # `The Kyrgyz Republic`: how a country's own bodies write it
        elif _POSSESSIVE.match(text, m.end) or (
                ("gov" in low[max(0, m.start - 30):m.start]               # (the pattern needs it)
                 and _GOVERNMENT_LOW.search(low, max(0, m.start - 30), m.start)) if low is not None
                else _GOVERNMENT.search(text, max(0, m.start - 30), m.start)):
            w = 1.5                    # `Estonia's oldest`, `Government of Nepal`: about the country itself
        ls = text.rfind("\n", 0, m.start) + 1
        le = text.find("\n", m.end)
        le = len(text) if le < 0 else le
        line = text[ls:le].strip()
        if _PAGE_JUNK.match(line) or _in_city_name(text, m):
            continue
        prefix = text[max(0, m.start - 40):m.start]
        if m.kind == ADJECTIVE and (_LANGUAGE.match(text, m.end) or
                                    _LANGUAGE_LINE.match(line)):
            continue                   # a language, not a country: `French (official)`
        if sender is not None and m.country.alpha2 == sender:
            w = 0.0                    # the embassy's own country: the page is about the host
        elif _donor_context(text, m.start, ls, le, low) and not (
                title_span is not None and title_span.start <= m.start < title_span.end):
            continue                   # a donor or partner (`funded by the Government of Japan`)
        elif _near_contact(text, *_contact_window(text, ls, le, m), near_contact, low) or (
                (low is None or _any_in(d.seat_keys, low[max(0, m.start - 40):m.start])) and d.seat.search(prefix)):
            w = 0.0
            in_addresses.add(m.country.alpha2)
        else:
            prev = mentions[k - 1] if k else None
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            near = ((prev is not None and _list_gap(text, prev.end, m.start))
                    + (nxt is not None and _list_gap(text, m.end, nxt.start)))
            far = 0
            if near:
                # three or more in a row: an enumeration
                if prev is not None and k >= 2 and _list_gap(text, mentions[k - 2].end, prev.start) \
                        and _list_gap(text, prev.end, m.start):
                    far = 1
                if nxt is not None and k + 2 < len(mentions) and _list_gap(text, nxt.end, mentions[k + 2].start) \
                        and _list_gap(text, m.end, nxt.start):
                    far = 1
                if near == 2:
                    far = 1
            if far:
                w = 0.2
                listed += w
            else:
                if ((_any_in(d.origin_keys, low[max(0, m.start - 40):m.start])
                     and d.origin_low.search(low[max(0, m.start - 40):m.start]))
                        if low is not None and d.origin_low is not None else d.origin.search(prefix)) or (
                        "rom " in prefix and _FROM_PLACE.search(prefix)):
                    w *= 0.5
                if _in_quote(text, m.start):
                    w *= 0.5
                dl = _DATELINE.match(line)
                if dl and m.end <= head_limit and line.endswith(m.text) and len(line.split()) <= 6:
                    w = 4.0
        if title_span is not None and title_span.start <= m.start < title_span.end \
                and m.country.alpha2 != sender:
            w += 2.0
            in_title.add(m.country.alpha2)
        scores[m.country.alpha2] = scores.get(m.country.alpha2, 0.0) + w
        countries[m.country.alpha2] = m.country
    return _Tally(scores, countries, in_title, in_addresses, listed, sender)


# A person's home town and its country (`Amina, from Kassala in eastern Sudan`, `from Aleppo,
# Syria`): where someone comes from, as `from Sudan` is (half weight).
_FROM_PLACE = re.compile(r"\b[Ff]rom\s+[A-ZÀ-Þ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+)?(?:,\s*|\s+in\s+)"
                         r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?\s+|the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s(?![\w'’])|(?<=s)['’](?![\w'’])")    # `Peru's`, `the Philippines'`
_GOVERNMENT = re.compile(r"(?i)\b(?:government|gov't|govt\.?)\s+of\s+(?:the\s+)?$")
_GOVERNMENT_LOW = re.compile(_GOVERNMENT.pattern.replace("(?i)", "", 1))


def _lines_back(text: str, ls: int, n: int) -> int:
    """Start offset of the line n lines above the line starting at ls."""
    for _ in range(n):
        if ls <= 0:
            return 0
        ls = text.rfind("\n", 0, ls - 1) + 1
    return ls


def _lines_on(text: str, le: int, n: int) -> int:
    """End offset of the line n lines below the line ending at le."""
    for _ in range(n):
        nl = text.find("\n", le + 1)
        if nl < 0:
            return len(text)
        le = nl
    return le


def _donor_context(text: str, pos: int, ls: int, le: int, low: str | None = None) -> bool:
    """Whether the mention at pos names a donor or partner: a funding phrase earlier in its
    sentence (`funded by the`), or a short heading (`Government donors`, `Our partners`) over
    the list of short lines it stands in."""
    d = _data()
    if ((_any_in(d.donor_keys, low[max(ls, pos - 120):pos]) and d.donor_low.search(low, max(ls, pos - 120), pos))
            if low is not None and d.donor_low is not None
            else d.donor.search(text, max(ls, pos - 120), pos)):
        return True
    if le - ls > 80:
        return False                   # a prose line, no list item
    le, blanks = ls, 0
    for _ in range(9):                 # up the list of short lines to its heading
        if le <= 0:
            return False
        ps = text.rfind("\n", 0, le - 1) + 1
        prev = text[ps:le - 1].strip()
        if not prev:
            blanks += 1                # one blank line may separate an HTML heading from its list
            if blanks > 1:
                return False
            le = ps
            continue
        if len(prev) > 60 or prev.endswith((".", ";", "!", "?")):
            return False
        if _donor_heading(prev):
            return True
        le = ps
    return False


@lru_cache(maxsize=16384)
def _donor_heading(line: str) -> bool:
    """Whether a short line is a donor / partner heading (a pure function of the line, asked
    for every line above a mention in a list or an address block: cached)."""
    return _data().donor_heading.match(line) is not None


_OFFICIAL = re.compile(r"(?i)\b(?:republic|kingdom|federation|principality|sultanate|emirate|commonwealth|"
                       r"confederation|state\s+of|grand\s+duchy)\b")


def _mission_sender(title: str) -> str | None:
    """The country whose embassy, consulate or mission a title names
    (`German Embassy Nairobi`, `Embassy of the Republic of X in Y`), else None."""
    d = _data()
    if not _any_in(d.mission_keys, title.lower()) or not d.mission.search(title):
        return None
    for m in find_countries(title):
        after = title[m.end:m.end + 40]
        before = title[max(0, m.start - 40):m.start]
        if d.mission.match(after.lstrip()) or re.search(rf"(?i)(?:{d.mission.pattern})\s+(?:of|for|de|del|von|du|des|d'|d’)\s*(?:the\s+|la\s+|l'|l’)?$",
                                                        before):
            return m.country.alpha2
    return None


def _masthead_sender(doc: Doc, title_span: Span) -> str | None:
    """The country whose mission the page's masthead names: the first line, above the title
    and short (`Consulate General of the Republic of X in Y` over `Consular services in Y`).
    A mission's own site writes its name there; its pages are about the host as well."""
    nb = doc.nonblank
    if not nb or nb[0].end > title_span.start or len(nb[0].text) > 120:
        return None
    return _mission_sender(nb[0].text)


def _in_city_name(text: str, m) -> bool:
    """Whether mention m is part of a city's name (`Mexico City`, `Kuwait City`, `Santiago de
    Chile`, `Ciudad de Panamá`): data/page.toml `[country_in_city]`, not the country."""
    if text.startswith(_CITY_AFTER_STARTS, m.end) and _CITY_AFTER.match(text, m.end):
        return True
    s = m.start                        # (str tests first: cheap pre-checks of the patterns)
    return s >= 4 and text.endswith(_CITY_BEFORE_ENDS, s - 4, s) and \
        _CITY_BEFORE.search(text, max(0, s - 30), s) is not None


def _city_patterns():
    d = load_toml("page.toml")["country_in_city"]
    after = r"[ \t]+(?:" + "|".join(map(re.escape, d["after"])) + r")\b"
    before = r"(?<!\w)(?:" + _phrase_pattern(d["before"]) + r")\s+$"
    ends = tuple(sorted({" " + w.split()[-1] + " " for w in d["before"]}))    # (` de `: a cheap pre-check)
    starts = tuple(" " + w for w in d["after"])                                # (` City`)
    return re.compile(after), re.compile(before), ends, starts


_CITY_AFTER, _CITY_BEFORE, _CITY_BEFORE_ENDS, _CITY_AFTER_STARTS = _city_patterns()


def _country(doc: Doc, title_span: Span | None, title: str | None):
    tally = _country_tally(doc, title_span)
    if tally is None:
        return None
    ranked = sorted(((c, v) for c, v in tally.scores.items() if c != tally.sender), key=lambda kv: -kv[1])
    if not ranked:
        return None
    # Offices in several countries: the head office's country. When every address is in the
    # best-scored country, the head office can only point there too: it is looked for only
    # when the scores pick nothing.
    ask_head = bool(tally.in_addresses) and tally.sender is None
    if ask_head and tally.in_addresses != {ranked[0][0]}:
        head = _head_office(doc, tally)
        if head is not None:
            return head
        ask_head = False
    got = _by_scores(doc, tally, ranked, title)
    if ask_head and got is None:       # (else got is the best country, see _by_scores)
        return _head_office(doc, tally)
    return got


def _head_office(doc: Doc, tally: _Tally):
    """The country of the page's head office when it is one of its address countries."""
    head = _head_office_country(doc)
    return tally.countries[head] if head is not None and head in tally.in_addresses else None


def _by_scores(doc: Doc, tally: _Tally, ranked: list, title: str | None):
    """The page country from the scores (ranked, best first), or None. When every address is
    in the best-scored country, that country or None (the one address country is the best)."""
    d = _data()
    scores, countries, in_title = tally.scores, tally.countries, tally.in_title
    in_addresses, listed = tally.in_addresses, tally.listed
    best, s1 = ranked[0]
    if s1 < 0.3 and len(in_addresses) == 1 and not any(v > 0.2 for c, v in ranked if c not in in_addresses) \
            and (tally.sender is not None or (_contact_blocks(doc) <= 1 and
                                              not d.orgs.search(doc.text[:COUNTRY_CHARS]))):
        # the country of the page's only address, or of a mission's addresses (its host)
        return countries[next(iter(in_addresses))]
    weak = partial(_weak, need=3.0 if title and d.orgs.search(title) else 0.3,
                   second=ranked[1][1] if len(ranked) > 1 else 0.0,
                   total=None if best in in_title else sum(scores.values()) - listed)
    # +0.5 when the page's only address is in the country its text names; the contact blocks
    # are counted only when the bonus could decide (a score strong without it stays so).
    if weak(s1) and not (s1 > 0 and in_addresses == {best} and _contact_blocks(doc) <= 1 and not weak(s1 + 0.5)):
        return None
    if tally.sender is None and best not in in_title and (len(in_addresses) >= 2 or (
            in_addresses and _contact_blocks(doc) >= 2 and not (in_addresses == {best} and _one_domain(doc)))):
        # a directory of addresses: several organisations or countries. Several contact blocks
        # whose addresses name no country at all (`New York, NY 10005`), or only the country the
        # text names with every e-mail of the page at one domain (`bern@x.ch`, `lugano@x.ch`),
        # are one body's domestic offices: the country the text names stands.
        return None
    if best not in in_title and len(ranked) >= 2 and _dated_items(doc) >= 3:
        return None                    # a listing of dated posts about several countries
    return countries[best]


_MAIL_DOMAIN = re.compile(r"(?:@|\(at\)|\[at\]|\[@\])\s*((?:[a-z0-9-]+\.)+[a-z]{2,})")


def _one_domain(doc: Doc) -> bool:
    """Whether the page gives two or more e-mail addresses, all at one domain (`info@x.ch`,
    `bern(at)x.ch`): one body's offices, not a directory of several organisations."""
    low = lower_text(doc)
    low = low if low is not None else doc.text.lower()
    domains = _MAIL_DOMAIN.findall(low)
    return len(domains) >= 2 and len(set(domains)) == 1


def _weak(s: float, need: float, second: float, total: float | None) -> bool:
    """Whether the best country's score s is too weak for the page country: under `need`,
    under 1.5 times the second score, or at most half of all scores (`total`, lists aside;
    None when the title names the country). The higher s, the less weak."""
    return s + 1e-9 < need or s < 1.5 * second or (total is not None and s <= 0.5 * total)


_LISTING_HEADER = re.compile(r"(?i)^(?:(?:latest|recent|all|our)\s+)?(?:news|posts|stories|updates|articles|blog"
                             r"|press\s+releases|actualités|noticias|notícias|nieuws|aktuelles|notizie)$")
_HEAD_OFFICE = re.compile(r"(?i)^(?:head\s*office|headquarters|main\s+office|registered\s+office|siège(?:\s+social)?"
                          r"|hauptsitz|sede\s+(?:central|principal|nacional))\b")


# A line starting with the first word of a _HEAD_OFFICE line, in the lower-cased page.
_HEAD_OFFICE_START = re.compile(r"\n[^\S\n]*(head|main|registered|siège|hauptsitz|sede)")
_HEAD_OFFICE_AT_0 = re.compile(r"[^\S\n]*(head|main|registered|siège|hauptsitz|sede)")


def _head_office_candidates(doc: Doc):
    """Indexes into doc.nonblank of the lines that may start with a _HEAD_OFFICE word, in
    order: one scan of the lower-cased page from line break to line break; else all lines."""
    low = lower_text(doc)
    if low is None:
        return range(len(doc.nonblank))
    lines = doc.nonblank
    found = [m.start(1) for m in _HEAD_OFFICE_START.finditer(low)]
    m0 = _HEAD_OFFICE_AT_0.match(low)
    if m0:
        found.insert(0, m0.start(1))
    keep = []
    for i in found:
        k = _line_at(lines, i)
        if k >= 0 and lines[k].start == i:
            keep.append(k)
    return keep


_INTERNATIONAL = re.compile(r"(?i)\b(?:international|intl|world|global|worldwide)\b")


def _head_office_country(doc: Doc) -> str | None:
    """The country written in the address block under a `Head Office` line (ISO2), if any;
    none for an international body's headquarters (its seat is no page country)."""
    lines = doc.nonblank
    for k in _head_office_candidates(doc):
        line = lines[k]
        if len(line.text) <= 60 and _HEAD_OFFICE.match(line.text.strip()):
            for nl in lines[k + 1:k + 7]:
                if len(nl.text) > 100 or _INTERNATIONAL.search(nl.text):
                    break
                found = find_countries(nl.text)
                if found:
                    return found[-1].country.alpha2
            return None
    return None


def _dated_items(doc: Doc) -> int:
    """How many lines are a date alone (`12 March 2024`): the post dates of a news listing
    (counted once per page)."""
    n = doc.extra.get("dated_items")
    if n is None:
        n = doc.extra["dated_items"] = sum(map(_date_line, [t for t in map(_TEXT, doc.nonblank) if len(t) <= 40]))
    return n


_TEXT = attrgetter("text")
_START = attrgetter("start")


@lru_cache(maxsize=32768)
def _date_line(t: str) -> bool:
    """Whether a short line is a date alone (a pure function of the line: cached)."""
    t = t.strip()
    return bool(_ANY_DIGIT.search(t) and _DATE_LINE.match(t))


_PAGE_JUNK = re.compile(r"^\d{8}\b")
_PHONE_OR_MAIL = re.compile(r"(?i)\b(?:tel|phone|telephone|telefon|fax)\b|@[\w-]+\.\w|\+\d{1,3}[\s.-]*\(?\d")
# _PHONE_OR_MAIL's alternatives for lower-cased page text, spaces inside one line only, each
# with the literal it opens with (\\b before a word is the look-behind after it): str.find jumps
# from literal to literal (memchr for one character, far faster than the regex engine's scan)
# and the pattern is matched there.
_PHONE_OR_MAIL_LOW = tuple((lit, re.compile(p)) for lit, p in (
    ("tel", r"tel(?<!\wtel)(?:ephone|efon)?\b"), ("phone", r"phone(?<!\wphone)\b"), ("fax", r"fax(?<!\wfax)\b"),
    ("@", r"@[\w-]+\.\w"), ("+", r"\+\d{1,3}(?:[^\S\n]|[.-])*\(?\d")))


def _contact_blocks(doc: Doc, gap: int = 6) -> int:
    """How many separate clusters of phone / e-mail lines the page has (counted once per page)."""
    key = ("contact_blocks", gap)
    blocks = doc.extra.get(key)
    if blocks is None:
        blocks, last = 0, None
        for line in _phone_or_mail_lines(doc):
            if len(line.text) <= 300:
                if last is None or line.index - last > gap:
                    blocks += 1
                last = line.index
        doc.extra[key] = blocks
    return blocks


def _phone_or_mail_lines(doc: Doc) -> list[Line]:
    """The non-blank lines _PHONE_OR_MAIL finds something in, in order: the lower-cased page
    read at each literal of a twin that never crosses a line break (so each hit lies in
    one line, and every line holding a match holds a hit), not one search per line."""
    low = lower_text(doc)
    if low is None:
        return [line for line in doc.nonblank if _PHONE_OR_MAIL.search(line.text)]
    lines = doc.nonblank
    keep = set()
    for lit, p in _PHONE_OR_MAIL_LOW:
        i = low.find(lit)
        while i >= 0:
            if p.match(low, i):        # (a match overlapping an earlier one lies in its line)
                keep.add(_line_at(lines, i))
            i = low.find(lit, i + 1)
    return [lines[k] for k in sorted(keep) if k >= 0]


# --- the extractor -----------------------------------------------------------

def extract_page_info(doc: Doc) -> tuple[PageInfo, list]:
    headings = doc.extra.get("headings") if isinstance(doc.extra, dict) else None
    title = title_span = None
    if doc.content_type == "html" and headings:
        title, title_span = _title_html(doc, headings)
    updated, updated_span = _updated(doc)
    if title is None:
        title, title_span = _title_text(doc, updated_span)
        if title and _LISTING_HEADER.match(title) and _dated_items(doc) >= 3:
            title = title_span = None  # a listing's section header (`Latest news`) names no page
    country = _country(doc, title_span, title)
    return PageInfo(
        title=title,
        country=country.name if country else None,
        country_iso3=country.alpha3 if country else None,
        country_iso2=country.alpha2 if country else None,
        updated=updated,
        title_span=title_span,
        updated_span=updated_span,
    ), []
