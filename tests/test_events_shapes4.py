"""Events in the page shapes of the fourth blind set (test strings written for
these tests): timeline rows that open with a day or month date (`Sept. 2012 –
...`, `04.11.2016 – ...`, `March 2011: ...`) and timeline rows in the historical
present; short Portuguese, Spanish and Italian sentences whose verb is a past
tense (`abriu`, `abrió`, `fondò`); the date shapes of English, French and
truncated history pages. Negative tables: economic trends dated in prose
(`Growth slowed in 2020 before recovering in 2021`), wishes and ambitions
(`by 2035 we want ...`), datelines and dated values."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.extract import events as ev
from profile_extract.extract.events import extract_events
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    text: str
    events: tuple          # (date, qualifier) in page order
    note: str = ""


def got(text: str):
    evs, _ = extract_events(Doc.from_text(text))
    return tuple((e.date, e.qualifier) for e in evs)


TIMELINE = [
    Case("Key dates\n\n2001 – A second clinic reaches the island villages.", (("2001", None),),
         "a year row in the historical present"),
    Case("Key dates\n\n2003 – The union merges with its southern sister society.", (("2003", None),),
         "`merges`"),
    Case("Key dates\n\nSept. 2012 – The new hostel opens its doors to students.", (("2012-09", None),),
         "an abbreviated month row with a dash"),
    Case("Key dates\n\n04.11.2016 – Solar pumps installed in six villages by the district council.",
         (("2016-11-04", None),), "a day-first numeric row"),
    Case("Key dates\n\nMarch 2011: The cooperative launches its first seed bank.", (("2011-03", None),),
         "a month row with a colon"),
    Case("Key dates\n\nSept. 2012 – The new hostel opens its doors\nto students from the islands.",
         (("2012-09", None),), "a timeline row wrapped onto a second line"),
    Case("Key dates\n\nMay 2013: The clinic opens. It has ten beds.", (("2013-05", None),),
         "a colon row followed by more text stays an entry"),
    Case("Key dates\n\n2004: Registered with the ministry.", (("2004", None),),
         "a short year row with a colon and a verb"),
    Case("Key dates\n\n23.05.2018: Regional office inaugurated by the minister.", (("2018-05-23", None),),
         "a numeric row with a colon"),
    Case("Key dates\n\nJune 2007 – Opening of the first district office", (("2007-06", None),),
         "a row naming a happening without a verb"),
    Case("Our story\n\n1998 – Founded in Mongu by three teachers.\n2004: Registered with the ministry.\n"
         "Feb. 2010 – The school wins the provincial prize.\n11.09.2015 – Library opened by the mayor.",
         (("1998", None), ("2004", None), ("2010-02", None), ("2015-09-11", None)), "a whole timeline"),
]

TIMELINE += [
    Case("Historique\n\nJuin 2011 : Ouverture de l'antenne de Louga.", (("2011-06", None),),
         "a French month row with a spaced colon and a happening noun"),
    Case("Historique\n\nAvril 2013 – L'Agence ouvre son laboratoire de Kaolack.", (("2013-04", None),),
         "a French row in the present"),
    Case("Historia\n\n2009: Apertura de la sede de Piura.\nAbril 2013 – Firma del acuerdo marco.",
         (("2009", None), ("2013-04", None)), "Spanish rows naming happenings"),
    Case("História\n\n2010: Abertura da delegação de Tete.", (("2010", None),), "a Portuguese row"),
    Case("Timeline\n\n2003–2009: The Trust ran the district feeding scheme.",
         (("2003", "since"), ("2009", "until")), "a row dated by a span of years: both ends"),
    Case("Timeline\n\n• 2002 – The Trust launches a charity shop.\n- 2004: Mobile unit launched in the east.\n"
         "• Oct. 2006 – The hostel opens.", (("2002", None), ("2004", None), ("2006-10", None)),
         "bulleted rows"),
]

ROMANCE = [
    Case("Em 2011 inaugurou a sede em Nampula.", (("2011", None),), "Portuguese -ou past"),
    Case("Em 2014 recebeu o prémio nacional.", (("2014", None),), "Portuguese -eu past"),
    Case("Em 2009 abriu escritórios em Tete e Lichinga.", (("2009", None),), "Portuguese -iu past"),
    Case("En 2009 abrió una oficina en Cusco.", (("2009", None),), "Spanish -ó past"),
    Case("Nel 1987 fondò la cooperativa di Lecce.", (("1987", None),), "Italian -ò past"),
]

ROMANCE += [
    Case("Kantor cabang ini dibuka pada 12 Agustus 2004.", (("2004-08-12", None),), "Indonesian day date"),
    Case("Pada tahun 2011 yayasan ini membuka kantor di Sumbawa.", (("2011", None),),
         "Indonesian `pada tahun`"),
    Case("Sejak 2013 lembaga ini bergabung dengan jaringan nasional.", (("2013", "since"),),
         "Indonesian `sejak`"),
    Case("Dari 2009 hingga 2014 yayasan ini menjalankan program sanitasi.",
         (("2009", "since"), ("2014", "until")), "Indonesian range"),
    Case("Ofisi ya Dodoma ilifunguliwa tarehe 5 Julai 2010.", (("2010-07-05", None),), "Swahili day date"),
    Case("Mnamo mwaka 2006 shirika lilianzishwa Mwanza.", (("2006", None),), "Swahili `mnamo mwaka`"),
    Case("Das Projekt lief vom 1. März 2012 bis 30. Juni 2016.", (("2012-03-01", "since"), ("2016-06-30", "until")),
         "a German strong past (`lief`) in a short sentence"),
    Case("Het project liep van 2011 tot 2014.", (("2011", "since"), ("2014", "until")), "a Dutch past (`liep`)"),
    Case("La société fonda en 1921 sa première école.", (("1921", None),), "a French passé simple"),
]

DATE_SHAPES = [
    Case("The academy opened on the 4th of June 1982 in a rented hall.", (("1982-06-04", None),),
         "`the 4th of June 1982`"),
    Case("The faculty moved on Feb. 12, 2003, to the river campus.", (("2003-02-12", None),),
         "abbreviated US order with commas"),
    Case("On 2012-09-03 the library was reopened.", (("2012-09-03", None),), "ISO date"),
    Case("The laboratory was founded on April 9, 2017.", (("2017-04-09", None),), "US order at the end"),
    Case("Since February 2015 the college has been an independent body.", (("2015-02", "since"),),
         "`Since` a month"),
    Case("The school was founded in 1997, and by 2003 it had moved to the new campus.",
         (("1997", None), ("2003", "by")), "`by` a year in a past clause"),
    Case("Le projet a été mis en œuvre du 1er mars 2012 au 30 juin 2016 dans trois régions.",
         (("2012-03-01", None), ("2016-06-30", None)), "French day range with `1er` (both ends, "
         "no qualifier: `du` is not read as a range start, it also names documents)"),
    Case("In March 2013 the mission signed an agreement with the ministry on readmiss",
         (("2013-03", None),), "a sentence cut off mid-word by the crawler"),
]

POSITIVE = TIMELINE + ROMANCE + DATE_SHAPES

NEGATIVE = [
    Case("Exports slowed markedly in 2019 before recovering in 2020.", (), "an economic trend"),
    Case("The economy expanded by 4 per cent in 2018 and kept the same pace in 2019.", (),
         "a rate, then a shared-subject trend"),
    Case("Growth rebounded in 2021 after the lockdowns.", (), "`rebounded`"),
    Case("La croissance a ralenti en 2019 avant de reprendre en 2021.", (), "a French trend"),
    Case("En 2020 el crecimiento cayó con fuerza.", (), "a Spanish trend"),
    Case("O crescimento abrandou em 2018.", (), "a Portuguese trend"),
    Case("Até 2035 a rede terá um posto em cada distrito.", (), "a Portuguese plan in the future tense"),
    Case("Pada tahun 2015 sekitar 400 keluarga pindah ke kota.", (), "an Indonesian approximate count"),
    Case("En 2021, le programme a touché 12 500 ménages.", (), "a count with space thousands"),
    Case("In 2016 the centre opened a maternity ward, and by 2035 we want a midwife in every village.",
         (("2016", None),), "a wish after a happening"),
    Case("By 2028 the network wants every district to have a shelter.", (), "`wants`"),
    Case("In 2018 the clinic opened, and by 2032 each district gets a maternity ward.", (("2018", None),),
         "`by` a year in a present clause after a past one"),
    Case("Our ambition is to reach every school in 2030.", (), "an ambition"),
    Case("LUSAKA, Aug. 2015 – The ministry opened a new office in the capital.", (),
         "a dateline with a place"),
    Case("Key dates\n\nSept. 2012 – 4.5 million people affected by the floods.", (),
         "a dated statistic row"),
    Case("Key dates\n\n03.05.2021 – Annual report of the Trust", (), "a title row, no happening"),
    Case("Latest news\n\n14 June 2024 – New borehole opens in Kolda.\n2 June 2024 – Agency launches its "
         "rainy-season appeal.\n27 May 2024 – Board elects a new chair.", (),
         "a news listing: day-dated headlines, newest first"),
    Case("Aktuelles\n\n03.05.2024 – Neue Klinik eröffnet.\n12.04.2024 – Verein startet Spendenaktion.", (),
         "a news listing with numeric dates"),
    Case("12 March 2024 – The agency opened a shelter in the port. Its director said more would follow.", (),
         "a dateline over a report: more text after the statement on its line"),
    Case("Key data\n\nJune 2014: 9.5 million", (), "a dated value"),
    Case("Key data\n\n2014: Annual report", (), "a dated title"),
    Case("Date: 12 May 2020", (), "a date label row"),
    Case("Reports\n\n2016–2017: Annual report of the Trust", (), "a span row naming a publication"),
    Case("Reports\n\n2016–2017: 3.2 million meals served by the programme.", (), "a span row with a statistic"),
    Case("Key data\n\nMai 2019 : 12 000 habitants", (), "a French dated value"),
]


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.note)
def test_positive(case):
    assert got(case.text) == case.events, case.note


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda c: c.note)
def test_negative(case):
    assert got(case.text) == case.events, case.note


VERBS = [("a cooperativa abriu", True), ("o instituto criou", True), ("la agencia firmó", True),
         ("the clinic reaches", True), ("o museu europeu", False), ("au milieu du", False),
         ("il museo però", False), ("ou bien", False)]


@pytest.mark.parametrize("text,verb", VERBS, ids=[t for t, _ in VERBS])
def test_romance_past_verbs(text, verb):
    assert ev._has_verb(text) is verb


DATE_LABELS = [("Aug. 2009", True), ("17.06.2019", True), ("3 May 2001", True), ("• Oct. 2006", True), ("2009", False),
               ("Founded 2009", False), ("Date", False), ("Population (2019)", False)]


@pytest.mark.parametrize("label,ok", DATE_LABELS, ids=[t for t, _ in DATE_LABELS])
def test_date_label(label, ok):
    assert ev._date_label(label) is ok


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="abdegiínorsuçñóòéİ", min_size=1, max_size=9))
def test_verb_ending_precheck_covers_the_pattern(w):
    """The cheap test (the last two characters) lets through every word `_VERBISH` matches."""
    if ev._VERBISH.fullmatch(w):
        assert w[-2:] in ev._VERB_END2


STAT_NUMBERS = [("a touché 12 500 ménages.", True), ("1 200 000 personnes", True), ("41\u00a0000 patients", True),
                ("le décret 99 123.", False), ("a 12 500-bed hospital", False), ("41 000 km north", False),
                ("Tél. 33 823 45 67", False)]


@pytest.mark.parametrize("text,stat", STAT_NUMBERS, ids=[t for t, _ in STAT_NUMBERS])
def test_space_thousands_count(text, stat):
    assert ev._stat_number(text) is stat
    assert (ev._STAT_NUM.search(text) is not None) is stat


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["1", "12", "500", "000", "2 500", " ", "\u00a0", "\u202f", ",", ".", "-",
                                 "km", "ménages", "bed", "x", "%", "million"]), max_size=10).map("".join))
def test_stat_number_twins_agree(win):
    assert ev._stat_number(win) == (ev._STAT_NUM.search(win) is not None)
