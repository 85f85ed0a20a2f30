"""Guard rail for speed work: the output must not change while the code gets faster.

    speedcheck.py snapshot FILE     # every table row of a broad page set, as JSON lines
    speedcheck.py compare FILE      # the same now; prints each page whose rows differ (exit 1)
    speedcheck.py stages [--html|--real]  # CPU ms per page of each stage: bench corpus or real pages

The page set: the seed, samples/, the dev corpus, the generalisation sets, the
first pages of the bench corpora (text and ~50 KB HTML) and a few hostile
shapes (binary, huge line, deep markup). Rows are compared without timings."""
from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path

from profile_extract import extract_page
from profile_extract.tables.frames import page_rows

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path("/tmp/profile-extract-bench")
sys.path.insert(0, str(ROOT / "bench"))


def _bench_pages(kind: str, n: int) -> list[tuple[str, bytes]]:
    import gen
    root = BENCH / f"{kind}-corpus-v{gen.VERSION}" / "d0000"
    if not root.is_dir():
        raise SystemExit(f"no bench corpus at {root}: run `python bench/run.py --profile {kind}` once")
    return [(str(p), p.read_bytes()) for p in sorted(root.iterdir())[:n]]


def _hostile() -> list[tuple[str, bytes]]:
    return [
        ("hostile/binary.txt", bytes(range(256)) * 40),
        ("hostile/longline.txt", b"Population: 12 million " * 4000),
        ("hostile/deep.html", b"<div>" * 3000 + b"Phone: +375 17 288 27 42" + b"</div>" * 3000),
        ("hostile/digits.txt", b"1 2 3 4 5 6 7 8 9 0 " * 2000),
        ("hostile/mixed.html", b"<p>On 3 May 2001 it joined.</p><script>var a='<p>x</p>'</script>" * 300),
    ]


def _real_files() -> list[Path]:
    """The seed, samples, dev corpus and generalisation pages."""
    files = [ROOT / "../shared/seed/belarus.txt"] + sorted((ROOT / "samples").iterdir())
    files += sorted(Path(p) for p in glob.glob(str(ROOT / "../shared/corpus/dev/pages/*")))
    files += sorted(Path(p) for p in glob.glob(str(ROOT / "tests/generalisation*/pages/*")))
    return [p for p in files if p.is_file()]


def pages(n_bench: int) -> list[tuple[str, bytes]]:
    out = [(str(p.resolve().relative_to(ROOT.parent)), p.read_bytes()) for p in _real_files()]
    return out + _bench_pages("text", n_bench) + _bench_pages("html", n_bench // 4) + _hostile()


def rows_of(source: str, data: bytes) -> dict:
    pr = extract_page(data, source)
    rows = page_rows(pr)
    rows.pop("texts", None)
    return rows


def snapshot(path: str, n_bench: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for src, data in pages(n_bench):
            fh.write(json.dumps({"source": src, "rows": rows_of(src, data)}, sort_keys=True, default=str) + "\n")


def compare(path: str, n_bench: int, show: int) -> int:
    want = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            want[d["source"]] = d["rows"]
    bad = 0
    for src, data in pages(n_bench):
        got = json.loads(json.dumps(rows_of(src, data), sort_keys=True, default=str))
        exp = want.get(src)
        if got == exp:
            continue
        bad += 1
        if bad > show:
            continue
        print(f"DIFF {src}")
        for table in sorted(set(got) | set(exp or {})):
            g, e = got.get(table, []), (exp or {}).get(table, [])
            if g == e:
                continue
            gs = {json.dumps(r, sort_keys=True) for r in g}
            es = {json.dumps(r, sort_keys=True) for r in e}
            for r in sorted(es - gs)[:5]:
                print(f"  - {table}: {r[:300]}")
            for r in sorted(gs - es)[:5]:
                print(f"  + {table}: {r[:300]}")
    print(f"{len(want)} pages in snapshot; {bad} differ")
    return 1 if bad else 0


def _real_pages() -> list[tuple[str, bytes]]:
    """Real shapes, each page different (the bench corpora repeat their templates' sentences)."""
    return [(str(p), p.read_bytes()) for p in _real_files()]


def stages(kind: str, n: int) -> None:
    """CPU time per stage: the pipeline's stage clock is swapped for process_time
    here, so other work on a shared machine does not swell the figures."""
    import profile_extract.pipeline as pl

    class _CPUClock:
        perf_counter = staticmethod(time.process_time)
    pl.time = _CPUClock
    docs = _real_pages() if kind == "real" else _bench_pages(kind, n)
    from profile_extract.parse.units import registry
    from profile_extract.work import warm_up
    registry()  # pint: built on the first unit outside the spelling table (a long run has it)
    warm_up()  # as a batch does before its first page (lazy libraries, patterns)
    # lazily compiled patterns and imports, as a long run has them: real pages are
    # warmed on bench pages (other text), bench pages on their first 20
    for src, data in (_bench_pages("text", 100) + _bench_pages("html", 25) if kind == "real" else docs[:20]):
        extract_page(data, src)
    tot: dict[str, float] = {}
    c0 = time.process_time()
    for src, data in docs:
        pr = extract_page(data, src)
        page_rows(pr)
        for k, v in pr.stage_seconds.items():
            tot[k] = tot.get(k, 0.0) + v
    cpu = time.process_time() - c0
    print(f"{kind}: {len(docs)} pages, {cpu / len(docs) * 1e3:.2f} CPU ms/page "
          f"({len(docs) / cpu:.0f} pages per CPU-second, extract_page + page_rows)")
    for k, v in sorted(tot.items(), key=lambda kv: -kv[1]):
        print(f"  {k:10s} {v / len(docs) * 1e3:7.3f} ms/page")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("snapshot", "compare", "stages"))
    ap.add_argument("file", nargs="?")
    ap.add_argument("--bench", type=int, default=200, help="bench text pages in the set (HTML: a quarter)")
    ap.add_argument("--html", action="store_true", help="stages: the HTML corpus")
    ap.add_argument("--real", action="store_true", help="stages: the real pages (seed, samples, dev, generalisation)")
    ap.add_argument("-n", type=int, default=500, help="stages: pages")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args()
    if a.cmd == "snapshot":
        snapshot(a.file, a.bench)
        return 0
    if a.cmd == "compare":
        return compare(a.file, a.bench, a.show)
    stages("real" if a.real else "html" if a.html else "text", a.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
