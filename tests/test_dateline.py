from __future__ import annotations

import pytest

from extractor.dateline import find_byline, find_dateline, resolve_year, weekday_year, year_in_text

CASES = [
    ("Title\n\nMOSCOW, Oct 30 (Reuters) - Russia flew", "MOSCOW", None, "Reuters", (10, 30)),
    ("Title\n\nMALABO/MOSCOW, Feb 24 (Reuters) - Russian", "MALABO/MOSCOW", None, "Reuters", (2, 24)),
    ("DAMASCUS, Syria, March 3, 2025 (AP) — x", "DAMASCUS, Syria", "2025-03-03", "AP", (3, 3)),
    ("BEIRUT (AFP) - y", "BEIRUT", None, "AFP", (None, None)),
    ("BRASÍLIA, 8 May 2024 – (Agência Força Aérea) The air force", "BRASÍLIA", "2024-05-08", "Agência Força Aérea", (5, 8)),
    ("ŁÓDŹ, May 3 (PAP) - A C-130", "ŁÓDŹ", None, "PAP", (5, 3)),
    ("CHIȘINĂU, 9 January /MOLDPRES/ – Two aircraft", "CHIȘINĂU", None, "MOLDPRES", (1, 9)),
    ("VILNIUS, July 31 (ELTA). Four Eurofighters", "VILNIUS", None, "ELTA", (7, 31)),
    ("Title\n\nHualien, March 28 (CNA) The air force", "Hualien", None, "CNA", (3, 28)),
    ("WASHINGTON, Sept. 12, 2024 - The Pentagon said", "WASHINGTON", "2024-09-12", None, (9, 12)),
    ("ANKARA, 14 March 2025 (AA) - An Il-96", "ANKARA", "2025-03-14", "AA", (3, 14)),
    ("MOSCOW, January 20. /TASS/. The last Tu-154", "MOSCOW", None, "TASS", (1, 20)),
    ("QAMISHLI, Syria - Russian forces", "QAMISHLI, Syria", None, None, (None, None)),
    ("RAWALPINDI, Aug 28 (APP): Security forces", "RAWALPINDI", None, "APP", (8, 28)),
    ("Title\n\nConstanta, June 16 /Agerpres/ - A C-130", "Constanta", None, "Agerpres", (6, 16)),
    # a place spelt with letters beyond Latin-1 (ș, ă)
    ("Title\n\nChișinău, 2 February 2024 /MOLDPRES/ – Two children", "Chișinău", "2024-02-02", "MOLDPRES",
     (2, 2)),
    ("Title\n\nBaku, September 26, AZERTAC\n\nAn AZAL Airbus", "Baku", None, "AZERTAC", (9, 26)),
    ("Title\n\nASTANA. December 9. KAZINFORM - A total of", "ASTANA", None, "KAZINFORM", (12, 9)),
    ("NUR-SULTAN. 9 December 2024. KAZINFORM – Two C-295s", "NUR-SULTAN", "2024-12-09", "KAZINFORM", (12, 9)),
    ("Title\n\nBISHKEK. KABAR – The presidential Il-62 landed", "BISHKEK", None, "KABAR", (None, None)),
    ("Title\n\nPRESS RELEASE - Royal Air Force\n\nLOSSIEMOUTH, 4 May 2025 - Two Typhoons", "LOSSIEMOUTH", "2025-05-04",
     None, (5, 4)),  # the label line is not a dateline
    (
        "ROYAL AIR FORCE BRIZE NORTON, Oxfordshire, 12 March 2025 - Royal Air Force",
        "ROYAL AIR FORCE BRIZE NORTON, Oxfordshire",
        "2025-03-12",
        None,
        (3, 12),
    ),
    ("Title\n\nRIGA, 14 March 2024, LETA - Four F-16s", "RIGA", "2024-03-14", "LETA", (3, 14)),
    # a military release's date in brackets after the place
    ("Title\n\nANDERSEN AIR FORCE BASE, Guam (Aug. 12, 2024) – Four B-1Bs", "ANDERSEN AIR FORCE BASE, Guam",
     "2024-08-12", None, (8, 12)),
    # a place in mixed case and a dash with no credit, a local name glossed in brackets
    ("Title\n\nPort Sudan, 21 July - Two C-130s", "Port Sudan", None, None, (7, 21)),
    ("Title\n\nN'Djaména (N'Djamena), 6 October - A Turkish A400M", "N'Djaména", None, None, (10, 6)),
    # a month in capitals, the agency closed by a full stop
    ("T\n\nYEREVAN, NOVEMBER 22, 2024, ARMENPRESS. The", "YEREVAN", "2024-11-22", "ARMENPRESS", (11, 22)),
    ("Title\n\nMinistry of Defence\nPress Office\n\nKraków, March 12, 2026\n\nThe air force said.", "Kraków",
     "2026-03-12", None, (3, 12)),  # a place and a date alone on a header line, below the issuer
    # the province in brackets after the place, before the date
    ("Title\n\nMORÓN DE LA FRONTERA (Seville), 3 March 2025 (EFE) - Two B-52Hs", "MORÓN DE LA FRONTERA",
     "2025-03-03", "EFE", (3, 3)),
]


