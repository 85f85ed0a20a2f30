"""Facts: labelled statistics.

Layouts (each a named rule, recorded on the Fact):

- ``fact.colon``     ``Label: value``, ``Label : value``
- ``fact.leader``    ``Label ........ value`` (dotted leaders)
- ``fact.dashes``    ``Label -- value``
- ``fact.dash``      ``Label – value`` (en/em dash or a spaced hyphen), ``Males- 82.14%``
- ``fact.equals``    ``Label = value``
- ``fact.pipe``      ``Label | value |`` rows (HTML tables and `<dl>` become these)
- ``fact.cells``     cells one per line: ``Label |`` then ``value |`` on the next line
- ``fact.trailing``  ``Label 1234 unit`` rows of a flattened two-column table, and
                     ``Label value in 2012``
- ``fact.tab``       ``Label<TAB>value`` (tables copied as text)
- ``fact.spaces``    ``Label     value`` (three or more spaces between two columns)
- ``fact.glued``     ``TypeFund``, ``Legal statusActive`` (infobox labels glued to values)
- ``fact.nextline``  ``Population:`` / ``Region served`` with the value on the next line
- ``fact.nested``    ``Area: total: ... land: ...`` sub-fields inside a value
- ``.group`` suffix  a row under a group header (``Age structure |`` with an empty
                     value, an infobox header, ``• Total`` rows): ``Field - sub-label``

The stages, in `extract_facts`:

1. `_line_rows` walks the lines once (pipe tables through a cell machine, other
   lines through `split_line`), `_infobox_rows` adds infobox copies without
   separators; each row keeps the spans of its label and value.
2. Page metadata, contact rows, counters, enumerated steps and table header
   rows are dropped (data/fact_labels.toml); so are rows whose label is a
   contact label of data/contacts.toml (`Tél.`, `T:` before a phone), whose
   value is only a contact (an e-mail, URL, phone) or carries a copyright
   (footers, photo credits), navigation rows (three short link texts, glued
   menus) and headings with a colon (`Examplia: country fact sheet`); a dated
   heading sets `as_of`. A page that writes decimal commas reads `150.000`
   as thousands. Contact-block metadata (`Working hours:`, `Consular
   district:`), identifier rows beside contact rows (rule 4) and the page's
   own heading line (PageInfo.title_span) are no facts.
3. Rows are grouped under headers (`Field - sub-label`), nested CIA-style
   values are split (on a Factbook-style page, where `Label:` lines carry
   their values on the next line, text values, `Field:` / `Sub: value` groups
   and `sub-label -` lines with the number below count too), and an isolated
   row that only looks like a fact (a
   headline with a colon, a caption) is dropped unless its label is a known
   indicator or its value a number.
4. `build_fact` parses label and value with the pure parsers of ``parse/``
   (numbers, periods, units, codes) and the indicator table; a rate in the
   label (`per 1,000` -> permille) applies to a bare number; unknown labels
   give an ``unknown_label`` info finding, unknown units a warning.

Nothing here reads pint on the hot path: units come from a precompiled
spelling table (pint is asked, cached, only about a unit-like word the table lacks).

Speed (the output never depends on it): most lines have no separator, digit or
`|` and take an inline path (`_line_class`, cached per line text: boilerplate
repeats); what is asked of a label is asked once per spelling (`_label_kinds`,
`_label_plan` kept in `IndicatorTable.cached`, lru caches); unit, currency and
code answers are cached by the value's tail or text (parse/); a pattern runs
only after a cheap test shows it can match (a character it needs, a required
word of the vocabulary: `indicators.may_match`). Each fast path has its slow
twin in tests/test_facts_fast.py, checked on tables and generated inputs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from ..findings import Finding
from ..parse import addresses as _addr
from .page import is_update_stamp_label
from ..parse.emails import find_emails
from ..ingest.segment import Doc, Line
from ..parse.codes import (CURRENCY_SYMBOL_RE, currency_at, currency_codes, currency_of_symbol,
                           is_currency_code, language_codes)
from ..parse.indicators import Indicator, label_words, load_indicators, may_match, norm_label, slug, takes_digit
from ..parse.number_words import NUMBER_WORDS, SCALES as _WORD_SCALES, parse_number_words
from ..parse.numbers import BEFORE_SCALE_WORDS, SCALE_WORDS, Number, find_numbers
from ..parse.periods import MONTHS, Period, find_period, parse_period, value_qualifier
from ..parse.units import before_words, label_rate, lookup_unit, unit_after, unit_before
from ..records import Fact
from ..spans import Span

__all__ = ["extract_facts", "load_indicators", "split_line", "clean_label", "parse_value", "Row"]

# small patterns, compiled once
_DIGIT = re.compile(r"\d")
_DIGIT_LABEL = re.compile(r"\d+(?:\s?%|[-–]\d+\s+\w|\s+\w+\s+\w)")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NUM_LEAD = re.compile(r"[(\[]?[-+~≈$€£₹\u2212\u2012\u2013]?\d")
_NUM_LEAD_WS = re.compile(r"\s*[(\[]?\s*[-+~≈$€£₹\u2212\u2012\u2013]?\s*\d")
_PAREN = re.compile(r"\(([^()]*)\)")
_PAREN_WS = re.compile(r"\s*\(([^()]*)\)")
_COMMA_YEAR = re.compile(r",\s*((?:FY\s?)?(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?(?:\s+est\.?)?)$")
_CENSUS = re.compile(r"census", re.I)
_LABEL_YEAR_SUFFIX = re.compile(r"\s+(?:in|as\s+of|as\s+on|for)\s+((?:FY\s?)?(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?)$",
                                re.I)
_AS_OF_HEAD = re.compile(r"^(?P<head>[^\W\d_][^:|=]{2,60}?)[\s:–—,(-]+(?P<date>(?:\d{1,2}\s+)?(?:"
                         + "|".join(MONTHS) + r")\.?,?\s+(?:1[89]|20)\d\d|(?:1[89]|20)\d\d)\)?$", re.I)
# three capitals, no letter either side (`USD`): written `[A-Z](?<![A-Za-z][A-Z])...` so that the
# pattern starts with a class re can scan for (the same matches as `(?<![A-Za-z])[A-Z]{3}...`)
_CODE_ANY = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]{2}(?![A-Za-z])")
_RANK_LABEL = re.compile(r"rank|position|place", re.I)
_OF = re.compile(r"\s*(?:of|out of)\b")
_WS = re.compile(r"\s+")
_SEP_ANY = re.compile(r"[:=|…]| -- | [–—] |\.\.\.\.")


def _has_sep(t: str) -> bool:
    """_SEP_ANY.search(t), asked with substring tests (faster)."""
    return (":" in t or "=" in t or "|" in t or "…" in t or " -- " in t or " – " in t or " — " in t
            or "...." in t)
_ABBREV_END = re.compile(r"\b(?:[A-Z]|est|approx|ca|c|no|Str|St|Ave|Inc|Ltd|sq|kms?|U\.S|etc|mln)\.$")
_TAIL_PERIOD = re.compile(r"(?:\b(?:in|as of|for)\s+|,\s*|\s)((?:FY\s?)?(?:" + "|".join(MONTHS) + r")?\.?\s*"
                          r"(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?\s*(?:est\.?|estimated?|census|provisional)?\.?)\s*$",
                          re.IGNORECASE)

MAX_LINE = 2000           # longer lines are prose or junk: not rows

# --- rows ---------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """A labelled value found in the text, before it is parsed into a Fact."""
    label: str
    lstart: int                 # label span in doc.text
    lend: int
    value: str
    vstart: int                 # value span in doc.text (vstart == vend: no value)
    vend: int
    rule: str
    line: int                   # index of the line (in doc.lines) where the row starts
    kind: str = "row"           # row | header | skip
    bullet: bool = False        # the label started with a bullet (• Total)
    group: "Row | None" = None  # the group header this row belongs to
    as_of: str | None = None
    known: bool = False         # the label is in the indicator table
    period_text: str | None = None   # a cell of its own that dates the value (`| 2021 estimate |`)
    unit_text: str | None = None     # a unit column's cell (`| % |`, `| USD million |`)

    @property
    def has_value(self) -> bool:
        return bool(self.value.strip(" |;,.:-–"))


_BULLET = re.compile(r"^[\s•·▪►◦‣∙*\-–]+")
_BULLET_FIRST = frozenset("•·▪►◦‣∙*-–")       # (with whitespace: how a bullet can start)
_FOOTNOTE = re.compile(r"\s*(?:\[(?:\d{1,3}|[a-z]|note \d+|citation needed|nb \d+)\])+|[*†‡§¹⁴⁵⁶⁷⁸⁹⁰]+$")
_FOOTNOTE_CHAR = re.compile(r"[\[*†‡§¹⁴⁵⁶⁷⁸⁹⁰]")    # _FOOTNOTE matches nothing without one of these
# (each pattern below opens with a look-ahead at the characters its alternatives start with: re
# scans for that class instead of trying every alternative at every position, ~2x faster; the
# matches are the same, tests/test_facts_fast2.py)
_PROSE_VERB = re.compile(r"(?=[abcdhimostwy])"
                         r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|shall|may|must|"
                         r"does|did|do|been|being|became|become|becomes|we|you|our|your|they|their|"
                         r"i|he|she|it|this|these|those|there|which|who|that)\b", re.IGNORECASE)
# `[.!?]` then a capital, not after an initial or abbreviation (`No.`, `St.`, `Admin.`): the
# look-behinds stand after the stop they check, so that the pattern starts with a class re scans for
_SENTENCE_BREAK = re.compile(r"[.!?](?<!\b[A-Z][.!?])(?<!\bNo[.!?])(?<!\bSt[.!?])(?<!\bDr[.!?])(?<!\bMr[.!?])"
                             r"(?<!\bMs[.!?])(?<!\bNr[.!?])(?<!\bnr[.!?])(?<!\bno[.!?])(?<!\bAdmin[.!?])"
                             r"(?<!\bAv[.!?])(?<!\bVol[.!?])(?<!\bEst[.!?])\s+[A-Z]")
# (`(601) 742 5130`: an area code in brackets before a grouped local number is a phone number)
_PHONEY = re.compile(r"(?=[\d(+@hw])(?:\d{5,}|\b0\d{2,4}[\s/-]\d{3}|\d[,.]\d{3}\b|\(\d+[-\s]\d+\)|\+\d|@|https?://|www\."
                     r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4})")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_PER_THOUSANDS = re.compile(r"\bper\s+\d{1,3}(?:[,.\u00a0 ]\d{3})+\b")


def _phoney_gate(text: str) -> bool:
    """Can _PHONEY match? Each of its alternatives needs a digit, `@`, `://` or `www.`."""
    return _DIGIT.search(text) is not None or "@" in text or "://" in text or "www." in text


@lru_cache(maxsize=8192)
def label_ok(label: str) -> bool:
    """Does this text look like the label of a fact row?

    >>> label_ok("GDP per Capita PPP (2014)"), label_ok("No. of Villages (as per Hand Book, 2011)")
    (True, True)
    >>> label_ok("The population of the province has grown by nearly 42 million")
    False
    >>> label_ok("Via Roma 426, 00145 Rome, Italy. (39-6) 522821. FAX"), label_ok("+49 69 242314")
    (False, False)
    """
    s = label.strip()
    if s[:1] in "•·▪►◦‣∙":
        s = s.lstrip("•·▪►◦‣∙ ")
    if not s or len(s) > 120 or not _HAS_LETTER.search(s):
        return False
    if not (s[0].isalpha() or s[0].isdigit() or s[0] in "(«\"'“%#"):
        return False
    if s[0].isdigit() and not _DIGIT_LABEL.match(s) and parse_period(s) is None:
        return False
    bare = _BRACKETS.sub(" ", s)
    if len(bare) > 80 or len(bare.split()) > 9:
        return False
    if "per" in bare:
        bare = _PER_THOUSANDS.sub("per 1", bare)     # `Women per 1,000 men`: a rate's base, no phone or prose figure
    if "?" in bare or "!" in bare or _SENTENCE_BREAK.search(bare) or (_phoney_gate(bare) and _PHONEY.search(bare)):
        return False
    if len(bare.split()) > 3 and _PROSE_VERB.search(bare):
        return False
    if bare.rstrip().endswith((",", ";")):
        return False
    return True


# Separators of `Label <sep> value` lines, in the order they are tried.
_COLON = re.compile(r"(?<!\s)\s*[:：]\s*|^[:：]\s*")
_INLINE_NEXT = re.compile(r"\s*(?:[;•·]|(?<=[\w%)])\.)\s+(?=[A-Z][^:;•·.]{1,40}:\s)")
_ANY_SEP = re.compile(r"[:：\t=…]|--|\.\.\.|___|[\s\w][–—-]|   |\s\.\.\s")     # a cheap superset of the separators
_TAB = re.compile(r"[ :：]*\t[\t ]*")
_LEADER = re.compile(r"(?<!\s)\s*(?:\.\s?){4,}\s*|(?<!\s)\s*…+\s*|(?<!\s)\s*_{3,}\s*")      # Population ........ 9,500,000
# a short leader between spaces (`Doing Business rank .. 69 of 190`), asked only of a line with ` ..`
# (the leftmost of it and a _LEADER match is the separator); kept only in a block of leader rows
# (_short_leader_alone)
_SHORT_LEADER = re.compile(r"(?<!\s)\s+\.{2,3}\s+(?=\S)")
_DASHES = re.compile(r"(?<!\s)\s+--\s+")          # (?<!\s): a run of spaces is tried once
_DASH = re.compile(r"(?<!\s)\s+[–—]\s*|(?<!\s)\s+-\s+")
_EQUALS = re.compile(r"(?<!\s)\s+=\s+")
_GLUED_DASH = re.compile(r"^([^\W\d_][^:|]{0,40}?[^\W\d_.)])[-–]\s+(?=[\d$€£₹(])")
_TRAILING = re.compile(
    r"^(?P<label>[^\W\d_][^|:=]*?[^\s,(])\s+"
    r"(?P<value>(?:(?:approx\.?|about|over|c\.)\s+)?[$€£₹]?\d[\d,.\u00a0 ]*(?:\s?%|"
    r"\s+(?:million|billion|lakh|crore|thousand|sq\.?\s?kms?\.?|kms?|km²|km2|per\s+sq\.?\s?kms?\.?|"
    r"sq\.?\s?mi(?:les)?\.?|hectares?|ha|persons?|people|years?|m|metres?|feet|ft|acres?)\.?"
    # or a short tail of words: `940 Females per 1000 Males`, `12 sq. km (approx.)`
    r"|(?:\s+(?:[A-Za-z][A-Za-z.²/%]{0,11}|\d{1,4}|\([^()]{1,20}\))){1,4}"
    r")?)"
    r"(?:\s+(?:in|as\s+of|as\s+on)\s+(?P<year>(?:1[89]|20)\d\d))?\s*$",
    re.IGNORECASE)
_WORDY_TAIL = re.compile(r"(?:\s+[^\W\d_][^\s\d]*)+")


def _wordy_end(t: str) -> bool:
    """True when _TRAILING cannot match t because it ends in five words, none of them
    with a digit (a sentence): after its number a value has four words at most (its tail,
    a unit) beside runs of `,` `.` and a `%`; and a bracket (a tail of several words)
    never occurs. Prose lines that name a year early on then skip a pattern that
    backtracks through every tail before it fails."""
    if "(" in t or t[-1:].isdigit():
        return False
    head = t.rsplit(None, 5)
    return len(head) == 6 and _WORDY_TAIL.fullmatch(t, len(head[0])) is not None


_WIDE = re.compile(r"[ \u00a0]{3,}")          # `Capital          Minsk`: columns of a text table


def _paren_depth_ok(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) <= text.count(")", 0, pos)


def _find_colon_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the match _find_colon gives, found with str.find: each colon
    in the first 150 characters with the whitespace around it, as _COLON.finditer
    walks them (a colon whose leading whitespace the previous match took is none)."""
    n = min(len(text), 150)
    prev_end = 0
    i = _next_colon(text, 0, n)
    while i >= 0:
        start = i
        while start > 0 and text[start - 1].isspace():
            start -= 1
        if start >= prev_end:
            end = i + 1
            while end < n and text[end].isspace():
                end += 1
            if not (text.startswith("//", i + 1)                                      # http://
                    or (i > 0 and text[i - 1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit())
                    or not _paren_depth_ok(text, i)):                                 # 19:30, (a: b)
                return start, end
            prev_end = end
        i = _next_colon(text, i + 1, n)
    return None


def _next_colon(text: str, pos: int, n: int) -> int:
    a = text.find(":", pos, n)
    b = text.find("：", pos, n) if "：" in text else -1
    return a if b < 0 else (b if a < 0 else min(a, b))


def _find_colon(text: str) -> re.Match | None:
    for m in _COLON.finditer(text, 0, 150):      # a label is at most 120 characters
        i = text.index(":", m.start()) if ":" in text[m.start():m.end()] else text.index("：", m.start())
        if text.startswith("//", i + 1):                        # http://
            continue
        if i > 0 and text[i - 1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit():
            continue                                            # 19:30, 940:1000
        if not _paren_depth_ok(text, i):
            continue
        return m
    return None


def _any_sep(text: str) -> bool:
    """`_ANY_SEP.search(text, 0, 152)`, asked with substring tests (the same answer, a
    third of the time): a separator character, a run of them, or a dash after a
    space or a word character (re's whitespace is str.isspace, its word characters
    str.isalnum or `_`)."""
    h = text[:152]
    if ":" in h or "\t" in h or "=" in h or "：" in h or "…" in h or "--" in h \
            or "___" in h or "   " in h:
        return True
    for ch in "-–—":
        i = h.find(ch, 1)
        while i > 0:
            c = h[i - 1]
            if c.isspace() or c.isalnum() or c == "_":
                return True
            i = h.find(ch, i + 1)
    if ".." in h:
        if "..." in h:
            return True
        i = h.find("..", 1)
        while i > 0:             # ` .. ` (a short leader)
            if h[i - 1].isspace() and h[i + 2:i + 3].isspace():
                return True
            i = h.find("..", i + 1)
    return False


# what each separator pattern needs in the first 150 characters to match at all
_SEP_NEEDS = {None: (":", "："), "fact.leader": (".", "…", "___"), "fact.dashes": ("--",),
              "fact.dash": ("-", "–", "—"), "fact.equals": ("=",)}
_SEPARATORS = ((None, "fact.colon"), (_LEADER, "fact.leader"), (_DASHES, "fact.dashes"),
               (_DASH, "fact.dash"), (_EQUALS, "fact.equals"))
_SEPARATORS_NEEDS = tuple((rx, rule, _SEP_NEEDS[rule if rx is not None else None]) for rx, rule in _SEPARATORS)


def split_line(text: str) -> tuple[int, int, int, str] | None:
    """Split a line into label and value: (label_end, value_start, value_end, rule),
    offsets into text; None when it is no `Label <sep> value` line. A line that
    ends at its separator (a header) has value_start == value_end.

    >>> t = "Population (2015):9.5 million"; a, b, c, r = split_line(t); (t[:a], t[b:c], r)
    ('Population (2015)', '9.5 million', 'fact.colon')
    >>> t = "Literacy Rate in the Region – 68%"; a, b, c, r = split_line(t); (t[:a], t[b:c], r)
    ('Literacy Rate in the Region', '68%', 'fact.dash')
    >>> t = "Capital" + chr(9) + "Minsk"; a, b, c, r = split_line(t); (t[:a], t[b:c], r)
    ('Capital', 'Minsk', 'fact.tab')
    >>> split_line("We are happy to announce: a new office in 2016") is None
    True
    """
    if not _any_sep(text):
        return None              # most prose lines: no separator where a label could end
    return _split_sep(text)


def _split_sep(text: str) -> tuple[int, int, int, str] | None:
    """split_line of a line _any_sep found a separator in."""
    n = len(text)
    if "\t" in text:
        m = _TAB.search(text, 0, 150)
        if m and m.start() > 0 and label_ok(text[:m.start()].rstrip(":：")):
            return m.start(), m.end(), n, "fact.tab"
    h = text[:150]
    for rx, rule, needs in _SEPARATORS_NEEDS:
        for x in needs:
            if x in h:
                break
        else:
            continue             # the pattern cannot match: its separator is not there
        if rx is None:
            span = _find_colon_span(text)
        else:
            m = rx.search(text, 0, 150)
            if rx is _LEADER and " .." in h:
                ms = _SHORT_LEADER.search(text, 0, 150)
                if ms is not None and (m is None or ms.start() < m.start()):
                    m = ms
            span = (m.start(), m.end()) if m else None
        if span is None:
            continue
        start, end = span
        if rx is _DASH and not _paren_depth_ok(text, start) and "(" not in text[:start]:
            continue
        if rx is _LEADER and text[end - 1:end] == "." and text[end - 2:end - 1] == " " and text[end:end + 1].isalpha():
            end -= 1             # `Internet TLD ........ .uz`: the value's own dot is no leader
        label = text[:start]
        if label_ok(label):
            return start, end, n, rule
        if rx is None:
            return None          # a colon after something that is no label: prose
    g = _GLUED_DASH.match(text)
    if g and label_ok(g.group(1)):
        return g.end(1), g.end(), n, "fact.dash"
    w = _WIDE.search(text, 0, 150)
    if w and w.start() > 0 and w.end() < n and label_ok(text[:w.start()]) and "   " not in text[w.end():]:
        return w.start(), w.end(), n, "fact.spaces"
    return None


# --- pipe tables ---------------------------------------------------------------

@dataclass(slots=True)
class _Cell:
    text: str
    start: int
    end: int
    line: int
    multiline: bool = False


_CONNECTOR = re.compile(r"^(?:and|or|of|&|/)\s", re.I)
_RULE_ROW = re.compile(r"^(?=.*[-=–—])[\s|:\-–—=+]*$")       # ---|---| (a lone `|` is an empty cell)
_RULE_CHARS = frozenset("|:-–—=+")             # how a stripped rule row can start
_AGE_BAND = re.compile(r"^\d+\s?(?:-|–|to)\s?\d+\s+years?|^\d+\s+years?\s+(?:and|or|\+)|^\d+\s?\+", re.I)


def _value_like(c: _Cell) -> bool:
    t = c.text
    if _AGE_BAND.match(t) or label_words().sublabel.match(t):
        return False
    if c.multiline or len(t) > 70:
        return True
    if _NUM_LEAD.match(t):
        return True
    return len(find_numbers(t)) >= 2


def _cells_of(line: Line) -> list[_Cell]:
    out = []
    pos = line.start
    for part in line.text.split("|"):
        s = len(part) - len(part.lstrip())
        txt = part.strip()
        out.append(_Cell(txt, pos + s, pos + s + len(txt), line.index))
        pos += len(part) + 1
    return out


# --- the extractor ----------------------------------------------------------------

class _Rows:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.rows: list[Row] = []
        self.words = label_words()
        self.table = load_indicators(tuple(getattr(doc.options, "aliases_files", ()) or ()))
        self._decimal_comma: bool | None = None
        self.cia = _cia_style(doc)      # a Factbook-style page: `Label:` lines with the value on the next line

    @property
    def decimal_comma(self) -> bool:
        """decimal_comma_page of the page, decided on first use (a page without
        a number to read never asks)."""
        if self._decimal_comma is None:
            self._decimal_comma = decimal_comma_page(self.doc.text, self.words)
        return self._decimal_comma

    # a label that is metadata, a contact row or an enumerated item; a value that is a credit line
    def skip_kind(self, label: str, value: str = "") -> str | None:
        c, skip, meta, contact, weak_contact, identifier, label_copyright, phone_word = _label_kinds(label)
        if skip:
            return "skip"
        if meta and (not _numeric_start(value) or _CLOCK.match(value)):
            return "skip"             # `Consular district: …`, `Working hours: Mon–Fri 9–13` (not `Working hours: 41`)
        if contact or (weak_contact and _CONTACT_VALUE.search(value)):
            return "skip"             # `Tél.`, `Anschrift`; `T`, `E`, `Web` only before a contact (_is_contact_label)
        mail = ("@" in value and _MAIL_IN.search(value) is not None) \
            or (not value[:1].isdigit() and _MAIL_GATE.search(value) is not None and _mail_value(value))
        contact_value = _contact_value(value) or (phone_word and _phone_shaped(value)) \
            or (value[:1] in "+(" and _phone_lead(value))
        if (mail or contact_value) and self.table.lookup(c) is None and (mail or not identifier):
            # `Media contact: press@…`, `Mobil: 0170 1234567`, `Press: press [at] example [dot] org`,
            # `Toll-free helpline (English, French): 1-800-555-0100`: a contact, whatever the label
            return "skip"
        if label_copyright or _copyright(value):
            return "skip"             # `Privacy | Accessibility | © 2025 …`, `Photo: © Name, 2019`
        return None

    def add(self, label: str, lstart: int, value: str, vstart: int, rule: str, line: int,
            kind: str | None = None) -> Row | None:
        raw_label = label
        lead = _BULLET.match(label) if label[:1] in _BULLET_FIRST or label[:1].isspace() else None
        bullet = bool(lead and (any(ch in lead.group() for ch in "•·▪►◦‣∙")
                                or lead.group().strip() in ("-", "*", "–")))
        if lead:
            lstart += lead.end()
            label = label[lead.end():]
        label = label.rstrip(" :：|")
        if not label:
            return None
        value_stripped = value.strip()
        vs = vstart + (len(value) - len(value.lstrip()))
        row = Row(label, lstart, lstart + len(label), value_stripped, vs, vs + len(value_stripped),
                  rule, line, "row", bullet)
        sk = self.skip_kind(raw_label, value_stripped)
        if sk:
            row.kind = "skip"
        elif kind:
            row.kind = kind
        elif not row.has_value:
            row.kind = "header"
        self.rows.append(row)
        return row


@lru_cache(maxsize=8192)
def _label_kinds(label: str) -> tuple[str, bool, bool, bool, bool, bool, bool, bool]:
    """What skip_kind asks about a label as written, once per spelling: the clean
    label, a skip label, a contact-block metadata label, a contact label (strong, or
    weak: one that needs a contact-like value), an identifier label, a copyright line,
    a label that names a phone line (with a phone-shaped value, a contact)."""
    c = clean_label(label)[0].strip().rstrip(".:").strip()
    skip, meta = _skip_label(c)
    strong, weak = _contact_label_words()
    cc = c.rstrip(". -").casefold()
    return (c, skip, meta, cc in strong, cc in weak, _identifier_label(c), _copyright(label),
            _contact_word_label(c))


@lru_cache(maxsize=8192)
def _skip_label(c: str) -> tuple[bool, bool]:
    """(a skip or enumerated label, a contact-block metadata label) of fact_labels.toml,
    asked once per label spelling."""
    words = label_words()
    return (words.skip.match(c) is not None or words.enumerated.match(c) is not None or _stamp_label(c),
            words.contact_meta.match(c) is not None)


def _stamp_label(c: str) -> bool:
    """An update stamp's label in any language (`Fecha de actualización`, `Terakhir diperbarui`,
    `Imesasishwa`): the page's stamp goes to pages.updated, it is no fact. The vocabulary is the
    page extractor's (data/page.toml, extract/page.is_update_stamp_label)."""
    return is_update_stamp_label(c)


_CLOCK = re.compile(r"^\s*\d{1,2}(?:[:.h]\d{2})?\s*(?:[-–]|a\b|to\b|bis\b|à\b|h\b|uhr\b|[ap]\.?m\.?)", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:1[89]|20)\d\d\b|\bcopyright\b|\ball rights reserved\b", re.I)


def _copyright(text: str) -> bool:
    """_COPYRIGHT.search(text), asked only when text holds a piece every match has: `©`,
    `(c)`, the `py` of copyright or the `ved` of reserved (letters with no case
    variants but their ASCII capitals, so lower() finds whatever re.I finds)."""
    if "©" not in text:
        low = text.lower()
        if "(c)" not in low and "py" not in low and "ved" not in low:
            return False
    return _COPYRIGHT.search(text) is not None


_CONTACT_VALUE = re.compile(r"@|\bwww\.|https?://|^\s*(?:\+|\(\+?\d|0)[\d\s()./-]{5,}$")


_MAIL_OR_URL = re.compile(r"^\S+@\S+\.[A-Za-z]{2,}$|^(?:https?://|www\.)\S+$", re.I)
_MAIL_IN = re.compile(r"[\w.+-]@[\w-]+\.[\w.-]*[A-Za-z]{2}")
_PHONE_VALUE = re.compile(r"^(?:\+|00?)[\d\s/().-]+$")
_GROUPED_DIGITS = re.compile(r"\d[\s/-]+\d")


_MAIL_GATE = re.compile(r"@|＠|[\[(]a[\])]|\b(?:at|arroba|arobase|dot|punto|point|ponto)\b", re.I)


@lru_cache(maxsize=4096)
def _mail_value(value: str) -> bool:
    """Is the whole value one e-mail address, written plainly, obfuscated (`press [at] example
    [dot] org`, `info arroba example.org`) or reversed (parse/emails.find_emails decodes them)?"""
    v = value.strip(" .;,")
    if not v or len(v) > 120 or _MAIL_GATE.search(v) is None:
        return False
    return any(m.start == 0 and m.end >= len(v) for m in find_emails(v))


_EXT = r"(?:ext\.?|x|poste|anexo|ramal|dw\.?)"      # the word before a phone extension
_PHONE_SHAPE = re.compile(r"^(?:\(\+|[+(])?\d[\d\s().\-/]{5,}\d(?:\s*" + _EXT + r"\s*\d{1,5})?$", re.I)
_THOUSANDS = re.compile(r"^\d{1,3}(?:([\s.\u00a0])\d{3})(?:\1\d{3})*$")


def _phone_shaped(value: str) -> bool:
    """A value made of a phone number's characters only (digits, spaces, dots, dashes, brackets,
    a slash, an extension), seven digits or more, that is no number grouped in thousands
    (`1-800-555-0100`, `800 00 12 34`, `(212) 555-0100 ext. 12`; not `1 234 567`).

    >>> _phone_shaped("1-800-555-0100"), _phone_shaped("800 00 12 34"), _phone_shaped("1 234 567")
    (True, True, False)
    >>> _phone_shaped("61,741,120"), _phone_shaped("2019")
    (False, False)
    """
    v = value.strip()
    if not _PHONE_SHAPE.match(v) or sum(ch.isdigit() for ch in v) < 7:
        return False
    return _THOUSANDS.match(v) is None


_PHONE_LEAD = re.compile(r"^\(?\+\d{1,4}\)?(?:[\s.-]?\d+|\s?\(0?\d{1,3}\))+(?=\s*(?:$|[,;(/–—]|" + _EXT + r"\s*\d))", re.I)


def _phone_lead(value: str) -> bool:
    """Does the value start with an international phone number (`+` and the country code,
    seven digits or more, not grouped in thousands) followed only by an extension or a note
    (`+44 20 7946 0000, ext. 12 (front desk)`, `(+225) 07 07 12 34 56`, `+1 212 555 0100 (Mon–Fri)`)?

    >>> _phone_lead("+44 20 7946 0000, ext. 12 (front desk)"), _phone_lead("(+225) 07 07 12 34 56")
    (True, True)
    >>> _phone_lead("+2.5% (2023)"), _phone_lead("+1 234 567 (2020)"), _phone_lead("+12 345")
    (False, False, False)
    """
    m = _PHONE_LEAD.match(value.strip())
    if m is None:
        return False
    number = m.group().lstrip("(+")
    if sum(ch.isdigit() for ch in number) < 7:
        return False
    return _THOUSANDS.match(number.strip()) is None


def _contact_word_label(label: str) -> bool:
    """Does the label name a phone line or an address anywhere in it (`Toll-free helpline
    (English, Spanish)`, `Numéro vert`, `Línea gratuita`, `WhatsApp`)? fact_labels.toml
    [skip] contact_words; a row needs a phone-shaped value too. (Asked through _label_kinds'
    cache.)"""
    return label_words().contact_words.search(label) is not None


def _contact_value(value: str) -> bool:
    """Is the whole value an e-mail address, a URL, or a phone number written
    with its leading `+` or `0` and grouped digits (seven or more)?

    >>> _contact_value("press@example.org"), _contact_value("0170 1234567"), _contact_value("+41 22 717 9111")
    (True, True, True)
    >>> _contact_value("+375"), _contact_value("0.2"), _contact_value("9 500 000"), _contact_value("iom.int")
    (False, False, False, False)
    """
    v = value.strip()
    if ("@" in v or "://" in v or "www." in v.lower()) and _MAIL_OR_URL.match(v):
        return True
    return v[:1] in ("+", "0") and bool(_PHONE_VALUE.match(v)) and sum(ch.isdigit() for ch in v) >= 7 \
        and bool(_GROUPED_DIGITS.search(v))


@lru_cache(maxsize=1)
def _contact_label_words() -> tuple[frozenset[str], frozenset[str]]:
    """The contacts extractor's label spellings (data/contacts.toml), strong and
    weak, casefolded without a final dot: rows with these labels are contacts."""
    labels = _addr.data()["labels"]

    def words(kind: str) -> frozenset[str]:
        return frozenset(w.rstrip(". -").casefold() for ws in labels.get(kind, {}).values() for w in ws)
    return words("strong"), words("weak")


@lru_cache(maxsize=4096)
def _is_contact_label(label: str, value: str) -> bool:
    """Is `label` a contact label (`Tél.`, `Courriel`, `Telefon`, `Anschrift`)? A
    short or ambiguous spelling (`T`, `E`, `Web`) only with a contact-like value.

    >>> _is_contact_label("Tél", "04 12 34 56 78"), _is_contact_label("T", "0113 496 0000")
    (True, True)
    >>> _is_contact_label("E", "3.4"), _is_contact_label("Population", "9,500,000")
    (False, False)
    """
    strong, weak = _contact_label_words()
    c = label.rstrip(". -").casefold()
    if c in strong:
        return True
    return c in weak and bool(_CONTACT_VALUE.search(value))


_COMMA_DECIMAL = re.compile(r"(?<![\d,.])\d{1,3},\d{1,2}(?![\d,])")
_DOT_DECIMAL = re.compile(r"(?<![\d,.])\d{1,3}\.\d{1,2}(?![\d.])")
# a match starts at the separator (a literal, which re finds fast: a pattern that starts with a class
# of two is scanned for ~8x slower) after the 1-3 digits that start a run of digits, commas and dots;
# a digit must follow it (asked first, it turns away the full stops and commas of prose at once).
# A match holds its separator and digits only, so no match starts inside another: the two counts
# are those of one pattern for both (tests/test_facts_fast.py)
_COMMA_DECIMAL_AT = re.compile(r",(?=\d)(?:(?<=(?<![\d,.])\d,)|(?<=(?<![\d,.])\d\d,)|(?<=(?<![\d,.])\d\d\d,))"
                               r"\d{1,2}(?![\d,])")
_DOT_DECIMAL_AT = re.compile(r"\.(?=\d)(?:(?<=(?<![\d,.])\d\.)|(?<=(?<![\d,.])\d\d\.)|(?<=(?<![\d,.])\d\d\d\.))"
                             r"\d{1,2}(?![\d.])")


def _decimal_counts(text: str) -> tuple[int, int]:
    """(comma decimals, dot decimals) in text: runs of digits, commas and dots that start like
    _COMMA_DECIMAL, else like _DOT_DECIMAL."""
    return len(_COMMA_DECIMAL_AT.findall(text)), len(_DOT_DECIMAL_AT.findall(text))


def decimal_comma_page(text: str, words=None) -> bool:
    """Does the page write decimals with a comma (`1,4 Mio.`, `12,5 %`)? Then a
    single dot before three digits (`150.000`) groups thousands. Decided by
    the decimals the page writes, else, with no dot decimals at all, by words
    of a comma-decimal language (data: fact_labels.toml [numbers]).

    >>> decimal_comma_page("Einwohner: 150.000"), decimal_comma_page("Area: 1.5 km2; 14.110 ha")
    (True, False)
    >>> decimal_comma_page("Quote: 12,5 %; Fläche 3,2 km2; 2.5 mm"), decimal_comma_page("Population: 3,68,71,477")
    (True, False)
    """
    words = words or label_words()
    text = text[:200_000]
    # a run of digits, commas and dots that starts like _COMMA_DECIMAL counts as a comma
    # decimal, else one that starts like _DOT_DECIMAL as a dot decimal (tests/test_facts_fast.py)
    comma, dot = _decimal_counts(text)
    if comma or dot:
        return comma > dot
    return words.decimal_comma.search(text) is not None


@lru_cache(maxsize=8192)
def clean_label(label: str) -> tuple[str, Period | None, str | None]:
    """The label as the Fact carries it (no colon, footnote marks or year
    bracket), the period written in it, and a unit written in brackets.

    >>> label, period, unit = clean_label("Population (2015)"); label, tuple(period), unit
    ('Population', (2015, 2015, None), None)
    >>> clean_label("Remittances (2014 estimate):")[1].qualifier
    'estimate'
    >>> clean_label("Water (%)"), clean_label("Gender Ratio (Women per 1000 Men")[0]
    (('Water (%)', None, 'percent'), 'Gender Ratio')
    >>> clean_label("Academic staff[2]")[0], clean_label("GDP, 2015")[1].year_start
    ('Academic staff', 2015)
    """
    s = label.strip().rstrip(":：|").strip()
    if _FOOTNOTE_CHAR.search(s):
        s = _FOOTNOTE.sub("", s)
    s = s.strip()
    period = None
    unit = None
    # an unclosed bracket: `Gender Ratio (Women per 1000 Men – 962:1000)` split at the dash
    if s.count("(") > s.count(")"):
        s = s[:s.rindex("(")].rstrip()
    out = []
    pos = 0
    for m in _PAREN_WS.finditer(s):
        inner = m.group(1)
        p = find_period(inner) if _DIGIT.search(inner) else None
        if p is not None:
            if period is None:
                period = replace(p, qualifier=p.qualifier or _census(inner))
            out.append(s[pos:m.start()])
            pos = m.end()
            continue
        if unit is None:
            unit = _bracket_unit(inner)[0]
    out.append(s[pos:])
    s = "".join(out).strip()
    m = _COMMA_YEAR.search(s) if period is None else None
    if m is None and period is None:
        m = _LABEL_YEAR_SUFFIX.search(s)
    if m and period is None:
        period = find_period(m.group(1))
        s = s[:m.start()].rstrip()
    if unit is None:
        cu = _COMMA_UNIT.search(s)               # `Area, km²`, `GDP, US$ million`
        if cu:
            unit = _bracket_unit(cu.group(1))[0]
    return s.strip(" ,;"), period, unit


_COMMA_UNIT = re.compile(r"(?<!\d),\s*((?:in\s+)?[^,()]{1,25})$")     # `1,000 inhabitants` is no `, unit`
_BRACKET_NOISE = frozenset("current constant nominal real annual total approx. approx estimated est. est "
                           "at prices current-prices "
                           # the small words of `(millones de USD)`, `(milioni di euro)`, `(millions of USD)`
                           "de des di em of dalam в".split())
_IN = re.compile(r"^\s*(?:in|en|figures in|amounts? in)\s+", re.I)
_SCALE_TOKEN = re.compile(r"^(?:'?000s?|thousands?|millions?|billions?|trillions?|mn|mln|bn|lakhs?|crores?)$",
                          re.I)
_SCALE_OF_TOKEN = {"000": 1e3, "000s": 1e3, "'000": 1e3, "'000s": 1e3, "thousand": 1e3, "thousands": 1e3,
                   "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
                   "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "trillions": 1e12,
                   "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}


_SPACE_COMMA = re.compile(r"[\s,]+")


@lru_cache(maxsize=4096)
def _bracket_unit(inner: str) -> tuple[str | None, float | None]:
    """The unit and scale a label states in brackets: `(%)`, `(sq km)`,
    `(in USD million)`, `(US$ billion)`, `(thousands)`, `(person per sq km)`.

    >>> _bracket_unit("in USD million"), _bracket_unit("%"), _bracket_unit("thousands")
    (('USD', 1000000.0), ('percent', None), (None, 1000.0))
    >>> _bracket_unit("HDI"), _bracket_unit("rainfall and melted snow")
    ((None, None), (None, None))
    """
    t = _IN.sub("", inner.strip())
    if not t or len(t) > 40:
        return None, None
    unit = scale = None
    rest = []
    for tok in _SPACE_COMMA.split(t):
        if not tok or tok.lower() in _BRACKET_NOISE:
            continue
        if _SCALE_TOKEN.match(tok) and scale is None:
            scale = _SCALE_OF_TOKEN[tok.lower().lstrip("'") if tok.lower() not in _SCALE_OF_TOKEN else tok.lower()]
            continue
        if scale is None and (not tok.isascii() or len(tok.rstrip(".")) >= 3) and SCALE_WORDS.get(tok.lower().rstrip(".")):
            # `(тыс. человек)`, `(млн долл. США)`, `(Tsd.)`, `(millones de USD)`, `(juta jiwa)`: data/scale_words.toml
            scale = SCALE_WORDS[tok.lower().rstrip(".")]
            continue
        if unit is None and (is_currency_code(tok) or currency_of_symbol(tok)):
            unit = tok if is_currency_code(tok) else currency_of_symbol(tok)
            continue
        if unit is None and currency_of_symbol(tok.rstrip("0123456789.")) and tok[-1:] in "$€£₹":
            unit = currency_of_symbol(tok)
            continue
        rest.append(tok)
    if rest:
        r = " ".join(rest)
        ca = currency_at(r, 0) if unit is None else None
        if ca is not None and ca[1] >= len(r.rstrip(".")):
            return ca[0], scale            # `(млрд долл. США)`, `(million US dollars)`: a currency name
        u = unit_after(r, 0)
        if u is None or u.end < len(r) - 1 or unit is not None:
            return (None, None) if unit is None and scale is None else ((unit, scale) if not rest else (None, None))
        unit = u.unit
    return unit, scale


def _census(text: str) -> str | None:
    return "census" if _CENSUS.search(text) else None


# --- values ---------------------------------------------------------------------

_DATE_VALUE = re.compile(
    r"^(?:c\.|ca\.|circa|about)?\s*(?:"
    # `1 January – 31 March 2024`, `January–March 2024`: a date range
    r"\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:" + "|".join(MONTHS) + r")\.?\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:"
    + "|".join(MONTHS) + r")\.?,?\s+\d{3,4}"
    r"|(?:" + "|".join(MONTHS) + r")\.?\s*[-–—]\s*(?:" + "|".join(MONTHS) + r")\.?,?\s+\d{3,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:" + "|".join(MONTHS) + r")\.?,?\s+\d{3,4}"
    r"|(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{3,4}"
    r"|(?:" + "|".join(MONTHS) + r")\.?,?\s+\d{4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4}"
    r"|(?:1\d|20)\d\d(?:\s?[-–—]\s?\d{2,4})?"
    r")(?![\d,.]\d)(?!\s*(?:%|percent|km|sq|persons?|people|million|billion|members|states))",
    re.IGNORECASE)
_DATE_IN_TEXT = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:" + "|".join(MONTHS) + r")\.?,?\s+\d{4}\b"
                           r"|\b(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b", re.I)
_BARE_YEAR = re.compile(r"^\d{4}\s*[;,.]?$")


# `Mission opened an office in Riverton 3 March 2019`: a label with no digit, no currency sign and
# no qualifier word before a date that ends the line. _TRAILING takes the date as the value (its
# day is the first number a value can start at), which _dated_item then refuses: the line is no
# row, and neither pattern need be asked (news lists run to dozens of such lines)
_DATED_LINE = re.compile(r"[^\W\d_][^\d$€£₹|:=]*[^\s,(\d$€£₹|:=]"
                         r"(?<!\sapprox)(?<!\sapprox\.)(?<!\sabout)(?<!\sover)(?<!\sc\.)"
                         r"\s+\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\.?\s+\d{4}", re.IGNORECASE)


def _dated_item(tail: str) -> bool:
    """Is the text after a separator-less label a full date and nothing else (`Library
    extends opening hours 3 Jan 2025`)? Such a line is a dated list item (news, posts), no row.

    >>> _dated_item("3 Jan 2025"), _dated_item("March 4, 2019 "), _dated_item("4,200 (2019)")
    (True, True, False)
    """
    m = _DATE_IN_TEXT.match(tail.strip())
    return m is not None and m.end() == len(tail.strip())

_TIME = re.compile(r"^\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?|\s*h|\s*uhr)?$|^\d{1,2}\.\d{2}\s?(?:[ap]\.?m\.?|h|uhr)$", re.I)
_COORD = re.compile(r"\d+\s?°\s?\d+\s?['′]|\d+\.\d+\s?°\s?[NSEW]|\b\d+\s+\d+\s+[NS],\s*\d+\s+\d+\s+[EW]\b")


@lru_cache(maxsize=1)
def _rank_rx() -> re.Pattern:
    """`50 of 188`, `50th out of 188`, `50/188`, `88 de 191`, `12e sur 190`: a rank and the number
    ranked (the words between them: fact_labels.toml [numbers] rank_of)."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(label_words().rank_of, key=len, reverse=True))
    return re.compile(r"\s*(?:st|nd|rd|th|e|er|ème|º|ª)?\s*(?:(?:" + words + r")(?!\w)|/)\s*(\d[\d,]*)", re.I)


@lru_cache(maxsize=1)
def _pre_rx() -> re.Pattern:
    """Scale words and units a language writes before the number (Swahili `TZS trilioni 170.3`,
    `miaka 66.2`), after an optional currency code: data/scale_words.toml and
    data/unit_spellings.toml [before]."""
    alt = "|".join(re.escape(w) for w in sorted(set(BEFORE_SCALE_WORDS) | set(before_words()), key=len, reverse=True))
    alt = alt or "(?!x)x"
    return re.compile(r"\s*(?:(?P<code>(?-i:[A-Z]{3}))\s+)?(?P<w1>" + alt + r")\s+(?:(?P<w2>" + alt + r")\s+)?"
                      r"(?=[-\u2212]?\d)", re.I)


def _pre_number(s: str, pos: int) -> tuple[str | None, float | None, str | None, int] | None:
    """(currency code, scale, unit, where the number starts) of a value whose number comes after
    words a language writes before it (`TZS trilioni 170.3` -> ('TZS', 1e12, None, 13)), else None.

    >>> _pre_number("TZS trilioni 170.3", 0), _pre_number("miaka 66.2", 0)[2], _pre_number("about 5", 0)
    (('TZS', 1000000000000.0, None, 13), 'year', None)
    """
    m = _pre_rx().match(s, pos)
    if m is None:
        return None
    code = m.group("code")
    if code is not None and not is_currency_code(code):
        return None
    scale = unit = None
    for w in (m.group("w1"), m.group("w2")):
        if w is None:
            continue
        k = w.lower()
        if k in BEFORE_SCALE_WORDS and scale is None:
            scale = BEFORE_SCALE_WORDS[k]
        elif unit_before(w) is not None and unit is None:
            unit = unit_before(w)
        else:
            return None          # a word twice (`miaka miaka 5`): no value written that way
    return code, scale, unit, m.end()
_RANGE = re.compile(r"\s?%?\s?(?:[-–—]|to|and)\s?(?=[$€£₹]?\d)")
_BETWEEN = re.compile(r"\s*(?:between|from)\s+(?=[$€£₹]?\d)", re.I)
_CODE_BEFORE = re.compile(r"([A-Z]{3})\s?$")
# a unit-like token that ends the value (or comes before a bracket or comma): `120 zq`, `65 pax (max)`
_UNIT_WORD = re.compile(r"\s?([A-Za-z]{1,5}\.?|[^\s\w()\[\],;:.|+]{1,3}[A-Za-z]{1,3})(?=\s*(?:$|[(),;|]))")
_PLUS = re.compile(r"\s?\+(?!\d)")
_PINT_NO = frozenset("pc ct pt bar cup cups".split())    # pint knows them, pages mean something else
_NOT_UNIT = frozenset("""a an and as at by for from in of on or per the to est est. approx approx. about
 over under in. incl excl low high very medium total m/f m f vs x mln bn mn k st nd rd th am pm
 approx ca c. e.g i.e etc no nos yrs yr ad bc bce ce nr no. new old est.) is was are were but not
 only all its his her our up out off per. via more less each some""".split())


@dataclass(slots=True)
class Value:
    value: float | None = None
    unit: str | None = None
    value_max: float | None = None
    rank_total: int | None = None
    qualifier: str | None = None
    period: Period | None = None
    unknown_unit: str | None = None
    density: bool = False
    scaled: bool = False        # a scale word was written with the number (`9.5 million`, `trilioni 170.3`)


_CUR_LEAD = re.compile(r"\s*[(\[]?\s*(?:([A-Z]{3})\s?|US\$|U\.S\.\s?\$|Rs\.?\s?)")


def _lead_number(s: str, pos: int) -> bool:
    """Does the value start with a number, a sign or symbol before it, or a
    currency code (`USD 1.9 billion`, `US$9.3 billion in 2022`)?"""
    if _NUM_LEAD_WS.match(s, pos):
        return True
    m = _CUR_LEAD.match(s, pos)
    if m and (m.group(1) is None or is_currency_code(m.group(1))):
        return _NUM_LEAD_WS.match(s, m.end()) is not None
    return False


_LETTER_START = re.compile(r"\s*[A-Za-z]")
_PCT_SIGN = re.compile(r"%|\bper\s?cent\b|\bpercent\b", re.I)
_COORD_TAIL = re.compile(r"\s+\(?\d{1,3}\s?°\s?(?:\d{1,2}\s?['′]\s?(?:\d{1,2}(?:\.\d+)?\s?[\"″]\s?)?)?[NS]\b.*$")
_NUMERIC_DIMS = frozenset("count person money percent area length permille density duration".split())
_WORDS_TAIL = re.compile(r"\s*(?:$|[(\[,;]|[A-Za-z%$€£]{1,12}\.?\s*(?:$|[(\[,;]))")


def _words_number(s: str, pos: int, dimension: str | None) -> Number | None:
    """A value written in number words at the start (`nine million`, `about
    two thousand people`), for a numeric label or with a scale word; a word
    run inside prose (`one of the largest`) is none.

    >>> _words_number("nine million", 0, "person").value, _words_number("twelve", 0, None)
    (9000000.0, None)
    >>> _words_number("one of the oldest in the region", 0, "count") is None
    True
    """
    p = len(s) - len(s[pos:].lstrip())
    m = NUMBER_WORDS.match(s, p)
    if m is None:
        return None
    value = parse_number_words(m.group())
    if not value:
        return None
    has_scale = any(w in _WORD_SCALES for w in m.group().lower().split())
    if dimension not in _NUMERIC_DIMS and not has_scale:
        return None
    if not _WORDS_TAIL.match(s, m.end()):
        return None          # more words follow: prose, not a value
    return Number(float(value), m.start(), m.end(), m.group())


_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")       # every _TAIL_PERIOD match holds one


def _value_period(text: str, number: Number | None) -> Period | None:
    """A year written with the value: `(2013, incl. colleges)`, `(1999 est.)`,
    `2014 est.`, `in 2012`, `(July 2018 est.)`."""
    start = number.end if number else 0
    tail = max(start, len(text) - 48)
    tail_year = _YEAR_DIGITS.search(text, tail) is not None
    if not tail_year and text.find("(", start) < 0:
        return None          # no bracket and no year in the tail: neither way below can match
    for m in _PAREN.finditer(text, start):
        p = find_period(m.group(1))
        if p is not None:
            q = p.qualifier or _census(m.group(1))
            return replace(p, qualifier=q, start=m.start(), end=m.end())
    m = _TAIL_PERIOD.search(text, tail) if tail_year else None      # a tail: look at the end only
    if m:
        p = find_period(m.group(1))
        if p is not None:
            return replace(p, start=m.start(1), end=m.end(1))
    return None


_NOT_DATE_DIMS = frozenset(("count", "person", "money", "percent", "area", "length", "index", "ratio", "rank",
                            "permille", "density", "duration", "temperature"))


def parse_value(text: str, dimension: str | None, label_unit: str | None = None,
                label: str = "", decimal_comma: bool = False) -> Value:
    """The number, unit, range, rank, qualifier and year of a fact value.

    >>> v = parse_value("USD 1,258 million", "money"); (v.value, v.unit)
    (1258000000.0, 'USD')
    >>> v = parse_value("50 of 188", "rank"); (v.value, v.rank_total, v.unit)
    (50.0, 188, None)
    >>> v = parse_value("9.5 million", "person"); (v.value, v.unit)
    (9500000.0, 'person')
    >>> v = parse_value("300,000–400,000", "person"); (v.value, v.value_max)
    (300000.0, 400000.0)
    >>> parse_value("Belarussian rouble (BYR)", "text").value is None
    True
    """
    out = Value()
    s = text.strip()
    if not s:
        return out
    q, qend = value_qualifier(s)
    out.qualifier = q
    if dimension in ("text", "identifier"):
        out.qualifier = None
        out.period = _value_period(s, None) if dimension == "text" else None
        return out
    if (s[0].isdigit() and _TIME.match(s)) or (("°" in s or "N," in s or "S," in s) and _COORD.search(s)):
        return out
    body = s[qend:].lstrip() if q else s
    if dimension == "date" or (dimension not in _NOT_DATE_DIMS and _DATE_VALUE.match(body)
                               and not _BARE_YEAR.match(body)):
        return out          # a date, or a bare year under a date label; a bare year elsewhere may be a count
    money = bool(CURRENCY_SYMBOL_RE.search(s)) or bool(_CODE_ANY.search(s))
    # `3.4m` is 3,400,000 for money and head counts, never metres
    nums = find_numbers(s, money=money or dimension in ("person", "count", "money"), decimal_comma=decimal_comma)
    # a value that starts with a digit (most do): no number words, no `between`, a number first
    digit_first = q is None and s[0] in _ASCII_DIGITS
    w = _words_number(s, qend if q else 0, dimension) \
        if not digit_first and _LETTER_START.match(s, qend if q else 0) else None
    if w is not None:
        nums = [w] + [x for x in nums if x.start >= w.end]       # `nine million (2020)`
    if not nums:
        return out
    # a breakdown list written after a word (`White, 81%; Black, 13%`) has no single value
    between = None if digit_first else _BETWEEN.match(s, qend)
    lead_text = False if digit_first else not _lead_number(s, between.end() if between else qend)
    pre = _pre_number(s, qend) if lead_text else None
    if pre is not None and nums[0].start == pre[3]:
        lead_text = False       # `TZS trilioni 170.3`, `miaka 66.2`: words a language writes before the number
    else:
        pre = None
    if lead_text and _PROSE_VERB.search(_BRACKETS.sub(" ", s)):
        out.period = _value_period(s, None)
        return out          # `age 15 and over can read and write`: a definition, not a number
    outside = [n for n in nums if _paren_depth_ok(s, n.start)] if "(" in s else nums
    if lead_text and not outside and all(_PERIOD_CELL.match(b) for b in _BRACKETED.findall(s) if _DIGIT.search(b)):
        out.period = _value_period(s, None)
        return out          # `B3 (2010)`, `Minsk (2019)`: a text value dated in brackets
    if lead_text and len(outside) == 1 and outside[0].year_like and _IN_WORDS.match(s, outside[0].end) \
            and _LETTER_BEFORE.search(s, 0, outside[0].start) and unit_after(s, outside[0].end) is None \
            and currency_at(s, outside[0].end) is None:
        out.period = _value_period(s, None)
        return out          # `tourism; public debt since the 2009 crisis`: a year inside text, no value
    if lead_text and len(outside) >= 2 and not _rank_rx().match(s, outside[0].end):
        out.period = _value_period(s, None)
        return out
    n = nums[0]
    if lead_text:
        d = _DATE_IN_TEXT.search(s)
        if d and d.start() <= n.start < d.end():
            out.period = None
            return out       # `President X (since 20 July 1994)`: the number is a date, the value text
    out.value = n.value
    out.scaled = n.scale != 1.0
    if pre is not None and pre[1] and n.scale == 1.0:
        out.value = n.value * pre[1]
        out.scaled = True
    pos = n.end
    # currency: symbol or code before, code after
    before = s[max(0, n.start - 6):n.start]
    sym = None
    code = None
    if before:                                 # (most values start with their number)
        for m in CURRENCY_SYMBOL_RE.finditer(before):
            if before[m.end():].strip() in ("", "."):
                sym = m.group()
        cb = _CODE_BEFORE.search(before.rstrip("$ "))
        if cb and is_currency_code(cb.group(1)):
            code = cb.group(1)
    if sym and not code:
        code = currency_of_symbol(sym)
    if pre is not None and pre[0] and not code:
        code = pre[0]
    # range: `300,000–400,000`, `2,500 to 2,800`, `between 2,500 and 3,000`, `1.5%-2%`
    r = _RANGE.match(s, pos)
    if r and "and" in r.group() and not between:
        r = None
    if r:
        later = [x for x in nums if x.start >= r.end()]
        if later and later[0].start <= r.end() + 1:
            hi = later[0]
            hv = hi.value * (n.scale if hi.scale == 1.0 and n.scale == 1.0 else 1.0)
            if n.scale == 1.0 and hi.scale != 1.0:
                out.value = n.value * hi.scale
            if hv >= out.value and not (n.year_like and hi.year_like):
                out.value_max = hv
                pos = hi.end
    # rank
    rk = _rank_rx().match(s, n.end)
    if rk and (dimension == "rank" or _RANK_LABEL.search(label) or _OF.match(s, n.end)):
        total = find_numbers(rk.group(1))
        if total and total[0].value >= n.value:
            out.rank_total = int(total[0].value)
            out.unit = None
            out.period = _value_period(s, None)
            return out
    plus = _PLUS.match(s, pos)
    if plus:                                   # `15,000+`
        out.qualifier = out.qualifier or "over"
        pos = plus.end()
    if code is None:
        ca = currency_at(s, pos)             # `1,258 million USD`, `4,884 US$`, `12 €`, `3 US dollars`
        if ca is not None:
            code = ca[0]
    if code:
        out.unit = code
    else:
        um = unit_after(s, pos)
        if um is not None:
            out.unit = um.unit
            out.density = um.density
            if um.unit == "percent" and dimension in ("ratio", "index") and not _PCT_SIGN.search(s, pos, um.end):
                out.unit = None        # `95.5 males per 100 females`: a ratio, not a percentage
            pos = um.end
        elif not label_unit:
            w = _UNIT_WORD.match(s, pos)
            if w and w.group(1).lower().rstrip(".") not in _NOT_UNIT and w.group(1).lower() not in _NOT_UNIT \
                    and not find_numbers(w.group(1)):
                tok = w.group(1)
                # a unit-like abbreviation (`zq`, `pax`, `kg/yr`), not an acronym (`UN`, `FTE`) or a word
                if (len(tok.rstrip(".")) <= 4 and any(ch.islower() for ch in tok) and not tok[0].isupper()) \
                        or not tok.isalpha():
                    known = lookup_unit(tok.rstrip(".")) if tok.lower() not in _PINT_NO else None
                    if known is not None:            # a unit pint knows that the spelling table lacks
                        out.unit = known
                    else:
                        out.unknown_unit = tok
    if out.unit is None and pre is not None and pre[2]:
        out.unit = pre[2]                      # `miaka 66.2`: a unit written before the number
    if out.unit is None and label_unit:
        out.unit = label_unit
    out.unit = _dimension_unit(out.unit, dimension, out.density)
    if out.unit is not None:
        out.unknown_unit = None
    out.period = _value_period(s, n)
    return out


def _dimension_unit(unit: str | None, dimension: str | None, density: bool) -> str | None:
    """Fill in or adjust a unit from the indicator's dimension."""
    if dimension in ("ratio", "index", "rank") and unit in ("permille", "person"):
        return None          # `940 females per 1,000 males` is a ratio, not a rate
    if dimension == "density":
        if unit is None:
            return "person / km**2"
        if unit.startswith("person /"):
            return unit
        if unit in ("km**2", "m**2", "mi**2", "ha", "ft**2"):
            return f"person / {unit}"
        return unit
    if unit is not None:
        if density and dimension not in (None, "person", "density"):
            return unit.replace("person / ", "1 / ")
        return unit
    return {"person": "person", "percent": "percent", "permille": "permille",
            "duration": "year"}.get(dimension or "")


