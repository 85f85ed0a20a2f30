"""Bytes -> text: encodings real pages use, what they declare, and junk."""
from __future__ import annotations

import codecs
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.ingest.decode import decode


class Case(NamedTuple):
    name: str
    data: bytes
    is_html: bool
    text: str              # expected text (or a part of it, see `whole`)
    encoding: str | None
    warning: bool = False  # a decode_error warning is expected
    whole: bool = True     # text is the whole decoded text (else: contained in it)


RU = "Население: 9,5 млн человек. Площадь: 207 595 кв. км"
DE = "Größe der Fläche, Straße, Café"


def meta(charset: str, body: str, codec: str) -> bytes:
    return (f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>'
            .encode(codec))


GOOD = [
    Case("utf-8", "Minsk, Мінск".encode(), False, "Minsk, Мінск", "utf-8"),
    Case("utf-8 with BOM: the BOM is not text", codecs.BOM_UTF8 + "Минск".encode(), False, "Минск", "utf-8-sig"),
    Case("utf-16 LE with BOM", codecs.BOM_UTF16_LE + "Area: 10 km²".encode("utf-16-le"), False,
         "Area: 10 km²", "utf-16"),
    Case("utf-16 BE with BOM", codecs.BOM_UTF16_BE + "Area: 10 km²".encode("utf-16-be"), False,
         "Area: 10 km²", "utf-16"),
    Case("utf-16 LE without BOM", "Population: 5 million\nArea: 10 km sq\n".encode("utf-16-le"), False,
         "Population: 5 million\nArea: 10 km sq\n", "utf-16-le"),
    Case("utf-32 LE with BOM", codecs.BOM_UTF32_LE + "Zürich".encode("utf-32-le"), False, "Zürich", "utf-32"),
    Case("cp1251 undeclared", RU.encode("cp1251"), False, RU, "cp1251"),
    Case("koi8-r undeclared", RU.encode("koi8_r"), False, RU, "koi8-r"),
    Case("cp1252 undeclared", DE.encode("cp1252"), False, DE, "cp1252"),
    Case("cp1252 smart quotes and dash", "“Quoted” – text…".encode("cp1252"), False, "“Quoted” – text…", "cp1252"),
    Case("declared iso-8859-1 means windows-1252", meta("iso-8859-1", "Straße – 12", "cp1252"), True,
         "<p>Straße – 12</p>", "cp1252", whole=False),
    Case("declared iso-8859-1 but the bytes are UTF-8", meta("iso-8859-1", "Straße 18", "utf-8"), True,
         "<p>Straße 18</p>", "utf-8", whole=False),
    Case("declared windows-1251", meta("windows-1251", RU, "cp1251"), True, f"<p>{RU}</p>", "cp1251", whole=False),
    Case("http-equiv content-type charset",
         ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
          f"</head><body>{RU}</body></html>").encode("cp1251"), True, RU, "cp1251", whole=False),
    Case("xml declaration", f"<?xml version='1.0' encoding='koi8-r'?><html><body>{RU}</body></html>"
         .encode("koi8_r"), True, RU, "koi8-r", whole=False),
    Case("declared utf-8 but the bytes are cp1251", meta("utf-8", RU, "cp1251"), True, RU, "cp1251", whole=False),
    Case("declared charset unknown to Python", meta("x-no-such-charset", DE, "cp1252"), True, DE, "cp1252",
         whole=False),
    Case("declared gb2312 means GBK", meta("gb2312", "人口：1400万", "gbk"), True, "人口：1400万", "gbk", whole=False),
    Case("declared shift_jis means cp932", meta("shift_jis", "人口①", "cp932"), True, "人口①", "cp932", whole=False),
    Case("declared iso-8859-9 means windows-1254", meta("iso-8859-9", "Nüfus: İstanbul", "cp1254"), True,
         "Nüfus: İstanbul", "cp1254", whole=False),
    Case("a label Python lacks (x-cp1251)", meta("x-cp1251", RU, "cp1251"), True, RU, "cp1251", whole=False),
    Case("meta in a page read without is_html", meta("windows-1251", RU, "cp1251"), False, RU, "cp1251",
         whole=False),
    Case("cp1252's undefined bytes do not fail", b"<meta charset='windows-1252'>a\x81b", True,
         "<meta charset='windows-1252'>ab", "cp1252"),
    Case("CR LF kept (the pipeline maps them, offsets unchanged)", b"Area: 1\r\nPop: 2\r\n", False,
         "Area: 1\r\nPop: 2\r\n", "utf-8"),
    Case("tabs kept", b"Area:\t10", False, "Area:\t10", "utf-8"),
    Case("a few NULs and controls in text are removed",
         b"Population: 5 million\x00\nArea: 10\x07 km sq\n" + b"More text on the page. " * 5, False,
         "Population: 5 million\nArea: 10 km sq\n", "utf-8", whole=False),
    Case("form feed and vertical tab become line breaks", b"page one\x0cpage two\x0bend", False,
         "page one\npage two\nend", "utf-8"),
    Case("a BOM inside the text is removed", "a\ufeffb".encode(), False, "ab", "utf-8"),
    Case("bidi marks are removed", "Tel: \u200e+375 17 288 27 42\u202c".encode(), False,
         "Tel: +375 17 288 27 42", "utf-8"),
    Case("empty", b"", False, "", "utf-8"),
]