@pytest.mark.parametrize("text, place, date, credit, month_day", CASES, ids=[c[1] for c in CASES])
def test_dateline_found(text, place, date, credit, month_day):
    found = find_dateline(text)
    assert found is not None
    assert found["place"] == place
    assert found["date"] == date
    assert found["credit"] == credit
    assert (found["month"], found["day"]) == month_day
    if credit:
        assert text[found["credit_start"] : found["credit_end"]] == credit


@pytest.mark.parametrize(
    "text",
    ["Nothing here - at all", "On Monday, 21 July - the jet", "The Hercules, 21 July - x",
     "The Il-76 - a heavy transport - landed", "", "UPDATE: the jet landed",
     "Title\n\nThe base was busy on Monday.\n\nKraków, March 12, 2026\n"],
    ids=["plain", "weekday-and-date", "aircraft-and-date", "dashes", "empty", "colon-without-credit",
         "place-date-line-after-the-body"],
)
def test_dateline_absent(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    "text, month, year",
    [
        ("the first U.S. bombers to deploy to Norway in 2025, since the invasion in February 2022", 2, 2025),
        ("reopened its embassy in Damascus in December 2024", 3, 2025),
        ("in 2026 and in 2024 and again in 2026", 1, 2026),
        ("since the three countries joined the alliance in 2004. Under the 2025 rotation schedule", 5, 2025),
        ("a runway to be finished by 2027 and the 2026-27 season", 6, None),
        ("no year at all", 6, None),
    ],
    ids=["most-named", "later-month-of-a-year-before", "counts", "a-tie-goes-to-the-latest",
         "targets-and-spans", "none"],
)
def test_dateline_year_of_a_story_from_its_text(text, month, year):
    assert year_in_text(text, month) == year


@pytest.mark.parametrize(
    "text, year",
    [
        (" - A C-130BZ has flown troops home, the military said on Tuesday. It left on Sunday.", 2025),
        (" - A C-130BZ has flown troops home, the military said on Monday.", 2024),
        (" - A C-130BZ flew home on Tuesday, the military said.", 2024),
        (" - A C-130BZ has flown home. The military said on Tuesday it would fly again.", 2024),
    ],
    ids=["said-on-the-weekday-of-the-next-year", "said-on-the-weekday-of-the-year", "weekday-of-a-leg",
         "weekday-after-the-first-sentence"],
)
def test_dateline_year_fits_the_weekday_the_story_is_told_on(text, year):
    # May 6 was a Monday in 2024 and a Tuesday in 2025
    assert weekday_year(text, 5, 6, 2024) == year


