"""The batch: same tables whatever --jobs, chunked atomic output, resume after
a kill, skip on rerun, every input page gets a pages row, exit codes."""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from profile_extract import work
from profile_extract.api import run_batch
from profile_extract.cli import main
from profile_extract.options import Options
from profile_extract.records import Fact
from profile_extract.spans import Span
from profile_extract.tables.frames import TABLES
from profile_extract.tables.schemas import column_names
from profile_extract.tables.write import PartStore

PAGE = """\
{name}, field worker
{km:,} kms from home
Read more

Office in {country}

The office in {country} opened in {year}. On 3 June {year2} it signed an agreement with the ministry.

Updated: March 2019
Facts and Figures: March 2019

Population (2018):{pop}.2 million
Area:{area:,} km sq
Immigrants (2017):{pct}.5%

{country} Office
{house} Main Street, Capital City 1000
Tel: +41 22 717 91{tail:02d}
Email: office{n}@example.org
"""
HTML = """<!doctype html><html><head><title>Office {n}</title><script>var x = {n};</script></head>
<body><nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<h1>Office in Ruritania {n}</h1><p>The office opened in {year}.</p>
<table><tr><td>Population (2018)</td><td>{n}.5 million</td></tr></table>
<footer>Copyright 2020</footer></body></html>"""


def page(n: int) -> str:
    return PAGE.format(name=["Ana", "Boris", "Chen", "Dara"][n % 4], km=1000 + 37 * n,
                       country=["Freedonia", "Moldova", "Ruritania"][n % 3], year=1990 + n % 20,
                       year2=2000 + n % 15, pop=n % 9 + 1, area=10_000 + n, pct=n % 30, house=n + 1,
                       tail=n % 100, n=n)


def make_corpus(root: Path, n: int = 12, html: int = 2, bad: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sub = root / f"s{i // 5}"
        sub.mkdir(exist_ok=True)
        (sub / f"p{i:03d}.txt").write_text(page(i), encoding="utf-8")
    for i in range(html):
        (root / f"h{i}.html").write_text(HTML.format(n=i, year=2000 + i), encoding="utf-8")
    if bad:
        (root / "broken.txt.gz").write_bytes(b"this is not gzip at all")
    return root


def opts(**kw) -> Options:
    extra = kw.pop("extra", {})
    base = dict(jobs=1, chunk_pages=4, report=False, progress=False)
    base.update(kw)
    return Options(extra=extra, **base)


def read_tables(out: Path) -> dict:
    got = {}
    for t in TABLES:
        got[t] = pd.read_parquet(out / f"{t}.parquet")
        if t != "texts":
            got[t + ".csv"] = (out / f"{t}.csv").read_bytes()
    return got


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = read_tables(a), read_tables(b)
    for k in ta:
        if k.endswith(".csv"):
            assert ta[k] == tb[k], k
        else:
            pd.testing.assert_frame_equal(ta[k], tb[k], obj=k)


def leftovers(out: Path) -> list[str]:
    return [str(p) for p in out.rglob("*") if ".tmp" in p.name or ".old-" in p.name]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "in", n=14, html=2)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "out"
    run_batch([str(corpus)], out, opts())
    return out


def test_jobs_2_gives_the_same_tables_row_for_row(corpus, reference, tmp_path):
    m = run_batch([str(corpus)], tmp_path / "o2", opts(jobs=2))
    assert m["engine"] == "processes" and m["workers"] == 2
    assert_same_tables(reference, tmp_path / "o2")


def test_every_input_gets_a_pages_row_in_input_order(corpus, reference):
    pages = pd.read_parquet(reference / "pages.parquet")
    names = [Path(s).name for s in pages["source"]]
    assert names == ["broken.txt.gz", "h0.html", "h1.html"] + [f"p{i:03d}.txt" for i in range(14)]
    broken = pages[pages["source"].str.endswith("broken.txt.gz")].iloc[0]
    assert broken["status"] == "failed" and "gzip" in broken["error"]
    assert pages["page_id"].is_unique
    assert set(pages["status"]) <= {"ok", "partial", "empty", "failed"}


def test_chunked_output_is_a_folder_of_parts_and_a_small_run_one_file(corpus, reference, tmp_path):
    parts = sorted(p.name for p in (reference / "pages.parquet").iterdir())
    assert parts == [f"part-{i:05d}.parquet" for i in range(5)]  # 17 pages / 4 per chunk
    m = run_batch([str(corpus / "s0" / "p000.txt")], tmp_path / "small", opts())
    assert (tmp_path / "small" / "pages.parquet").is_file()
    assert len(pd.read_parquet(tmp_path / "small" / "pages.parquet")) == 1 == m["counts"]["pages"]
    for out in (reference, tmp_path / "small"):
        assert leftovers(out) == []
        for t in TABLES:
            df = pd.read_parquet(out / f"{t}.parquet")
            assert list(df.columns) == column_names(t)