# --- facts ---------------------------------------------------------------------

_PER_NUMBER = re.compile(r"(?:\bper|/)\s?\d")
_GENERIC_SUB = re.compile(r"^(?:total|overall|all|both sexes|estimate|census|\d{4}.*)$", re.I)
_POP_HINT = re.compile(r"\bpopulous\b|\bpopulation\b|\binhabitants\b", re.I)


def _indicator_for(table, words, label: str, sub: str | None, header: str | None,
                   value: str) -> tuple[Indicator | None, str | None]:
    """The indicator and dimension of a row's label; a value that names a
    population (`_POP_HINT`) makes a label without either a head count."""
    ind, dim, hintable = _indicator_of_label(table, words, label, sub, header)
    if hintable and _POP_HINT.search(value):
        dim = "person"
    return ind, dim


def _indicator_of_label(table, words, label: str, sub: str | None,
                        header: str | None) -> tuple[Indicator | None, str | None, bool]:
    """_indicator_for without the value: (indicator, dimension, whether a population
    hint in the value would make the dimension `person`)."""
    specific = sub if sub and not _GENERIC_SUB.match(sub.strip()) and not words.sublabel.match(sub.strip()) \
        else None                # `male`, `total population`, `0-14 years` say nothing of their own
    for cand in (label, specific):
        if cand:
            ind = table.lookup(cand)
            if ind is not None:
                return ind, ind.dimension, False
    if sub and sub != specific and _dimension_of(sub) in ("density", "rank"):
        return None, _dimension_of(sub), False      # `Population - Density`, `... - world rank`
    if specific:
        dim = _dimension_of(specific)
        if dim in ("rank", "percent", "density", "date"):     # `... - world rank`, `... - Density`
            return None, dim, False
    if header:
        ind = table.lookup(header)
        if ind is not None:
            return ind, ind.dimension, False
    dim = _dimension_of(label)
    return None, dim, dim is None


