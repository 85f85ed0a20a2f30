"""HTML -> plain text that keeps block and line structure.

The text returned here IS the page text for HTML input: every span points into
it. What it looks like (the shapes the extractors read):

* Only what a browser shows: ``script``, ``style``, ``noscript``, ``template``,
  ``head``/``title``, comments, ``nav`` and ``role="navigation"`` menus, form
  ``select`` lists, embedded media, and elements with the ``hidden`` attribute
  or an inline ``display:none`` / ``visibility:hidden`` give nothing. Footers
  stay (contact blocks live there). No JavaScript is run; classes are not
  resolved against stylesheets.
* ``<br>`` and block elements (``p``, ``div``, ``li``, ``h1``-``h6``, ``tr``,
  ``dt``/``dd``...) break lines; inline elements join without adding spaces
  (``<strong>Label:</strong> value`` is one line). Elements a browser gives a
  vertical margin (``p``, headings, top-level lists, tables, ``blockquote``,
  ``pre``, ``hr``) are separated by one blank line.
* A table row is one line, its cells joined by `` | ``
  (``Population | 9.5 million``); a cell's own line breaks are spaces, except
  in the last cell, whose first line stays on the row and whose further lines
  (``<br>``/``<p>``: an address, a geo widget) follow as lines, then a blank
  line (so they are not read as the next row's label); list items in the last
  cell join with a space (a list value). Leading and inner empty cells are
  dropped; a label row with an empty value ends in `` |``
  (``Age structure |``), and so does a one-cell header row right above
  label/value rows (an infobox group header: ``Area |`` then
  ``• Total | 38,394 km2``); other one-cell rows are plain lines. A label
  cell of `Label:` lines beside a value cell of as many lines
  (``Tel:<br>Fax:`` | ``+1 ...<br>+1 ...``) gives one row per line. A row
  holding a table, a heading or long cells is layout, not data: its cells
  become separate blocks.
* ``<dt>``/``<dd>`` pairs are ``term | definition`` lines, like table rows.
* Inline children alone in a block and written on separate source lines are
  separate lines (an hCard address; a link and a counter); exactly two
  non-link ones with a short first one are ``label | value`` (``Venue type`` /
  ``Club``). A short ``Label:`` block followed by a short value block (a CMS
  field) is one line, ``Label: value``. An inline ``display:block`` breaks
  lines and ``display:inline`` joins them. A microdata/microformat field
  (``itemprop``, hCard classes) written on its own source line is a line of
  its own, also amid text (a schema.org address in spans).
* Entities decoded, soft hyphens and zero-width marks removed, ``&nbsp;`` and
  every other space collapsed to one space within a line, lines trimmed.

``html_to_text_with_headings`` also returns, for the page-info stage, where
headings are: ``(level, start, end)`` offsets into the text, level 1-6 for
``h1``-``h6`` and 0 for a table caption or a row of a single header cell
(an infobox title). lxml parses; BeautifulSoup (html.parser) repairs markup
lxml rejects; a last-resort tag stripper means this never raises.

>>> html_to_text("<ul><li><strong>Area:</strong> 207,595&nbsp;km sq</li><li>Population: 9.5 million</li></ul>")
'Area: 207,595 km sq\\nPopulation: 9.5 million'
>>> html_to_text("<table><tr><th>Population</th><td>9.5 million</td></tr></table>")
'Population | 9.5 million'
"""
from __future__ import annotations

import html as _htmllib
import re

from lxml import etree

# Heading level per tag.
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Subtrees a browser does not show as text.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "head", "title", "nav", "select", "datalist",
    "iframe", "object", "embed", "svg", "canvas", "audio", "video", "source", "track",
    "meta", "link", "input", "button", "textarea", "applet", "frameset", "frame", "param",
})

# Break kinds, weakest first: list items (joined inside a value cell), line, blank line.
_LI, _BLOCK, _PARA = 1, 2, 3

# Elements that break lines, by the break they make.
_BREAKS = {t: _BLOCK for t in (
    "address", "article", "aside", "body", "center", "details", "dialog", "dir", "div",
    "fieldset", "figcaption", "footer", "form", "header", "hgroup", "html", "legend", "main",
    "menu", "section", "summary", "caption", "option", "optgroup", "tbody", "thead", "tfoot",
    "noframes", "li", "dt", "dd", "tr", "td", "th")}
_BREAKS.update({t: _PARA for t in (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "table", "figure", "dl",
    "ul", "ol")})

_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Invisible characters: soft hyphen, zero-width space, word joiner, BOM, bidi marks and
# embeddings, controls.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069"
                        "\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Limits for a table row to count as a data row (label cells short, no nested structure).
_MAX_LABEL_CHARS = 200
_MAX_LABEL_LINES = 3
_MAX_PAIR_LABEL = 60


class _Line:
    __slots__ = ("text", "level", "before", "hlen")

    def __init__(self, text: str, level: int | None, before: int, hlen: int | None = None):
        self.text = text
        self.level = level      # heading level or None
        self.before = before    # break kind between this line and the previous one
        self.hlen = hlen        # length of the heading part of text (None: all of it)