def test_manifest_counts_match_the_tables(reference):
    m = json.loads((reference / "run.json").read_text())
    for t in TABLES:
        assert m["counts"][t] == len(pd.read_parquet(reference / f"{t}.parquet")), t
    pages = pd.read_parquet(reference / "pages.parquet")
    assert m["pages_by_status"] == pages["status"].value_counts().to_dict()
    for key in ("version", "parser_version", "inputs", "options", "started", "finished", "rules",
                "findings_by_severity", "stage_seconds"):
        assert key in m
    assert m["started"] <= m["finished"]


def test_datapackage_describes_every_table(reference):
    dp = json.loads((reference / "datapackage.json").read_text())
    res = {r["name"]: r for r in dp["resources"]}
    assert set(res) == set(TABLES)
    for t in TABLES:
        assert [f["name"] for f in res[t]["schema"]["fields"]] == column_names(t)
    assert res["facts"]["path"] == "facts.csv"
    header = (reference / "facts.csv").read_text().splitlines()[0]
    assert header.replace('"', "").split(",") == column_names("facts")
    assert res["texts"]["format"] == "parquet"


def test_csv_and_parquet_hold_the_same_rows(reference):
    for t in ("pages", "facts", "events", "contacts", "stories", "findings"):
        p = pd.read_parquet(reference / f"{t}.parquet")
        c = pd.read_csv(reference / f"{t}.csv", dtype=str, keep_default_na=False)
        assert list(c.columns) == list(p.columns)
        assert list(c["page_id"]) == list(p["page_id"])


# -- resume --------------------------------------------------------------------

def test_resume_after_a_crash_mid_commit_gives_no_duplicate_or_missing_rows(corpus, reference,
                                                                             tmp_path, monkeypatch):
    out = tmp_path / "o"
    orig = PartStore.commit
    calls = []

    def crash_on_third(self, tables, page_ids, meta=None):
        calls.append(1)
        if len(calls) < 3:
            return orig(self, tables, page_ids, meta)
        journal = self.state / "journal.jsonl"
        before = journal.read_bytes()
        orig(self, tables, page_ids, meta)            # parts renamed, CSV appended...
        journal.write_bytes(before + b'{"chunk":2,"pa')  # ...and the journal line cut short
        raise KeyboardInterrupt

    monkeypatch.setattr(PartStore, "commit", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], out, opts())
    # nothing looks finished
    assert not (out / "run.json").exists()
    assert not any((out / f"{t}.parquet").exists() or (out / f"{t}.csv").exists() for t in TABLES)
    monkeypatch.setattr(PartStore, "commit", orig)
    m = run_batch([str(corpus)], out, opts(extra={"resume": True}))
    assert m["this_run"]["skipped_done"] == 8 and m["this_run"]["pages"] == 9
    assert_same_tables(reference, out)
    assert leftovers(out) == []


KILLER = textwrap.dedent("""
    import sys, time
    from profile_extract import work
    from profile_extract.api import run_batch
    from profile_extract.options import Options
    real = work.extract_page
    def slow(*a, **k):
        time.sleep(0.15)
        return real(*a, **k)
    work.extract_page = slow
    run_batch([sys.argv[1]], sys.argv[2], Options(jobs=1, chunk_pages=4, report=False, progress=False))
""")


def test_resume_after_sigkill(corpus, reference, tmp_path):
    out = tmp_path / "o"
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(corpus), str(out)])
    journal = out / ".resume" / "journal.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline:
        if journal.exists() and journal.read_text().count("\n") >= 2:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (out / "run.json").exists() and not (out / "pages.parquet").exists()
    m = run_batch([str(corpus)], out, opts(extra={"resume": True}))
    assert 0 < m["this_run"]["skipped_done"] < 17
    assert m["this_run"]["skipped_done"] + m["this_run"]["pages"] == 17
    assert_same_tables(reference, out)


