"""The project's one pint registry (built once per process, read-only after).

Units travel in tables as strings the registry parses (`km**2`, `percent`,
`person`, `USD`); this module turns written spellings into those strings.

Written spellings come from data/unit_spellings.toml and are matched with one
precompiled regular expression (no pint on the hot path); pint is asked only
about a spelling the table lacks, and the answer is cached.

>>> unit_after("207,595 km sq", 7).unit
'km**2'
>>> unit_after("17.40 residents per km²", 5).unit
'person / km**2'
>>> unit_after("0.2 migrants/1,000 population", 3).unit
'permille'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from ..data import load_toml

__all__ = ["registry", "to_km", "unit_after", "UnitMatch", "lookup_unit", "format_unit",
           "spelling_table", "label_rate", "unit_before", "before_words"]


@lru_cache(maxsize=1)
def registry():
    """pint's default registry plus data/units.txt (people, rates) and one unit
    per ISO 4217 currency code (each its own dimension: no exchange rates)."""
    import pint  # only a unit the spelling table lacks needs pint: most runs never import it
    ureg = pint.UnitRegistry(cache_folder=None)
    text = resources.files("profile_extract.data").joinpath("units.txt").read_text("utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            ureg.define(line)
        except Exception as exc:  # name the file and line, as pint's own loader does
            raise ValueError(f"data/units.txt:{lineno}: {exc}") from exc
    from .codes import currency_table
    for code in sorted(currency_table()):
        if code in ureg:
            continue
        try:
            ureg.define(f"{code} = [currency_{code}]")
        except Exception:       # a code that clashes with a pint name stays out
            pass
    return ureg


def to_km(value: float, unit: str) -> float:
    """Convert a length to kilometres through the registry.

    >>> round(to_km(60, "mile"), 3)
    96.561
    """
    ureg = registry()
    return float(ureg.Quantity(value, unit).to("km").magnitude)


# --- canonical unit strings -------------------------------------------------

_SHORT = {"percent": "percent", "permille": "permille", "year": "year", "month": "month",
          "day": "day", "hour": "hour", "person": "person", "degree_Celsius": "degC",
          "degree_Fahrenheit": "degF", "square_mile": "mi**2", "square_foot": "ft**2",
          "metric_ton": "t", "liter": "l", "acre": "acre"}


def format_unit(unit) -> str:
    """A pint Unit as the compact string the tables carry (`person / km**2`)."""
    ureg = registry()
    num, den = [], []
    for name, exp in unit._units.items():
        sym = _SHORT.get(name) or (name if name.isupper() else ureg.get_symbol(name))
        e = abs(exp)
        part = sym if e == 1 else f"{sym}**{e:g}"
        (num if exp > 0 else den).append(part)
    s = " * ".join(num) or "1"
    if den:
        s += " / " + (den[0] if len(den) == 1 else "(" + " * ".join(den) + ")")
    return s


@lru_cache(maxsize=4096)
def lookup_unit(written: str) -> str | None:
    """The table string of a unit spelling pint knows (cached), else None.

    >>> lookup_unit("kWh"), lookup_unit("kilometres"), lookup_unit("zorks")
    ('kWh', 'km', None)
    """
    s = written.strip()
    if not s or len(s) > 40:
        return None
    try:
        u = registry().parse_units(s.replace(" ", "_") if " " not in s.strip() else s)
    except Exception:
        return None
    if not u._units:
        return None
    return format_unit(u)


# --- written spellings --------------------------------------------------------

def _load_spellings() -> dict:
    return load_toml("unit_spellings.toml")


def _pattern(p: str) -> str:
    # one-letter spellings (`m`, `t`) are case-sensitive: `1.03 M / F` is no metre
    return f"(?-i:{p})" if re.fullmatch(r"[A-Za-z]", p) else f"(?:{p})"


_DATA = _load_spellings()


def spelling_table() -> dict[str, dict[str, list[str]]]:
    """The spelling tables as loaded (for tests and docs)."""
    return _DATA


def _compile(table: dict[str, list[str]], where: str) -> tuple[str, list[tuple[re.Pattern, str]]]:
    rows = []
    for unit, pats in table.items():
        for p in pats:
            try:
                rows.append((re.compile(_pattern(p) + r"\Z", re.IGNORECASE), unit, p))
            except re.error as exc:
                raise ValueError(f"data/unit_spellings.toml: [{where}] {unit!r}: bad spelling {p!r}: {exc}")
    alt = "|".join(_pattern(p) for _, _, p in sorted(rows, key=lambda r: -len(r[2])))
    return alt, [(rx, unit) for rx, unit, _ in rows]


_UNITS_ALT, _UNITS_ROWS = _compile(_DATA.get("units", {}), "units")
_AREA_ALT, _AREA_ROWS = _compile(_DATA.get("area", {}), "area")
_RATE_ALT, _RATE_ROWS = _compile(_DATA.get("rates", {}), "rates")
_PEOPLE_ALT = "|".join(f"(?:{p})" for p in _DATA.get("people", {}).get("words", []))
_END = r"(?![\w²³])"
# `per` in any language (`69 kwa km²`, `45 hab. por km²`): data [per]; the English `per` and `/` always
_PER = r"(?:per|" + "".join(f"(?:{p})(?!\\w)|" for p in _DATA.get("per", {}).get("words", [])) + r"/)"
# (a look-ahead at the first characters _PER can start with: the rate and density branches try their
# alternations only where one of them follows (within 30 characters for a density's people word))
_PER_FIRST = "".join(sorted({w[:1].lower() for w in _DATA.get("per", {}).get("words", []) if w} | {"p"}))
_PER_AHEAD = "(?=[" + re.escape(_PER_FIRST) + "/])"

_UNIT_RE = re.compile(
    r"[ \t\u00a0]?(?:"
    # rates: `births per 1,000 residents`, `migrants/1,000 population`, `per 1000`
    r"(?P<rate>(?:[A-Za-z]+\s?)?" + _PER_AHEAD + _PER + r"\s?(?P<base>" + _RATE_ALT + r")(?![,.]?\d)" + _END
    + r"(?:\s(?:live\s)?(?:" + _PEOPLE_ALT + r"|births|males|females|women|men)" + _END + r")?)"
    # densities: `residents per km²`, `per sq. kms.`, `/km2`
    r"|(?P<density>(?=.{0,30}?[" + re.escape(_PER_FIRST) + r"/])(?:(?P<people>" + _PEOPLE_ALT + r")\s?)?"
    + _PER_AHEAD + _PER + r"\s?(?P<darea>" + _AREA_ALT + r")"
    + r"(?:(?<=\.)|" + _END + r"))"
    r"|(?P<area>" + _AREA_ALT + r")(?:(?<=\.)|" + _END + r")"
    r"|(?P<plain>" + _UNITS_ALT + r")(?:(?<=\.)|(?<=%)|(?<=‰)|" + _END + r")"
    r")", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class UnitMatch:
    unit: str           # pint string for the tables
    start: int
    end: int
    density: bool = False   # `per <area>`: a population density unless the label says otherwise


@lru_cache(maxsize=2048)
def _resolve(rows_name: str, written: str) -> str | None:
    rows = {"units": _UNITS_ROWS, "area": _AREA_ROWS, "rates": _RATE_ROWS}[rows_name]
    for rx, unit in rows:
        if rx.match(written):
            return unit
    return None


def unit_after(text: str, pos: int) -> UnitMatch | None:
    """The unit written at text[pos:] (after an optional space), or None.

    >>> unit_after("56 in (142 cm)", 2).unit, unit_after("3932 Sq. KMs.", 4).unit
    ('in', 'km**2')
    >>> unit_after("667 per sq. kms.", 3).unit, unit_after("20.5/km2 (53.1/sq mi)", 4).unit
    ('person / km**2', 'person / km**2')
    >>> unit_after("85.5 %", 4).unit, unit_after("17.50 births per 1,000 inhabitants", 5).unit
    ('percent', 'permille')
    >>> unit_after("1.03 M / F", 4) is None, unit_after("12 in 2015", 2) is None
    (True, True)
    >>> unit_after("2 deaths/100,000 live births", 1) is None
    True
    """
    if not _TAIL_ONLY:
        return _unit_at(text, pos)
    hit = _unit_of_tail(text[pos:])
    if hit is None:
        return None
    unit, start, end, density = hit
    return UnitMatch(unit, pos + start, pos + end, density)


@lru_cache(maxsize=4096)
def _unit_of_tail(tail: str) -> tuple[str, int, int, bool] | None:
    """unit_after(tail, 0) as (unit, start, end, density), cached: values end in the
    same few tails (` million`, `%`, ` km sq`, ` migrants/1,000 population`)."""
    m = _unit_at(tail, 0)
    return None if m is None else (m.unit, m.start, m.end, m.density)


def _unit_at(text: str, pos: int) -> UnitMatch | None:
    m = _UNIT_RE.match(text, pos)
    if not m:
        return None
    if m.group("rate"):
        if _RATIO_BASE.match(text, m.end("base")) and _RATIO_HEAD.match(m.group("rate")):
            return None                   # `males per 100 females`: a ratio, no rate (`births per 1,000 women` is one)
        unit = _resolve("rates", m.group("base"))
        return UnitMatch(unit, m.start("rate"), m.end("rate")) if unit else None
    if m.group("density"):
        area = _resolve("area", m.group("darea"))
        if area is None:
            return None
        return UnitMatch(f"person / {area}", m.start("density"), m.end("density"), density=True)
    if m.group("area"):
        unit = _resolve("area", m.group("area"))
        return UnitMatch(unit, m.start("area"), m.end("area")) if unit else None
    unit = _resolve("units", m.group("plain"))
    return UnitMatch(unit, m.start("plain"), m.end("plain")) if unit else None


def _reads_tail_only() -> bool:
    r"""Does _UNIT_RE.match(text, pos) read only text[pos:]? Its own look-behinds
    (`(?<=\.)`) follow a spelling, so they do while no spelling looks behind, tests a
    word edge (`(?<`, `\b`, `\B`, `^`, `\A`) or can match nothing; else the tail cache stays off."""
    alts = (_UNITS_ALT, _AREA_ALT, _RATE_ALT, _PEOPLE_ALT)
    if any(re.search(r"\(\?<[=!]|\\[bBA]|(?<!\[)(?<!\\)\^", a) for a in alts):
        return False
    return not any(re.match(f"(?:{a})\\Z", "", re.IGNORECASE) for a in alts if a)


_TAIL_ONLY = _reads_tail_only()


# a rate written in a label (`Live births per 1,000 population`, `Deaths (‰)`, `Doctors per 1000`):
# the label's unit applies to a bare number in the value
_LABEL_RATE_RE = re.compile(r"(?:\b" + _PER + r")\s?(?P<base>" + _RATE_ALT + r")(?![,.\s]?\d)(?!\s+(?:thousand|million|lakh))"
                            + _END + r"|(?P<sign>‰)",
                            re.IGNORECASE)


# the words after a rate's base that make it a ratio between the sexes (data [ratio_bases])
_RATIO_WORDS = "|".join(_DATA.get("ratio_bases", {}).get("words", []) or ["(?!x)x"])
_RATIO_BASE = re.compile(r"\s+(?:" + _RATIO_WORDS + r")(?!\w)", re.IGNORECASE)
_RATIO_HEAD = re.compile(r"\s*(?:" + _RATIO_WORDS + r")\s", re.IGNORECASE)          # `males per …`
_RATIO_BEFORE = re.compile(r"(?<!\w)(?:" + _RATIO_WORDS + r")\s+\Z", re.IGNORECASE)  # `Women ` before `per`


@lru_cache(maxsize=4096)
def label_rate(label: str) -> str | None:
    """The rate unit a label states (`per 1,000` -> permille, `per 100` -> percent), else None.

    >>> label_rate("Live births per 1,000 population"), label_rate("Deaths per 1000"), label_rate("Births (‰)")
    ('permille', 'permille', 'permille')
    >>> label_rate("Maternal deaths per 100,000 live births") is None, label_rate("Population") is None
    (True, True)
    >>> label_rate("Beds per 100 thousand people") is None, label_rate("Nurses per 10,000") is None
    (True, True)
    """
    m = _LABEL_RATE_RE.search(label)
    if m is None:
        return None
    if m.group("sign"):
        return "permille"
    if _RATIO_BASE.match(label, m.end("base")) and (_RATIO_BEFORE.search(label, 0, m.start())
                                                   or "ratio" in label.lower()):
        return None                       # `Women per 1,000 men`: a ratio between the sexes
    return _resolve("rates", m.group("base"))


# units a language writes before the number (data [before]: Swahili `miaka 66.2` years)
_BEFORE = {w.casefold(): unit for unit, words in _DATA.get("before", {}).items() for w in words}


def unit_before(word: str) -> str | None:
    """The unit of a word written before a number (`miaka` -> 'year'), else None.

    >>> unit_before("miaka"), unit_before("Asilimia"), unit_before("about")
    ('year', 'percent', None)
    """
    return _BEFORE.get(word.casefold())


def before_words() -> tuple[str, ...]:
    """The words unit_before knows (for patterns built elsewhere)."""
    return tuple(_BEFORE)