def test_dateline_without_year_takes_reference_year():
    found = find_dateline("MOSCOW, Oct 30 (Reuters) - x")
    assert resolve_year(found, "2025-01-02") == "2025-10-30"
    assert resolve_year(found, None) is None


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Headline\n\nBy a staff writer, Defence Horizon\n\nBody.", "Defence Horizon"),
        ("Headline\n\nBy Issa Compaore, The Sahel Observer\n\nBody.", "The Sahel Observer"),
        ("Headline\n\nBy the Sahel Skywatch team\n\nBody.", "Sahel Skywatch"),
        ("Headline\nPodkarpacie Daily\n\nBody.", "Podkarpacie Daily"),
        ("Headline\n\nPosted on the Radio Kyaddondo 98.4 FM news desk\n\nBody.", "Radio Kyaddondo 98.4 FM"),
        ("Headline\nPosted by SkyLedger OSINT.\n\nBody.", "SkyLedger OSINT"),
        ("Headline\n\nBy Ana Ruiz, Channel 9 News\nPublished 6:15 PM\n\nBody.", "Channel 9 News"),
        ("Headline\n\nLIVE | The Harbour Desk | Last updated 2025-05-07 09:20 CEST\n\nBody.", "The Harbour Desk"),
        ("Headline\n\nVolga 12 Online | News | Samara\n\nBody.", "Volga 12 Online"),
        ("Headline\n\nSur Austral TV - Ushuaia newsroom\n\nA C-130 landed.", "Sur Austral TV"),
        ("Headline\n\nSantiago (Prensa Andina) - A C-130 landed.", "Prensa Andina"),
        ("Headline\n\nBISHKEK. March 4. KABARNEWS - Two Il-76s landed.", "KABARNEWS"),
        ("Headline\n\nBy Polar Flight Journal staff\n\nBody.", "Polar Flight Journal"),
        ("Headline\n\nPosted by @BalticSquawk\n\nBody.", "@BalticSquawk"),
        ("Headline\n\nEl Diario de Lima | Nacional\n\nBody.", "El Diario de Lima"),
        ("Headline\n\nAirlift Bulletin Weekly - Issue 12\n\nBody.", "Airlift Bulletin Weekly"),
        ("Headline\n\nBody.\n\nIssued by the Civil Aviation Authority (CAA), Press Office", "Civil Aviation Authority"),
        ("Headline\n\nBody.\n\nContacts\n\nMedia Relations\nDepartment of Civil Protection", "Department of Civil Protection"),
        ("Headline\n\nBy Spc. Lee Park, 3rd Infantry Division Public Affairs\n\nBody.", "3rd Infantry Division Public Affairs"),
        ("Headline\n\nBaltic Squawk (@BalticSquawk)\n\n1/ Body.", "Baltic Squawk"),
        ("Headline\n\n@BalticSquawk · OSINT thread\n\n1/ Body.", "BalticSquawk"),
        ("Headline\n\nJoint press release of the Ministry of Defence and the Ministry of Health\n\nBody.",
         "Ministry of Defence"),
        ("Headline\n\nDefence media release\n\nBody.", "Defence"),
        ("Headline\n\nMEDIA RELEASE - Royal Air Force\n\nBody.", "Royal Air Force"),
        ("Headline\n\nMay 2, 2024 - Halifax, Nova Scotia - National Defence / Royal Canadian Navy\n\nBody.",
         "National Defence"),
        ("The Lagos Air Log | Issue 12: freighters galore\n\nBody.", "The Lagos Air Log"),
        ("Headline\n\nEl Heraldo Andino - English edition\n\nBody.", "El Heraldo Andino"),
        ("Headline\n\nMEDIA RELEASE | Australian Government, Department of Defence | Release date: 2025-01-02\n\nB.",
         "Department of Defence"),
        ("Headline\n\n@VistulaWatch on X\n\n1/ Body.", "VistulaWatch"),
        ("Headline\n\nThe Northern Courier, New Delhi Bureau\n\nBody.", "The Northern Courier"),
        ("Headline\n\nRavi Menon | Coastal Evening Courier\n\nBody.", "Coastal Evening Courier"),
        ("Headline\n\nStaff Report | Karakoram Chronicle\n\nBody.", "Karakoram Chronicle"),
        ("Headline\n\nNORTHERN AIR COMMAND\nMEDIA RELEASE\nColombo, 01 December 2024\n\nBody.",
         "NORTHERN AIR COMMAND"),
        ("Headline\n\nMinistry of Civil Aviation\nPosted On: 27 MAY 2025 4:15PM\n\nBody.",
         "Ministry of Civil Aviation"),
        ("Headline\n\nNorthern Air Command - press release\n\nBody.", "Northern Air Command"),
        ("Headline\n\nBody.\n\nStory by 86th Airlift Wing Public Affairs",
         "86th Airlift Wing Public Affairs"),
        ("Headline\n\nPress release – Air Mobility Staff (AMS)\nLyon, 3 May 2025\n\nBody.",
         "Air Mobility Staff"),
        ("Headline\n\nPress release, Danish Defence Command\n\nBody.", "Danish Defence Command"),
        ("Headline\n\nVilnius, 7 October 2024 - Lithuanian Air Force Press Office\n\nBody.",
         "Lithuanian Air Force"),
        ("Headline\n\nMEDIA STATEMENT BY THE OFFICE OF THE PRIME MINISTER\n\nBody.",
         "OFFICE OF THE PRIME MINISTER"),
        ("Headline\n\n412th Wing Public Affairs\n\nBody.", "412th Wing Public Affairs"),
        ("Headline\n\nBy 22nd Air Refueling Wing Public Affairs\n\nBody.",
         "22nd Air Refueling Wing Public Affairs"),
        ("Headline\n\n@AegeanSquawk · Jun 12, 2025\n\n1/ Body.", "@AegeanSquawk"),
        ("Headline\n\nAegean Squawk (@AegeanSquawk) · Nov 28, 2023\n\n1/ Body.", "Aegean Squawk"),
        ("Headline\n\nDanube Flank Tracker, weekly notes\n\nBody.", "Danube Flank Tracker"),
        ("Headline\n\nBy Rita Sousa, Jornal do Minho\n\nBody.", "Jornal do Minho"),
        ("Headline\n\nBy Ann Lee, Staff Correspondent, The Harbour Ledger\n\nBody.", "The Harbour Ledger"),
        ("Headline\n\nFrom: Ministry of Transport\n\nBody.", "Ministry of Transport"),
        ("Headline\n\nRIGA, 14 March 2024, LETA - Four F-16s arrived.", "LETA"),
        ("Headline\n\nDiario Sur (English edition) - Temuco\n\nBody.", "Diario Sur"),
        ("Headline\n\nBy Gazeta do Norte staff\n\nBody.", "Gazeta do Norte"),
        ("Headline\n\nBy an Airlift Report correspondent\n\nBody.", "Airlift Report"),
        ("Headline\n\nA tracking note from the Andes Skies Monitor blog\n\nBody.", "Andes Skies Monitor"),
        ("Headline\n\nSpecial Flight Watch (@SFD_Watcher), an open-source account that follows jets\n\n1/ B.",
         "Special Flight Watch"),
        ("Headline\n\nItalian Air Force press office, Rome\n\nBody.", "Italian Air Force"),
        # a radio station's frequency is not part of its name; the place segment after it is no outlet
        ("Headline\n\nRadio Étoile du Nord 98.5 FM | Cap-Haïtien | News\n\nBody.", "Radio Étoile du Nord"),
        # a command's release: the credit in brackets after a base and its state, the dash ending the line
        ("Headline\n\nDAVIS-MONTHAN AIR FORCE BASE, Ariz. (AFSOUTH) --\n\nTwo B-52Hs flew.", "AFSOUTH"),
        # a blog's name over "Posted by" its author
        ("Headline\n\nMagallanes Spotting — aviation at the end of the world\nPosted by Tomás Mansilla\n\n"
         "Body.", "Magallanes Spotting"),
        # a weekly note's name over the date
        ("Headline\n\nIsland Hopper, a weekly note on military aviation in Micronesia\nFriday, June 7, "
         "2024\n\nBody.", "Island Hopper"),
        # a blog's name with small words in it, over what it is
        ("Headline\n\nNotes from the Harewood Fence – a plane-spotting blog from Christchurch\n\nBody.",
         "Notes from the Harewood Fence"),
        # a thread posted on a platform by its account; a post by its author on a blog
        ("Headline\n\nPosted on X by @MaghrebSquawk\n\n1/ Body.", "@MaghrebSquawk"),
        ("Headline\n\nPosted by Gareth Pryce on Fen Edge Spotting\n\nBody.", "Fen Edge Spotting"),
        ("Headline\n\nPosted by Pieter V. on Ostend Heavy Metal, a spotter's log\n\nBody.",
         "Ostend Heavy Metal"),
        ("LIBYA AIR MONITOR weekly digest: Il-76 traffic\n\nBody.", "LIBYA AIR MONITOR"),
        # a reporter's name, then the outlet before the role
        ("Headline\n\nHemi Rauparaha, RNZ political reporter\n\nBody.", "RNZ"),
        # an issuer's media release with its date
        ("Headline\n\nDepartment of Defence media release, 19 December 2024\n\nBody.",
         "Department of Defence"),
        # a press release signed by the body's public relations office
        ("Headline\n\nPRESS RELEASE – Lisbon, 20 June 2023\n\nBody.\n\nPortuguese Air Force Public Relations "
         "Office", "Portuguese Air Force"),
    ],
    ids=[
        "staff-writer", "named-author", "team", "masthead", "posted-on-desk", "posted-by", "author-outlet-number",
        "pipe-header-live", "pipe-header-number", "masthead-newsroom", "place-credit", "caps-agency-credit",
        "outlet-staff", "posted-by-handle", "pipe-header-particles", "masthead-issue", "issued-by-trailer",
        "contact-block", "ordinal-unit-byline", "account-name-and-handle", "handle-header", "joint-release-of",
        "issuer-media-release", "label-then-issuer", "date-place-issuer", "newsletter-issue", "masthead-edition",
        "pipe-government-department", "handle-on-platform", "outlet-comma-bureau", "reporter-pipe-outlet",
        "staff-report-pipe-outlet", "issuer-above-release-label", "issuer-above-posted-on",
        "issuer-dash-label",
        "story-by-without-brackets", "label-dash-issuer-acronym", "label-comma-issuer", "place-date-issuer",
        "statement-by-issuer", "unit-public-affairs-line", "by-unit-public-affairs", "handle-dot-date",
        "account-handle-dot-date", "outlet-comma-label", "reporter-outlet-with-particle",
        "reporter-role-outlet", "from-label", "caps-place-day-month-year-credit",
        "edition-in-brackets-is-no-credit",
        "outlet-with-particle-staff", "outlet-correspondent", "note-from-blog", "account-handle-description",
        "issuer-lower-case-press-office", "radio-station-frequency-pipe-place", "base-state-credit-dash-eol",
        "blog-name-over-posted-by-author", "weekly-note", "blog-name-with-particles", "posted-on-platform-by",
        "posted-by-author-on-blog", "posted-by-author-on-blog-comma", "caps-name-weekly-digest-headline",
        "reporter-outlet-role", "issuer-media-release-date",
        "public-relations-office-sign-off",
    ],  # fmt: skip
)
def test_byline_outlet(text, outlet):
    found = find_byline(text)
    assert found is not None and found["outlet"] == outlet
    assert text[found["start"] : found["end"]] == outlet


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("The Firebird Log #31: Madeira burns\n\nA weekly newsletter, by Ines Carvalho\n\nBody.",
         "The Firebird Log"),
        ("Headline\n\nShannon Ramp Notes - a spotter's blog from the west of Ireland\n\nBody.",
         "Shannon Ramp Notes"),
        ("Headline\n\nCrown & Callsign, a newsletter about the aircraft that carry kings\n\nBody.",
         "Crown & Callsign"),
        ("Headline\n\nCockpit Africa blog\n\nBody.", "Cockpit Africa"),
        ("Ramp Notes #112: Royal jets\n\nGulf Ramp Notes, a newsletter about Gulf aprons\n\nBody.",
         "Gulf Ramp Notes"),
        ("Headline\n\nThread by Mediterranean Sky Watch (@MedSkyWatch) on X\n\n1/ Body.",
         "Mediterranean Sky Watch"),
        ("Headline\n\nRunway 31 – a blog about what flies in and out of Minsk\n\nBody.", "Runway 31"),
        ("Headline\n\nLuqa Logbook - notes from the fence at Malta International\n\nBody.", "Luqa Logbook"),
        ("Headline\n\n@MedSkyWatch · Mediterranean flight tracking. Positions from ADS-B Exchange.\n\n"
         "1/ Body.", "MedSkyWatch"),
        ("Headline\n\nBalkan Ramp Notes – spotting log\n\nBody.", "Balkan Ramp Notes"),
        ('Headline\n\nPampanga Spotters\' Notebook — posted by "tarmac_tita"\n\nBody.',
         "Pampanga Spotters' Notebook"),
        ("Headline\n\nCaribbean Skywatch - a spotter's notebook from Puerto Rico\n\nBody.",
         "Caribbean Skywatch"),
        ("The Luzon Strait Letter, No. 87: a Hercules in Basco\n\nWelcome back.", "The Luzon Strait Letter"),
        ("Headline\n\nRumbo Sur Aviation blog | posted by Diego Ferraro\n\nBody.", "Rumbo Sur Aviation"),
        ("Headline\n\nBy Lucía Benavente Quispe\nSemana Andina\n\nLIMA — Body.", "Semana Andina"),
        ("Headline\n\nPress release | Press service of the Western Military District | 8 June 2023\n\nBody.",
         "Western Military District"),
    ],
    ids=["issue-number", "name-dash-blog", "name-comma-newsletter", "name-blog", "issue-then-fuller-name",
         "thread-by-name-and-handle", "name-with-a-number", "name-dash-notes-from", "handle-dot-description",
         "notes-dash-label", "possessive-notebook", "name-dash-tagline", "letter-comma-number",
         "name-blog-pipe-posted-by", "paper-under-reporter", "pipe-press-service-of"],
)  # fmt: skip
def test_byline_a_blog_newsletter_or_thread_naming_itself(text, outlet):
    found = find_byline(text)
    assert found is not None and found["outlet"] == outlet
    assert text[found["start"] : found["end"]] == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nBy Jane Roe\n\nBody.",
        "By air, the trip takes hours.",
        "Headline\n\nBy Jane Roe\nStaff Writer\n\nBody.",
    ],
    ids=["author-only", "prose", "author-over-role"],
)
def test_byline_absent(text):
    assert find_byline(text) is None