@lru_cache(maxsize=8192)
def _dimension_of(label: str) -> str | None:
    """label_words().dimension_of, asked once per label spelling."""
    return label_words().dimension_of(label)


def _codes(label: str, value: str, ind: Indicator | None, dimension: str | None) -> str | None:
    return _codes_of(_codes_kind(label, ind), value)


def _codes_kind(label: str, ind: Indicator | None) -> str | None:
    """Which codes a row's value carries, by its label: `language`, `currency` or None."""
    low = label.lower()
    key = ind.key if ind else ""
    if "language" in low or key == "languages":
        return "language"
    if "currenc" in low or "monetary" in low or key == "currency":
        return "currency"
    return None


def _codes_of(kind: str | None, value: str) -> str | None:
    if kind is None:
        return None
    codes = language_codes(value) if kind == "language" else currency_codes(value)
    return ";".join(codes) or None


_HAS_SCALE_WORD = re.compile(r"\d\s?(?:thousand|million|billion|trillion|lakh|crore|mn|mln|bn|k|m|"
                             + "|".join(re.escape(w) for w in sorted(SCALE_WORDS, key=len, reverse=True) if not w.isascii())
                             + r")\b", re.I)


@lru_cache(maxsize=4096)
def _label_scale(label: str) -> float | None:
    for m in _PAREN.finditer(label):
        u, scale = _bracket_unit(m.group(1))
        if scale:
            return scale
    cu = _COMMA_UNIT.search(label.rstrip(" :："))
    return _bracket_unit(cu.group(1))[1] if cu else None


