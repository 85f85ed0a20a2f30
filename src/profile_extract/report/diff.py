"""Compare two runs page by page: records added, removed and changed field by field.

Pages are matched by page_id, then (for pages whose bytes changed) by source.
Records of one kind within a matched page are paired in three passes:
identical record_id; the same identity key (fact label, event date as written,
contact kind and raw text, story snippet), in page order; overlapping spans.
What stays unpaired was added or removed; a pair whose fields differ changed.
"""
from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from .build import asset, csp, env, fmt, page_file
from .data import KIND_NAME, RECORD_KINDS, Run

PAGE_FIELDS = ("title", "country", "country_iso3", "updated", "status", "error", "coverage")
SKIP_FIELDS = {"page_id", "record_id"}
SPAN_FIELDS = {"span_start", "span_end"}
KEYS = {
    "facts": ("label",),
    "events": ("date_text", "sentence"),
    "contacts": ("group", "kind", "raw"),
    "stories": ("snippet",),
}


@dataclass
class RecordChange:
    kind: str                      # facts | events | contacts | stories
    op: str                        # + | - | ~
    old: dict | None = None
    new: dict | None = None
    changes: list[tuple[str, object, object]] = field(default_factory=list)


@dataclass
class PageDiff:
    old: dict | None
    new: dict | None
    matched_by: str                # page_id | source | added | removed
    page_changes: list[tuple[str, object, object]] = field(default_factory=list)
    finding_changes: list[tuple[str, int, int]] = field(default_factory=list)
    records: list[RecordChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.page_changes or self.finding_changes or self.records) or \
            self.matched_by in ("added", "removed")


@dataclass
class RunDiff:
    old: str
    new: str
    pages: list[PageDiff]
    matched: Counter
    totals: dict[str, Counter]


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def field_changes(old: dict, new: dict, fields: list[str]) -> list[tuple[str, object, object]]:
    return [(f, old.get(f), new.get(f)) for f in fields if not _same(old.get(f), new.get(f))]


def _overlap(a: dict, b: dict) -> int:
    s1, e1, s2, e2 = a.get("span_start"), a.get("span_end"), b.get("span_start"), b.get("span_end")
    if None in (s1, e1, s2, e2):
        return 0
    return max(0, min(e1, e2) - max(s1, s2))


def pair_records(kind: str, old: list[dict], new: list[dict], same_text: bool):
    """(pairs, removed, added) for the records of one kind on one page."""
    pairs: list[tuple[dict, dict]] = []
    left_old = list(range(len(old)))
    left_new = list(range(len(new)))
    # 1. identical record_id
    by_id = defaultdict(list)
    for j in left_new:
        by_id[new[j].get("record_id")].append(j)
    rest = []
    for i in left_old:
        js = by_id.get(old[i].get("record_id"))
        if old[i].get("record_id") and js:
            pairs.append((i, js.pop(0)))
        else:
            rest.append(i)
    used_new = {j for _, j in pairs}
    left_old, left_new = rest, [j for j in left_new if j not in used_new]
    # 2. identity key, in page order
    key = KEYS.get(kind, ("snippet",))
    by_key = defaultdict(list)
    for j in left_new:
        by_key[tuple(new[j].get(k) for k in key)].append(j)
    rest = []
    for i in left_old:
        js = by_key.get(tuple(old[i].get(k) for k in key))
        if js:
            pairs.append((i, js.pop(0)))
        else:
            rest.append(i)
    used_new = {j for _, j in pairs}
    left_old, left_new = rest, [j for j in left_new if j not in used_new]
    # 3. overlapping spans (only meaningful when both runs saw the same text)
    if same_text and left_old and left_new:
        cand = sorted(((_overlap(old[i], new[j]), i, j) for i in left_old for j in left_new),
                      reverse=True)
        taken_o, taken_n = set(), set()
        for ov, i, j in cand:
            if ov <= 0:
                break
            if i in taken_o or j in taken_n:
                continue
            pairs.append((i, j))
            taken_o.add(i)
            taken_n.add(j)
        left_old = [i for i in left_old if i not in taken_o]
        left_new = [j for j in left_new if j not in taken_n]
    return ([(old[i], new[j]) for i, j in sorted(pairs)], [old[i] for i in left_old],
            [new[j] for j in left_new])


