"""The contacts extractor on whole blocks: organization, street, postal code,
city, country, phones in E.164, e-mails and websites; negatives beside them;
a property test that any text gives records whose spans point at their raw text.

Every page here is written for the test, in the shapes real pages use.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract.contacts import extract_contacts
from profile_extract.ingest.segment import Doc

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "belarus.txt"


class Case(NamedTuple):
    name: str
    text: str
    want: list                     # (kind, value) in any order
    country: str | None = None     # the page's country (doc.country_iso2)


def run(text: str, country: str | None = None):
    doc = Doc.from_text(text, country_iso2=country)
    return extract_contacts(doc)


BLOCKS = [
    Case("name line, street, city + code, country line, labelled rows",
         "Refugee Council of Testland\n7, Birch Lane, Minsk 220030\nRepublic of Belarus\n\n"
         "Tel: +375 17 200 00 01, +375 17 200 00 02\nFax: +375 17 200 00 03\n"
         "Email: office@rct.by\nWebsite: rct.by/en",
         [("organization", "Refugee Council of Testland"), ("street", "7, Birch Lane"),
          ("city", "Minsk"), ("postal_code", "220030"), ("country", "Republic of Belarus"),
          ("phone", "+375172000001"), ("phone", "+375172000002"), ("fax", "+375172000003"),
          ("email", "office@rct.by"), ("website", "http://rct.by/en")]),
    Case("US block: the state and ZIP give +1",
         "Friends of the Delta\n120 West 44th Street, Suite 500\nNew York, NY 10036\n"
         "Tel: 212-555-0143\nFax: 212-555-0144",
         [("organization", "Friends of the Delta"), ("street", "120 West 44th Street"),
          ("city", "New York"), ("postal_code", "10036"), ("phone", "+12125550143"),
          ("fax", "+12125550144")]),
    Case("Canadian block",
         "Prairie Relief Society\n88 Elm Avenue,\nRegina, Saskatchewan S4P 3Y2\nPhone: 306-555-0188",
         [("organization", "Prairie Relief Society"), ("street", "88 Elm Avenue"), ("city", "Regina"),
          ("postal_code", "S4P 3Y2"), ("phone", "+13065550188")]),
    Case("German block with obfuscated e-mail and labels above their values",
         "Klimaverbund Süd\n\nLindenallee 12\n79098 Freiburg\nBaden-Württemberg\nDeutschland\n\n"
         "Telefon\n+49 761 12345-0\nE-Mail\nkontakt[at]klimaverbund-sued.de",
         [("organization", "Klimaverbund Süd"), ("street", "Lindenallee 12"), ("postal_code", "79098"),
          ("city", "Freiburg"), ("country", "Deutschland"), ("phone", "+49761123450"),
          ("email", "kontakt@klimaverbund-sued.de")]),
    Case("PO box is the street only without a street; hotline is a phone; (0) dropped",
         "Flüchtlingsrat Nord\n\nPostfach 10 20 30\n24103 Kiel\nGermany\n\n"
         "Telephone\n+49 431 555 66–0 Hotline: +49 431 555 66-20\nFax\n+49 (0) 431 – 55 56 67 77",
         [("organization", "Flüchtlingsrat Nord"), ("street", "Postfach 10 20 30"),
          ("postal_code", "24103"), ("city", "Kiel"), ("country", "Germany"),
          ("phone", "+49431555660"), ("phone", "+494315556620"), ("fax", "+4943155566777")]),
    Case("Swiss block: PO box beside the street dropped, post-office number dropped, slash rule",
         "Alpine Research Council\n14 Rue des Alpes, Case postale 12, CH-1211 Genève 2, Suisse\n"
         "Tel: +41 22 555 1200/15/30 Fax: +41 22 555 1299",
         [("organization", "Alpine Research Council"), ("street", "14 Rue des Alpes"),
          ("postal_code", "CH-1211"), ("city", "Genève"), ("country", "Suisse"),
          ("phone", "+41225551200"), ("phone", "+41225551215"), ("phone", "+41225551230"),
          ("fax", "+41225551299")]),
    Case("glued fields (c/o dropped, C.P. dropped)",
         "c/o United Nations Office for Testing9 Avenue de la PaixC.P. 120CH-1211 Geneva 10, Switzerland\n"
         "Phone: +41 22 917 1234Fax: +41 22 917 1235Email: test-sec@unog.ch",
         [("organization", "United Nations Office for Testing"), ("street", "9 Avenue de la Paix"),
          ("postal_code", "CH-1211"), ("city", "Geneva"), ("country", "Switzerland"),
          ("phone", "+41229171234"), ("fax", "+41229171235"), ("email", "test-sec@unog.ch")]),
    Case("one flattened line: addressee title dropped, name before the street, bracketed code",
         "Remarks: The Director-General Northern Fisheries Commission Rue Haute 12 B-1000 Brussels "
         "Belgium Tel: (32-2) 555-0101 Fax: (32-2) 555-0102 Eml: nfc@nfc.int Web: www.nfc.int",
         [("organization", "Northern Fisheries Commission"), ("street", "Rue Haute 12"),
          ("postal_code", "B-1000"), ("city", "Brussels"), ("country", "Belgium"),
          ("phone", "+3225550101"), ("fax", "+3225550102"), ("email", "nfc@nfc.int"),
          ("website", "http://www.nfc.int")]),
    Case("unlabelled numbers after the address; an office phrase resets the country",
         "Lake Fund (LF)\n\nVia Appia Nuova 12, 00183 Rome, Italy. (39-6) 555123. FAX: (39-6) 5551-2400. "
         "New York Office: (212) 555-0170.",
         [("organization", "Lake Fund (LF)"), ("street", "Via Appia Nuova 12"), ("postal_code", "00183"),
          ("city", "Rome"), ("country", "Italy"), ("phone", "+396555123"), ("fax", "+39655512400"),
          ("phone", "2125550170")]),
    Case("organization up to the first comma when the rest is a place; Russian labels",
         "National Statistics Academy, India\nАдрес: India, 110016, Delhi, Ring Road, 7-C\n"
         "Телефон: +91 (11) 2685 0001\nФакс: +91 (11) 2685 0002",
         [("organization", "National Statistics Academy"), ("street", "Ring Road, 7-C"),
          ("postal_code", "110016"), ("city", "Delhi"), ("country", "India"),
          ("phone", "+911126850001"), ("fax", "+911126850002")]),
    Case("entry heading above a labelled address; lower-case phone label after a semicolon",
         "State Agency for Migration Affairs\n\nFounded by decree. Runs two reception centres.\n\n"
         "Director: Mr Ivan Petrov\n\nAddress: 14 Vitosha Str., 1000 Sofia; phone +3592-555123",
         [("organization", "State Agency for Migration Affairs"), ("street", "14 Vitosha Str."),
          ("postal_code", "1000"), ("city", "Sofia"), ("phone", "+3592555123")]),
    Case("label -- value rows under an entry heading",
         "Pacific Island Forum (PIF)\n\naddress -- Rue Neuve 10, B-1000 Brussels, Belgium\n\n"
         "telephone -- [32] (2) 555 01 02\n\nFAX -- [32] (2) 555 01 03",
         [("organization", "Pacific Island Forum (PIF)"), ("street", "Rue Neuve 10"),
          ("postal_code", "B-1000"), ("city", "Brussels"), ("country", "Belgium"),
          ("phone", "+3225550102"), ("fax", "+3225550103")]),
    Case("page country gives the code; organisation line under the numbers; building lines dropped",
         "Press Office\n\nTelephone No.\n\n·       011 5 55 12 34\n\n·       011 5 55 12 35\n\n"
         "Fax No. 011 5 55 12 36\n\n\n·       Ministry of Water Resources\n\n·       New Building 2nd Floor",
         [("phone", "+251115551234"), ("phone", "+251115551235"), ("fax", "+251115551236"),
          ("organization", "Ministry of Water Resources")], "ET"),
    Case("no country anywhere: digits as written; slash shares the area code; no name above",
         "12 Jacaranda Avenue, Avondale\n\nPhone (04) 555123/555124\n\nThe Institute was founded to study opinion.",
         [("street", "12 Jacaranda Avenue"), ("city", "Avondale"), ("phone", "04555123"),
          ("phone", "04555124")]),
    Case("imprint lines run together: name, street, code, city, country; bare domain in the block",
         "Northern Wildlife Office Storgata 12 N-9008 Tromsø Norway\npost@nwo.no nwo.no",
         [("organization", "Northern Wildlife Office"), ("street", "Storgata 12"), ("postal_code", "N-9008"),
          ("city", "Tromsø"), ("country", "Norway"), ("email", "post@nwo.no"), ("website", "http://nwo.no")]),
    Case("PO box with a Kenyan postal code and a mobile",
         "Lakeside Health Trust\nP.O. Box 40500 - 00100 Nairobi, Kenya\nTel.: +254 20 555 1000 "
         "Mobile: 0722 555 100\ne-mail: info@lht.or.ke www.lht.or.ke",
         [("organization", "Lakeside Health Trust"), ("street", "P.O. Box 40500"), ("postal_code", "00100"),
          ("city", "Nairobi"), ("country", "Kenya"), ("phone", "+254205551000"),
          ("phone", "+254722555100"), ("email", "info@lht.or.ke"), ("website", "http://www.lht.or.ke")]),
    Case("two offices: two blocks; a Dutch code with letters",
         "Wadden Sea Trust\nPostbus 2000, 8900 AB Leeuwarden\nTel: 058 555 0000\n\n\n\n"
         "Baltic Sea Trust\nStrandvej 3, DK-2900 Hellerup, Denmark\nTel: +45 39 55 00 00",
         [("organization", "Wadden Sea Trust"), ("street", "Postbus 2000"), ("postal_code", "8900 AB"),
          ("city", "Leeuwarden"), ("phone", "0585550000"),
          ("organization", "Baltic Sea Trust"), ("street", "Strandvej 3"), ("postal_code", "DK-2900"),
          ("city", "Hellerup"), ("country", "Denmark"), ("phone", "+4539550000")]),
    Case("a person above the address is no organization; table cells",
         "Registration: | Karl Berger\nMühlweg 3\n06110 Halle\nTelefon: | 0345/555123\n"
         "E-Mail | anmeldung-Halle @web.de",
         [("street", "Mühlweg 3"), ("postal_code", "06110"), ("city", "Halle"), ("phone", "0345555123"),
          ("email", "anmeldung-halle@web.de")]),
    Case("infobox website rows: glued, piped and bare",
         "Motto | Per aspera |\nWebsite | www.example-uni.edu |",
         [("website", "http://www.example-uni.edu")]),
    Case("glued infobox label",
         "TypeCharity\nWebsitewww.example-relief.org\n",
         [("website", "http://www.example-relief.org")]),
    Case("a bare www line in an infobox",
         "Headquarters Oslo\nwww.example-fund.org\nParent organization",
         [("website", "http://www.example-fund.org")]),
    Case("UK block: building before the street dropped, postcode after the city",
         "Fenland Aid\nMill House, River Road\nEly CB7 4AB\nUnited Kingdom\nPhone: 01353 555 000",
         [("organization", "Fenland Aid"), ("street", "River Road"), ("city", "Ely"),
          ("postal_code", "CB7 4AB"), ("country", "United Kingdom"), ("phone", "+441353555000")]),
    Case("US venue box: code on its own line above City, ST, US",
         "The Lantern Hall\n215 Nostrand Ave\n11216\nBrooklyn, NY, US\n(718) 555-0142\nwww.lanternhall.nyc",
         [("organization", "The Lantern Hall"), ("street", "215 Nostrand Ave"), ("postal_code", "11216"),
          ("city", "Brooklyn"), ("country", "US"), ("phone", "+17185550142"),
          ("website", "http://www.lanternhall.nyc")]),
    Case("mailto and several numbers on one line with an extension",
         "Contact: mailto:Press@Example.org, Tel. +44 20 7946 0000 ext. 12 or +44 20 7946 0001",
         [("email", "press@example.org"), ("phone", "+442079460000"), ("phone", "+442079460001")]),
    Case("Spanish and French labels",
         "Fundación Río Claro\nAvenida del Puerto 45\n46023 Valencia, España\nTeléfono: (+34) 96 555 01 02\n"
         "Correo electrónico: info@rioclaro.es",
         [("organization", "Fundación Río Claro"), ("street", "Avenida del Puerto 45"),
          ("postal_code", "46023"), ("city", "Valencia"), ("country", "España"),
          ("phone", "+34965550102"), ("email", "info@rioclaro.es")]),
    Case("number word as house number, building level dropped, Australian state",
         "Harbour Trust\nOne Harbour Square, Level 2\nSydney NSW 2000\nPh: (02) 5550 1000",
         [("organization", "Harbour Trust"), ("street", "One Harbour Square"), ("city", "Sydney"),
          ("postal_code", "2000"), ("phone", "+61255501000")]),
    Case("single-letter labels before coded numbers and an e-mail",
         "Harbourside Refugee Network\nQuay Centre, 14 Dock Road\nLiverpool L3 4AB\n"
         "T +44 (0)151 555 0101 F +44 (0)151 555 0102\nE hello@hrn.org.uk",
         [("organization", "Harbourside Refugee Network"), ("street", "14 Dock Road"), ("city", "Liverpool"),
          ("postal_code", "L3 4AB"), ("phone", "+441515550101"), ("fax", "+441515550102"),
          ("email", "hello@hrn.org.uk")]),
    Case("combined and toll-free labels",
         "Tel/Fax: +381 11 555 0101\nToll-free: 0800 555 0199",
         [("phone", "+381115550101"), ("phone", "08005550199")]),
    Case("register and tax numbers in an imprint are not phones",
         "Verein Beispiel e.V.\nHauptstr. 5\n10115 Berlin\nTel.: 030 1234567\nSteuernummer 12/345/67890\n"
         "Registered charity number 1234567\nVAT: DE 123 456 789\nIBAN: DE89 3704 0044 0532 0130 00",
         [("organization", "Verein Beispiel e.V."), ("street", "Hauptstr. 5"), ("postal_code", "10115"),
          ("city", "Berlin"), ("phone", "0301234567")]),
    Case("staff list: names above numbers alone are people, not organisations",
         "Press Officer\nAisha Mwangi\nTel: +41 22 917 1234\nEmail: amwangi@example.org\n\n"
         "Programme Officer\nTomasz Kowalczyk\nTel: +41 22 917 5678",
         [("phone", "+41229171234"), ("email", "amwangi@example.org"), ("phone", "+41229175678")]),
    Case("an acronym name above numbers alone is an organisation",
         "UNHCR Kenya\nTel: +254 20 423 2000",
         [("organization", "UNHCR Kenya"), ("phone", "+254204232000")]),
    Case("Cyrillic street with house abbreviation",
         "Представительство фонда\nАдрес: 119034, Москва, Пречистенский пер., д. 12\nТел.: +7 495 555-01-02",
         [("organization", "Представительство фонда"), ("street", "Пречистенский пер., д. 12"),
          ("postal_code", "119034"), ("city", "Москва"), ("phone", "+74955550102")]),
    Case("share links right under a block are not its website",
         "Email: info@example-aid.org\nFollow us: www.facebook.com/exampleaid twitter.com/exampleaid",
         [("email", "info@example-aid.org")]),
    Case("office labels before addresses are not names; en dash after the country letters",
         "Seed Exchange Network\n\nHeadquarters: 9 Chemin du Lac, CH–1290 Versoix, Switzerland\n\n"
         "Boston Office: Suite 300, 1750 K Street NW., Boston, MA 02110\n\n"
         "Chicago Office: 14 W. 23d Street, 9th Floor, Chicago, IL 60601",
         [("organization", "Seed Exchange Network"), ("street", "9 Chemin du Lac"), ("postal_code", "CH–1290"),
          ("city", "Versoix"), ("country", "Switzerland"),
          ("street", "1750 K Street NW"), ("city", "Boston"), ("postal_code", "02110"),
          ("street", "14 W. 23d Street"), ("city", "Chicago"), ("postal_code", "60601")]),
    Case("a landmark line is not a name",
         "Hamra, Near the Old Lighthouse\nCedar Building, 5th floor\n\nTel: +961 1 555 701",
         [("phone", "+9611555701")]),
    Case("numbered entry names, place lines under the street, a UK postcode on its own line",
         "B2.1.2The Scottish Lifeboat Society\n\n14 Harbour Crescent\nEdinburgh\nEH1 2AB\n\n"
         "Tel: 0131 555 5454\nInformation@lifeboat.org.uk\nRegistered charity no.220949",
         [("organization", "The Scottish Lifeboat Society"), ("street", "14 Harbour Crescent"),
          ("city", "Edinburgh"), ("postal_code", "EH1 2AB"), ("phone", "+441315555454"),
          ("email", "information@lifeboat.org.uk")]),
    Case("the last place line before the numbers is the city",
         "22 chemin des Pins\nGrand Saconnex\nGeneva\n\nTel: +41 (22) 555 4222",
         [("street", "22 chemin des Pins"), ("city", "Geneva"), ("phone", "+41225554222")]),
    Case("a page cut after a street gives no city",
         "Lakeview College\n\n12 Shore Road\n\nLakev",
         [("organization", "Lakeview College"), ("street", "12 Shore Road")]),
    Case("bracketed notes between the numbers of one label",
         "Telephone: 020 555 0100 (main); 020 555 0101 (direct)\nFax: (020) 555 0102",
         [("phone", "0205550100"), ("phone", "0205550101"), ("fax", "0205550102")]),
    Case("letterhead line with bullets; a city without a code before a French country name",
         "24, avenue Victor Hugo XIV • BP 1200 Lomé Togo • Tél. (228) 22 55 01 02 • Fax : (228) 22 55 01 03",
         [("street", "24, avenue Victor Hugo XIV"), ("city", "Lomé"), ("country", "Togo"),
          ("phone", "+22822550102"), ("fax", "+22822550103")]),
    Case("a short name run into the full name in a flattened list",
         "Remarks: Pacific Union Permanent Mission of the Pacific Union 12 East 40th Street New York, "
         "N.Y. 10016 Tel: 212-555-0100",
         [("organization", "Permanent Mission of the Pacific Union"), ("street", "12 East 40th Street"),
          ("city", "New York"), ("postal_code", "10016"), ("phone", "+12125550100")]),
    Case("a number dialled from the US with the 011 exit code",
         "Geneva headquarters: 011-41-22-555-9111",
         [("phone", "+41225559111")]),
    Case("no organisation from a menu or a section heading above `Contact Us`",
         "Home | About | Contact\n\nAbout the project\n\nContact Us\n17 Route des Pins\n1211 Geneva\n"
         "Tel: +41 22 555 9111",
         [("street", "17 Route des Pins"), ("city", "Geneva"), ("postal_code", "1211"),
          ("phone", "+41225559111")]),
    Case("a contact person with a title is no organisation; an `Organisation:` row is",
         "Contact: John Smith, Programme Officer\n12 Harbour Road\nSpringfield, IL 62701\n\n\n\n"
         "Organisation: Lakeside Health Trust\nAddress: 14 Harbour Road, Springfield, IL 62701",
         [("street", "12 Harbour Road"), ("city", "Springfield"), ("postal_code", "62701"),
          ("organization", "Lakeside Health Trust"), ("street", "14 Harbour Road"), ("city", "Springfield"),
          ("postal_code", "62701")]),
    Case("the next entry's name line starts a new block even without an address",
         "Alpha Relief Association\n12 Main Street, Springfield, IL 62701\nTel: 217-555-0100\n\n"
         "Beta Health Foundation\nTel: 217-555-0200\nEmail: b@beta.org",
         [("organization", "Alpha Relief Association"), ("street", "12 Main Street"), ("city", "Springfield"),
          ("postal_code", "62701"), ("phone", "+12175550100"),
          ("organization", "Beta Health Foundation"), ("phone", "2175550200"), ("email", "b@beta.org")]),
    Case("non-breaking and narrow spaces count as spaces; raw keeps them",
         "Alpine\u00a0Research Council\n14\u00a0Rue des Alpes, CH-1211\u00a0Genève\u00a02, Suisse\n"
         "Tél\u202f: +41\u00a022\u00a0555\u00a01200",
         [("organization", "Alpine Research Council"), ("street", "14 Rue des Alpes"), ("city", "Genève"),
          ("postal_code", "CH-1211"), ("country", "Suisse"), ("phone", "+41225551200")]),
    Case("Japanese address order (block number, ward, city with a hyphenated code)",
         "Example Institute\n1-2-3 Kasumigaseki, Chiyoda-ku\nTokyo 100-8919\nJapan\nTel: +81-3-5555-0101",
         [("organization", "Example Institute"), ("street", "1-2-3 Kasumigaseki"), ("city", "Tokyo"),
          ("postal_code", "100-8919"), ("country", "Japan"), ("phone", "+81355550101")]),
    Case("office labels are not names; a PO box city before the country",
         "Head Office\nPalais des Nations, CH-1211 Geneva 10, Switzerland\nTel: +41 22 555 1234\n"
         "Liaison Office\nP.O. Box 30500, Nairobi, Kenya\nTel: +254 20 555 1234",
         [("city", "Geneva"), ("postal_code", "CH-1211"), ("country", "Switzerland"), ("phone", "+41225551234"),
          ("street", "P.O. Box 30500"), ("city", "Nairobi"), ("country", "Kenya"), ("phone", "+254205551234")]),
    Case("a labelled postal address keeps its PO box beside the physical street",
         "Lakeland Red Cross Society\nContact Details\nPhysical Address: Red Cross Road, off Lake Road, South B\n"
         "Postal Address: P.O. Box 40500-00100, Nairobi, Kenya\nTelephone: +254 20 555 0000",
         [("organization", "Lakeland Red Cross Society"), ("street", "Red Cross Road"),
          ("street", "P.O. Box 40500"), ("city", "Nairobi"), ("postal_code", "00100"), ("country", "Kenya"),
          ("phone", "+254205550000")]),
    Case("a country list after a blank line is not the address's country",
         "Lake Fund\n12 Harbour Road\n00100 Nairobi\nTel: +254 20 555 0000\n\nUganda\nTanzania",
         [("organization", "Lake Fund"), ("street", "12 Harbour Road"), ("city", "Nairobi"),
          ("postal_code", "00100"), ("phone", "+254205550000")]),
    Case("a repeated e-mail in one block is kept once",
         "Email: info@ngo.org\nE-mail: INFO@ngo.org",
         [("email", "info@ngo.org")]),
    Case("labels glued to their values by the crawler: fax stays a fax, the area code stays, "
         "the e-mail loses its label, the glued website counts",
         "Harbour Rescue Alliance\nQuai du Port 8\n1000 Bruxelles\nBelgique\nTel+32 2 555 01 10\n"
         "Fax+32 2 555 01 11\nE-mailinfo@harbour-rescue.be\nPhone04 555 12 34\nWebwww.harbour-rescue.be/nl",
         [("organization", "Harbour Rescue Alliance"), ("street", "Quai du Port 8"), ("city", "Bruxelles"),
          ("postal_code", "1000"), ("country", "Belgique"), ("phone", "+3225550110"),
          ("fax", "+3225550111"), ("email", "info@harbour-rescue.be"), ("phone", "+3245551234"),
          ("website", "http://www.harbour-rescue.be/nl")]),
    Case("one run of glued rows: each label ends where the next begins",
         "Phone+41 (0)22 555 41 11Fax+41 (0)22 555 41 12E-mailoffice@example-aid.org\n"
         "Tel.+44 20 7946 0000 | Telefax+44 20 7946 0001 | Courrielbureau@example.fr",
         [("phone", "+41225554111"), ("fax", "+41225554112"), ("email", "office@example-aid.org"),
          ("phone", "+442079460000"), ("fax", "+442079460001"), ("email", "bureau@example.fr")]),
    Case("short and upper-case labels glued on one line",
         "Ph+44 20 7946 0000 URLhttps://example.org/aid EMAILdesk@example.org",
         [("phone", "+442079460000"), ("website", "https://example.org/aid"), ("email", "desk@example.org")]),
    Case("a footer link line after the block is no website; a link line right under the block is",
         "Lake Fund\n12 Harbour Road\n00100 Nairobi\nTel: +254 20 555 0000\nwww.lakefund.or.ke\n\n"
         "Terms of use\nCookie policy\nwww.example-ministry.go.ke\n\n© Example Ministry 2024",
         [("organization", "Lake Fund"), ("street", "12 Harbour Road"), ("city", "Nairobi"),
          ("postal_code", "00100"), ("phone", "+254205550000"), ("website", "http://www.lakefund.or.ke")]),
    Case("a link line apart from the page's contact block is no website",
         "Email: desk@river-aid.org\nTel: +44 20 7946 0101\n\nOur partners\n\nwww.partner-one.org\n\n"
         "Annual report",
         [("email", "desk@river-aid.org"), ("phone", "+442079460101")]),
    Case("an address label introduces the street line: its words are the street, the name is the line above",
         "Kinderhilfe Nordhessen e.V.\nAdresse: Kasseler Landstraße 17\n34117 Kassel\nTelefon: 0561 555 010",
         [("organization", "Kinderhilfe Nordhessen e.V."), ("street", "Kasseler Landstraße 17"),
          ("postal_code", "34117"), ("city", "Kassel"), ("phone", "0561555010")]),
    Case("words between an address label and a street word are the street's own",
         "Berliner Tafelhilfe\nAnschrift: Alte Jakobstraße 77, 10179 Berlin\nTel.: 030 555 0101",
         [("organization", "Berliner Tafelhilfe"), ("street", "Alte Jakobstraße 77"), ("postal_code", "10179"),
          ("city", "Berlin"), ("phone", "0305550101")]),
    Case("an address label's words-and-number line above the postcode is the street, not a name",
         "Hafenhilfe e.V.\nAdresse: Große Bleichen 5\n20354 Hamburg\n\n"
         "Indirizzo: Lungotevere Flaminio 4\n00196 Roma",
         [("organization", "Hafenhilfe e.V."), ("street", "Große Bleichen 5"), ("postal_code", "20354"),
          ("city", "Hamburg"), ("street", "Lungotevere Flaminio 4"), ("postal_code", "00196"),
          ("city", "Roma")]),
    Case("an address label whose value names the organisation before a comma keeps that name",
         "Address: Lakeside Health Trust, 14 Harbour Road, Springfield, IL 62701",
         [("organization", "Lakeside Health Trust"), ("street", "14 Harbour Road"), ("city", "Springfield"),
          ("postal_code", "62701")]),
    Case("a building line under the heading that names the organisation is not the organisation",
         "Lakeside Relief Agency\n\nKilimani House\n14 Argwings Kodhek Road\n00100 Nairobi\n"
         "Tel: +254 20 555 0101",
         [("organization", "Lakeside Relief Agency"), ("street", "14 Argwings Kodhek Road"), ("city", "Nairobi"),
          ("postal_code", "00100"), ("phone", "+254205550101")]),
    Case("a building line right under the name line; a building word written first",
         "Embassy of the Republic of Testland\nUhuru Towers\nMoi Avenue 42\n80100 Mombasa\nKenya\n\n\n\n"
         "Alpine Research Council\nPalais des Glaciers\nRue des Pâquis 52\nCH-1201 Genève",
         [("organization", "Embassy of the Republic of Testland"), ("street", "Moi Avenue 42"), ("city", "Mombasa"),
          ("postal_code", "80100"), ("country", "Kenya"),
          ("organization", "Alpine Research Council"), ("street", "Rue des Pâquis 52"), ("city", "Genève"),
          ("postal_code", "CH-1201")]),
    Case("a building under an address label, on its own line or before a comma, gives way to the heading",
         "Embassy of the Republic of Testland\n\nAddress\nKilimani House\nArgwings Kodhek Road 14\n"
         "00100 Nairobi\n\n\n\nTestland Trade Office\n\nAddress: Bahari Towers, Nyerere Road 9, 80100 Mombasa",
         [("organization", "Embassy of the Republic of Testland"), ("street", "Argwings Kodhek Road 14"),
          ("postal_code", "00100"), ("city", "Nairobi"),
          ("organization", "Testland Trade Office"), ("street", "Nyerere Road 9"), ("postal_code", "80100"),
          ("city", "Mombasa")]),
    Case("a building name stays the organisation when nothing above names one",
         "Contact us\n\nRiverside House\n10 Queen Street\nLondon EC4N 1TX\n\n\n\n"
         "Welcome to our office\n\nPalais Wilson\nRue des Pâquis 52\nCH-1201 Genève",
         [("organization", "Riverside House"), ("street", "10 Queen Street"), ("city", "London"),
          ("postal_code", "EC4N 1TX"),
          ("organization", "Palais Wilson"), ("street", "Rue des Pâquis 52"), ("city", "Genève"),
          ("postal_code", "CH-1201")]),
    Case("a postal-address label before a street line",
         "Les Amis du Rhône\nAdresse postale : Grande Rue 14\n69002 Lyon",
         [("organization", "Les Amis du Rhône"), ("street", "Grande Rue 14"), ("city", "Lyon"),
          ("postal_code", "69002")]),
    Case("a block's city in another country than the page's: its area code gives the block's country",
         "Honorary Consulate of Testland\nOginga Odinga Street 7\n40100 Kisumu\n\nTel.: 057 202 1234\n"
         "Mobile: 0722 555 100",
         [("organization", "Honorary Consulate of Testland"), ("street", "Oginga Odinga Street 7"),
          ("postal_code", "40100"), ("city", "Kisumu"), ("phone", "+254572021234"),
          ("phone", "+254722555100")], "DE"),
    Case("a city of the page's own country keeps the page's code",
         "Hilfswerk Mitte e.V.\nLindenstraße 14\n99084 Erfurt\nTel.: 0361 555 010",
         [("organization", "Hilfswerk Mitte e.V."), ("street", "Lindenstraße 14"), ("postal_code", "99084"),
          ("city", "Erfurt"), ("phone", "+49361555010")], "DE"),
    Case("no page country: digits as written even under a known city",
         "Honorary Consulate of Testland\nOginga Odinga Street 7\n40100 Kisumu\nTel.: 057 202 1234",
         [("organization", "Honorary Consulate of Testland"), ("street", "Oginga Odinga Street 7"),
          ("postal_code", "40100"), ("city", "Kisumu"), ("phone", "0572021234")]),
    Case("a heading, then the address in lines (street without a street word / code city / country)",
         "Faroe Islands Relief Society\n\nTinghúsvegur 5\n100 Tórshavn\nFaroe Islands\n\n"
         "Tel: +298 55 12 34\nE-mail: office@example-relief.fo",
         [("organization", "Faroe Islands Relief Society"), ("street", "Tinghúsvegur 5"),
          ("postal_code", "100"), ("city", "Tórshavn"), ("country", "Faroe Islands"),
          ("phone", "+298551234"), ("email", "office@example-relief.fo")]),
    Case("a footer address line under a fact table: no organisation from the page heading",
         "Riga Technical Academy in brief\n\nFounded | 1862\nStudents | 14 200\n\n"
         "Kalku 1, 1658 Riga | © Riga Technical Academy 2025",
         [("street", "Kalku 1"), ("postal_code", "1658"), ("city", "Riga")]),
    Case("an address label introduces a `Name Number` street; the floor is dropped; the bold name above",
         "Consulado de Testlandia\n\nDirección: Colonia 810, piso 3\n11100 Montevideo, Uruguay\n"
         "Teléfono: (598) 2901 5555\nFax: 2901 5556",
         [("organization", "Consulado de Testlandia"), ("street", "Colonia 810"), ("postal_code", "11100"),
          ("city", "Montevideo"), ("country", "Uruguay"), ("phone", "+59829015555"),
          ("fax", "+59829015556")]),
    Case("a directional word after the street word stays; the suite is dropped",
         "Honorary Consulate of Testland in Toronto\n240 Queen Street West, Suite 7\n"
         "Toronto, Ontario M5V 1Z6\nCanada\nTel: (416) 555-0190",
         [("organization", "Honorary Consulate of Testland in Toronto"), ("street", "240 Queen Street West"),
          ("city", "Toronto"), ("postal_code", "M5V 1Z6"), ("country", "Canada"), ("phone", "+14165550190")]),
    Case("postcode and city first with the `г.` marker, then the street",
         "Представительство фонда в Казахстане\nАдрес: 050010, г. Алматы, пр. Достык, д. 44\n"
         "Тел.: +7 727 555 01 02",
         [("organization", "Представительство фонда в Казахстане"), ("street", "пр. Достык, д. 44"),
          ("postal_code", "050010"), ("city", "Алматы"), ("phone", "+77275550102")]),
    Case("an address without a street: locality, city, country under the name line",
         "Contact\nDepartment of Rural Water\nBaneshwor, Kathmandu, Nepal\nTel: 01-4455667, 4455668\n"
         "Email: info@example-water.gov.np",
         [("organization", "Department of Rural Water"), ("city", "Kathmandu"), ("country", "Nepal"),
          ("phone", "+97714455667"), ("phone", "+97714455668"), ("email", "info@example-water.gov.np")]),
    Case("a whole national number after a slash shares only the country code",
         "Zambezi Health Trust\n22 Independence Avenue\nLusaka, Zambia\n"
         "Phone: +260 211 555 100 / 0977 555 100",
         [("organization", "Zambezi Health Trust"), ("street", "22 Independence Avenue"), ("city", "Lusaka"),
          ("country", "Zambia"), ("phone", "+260211555100"), ("phone", "+260977555100")]),
    Case("a `Name Number` line with a floor, right above a `City, Country` line",
         "Misión Permanente de Testlandia\nJuncal 1305, oficina 4\nMontevideo, Uruguay\n"
         "Tel: +598 2 555 0101",
         [("organization", "Misión Permanente de Testlandia"), ("street", "Juncal 1305"),
          ("city", "Montevideo"), ("country", "Uruguay"), ("phone", "+59825550101")]),
    Case("an address line the parser cannot read (plot and locality) is not the organisation",
         "Lake Victoria Health Trust\nPlot 12, Kololo\nKampala, Uganda\nTel: +256 414 555 010",
         [("organization", "Lake Victoria Health Trust"), ("city", "Kampala"), ("country", "Uganda"),
          ("phone", "+256414555010")]),
    Case("Spanish and Portuguese address labels before a Name Number street with a room",
         "Fundación Sur\nDomicilio: Sarandí 690, oficina 3\n11000 Montevideo\n\n\n\n"
         "Centro Cultural Paulista\nEndereço: Rua Augusta 1500, sala 4\n01304-001 São Paulo, Brasil",
         [("organization", "Fundación Sur"), ("street", "Sarandí 690"), ("postal_code", "11000"),
          ("city", "Montevideo"),
          ("organization", "Centro Cultural Paulista"), ("street", "Rua Augusta 1500"),
          ("postal_code", "01304-001"), ("city", "São Paulo"), ("country", "Brasil")]),
    Case("a footer line with the address and an e-mail, no name line",
         "News | Events\n\nKalku 1, 1658 Riga, Latvia · info@example-academy.lv",
         [("street", "Kalku 1"), ("postal_code", "1658"), ("city", "Riga"), ("country", "Latvia"),
          ("email", "info@example-academy.lv")]),
    Case("addresses that merely start with a label word keep it",
         "Write to emailteam@example.org, Mailbox@example.org or webmaster@example.org; email.desk@example.org",
         [("email", "emailteam@example.org"), ("email", "mailbox@example.org"),
          ("email", "webmaster@example.org"), ("email", "email.desk@example.org")]),
]


@pytest.mark.parametrize("case", BLOCKS, ids=[c.name for c in BLOCKS])
def test_blocks(case):
    recs, findings = run(case.text, case.country)
    assert sorted((r.kind, r.value) for r in recs) == sorted(case.want)
    for r in recs:
        assert r.span.snippet(case.text) == r.raw


# Pages with numbers, dates and places that are not contacts.
NEGATIVES = [
    ("fact box", "Population (2015): 9,500,000\nArea: 207,595 km2\nGDP per capita: USD 18,185\n"
                 "HDI Rank (2014): 50 of 188\nNet Migration Rate (2015-2020): 0.2"),
    ("dates and times", "12.03.2016 10:00 - 12:30 Workshop\nDeadline 2016-04-01. Doors open 19:30."),
    ("identifiers", "ISBN 978-92-9068-741-3\nISSN 1020-4490\nOrder no. 12345678. Ref: 2015/123/456"),
    ("amounts", "The budget was USD 1 258 000 in 2014 and EUR 2.500.000 in 2015."),
    ("prose with years and places", "In 2008 IOM signed a memorandum in Minsk. Since 1994 The country "
                                    "has hosted 1500 delegates; 3000 People came in 1999."),
    ("prose street", "Currently the school is located in six buildings: 101 to 106 Mill Road, including "
                     "one which used to house the archive of the national survey office."),
    ("footer links", "Follow us: https://www.facebook.com/example https://twitter.com/example\n"
                     "© 2016 Example. All rights reserved."),
    ("calling code row", "Calling code | +375\nISO 3166 code | BY\nInternet TLD | .by"),
    ("a contact heading alone", "Contact Us\n\nPlease use the form below."),
    ("menu and section headings above a contact heading name no organisation",
     "Home | About | Contact\n\nAbout the project\n\nContact Us\n\nPlease write to us by post."),
    ("an empty e-mail label", "E-mail Address\n\n\n\nWeb: "),
    ("a site link among menu and footer links", "Home\nAbout\nwww.example-agency.org\nPrivacy\n"
                                                "\n© 2025 Example Agency"),
    ("an address label before a room line is no street", "Address: Secretariat Room 5\nGeneva"),
    ("a numbered section before a count is no street and no postal code",
     "Chapter 12, 100 Pages\nSection 4\n250 Participants\nFounded 1924\n101 Volunteers"),
    ("a comma list of numbers in prose shares no area code",
     "Between 01-2015 and 2016 we counted 5970116 visits."),
    ("single letters and label words glued to short codes are no labels",
     "The F1 race and the M25 jam: T2 closed, E5 delayed, Web2 forum, Fax2000 machine."),
]


@pytest.mark.parametrize("name,text", NEGATIVES, ids=[n for n, _ in NEGATIVES])
def test_not_contacts(name, text):
    recs, _ = run(text)
    assert [(r.kind, r.value) for r in recs] == []


# Known gaps, kept visible: a fix makes these pass and the strict xfail fails.
GAPS = [
    Case("a street name with no number and no street word",
         "Example Institute\nOxford Circus\nLondon W1B 3AG",
         [("organization", "Example Institute"), ("street", "Oxford Circus"), ("city", "London"),
          ("postal_code", "W1B 3AG")]),
    Case("vanity number with letters",
         "Donations: call 1-800-RED-CROSS (1-800-733-2767)",
         [("phone", "+18007332767")]),
]


@pytest.mark.parametrize("case", GAPS, ids=[c.name for c in GAPS])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_known_gaps(case):
    recs, _ = run(case.text, case.country)
    assert sorted((r.kind, r.value) for r in recs) == sorted(case.want)


def test_groups_number_the_blocks():
    text = ("Alpha Aid\n1 Main Street\nSpringfield, IL 62701\nTel: 217-555-0100\n\n\n\n"
            "Beta Aid\n2 Main Street\nSpringfield, IL 62701\nTel: 217-555-0200")
    recs, _ = run(text)
    assert {(r.group, r.kind, r.value) for r in recs if r.kind in ("organization", "phone")} == {
        (1, "organization", "Alpha Aid"), (1, "phone", "+12175550100"),
        (2, "organization", "Beta Aid"), (2, "phone", "+12175550200")}


def test_invalid_phone_kept_with_warning():
    recs, findings = run("Tel: +999 555 0100 7")
    assert [(r.kind, r.value, r.valid) for r in recs] == [("phone", "+99955501007", False)]
    assert [(f.code.value, f.severity.value) for f in findings] == [("invalid_phone", "warning")]
    assert findings[0].span == recs[0].span


def test_invalid_email_kept_with_warning():
    recs, findings = run("Email: office@localhost")
    assert [(r.kind, r.value, r.valid) for r in recs] == [("email", "office@localhost", False)]
    assert [f.code.value for f in findings] == ["invalid_email"]


def test_rules_are_named():
    recs, _ = run("Tel: +41 22 555 1200\nEmail: a@b.org")
    assert {r.rule for r in recs} == {"contact.phone.label", "contact.email.label"}


HTML_BLOCKS = [
    Case("footer: heading, then the address as <br> lines, then the rows",
         "<footer><h3>Nordic Aid Centre</h3><p>Storgata 12<br>0155 Oslo<br>Norway</p>"
         "<p>Tel: +47 22 55 01 01<br>E-mail: post@example-nac.no</p></footer>",
         [("organization", "Nordic Aid Centre"), ("street", "Storgata 12"), ("postal_code", "0155"),
          ("city", "Oslo"), ("country", "Norway"), ("phone", "+4722550101"),
          ("email", "post@example-nac.no")]),
    Case("footer: an <address> element with a floor line and a letter postcode",
         "<div><h4>Fundación Andina</h4><address>Av. Corrientes 1500, 3º piso<br>C1042 Buenos Aires<br>"
         "Argentina</address><p>Tel: +54 11 5555 0101</p></div>",
         [("organization", "Fundación Andina"), ("street", "Av. Corrientes 1500"), ("postal_code", "C1042"),
          ("city", "Buenos Aires"), ("country", "Argentina"), ("phone", "+541155550101")]),
]


@pytest.mark.parametrize("case", HTML_BLOCKS, ids=[c.name for c in HTML_BLOCKS])
def test_html_blocks(case):
    from profile_extract.ingest.html import html_to_text
    recs, _ = run(html_to_text(case.text), case.country)
    assert sorted((r.kind, r.value) for r in recs) == sorted(case.want)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not present")
def test_seed_contacts_exact_and_no_findings():
    recs, findings = run(SEED.read_text(encoding="utf-8"))
    assert [(r.kind, r.value) for r in recs] == [
        ("organization", "International Organization for Migration (IOM)"),
        ("street", "3, Gorny Pereulok"), ("city", "Minsk"), ("postal_code", "220005"),
        ("country", "Republic of Belarus"), ("phone", "+375172882742"), ("phone", "+375172882743"),
        ("fax", "+375172882744"), ("email", "iomminsk@iom.int"), ("website", "http://iom.by/en")]
    assert findings == []
    assert {r.group for r in recs} == {1}


_ALPHABET = st.sampled_from(list("abcXYZ019 +-()[]/.,;:@|\n\t") + ["Tel: ", "Fax: ", "Email: ",
                            "Street", " Str. ", "P.O. Box ", "CH-", "Geneva", " at ", " dot ",
                            "www.", "http://", "Suite ", ", NY 10016", "\u00a0", "ü", "Адрес: "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_never_raises_and_spans_are_raw(text):
    recs, findings = run(text)
    for r in recs:
        assert r.span.snippet(text) == r.raw
        assert r.kind in ("organization", "street", "postal_code", "city", "country", "phone", "fax",
                          "email", "website")
    for f in findings:
        assert f.span is None or 0 <= f.span.start <= f.span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    recs, _ = run(text, "DE")
    for r in recs:
        assert r.span.snippet(text) == r.raw


def _labels():
    import tomllib
    from importlib import resources
    with resources.files("profile_extract.data").joinpath("contacts.toml").open("rb") as fh:
        d = tomllib.load(fh)["labels"]
    return [(kind, word) for strength in ("strong", "weak") for kind, words in d[strength].items()
            for word in words]


_VALUES = {"phone": ("+41 22 555 12 34", "phone", "+41225551234"),
           "fax": ("+41 22 555 12 34", "fax", "+41225551234"),
           "email": ("desk@example.org", "email", "desk@example.org"),
           "website": ("www.example.org", "website", "http://www.example.org"),
           "address": ("12 Main Street, Springfield, IL 62701", "street", "12 Main Street")}


@pytest.mark.parametrize("kind,word", _labels(), ids=lambda x: str(x))
def test_every_label_in_the_data_reads_its_value(kind, word):
    """The data checks itself: each label spelling, written `Label: value`, gives its kind."""
    value, rkind, want = _VALUES[kind]
    recs, _ = run(f"{word}: {value}")
    assert (rkind, want) in [(r.kind, r.value) for r in recs]
