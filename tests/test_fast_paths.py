"""The speed paths of page info, events and stories give the same records as
the plain (?i) paths: the page text lower-cased once (extract/page.py
lower_text, doc.extra["lower"]) and case-sensitive twins of (?i) patterns,
the capital-to-capital country scan and its cache of words that start no
country name. Test strings are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract.events import extract_events
from profile_extract.extract.page import extract_page_info, lower_text
from profile_extract.extract.stories import extract_stories
from profile_extract.ingest.segment import Doc
from profile_extract.parse.countries import find_countries


class Case(NamedTuple):
    name: str
    text: str


CASES = [
    Case("stamp upper case", "Field Office Profile\nLAST UPDATED: 14 MARCH 2021\nThe office in Peru opened in 1998."),
    Case("stamp mixed case", "Country Notes: Chile\nPage Last Edited On 2 May 2019\nWork began in 2003 in Chile."),
    Case("as of heading", "Staff List\nAs of January 2012\nThe Embassy of Kenya in Rome was opened in 1964."),
    Case("no stamp", "Annual Review\nThe programme in Nepal started in 2001. It moved to Kathmandu in 2005."),
    Case("story km", "Teodor, nurse\n2,310 KMS from home\n\nTeodor walked 640 Kilometres from his village in 2016."),
    Case("story miles words", "Four Thousand Miles From Home\nShe FLED four thousand miles with her son."),
    Case("countries upper", "REPORT ON TURKEY AND GREECE\nTurkey's ports and the Hellenic Republic's islands."),
    Case("donor list", "Our donors\nJapan\nNorway\nThe project in Malawi is funded by the Government of Japan."),
    Case("origin", "They came from Syria and Iraq to Jordan, where the Jordanian Red Cross helped them in 2014."),
]
# Characters that (?i) and lower() treat differently: these pages take the plain path.
ODD = [
    Case("dotted I", "İstanbul Office\nUpdated: 3 June 2020\nHe walked 300 km from home in 2015 to Turkey."),
    Case("dotless i", "Izmır notes\nLast updated 4 July 2018\nThey drove 90 miles in 2017."),
    Case("long s", "Hiſtory of Peru\nUpdated: May 2011\nIn 1821 Peru became independent."),
]


def _run(text: str, fast: bool):
    doc = Doc.from_text(text)
    if not fast:
        doc.extra["lower"] = None          # force the (?i) paths
    info, _ = extract_page_info(doc)
    doc.country_iso2 = info.country_iso2
    doc.country_iso3 = info.country_iso3
    doc.extra["title_span"] = info.title_span
    return info, extract_events(doc), extract_stories(doc)


@pytest.mark.parametrize("case", CASES + ODD, ids=lambda c: c.name)
def test_fast_and_plain_paths_agree(case):
    assert _run(case.text, True) == _run(case.text, False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_lower_text_kept(case):
    doc = Doc.from_text(case.text)
    assert lower_text(doc) == case.text.lower()
    assert doc.extra["lower"] == case.text.lower()


@pytest.mark.parametrize("case", ODD, ids=lambda c: c.name)
def test_lower_text_refused(case):
    assert lower_text(Doc.from_text(case.text)) is None


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_country_scan_repeatable(case):
    """The second scan (words cached as no country) finds what the first found."""
    first = find_countries(case.text)
    assert find_countries(case.text) == first


def test_story_page_expected_records():
    """The fast path still finds the records (not only the same as the plain path)."""
    info, (events, _), (stories, _) = _run(CASES[4].text, True)
    assert [(s.name, s.distance, s.distance_unit) for s in stories][:1] == [("Teodor", 2310.0, "km")]
    assert [e.date for e in events] == ["2016"]
