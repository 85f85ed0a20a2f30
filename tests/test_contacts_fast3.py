"""Fast paths of the contacts stage, third round: each gives exactly what the
plain path it replaces gives. Texts are written here in the shapes pages use."""
from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract import contacts as C
from profile_extract.parse import addresses as A


class Case(NamedTuple):
    name: str
    text: str


# places after a postal code or before one, with stop words, months, days and years around
PLACE_TEXTS = [
    Case("month year", "Mission opened an office in Northgate 8 June 2021\nUpdated: October 2017"),
    Case("copyright", "Copyright 2024 Example Organisation. All rights reserved."),
    Case("stop city", "Tel Aviv 61000, Israel\nThe 10115 Berlin\nIn 2000 The mission opened"),
    Case("day month", "On 2 December 1999 the mission launched a programme in Eastfield."),
    Case("codes", "10115 Berlin\n2500 EB Den Haag\n111 43 Stockholm\nC1001ABC Buenos Aires\n"
                  "00-950 Warszawa\n1250-001 Lisboa\n600 036 Chennai\nCH-3003 Bern 7"),
    Case("city code", "Gomel 246000\nOxford OX1 2AB\nFukuoka 810-0001\nKyiv 04053, Ukraine\nMay 2019"),
    Case("bare street", "Ülikooli 18\n50090 Tartu\nEfstaleiti 9, 103 Reykjavík, Iceland\nAndes 1365, piso 1\n11100 Montevideo"),
    Case("two digits", "Block 12 North\n12 Main Street\n12 34 Stockholm\n45 678 Nowhere\n1 23 Place"),
    Case("stop words", "\n".join(f"{w} 10115\n10115 {w} Town\n2 {w}" for w in sorted(A.CITY_STOP))),
]


@pytest.mark.parametrize("case", PLACE_TEXTS, ids=lambda c: c.name)
def test_gated_keep_leaves_out_only_refused_cities(case, monkeypatch):
    """code_city / city_code matches whose city starts with a stop word are
    left out of _gated (and its memo): find_parts gives what it gives with
    every match, whole scan or gated, memo cold or warm."""
    text = "\n".join([case.text] * 2)
    monkeypatch.setattr(A, "KEEP_ALL", True)
    monkeypatch.setattr(A, "GATED", False)
    want = A.find_parts(text)
    for keep_all in (True, False):
        for gated in (False, True):
            monkeypatch.setattr(A, "KEEP_ALL", keep_all)
            monkeypatch.setattr(A, "GATED", gated)
            monkeypatch.setattr(A, "_WINDOWS", A._Memo())
            assert A.find_parts(text) == want
            assert A.find_parts(text) == want    # (windows remembered)


@pytest.mark.parametrize("case", PLACE_TEXTS, ids=lambda c: c.name)
def test_keep_refuses_what_trim_city_refuses(case):
    """A match KEEP refuses is one whose city _trim_city cuts to nothing."""
    rx = A._rx()
    for name, keep in A.KEEP.items():
        for m in rx[name].finditer(case.text):
            if not keep(m):
                cs, ce = A._trim_city(case.text, *m.span("city"))
                assert ce <= cs


def _code_shapes(order: str) -> list[str]:
    return [row["code"] for row in A.data()["postal"] if row["order"] == order]


# the code shapes of bare_street_place (parse/addresses.py) besides code_city's
_BARE_CODES = [r"\d{3,6}", r"\d{2}-\d{3}", r"\d{4}[ \t]?[A-Z]{2}"]


