"""Synthetic run folders for the report's tests and benchmarks.

`write_run(out, pages)` writes the tables of a run from plain page specs (text
plus records given by the substring they cover), through the project's own
schemas and writers, so a report can be tested before (or without) the
extractors. `synth_pages(n)` makes n varied profile-like pages."""
from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

from ..tables.schemas import to_frame
from ..tables.write import write_json_atomic, write_table_atomic

TABLES = ("pages", "facts", "events", "contacts", "stories", "findings", "texts")


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def write_run(out, pages: list[dict], parts: int = 0) -> Path:
    """Write a run folder. Each page: {"source", "text", optional "status", "title",
    "coverage", "facts"/"events"/"contacts"/"stories"/"findings": [dict with "at"
    (the substring, or (start, end)) and any column values]}. `parts` > 0 writes
    every Parquet table as a folder of that many part files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = {t: [] for t in TABLES}
    for n, p in enumerate(pages):
        text = p.get("text", "")
        pid = p.get("page_id") or hashlib.sha256(f"{p['source']}|{n}|{text}".encode()).hexdigest()[:16]
        counts = {}
        for kind in ("facts", "events", "contacts", "stories", "findings"):
            recs = p.get(kind, [])
            counts[kind] = len(recs)
            for i, r in enumerate(recs):
                r = dict(r)
                at = r.pop("at", None)
                if isinstance(at, str):
                    s, e = _span(text, at)
                elif at is not None:
                    s, e = at
                else:
                    s = e = None
                row = {"page_id": pid, "span_start": s, "span_end": e,
                       "snippet": text[s:e] if s is not None else r.pop("snippet", None),
                       "record_id": hashlib.sha256(f"{pid}|{kind}|{s}:{e}|{i}|{sorted(r.items())}"
                                                   .encode()).hexdigest()[:16]}
                row.update(_defaults(kind, row["snippet"] or ""))
                row.update(r)
                rows[kind].append(row)
        n_rec = sum(counts[k] for k in ("facts", "events", "contacts", "stories"))
        status = p.get("status") or ("ok" if n_rec else "empty")
        rows["pages"].append({
            "page_id": pid, "source": p["source"], "title": p.get("title"),
            "country": p.get("country"), "country_iso3": p.get("country_iso3"),
            "updated": p.get("updated"), "status": status, "error": p.get("error"),
            "n_facts": counts["facts"], "n_events": counts["events"],
            "n_contacts": counts["contacts"], "n_stories": counts["stories"],
            "n_findings": counts["findings"], "coverage": p.get("coverage"),
            "content_sha256": hashlib.sha256(text.encode()).hexdigest(), "parser_version": "synth",
            "content_type": "text", "encoding": "utf-8", "n_bytes": len(text.encode()),
            "n_chars": len(text)})
        if status != "failed":
            rows["texts"].append({"page_id": pid, "text": text})
    for t in TABLES:
        df = to_frame(t, rows[t])
        if parts > 0 and len(df):
            folder = out / f"{t}.parquet"
            folder.mkdir(exist_ok=True)
            size = max(1, -(-len(df) // parts))
            from ..tables.write import write_parquet
            for k in range(0, len(df), size):
                write_parquet(t, df.iloc[k:k + size].reset_index(drop=True),
                              folder / f"part-{k // size:05d}.parquet")
        else:
            write_table_atomic(t, df, out, csv=True)
    write_json_atomic({"tool": "profile-extract", "version": "synth", "parser_version": "synth",
                       "inputs": ["synthetic"], "seconds": 0,
                       "counts": {t: len(rows[t]) for t in TABLES}}, out / "run.json")
    return out


def _defaults(kind: str, snippet: str) -> dict:
    if kind == "facts":
        return {"label": snippet.split(":")[0][:40] or "x", "indicator": "x", "value_text": snippet,
                "rule": "synth"}
    if kind == "events":
        return {"date": "2000", "precision": "year", "date_start": dt.date(2000, 1, 1),
                "date_end": dt.date(2000, 12, 31), "date_text": snippet, "sentence": snippet,
                "rule": "synth"}
    if kind == "contacts":
        return {"group": 0, "kind": "organization", "value": snippet, "raw": snippet,
                "valid": True, "rule": "synth"}
    if kind == "stories":
        return {"rule": "synth"}
    if kind == "findings":
        return {"severity": "info", "code": "unparsed_line", "message": "structured-looking line "
                "gave no record", "rule": ""}
    return {}


COUNTRIES = ["Belarus", "Moldova", "Kenya", "Peru", "Norway", "India", "Chile", "Ghana"]
LABELS = [("Population", "person"), ("Area", "km**2"), ("GDP per Capita PPP", "USD"),
          ("Immigrants", "percent"), ("Net Migration Rate", "permille"), ("HDI Rank", None),
          ("Remittances", "USD"), ("Adult HIV Prevalence", "percent")]
FILLER = [
    "The programme supports returning migrants with counselling, training and small grants.",
    "Partners include national ministries, local authorities and civil society organisations.",
    "Border management work focuses on training officers and modernising equipment.",
    "Counter-trafficking activities combine prevention campaigns with direct assistance.",
    "Research on labour migration informs the policy dialogue with the government.",
    "Community stabilisation projects rebuild water points, schools and clinics.",
    "A regional hotline gives advice on safe migration in several languages.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def synth_page(i: int, rng: random.Random) -> dict:
    """One profile-like page (about 3-6 KB) with facts, events, contacts, stories, findings."""
    country = rng.choice(COUNTRIES)
    parts, facts, events, contacts, stories, findings = [], [], [], [], [], []
    pos = 0

    def add(s: str) -> tuple[int, int]:
        nonlocal pos
        parts.append(s)
        start = pos
        pos += len(s)
        return start, pos

    for k in range(rng.randint(0, 2)):
        name = rng.choice(["Ana", "Ivan", "Lauren", "Andrew", "Mira"])
        km = rng.randint(100, 9000)
        sp = add(f"{name}, student\n{km:,} kms from home\n")
        stories.append({"at": (sp[0], sp[1] - 1), "name": name, "role": "student", "distance": km,
                        "distance_unit": "km", "distance_km": float(km)})
        add("Read more\n")
    add(f"\nIOM in {country} {i}\n\n")
    for k in range(rng.randint(2, 6)):
        year = rng.randint(1950, 2020)
        pre = f"The office in {country} worked on programme {k} for many partners. It was opened in "
        add(pre)
        sp = add(f"{rng.choice(MONTHS)} {year}")
        events.append({"at": sp, "date": f"{year}", "precision": "month", "date_text": "",
                       "date_start": dt.date(year, 1, 1), "date_end": dt.date(year, 1, 31)})
        add(" and has grown since. " * rng.randint(1, 4) + "\n\n")
    for k in range(rng.randint(2, 6)):  # prose without records, as real pages have
        add(" ".join(rng.choice(FILLER) for _ in range(rng.randint(3, 7))) + "\n\n")
    add("Facts and Figures: February 2016\n\n")
    n_facts = rng.randint(4, 14)
    for k in range(n_facts):
        label, unit = LABELS[k % len(LABELS)]
        v = round(rng.uniform(0.1, 1e6), 1)
        sp = add(f"{label} ({2000 + k}):{v:,}")
        add("\n")
        if rng.random() < 0.15:
            findings.append({"at": sp, "severity": "info", "code": "unparsed_line",
                             "message": "structured-looking line gave no record"})
        else:
            facts.append({"at": sp, "label": label, "indicator": label.lower().replace(" ", "_"),
                          "value": v, "unit": unit, "value_text": f"{v:,}", "year_start": 2000 + k,
                          "year_end": 2000 + k})
    add("\n")
    if rng.random() < 0.8:
        org = f"International Organization for Migration ({country})"
        sp = add(org)
        contacts.append({"at": sp, "kind": "organization", "value": org, "raw": org})
        add("\n")
        sp = add(f"{rng.randint(1, 99)}, Main Street")
        contacts.append({"at": sp, "kind": "street", "value": parts[-1], "raw": parts[-1]})
        add(", ")
        sp = add("Capital City")
        contacts.append({"at": sp, "kind": "city", "value": "Capital City", "raw": "Capital City"})
        add("\n\nTel: ")
        ph = f"+375 17 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        sp = add(ph)
        valid = rng.random() > 0.1
        contacts.append({"at": sp, "kind": "phone", "value": "+" + "".join(c for c in ph if c.isdigit()),
                         "raw": ph, "valid": valid})
        if not valid:
            findings.append({"at": sp, "severity": "warning", "code": "invalid_phone",
                             "message": "phone number does not validate"})
        add("\nEmail: ")
        sp = add(f"office{i}@example.org")
        contacts.append({"at": sp, "kind": "email", "value": parts[-1], "raw": parts[-1]})
        add("\n")
    text = "".join(parts)
    n_struct = n_facts + len(stories)
    left = sum(1 for f in findings if f["code"] == "unparsed_line")
    return {"source": f"crawl/{country.lower()}/page-{i:05d}.txt", "text": text,
            "title": f"IOM in {country} {i}", "country": country,
            "coverage": (n_struct - left) / n_struct if n_struct else None,
            "status": "partial" if any(f["severity"] != "info" for f in findings) else None,
            "facts": facts, "events": events, "contacts": contacts, "stories": stories,
            "findings": findings}


def synth_pages(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    return [synth_page(i, rng) for i in range(n)]


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under path."""
    total = files = 0
    for p in Path(path).rglob("*"):
        if p.is_file():
            total += p.stat().st_size
            files += 1
    return total, files


