"""Outreach, shelters and the paperwork of starting again (issue 12): emails and chats, kin
words of the languages spoken in settlement, and the numbers of jobs, study and bonds."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=list(COMMON_SERVICES)).text


def client(name: str, code: str = "ST-8001") -> KnownClient:
    return KnownClient(code, ClientIdentity(full_name=name))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Employee ID: 40021 on the payslip", "40021"),
        ("Payroll no 88123, started Monday", "88123"),
        ("Bond loan no. 884213 approved", "884213"),
        ("RTA bond number 1234567", "1234567"),
        ("RSA card 1234567 is in her wallet", "1234567"),
        ("Photo card no 12345678 ordered", "12345678"),
        ("TAFE student ID s3812345", "s3812345"),
        ("Tenancy no. 55123 with Homes Tasmania", "55123"),
        ("Motel booking conf #77812345, 3 nights", "77812345"),
    ],
)
def test_numbers_of_work_study_and_bonds_after_their_cue_go(text, number):
    assert number not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bond of $1,840 paid and a loan of 2000 from the Salvos.",
        "The staff no longer open the lockers before 9.",
        "Her ID is x12 on the roster.",
        "Visa subclass 866, bridging visa E (subclass 050).",
    ],
)
def test_amounts_and_words_near_those_cues_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Hi Kwame,\nThanks for the update", "Hi "),
        ("Hello Kwame,\n\nPlease call", "Hello "),
        ("Dear Dawit,\nPlease find attached", "Dear "),
        ("Thanks Kwame\nAroha", "Thanks "),
    ],
)
def test_a_greeting_before_a_name_is_not_part_of_it(text, kept):
    out = redact(text)
    assert out.startswith(kept) and "Kwame" not in out and "Dawit" not in out


def test_a_dash_between_a_name_and_a_subject_does_not_join_them():
    assert redact("RE: Hamid - Housing offer") == "RE: [name] - Housing offer"
    assert redact("RE: Marjan - Housing offer", client("Marjan Hosseini")) == (
        "RE: ST-8001 - Housing offer"
    )


def test_a_double_barrelled_name_still_joins_across_its_hyphen():
    assert redact("Sarah Smith-Jones rang") == "[name] rang"
    assert redact("Sarah Smith-\nJones rang") == "[name] rang"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Lane rang about the bond.",
        "Minji Park: on my way",
        "Yeo-jin Park 10:14 AM",
        "Dr Soo-ah Park will see him.",
    ],
)
def test_a_surname_that_is_a_street_type_goes_with_the_person(text):
    out = redact(text)
    assert "Lane" not in out and "Park" not in out and "[name]" in out


@pytest.mark.parametrize(
    "text",
    [
        "We talked at Little Malop Street and got a coffee.",
        "Walked down George Street with him.",
        "Meet at Hyde Park 9:30am.",
        "Went to Victoria Park after lunch.",
    ],
)
def test_streets_and_parks_stay_places(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tonton jean-pierre et tata mireille", "mireille"),
        ("dada amina na kaka juma", "juma"),
        ("akka priya and thambi kumar", "priya"),
        ("bhenji harpreet and chacha gurdev", "gurdev"),
        ("koro wiremu and kui hine", "wiremu"),
        ("wendime dawit is in Perth", "dawit"),
        ("hawey yonas sent money", "yonas"),
        ("akhi omar and ukhti huda", "huda"),
        ("lala gul and khor zarmina", "zarmina"),
        ("unni jiyeon drove her", "jiyeon"),
        ("bhai rafiq has the keys", "rafiq"),
        ("emaye almaz is unwell", "almaz"),
    ],
)
def test_a_name_in_lowercase_after_a_kin_word_of_another_language_goes(text, name):
    assert name not in redact(text)


@pytest.mark.parametrize(
    "text",
    ["bhai said ok", "my akka is sick", "kaka came with dada", "jaja and tjamu at the clinic"],
)
def test_kin_words_alone_survive(text):
    assert redact(text) == text


def test_a_maori_elders_title_goes_with_the_name():
    assert redact("koro wiremu and kui hine came") == "[name] and [name] came"


def test_dates_in_a_tables_birth_date_column_go_row_by_row():
    text = (
        "Bed,Name,DOB,Notes\n1,Ahmad Rezaei,12/03/1985,late pass\n2,Lwazi Dube,01/01/1990,\n"
        "\nArrivals,When\nvan,01/02/2026"
    )
    out = redact(text)
    assert "1990" not in out and "1985" not in out and "01/02/2026" in out
    tabbed = redact("Bed\tName\tD.O.B.\tIn\n4\tKHAN Bilal\t03/04/1995\t21:30")
    assert "1995" not in tabbed and "21:30" in tabbed


def test_other_dates_in_a_table_survive():
    text = "| Name | DOB | Arrived |\n| Ali | 05/06/1999 | 01/11/2026 |"
    out = redact(text)
    assert "1999" not in out and "01/11/2026" in out


@pytest.mark.parametrize(
    "text",
    ["key worker rang", "Spoke to key worker today", "the key worker rang back"],
)
def test_a_word_name_before_a_workers_title_is_the_word(text):
    assert redact(text, client("Jin-ho Key")) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spoke to key about it", "spoke to ST-8001 about it"),
        ("Key rang her worker", "ST-8001 rang her worker"),
    ],
)
def test_the_client_called_key_is_still_replaced(text, expected):
    assert redact(text, client("Jin-ho Key")) == expected


def test_html_tags_and_entities_are_no_ones_name():
    assert redact("<b>Name:</b> Mariam N'Diaye") == "<b>Name:</b> [name]"
    assert redact("<td>Name</td><td>Mariam Diallo</td>") == "<td>Name</td><td>[name]</td>"
    assert redact("<p>Spoke with Dr Ahmed&nbsp;Khan today</p>") == (
        "<p>Spoke with Dr [name] today</p>"
    )


def test_a_slack_links_label_is_read_apart_from_its_address():
    out = redact("cc <https://example.org/profile/mark-otoole|Mark O'Toole>")
    assert out == "cc <[URL]>"  # a label beside an address that names someone goes with it
    assert redact("see <https://example.org/a|the form>") == "see <https://example.org/a|the form>"


def test_cells_under_a_tables_name_columns_go_and_a_clients_keep_their_code():
    text = (
        'id,surname,given,phone\n17,"KOWALCZYK","Agnieszka",0400 111 222\n'
        '18,"ÖZTÜRK","Emre",\n19,"O\'NEILL","Siobhan",'
    )
    out = redact(text, client("Siobhan O'Neill", "DX-9001"))
    assert out == (
        'id,surname,given,phone\n17,"[name]","[name]",[phone]\n'
        '18,"[name]","[name]",\n19,"DX-9001","DX-9001",'
    )


def test_a_lowercase_name_in_a_client_column_goes_and_placeholders_stay():
    out = redact("Client\tStatus\nmaria lopez\tOpen\nn/a\tClosed")
    assert out == "Client\tStatus\n[name]\tOpen\nn/a\tClosed"


@pytest.mark.parametrize(
    "text",
    [
        "Service name,Phone\nLaunch Housing,1800 825 955",
        "Name of service: Orange Sky\nFirst, I rang\nthe office",
        "Status,Due\nOpen,Fri\nClosed,Mon",
    ],
)
def test_tables_without_people_and_sentences_with_commas_are_left_alone(text):
    assert redact(text) == text


def test_a_sentence_with_a_comma_is_not_a_tables_header():
    assert redact("Client, Tom and Mary came\nSarah rang") == (
        "Client, [name] and [name] came\n[name] rang"
    )


def test_a_phone_at_a_rows_end_goes_though_the_next_row_starts_with_a_number():
    assert redact("a,0400 111 222\n18,b") == "a,[phone]\n18,b"
    assert redact("0400 111 222\n18 people") == "[phone]\n18 people"


def test_a_surname_in_capitals_with_accents_is_no_acronym():
    assert redact("Emre ÖZTÜRK rang") == "[name] rang"
    assert redact("RSL NT rang") == "RSL NT rang"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"given_name": "Lily", "surname": "Frost"}',
         '{"given_name": "[name]", "surname": "[name]"}'),
        ("first_name: Hope\nlast_name: Banks", "first_name: [name]\nlast_name: [name]"),
        ("Surname: BANKS   Given name: Hope", "Surname: [name]   Given name: [name]"),
        ('"preferred_name": "Bear"', '"preferred_name": "[name]"'),
        ("client_name=grace.hill&status=open", "client_name=[name]&status=open"),
    ],
)
def test_the_values_of_name_fields_go_though_they_are_words(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Service name: Launch Housing", "Program name: Youth Foyer", "Name: n/a",
     "Re: name change", "my name: Tom"],
)
def test_other_fields_called_name_and_empty_values_survive(text):
    assert redact(text) == text


def test_a_clients_name_in_a_field_keeps_their_code():
    text = '{"first_name": "Siobhan", "last_name": "O\'Neill"}'
    assert redact(text, client("Siobhan O'Neill", "DX-9001")) == (
        '{"first_name": "DX-9001", "last_name": "DX-9001"}'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INFO record 4412 updated by sarah.nguyen", "INFO record 4412 updated by [name]"),
        ("updated by j.smith at 10:02", "updated by [name] at 10:02"),
        ("assigned to: kate_w", "assigned to: [name]"),
        ("user=mohammed.ali", "user=[name]"),
    ],
)
def test_a_login_made_of_a_name_goes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["by i.e the file", "sent to notes.txt", "from www.abc.net", "back by a.m"]
)
def test_abbreviations_files_and_sites_are_no_logins(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Slept at Musgrave Park, then King George Square.",
        "Anzac Square, Jack Evans Boat Harbour, Cathedral Square",
        "under the Hale Street underpass",
        "camped at the Gregory Terrace Parklands",
        "Swag in Flagstaff Gardens near Treasury Gardens.",
    ],
)
def test_where_people_sleep_rough_survives(text):
    assert redact(text) == text


def test_a_person_with_the_same_name_as_a_harbour_is_still_removed():
    assert redact("Jack Evans rang from the boat ramp") == "[name] rang from the boat ramp"


@pytest.mark.parametrize(
    "text",
    [
        "Work rights restored May. Sleeping at the Vinnies.",
        "Next intake August, Alanvale campus.",
        "Youth camp at Lake Tinaroo Sep; camping gear from Anaconda.",
        "Moved to Mt Isa last week.",
        "Camped at Mount Coot-tha, then Lake Macquarie.",
    ],
)
def test_months_after_what_happens_in_them_and_places_after_mount_or_lake_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Born in Kakuma refugee camp, Kenya, so no Australian birth cert.",
        "Born: Jaghori, Ghazni",
        "Interpreters Swahili, Kinyarwanda, Dari.",
        "Intake sheet now in Pashto and Dari.",
    ],
)
def test_birthplaces_and_lists_of_languages_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Born in Kabul, Mohammed came later.", "Born in Kabul, [name] came later."),
        ("May rang about the bond.", "[name] rang about the bond."),
        ("Veronica Lake rang.", "[name] rang."),
        ("Karen and Dari rang.", "[name] and [name] rang."),
    ],
)
def test_people_beside_those_places_months_and_languages_are_still_removed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ImmiCard: PLC 772 019", "772 019"),
        ("[x] ImmiCard — RYW 118 604", "118 604"),
        ("Evidence of Age card, no. EOA 703318.", "703318"),
        ("Bond lodgement no. CBS 2207-4418.", "2207-4418"),
        ("MIN (Corrective Services): MIN 612047", "612047"),
        ("Photo card (TMR): PC 4418820", "4418820"),
        ("(TIS job 2219 4410) for the appointment", "2219 4410"),
        ("Emp No: 9912084", "9912084"),
        ("family violence order FVO 2024/HB/00318.", "00318"),
        ("Court file Parramatta Local Court 2023/00291447.", "00291447"),
        ("Afghan tazkira — 1400-0102-44718", "44718"),
        ("his locker at Hutt St (locker 114) has his papers", "114"),
        ("Bank card — CommBank ending 7714", "7714"),
        ("Motel booking ref CI-558102 for two nights", "558102"),
    ],
)
def test_numbers_of_papers_lockers_and_cards_go(text, number):
    assert number not in redact(text)


@pytest.mark.parametrize(
    "text",
    ["No. 5 bus to the city", "No. of visits 12345", "Room no. 14", "FY 2024/25 and 2024/2025",
     "Lockers 3-5 are broken", "Emp No: n/a"],
)
def test_counts_rooms_and_years_near_those_cues_survive(text):
    assert redact(text) == text


def test_a_form_label_before_a_number_is_not_a_name_but_a_name_before_it_is():
    assert redact("Employee: BHULLAR JASKARAN   Emp No: 9912084") == (
        "Employee: [name]   Emp No: [ID]"
    )
    assert redact("Ahmed Ref: 12345") == "[name]: [ID]"


def test_a_tables_reference_and_locker_columns_go_and_rooms_and_clients_codes_stay():
    text = (
        "Date\tClient\tMotel\tRoom\tRef\n"
        "20/7\tMoon D.\tComfort Inn Bel Eyre\t6\tCI-558102\n"
        "21/7\tOR-7320\tPerth City Motel\t11\tPCM-2209"
    )
    assert redact(text, client("Bogdan Wrobel", "OR-7320")) == (
        "Date\tClient\tMotel\tRoom\tRef\n"
        "20/7\t[name]\tComfort Inn Bel Eyre\t6\t[ID]\n"
        "21/7\tOR-7320\tPerth City Motel\t11\t[ID]"
    )
    assert redact("Client ID,Status\nOR-7320,open", client("Bogdan Wrobel", "OR-7320")) == (
        "Client ID,Status\nOR-7320,open"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Prison exits WA: Hakea Prison, Casuarina Prison, Bandyup Women's Prison.",
        "Katherine night patrol: 21:00 Kalano — drop-off 3",
        "Perth CBD outreach:\n- Hay Street Mall: 4\n- Forrest Chase: 2",
        "Gilbert Street and Hutt Street outreach — quiet.",
        "Your application for a Resolution of Status (subclass 851) visa has been received.",
        "Applied to Queensland Registry of Births, Deaths and Marriages, fee waived.",
        "Course: CHC32015 Certificate III in Community Services",
    ],
)
def test_services_landmarks_titles_and_courses_survive(text):
    assert redact(text) == text


def test_a_verb_after_a_lowercase_name_stays_a_verb():
    assert redact("My moko teremoana start work at Bunnings") == (
        "My moko [name] start work at Bunnings"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New place 23 Heatherton Road, Noble Park North VIC 3174. Next week.",
         "New place [address]. Next week."),
        ("OR-7305\n4/77 CANTERBURY RD\nLAKEMBA NSW 2195\nReference: x",
         "OR-7305\n[address]\nReference: x"),
        ("at 12 Smith St, Bel Eyre WA 6100 today", "at [address] today"),
    ],
)
def test_an_address_takes_its_suburbs_compass_word_and_a_suburb_on_the_next_line(
    text, expected
):
    assert redact(text) == expected


def test_a_clients_unit_alone_goes_in_a_note_that_gives_their_street():
    bogdan = KnownClient(
        "OR-7320",
        ClientIdentity(full_name="Bogdan Wrobel", address="7/258 Gilles Street, Adelaide SA 5000"),
    )
    assert redact("His address now 258 Gilles Street, unit 7.", bogdan) == (
        "His address now [address], [address]."
    )
    assert redact("Rooms at the refuge: unit 7 and unit 8", bogdan) == (
        "Rooms at the refuge: unit 7 and unit 8"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NOK: son ph O427 OO9 318", "NOK: son ph [phone]"),
        ("email him at ciaran dot ahearn at gmail dot com — thanks",
         "email him at [email] — thanks"),
        ("Her USI (B7KQ4MZ9P2) from TAFE NSW", "Her USI ([ID]) from TAFE NSW"),
        ("The locker HS-L33 is hers.", "The locker [ID] is hers."),
        ("mi hija valentina dice hola", "mi hija [name] dice hola"),
        ("mon ami saliou a trouvé un travail", "mon ami [name] a trouvé un travail"),
        ("hooyo (xawo) waa fiican tahay", "hooyo ([name]) waa fiican tahay"),
        ("my boss is dawson kelleway", "my boss is [name]"),
    ],
)
def test_scanned_and_spoken_details_and_kin_in_spanish_french_and_somali_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["ate lunch at the drop-in", "the boss said no", "Oooo 4000 ooo", "meet at gmail"]
)
def test_words_beside_those_rules_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Salvation Army Palmerston closed Mon. Catholic Care NT ER Tue. Royal Darwin.",
        "Migrant Resource Centre has Mandarin workers Tue. UTAS counselling free.",
        "Roster this week\n• Mon — desk\n• Tue — outreach\n• Wed — off",
        "| Client | Next |\n|---|---|\n| FX-8822 | Thu |",
        "Royal Hobart Hospital Ward 4K, home Sun.",
    ],
)
def test_weekdays_in_rosters_cells_and_after_what_happens_on_them_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [("Tue rang", "[name] rang"),
                                                 ("Thu Nguyen came", "[name] came")])
def test_people_called_like_weekdays_are_still_removed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Housing officer Clemency Bramall at Inala Housing Service Centre.",
         "Housing officer [name] at Inala Housing Service Centre."),
        ("spoke with Clemency Bramall", "spoke with [name]"),
        ("06:55 Whitmore Square — Radek (Radosław Kmiecik)",
         "06:55 Whitmore Square — [name] ([name])"),
        ("Radosław Kmiecik (Radek) slept at the Park Lands",
         "[name] ([name]) slept at the Park Lands"),
        ("Sarah Jones (Centrelink) rang", "[name] (Centrelink) rang"),
    ],
)
def test_a_word_name_after_a_role_and_a_name_in_brackets_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["spoke with Housing Tasmania", "spoke with Legal Aid today",
             "spoke with Youth Foyer staff"],
)
def test_organisations_after_contact_words_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The Albert Hall in Launceston has nothing to do with her.",
        "Hume and Maribyrnong coordination, 11/3.",
        "Il est né à Kinshasa.",
    ],
)
def test_named_halls_places_before_and_and_birthplaces_in_french_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Su hija Valentina nació en Medellín.", "Su hija [name] nació en Medellín."),
        ("Mi hermano Carlos llamó.", "Mi hermano [name] llamó."),
        ("Albert Hall rang about the bond.", "[name] rang about the bond."),
        ("Hume and Sarah came.", "[name] and [name] came."),
    ],
)
def test_spanish_possessives_stay_and_people_named_like_halls_and_places_go(text, expected):
    assert redact(text) == expected


def test_the_teams_names_in_an_owner_column_stay_and_quoted_cells_keep_their_commas():
    text = (
        "code,client,suburb,status,owner,note\n"
        'FX-8807,"COLÓN IBARRA, Yesenia",Moorooka,open,Abernethy,"QCAT 17/9, outcome: stays"\n'
        'FX-8811,"LODGE, Tarnee",Mundingburra,open,Abernethy,"lodged mould claim"'
    )
    out = deidentify(text, [], keep=[*COMMON_SERVICES, "Cressida Abernethy"]).text
    assert out == (
        "code,client,suburb,status,owner,note\n"
        'FX-8807,"[name]",Moorooka,open,Abernethy,"QCAT 17/9, outcome: stays"\n'
        'FX-8811,"[name]",Mundingburra,open,Abernethy,"lodged mould claim"'
    )


@pytest.mark.parametrize(
    "text",
    [
        "JusticeNet SA pro bono can't take wage claims under $5,000.",
        "People's names that are services: Hutt St Centre, Catherine House.",
        "Asian Women at Work in Bankstown runs Thai groups Saturdays.",
    ],
)
def test_pro_bono_collective_possessives_and_peoples_groups_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "alias", "expected"),
    [
        ("hey sunniva its al . lost me phone again", "Al",
         "hey sunniva its ST-8001 . lost me phone again"),
        ("jedda dijan starry. mi got the house paper", "Starry",
         "jedda dijan ST-8001. mi got the house paper"),
        ("tipani po, si dory. salamat po", "Dory", "tipani po, si ST-8001. salamat po"),
        ("Bonjour, c'est Espoir.", "Espoir", "Bonjour, c'est ST-8001."),
    ],
)
def test_a_client_saying_who_they_are_in_other_languages_is_replaced(text, alias, expected):
    person = KnownClient("ST-8001", ClientIdentity(full_name="Rahel Tesfay", aliases=(alias,)))
    assert redact(text, person) == expected


def test_my_house_in_spanish_is_no_introduction():
    assert redact("mi casa es su casa") == "mi casa es su casa"


# A first review of this session's rules (helper, 2,400 inputs of its own against the session's
# starting engine): every leak and over-redaction it found, fixed.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Took Ed to ED.", "Ed "),
        ("To: <Grace> re the bond", "Grace"),
        ("Client: Zanele - Mokoena", "Mokoena"),
        ("Referral: Ignatius - Mulally, 42yo male, rough sleeping.", "Mulally"),
        ("Thabo - Nkosi rang today.", "Thabo"),
        ("Kofi and Amma Boateng came in.", "Amma"),
        ("Client's aunty, Mamie Thornbury, will be guarantor.", "Mamie"),
        ("Unni Krishnan is the new tenant.", "Unni"),
        ("Massoud Rahimi and Tonton Tshabalala came in.", "Tshabalala"),
        ("Spoke with Boss today.", "Boss"),
        ("Dec Hanlon (landlord) rang.", "Dec"),
        ("spoke to lang today", "lang"),
        ("Pt Okafor seen in ED at 0300.", "Okafor"),
        ("Mt Kwame", "Kwame"),
        ("Lake Kowalczyk rang", "Kowalczyk"),
        ("Born in Lagos, Okonkwo arrived in 2015.", "Okonkwo"),
        ("Baby born at RBWH, Tshabalala is the father.", "Tshabalala"),
        ("Nigerian-born Okonkwo came in for his bond.", "Okonkwo"),
        ("Son of Baker came in.", "Baker"),
        ("Mother of Bishop called", "Bishop"),
        ("Ibis Hotel Kwame checked in", "Kwame"),
        ("Manager of the Comfort Inn Sue Tran", "Tran"),
        ("Met Deshawn Okoro Marina side", "Okoro"),
        ("Thu: sister", "Thu"),
        ("| Family member | Relationship |\n| Thu | daughter |", "Thu"),
        ("His ICMS-123456 number", "123456"),
        ("WWC Check WWC0123456E Certificate attached", "0123456"),
        ("Bed\tMobile\tNights\n1\t0412345678\t3\n2\t0433222111\t5", "0433222111"),
        ("1. 0412 345 678 0433 222 111\n2. 0400 999 888", "0412 345 678"),
        ("Kwame 0412345678 (2)\n0433 222 111 (mum)", "0433 222 111"),
        ("Room 12 - 0412345678\n 0400 999 888 (alt)", "0400 999 888"),
        ("<Kwame> rang", "Kwame"),
        ("my boss is dawson kelleway", "kelleway"),
    ],
)
def test_what_the_first_review_found_leaking_is_removed(text, gone):
    assert gone not in redact(text)


def test_a_registered_clients_villa_alone_goes_where_their_street_is_said():
    hine = KnownClient(
        "ST-8004",
        ClientIdentity(full_name="Hine Walker", address="Villa 7, 20 Jacaranda Avenue, Ipswich"),
    )
    text = "Visited Jacaranda Avenue, then took Hine back to villa 7."
    assert "villa 7" not in redact(text, hine)
    assert redact("spoke to hope worker", client("Hope Kealy")) == "spoke to ST-8001 worker"
    assert redact("<Marlene> rang", client("Marlene Tupou")) == "<ST-8001> rang"


@pytest.mark.parametrize(
    "text",
    [
        "Outreach route\nEdward Street 7:30pm\nAnn Street 8:15pm",
        "Van stops:\nCharlotte Street: 7pm\nAlice Street: 8pm",
        "William Street: 2 sleepers",
        "Name,Type,Suburb\nKurlana Tapa,refuge,Kilburn\nHutt St Centre,day centre,Adelaide",
        "Tenant,Rent\nHousing SA,200\nVacant,0\nUnknown male,0\nGroup A,1",
        "| Last | Next |\n| Monday | Friday |",
        "Name: Refused",
        "Name: Not Given",
        "File,Ref\n12 DEC 2025,done",
        "Her bridging visa ending 2026",
        "Bus no. 55501",
        "her boss cut shifts",
        "boss lady said ok",
        "his moko start school monday",
        "la tía de ella",
        "mon frere est parti",
        "sa fille est malade",
        "Sista Mob outreach van",
        "Tata Steel",
        "Liverpool Hospital ED SW handover: Vietnamese mum",
    ],
)
def test_what_the_first_review_found_wrongly_removed_survives(text):
    assert redact(text) == text


def test_a_phone_read_line_by_line_leaves_the_sentences_brackets():
    assert redact("x\nLandlady Ms Peck (07-5623-3909) will accept") == (
        "x\nLandlady [name] ([phone]) will accept"
    )
    assert redact("a\n(02) 9876 5432 - home") == "a\n[phone] - home"


# A second review (helper, 3,600 inputs of its own and 70,000 fuzzed ones, against the session's
# starting engine, after the first review's fixes): every leak and over-redaction, fixed.
def test_kept_table_cells_never_shield_a_registered_clients_details():
    marlene = KnownClient(
        "ST-8001",
        ClientIdentity(full_name="Marlene Okafor", address="14/22 Rawson Street, Auburn"),
    )
    logan = KnownClient("ST-8301", ClientIdentity(full_name="Logan Whitby"))
    keep = [*COMMON_SERVICES, "Tom Hughes", "Cressida Abernethy"]
    out = deidentify("Client,Location,Worker\nMarlene Okafor,Rawson Street,Cressida",
                     [marlene], keep=keep).text
    assert out == "Client,Location,Worker\nST-8001,[address],Cressida"
    out = deidentify("Action | Who | When\nAttend Centrelink | Logan | Fri", [logan],
                     keep=keep).text
    assert "Logan" not in out
    out = deidentify("Staff,Client\nLogan Webster,Kwame Asante", [], keep=keep).text
    assert out == "Staff,Client\n[name],[name]"


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("his fb <https://www.facebook.com/ngaire.tipene|ngaire tipene>", "tipene"),
        ("<https://x.com/jkemp88|jkemp88>", "jkemp88"),
        ("Spoke with David Lodge today re bond.", "Lodge"),
        ("Met David Lodge at the Lodge", "David"),
        ("Called Priya Sharma Inn manager.", "Sharma"),
        ("Spoke with Marina today.", "Marina"),
        ("Met the Kim Hall family.", "Kim"),
        ("Visited the Chin family at the motel.", "Chin"),
        ("spoke to mari about the lease", "mari"),
        ("her husband tran le rang", "le"),
        ("her mate jenny love is a witness", "love"),
        ("Tu aunty took the kids.", "Tu"),
        ("ED MAGUIRE (LANDLORD) WANTS KEYS BACK.", "ED"),
        ("Spoke with Lake Kowalczyk about the lease.", "Kowalczyk"),
        ("Thu - Lao rang re bond", "Thu"),
        ("- Sun: rang twice, wants a call", "Sun"),
        ("Nov Tran rang", "Nov"),
        ("Client Bell Number: 7", "Bell"),
        ("Student ABC12345 Certificate III", "12345"),
        ("Numbers 0412 345 678 0433 222 111", "0433"),
        ("email at ciaran dot ahearn at gmail dot com <@U024BE7LH>", "ahearn"),
        ("ph 0427 OO9 318", "318"),
        ("jane.doe&#64;gmail.com", "jane"),
        ("Locker no 12A", "12A"),
        ("Locker: 9", "9"),
        ("mon ami saliou a trouvé un travail", "saliou"),
        ("ang anak ko jerico tumawag", "jerico"),
    ],
)
def test_what_the_second_review_found_leaking_is_removed(text, gone):
    assert gone not in redact(text)


def test_a_clients_word_name_before_worker_is_the_client_unless_in_lowercase_or_a_label():
    key = client("Key Lee")
    assert redact("Key worker rang", key) == "ST-8001 worker rang"
    assert redact("spoke to key worker", key) == "spoke to key worker"
    assert redact("Key worker: Birgitta", key).startswith("Key worker:")
    assert redact("spoke to grant worker re rent", client("Grant Mabo")) == (
        "spoke to ST-8001 worker re rent"
    )


@pytest.mark.parametrize(
    "text",
    [
        "mi hermano trabaja en Coles",
        "Told her no. 2024-25 funding is gone.",
        "came with dada and his mum",
        "Edward Eagar Lodge",
        "Stayed at Perth City Motel",
    ],
)
def test_what_the_second_review_found_wrongly_removed_survives(text):
    assert redact(text) == text


def test_a_weekday_after_a_name_is_not_joined_to_it():
    assert redact("needs transport to UC Fri").endswith(" Fri")



# A third review (helper, 1,200 inputs of its own, 16,500 generated and 12,000 fuzzed, against
# the session's starting engine, after the second review's fixes): every leak it found, fixed.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Kate Harbour rang at 10", "Harbour"),
        ("Present: Priya Raman, Mary Anne Weir, Tom Hall", "Weir"),
        ("Spoke with Mr Peter Lodge today", "Lodge"),
        ("Emeka Ndlovu Inn manager called", "Ndlovu"),
        ("Catch up with the Kim Hall mob", "Kim"),
        ("Lake Ivanova rang", "Ivanova"),
        ("Left VM for Lake Marika on 0465 673 672", "Marika"),
        ("Born Tshabalala, now Ndlovu", "Tshabalala"),
        ("mei ang rang", "mei ang"),
        ("ER Smith said she can go", "Smith"),
        ("Ph: 0412&nbsp;345&nbsp;678", "678"),
    ],
)
def test_what_the_third_review_found_leaking_is_removed(text, gone):
    assert gone not in redact(text)


def test_an_ampersand_between_names_is_no_html_entity():
    marlene, dawson = client("Marlene Okafor", "ST-8001"), client("Dawson Kelleway", "ST-8002")
    out = redact("Bond for Dawson&Marlene; paid", marlene, dawson)
    assert out == "Bond for ST-8002&ST-8001; paid"


@pytest.mark.parametrize(
    "text",
    [
        "Grace Street: tents, 2 sleepers",
        "Mary Road is closed for works",
        "DASS-21 items: 0 1 2 3 1 0 2 1 3 0 1 2 0 1 2 3 1 0 2 1 3",
        "Rent paid weeks 1-6: 250 250 250 200 250 250",
        "c'est bon",
        "Anzac Square, Jack Evans Boat Harbour, Cathedral Square",
    ],
)
def test_what_the_third_review_found_wrongly_removed_survives(text):
    assert redact(text) == text


# A fourth review (helper, 1,550 inputs of its own, after the third review's fixes): its leaks.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Referral from Mary Anne Weir re housing", "Weir"),
        ("Spoke to the Sarah Jane Weir at the desk", "Weir"),
        ("Update on the Jenny Hall situation", "Jenny"),
        ("Born: Jaghori, Ghazni, Zarghuna Rahimi (mum) lives in Logan", "Rahimi"),
        ("Born in Mosul, Iraq, Shirin Haddad", "Shirin"),
        ("| Name | Day |\n| Thu | Mon |", "Thu"),
        ("Confié à Jordan", "Jordan"),
        ("Arthur Gorrie rang", "Gorrie"),
    ],
)
def test_what_the_fourth_review_found_leaking_is_removed(text, gone):
    assert gone not in redact(text)


def test_a_second_pass_over_a_redacted_note_changes_nothing_though_a_dob_placeholder_is_there():
    """Found by the property test on the session's starting engine too: "[DOB]" is no birth cue."""
    out = "U1R-999 and her son [name] ([DOB] (aged 53)) starts school on 9 December at 10:30."
    someone = KnownClient(
        "U1R-014", ClientIdentity(full_name="Bob Jones", date_of_birth=dt.date(1993, 12, 9))
    )
    assert redact(out, someone) == out


