"""Stories: a person or group and their distance from home or distance travelled.

Rules (each record names the one that matched):
  story.teaser   a line `5,701 kms from home` (or `Distance from home: 5,701 km`), name
                 and role from a `Name, role` line just above it (`Name, 34, role`,
                 a couple `Name & Name, role`, a role alone `A father of three`; else null)
  story.home     `2,480 kilometers from Sudanese home`, `nine hundred kilometres away from home`
  story.journey  a journey verb shortly before the distance (`Alin trekked 64 miles`,
                 `walked for 80 kilometers`, `covering 45 miles (72 kilometers)`), or a
                 headline opening with a distance and a means of travel
                 (`Sixty miles by boat: Mere and her children ...`)
  story.away     home said another way, of a person: `I am 900 miles from the school I
                 left`, `is now 3,000 km from her children`
Not stories: totals and averages (`collectively`, `each year`), a plural population
as subject (`Syrian refugees traveled ...`), distances between places (no journey
verb; a place as subject), journeys given only in days (no distance). A routine rate
(`walks 14 km a day`) is a story only of a named person with no other distance on the
page. The first unit written counts (km, mile, nautical mile); a unit in parentheses
after it is the same distance. Repeated mentions of one journey (a headline and the
body) are one record, named when any mention names it (`Mere` and `Mere Tuvou` are one
name: the first mention's is kept).

The name comes from the sentence that gives the distance; when that sentence
says I, we, he, she or they, from the speaker of the quote (`," says Name`, or an
attribution line `— Name, 23, builder` right under the paragraph), else from the
nearest mention of a person before it (a byline `BY Name` counts; so does an intro
`Name (41), from Town, ...`: an age in brackets marks a person). A sentence opening
`Together, ...` sums several journeys: no story.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from ..ingest.segment import Doc
from ..parse.countries import lookup_kind
from .page import _any_in, _keys, lower_text
from ..parse.distances import Distance, find_distances, unit_anchors
from ..records import Story
from ..spans import Span
from ..data import load_toml

MAX_KM = 45_000.0          # more than once round the Earth: a total, not one journey
# (`nautical miles` needs no alternative of its own: its `miles` starts after \b)
_QUICK = re.compile(r"(?i)k(?:m|ilomet)|\bmi(?:le|\b)")
_QUICK_LOW = re.compile(r"k(?:m|ilomet)|\bmi(?:le|\b)")      # the same on lower-cased text (see extract_stories)


def _is_word_char(c: str) -> bool:
    """A character \\w matches (for \\b tests without a regex)."""
    return c.isalnum() or c == "_"


@dataclass(frozen=True)
class _Words:
    verbs: re.Pattern
    verb_window: int
    phrases: re.Pattern
    aggregate: re.Pattern       # aggregate words and routine rates: a sentence with none is no total
    population: frozenset
    determiners: frozenset
    pronoun: re.Pattern
    role: re.Pattern
    role_end: re.Pattern
    role_words: frozenset
    not_names: frozenset
    place_preps: frozenset
    person_verbs: frozenset
    person: re.Pattern
    journey_after: re.Pattern
    totals: re.Pattern          # the aggregate words alone (no routine rate): always rule a sentence out
    away: re.Pattern            # `from my family`, `from the classroom I left` after the distance
    mode_after: re.Pattern      # `by boat:` after a distance that opens a headline
    teaser: re.Pattern          # what may open a teaser's distance line (`Nearly `), to its end
    inline_name: re.Pattern     # `Rahel, nurse — ` before the distance on the teaser line itself
    # The longest word of each aggregate or rate phrase, lower case: a sentence whose lower-cased
    # text holds none of them has no aggregate phrase (a cheap test before the pattern).
    aggregate_keys: tuple = ()
    home_subject: re.Pattern | None = None    # `My family is` / `Her village lies` right before a distance
    story_nouns: frozenset = frozenset()      # `Lina's story`: a possessive before one names a person
    total_opener: re.Pattern | None = None    # `Together, ...` opening a sentence: a sum of journeys


def _alt(words, flags=re.IGNORECASE):
    words = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", flags)


def _words_alt(words) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(words, key=len, reverse=True))


def _away(d: dict) -> re.Pattern:
    """`(away) from my family`, `from her home country`, `from the classroom I left`,
    `from where she grew up`, matched right after a distance."""
    left = _words_alt(d["left_phrases"])
    return re.compile(
        r"(?i)\s*(?:\([^()\n]{1,30}\)\s*)?(?:away\s+)?from\s+(?:"
        r"(?:my|his|her|their|our)\s+(?:own\s+|old\s+|beloved\s+|young\s+)?(?:" + _words_alt(d["home_nouns"]) + r")\b(?!['’]s)"     # (not `his country's capital`)
        r"|(?:the|a)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+(?:that\s+|which\s+|where\s+)?(?:I|we|he|she|they)\s+(?:" + left + r")\b"
        r"|where\s+(?:I|we|he|she|they)\s+(?:" + left + r")\b)")


def _journey_after(d: dict) -> re.Pattern:
    """Right after a distance: a journey noun, with one describing word between
    (`7,000-kilometre journey`, `a 90-mile sea crossing`), or the road put behind the
    traveller (`4,000 km behind me`)."""
    nouns = _words_alt(d["journey_nouns"])
    skip = _words_alt(d["not_journey_adjectives"])
    return re.compile(r"(?i)(?:[\s-]*(?:(?!(?:" + skip + r")\b)[a-z]+[\s-]+)?(?:" + nouns + r")\b"
                      r"|\s+(?:" + _words_alt(d["behind_phrases"]) + r")\b)")


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = load_toml("stories.toml")
    mods = "|".join(map(re.escape, d["role_modifiers"]))
    roles = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(d["roles"], key=len, reverse=True))
    role = re.compile(rf"(?i)\b(?:(?:{mods})\s+)?(?:[a-z]{{3,}}\s+)?(?:{roles})\b")
    return _Words(
        verbs=_alt(d["travel_verbs"]),
        verb_window=int(d["verb_window"]),
        phrases=re.compile(r"(?i)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                 for p in d["distance_phrases"]) + r")\s*$"),
        aggregate=_alt(d["aggregate_words"] + d["rate_words"]),
        population=frozenset(w.lower() for w in d["population_nouns"]),
        determiners=frozenset(w.lower() for w in d["determiners"]),
        pronoun=re.compile(r"\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b"),
        role=role,
        role_end=re.compile(role.pattern + r"\s*$", re.IGNORECASE),
        role_words=frozenset(r.lower() for r in d["roles"] + d["person_nouns"]),
        not_names=frozenset(d["not_names"]),
        place_preps=frozenset(w.lower() for w in d["place_prepositions"]),
        person_verbs=frozenset(w.lower() for w in d["person_verbs"]),
        person=_alt(list(d["person_nouns"]) + list(d["roles"])),
        journey_after=_journey_after(d),
        totals=_alt(d["aggregate_words"]),
        away=_away(d),
        mode_after=re.compile(r"(?i)\s+(?:" + _words_alt(d["journey_modes"]) + r")\b\s*[:,–—-]"),
        teaser=re.compile(r"(?i)\s*(?:(?:" + _words_alt(d["teaser_prefixes"]) + r")\s+){0,2}$"),
        inline_name=re.compile(r"([^\n]{2,60}?)\s*(?:[—–|·•:]|\s-)\s*(?i:(?:" + _words_alt(d["teaser_prefixes"])
                               + r")\s+){0,2}$"),
        aggregate_keys=_keys(d["aggregate_words"] + d["rate_words"]),
        story_nouns=frozenset(d["story_nouns"]),
        home_subject=re.compile(
            r"(?i)\b(?:(?P<first>my|our)|his|her|their)\s+(?:own\s+|old\s+|beloved\s+)?(?:home|"
            + _words_alt(d["home_nouns"]) + r")\s+(?:is|are|was|were|lies|lie|remains|remain)\s+(?:(?:"
            + _words_alt(d["teaser_prefixes"]) + r"|more\s+than)\s+){0,2}$"),
        total_opener=re.compile(r"(?i)[\"“‘'\s]*(?:" + _words_alt(d["total_openers"]) + r")\s*,"),
    )


def _aggregate(w: _Words, sentence: str, low: str | None) -> bool:
    """w.aggregate.search(sentence); low: the sentence lower-cased by lower_text (offset for
    offset, (?i) matches kept), where a match needs one of w.aggregate_keys."""
    if low is not None and not _any_in(w.aggregate_keys, low):
        return False
    return w.aggregate.search(sentence) is not None


# Patterns used inside the functions below, compiled once.
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]*$")
_POSS_END = re.compile(r"(?:’s|'s)$")
_AGE_WORD = re.compile(r"(?i)-(?:years?|months?|weeks?)-old$|^(?:one|two|three|four|five|six|seven|eight|nine|ten)-")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_OPENER_END = re.compile(r"[.!?:\"“]\s*$")
_BAR_SPLIT = re.compile(r"\s+\|")
_CLAUSE_SPLIT = re.compile(r"[,.;:!?\n]")
_NAMED_END = re.compile(r"\s*\b(?:named|called)?\s*$")
_DIGIT_OR_STOP = re.compile(r"\d|[.!?]$")
_TOKEN = re.compile(r"[\w'’-]+")
_CLAUSE_STOP = re.compile(r"[;:!?]")
_AND_GAP = re.compile(r",?\s*(?:and|&)\s*")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b")
_RESTATED = re.compile(r"\s*\(\s*(?:about\s+|approx\.?\s+|c\.\s*)?")   # `60 miles (96 km)`: the same distance


# --- sentences ---------------------------------------------------------------

_ABBREV = frozenset("mr mrs ms dr prof st no nos estb est approx e.g i.e jr sr vs etc inc ltd co "
                    "mt ft ca c p.o u.s u.k dept gov govt fig vol pp op".split())
_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def _sentence_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The sentence of text[start:end] (one line) that holds offset pos
    (looked for within 400 characters either side)."""
    start, end = max(start, pos - 400), min(end, pos + 400)
    s, e = start, end
    for m in _END.finditer(text, start, end):
        w = _LAST_WORD.search(text[max(start, m.start() - 12):m.start() + 1])
        word = (w.group(1) if w else "").rstrip(".").lower()
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        if m.end() <= pos:
            s = m.end()
            while s < end and text[s].isspace():
                s += 1
        elif m.start() >= pos:
            e = m.end()
            break
    return s, e