@pytest.mark.parametrize(
    "text, kind",
    [("Headline\n\nBaltic Squawk (@BalticSquawk)\n\n1/ Body.", "social_media"),
     ("Headline\n\n@BalticSquawk · OSINT thread\n\n1/ Body.", "social_media"),
     ("Headline\n\nBy a staff writer, Defence Horizon\n\nBody.", None)],
    ids=["account", "handle", "byline"],
)  # fmt: skip
def test_byline_account_headers_say_they_are_social_media(text, kind):
    assert find_byline(text).get("kind") == kind


@pytest.mark.parametrize(
    "closing",
    ["Posted by @SkyWatchEurasia",
     "8/ That's it. If you have photos from Gao, DMs are open. — @SahelAirWatch",
     "9/ As always: public data only, and corrections welcome. Follow @BalticSkyTrack for more."],
    ids=["posted-by", "signed", "follow-for-more"],
)  # fmt: skip
def test_byline_a_thread_signed_with_its_handle_at_the_end(closing):
    text = "Thread: Mi-17 shuttle\n\n1/ A Mi-17 flew from Gao to Kidal on Sunday.\n\n" + closing
    found = find_byline(text)
    assert found is not None and found["kind"] == "social_media"
    assert text[found["start"] : found["end"]] == found["outlet"] and found["outlet"].startswith("@")


