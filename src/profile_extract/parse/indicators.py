"""The indicator table (data/indicators.toml plus users' extra TOML files) and
the label vocabulary (data/fact_labels.toml).

>>> t = load_indicators()
>>> t.lookup("GDP per Capita PPP (2014)").key
'gdp_per_capita_ppp'
>>> t.lookup("No. of Villages").key, t.lookup("Zorks per bushel") is None
('villages', True)
"""
from __future__ import annotations

import re
import tomllib
from re import _constants as _C, _parser
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from ..data import DataFileError, load_toml

__all__ = ["Indicator", "IndicatorTable", "load_indicators", "norm_label", "slug", "DIMENSIONS",
           "label_words", "IndicatorError", "required_words", "may_match"]

DIMENSIONS = ("person", "density", "percent", "permille", "money", "area", "length", "temperature",
              "duration", "count", "index", "ratio", "rank", "date", "text", "identifier")


class IndicatorError(ValueError):
    """A bad indicator file: the message names the file and the line or key."""


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    dimension: str
    aliases: tuple[str, ...]
    example: str
    source: str = "data/indicators.toml"


_ANY_BRACKET = re.compile(r"\([^)]*\)")
_BRACKET_DIGIT = re.compile(r"\([^)]*\d[^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^\w%]+|_")


@lru_cache(maxsize=16384)
def norm_label(label: str) -> str:
    """A label as the alias lookup sees it.

    >>> norm_label("GDP per Capita PPP (2014):"), norm_label("No. of Sub-division")
    ('gdp per capita ppp', 'no of sub division')
    >>> norm_label("Water (%)"), norm_label("Admin. staff[2]")
    ('water %', 'admin staff')
    """
    s = _BRACKET_DIGIT.sub(" ", label.casefold())
    s = _NON_WORD.sub(" ", s)
    return " ".join(s.split())


def slug(label: str) -> str:
    """snake_case key for a label the table lacks.

    >>> slug("Персоналий"), slug("No. of Tahasils"), slug("100% Literacy District")
    ('персоналий', 'no_of_tahasils', '100_literacy_district')
    """
    s = norm_label(label).replace("%", " ")
    return "_".join(s.split()) or "label"


_MEMO_MAX = 16384


@dataclass
class IndicatorTable:
    rows: dict[str, Indicator] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)
    # answers derived from the table: lookup() by label as written (the facts stage asks about
    # every short line), cached() by tuple keys; emptied when a merge changes the table or
    # when it grows past _MEMO_MAX
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def cached(self, key: tuple, compute):
        """compute(), remembered under key (a tuple) until the table changes: for
        answers a caller derives from the table (the facts stage's label plans)."""
        memo = self._memo
        try:
            return memo[key]
        except KeyError:
            pass
        value = compute()
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[key] = value
        return value

    def lookup(self, label: str) -> Indicator | None:
        """The indicator of a label (as written), or None. A bracket that only
        states a unit (`Literacy Rate (%)`, `Density (per sq. km)`) is looked
        past when the whole label is not an alias."""
        memo = self._memo
        try:
            return memo[label]
        except KeyError:
            pass
        key = self.by_alias.get(norm_label(label))
        if key is None and "(" in label:
            key = self.by_alias.get(norm_label(_ANY_BRACKET.sub(" ", label)))
        ind = self.rows[key] if key else None
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[label] = ind
        return ind

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows.values())


