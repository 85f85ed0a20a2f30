"""Contacts: address blocks, phones, faxes, e-mails and websites.

How a page becomes contact records (CONTRACT.md "contacts", dev README
conventions 2, 3 and 8):
1. labelled rows (`Tel:`, `Fax --`, `E-mail`, `Website | ...`, `Адрес:`,
   `T +44 ...`) and their values, on the same line or on the lines under a
   bare label, or glued to the label by a crawler (`Fax+41 ...`, `Phone02 ...`,
   `E-mailname@org.int`, `Webwww.x.org`); a label's numbers end where other
   words begin; an address label introduces a street line (`Anschrift:
   Hanauer Landstraße 126` is all street);
2. unlabelled evidence: e-mails (also `name [at] domain [dot] org`), numbers
   that write their country code, and address parts (streets, PO boxes,
   postal code + city in each country's order, countries; a `Name Number`
   street without a street word when its postcode and city or place line
   follow, as in a heading + `<br>` address block) from parse/addresses.py;
   all label, street, postal and country vocabulary is data
   (data/contacts.toml); a number after a comma with only the subscriber
   digits shares the area code before it (`01-5970115, 5970116`);
3. items close together form a block; a new street after a complete address,
   a blank-line-free run of prose or an organisation's name line between
   entries starts the next block; numbers without a code, bare domains and
   country lines join the block they sit in; a bare link line joins only the
   block right above it, and among footer or menu links it is no contact;
4. per block: the organization (the name before the address on its line,
   the name line above (a building's name line, or an address line the
   parser did not read, gives way to the line above it), an entry heading
   that names an organisation (not across a fact table), or an
   organisation line right under the numbers; never a person, an addressee
   title, `c/o`, a label or `Contact Us`; cut at the first comma when the
   rest is a place), one street per address (a PO box only when there is no
   street; suites, floors and buildings dropped), phones in E.164 from the
   number's own code, its address's country (a country line, a `CH-`
   prefix, a US state and ZIP), the country whose area code for the number
   is the block's city (when that is not the page's), or the page's country,
   else as written.
A number phonenumbers rejects and a malformed e-mail stay (valid=False) with
an `invalid_phone` / `invalid_email` warning. Every record's span is the text
it came from; `value` is normalised, `raw` is the span's text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from ..findings import Finding
from ..ingest.segment import Doc
from ..parse import addresses as addr
from ..parse.emails import Match, find_emails, find_urls, normalise_website
from ..parse.phones import (EXTENSION, PHONE_RUN, digits, international_form, normalise_phone,
                            not_a_phone, region_of_place, share_area, split_run)
from ..records import Contact
from ..spans import Span, trimmed

KINDS_ORDER = ("organization", "street", "city", "postal_code", "country",
               "phone", "fax", "email", "website")
ADDRESS_KINDS = {"street", "pobox", "postal_code", "city", "country", "state"}
CONTACT_KINDS = {"phone", "fax", "email", "website"}
_BULLET = "·•*▪◦‣●○■□–—-|> \t\u00a0"
_SEP_LINE = re.compile(r"\n[ \t\u00a0]*\n[ \t\u00a0]*\n[ \t\u00a0]*\n")
_WORD = re.compile(r"[^\W\d_][\w'’.\-&/]*|\d[\w.\-/]*|\([^()\n]{1,40}\)|[&,]")
_CONNECT = {"of", "the", "for", "and", "to", "on", "in", "at", "de", "la", "le", "les", "du",
            "des", "del", "della", "di", "da", "für", "und", "der", "die", "das", "&", "y",
            "e", "et", "och", "og", "van", "von", "zu", "im", "a", "an", "with", "upon", "am",
            "pour", "en", "per", "sur", "dei", "degli", "delle", "do", "dos", "das"}
_PREPOSITION_START = re.compile(r"^(?:in|at|on|for|from|to|with|by|via|under|near|opposite|behind|next|"
                                r"beside|off|see|please|call|"
                                r"visit|write|contact|our|your|this|these|those|it|we|you)\b", re.I)

# (patterns compiled once: a module-level re.search(string, ...) looks its
# pattern up in re's cache on every call)
_DIGIT_RUN = re.compile(r"\d+")
_AT_TOKEN = re.compile(r"\S*@\S*")
_SEGMENT_SEP = re.compile(r"[•·|]")
_NAME_WORD = re.compile(r"[A-ZÀ-ÞА-Я][a-zß-ÿа-я]+(?:-[A-ZÀ-ÞА-Я][a-zß-ÿа-я]+)?")
_LEGAL_END = re.compile(r"(?:Inc|Ltd|Co|e\.V|Corp|S\.A|GmbH|Bros|Assn)\.$")
_LETTER = re.compile(r"[^\W\d_]")
_GREEK_CYRILLIC = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_LABEL_PHRASE_END = re.compile(r"(?:^|\s)([A-ZÀ-Þ][\w'’-]*(?:\s+[a-zà-ÿ][\w'’-]*)*)\s*:\s*$")
_PREFIX_CUT = re.compile(r":|--|\||;|\u2013\d+\u2013|(?<=[a-z0-9)\]])\.\s|\d{3,}\s")
_HOUSE_NUMBER = re.compile(r"\d+[A-Za-z]?")
_ANY_DIGIT = re.compile(r"\d")
_ROW_PARTS = re.compile(r"^(.{1,40}?)(?:\s*\|\s*|:\s+|\s+--\s+)(\S.*)$")
_ACRONYM = re.compile(r"[A-Z]{2}")
_ACRONYM_OR_SLASH = re.compile(r"[A-Z]{2}|/")
_BARE_LABEL = re.compile(r"[^:]{1,40}(?::|--)")
_NOTE_END = re.compile(r"[ \t]*\([^()]*\)\Z")
# (a parish after the city is dropped: `28 Bogue Road, Montego Bay, St. James`)
_CITY_AFTER_STREET = re.compile(r",[ \t]*([A-ZÀ-Þ][^\W\d_'’\-]+(?:[ \t-][A-ZÀ-Þ][^\W\d_'’\-]+){0,2})"
                                r"(?:,[ \t]*(?:St|Ste|Saint|Sainte)\.?[ \t]+[A-ZÀ-Þ][^\W\d_'’\-]+)?[ \t]*[.,]?[ \t]*$")


@dataclass
class Item:
    kind: str          # phone|fax|email|website|address_label | street|pobox|postal_code|city|country|state
    start: int
    end: int
    value: str = ""
    valid: bool = True
    country: str | None = None   # ISO alpha-2 an address part gives
    rule: str = ""
    number_text: str = ""        # phones: the number as it stands for (slash shorthands expanded)
    labelled: bool = False


class Block:
    """Items of one contact block, in text order, with their extent and kinds
    kept up to date (long directories make blocks of hundreds of items)."""

    def __init__(self, items: list[Item]) -> None:
        self.items = sorted(items, key=lambda i: (i.start, i.end))
        self.refresh()

    def refresh(self) -> None:
        self.start = min((i.start for i in self.items), default=0)
        self.end = max((i.end for i in self.items), default=0)
        self.kinds: dict[str, int] = {}
        for i in self.items:
            self.kinds[i.kind] = self.kinds.get(i.kind, 0) + 1

    def add(self, it: Item) -> None:
        """Append an item (re-sorting only when it is not the last in order)."""
        if self.items and (it.start, it.end) < (self.items[-1].start, self.items[-1].end):
            bisect.insort(self.items, it, key=lambda i: (i.start, i.end))
        else:
            self.items.append(it)
        self.start = min(self.start, it.start) if len(self.items) > 1 else it.start
        self.end = max(self.end, it.end) if len(self.items) > 1 else it.end
        self.kinds[it.kind] = self.kinds.get(it.kind, 0) + 1

    def has(self, *kinds) -> bool:
        return any(k in self.kinds for k in kinds)


# ---------------------------------------------------------------- labels

@lru_cache(maxsize=None)
def _label_words() -> tuple[list[str], list[str], dict[str, str]]:
    """The strong and weak label spellings the label pattern is built from,
    and the kind of each spelling."""
    d = addr.data()["labels"]
    kind_of: dict[str, str] = {}
    strong, weak = [], []
    for kind, words in d["strong"].items():
        for w in words:
            kind_of[w.rstrip(".").rstrip(" -").casefold()] = kind
            strong.append(w.rstrip(".").rstrip(" -"))
    for kind, words in d["weak"].items():
        for w in words:
            kind_of.setdefault(w.rstrip(".").casefold(), kind)
            weak.append(w.rstrip("."))
    return strong, weak, kind_of


@lru_cache(maxsize=None)
def _label_source() -> tuple[str, dict[str, str]]:
    """The label pattern's text (see _label_rx) and the kind of each spelling."""
    strong, weak, kind_of = _label_words()
    # the spellings as tries (addresses._trie): the same words, longest first,
    # but each tried only when its first letter matches
    s_alt = addr._trie(set(strong), ignore_case=True, strip_dot=False)
    w_alt = addr._trie(set(weak), strip_dot=False)
    wi_alt = addr._trie(set(weak), ignore_case=True, strip_dot=False)
    num = r"(?:[ \t]*(?:No|Nr|Number|number|no)\.?)?"
    return (
        rf"(?<![^\W\d_])(?:(?P<s>(?:{s_alt}))\.?{num}[ \t]*(?P<ssep>:|--|\||–(?=[ \t]))?"
        rf"|(?P<w>(?:{w_alt}))\.?[ \t]*(?P<wsep>:|--)"
        rf"|(?P<w1>[TFMPE])[ \t]+(?=\+\d|\(0|\(\+|[\w.\-]+@)"
        # a weak label glued to its value by a crawler (`Webwww.x.org`, `Ph+41 ...`);
        # _glued_ok checks that what follows is a value of the label's kind
        rf"|(?P<g>(?:{wi_alt}))(?=[+(\d]|(?i:www\.|https?://)))"), kind_of


@lru_cache(maxsize=None)
def _label_rx() -> tuple[re.Pattern, dict[str, str]]:
    """The label pattern (the plain form: the stage scans with _label_body and
    _label_scan_ascii, which find its matches) and the kind of each spelling."""
    src, kind_of = _label_source()
    return re.compile(src), kind_of


