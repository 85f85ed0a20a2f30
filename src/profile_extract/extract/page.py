"""Page metadata: title, country, updated stamp."""
from __future__ import annotations

from ..ingest.segment import Doc
from ..records import PageInfo


def extract_page_info(doc: Doc) -> tuple[PageInfo, list]:
    return PageInfo(), []
