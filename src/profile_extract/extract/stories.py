"""Stories: people and their distance from home."""
from __future__ import annotations

from ..ingest.segment import Doc


def extract_stories(doc: Doc):
    return [], []
