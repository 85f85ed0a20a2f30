"""Fast paths of the facts stage agree with the slow forms they replace.

Each speed-up of extract/facts.py and parse/ that swaps a computation for a
cheaper one keeps the old form here as the reference, and a table of shapes
plus hypothesis-generated strings checks both give the same answer."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract import facts as F
from profile_extract.parse import codes

# --- decimal_comma_page: one scan at the separators ---------------------------

_NUM_RUN = re.compile(r"\d[\d,.]*")
_COMMA_DECIMAL_RUN = re.compile(r"\d{1,3},\d{1,2}(?![\d,])")
_DOT_DECIMAL_RUN = re.compile(r"\d{1,3}\.\d{1,2}(?![\d.])")


def _decimal_counts_slow(text: str) -> tuple[int, int]:
    """The former count: walk every run of digits, commas and dots."""
    comma = dot = 0
    for m in _NUM_RUN.finditer(text):
        s = m.start()
        if s and text[s - 1] in ",.":
            continue
        g = m.group()
        if len(g) < 3:
            continue
        if _COMMA_DECIMAL_RUN.match(g):
            comma += 1
        elif _DOT_DECIMAL_RUN.match(g):
            dot += 1
    return comma, dot


# the former scan: one pattern for both separators (a class first, which re scans for slowly)
_DECIMAL_AT_SEP = re.compile(
    r"([,.])(?=\d)(?:(?<=(?<![\d,.])\d[,.])|(?<=(?<![\d,.])\d\d[,.])|(?<=(?<![\d,.])\d\d\d[,.]))"
    r"(?:(?<=,)\d{1,2}(?![\d,])|(?<=\.)\d{1,2}(?![\d.]))")


def _decimal_counts_joint(text: str) -> tuple[int, int]:
    seps = _DECIMAL_AT_SEP.findall(text)
    return seps.count(","), len(seps) - seps.count(",")


def _decimal_counts_fast(text: str) -> tuple[int, int]:
    return F._decimal_counts(text)


DECIMAL_SHAPES = ["Einwohner: 150.000", "Area: 1.5 km2; 14.110 ha", "Quote: 12,5 %; Fläche 3,2 km2; 2.5 mm",
                  "Population: 3,68,71,477", "1,5.2", "12.5,3", "1234,5", ".5", ",12", "0,25 and 0.25",
                  "1.234.567,89", "v2.10.3", "٣,٥", "12,50,000", "3.14159", "7,1", "a1,2b", "1,2,3", "99.9%"]


@pytest.mark.parametrize("text", DECIMAL_SHAPES)
def test_decimal_counts_table(text):
    assert _decimal_counts_fast(text) == _decimal_counts_slow(text) == _decimal_counts_joint(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789,.٣ a\n", max_size=24))
def test_decimal_counts_any(text):
    assert _decimal_counts_fast(text) == _decimal_counts_slow(text) == _decimal_counts_joint(text)


# --- CURRENCY_SYMBOL_RE: every alternative starts with a literal ----------------------

_SYMBOLS_SLOW = re.compile("|".join((r"(?<![A-Za-z])" if s[0].isalpha() else "") + re.escape(s)
                                    for s in sorted(codes._SYMBOLS, key=len, reverse=True)))


def _spans(rx, text):
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


@pytest.mark.parametrize("text", ["US$ 5", "USD 5", "AUS$ 3", "Rs. 400", "Rs 40", "CHF 12", "xCHF", "NZ$4",
                                  "HK$ 1", "aHK$ 1", "12 €", "£3", "R$ 5", "BRs 5", "U.S.$ 9", "₹ 7 ৳"])
def test_currency_symbols_table(text):
    assert _spans(codes.CURRENCY_SYMBOL_RE, text) == _spans(_SYMBOLS_SLOW, text)
    for p in range(len(text) + 1):
        a, b = codes.CURRENCY_SYMBOL_RE.match(text, p), _SYMBOLS_SLOW.match(text, p)
        assert (a and a.span()) == (b and b.span())


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="USRsCHFNZKAa.$€£₹ 1x", max_size=14), st.integers(0, 14))
def test_currency_symbols_any(text, pos):
    assert _spans(codes.CURRENCY_SYMBOL_RE, text) == _spans(_SYMBOLS_SLOW, text)
    a, b = codes.CURRENCY_SYMBOL_RE.match(text, pos), _SYMBOLS_SLOW.match(text, pos)
    assert (a and a.span()) == (b and b.span())


# --- _AS_OF_HEAD is only asked about lines that end with a year ------------------------

@pytest.mark.parametrize("line", ["Key Facts (March 2019)", "Facts and Figures: February 2016", "Data 2020",
                                  "Statistics - 3 May 2001", "Key figures (2019)", "Key Facts (March 2019) x",
                                  "Data 20201", "Figures ٢٠١٩"])
def test_as_of_head_needs_a_year_at_the_end(line):
    if F._AS_OF_HEAD.match(line):
        assert F._ends_with_year(line)


@settings(max_examples=2000, deadline=None)
@given(st.from_regex(r"[A-Z][a-z]{2,9}(?: [a-z]{2,6})?[ :(,–-]{1,2}(?:\d{1,2} )?(?:March |Feb\.? )?[12٢]\d\d[\d٩]\)?[ x)]?",
                     fullmatch=True))
def test_as_of_head_prefilter_any(line):
    if F._AS_OF_HEAD.match(line):
        assert F._ends_with_year(line)


# --- find_numbers: plain digits without to_float, a first test at each position --------

from profile_extract.parse import numbers as N  # noqa: E402

# the pattern without its two first tests (a sign or digit; the first letter of a scale word)
_NUM_SLOW = re.compile(re.sub(r"\(\?=\\s\?\[[^\]]*\]\)", "", N._NUM[N._NUM.index("(?<!"):], count=1),
                       re.IGNORECASE)
assert "(?=" not in _NUM_SLOW.pattern.split("(?P<sp>")[0][-20:]


def _find_numbers_slow(text, money=False, decimal_comma=False):
    """The former loop: to_float for every number, the pattern without its first test."""
    out = []
    for m in _NUM_SLOW.finditer(text):
        sign, int_part, sep, dec, scale_word = m.group("sign", "int", "sep", "dec", "scale")
        try:
            value = N.to_float(int_part, dec, sep, decimal_comma)
        except ValueError:
            continue
        if sign:
            value = -value
        scale = 1.0
        end = m.end()
        if scale_word:
            scale = N.SCALE_WORDS[" ".join(scale_word.lower().split())]
        elif money:
            ms = N._MONEY_SCALE_RE.match(text, m.end("dec") if dec else m.end("int"))
            if ms and ms.start(1) - (m.end("dec") if dec else m.end("int")) <= 1:
                scale = N.MONEY_SCALE_WORDS[ms.group(1).lower()]
                end = ms.end()
        if not scale_word and scale == 1.0:
            end = m.end("dec") if dec else m.end("int")
        value *= scale
        start = m.start("sign") if sign else m.start("int")
        out.append(N.Number(value, start, end, text[start:end], scale,
                            grouped=sep is not None or ("," in int_part and bool(N._INDIAN.match(int_part))),
                            decimal=bool(dec) or (sep == "." and int_part.count(".") == 1 and not decimal_comma)))
    return out


NUMBER_SHAPES = ["-7.9 migrants/1,000 population", "54.0 million", "USD 5,834 million", "19,95,81,477",
                 "1 234,5", "$4.9m", "3bn and 5k", "1'234'567 and 1\u2009234 and -3.5", "150.000", "1,250 млн",
                 "12 – 15", "x–3", "(−4.5)", "٣٤٥ and ١٢", "6 lakh crore", "0,2", "2.5 Mio.", "1.234.567,89"]


@pytest.mark.parametrize("text", NUMBER_SHAPES)
@pytest.mark.parametrize("money,dc", [(False, False), (True, False), (False, True), (True, True)])
def test_find_numbers_table(text, money, dc):
    assert N.find_numbers(text, money, dc) == _find_numbers_slow(text, money, dc)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789,. -−–‒'’%)]\u00a0\u2009ax٣") +
                                ["million", "mn", "m", "bn", "k", "lakh crore", "тыс", "Mio."]), max_size=14),
       st.booleans(), st.booleans())
def test_find_numbers_any(parts, money, dc):
    text = "".join(parts)
    assert N.find_numbers(text, money, dc) == _find_numbers_slow(text, money, dc)


# --- small guards in front of patterns ------------------------------------------------

GUARD_SHAPES = ["© 2020 Example", "(c) 2019", "(C)2019 x", "Copyright Example", "COPYRIGHT", "All Rights Reserved",
                "all rights reserved.", "copyrıght", "Photo: Name", "9,500,000", "5°33′N 0°12′W",
                "27 30 N, 30 00 E", "12.5 °N", "19:30", "9.30 am", "Accra 5°33′N", "USD 1.9 billion in 2022",
                "3.2% (2023 est.)", "12 (1999)", "9.5 million", "4,000 2019", "in 2012", "(July 2018 est.)",
                "Russian, English (both official)", "National rouble (AMD)", "12 (est.) in 2019", "(x) 2019 est.",
                "5 (a) (b), 2020", "(2020) text"]


@pytest.mark.parametrize("text", GUARD_SHAPES)
def test_guards_table(text):
    assert F._copyright(text) == (F._COPYRIGHT.search(text) is not None)
    assert ((text[0].isdigit() and F._TIME.match(text) is not None)
            or (("°" in text or "N," in text or "S," in text) and F._COORD.search(text) is not None)) \
        == bool(F._TIME.match(text) or F._COORD.search(text))
    for start in range(len(text) + 1):
        slow = _value_period_slow(text, start)
        fast = F._value_period(text, N.Number(1.0, 0, start, text[:start]) if start else None)
        assert fast == slow


def _value_period_slow(text, start):
    """_value_period without its tests for a bracket and a year in the tail."""
    from dataclasses import replace
    for m in F._PAREN.finditer(text, start):
        p = F.find_period(m.group(1))
        if p is not None:
            return replace(p, qualifier=p.qualifier or F._census(m.group(1)), start=m.start(), end=m.end())
    m = F._TAIL_PERIOD.search(text, max(start, len(text) - 48))
    if m:
        p = F.find_period(m.group(1))
        if p is not None:
            return replace(p, start=m.start(1), end=m.end(1))
    return None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["©", "(c)", "(C)", "copy", "right", "py", "Reserved", "all", " ", "rights",
                                 "ı", "ſ", "2019", "est.", "(", ")", "°", "N,", "S,", "5", ":", "30", "in",
                                 "July", "FY", "1,000", "."]), max_size=10))
def test_guards_any(parts):
    text = "".join(parts)
    assert F._copyright(text) == (F._COPYRIGHT.search(text) is not None)
    if text:
        assert ((text[0].isdigit() and F._TIME.match(text) is not None)
                or (("°" in text or "N," in text or "S," in text) and F._COORD.search(text) is not None)) \
            == bool(F._TIME.match(text) or F._COORD.search(text))
    for start in (0, len(text) // 2):
        fast = F._value_period(text, N.Number(1.0, 0, start, text[:start]) if start else None)
        assert fast == _value_period_slow(text, start)


# --- unit_after and currency_at: cached by the value's tail ----------------------------

from profile_extract.parse import units as U  # noqa: E402

TAIL_SHAPES = ["54.0 million", "USD 5,834 million", "-7.9 migrants/1,000 population", "22.6%", "488,126 km sq",
               "4,884 US$", "12 EUR", "12EUR", "aEUR", "3 US dollars", "12 km", "56 in (142 cm)", "3932 Sq. KMs.",
               "667 per sq. kms.", "20.5/km2 (53.1/sq mi)", "85.5 %", "17.50 births per 1,000 inhabitants",
               "1.03 M / F", "12 in 2015", "2 deaths/100,000 live births", "5 ‰", "9 €", "7 Rs. 3", "xUS$",
               "1,258 million USD", "2 Belarusian roubles", "30 °C", "12 t", "4 kWh"]


def _all_positions(text):
    return range(len(text) + 1)


@pytest.mark.parametrize("text", TAIL_SHAPES)
def test_tail_caches_table(text):
    assert U._TAIL_ONLY and codes._TAIL_ONLY      # the packaged data allows the caches
    for pos in _all_positions(text):
        assert U.unit_after(text, pos) == U._unit_at(text, pos)
        assert codes.currency_at(text, pos) == codes._currency_at(text, pos)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["1", "5,000", " ", "per", "/", "km", "sq", "%", "‰", "USD", "US$", "$", "a", "M",
                                 "million", "dollars", "US", "roubles", "births", "1,000", "population", ".", "²",
                                 "m", "t", "(", "Rs", "€"]), max_size=8), st.integers(0, 30))
def test_tail_caches_any(parts, pos):
    text = "".join(parts)
    pos = min(pos, len(text))
    assert U.unit_after(text, pos) == U._unit_at(text, pos)
    assert codes.currency_at(text, pos) == codes._currency_at(text, pos)


def test_indicator_lookup_memo_follows_merges(tmp_path):
    from profile_extract.parse.indicators import IndicatorTable, _merge
    t = IndicatorTable()
    _merge(t, '[zorks]\naliases = ["Zorks per bushel"]\ndimension = "count"\nexample = "Zorks per bushel: 4"\n', "a")
    assert t.lookup("Zorks per bushel").key == "zorks" and t.lookup("Blips") is None
    _merge(t, '[blips]\naliases = ["Blips"]\ndimension = "count"\nexample = "Blips: 4"\n', "b")
    assert t.lookup("Blips").key == "blips"       # a merge forgets earlier answers


# --- more guards: periods, as-of dates, contact values -----------------------------------

from profile_extract.parse import periods as P  # noqa: E402

PIECES = ["2019", "1998", "2100", "1500", "FY", "2014/15", "–", "-", "20", "July", "Feb.", " ", ",", ".", "(", ")",
          "est.", "census", "3", "14", "a", "+", "@", "www.", "WWW.", "http://", "0", "00", "+375", "17", "/",
          "x@y.org", "1,000", "٢٠١٩", "\n", "May", "3 May"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_more_guards_any(parts):
    text = "".join(parts)
    if P._YEAR_ANY.search(text) is None:
        assert P._PERIOD_RE.search(text) is None
    v = text.strip(" .()")
    if v[-4:-2] not in ("18", "19", "20") and not v.endswith("\n"):
        assert F._AS_OF_VALUE.match(v) is None
    s = text.strip()
    if F._MAIL_OR_URL.match(s):
        assert "@" in s or "://" in s or "www." in s.lower()
    if F._PHONE_VALUE.match(s):
        assert s[:1] in ("+", "0")


# --- skip_kind: the label's answers asked once per spelling --------------------------------

def _skip_kind_slow(rows, label, value):
    """The former skip_kind."""
    clean = F.clean_label(label)[0]
    c = clean.strip().rstrip(".:").strip()
    skip, meta = F._skip_label(c)
    if skip:
        return "skip"
    if meta and (not F._numeric_start(value) or F._CLOCK.match(value)):
        return "skip"
    if F._is_contact_label(c, value):
        return "skip"
    if (F._contact_value(value) or F._MAIL_IN.search(value)) and rows.table.lookup(c) is None \
            and (F._MAIL_IN.search(value) or not F._identifier_label(c)):
        return "skip"
    if F._COPYRIGHT.search(value) or F._COPYRIGHT.search(label):
        return "skip"
    return None


SKIP_LABELS = ["Population (2015)", "Tel.", "Tél", "T", "E", "Web", "Email", "Working hours", "Consular district",
               "Media contact", "Postal code", "FIPS code", "Photo", "Visitors today", "Website", "Area", "Mobil",
               "• Total", "1.", "Step 2", "Anschrift", "Fax:"]
SKIP_VALUES = ["9,500,000", "+41 22 717 9111", "0170 1234567", "press@example.org", "http://example.org",
               "www.example.org", "Mon–Fri 9–13", "41", "© 2025 Example", "1010", "3.4", "", "Geneva",
               "Contact: info@x.org", "00 41 22 717 91 11", "(c) 2019 Name", "All rights reserved"]


@pytest.mark.parametrize("label", SKIP_LABELS)
def test_skip_kind_table(label):
    from profile_extract.ingest.segment import Doc
    rows = F._Rows(Doc.from_text("x"))
    for value in SKIP_VALUES:
        assert rows.skip_kind(label, value) == _skip_kind_slow(rows, label, value), (label, value)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([":", "=", "|", "…", " ", "-", "--", "–", "—", ".", "..", "a", "5"]), max_size=10))
def test_has_sep_any(parts):
    text = "".join(parts)
    assert F._has_sep(text) == (F._SEP_ANY.search(text) is not None)


# --- required words: a text without any of them cannot match ---------------------------

from profile_extract.parse.indicators import label_words, may_match, required_words  # noqa: E402

VOCAB_TEXTS = ["Key Facts", "Facts and Figures", "Mission hosted a conference in Old Harbour", "Data as of",
               "Country profile", "At a glance", "Statistics", "Fact sheet", "Snapshot 2019", "QUICK FACTS",
               "Home", "Follow us on Facebook", "Previous: story", "Value", "Figures", "Indicator", "Males",
               "0-14 years", "Visitors today", "Überblick", "Migration in numbers", "kEY fACTS", "datA"]


@pytest.mark.parametrize("field", ["as_of", "heading_value", "header_value", "nav", "counter", "breakdown",
                                   "sublabel", "junk_value"])
def test_may_match_never_hides_a_match(field):
    rx = getattr(label_words(), field)
    for text in VOCAB_TEXTS:
        for t in (text, text.lower(), text.upper(), text[:6]):
            if rx.match(t):
                assert may_match(rx, t), (field, t)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["key", "facts", "fact", "figures", "data", "as", "of", "and", "&", " ", "sheet",
                                 "at a glance", "profile", "country", "quick", "in numbers", "x", "2019", "Data",
                                 "FACTS", "home", "follow us", "value", "males", "total"]), max_size=6))
def test_may_match_any(parts):
    text = "".join(parts)
    for field in ("as_of", "header_value", "nav", "counter", "breakdown"):
        rx = getattr(label_words(), field)
        if rx.match(text):
            assert may_match(rx, text)


def test_may_match_memo_answers_for_the_pattern_asked(monkeypatch):
    """may_match remembers each pattern's words by id: a pattern that reuses a freed id, or a
    full memo, gets its own words."""
    from profile_extract.parse import indicators as I
    a = re.compile(r"(?:key facts|data)\Z", re.I)
    b = re.compile(r"(?:home|contact)\Z", re.I)
    monkeypatch.setattr(I, "_REQUIRED_BY_ID", {id(b): (a, I._required_rx(a))})    # a stale entry under b's id
    assert may_match(b, "home") and not may_match(b, "key facts")
    assert may_match(a, "key facts") and not may_match(a, "home")
    for i in range(70):                                                          # the memo stays bounded
        may_match(re.compile(rf"(?:word{i}x)\Z"), "text")
    assert len(I._REQUIRED_BY_ID) <= 64
    assert may_match(a, "data") and not may_match(a, "home")


def test_required_words_reads_the_vocabulary():
    assert "facts" in required_words(label_words().as_of)
    assert required_words(re.compile(r"(?:a|b)\d")) is None          # no word of 3+ letters: no shortcut
    assert required_words(re.compile(r"(?:abc|x*)")) is None          # one alternative needs nothing


# --- build_fact: the label's part asked once per spelling (_label_plan) ---------------------

import dataclasses  # noqa: E402
from pathlib import Path  # noqa: E402

from profile_extract import extract_page  # noqa: E402
from profile_extract.records import Fact  # noqa: E402
from profile_extract.spans import Span  # noqa: E402


def _build_fact_slow(row, doc, rows, findings):
    """The former build_fact."""
    from dataclasses import replace
    header = row.group
    label_clean, lperiod, lunit = F.clean_label(row.label)
    if not label_clean:
        return None
    sub = None
    hperiod = None
    if header is not None:
        h_clean, hperiod_l, hunit = F.clean_label(header.label)
        sub = label_clean
        label_text = f"{h_clean} - {label_clean}"
        lunit = lunit or hunit
        hperiod = hperiod_l or (F.parse_period(header.value) if header.value else None)
        if lperiod is None:
            sp = F.parse_period(label_clean)
            if sp is not None:
                lperiod = replace(sp, qualifier=sp.qualifier or F._census(label_clean))
        header_label = h_clean
    else:
        label_text = label_clean
        header_label = None
    ind, dim = F._indicator_for(rows.table, rows.words, label_text, sub, header_label, row.value)
    lrate = F.label_rate(label_text) if dim in (None, "person", "count") else None
    if lrate is not None:
        dim, lunit = lrate, lunit or lrate
    elif dim == "person" and ind is None and F._PER_NUMBER.search(label_text):
        dim = None
    value_text = (F._FOOTNOTE.sub("", row.value) if F._FOOTNOTE_CHAR.search(row.value) else row.value).strip(" |;,")
    value_text = F._WS.sub(" ", value_text)
    ct = F._COORD_TAIL.search(value_text)
    if ct and ct.start() > 0 and F._HAS_LETTER.match(value_text):
        value_text = value_text[:ct.start()]
    if value_text.endswith(".") and not F._ABBREV_END.search(value_text):
        value_text = value_text[:-1]
    dc = rows.decimal_comma if ("." in value_text or "," in value_text) else False
    v = F.parse_value(value_text, dim, lunit, label_text, dc)
    lscale = F._label_scale(row.label) or (F._label_scale(header.label) if header is not None else None)
    if lscale and v.value is not None and v.value_max is None and not F._HAS_SCALE_WORD.search(value_text):
        v.value *= lscale
    if lperiod is None and row.period_text:
        lperiod = F.parse_period(row.period_text)
    period = lperiod or v.period or hperiod
    qualifier = v.qualifier
    if period is not None and period.qualifier:
        qualifier = period.qualifier if qualifier is None else qualifier
    if period is None and hperiod is not None:
        period = hperiod
    if lperiod is None and hperiod is not None and hperiod.qualifier and qualifier is None:
        qualifier = hperiod.qualifier
    codes = F._codes(label_text, value_text, ind, dim)
    span = Span(row.lstart, max(row.vend, row.lend))
    known = ind is not None
    indicator = ind.key if ind else F.slug(label_text)
    if not known:
        findings.append(F.Finding.info("unknown_label", f"fact label not in the indicator table: "
                                       f"{label_text!r} (indicator {indicator!r})", span, rule=row.rule))
    if v.unknown_unit and v.value is not None:
        findings.append(F.Finding.warning("unknown_unit", f"unit {v.unknown_unit!r} is not in the unit "
                                          f"table: {value_text!r}", span, rule=row.rule))
    rule = row.rule + (".group" if header is not None else "")
    return Fact(label=label_text, value_text=value_text, span=span, indicator=indicator,
                value=v.value, unit=v.unit if v.value is not None else None, codes=codes,
                year_start=period.year_start if period else None,
                year_end=period.year_end if period else None,
                value_max=v.value_max, qualifier=qualifier, rank_total=v.rank_total,
                as_of=row.as_of, known_indicator=known, rule=rule)


def test_fact_fields_in_the_order_build_fact_writes_them():
    assert [f.name for f in dataclasses.fields(Fact)] == [
        "label", "value_text", "span", "indicator", "value", "unit", "codes", "year_start", "year_end",
        "value_max", "qualifier", "rank_total", "as_of", "known_indicator", "rule"]


BUILD_SHAPES = ["Population (2015): 9.5 million\nArea: 207,595 km2\nCurrency: Belarussian rouble (BYR)\n",
                "Age structure |\n0-14 years | 15.6%\n• Total | 38,394 km2\nMales- 82.14%\n",
                "Inhabitants: 9.5 million inhabitants\nBeds per 10,000 people: 30\nDeaths per 1,000 population | 9.8\n",
                "Population (thousands): 9,500\nLanguages: Russian, Belarusian (both official)\nZorks: 12 pax\n",
                "Area:\ntotal: 207,600 sq km\nland: 202,900 sq km\nwater: 4,700 sq km\n",
                "GDP (PPP) | 2025 estimate | $1.2 trillion\nPopulation | 2021 census | 777,486\n",
                "Total population: about 9 million people (2020 est.)\nHDI Rank (2014):50 of 188\n"]


def test_build_fact_plan_agrees_with_the_former_build_fact(monkeypatch):
    fast = F.build_fact
    seen = []

    def both(row, doc, rows, findings):
        slow_findings: list = []
        slow = _build_fact_slow(row, doc, rows, slow_findings)
        n = len(findings)
        got = fast(row, doc, rows, findings)
        assert got == slow and findings[n:] == slow_findings, (row.label, row.value)
        seen.append(got)
        return got

    monkeypatch.setattr(F, "build_fact", both)
    root = Path(__file__).resolve().parents[1]
    pages = [(p.name, p.read_bytes()) for p in sorted((root / "samples").iterdir()) if p.is_file()]
    pages += [(f"shape{i}.txt", t.encode()) for i, t in enumerate(BUILD_SHAPES)]
    for name, data in pages:
        extract_page(data, name)
    assert len(seen) > 20


def _supported_slow(r, by_pos, nb_index, rows):
    """The former _supported: neighbours looked at row by row."""
    if r.rule in ("fact.trailing", "fact.cells", "fact.nested", "fact.glued", "fact.nextline"):
        return True
    if F._prose_value(r.value) and r.rule in ("fact.dash", "fact.equals"):
        return False
    i = nb_index.get(r.line, -1)
    for j in range(i - 3, i + 4):
        if j != i and any(x is not r and x.kind in ("row", "skip", "header") and x.has_value
                          and not F._prose_value(x.value) for x in by_pos.get(j, ())):
            return True
    return None      # the rest of the test is the same code


SUPPORT_SHAPES = ["Syria: 5 million have fled\n\nNews\n", "Motto: Unity\nArea: 12 km2\n\n\n\n\nCapital: Minsk\n",
                  "A - b\nC = d e f g h i j k l m n o p q r s t u v w x y z was is are the report\n"]


def test_supported_agrees_with_the_former_loop(monkeypatch):
    fast = F._supported
    n = [0]

    def both(r, by_pos, nb_index, rows, support=None):
        got = fast(r, by_pos, nb_index, rows, support)
        slow = _supported_slow(r, by_pos, nb_index, rows)
        if slow is not None:
            assert got == slow, (r.label, r.value)
            n[0] += 1
        return got

    monkeypatch.setattr(F, "_supported", both)
    root = Path(__file__).resolve().parents[1]
    pages = [(p.name, p.read_bytes()) for p in sorted((root / "samples").iterdir()) if p.is_file()]
    pages += [(f"s{i}.txt", t.encode()) for i, t in enumerate(SUPPORT_SHAPES + BUILD_SHAPES)]
    for name, data in pages:
        extract_page(data, name)
    assert n[0] > 10


# --- _find_colon_span: the colon found with str.find ---------------------------------------

COLON_PIECES = [":", "：", " ", "\t", "a", "1", "(", ")", "/", "//", "http", "19", "\u00a0", "x" * 140]


@pytest.mark.parametrize("text", ["Population (2015):9.5 million", "a: :b", "a::b", "Time: 19:30", "http://x: y",
                                  "(a: b): c", "Label ：value", ": lead", "x" * 148 + " : y", "a :  b : c"])
def test_find_colon_span_table(text):
    m = F._find_colon(text)
    assert F._find_colon_span(text) == ((m.start(), m.end()) if m else None)


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(COLON_PIECES), max_size=12))
def test_find_colon_span_any(parts):
    text = "".join(parts)
    m = F._find_colon(text)
    assert F._find_colon_span(text) == ((m.start(), m.end()) if m else None)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["Population", " ", ":", "=", "|", "\t", "-", "–", " - ", "....", "…", "___", "(",
                                 ")", "2015", "9.5 million", "a", "We are", "   ", "Capital", "--"]), max_size=8))
def test_line_class_and_split(parts):
    text = "".join(parts).strip()
    want = (F._DIGIT.search(text) is not None, F.split_line(text) if "|" not in text else None)
    assert F._line_class(text) == F._line_class_of(text) == want
    if F._any_sep(text):
        assert F._split_sep(text) == F.split_line(text)
    else:
        assert F.split_line(text) is None


# --- three-capital codes and heading text ------------------------------------------------

_CODE_SLOW = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ABUSDxa 1é$", max_size=12), st.integers(0, 12))
def test_code_patterns_any(text, pos):
    for rx in (F._CODE_ANY, codes._CODE_RE):
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in _CODE_SLOW.finditer(text)]
        a, b = rx.match(text, pos), _CODE_SLOW.match(text, pos)
        assert (a and a.span()) == (b and b.span())


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["summary", " ", "2019", "(", ")", ",", "–", "-", "2020", "\n", ".", ":", "fact sheet",
                                 "5", "١٢"]), max_size=7))
def test_head_text_any(parts):
    value = "".join(parts)
    assert F._head_text(value) == F._HEAD_YEAR.sub("", value).strip(" .:–-")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "•", "·", "*", "-", "–", "a", "Total", "\u00a0"]), max_size=5))
def test_bullet_first_any(parts):
    label = "".join(parts)
    if F._BULLET.match(label):
        assert label[:1] in F._BULLET_FIRST or label[:1].isspace()


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["as of", "As at", "ſ", "data ", "Figures ", "statistics ", "AS ON ", " ", "2019",
                                 "March", ":", ".", "x", "a", "s"]), max_size=6))
def test_as_of_line_first_any(parts):
    t = "".join(parts)
    if F._AS_OF_LINE.match(t):
        assert t[:1] in F._AS_OF_LINE_FIRST


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Real GDP growth rate:", "3.2% (2023 est.)", "Area:", "Population: 9", "x", " ",
                                 "\n", ":  ", "\t", "Label :", "12"]), max_size=14))
def test_cia_style_guard_any(parts):
    from profile_extract.ingest.segment import Doc
    doc = Doc.from_text("".join(parts))
    lines = doc.nonblank
    slow = sum(1 for i in range(len(lines) - 1) if lines[i].text[-1:] == ":" and F._COLON_HEAD.match(lines[i].text)
               and F._NUMERIC_START.match(lines[i + 1].text)) >= 3
    assert F._cia_style(doc) == slow


# --- a value that starts with a digit --------------------------------------------------------

def test_no_value_qualifier_starts_with_a_digit():
    assert P._Q_AT_DIGIT is False          # the packaged qualifiers.toml
    for name, rx in P.VALUE_QUALIFIERS:
        for d in "0123456789":
            assert rx.match(d + "5 people") is None, name


@pytest.mark.parametrize("pattern,digit", [(r"\d+ or", True), (r"abc", False), (r"(?:x|\d)", True), (r"a?", True),
                                           (r"[a-z]+", False), (r"[0-9]", True), (r"\w", True), (r"\s*x", False),
                                           (r"(?:about|~)", False), (r".x", True), (r"[^a]", True), (r"(?=1)1", True)])
def test_may_start_at_digit(pattern, digit):
    assert P._may_start_at_digit(re.compile(pattern, re.IGNORECASE)) is digit


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["1", "9", "5,000", " ", "between", "from", "and", "nine", "million", "%", "(",
                                 "approx.", "over", "US$", "-"]), min_size=1, max_size=6))
def test_digit_first_shortcuts_any(parts):
    s = "".join(parts).strip()
    if s and s[0] in "0123456789":
        assert P.value_qualifier(s) == (None, 0)
        assert F._LETTER_START.match(s, 0) is None and F._BETWEEN.match(s, 0) is None and F._lead_number(s, 0)


# --- the remaining guards: what each pattern needs before it can match ----------------------

@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["-", "–", "—", "|", ":", "=", "+", " ", "a", "Area", "::", "LAOS", ":",
                                 "\t", "euros per US dollar", " -", "Population", "; ", ". ", "Capital: ", "x"]),
                min_size=1, max_size=8))
def test_pattern_guards_any(parts):
    t = "".join(parts).strip()
    if not t:
        return
    if F._RULE_ROW.match(t):
        assert t[0] in F._RULE_CHARS
    if F._SECTION_HEAD.match(t):
        assert "::" in t
    for b in range(len(t) + 1):
        if F._SUB_HEAD.match(t, b, len(t)):
            assert t.endswith(("-", "–"))
        if F._INLINE_NEXT.search(t, b, len(t)):
            assert t.find(":", b, len(t)) >= 0
    if F._SUB_HEAD.match(t):
        assert t.endswith(("-", "–"))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab 1\t\n\u00a0\u2009\u200b.", max_size=12))
def test_whitespace_guard_any(v):
    if "  " not in v and v.isprintable():
        assert F._WS.sub(" ", v) == v


@pytest.mark.parametrize("ch", ["ſ", "é", "K", "ı", "İ", "д", "ü", "ß", "a", "Z", " ", "Å", "µ"])
def test_ascii_equivalent_follows_re(ch):
    from profile_extract.parse.indicators import _ascii_equivalent
    eq = _ascii_equivalent(ch)
    hits = {chr(a).lower() for a in range(128) if re.fullmatch(re.escape(ch), chr(a), re.IGNORECASE)}
    if eq == "":
        assert not hits                    # no ASCII text has it
    elif eq is not None:
        assert hits == {eq}                # lower-casing an ASCII text finds it


# --- _wordy_end: a line that ends in five digitless words takes no trailing value -------------

WORDY_LINES = [   # (line, _wordy_end)
    ("In 1996 the mission launched a return programme in Riverton and its outskirts.", True),
    ("Population 9,500,000 people live in the capital city", True),
    ("Area 5 km and more words here now", True),
    ("Area 5 km and more", False),                       # four words after the number: a tail
    ("Area 5 , , , , , , , , km", False),                 # runs of commas are part of a number
    ("Area 5 km²", False), ("Members 12 as of 2019", False),
    ("Staff 40 persons (approx.) in all of it", False),   # a bracket: no shortcut
    ("Mission launched a return programme 27 November 2019", False),
    ("Total 1 234 567 people in the whole wide region", True),
    ("Five words but no digit", False),                   # five tokens: no sixth before them
]


@pytest.mark.parametrize("line,wordy", WORDY_LINES)
def test_wordy_end_table(line, wordy):
    assert F._wordy_end(line) == wordy
    if wordy:
        assert F._TRAILING.match(line) is None


@settings(max_examples=4000, deadline=None)
@given(st.sampled_from(["Population", "Area of land", "GDP", "Mission went"]),
       st.sampled_from(["", "approx. ", "about ", "$"]), st.sampled_from(["5", "1,234", "9 500 000", "2019", "3.5"]),
       st.lists(st.tuples(st.sampled_from([" ", "  ", "\u00a0", "\t"]),
                          st.sampled_from(["per", "sq", "sq.", "km", "km²", "million", "in", "as", "of", "on", "est.",
                                           "x", "a.b", "%", ",", ".", ", ,", "abc/d", "ab%", "aaaaaaaaaaaaaa", "ſ", "é",
                                           "1", "12", "2019", "-", "&", "Jan.", "m", "(x y)"])), max_size=9))
def test_wordy_end_never_hides_a_trailing_value(label, lead, number, tail):
    line = (label + " " + lead + number + "".join(a + b for a, b in tail)).strip()
    if F._wordy_end(line):
        assert F._TRAILING.match(line) is None


# --- heading_value on a value with a digit: the alternatives that can take one -------------

from re import _parser as _re_parser  # noqa: E402

from profile_extract.parse import indicators as I  # noqa: E402

TAKES_DIGIT = [   # (pattern, can it consume a digit)
    ("profile|fact\\s?sheet", False), ("[a-z]+ sheet", False), ("(?:an?\\s+)?summary\\b", False),
    ("[\\w’-]+\\s+report", True), ("no\\.?\\s*\\d+", True), ("[^a]", True), ("a.b", True), ("[0-9]", True),
    ("[!-~]", True), ("x٣", True), ("[٠-٩]", True), ("(a)\\1", True), ("(\\d)\\1", True), ("\\S", True),
    ("\\W+", False), ("\\D", False), ("(?=\\d)abc", False), ("(?>ab|c)+", False), ("(?:ab)*+\\d?", True),
    ("en bref|résumé|справка", False), ("[\\s,]", False), ("[a-fA-F]", False)]


@pytest.mark.parametrize("pattern,digit", TAKES_DIGIT)
def test_takes_digit_table(pattern, digit):
    assert I._takes_digit(_re_parser.parse(pattern, re.IGNORECASE)) == digit


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "\\d", "\\w", "\\s", "[a-c]", "[0-2]", ".", "(?:a|1)", "x?", "[^b]", "\\W",
                                 "(?=1)", "\\b", "[\\s,]", "\\D"]), min_size=1, max_size=4),
       st.text(alphabet="ab1 ,x٣", max_size=5))
def test_takes_digit_never_misses_a_digit(parts, text):
    pattern = "".join(parts)
    if not I._takes_digit(_re_parser.parse(pattern, re.IGNORECASE)) and F._DIGIT.search(text):
        assert re.fullmatch(pattern, text, re.IGNORECASE) is None


HEADING_HEADS = ["Examplia country fact sheet", "Plan 2021–2030 summary", "Humanitarian Situation Report No. 12",
                 "Flash Update #3", "2019 profile", "9.5 million", "Report No. 7", "report 7", "Update n° 4",
                 "Key facts", "Bulletin issue 12", "at a glance", "12 overview", "summary 2020", "FACT SHEET 3",
                 "Operational update No 2", "a b c d e newsletter no. 1", "x2 y snapshot"]


@pytest.mark.parametrize("head", HEADING_HEADS)
def test_heading_value_digit_table(head):
    assert F._heading_value(label_words(), head) == (label_words().heading_value.match(head) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["country", "fact sheet", "profile", "report", "no.", "#", "n°", "issue", "12", "3",
                                 "2019", " ", "update", "situation report", "summary", "overview", "a", "’", "-",
                                 "x1", "9.5", "million", "in numbers", "brief", "٣"]), max_size=7))
def test_heading_value_digit_any(parts):
    head = "".join(parts)
    assert F._heading_value(label_words(), head) == (label_words().heading_value.match(head) is not None)


# --- _DATED_LINE: a news line whose trailing value would be its date -------------------------

DATED_LINES = [   # (line, the shortcut takes it)
    ("Mission opened an office in Riverton 3 March 2019", True),
    ("Library extends opening hours 27 November 2019", True), ("Report published 3 Sept. 2019", True),
    ("Office opened\t12\tDec\t2020", True), ("Office opened 1 ſept 2019", True),
    ("Visitors about 27 November 2019", False),   # `about 27 …` would be the value: no date
    ("Costs $5 in 3 March 2019", False),           # an earlier number
    ("Opened, 3 March 2019", False),               # no label ends with a comma: the year is the value
    ("Opened 3rd March 2019", False), ("Opened 3 March, 2019", False), ("Opened 3 Mai 2019", False),
    ("Area: 3 March 2019", False), ("Opened on March 3, 2019", False), ("A 3 May 2019", False)]


@pytest.mark.parametrize("line,taken", DATED_LINES)
def test_dated_line_table(line, taken):
    assert (F._DATED_LINE.fullmatch(line) is not None) == taken
    m = F._TRAILING.match(line)
    if taken:
        assert m is not None and F._dated_item(line[m.start("value"):])


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(["Mission", "opened", "in", "Riverton", "about", "over", "approx", "approx.", "c.", "Over",
                                 "x,", "(a", "a(", "$", "€5", "5", ":", "=", "|", "ſept", "K", "é", "-", "Pushover",
                                 "A", "ab"]), max_size=6),
       st.sampled_from([" ", "  ", "\t", "", ",", "\u00a0"]),
       st.sampled_from(["3 March 2019", "27 November 2019", "3 Sept. 2019", "3 sept 2019", "3\u00a0May\u00a02019",
                        "03 jun 2019", "1 ſept 2019", "3 March, 2019", "3rd May 2019", "123 May 2019", "3 May 20199"]))
def test_dated_line_never_hides_a_row(words, gap, date):
    line = (" ".join(words) + gap + date).strip()
    if F._DATED_LINE.fullmatch(line):
        m = F._TRAILING.match(line)
        assert m is not None and F._dated_item(line[m.start("value"):])


# --- _glue_points: pairs of characters instead of look-arounds -------------------------------

def _glue_points_slow(text):
    return tuple(m.start() for m in F._GLUE_POINT.finditer(text, 0, min(len(text), 45)))


@pytest.mark.parametrize("text", ["Legal statusActive", "TypeFund", "Formation11 December 1946", "aB", "ab", "",
                                  "About usOur workWhere we work", "x" * 44 + "aB", "x" * 43 + "aB", "price$5", "a(b",
                                  "a“b", "éB", "aÉ"])
def test_glue_points_table(text):
    assert F._glue_points.__wrapped__(text) == _glue_points_slow(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aZz09$£€₹(\"“ é.", max_size=60))
def test_glue_points_any(text):
    assert F._glue_points.__wrapped__(text) == _glue_points_slow(text)


# --- _infobox_rows: a one-line paragraph is not looked at ------------------------------------

INFOBOX_PAGES = [   # (page, the infobox rows): one line alone never makes one
    ("Legal statusActive\n\nTypeFund", []),                     # glued lines, one per paragraph
    ("Legal statusActive\nTypeFund\n\nHeadquartersGeneva",
     [("Legal status", "Active", "fact.glued"), ("Type", "Fund", "fact.glued")]),
    ("Capital\tMinsk\n\nArea\t207,595 km2", []),                # tabbed rows come from the line walk
    ("Population\n\n9,500,000\n\nArea\n\n207,595 km2", []),    # label and value in paragraphs of their own
    ("Region served\nUnited States\nPopulation\n9.5 million\nArea\n207,595 km2\nCapital\nMinsk",
     [("Region served", "United States", "fact.nextline"), ("Population", "9.5 million", "fact.nextline"),
      ("Area", "207,595 km2", "fact.nextline"), ("Capital", "Minsk", "fact.nextline")]),
]


@pytest.mark.parametrize("text,want", INFOBOX_PAGES)
def test_infobox_rows_table(text, want):
    from profile_extract.ingest.segment import Doc
    doc = Doc.from_text(text)
    rows = F._Rows(doc)
    F._line_rows(rows, doc)
    n = len(rows.rows)
    F._infobox_rows(rows, doc)
    assert [(r.label, r.value, r.rule) for r in rows.rows[n:]] == want


# --- label_ok: the sentence-break pattern scans for its stop; the phone pattern is gated -------

_SENTENCE_BREAK_SLOW = re.compile(r"(?<!\b[A-Z])(?<!\bNo)(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bNr)(?<!\bnr)"
                                  r"(?<!\bno)(?<!\bAdmin)(?<!\bAv)(?<!\bVol)(?<!\bEst)[.!?]\s+[A-Z]")
LABEL_SHAPES = ["No. of Villages (as per Hand Book, 2011)", "The population grew. It is large", "St. Andrews",
                "Admin. Centre", "Dr. X", "A. B. Smith", "x.Y", "x. Y", "Est. 1990", "Vol. 2", "Tel. +41 22",
                "Via Roma 426, 00145 Rome, Italy. (39-6) 522821. FAX", "press@example.org", "www.example.org",
                "http://x", "+375", "1,234", "(39-6)", "0113 496", "12345", "Mr. Smith! Yes", "no. 5? No",
                "eNo. X", "_No. X", "É. Y", "Area"]


@pytest.mark.parametrize("text", LABEL_SHAPES)
def test_label_patterns_table(text):
    a, b = F._SENTENCE_BREAK.search(text), _SENTENCE_BREAK_SLOW.search(text)
    assert (a and a.start()) == (b and b.start())
    assert (F._phoney_gate(text) and F._PHONEY.search(text) is not None) == (F._PHONEY.search(text) is not None)


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(["No", "St", "Dr", "Mr", "Ms", "Nr", "nr", "no", "Admin", "Av", "Vol", "Est", ".", "!",
                                 "?", " ", "  ", "A", "a", "B", "x", "\t", "é", "É", "_", "1", "0", "@", "www.", "http",
                                 "://", "+", "(", ")", "-", ",", "12345"]), max_size=10))
def test_label_patterns_any(parts):
    text = "".join(parts)
    a, b = F._SENTENCE_BREAK.search(text), _SENTENCE_BREAK_SLOW.search(text)
    assert (a and a.start()) == (b and b.start())
    assert (F._phoney_gate(text) and F._PHONEY.search(text) is not None) == (F._PHONEY.search(text) is not None)


@pytest.mark.parametrize("cell", ["Population (2012)", "Languages: Russian", "Area – 207,595 km2", "x" * 301 + ": 5",
                                  "Capital\tMinsk", "", "GDP = 5", "Total"])
def test_cell_split_is_split_line(cell):
    assert F._cell_split(cell) == F.split_line(cell)
