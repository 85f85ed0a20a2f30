"""Numbers as pages write them: thousands separators of any style, decimal
commas, Indian grouping, scale words. Pure functions, no I/O after import.

>>> parse_number("9.5 million")
9500000.0
>>> parse_number("19,95,81,477")
199581477.0
>>> parse_number("1 234,5")
1234.5
>>> [n.text for n in find_numbers("USD 1,258 million (2014)")]
['1,258 million', '2014']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from ..data import load_toml

__all__ = ["Number", "find_numbers", "first_number", "parse_number", "to_float", "scale_of",
           "SCALE_WORDS", "BEFORE_SCALE_WORDS"]


def _load_scales() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    data = load_toml("scale_words.toml")
    return ({k.lower(): float(v) for k, v in data.get("scale", {}).items()},
            {k.lower(): float(v) for k, v in data.get("money_only", {}).items()},
            {k.lower(): float(v) for k, v in data.get("before", {}).items()})


# BEFORE_SCALE_WORDS: scale words written before the number (Swahili `trilioni 170.3`); find_numbers
# does not read them (the facts stage does, between a label and its value's number)
SCALE_WORDS, MONEY_SCALE_WORDS, BEFORE_SCALE_WORDS = _load_scales()


def _alternation(words) -> str:
    """The words as one alternation: longest first; a space inside a multi-word scale (`lakh
    crore`) matches any whitespace. Grouped by first letter (`m(?:illions|illion|…)|b(?:…)`): the
    same matches (words of two groups cannot both match at one place), and re tries a group per
    letter instead of every word (a case-insensitive literal gets no first-character shortcut)."""
    def esc(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"\s+")
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[:1].lower(), []).append(w[1:])
    return "|".join(esc(first) + "(?:" + "|".join(esc(rest) for rest in tails) + ")" for first, tails in groups.items())


# Thousands separators: comma, dot, space, no-break space, thin spaces, apostrophes.
_SEP = ",.\u00a0\u2009\u202f '\u2019"
_NUM = (
    r"(?=[-\u2212\u2012\u2013\d])"              # (a cheap first test at each position: a sign or digit)
    r"(?<![\w.,\u2019'])"                     # not inside a word or another number
    # a sign: hyphen, minus sign, or a figure/en dash right before the digit that is no range dash
    r"(?P<sign>(?<!\w)(?:[-\u2212]|(?<![\w%)\]])(?<![\w%)\]]\s)[\u2012\u2013](?=\d)))?"
    r"(?P<int>"
    r"\d{1,2}(?:,\d{2})+,\d{3}"               # Indian grouping 19,95,81,477
    r"|\d{1,3}(?P<sep>[" + _SEP + r"])\d{3}(?:(?P=sep)\d{3})*"   # one separator style throughout
    r"|\d+"
    r")"
    r"(?P<dec>[.,]\d+(?![\d]))?"
    r"(?![\d])"
    # (a first test: the character that starts every scale word, so that a number followed
    # by anything else does not try each word in turn)
    r"(?:(?=\s?[" + "".join(sorted({re.escape(w[0].lower()) for w in SCALE_WORDS})) + r"])"
    r"(?P<sp>\s?)(?P<scale>" + _alternation(SCALE_WORDS) + r")\b\.?)?"
)
_NUM_RE = re.compile(_NUM, re.IGNORECASE)
_MONEY_SCALE_RE = re.compile(r"\s?(" + _alternation(MONEY_SCALE_WORDS) + r")\b", re.IGNORECASE)
_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}$")


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in a string: its value (scale applied), where it is and
    how it was written."""
    value: float
    start: int
    end: int
    text: str
    scale: float = 1.0
    grouped: bool = False      # written with a thousands separator
    decimal: bool = False      # written with a decimal part

    @property
    def year_like(self) -> bool:
        """A bare integer that could be a year (1000-2100, no separators).

        >>> first_number("in 2014").year_like, first_number("2,014").year_like
        (True, False)
        """
        return (self.scale == 1.0 and not self.grouped and not self.decimal
                and 1000 <= self.value <= 2100 and self.value == int(self.value))