def _label_plan(table, words, label: str, header: Row | None) -> tuple | None:
    """Everything build_fact reads off a row's label (and its group header's label
    and value): pure in them and the tables, so asked once per spelling
    (IndicatorTable.cached). None: the label is empty once cleaned.

    (label_text, lperiod, lunit, hperiod, ind, dim, hint_dim, lscale, codes_kind,
    indicator, rule_suffix, tail_year): `hint_dim` is the dimension when the value names a
    population (`_POP_HINT`), or None when the value cannot change it; `tail_year` the year
    a label without a group header ends with (`Budget 2023`, _label_tail_year)."""
    label_clean, lperiod, lunit = clean_label(label)
    if not label_clean:
        return None
    sub = None
    hperiod = None
    if header is not None:
        h_clean, hperiod_l, hunit = clean_label(header.label)
        sub = label_clean
        label_text = f"{h_clean} - {label_clean}"
        lunit = lunit or hunit
        hperiod = hperiod_l or (parse_period(header.value) if header.value else None)
        if lperiod is None:
            sp = parse_period(label_clean)
            if sp is not None:
                lperiod = replace(sp, qualifier=sp.qualifier or _census(label_clean))
        header_label = h_clean
    else:
        label_text = label_clean
        header_label = None
    ind, dim, hintable = _indicator_of_label(table, words, label_text, sub, header_label)
    # (a population hint turns a dimension-less label into `person`: both ask label_rate)
    lrate = label_rate(label_text) if dim in (None, "person", "count") else None
    hint_dim = None
    if lrate is not None:
        dim, lunit = lrate, lunit or lrate     # `Deaths per 1,000 population | 9.8`: the label's rate applies
    else:
        per_number = _PER_NUMBER.search(label_text) is not None
        if dim == "person" and ind is None and per_number:
            dim = None                         # `Beds per 10,000 people`: a rate of its own, not a head count
        if hintable:
            hint_dim = None if per_number else "person"
    lscale = _label_scale(label) or (_label_scale(header.label) if header is not None else None)
    return (label_text, lperiod, lunit, hperiod, ind, dim, hint_dim, lscale, _codes_kind(label_text, ind),
            ind.key if ind else slug(label_text), ".group" if header is not None else "",
            _label_tail_year(label_text) if header is None else None)


