"""Second round of events speed paths, each against the plain expression it
replaces: ASCII twins of the word and token patterns (used only on ASCII text)
and the one-set pre-check of `_is_meta`. Test strings are written for these tests."""
from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.extract import events as ev

PIECES = ["Mission", "opened", "an", "office", "in", "Old Harbour", " ", "  ", "\t", "\n", "'", "’",
          "-", "_", "%", "&", "©", "$", "3,000", "12", "2017", "co-operation", "don't", "it’s",
          "Retrieved", "retrieved on", "Posted", "last edited", "published", "was", "As of",
          "Copyright", "(c)", "All rights reserved", "Photo:", "ſ", "İ", "é", "Ω", "x1", "A_b", ".",
          ",", ":", "the", "report", "May", "June", "Juneof", "5thof", "de", "del", "Updated"]
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


class Case(NamedTuple):
    text: str
    note: str = ""


ASCII_TEXTS = [
    Case("Mission opened an office in Old Harbour 24 December 2017", "plain prose"),
    Case("don't co-operate_with x1y2 it's 12% & more", "apostrophe, hyphen, underscore, digits"),
    Case("A__b ''x'' -y- 'z", "runs of marks"),
    Case("", "empty"),
    Case("UPPER lower MiXeD 1999s", "cases"),
]


@pytest.mark.parametrize("case", ASCII_TEXTS, ids=lambda c: c.note)
@pytest.mark.parametrize("fast,plain", [(ev._TOK_A, ev._TOK), (ev._WORD_A, ev._WORD),
                                        (ev._LONG_RUN_A, ev._LONG_RUN)], ids=["tok", "word", "run"])
def test_ascii_twins_table(case, fast, plain):
    for s in (case.text, case.text.lower()):
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_ascii_twins_agree(s):
    if not s.isascii():
        return
    for fast, plain in ((ev._TOK_A, ev._TOK), (ev._WORD_A, ev._WORD), (ev._LONG_RUN_A, ev._LONG_RUN)):
        for t in (s, s.lower()):
            assert [m.span() for m in fast.finditer(t)] == [m.span() for m in plain.finditer(t)]


def _is_meta_plain(pre: str) -> bool:
    """`_is_meta` as it was before the one-set pre-check (and without ASCII twins)."""
    toks = ev._TOK.findall(pre[-64:].lower())
    far, near = toks[-5:], toks[-2:]
    if ev._META_NEAR.found_few(near) or pre.rstrip().endswith("©"):
        return True
    if not ev._META.found_few(far):
        return False
    if "last" in far:
        return True
    for i, t in enumerate(far):
        if t in ev._META.single or t in ev._META.phrases:
            if i > 0 and far[i - 1] in ev._PASSIVE:
                return False
            if t.endswith("ed") and any(w not in ev._STAMP_LINKS for w in far[i + 1:]):
                for m in ev._SUBJECT_BEFORE.finditer(pre[-64:]):
                    if m.group(2).lower() == t and m.group(1).lower() not in ev._FUNCTION \
                            and m.group(1).lower() not in ev._META.single:
                        return False
    return True


META_PRES = [
    Case("Mission opened an office in Old Harbour ", "no meta word"),
    Case("Retrieved ", "stamp"),
    Case("This page was last edited on ", "last edited"),
    Case("The annual report was published in ", "passive happening"),
    Case("Photo: J. Doe, published ", "credit"),
    Case("Issued ©  ", "copyright sign"),
    Case("As of ", "state stamp"),
    Case("Posted on ", "post"),
    Case("x" * 70 + " updated ", "long pre"),
]


@pytest.mark.parametrize("case", META_PRES, ids=lambda c: c.note)
def test_is_meta_table(case):
    assert ev._is_meta(case.text) == _is_meta_plain(case.text)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_is_meta_agrees(pre):
    assert ev._is_meta(pre) == _is_meta_plain(pre)
    assert ev._is_meta(pre + " ") == _is_meta_plain(pre + " ")


GLUED_PRES = [
    Case("Formation11 ", "glued day"),
    Case("Formation11.\n", "glued day, dot, line break"),
    Case("in Old Harbour ", "plain"),
    Case("Formation11", "no space after"),
    Case("x5\u00a0", "no-break space"),
    Case("", "empty"),
]


def _glued_fast(pre: str) -> bool:
    """The guarded form in `_judge`: the pattern is asked only when pre ends in a space."""
    rp = pre.rstrip()
    return bool(pre[-1:].isspace() and ev._GLUED_DAY.search(pre, max(0, len(rp) - 4)))


def _glued_plain(pre: str) -> bool:
    return bool(ev._GLUED_DAY.search(pre, max(0, len(pre.rstrip()) - 4)))


@pytest.mark.parametrize("case", GLUED_PRES, ids=lambda c: c.note)
def test_glued_guard_table(case):
    assert _glued_fast(case.text) == _glued_plain(case.text)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_glued_guard_agrees(pre):
    for p in (pre, pre + " ", pre + "5 ", pre + "\n"):
        assert _glued_fast(p) == _glued_plain(p)


SENTENCES = [
    Case("The office opened in 1996 and moved in 2004 to Oslo.", "two dates, one clause"),
    Case("From 1990 to 1995, it grew; in 2001 it closed.", "two clauses"),
    Case("Mission opened an office in Old Harbour 24 December 2017", "one date"),
]


@pytest.mark.parametrize("case", SENTENCES, ids=lambda c: c.note)
def test_sentence_toks_cache(case):
    """The window tokens a sentence keeps are the tokens of the window asked."""
    t = case.text
    sent = ev._Sentence(t, 0, len(t))
    for m in sent.cands:
        win = sent.window(m.s, m.e)
        got, fresh = sent.toks(win), ev._Toks(win)
        assert (got.toks, got.set, got.raw, got.joined) == (fresh.toks, fresh.set, fresh.raw, fresh.joined)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_block_markers_agree(s):
    """The block's markers from one lowered copy equal `_has_line_marker` of it."""
    lb = s.lower()
    assert any(m in lb for m in ev._LINE_MARKERS) == ev._has_line_marker(s)
    assert any(m in lb for m in ev._SENTENCE_MARKERS) == ev._has_line_marker(s, ev._SENTENCE_MARKERS)