# A fifth review (helper, 1,742 inputs of its own, after the fourth review's fixes).
@pytest.mark.parametrize(
    ("text", "name", "gone"),
    [
        ("Went round to Anne's Kitchen at 10, no one home.", "Anne Kowalczyk", "Anne"),
        ("ANNE'S KITCHEN DIRTY", "Anne Kowalczyk", "ANNE"),
        ("Billy's Place - no power", "Billy Tran", "Billy"),
        ("| Thu | rang twice |", "Thu Nguyen", "Thu"),
        ("Who | What\nThu | pick up keys", "Thu Nguyen", "Thu"),
        ("Thu\tsister\trang", "Thu Nguyen", "Thu"),
        ("June agrees.", "June Nguyen", "June"),
    ],
)
def test_a_registered_name_wins_over_a_service_named_for_someone_and_a_days_cell(text, name, gone):
    """The register wins: "Anne's Kitchen" reads as the client's kitchen; a lone weekday cell
    beside what someone did is the client Thu."""
    assert gone not in redact(text, client(name))


def test_a_roster_of_days_stays_though_a_client_is_called_thu():
    thu = client("Thu Nguyen")
    assert redact("| Mon | Tue | Wed | Thu |", thu) == "| Mon | Tue | Wed | Thu |"
    assert redact("Open Mon-Thu 9-5", thu) == "Open Mon-Thu 9-5"
    sunday = client("Sunday Akot")
    assert "SUNDAY" not in redact("SUNDAY — SUNDAY VISIT CANCELLED", sunday).split("—")[0]