def _line_of(text: str, key: str) -> int:
    m = re.search(r"^[ \t]*\[[ \t]*" + re.escape(key) + r"[ \t]*\]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def _merge(table: IndicatorTable, text: str, source: str) -> None:
    table._memo.clear()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:      # the message carries line and column
        raise IndicatorError(f"{source}: {exc}") from None
    for key, row in data.items():
        where = f"{source}:{_line_of(text, key)}: [{key}]"
        if not isinstance(row, dict):
            raise IndicatorError(f"{where}: expected a table with aliases, dimension, example")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise IndicatorError(f"{where}: key must be snake_case (a-z, 0-9, _)")
        unknown = set(row) - {"aliases", "dimension", "example"}
        if unknown:
            raise IndicatorError(f"{where}: unknown field(s) {sorted(unknown)}")
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise IndicatorError(f"{where}: aliases must be a list of non-empty strings")
        old = table.rows.get(key)
        dimension = row.get("dimension", old.dimension if old else None)
        if dimension not in DIMENSIONS:
            raise IndicatorError(f"{where}: dimension {dimension!r} is not one of {', '.join(DIMENSIONS)}")
        example = row.get("example", old.example if old else None)
        if not isinstance(example, str) or not example.strip():
            raise IndicatorError(f"{where}: every row needs an example line")
        merged = tuple(dict.fromkeys((old.aliases if old else ()) + tuple(aliases)))
        for a in merged:
            n = norm_label(a)
            if not n:
                raise IndicatorError(f"{where}: alias {a!r} is empty after normalising")
            owner = table.by_alias.get(n)
            if owner is not None and owner != key:
                raise IndicatorError(f"{where}: alias {a!r} already belongs to [{owner}] "
                                     f"({table.rows[owner].source})")
            table.by_alias[n] = key
        table.rows[key] = Indicator(key, dimension, merged, example, source)


def load_indicators(extra_files=()) -> IndicatorTable:
    """The packaged indicator table merged with users' TOML files (paths, in
    order; any iterable). A bad file raises IndicatorError naming the file and
    the line or key. Cached per list of files: call it once at start-up to
    report a bad `--aliases` file before any page is read."""
    if isinstance(extra_files, (str, Path)):
        extra_files = (extra_files,)
    return _load_indicators(tuple(str(f) for f in extra_files or ()))


@lru_cache(maxsize=16)
def _load_indicators(extra_files: tuple[str, ...]) -> IndicatorTable:
    table = IndicatorTable()
    text = resources.files("profile_extract.data").joinpath("indicators.toml").read_text("utf-8")
    _merge(table, text, "data/indicators.toml")
    for f in extra_files:
        p = Path(f)
        try:
            extra = p.read_text("utf-8")
        except OSError as exc:
            raise IndicatorError(f"{f}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise IndicatorError(f"{f}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        _merge(table, extra, str(f))
    return table


# --- label vocabulary -----------------------------------------------------------

@dataclass(frozen=True)
class LabelWords:
    skip: re.Pattern
    enumerated: re.Pattern
    as_of: re.Pattern
    sublabel: re.Pattern
    breakdown: re.Pattern
    counter: re.Pattern
    counter_total: re.Pattern
    junk_value: re.Pattern
    header_label: re.Pattern
    address: re.Pattern
    header_value: re.Pattern
    heading_value: re.Pattern
    decimal_comma: re.Pattern
    nav: re.Pattern
    dimension_words: tuple[tuple[str, re.Pattern], ...]
    contact_meta: re.Pattern = re.compile(r"(?!x)x")    # contact-block metadata rows (hours, district)
    # heading_value's alternatives that can take a digit: the same answer for a text with a digit,
    # a few alternatives tried instead of seventy (facts asks it of every row's value)
    heading_value_digit: re.Pattern = re.compile(r"(?!x)x")
    # words between a rank and the number ranked (`50 of 188`, `88 de 191`): [numbers] rank_of
    rank_of: tuple[str, ...] = ("of", "out of")
    # words naming a phone line or address anywhere in a label (`Toll-free helpline (…)`): [skip] contact_words
    contact_words: re.Pattern = re.compile(r"(?!x)x")
    # words before a year that ends a label after which the year dates no value (`since 1994`)
    label_year_not_after: frozenset[str] = frozenset()
    # the head of a table's unit column (`Indicator | Unit | 2019 | 2020`): [skip] unit_column_headers
    unit_column: re.Pattern = re.compile(r"(?!x)x")
    # a page number ending a line of a paginated document (`Page 2 of 6`): [running_heads]
    page_marker: re.Pattern = re.compile(r"(?!x)x")

    def dimension_of(self, label: str) -> str | None:
        """The dimension a label's words suggest, or None.

        >>> label_words().dimension_of("Average Density of Inhabitants")
        'density'
        >>> label_words().dimension_of("Stateless persons"), label_words().dimension_of("Motto")
        ('person', None)
        """
        for dim, rx in self.dimension_words:
            if rx.search(label):
                return dim
        return None


@lru_cache(maxsize=None)
def _ascii_equivalent(ch: str) -> str | None:
    """The ASCII character re.IGNORECASE matches with ch (itself when ASCII; `s` for
    `ſ`), `""` when there is none (`é`, `д`), or None when there are several."""
    if ch.isascii():
        return ch.lower()
    eq = sorted({a.lower() for a in re.findall(re.escape(ch), _ALL_ASCII, re.IGNORECASE)})
    return eq[0] if len(eq) == 1 else ("" if not eq else None)


_ALL_ASCII = "".join(map(chr, range(128)))


def _required(items) -> frozenset[str] | None:
    """Lower-case ASCII strings (3+ characters) one of which every ASCII text a parsed
    pattern sequence matches contains; the empty set when it matches no ASCII text (a
    letter like `é` or `д` must be there); None when no such set can be read off it."""
    best: frozenset[str] | None = None

    def offer(cand: frozenset[str] | None) -> None:
        nonlocal best
        if cand is None or (cand and min(map(len, cand)) < 3):
            return
        if best is None or not cand or (best and min(map(len, cand)) > min(map(len, best))):
            best = cand

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _C.LITERAL:
            eq = _ascii_equivalent(chr(av))
            if eq == "":
                offer(frozenset())           # a letter no ASCII text has
            elif eq is not None:
                run.append(eq)
                continue
        if run:
            offer(frozenset(("".join(run),)))
            run = []
        if op is _C.SUBPATTERN:
            offer(_required(av[-1]))
        elif op is _C.BRANCH:
            alts = [_required(a) for a in av[1]]
            offer(None if any(a is None for a in alts) else frozenset().union(*alts))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            offer(_required(av[2]))
    return best


@lru_cache(maxsize=64)
def required_words(rx: re.Pattern) -> tuple[str, ...] | None:
    """Words one of which every ASCII text rx matches contains (lower-case ASCII),
    fewest first (a word inside another is enough); () when rx matches no ASCII
    text; None when the pattern does not tell. See `may_match`.

    >>> required_words(re.compile(r"(?:key facts|.{0,9}\\b(?:figures|data)\\b|überblick)\\Z", re.I))
    ('data', 'figures', 'key facts')
    >>> required_words(re.compile(r"(?:справка|résumé)\\Z", re.I)), required_words(re.compile(r"\\d+x"))
    ((), None)
    """
    try:
        words = _required(_parser.parse(rx.pattern, rx.flags))
    except Exception:        # a construct this reader does not know: no shortcut
        return None
    if words is None:
        return None
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


def may_match(rx: re.Pattern, text: str) -> bool:
    """False only when rx cannot match text: an ASCII text (so re.IGNORECASE is
    plain lower-casing) that holds none of the pattern's required words."""
    if not text.isascii():
        return True
    hit = _REQUIRED_BY_ID.get(id(rx))
    if hit is None or hit[0] is not rx:
        # (an lru_cache would hash the pattern, which costs a walk over its compiled code
        # on every call: a microsecond for a vocabulary, more than the search it guards)
        if len(_REQUIRED_BY_ID) >= 64:
            _REQUIRED_BY_ID.clear()
        hit = _REQUIRED_BY_ID[id(rx)] = (rx, _required_rx(rx))
    words = hit[1]
    return words is None or words.search(text.lower()) is not None


_REQUIRED_BY_ID: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}    # id(rx) -> (rx, _required_rx(rx))


@lru_cache(maxsize=64)
def _required_rx(rx: re.Pattern) -> re.Pattern | None:
    """required_words(rx) as one pattern (a search in C instead of a loop of `in`)."""
    words = required_words(rx)
    return None if words is None else re.compile("|".join(map(re.escape, words)) or r"(?!x)x")

def _whole(pats, where) -> re.Pattern:
    try:
        return re.compile(r"(?:" + "|".join(f"(?:{p})" for p in pats) + r")\Z", re.IGNORECASE)
    except re.error as exc:
        raise IndicatorError(f"data/fact_labels.toml: [{where}]: bad pattern: {exc}") from None


# categories (re._parser) no digit belongs to
_NO_DIGIT_CATEGORIES = frozenset((_C.CATEGORY_SPACE, _C.CATEGORY_NOT_DIGIT, _C.CATEGORY_NOT_WORD,
                                  _C.CATEGORY_LINEBREAK))
_DIGIT = re.compile(r"\d")


def _takes_digit(items) -> bool:
    """Can a parsed pattern sequence (re._parser) consume a digit (re's `\\d`)? True when
    unsure (a negated class, a back-reference, a construct not read here).

    >>> _takes_digit(_parser.parse("profile|[a-z]+ sheet")), _takes_digit(_parser.parse(r"[\\w-]+\\s+x"))
    (False, True)
    """
    for op, av in items:
        if op is _C.LITERAL:
            if _DIGIT.match(chr(av)):             # (re.IGNORECASE folds no letter to a digit)
                return True
        elif op is _C.IN:
            for iop, iav in av:
                if iop is _C.LITERAL:
                    if _DIGIT.match(chr(iav)):
                        return True
                elif iop is _C.CATEGORY:
                    if iav not in _NO_DIGIT_CATEGORIES:
                        return True
                elif iop is _C.RANGE:
                    if (iav[0] <= 0x39 and iav[1] >= 0x30) or iav[1] >= 0x660:    # (U+0660: the first non-ASCII digit)
                        return True
                else:
                    return True                   # NEGATE, ...
        elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue                              # consumes nothing
        elif op is _C.SUBPATTERN:
            if _takes_digit(av[-1]):
                return True
        elif op is _C.BRANCH:
            if any(_takes_digit(a) for a in av[1]):
                return True
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            if _takes_digit(av[2]):
                return True
        elif op is _C.ATOMIC_GROUP:
            if _takes_digit(av):
                return True
        else:
            return True                           # ANY, NOT_LITERAL, GROUPREF, ...
    return False


def takes_digit(rx: re.Pattern) -> bool:
    """Can a compiled pattern consume a digit? (_takes_digit of its parse: True when unsure.)"""
    return _takes_digit(_parser.parse(rx.pattern, rx.flags))


def _whole_digit(pats, where) -> re.Pattern:
    """_whole of the patterns that can take a digit: for a text with a digit the same
    answer as _whole(pats) (an alternative that takes no digit cannot match it)."""
    return _whole([p for p in pats if _takes_digit(_parser.parse(p, re.IGNORECASE))] or ["(?!x)x"], where)


def _word_any(pats, where) -> re.Pattern:
    """Any of the words anywhere in a text, as whole words."""
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in pats) + r")(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise IndicatorError(f"data/fact_labels.toml: [{where}]: bad pattern: {exc}") from None


