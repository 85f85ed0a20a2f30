"""One declared model per table. It drives validation (pandera), the pandas
dtypes, the Parquet (Arrow) schema and the published Frictionless schema.

Columns are rows of data: (name, type, nullable, allowed values / bounds)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

# pandas here, at import, although clean batches build no DataFrame: pyarrow
# imports pandas at its first pa.array() of a Python list anyway (it asks
# whether the list is a pandas object), so a batch process pays for it once
import pandas as pd
import pyarrow as pa

# type names -> (pandas dtype, arrow type, frictionless type)
_TYPES = {
    "string": ("string", pa.string(), "string"),
    "int": ("Int64", pa.int64(), "integer"),
    "float": ("Float64", pa.float64(), "number"),
    "bool": ("boolean", pa.bool_(), "boolean"),
    "date": ("object", pa.date32(), "date"),
}

_RECORD = [
    ("page_id", "string", False, None),
    ("record_id", "string", False, None),
    ("snippet", "string", False, None),
    ("span_start", "int", False, (0, None)),
    ("span_end", "int", False, (0, None)),
    ("rule", "string", True, None),
]

KINDS = ("organization", "street", "postal_code", "city", "country", "phone", "fax", "email", "website")

COLUMNS: dict[str, list[tuple]] = {
    "pages": [
        ("page_id", "string", False, None),
        ("source", "string", False, None),
        ("title", "string", True, None),
        ("country", "string", True, None),
        ("country_iso3", "string", True, None),
        ("updated", "string", True, None),
        ("status", "string", False, ("ok", "partial", "empty", "failed")),
        ("error", "string", True, None),
        ("n_facts", "int", False, (0, None)),
        ("n_events", "int", False, (0, None)),
        ("n_contacts", "int", False, (0, None)),
        ("n_stories", "int", False, (0, None)),
        ("n_findings", "int", False, (0, None)),
        ("coverage", "float", True, (0, 1)),
        ("content_sha256", "string", False, None),
        ("parser_version", "string", False, None),
        ("content_type", "string", True, None),
        ("encoding", "string", True, None),
        ("n_bytes", "int", True, (0, None)),
        ("n_chars", "int", True, (0, None)),
        # where the title and the update stamp were read (offsets into the text, as spans)
        ("title_start", "int", True, (0, None)),
        ("title_end", "int", True, (0, None)),
        ("updated_start", "int", True, (0, None)),
        ("updated_end", "int", True, (0, None)),
    ],
    "facts": _RECORD + [
        ("label", "string", False, None),
        ("indicator", "string", False, None),
        ("value", "float", True, None),
        ("unit", "string", True, None),
        ("value_text", "string", False, None),
        ("codes", "string", True, None),
        ("year_start", "int", True, (1, 9999)),
        ("year_end", "int", True, (1, 9999)),
        ("value_max", "float", True, None),
        ("qualifier", "string", True, None),
        ("rank_total", "int", True, (1, None)),
        ("as_of", "string", True, None),
    ],
    "events": _RECORD + [
        ("date", "string", False, None),
        ("precision", "string", False, ("day", "month", "year")),
        ("date_start", "date", False, None),
        ("date_end", "date", False, None),
        ("date_text", "string", False, None),
        ("qualifier", "string", True, None),
        ("sentence", "string", False, None),
    ],
    "contacts": _RECORD + [
        ("group", "int", False, (0, None)),
        ("kind", "string", False, KINDS),
        ("value", "string", False, None),
        ("raw", "string", False, None),
        ("valid", "bool", False, None),
    ],
    "stories": _RECORD + [
        ("name", "string", True, None),
        ("role", "string", True, None),
        ("distance", "float", True, (0, None)),
        ("distance_unit", "string", True, None),
        ("distance_km", "float", True, (0, None)),
    ],
    "findings": [
        ("page_id", "string", False, None),
        ("record_id", "string", False, None),
        ("severity", "string", False, ("info", "warning", "error")),
        ("code", "string", False, None),
        ("message", "string", False, None),
        ("snippet", "string", True, None),
        ("span_start", "int", True, (0, None)),
        ("span_end", "int", True, (0, None)),
        ("rule", "string", True, None),
    ],
    "texts": [
        ("page_id", "string", False, None),
        ("text", "string", False, None),
    ],
}

# Free-text columns a spreadsheet could run as a formula; numeric columns never.
TEXT_COLUMNS = {t: [c[0] for c in cols if c[1] == "string"] for t, cols in COLUMNS.items()}


def column_names(table: str) -> list[str]:
    return [c[0] for c in COLUMNS[table]]


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(n, _TYPES[t][1], nullable=null) for n, t, null, _ in COLUMNS[table]])


@lru_cache(maxsize=None)
def pandera_schema(table: str):
    import pandera.pandas as pdr
    cols = {}
    for name, typ, nullable, allowed in COLUMNS[table]:
        checks = []
        if isinstance(allowed, tuple) and allowed and isinstance(allowed[0], str):
            checks.append(pdr.Check.isin(list(allowed)))
        elif isinstance(allowed, tuple):
            lo, hi = allowed
            if lo is not None:
                checks.append(pdr.Check.ge(lo))
            if hi is not None:
                checks.append(pdr.Check.le(hi))
        if typ == "date":
            checks = [pdr.Check(lambda s: s.map(lambda v: isinstance(v, dt.date)),
                                element_wise=False, error="not a date")]
        cols[name] = pdr.Column(_TYPES[typ][0] if typ != "date" else None,
                                checks=checks, nullable=nullable)
    return pdr.DataFrameSchema(cols, strict=False, coerce=True)


_BOOL = {"true": True, "false": False, "1": True, "0": False}


def to_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows -> a DataFrame with the table's declared columns and dtypes (extra keys dropped)."""
    names = column_names(table)
    df = pd.DataFrame.from_records(rows, columns=names) if rows else pd.DataFrame(
        {n: pd.Series([], dtype=_TYPES[t][0]) for n, t, _, _ in COLUMNS[table]})
    for name, typ, _, _ in COLUMNS[table]:
        if typ == "date":  # ISO strings (from CSV) become dates; years 1..9999 fit datetime.date
            df[name] = df[name].map(lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v,
                                    na_action="ignore").astype("object")
        elif typ == "bool":
            df[name] = df[name].map(lambda v: _BOOL.get(v.lower(), v) if isinstance(v, str) else v,
                                    na_action="ignore").astype("boolean")
        elif typ == "float":
            df[name] = pd.to_numeric(df[name], errors="coerce").astype("Float64")
        elif typ == "int":
            df[name] = pd.to_numeric(df[name], errors="coerce").astype("Int64")
        else:
            df[name] = df[name].astype(_TYPES[typ][0])
    return df