_NOT_AFTER_LETTER = r"(?<![^\W\d_])"


@lru_cache(maxsize=None)
def _label_body() -> re.Pattern:
    """The label pattern without its look-behind: matched at the start of a
    string (nothing before it) or after a character that is no letter, it
    matches as the label pattern does."""
    src, _ = _label_source()
    assert src.startswith(_NOT_AFTER_LETTER)
    return re.compile(src[len(_NOT_AFTER_LETTER):])


@lru_cache(maxsize=None)
def _label_heads() -> str:
    """A character class of the characters a label can begin with."""
    d = addr.data()["labels"]
    heads = set("TFMPE")    # w1
    for kind in ("strong", "weak"):
        for words in d[kind].values():
            for w in words:
                if w.strip():
                    c = w[0]
                    heads |= {c} | set(addr._folds(c.lower())) | set(addr._folds(c))
    return "[" + "".join(re.escape(c) for c in sorted(heads)) + "]"


@lru_cache(maxsize=None)
def _label_scan() -> tuple[re.Pattern, re.Pattern]:
    """The label pattern split for speed: `first` finds a start (one of the
    characters a label can begin with, not after a letter, where the label
    pattern matches: a leading character class lets sre skip ahead, the
    look-behind at the head of the label pattern does not), `body` (the label
    pattern without its look-behind) is then matched there. Scanning with
    first.search, body.match and resuming at the body's end gives the same
    matches as the label pattern's finditer (no label match is empty).
    (Compiled when first asked for: the stage scans with _label_scan_ascii.)"""
    body = _label_body()
    first = re.compile(rf"{_label_heads()}(?<=(?<![^\W\d_])(?=(?:{body.pattern})).)")
    return first, body


@lru_cache(maxsize=None)
def _label_scan_ascii() -> re.Pattern:
    """For an ASCII text: a character that is no letter (`[^A-Za-z]`, which
    sre tests fast, unlike `[\\W\\d_]`) right before a place where the label
    pattern matches, so the scan stops at word starts only."""
    return re.compile(rf"[^A-Za-z](?={_label_heads()})(?=(?:{_label_body().pattern}))")


LABEL_SCAN_ANY_TEXT = True   # False: only ASCII texts are scanned on [^A-Za-z] (tests compare both)
LABEL_SCAN_LOWER = True      # False: no scan of the small-letter copy (tests compare both)


@lru_cache(maxsize=None)
def _label_scan_lower() -> re.Pattern:
    """For an ASCII text written in small letters (same length, same offsets):
    a character that is no letter before what a label match must start with,
    its spellings as small ASCII letters (addresses._ascii_lower_words) with
    what the weak, single-letter and glued forms need after them. Where the
    label pattern matches after a non-letter, this matches too; prose words
    (`the`, `programme`) fail on their first letters, where the ASCII scan
    tried the whole label pattern at every word start."""
    strong, weak, _ = _label_words()
    s_alt = addr._trie(addr._ascii_lower_words(strong, strip_dot=False), strip_dot=False)
    w_alt = addr._trie(addr._ascii_lower_words(weak, strip_dot=False), strip_dot=False)
    return re.compile(rf"[^a-z](?=(?:{s_alt})|(?:{w_alt})(?:\.?[ \t]*(?::|--)|[+(\d]|www\.|https?://)"
                      rf"|[tfmpe][ \t]+(?:\+\d|\(0|\(\+|[\w.\-]+@))")


@lru_cache(maxsize=None)
def _label_scan_low_any() -> re.Pattern | None:
    """_label_scan_lower for any text whose small-letter copy keeps its length
    (each character one small character): the label spellings of every script
    (Телефон, Téléphone) as addresses._low_trie classes, the tails the same way. No
    character that is no letter lowers to a-z (a test checks every code point),
    so `[^a-z]` stands before every label; letters there are refused after.
    None when a spelling changes length in small letters."""
    strong, weak, _ = _label_words()
    if any(len(w.lower()) != len(w) for w in strong + weak):
        return None
    tail = rf"(?:{addr._low_trie(['www.', 'http://', 'https://'], strip_dot=False)})"
    return re.compile(rf"[^a-z](?=(?:{addr._low_trie(strong, strip_dot=False)})|(?:{addr._low_trie(weak, strip_dot=False)})(?:\.?[ \t]*(?::|--)|[+(\d]|{tail})"
                      rf"|[tfmpe][ \t]+(?:\+|\(|[^\s@]*@))")


def _label_matches_at(text: str, scan: str, rx: re.Pattern, letter=None):
    """_label_matches by a quick scan: the places rx finds in `scan` (the text
    itself, or its small-letter copy of the same length), each right before a
    possible label, where the label pattern's body then matches the text; with
    `letter`, places after a letter (the look-behind's refusal) are skipped."""
    match = _label_body().match
    m = match(text, 0)      # (a label at the start has nothing before it)
    s = 0
    if m is not None:
        yield m
        s = m.end() - 1
    search = rx.search
    while True:
        f = search(scan, s)
        if f is None:
            return
        q = f.start()
        if letter is not None and letter(text, q) is not None:
            s = q + 1
            continue
        m = match(text, q + 1)
        if m is None:
            s = q + 1
            continue
        yield m
        s = m.end() - 1


def _label_matches(text: str):
    """_label_rx()[0].finditer(text), the same matches (see _label_scan)."""
    if LABEL_SCAN_LOWER:
        if text.isascii():
            yield from _label_matches_at(text, addr.lowered(text), _label_scan_lower())
            return
        low = addr.lowered(text)
        rx = _label_scan_low_any() if len(low) == len(text) else None
        if rx is not None:
            yield from _label_matches_at(text, low, rx, _LETTER.match)
            return
    if LABEL_SCAN_ANY_TEXT or text.isascii():
        # (a text with other letters: [^A-Za-z] also stops right after one of
        # them, which the label's look-behind refuses: checked there, so most of
        # the scan still runs on the fast class; most real pages have a
        # non-ASCII character somewhere: a dash, a quote, an accent)
        letter = None if text.isascii() else _LETTER.match
        yield from _label_matches_at(text, text, _label_scan_ascii(), letter)
        return
    match = _label_body().match
    pos = 0
    search = _label_scan()[0].search
    while True:
        f = search(text, pos)
        if f is None:
            return
        m = match(text, f.start())
        yield m
        pos = m.end()


# what a label glued to its value (crawler text: `Fax+41 22 ...`, `Phone02 227 ...`,
# `E-mailname@org.int`, `Webwww.x.org`) must be followed by, per kind
_GLUED_URL = re.compile(r"(?i)www\.|https?://")
_GLUED_MAIL = re.compile(r"[A-Za-z0-9][\w.%+'\-]*@[A-Za-z0-9][A-Za-z0-9\-]*\.[A-Za-z]")


def _glued_ok(kind: str, word: str, text: str, e: int, strong: bool) -> bool:
    """Whether text[e:] is a value of `kind` written straight after the label
    `word`, with no space or separator between them."""
    nxt = text[e:e + 1]
    if kind in ("phone", "fax"):
        if len(word) == 1 and nxt != "+":
            return False   # `M1 5AB`, `F1`: a single letter glued to digits is no label
        m = PHONE_RUN.match(text[e:e + 80])
        return bool(m) and len(digits(m.group(0))) >= 6
    if kind == "website":
        return bool(_GLUED_URL.match(text, e))
    if kind == "email":
        # only a strong label, and one that shows it is a label (`E-mail`, `Email`,
        # `EMAIL`), not the head of an address (`email.desk@`, `emailteam@`)
        if not strong or not _GLUED_MAIL.match(text, e):
            return False
        return not word.isalpha() or word[0].isupper()
    return False


@dataclass
class Label:
    kind: str
    start: int
    end: int           # end of label and separator
    has_sep: bool


def _find_labels(text: str) -> list[Label]:
    _, kind_of = _label_source()
    out = []
    for m in _label_matches(text):
        written = m.group("s") or m.group("w") or m.group("w1") or m.group("g")
        word = written.casefold()
        kind = kind_of.get(word)
        if kind is None:
            continue
        if m.group("w1") and not (m.start() == 0 or text[m.start() - 1] in " \t\n|·•,;"):
            continue
        sep = m.group("ssep") or m.group("wsep") or m.group("w1")
        e = m.end()
        if m.group("g"):
            if _glued_ok(kind, written, text, e, False):
                out.append(Label(kind, m.start(), e, False))
            continue
        if m.group("s") and not sep and kind == "email" and text[m.end("s"):m.end("s") + 1].isalnum():
            e = m.end("s")
            if _glued_ok(kind, written, text, e, True):
                out.append(Label(kind, m.start(), e, False))
            continue
        if m.group("s") and not sep:
            nxt = text[e:e + 5]
            # a bare strong label must be followed by a value or stand at the line end
            if not (nxt[:1] in ("", "\n", " ", "\t", "(", "+", "[", "\u00a0")
                    or nxt[:1].isdigit() or nxt.lower().startswith(("www", "http"))):
                continue
            if nxt[:1] in (" ", "\t", "\u00a0"):
                nl = text.find("\n", e, e + 300)
                rest = text[e:nl if nl >= 0 else e + 300].strip()
                if rest and not (rest[0] in "+([·•" or rest[0].isdigit() or "@" in rest[:60]
                                 or rest.lower().startswith(("www", "http"))
                                 or _find_labels_quick(rest)):
                    continue
        out.append(Label(kind, m.start(), e, bool(sep)))
    return out


def _find_labels_quick(s: str) -> bool:
    """Whether a label starts the string (_label_body: nothing stands before it)."""
    return bool(_label_body().match(s))


