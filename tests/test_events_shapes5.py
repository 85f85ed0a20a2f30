"""Events in the page shapes of the fifth blind set (test strings written for these
tests): prose in Norwegian, Danish, Swedish, Icelandic and Arabic (month names,
`i`/`í`/`Árið`/`في عام` before a year, `fra/frá ... til` ranges, past tenses without
an English ending); a German participle after a legal reference (`Art. 12 ff. OR,
gegründet 1994`); the ordinal day `1°` of Italian; a range of days sharing one year
(`from 3 May to 9 June 2021`); a date cut after its day at a PDF line end; a
particle `over` after a verb (`handed over 12 boats`) and a distance travelled
(`covered 900 miles`), neither of them a count. Negative tables: a report's own stamp
(`at the time of writ-/ing (May 2022)`), search-result teasers cut at both ends
(`… opened in 2004 and …`), Arabic and Nordic plans, amounts after `over`."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from profile_extract.parse.dates import parse_date
from profile_extract.parse.sentences import runs_on

sys.path.insert(0, str(Path(__file__).parent))
from test_events_shapes4 import Case, got  # noqa: E402  (the same Case table and page reader)

NORDIC = [
    Case("Bydelen ble opprettet 1. juli 2004 etter en folkeavstemning.", (("2004-07-01", None),),
         "Norwegian `ble` + participle, `1. juli`"),
    Case("Bystyret vedtok planen i mars 2019.", (("2019-03", None),), "Norwegian `i` + month"),
    Case("Havna fikk ny kai i 1998.", (("1998", None),), "Norwegian `fikk`, `i` + year"),
    Case("Tunnelen ble åpnet i 2011 og korter reisen med en time.", (("2011", None),),
         "`ble åpnet`"),
    Case("Fra 2005 til 2012 drev foreningen et mottak for enslige.", (("2005", "since"), ("2012", "until")),
         "Norwegian range `Fra ... til`"),
    Case("Föreningen grundades den 3 maj 1985 i Umeå.", (("1985-05-03", None),), "Swedish `maj`"),
    Case("Félagið var stofnað 12. febrúar 1994 í Reykjavík.", (("1994-02-12", None),),
         "Icelandic `var stofnað`, `febrúar`"),
    Case("Árið 2006 hófst samvinna við bæjarfélagið.", (("2006", None),), "Icelandic `Árið` + year"),
    Case("Í apríl 2013 var opnuð ný skrifstofa á Akureyri.", (("2013-04", None),), "Icelandic `Í` + month"),
    Case("Frá 2016 til 2020 rak félagið athvarf.", (("2016", "since"), ("2020", "until")),
         "Icelandic range `Frá ... til`"),
]

ARABIC = [
    Case("تأسست الجمعية في عمّان في 5 مايو 2009 بدعم من البلدية.", (("2009-05-05", None),),
         "a day, an Egyptian/Gulf month name"),
    Case("وفي عام 2014 أطلقت الجمعية برنامجا للتدريب المهني.", (("2014", None),),
         "`وفي عام` + year, a past verb"),
    Case("افتتح المركز فرعا جديدا في نيسان 2017 في إربد.", (("2017-04", None),), "a Levantine month name"),
]

OTHER = [
    Case("Verein gemäss Art. 60 ff. ZGB, gegründet 1994. Steuerbefreit.", (("1994", None),),
         "German participle after a legal reference with `ff.`"),
    Case("La Croazia fa parte dell'Unione europea dal 1° luglio 2013 e usa l'euro.", (("2013-07-01", "since"),),
         "the Italian ordinal day `1°`"),
    Case("The survey interviews were held from 3 May to 9 June 2021.",
         (("2021-05-03", "since"), ("2021-06-09", "until")), "a range of days sharing the year"),
    Case("Between 1 February and 31 March 2020 the office was closed.",
         (("2020-02-01", "since"), ("2020-03-31", "until")), "`between ... and` days"),
    Case("After the cyclone that struck the islands on 9\nMarch 2015, the port stayed shut.",
         (("2015-03-09", None),), "a date cut after its day at a line end"),
    Case("On 14/06/2020 the district handed over 25 water tanks to the schools.", (("2020-06-14", None),),
         "`handed over 25`: a verb particle, no amount"),
    Case("In 2012 the new owners took over 3 ferries from the state line.", (("2012", None),),
         "`took over 3`"),
    Case("We walked 900 miles through the desert to reach the coast in June 2016.", (("2016-06", None),),
         "a distance walked with `walked`"),
    Case("They covered 2,400 km by bus to reach Almaty in May 2019.", (("2019-05", None),),
         "a distance travelled with `covered`, a state verb"),
]

NEGATIVE = [
    Case("Data are the latest available at the time of writ-\ning (May 2022). Sources: national offices.", (),
         "a report's own stamp, hyphenated at the line end"),
    Case("All figures are as at the time of writing (October 2021).", (), "`time of writing`"),
    Case("Results\n\n… the regional office opened in 2004 and serves three countries …\n", (),
         "a search-result teaser cut at both ends"),
    Case("Results\n\n... volunteers met in Thies in March 2018 for ...\n", (),
         "a teaser with three dots"),
    Case("ونسعى إلى افتتاح فرع ثالث بحلول عام 2027.", (), "an Arabic plan with `بحلول عام`"),
    Case("Kommunen skal bygge en ny skole i 2026.", (), "a Norwegian plan with `skal`"),
    Case("I 2018 kom det rundt 250 nye elever til skolen.", (), "a Norwegian count with `rundt`"),
    Case("Fra 1500 til 2000 kroner betaler hver deltaker.", (), "a Norwegian amount range, no years"),
    Case("From 1200 to 1800 dollars were paid to each family.", (), "an amount range in English"),
    Case("في عام 2020 بلغ عدد السكان حوالي 4,5 مليون نسمة.", (), "an Arabic statistic with `حوالي`"),
    Case("In 2019 the programme reached over 40 villages.", (), "`reached over 40`: an amount"),
    Case("In 2018 there were about 300 members.", (), "`about 300`"),
    Case("In 2010 the network had 1,200 km of roads.", (), "`had` a length: a state, not travel"),
    Case("Our two ambulances covered 36,000 km in 2021", (), "a distance covered with no arrival: a total"),
    Case("The ferries covered 9,500 miles in 2019 and carried 40,000 passengers.", (),
         "a fleet's total distance"),
    Case("Table 4\nJanuary 2022 figures were revised later.", (("2022-01", None),),
         "a heading ending in a number is no cut date (the month date stays a month)"),
]


@pytest.mark.parametrize("case", NORDIC + ARABIC + OTHER + NEGATIVE, ids=lambda c: c.note)
def test_events_shapes5(case: Case):
    assert got(case.text) == case.events


DATES = [
    ("1° aprile 2009", "2009-04-01"),
    ("1º de mayo de 2010", "2010-05-01"),
    ("1. október 2001", "2001-10-01"),
    ("3 maj 1985", "1985-05-03"),
    ("desember 2019", "2019-12"),
    ("ágúst 2018", "2018-08"),
    ("12 مارس 2012", "2012-03-12"),
    ("أيلول 2015", "2015-09"),
]


@pytest.mark.parametrize("text,iso", DATES)
def test_parse_dates_shapes5(text: str, iso: str):
    assert parse_date(text)[0] == iso


RUNS_ON = [
    ("The storm hit the coast on 9", "March 2015, killing two.", True),
    ("It opened on 3", "May 2001 in the capital.", True),
    ("Table 3", "January 2022 figures were revised.", False),
    ("Population 15", "June 2020 census", False),
    ("It opened on 3", "Offices in the north", False),
]


@pytest.mark.parametrize("prev,nxt,want", RUNS_ON)
def test_runs_on_day_month(prev: str, nxt: str, want: bool):
    assert runs_on(prev, nxt) is want