@lru_cache(maxsize=4096)
def _parsed_value(text: str, dimension: str | None, label_unit: str | None, label: str,
                  decimal_comma: bool) -> Value:
    """parse_value, cached for build_fact, which reads the Value and never changes it: a site's
    values come back page after page (`Russian, English (both official)`, `2.7 migrants/1,000
    population`). (Short values only: a bound on the memory.)"""
    return parse_value(text, dimension, label_unit, label, decimal_comma)


_TAIL_YEAR = re.compile(r"(?<=[^\W\d_]{2})\s+((?:FY\s?)?(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?)(?:\s*\([^()\d]*\))*$")


@lru_cache(maxsize=4096)
def _label_tail_year(label: str) -> Period | None:
    """The year a label ends with, written without brackets after a word (`Budget 2023`,
    `Population 2020`), when the label holds no other digit; the label keeps it as written.

    >>> tuple(_label_tail_year("Budget 2023"))[:2], _label_tail_year("Top 10 sites 2020"), _label_tail_year("2020")
    ((2023, 2023), None, None)
    >>> _label_tail_year("Returnees since 1994"), _label_tail_year("Arrivals from the 1990")
    (None, None)
    >>> tuple(_label_tail_year("Budget 2023/24 (EUR)"))[:2], tuple(_label_tail_year("GDP per capita 2022 (USD)"))[:2]
    ((2023, 2024), (2022, 2022))
    """
    m = _TAIL_YEAR.search(label)
    if m is None or _DIGIT.search(label, 0, m.start()):
        return None
    head = label[:m.start()].casefold().split()
    blockers = label_words().label_year_not_after
    if head[-1] in blockers or " ".join(head[-2:]) in blockers:
        return None          # `Returnees since 1994`: the year starts a span, it dates no count
    return parse_period(m.group(1))


def build_fact(row: Row, doc: Doc, rows: _Rows, findings: list) -> Fact | None:
    header = row.group
    if header is None:
        plan = rows.table.cached(("fact plan", row.label), lambda: _label_plan(rows.table, rows.words, row.label, None))
    elif len(header.value) <= 200:       # (a long header value is not worth keeping)
        plan = rows.table.cached(("fact plan", row.label, header.label, header.value),
                                 lambda: _label_plan(rows.table, rows.words, row.label, header))
    else:
        plan = _label_plan(rows.table, rows.words, row.label, header)
    if plan is None:
        return None
    label_text, lperiod, lunit, hperiod, ind, dim, hint_dim, lscale, codes_kind, indicator, suffix, tail_year = plan
    if hint_dim is not None and _POP_HINT.search(row.value):
        dim = hint_dim                         # `Total: 9.5 million inhabitants`: a head count
    value_text = (_FOOTNOTE.sub("", row.value) if _FOOTNOTE_CHAR.search(row.value) else row.value).strip(" |;,")
    if "  " in value_text or not value_text.isprintable():
        value_text = _WS.sub(" ", value_text)     # (any other whitespace is not printable)
    ct = _COORD_TAIL.search(value_text) if "°" in value_text else None
    if ct and ct.start() > 0 and _HAS_LETTER.match(value_text):
        value_text = value_text[:ct.start()]      # `Accra 5°33′N 0°12′W`: the place, not its coordinates
    if value_text.endswith(".") and not _ABBREV_END.search(value_text):
        value_text = value_text[:-1]
    # the page's decimal comma only reads numbers written with a dot or comma
    dc = rows.decimal_comma if ("." in value_text or "," in value_text) else False
    v = _parsed_value(value_text, dim, lunit, label_text, dc) if len(value_text) <= 200 \
        else parse_value(value_text, dim, lunit, label_text, dc)
    value = v.value                            # (v may be shared: never changed here)
    if row.unit_text:                          # a unit column: `GDP | USD million | 1,204 | …`
        cu, cscale = _bracket_unit(row.unit_text)
        if cu is not None and v.unit is None:
            v = replace(v, unit=_dimension_unit(cu, dim, False))
        lscale = lscale or cscale
        value = v.value
    if lscale and value is not None and v.value_max is None and not v.scaled and not _HAS_SCALE_WORD.search(value_text):
        value *= lscale                        # `Population (thousands): 9,500` is 9,500,000
    if lperiod is None and row.period_text:
        lperiod = parse_period(row.period_text)
    period = lperiod or v.period or hperiod
    if period is None and value is not None:
        period = tail_year                     # `Budget 2023: 1.2 million €` (the label keeps its year)
    qualifier = v.qualifier
    if period is not None and period.qualifier:
        qualifier = period.qualifier if qualifier is None else qualifier
    if period is None and hperiod is not None:
        period = hperiod
    if lperiod is None and hperiod is not None and hperiod.qualifier and qualifier is None:
        qualifier = hperiod.qualifier
    codes = _codes_of(codes_kind, value_text)
    span = Span(row.lstart, max(row.vend, row.lend))
    if ind is None:
        findings.append(Finding.info("unknown_label", f"fact label not in the indicator table: "
                                     f"{label_text!r} (indicator {indicator!r})", span, rule=row.rule))
    if v.unknown_unit and value is not None:
        findings.append(Finding.warning("unknown_unit", f"unit {v.unknown_unit!r} is not in the unit "
                                        f"table: {value_text!r}", span, rule=row.rule))
    # (Fact's fields in order: label, value_text, span, indicator, value, unit, codes, year_start,
    # year_end, value_max, qualifier, rank_total, as_of, known_indicator, rule)
    return Fact(label_text, value_text, span, indicator, value, v.unit if value is not None else None, codes,
                period.year_start if period else None, period.year_end if period else None,
                v.value_max, qualifier, v.rank_total, row.as_of, ind is not None, row.rule + suffix)


# --- finding rows in the page ----------------------------------------------------

_AS_OF_VALUE = re.compile(r"^(?:(?P<d>\d{1,2})\.?\s+)?(?P<m>" + "|".join(MONTHS) + r")?\.?,?\s*(?P<y>(?:1[89]|20)\d\d)$",
                          re.IGNORECASE)


def _as_of(value: str) -> str | None:
    """`February 2016` -> '2016-02'; `2016` -> '2016'; `3 May 2016` -> '2016-05-03'."""
    v = value.strip(" .()")
    if v[-4:-2] not in ("18", "19", "20") and not v.endswith("\n"):
        return None                  # _AS_OF_VALUE ends with the year
    m = _AS_OF_VALUE.match(v)
    if not m:
        return None
    y = m.group("y")
    if not m.group("m"):
        return y if not m.group("d") else None
    mm = MONTHS[m.group("m").lower()]
    if m.group("d"):
        return f"{y}-{mm:02d}-{int(m.group('d')):02d}"
    return f"{y}-{mm:02d}"


_AS_OF_LINE_FIRST = frozenset("aAdDfFsSſ")       # how an _AS_OF_LINE starts (`ſ` matches `s` in re.I)
_AS_OF_LINE = re.compile(r"^(?:data\s+|figures\s+|statistics\s+)?as\s+(?:of|at|on)\s+(.+?)[:.]?$", re.I)
_NESTED = re.compile(r"(?:^|(?<=[\s;.,]))([a-z][a-z0-9 ,'’()/-]{0,40}?[a-z)]):\s+(?=\S)")


_SUB_COLON = re.compile(r"(?<=[a-z)])\s?:\s+(?=\S)")
_SUB_WORD = re.compile(r"(?<![\w'’()/-])[a-z][a-z'’()/-]*$")
_SUB_STOP = frozenset("the a an by to for with from and or in on at is are was were as".split())


def _sub_label_start(v: str, colon: int) -> int | None:
    """Where the lower-case sub-label that ends at v[colon] starts: walk back over
    up to five lower-case words, stopping at a unit, a number or a capital
    (`... 90 m highest point:` -> `highest point`)."""
    pos = colon
    start = None
    starts = []
    for _ in range(5):
        head = v[:pos].rstrip()
        m = _SUB_WORD.search(head)
        if not m:
            break
        word = m.group()
        if start is not None:
            if word in _SUB_STOP:
                break         # `appointed by the president elections/appointments:` -> no prose in a label
            u = unit_after(word, 0)
            if u is not None and u.end == len(word):
                break
        start = m.start()
        starts.append(start)
        pos = m.start()
        if pos == 0 or v[pos - 1] != " ":
            break
    vocab = label_words().sublabel
    for st in reversed(starts):          # longest first: a known sub-label wins (`elections/appointments`)
        if vocab.match(v[st:colon].strip()):
            return st
    return start


def _split_nested(rows: _Rows, row: Row) -> list[Row] | None:
    """`Area: total: 207,600 sq km land: 202,900 sq km` -> sub-rows (CIA style:
    lower-case sub-labels, the first at the start of the value)."""
    v = row.value
    if not _NESTED.match(v):
        return None
    marks = []
    for m in _SUB_COLON.finditer(v):
        if not _paren_depth_ok(v, m.start()):
            continue
        s0 = _sub_label_start(v, m.start())
        if s0 is None or (marks and s0 < marks[-1][2]):
            continue
        if s0 > 0 and not v[s0 - 1].isspace():
            continue
        marks.append((s0, m.start(), m.end()))
    if not marks or marks[0][0] != 0:
        return None
    out = []
    for i, (s0, e0, vs) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(v)
        seg = v[vs:end].rstrip(" ;,")
        r = Row(v[s0:e0], row.vstart + s0, row.vstart + e0, seg,
                row.vstart + vs, row.vstart + vs + len(seg), "fact.nested", row.line)
        r.group = row
        r.as_of = row.as_of
        out.append(r)
    return out


_POSTCODE_TOKEN = re.compile(r"\b[A-Z]{1,3}-\s?\d{3,6}\b|\b\d{5}(?:-\d{4})?\b")
_BARE_INT = re.compile(r"^\d{3,6}$")


def _address_like(rows: _Rows, label: str, value: str) -> bool:
    """Is `label value` an address line (`Main Street 5`, `CH-1211 Geneva 20`,
    `Nairobi 00100`) rather than a `Label 1234` row of a flattened table?"""
    if rows.table.lookup(clean_label(label)[0]) is not None:
        return False
    if rows.words.address.search(label) or _POSTCODE_TOKEN.search(label):
        return True
    # `Nairobi 00100`, `Minsk 220005`: one capitalised word and a postcode-like number
    return len(label.split()) == 1 and label[:1].isupper() and bool(_BARE_INT.match(value.strip()))


def _follows(text: str, row: Row, line: Line) -> bool:
    """Is line the line right after the row's text (no blank line between)?"""
    return row.vend <= line.start and text.count("\n", row.vend, line.start) <= 1


_SECTION_HEAD = re.compile(r"^\s*[^\W\d_][^:|]{0,60}?\s*::\s*[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+)*\s*$")
_LANG_SWITCH = re.compile(r"^\s*(?-i:[A-Z]{2,3}|[a-z]{2})(?:\s*\|\s*(?-i:[A-Z]{2,3}|[a-z]{2}))+\s*\|?\s*$")


@lru_cache(maxsize=8192)
def _line_class(t: str) -> tuple[bool, tuple | None]:
    """(has a digit, split_line(t)) of a line without `|` (of one with `|`, whose
    cells are split instead: no split), cached: menu, footer and teaser lines come
    back on every page of a site."""
    return _line_class_of(t)


def _line_class_of(t: str) -> tuple[bool, tuple | None]:
    """_line_class, not cached (lines longer than a menu line)."""
    return _DIGIT.search(t) is not None, (split_line(t) if "|" not in t else None)


def _cell_split(t: str) -> tuple[int, int, int, str] | None:
    """split_line of a table cell (which holds no `|`), through the line cache: the labels of a
    site's tables come back on every page."""
    return _line_class(t)[1] if len(t) <= 300 else split_line(t)


def _ends_with_year(t: str) -> bool:
    """Can _AS_OF_HEAD match? It ends with a year and an optional `)`: four digits
    there (str.isdigit is a superset of re's \\d) decide it without the pattern."""
    return t[-4:].isdigit() or (t[-1:] == ")" and t[-5:-1].isdigit())


