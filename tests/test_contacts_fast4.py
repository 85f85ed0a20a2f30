"""Fast paths of the contacts stage, fourth round: each gives exactly what the
plain path it replaces gives. Texts are written here in the shapes pages use."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract import contacts as C
from profile_extract.parse import addresses as A


class Case(NamedTuple):
    name: str
    text: str


def _label_key(ms):
    return [(m.span(), m.groupdict()) for m in ms]


_ASCII_WORDS = [w for grp in ("strong", "weak") for ws in A.data()["labels"][grp].values()
                for w in ws if w.isascii()]
# ASCII prose, rows and glued crawler text: label words mid-word, at line ends,
# before values, single letters before numbers and addresses
LOWER_LABEL_CASES = [
    Case("prose", "In 1998 the mission opened an office in Eastfield. The programme supports "
                  "national authorities in managing migration, telling the television team.\n"
                  "Mission hosted a conference in Port Lumen 10 August 2020"),
    Case("rows", "Tel: +375 17 288 27 42\nFax -- 0231 45 67\nEmail: office@example.org\n"
                 "Website | http://example.org\nT +44 20 7946 0000\nM (0)7700 900123\nE info@x.org"),
    Case("glued", "LondonTel+44 20 7946 0000 HoursFax+44 20 7946 0001 Webwww.x.org E-mailname@org.int"
                  " Phone02 227 1234 PH(0)1 23 URLhttps://x.org"),
    Case("line ends", "Contact the Internet\nCall us\nFor a Mobile (\nsee our Website\n"
                      "Address\nPostal address:\nTELEPHONE No. 12\nfont cell sede handy call"),
    Case("single letters", "T 0 F +1 P (+41) M a@b.c E x.y@z W www.x.org F: 1 M -- 2 t +1 e a@b"),
] + [
    Case(f"grid {i}", "\n".join(f"{b}{v}{a}" for v in (w, w.upper(), w.lower(), w.title())
                                for b in ("", " ", "x", "1", "(", "-", "_", "|")
                                for a in (": 555 1234", " +41 22 1234567", "+41", "www.x.org",
                                          " -- x", "", ".: a@b.org", " No. 12", "x", " word")))
    for i, w in enumerate(_ASCII_WORDS)
]


@pytest.mark.parametrize("case", LOWER_LABEL_CASES, ids=lambda c: c.name)
def test_lower_label_scan_equals_label_pattern(case, monkeypatch):
    """An ASCII text's labels found from its small-letter copy: the label
    pattern's finditer matches, and the scan without the small-letter step."""
    assert case.text.isascii()
    want = _label_key(C._label_rx()[0].finditer(case.text))
    assert _label_key(C._label_matches(case.text)) == want
    monkeypatch.setattr(C, "LABEL_SCAN_LOWER", False)
    assert _label_key(C._label_matches(case.text)) == want


_PIECES = st.sampled_from(_ASCII_WORDS + ["the ", "in ", " ", "\n", ":", "--", "+41 ", "(0)", "@",
                                          "www.", "x.org", "12", "Tel", "t", "f", "|", ".", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14))
def test_lower_label_scan_property(pieces):
    text = "".join(pieces)
    want = _label_key(C._label_rx()[0].finditer(text))
    assert _label_key(C._label_matches(text)) == want


from profile_extract.parse import emails as E   # noqa: E402

# obfuscated, across lines, plain brackets, none, every bracket and word
BRACKET_CASES = [Case(t[:12], t) for t in (
    "write to europe[at]example.org or info (at) example (dot) org",
    "name\n[\nat\n]\nexample\n{dot}\norg <@> x",
    "Net Migration Rate (2015-2020) | 0.1 [note] {x} <b> (see above)",
    "Email: office@example.org\nNo brackets here at all dot com",
    "(at)[dot]{punkt}<ät>(ARROBA)(Point)[ponto]( @ )")]


@pytest.mark.parametrize("case", BRACKET_CASES, ids=lambda c: c.name)
def test_bracketed_by_find_equals_search(case, monkeypatch):
    """An obfuscated `[at]` / `(dot)` found from the brackets str.find finds:
    what _BRACKETED.search says, in every range; find_emails the same either way."""
    t = case.text
    for s in range(0, len(t), 3):
        for e in (len(t), len(t) - 1, s + 7):
            e = min(max(e, s), len(t))
            assert E._has_bracketed(t, s, e) == bool(E._BRACKETED.search(t, s, e)), (s, e)
    want = E.find_emails(t)
    monkeypatch.setattr(E, "BRACKETS_BY_FIND", False)
    assert E.find_emails(t) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "(", "{", "<", "]", ")", "}", ">", "at", "dot", "@", " ", "\n",
                                 "x", "punkt", "ät", "AT"]), max_size=16),
       st.integers(0, 20), st.integers(0, 40))