def _value_region(text: str, labels: list[Label], i: int) -> list[tuple[int, int]]:
    """Where label i's value is written: the rest of its line up to the next
    label, or (a bare label) the line(s) below it."""
    lab = labels[i]
    le = text.find("\n", lab.end)
    le = len(text) if le < 0 else le
    nxt = labels[i + 1].start if i + 1 < len(labels) else len(text)
    end = min(le, nxt)
    if text[lab.end:end].strip(_BULLET + ".,;"):
        return [(lab.end, end)]
    if nxt < le:
        return []
    # the value stands on the following line(s)
    regions = []
    pos = le + 1
    blank = 0
    while pos < len(text) and len(regions) < 6:
        e = text.find("\n", pos)
        e = len(text) if e < 0 else e
        line = text[pos:e]
        st = line.strip(_BULLET)
        if not st:
            blank += 1
            if blank > 2:
                break
            pos = e + 1
            continue
        if nxt < e and nxt >= pos and not text[pos:nxt].strip(_BULLET):
            break  # the line starts with another label
        if lab.kind in ("phone", "fax"):
            if not _phone_only(line):
                break
            regions.append((pos, e))
            blank = 0
            pos = e + 1
            continue
        regions.append((pos, min(e, nxt)))
        break
    return regions


def _phone_only(line: str) -> bool:
    rest = PHONE_RUN.sub("", line)
    rest = EXTENSION.sub("", rest)
    return bool(PHONE_RUN.search(line)) and not rest.strip(_BULLET + ".,;/")


# ---------------------------------------------------------------- phones

def _phone_items(text: str, s: int, e: int, kind: str, labelled: bool) -> list[Item]:
    out = []
    prev = s
    # a label's value is matched on its own, so a number glued to its label
    # (`Fax+41 ...`, `Phone02 ...`) is not hidden by the letter before it
    runs = ([_Shifted(m, s) for m in PHONE_RUN.finditer(text[s:e])] if labelled
            else PHONE_RUN.finditer(text, s, e))
    for m in runs:
        run = m.group(0)
        if labelled and not _SEPARATORS.fullmatch(text[prev:m.start()]):
            break   # the label's numbers end where other words begin
        prev = m.end()
        ext = EXTENSION.match(text, prev, e)
        if ext:
            prev = ext.end()
        if not labelled and not _unlabelled_ok(text, m.start(), run):
            continue
        if labelled and (not_a_phone(run) or len(digits(run)) < 5):
            continue
        for p in split_run(run):
            nd = len(digits(p.text))
            if nd < (5 if labelled else 7) or nd > 17:
                continue
            number = p.text
            if labelled and out and "\n" not in text[out[-1].end:m.start()]:
                number = share_area(out[-1].number_text, number) or number   # `01-5970115, 5970116`
            out.append(Item(kind, m.start() + p.start, m.start() + p.end,
                            number_text=number, labelled=labelled,
                            rule=f"contact.{kind}.{'label' if labelled else 'bare'}"))
    return out


# unlabelled numbers by the text they are read from (see _bare_phone_items)
_BARE_PHONES = addr._Memo()


def _bare_phone_items(text: str, s: int, e: int) -> list[Item]:
    """_phone_items(text, s, e, "phone", False), remembered: what it finds
    depends on text[s:e] and the 13 characters before it (the amount and
    IBAN look-backs reach 12 and 6 back, their look-behinds one more), or
    fewer at the start of the text. Pages repeat their table rows' numbers
    (years, ranges, amounts), which are no phone numbers. (An identifier
    row's label, further back, is asked by the caller: _id_label_before.)"""
    b = max(0, s - 13)
    key = (text[b:e], s - b) if e - b <= 200 else None
    got = _BARE_PHONES.get(key) if key is not None else None
    if got is None:
        items = _phone_items(text, s, e, "phone", False)
        _BARE_PHONES.remember(key, tuple((i.start - s, i.end - s, i.number_text) for i in items), e - b)
        return items
    return [Item("phone", s + a, s + z, number_text=n, rule="contact.phone.bare") for a, z, n in got]


_TRUNCATED = re.compile(r"[ \t]?(?:…|\.\.\.)")


class _Shifted:
    """A match in a slice, with offsets into the whole text."""
    __slots__ = ("_m", "_off")

    def __init__(self, m: re.Match, off: int) -> None:
        self._m, self._off = m, off

    def group(self, n=0) -> str:
        return self._m.group(n)

    def start(self) -> int:
        return self._m.start() + self._off

    def end(self) -> int:
        return self._m.end() + self._off


# what may stand between two numbers of one label: punctuation, `or`, a
# bracketed note (`(main);`), a short sub-label (`mobile:`)
_SEPARATORS = re.compile(r"(?:[\s·•*,;/.:\-–|]|\([^()\n\d]{0,20}\))*(?:(?:or|and|oder|und|ou|et|o|y|или|и|&)[\s,;:]*)?"
                         r"(?:[A-Za-zА-я]{0,12}[ \t]*:[ \t]*)?[\s(]*", re.I)
# share and social-media links near a block are not the organisation's website
_SOCIAL = re.compile(r"(?i)^[a-z]+://(?:www\.|m\.)?(?:facebook|twitter|x|instagram|youtube|youtu|linkedin|"
                     r"flickr|tiktok|vk|t|wa|goo|bit|pinterest|telegram|whatsapp|maps\.google|"
                     r"google)\.[a-z.]+(?:/|$)")
# a word that makes `<Place> Office:` a label before an address, not a name
_LABEL_NOUN = re.compile(r"(?i)office|offices|address|headquarters|location|branch|bureau|"
                         r"büro|adresse|anschrift|sede|oficina|siège|bureau")
_DISTRICT = re.compile(r"(?i)\b(?:district|area|quarter|zone|sector|estate|neighbou?rhood|layout|colony|"
                       r"industrial|business|park|campus|compound|complex|centre|center)\b")
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|Rs|ISBN|ISSN|No|Nr|DOI|EIN|res|ZVR|IBAN|BIC|"
                           r"SWIFT|BLZ|Kto|Konto|Account|VAT|USt|UID|Tax|TIN|HRB|HRA|VR|Art|Section|§|"
                           r"page|pp|p|vol|Az|ID|Reg|Registration|Registered|Charity|Company|Case|"
                           r"Steuernummer|SIRET|SIREN|CIF|NIF|ABN|ACN|GST|PAN|OGRN|INN|КПП|ИНН|ОГРН)"
                           r"(?:[ \t.\-]*(?:no|nr|number|id))?\.?)\s*[:#]?\s*\Z", re.I)


_ID_BACK = 24   # how far back an identifier label may start


def _id_label_before(text: str, start: int) -> bool:
    """An identifier row's label right before a number (`Numéro d'entreprise :`)."""
    return _id_label_rx().search(text, max(0, start - _ID_BACK), start) is not None


@lru_cache(maxsize=None)
def _id_label_rx() -> re.Pattern:
    """An identifier row's label (data: phones.identifier_labels) right before a number."""
    alt = addr._trie(addr.data().get("phones", {}).get("identifier_labels", []), strip_dot=False)
    return re.compile(rf"(?i)(?<![\w])(?:{alt})(?:[ \t.\-]*(?:no|nr|n°|nº|number|num))?\.?\s*[:#]?\s*\Z")


# the country and check digits that start an IBAN (`SI56 0201 ...`): the digits after are no phone
_IBAN_HEAD = re.compile(r"(?<![\w])[A-Z]{2}\d{2}[ \t]?\Z")


def _unlabelled_ok(text: str, start: int, run: str) -> bool:
    """A number without a label counts when it is shaped like a phone number
    and is not a date, a year range, an amount or an identifier."""
    if not_a_phone(run) or _MONEY_BEFORE.search(text, max(0, start - 12), start) \
            or _IBAN_HEAD.search(text, max(0, start - 6), start):
        return False
    nd = len(digits(run))
    if nd < 7 or nd > 15:
        return False
    groups = _DIGIT_RUN.findall(run)
    if len(groups) < 2 and not run.lstrip().startswith("+"):
        return False
    return True


# what may follow a hotline number in prose: no letter or digit glued on or
# one space away (`0800 555 123Mb`: the run stopped inside something else)
_TOLL_FREE_END = re.compile(r"(?![^\W\d_]|[ \t]?\d)")


@lru_cache(maxsize=4096)   # pure; a site's pages repeat their numbers
def _toll_free(number: str, region: str) -> bool:
    """A valid toll-free number of the page's country (`0800 …`, `8 800 …`,
    `1-800-…`, `0120-…`), eight digits or more: a phone wherever it stands."""
    d = digits(number)
    if d[:1] not in ("0", "1", "8") or len(d) < 8:
        return False
    pv = normalise_phone(number, region)
    if not (pv.valid and pv.international):
        return False
    return phonenumbers.number_type(phonenumbers.parse(pv.value)) == phonenumbers.PhoneNumberType.TOLL_FREE


def _is_intl(run: str) -> bool:
    """The run writes its country code (`+41`, `00 41`, `(32-2)`, `[32]`, `011-41-`)."""
    return international_form(run) is not None


# ---------------------------------------------------------------- items

@lru_cache(maxsize=None)
def _phone_split() -> tuple[re.Pattern, re.Pattern] | None:
    heads = addr._first_class(PHONE_RUN.pattern, PHONE_RUN.flags)
    if heads is None:
        return None
    return re.compile(rf"{heads}(?<=(?={PHONE_RUN.pattern}).)", PHONE_RUN.flags), PHONE_RUN


def _phone_runs(text: str):
    """PHONE_RUN.finditer(text), found through the class of its first
    characters (its leading look-behind keeps sre from skipping ahead)."""
    split = _phone_split()
    if split is None:
        return PHONE_RUN.finditer(text)
    return addr._split_finditer(split, text, 0, len(text))


def _runs_cross_lines(text: str) -> bool:
    """Whether a phone run may stand across a line break: only through the one
    space PHONE_RUN allows after a leading `+` or bracket (`+` / `41 22 ...`).
    (each character found by str.find, which runs at memchr speed: a
    two-character `in` or a pattern scan reads the page several times slower)"""
    for c in "+([":
        i = text.find(c)
        while i >= 0:
            if text.startswith("\n", i + 1):
                return True
            i = text.find(c, i + 1)
    return False


def _line_runs(text: str) -> list[tuple[int, int]]:
    """Where the phone runs of each line are, as _phone_runs finds them in
    that line alone (in a text where no run crosses a line, the runs of the
    whole text)."""
    if not _runs_cross_lines(text):
        return [m.span() for m in _phone_runs(text)]
    out = []
    pos = 0
    for ln in text.split("\n"):
        out.extend((pos + m.start(), pos + m.end()) for m in _phone_runs(ln))
        pos += len(ln) + 1
    return out