# --- names -------------------------------------------------------------------

# Words of one run stay on one line: a line break ends a name (`By Ama Owusu` / `Kwame left ...`).
# A hyphen may join two capitalised parts of one name (`Marie-Ange`, `Jean-Robert`).
_NAME_RUN = re.compile(r"[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’-]+(?:(?<=-)[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’-]+)?\*?"
                       r"(?:[^\S\n]+[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’-]+(?:(?<=-)[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’-]+)?\*?){0,2}")
# (a profile's `Name: Lina` row counts as a byline does, its name on the label's line)
_BYLINE = re.compile(r"(?m)^[ \t]*(?:by|BY|By|Written by|Posted by|(?:Name|Nom|Nombre)[ \t]*:(?=[ \t]*[A-ZÀ-Þ]))[:\s]+"
                     r"([A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’.-]+){0,3})")
_PREV_WORD = re.compile(r"([\w'’-]+)\W*$")
# (an age in brackets after the name, `Grace (41), from Gulu,`, is itself a person slot: group 2;
# so is a home town after a comma, `Grace, from Gulu, ...`)
_NEXT = re.compile(r"\s*([*]?)(\s*\(\s*(?:aged\s+)?\d{1,3}\s*\)(?=\s*[,\w]))?\s*(’s|'s|,\s*(?:a|an|the|\d+|from)\b|[\w'’-]+)?")


