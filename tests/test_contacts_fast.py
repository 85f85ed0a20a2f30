"""The memoised and trie-built fast paths of the contacts stage give exactly
what the plain paths give: word lists as tries (parse/addresses.py `_words`)
match as their alternations; line facts memoised by line text (`LineMemo`),
cold, warm or filled by other pages, are the whole-text scans' results; the
memo of gate windows without a match changes no find_parts result. Texts are
written here in the shapes pages use (tests/test_contacts_speed.py has more)."""
from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from profile_extract.extract import contacts as C
from profile_extract.ingest.segment import Doc
from profile_extract.parse import addresses as A
from profile_extract.parse import emails as E


class Case(NamedTuple):
    name: str
    text: str


LINES = [
    "18 Quarry Street, Milltown, NY 10016-0903",
    "2200 Pennsylvania Ave.\nWashington, D.C. 20006",
    "Rue Royale 120, B-1000 Bruxelles, Belgique",
    "Via Appia Nuova 12, 00183 Roma RM, Italia",
    "Bergstraße 14\n04109 Leipzig",
    "P.O. Box 41873 - 00200 Mombasa, Kenya",
    "Postfach 44 55 66, 10115 Berlin",
    "720011, г. Ош, ул. Ленина, 12",
    "2-4-1 Marunouchi, Chiyoda",
    "Tartu mnt 8, 10145 Tallinn",
    "Colonia 981, piso 3\n11100 Montevideo",
    "Laugavegur 7\n101 Reykjavík, Iceland",
    "Old Mill Lane,",
    "Cambridge CB1 2AB",
    "Perth WA 6000",
    "Halifax, NS B3H 1A1",
    "Austin, TX, USA",
    "Accra, Ghana",
    "BP 12 Bamako Mali",
    "Nine Elm Row",
    "40 West 57th Street",
    "3 ter Avenue du Lac",
    "6\n- 8 Bridge Road",
    "In 1987 the board met at Corn Exchange Square.",
    "Odesa 65012, Ukraine",
    "1012 AB Amsterdam",
    "Plot 7, Ntinda",
    "ſtreet 3 and 9 STREET, 4 Straße, 2 Kelvin Way",
]
CASES = [Case(f"line{i}", t) for i, t in enumerate(LINES)]
CASES += [Case("all", "\n".join(LINES)), Case("all_blank", "\n\n".join(LINES)),
          Case("prose", " ".join(LINES).replace("\n", " ") * 2)]
MAIL_CASES = [
    Case("plain", "Mail us at desk@example.org or Help@Sub.Example.ORG.\nNext line"),
    Case("bracket", "desk [at] example [dot] org\ndesk\n(at)\nexample\n(dot)\norg"),
    Case("urls", "www.example.org\nhttps://y.example/p?q=1).\nWWW.UPPER.ORG\nexample.int/en, md.gov.no"),
    Case("labels", "Tel: +41 22 123 45 67 | Fax +41 22 123 45 68\nPhone02 227 1234\nE-mailname@x.org\n"
                   "Webwww.x.org\nT +44 20 7946 0000\nAddress: Hanauer Landstraße 126"),
]


_ST = A.data()["streets"]
WORD_LISTS = [("after", _ST["after"], True), ("before", _ST["before"], False),
              ("before_i", _ST["before"], True), ("particles", _ST["particles"], False),
              ("directionals", _ST["directionals"], False), ("suffixes", _ST["suffixes"], True),
              ("subaddress", _ST["subaddress"], True), ("pobox", A.data()["pobox"]["words"], False),
              ("prefixes", ["St", "Str", "Street", "Streets", "ab", "abcd", "a"], True)]
# what may follow the word: the patterns backtrack into shorter words when it fails
TAILS = ["", r"(?![\w])", r"\.?[ \t]+\d", r"s?e", r"(?=[ \t]*(?:,|$))"]


def _texts(words) -> str:
    out = []
    for w in words:
        for v in (w, w.upper(), w.lower(), w.title(), w.rstrip(".")):
            out.append(f"{v} 12, x{v}e {v}s {v}. 4 {v}eet,{v}")
    return "\n".join(out) + "\nſtreet 4 ſt. 5 STRAſSE 6 Kelvin-Str. 7 İstiklal 8"


@pytest.mark.parametrize("name,words,icase", WORD_LISTS, ids=[w[0] for w in WORD_LISTS])
def test_word_trie_equals_alternation(name, words, icase):
    text = _texts(words)
    for tail in TAILS:
        trie = re.compile(A._words(words, icase) + tail, re.M)
        alt = re.compile(A._alt(words, "i" if icase else "") + tail, re.M)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alt.finditer(text)]


