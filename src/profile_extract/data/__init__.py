"""The package's data tables (TOML, CSV, pint syntax). Users extend these
files, not Python; `load_toml` is the one reader, cached per process, whose
errors name the file (tomllib's message carries line and column)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


class DataFileError(ValueError):
    """A data file that does not parse; the message names file, line and column."""


@lru_cache(maxsize=None)
def read_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text("utf-8")


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    """data/<name> parsed once per process. Callers must not mutate the result."""
    try:
        return tomllib.loads(read_text(name))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"data/{name}: {exc}") from None
