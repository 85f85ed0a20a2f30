"""Fifth round of events speed paths, each against the plain behaviour: the
verdict on a sentence's only date kept by the text around it (`_ONE`), so that
`Mission opened an office in Riverton 3 May 2021` and `... 4 June 2019` are
judged once per month word. The reference is `_judged_all` (every candidate
judged afresh) or extract_events with the memos switched off. Test strings are
written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.extract import events as ev
from profile_extract.ingest.segment import Doc

KEPT = (ev._prose_kept, ev._meta_kept, ev._plan_or_count, ev._told_past, ev._date_pre, ev._label_ok)


def _forget() -> None:
    ev._MEMO.clear()
    ev._ONE.clear()
    for k in KEPT:
        k.cache.cache_clear()


def _plain(text: str, ss: int, se: int) -> tuple:
    return ev._judged_all(text, ss, se, ev._candidates(text, ss, se))


def _judged_after(before: str, after: str, first: str, second: str,
                  around: tuple[str, str] = ("x\n", "\ny")) -> tuple[tuple, tuple]:
    """(memo path, plain path) on `before + second + after` with `around` it, the
    memo primed by the same sentence with `first` as its date (between `x\n`, `\ny`)."""
    t1 = "x\n" + before + first + after + "\ny"
    ev._judged(t1, 2, len(t1) - 2)
    lead, tail = around
    t2 = lead + before + second + after + tail
    ss, se = len(lead), len(t2) - len(tail)
    return ev._judged(t2, ss, se), _plain(t2, ss, se)


class Case(NamedTuple):
    before: str
    after: str
    dates: tuple[str, ...]
    note: str = ""


DAYS = ("3 May 2021", "14 June 2019", "31 February 2005", "5th of June 2024", "May 3, 2021",
        "May 2021", "Nov. 2005", "2021-05-03", "03.05.2021", "3/5/2021", "1996", "2150",
        "29 november 2005", "30 Feb 2010", "3 may 2021", "may 2021", "Mar 2001", "mar 2001")

# the same words around dates of every shape: the verdict must follow the shape and
# the month word, never the digits (an impossible date is found again each time)
CASES = [
    Case("Mission opened an office in Riverton ", "", DAYS, "a headline ending in its date"),
    Case("On ", " the mission signed an agreement in Northgate.", DAYS, "a date opening a sentence"),
    Case("In ", " the mission joined the process.", DAYS),
    Case("It converted in ", ".", ("301", "876", "1996", "May 2001"), "a three-digit year after `in`"),
    Case("It was built in ", " AD.", ("301", "1301"), "a three-digit year before a word"),
    Case("As of ", ", it had 64 branches.", DAYS, "a state stamp with a count"),
    Case("As of ", ", it became a member.", DAYS, "a state stamp before a happening"),
    Case("Updated: ", "", DAYS, "metadata"),
    Case("The office (estb. ", ") is in Oslo.", ("1951", "1996", "May 1951"), "established"),
    Case("Population (", ") | 45.6 million", ("2011", "2018", "May 2018"), "a table label"),
    Case("He was director ", "–1971 of the bureau.", ("1949", "1955"), "a range after a post"),
    Case("The number of migrants has grown to 3,000 in ", ".", DAYS, "a statistic"),
    Case("The office will open in ", ".", DAYS, "a plan"),
    Case("It was founded ", " years ago.", ("5", "1996", "May 2001"), "`ago`"),
    Case("The ", "s were hard years.", ("1990", "1880"), "a decade"),
    Case("A boy carries water in the camp near the town of Dadaab, ", ".", ("2011", "1999"), "a caption"),
    Case("", " – The office opened in Minsk", ("1996", "2004", "May 2004"), "a timeline row"),
    Case("", ": office opened in Minsk", ("1996", "2004"), "a timeline row with a colon"),
    Case("The family walked 900 km and crossed the border on ", ".", DAYS, "a clause with its own count"),
    Case("A fire in ", " that destroyed 2,000 files was reported.", DAYS, "a relative clause"),
    Case("It met after ", " and reached Oslo.", DAYS, "`after` wants a past clause"),
    Case("Children born after ", " are citizens.", DAYS),
    Case("The Immigration Act, ", " was passed.", ("1999", "2001"), "part of a name"),
    Case("Library extends opening hours ", "", DAYS, "a headline with no past verb"),
    Case("Formation", " of the board", ("11 December 1946", "2 May 1950"), "a date glued to a word"),
    Case("Posting Date: ", "", DAYS),
    Case("Since ", ", it has hosted talks.", DAYS),
    Case("the Act XV of ", " was repealed.", ("1920", "1950")),
    Case("From ", " to 1971 he led it.", ("1949", "May 1949"), "a second date: judged afresh"),
    Case("Es wurde am ", " in Berlin eröffnet.", ("3. März 1952", "3 März 1952", "1952"), "non-English"),
    Case("Открыт в ", " году.", ("1996", "2001"), "Cyrillic around the date"),
    Case("It opened in ", ".", ("1\u0669\u06696", "1996", "\u0662\u0660\u0661\u0665"), "non-ASCII digits: not kept"),
    Case("", " – Kabir re-elected as chair", ("1\u0669\u06696", "1996")),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.before}|{c.after}"[:40] for c in CASES])
def test_one_date_verdict_kept_like_plain(case: Case):
    for first in case.dates:
        for second in case.dates:
            _forget()
            got, want = _judged_after(case.before, case.after, first, second)
            assert got == want, (first, second)


# negative table: sentences that never take the kept verdict (two dates, too long, non-ASCII date)
NOT_KEPT = [
    ("From 1949 to 1971 he led it.", "two dates"),
    ("It opened on 3 May 2001 and closed on 4 June 2009.", "two dates"),
    ("It opened in " + "very " * 70 + "old 1996.", "longer than _MEMO_LEN"),
    ("It opened in 1\u0669\u06696.", "a date with non-ASCII digits"),
    ("It has 64 branches.", "no date"),
]


@pytest.mark.parametrize("text,note", NOT_KEPT)
def test_not_kept(text: str, note: str):
    _forget()
    assert ev._judged(text, 0, len(text)) == _plain(text, 0, len(text))
    assert not ev._ONE, note


def test_kept_verdict_is_shared_by_month_word():
    _forget()
    a = "Mission opened an office in Riverton 3 May 2021"
    b = "Mission opened an office in Riverton 14 May 2019"
    ev._judged(a, 0, len(a))
    ev._judged(b, 0, len(b))
    assert len(ev._ONE) == 1
    (row,) = ev._judged(b, 0, len(b))
    assert b[row[0]:row[1]] == "14 May 2019" and row[4][0] == "2019-05-14"


def test_memo_starts_afresh_when_full(monkeypatch):
    _forget()
    monkeypatch.setattr(ev, "_MEMO_MAX", 3)
    for i in range(10):
        s = f"Mission opened an office in Town{'x' * i} 3 May 2021"
        assert ev._judged(s, 0, len(s)) == _plain(s, 0, len(s))
        assert len(ev._ONE) <= 3


WORDS = ["in", "on", "since", "until", "by", "after", "from", "between", "of", "the", "war", "was",
         "opened", "will", "open", "has", "grown", "3,000", "people", "director", "estb.", "founded",
         "Updated:", "As", "As of", "(", ")", ",", ".", ";", " - ", "–", "and", "reached", "Oslo",
         "Census", "years", "ago", "s", "killing", "9,000", "it", "that", "destroyed", "|", "45.6",
         "million", "Act", "more", "than", "%", "about", "when", "walked", "km", "crossed", "AD",
         "Mission", "hosted", "a", "conference", "Library", "extends", "hours", "\n", "Ist", "café"]
DATES = st.one_of(
    st.builds(lambda d, m, y: f"{d} {m} {y}", st.integers(1, 35), st.sampled_from(["May", "June", "Feb", "march"]),
              st.integers(990, 2150)),
    st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(["May", "Sept.", "June"]), st.integers(1, 33),
              st.integers(1000, 2099)),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(["Nov.", "May", "Januar", "mayo"]), st.integers(1000, 2099)),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(1900, 2099), st.integers(0, 14), st.integers(0, 33)),
    st.builds(lambda d, m, y, s: f"{d}{s}{m}{s}{y}", st.integers(1, 33), st.integers(1, 14), st.integers(1900, 2099),
              st.sampled_from("./-")),
    st.integers(100, 2200).map(str),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join),
       after=st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join),
       first=DATES, second=DATES, gap=st.sampled_from(["", " "]),
       lead=st.sampled_from(["x\n", "", "5", "a.", "in ", "(", "-"]),
       tail=st.sampled_from(["\ny", "", "5", ".5", "s", ")", "-1"]))
def test_kept_verdict_matches_plain_hypothesis(before, after, first, second, gap, lead, tail):
    _forget()
    got, want = _judged_after(before + gap, gap + after, first, second, (lead, tail))
    assert got == want


PAGES = [
    "Latest news\nMission opened an office in Riverton 3 May 2021\nMission opened an office in Riverton 4 May 2021\n"
    "Mission opened an office in Riverton 31 February 2021\nMission opened an office in Oslo 9 June 2020",
    "On 3 June 1992 the mission joined the process in Northgate. The programme grew.\n\n"
    "On 5 June 1999 the mission joined the process in Northgate. It had 40 staff.",
    "In 2004 the office opened. In 2005 the office opened. In 2031 the office opened.",
]


def _rows(doc: Doc):
    evs, fins = ev.extract_events(doc)
    return ([(e.date, e.precision, e.date_text, e.span, e.sentence, e.sentence_span, e.qualifier, e.rule)
             for e in evs], [(f.message, f.span, f.rule) for f in fins])


def test_pages_like_plain(monkeypatch):
    _forget()
    with monkeypatch.context() as m:
        m.setattr(ev, "_MEMO_LEN", -1)
        m.setattr(ev, "_KEEP_LEN", -1)
        want = [_rows(Doc.from_text(p)) for p in PAGES]
    _forget()
    for _ in range(2):
        assert [_rows(Doc.from_text(p)) for p in PAGES] == want
