"""HTML -> plain text that keeps block and line structure (placeholder)."""
from __future__ import annotations

import re


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or bool(re.search(r"<(body|div|table|p|head)\b", head))


def html_to_text(html: str) -> str:
    import lxml.html
    root = lxml.html.fromstring(html)
    return root.text_content()
