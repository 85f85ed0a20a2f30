"""Hostile input: any bytes give a page status, never an exception."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract import extract_page
from profile_extract.options import Options

STATUSES = {"ok", "partial", "empty", "failed"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html", "feed"]))
def test_any_bytes_give_a_status(data, source):
    pr = extract_page(data, source)
    assert pr.status in STATUSES
    for kind in (pr.facts, pr.events, pr.contacts, pr.stories):
        for r in kind:
            assert 0 <= r.span.start <= r.span.end <= len(pr.text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_gives_a_status_and_spans_inside(text):
    pr = extract_page(text.encode("utf-8", "surrogatepass"), "x.txt")
    assert pr.status in STATUSES
    assert all(0 <= f.span.start <= f.span.end <= len(pr.text) for f in pr.findings if f.span)


def test_page_over_limit_is_truncated_with_an_error_finding():
    data = b"Population: 5 million\n" + b"x" * 5000
    pr = extract_page(data, "big.txt", Options(max_bytes=1000))
    codes = {f.code.value for f in pr.findings}
    assert "too_large" in codes
    assert pr.status in {"partial", "empty"}
    assert len(pr.text) <= 1000


def test_binary_page_fails_with_reason():
    pr = extract_page(b"\x00\xff\xfe\x00" * 1000, "blob.txt")
    assert pr.status == "failed"
    assert pr.error


def test_crlf_text_keeps_offsets():
    raw = "Area: 10 km sq\r\nPopulation (2015): 2 million\r\n"
    pr = extract_page(raw.encode(), "crlf.txt")
    assert len(pr.text) == len(raw)