def test_a_service_named_for_someone_still_shields_a_members_first_name_alone():
    """The keep-list's "Anne" (a member's display name) is not a phrase opening with "'s"."""
    anne = client("Anne Kowalczyk")
    assert deidentify("Anne's laptop is fixed", [anne], keep=["Anne"]).text == (
        "Anne's laptop is fixed"
    )


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Name,DOB\r\nRain Crow,03/04/2001", "03/04/2001"),  # Windows line ends
        ("DOB,Name\r\n03/04/2001,Rain Crow\r\n", "Rain Crow"),
        ("Name | DOB (dd/mm/yyyy)\nRain Crow | 03/04/2001", "03/04/2001"),
        ("Child | Child DOB\nKai Crow | 03/04/2015", "03/04/2015"),
        ("Given Name(s) | Age/DOB\nKai Crow | 03/04/2015", "03/04/2015"),
        ("Young person,date_of_birth\nKai Crow,2015-04-03", "2015-04-03"),
        ("Client: Rain Crow", "Rain"),
        ("Name (as on ID): Rain Crow", "Crow"),
        ("Name\tThu", "Thu"),
        ("Client\tThu\nWorker\tGrace", "Thu"),
        ("Camped near the Port. Arthur says the tent leaks.", "Arthur"),
        ("Referral from Lake Kowalczyk, she is the mum's friend.", "Kowalczyk"),
        ("Met at Lake Okafor's flat", "Okafor"),
        ("Born in Kakuma, Nyakim's mum says hi.", "Nyakim"),
        ("Born in Gaza, Haddad", "Haddad"),
        ("Spoke to the Kim Hall.", "Kim"),
        ("Contacted the Jenny Hall. She says the kids are fine.", "Jenny"),
        ("Assigned to: grace.nguyen", "nguyen"),
        ("Carer name: Rain Crow", "Crow"),
    ],
)
def test_what_the_fifth_review_found_leaking_is_removed(text, gone):
    team = ["Grace Lee", "Grace", "Tom Whitfield", "Tom"]
    assert gone not in deidentify(text, [], keep=[*COMMON_SERVICES, *team]).text


