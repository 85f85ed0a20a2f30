"""Page text -> escaped HTML with every span highlighted.

Spans may nest or cross (an event date inside a contact line, a finding on a
contact), so the text is cut at every span boundary and each piece becomes one
element listing every record that covers it (`data-r`), with one class per
kind present and a `p-<kind>` class for the innermost record, whose colour
shows. Every piece of text goes through `escape`: nothing from the page is
ever markup (`html.escape`, quotes included).

>>> str(mark_text("a<b> c", [Mark(0, 4, "fact", "r1")]))
'<span class="anc" id="h-r1"></span><span class="hl k-fact p-fact" data-r="r1">a&lt;b&gt;</span> c'
"""
from __future__ import annotations

from dataclasses import dataclass

from html import escape as _esc

from markupsafe import Markup

# kinds that are records (background colour); the rest are findings (underlines)
RECORD_CLASSES = ("fact", "event", "contact", "story")
# kinds whose table row's `at` link scrolls to an anchor: every kind, so a findings
# row's link lands on its line too (the page's own fields are outlined, no background)
ANCHORED = RECORD_CLASSES + ("page", "left", "finding")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str   # fact | event | contact | story | page (title, update stamp) | left (unparsed line) | finding
    ref: str    # record_id: the element id of its table row is rec-<ref>


def clamp(marks: list[Mark], n: int) -> tuple[list[Mark], list[Mark]]:
    """(usable marks inside [0, n) with positive length, marks that cannot be shown)."""
    ok, bad = [], []
    for m in marks:
        if m.start is None or m.end is None or not 0 <= m.start < m.end <= n:
            bad.append(m)
        else:
            ok.append(m)
    return ok, bad


def mark_text(text: str, marks: list[Mark]) -> Markup:
    """Escaped HTML of `text` with every mark highlighted (see module doc)."""
    marks, _ = clamp(marks, len(text))
    if not marks:
        return Markup(_esc(text))
    opens: dict[int, list[Mark]] = {}
    closes: dict[int, list[Mark]] = {}
    for m in marks:
        opens.setdefault(m.start, []).append(m)
        closes.setdefault(m.end, []).append(m)
    bounds = sorted(set(opens) | set(closes) | {0, len(text)})
    active: dict[Mark, None] = {}
    out: list[str] = []
    for i, b in enumerate(bounds[:-1]):
        for m in closes.get(b, ()):
            active.pop(m, None)
        for m in opens.get(b, ()):
            active[m] = None
            if m.kind in ANCHORED:
                out.append(f'<span class="anc" id="h-{_esc(m.ref)}"></span>')
        piece = _esc(text[b:bounds[i + 1]])
        if not active:
            out.append(piece)
            continue
        recs = [m for m in active if m.kind in RECORD_CLASSES]
        classes = ["hl"]
        for kind in dict.fromkeys(m.kind for m in active):
            classes.append(f"k-{kind}")
        if recs:
            inner = min(recs, key=lambda m: (m.end - m.start, -m.start))
            classes.append(f"p-{inner.kind}")
            if len({m.kind for m in recs}) > 1:
                classes.append("multi")
        refs = " ".join(dict.fromkeys(m.ref for m in active))
        out.append(f'<span class="{" ".join(classes)}" data-r="{_esc(refs)}">{piece}</span>')
    return Markup("".join(out))
