"""Written tables: contract columns, dtypes, CSV/Parquet round trip, DuckDB,
CSV formula neutralisation, atomic files."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from profile_extract.tables.schemas import COLUMNS, column_names, to_frame, validate_frame
from profile_extract.tables.write import neutralise

CONTRACT = {
    "pages": ["page_id", "source", "title", "country", "country_iso3", "updated", "status", "error",
              "n_facts", "n_events", "n_contacts", "n_stories", "n_findings", "coverage",
              "content_sha256", "parser_version"],
    "facts": ["label", "indicator", "value", "unit", "value_text", "codes", "year_start", "year_end",
              "value_max", "qualifier", "rank_total", "as_of"],
    "events": ["date", "precision", "date_start", "date_end", "date_text", "qualifier", "sentence"],
    "contacts": ["group", "kind", "value", "raw", "valid"],
    "stories": ["name", "role", "distance", "distance_unit", "distance_km"],
    "findings": ["severity", "code", "message", "snippet", "span_start", "span_end"],
    "texts": ["page_id", "text"],
}
RECORD_COMMON = ["page_id", "record_id", "snippet", "span_start", "span_end"]


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_columns_present(seed_run, table):
    df = pd.read_parquet(seed_run / f"{table}.parquet")
    need = CONTRACT[table] + (RECORD_COMMON if table in ("facts", "events", "contacts", "stories") else [])
    assert set(need) <= set(df.columns)
    if table != "texts":
        csv = pd.read_csv(seed_run / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(csv.columns) == list(df.columns)
        assert len(csv) == len(df)


def test_parquet_dtypes(seed_run):
    import pyarrow.parquet as pq
    ev = pq.read_schema(seed_run / "events.parquet")
    assert str(ev.field("date_start").type) == "date32[day]"
    facts = pq.read_schema(seed_run / "facts.parquet")
    assert str(facts.field("year_start").type) == "int64"
    assert str(facts.field("value").type) == "double"
    assert str(pq.read_schema(seed_run / "contacts.parquet").field("valid").type) == "bool"
    f = pd.read_parquet(seed_run / "facts.parquet")
    assert f["year_start"].dtype.name in ("Int64", "int64")


def test_csv_and_parquet_hold_the_same_rows(seed_run):
    for table in ("facts", "events", "contacts", "stories", "pages"):
        pq_df = pd.read_parquet(seed_run / f"{table}.parquet")
        csv = pd.read_csv(seed_run / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(csv["page_id"]) == list(pq_df["page_id"].astype(str))
        if "record_id" in csv:
            assert list(csv["record_id"]) == list(pq_df["record_id"])
    ev = pd.read_csv(seed_run / "events.csv", dtype=str, keep_default_na=False)
    assert "2005-11-29" in set(ev["date_start"])


def test_snippets_are_cut_from_texts(seed_run):
    texts = pd.read_parquet(seed_run / "texts.parquet").set_index("page_id")["text"]
    for table in ("facts", "events", "contacts", "stories"):
        for r in pd.read_parquet(seed_run / f"{table}.parquet").itertuples():
            assert texts[r.page_id][r.span_start:r.span_end] == r.snippet


def test_duckdb_reads_the_tables(seed_run):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is a declared test dependency")
    con = duckdb.connect()
    n = con.execute(f"select count(*) from read_parquet('{seed_run}/facts.parquet')").fetchone()[0]
    assert n == 12
    typ = con.execute(f"select typeof(date_start) from read_parquet('{seed_run}/events.parquet') limit 1").fetchone()[0]
    assert typ == "DATE"
    n_csv = con.execute(f"select count(*) from read_csv_auto('{seed_run}/contacts.csv')").fetchone()[0]
    assert n_csv == 10


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+49 30", "'+49 30"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("plain", "plain"), ("", ""), (None, None),
])
def test_formula_cells_neutralised(value, expected):
    assert neutralise(value) == expected


def test_numeric_columns_never_neutralised(tmp_path):
    from profile_extract.tables.write import write_csv
    df = to_frame("facts", [dict(page_id="p", record_id="r", snippet="=cmd", span_start=0, span_end=4,
                                 label="=Label", indicator="x", value=-3.5, value_text="-3.5")])
    write_csv("facts", df, tmp_path / "f.csv")
    back = pd.read_csv(tmp_path / "f.csv", dtype=str, keep_default_na=False)
    assert back.loc[0, "value"] == "-3.5"
    assert back.loc[0, "label"] == "'=Label"
    assert back.loc[0, "snippet"] == "'=cmd"


def test_schema_rejects_bad_rows_and_reports_them():
    rows = [dict(page_id="p", record_id="a", snippet="x", span_start=0, span_end=1, date="1209",
                 precision="year", date_start=dt.date(1209, 1, 1), date_end=dt.date(1209, 12, 31),
                 date_text="1209", sentence="In 1209 it began."),
            dict(page_id="p", record_id="b", snippet="x", span_start=0, span_end=1, date="1209",
                 precision="decade", date_start=dt.date(1209, 1, 1), date_end=dt.date(1209, 12, 31),
                 date_text="1209", sentence="x")]
    df, failures = validate_frame("events", to_frame("events", rows))
    assert list(df["record_id"]) == ["a"]
    assert failures and failures[0]["column"] == "precision"


def test_every_table_declares_its_columns_once():
    for table, cols in COLUMNS.items():
        names = column_names(table)
        assert len(names) == len(set(names)), table


def test_one_line_loader_reads_parquet_and_csv_only_folders(seed_run, tmp_path):
    import shutil

    import profile_extract
    tables = profile_extract.load(seed_run)
    assert {"pages", "facts", "events", "contacts", "stories", "findings", "texts"} <= set(tables)
    for f in seed_run.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    csv_only = profile_extract.load(tmp_path)
    for table in ("pages", "facts", "contacts"):
        assert len(csv_only[table]) == len(tables[table])
    assert csv_only["facts"]["year_start"].dtype.name == "Int64"