@pytest.mark.parametrize(
    "text",
    [
        "Name\tU1R-014\nSuburb\tLogan\nReferrer\tHospital",  # a form's labels, not a table
        "Name,Count\nMorning tea,12\nDrop-in,3",
        "Full name,Role\nTeam Leader,lead",
        "Name: Housing First review",
        "Room no. 12045 booked",
        "Bed no 12345 booked",
        "Version no. 10234",
        "Question no. 12345",
        "Carer name: rain crow",  # the label's "name" is no one's
        "Born: Jaghori, Ghazni",
        "Booked the Albert Hall for the AGM.",
        "Camping at Lake Tinaroo this week, then at Lake Eyre.",
        "Mt. Isa rang",
        "updated by grace.lee",
    ],
)
def test_what_the_fifth_review_found_wrongly_removed_survives(text):
    team = ["Grace Lee", "Grace", "Tom Whitfield", "Tom"]
    assert deidentify(text, [], keep=[*COMMON_SERVICES, *team]).text == text


# The nineteenth set (family violence, remote communities, lines typed into Casebot): its round.
@pytest.mark.parametrize(
    "text",
    [
        "She is Napangardi skin, he is Jakamarra. They say Kwementyaye for the one who passed.",
        "At the refuge: a dog called Bluey and a cat named Pepper.",
        "She came with her kelpie Nugget.",
        "Booked on Airnorth to Darwin, then the Bush Bus; fuel at the Caltex.",
        "Fishing at Geikie Gorge; she came through Nyarugusu camp.",
    ],
)
def test_kinship_categories_pets_and_remote_services_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Rosie Napangardi Brown came in from Yuendumu.", "Napangardi"),
        ("Kwementyaye Tilmouth passed in 2019.", "Tilmouth"),
        ("Napangardi rang this morning.", "Napangardi"),
        ("Her ex Dwayne took the dog.", "Dwayne"),
        ("Aggrieved: Rosie Brown. Respondent: TILMOUTH, Jarrod. Court file 2291/24.", "Jarrod"),
        ("The order was made. Respondent: Jarrod Tilmouth", "Tilmouth"),
    ],
)
def test_a_skin_name_or_a_pet_word_inside_a_name_and_an_orders_parties_go(text, gone):
    assert gone not in redact(text)


