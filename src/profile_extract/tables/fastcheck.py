"""Rows -> typed Arrow tables, validated against the declared schema.

The declared model (schemas.COLUMNS) drives two validators: pandera
(schemas.validate_frame, the authority: it names every failure) and this
Arrow fast path, which checks the same constraints (types, nulls, allowed
values, bounds) in vectorised Arrow compute. Clean batches, the usual case,
never touch pandas; a batch with any failure (or a value Arrow cannot type)
goes through pandera, which decides what is dropped and why.
"""
from __future__ import annotations

import json
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from .schemas import _TYPES, COLUMNS, arrow_schema, to_frame, validate_frame

# declared type -> the `pandas_type` pyarrow writes for its Arrow type
_PANDAS_LOGICAL = {"string": "unicode", "int": "int64", "float": "float64", "bool": "bool", "date": "date"}


@lru_cache(maxsize=None)
def pandas_metadata(table: str) -> dict:
    """The schema metadata pyarrow writes for a DataFrame of the table's
    declared dtypes (`Table.from_pandas(to_frame(table, []), preserve_index=False)`),
    so `pandas.read_parquet` gives back Int64/Float64/boolean/string columns.
    Written out from the declared columns instead of made from an empty
    DataFrame (~0.03 s of start-up); tests hold it equal to pyarrow's, byte for byte."""
    columns = [{"name": name, "field_name": name, "pandas_type": _PANDAS_LOGICAL[typ],
                "numpy_type": _TYPES[typ][0], "metadata": None} for name, typ, _, _ in COLUMNS[table]]
    meta = {"index_columns": [], "column_indexes": [], "columns": columns, "attributes": {},
            "creator": {"library": "pyarrow", "version": pa.__version__},
            "pandas_version": _pandas_version()}
    return {b"pandas": json.dumps(meta).encode("utf8")}


@lru_cache(maxsize=1)
def _pandas_version() -> str:
    """pandas' installed version, asked once (each ask reads the package metadata
    files again, ~0.6 ms: once per table in warm_up)."""
    from importlib.metadata import version
    return version("pandas")


def bad_rows(table: str, at: pa.Table) -> pa.Array | None:
    """A boolean mask of rows that break a declared constraint, or None."""
    bad = None
    for name, typ, nullable, allowed in COLUMNS[table]:
        col = at.column(name)
        conds = []
        if not nullable and col.null_count:
            conds.append(pc.is_null(col))
        if isinstance(allowed, tuple) and allowed and isinstance(allowed[0], str):
            conds.append(pc.and_(pc.invert(pc.is_in(col, value_set=pa.array(allowed))), pc.is_valid(col)))
        elif isinstance(allowed, tuple) and typ in ("int", "float"):
            lo, hi = allowed
            if lo is not None:
                conds.append(pc.fill_null(pc.less(col, lo), False))
            if hi is not None:
                conds.append(pc.fill_null(pc.greater(col, hi), False))
        for c in conds:
            bad = c if bad is None else pc.or_(bad, c)
    if bad is None or not pc.any(bad).as_py():
        return None
    return bad


def _nan_to_null(table: str, at: pa.Table) -> pa.Table:
    """pandas treats NaN as missing in Float64 columns; so do we."""
    for i, (name, typ, _, _) in enumerate(COLUMNS[table]):
        if typ == "float":
            col = at.column(i)
            if len(col) and pc.any(pc.fill_null(pc.is_nan(col), False)).as_py():
                at = at.set_column(i, name, pc.if_else(pc.is_nan(col), pa.scalar(None, col.type), col))
    return at


def rows_to_arrow(table: str, rows: list[dict]) -> tuple[pa.Table, list[int], list[dict]]:
    """Typed, validated Arrow table of `rows`; returns (table, indices of the
    rows dropped, pandera failure descriptions). Column types and order come
    from schemas.arrow_schema(table)."""
    schema = arrow_schema(table)
    try:
        at = pa.Table.from_pylist(rows, schema=schema)
        at = _nan_to_null(table, at)
        if bad_rows(table, at) is None:
            return at.replace_schema_metadata(pandas_metadata(table)), [], []
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        pass
    # slow path: pandera names the failures and drops the failing rows
    df = to_frame(table, rows)
    df["__row"] = range(len(df))
    kept, failures = validate_frame(table, df)
    dropped = sorted(set(range(len(df))) - set(kept["__row"].tolist()))
    kept = kept.drop(columns="__row")
    at = pa.Table.from_pandas(kept, schema=schema, preserve_index=False)
    return at.replace_schema_metadata(pandas_metadata(table)), dropped, failures


def empty_table(table: str) -> pa.Table:
    return arrow_schema(table).empty_table().replace_schema_metadata(pandas_metadata(table))


_CONVERT_ERRORS = (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError)


def any_bad_row(table: str, at: pa.Table) -> bool:
    """Whether some row breaks a declared constraint (bad_rows is not None),
    from one summary per checked column: its null count, its distinct values
    (allowed values) or its minimum and maximum (bounds)."""
    for name, typ, nullable, allowed in COLUMNS[table]:
        col = at.column(name)
        nulls = col.null_count
        if nulls and not nullable:
            return True
        if not isinstance(allowed, tuple) or nulls == len(col):
            continue
        if allowed and isinstance(allowed[0], str):
            if not set(pc.unique(col).to_pylist()) <= _allowed_set(allowed):
                return True
        elif typ in ("int", "float"):
            lo, hi = allowed
            mm = pc.min_max(col)
            if lo is not None and mm["min"].as_py() < lo:
                return True
            if hi is not None and mm["max"].as_py() > hi:
                return True
    return False


@lru_cache(maxsize=None)
def _allowed_set(allowed: tuple) -> frozenset:
    return frozenset(allowed) | {None}


def columns_to_arrow(table: str, columns: list) -> pa.Table | None:
    """rows_to_arrow's fast path for columns (frames.task_columns): the same
    typed table when every value converts and no row breaks a constraint,
    else None (the caller then takes rows_to_arrow over the rows, which
    decides through pandera what is dropped and why)."""
    schema = arrow_schema(table)
    try:
        arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema)]
        at = pa.Table.from_arrays(arrays, schema=schema)
        at = _nan_to_null(table, at)
        if any_bad_row(table, at):
            return None
    except _CONVERT_ERRORS:
        return None
    return at.replace_schema_metadata(pandas_metadata(table))