def test_bracketed_by_find_property(pieces, s, e):
    t = "".join(pieces)
    s, e = min(s, len(t)), min(max(e, s), len(t))
    assert E._has_bracketed(t, s, e) == bool(E._BRACKETED.search(t, s, e))


from profile_extract.parse import phones as PH   # noqa: E402

# national numbers under cities, on pages of other countries: codes shared by
# many regions (+1, +44 with GG/IM/JE, +7, +47, +358, +61), a single answer, two, none
PLACE_ROWS = [(n, c, d) for n, c, d in (
    ("057 202 1234", "Kisumu", "DE"), ("0361 555 010", "Erfurt", "FR"), ("022 555 0101", "Geneva", "KE"),
    ("020 7946 0000", "London", "FR"), ("01481 723 552", "Guernsey", "FR"), ("01624 685 000", "Douglas", "DE"),
    ("0495 123 4567", "Moscow", "DE"), ("0727 258 3000", "Almaty", "RU"), ("022 12 34 56", "Oslo", "SE"),
    ("09 310 1691", "Helsinki", "EE"), ("02 9374 4000", "Sydney", "NZ"), ("0212 555 1234", "New York", "DE"),
    ("030 555 0101", "Berlin", "DE"), ("0722 555 100", "Kisumu", "DE"), ("057 202 1234", "Springfield", "DE"),
)]


@pytest.mark.parametrize("number,city,page", PLACE_ROWS)
def test_region_of_place_shared_verdicts_equal_each_region(number, city, page, monkeypatch):
    """A parsed number's verdict shared by the regions that parse it alike (and
    two hits ending the search): the answer of checking every region."""
    plain = PH.region_of_place.__wrapped__
    got = plain(number, city, page)
    monkeypatch.setattr(PH, "PLACE_VERDICTS_SHARED", False)
    assert plain(number, city, page) == got


def test_no_non_letter_lowers_to_ascii_letter():
    """What the small-letter label scan stands on: a character that is no
    letter (the label's look-behind allows it) is no a-z in small letters."""
    import re
    import sys
    letter = re.compile(r"[^\W\d_]")
    bad = [c for c in map(chr, range(sys.maxunicode + 1))
           if len(c.lower()) == 1 and "a" <= c.lower() <= "z" and not letter.match(c)]
    assert bad == []


# texts with other scripts and accents, special folds (ſ, K, ı, İ) and
# characters whose small letter is longer (İ: the plain scan is used)
ANY_LABEL_CASES = [Case(t[:14], t) for t in (
    "Téléphone : 01 23 45 67 89 · Télécopie 01 23 45 67 90 — Courriel: a@b.fr",
    "Адрес: ул. Ленина, 5\nТелефон: 8 (017) 222-33-44\nФакс +375 17 222 33 45\nэл. почта: a@b.by",
    "MünchenTel+49 89 123456 ÖffnungszeitenFax+49 89 123457 Webwww.x.de",
    "ſite: x ſITE web: y TEL: 1 Tel: 2 ınternet 3 İnternet\nEmaıl: a@b.c ÉMAIL: x",
    "Büro – T +49 30 1 · F (0) 1 · M é@x.de · E é.x@y.de\nInternet\nΤηλ.: +30 210 1234567",
    "Teléfono: +34 91 123 45 67\nDirección: Calle Mayor 1\nSitio web: www.x.es\nCorreo-e: a@b.es",
)]


@pytest.mark.parametrize("case", ANY_LABEL_CASES, ids=lambda c: c.name)
def test_any_text_lower_label_scan_equals_label_pattern(case, monkeypatch):
    want = _label_key(C._label_rx()[0].finditer(case.text))
    assert _label_key(C._label_matches(case.text)) == want
    assert _label_key(C._label_matches(case.text.replace("İ", "I"))) == \
        _label_key(C._label_rx()[0].finditer(case.text.replace("İ", "I")))
    monkeypatch.setattr(C, "LABEL_SCAN_LOWER", False)
    assert _label_key(C._label_matches(case.text)) == want


