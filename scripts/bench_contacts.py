"""Contacts-stage timing: CPU ms per page (time.process_time around
extract_contacts on the page's Doc, as the pipeline builds it) averaged over
the seed, the dev pages and the generalisation pages, plus a 300 KB prose
page and pathological inputs. Usage: bench_contacts.py [--repeat N] [--prose-only]"""
from __future__ import annotations

import argparse
import glob
import random
import time
from pathlib import Path

from profile_extract.extract.contacts import extract_contacts
from profile_extract.pipeline import extract_page

ROOT = Path(__file__).resolve().parents[1]


def pages() -> list[Path]:
    out = [ROOT / "samples" / "belarus.txt"]
    out += sorted(Path(p) for p in glob.glob(str(ROOT / "../shared/corpus/dev/pages/*")))
    out += sorted(Path(p) for p in glob.glob(str(ROOT / "tests/generalisation*/pages/*")))
    return [p for p in out if p.is_file()]


def prose(n_bytes: int = 300_000, seed: int = 1) -> str:
    rnd = random.Random(seed)
    words = ("the of and to in a is that for it as was with be by on not he this are or his from at "
             "which but have an they you were her all she there would their we him been has when who "
             "will more no if out so said what up its about into than them can only other new some "
             "could time these two may then do first any my now such like our over man me even most "
             "made after also did many before must through back years where much your way well down "
             "should because each just those people how too little state good very make world still "
             "own see men work long get here between both life being under never day same another know "
             "while last might us great old year off come since against go came right used take three").split()
    caps = ("London Paris Geneva Main Street Road Avenue Place Court Washington New York Bonn Minsk "
            "University Institute Ministry National Council John Smith Mary Route Via Rue Box").split()
    out, size = [], 0
    while size < n_bytes:
        sent = []
        for _ in range(rnd.randint(8, 30)):
            r = rnd.random()
            w = rnd.choice(caps) if r < 0.12 else (str(rnd.randint(1, 2024)) if r < 0.16 else rnd.choice(words))
            sent.append(w)
        s = " ".join(sent).capitalize() + rnd.choice([". ", ". ", ", ", ".\n", ".\n\n"])
        out.append(s)
        size += len(s)
    return "".join(out)


def pathological() -> dict[str, str]:
    return {
        "caps": " ".join(["Capital"] * 20000),
        "caps_lines": "\n".join(" ".join(["Alpha Beta Gamma Delta"] * 10) for _ in range(2000)),
        "digits": " ".join(["12345"] * 20000),
        "commas": ", ".join(["Word 12"] * 15000),
        "mixed": ("Name Street 12, 12345 City Town Village " * 5000),
        "dots": ("A. B. C. D. " * 20000),
        "digit_run": "1" * 100000,
        "at_signs": ("a@ " * 30000),
    }


def doc_of(text: str, source: str = "x.txt"):
    """The Doc the pipeline gives extract_contacts (page country set)."""
    captured = {}
    import profile_extract.pipeline as pl
    orig = pl.extract_contacts

    def grab(doc):
        captured["doc"] = doc
        return [], []
    pl.extract_contacts = grab
    try:
        extract_page(text.encode("utf-8"), source=source)
    finally:
        pl.extract_contacts = orig
    return captured["doc"]


def cpu(fn, *a, repeat=3):
    best = None
    for _ in range(repeat):
        t = time.process_time()
        fn(*a)
        d = time.process_time() - t
        best = d if best is None else min(best, d)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--prose-only", action="store_true")
    ap.add_argument("--no-patho", action="store_true")
    ap.add_argument("--stage-seconds", action="store_true", help="also the pipeline's stage_seconds")
    args = ap.parse_args()
    if args.stage_seconds:
        # the pipeline's own figure (wall clock, so noisier on a shared machine)
        data = [(p.name, p.read_bytes()) for p in pages()]
        for name, b in data:
            extract_page(b, source=name)
        tot, n = 0.0, 0
        for _ in range(args.repeat):
            for name, b in data:
                tot += extract_page(b, source=name).stage_seconds.get("contacts", 0.0)
                n += 1
        print(f"stage_seconds[contacts]: mean {1000 * tot / n:.3f} ms/page over {len(data)} pages x {args.repeat}")
    if not args.prose_only:
        docs = [(p.name, doc_of(p.read_text(encoding="utf-8", errors="replace"), p.name)) for p in pages()]
        for _, d in docs:
            extract_contacts(d)   # warm caches
        tot = 0.0
        per = []
        for name, d in docs:
            t = cpu(extract_contacts, d, repeat=args.repeat)
            per.append((t, name))
            tot += t
        print(f"contacts: {len(docs)} pages, mean {1000 * tot / len(docs):.3f} ms/page (CPU, best of {args.repeat})")
        for t, name in sorted(per, reverse=True)[:5]:
            print(f"   {1000 * t:7.3f} ms  {name}")
        seed = next(t for t, n in per if n == "belarus.txt")
        print(f"   seed belarus.txt: {1000 * seed:.3f} ms")
    d = doc_of(prose())
    print(f"prose 300 KB: {1000 * cpu(extract_contacts, d, repeat=2):.1f} ms")
    if not args.no_patho:
        for name, text in pathological().items():
            d = doc_of(text)
            print(f"patho {name:10s} ({len(text) // 1000} KB): {1000 * cpu(extract_contacts, d, repeat=1):.1f} ms")


if __name__ == "__main__":
    main()