def test_rerun_skips_pages_already_done_and_adds_new_ones(corpus, tmp_path, monkeypatch):
    src = tmp_path / "in"
    make_corpus(src, n=6, html=0, bad=False)
    out = tmp_path / "o"
    first = run_batch([str(src)], out, opts())
    before = read_tables(out)

    def must_not_run(*a, **k):
        raise AssertionError("a done page was extracted again")

    monkeypatch.setattr(work, "extract_page", must_not_run)
    again = run_batch([str(src)], out, opts(extra={"resume": True}))
    assert again["this_run"] == {**again["this_run"], "pages": 0, "skipped_done": 6}
    assert again["counts"] == first["counts"]
    after = read_tables(out)
    for k in before:
        if k.endswith(".csv"):
            assert before[k] == after[k]
        else:
            pd.testing.assert_frame_equal(before[k], after[k])
    monkeypatch.undo()
    (src / "s9").mkdir()
    (src / "s9" / "new.txt").write_text(page(99))
    third = run_batch([str(src)], out, opts(extra={"resume": True}))
    assert third["this_run"]["pages"] == 1 and third["this_run"]["skipped_done"] == 6
    pages = pd.read_parquet(out / "pages.parquet")
    assert len(pages) == 7 and pages["page_id"].is_unique
    assert pages["source"].iloc[-1].endswith("new.txt")


def test_resume_with_other_settings_is_a_usage_error(tmp_path, capsys):
    src = make_corpus(tmp_path / "in", n=2, html=0, bad=False)
    out = tmp_path / "o"
    assert main(["run", str(src), "--out", str(out), "--no-progress", "--no-report", "--jobs", "1"]) == 0
    code = main(["run", str(src), "--out", str(out), "--no-progress", "--no-report", "--jobs", "1",
                 "--resume", "--max-bytes", "1000"])
    assert code == 2
    err = capsys.readouterr().err
    assert "error:" in err and "max_bytes" in err and "Traceback" not in err
    assert (out / "pages.parquet").exists() and (out / "run.json").exists()  # the earlier run is intact


def test_the_same_page_given_twice_is_written_once(tmp_path):
    src = make_corpus(tmp_path / "in", n=2, html=0, bad=False)
    p = str(src / "s0" / "p000.txt")
    m = run_batch([p, p, str(src)], tmp_path / "o", opts())
    pages = pd.read_parquet(tmp_path / "o" / "pages.parquet")
    assert m["counts"]["pages"] == 2 == len(pages) and pages["page_id"].is_unique


# -- rows the schema rejects; CSV neutralisation ------------------------------

def _with_facts(monkeypatch, make):
    real = work.extract_page

    def fake(data, source, options=None, content_type=None, **kw):
        pr = real(data, source, options, content_type, **kw)
        return dataclasses.replace(pr, facts=tuple(make(pr)), status="ok")

    monkeypatch.setattr(work, "extract_page", fake)


def test_a_row_the_schema_rejects_becomes_a_rejected_record_finding(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Population (20051): 5 million\nArea: 10 km2\n")

    def make(pr):
        return [Fact("Population", "5 million", Span(0, 29), indicator="population", value=5e6,
                     year_start=20051, year_end=20051, rule="test.bad"),
                Fact("Area", "10 km2", Span(30, 42), indicator="area", value=10.0, unit="km**2",
                     rule="test.good")]

    _with_facts(monkeypatch, make)
    run_batch([str(tmp_path / "in")], tmp_path / "o", opts())
    facts = pd.read_parquet(tmp_path / "o" / "facts.parquet")
    assert list(facts["label"]) == ["Area"]
    f = pd.read_parquet(tmp_path / "o" / "findings.parquet")
    rej = f[f["code"] == "rejected_record"]
    assert len(rej) == 1
    r = rej.iloc[0]
    assert r["severity"] == "warning" and "year_start" in r["message"] and "20051" in r["message"]
    assert r["snippet"] == "Population (20051): 5 million" and r["rule"] == "test.bad"
    page_row = pd.read_parquet(tmp_path / "o" / "pages.parquet").iloc[0]
    assert page_row["n_facts"] == 1 and page_row["status"] == "partial"
    assert page_row["n_findings"] == (f["page_id"] == page_row["page_id"]).sum()


def test_csv_cells_are_neutralised_numbers_never(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("=SUM(A1): -3.5\n")
    _with_facts(monkeypatch, lambda pr: [Fact("=SUM(A1)", "-3.5", Span(0, 14), indicator="sum",
                                              value=-3.5, rule="test")])
    run_batch([str(tmp_path / "in")], tmp_path / "o", opts())
    c = pd.read_csv(tmp_path / "o" / "facts.csv", dtype=str, keep_default_na=False).iloc[0]
    assert c["label"] == "'=SUM(A1)" and c["snippet"] == "'=SUM(A1): -3.5" and c["value"] == "-3.5"
    assert c["value_text"] == "'-3.5"
    p = pd.read_parquet(tmp_path / "o" / "facts.parquet").iloc[0]
    assert p["label"] == "=SUM(A1)" and p["value"] == -3.5


# -- inputs through the CLI, exit codes --------------------------------------

def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                                http_headers=http))