def validate_frame(table: str, df: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Validate lazily; rows that fail are dropped and returned as failure
    descriptions (page_id, column, check, value) for `rejected_record` findings."""
    import pandera.errors
    try:
        return pandera_schema(table).validate(df, lazy=True), []
    except pandera.errors.SchemaErrors as err:
        fc = err.failure_cases
        bad_idx = set(fc["index"].dropna().astype(int).tolist())
        failures = []
        for _, r in fc.iterrows():
            idx = r["index"]
            pid = df.at[int(idx), "page_id"] if idx is not None and idx == idx and "page_id" in df else None
            failures.append({"page_id": pid, "table": table, "column": r.get("column"),
                             "check": str(r.get("check")), "value": str(r.get("failure_case"))[:200]})
        if not bad_idx:  # schema-level failure (a missing column): a bug, not bad input
            raise
        return df.drop(index=list(bad_idx)).reset_index(drop=True), failures


def frictionless_schema(table: str) -> dict:
    fields = []
    for name, typ, nullable, allowed in COLUMNS[table]:
        f = {"name": name, "type": _TYPES[typ][2]}
        cons = {}
        if not nullable:
            cons["required"] = True
        if isinstance(allowed, tuple) and allowed and isinstance(allowed[0], str):
            cons["enum"] = list(allowed)
        elif isinstance(allowed, tuple):
            if allowed[0] is not None:
                cons["minimum"] = allowed[0]
            if allowed[1] is not None:
                cons["maximum"] = allowed[1]
        if cons:
            f["constraints"] = cons
        fields.append(f)
    pk = ["page_id"] if table in ("pages", "texts") else ["record_id"]
    return {"fields": fields, "primaryKey": pk, "missingValues": [""]}