_WEBSITE_LINE = re.compile(r"(?:https?://)?www\.[\w\-]+(?:\.[\w\-]+)+/?")


def _line_scan(text: str) -> list[tuple[int, int, tuple]]:
    """What _collect finds line by line, as addr.LineMemo items: the address
    gates and line patterns, the labels, where the websites are written (each
    depends on its line alone, and not on which of the digits 1-9 it writes:
    _line_scan_blind; a website's text and value are read from the page),
    and the phone runs of each line."""
    out = addr.line_items(text)
    out.extend((s, e, ("run",)) for s, e in _line_runs(text))
    out.extend((lab.start, lab.end, ("label", lab.kind, lab.has_sep)) for lab in _find_labels(text))
    out.extend((u.start, u.end, ("url",)) for u in find_urls(text, bare=True))
    return out


def _line_scan_blind() -> bool:
    """The patterns of _line_scan tell the digits 1-9 apart nowhere (its
    Python code counts digits and asks isdigit, nothing more)."""
    from ..parse import emails as E
    return addr.digit_blind(addr.line_item_patterns() + [
        _label_body(), _label_scan_ascii(), _label_scan_lower(), *filter(None, [_label_scan_low_any()]), PHONE_RUN,   # (_phone_split's first: blind as PHONE_RUN is)
        _GLUED_URL, _GLUED_MAIL,
        E.URL, E.DOMAIN, E.URL_GLUED, E._URL_GATE, E._DOMAIN_GATE, E._GLUED_WWW, E._GLUED_WORD])


@lru_cache(maxsize=4096)
def _emails_of(value: str) -> tuple[Match, ...]:
    """find_emails of a label's value (a site's pages repeat their rows),
    with the bare words for `@` (`geral arroba x.org`)."""
    return tuple(find_emails(value, at_words=True))


@lru_cache(maxsize=4096)
def _urls_of(value: str) -> tuple[Match, ...]:
    """find_urls(value, bare=True) of a label's value (a site's pages repeat their rows)."""
    return tuple(find_urls(value, bare=True))


def _urls_at(text: str, s: int, e: int) -> list[Match]:
    """find_urls(text, s, e, bare=True): the region is matched on its own."""
    return [Match(u.start + s, u.end + s, u.raw, u.value, u.valid) for u in _urls_of(text[s:e])]


_LINES = addr.LineMemo(_line_scan, _line_scan_blind)


def _collect(doc: Doc) -> tuple[list[Item], list[Item]]:
    """Anchored items (labelled rows, e-mails, international numbers, address
    parts) and loose items (numbers without a label or code, bare domains)
    that count only inside a block."""
    text = doc.text
    items: list[Item] = []
    loose: list[Item] = []
    used: list[tuple[int, int]] = []        # phone/fax values
    lines = _LINES.lines(text)
    rest: dict[str, list] = {}      # label, url and run items (one pass over the lines' items)
    page = addr.page_lines(lines, rest)
    labels = [Label(p[1], s, e, p[2]) for s, e, p in rest.get("label", ())]
    for i, lab in enumerate(labels):
        regions = _value_region(text, labels, i)
        items.append(Item("label", lab.start, lab.end, value=lab.kind,
                          rule=f"label.{lab.kind}"))
        for s, e in regions:
            if lab.kind in ("phone", "fax"):
                got = _phone_items(text, s, e, lab.kind, True)
                items.extend(got)
                used.extend((g.start, g.end) for g in got)
            elif lab.kind == "email":
                # matched on its own, so `E-mailname@org.int` gives `name@org.int`
                ems = [Match(x.start + s, x.end + s, x.raw, x.value, x.valid)
                       for x in _emails_of(text[s:e])]
                for em in ems:
                    items.append(Item("email", em.start, em.end, em.value, em.valid,
                                      labelled=True, rule="contact.email.label"))
                if not ems and "@" in text[s:e]:
                    tok = _AT_TOKEN.search(text[s:e])
                    a, b = s + tok.start(), s + tok.end()
                    items.append(Item("email", a, b, text[a:b].lower(), False, labelled=True,
                                      rule="contact.email.label"))
                for u in _urls_at(text, s, e):
                    if not any(em.start <= u.start < em.end for em in ems):
                        loose.append(Item("website", u.start, u.end, u.value, rule="contact.website.block"))
            elif lab.kind == "website":
                for u in _urls_at(text, s, e)[:1]:
                    items.append(Item("website", u.start, u.end, u.value, labelled=True,
                                      rule="contact.website.label"))
            elif lab.kind == "address":
                items.append(Item("address_label", s, e, rule="contact.address.label"))
    labelled_mail = [(i.start, i.end) for i in items if i.kind == "email"]
    for em in find_emails(text):
        if not any(a < em.end and em.start < b for a, b in labelled_mail):
            items.append(Item("email", em.start, em.end, em.value, em.valid, rule="contact.email.bare"))
    used.sort()
    used_starts = [a for a, _ in used]
    # the phone runs: from the line memo, unless one may cross a line
    runs = ([m.span() for m in _phone_runs(text)] if _runs_cross_lines(text)
            else [(s, e) for s, e, _ in rest.get("run", ())])
    for rs, rend in runs:
        k = bisect.bisect_left(used_starts, rend)
        if any(a < rend and rs < b for a, b in used[max(0, k - 3):k]):
            continue
        if _is_intl(text[rs:rend]):
            items.extend(_bare_phone_items(text, rs, rend))
        else:
            got = _bare_phone_items(text, rs, rend)
            if got and doc.country_iso2 and all(_toll_free(i.number_text, doc.country_iso2) for i in got) \
                    and _TOLL_FREE_END.match(text, rend) and not _id_label_before(text, rs):
                items.extend(got)   # `Calls are free: 8 800 700-41-20`: a hotline in prose
            else:
                loose.extend(got)
    # a line that is only a website (an infobox row without its label)
    for line in (doc.nonblank if "www." in text else ()):   # (the line holds `www.`)
        if "www." not in line.text:
            continue
        t = line.text.strip(_BULLET)
        if _WEBSITE_LINE.fullmatch(t):
            off = line.text.find(t)
            s = line.start + off
            if not any(it.start <= s < it.end for it in items):
                items.append(Item("website", s, s + len(t), "", rule="contact.website.line"))
    for p in addr.find_parts(text, lines=page):
        items.append(Item(p.kind, p.start, p.end, p.value, country=p.country, rule=p.rule))
    urls = [Match(s, e, text[s:e], normalise_website(text[s:e])) for s, e, _ in rest.get("url", ())]
    for u in urls:
        if not _SOCIAL.search(u.value):
            loose.append(Item("website", u.start, u.end, u.value, rule="contact.website.block"))
    items = _dedupe_overlaps(items)
    items.sort(key=lambda it: (it.start, it.end))
    _label_starts_street(text, items)
    if "…" in text or "..." in text:
        # `Tel: +223 20 22 …`: a snippet cut inside the number (search results, teasers)
        items = [i for i in items if not (i.kind in ("phone", "fax") and _TRUNCATED.match(text, i.end))]
        loose = [i for i in loose if not (i.kind in ("phone", "fax") and _TRUNCATED.match(text, i.end))]
    return items, loose


# words before a street inside an `Address:` value that belong to the street's
# name (`Hanauer Landstraße 126`, `Old Mill Lane 4`)
_STREET_HEAD = re.compile(r"[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,2}")


_BARE_STREET = re.compile(
    r"(?:[^\W\d_][\w'’.\-]*[ \t]+){1,4}\d{1,5}[a-zA-Z]?(?:[-–/]\d{1,5}[a-zA-Z]?)?"
    r"|\d{1,5}[a-zA-Z]?,?(?:[ \t]+[^\W\d_][\w'’.\-]*){1,4}")


def _label_street_line(text: str, items: list[Item], lab: Item) -> None:
    """`Adresse: Große Bleichen 5` / `20354 Hamburg`: an address label's value
    that is words and a house number, with the postal code and city on the
    next line, is the street even without a street word."""
    a, e = _clean_span(text, lab.start, lab.end)
    sp = trimmed(text, a, e, " \t")
    a, e = sp.start, sp.end
    v = text[a:e]
    c = v.find(",")
    if c > 0 and _org_data()[4].search(v, c):
        e = a + c   # `Kneza Miloša 16, 2nd floor`: the floor after the comma is no part of the street
        v = text[a:e]
        nl_floor = text.find("\n", e)
    else:
        nl_floor = None
    if not v or "\n" in v or not _BARE_STREET.fullmatch(v) or not v.lstrip("0123456789, \t")[:1].isupper():
        return
    if _org_data()[2].search(v) or any(i.start < e and a < i.end for i in items if i.kind != "address_label"):
        return
    nl = text.find("\n", e)
    nxt = next((i for i in items if i.start > e), None)
    if nl < 0 or nxt is None or nxt.kind not in ("postal_code", "city") or \
            text[e:nxt.start].count("\n") != 1 or text[nl:nxt.start].strip() or \
            (nl_floor is not None and any(i.start < nl and e < i.end for i in items if i.kind != "address_label")):
        return
    bisect.insort(items, Item("street", a, e, v, rule="contact.street.label_line"),
                  key=lambda i: (i.start, i.end))


def _label_starts_street(text: str, items: list[Item]) -> None:
    """An address label introduces a street line: capitalised words between
    the label and the street found in its value are the street's own words,
    not an organisation (`Anschrift: Hanauer Landstraße 126`)."""
    streets = [i for i in items if i.kind == "street"]
    for lab in [i for i in items if i.kind == "address_label"]:
        st = next((i for i in streets if lab.start <= i.start < lab.end), None)
        if st is None:
            _label_street_line(text, items, lab)
            continue
        a = lab.start
        while a < st.start and text[a] in _BULLET + ":":
            a += 1
        head = text[a:st.start]
        if not head.strip() or not head.endswith((" ", "\t")):
            continue
        h = head.rstrip()
        if not _STREET_HEAD.fullmatch(h) or not all(w[0].isupper() for w in h.split()):
            continue
        if _org_data()[2].search(h) or _only_label(h) or addr._rx()["country"].search(h):
            continue   # `Address: Ministry House 12 ...`: a name, not part of the street
        st.start = a
        st.value = text[a:st.end]
        st.rule += "+label_head"


