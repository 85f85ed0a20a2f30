"""Third round of events speed paths, each against the plain behaviour: the
memo of what a sentence yields (kept by its text and two characters either
side) and the kept verdicts on strings (prose, metadata words, plan or count,
past tense). The reference is extract_events with both switched off. Test
strings are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.extract import events as ev
from profile_extract.ingest.segment import Doc
from profile_extract.parse import sentences

KEPT = (ev._prose_kept, ev._meta_kept, ev._plan_or_count, ev._told_past, ev._date_pre, ev._label_ok)


def _forget() -> None:
    ev._MEMO.clear()
    for k in KEPT:
        k.cache.cache_clear()


def _rows(doc: Doc):
    evs, fins = ev.extract_events(doc)
    return ([(e.date, e.precision, e.date_text, e.span, e.sentence, e.sentence_span, e.qualifier, e.rule)
             for e in evs], [(f.message, f.span, f.rule) for f in fins])


def _plain_rows(doc: Doc, monkeypatch):
    """extract_events with no sentence memo and no kept verdicts."""
    with monkeypatch.context() as m:
        m.setattr(ev, "_MEMO_LEN", -1)
        m.setattr(ev, "_KEEP_LEN", -1)
        return _rows(doc)


class Case(NamedTuple):
    texts: tuple[str, ...]      # pages read one after the other (the memo carries over)
    note: str = ""


# the same sentence where what stands around it changes what it yields
PAGES = [
    Case(("Intro\nIt converted in 301|more", "Intro\nIt converted in 301|5 more"),
         "`in 301` before a cell that opens with a digit (`301|5` is no year)"),
    Case(("It was built in 1996. It was built in 1996.", "x\nIt was built in 1996.\n"),
         "a repeated sentence at the start, in the middle, after a line break"),
    Case(("Population (2018) | 65.6 million\nArea | 600 km", "Area | 1\nPopulation (2018) | 9.1 million"),
         "a table label on two pages"),
    Case(("Mission opened an office in Riverton 3 May 2021\nMission opened an office in Riverton 4 May 2021",
          "Mission opened an office in Riverton 3 May 2021\n"),
         "a headline repeated with another day, then again"),
    Case(("3. It opened on 31 February 2005 in Oslo.", "3. It opened on 31 February 2005 in Oslo."),
         "an impossible date: the finding comes back with the memo"),
    Case(("The law was passed in 1990 and 1994.", "5The law was passed in 1990 and 1994.",
          "a.The law was passed in 1990 and 1994.5"), "a list, glued to a digit before and after"),
    Case(("In 2004, when people were displaced, the office opened.",) * 2, "a window wider than its clause"),
    Case(("As of May 2016, it has 64 branches.", "Since 2019 workers have joined; it will grow by 2030."),
         "a state stamp, a plan"),
    Case(("Retrieved 3 May 2019.", "The report was retrieved in 2019."), "metadata words"),
    Case(("Aug. 2009 – The hostel opens its doors.\nLUSAKA, Aug. 2009 – The hostel opens its doors.",
          "• Aug. 2009 – The hostel opens its doors.\nx Aug. 2009 – The hostel opens its doors."),
         "a timeline row, a dateline, a bullet and a word before the same date and statement"),
    Case(("Key dates\n\nMar. 2011: The clinic opens.\n2004: Registered with the ministry.",
          "Mar. 2011: The clinic opens.\nNote 2004: Registered with the ministry."),
         "colon rows, and a label that is no date"),
    Case(("In 2019 it opened, and by 2030 each district gets a ward.", "By 2005, it had opened two wards."),
         "`by` in a present and in a past clause"),
]


@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.note)
def test_memos_keep_plain_rows(case, monkeypatch):
    _forget()
    for text in case.texts + case.texts:          # the second round reads every sentence from the memos
        doc = Doc.from_text(text)
        assert _rows(doc) == _plain_rows(doc, monkeypatch), text


PIECES = ["It", "opened", "converted in 301", "|5", "|", "was built", "in", "since", "on", "the", "office", "Riverton", "May", "June",
          "3", "31", "February", "2005", "1996", "301", "1999.5", "(2018)", "|", ":", "Population",
          " ", "  ", "\n", "\n\n", ".", ",", "-", "–", "and", "will", "has", "64", "3,000", "As of",
          "Retrieved", "©", "ISBN", "5thof", "İ", "ſince", "•", "\t", "people", "fled", "when",
          "Aug.", "2009 –", "Mar. 2011:", "17.06.2019 –", "abriu", "by 2030", "reaches"]
texts = st.lists(st.sampled_from(PIECES), max_size=18).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(sentences=st.lists(texts, min_size=1, max_size=3), before=texts, after=texts)
def test_memos_agree(sentences, before, after, monkeypatch):
    # the same sentences on two pages with other text around them
    pages = [before + "\n" + "\n".join(sentences) + after,
             after + ". " + " ".join(sentences) + "\n" + before]
    _forget()
    for text in pages + pages:
        doc = Doc.from_text(text)
        assert _rows(doc) == _plain_rows(doc, monkeypatch)


STRINGS = ["Mission opened an office in Riverton ", "Population ( )", "there were 3,000 people",
           "The office will move", "it will have 3,000 staff", "Grün wurde 3.000 Menschen", "él fundó", "it has 64 branches", "children born after are", "Retrieved ",
           "This page was last edited on ", "As of ", "", " ", "a memo was signed " * 40]


@pytest.mark.parametrize("s", STRINGS)
def test_kept_verdicts_table(s):
    _forget()
    for _ in range(2):                                # a fresh verdict, then the kept one
        assert ev._prose_kept(s) == ev._is_prose(s)
        assert ev._meta_kept(s) == ev._is_meta(s)
        assert ev._plan_or_count(s) == (ev._is_future(s), ev._is_statistic(s) and not ev._is_future(s))
        assert ev._told_past(s) == bool(ev._PAST.search(s) or ev._past_happening(s, ev._Toks(s)))


def _date_pre_as_written(pre: str, prev=None):
    """The checks of a day or month date on the words before it, as `_judge` first
    wrote them inline: None (dropped) or (state stamp, qualifier, range role)."""
    rp = pre.rstrip()
    if pre and (pre[-1].isalpha() or pre[-1].isdigit()) or ev._GLUED_DAY.search(pre):
        return None
    words, raw = ev._tail_words(rp, 40)
    if len(words) >= 2 and words[-1] == "of":
        if words[-2] in ev._DOC_NOUNS or any(c in raw[-2] for c in "0123456789/()") \
                or (len(words) >= 3 and words[-3] in ev._DOC_NOUNS):
            return None
    if rp.endswith(":"):
        return None
    state = False
    if ev._is_meta(pre):
        if not ev._is_state_stamp(pre):
            return None
        state = True
    return (state,) + ev._date_qualifier(pre, prev)


PRES = ["Mission opened an office in Riverton ", "It opened on ", "Formation11 ", "the Act of ",
        "the Act No. 5 of ", "Posting Date: ", "Retrieved ", "As of ", "Copyright ", "from ",
        "between ", "until the ", "by ", "after ", "", " ", "x", "The law of ", "la legge n. 28 del ",
        "the war of ", "\nLibrary extends opening hours ", "since the ", "(set up on "]


@pytest.mark.parametrize("pre", PRES)
def test_date_pre_table(pre):
    _forget()
    for _ in range(2):
        assert ev._date_pre(pre) == _date_pre_as_written(pre), pre
        for post in ("", "\n next", " and more"):
            assert ev._headline_kept(pre, post) == ev._headline_date(pre, post)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES + ["of", "Act", "No.", "5", "n.", ":", "(", "Date"]), max_size=10)
       .map(" ".join).map(lambda s: s[-48:]), st.sampled_from(["", " ", "  "]))
def test_date_pre_agrees(pre, tail):
    pre += tail
    assert ev._date_pre(pre) == _date_pre_as_written(pre)


def test_events_built_by_columns_equal_plain_events():
    import dataclasses
    import pickle

    from profile_extract.records import Event
    from profile_extract.spans import Span

    # the column build fills slots directly: it is right only while Event and
    # Span check nothing in __post_init__ beyond what holds by construction
    assert not hasattr(Event, "__post_init__")
    doc = Doc.from_text("It has taken part since 1994. On 29 November 2005 and 3 May 2006 it joined.\n"
                        "Mission opened an office in Riverton 3 May 2021")
    evs, _ = ev.extract_events(doc)
    assert len(evs) == 4
    for e in evs:
        plain = Event(**{f.name: getattr(e, f.name) for f in dataclasses.fields(Event)})
        assert e == plain and hash(e) == hash(plain) and repr(e) == repr(plain)
        assert pickle.loads(pickle.dumps(e)) == e
        assert e.span == Span(e.span.start, e.span.end) and e.span.snippet(doc.text) == e.date_text
        assert e.sentence_span == Span(e.sentence_span.start, e.sentence_span.end)
        assert doc.text[e.sentence_span.start:e.sentence_span.end] == e.sentence
    with pytest.raises(dataclasses.FrozenInstanceError):
        evs[0].date = "x"
    assert ev._events([], []) == []


def _label_split_plain(line: str):
    m = ev._LABEL.match(line)
    return None if m is None else (m.end("label"), m.start("value"))


LABEL_LINES = ["Population (2018):65.6 million", "Languages :Russian, English", "Tel: +375 17", ":x", "a:",
               "a" * 60 + ":x", "a" * 61 + ":x", "a" * 59 + "   :  x", " lead: x", "x -- y", "Ort：Minsk",
               "Survey 2019 was run in three rounds:", "a\n:b", "a\t:\tb\tc", "no separator", "", "x:y:z"]


@pytest.mark.parametrize("line", LABEL_LINES)
def test_label_split_table(line, monkeypatch):
    assert ev._label_split(line) == _label_split_plain(line)
    got = ev._label_value(line)
    monkeypatch.setattr(ev, "_label_split", _label_split_plain)   # `_label_value` on the pattern's match
    assert got == ev._label_value(line)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["a", "Population", "(2018)", " ", "  ", "\t", ":", "：", "-", "--", "\n",
                                 "\u00a0", "x" * 30, "65.6", "//", "http", ". ", "is"]), max_size=12).map("".join))
def test_label_split_agrees(line):
    assert ev._label_split(line) == _label_split_plain(line)


def _month_plain(text: str, ws: int, p: int):
    mo = ev._MONTH_BEFORE_Y.search(text, ws, p)
    return mo if mo and ev.month_number(mo.group("mn")) is not None else None


MONTH_TEXTS = ["held on 5 June ", "in Capital City 13 July ", "the 5THOF June ", "x 2ndde Mai ", "a 3rdOf May ",
               "x 1ſtof June ", "City 5 City June ", "Mission held 3 May del ", "wxyz5thof June ",
               "in 12 erde Mai ", "Oslo City, June ", "Юрий 5 мая ",
               # the character before the year: some can end a month phrase (a space,
               # `,`, `.`, a letter), most cannot (checked before any scan)
               "held on 5 June,", "on June.", "June\n", "5 Junexx", "5 June\t", "Population (", "Rank [",
               "the June-", "in June/", "in June '", "5 June ·", "June\u00a0", "Juni\u3000", "Mai²",
               "5 мая(", "5 June June June ", "May del June del ", "Oslo Oslo Oslo 5 June "]


@pytest.mark.parametrize("window", MONTH_TEXTS)
def test_month_before_four_letter_runs(window):
    t = window + "2024"
    p = len(window)
    for ws in range(0, p + 1):
        got, want = ev._month_before(t, ws, p), _month_plain(t, ws, p)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (t, ws)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["City", "held", "thof", "THOF", "stde", "erde", "ſtof", "5", "12", "3rd", "of",
                                 "de", "del", "June", "Mai", "May", " ", "  ", ",", ".", "мая", "(", "-", "\n",
                                 "\u00a0", "İ", "²", "'"]), max_size=9).map("".join),
       st.integers(min_value=0, max_value=40))
def test_month_before_four_letter_runs_agree(window, cut):
    t = window + "2024"
    p = len(window)
    ws = max(0, p - cut)
    got, want = ev._month_before(t, ws, p), _month_plain(t, ws, p)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(page=st.lists(texts, min_size=1, max_size=4).map("\n".join))
def test_split_stop_or_whole_agree(page, monkeypatch):
    # a region split whole, or stopped after its last number, gives the same rows
    doc = Doc.from_text(page)
    rows = []
    for whole in (0, 10**9, ev._SPLIT_WHOLE):
        with monkeypatch.context() as m:
            m.setattr(ev, "_SPLIT_WHOLE", whole)
            _forget()
            rows.append(_rows(doc))
    assert rows[0] == rows[1] == rows[2]


@pytest.mark.parametrize("page", ["In 1999 it opened. It grew. It moved. " * 8 + "\nx",
                                  "Population (2018) | The office opened in 1999 in Minsk | 65.6 million | More.",
                                  "Elle a été fondée en 1999. Ensuite, c'était fini. " * 6])
def test_split_stop_or_whole_table(page, monkeypatch):
    doc = Doc.from_text(page)
    rows = []
    for whole in (0, 10**9):
        with monkeypatch.context() as m:
            m.setattr(ev, "_SPLIT_WHOLE", whole)
            rows.append(_rows(doc))
    assert rows[0] == rows[1] and rows[0][0]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Retrieved ", "ISBN", "doi:", "©", "(PDF)", "All Rights Reserved", "^ ", "x",
                                 " ", "\n", "İ"]), max_size=8).map("".join))
def test_line_markers_mapped_agree(s):
    # the markers are looked for through a mapped `in` (C), as the plain loop does
    for markers in (ev._LINE_MARKERS, ev._SENTENCE_MARKERS):
        assert ev._has_line_marker(s, markers) == any(m in s.lower() for m in markers)


def _runs_on_plain(prev: str, nxt: str) -> bool:
    """runs_on as first written: the last word split off every time."""
    if not prev or prev[-1] in ".!?:;|…" or not nxt or nxt[0] in "•·▪◦|*-–—":
        return False
    if nxt[0].islower():
        return True
    if prev.rsplit(None, 1)[-1] in sentences._RUN_ON_WORDS:
        return True
    return len(prev) >= 60 and (prev[-1].islower() or prev[-1] == ",")


RUN_ON = [("The office was", "opened in 1996."), ("Heading", "Text starts here."),
          ("The office was opened in", "December 1996."), ("It opened on 5 June 2024", "Mission met"),
          ("x" * 59 + "a", "Next"), ("x" * 60 + "a", "Next"), ("x" * 60 + ",", "Next"), ("x" * 59 + ",", "Next"),
          ("x" * 70 + "2024", "Next"), ("x" * 70 + "B", "Next"), ("Office in", "Minsk"), ("Office IN", "Minsk"),
          ("Straße", "Nord"), ("a" * 65 + "ß", "Nord"), ("met in Oslo and", "Bergen"), ("Oslo:", "Bergen")]


@pytest.mark.parametrize("prev,nxt", RUN_ON)
def test_runs_on_table(prev, nxt):
    assert sentences.runs_on(prev, nxt) == _runs_on_plain(prev, nxt)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["in", "of", "the", "Oslo", "x" * 30, "2024", ",", ".", " ", "ß", "IN", "é", "A",
                                 "las", ":", "|"]), min_size=1, max_size=8).map("".join),
       st.sampled_from(["Next", "next", "• item", "", "2024"]))
def test_runs_on_agrees(prev, nxt):
    prev = prev.strip() or "x"            # lines come trimmed
    assert sentences.runs_on(prev, nxt) == _runs_on_plain(prev, nxt)


def _markers_gated(low: str, markers: tuple, gates: tuple) -> bool:
    has = low.__contains__
    return any(map(has, ev.compress(markers, map(has, gates))))


def test_marker_gates_are_in_their_markers():
    for markers, gates in ((ev._LINE_MARKERS, ev._LINE_GATES), (ev._SENTENCE_MARKERS, ev._SENTENCE_GATES)):
        assert len(markers) == len(gates) and all(g in m for g, m in zip(gates, markers))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["retrieved ", "isbn", "doi", "doi:", ":", "©", "(pdf)", "(pdf", "pdf)", "(", "^",
                                 "^ ", "copyright (c)", "copyright", "all rights reserved", "x", " ", "\n"]),
                max_size=8).map("".join))
def test_gated_block_markers_agree(low):
    # a block's markers found through their gate characters, as by the plain loop
    for markers, gates in ((ev._LINE_MARKERS, ev._LINE_GATES), (ev._SENTENCE_MARKERS, ev._SENTENCE_GATES)):
        assert _markers_gated(low, markers, gates) == any(m in low for m in markers)


def _block_flags(text: str):
    out: list = []
    doc = Doc.from_text(text)
    ev._block_regions(doc.text, [ln for ln in doc.lines if ln.text], out)
    return out


@pytest.mark.parametrize("text,refs", [
    ("It opened in 1996.\nISBN 978-3-16", True), ("It opened in 1996 (PDF).", True),
    ("It opened in 1996 (pdf", False), ("It opened in 1996. doi:10.1/x", True), ("It opened in 1996 doi 10", False),
    ("It opened in 1996. © 2020 Office", True), ("It opened in 1996.", False)])
def test_block_refs_flag(text, refs):
    assert {r[2] for r in _block_flags(text)} == {refs}


@pytest.mark.parametrize("line,label", [
    ("Population (2015): 9.5 million", "Population (2015)"), ("Founded -- 1951", "Founded"),
    ("Founded - 1951 and more", None), ("cross-border work in 2004", None), ("Founded 1951", None)])
def test_label_value_dash_gate(line, label):
    lv = ev._label_value(line)
    assert (lv[0] if lv else None) == label
