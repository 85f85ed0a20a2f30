"""Bytes -> str. Never raises.

Order (first that applies wins):

1. A byte-order mark (UTF-8, UTF-16, UTF-32) decides; the mark is not text.
2. UTF-16/32 without a mark (every other byte NUL around ASCII) is decoded as such;
   anything else with many NUL or control bytes is binary: ``failed``.
3. Valid UTF-8 is UTF-8, whatever the page declares (a page declaring
   ``iso-8859-1`` whose bytes are UTF-8 shows what the publisher wrote).
4. Nearly-UTF-8 (valid multi-byte sequences, a few bad bytes) is UTF-8 with the
   bad bytes replaced and a ``decode_error`` warning.
5. The charset the markup declares (``<meta charset>``, ``http-equiv``, XML
   declaration; found with bs4's ``EncodingDetector``), if the bytes decode under it.
   ``iso-8859-1``/``ascii`` mean windows-1252, as in browsers.
6. Otherwise a byte-statistics guess between windows-1251, KOI8-R and
   windows-1252 (Cyrillic text is runs of high bytes; Latin text has isolated
   ones), then bs4's ``UnicodeDammit`` as the last resort.

Control characters (NUL, C0 except tab/LF/CR, DEL, C1), stray BOMs and
bidi marks/embeddings are removed; form feed, vertical tab and U+2028/U+2029 become line feeds. The
returned ``text`` is the text spans point into for plain-text input.

>>> decode("Straße".encode("cp1252"), is_html=False).text
'Straße'
>>> decode(b"\\xef\\xbb\\xbfMinsk").text, decode(b"\\xef\\xbb\\xbfMinsk").encoding
('Minsk', 'utf-8-sig')
>>> decode(b"\\x00\\x01\\x02\\x03" * 50).failed
True
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..findings import Finding


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None
    findings: tuple[Finding, ...] = ()
    failed: bool = False
    error: str | None = None


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Bytes that never occur in text: NUL, C0 controls except \t \n \v \f \r and ESC, DEL.
_CTRL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_DELETE_CTRL = bytes.maketrans(b"", b"")  # identity table for bytes.translate(None, delete)


# Share of NUL/control bytes above which a page is binary, not text.
BINARY_SHARE = 0.10
# Declared labels mean the superset browsers decode with (WHATWG Encoding):
# Latin-1 and ASCII are windows-1252, GB2312 is GBK, Shift_JIS is cp932 ...
_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252",
            "iso-8859-1": "cp1252", "us-ascii": "cp1252", "latin1": "cp1252",
            "iso8859-9": "cp1254", "tis-620": "cp874", "iso8859-11": "cp874",
            "gb2312": "gbk", "euc_kr": "cp949", "shift_jis": "cp932", "big5": "big5hkscs"}
# Labels Python does not know, as browsers read them.
_LABELS = {"windows-874": "cp874", "x-sjis": "cp932", "iso-8859-8-i": "iso8859-8",
           "x-cp1251": "cp1251", "win-1251": "cp1251", "cp-1251": "cp1251", "x-cp1250": "cp1250",
           "x-mac-roman": "mac-roman", "latin-9": "iso8859-15", "gb_2312-80": "gbk", "x-gbk": "gbk",
           "x-euc-jp": "euc_jp", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8"}


def _cp1252_fallback(err: UnicodeDecodeError):
    """windows-1252 leaves five bytes undefined; map them as Latin-1 does (C1
    controls, removed later) instead of failing."""
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("profile_extract_cp1252", _cp1252_fallback)


# Removed: C0/C1 controls (not tab, LF, CR), stray BOMs, bidi marks and embeddings (invisible,
# and they split numbers: U+200E before a phone number). Line/page separators become LF.
_ANY_DIRT = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\u2028\u2029"
                       "\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _scrub(m: re.Match) -> str:
    return "\n" if m.group() in "\x0b\x0c\u2028\u2029" else ""


# UTF-8 lead bytes of every non-ASCII character `_ANY_DIRT` removes (C1 controls, U+2028,
# U+2029, U+200E/F, U+202A-E, U+2066-9, U+FEFF, U+FFFE): valid UTF-8 without any is clean there.
_DIRT_LEADS = (b"\xc2", b"\xe2\x80", b"\xe2\x81", b"\xef\xbb", b"\xef\xbf")


def _clean_utf8(text: str, data: bytes, controls: int) -> str:
    """`_clean` for text decoded from valid UTF-8 `data`, skipping the character
    scan when the bytes show nothing to remove: no control bytes (counted by
    `_control_bytes` over the whole page; VT, FF and ESC are not counted there)
    and none of the lead bytes of the removed non-ASCII characters."""
    if (controls or len(data) > _SAMPLE or b"\x0b" in data or b"\x0c" in data or b"\x1b" in data
            or not text.isascii() and any(lead in data for lead in _DIRT_LEADS)):
        return _clean(text)
    return text


def _clean(text: str) -> str:
    r"""Controls and stray BOMs out, page/line separators to line feeds.

    >>> _clean("a\x00b\x0cc\ufeffd")
    'ab\ncd'
    """
    if not _ANY_DIRT.search(text):  # the common case: nothing to do
        return text
    return _ANY_DIRT.sub(_scrub, text)


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    label = name.strip().strip("'\"").lower()
    label = _LABELS.get(label, label)
    try:
        canonical = codecs.lookup(label).name
    except (LookupError, ValueError, TypeError):
        return None
    if canonical.startswith("utf-16") or canonical.startswith("utf-32"):
        return "utf-8"   # a UTF-16 label in bytes that were read as ASCII: browsers use UTF-8
    return _ALIASES.get(canonical, canonical)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16/32 without a BOM: ASCII text with NULs at every other (fourth) byte."""
    sample = data[:4096]
    if b"\x00" not in sample:   # the common case: no NUL, nothing below can match
        return None
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    sample = sample[:n]
    quads = [sample[i::4] for i in range(4)]
    nul = [q.count(0) / len(q) for q in quads]
    if nul[1] > .9 and nul[2] > .9 and nul[3] > .9 and nul[0] < .5:
        return "utf-32-le"
    if nul[0] > .9 and nul[1] > .9 and nul[2] > .9 and nul[3] < .5:
        return "utf-32-be"
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > .7 and even_nul < .1:
        return "utf-16-le"
    if even_nul > .7 and odd_nul < .1:
        return "utf-16-be"
    return None