def _dedupe_overlaps(items: list[Item]) -> list[Item]:
    """Address parts that overlap a phone, e-mail or website lose."""
    strong = sorted((i for i in items if i.kind in CONTACT_KINDS), key=lambda i: i.start)
    starts = [i.start for i in strong]
    max_len = max((i.end - i.start for i in strong), default=0)

    def hits(it: Item) -> list[Item]:
        a = bisect.bisect_left(starts, it.start - max_len)
        b = bisect.bisect_left(starts, it.end)
        return [s for s in strong[a:b] if s.start < it.end and it.start < s.end and s is not it]

    out = []
    dropped: set[tuple[str, int]] = set()
    for it in sorted(items, key=lambda i: i.start):
        if it.kind in ADDRESS_KINDS and hits(it):
            dropped.add((it.rule, it.end))
            continue
        if it.kind == "city" and it.rule in ("code_city", "code_comma_city") and any(
                (it.rule, e) in dropped for e in range(it.start - 3, it.start + 1)):
            continue
        if it.kind == "website" and it.rule == "contact.website.line" and any(
                s.kind == "website" for s in hits(it)):
            continue
        out.append(it)
    return out


# ---------------------------------------------------------------- blocks

def _gap_breaks(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    if len(gap) > 400 or _SEP_LINE.search(gap):
        return True
    if len(gap.replace(" ", "")) > 200:
        return True
    for line in gap.split("\n")[1:-1] if "\n" in gap else []:
        words = line.split()
        if len(words) >= 9 and len(line.strip()) >= 50:
            return True
    if "\n" not in gap and len(gap.split()) > 14:
        return True
    return False


def _blocks(text: str, items: list[Item]) -> list[Block]:
    blocks: list[Block] = []
    cur: Block | None = None
    for it in items:
        if it.kind == "label":
            continue
        if cur is not None:
            new = _gap_breaks(text, cur.end, it.start)
            if not new and it.kind in ("street", "pobox"):
                has_addr = cur.has("street", "pobox")
                has_place = cur.has("postal_code", "city")
                has_rows = cur.has("phone", "fax", "email", "website")
                if it.kind == "street" and cur.has("street"):
                    new = True
                elif it.kind == "pobox" and cur.has("pobox"):
                    new = True
                elif has_addr and has_place and not _same_address(text, cur, it):
                    new = True
                elif (has_addr or has_place) and has_rows:
                    new = True
            if not new and it.rule == "contact.website.line" and not _adjacent(text, cur.end, it.start):
                new = True   # a bare link line joins only the block it directly follows
            if not new and cur.has("phone", "fax", "email", "website") and _name_line_between(text, cur.end, it.start):
                new = True   # the next entry's name line: `Org B` above its own numbers
            if not new and it.kind in ("postal_code", "city") and cur.has("postal_code", "city") \
                    and cur.has("phone", "fax", "email") and it.rule not in ("city_state_code",):
                new = _gap_breaks(text, cur.end, it.start) or "\n" in text[cur.end:it.start]
            if not new:
                cur.add(it)
                continue
            blocks.append(cur)
        cur = Block([it])
    if cur is not None:
        blocks.append(cur)
    # a block needs an anchor: a labelled row, an e-mail, a number with its
    # country code, a street or PO box, or a postal code with a city
    out = []
    contact_blocks = sum(1 for b in blocks if any(
        i.kind in ("street", "pobox", "phone", "fax", "email") for i in b.items))
    for b in blocks:
        b.items = [i for i in b.items if not (i.kind == "street" and _street_in_prose(text, b, i))]
        b.refresh()
        if not b.items:
            continue
        kinds = {i.kind for i in b.items}
        if all(i.rule == "contact.website.line" for i in b.items) and (
                _in_footer(text, b.start) or contact_blocks):
            # a link line among footer or menu links, or apart from the page's
            # contact blocks, is no contact (an infobox's lone website row is)
            continue
        if kinds & {"street", "pobox", "phone", "fax", "email", "website", "address_label"}:
            out.append(b)
        elif {"postal_code", "city", "country"} <= kinds:
            out.append(b)
    return out


def _adjacent(text: str, a: int, b: int) -> bool:
    """Nothing but at most one blank line between two positions' lines."""
    gap = text[a:b]
    lines = gap.split("\n")[1:-1]
    return not any(ln.strip(_BULLET) for ln in lines) and len(lines) <= 1


_COPYRIGHT_LINE = re.compile(r"(?i)^(?:©|\(c\)\s*\d{4}|copyright\b)|all rights reserved")


@lru_cache(maxsize=None)
def _footer_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in addr.data()["websites"]["footer_words"])


def _in_footer(text: str, pos: int) -> bool:
    """A line among footer or menu lines: a copyright line or a footer link
    word (`Imprint`, `Privacy policy`) within three lines either side."""
    ls, le = _line_bounds(text, pos)
    near: list[str] = []
    p = ls
    for _ in range(3):           # lines above
        if p <= 0:
            break
        a, _e = _line_bounds(text, p - 1)
        near.append(text[a:p - 1])
        p = a
    p = le
    for _ in range(3):           # lines below
        if p >= len(text):
            break
        a, e = _line_bounds(text, p + 1)
        near.append(text[a:e])
        p = e
    for ln in near:
        t = ln.strip(_BULLET + ".")
        if t and (_COPYRIGHT_LINE.search(t) or t.casefold() in _footer_words()):
            return True
    return False


def _name_line_between(text: str, a: int, b: int) -> bool:
    """A whole line between two items that is an organisation's name."""
    gap = text[a:b]
    if gap.count("\n") < 2 or len(gap) > 300:
        return False
    lines = gap.split("\n")[1:-1]
    for line in lines:
        t = line.strip(_BULLET)
        if not t or _only_label(t):
            continue
        off = text.find(line, a, b)
        cand = _org_candidate(text, off, off + len(line))
        if cand and _org_like(text[cand[0]:cand[1]]):
            return True
    return False


@lru_cache(maxsize=None)
def _postal_label_rx() -> re.Pattern:
    words = addr.data()["pobox"]["postal_address_labels"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)(?:^|[\s(])(?:{alt})\)?[ \t]*(?::|--|\|)?[ \t\n]*\Z")


def _postal_label_before(text: str, pos: int) -> bool:
    """`Postal Address: P.O. Box 40712`: a second, postal address."""
    return bool(_postal_label_rx().search(text, max(0, pos - 40), pos))


def _street_in_prose(text: str, b: Block, st: Item) -> bool:
    """A street named inside a sentence (`located at 201 to 206 X Road,
    including ...`): no postal code or city follows it, and its line is prose."""
    if any(i.kind in ("postal_code", "city") and 0 <= i.start - st.end <= 80 for i in b.items):
        return False
    if any(i.kind in ("postal_code", "city") and 0 <= st.start - i.end <= 80
           and "\n" not in text[i.end:st.start] for i in b.items):
        return False   # largest unit first (`〒107-0052 Tokyo, Minato-ku, Akasaka 2-14-5`)
    ls, le = _line_bounds(text, st.start)
    if text[max(ls, st.start - 12):st.start].rstrip().endswith(":"):
        return False   # `Address: ...`
    before = text[max(ls, st.start - 300):st.start]
    after = text[st.end:min(le, st.end + 300)]
    if len((before + " " + after).split()) < 8:
        return False
    segs = (before.split(":")[-1] + text[st.start:st.end] + after).split(",")
    if len(segs) >= 3 and all(len(x.split()) <= 4 for x in segs):
        return False   # `Branch: Unit 7, X Plaza, 28 Y Road, Town, St. Z`: an address line of short parts
    # a letterhead line `18, avenue X • BP 49 Dakar • Tél. ...`: only the street's own segment counts
    before = _SEGMENT_SEP.split(before)[-1]
    after = _SEGMENT_SEP.split(after)[0]
    return len((before + " " + after).split()) >= 8


def _same_address(text: str, cur: Block, it: Item) -> bool:
    """A PO box right beside the street (same or next line) belongs to it."""
    last = max(cur.items, key=lambda i: i.end)
    return text[last.end:it.start].count("\n") <= 1 and not cur.has("postal_code")


def _attach_loose(text: str, blocks: list[Block], loose: list[Item]) -> None:
    """Numbers without a code and bare domains join the block they sit in or
    directly follow (same line, or the next line)."""
    taken = sorted((i.start, i.end) for b in blocks for i in b.items)
    t_starts = [a for a, _ in taken]
    t_max = max((e - a for a, e in taken), default=0)
    b_starts = [b.start for b in blocks]
    for it in sorted(loose, key=lambda i: i.start):
        lo = bisect.bisect_left(t_starts, it.start - t_max)
        hi = bisect.bisect_left(t_starts, it.end)
        if any(a < it.end and it.start < e for a, e in taken[lo:hi]):
            continue
        k = bisect.bisect_right(b_starts, it.start)
        for b in blocks[max(0, k - 2):k + 1]:
            if any(i.start < it.end and it.start < i.end for i in b.items):
                break
            le = text.find("\n", b.end)
            le = len(text) if le < 0 else le
            inside = b.start <= it.start <= b.end
            after = b.end <= it.start and (it.start <= le or
                                           (text[b.end:it.start].count("\n") <= 1
                                            and len(text[b.end:it.start]) < 80))
            if not (inside or after):
                continue
            gap = text[b.end:it.start] if after else ""
            if after and (len(gap) > 60 or _gap_breaks(text, b.end, it.start)):
                continue
            if it.kind == "website" and any(
                    e.kind == "email" and e.start <= it.start < e.end for e in b.items):
                break
            if it.kind == "phone" and _id_label_before(text, it.start):
                break    # a company or tax number (`Numéro d'entreprise : 0431.123.456`)
            b.add(it)
            break


# ---------------------------------------------------------------- organization

@lru_cache(maxsize=1)
def _passing_rows() -> frozenset[str]:
    """Row labels that may stand between a name line and its address (data)."""
    return frozenset(w.casefold() for w in addr.data()["organization"].get("passing_rows", []))