def _line_rows(rows: _Rows, doc: Doc) -> None:
    """Walk the lines once: pipe tables through a cell machine, other lines
    through the separator rules; flattened two-column tables (`Label 1234`)
    are kept when two or more such lines run together."""
    lines = doc.lines
    cells_open: list[Line] = []      # lines of a cell not yet closed by `|`
    in_table = False
    pending: _Cell | None = None     # a label cell waiting for its value
    header_wait: Row | None = None   # a header whose value may still follow (a list row)
    last_cell: str | None = None
    trailing_run: list[tuple[Line, re.Match]] = []
    last_row: list[Row | None] = [None]    # the last full pipe row (continuation lines extend it)
    colon_header: list[Row | None] = [None]  # `Label:` with nothing after it, waiting for a value line
    # a short line with no value (a group header?); whether it is label-like is asked by take_bare,
    # only when a row follows it (of a run of news or prose lines, no line is asked)
    bare_prev: list[Line | None] = [None]
    # the header row of a table with one column per year (`Indicator | 2019 | 2020 | 2021`): its
    # number of cells and the year written at each year column (_year_header)
    year_head: list[_YearHead | None] = [None]
    text_year: list[_YearHead | None] = [None]   # the same for a text table (tabs, wide spaces)

    def take_bare() -> Line | None:
        """The line above when it is a short label-like line, and forget it."""
        bp = bare_prev[0]
        bare_prev[0] = None
        return bp if bp is not None and not _NUM_LEAD.match(bp.text) and label_ok(bp.text) else None

    def flush_trailing():
        if len(trailing_run) >= 2 or (len(trailing_run) == 1 and (
                trailing_run[0][1].group("year") or rows.table.lookup(trailing_run[0][1].group("label")))):
            for ln, m in trailing_run:
                lab, val = m.group("label"), m.group("value")
                if label_ok(lab):
                    vend = m.end("year") if m.group("year") else m.end("value")
                    rows.add(lab, ln.start + m.start("label"), ln.text[m.start("value"):vend],
                             ln.start + m.start("value"), "fact.trailing", ln.index)
        trailing_run.clear()

    def emit_pair(lab: _Cell, val: _Cell, rule: str):
        if lab.text == val.text:
            return None
        return rows.add(lab.text, lab.start, val.text, val.start, rule, lab.line)

    def stream_cell(c: _Cell):
        nonlocal pending, header_wait, last_cell
        if c.text and c.text == last_cell:          # a repeated title, not a row
            pending = None
            header_wait = None
            return
        last_cell = c.text or last_cell
        if pending is None:
            if not c.text or not _HAS_LETTER.search(c.text) and not _DIGIT.search(c.text):
                return
            if not c.multiline:
                sp = _cell_split(c.text)
                if sp is not None and sp[1] < sp[2]:
                    a, b, e, rule = sp
                    rows.add(c.text[:a], c.start, c.text[b:e], c.start + b, rule, c.line)
                    header_wait = None
                    return
            if _value_like(c):
                if header_wait is not None and header_wait.kind == "header":
                    header_wait.value, header_wait.vstart, header_wait.vend = c.text, c.start, c.end
                    header_wait.kind = "row"
                    header_wait.rule = "fact.cells"
                header_wait = None
                return
            if c.multiline or not label_ok(c.text):
                header_wait = None
                return
            pending = c
        else:
            lab = pending
            pending = None
            if not c.text:
                header_wait = rows.add(lab.text, lab.start, "", lab.end, "fact.cells", lab.line,
                                       kind="header")
                return
            header_wait = None
            emit_pair(lab, c, "fact.cells")

    def close_table():
        nonlocal in_table, pending, header_wait, last_cell
        last_row[0] = None
        year_head[0] = None
        left = list(cells_open)
        cells_open.clear()
        in_table = False
        pending = None
        header_wait = None
        last_cell = None
        for ol in left:          # lines that never became a cell are ordinary lines
            plain(ol)

    def text_table_line(line: Line) -> bool:
        """A line of a text table with one column per year (columns split at tabs or runs of
        spaces: `Indicator    2019    2020    2021`): its header, or a row under it (within two
        lines of the table's last line). True when the line was taken."""
        cells = _text_cells(line)
        th = text_year[0]
        if len(cells) >= 3:
            yh = _year_header(cells, rows.words)
            if yh is not None:
                flush_trailing()
                text_year[0] = yh
                return True
            if th is not None and th.n_cells == len(cells) and line.index - th.line <= 2:
                r = _year_row(rows, cells, th, "fact.tab" if "\t" in line.text else "fact.spaces")
                if r is not None:
                    flush_trailing()
                    th.line = line.index
                    return True
        text_year[0] = None
        return False

    def plain(line: Line, cls: tuple[bool, tuple | None] | None = None) -> None:
        """A line outside pipe tables: separators, trailing numbers, dated headings.
        (cls: the line's _line_class, when the caller has it.)"""
        t = line.text
        has_digit, sp = cls or (_DIGIT.search(t) is not None, split_line(t))
        if sp is None and has_digit:
            # (the head must be an as-of heading: without one of that vocabulary's words in
            # the first 64 characters, where every head lies, neither pattern is asked)
            ah = _AS_OF_HEAD.match(t) if len(t) < 100 and _ends_with_year(t) \
                and may_match(rows.words.as_of, t[:64]) else None
            if ah and rows.words.as_of.match(ah.group("head").strip()) and _as_of(ah.group("date")):
                # `Key Facts (March 2019)`: a heading that dates the block below it
                flush_trailing()
                rows.add("as of", line.start, ah.group("date"), line.start + ah.start("date"), "fact.as_of",
                         line.index, kind="as_of")
                return
            m = _TRAILING.match(t) if len(t) <= 250 and not _has_sep(t) and not _wordy_end(t) \
                and not (t[-4:].isdigit() and _DATED_LINE.fullmatch(t)) else None
            if m and not _dated_item(t[m.start("value"):]) and label_ok(m.group("label")) \
                    and not _address_like(rows, m.group("label"), m.group("value")):
                trailing_run.append((line, m))
                return
        if trailing_run:
            flush_trailing()
        al = _AS_OF_LINE.match(t) if has_digit and t[:1] in _AS_OF_LINE_FIRST else None
        if al and _as_of(al.group(1)):
            rows.add("as of", line.start, al.group(1), line.start + al.start(1), "fact.as_of", line.index,
                     kind="as_of")
            return

        if sp is None:
            bare_prev[0] = line if len(t) <= 50 else None
            hw = colon_header[0]
            near = hw is not None and hw.kind == "header" and doc.text.count("\n", hw.lend, line.start) <= 2
            # (match: from the line start; the pattern ends with a dash)
            sub = _SUB_HEAD.match(t) if near and rows.cia and t.endswith(("-", "–")) else None
            if sub and label_ok(sub.group(1)):
                # `Exchange rates:` / `euros per US dollar -` / `0.92 (2023 est.)`: a sub-field whose
                # value is on the line after it (it becomes `Exchange rates - euros per US dollar`)
                colon_header[0] = rows.add(sub.group(1), line.start, "", line.start + sub.end(1), "fact.colon",
                                           line.index, kind="header")
                return
            if near and not _file_name(t) and not _prose_value(t) and (rows.cia or (
                    len(t) <= 200
                    and (rows.table.lookup(clean_label(hw.label)[0]) is not None or _numeric_start(t)))):
                # `Population:` with its value on the next line (CIA-style text); on a Factbook-style
                # page a text value too (`Agricultural products:` / `milk, wheat (2022)`, `Public debt:` / `NA`)
                hw.value, hw.vstart, hw.vend = t, line.start, line.end
                hw.kind, hw.rule = "row", "fact.nextline"
            colon_header[0] = None
            return
        a, b, e, rule = sp
        bp = take_bare()
        # `Population: 9.5 million; Area: 207,595 km²; Capital: Minsk` on one line: one row each
        nxt = _INLINE_NEXT.search(t, b, e) if rule == "fact.colon" and b < e and t.find(":", b, e) >= 0 else None
        while nxt is not None:
            rest = Line(line.index, line.start + nxt.end(), line.end, t[nxt.end():])
            sp2 = split_line(rest.text)
            if sp2 is None or sp2[3] != "fact.colon" or sp2[1] >= sp2[2]:
                break
            rows.add(t[:a], line.start, t[b:nxt.start()], line.start + b, rule, line.index)
            line, t = rest, rest.text
            a, b, e = sp2[0], sp2[1], sp2[2]
            nxt = _INLINE_NEXT.search(t, b, e) if t.find(":", b, e) >= 0 else None
        if bp is not None and _CONNECTOR.match(t) and doc.text.count("\n", bp.end, line.start) == 1:
            # `Capital` / `and largest city<TAB>Thimphu`: one label over two lines
            label = doc.text[bp.start:line.start + a].replace("\n", " ")
            r = rows.add(label, bp.start, t[b:e], line.start + b, rule, bp.index)
            bp = None
        else:
            sh = _SUB_HEAD.match(t, b, e) if rule == "fact.colon" and b < e and t.endswith(("-", "–"), 0, e) \
                else None
            if sh and label_ok(sh.group(1)) and not _DIGIT.search(sh.group(1)) \
                    and _numeric_start(_next_text(lines, line.index)):
                # `Exchange rates: euros (EUR) per US dollar -` with the number on the next line: the
                # field heads a sub-field whose value follows (`Exchange rates - euros (EUR) per US dollar`)
                rows.add(t[:a], line.start, "", line.start + a, rule, line.index, kind="header")
                colon_header[0] = rows.add(sh.group(1), line.start + b, "", line.start + sh.end(1), rule,
                                           line.index, kind="header")
                return
            r = rows.add(t[:a], line.start, t[b:e], line.start + b, rule, line.index)
        if r is not None and bp is not None and doc.text.count("\n", bp.end, line.start) <= 1 and (
                r.bullet or (r.label[:1].islower() and bp.text[:1].isupper() and _NESTED.match(t))):
            # `Area` on its own line, then `• Total<TAB>207,595 km2` or `total: 207,600 sq km`: a group header
            rows.add(bp.text, bp.start, "", bp.end, rule, bp.index, kind="header")
        colon_header[0] = r if r is not None and r.kind == "header" else None

    for line in lines:
        t = line.text
        if not t:
            if in_table and cells_open and last_row[0] is not None and last_row[0].kind == "row" \
                    and len(cells_open) <= 3 and _follows(doc.text, last_row[0], cells_open[0]):
                # `Gini | 28.5` / `low inequality` / blank: the rest of the row's value
                lr = last_row[0]
                for ol in cells_open:
                    lr.value = (lr.value + " " + ol.text).strip()
                    lr.vend = ol.end
                cells_open.clear()
                last_row[0] = None
            if in_table and not cells_open:
                continue
            if trailing_run:
                flush_trailing()
            if in_table:
                close_table()
                flush_trailing()
            continue
        if len(t) > MAX_LINE:
            flush_trailing()
            close_table()
            continue
        cls = _line_class(t) if len(t) <= 300 else _line_class_of(t)
        digit, sp = cls
        if sp is None and not digit and not in_table and colon_header[0] is None and "|" not in t \
                and "::" not in t:
            # most lines (prose, menus, footers, `counter-trafficking`): no row, no digit, outside a
            # table, no `Label:` above waiting for its value, no section head. `plain` would only
            # end a run of trailing rows and note a short label-like line (a group header?): done
            # here, inline
            if trailing_run:
                flush_trailing()
            bare_prev[0] = line if len(t) <= 50 else None
            continue
        if ("::" in t and _SECTION_HEAD.match(t)) or ("|" in t and _LANG_SWITCH.match(t)):
            # `Geography ::LAOS` heads a Factbook section; `EN | MN` switches the page's language:
            # neither is a row, nor the value or sub-label of the row above
            flush_trailing()
            if in_table:
                close_table()
                flush_trailing()
            colon_header[0] = None
            bare_prev[0] = None
            continue
        if "|" in t:
            flush_trailing()
            in_table = True
            cells = _cells_of(line)
            n_full = sum(1 for c in cells if c.text)
            bp = take_bare()
            if not cells_open and bp is not None and _CONNECTOR.match(cells[0].text) \
                    and doc.text.count("\n", bp.end, line.start) == 1:
                cells_open.append(bp)             # the line above holds the start of this row's label
            if cells_open and n_full >= 2 and cells[0].text:
                # lines between two full rows: a group header when bullet rows follow
                # (`Area` / `• Total | ...`), else the rest of the row above (`28.5` / `low inequality`)
                nxt_bullet = bool(_BULLET.match(cells[0].text)) and any(
                    ch in cells[0].text[:3] for ch in "•·▪►◦‣∙-*–")
                joined = None
                if _CONNECTOR.match(cells[0].text) and label_ok(cells_open[-1].text) \
                        and doc.text.count("\n", cells_open[-1].end, cells[0].start) == 1:
                    # `Capital` / `and largest city | Thimphu`: one label over two lines
                    joined = cells_open.pop()
                    cells[0] = _Cell(doc.text[joined.start:cells[0].end].replace("\n", " "), joined.start,
                                     cells[0].end, joined.index)
                if nxt_bullet and len(cells_open) >= 2 and cells_open[-1].text[:1].islower() \
                        and cells_open[-2].text[:1].isupper() and label_ok(cells_open[-2].text) \
                        and doc.text.count("\n", cells_open[-2].end, cells_open[-1].start) == 1 \
                        and label_ok(cells_open[-2].text + " " + cells_open[-1].text):
                    # an infobox header over two lines (`Independence` / `from the United Kingdom`)
                    # above bullet rows: one header, not the tail of the row above
                    h0, h1 = cells_open[-2], cells_open[-1]
                    cells_open[-2:] = [Line(h0.index, h0.start, h1.end, doc.text[h0.start:h1.end].replace("\n", " "))]
                for k, ol in enumerate(cells_open):
                    last = k == len(cells_open) - 1
                    if last and nxt_bullet and label_ok(ol.text) and not _value_like(
                            _Cell(ol.text, ol.start, ol.end, ol.index)):
                        rows.add(ol.text, ol.start, "", ol.end, "fact.pipe", ol.index, kind="header")
                    elif last_row[0] is not None and last_row[0].kind == "row" and _follows(doc.text, last_row[0], ol):
                        lr = last_row[0]
                        lr.value = (lr.value + " " + ol.text).strip()
                        lr.vend = ol.end
                    else:
                        plain(ol)
                        flush_trailing()
                cells_open.clear()
            if cells_open:
                # lines before this one continue the first cell
                first = cells[0]
                start = cells_open[0].start
                txt = doc.text[start:first.end] if first.text else doc.text[start:cells_open[-1].end]
                end = first.end if first.text else cells_open[-1].end
                merged = " ".join([l.text for l in cells_open] + ([first.text] if first.text else []))
                cells[0] = _Cell(merged, start, end, cells_open[0].index, multiline=len(cells_open) + bool(first.text) > 1)
                cells_open.clear()
            if t[0] in _RULE_CHARS and _RULE_ROW.match(t):      # (a rule row is made of these only)
                continue
            full = [c for c in cells if c.text]
            if len(cells) >= 3 and len(full) >= 2:
                yh = _year_header(cells, rows.words)
                if yh is not None:
                    year_head[0] = yh                    # (a header row is no fact)
                    pending = None
                    header_wait = None
                    last_row[0] = None
                    continue
                if year_head[0] is not None and year_head[0].n_cells == len(cells):
                    # a row of a table with one column per year: one fact, its first value written
                    # with that column's year (the other years' cells are no facts of their own)
                    r = _year_row(rows, cells, year_head[0])
                    pending = None
                    header_wait = None
                    last_cell = None
                    last_row[0] = r
                    continue
            if year_head[0] is not None and len(cells) != year_head[0].n_cells:
                year_head[0] = None
            if len(full) >= 4 or (len(full) >= 2 and _nav_row(full, rows)):
                pending = None                   # navigation bars, wide data tables
                continue
            if len(full) >= 2 and cells[0].text and not cells[0].multiline:
                if pending is not None:          # `Area |` then `• Total | 38,394 km2`
                    rows.add(pending.text, pending.start, "", pending.end, "fact.pipe", pending.line,
                             kind="header")
                    pending = None
                lab, value = full[0], full[1]
                period_cell = None
                if len(full) == 3:
                    if parse_period(full[1].text) is not None:
                        # `Population | 2021 estimate | 777,486`: the middle cell dates the value
                        period_cell, value = full[1], full[2]
                    elif _PERIOD_CELL.match(full[2].text) and parse_period(full[2].text) is not None \
                            and _DIGIT.search(full[1].text):
                        # `Remittances | USD 1.9 billion | 2022`: a year column after the value
                        period_cell, value = full[2], full[1]
                    else:
                        value = _Cell(full[1].text + " " + full[2].text, full[1].start, full[2].end, full[1].line)
                sp = _cell_split(lab.text)
                if sp is not None and sp[1] < sp[2] and sp[3] == "fact.colon":
                    # `Languages: Russian | Belarusian`, `Related documents: A (PDF) | B (PDF)`: the
                    # first cell holds the label, the cells are one value
                    a, b, _, _ = sp
                    r = rows.add(lab.text[:a], lab.start, doc.text[lab.start + b:full[-1].end], lab.start + b,
                                 "fact.colon", lab.line)
                    last_row[0] = r
                    header_wait = None
                    last_cell = None
                    continue
                if sp is not None and sp[1] < sp[2] and not label_ok(lab.text.rstrip(":")):
                    continue
                r = rows.add(lab.text, lab.start, value.text, value.start, "fact.pipe", lab.line)
                if r is not None and len(full) == 3:
                    r.vend = full[2].end
                    r.period_text = period_cell.text if period_cell else None
                last_row[0] = r
                header_wait = None
                last_cell = None
                continue
            for c in cells[:-1] if len(cells) > 1 and not cells[-1].text else cells:
                stream_cell(c)
            continue
        if in_table:
            # a line without `|` inside a table: part of the next cell, or the table ended
            if (sp is not None and sp[1] < sp[2]) or len(cells_open) >= 6 \
                    or sum(len(l.text) for l in cells_open) > 600:
                flush_trailing()
                close_table()
            else:
                cells_open.append(line)
                continue
        if digit and (text_year[0] is not None or "\t" in t or "  " in t) and text_table_line(line):
            continue
        plain(line, cls)
    flush_trailing()


@dataclass(slots=True)
class _YearHead:
    """The header row of a table with one column per year."""
    n_cells: int                 # rows of the table have as many cells
    years: dict[int, str]        # cell index -> the year written at the head of that column
    unit_col: int | None         # a `Unit` column between the label and the years
    line: int                    # index of the last line of the table seen (text tables)


