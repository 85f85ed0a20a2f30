"""The fast paths of the contacts stage find exactly what whole-text scans find:
gated address patterns (parse/addresses.py `GATED`), line-gated e-mail / URL /
domain patterns (parse/emails.py), the label spellings as a trie
(extract/contacts.py). Texts are written here in the shapes pages use."""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import pytest

from profile_extract.extract import contacts as C
from profile_extract.parse import addresses as A
from profile_extract.parse import emails as E


class Case(NamedTuple):
    name: str
    text: str


LINES = [
    "12 Harbour Street, Townsville, NY 10016-0903",
    "4400 Massachusetts Ave.\nWashington, D.C. 20016",
    "Avenue des Arts 45, B-1040 Bruxelles, Belgique",
    "Via Nazionale 89, 00184 Roma RM, Italia",
    "Lindenstraße 7\n10969 Berlin",
    "Hanauer Landstraße 126, 60314 Frankfurt am Main",
    "P.O. Box 58214 - 00300 Nairobi, Kenya",
    "Postfach 12 34 56, 53113 Bonn",
    "720040, г. Бишкек, ул. Киевская, 96",
    "ул. Садовая, д. 5, г. Минск 220030",
    "1-2-3 Kasumigaseki, Chiyoda",
    "Ülikooli 18, 50090 Tartu",
    "Andes 1365, piso 1\n11100 Montevideo",
    "Efstaleiti 9\n103 Reykjavík, Iceland",
    "John Smith Drive,",
    "Rue de Lausanne 15\nCH-1202 Genève",
    "Cambridge CB2 1TN",
    "Hobart TAS 7000",
    "Regina, SK S4P 3Y2",
    "Springfield, IL, USA",
    "Abuja, Nigeria",
    "11225\nBrooklyn, NY 11225",
    "BP 49 Dakar Sénégal",
    "Twelve Oak Lane",
    "25 East 39th Street",
    "7 bis Avenue de la Paix",
    "12\n- 14 Mill Road",          # a house-number range across a line break
    "3\nbis\nRue Neuve",
    "Head Office 9 Mill Road\n12\n-\n14 Mill Road\nAlpha 5 Main Street\n7\nbis Avenue Foch",
    "Twelve\n- 14 Oak Lane, 12/\n14 Elm Street",
    "Kyiv 04053, Ukraine",
    "2500 EB Den Haag",
    "Plot 12, Kololo",
    "In 1990 the Council met at Old Market Place.",
    "Founded 2004 in Springfield and Main Street programmes.",
    "The Road to 2030 report, Route 66 and Via 12 tours.",
    "ſtreet 4 and 12 ſtreet, 5 STREET, 6 Straße, 7 STRASSE, 8 Kelvin Way",
]
CASES = [Case(f"line{i}", t) for i, t in enumerate(LINES)]
CASES += [Case("all", "\n".join(LINES)), Case("all_blank", "\n\n".join(LINES)),
          Case("prose", " ".join(LINES).replace("\n", " ") * 3)]
# every street, PO box and state spelling in several cases, with numbers around it
_D = A.data()
_WORDS = (_D["streets"]["after"] + _D["streets"]["before"] + _D["streets"]["suffixes"]
          + _D["pobox"]["words"] + [s for ss in _D["states"].values() for s in ss])
CASES += [Case(f"word_{w}", "\n".join(
    f"{n} Alpha {v} {n}, {n}-{n} Beta{v}{n}\n{v} Gamma {n}a\nOmega, {v} 20016, USA\n{v}: 12 x"
    for n, v in ((12, w), (7, w.upper()), (301, w.lower()), (9, w.title()))))
    for w in _WORDS]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:30])
def test_gated_find_parts_equals_whole_scan(case, monkeypatch):
    monkeypatch.setattr(A, "GATED", False)
    whole = A.find_parts(case.text)
    monkeypatch.setattr(A, "GATED", True)
    assert A.find_parts(case.text) == whole
    if len(case.text) > 20:   # a region of the text too
        s, e = 5, len(case.text) - 7
        monkeypatch.setattr(A, "GATED", False)
        whole = A.find_parts(case.text, s, e)
        monkeypatch.setattr(A, "GATED", True)
        assert A.find_parts(case.text, s, e) == whole


