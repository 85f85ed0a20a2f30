"""Phone numbers: find digit runs that look like phone numbers, expand the
slash shorthands, and normalise to E.164 with `phonenumbers`.

Pure functions; offsets are relative to the string passed in.

>>> [n.text for n in split_run("+41 22 730 8208/54/84")]
['+41 22 730 8208', '+41 22 730 8254', '+41 22 730 8284']
>>> normalise_phone("+375.1 728 82 74 2").value
'+375172882742'
>>> normalise_phone("(32-2) 743-0600").value
'+3227430600'
>>> normalise_phone("011 5 15 89 28", "ET").value
'+251115158928'
>>> normalise_phone("(04) 771358").value
'04771358'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat
from phonenumbers import re_util as _pn_re

# phonenumbers compiles its metadata patterns through re's bounded cache, which
# the pipeline's own patterns keep evicting; its pattern cache keeps them
if hasattr(_pn_re, "enable_pattern_cache"):
    _pn_re.enable_pattern_cache()

# A run of digits with the separators phone numbers use. No newlines, no
# commas or semicolons (those separate numbers); it starts with +, 00, a
# bracket or a digit and ends with a digit.
def _glued_labels() -> str:
    """Capitalised label words (contacts.toml `glued_labels`) that may follow a
    number with no space in crawler text (`430 12 88Fax: ...`)."""
    import tomllib
    from importlib import resources
    with resources.files("profile_extract.data").joinpath("contacts.toml").open("rb") as fh:
        words = tomllib.load(fh)["labels"].get("glued_labels", [])
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


_GLUED_LABELS = _glued_labels()
PHONE_RUN = re.compile(
    r"(?<![\w+/.\-\u2013])"
    r"(?:\+\s?|(?=00[1-9]))?"
    r"(?:[(\[]\s?\+?\d|\d)"
    r"(?:[\d \t\u00a0()\-\u2010\u2011\u2012\u2013\u2014\u2212/\[\]]|\.(?=\d)){3,60}"
    r"\d"
    rf"(?:(?![\w@])|(?=(?:{_GLUED_LABELS})(?![a-z])))"   # a label glued on: `88Fax:`
)
# An extension after a number is recognised and left out of the value.
EXTENSION = re.compile(r"\s*(?:ext\.?|extn\.?|x|доб\.?|Durchwahl|poste)\s*\d{1,5}\b", re.I)

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-", "\u00a0": " "})
_DIGIT = re.compile(r"\d")
_GAP = re.compile(r"[ \t\u00a0]{3,}")
_NEW_PLUS = re.compile(r"\s+(?=\+\d)")
_SLASH = re.compile(r"\s*/\s*")
_LEAD_GROUP = re.compile(r"^\s*[(\[]\s*\+?(\d{1,4})(?:\s*[-\s]\s*(\d{1,4}))?\s*[)\]]\s*")
_US_EXIT = re.compile(r"^011[-. ](\d{2,3})[-. ]")
_NANP_REST = re.compile(r"^\d{3}[-.\s]?\d{4}$")
_DATE = re.compile(r"^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$")
_YEAR_RANGE = re.compile(r"^(?:1[5-9]|20)\d{2}\s*[-/]\s*(?:(?:1[5-9]|20)?\d{2})$")
# (an amount never starts with a zero: `020 245 390` is a national number)
_THOUSANDS = re.compile(r"^(?!0)\d{1,3}(?:[ .]\d{3})+$")
# opening hours: a time range (`08.00-15.30`, `9:00 - 17:00`)
_TIME_RANGE = re.compile(r"^(?:[01]?\d|2[0-4])[.:h][0-5]\d\s*-\s*(?:[01]?\d|2[0-4])[.:h][0-5]\d$")
_DECIMAL = re.compile(r"^\d+\.\d+$")


@dataclass(frozen=True, slots=True)
class PhonePiece:
    """One number inside a run: where it is written (start, end relative to
    the run) and the number text it stands for (`text` differs from the
    written slice when a slash shorthand was expanded)."""
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PhoneValue:
    value: str            # E.164 when a country code is known, else the digits as written
    valid: bool
    international: bool   # the value carries a country code
    region: str | None = None


def digits(s: str) -> str:
    return "".join(_DIGIT.findall(s))


def _replace_tail(text: str, suffix: str) -> str:
    """`text` with its last len(suffix) digits replaced by `suffix`.

    >>> _replace_tail("+41 22 730 8208", "54")
    '+41 22 730 8254'
    """
    pos = [i for i, c in enumerate(text) if c.isdigit()]
    k = len(suffix)
    if k > len(pos):
        return suffix
    chars = list(text)
    for p, d in zip(pos[-k:], suffix):
        chars[p] = d
    return "".join(chars)


def split_run(run: str) -> list[PhonePiece]:
    """The numbers written in one run: pieces split at wide gaps and at a new
    `+`; slash rules: `8208/54/84` (fewer digits replace the last digits),
    `771358/758700` and `71-333-511/7110-3450` (a full local number shares
    the prefix), `034771/28076` (a short area code before a slash is joined).

    >>> [p.text for p in split_run("(04) 771358/758700")]
    ['(04) 771358', '(04) 758700']
    >>> [p.text for p in split_run("(216) 71-333-511/7110-3450")]
    ['(216) 71-333-511', '(216) 71-103-450']
    >>> [p.text for p in split_run("034771/28076")]
    ['03477128076']
    >>> [p.text for p in split_run("+256 414 345 678 / 0772 123 456")]
    ['+256 414 345 678', '+256 0772 123 456']
    """
    out: list[PhonePiece] = []
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _GAP.finditer(run):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(run)))
    split: list[tuple[int, int]] = []
    for a, b in pieces:
        sub = run[a:b]
        p = 0
        for m in _NEW_PLUS.finditer(sub):
            if m.start() > p:
                split.append((a + p, a + m.start()))
            p = m.end()
        split.append((a + p, b))
    for a, b in split:
        seg = run[a:b]
        parts = []
        p = 0
        for m in _SLASH.finditer(seg):
            parts.append((a + p, a + m.start()))
            p = m.end()
        parts.append((a + p, b))
        first_s, first_e = parts[0]
        first = run[first_s:first_e].strip()
        if not digits(first):
            continue
        if len(parts) == 1:
            out.append(PhonePiece(first_s, first_e, first))
            continue
        nd = len(digits(first))
        second = run[parts[1][0]:parts[1][1]]
        if nd < 7 and len(parts) == 2 and len(digits(second)) >= 4:
            # area code / subscriber: one number
            out.append(PhonePiece(first_s, parts[1][1], digits(first) + digits(second)))
            continue
        out.append(PhonePiece(first_s, first_e, first))
        for s, e in parts[1:]:
            suf = digits(run[s:e])
            if not suf:
                continue
            if len(suf) > nd:
                out.append(PhonePiece(s, e, run[s:e].strip()))
            elif _full_national(first, suf):
                # `+256 414 345 678 / 0772 123 456`: a whole national number
                # (trunk 0, as many digits) shares only the country code
                out.append(PhonePiece(s, e, f"+{_country_code(first)} {run[s:e].strip()}"))
            else:
                out.append(PhonePiece(s, e, _replace_tail(first, suf)))
    return out


def _country_code(text: str) -> str | None:
    """The country code a number writes (`+256 414 ...` -> '256'), else None."""
    intl = international_form(text)
    if intl is None:
        return None
    try:
        return str(phonenumbers.parse(intl, None).country_code)
    except NumberParseException:
        return None


def _full_national(first: str, suf: str) -> bool:
    """Whether `suf`, written after a slash, is a whole national number (a
    trunk 0 and about as many digits as the national part of `first`, which
    writes its country code), not a replacement of `first`'s last digits.

    >>> _full_national("+256 414 345 678", "0772123456"), _full_national("+41 22 730 8208", "54")
    (True, False)
    """
    if not suf.startswith("0") or len(suf) < 7:
        return False
    cc = _country_code(first)
    if cc is None:
        return False
    national = len(digits(first)) - len(cc)
    return abs((len(suf) - 1) - national) <= 2


# (also a country code with a bracketed area code: `+998 (71) 252-34-67, 252-34-68`)
_AREA = re.compile(r"^\s*((?:\+\d{1,3}[ \t]*)?\(0?\d{1,5}\)|0\d{1,4})(?=[\s\-./)])")


def share_area(prev: str, cur: str) -> str | None:
    """`01-5970115, 5970116`: a number after a comma with just the subscriber
    digits of the number before it (no code, no trunk 0) shares that number's
    area code (a trunk-prefixed or bracketed first group). None otherwise.

    >>> share_area("01-5970115", "5970116"), share_area("(04) 771358", "758700")
    ('01-5970116', '(04) 758700')
    >>> share_area("+41 22 730 8208", "730 8209") is None, share_area("020 555 0100", "020 555 0101") is None
    (True, True)
    >>> share_area("+7 (727) 250-11-22", "250-11-23")
    '+7 (727) 250-11-23'
    """
    m = _AREA.match(prev)
    c = cur.strip()
    if not m or c[:1] in "+(0[":
        return None
    area = m.group(1)
    sep = prev[m.end():m.end() + 1] if prev[m.end():m.end() + 1] in "-./" else " "
    if len(digits(c)) != len(digits(prev)) - len(digits(area)):
        return None
    return f"{area}{sep}{c}"


def not_a_phone(text: str) -> bool:
    """Shapes that are dates, years, amounts or decimals, not phone numbers.

    >>> [not_a_phone(s) for s in ("16/06/2010", "2015-2020", "1 500 000", "212-370-7885")]
    [True, True, True, False]
    """
    t = text.strip().translate(_DASHES)
    return bool(_DATE.match(t) or _YEAR_RANGE.match(t) or _THOUSANDS.match(t) or _DECIMAL.match(t)
                or _TIME_RANGE.match(t))


@lru_cache(maxsize=None)
def _is_country_code(cc: str) -> bool:
    return phonenumbers.region_code_for_country_code(int(cc)) != "ZZ"


def international_form(text: str, region: str | None = None) -> str | None:
    """The number rewritten with a leading `+` when it writes its country
    code: `+..`, `00..`, `(32-2) ...`, `[32] (2) ...`, `(216) 71-...`.
    None for a national number.

    >>> international_form("[32] (2) 733 96 00")
    '+32 (2) 733 96 00'
    >>> international_form("(202) 393-2904") is None
    True
    """
    t = text.strip().translate(_DASHES)
    if t.startswith("+"):
        return t
    if t.startswith("00") and not t.startswith("000"):
        return "+" + t[2:]
    m = _US_EXIT.match(t)
    if m and _is_country_code(m.group(1)) and len(digits(t)) - 3 >= 10:
        return "+" + t[m.start(1):]   # dialled from the US: 011-41-22-...
    m = _LEAD_GROUP.match(t)
    if not m:
        return None
    cc, area = m.group(1), m.group(2)
    rest = t[m.end():]
    if cc.startswith("0"):
        return None
    if t.startswith("[") and _is_country_code(cc):
        return f"+{cc} {area or ''} {rest}".replace("  ", " ")
    if area is not None:
        if _is_country_code(cc):
            return f"+{cc} {area} {rest}"
        return None
    if not _is_country_code(cc):
        return None
    nanp_shape = len(cc) == 3 and _NANP_REST.match(rest.strip())
    if nanp_shape:
        return None
    if region in ("US", "CA") and len(digits(t)) == 10:
        return None
    return f"+{cc} {rest}"


@lru_cache(maxsize=4096)   # pure; a site's pages repeat their numbers (PhoneValue is frozen)
def normalise_phone(text: str, region: str | None = None) -> PhoneValue:
    """E.164 when the text or `region` gives the country code (trunk 0 after
    the country code dropped, Italy's kept), else the digits as written.

    >>> normalise_phone("+49 (0) 69 \u2013 24 23 14 72").value
    '+496924231472'
    >>> normalise_phone("+39-06-57051").value
    '+390657051'
    >>> normalise_phone("(39-6) 522821").value
    '+396522821'
    """
    intl = international_form(text, region)
    if intl is not None:
        try:
            n = phonenumbers.parse(intl, None)
        except NumberParseException:
            return PhoneValue("+" + digits(intl), False, True)
        n = _without_dropped_prefix(n)
        value = phonenumbers.format_number(n, PhoneNumberFormat.E164)
        # (is_valid_number is is_valid_number_for_region of region_code_for_number,
        # which for a code shared by many regions, +1, +44, +7, tries each: asked once)
        region = phonenumbers.region_code_for_number(n)
        return PhoneValue(value, phonenumbers.is_valid_number_for_region(n, region), True, region)
    d = digits(text)
    if region:
        try:
            n = phonenumbers.parse(text.translate(_DASHES), region)
        except NumberParseException:
            return PhoneValue(d, False, False, region)
        valid = phonenumbers.is_valid_number(n)
        if not valid:
            # `01 800 123 4567`: a dialling prefix the country has abolished
            for p in _dropped_national().get(region, ()):
                if d.startswith(p):
                    try:
                        m = phonenumbers.parse(d[len(p):], region)
                    except NumberParseException:
                        continue
                    if phonenumbers.is_valid_number(m):
                        n, valid = m, True
                        break
        return PhoneValue(phonenumbers.format_number(n, PhoneNumberFormat.E164), valid, True, region)
    return PhoneValue(d, 6 <= len(d) <= 15, False)


@lru_cache(maxsize=None)
def _dropped_prefixes() -> dict[int, str]:
    """Country code -> a prefix that country has abolished after it (data)."""
    from .addresses import data
    return {int(cc): p for cc, p in data().get("phones", {}).get("dropped_prefixes", {}).items()}


@lru_cache(maxsize=None)
def _dropped_national() -> dict[str, tuple[str, ...]]:
    """Region -> dialling prefixes it abolished, as written nationally (data)."""
    from .addresses import data
    got = data().get("phones", {}).get("dropped_national_prefixes", {})
    return {r: tuple(sorted(ps, key=len, reverse=True)) for r, ps in got.items()}


def _without_dropped_prefix(n):
    """`+52 1 55 4122 9087`: Mexico's old mobile `1` after the country code,
    which phonenumbers now rejects, dropped when the rest is a valid number."""
    p = _dropped_prefixes().get(n.country_code)
    nat = str(n.national_number)
    if p is None or not nat.startswith(p) or phonenumbers.is_valid_number(n):
        return n
    m = phonenumbers.PhoneNumber(country_code=n.country_code, national_number=int(nat[len(p):]))
    return m if phonenumbers.is_valid_number(m) else n


_PLACE_SEP = re.compile(r"[/,]")


def _place_names(description: str) -> list[str]:
    return [p.strip().casefold() for p in _PLACE_SEP.split(description) if p.strip()]


def _names_place(description: str, city: str) -> bool:
    """Whether a geocoder description (`Mombasa/Mariakani/Kilifi`, `Frankfurt
    am Main`) names the city (`Mombasa`, `Frankfurt`)."""
    c = city.strip().casefold()
    return any(p == c or p.startswith(c + " ") for p in _place_names(description))


@lru_cache(maxsize=4096)
def region_of_place(number: str, city: str, default: str) -> str | None:
    """The country whose dialling area for this national number is the city
    written beside it, when that is not `default` (the page's country).

    phonenumbers' area-code gazetteer decides: a number written without its
    country code under a city, on a page about another country, is dialled in
    the city's country (`041 2314732` under `80100 Mombasa` is Kenyan, not
    German). None when the default country's area already names the city, or
    when no single other country's does.

    >>> region_of_place("041 2314732", "Mombasa", "DE")
    'KE'
    >>> region_of_place("069 94 94 37-0", "Frankfurt", "DE") is None
    True
    """
    from phonenumbers import geocoder
    t = number.translate(_DASHES)
    if international_form(t) is not None or not t.strip().startswith("0"):
        return None   # the number writes its code, or has no trunk prefix to place it
    try:
        n = phonenumbers.parse(t, default)
        if phonenumbers.is_valid_number(n) and _names_place(geocoder.description_for_number(n, "en"), city):
            return None
    except NumberParseException:
        pass
    hits = []
    verdicts: dict[tuple, bool] = {}
    for region in _regions_sorted():
        if region == default:
            continue
        try:
            n = phonenumbers.parse(t, region)
        except NumberParseException:
            continue
        key = _number_key(n) if PLACE_VERDICTS_SHARED else None
        ok = verdicts.get(key) if key is not None else None
        if ok is None:
            ok = phonenumbers.is_valid_number(n) and _names_place(geocoder.description_for_number(n, "en"), city)
            if key is not None:
                verdicts[key] = ok
        if ok:
            hits.append(region)
            if len(hits) > 1 and PLACE_VERDICTS_SHARED:
                return None   # (two countries name the city: no single one)
    return hits[0] if len(hits) == 1 else None


PLACE_VERDICTS_SHARED = True   # False: each region's number checked on its own (tests compare both)


@lru_cache(maxsize=1)
def _regions_sorted() -> tuple[str, ...]:
    return tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


def _number_key(n) -> tuple:
    """What PhoneNumber.__eq__ compares: regions that share a calling code
    (+1's 25, GB/GG, RU/KZ, ...) often parse a national number alike, and an
    equal number is as valid and has the same description (each check ~40 us
    per region in region_of_place)."""
    return (n.country_code, n.national_number, n.extension, bool(n.italian_leading_zero),
            n.number_of_leading_zeros, n.raw_input, n.country_code_source,
            n.preferred_domestic_carrier_code)
