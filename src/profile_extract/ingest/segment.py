"""Segment a page text into lines with offsets, and the Doc every extractor reads."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from operator import add

from ..spans import Span


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


# split_lines fills Line slots through their descriptors (see there).
_new = object.__new__
_SET_INDEX, _SET_START, _SET_END, _SET_TEXT = (
    Line.index.__set__, Line.start.__set__, Line.end.__set__, Line.text.__set__)
_consume = deque(maxlen=0).extend   # runs a map to its end in C


def split_lines(text: str) -> list[Line]:
    """Lines of text, trimmed, offsets kept; blank lines are kept (text == '').

    Built column by column with C-level maps (a page has hundreds of lines and
    a frozen dataclass's ``__init__`` costs four ``object.__setattr__`` calls):
    raw lines, their trimmed texts, start/end offsets, then the Line objects,
    whose slots are filled through their descriptors.

    >>> [(l.text, l.start) for l in split_lines("a\\n  b \\n")]
    [('a', 0), ('b', 4), ('', 7)]
    """
    raws = text.split("\n")
    texts = list(map(str.strip, raws))
    lens = list(map(len, raws))
    starts = list(accumulate(map((1).__add__, lens), initial=0))
    del starts[-1]
    ends = list(map(add, starts, lens))
    if texts != raws:   # some lines had surrounding whitespace: their offsets move in
        for i, (raw, stripped) in enumerate(zip(raws, texts)):
            if len(stripped) != len(raw):
                if stripped:
                    starts[i] += len(raw) - len(raw.lstrip())
                    ends[i] = starts[i] + len(stripped)
                else:
                    ends[i] = starts[i]
    n = len(raws)
    lines = list(map(_new, repeat(Line, n)))
    _consume(map(_SET_INDEX, lines, range(n)))
    _consume(map(_SET_START, lines, starts))
    _consume(map(_SET_END, lines, ends))
    _consume(map(_SET_TEXT, lines, texts))
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