def test_a_members_name_after_a_kriol_word_survives():
    keep = [*COMMON_SERVICES, "Tavish Bramley", "Tavish"]
    assert deidentify("im rait tavish, mi go back", [], keep=keep).text == (
        "im rait tavish, mi go back"
    )


def test_a_dwelling_registered_without_a_street_goes_wherever_the_note_says_it():
    home = KnownClient("SF-9113", ClientIdentity(
        full_name="Cornell Lowah", address="House 6, Hidden Valley Town Camp, Alice Springs NT 0870"
    ))
    assert redact("Visit at House 6 in Hidden Valley town camp.", home) == (
        "Visit at [address] in Hidden Valley town camp."
    )
    assert redact("House 7 is empty.", home) == "House 7 is empty."


def test_a_car_named_like_a_client_is_the_car_and_a_holiday_is_no_ones():
    swift = client("Keeley Swift")
    assert redact("He took her Suzuki Swift (rego 1AB 2CD).", swift).startswith(
        "He took her Suzuki Swift"
    )
    assert "Swift" not in redact("Swift rang from the refuge.", swift)
    king = client("Robert King")
    assert redact("Closed for the King's Birthday.", king) == "Closed for the King's Birthday."


# A sixth review (helper, ~1,020 inputs of its own, after the fifth review's and set 19's rules).
def test_a_pets_name_shields_only_where_it_is_said_to_be_a_pet():
    assert "Kevin" not in redact("Her dog Kevin is at the pound. Kevin rang about the bond.")
    assert "Kevin" not in redact("Collected the dog Kevin took from her flat")


