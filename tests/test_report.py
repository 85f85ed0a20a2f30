"""The QA report and the run diff: escaping, CSP, highlights at their spans,
summary counts, part-file tables, the diff's pairing, and the CLI commands.

Run folders are written directly from page specs (report.synth.write_run), so
these tests do not depend on how far the extractors have come."""
from __future__ import annotations

import base64
import hashlib
import html as html_mod
import json
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest
from lxml import html as lxml_html

from profile_extract.report import build_report, diff_runs
from profile_extract.report.build import json_island, page_file, safe_url
from profile_extract.report.highlight import Mark, mark_text
from profile_extract.report.synth import synth_pages, write_run

HOSTILE_TEXT = (
    "Welcome <script>document.title='pwned';window.pwned=1</script>\n"
    "Population (2015): 9.5 million\n"
    "Name: \"><img src=x onerror=\"window.pwned=1\">\n"
    "Visit <a href=\"javascript:window.pwned=1\">our site</a> since 1994.\n"
    "</script><!-- Phone: +375 17 288 27 42\n"
    "Olga, nurse\n4,000 kms from home\n"
    "Area: 207,595 km sq\n"
)


def hostile_page(**kw) -> dict:
    page = {
        "source": "javascript:window.pwned=1//<script>x</script>",
        "title": "<script>window.pwned=1</script>Title",
        "country": "\"><img src=x onerror=alert(1)>",
        "text": HOSTILE_TEXT,
        "coverage": 0.75,
        "facts": [{"at": "Population (2015): 9.5 million", "label": "Population", "value": 9.5e6,
                   "unit": "person", "value_text": "9.5 million"},
                  {"at": "Name: \"><img src=x onerror=\"window.pwned=1\">",
                   "label": "<b>Name</b>", "value_text": "\"><img src=x onerror=alert(1)>"}],
        "events": [{"at": "1994", "date": "1994", "precision": "year", "date_text": "1994",
                    "sentence": "Visit <a href=\"javascript:window.pwned=1\">our site</a> since 1994.",
                    "qualifier": "since"}],
        "contacts": [{"at": "+375 17 288 27 42", "kind": "phone", "value": "+375172882742",
                      "raw": "+375 17 288 27 42"}],
        "stories": [{"at": "Olga, nurse\n4,000 kms from home", "name": "Olga", "role": "nurse",
                     "distance": 4000.0, "distance_unit": "km", "distance_km": 4000.0}],
        "findings": [{"at": "Area: 207,595 km sq", "code": "unparsed_line", "severity": "info"},
                     {"at": "+375 17 288 27 42", "code": "invalid_phone", "severity": "warning",
                      "message": "<script>window.pwned=1</script>"},
                     {"code": "rejected_record", "severity": "warning", "message": "year 20051",
                      "snippet": "Founded: 20051"}],
        "status": "partial",
    }
    page.update(kw)
    return page


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    pages = [hostile_page(), {"source": "pages/empty.txt", "text": "Nothing here.\n"},
             {"source": "pages/broken.bin", "text": "", "status": "failed",
              "error": "binary <b>data</b>",
              "findings": [{"code": "decode_error", "severity": "error", "message": "binary"}]}]
    write_run(out, pages)
    build_report(out)
    return out


# ---------------------------------------------------------------- highlight

class HL(NamedTuple):
    name: str
    text: str
    marks: list
    html: str


