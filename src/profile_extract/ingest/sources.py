"""Input enumeration: what pages the inputs hold, in a stable order.

An input is a file, a folder (walked recursively, sorted), a glob, or `-`
(a list of paths on standard input, one a line). Page files are `.txt`,
`.html`, `.htm` and `.gz` of them; archives hold many pages:

- WARC / `.warc.gz` (warcio): each HTML (or plain-text) response record is a
  page, its `WARC-Target-URI` the source; redirects are not pages.
- JSON Lines crawler feeds (`.jsonl`, `.ndjson`, `.jl`, and `.gz` of them):
  one object a line with a URL and an `html` or `text` field; the field names
  are settable (`Options.extra["url_field"/"html_field"/"text_field"]`).

Enumeration is lazy and cheap: a page file becomes a `PageInput` holding its
path, read later (in a worker process) by `load()`; archive records carry
their bytes. A page that cannot be read is still a `PageInput`, with `error`
saying why, so it gets a `failed` row in `pages`: nothing is dropped silently.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
import sys
import zlib
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..errors import UsageError

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jl", ".jl.gz")
FOLDER_SUFFIXES = PAGE_SUFFIXES + tuple(s + ".gz" for s in PAGE_SUFFIXES) + WARC_SUFFIXES + JSONL_SUFFIXES
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to extract: either a path read later, or bytes already read."""
    source: str                       # path or URL, as given
    path: str | None = None           # a page file (maybe gzipped), read by load()
    data: bytes | None = None         # the page bytes (archive and feed records)
    content_type: str | None = None   # "html" | "text" | None (sniffed)
    error: str | None = None          # why the page could not be read
    page_id: str | None = None        # page_id_for(source, data), when a reader computed it already

    def load(self, max_bytes: int) -> tuple[bytes, str | None]:
        """(bytes, None), or (b"", why) when the page cannot be read. Reads at
        most max_bytes + 1 bytes, so an oversized page is flagged, not loaded."""
        if self.error is not None:
            return b"", self.error
        if self.data is not None:
            return self.data, None
        return read_page_file(self.path, max_bytes)


def read_page_file(path: str, max_bytes: int) -> tuple[bytes, str | None]:
    """Bytes of a page file (gunzipped when it ends in .gz), or (b"", why).

    >>> read_page_file("/no/such/file.txt", 10)
    (b'', 'cannot read: No such file or directory')
    """
    limit = max_bytes + 1
    try:
        if path.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                return fh.read(limit), None
        with open(path, "rb") as fh:
            # read(n) allocates n bytes up front: ask for the file's size when known
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(min(limit, size + 1) if size else limit)
            if size and size < len(data) < limit:  # the file grew while we read it
                data += fh.read(limit - len(data))
            return data, None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        return b"", f"not a valid gzip file: {exc or type(exc).__name__}"
    except OSError as exc:
        return b"", f"cannot read: {exc.strerror or exc}"


def content_type_for(name: str) -> str | None:
    """What a file name says about its content ("html", "text" or None: sniff).

    >>> content_type_for("a/b.HTML.gz"), content_type_for("x.txt"), content_type_for("x.dat")
    ('html', 'text', None)
    """
    n = name.lower()
    if n.endswith(".gz"):
        n = n[:-3]
    if n.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if n.endswith(".txt"):
        return "text"
    return None


def has_glob(s: str) -> bool:
    return any(c in _GLOB_CHARS for c in s)


def check_inputs(inputs: Iterable[str]) -> list[str]:
    """The inputs as strings; a missing input is a UsageError (exit 2)."""
    inputs = [os.fspath(i) for i in inputs]
    if not inputs:
        raise UsageError("no input given")
    for raw in inputs:
        if raw == "-" or os.path.exists(raw):
            continue
        if has_glob(raw):
            if not glob.glob(raw, recursive=True):
                raise UsageError(f"no input matches: {raw}")
            continue
        raise UsageError(f"no such input: {raw}")
    return inputs


def iter_inputs(inputs: Iterable[str], extra: dict | None = None, stdin=None,
                exclude: Iterable[str] = ()) -> Iterator[PageInput]:
    """Every page of the inputs, in input order (folders and globs sorted).
    Folders in `exclude` (the output folder) are not walked into."""
    extra = extra or {}
    fields = (extra.get("url_field") or "url", extra.get("html_field") or "html",
              extra.get("text_field") or "text", frozenset(os.path.realpath(e) for e in exclude))
    for raw in inputs:
        raw = os.fspath(raw)
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin
            for line in stream:
                path = line.strip()
                if path:
                    yield from _expand(path, fields, from_list=True)
        else:
            yield from _expand(raw, fields, from_list=False)


def _expand(raw: str, fields, from_list: bool) -> Iterator[PageInput]:
    if os.path.isdir(raw):
        if fields[3] and os.path.realpath(raw) in fields[3]:
            return
        yield from _walk(raw, fields)
    elif os.path.exists(raw):
        yield from _file(raw, fields)
    elif has_glob(raw) and glob.glob(raw, recursive=True):
        for m in sorted(glob.glob(raw, recursive=True)):
            if os.path.isdir(m):
                yield from _walk(m, fields)
            else:
                yield from _file(m, fields)
    else:  # only a path listed on stdin gets here (arguments were checked)
        yield PageInput(source=raw, error="no such file")


