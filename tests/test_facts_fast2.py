"""Fast paths of the facts stage (second round) agree with the forms they replace.

Each rewritten pattern or shortcut keeps its former form here as the reference;
a table of shapes (positive and negative) and hypothesis strings check both."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract import facts as F

# --- patterns that open with a look-ahead at their first characters ---------------

_PROSE_VERB_PLAIN = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|shall|may|must|"
                               r"does|did|do|been|being|became|become|becomes|we|you|our|your|they|their|"
                               r"i|he|she|it|this|these|those|there|which|who|that)\b", re.IGNORECASE)
_PHONEY_PLAIN = re.compile(r"\d{5,}|\b0\d{2,4}[\s/-]\d{3}|\d[,.]\d{3}\b|\(\d+[-\s]\d+\)|\+\d|@|https?://|www\.")


def _spans(rx, text):
    return [(m.start(), m.end()) for m in rx.finditer(text)]


PROSE_SHAPES = ["The country has a coast", "Population (2020)", "IT IS", "it's", "This", "is2 is_ is-it",
                "Mission opened an office in Riverton 25 May 2016", "ſhall", "İt", "ıs", "Those Who",
                "their bets", "Whichever", "she'd", "could-be", "", "d", "I", "a b c d", "Área del país"]
PROSE_NONE = ["Population", "Capital city", "GDP per capita", "Kelvin", "Isle", "Thistle", "Weather"]


@pytest.mark.parametrize("text", PROSE_SHAPES + PROSE_NONE)
def test_prose_verb_table(text):
    assert _spans(F._PROSE_VERB, text) == _spans(_PROSE_VERB_PLAIN, text)


@pytest.mark.parametrize("text", PROSE_NONE)
def test_prose_verb_none(text):
    assert F._PROSE_VERB.search(text) is None


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="iIsStThHaAwWyYeEdDoOcCrRuUlLbBnmMſİıK_1 .,'-é", max_size=20))
def test_prose_verb_any(text):
    assert _spans(F._PROSE_VERB, text) == _spans(_PROSE_VERB_PLAIN, text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["is", "IS", "this", "thIS", "was", "x", "1", "_", "ſhall", "İt", "ıs", "are",
                                 "Who", "whom", "be", "been"]),
                max_size=6).map(" ".join))
def test_prose_verb_words(text):
    assert _spans(F._PROSE_VERB, text) == _spans(_PROSE_VERB_PLAIN, text)


PHONEY_SHAPES = ["+49 69 242314", "12345", "call 0123 456", "1,234", "(39-6) 522821", "a@b", "http://x",
                 "https://x", "www.x", "Population 9.5 million", "2016", "0 123", "x0123-456", "1.2345",
                 "h", "w", "(12 34)", "+", "ww.", ""]


@pytest.mark.parametrize("text", PHONEY_SHAPES)
def test_phoney_table(text):
    assert _spans(F._PHONEY, text) == _spans(_PHONEY_PLAIN, text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789()+@hwtps:/.,- _a", max_size=20))
def test_phoney_any(text):
    assert _spans(F._PHONEY, text) == _spans(_PHONEY_PLAIN, text)


# --- a short line above a row: label_ok asked only when a row follows ---------------

from profile_extract.ingest.segment import Doc  # noqa: E402
from profile_extract.options import Options  # noqa: E402


def _line_rows(text):
    doc = Doc.from_text(text, content_type="text", options=Options())
    rows = F._Rows(doc)
    F._line_rows(rows, doc)
    return [(r.label, r.value, r.kind) for r in rows.rows]


BARE_CASES = [
    ("Area\n• Total: 207,595 km2\n• Water: 1.2%",
     [("Total", "207,595 km2", "row"), ("Area", "", "header"), ("Water", "1.2%", "row")]),
    ("Area\ntotal: 207,600 sq km", [("total", "207,600 sq km", "row"), ("Area", "", "header")]),
    ("Capital\nand largest city\tThimphu", [("Capital and largest city", "Thimphu", "row")]),
    ("Capital\nand largest city | Thimphu", [("Capital and largest city", "Thimphu", "row")]),
    ("Andrei, pharmacist\n• Total: 5", [("Total", "5", "row"), ("Andrei, pharmacist", "", "header")]),
    # no group header: a news line (`May` reads as a verb), a number first, a blank line between, prose
    ("Mission hosted talks in Riverton 2 May 2016\n• Total: 5", [("Total", "5", "row")]),
    ("2016 figures\n• Total: 5", [("Total", "5", "row")]),
    ("Population\n\n• Total: 5", [("Total", "5", "row")]),
    ("The country has many\n• Total: 5", [("Total", "5", "row")]),
    ("Area\n• Total | 207,595 km2\n• Water | 1.2%", [("Total", "207,595 km2", "row"), ("Water", "1.2%", "row")]),
]


@pytest.mark.parametrize("text,expected", BARE_CASES)
def test_bare_line_above_row(text, expected):
    assert _line_rows(text) == expected


def test_bare_lines_not_asked_in_a_run(monkeypatch):
    asked = []
    real = F.label_ok

    def spy(t):
        asked.append(t)
        return real(t)

    monkeypatch.setattr(F, "label_ok", spy)
    news = "\n".join(f"Mission opened an office in Town{i} {i + 1} May 2016" for i in range(5))
    _line_rows(news + "\nFatima, student\nGDP: 5")
    assert not any(t.startswith("Mission") for t in asked)
    assert "Fatima, student" in asked


# --- build_fact reads parse_value through a cache and never changes the Value -------

VALUE_CASES = [("USD 1,258 million", "money", None, "GDP", False), ("9.5 million", "person", None, "Population", False),
               ("300,000–400,000", "person", None, "Population", False), ("50 of 188", "rank", None, "HDI Rank", False),
               ("150.000", None, None, "Einwohner", True), ("150.000", None, None, "Einwohner", False),
               ("Russian, English (both official)", "text", None, "Languages", False),
               ("2.7 migrants/1,000 population", "permille", None, "Net Migration Rate", False),
               ("12 zq", None, None, "Widgets", False), ("", "count", None, "x", False)]


@pytest.mark.parametrize("args", VALUE_CASES)
def test_parsed_value_is_parse_value(args):
    assert F._parsed_value(*args) == F.parse_value(*args)
    assert F._parsed_value(*args) == F.parse_value(*args)


def _facts(text):
    doc = Doc.from_text(text, content_type="text", options=Options())
    return F.extract_facts(doc)[0]


def test_label_scale_leaves_the_cached_value_alone():
    # (the second page reads the first page's Value from the cache: scaled there, it would be 9.5e9)
    text = "Population (thousands): 9,500\nArea: 9,500\n"
    first = [(f.label, f.value) for f in _facts(text)]
    again = [(f.label, f.value) for f in _facts(text)]
    assert first == again == [("Population (thousands)", 9_500_000.0), ("Area", 9500.0)]


# --- _supported asks whether the label is known before walking the neighbours ----------

def _supported_former(r, by_pos, nb_index, rows):
    """The former order: the neighbours first, then the known label, then the value."""
    if r.rule in ("fact.trailing", "fact.cells", "fact.nested", "fact.glued", "fact.nextline"):
        return True
    if r.rule in ("fact.dash", "fact.equals") and F._prose_value(r.value):
        return False
    i = nb_index.get(r.line, -1)
    for j in range(i - 3, i + 4):
        if j != i and F._supports(by_pos.get(j, ())):
            return True
    if r.known:
        return True
    v = r.value.strip()
    return bool(len(v) <= 80 and F._numeric_start(v) and not F._DATE_VALUE.match(v)
                and not F._address_like(rows, r.label, v) and not ("," in r.label and F._BARE_INT.match(v))
                and len(v.split()) <= 6 and not F._PROSE_VERB.search(v))


SUPPORTED_SHAPES = ["Syria: 5 million have fled\n\nNews\n", "Population: 9.5 million\n\nMotto: Unity\n",
                    "Motto: Unity\nArea: 12 km2\n\n\n\n\nCapital: Minsk\n", "Capital - Minsk\n\nArea - 207,600 km2\n",
                    "Currency = rouble is what they use in the country and it was so\n",
                    "GDP: USD 60 billion\nInflation: 5%\nMotto: Unity\n", "Area: 12 March 2019\n",
                    "Population - we have many people here and they are all happy with it.\n\nArea: 5\n",
                    "Widget count: 500\nGadget total: 12\n", "Favourite colour: blue\nArea: 12 km2\n"]


def test_supported_agrees_with_the_former_order(monkeypatch):
    fast = F._supported
    seen = []

    def both(r, by_pos, nb_index, rows, support=None):
        got = fast(r, by_pos, nb_index, rows, support)
        assert got == _supported_former(r, by_pos, nb_index, rows), (r.label, r.value)
        seen.append((r.known, got))
        return got

    monkeypatch.setattr(F, "_supported", both)
    for text in SUPPORTED_SHAPES:
        _facts(text)
    assert (True, True) in seen and (False, True) in seen and (False, False) in seen
