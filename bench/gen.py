"""Synthetic corpora for the benchmarks, from templates written for them.

Text pages are shaped like a national-office profile as a crawler's text
extraction gives it (story teasers, prose with dated happenings, an `Updated:`
stamp, a `Label (year):value` facts block, an address block). HTML pages
(about 50 KB) wrap the same kind of content in what real sites carry around
it: a mega-menu, inline scripts and JSON config, a style block, a sidebar, a
cookie banner and a long footer. Everything is deterministic from (kind, i).

    python bench/gen.py --kind text --n 1000 --out DIR          # files, 1000 a folder
    python bench/gen.py --kind html --n 200 --warc crawl.warc.gz
    python bench/gen.py --kind text --n 50 --jsonl -            # a crawler feed on stdout
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
from typing import Iterator

VERSION = 2  # bump when templates change: cached corpora are regenerated

COUNTRIES = ["Belarus", "Moldova", "Georgia", "Armenia", "Ukraine", "Kenya", "Ghana", "Peru", "Chile",
             "Nepal", "Sri Lanka", "Viet Nam", "Morocco", "Tunisia", "Jordan", "Ecuador", "Bolivia",
             "Zambia", "Uganda", "Senegal", "Mongolia", "Kazakhstan", "Albania", "Serbia", "Honduras"]
CITIES = ["Capital City", "Riverton", "Port Lumen", "Old Harbour", "Northgate", "Eastfield"]
NAMES = ["Andrei", "Maria", "Chen", "Fatima", "Lucas", "Amina", "Olga", "Samuel", "Ines", "Tariq"]
ROLES = ["nurse", "student", "engineer", "teacher", "Paediatric nurse", "driver", "cook", "pharmacist"]
STREETS = ["Main Street", "Lenin Avenue", "Harbour Road", "Station Lane", "Kalinina Street", "Park Row"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
VERBS = ["opened an office in", "signed a cooperation agreement in", "launched a return programme in",
         "joined the regional consultative process in", "hosted a ministerial conference in"]
TOPICS = ["programme", "labour migration", "border management", "migrant health", "resettlement",
          "counter-trafficking", "data portal", "publications", "press releases", "vacancies"]
FILLER = ("The programme supports national authorities in managing migration, protecting migrants "
          "and building capacity of border agencies through training, equipment and advice. ")


def text_page(i: int) -> str:
    r = random.Random(i * 7919 + 1)
    country = r.choice(COUNTRIES)
    lines = []
    for _ in range(r.randint(2, 4)):
        if r.random() < 0.7:
            lines.append(f"{r.choice(NAMES)}, {r.choice(ROLES)}")
        lines.append(f"{r.randint(300, 12000):,} kms from home")
        lines.append("Read more")
    lines += ["", "", f"IOM in {country}", ""]
    y0 = r.randint(1990, 2000)
    prose = [f"Cooperation with IOM remains one of the priorities for {country}. "
             f"The country has actively participated in IOM's activities since {y0}."]
    for k in range(r.randint(3, 6)):
        y = y0 + 2 * k + r.randint(1, 2)
        if r.random() < 0.4:
            when = f"On {r.randint(1, 28)} {r.choice(MONTHS)} {y}"
        elif r.random() < 0.5:
            when = f"In {r.choice(MONTHS)} {y}"
        else:
            when = f"In {y}"
        prose.append(f"{when} the mission {r.choice(VERBS)} {r.choice(CITIES)}. " + FILLER * r.randint(1, 3))
    for para in prose:  # paragraphs, a blank line apart
        lines += [para.strip(), ""]
    month = r.choice(MONTHS)
    year = r.randint(2012, 2020)
    lines += ["", f"Updated: {month} {year}", f"Facts and Figures: {month} {year}", ""]
    lines += [
        f"Population ({year - 1}):{r.randint(1, 90)}.{r.randint(0, 9)} million",
        f"Area:{r.randint(10_000, 999_999):,} km sq",
        "Languages :Russian, English (both official)",
        f"Currency:National rouble ({r.choice(['BYR', 'MDL', 'GEL', 'AMD', 'UAH'])})",
        f"GDP per Capita PPP ({year - 2}):USD {r.randint(900, 40000):,}",
        f"HDI Rank ({year - 2}):{r.randint(1, 188)} of 188",
        f"Remittances ({year - 2} estimate):USD {r.randint(10, 9000):,} million",
        f"Net Migration Rate ({year - 1}-{year + 4}):{r.randint(-9, 9)}.{r.randint(0, 9)} migrants/1,000 population",
        f"Immigrants ({year - 1}):{r.randint(0, 40)}.{r.randint(0, 9)}%",
        f"Women as a Percentage of Immigrants ({year - 1}):{r.randint(30, 60)}.{r.randint(0, 9)}%",
        f"Population under 15 ({year - 1}):{r.randint(10, 45)}.{r.randint(0, 9)}%",
        f"Adult HIV Prevalence ({year - 2}):{r.randint(0, 5)}.{r.randint(0, 99):02d}%",
        "",
        "International Organization for Migration (IOM)",
        f"{r.randint(1, 99)}, {r.choice(STREETS)}, {r.choice(CITIES)} {r.randint(10000, 99999)}",
        f"Republic of {country}",
        "",
        f"Tel: +375.1 7{r.randint(10, 99)} 8{r.randint(10, 99)} 7{r.randint(0, 9)} {r.randint(1, 9)}",
        f"Fax: +375.1 7{r.randint(10, 99)} 8{r.randint(10, 99)} 7{r.randint(0, 9)} {r.randint(1, 9)}",
        f"Email: office{i}@example.org",
        f"Website: http://example.org/{country.lower().replace(' ', '-')}",
    ]
    return "\n".join(lines)


_NAV_SECTIONS = ["Who we are", "Our work", "Where we work", "Data and research", "Get involved",
                 "News", "Publications", "Careers", "Procurement", "Contact"]


def _nav(r: random.Random) -> str:
    out = ['<header class="site-header"><div class="brand"><a href="/"><img src="/logo.svg" '
           'alt="Organisation logo" width="180" height="40"></a></div>',
           '<nav class="mega-menu" aria-label="Main"><ul class="menu level-1">']
    for s in _NAV_SECTIONS:
        out.append(f'<li class="menu-item has-children"><a href="/{s.lower().replace(" ", "-")}">{s}</a>'
                   '<div class="mega-panel"><ul class="menu level-2">')
        for k in range(r.randint(14, 20)):
            slug = f"{s.lower().replace(' ', '-')}/topic-{k}"
            out.append(f'<li class="menu-item"><a href="/{slug}" data-track="nav-{slug}">'
                       f'{r.choice(CITIES)} {r.choice(TOPICS)}</a></li>')
        out.append("</ul></div></li>")
    out.append('</ul></nav><form class="search" action="/search"><input type="search" name="q" '
               'placeholder="Search"><button type="submit">Search</button></form></header>')
    return "".join(out)


def _scripts(r: random.Random) -> str:
    cfg = {"site": "example", "lang": "en", "features": {f"flag_{k}": r.random() < 0.5 for k in range(60)},
           "routes": [f"/section/{k}/item/{r.randint(1, 10**6)}" for k in range(120)]}
    return ('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
            "gtag('js',new Date());gtag('config','G-XXXXXXX',{anonymize_ip:true});</script>"
            f'<script type="application/json" id="site-config">{json.dumps(cfg)}</script>'
            '<script>(function(){var menus=document.querySelectorAll(".menu-item.has-children");'
            'for(var i=0;i<menus.length;i++){menus[i].addEventListener("mouseenter",function(e){'
            'e.currentTarget.classList.add("open")});menus[i].addEventListener("mouseleave",'
            'function(e){e.currentTarget.classList.remove("open")})}})();</script>')


def _style() -> str:
    rules = "".join(f".c{k}{{margin:{k % 7}px;padding:{k % 5}px;color:#{k * 4099 % 0xFFFFFF:06x}}}"
                    for k in range(150))
    return f"<style>body{{font-family:sans-serif}}{rules}</style>"


def _footer(r: random.Random) -> str:
    cols = []
    for s in _NAV_SECTIONS:
        links = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}/{k}">{r.choice(CITIES)} '
                        f'{r.choice(TOPICS)}</a></li>\n' for k in range(r.randint(8, 12)))
        cols.append(f'<div class="footer-col"><h4>{s}</h4><ul>{links}</ul></div>')
    return ('<footer class="site-footer">' + "".join(cols)
            + '<p class="legal">Copyright 2024 Example Organisation. All rights reserved. '
            '<a href="/privacy">Privacy</a> <a href="/terms">Terms of use</a></p>'
            '<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience.'
            '</p><button>Accept</button><button>Decline</button></div></footer>')


def html_page(i: int) -> str:
    r = random.Random(i * 104729 + 3)
    text = text_page(i).split("\n")
    title = next(l for l in text if l.startswith("IOM in "))
    facts_start = next(k for k, l in enumerate(text) if l.startswith("Facts and Figures"))
    facts = [l for l in text[facts_start + 2: facts_start + 14] if ":" in l]
    prose = [l for l in text if len(l) > 120]
    contact = text[facts_start + 15:]
    stories = text[: text.index("")]
    rows = "".join(f"<tr><th>{l.split(':', 1)[0]}</th><td>{l.split(':', 1)[1]}</td></tr>" for l in facts)
    cards = "".join(f'<div class="story-card"><p>{s}</p></div>' for s in stories if s != "Read more")
    body = "".join(f"<p>{p}</p>" for p in prose)
    sidebar = "".join(f'<li><a href="/news/{r.randint(1, 10**5)}">Mission {r.choice(VERBS)} '
                      f'{r.choice(CITIES)}</a> <span class="date">{r.randint(1, 28)} {r.choice(MONTHS)} '
                      f'{r.randint(2015, 2024)}</span></li>\n' for k in range(25))
    html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title} | Example Organisation</title>"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            + _style() + _scripts(r) + "</head><body>" + _nav(r)
            + f'<main id="content"><article><h1>{title}</h1><div class="stories">{cards}</div>'
            f'<div class="body">{body}</div><p class="updated">{text[facts_start - 1]}</p>'
            f'<h2>{text[facts_start]}</h2><table class="facts">{rows}</table>'
            f'<address>{"<br>".join(contact)}</address></article>'
            f'<aside class="sidebar"><h3>Latest news</h3><ul>{sidebar}</ul></aside></main>'
            + _footer(r) + _scripts(r) + "</body></html>")
    return html


def pages(kind: str, n: int, start: int = 0) -> Iterator[tuple[str, str]]:
    make = text_page if kind == "text" else html_page
    ext = "txt" if kind == "text" else "html"
    for i in range(start, start + n):
        yield f"p{i:07d}.{ext}", make(i)


def write_folder(kind: str, n: int, out: str, per_dir: int = 1000) -> str:
    """n pages as files, per_dir a sub-folder (as crawls are sharded)."""
    os.makedirs(out, exist_ok=True)
    for k, (name, page) in enumerate(pages(kind, n)):
        d = os.path.join(out, f"d{k // per_dir:04d}")
        if k % per_dir == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "w", encoding="utf-8") as fh:
            fh.write(page)
    return out


def write_warc(kind: str, n: int, path: str) -> str:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    ctype = "text/plain; charset=utf-8" if kind == "text" else "text/html; charset=utf-8"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=path.endswith(".gz"))
        for name, page in pages(kind, n):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://bench.example/{name}", "response",
                                                payload=io.BytesIO(page.encode("utf-8")), http_headers=http))
    return path


def write_jsonl(kind: str, n: int, fh) -> None:
    field = "text" if kind == "text" else "html"
    for name, page in pages(kind, n):
        fh.write(json.dumps({"url": f"https://bench.example/{name}", field: page}) + "\n")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kind", choices=("text", "html"), default="text")
    p.add_argument("--n", type=int, default=1000)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", help="folder of page files")
    g.add_argument("--warc", help="one .warc or .warc.gz file")
    g.add_argument("--jsonl", help="a JSON Lines feed (- for stdout)")
    a = p.parse_args(argv)
    if a.out:
        write_folder(a.kind, a.n, a.out)
    elif a.warc:
        write_warc(a.kind, a.n, a.warc)
    elif a.jsonl == "-":
        write_jsonl(a.kind, a.n, sys.stdout)
    else:
        with open(a.jsonl, "w", encoding="utf-8") as fh:
            write_jsonl(a.kind, a.n, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