class _Buf:
    """Lines under construction for one container (the page, a table cell, a dt/dd)."""
    __slots__ = ("lines", "parts", "pend", "level", "pre", "nested", "pending_dt", "glue")

    def __init__(self):
        self.lines: list[_Line] = []
        self.parts: list[str] = []
        self.pend = 0            # strongest break requested since the last line
        self.level = None        # heading level of the text being collected
        self.pre = 0             # depth of <pre>
        self.nested = False      # holds a table or a heading (a layout cell)
        self.pending_dt = None   # a <dt> waiting for its <dd>
        self.glue = False        # a `Label:` block waits for its value block on the same line

    def text(self, s: str) -> None:
        """Add text. Outside a <pre>, a glued `Label:` block and a pending <dt>
        (nearly always) that is only the append: tested first, it is hot."""
        if not s:
            return
        if not (self.pre or self.glue or self.pending_dt is not None):
            self.parts.append(s)
            return
        if not s.isspace():
            if self.pending_dt is not None:
                self.flush_dt()
            self.glue = False
        if self.pre and "\n" in s:
            first, *rest = s.split("\n")
            self.parts.append(first)
            for piece in rest:
                self.brk(_BLOCK)
                self.parts.append(piece)
        else:
            self.parts.append(s)

    def brk(self, kind: int) -> None:
        """End the current line (if any text) and ask for a break of this kind."""
        if self.glue:
            return
        parts = self.parts
        if parts:
            self.parts = []
            if len(parts) == 1:
                text = parts[0]
                # whitespace between blocks (most single parts) gives no line
                text = "" if text.isspace() else _clean_line(text)
            else:
                text = _clean_line("".join(parts))
            if text:
                self.lines.append(_Line(text, self.level, self.pend))
                self.pend = kind
                return
        if kind > self.pend:
            self.pend = kind

    def put(self, lines: list[_Line], kind: int = _BLOCK) -> None:
        """Append finished lines (from a cell or row) as a block of their own."""
        if not lines:
            return
        self.brk(kind)
        if self.pending_dt is not None:
            self.flush_dt()
        first = True
        for line in lines:
            if first:
                line.before = max(self.pend, kind)
                first = False
            self.lines.append(line)
        self.pend = kind

    def flush_dt(self) -> None:
        dt, self.pending_dt = self.pending_dt, None
        self.put(dt)

    def finish(self) -> list[_Line]:
        self.brk(_BLOCK)
        if self.pending_dt is not None:
            self.flush_dt()
        return self.lines


def _clean_line(s: str) -> str:
    """Invisible characters out, whitespace runs to one space, trimmed.
    (``" ".join(s.split())`` is ``re.sub(r"\\s+", " ", s).strip()``: str.split
    and the regex's ``\\s`` take the same characters as whitespace, and it is
    about twice as fast on short lines.)"""
    if s.isascii() and s.isprintable():
        # printable ASCII: nothing invisible, and no whitespace but the plain space
        if s and s[0] != " " != s[-1] and "  " not in s:
            return s
    elif _INVISIBLE.search(s):
        s = _INVISIBLE.sub("", s)
    return " ".join(s.split())


def _hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _STYLE_HIDDEN.search(style):
        return True
    role = el.get("role")
    return role is not None and role.lower() == "navigation"


# Attributes `_hidden` and `_is_field` read: an element without any is shown / no field.
_HIDE_ATTRS = frozenset({"hidden", "style", "role"})
_FIELD_ATTRS = frozenset({"itemprop", "class"})


def _join_list_items(lines: list[_Line]) -> list[_Line]:
    """Lines of one cell with list items joined by a space (a list value)."""
    out: list[_Line] = []
    for line in lines:
        if out and line.before == _LI:
            out[-1] = _Line(out[-1].text + " " + line.text, out[-1].level, out[-1].before)
        else:
            out.append(line)
    return out


class _Cell:
    __slots__ = ("buf", "header", "lines")

    def __init__(self, header: bool):
        self.buf = _Buf()
        self.header = header
        self.lines: list[_Line] = []


# Row kinds (what _row_lines found).
_R_EMPTY, _R_DATA, _R_HEADER, _R_SINGLE, _R_LAYOUT = range(5)


def _row_lines(cells: list[_Cell]) -> tuple[list[_Line], int, bool]:
    """(lines, row kind, whether value lines follow the row line) for one
    table row (or dt/dd, span pair)."""
    full = [c for c in cells if c.lines]
    if len(full) == 2:
        label, value = full[0].lines, full[1].lines
        if (len(label) == 1 and len(value) == 1 and not full[0].buf.nested and not full[1].buf.nested
                and len(label[0].text) <= _MAX_LABEL_CHARS):
            # the commonest row, one label line beside one value line (what _rows_of gives it)
            return [_Line(label[0].text + " | " + value[0].text, None, _BLOCK)], _R_DATA, False
    return _rows_of(cells, full)


