"""What was left over: structured-looking lines that became no record (nor the
page's title or update stamp: the pipeline passes their spans with the records').

They become `unparsed_line` findings, and their share gives the page's
`coverage` (records' lines / structured-looking lines)."""
from __future__ import annotations

import re
from operator import attrgetter

from ..findings import Finding, FindingCode, Severity
from ..ingest.segment import Doc, Line

MAX_LINE = 300      # longer lines are never structured-looking
WINDOW = 50         # a line counts as covered by one of the last WINDOW spans starting before its end

# `Label: value`, `Label | value`, `Label = value`, or a number followed by a unit-ish word.
_UNITS = r"(?:%|km|kms|miles?|sq|million|billion|USD|EUR|persons?)\b"
_STRUCTURED = re.compile(
    r"^[^\W\d][^:|=]{0,60}\s*[:|=]\s*\S"
    r"|\d[\d,.\s]*\s*" + _UNITS,
    re.IGNORECASE)

# _STRUCTURED's two alternatives apart (the same yes/no, see is_structured_fast): the label
# form matched at the start only, its runs possessive (giving back a non-separator cannot
# reach a separator); the number form searched from a digit (the engine skips to digits),
# only from the first digit of a row of digits and without giving back the run before the
# unit (no unit starts with a digit, `,`, `.` or a space, so it follows the whole run).
_LABEL = re.compile(r"[^\W\d][^:|=]{0,60}+\s*+[:|=]\s*\S", re.IGNORECASE)
_NUMBER = re.compile(r"\d(?<!\d\d)[\d,.\s]*+" + _UNITS, re.IGNORECASE)


def is_structured(line: str) -> bool:
    """Does the line look like it holds a labelled value or a measured number?

    >>> is_structured("Area: 207,595 km sq"), is_structured("Read more")
    (True, False)
    """
    return len(line) <= MAX_LINE and bool(_STRUCTURED.search(line))


def is_structured_fast(line: str) -> bool:
    """is_structured, two to three times faster (the number form is tried only from the
    first digit of each row of digits, and nothing is given back)."""
    return len(line) <= MAX_LINE and (_LABEL.match(line) is not None or _NUMBER.search(line) is not None)


def structured_lines(doc: Doc) -> list[Line]:
    """The non-blank lines that look structured, in order (is_structured_fast).

    On an all-ASCII page (most are) the two forms are asked with [0-9] for \\d and
    [A-Za-z_] for [^\\W\\d] (_LABEL_ASCII, _NUMBER_ASCII: the same sets on ASCII
    characters): the engine skips to an ASCII digit through a bit table instead of
    asking each character's Unicode category (~30 % less per HTML page)."""
    if doc.text.isascii():
        label, number = _LABEL_ASCII.match, _NUMBER_ASCII.search
    else:
        label, number = _LABEL.match, _NUMBER.search
    out = []
    for line in doc.nonblank:
        t = line.text
        if len(t) <= MAX_LINE and (label(t) is not None or number(t) is not None):
            out.append(line)
    return out


# _LABEL and _NUMBER for ASCII text only (\s, \S, \b and the units unchanged)
_LABEL_ASCII = re.compile(r"[A-Za-z_][^:|=]{0,60}+\s*+[:|=]\s*\S", re.IGNORECASE)
_NUMBER_ASCII = re.compile(r"[0-9](?<![0-9][0-9])[0-9,.\s]*+" + _UNITS, re.IGNORECASE)


_START = attrgetter("start")
_END = attrgetter("end")
_MESSAGE = "structured-looking line gave no record"


def leftover_lines(doc: Doc, spans) -> tuple[list[Finding], float | None]:
    structured = structured_lines(doc)
    if not structured:
        return [], None
    ordered = sorted(spans, key=_START)
    n = len(ordered)
    # A line is covered when a span overlaps [line.start, line.end): one of the last WINDOW
    # spans starting before the line's end ends after its start. Lines and spans are both in
    # order: one sweep keeps the spans starting before the line's end (j of them) and the
    # largest end among them, which is the window's while j <= WINDOW.
    left = []
    j, top = 0, -1
    for line in structured:
        end = line.end
        while j < n:
            span = ordered[j]
            if span.start >= end:
                break
            if span.end > top:
                top = span.end
            j += 1
        reach = top if j <= WINDOW else max(map(_END, ordered[j - WINDOW:j]))
        if reach <= line.start:        # (top is -1 while no span starts before the line's end)
            left.append(Finding(Severity.INFO, FindingCode.UNPARSED_LINE, _MESSAGE, line.span))
    return left, (len(structured) - len(left)) / len(structured)