HIGHLIGHTS = [
    HL("one mark", "ab cd", [Mark(0, 2, "fact", "r1")],
       '<span class="anc" id="h-r1"></span><span class="hl k-fact p-fact" data-r="r1">ab</span> cd'),
    HL("markup in text is escaped", "<b>x</b>", [Mark(3, 4, "event", "e")],
       '&lt;b&gt;<span class="anc" id="h-e"></span><span class="hl k-event p-event" data-r="e">x'
       '</span>&lt;/b&gt;'),
    HL("nested: the inner record colours its piece", "abcdef",
       [Mark(0, 6, "contact", "c"), Mark(2, 4, "event", "e")],
       '<span class="anc" id="h-c"></span><span class="hl k-contact p-contact" data-r="c">ab</span>'
       '<span class="anc" id="h-e"></span><span class="hl k-contact k-event p-event multi" '
       'data-r="c e">cd</span><span class="hl k-contact p-contact" data-r="c">ef</span>'),
    HL("crossing spans", "abcd", [Mark(0, 3, "fact", "f"), Mark(1, 4, "fact", "g")],
       '<span class="anc" id="h-f"></span><span class="hl k-fact p-fact" data-r="f">a</span>'
       '<span class="anc" id="h-g"></span><span class="hl k-fact p-fact" data-r="f g">bc</span>'
       '<span class="hl k-fact p-fact" data-r="g">d</span>'),
    HL("a finding under a record", "tel 12", [Mark(4, 6, "contact", "c"), Mark(4, 6, "finding", "x")],
       'tel <span class="anc" id="h-c"></span><span class="anc" id="h-x"></span>'
       '<span class="hl k-contact k-finding p-contact" data-r="c x">12</span>'),
    HL("left-over line: anchored, no record colour", "a: b\n", [Mark(0, 4, "left", "l")],
       '<span class="anc" id="h-l"></span><span class="hl k-left" data-r="l">a: b</span>\n'),
    HL("the page title is outlined and anchored, under no record colour", "IOM in Ruritania\n",
       [Mark(0, 16, "page", "page-title")],
       '<span class="anc" id="h-page-title"></span><span class="hl k-page" data-r="page-title">'
       'IOM in Ruritania</span>\n'),
    HL("an update stamp inside a left-over line", "Updated: May 2019\n",
       [Mark(0, 17, "left", "l"), Mark(0, 17, "page", "page-updated")],
       '<span class="anc" id="h-l"></span><span class="anc" id="h-page-updated"></span>'
       '<span class="hl k-left k-page" '
       'data-r="l page-updated">Updated: May 2019</span>\n'),
    HL("quotes in refs and text are escaped", "\"'", [Mark(0, 1, "fact", "a\"b")],
       '<span class="anc" id="h-a&quot;b"></span><span class="hl k-fact p-fact" data-r="a&quot;b">'
       '&quot;</span>&#x27;'),
]
# marks that cannot be shown are skipped, never raise
UNSHOWN = [
    HL("span past the end", "abc", [Mark(1, 9, "fact", "f")], "abc"),
    HL("empty span", "abc", [Mark(1, 1, "fact", "f")], "abc"),
    HL("reversed span", "abc", [Mark(2, 1, "fact", "f")], "abc"),
    HL("missing offsets", "a<", [Mark(None, None, "fact", "f")], "a&lt;"),
]


@pytest.mark.parametrize("case", HIGHLIGHTS + UNSHOWN, ids=lambda c: c.name)
def test_mark_text(case):
    assert str(mark_text(case.text, case.marks)) == case.html


@pytest.mark.parametrize("case", HIGHLIGHTS, ids=lambda c: c.name)
def test_mark_text_keeps_the_text(case):
    """Stripping the markup gives back exactly the page text."""
    root = lxml_html.fragment_fromstring(str(mark_text(case.text, case.marks)), create_parent="div")
    assert root.text_content() == case.text


# ---------------------------------------------------------------- small helpers

@pytest.mark.parametrize("obj", [
    {"t": "</script><script>alert(1)</script>"}, {"t": "<!-- <script>"}, ["&amp;", "\u2028\u2029"],
    {"k": "\"'\\"},
])
def test_json_island_cannot_close_its_element(obj):
    s = str(json_island(obj))
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == obj


@pytest.mark.parametrize("source,url", [
    ("https://www.iom.int/countries/belarus", "https://www.iom.int/countries/belarus"),
    ("http://iom.by/en", "http://iom.by/en"),
])
def test_safe_url_links_http(source, url):
    assert safe_url(source) == url


@pytest.mark.parametrize("source", [
    "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>",
    "vbscript:x", "samples/belarus.txt", "/abs/path.html", "file:///etc/passwd", "http://",
    "https://x.org/a b", None,
])
def test_safe_url_rejects_everything_else(source):
    assert safe_url(source) is None