def test_clients_named_like_days_are_the_clients_outside_a_roster_or_a_range():
    thu, sun = client("Thu Nguyen", "U1R-101"), client("Sun Li", "U1R-102")
    assert redact("Thu, Sun and the kids at the hub today", thu, sun) == (
        "U1R-101, U1R-102 and the kids at the hub today"
    )
    assert redact("Saw Thu/Sun at the van", thu, sun) == "Saw U1R-101/U1R-102 at the van"


def test_a_dwellings_number_is_not_a_count_and_its_other_spellings_go():
    lot = KnownClient("U1R-602", ClientIdentity(
        full_name="Mavis Kelsall", address="Lot 412, Yuendumu NT 0872"
    ))
    house = KnownClient("U1R-601", ClientIdentity(
        full_name="Jonah Lowah", address="House 6, Hidden Valley Town Camp, Alice Springs NT 0870"
    ))
    assert redact("She has been in the house 6 weeks", house) == (
        "She has been in the house 6 weeks"
    )
    assert redact("back at house number 6", house) == "back at [address]"
    assert redact("staying at lot-412 now", lot) == "staying at [address] now"


def test_a_holiday_and_a_name_pair_are_not_shielded_as_a_car_or_a_possessive():
    assert redact("Valentine's Day lunch at the hub", client("Valentine Osei")) == (
        "Valentine's Day lunch at the hub"
    )
    assert "Kia" not in redact("Kia Rio rang re: her bond", client("Kia Paewai"))


