"""The project's one pint registry (built once per process, read-only after).

Units travel in tables as strings the registry parses (`km**2`, `percent`,
`person`, `USD`); this module turns written spellings into those strings."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def registry():
    """pint's default registry plus data/units.txt (people, currency codes, rates)."""
    import pint
    ureg = pint.UnitRegistry(cache_folder=None)
    text = resources.files("profile_extract.data").joinpath("units.txt").read_text("utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            ureg.define(line)
        except Exception as exc:  # name the file and line, as pint's own loader does
            raise ValueError(f"data/units.txt:{lineno}: {exc}") from exc
    return ureg


def to_km(value: float, unit: str) -> float:
    """Convert a length to kilometres through the registry.

    >>> round(to_km(60, "mile"), 3)
    96.561
    """
    ureg = registry()
    return float(ureg.Quantity(value, unit).to("km").magnitude)