def _rows_of(cells: list[_Cell], full: list[_Cell]) -> tuple[list[_Line], int, bool]:
    """`_row_lines` for any row; `full` are the cells with lines."""
    if not full:
        return [], _R_EMPTY, False
    if any(c.buf.nested for c in full):
        return _layout(full), _R_LAYOUT, False
    if len(full) == 1:
        c = full[0]
        lines = c.lines
        if len(cells) >= 2 and c is cells[0] and len(lines) == 1 and len(lines[0].text) <= 80:
            # a label whose value cell is empty: `Age structure |`
            return [_Line(lines[0].text + " |", lines[0].level, lines[0].before)], _R_DATA, False
        if len(cells) == 1 and lines[0].level is None and c.header:
            # a row of one header cell: an infobox title or group header
            lines = [_Line(lines[0].text, 0, lines[0].before)] + lines[1:]
        if (len(cells) == 1 and len(lines) == 1 and len(lines[0].text) <= _MAX_PAIR_LABEL
                and ":" not in lines[0].text):   # `Anthem: ...` in a full-width cell is a row itself
            return lines, _R_HEADER, False
        return lines, _R_SINGLE, False
    if len(full) == 2 and 2 <= len(full[0].lines) == len(full[1].lines) <= 12 and all(
            len(l.text) <= 40 and l.text.endswith(":") for l in full[0].lines):
        # parallel columns: `Tel:<br>Fax:` beside `+1 234<br>+1 235` are rows side by side
        return [_Line(f"{a.text} | {b.text}", None, _BLOCK)
                for a, b in zip(full[0].lines, full[1].lines)], _R_DATA, False
    labels = []
    for c in full[:-1]:
        joined = _join_list_items(c.lines)
        text = " ".join(l.text for l in joined)
        if len(joined) > _MAX_LABEL_LINES or len(text) > _MAX_LABEL_CHARS:
            return _layout(full), _R_LAYOUT, False
        labels.append(text)
    value = _join_list_items(full[-1].lines)
    row = [_Line(" | ".join(labels + [value[0].text]), None, _BLOCK)]
    row.extend(_Line(l.text, l.level, _BLOCK) for l in value[1:])
    return row, _R_DATA, len(value) > 1


def _put_row(buf: "_Buf", lines: list[_Line], continued: bool) -> None:
    """A row into its container; after a row whose value went on over further
    lines, a blank line, so those lines are not read as the next row's label."""
    buf.put(lines)
    if continued:
        buf.pend = _PARA


def _layout(cells: list[_Cell]) -> list[_Line]:
    out: list[_Line] = []
    for c in cells:
        if c.lines:
            c.lines[0].before = max(c.lines[0].before, _BLOCK)
            out.extend(c.lines)
    return out


_INLINE_KIDS = frozenset({"a", "span", "strong", "b", "em", "i", "small", "label", "time", "abbr",
                          "font", "cite", "u", "bdi", "code", "big", "mark", "q", "s", "tt", "var"})
# A pair is two of these (not links: a name beside a link counter is no label/value row).
_PAIR_TAGS = frozenset({"span", "strong", "b", "label", "em", "i", "small", "font"})
_LABEL_VALUE = re.compile(r"^[^\W\d][^:|]{0,60}:\s*\S")


def _text_of(el, limit: int = 400) -> str | None:
    """The text inside an element (not its tail), or None when longer than
    limit (checked as it goes: a wrapper of the whole page costs nothing)."""
    parts = []
    n = 0
    for t in el.itertext():
        n += len(t)
        if n > limit:
            return None
        parts.append(t)
    return "".join(parts)


def _span_group(el):
    """How to show an element whose children are written on separate source
    lines with no text of its own between them (a label/value span pair, an
    hCard, a link and a counter): 'pair' (`label | value`), 'stack' (one line
    per inline child), or None (inline children join as usual)."""
    text = el.text
    if text and not text.isspace():
        return None
    kids = []
    newline = False     # a tail with a line break before some later child
    broken = False      # the tail of the child before this one has a line break
    inline = 0
    k = el[0] if len(el) else None
    while k is not None:   # first child, next sibling: no iterator or list of all children
        tag = k.tag
        if not isinstance(tag, str):
            return None
        if tag in _INLINE_KIDS:
            inline += 1
        elif tag not in _BREAKS and tag != "br":
            return None
        newline = newline or broken
        tail = k.tail
        if tail:
            if not tail.isspace():
                return None
            broken = "\n" in tail
        else:
            broken = False
        if len(kids) < 3:
            kids.append(k)
        k = k.getnext()
    if not newline or inline < 2:
        return None
    return "pair" if _is_pair(kids, inline) else "stack"


def _is_pair(kids: list, inline: int) -> bool:
    """Does a span group (its first children, up to three, and how many are
    inline) read as `label | value`: exactly two short inline children?"""
    if not (len(kids) == 2 and inline == 2 and kids[0].tag in _PAIR_TAGS and kids[1].tag in _PAIR_TAGS
            and (len(kids[0]) < 2 or _span_group(kids[0]) is None)):
        return False
    label = (_text_of(kids[0], 200) or "").strip()
    value = (_text_of(kids[1]) or "").strip()
    return bool(label and value and len(label) <= _MAX_PAIR_LABEL
                and not label.endswith((",", ".", ";")) and not _LABEL_VALUE.match(value))


