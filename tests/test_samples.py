"""The sample pages (samples/*) through the whole library, compared with their
expected records (tests/cases/samples/NAME.json, the gold shape of
../shared/seed/gold/belarus.json). Every field the json names is compared:
facts (label, value, unit, value_text, years, qualifier, rank_total), events
(date, and the snippet inside the sentence), contacts (kind, value), stories
(name, role, distance_km), page (title, country, updated).

Records are compared as multisets (the contract fixes no order); a failure
lists what is missing and what is extra."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from profile_extract import extract_page

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "cases" / "samples"

PAGES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html") and not p.name.startswith("README"))


def expected_for(page: Path) -> dict:
    return json.loads((EXPECTED / f"{page.stem}.json").read_text(encoding="utf-8"))


_RESULTS: dict[Path, object] = {}


def result(page: Path):
    if page not in _RESULTS:
        _RESULTS[page] = extract_page(page.read_bytes(), str(page))
    return _RESULTS[page]


def num(v):
    return None if v is None else round(float(v), 6)


def unit(u):
    return None if u is None else u.replace(" ", "")


def diff(expected: list, got: list) -> str:
    e, g = Counter(expected), Counter(got)
    missing = sorted((e - g).elements(), key=repr)
    extra = sorted((g - e).elements(), key=repr)
    lines = [f"missing {m}" for m in missing] + [f"extra   {x}" for x in extra]
    return "\n".join(lines)


ids = [p.name for p in PAGES]


def test_every_sample_has_expected_records_and_back():
    stems = {p.stem for p in PAGES}
    assert stems == {j.stem for j in EXPECTED.glob("*.json")}
    assert len(PAGES) >= 5


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_expected_texts_are_in_the_page_text(page):
    """The expectations themselves: every value_text and event snippet is text
    of the page as the library reads it (decoded, HTML rendered)."""
    pr = result(page)
    exp = expected_for(page)
    assert pr.status != "failed"
    for f in exp["facts"]:
        assert f["value_text"] in pr.text, f
    for e in exp["events"]:
        assert e["snippet"] in pr.text, e
    if exp["title"]:
        assert exp["title"] in pr.text


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_page_info(page):
    pr, exp = result(page), expected_for(page)
    got = (pr.info.title, pr.info.country, pr.info.updated)
    assert got == (exp["title"], exp["country"], exp["updated"])


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_facts(page):
    pr, exp = result(page), expected_for(page)
    def key(label, value, u, value_text, ys, ye, q, rank):
        return (label, num(value), unit(u), value_text, ys, ye, q, rank)
    want = [key(f["label"], f["value"], f["unit"], f["value_text"], f["year_start"], f["year_end"],
                f["qualifier"], f["rank_total"]) for f in exp["facts"]]
    got = [key(f.label, f.value, f.unit, f.value_text, f.year_start, f.year_end, f.qualifier, f.rank_total)
           for f in pr.facts]
    assert Counter(got) == Counter(want), "\n" + diff(want, got)


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_events(page):
    pr, exp = result(page), expected_for(page)
    unmatched = list(pr.events)
    missing = []
    for e in exp["events"]:
        hit = next((g for g in unmatched if g.date == e["date"] and e["snippet"] in g.sentence), None)
        if hit is None:
            missing.append((e["date"], e["snippet"]))
        else:
            unmatched.remove(hit)
    extra = [(g.date, g.sentence[:80]) for g in unmatched]
    assert (missing, extra) == ([], []), f"\nmissing {missing}\nextra   {extra}"


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_contacts(page):
    pr, exp = result(page), expected_for(page)
    want = [(c["kind"], c["value"]) for c in exp["contacts"]]
    got = [(c.kind, c.value) for c in pr.contacts]
    assert Counter(got) == Counter(want), "\n" + diff(want, got)


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_stories(page):
    pr, exp = result(page), expected_for(page)
    want = [(s["name"], s["role"], round(s["distance_km"], 1)) for s in exp["stories"]]
    got = [(s.name, s.role, None if s.distance_km is None else round(s.distance_km, 1)) for s in pr.stories]
    assert Counter(got) == Counter(want), "\n" + diff(want, got)


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_spans_point_at_their_source_text(page):
    pr = result(page)
    for c in pr.contacts:
        assert c.span.snippet(pr.text) == c.raw
    for e in pr.events:
        assert e.span.snippet(pr.text) == e.date_text
    for f in pr.facts:
        assert f.value_text in f.span.snippet(pr.text)
