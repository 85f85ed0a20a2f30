"""One-line loader for researchers:

    >>> tables = load("output")            # doctest: +SKIP
    >>> tables["facts"].query("indicator == 'population'")   # doctest: +SKIP

Parquet first (keeps dtypes, reads a file or a folder of part files), CSV
when there is no Parquet."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .tables.frames import TABLES

if TYPE_CHECKING:
    import pandas as pd


def load_table(out, table: str) -> pd.DataFrame:
    # pandas (and the schemas, which import it) here, not at import:
    # `import profile_extract` for extract_page needs none of it (~0.25 s)
    import pandas as pd

    from .tables.schemas import to_frame
    out = Path(out)
    pq = out / f"{table}.parquet"
    if pq.exists():
        return pd.read_parquet(pq)
    csv = out / f"{table}.csv"
    if csv.exists():
        df = pd.read_csv(csv, dtype=str, keep_default_na=False)
        return to_frame(table, df.replace({"": None}).to_dict("records"))
    raise FileNotFoundError(f"no {table} table in {out}")


def load(out, tables=TABLES) -> dict[str, pd.DataFrame]:
    """Every table of an output folder, by name."""
    return {t: load_table(out, t) for t in tables if (Path(out) / f"{t}.parquet").exists()
            or (Path(out) / f"{t}.csv").exists()}