def _year_header(cells: list[_Cell], words) -> _YearHead | None:
    """The header row of a table with one column per year: a label column (`Indicator`, or an
    empty cell), an optional unit column (`Unit`: data [skip] unit_column_headers), then two or more
    year cells (`2019 | 2020 | 2021`, `2020/21 | 2021/22`), then any columns (`Source`); None for
    any other row."""
    years: dict[int, str] = {}
    label_seen = False
    unit_col = None
    for i, c in enumerate(cells):
        if not c.text:
            continue
        if i > 0 and (c.text[:1].isdigit() or c.text[:1] in "(F"):
            y = _year_head_cell(c.text)
            if y is not None:
                years[i] = y
                continue
        if years:
            break                # `… | 2021 | Source`: columns after the years
        if not label_seen:
            label_seen = True    # the label column's head (`Indicator`, `Series`)
            continue
        if unit_col is None and words.unit_column.match(c.text):
            unit_col = i
            continue
        return None              # a second text cell before the years: no year header
    if len(years) < 2:
        return None
    return _YearHead(len(cells), years, unit_col, cells[0].line)


_YEAR_HEAD_MARK = re.compile(r"^(?P<y>\(?(?:FY\s?)?(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?\)?)\s*"
                             r"(?:[*†‡¹²³]+|(?P<m>[epfr])|\(?(?P<w>est|e|prel|prov|proj|p|f|r)\.?\)?)$", re.I)
_YEAR_MARKS = {"e": "est.", "est": "est.", "p": "provisional", "prel": "provisional", "prov": "provisional",
               "f": "projected", "proj": "projected", "r": "revised"}


def _year_head_cell(text: str) -> str | None:
    """A year at the head of a column, as a period text: `2019`, `2020/21`, `2021 est.`, and with
    a footnote mark or a marker letter (`2021*`, `2021e`, `2022p`, `2023 (proj.)`), the marker read
    as a qualifier (`2021 est.`, `2022 provisional`); None for any other cell."""
    if _PERIOD_CELL.match(text):
        return text if parse_period(text) is not None else None
    m = _YEAR_HEAD_MARK.match(text)
    if m is None:
        return None
    mark = (m.group("m") or m.group("w") or "").lower()
    y = m.group("y").strip("()")
    return f"{y} {_YEAR_MARKS[mark]}" if mark else y


def _year_row(rows: "_Rows", cells: list[_Cell], head: _YearHead, rule: str = "fact.pipe") -> Row | None:
    """The fact of a row under a year header: the label cell before the first year column, the
    first year column's cell that holds a number (else its first cell with text) and that
    column's year; the unit column's cell states the unit and scale (`%`, `USD million`)."""
    years = head.years
    first = min(years)
    label = next((c for i, c in enumerate(cells[:first]) if c.text and i != head.unit_col), None)
    if label is None or label.multiline or not label_ok(label.text):
        return None
    vals = [(i, cells[i]) for i in sorted(years) if cells[i].text]
    pick = next(((i, c) for i, c in vals if _DIGIT.search(c.text)), vals[0] if vals else None)
    if pick is None:
        return None
    i, c = pick
    r = rows.add(label.text, label.start, c.text, c.start, rule, label.line)
    if r is not None:
        r.period_text = years[i]
        if head.unit_col is not None and cells[head.unit_col].text:
            r.unit_text = cells[head.unit_col].text
    return r


_TEXT_COLS = re.compile(r"[ \u00a0]*\t[\t \u00a0]*|[ \u00a0]{2,}")


def _text_cells(line: Line) -> list[_Cell]:
    """The columns of a text table's line, split at tabs and runs of two or more spaces."""
    out = []
    pos = 0
    t = line.text
    for m in _TEXT_COLS.finditer(t):
        out.append(_Cell(t[pos:m.start()], line.start + pos, line.start + m.start(), line.index))
        pos = m.end()
    out.append(_Cell(t[pos:], line.start + pos, line.end, line.index))
    return out


_GLUE_POINT = re.compile(r"(?<=[a-z])(?=[A-Z0-9$£€₹(\"“])")


# the two characters of a glue point (a pattern that starts with a class re scans for; the
# pairs cannot overlap: the second character is no lower-case letter)
_GLUE_PAIR = re.compile(r"[a-z][A-Z0-9$£€₹(\"“]")


@lru_cache(maxsize=8192)
def _glue_points(text: str) -> tuple[int, ...]:
    """Where a lower-case letter meets a capital, digit or symbol in the first 45
    characters (cached: menu and footer lines repeat from page to page)."""
    n = min(len(text), 45)
    if _GLUE_PAIR.search(text, 0, n) is None:
        return ()            # (most lines)
    return tuple(m.start() + 1 for m in _GLUE_PAIR.finditer(text, 0, n))


def _glued_split(text: str, table) -> int | None:
    """Where a label glued to its value ends (`Legal statusActive` -> 12), or None.
    A known label wins; else the first lower-to-upper step after a label-like start.

    >>> t = "Legal statusAgency of the Northern Council"; t[:_glued_split(t, load_indicators())]
    'Legal status'
    >>> _glued_split("Formation11 December 1946", load_indicators())
    9
    """
    if not text[:1].isupper() or len(text) > 300:
        return None
    points = _glue_points(text)
    for p in points:
        if table.lookup(text[:p]) is not None:
            return p
    for p in points:
        lab = text[:p]
        if 3 <= len(lab) <= 40 and label_ok(lab) and len(lab.split()) <= 4 and not _DIGIT.search(lab):
            return p
    return None


def _infobox_rows(rows: _Rows, doc: Doc) -> None:
    """Infoboxes flattened without separators: `TypeFund`, `Legal statusActive`
    (labels glued to values), and known labels whose value is the next line
    (`Region served` / `United States`). Only in a paragraph with two or more
    glued lines, so prose with a stray capital never counts."""
    used = {r.line for r in rows.rows}
    tabbed = {r.line for r in rows.rows if r.rule == "fact.tab"}
    para: list[Line] = []
    paras: list[list[Line]] = []
    for ln in doc.lines:
        if not ln.text:
            if para:
                paras.append(para)
            para = []
        else:
            para.append(ln)
    if para:
        paras.append(para)
    para = []

    def solo(p: list[Line]) -> bool:
        """A paragraph that may be one field: a short label line, then its value line(s)."""
        head = p[0].text
        return (2 <= len(p) <= 4 and p[0].index not in used and p[1].index not in used
                and len(head) <= 40 and head[:1].isupper() and not _DIGIT.search(head)
                and head[-1:].isalnum() and label_ok(head) and not _PROSE_VERB.search(head)
                and rows.table.lookup(p[1].text) is None and len(p[1].text) <= 150
                and not _prose_value(p[1].text) and not _file_name(p[1].text)
                and not rows.words.skip.match(head))

    # a page of fields one per paragraph (`Climate` / `cold winters ...`, CIA-style): four or more
    # such paragraphs, two of them with known labels, make a fact box
    solos = [p for p in paras if solo(p)]
    if len(solos) >= 4 and sum(1 for p in solos if rows.table.lookup(p[0].text) is not None) >= 2:
        for p in solos:
            rows.add(p[0].text, p[0].start, p[1].text, p[1].start, "fact.nextline", p[0].index)
            used.update((p[0].index, p[1].index))

    def pairs() -> int:
        """Known label lines each followed by a line that is no known label."""
        return sum(1 for i, ln in enumerate(para[:-1])
                   if ln.index not in used and len(ln.text) <= 40 and rows.table.lookup(ln.text) is not None
                   and para[i + 1].index not in used and rows.table.lookup(para[i + 1].text) is None)

    def flush():
        glued = []
        for ln in para:
            t = ln.text
            # (_glued_split needs a capital first and a lower-to-upper step: most lines stop there)
            if ln.index in used or not t[:1].isupper() or len(t) > 300 or "|" in t or not _glue_points(t) \
                    or _file_name(t):
                continue
            p = _glued_split(t, rows.table)
            if p is not None and sum(1 for _ in islice(_GLUE_POINT.finditer(ln.text, p + 1), 2)) < 2:
                glued.append((ln, p))     # (`About usOur workWhere we work…`: a glued menu, no row)
        if len(glued) < 2 and (not tabbed or sum(1 for ln in para if ln.index in tabbed) < 2) \
                and not (len(para) >= 4 and 4 * (n := pairs()) >= len(para) and n >= 3):
            # no glued labels, no tabbed rows, and not a box of label lines each followed by its value
            para.clear()
            return
        if len(glued) < 2:
            glued = []
        gl = {ln.index for ln, _ in glued}
        taken: set[int] = set()
        for ln, p in glued:
            rows.add(ln.text[:p], ln.start, ln.text[p:], ln.start + p, "fact.glued", ln.index)
            taken.add(ln.index)
        for i, ln in enumerate(para[:-1]):
            if ln.index in used or ln.index in taken or ln.index in gl:
                continue
            if rows.table.lookup(ln.text) is None or len(ln.text) > 40:
                continue
            nxt = para[i + 1]
            if nxt.index in used or nxt.index in gl or nxt.index in taken:
                continue
            if rows.table.lookup(nxt.text) is not None or _file_name(nxt.text) \
                    or len(nxt.text) > 150 or _prose_value(nxt.text) or _BULLET.match(nxt.text):
                continue
            rows.add(ln.text, ln.start, nxt.text, nxt.start, "fact.nextline", ln.index)
            taken.update((ln.index, nxt.index))
        para.clear()

    for p in paras:
        if len(p) > 1:       # (one line holds no two glued or tabbed rows and no label line with its value)
            para[:] = p
            flush()


_PERIOD_CELL = re.compile(r"^\(?(?:FY\s?)?(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?(?:\s+(?:est\.?|estimated?|census|provisional))?\)?$",
                          re.I)
_IN_WORDS = re.compile(r"\s+[^\W\d_]{2,}(?<!\best)(?<!\bestimate)(?<!\bcensus)\b(?!\s*[)\]])")   # a word follows the year
_LETTER_BEFORE = re.compile(r"[^\W\d_]{3,}\s+(?:[^\W\d_]+\s+)?$")                          # and words precede it
_BRACKETED = re.compile(r"\([^()]*\)")
_FILE_NAME = re.compile(r"\.(?:svg|png|jpe?g|gif|webp)\b", re.I)


def _file_name(text: str) -> bool:
    """An image file name in text (`map.svg`): no dot, no pattern to run."""
    return "." in text and _FILE_NAME.search(text) is not None


_FAMILY = {"fact.colon": "kv", "fact.nextline": "kv", "fact.tab": "kv", "fact.equals": "kv", "fact.leader": "kv",
           "fact.spaces": "kv",
           "fact.pipe": "pipe", "fact.cells": "pipe", "fact.dash": "dash", "fact.dashes": "dash",
           "fact.trailing": "trailing", "fact.glued": "glued", "fact.nested": "kv"}


def _member(row: Row, header: Row, words, text: str, prev_end: int, cia: bool = False) -> bool:
    """Does a row under a group header belong to it?"""
    if row.bullet:
        return True
    lab = clean_label(row.label)[0]
    head = clean_label(header.label)[0]
    if len(lab) > len(head) + 2 and lab[:len(head)].casefold() == head.casefold() \
            and lab[len(head):].lstrip()[:1] in ("-", "–", "—"):
        return False          # `Area - comparative:` after `Area:` is a row of its own, not `Area - Area - …`
    valued = header.kind == "row" and parse_period(header.value) is None   # `GDP | 2025 estimate` is no value
    if valued and (_FAMILY.get(row.rule) != _FAMILY.get(header.rule)
                   or text.count("\n", prev_end, row.lstart) > 1):
        return False          # a field with its own value heads only rows right under it, in its layout
    if valued:
        if words.breakdown.match(lab):
            return True       # `Literacy Rate – 74%` / `Males- 82.14%`
    elif words.sublabel.match(lab):
        return True
    if valued:
        # CIA style: `Population: 9,441,842` then `country comparison to the world: 97`
        return lab[:1].islower() and header.label[:1].isupper() and row.rule == "fact.colon"
    hw = set(norm_label(clean_label(header.label)[0]).split()) - {"of", "the", "and", "in", "a"}
    lw = set(norm_label(lab).split())
    if hw and hw <= lw and len(lw) > len(hw):
        return True
    if lab[:1].islower() and header.label[:1].isupper():
        return True
    if cia and header.kind == "header" and (row.rule == "fact.colon" or (
            row.rule == "fact.nextline" and ":" not in text[row.lend:row.vstart])) \
            and header.rule == "fact.colon" and text.count("\n", prev_end, row.lstart) <= 1:
        return True           # Factbook style: `Credit ratings:` / `Moody's rating: B3 (2010)`
    return False


def extract_facts(doc: Doc):
    rows = _Rows(doc)
    _line_rows(rows, doc)
    _infobox_rows(rows, doc)
    findings: list[Finding] = []
    allrows = rows.rows
    # page order
    allrows.sort(key=lambda r: r.lstart)
    # as_of headings: `Facts and Figures: February 2016`
    as_of = None
    kept: list[Row] = []
    for r in allrows:
        if r.kind in ("row", "skip") and r.has_value:
            d = _as_of(r.value)
            if d and (rows.words.as_of.match(clean_label(r.label)[0].strip()) or r.kind == "as_of"):
                as_of = d
                continue
        if r.kind == "as_of":
            as_of = _as_of(r.value)
            continue
        r.as_of = as_of
        kept.append(r)
    heads = _indent_heads(doc, kept)
    if heads:
        kept = sorted(kept + heads, key=lambda r: r.lstart)
    # repeated identical lines (a title written twice) are not rows
    seen: dict[tuple[str, str], int] = {}
    for r in kept:
        k = (r.label, r.value)
        seen[k] = seen.get(k, 0) + 1
    # nonblank line index for neighbourhood checks
    nb_index = {l.index: i for i, l in enumerate(doc.nonblank)}
    by_pos = {}
    for r in kept:
        if r.kind in ("row", "skip"):
            by_pos.setdefault(nb_index.get(r.line, -1), []).append(r)
    out_rows: list[Row] = []
    prev: Row | None = None
    # a value that starts with a digit is no table header value (`Value`, `Figures`) while that
    # vocabulary cannot match a digit (checked on the data, once)
    digitless_header = _digitless(rows.words.header_value)
    title = doc.extra.get("title_span") if doc.extra else None
    # (a running head repeats its label on every page: a page whose rows repeat no label has none)
    running = _running_heads(doc, rows.words.page_marker) \
        if doc.content_type == "text" and len({r.label for r in kept}) < len(kept) else None
    for r in kept:
        if running and r.line in running:
            continue                  # a PDF's running header or footer (`Examplia Profile 2023   Page 2 of 6`)
        if title is not None and r.kind == "row" and title.start <= r.lstart and r.vend <= title.end \
                and not _DIGIT.search(_YEAR_WORD.sub("", r.value)):
            continue                  # the page's own heading (`Examplia – Country information`), not a fact
        if r.kind == "row" and _identifier_label(clean_label(r.label)[0]) \
                and _in_contact_block(r, by_pos, nb_index):
            continue                  # `Postal code: 1010` beside `Phone:` rows: the address's, not a fact (rule 4)
        if r.rule == "fact.leader" and _short_leader_alone(r, kept, doc.text):
            continue                  # `Wait .. 5 minutes`: two or three dots are a leader only among leader rows
        if r.kind == "row" and r.rule == "fact.dash" and not _DIGIT.search(r.value) \
                and not _DIGIT.search(r.label) and _address_block_line(rows, r, doc, by_pos, nb_index):
            continue                  # `Examplia Aid – North Office` / `12 Main Street`: a contact block's line
        after_counter = (prev is not None and prev.kind == "skip"
                         and rows.words.counter.match(clean_label(prev.label)[0].strip()) is not None
                         and abs(nb_index.get(r.line, -9) - nb_index.get(prev.line, -99)) <= 1)
        prev = r
        if r.kind == "skip":
            continue
        if after_counter and rows.words.counter_total.match(clean_label(r.label)[0].strip()):
            r.kind = "skip"
            continue
        hv = r.has_value              # (no value changes in this loop)
        if hv and rows.words.junk_value.match(r.value.strip()):
            continue
        if hv and not (digitless_header and r.value[:1] in _ASCII_DIGITS) \
                and rows.words.header_value.match(r.value.strip(" :|")) \
                and rows.words.header_label.match(clean_label(r.label)[0]):
            continue                  # `Indicator | Value`: a table's header row
        if hv and r.kind == "row" and not _DIGIT.search(r.value) \
                and rows.words.as_of.match(clean_label(r.label)[0].strip()):
            continue                  # `Country profile: Examplia`, `Key facts: Belarus`: a heading
        if hv and r.kind == "row" and _heading_value(rows.words, _head_text(r.value)):
            continue                  # `Examplia: country fact sheet`, `Plan 2021–2030: summary`: a heading
        if r.kind == "row" and seen[(r.label, r.value)] > 1 and r.rule in ("fact.dash", "fact.colon") \
                and _neighbour_twin(r, kept):
            continue
        r.known = rows.table.lookup(clean_label(r.label)[0]) is not None
        out_rows.append(r)
    # groups
    grouped: list[Row] = []
    header: Row | None = None
    members = 0
    last_line = -1
    prev_end = 0
    for r in out_rows:
        if r.kind == "header":
            header, members, last_line = r, 0, nb_index.get(r.line, -1)
            prev_end = max(r.vend, r.lend)
            continue
        gap = nb_index.get(r.line, -1) - last_line
        if header is not None and gap <= 3 and _member(r, header, rows.words, doc.text, prev_end, rows.cia):
            r.group = header
            members += 1
            last_line = nb_index.get(r.line, -1)
            prev_end = max(r.vend, r.lend)
            grouped.append(r)
            continue
        # a row with a value of its own can head sub-rows too (`Literacy Rate – 74%` / `Males- 82%`)
        header, members, last_line = r, 0, nb_index.get(r.line, -1)
        prev_end = max(r.vend, r.lend)
        nested = _split_nested(rows, r) if r.rule in ("fact.colon", "fact.dashes", "fact.pipe",
                                                       "fact.cells") else None
        if nested:
            grouped.extend(nested)
            header = r
            r.kind = "header"
            continue
        grouped.append(r)
    # a row heading sub-rows whose own value is only a period (`GDP (PPP) | 2025 estimate`)
    heads = {id(r.group) for r in grouped if r.group is not None}
    grouped = [r for r in grouped if not (id(r) in heads and r.has_value and parse_period(r.value))]
    # isolated lines that only look like rows: headlines, captions
    final: list[Row] = []
    support: dict[int, bool] = {}
    for r in grouped:
        if r.group is None and not _supported(r, by_pos, nb_index, rows, support):
            continue
        final.append(r)
    facts = []
    for r in final:
        f = build_fact(r, doc, rows, findings)
        if f is not None:
            facts.append(f)
    return facts, findings


