"""profile_extract: facts, events, contacts and stories from scraped profile pages.

Library API:
    extract_page(data, source) -> PageResult   (pure, one page)
    run_batch(inputs, out_dir, options)         (reads inputs, writes tables)
"""
__version__ = "0.1.0"
PARSER_VERSION = "1"

from .pipeline import extract_page  # noqa: E402

__all__ = ["extract_page", "load", "__version__", "PARSER_VERSION"]


def __getattr__(name: str):
    """`load` on first use: it brings pandas (~0.15 s), which extract_page never needs."""
    if name == "load":
        from .load import load
        globals()["load"] = load  # over the submodule the import just bound to the name
        return load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