def test_country_trie_equals_alternation():
    names = sorted(A._countries(), key=len, reverse=True)
    alt = re.compile(rf"(?<![\w\-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w\-])")
    text = " ".join(names[::7]) + "\nRepublic of Belarusian, U.S.A. U.S. US, Indien. Côte d'Ivoire"
    assert [m.span() for m in A._rx()["country"].finditer(text)] == [m.span() for m in alt.finditer(text)]
    for i in range(0, len(text), 3):
        a, b = alt.match(text, i), A._rx()["country"].match(text, i)
        assert (a and a.span()) == (b and b.span())


TEXTS = CASES + MAIL_CASES + [
    Case("page", "IOM in Testland\n\nIn 1998 the mission opened an office in Old Harbour. The programme runs.\n"
                 "Population (2018):65.6 million\n\nInternational Organization for Migration (IOM)\n"
                 "14, Lenin Avenue, Northgate 61544\nRepublic of Testland\n\nTel: +375.1 757 872 70 8\n"
                 "Fax: +375.1 715 849 79 7\nEmail: office0@example.org\nWebsite: http://example.org/x"),
    Case("no_final_break", "Andes 1365, piso 1\n11100 Montevideo"),
    Case("final_break", "Andes 1365, piso 1\n11100 Montevideo\n"),
    Case("street_last", "Head office\nLindenstraße 7"),
    Case("blank_lines", "\n\nTel: 555 1234\n\n\nRue de Lausanne 15\n\n"),
]


def _whole(text: str) -> list[tuple[int, tuple]]:
    """C._line_scan over the whole text, grouped by line (what the memo gives)."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    by: dict[int, list] = {}
    for s, e, p in C._line_scan(text):
        a = max(x for x in starts if x <= s)
        by.setdefault(a, []).append((s - a, e - a, p))
    return [(a, tuple(sorted(v, key=lambda it: it[0]))) for a, v in sorted(by.items())]


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name[:30])
def test_line_memo_equals_whole_scan(case):
    want = _whole(case.text)
    memo = A.LineMemo(C._line_scan)
    assert memo.lines(case.text) == want            # cold
    assert memo.lines(case.text) == want            # warm
    # filled by other texts with some of the same lines, the last line elsewhere
    memo = A.LineMemo(C._line_scan)
    rows = case.text.split("\n")
    memo.lines("\n".join(rows[::2]))
    memo.lines("\n".join(rows[1::2]) + "\n")
    memo.lines(rows[-1] + "\nx")
    assert memo.lines(case.text) == want
    # keyed with the digits 1-9 as 1: filled by the same lines with other digits
    memo = A.LineMemo(C._line_scan, C._line_scan_blind)
    memo.lines(case.text.translate(str.maketrans("123456789", "987654321")))
    memo.lines(case.text.translate(str.maketrans("123456789", "111111111")))
    assert memo.blind and memo.lines(case.text) == want


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name[:30])
def test_find_parts_with_page_lines_equals_plain(case, monkeypatch):
    lines = A.page_lines(A.LineMemo(C._line_scan).lines(case.text))
    want = A.find_parts(case.text)
    assert A.find_parts(case.text, lines=lines) == want
    assert A.find_parts(case.text, lines=lines) == want      # windows memo warm
    monkeypatch.setattr(A, "GATED", False)
    assert A.find_parts(case.text) == want


def _contacts(text: str):
    doc = Doc.from_text(text, country_iso2="CH")
    return C.extract_contacts(doc)


def test_contacts_same_with_cold_and_warm_memos(monkeypatch):
    texts = [c.text for c in TEXTS] + ["\n".join(LINES[::-1]), "\n\n".join(LINES[::3])]
    texts += [t.translate(str.maketrans("123456789", "987654321")) for t in texts]
    monkeypatch.setattr(C, "_LINES", A.LineMemo(C._line_scan, C._line_scan_blind))
    monkeypatch.setattr(A, "_WINDOWS", A._Memo())
    cold = []
    for t in texts:
        C._LINES.memo.clear()
        A._WINDOWS.clear()
        cold.append(_contacts(t))
    warm = [_contacts(t) for t in texts]          # each page after all the others
    assert warm == cold
    assert [_contacts(t) for t in texts] == cold


def test_memo_forgets_when_full(monkeypatch):
    monkeypatch.setattr(A, "_MEMO_MAX", 3)
    m = A._Memo()
    for k in "abcd":
        m.remember(k)
    assert list(m) == ["d"]
    m.remember(None)
    assert list(m) == ["d"]
    monkeypatch.setattr(A, "_MEMO_CHARS", 10)
    m.remember("e", size=8)
    m.remember("f", size=1)
    assert list(m) == ["d", "e", "f"]
    m.remember("g")
    assert list(m) == ["g"]


GATE_TEXTS = TEXTS + [Case(c.name + "_squeezed", c.text.replace(" ", "")) for c in TEXTS[:12]] + [
    Case("digits", "5,000 and 12-14 and 7 AB Main, 9 г. Ош, 3 гор. Бишкек\n4 -5 1 Z\n2021-2022: 3,5"),
    Case("states", "Austin, TX, USA\nBoise, ID,US and Reno, NV, USD\nHalifax, NS, Canada; Troy, NY, U.S."),
]


@pytest.mark.parametrize("case", GATE_TEXTS, ids=lambda c: c.name[:30])
def test_gate_items_equal_gate_lines(case):
    """The digit gates in one scan, street_alone on street_words lines: the
    same lines as each gate's own scan."""
    t = case.text
    want = sorted((a, b, ("gate", k)) for k in A._gate_keys() for a, b in A._gate_lines(k, t, 0, len(t)))
    assert sorted(A._gate_items(t)) == want