def test_gz_warc_jsonl_and_stdin_inputs_through_the_cli(tmp_path, monkeypatch, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt.gz").write_bytes(gzip.compress(page(1).encode()))
    _warc(d / "crawl.warc.gz", [("https://w.example/1", HTML.format(n=1, year=2001)),
                                ("https://w.example/2", HTML.format(n=2, year=2002))])
    (d / "feed.jsonl").write_text(
        json.dumps({"link": "https://j.example/1", "body": page(2)}) + "\n"
        + json.dumps({"link": "https://j.example/2", "markup": HTML.format(n=3, year=2003)}) + "\n")
    listed = tmp_path / "listed.txt"
    listed.write_text(page(3))
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{listed}\n"))
    code = main(["run", str(d / "a.txt.gz"), str(d / "crawl.warc.gz"), str(d / "feed.jsonl"), "-",
                 "--out", str(tmp_path / "o"), "--no-progress", "--no-report", "--jobs", "2",
                 "--url-field", "link", "--text-field", "body", "--html-field", "markup"])
    assert code == 0, capsys.readouterr().err
    pages = pd.read_parquet(tmp_path / "o" / "pages.parquet")
    assert list(pages["source"]) == [str(d / "a.txt.gz"), "https://w.example/1", "https://w.example/2",
                                     "https://j.example/1", "https://j.example/2", str(listed)]
    assert list(pages["content_type"]) == ["text", "html", "html", "text", "html", "text"]
    assert (pages["status"] != "failed").all()
    texts = pd.read_parquet(tmp_path / "o" / "texts.parquet")
    assert "Ruritania 1" in texts["text"].iloc[1] and "<td>" not in texts["text"].iloc[1]


@pytest.mark.parametrize("argv,code,message", [
    (["{tmp}/nothing/here.txt"], 2, "error: no such input"),
    (["{tmp}/in/*.nomatch"], 2, "error: no input matches"),
    (["{tmp}/in/ok.txt"], 0, None),
    (["{tmp}/in/ok.txt", "{tmp}/in/bad.html.gz"], 1, None),
])
def test_exit_codes(tmp_path, capsys, argv, code, message):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text(page(5))
    (tmp_path / "in" / "bad.html.gz").write_bytes(b"\x1f\x8b broken")
    args = ["run", *[a.format(tmp=tmp_path) for a in argv], "--out", str(tmp_path / "o"),
            "--no-progress", "--no-report", "--jobs", "1"]
    assert main(args) == code
    err = capsys.readouterr().err
    if message:
        assert message in err and "Traceback" not in err
    else:
        assert (tmp_path / "o" / "run.json").exists()


def test_output_path_that_is_a_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "in.txt").write_text(page(1))
    (tmp_path / "out").write_text("a file")
    assert main(["run", str(tmp_path / "in.txt"), "--out", str(tmp_path / "out"), "--no-progress"]) == 2
    assert "cannot write to output folder" in capsys.readouterr().err


def test_output_folder_inside_the_input_folder_is_not_read_as_input(tmp_path):
    src = make_corpus(tmp_path / "in", n=2, html=0, bad=False)
    first = run_batch([str(src)], src / "out", opts(report=True))
    second = run_batch([str(src)], src / "out", opts(report=True))
    assert first["counts"]["pages"] == second["counts"]["pages"] == 2


def test_progress_callback_counts_every_page(tmp_path):
    src = make_corpus(tmp_path / "in", n=5, html=1, bad=True)
    seen = []
    m = run_batch(str(src), tmp_path / "o", opts(), progress=seen.append)
    assert sum(seen) == 7 == m["counts"]["pages"]


def test_pool_spawns_instead_of_forking_when_other_threads_run(corpus, reference, tmp_path):
    import threading
    from profile_extract import parallel
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    try:
        eng = parallel.PoolEngine(work.run_in_worker, 2, initializer=work.init_worker,
                                  initargs=(opts(), set()))
        assert eng.start_method == "spawn"
        eng.close()
        run_batch([str(corpus)], tmp_path / "o", opts(jobs=2))
    finally:
        stop.set()
    assert_same_tables(reference, tmp_path / "o")


def test_two_runs_never_write_one_folder(tmp_path):
    from profile_extract.errors import UsageError
    src = make_corpus(tmp_path / "in", n=1, html=0, bad=False)
    out = tmp_path / "o"
    out.mkdir()
    holder = PartStore(out, TABLES)
    try:
        with pytest.raises(UsageError, match="another run is writing"):
            run_batch([str(src)], out, opts())
    finally:
        holder.close()
    assert run_batch([str(src)], out, opts())["counts"]["pages"] == 1
