"""Read a run's tables once and group them by page, for the report and the diff.

Parquet may be one file or a folder of part files; pyarrow reads both (hidden
`.`/`_` temporaries are ignored). A table that is missing reads as empty, so a
report can be built for a partial or a hand-made output folder. Records are
grouped by page in one pass: no per-page filtering of frames."""
from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..tables.schemas import COLUMNS

RECORD_KINDS = ("facts", "events", "contacts", "stories")
# singular names, used for CSS classes and text output
KIND_NAME = {"facts": "fact", "events": "event", "contacts": "contact", "stories": "story"}


def table_path(out: Path, table: str) -> Path | None:
    p = Path(out) / f"{table}.parquet"
    if p.exists():
        return p
    c = Path(out) / f"{table}.csv"
    return c if c.exists() else None


def read_arrow(out, table: str, columns: list[str] | None = None) -> pa.Table | None:
    """The table as Arrow, or None when the run folder has no such table."""
    p = table_path(Path(out), table)
    if p is None:
        return None
    if p.suffix == ".csv":
        import pandas as pd
        df = pd.read_csv(p, dtype=str, keep_default_na=False, na_values=[""])
        tbl = pa.Table.from_pandas(df, preserve_index=False)
    else:
        tbl = pq.read_table(p)
    if columns is not None:
        tbl = tbl.select([c for c in columns if c in tbl.column_names])
    return tbl


def clean(v):
    """Arrow/pandas missing values (None, NaN) -> None; everything else unchanged."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


def rows(tbl: pa.Table | None) -> list[dict]:
    """Arrow table -> list of plain dicts with None for missing values."""
    if tbl is None or tbl.num_rows == 0:
        return []
    names = tbl.column_names
    cols = []
    for n in names:
        col = tbl.column(n)
        vals = col.to_pylist()
        if pa.types.is_floating(col.type):  # only float columns can hold NaN
            vals = [clean(v) for v in vals]
        cols.append(vals)
    return [dict(zip(names, vals)) for vals in zip(*cols)]


def _int(v, default=None):
    v = clean(v)
    if v is None:
        return default
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _float(v):
    v = clean(v)
    if v is None or v == "":
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


class Run:
    """A run folder, read once: pages in input order, records and findings by page."""

    def __init__(self, out):
        self.out = Path(out)
        self.manifest = self._manifest()
        self.pages = rows(read_arrow(self.out, "pages"))
        for p in self.pages:
            for k in ("n_facts", "n_events", "n_contacts", "n_stories", "n_findings"):
                p[k] = _int(p.get(k), 0)
            p["coverage"] = _float(p.get("coverage"))
        self.records: dict[str, dict[str, list[dict]]] = {k: defaultdict(list) for k in RECORD_KINDS}
        self.columns: dict[str, list[str]] = {}
        for kind in RECORD_KINDS + ("findings",):
            tbl = read_arrow(self.out, kind)
            declared = [c[0] for c in COLUMNS[kind]]
            present = tbl.column_names if tbl is not None else declared
            self.columns[kind] = [c for c in declared if c in present] + \
                                 [c for c in present if c not in declared]
            group = self.records.setdefault(kind, defaultdict(list))
            for r in rows(tbl):
                r["span_start"] = _int(r.get("span_start"))
                r["span_end"] = _int(r.get("span_end"))
                group[r.get("page_id")].append(r)
        for group in self.records.values():
            for lst in group.values():
                lst.sort(key=lambda r: (r["span_start"] is None, r["span_start"] or 0,
                                        r["span_end"] or 0))
        self.findings = self.records.pop("findings")
        # pages known only from record tables (a hand-made folder) still get a row
        known = {p["page_id"] for p in self.pages}
        for group in list(self.records.values()) + [self.findings]:
            for pid in group:
                if pid not in known:
                    known.add(pid)
                    self.pages.append({"page_id": pid, "source": "", "status": "unknown",
                                       "coverage": None, **{k: 0 for k in (
                                           "n_facts", "n_events", "n_contacts", "n_stories",
                                           "n_findings")}})

    def _manifest(self) -> dict:
        p = self.out / "run.json"
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def iter_texts(self, batch_size: int = 2000):
        """(page_id, text) pairs, streamed in batches so a big run never holds every text twice."""
        p = table_path(self.out, "texts")
        if p is None:
            return
        if p.suffix == ".csv":
            for r in rows(read_arrow(self.out, "texts")):
                yield r.get("page_id"), r.get("text") or ""
            return
        import pyarrow.dataset as ds
        for batch in ds.dataset(p, format="parquet").to_batches(columns=["page_id", "text"],
                                                                batch_size=batch_size):
            for pid, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                yield pid, text or ""

    def texts(self) -> dict[str, str]:
        return dict(self.iter_texts())

    def page_records(self, page_id: str) -> dict[str, list[dict]]:
        return {k: self.records[k].get(page_id, []) for k in RECORD_KINDS}
