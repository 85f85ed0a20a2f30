"""One frozen options object with every knob and limit."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Options:
    max_bytes: int = 20_000_000          # a page over this is read up to the limit (too_large)
    max_line_chars: int = 20_000          # longer lines are not matched line-wise
    aliases_files: tuple[str, ...] = ()   # extra indicator tables (TOML), see data/indicators.toml
    default_country: str | None = None    # ISO code used for phones when the page names none
    write_csv: bool = True
    write_parquet: bool = True
    chunk_pages: int = 2000               # pages per Parquet part / CSV append
    jobs: int = 1
    progress: bool = True
    report: bool = True
    extra: dict = field(default_factory=dict)