def _emails_whole(text, start=0, end=None):
    end = len(text) if end is None else end
    out = []
    for m in E.EMAIL.finditer(text, start, end):
        v, ok = E.normalise_email(m.group(0))
        if "@" in v:
            out.append(E.Match(m.start(), m.end(), m.group(0), v, ok))
    starts = [o.start for o in out]
    for m in E.EMAIL_WORDS.finditer(text, start, end):
        k = bisect.bisect_left(starts, m.end())
        if k and out[k - 1].end > m.start():
            continue
        v, ok = E.normalise_email(m.group(0))
        if "@" in v:
            out.append(E.Match(m.start(), m.end(), m.group(0), v, ok))
    return sorted(out, key=lambda x: x.start)


def _urls_whole(text, bare):
    out = []
    for m in E.URL.finditer(text):
        e = E._trim(text, m.start(), m.end())
        raw = text[m.start():e]
        if "@" not in raw and len(raw) >= 5:
            out.append(E.Match(m.start(), e, raw, E.normalise_website(raw)))
    if bare:
        for m in E.DOMAIN.finditer(text):
            e = E._trim(text, m.start(), m.end())
            if not any(o.start <= m.start() < o.end for o in out):
                raw = text[m.start():e]
                out.append(E.Match(m.start(), e, raw, E.normalise_website(raw)))
        out.sort(key=lambda x: x.start)
    return out


MAIL_CASES = [
    Case("plain", "Write to info@example.org or Desk@Unit.Example.ORG.\nNext line"),
    Case("bracket", "name [at] example [dot] org\nname\n(at)\nexample\n(dot)\norg"),
    Case("words", "name at example dot org, other AT host DOT net"),
    Case("spaced", "hundeverein-x @gmx.de\nq@w.de\n@ alone"),
    Case("urls", "www.example.org\nhttp://x.example/a?b=c).\nWWW.CAPS.ORG\nftp://f.example/x"),
    Case("domains", "See example.int/en or md.dep.no, e.g. a.b and 3.5 kg.\nsub.example.co.uk"),
    Case("none", "No contact here at all, just 1990 and 2020.\n" * 5),
]


@pytest.mark.parametrize("case", MAIL_CASES + CASES[:5], ids=lambda c: c.name)
def test_line_gated_emails_and_urls_equal_whole_scans(case):
    t = case.text
    assert E.find_emails(t) == _emails_whole(t)
    assert E.find_emails(t, 3, len(t) - 2) == _emails_whole(t, 3, len(t) - 2)
    for bare in (False, True):
        assert E.find_urls(t, bare=bare) == _urls_whole(t, bare)


def _labels_plain() -> re.Pattern:
    """The label pattern written as plain alternations, longest first."""
    d = A.data()["labels"]
    strong = {w.rstrip(".").rstrip(" -") for ws in d["strong"].values() for w in ws}
    weak = {w.rstrip(".") for ws in d["weak"].values() for w in ws}
    s_alt = "|".join(re.escape(w) for w in sorted(strong, key=len, reverse=True))
    w_alt = "|".join(re.escape(w) for w in sorted(weak, key=len, reverse=True))
    num = r"(?:[ \t]*(?:No|Nr|Number|number|no)\.?)?"
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<s>(?i:{s_alt}))\.?{num}[ \t]*(?P<ssep>:|--|\||–(?=[ \t]))?"
        rf"|(?P<w>{w_alt})\.?[ \t]*(?P<wsep>:|--)"
        rf"|(?P<w1>[TFMPE])[ \t]+(?=\+\d|\(0|\(\+|[\w.\-]+@)"
        rf"|(?P<g>(?i:{w_alt}))(?=[+(\d]|(?i:www\.|https?://)))")


_LABEL_WORDS = [w for grp in ("strong", "weak") for ws in A.data()["labels"][grp].values() for w in ws]
LABEL_CASES = [Case(w, "\n".join(
    f"Foo {v}{tail} bar" for v in (w, w.upper(), w.lower(), w.title())
    for tail in (": 555 1234", " +41 22 1234567", "+41 22 1234567", "www.x.org", " -- x", "",
                 ".: a@b.org", " No. 12", "x", " word")))
    for w in _LABEL_WORDS]