@pytest.mark.parametrize("pid,ok", [("7df8807c1bf67731", True), ("a_b-C9", True),
                                    ("../../etc", False), ("a/b", False), ("", False),
                                    ("x" * 200, False), ("<x>", False)])
def test_page_file_is_a_plain_name(pid, ok):
    name = page_file(pid)
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.html", name)
    assert (name == pid + ".html") == ok


# ---------------------------------------------------------------- the built report

def html_files(out: Path) -> list[Path]:
    return [out / "report" / "index.html"] + sorted((out / "report" / "pages").glob("*.html"))


def csp_of(doc) -> dict[str, list[str]]:
    metas = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1
    pol = {}
    for part in metas[0].get("content").split(";"):
        words = part.split()
        if words:
            pol[words[0]] = words[1:]
    return pol


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_has_a_strict_csp_matching_its_own_scripts(hostile_run):
    files = html_files(hostile_run)
    assert len(files) == 4  # index + three page views
    for f in files:
        raw = f.read_text(encoding="utf-8")
        doc = lxml_html.fromstring(raw)
        pol = csp_of(doc)
        assert pol["default-src"] == ["'none'"]
        assert "'unsafe-inline'" not in pol["script-src"] and "'unsafe-eval'" not in pol["script-src"]
        assert "'unsafe-inline'" not in pol["style-src"]
        assert pol["base-uri"] == ["'none'"]
        assert pol["require-trusted-types-for"] == ["'script'"]
        scripts = [s for s in doc.xpath("//script") if s.get("type") != "application/json"]
        assert scripts, f"{f.name}: the report's own script is missing"
        # hash over the exact source text between the tags
        bodies = re.findall(r"<script>(.*?)</script>", raw, flags=re.S)
        assert len(bodies) == len(scripts)
        assert sorted(sha(b) for b in bodies) == sorted(pol["script-src"])
        styles = re.findall(r"<style>(.*?)</style>", raw, flags=re.S)
        assert sorted(sha(s) for s in styles) == sorted(pol["style-src"])
        # the CSP meta tag comes before anything it governs
        assert raw.index("Content-Security-Policy") < raw.index("<style>")


def test_no_content_becomes_markup(hostile_run):
    for f in html_files(hostile_run):
        doc = lxml_html.fromstring(f.read_text(encoding="utf-8"))
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            assert el.tag not in ("img", "iframe", "object", "embed", "form", "b"), f.name
            for attr, value in el.attrib.items():
                assert not attr.lower().startswith("on"), (f.name, el.tag, attr)
                assert attr.lower() != "style", (f.name, el.tag)
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), \
                    (f.name, el.tag, attr, value)
        scripts = doc.xpath("//script")
        assert len([s for s in scripts if s.get("type") != "application/json"]) == 1


def test_page_view_shows_hostile_text_verbatim(hostile_run):
    pages = (hostile_run / "report" / "pages")
    view = max(pages.glob("*.html"), key=lambda p: p.stat().st_size)
    doc = lxml_html.fromstring(view.read_text(encoding="utf-8"))
    text = doc.get_element_by_id("text").text_content()
    assert text == HOSTILE_TEXT
    source = doc.xpath("//table[@class='meta']//td")[0]
    assert source.text_content() == "javascript:window.pwned=1//<script>x</script>"
    assert not source.xpath(".//a")  # not a link


def highlighted(doc, rid: str) -> str:
    return "".join(el.text_content() for el in doc.xpath(f'//*[@id="text"]//span[@data-r]')
                   if rid in el.get("data-r").split())


def test_every_record_is_highlighted_at_its_span(hostile_run):
    import pandas as pd
    pages = pd.read_parquet(hostile_run / "pages.parquet")
    checked = Counter()
    for kind in ("facts", "events", "contacts", "stories", "findings"):
        df = pd.read_parquet(hostile_run / f"{kind}.parquet")
        for r in df.itertuples():
            view = hostile_run / "report" / "pages" / page_file(r.page_id)
            doc = lxml_html.fromstring(view.read_text(encoding="utf-8"))
            row = doc.get_element_by_id(f"rec-{r.record_id}")
            assert row is not None
            if pd.isna(r.span_start):
                continue
            assert highlighted(doc, r.record_id) == r.snippet
            checked[kind] += 1
    assert checked == {"facts": 2, "events": 1, "contacts": 1, "stories": 1, "findings": 2}
    assert len(pages) == 3


