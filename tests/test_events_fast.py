"""The speed paths of extract/events.py and parse/sentences.py give the same
answers as the plain expressions they replace (kept here as the reference):
the month-name pre-check before the month pattern, the bounded searches of
end-anchored patterns, the block-level marker check, the token-set lexicon
tests, the one-clause shortcut and the sentence split that stops after the
last number. Test strings are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.extract import events as ev
from profile_extract.ingest.segment import Doc
from profile_extract.parse.dates import month_number
from profile_extract.parse.sentences import split_sentences

# Pieces that make the shapes the fast paths reason about: ordinals glued to
# `of`/`de` (`5thof`), `del` after the month, month names in several cases, letters
# that (?i) and lower() treat apart (İ, ſ, K), line breaks, bullets, markers.
PIECES = ["until", "up to", "bis zum", "from", "between", "the year", "in the year", "-", "2005-11-29", "29.11.2005", "1999.5", "2005,3", "-", "Population (2018): ", " -- ", "when", "WHEN", "Census", "km", "(founded", "estb", "est.", "(set up", "%", "USD", "$", "3,000", "12.500", "1,200-bed", "over", "and", "ſince", "wİth", "before", "that", "who", "5", "12", "31", "th", "st", "er", "of", "de", "del", "DEL", " ", "  ", ".", ",", "-",
          "June", "june", "may", "May", "Sept", "Dezember", "mars", "foo", "in", "the", "since",
          "İ", "ſt", "K", "\n", "\n\n", "\t", "•", "|", "'", "’", "2005", "1999", "301", "1,200",
          "Retrieved ", "ISBN", "©", "copyright (c)", "All Rights Reserved", "will", "was",
          "hosted", "about", "million", "people", ":", "(", ")", "ago", "Posted on "]
texts = st.lists(st.sampled_from(PIECES), min_size=0, max_size=14).map("".join)


class Case(NamedTuple):
    text: str
    note: str = ""


MONTH_WINDOWS = [
    Case("It met in Oslo on the 5th of June ", "ordinal and of"),
    Case("conference in Northgate 5 June ", "day month"),
    Case("foo bar 5thof June del ", "ordinal glued to of, del after the month"),
    Case("x 12erde Mai del ", "French ordinal glued to de"),
    Case("since ", "no month"),
    Case("May June ", "two months"),
    Case("the Junebug ", "a month name inside a longer word"),
    Case("İstanbul 3 Dezember ", "dotted capital I before the date"),
    Case("a b c d e f 5thof   June ", "four-letter run before the month"),
]


def _month_plain(text: str, ws: int, p: int):
    mo = ev._MONTH_BEFORE_Y.search(text, ws, p)
    return mo if mo and month_number(mo.group("mn")) is not None else None


def _same_match(a, b) -> bool:
    return (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


@pytest.mark.parametrize("case", MONTH_WINDOWS, ids=lambda c: c.note)
def test_month_before_table(case):
    t = case.text + "2024"
    p = len(case.text)
    for ws in range(0, p + 1):
        assert _same_match(ev._month_before(t, ws, p), _month_plain(t, ws, p)), (t, ws)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.integers(min_value=0, max_value=60))
def test_month_before_agrees(window, cut):
    t = window + "2024"
    p = len(window)
    ws = max(0, p - cut)
    assert _same_match(ev._month_before(t, ws, p), _month_plain(t, ws, p))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_bounded_glued_day_and_headline_agree(pre):
    glued = ev._GLUED_DAY.search(pre, max(0, len(pre.rstrip()) - 4)) is not None
    assert glued == (ev._GLUED_DAY.search(pre) is not None)
    for post in ("", "\n next", " and more"):
        plain = (not post.strip() or post.lstrip(" \t").startswith("\n")) \
            and ev._HEADLINE_PRE.search(pre) is not None
        assert ev._headline_date(pre, post) == plain


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_block_marker_check_covers_its_lines(s):
    """A block without a marker has no line or sentence with one (the per-line and
    per-sentence checks are skipped)."""
    for markers in (ev._LINE_MARKERS, ev._SENTENCE_MARKERS):
        if not ev._has_line_marker(s, markers):
            assert not any(ev._has_line_marker(line.strip(), markers) for line in s.split("\n"))
            assert not any(ev._has_line_marker(s[a:b], markers) for a, b in split_sentences(s))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_lexicon_set_tests_agree(win):
    tj = ev._Toks(win)
    for lex in (ev._FUTURE, ev._STAT_WORDS, ev._META, ev._META_NEAR, ev._STATE_STAMP):
        plain = lex.found(tj.toks, " " + " ".join(tj.toks) + " ")
        assert lex.found_in(tj) == plain
        assert lex.found_few(tj.toks) == plain


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_split_stop_keeps_the_sentences_before(text):
    full = split_sentences(text)
    for stop in range(0, len(text) + 2, 3):
        part = split_sentences(text, 0, len(text), stop)
        assert part == full[:len(part)]
        assert all(a >= stop for a, _ in full[len(part):])


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_may_split_is_never_wrong(s):
    """The one-clause shortcut is taken only where the clause pattern finds nothing."""
    if ev._CLAUSE_SPLIT.search(s) is not None:
        assert ev._may_split(s)


AFTER_YEAR = [Case(" Census data", "a name"), Case(" km walk", "a count"), Case(" the office opened", "prose"),
              Case("  PER  cent of", "a phrase over spaces"), Case(" Kms", "Kelvin sign: not ASCII"),
              Case(" ſtudents", "long s"), Case("", "nothing after")]
ESTB = [Case("the school (founded ", "participle in parentheses"), Case("Kharagpur (estb. ", "abbreviation"),
        Case("It was founded in ", "a trigger, not a participle"), Case("(set   up ", "a phrase"),
        Case("Verein, gegr. ", "German abbreviation"), Case("(FOUNDED ", "upper case"), Case("(ſet up ", "long s")]
STAT = [Case("In 2015, 11% of the staff", "percent"), Case("with 150 staff and", "a small count"),
        Case("about 3,000 people", "grouped"), Case("some USD 40 of it", "approximate amount in dollars"),
        Case("a 4,000 km journey", "a distance"), Case("12.500 Menschen", "dot thousands"),
        Case("1,200-bed hospital", "a size"), Case("Mission hosted a conference", "no number")]


@pytest.mark.parametrize("case", AFTER_YEAR, ids=lambda c: c.note)
def test_after_year_name_table(case):
    assert _same_match(ev._after_year_name(case.text), ev._AFTER_YEAR.match(case.text))


@pytest.mark.parametrize("case", ESTB, ids=lambda c: c.note)
def test_estb_before_table(case):
    assert _same_match(ev._estb_before(case.text), ev._ESTB.search(case.text))


@pytest.mark.parametrize("case", STAT, ids=lambda c: c.note)
def test_stat_number_table(case):
    assert ev._stat_number(case.text) == (ev._STAT_NUM.search(case.text) is not None)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_year_context_checks_agree(s):
    assert _same_match(ev._after_year_name(s), ev._AFTER_YEAR.match(s))
    assert _same_match(ev._estb_before(s[-20:]), ev._ESTB.search(s[-20:]))
    assert ev._stat_number(s) == (ev._STAT_NUM.search(s) is not None)


def _label_value_plain(line: str):
    m = ev._LABEL.match(line) if (":" in line or "：" in line or "--" in line) else None
    if not m:
        return None
    label = m.group("label")
    if ev._SENTENCE_END_IN.search(label) or label.count(" ") > 5 or "//" in line[m.end("label"):m.end("label") + 4]:
        return None
    if any(w.lower() in ev._VERBS for w in ev._WORD.findall(label)):
        return None
    return label, m.start("value")


def _candidates_plain(text: str, start: int, end: int):
    """The candidate scan with every pattern tried (no character pre-checks)."""
    out, pos = [], start
    for y in ev._Y_RUN.finditer(text, start, end):
        p, q = y.start(), y.end()
        if p < pos:
            continue
        if q - p == 3:
            if p > start and text[p - 1].isspace() and ev._short_year(text, p, q, start, end):
                out.append((p, q, "year", None))
                pos = q
            continue
        if q - p == 4:
            iso = ev._ISO_AT.match(text, p, end)
            if iso:
                out.append((p, iso.end(), "iso", None))
                pos = iso.end()
                continue
        if ev._AFTER_DATE_OK.match(text, q, end) is None:
            continue
        if p - start >= 4 and text[p - 1] in "./- ":
            num = ev._NUM_BEFORE_Y.search(text, max(start, p - 7), p)
            if num:
                out.append((num.start(), q, "num", None))
                pos = q
                continue
        mo = ev._MONTH_BEFORE_Y.search(text, max(pos, p - 34), p)
        if mo and month_number(mo.group("mn")) is not None:
            kind = "dmy" if mo.group("d1") else ("mdy" if mo.group("d2") else "my")
            out.append((mo.start(), q, kind, mo.group("mn")))
            pos = q
            continue
        if q - p != 4 or not ("1000" <= text[p:q] <= "2099") or ev._AFTER_YEAR_BAD.match(text, q, end):
            continue
        out.append((p, q, "year", None))
        pos = q
    return out


CANDIDATES = [Case("On 29 November 2005, in 1999, Nov. 2005, 2005-11-29, 29.11.2005, the 1950s", "shapes"),
              Case("12/31/2005 and 3. Dezember 2016; 1999.5 and 2005,3 and 2005-1", "separators after the year"),
              Case("It was converted in 301. In 2004-05 it grew; 5 June 2024", "short year, ISO-like range")]


@pytest.mark.parametrize("case", CANDIDATES, ids=lambda c: c.note)
def test_candidates_table(case):
    t = case.text
    for a in range(0, len(t), 7):
        got = [(c.s, c.e, c.kind, c.mn) for c in ev._candidates(t, a, len(t))]
        assert got == _candidates_plain(t, a, len(t))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_candidates_and_label_rows_agree(s):
    assert [(c.s, c.e, c.kind, c.mn) for c in ev._candidates(s, 0, len(s))] == _candidates_plain(s, 0, len(s))
    for line in s.split("\n"):
        assert ev._label_value(line.strip()) == _label_value_plain(line.strip())


def _date_qualifier_plain(pre: str, prev):
    if prev is not None and prev[2] == "start":
        return None, None
    if not pre or not pre[-1].isspace():
        return None, None
    t = ev._trigger(ev._tail_words(pre.rstrip(), 32)[0], ev._DATE_TRIGGERS)
    if not t:
        return None, None
    word = t[0]
    if word in ("from", "between") or (word in ev._RANGE_START and word not in ev._TRIG_WORD):
        return "since", "start"
    return ev._TRIG_WORD.get(word), None


QUALIFIER_PRES = [Case("It has been open since ", "since"), Case("from the ", "range start"),
                  Case("in Northgate ", "no trigger"), Case("until-- ", "dashes only"),
                  Case("BIS ZUM ", "German, upper case"), Case("(in) ", "punctuation round a trigger"),
                  Case("x" * 40 + " ", "one long cut word"), Case("ſince ", "long s")]


@pytest.mark.parametrize("case", QUALIFIER_PRES, ids=lambda c: c.note)
def test_date_qualifier_table(case):
    assert ev._date_qualifier(case.text, None) == _date_qualifier_plain(case.text, None)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_date_qualifier_agrees(pre):
    for p in (pre, pre + " "):
        assert ev._date_qualifier(p, None) == _date_qualifier_plain(p, None)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES + ["U.S.", "Prof.", '"', ")", "]", "”", "_", "e.g."]), max_size=12).map("".join),
       st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=80))
def test_word_before_agrees(text, a, b):
    from profile_extract.parse import sentences as sn
    lo, i = sorted((min(a, len(text)), min(b, len(text))))
    m = sn._WORD_BEFORE.search(text, lo, i)
    assert sn._word_before(text, lo, i) == (m.group(1) if m else None)


DIGIT_PLAIN = {"_Y_RUN": r"\d(?<!\d\d)\d{2,4}(?!\d)", "_Y4": r"\d{4}", "_D3ANY": r"\d{3}", "_DIGIT": r"\d"}


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["1", "12", "2005", "123456", "٣", "٢٠٠٥", "²", "x", " ", "é", "-", "\n"]),
                max_size=12).map("".join), st.integers(min_value=0, max_value=10))
def test_digit_patterns_agree(text, a):
    import re
    a = min(a, len(text))
    for name, plain in DIGIT_PLAIN.items():
        fast = getattr(ev, name)
        assert [m.span() for m in fast.finditer(text, a)] == [m.span() for m in re.compile(plain).finditer(text, a)]


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["5", "29", "2005", "1994", "31", "12", " ", ".", "/", "-", ",", "June", "Nov.", "mayo",
                                 "de", "of", "th", "г.", "٢٠٠٥", "x", "20051"]), min_size=1, max_size=7).map("".join))
def test_date_forms_skip_agrees(text):
    from profile_extract.parse import dates as pd
    t = " ".join(text.split())
    if t:
        assert pd._parse.__wrapped__(text) == pd._parse_forms(t, pd._FORMS)


def _is_prose_plain(s: str) -> bool:
    words = ev._WORD.findall(s)
    if len(words) < 3:
        return False
    fw = 0
    for i, w in enumerate(words):
        lw = w.lower()
        if lw in ev._VERBS or ((i == 0 or w[0].islower()) and ev._VERBISH.fullmatch(lw) and lw not in ev._NOT_VERBS):
            return True
        fw += lw in ev._FUNCTION
    return len(words) >= 6 and fw >= 2


def _has_verb_plain(s: str) -> bool:
    return any(lw in ev._VERBS or ((i == 0 or w[0].islower()) and ev._VERBISH.fullmatch(lw) and lw not in ev._NOT_VERBS)
               for i, (w, lw) in enumerate((w, w.lower()) for w in ev._WORD.findall(s)))


PROSE = [Case("Founded it", "a verb in two words"), Case("It was", "two words"), Case("The office was opened", "verb"),
         Case("Coronation of the Varenko dynasty in the north", "function words, no verb"),
         Case("Opening Hours of the Office", "capitalised -ing"), Case("a b c d e of the", "six words, two function words")]


@pytest.mark.parametrize("case", PROSE, ids=lambda c: c.note)
def test_prose_tests_table(case):
    assert ev._is_prose(case.text) == _is_prose_plain(case.text)
    assert ev._has_verb(case.text) == _has_verb_plain(case.text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["was", "Founded", "founded", "opening", "Meeting", "of", "the", "in", "x", "Oslo", "2005",
                                 " ", " ", ",", "-", "'", "İ", "building", "it", "and", "abriu", "Criou", "museu",
                                 "abrió", "fondò", "ou"]), max_size=14).map("".join))
def test_prose_tests_agree(s):
    assert ev._is_prose(s) == _is_prose_plain(s)
    assert ev._has_verb(s) == _has_verb_plain(s)


def _is_statistic_plain(win: str) -> bool:
    """The statistic test as first written: one pattern, loops over the tokens."""
    if ev._DIGIT.search(win) and ev._STAT_NUM.search(win):
        return True
    toks = ev._TOK.findall(win.lower())
    if ev._STAT_WORDS.found(toks, " " + " ".join(toks) + " "):
        return True
    if not ev._QUANTITY.isdisjoint(toks) and not ev._TREND.isdisjoint(toks):
        return True
    raw = ev._TOK.findall(win)
    for i in range(1, len(raw)):
        if raw[i] in ev._SCALE and raw[i - 1].lower() in ev._NUMBER_WORDS:
            return True
    for i, t in enumerate(toks):
        if t in ev._STATIVE:
            if i and toks[i - 1] in ev._AUX and t.endswith("ed"):
                continue
            for u in toks[i + 1:i + 4]:
                if (u[0].isdigit() and not ev._YEAR_TOKEN.fullmatch(u)) or u in ev._COUNT_WORDS:
                    return True
                if ev._EDING.fullmatch(u) or u.endswith("en"):
                    break
    return False


STAT_WINDOWS = [Case("IOM was present in 67 countries", "a count after a state verb"),
                Case("it was signed by 26 states", "a participle between"), Case("it had ² staff", "a superscript digit"),
                Case("the office hosted dozens of", "a count word"), Case("Mission hosted a conference", "no count"),
                Case("roughly a million people", "number word and scale"), Case("the share of women has risen", "trend")]


@pytest.mark.parametrize("case", STAT_WINDOWS, ids=lambda c: c.note)
def test_statistic_table(case):
    assert ev._is_statistic(case.text) == _is_statistic_plain(case.text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["was", "had", "has", "hosted", "registered", "present", "in", "67", "²", "2005", "dozens",
                                 "of", "a", "million", "Million", "share", "risen", "about", " ", " ", ",", "12,000",
                                 "people", "signed", "by", "İ"]), max_size=12).map("".join))
def test_statistic_agrees(win):
    assert ev._is_statistic(win) == _is_statistic_plain(win)