def to_float(int_part: str, dec_part: str | None = None, sep: str | None = None,
             decimal_comma: bool = False) -> float:
    """The value of an integer part (with its separators) and a decimal part.

    A single dot or comma followed by exactly three digits is a thousands
    separator for commas (`1,258`) and a decimal point for dots (`14.110`),
    the English reading; several of them are always thousands separators.
    On a page whose decimal separator is a comma (`decimal_comma`), a single
    dot before three digits is a thousands separator (`150.000` Einwohner)
    and a single comma a decimal comma (`1,250 млрд`, `1,250 Mio.`).

    >>> to_float("1,258"), to_float("1.258"), to_float("1.234.567"), to_float("0,2")
    (1258.0, 1.258, 1234567.0, 0.2)
    >>> to_float("1.234", ",5", "."), to_float("12", ",50")
    (1234.5, 12.5)
    >>> to_float("150.000", decimal_comma=True), to_float("1,250", decimal_comma=True)
    (150000.0, 1.25)
    """
    if "," in int_part and _INDIAN.match(int_part):
        return float(int_part.replace(",", "") + (dec_part or "").replace(",", "."))
    if sep is None:
        for ch in int_part:
            if not ch.isdigit():
                sep = ch
                break
    if sep is not None:
        groups = int_part.split(sep)
        if sep == "." and len(groups) == 2 and not dec_part and not decimal_comma:
            return float(int_part)                       # 14.110: English decimal point
        if sep == "," and len(groups) == 2 and not dec_part and decimal_comma:
            return float(groups[0] + "." + groups[1])    # 1,250 on a decimal-comma page: 1.25
        if sep == "," and len(groups) == 2 and groups[0] == "0" and not dec_part:
            return float("0." + groups[1])
        digits = "".join(groups)
    else:
        digits = int_part
    if dec_part:
        return float(digits + "." + dec_part[1:])
    return float(digits)


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word, or None.

    >>> scale_of("Crore"), scale_of("bn"), scale_of("m"), scale_of("apples")
    (10000000.0, 1000000000.0, 1000000.0, None)
    """
    w = word.lower().rstrip(".")
    return SCALE_WORDS.get(w) or MONEY_SCALE_WORDS.get(w)


def find_numbers(text: str, money: bool = False, decimal_comma: bool = False) -> list[Number]:
    """Every number in text, left to right, with scale words applied.
    `money=True` also reads the short money scales (`$4.9m`, `3bn`, `5k`);
    `decimal_comma=True` reads `150.000` as 150000 (see `to_float`).

    >>> [(n.value, n.text) for n in find_numbers("$4.9m", money=True)]
    [(4900000.0, '4.9m')]
    >>> [(n.value, n.text) for n in find_numbers("255 m (838 ft)")]
    [(255.0, '255'), (838.0, '838')]
    >>> [n.value for n in find_numbers("6 lakh villages, 2.5 crore")]
    [600000.0, 25000000.0]
    >>> [n.value for n in find_numbers("1'234'567 and 1\u2009234 and -3.5")]
    [1234567.0, 1234.0, -3.5]
    """
    out = []
    for m in _NUM_RE.finditer(text):
        sign, int_part, sep, dec, scale_word = m.group(1, 2, 3, 4, 6)   # sign, int, sep, dec, scale
        try:
            if sep is None and "," not in int_part:
                # plain digits (`\d+`, not an Indian grouping): what to_float gives
                # for them, without its separator analysis
                value = float(int_part + "." + dec[1:]) if dec else float(int_part)
            else:
                value = to_float(int_part, dec, sep, decimal_comma)
        except ValueError:
            continue
        if sign:
            value = -value
        num_end = m.end(4) if dec else m.end(2)
        scale = 1.0
        if scale_word:
            scale = SCALE_WORDS[" ".join(scale_word.lower().split())]
            end = m.end()
        else:
            end = num_end
            if money:
                ms = _MONEY_SCALE_RE.match(text, num_end)
                if ms and ms.start(1) - num_end <= 1:
                    # `4.9m` glued, or `4.9 m` followed by a non-letter
                    scale = MONEY_SCALE_WORDS[ms.group(1).lower()]
                    if scale != 1.0:
                        end = ms.end()
        value *= scale
        start = m.start(1) if sign else m.start(2)
        out.append(Number(value, start, end, text[start:end], scale,
                          sep is not None or ("," in int_part and _INDIAN.match(int_part) is not None),
                          bool(dec) or (sep == "." and int_part.count(".") == 1 and not decimal_comma)))
    return out


def first_number(text: str, money: bool = False) -> Number | None:
    """The first number in text, or None.

    >>> first_number("HDI Rank: 50 of 188").value
    50.0
    >>> first_number("n.a.") is None
    True
    """
    for n in find_numbers(text, money):
        return n
    return None


_WHOLE = re.compile(r"\s*[~≈]?\s*(.*?)\s*\Z", re.S)


def parse_number(text: str, money: bool = False) -> float | None:
    """The value of a string that is one number (scale word allowed), else None.

    >>> parse_number("1,258 million"), parse_number("12,400"), parse_number("0.50")
    (1258000000.0, 12400.0, 0.5)
    >>> parse_number("3 apples") is None, parse_number("") is None
    (True, True)
    """
    s = _WHOLE.match(text).group(1)
    if not s:
        return None
    ns = find_numbers(s, money)
    if len(ns) != 1 or ns[0].start != 0 or ns[0].end != len(s.rstrip(".")):
        return None
    return ns[0].value