@pytest.mark.parametrize("case", GATE_TEXTS, ids=lambda c: c.name[:30])
def test_line_start_scan_equals_line_patterns(case):
    t = case.text
    want = sorted((m.start(), m.start(), ("line", n)) for n, p in A._line_patterns().items()
                  for m in p.finditer(t))
    assert sorted(x for x in A.line_items(t) if x[2][0] == "line") == want


def _lines_of(gate: re.Pattern, text: str) -> list[tuple[int, int]]:
    return list(E._lines_with(gate, text, 0, len(text)))


@pytest.mark.parametrize("case", GATE_TEXTS + [Case("www", "wwww.x.org WWW.Y.ORG wWw.z.org w.ww.x\nhttp://a ftp://b :// x")],
                         ids=lambda c: c.name[:30])
def test_url_and_domain_gates_find_the_plain_gates_lines(case):
    t = case.text + "\nsee a.b, 3.5, e.g. x.Y and q.z.\nwww.caps.ORG"
    assert _lines_of(E._URL_GATE, t) == _lines_of(re.compile(r"(?i)://|www\."), t)
    assert _lines_of(E._DOMAIN_GATE, t) == _lines_of(re.compile(r"[a-z0-9]\.[a-z]"), t)


BLIND = [(r"\d{4}(?:-\d{3})?[ \t]+[A-Z]", True), (r"[0-9]x|[^0-9]|\w", True), (r"(?=00[1-9])\(0", True),
         (r"(?:1[6-9]|20)\d{2}", False), (r"[0-5]", False), (r"[^1-8]", False), (r"(\d)\1", False), (r"7", False)]


@pytest.mark.parametrize("pattern,blind", BLIND, ids=[b[0] for b in BLIND])
def test_digit_blind(pattern, blind):
    assert A.digit_blind([re.compile(pattern)]) is blind


def test_memo_patterns_are_digit_blind():
    """(else the memos key lines and windows by their exact text: slower, not wrong)"""
    assert C._line_scan_blind() and A._windows_blind()


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name[:30])
def test_find_parts_windows_keyed_blind(case, monkeypatch):
    """Windows remembered from a text with other digits give the same parts."""
    monkeypatch.setattr(A, "_WINDOWS", A._Memo())
    want = A.find_parts(case.text)
    A._WINDOWS.clear()
    for other in (case.text.translate(str.maketrans("123456789", "987654321")),
                  case.text.translate(str.maketrans("123456789", "111111111"))):
        A.find_parts(other)
    assert A.find_parts(case.text) == want


NEWLINE = [(r"a\s", 0, True), (r"[^,]", 0, True), (r"[ \t]x$", re.M, False), (r"x$", 0, True), (r"x\Z", re.M, True),
           (r"(?=[\s,])", 0, True), (r"\W", 0, True), (r"[\w.]+", 0, False), (r".", 0, False), (r".", re.S, True),
           (r"[^\S\n]", 0, False), (r"(?<![\w\-])\d{2}(?![\w])", 0, False)]


@pytest.mark.parametrize("pattern,flags,may", NEWLINE, ids=[n[0] for n in NEWLINE])
def test_may_match_newline(pattern, flags, may):
    """What lets gate windows be scanned line by line (parse/addresses.py _line_local)."""
    assert A._may_match_newline(A.P.parse(pattern, flags), flags) is may


@pytest.mark.parametrize("case", TEXTS, ids=lambda c: c.name[:30])
def test_gated_windows_line_by_line_equal_whole_scan(case, monkeypatch):
    """Runs of gate lines (a block of addresses) scanned line by line find
    what the patterns' finditer finds."""
    text = "\n".join([case.text] * 3)
    monkeypatch.setattr(A, "GATED", False)
    want = A.find_parts(text)
    monkeypatch.setattr(A, "GATED", True)
    monkeypatch.setattr(A, "_WINDOWS", A._Memo())
    assert A.find_parts(text) == want