def test_every_at_link_lands_on_an_anchor_in_the_text(hostile_run):
    """Records, page fields and findings alike: a row's `at` link scrolls to its place."""
    landed = Counter()
    for view in (hostile_run / "report" / "pages").glob("*.html"):
        doc = lxml_html.fromstring(view.read_text(encoding="utf-8"))
        for a in doc.xpath('//table[@data-kind]//td[contains(@class, "at")]/a[starts-with(@href, "#h-")]'):
            target = doc.get_element_by_id(a.get("href")[1:])
            assert target is not None and target.get("class") == "anc", a.get("href")
            assert target.xpath('ancestor::*[@id="text"]')
            landed[a.xpath("ancestor::table")[0].get("data-kind")] += 1
    assert landed["finding"] == 2 and sum(landed.values()) == 2 + 1 + 1 + 1 + 2


def test_highlight_classes_per_kind(hostile_run):
    view = max((hostile_run / "report" / "pages").glob("*.html"), key=lambda p: p.stat().st_size)
    doc = lxml_html.fromstring(view.read_text(encoding="utf-8"))
    for kind in ("fact", "event", "contact", "story", "left", "finding"):
        assert doc.xpath(f'//span[contains(concat(" ", @class, " "), " k-{kind} ")]'), kind
    legend = doc.xpath('//div[@class="legend"]')[0].text_content()
    for word in ("fact (2)", "event (1)", "contact (1)", "story (1)", "left-over line (1)"):
        assert word in legend


def test_index_data_island_lists_every_page(hostile_run):
    doc = lxml_html.fromstring((hostile_run / "report" / "index.html").read_text(encoding="utf-8"))
    island = doc.get_element_by_id("page-data")
    assert island.get("type") == "application/json"
    data = json.loads(island.text)
    rows = [dict(zip(data["cols"], r)) for r in data["rows"]]
    assert [r["status"] for r in rows] == ["partial", "empty", "failed"]
    hostile = rows[0]
    assert hostile["title"] == "<script>window.pwned=1</script>Title"
    assert (hostile["nf"], hostile["ne"], hostile["nc"], hostile["ns"]) == (2, 1, 1, 1)
    assert (hostile["nfd"], hostile["warn"], hostile["err"]) == (3, 2, 0)
    assert hostile["codes"] == {"unparsed_line": 1, "invalid_phone": 1, "rejected_record": 1}
    for r in rows:
        assert (hostile_run / "report" / "pages" / r["file"]).exists()


def test_report_json_summary(hostile_run):
    s = json.loads((hostile_run / "report" / "report.json").read_text(encoding="utf-8"))
    assert s["pages"] == 3
    assert s["pages_by_status"] == {"partial": 1, "empty": 1, "failed": 1}
    assert s["records"] == {"facts": 2, "events": 1, "contacts": 1, "stories": 1}
    assert s["findings_by_severity"] == {"error": 1, "warning": 2, "info": 1}
    assert s["findings_by_code"]["invalid_phone"] == {"warning": 1}
    assert s["findings_by_code"]["decode_error"] == {"error": 1}
    assert s["coverage"]["pages_without"] == 2
    assert sum(h["pages"] for h in s["coverage"]["histogram"]) == 1
    assert sum(h["pages"] for h in s["records_per_page"]["histogram"]) == 3
    assert [(f["source"], f["error"]) for f in s["failed_pages"]] == [("pages/broken.bin",
                                                                       "binary <b>data</b>")]


def test_failed_page_view_says_why(hostile_run):
    import pandas as pd
    pages = pd.read_parquet(hostile_run / "pages.parquet")
    pid = pages.loc[pages.status == "failed", "page_id"].iloc[0]
    doc = lxml_html.fromstring((hostile_run / "report" / "pages" / page_file(pid)).read_text())
    body = doc.text_content()
    assert "no text for this page" in body and "binary <b>data</b>" in body
    assert "decode_error" in body


