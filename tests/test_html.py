"""HTML -> text: the shapes extractors read (lines, `label | value` rows, what a
browser does not show). Test strings are written for these tests, in the shapes
real pages use."""
from __future__ import annotations

import time
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.ingest.html import (_parse, _render, html_to_text, html_to_text_with_headings,
                                        looks_like_html)


class Case(NamedTuple):
    name: str
    html: str
    text: str


INLINE_AND_BLOCKS = [
    Case("strong label joins its value", "<ul><li><strong>Area:</strong> 207,595 km sq</li></ul>",
         "Area: 207,595 km sq"),
    Case("nested inline", "<p><b>GDP <i>per <em>capita</em></i>:</b> <span>USD <a href='#'>18,185</a></span></p>",
         "GDP per capita: USD 18,185"),
    Case("inline elements add no space", "<p>Mai<span>06</span>2018</p>", "Mai062018"),
    Case("sup joins", "<p>21 km<sup>2</sup></p>", "21 km2"),
    Case("br breaks lines", "<p>3, Gorny Pereulok<br>Minsk 220005<br/>Republic of Belarus</p>",
         "3, Gorny Pereulok\nMinsk 220005\nRepublic of Belarus"),
    Case("paragraphs: blank line between", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
    Case("divs: one line each", "<div>a</div><div>b</div>", "a\nb"),
    Case("list items: one line each", "<ul><li>A</li><li>B</li></ul>", "A\nB"),
    Case("heading then paragraph", "<h1>IOM in Ruritania</h1><p>Since 1994.</p>",
         "IOM in Ruritania\n\nSince 1994."),
    Case("story card lines", "<div class='card'><div>Andrew, Surgeon</div><div>5,701 kms from home</div>"
         "<a href='/s/1'>Read more</a></div>",
         "Andrew, Surgeon\n5,701 kms from home\nRead more"),
    Case("whitespace collapses within lines", "<p>  a \n\t b  </p>", "a b"),
    Case("pre keeps its line breaks", "<pre>a   b\nc</pre>", "a b\nc"),
    Case("image alt text is not shown", "<p><img alt='Flag of X' src='f.png'>Flag</p>", "Flag"),
    Case("plain text without tags", "Population: 5 million", "Population: 5 million"),
    Case("cyrillic label", "<p><b>Население:</b> 9,5 млн</p>", "Население: 9,5 млн"),
]

TABLES_AND_LISTS = [
    Case("two-cell rows", "<table><tr><th>Population</th><td>9.5 million</td></tr>"
         "<tr><th>Area</th><td>207,595 km sq</td></tr></table>",
         "Population | 9.5 million\nArea | 207,595 km sq"),
    Case("three cells", "<table><tr><td>a</td><td>b</td><td>c</td></tr></table>", "a | b | c"),
    Case("label cell with strong and colon, value in paragraphs",
         "<table><tr><td><strong>Telefon:</strong></td><td><p>0345/12345</p><p>&nbsp;</p></td></tr></table>",
         "Telefon: | 0345/12345"),
    Case("value cell lines after the first follow the row",
         "<table><tr><td>Office:</td><td>Anna Berg<br>Hauptstraße 4<br>01234 Neustadt</td></tr></table>",
         "Office: | Anna Berg\nHauptstraße 4\n01234 Neustadt"),
    Case("parallel label and value columns are zipped into rows",
         "<table><tr><td>Tel:<br>Fax:<br>E-mail:</td><td>+1 202 555 0100<br>+1 202 555 0101<br>info@example.org</td></tr></table>",
         "Tel: | +1 202 555 0100\nFax: | +1 202 555 0101\nE-mail: | info@example.org"),
    Case("two label lines without colons are one label",
         "<table><tr><th>Capital<div>and largest city</div></th><td>Port Town<br>1°N 2°E</td></tr></table>",
         "Capital and largest city | Port Town\n1°N 2°E"),
    Case("list in a value cell is one value",
         "<table><tr><th>Languages</th><td><div><ul><li>Nauruan</li><li>English</li></ul></div></td></tr></table>",
         "Languages | Nauruan English"),
    Case("label cell blocks join", "<table><tr><th>Capital<div>and largest city</div></th>"
         "<td><a>Port Town</a><br><span>1°N 2°E</span></td></tr></table>",
         "Capital and largest city | Port Town\n1°N 2°E"),
    Case("infobox group header and bullet sub-rows",
         "<table><tr><th colspan='2'>Area</th></tr><tr><th><div>• Total</div></th><td>21 km<sup>2</sup> (8.1 sq mi)</td></tr>"
         "<tr><th><div>• Water (%)</div></th><td>0.57</td></tr></table>",
         "Area |\n• Total | 21 km2 (8.1 sq mi)\n• Water (%) | 0.57"),
    Case("a full-width `Label: value` cell is no group header",
         "<table><tr><td colspan=2><b>Anthem:</b> <i>Our Song</i></td></tr><tr><th>Capital</th><td>Port Town</td></tr></table>",
         "Anthem: Our Song\nCapital | Port Town"),
    Case("a one-cell row not followed by label/value rows stays a plain line",
         "<table><tr><th colspan=2>Republic of X</th></tr><tr><td colspan=2><img src='f.png'>Flag</td></tr></table>",
         "Republic of X\nFlag"),
    Case("after a row whose value goes on over lines, a blank line",
         "<table><tr><th>Capital</th><td>Port Town<br>1°N 2°E</td></tr><tr><th>Currency</th><td>Dollar</td></tr></table>",
         "Capital | Port Town\n1°N 2°E\n\nCurrency | Dollar"),
    Case("group header with a year in its value cell",
         "<table><tr><th>GDP (PPP)</th><td>2025 estimate</td></tr><tr><th>• Total</th><td>$1.2 billion</td></tr></table>",
         "GDP (PPP) | 2025 estimate\n• Total | $1.2 billion"),
    Case("label with an empty value cell", "<table><tr><td>Age structure</td><td></td></tr>"
         "<tr><td>0-14 years</td><td>33.6%</td></tr></table>",
         "Age structure |\n0-14 years | 33.6%"),
    Case("leading empty cells dropped", "<table><tr><td><img src='i.png'></td><td>x</td><td>y</td></tr></table>",
         "x | y"),
    Case("layout row: cells with headings are blocks",
         "<table><tr><td><h3>Menu</h3><div>Home</div></td><td><h2>Dates 2016</h2><p>Text.</p></td></tr></table>",
         "Menu\n\nHome\n\nDates 2016\n\nText."),
    Case("data table nested in a layout cell",
         "<table><tr><td><h2>Dates</h2><table><tr><td>Exam</td><td>3 May 2016</td></tr></table></td></tr></table>",
         "Dates\n\nExam | 3 May 2016"),
    Case("dl pairs", "<dl><dt>Population</dt><dd>9.5 million</dd><dt>Area</dt><dd>10 km sq</dd></dl>",
         "Population | 9.5 million\nArea | 10 km sq"),
    Case("dt without dd stands alone", "<dl><dt>Notes</dt><dt>Area</dt><dd>10 km sq</dd></dl>",
         "Notes\nArea | 10 km sq"),
    Case("dd without dt", "<dl><dd>only a definition</dd></dl>", "only a definition"),
    Case("span pair on separate source lines is label | value",
         "<div class='v'>\n  <span class='t'>Venue type</span>\n  <span class='d'>Club (65 capacity)</span>\n</div>",
         "Venue type | Club (65 capacity)"),
    Case("strong label and span value on separate source lines",
         "<p>\n<strong>Population:</strong>\n<span>9.5 million</span>\n</p>", "Population: | 9.5 million"),
    Case("hCard spans on separate source lines are lines",
         "<p class='venue'>\n <span>\n  <span>497 Example Ave</span>\n  <span>11225</span>\n  <span>Brooklyn, NY, US</span>\n"
         " </span>\n <span>(718) 555-0142</span>\n</p>",
         "497 Example Ave\n11225\nBrooklyn, NY, US\n(718) 555-0142"),
    Case("a link and a label/value span on separate source lines",
         "<div>\n<a href='/v'>6 upcoming concerts</a>\n<span>Capacity: 65</span>\n</div>",
         "6 upcoming concerts\nCapacity: 65"),
    Case("a name and a link counter on separate source lines are two lines, not a pair",
         "<div>\n<span><a href='/a'>Some Band</a></span>\n<a href='/a'>7 upcoming events</a>\n</div>",
         "Some Band\n7 upcoming events"),
    Case("a `Label:` block and its value block are one line (CMS fields)",
         "<div class='field'><div class='field-label'>Population:&nbsp;</div><div class='field-items'>"
         "<div class='field-item'>9.5 million</div></div></div><div>Next</div>",
         "Population: 9.5 million\nNext"),
    Case("`Label:` paragraph and value paragraph", "<p><strong>Phone:</strong></p><p>+1 202 555 0100</p>",
         "Phone: +1 202 555 0100"),
    Case("a `Label:` block before a list stays apart", "<div>Our partners:</div><ul><li>A</li><li>B</li></ul>",
         "Our partners:\n\nA\nB"),
    Case("a sentence ending in a colon is no label",
         "<p>The office was opened in 1996 by the following agencies of the UN system:</p><p>UNDP</p>",
         "The office was opened in 1996 by the following agencies of the UN system:\n\nUNDP"),
    Case("inline style display:block breaks a span", "<p><span style='display:block'>a</span>b</p>", "a\nb"),
    Case("inline style display:inline joins a div", "<div>a <div style='display: inline'>b</div> c</div>", "a b c"),
    Case("microdata fields on their own source lines are lines, in mixed content",
         "<div itemscope>\n  <span itemprop='name'>Harbour Cafe</span>\n  <div itemprop='address'>\n"
         "    <span itemprop='streetAddress'>12 Quay Road</span>\n    <span itemprop='addressLocality'>Portville</span>,\n"
         "    <span itemprop='addressRegion'>ME</span> <span itemprop='postalCode'>04101</span>\n  </div>\n"
         "  <span itemprop='telephone'>(207) 555-0134</span>\n  <a itemprop='url' href='#'>www.example.org</a>\n"
         "  Open: Mon-Fri\n</div>",
         "Harbour Cafe\n12 Quay Road\nPortville, ME 04101\n(207) 555-0134\nwww.example.org\nOpen: Mon-Fri"),
    Case("hCard classes likewise", "<p class='vcard'>\n<span class='org'>Example Society</span>\n"
         "<span class='street-address'>4 Mill Lane</span>, <span class='locality'>Oldtown</span>\nCall us!</p>",
         "Example Society\n4 Mill Lane, Oldtown\nCall us!"),
    Case("a microdata field inside a sentence stays in it",
         "<p>Written by <span itemprop='author'>Ann Lee</span> for the annual report.</p>",
         "Written by Ann Lee for the annual report."),
    Case("spans on one source line join", "<p><span>a</span> <span>b</span></p>", "a b"),
]

NOT_SHOWN = [
    Case("script and style", "<p>a<script>var s = '<p>no</p>';</script>b</p><style>p {color: red}</style>", "ab"),
    Case("noscript and template", "<p>x</p><noscript>Enable JavaScript</noscript><template><p>t</p></template>", "x"),
    Case("head and title", "<html><head><title>Site name</title></head><body><p>Body</p></body></html>", "Body"),
    Case("comments", "<p>a<!-- secret@example.org -->b</p>", "ab"),
    Case("hidden attribute", "<p>shown</p><p hidden>secret</p>", "shown"),
    Case("inline display:none", "<p>Yaren<span style='display: none'> (Government House)</span></p>", "Yaren"),
    Case("inline visibility:hidden", "<p>a<span style='visibility:hidden'>b</span></p>", "a"),
    Case("a class alone does not hide (no stylesheet is resolved)", "<p class='hidden'>kept</p>", "kept"),
    Case("nav dropped, footer contact kept",
         "<nav><ul><li><a>Home</a></li></ul></nav><main><p>Body</p></main>"
         "<footer><h3>Example Club</h3><p>12 Main St, 1040 Town</p></footer>",
         "Body\n\nExample Club\n\n12 Main St, 1040 Town"),
    Case("role=navigation dropped", "<header role='navigation'><a>Menu</a></header><p>x</p>", "x"),
    Case("select options and buttons", "<p>Pick</p><select><option>One</option></select><button>Go</button>", "Pick"),
    Case("script-written text does not exist",
         "<td><script>document.write('<a href=mailto:a@b.de>a@b.de</a>');</script>Protected address</td>",
         "Protected address"),
]

ENTITIES_AND_BROKEN = [
    Case("entities", "<p>Stra&szlig;e&nbsp;12 &amp; Co &#8211; &Ouml;BV</p>", "Straße 12 & Co – ÖBV"),
    Case("soft hyphen and zero-width space removed", "<p>Migra&shy;tion Inter\u200bnational</p>", "Migration International"),
    Case("bidi marks removed (they split numbers)", "<p>Tel: &lrm;+375 17 288 27 42&rlm;</p>", "Tel: +375 17 288 27 42"),
    Case("nbsp-only paragraph gives no line", "<p>a</p><p>&nbsp;</p><p>b</p>", "a\n\nb"),
    Case("unclosed paragraphs and divs", "<p>a<p>b<div>c", "a\n\nb\n\nc"),
    Case("</br> breaks the line as in browsers", "<p>12 Main St</br>Springfield</p>", "12 Main St\nSpringfield"),
    Case("stray closing tags", "</div></p>text</span>", "text"),
    Case("self-closed html root tag", "<!DOCTYPE html><html lang='de' /><head><title>t</title></head>"
         "<body><h2>Termine 2016</h2><p>Text</p></body>", "Termine 2016\n\nText"),
    Case("text after </html> is shown, as browsers do", "<html><body><p>a</p></body></html>\n<p>b</p>", "a\n\nb"),
    Case("two documents one after the other", "<html><head><title>x</title></head><body><p>a</p></body></html>"
         "<!DOCTYPE html><html><head><title>y</title></head><body><p>b</p></body></html>", "a\n\nb"),
    Case("cells straight in a nested table keep their place in the page",
         "<table><tr><td>left</td><td><p>Dates</p><table><tr><td>Sunday</td><td>10:00</td></tr>"
         "<td>stray note</td></table></td></tr></table>",
         "left\n\nDates\n\nSunday | 10:00\nstray note"),
    Case("unterminated tag at the end", "<p>Population: 5 million</p><div class=", "Population: 5 million"),
    Case("a charset in the markup does not re-decode the decoded text",
         "<?xml version='1.0' encoding='iso-8859-1'?><html><head><meta charset='windows-1251'></head>"
         "<body><p>Straße Минск</p></body></html>", "Straße Минск"),
    Case("NUL characters dropped", "<p>a\x00b</p>", "ab"),
    Case("xml declaration with encoding", "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>x</p></body></html>", "x"),
]

EMPTY = [
    Case("empty", "", ""),
    Case("whitespace", "  \n ", ""),
    Case("only a comment", "<!-- nothing -->", ""),
    Case("only script", "<script>alert(1)</script>", ""),
]

ALL = INLINE_AND_BLOCKS + TABLES_AND_LISTS + NOT_SHOWN + ENTITIES_AND_BROKEN + EMPTY


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_html_to_text(case):
    assert html_to_text(case.html) == case.text


NOT_IN_TEXT = [  # things that must never reach the text, whatever else happens
    ("<p>x</p><script>var secret = 1;</script>", "secret"),
    ("<p>x</p><div style='DISPLAY:NONE'>secret</div>", "secret"),
    ("<p title='secret'>x</p>", "secret"),
    ("<a href='mailto:secret@example.org'>write to us</a>", "secret"),
    ("<meta name='description' content='secret'><p>x</p>", "secret"),
]


@pytest.mark.parametrize("html,word", NOT_IN_TEXT)
def test_not_shown_never_in_text(html, word):
    assert word not in html_to_text(html)


HEADINGS = [  # html, [(level, heading text)]
    ("<h1>IOM in Ruritania</h1><p>x</p><h3>Contact</h3>", [(1, "IOM in Ruritania"), (3, "Contact")]),
    ("<h2><strong>Termine 2016<br></strong></h2><table><tr><td>a</td><td>b</td></tr></table>",
     [(2, "Termine 2016")]),
    ("<table><tr><th colspan=2><div>Republic of X</div><div>native name</div></th></tr>"
     "<tr><th colspan=2>Area</th></tr><tr><th>• Total</th><td>5 km2</td></tr></table>",
     [(0, "Republic of X"), (0, "Area")]),
    ("<table><tr><th colspan=2>Area</th></tr><tr><th>• Total</th><td>5 km2</td></tr></table>", [(0, "Area")]),
    ("<table><caption>Key facts</caption><tr><td>a</td><td>b</td></tr></table>", [(0, "Key facts")]),
    ("<p>no headings</p>", []),
    ("<h4>a</h4><h5>b</h5><h6>c</h6>", [(4, "a"), (5, "b"), (6, "c")]),
]


@pytest.mark.parametrize("html,expected", HEADINGS)
def test_headings_are_offsets_into_the_text(html, expected):
    text, headings = html_to_text_with_headings(html)
    assert [(level, text[start:end]) for level, start, end in headings] == expected
    assert text == html_to_text(html)


@pytest.mark.parametrize("text,expected", [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("<table class='infobox'><tr><td>a</td></tr></table>", True),
    ("<div>x</div>", True),
    ("Area: 10 km sq < 20 km sq", False),
    ("Population (2015):9.5 million\nArea:207,595 km sq", False),
    ("", False),
    ("\ufeff  <!-- saved page -->\n<html><body>x</body></html>", True),
    ("<p>Population: 5 million</p>", True),
    ("Population: 5 million<br>\nArea: 10 km sq\nCurrency: Leu", False),
    ("Tel: <+375 17 288 27 42>\nFax: <+375 17 288 27 44>", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


_TAGS = ["p", "div", "span", "b", "table", "tr", "td", "th", "ul", "li", "dl", "dt", "dd", "br", "h1",
         "h3", "script", "style", "pre", "a", "nav", "footer", "select", "caption"]
_markup = st.lists(st.one_of(
    st.text(max_size=20),
    st.builds(lambda t: f"<{t}>", st.sampled_from(_TAGS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
    st.sampled_from(["<!--", "-->", "&nbsp;", "&shy;", "&#0;", "&#xD800;", "<br/>", " hidden", "\n",
                     "<span style='display:none'>", "<html/>", "<?xml encoding='x'?>"]),
), max_size=40).map("".join)


def _walk_raises(html: str) -> bool:
    """The tree walk itself (html_to_text hides its failures behind a tag stripper)."""
    try:
        root = _parse(html)
    except Exception:
        return False   # lxml's own refusal: the BeautifulSoup path takes over
    if root is None:
        return False
    try:
        _render(root)
    except Exception:
        return True
    return False


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_the_walk_itself_does_not_fail(case):
    assert not _walk_raises(case.html)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=500), _markup))
def test_html_to_text_never_raises(html):
    assert not _walk_raises(html)
    text, headings = html_to_text_with_headings(html)
    assert isinstance(text, str)
    assert "\x00" not in text and "\r" not in text
    for level, start, end in headings:
        assert 0 <= level <= 6
        assert 0 <= start < end <= len(text)
        assert "\n" not in text[start:end]
    assert all(line == line.strip() for line in text.split("\n"))


def _page_50kb() -> str:
    """A ~50 KB page in the template of the samples: menus, story cards, a fact
    list, an infobox-like table, prose and a footer, repeated."""
    block = (
        "<nav><ul>" + "".join(f"<li><a href='/p{i}'>Page {i}</a></li>" for i in range(12)) + "</ul></nav>"
        "<div class='stories'>" + "".join(
            f"<div class='card'><div class='who'>Person {i}, student</div>"
            f"<div class='far'>{i},234 kms from home</div><a href='#'>Read more</a></div>" for i in range(4))
        + "</div><h2>IOM in Ruritania</h2><p>Cooperation with IOM began in 1994. "
          "The office opened in <b>December 1996</b> in the capital.</p>"
        "<ul class='facts'>" + "".join(f"<li><strong>Indicator {i} (2015):</strong> {i}.5%</li>"
                                       for i in range(12)) + "</ul>"
        "<table class='infobox'>" + "".join(f"<tr><th>• Row {i}</th><td>{i},000 km<sup>2</sup> "
                                            f"(<a href='#'>{i}th</a>)</td></tr>" for i in range(15))
        + "</table><footer><h3>Office</h3><p>3, Main Street<br>Capital 220005</p>"
          "<script>var x = 1;</script></footer>")
    page = "<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body>"
    while len(page) < 50_000:
        page += block
    return page + "</body></html>"


def test_speed_50kb_page():
    """~50 KB in a few milliseconds (generous bound: the machine is shared)."""
    page = _page_50kb()
    html_to_text(page)
    n = 20
    t = time.perf_counter()
    for _ in range(n):
        html_to_text(page)
    per_page = (time.perf_counter() - t) / n
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms for {len(page)} chars"


HOSTILE = [  # (name, html, text expected in the output); each must finish quickly
    ("nesting deeper than libxml2 keeps", "<div>" * 20000 + "deep" + "</div>" * 20000, "deep"),
    ("deep nested tables", "<table><tr><td>" * 3000 + "x" + "</td></tr></table>" * 3000, "x"),
    ("unclosed spans", "<span>" * 50000 + "s", "s"),
    ("unterminated comments", "<!--" * 10000, ""),
    ("lone angle brackets", "<" * 100000, "<<<<"),
    ("unclosed scripts", "<script>" * 5000 + "x", ""),
    ("half-open tags", "<p>x<" * 30000, "x<"),
    ("many attributes", "<div " + "a='1' " * 50000 + ">x</div>", "x"),
]


@pytest.mark.parametrize("name,html,part", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_markup_is_read_in_bounded_time(name, html, part):
    t = time.perf_counter()
    text = html_to_text(html)
    assert time.perf_counter() - t < 3.0
    assert part in text


def test_beautifulsoup_reads_what_lxml_refuses(monkeypatch):
    import profile_extract.ingest.html as h

    def refuse(html):
        raise ValueError("lxml refused")
    monkeypatch.setattr(h, "_parse", refuse)
    assert h.html_to_text("<table><tr><th>Area</th><td>5 km sq</td></tr></table><p>Since 1994.</p>") == \
        "Area | 5 km sq\n\nSince 1994."


@pytest.mark.parametrize("how,setup,code,severity,status", [
    ("lxml", None, None, None, "ok"),
    ("soup", "refuse", "markup_repaired", "info", "ok"),
    ("stripped", "deep", "markup_stripped", "warning", "partial"),
])
def test_qa_sees_how_the_markup_was_read(monkeypatch, how, setup, code, severity, status):
    """A page read by the BeautifulSoup fallback or by the tag stripper says so
    in findings; its text is kept either way."""
    import profile_extract.ingest.html as h
    from profile_extract import extract_page
    body = "<p>Tel: +375 17 288 27 42</p><p>On 3 May 2001 the office opened.</p>"
    page = body
    if setup == "refuse":
        def refuse(html):
            raise ValueError("lxml refused")
        monkeypatch.setattr(h, "_parse", refuse)
    elif setup == "deep":
        page = "<div>" * 3000 + body + "</div>" * 3000
    assert h.read_html(page)[2] == how
    pr = extract_page(page.encode(), "office.html")
    codes = [(f.code.value, f.severity.value) for f in pr.findings if f.code.value.startswith("markup_")]
    assert codes == ([(code, severity)] if code else [])
    assert pr.status == status
    assert "+375 17 288 27 42" in pr.text and "3 May 2001" in pr.text
    assert pr.events and pr.events[0].date == "2001-05-03"