@pytest.mark.parametrize("case", LABEL_CASES, ids=lambda c: c.name)
def test_label_trie_equals_alternation(case):
    plain = _labels_plain()
    got = [(m.span(), m.groupdict()) for m in C._label_rx()[0].finditer(case.text)]
    assert got == [(m.span(), m.groupdict()) for m in plain.finditer(case.text)]


@pytest.mark.parametrize("case", LABEL_CASES[::3] + CASES[:3], ids=lambda c: c.name[:30])
def test_label_scan_equals_label_pattern(case):
    """The split label scan (a class of first letters, then the pattern) finds
    the label pattern's finditer matches, glued and mid-word spellings too."""
    text = case.text + " x" + case.text.replace(" ", "") + "\n" + case.text.replace("\n", "|")
    want = [(m.span(), m.groupdict()) for m in C._label_rx()[0].finditer(text)]
    assert [(m.span(), m.groupdict()) for m in C._label_matches(text)] == want


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:30])
def test_quick_gate_lines_equal_gate_scan(case, monkeypatch):
    text = case.text + "\nxRue 4 Via\nVia\n" + case.text.replace(" ", "")
    for key in A._rx()["_gate_quick"]:
        for s, e in ((0, len(text)), (3, len(text) - 4)):
            monkeypatch.setattr(A, "QUICK_GATES", False)
            whole = A._gate_lines(key, text, s, e)
            monkeypatch.setattr(A, "QUICK_GATES", True)
            assert A._gate_lines(key, text, s, e) == whole


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:30])
def test_split_patterns_equal_finditer(case):
    """Patterns scanned as (first character class, pattern without its
    look-behind) find what their finditer finds, in a region too."""
    text = case.text + "\n3/4 Mill Road, x12 Oak Lane, One Elm Street\n" + case.text.replace(" ", "")
    for name, split in A._rx()["_split"].items():
        for s, e in ((0, len(text)), (3, len(text) - 4)):
            want = [(m.span(), m.groupdict()) for m in A._rx()[name].finditer(text, s, e)]
            assert [(m.span(), m.groupdict()) for m in A._split_finditer(split, text, s, e)] == want


class FirstCase(NamedTuple):
    pattern: str
    starts: str        # characters a match can start with
    not_starts: str    # characters it cannot


FIRST_CASES = [
    FirstCase(r"(?<![\d.,/])(?:One|Two|\d{1,3})x", "OT05", "ox .a"),
    FirstCase(r"(?:(?<![A-Z])[A-Z]{1,2}-|(?<!\w))(?:\d{4}|[A-C]\d)", "AZ09", "az -"),
    FirstCase(r"(?:ab)?c", "ac", "bC"),
]
FIRST_NONE = [r"a?", r"(?i)ab", r"[^a]b", r".b", r"(?:x|)y?"]


@pytest.mark.parametrize("case", FIRST_CASES, ids=lambda c: c.pattern)
def test_first_class(case):
    cls = re.compile(A._first_class(case.pattern))
    assert all(cls.fullmatch(c) for c in case.starts)
    assert not any(cls.fullmatch(c) for c in case.not_starts)


@pytest.mark.parametrize("pattern", FIRST_NONE)
def test_first_class_not_worked_out(pattern):
    assert A._first_class(pattern) is None


PHONE_TEXTS = [
    Case("intl", "Tel: +41 22 123 45 67, Fax +41 (0)22 123 45 68"),
    Case("glued", "x+41 22 1234567 a-022 123 4567 /022 123 4567 .022 123 4567"),
    Case("brackets", "[+1] 212 555 0100 (212) 555-0101 00 44 20 7946 0000"),
    Case("dots", "1.2.3.4.5.6.7 and 12.34.56.78.90 or 2024-2025 v 1234567@x.org"),
    Case("lines", "\n".join(LINES)),
]


@pytest.mark.parametrize("case", PHONE_TEXTS, ids=lambda c: c.name)
def test_phone_runs_equal_finditer(case):
    from profile_extract.parse.phones import PHONE_RUN
    want = [(m.span(), m.group(0)) for m in PHONE_RUN.finditer(case.text)]
    assert [(m.span(), m.group(0)) for m in C._phone_runs(case.text)] == want
