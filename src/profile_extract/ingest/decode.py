"""Bytes -> str. UTF-8 first; then what the bytes declare or look like
(cp1251 and latin-1 are common on real pages). Never raises."""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None
    findings: tuple[Finding, ...] = ()
    failed: bool = False
    error: str | None = None


def decode(data: bytes, is_html: bool = False) -> Decoded:
    """Decode page bytes (placeholder: UTF-8 with replacement; see issue 2)."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("utf-8", "replace"), "utf-8",
                       (Finding.warning("decode_error", "bytes that did not decode were replaced"),))
