"""Input enumeration: folders, globs, .gz, WARC, JSON Lines, stdin; what is a page."""
from __future__ import annotations

import gzip
import io
import json
import os
from collections import namedtuple

import pytest

from profile_extract.errors import UsageError
from profile_extract.ingest.sources import (check_inputs, content_type_for, iter_inputs,
                                            iter_jsonl, iter_warc, read_page_file)

PAGE = "Facts and Figures: March 2019\n\nPopulation (2018):4.1 million\nArea:33,846 km sq\n"
HTML = ("<!doctype html><html><head><title>x</title></head><body><h1>Office in Nowhere</h1>"
        "<p>The office opened in 2001.</p></body></html>")


def write_warc(path, records):
    """records: (uri, http content type, status, body bytes, rec_type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for uri, ctype, status, body, rec_type in records:
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            else:
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http)
            w.write_record(rec)


def sources(items):
    return [i.source for i in items]


def test_folder_is_walked_recursively_sorted_and_hidden_or_foreign_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b" / "c.html").write_text(HTML)
    (tmp_path / "b" / "d.htm.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "notes.md").write_text("not a page")
    (tmp_path / ".hidden.txt").write_text(PAGE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(PAGE)
    got = list(iter_inputs([str(tmp_path)]))
    assert sources(got) == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.html"),
                            str(tmp_path / "b" / "d.htm.gz")]
    assert [i.content_type for i in got] == ["text", "html", "html"]
    assert got[2].load(10_000) == (HTML.encode(), None)


def test_glob_and_explicit_file_of_any_suffix(tmp_path):
    for n in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / n).write_text(PAGE)
    (tmp_path / "page.dat").write_text(PAGE)
    got = sources(iter_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "page.dat")]))
    assert got == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt"), str(tmp_path / "page.dat")]


Missing = namedtuple("Missing", "arg message")


@pytest.mark.parametrize("case", [
    Missing("no/such/file.txt", "no such input: no/such/file.txt"),
    Missing("no/such/*.txt", "no input matches: no/such/*.txt"),
])
def test_missing_inputs_are_usage_errors(case):
    with pytest.raises(UsageError, match=case.message.replace("*", r"\*")):
        check_inputs([case.arg])


def test_no_input_is_a_usage_error():
    with pytest.raises(UsageError):
        check_inputs([])


GzCase = namedtuple("GzCase", "name data ok")


@pytest.mark.parametrize("case", [
    GzCase("good.txt.gz", gzip.compress(PAGE.encode()), True),
    GzCase("notgz.txt.gz", b"plain bytes, not gzip", False),
    GzCase("truncated.txt.gz", gzip.compress(PAGE.encode() * 50)[:40], False),
])
def test_gz_pages_read_or_say_why(tmp_path, case):
    p = tmp_path / case.name
    p.write_bytes(case.data)
    data, error = read_page_file(str(p), 1_000_000)
    if case.ok:
        assert (data, error) == (PAGE.encode(), None)
    else:
        assert data == b"" and "gzip" in error


def test_read_stops_after_the_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 5000)
    data, error = read_page_file(str(p), 100)
    assert len(data) == 101 and error is None  # one byte over: the pipeline flags too_large


@pytest.mark.parametrize("size,limit,want", [
    (0, 100, 0), (1, 100, 1), (99, 100, 99), (100, 100, 100), (101, 100, 101), (5000, 100, 101),
    (4096, 10_000_000, 4096), (70_000, 10_000_000, 70_000),
])
def test_read_gives_the_whole_file_up_to_one_byte_over_the_limit(tmp_path, size, limit, want):
    p = tmp_path / "page.txt"
    body = bytes(i % 251 for i in range(size))
    p.write_bytes(body)
    data, error = read_page_file(str(p), limit)
    assert error is None and data == body[:want]


@pytest.mark.parametrize("name,expected", [
    ("a.html", "html"), ("a.HTM", "html"), ("a.xhtml.gz", "html"), ("a.txt.gz", "text"),
    ("a.txt", "text"), ("a.dat", None), ("a", None),
])
def test_content_type_from_name(name, expected):
    assert content_type_for(name) == expected


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_and_text_responses_are_pages_others_are_not(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, [
        ("https://example.org/a", "text/html; charset=utf-8", "200 OK", HTML.encode(), "response"),
        ("https://example.org/logo.png", "image/png", "200 OK", b"\x89PNG...", "response"),
        ("https://example.org/old", "text/html", "301 Moved Permanently", b"<a>moved</a>", "response"),
        ("https://example.org/b.txt", "text/plain", "200 OK", PAGE.encode(), "response"),
        ("https://example.org/c", "application/xhtml+xml", "200 OK", HTML.encode(), "response"),
        ("https://example.org/a", "text/html", "200 OK", b"", "request"),
    ])
    got = list(iter_warc(str(path)))
    assert sources(got) == ["https://example.org/a", "https://example.org/b.txt", "https://example.org/c"]
    assert [i.content_type for i in got] == ["html", "text", "html"]
    assert got[0].data == HTML.encode() and got[1].data == PAGE.encode()
    assert all(i.error is None for i in got)


@pytest.mark.parametrize("name,cut", [("bad.warc.gz", 0.5), ("bad.warc", 0.6), ("bad2.warc.gz", 0.6)])
def test_damaged_warc_gives_a_failed_input_not_an_exception(tmp_path, name, cut):
    path = tmp_path / name
    bodies = [(b"<html><body><p>%d</p>" % i) + bytes(range(256)).hex().encode() * 12 for i in range(4)]
    write_warc(path, [(f"https://example.org/{i}", "text/html", "200 OK", b, "response")
                      for i, b in enumerate(bodies)])
    if name == "bad.warc.gz":  # cut inside the first gzip member: nothing readable
        write_warc(path, [("https://example.org/0", "text/html", "200 OK", bodies[0], "response")])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    got = list(iter_warc(str(path)))
    assert got and got[-1].error and "WARC" in got[-1].error
    assert all(i.error is None for i in got[:-1])


JsonlCase = namedtuple("JsonlCase", "line fields source content_type error")


@pytest.mark.parametrize("case", [
    JsonlCase({"url": "https://a.example/1", "html": HTML}, {}, "https://a.example/1", "html", None),
    JsonlCase({"url": "https://a.example/2", "text": PAGE}, {}, "https://a.example/2", "text", None),
    JsonlCase({"link": "https://a.example/3", "body": HTML}, {"url_field": "link", "html_field": "body"},
              "https://a.example/3", "html", None),
    JsonlCase({"html": HTML}, {}, "{path}:1", "html", None),
    JsonlCase({"url": "https://a.example/4", "status": 404}, {}, "https://a.example/4", None, "no 'html'"),
    JsonlCase("{not json", {}, "{path}:1", None, "not JSON"),
    JsonlCase([1, 2], {}, "{path}:1", None, "not a JSON object"),
])
@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_feed_lines(tmp_path, case, gz):
    path = tmp_path / ("feed.jsonl.gz" if gz else "feed.jsonl")
    line = case.line if isinstance(case.line, str) else json.dumps(case.line)
    raw = (line + "\n\n").encode()
    path.write_bytes(gzip.compress(raw) if gz else raw)
    extra = dict(case.fields)
    got = list(iter_inputs([str(path)], extra))
    assert len(got) == 1
    item = got[0]
    assert item.source == case.source.format(path=path)
    assert item.content_type == case.content_type
    if case.error:
        assert case.error in item.error
    else:
        assert item.error is None and item.load(10**6)[0].decode() in (HTML, PAGE)


def test_jsonl_field_names_reach_the_reader(tmp_path):
    path = tmp_path / "f.ndjson"
    path.write_text(json.dumps({"u": "https://b.example/", "t": PAGE}) + "\n")
    got = list(iter_jsonl(str(path), "u", "h", "t"))
    assert [(i.source, i.content_type) for i in got] == [("https://b.example/", "text")]


def test_stdin_lists_paths_and_a_missing_one_becomes_a_failed_input(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "p.txt").write_text(PAGE)
    (tmp_path / "q.html").write_text(HTML)
    stdin = io.StringIO(f"{tmp_path / 'd'}\n\n{tmp_path / 'q.html'}\n{tmp_path / 'gone.txt'}\n")
    got = list(iter_inputs(["-"], stdin=stdin))
    assert sources(got) == [str(tmp_path / "d" / "p.txt"), str(tmp_path / "q.html"), str(tmp_path / "gone.txt")]
    assert [i.error for i in got] == [None, None, "no such file"]


def test_symlinked_folders_are_not_followed_so_a_loop_ends(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.txt").write_text(PAGE)
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    assert sources(iter_inputs([str(tmp_path / "a")])) == [str(tmp_path / "a" / "p.txt")]


def test_excluded_folder_is_skipped(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.html").write_text(HTML)
    (tmp_path / "p.txt").write_text(PAGE)
    got = sources(iter_inputs([str(tmp_path)], exclude=[str(tmp_path / "out")]))
    assert got == [str(tmp_path / "p.txt")]