def test_byline_a_thread_whose_first_post_is_signed_with_its_handle():
    text = (
        "Thread: Russian An-124 traffic into Maiquetía\n\n1/ What follows is pieced together from ADS-B Exchange. "
        "All times Zulu. - @caribe_squawk\n\n2/ RA-82038 left Ulyanovsk at 2131Z on 12 March."
    )
    found = find_byline(text)
    assert (found["outlet"], found["kind"]) == ("@caribe_squawk", "social_media")


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nConstanța\n\nA C-17 landed on Monday.",
        "Headline\n\nA C-17 landed at Ramstein on Monday, the Air Force said.\n\nPress release, Air Force",
        "Headline\n\nThe base is busy\n\nBody.",
    ],
    ids=["place-line", "segments-after-the-body", "sentence-without-full-stop"],
)
def test_byline_segmented_header_needs_a_name_before_the_body(text):
    assert find_byline(text) is None


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Headline\n\nPress Service of the Ministry of Defence of the Republic of Estonia\n\nBody.",
         "Ministry of Defence of the Republic of Estonia"),
        ("Headline\n\nBody.\n\nStory by Department of Defence media team.", "Department of Defence"),
        ("Headline\n\nPRESS RELEASE\n\nBody.\n\n"
         "Press Service of the Ministry of Defence of the Republic of Belarus\n",
         "Ministry of Defence of the Republic of Belarus"),
        ("Headline\n\nBy Andrea Whyte, Staff Reporter\n\nBody.", None),
        ("Headline\n\nBy Kerai Ngiraked, Palau Reporter\n\nBody.", "Palau Reporter"),
    ],
    ids=["press-service-of-the-body", "body-media-team", "press-service-sign-off",
         "reporter-role-is-no-outlet", "paper-named-reporter"],
)  # fmt: skip
def test_byline_the_body_an_office_speaks_for(text, outlet):
    found = find_byline(text)
    assert (found and found["outlet"]) == outlet
    if found:
        assert text[found["start"] : found["end"]] == outlet


def test_byline_an_agency_a_staff_writer_works_with():
    text = "Headline\n\nBy Staff writer, with CNA\n\nBody."
    found = find_byline(text)
    assert found is not None and text[found["start"] : found["end"]] == "CNA"


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Headline\n\nPosted on November 8, 2024\nRelease No. 24-117\nJoint Task Force-Bravo Public Affairs "
         "Office\n\nBody.", "Joint Task Force-Bravo Public Affairs Office"),
        ("Headline\n\nPosted on Oct. 14, 2025\nRelease No. 25-104\n36th Wing Public Affairs, Andersen Air "
         "Force Base, Guam\n\nBody.", "36th Wing Public Affairs"),
        ("Headline\n\nPress Release No. 311\n\nBody.", None),
        ("Headline\n\nMarianas Daily Record\n\nBody.", "Marianas Daily Record"),
    ],
    ids=["posted-on-a-date", "posted-on-an-abbreviated-date", "a-release-number",
         "a-name-that-starts-like-a-month"],
)  # fmt: skip
def test_byline_a_date_or_a_release_number_is_no_outlet(text, outlet):
    found = find_byline(text)
    assert (found["outlet"] if found else None) == outlet