@pytest.mark.parametrize("parts", [0, 3])
def test_part_folders_and_single_files_give_the_same_report(tmp_path, parts):
    out = tmp_path / f"run{parts}"
    write_run(out, synth_pages(12, seed=5), parts=parts)
    if parts:
        assert (out / "facts.parquet").is_dir()
    build_report(out)
    s = json.loads((out / "report" / "report.json").read_text())
    ref = tmp_path / "ref"
    if not ref.exists():
        write_run(ref, synth_pages(12, seed=5))
        build_report(ref)
    r = json.loads((ref / "report" / "report.json").read_text())
    for k in ("pages", "pages_by_status", "records", "findings_by_code", "coverage"):
        assert s[k] == r[k]
    assert len(list((out / "report" / "pages").glob("*.html"))) == 12


def test_rebuild_replaces_the_whole_report(tmp_path):
    out = tmp_path / "run"
    write_run(out, synth_pages(5))
    build_report(out)
    write_run(out, synth_pages(2, seed=9))
    build_report(out)
    assert len(list((out / "report" / "pages").glob("*.html"))) == 2
    assert not [p for p in out.iterdir() if p.name.startswith(".report")]


def test_missing_tables_still_give_a_report(tmp_path):
    out = tmp_path / "run"
    write_run(out, [hostile_page()])
    for t in ("events", "stories", "texts"):
        (out / f"{t}.parquet").unlink()
        (out / f"{t}.csv").unlink(missing_ok=True)
    index = build_report(out)
    assert index.exists()
    s = json.loads((out / "report" / "report.json").read_text())
    assert s["records"]["events"] == 0 and s["records"]["facts"] == 2


# ---------------------------------------------------------------- the seed, through the real pipeline

def test_seed_run_highlights_every_record_at_its_snippet(seed_run):
    import pandas as pd
    build_report(seed_run)
    n = 0
    for kind in ("facts", "events", "contacts", "stories"):
        df = pd.read_parquet(seed_run / f"{kind}.parquet")
        for r in df.itertuples():
            doc = lxml_html.fromstring(
                (seed_run / "report" / "pages" / page_file(r.page_id)).read_text(encoding="utf-8"))
            assert highlighted(doc, r.record_id) == r.snippet, (kind, r.snippet)
            n += 1
    summary = json.loads((seed_run / "report" / "report.json").read_text())
    manifest = json.loads((seed_run / "run.json").read_text())
    for kind in ("facts", "events", "contacts", "stories"):
        assert summary["records"][kind] == manifest["counts"][kind]
    assert summary["records_total"] == n


def test_seed_run_outlines_the_title_and_update_stamp_where_they_were_read(seed_run):
    import pandas as pd
    build_report(seed_run)
    page = pd.read_parquet(seed_run / "pages.parquet").iloc[0]
    text = pd.read_parquet(seed_run / "texts.parquet").iloc[0]["text"]
    doc = lxml_html.fromstring(
        (seed_run / "report" / "pages" / page_file(page["page_id"])).read_text(encoding="utf-8"))
    for field, snippet in (("title", "IOM in Belarus"), ("updated", "Updated: February 2016")):
        s, e = int(page[f"{field}_start"]), int(page[f"{field}_end"])
        assert text[s:e] == snippet
        assert highlighted(doc, f"page-{field}") == snippet
        row = doc.get_element_by_id(f"rec-page-{field}")
        assert [td.text_content() for td in row.findall("td")][1:] == [field, page[field]]
        assert doc.get_element_by_id(f"h-page-{field}") is not None   # the row's `at` link lands


# ---------------------------------------------------------------- diff