_SAMPLE = 65536


def _control_bytes(data: bytes) -> int:
    """NUL/control bytes in the first 64 KB (the binary test; when the page is
    no longer than that, zero also lets `_clean` skip its scan)."""
    sample = data[:_SAMPLE]
    return len(sample) - len(sample.translate(_DELETE_CTRL, _CTRL_BYTES))


def _declared(data: bytes, is_html: bool) -> list[str]:
    """Codecs the markup declares, in page order (meta charset, http-equiv, XML)."""
    head = data[:8192]
    if b"<" not in head:
        return []
    low = head.lower()
    if not (is_html or b"<meta" in low or b"<?xml" in low or b"<html" in low):
        return []
    found = []
    for m in re.finditer(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]{1,40})""", head,
                         re.IGNORECASE):
        found.append(m.group(1).decode("ascii"))
    m = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:+-]{1,40})""", head, re.IGNORECASE)
    if m:
        found.append(m.group(1).decode("ascii"))
    if not found:
        try:  # bs4's own detector, for declarations written in shapes the pattern misses
            from bs4.dammit import EncodingDetector
            enc = EncodingDetector.find_declared_encoding(head, is_html=True)
            if enc:
                found.append(enc)
        except Exception:  # pragma: no cover - bs4 internals
            pass
    out = []
    for name in found:
        c = _codec(name)
        if c and c not in out:
            out.append(c)
    return out


def _strict(data: bytes, codec: str) -> str | None:
    try:
        if codec == "cp1252":
            return data.decode("cp1252", "profile_extract_cp1252")
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_LETTER_BYTES = bytes(range(0xC0, 0x100))   # letters in windows-1251, KOI8-R and windows-1252
_UPPER_HALF = bytes(range(0xE0, 0x100))