def index_load_seconds(index: Path, chromium: str = "/usr/bin/chromium",
                       chromedriver: str = "/usr/bin/chromedriver") -> float:
    """Seconds from navigation start to the load event of `index` in headless Chromium."""
    import os
    import shutil
    import tempfile
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    profile = tempfile.mkdtemp(prefix="report-bench-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    try:
        drv.get(Path(index).resolve().as_uri())
        ms = drv.execute_script("var e = performance.getEntriesByType('navigation')[0];"
                                "return e.loadEventEnd - e.startTime")
        return ms / 1000
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv=None) -> int:
    """Benchmark: python -m profile_extract.report.synth --pages 10000 --out /tmp/b [--browser]"""
    import argparse
    import time
    from .build import build_report
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--parts", type=int, default=0, help="write tables as N part files")
    ap.add_argument("--browser", action="store_true", help="also time the index in headless Chromium")
    a = ap.parse_args(argv)
    t = time.perf_counter()
    write_run(a.out, synth_pages(a.pages), parts=a.parts)
    print(f"tables      {a.pages} pages written in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    index = build_report(a.out)
    print(f"build       {time.perf_counter() - t:.2f} s")
    size, files = folder_size(Path(a.out) / "report")
    print(f"report      {size / 1e6:.1f} MB in {files} files; index.html "
          f"{index.stat().st_size / 1e6:.2f} MB")
    if a.browser:
        print(f"index load  {index_load_seconds(index):.2f} s (headless Chromium, navigation to load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
