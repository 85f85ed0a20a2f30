"""One provenance type for every record: a half-open character span into the
page text (the decoded text for plain-text input, the extracted text for HTML).

The snippet is never stored beside the span; it is cut from the text when a
row is written, so the two cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def snippet(self, text: str) -> str:
        """The exact source text of this span.

        >>> Span(4, 9).snippet("Tel: +375 1")
        '+375 '
        """
        return text[self.start:self.end]

    def shift(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset)

    def union(self, other: "Span") -> "Span":
        return Span(min(self.start, other.start), max(self.end, other.end))

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


def trimmed(text: str, start: int, end: int, chars: str | None = None) -> Span:
    """The span of text[start:end] without surrounding whitespace (or chars).

    >>> trimmed("  ab  ", 0, 6)
    Span(start=2, end=4)
    """
    s = text[start:end]
    left = len(s) - len(s.lstrip(chars))
    right = len(s.rstrip(chars))
    if right <= left:
        return Span(start, start)
    return Span(start + left, start + right)