def _walk(folder: str, fields) -> Iterator[PageInput]:
    """Files under folder, depth first, names sorted; hidden entries skipped.
    Only one folder listing is held at a time (memory stays flat)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield PageInput(source=folder, error=f"cannot list folder: {exc.strerror or exc}")
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        path = os.path.join(folder, e.name)
        try:
            is_dir = e.is_dir(follow_symlinks=False)  # like os.walk: no loops through links
        except OSError:
            is_dir = False
        if is_dir:
            if fields[3] and os.path.realpath(path) in fields[3]:
                continue  # the output folder inside an input folder
            yield from _walk(path, fields)
        elif e.name.lower().endswith(FOLDER_SUFFIXES):
            yield from _file(path, fields)


def _file(path: str, fields) -> Iterator[PageInput]:
    low = path.lower()
    if low.endswith(WARC_SUFFIXES):
        yield from iter_warc(path)
    elif low.endswith(JSONL_SUFFIXES):
        yield from iter_jsonl(path, *fields[:3])
    else:
        yield PageInput(source=path, path=path, content_type=content_type_for(path))


def _warc_content_type(http_ctype: str | None) -> str | None:
    """"html", "text", None (sniff) or "" (not a page: an image, a script...)."""
    if not http_ctype:
        return None
    c = http_ctype.split(";")[0].strip().lower()
    if c in ("text/html", "application/xhtml+xml"):
        return "html"
    if c == "text/plain":
        return "text"
    return ""


def iter_warc(path: str) -> Iterator[PageInput]:
    """HTML and plain-text response records of a WARC (or ARC), gzipped or not."""
    from warcio.archiveiterator import ArchiveIterator
    n = seen = 0
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, arc2warc=True)
            for rec in it:
                seen += 1
                if rec.rec_type != "response":
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{path}#record{n}"
                http = rec.http_headers
                if http is not None:
                    status = http.get_statuscode() or ""
                    if status.startswith("3"):
                        continue  # a redirect is not a page
                    ctype = _warc_content_type(http.get_header("Content-Type"))
                else:
                    ctype = None
                if ctype == "":
                    continue
                n += 1
                try:
                    data = rec.content_stream().read()
                except Exception as exc:  # a damaged record: a failed page, not a crash
                    yield PageInput(source=uri, content_type=ctype,
                                    error=f"WARC record could not be read: {type(exc).__name__}: {exc}")
                    continue
                missing = getattr(rec.raw_stream, "limit", 0) or 0
                if missing > 0:  # the archive ends inside this record
                    yield PageInput(source=uri, content_type=ctype,
                                    error=f"WARC record truncated: {missing:,} bytes missing")
                    continue
                yield PageInput(source=uri, data=data, content_type=ctype)
            size = os.path.getsize(path)
            if seen == 0 and size > 0:
                yield PageInput(source=path, error="WARC archive holds no readable record "
                                "(truncated or not a WARC file)")
            elif seen and isinstance(getattr(it, "offset", None), int) and it.offset < size:
                # a gzip member cut short reads as nothing: say where the archive broke
                yield PageInput(source=f"{path}#offset-{it.offset}",
                                error=f"WARC archive damaged: {size - it.offset:,} bytes after "
                                f"offset {it.offset:,} could not be read")
    except Exception as exc:  # unreadable or truncated archive
        why = f"{exc.strerror}" if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        yield PageInput(source=path if n == 0 else f"{path}#after-record-{n}",
                        error=f"WARC archive could not be read{' past record %d' % n if n else ''}: {why}")


def iter_jsonl(path: str, url_field: str = "url", html_field: str = "html",
               text_field: str = "text") -> Iterator[PageInput]:
    """One page per JSON object line: the URL field is the source (else
    FILE:LINE), the HTML field (else the text field) the content."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    lineno = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    yield PageInput(source=where, error=f"line is not JSON: {exc}")
                    continue
                if not isinstance(obj, dict):
                    yield PageInput(source=where, error="line is not a JSON object")
                    continue
                url = obj.get(url_field)
                source = url if isinstance(url, str) and url else where
                html, text = obj.get(html_field), obj.get(text_field)
                if isinstance(html, str):
                    yield PageInput(source=source, data=html.encode("utf-8", "surrogatepass"),
                                    content_type="html")
                elif isinstance(text, str):
                    yield PageInput(source=source, data=text.encode("utf-8", "surrogatepass"),
                                    content_type="text")
                else:
                    yield PageInput(source=source, error=f"no {html_field!r} or {text_field!r} "
                                    f"field with a string (set html_field / text_field)")
    except (OSError, EOFError, zlib.error) as exc:
        yield PageInput(source=f"{path}:{lineno + 1}" if lineno else path,
                        error=f"feed could not be read: {getattr(exc, 'strerror', None) or exc}")
