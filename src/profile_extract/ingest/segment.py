"""Segment a page text into lines with offsets, and the Doc every extractor reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..spans import Span

_LINE = re.compile(r"[^\n]*")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the page text, whitespace-trimmed, with its offsets."""
    index: int
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def split_lines(text: str) -> list[Line]:
    """Lines of text, trimmed, offsets kept; blank lines are kept (text == '').

    >>> [(l.text, l.start) for l in split_lines("a\\n  b \\n")]
    [('a', 0), ('b', 4), ('', 7)]
    """
    lines = []
    pos = 0
    n = len(text)
    i = 0
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        raw = text[pos:nl]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            end = start + len(stripped)
        else:
            start = end = pos
        lines.append(Line(i, start, end, stripped))
        i += 1
        pos = nl + 1
    return lines


@dataclass
class Doc:
    """The page as extractors see it: text, its lines and what earlier stages
    learnt about the page (its country, used as the default phone region)."""
    text: str
    lines: list[Line]
    country_iso2: str | None = None
    country_iso3: str | None = None
    content_type: str = "text"
    options: object = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, **kw) -> "Doc":
        return cls(text=text, lines=split_lines(text), **kw)

    @cached_property
    def nonblank(self) -> list[Line]:
        return [l for l in self.lines if l.text]