# A seventh review (helper, 1,390 inputs of its own, against the engine before set 19's rules).
@pytest.mark.parametrize(
    "text",
    [
        "Appts this week:\nThu - Mon 10am Centrelink",
        "| Who | When | Outcome |\n|---|---|---|\n| Thu | Mon | no show |",
        "Mon 9am: team mtg\nWed - Thu to sign lease",
        "Thu – Wed 2pm, housing interview at Anglicare",
    ],
)
def test_a_client_named_like_a_day_beside_one_other_day_is_the_client(text):
    assert "U1R-101" in redact(text, client("Thu Nguyen", "U1R-101"))


def test_three_days_side_by_side_are_a_rosters_even_with_a_client_called_thu():
    roster = "| Mon | Tue | Wed | Thu | Fri |\n| 9am | 10am | 11am | 1pm | 2pm |"
    assert redact(roster, client("Thu Nguyen", "U1R-101")) == roster


def test_a_clients_whole_name_is_no_car_in_either_order():
    ranger = KnownClient("U1R-701", ClientIdentity(full_name="Ranger Ford", aliases=("Ranger",)))
    assert redact("Client: FORD Ranger\nReferral: rent arrears", ranger) == (
        "Client: U1R-701\nReferral: rent arrears"
    )
    assert redact("SUZUKI Swift rang re the bond.", client("Swift Suzuki", "U1R-702")) == (
        "U1R-702 rang re the bond."
    )


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Thabo Langa rang about the rent", "Langa"),  # Kriol's "langa" is someone's surname
        ("Sabi Rai came in for a food voucher", "Sabi"),
        ("Referral for Jidan Abdi (15) from school", "Jidan"),
        ("Name: Kylie brown\nDOB: 02/02/1990", "Kylie"),
        ("Client name: Kylie brown", "brown"),
        ("Respondent: Lucky Friday\nAggrieved: Kylie brown", "Lucky"),
        ("Witness: Kylie Brown\nCo-tenant: Mary Lane", "Mary"),
        ("DVO application\nReferrer: Jethro Swift\nDate: 12/03/2025", "Jethro"),
        ("Thanks for walking the dog Kylie.", "Kylie"),
        ("can u feed the cat Shane. back Sat", "Shane"),
        ("| Name | Teresa Granites |\n| DOB | 03/04/1999 |", "1999"),
        ("Name\tTeresa Granites\nDOB\t03/04/1999", "1999"),
    ],
)
def test_what_the_seventh_review_found_leaking_is_removed(text, gone):
    assert gone not in redact(text)


