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