def _clean_name(name: str) -> str:
    name = _POSS_END.sub("", name.strip())
    return name.replace("*", "").strip(" ,")


def _is_excluded(word: str, w: _Words) -> bool:
    return _excluded(word) if w is _words() and len(word) <= 40 else _excluded_by(word, w)


@lru_cache(maxsize=65536)
def _excluded(word: str) -> bool:
    """_is_excluded with the package's word lists: a pure function of a short word, cached."""
    return _excluded_by(word, _words())


def _excluded_by(word: str, w: _Words) -> bool:
    bare = _clean_name(word)
    if not bare or bare in w.not_names or bare.isupper() or bare.lower() in w.role_words \
            or bare.lower() in w.population:
        return True
    if _AGE_WORD.search(bare):
        return True                    # `Nine-year-old Ali`
    if "-" in bare.strip("-") and any(_excluded_by(x, w) for x in bare.split("-") if x):
        return True                    # `Syrian-American`, `Pan-African`: a part names no one
    return lookup_kind(bare) is not None


def _title_case(line: str) -> bool:
    if line.rstrip(" \"”’)").endswith("."):
        return False                   # a sentence (`Amina Yusuf walked 200 km.`), not a headline
    words = [x for x in _LATIN_WORD.findall(line) if len(x) > 3]
    return len(words) >= 3 and sum(x[0].isupper() for x in words) / len(words) > 0.6


def _runs(text: str, start: int, end: int, w: _Words, strict: bool, poss: bool = False):
    """Capitalised word runs in text[start:end] that could name a person:
    yields (start, end, name). strict: also need a person slot after it;
    poss: a possessive run (`Teuila's night crossing`) is such a slot."""
    for m in _NAME_RUN.finditer(text, start, end):
        words = m.group(0).split()
        # drop leading words that never name anyone (`Between`, `The`)
        off = m.start()
        while words and _is_excluded(words[0], w):
            off = text.index(words[0], off) + len(words[0])
            words = words[1:]
        if not words:
            continue
        first_start = text.index(words[0], off)
        name = " ".join(words)
        if any(_is_excluded(x, w) for x in words):
            continue
        prev = _PREV_WORD.search(text, max(0, first_start - 30), first_start)
        prev_word = prev.group(1).lower() if prev else ""
        if prev_word in w.place_preps:
            continue
        if prev_word in ("the", "a", "an") and not strict:
            continue
        if strict:
            line_start = text.rfind("\n", 0, first_start) + 1
            initial = not text[line_start:first_start].strip() or _OPENER_END.search(
                text[max(line_start, first_start - 3):first_start])
            nxt = _NEXT.match(text, m.end())
            star, tail = (nxt.group(1) or nxt.group(2), nxt.group(3) or "") if nxt else ("", "")
            slot = bool(star) or tail in ("’s", "'s") or tail.startswith(",") or prev_word in ("named", "meet") \
                or (tail.lower() in w.story_nouns and _POSS_END.search(m.group(0)) is not None) \
                or (poss and _POSS_END.search(m.group(0)) is not None)      # (the run holds its `'s`)
            low = tail.lower()
            if not slot and tail[:1].islower():
                slot = low in w.person_verbs or (not initial and low.endswith("ed"))
            if not slot:
                continue
        yield first_start, m.end(), _clean_name(name)