def base_pages() -> list[dict]:
    text = "Population (2015): 9.5 million\nArea: 207,595 km sq\nOpened in 1996.\nTel: +375 17 288\n"
    return [
        {"source": "a.txt", "page_id": "aaaa", "text": text, "title": "A",
         "facts": [{"at": "Population (2015): 9.5 million", "label": "Population", "value": 9.5e6,
                    "unit": "person"},
                   {"at": "Area: 207,595 km sq", "label": "Area", "value": 207595.0, "unit": "km"}],
         "events": [{"at": "1996", "date": "1996", "date_text": "1996"}],
         "contacts": [{"at": "+375 17 288", "kind": "phone", "value": "+37517288", "raw": "+375 17 288"}]},
        {"source": "b.txt", "page_id": "bbbb", "text": "Area: 5 km\n",
         "facts": [{"at": "Area: 5 km", "label": "Area", "value": 5.0, "unit": "km"}]},
        {"source": "c.txt", "page_id": "cccc", "text": "gone\n"},
    ]


class DiffCase(NamedTuple):
    name: str
    change: object           # function(pages) -> pages (the new run)
    lines: list[str]         # expected lines (substrings) in the text diff
    totals: dict             # kind -> (added, removed, changed)


def _fix_area(pages):
    pages[0]["facts"][1]["unit"] = "km**2"
    return pages


def _drop_event_add_story(pages):
    pages[0]["events"] = []
    pages[0]["text"] += "Olga\n9 kms from home\n"
    pages[0]["stories"] = [{"at": "Olga\n9 kms from home", "name": "Olga", "distance_km": 9.0}]
    return pages


def _bytes_changed(pages):
    pages[1]["page_id"] = "bbbb2"
    pages[1]["text"] = "Intro\nArea: 6 km\n"
    pages[1]["facts"] = [{"at": "Area: 6 km", "label": "Area", "value": 6.0, "unit": "km"}]
    return pages


def _page_set_changed(pages):
    del pages[2]
    pages.append({"source": "d.txt", "page_id": "dddd", "text": "Area: 1 km\n",
                  "facts": [{"at": "Area: 1 km", "label": "Area", "value": 1.0}]})
    return pages


def _title_and_status(pages):
    pages[0]["title"] = "IOM in A"
    pages[0]["status"] = "partial"
    pages[0]["findings"] = [{"at": "Tel: +375 17 288", "code": "invalid_phone", "severity": "warning"}]
    return pages


DIFFS = [
    DiffCase("a field changed", _fix_area,
             ["== a.txt  [aaaa]", "  ~ fact    Area = 207595 km", "        unit: km -> km**2"],
             {"facts": (0, 0, 1)}),
    DiffCase("records added and removed", _drop_event_add_story,
             ["  - event ", "  + story   Olga: 9 km"], {"events": (0, 1, 0), "stories": (1, 0, 0)}),
    DiffCase("bytes changed: matched by source, spans not compared", _bytes_changed,
             ["== b.txt  [bbbb2]  (matched by source: the bytes changed)", "value: 5 -> 6",
              "1 by source"],
             {"facts": (0, 0, 1)}),
    DiffCase("pages added and removed", _page_set_changed,
             ["+ page d.txt  [dddd]", "- page c.txt  [cccc]", "1 added, 1 removed"],
             {"facts": (1, 0, 0)}),
    DiffCase("page fields and findings", _title_and_status,
             ["page.title: A -> IOM in A", "page.status: ok -> partial", "findings.invalid_phone: 0 -> 1"],
             {}),
    DiffCase("no change", lambda pages: pages, ["no differences"], {}),
]


@pytest.mark.parametrize("case", DIFFS, ids=lambda c: c.name)
def test_diff(tmp_path, case):
    from profile_extract.report.diff import compare
    old, new = tmp_path / "old", tmp_path / "new"
    write_run(old, base_pages())
    write_run(new, case.change(base_pages()))
    text, html_path = diff_runs(old, new)
    for line in case.lines:
        assert line in text, f"{line!r} not in\n{text}"
    d = compare(old, new)
    for kind in ("facts", "events", "contacts", "stories"):
        t = d.totals[kind]
        assert (t["added"], t["removed"], t["changed"]) == case.totals.get(kind, (0, 0, 0)), kind
    assert html_path == new / "report" / "diff.html"
    doc = lxml_html.fromstring(html_path.read_text(encoding="utf-8"))
    pol = csp_of(doc)
    assert "'unsafe-inline'" not in pol["script-src"]