_ASCII_DIGITS = frozenset("0123456789")


def _indent(text: str, line: Line) -> int:
    """How far the line's text stands from the start of its line (Line.text is trimmed)."""
    return line.start - (text.rfind("\n", 0, line.start) + 1)


def _indent_heads(doc: Doc, kept: list[Row]) -> list[Row]:
    """Group headers written as a bare line above indented sub-rows (PDF-to-text and plain
    text tables): `Seasonal workers deployed` then `  to Examplia (2022-23): 2,915`. The
    line right above an indented row whose label starts in lower case (a sub-label: `to …`,
    `of which …`, `males`), less indented, with no separator, digit or sentence end, becomes
    a header row (the rows under it then read `Header - sub-label`)."""
    lines, text = doc.lines, doc.text
    have = {r.line for r in kept}
    heads: list[Row] = []
    for r in kept:
        if r.kind != "row" or r.line <= 0 or (r.line - 1) in have or not r.label[:1].islower():
            continue
        ind = _indent(text, lines[r.line])
        prev = lines[r.line - 1]
        ps = prev.text
        if ind == 0 or not ps or _indent(text, prev) >= ind:
            continue
        if _DIGIT.search(ps) or _has_sep(ps) or ps[-1:] in ".,;!?" or len(ps.split()) > 8 or not label_ok(ps):
            continue
        heads.append(Row(ps, prev.start, prev.start + len(ps), "", prev.start + len(ps), prev.start + len(ps),
                         r.rule, prev.index, "header"))
        have.add(prev.index)
    return heads
_PAGE_EDGE = 2          # a running head stands within this many nonblank lines of a page marker
_MARK_END = frozenset("0123456789-–")


def _mark_gate(tail: str) -> bool:
    """Can a line's tail be a page marker (`Page 2 of 6`, `- 4 -`)? A cheap test before the
    marker pattern: its last word a page number (four digits at most), the word before it no
    number (`52 300`, `1,204` and `12.5` end table rows, not pages)."""
    toks = tail.split()
    if len(toks) < 2:
        return False
    last = toks[-1]
    if last in ("-", "–"):
        return len(toks) >= 3 and toks[-2].isdigit() and len(toks[-2]) <= 4
    return last.isdigit() and len(last) <= 4 and not toks[-2][-1:].isdigit()


def _running_heads(doc: Doc, marker: re.Pattern) -> frozenset[int]:
    """The lines (Line.index) of a paginated document's running headers and footers: a
    document with two lines or more that end with a page number (`Page 2 of 6`), a line
    written twice or more (page numbers aside), each time at a page edge (the marker line
    itself, within two nonblank lines of it, or at the document's start or end). Asked of
    text pages only (PDF-to-text files: an HTML page has no printed pages)."""
    nb = doc.nonblank
    # (a marker ends its line with a digit or a dash: only such lines' last characters are searched)
    marks = [i for i, ln in enumerate(nb) if ln.text[-1:] in _MARK_END and _mark_gate(ln.text[-24:])
             and marker.search(ln.text[-24:])]
    if len(marks) < 2:
        return frozenset()
    edge = set(range(0, _PAGE_EDGE)) | set(range(len(nb) - _PAGE_EDGE, len(nb)))
    for m in marks:
        edge.update(range(m - _PAGE_EDGE, m + _PAGE_EDGE + 1))
    where: dict[str, list[int]] = {}
    for i, ln in enumerate(nb):
        key = _WS.sub(" ", marker.sub("#", ln.text)).strip()
        if key:
            where.setdefault(key, []).append(i)
    out = set()
    for idx in where.values():
        if len(idx) >= 2 and all(i in edge for i in idx):
            out.update(nb[i].index for i in idx)
    return frozenset(out)


@lru_cache(maxsize=64)
def _digitless(rx: re.Pattern) -> bool:
    """Can a whole-text pattern of the label vocabulary match no text with a digit in
    it? True when it matches no empty text and nothing in it can take a digit
    (parse/indicators.takes_digit): then a value that starts with a digit, or holds one,
    needs no test."""
    return rx.match("") is None and not takes_digit(rx)


@lru_cache(maxsize=8192)
def _identifier_label(label: str) -> bool:
    """`FIPS code`, `Postleitzahl`, `Calling code`: a label whose value is a code (fact_labels.toml identifier)."""
    return _dimension_of(label) == "identifier"


def _in_contact_block(r: Row, by_pos, nb_index) -> bool:
    """A row with a contact row (a phone, e-mail or address label or value) within two lines; an
    infobox's `Website` row does not make a contact block."""
    i = nb_index.get(r.line, -1)
    for j in range(i - 2, i + 3):
        for x in by_pos.get(j, ()):
            if x is r or x.kind != "skip" or _WEB_LABEL.match(clean_label(x.label)[0].strip()) \
                    or _URL_ONLY.match(x.value.strip()):
                continue
            if _contact_value(x.value) or _MAIL_IN.search(x.value) \
                    or _is_contact_label(clean_label(x.label)[0], x.value):
                return True
    return False


def _short_leader(r: Row, text: str) -> bool:
    """Is the row's separator a leader of two or three dots (`Label .. value`)?"""
    return text.count(".", r.lend, r.vstart) < 4 and "…" not in text[r.lend:r.vstart] \
        and "_" not in text[r.lend:r.vstart]


def _short_leader_alone(r: Row, rows: list[Row], text: str) -> bool:
    """A short-leader row with no row of four or more leader dots within two lines of it."""
    if not _short_leader(r, text):
        return False
    return not any(x is not r and x.rule == "fact.leader" and abs(x.line - r.line) <= 2
                   and not _short_leader(x, text) for x in rows)


def _address_block_line(rows: _Rows, r: Row, doc: Doc, by_pos, nb_index) -> bool:
    """Is a `Name – Name` line (no digit) a line of a contact block: the line right above or
    below it (no blank line between) an address line (a number beside an address word or a
    postcode: `744 Harbour Street, Suite 2`, `P.O. Box 118`) or a contact row (`Tel.: …`)?
    (`Examplia Aid – North Office`, `Portville – Examplia`: an organisation or city line.)"""
    i = nb_index.get(r.line, -1)
    if i < 0 or rows.table.lookup(clean_label(r.label)[0]) is not None:
        return False
    nb = doc.nonblank
    for j in (i - 1, i + 1):
        if not 0 <= j < len(nb):
            continue
        ln = nb[j]
        if abs(ln.index - r.line) != 1:
            continue               # a blank line between: another block
        t = ln.text
        if _DIGIT.search(t) and (rows.words.address.search(t) or _POSTCODE_TOKEN.search(t)) and len(t) <= 120:
            return True
        for x in by_pos.get(j, ()):
            if x.kind == "skip" and (_contact_value(x.value) or _MAIL_IN.search(x.value)
                                     or _is_contact_label(clean_label(x.label)[0], x.value)):
                return True
    return False


_WEB_LABEL = re.compile(r"(?:official\s+)?(?:web\s?site|web|www|url|homepage|internet|site)s?\.?$", re.I)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/?$", re.I)


_HEAD_YEAR = re.compile(r"[\s,(]*(?:1[89]|20)\d\d(?:\s?[-–/]\s?\d{2,4})?\)?\s*$")


def _heading_value(words, head: str) -> bool:
    """words.heading_value.match(head): on a text with a digit (most values) asked of the
    few alternatives that can take one (LabelWords.heading_value_digit)."""
    rx = words.heading_value_digit if _DIGIT.search(head) else words.heading_value
    return rx.match(head) is not None


def _head_text(value: str) -> str:
    """The value without a year at its end, stripped: what heading_value must match.
    (_HEAD_YEAR ends with a digit or `)` before trailing space: else nothing to remove.)"""
    last = value.rstrip()[-1:]
    if last.isdigit() or last == ")" or value.endswith("\n"):
        value = _HEAD_YEAR.sub("", value)
    return value.strip(" .:–-")


def _nav_row(cells, rows: "_Rows") -> bool:
    """A navigation or footer row, not a `Label | value` row: three short link
    texts (`Home | About us | Contact`) with no number and no known label, or
    cells one of which is a footer link (data/contacts.toml [websites]) or a
    navigation phrase (fact_labels.toml [skip] nav_phrases: `Follow us on …`,
    `Powered by …`, `Previous: …`), with no number but years."""
    if rows.table.lookup(cells[0].text) is not None:
        return False
    if len(cells) == 3 and all(len(c.text) <= 25 and len(c.text.split()) <= 3 and not _DIGIT.search(c.text)
                               and c.text[:1].isupper() for c in cells):
        return True
    if any(_DIGIT.search(_YEAR_WORD.sub("", c.text)) for c in cells):
        return False
    footer = _footer_words()
    return any(c.text.casefold().rstrip(" .:") in footer or rows.words.nav.match(c.text) for c in cells)


_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d\d\b")


@lru_cache(maxsize=1)
def _footer_words() -> frozenset[str]:
    """Footer and menu link words of the contacts vocabulary (data/contacts.toml)."""
    return frozenset(w.casefold() for w in _addr.data().get("websites", {}).get("footer_words", []))


def _neighbour_twin(r: Row, rows: list[Row]) -> bool:
    return sum(1 for x in rows if x.label == r.label and x.value == r.value and abs(x.line - r.line) <= 3) > 1


_NUMERIC_START = re.compile(r"^[(\[]?\s*(?:approx\.?\s*|about\s+|over\s+|c\.\s*|ca\.\s*)?[-+~≈\u2212\u2012\u2013]?"
                            r"(?:[A-Z]{3}\s?|US\$|[$€£₹]\s?|Rs\.?\s?)?\d")


_SUB_HEAD = re.compile(r"([^\W\d_][^:|]{0,80}?[^\s:–-])\s+[-–]$")
_COLON_HEAD = re.compile(r"^[^\W\d_][^:|]{0,100}:$")


def _next_text(lines: list[Line], index: int) -> str:
    """The next nonblank line after lines[index] (within two lines), or ''."""
    for ln in lines[index + 1:index + 3]:
        if ln.text:
            return ln.text
    return ""


_COLON_EOL = re.compile(r":[^\S\n]*(?:\n|\Z)")     # a line that ends with a colon once stripped


def _cia_style(doc: Doc) -> bool:
    """Three or more `Label:` lines whose value stands on the next line, a number
    (`Real GDP growth rate:` / `3.2% (2023 est.)`): the page writes values under
    their labels, so text values there (`NA`, a list) are values too."""
    if len(_COLON_EOL.findall(doc.text)) < 3:
        return False          # fewer than three lines end with a colon
    lines = doc.nonblank
    n = 0
    for i in range(len(lines) - 1):
        t = lines[i].text
        if t[-1:] == ":" and _COLON_HEAD.match(t) and _NUMERIC_START.match(lines[i + 1].text):
            n += 1
            if n >= 3:
                return True
    return False


def _numeric_start(v: str) -> bool:
    """A value that starts with a number, after a qualifier of data/qualifiers.toml (`около 50`, `rund 9`)."""
    if _NUMERIC_START.match(v):
        return True
    q, qend = value_qualifier(v)
    return q is not None and _NUMERIC_START.match(v[qend:].lstrip()) is not None


def _prose_value(v: str) -> bool:
    """A value that is a sentence or a paragraph, not a datum."""
    v = v.strip()
    return len(v) > 250 or (len(v) > 60 and len(_PROSE_VERB.findall(v)) >= 2
                            and v.endswith((".", "”", '"', "’")))


def _supports(xs) -> bool:
    """Do these rows (of one nonblank line) hold one with a value that is no prose: what
    makes a row near them part of a fact box (_supported)?"""
    return any(x.kind in ("row", "skip", "header") and x.has_value and not _prose_value(x.value) for x in xs)


def _prose_line(t: str) -> bool:
    """A paragraph of prose: a long line that ends a sentence (no fact box runs across one)."""
    return len(t) > 100 and t.rstrip().endswith((".", "!", "?", "”", '"', "’", ")"))


def _supported(r: Row, by_pos, nb_index, rows: _Rows, support: dict[int, bool] | None = None) -> bool:
    """A row is kept when other rows stand near it (a fact box), when its label
    is a known indicator, or when its value is a number (not a bare date)."""
    if r.rule in ("fact.trailing", "fact.cells", "fact.nested", "fact.glued", "fact.nextline"):
        return True
    if r.rule in ("fact.dash", "fact.equals") and _prose_value(r.value):
        return False
    if r.known:
        return True                      # (asked before the neighbours: the same answer, no walk)
    i = nb_index.get(r.line, -1)
    if support is None:
        support = {}
    nb = rows.doc.nonblank
    for step in (-1, 1):
        for k in (1, 2, 3):
            j = i + step * k
            xs = by_pos.get(j, ())
            if not xs and 0 <= j < len(nb) and _prose_line(nb[j].text):
                break                    # a paragraph of prose between: the fact box ends there
            ok = support.get(j)
            if ok is None:
                ok = support[j] = _supports(xs)     # (asked once a page per line)
            if ok:
                return True
    v = r.value.strip()
    if len(v) <= 80 and _numeric_start(v) and not _DATE_VALUE.match(v) \
            and not _address_like(rows, r.label, v) and not ("," in r.label and _BARE_INT.match(v)) \
            and len(v.split()) <= 6 and not _PROSE_VERB.search(v):     # `Syria: 5 million have fled` is a headline
        return True
    return False