def _mentions_before(text: str, pos: int, w: _Words) -> tuple[int, int, str] | None:
    """The nearest person mention before pos (strict person slots or a byline)."""
    best = None
    lo = max(0, pos - 6000)
    for s, e, name in _runs(text, lo, pos, w, strict=True):
        best = (s, e, name)
    for m in _BYLINE.finditer(text, lo, pos):
        name = _clean_name(_BAR_SPLIT.split(m.group(1))[0])
        if best is None or m.start(1) > best[0]:
            if not _is_excluded(name.split()[0], w):
                best = (m.start(1), m.start(1) + len(name), name)
    return best


def _role_match(text: str, start: int, end: int, w: _Words, anchored: bool) -> str | None:
    m = w.role.match(text, start, end) if anchored else None
    if not anchored:
        for m in w.role.finditer(text, start, end):
            pass
    if m is None:
        return None
    words = m.group(0).split()
    if len(words) > 1 and (words[0].lower() in w.determiners or "-" in words[0] or words[0].lower() in ("year", "old", "years")):
        words = words[1:]
    return " ".join(words)


# `Kamila, a student`, `Yusuf, 19, a mechanic`, `Grace (41), a teacher`: an age may come between.
# A home town may come between too (`Grace (41), from Gulu, a teacher`, `..., from Gulu, is a teacher`).
_APPOS = re.compile(r"[*]?\s*(?:\(\s*\d{1,3}\s*\)\s*)?,\s*(?:\d{1,3}\s*,\s*)?"
                    r"(?:from\s+[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2}\s*,\s*(?:is\s+|was\s+)?)?"
                    r"(?:a|an|the)\s+([^,.;:!?]{0,60})")
_SUBJ_START = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:The|A|An)\s+", re.M)


def _role_for(text: str, name_start: int, name_end: int, s: int, w: _Words) -> str | None:
    """An occupation or status noun said of the person: an apposition
    (`Kamila, a 21-year-old student`), a noun before the name (`a mother named
    Halima`), or the subject of a later sentence (`The former dentistry student spent`)."""
    m = _APPOS.match(text, name_end)
    if m:
        role = _role_match(text, m.start(1), m.end(1), w, anchored=False)
        if role:
            return role
    seg = _CLAUSE_SPLIT.split(text[max(0, name_start - 50):name_start])[-1]
    seg = _NAMED_END.sub("", seg)
    if seg:
        r = w.role_end.search(seg)
        if r:
            return _role_match(seg, r.start(), r.end(), w, anchored=True)
    for m in _SUBJ_START.finditer(text, name_end, s + 1):
        role = _role_match(text, m.end(), min(len(text), m.end() + 40), w, anchored=True)
        if role:
            return role
    return None


# --- the extractor -----------------------------------------------------------

@dataclass
class _Cand:
    span: Span
    dist: Distance
    name: str | None
    role: str | None
    rule: str
    rate: bool = False       # a routine rate (`14 km a day`): kept only for a named traveller