@lru_cache(maxsize=None)
def _org_data():
    # the word lists as tries (addr._trie, case folded: the same matches as the
    # case-insensitive alternations, longest first, cheaper to try)
    d = addr.data()["organization"]
    titles = list(d["addressee_titles"])
    titles += [t[4:] for t in titles if t.startswith("The ")]
    title_rx = re.compile(rf"^(?:{_words_i(titles)})(?![\w])[\s,:]*")
    not_names = {n.casefold() for n in d["not_names"]}
    kw_rx = re.compile(rf"(?<![\w])(?:{_words_i(d['keywords'])})(?![\w])")
    person_rx = re.compile(rf"^(?:{_words_i(t.rstrip('.') for t in d['person_titles'])})\.?\s")
    given = frozenset(d["given_names"])
    sub_rx = re.compile(rf"(?<![\w])(?:{_words_i(addr.data()['streets']['subaddress'])})(?![\w])")
    return title_rx, not_names, kw_rx, person_rx, sub_rx, given


def _strip_title(name: str) -> tuple[int, str]:
    title_rx = _org_data()[0]
    off = 0
    while True:
        m = title_rx.match(name)
        if not m or m.end() == 0:
            return off, name
        off += m.end()
        name = name[m.end():]


def _is_person(name: str) -> bool:
    _, _, kw_rx, person_rx, _, given = _org_data()
    if person_rx.match(name):
        return True
    words = name.split()
    if kw_rx.search(name):
        return False
    if 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w)
                                    for w in words) and words[0] in given:
        return True
    return False


def _name_ok(name: str) -> bool:
    _, not_names, kw_rx, _, _, _ = _org_data()
    n = name.strip()
    if len(n) < 2 or len(n) > 120 or "@" in n or "http" in n.lower() or "www." in n.lower():
        return False
    if n.casefold().rstrip(":") in not_names:
        return False
    if not (n[0].isupper() or n[0].isdigit()) or n[0].isdigit():
        return False
    if ":" in n or " | " in n or _PREPOSITION_START.match(n):
        return False
    words = n.split()
    if len(words) > 14:
        return False
    if n.endswith((".", "!", "?")) and not _LEGAL_END.search(n) and not _legal_form_rx().search(n):
        if len(words) > 3 or not kw_rx.search(n):
            return False
    sig = [w for w in words if w.lower() not in _CONNECT and _LETTER.match(w)]
    if not sig:
        return False
    # a legal form written in lower case (`e.V.`) counts as a name word
    caps = sum(1 for w in sig if w[0].isupper() or (not w.isalpha() and kw_rx.fullmatch(w)))
    # Russian and Greek names are written in sentence case (`Представительство фонда`)
    if caps / len(sig) < 0.6 and not _GREEK_CYRILLIC.search(n) and not _sentence_case_name(n, words):
        return False
    if sum(map(str.isdigit, n)) > 4:
        return False
    if _is_person(n):
        return False
    if PHONE_RUN.search(n) and len(digits(n)) >= 6:
        return False
    if len(words) <= 6 and addr.country_iso2(_NOTE_END.sub("", n) if n.endswith(")") else n):
        return False   # a country heading (`GUATEMALA`, `México (sede regional)`) is a place
    return True


@lru_cache(maxsize=None)
def _legal_form_rx() -> re.Pattern:
    """A legal form (data) ending a name, after a space or a comma."""
    alt = addr._trie(addr.data()["organization"].get("legal_forms", []), strip_dot=False)
    return re.compile(rf"(?:[ \t]|,[ \t]*)(?:{alt})\Z")


@lru_cache(maxsize=None)
def _sentence_case_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in addr.data()["organization"].get("sentence_case_heads", []))


@lru_cache(maxsize=None)
def _sentence_case_tails() -> frozenset[str]:
    return frozenset(w.casefold() for w in addr.data()["organization"].get("sentence_case_tails", []))


_ACRONYM_NOTE = re.compile(r"\([A-Z][A-Z&\-]{1,9}\)\Z")


def _sentence_case_name(n: str, words: list[str]) -> bool:
    """A name in sentence case (`Agence sénégalaise pour l'hydraulique
    villageoise (ASHV)`): a name word first (data) or its acronym in
    brackets at the end, and no sentence punctuation."""
    if len(words) > 10 or any(c in n for c in ".;!?"):
        return False
    return words[0].casefold() in _sentence_case_heads() or bool(_ACRONYM_NOTE.search(n)) \
        or (1 < len(words) <= 4 and words[-1].casefold() in _sentence_case_tails())


def _first_comma(name: str) -> str:
    """`Northern Institute of Applied Science, Tromsø` -> up to the comma when the
    rest is a place (or a post-office / building line)."""
    if "," not in name:
        return name
    head, rest = name.split(",", 1)
    rest = rest.strip()
    _, _, kw_rx, _, sub_rx, _ = _org_data()
    if not rest or _legal_form_rx().fullmatch(", " + rest):
        return head if not rest else name   # `Fundación Test, A.C.`: the legal form is the name's
    if addr._rx()["country"].fullmatch(rest):
        return head
    if sub_rx.search(rest) or _PREPOSITION_START.match(rest):
        return head
    words = rest.split()
    if len(words) <= 3 and not kw_rx.search(rest) and "(" not in rest and not any(
            w.lower() in ("and", "&", "und", "et") for w in words) and all(w[0].isupper() for w in words):
        return head
    return name


def _name_from_prefix(text: str, ls: int, start: int) -> tuple[int, int] | None:
    """The organisation name written before the address on its line
    (`ACME/North-Hub Storgata 14`, `Remarks: Permanent Observer
    Mission ... 25 East 39th Street`, `c/o World ... Organization7 bis`)."""
    s = text[ls:start]
    cut = 0
    # a label phrase right before the address (`Angle des trois rues:`) is dropped first
    t = s.rstrip()
    m = _LABEL_PHRASE_END.search(t)
    if m:
        if _LABEL_NOUN.fullmatch(m.group(1)):
            return None   # `New York Office: 122 E. 42d Street`: the whole phrase is a label
        t = t[:m.start(1)].rstrip()
    if not t.strip():
        return None
    last = None
    for m in _PREFIX_CUT.finditer(t):
        last = m
    if last is not None:
        cut = last.end()
    seg = t[cut:]
    # the trailing run of name words
    toks = list(_WORD.finditer(seg))
    keep = len(toks)
    for j in range(len(toks) - 1, -1, -1):
        w = toks[j].group(0)
        if w in (",", "&") or w.lower() in _CONNECT or w[0].isupper() or w.startswith("("):
            keep = j
            continue
        if w[0].isdigit() and _HOUSE_NUMBER.fullmatch(w) is None and j == len(toks) - 1:
            keep = j
            continue
        break
    run = toks[keep:]
    while run and (run[0].group(0) in (",", "&") or run[0].group(0).lower() in _CONNECT):
        run = run[1:]
    if not run:
        return None
    a = ls + cut + run[0].start()
    b = ls + cut + run[-1].end()
    return a, b


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, (len(text) if le < 0 else le)


def _clean_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _BULLET + ",;:":
        a += 1
    while b > a and text[b - 1] in _BULLET + ",;:":
        b -= 1
    return a, b


_GLUED_HEAD = re.compile(r"([A-ZÀ-Þ][a-zß-ÿ]{3,})(?=[A-ZÀ-Þ][a-zß-ÿ])")
_NUMBERING = re.compile(r"(?:[A-Z]?\d+(?:\.\d+)+\.?|\d+\.|[A-Z]\d*\.)\s*(?=[A-ZÀ-Þ])")


def _org_candidate(text: str, a: int, b: int) -> tuple[int, int] | None:
    a, b = _clean_span(text, a, b)
    num = _NUMBERING.match(text, a, b)   # `C13.1.2 The Society`, `2. Red Cross`
    if num:
        a = num.end()
    name = text[a:b]
    off, rest = _strip_title(name)
    a += off
    a, b = _clean_span(text, a, b)
    g = _GLUED_HEAD.match(text, a, b)
    if g and g.group(1).casefold() in _org_data()[1]:
        a = g.end()   # crawler text: a heading glued to the name (`ContactSlovenian …`)
    name = text[a:b]
    if not _name_ok(name):
        return None
    a += _repeated_head(name)
    name = text[a:b]
    cut = _first_comma(name).rstrip()
    if _is_person(name.split(",")[0].strip()):
        return None   # `John Smith, Programme Officer`
    b = a + len(cut)
    return a, b


def _repeated_head(name: str) -> int:
    """A list entry's short name run into its full name (`Pacific Union
    Permanent Mission of the Pacific Union`): the full name is kept. Returns
    how many characters to drop."""
    words = name.split()
    for k in range(2, min(6, len(words) - 2) + 1):
        head = " ".join(words[:k])
        rest = name.split(None, k)[-1] if len(words) > k else ""
        if rest and head in rest and rest[0].isupper():
            return len(name) - len(rest)
    return 0


def _is_heading_line(text: str, lines, k: int) -> bool:
    ln = lines[k]
    t = ln.text.strip(_BULLET)
    if not t or len(t) > 100 or ":" in t or t.endswith((".", ",", ";")) or _ANY_DIGIT.search(t):
        return False
    prev_blank = k == 0 or not lines[k - 1].text
    next_blank = k + 1 >= len(lines) or not lines[k + 1].text
    return prev_blank and next_blank and _name_ok(t)