@lru_cache(maxsize=1)
def label_words() -> LabelWords:
    try:
        d = load_toml("fact_labels.toml")
    except DataFileError as exc:
        raise IndicatorError(str(exc)) from None
    skip = d.get("skip", {})
    dims = []
    for dim, pats in d.get("dimension_words", {}).items():
        if dim not in DIMENSIONS:
            raise IndicatorError(f"data/fact_labels.toml: [dimension_words] {dim!r} is no dimension")
        try:
            dims.append((dim, re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?!\w)", re.IGNORECASE)))
        except re.error as exc:
            raise IndicatorError(f"data/fact_labels.toml: [dimension_words] {dim}: {exc}") from None
    return LabelWords(
        skip=_whole(skip.get("contact", []) + skip.get("meta", []) + skip.get("counter", []), "skip"),
        enumerated=_whole(skip.get("enumerated", []), "skip.enumerated"),
        as_of=_whole(d.get("as_of", {}).get("headings", []), "as_of"),
        sublabel=_whole(d.get("sublabels", {}).get("words", []), "sublabels"),
        breakdown=_whole(d.get("sublabels", {}).get("breakdown", []), "sublabels.breakdown"),
        counter=_whole(skip.get("counter", []), "skip.counter"),
        counter_total=_whole(skip.get("counter_total", []), "skip.counter_total"),
        junk_value=_whole(skip.get("values", []), "skip.values"),
        header_label=_whole(skip.get("header_labels", []), "skip.header_labels"),
        address=_word_any(skip.get("address_words", []), "skip.address_words"),
        header_value=_whole(skip.get("header_values", []), "skip.header_values"),
        heading_value=_whole(d.get("as_of", {}).get("heading_values", []), "as_of.heading_values"),
        heading_value_digit=_whole_digit(d.get("as_of", {}).get("heading_values", []), "as_of.heading_values"),
        nav=_whole(skip.get("nav_phrases", []) or ["(?!x)x"], "skip.nav_phrases"),
        decimal_comma=_word_any(d.get("numbers", {}).get("decimal_comma_words", []) or ["(?!x)x"],
                                "numbers.decimal_comma_words"),
        dimension_words=tuple(dims),
        contact_meta=_whole(skip.get("contact_meta", []) or ["(?!x)x"], "skip.contact_meta"),
        rank_of=tuple(d.get("numbers", {}).get("rank_of", ["of", "out of"])),
        contact_words=_word_any(skip.get("contact_words", []) or ["(?!x)x"], "skip.contact_words"),
        label_year_not_after=frozenset(w.casefold() for w in d.get("numbers", {}).get("label_year_not_after", [])),
        unit_column=_whole(skip.get("unit_column_headers", []) or ["(?!x)x"], "skip.unit_column_headers"),
        page_marker=_page_marker(d.get("running_heads", {})),
    )


def _page_marker(d: dict) -> re.Pattern:
    """`Page 2 of 6`, `Seite 3 von 12`, `- 4 -` at the end of a line (data [running_heads])."""
    pages, ofs = d.get("page_words", []), d.get("of_words", [])
    if not pages:
        return re.compile(r"(?!x)x")
    try:
        return re.compile(r"(?:(?<!\w)(?:" + "|".join(pages) + r")\s*\d{1,4}(?:\s*(?:" + "|".join(re.escape(w) for w in ofs)
                          + r")\s*\d{1,4})?|(?<!\S)[-–]\s?\d{1,4}\s?[-–])[ \t]*$", re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        raise IndicatorError(f"data/fact_labels.toml: [running_heads]: bad pattern: {exc}") from None