PHONE_ROWS = ["Population (2018-2023): 4 500 000", "Tel 022 730 82 08, 730 82 09", "USD 1 234 567 and EUR 7 654 321",
              "IBAN SI56 0201 1000 0123 456", "Call 0041 22 123 45 67 or (04) 771358/758700", "2015-2020 | 12.05.2020",
              "x+41 22 1234567 ext. 12", "No. 123 4567 89", "212-370-7885"]


@pytest.mark.parametrize("row", PHONE_ROWS)
def test_bare_phone_items_remembered_equal_plain(row, monkeypatch):
    """Unlabelled numbers found again from the memo (filled by other texts
    with the same rows) are the ones _phone_items finds."""
    from profile_extract.parse.phones import PHONE_RUN
    monkeypatch.setattr(C, "_BARE_PHONES", A._Memo())
    for text in (row, "Head\n" + row, "ab " + row + "\n" + row, row.replace(" ", "  ")):
        want = [C._phone_items(text, m.start(), m.end(), "phone", False) for m in PHONE_RUN.finditer(text)]
        for _ in range(2):
            assert [C._bare_phone_items(text, m.start(), m.end()) for m in PHONE_RUN.finditer(text)] == want


def _org_plain():
    """The organisation patterns written as case-insensitive alternations, longest first."""
    d = A.data()["organization"]
    titles = list(d["addressee_titles"]) + [t[4:] for t in d["addressee_titles"] if t.startswith("The ")]

    def alt(ws):
        return "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))
    return (re.compile(rf"^(?:{alt(titles)})(?![\w])[\s,:]*", re.I),
            re.compile(rf"(?<![\w])(?:{alt(d['keywords'])})(?![\w])", re.I),
            re.compile(rf"^(?:{alt(t.rstrip('.') for t in d['person_titles'])})\.?\s", re.I),
            re.compile(rf"(?<![\w])(?:{alt(A.data()['streets']['subaddress'])})(?![\w])", re.I),
            re.compile(rf"(?:^(?:{alt(d['building_first'])})\s.*|.*\s(?:{alt(d['building_last'])}))\Z"))


def _org_texts() -> list[str]:
    d = A.data()["organization"]
    words = (d["addressee_titles"] + d["keywords"] + d["person_titles"] + d["building_last"]
             + d["building_first"] + A.data()["streets"]["subaddress"])
    out = []
    for w in words:
        for v in (w, w.upper(), w.lower(), w.title(), w.rstrip(".")):
            out += [v, v + " Smith", "The " + v + " of X", v + ". Dr", v + "s", "x" + v, "Lakeside " + v]
    return out


def test_org_tries_equal_alternations():
    title, kw, person, sub, building = _org_plain()
    t_rx, _, kw_rx, person_rx, sub_rx, _ = C._org_data()
    for t in _org_texts():
        a, b = title.match(t), t_rx.match(t)
        assert (a and a.span()) == (b and b.span()), t
        assert bool(kw.search(t)) == bool(kw_rx.search(t)) and bool(kw.fullmatch(t)) == bool(kw_rx.fullmatch(t)), t
        assert bool(person.match(t)) == bool(person_rx.match(t)), t
        assert bool(sub.search(t)) == bool(sub_rx.search(t)), t
        assert bool(building.match(t)) == bool(C._building_rx().match(t)), t


_ASCII_LABELS = [w for grp in ("strong", "weak") for ws in A.data()["labels"][grp].values() for w in ws if w.isascii()]
LABEL_TEXTS = [c.text for c in TEXTS if c.text.isascii()] + [
    "\n".join(f"{p}{v}{tail}" for v in (w, w.upper(), w.lower())
              for p in ("", "x", "1", "(", " | ", "-")
              for tail in (": 555 1234", " +41 22 1234567", "+41 22 1234567", "www.x.org", " -- x", "", ".: a@b.org"))
    for w in _ASCII_LABELS]


@pytest.mark.parametrize("text", LABEL_TEXTS, ids=lambda t: t[:20])
def test_ascii_label_scan_equals_label_pattern(text):
    """An ASCII text's labels, found from the characters that are no letters:
    the label pattern's finditer matches."""
    assert text.isascii()
    want = [(m.span(), m.groupdict()) for m in C._label_rx()[0].finditer(text)]
    assert [(m.span(), m.groupdict()) for m in C._label_matches(text)] == want


@pytest.mark.parametrize("case", MAIL_CASES + TEXTS[-5:], ids=lambda c: c.name[:30])
def test_label_value_urls_remembered_equal_find_urls(case):
    t = case.text
    for s, e in ((0, len(t)), (3, len(t)), (0, len(t) - 2), (5, min(len(t), 40))):
        for _ in range(2):
            assert C._urls_at(t, s, e) == E.find_urls(t, s, e, bare=True)
            assert list(C._emails_of(t[s:e])) == E.find_emails(t[s:e])
