"""The update-stamp key words of extract/page.py (shared stems such as `revi`, `tuali`,
`gew` stand for several stamp words) still reach every stamp the plain line-by-line
path finds. Test strings are written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract import page
from profile_extract.ingest.segment import Doc

STAMPS = [
    ("Page last updated: 3 May 2020", "2020-05-03"),
    ("Last modified on 12/03/2020", "2020-03-12"),
    ("Revised: June 2018", "2018-06"),
    ("Page last reviewed 4 April 2017", "2017-04-04"),
    ("This page was last edited on 3 November 2025", "2025-11-03"),
    ("Last change: 16/06/2010", "2010-06-16"),
    ("Stand: März 2024", "2024-03"),
    ("Zuletzt aktualisiert am 5. Mai 2021", "2021-05-05"),
    ("Letzte Änderung: 01.02.2019", "2019-02-01"),
    ("Mis à jour le 3 févr. 2021", "2021-02-03"),
    ("Actualizado el 7 de mayo de 2016", "2016-05-07"),
    ("Última actualización: 2015", "2015"),
    ("Atualizado em 09/10/2013", "2013-10-09"),
    ("Ultimo aggiornamento: 2011", "2011"),
    ("Laatst bijgewerkt op 1 januari 2022", "2022-01-01"),
    ("Laatst gewijzigd op 2 maart 2020", "2020-03-02"),
    # the gate once let these through only beside another gate word
    ("Last revision 2014", "2014"),
    ("Date of last modification: 2 Feb 2012", "2012-02-02"),
    ("Letzte Aktualisierung: 01.02.2019", "2019-02-01"),
]


@pytest.mark.parametrize("line,want", STAMPS, ids=[s[0][:24] for s in STAMPS])
def test_every_stamp_word_holds_a_key(line, want):
    assert any(k in line.lower() for k in page._STAMP_KEYS)
    text = "Office notes\nThe previous office, its revision and review.\n" + line + "\nMore text."
    fast, plain = Doc.from_text(text), Doc.from_text(text)
    plain.extra["lower"] = None
    assert page._updated(fast) == page._updated(plain)
    assert page._updated(fast)[0] == want


LINES = ["Previous page", "Revisions", "Reviews: 4", "Updated: 4 May 2019", "Stand: März 2024", "Gewicht 3",
         "Actually 2019", "Eventuality", "Revised 2018", "As of March 2015", "The office", "bijgewerkt 2020",
         "x", "", "Last edited 2013", "Aktualisiert 2016"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12))
def test_stamp_found_as_by_the_plain_path(lines):
    text = "\n".join(lines)
    fast, plain = Doc.from_text(text), Doc.from_text(text)
    plain.extra["lower"] = None
    assert page._updated(fast) == page._updated(plain)


CONTACT_TOKENS = ["Tel", "tel:", "hotel", "Telephone", "telefon", "telex", "phone", "smartphone", "Fax.", "fax",
                  "faxes", "+", "++44", "+4", "4", "20 7946", "(0)", "-", ".", "a@b", "@x.y", "@", "mail@ex-1.org",
                  " ", "  ", "\t", "\n", "\n\n", "x", "é", "_tel", "TEL"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(CONTACT_TOKENS), max_size=20))
def test_phone_or_mail_lines_by_literals_agree_with_line_search(tokens):
    doc = Doc.from_text("".join(tokens))
    want = [line for line in doc.nonblank if page._PHONE_OR_MAIL.search(line.text)]
    if page.lower_text(doc) is not None:
        assert page._phone_or_mail_lines(doc) == want


@settings(max_examples=3000, deadline=None)
@given(st.floats(0, 12), st.floats(0, 12), st.sampled_from([0.3, 3.0]), st.one_of(st.none(), st.floats(0, 30)),
       st.booleans())
def test_lazy_address_bonus_decides_as_the_bonus_first(s1, second, need, total, bonus):
    """_country asks for the address bonus only when the score is weak without it: the same
    decision as adding the bonus first (the earlier order)."""
    s = s1 + 0.5 if bonus else s1
    eager = s + 1e-9 < need or s < 1.5 * second or (total is not None and s <= 0.5 * total)
    lazy = page._weak(s1, need, second, total) and not (bonus and not page._weak(s1 + 0.5, need, second, total))
    assert lazy == eager


@pytest.mark.parametrize("text,want", [
    ("Japan\ninfo@example.org", "JP"),                                  # strong without the bonus
    ("The office in Kenya opened.\nIOM in Kenya\nUganda", "KE"),         # the bonus decides
    ("IOM in Kenya\ninfo@example.org", None),                           # weak even with it
])
def test_address_bonus(text, want):
    doc = Doc.from_text(text)
    title, title_span = page._title_text(doc)
    got = page._country(doc, title_span, title)
    assert (got.alpha2 if got else None) == want


def _head_office_first(doc, title_span, title):
    """_country with the head office looked for before the scores, whatever the addresses."""
    tally = page._country_tally(doc, title_span)
    ranked = tally and sorted(((c, v) for c, v in tally.scores.items() if c != tally.sender), key=lambda kv: -kv[1])
    if not ranked:
        return None
    head = page._head_office(doc, tally) if tally.in_addresses and tally.sender is None else None
    return head or page._by_scores(doc, tally, ranked, title)


OFFICE_LINES = ["Offices", "IOM in Kenya", "Head Office", "Headquarters", "Main Street 3", "Nairobi", "Kenya",
                "Kampala", "Uganda", "Tel: +254 20 444 0000", "Fax: +256 41 444 0001", "info@example.org", "",
                "The office in Kenya opened.", "Staff came from Uganda.", "Branch office", "World House", "Geneva",
                "Switzerland", "12 March 2024", "Latest news"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(OFFICE_LINES), max_size=16))
def test_head_office_asked_late_decides_as_asked_first(lines):
    text = "\n".join(lines)
    doc, ref = Doc.from_text(text), Doc.from_text(text)
    title, title_span = page._title_text(doc)
    assert page._country(doc, title_span, title) == _head_office_first(ref, title_span, title)


GAP_PARTS = [",", " ", "  ", "\n", "\t", "and", "or", "&", ";", "и", "или", "et", "ou", "und", "oder", "y", "e", "o",
             "x", "Peru", "-", "."]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(GAP_PARTS), max_size=10), st.integers(0, 12), st.integers(0, 12))
def test_list_gap_in_place_agrees_with_the_slice(parts, a, b):
    text = "".join(parts)
    a, b = min(a, len(text)), min(b, len(text))
    a, b = min(a, b), max(a, b)
    assert page._list_gap(text, a, b) == (page._LISTSEP.match(text[a:b]) is not None)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Peru", "  x", "", "\t", "Updated: 2019", " a b "]), max_size=12), st.integers(-2, 80))
def test_line_at_is_the_bisection_of_line_starts(lines, pos):
    from bisect import bisect_right
    doc = Doc.from_text("\n".join(lines))
    assert page._line_at(doc.nonblank, pos) == bisect_right([line.start for line in doc.nonblank], pos) - 1