def test_a_clients_name_with_a_holiday_in_lowercase_is_the_clients():
    king = KnownClient("U1R-703", ClientIdentity(full_name="Jimmy King", aliases=("King",)))
    assert redact("It was King's birthday on Sat.", king) == "It was U1R-703's birthday on Sat."
    assert redact("Office closed King's Birthday Monday.", king) == (
        "Office closed King's Birthday Monday."
    )
    valentine = client("Valentine Ochieng", "U1R-704")
    assert redact("Valentine's day in court is Monday.", valentine).startswith("U1R-704")


def test_a_dwelling_registered_anywhere_in_the_address_goes_in_its_short_forms():
    house = KnownClient("U1R-601", ClientIdentity(
        full_name="Jessie Wilson", address="Hidden Valley Town Camp, House No. 6"
    ))
    assert redact("Client staying at hse 6 with aunty.", house) == (
        "Client staying at [address] with aunty."
    )
    assert redact("Home visits to House 6 x 2 this week.", house) == (
        "Home visits to [address] x 2 this week."
    )


@pytest.mark.parametrize(
    "text",
    [
        "her kelpie Nugget. came to the refuge",
        "She has a dog called Ranger, and her cat Misty.",
        "staying with aunty. Home visits on Fridays.",
        "Name: Morning tea\nTime: 10am",
        "Client: Team Leader\nName: Housing First review",
        "| DOB | Appt |\n|---|---|\n| Mon | 12/05/2025 |",
    ],
)
def test_what_the_seventh_review_must_not_remove_survives(text):
    assert redact(text) == text
