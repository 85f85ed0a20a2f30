"""Facts: labelled statistics."""
from __future__ import annotations

from ..ingest.segment import Doc


def extract_facts(doc: Doc):
    return [], []
