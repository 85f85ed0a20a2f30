"""profile_extract: facts, events, contacts and stories from scraped profile pages.

Library API:
    extract_page(data, source) -> PageResult   (pure, one page)
    run_batch(inputs, out_dir, options)         (reads inputs, writes tables)
"""
__version__ = "0.1.0"
PARSER_VERSION = "1"

from .pipeline import extract_page  # noqa: E402
from .load import load  # noqa: E402  (imports pandas only when called)

__all__ = ["extract_page", "load", "__version__", "PARSER_VERSION"]
