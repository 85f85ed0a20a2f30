"""What was left over: structured-looking lines that became no record.

They become `unparsed_line` findings, and their share gives the page's
`coverage` (records' lines / structured-looking lines)."""
from __future__ import annotations

import re

from ..findings import Finding
from ..ingest.segment import Doc

# `Label: value`, `Label | value`, `Label = value`, or a number followed by a unit-ish word.
_STRUCTURED = re.compile(
    r"^[^\W\d][^:|=]{0,60}\s*[:|=]\s*\S"
    r"|\d[\d,.\s]*\s*(?:%|km|kms|miles?|sq|million|billion|USD|EUR|persons?)\b",
    re.IGNORECASE)


def is_structured(line: str) -> bool:
    """Does the line look like it holds a labelled value or a measured number?

    >>> is_structured("Area: 207,595 km sq"), is_structured("Read more")
    (True, False)
    """
    return len(line) <= 300 and bool(_STRUCTURED.search(line))


def leftover_lines(doc: Doc, spans) -> tuple[list[Finding], float | None]:
    structured = [l for l in doc.nonblank if is_structured(l.text)]
    if not structured:
        return [], None
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    import bisect
    left = []
    covered = 0
    for line in structured:
        # any span that overlaps [line.start, line.end)
        i = bisect.bisect_left(starts, line.end)
        hit = any(ordered[j].end > line.start for j in range(max(0, i - 50), i))
        if hit:
            covered += 1
        else:
            left.append(Finding.info("unparsed_line", "structured-looking line gave no record",
                                     line.span))
    return left, covered / len(structured)
