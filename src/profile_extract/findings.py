"""Findings: everything QA should look at. Nothing is dropped silently: a
failure anywhere becomes a Finding with a fixed code from one enum."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .spans import Span


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class FindingCode(str, Enum):
    UNPARSED_LINE = "unparsed_line"
    UNKNOWN_LABEL = "unknown_label"
    UNKNOWN_UNIT = "unknown_unit"
    INVALID_PHONE = "invalid_phone"
    INVALID_EMAIL = "invalid_email"
    REJECTED_RECORD = "rejected_record"
    DECODE_ERROR = "decode_error"
    TOO_LARGE = "too_large"
    READ_ERROR = "read_error"
    INTERNAL_ERROR = "internal_error"
    MARKUP_REPAIRED = "markup_repaired"    # HTML lxml could not follow, read by BeautifulSoup
    MARKUP_STRIPPED = "markup_stripped"    # no usable tree: tags dropped, layout lost


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    code: FindingCode
    message: str
    span: Span | None = None
    snippet_text: str | None = None  # raw text when there is no span (e.g. a rejected value)
    rule: str = ""

    @classmethod
    def info(cls, code, message, span=None, **kw):
        return cls(Severity.INFO, FindingCode(code), message, span, **kw)

    @classmethod
    def warning(cls, code, message, span=None, **kw):
        return cls(Severity.WARNING, FindingCode(code), message, span, **kw)

    @classmethod
    def error(cls, code, message, span=None, **kw):
        return cls(Severity.ERROR, FindingCode(code), message, span, **kw)
