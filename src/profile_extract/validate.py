"""Record checks before writing. A record that fails is not written to its
table: it becomes a `rejected_record` finding with the reason and raw text."""
from __future__ import annotations

from .findings import Finding
from .records import Contact, Event, Fact, Story

YEAR_MIN, YEAR_MAX = 1800, 2100


def check_fact(f: Fact) -> str | None:
    """Why the fact is invalid, or None."""
    for y in (f.year_start, f.year_end):
        if y is not None and not YEAR_MIN <= y <= YEAR_MAX:
            return f"year {y} outside {YEAR_MIN}-{YEAR_MAX}"
    if f.year_start is not None and f.year_end is not None and f.year_start > f.year_end:
        return f"year_start {f.year_start} after year_end {f.year_end}"
    if f.unit == "percent" and f.value is not None and not 0 <= f.value <= 100 \
            and "growth" not in f.indicator and "change" not in f.indicator and "rate" not in f.indicator:
        return f"percent {f.value:g} outside 0-100"
    if f.rank_total is not None:
        if f.rank_total <= 0 or f.value is None or not 0 < f.value <= f.rank_total:
            return f"rank {f.value} not within 1-{f.rank_total}"
    if f.value is not None and f.value != f.value:
        return "value is NaN"
    if f.value_max is not None and f.value is not None and f.value_max < f.value:
        return f"range upper end {f.value_max:g} below {f.value:g}"
    return None


def check_event(e: Event) -> str | None:
    if e.precision not in ("day", "month", "year"):
        return f"bad precision {e.precision}"
    if e.date_start > e.date_end:
        return "date_start after date_end"
    return None


def check_story(s: Story) -> str | None:
    if s.distance_km is not None and not 0 < s.distance_km < 50_000:
        return f"distance {s.distance_km:g} km is not a journey on Earth"
    return None


def check_contact(c: Contact) -> str | None:
    if not c.value.strip():
        return "empty value"
    return None


_CHECKS = {Fact: check_fact, Event: check_event, Story: check_story, Contact: check_contact}


def validate(records, text: str):
    """Split records into (kept, rejected findings)."""
    kept, findings = [], []
    for r in records:
        why = _CHECKS[type(r)](r)
        if why is None:
            kept.append(r)
        else:
            findings.append(Finding.warning(
                "rejected_record", f"{type(r).__name__.lower()} rejected: {why}", r.span,
                rule=r.rule))
    return kept, findings
