"""Address parts: streets, PO boxes, postal codes with their city, countries.

Every pattern is built once from data/contacts.toml (street words, PO box
words, postal-code shapes and orders, country names, US/Canadian states).
Offsets are absolute positions in the string passed in.

>>> [(p.kind, p.value) for p in find_parts("3, Gorny Pereulok, Minsk 220005")]
[('street', '3, Gorny Pereulok'), ('city', 'Minsk'), ('postal_code', '220005')]
>>> [(p.kind, p.value) for p in find_parts("CH-3003 Bern 7, Switzerland")]
[('postal_code', 'CH-3003'), ('city', 'Bern'), ('country', 'Switzerland')]
>>> [(p.kind, p.value) for p in find_parts("Suite 4200 Washington, DC 20037") if p.kind != "state"]
[('city', 'Washington'), ('postal_code', '20037')]
>>> [(p.kind, p.value) for p in find_parts("Andes 1365, piso 1\\n11100 Montevideo")]
[('street', 'Andes 1365'), ('postal_code', '11100'), ('city', 'Montevideo')]
>>> [(p.kind, p.value) for p in find_parts("720040, г. Бишкек, ул. Киевская, 96")]
[('postal_code', '720040'), ('city', 'Бишкек'), ('street', 'ул. Киевская, 96')]
"""
from __future__ import annotations

import bisect
import gettext
import re
from itertools import product
try:
    import re._constants as K
    import re._parser as P
except ImportError:   # Python 3.10
    import sre_constants as K
    import sre_parse as P
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry


@dataclass(frozen=True, slots=True)
class Part:
    kind: str                 # street | pobox | postal_code | city | country | state
    start: int
    end: int
    value: str
    country: str | None = None    # ISO alpha-2 this part puts the address in
    rule: str = ""


@lru_cache(maxsize=None)
def data() -> dict:
    with resources.files("profile_extract.data").joinpath("contacts.toml").open("rb") as fh:
        return tomllib.load(fh)