def _guess_single_byte(data: bytes) -> str:
    """windows-1251, KOI8-R or windows-1252, from where the high bytes sit.

    Cyrillic text is words made of high bytes; most letters are lower case,
    which windows-1251 puts at 0xE0-0xFF and KOI8-R at 0xC0-0xDF. Latin text
    has isolated high bytes between ASCII letters.

    >>> _guess_single_byte("Привет, как дела? Всё хорошо.".encode("cp1251"))
    'cp1251'
    >>> _guess_single_byte("Привет, как дела? Всё хорошо.".encode("koi8_r"))
    'koi8-r'
    >>> _guess_single_byte("Größe und Straße, café crème".encode("cp1252"))
    'cp1252'
    """
    sample = data[:65536]
    runs = re.findall(rb"[\xc0-\xff]{3,}", sample)
    high = len(sample) - len(sample.translate(None, _LETTER_BYTES))
    if not high:
        return "cp1252"
    joined = b"".join(runs)
    in_runs = len(joined)
    if in_runs / high < 0.5:
        return "cp1252"
    upper_half = in_runs - len(joined.translate(None, _UPPER_HALF))
    return "cp1251" if upper_half >= in_runs - upper_half else "koi8-r"


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes: (text with U+FFFD, number replaced), else None.
    A sequence cut off at the end (a truncated page) counts as bad too."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad   # non-ASCII characters that decoded
    if good and good >= bad:
        return text, bad
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.end == len(data) and err.start >= len(data) - 3 and "end of data" in err.reason:
            return text, bad
    return None


def decode(data: bytes, is_html: bool = False) -> Decoded:
    """Decode page bytes. Never raises; see the module docstring for the order."""
    try:
        return _decode(bytes(data), is_html)
    except Exception as exc:  # defensive: a decoder bug must not lose the page
        return Decoded("", None, (Finding.error("decode_error", f"decoder failed: {exc!r}"),),
                       failed=True, error=f"could not decode: {type(exc).__name__}")


def _decode(data: bytes, is_html: bool) -> Decoded:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return Decoded(_clean(body.decode(codec)), label)
            except UnicodeDecodeError:
                text = body.decode(codec, "replace")
                n = text.count("\ufffd")
                return Decoded(_clean(text), label, (Finding.warning(
                    "decode_error", f"{n} byte sequence(s) that are not {label} were replaced"),))

    wide = _sniff_utf16(data)
    if wide:
        text = data.decode(wide, "replace")
        findings = ()
        if "\ufffd" in text:
            findings = (Finding.warning("decode_error", f"bytes that are not {wide} were replaced"),)
        return Decoded(_clean(text), wide, findings)

    controls = _control_bytes(data)
    share = controls / min(len(data), _SAMPLE) if data else 0.0
    if share > BINARY_SHARE:
        msg = f"not text: {share:.0%} of the bytes are NUL or control bytes"
        return Decoded("", None, (Finding.error("decode_error", msg),), failed=True, error=msg)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoded(_clean_utf8(text, data, controls), "utf-8")

    near = _mostly_utf8(data)
    declared = _declared(data, is_html)
    if near and not any(c not in ("utf-8", "cp1252") for c in declared):
        text, bad = near
        return Decoded(_clean(text), "utf-8", (Finding.warning(
            "decode_error", f"{bad} byte(s) that are not UTF-8 were replaced"),))

    for codec in declared:
        if codec in ("utf-8", "utf-8-sig"):
            continue  # already failed above: the declaration is wrong
        text = _strict(data, codec)
        if text is not None:
            return Decoded(_clean(text), codec)

    guess = _guess_single_byte(data)
    text = _strict(data, guess)
    if text is not None:
        return Decoded(_clean(text), guess)

    try:
        from bs4 import UnicodeDammit
        dammit = UnicodeDammit(data, is_html=is_html)
        if dammit.unicode_markup is not None:
            return Decoded(_clean(dammit.unicode_markup), dammit.original_encoding)
    except Exception:  # pragma: no cover - bs4 internals
        pass
    text = data.decode("utf-8", "replace")
    return Decoded(_clean(text), "utf-8", (Finding.warning(
        "decode_error", "bytes in no known encoding were replaced"),))
