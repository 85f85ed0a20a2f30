"""What the pipeline reports as left over: structured-looking lines that no record
and no page field came from. Test pages are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract import extract_page


class Case(NamedTuple):
    name: str
    text: str
    left: list[str]          # the lines reported as `unparsed_line`, in order


CASES = [
    Case("the update stamp went to pages: not left over",
         "IOM in Ruritania\nUpdated: May 2019\n\nPopulation (2018): 4.1 million\n"
         "Note: see the annex below for more\n",
         ["Note: see the annex below for more"]),
    Case("a stamp in another language",
         "Büro in Ruritanien\nStand: März 2024\n\nBevölkerung (2018): 4,1 Millionen\n"
         "Note: see the annex below for more\n",
         ["Note: see the annex below for more"]),
    Case("no stamp: the odd line is still reported",
         "IOM in Ruritania\n\nPopulation (2018): 4.1 million\nNote: see the annex below for more\n",
         ["Note: see the annex below for more"]),
    Case("a line that names an update but is not the stamp stays left over",
         "IOM in Ruritania\nUpdated: May 2019\n\nPopulation (2018): 4.1 million\n"
         "Note: updated when the annex below changes\n",
         ["Note: updated when the annex below changes"]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_left_over_lines(case):
    pr = extract_page(case.text.encode(), "ruritania.txt")
    left = [f.span.snippet(pr.text) for f in pr.findings if f.code == "unparsed_line"]
    assert left == case.left
    assert pr.facts                                   # the page did give records
    n_structured = len(case.left) + 1 + (pr.info.updated is not None)
    assert pr.coverage == pytest.approx(1 - len(case.left) / n_structured)