_LABEL_BLOCKS = frozenset({"div", "p", "span", "label", "strong", "b"})
_VALUE_BLOCKS = frozenset({"div", "p", "span", "a", "strong", "b", "em", "i", "small", "font"})
_NOT_IN_VALUE = frozenset({"table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
                           "blockquote", "form", "section", "article"})
_GLUE_LABEL = re.compile(r"^[^\W\d][^:\n]{0,40}:$")
_MAX_GLUE_VALUE = 200


# `_GLUE_LABEL` matches at most this many characters.
_MAX_GLUE_LABEL = 42


def _label_text(el) -> str:
    """The text of a would-be `Label:` block, no-break spaces as spaces, stripped;
    '' where `_text_of(el, 200)` gives None, and also as soon as the text seen
    so far, stripped, is longer than `_GLUE_LABEL` can match (a block of links
    or prose is given up after a few pieces instead of 200 characters)."""
    if not len(el):
        text = el.text or ""
        return "" if len(text) > 200 else text.replace("\xa0", " ").strip()
    if _last_char(el) not in (":", None):
        return ""
    parts = []
    n, first, end = 0, -1, 0
    for t in el.itertext():
        if t and not t.isspace():   # first/end: the stripped span so far
            if first < 0:
                first = n + len(t) - len(t.lstrip())
            end = n + len(t.rstrip())
            if end - first > _MAX_GLUE_LABEL:
                return ""
        n += len(t)
        if n > 200:
            return ""
        parts.append(t)
    return "".join(parts).replace("\xa0", " ").strip()


def _last_char(el, limit: int = 12) -> str | None:
    """The last non-space character of the text inside el (its itertext, without
    its tail), read from the end: a `Label:` block must end with ':', and this
    looks at a few nodes where itertext would read up to 200 characters from the
    start. '' when there is no text; None when unsure (a comment or entity on
    the way, or more than `limit` nodes). Steps by last child and previous
    sibling: no iterator objects."""
    todo = []   # (parent, child) pairs to go back to: the child's previous sibling is next
    node, k = el, (el[-1] if len(el) else None)
    steps = 0
    while True:
        if k is None:   # the children of node are read: its own text is next
            text = node.text
            if text and not text.isspace():
                return text.rstrip()[-1]
            if not todo:
                return ""
            node, k = todo.pop()
            k = k.getprevious()
            continue
        steps += 1
        if steps > limit or not isinstance(k.tag, str):
            return None
        tail = k.tail
        if tail and not tail.isspace():
            return tail.rstrip()[-1]
        if len(k):
            todo.append((node, k))
            node, k = k, k[-1]
            continue
        text = k.text
        if text and not text.isspace():
            return text.rstrip()[-1]
        k = k.getprevious()


def _glue_pair(el):
    """The value block after a `Label:` block (a CMS field: `<div>Population:</div>
    <div>9.5 million</div>`), to show both on one line; else None."""
    nxt = el.getnext()
    if nxt is None or not isinstance(nxt.tag, str) or nxt.tag not in _VALUE_BLOCKS:
        return None
    if el.tail and not el.tail.isspace():
        return None
    if len(el) > 3:
        return None
    if not _GLUE_LABEL.match(_label_text(el)):
        return None
    if _hidden(nxt):
        return None
    value = (_text_of(nxt, _MAX_GLUE_VALUE + 200) or "").strip()
    if not value or len(value) > _MAX_GLUE_VALUE or value.endswith(":"):
        return None
    for d in nxt.iterdescendants():
        if d.tag in _NOT_IN_VALUE:
            return None
    return nxt


# Microformat classes of contact fields (hCard, h-card, adr).
_MF_CLASSES = frozenset({"fn", "org", "adr", "street-address", "extended-address", "locality",
                         "region", "postal-code", "country-name", "tel", "email", "url", "p-name",
                         "p-org", "p-street-address", "p-locality", "p-region", "p-postal-code",
                         "p-country-name", "p-tel", "u-email", "u-url", "post-office-box"})


def _is_field(el) -> bool:
    """A microdata or microformat field (itemprop, hCard classes): written on
    its own source line, it is a line of its own (an address in spans)."""
    if el.get("itemprop") is not None:
        return True
    cls = el.get("class")
    return bool(cls) and not _MF_CLASSES.isdisjoint(cls.split())


def _display(el) -> str | None:
    """'block' or 'inline' when an inline style says so, else None."""
    style = el.get("style")
    if not style or "display" not in style:
        return None
    m = _STYLE_DISPLAY.search(style)
    if not m:
        return None
    return "inline" if m.group(1).lower() == "inline" else "block"


_STYLE_DISPLAY = re.compile(r"display\s*:\s*([a-z-]+)", re.IGNORECASE)


# Containers whose inline children may form a pair or a stack (see _span_group).
_GROUP_TAGS = frozenset({"span", "div", "p", "li", "address", "section", "header", "footer",
                         "article", "aside", "main", "figure", "blockquote", "center", "form",
                         "fieldset"})

