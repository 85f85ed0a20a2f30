"""Fast paths of the contacts stage, second round (real pages, memos cold):
each gives exactly what the plain path it replaces gives. Texts are written
here in the shapes pages use."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.parse import addresses as A


class Case(NamedTuple):
    name: str
    text: str


KEY_TEXTS = [
    Case("ascii", "Tel. 0231 45 67 89\nFax 0231 45 67 90\n"),
    Case("empty", ""),
    Case("all digits", "0123456789" * 3),
    Case("latin accents", "Straße 27, 80331 München — Büro 4. OG"),
    Case("cyrillic", "220030, г. Минск, пр. Победителей, 9 — тел. 8 (017) 222-33-44"),
    Case("greek", "Οδός Αιόλου 42, 105 51 Αθήνα"),
    Case("cjk", "〒100-8111 東京都千代田区 1-2-3 電話 03-3581-2345"),
    Case("other digits", "٢٣٤ ۵۶۷ २३४ ２３４ 234"),
    Case("astral", "🏢 Suite 2900 📞 +1 212 555 0199 𝟚𝟛"),
    Case("lone surrogate", "Room 12\udcff3 \ud800 Floor 9"),
    Case("odd spaces", "Av.\u00a0Paulista\u2009900 – 01310-100 São Paulo"),
]


@pytest.mark.parametrize("case", KEY_TEXTS, ids=lambda c: c.name)
def test_digits_as_one_equals_str_translate(case):
    assert A.digits_as_one(case.text) == case.text.translate(A._DIGITS_AS_ONE)


def test_digits_as_one_last_text_kept_by_identity():
    a = "Phone 0412 345 678"
    b = "".join(["Phone 0412 ", "999 888"])
    assert A.digits_as_one(a) == "Phone 0111 111 111"
    assert A.digits_as_one(a) == "Phone 0111 111 111"   # (the kept one)
    assert A.digits_as_one(b) == "Phone 0111 111 111"
    assert A.digits_as_one(a) == a.translate(A._DIGITS_AS_ONE)


from profile_extract.extract import contacts as C   # noqa: E402

_LABEL_WORDS = ("Tel", "Tel.", "Phone", "Fax", "E-mail", "Email", "Web", "Website", "Mobile", "Adresse",
                "Телефон", "Тел.", "Факс", "Téléphone", "Teléfono", "Τηλ.", "Ph", "T", "F", "M")
_BEFORE = ("", " ", "é", "Ü", "ж", "П", "–", "’", "·", "1", "²", "_", "ſ", "K", "(", "\u00a0", "\n", "x")
_AFTER = (": +41 22 123 45 67", " 0231 45 67 89", "+7 495 123-45-67", "www.beispiel.de",
          ": post@beispiel.de", " -- 555 0199", "", "\n", "ника: 1")
LABEL_CASES = [
    Case("contact block", "Kontakt – Büro\nTel.: +49 30 1234567\nFax: +49 30 1234568\nE-Mail: info@büro.de\n"),
    Case("cyrillic", "Адрес: ул. Ленина, 5\nТелефон: 8 (017) 222-33-44\nФакс +375 17 222 33 45\n"),
    Case("accents", "Téléphone : 01 23 45 67 89 · Télécopie 01 23 45 67 90 — Courriel: a@b.fr"),
    Case("glued", "MünchenTel+49 89 123456 ÖffnungszeitenFax+49 89 123457 Webwww.x.de"),
    Case("start", "Tel 0123 456789 ’Phone’ «Fax» „Mobile“"),
    Case("greek", "Τηλ.: +30 210 1234567, Φαξ: +30 210 1234568"),
] + [
    Case(f"grid {i}", "\n".join(f"{b}{w}{a}" for b in _BEFORE for a in _AFTER))
    for i, w in enumerate(_LABEL_WORDS)
]


def _label_key(ms):
    return [(m.span(), m.groupdict()) for m in ms]


@pytest.mark.parametrize("case", LABEL_CASES, ids=lambda c: c.name)
def test_label_scan_any_text_equals_label_pattern(case, monkeypatch):
    """Labels of a text with non-ASCII characters, found from the characters
    that are no ASCII letters (the non-ASCII letters refused after): the label
    pattern's finditer matches, and the scan on its first characters."""
    want = _label_key(C._label_rx()[0].finditer(case.text))
    assert _label_key(C._label_matches(case.text)) == want
    monkeypatch.setattr(C, "LABEL_SCAN_ANY_TEXT", False)
    assert _label_key(C._label_matches(case.text)) == want


SUFFIX_TEXTS = [
    Case("german", "Büro Mitte\nHauptstraße 12\n10115 Berlin\nAm Marktplatz 3a, 2. OG\nBahnhofstr. 7\n"),
    Case("no digit", "Goethestraße\nSchillerweg und Lindenallee\nKeine Nummer hier\n"),
    Case("house word", "Birkenweg Nr. 4\nTalstraße nº 9\nKirchgasse, 11\nDorfplatz\t5\n"),
    Case("edges", "Ringstraße 1"),
    Case("cyrillic", "Садовая улица 5\nНевский проспект, д. 28\n"),
    Case("nordic", "Storgatan 4\nKungsvägen 12\nÅsveien 3\nØstergade 2\n"),
]


@pytest.mark.parametrize("case", SUFFIX_TEXTS, ids=lambda c: c.name)
def test_suffix_num_quick_gate_equals_gate_scan(case, monkeypatch):
    """The suffix_num gate's lines found from the lines with a digit: the lines
    the gate itself finds."""
    text = case.text
    for s, e in ((0, len(text)), (2, max(2, len(text) - 3))):
        monkeypatch.setattr(A, "QUICK_GATES", False)
        whole = A._gate_lines("suffix_num", text, s, e)
        monkeypatch.setattr(A, "QUICK_GATES", True)
        assert A._gate_lines("suffix_num", text, s, e) == whole
    assert bool(A._gate_lines("suffix_num", text, 0, len(text))) == (case.name not in ("no digit", "cyrillic"))
