"""Writers: CSV and Parquet per table, each written atomically (a temporary
name first, renamed into place when complete)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schemas import TEXT_COLUMNS, arrow_schema

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