# End-of-element actions.
(_E_NONE, _E_BREAK, _E_HEAD, _E_CELL, _E_ROW, _E_DT, _E_DD, _E_PRE, _E_DL, _E_TABLE, _E_GLUE,
 _E_UNGLUE, _E_FIELD) = range(13)


# libxml2 keeps 2048 levels of nesting and drops what is deeper; a tree that
# deep is hostile or broken, and the tag stripper reads it instead.
_MAX_DEPTH = 2000


class _TooDeep(Exception):
    pass


# Start-tag kinds: one dict look-up picks the branch of the walk (was a chain of tests).
(_K_INLINE, _K_CELL, _K_TR, _K_HEAD, _K_CAPTION, _K_DT, _K_DD, _K_BR, _K_PRE, _K_DL, _K_LIST,
 _K_TABLE, _K_BREAK) = range(13)
_KIND = {t: _K_BREAK for t in _BREAKS}
_KIND.update({t: _K_LIST for t in ("ul", "ol", "li", "dir", "menu")})
_KIND.update({t: _K_HEAD for t in _HEADINGS})
_KIND.update(td=_K_CELL, th=_K_CELL, tr=_K_TR, caption=_K_CAPTION, dt=_K_DT, dd=_K_DD, br=_K_BR,
             pre=_K_PRE, dl=_K_DL, table=_K_TABLE)

# Tags `_open` does more with than add their text (any other tag is a plain inline element
# unless it has a role or is a microdata/microformat field).
_OPENS = frozenset(_KIND) | _LABEL_BLOCKS | _GROUP_TAGS

# Block tags whose start is only a break (the `_K_BREAK` and `_K_LIST` kinds; not the
# `Label:` block candidates) and the list tags among them (inside a cell, a list item
# break that may join).
_LIST_TAGS = frozenset(t for t, k in _KIND.items() if k == _K_LIST)
_BLOCK_BREAKS = frozenset(t for t, k in _KIND.items() if k in (_K_BREAK, _K_LIST)) - _LABEL_BLOCKS

# Shared end actions (tuples are never changed): no allocation for the common elements.
_END_NONE = (_E_NONE,)
_END_BREAK = {k: (_E_BREAK, k) for k in (_LI, _BLOCK, _PARA)}


def _render(root) -> list[_Line]:
    """The lines of a parsed page, in one walk over its elements.

    Kept cheap per element (a page walks hundreds): the walk steps from an
    element to its first child and to its next sibling (no iterator objects);
    an element without children (most links, `<br>`) is opened and ended in
    one step; attributes are read only when `el.keys()` shows the element has
    them; plain inline elements and plain blocks are handled in the loop, the
    rest by `_open` (one dict look-up of the tag picks the branch) and
    `_close`; shared end actions are constant tuples."""
    stack: list[_Buf] = [_Buf()]
    rows: list = []           # open rows (lists of cells); None marks the start of a table
    tables: list[list] = []   # per open table: [a one-cell header row waiting for the next row]
    roles: dict = {}          # element -> "cell" | "block" | "value" (span groups, glued fields)
    opened: list[tuple] = []  # (element, end action) of the elements whose children are walked
    el = root
    while el is not None:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            # not shown: a skipped element, or a comment, processing instruction (BeautifulSoup
            # trees keep them) or entity reference; the text after it is page text
            action = None
        else:
            keys = el.keys()
            if keys and not _HIDE_ATTRS.isdisjoint(keys) and _hidden(el):
                action = None
            else:
                if (tag not in _OPENS and not (roles and el in roles)
                        and not (keys and tag in _INLINE_KIDS and not _FIELD_ATTRS.isdisjoint(keys))):
                    # a plain inline element (a link, <em>, <sup>): only its text
                    action = _END_NONE
                    text = el.text
                    if text:
                        stack[-1].text(text)
                elif (tag in _BLOCK_BREAKS and not (roles and el in roles)
                        and (tag not in _GROUP_TAGS or len(el) < 2)):
                    # a plain block (a list item, a section): a break before and after
                    k = _LI if tag in _LIST_TAGS and len(stack) > 1 else _BREAKS[tag]
                    action = _END_BREAK[k]
                    buf = stack[-1]
                    buf.brk(k)
                    text = el.text
                    if text:
                        buf.text(text)
                else:
                    action = _open(el, tag, keys, stack, rows, tables, roles)
                if len(el):
                    opened.append((el, action))
                    if len(opened) >= _MAX_DEPTH and any(
                            isinstance(k.tag, str) or k.tag is etree.Entity for k in el):
                        raise _TooDeep()
                    el = el[0]
                    continue
        # el has ended (it has no children, or its last child has ended): its end and its
        # tail, then the next sibling, or else the end of the parent
        while True:
            if action is not None and action is not _END_NONE:
                if action[0] == _E_BREAK:   # a block's end (most ends): only the break
                    stack[-1].brk(action[1])
                else:
                    _close(el, action, stack, rows, tables)
            tail = el.tail
            if tail:
                stack[-1].text(tail)
            if not opened:   # the root: its siblings (top-level PIs, comments) are not walked
                el = None
                break
            nxt = el.getnext()
            if nxt is not None:
                el = nxt
                break
            el, action = opened.pop()
    while len(stack) > 1:  # unbalanced (should not happen): keep the text
        lines = stack.pop().finish()
        stack[-1].put(lines)
    return stack[0].finish()