_SAYS = r"(?:says|said|explains|explained|recalls|recalled|tells|told|adds|added|remembers)"
_NM = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Þ][a-zà-ÿ'’-]+)?"
# `"I walked 300 km," says Amina` / `..." Amina said`: the speaker of a first-person quote.
_SAID = re.compile(rf"[”\"]\s*,?\s*(?:{_SAYS}\s+(?P<n1>{_NM})|(?P<n2>{_NM})\s+{_SAYS}\b)")
_TEASER_TAIL = re.compile(r"(?i)\s*(?:[|•·»›-]\s*)*(?:read\s+more|more|read\s+story)?\s*[»›]?\s*$")
# `from her home in Asmara`: the place of the home may close a teaser line.
_HOME_PLACE = re.compile(r"\s+in\s+[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2}")
_HOME_AFTER = re.compile(r"(?i)\s*(?:\([^()\n]{1,30}\)\s*)?(?:\|\s*)?(?:away\s+)?from\s+(?:(?:his|her|their|my|our|[A-Z][\w'’-]*)\s+)?home\b")
_NW = r"[A-ZÀ-Þ][\w'’.-]*"
# `Andrew, Pediatric surgeon`, `Ivan – Seasonal worker`, a couple `Dmytro & Olena, grandparents`
# (one record for the pair, named as written).
_NAME_LINE = re.compile(rf"^({_NW}(?:\s+{_NW}){{0,2}}(?:\s+(?:&|and)\s+{_NW}(?:\s+{_NW})?)?)\s*"
                        r"(?:(?:,|\s[–—-])\s*(.{2,60})|\((.{2,60})\))?$")
# An age written after the name on a card line: `, 34` or ` (34)`, before a comma or the end.
_AGE_IN_LINE = re.compile(r"(?<=[\w'’.])(?:\s*,\s*(?:aged\s+)?|\s*\(\s*(?:aged\s+)?)\d{1,3}(?:\s*\))?(?=\s*(?:,|$))")
# `A father of three`: a card that names no one, only a role.
_ROLE_LINE = re.compile(r"(?:A|An)\s+")
_JOINERS = ("&", "and")
_HOME_LABEL = re.compile(r"(?i)\s*(?:distance\s+)?(?:from|to)\s+home\s*[:|–—-]\s*(?:about\s+|around\s+|almost\s+|over\s+)?$")
_JUNK_LINE = re.compile(r"(?i)^(?:read more|more|share|photo|credit|image|video|back|next|previous)\b")


def _teaser_name(doc: Doc, line_idx: int) -> tuple[str | None, str | None, int | None]:
    """`Andrew, Pediatric surgeon` on the non-blank line above a teaser."""
    j = line_idx - 1
    while j >= 0 and not doc.lines[j].text:
        j -= 1
    if j < 0:
        return None, None, None
    line = doc.lines[j]
    found = _name_line(line.text) if len(line.text) <= 80 else None     # (longer: no name line)
    if found is None and len(line.text) <= 40 and _bare_role(line.text):
        # the role on a line of its own under the name (`<h3>Rahel</h3><p>Nurse</p>`)
        role = line.text.strip()
        if role:
            k = j - 1
            while k >= 0 and not doc.lines[k].text:
                k -= 1
            above = _name_line(doc.lines[k].text) if k >= 0 and len(doc.lines[k].text) <= 80 else None
            if above and above[0] and above[1] is None:
                return above[0], role, doc.lines[k].start
    return (found[0], found[1], line.start) if found else (None, None, None)


@lru_cache(maxsize=4096)
def _bare_role(t: str) -> bool:
    """A line that is a role and nothing else (`Nurse`, `Retired teacher`): cached, as name lines."""
    return _words().role.fullmatch(t.strip()) is not None


@lru_cache(maxsize=16384)
def _name_line(t: str) -> tuple[str | None, str | None] | None:
    """Name and role of a teaser's name line (`Andrew, Pediatric surgeon`), else None:
    a pure function of the line (name lines repeat from page to page: cached)."""
    if len(t) > 80 or ":" in t or _JUNK_LINE.match(t):
        return None
    if _DIGIT_OR_STOP.search(t):
        t = _AGE_IN_LINE.sub("", t, count=1)       # `Rahel, 34, nurse`, `Ahmad (27), engineer`
        if _DIGIT_OR_STOP.search(t):
            return None
    m = _NAME_LINE.match(t)
    w = _words()
    if not m:
        a = _ROLE_LINE.match(t)
        role = _role_match(t, a.end(), len(t), w, anchored=True) if a else None
        return (None, role) if role else None
    name, role = m.group(1), m.group(2) or m.group(3)
    if any(_is_excluded(x, w) for x in name.split() if x not in _JOINERS):
        return None
    if role is None and len(name.split()) > 1:
        return None
    return _clean_name(name), (role.strip() if role else None)


_line_start = attrgetter("start")


def _line_of(doc: Doc, pos: int) -> int:
    """Index of the last line starting at or before pos (0 when none does)."""
    return max(0, bisect_right(doc.lines, pos, key=_line_start) - 1)


def _population_subject(subject: str, w: _Words) -> bool:
    toks = _TOKEN.findall(subject)
    if not toks:
        return False
    # the noun group right before the verb: `Syrian refugees`, `the five young men`
    tail = []
    for t in reversed(toks):
        if t.lower() == "of" and tail:
            continue                   # `thousands of Syrians`
        if t.lower() in w.determiners or t.lower() in ("and", "who", "that", "in", "from", "of"):
            if t.lower() in w.determiners:
                return False
            break
        tail.append(t)
        if len(tail) >= 4:
            break
    def population(t):
        if t.lower() in w.population:
            return True
        k = lookup_kind(t) if t.endswith("s") else None
        return bool(k and k[1] == "adjective")      # `Syrians`, `Afghans`
    return any(population(t) for t in tail) and not any(
        t[:1].isupper() and not _is_excluded(t, w) for t in tail)


def _candidate(doc: Doc, d: Distance, w: _Words) -> _Cand | None:
    text = doc.text
    if d.km <= 0 or d.km > MAX_KM:
        return None
    li = _line_of(doc, d.start)
    line = doc.lines[li]
    s, e = _sentence_bounds(text, line.start, max(line.end, d.end), d.start)
    sentence = text[s:e]
    after_home = _HOME_AFTER.match(text, d.end, min(len(text), d.end + 40))
    low = doc.extra.get("lower")       # (lower_text of this page, set by extract_stories)
    rate = False
    if _aggregate(w, sentence, low[s:e] if low is not None else None):
        if w.totals.search(sentence):
            return None                # a total, an average, a campaign
        rate = True                    # `walks 14 km a day`: only a named traveller's routine
    # a teaser line: the distance and `from home` fill the line, or a label does
    # (`Distance from home: 4,500 km`)
    # (a headline `Nine Hundred Kilometres From Home` is not a teaser: words, title case)
    if after_home and not d.in_words and "from" in after_home.group(0) and _teaser_end(text, after_home.end(), line.end):
        if d.start == line.start or (d.start - line.start < 40 and w.teaser.match(text, line.start, d.start)):
            name, role, name_start = _teaser_name(doc, li)
            start = name_start if name_start is not None else line.start
            return _Cand(Span(start, line.end), d, name, role, "story.teaser")
        if d.start - line.start < 80:
            im = w.inline_name.fullmatch(text, line.start, d.start)   # `Rahel, nurse — 11,300 km from home`
            inline = _name_line(im.group(1)) if im else None
            if inline and inline[1] is not None:
                return _Cand(Span(line.start, line.end), d, inline[0], inline[1], "story.teaser")
    if not d.in_words and d.start - line.start < 40 and _HOME_LABEL.match(text, line.start, d.start) \
            and _TEASER_TAIL.match(text, d.end, line.end):
        name, role, name_start = _teaser_name(doc, li)
        start = name_start if name_start is not None else line.start
        return _Cand(Span(start, line.end), d, name, role, "story.teaser")
    if w.total_opener.match(text, s, e):
        return None                    # `Together, the 40 workers ... had travelled`: a sum
    rule = None
    verb_end = None
    if after_home:
        rule = "story.home"
    vm = None
    for vm in w.verbs.finditer(text, s, d.start):
        pass
    if vm is not None:
        between = text[vm.end():d.start]
        n_words = len(_TOKEN.findall(between))
        if n_words <= w.verb_window and not _CLAUSE_STOP.search(between):
            rule = rule or "story.journey"
            verb_end = vm.start()
        elif w.phrases.search(text[max(s, d.start - 30):d.start]) and n_words <= 3 * w.verb_window:
            rule = rule or "story.journey"
            verb_end = vm.start()
    noun_end = None                    # `a 7,000-kilometre journey`: where its journey noun ends
    if rule is None and (jm := w.journey_after.match(text, d.end)):
        rule, noun_end = "story.journey", jm.end()
    if rule is None and w.away.match(text, d.end, min(len(text), d.end + 80)):
        rule = "story.away"            # `I am 1,600 miles from the classroom I left`
    home_owner = None                  # `My family is 3,000 km away`: the home is the subject
    if rule is None and _AWAY_END.match(text, d.end, e) and (home_owner := w.home_subject.search(text, s, d.start)):
        rule = "story.away"
    head = None                        # `Sixty miles by boat: Mere and her children ...`
    if rule is None and not text[s:d.start].strip(" \"“‘'") \
            and w.mode_after.match(text, d.end, e):         # a means of travel and a break (`by boat:`)
        rule, head = "story.journey", d.end
    if rule is None:
        return None
    subject_end = verb_end if verb_end is not None else d.start
    subject = text[s:subject_end]
    if _population_subject(subject, w):
        return None
    name = None
    role = None
    runs = list(_runs(text, s, subject_end, w, strict=False))
    if rule == "story.away":           # `Ahmed's farm is 20 km from his village`: a thing's place
        runs = [r for r in runs if not _POSS_END.search(text[r[0]:r[1]])]
    if _title_case(sentence):          # a headline: only a possessive names someone (`Rami's 4,000 km`)
        runs = [r for r in runs if _POSS_END.search(text[r[0]:r[1]])]
    if runs:
        k = len(runs) - 1
        while k > 0 and _AND_GAP.fullmatch(text[runs[k - 1][1]:runs[k][0]]):
            k -= 1                     # `Omar and Manaf walked`: the first of the pair
        name_pos, name_end, name = runs[k]
        role = _role_for(text, name_pos, name_end, s, w)
    if name is None and _FIRST_PERSON.search(subject):
        sm = _SAID.search(text, d.end, min(len(text), e + 120))
        if sm and not _is_excluded(sm.group("n1") or sm.group("n2"), w):
            name = _clean_name(sm.group("n1") or sm.group("n2"))
            name_pos, name_end = sm.start("n1") if sm.group("n1") else sm.start("n2"), sm.end()
            role = _role_for(text, name_pos, sm.end(), s, w)
    if name is None and _FIRST_PERSON.search(subject):
        found = _attribution(doc, li, d.end, w)       # `— Aibek, 23, builder` on the line under the quote
        if found:
            name_pos, name_end, name = found
            role = _role_match(text, name_end, doc.lines[_line_of(doc, name_pos)].end, w, anchored=False)
    if name is None and w.pronoun.search(subject):
        found = _mentions_before(text, s, w)
        if found:
            name_pos, name_end, name = found
            role = _role_for(text, name_pos, name_end, s, w)
    if name is None and home_owner is not None:
        found = _possessor(doc, li, s, d, home_owner.group("first") is not None, w)
        if found:
            name_pos, name_end, name = found
            role = _role_for(text, name_pos, name_end, s, w)
        elif home_owner.group("first"):
            subject = subject + " I"   # `My home is 900 km away` of nobody named: an unnamed speaker's
    if name is None and noun_end is not None:
        found = _journey_owner(doc, li, s, e, d, noun_end, w)
        if found:
            name_pos, name_end, name = found
            role = _role_for(text, name_pos, name_end, s, w)
    if name is None and head is None and after_home and not text[s:d.start].strip(" \"“‘'"):
        head = after_home.end()        # `11,300 km from home: Rahel's story`
        found = _head_name(text, head, e, w)
        if found:
            name_pos, name_end, name = found
            role = _role_for(text, name_pos, name_end, s, w)
        elif s == line.start or w.teaser.match(text, line.start, d.start):
            name, role, _ = _teaser_name(doc, li)      # a card's name line above a longer line
        head = None
    elif name is None and head is not None:
        found = _head_name(text, head, e, w)
        if found:
            name_pos, name_end, name = found
            role = _role_for(text, name_pos, name_end, s, w)
    if name is None and (rule == "story.away" or (rule == "story.journey" and head is None)) \
            and not w.person.search(subject):
        return None                    # nobody travels: `the road runs 300 km`
    if name is None and (rate or head is not None):
        return None                    # a rate or a headline that names nobody
    if name and role is None:       # another mention of the same person: `a mother named Halima`
        lo = max(0, s - 3000)
        # (`Amina Yousif, a midwife` is a mention of `Amina`: the surname is read over)
        for ms, me in _mentions(text, name, lo, s, _SURNAME)[-5:]:
            role = _role_for(text, ms, me, me, w)
            if role:
                break
    if name and role is None:       # a teaser under a headline: `Noy's journey` / `Noy, 22, a student, left`
        for ms, me in _mentions(text, name, e, min(len(text), e + 1000), _WORD_END, most=3):
            a = _APPOS.match(text, me)
            role = _role_match(text, a.start(1), a.end(1), w, anchored=False) if a else None
            if role:
                break
    return _Cand(Span(s, max(e, d.end)), d, name, role, rule, rate)


_SURNAME = re.compile(r"(?:[^\S\n]+[A-ZÀ-Þ][\w'’-]+){0,2}\b")
_WORD_END = re.compile(r"\b")


def _mentions(text: str, name: str, lo: int, hi: int, tail: re.Pattern, most: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each mention of name in text[lo:hi] that `tail` extends to a word's end
    (str.find, no pattern built per name); the first `most` only when most > 0."""
    out = []
    i = text.find(name, lo, hi)
    while i >= 0:
        m = tail.match(text, i + len(name), hi)
        if m:
            out.append((i, m.end()))
            if len(out) == most:
                break
        i = text.find(name, i + 1, hi)
    return out


# `— Aibek, 23, construction worker from Naryn`: a dash, then the speaker's name, then an age,
# a role or nothing.
_ATTRIBUTION = re.compile(r"[—–―]{1,2}[^\S\n]*|-{1,2}[^\S\n]+")
_QUOTE_ATTRIBUTION = re.compile(r"[”\"][^\S\n]*[—–―]{1,2}[^\S\n]*")
_ATTR_TAIL = re.compile(r"[^\S\n]*(?:[,(]|$)")


def _attribution(doc: Doc, li: int, pos: int, w: _Words) -> tuple[int, int, str] | None:
    """The speaker named on an attribution line right under a first-person paragraph,
    or after the closing quote on the distance's own line (`"..." — Musa`); pos: the
    distance's end."""
    lines = doc.lines
    line = lines[li]
    m = _QUOTE_ATTRIBUTION.search(doc.text, pos, line.end)
    if m is None:
        j = li + 1
        while j < len(lines) and not lines[j].text:
            j += 1
        if j >= len(lines) or j - li > 2:
            return None
        line = lines[j]
        m = _ATTRIBUTION.match(doc.text, line.start, line.end)
        if not m:
            return None
    n = _NAME_RUN.match(doc.text, m.end(), line.end)
    if not n or not _ATTR_TAIL.match(doc.text, n.end(), line.end):
        return None
    name = _clean_name(n.group(0))
    if any(_is_excluded(x, w) for x in name.split()):
        return None
    return n.start(), n.end(), name


# `her 4,000-kilometre trek`, `our 300 km bus ride`: a possessive owns the journey noun.
_POSS_BEFORE = re.compile(r"\b(?:(?P<first>[Mm]y|[Oo]ur)|[Hh]er|[Hh]is|[Tt]heir)\s+(?:[a-z]+\s+)?$")
# `After a 5,000 km journey, Ali arrived`: the traveller opens the clause after the comma.
_NEXT_WORD = re.compile(r"[^\S\n]+([a-z]+)\b")
_TO_COMMA = re.compile(r"[^,;:.!?\n]{0,60}?,[^\S\n]*")


def _possessor(doc: Doc, li: int, s: int, d: Distance, first: bool, w: _Words) -> tuple[int, int, str] | None:
    """The person a possessive before the distance stands for: my / our as I (an attribution
    under the quote), else, and his / her / their, the nearest mention before the sentence."""
    found = None
    if first:
        sm = _SAID.search(doc.text, d.end, doc.lines[li].end)     # `," says Tariq` on the quote's line
        n = sm.group("n1") or sm.group("n2") if sm else None
        if n and not _is_excluded(n, w):
            i = sm.start("n1") if sm.group("n1") else sm.start("n2")
            found = (i, i + len(n), _clean_name(n))
        else:
            found = _attribution(doc, li, d.end, w)
    return found or _mentions_before(doc.text, s, w)


# `... 3,000 km away.`: nothing but the sentence's end (or `now`, `from here`) after `away`.
_AWAY_END = re.compile(r"[^\S\n]+away\b(?=[^\S\n]*(?:[.,;:!?\"”’)]|$)|[^\S\n]+(?:now|today|from\s+(?:me|us|him|her|them|here))\b)")


def _journey_owner(doc: Doc, li: int, s: int, e: int, d: Distance, noun_end: int,
                   w: _Words) -> tuple[int, int, str] | None:
    """Who makes a journey named by a noun after the distance, when the words before it
    name no one: a possessive before it resolved as he / she / I (`Her 4,000-kilometre trek`),
    or a person opening the clause after it (`After a 5,000 km journey, Ali arrived`)."""
    text = doc.text
    p = _POSS_BEFORE.search(text, s, d.start)
    if p:
        return _possessor(doc, li, s, d, p.group("first") is not None, w)
    c = _TO_COMMA.match(text, noun_end, e)
    if c:
        for run in _runs(text, c.end(), e, w, strict=True):
            if run[0] != c.end():
                return None
            nxt = _NEXT_WORD.match(text, run[1], e)     # a person's verb (`Ali arrived`), not
            return run if nxt and nxt.group(1) in w.person_verbs else None   # any -ed (`Agadez welcomed`)
    return None


def _teaser_end(text: str, pos: int, line_end: int) -> bool:
    """Nothing but a `Read more` link (or the home's place) after `from home` on its line."""
    if pos >= line_end - 1:
        return True
    p = _HOME_PLACE.match(text, pos, line_end)
    return _TEASER_TAIL.match(text, p.end() if p else pos, line_end) is not None


def _head_name(text: str, pos: int, end: int, w: _Words) -> tuple[int, int, str] | None:
    """The traveller a headline names after its opening distance: the first name in a
    person slot (`Mere and her children reach safety`, `Amal's road north`)."""
    m = w.mode_after.match(text, pos, end)
    runs = list(_runs(text, m.end() if m else pos, end, w, strict=True, poss=True))
    if _title_case(text[pos:end]):
        runs = [r for r in runs if _POSS_END.search(text[r[0]:r[1]])]
    return runs[0] if runs else None


def _same_name(a: str, b: str) -> bool:
    """One person: equal names, or one the start of the other (`Mere`, `Mere Tuvou`)."""
    if a == b:
        return True
    aw, bw = a.split(), b.split()
    n = min(len(aw), len(bw))
    return aw[:n] == bw[:n]


def _same_journey(a: _Cand, b: _Cand) -> bool:
    if not math.isclose(a.dist.km, b.dist.km, rel_tol=5e-3):
        return False
    if a.rule == "story.teaser" and b.rule == "story.teaser":
        return a.name == b.name and a.span == b.span
    return a.name is None or b.name is None or _same_name(a.name, b.name) or "story.teaser" in (a.rule, b.rule)


def _round6(x: float) -> float:
    """round(x, 6); a whole number (`5,701 kms`) is its own rounding (round with digits
    goes through a decimal string: slow)."""
    return x if x.is_integer() else round(x, 6)


def extract_stories(doc: Doc):
    text = doc.text
    low = lower_text(doc)
    anchors = None
    if low is not None:
        # _QUICK_LOW from the unit anchors (k of km/kilomet; m of mile/mi, here after \b; n of
        # nautical comes with the m of its mile)
        anchors = unit_anchors(low)
        if not any(low[u] == "k" or u == 0 or not _is_word_char(low[u - 1]) for u in anchors):
            return [], []
    elif not _QUICK.search(text):
        return [], []
    w = _words()
    cands: list[_Cand] = []
    prev: Distance | None = None
    for d in find_distances(text, low=low, anchors=anchors):
        # `60 miles (96 kilometers)`: the second unit restates the first
        if prev is not None and _RESTATED.fullmatch(text, prev.end, d.start):
            prev = d
            continue
        prev = d
        c = _candidate(doc, d, w)
        if c is not None:
            cands.append(c)
    merged: list[_Cand] = []
    buckets: dict[int, list[int]] = {}          # log-scale distance bucket -> indexes into merged
    for c in cands:
        b = int(math.log(c.dist.km) / 5e-3)
        near = [i for k in (b - 1, b, b + 1) for i in buckets.get(k, ())]
        same = next((i for i in sorted(near) if _same_journey(merged[i], c)), None)
        if same is None:
            buckets.setdefault(b, []).append(len(merged))
            merged.append(c)
        elif merged[same].rule != "story.teaser" and (
                c.rule == "story.teaser" or (merged[same].name is None and c.name is not None)):
            merged[same] = c           # a teaser decides name and role; else the named mention
        elif merged[same].role is None and c.role is not None and merged[same].rule != "story.teaser" \
                and merged[same].name is not None and c.name is not None:
            merged[same].role = c.role     # a headline's traveller, the body's role for them
    if any(c.rate for c in merged):
        # a routine rate counts only when it is all the page says of that person's distance
        # (`walked 900 km in 30 days, some 30 km a day`: the first distance of a rate sentence)
        named = [c.name for c in merged if not c.rate and c.name]
        kept: list[_Cand] = []
        for c in merged:
            if c.rate and any(_same_name(c.name, n) for n in named):
                continue
            if c.rate:
                named.append(c.name)
            kept.append(c)
        merged = kept
    stories = [Story(span=c.span, name=c.name, role=c.role, distance=c.dist.value,
                     distance_unit=c.dist.unit, distance_km=_round6(c.dist.km), rule=c.rule)
               for c in merged]
    return stories, []
