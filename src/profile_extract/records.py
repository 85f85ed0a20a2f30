"""The typed records every extractor produces.

Records are frozen, slotted, picklable dataclasses: they travel to worker
processes unchanged. Each carries the Span it came from and the name of the
rule that matched (counted per rule in run.json; handy for QA and clean-ups).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .findings import Finding
from .spans import Span


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value_text: str
    span: Span
    indicator: str = ""
    value: float | None = None
    unit: str | None = None
    codes: str | None = None
    year_start: int | None = None
    year_end: int | None = None
    value_max: float | None = None
    qualifier: str | None = None
    rank_total: int | None = None
    as_of: str | None = None
    known_indicator: bool = True
    rule: str = "fact"

    table = "facts"

    def key_value(self) -> str:
        return f"{self.label}={self.value_text}"


@dataclass(frozen=True, slots=True)
class Event:
    date: str                      # ISO with its precision: 2005-11-29, 1996-12, 1994
    precision: str                 # day | month | year
    date_start: dt.date
    date_end: dt.date
    date_text: str
    sentence: str
    span: Span                     # the date as written
    sentence_span: Span | None = None
    qualifier: str | None = None
    rule: str = "event"

    table = "events"

    def key_value(self) -> str:
        return self.date


@dataclass(frozen=True, slots=True)
class Contact:
    group: int
    kind: str                      # organization|street|postal_code|city|country|phone|fax|email|website
    value: str
    raw: str
    span: Span
    valid: bool = True
    rule: str = "contact"

    table = "contacts"

    def key_value(self) -> str:
        return f"{self.kind}={self.value}"


@dataclass(frozen=True, slots=True)
class Story:
    span: Span
    name: str | None = None
    role: str | None = None
    distance: float | None = None
    distance_unit: str | None = None
    distance_km: float | None = None
    rule: str = "story"

    table = "stories"

    def key_value(self) -> str:
        return f"{self.name}:{self.distance_km}"


@dataclass(frozen=True, slots=True)
class PageInfo:
    title: str | None = None
    country: str | None = None
    country_iso3: str | None = None
    country_iso2: str | None = None
    updated: str | None = None
    title_span: Span | None = None
    updated_span: Span | None = None


@dataclass(frozen=True, slots=True)
class PageResult:
    """Everything one page gives: the per-page function's whole output."""
    page_id: str
    source: str
    text: str
    info: PageInfo
    status: str                    # ok | partial | empty | failed
    error: str | None = None
    facts: tuple[Fact, ...] = ()
    events: tuple[Event, ...] = ()
    contacts: tuple[Contact, ...] = ()
    stories: tuple[Story, ...] = ()
    findings: tuple[Finding, ...] = ()
    coverage: float | None = None
    content_sha256: str = ""
    encoding: str | None = None
    content_type: str = "text"     # text | html
    n_bytes: int = 0
    stage_seconds: dict = field(default_factory=dict, compare=False)

    @property
    def n_records(self) -> int:
        return len(self.facts) + len(self.events) + len(self.contacts) + len(self.stories)