def _open(el, tag, keys, stack, rows, tables, roles) -> tuple:
    """Start a shown element: breaks, cells, rows, headings; its own text.
    Returns the action for its end (`_close`)."""
    buf = stack[-1]
    role = roles.pop(el, None) if roles else None
    if role is None and tag in _LABEL_BLOCKS:
        if "style" in keys:
            disp = _display(el)
            if disp == "inline" and tag in _BREAKS:
                role = "inline"
            elif disp == "block" and tag not in _BREAKS:
                role = "block"
        if tag != "span" or role == "block":
            nxt = _glue_pair(el)
            if nxt is not None:
                role = "label"
                roles[nxt] = "value"
    if role is not None and role != "cell" and role != "block":
        if role == "label":
            buf.brk(_BREAKS.get(tag, _BLOCK))
            action = (_E_GLUE,)
        elif role == "value":
            action = (_E_UNGLUE, _BREAKS.get(tag, _BLOCK))
        else:   # "inline"
            action = _END_NONE
        text = el.text
        if text:
            buf.text(text)
        return action
    if role is None and keys and tag in _INLINE_KIDS and not _FIELD_ATTRS.isdisjoint(keys) and _is_field(el):
        prev = el.getprevious()
        before = el.getparent().text if prev is None else prev.tail
        if prev is not None and (before is None or before.isspace()) and (
                before and "\n" in before or _BREAKS.get(prev.tag)):
            buf.brk(_BLOCK)
        tail = el.tail
        lead = tail[:len(tail) - len(tail.lstrip())] if tail else ""
        text = el.text
        if text:
            buf.text(text)
        return (_E_FIELD, "\n" in lead)
    kind = _KIND.get(tag, _K_INLINE)
    if tag in _GROUP_TAGS and len(el) >= 2:
        group = _span_group(el)
        if group == "pair":
            for k in el:
                roles[k] = "cell"
            if kind != _K_CELL:
                kind = _K_TR
        elif group == "stack":
            for k in el:
                if k.tag in _INLINE_KIDS:
                    roles[k] = "block"
    if role == "cell":
        kind = _K_CELL
    elif role == "block" and kind == _K_INLINE:
        kind = _K_BREAK
    if kind == _K_INLINE:
        action = _END_NONE
    elif kind == _K_BREAK:
        k = _BREAKS.get(tag, _BLOCK)
        action = _END_BREAK[k]
        buf.brk(k)
    elif kind == _K_LIST:
        k = _LI if len(stack) > 1 else _BREAKS[tag]   # inside a cell: list items may join
        action = _END_BREAK[k]
        buf.brk(k)
    elif kind == _K_CELL:
        cell = _Cell(tag == "th")
        stack.append(cell.buf)
        action = (_E_CELL, cell)
        buf = cell.buf
    elif kind == _K_TR:
        buf.brk(_BLOCK)
        rows.append([])
        action = (_E_ROW,)
    elif kind == _K_HEAD:
        buf.brk(_PARA)
        action = (_E_HEAD, buf.level)
        buf.level = _HEADINGS[tag]
        for b in stack:
            b.nested = True
    elif kind == _K_TABLE:
        buf.nested = True
        for b in stack:
            b.nested = True
        tables.append([None])
        rows.append(None)
        action = (_E_TABLE,)
        buf.brk(_PARA)
    elif kind == _K_BR:
        buf.brk(_BLOCK)
        action = _END_NONE
    elif kind == _K_CAPTION:
        buf.brk(_BLOCK)
        action = (_E_HEAD, buf.level)
        buf.level = 0
    elif kind == _K_DT or kind == _K_DD:
        cell = _Cell(False)
        stack.append(cell.buf)
        action = (_E_DT if kind == _K_DT else _E_DD, cell)
        buf = cell.buf
    elif kind == _K_PRE:
        buf.brk(_PARA)
        buf.pre += 1
        action = (_E_PRE,)
    else:   # _K_DL
        buf.brk(_PARA)
        action = (_E_DL,)
    text = el.text
    if text:
        buf.text(text)
    return action


