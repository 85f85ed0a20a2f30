"""Events: dated happenings in prose."""
from __future__ import annotations

from ..ingest.segment import Doc


def extract_events(doc: Doc):
    return [], []
