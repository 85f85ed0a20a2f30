"""The report in a real headless browser (Debian's chromium + chromedriver).

Untrusted page content must stay inert: pages carrying <script>, an
`"><img onerror>` break-out and javascript: links run no script of theirs (the
title and window.pwned stay untouched, no alert opens), while the report's own
hashed scripts do run (they set data-ready) and every record kind is
highlighted. The index of a 10,000-page run must open in under 3 s.

The browser comes from `bash scripts/install-browser.sh` (make test runs it).
Nothing here downloads a browser; a missing browser fails the test with the fix."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from profile_extract.report import build_report
from profile_extract.report.build import page_file
from profile_extract.report.synth import synth_pages, write_run

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("REPORT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("REPORT_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1300,1000"]

PWN = "window.pwned=1;document.title='pwned'"
HOSTILE = (
    "Welcome <script>" + PWN + "</script>\n"
    "Population (2015): 9.5 million\n"
    "Motto: \"><img src=x onerror=\"" + PWN + "\">\n"
    "Read <a href=\"javascript:" + PWN + "\">our history</a>: the office opened in 1996.\n"
    "</script><script>alert(1)</script><svg onload=alert(1)>\n"
    "International Organization for Migration\nTel: +375 17 288 27 42\n"
    "Olga, nurse\n4,000 kms from home\n"
    "Languages: x <iframe src=javascript:alert(1)>\n"
)


def hostile_pages() -> list[dict]:
    return [{
        "source": "javascript:" + PWN,
        "title": "<script>" + PWN + "</script>IOM in Testland",
        "country": "\"><img src=x onerror=\"" + PWN + "\">",
        "status": "partial", "coverage": 0.8, "text": HOSTILE,
        "facts": [{"at": "Population (2015): 9.5 million", "label": "Population", "value": 9.5e6,
                   "unit": "person", "value_text": "9.5 million", "year_start": 2015},
                  {"at": "Motto: \"><img src=x onerror=\"" + PWN + "\">", "label": "Motto",
                   "value_text": "\"><img src=x onerror=\"" + PWN + "\">"}],
        "events": [{"at": "1996", "date": "1996", "precision": "year", "date_text": "1996",
                    "sentence": "Read <a href=\"javascript:" + PWN + "\">our history</a>: the "
                                "office opened in 1996."}],
        "contacts": [{"at": "International Organization for Migration", "kind": "organization",
                      "value": "International Organization for Migration",
                      "raw": "International Organization for Migration"},
                     {"at": "+375 17 288 27 42", "kind": "phone", "value": "+375172882742",
                      "raw": "+375 17 288 27 42"}],
        "stories": [{"at": "Olga, nurse\n4,000 kms from home", "name": "Olga", "role": "nurse",
                     "distance": 4000.0, "distance_unit": "km", "distance_km": 4000.0}],
        "findings": [{"at": "Languages: x <iframe src=javascript:alert(1)>", "code": "unparsed_line",
                      "severity": "info"},
                     {"at": "+375 17 288 27 42", "code": "invalid_phone", "severity": "warning",
                      "message": "<img src=x onerror=\"" + PWN + "\">"}],
    }, {"source": "https://example.org/<script>" + PWN + "</script>", "text": "Plain page.\n",
        "title": "</script><script>" + PWN + "</script>"}]


@pytest.fixture(scope="module")
def driver():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        pytest.fail(f"browser test needs Debian's chromium and chromedriver; missing: "
                    f"{', '.join(missing)}. Install them with `bash scripts/install-browser.sh` "
                    f"(apt-get install -y chromium chromium-driver); `make test` does this.",
                    pytrace=False)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    profile = tempfile.mkdtemp(prefix="report-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser_hostile")
    write_run(out, hostile_pages())
    build_report(out)
    return out


def open_file(drv, path: Path) -> float:
    t0 = time.perf_counter()
    drv.get(path.resolve().as_uri())
    return time.perf_counter() - t0


def assert_inert(drv, expected_title: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    with pytest.raises(NoAlertPresentException):
        drv.switch_to.alert.text  # noqa: B018 - an open alert would mean content script ran
    assert drv.title == expected_title
    assert drv.execute_script("return typeof window.pwned") == "undefined"
    # the report's own (hashed) script ran: CSP let it through
    assert drv.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
    assert drv.execute_script(
        "return document.querySelectorAll('img, iframe, object, embed, [onerror], [onload],"
        " a[href^=\"javascript:\" i]').length") == 0
    csp_errors = [e for e in drv.get_log("browser") if "Content Security Policy" in e["message"]
                  or "TrustedHTML" in e["message"]]
    assert not csp_errors, csp_errors
    # Trusted Types: even a script of the report could not turn a string into markup
    assert drv.execute_script("try { var d = document.createElement('div'); d.innerHTML = '<b>x</b>';"
                              " return 'allowed'; } catch (e) { return e.name; }") == "TypeError"
    drv.get_log("browser")  # drop the console line that refusal leaves


def test_page_view_content_is_inert_and_every_kind_is_highlighted(driver, hostile_report):
    import pandas as pd
    pages = pd.read_parquet(hostile_report / "pages.parquet")
    pid = pages.loc[pages.status == "partial", "page_id"].iloc[0]
    open_file(driver, hostile_report / "report" / "pages" / page_file(pid))
    assert_inert(driver, "<script>" + PWN + "</script>IOM in Testland · QA report")
    shown = driver.execute_script("return document.getElementById('text').textContent")
    assert shown == HOSTILE
    for kind in ("fact", "event", "contact", "story"):
        table = pd.read_parquet(hostile_report / f"{ {'fact': 'facts', 'event': 'events', 'contact': 'contacts', 'story': 'stories'}[kind]}.parquet")
        for r in table.itertuples():
            got = driver.execute_script(
                "var rid = arguments[0]; return Array.prototype.map.call("
                "document.querySelectorAll('#text .hl.k-' + arguments[1]), function (e) {"
                " return e.getAttribute('data-r').split(' ').indexOf(rid) >= 0 ? e.textContent : '';"
                "}).join('')", r.record_id, kind)
            assert got == r.snippet, (kind, got, r.snippet)
    assert driver.execute_script("return document.querySelectorAll('#text .hl.k-left').length") == 1
    assert driver.execute_script("return document.querySelectorAll('#text .hl.k-finding').length") == 1
    # clicking a highlight shows the record's fields, and still runs nothing from the content
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    driver.find_element(By.CSS_SELECTOR, "#text .hl.p-fact").click()
    tip = driver.find_element(By.ID, "tip")
    assert tip.is_displayed()
    assert "Population" in tip.text and "9500000" in tip.text
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert not tip.is_displayed()
    # the legend hides and shows one kind
    fact = driver.find_element(By.CSS_SELECTOR, "#text .hl.p-fact")
    shown = fact.value_of_css_property("background-color")
    driver.find_element(By.CSS_SELECTOR, '#legend input[data-k="fact"]').click()
    assert fact.value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
    driver.find_element(By.CSS_SELECTOR, '#legend input[data-k="fact"]').click()
    assert fact.value_of_css_property("background-color") == shown
    motto = [e for e in driver.find_elements(By.CSS_SELECTOR, "#text .hl.p-fact") if "Motto" in e.text][0]
    motto.click()
    assert "onerror" in tip.text
    assert_inert(driver, "<script>" + PWN + "</script>IOM in Testland · QA report")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "report_page_view.png"))
    assert (ARTIFACTS / "report_page_view.png").stat().st_size > 10_000
    # "n" goes to the next page view, "i" back to the index
    driver.find_element(By.TAG_NAME, "body").send_keys("n")
    assert driver.current_url.endswith("/pages/" + page_file(pages.page_id.iloc[1]))
    assert_inert(driver, "</script><script>" + PWN + "</script> · QA report")
    driver.find_element(By.TAG_NAME, "body").send_keys("i")
    assert driver.current_url.split("#")[0].endswith("/report/index.html")


def test_index_is_inert_and_its_table_works(driver, hostile_report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    open_file(driver, hostile_report / "report" / "index.html")
    assert_inert(driver, "QA report: 2 pages")
    rows = driver.find_elements(By.CSS_SELECTOR, "#rows tr")
    assert len(rows) == 2
    assert "<script>" in rows[0].text or "<script>" in rows[1].text  # shown as text
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#rows a")]
    assert all(h.startswith("file://") and "/report/pages/" in h for h in hrefs)
    Select(driver.find_element(By.ID, "f-status")).select_by_value("partial")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr")) == 1
    Select(driver.find_element(By.ID, "f-find")).select_by_value("c:invalid_phone")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr")) == 1
    Select(driver.find_element(By.ID, "f-status")).select_by_value("empty")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr")) == 0
    assert_inert(driver, "QA report: 2 pages")
    # filters live in the URL fragment: reopening the URL (or "back" from a page view) keeps them
    url = driver.current_url
    assert "f-status=empty" in url and "f-find=c%3Ainvalid_phone" in url
    driver.get("about:blank")
    driver.get(url)
    assert driver.find_element(By.ID, "f-status").get_attribute("value") == "empty"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr")) == 0
    Select(driver.find_element(By.ID, "f-find")).select_by_value("")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr")) == 1
    # a finding code in the summary filters the table to the pages that have it
    driver.find_element(By.LINK_TEXT, "invalid_phone").click()
    assert driver.find_element(By.ID, "f-status").get_attribute("value") == ""
    assert driver.find_element(By.ID, "f-find").get_attribute("value") == "c:invalid_phone"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tr")) == 1
    assert_inert(driver, "QA report: 2 pages")


def test_seed_page_view_highlights_its_records(driver, tmp_path):
    """The seed through the real pipeline: every kind that has records is highlighted."""
    import pandas as pd
    from profile_extract.cli import main
    out = tmp_path / "seed"
    assert main(["run", str(ROOT / "samples" / "belarus.txt"), "--out", str(out), "--no-progress"]) == 0
    pages = pd.read_parquet(out / "pages.parquet")
    open_file(driver, out / "report" / "pages" / page_file(pages.page_id.iloc[0]))
    assert driver.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
    for table, kind in (("facts", "fact"), ("events", "event"), ("contacts", "contact"),
                        ("stories", "story")):
        n = len(pd.read_parquet(out / f"{table}.parquet"))
        shown = driver.execute_script(
            "return document.querySelectorAll('#text span.anc + .hl.k-' + arguments[0]).length", kind)
        assert (shown > 0) == (n > 0), (kind, n, shown)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "report_seed_page_view.png"))


def test_index_of_10000_pages_opens_in_under_3_seconds(driver, tmp_path):
    out = tmp_path / "big"
    write_run(out, synth_pages(10_000, seed=3))
    build_report(out)
    shutil.rmtree(out / "report" / "pages")  # 200 MB the index does not need; keep tmp small
    seconds = open_file(driver, out / "report" / "index.html")
    assert driver.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
    nav = driver.execute_script(
        "var e = performance.getEntriesByType('navigation')[0]; return e.loadEventEnd - e.startTime")
    assert "10000 of 10000 pages" in driver.find_element("id", "info").text
    assert len(driver.find_elements("css selector", "#rows tr")) == 100
    print(f"index of 10,000 pages: driver.get {seconds:.2f} s, navigation-to-load {nav / 1000:.2f} s")
    assert seconds < 3.0 and nav < 3000
    # sorting and paging stay quick at this size
    t0 = time.perf_counter()
    driver.find_element("css selector", '#pages th[data-k="coverage"]').click()
    assert driver.find_element("css selector", "#rows tr td:nth-child(5)").text == "100%"
    driver.find_element("id", "next").click()
    assert "page 2 of 100" in driver.find_element("id", "info").text
    assert time.perf_counter() - t0 < 3.0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "report_index_10000.png"))
