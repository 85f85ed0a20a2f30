"""The batch's fast paths around the extractors, each against its plain form."""
from __future__ import annotations

import hashlib
from typing import NamedTuple

import pytest

from profile_extract import pipeline
from profile_extract.pipeline import page_id_for


def _plain_page_id(source: str, data: bytes) -> str:
    """page_id_for as first written: no memo."""
    h = hashlib.sha256(source.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()[:16]


class IdCase(NamedTuple):
    name: str
    calls: list  # (source, data) in order; the same object may come again


_A = b"Population: 4.1 million\n" * 100
_B = bytes(_A)  # equal bytes, maybe another object
_MUT = bytearray(b"Area: 33,846 km sq")

ID_CASES = [
    IdCase("same object twice", [("a.txt", _A), ("a.txt", _A)]),
    IdCase("same bytes, two sources", [("a.txt", _A), ("b.txt", _A), ("a.txt", _A)]),
    IdCase("equal bytes, other object", [("a.txt", _A), ("a.txt", b"x" + _B[1:]), ("a.txt", _B)]),
    IdCase("empty page", [("e.txt", b""), ("e.txt", b""), ("f.txt", b"")]),
    IdCase("surrogate in source", [("d\udcff.txt", _A), ("d\udcff.txt", _A)]),
    IdCase("bytearray changed between calls", [("m.txt", _MUT), ("m.txt", _MUT)]),
]


@pytest.mark.parametrize("case", ID_CASES, ids=lambda c: c.name)
def test_page_id_for_memo_gives_the_plain_id(case):
    pipeline._LAST_ID = None
    for i, (source, data) in enumerate(case.calls):
        want = _plain_page_id(source, bytes(data))
        assert page_id_for(source, data) == want
        if isinstance(data, bytearray):
            data[0] = (data[0] + i + 1) % 256  # a mutable buffer: the next call must hash again