def _alt(words, flags: str = "") -> str:
    """Alternation of literal words, longest first; a final dot optional."""
    ws = sorted({w.rstrip(".") for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ws)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_UP = "A-ZÀ-ÖØ-ÞĀ-Ž\u0180-\u024fА-ЯЁ\u0400-\u040f\u0386-\u03ab"
_LO = "a-zß-öø-ÿ\u0100-\u024fа-яё\u0450-\u045f\u03ac-\u03ce"
# (the letter runs are possessive: what may follow a token never starts with
# a letter or an apostrophe, so giving letters back could never make a match)
TOKEN = rf"[{_UP}][{_LO}{_UP}'’]*+(?:-[{_UP}{_LO}][{_LO}'’]*+)*"           # Gorny, Hermann-Ehlers
LTOKEN = rf"(?:(?:[{_UP}]['’](?=[{_UP}]))?[{_UP}][{_LO}'’]++(?:-[{_UP}{_LO}][{_LO}'’]*+)*|[IVXL]{{2,6}}(?![\w]))"  # two letters or more, no glued capital; roman numerals
NUM = r"(?:(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)|\d{1,5}(?:st|nd|rd|th|[A-Za-z])?(?:\s?[-–/]\s?\d{1,5}[A-Za-z]?)?(?:\s(?:bis|ter)\b)?)"
HOUSE_AFTER = r"\d{1,5}(?:[a-zA-Z](?![\w])|[ \t][a-z](?![\w]))?(?:[-–/]\d{1,5}[a-zA-Z]?|-[A-Z](?![\w]))?"
HOUSE_WORD = r"(?:(?:д|дом|No|Nr|nº|n°|[nN]\.[º°]|núm|num)\.?[ \t]*)?"
# a house-number word with its number (`No. 12`): no word of a street's name
HOUSE_HEAD = r"(?:No|Nr|Núm)\.?[ \t]*\d"
CITY_STOP = {"The", "In", "On", "At", "A", "An", "For", "And", "To", "Of", "By", "With", "From",
             "This", "That", "It", "Its", "He", "She", "We", "They", "His", "Her", "Our", "Their",
             "Tel", "Fax", "Phone", "Email", "E-mail", "Web", "Website", "Telefon", "Telephone",
             "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
             "January", "February", "March", "April", "June", "July", "August", "September",
             "October", "November", "December", "Mio", "Mrd", "Million", "Billion", "Km", "Kms",
             "Hotline", "Mobile", "Box", "Suite", "Floor", "Room", "Street", "Road", "Avenue"}
_CODE_LINE = re.compile(r"^[ \t]*(\d{4,6}|[A-Z]\d[A-Z] ?\d[A-Z]\d)[ \t]*$", re.M)
_PREP_BEFORE = re.compile(r"(?i)\b(?:in|since|by|of|from|until|till|to|after|before|around|about|between|and|or|than|over|under|nearly|some|approximately|ca|c|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|year|years|spring|summer|autumn|fall|winter)\.?[ \t]+\Z")
_CITY_THEN_COUNTRY = re.compile(
    # (a postal district number after the city is dropped: `Kingston 10, Jamaica`, `Abidjan 01`)
    rf"[ \t]*[,•·|–\-]?[ \t]*(?P<city>[{_UP}][{_LO}'’\-]+(?:[ \t][{_UP}][{_LO}'’\-]+)?)(?:[ \t]+\d{{1,2}}(?!\d))?[ \t]*[,\n]?[ \t]*"
    rf"(?P<country>[{_UP}][^\W\d_]+(?:[ \t][{_UP}][^\W\d_]+){{0,3}})")
# another numbered part after a comma on the same line (`…, 28 Bogue Road`)
_STREET_NEXT = re.compile(r"[ \t]*,[ \t]*\d")
_COPYRIGHT = re.compile(r"(?i)(?:©|\(c\)|copyright)[ \t]*(?:\d{4}[ \t]*[-–][ \t]*)?\Z")
def _column_gap_before(text: str, pos: int, found) -> bool:
    """Other words, then a run of spaces (a column gap of a PDF or fixed-width
    layout, no label's colon) right before pos on its line, and no street or PO
    box on the line."""
    ls = text.rfind("\n", 0, pos) + 1
    before = text[ls:pos]
    if not before.endswith("   ") or not before.strip() or before.rstrip().endswith((":", "|")):
        return False
    return not any(q.kind in ("street", "pobox") for q in found.between(ls, pos))


_PROVINCE_NOTE = re.compile(r"[ \t]*\([A-Z]{2,3}\)")   # `70126 Bari (BA), Italia`
_PO_NUMBER = re.compile(r"[ \t]+(?:\d{1,2}|[A-Z]{2})(?![\w])")
_COMMA = re.compile(r",[ \t]+")
# `Abuja, Nigeria`, `Tahachal, Kathmandu, Nepal` (a locality before the city is dropped)
# (`Ciudad de México, México`, `Bogotá D.C., Colombia`: a particle inside the city,
# initials after it; `Maputo – Moçambique`: a dash for the comma, see find_parts)
CITY_JOIN = r"(?:am|an|der|de|la|le|les|sur|im|bei|upon|on|en|del|di|du|sous|ob)"
_CITY_COUNTRY_LINE = re.compile(
    rf"^[ \t]*(?:[{_UP}][{_LO}'’\-]+(?:[ \t][{_UP}][{_LO}'’\-]+)?,[ \t]*)?"
    rf"(?P<city>[{_UP}][{_LO}'’\-]++(?:[ \t](?:{CITY_JOIN}[ \t])?[{_UP}][{_LO}'’\-]++){{0,2}}+(?:[ \t](?:[A-Z]\.){{2,3}})?+)"
    rf"(?:,|(?P<dash>[ \t]+[-–—]))[ \t]*(?P<country>[{_UP}][^\n,]{{1,40}}?)[ \t.]*$", re.M)
_CITY_JOIN_WORD = re.compile(CITY_JOIN)
_COUNTRY_FIRST = re.compile(r"^\s*(?:[^:\n]{0,40}:\s*)?(?P<c>[^,\n]+?),\s*$")
_LAST_NUMBER = re.compile(r"\d[\w\-–/]*$")


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    """Country name as written -> ISO alpha-2 (pycountry's names plus data)."""
    names: dict[str, str] = {}
    # the names in the languages addresses are written in (pycountry's own catalogues)
    langs = data().get("country_name_languages", [])
    trans = []
    for lang in langs:
        try:
            trans.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                names[v] = c.alpha_2
                for t in trans:
                    local = t.gettext(v)
                    if local and "," not in local and "(" not in local and len(local) > 3:
                        names.setdefault(local, c.alpha_2)
    for code, aliases in data()["countries"].items():
        for a in aliases:
            names[a] = code
    return names


def country_iso2(name: str) -> str | None:
    """ISO alpha-2 of a country name as addresses write it.

    >>> country_iso2("Republic of Belarus"), country_iso2("Indien"), country_iso2("US")
    ('BY', 'IN', 'US')
    """
    name = name.strip().rstrip(".") if name.strip() not in ("U.S.", "U.K.", "U.S.A.") else name.strip()
    return _countries().get(name) or _countries().get(name.title())


@lru_cache(maxsize=None)
def _bmp() -> str:
    return "".join(map(chr, range(0x10000)))


@lru_cache(maxsize=None)
def _lower_groups() -> dict[int, list[int]] | None:
    """BMP characters by the lower case re's IGNORECASE compares (only those
    that are not their own), or None when re's internals are not the ones
    read here."""
    try:
        import _sre
        from re._casefix import _EXTRA_CASES  # noqa: F401 (asked for in _folds)
        lower = _sre.unicode_tolower
    except (ImportError, AttributeError):
        return None
    groups: dict[int, list[int]] = {}
    for i in range(0x10000):
        lo = lower(i)
        if lo != i:
            groups.setdefault(lo, []).append(i)
    return groups


@lru_cache(maxsize=None)
def _folds(c: str) -> str:
    """Every BMP character that matches `c` under re.IGNORECASE, so its
    special folds (`ı` ~ `I` ~ `i`, `ſ` ~ `s`) come along. Worked out as re
    compiles `c` (a cased character matches each character whose lower case
    is c's, or one of the extra cases re lists for it) instead of asking re
    to scan the whole BMP for each character (~0.3 ms each at start-up)."""
    groups = _lower_groups()
    if groups is None:
        return "".join(sorted(set(re.findall(re.escape(c), _bmp(), re.I)) | {c}))
    import _sre
    from re._casefix import _EXTRA_CASES
    o = ord(c)
    if not _sre.unicode_iscased(o):
        return c
    lo = _sre.unicode_tolower(o)
    got = {o}
    for k in (lo,) + _EXTRA_CASES.get(lo, ()):
        got.update(groups.get(k, ()))
        if k < 0x10000 and _sre.unicode_tolower(k) == k:
            got.add(k)
    return "".join(map(chr, sorted(got)))


def _words(words, ignore_case: bool = False) -> str:
    """_alt(words, "i" if ignore_case else "") as a trie (a group): the words
    that match at one position are prefixes of one another, and both try the
    longest first, so both find the same matches."""
    return f"(?:{_trie(words, ignore_case)})"


TRIE_SHORTCUT = True   # False: a node for every character (tests compare both)


def _trie(words, ignore_case: bool = False, strip_dot: bool = True, char=None) -> str:
    """A regex matching exactly the literal words (a trailing dot dropped, as
    in _alt), as a trie of character classes: sre skips a non-matching branch
    on its first character, so the trie is cheap to try at every position.
    `char` (a function of a character) gives each character's regex instead."""
    ws = {w.rstrip(".") if strip_dot else w for w in words if w.strip()}
    if ignore_case:
        ws = {w.lower() for w in ws}

    def ch(c: str) -> str:
        if char is not None:
            return char(c)
        v = _folds(c) if ignore_case else c
        if len(v) == 1:
            return re.escape(c)
        return "[" + "".join(re.escape(x) for x in v) + "]"

    def build(group: set[str]) -> str:
        if len(group) == 1 and TRIE_SHORTCUT:
            # (one word left: its characters in a row, as the nodes below would give)
            return "".join(map(ch, next(iter(group))))
        end = "" in group
        heads: dict[str, set[str]] = {}
        for w in group:
            if w:
                heads.setdefault(w[0], set()).add(w[1:])
        alts = [ch(c) + build(rest) for c, rest in sorted(heads.items())]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body
    return build(ws)


def _ascii_lower_words(words, strip_dot: bool = True) -> set[str]:
    """The ASCII texts in small letters that _trie(words, ignore_case=True)
    matches once written in small letters: each character as the small ASCII
    letters among its folds (`ı` -> `i`, `K` -> `k`); a word with a character
    no ASCII one matches is left out (it never matches ASCII text)."""
    out: set[str] = set()
    for w in {w.rstrip(".") if strip_dot else w for w in words if w.strip()}:
        options = [sorted({x.lower() for x in _folds(c) if x.isascii()}) for c in w.lower()]
        if all(options):
            out.update("".join(p) for p in product(*options))
    return out


def _low_class(k: str) -> str:
    """The small letters of every character that matches `k` (a character in
    small letters) under re.IGNORECASE, or is k, as a class (one-character
    small letters only: a text whose small-letter copy keeps its length has no
    character that lowers to more)."""
    cs = {y for x in {k} | set(_folds(k)) if len(y := x.lower()) == 1}
    return "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"


def _low_trie(words, strip_dot: bool = True) -> str:
    """_trie(words, ignore_case=True) for a text's small-letter copy (same
    length): each character a _low_class class, so where the ignore-case (or
    exact) spelling stands in the text, this matches in the copy."""
    return _trie(words, ignore_case=True, strip_dot=strip_dot, char=_low_class)


def _first_class(pattern: str, flags: int = 0):
    """A character class (regex text) holding every character a match of
    `pattern` can start with, or None when that is not worked out (an empty
    match possible, case folding, a construct not handled)."""
    tree = P.parse(pattern, flags)
    if tree.state.flags & re.IGNORECASE:
        return None
    items = []     # (kind, value) in class syntax

    def seq(data, i=0):
        # first chars of data[i:]; returns True if data[i:] can match empty
        while i < len(data):
            op, av = data[i]
            if op in (K.ASSERT, K.ASSERT_NOT, K.AT):
                i += 1
                continue
            nullable = one(op, av)
            if nullable is None:
                raise ValueError
            if not nullable:
                return False
            i += 1
        return True

    def one(op, av):
        # adds the first chars of this item; returns whether it can match empty
        if op is K.LITERAL:
            items.append(re.escape(chr(av)))
            return False
        if op is K.IN:
            for o, a in av:
                if o is K.LITERAL:
                    items.append(re.escape(chr(a)))
                elif o is K.RANGE:
                    items.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
                elif o is K.CATEGORY and a in (K.CATEGORY_UNI_DIGIT, K.CATEGORY_DIGIT):
                    items.append(r"\d")
                elif o is K.CATEGORY and a in (K.CATEGORY_UNI_WORD, K.CATEGORY_WORD):
                    items.append(r"\w")
                else:
                    raise ValueError     # NEGATE and the like
            return False
        if op is K.BRANCH:
            return any([seq(list(b)) for b in av[1]])
        if op is K.SUBPATTERN:
            group, add, dele, sub = av
            if add & re.IGNORECASE:
                raise ValueError
            return seq(list(sub))
        if op in (K.MAX_REPEAT, K.MIN_REPEAT, getattr(K, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            e = seq(list(sub))
            return e or lo == 0
        if op is getattr(K, "ATOMIC_GROUP", None):
            return seq(list(av))
        raise ValueError

    try:
        if seq(list(tree)):
            return None
    except ValueError:
        return None
    return "[" + "".join(sorted(set(items))) + "]"


def _heads(words, ignore_case: bool = False, strip_dot: bool = True) -> str:
    """A character class of the characters _trie(words, ...) can start with."""
    ws = {w.rstrip(".") if strip_dot else w for w in words if w.strip()}
    if ignore_case:
        ws = {w.lower() for w in ws}
    assert "" not in ws   # (the trie would match the empty string)
    cs = {x for w in ws for x in (_folds(w[0]) if ignore_case else w[0])}
    return "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"


def _starts(heads: str, body: str) -> re.Pattern:
    """Where `body` matches, found by a pattern that starts with the class
    `heads` of body's first characters (so sre skips ahead to them; a pattern
    that starts with a look-behind or a class of spaces tries every position).
    The match is that first character only; body is checked by a look-ahead."""
    return re.compile(rf"{heads}(?<=(?={body}).)")


@lru_cache(maxsize=None)
def _rx() -> dict[str, re.Pattern]:
    d = data()
    st = d["streets"]
    # word lists as tries (_words): the same matches as _alt's alternations, cheaper to try
    after = _words(st["after"], True)
    before = _words(st["before"])
    parts = _words(st["particles"])
    dirs = _words(st["directionals"])
    suffix = _words(st["suffixes"], True)
    name_tok = rf"(?:{TOKEN}\.?|\d{{1,4}}(?:st|nd|rd|th|d)|{parts}|[A-Z]\.?)"   # `Gen. Mikhail`, `F St.`
    rx = {}
    # 25 East 39th Street / 3, Gorny Pereulok / 431 18th Street, NW / 1319 F St., NW
    dir_words = _words(st.get("directional_words", []))
    rx["num_first"] = re.compile(
        rf"(?<![\d.,/])(?P<num>(?:(?:(?:House|Plot)(?:[ \t]+No\.?)?|No\.?|Nr\.?)[ \t]*)?{NUM}),?[ \t]+(?P<name>(?:{name_tok}[ \t]+){{1,4}}?)"
        rf"(?P<w>{after})(?![\w])\.?(?P<dir>,?[ \t]+{dirs}(?![\w])|[ \t]+{dir_words}(?=[ \t]*(?:[,;]|$)))?", re.M)
    # House 21, Road 7 / Plot 5, Road No. 3 (a numbered road after a house number)
    rx["house_road"] = re.compile(
        r"(?<![\w])(?:House|Plot|Holding)(?:[ \t]+No\.?)?[ \t]*\d{1,5}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?|/[A-Z](?![\w]))?,[ \t]*"
        r"(?:Road|Rd|Lane|Street|St)\.?[ \t]*(?:No\.?[ \t]*)?\d{1,4}[A-Za-z]?(?![\w])")
    # 37-39 rue de Vermont / 7 bis Avenue de la Paix
    rx["num_before"] = re.compile(
        rf"(?<![\d.,/])(?P<num>{NUM}),?[ \t]+(?P<w>{_words(st['before'], True)})\.?"
        rf"(?P<name>(?:[ \t]+(?:{LTOKEN}|{parts}|\d{{1,4}}(?:st|nd|rd|th)?))+)")
    # Avenue Georges Henri 451 / Via Cristoforo Colombo 426 / Viale delle Terme di Caracalla
    # (a date that names a street: `Av. 18 de Julio`, `Calle 25 de Mayo`)
    lower = st.get("before_lower", [])
    lower_alt = _words([w.rstrip(".") for w in lower]) if lower else r"(?!)"
    rx["word_first"] = re.compile(
        rf"(?<![\w])(?:(?P<w>{before})\.?|{lower_alt}\.)(?P<name>(?:[ \t]+(?!{HOUSE_HEAD})(?:{LTOKEN}|{parts}|\d{{1,2}}(?:st|nd|rd|th|e|er|re)"
        rf"|\d{{1,2}}(?=[ \t]+de[ \t])))+)"
        rf"(?:,?[ \t]+{HOUSE_WORD}(?P<num>{HOUSE_AFTER}))?(?=$|[\s,;.)]|[{_UP}])")
    # Galvanistraße 28 / Hermann-Ehlers-Str. 10 / Prinz Eugen Straße 12 / Barrackpur Trunk Road, 20-B
    adj = _words(st.get("adjective_endings", []))
    rx["name_num"] = re.compile(
        rf"(?<![\w\-/])(?P<name>(?:[{_UP}][{_LO}]+?{adj}[ \t]+)?[{_UP}][\w'’\-]*?{suffix}|(?:{TOKEN}[ \t]+){{0,1}}{TOKEN}[ \t]{after})"
        # (crawler text: a prefixed postal code glued to the number, `cesta 12SI-1000 Ljubljana`)
        rf"\.?,?[ \t]*{HOUSE_WORD}(?P<num>{HOUSE_AFTER})(?:(?![\w])|(?=[A-Z]{{1,3}}-\d{{4,5}}[ \t]))(?![ \t]\d{{3}}(?!\d))")
    # John Smith Drive (no number: counted only at the end of its line or before a comma)
    rx["name_only"] = re.compile(
        rf"(?<![\w\-/])(?P<name>(?:{TOKEN}[ \t]+){{1,3}})(?P<w>{_words(st['after_without_number'])})\.?"
        rf"(?=[ \t]*(?:,|$))", re.M)
    # Japanese block numbers before the district: 1-2-3 Kasumigaseki; or (the same
    # gate, one scan) a Latin-American grid street: `Carrera 7 # 71-21` /
    # `6a. Avenida 12-34` (group `grid`)
    grid = _words(st.get("grid", []))
    rx["jp_block"] = re.compile(
        rf"(?<![\w\-])(?P<num>\d{{1,2}}-\d{{1,2}}(?:-\d{{1,3}})?)[ \t]+(?P<name>{LTOKEN})(?=[ \t]*(?:,|$))"
        rf"|(?P<grid>(?<![\w])(?:(?:{grid})\.?[ \t]+\d{{1,3}}(?:[ \t]?[A-Z](?![\w]))?(?:[ \t]?[Bb]is)?"
        rf"(?:[ \t]+(?:Sur|Este|Norte|Oeste))?[ \t]*(?:#|No\.?|N[°º]\.?|Nro\.?|Núm\.?)[ \t]*"
        rf"|\d{{1,2}}(?:a|ª|ra|da|ta|va|na|ma|o|º)?\.?[ \t]+(?:{grid})\.?(?:[ \t]+[A-Z](?![\w]))?[ \t]+)"
        rf"\d{{1,3}}-\d{{1,3}}(?![\w\-]))", re.M)
    pob = d["pobox"]["words"]
    pob = pob + [w.upper() for w in pob]
    rx["pobox"] = re.compile(
        # (`P.O. Box LG 1123`: Ghana's boxes carry their post office's letters)
        rf"(?<![A-Z0-9_]){_words(pob)}\.?[ \t]*(?:No\.?[ \t]*|[A-Z]{{1,3}}[ \t]?)?\d+(?:[ \t]\d{{2,3}}(?![\d]))*(?:[ \t]?[A-Z](?![\w]))?")
    # `St. Gallen`, `Frankfurt am Main`, `Saint-Denis`
    city = rf"(?:(?:St|Ste|Mt|Ft|S)\.[ \t]?)?{TOKEN}(?:[ \t-](?:{CITY_JOIN}[ \t-])?{TOKEN}){{0,3}}"
    prefixes = r"[A-Z]{1,3}"
    def codes(order: str) -> str:
        cs = [p["code"] for p in d["postal"] if p["order"] == order]
        return "|".join(f"(?:{c})" for c in sorted(cs, key=len, reverse=True))
    code_city = codes("code_city")
    rx["code_city"] = re.compile(
        rf"(?:(?<![A-Za-z])(?P<pfx>{prefixes})[ \t]?[-–][ \t]?|(?<![\w.,/\-–]))(?P<code>{code_city})"
        rf"[ \t]+(?P<city>{city})(?P<po>[ \t]+\d{{1,2}}(?![\w.,]\d))?")
    states: dict[str, set] = {}
    for cc, ss in d["states"].items():
        for x in ss:
            states.setdefault(x, set()).add(cc)
    rx["_states"] = states
    state_alt = "|".join(re.escape(s) for s in sorted(states, key=len, reverse=True))
    rx["city_state_code"] = re.compile(
        rf"(?P<city>{city})(?:,[ \t]*|[ \t]+|[ \t]*[-–/][ \t]*)(?P<state>{state_alt})(?![\w])\.?,?[ \t]+"
        rf"(?P<code>{codes('city_state_code')})(?![\w-])")
    rx["city_state_country"] = re.compile(
        rf"(?P<city>{city}),[ \t]*(?P<state>{state_alt})(?![\w]),[ \t]*(?P<country>USA|U\.S\.A\.|US|U\.S\.|United States|Canada)(?![\w])")
    rx["city_code"] = re.compile(
        rf"(?P<city>{TOKEN}(?:[ \t-](?:{CITY_JOIN}[ \t-])?{TOKEN})?)(?:,?[ \t]+|[ \t]*[-–][ \t]*)(?P<code>{codes('city_code')})(?![\w\-])")
    rx["pobox_code"] = re.compile(rf"[ \t]*[-–][ \t]*(?P<code>\d{{5}})(?![\d])(?:,?[ \t]+(?P<city>{TOKEN}))?")
    markers = _words(st.get("city_markers", [])) + r"\.?"
    saint = r"(?:St|Ste|Mt|Ft|S)\.[ \t]?"   # `St. Petersburg`
    rx["code_comma_city"] = re.compile(
        rf"(?:(?<![A-Za-z])(?P<pfx>{prefixes})[ \t]?[-–][ \t]?(?P<pcode>\d{{4,5}})|(?<![\w\-.,])(?P<code>\d{{5,6}}))(?:,[ \t]*(?:{markers}[ \t]*)?|,?[ \t]+{markers}[ \t]*)"
        # (`191036, St Petersburg, …`: a city of two or three words up to its comma)
        rf"(?P<city>(?:{saint})?{TOKEN}(?:[ \t]{TOKEN}){{1,2}}(?=[ \t]*(?:,|$))|(?:{saint})?{TOKEN})(?![\w])", re.M)
    # `г. Бишкек`: a city marker makes the name after it the city, whatever its place in the line
    rx["marked_city"] = re.compile(
        rf"(?<![\w.])(?:{markers})[ \t]*(?P<city>{TOKEN}(?:[ \t-]{TOKEN})?)(?=[ \t]*(?:[,;]|$))", re.M)
    # `Ülikooli 18, 50090 Tartu`, `Andes 1365, piso 1` / `11100 Montevideo`, `Efstaleiti 9` /
    # `103 Reykjavík`: words and a house number with no street word count as the street
    # when the postal code and city follow (same line after a comma, or the next line);
    # floors and suites after the number are dropped
    sub = _words(st["subaddress"], True)
    bare = rf"{TOKEN}(?:[ \t]+(?:{TOKEN}|{parts})){{0,3}}[ \t]+{HOUSE_WORD}{HOUSE_AFTER}"
    floors = rf"(?:,[ \t]*(?:\d{{1,3}}[.ºª°]{{0,2}}[ \t]*)?{sub}\.?(?:[ \t]+[\w.\-/ºª°]{{1,8}}){{0,2}})*"
    # the same street alone on its line, right above a line that starts with the code or city
    rx["bare_street_line"] = re.compile(
        rf"^[ \t]*(?:[^\W\d_][^:\n]{{0,30}}:[ \t]*)?(?P<street>{bare}){floors}[ \t,]*\n", re.M)
    rx["bare_street_place"] = re.compile(
        rf"^[ \t]*(?:[^\W\d_][^:\n]{{0,30}}:[ \t]*)?(?P<street>{bare})"
        rf"{floors}[ \t]*(?:,[ \t]*|[ \t]*\n[ \t]*)"
        # (`160 00 Praha 6`: a Czech/Slovak/Swedish code, a district number after the city)
        rf"(?:(?P<pfx>{prefixes})[ \t]?[-–][ \t]?)?(?P<code>\d{{3}}[ \t]\d{{2}}(?!\d)|\d{{3,6}}|\d{{2}}-\d{{3}}|\d{{4}}[ \t]?[A-Z]{{2}})"
        rf"[ \t]+(?P<city>{city})(?:[ \t]+\d{{1,2}})?(?=[ \t]*(?:[,|•·]|$))", re.M)
    # Gates: for each costly pattern, a cheap one that every match contains on
    # the match's last line (see _gated); (gate, how many lines above that line
    # a match may start). Matches never cross a line except through NUM's `\s`.
    csc_codes = codes("city_state_code")
    t_after = _trie(st["after"], True)
    t_states = _trie(states)
    # street words after a space (num_first, num_before, name_only, name_num),
    # followed by no letter, or by a house-number word
    words_set = set(st["after"]) | set(st["before"]) | set(st["after_without_number"])
    words = _trie(words_set, True)
    rx["_gate_rx"] = {
        "states_code": re.compile(rf"(?:{t_states})(?![\w])\.?,?[ \t]+(?:{csc_codes})(?![\w-])"),
        "states_country": re.compile(
            rf"(?:{t_states})(?![\w]),[ \t]*(?:USA|U\.S\.A\.|US|U\.S\.|United States|Canada)(?![\w])"),
        "street_words": re.compile(rf"[ \t](?:{words})(?:(?![^\W\d_])|(?=д|дом|No|Nr|nº|n°|núm|num))"),
        "street_first": re.compile(rf"(?<![\w])(?:{_trie(st['before'])})\.?[ \t]"),
        # (the small-letter words by their dot, which sre skips ahead to, then the
        # word behind it: a match of the group at every dot's word would cost a scan)
        "street_first_lower": re.compile(
            rf"\.(?<=(?:{'|'.join(re.escape(w.rstrip('.')) for w in lower)})\.)[ \t]" if lower else r"(?!)"),
        "suffix_num": re.compile(rf"[{_UP}][\w'’\-]*?(?:{_trie(st['suffixes'], True)})\.?,?[ \t]*{HOUSE_WORD}\d"),
        "digit_dash": re.compile(r"\d-\d"),
        "street_alone": re.compile(rf"[ \t](?:{_trie(st['after_without_number'])})\.?(?=[ \t]*(?:,|$))", re.M),
        # what a window must hold besides: a house number (NUM, HOUSE_AFTER)
        "number": re.compile(r"\d|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve"),
        "digit": re.compile(r"\d"),
        "num_cont": re.compile(r"[-–/\d]|bis|ter"),
        # (every code before a place ends with three digits and maybe capitals, or is
        # Sweden's `111 43`: a day before a month, `8 June`, `28 October`, opens no window)
        "code_place": re.compile(rf"\d\d(?:\d(?:[ \t]?[A-Z]{{1,3}})?|[ \t]\d\d)[ \t]+[{_UP}]"),
        "pobox": re.compile(rf"(?:{_trie(pob)})\.?[ \t]*(?:No\.?[ \t]*|[A-Z]{{1,3}}[ \t]?)?\d"),
        "place_code": re.compile(rf"[ \t\-–](?:{codes('city_code')})(?![\w\-])"),
        "code_comma": re.compile(rf"\d(?:,|[ \t]+{markers})"),
        "marker": re.compile(markers),
    }
    # gates whose matches lie on one line, each with a quick scan for a part
    # every match of the gate holds on the same line (the street word):
    # _gate_lines checks the gate itself only on the lines the quick scan finds
    # (only where it pays: street_words already starts on a space class, and
    # quick scans for the case-folded street words and suffixes measured slower)
    rx["_gate_quick"] = {
        "street_first": _starts(_heads(st["before"]), rf"(?:{_trie(st['before'])})\.?[ \t]"),
        # (starts with a comma, which sre finds fast; the states start on most capitals)
        "states_country": re.compile(r",[ \t]*(?:USA|U\.S\.A\.|US|U\.S\.|United States|Canada)(?![\w])"),
        # (a match ends with its house number's digit: lines without a digit,
        # most of a real page's, are not tried at every capital)
        "suffix_num": re.compile(r"\d"),
    }
    # quick scans run on an ASCII text written in small letters (same length,
    # same offsets): a trie of small ASCII letters is tried on one character
    # per branch, the case-folded classes of the gate on a class each
    rx["_gate_quick_lower"] = {
        # street_words on ASCII text: its words as the ASCII letters they match,
        # in small letters; what may follow (No, Nr) in small letters too
        "street_words": re.compile(
            rf"[ \t](?:{_trie(_ascii_lower_words(words_set), strip_dot=False)})(?:(?![a-z])|(?=no|nr|num))"),
    }
    # patterns that start with a look-behind (which keeps sre from skipping
    # ahead) scanned in two steps: _starts finds where a match begins (on the
    # class of its first characters), then the pattern without its look-behind
    # is matched there (_split_finditer); the same matches as finditer
    rx["_split"] = {}
    # (where it measured faster; city_code already starts on a class)
    for name in ("num_first", "num_before", "name_num", "code_city", "code_comma_city", "pobox",
                 "jp_block", "word_first"):
        pat = rx[name]
        heads = _first_class(pat.pattern, pat.flags)
        if heads is not None:
            rx["_split"][name] = (re.compile(rf"{heads}(?<=(?={pat.pattern}).)", pat.flags), pat)
    rx["_gates"] = {
        "city_state_code": (("states_code",), 0),
        "city_state_country": (("states_country",), 0),
        # NUM crosses a line break only as `12` / `-14`, `12-` / `14`, `7` / `bis`:
        # a match starts above its street word's line only when that line starts so
        "num_first": (("street_words",), (3, "num_cont"), "number"),
        "num_before": (("street_words",), (3, "num_cont"), "number"),
        "house_road": (("street_words",), 0),
        "word_first": (("street_first", "street_first_lower"), 0),
        "name_num": (("street_words", "suffix_num"), 0, "digit"),
        "name_only": (("street_alone",), 0),
        "jp_block": (("digit_dash",), 0),
        "code_city": (("code_place",), 0),
        "pobox": (("pobox",), 0),
        "city_code": (("place_code",), 0),
        "code_comma_city": (("code_comma",), 0),
        "marked_city": (("marker",), 0),
        # the street may stand on the line above its code and city
        "bare_street_place": (("code_place",), 1),
    }
    names = sorted(_countries(), key=len, reverse=True)
    rx["_country_trie"] = _trie(names, strip_dot=False)
    rx["country"] = re.compile(rf"(?<![\w\-])(?:{rx['_country_trie']})(?![\w\-])")
    return rx


@lru_cache(maxsize=None)
def _country_glued() -> re.Pattern:
    """A country name glued after a word in crawler text (`LjubljanaSloveniaPhone`)
    ... or a label (`MariborTel.`; the glued label words of the data). (Its
    matches are found by glued_span: compiling it costs ~40 ms, once a
    process meets glued text; tests compare the two.)"""
    glued = _rx()["_country_trie"] + "|" + "|".join(
        rf"{re.escape(w)}(?![a-z])" for w in data()["labels"].get("glued_labels", []))
    return re.compile(rf"(?<=[a-z])(?:{glued})(?=[A-Z]|[^\w\-]|$)")


@lru_cache(maxsize=None)
def _numbered_road_rx() -> tuple[re.Pattern, re.Pattern]:
    """`No.` and a road's number, and the street word (data: streets.numbered)
    that must end the text right before it (`Way No. 3109`); the caller checks
    that the word starts a word."""
    words = _trie(data()["streets"].get("numbered", []))
    return (re.compile(r"No\.?[ \t]*\d{1,5}[A-Za-z]?(?![\w])"),
            re.compile(rf"(?:{words})\.?[ \t]+\Z"))


@lru_cache(maxsize=None)
def _code_word_gate() -> re.Pattern:
    """A postal-code word (data: pobox.postal_code_labels) before digits."""
    words = data()["pobox"].get("postal_code_labels", [])
    # (no look-behind at its head: sre skips ahead to the words' first letters;
    # _code_word_rx checks the word start)
    return re.compile(rf"(?:{_trie(words)})\.?[ \t]*:?[ \t]*\d")


@lru_cache(maxsize=None)
def _code_word_rx() -> re.Pattern:
    """A postal-code word, the code (three to six digits), and the city after
    a comma or a space (`PC 133, Muscat`, `Postal Code: 11564 Riyadh`)."""
    words = data()["pobox"].get("postal_code_labels", [])
    city = rf"[{_UP}][\w'’\-]+(?:[ \t][{_UP}][\w'’\-]+){{0,2}}"
    return re.compile(rf"(?<![\w])(?:{_trie(words)})\.?[ \t]*:?[ \t]*(?P<code>\d{{3,6}})(?![\w\-])"
                      rf"(?:,?[ \t]+(?P<city>{city}))?")


@lru_cache(maxsize=None)
def _building_word_rx() -> re.Pattern:
    """A building or sub-address word (data: streets.subaddress,
    organization.building_last) ending the text before a house number."""
    d = data()
    words = set(d["streets"]["subaddress"]) | set(d["organization"]["building_last"])
    return re.compile(rf"(?<![\w])(?:{_trie(words, True)})\.?[ \t]+\Z")


def _building_before(text: str, s: int) -> bool:
    """Whether a building or sub-address word stands right before offset s on its line."""
    ls = max(text.rfind("\n", 0, s) + 1, s - 60)
    return _building_word_rx().search(text, ls, s) is not None


@lru_cache(maxsize=None)
def _postal_rows(order: str) -> list[tuple[dict, re.Pattern]]:
    return [(row, re.compile(row["code"])) for row in data()["postal"] if row["order"] == order]


@lru_cache(maxsize=None)
def _prefix_country(pfx: str) -> str | None:
    """The country of a postal-code prefix: `CH-1211`, `N-4836`, `MD-2004`."""
    cc = data()["postal_prefix"].get(pfx)
    if cc:
        return cc
    if len(pfx) == 2:
        c = pycountry.countries.get(alpha_2=pfx)
        return c.alpha_2 if c else None
    return None


_NONSPACE_RUN = re.compile(r"\S+")
_PROVINCE_END = re.compile(r"[ \t]+[A-Z]{2}$")


@lru_cache(maxsize=None)
def _glued_words() -> tuple[frozenset, dict[str, tuple[int, ...]], tuple[str, ...]]:
    """The country names (as _rx's trie holds them), their lengths by first
    character (longest first) and the glued label words (in data order)."""
    names = frozenset(w for w in _countries() if w.strip())
    lengths: dict[str, set[int]] = {}
    for w in names:
        lengths.setdefault(w[0], set()).add(len(w))
    return (names, {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()},
            tuple(data()["labels"].get("glued_labels", [])))


def _glued_ahead(text: str, p: int, end: int) -> bool:
    r"""`(?=[A-Z]|[^\w\-]|$)` at p, the text ending at end."""
    if p >= end:
        return True
    c = text[p]
    return "A" <= c <= "Z" or not (c.isalnum() or c == "_" or c == "-")


def _glued_end(text: str, q: int, end: int) -> int:
    """Where _country_glued()'s match at q ends (-1: none): after a small
    ASCII letter, the longest country name written there with a capital, a
    non-word character or the end after it, else the first glued label word
    (not followed by a small letter) with one of those after it."""
    if q <= 0 or q >= end or not ("a" <= text[q - 1] <= "z"):
        return -1
    names, lengths, labels = _glued_words()
    for n in lengths.get(text[q], ()):
        if q + n <= end and text[q:q + n] in names and _glued_ahead(text, q + n, end):
            return q + n
    for w in labels:
        e = q + len(w)
        if e <= end and text.startswith(w, q) and not (e < end and "a" <= text[e] <= "z") \
                and _glued_ahead(text, e, end):
            return e
    return -1


def glued_span(text: str, pos: int, end: int, anchored: bool = False) -> tuple[int, int] | None:
    """The span of _country_glued().search(text, pos, end) (with `anchored`,
    of .match), worked out without compiling that pattern."""
    for q in ([pos] if anchored else range(pos, end)):
        e = _glued_end(text, q, end)
        if e >= 0:
            return q, e
    return None


def _trim_city(text: str, s: int, e: int) -> tuple[int, int]:
    """Cut a city at the first stop word or country name it swallowed."""
    rx = _rx()
    keep_end = s
    first = True
    prev = ""
    for w in _NONSPACE_RUN.finditer(text, s, e):
        tok = w.group(0)
        ws = w.start()
        if first:
            if tok in CITY_STOP:
                return s, s
        elif tok in CITY_STOP or (rx["country"].match(text, ws) and not _CITY_JOIN_WORD.fullmatch(prev)):
            break   # (`Ciudad de Guatemala`, `Città del Vaticano`: a country after a particle is the city's)
        first = False
        prev = tok
        g = glued_span(text, ws, w.end()) if not tok.istitle() and tok[:1].isupper() else None
        if g:
            keep_end = g[0]   # `LjubljanaSlovenia...`: the city ends where the country starts
            break
        keep_end = w.end()
    # a trailing province code (`00184 Roma RM`) is not part of the city
    pm = _PROVINCE_END.search(text, s, keep_end)
    if pm and len(text[s:keep_end].split()) > 1:
        keep_end = pm.start()
    return s, keep_end


def country_at(text: str, pos: int, end: int | None = None, seps: str = " \t,.-–\n") -> Part | None:
    """A country name starting at `pos` after separators (`, Switzerland`)."""
    end = len(text) if end is None else end
    p = pos
    while p < end and text[p] in seps:
        p += 1
    if p - pos > 6 or text[pos:p].count("\n") > 2:
        return None
    m = _rx()["country"].match(text, p, end)
    if not m:
        return None
    return Part("country", m.start(), m.end(), m.group(0), country_iso2(m.group(0)), "country")


GATED = True   # False: every pattern scans the whole text (tests compare both)
LOW_ANY = True   # False: no quick scan of a small-letter copy of a text that is not ASCII (tests compare both)


@lru_cache(maxsize=None)
def _gate_quick_low_any() -> dict[str, re.Pattern]:
    """_gate_quick_lower for a text that is not ASCII whose small-letter copy
    keeps its length (most real pages): street_words' words as _low_trie
    classes; after them no a-z (no character that is no letter lowers to one:
    a test checks every code point) or a house-number word in small letters."""
    st = data()["streets"]
    words = set(st["after"]) | set(st["before"]) | set(st["after_without_number"])
    return {"street_words": re.compile(
        rf"[ \t](?:{_low_trie(words)})(?:(?![a-z])|(?=д|no|nr|nº|n°|núm|num))")}
QUICK_GATES = True   # False: gates scan the whole text themselves (tests compare both)


REVERSED_QUICK = True   # False: suffix_num's lines from the lines with a digit (tests compare both)


@lru_cache(maxsize=None)
def _gate_quick_reversed() -> dict[str, re.Pattern]:
    """Quick scans of a text's small-letter copy read backwards (same length):
    suffix_num ends with its house number's digit after the street suffix
    (`Hauptstraße 12`, `Birkenweg Nr. 4`), so from each digit backwards, what
    stands between them and the suffix (house-number word, spaces, comma,
    dot) reversed, then the suffix reversed as _low_trie classes. Every gate
    match holds such a match on its line; sre skips ahead to the digits, where
    the gate itself tried each capital of a line with a digit."""
    st = data()["streets"]
    suffixes = {w.rstrip(".")[::-1] for w in st["suffixes"] if w.strip()}
    house = "|".join(["д", "мод", "on", "rn", "ºn", "°n", r"[º°]\.n", "mún", "mun"])
    return {"suffix_num": re.compile(
        rf"\d(?:[ \t]*\.?(?:{house}))?[ \t]*,?\.?(?:{_low_trie(suffixes, strip_dot=False)})")}


def _gate_lines_reversed(key: str, text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
    """_gate_lines from the lines where _gate_quick_reversed()[key] matches
    the small-letter copy `low` read backwards (each match within a line)."""
    n = len(text)
    gate = _rx()["_gate_rx"][key].search
    lines = set()
    rq = _gate_quick_reversed()[key]
    if ASCII_TWINS and text.isascii():
        rq = ascii_twin(rq)
    for m in rq.finditer(low[::-1], n - end, n - start):
        d = n - 1 - m.start()        # (the digit)
        b = text.find("\n", d)
        lines.add((text.rfind("\n", 0, d) + 1, n if b < 0 else b))
    return [(a, b) for a, b in sorted(lines) if gate(text, max(a, start), min(b + 1, end)) is not None]


def _gate_lines(key: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(line start, line end) of every line where gate `key` matches, in order."""
    if QUICK_GATES and REVERSED_QUICK and key in _gate_quick_reversed():
        low = lowered(text)
        if len(low) == len(text):     # (each character one small character: the same offsets)
            return _gate_lines_reversed(key, text, low, start, end)
    gate = _rx()["_gate_rx"][key]
    out: list[tuple[int, int]] = []
    pos = start
    search = gate.search
    quick = _rx()["_gate_quick"].get(key) if QUICK_GATES else None
    qtext = text
    if quick is None and QUICK_GATES and text.isascii():
        quick = _rx()["_gate_quick_lower"].get(key)
        qtext = lowered(text) if quick is not None else text   # (ASCII: the same offsets)
    elif quick is None and QUICK_GATES and LOW_ANY and key in _gate_quick_low_any():
        low = lowered(text)
        if len(low) == len(text):     # (each character one small character: the same offsets)
            quick, qtext = _gate_quick_low_any()[key], low
    if quick is not None:
        # the same lines: every gate match lies on one line, holding a quick match
        qsearch = quick.search
        while pos < end:
            q = qsearch(qtext, pos, end)
            if q is None:
                break
            qs = q.start()
            a = text.rfind("\n", 0, qs) + 1
            b = text.find("\n", qs)
            b = len(text) if b < 0 else b
            if search(text, max(a, pos), min(b + 1, end)) is not None:
                out.append((a, b))
            pos = b + 1
        return out
    while pos < end:
        g = search(text, pos, end)
        if g is None:
            break
        gs = g.start()
        b = text.find("\n", max(gs, g.end() - 1))
        b = len(text) if b < 0 else b
        out.append((text.rfind("\n", 0, gs) + 1, b))
        pos = b + 1     # the rest of this line is covered
    return out


def _windows(lines: list[tuple[int, int]], before, text: str) -> list[list[int]]:
    """Line ranges [a, b] (b at the last line's end): the gate lines with
    `before` lines above each (`(n, key)`: only above a line that gate `key`
    matches at its start), merged when they touch."""
    cont = None
    if isinstance(before, tuple):
        before, key = before
        cont = _rx()["_gate_rx"][key].match
    spans = []
    for a, b in lines:
        for _ in range(before if cont is None or cont(text, a) else 0):
            if a == 0:
                break
            a = text.rfind("\n", 0, a - 1) + 1
        spans.append((a, b))
    if cont is not None:
        spans.sort()   # a line extended upwards may start before the one above it
    out: list[list[int]] = []
    for a, b in spans:
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _city_not_stop(m: re.Match) -> bool:
    """Whether the city a code_city / city_code match names may be one:
    _trim_city refuses a city whose first word is a stop word (`October
    2021`, `Copyright 2024` are what most pages hold), whatever surrounds it."""
    return m.group("city").split(None, 1)[0] not in CITY_STOP


# matches find_parts refuses from their own text alone: _gated leaves them out
# (so a memo hit does not match them again); the matches kept are the same
KEEP = {"city_code": _city_not_stop, "code_city": _city_not_stop}
KEEP_ALL = False   # True: _gated yields every match (tests compare both)


def _gated(name: str, text: str, start: int, end: int, cache: dict | None = None):
    """rx[name].finditer(text, start, end), the same matches, scanning only
    the lines its gates find: every match of these patterns lies on lines
    (at most `before` above a gate's line) that end with a gate match, so the
    lines between windows hold no match and the scan state at each window
    start is the whole-text scan's. `cache` keeps gate lines for one text.
    Matches that KEEP[name] refuses are left out."""
    rxs = _rx()
    rx = rxs[name]
    keep = None if KEEP_ALL else KEEP.get(name)
    if not GATED or name not in rxs["_gates"]:
        yield from (rx.finditer(text, start, end) if keep is None
                    else filter(keep, rx.finditer(text, start, end)))
        return
    keys, before, *need = rxs["_gates"][name]
    cache = {} if cache is None else cache
    lines: list[tuple[int, int]] = []
    for k in keys:
        if k not in cache:
            cache[k] = _gate_lines(k, text, start, end)
        lines.extend(cache[k])
    if not lines:
        return      # (most patterns on most pages)
    if len(keys) > 1:
        lines.sort()
    need_rx = rxs["_gate_rx"][need[0]].search if need else None
    split = rxs["_split"].get(name) if QUICK_GATES else None
    ktext = cache.get(" key text")
    if ktext is None:   # (the text the windows are keyed by in _WINDOWS)
        ktext = cache[" key text"] = digits_as_one(text) if _windows_blind() else text
    last = start
    if before == 0 and _line_local(name):
        # each gate line its own window (not merged with the lines it touches),
        # so a window's memo key is one line, as often seen before as the line
        spans = [[a, b] for i, (a, b) in enumerate(lines) if not i or lines[i - 1] != (a, b)]
    else:
        spans = _windows(lines, before, text)
    for a, b in spans:
        e = min(b + 1, end)
        p = max(a, last)
        # a window starts at a line start, so where its scan finds matches
        # depends on its text, where in it the scan starts and whether it
        # starts the text: matches are found again by a match at those places
        key = (name, a == 0, ktext[a:e], p - a, keep is None) if e - a <= _MEMO_LINE_MAX else None
        got = _WINDOWS.get(key) if key is not None else None
        if got is not None:
            for r in got:
                m = rx.match(text, a + r, e)
                last = m.end()
                yield m
            continue
        if need_rx is not None and need_rx(text, a, e) is None:
            _WINDOWS.remember(key, (), e - a)
            continue   # every match holds a `need` match: none in this window
        found = []
        for m in (rx.finditer(text, p, e) if split is None else _split_finditer(split, text, p, e)):
            last = m.end()
            if keep is None or keep(m):
                found.append(m.start() - a)
                yield m
        _WINDOWS.remember(key, tuple(found), e - a)


def _may_match_newline(data, flags: int) -> bool:
    """Whether any part of a parsed pattern (look-arounds too) can match a line
    break or asks for the end of the scanned range."""
    nl_cats = {K.CATEGORY_SPACE, K.CATEGORY_UNI_SPACE, K.CATEGORY_NOT_WORD, K.CATEGORY_UNI_NOT_WORD,
               K.CATEGORY_NOT_DIGIT, K.CATEGORY_UNI_NOT_DIGIT, K.CATEGORY_LINEBREAK,
               K.CATEGORY_UNI_LINEBREAK}
    for op, av in data:
        if op is K.LITERAL:
            if av == 10:
                return True
        elif op is K.NOT_LITERAL:
            if av != 10:
                return True
        elif op is K.IN:
            neg = any(o is K.NEGATE for o, _ in av)
            hit = any((o is K.LITERAL and a == 10) or (o is K.RANGE and a[0] <= 10 <= a[1])
                      or (o is K.CATEGORY and a in nl_cats) for o, a in av)
            if any(o is K.CATEGORY and a not in nl_cats and a not in (
                    K.CATEGORY_DIGIT, K.CATEGORY_UNI_DIGIT, K.CATEGORY_WORD, K.CATEGORY_UNI_WORD,
                    K.CATEGORY_NOT_SPACE, K.CATEGORY_UNI_NOT_SPACE) for o, a in av):
                return True   # (a category not looked at)
            if hit != neg:
                return True
        elif op is K.ANY:
            if flags & re.DOTALL:
                return True
        elif op is K.BRANCH:
            if any(_may_match_newline(b, flags) for b in av[1]):
                return True
        elif op is K.SUBPATTERN:
            if _may_match_newline(av[3], flags):
                return True
        elif op in (K.MAX_REPEAT, K.MIN_REPEAT, getattr(K, "POSSESSIVE_REPEAT", None)):
            if _may_match_newline(av[2], flags):
                return True
        elif op in (K.ASSERT, K.ASSERT_NOT):
            if _may_match_newline(av[1], flags):
                return True
        elif op is getattr(K, "ATOMIC_GROUP", None):
            if _may_match_newline(av, flags):
                return True
        elif op is K.AT:
            # the end of the scanned range (a window's end): `\Z`, and `$` without re.M
            if av is K.AT_END_STRING or (av is K.AT_END and not flags & re.M):
                return True
        else:
            return True       # (an op not looked at: not known to stay on a line)
    return False


@lru_cache(maxsize=None)
def _line_local(name: str) -> bool:
    """Whether no part of rx[name] (nor its `need` gate) matches a line break:
    each match then lies on one line and what it looks at ends with the line's
    break, so scanning a run of lines line by line finds what scanning the run
    at once finds."""
    rx = _rx()
    pats = [rx[name]]
    _, _, *need = rx["_gates"][name]
    pats += [rx["_gate_rx"][n] for n in need]
    return not any(_may_match_newline(P.parse(p.pattern, p.flags), p.flags) for p in pats)


@lru_cache(maxsize=None)
def _windows_blind() -> bool:
    """Whether the gated patterns and the gates' `need` patterns tell the
    digits 1-9 apart nowhere (see digit_blind), so windows are keyed with
    those digits as 1. (The split scans' first-character patterns are not
    parsed again: each is its pattern in a look-ahead after the class of the
    characters the pattern starts with, so it is blind when its pattern is;
    a test checks that.)"""
    rx = _rx()
    pats = [rx[name] for name in rx["_gates"]]
    pats += [rx["_gate_rx"][n[0]] for _, _, *n in rx["_gates"].values() if n]
    return digit_blind(pats)


def _split_finditer(split: tuple[re.Pattern, re.Pattern], text: str, pos: int, end: int):
    """finditer of a pattern `(?<=lb)body` as (first, body) from _rx()["_split"]
    (no match of these patterns is empty)."""
    search, match = split[0].search, split[1].match
    while True:
        f = search(text, pos, end)
        if f is None:
            return
        m = match(text, f.start(), end)
        yield m
        pos = m.end()


# ---------------------------------------------------------------- memos

_MEMO_MAX = 50_000        # entries a memo keeps (then it starts afresh)
_MEMO_CHARS = 4_000_000   # characters of keys a memo keeps (then it starts afresh)
_MEMO_LINE_MAX = 2_000    # longer lines and windows are not kept


class _Memo(dict):
    """A dict that forgets everything when it grows past _MEMO_MAX entries
    or _MEMO_CHARS characters of keys (a worker's memory stays bounded)."""

    chars = 0

    def remember(self, key, value=True, size: int = 1) -> None:
        if key is None:
            return
        if len(self) >= _MEMO_MAX or self.chars >= _MEMO_CHARS:
            self.clear()
            self.chars = 0
        self[key] = value
        self.chars += size


# where in a gate window (see _gated) its pattern matches (most windows are
# prose lines that hold a gate's anchor, a year: a postal code's shape, and
# hold no match), keyed by the window's text with the digits 1-9 as 1
_WINDOWS = _Memo()


# ASCII digits 2-9 written as 1 (0 kept): the key of a line or window in the
# memos, when no pattern of the memo tells these digits apart (digit_blind),
# so `Updated: May 2019` and `Updated: May 2021` share their entry
_DIGITS_AS_ONE = str.maketrans("23456789", "11111111")
# the same on the text's UTF-8 bytes: ASCII digits are single bytes in UTF-8 and no
# byte of a multi-byte character is one (those are >= 0x80), so this is the text's
# str.translate(_DIGITS_AS_ONE) ~30x faster (str.translate with a dict table goes
# character by character once a text has a non-ASCII character, as most pages do)
_DIGITS_AS_ONE_BYTES = bytes.maketrans(b"23456789", b"11111111")
_LAST_KEY_TEXT: list = [None, None]     # (text, its key text): one page, shared by the memos


def digits_as_one(text: str) -> str:
    """text.translate(_DIGITS_AS_ONE): the ASCII digits 2-9 written as 1. The last
    text's result is kept (the line memo and the window memo key the same page)."""
    last = _LAST_KEY_TEXT
    if last[0] is text:
        return last[1]
    out = text.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ONE_BYTES).decode("utf-8", "surrogatepass")
    last[0], last[1] = text, out
    return out


_LAST_LOWER: list = [None, None]     # (text, text.lower()): the batch the quick scans share


def lowered(text: str) -> str:
    """text.lower(), the last text's kept (the label scan and two gates'
    quick scans read the same batch of lines in small letters)."""
    last = _LAST_LOWER
    if last[0] is not text:
        last[0], last[1] = text, text.lower()
    return last[1]


ASCII_TWINS = True   # False: ASCII texts scanned with the Unicode patterns (tests compare both)


@lru_cache(maxsize=64)
def ascii_twin(rx: re.Pattern) -> re.Pattern:
    """rx compiled with re.ASCII when on an ASCII text it matches as rx does:
    its only category is \\d / \\D (the ASCII digits are an ASCII text's
    decimal digits), no \\b, no case folding; else rx. sre tests [0-9]
    through a bit table, the Unicode digit category by a call per character
    (~30% faster a scan that starts on digits)."""
    if rx.flags & re.IGNORECASE:
        return rx
    ok = {K.CATEGORY_DIGIT, K.CATEGORY_UNI_DIGIT, K.CATEGORY_NOT_DIGIT, K.CATEGORY_UNI_NOT_DIGIT}

    def walk(data) -> bool:
        for op, av in data:
            if op is K.CATEGORY and av not in ok:
                return False
            if op is K.IN and not walk(av):
                return False
            if op is K.AT and av not in (K.AT_BEGINNING, K.AT_BEGINNING_LINE, K.AT_END, K.AT_END_LINE,
                                         K.AT_BEGINNING_STRING, K.AT_END_STRING):
                return False
            if op is K.BRANCH and not all(walk(b) for b in av[1]):
                return False
            if op is K.SUBPATTERN and (av[1] & re.IGNORECASE or not walk(av[3])):
                return False
            if op in (K.MAX_REPEAT, K.MIN_REPEAT, getattr(K, "POSSESSIVE_REPEAT", None)) and not walk(av[2]):
                return False
            if op in (K.ASSERT, K.ASSERT_NOT) and not walk(av[1]):
                return False
            if op is getattr(K, "ATOMIC_GROUP", None) and not walk(av):
                return False
            if op in (K.GROUPREF_EXISTS,):
                return False
        return True

    flags = (rx.flags & ~re.UNICODE) | re.ASCII
    return re.compile(rx.pattern, flags) if walk(P.parse(rx.pattern, rx.flags)) else rx


def digit_blind(patterns) -> bool:
    """Whether none of the patterns tells the ASCII digits 1-9 apart (each
    matches where another digit of 1-9 stands as where the first does): no
    literal 1-9, no class holding some of them but not all, no back-reference."""
    bad = set(range(ord("1"), ord("9") + 1))

    def ok_class(items) -> bool:
        # the digits 1-9 the class names: none or all (so its complement too)
        got = set()
        for op, av in items:
            if op is K.LITERAL:
                got |= {av} & bad
            elif op is K.RANGE:
                got |= set(range(av[0], av[1] + 1)) & bad
            elif op not in (K.NEGATE, K.CATEGORY):
                return False
        return not got or got == bad

    def walk(data) -> bool:
        for op, av in data:
            if op in (K.LITERAL, K.NOT_LITERAL):
                if av in bad:
                    return False
            elif op is K.IN:
                if not ok_class(av):
                    return False
            elif op in (K.GROUPREF, K.GROUPREF_EXISTS, getattr(K, "GROUPREF_IGNORE", None)):
                return False
            elif op is K.BRANCH:
                if not all(walk(b) for b in av[1]):
                    return False
            elif op is K.SUBPATTERN:
                if not walk(av[3]):
                    return False
            elif op in (K.MAX_REPEAT, K.MIN_REPEAT, getattr(K, "POSSESSIVE_REPEAT", None)):
                if not walk(av[2]):
                    return False
            elif op in (K.ASSERT, K.ASSERT_NOT):
                if not walk(av[1]):
                    return False
            elif op is getattr(K, "ATOMIC_GROUP", None):
                if not walk(av):
                    return False
            elif op not in (K.ANY, K.AT, K.CATEGORY):
                return False   # (an op not looked at: not known to be blind)
        return True

    for pat in patterns:
        if not walk(P.parse(pat.pattern, pat.flags)):
            return False
    return True


class LineMemo:
    """Scan results that depend on one line alone, memoised by the line's text.

    `scan(text)` returns (start, end, payload) items, each within one line of
    text, such that a line's items (offsets from the line start) depend only on
    that line's text and on whether a line break follows it. Pages of one site
    repeat most of their lines (menus, footers, boilerplate, table rows), so
    most lines of a page were seen before; the lines not seen are scanned
    together, joined by line breaks, in a single call. With `blind` (the scan
    does not tell the digits 1-9 apart: digit_blind of its patterns, and its
    payloads hold no text), lines are keyed with those digits as 1."""

    def __init__(self, scan, blind=lambda: False) -> None:
        self.scan = scan
        self.memo = _Memo()
        self._blind = blind
        self.blind: bool | None = None     # (asked on first use)

    def lines(self, text: str) -> list[tuple[int, tuple]]:
        """(line start, items as (start, end, payload) from the line start) of
        every line of text with items, in order."""
        if self.blind is None:
            self.blind = bool(self._blind())
        memo = self.memo
        get = memo.get
        out: list[tuple[int, tuple]] = []
        missed: list[tuple[int, str, str]] = []
        pos = 0
        rows = text.split("\n")
        keys = digits_as_one(text).split("\n") if self.blind else rows
        last = rows[-1]
        for i in range(len(rows) - 1):
            ln = rows[i]
            got = get(keys[i])
            if got is None:
                missed.append((pos, ln, keys[i]))
            elif got:
                out.append((pos, got))
            pos += len(ln) + 1
        # the last line has no line break after it: kept under its own key
        lkey = "\n" + keys[-1]
        got = get(lkey)
        if got is None or missed:
            self._fill(missed, (pos, last, lkey) if got is None else None, out)
            if got:
                out.append((pos, got))
            out.sort(key=lambda r: r[0])
        elif got:
            out.append((pos, got))
        return out

    def _fill(self, missed, last, out) -> None:
        """Scan the lines not seen (and the last line) in one text, remember
        their items and add those with items to out."""
        parts = [ln for _, ln, _ in missed]
        if last is not None:
            parts.append(last[1])
            batch = "\n".join(parts)
        else:
            batch = "\n".join(parts) + "\n"
        starts = []
        p = 0
        for ln in parts:
            starts.append(p)
            p += len(ln) + 1
        per: list[list] = [[] for _ in parts]
        for s, e, payload in self.scan(batch):
            i = bisect.bisect_right(starts, s) - 1
            per[i].append((s - starts[i], e - starts[i], payload))
        rows = missed + ([last] if last is not None else [])
        for k, (pos, ln, key) in enumerate(rows):
            items = tuple(sorted(per[k], key=lambda it: it[0]))   # (stable: a scan's own order kept)
            if len(ln) <= _MEMO_LINE_MAX:
                self.memo.remember(key, items, len(ln))
            if items:
                out.append((pos, items))


def _line_patterns() -> dict[str, re.Pattern]:
    """Patterns whose every match starts at a line start and ends on that line
    (or with its line break): find_parts runs each on the whole text."""
    return {"code_line": _CODE_LINE, "city_country_line": _CITY_COUNTRY_LINE,
            "bare_street_line": _rx()["bare_street_line"], "east_asian_line": _east_asian_rx()}


def _district_words() -> str:
    """The district markers (data: streets.district_markers), dots kept, as a trie."""
    return _trie(data()["streets"].get("district_markers", []), strip_dot=False)


@lru_cache(maxsize=None)
def _district_rx() -> re.Pattern:
    """A district marker (data: streets.district_markers) right before a name."""
    return re.compile(rf"(?<![\w.])(?:{_district_words()})[ \t]+\Z")


@lru_cache(maxsize=None)
def _district_line_rx() -> re.Pattern:
    """A district marker at the start of a segment, its name running on (no comma)."""
    return re.compile(rf"(?:^|,)[ \t]*(?:{_district_words()})[ \t]+[^,\n\d]*\Z")


def _district_before(text: str, cs: int, start: int) -> bool:
    """The name at cs belongs to a district (`Col. San Pedro de los Pinos, 03800`)."""
    ls = max(start, text.rfind("\n", 0, cs) + 1, cs - 60)
    return _district_line_rx().search(text[ls:cs]) is not None


@lru_cache(maxsize=None)
def _cp_code() -> re.Pattern:
    """A `C.P.` box word (data: pobox.postal_code_words) before five digits."""
    words = data()["pobox"].get("postal_code_words", [])
    return re.compile(rf"(?:{_alt(words)})\.?[ \t]*(?P<code>\d{{5}})")


@lru_cache(maxsize=None)
def _east_asian_rx() -> re.Pattern:
    """`〒107-0052 Tokyo, Minato-ku, Akasaka 2-14-5, …` / `(04524) Seoul,
    Jung-gu, Sejong-daero 110, …`: postal code, city, wards and districts
    (their endings are data), then the street (words and a number)."""
    ends = _alt(data()["streets"].get("east_asian_districts", []))
    roads = _alt(data()["streets"].get("korean_roads", []))
    district = rf"{TOKEN}-(?:{ends})\.?"
    return re.compile(
        rf"^[ \t]*(?=[〒(\d])(?:(?:〒[ \t]?(?P<mark>\d{{3}}-\d{{4}})|\((?P<paren>\d{{5}}|\d{{3}}-\d{{4}})\)|(?P<bare>\d{{5}}|\d{{3}}-\d{{4}}))"
        rf"[ \t]*,?[ \t]*(?P<city>{TOKEN}(?:[ \t]{TOKEN})?),[ \t]*(?P<districts>(?:{district},[ \t]*)*)"
        rf"(?P<street>[{_UP}][\w'’\-]*(?:[ \t][\w'’\-]+){{0,3}}?[ \t]\d{{1,4}}(?:-\d{{1,4}}){{0,2}})"
        rf"(?=[ \t]*(?:,|$))"
        # `110 Sejong-daero, Jung-gu, Seoul`: the building number, then a Korean road (data)
        rf"|(?P<road>\d{{1,4}}(?:-\d{{1,4}})?[ \t]+[A-Z][a-z]+(?:[ \t-][a-z0-9]+)*-(?:{roads}))(?=[ \t]*,))", re.M)


def _east_asian(text: str, m: re.Match, found: "_Parts") -> None:
    if m.group("road"):
        found.add(Part("street", *m.span("road"), m.group("road"), None, "street.korean_road"))
        return
    if m.group("bare") and not m.group("districts"):
        return   # a bare code counts only with a ward or district after the city
    code = next(g for g in ("mark", "paren", "bare") if m.group(g))
    cs, ce = _trim_city(text, *m.span("city"))
    if ce <= cs or found.overlaps(m.start(code), m.end("street")):
        return
    cc = "JP" if "-" in m.group(code) else None
    found.add(Part("postal_code", *m.span(code), m.group(code), cc, "east_asian"))
    found.add(Part("city", cs, ce, text[cs:ce], cc, "east_asian"))
    found.add(Part("street", *m.span("street"), m.group("street"), None, "street.east_asian"))


@lru_cache(maxsize=None)
def _gate_keys() -> tuple[str, ...]:
    return tuple(sorted({k for keys, *_ in _rx()["_gates"].values() for k in keys}))


@lru_cache(maxsize=None)
def _digit_gates() -> re.Pattern:
    """The gates that start with a digit, as one scan: at each digit, the
    group of the gate that matches there (they cannot match at the same
    digit: a comma or a city marker, a dash, a capital after the spaces)."""
    g = _rx()["_gate_rx"]
    tails = []
    for k in _DIGIT_GATES:
        assert g[k].pattern.startswith("\\d")
        tails.append(f"(?P<{k}>{g[k].pattern[2:]})")
    return re.compile(rf"\d(?={'|'.join(tails)})")


_DIGIT_GATES = ("code_comma", "digit_dash", "code_place")


def _gate_items(text: str) -> list[tuple[int, int, tuple]]:
    """("gate", key) items over every line where gate `key` matches, as
    _gate_lines finds them, with fewer scans: the digit gates in one scan,
    street_alone only on the lines of street_words (a match of street_alone
    is one of street_words: a word of its list after a space, then no
    letter)."""
    out = []
    for k in _gate_keys():
        if k in _DIGIT_GATES or k == "street_alone":
            continue
        lines = _gate_lines(k, text, 0, len(text))
        out.extend((a, b, ("gate", k)) for a, b in lines)
        if k == "street_words":
            alone = _rx()["_gate_rx"]["street_alone"].search
            out.extend((a, b, ("gate", "street_alone")) for a, b in lines if alone(text, a, b + 1))
    seen: set[tuple[int, str]] = set()
    dg = ascii_twin(_digit_gates()) if ASCII_TWINS and text.isascii() else _digit_gates()
    for m in dg.finditer(text):
        k = m.lastgroup
        a = text.rfind("\n", 0, m.start()) + 1
        if (a, k) in seen:
            continue
        seen.add((a, k))
        b = text.find("\n", m.start())
        out.append((a, len(text) if b < 0 else b, ("gate", k)))
    return out


def line_item_patterns() -> list[re.Pattern]:
    """Every pattern line_items runs (for digit_blind)."""
    rx = _rx()
    return (list(rx["_gate_rx"].values()) + list(rx["_gate_quick"].values())
            + list(rx["_gate_quick_lower"].values()) + list(_gate_quick_low_any().values())
            + list(_gate_quick_reversed().values())
            + list(_line_patterns().values()) + [_digit_gates(), _line_start_scan()])


def line_items(text: str) -> list[tuple[int, int, tuple]]:
    """What find_parts scans the whole text for, as LineMemo items:
    ("gate", key) over every line where gate `key` matches, ("line", name) at
    the start of every line where line pattern `name` matches."""
    out = _gate_items(text)
    pats = _line_patterns().items()
    for a in [0] + [m.end() for m in _line_start_scan().finditer(text)]:
        out.extend((a, a, ("line", name)) for name, pat in pats if pat.match(text, a))
    return out


@lru_cache(maxsize=None)
def _line_start_scan() -> re.Pattern:
    """A line break before a line where one of the line patterns matches: one
    scan for all three (each starts with `^`, which sre cannot skip ahead to)."""
    bodies = []
    for pat in _line_patterns().values():
        assert pat.pattern.startswith("^") and pat.flags & re.M and "(?P=" not in pat.pattern
        bodies.append(re.sub(r"\(\?P<\w+>", "(?:", pat.pattern[1:]))
    return re.compile(r"\n(?=" + "|".join(f"(?:{b})" for b in bodies) + ")", re.M)


def page_lines(lines: list[tuple[int, tuple]], rest: dict | None = None) -> dict:
    """LineMemo lines (with line_items among their items) as find_parts' `lines`:
    gate key -> (line start, line end) list, line pattern name -> line starts.
    The other items go to `rest` (when given) as payload kind -> (start, end,
    payload) list in text order, so a caller reads all items in one pass."""
    out: dict = {k: [] for k in _gate_keys()}
    for name in _line_patterns():
        out[name] = []
    for pos, items in lines:
        for s, e, payload in items:
            kind = payload[0]
            if kind == "gate":
                out[payload[1]].append((pos + s, pos + e))
            elif kind == "line":
                out[payload[1]].append(pos + s)
            elif rest is not None:
                rest.setdefault(kind, []).append((pos + s, pos + e, payload))
    return out


def _line_matches(name: str, text: str, start: int, end: int, lines: dict | None):
    """_line_patterns()[name].finditer(text, start, end): from the line starts
    the page's lines give, when they cover the whole text."""
    pat = _line_patterns()[name]
    if lines is None:
        yield from pat.finditer(text, start, end)
        return
    for a in lines[name]:
        m = pat.match(text, a)
        if m is not None:
            yield m


def find_parts(text: str, start: int = 0, end: int | None = None, lines: dict | None = None) -> list[Part]:
    """Every street, PO box, postal code, city and country (after a city) in
    text[start:end], in order; overlapping weaker matches dropped. `lines`
    (page_lines of the whole text) saves the scans for gates and line patterns."""
    end = len(text) if end is None else end
    rx = _rx()
    found = _Parts()
    add = found.add
    if lines is not None and (start, end) != (0, len(text)):
        lines = None
    # gate lines, shared by the patterns that use the same gate
    gates: dict = {k: lines[k] for k in _gate_keys()} if lines is not None else {}

    for m in _gated("city_state_code", text, start, end, gates):
        cs = _last_city_words(text, *m.span("city"))
        cs, ce = _trim_city(text, cs, m.end("city"))
        if ce <= cs:
            continue
        ccs = rx["_states"].get(m.group("state"), set())
        cc = next((row["country"] for row, crx in _postal_rows("city_state_code")
                   if row["country"] in ccs and crx.fullmatch(m.group("code"))), None)
        if cc is None:
            continue
        add(Part("city", cs, ce, text[cs:ce], cc, "city_state_code"))
        add(Part("state", *m.span("state"), m.group("state"), cc, "city_state_code"))
        add(Part("postal_code", *m.span("code"), m.group("code"), cc, "city_state_code"))
    for m in _gated("city_state_country", text, start, end, gates):
        cs = _last_city_words(text, *m.span("city"))
        cs, ce = _trim_city(text, cs, m.end("city"))
        if ce <= cs:
            continue
        cc = country_iso2(m.group("country"))
        add(Part("city", cs, ce, text[cs:ce], cc, "city_state_country"))
        add(Part("state", *m.span("state"), m.group("state"), cc, "city_state_country"))
        add(Part("country", *m.span("country"), m.group("country"), cc, "city_state_country"))
    for m in _line_matches("east_asian_line", text, start, end, lines):
        _east_asian(text, m, found)
    for name in ("jp_block", "num_first", "num_before", "name_num", "word_first", "name_only",
                 "house_road"):
        for m in _gated(name, text, start, end, gates):
            s, e = m.span()
            if name == "word_first":
                e = _extend_street_list(text, e, end)
                if not m.group("num") and not _street_alone(text, s, e, end):
                    continue
            if name == "num_first" and not m.group("name").strip():
                continue
            if name in ("num_first", "num_before") and "," in text[m.end("num"):m.start("name") if name == "num_first" else m.start("w")] \
                    and _building_before(text, s):
                # `Building 45, Al Muntazah Street`, `Al Moosa Tower 2, Sheikh Zayed Road`: the
                # number is the building's, the street is the rest (unified rule 2)
                s = m.start("name") if name == "num_first" else m.start("w")
                if name == "num_first" and _building_word_rx().search(text[s:e] + " ") \
                        and _STREET_NEXT.match(text, e, end):
                    continue   # `Unit 7, Harbour View Plaza, 28 Bogue Road`: the plaza is a building
            if name == "name_num" and rx["pobox"].match(text, s, e):
                continue   # `Box CT 4521`: a box with its post office's letters, not `CT` (Court)
            if name in ("name_num", "word_first") and m.group("num") and \
                    _YEAR.fullmatch(m.group("num").strip()) and not _followed_by_place(text, e, end):
                continue   # `Supreme Court 2015`, `In 1990 Main Street` are not addresses
            if name == "name_only":
                ls = max(text.rfind("\n", 0, s) + 1, s - 200)
                before = text[ls:s].strip()
                if before and not before.endswith((",", ":")):
                    continue
            if name == "name_num":
                g = _GLUED_START.search(text, s, e)
                if g:
                    s = g.start()   # `Integration CentreTrubarjeva cesta 5`: the street starts after the glue
            seg = text[s:e]
            if name in ("num_before", "word_first"):
                # a word list that ran into a city or country: stop there
                e = s + len(seg.rstrip(" \t,"))
            rule = "street.grid" if name == "jp_block" and m.group("grid") else f"street.{name}"
            add(Part("street", s, e, text[s:e], None, rule))
    for m in _gated("pobox", text, start, end, gates):
        cp = _cp_code().fullmatch(m.group(0))
        if cp:
            # `C.P. 06500` (código postal): a postal code, and the city after it
            cs = m.start() + cp.start("code")
            k = rx["code_city"].match(text, cs, end)
            ce = _trim_city(text, *k.span("city"))[1] if k else -1
            if k and ce > k.start("city") and not found.overlaps(cs, k.end("city")):
                add(Part("postal_code", cs, k.end("code"), k.group("code"), None, "cp_code"))
                add(Part("city", k.start("city"), ce, text[k.start("city"):ce], None, "cp_code"))
            else:
                add(Part("postal_code", cs, m.end(), text[cs:m.end()], None, "cp_code"))
            continue
        add(Part("pobox", m.start(), m.end(), m.group(0), None, "pobox"))
        # Kenyan style: `P.O. Box 40712-00100, Nairobi`, `P.O. Box 58214 - 00300 Nairobi`
        k = rx["pobox_code"].match(text, m.end(), end)
        if k:
            add(Part("postal_code", *k.span("code"), k.group("code"), None, "pobox_code"))
            if k.group("city"):
                cs, ce = _trim_city(text, *k.span("city"))
                if ce > cs:
                    add(Part("city", cs, ce, text[cs:ce], None, "pobox_code"))
    road_no, road_word = _numbered_road_rx()
    for m in road_no.finditer(text, start, end):
        # `Way No. 3109`, `Road No. 12`: a road named by its number (Gulf, South Asia);
        # found by its `No` (a literal sre skips ahead to), the street word checked before it
        w = road_word.search(text, max(start, m.start() - 12), m.start())
        if w and (w.start() == 0 or not text[w.start() - 1].isalnum()) and not found.overlaps(w.start(), m.end()):
            add(Part("street", w.start(), m.end(), text[w.start():m.end()], None, "street.numbered"))
    # (looked for only within the two lines after a street or PO box, where an
    # address writes it: a scan of the whole page costs more)
    code_windows = []
    for p in found.parts():
        if p.kind in ("street", "pobox"):
            a, b = p.end, min(end, p.end + 160)
            if code_windows and a <= code_windows[-1][1]:
                code_windows[-1][1] = b
            else:
                code_windows.append([a, b])
    for a, b in code_windows:
        if not _code_word_gate().search(text, a, b):
            continue
        for m in _code_word_rx().finditer(text, a, b):
            # `PC 133, Muscat`, `Postal Code 11564, Riyadh`: a labelled postal code and its city
            if not m.group("city") or found.overlaps(m.start("code"), m.end()):
                continue   # (a code word with no city after is no address: `PC 2000 computers`)
            add(Part("postal_code", *m.span("code"), m.group("code"), None, "code_word"))
            cs, ce = _trim_city(text, *m.span("city"))
            if ce > cs and not rx["country"].fullmatch(text, cs, ce):
                add(Part("city", cs, ce, text[cs:ce], None, "code_word"))
    for m in _gated("code_city", text, start, end, gates):
        if m.end("code") - m.start("code") == 3 and not m.group("pfx") and not any(
                q.kind in ("street", "pobox") for q in found.between(m.start() - 80, m.start())):
            continue   # a three-digit code (Iceland, `400 Ísafjörður`) only after a street: `300 Workers`
        cs, ce = _trim_city(text, *m.span("city"))
        if ce <= cs:
            continue
        pfx = m.group("pfx")
        if not pfx and (_PREP_BEFORE.search(text, max(start, m.start() - 12), m.start())
                        or _COPYRIGHT.search(text, max(start, m.start() - 14), m.start())):
            continue
        first_city = text[cs:ce].split()[0]
        if first_city.isupper() and len(first_city) < 3:
            continue
        if not pfx and _YEAR.fullmatch(m.group("code")) and not any(
                q.kind in ("street", "pobox") for q in found.between(m.start() - 80, m.start())) \
                and not country_at(text, ce, end):
            continue   # `Supreme Court 2015 Annual Report`: a year, not a postal code
        if not pfx and _YEAR.fullmatch(m.group("code")) and _column_gap_before(text, m.start(), found):
            continue   # `PROFILES            2023 EDITION`: a running header's edition year, far right
        cc = _prefix_country(pfx) if pfx else next(
            (row["country"] for row, crx in _postal_rows("code_city")
             if row.get("implies") and crx.fullmatch(m.group("code"))), None)
        if pfx and cc is None:
            continue
        code_start = m.start("pfx") if pfx else m.start("code")
        if found.overlaps(code_start, ce):
            continue
        add(Part("postal_code", code_start, m.end("code"), text[code_start:m.end("code")], cc, "code_city"))
        add(Part("city", cs, ce, text[cs:ce], cc, "code_city"))
        g = glued_span(text, ce, end, anchored=True) if ce < end and text[ce:ce + 1].isupper() else None
        if g and rx["country"].fullmatch(text[g[0]:g[1]]) and not found.overlaps(*g):
            # `1000 LjubljanaSloveniaPhone`: the country glued to the city
            add(Part("country", *g, text[g[0]:g[1]], country_iso2(text[g[0]:g[1]]), "code_city_glued"))
    for m in _gated("bare_street_place", text, start, end, gates):
        _bare_street(text, m, found)
    for m in _gated("city_code", text, start, end, gates):
        cs, ce = _trim_city(text, *m.span("city"))
        if ce <= cs or found.overlaps(cs, m.end()):
            continue
        if rx["country"].fullmatch(text, cs, ce) or _building_word_rx().match(text[cs:ce] + " "):
            continue   # (`Building 1456`, `Tower 2`: a building's number, not a postal code)
        code = m.group("code")
        if len(code) in (4, 5) and code.isdigit():
            # `Kyiv 04053, Ukraine`: a five-digit code after the city needs a country or the line end
            nl = text.find("\n", m.end(), end)
            rest = text[m.end():nl if nl >= 0 else min(end, m.end() + 200)]
            if (rest.strip(" \t.") or len(code) == 4) and not country_at(text, m.end(), end) \
                    and not (_after_street(text, found, cs, rest) and not _YEAR.fullmatch(code)):
                continue
        cc = next((row["country"] for row, crx in _postal_rows("city_code")
                   if row.get("implies") and crx.fullmatch(code)), None)
        if not _district_before(text, cs, start):
            add(Part("city", cs, ce, text[cs:ce], cc, "city_code"))
        # (`Col. Roma Norte, 06700`: a district before the code, which still counts)
        add(Part("postal_code", *m.span("code"), code, cc, "city_code"))
    for m in _gated("marked_city", text, start, end, gates):
        _marked_city(text, m, found, start)
    for m in _gated("code_comma_city", text, start, end, gates):
        cs, ce = _trim_city(text, *m.span("city"))
        if ce <= cs or found.overlaps(m.start(), m.end()) or rx["country"].match(text, cs):
            continue
        cc = None
        if m.group("pfx"):
            cc = _prefix_country(m.group("pfx"))
            if cc is None:
                continue
            cspan = (m.start("pfx"), m.end("pcode"))
        else:
            cspan = m.span("code")
        if rx["country"].fullmatch(text, cs, ce):
            continue
        add(Part("postal_code", *cspan, text[cspan[0]:cspan[1]], cc, "code_comma_city"))
        add(Part("city", cs, ce, text[cs:ce], cc, "code_comma_city"))
    # a postal code alone on its line, right above a city line (`11225` / `Brooklyn, NY, US`)
    for m in _line_matches("code_line", text, start, end, lines):
        nxt = found.next_after(m.end())
        if nxt and nxt.kind == "city" and text[m.end():nxt.start].strip() == "" and not any(
                p.kind == "postal_code" for p in found.between(m.end(), nxt.end + 12)):
            add(Part("postal_code", *m.span(1), m.group(1), nxt.country, "code_line"))
    # a city without a code between the street or PO box and the country
    # (`BP 49 Dakar Sénégal`, `Route 5, Lomé, Togo`)
    for p in found.parts():
        if p.kind not in ("street", "pobox"):
            continue
        m = _CITY_THEN_COUNTRY.match(text, p.end, end)
        if not m or found.overlaps(m.start("city"), m.end("country")):
            continue
        cm = rx["country"].fullmatch(m.group("country"))
        if cm is None:
            # the country's name, then a note or more capitals (`Jamaica W.I.`) or
            # small words the group stops at (`Côte d'Ivoire`)
            cm = rx["country"].match(text, m.start("country"), end)
            if cm is not None and text[cm.end():cm.end() + 1] not in ("", " ", "\t", "\n", ",", "."):
                cm = None
        if cm and m.group("city") not in CITY_STOP and not rx["country"].fullmatch(m.group("city")):
            cc = country_iso2(cm.group(0))
            add(Part("city", *m.span("city"), m.group("city"), cc, "city_country"))
            add(Part("country", m.start("country"), m.start("country") + len(cm.group(0)), cm.group(0), cc, "city_country"))
    # a line that is only `City, Country` (`Abuja, Nigeria`)
    for m in _line_matches("city_country_line", text, start, end, lines):
        c = rx["country"].fullmatch(m.group("country"))
        if c and m.group("dash") and not _address_line_above(text, m.start(), start):
            continue   # `Oxfam – Kenya` is a heading; `Maputo – Moçambique` ends an address
        if c and any(w.casefold() in _org_words() for w in m.group("city").split()):
            continue   # `National Research Institute, Kenya` is a name line
        if c and not rx["country"].fullmatch(m.group("city")) and m.group("city") not in CITY_STOP:
            prev = found.last_before(m.start("city"))
            if not (prev is not None and prev.kind in ("city", "postal_code", "state")
                    and text.count("\n", prev.end, m.start("city")) == 1
                    and any(q.kind == "city" for q in found.between(prev.start - 60, prev.end + 1))):
                add(Part("city", *m.span("city"), m.group("city"), country_iso2(m.group("country")), "city_country_line"))
            # (else `Karnataka, India` under `Bengaluru - 560001`: a state line; the country counts)
            add(Part("country", *m.span("country"), m.group("country"), country_iso2(m.group("country")), "city_country_line"))
    # `Andes 1365, piso 1` / `Montevideo, Uruguay`: a Name Number line above a place line
    for m in _line_matches("bare_street_line", text, start, end, lines):
        nxt = found.next_after(m.end())
        if nxt is None or nxt.kind not in ("postal_code", "city"):
            continue
        gap = text[m.end():nxt.start]
        if gap.strip(" \t") and not (nxt.kind == "postal_code" and _DISTRICT_GAP.fullmatch(gap)
                                      and _district_rx().search(gap[:gap.index(" ") + 1])):
            continue   # (`Col. Roma Norte, 06700` between: a district line before the code)
        ss, se = m.span("street")
        if not found.overlaps(ss, se) and _bare_ok(text[ss:se]):
            add(Part("street", ss, se, text[ss:se], None, "street.bare_line"))
    # a country written first (`India, 700108, Calcutta`)
    for p in found.parts():
        if p.kind != "postal_code":
            continue
        ls = max(text.rfind("\n", 0, p.start) + 1, start, p.start - 80)
        head = text[ls:p.start]
        m = _COUNTRY_FIRST.match(head)
        if m and rx["country"].fullmatch(m.group("c").strip()):
            cs = ls + m.start("c")
            add(Part("country", cs, cs + len(m.group("c").strip()), m.group("c").strip(),
                     country_iso2(m.group("c").strip()), "country_first"))
    # a country right after a city (`Geneva 20, Switzerland`, `Bonn Germany`)
    for p in found.parts():
        if p.kind not in ("city", "postal_code"):
            continue
        q = p.end
        po = _PO_NUMBER.match(text, q, end) or _PROVINCE_NOTE.match(text, q, end)
        if po:
            q = po.end()
        c = country_at(text, q, end)
        if c:
            add(c)
    return found.parts()


def _address_line_above(text: str, pos: int, start: int) -> bool:
    """The line above the one at pos holds a number (a street, a PO box)."""
    le = text.rfind("\n", start, pos)
    if le < 0:
        return False
    ls = text.rfind("\n", start, le) + 1
    return _ANY_DIGIT.search(text, max(ls, start), le) is not None


_ANY_DIGIT = re.compile(r"\d")
_DISTRICT_GAP = re.compile(r"\n?[ \t]*[^\W\d][^\d\n,]{1,40},[ \t]*(?:C\.?[ \t]?P\.?[ \t]*)?")
_CODE_BEFORE_CITY = re.compile(r"(?<![\w\-])(?P<code>\d{5,6})(?:,[ \t]*|[ \t]+)(?:(?P<mid>[^,\n\d]{2,40}),[ \t]*)?\Z")


_YEAR_BEFORE = re.compile(r"(?<![\d\-])\d{1,4}[ \t]*\Z")


def _marked_city(text: str, m: re.Match, found: "_Parts", start: int) -> None:
    """`720040, г. Бишкек` / `720040, Кыргызская Республика, г. Бишкек`: the
    marked city, the postal code written before it (and a country between)."""
    cs, ce = m.span("city")
    if found.overlaps(cs, ce):
        return
    ls = max(text.rfind("\n", 0, m.start()) + 1, start, m.start() - 80)
    if _YEAR_BEFORE.search(text, ls, m.start()):
        return   # `в 1997 г.`: the year's `г.` (год), not a city's
    k = _CODE_BEFORE_CITY.search(text, ls, m.start())
    cc = None
    if k and k.group("mid"):
        mid = k.group("mid").strip()
        cc = country_iso2(mid) if _rx()["country"].fullmatch(mid) else None
        if cc is None:
            k = None
    if k and not found.overlaps(*k.span("code")):
        found.add(Part("postal_code", *k.span("code"), k.group("code"), cc, "code_marked_city"))
        if cc:
            ms = k.start("mid") + len(k.group("mid")) - len(k.group("mid").lstrip())
            mid = k.group("mid").strip()
            found.add(Part("country", ms, ms + len(mid), mid, cc, "code_marked_city"))
    found.add(Part("city", cs, ce, text[cs:ce], cc, "marked_city"))


def _bare_ok(street: str) -> bool:
    """A `Name Number` street: its number is no year, its words no stop word,
    organisation word or a heading word such as `Chapter`."""
    words = street.split()
    num = _LAST_NUMBER.search(street).group(0)
    return not (_YEAR.fullmatch(num) or any(w in CITY_STOP or w.casefold() in _org_words() for w in words)
                or words[0].rstrip(".").casefold() in _not_street_heads())


@lru_cache(maxsize=None)
def _not_street_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in data()["streets"]["not_street_heads"])


@lru_cache(maxsize=None)
def _org_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in data()["organization"]["keywords"])


def _bare_street(text: str, m: re.Match, found: "_Parts") -> None:
    """A `Name Number` street right before its postal code and city (see
    rx["bare_street_place"]); not a year, a stop word or an organisation's name."""
    ss, se = m.span("street")
    if not _bare_ok(text[ss:se]):
        return
    if found.overlaps(ss, se):
        return
    cs, ce = _trim_city(text, *m.span("city"))
    if ce <= cs:
        return
    pfx = m.group("pfx")
    cc = _prefix_country(pfx) if pfx else None
    if pfx and cc is None:
        return
    code_start = m.start("pfx") if pfx else m.start("code")
    if len(m.group("code")) < 4 and not pfx and not country_at(text, ce):
        return   # a three-digit code (Iceland, Faroe) counts only with its country after the city
    if not found.overlaps(code_start, ce):
        found.add(Part("postal_code", code_start, m.end("code"), text[code_start:m.end("code")], cc,
                       "street_code_city"))
        found.add(Part("city", cs, ce, text[cs:ce], cc, "street_code_city"))
    elif not any(p.kind == "postal_code" for p in found.between(code_start, m.end("code"))):
        return
    found.add(Part("street", ss, se, text[ss:se], None, "street.bare_before_place"))


class _Parts:
    """Non-overlapping parts kept sorted by start, so overlap checks are
    logarithmic on long pages."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._parts: list[Part] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._starts, e)
        # the part starting before e with the largest start; parts never
        # overlap each other, so only it (and its predecessor) can reach s
        for j in (i - 1, i - 2):
            if 0 <= j < len(self._parts) and self._parts[j].end > s and self._parts[j].start < e:
                return True
        return False

    def add(self, p: Part) -> None:
        if p.end > p.start and not self.overlaps(p.start, p.end):
            i = bisect.bisect_left(self._starts, p.start)
            self._starts.insert(i, p.start)
            self._parts.insert(i, p)

    def next_after(self, pos: int) -> Part | None:
        i = bisect.bisect_left(self._starts, pos)
        return self._parts[i] if i < len(self._parts) else None

    def last_before(self, pos: int) -> Part | None:
        i = bisect.bisect_left(self._starts, pos)
        return self._parts[i - 1] if i > 0 else None

    def between(self, s: int, e: int) -> list[Part]:
        i = bisect.bisect_left(self._starts, s)
        j = bisect.bisect_left(self._starts, e)
        return self._parts[i:j]

    def parts(self) -> list[Part]:
        return list(self._parts)


# crawler text with line breaks lost: a capital right after four small letters
# (`CentreTrubarjeva`) starts a new field (not `MacArthur`, `McDonald`)
_GLUED_START = re.compile(r"(?<=[a-zà-ÿ]{4})[A-ZÀ-ÖØ-Þ]")
_SEPARATOR_AFTER = re.compile(r"[ \t]*(?:$|[·•|,;]|[-–][ \t])")


def _after_street(text: str, found, cs: int, rest: str) -> bool:
    """`Mirpur Rd, Dhaka 1205 · Phone ...`: the city and code stand right after a
    street (`, ` between) and a separator or the line end follows the code."""
    p = found.last_before(cs)
    return (p is not None and p.kind == "street" and text[p.end:cs].strip(" \t") == ","
            and _SEPARATOR_AFTER.match(rest) is not None)


def _last_city_words(text: str, s: int, e: int) -> int:
    """A US/Canadian city is the capitalised words right before the comma;
    drop leading words that are suite or street words (`Suite 8000 Washington`)."""
    words = list(_NONSPACE_RUN.finditer(text[s:e]))
    for i, w in enumerate(words):
        if w.group(0).rstrip(".,") in CITY_STOP:
            if i + 1 < len(words):
                s2 = s + words[i + 1].start()
                return _last_city_words(text, s2, e)
    return s


_YEAR = re.compile(r"(?:1[6-9]|20)\d{2}")


def _followed_by_place(text: str, e: int, end: int) -> bool:
    m = re.compile(r"[ \t]*,?[ \t\n]*").match(text, e, end)
    p = m.end()
    return bool(_rx()["code_city"].match(text, p, end) or _rx()["pobox"].match(text, p, end))


def _street_alone(text: str, s: int, e: int, end: int) -> bool:
    """A street name without a number counts when it stands alone on its line
    or is followed by a comma and more address."""
    ls = max(text.rfind("\n", 0, s) + 1, s - 200)
    le = text.find("\n", e, e + 200)
    le = min(len(text), e + 200) if le < 0 else le
    before = text[ls:s].strip()
    after = text[e:le].strip()
    if before and not before.endswith(":"):
        return False
    if not after or after.startswith(","):
        return True
    rx = _rx()
    return bool(rx["pobox"].match(after) or rx["code_city"].match(after))


def _extend_street_list(text: str, e: int, end: int) -> int:
    """`Avenue du Niger, Rue Paul Valéry, Rue Omar Khayam`: a comma list
    of streets is one street."""
    rx = _rx()["word_first"]
    while True:
        m = _COMMA.match(text, e, end)
        if not m:
            return e
        n = rx.match(text, m.end(), end)
        if not n:
            return e
        e = n.end()
