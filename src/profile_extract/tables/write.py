"""Writers: CSV and Parquet per table, each written atomically (a temporary
name first, renamed into place when complete)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

if TYPE_CHECKING:  # the DataFrame writers below are for callers that hold pandas frames
    import pandas as pd

from .schemas import TEXT_COLUMNS, arrow_schema

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def neutralise(value):
    """Make a free-text cell inert in a spreadsheet (leading = + - @ get a quote).

    >>> neutralise("=HYPERLINK(1)"), neutralise("plain"), neutralise(None)
    ("'=HYPERLINK(1)", 'plain', None)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def atomic_path(final: Path):
    """A temporary sibling path for `final`; rename it into place when done."""
    fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; finished files get the usual mode
    return Path(tmp)


def csv_frame(table: str, df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in TEXT_COLUMNS[table]:
        if col in out:
            out[col] = out[col].map(neutralise, na_action="ignore")
    return out


def write_csv(table: str, df: pd.DataFrame, path: Path, header: bool = True, mode: str = "w") -> None:
    csv_frame(table, df).to_csv(path, index=False, header=header, mode=mode,
                                encoding="utf-8", date_format="%Y-%m-%d")


def arrow_table(table: str, df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False)


def write_parquet(table: str, df: pd.DataFrame, path: Path) -> None:
    pq.write_table(arrow_table(table, df), path, compression="zstd")


def write_table_atomic(table: str, df: pd.DataFrame, out: Path, csv: bool = True,
                       parquet: bool = True) -> None:
    if parquet:
        tmp = atomic_path(out / f"{table}.parquet")
        write_parquet(table, df, tmp)
        os.replace(tmp, out / f"{table}.parquet")
    if csv and table != "texts":
        tmp = atomic_path(out / f"{table}.csv")
        write_csv(table, df, tmp)
        os.replace(tmp, out / f"{table}.csv")


def write_json_atomic(obj, path: Path) -> None:
    tmp = atomic_path(path)
    tmp.write_text(json.dumps(obj, indent=1, default=str, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------
# Streaming, resumable writing: one part per chunk of pages, a journal of
# committed chunks, and final tables put in place (renamed) only at the end.
# ---------------------------------------------------------------------------
import functools
import io
import itertools
import shutil
import sys

import numpy as np
import pyarrow.compute as pc
import pyarrow.csv as pacsv

STATE_DIR = ".resume"        # OUT/.resume/: parts, CSV being appended, journal
JOURNAL = "journal.jsonl"    # one line per committed chunk: its page ids and counts
_FORMULA_RE = r"^[=+\-@\t\r]"


_FORMULA_BYTES = np.zeros(256, dtype=bool)  # the first bytes _FORMULA_RE matches
_FORMULA_BYTES[[ord(c) for c in _FORMULA_START]] = True


def formula_mask(arr) -> np.ndarray | None:
    """Which values of a string column start like a formula (_FORMULA_RE; null:
    False), read from the first byte of each value in the Arrow buffers (an
    ASCII byte in UTF-8 is always a whole character). None for a column type
    this does not read (then the regex decides)."""
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    if arr.type != pa.string():
        return None
    out = []
    for ch in chunks:
        n = len(ch)
        if not n:
            continue
        bufs = ch.buffers()
        data = bufs[2]
        if data is None or not data.size:
            out.append(np.zeros(n, dtype=bool))
            continue
        offs = np.frombuffer(bufs[1], dtype=np.int32, count=n + 1, offset=ch.offset * 4)
        starts = offs[:-1]
        d = np.frombuffer(data, dtype=np.uint8)
        m = (offs[1:] > starts) & _FORMULA_BYTES[d[np.minimum(starts, d.size - 1)]]
        if ch.null_count and m.any():
            m &= ch.is_valid().to_numpy(zero_copy_only=False)
        out.append(m)
    return np.concatenate(out) if out else np.zeros(0, dtype=bool)


def neutralise_arrow(table: str, at: pa.Table) -> pa.Table:
    """neutralise() for every free-text column of an Arrow table, vectorised."""
    for col in TEXT_COLUMNS[table]:
        i = at.schema.get_field_index(col)
        if i < 0:
            continue
        arr = at.column(i)
        fast = formula_mask(arr)
        if fast is not None:
            if not fast.any():
                continue
            mask = pa.array(fast)
        else:
            mask = pc.fill_null(pc.match_substring_regex(arr, _FORMULA_RE), False)
            if not pc.any(mask).as_py():
                continue
        at = at.set_column(i, col, pc.if_else(mask, pc.binary_join_element_wise("'", arr, ""), arr))
    return at


# Parquet encodings (the values read back are the same either way): a
# dictionary for the columns whose values repeat (the page a record is on,
# rule names, codes, units, labels), plain for free text and unique ids, where
# building a dictionary only costs time; min/max statistics for what a reader
# filters on (ids, codes, numbers, dates), not for long free text.
_DICT_COLUMNS = frozenset({
    "rule", "indicator", "unit", "codes", "qualifier", "as_of", "label", "date", "precision",
    "kind", "distance_unit", "severity", "code", "status", "parser_version", "content_type",
    "encoding", "country", "country_iso3"})
_STATS_STRINGS = _DICT_COLUMNS | {"page_id", "record_id", "source", "content_sha256", "updated"}


@functools.lru_cache(maxsize=None)
def parquet_options(table: str) -> dict:
    """pq.write_table keywords for one table's parts."""
    from .schemas import COLUMNS
    cols = COLUMNS[table]
    unique_page = table in ("pages", "texts")  # one row per page: page_id never repeats
    dictionary = [n for n, t, _, _ in cols if n in _DICT_COLUMNS or (n == "page_id" and not unique_page)]
    stats = [n for n, t, _, _ in cols if t != "string" or n in _STATS_STRINGS]
    return {"compression": "zstd", "use_dictionary": dictionary or False,
            "write_statistics": stats or False}


def write_part(table: str, at: pa.Table, path) -> None:
    """One Parquet part of a table (parquet_options)."""
    pq.write_table(at, path, **parquet_options(table))


def csv_bytes(table: str, at: pa.Table, header: bool) -> bytes:
    """CSV of an Arrow table: UTF-8, ISO dates, empty cell for null, formulas neutralised."""
    buf = io.BytesIO()
    pacsv.write_csv(neutralise_arrow(table, at), buf,
                    write_options=pacsv.WriteOptions(include_header=header))
    return buf.getvalue()


@functools.lru_cache(maxsize=None)
def csv_header(table: str) -> bytes:
    """The header line csv_bytes writes for the table."""
    from .fastcheck import empty_table
    return csv_bytes(table, empty_table(table), header=True)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _link(src: Path, dst: Path) -> None:
    """Hard link (free, same bytes) or, where the file system has none, a copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _swap_into_place(tmp: Path, final: Path) -> None:
    """Rename a finished file or folder to its final name (replacing an old one)."""
    if final.exists() or final.is_symlink():
        trash = final.with_name(f".{final.name}.old-{os.getpid()}")
        _remove(trash)
        os.rename(final, trash)
        os.rename(tmp, final)
        _remove(trash)
    else:
        os.rename(tmp, final)


class ChunkTables(dict):
    """{table: pa.Table} of one chunk, and `csv`: {table: its rows as CSV
    (csv_bytes without the header: bytes, or a list of bytes written one
    after the other)}, serialised where the tasks ran, or None."""

    def __init__(self, tables: dict, csv: dict | None = None):
        super().__init__(tables)
        self.csv = csv


class PartStore:
    """The output tables of one run, written a chunk at a time.

    Each committed chunk adds one Parquet part per table
    (`OUT/.resume/parts/<table>/part-00007.parquet`, temp name then rename)
    and appends its rows to `OUT/.resume/<table>.csv`; then one journal line
    records the chunk's page ids, row counts and CSV lengths. A run killed at
    any point leaves at most an uncommitted chunk, which `resume=True` throws
    away (parts beyond the journal deleted, CSVs truncated to the recorded
    length) before skipping the pages the journal holds. `finalize()` puts
    the tables in place: `OUT/<table>.parquet` (one part: a file; more: a
    folder of parts) and `OUT/<table>.csv`, hard links to the parts, each
    renamed into place when complete. Finished tables from an earlier run
    are removed when a run starts, so no table looks finished mid-run."""

    def __init__(self, out: Path, tables, csv: bool = True, parquet: bool = True,
                 fingerprint: dict | None = None, resume: bool = False, fsync: bool = False):
        from ..errors import UsageError
        self.out = Path(out)
        self.tables = tuple(tables)
        self.state = self.out / STATE_DIR
        self.parts = self.state / "parts"
        self.parquet = parquet
        self.csv_tables = tuple(t for t in self.tables if csv and t != "texts")
        self.fsync = fsync
        self.fingerprint = fingerprint or {}
        self.done: set[int] = set()  # page ids done, as 64-bit ints (half the memory of str)
        self.entries: list[dict] = []
        self.next_chunk = 0
        self._lock = _lock_folder(self.out)
        state_file = self.state / "state.json"
        if resume and state_file.exists():
            try:
                old = json.loads(state_file.read_text(encoding="utf-8"))
            except ValueError:
                old = None
            if old != self.fingerprint:
                diff = sorted(k for k in set(self.fingerprint) | set(old or {})
                              if (old or {}).get(k) != self.fingerprint.get(k))
                raise UsageError(f"{self.out} holds a run made with other settings ({', '.join(diff)}); "
                                 f"drop --resume to start over, or use another --out")
            self.clear_finished()
            self._recover()
        else:
            self.clear_finished()
            _remove(self.state)
            self.parts.mkdir(parents=True)
            write_json_atomic(self.fingerprint, state_file)

    # -- start of a run ----------------------------------------------------
    def clear_finished(self) -> None:
        for name in ("run.json", "datapackage.json"):
            _remove(self.out / name)
        for t in self.tables:
            _remove(self.out / f"{t}.parquet")
            _remove(self.out / f"{t}.csv")

    def _recover(self) -> None:
        from ..errors import UsageError
        good = []
        jpath = self.state / JOURNAL
        if jpath.exists():
            with open(jpath, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        e = json.loads(line)
                    except ValueError:
                        break  # a line cut short by the kill: that chunk never committed
                    if not line.endswith("\n") or e.get("chunk") != len(good):
                        break
                    good.append(e)
        self.entries = good
        self.next_chunk = len(good)
        for e in good:
            self.done.update(int(p, 16) for p in e.pop("pages"))  # entries keep counts only
        # drop what the uncommitted chunk left: temp files, parts beyond the journal
        self.parts.mkdir(parents=True, exist_ok=True)
        for d in self.parts.iterdir():
            if d.is_dir():
                for f in d.iterdir():
                    if f.name.startswith(".") or _part_no(f.name) >= self.next_chunk:
                        f.unlink()
        for f in self.state.iterdir():
            if f.name.startswith("."):
                _remove(f)
        sizes = good[-1]["csv_bytes"] if good else {}
        for t in self.tables:
            p = self.state / f"{t}.csv"
            want = sizes.get(t, 0)
            if p.exists():
                if p.stat().st_size < want:
                    raise UsageError(f"resume state in {self.state} is damaged ({t}.csv is shorter "
                                     f"than its journal); drop --resume to start over")
                with open(p, "r+b") as fh:
                    fh.truncate(want)
            elif want:
                raise UsageError(f"resume state in {self.state} is damaged ({t}.csv is missing); "
                                 f"drop --resume to start over")
        tmp = jpath.with_name(".journal.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            with open(jpath, encoding="utf-8") as src:
                for line in itertools.islice(src, len(good)):
                    fh.write(line)
        os.replace(tmp, jpath)

    # -- one chunk -----------------------------------------------------------
    def commit(self, tables: dict, page_ids: list[str], meta: dict | None = None) -> dict:
        """Write one chunk's rows (Arrow tables) and journal it. Returns the entry.
        A ChunkTables brings its CSV rows already serialised (`tables.csv`)."""
        k = self.next_chunk
        csv = getattr(tables, "csv", None)
        rows = {t: tables[t].num_rows for t in self.tables}
        if self.parquet:
            for t in self.tables:
                if rows[t]:
                    d = self.parts / t
                    d.mkdir(exist_ok=True)
                    final = d / f"part-{k:05d}.parquet"
                    tmp = d / f".part-{k:05d}.parquet.tmp"
                    write_part(t, tables[t], tmp)
                    self._sync(tmp)
                    os.replace(tmp, final)
        csv_sizes = {}
        for t in self.csv_tables:
            p = self.state / f"{t}.csv"
            new = not p.exists() or p.stat().st_size == 0
            if rows[t] or new:
                if csv is not None and t in csv:  # the header, then the tasks' rows as they came
                    pieces = [csv_header(t)] if new else []
                    pieces += [csv[t]] if isinstance(csv[t], bytes) else csv[t]
                else:
                    pieces = [csv_bytes(t, tables[t], header=new)]
                with open(p, "ab") as fh:
                    for piece in pieces:
                        fh.write(piece)
                    if self.fsync:
                        fh.flush()
                        os.fsync(fh.fileno())
            csv_sizes[t] = p.stat().st_size
        entry = {"chunk": k, "pages": list(page_ids), "rows": rows, "csv_bytes": csv_sizes,
                 "rss_mb": _rss_mb()}
        entry.update(meta or {})
        with open(self.state / JOURNAL, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, separators=(",", ":"), default=str) + "\n")
            fh.flush()
            if self.fsync:
                os.fsync(fh.fileno())
        del entry["pages"]  # memory stays flat: ids go to `done`, entries keep counts only
        self.entries.append(entry)
        self.done.update(int(p, 16) for p in page_ids)
        self.next_chunk = k + 1
        return entry

    def _sync(self, path: Path) -> None:
        if self.fsync:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    # -- end of a run ----------------------------------------------------------
    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def finalize(self) -> dict:
        """Put every table in place; returns {table: [paths written]}."""
        from .fastcheck import empty_table
        written = {}
        for t in self.tables:
            paths = []
            if self.parquet:
                parts = sorted((self.parts / t).glob("part-*.parquet")) if (self.parts / t).is_dir() else []
                final = self.out / f"{t}.parquet"
                if len(parts) > 1:
                    tmp = self.out / f".{t}.parquet.tmp-{os.getpid()}"
                    _remove(tmp)
                    tmp.mkdir()
                    for p in parts:
                        _link(p, tmp / p.name)
                    paths += [f"{t}.parquet/{p.name}" for p in parts]
                else:
                    tmp = atomic_path(final)
                    tmp.unlink()
                    if parts:
                        _link(parts[0], tmp)
                    else:
                        write_part(t, empty_table(t), tmp)
                    paths.append(f"{t}.parquet")
                _swap_into_place(tmp, final)
            if t in self.csv_tables:
                src = self.state / f"{t}.csv"
                if not src.exists():
                    src.write_bytes(csv_bytes(t, empty_table(t), header=True))
                tmp = atomic_path(self.out / f"{t}.csv")
                tmp.unlink()
                _link(src, tmp)
                os.replace(tmp, self.out / f"{t}.csv")
                paths.append(f"{t}.csv")
            written[t] = paths
        return written


def _rss_mb() -> float | None:
    """Peak RSS of this process so far (a memory-flatness check per chunk)."""
    try:
        import resource
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(kb / 1024 / (1024 if sys.platform == "darwin" else 1), 1)
    except (ImportError, OSError):
        return None


def _lock_folder(out: Path):
    """An exclusive lock on OUT for the life of the run (released when the
    process ends, however it ends): two runs never write one folder."""
    from ..errors import UsageError
    try:
        import fcntl
    except ImportError:  # no POSIX locks here: go without
        return None
    fh = open(out / ".lock", "a+")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise UsageError(f"another run is writing to {out}; wait for it or use another --out") from None
    return fh


def _part_no(name: str) -> int:
    """part-00012.parquet -> 12 (anything else: a huge number, so it is removed).

    >>> _part_no("part-00012.parquet"), _part_no("junk") > 10**9
    (12, True)
    """
    try:
        return int(name.split("-", 1)[1].split(".", 1)[0])
    except (IndexError, ValueError):
        return 1 << 62


def datapackage(written: dict, name: str = "profile-extract-run") -> dict:
    """A Frictionless data package describing the written tables (CSV where
    there is one, else Parquet), schemas from schemas.frictionless_schema."""
    from .schemas import frictionless_schema
    resources = []
    for t, paths in written.items():
        csvs = [p for p in paths if p.endswith(".csv")]
        if csvs:
            res = {"name": t, "path": csvs[0], "profile": "tabular-data-resource", "format": "csv",
                   "mediatype": "text/csv", "encoding": "utf-8"}
        elif paths:
            res = {"name": t, "path": paths if len(paths) > 1 else paths[0],
                   "profile": "tabular-data-resource", "format": "parquet",
                   "mediatype": "application/vnd.apache.parquet"}
        else:
            continue
        res["schema"] = frictionless_schema(t)
        resources.append(res)
    return {"profile": "tabular-data-package", "name": name, "resources": resources}