_ANY_PIECES = st.sampled_from(_ASCII_WORDS + [w for grp in ("strong", "weak")
                                              for ws in A.data()["labels"][grp].values() for w in ws]
                              + ["é", "ж", "ſ", "K", "ı", "İ", "–", " ", "\n", ":", "+7 ", "(0)", "@",
                                 "www.", "WWW.", "ß", "x", "Ü", "t", "Т"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ANY_PIECES, max_size=14))
def test_any_text_lower_label_scan_property(pieces):
    text = "".join(pieces)
    assert _label_key(C._label_matches(text)) == _label_key(C._label_rx()[0].finditer(text))


_STREET_ALL = sorted(set(A.data()["streets"]["after"]) | set(A.data()["streets"]["before"])
                     | set(A.data()["streets"]["after_without_number"]))
_STREET_TAILS = ["", " 5", "No 5", "nº 3", "n° 2", "núm 4", "д. 5", "дом 3", "é", "ж", "x", ".", ",", "\n", "Ü", "İ"]
# every street word in four cases after a space, with tails of other scripts,
# in a text that is not ASCII (a dash, an accent)
STREET_ANY_TEXTS = [Case(w, "– " + "\n".join(f"{n} {v}{t}" for v in (w, w.upper(), w.lower(), w.title())
                                             for t in _STREET_TAILS for n in ("12", "Äb")))
                    for w in _STREET_ALL[::3]]


def _gate(text, s, e, monkeypatch, low_any):
    monkeypatch.setattr(A, "LOW_ANY", low_any)
    return A._gate_lines("street_words", text, s, e)


@pytest.mark.parametrize("case", STREET_ANY_TEXTS, ids=lambda c: c.name)
def test_street_words_low_any_quick_scan_equals_gate_scan(case, monkeypatch):
    """A text that is not ASCII: the street_words gate asked only on the lines
    the quick scan of its small-letter copy finds: the lines the gate finds."""
    for text in (case.text, case.text.replace("İ", "I")):
        for s, e in ((0, len(text)), (3, len(text) - 4)):
            assert _gate(text, s, e, monkeypatch, True) == _gate(text, s, e, monkeypatch, False)
            monkeypatch.setattr(A, "QUICK_GATES", False)
            whole = A._gate_lines("street_words", text, s, e)
            monkeypatch.setattr(A, "QUICK_GATES", True)
            assert _gate(text, s, e, monkeypatch, True) == whole