def _match_pages(a: Run, b: Run):
    """[(old page, new page, how)] plus added and removed pages, in new-run order."""
    old_by_id = {p["page_id"]: p for p in a.pages}
    new_ids = {p["page_id"] for p in b.pages}
    pairs, unmatched_new = [], []
    for p in b.pages:
        if p["page_id"] in old_by_id:
            pairs.append((old_by_id[p["page_id"]], p, "page_id"))
        else:
            unmatched_new.append(p)
    by_source = defaultdict(list)
    for p in a.pages:
        if p["page_id"] not in new_ids:
            by_source[p.get("source")].append(p)
    added = []
    for p in unmatched_new:
        cands = by_source.get(p.get("source"))
        if p.get("source") and cands:
            pairs.append((cands.pop(0), p, "source"))
        else:
            added.append(p)
    removed = [p for ps in by_source.values() for p in ps]
    return pairs, added, removed


def compare(old_dir, new_dir) -> RunDiff:
    a, b = Run(old_dir), Run(new_dir)
    pairs, added, removed = _match_pages(a, b)
    totals = {k: Counter() for k in RECORD_KINDS}
    matched = Counter(how for _, _, how in pairs)
    out: list[PageDiff] = []
    for po, pn, how in pairs:
        same_text = how == "page_id"
        pd_ = PageDiff(po, pn, how)
        pd_.page_changes = field_changes(
            {k: (round(v, 4) if isinstance(v, float) else v) for k, v in po.items()},
            {k: (round(v, 4) if isinstance(v, float) else v) for k, v in pn.items()},
            list(PAGE_FIELDS))
        fo = Counter(f.get("code") for f in a.findings.get(po["page_id"], ()))
        fn = Counter(f.get("code") for f in b.findings.get(pn["page_id"], ()))
        pd_.finding_changes = [(c, fo.get(c, 0), fn.get(c, 0)) for c in sorted(set(fo) | set(fn))
                               if fo.get(c, 0) != fn.get(c, 0)]
        for kind in RECORD_KINDS:
            fields = [c for c in b.columns[kind] if c in a.columns[kind] and c not in SKIP_FIELDS
                      and (same_text or c not in SPAN_FIELDS)]
            ro = a.records[kind].get(po["page_id"], [])
            rn = b.records[kind].get(pn["page_id"], [])
            ps, gone, new = pair_records(kind, ro, rn, same_text)
            changes = []
            for x, y in ps:
                ch = field_changes(x, y, fields)
                if ch:
                    changes.append(RecordChange(kind, "~", x, y, ch))
                    totals[kind]["changed"] += 1
                else:
                    totals[kind]["unchanged"] += 1
            changes += [RecordChange(kind, "-", old=r) for r in gone]
            changes += [RecordChange(kind, "+", new=r) for r in new]
            totals[kind]["removed"] += len(gone)
            totals[kind]["added"] += len(new)
            changes.sort(key=lambda c: ((c.new or c.old).get("span_start") or 0, c.op))
            pd_.records += changes
        out.append(pd_)
    for p in added:
        pd_ = PageDiff(None, p, "added")
        for kind in RECORD_KINDS:
            rs = b.records[kind].get(p["page_id"], [])
            totals[kind]["added"] += len(rs)
            pd_.records += [RecordChange(kind, "+", new=r) for r in rs]
        out.append(pd_)
    for p in removed:
        pd_ = PageDiff(p, None, "removed")
        for kind in RECORD_KINDS:
            rs = a.records[kind].get(p["page_id"], [])
            totals[kind]["removed"] += len(rs)
            pd_.records += [RecordChange(kind, "-", old=r) for r in rs]
        out.append(pd_)
    return RunDiff(str(old_dir), str(new_dir), out, matched, totals)


# ---------------------------------------------------------------- text

def _short(v, n: int = 70) -> str:
    s = fmt(v)
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


def describe(kind: str, r: dict) -> str:
    """One line naming a record.

    >>> describe("facts", {"label": "Area", "value": 207595.0, "unit": "km**2", "value_text": "207,595 km sq"})
    'Area = 207595 km**2  «207,595 km sq»'
    """
    if kind == "facts":
        v = fmt(r.get("value"))
        u = r.get("unit")
        val = f" = {v}{' ' + u if u else ''}" if v else ""
        codes = f" [{r.get('codes')}]" if r.get("codes") else ""
        return f"{_short(r.get('label'), 50)}{val}{codes}  «{_short(r.get('value_text'), 50)}»"
    if kind == "events":
        q = f"{r.get('qualifier')} " if r.get("qualifier") else ""
        return f"{q}{fmt(r.get('date'))} ({r.get('precision')})  «{_short(r.get('date_text'), 40)}»"
    if kind == "contacts":
        valid = "" if r.get("valid") in (None, True) else "  (invalid)"
        return f"[{fmt(r.get('group'))}] {r.get('kind')} {_short(r.get('value'), 60)}{valid}"
    if kind == "stories":
        who = ", ".join(x for x in (r.get("name"), r.get("role")) if x) or "(no name)"
        return f"{who}: {fmt(r.get('distance_km'))} km  «{_short(r.get('snippet'), 40)}»"
    return _short(r.get("snippet"))