REPLACED = [
    Case("UTF-8 with one stray byte", "Минск – столица. ".encode() * 3 + b"\xff" + "Брест.".encode(), False,
         "\ufffdБрест.", "utf-8", warning=True, whole=False),
    Case("UTF-8 cut in the middle of a character", "Area: 10 km²".encode()[:-1], False, "Area: 10 km\ufffd",
         "utf-8", warning=True),
    Case("UTF-16 with a BOM and a lone surrogate", codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8",
         False, "ab\ufffd", "utf-16", warning=True),
]

FAILED = [
    ("many NUL bytes", b"\x00\xff\xfe\x00" * 1000),
    ("PNG image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" * 20),
    ("gzip stream", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcbH\xcd\xc9\xc9\x07\x00\x86\xa6\x106\x05\x00\x00\x00"),
    ("a single NUL", b"\x00"),
    ("control bytes", bytes(range(1, 9)) * 30),
]


@pytest.mark.parametrize("case", GOOD + REPLACED, ids=[c.name for c in GOOD + REPLACED])
def test_decode(case):
    d = decode(case.data, is_html=case.is_html)
    assert not d.failed and d.error is None
    if case.whole:
        assert d.text == case.text
    else:
        assert case.text in d.text
    assert d.encoding == case.encoding
    codes = [(f.severity.value, f.code.value) for f in d.findings]
    assert codes == ([("warning", "decode_error")] if case.warning else [])


@pytest.mark.parametrize("name,data", FAILED, ids=[n for n, _ in FAILED])
def test_binary_fails_with_an_error_finding(name, data):
    d = decode(data)
    assert d.failed and d.error and d.text == ""
    assert [(f.severity.value, f.code.value) for f in d.findings] == [("error", "decode_error")]


NOT_MOJIBAKE = [  # decoded text must not show these (UTF-8 read as Latin-1 and the like)
    (meta("iso-8859-1", "Clara-Zetkin-Straße 42", "utf-8"), "StraÃŸe"),
    (RU.encode("cp1251"), "Íàñ"),
    (DE.encode("cp1252"), "\ufffd"),
]


@pytest.mark.parametrize("data,bad", NOT_MOJIBAKE)
def test_no_mojibake(data, bad):
    assert bad not in decode(data, is_html=True).text


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000), st.booleans())
def test_any_bytes_decode_without_raising(data, is_html):
    d = decode(data, is_html=is_html)
    assert isinstance(d.text, str)
    assert "\x00" not in d.text
    if d.failed:
        assert d.error and d.text == ""
        assert any(f.severity.value == "error" and f.code.value == "decode_error" for f in d.findings)
    else:
        assert all(f.code.value == "decode_error" and f.severity.value == "warning" for f in d.findings)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-16", "cp1251", "cp1252", "koi8_r"]))
def test_text_in_any_encoding_decodes_without_raising(text, codec):
    data = text.encode(codec, "replace")
    d = decode(data)
    assert isinstance(d.text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf")), max_size=300))
def test_utf8_text_roundtrips(text):
    d = decode(text.encode("utf-8"))
    assert not d.failed
    assert d.text == text.replace("\u2028", "\n").replace("\u2029", "\n")