def _close(el, action: tuple, stack, rows, tables) -> None:
    """End an element: the action `_open` returned for it."""
    code = action[0]
    if code == _E_BREAK:
        stack[-1].brk(action[1])
    elif code == _E_CELL:
        cell = action[1]
        cell.lines = cell.buf.finish()
        stack.pop()
        if rows and rows[-1] is not None:
            rows[-1].append(cell)
        else:
            stack[-1].put(cell.lines)
    elif code == _E_ROW:
        cells = (rows.pop() if rows else None) or []
        lines, kind, continued = _row_lines(cells)
        buf = stack[-1]
        waiting = tables[-1] if tables and el.tag == "tr" else None
        if waiting is not None and waiting[0] is not None and kind != _R_EMPTY:
            header, waiting[0] = waiting[0], None
            if kind == _R_DATA:   # a group header over label/value rows: `Area |`
                h = header[0]
                header = [_Line(h.text + " |", h.level, h.before, len(h.text))]
            buf.put(header)
        if waiting is not None and kind == _R_HEADER:
            waiting[0] = lines
        else:
            _put_row(buf, lines, continued)
    elif code == _E_TABLE:
        while rows and rows.pop() is not None:   # up to this table's marker
            pass
        waiting = tables.pop() if tables else [None]
        if waiting[0] is not None:
            stack[-1].put(waiting[0])
        stack[-1].brk(_PARA)
    elif code == _E_GLUE:
        buf = stack[-1]
        buf.parts.append(" ")
        buf.glue = True
    elif code == _E_FIELD:
        if action[1]:
            stack[-1].brk(_BLOCK)
    elif code == _E_UNGLUE:
        buf = stack[-1]
        buf.glue = False
        buf.brk(action[1])
    elif code == _E_HEAD:
        buf = stack[-1]
        buf.brk(_PARA)
        buf.level = action[1]
    elif code == _E_DT:
        cell = action[1]
        stack.pop()
        parent = stack[-1]
        lines = cell.buf.finish()
        if parent.pending_dt is not None:
            parent.flush_dt()
        if lines:
            parent.brk(_BLOCK)
            parent.pending_dt = [_Line(" ".join(l.text for l in _join_list_items(lines)),
                                       None, _BLOCK)]
    elif code == _E_DD:
        cell = action[1]
        stack.pop()
        parent = stack[-1]
        cell.lines = cell.buf.finish()
        term, parent.pending_dt = parent.pending_dt, None
        if term is not None:
            label = _Cell(False)
            label.lines = term
            lines, _, continued = _row_lines([label, cell])
            _put_row(parent, lines, continued)
        else:
            parent.put(cell.lines)
    elif code == _E_PRE:
        stack[-1].brk(_PARA)
        stack[-1].pre -= 1
    elif code == _E_DL:
        buf = stack[-1]
        if buf.pending_dt is not None:
            buf.flush_dt()
        buf.brk(_PARA)


# Plain etree elements (no lxml.html element classes: their lookup costs a third of the walk).
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)


# `</html>` (and `</body>`, which libxml2 turns into it): libxml2 drops everything after
# it, where browsers keep it in the body. Both end tags are optional: they are removed.
_END_ROOT = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)
# `</br>`: browsers break the line there, libxml2 ignores it.
_END_BR = re.compile(rb"</br\s*>", re.IGNORECASE)
# `<html ... />`: libxml2 closes the document there and drops the rest.
_SELF_CLOSED_ROOT = re.compile(rb"<(html|head|body)\b([^<>]*?)\s*/>", re.IGNORECASE)


# Every end tag the repairs below look at, found in one scan: `_END_ROOT` needs a
# `</html` or `</body` (any case) to match, the `</br>` repair is tried when `</br` or
# `</BR` is there.
_END_TAGS = re.compile(rb"</(html|body|br)", re.IGNORECASE)


def _prepare(html: str) -> bytes:
    """The bytes lxml parses: UTF-8, NULs dropped, the root repairs above."""
    data = html.encode("utf-8", "replace")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    if b"/>" in data[:8192]:
        data = _SELF_CLOSED_ROOT.sub(rb"<\1\2>", data, count=3)
    first_root, end_br = -1, False
    for m in _END_TAGS.finditer(data):
        name = m.group(1)
        if name == b"br" or name == b"BR":
            end_br = True
        elif first_root < 0 and name.lower() != b"br":
            first_root = m.start()
    if first_root >= 0:   # no `_END_ROOT` match starts before the first `</html` / `</body`
        n = len(data)
        data = data[:first_root] + _END_ROOT.sub(b"", data[first_root:])
        if len(data) != n and not end_br:   # bytes around a removed tag may now read `</br`
            rest = data[max(first_root - 3, 0):]
            end_br = b"</br" in rest or b"</BR" in rest
    if end_br:
        data = _END_BR.sub(b"<br>", data)
    return data


def _parse(html: str):
    return etree.fromstring(_prepare(html), _PARSER)


def _lost_markup(root, html: str) -> bool:
    """Did lxml drop most of the document (markup it could not follow)?"""
    tags = html.count("<")
    if tags < 40:
        return False
    n = 0
    for _ in root.iter():
        n += 1
        if n * 20 >= tags:
            return False
    return True


def _soup_parse(html: str):
    """BeautifulSoup (html.parser) into an lxml tree: slower, but follows markup lxml gives up on."""
    import warnings

    from bs4 import XMLParsedAsHTMLWarning
    from lxml.html import soupparser
    with warnings.catch_warnings():  # an XHTML page read as HTML is what we want here
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return soupparser.fromstring(html.replace("\x00", ""))


