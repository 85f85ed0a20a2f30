"""Throughput and memory benchmarks of the batch (figures printed, not tested).

    python bench/run.py                      # all figures, memory at 1k and 10k pages (several minutes)
    python bench/run.py --only memory --sizes 10000,100000   # the 100k memory figure (long)
    python bench/run.py --profile text       # where the time goes (cProfile, top functions)

Each measurement runs in a fresh process: pages per second for text and
~50 KB HTML pages with one process and with --jobs 2, the floor (read and
decode every file plus one regular-expression pass, same files, same run),
peak RSS (ru_maxrss) at each size, and time per stage from run.json.
Corpora come from bench/gen.py and are cached in --workdir.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PER_DIR = 1000
# the floor's one regex pass: every `Label: value`-looking line
_FLOOR_RE = re.compile(r"^[^\W\d][^:\n|]{0,60}:\s*\S.*$", re.MULTILINE)
TARGETS = {"text_pps": 2000, "html_pps": 200, "floor_ratio": 0.25, "peak_mb": 500, "growth": 0.10,
           "speedup": 1.8}


# -- child processes --------------------------------------------------------------

def _files(dirs):
    for d in dirs:
        if os.path.isfile(d):
            yield d
            continue
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            for n in sorted(names):
                yield os.path.join(root, n)


def child_floor(dirs) -> dict:
    t = time.perf_counter()
    n = hits = nbytes = 0
    for path in _files(dirs):
        with open(path, "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8", "replace")
        hits += len(_FLOOR_RE.findall(text))
        n += 1
        nbytes += len(data)
    s = time.perf_counter() - t
    return {"pages": n, "seconds": s, "bytes": nbytes, "hits": hits}


def child_run(dirs, out, jobs: int, chunk: int) -> dict:
    from profile_extract.api import run_batch
    from profile_extract.options import Options
    def cpu():
        a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
    c0 = cpu()
    t = time.perf_counter()
    m = run_batch(dirs, out, Options(jobs=jobs, report=False, progress=False, chunk_pages=chunk))
    wall = time.perf_counter() - t
    cpu_s = cpu() - c0
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = sum(m["pages_by_status"].values())
    return {"pages": pages, "seconds": m["seconds"], "wall": wall, "cpu": cpu_s, "rss_mb": self_kb / 1024,
            "children_rss_mb": child_kb / 1024, "stages": m["stage_seconds"], "counts": m["counts"],
            "statuses": m["pages_by_status"]}


def child_profile(dirs, out, top: int) -> None:
    import cProfile
    import pstats
    from profile_extract.api import run_batch
    from profile_extract.options import Options
    prof = cProfile.Profile()
    prof.enable()
    run_batch(dirs, out, Options(jobs=1, report=False, progress=False))
    prof.disable()
    st = pstats.Stats(prof)
    st.sort_stats("tottime").print_stats(top)
    st.sort_stats("cumulative").print_stats(top)


def spawn(args: list[str]) -> dict:
    res = subprocess.run([sys.executable, str(Path(__file__)), *args], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"bench child failed: {' '.join(args)}\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


# -- corpora ---------------------------------------------------------------------

def ensure_corpus(workdir: Path, kind: str, n: int) -> list[str]:
    """A cached corpus of n pages in folders of PER_DIR; returns the folders."""
    import gen
    root = workdir / f"{kind}-corpus-v{gen.VERSION}"
    done = root / f".complete-{n}"
    have = sorted(root.glob(".complete-*"))
    have_n = max((int(p.name.split("-")[1]) for p in have), default=0)
    if have_n < n:
        t = time.perf_counter()
        print(f"generating {n:,} {kind} pages in {root} ...", file=sys.stderr, flush=True)
        shutil.rmtree(root, ignore_errors=True)
        gen.write_folder(kind, n, str(root), per_dir=PER_DIR)
        done.touch()
        print(f"  {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    ndirs = -(-n // PER_DIR)
    dirs = [str(root / f"d{k:04d}") for k in range(ndirs)]
    if n % PER_DIR:  # a partial last folder: list its files instead
        last = sorted((root / f"d{ndirs - 1:04d}").iterdir())[: n % PER_DIR]
        dirs = dirs[:-1] + [str(p) for p in last]
    return dirs


# -- main ------------------------------------------------------------------------

def fmt_pps(x):
    return f"{x:,.0f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--text-pages", type=int, default=10000, help="text pages for throughput (default 10000)")
    p.add_argument("--html-pages", type=int, default=1000, help="HTML pages for throughput (default 1000)")
    p.add_argument("--sizes", default="1000,10000",
                   help="page counts for peak memory (default 1000,10000; add 100000 for the full figure, ~10+ min)")
    p.add_argument("--workdir", default=os.environ.get("BENCH_DIR", "/tmp/profile-extract-bench"))
    p.add_argument("--profile", choices=("text", "html"), help="print a cProfile of one process instead")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--json", help="also write the figures here")
    p.add_argument("--only", choices=("throughput", "memory"), help="measure only these figures")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--dirs", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    p.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--chunk", type=int, default=2000, help=argparse.SUPPRESS)
    a = p.parse_args(argv)

    if a.child == "floor":
        print(json.dumps(child_floor(a.dirs)))
        return 0
    if a.child == "run":
        print(json.dumps(child_run(a.dirs, a.out, a.jobs, a.chunk)))
        return 0

    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    out = work / "out"
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]

    if a.profile:
        n = a.text_pages if a.profile == "text" else a.html_pages
        dirs = ensure_corpus(work, a.profile, min(n, 2000))
        shutil.rmtree(out, ignore_errors=True)
        child_profile(dirs, str(out), a.top)
        return 0

    text_dirs = ensure_corpus(work, "text", max([a.text_pages] + sizes))
    html_dirs = ensure_corpus(work, "html", a.html_pages)
    text_run = ensure_corpus(work, "text", a.text_pages)

    def run(dirs, jobs, chunk=2000):
        shutil.rmtree(out, ignore_errors=True)
        r = spawn(["--child", "run", "--out", str(out), "--jobs", str(jobs), "--chunk", str(chunk),
                   "--dirs", *dirs])
        shutil.rmtree(out, ignore_errors=True)
        r["pps"] = r["pages"] / r["seconds"]
        r["pps_cpu"] = r["pages"] / r["cpu"]  # pages per CPU-second: per core, whatever else runs
        # steady state: without the once-per-run start-up (warm_up: caches, patterns,
        # phone gazetteer), which a big run pays once
        warm = r["stages"].get("warm_up", 0.0)  # local engine: once, before the pool forks
        r["warm_up"] = warm
        r["pps_steady"] = r["pages"] / (r["seconds"] - warm)
        r["pps_cpu_steady"] = r["pages"] / (r["cpu"] - warm)
        return r

    results = {"machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
                          f"Python {platform.python_version()}",
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    load_before = os.getloadavg()
    mem = {}
    if a.only == "memory":
        for n in sizes:
            print(f"measuring peak memory at {n:,} pages ...", file=sys.stderr, flush=True)
            r = run(ensure_corpus(work, "text", n), 1)
            print(f"| peak RSS at {n:,} text pages | {r['rss_mb']:.0f} MB | {r['pps']:.0f} pages/s | "
                  f"load {os.getloadavg()[0]:.1f} |", flush=True)
        return 0
    print("measuring floors ...", file=sys.stderr, flush=True)
    floor_t = spawn(["--child", "floor", "--dirs", *text_run])
    floor_h = spawn(["--child", "floor", "--dirs", *html_dirs])
    print("measuring throughput ...", file=sys.stderr, flush=True)
    t1, t2 = run(text_run, 1), run(text_run, 2)
    h1, h2 = run(html_dirs, 1), run(html_dirs, 2)
    if a.only == "throughput":
        sizes = []
    for n in sizes:
        if n == a.text_pages:  # the 1-process throughput run is this measurement
            mem[n] = t1
            continue
        print(f"measuring peak memory at {n:,} pages ...", file=sys.stderr, flush=True)
        dirs = ensure_corpus(work, "text", n) if n <= max([a.text_pages] + sizes) else text_dirs
        mem[n] = run(dirs, 1)
    results.update(floor_text=floor_t, floor_html=floor_h, text_j1=t1, text_j2=t2, html_j1=h1,
                   html_j2=h2, memory={str(k): v for k, v in mem.items()})

    def ok(flag):
        return "ok" if flag else "MISSED"

    ftp = floor_t["pages"] / floor_t["seconds"]
    fhp = floor_h["pages"] / floor_h["seconds"]
    print()
    print(f"machine: {results['machine']}; {results['date']}; load average (1 min) "
          f"{load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after (shared machine: "
          f"other work competes for the cores)")
    print(f"text pages: {t1['pages']:,} (~{floor_t['bytes'] / floor_t['pages'] / 1024:.1f} KB); "
          f"HTML pages: {h1['pages']:,} (~{floor_h['bytes'] / floor_h['pages'] / 1024:.1f} KB)")
    print()
    print("| figure | value | target | |")
    print("| --- | ---: | ---: | --- |")
    rows = [
        ("text pages/s, 1 process (wall clock)", fmt_pps(t1["pps"]), "", ""),
        ("start-up, once per run before workers fork (caches, patterns, phone gazetteer)",
         f"{t1['warm_up']:.2f} s", "", ""),
        ("text pages per CPU-second (per core), whole run", fmt_pps(t1["pps_cpu"]), ">= 2,000",
         ok(t1["pps_cpu"] >= TARGETS["text_pps"])),
        ("text pages per CPU-second, steady state (without start-up)", fmt_pps(t1["pps_cpu_steady"]),
         ">= 2,000", ok(t1["pps_cpu_steady"] >= TARGETS["text_pps"])),
        ("text pages/s, --jobs 2", fmt_pps(t2["pps"]), "", ""),
        ("text speed-up --jobs 2", f"{t2['pps'] / t1['pps']:.2f}x", ">= 1.8x",
         ok(t2["pps"] / t1["pps"] >= TARGETS["speedup"])),
        ("text speed-up --jobs 2, steady state (start-up runs once, before the fork)",
         f"{t2['pps_steady'] / t1['pps_steady']:.2f}x", ">= 1.8x",
         ok(t2["pps_steady"] / t1["pps_steady"] >= TARGETS["speedup"])),
        ("text floor pages/s (read+decode+1 regex)", fmt_pps(ftp), "", ""),
        ("text ratio to floor, 1 process", f"{t1['pps'] / ftp:.1%}", ">= 25%",
         ok(t1["pps"] / ftp >= TARGETS["floor_ratio"])),
        ("text ratio to floor, 1 process, steady state", f"{t1['pps_steady'] / ftp:.1%}", ">= 25%",
         ok(t1["pps_steady"] / ftp >= TARGETS["floor_ratio"])),
        ("text CPU-seconds --jobs 2 / --jobs 1 (parallel overhead)", f"{t2['cpu'] / t1['cpu']:.2f}", "", ""),
        ("text cores actually got, --jobs 1 / --jobs 2 (CPU-s / wall-s)",
         f"{t1['cpu'] / t1['wall']:.2f} / {t2['cpu'] / t2['wall']:.2f}", "", ""),
        ("HTML pages/s, 1 process (wall clock)", fmt_pps(h1["pps"]), "", ""),
        ("HTML pages per CPU-second (per core), whole run", fmt_pps(h1["pps_cpu"]), ">= 200",
         ok(h1["pps_cpu"] >= TARGETS["html_pps"])),
        ("HTML pages per CPU-second, steady state (without start-up)", fmt_pps(h1["pps_cpu_steady"]),
         ">= 200", ok(h1["pps_cpu_steady"] >= TARGETS["html_pps"])),
        ("HTML pages/s, --jobs 2", fmt_pps(h2["pps"]), "", ""),
        ("HTML speed-up --jobs 2", f"{h2['pps'] / h1['pps']:.2f}x", ">= 1.8x",
         ok(h2["pps"] / h1["pps"] >= TARGETS["speedup"])),
        ("HTML speed-up --jobs 2, steady state (start-up runs once, before the fork)",
         f"{h2['pps_steady'] / h1['pps_steady']:.2f}x", ">= 1.8x",
         ok(h2["pps_steady"] / h1["pps_steady"] >= TARGETS["speedup"])),
        ("HTML CPU-seconds --jobs 2 / --jobs 1 (parallel overhead)", f"{h2['cpu'] / h1['cpu']:.2f}", "", ""),
        ("HTML cores actually got, --jobs 1 / --jobs 2 (CPU-s / wall-s)",
         f"{h1['cpu'] / h1['wall']:.2f} / {h2['cpu'] / h2['wall']:.2f}", "", ""),
        ("HTML floor pages/s", fmt_pps(fhp), "", ""),
        ("HTML ratio to floor", f"{h1['pps'] / fhp:.1%}", "", ""),
    ]
    for n, r in mem.items():
        rows.append((f"peak RSS at {n:,} text pages (1 process)", f"{r['rss_mb']:.0f} MB",
                     "< 500 MB" if n >= 100_000 else "", ok(r["rss_mb"] < TARGETS["peak_mb"])
                     if n >= 100_000 else ""))
    big = sorted(n for n in mem if n >= 10_000)
    if len(big) >= 2:
        g = mem[big[-1]]["rss_mb"] / mem[big[0]]["rss_mb"] - 1
        rows.append((f"RSS growth {big[0]:,} -> {big[-1]:,}", f"{g:+.1%}", "<= +10%", ok(g <= TARGETS["growth"])))
    for r in rows:
        print("| " + " | ".join(r) + " |")

    print()
    print("time per stage, 1 process (ms per page; share of the run's wall time)")
    print("| stage | text ms/page | text % | HTML ms/page | HTML % |")
    print("| --- | ---: | ---: | ---: | ---: |")
    groups = [("read", ["read"]), ("decode", ["decode"]), ("parse: HTML->text, lines", ["to_text", "segment"]),
              ("extract: page", ["page"]), ("extract: facts", ["facts"]), ("extract: events", ["events"]),
              ("extract: contacts", ["contacts"]), ("extract: stories", ["stories"]),
              ("validate: records", ["validate"]), ("rows (page_rows)", ["rows"]),
              ("validate: schema + Arrow", ["schema"]), ("write (Parquet, CSV, journal)", ["write"])]
    for name, keys in groups:
        cells = []
        for r in (t1, h1):
            s = sum(r["stages"].get(k, 0.0) for k in keys)
            cells += [f"{s / r['pages'] * 1e3:.3f}", f"{s / r['seconds']:.0%}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for r, label in ((t1, "text"), (h1, "HTML")):
        known = sum(r["stages"].values())
        print(f"{label}: stages account for {known / r['seconds']:.0%} of the wall time "
              f"(rest: leftover lines, findings, bookkeeping)")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