def test_diff_never_pairs_unrelated_records_by_position(tmp_path):
    """Two different facts at different places are one removal and one addition."""
    old, new = tmp_path / "old", tmp_path / "new"
    pages = base_pages()
    write_run(old, pages)
    pages = base_pages()
    pages[0]["facts"] = [pages[0]["facts"][0]]
    pages[0]["facts"].append({"at": "Opened in 1996.", "label": "Opened", "value": 1996.0})
    write_run(new, pages)
    text, _ = diff_runs(old, new, tmp_path / "d.html")
    assert "  - fact    Area" in text and "  + fact    Opened" in text
    assert (tmp_path / "d.html").exists()


def test_diff_html_escapes_content(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write_run(old, [hostile_page(page_id="h1")])
    changed = hostile_page(page_id="h1")
    changed["facts"][0]["label"] = "<img src=x onerror=alert(1)>"
    write_run(new, [changed])
    _, path = diff_runs(old, new)
    doc = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    assert not doc.xpath("//img")
    assert "<img src=x onerror=alert(1)>" in doc.text_content()


# ---------------------------------------------------------------- CLI

def test_cli_report_and_diff(tmp_path, capsys):
    from profile_extract.cli import main
    old, new = tmp_path / "old", tmp_path / "new"
    write_run(old, base_pages())
    write_run(new, _fix_area(base_pages()))
    assert main(["report", str(old)]) == 0
    assert (old / "report" / "index.html").exists()
    assert main(["diff", str(old), str(new), "--html", str(tmp_path / "x.html")]) == 0
    out = capsys.readouterr().out
    assert "unit: km -> km**2" in out and "x.html" in out
    assert main(["report", str(tmp_path / "nope")]) == 2
    assert main(["diff", str(old), str(tmp_path / "nope")]) == 2


# ---------------------------------------------------------------- property: any spans, any text

from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60),
       spans=st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70),
                                st.sampled_from(["fact", "event", "contact", "story", "left", "finding"])),
                      max_size=8))
def test_mark_text_never_raises_and_keeps_the_text(text, spans):
    marks = [Mark(s, e, k, f"r{i}") for i, (s, e, k) in enumerate(spans)]
    out = str(mark_text(text, marks))
    bare = re.sub(r'<span(?: (?:class|id|data-r)="[^"<>]*")*>|</span>', "", out)
    assert "<" not in bare and ">" not in bare  # only the report's own tags are markup
    assert html_mod.unescape(bare) == text


def test_big_diffs_keep_the_html_light(tmp_path):
    """Past the detail limit a changed page is one summary row, still linked and counted."""
    from profile_extract.report.diff import compare, to_html
    old, new = tmp_path / "old", tmp_path / "new"
    write_run(old, base_pages())
    write_run(new, _drop_event_add_story(_fix_area(base_pages())))
    doc = lxml_html.fromstring(to_html(compare(old, new), tmp_path / "d.html", detail_pages=0))
    body = doc.text_content()
    assert "1 more pages with differences" in body
    row = [tr for tr in doc.xpath("//tr") if "a.txt" in tr.text_content()][0]
    assert [td.text_content() for td in row.xpath("td")][1:] == ["page_id", "1", "1", "1", "0"]
    assert not doc.xpath("//table[@class='recs']")


def test_duplicate_record_ids_still_get_their_own_rows_and_highlights(tmp_path):
    out = tmp_path / "run"
    page = {"source": "d.txt", "page_id": "dup", "text": "Area: 1 km\nArea: 1 km\n",
            "facts": [{"at": (0, 10), "label": "Area", "record_id": "same"},
                      {"at": (11, 21), "label": "Area", "record_id": "same"}]}
    write_run(out, [page])
    build_report(out)
    doc = lxml_html.fromstring((out / "report" / "pages" / "dup.html").read_text())
    ids = [tr.get("id") for tr in doc.xpath("//table[@data-kind='fact']/tbody/tr")]
    assert len(ids) == len(set(ids)) == 2
    for rid in ids:
        assert highlighted(doc, rid[len("rec-"):]) == "Area: 1 km"
