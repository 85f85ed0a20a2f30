"""Events from prose: table-driven positive and negative cases in the shapes
real profile pages use (all sentences written for these tests), plus property
tests that any text is safe and spans always point at the date as written."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.extract.events import W, extract_events
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    text: str
    events: tuple          # (date, qualifier) in page order
    note: str = ""


def run(text: str):
    return extract_events(Doc.from_text(text))


def got(text: str):
    evs, _ = run(text)
    return tuple((e.date, e.qualifier) for e in evs)


POSITIVE = [
    Case("The agency has supported local partners since 1998.", (("1998", "since"),)),
    Case("The cooperation treaty was ratified in 2003.", (("2003", None),)),
    Case("On 14 March 2009 during its annual assembly the council admitted Moldova as a member.",
         (("2009-03-14", None),), "day month year, no comma"),
    Case("The regional office in Kyiv was opened in October 1997.", (("1997-10", None),)),
    Case("The statute was adopted on 2nd April 2012 in Rome.", (("2012-04-02", None),), "ordinal day"),
    Case("The charity was registered on May 3, 1921, by a group of nurses.", (("1921-05-03", None),),
         "US order with the comma after the year"),
    Case("Members met in Vienna on 12.09.2014 to sign the charter.", (("2014-09-12", None),),
         "dotted numeric date is day first"),
    Case("The new headquarters opened on 2011-06-30 after two years of building work.",
         (("2011-06-30", None),)),
    Case("The office was closed in Sept. 2001 and reopened the year after.", (("2001-09", None),),
         "abbreviated month with a dot"),
    Case("In 2004, the ministry and the mission signed a memorandum on returns.", (("2004", None),)),
    Case("The society worked under its old name from 1952 to 1968 in Colombo.",
         (("1952", "since"), ("1968", "until")), "both ends of a range that states a happening"),
    Case("The clinic ran in a rented house between 1921 and 1939 before moving.",
         (("1921", "since"), ("1939", "until"))),
    Case("She chaired the board from 1990 until her retirement in 2001.",
         (("1990", "since"), ("2001", None))),
    Case("Secretary-General Jan Novak (1961-1971) expanded the field network.",
         (("1961", "since"), ("1971", "until")), "a term in parentheses after a post"),
    Case("During the civil war (1992–1997) the society distributed food.",
         (("1992", "since"), ("1997", "until")), "the span of a happening in parentheses"),
    Case("From 1985 onwards the programme was run entirely by volunteers.", (("1985", "since"),)),
    Case("Volunteers clean the river bank near the old bridge, March 2016.", (("2016-03", None),),
         "photo caption ending in a date"),
    Case("A girl carries water from the well at the edge of the camp, 2011.", (("2011", None),),
         "photo caption ending in a year"),
    Case("Colleges such as Lahore (estb. 1921) and Dhaka (estb. 1932) joined the network.",
         (("1921", None), ("1932", None)), "establishment years after names in prose"),
    Case("The museum was damaged by the floods of 1966 and by the earthquake of 1980.",
         (("1966", None), ("1980", None)), "happening nouns before `of YEAR`"),
    Case("The committee honoured the agency twice, in 1965 and 1999.",
         (("1965", None), ("1999", None)), "a shared preposition for two years"),
    Case("By 1990 it had opened eleven branches across the country.", (("1990", "by"),),
         "`by` with a past happening"),
    Case("The mission worked in the region until 2010, when the government took over.",
         (("2010", "until"),)),
    Case("Founded in 1902", (("1902", None),), "a bare line under a heading"),
    Case("The school was recognised by royal decree in1911 and by the ministry later.",
         (("1911", None),), "year glued to its preposition"),
    Case("He was re-elected in 1996 and again in 2002.", (("1996", None), ("2002", None))),
    Case("The first vote was on 5 May 2004 and the second in 2006.",
         (("2004-05-05", None), ("2006", None)), "another date is not a count"),
    Case("The founder was born in 1948 in Eldoret and died in 2011.",
         (("1948", None), ("2011", None)), "a year is not a count after `was`"),
    Case("Das Turnier wurde am 14.06.2019 in Graz ausgetragen.", (("2019-06-14", None),), "German"),
    Case("Der Verein wurde am 3. März 1952 in Linz gegründet.", (("1952-03-03", None),),
         "German day with a dot"),
    Case("L'association a été fondée le 12 mai 1948 à Genève.", (("1948-05-12", None),), "French"),
    Case("Die Schule wurde 1874 gegründet und 1912 erweitert.", (("1874", None),),
         "German participle after the year"),
    Case("Seit 1994 arbeitet das Büro mit dem Ministerium zusammen.", (("1994", "since"),),
         "German since"),
    Case("Das Heim war vom 1. Mai 1946 bis zum 30. Juni 1951 in Betrieb.",
         (("1946-05-01", "since"), ("1951-06-30", "until")), "German range of full dates"),
    Case("The hospital was built in the summer of 1936 by local masons.", (("1936", None),)),
    Case("In early 2008 the ministry launched a hotline for victims.", (("2008", None),)),
    Case("The university was founded in 1209 by scholars who had left Oxford.", (("1209", None),),
         "any year is a valid date"),
    Case("Timeline\n1996 – The office opened in Minsk with a small team.", (("1996", None),),
         "timeline row with a dash"),
    Case("1994: The country joined the programme as an observer.", (("1994", None),),
         "timeline row with a colon"),
    Case("1956, The city college was established at the harbour.", (("1956", None),),
         "timeline row with a comma"),
    Case("1951: Founding of the committee in Brussels", (("1951", None),),
         "timeline row naming a happening without a verb"),
    Case("1989: Renaming to IOM", (("1989", None),), "short timeline row"),
    Case("2015: 9.5 million", (), "a dated value, not a timeline row"),
    Case("1995, In the region there were 12.2 million pupils.", (), "timeline row with a statistic"),
    Case("During 1999 the mission moved its office to the capital.", (("1999", None),)),
    Case("She has led the country office since 1 July 2019.", (("2019-07-01", "since"),)),
    Case("The council admitted the country as an observer in December 1992, and as a full "
         "member in 1994.", (("1992-12", None), ("1994", None))),
    Case("The association of doctors and nurses of the northern region was\nestablished in 1921 "
         "by a charter of the king.", (("1921", None),), "hard-wrapped sentence"),
    Case("The office was opened in\nDecember 1996 in the capital.", (("1996-12", None),),
         "a line break after a preposition (a <br> in the page)"),
    Case("Signed in 1954, the convention entered into force in 1960.",
         (("1954", None), ("1960", None))),
    Case("Note: The branch office was opened in 2006 in Gomel.", (("2006", None),),
         "a label whose value is a sentence"),
    Case("Институт был основан в 1931 году.", (("1931", None),), "Russian"),
    Case("It was set up in 1945 and is a specialised agency. It first met in Quebec in 1945.",
         (("1945", None), ("1945", None)), "repeated mentions are separate events"),
    Case("The first conference, held by Prof. Ramos in 1961, drew many doctors.", (("1961", None),),
         "abbreviation does not end the sentence"),
    Case("Between 1949 and 1951 the camp housed many families; it closed in 1952.",
         (("1949", "since"), ("1951", "until"), ("1952", None))),
    Case("Ratified on November 2, 2007 by parliament, the agreement took effect in 2008.",
         (("2007-11-02", None), ("2008", None))),
    Case("The library reopened in mid-2012 after the renovation.", (("2012", None),)),
    Case("A census was carried out in 2010 and it showed that the population was 812,300.",
         (("2010", None),), "the statistic is in the next clause"),
    Case("She joined the staff in 1985, became dean in 1993 and retired in 2004.",
         (("1985", None), ("1993", None), ("2004", None))),
    Case("On Monday, 5 May 2008 the mayor opened the shelter.", (("2008-05-05", None),),
         "weekday before the date"),
    Case("The school, which will close in 2031, was designed in 2019.", (("2019", None),),
         "the plan is in another clause"),
    Case("Its headquarters moved to the capital at the end of 1994.", (("1994", None),),
         "part of a year before `of`"),
    Case("The union was founded in 1919 in response to the large number of wounded soldiers.",
         (("1919", None),), "`number of` without a count is not a statistic"),
    Case("The treaty was signed in 1951 by 26 states.", (("1951", None),),
         "a count after a participle is not a state"),
    Case("I was nine years old when the war started in 1992.", (("1992", None),),
         "`when` starts a clause of its own"),
    Case("World leaders adopted the new development goals in 2015.", (("2015", None),),
         "`goals` named in a past decision is not a plan"),
    Case("The mission was established in 1996 and currently employs a small team.",
         (("1996", None),), "`currently` later in the clause"),
    Case("1994 saw the opening of the first shelter in the north.", (("1994", None),),
         "a year starting the sentence before `saw`"),
    Case("As early as 1921 the society ran mobile clinics.", (("1921", None),)),
    Case("The first atlas of the region was published in 1921 by the society.", (("1921", None),),
         "a publication told in prose is a happening"),
    Case("Parliament passed the first copyright law in 1998.", (("1998", None),),
         "the word copyright in prose is not a copyright line"),
    # a happening clause with its own date is an event even when a distance or a toll
    # stands in another clause of the sentence
    Case("The two brothers cycled 3,400 kilometres across the Sahel and reached the coast at "
         "Dakar on 12 August 2019.", (("2019-08-12", None),),
         "`and` + a past verb starts a new predicate; the distance is in the first one"),
    Case("She hiked for 900 miles over two months before she reached the camp on 2 May 2018.",
         (("2018-05-02", None),), "`before` + a pronoun starts a clause"),
    Case("The family drove some 2,500 km before crossing the border on 14 July 2016.",
         (("2016-07-14", None),), "`before` + an -ing verb starts a clause"),
    Case("In March 2011 a cyclone hit the northern coast, leaving 40,000 people homeless.",
         (("2011-03", None),), "an irregular past verb gives the date's clause a verb"),
    Case("On 6 February 2023 two earthquakes struck the border region, killing more than 50,000 "
         "people.", (("2023-02-06", None),), "a death toll in a participle clause"),
    Case("A cyclone struck the delta on 2 May 2008 and killed nearly 130,000 people.",
         (("2008-05-02", None),), "the toll in a second predicate after `and`"),
    Case("The cyclone of May 2008 killed some 138,000 people.", (("2008-05", None),),
         "a date naming the time of a happening noun: the toll is the happening's"),
    Case("The earthquake in April 2015 killed nearly 9,000 people.", (("2015-04", None),)),
    Case("In 1996, when 1.3 million people were displaced, the mission was set up.",
         (("1996", None),), "a bare date phrase reads the main clause, not the `when` clause"),
    Case("In July 1997 floods swept through the valley, destroying 12,000 homes.",
         (("1997-07", None),)),
    Case("In 1987 the society opened its first shelter, which today houses 1,200 people.",
         (("1987", None),), "a count in a relative clause"),
    Case("Negotiators reached an agreement on 12 December 2015.", (("2015-12-12", None),),
         "`reached` without a quantity noun is a happening"),
    Case("In 2010 the agency opened a large number of field offices.", (("2010", None),),
         "`number of` without a verb of change is no trend"),
    Case("In 1995 the company expanded its production to Kenya.", (("1995", None),),
         "an expansion of a business is a happening, not a trend"),
    Case("The society grew quickly after it was registered in 1952.", (("1952", None),),
         "a verb of change without a quantity noun is no trend"),
    # `as of` before a happening, `after YEAR`, a bare term after a post
    Case("As of September 2016, it became a related organization of the UN.",
         (("2016-09", None),), "`as of` stamps a state, but `became` is a happening"),
    Case("As of March 2018 the office was renamed the regional bureau.", (("2018-03", None),)),
    Case("It became an independent society after 1991.", (("1991", None),),
         "`after YEAR` in a past clause, no qualifier"),
    Case("Shortly after 1991 the society became independent.", (("1991", None),)),
    Case("He was director 1949–1971 and chairman later.", (("1949", "since"), ("1971", "until")),
         "a bare range after a post, without parentheses"),
    Case("Dr Okafor, president 2001–2009, opened the new wing.",
         (("2001", "since"), ("2009", "until"))),
    Case("He served as mayor 1990–1994 and 1998–2002.",
         (("1990", "since"), ("1994", "until"), ("1998", "since"), ("2002", "until")),
         "two bare terms joined by `and`"),
    Case("He left for Vienna in 1938 and returned after 1945.", (("1938", None), ("1945", None))),
    Case("The party, banned after 1933, was refounded in 1945.", (("1933", None), ("1945", None)),
         "a participle after a comma tells a happening"),
    Case("The society was registered in 1998 with 12 founding members.", (("1998", None),),
         "a passive participle is a happening, not a state with a count"),
    Case("It was established in 1950 and now has 120 members.", (("1950", None),),
         "`and now has` starts a present predicate of its own"),
    Case("The office opened in 2015 and will move to a new building in 2026.", (("2015", None),),
         "a future predicate after `and` is a clause of its own; its date is a plan"),
    Case("The office was hit by a fire in 2003 that destroyed 2,000 files.", (("2003", None),),
         "a count in a relative clause with its own verb"),
    Case("It took them 40 days and 2,000 km to reach the coast in June 2016.", (("2016-06", None),),
         "a distance in the date's own clause is a measure, not a count"),
    Case("Ahmed arrived in Germany in September 2015 after a 4,000 km journey.",
         (("2015-09", None),)),
    Case("He became president after the 1999 elections.", (("1999", None),),
         "a year before a happening noun in a past clause"),
    Case("The 2004 tsunami destroyed much of the coast.", (("2004", None),)),
    Case("The 2017 floods displaced some 40,000 families.", (("2017", None),),
         "the toll of a dated happening noun, as `the cyclone of May 2008 killed ...`"),
    Case("The office was rebuilt after the 2015 Nepal earthquake.", (("2015", None),),
         "a name between the year and the happening noun"),
    Case("A 1,200-bed hospital opened in 2004 in the capital.", (("2004", None),),
         "a grouped number in a compound adjective is a size, not a count"),
    # three-digit years: only after a strong trigger, in a past clause, before the end of
    # the clause or a word that cannot be counted
    Case("The kingdom adopted the new faith as its state religion in 325.", (("0325", None),),
         "a three-digit year is written as four ISO digits"),
    Case("The monastery has stood on the hill since 876.", (("0876", "since"),)),
    Case("The town was founded in 754 by traders from the coast.", (("0754", None),)),
    Case("The first church was built in 480 AD on the ruins of a temple.", (("0480", None),)),
    Case("Das Kloster wurde im Jahr 816 gegründet.", (("0816", None),), "German"),
    Case("The abbey was founded in AD 876.", (("0876", None),), "an era before the year"),
    Case("Founded in 876", (("0876", None),), "a participle line"),
    Case("The abbey has existed since the year 876.", (("0876", "since"),)),
    Case("La ville fut fondée en 843 par les moines.", (("0843", None),), "French"),
    # a reference marker stops its own sentence only, not the rest of the line
    Case("The planning office issued the 2019 edition of its handbook on 8 April 2020. The "
         "handbook (ISBN 978-0-00-000000-0) runs to 512 pages.", (("2020-04-08", None),),
         "ISBN in the next sentence of the same line; a year-named edition is not a date"),
    Case("The National Statistics Office was established in 1948.", (("1948", None),),
         "`statistics` in a name is no statistic"),
    Case("The central bank cut interest rates in March 2020.", (("2020-03", None),),
         "`rates` without a verb of change is no trend"),
    Case("The statistics office published its first yearbook in 1952.", (("1952", None),),
         "an active `published` with a subject and an object tells a happening"),
    Case("The government revised the migration law in March 2008.", (("2008-03", None),)),
    Case("The yearbook was released on 14 March 2023.", (("2023-03-14", None),),
         "`was released on` tells a release, like `was published in`"),
    Case("The bureau put out its 2018 yearbook on 2 May 2019, with a DOI for every table.",
         (("2019-05-02", None),), "the year of a yearbook's name is not a date"),
    # Russian month names in the prepositional and genitive, `года` / `г.` after the year
    Case("В апреле 2004 года правительство Армении подписало соглашение с организацией.",
         (("2004-04", None),), "prepositional month `в апреле`, `года` after the year"),
    Case("Представительство начало работу в ноябре 1999 г. в столице страны.",
         (("1999-11", None),), "prepositional month, `г.` after the year"),
    Case("Соглашение о сотрудничестве было подписано 3 сентября 2008 года в Ереване.",
         (("2008-09-03", None),), "genitive month with a day"),
    # two dates in one sentence, each in its own clause
    Case("In March 2015 the bureau opened a service desk, and since 2021 students have been able to "
         "apply online.", (("2015-03", None), ("2021", "since")),
         "a count noun after `since YEAR` followed by a verb is the new clause's subject"),
    Case("The office opened in 2006, and in 2014 refugees were moved to the new camp.",
         (("2006", None), ("2014", None))),
    Case("С 2012 года офис работает во всех областях страны и помогает вернувшимся мигрантам.",
         (("2012", "since"),), "Russian `с YEAR года`"),
    Case("A law on labour migration was passed in 1999 under the Migration Act of that year.",
         (("1999", None),), "a law's year with `in` stays an event"),
    # both ends of ranges in Romance languages and Dutch
    Case("Dal 1961 al 1968 il coro fu diretto dal fondatore.", (("1961", "since"), ("1968", "until")),
         "Italian `dal YEAR al YEAR`"),
    Case("A escola funcionou entre 1972 e 1980 num armazém alugado.", (("1972", "since"), ("1980", "until")),
         "Portuguese `entre YEAR e YEAR`"),
    Case("La clínica atendió a refugiados de 1994 a 1998 en la frontera.", (("1994", "since"), ("1998", "until")),
         "Spanish `de YEAR a YEAR`"),
    Case("Tussen 2008 en 2011 werkte de stichting in drie provincies.", (("2008", "since"), ("2011", "until")),
         "Dutch `tussen YEAR en YEAR`"),
    Case("Dal 1975 il museo è aperto al pubblico.", (("1975", "since"),), "`dal YEAR` alone stays since"),
    Case("News\nThe new wing opened 9 Feb 2024\n", (("2024-02-09", None),), "a past headline keeps its date"),
]

NEGATIVE = [
    Case("More than 1,000 migrants crossed the border that spring.", (), "a count"),
    Case("The trail is 2,018 kms long.", (), "a distance with a thousands separator"),
    Case("Population (2015): 9.5 million", (), "a date in a fact label"),
    Case("Updated: February 2016", (), "update stamp"),
    Case("© 2015 International Office for Refugees. All rights reserved.", (), "copyright"),
    Case("The 1951 Convention defines who is a refugee.", (), "year inside a name"),
    Case("The society was established under the Societies Act XV of 1920.", (),
         "year inside the name of an act"),
    Case("The Census 2011 counted every household in the district.", (), "census as a name"),
    Case("The city aims to become carbon neutral by 2050.", (), "a target"),
    Case("The office will move to a new building in 2026.", (), "future"),
    Case("At the beginning of 2005 there were 3,000 displaced people in the camps.", (),
         "a statistic dated in prose"),
    Case("Since 2016, 1.2 million people have returned to the province.", (),
         "an aggregate statistic after since"),
    Case("In 2015, 11% of the population lived abroad.", (), "a percentage"),
    Case("Many families arrived in the 1950s and settled near the port.", (), "a decade"),
    Case("Two years ago the office moved to the old town.", (), "relative date"),
    Case("Retrieved 12 March 2019.", (), "citation date"),
    Case("Posted on July 20, 2011 by the web team", (), "post date"),
    Case("Monday, December 27, 2010", (), "dateline"),
    Case("Saturday 31 October 2015", (), "heading of a listing"),
    Case("Formation | 14 March 1963 |", (), "table cell"),
    Case("Founded: 1893", (), "fact row"),
    Case("Call our hotline on 0800 1994 2005 for help.", (), "phone digits"),
    Case("The estimates cover the whole period from 1950 to 2000 for every district.", (),
         "a range that dates an estimate"),
    Case("The 2006 revision of the population tables lowered the figures.", (),
         "year inside a publication name"),
    Case("The total income for 2015 was USD 5 million.", (), "a dated amount"),
    Case("The resolution of 1 July 2004 is listed in the annex.", (), "document reference"),
    Case("Director Anna Ivanova will leave the agency at the end of October 2027.", (),
         "an announced future happening"),
    Case("Roughly a million people crossed the sea in 2015, many of them children.", (),
         "aggregate statistic"),
    Case("In 2016, refugees in the region collectively walked an estimated 120 kilometres.", (),
         "statistic with an estimate"),
    Case("Termine 2016", (), "heading"),
    Case("1996 69.864 mln BGL", (), "a budget row whose label was lost"),
    Case("Visitor No: 186605", (), "hit counter"),
    Case("The network has members in 1500 cities across Europe.", (), "a count after `in`"),
    Case("He was born in the 1960s in Accra.", (), "decade"),
    Case("The funds were raised in 2015 dollars and spent in 2016 prices.", (),
         "years as measures"),
    Case("Last Updated On: 06/01/2017", (), "update stamp with a numeric date"),
    Case("Copyright 2012 The Red Cross Society", (), "copyright line"),
    Case("The photo 20170403 shows the camp at night.", (), "a file-name number"),
    Case("The Manifesto of European Towns of 1990 is the basis of the alliance.", (),
         "year inside a document name"),
    Case("FormationMay 21, 1881; 143 years ago (1881-05-21)", (), "glued infobox row"),
    Case("Founded14 March 1921 as the Society of Friends of the Sick and Wounded", (),
         "a label glued to the day of a date"),
    Case("Archived from the original on April 11, 2019. Retrieved May 3, 2019.", (),
         "reference list"),
    Case("GA res. 61/207 of 3 March 2007", (), "resolution reference"),
    Case("Free to copy under the licence. Title: The Yearbook Posting Date: February 21, 2010 "
         "[EBook #25] Release Date: January, 1992 Language: English", (),
         "labels glued into one line"),
    Case("The plan for 2021-2025 was adopted by the board.", (), "a plan period is a name"),
    Case("The writer Anna Berg (1911–1990) described the camps.", (),
         "a lifespan after a name is not a post or a happening"),
    Case("Net migration (2015-2020) was low in the region.", (), "a statistic period"),
    Case("The university is preparing plans to build four new halls by 2012.", (),
         "`by` in a plan"),
    Case("SOFIA, March 3, 2015 — The ministry announced a new programme for migrants.", (),
         "dateline"),
    Case("NAIROBI, 5 March 2015 (UN News) – The agency opened a new office in the city.", (),
         "dateline with a news-service name"),
    Case("Annual Report of the Society, 2015.", (), "a title with a year is not a caption"),
    Case("Smith, J. and Doe, A. Refugees in the Region, Oxford, 2005.", (), "a reference"),
    Case("This page was last edited on 12 January 2024, at 10:15 (UTC).", (), "page stamp"),
    Case("The new campus is due to open in 2029.", (), "a plan with `due to`"),
    Case("Enrolment rose from 1,400 in 1996 to 6,100 in 2016.", (), "statistic between years"),
    Case("2019 - 2020 Annual Report of the Society", (), "a report title, not a timeline row"),
    Case("Die Herbstprüfung findet am 3. Dezember 2016 in Schraplau statt.", (),
         "an announcement in the present tense"),
    Case("The spring exam takes place on 1 May 2016 at the club ground.", (), "announcement"),
    Case("In 1997, the society was active in 41 districts.", (), "a state with a count"),
    Case("In 2014 the country ranked 50th on the index.", (), "a rank"),
    Case("The population in 2015 was 9.5 million.", (), "a statistic after `in`"),
    Case("The literacy rate in 2011 was 74 per cent.", (), "a rate"),
    Case("Currently (March 2014), the network counts 212 member groups.", (),
         "a state stamped with a date"),
    Case("As of May 2016, the society has 64 branches.", (), "`as of` stamps a state"),
    Case("Some 1.2 million refugees fled the fighting and reached Europe in 2015.", (),
         "a second predicate shares the counted subject"),
    Case("Nearly 40,000 migrants walked across the Balkans before reaching Austria in 2015.", (),
         "an -ing clause shares the counted subject"),
    Case("In 2015 about 1.3 million people applied for asylum and crossed into the EU.", (),
         "the count is in the date's own clause"),
    Case("In 2011 the society had 4,000 volunteers in 12 branches.", (), "a state with counts"),
    Case("In 2015 some 1.2 million people arrived and have stayed.", (),
         "a present predicate shares the counted subject"),
    Case("About 5,000 migrants arrived and quickly registered in 2016.", (),
         "a second predicate with an adverb shares the counted subject"),
    Case("Refugees from the region travelled more than 1,240 kilometres in 2015.", (),
         "an approximate distance of a group is a statistic"),
    Case("In 2018, the agency and its partners handed out 1.2 million meals.", (),
         "a bare date phrase reads on to the clause with the verb, past `and its`"),
    Case("In 2015, as the war went on, 1.2 million people fled the country.", (),
         "the main clause after a subordinate one holds the count"),
    Case("In 2016, some 5,000 people died and many more went missing.", (),
         "a toll is the date's only predicate"),
    Case("There were 3,000 refugees and displaced persons in the camps in 2005.", (),
         "`and` + an -ed adjective before a noun is no new predicate"),
    Case("The centre hosted 1,500 children and trained teachers from the region in 2014.", (),
         "`and trained teachers`: an adjective, the count stays in the clause"),
    Case("The survey counted households in 312 villages.", (), "a count after `in`"),
    Case("The law applies in 312 municipalities.", (), "a count in a present clause"),
    Case("The figures were discussed in 301 of the 450 districts.", (), "`N of M`"),
    Case("In 301 cases the court ruled for the applicants.", (), "a count starting a sentence"),
    Case("The city was destroyed in 480 BC by invaders.", (), "a year before the era"),
    Case("The team won in 150, 301 and 450 matches.", (), "a list of numbers"),
    Case("The office is in 301, Main Street.", (), "a house number"),
    Case("Our office was located in 301, Second Floor, Sector 5.", (), "an address"),
    Case("The book is cited on page 301 and in 302 other papers.", (), "a page and a count"),
    Case("The index rose by 12.5 in 301.5 days.", (), "a decimal"),
    Case("As of 2019, the country is a member of the council.", (), "`as of` with a state"),
    Case("As at 2017, it had 40 staff.", (), "`as at` with a count"),
    Case("As of 2016, 40 states had signed the convention.", (),
         "`as of` with a count of past happenings is a state"),
    Case("As of March 2012 LIST OF MEMBER STATES HAVING SIGNED THE CHARTER", (),
         "a stamp heading a list in capitals"),
    Case("Children born after 2010 are eligible for the grant.", (), "`after` in a present clause"),
    Case("In the years after 1945 the town was rebuilt.", (), "`after` a period noun"),
    Case("Nearly all the houses constructed after 1950 were damaged.", (),
         "`noun + participle + after YEAR` describes the noun"),
    Case("The data collected after 2010 show a steady fall.", (), "a reduced relative clause"),
    Case("After 2015 the number of asylum applications declined each year.", (), "a trend"),
    Case("The director 2019–2023 strategy was adopted.", (), "a range inside a name"),
    Case("The party prepares for the 2026 elections.", (), "a happening noun in a plan"),
    Case("In 2026 the office opens and will employ 40 staff.", (),
         "a present clause before `and will` shares its future"),
    Case("The 2015 war crimes report was published.", (), "a happening noun inside a name"),
    Case("Relief for the 2010 flood victims was organised by the society.", (),
         "a happening noun as a modifier"),
    Case("The plan 2019–2023 was adopted.", (), "a plan period"),
    # statistics dated in prose: a quantity as the predicate, or a trend of a quantity
    Case("Tourism receipts equalled about a tenth of national income in 2019.", (),
         "a share as the predicate"),
    Case("Remittances were worth a fifth of GDP in 2021.", (), "a share of GDP"),
    Case("Since 2018 the share of women among new arrivals has risen steadily.", (),
         "a trend after `since`"),
    Case("From 2012 the proportion of urban residents grew every year.", (), "a trend after `from`"),
    Case("In 2005 the membership of the society doubled.", (), "a doubling"),
    Case("Unemployment reached a record high in 2019.", (), "a quantity reaching a level"),
    Case("The number of asylum requests peaked in October 2015.", (), "a peak"),
    Case("Migrants made up almost half of the workforce in 2020.", (), "a share as predicate"),
    Case("Net migration turned positive in 2012.", (), "a balance changing sign"),
    Case("Released on 14 March 2023", (), "a release stamp"),
    Case("Anna Berg published 3 May 2016", (), "a byline: the verb right before the date"),
    Case("Story by Anna Berg, published 3 May 2016", (), "a byline after a comma"),
    Case("The unemployment rate fell in 2019.", (), "a rate with a verb of change"),
    Case("Khan, R. Borders and People. City Press, 2014. ISBN 978-0-00-000000-1.", (),
         "a book reference with an ISBN"),
    Case("The camp at dawn, photographed by R. Khan in May 2017 © Photo agency", (),
         "a photo credit"),
    Case("LIMA, 20 June 2017 – The number of displaced people reached 4.1 million, the agency said.",
         (), "dateline and statistic"),
    # dated statistics in other languages: approximate amounts and `.` thousands
    Case("En 2020 residían en la provincia unos 4.200 bolivianos.", (), "Spanish `unos`, `.` thousands"),
    Case("En 2017 trabajaban en el sector alrededor de 900 personas.", (), "Spanish `alrededor de`"),
    Case("En 2019 había en la ciudad más de 15.000 estudiantes extranjeros.", (), "Spanish `más de`"),
    Case("En 2016, environ 1 200 réfugiés vivaient dans la commune.", (), "French `environ`"),
    Case("En 2021, plus de 600 familles ont été relogées.", (), "French `plus de`"),
    Case("Im Jahr 2023 lebten rund 7.500 Menschen im Lager.", (), "German `rund`"),
    Case("Im Jahr 2018 arbeiteten etwa 400 Freiwillige für den Verein.", (), "German `etwa`"),
    Case("Seit 2015 wurden über 20.000 Anträge gestellt.", (), "German `über`"),
    Case("In 2019 the agency registered 12.500 new arrivals.", (), "a `.`-grouped count"),
    # a year after a comma in a law's name is part of the name
    Case("Recruitment agencies are licensed under the Overseas Employment Act, 2006 and its rules.", (),
         "`Act, YEAR` in a name"),
    Case("Asylum claims are decided under the Refugee Protection Act, 2001.", (),
         "`Act, YEAR` at the end of the sentence is no caption"),
    Case("The board works under the Labour Code, 2012, which it helped to draft.", (),
         "`Code, YEAR` in a name"),
    Case("Since 2020 more than 300 workers have returned.", (), "a count after `since YEAR` stays a count"),
    Case("Nel 2021 vivevano in città oltre 2.000 migranti.", (), "Italian `oltre`"),
    Case("В 1990-е годы многие жители страны уехали на заработки в Россию.", (), "a Russian decade"),
    Case("В 2010-х годах миграция из республики заметно выросла.", (), "a Russian decade, genitive"),
    Case("В 2021 году в стране проживали около 6 млн человек.", (), "a Russian dated statistic"),
    Case("В 2019 году 640 тыс. граждан работали за рубежом.", (), "a Russian scale word `тыс.`"),
    Case("En 2022 llegaron al país 1,2 millones de turistas.", (), "a Spanish scale word"),
    Case("Overseas workers are protected by the Migrant Workers Rules, 2010 and by circulars.", (),
         "`Rules, YEAR` in a name"),
    Case("Il consorzio applica la Legge n. 41 del 1987 sulle cooperative.", (), "Italian law number and year"),
    Case("O apoio segue a Lei n.º 7 de 2009 sobre associações.", (), "Portuguese law number and year"),
    Case("Las cooperativas se rigen por la Ley 79 de 1988.", (), "Spanish law number and year"),
    Case("Volgens de volkstelling van 2001 spreekt de helft Frans.", (), "a census of YEAR is a statistic"),
    Case("Segun el censo de 2005 la ciudad creció mucho.", (), "Spanish census of YEAR"),
    Case("News\nVolunteer training starts in Mbale 9 Feb 2024\n", (), "a dated news headline"),
]


# Known gaps: each runs as a strict xfail, so a fix gets noticed.
KNOWN_GAPS = [
    Case("The flood which left 10,000 people homeless struck in May 1998.", (("1998-05", None),),
         "a relative clause inside the subject has no end mark: its count joins the date's clause"),
]


@pytest.mark.parametrize("case", KNOWN_GAPS, ids=lambda c: c.text[:40])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_known_gaps(case):
    assert got(case.text) == case.events, case.note


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.text[:40])
def test_positive(case):
    assert got(case.text) == case.events, case.note


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda c: c.text[:40])
def test_negative(case):
    assert got(case.text) == (), case.note


def test_word_lists_check_themselves():
    """Every trigger, modifier and happening noun in data/events.toml gives an
    event in a sentence written around it; every plan and metadata word stops one."""
    quals = {"none": None, "since": "since", "until": "until", "by": "by"}
    for key, words in W["year_triggers"].items():
        for w in words:
            assert got(f"The office was opened {w} 1996 in the capital.") == (("1996", quals[key]),), w
    for mod in W["year_modifiers"]["words"]:
        sep = "" if mod.endswith("-") else " "
        assert got(f"The office was opened in {mod}{sep}1996 in the capital.") == (("1996", None),), mod
    for noun in W["of_nouns"]["happening"]:
        assert got(f"The town still recalls the {noun} of 1996 with sorrow.") == (("1996", None),), noun
        assert got(f"The town was rebuilt after the 1996 {noun}.") == (("1996", None),), noun
        assert got(f"The town prepares for the 2036 {noun}.") == (), noun
    assert got("The office did open in 2031 in the capital.") == (("2031", None),)   # control
    assert got("The page text signed 3 May 2016 by the editors.") == (("2016-05-03", None),)
    assert got("The office was opened in 1996 again in the capital.") == (("1996", None),)
    qual_of = {w: quals[k] for k, ws in W["year_triggers"].items() for w in ws}
    for u in W["statistic"]["measure_units"]:
        assert got(f"In 2016 the family walked 1,200 {u} to the camp.") == (("2016", None),), u
        assert got(f"In 2016 the family walked 1,200 people to the camp.") == (), "control"
    for w in W["past_only_triggers"]["words"]:
        assert got(f"The office was opened {w} 1996 in the capital.") == (("1996", None),), w
        assert got(f"Children born {w} 1996 are eligible.") == (), w
    for w in W["three_digit_years"]["triggers"]:
        q = qual_of.get(w, qual_of.get(w.split()[0]))
        assert got(f"The abbey was opened {w} 876.") == (("0876", q),), w
    for w in W["three_digit_years"]["after"]:
        assert got(f"The abbey was opened in 876 {w} the river.") == (("0876", None),), w
    for w in W["three_digit_years"]["not_before"]:
        assert got(f"The abbey was {w} in 876.") == (), w
    for w in W["future"]["words"]:
        assert got(f"The office {w} open in 2031 in the capital.") == (), w
    for w in W["meta_before"]["words"] + W["meta_before"]["near"]:
        assert got(f"The page text, {w} 3 May 2016 by the editors.") == (), w
    for key in ("names", "counts"):
        for w in W["after_year"][key]:
            assert got(f"The office was opened in 1996 {w} in the capital.") == (), w


def test_nbsp_is_a_space():
    assert got("The office opened on 29\u00a0November\u00a02005 in\u00a0Minsk.") == (("2005-11-29", None),)
    assert got("It was\u00a0founded\u00a0in\u00a01951.") == (("1951", None),)


def test_event_fields_and_spans():
    text = "Intro line\n\nThe office in Minsk was opened in December 1996. It grew fast."
    evs, findings = run(text)
    assert findings == []
    (e,) = evs
    assert (e.date, e.precision) == ("1996-12", "month")
    assert (e.date_start, e.date_end) == (dt.date(1996, 12, 1), dt.date(1996, 12, 31))
    assert e.date_text == "December 1996" == e.span.snippet(text)
    assert e.sentence == "The office in Minsk was opened in December 1996." == e.sentence_span.snippet(text)
    assert e.rule == "event.month_date"


def test_rules_are_named():
    evs, _ = run("The society ran from 1949 to 1971. Delhi (estb. 1961) joined. "
                 "It met in 1954 and 1981.\n1996: The office opened in Gomel.")
    assert [e.rule for e in evs] == ["event.year_range", "event.year_range",
                                     "event.year_established", "event.year", "event.year_list",
                                     "event.timeline"]


@pytest.mark.parametrize("text,why", [
    ("The treaty was signed on 31 February 2005 in Oslo.", "day 31 is not in month 2 of 2005"),
    ("The treaty was signed on 29 November 20051 in Oslo.", "year 20051 outside 1-9999"),
])
def test_impossible_date_is_a_rejected_record_finding(text, why):
    evs, findings = run(text)
    assert evs == []
    (f,) = findings
    assert f.code.value == "rejected_record" and why in f.message
    assert f.span.snippet(text) in text and f.snippet_text == f.span.snippet(text)


def test_no_four_digit_number_is_cheap_and_empty():
    assert run("Nothing dated here.\nOnly 12 words and 345 numbers.") == ([], [])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_never_raises(text):
    evs, findings = run(text)
    for e in evs:
        assert e.span.snippet(text) == e.date_text
        assert e.sentence_span.snippet(text) == e.sentence
        assert e.sentence_span.start <= e.span.start <= e.span.end <= e.sentence_span.end
        assert e.date_start <= e.date_end


_PIECES = st.sampled_from([
    "In ", "since ", "from ", " to ", " and ", "1994", "2005", "29 November 2005", "Nov. 2005",
    "31 February 2005", "20051", "(estb. 1951)", "was opened ", "the office ", ". ", ", ", "\n",
    "•", "|", ": ", "(", ")", "1,000 ", "will ", "2.4 million ", "The ", "in1951", "–", "\u00a0",
    " in 301", "since 876", " AD", "was founded", " and crossed", " before reaching ", "As of ",
    " after ", "director ", "1949–1971", "ISBN ",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_date_like_text_spans_match_date_text(text):
    evs, findings = run(text)
    for e in evs:
        assert e.span.snippet(text) == e.date_text
        assert e.sentence_span.snippet(text) == e.sentence
        assert e.qualifier in (None, "since", "until", "by"), e.qualifier
    for f in findings:
        assert f.code.value == "rejected_record"