@given(st.lists(st.sampled_from(_STREET_ALL[::4] + _STREET_TAILS + [" ", "\t", "St", "ſt", "K", "ı", "УЛ"]),
                min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_street_words_low_any_quick_scan_property(pieces):
    text = "é" + "".join(pieces)     # (not ASCII: the gate's own scan when LOW_ANY is off)
    got = A._gate_lines("street_words", text, 0, len(text))
    A.LOW_ANY = False
    try:
        assert A._gate_lines("street_words", text, 0, len(text)) == got
    finally:
        A.LOW_ANY = True


_SUFFIXES = A.data()["streets"]["suffixes"]
_SUFFIX_TAILS = [" 5", "5", ". 12", ", 3", "\t7a", " No 5", " Nr. 4", " nº 9", " n° 2", " N.º 1", " núm 4",
                 " д. 5", " дом 3", " x 5", "", "\n5", " NO5"]
# every suffix in a street name, in four cases, with the house-number shapes
# pages write and shapes that are no gate match (a word between, a line break)
SUFFIX_ANY_TEXTS = [Case(w, "\n".join(f"{h}{v}{t}" for v in (w, w.upper(), w.title(), "Haupt" + w)
                                      for t in _SUFFIX_TAILS for h in ("", "Am ", "é ")))
                    for w in _SUFFIXES] + [Case("prose", "On 20 July 2000 the mission opened an office. "
                                                         "Weg 2020 Hauptstraße\n12 Ringstraße 1 İ")]


def _suffix_lines(text, s, e, monkeypatch, reversed_quick, quick=True):
    monkeypatch.setattr(A, "REVERSED_QUICK", reversed_quick)
    monkeypatch.setattr(A, "QUICK_GATES", quick)
    return A._gate_lines("suffix_num", text, s, e)


@pytest.mark.parametrize("case", SUFFIX_ANY_TEXTS, ids=lambda c: c.name)
def test_suffix_num_reversed_quick_equals_gate_scan(case, monkeypatch):
    """The suffix_num gate asked only on the lines where the small-letter copy
    read backwards holds a digit, the words between and a suffix: the lines
    the gate's own scan finds, and the lines with a digit give."""
    for text in (case.text, case.text.replace("İ", "I"), case.text.replace("é", "e")):
        for s, e in ((0, len(text)), (4, len(text) - 3), (len(text) // 2, len(text))):
            want = _suffix_lines(text, s, e, monkeypatch, False, quick=False)
            assert _suffix_lines(text, s, e, monkeypatch, True) == want
            assert _suffix_lines(text, s, e, monkeypatch, False) == want


@given(st.lists(st.sampled_from(_SUFFIXES[::3] + _SUFFIX_TAILS + [" ", "\n", "Ab", "ſ", "K", "é", "1", "."]),
                min_size=1, max_size=8), st.integers(0, 6))
@settings(max_examples=300, deadline=None)
def test_suffix_num_reversed_quick_property(pieces, s):
    text = "".join(pieces)
    s = min(s, len(text))
    got = A._gate_lines("suffix_num", text, s, len(text))
    A.QUICK_GATES = False
    try:
        assert A._gate_lines("suffix_num", text, s, len(text)) == got
    finally:
        A.QUICK_GATES = True


def test_lowered_is_lower_of_each_text():
    a = "".join(["Tel: ", "+41 ÉCOLE"])
    b = "".join(["Tel: ", "+41 ÉCOLE"])
    for t in (a, a, b, "İstanbul Straße", a, "", "X"):
        assert A.lowered(t) == t.lower()


import re   # noqa: E402

from profile_extract.parse.phones import PHONE_RUN   # noqa: E402

# (pattern, whether it has an ASCII twin): only the digit category, no \b, \w, \s, no case folding
TWIN_ROWS = [(r"\d(?=-\d)", True), (r"[^\d]x\D", True), (r"^\d+$", True), (r"\bx\d", False),
             (r"(?i)x\d", False), (r"[\s\d]", False), (r"\w\d", False), (r"(?i:x)\d", False),
             (r"г\.?\d", True), (r"(?<![\d.])\d{3}", True), (PHONE_RUN.pattern, False)]


@pytest.mark.parametrize("pattern,twin", TWIN_ROWS)
def test_ascii_twin_only_where_it_matches_alike(pattern, twin):
    rx = re.compile(pattern)
    got = A.ascii_twin(rx)
    assert (got is not rx) == twin
    assert bool(got.flags & re.ASCII) == twin


_TWIN_PIECES = st.sampled_from(["1", "23", "456", "7890", " ", "\t", "-", ",", "\n", "г.", "Straße", "weg", "str.",
                                "No ", "Nr. ", "AB", "Ab", "x", "\x1c", "\x1f", ". ", "12 34", "123 AB"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TWIN_PIECES, max_size=16))
def test_ascii_twins_match_alike_on_ascii_text(pieces):
    text = "".join(pieces)
    for rx in (A._digit_gates(), A._gate_quick_reversed()["suffix_num"]):
        for t in (text, text.lower()[::-1]):
            if t.isascii():
                assert [(m.span(), m.lastgroup) for m in A.ascii_twin(rx).finditer(t)] == \
                    [(m.span(), m.lastgroup) for m in rx.finditer(t)]


# the suffix texts' ASCII characters, with digit-gate shapes
TWIN_TEXTS = [Case(c.name, "".join(ch for ch in c.text if ch.isascii())
                   + "\n10115, Berlin 2-3 111 43 Stockholm 12 г. x") for c in SUFFIX_ANY_TEXTS[::2]]


@pytest.mark.parametrize("case", TWIN_TEXTS, ids=lambda c: c.name)
def test_gate_items_with_ascii_twins_equal(case, monkeypatch):
    """The digit gates and suffix_num's backward scan of an ASCII text by the
    ASCII twins: the gate items the Unicode patterns give."""
    text = case.text.replace("г", "")
    assert text.isascii()
    got = A._gate_items(text)
    assert any(p[1] == "suffix_num" for _, _, p in got) or not case.name.isascii() or case.name == "prose"
    monkeypatch.setattr(A, "ASCII_TWINS", False)
    assert A._gate_items(text) == got