@pytest.mark.parametrize("code", _code_shapes("code_city") + _BARE_CODES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_code_place_gate_holds_every_code_before_a_place(code, data):
    """Every postal code of a code-then-city shape, then spaces and a capital,
    holds a match of the code_place gate (so the gate's lines are all that
    code_city and bare_street_place need scanning)."""
    code = re.sub(r"\(\?=[^()]*(?:\[[^\]]*\][^()]*)*\)\Z", "", code)   # (a look-ahead after the code only narrows it)
    written = data.draw(st.from_regex(rf"\A(?:{code})\Z", fullmatch=True).filter(lambda s: "\n" not in s))
    place = data.draw(st.sampled_from(["Berlin", "St. Gallen", "Ålesund", "Den Haag", "Москва"]))
    gate = A._rx()["_gate_rx"]["code_place"]
    assert gate.search(f"{written} {place}") or gate.search(f"{written}\t{place}")


@pytest.mark.parametrize("case", PLACE_TEXTS, ids=lambda c: c.name)
def test_code_place_gate_lines_cover_code_city_matches(case):
    """Each code_city and bare_street_place match ends on a line the
    code_place gate finds."""
    rx = A._rx()
    lines = A._gate_lines("code_place", case.text, 0, len(case.text))
    for name in ("code_city", "bare_street_place"):
        for m in rx[name].finditer(case.text):
            last = case.text.rfind("\n", 0, m.end() - 1) + 1
            assert any(a == last for a, _ in lines), (name, m.group(0))


# ---------------------------------------------------------------- start-up

def _folds_by_re(c: str) -> str:
    """_folds as first written: re itself scans the BMP for c under IGNORECASE."""
    return "".join(sorted(set(re.findall(re.escape(c), A._bmp(), re.I)) | {c}))


_FOLD_CHARS = sorted({c for w in (A.data()["streets"]["after"] + A.data()["streets"]["before"]
                                 + [x for ws in A.data()["labels"]["strong"].values() for x in ws])
                      for c in w}
                     | set("iIıİsSſkKKåÅÅßẞθϴΘωΩΩµμΜσςΣ0-_ ._\u0345\u1e9b\u1fbe\u2126")
                     | {chr(o) for o in range(0x20, 0x250, 3)})


@pytest.mark.parametrize("c", _FOLD_CHARS)
def test_folds_equal_re_scan(c):
    """The characters re's IGNORECASE matches for c, as re's own scan finds them."""
    assert A._folds(c) == _folds_by_re(c)


def _trie_plain(words, ignore_case: bool = False, strip_dot: bool = True) -> str:
    """_trie as first written: a node for every character."""
    saved, A.TRIE_SHORTCUT = A.TRIE_SHORTCUT, False
    try:
        return A._trie(words, ignore_case, strip_dot)
    finally:
        A.TRIE_SHORTCUT = saved


TRIE_LISTS = [("streets.after", A.data()["streets"]["after"]), ("countries", sorted(A._countries())),
              ("labels.weak", [w for ws in A.data()["labels"]["weak"].values() for w in ws]),
              ("small", ["St", "St.", "Street", "Str", "Straße", "a", "ab", "abc", "x y", "x-y", "Ave"]),
              ("one", ["Boulevard"]), ("none", [])]


@pytest.mark.parametrize("name,words", TRIE_LISTS, ids=[t[0] for t in TRIE_LISTS])
def test_trie_equals_node_per_character_trie(name, words):
    for ignore_case in (False, True):
        for strip_dot in (False, True):
            assert A._trie(words, ignore_case, strip_dot) == _trie_plain(words, ignore_case, strip_dot)


@given(st.lists(st.text(alphabet="abAB. -ſK", max_size=5), max_size=8), st.booleans(), st.booleans())
@settings(max_examples=200, deadline=None)
def test_trie_equals_node_per_character_trie_any_words(words, ignore_case, strip_dot):
    assert A._trie(words, ignore_case, strip_dot) == _trie_plain(words, ignore_case, strip_dot)


GLUED_TEXTS = ["1000 LjubljanaSloveniaPhone +386 1 234", "MariborTel. 02 123", "GenevaSwitzerlandFax",
               "CH-1211 GenèveSuisse", "Kyiv UKRAINE", "Oslo NORWAY Tel"]


@pytest.mark.parametrize("text", GLUED_TEXTS)
def test_country_glued_compiled_when_asked(text):
    """The glued-country pattern, compiled on first use, is the one _rx built."""
    names = sorted(A._countries(), key=len, reverse=True)
    glued = _trie_plain(names, strip_dot=False) + "|" + "|".join(
        rf"{re.escape(w)}(?![a-z])" for w in A.data()["labels"].get("glued_labels", []))
    plain = re.compile(rf"(?<=[a-z])(?:{glued})(?=[A-Z]|[^\w\-]|$)")
    assert A._country_glued().pattern == plain.pattern
    assert [m.span() for m in A._country_glued().finditer(text)] == [m.span() for m in plain.finditer(text)]


# ---------------------------------------------------------------- phone runs from the line memo

from profile_extract.ingest.segment import Doc   # noqa: E402
from profile_extract.parse import emails as E     # noqa: E402
from profile_extract.parse.phones import PHONE_RUN   # noqa: E402

RUN_TEXTS = [
    Case("labelled", "Tel: +41 22 717 91 11\nFax: (022) 717 9111 / 12\nMobile 0772 123 456"),
    Case("plus break", "Call +\n41 22 717 91 11 or (\n0231) 45 67 89, [\n32] 2 733 96 00"),
    Case("bracket end", "Numbers (\n+41 22 717 91 11)\n[+32 2] 733 96 00 [\n"),
    Case("years", "Population (2018-2023): 4 500 000\nIn 1998 and 2001, 12.05.2020 | 2015-2020"),
    Case("glued", "Tel 430 12 88Fax: 430 12 89\nPhone02 227 12 34E-mail x@y.org"),
    Case("plus last", "Phone: +41 22 717 91 11 +"),
    Case("empty", ""),
]


@pytest.mark.parametrize("case", RUN_TEXTS, ids=lambda c: c.name)
def test_line_runs_are_each_lines_runs(case):
    """_line_runs: the runs of each line alone; where no run can cross a line,
    the runs of the whole text."""
    want = []
    pos = 0
    for ln in case.text.split("\n"):
        want.extend((pos + m.start(), pos + m.end()) for m in PHONE_RUN.finditer(ln))
        pos += len(ln) + 1
    assert C._line_runs(case.text) == want
    whole = [m.span() for m in PHONE_RUN.finditer(case.text)]
    if not C._runs_cross_lines(case.text):
        assert want == whole
    if case.name == "plus break":   # (why such a page is scanned whole in _collect)
        assert C._runs_cross_lines(case.text) and want != whole


def test_contacts_runs_from_memo_equal_whole_scan(monkeypatch):
    """Contacts with the phone runs read from the line memo (filled by other
    pages holding the same lines) equal those from a scan of the whole text."""
    texts = [c.text for c in RUN_TEXTS + list(PLACE_TEXTS)]
    texts += ["\n".join(texts), "\n".join(texts[::-1]), texts[0].replace("+41", "0041")]
    monkeypatch.setattr(C, "_LINES", A.LineMemo(C._line_scan, C._line_scan_blind))

    def run(t):
        return C.extract_contacts(Doc.from_text(t, country_iso2="CH"))
    memo = [run(t) for t in texts] + [run(t) for t in texts]
    monkeypatch.setattr(C, "_runs_cross_lines", lambda text: True)
    assert memo == [run(t) for t in texts] * 2


DOT_TEXTS = ["name at example dot org", "name AT example DOT org", "name at example Dot org",
             "anecdote at dotted dots", "x at y\tdot\tz", "DOTS at DOT", "at dot", "dot", ""]


@pytest.mark.parametrize("text", DOT_TEXTS)
def test_spelled_emails_need_a_dot(text):
    """find_emails asks for `dot` / `DOT` (str.find) before the spelled-out pattern."""
    want = sorted(E.EMAIL_WORDS.finditer(text) if E._WORD_DOT.search(text) else [], key=lambda m: m.start())
    got = [m for m in E.find_emails(text) if "@" not in m.raw]
    assert [(m.start, m.end) for m in got] == [m.span() for m in want if "@" in E.normalise_email(m.group(0))[0]]


@pytest.mark.parametrize("case", RUN_TEXTS + PLACE_TEXTS, ids=lambda c: c.name)
def test_page_lines_rest_holds_the_other_items(case):
    """page_lines with `rest`: the same gate and line lists, and every other
    item of the lines, by kind, in text order."""
    lines = A.LineMemo(C._line_scan).lines(case.text)
    rest: dict = {}
    assert A.page_lines(lines, rest) == A.page_lines(lines)
    for kind in ("label", "url", "run"):
        assert rest.get(kind, []) == [(a + s, a + e, p) for a, row in lines for s, e, p in row if p[0] == kind]


@pytest.mark.parametrize("case", RUN_TEXTS + PLACE_TEXTS, ids=lambda c: c.name)
def test_runs_cross_lines_is_a_bracket_or_plus_before_a_break(case):
    assert C._runs_cross_lines(case.text) == bool(re.search(r"[+(\[]\n", case.text))


@pytest.mark.parametrize("case", RUN_TEXTS + PLACE_TEXTS, ids=lambda c: c.name)
def test_line_index_is_the_last_line_starting_at_or_before(case):
    doc = Doc.from_text(case.text)
    starts = [ln.start for ln in doc.lines]
    for pos in range(len(case.text) + 2):
        assert C._line_index(doc, pos) == max(len([s for s in starts if s <= pos]) - 1, 0)


# ---------------------------------------------------------------- glued countries without the pattern

_SOME_NAMES = sorted(A._countries())[::37] + ["Niger", "Nigeria", "Guinea", "Guinea-Bissau", "Sudan",
                                             "South Sudan", "Dominica", "Dominican Republic", "Congo"]
_GLUED_PIECES = _SOME_NAMES + ["Fax", "Tel", "Tel.", "Telx", "Phone", "E-mail", "Www", "Mobile1", "x", "é",
                               "-", "_", "\n", " ", ".", "1", "Ü", "a", "B", "ž"]


def _glued_by_pattern(text, pos, end, anchored):
    rx = A._country_glued()
    m = rx.match(text, pos, end) if anchored else rx.search(text, pos, end)
    return m and m.span()


@pytest.mark.parametrize("text", GLUED_TEXTS + ["LjubljanaNigeriaX", "abcNiger-x", "kSudanese", "zGuinea-Bissau\n",
                                                "qTelex", "qTel1", "mFaxé", "aCongo_", "aCongo", ""])
def test_glued_span_equals_pattern(text):
    for pos in range(len(text) + 1):
        for end in range(pos, len(text) + 1):
            for anchored in (False, True):
                assert A.glued_span(text, pos, end, anchored) == _glued_by_pattern(text, pos, end, anchored)


@given(st.lists(st.sampled_from(_GLUED_PIECES), min_size=1, max_size=6), st.data())
@settings(max_examples=300, deadline=None)
def test_glued_span_equals_pattern_any_text(pieces, data):
    text = "".join(pieces)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for anchored in (False, True):
        assert A.glued_span(text, pos, end, anchored) == _glued_by_pattern(text, pos, end, anchored)


@pytest.mark.parametrize("text", ["Tel: +41 22 717 91 11", "Phone 0231 45 67 89", "E-mailname@x.org", "Fax+41 22",
                                  "T +44 20 7946 0000", "Webwww.x.org", "Opening hours", "Adresse: Hauptstr. 5",
                                  "Телефон: 8 (017) 222", "Contact", "x Tel: 1", "", "ſtreet", "Tél. 01 23"])
def test_label_body_at_a_string_start_is_the_label_pattern(text):
    """_find_labels_quick and _regions ask the label pattern at the start of
    a string of its own: its body (no look-behind, nothing before) answers."""
    want = C._label_rx()[0].match(text)
    got = C._label_body().match(text)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


def test_split_first_patterns_blind_as_their_patterns():
    """_windows_blind and _line_scan_blind leave out the first-character
    patterns of the split scans: each is as blind as the pattern it holds."""
    pairs = list(A._rx()["_split"].values()) + [C._phone_split()]
    for first, pat in pairs:
        assert A.digit_blind([first]) == A.digit_blind([pat])
    assert A.digit_blind([first for first, _ in pairs]) and A._windows_blind() and C._line_scan_blind()


INTL_NUMBERS = ["+1 212 963 1234", "+1 (202) 393-2904", "+1 809 555 0100", "+44 20 7946 0000", "+44 1534 123456",
                "+7 495 123-45-67", "+7 727 123 4567", "+375.1 728 82 74 2", "+49 (0) 69 – 24 23 14 72",
                "+39-06-57051", "(32-2) 743-0600", "00 41 22 717 91 11", "+999 123 4567", "+1 000 000 0000",
                "+262 262 12 34 56", "+590 590 12 34 56", "+61 2 9999 9999", "+672 3 12345"]


@pytest.mark.parametrize("number", INTL_NUMBERS)
def test_normalise_phone_asks_the_region_once(number):
    """validity from is_valid_number_for_region of the number's region: what
    is_valid_number answers."""
    import phonenumbers
    from profile_extract.parse import phones as P
    P.normalise_phone.cache_clear()
    got = P.normalise_phone(number)
    intl = P.international_form(number)
    try:
        n = phonenumbers.parse(intl, None)
    except phonenumbers.NumberParseException:
        assert not got.valid and got.region is None
        return
    assert got.valid == phonenumbers.is_valid_number(n)
    assert got.region == phonenumbers.region_code_for_number(n)
    assert got.value == phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


_ST = A.data()["streets"]
_STREET_WORDS = sorted(w for w in set(_ST["after"]) | set(_ST["before"]) | set(_ST["after_without_number"]) if w.isascii())
_TAILS = ["", " 5", "No 5", "NO5", "Nr. 3", "num 4", "nr", "x", ".", ",", "\n", "5", "-a", "No"]
STREET_WORD_TEXTS = [Case(w, "\n".join(f"{n} {v}{t}" for v in (w, w.upper(), w.lower(), w.title()) for t in _TAILS
                                       for n in ("12", "Ab")))
                     for w in _STREET_WORDS]


def _street_word_lines(text, s, e, monkeypatch, quick):
    monkeypatch.setattr(A, "QUICK_GATES", quick)
    return A._gate_lines("street_words", text, s, e)


@pytest.mark.parametrize("case", STREET_WORD_TEXTS, ids=lambda c: c.name)
def test_street_words_lower_quick_scan_equals_gate_scan(case, monkeypatch):
    """On ASCII text the street_words gate is asked only on the lines its
    small-letter quick scan finds: the same lines as the gate's own scan."""
    text = case.text
    assert text.isascii()
    for s, e in ((0, len(text)), (3, len(text) - 4)):
        assert _street_word_lines(text, s, e, monkeypatch, True) == _street_word_lines(text, s, e, monkeypatch, False)


@given(st.lists(st.sampled_from(_STREET_WORDS[::5] + _TAILS + [" ", "\t", "St", "ST.", "Rd", "K", "s", "i"]),
                min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_street_words_lower_quick_scan_equals_gate_scan_any_text(pieces):
    text = "".join(pieces)
    saved = A.QUICK_GATES
    try:
        A.QUICK_GATES = False
        want = A._gate_lines("street_words", text, 0, len(text))
        A.QUICK_GATES = True
        assert A._gate_lines("street_words", text, 0, len(text)) == want
    finally:
        A.QUICK_GATES = saved


def test_ascii_lower_words_fold_as_re():
    """Each small-letter ASCII word matches, case-insensitively, as re matches the word."""
    words = ["Straße", "St.", "ſtreet", "KELVIN", "Rue", "Ünter", "ıstanbul", "Ave"]
    got = A._ascii_lower_words(words)
    assert got == {"st", "street", "kelvin", "rue", "istanbul", "ave"}
    for w in got:
        assert re.fullmatch(A._trie(words, True), w) and re.fullmatch(A._trie(words, True), w.upper())