def _organization(doc: Doc, b: Block, prev_end: int) -> tuple[int, int] | None:
    text = doc.text
    if all(i.kind == "website" for i in b.items):
        return None
    parts = [i for i in b.items if i.kind in ADDRESS_KINDS or i.kind == "address_label"]
    first = parts[0] if parts else b.items[0]
    ls, le = _line_bounds(text, first.start)
    ls = max(ls, prev_end, first.start - 400)
    prefix = text[ls:first.start]
    if not prefix.strip(_BULLET + "〒(["):
        prefix = ""   # a postal mark or bracket before the code (`〒107-0052`, `(04524)`)
    # the value of an `Address:` label starts the address
    pre = prefix
    if first.kind == "address_label":
        pre = ""
    after_comma = pre.rstrip().endswith(",")   # `Oxfam House, John Smith Drive`, `South C, Red Cross Road`
    got = _name_from_prefix(text, ls, first.start) if pre.strip(_BULLET + ":,-") and not after_comma else None
    above = text[max(prev_end, text.rfind("\n", 0, max(ls - 1, 0)) + 1):ls].strip()
    if after_comma and not above and "," not in pre.rstrip()[:-1] and pre.strip(_BULLET + ":,-"):
        # `University of Testland, Mill Rd, City 1000` with no name line above:
        # an organisation's name (not a building's) first
        cand = _org_candidate(text, ls, ls + len(pre.rstrip()) - 1)
        if cand and _org_like(text[cand[0]:cand[1]]) and not _is_building(text[cand[0]:cand[1]]) \
                and _prefix_name_ok(text[cand[0]:cand[1]]):
            return cand
    if parts and pre.rstrip().endswith("|"):
        # a directory table row (`Name | address | phone`): the cell before the
        # address, or an earlier one that names an organisation (`Name | City | address`)
        cell_end = ls + len(pre.rstrip()) - 1
        for n in range(3):
            cell_start = text.rfind("|", ls, cell_end) + 1 or ls
            cand = _org_candidate(text, cell_start, cell_end)
            if cand and _prefix_name_ok(text[cand[0]:cand[1]]) and (n == 0 or _org_like(text[cand[0]:cand[1]])):
                return cand
            if cell_start <= ls:
                break
            cell_end = cell_start - 1
    if got:
        cand = _org_candidate(text, *got)
        if cand and _prefix_name_ok(text[cand[0]:cand[1]]):
            return cand
    # the address_label's own value may start with the name (`Adresse: Indian Institute of ..., Madras ...`)
    if first.kind == "address_label":
        nxt = next((i for i in b.items if i.kind in ("street", "pobox", "postal_code", "city", "country")
                    and i.start >= first.start), None)
        if nxt and nxt.start > first.start:
            seg_a, seg_b = first.start, nxt.start
            if text[seg_a:seg_b].strip(_BULLET + ",:"):
                cand = _org_candidate(text, seg_a, seg_b)
                if cand is None:
                    # up to the first comma
                    c = text.find(",", seg_a, seg_b)
                    if c > 0:
                        cand = _org_candidate(text, seg_a, c)
                if cand and _is_building(text[cand[0]:cand[1]]):
                    return _heading_above(doc, _line_index(doc, cand[0]), prev_end) or cand
                if cand:
                    return cand
    line_start_block = not prefix.strip(_BULLET) or _only_label(prefix) or after_comma \
        or (first.labelled and _label_prefix(prefix))
    if not line_start_block:
        return None
    # the name line above
    lines = doc.lines
    idx = _line_index(doc, first.start)
    k = idx - 1
    blanks = 0
    while k >= 0 and lines[k].end > prev_end:
        t = lines[k].text.strip(_BULLET)
        if not t:
            blanks += 1
            if blanks > 2:
                break
            k -= 1
            continue
        if _only_label(t) or t.casefold().rstrip(":") in _org_data()[1]:
            k -= 1
            continue
        if _org_data()[4].search(t) and (_ANY_DIGIT.search(t) or "," in t) and not _org_data()[2].search(t.split(",")[0]):
            k -= 1   # a building / floor / suite line between name and street
            continue
        if _WORDS_NUMBER.fullmatch(t.split(",")[0].strip()) and not _org_data()[2].search(t):
            k -= 1   # an address line the parser did not read (`Plot 12, Kololo`) is no name
            continue
        if _office_line(t) and k > 0 and lines[k - 1].end > prev_end and lines[k - 1].text.strip(_BULLET):
            # an office label (`Doha Office`, `Bureau d'Abidjan`) under the name line
            cand = _org_candidate(text, lines[k - 1].start, lines[k - 1].end)
            if cand and not _is_building(text[cand[0]:cand[1]]) and not _office_line(text[cand[0]:cand[1]]):
                return cand
        row = _ROW_PARTS.match(lines[k].text)
        if row and row.group(1).strip(_BULLET + " ").casefold() in _passing_rows():
            k -= 1   # `Opening hours: ...` between the name line and the address
            continue
        if row and blanks:
            break    # a fact row further up is not the block's name line
        if row:
            # a `Label | value` row above the address: its value may be the name
            a = lines[k].start + row.start(2)
            cand = _org_candidate(text, a, lines[k].end)
            if cand:
                return cand
            return None
        cand = _org_candidate(text, lines[k].start, lines[k].end)
        if cand and _is_building(text[cand[0]:cand[1]]):
            # a building's name (`Lakeside House`) under a heading that names the organisation
            above = _heading_above(doc, k, prev_end)
            if above:
                return above
        if cand and (parts or _org_like(text[cand[0]:cand[1]])):
            return cand
        if cand or _is_person(t.strip()) or t.endswith(":"):
            return None   # above numbers alone, a plain name is more often a person's
        break
    # the entry heading above (only for a block with an address)
    if b.has("street", "pobox", "postal_code") and parts:
        k = idx - 1
        while k >= 0 and idx - k <= 40 and lines[k].end > prev_end:
            if _is_row(lines[k].text):
                return None   # a fact table between: the heading is the page's, not the block's
            if _is_heading_line(text, lines, k):
                t = lines[k]
                cand = _org_candidate(text, t.start, t.end)
                if cand and (_org_like(text[cand[0]:cand[1]]) or not any(x.text for x in lines[:k])):
                    return cand
                return None
            k -= 1
    # an organisation line right under the numbers (`· National Ministry of Water Resources`)
    if not parts:
        kw_rx = _org_data()[2]
        k = _line_index(doc, b.end) + 1
        seen = 0
        while k < len(lines) and seen < 2:
            t = lines[k].text.strip(_BULLET)
            if t:
                seen += 1
                if kw_rx.search(t):
                    cand = _org_candidate(text, lines[k].start, lines[k].end)
                    if cand:
                        return cand
            k += 1
    return None


_WORDS_NUMBER = re.compile(r"[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3}[ \t]+(?:No\.?[ \t]*)?\d{1,5}[a-zA-Z]?")
_ROW = re.compile(r"^[^|:\n]{1,60}(?:[ \t]\|[ \t]?|\|[ \t])\S")


def _is_row(line: str) -> bool:
    """A `Label | value` table row."""
    return bool(_ROW.match(line))


@lru_cache(maxsize=None)
def _building_rx() -> re.Pattern:
    d = addr.data()["organization"]
    last = addr._trie(d["building_last"], strip_dot=False)
    first = addr._trie(d["building_first"], strip_dot=False)
    return re.compile(rf"(?:^(?:{first})\s.*|.*\s(?:{last}))\Z")


@lru_cache(maxsize=None)
def _office_rx() -> re.Pattern:
    """An office label line (data: organization.office_nouns): the noun, then a
    preposition and a place (`Representative Office in Uzbekistan`, `Bureau
    d'Abidjan`), or one or two place words before it (`Doha Office`)."""
    nouns = _words_i(addr.data()["organization"].get("office_nouns", []))
    place = r"[A-ZÀ-Þ][^\W\d_][\w'’\-]*"
    preps = r"(?:in|at|of|for|de|du|en|di|da|à|a|del|della|för|i|w|во?|в)"
    return re.compile(rf"(?:(?:{nouns})[ \t]+(?:{preps}[ \t]+|d['’][ \t]*)(?:la[ \t]+|l['’])?{place}(?:[ \t]+{place})?"
                      rf"|{place}(?:[ \t]+{place})?[ \t]+(?:{nouns}))[ \t]*:?\Z")


def _office_line(t: str) -> bool:
    """A short line that labels an office by its place, not an organisation's name."""
    return len(t) <= 60 and bool(_office_rx().match(t.strip()))


def _words_i(words) -> str:
    """Literal words, case-insensitively, as a trie (addr._trie)."""
    return addr._trie(list(words), ignore_case=True, strip_dot=False)


def _is_building(name: str) -> bool:
    """A building's name (`Ludwig Krapf House`, `Palais Wilson`): building words from data."""
    return bool(_building_rx().match(name.strip()))


def _heading_above(doc: Doc, k: int, prev_end: int) -> tuple[int, int] | None:
    """The nearest line above line k (across at most two blank lines) when it
    names an organisation and is not itself a building or a label."""
    lines = doc.lines
    j = k - 1
    blanks = 0
    while j >= 0 and lines[j].end > prev_end:
        t = lines[j].text.strip(_BULLET)
        if not t:
            blanks += 1
            if blanks > 2:
                return None
            j -= 1
            continue
        if _only_label(t):
            j -= 1       # `Address`, `Postal address:` between heading and building
            continue
        if ":" in t or " | " in t:
            return None
        cand = _org_candidate(doc.text, lines[j].start, lines[j].end)
        if cand and _org_like(doc.text[cand[0]:cand[1]]) and not _is_building(doc.text[cand[0]:cand[1]]):
            return cand
        return None
    return None


def _org_like(name: str) -> bool:
    """An organisation word or an acronym (`UNHCR Kenya`, `Climate Alliance`)."""
    return bool(_org_data()[2].search(name) or _ACRONYM.search(name))


def _prefix_name_ok(name: str) -> bool:
    """A name written before the address on its line: several words, or one
    with an acronym, a slash or an organisation word."""
    if len(name.split()) >= 2:
        return True
    return bool(_ACRONYM_OR_SLASH.search(name) or _org_data()[2].search(name))


def _label_prefix(s: str) -> bool:
    """A line that starts with a number's own label and nothing else before the number (`tel. `)."""
    t = s.strip(_BULLET + " ")
    m = _label_body().match(t) if t else None
    return m is not None and not t[m.end():].strip(" .:-")


def _only_label(s: str) -> bool:
    t = s.strip(_BULLET + " ")
    if not t:
        return True
    if _BARE_LABEL.fullmatch(t):
        return True
    return t.casefold().rstrip(":") in _org_data()[1]


def _line_start(ln) -> int:
    return ln.start


def _line_index(doc: Doc, pos: int) -> int:
    """The last line starting at or before pos (0 when none does). (bisect
    reads the starts of the few lines it looks at: no list of every start)"""
    return max(bisect.bisect_right(doc.lines, pos, key=_line_start) - 1, 0)


# ---------------------------------------------------------------- assembly