def _page_name(pd_: PageDiff) -> str:
    p = pd_.new or pd_.old
    return f"{p.get('source') or '(no source)'}  [{p['page_id']}]"


def to_text(d: RunDiff) -> str:
    n_changed = sum(1 for p in d.pages if p.changed and p.matched_by not in ("added", "removed"))
    n_added = sum(1 for p in d.pages if p.matched_by == "added")
    n_removed = sum(1 for p in d.pages if p.matched_by == "removed")
    lines = [f"diff {d.old} -> {d.new}",
             f"pages     {sum(d.matched.values())} matched ({d.matched['page_id']} by page_id, "
             f"{d.matched['source']} by source), {n_changed} changed, {n_added} added, {n_removed} removed"]
    for k in RECORD_KINDS:
        t = d.totals[k]
        lines.append(f"{k:<9} +{t['added']} -{t['removed']} ~{t['changed']} ({t['unchanged']} unchanged)")
    for pd_ in d.pages:
        if not pd_.changed:
            continue
        head = {"added": "+ page ", "removed": "- page "}.get(pd_.matched_by, "== ")
        extra = "  (matched by source: the bytes changed)" if pd_.matched_by == "source" else ""
        lines.append("")
        lines.append(f"{head}{_page_name(pd_)}{extra}")
        for f, x, y in pd_.page_changes:
            lines.append(f"    page.{f}: {_short(x) or '∅'} -> {_short(y) or '∅'}")
        for code, x, y in pd_.finding_changes:
            lines.append(f"    findings.{code}: {x} -> {y}")
        for rc in pd_.records:
            name = KIND_NAME[rc.kind]
            if rc.op == "~":
                lines.append(f"  ~ {name:<7} {describe(rc.kind, rc.old)}")
                for f, x, y in rc.changes:
                    lines.append(f"        {f}: {_short(x) or '∅'} -> {_short(y) or '∅'}")
            else:
                lines.append(f"  {rc.op} {name:<7} {describe(rc.kind, rc.new or rc.old)}")
    if not any(p.changed for p in d.pages):
        lines.append("no differences")
    return "\n".join(lines)


# ---------------------------------------------------------------- html

DETAIL_PAGES = 500       # pages shown record by record in the HTML; the rest as one row each
TEXT_IN_HTML = 200_000   # characters of the text diff repeated in the HTML page


def to_html(d: RunDiff, html_path: Path, detail_pages: int = DETAIL_PAGES) -> str:
    css, js = asset("report.css"), asset("diff.js")
    new_pages = Path(d.new) / "report" / "pages"
    items, more = [], []
    for pd_ in d.pages:
        if not pd_.changed:
            continue
        link = None
        if pd_.new is not None and (new_pages / page_file(pd_.new["page_id"])).exists():
            link = os.path.relpath(new_pages / page_file(pd_.new["page_id"]), html_path.parent)
        if len(items) >= detail_pages:
            ops = Counter(rc.op for rc in pd_.records)
            more.append({"name": _page_name(pd_), "how": pd_.matched_by, "link": link,
                         "added": ops["+"], "removed": ops["-"], "changed": ops["~"],
                         "page_changes": len(pd_.page_changes) + len(pd_.finding_changes)})
            continue
        recs = []
        for rc in pd_.records:
            r = rc.new or rc.old
            recs.append({"op": rc.op, "kind": KIND_NAME[rc.kind], "desc": describe(rc.kind, rc.old or r),
                         "at": f"{fmt(r.get('span_start'))}–{fmt(r.get('span_end'))}",
                         "changes": [(f, fmt(x), fmt(y)) for f, x, y in rc.changes]})
        items.append({"name": _page_name(pd_), "how": pd_.matched_by, "link": link,
                      "page_changes": [(f, fmt(x), fmt(y)) for f, x, y in pd_.page_changes],
                      "finding_changes": pd_.finding_changes, "records": recs})
    text = to_text(d)
    return env().get_template("diff.html").render(
        csp=csp([js], [css]), css=Markup(css), js=Markup(js), d=d, items=items, more=more,
        n_changed=len(items) + len(more), kinds=RECORD_KINDS,
        text=text if len(text) <= TEXT_IN_HTML else None,
        generated=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))


def diff_runs(old, new, html_path=None):
    """(text, html path): the diff printed and the same as an HTML page
    (default NEW/report/diff.html)."""
    d = compare(old, new)
    path = Path(html_path) if html_path else Path(new) / "report" / "diff.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(to_html(d, path), encoding="utf-8", errors="replace")
    os.replace(tmp, path)
    return to_text(d), path