def _assemble(lines: list[_Line]) -> tuple[str, list[tuple[int, int, int]]]:
    parts: list[str] = []
    headings: list[tuple[int, int, int]] = []
    pos = 0
    for i, line in enumerate(lines):
        if i:
            sep = "\n\n" if line.before >= _PARA else "\n"
            parts.append(sep)
            pos += len(sep)
        if line.level is not None:
            headings.append((line.level, pos, pos + (len(line.text) if line.hlen is None else line.hlen)))
        parts.append(line.text)
        pos += len(line.text)
    return "".join(parts), headings


_BREAK_TAGS = re.compile(r"(?i)^</?(br|p|div|li|tr|h[1-6]|table|ul|ol|dl|dt|dd|section|article|header|footer)\b")


def _strip_tags(html: str) -> str:
    """Last resort, linear in the input: drop tags, comments, scripts and
    styles; keep the text; decode entities. An unterminated comment or script
    runs to the end; an unterminated tag is text.

    >>> _strip_tags("<p>a<!-- x --><script>y</script>b<br>c</p><b")
    'ab\\nc\\n<b'
    """
    low = html.lower()
    out: list[str] = []
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        gt = html.find(">", lt + 1)
        if gt < 0:
            out.append(html[lt:])
            break
        nxt = html.find("<", lt + 1)
        if 0 <= nxt < gt:            # `<` that opens no tag: text
            out.append("<")
            pos = lt + 1
            continue
        tag = low[lt:gt + 1]
        for name in ("script", "style"):
            if tag.startswith("<" + name):
                close = low.find("</" + name, gt)
                gt = n - 1 if close < 0 else max(gt, low.find(">", close) if low.find(">", close) >= 0 else n - 1)
                break
        if _BREAK_TAGS.match(tag):
            out.append("\n")
        pos = gt + 1
    text = _htmllib.unescape("".join(out))
    lines = (_clean_line(l) for l in text.split("\n"))
    return "\n".join(l for l in lines if l)


_WELLFORMED_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,2000}>")


def _worth_soup(html: str, root) -> bool:
    """BeautifulSoup is slow on junk: try it only on markup that is mostly real
    tags, and not for a tree lxml cut at its nesting limit."""
    if len(html) > 5_000_000:
        return False
    tags = html.count("<")
    if not tags or len(_WELLFORMED_TAG.findall(html)) < 0.5 * tags:
        return False
    if root is not None:
        last = None
        for last in root.iter():
            pass
        if last is not None and sum(1 for _ in last.iterancestors()) >= _MAX_DEPTH:
            return False
    return True


def html_to_text_with_headings(html: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The page text and its headings as (level, start, end) offsets into it.

    >>> html_to_text_with_headings("<h1>IOM in Belarus</h1><p>Since 1994.</p>")
    ('IOM in Belarus\\n\\nSince 1994.', [(1, 0, 14)])
    """
    text, headings, _ = read_html(html)
    return text, headings


def read_html(html: str) -> tuple[str, list[tuple[int, int, int]], str]:
    """Text, headings and how the markup was read, for QA: "lxml" (the fast
    path), "soup" (markup lxml could not follow, repaired by BeautifulSoup) or
    "stripped" (no usable tree, or one too deep: tags dropped, layout lost).

    >>> read_html("<p>Since 1994.</p>")[2]
    'lxml'
    """
    if not html or html.isspace():
        return "", [], "lxml"
    root = None
    how = "lxml"
    try:
        root = _parse(html)
    except Exception:
        root = None
    if (root is None or _lost_markup(root, html)) and _worth_soup(html, root):
        try:
            root = _soup_parse(html)
            how = "soup"
        except Exception:
            pass
    if root is None:
        return _strip_tags(html), [], "stripped"
    try:
        text, headings = _assemble(_render(root))
        return text, headings, how
    except _TooDeep:
        return _strip_tags(html), [], "stripped"
    except Exception:  # defensive: never lose the page for a walker bug
        return _strip_tags(html), [], "stripped"


def html_to_text(html: str) -> str:
    """The page text of an HTML document (see the module docstring)."""
    return html_to_text_with_headings(html)[0]


_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|table|p|span|ul|ol|li|h[1-6]|br|meta|title|a\s|section|article"
    r"|main|header|footer|nav|dl|form|img|strong|b|em|i|font|center)\b",
    re.IGNORECASE)
_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Does this text look like markup (for input without a telling file name)?
    A document (doctype, html, head or body tag near the top), a fragment that
    starts with a known tag, or text dense with known tags. A plain-text page
    with a stray `<br>` stays text: rendering it as HTML would fold its lines.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("Area: 10 km < 20 km")
    (True, False)
    >>> looks_like_html("<table class='infobox'><tr><td>a</td></tr></table>")
    True
    >>> looks_like_html("Population: 5 million<br>\\nArea: 10 km sq\\nCurrency: Leu")
    False
    """
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if "<" not in head:
        return False
    if _DOCUMENT.search(head[:2048]):
        return True
    if head.startswith("<") and _HTML_START.match(head):
        return True
    return len(_HTML_START.findall(head)) >= 5