def _country_lines(doc: Doc, b: Block) -> None:
    """A line that is only a country name, inside or right under the address."""
    text = doc.text
    parts = [i for i in b.items if i.kind in ADDRESS_KINDS]
    if not parts or any(i.kind == "country" for i in b.items):
        return
    i0 = _line_index(doc, parts[0].start)
    i1 = _line_index(doc, parts[-1].end)
    k = i0
    while k < len(doc.lines) and k <= i1 + 3:
        ln = doc.lines[k]
        t = ln.text.strip(_BULLET + ".,")
        if k > i1 and not t:
            return   # the address ended at a blank line
        if t and addr._rx()["country"].fullmatch(t):
            s = ln.start + ln.text.find(t)
            if not any(i.start < s + len(t) and s < i.end for i in b.items):
                b.add(Item("country", s, s + len(t), t, country=addr.country_iso2(t),
                           rule="country_line"))
                return
        k += 1


def _street_city(text: str, b: Block) -> None:
    """`27 Kestrel Road, Marlborough`: a place after the street on its line
    is the city when the address has no other."""
    if b.has("city"):
        return
    st = next((i for i in b.items if i.kind == "street"), None)
    if st is None:
        return
    ls, le = _line_bounds(text, st.end)
    le = min(le, st.end + 120)
    m = _CITY_AFTER_STREET.match(text[st.end:le])
    if m is None:
        # `12 X Street, Hoan Kiem District, Hanoi`: district segments between
        segs = text[st.end:le].split(",")
        if len(segs) >= 3 and not segs[0].strip() and all(_DISTRICT.search(x) for x in segs[1:-1]):
            m = _CITY_AFTER_STREET.search(text, st.end + len(",".join(segs[:-1])), le)
            m = m if m is not None and m.end() >= le - 1 else None
            if m and _place_ok(m.group(1)):
                b.add(Item("city", m.start(1), m.end(1), m.group(1), rule="city_after_district"))
            if m:
                return
    else:
        if _place_ok(m.group(1)):
            s = st.end + m.start(1)
            b.add(Item("city", s, s + len(m.group(1)), m.group(1), rule="city_after_street"))
        return
    if text[st.end:le].strip(" \t,."):
        return
    # place lines under the street (`Grand Saconnex` / `Geneva`, `London` / `SW1X 7EJ`):
    # the last one before the numbers is the city; a UK postcode line is its code
    pos = le + 1
    city = code = None
    for _ in range(4):
        if pos >= len(text):
            break
        a, e = _line_bounds(text, pos)
        line = text[a:e].strip()
        if not line:
            pos = e + 1
            continue
        if any(i.start < e and a < i.end for i in b.items if i.kind not in ("country",)):
            break
        off = text.find(line, a)
        if _UK_CODE.fullmatch(line):
            code = (off, off + len(line))
        elif _PLACE_LINE.fullmatch(line) and _place_ok(line) and _NONSPACE.search(text, e):
            # (the page's last line may be cut mid-word: `Washi`)
            city = (off, off + len(line))
        else:
            break
        pos = e + 1
    if city:
        b.add(Item("city", *city, text[city[0]:city[1]], rule="city_line",
                   country="GB" if code else None))
    if code and city:
        b.add(Item("postal_code", *code, text[code[0]:code[1]], rule="uk_postcode_line", country="GB"))


_NONSPACE = re.compile(r"\S")
_UK_CODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}")
_PLACE_LINE = re.compile(r"[A-ZÀ-Þ][^\W\d_'’\-]+(?:[ \t-][A-ZÀ-Þ][^\W\d_'’\-]+){0,2}")


def _place_ok(city: str) -> bool:
    return not (_org_data()[4].search(city) or city in addr._rx()["_states"]
                or addr._rx()["country"].fullmatch(city) or _DISTRICT.search(city)
                or _org_data()[2].search(city) or city.casefold() in _org_data()[1])


_RESET = re.compile(r"(?:^|[.;]\s+|\n)(?P<p>[A-Z][^:.;\n|]{3,60}):[ \t]*(?=[(+\[\d])")


_PLACE_LOOKUPS = 20   # area-code gazetteer searches per page (each ~25 ms), so long directories stay fast


def _regions(text: str, b: Block, page_cc: str | None, budget: list[int] | None = None) -> dict[int, str | None]:
    """Country for each number of the block: its address's country (the
    nearest address part before it that gives one, or the first one after it
    in the same address), else the page's country. An unlabelled office
    phrase (`Liaison Office at UN Headquarters: (212) ...`) after the address
    starts numbers that the address does not cover."""
    items = b.items
    block_cc = next((i.country for i in items if i.kind == "country" and i.country), None) or \
        next((i.country for i in items if i.kind in ADDRESS_KINDS and i.country), None)
    place_cc = None
    budget = [_PLACE_LOOKUPS] if budget is None else budget
    if block_cc is None and page_cc:
        # a city of another country than the page's, shown by the area code of a number beside it
        city = next((i for i in items if i.kind == "city"), None)
        if city is not None:
            for it in items:
                if it.kind in ("phone", "fax") and budget[0] > 0:
                    budget[0] -= 1
                    place_cc = region_of_place(it.number_text, text[city.start:city.end], page_cc)
                    if place_cc:
                        break
    lab_at_start = _label_body().match   # (each phrase a string of its own: nothing before it)
    resets = [m.start("p") for m in _RESET.finditer(text, b.start, b.end)
              if not lab_at_start(m.group("p"))]
    # the country each address (from one street or PO box to the next) shows
    addr_cc: dict[int, str | None] = {}
    cc = None
    for j in range(len(items) - 1, -1, -1):
        p = items[j]
        if p.kind in ADDRESS_KINDS and p.country:
            cc = p.country
        if p.kind in ("street", "pobox"):
            addr_cc[j] = cc
            cc = None
    out = {}
    last_part: Item | None = None
    cur_cc: str | None = None
    for n, it in enumerate(items):
        if it.kind in ADDRESS_KINDS:
            last_part = it
            if it.kind in ("street", "pobox"):
                cur_cc = addr_cc.get(n)
            elif it.country:
                cur_cc = it.country
            continue
        if it.kind not in ("phone", "fax"):
            continue
        if last_part is None:
            out[n] = block_cc or place_cc or page_cc
            continue
        k = bisect.bisect_left(resets, last_part.end)
        if k < len(resets) and resets[k] < it.start:
            out[n] = page_cc
            continue
        out[n] = cur_cc or place_cc or page_cc
    return out


# spaces that pages write between the parts of an address or a number; each is
# replaced by a plain space of the same length, so offsets do not move
_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u2002\u2003\u2005\u2006\u200a\u3000"
_SPACES = str.maketrans({c: " " for c in _ODD_SPACES})
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")   # (translate is slow; most pages have none)


def extract_contacts(doc: Doc):
    original = doc.text
    if not original.strip():
        return [], []
    # (the odd spaces are not ASCII: an ASCII text, every bench page, has none)
    text = original.translate(_SPACES) if not original.isascii() and _ODD_SPACE.search(original) else original
    if text != original:
        doc = Doc.from_text(text, country_iso2=doc.country_iso2, country_iso3=doc.country_iso3,
                            content_type=doc.content_type, options=doc.options)
    items, loose = _collect(doc)
    blocks = _blocks(text, items)
    _attach_loose(text, blocks, loose)
    records: list[Contact] = []
    findings: list[Finding] = []
    prev_end = 0
    page_numbers: set[str] = set()
    place_budget = [_PLACE_LOOKUPS]
    for g, b in enumerate(blocks, start=1):
        _country_lines(doc, b)
        _street_city(text, b)
        seen: set[tuple[str, str]] = set()
        recs: list[Contact] = []

        def emit(kind: str, s: int, e: int, value: str, valid: bool = True, rule: str = "") -> bool:
            key = (kind, value.casefold())
            if key in seen or not value.strip():
                return False
            seen.add(key)
            recs.append(Contact(g, kind, value, original[s:e], Span(s, e), valid, rule or f"contact.{kind}"))
            return True

        org = _organization(doc, b, prev_end)
        if org:
            emit("organization", org[0], org[1], text[org[0]:org[1]], rule="contact.organization")
        streets = [i for i in b.items if i.kind == "street"]
        boxes = [i for i in b.items if i.kind == "pobox"]
        for st in streets:
            emit("street", st.start, st.end, st.value, rule=st.rule)
        for n, bx in enumerate(boxes):
            # a PO box is the street of an address without one: the only
            # address of the block, or a separately labelled postal address
            if (not streets and n == 0) or _postal_label_before(text, bx.start):
                emit("street", bx.start, bx.end, bx.value, rule="pobox")
        for it in b.items:
            if it.kind in ("postal_code", "city", "country"):
                emit(it.kind, it.start, it.end, it.value.strip(), rule=it.rule)
        regions = _regions(text, b, doc.country_iso2, place_budget)
        for n, it in enumerate(b.items):
            if it.kind in ("phone", "fax"):
                pv = normalise_phone(it.number_text, regions.get(n))
                if emit(it.kind, it.start, it.end, pv.value, pv.valid, it.rule) and not pv.valid:
                    findings.append(Finding.warning(
                        "invalid_phone", f"{it.kind} {it.number_text!r} is not a valid number "
                        f"({pv.value})", Span(it.start, it.end), rule=it.rule))
            elif it.kind == "email":
                if emit("email", it.start, it.end, it.value, it.valid, it.rule) and not it.valid:
                    findings.append(Finding.warning(
                        "invalid_email", f"malformed e-mail {text[it.start:it.end]!r}",
                        Span(it.start, it.end), rule=it.rule))
            elif it.kind == "website":
                emit("website", it.start, it.end, it.value or normalise_website(text[it.start:it.end]),
                     rule=it.rule)
        order = {k: n for n, k in enumerate(KINDS_ORDER)}
        recs.sort(key=lambda r: (order.get(r.kind, 99), r.span.start))
        nums = {r.value for r in recs if r.kind in ("phone", "fax")}
        if nums and nums <= page_numbers and all(r.kind in ("phone", "fax", "organization") for r in recs):
            prev_end = b.end
            continue   # a lone repeat of numbers given above (`Call us: …` bar, a mobile duplicate)
        page_numbers |= nums
        records.extend(recs)
        prev_end = b.end
    return records, findings
